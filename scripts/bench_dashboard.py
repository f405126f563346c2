"""Dashboard speed: (a) start to first drawn chart, (b) a filter change over N facts.

    .venv/bin/python scripts/bench_dashboard.py [--facts 100000] [--skip-browser]
    .venv/bin/python scripts/bench_dashboard.py --facts 1000000 --skip-browser   # issue 10

(a) starts `streamlit run app.py` headless on a free loopback port, opens it in Debian's
    Chromium (Playwright) and waits for the Overview's first Plotly chart to be drawn:
    from launching a server with no cache at all (HOME set to an empty folder), from
    launching it again (extraction persisted on disk), and from opening the page on the
    running server in a new and in a returning browser profile.
(b) replicates the corpus facts to N rows over many zones and years, then times a metric
    change: the pure functions a rerun of 对比 calls (filter, fold, figures), a whole AppTest
    rerun of the 对比 page with the N facts in the session, the same rerun with the corpus
    alone (AppTest and session overhead, not our code), a year change on 概览, and the
    folding done once per session when the facts change.
Goals: first chart <= 3 s; filter change <= 0.5 s at 100,000 facts, <= 1 s at 1,000,000.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
FIRST_CHART = ".js-plotly-plot .main-svg .xtick"  # axes drawn, not just mounted


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_health(url: str, timeout: float = 30) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{url} not healthy after {timeout} s")


def start_server(port: int, home: str | None = None, extra_env: dict | None = None) -> subprocess.Popen:
    env = {**os.environ, **({"HOME": home} if home else {}), **(extra_env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def first_chart(browser, url: str, context=None, page=None) -> float:
    """Seconds from opening url until the first Plotly chart's axes are drawn
    (in a new browser profile, a new tab of `context`, or again in `page`)."""
    ctx = context or (None if page else browser.new_context(viewport={"width": 1400, "height": 1000}))
    pg = page or ctx.new_page()
    if page:
        page.goto("about:blank")
    t = time.perf_counter()
    pg.goto(url)
    pg.wait_for_selector(FIRST_CHART, state="attached", timeout=60_000)
    took = time.perf_counter() - t
    if page is None:
        pg.close()
    if context is None and page is None:
        ctx.close()
    return took


def launch(browser, home: str | None, visits: bool, extra_env: dict | None = None) -> dict:
    """Launch a server, open the Overview once; optionally time more visits."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    server = start_server(port, home, extra_env)
    try:
        wait_health(url)
        health = time.perf_counter() - t0
        first = health + first_chart(browser, url)
        out = {"health": health, "launch": first}
        if visits:
            # a new visitor: fresh browser profile, so Streamlit's JS is fetched and compiled
            out["new"] = statistics.median(first_chart(browser, url) for _ in range(3))
            # a returning visitor: a new tab of a browser that has Streamlit's JS cached
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            first_chart(browser, url, ctx)
            out["back"] = statistics.median(first_chart(browser, url, ctx) for _ in range(3))
            # the same tab opening the page again (JS compiled and cached in the renderer)
            tab = ctx.new_page()
            first_chart(browser, url, page=tab)
            out["again"] = statistics.median(first_chart(browser, url, page=tab) for _ in range(3))
            ctx.close()
        return out
    finally:
        server.terminate()
        server.wait(timeout=10)


def bench_first_chart(corpus_articles: int = 0) -> dict:
    """First chart from a server launch: with nothing cached (the corpus extracted on the first
    visit, filling the facts cache), then from a new server with nothing changed (facts read
    back from the cache). With corpus_articles, on a corpus of that many varied articles."""
    import tempfile
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p, tempfile.TemporaryDirectory() as home:
        env = {"ZM_FACT_CACHE": str(Path(home) / "facts")}
        if corpus_articles:
            from bench_scale import build_corpus
            corpus = Path(home) / "corpus"
            corpus.mkdir()
            build_corpus(corpus, corpus_articles)
            env["ZM_CORPUS_DIR"] = str(corpus)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            cold = launch(browser, home, visits=False, extra_env=env)
            warm = launch(browser, home, visits=True, extra_env=env)   # nothing changed: the cache
        finally:
            browser.close()
    return {"cold": cold, "warm": warm}


FILTER_GOALS = {100_000: 0.5, 1_000_000: 1.0}   # facts -> seconds per filter change


def filter_goal(n: int) -> float:
    return FILTER_GOALS[max([k for k in FILTER_GOALS if k <= n] or [min(FILTER_GOALS)])]


def apptest_reruns(facts, page: str, changes: list[tuple[str, str, object]]) -> tuple[float, float]:
    """Median and max seconds of whole AppTest reruns of `page` with `facts` in the session (as if
    uploaded), one per (widget kind, key, value) change."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    if facts is not None:
        at.session_state["upl_facts"] = facts
    at.run()
    at.switch_page(page).run()
    times = []
    for kind, key, value in changes:
        getattr(at.sidebar, kind)(key=key).set_value(value)
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
        assert not at.exception, at.exception
    return statistics.median(times), max(times)


def bench_filter_change(n: int) -> dict:
    import lib
    from dashboard import charts, data, state, ui
    from dashboard.data import Filters

    docs, _ = lib.read_documents([str(state.CORPUS_DIR)])
    base = data.normalise(lib.extract_facts(docs))
    big = data.normalise(data.replicate_facts(base, n))   # as session_data holds uploads
    metrics = [m for m in data.metric_options(big) if m != "other"][:6]

    t = time.perf_counter()
    folding = data.fold_in_scope(big, "zone")   # once per session and facts table (ui.folded)
    once = time.perf_counter() - t

    def rerun(metric: str) -> None:
        """What pages/compare.py and pages/trends.py compute after a metric change."""
        f = Filters(metric=metric)
        folded = ui.in_period(data.folded_view(big, f, folding), "year")
        plotted, _ = ui.chart_zones(folded[folded["unit"] == data.main_unit(folded)], f)
        plotted = plotted.assign(conflict=data.conflicts(plotted)["conflict"].reindex(plotted.index))
        charts.compare_bars(plotted, metric, metric).to_plotly_json()
        charts.trend_lines(plotted[plotted["period"] == "year"], metric, metric,
                           charts.zone_colours(data.zone_options(big)))

    rerun(metrics[0])  # warm-up (imports, first pandas paths)
    times = []
    for m in metrics:
        t = time.perf_counter()
        rerun(m)
        times.append(time.perf_counter() - t)

    changes = [("selectbox", "flt_metric", m) for m in metrics[1:5]]
    years = data.year_options(big)
    return {"facts": len(big) + len(base), "functions": statistics.median(times),
            "functions_max": max(times), "once": once,
            "apptest": apptest_reruns(big, "pages/compare.py", changes),
            "overhead": apptest_reruns(None, "pages/compare.py", [
                ("selectbox", "flt_metric", m) for m in data.metric_options(base)[:4]]),
            # every change a new view over most of the million facts (none cached)
            "overview": apptest_reruns(big, "pages/overview.py", [
                ("multiselect", "flt_status", ["actual"]), ("multiselect", "flt_years", years[:3]),
                ("multiselect", "flt_status", ["target"]), ("multiselect", "flt_years", [])])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--skip-browser", action="store_true")
    ap.add_argument("--corpus-articles", type=int, default=0, metavar="N",
                    help="time the first chart on a corpus of N varied articles instead of the bundled one")
    args = ap.parse_args()
    os.chdir(ROOT)
    if not args.skip_browser:
        r = bench_first_chart(args.corpus_articles)
        c, w = r["cold"], r["warm"]
        corpus = f"{args.corpus_articles:,} varied articles" if args.corpus_articles else "the bundled corpus"
        print(f"(a) first chart drawn, {corpus} [goal <= 3 s]:")
        print(f"    {c['launch']:5.2f} s  from launching the server, no cache at all "
              f"(health after {c['health']:.2f} s; imports + corpus extraction on first visit)")
        print(f"    {w['launch']:5.2f} s  from launching a new server, nothing changed (facts from the per-article cache)")
        print(f"    {w['new']:5.2f} s  opening the page on a running server, new browser profile")
        print(f"    {w['back']:5.2f} s  opening it in a new tab of a browser that has the JS cached")
        print(f"    {w['again']:5.2f} s  opening it again in the same tab")
    r = bench_filter_change(args.facts)
    goal = filter_goal(r["facts"])
    print(f"(b) filter change with {r['facts']:,} facts [goal <= {goal:g} s]:")
    print(f"    {r['functions']:5.3f} s  filter+fold+figures of 对比/趋势 (median of metric changes, "
          f"max {r['functions_max']:.3f} s)")
    for name, what, (median, most) in [("对比", "a metric change", r["apptest"]),
                                       ("概览", "a status or year change", r["overview"])]:
        print(f"    {median:5.3f} s  whole AppTest rerun of {name} after {what} (median, max "
              f"{most:.3f} s) {'goal met' if most <= goal else 'GOAL MISSED'}")
        if name == "对比":
            print(f"    {r['overhead'][0]:5.3f} s    of it AppTest + session overhead (the same "
                  f"rerun with the corpus alone)")
    print(f"    {r['once']:5.3f} s  once per session and facts table: folding them "
          f"(the first chart after loading)")
    worst = max(r["apptest"][1], r["overview"][1])
    print(f"=> filter change with {r['facts']:,} facts: {worst:.3f} s (slowest whole rerun above); "
          f"goal <= {goal:g} s {'met' if worst <= goal else 'MISSED'}")


if __name__ == "__main__":
    main()
