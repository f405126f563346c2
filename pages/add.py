"""添加文章 Add articles: upload files or paste text; figures are extracted at once and used on
every page for this visitor (st.session_state only, never shared with other visitors)."""
import pandas as pd
import streamlit as st

import lib
from dashboard import state, ui, uploads, workspace
from dashboard.text import esc

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame

st.title("添加文章")
st.caption("支持 txt、md、html、docx、pdf；可一次上传多个文件。新文章和校对保存在服务器上的私人工作区，"
           f"地址栏中的 ws= 是它的钥匙：刷新或把链接发给同事都能重新打开，没有链接的人看不到；"
           f"{workspace.EXPIRY_DAYS} 天未保存即删除。")

ss = st.session_state
if ss.pop("ws_missing", False):
    st.warning(f"链接中的工作区已过期或不存在（工作区保存 {workspace.EXPIRY_DAYS} 天），其中的文章需要重新上传。")
state.uploaded_docs()
ss.setdefault("upl_errors", [])
ss.setdefault("add_round", 0)
if ss.pop("add_reset", False):  # inputs emptied after a successful add (before they are drawn)
    ss["add_text"] = ss["add_title"] = ss["add_zone"] = ""

# A new key per round empties the uploader once its files have been added.
files = st.file_uploader("上传文件", accept_multiple_files=True, key=f"add_files_{ss.add_round}")
with st.expander("或粘贴文本", expanded=not files):
    pasted_text = st.text_area("正文", key="add_text", height=200)
    title_col, zone_col = st.columns(2)
    pasted_title = title_col.text_input("标题（可选）", key="add_title")
    pasted_zone = zone_col.text_input("开发区（可选，留空则由正文推断）", key="add_zone")

# Never disabled: a click right after typing must not be lost to a stale "disabled" state.
if st.button("提取并加入", type="primary", key="add_go"):
    if not (files or pasted_text.strip()):
        st.warning("请先上传文件或粘贴文本。")
        st.stop()
    pasted = []
    if pasted_text.strip():
        pasted.append(lib.Document(doc_id="pasted", text=pasted_text, title=pasted_title.strip(),
                                   zone=pasted_zone.strip()))
    with st.spinner("正在读取并提取…"):
        present = ui.app_data().docs
        docs, facts, errors = uploads.ingest([(u.name, u.getvalue()) for u in files or []],
                                             pasted, set(present), state.known_content_keys())
    state.add_uploads(docs, facts)
    ss["upl_errors"] = errors
    ss["add_message"] = f"已加入 {len(docs)} 篇文章、{len(facts)} 个数字。" if docs else ""
    if docs and (problem := workspace.keep()):   # kept on the server, the key in the URL
        ss["upl_errors"] = ss["upl_errors"] + [problem]
    ss["add_round"] += 1
    ss["add_reset"] = True
    st.rerun()  # every page (and the sidebar) now sees the new articles

if msg := ss.pop("add_message", None):
    st.success(msg)   # nothing added: only the reasons below are shown, no green "0 篇"
if ss["upl_errors"]:
    st.error(f"{len(ss['upl_errors'])} 个文件未能加入：")
    st.html("<ul>" + "".join(f"<li>{esc(e)}</li>" for e in ss["upl_errors"]) + "</ul>")

st.subheader("本次会话添加的文章")
if not state.uploaded_docs():
    st.caption("还没有。")
    st.stop()
upl_facts = state.uploaded_facts()
counts = upl_facts["doc_id"].value_counts() if upl_facts is not None else {}
st.dataframe(pd.DataFrame([{"文章": d.doc_id, "标题": d.title, "开发区": d.zone,
                            "数字": int(counts.get(d.doc_id, 0))} for d in state.uploaded_docs().values()]),
             hide_index=True, width="stretch")

if st.button("清空本次添加", key="add_clear"):
    state.set_uploads({}, None)
    ss["upl_errors"] = []
    workspace.keep()
    st.rerun()

if uploads.can_save_locally():
    st.subheader("保存到语料库")
    st.caption(f"本机运行时可把这些文章写入 `{state.CORPUS_DIR}`（每篇一个 .txt，并登记到 manifest.csv）。")
    if st.button("保存到 data/corpus", key="add_save"):
        written = uploads.save_to_corpus(state.uploaded_docs())
        state.set_uploads({}, None)
        ss["upl_errors"] = []
        ss["add_message"] = f"已保存 {len(written)} 篇文章到语料库。"
        st.rerun()  # the corpus cache key changes with the new files
