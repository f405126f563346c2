"""Every figure rule's own examples and counter-examples, one test id per case."""
from __future__ import annotations

import pytest

from lib.extract import fact_rows
from lib.documents import Document
from lib.figures.find import find_figures
from lib.normalize import normalize
from lib.figures.rules import FIGURE_RULES, FRACTION_RULE, SHARED_UNIT_LIST_RULE, STRUCTURE_RULE

ALL_RULES = FIGURE_RULES + [FRACTION_RULE, SHARED_UNIT_LIST_RULE, STRUCTURE_RULE]
EXAMPLES = [pytest.param(rule.id, text, value, unit, id=f"{rule.id}:{text}")
            for rule in ALL_RULES for text, value, unit in rule.examples]
COUNTER = [pytest.param(rule.id, text, id=f"{rule.id}:not:{text}")
           for rule in ALL_RULES for text in rule.counter_examples]


def _facts(text: str) -> list[dict]:
    return fact_rows(Document(doc_id="t", text=text))


@pytest.mark.parametrize("rule_id,text,value,unit", EXAMPLES)
def test_rule_example_yields_its_figure(rule_id, text, value, unit):
    facts = _facts(text)
    hits = [f for f in facts if f["unit"] == unit and abs(f["value"] - value) <= 1e-6 * max(1, abs(value))]
    assert hits, f"{text!r}: expected {value} {unit}, got {[(f['value'], f['unit'], f['rule']) for f in facts]}"
    assert hits[0]["rule"] == rule_id


@pytest.mark.parametrize("rule_id,text", COUNTER)
def test_rule_counter_example_yields_no_figure(rule_id, text):
    figures = find_figures(normalize(text).text)
    facts = _facts(text)
    assert not facts, f"{text!r}: expected no fact, got {[(f['value'], f['unit']) for f in facts]} " \
                      f"(figures {[(f.value, f.unit) for f in figures]})"


def test_every_rule_has_examples():
    for rule in ALL_RULES:
        assert rule.examples, f"rule {rule.id} has no examples"
        assert rule.description


def test_rule_ids_are_unique():
    ids = [r.id for r in ALL_RULES]
    assert len(ids) == len(set(ids))
