"""Find the figures (number + unit) in normalised text, with value, unit and hedge.

Applies the rules of lib/figures/rules.py, converts to the canonical units of lib/data/units.csv and
drops what docs/spec/facts.md says is not a fact: ranks (第9位), ratios (每15家), thresholds that
name a class of project or firm (500万元以上项目, 超千万元企业, 2000吨级), counts of
indicators / cities / policies / slogans, figures inside book titles 《…》, "一家" meaning "a".
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
from lib.patterns import named
from lib.figures.rules import FIGURE_REGEX, FIGURE_RULES, FRACTION_REGEX, SHARED_UNIT_LIST_REGEX, STRUCTURE_REGEX

RULE_IDS = [r.id for r in FIGURE_RULES if r.pattern]
COUNT_FAMILY = "count"

# A money figure followed by these names a class of project or firm, not an amount.
THRESHOLD_TAIL = named(
    "figures.threshold_tail", "after money with 以上 / 过 / 超: a class of project or firm (500万元以上项目), no amount",
    r"^(?:以上|或以上|及以上)?(?:的)?(?:[“”\"‘’]?[\u4e00-\u9fff“”‘’\"]{0,12}?)(?:项目|企业|工程|大项目|公司|大户|单位)",
    examples=['以上项目', '以上的工业企业'], counter_examples=['，同比增长'])
THRESHOLD_TAIL_PLAIN = named(
    "figures.threshold_tail_plain", "right after money: a class of project or firm (亿元项目, 亿元的重点企业)",
    r"^(?:的)?(?:大型|重大|重点|工业|优质|产业|新|大|中型|特大型)?(?:项目|企业|工程|公司|大户)",
    examples=['项目', '的重点项目'], counter_examples=['，增长'])
DATE_LIKE = named(
    "figures.date_like", "a number with a leading zero around a slash is a month or a day, not a fraction",
    r"0\d/|\d{1,2}/0\d",
    examples=['04/19', '3/05'], counter_examples=['1/3'])  # a leading zero: a month or day, never a fraction
TOTAL_BEFORE = named(
    "figures.total_before", "before money: a total (总投资近), so 的…项目 after it names what it totals, not a size class",
    r"(?:总投资|投资总额|总额|合计|共计)(?:达到?|约|近|为)?[ \t]*$",
    examples=['总投资近', '投资总额达'], counter_examples=['投资'])
GROWTH_VERB_BEFORE = named(
    "figures.growth_verb_before", "a multiple (倍) is a growth only after a growth verb (增长近2倍)",
    r"(?:增长|提高|提升|增加|翻)[了]?(?:近|约|超过|超|逾|达)?[ \t]*$",
    examples=['增长近', '提高了'], counter_examples=['是去年的'])
BOOK_TITLE = re.compile(r"《[^》\n]{0,60}》")
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


def _well_formed_chinese(num: str) -> bool:
    if MALFORMED_CN.search(num):
        return False
    if len(num) > 1 and all(ch in "零〇一二两三四五六七八九" for ch in num):
        return "〇" in num or "零" in num  # 二〇二一 digit by digit; 一一 is not a number
    return True


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Inside “…” (or 「…」) of at most 14 characters."""
    open_at = max(text.rfind("“", max(0, start - 14), start), text.rfind("「", max(0, start - 14), start))
    if open_at < 0 or text.rfind("”", open_at, start) >= 0 or text.rfind("」", open_at, start) >= 0:
        return False
    close_at = min((p for p in (text.find("”", end, end + 12), text.find("」", end, end + 12)) if p >= 0),
                   default=-1)
    return close_at >= 0 and close_at - open_at <= 16


def _masked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in BOOK_TITLE.finditer(text)]


def _inside(spans, pos) -> bool:
    """pos inside one of the sorted, non-overlapping spans (bisect: no scan per figure)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


CLAUSE_END_RE = re.compile(f"[{re.escape(CLAUSE_END)}]")
HAN = re.compile(r"[\u4e00-\u9fff]")
NOT_COUNTED_AFTER = named(
    "figures.not_counted_after", "a count of indicators, cities, policies, items or tasks: no fact",
    r"[\u4e00-\u9fff“”]{0,6}(?:指标|城市|政策|措施|领域|改革|事项|任务)",
    examples=['项主要指标', '个城市', '项政务服务事项'], counter_examples=['家企业'])
BARE_BEFORE_WORD_OK = re.compile(r"(?:大关|台阶|规模|水平|以上|左右|的)")
CAPACITY_BEFORE = named(
    "figures.capacity_before", "a mass with words after it is a fact only after a capacity or output word (年产5万吨)",
    r"(?:年产|产能|完成|实现|达到?)[\u4e00-\u9fff]{0,4}$",
    examples=['年产', '实现'], counter_examples=['建设'])
POINTS_LIST_AFTER = re.compile(r"(?<=个)(?:和|、|及|与)[\d.]+个?百分点")
MINUS_BEFORE = re.compile(r"(?<![\d.])[-−－]$")
PROJECT_NAME_AFTER = named(
    "figures.project_name_after", "a mass followed by a project: the plant's name (年产5万吨锂电材料项目)",
    r"[\u4e00-\u9fff“”]{0,14}项目",
    examples=['锂电材料项目'], counter_examples=['，增长'])
ATTENDANCE_AFTER = named(
    "figures.attendance_after", "people who attended (280余人参加) are no facts",
    r"(?:[\u4e00-\u9fff]{0,4}?(?:代表|嘉宾|人员))?(?:参加|出席|参会|与会|列席)",
    examples=['参加', '嘉宾出席'], counter_examples=['就业'])
VISITS_BEFORE = named(
    "figures.visits_before", "visits (走访了12家企业) are no facts",
    r"(?:走访|拜访|考察|调研|看望|慰问)了?[\u4e00-\u9fff]{0,6}$",
    examples=['走访了', '调研重点'], counter_examples=['引进'])
NAME_AFTER = re.compile(r"(?:计划|工程|行动|战略|目标|大)")
MALFORMED_CN = re.compile(r"[十百千][十百千]")


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
        if _is_chinese(m.group("num")) and _chinese_non_fact(m, rule, text, end, after):
            continue
        if _not_a_quantity(rule, family, text, start, end, after):
            continue
        if ratio_clauses and _clause_bounds(seps, start, len(text))[0] in ratio_clauses:
            continue
        qualifier = _qualifier(m, text, start, end)
        if family.startswith("money") and _is_threshold(text, start, end, qualifier, after):
            continue
        if m.group("num2"):
            qualifier = "至" + m.group("num2")
        if family in ("percent", "points") and MINUS_BEFORE.search(text, max(0, start - 2), start):
            value, start = -value, start - 1   # 增长-3.5%: a written minus sign
        figures.append(Figure(start, end, value, unit, family, rule, qualifier, raw_scale))
    figures.extend(_fractions(text, figures))
    figures.extend(_shared_unit_lists(text, figures))
    if "∶" in text or ":" in text:
        figures = _structures(text, figures)
    figures.sort(key=lambda f: f.start)
    return figures


def _chinese_non_fact(m: re.Match, rule: str, text: str, end: int, after: str) -> bool:
    """A number in Chinese characters that is a word, a slogan or a name."""
    num = m.group("num")
    if not _well_formed_chinese(num):
        return True   # 个十百千万, 一一个: words, not numbers
    if len(num) == 1 and num not in "十百千" and rule in ("count", "money", "physical") \
            and not (m.group("mid") or m.group("mid2") or m.group("scale")):
        return True   # 一家, 三个, 五个领域: "a" or a slogan (近千家 is a quantity)
    if rule == "count" and (text[end:end + 1] == "的" or NAME_AFTER.match(after)):
        return True   # 年产百万辆的汽车城, 千人计划: a description or a programme's name
    return False


def _not_a_quantity(rule: str, family: str, text: str, start: int, end: int, after: str) -> bool:
    """What the spec (docs/spec/facts.md) says is not a fact, told by the words around the figure."""
    if rule == "count" and (NOT_COUNTED_AFTER.match(after)
                            or lexicon.not_counted_regex().match(after.lstrip("个“”\"‘’"))):
        return True   # 5个城市, 20条政策, 两项指标, 9个月, 61项“规定任务”
    if rule == "count" and text[end - 1] in "人名次" and ATTENDANCE_AFTER.match(after):
        return True   # 共280余人参加: who came to a meeting is no fact
    if rule == "scaled_bare" and HAN.match(after[:1]) and not BARE_BEFORE_WORD_OK.match(after):
        return True   # a bare number glued to a word is a name, not an amount
    if rule == "multiple" and not GROWTH_VERB_BEFORE.search(text, max(0, start - 6), start):
        return True   # 是去年的1.6倍: a plain ratio
    if family == "mass" and HAN.match(after[:1]) and (
            not CAPACITY_BEFORE.search(text, max(0, start - 8), start) or PROJECT_NAME_AFTER.match(after)):
        return True   # 100万吨乙烯, 年产5万吨锂电材料项目: a plant's or project's name
    if rule == "count" and VISITS_BEFORE.search(text, max(0, start - 10), start):
        return True   # 走访了12家企业: visits are no facts
    return ("“" in text[max(0, start - 14):start] or "「" in text[max(0, start - 14):start]) \
        and _in_short_quote(text, start, end)   # “营商环境30条”: a slogan


def _qualifier(m: re.Match, text: str, start: int, end: int) -> str:
    inside = m.group("mid") or m.group("mid2")
    if inside:
        return inside                      # 30余人, 1.7亿多元
    post = _hedge_after(text, end)
    if post == "以上":
        return post                        # 超过…以上: the bound wins
    return _hedge_before(text, start) or post


def _is_threshold(text: str, start: int, end: int, qualifier: str, after: str) -> bool:
    """500万元以上项目 / 投资过10亿元项目 / 超千万元企业 / 上10亿元的大型项目."""
    tail = text[end:end + 20]
    if qualifier in ("以上", "过", "超") or text[max(0, start - 1):start] == "上":
        if THRESHOLD_TAIL.match(tail):
            return True
    if TOTAL_BEFORE.search(text, max(0, start - 10), start):
        return False   # 总投资近5000亿元的重大项目262个: the projects' total, not a size class
    return bool(THRESHOLD_TAIL_PLAIN.match(tail))


def _fractions(text: str, found: list[Figure]) -> list[Figure]:
    out = []
    if "分之" not in text and "/" not in text and "一半" not in text:  # 百分之 contains 分之
        return out  # the common case, without scanning the text with the regex
    taken = [(f.start, f.end) for f in found]   # sorted, non-overlapping
    for m in FRACTION_REGEX.finditer(text):
        if _inside(taken, m.start()):
            continue
        if DATE_LIKE.match(m.group("frac")):
            continue   # 04/19 under a page's 2022: a date, not a third
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


def _structures(text: str, found: list[Figure]) -> list[Figure]:
    """3.3∶37.3∶59.4 (parts adding up to 100): one share in % a part, replacing what the other
    rules read there (bare numbers, a fraction)."""
    out = []
    for m in STRUCTURE_REGEX.finditer(text):
        parts = STRUCTURE_SEP.split(m.group("parts"))
        if abs(sum(float(p) for p in parts) - 100) > 1:
            continue   # a clock time, a score: no structure
        at = m.start("parts")
        for part in parts:
            at = text.index(part, at)
            out.append(Figure(at, at + len(part), float(part), "%", "percent", "structure", "", 1.0,
                              measure_hint="share"))
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
        if fig.family not in ("points", "percent"):  # a scale (万, 亿) would not be shared reliably
            continue
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
