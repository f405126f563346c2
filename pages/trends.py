"""趋势 Trends: a line per zone across years for one metric; targets dashed."""
import streamlit as st

from dashboard import charts, data, export, labels, ui

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
app, f = ui.app_data(), ui.app_filters()

st.title("趋势")
if not f.metric or not f.measure:
    st.info("请在侧栏选择一个指标和一个类型（数值、增速、占比或变化量）。")
    st.stop()

folded = data.fold(data.filter_facts(app.facts, f)).dropna(subset=["year"])
periods = sorted(folded["period"].unique(), key=labels.period_order)
if periods and st.session_state.get("tr_period") not in periods:
    # whole years are what a trend usually compares
    st.session_state["tr_period"] = "year" if "year" in periods else periods[0]
period = st.selectbox("时期", periods, key="tr_period", format_func=labels.period,
                      help="只比较同一种时期的数字：全年与全年，上半年与上半年。") if periods else None
folded = folded[folded["period"] == period]
unit = data.main_unit(folded)
plotted, note = ui.chart_zones(folded[folded["unit"] == unit], f)
if plotted.empty:
    st.info("当前筛选下没有数据。")
    st.stop()

st.caption("实线为实际值，虚线为目标值。同一年有多个数字时取被提及最多的一个，其余见“来源”页。")
if note:
    st.caption(note)
title = f"{labels.metric(f.metric)}（{labels.measure(f.measure)}，{labels.period(period)}）"
stem = export.file_stem(f.metric, plotted["zone"].tolist(), plotted["year"].tolist(), "trend")
fig = charts.trend_lines(plotted, title, f"{labels.metric(f.metric)}（{unit}）",
                         charts.zone_colours(data.zone_options(app.facts)))
ui.chart(fig, stem, key="tr")

st.subheader("线上各点的原文")
with st.container(height=420):
    ui.passages(charts.pick_one_per_year(plotted), app.docs)
