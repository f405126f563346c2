"""Actual or target: plan words mark the rest of their sentence as targets.

力争 / 确保 / 目标 / 预计 / 预期 / 拟 / 争取 / 有望 / 可实现 / 每年至少 / 年内 + verb / 计划 + verb
(not 千人计划, 倍增计划: a programme's name) / 将 + verb (not 将 as 把) / 要 after 一是, 二要 …
mark a target from where they stand to the end of the sentence, until an actual marker
(已, 目前, 截至, 完成了) takes over again. A "主要预期目标" heading turns its paragraph into targets.
"""
from __future__ import annotations

import bisect
import re

from lib.patterns import named

TARGET_MARKER = named(
    "status.target_marker",
    "a plan word: the figures after it, to the end of the sentence, are targets",
    r"""
      力争 | 确保
    | (?:预期|主要|发展)?目标(?=是|为|:|：)              # 目标是 / 主要目标为: a goal stated
    | 预计
    | (?<!超)预期(?!因素|之外)                           # not 超预期, 预期之外
    | 拟(?!定|任)                                       # not 拟定, 拟任
    | (?<!成功)(?<!已)(?<!共)争取 | 有望 | 可实现 | 可达 | 每年至少      # not 成功争取 (won)
    | 每年[^,，;；。]{0,12}?(?:不低于|不少于)
    | 年内(?=[\u4e00-\u9fff]{0,2}(?:安排|完成|实现|新增|开工|建成|引进|力争))
      # 计划 as a verb, not in a programme's name (千人计划, 倍增计划) nor 计划总投资 / 计划投资完成率
    | (?<![人才倍增育入划成])计划(?!总投资|投资(?:完成)?率)
          (?=[\u4e00-\u9fff]?(?:建设|投资|完成|实现|引进|新增|开工|新建|实施|安排|推进))
    | (?<![人才倍增育入划度年按])计划(?![总]?投资)(?=[\u4e00-\u9fff]{2,12}?(?:增长|达到))   # 计划…产值增长12%
      # 将 + a verb (not 将 meaning 把)
    | 将(?=[\u4e00-\u9fff]?(?:有|新增|实现|达到|达|建成|完成|突破|超过|超|形成|引进|新建|投入|带动|增加|再
                         |全面|力争|打造|推动|培育|建设|落地|开工|投产))
    | (?:[一二三四五六七八九十]是|[一二三四五六七八九十]|都|还|必须|需)要(?![求素闻点件害])   # 一是要, 二要
    | 明年 | 未来\d*年
    | (?<![已经])(?:建成|投产|达产|达效)(?:投产|达产)?后      # 建成投产后年产值20亿元: a projection
    """,
    examples=["力争全年完成投资50亿元", "预计全年增长6%", "计划新建厂房10万平方米", "明年将新增企业20家",
              "二要引进项目10个", "每年新增企业不少于50家",
              "建成投产后年产值12亿元以上"],
    counter_examples=["入选千人计划专家5人", "计划总投资20亿元", "完成计划投资率95%", "将企业纳入统计",
                      "已建成投产", "成功争取上级资金2亿元"])

ACTUAL_MARKER = named(
    "status.actual_marker", "an actual word: a plan's reach ends here (已, 目前, 截至, 完成了)",
    r"目前已 | 已经 | 已完成 | 已建成 | 截至 | 目前 | 累计完成 | 实现了 | 完成了 | 已",
    examples=["目前已入驻企业30家", "截至6月底", "完成了投资20亿元"], counter_examples=["力争完成投资"])

CLAUSE_SCOPED = named(
    "status.clause_scoped", "a capability, not a plan: a target only in its own clause",
    r"可实现 | 可达 | 有望", examples=["投产后可实现产值10亿元", "有望突破百亿"], counter_examples=["实现产值10亿元"])
CLAUSE_END = re.compile(r"[,，;；。]")
STATEMENT_SCOPED = named(
    "status.statement_scoped", "an estimate or a projection (达产后): a target up to the end of its statement (the next ；or 。)",
    r"预计 | (?<![已经])(?:建成|投产|达产|达效)(?:投产|达产)?后",
    examples=["预计全年实现产值100亿元", "项目达产后,年可实现销售收入35亿元"], counter_examples=["估计"])
STATEMENT_END = re.compile(r"[;；。]")
LEADS_ITS_SENTENCE = 4   # 全年预计实现…;…;…。: an estimate that opens its sentence heads the whole list

GOAL_AFTER = named(
    "status.goal_after", "after a figure: the figure is part of a goal named after it (…20家的目标)",
    r"[^,，;；。:：]{0,24}?的(?:奋斗|发展|年度)?目标",
    examples=["家、科技孵化器5家的目标"], counter_examples=["家,实现了年度目标"])


def named_as_goal(text: str, end: int, limit: int) -> bool:
    """The figure ending at `end` is part of a "…的目标" phrase (before `limit`)."""
    return text.find("目标", end, limit) >= 0 and bool(GOAL_AFTER.match(text, end, limit))   # a cheap test first


def target_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of the sentence (relative offsets) whose figures are targets."""
    spans = []
    actual_at = clause_ends = statement_ends = None   # found once, on first need: no rescans
    for m in TARGET_MARKER.finditer(sentence):
        if spans and m.start() < spans[-1][1]:
            continue
        if actual_at is None:
            actual_at = _starts(ACTUAL_MARKER, sentence)
            clause_ends = _starts(CLAUSE_END, sentence) if CLAUSE_SCOPED.search(sentence) else []
            statement_ends = _starts(STATEMENT_END, sentence) if STATEMENT_SCOPED.search(sentence) else []
        end = len(sentence)
        i = bisect.bisect_left(actual_at, m.end())
        if i < len(actual_at):
            end = actual_at[i]
        for scoped, stops in ((CLAUSE_SCOPED, clause_ends), (STATEMENT_SCOPED, statement_ends)):
            if scoped.fullmatch(m.group()) and not (scoped is STATEMENT_SCOPED and m.start() <= LEADS_ITS_SENTENCE):
                end = min(end, _next(stops, m.end(), end))
        spans.append((m.start(), end))
    return spans


def only_estimates(before: str) -> bool:
    """The plan words before a figure are all 预计 (an estimate, not a plan)."""
    found = [m.group() for m in TARGET_MARKER.finditer(before)]
    return bool(found) and all(w == "预计" for w in found)


def _next(positions: list[int], at: int, default: int) -> int:
    i = bisect.bisect_left(positions, at)
    return positions[i] if i < len(positions) else default


def _starts(pattern: re.Pattern, text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]
