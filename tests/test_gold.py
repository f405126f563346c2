"""The extractor scored on the bundled gold tables (floors at the acceptance figures).

The seeds' and dev's gold were copied from the spec folder into tests/gold/. Scores come
from lib.evaluate, which tests/test_evaluate.py checks against the reference scorer.
"""
from __future__ import annotations

import pytest

from lib.evaluate import read_csv, read_texts, score
from tests.conftest import CORPUS, GOLD

FLOORS = {
    "seeds": {"value_f1": 0.97, "strict_f1": 0.85, "zone_acc": 0.97, "year_acc": 0.95},
    "dev": {"value_f1": 0.95, "strict_f1": 0.80},
}


def _records(df):
    return df.astype(object).where(df.notna(), "").to_dict("records")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_floors(name, corpus_facts):
    out, *_ = score(_records(corpus_facts), read_csv(GOLD / f"{name}.csv"), read_texts(CORPUS))
    for key, floor in FLOORS[name].items():
        assert out[key] >= floor, f"{name}: {key} {out[key]:.3f} < {floor}"


def test_dev_without_manifest_still_finds_the_figures(tmp_path):
    """A user's folder has no manifest: values are found, zones inferred from the text."""
    from lib import extract_facts
    for p in CORPUS.glob("*.txt"):
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    df = extract_facts(tmp_path)
    out, *_ = score(_records(df), read_csv(GOLD / "all.csv"), read_texts(CORPUS))
    assert out["value_f1"] >= 0.95
    assert out["zone_acc"] >= 0.85
    assert out["metric_acc"] >= 0.9


SYNTHETIC = CORPUS.parent.parent / "tests" / "synthetic"


def test_synthetic_articles_written_apart_from_the_rules():
    """Articles written from FACTS.md by someone who had not read lib/ (invented figures,
    real zone names; tests/synthetic/): a regression check, not a claim about real pages."""
    from lib import extract_facts
    df = extract_facts(SYNTHETIC)
    out, *_ = score(_records(df), read_csv(GOLD / "synthetic.csv"), read_texts(SYNTHETIC))
    assert out["value_f1"] >= 0.97
    assert out["strict_f1"] >= 0.90
    assert out["zone_acc"] >= 0.97
