"""The figure rules: named, documented regex patterns with their examples.

Each rule finds one shape of figure (number + unit). They share the building blocks below
and are compiled once into `FIGURE_REGEX`, one alternation whose named group says which
rule matched. Attribution (metric, year, zone, status) lives elsewhere; these rules only
say "here is a quantity". Examples and counter-examples are run as tests
(tests/test_rules.py), one test id per case.

Example format: (text, value_in_canonical_unit, canonical_unit) or, for counter-examples,
text that must yield no figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lib.reference.lexicon import unit_pattern

# Building blocks -------------------------------------------------------------------------
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千]+"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"
SCALE = r"(?:万亿|千亿|百亿|亿|千万|百万|十万|万)"
RANGE_SEP = r"[—\-–~～至到]"
APPROX_INSIDE = r"(?:余|多)"          # 30余人, 1.7亿多元: the hedge sits inside the figure


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    pattern: str                      # the unit part, appended to the shared number core (the units
                                      # of lib/data/units.csv whose `rule` is this rule's id)
    examples: list = field(default_factory=list)
    counter_examples: list = field(default_factory=list)


FIGURE_RULES = [
    Rule("money", "an amount of money: 元 / 美元 with an optional 万 / 亿 / 万亿 scale",
         unit_pattern("money"),
         examples=[("协议投资134.3亿元", 134.3, "亿元"), ("税收510.84万元", 0.051084, "亿元"),
                   ("外资实际进资1200万美元", 0.12, "亿美元"), ("补贴350余万元", 0.035, "亿元"),
                   ("投入资金1.7亿多元", 1.7, "亿元"), ("三千万元", 0.3, "亿元"),
                   ("投资总额近百亿元", 100, "亿元"), ("人均纯收入13450元", 0.0001345, "亿元"),
                   ("产值5—8亿元", 5, "亿元"), ("总产值 20.6亿元", 20.6, "亿元"),
                   ("迈上千亿美元台阶", 1000, "亿美元"), ("总额2万亿元", 20000, "亿元")],
         counter_examples=["亿元以上工业项目", "2019年", "1月31日"]),
    Rule("percent", "a percentage: growth, share or completion rate",
         unit_pattern("percent"),
         examples=[("增长8.6%", 8.6, "%"), ("比重65.59%", 65.59, "%"), ("5%~6%之间", 5, "%"),
                   ("增长８．６％", 8.6, "%"), ("增长百分之十二", 12, "%")],
         counter_examples=["增长较快"]),
    Rule("points", "a change in percentage points (个百分点)",
         unit_pattern("points"),
         examples=[("提升12.23个百分点", 12.23, "百分点"), ("高6个百分点", 6, "百分点")]),
    Rule("count", "a count with its measure word (个 家 件 人 名 项 户 支 处 条 …)",
         r"人次|家次|个(?!月|百分点)|家|件|人|名|项|户|支|处|条|座|所|台(?!阶)|套|栋|辆|间",
         examples=[("项目36个", 36, "个"), ("专家教授30余人", 30, "人"), ("企业6000余家", 6000, "家"),
                   ("总数达到4.11万户", 41100, "户"), ("游客3228万人次", 32280000, "人次"),
                   ("道路12条", 12, "条"), ("十余家", 10, "家"), ("两千余人", 2000, "人"),
                   ("新增入园企业 38家", 38, "家")],
         counter_examples=["连续9个月", "第一名", "一家企业", "建区30多年", "70周年", "前60强",
                           "迈上三千亿台阶"]),
    Rule("physical", "area, volume, mass, length or energy; 万 / 亿 before the unit multiplied out",
         unit_pattern("physical"),
         examples=[("盘活低效土地768亩", 768, "亩"), ("标准厂房20万平方米", 200000, "平方米"),
                   ("绿化20万m²", 200000, "平方米"), ("吞吐量360万吨", 3600000, "吨"),
                   ("管辖面积84平方千米", 84, "平方公里"), ("航道2125米", 2125, "米"),
                   ("违章建筑9200m³", 9200, "立方米"), ("道路40公里", 40, "公里")],
         counter_examples=["2000吨级泊位", "25万吨级深水航道"]),
    Rule("multiple", "a growth written in multiples (增长近2倍 -> 200 %); a plain ratio is dropped later",
         unit_pattern("multiple"),
         examples=[("增长近2倍", 200, "%")]),
    Rule("tenths", "a share written in tenths (近4成 -> 40 %, 超六成 -> 60 %)",
         unit_pattern("tenths"),
         examples=[("比重超六成", 60, "%"), ("近4成", 40, "%")],
         counter_examples=["建成投产", "形成集聚"]),
    Rule("scaled_bare", "a scaled number with no unit (6.3亿, 突破千亿, 2.18万): the metric supplies it",
         r"",
         examples=[("从业人员2.18万。", 21800, "人"), ("固定资产投资首次突破千亿大关", 1000, "亿元")],
         counter_examples=["常住人口10.58万"]),
]

FRACTION_RULE = Rule(
    "fraction", "a share written as a fraction or in words (三分之二, 1/3, 一半, 百分之十二)",
    r"(?=[一二三四五六七八九十百\d])(?P<frac>百分之[零〇一二两三四五六七八九十点]+|[一二三四五六七八九十\d]{1,3}分之[一二三四五六七八九十\d]{1,3}|(?<![\d/.])\d{1,2}/\d{1,2}(?![\d/])|一半)",
    examples=[("近三分之二", 66.67, "%"), ("均占全市1/3以上", 33.33, "%"), ("占到一半以上", 50, "%")],
    counter_examples=["2018/10/17", "2022\n04/19\n09:32"])

STRUCTURE_RULE = Rule(
    "structure", "a structure written as a ratio of shares (三次产业结构4.1∶42.6∶53.3): each part a share in %, "
    "when the parts add up to 100",
    r"(?<![\d.:∶])(?P<parts>\d{1,2}(?:\.\d{1,2})?(?:[ \t]*[∶:][ \t]*\d{1,2}(?:\.\d{1,2})?){2,3})(?![\d.:∶])",
    examples=[("三次产业结构调整为3.6∶41.9∶54.5", 41.9, "%"), ("比例为10:40:50", 50, "%")],
    counter_examples=["会议于10:30:15开始"])

SHARED_UNIT_LIST_RULE = Rule(
    "shared_unit_list", "bare numbers listed before a figure share its unit (10.4、6.2、6.3个百分点)",
    rf"(?P<listed>{ARABIC})[ \t]*(?:、|和|及|与|\n[\u4e00-\u9fff]{{0,4}})[ \t]*$",
    examples=[("较全国、全省、全市分别高10.4、6.2、6.3个百分点", 10.4, "百分点"),
              ("高于全国4.3\n全省3.7\n全市3.3个百分点", 4.3, "百分点")])

_UNIT_GROUPS = "|".join(f"(?P<r_{r.id}>{r.pattern})" for r in FIGURE_RULES if r.pattern)
# the same unit alternatives once more (a group name can be used once): after no scale
_UNIT_GROUPS_2 = "|".join(f"(?P<u_{r.id}>{r.pattern})" for r in FIGURE_RULES if r.pattern)

FIGURE_REGEX = re.compile(
    rf"""
    (?=[0-9{CHINESE[1:-2]}])         # fail fast on the first character (re's prefix scan)
    (?<![\d.])
    # linear time: a number starts where its run of digits or numerals starts (no retry inside
    # 一一一…) and is taken whole (atomic group: no backtracking into it when no unit follows)
    (?P<num>(?>{ARABIC}|(?<![{CHINESE[1:-2]}]){CHINESE}))
    (?:[ \t]?%?[ \t]?(?P<rsep>{RANGE_SEP})[ \t]?(?P<num2>(?>{NUMBER})))?   # range: 5—8亿元, 5%~6%
    (?P<mid>{APPROX_INSIDE})?
    [ \t]?
    (?:                                   # a scale, a unit or both: a bare number is no figure
        (?P<scale>{SCALE})(?P<mid2>{APPROX_INSIDE})?(?:{_UNIT_GROUPS})?
      | (?:{_UNIT_GROUPS_2})
    )
    """,
    re.VERBOSE,
)
FRACTION_REGEX = re.compile(FRACTION_RULE.pattern)
SHARED_UNIT_LIST_REGEX = re.compile(SHARED_UNIT_LIST_RULE.pattern)
STRUCTURE_REGEX = re.compile(STRUCTURE_RULE.pattern)

RULES_BY_ID = {r.id: r for r in FIGURE_RULES + [FRACTION_RULE, SHARED_UNIT_LIST_RULE, STRUCTURE_RULE]}
