"""Enumerations: "A、B、C分别增长x%、y%、z%" gives the k-th value to the k-th metric.

With metric words before 分别, they are matched in order (one word: all values take it).
Without them, the values mirror the figures listed just before ("共有A 312家、B 458家,分别增加
68家、91家"; "产值20.6亿元、收入26.9亿元,分别增长82.7%、140.9%"), asides in brackets left out.
"2016年至2018年,分别完成a、b、c"
gives the k-th value to the k-th year; "甲区、乙区、丙区税收收入分别增长a、b、c" the k-th
to the k-th zone. A list of benchmarks (较全国、全省、全市分别高…) names
no metrics and changes nothing.
"""
from __future__ import annotations

import re

from lib import attribute, lexicon
from lib.figures import Figure

RESPECTIVELY = re.compile(r"分别")
BENCHMARKS = re.compile(r"(?:高于|低于|快于|慢于|较|(?<![同环])比)[^,，;；。]{0,6}(?:全国|全省|全市|全区|全县|上年同期|同期|平均)")
YEAR_SPAN = re.compile(r"((?:19|20)\d{2})年?\s*[至到—\-~]\s*((?:19|20)\d{2})年")
LIST_GAP = re.compile(r"[\s、,，和及与]*")


def _in_brackets(text: str, start: int, pos: int) -> bool:
    before = text[start:pos]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


def apply_respectively(text: str, start: int, end: int, sent_rows: list[tuple[Figure, dict]],
                       zone_mentions: list[tuple[int, str]] = ()) -> None:
    """A、B、C分别增长x%、y%、z%: the k-th value to the k-th metric (or year, or zone).
    `zone_mentions`: (position, zone) of the zones the sentence names."""
    if len(sent_rows) < 2:
        return
    for m in RESPECTIVELY.finditer(text, start, end):
        members = [i for i, (f, _) in enumerate(sent_rows) if f.start > m.end()]
        if not members:
            continue
        first = members[0]
        if len(text[m.end():sent_rows[first][0].start]) > 12:
            continue
        listed = [first]
        for i in members[1:]:
            gap = text[sent_rows[listed[-1]][0].end:sent_rows[i][0].start]
            if LIST_GAP.fullmatch(gap) and sent_rows[i][0].family == sent_rows[first][0].family:
                listed.append(i)
            else:
                break
        n = len(listed)
        if n < 2:
            continue
        earlier = [i for i in range(len(sent_rows)) if i < first]
        pre_start = sent_rows[earlier[-1]][0].end if earlier else start
        pre_text = text[pre_start:m.start()]
        span = YEAR_SPAN.search(text, start, m.start())
        if span and int(span.group(2)) - int(span.group(1)) + 1 == n:
            for k, i in enumerate(listed):
                sent_rows[i][1]["year"] = int(span.group(1)) + k
            continue
        listed_zones = [z for at, z in zone_mentions if pre_start <= at < m.start()]
        if len(listed_zones) == n:
            for k, i in enumerate(listed):
                sent_rows[i][1]["zone"] = listed_zones[k]   # 甲区、乙区、丙区税收分别增长…
        if BENCHMARKS.search(pre_text):
            continue
        kinds = attribute.KINDS_FOR_FAMILY.get(sent_rows[first][0].family, {"money"})
        named = [a.metric for _, a in attribute.aliases_in(pre_text, kinds) if a.metric != lexicon.NO_METRIC]
        if not named:
            # the values mirror the figures listed just before, asides in brackets left out
            # (产值20.6亿元(…7602万元…)、收入26.9亿元、财政1.2亿元,分别增长82.7%、140.9%、58.9%)
            outside = [sent_rows[i][1]["metric"] for i in earlier
                       if not _in_brackets(text, start, sent_rows[i][0].start)]
            named = outside[-n:] if len(outside) >= n else []
        if not named:
            continue
        if len(named) > n:
            named = named[-n:]
        for k, i in enumerate(listed):
            sent_rows[i][1]["metric"] = named[min(k, len(named) - 1)]
