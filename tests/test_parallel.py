"""Extraction on several processes gives the single-process table, row for row."""
from __future__ import annotations

import pandas as pd

from lib.api import extract_batch
from lib.scale import parallel
from tests.conftest import CORPUS


def test_two_processes_give_the_same_table_as_one(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)     # a small corpus would stay in-process
    monkeypatch.setattr(parallel, "MIN_CHUNK_BYTES", 5_000)    # several chunks of the 21 articles
    seen = []
    facts, errors = parallel.extract_parallel([CORPUS], jobs=2, progress=lambda done, total: seen.append((done, total)))
    expected, expected_errors = extract_batch([CORPUS])
    pd.testing.assert_frame_equal(facts, expected)
    assert errors == [] and expected_errors == []
    assert len(seen) > 2 and seen[-1][0] == seen[-1][1] > 0   # progress after each chunk, ending at 100 %


def test_a_small_batch_stays_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("no worker processes for a small batch")
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    facts, _ = parallel.extract_parallel([CORPUS], jobs=2)
    assert len(facts) > 100


def test_a_bad_file_costs_only_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    (tmp_path / "good.txt").write_text("2021年,全区实现地区生产总值100亿元。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    facts, errors = parallel.extract_parallel([tmp_path], jobs=2)
    assert facts["doc_id"].tolist() == ["good"]
    assert [e.name for e in errors] == [str(tmp_path / "empty.txt")]
