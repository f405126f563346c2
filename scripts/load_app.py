"""Load test: N visitors open a dashboard page at the same moment; how long until each sees
its first chart, and how much memory the server took.

Starts `streamlit run app.py` on a free port (or uses --url of a running server), then opens
N concurrent Playwright browser contexts (Debian's /usr/bin/chromium, headless) on PAGE and
prints, per wave, the seconds from navigation to the first drawn chart for every context, and
the server's peak RSS (VmHWM; only for a server this script started, or --pid).

With --clients socket (or both, the default, after the browser waves) the same waves are
run by visitors without a browser: websocket clients that request the page and time the
server's first chart message, i.e. the server's share of the wait with no rendering.

Wave 1 is the first visit of a fresh server (nothing cached in memory yet; with --cold not on
disk either, so the corpus is extracted while the visitors wait); wave 2 is a second group
arriving afterwards. The browsers run on the same machine as the server: the script also
prints the CPU seconds of the server and of the whole machine per wave, to tell the two apart.

usage: python scripts/load_app.py [-n 10] [--page compare] [--waves 2] [--clients both]
                                  [--cold] [--url URL [--pid PID]]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DRAWN = ".js-plotly-plot .main-svg .xtick"  # a chart with its axis drawn
ERROR_BOX = '[data-testid="stException"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(cold: bool = False) -> tuple[subprocess.Popen, str]:
    """`streamlit run app.py` on a free port; cold: with an empty HOME, so Streamlit's disk
    cache (~/.streamlit/cache) is empty and the corpus is extracted during wave 1."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ZM_HOSTED": "1"}  # a hosted-like server: no saving into data/corpus
    if cold:
        env["HOME"] = tempfile.mkdtemp(prefix="zm-load-home-")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while True:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                raise SystemExit("error: the Streamlit server did not start")
            time.sleep(0.1)


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM), in MB; None when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time the process (and its reaped children) used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except (OSError, TypeError, ValueError):
        return None


def machine_busy_seconds() -> float:
    """CPU seconds all processes of the machine used so far (from /proc/stat)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, idle, iowait, irq, softirq = (int(x) for x in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


async def visit(browser, url: str, timeout_s: float) -> float:
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    try:
        page = await context.new_page()
        t0 = time.perf_counter()
        await page.goto(url)
        await page.wait_for_selector(DRAWN, timeout=timeout_s * 1000)
        elapsed = time.perf_counter() - t0
        if await page.locator(ERROR_BOX).count():
            raise RuntimeError(await page.locator(ERROR_BOX).first.inner_text())
        return elapsed
    finally:
        await context.close()


async def socket_visit(url: str, page: str, timeout_s: float) -> float:
    """A visitor without a browser: opens the app's websocket, asks for the page as the
    browser's first message does, and times the arrival of the first chart element (the
    server's share of the wait, without any rendering)."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async with websockets.connect(url.replace("http", "ws", 1) + "/_stcore/stream",
                                  subprotocols=["streamlit"], max_size=None) as ws:
        request = BackMsg()
        request.rerun_script.query_string = ""
        request.rerun_script.page_name = page
        t0 = time.perf_counter()
        await ws.send(request.SerializeToString())
        while time.perf_counter() - t0 < timeout_s:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(ws.recv(), timeout_s))
            kind = msg.WhichOneof("type")
            if (kind == "delta" and msg.delta.WhichOneof("type") == "new_element"
                    and msg.delta.new_element.WhichOneof("type") == "plotly_chart"):
                return time.perf_counter() - t0
            if kind == "script_finished":
                raise RuntimeError("the page finished without a chart")
        raise TimeoutError


async def run_socket_waves(base: str, page: str, n: int, waves: int, timeout_s: float,
                           pid: int | None) -> list[tuple[list[float], float | None, float]]:
    results = []
    for _ in range(waves):
        cpu0, busy0 = cpu_seconds(pid), machine_busy_seconds()
        times = await asyncio.gather(*(socket_visit(base, page, timeout_s) for _ in range(n)))
        cpu1, busy1 = cpu_seconds(pid), machine_busy_seconds()
        results.append((times, None if cpu0 is None else cpu1 - cpu0, busy1 - busy0))
    return results


async def run_waves(url: str, n: int, waves: int, timeout_s: float,
                    pid: int | None) -> list[tuple[list[float], float | None]]:
    """Per wave: the visitors' times to first chart, the server's CPU seconds and the whole
    machine's (the browsers run on the same cores)."""
    from playwright.async_api import async_playwright

    results = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(waves):
                cpu0, busy0 = cpu_seconds(pid), machine_busy_seconds()
                times = await asyncio.gather(*(visit(browser, url, timeout_s) for _ in range(n)))
                cpu1, busy1 = cpu_seconds(pid), machine_busy_seconds()
                results.append((times, None if cpu0 is None else cpu1 - cpu0, busy1 - busy0))
        finally:
            await browser.close()
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--visitors", type=int, default=10)
    ap.add_argument("--page", default="compare", help="url path of the page (default: compare)")
    ap.add_argument("--waves", type=int, default=2)
    ap.add_argument("--url", help="a running server (default: start one)")
    ap.add_argument("--pid", type=int, help="the running server's process id, for its peak RSS")
    ap.add_argument("--clients", choices=["browser", "socket", "both"], default="both",
                    help="browser: Chromium contexts; socket: websocket clients that time the "
                         "server's first chart message without rendering (default: both)")
    ap.add_argument("--cold", action="store_true",
                    help="start the server with an empty disk cache (corpus extracted in wave 1)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per visit")
    a = ap.parse_args()

    proc = None
    if a.url:
        base, pid = a.url.rstrip("/"), a.pid
    else:
        proc, base = start_server(a.cold)
        pid = proc.pid
    try:
        print(f"server {base}  page /{a.page}  visitors {a.visitors}  cores {os.cpu_count()}")
        runs = []
        if a.clients in ("browser", "both"):
            runs.append(("browser", asyncio.run(
                run_waves(f"{base}/{a.page}", a.visitors, a.waves, a.timeout, pid))))
        if a.clients in ("socket", "both"):
            runs.append(("socket", asyncio.run(
                run_socket_waves(base, a.page, a.visitors, a.waves, a.timeout, pid))))
        waves = [(f"{kind} wave {i}", *wave) for kind, kind_waves in runs
                 for i, wave in enumerate(kind_waves, start=1)]
        for label, times, cpu, busy in waves:
            shown = " ".join(f"{t:.1f}" for t in times)
            print(f"{label}: first chart after (s): {shown}")
            print(f"        median {statistics.median(times):.1f} s  max {max(times):.1f} s"
                  + (f"  server CPU {cpu:.1f} s" if cpu is not None else "")
                  + f"  whole machine CPU {busy:.1f} s (browsers included)")
        rss = peak_rss_mb(pid) if pid else None
        print(f"server peak RSS: {rss:.0f} MB" if rss is not None else "server peak RSS: unknown (give --pid)")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
