"""校对 Review: the analyst confirms or corrects an article's zone and year and each figure.

Corrections are data (lib/evaluation/corrections.py): they are laid over the extraction on every run,
never written into it. `editor_frame` and `changes` are pure (tested without Streamlit);
`section` draws the review part of the 文章 page.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import labels, state
from dashboard.labels import fmt_value
from lib.evaluation import corrections

EDITABLE = {"metric": "指标", "measure": "类型", "zone": "开发区", "year": "年份", "period": "时期",
            "status": "状态", "scope": "范围"}
REJECT = "不是数字"
WEAK_ZONE = corrections.ARTICLE_ZONE_SOURCES
WEAK_YEAR = corrections.ARTICLE_YEAR_SOURCES


def queue(facts: pd.DataFrame) -> pd.DataFrame:
    """The article's figures, those placed on weak evidence first (zone or year not stated
    near the figure), then in text order."""
    weak = facts["zone_source"].isin(WEAK_ZONE).astype(int) + facts["year_source"].isin(WEAK_YEAR).astype(int)
    return facts.assign(_weak=weak).sort_values(["_weak", "start"], ascending=[False, True]).drop(columns="_weak")


def editor_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """The editable view: the figure and its words (read-only), its placement, a reject box."""
    out = pd.DataFrame({
        "数字": [fmt_value(v, u, q) for v, u, q in zip(facts["value"], facts["unit"], facts["qualifier"])],
        "原句": [s[:80] for s in facts["sentence"]],
    }, index=facts.index)
    for key, title in EDITABLE.items():
        out[title] = facts[key]
    out["依据"] = [f"开发区：{z or '—'}；年份：{y or '—'}" for z, y in zip(facts["zone_source"], facts["year_source"])]
    out["已校对"] = facts["reviewed"].astype(bool)
    out[REJECT] = False
    return out


def changes(before: pd.DataFrame, after: pd.DataFrame, facts: pd.DataFrame, text: str,
            confirm_rest: bool = False) -> list[dict]:
    """Correction rows for what the analyst changed (reject, or new field values); with
    `confirm_rest`, a confirm row for every figure left as it was."""
    rows = []
    for i in before.index:
        fact = facts.loc[i]
        if bool(after.at[i, REJECT]):
            rows.append(corrections.figure_row(fact, text, "reject"))
            continue
        new = {key: after.at[i, title] for key, title in EDITABLE.items()}
        old = {key: before.at[i, title] for key, title in EDITABLE.items()}
        changed = {k: _clean(new[k]) for k in EDITABLE if _differs(old[k], new[k])}
        if changed:
            rows.append(corrections.figure_row(fact, text, "correct", **changed))
        elif confirm_rest:
            rows.append(corrections.figure_row(fact, text, "confirm"))
    return rows


def _clean(v):
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else v


def _differs(a, b) -> bool:
    return str(_clean(a)) != str(_clean(b))


def article_guess(facts: pd.DataFrame) -> tuple[str, int | None]:
    """The zone and year the article's own figures follow (what the rules decided)."""
    zones = facts.loc[facts["zone_source"].isin(WEAK_ZONE), "zone"]
    years = facts.loc[facts["year_source"].isin(WEAK_YEAR), "year"].dropna()
    zone = zones.mode().iloc[0] if not zones.empty else ""
    year = int(years.mode().iloc[0]) if not years.empty else None
    return zone, year


def section(doc_id: str, doc, facts: pd.DataFrame, metric_keys: list[str]) -> None:
    """The 校对 part of the 文章 page."""
    st.subheader("校对")
    st.caption("规则放错了地方时在这里改正。改正保存为校对表，叠加在提取结果之上（提取结果本身不改），"
               "在所有页面和下载中生效，并标为“已校对”。依据较弱的数字（开发区或年份不是在句中说明的）排在前面。")
    zone, year = article_guess(facts)
    with st.form(f"rv_article_{doc_id}"):
        a, b, c = st.columns([3, 2, 2])
        new_zone = a.text_input("这篇文章的开发区", value=zone, key=f"rv_zone_{doc_id}", help="全区、我区、开发区等跟随文章的数字都会改到这里")
        new_year = b.text_input("这篇文章报告的年份", value="" if year is None else str(year), key=f"rv_year_{doc_id}",
                                help="没有在句中写明年份、跟随文章日期的数字都会改到这一年")
        if c.form_submit_button("应用到整篇文章", key=f"rv_apply_{doc_id}"):
            y = new_year.strip()
            if y and not (y.isdigit() and 1949 <= int(y) <= 2100):
                st.error(f"年份“{y}”无效：请填 1949–2100 之间的四位数年份。")
            else:
                state.add_corrections([corrections.article_row(doc_id, doc.text, new_zone.strip(),
                                                              int(y) if y else None)])
                st.rerun()
    if facts.empty:
        return
    ordered = queue(facts)
    before = editor_frame(ordered)
    after = st.data_editor(
        before, key=f"rv_edit_{doc_id}", hide_index=True, width="stretch",
        disabled=["数字", "原句", "依据", "已校对"],
        column_config={
            "指标": st.column_config.SelectboxColumn(options=metric_keys, format_func=labels.metric),
            "类型": st.column_config.SelectboxColumn(options=list(labels.MEASURES), format_func=labels.measure),
            "状态": st.column_config.SelectboxColumn(options=list(labels.STATUSES), format_func=labels.STATUSES.get),
            "范围": st.column_config.SelectboxColumn(options=["zone", "sub"], format_func=labels.SCOPES.get),
            "时期": st.column_config.TextColumn(help="year, H1, Q1, Q1-3, M1-8, since-2019, multi-year"),
            "年份": st.column_config.NumberColumn(min_value=1949, max_value=2100, step=1, format="%d"),
        })
    save, confirm, clear, _ = st.columns([1, 1, 1, 3])
    if save.button("保存改正", key=f"rv_save_{doc_id}", type="primary"):
        rows = changes(before, after, ordered, doc.text)
        if rows:
            state.add_corrections(rows)
            st.rerun()
        st.info("没有改动。")
    if confirm.button("改正并确认其余", key=f"rv_confirm_{doc_id}",
                      help="保存改动，并把其余数字标为已确认（确认的数字也进入校对表，可当作标注数据）"):
        state.add_corrections(changes(before, after, ordered, doc.text, confirm_rest=True))
        st.rerun()
    if clear.button("清除本文校对", key=f"rv_clear_{doc_id}"):
        corr = state.session_corrections()
        state.replace_corrections(corr[corr["doc_hash"] != corrections.doc_hash(doc.text)])
        st.rerun()


def files() -> None:
    """Download this session's corrections, or upload a corrections file (hosted apps keep
    corrections only this way)."""
    corr = state.session_corrections()
    a, b = st.columns([1, 3])
    a.download_button(f"下载校对表（{len(corr)} 条）", data=corrections.to_csv(corr),
                      file_name="corrections.csv", mime="text/csv", key="rv_download",
                      disabled=corr.empty, on_click="ignore")
    up = b.file_uploader("上传校对表（CSV）", type=["csv"], key="rv_upload")
    if up is not None and st.session_state.get("rv_uploaded") != up.file_id:
        try:
            loaded = corrections.read(up.getvalue())
        except corrections.CorrectionsError as exc:
            st.error(f"{up.name}：{exc}")
        else:
            state.add_corrections(loaded.to_dict("records"))
            st.session_state["rv_uploaded"] = up.file_id
            st.rerun()
