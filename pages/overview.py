"""概览 Overview: what the corpus holds, which zone reports which metric, latest headline values."""
import streamlit as st

from dashboard import charts, data, export, ui
from dashboard.memo import memo

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
app, f = ui.app_data(), ui.app_filters()
facts = app.facts
# what the cards, the coverage and the latest values read: with a million facts, selecting
# rows of the other columns (sentences above all) would cost most of a rerun
CARD_COLUMNS = ["doc_id", "zone", "year"]
# a heatmap of hundreds of zones is unreadable and slow to draw: the zones with most figures
COVERAGE_ZONES = 40
TABLE_COLUMNS = ["zone", "year", "period", "metric", "measure", "value", "unit", "qualifier", "status"]


def summary(view: data.Filters) -> dict:
    """Everything this page shows for a view (zones, years, status, scope; every metric)."""
    shown = facts[CARD_COLUMNS][data.filter_mask(facts, view)]
    scope = ui.folded(facts, view, TABLE_COLUMNS)
    table = data.coverage(scope)
    shown_table = table if view.zones or len(table) <= COVERAGE_ZONES else \
        table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:COVERAGE_ZONES]]
    return {"articles": shown["doc_id"].nunique(), "zones": shown.loc[shown["zone"] != "", "zone"].nunique(),
            "years": data.year_options(shown), "figures": len(shown), "table": table,
            "heatmap": None if table.empty else charts.coverage_heatmap(shown_table, "各开发区的指标覆盖"),
            "zones_left_out": len(table) - len(shown_table),
            "stem": export.file_stem("coverage", scope["zone"].unique().tolist(),
                                     scope["year"].dropna().unique().tolist()),
            "latest": data.latest_values(scope)}


# kept per view for the session: a metric change (this page shows every metric) costs nothing
view = data.without_metric(f)
view_summary = memo("overview", (facts,), (view,), lambda: summary(view), keep=2)

st.title("开发区指标看板")
st.caption("从开发区新闻与报告中提取的经济数字；每个数字都能追溯到原文句子。")

# the cards follow the sidebar (zones, years, status, scope; every metric)
articles, zones, years, figures = st.columns(4)
articles.metric("文章", view_summary["articles"], help=f"语料共 {len(app.docs)} 篇")
zones.metric("开发区", view_summary["zones"])
year_list = view_summary["years"]
years.metric("年份", f"{year_list[0]}–{year_list[-1]}" if year_list else "—")
figures.metric("数字", view_summary["figures"], help="按侧栏筛选后的数字（同一文章重复提到的也各算一条）")
if app.errors:
    with st.expander(f"{len(app.errors)} 个文件无法读取"):
        st.text("\n".join(app.errors))

st.subheader("覆盖情况：开发区 × 指标")
st.caption("格中是不同数字的个数（同一文章重复提到的算一个）；按侧栏的开发区、年份、状态和范围筛选，不限指标。")
if view_summary["heatmap"] is None:
    st.info("当前筛选下没有数据。")
else:
    ui.chart(view_summary["heatmap"], view_summary["stem"], key="ov_cov")
    if view_summary["zones_left_out"]:
        st.caption(f"图中是数字最多的 {COVERAGE_ZONES} 个开发区（另有 {view_summary['zones_left_out']} 个）；"
                   "在侧栏选择开发区可查看其他开发区。")

st.subheader("主要指标的最新值")
st.caption("每个开发区最近一年的实际数值（全年优先），括号里是年份。")
latest = view_summary["latest"]
if latest.empty:
    st.info("当前筛选下没有主要指标的实际数值。")
else:
    st.dataframe(latest, width="stretch")
