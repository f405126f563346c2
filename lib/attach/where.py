"""Which zone a figure is about, and where that came from.

The zone named last before the figure in its sentence, else a generic reference (全区, 我区,
园区 …) read as the article's (or the speaker's) zone, else the zone carried from the sentences
before. Called by the pipeline (lib/extract.py) once per figure and once per sentence.
"""
from __future__ import annotations

import bisect

from lib.attach import zones
from lib.attach.context import DocState, Sentence, last_starting_in
from lib.patterns import named
from lib.figures.find import Figure


def zone_for(st: DocState, s: Sentence, fig: Figure) -> tuple[str, str]:
    """(zone, evidence): named in the sentence, carried from an earlier one (paragraph), or the
    article's zone (its evidence: manifest, headline or article)."""
    best_named = last_starting_in(st.mentions, s.start, fig.start, lambda m: not m.aside)
    g = bisect.bisect_left(st.generic, fig.start) - 1
    best_generic = st.generic[g] if g >= 0 and st.generic[g] >= s.start else None
    if best_named and (best_generic is None or best_named.start >= best_generic
                       or best_named.end > best_generic):
        name = best_named.name
        return (st.zone if zones.same_zone(name, st.zone) or zones.same_zone(st.zone, name) else name), "sentence"
    zone = _generic_zone(st, best_generic) if best_generic is not None else st.sticky_zone
    return zone, st.zone_evidence if zone == st.zone else "paragraph"


def _generic_zone(st: DocState, at: int) -> str:
    """全区 / 我区 mean the article's (or the speaker's) zone; 园区 / 开发区 in an article about
    a county mean the development zone it named last (祁阳县 … 祁阳经开区 … 园区龙头企业)."""
    word = st.text[at:at + 3]
    near = st.text[max(0, at - 6):at]
    city_wide = "市" in near and bool(CITY_PARKS_BEFORE.search(near))   # 全市工业园区: all the city's parks
    if word.startswith(("园区", "开发区", "高新区", "经开区", "区内")) and zones.is_county(st.zone) \
            and st.last_dev_zone and not city_wide:   # 全市工业园区: the city's parks, not the last one named
        return st.last_dev_zone
    if word.startswith(zones.CITY_REFERENCES) or city_wide:
        return st.city or st.speaker_zone   # 全市实现…: the city's figure, not the zone's
    return st.speaker_zone


CITY_PARKS_BEFORE = named(
    "where.city_parks_before", "right before 园区: the city's (全市工业园区), so all its parks",
    r"(?:全市|我市|本市)(?:工业|产业|各类|各)?$", examples=['全市工业', '我市'], counter_examples=['全市各县区、'])
MEMBERS_LISTED = named(
    "where.members_listed", "a sentence that lists a zone's parts (由6个功能区组成,分别是:…; 下辖…)",
    r"组成[,，]?分别是|分别是[:：]|下辖|辖有|包括[:：]",
    examples=['由4个功能区、2个镇组成,分别是:', '下辖'], counter_examples=['分别增长'])
PART_BEFORE = named(
    "where.part_before", "a zone named as a part of the figure before it (其中某某经开区完成…)",
    r"其中[,，]?$", examples=['其中', '其中,'], counter_examples=['其他'])
LIST_OF_ZONES = 3   # a sentence naming this many zones lists them; it names no new subject


def update_sticky_zone(st: DocState, s: Sentence, has_figures: bool = True) -> None:
    """The zone named last in the sentence (a generic 全区 / 开发区 means the article's)."""
    last_named, last_generic, name = -1, -1, ""
    names_article_zone = False
    named_here = set()
    mentions, generic = st.mentions, st.generic
    while st.mention_i < len(mentions) and mentions[st.mention_i].start < s.end:
        m = mentions[st.mention_i]
        if not m.aside:
            last_named, name = m.start, m.name
            names_article_zone = names_article_zone or zones.same_zone(m.name, st.zone)
            named_here.add(m.name)
        st.mention_i += 1
    if len(named_here) >= LIST_OF_ZONES or (named_here and MEMBERS_LISTED.search(st.text, s.start, s.end)):
        name = st.speaker_zone   # 其中甲区…、乙区…、丙区…, 分别是:…工业园区: members; the subject is still the article's
    if names_article_zone and zones.is_county(name) and not zones.same_zone(name, st.zone):
        name = st.zone   # 甲区和乙县签订协议: two governments' joint act; what follows is still the
        #                  article's (a zone named with its county, 嘉善县…嘉善经开区, does take over)
    while st.generic_i < len(generic) and generic[st.generic_i] < s.end:
        last_generic = generic[st.generic_i]
        st.generic_i += 1
    if last_named >= 0 and zones.is_development_zone(name) and not zones.same_zone(name, st.zone):
        st.last_dev_zone = name
    if last_named > last_generic and st.zone and not zones.same_zone(name, st.zone) \
            and PART_BEFORE.search(st.text, max(0, last_named - 4), last_named):
        return   # …总产值330亿元,其中某某经开区完成260亿元。: a part of the total, the subject stays
    if last_named > last_generic:
        sticky = st.zone if zones.same_zone(name, st.zone) else name
    elif last_generic >= 0:
        sticky = _generic_zone(st, last_generic)
    else:
        return
    if not has_figures and zones.is_county(st.zone) and zones.is_development_zone(sticky):
        return   # 某某经开区成功获批省级园区。(no figure) …: a county's report goes on about the county
    st.sticky_zone = sticky
