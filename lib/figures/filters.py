"""What the spec (docs/spec/facts.md) says is no fact, told by the words around a figure: counts of
indicators, cities, policies, items or visits; audiences; a bare number glued to a word; a plain
ratio (是去年的1.6倍); a plant's or project's name (年产5万吨锂电材料项目); a slogan in short quotes;
thresholds naming a class of project or firm (500万元以上项目, 亿元的重点企业); numbers in
Chinese characters that are words (一家 meaning "a", 千人计划). lib/figures/find.py asks these.
"""
from __future__ import annotations

import re

from lib.patterns import named
from lib.reference import lexicon

# A money figure followed by these names a class of project or firm, not an amount.
THRESHOLD_TAIL = named(
    "figures.threshold_tail", "after money with 以上 / 过 / 超: a class of project or firm (500万元以上项目), no amount",
    r"^(?:以上|或以上|及以上)?(?:的)?(?:[“”\"‘’]?[\u4e00-\u9fff“”‘’\"]{0,12}?)(?:项目|企业|工程|大项目|公司|大户|单位)",
    examples=['以上项目', '以上的工业企业'], counter_examples=['，同比增长'])
THRESHOLD_TAIL_PLAIN = named(
    "figures.threshold_tail_plain", "right after money: a class of project or firm (亿元项目, 亿元的重点企业)",
    r"^(?:的)?(?:大型|重大|重点|工业|优质|产业|新|大|中型|特大型)?(?:项目|企业|工程|公司|大户)",
    examples=['项目', '的重点项目'], counter_examples=['，增长'])
TOTAL_BEFORE = named(
    "figures.total_before", "before money: a total (总投资近), so 的…项目 after it names what it totals, not a size class",
    r"(?:总投资|投资总额|总额|合计|共计)(?:达到?|约|近|为)?[ \t]*$",
    examples=['总投资近', '投资总额达'], counter_examples=['投资'])
GROWTH_VERB_BEFORE = named(
    "figures.growth_verb_before", "a multiple (倍) is a growth only after a growth verb (增长近2倍)",
    r"(?:增长|提高|提升|增加|翻)[了]?(?:近|约|超过|超|逾|达)?[ \t]*$",
    examples=['增长近', '提高了'], counter_examples=['是去年的'])
NOT_COUNTED_AFTER = named(
    "figures.not_counted_after", "a count of indicators, cities, policies, items or tasks: no fact",
    r"[\u4e00-\u9fff“”]{0,6}(?:指标|城市|政策|措施|领域|改革|事项|任务)",
    examples=['项主要指标', '个城市', '项审批事项'], counter_examples=['家企业'])
BARE_BEFORE_WORD_OK = re.compile(r"(?:大关|台阶|规模|水平|以上|左右|的)")
CAPACITY_BEFORE = named(
    "figures.capacity_before", "a mass with words after it is a fact only after a capacity or output word (年产5万吨)",
    r"(?:年产|产能|完成|实现|达到?)[\u4e00-\u9fff]{0,4}$",
    examples=['年产', '实现'], counter_examples=['建设'])
PROJECT_NAME_AFTER = named(
    "figures.project_name_after", "a mass followed by a project: the plant's name (年产5万吨锂电材料项目)",
    r"[\u4e00-\u9fff“”]{0,14}项目",
    examples=['锂电材料项目'], counter_examples=['，增长'])
ATTENDANCE_AFTER = named(
    "figures.attendance_after", "people who attended (150余人参加) are no facts",
    r"""(?:[\u4e00-\u9fff]{0,4}?(?:代表|嘉宾|人员))?(?:应邀)?(?:参加|出席|参会|与会|列席)
      | [\u4e00-\u9fff]{0,5}?(?:客商|嘉宾|代表)(?![\u4e00-\u9fff]{0,2}(?:项目|企业))""",
    examples=['参加', '嘉宾出席', '海内外客商嘉宾共谋', '企业代表应邀参加'], counter_examples=['就业', '客商投资项目'])
VISITS_BEFORE = named(
    "figures.visits_before", "visits (走访了12家企业) are no facts",
    r"(?:走访|拜访|考察|调研|看望|慰问|邀请)了?[\u4e00-\u9fff]{0,6}$",
    examples=['走访了', '调研重点'], counter_examples=['引进'])
NAME_AFTER = re.compile(r"(?:计划|工程|行动|战略|目标|大)")
MALFORMED_CN = re.compile(r"[十百千][十百千]")


HAN = re.compile(r"[\u4e00-\u9fff]")


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


# 五个项目成功签约, 三家企业入驻: a small count of deals told in words is a fact
SMALL_COUNT_OF_DEALS = named(
    "filters.small_count_of_deals", "after a one-character numeral count: projects or firms signed, started, settled",
    r"(?:重点|重大|产业|工业|新)?(?:项目|企业)(?:的)?(?:成功|正式|已|集中|相继|先后)?(?:签约|开工|落户|落地|投产|入驻|竣工)",
    examples=['项目成功签约', '项目正式开工建设', '企业入驻'], counter_examples=['项目建设', '企业家'])


def chinese_non_fact(m: re.Match, rule: str, text: str, end: int, after: str) -> bool:
    """A number in Chinese characters that is a word, a slogan or a name."""
    num = m.group("num")
    if not _well_formed_chinese(num):
        return True   # 个十百千万, 一一个: words, not numbers
    if len(num) == 1 and num not in "十百千" and rule in ("count", "money", "physical") \
            and not (m.group("mid") or m.group("mid2") or m.group("scale")) \
            and not (rule == "count" and SMALL_COUNT_OF_DEALS.match(text, end, end + 14)):
        return True   # 一家, 三个, 五个领域: "a" or a slogan (近千家 is a quantity)
    if rule == "count" and (text[end:end + 1] == "的" or NAME_AFTER.match(after)):
        return True   # 年产百万辆的汽车城, 千人计划: a description or a programme's name
    return False


# 1.2万吨和3万吨: a list goes on, no name follows the figure
LIST_WORD_THEN_NUMBER = re.compile(r"[和及与][\d一二三四五六七八九十两]")


def not_a_quantity(rule: str, family: str, text: str, start: int, end: int, after: str) -> bool:
    """What the spec (docs/spec/facts.md) says is not a fact, told by the words around the figure."""
    if rule == "count" and (NOT_COUNTED_AFTER.match(after)
                            or lexicon.not_counted_regex().match(after.lstrip("个“”\"‘’"))):
        return True   # 5个城市, 20条政策, 两项指标, 9个月, 61项“规定任务”
    if rule == "count" and text[end - 1] in "人名次家" and ATTENDANCE_AFTER.match(after):
        return True   # 共150余人参加: who came to a meeting is no fact
    if rule == "scaled_bare" and HAN.match(after[:1]) and not BARE_BEFORE_WORD_OK.match(after):
        return True   # a bare number glued to a word is a name, not an amount
    if rule == "multiple" and not GROWTH_VERB_BEFORE.search(text, max(0, start - 6), start):
        return True   # 是去年的1.6倍: a plain ratio
    if family == "mass" and HAN.match(after[:1]) and not LIST_WORD_THEN_NUMBER.match(text, end) and (
            not CAPACITY_BEFORE.search(text, max(0, start - 8), start) or PROJECT_NAME_AFTER.match(after)):
        return True   # 100万吨乙烯, 年产5万吨锂电材料项目: a plant's or project's name
    if rule == "count" and VISITS_BEFORE.search(text, max(0, start - 10), start):
        return True   # 走访了12家企业: visits are no facts
    return ("“" in text[max(0, start - 14):start] or "「" in text[max(0, start - 14):start]) \
        and _in_short_quote(text, start, end)   # “营商环境30条”: a slogan


def is_threshold(text: str, start: int, end: int, qualifier: str, after: str) -> bool:
    """500万元以上项目 / 投资过10亿元项目 / 超千万元企业 / 上10亿元的大型项目."""
    tail = text[end:end + 20]
    if qualifier in ("以上", "过", "超") or text[max(0, start - 1):start] == "上":
        if THRESHOLD_TAIL.match(tail):
            return True
    if TOTAL_BEFORE.search(text, max(0, start - 10), start):
        return False   # 总投资近800亿元的重点项目57个: the projects' total, not a size class
    return bool(THRESHOLD_TAIL_PLAIN.match(tail))
