"""Integrity of the reference tables and the declared schema."""
from __future__ import annotations

import pandas as pd
import pandera.errors
import pytest

from lib import FACT_COLUMNS, FACTS_SCHEMA
from lib.reference import lexicon
from lib.schema import to_frame

SPEC_METRICS = ["gdp", "budget_revenue", "tax_revenue", "industrial_output", "industrial_value_added",
                "high_tech_output", "operating_revenue", "profit", "fixed_asset_investment",
                "project_investment", "tech_renovation_investment", "foreign_investment", "foreign_trade",
                "financing", "retail_sales", "spending", "project_count", "enterprise_count", "patent_count",
                "talent_count", "platform_count", "land_area", "floor_area", "infrastructure", "energy_use",
                "freight", "other"]
SPEC_QUALIFIERS = {"以上", "余", "多", "约", "近", "超", "达", "过", "至少", "不低于"}


def test_every_spec_metric_is_known_with_a_chinese_label():
    labels = lexicon.metric_labels()
    for key in SPEC_METRICS:
        assert key in labels and labels[key], key


def test_every_metric_has_at_least_one_alias_or_is_other():
    named = {a.metric for a in lexicon.aliases().values()}
    missing = [k for k in SPEC_METRICS if k not in named and k != "other"]
    assert not missing


def test_hedges_are_canonical():
    assert {canonical for canonical, _ in lexicon.hedges().values()} <= SPEC_QUALIFIERS


def test_units_have_known_families():
    families = {u["family"] for u in lexicon.units().values()}
    assert families <= {"money_cny", "money_usd", "money_eur", "money_hkd", "percent", "points", "area",
                        "volume", "mass", "length", "energy"}


def test_schema_columns_follow_the_spec():
    assert FACT_COLUMNS == list(FACTS_SCHEMA.columns)


def _row(**over):
    row = dict(doc_id="d", zone="z", scope="zone", subject="", year=2020, period="year", metric="gdp",
               measure="level", value=1.0, unit="亿元", qualifier="", status="actual", sentence="s",
               start=0, end=3, rule="money")
    row.update(over)
    return row


@pytest.mark.parametrize("bad", [dict(measure="total"), dict(status="maybe"), dict(period="Q5"),
                                 dict(scope="all"), dict(start=5, end=3), dict(year=1800),
                                 dict(value=float("inf")), dict(value=float("nan")), dict(value=1e16),
                                 dict(zone_source="guess"), dict(year_source="rumour")])
def test_schema_rejects_bad_rows(bad):
    with pytest.raises(pandera.errors.SchemaError):
        to_frame([_row(**bad)])


def test_schema_accepts_a_good_row_and_an_unknown_year():
    df = to_frame([_row(), _row(year=None, zone_source="headline", year_source="url")])
    assert df["year"].isna().tolist() == [False, True]
    assert df["zone_source"].tolist() == ["", "headline"]   # a missing evidence column reads as ""


@pytest.mark.parametrize("table, row, message", [
    ("metric_aliases.csv", {"alias": "某某收入", "metric": "no_such_metric", "kind": "money", "weak": ""}, "unknown metric"),
    ("metric_aliases.csv", {"alias": "某某收入", "metric": "gdp", "kind": "moneys", "weak": ""}, "unknown kind"),
    ("metric_aliases.csv", {"alias": "某某收入", "metric": "gdp", "kind": "money", "weak": "yes"}, "weak is 1"),
    ("units.csv", {"unit": "斤", "canonical": "吨", "factor": "0.0005", "family": "weight", "rule": "physical",
                   "written": "", "default_metric": ""}, "unknown family"),
    ("units.csv", {"unit": "斤", "canonical": "吨", "factor": "0.0005", "family": "mass", "rule": "physical",
                   "written": "", "default_metric": "no_such_metric"}, "unknown metric"),
])
def test_a_bad_row_fails_at_load_naming_the_table(monkeypatch, table, row, message):
    from lib.reference import lexicon
    rows = lexicon._rows

    def with_bad_row(name):
        return rows(name) + ([row] if name == table else [])
    monkeypatch.setattr(lexicon, "_rows", with_bad_row)
    for cached in (lexicon.aliases, lexicon.units):
        cached.cache_clear()
    try:
        with pytest.raises(ValueError, match=f"{table}.*{message}"):
            lexicon.aliases() if table == "metric_aliases.csv" else lexicon.units()
    finally:
        monkeypatch.undo()
        for cached in (lexicon.aliases, lexicon.units):
            cached.cache_clear()


def _alias_examples():
    import csv
    from lib.reference.lexicon import DATA
    with open(DATA / "metric_aliases.csv", encoding="utf-8") as f:
        return [(r["alias"], r["metric"], r["example"]) for r in csv.DictReader(f) if r.get("example")]


@pytest.mark.parametrize("alias, metric, example", [pytest.param(*r, id=r[0]) for r in _alias_examples()])
def test_an_alias_example_gives_its_metric(alias, metric, example):
    import lib
    assert alias in example
    assert metric in set(lib.extract_text(example, doc_id="a")["metric"]), example


def test_some_aliases_carry_examples():
    assert len(_alias_examples()) >= 10
