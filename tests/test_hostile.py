"""Hostile and unlucky inputs: every one ends as facts or as one named error for its own
document, in bounded time and with memory linear in the text.

The inputs are those of scripts/bench_hostile.py (which prints time and peak memory at 1 MB);
here they run at 100 KB with a generous bound, so that a quadratic or exponential pattern
(which took 10-90 s at this size before) fails the suite, not a slow machine.
"""
from __future__ import annotations

import math
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lib
from lib.documents import Document
from lib.limits import EXCERPT_CHARS, FIRST_YEAR, LAST_YEAR, MAX_FIGURES_PER_SENTENCE, MAX_SENTENCE_CHARS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import bench_hostile  # noqa: E402

CHARS_100KB = 100 * 1024 // 3
GENEROUS_SECONDS = 8.0      # each input takes 0.01-0.3 s here; the quadratic code took 10-90 s
HOSTILE = bench_hostile.inputs(CHARS_100KB)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_bounded_and_valid(name):
    text = HOSTILE[name]
    t0 = time.perf_counter()
    facts, errors = lib.extract_batch([Document(doc_id=name, text=text)])
    elapsed = time.perf_counter() - t0
    assert elapsed < GENEROUS_SECONDS, f"{name}: {elapsed:.1f} s"
    assert len(errors) <= 1
    if errors:
        assert facts.empty and errors[0].name == name and " / " in errors[0].reason  # Chinese / English
    years = facts["year"].dropna()
    assert years.between(FIRST_YEAR, LAST_YEAR).all()
    assert all(math.isfinite(v) for v in facts["value"])
    # memory linear in the text: no row carries more than a capped sentence
    assert (facts["sentence"].str.len() <= MAX_SENTENCE_CHARS + 2).all()
    assert facts["sentence"].str.len().sum() <= (2 * EXCERPT_CHARS + 40) * max(1, len(facts))


def test_years_before_1949_and_without_digit_boundaries_are_no_years(tmp_path):
    facts = lib.extract_text("1948年，全区实现工业产值5亿元。\n361900年，产值6亿元。\n12023年，产值7亿元。", doc_id="y")
    assert facts["value"].tolist() == [5.0, 6.0, 7.0]
    assert not facts["year"].isin([1948, 1900, 2023]).any()


def test_cli_writes_the_good_file_beside_a_file_with_an_old_year(tmp_path):
    (tmp_path / "a.txt").write_text("1948年，全区实现工业产值5亿元。\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("2021年,芜湖经开区实现地区生产总值88.5亿元,同比增长9.1%。", encoding="utf-8")
    out = tmp_path / "o.csv"
    run = subprocess.run([sys.executable, "-m", "lib", "extract", str(tmp_path / "a.txt"),
                          str(tmp_path / "good.txt"), "-o", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    written = out.read_text(encoding="utf-8")
    assert "88.5" in written and ",5.0," in written


def test_a_run_of_digits_is_no_infinite_amount():
    facts = lib.extract_text("产值" + "9" * 400 + "亿元。产值12亿元。", doc_id="d")
    assert facts["value"].tolist() == [12.0]


def test_chinese_numeral_runs_are_linear():
    """'一' * 20000 took 39 s (backtracking at every position of the run)."""
    t0 = time.perf_counter()
    lib.extract_text("一" * 20000 + "亿元", doc_id="n")
    assert time.perf_counter() - t0 < GENEROUS_SECONDS


def test_too_many_figures_in_one_sentence_is_that_documents_named_error():
    dump = Document(doc_id="dump", text="园区企业产值增长5%，" * (MAX_FIGURES_PER_SENTENCE + 1))
    good = Document(doc_id="good", text="2021年全区地区生产总值88.5亿元。")
    facts, errors = lib.extract_batch([dump, good])
    assert facts["doc_id"].unique().tolist() == ["good"]
    assert [e.name for e in errors] == ["dump"]
    assert f"{MAX_FIGURES_PER_SENTENCE}" in errors[0].reason and "figures" in errors[0].reason


def test_a_long_sentence_is_stored_as_an_excerpt_around_each_figure():
    filler = "园区持续优化营商环境" * 60        # 600 characters of words
    text = f"2021年{filler}全区实现产值12亿元{filler}税收3亿元。"
    facts = lib.extract_text(text, doc_id="long")
    assert facts["value"].tolist() == [12.0, 3.0]
    for sentence, start, end in zip(facts["sentence"], facts["start"], facts["end"]):
        assert text[start:end] in sentence and len(sentence) <= 2 * EXCERPT_CHARS + 10
