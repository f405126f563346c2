"""Which metric a figure measures, and whether it is a level, growth, share or change.

Metric: the last metric alias (lib/data/metric_aliases.csv) between the previous figure of
the sentence and this one, among the aliases whose kind fits the figure (money words for
money, count nouns for counts …). Counts look first at the noun they count (24个项目,
103家重点企业; 11家企业获批市重点实验室 counts platforms). The denominator of a share
(占全区规上工业总产值的比重) and the benchmark of a gap (高于全省) are not the figure's metric.
With no alias the figure takes the metric of the figure before it (55.66亿元,增长8.6%).
Weak aliases (the `weak` column: 完成投资, 总额, 增加值) yield to a specific one earlier in the segment.

Enumerations: "A、B、C分别增长x%、y%、z%" gives the k-th value to the k-th metric; with no
metric words before 分别, the k-th distinct metric of the sentence's earlier figures.
"""
from __future__ import annotations

import re

from lib.patterns import named
from lib.reference import lexicon
from lib.figures.find import Figure

KINDS_FOR_FAMILY = {
    "money_cny": {"money"}, "money_usd": {"money"}, "money_eur": {"money"}, "money_hkd": {"money"},
    "count": {"count"}, "area": {"area"}, "mass": {"mass"}, "energy": {"energy"},
    "volume": set(), "length": {"count"},
    "percent": {"money", "count", "rate", "area", "mass", "energy"},
    "points": {"money", "count", "rate", "area", "mass", "energy"},
    "bare": {"money", "count"},
}
UNIT_IMPLIED = {"人": "talent_count", "名": "talent_count"}  # 专家18人 even after “千人计划”
DEFAULT_COUNT_METRIC = {"家": "enterprise_count", "户": "enterprise_count", "件": "patent_count",
                        "人": "talent_count", "名": "talent_count", "项": "platform_count",
                        "支": "platform_count", "处": "infrastructure", "条": "infrastructure",
                        "个": "project_count", "座": "infrastructure", "人次": "other", "辆": "other",
                        "间": "other", "台": "other", "套": "other"}
GOODS_UNITS = {"辆", "间", "台", "套", "人次"}   # vehicles, rooms, machines, visits: not organisations nor talent
CUT_BEFORE_SHARE_OR_GAP = named(
    "attribute.cut_before_share_or_gap", "a share's denominator or a gap's benchmark starts here: words after it name no metric of the figure",
    r"占|高于|低于|快于|慢于|高出|拉动|较|比(?!增|重)|相当于",
    examples=['规上工业产值占全区的比重', '增速高于全省'], counter_examples=['工业产值增长'])
PLATFORM_AWARD = named(
    "attribute.platform_award", "a count followed by an award or recognition counts platforms (11家企业获批市重点实验室)",
    r"(?:获批|认定为?|评为|获评|创建|入选|成为)",
    examples=['11家企业获批市级重点实验室', '被认定为高新技术企业'], counter_examples=['新增企业11家'])
GROWTH_WORDS = named(
    "attribute.growth_words", "a rate after these is a growth (增长, 下降, 同比, 年均 …; not 提高到)",
    r"(?:增长|增速|增幅|比增|下降|减少|回落|下滑|提高|提升|上升|增加|翻|同比|年均|平均|降低|减)(?!到|至)",
    examples=['同比增长8.6%', '年均增长5%'], counter_examples=['比重提高到'])
# 占比提高到12% is a share at a new level, not a growth
SHARE_WORDS = named(
    "attribute.share_words", "a rate after these is a share or completion rate (占, 比重, 完成, 率; 提高到)",
    r"占|比重|占比|完成|任务|率|贡献|份额|(?:提高|提升|上升|增加|增长|下降|降低)(?:到|至)",
    examples=['占全市比重', '完成年度任务', '比重提高到'], counter_examples=['同比增长'])
GAP_WORDS = named(
    "attribute.gap_words", "a gap against another area (高于全省 3.2个百分点): a change in points",
    r"(?<!不)(?:高于|低于)|快于|慢于|高出|比[^,;。]{1,8}高|较[^,;。]{1,8}高|分别高",
    examples=['高于全省', '比全市平均高'], counter_examples=['不高于'])
DECLINE = named(
    "attribute.decline", "a decline right before a rate: the value is negative",
    r"(?:下降|减少|回落|下滑|降低|负增长)[了]?[ \t]*(?:约|近|超过|超)?[ \t]*$",
    examples=['同比下降', '减少了约'], counter_examples=['下降后回升到'])
FUND_AFTER = named(
    "attribute.fund_after", "money followed by funds: the funds' size (financing)",
    r"(?:的)?[\d一二三四五六七八九十两]*[支只个]?[\u4e00-\u9fff]{0,6}基金",
    examples=['的9支产业基金', '产业投资基金'], counter_examples=['项目'])
LOWER = named(
    "attribute.lower", "a change in points that is lower: negative (回落, 低于, 增幅收窄)",
    r"(?:回落|下降|降低|减少|下滑|(?:增幅|增速|涨幅)[^,，;；。]{0,6}收窄|(?<!不)低于|慢于|降幅[^,，;；。]{0,6}扩大|(?<![盈扭])亏|落后|下拉)"
                   r"[^,，;；。]{0,10}$",
    examples=['增幅比上年收窄', '低于全省'], counter_examples=['高于全省'])
CHANGE_VERB = named(
    "attribute.change_verb", "an absolute increase (新增, 净增): the count or amount after it is a change",
    r"新增|净增|增加(?!值|到|至)|净减|减少(?=[^%]{0,12}(?:家|户|个|亿|万|亩|平方))",
    examples=['新增企业', '净增市场主体'], counter_examples=['增加值'])
DIGIT = re.compile(r"\d")
GROWTH_RIGHT_BEFORE = named(
    "attribute.growth_right_before", "right before a share in words (七成, 三分之一): a growth verb, so a growth",
    r"(?:增长|增加|提高|提升|上涨)了?[ \t]*(?:逾|超过|超|近|约|达)?[ \t]*$",
    examples=['产值增长逾', '同比增长'], counter_examples=['占比'])
GROWTH_AFTER = named(
    "attribute.growth_after", "a percentage followed by 的增幅 / 增长: a growth",
    r"(?:以上|左右)?的?(?:增幅|增长|增速)",
    examples=['以上的增幅', '增长'], counter_examples=['比重'])
CHANGE_BREAK = named(
    "attribute.change_break", "words that end a change verb's reach (签约, 完成, 累计 …): after them a level again",
    r"培育|签约|完成|实现|累计|共有|总数|达到|引进|认定|登记|总量|拥有|现有|打造|拆除|增长|建设|改造|提升|获批|通过|纳入|分别|新建|建成|开工|新开工|接待|全年",
    examples=['累计引进', '完成投资'], counter_examples=['新增企业'])


def aliases_in(text: str, kinds: set[str]) -> list[tuple[int, lexicon.Alias]]:
    table = lexicon.aliases()
    out = []
    for m in lexicon.alias_regex().finditer(text):
        alias = table.get(m.group()) or table.get(m.group().upper())
        if alias and (alias.kind in kinds or alias.metric == lexicon.NO_METRIC):
            out.append((m.start(), alias))
    return out


def _pick(found: list[tuple[int, lexicon.Alias]]) -> str | None:
    """The last alias, unless it is weak and a specific money alias stands before it."""
    if not found:
        return None
    last = found[-1][1]
    if last.weak:
        strong = [a for _, a in found[:-1] if not a.weak and a.kind == last.kind]
        if strong and last.kind == "money":
            return strong[-1].metric
    return last.metric


def metric_for(fig: Figure, segment: str, after: str, measure: str, clause_len: int = 0) -> str | None:
    """The metric named near the figure, '_none' for a non-fact (人口), or None if unnamed."""
    kinds = KINDS_FOR_FAMILY.get(fig.family, {"money", "count"})
    if fig.family in ("percent", "points") and measure in ("share", "change"):
        cut = None
        for cut in CUT_BEFORE_SHARE_OR_GAP.finditer(segment):
            pass
        if cut:
            segment = segment[:cut.start()]
    if fig.family == "count" and fig.unit in GOODS_UNITS:
        return "other"
    if fig.family == "count":
        head = after
        award = PLATFORM_AWARD.search(head)
        if award:
            counted = aliases_in(head[award.end():], {"count"})
            if any(a.metric == "platform_count" for _, a in counted):
                return "platform_count"
        counted = aliases_in(head, {"count"})
        if counted:
            first = counted[0][1].metric
            return first if first == lexicon.NO_METRIC else _unit_implied(fig, first)
    found = aliases_in(segment, kinds)
    if fig.family in ("percent", "points"):
        own_clause = len(segment) - clause_len
        # 受部分企业订单减少影响,同比下降7.5%: a count noun of an earlier clause is not the rate's subject
        found = [(p, a) for p, a in found
                 if not (a.kind == "count" and (a.weak or (clause_len and p < own_clause)))]
    if found and found[-1][1].metric == lexicon.NO_METRIC:
        return lexicon.NO_METRIC
    found = [(p, a) for p, a in found if a.metric != lexicon.NO_METRIC]
    metric = _pick(found)
    if metric == "project_investment" and fig.family == "money_usd" and found[-1][1].alias == "投资":
        return "foreign_investment"   # 投资1.2亿美元建设…: a foreign investor's money
    if found and is_investment_growth(found[-1][1], fig.family, measure):
        return "fixed_asset_investment"
    if metric:
        return _unit_implied(fig, metric) if fig.family == "count" else metric
    if fig.family == "area":
        named = aliases_in(after, {"area"})
        if named:
            return named[0][1].metric
    if fig.family.startswith("money") and FUND_AFTER.match(after):
        return "financing"     # 总规模120亿元的9支基金: the funds' size
    if fig.family == "mass" and re.search(r"吞吐|货运|运量", segment):
        return "freight"
    return None


def is_investment_growth(alias: lexicon.Alias, family: str, measure: str) -> bool:
    """采矿业投资增长19%, 第二产业投资增长5%: a growth of bare 投资 is a statistics breakdown of
    fixed-asset investment (a project's investment does not grow by a rate)."""
    return alias.alias == "投资" and family == "percent" and measure == "growth"


def _unit_implied(fig: Figure, metric: str) -> str:
    implied = UNIT_IMPLIED.get(fig.unit)
    return implied if implied and metric not in (implied, "other") else metric


def default_metric(fig: Figure) -> str:
    if fig.family == "count":
        return DEFAULT_COUNT_METRIC.get(fig.unit, "other")
    return lexicon.default_metric_by_unit().get(fig.unit, "other")   # units.csv's default_metric


def measure_for(fig: Figure, clause_before: str, after: str, since_change_verb: str | None) -> str:
    """level / growth / share / change. `since_change_verb`: the text between the sentence's
    last 新增 / 净增 / 增加 before the figure and the figure (None when there is none)."""
    if fig.family == "points":
        return "change"
    if fig.family == "percent":
        if fig.rule == "multiple":
            return "growth"
        if fig.rule in ("tenths", "fraction"):
            return "growth" if GROWTH_RIGHT_BEFORE.search(clause_before) else "share"   # 增长逾七成: a growth
        kind = _last_measure_word(clause_before)
        if kind == "gap":
            return "change"
        if kind:
            return kind
        if GROWTH_AFTER.match(after):
            return "growth"
        return "share"
    # levels and absolute changes
    if since_change_verb is None:
        return "level"
    between = since_change_verb
    if not DIGIT.search(between):
        return "change"   # 新增投产企业20家: the verb governs the figure it stands before
    if fig.family.startswith("money") and len(between) > 8:
        return "level"
    if CHANGE_BREAK.search(between) or ";" in between or "；" in between:
        return "level"    # another verb or statement came between: the list has ended
    return "change"


MEASURE_WORDS = ((GROWTH_WORDS, "growth"), (SHARE_WORDS, "share"), (GAP_WORDS, "gap"))
MEASURE_WORD_MAX = 12      # the longest a measure word can be (比…高 with 8 between)
NEAR_WINDOW = 48           # look in the clause's last characters first


def _last_measure_word(clause_before: str) -> str:
    """The kind of the measure word that ends last before the figure ("" if none).

    The clause's tail is searched first: a word found ending well inside it is the last one,
    so long clauses (a list of rates) cost no scan of all their words."""
    n = len(clause_before)
    lo = max(0, n - NEAR_WINDOW)   # 0 for the usual short clause: one scan
    while True:
        best, kind = -1, ""
        for pattern, name in MEASURE_WORDS:
            for m in pattern.finditer(clause_before, lo):
                if m.end() > best or (m.end() == best and name == "growth"):
                    best, kind = m.end(), name
        if lo == 0 or (kind and best >= lo + MEASURE_WORD_MAX):
            return kind
        lo = 0


def change_verb_ends(text: str, start: int, end: int) -> list[int]:
    """Where each 新增 / 净增 / 增加 … of a sentence ends."""
    return [m.end() for m in CHANGE_VERB.finditer(text, start, end)]


def is_decline(clause_before: str) -> bool:
    return bool(DECLINE.search(clause_before))


def is_lower(clause_before: str) -> bool:
    """回落2.3个百分点, 低于全省1.2个百分点: a change downwards."""
    return bool(LOWER.search(clause_before))
