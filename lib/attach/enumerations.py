"""Enumerations: "A、B、C分别增长x%、y%、z%" gives the k-th value to the k-th metric.

With metric words before 分别, they are matched in order (one word: all values take it).
Without them, the values mirror the figures listed just before ("共有A 312家、B 458家,分别增加
68家、91家"; "产值20.6亿元、收入26.9亿元,分别增长82.7%、140.9%"), asides in brackets left out.
"2016年至2018年,分别完成a、b、c" and "过去三年…分别a、b、c" give the k-th value to the k-th
year; "一季度、上半年、前三季度分别为a、b、c" to the k-th period; "甲区、乙区、丙区税收收入分别增长
a、b、c" to the k-th zone. A list of benchmarks (较全国、全省、全市分别高…) names no metrics and
changes nothing. `respectively(...)` returns these assignments; the caller applies them.
"""
from __future__ import annotations

import bisect
import re

from lib.attach import attribute, timeframe
from lib.reference import lexicon
from lib.figures.find import Figure
from lib.limits import CONTEXT_CHARS
from lib.patterns import named

RESPECTIVELY = named(
    "enumerations.respectively", "分别: the values after it pair with the names before it",
    r"分别",
    examples=['分别增长'], counter_examples=['各增长'])
BENCHMARKS = named(
    "enumerations.benchmarks", "before 分别: a list of benchmarks (较全国、全省分别高…), no metrics",
    r"(?:高于|低于|快于|慢于|较|(?<![同环])比)[^,，;；。]{0,6}(?:全国|全省|全市|全区|全县|上年同期|同期|平均)",
    examples=['较全国', '高于全省'], counter_examples=['工业产值'])
YEAR_SPAN = named(
    "enumerations.year_span", "a span of years before 分别 (2016年至2018年)",
    r"((?:19|20)\d{2})年?\s*[至到—\-~]\s*((?:19|20)\d{2})年",
    examples=['2016年至2018年'], counter_examples=['2016年'])
LIST_GAP = re.compile(r"[\s、,，和及与]*")
# 过去五年 / 近三年 / 五年来 before 分别: one value a year, ending with the figures' own year
PAST_YEARS = named(
    "enumerations.past_years", "a past span of years before 分别 (过去五年, 三年来)",
    r"(?:过去|近|前)(?P<n>[二三四五六七八九十\d]{1,2})年|(?P<n2>[二三四五六七八九十\d]{1,2})年来",
    examples=['过去五年', '三年来'], counter_examples=['今年'])
CN_DIGITS = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _one_value_a_year(text: str, start: int, at: int, rows: list[dict], listed: list[int]) -> bool:
    """2016年至2018年,分别… / 过去五年,…分别…: the k-th listed value is the k-th year's
    (a named span from its first year; a past span ending with the figures' own year)."""
    n = len(listed)
    span = YEAR_SPAN.search(text, start, at)
    if span and int(span.group(2)) - int(span.group(1)) + 1 == n:
        first = int(span.group(1))
    else:
        last_year = rows[listed[-1]]["year"]
        past = PAST_YEARS.search(text, start, at)
        if not (past and last_year and _numeral(past.group("n") or past.group("n2")) == n):
            return False
        first = last_year - n + 1
    for k, i in enumerate(listed):
        rows[i]["year"] = first + k
        rows[i]["year_source"] = "sentence"
        if rows[i]["period"] == "multi-year":
            rows[i]["period"] = "year"   # each value is its own year's
    return True


def _one_value_a_period(text: str, start: int, at: int, rows: list[dict], listed: list[int]) -> None:
    """一季度、上半年、前三季度和全年分别为a、b、c和d: the k-th value is the k-th period's."""
    periods = [c.period for c in timeframe.find_period_cues(text[start:at])]
    if len(periods) == len(listed) and len(set(periods)) == len(periods):
        for period, i in zip(periods, listed):
            rows[i]["period"] = period


def _numeral(written: str | None) -> int:
    if not written:
        return 0
    return int(written) if written.isdigit() else CN_DIGITS.get(written, 0)


def _in_brackets(text: str, start: int, pos: int) -> bool:
    before = text[max(start, pos - CONTEXT_CHARS):pos]   # a bracket opened further back is no aside
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


def respectively(text: str, start: int, end: int, sent_rows: list[tuple[Figure, dict]],
                 zone_mentions: list[tuple[int, str]] = ()) -> dict[int, dict]:
    """A、B、C分别增长x%、y%、z%: the k-th value to the k-th metric (or year, period, zone).
    Returns the new assignments {row index: {field: value}}; the rows themselves are not touched.
    `zone_mentions`: (position, zone) of the zones the sentence names."""
    if len(sent_rows) < 2 or "分别" not in text[start:end]:
        return {}   # the common case: no copies made
    figs = [f for f, _ in sent_rows]
    rows = [dict(r) for _, r in sent_rows]   # worked on as copies; what changed is returned
    starts = [f.start for f in figs]
    for m in RESPECTIVELY.finditer(text, start, end):
        first = bisect.bisect_right(starts, m.end())
        if first == len(rows) or figs[first].start - m.end() > 12:
            continue   # 分别 governs the figures right after it
        listed = [first]
        for i in range(first + 1, len(rows)):
            gap = text[figs[listed[-1]].end:figs[i].start]
            if LIST_GAP.fullmatch(gap) and figs[i].family == figs[first].family:
                listed.append(i)
            else:
                break
        n = len(listed)
        if n < 2:
            continue
        earlier = range(first)
        pre_start = figs[first - 1].end if first else start
        pre_text = text[pre_start:m.start()]
        if _one_value_a_year(text, max(start, m.start() - CONTEXT_CHARS), m.start(), rows, listed):
            continue
        _one_value_a_period(text, pre_start, m.start(), rows, listed)
        # the zones listed in the clause before 分别 (某开发区各园区投资…,甲园…、乙园…分别: not the first)
        clause_start = max(pre_start, *(text.rfind(c, pre_start, m.start()) + 1 for c in ",，;；:："))
        listed_zones = [z for at, z in zone_mentions if clause_start <= at < m.start()]
        if len(listed_zones) == n:
            for k, i in enumerate(listed):
                rows[i]["zone"] = listed_zones[k]   # 甲区、乙区、丙区税收分别增长…
                rows[i]["zone_source"] = "sentence"
        if BENCHMARKS.search(pre_text):
            continue
        kinds = attribute.KINDS_FOR_FAMILY.get(figs[first].family, {"money"})
        measure = rows[first]["measure"]
        found, glued_end = [], -1
        for at, a in attribute.aliases_in(pre_text, kinds):
            if a.metric != lexicon.NO_METRIC and not (at == glued_end and a.weak):
                found.append(a)   # 固定资产投资|总额: a weak word glued to a name is part of it, no name of its own
            glued_end = at + len(a.alias)
        if figs[first].family in ("percent", "points") and any(a.kind == "money" for a in found):
            found = [a for a in found if a.kind == "money"]   # 工业和服务业企业的营业收入分别增长: revenue's rates
        named = ["fixed_asset_investment" if attribute.is_investment_growth(a, figs[first].family, measure)
                 else a.metric for a in found]
        if not named:
            # the values mirror the figures listed just before, asides in brackets left out
            # (产值20.6亿元(…7602万元…)、收入26.9亿元、财政1.2亿元,分别增长82.7%、140.9%、58.9%)
            outside = []   # the last n figures before, read backwards (no scan of them all)
            for i in reversed(earlier):
                if len(outside) == n:
                    break
                if not _in_brackets(text, start, figs[i].start):
                    outside.insert(0, rows[i]["metric"])
            named = outside if len(outside) == n else []
        if not named:
            continue
        if len(named) > n:
            named = named[-n:]
        for k, i in enumerate(listed):
            rows[i]["metric"] = named[min(k, len(named) - 1)]
    return {i: {k: v for k, v in row.items() if sent_rows[i][1].get(k) != v}
            for i, row in enumerate(rows) if row != sent_rows[i][1]}
