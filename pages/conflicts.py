"""冲突 Conflicts: where two articles give different values for the same bar (zone, year,
period, metric, measure, status), the sources side by side; the analyst picks the value to chart
(the others are rejected as corrections, never deleted from the extraction)."""
import streamlit as st

from dashboard import data, labels, state, ui
from dashboard.labels import fmt_value
from dashboard.text import esc
from lib.evaluation import corrections

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
app, f = ui.app_data(), ui.app_filters()

st.title("冲突")
st.caption("同一开发区、年份、时期、指标、类型和状态，不同文章给出了不同的数值。选定采用的数值后，"
           "其余数值记为“不采用”（写入校对表，可在“文章”页清除），图表只画采用的那个。按侧栏筛选，不限指标。")
folded = ui.folded(app.facts, data.without_metric(f))
clashes = data.conflicts(folded)
if clashes.empty:
    st.info("当前筛选下没有不一致的数字。")
    st.stop()
st.caption(f"共 {clashes['conflict'].nunique()} 处。")
for cid, g in clashes.sort_values(["zone", "metric", "year"]).groupby("conflict", sort=False):
    r = g.iloc[0]
    with st.container(border=True):
        st.markdown(f"**{esc(labels.zone(r.zone))} · {int(r.year)} {labels.period(r.period)} · "
                    f"{labels.metric(r.metric)}（{labels.measure(r.measure)}）· {labels.STATUSES.get(r.status, r.status)}**")
        options = list(g.index)
        for i in options:
            row = g.loc[i]
            st.html(f"<b>{esc(fmt_value(row.value, row.unit, row.qualifier))}</b> "
                    f"<span style='color:#6b7280'>文章 {esc(row.doc_id)}</span><br>{esc(row.sentence)}")
        choice = st.radio("采用", options, key=f"cf_pick_{cid}", horizontal=True,
                          format_func=lambda i: f"{fmt_value(g.loc[i, 'value'], g.loc[i, 'unit'])}（{g.loc[i, 'doc_id']}）")
        if st.button("采用此值", key=f"cf_apply_{cid}"):
            rows = []
            for i in options:
                row = g.loc[i]
                text = app.docs[row.doc_id].text if row.doc_id in app.docs else ""
                rows.append(corrections.figure_row(row, text, "confirm" if i == choice else "reject"))
            state.add_corrections(rows)
            st.rerun()
