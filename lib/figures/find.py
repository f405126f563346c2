"""Find the figures (number + unit) in normalised text, with value, unit and hedge.

Applies the rules of lib/figures/rules.py, converts to the canonical units of lib/data/units.csv and
drops what docs/spec/facts.md says is not a fact: ranks (第9位), ratios (每15家), figures inside
book titles 《…》, and what lib/figures/filters.py tells from the words around a figure
(thresholds, counts of indicators / cities / policies, slogans, "一家" meaning "a").
Figures are returned in text order; attribution happens in lib/attach/attribute.py.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from lib.reference import lexicon
from lib.limits import MAX_NUMBER_DIGITS, MAX_VALUE
from lib.figures.numbers import CN_NUMERAL_CHARS, parse_fraction, parse_number, scale_factor
from lib.figures import filters
from lib.patterns import named
from lib.figures.rules import FIGURE_REGEX, FRACTION_REGEX, SHARED_UNIT_LIST_REGEX, STRUCTURE_REGEX

COUNT_FAMILY = "count"

DATE_LIKE = named(
    "figures.date_like", "a number with a leading zero around a slash is a month or a day, not a fraction",
    r"0\d/|\d{1,2}/0\d",
    examples=['04/19', '3/05'], counter_examples=['1/3'])  # a leading zero: a month or day, never a fraction
YEAR_LINE_BEFORE = named(
    "figures.year_line_before", "before a slash number: a year on the line above (2019\n6/12), so a date",
    r"(?:19|20)\d{2}[ \t]*\n[ \t]*$", examples=['2017\n'], counter_examples=['占比\n'])
CLOCK_AFTER = named(
    "figures.clock_after", "after a slash number: a clock time (6/12 09:40), so a date",
    r"[ \t]*\n?[ \t]*\d{1,2}:\d{2}", examples=['\n09:40', ' 14:05'], counter_examples=['的比重'])
BOOK_TITLE = named(
    "figures.book_title", "a book or document title: numbers inside are names (《十四五规划》)",
    r"《[^》\n]{0,60}》",
    examples=['《关于加快发展的20条意见》'], counter_examples=['“双千”'])
PER_RATIO = named(
    "figures.per_ratio", "a ratio clause (平均每15家…): its figures are no facts",
    r"平均每|每\d",
    examples=['平均每', '每10'], counter_examples=['每年'])
NTH_CLAUSE = named(
    "figures.nth_clause", "an ordinal (第4个…): a rank, no fact",
    r"第[\d一二三四五六七八九十]+[个家位名]",
    examples=['第4个', '第三家'], counter_examples=['第一季度'])
CLAUSE_END = "，,。;；!?！？\n"
CLAUSE_REST = re.compile(f"[^{re.escape(CLAUSE_END)}\\d]*")


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    value: float
    unit: str                 # canonical unit; "" for scaled_bare until the metric supplies it
    family: str               # money_cny, money_usd, percent, points, count, area, ... or "bare"
    rule: str
    qualifier: str = ""
    raw_scale: float = 1.0    # for scaled_bare: the 万 / 亿 factor, applied when the unit is known
    measure_hint: str = ""    # table cells: the column says level or growth
    row_label: str = ""       # table cells: the row's first cell names the metric
    group_start: int = -1     # a part of a written group (4.1∶42.6∶53.3): where the group starts,
                              # so the words before the group are every part's (由上年的…)


def _clause_after(text: str, pos: int, limit: int = 16) -> str:
    """The words after a figure, up to the clause's end or the next number."""
    return CLAUSE_REST.match(text, pos, pos + limit).group()


def _hedge_before(text: str, start: int) -> str:
    m = lexicon.hedge_before_regex().search(text, max(0, start - 4), start)
    return lexicon.hedges()[m.group().strip()][0] if m else ""


def _hedge_after(text: str, end: int) -> str:
    m = lexicon.hedge_after_regex().match(text, end, end + 3)
    return lexicon.hedges()[m.group()][0] if m else ""


def _is_chinese(num: str) -> bool:
    return all(ch in CN_NUMERAL_CHARS for ch in num)


def _masked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in BOOK_TITLE.finditer(text)]


def _inside(spans, pos) -> bool:
    """pos inside one of the sorted, non-overlapping spans (bisect: no scan per figure)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


CLAUSE_END_RE = re.compile(f"[{re.escape(CLAUSE_END)}]")
POINTS_LIST_AFTER = named(
    "figures.points_list_after", "1.6个和1.1个百分点: the first count is points too",
    r"(?<=个)(?:和|、|及|与)[\d.]+个?百分点",
    examples=['个和1.1个百分点'], counter_examples=['个项目'])
MINUS_BEFORE = named(
    "figures.minus_before", "a written minus sign before a rate (增长-3.5%)",
    r"(?<![\d.])[-−－]$",
    examples=['增长-', '－'], counter_examples=['1-'])
def _clause_bounds(seps: list[int], pos: int, length: int) -> tuple[int, int]:
    """The clause around `pos`, from the sorted positions of clause separators."""
    i = bisect.bisect_right(seps, pos)
    return (seps[i - 1] + 1 if i else 0), (seps[i] if i < len(seps) else length)


def _convert(m: re.Match) -> tuple[float, str, str, str, float] | None:
    """(value, canonical unit, family, rule id, raw scale) of a match, or None."""
    last = m.lastgroup or ""          # the unit group, when a unit matched (it comes last)
    rule = last[2:] if last[:2] in ("r_", "u_") else ""
    scale = m.group("scale") or ""
    if not rule and not scale:
        return None
    written_number = m.group("num")
    if len(written_number) > MAX_NUMBER_DIGITS and sum(ch.isdigit() for ch in written_number) > MAX_NUMBER_DIGITS:
        return None   # a run of 400 digits is an id or junk, and would overflow to inf
    number = parse_number(written_number)
    factor = scale_factor(scale)
    if not math.isfinite(number * factor) or abs(number * factor) > MAX_VALUE:
        return None
    if not rule:
        return number, "", "bare", "scaled_bare", factor
    written = m.group(last)
    if rule == "count":
        return number * factor, written, COUNT_FAMILY, rule, 1.0
    info = lexicon.units()[written]
    # round away float noise: 510.84万元 -> 0.051084 亿元, not 0.05108399999…
    return round(number * factor * info["factor"], 10), info["canonical"], info["family"], rule, 1.0


def find_figures(text: str) -> list[Figure]:
    masked = _masked_spans(text) if "《" in text else []
    # clauses that state a ratio (平均每15家…) or an ordinal (第4个…): their figures are no facts
    ratio_at = [m.start() for rx in (PER_RATIO, NTH_CLAUSE) for m in rx.finditer(text)]
    seps = [m.start() for m in CLAUSE_END_RE.finditer(text)] if ratio_at else []
    ratio_clauses = {_clause_bounds(seps, at, len(text))[0] for at in ratio_at}
    figures: list[Figure] = []
    for m in FIGURE_REGEX.finditer(text):
        converted = _convert(m)
        if converted is None:
            continue
        value, unit, family, rule, raw_scale = converted
        start, end = m.start(), m.end()
        if start and text[start - 1] in "第每" or (masked and _inside(masked, start)):
            continue  # 第9位, 每15家: a rank or a ratio
        if rule == "count" and POINTS_LIST_AFTER.match(text, end):
            unit, family, rule = "百分点", "points", "points"   # 1.6个和1.1个百分点
        after = _clause_after(text, end)
        if _is_chinese(m.group("num")) and filters.chinese_non_fact(m, rule, text, end, after):
            continue
        if filters.not_a_quantity(rule, family, text, start, end, after):
            continue
        if ratio_clauses and _clause_bounds(seps, start, len(text))[0] in ratio_clauses:
            continue
        qualifier = _qualifier(m, text, start, end)
        if family.startswith("money") and filters.is_threshold(text, start, end, qualifier, after):
            continue
        if m.group("num2"):
            qualifier = "至" + m.group("num2")
        if family in ("percent", "points") and MINUS_BEFORE.search(text, max(0, start - 2), start):
            value, start = -value, start - 1   # 增长-3.5%: a written minus sign
        figures.append(Figure(start, end, value, unit, family, rule, qualifier, raw_scale))
    figures.extend(_fractions(text, figures))
    figures.extend(_shared_unit_lists(text, figures))
    colons = _colons_between_digits(text)
    if colons:
        figures = _structures(text, figures, colons)
    figures.sort(key=lambda f: f.start)
    return figures


def _qualifier(m: re.Match, text: str, start: int, end: int) -> str:
    inside = m.group("mid") or m.group("mid2")
    if inside:
        return inside                      # 30余人, 1.7亿多元
    post = _hedge_after(text, end)
    if post == "以上":
        return post                        # 超过…以上: the bound wins
    return _hedge_before(text, start) or post


def _fractions(text: str, found: list[Figure]) -> list[Figure]:
    out = []
    if "分之" not in text and "/" not in text and "一半" not in text:  # 百分之 contains 分之
        return out  # the common case, without scanning the text with the regex
    taken = [(f.start, f.end) for f in found]   # sorted, non-overlapping
    for m in FRACTION_REGEX.finditer(text):
        if _inside(taken, m.start()):
            continue
        if DATE_LIKE.match(m.group("frac")) or YEAR_LINE_BEFORE.search(text, max(0, m.start() - 8), m.start()) \
                or CLOCK_AFTER.match(text, m.end()):
            continue   # 04/19 under a page's 2022, "2019\n6/12\n09:40": a date, not a third
        try:
            value = parse_fraction(m.group("frac"))
        except (ValueError, ZeroDivisionError, KeyError):
            continue
        if not 0 < value <= 100:
            continue
        qualifier = _hedge_before(text, m.start())
        qualifier = _hedge_after(text, m.end()) or qualifier
        rule = "percent" if m.group("frac").startswith("百分之") else "fraction"  # 百分之十二 is a percent
        out.append(Figure(m.start(), m.end(), value, "%", "percent", rule, qualifier))
    return out


STRUCTURE_SEP = re.compile(r"[ \t]*[∶:][ \t]*")


def _colons_between_digits(text: str) -> list[int]:
    """Where a colon stands between digits (4.1∶42.6, or a clock time), found with str.find: the
    usual text has none, and a structure is looked for only around these."""
    found = []
    for sep in ("∶", ":"):
        i = text.find(sep)
        while i != -1:
            before, after = text[max(0, i - 3):i].rstrip(" \t"), text[i + 1:i + 4].lstrip(" \t")
            if before[-1:].isdigit() and after[:1].isdigit():   # 0.04: 66.19 (a space allowed)
                found.append(i)
            i = text.find(sep, i + 1)
    return sorted(found)


def _structures(text: str, found: list[Figure], colons: list[int]) -> list[Figure]:
    """4.1∶42.6∶53.3 (parts adding up to 100): one share in % a part, replacing what the other
    rules read there (bare numbers, a fraction). Looked for only around `colons`."""
    out, done_to = [], -1
    matches = []
    for at in colons:
        if at < done_to:
            continue   # inside a ratio already read
        m = STRUCTURE_REGEX.search(text, max(0, at - 6), min(len(text), at + 40))
        if m and m.start() <= at < m.end():
            matches.append(m)
            done_to = m.end()
    for m in matches:
        parts = STRUCTURE_SEP.split(m.group("parts"))
        if abs(sum(float(p) for p in parts) - 100) > 1:
            continue   # a clock time, a score: no structure
        at = m.start("parts")
        for part in parts:
            at = text.index(part, at)
            out.append(Figure(at, at + len(part), float(part), "%", "percent", "structure", "", 1.0,
                              measure_hint="share", group_start=m.start("parts")))
            at += len(part)
    if not out:
        return found
    spans = [(f.start, f.end) for f in out]
    kept = [f for f in found if not any(a < f.end and f.start < b for a, b in spans)]
    return kept + out


def _shared_unit_lists(text: str, found: list[Figure]) -> list[Figure]:
    """10.4、6.2、6.3个百分点: the bare numbers before a figure take its unit."""
    out = []
    taken = {f.start for f in found}
    for fig in found:
        if fig.family not in ("points", "percent") or fig.rule == "fraction":  # a scale (万, 亿) would not be
            continue                                                            # shared reliably, nor a fraction
        pos = fig.start
        while True:
            m = SHARED_UNIT_LIST_REGEX.search(text, max(0, pos - 24), pos)
            if not m or m.start("listed") in taken:
                break
            if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] == "."):
                break
            listed = float(m.group("listed").replace(",", ""))
            out.append(Figure(m.start("listed"), m.end("listed"), listed, fig.unit, fig.family,
                              "shared_unit_list", "", 1.0))
            pos = m.start("listed")
    return out


def number_spans(text: str) -> list[tuple[int, int]]:
    """Every number-looking span (Arabic or Chinese with a scale), for 'numbers no rule took'."""
    return [m.span() for m in re.finditer(rf"\d+(?:[.,]\d+)*|[{CN_NUMERAL_CHARS}]+[万亿]", text)]
