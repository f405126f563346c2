"""The dashboard in a real browser: `streamlit run` + Debian's Chromium driven by Playwright.

Opens every page (no exception box, charts drawn) and saves tests/artifacts/screenshots/<page>.png
(docs/screenshots/ with ZM_SCREENSHOTS=docs/screenshots);
checks a deep link opens its page inside the frame on a freshly started server, that a shared
link reproduces its view, that pasted <script>/HTML stays inert text, and
that a server-side PNG export with Chinese labels is a real, coloured image.
"""
from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import numpy as np
import pytest
from playwright.sync_api import Page, expect, sync_playwright

import lib
from dashboard import charts, data, export, labels, state, ui
from dashboard.data import Filters

ROOT = Path(__file__).resolve().parents[1]
# Screenshots go to tests/artifacts/ (ignored); ZM_SCREENSHOTS=docs/screenshots refreshes the README's.
SHOTS = ROOT / os.environ.get("ZM_SCREENSHOTS", "tests/artifacts/screenshots")
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# page url path -> (title shown, draws charts)
PAGES = {"": ("开发区指标看板", True), "compare": ("对比", True), "trends": ("趋势", True),
         "evidence": ("来源", False), "conflicts": ("冲突", False), "documents": ("文章", False), "add": ("添加文章", False),
         "data": ("数据", False)}
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
DRAWN = ".js-plotly-plot .main-svg .xtick"
XSS = ('<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2"> '
       "[点我](http://evil.example/) 2023年全区实现地区生产总值120亿元。")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve():
    """A new `streamlit run app.py` process; yields its base URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ZM_HOSTED": "1"}  # never offer to write into data/corpus here
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(proc.stdout.read().decode(errors="replace"))
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.fixture(scope="module")
def server():
    with serve() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    pg = context.new_page()
    yield pg
    context.close()


def open_page(pg: Page, url: str, charts_expected: bool) -> None:
    pg.goto(url)
    pg.wait_for_selector(DONE, timeout=60_000)
    assert pg.locator('[data-testid="stException"]').count() == 0, \
        pg.locator('[data-testid="stException"]').first.inner_text()
    if charts_expected:
        pg.wait_for_selector(DRAWN, timeout=30_000)


def test_every_page_renders_and_is_screenshotted(server, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for path, (title, has_charts) in PAGES.items():
        open_page(page, f"{server}/{path}", has_charts)
        expect(page.locator("h1").first).to_contain_text(title)
        if has_charts:
            expect(page.locator(".js-plotly-plot").first).to_be_visible()
        page.wait_for_timeout(300)  # let the last paint settle before the screenshot
        shot = SHOTS / f"{path or 'overview'}.png"
        page.screenshot(path=shot)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_shared_link_reproduces_the_view(server, page):
    facts = data.normalise(lib.extract_facts(str(state.CORPUS_DIR)))
    level = facts[(facts["measure"] == "level") & (facts["scope"] == "zone")]
    metric = level.groupby("metric")["zone"].nunique().idxmax()
    zones = sorted(level.loc[level["metric"] == metric, "zone"].unique())[:2]
    query = {"zone": zones, "metric": metric, "measure": "level", "status": "actual",
             "scope": "zone"}
    open_page(page, f"{server}/compare?{urlencode(query, doseq=True)}", True)
    expect(page.locator(".js-plotly-plot .gtitle")).to_contain_text(labels.metric(metric))
    ticks = set(page.locator(".js-plotly-plot .xtick text").evaluate_all(
        "els => els.map(e => e.textContent)"))
    assert ticks and ticks <= set(zones)
    sidebar = page.locator('[data-testid="stSidebar"]')
    for zone in zones:
        expect(sidebar).to_contain_text(zone)
    kept = parse_qs(urlparse(page.url).query)
    assert kept["zone"] == zones and kept["metric"] == [metric] and kept["status"] == ["actual"]
    # a change in the sidebar shows up in the address bar
    sidebar.get_by_text("全部", exact=True).click()
    page.wait_for_url("**scope=all**", timeout=15_000)


def test_a_deep_link_on_a_fresh_server_opens_its_page_in_the_frame(page):
    """The first request of a new server is a deep link with filters. With pages/ beside app.py,
    Streamlit runs pages/compare.py by itself for /compare until the first st.navigation call in
    the process: the page must still be drawn inside app.py's frame (data, sidebar filters, the
    declared navigation), with no error and no "Page not found" dialog."""
    query = {"metric": "gdp", "measure": "level", "status": "actual", "scope": "zone"}
    with serve() as fresh:
        open_page(page, f"{fresh}/compare?{urlencode(query)}", True)
        expect(page.locator("h1").first).to_contain_text("对比")
        expect(page.locator(".js-plotly-plot .gtitle")).to_contain_text(labels.metric("gdp"))
        assert page.locator('[role="dialog"]').count() == 0, \
            page.locator('[role="dialog"]').first.inner_text()
        nav = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
        assert [t.split()[-1] for t in nav] == ["概览", "对比", "趋势", "来源", "冲突", "文章", "添加文章", "数据"]
        kept = parse_qs(urlparse(page.url).query)
        assert urlparse(page.url).path == "/compare" and kept["metric"] == ["gdp"]
        # the sidebar filters are the frame's and still work in this session
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_role("combobox", name="指标")).to_have_value(labels.metric("gdp"))
        sidebar.get_by_text("全部", exact=True).click()
        page.wait_for_url("**scope=all**", timeout=15_000)
        page.wait_for_selector(DONE, timeout=30_000)
        page.wait_for_selector(DRAWN, timeout=30_000)
        assert page.locator('[data-testid="stException"]').count() == 0
        expect(page.locator("h1").first).to_contain_text("对比")


def test_evidence_links_to_the_article(server, page):
    open_page(page, f"{server}/evidence", False)
    page.get_by_text("在全文中查看").click()
    page.wait_for_url("**/documents?**doc=**", timeout=15_000)
    doc_id = parse_qs(urlparse(page.url).query)["doc"][0]
    page.wait_for_selector(DONE, timeout=30_000)
    picker = page.locator('[data-testid="stMain"]').get_by_role("combobox", name="文章")
    expect(picker).to_have_value(re.compile(re.escape(doc_id)))
    expect(page.locator('[data-testid="stMain"] mark').first).to_be_visible()


def test_pasted_html_and_script_stay_plain_text(server, page):
    open_page(page, f"{server}/add", False)
    page.locator("textarea").first.fill(XSS)
    page.locator("textarea").first.press("Control+Enter")  # commit the text area
    page.wait_for_timeout(500)
    page.get_by_role("button", name="提取并加入").click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_be_visible(timeout=30_000)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("文章", exact=True).click()
    page.wait_for_url("**/documents**")
    box = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first
    box.click()
    page.keyboard.type("pasted")
    page.keyboard.press("Enter")
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("<script>window.__xss = 1</script>", timeout=20_000)
    expect(main).to_contain_text("[点我](http://evil.example/)")
    page.wait_for_timeout(500)  # an injected onerror would have fired by now
    assert page.evaluate("window.__xss") is None
    assert main.locator('img[src="x"]').count() == 0
    assert main.locator('a[href^="http://evil.example"]').count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0


def test_exported_png_has_colour_and_chinese_labels():
    from PIL import Image

    facts = data.normalise(lib.extract_facts(str(state.CORPUS_DIR)))
    f = Filters(metric=data.default_metric(facts))
    folded = data.fold(data.filter_facts(facts, f))
    plotted, _ = ui.chart_zones(folded[folded["unit"] == data.main_unit(folded)], f)
    label = labels.metric(f.metric)
    fig = charts.compare_bars(plotted, label, f"{label}（{data.main_unit(plotted)}）")
    png = export.png_bytes(fig)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "export_compare.png").write_bytes(png)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    img = Image.open(io.BytesIO(png)).convert("RGB")
    assert img.size[0] >= 1200
    # Traces in colour, not the all-black ones the "streamlit" template exports.
    rgb = np.asarray(img, dtype=int)
    saturation = rgb.max(axis=2) - rgb.min(axis=2)
    assert (saturation > 60).mean() > 0.01
    # The Chinese title is in the SVG text (the PNG is drawn from the same figure).
    assert label in export.svg_bytes(fig).decode("utf-8")
    assert json.loads(fig.to_json())["layout"]["template"]["layout"]["paper_bgcolor"] == "white"


def test_an_upload_survives_a_refresh_and_opens_from_a_copied_link_only(server, browser):
    """The workspace key in the URL brings a visitor's article back in a new browser context;
    a context without the key does not see it."""
    contexts = [browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN") for _ in range(3)]
    try:
        first, second, third = (c.new_page() for c in contexts)
        open_page(first, f"{server}/add", False)
        expect(first.get_by_text("还没有。")).to_be_visible()
        first.locator("textarea").first.fill("2023年,合肥高新区实现营业收入1234亿元,同比增长9.9%。")
        first.locator("textarea").first.press("Control+Enter")
        first.get_by_role("button", name="提取并加入").click()
        first.wait_for_function("() => location.search.includes('ws=')", timeout=60_000)
        link = first.url
        first.reload()
        first.wait_for_selector(DONE, timeout=60_000)
        expect(first.get_by_text("还没有。")).to_have_count(0)            # a refresh keeps it
        open_page(second, link, False)                                       # a colleague's browser
        expect(second.get_by_text("还没有。")).to_have_count(0)
        expect(second.get_by_text("已过期或不存在")).to_have_count(0)
        open_page(third, f"{server}/add", False)                             # no key: not there
        expect(third.get_by_text("还没有。")).to_be_visible()
    finally:
        for c in contexts:
            c.close()
