"""Reference tables (lib/data/*.csv) loaded and validated once, and the regexes built from them.

- metric_aliases.csv: words that name a metric (alias -> metric key, kind of figure it names)
- metrics.csv: the metric keys and their Chinese labels (spec/metrics.csv plus additions)
- units.csv: written unit -> canonical unit, factor, family
- hedges.csv: hedge words as written -> canonical qualifier
- not_counted.csv: nouns whose counts are not facts (5个城市, 20条政策, 两项指标)
A duplicate alias or an alias naming an unknown metric raises at load time.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parents[1] / "data"
NO_METRIC = "_none"          # alias of a quantity that is not a fact (人口)


def _rows(name: str) -> list[dict]:
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


UNIT_FAMILIES = ("money_cny", "money_usd", "money_eur", "money_hkd", "percent", "points", "area", "volume",
                 "mass", "length", "energy")
ALIAS_KINDS = ("money", "count", "area", "mass", "energy", "rate")


@dataclass(frozen=True)
class Alias:
    alias: str
    metric: str
    kind: str                 # money | count | area | mass | energy | rate
    weak: bool = False        # a general word (投资, 收入, 增加值) that yields to a specific alias before it


@lru_cache(maxsize=1)
def metrics() -> dict[str, dict]:
    return {r["metric"]: r for r in _rows("metrics.csv")}


def metric_labels() -> dict[str, str]:
    return {k: r["label_zh"] for k, r in metrics().items()}


@lru_cache(maxsize=1)
def aliases() -> dict[str, Alias]:
    known = set(metrics()) | {NO_METRIC}
    out: dict[str, Alias] = {}
    for r in _rows("metric_aliases.csv"):
        a = r["alias"].strip()
        if a in out:
            raise ValueError(f"metric_aliases.csv: duplicate alias {a!r}")
        if r["metric"] not in known:
            raise ValueError(f"metric_aliases.csv: alias {a!r} names unknown metric {r['metric']!r}")
        if r["kind"] not in ALIAS_KINDS:
            raise ValueError(f"metric_aliases.csv: alias {a!r} has unknown kind {r['kind']!r}")
        if (r.get("weak") or "") not in ("", "1"):
            raise ValueError(f"metric_aliases.csv: alias {a!r}: weak is 1 or empty, not {r['weak']!r}")
        out[a] = Alias(a, r["metric"], r["kind"], r.get("weak") == "1")
    return out


@lru_cache(maxsize=1)
def alias_regex() -> re.Pattern:
    """All aliases as one trie-shaped pattern; the longest alias at a position wins, so
    规模以上工业总产值 beats 总产值 and 产值. (A flat alternation of 200 words is tried word by
    word at every position; the trie shares prefixes and is several times faster.)"""
    words = set(aliases()) | {a.lower() for a in aliases()}
    return re.compile(trie_pattern(words))


def trie_pattern(words) -> str:
    """A regex matching any of `words`, longest first, built as a prefix tree."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node) -> str:
        ends_here = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends_here else body

    return build(trie)


@lru_cache(maxsize=1)
def units() -> dict[str, dict]:
    """Written unit -> canonical unit, factor, family, and the figure rule that matches it."""
    out = {}
    for r in _rows("units.csv"):
        if r["family"] not in UNIT_FAMILIES:
            raise ValueError(f"units.csv: unit {r['unit']!r} has unknown family {r['family']!r}")
        if r["unit"] in out:
            raise ValueError(f"units.csv: duplicate unit {r['unit']!r}")
        out[r["unit"]] = {"canonical": r["canonical"], "factor": float(r["factor"]), "family": r["family"],
                          "rule": r["rule"], "written": r.get("written") or re.escape(r["unit"]),
                          "default_metric": r.get("default_metric") or ""}
        if out[r["unit"]]["default_metric"] and out[r["unit"]]["default_metric"] not in metrics():
            raise ValueError(f"units.csv: unit {r['unit']!r} names unknown metric {r['default_metric']!r}")
    return out


@lru_cache(maxsize=1)
def default_metric_by_unit() -> dict[str, str]:
    """Canonical unit -> the metric a figure in it has when no word names one (亩: land_area)."""
    return {u["canonical"]: u["default_metric"] for u in units().values() if u["default_metric"]}


def unit_pattern(rule_id: str) -> str:
    """The units a figure rule matches, as one alternation (longest first, so 平方米 before 米):
    every row of units.csv whose `rule` is `rule_id`, written as its `written` column says
    (吨(?!级): a lookaround keeps 2000吨级泊位 out) or else literally."""
    rows = [u for u in units().values() if u["rule"] == rule_id]
    if not rows:
        raise ValueError(f"units.csv: no unit for rule {rule_id!r}")
    names = sorted((unit for unit, u in units().items() if u["rule"] == rule_id), key=len, reverse=True)
    return "|".join(units()[n]["written"] for n in names)


@lru_cache(maxsize=1)
def hedges() -> dict[str, tuple[str, str]]:
    return {r["written"]: (r["canonical"], r["position"]) for r in _rows("hedges.csv")}


@lru_cache(maxsize=1)
def hedge_before_regex() -> re.Pattern:
    words = sorted((w for w, (_, pos) in hedges().items() if pos == "before"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")[ \t]*$")


@lru_cache(maxsize=1)
def hedge_after_regex() -> re.Pattern:
    words = sorted((w for w, (_, pos) in hedges().items() if pos == "after"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")")  # used with .match(text, pos)


@lru_cache(maxsize=1)
def not_counted_regex() -> re.Pattern:
    words = sorted((r["noun"] for r in _rows("not_counted.csv")), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))
