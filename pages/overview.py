"""概览 Overview: what the corpus holds, which zone reports which metric, latest headline values."""
import streamlit as st

from dashboard import charts, data, export, ui

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
app, f = ui.app_data(), ui.app_filters()
facts = app.facts

st.title("开发区指标看板")
st.caption("从开发区新闻与报告中提取的经济数字；每个数字都能追溯到原文句子。")

# the cards follow the sidebar (zones, years, status, scope; every metric)
shown = data.filter_facts(facts, data.without_metric(f))
articles, zones, years, figures = st.columns(4)
articles.metric("文章", shown["doc_id"].nunique(), help=f"语料共 {len(app.docs)} 篇")
zones.metric("开发区", shown.loc[shown["zone"] != "", "zone"].nunique())
year_list = data.year_options(shown)
years.metric("年份", f"{year_list[0]}–{year_list[-1]}" if year_list else "—")
figures.metric("数字", len(shown), help="按侧栏筛选后的数字（同一文章重复提到的也各算一条）")
if app.errors:
    with st.expander(f"{len(app.errors)} 个文件无法读取"):
        st.text("\n".join(app.errors))

st.subheader("覆盖情况：开发区 × 指标")
st.caption("格中是不同数字的个数（同一文章重复提到的算一个）；按侧栏的开发区、年份、状态和范围筛选，不限指标。")
scope = data.fold(data.filter_facts(facts, data.without_metric(f)))
table = data.coverage(scope)
if table.empty:
    st.info("当前筛选下没有数据。")
else:
    stem = export.file_stem("coverage", scope["zone"].tolist(), scope["year"].dropna().tolist())
    ui.chart(charts.coverage_heatmap(table, "各开发区的指标覆盖"), stem, key="ov_cov")

st.subheader("主要指标的最新值")
st.caption("每个开发区最近一年的实际数值（全年优先），括号里是年份。")
latest = data.latest_values(scope)
if latest.empty:
    st.info("当前筛选下没有主要指标的实际数值。")
else:
    st.dataframe(latest, width="stretch")
