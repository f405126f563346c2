"""Zones: find zone names in text and write them in the canonical short form of docs/spec/facts.md.

A zone name is a place prefix plus a zone suffix (lib/data/zone_suffixes.csv: 经济技术开发区,
经开区, 高新区, 开发区, 新区, 保税区 … strong; 新城, 区, 县, and 市 for county-level cities, weak).
A strong suffix takes the last word jieba segments before it (with the metric aliases and
suffixes in its user dictionary), two words when both are places (安徽巢湖); a weak one only a
district, county or county-level city the gazetteer knows (峄城区, 息县, 大冶市). Generic references (全区, 我区, 该区, 开发区, 高新区, 园区 …) mean the
article's zone. The canonical form drops 国家级 / 国家 and shortens the long suffixes.
Not handled: zones named without a suffix (平湖经开 used as a short name, 北京亦庄).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lib.reference import gazetteer
from lib.patterns import named

STRONG_SUFFIXES, WEAK_SUFFIXES, CANONICAL_SUFFIX = gazetteer.zone_suffixes()   # lib/data/zone_suffixes.csv
GOVERNMENT_WORDS = named(
    "zones.government_words", "a prefix with these is an office, not a zone (长兴县人民政府县长)",
    r"政府|管委会|党工委|工委|人大|政协|[县区]",
    examples=['人民政府', '管委会'], counter_examples=['长兴'])  # 长兴县人民政府县长: not a zone
GENERIC_BEFORE_WEAK = set("全我本该园辖社片省小专景")   # 全区, 园区, 该县, 片区 … (not 城: 峄城区)
LEADING_FUNCTION_CHARS = "据在对由于从向让使被将经与和及"
NOT_NAME_TAGS = {"v", "vn", "vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "t", "m",
                 "q", "f", "a", "ad", "an", "y", "e", "o", "zg", "tg", "mq", "df"}  # never a place name
PLACE_TAGS = {"ns", "nr", "nrt", "nz", "j", "nt"}
COMMON_NOUN_TAGS = {"n", "vn", "an"}
# Everything below is derived from the suffix table: a new suffix is one row there.
# the short suffixes a canonical zone name ends with (经开区, 高新区, …, 示范区)
ZONE_SUFFIXES = tuple(dict.fromkeys(CANONICAL_SUFFIX.get(s, s) for s in STRONG_SUFFIXES))
_FIRST_CHARS = "".join(sorted({s[0] for s in STRONG_SUFFIXES + WEAK_SUFFIXES} | {"国"}))
SUFFIX_RE = re.compile(f"(?=[{_FIRST_CHARS}])(?:国家级|国家)?(" + "|".join(STRONG_SUFFIXES + WEAK_SUFFIXES) + ")")
GENERIC_REFERENCE = named(
    "zones.generic_reference", "a generic reference: the article's zone (全区, 我县, 开发区), or its city (全市)",
    r"(?:全区|我区|本区|该区(?!域)|全县|我县|本县|该县|园区|辖区|区内|新区|开发区|高新区|经开区|全市|我市|本市|该市)",
    examples=['全区实现', '该县', '开发区完成', '全市实现'], counter_examples=['区域'])
CITY_REFERENCES = ("全市", "我市", "本市", "该市")   # the city's, not the zone's
CITY_PARKS_SUFFIXES = ("工业园区",)   # 梅州市工业园区: all the city's parks
# 1-7月,全市工业园区实现…: 全市 opening a clause is its subject; 高于全省、全市1.3个百分点, 增速全市第二,
# 占全市30% are yardsticks
CITY_SUBJECT_AFTER = named(
    "zones.city_subject_after", "after 全市 opening a clause: no ranking or yardstick (全市第一, 全市平均)",
    r"(?!第|排名|排位|前列|平均|同期|水平|的|比重|总量|[\d一二三四五六七八九十])",
    examples=['工业园区实现'], counter_examples=[])
CLAUSE_OPENERS = frozenset(",，。;；:：\n \t")


def is_city_subject(text: str, at: int) -> bool:
    """全市 / 我市 at `at` opens its clause and is what the clause is about."""
    return (at == 0 or text[at - 1] in CLAUSE_OPENERS or text[at - 1] in TIME_WORD_ENDS) \
        and bool(CITY_SUBJECT_AFTER.match(text, at + 2))


TIME_WORD_ENDS = frozenset("年月度来")   # 2014年全市, 1-7月全市, 今年以来全市: a time, then the subject
# A zone named as a yardstick (增速超过比学赶超地浙江富阳区, 对标苏州工业园区) is no subject.
BENCHMARK_BEFORE = named(
    "zones.benchmark_before", "before a zone's name: a yardstick (对标苏州工业园区), not the subject",
    r"(?:超过|超越|高于|低于|快于|慢于|对标|赶超|追赶|学习|相比|比肩|看齐)[^,，。;；!?！？\n]{0,8}$",
    examples=['对标', '增速超过比学赶超地'], counter_examples=['实现'])
BENCHMARK_CHARS = frozenset("超高低快慢对赶追学相比看")   # first characters of those words: a cheap test first
AREA_WORD_ENDS = ("域", "间", "别", "位", "块", "划")   # 区域, 区间, 区别 …: 区 begins another word
# 总投资50亿元的长兴绿色智造示范区项目: a name right after an amount and 的 is a project's
PROJECT_AFTER_AMOUNT = named(
    "zones.project_after_amount", "before a zone-like name: an amount and 的, so the name is a project's",
    r"[亿万]元?[的得]$",
    examples=['100亿元的', '5万元的'], counter_examples=['全区的'])
# 苏州工业园区某某科技有限公司: a company named after its zone is no mention of the zone
COMPANY_AFTER = named(
    "zones.company_after", "right after a zone-like name: the rest of a company's name (…生物医药有限公司; matched there, so 与…公司 is not)",
    r"[^\W\d_与和及同在对向将为把签的]{0,12}?(?:股份有限公司|有限责任公司|有限公司|公司|集团)",
    examples=['某某生物科技有限公司', '建设投资集团'], counter_examples=['与企业签约', '实现产值'])
# 把园区打造成为全市创新创业示范区: what a place is to become is no zone
GOAL_NAME_BEFORE = named(
    "zones.goal_name_before", "before a zone-like name: what something is to become (打造成为…示范区)",
    r"(?:打造成为?|建设成为?|建成为|创建为|成为)[^,，。;；!?！？]{0,24}$",
    examples=['打造成为全市东部的核心区及', '建设成为'], counter_examples=['位于'])
# 签约仪式在某某经济开发区举办: the venue of an event is no subject of the article
VENUE_AFTER = named(
    "zones.venue_after", "right after a zone-like name that follows 在: an event held there (…举办)",
    r"[\u4e00-\u9fff]{0,6}?(?:举办|举行|召开|开幕|开班|开营)",
    examples=['举办', '会展中心隆重举行'], counter_examples=['实现产值'])
# Words that end a run of text before a zone name: they are never part of its prefix.
NOT_PLACE = "的在和与及对是为了把将从向到由于等"
# the run of Chinese characters (at most 8, none of NOT_PLACE) right before a suffix
CITY_WITH_SHI = named(
    "zones.city_with_shi", "a city written with 市 before a zone name (宁波市杭州湾新区 -> 宁波杭州湾新区)",
    r"^([\u4e00-\u9fff]{2,4}?)市",
    examples=['宁波市杭州湾新区'], counter_examples=['杭州湾新区'])
RUN_BEFORE = re.compile(f"[^{NOT_PLACE}\\W\\da-zA-Z_]{{1,8}}$")
# words that end a run before a suffix but name no place (全区, 产业园区, 推动新区): lib/data/not_zone_prefixes.txt
NOT_PREFIX_WORDS = gazetteer.word_list("not_zone_prefixes.txt")


@dataclass(slots=True)
class ZoneMention:
    start: int
    end: int
    name: str                 # canonical
    strong: bool
    aside: bool = False       # inside brackets: (赣江新区经开组团) is an aside, not the subject


@lru_cache(maxsize=4096)
def canonical_zone(name: str) -> str:
    name = re.sub(r"^(国家级|国家)", "", name.strip()).replace("国家级", "")
    city = CITY_WITH_SHI.match(name)
    if city and gazetteer.is_place(city.group(1)) and len(name) - city.end() >= 3:
        name = city.group(1) + name[city.end():]   # 宁波市杭州湾新区 -> 宁波杭州湾新区
    for long, short in CANONICAL_SUFFIX.items():
        if name.endswith(long):
            return name[: -len(long)] + short
    return name


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    jieba.setLogLevel(60)
    from lib.reference import lexicon
    for alias in lexicon.aliases():
        jieba.add_word(alias, freq=2000)
    for suffix in STRONG_SUFFIXES:
        jieba.add_word(suffix, freq=5000)
    return jieba


@lru_cache(maxsize=20000)
def _prefix_of(run: str, strong: bool) -> str:
    """The place name ending `run` (the text right before a suffix), or ''."""
    if not run:
        return ""
    words = _jieba().lcut(run)
    if not words:
        return ""
    if words[-1] in ("市", "县") and len(words) >= 2:
        words = words[:-1]     # 长垣市经济开发区: the city's name is the word before 市
    last = words[-1]
    if len(last) >= 3 and last[0] in LEADING_FUNCTION_CHARS:
        last = last[1:]
    if len(last) < 2 or last in NOT_PREFIX_WORDS or not re.fullmatch(r"[\u4e00-\u9fff]+", last):
        return ""
    prefix = last
    if len(words) >= 2:
        prev = words[-2]
        if prev in _PROVINCES or (len(prev) >= 2 and (gazetteer.is_place(prev) or _tag(prev) == "ns")):
            prefix = prev + prefix   # 安徽巢湖, 包头稀土: a place before the name is part of it
    if prefix[0] in "占较比为" or prefix.endswith(("省", "级")) or GOVERNMENT_WORDS.search(prefix):
        return ""
    tag = _tag(last)
    if ((tag in NOT_NAME_TAGS) if strong else (tag not in PLACE_TAGS)) and not gazetteer.is_place(last):
        return ""   # jieba's tag says no name, and the gazetteer knows no such place (兴化 is one: tagged v)
    if tag in NOT_NAME_TAGS and len(words) >= 2 and prefix == last and _tag(words[-2]) in COMMON_NOUN_TAGS:
        return ""   # 科技金融合作实验区: a place that is also a word (合作), read as one after a noun
    if prefix.endswith("市") and len(prefix) >= 3:
        prefix = prefix[:-1]   # 长垣市经济开发区 -> 长垣经开区
    return prefix


_PROVINCES = gazetteer.provinces()   # 安徽, 内蒙古 …


@lru_cache(maxsize=20000)
def _tag(word: str) -> str:
    """jieba's part-of-speech tag of a word read as one token ('' when it splits)."""
    import jieba.posseg as pseg
    _jieba()
    tags = [p.flag for p in pseg.lcut(word)]
    if len(tags) == 1:
        return tags[0]
    return "ns" if tags and all(t == "ns" for t in tags) else (tags[-1] if tags else "")


def find_zone_mentions(text: str) -> list[ZoneMention]:
    out = _suffix_mentions(text)
    extra = _catalogue_only_mentions(text, out)
    return sorted(out + extra, key=lambda m: m.start) if extra else out


# zone words that name no zone by themselves (航空基地 of one city is not every city's)
GENERIC_CATALOGUE_PARTS = re.compile(
    "综合保税区|综保区|高新技术产业开发区|高新技术产业园区|高技术产业开发区|新技术开发区|经济技术开发区|"
    "经济开发区|高新区|经开区|开发区|工业园区|工业园|产业园区|产业园|新区|基地|航空|航天|高新|经开|综合|科技园区|科技园|农高区|片区|区")


JOINED_BEFORE = ("加入", "纳入", "划入", "并入", "隶属", "属于")


@lru_cache(maxsize=1)
def _catalogue_only_regex() -> re.Pattern | None:
    """The catalogued zones' written forms ending in 区 that the suffix reading cannot find (汽开区:
    no place before a plain 区), as one alternation of literals (linear: no quantifier)."""
    forms = []
    for form in gazetteer._zone_forms():
        if not form.endswith("区") or not HAN_CHAR.match(form) or len(GENERIC_CATALOGUE_PARTS.sub("", form)) < 2:
            continue   # -东盟经开区, 渠经开区 (fragments), 高新区综合保税区 (zone words only)
        if not _suffix_mentions("，" + form + "。"):
            forms.append(form)
    if not forms:
        return None
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


def _catalogue_only_mentions(text: str, found: list[ZoneMention]) -> list[ZoneMention]:
    """汽开区上半年…: a catalogued zone's own short form, found where no suffix mention covers it."""
    rx = _catalogue_only_regex()
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        if is_bonded(m.group()) or gazetteer.place_starting(text[m.end():m.end() + 8]):
            continue   # a bonded zone is a place in a zone; 中关村科技园区大兴…基地: a park of it, named next
        head = text[max(0, m.start() - 60):m.start()]
        joined = head.endswith(JOINED_BEFORE)   # 2006年加入中关村科技园区: the park it belongs to, an aside
        out.append(ZoneMention(m.start(), m.end(), gazetteer.catalogued_zone(m.group()), True,
                               joined or head.count("(") > head.count(")")))
    return out


def _suffix_mentions(text: str) -> list[ZoneMention]:
    out = []
    for m in SUFFIX_RE.finditer(text):
        suffix = m.group(1)
        strong = suffix in STRONG_SUFFIXES
        start = m.start()
        if not strong and start and text[start - 1] in GENERIC_BEFORE_WEAK \
                and not any(gazetteer.is_division(text[start - k:m.end()]) for k in (2, 3) if start >= k):
            continue   # 全区, 园区, 该县 …: the common case, no name to look for (a district such as 梁园区 is a name)
        if suffix == "市" and text[max(0, start - 2):start] not in gazetteer.division_last_chars("市"):
            continue   # 城市, 上市, 超市: no county-level city ends there (a cheap test first)
        before = RUN_BEFORE.search(text, max(0, start - 8), start)
        run = before.group() if before else ""
        if not run and not strong and _function_char_division(text, start, suffix):
            run = text[start - 1]   # 和县, 于都县, 将乐县: a name that starts with 和 / 于 / 将
        cut_at = start - len(run) - 1
        if cut_at >= 0 and text[cut_at] in NOT_PLACE:   # 呼和浩特: a place with a function character inside
            place = gazetteer.place_ending(text[max(0, start - 8):start])
            if len(place) > len(run) and (strong or _name_starts_here(text, start - len(place))):
                run = place
        if suffix == "区" and text[m.end():m.end() + 1] in AREA_WORD_ENDS:
            continue
        if suffix == "区" and text[start - 1:start] == "市" and not gazetteer.division_ending(run, "区"):
            continue   # 桂林市区南部: the city's urban area, no district
        if (suffix == "县" and text[m.end():m.end() + 1] == "区" and text[m.end() + 1:m.end() + 2] not in AREA_WORD_ENDS) \
                or (suffix == "区" and text[start - 1:start] == "县" and not gazetteer.division_ending(run, "区")):
            continue   # 结对县区, 各县区: "counties and districts", not a name (梅县区 is one)
        county = gazetteer.division_ending(run[:-1], "县") if strong and run.endswith("县") else ""
        if county:   # 息县经济开发区, 长兴县经济开发区: the county's own zone, named with it
            prefix = county + ("县" if len(county) == 1 else "")   # 息县经开区 keeps 县; 长兴经开区 (as 长垣市 -> 长垣)
            written_prefix = len(county) + 1
            if out and out[-1].end == start:
                out.pop()   # the county named just before is this zone's place, not a zone of its own
        else:
            written_prefix = 0
            prefix = gazetteer.division_ending(run, suffix) if suffix in ("区", "县", "市") else ""
            if suffix != "市":   # 市: only the table's county-level cities, never a guess
                prefix = prefix or _prefix_of(run, strong or suffix == "县")   # 广信区, 息县: the table knows them
        if not prefix:
            continue
        if len(prefix) == 1 and not strong and _glued_before(text, start - 1):
            continue   # 代理县长: 理 belongs to the word before it, no 理县 is named
        if suffix == "市" and (not prefix or text[m.end():m.end() + 1] == "场"):
            continue   # 城市, 超市, 上市, 沈阳市: no county-level city; 义乌市场 is a market
        if suffix == "新城" and not (gazetteer.has_place(prefix) or prefix in gazetteer.zone_stems()):
            continue   # 商贸新城: a town quarter's name; 亦庄新城 is a zone's
        if suffix in ("区", "县") and not _known_division(prefix, suffix):
            continue   # 示范区, 代表县, 沿黄农业县: a word before 区/县 that is no district or county
        if not strong and _common_word_division_alone(text, start - len(prefix), prefix + suffix):
            continue   # 加快新城区建设, 排名某市新城区第一: the new town areas, not 西安's 新城区
        if suffix == "新城" and text[m.end():m.end() + 1] == "区":
            continue   # 西安市新城区: the district, found at its 区
        if suffix == "县" and text[m.end():m.end() + 1] in ("城", "域"):
            continue   # 县城, 居桂林市县域前列: the county town, the county level
        if county:
            pass
        elif strong and ("区" in run or "县" in run):
            # a name ends where another does: 杭州经开区名列|经开区 is no name, 上海自贸区临港|新片区 is
            # 临港 with the place named before it
            head, tail = re.split("[区县]", run, maxsplit=0)[0], re.split("[区县]", run)[-1]
            tail_prefix = _prefix_of(tail, True) if tail else ""
            if not tail_prefix:
                continue
            # the place of a free-trade zone around it (上海自贸区临港…); not of another zone
            container = head.endswith(("自贸", "自由贸易试验", "自贸试验"))
            place = gazetteer.place_starting(head) if container and not gazetteer.has_place(tail_prefix) else ""
            prefix, run = place + tail_prefix, place + tail
        if not prefix:
            continue
        if strong and not gazetteer.has_place(prefix):
            prefix = _from_place(run, prefix)   # 山西转型综改示范区: the name starts at its place
        name = canonical_zone(prefix + suffix)
        if suffix in CITY_PARKS_SUFFIXES and text[start - 1:start] == "市" and prefix + "市" in gazetteer.city_names() \
                and not gazetteer.catalogued_zone(name):
            continue   # 梅州市工业园区: the city's parks together, a report on the city (not one zone)
        if strong:
            name = _checked_strong_name(name, prefix)
            if not name:
                continue   # 厚植新区, 一流经开区, 会议高新区: no place and no catalogued zone
        line_start = text.rfind("\n", max(0, start - 60), start) + 1
        head = text[max(line_start, start - 60):start]
        at = m.start() - (written_prefix or len(prefix))
        if strong and out and not out[-1].strong and out[-1].end == start and out[-1].start >= at - 1:
            out.pop()   # 常熟市经济技术开发区: the city named just before is this zone's place
        # a bonded zone is a place inside a zone, unless it opens a clause of a list (…;某某综保区签约项目4个)
        aside = head.count("(") > head.count(")") or (is_bonded(prefix + suffix) and not _opens_list_item(text, at)) \
            or (not BENCHMARK_CHARS.isdisjoint(text[max(0, at - 10):at])
                and bool(BENCHMARK_BEFORE.search(text, max(0, at - 10), at))) \
            or bool(PROJECT_AFTER_AMOUNT.search(text, max(0, at - 4), at)) \
            or bool(COMPANY_AFTER.match(text, m.end(), m.end() + 18)) \
            or (text[at - 1:at] == "在" and bool(VENUE_AFTER.match(text, m.end(), m.end() + 10))) \
            or (strong and "成" in text[max(0, at - 26):at] and bool(GOAL_NAME_BEFORE.search(text, max(0, at - 26), at)))
        out.append(ZoneMention(at, m.end(), name, strong, aside))
    return out


def find_city_mentions(text: str, zone_mentions: list[ZoneMention]) -> list[ZoneMention]:
    """Prefecture-level cities named in the text (梅州市, 桂林市), not as a zone's place
    (宁波市杭州湾新区 is the zone's mention) nor as a yardstick (占南宁市的…)."""
    cities, out = gazetteer.city_names(), []
    taken = [(m.start, m.end) for m in zone_mentions]
    zone_starts = {m.start for m in zone_mentions}
    i = text.find("市")
    while i != -1:
        for length in (4, 3, 2):
            start = i + 1 - length
            name = text[start:i + 1] if start >= 0 else ""
            if name in cities:
                inside = any(a <= start < b for a, b in taken)
                aside = not BENCHMARK_CHARS.isdisjoint(text[max(0, start - 10):start]) \
                    and bool(BENCHMARK_BEFORE.search(text, max(0, start - 10), start))
                if not inside and i + 1 not in zone_starts:   # 梅州市梅江区: the district's city
                    out.append(ZoneMention(start, i + 1, name, False, aside or text[start - 1:start] == "占"))
                break
        i = text.find("市", i + 1)
    return out


def city_of_zone(zone: str) -> str:
    """东兴试验区 -> 东兴市, 桂林高新区 -> 桂林市: the city a zone is named after, when the
    gazetteer knows it as a city (its 全市 is that city's); '' otherwise."""
    place = gazetteer.place_starting(zone) if zone and is_development_zone(zone) else ""
    city = place + "市" if place and not place.endswith("市") else place
    return city if city and gazetteer.is_division(city) else ""


def _opens_list_item(text: str, at: int) -> bool:
    """The name at `at` follows a semicolon or 其中: (an item of a list of zones' figures)."""
    return at > 0 and (text[at - 1] in ";；" or text[max(0, at - 3):at] in ("其中:", "其中：", "其中,"))


def _function_char_division(text: str, start: int, suffix: str) -> bool:
    """和县: a division whose name is a function character, where a name can start."""
    return start >= 1 and text[start - 1] in NOT_PLACE and gazetteer.is_division(text[start - 1] + suffix) \
        and _name_starts_here(text, start - 1)


def _name_starts_here(text: str, at: int) -> bool:
    """A name that starts with a function character (和县, 于都县) starts at `at`: at a clause's
    start, after 在, or after its province or city (安徽和县); 市和县两级 is "the city and the counties"."""
    if at == 0 or text[at - 1] in CLAUSE_OPENERS or text[at - 1] in "(（“\"—在":
        return True
    return bool(gazetteer.place_ending(text[max(0, at - 5):at].rstrip("省市")))


COMMON_WORD_DIVISIONS = tuple(sorted(gazetteer.word_list("common_word_divisions.txt"), key=len, reverse=True))


def _common_word_division_alone(text: str, at: int, name: str) -> bool:
    """新城区 (or 某市新城区) without one of its own cities (西安, 呼和浩特) written before it."""
    word = next((w for w in COMMON_WORD_DIVISIONS if name.endswith(w)), "")
    if not word:
        return False
    city_part = name[: -len(word)].rstrip("市")
    if city_part:   # 武汉新城区 (a city's new-town districts): a city before it, not its own; 峄城区 is a name of its own (峄 is no place)
        return gazetteer.is_place(city_part) and city_part not in gazetteer.cities_of(word)
    return not _city_right_before(text, at, word)


def _city_right_before(text: str, at: int, division: str) -> bool:
    """西安市新城区: the division's own city is written right before it."""
    before = text[max(0, at - 6):at].rstrip("市")
    return any(before.endswith(city) for city in gazetteer.cities_of(division))


def _glued_before(text: str, at: int) -> bool:
    """The character at `at` ends a word that begins before it (代理|县长: 理 is 代理's)."""
    if at <= 0 or not HAN_CHAR.match(text, at - 1):
        return False
    lo = max(0, at - 3)
    pos = lo
    for word in _jieba().lcut(text[lo:at + 3]):
        if pos < at < pos + len(word):
            return True
        pos += len(word)
    return False


HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _from_place(run: str, prefix: str) -> str:
    """The run from the first known place on, when the segmented prefix names none."""
    for i in range(0, len(run) - len(prefix)):
        if gazetteer.place_starting(run[i:]):
            return run[i:]
    return prefix


@lru_cache(maxsize=20000)
def _checked_strong_name(name: str, prefix: str) -> str:
    """The zone a development-zone name stands for, or '' when it names no real place and no
    catalogued zone. The spec keeps the city: 金普新区 -> 大连金普新区, 稀土高新区 -> 包头稀土高新区,
    滨海新区 -> 天津滨海新区; a name written with its city (广州开发区) stays as written."""
    catalogued = gazetteer.catalogued_zone(name)
    if catalogued:
        if catalogued.endswith("新区") and catalogued.endswith(name):
            return catalogued   # a national new area by its official name: 两江新区 -> 重庆两江新区
        if not catalogued.endswith(name):
            return name   # 烟台开发区: written as the text has it (the catalogue only adds a place)
        return catalogued if (not gazetteer.place_starting(name) or gazetteer.is_division(name)) else name
    if gazetteer.has_place(prefix) or prefix in gazetteer.zone_proper_names():
        return name
    if _tag(prefix) == "ns" or _part_of_a_place(prefix):
        return name   # 洞庭湖新区: a place jieba's dictionary knows (a bay, a lake); 皖北: a province's north
    if _tag(prefix) not in NOT_NAME_TAGS and gazetteer.joins_two_cities(prefix):
        return name   # 沈抚新区: named after the two cities it lies between
    return ""


DIRECTIONS = "东南西北"


def _part_of_a_place(prefix: str) -> bool:
    """赣南, 皖北: a place's first character and a direction (the part of it a zone is in)."""
    return len(prefix) == 2 and prefix[1] in DIRECTIONS and prefix not in NOT_PREFIX_WORDS \
        and prefix[0] in gazetteer.first_characters()


def _known_division(prefix: str, suffix: str) -> bool:
    """峄城区, 祁阳县 (now 祁阳市), 岳阳市岳阳楼区: the gazetteer knows the place."""
    return gazetteer.is_division(prefix + suffix) or gazetteer.is_place(prefix) \
        or bool(gazetteer.place_ending(prefix))


def same_zone(mention: str, zone: str) -> bool:
    """滨海新区 ~ 天津滨海新区; 安巢经开区 ~ 安徽巢湖经开区 (abbreviation: same suffix,
    prefix characters in order)."""
    if not mention or not zone:
        return False
    if mention == zone or zone.endswith(mention) or mention.endswith(zone):
        return True
    if generic_form(mention) == zone or generic_form(zone) == mention:
        return True   # 烟台开发区 is the everyday name of 烟台经开区
    if is_development_zone(mention) != is_development_zone(zone):
        return False   # 某某区 (the district) is not 某某经开区 (its development zone)
    for suffix in (*ZONE_SUFFIXES, "县", "区", "新城"):
        if mention.endswith(suffix) and zone.endswith(suffix):
            a, b = mention[: -len(suffix)], zone[: -len(suffix)]
            it = iter(b)
            return len(a) >= 2 and all(ch in it for ch in a)
    return False


def is_county(zone: str) -> bool:
    """A county or district (县, 区, 市) rather than a development zone."""
    return bool(zone) and not is_development_zone(zone)


def is_development_zone(zone: str) -> bool:
    return zone.endswith(ZONE_SUFFIXES)


def generic_form(name: str) -> str:
    """烟台经开区 -> 烟台开发区, 武进高新区 -> 武进开发区: the name with the plain suffix."""
    for specific in ("经开区", "高新区"):
        if name.endswith(specific) and len(name) > len(specific):
            return name[: -len(specific)] + "开发区"
    return ""


BONDED_SUFFIXES = tuple(r.suffix for r in gazetteer.zone_suffix_rows() if r.kind == "bonded")


def is_bonded(name: str) -> bool:
    """A bonded zone: a place inside a zone (its figures are the zone's, scope sub), unless the
    article is about it (then it is the article's zone, found from the headline or the counts)."""
    return name.endswith(BONDED_SUFFIXES)


def without_province(name: str) -> str:
    """江西宜春经开区 -> 宜春经开区; a name with no province in front is returned as it is."""
    for province in _PROVINCES:
        for written in (province + "省", province):
            if name.startswith(written) and len(name) - len(written) >= 4:
                return name[len(written):]
    return name
