"""文章 Documents: one article's full text, every extracted figure highlighted by metric,
numbers no rule took underlined."""
import streamlit as st

import lib
from dashboard import data, labels, review, ui
from dashboard.text import UNTAKEN_STYLE, Mark, box, esc, highlight, metric_colours, safe_link

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
app = ui.app_data()
st.title("文章")
if not app.docs:
    st.info("还没有文章。")
    st.stop()

ids = sorted(app.docs)
wanted = st.query_params.get("doc")
if wanted in app.docs and st.session_state.get("doc_last_url") != wanted:
    st.session_state["doc_pick"] = wanted  # arrived by a link ("在全文中查看")
    st.session_state["doc_last_url"] = wanted
if st.session_state.get("doc_pick") not in app.docs:  # start with the richest article
    counts = app.facts["doc_id"].value_counts()
    st.session_state["doc_pick"] = next((d for d in counts.index if d in app.docs), ids[0])


def _name(doc_id: str) -> str:
    title = app.docs[doc_id].title.replace("\n", " ")
    return f"{doc_id} · {title[:40]}" if title else doc_id


doc_id = st.selectbox("文章", ids, key="doc_pick", format_func=_name)
st.query_params["doc"] = doc_id
st.session_state["doc_last_url"] = doc_id
doc = app.docs[doc_id]

facts = app.facts[app.facts["doc_id"] == doc_id].sort_values("start")
taken = [(s, e) for s, e in zip(facts["start"], facts["end"])]
untaken = [(s, e) for s, e in lib.number_spans(doc.text)
           if not any(s < te and ts < e for ts, te in taken)]

colours = metric_colours(sorted(facts["metric"].unique()))
marks = [Mark(r.start, r.end, f"background:{colours[r.metric]};padding:0 2px;border-radius:3px",
              f"{labels.metric(r.metric)} · {labels.MEASURES.get(r.measure, r.measure)} · "
              f"{labels.STATUSES.get(r.status, r.status)} · {r.value:g}{r.unit}")
         for r in facts.itertuples()]
marks += [Mark(s, e, UNTAKEN_STYLE, "未提取的数字", tag="span") for s, e in untaken]

meta = [f"<b>{esc(doc.title or doc_id)}</b>",
        f"开发区：{esc(doc.zone or '（由正文推断）')} · 日期：{esc(doc.published or '未注明')}"]
if doc.url:
    meta.append("来源：" + safe_link(doc.url, doc.url))
st.html("<br>".join(meta))

legend = " ".join(f'<mark style="background:{c};padding:0 4px">{esc(labels.metric(m))}</mark>'
                  for m, c in colours.items())
legend += f' <span style="{UNTAKEN_STYLE}">未提取的数字</span>'
st.html(f"<p>{len(facts)} 个数字，{len(untaken)} 个数字没有被规则提取。悬停查看详情。</p><p>{legend}</p>")
st.html(box(highlight(doc.text, marks)))

review.section(doc_id, doc, facts, data.metric_options(app.facts) or sorted(lib.metric_labels()))
with st.expander("校对表：下载或上传"):
    st.caption("本地运行时校对自动保存在 data/corrections.csv；在线（托管）使用时请下载保存，下次上传即可恢复。"
               "校对表也可当作标注数据：python -m lib evaluate --gold corrections.csv --docs 文章目录")
    review.files()
