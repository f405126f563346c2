"""Years and periods: the article's year, and the year and period of each figure.

Year cues (explicit 2021年, 今年, 去年 / 上年, 明年, 目前, 到2022年, 2021年以来) are found once
per document. A figure takes the last cue before it in its sentence, else the last cue of
its paragraph, else the article's dominant reporting year. Cues inside a comparison
(高于上年同期、2017年全年…, 比上年增长) say nothing about the figure's year.

The article's year: the publication date (manifest or a date in the page head); for an
undated page the latest year its own sentences report on, one more when the text says 去年
about it or compares against it, or an era clue (新中国成立70周年 -> 2019, 两年平均 -> 2021).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lib.figures.numbers import parse_chinese_integer
from lib.limits import FIRST_YEAR, LAST_YEAR
from lib.patterns import named

YEAR_CUE = named(
    "timeframe.year_cue",
    "a year a figure may be for: written (2021年 …以来/起/底), relative (今年, 去年) or now (目前, 截至目前)",
    r"""
    (?=[12今本当去上明前目现截至如])                        # fail fast: every cue starts with one of these
    (?:
        (?<!\d)(?P<explicit>(?:19|20)\d{2})[ ]?年          # 2021年 (not 12021年); 2024 年 (a PDF's space)
            (?P<etail>以来|来|起|开始|以后|底|末|年底|全年|度)?   # …以来: since; …起: from then on
      | (?P<relative>今年|本年|当年|去年|上年|上一年|明年|前年)(?P<rtail>以来)?
      | (?P<now>目前|现有|现已|如今|截至目前|截至今年|至今|当前)
    )
    """,
    examples=["2021年全区", "2015年以来", "去年同期", "截至目前", "2024 年,是"], counter_examples=["12023年", "年底"])
COMPARISON_BEFORE = named(
    "timeframe.comparison_before", "before a year: the year compared with (比2015年, 较上年), not the figure's",
    r"(?:高于|低于|快于|慢于|高出|比|较|相比|同比|超过|对比|与)[^,。;!?\n]{0,12}$",
    examples=['比', '较上年同期相比'], counter_examples=['实现'])
TARGET_YEAR_BEFORE = named(
    "timeframe.target_year_before", "before a year: a plan's due year (到2025年, 力争2024年)",
    r"(?:到|(?<!截)至|力争|争取|预计|计划|目标|希望在|有望在)[ \t]*$",
    examples=['到', '力争', '希望在'], counter_examples=['截至'])
SINCE_AFTER = named(
    "timeframe.since_after", "after a year: a running total since it (2015年8月获批以来)",
    r"\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?[\u4e00-\u9fff]{0,8}?以来",
    examples=['以来', '8月30日获批以来'], counter_examples=['底'])
LONG_SINCE_AFTER = named(
    "timeframe.long_since_after", "after 自/从 and a year: an event's name, then 以来 (自2011年首届民企洽谈会以来)",
    r"[^,，。;；!?！？\n]{0,20}?以来",
    examples=['首届侨商大会以来'], counter_examples=['起,全区'])
DATE_AFTER = named(
    "timeframe.date_after", "after a year: a date (2013年02月05日), not the year reported on",
    r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
    examples=['02月05日', ' 3月 8日'], counter_examples=['一季度'])
YEAR_RANGE_START = named(
    "timeframe.year_range_start", "a year span's opening (2010年至…)",
    r"(?:19|20)\d{2}年?\s*[至到\-—~]\s*$",
    examples=['2010年至', '2019-'], counter_examples=['2019年'])  # 2010年至2012年: a span
FROM_BEFORE = named(
    "timeframe.from_before", "before a year: the start of a change (从2015年的…)",
    r"(?:从|由)[ \t]*$",
    examples=['从', '由 '], counter_examples=['到'])
RANGE_OPENED = named(
    "timeframe.range_opened", "a span opened earlier (自2019年…至2020年底)",
    r"(?:自|从|由)[ \t]*(?:19|20)\d{2}年",
    examples=['自2019年', '从 2020年'], counter_examples=['2020年'])  # 自2019年…至2020年底: a span
FOUNDED_AFTER = named(
    "timeframe.founded_after", "after a year: a founding (1992年8月经国务院批准设立)",
    r"[\d一二三四五六七八九十]{0,2}月?[\d一二三四五六七八九十]{0,2}日?[,，]?(?:经[\u4e00-\u9fff]{1,8})?"
                           r"(?:成立|设立|批准|建区|获批|开园|升级|升格|晋升|挂牌)",
    examples=['8月经国务院批准设立', '成立'], counter_examples=['实现产值'])
FOUNDED_BEFORE = named(
    "timeframe.founded_before", "before a year: the zone's founding (成立于1992年), no figure's year",
    r"(?:成立|始建|设立|创建|组建|建立|批准|获批|升格|晋升|入选|建)于?[ \t]*$",
    examples=['成立于', '获批'], counter_examples=['实现'])

PERIOD_CUE = named(
    "timeframe.period_cue",
    "a part of a year (上半年, 一季度, 前三季度, 1-8月, 前11个月, 截至10月底) or the whole year (全年)",
    r"""
    (?=[上一第1前全半截])                                   # fail fast: every cue starts with one of these
    (?:
        (?P<h1>上半年 | (?<![近前后每这过])半年(?=报|度|[“\"]?(?:成绩单|答卷|经济)))   # 上半年, 半年报
      | (?P<q1>一季度|第一季度|1季度)
      | (?P<q13>前三季度|前3季度|1-3季度)
      | (?P<h1b>前半年)
      | 前(?P<nmonths>\d{1,2}|[一二两三四五六七八九十]{1,3})个?月          # 前11个月
      | (?<![\d一二三四五六七八九十])(?:1|一)(?:月份?)?\s*[-—–至~到]\s*
            (?P<mto>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月                       # 1—8月, 1月至8月
      | (?<![\d-])(?P<single>1|一)月份
      | (?:截至|截止到?|截(?=[\d一二三四五六七八九十]))[ \t]*(?:今年|本年|(?:19|20)\d{2}年)?
            (?P<upto>\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|底|末)?      # 截至10月底: January to October
      | (?<!年)(?P<full>全年)(?![\u4e00-\u9fff]{0,2}(?:任务|目标|计划|预期|工作|项目))   # 全年 (not 全年目标)
    )
    """,
    examples=["上半年", "前三季度", "1—8月", "今年1月至8月", "前11个月", "截至10月底", "截9月底", "全年实现"],
    counter_examples=["全年目标", "近半年", "11月", "11-12月"])
MULTI_YEAR = named(
    "timeframe.multi_year", "a figure over several years (每年, 年均, 累计)",
    r"""每年|年均|两年平均|三年平均|累计|历年
      | (?<![\d今去明当上本前全半底度])年(?=可|吞吐|处理能力)     # 年可实现销售收入, 年吞吐货物: a yearly capacity""",
    examples=['年均增长', '累计完成', '建成后年可实现销售收入', '港区年吞吐货物'],
    counter_examples=['全年', '2022年吞吐量', '今年可实现'])
# govern up to a semicolon: 近年来, 十年来, 五年来, 多年来 (not 2015年来: that is since-2015)
MULTI_YEAR_OPENING = named(
    "timeframe.multi_year_opening", "a sentence over several years with no start (近年来, 五年来)",
    r"近年来|近几年|近两年|近三年|近五年|多年来|(?<![\d年])(?:[两二三四五六七八九十]|十[一二三四五])年来",
    examples=['近年来', '五年来'], counter_examples=['2015年来'])
# An undated page's era, when it names no year it reports on: (pattern, year of its number 1)
ERA_CLUES = [
    (named("timeframe.era_prc_anniversary", "新中国成立70周年: 1949 + N",
           r"新中国成立(\d{2,3}|[一二三四五六七八九十]+)周年", examples=["庆祝新中国成立70周年"]), 1949),
    (named("timeframe.era_prc_birthday", "新中国70华诞: 1949 + N",
           r"新中国(\d{2,3}|[一二三四五六七八九十]+)华诞", examples=["喜迎新中国七十华诞"]), 1949),
    (named("timeframe.era_party_anniversary", "建党100周年: 1921 + N",
           r"建党(\d{2,3}|[一二三四五六七八九十百]+)周年", examples=["庆祝建党100周年"]), 1921),
    (named("timeframe.era_reform_anniversary", "改革开放40周年: 1978 + N",
           r"改革开放(\d{2}|[一二三四五六七八九十]+)周年", examples=["纪念改革开放40周年"]), 1978),
]
# 学习贯彻党的十八大精神: the N-th party congress met in 1987 + 5 (N - 13); a page studying its
# report is of that year or later, so the congress year is the page's era when nothing else says
PARTY_CONGRESS = named(
    "timeframe.era_party_congress", "a party congress's report or spirit studied (党的十八大精神): 1987 + 5 (N - 13)",
    r"党的(十[三四五六七八九]|二十[一二]?)大(?:报告|精神|胜利召开|召开)",
    examples=["认真学习贯彻落实党的十八大报告中提出的", "深入学习党的二十大精神"],
    counter_examples=["十八大以来", "党的十八大以来"])
FIXED_ERA_CLUES = [
    (named("timeframe.era_two_year_average", "两年平均 (the 2020-21 average): 2021", r"两年平均",
           examples=["两年平均增长5%"]), 2021),
    (named("timeframe.era_plan_opening", "十四五开局之年: 2021", r"十四五.{0,2}开局之年",
           examples=["“十四五”开局之年"]), 2021),
    (named("timeframe.era_plan_closing", "十三五收官之年: 2020", r"十三五.{0,2}收官之年",
           examples=["“十三五”收官之年"]), 2020),
]


@dataclass(slots=True)
class YearCue:
    start: int
    end: int
    year: int | None          # resolved year (None until the article year is known, for relative cues)
    kind: str                 # explicit | relative | now | since | target | comparison | from | full
    offset: int = 0           # for relative cues: years relative to the article year
    planned: bool = False     # 今年力争…: the year of a plan, not of what the article reports


def _int(s: str) -> int:
    return int(s) if s.isdigit() else int(parse_chinese_integer(s))


# 2021年一季度 / 2021年1-5月 / 2021年上半年: a year with its current quarter or months
SUB_YEAR_AFTER = named(
    "timeframe.sub_year_after", "after a year: part of it (2021年一季度, 2021年1-5月)",
    r"(?:[一二三四1-4]季度|第[一二三四1-4]季度|上半年|前三季度|前\d{1,2}个?月|1\s*[-—至~到]\s*\d{1,2}月|\d{1,2}月)",
    examples=['一季度', '1-5月'], counter_examples=['全年'])
PLAN_AFTER = named(
    "timeframe.plan_after", "after a year: a plan for it (今年力争…)",
    r"[,，]?[\u4e00-\u9fff]{0,3}?(?:力争|确保|计划|预计|将|要|争取|目标)",
    examples=['力争', '，全区计划'], counter_examples=['实现'])


def find_year_cues(text: str) -> list[YearCue]:
    cues = []
    for m in YEAR_CUE.finditer(text):
        start = m.start()
        line_start = text.rfind("\n", 0, start) + 1
        before = text[max(line_start, start - 14):start]
        if m.group("explicit"):
            year = int(m.group("explicit"))
            if not FIRST_YEAR <= year <= LAST_YEAR:
                continue   # 1948年: before the range of years a fact may have (the schema's)
            if m.group("etail") is None and (SINCE_AFTER.match(text, m.end()) or (
                    before.endswith(("自", "从")) and LONG_SINCE_AFTER.match(text, m.end()))):
                kind = "since"  # 自2015年8月30日获批以来: a running total since that year
            elif before.endswith("是") and text.startswith("的", m.end()):
                kind = "comparison"   # 是2014年的1.6倍: the year compared with
            elif DATE_AFTER.match(text, m.end()):
                kind = "date"   # 2013年02月05日: a date line, not the year a figure reports on
            elif m.group("etail") in ("以来", "来"):
                kind = "since"
            elif m.group("etail") in ("起", "开始", "以后"):
                kind = "now"  # 2004年起…: a state that still holds
            elif FOUNDED_BEFORE.search(before) or FOUNDED_AFTER.match(text, m.end()):
                kind = "founded"
            elif TARGET_YEAR_BEFORE.search(before) and not YEAR_RANGE_START.search(before) \
                    and not RANGE_OPENED.search(text, max(line_start, start - 40), start):
                kind = "target"
            elif FROM_BEFORE.search(before):
                kind = "from"
            elif COMPARISON_BEFORE.search(before):
                kind = "comparison"
            else:
                kind = "explicit"
            cues.append(YearCue(start, m.end(), year, kind))
        elif m.group("relative"):
            word = m.group("relative")
            offset = {"去年": -1, "上年": -1, "上一年": -1, "明年": 1, "前年": -2}.get(word, 0)
            after = text[m.end():m.end() + 3]
            if word in ("上年", "去年") and (COMPARISON_BEFORE.search(before) or after.startswith("同期")
                                          or (before.endswith("是") and text.startswith(("的", "全年的", "同期的"), m.end()))):
                # 是去年全年的3倍: compared with (特别是去年, is not)
                kind = "comparison"
            elif m.group("rtail"):
                kind = "since"
            else:
                kind = "relative"
            cues.append(YearCue(start, m.end(), None, kind, offset))
        else:
            cues.append(YearCue(start, m.end(), None, "now"))
        cues[-1].planned = bool(PLAN_AFTER.match(text, m.end()))
    return cues


def infer_article_year(text: str, cues: list[YearCue]) -> int | None:
    """The article's year for an undated page (see the module docstring)."""
    reporting = [c.year for c in cues if c.kind in ("explicit", "since") and c.year]
    bases = [c.year for c in cues if c.kind in ("comparison", "from") and c.year]
    candidates = []
    if reporting:
        latest = max(reporting)
        candidates.append(latest)
        current = any(c.year == latest and SUB_YEAR_AFTER.match(text, c.end) for c in cues)
        if not current and any(c.kind == "relative" and c.offset == -1 for c in cues):
            candidates.append(latest + 1)   # 2013年…完成, then 去年引进…: written the year after
    if bases:
        candidates.append(max(bases) + 1)
    if candidates:
        return max(candidates)
    for pattern, base in ERA_CLUES:
        m = pattern.search(text)
        if m:
            return base + _int(m.group(1))
    for pattern, year in FIXED_ERA_CLUES:
        if pattern.search(text):
            return year
    m = PARTY_CONGRESS.search(text)
    if m:
        return 1987 + 5 * (_int(m.group(1)) - 13)
    return None


def resolve_cues(cues: list[YearCue], article_year: int | None) -> None:
    """Relative cues (今年, 去年, 目前) get their year once the article's year is known."""
    for c in cues:
        if c.year is None and article_year is not None:
            c.year = article_year + c.offset


def full_year_cue_year(article_year: int | None, published_month: int) -> int | None:
    """全年 in an article published in January or February reports on the year before."""
    if article_year is None or not published_month:
        return None
    return article_year - 1 if published_month <= 2 else None


def dominant_year(cues: list[YearCue], article_year: int | None) -> int | None:
    years = [c.year for c in cues if c.kind in ("explicit", "relative", "now") and c.year and not c.planned]
    if not years:
        return article_year
    counts = Counter(years)
    best = max(counts.values())
    tied = [y for y, n in counts.items() if n == best]
    if article_year in tied:
        return article_year
    earlier = [y for y in tied if article_year is None or y <= article_year]
    return max(earlier or tied)


COMPARED_PERIOD = named(
    "timeframe.compared_period", "before a period: the period compared with (较上半年提高)",
    r"(?:较|比|高于|低于|快于|慢于)[ \t]*(?:今年|去年|上年)?$",
    examples=['较', '比上年'], counter_examples=['上半年'])


@dataclass(slots=True)
class PeriodCue:
    start: int
    end: int
    period: str


def find_period_cues(text: str) -> list[PeriodCue]:
    out = []
    for m in PERIOD_CUE.finditer(text):
        if COMPARED_PERIOD.search(text, max(0, m.start() - 3), m.start()):
            continue   # 较上半年提高0.5个百分点: the period compared with, not the figure's
        if m.group("h1") or m.group("h1b"):
            p = "H1"
        elif m.group("q1"):
            p = "Q1"
        elif m.group("q13"):
            p = "Q1-3"
        elif m.group("nmonths"):
            p = f"M1-{_int(m.group('nmonths'))}"
        elif m.group("mto"):
            p = f"M1-{_int(m.group('mto'))}"
        elif m.group("single"):
            p = "M1-1"
        elif m.group("upto"):
            n = _int(m.group("upto"))
            p = "year" if n == 12 else f"M1-{n}"   # 截至11月份: January to November
        else:
            p = "year"
        out.append(PeriodCue(m.start(), m.end(), p))
    return out


def most_named_part_year(periods: list[PeriodCue]) -> str:
    """The part of the year an article names most (its report's period), or 'year'."""
    counts = Counter(p.period for p in periods if p.period != "year")
    if not counts:
        return "year"
    best = max(counts.values())
    return next(p.period for p in periods if counts.get(p.period) == best)
