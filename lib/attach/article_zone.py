"""The article's zone: which of the zones its text names it is about, written how.

`infer_article_zone` weighs the mentions (near the top and in the title count double, a named
zone gains the generic references with its suffix, spellings of one zone form one cluster);
`fullest_form` writes the chosen zone the fullest way the text does, keeping the city and never
adding a province. The headline's own zone is lib/attach/headline.py; finding names is zones.py.
"""
from __future__ import annotations

import re
from collections import Counter

from lib.attach.zones import (_PROVINCES, CITY_REFERENCES, ZoneMention, generic_form, is_bonded, is_city_subject,
                              same_zone, without_province)

CITY_REFERENCE = re.compile("|".join(CITY_REFERENCES))
from lib.reference import gazetteer


def fullest_form(zone: str, mentions: list[ZoneMention]) -> str:
    """The article's zone as written at its fullest in the text: 湘江新区 in the headline and
    湖南湘江新区 in the body is 湖南湘江新区 (a place written before the same name). A name that
    starts with its place already gains only its city (嘉定工业区 -> 上海嘉定工业区), never its
    province (宜春经开区, not 江西宜春经开区): the spec keeps the city."""
    named_after_place = bool(gazetteer.place_starting(zone))
    longer = Counter()
    for m in mentions:
        if not m.aside and len(m.name) > len(zone) and m.name.endswith(zone):
            place = gazetteer.place_starting(m.name)
            # never a province (宜春经开区; 临洮开发区, not 甘肃临洮开发区), but a national new area's
            # official name has one (湖南湘江新区)
            adds_a_province = gazetteer.is_province_not_city(place) and (
                named_after_place or not gazetteer.catalogued_zone(zone))
            if place and m.name[len(place):] == zone and not adds_a_province:
                longer[m.name] += 1
    return longer.most_common(1)[0][0] if longer else zone


def infer_article_zone(text: str, mentions: list[ZoneMention], title_mentions: list[ZoneMention] = (),
                       city_mentions: list[ZoneMention] = ()) -> str:
    """The zone the article is about: most mentioned, a named-zone suffix counting the
    generic references with that suffix (全市 counting for a city), mentions near the top (or in
    a manifest's title that the text lacks) counting double. A prefecture-level city (梅州市)
    competes as a report's subject; the cities are weighed after the zones, so a tie is the zone's."""
    mentions = sorted(list(mentions) + list(city_mentions), key=lambda m: m.start) if city_mentions else mentions
    if not mentions and not title_mentions:
        return ""
    score: Counter = Counter()
    first_seen = {}
    head = min(len(text), 300)
    for i, m in enumerate(list(title_mentions) + list(mentions)):
        if m.aside and not is_bonded(m.name):
            continue   # a yardstick, a company's name, an aside in brackets: not what the article is about
        score[m.name] += 2 if (i < len(title_mentions) or m.start < head) else 1
        score[m.name] += 0.5 if m.strong else 0
        first_seen.setdefault(m.name, i)
    if not score:
        return ""
    named_ends = {m.end for m in mentions}
    for generic in ("经开区", "高新区", "开发区", "新区"):
        n = sum(1 for g in re.finditer(generic, text) if g.end() not in named_ends)
        for name in score:
            if name.endswith(generic):
                score[name] += 0.75 * n
    n = sum(1 for g in CITY_REFERENCE.finditer(text) if is_city_subject(text, g.start()))
    for name in score:
        if name.endswith("市"):
            score[name] += 0.75 * n   # 全市实现…: the city's (a county-level city's too)
    # a zone and its other spellings (滨海新区 / 天津滨海新区, 安巢 / 安徽巢湖) form one cluster
    names = sorted(score, key=lambda n: (-score[n], first_seen[n]))
    cluster = [n for n in names if same_zone(n, names[0]) or same_zone(names[0], n)]
    total = {n: score[n] for n in cluster}
    full = [n for n in cluster if not any(_abbreviates(n, o) for o in cluster if o != n)]
    # 包头稀土高新区 over 稀土高新区 (keep the city), but 宜春经开区 over 江西宜春经开区 (no province)
    full = [n for n in (full or cluster) if not any(_city_prefixed(o, n) for o in cluster if o != n)] or full
    full = [n for n in full if not any(generic_form(o) == n for o in cluster)] or full   # the specific suffix
    best = max(full or cluster, key=lambda n: (total[n], -first_seen[n]))
    bare = without_province(best)
    if bare == best:
        return best
    specific = next((n for n in cluster if generic_form(n) == bare), "")   # 江苏某某开发区 … 某某经开区
    if specific:
        return specific
    if generic_form(bare) in score:
        return bare   # 贵州某某经开区 … 某某开发区: the text names it without the province too
    # 甘肃临洮开发区 … 临洮开发区; 山西太原高新区 (a catalogued zone): no province
    return bare if bare in score or gazetteer.catalogued_zone(bare) == bare else best


def written_without_province(zone: str, text: str) -> str:
    """贵州某某经开区 in the lead, 某某开发区 further on: the text also names the zone without its
    province, so the short name is the zone's (the spec keeps a city, never a province); the zone
    as it is otherwise."""
    bare = without_province(zone)
    if bare == zone or (gazetteer.catalogued_zone(bare) and not gazetteer.place_starting(bare)):
        return zone   # 湖南湘江新区: a catalogued zone named after no place keeps it (fullest_form)
    province_written = zone[: len(zone) - len(bare)]
    if not gazetteer.is_province_not_city(province_written):
        return zone   # 天津滨海新区: a municipality is the zone's city, kept
    for form in (bare, generic_form(bare)):
        at = text.find(form) if form else -1
        while at != -1:
            if not text.startswith(province_written, max(0, at - len(province_written))) \
                    or at < len(province_written):
                return bare
            at = text.find(form, at + 1)
    return zone


def _city_prefixed(long: str, short: str) -> bool:
    """`long` is `short` with a city (not a province) in front."""
    if len(long) <= len(short) or not long.endswith(short):
        return False
    extra = long[: -len(short)].rstrip("省市")
    return extra not in _PROVINCES


def _abbreviates(short: str, long: str) -> bool:
    """安巢经开区 abbreviates 安徽巢湖经开区: same suffix, prefix a non-contiguous subsequence."""
    return same_zone(short, long) and len(short) < len(long) and not long.endswith(short)


SHORT_NAME_CHARS = 3000    # the head of the text where a district's short name is looked for
DISTRICT_GENERIC = re.compile(r"全区|我区|本区")
COUNTY_GENERIC = re.compile(r"全县|我县|本县")


def district_named_short(text: str) -> str:
    """An article that names no zone but says 全区 (or 全县) and names a district (or county) by
    its short name only (江宁新闻网, 江宁经济) is about that district; '' otherwise."""
    head = text[:SHORT_NAME_CHARS]
    districts, counties = len(DISTRICT_GENERIC.findall(head)), len(COUNTY_GENERIC.findall(head))
    if not districts and not counties:
        return ""
    named = Counter(gazetteer.divisions_named_short(head, "区" if districts >= counties else "县"))
    return named.most_common(1)[0][0] if named else ""
