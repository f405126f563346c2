"""冲突 Conflicts: where two articles give different values for the same bar (zone, year,
period, metric, measure, status), the sources side by side; the analyst picks the value to chart
(the others are rejected as corrections, never deleted from the extraction)."""
import streamlit as st

from dashboard import data, labels, state, ui
from dashboard.labels import fmt_value
from dashboard.text import esc
from lib.evaluation import corrections

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
PAGE_SIZE = 20
app, f = ui.app_data(), ui.app_filters()

st.title("冲突")
st.caption("同一开发区、年份、时期、指标、类型和状态，不同文章给出了不同的数值。选定采用的数值后，"
           "其余数值记为“不采用”（写入校对表，可在“文章”页清除），图表只画采用的那个。按侧栏筛选，不限指标。")
folded = ui.folded(app.facts, data.without_metric(f))
clashes = data.conflicts(folded)
if clashes.empty:
    st.info("当前筛选下没有不一致的数字。")
    st.stop()
ordered = clashes.sort_values(["zone", "metric", "year"])
ids = ordered["conflict"].drop_duplicates().tolist()
pages = -(-len(ids) // PAGE_SIZE)   # a page of conflicts at a time: a million facts may hold thousands
st.caption(f"共 {len(ids)} 处。" + (f"每页 {PAGE_SIZE} 处。" if pages > 1 else ""))
page = int(st.number_input("页", min_value=1, max_value=pages, value=1, key="cf_page")) if pages > 1 else 1
shown = set(ids[(page - 1) * PAGE_SIZE:page * PAGE_SIZE])
for cid, g in ordered[ordered["conflict"].isin(shown)].groupby("conflict", sort=False):
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
                          format_func=lambda i, g=g: f"{fmt_value(g.loc[i, 'value'], g.loc[i, 'unit'])}（{g.loc[i, 'doc_id']}）")
        if st.button("采用此值", key=f"cf_apply_{cid}"):
            rows = []
            for i in options:
                row = g.loc[i]
                text = app.docs[row.doc_id].text if row.doc_id in app.docs else ""
                rows.append(corrections.figure_row(row, text, "confirm" if i == choice else "reject"))
            state.add_corrections(rows)
            st.rerun()
