"""开发区指标看板 Zone Metrics: the frame around every page.

Sets the page config, declares the pages explicitly (st.navigation over app_pages/), loads the data (bundled corpus, cached, plus this visitor's uploads) and
draws the shared filters in the sidebar. Pages read both from st.session_state
("app_data", "app_filters"), set here on every run.
"""
import streamlit as st

from dashboard import data, filters

# The page scripts live in app_pages/, not pages/: with a pages/ folder next to app.py, a
# freshly started server runs a deep link such as /compare as a bare "pages v1" script
# (without this frame) until some session has called st.navigation.
st.set_page_config(page_title="开发区指标看板", page_icon="📊", layout="wide")

PAGES = [
    st.Page("app_pages/overview.py", title="概览", icon=":material/dashboard:", default=True),
    st.Page("app_pages/compare.py", title="对比", icon=":material/bar_chart:", url_path="compare"),
    st.Page("app_pages/trends.py", title="趋势", icon=":material/show_chart:", url_path="trends"),
    st.Page("app_pages/evidence.py", title="来源", icon=":material/format_quote:", url_path="evidence"),
    st.Page("app_pages/documents.py", title="文章", icon=":material/article:", url_path="documents"),
    st.Page("app_pages/add.py", title="添加文章", icon=":material/upload_file:", url_path="add"),
    st.Page("app_pages/data.py", title="数据", icon=":material/table:", url_path="data"),
]
page = st.navigation(PAGES)

st.session_state["app_data"] = app_data = data.session_data()
st.session_state["app_filters"] = filters.sidebar(app_data.facts)
if page.url_path != "documents" and "doc" in st.query_params:
    del st.query_params["doc"]  # the article choice belongs to the 文章 page's link only

page.run()
