"""lib.evaluation.evaluate gives the reference scorer's numbers (lib/evaluation/reference_scorer.py, its one copy),
whether the facts come as a typed DataFrame or as the CSV the scorer's own command reads."""
from __future__ import annotations

import contextlib
import io
import random

import pytest

from lib.evaluation import reference_scorer
from lib.evaluation.evaluate import format_report, read_csv, read_texts, score
from lib.export import write_table
from tests.conftest import CORPUS, GOLD


def _perturbed(facts, perturb: str):
    df = facts.copy()
    rng = random.Random(7)
    if perturb == "drop-some":
        df = df[[rng.random() > 0.3 for _ in range(len(df))]]
    elif perturb == "wrong-fields":
        wrong = [rng.random() < 0.3 for _ in range(len(df))]
        df.loc[wrong, "metric"] = "other"
        df.loc[wrong, "year"] = 1999
    return df


def _scorer_command(pred_csv, gold_csv) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert reference_scorer.main([str(pred_csv), str(gold_csv), str(CORPUS), "--errors", "5"]) == 0
    return out.getvalue()


@pytest.mark.parametrize("perturb", ["as-is", "drop-some", "wrong-fields"])
def test_typed_facts_score_as_their_csv_does_with_the_scorer_command(perturb, corpus_facts, tmp_path):
    facts = _perturbed(corpus_facts, perturb)
    pred_csv = tmp_path / "pred.csv"
    write_table(facts, pred_csv)
    gold = read_csv(GOLD / "dev.csv")
    ours, pairs, missed, spurious = score(facts.to_dict("records"), gold, read_texts(CORPUS))
    from_csv, *_ = score(read_csv(pred_csv), gold, read_texts(CORPUS))
    assert ours == pytest.approx(from_csv)
    # the last line of our report is the scorer command's summary line, number for number
    summary = format_report(ours, pairs, missed, spurious).splitlines()[-1]
    assert summary == _scorer_command(pred_csv, GOLD / "dev.csv").strip().splitlines()[-1]
    if perturb == "wrong-fields":
        assert ours["strict_f1"] < 0.9   # the perturbation is seen


def test_predictions_of_other_documents_do_not_count():
    gold = [{"doc_id": "a", "quote": "100亿元", "value": "100", "unit": "亿元", "metric": "gdp"}]
    pred = [{"doc_id": "a", "value": 100.0, "unit": "亿元", "metric": "gdp", "start": 0, "year": None},
            {"doc_id": "b", "value": 5.0, "unit": "%", "metric": "gdp", "start": 0, "year": None}]
    out, *_ = score(pred, gold, {"a": "100亿元"})
    assert out["pred"] == 1 and out["value_f1"] == 1.0
