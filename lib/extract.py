"""The pipeline: a Document in, its facts out (one row per figure, the columns of docs/spec/facts.md).

read -> normalise (offset map) -> split sentences -> find figures (lib/figures/find.py) ->
attach metric and measure (lib/attach/attribute.py), year and period (lib/attach/when.py, over the cues of
lib/attach/timeframe.py), status (lib/attach/status.py), zone (lib/attach/where.py, over the names of lib/attach/zones.py),
scope (lib/attach/scope.py) -> enumerations (分别, lib/attach/enumerations.py) -> rows.
What is carried between sentences (the year and period named last in the paragraph, the zone
named last, a heading's section, the sub-item an item heading opened) lives in lib/attach/context.py.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

from lib.attach import attribute, scope, status, when, where, zones
from lib.reference import lexicon
from lib.attach.enumerations import respectively
from lib.documents import Document, ReadError
from lib.limits import (CONTEXT_CHARS, EXCERPT_CHARS, FIRST_YEAR, LAST_YEAR, MAX_FIGURES_PER_SENTENCE,
                        MAX_SENTENCE_CHARS)
from lib.figures.find import Figure, find_figures
from lib.figures.tables import find_table_figures, merge_table_figures
from lib.attach.context import (DocState, Sentence, last_starting_in, multi_year_span,
                         recent_starting_in, split_sentences, starting_in)
from lib.normalize import normalize
from lib.patterns import named

CLAUSE_OR_BRACKET = re.compile(r"[,，;；:：。!?！？\n()（）、]")
MONEY_UNIT_FOR_METRIC = "亿元"
EVERY_YEAR = named(
    "extract.every_year", "每年: a plan with no year of its own is for the article's year",
    r"每年",
    examples=['每年新增'], counter_examples=['年均'])
ZONE_WIDE = named(
    "extract.zone_wide", "the zone as a whole named (全区, 开发区): a sub-item's scope ends",
    r"全区|全县|我区|我县|本区|全域|开发区|高新区|经开区",
    examples=['全区实现', '开发区完成'], counter_examples=['园区企业'])  # ends a sub-item's scope
LISTED_AFTER = re.compile(r"[ \t]*(?:、|和|及|与)[ \t]*")   # between two values of one list
LEVEL_AFTER_RATE = 6   # characters between a rate and the level it leads to (增长14.6%,达到35.2亿元)
COUNT_UNIT_FOR_METRIC = {"talent_count": "人", "enterprise_count": "家", "project_count": "个",
                         "platform_count": "个", "patent_count": "件"}


def _clause_after(text: str, pos: int, limit: int) -> str:
    m = CLAUSE_OR_BRACKET.search(text, pos, limit)
    return text[pos:m.start() if m else limit]


def _bare_unit(fig: Figure, metric: str) -> tuple[float, str] | None:
    family = lexicon.metrics().get(metric, {}).get("family", "")
    if family == "money":
        return fig.value * fig.raw_scale / 1e8, MONEY_UNIT_FOR_METRIC
    if metric in COUNT_UNIT_FOR_METRIC:
        return fig.value * fig.raw_scale, COUNT_UNIT_FOR_METRIC[metric]
    return None


def fact_rows(doc: Document) -> list[dict]:
    """The fact rows of one document (docs/spec/facts.md), in text order."""
    return [row for rows in iter_fact_rows(doc) for row in rows]


def iter_fact_rows(doc: Document) -> Iterator[list[dict]]:
    """The fact rows of one document, a sentence's rows at a time (so a caller can turn them
    into frames as they come). Raises a ReadError for a limit the document breaks."""
    norm = normalize(doc.text)
    text = norm.text
    figures = find_figures(text)
    if "|" in text:
        figures = merge_table_figures(figures, find_table_figures(text))
    if not figures:
        return
    st = DocState(doc, text, doc.text)
    fig_i, n = 0, len(figures)
    for s in split_sentences(text):
        if fig_i == n:
            break   # no figure after here: the rest of the page (its junk tail too) changes nothing
        st.new_paragraph(s.paragraph)
        sentence = text[s.start:s.end]
        while fig_i < n and figures[fig_i].start < s.start:
            fig_i += 1
        first = fig_i
        while fig_i < n and figures[fig_i].start < s.end:
            fig_i += 1
        here = figures[first:fig_i]
        if len(here) > MAX_FIGURES_PER_SENTENCE:
            raise ReadError(doc.path or doc.doc_id,
                            f"一句中的数字超过 {MAX_FIGURES_PER_SENTENCE} 个上限，不像正文 / a sentence holds more "
                            f"than {MAX_FIGURES_PER_SENTENCE} figures (the limit): a dump of numbers, not prose")
        st.enter_sentence(s, sentence, bool(here))
        if here:
            rows = _facts_in_sentence(st, doc, norm, s, sentence, here)
            if rows:
                yield rows
        st.leave_sentence(s)
        where.update_sticky_zone(st, s, bool(here))   # the zone the sentence named carries on


def _excerpt(raw: str, start: int, end: int) -> str:
    """A long sentence is stored as the words around its figure (memory stays linear in the text)."""
    a, b = max(0, start - EXCERPT_CHARS), min(len(raw), end + EXCERPT_CHARS)
    return ("…" if a else "") + raw[a:b].strip() + ("…" if b < len(raw) else "")


@dataclass(frozen=True)
class SentenceContext:
    """What every figure of a sentence shares, found once per sentence."""
    doc: Document
    norm: object                      # the normalised text's offset map (lib.normalize)
    s: Sentence
    sentence: str
    subject_here: str                 # a company or park the sentence is about ('' for the zone)
    target_spans: list                # (start, end) of the sentence's plan markers' reach
    change_ends: list                 # ends of its change verbs (新增, 净增 …)


def _facts_in_sentence(st, doc, norm, s: Sentence, sentence: str, here: list[Figure]) -> list[dict]:
    subject_here = scope.sentence_subject(sentence, here[0].start - s.start)
    if subject_here and zones.same_zone(zones.canonical_zone(subject_here), st.zone):
        subject_here = ""   # the article's own zone (苏州工业园区) is not a sub-entity
    ctx = SentenceContext(doc, norm, s, sentence, subject_here, status.target_spans(sentence),
                          attribute.change_verb_ends(st.text, s.start, s.end))
    s.multi_year = multi_year_span(sentence)
    sentence_cues = starting_in(st.cues, s.start, s.end)
    s.first_from = next((c for c in sentence_cues if c.kind == "from"), None)
    s.latest_year = max((c.year for c in sentence_cues if c.kind in ("target", "explicit") and c.year),
                        default=None)
    zone_wide = ZONE_WIDE.search(sentence)
    s.zone_wide_at = s.start + zone_wide.start() if zone_wide else s.end
    s.original = doc.text[norm.to_original(s.start):norm.to_original(max(s.start, s.end - 1)) + 1].strip()
    sent_rows: list[tuple[Figure, dict]] = []
    prev: Figure | None = None
    for fig in here:
        row = _fact(st, ctx, fig, prev, sent_rows)
        if row is not None:
            sent_rows.append((fig, row))
            prev = fig
    mentions = [(m.start, st.zone if zones.same_zone(m.name, st.zone) else m.name)
                for m in starting_in(st.mentions, s.start, s.end) if not m.aside]
    for i, changes in respectively(st.text, s.start, s.end, sent_rows, mentions).items():
        sent_rows[i][1].update(changes)   # 分别: the k-th value to the k-th metric, year, period or zone
    if sent_rows:
        st.last_metric = sent_rows[-1][1]["metric"]
        st.last_period = sent_rows[-1][1]["period"]
    return [r for _, r in sent_rows]


def _breakdown_period(st: DocState, s, fig: Figure, sent_rows: list[tuple[Figure, dict]]) -> str:
    """累计实施项目214个,其中百亿级项目6个;…项目25个: the parts after 其中 (to the sentence's end,
    unless a year is named again) share the running total's period."""
    at = st.text.rfind("其中", s.start, fig.start)
    if at < 0:
        return ""
    total = next((r for f, r in reversed(sent_rows) if f.end <= at), None)
    period = total["period"] if total is not None else \
        (st.last_period if at - s.start <= 2 else "")   # 。其中,完成工业投资…: the last sentence's total
    if not (period == "multi-year" or period.startswith("since-")):
        return ""
    if last_starting_in(st.cues, at, fig.start) is not None:
        return ""   # 其中今年新引进20个: a year of its own
    return period


def _inherited_metric(st: DocState, fig: Figure, sent_rows: list[tuple[Figure, dict]]) -> str:
    """The metric of a figure no alias names: a rate takes the figure's before it (55.66亿元,
    增长8.6%), an amount the last one of its kind in the sentence, else the unit's default."""
    inheriting = fig.family in ("percent", "points")
    same_family = next((r for f, r in reversed(sent_rows) if f.family == fig.family), None)
    if sent_rows and inheriting:
        return sent_rows[-1][1]["metric"]
    if sent_rows and sent_rows[-1][1]["measure"] == "growth" and fig.start - sent_rows[-1][0].end <= LEVEL_AFTER_RATE:
        return sent_rows[-1][1]["metric"]   # 地区生产总值增长14.6%,达到35.2亿元: the rate's metric's level
    if same_family:
        return same_family["metric"]   # 合同金额61.8亿美元…;实际到位33.45亿美元
    if fig.family == "length" and sent_rows and sent_rows[-1][1]["metric"] == "infrastructure":
        return "infrastructure"
    if inheriting and st.last_metric:
        return st.last_metric
    return attribute.default_metric(fig)


def _subject(st: DocState, s: Sentence, fig: Figure, clause_before: str, clause_inside: bool,
             subject_here: str) -> str:
    """The company, park or project a figure is about ('' for the zone as a whole)."""
    text = st.text
    project = scope.project_after(text[fig.end:fig.end + 20]) if text[fig.end:fig.end + 1] == "的" else ""
    if project:
        s.subject = project      # 总投资45亿元的某某项目…, 当年实现产值18.6亿元: the project's
    clause_subject = scope.sentence_subject(clause_before) \
        if clause_inside and scope.may_name_entity(clause_before) else ""
    subject = project or clause_subject or subject_here or s.subject or st.sub_topic
    if s.zone_wide_at < fig.start and not scope.project_after(text[fig.end:fig.end + 20]) and not subject_here:
        return ""   # 全区… named before the figure: the zone's own
    return subject


def _fact(st: DocState, ctx: SentenceContext, fig: Figure, prev: Figure | None,
          sent_rows: list[tuple[Figure, dict]]) -> dict | None:
    """One figure's row (None: no fact). Long because it is the one place where the stages
    meet, in their order: measure, metric, sign, year, status, period, zone, subject, offsets;
    each stage itself lives in lib/attach/ and lib/figures/."""
    doc, norm, s, subject_here = ctx.doc, ctx.norm, ctx.s, ctx.subject_here
    target_spans, change_ends = ctx.target_spans, ctx.change_ends
    text = st.text
    seg_start = prev.end if prev else s.start
    segment = text[seg_start:fig.start]
    i = bisect.bisect_left(st.clause_seps, fig.start)
    clause_start = max(s.start, st.clause_seps[i - 1] + 1) if i else s.start
    clause_start = max(clause_start, fig.start - CONTEXT_CHARS)   # bounded: no rescans of long clauses
    clause_before = text[clause_start:fig.start]
    after = _clause_after(text, fig.end, min(s.end, fig.end + 24))
    i = bisect.bisect_right(change_ends, fig.start) - 1
    since_change = text[change_ends[i]:fig.start] if i >= 0 and fig.start - change_ends[i] <= CONTEXT_CHARS \
        else None   # a change verb further back governs nothing here
    measure = fig.measure_hint or attribute.measure_for(fig, clause_before, after, since_change)
    if fig.row_label:
        segment = fig.row_label   # a table row: its first cell names the metric
    unit, value = fig.unit, fig.value
    if fig.family == "percent" and measure == "change":
        unit = "百分点"
    metric = attribute.metric_for(fig, segment, after, measure, len(clause_before))
    if metric == lexicon.NO_METRIC:
        return None
    if fig.family == "bare":
        if metric is None:
            return None
        converted = _bare_unit(fig, metric)
        if converted is None:
            return None
        value, unit = round(converted[0], 10), converted[1]
    if metric is None:
        metric = _inherited_metric(st, fig, sent_rows)
    if (measure == "growth" and attribute.is_decline(clause_before)) or (
            measure == "change" and unit == "百分点" and attribute.is_lower(clause_before)):
        value = -value
    elif sent_rows and prev is not None and sent_rows[-1][0] is prev and sent_rows[-1][1]["value"] < 0 \
            and sent_rows[-1][1]["measure"] == measure and LISTED_AFTER.fullmatch(text, prev.end, fig.start):
        value = -value   # 分别下降10.4%、24.3%和30.0%: every value of the list declines
    cues_before = recent_starting_in(st.cues, s.start, fig.start, when.RECENT_CUES)
    year, since, cue_kind, year_source = when.year_for(st, s, fig, cues_before)
    target = any(a <= fig.start - s.start < b for a, b in target_spans) or st.para_target \
        or status.named_as_goal(text, fig.end, s.end)
    if cue_kind == "target":
        target = True
    if target and when.is_past_base(st, s, fig, year):
        target = False   # 预计…从2013年的98亿元增长到…: a past year's base is what it was
    if target and cue_kind == "review" and status.only_estimates(text[s.start:fig.start]):
        target = False   # 预计 in a January report with no year: an estimate of the year just ended
    estimate_of_past_year = cue_kind == "carried" and year is not None and year < (st.article_year or 0) \
        and status.only_estimates(text[s.start:fig.start])   # 2017年…预计全年实现 in a 2018 report
    if target and st.article_year and not estimate_of_past_year and (
            cue_kind in ("carried", "review") or EVERY_YEAR.search(clause_before)):
        year = st.article_year   # 力争全年… / 每年至少…: a plan with no year of its own is for this year
        year_source = st.year_evidence
    period = when.period_for(st, s, fig, clause_before, since, year, target)
    if cue_kind == "since-this-year" and period == "year":
        period = st.year_to_date_period   # 今年以来 in a report on part of a year: that report's period
    if period == "year":
        period = _breakdown_period(st, s, fig, sent_rows) or period
    zone, zone_source = where.zone_for(st, s, fig)
    subject = _subject(st, s, fig, clause_before, clause_start > s.start, subject_here)
    o_start, o_end = norm.to_original(fig.start), norm.to_original(fig.end - 1) + 1
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        year = None   # 去年 of a 1949 article, an era clue gone wrong: no year rather than a wrong one
    return {
        "doc_id": doc.doc_id, "zone": zone, "scope": "sub" if subject else "zone", "subject": subject,
        "year": year, "period": period, "metric": metric, "measure": measure,
        "value": value, "unit": unit, "qualifier": fig.qualifier,
        "status": "target" if target else "actual",
        "sentence": s.original if len(s.original) <= MAX_SENTENCE_CHARS else _excerpt(doc.text, o_start, o_end),
        "start": o_start, "end": o_end, "rule": fig.rule,
        "zone_source": zone_source if zone else "", "year_source": year_source if year is not None else "",
    }
