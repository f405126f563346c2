"""Streamlit pieces several pages share: a chart with its downloads, source passages,
the Chinese view of the facts table, and the app-wide data/filters of the current run."""
from __future__ import annotations

import runpy
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import data, export, labels
from dashboard.data import AppData, Filters
from dashboard.labels import fmt_value
from dashboard.memo import memo
from dashboard.text import FIGURE_STYLE, Mark, box, context_bounds, esc, highlight

APP = Path(__file__).resolve().parents[1] / "app.py"
DOCUMENTS_PAGE = "pages/documents.py"
MAX_ZONES = 12  # charts over "all zones" show the zones with most figures


_IN_FRAME: ContextVar[bool] = ContextVar("in_frame", default=False)


@contextmanager
def frame() -> Iterator[None]:
    """app.py runs the chosen page inside this; ensure_frame() checks it."""
    token = _IN_FRAME.set(True)
    try:
        yield
    finally:
        _IN_FRAME.reset(token)


def ensure_frame() -> None:
    """The first line of every page: make sure the page runs inside app.py's frame.

    Because a pages/ folder sits beside app.py, Streamlit (1.67) starts in its old "pages
    directory" mode: until the first st.navigation call in the server process, the URL /compare
    runs pages/compare.py by itself, without app.py, so without the data and the sidebar
    filters. A page started that way runs app.py here instead (its st.navigation switches
    Streamlit to the declared pages, picks this URL's page and runs it inside the frame) and
    then stops, so the page is drawn once, framed. (AppTest starts every run in that mode.)
    """
    if _IN_FRAME.get():
        return
    runpy.run_path(str(APP), run_name="__main__")
    st.stop()


def app_data() -> AppData:
    """Set by app.py on every run before the page runs."""
    return st.session_state["app_data"]


def app_filters() -> Filters:
    return st.session_state["app_filters"]


def folded(facts: pd.DataFrame, f: Filters, columns: list[str] | None = None) -> pd.DataFrame:
    """data.fold(data.filter_facts(facts, f)), only `columns` (and mentions) when given. The
    folding of the facts in f's scope is kept for the session: a filter change only picks rows."""
    folding = memo("folding", (facts,), (f.scope,), lambda: data.fold_in_scope(facts, f.scope), keep=3)
    return data.folded_view(facts, f, folding, columns)


def chart(fig: go.Figure, stem: str, key: str) -> None:
    """The chart, then PNG / SVG (server-side, needs Chromium) and interactive HTML downloads.

    Downloads are callables run on click; on_click="ignore" keeps one button's click from
    dropping another's deferred file.
    """
    st.plotly_chart(fig, theme=None, key=f"{key}_chart", config={
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": stem, "scale": 2}})
    png, svg, page, note = st.columns([1, 1, 1, 4])
    if export.chrome_path():
        png.download_button("PNG", data=lambda: export.png_bytes(fig), file_name=f"{stem}.png",
                            mime="image/png", key=f"{key}_png", on_click="ignore",
                            icon=":material/image:")
        svg.download_button("SVG", data=lambda: export.svg_bytes(fig), file_name=f"{stem}.svg",
                            mime="image/svg+xml", key=f"{key}_svg", on_click="ignore",
                            icon=":material/draw:")
    else:
        note.caption("未找到 Chromium，服务器端无法导出 PNG/SVG；可用图表右上角的相机按钮下载 PNG。")
    page.download_button("HTML", data=lambda: export.html_bytes(fig), file_name=f"{stem}.html",
                         mime="text/html", key=f"{key}_html", on_click="ignore",
                         icon=":material/public:")


def table_downloads(df: pd.DataFrame, stem: str, key: str) -> None:
    """The table as CSV and Excel (keys plus Chinese label columns) and Parquet (keys)."""
    a, b, c, _ = st.columns([1, 1, 1, 4])

    def labelled() -> pd.DataFrame:   # spreadsheets: Chinese labels beside the keys, made on a
        return labels.with_label_columns(df)   # click rather than on every rerun

    a.download_button("CSV", data=lambda: export.csv_bytes(labelled()), file_name=f"{stem}.csv",
                      mime="text/csv", key=f"{key}_csv", on_click="ignore")
    b.download_button("Excel", data=lambda: export.xlsx_bytes(labelled()), file_name=f"{stem}.xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      key=f"{key}_xlsx", on_click="ignore")
    c.download_button("Parquet", data=lambda: export.parquet_bytes(df),
                      file_name=f"{stem}.parquet", mime="application/vnd.apache.parquet",
                      key=f"{key}_parquet", on_click="ignore")


def fact_heading(row) -> str:
    """ "枣庄高新区 · 2019 全年 · 目标 · 29个" (escaped)."""
    when = labels.period(row.period) if pd.isna(row.year) else f"{int(row.year)} {labels.period(row.period)}"
    who = row.zone + (f" · {row.subject}" if row.subject else "")
    return esc(f"{who} · {when} · {labels.STATUSES.get(row.status, row.status)} · "
               f"{labels.metric(row.metric)} {fmt_value(row.value, row.unit, row.qualifier)}")


def passage_html(row, docs: dict, around: int = 0) -> str:
    """The fact's sentence (plus `around` sentences each side) with the figure highlighted."""
    doc = docs.get(row.doc_id)
    if doc is not None and 0 <= row.start < row.end <= len(doc.text):
        a, b = context_bounds(doc.text, row.start, row.end, around)
        mark = Mark(row.start, row.end, FIGURE_STYLE, labels.metric(row.metric))
        return box(highlight(doc.text, [mark], a, b).strip())
    return box(esc(row.sentence))  # offsets unknown: the sentence as the table has it


def passages(facts: pd.DataFrame, docs: dict, limit: int = 40) -> None:
    """Source passages of plotted figures, each figure highlighted (one st.html call)."""
    parts = [f'<div style="margin-top:0.5rem"><b>{fact_heading(r)}</b> '
             f'<span style="color:#6b7280">文章 {esc(r.doc_id)}</span></div>'
             + passage_html(r, docs) for r in facts.head(limit).itertuples()]
    if len(facts) > limit:
        parts.append(f"<p>……另有 {len(facts) - limit} 条，见“来源”页。</p>")
    st.html("".join(parts) or "<p>没有数据。</p>")


def display_table(df: pd.DataFrame) -> pd.DataFrame:
    """The facts table for the eye: Chinese headers and labels instead of keys."""
    each = labels.map_each
    d = df.assign(metric=each(df["metric"], labels.metric),
                  measure=each(df["measure"], lambda m: labels.MEASURES.get(m, m)),
                  status=each(df["status"], lambda s: labels.STATUSES.get(s, s)),
                  scope=each(df["scope"], lambda s: labels.SCOPES.get(s, s)),
                  period=each(df["period"], labels.period), zone=each(df["zone"], labels.zone))
    cols = ["zone", "year", "period", "metric", "measure", "value", "unit", "qualifier",
            "status", "scope", "subject", "sentence", "doc_id"]
    return d[cols].rename(columns=labels.COLUMNS)


PERIOD_PARAM = "period"


def period_choice(folded: pd.DataFrame, key: str) -> str | None:
    """One kind of period per chart (全年 with 全年, 上半年 with 上半年 and 1-6月): a selector
    listing the kinds the data has, 全年 first by default, kept in the URL (?period=H1)."""
    kinds = sorted({labels.period_kind(p) for p in folded["period"].unique()}, key=labels.period_order)
    if not kinds:
        return None
    ss = st.session_state
    if key not in ss:
        wanted = st.query_params.get(PERIOD_PARAM)
        ss[key] = wanted if wanted in kinds else ("year" if "year" in kinds else kinds[0])
    elif ss[key] not in kinds:
        ss[key] = "year" if "year" in kinds else kinds[0]
    choice = st.radio("时期", kinds, key=key, horizontal=True, format_func=labels.period_kind_label,
                      help="图中只比较同一种时期的数字：全年与全年，上半年与上半年（含1-6月）。")
    if st.query_params.get(PERIOD_PARAM) != choice:
        st.query_params[PERIOD_PARAM] = choice
    return choice


def in_period(folded: pd.DataFrame, kind: str | None) -> pd.DataFrame:
    kinds = {p: labels.period_kind(p) for p in folded["period"].unique()}   # once per distinct period
    return folded[folded["period"].map(kinds) == kind] if kind else folded.iloc[0:0]


def chart_zones(folded: pd.DataFrame, f: Filters) -> tuple[pd.DataFrame, str]:
    """With no zone chosen, keep the MAX_ZONES zones with most figures (a readable chart);
    returns the rows and a note saying what was left out."""
    zones = folded["zone"].value_counts()
    if f.zones or len(zones) <= MAX_ZONES:
        return folded, ""
    keep = zones.index[:MAX_ZONES]
    return (folded[folded["zone"].isin(keep)],
            f"图中是数字最多的 {MAX_ZONES} 个开发区（共 {len(zones)} 个）；在侧栏选择开发区可比较其他开发区。")
