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


@pytest.fixture(scope="session")
def fact_cache_dir(tmp_path_factory):
    """One facts cache for the session's dashboard runs (lib/scale/fact_cache.py), outside the repository."""
    return tmp_path_factory.mktemp("fact-cache")


@pytest.fixture(autouse=True)
def private_stores(tmp_path, monkeypatch, fact_cache_dir):
    """Workspaces, corrections and cached facts written by a test go to temporary folders, never
    into the repository's data/ or the user's home."""
    monkeypatch.setenv("ZM_WORKSPACES", str(tmp_path / "workspaces"))
    monkeypatch.setenv("ZM_FACT_CACHE", str(fact_cache_dir))
    from dashboard import state
    monkeypatch.setattr(state, "CORRECTIONS_FILE", tmp_path / "corrections.csv")
