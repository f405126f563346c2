"""Shared fixtures: the bundled corpus and its gold tables (copied from the spec folder)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_facts():
    """The facts of the bundled corpus, extracted once for the whole session."""
    from lib import extract_facts
    return extract_facts(CORPUS)
