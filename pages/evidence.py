"""来源 Evidence: every figure with its sentence; pick one to read it in context."""
import streamlit as st

from dashboard import data, labels, ui
from dashboard.text import esc

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
app, f = ui.app_data(), ui.app_filters()

st.title("来源")
st.caption("侧栏筛选后的全部数字（同一数字重复提到的各占一行）。点选一行查看它在原文中的上下文。")
query = st.text_input("搜索", key="ev_query", placeholder="原句、开发区、主体或指标，例如：税收、丰源集团")
rows = data.search(data.filter_facts(app.facts, f), query).reset_index(drop=True)
st.caption(f"{len(rows)} 条")

picked = st.dataframe(ui.display_table(rows), key="ev_table", on_select="rerun",
                      selection_mode="single-row", hide_index=True, height=360, width="stretch")
if rows.empty:
    st.stop()
chosen = [r for r in picked.selection.rows if r < len(rows)]  # a stale pick after a new search
row = next(rows.iloc[chosen].itertuples()) if chosen else next(rows.head(1).itertuples())

st.subheader("原文上下文" if chosen else "原文上下文（第一行；点选表格中的一行换一条）")
st.html(f"<p><b>{ui.fact_heading(row)}</b></p>" + ui.passage_html(row, app.docs, around=2))
if row.doc_id in app.docs:
    st.page_link(ui.DOCUMENTS_PAGE, label="在全文中查看", icon=":material/article:",
                 query_params={"doc": row.doc_id})
st.html(f'<p style="color:#6b7280;font-size:0.85rem">识别规则：{esc(labels.rule(row.rule))} · 文章 {esc(row.doc_id)}'
        f" · 位置 {row.start}–{row.end}</p>")
