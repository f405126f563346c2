"""Every named pattern's examples are found and its counter-examples are not (one test id each)."""
from __future__ import annotations

import pytest

import lib.extract  # noqa: F401  (imports every stage, which registers its patterns)
from lib.patterns import REGISTRY, named

EXAMPLES = [pytest.param(p.id, text, id=f"{p.id}:{text}") for p in REGISTRY.values() for text in p.examples]
COUNTER = [pytest.param(p.id, text, id=f"{p.id}:not:{text}")
           for p in REGISTRY.values() for text in p.counter_examples]


@pytest.mark.parametrize("pattern_id,text", EXAMPLES)
def test_pattern_finds_its_example(pattern_id, text):
    assert REGISTRY[pattern_id].compiled.search(text), f"{pattern_id} should find something in {text!r}"


@pytest.mark.parametrize("pattern_id,text", COUNTER)
def test_pattern_finds_nothing_in_its_counter_example(pattern_id, text):
    found = REGISTRY[pattern_id].compiled.search(text)
    assert not found, f"{pattern_id} found {found.group()!r} in {text!r}"


def test_every_pattern_is_documented_and_an_id_is_used_once():
    assert REGISTRY, "no named patterns registered"
    for p in REGISTRY.values():
        assert p.description and p.examples, p.id
    with pytest.raises(ValueError, match="defined twice"):
        named(next(iter(REGISTRY)), "again", "x", examples=["x"])
