"""lib.evaluate agrees with the reference scorer (a copy in tests/reference/)."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from lib.evaluate import read_csv, read_texts, score
from tests.conftest import CORPUS, GOLD

REFERENCE = Path(__file__).parent / "reference" / "score_facts.py"


def _reference():
    spec = importlib.util.spec_from_file_location("score_facts", REFERENCE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _records(df):
    return [{k: ("" if v is None or str(v) == "<NA>" else str(v)) for k, v in r.items()}
            for r in df.astype(object).to_dict("records")]


@pytest.mark.parametrize("perturb", ["as-is", "drop-some", "wrong-fields"])
def test_scores_equal_the_reference(perturb, corpus_facts):
    pred = _records(corpus_facts)
    rng = random.Random(7)
    if perturb == "drop-some":
        pred = [p for p in pred if rng.random() > 0.3]
    elif perturb == "wrong-fields":
        for p in pred:
            if rng.random() < 0.3:
                p["metric"], p["year"] = "other", "1999"
    gold, texts = read_csv(GOLD / "seeds.csv") + read_csv(GOLD / "dev.csv"), read_texts(CORPUS)
    ours, *_ = score(pred, gold, texts)
    ref = _reference()
    gold_docs = {g["doc_id"] for g in gold}
    theirs, *_ = ref.score([p for p in pred if p["doc_id"] in gold_docs], gold, texts)
    assert ours == pytest.approx(theirs)
