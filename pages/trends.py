"""趋势 Trends: a line per zone across years for one metric and one kind of period; targets dashed."""
import streamlit as st

from dashboard import captions, charts, data, export, labels, ui

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
app, f = ui.app_data(), ui.app_filters()

st.title("趋势")
if not f.metric or not f.measure:
    st.info("请在侧栏选择一个指标和一个类型（数值、增速、占比或变化量）。")
    st.stop()

chosen = ui.folded(app.facts, f)
undated = chosen["zone"][chosen["year"].isna()].nunique()
chosen = chosen.dropna(subset=["year"])
period = ui.period_choice(chosen, key="tr_period")
folded = ui.in_period(chosen, period)
unit = data.main_unit(folded)
plotted, note = ui.chart_zones(folded[folded["unit"] == unit], f)
if plotted.empty:
    st.info("当前筛选下没有数据。")
    st.stop()

st.caption("实线为实际值，虚线为目标值。同一年有多个数字时取被提及最多的一个，其余见“来源”页。")
if note:
    st.caption(note)
# say who is not on the chart and why, and which lines are single points
left_out = sorted(set(chosen["zone"]) - set(folded["zone"]))
if left_out:
    st.caption(f"{'、'.join(left_out[:8])}{'等' if len(left_out) > 8 else ''} "
               f"没有“{labels.period_kind_label(period)}”的数字，未画入；可在上方换一种时期。")
if undated:
    st.caption(f"{undated} 个开发区有年份不详的数字，趋势图不画，可在“来源”页查看。")
points = charts.pick_one_per_year(plotted).groupby(["zone", "status"])["year"].nunique()
single = sorted({z for (z, _), n in points.items() if n == 1})
if single:
    st.caption(f"{'、'.join(single[:8])}{'等' if len(single) > 8 else ''} 只有一年的数字，显示为单个点，无法看出趋势。")

title = f"{labels.metric(f.metric)}（{labels.measure(f.measure)}，{labels.period_kind_label(period)}）"
stem = export.file_stem(f.metric, plotted["zone"].unique().tolist(), plotted["year"].unique().tolist(),
                        "trend", measure=f.measure, period=period or "")
fig = charts.trend_lines(plotted, title, f"{labels.metric(f.metric)}（{unit}）",
                         charts.zone_colours(data.zone_options(app.facts)),
                         captions.subtitle(plotted, unit, period, f.statuses, f.scope),
                         captions.source_line(plotted))
ui.chart(fig, stem, key="tr")

st.subheader("线上各点的原文")
with st.container(height=420):
    ui.passages(charts.pick_one_per_year(plotted), app.docs)
