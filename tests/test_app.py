"""The Streamlit dashboard run headless with AppTest, plus its pure helpers.

Every page must run without an exception; filters must change what the charts plot and
round-trip through the URL; uploads must reach every page; article text must stay inert;
download bytes must be real files of their type.
"""
from __future__ import annotations

import base64
import os
import time
import io
import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import lib
from dashboard import captions, charts, data, export, labels, state, text, ui, uploads
from dashboard.data import Filters

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["overview", "compare", "trends", "evidence", "conflicts", "documents", "add", "data"]
XSS = ('<script>alert("x")</script><img src=x onerror="alert(1)"> '
       "[点我](http://evil.example/) ![图](http://evil.example/a.png) **粗体** "
       "2023年全区实现地区生产总值120亿元,同比增长8.5%。")


def start(query: dict | None = None, **state) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(query or {})
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figure(at: AppTest, i: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def html_of(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def corpus_facts() -> pd.DataFrame:
    return data.normalise(lib.extract_facts(lib.read_documents([str(state.CORPUS_DIR)])[0]))


def two_metrics_two_zones() -> tuple[str, str, list[str]]:
    """Two whole-zone level metrics that at least two zones report, and two such zones."""
    f = corpus_facts()
    f = f[(f["scope"] == "zone") & (f["measure"] == "level") & f["year"].notna()]
    by_zones = f.groupby("metric")["zone"].nunique().sort_values(ascending=False)
    m1, m2 = by_zones.index[:2]
    zones = sorted(f.loc[f["metric"] == m1, "zone"].unique())[:2]
    return m1, m2, zones


def values(arr) -> list:
    """A figure-JSON array: plain list, or Plotly's typed array {"dtype", "bdata"}."""
    if isinstance(arr, dict) and "bdata" in arr:
        return np.frombuffer(base64.b64decode(arr["bdata"]), dtype=arr["dtype"]).tolist()
    return list(arr)


def bar_points(fig: dict) -> int:
    return sum(len(values(t.get("x", []))) for t in fig["data"])


# ------------------------------------------------------------------ every page

@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page):
    at = goto(start(), page)
    assert at.title, f"{page} shows no title"
    if page in ("overview", "compare", "trends"):
        assert at.get("plotly_chart"), f"{page} draws no chart"


def test_overview_counts_the_corpus():
    at = start({"scope": "all"})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["文章"] == str(len(list(state.CORPUS_DIR.glob("*.txt"))))
    assert int(metrics["数字"]) == len(corpus_facts())
    assert figure(at)["data"][0]["type"] == "heatmap"
    # the cards follow the filters: one zone, whole-zone figures only
    facts = corpus_facts()
    zone = facts["zone"].value_counts().index[0]
    one = {m.label: m.value for m in start({"zone": [zone], "scope": "zone"}).metric}
    assert int(one["数字"]) == int(((facts["zone"] == zone) & (facts["scope"] == "zone")).sum())
    assert one["开发区"] == "1"
    assert at.dataframe, "latest-values table missing"


def test_ui_uses_chinese_labels_not_metric_keys():
    at = goto(start(), "compare")
    metric = at.selectbox(key="flt_metric").value
    spec = figure(at)
    assert labels.metric(metric) in spec["layout"]["title"]["text"]
    assert metric not in spec["layout"]["title"]["text"]
    shown = at.selectbox(key="flt_metric").format_func(metric)
    assert shown == labels.metric(metric)


# ------------------------------------------------------------------ filters

def test_changing_the_metric_changes_the_chart():
    m1, m2, _ = two_metrics_two_zones()
    at = goto(start({"metric": m1}), "compare")
    before = figure(at)
    at.selectbox(key="flt_metric").set_value(m2).run()
    after = figure(at)
    assert labels.metric(m1) in before["layout"]["title"]["text"]
    assert labels.metric(m2) in after["layout"]["title"]["text"]
    assert [values(t["y"]) for t in before["data"]] != [values(t["y"]) for t in after["data"]]


def test_zone_filter_limits_the_bars_to_those_zones():
    m1, _, zones = two_metrics_two_zones()
    at = goto(start({"metric": m1}), "compare")
    all_ticks = figure(at)["layout"]["xaxis"]["ticktext"]
    at.multiselect(key="flt_zones").set_value([zones[0]]).run()
    one = figure(at)
    assert one["layout"]["xaxis"]["ticktext"] == [zones[0]]
    assert len(all_ticks) > 1
    assert all(row[0] == zones[0] for t in one["data"] for row in t["customdata"])


def test_status_filter_separates_targets():
    at = goto(start({"status": ["target"]}), "compare")
    names = [t["name"] for t in figure(at)["data"]]
    assert names and all(n.endswith("（目标）") for n in names)
    assert all(t["marker"]["pattern"]["shape"] == charts.TARGET_PATTERN for t in figure(at)["data"])


def test_trends_draws_targets_dashed():
    at = goto(start({"status": ["actual", "target"]}), "trends")
    for trace in figure(at)["data"]:
        assert trace["line"]["dash"] == ("dash" if trace["name"].endswith("（目标）") else "solid")


def test_query_params_round_trip():
    m1, _, zones = two_metrics_two_zones()
    query = {"zone": zones, "metric": m1, "measure": "level", "status": ["actual", "target"],
             "scope": "zone"}
    at = goto(start(query), "compare")
    assert at.multiselect(key="flt_zones").value == zones
    assert at.selectbox(key="flt_metric").value == m1
    assert at.query_params == {**query, "period": "year"}   # the chart's period joins the URL
    assert set(figure(at)["layout"]["xaxis"]["ticktext"]) <= set(zones)
    # a change in the sidebar is written back to the URL
    at.radio(key="flt_scope").set_value("all").run()
    assert at.query_params["scope"] == "all"
    year = data.year_options(corpus_facts())[-1]
    at.multiselect(key="flt_years").set_value([year]).run()
    assert at.query_params["year"] == str(year)


def test_bad_query_params_fall_back_to_defaults():
    at = start({"metric": "no_such_metric", "zone": "<script>", "year": "abc", "scope": "x"})
    assert not at.exception
    assert at.selectbox(key="flt_metric").value == data.default_metric(corpus_facts())
    assert at.multiselect(key="flt_zones").value == []
    assert at.radio(key="flt_scope").value == "zone"


def test_bad_query_params_are_named_in_a_notice():
    at = start({"metric": "no_such_metric", "zone": "不存在开发区", "year": "abc"})
    notice = " ".join(w.value for w in at.sidebar.warning)
    assert "不存在开发区" in notice and "no_such_metric" in notice and "abc" in notice
    assert not start().sidebar.warning   # a clean link gives no notice


def test_spreadsheet_downloads_carry_chinese_labels_beside_the_keys():
    df = corpus_facts().head(20)
    out = labels.with_label_columns(df)
    cols = list(out.columns)
    assert cols[cols.index("metric") + 1] == "指标" and cols[cols.index("status") + 1] == "状态"
    assert set(out["状态"]) <= {"实际", "目标"} and out["metric"].tolist() == df["metric"].tolist()
    assert "口径" in pd.read_csv(io.BytesIO(export.csv_bytes(out))).columns


def test_a_figure_without_a_zone_is_named_as_such():
    d = data.fold(corpus_facts().head(3).assign(zone=""))
    fig = charts.compare_bars(d, "t", "y")
    assert fig.layout.xaxis.ticktext == (labels.NO_ZONE,)
    assert set(ui.display_table(d)["开发区"]) == {labels.NO_ZONE}


def test_params_helpers_are_inverse():
    opts = {"zones": ["甲区", "乙区"], "years": [2019, 2020], "metric": ["", "gdp"],
            "measure": ["", "level"], "statuses": ["actual", "target"],
            "scope": ["zone", "sub", "all"]}
    f = Filters(zones=("乙区",), years=(2020,), metric="gdp", measure="", statuses=("target",),
                scope="all")
    from dashboard import filters
    assert filters.from_params(filters.to_params(f), opts, Filters()) == f


def test_empty_selection_shows_a_message_not_an_error():
    m1, _, _ = two_metrics_two_zones()
    f = corpus_facts()
    zone_without = sorted(set(f["zone"]) - set(f.loc[f["metric"] == m1, "zone"]))[0]
    for page in ("compare", "trends"):
        at = goto(start({"metric": m1, "zone": zone_without}), page)
        assert not at.get("plotly_chart")
        assert any("没有数据" in i.value for i in at.info)


# ------------------------------------------------------------------ folding

def test_repeats_fold_in_charts_but_not_in_the_table():
    row = corpus_facts().query("scope == 'zone' and measure == 'level'").head(1)
    repeated = pd.concat([row] * 3, ignore_index=True).assign(zone="重复区", year=2001)
    query = {"metric": row["metric"].iat[0], "zone": "重复区"}
    at = goto(start(query, upl_facts=repeated), "compare")
    assert bar_points(figure(at)) == 1
    at = goto(at, "data")
    assert len(at.dataframe[0].value) == 3


def test_fold_keeps_one_row_per_figure_and_counts_mentions():
    f = corpus_facts().head(2)
    twice = pd.concat([f, f.head(1)], ignore_index=True)
    folded = data.fold(twice)
    assert len(folded) == len(data.fold(f)) and folded["mentions"].max() == 2
    assert len(data.filter_facts(twice, Filters(measure="", statuses=(), scope="all"))) == 3


# ------------------------------------------------------------------ evidence and documents

def test_evidence_shows_the_chosen_fact_in_context_with_a_link():
    at = goto(start({"scope": "all", "measure": "", "metric": ""}), "evidence")
    table = at.dataframe[0].value
    assert len(table) == len(corpus_facts())
    at.session_state["ev_table"] = {"selection": {"rows": [3], "columns": [], "cells": []}}
    at.run()
    row = data.filter_facts(at.session_state["app_data"].facts,
                            Filters(measure="", metric="", scope="all")).iloc[3]
    doc = at.session_state["app_data"].docs[row["doc_id"]]
    body = html_of(at)
    assert f">{text.esc(doc.text[row['start']:row['end']])}</mark>" in body
    assert len(body) > len(row["sentence"])  # sentences around it, not just the sentence
    assert at.get("page_link")[0].proto.page.endswith("documents")


def test_evidence_search_filters_rows():
    at = goto(start({"scope": "all", "measure": "", "metric": ""}), "evidence")
    n = len(at.dataframe[0].value)
    zone = corpus_facts()["zone"].value_counts().index[-1]
    at.text_input(key="ev_query").set_value(zone).run()
    found = at.dataframe[0].value
    assert 0 < len(found) < n and (found["开发区"] == zone).any()


def test_documents_page_marks_every_fact_and_untaken_numbers():
    facts = corpus_facts()
    doc_id = facts["doc_id"].value_counts().index[0]
    at = start()
    at.query_params["doc"] = doc_id  # as a link from the 来源 page would
    at = goto(at, "documents")
    assert at.selectbox(key="doc_pick").value == doc_id
    body = at.html[-1].proto.body
    doc = at.session_state["app_data"].docs[doc_id]
    spans = facts.loc[facts["doc_id"] == doc_id, ["start", "end"]].drop_duplicates()
    assert body.count("<mark ") == len(spans)
    taken = list(zip(spans["start"], spans["end"]))
    untaken = [s for s in lib.number_spans(doc.text)
               if not any(s[0] < e and b < s[1] for b, e in taken)]
    assert body.count(text.UNTAKEN_STYLE) == len(untaken)
    assert at.query_params["doc"] == doc_id


# ------------------------------------------------------------------ uploads

GOOD = "2022年,示范区实现地区生产总值356亿元,同比增长6.1%;新增企业120家。".encode()


def test_upload_adds_good_files_and_lists_bad_ones():
    at = goto(start(), "add")
    at.file_uploader[0].set_value([
        ("good_one.txt", GOOD, "text/plain"),
        ("broken.pdf", b"this is not a pdf", "application/pdf"),
        ("<img src=x onerror=alert(1)>.docx", b"not a zip", "application/octet-stream"),
    ])
    at.run()
    at.button(key="add_go").click().run()
    assert not at.exception
    assert list(at.session_state["upl_docs"]) == ["good_one"]
    assert len(at.session_state["upl_errors"]) == 2
    errors = html_of(at)
    assert "broken.pdf" in errors and "&lt;img src=x onerror=alert(1)&gt;.docx" in errors
    assert "<img" not in errors
    assert at.success and "1 篇" in at.success[0].value


def test_pasted_article_is_used_on_every_page_of_the_session():
    at = goto(start(), "add")
    at.text_area(key="add_text").set_value(GOOD.decode())
    at.text_input(key="add_zone").set_value("测试示范区")
    at.button(key="add_go").click().run()
    facts = at.session_state["upl_facts"]
    assert len(facts) > 0
    assert "测试示范区" in at.multiselect(key="flt_zones").options
    for page in PAGES:
        goto(at, page)
    at = goto(at, "data")
    at.multiselect(key="flt_zones").set_value(["测试示范区"]).run()
    at.selectbox(key="flt_metric").set_value("").run()
    at.selectbox(key="flt_measure").set_value("").run()
    assert len(at.dataframe[0].value) == (facts["scope"] == "zone").sum()


def test_adding_empties_the_inputs_and_keeps_ids_unique():
    at = goto(start(), "add")
    for text in (GOOD.decode(), GOOD.decode() + "另有新增企业12家。"):
        at.text_area(key="add_text").set_value(text)
        at.button(key="add_go").click().run()
        assert at.text_area(key="add_text").value == ""
        assert not at.file_uploader[0].value
    assert list(at.session_state["upl_docs"]) == ["pasted", "pasted_2"]
    assert uploads.unique_id("年报 2023.docx", {"年报_2023.docx"}) == "年报_2023.docx_2"


def test_a_duplicate_upload_says_so_and_adds_nothing():
    at = goto(start(), "add")
    at.text_area(key="add_text").set_value(GOOD.decode())
    at.button(key="add_go").click().run()
    facts_before = len(at.session_state["app_data"].facts)
    # the same article again, in traditional characters and GBK, as a file
    traditional = GOOD.decode().replace("区", "區").replace("实现", "實現").encode("gbk", errors="ignore")
    docs, facts, errors = uploads.ingest([("again.txt", GOOD)], [], set(at.session_state["upl_docs"]),
                                         {uploads.content_key(GOOD.decode()): "pasted"})
    assert docs == {} and facts.empty and "pasted" in errors[0] and "未重复加入" in errors[0]
    assert uploads.content_key(traditional.decode("gbk")) == uploads.content_key(GOOD.decode())
    at.text_area(key="add_text").set_value(GOOD.decode())
    at.button(key="add_go").click().run()
    assert len(at.session_state["app_data"].facts) == facts_before
    assert not at.success and any("未重复加入" in h.proto.body for h in at.html)
    corpus_doc = next(iter(at.session_state["app_data"].docs.values()))
    at.text_area(key="add_text").set_value(corpus_doc.text)   # a bundled article pasted again
    at.button(key="add_go").click().run()
    assert len(at.session_state["app_data"].facts) == facts_before


def test_uploads_stay_in_the_visitors_session():
    at = goto(start(), "add")
    at.text_area(key="add_text").set_value(GOOD.decode())
    at.button(key="add_go").click().run()
    assert at.session_state["upl_docs"]
    other = start()
    assert "pasted" not in other.session_state["app_data"].docs


def test_article_text_is_shown_as_plain_text(tmp_path):
    at = goto(start(), "add")
    at.text_area(key="add_text").set_value(XSS)
    at.text_input(key="add_title").set_value("<b>标题</b>[链接](http://evil.example/)")
    at.button(key="add_go").click().run()
    doc_id = next(iter(at.session_state["upl_docs"]))
    at = goto(at, "documents")
    at.selectbox(key="doc_pick").set_value(doc_id).run()
    body = html_of(at)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=&quot;alert(" in body  # the 1 is marked as a number
    assert "[点我](http://evil.example/)" in body and "**粗体**" in body
    assert "&lt;b&gt;标题&lt;/b&gt;" in body
    for bad in ("<script", "<img", "<b>标题", 'href="http://evil'):
        assert bad not in body
    # Markdown elements never carry article text (it would render links and images)
    assert not any("evil.example" in m.value for m in at.markdown)
    assert not any("evil.example" in m.value for m in at.caption)


def test_chart_labels_and_hovers_are_escaped():
    row = corpus_facts().head(1).assign(zone="<b>区</b>", sentence="<script>x</script>")
    fig = charts.compare_bars(data.fold(row), "<i>t</i>", "y")
    spec = fig.to_plotly_json()
    blob = json.dumps(spec, ensure_ascii=False)
    assert "<script>" not in blob and "<b>区</b>" not in blob and "<i>t</i>" not in blob
    assert "&lt;script&gt;" in blob and "&lt;b&gt;区&lt;/b&gt;" in blob


def test_safe_link_only_for_http():
    assert "<a" not in text.safe_link("javascript:alert(1)", "x")
    assert 'href="https://a.example/?a=1&amp;b=2"' in text.safe_link("https://a.example/?a=1&b=2", "x")


def test_save_to_corpus_only_locally(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(state.CORPUS_DIR, corpus)
    monkeypatch.setattr(state, "CORPUS_DIR", corpus)
    monkeypatch.setenv("ZM_HOSTED", "1")
    at = goto(start(), "add")
    at.text_area(key="add_text").set_value(GOOD.decode())
    at.button(key="add_go").click().run()
    assert not [b for b in at.button if b.key == "add_save"], "save offered on a hosted app"

    monkeypatch.setenv("ZM_HOSTED", "0")
    at.run()
    at.button(key="add_save").click().run()
    assert (corpus / "pasted.txt").read_text(encoding="utf-8") == GOOD.decode()
    assert "pasted," in (corpus / "manifest.csv").read_text(encoding="utf-8")
    assert at.session_state["upl_docs"] == {}
    assert "pasted" in at.session_state["app_data"].docs  # now part of the corpus


# ------------------------------------------------------------------ downloads

@pytest.fixture(scope="module")
def compare_figure():
    m1, _, _ = two_metrics_two_zones()
    f = Filters(metric=m1)
    folded = data.fold(data.filter_facts(corpus_facts(), f))
    plotted, _ = ui.chart_zones(folded[folded["unit"] == data.main_unit(folded)], f)
    unit = data.main_unit(folded)
    return (charts.compare_bars(plotted, labels.metric(m1), "y",
                                captions.subtitle(plotted, unit, "year", f.statuses, f.scope),
                                captions.source_line(plotted)), labels.metric(m1))


def test_exported_images_carry_title_filters_and_source(compare_figure):
    fig, label = compare_figure
    svg = export.svg_bytes(fig).decode("utf-8")
    assert label in svg and "时期：全年" in svg and "单位：" in svg
    assert "来源：" in svg and captions.TOOL in svg


def test_html_export_has_a_title(compare_figure):
    page = export.html_bytes(compare_figure[0]).decode("utf-8")
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert compare_figure[1] in title and "时期：全年" in title


def test_compare_draws_one_period_kind_and_always_a_legend():
    m1, _, zones = two_metrics_two_zones()
    at = goto(start({"zone": zones[:1], "metric": m1, "measure": "level"}), "compare")
    fig = figure(at)
    assert fig["layout"]["showlegend"] is True                    # one zone: still a legend
    names = {t["name"] for t in fig["data"]}
    assert all("上半年" not in n and "季度" not in n and "月" not in n for n in names)
    assert "时期：全年" in fig["layout"]["title"]["text"]


def test_the_period_selector_lists_only_kinds_in_the_data_and_filters_the_chart():
    facts = data.normalise(lib.extract_text(
        "2023年上半年,芜湖经开区实现地区生产总值50亿元。2022年,芜湖经开区实现地区生产总值90亿元。"
        "2023年1-6月,合肥高新区实现地区生产总值40亿元。", doc_id="p"))
    folded = data.fold(facts)
    assert sorted({labels.period_kind(p) for p in folded["period"]}) == ["H1", "year"]
    assert sorted(ui.in_period(folded, "H1")["value"]) == [40.0, 50.0]   # 1-6月 is 上半年
    assert ui.in_period(folded, "year")["value"].tolist() == [90.0]


def test_png_download_is_a_png(compare_figure):
    png = export.png_bytes(compare_figure[0])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


def test_svg_download_is_svg_with_chinese_label(compare_figure):
    fig, label = compare_figure
    svg = export.svg_bytes(fig).decode("utf-8")
    assert "<svg" in svg[:200] and label in svg


def test_html_download_is_a_standalone_page(compare_figure):
    page = export.html_bytes(compare_figure[0]).decode("utf-8")
    assert page.lstrip().lower().startswith(("<html", "<!doctype html"))
    assert "</html>" in page and "Plotly.newPlot" in page
    assert compare_figure[1] in page or json.dumps(compare_figure[1])[1:-1] in page


def test_table_downloads_are_csv_xlsx_parquet():
    df = corpus_facts()
    csv_bytes = export.csv_bytes(df)
    assert csv_bytes.startswith(b"\xef\xbb\xbf") and b"metric" in csv_bytes.splitlines()[0]
    assert len(pd.read_csv(io.BytesIO(csv_bytes))) == len(df)
    xlsx = export.xlsx_bytes(df)
    assert xlsx[:4] == b"PK\x03\x04" and "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(xlsx)).namelist()
    assert len(pd.read_excel(io.BytesIO(xlsx))) == len(df)
    parquet = export.parquet_bytes(df)
    assert parquet[:4] == b"PAR1" and parquet[-4:] == b"PAR1"
    assert pd.read_parquet(io.BytesIO(parquet))["metric"].tolist() == df["metric"].tolist()


def test_every_chart_offers_png_svg_html_downloads():
    at = goto(start(), "compare")
    assert {b.key for b in at.get("download_button")} >= {"cmp_png", "cmp_svg", "cmp_html"}
    at = goto(at, "data")
    assert {b.key for b in at.get("download_button")} == {"data_csv", "data_xlsx", "data_parquet"}


def test_without_chromium_a_message_replaces_image_downloads(monkeypatch):
    monkeypatch.setattr(export, "chrome_path", lambda: None)
    at = goto(start(), "compare")
    keys = {b.key for b in at.get("download_button")}
    assert "cmp_png" not in keys and "cmp_svg" not in keys and "cmp_html" in keys
    assert any("Chromium" in c.value for c in at.caption)
    with pytest.raises(RuntimeError, match="Chromium"):
        export.png_bytes(charts.compare_bars(data.fold(corpus_facts().head(3)), "t", "y"))


def test_file_names_say_measure_and_period():
    assert export.file_stem("gdp", ["甲"], [2020], measure="growth", period="H1") == "gdp_growth_H1_甲_2020"
    assert export.file_stem("gdp", ["甲"], [2020], measure="level") != \
        export.file_stem("gdp", ["甲"], [2020], measure="growth")


def test_file_names_say_metric_zones_years():
    assert export.file_stem("gdp", ["枣庄高新区", "峄城区", "峄城区"], [2019, 2021, 2020]) == \
        "gdp_峄城区-枣庄高新区_2019-2021"
    assert export.file_stem("gdp", list("甲乙丙丁"), [2018]) == "gdp_丁等4个开发区_2018"
    assert "/" not in export.file_stem("a/b", ["x:y"], [])


def test_pure_dashboard_modules_import_no_streamlit():
    """charts, labels and text build frames and figures: usable (and testable) without Streamlit."""
    import subprocess
    import sys
    code = ("import sys; import dashboard.charts, dashboard.labels, dashboard.text; "
            "print('streamlit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__('pathlib').Path(__file__).resolve().parents[1]))
    assert out.stdout.strip() == "False"


def test_a_conflict_is_marked_listed_and_resolved_by_a_choice(tmp_path, monkeypatch):
    monkeypatch.setattr(state, "CORRECTIONS_FILE", tmp_path / "corrections.csv")
    gdp = corpus_facts()
    gdp = gdp[(gdp["metric"] == "gdp") & (gdp["measure"] == "level") & (gdp["status"] == "actual")
              & (gdp["period"] == "year") & gdp["year"].notna() & (gdp["zone"] != "") & (gdp["scope"] == "zone")]
    row = gdp.iloc[0]
    other = round(row.value * 1.5, 1)
    at = goto(start(), "add")
    at.text_area(key="add_text").set_value(f"{int(row.year)}年,全区实现地区生产总值{other}亿元。")
    at.text_input(key="add_zone").set_value(row.zone)
    at.button(key="add_go").click().run()
    query = {"zone": [row.zone], "metric": "gdp", "measure": "level", "year": [str(int(row.year))]}
    at = goto(start(query, upl_docs=at.session_state["upl_docs"], upl_facts=at.session_state["upl_facts"]),
              "compare")
    assert any("不一致" in w.value for w in at.warning)
    widths = [w for t in figure(at)["data"] for w in t["marker"]["line"]["width"]]
    assert 3 in widths                                          # the red outline
    at = goto(at, "conflicts")
    assert not any("没有不一致" in i.value for i in at.info)
    at.button[0].click().run()      # 采用此值: the first (default) choice
    assert not at.exception
    left = data.conflicts(data.fold(data.filter_facts(at.session_state["app_data"].facts,
                                                      Filters(zones=(row.zone,), metric="gdp"))))
    assert left.empty and (tmp_path / "corrections.csv").is_file()


def test_uploads_survive_a_refresh_and_a_shared_link_but_not_without_the_key():
    at = goto(start(), "add")
    at.text_area(key="add_text").set_value(GOOD.decode())
    at.button(key="add_go").click().run()
    key = at.query_params["ws"]
    key = key[0] if isinstance(key, list) else key
    assert len(key) == 22                                     # secrets.token_urlsafe(16): 128 bits
    again = goto(start({"ws": key}), "documents")           # a refresh / a colleague's browser
    assert "pasted" in again.session_state["app_data"].docs
    assert "pasted" not in start().session_state["app_data"].docs          # no key: not there
    assert "pasted" not in start({"ws": "A" * 22}).session_state["app_data"].docs  # a wrong key


def test_workspaces_expire_and_have_a_quota(tmp_path):
    from dashboard import workspace
    key = workspace.new_key()
    workspace.save(key, {"a": lib.Document(doc_id="a", text="2021年产值5亿元。")}, lib.evaluation.corrections.empty())
    assert workspace.load(key)[0]["a"].text == "2021年产值5亿元。"
    old = time.time() - (workspace.EXPIRY_DAYS + 1) * 86400
    os.utime(workspace.root() / key / "docs.json", (old, old))
    assert workspace.load(key) is None and not (workspace.root() / key).exists()
    with pytest.raises(workspace.QuotaError):
        workspace.save(key, {"big": lib.Document(doc_id="big", text="字" * (workspace.MAX_WORKSPACE_BYTES // 2))},
                       lib.evaluation.corrections.empty())
    assert workspace.load("../../etc") is None


def test_many_conflicts_are_shown_a_page_at_a_time():
    base = corpus_facts()
    row = base[(base["metric"] == "gdp") & (base["measure"] == "level") & base["year"].notna()].iloc[0]
    made = []
    for k in range(45):   # 45 bars, each given two different values by two articles
        for doc, value in (("a", 100.0 + k), ("b", 200.0 + k)):
            made.append({**row.to_dict(), "doc_id": f"conflict_{doc}", "zone": f"测试{k:02d}区",
                         "value": value, "year": 2021, "period": "year", "status": "actual", "scope": "zone"})
    facts = data.normalise(pd.DataFrame(made))
    at = goto(start(upl_facts=facts), "conflicts")
    assert any("共 45 处" in c.value for c in at.caption)
    picks = lambda: [r for r in at.radio if r.key and r.key.startswith("cf_pick_")]  # noqa: E731
    assert len(picks()) == 20                                 # one page of conflicts
    at.number_input(key="cf_page").set_value(3).run()
    assert not at.exception and len(picks()) == 5             # the last page


def test_the_data_page_shows_a_screenful_and_downloads_everything(monkeypatch):
    base = data.normalise(corpus_facts())
    many = data.normalise(pd.concat([base] * (30_000 // len(base) + 1), ignore_index=True))
    at = goto(start(upl_facts=many), "data")
    at.selectbox(key="flt_metric").set_value(labels.ALL)
    at.selectbox(key="flt_measure").set_value(labels.ALL)
    at.run()
    assert any("表中显示前 10,000 条" in c.value for c in at.caption), [c.value for c in at.caption]
    assert len(at.dataframe[0].value) == 10_000
