"""开发区指标看板 Zone Metrics: the frame around every page.

Sets the page config, declares the pages explicitly (st.navigation over pages/), loads the
data (bundled corpus, cached, plus this visitor's uploads) and draws the shared filters in the
sidebar. Pages read both from st.session_state ("app_data", "app_filters"), set here on every
run. Each page starts with ui.ensure_frame(), which runs this script around the page when
Streamlit has run the page file by itself (see dashboard/ui.py).
"""
import streamlit as st

from dashboard import filters, state, ui, workspace

st.set_page_config(page_title="开发区指标看板", page_icon="📊", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="概览", icon=":material/dashboard:", default=True),
    st.Page("pages/compare.py", title="对比", icon=":material/bar_chart:", url_path="compare"),
    st.Page("pages/trends.py", title="趋势", icon=":material/show_chart:", url_path="trends"),
    st.Page("pages/evidence.py", title="来源", icon=":material/format_quote:", url_path="evidence"),
    st.Page("pages/conflicts.py", title="冲突", icon=":material/difference:", url_path="conflicts"),
    st.Page("pages/documents.py", title="文章", icon=":material/article:", url_path="documents"),
    st.Page("pages/add.py", title="添加文章", icon=":material/upload_file:", url_path="add"),
    st.Page("pages/data.py", title="数据", icon=":material/table:", url_path="data"),
]
page = st.navigation(PAGES)

workspace.restore()   # ?ws=… brings back this visitor's articles and corrections
st.session_state["app_data"] = app_data = state.session_data()
st.session_state["app_filters"] = filters.sidebar(app_data.facts)
if page.url_path != "documents" and "doc" in st.query_params:
    del st.query_params["doc"]  # the article choice belongs to the 文章 page's link only

with ui.frame():  # pages check this first (ui.ensure_frame)
    page.run()
