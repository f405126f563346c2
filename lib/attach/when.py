"""When a figure is for: its year (and where that came from) and its period.

Functions of the figure, its sentence and the document's state (lib/attach/context.py): the cues of the
sentence come first, then the paragraph's, a heading's, and the article's own year and report
period. Called by the pipeline (lib/extract.py) once per figure.
"""
from __future__ import annotations

from lib.attach import timeframe
from lib.attach.context import DocState, Sentence, last_starting_in, recent_starting_in
from lib.figures.find import Figure
from lib.patterns import named

# the words right before a figure that tie it to a year: 上年的7602万元, 从24.2亿元, 提高到70.46亿元
YEAR_WORDS_BEFORE = named(
    "when.year_words_before", "right before a figure: 上年的 (last year's), 从 (from), 提高到 (rose to)",
    r"(?:(?P<last_year>(?:上年|去年)的?)|(?P<from>从|由)|(?P<rise_to>(?:提高|增长|增加|上升|达)到))[ \t]*$",
    examples=['上年的', '从', '提高到'], counter_examples=['实现'])
THIS_YEAR_BEFORE = named(
    "when.this_year_before", "before 累计 in its clause: the running total is this year's (今年已累计)",
    r"(?:今年|本年|当年|年内|全年|去年)(?:以来)?[\u4e00-\u9fff]{0,3}$",
    examples=['今年已', '该区今年', '去年全区全年'], counter_examples=['建区以来'])
REACHED_BEFORE = named(
    "when.reached_before", "right before a figure under 近年来 / 五年来: a level reached (达到460家), today's",
    r"(?:达到|达|突破|增至|增加到|增长到|提高到|提升到|升至)[ \t]*(?:约|近|超过|超)?[ \t]*$",
    examples=['企业达到', '收入突破'], counter_examples=['年均增长', '累计完成'])
RECENT_CUES = 16          # a figure's year is decided by the last few cues before it in its sentence


def year_for(st: DocState, s: Sentence, fig: Figure, cues_before) -> tuple[int | None, str, str, str]:
    """(year, period override, cue kind, evidence) of a figure; evidence is where the year came
    from: sentence, paragraph, heading, or the article's own year (see DocState.year_evidence)."""
    text = st.text
    at = fig.group_start if fig.group_start >= 0 else fig.start   # a group's words are each part's
    right_before = YEAR_WORDS_BEFORE.search(text, max(s.start, at - 6), at)
    word = right_before.lastgroup if right_before else ""
    if word == "last_year" and st.article_year:
        base = next((c.year for c in reversed(cues_before) if c.kind == "explicit" and c.year), None)
        if base is None and st.para_cue is not None and st.para_cue.kind == "explicit":
            base = st.para_cue.year          # 2021年,…。由上年的…: the year before the paragraph's
        base = base or st.default_year or st.article_year   # else before the year the text reports on
        return base - 1, "", "relative", "sentence"
    usable = [c for c in cues_before if c.kind not in ("comparison", "founded", "date")]
    if usable and usable[-1].year and fig.start - usable[-1].end <= 1:
        return usable[-1].year, "", "explicit", "sentence"   # 由2005年的58.6亿元: the year names the figure
    if word == "from" and s.first_from is not None:
        return s.first_from.year, "", "from", "sentence"
    if word == "rise_to" and s.first_from is not None and s.latest_year is not None:
        return s.latest_year, "", "explicit", "sentence"
    usable = [c for c in usable if c.kind != "from"]
    cue = usable[-1] if usable else None
    carried = cue is None
    evidence = "sentence"
    if cue is None and st.para_cue is not None:
        cue, evidence = st.para_cue, "paragraph"
    if cue is None and st.section_cue is not None:
        cue, evidence = st.section_cue, "heading"
        carried = False   # a plan heading's year holds for its section
    if cue is None:
        if st.para_full_year or "全年" in text[max(s.start, fig.start - 80):fig.start]:
            full = timeframe.full_year_cue_year(st.article_year, st.pub_month)
            if full:
                return full, "", "full", st.year_evidence
        sub_year = any(p.period != "year" for p in recent_starting_in(st.periods, s.start, fig.start, RECENT_CUES))
        if sub_year or st.para_period not in ("", "year"):
            return st.article_year, "", "this-year", st.year_evidence   # 一季度…: this year's quarter
        review = timeframe.full_year_cue_year(st.article_year, st.pub_month)
        if st.work_report and st.article_year:
            return st.article_year - 1, "", "review", st.year_evidence   # a work report reviews the year before
        if review and st.default_year == st.article_year and st.speaks_of_last_year:
            return review, "", "review", st.year_evidence   # a January report: last year's results
        return st.default_year, "", "carried", "article" if st.default_year != st.article_year else st.year_evidence
    if cue.kind == "since":
        since = cue.year if cue.year is not None else st.article_year
        word = text[cue.start:cue.end]
        if word.startswith("今年") or word.startswith("本年") or (since and since == st.article_year and st.year_source != "inferred"):
            return st.article_year, "", "since-this-year", evidence   # 今年以来, 2022年以来 in a 2022 page
        return st.article_year, f"since-{since}" if since else "", "since", evidence
    if cue.kind == "now":
        if text[cue.start:cue.end] in ("截至目前", "至今") and text[max(0, cue.start - 2):cue.start] in ("今年", "本年"):
            return st.article_year, "", "since-this-year", evidence   # 今年截至目前: this year to date
        return st.article_year, "", "now", evidence
    return cue.year, "", "carried" if carried else cue.kind, evidence


def is_past_base(st: DocState, s: Sentence, fig: Figure, year: int | None) -> bool:
    """The base of a change in a past year, even inside an estimate: 从2013年的98亿元 (its year named
    right before it), or …;财政收入从11亿元增长到… in a sentence that started from 2011."""
    if not st.article_year:
        return False
    if year and year < st.article_year and year_named_at(st, fig):
        return True
    from_year = s.first_from.year if s.first_from is not None else None
    right_before = YEAR_WORDS_BEFORE.search(st.text, max(s.start, fig.start - 6), fig.start)
    return bool(from_year and from_year < st.article_year and right_before and right_before.lastgroup == "from")


def period_for(st: DocState, s: Sentence, fig: Figure, clause_before: str, since: str,
                year: int | None, target: bool) -> str:
    if since:
        return since
    multi = timeframe.MULTI_YEAR.search(clause_before)
    if multi and multi.group() == "年均" and s.first_from is not None and s.first_from.year \
            and s.first_from.start < fig.start:
        return f"since-{s.first_from.year}"   # 从2013年的98亿元增长到…,年均增长11.8%: the average since 2013
    if multi:
        in_force = _part_year_in_force(st, s, fig)
        if multi.group() == "累计" and not timeframe.MULTI_YEAR.search(clause_before, multi.end()):
            if in_force and clause_before[multi.end():multi.end() + 2] == "完成":
                return in_force   # 1-10月,…累计完成: year to date, not a span of years
            if THIS_YEAR_BEFORE.search(clause_before, 0, multi.start()):
                return in_force or "year"   # 今年已累计签约项目15个: this year's running total
        return "multi-year"
    if s.multi_year[0] <= fig.start - s.start < s.multi_year[1] and not year_named_at(st, fig) \
            and not REACHED_BEFORE.search(clause_before):
        return "multi-year"   # 五年来…净增143家; but 由2015年的568亿元 is 2015's, 企业达到460家 today's
    last = last_starting_in(st.periods, s.start, fig.start)
    if last is not None:
        return last.period
    if year_named_at(st, fig):
        return "year"   # 从2020年的412亿元到2024年的1305亿元: each a whole year's, whatever the report's period
    if st.para_period and not _names_its_year(st, s, fig):
        return st.para_period
    if st.section_period:
        return st.section_period
    return st.default_period if year == st.article_year and not target else "year"


def _part_year_in_force(st: DocState, s: Sentence, fig: Figure) -> str:
    """The part-year period named for the figure (in its sentence, paragraph or section), or ''."""
    last = last_starting_in(st.periods, s.start, fig.start)
    for period in (last.period if last else "", st.para_period, st.section_period):
        if period and period != "year":
            return period
    return ""


def year_named_at(st: DocState, fig: Figure) -> bool:
    """A year stands right before the figure (2015年的568亿元): the figure is that year's."""
    cue = last_starting_in(st.cues, max(0, fig.start - 12), fig.start, lambda c: c.kind != "comparison")
    return cue is not None and cue.year is not None and fig.start - cue.end <= 1


def _names_its_year(st: DocState, s: Sentence, fig: Figure) -> bool:
    """A year named in the figure's own sentence (2022年,…) ends a period carried from an
    earlier sentence: 上半年… 。2022年,全区… is a whole year again."""
    cue = last_starting_in(st.cues, s.start, fig.start, lambda c: c.kind == "explicit")
    return cue is not None
