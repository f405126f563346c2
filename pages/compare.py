"""对比 Compare: one metric as grouped bars by zone and year, each bar traceable to its sentence.

One metric, one measure and one kind of period per chart (全年 by default), so bars side by side
are comparable; actual and target bars are told apart (solid / hatched, and in the legend)."""
import streamlit as st

from dashboard import captions, charts, data, export, labels, ui

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
app, f = ui.app_data(), ui.app_filters()

st.title("对比")
if not f.metric or not f.measure:
    st.info("请在侧栏选择一个指标和一个类型（数值、增速、占比或变化量）。")
    st.stop()

folded = ui.folded(app.facts, f)
period = ui.period_choice(folded, key="cmp_period")
folded = ui.in_period(folded, period)
unit = data.main_unit(folded)
other_units = folded.loc[folded["unit"] != unit, "unit"].unique()
plotted, note = ui.chart_zones(folded[folded["unit"] == unit], f)
title = f"{labels.metric(f.metric)}（{labels.measure(f.measure)}）"
st.caption("实心柱为实际值，斜线柱为目标值（可在侧栏“状态”中隐藏）；悬停可看限定词（如“以上”“约”）和原句。"
           "同一文章重复提到的同一数字只画一次。")
if plotted.empty:
    st.info("当前筛选下没有数据。")
    st.stop()
if note:
    st.caption(note)
if len(other_units):
    st.caption(f"另有 {int((folded['unit'] != unit).sum())} 个数字单位不同（"
               f"{'、'.join(other_units)}），未画入图中，可在“来源”页查看。")

clashes = data.conflicts(plotted)
plotted = plotted.assign(conflict=clashes["conflict"].reindex(plotted.index))
if not clashes.empty:
    st.warning(f"{clashes['conflict'].nunique()} 处数字在不同文章中不一致（红框柱），"
               "可在“冲突”页并排查看来源并选定采用的数值。", icon=":material/warning:")
stem = export.file_stem(f.metric, plotted["zone"].unique().tolist(),   # distinct zones, years:
                        plotted["year"].dropna().unique().tolist(),    # all a file name needs
                        measure=f.measure, period=period or "")
fig = charts.compare_bars(plotted, title, f"{title}（{unit}）",
                          captions.subtitle(plotted, unit, period, f.statuses, f.scope),
                          captions.source_line(plotted))
ui.chart(fig, stem, key="cmp")

st.subheader("图中数字的原文")
with st.container(height=420):
    ui.passages(plotted.sort_values(["zone", "year", "status"]), app.docs)
