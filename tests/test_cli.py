"""python -m lib extract / evaluate, as a user runs them."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import CORPUS, GOLD, ROOT

GOOD = "2021年,芜湖经开区实现地区生产总值88.5亿元,同比增长9.1%。"


def run(*args):
    return subprocess.run([sys.executable, "-m", "lib", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("ext", ["csv", "parquet", "xlsx"])
def test_extract_writes_each_format(tmp_path, ext):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD.replace("88.5", "70"), encoding="gb18030")
    out = tmp_path / f"facts.{ext}"
    r = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    df = {"csv": pd.read_csv, "parquet": pd.read_parquet, "xlsx": pd.read_excel}[ext](out)
    assert sorted(df["doc_id"].unique()) == ["a", "b"]
    assert sorted(df.loc[df["measure"] == "level", "value"]) == [70.0, 88.5]
    assert set(df["zone"]) == {"芜湖经开区"}


def test_bad_file_is_named_and_the_rest_is_written(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"not a zip at all")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "facts.csv"
    r = run("extract", str(tmp_path), "-o", str(out))
    assert r.returncode == 1
    assert "broken.docx" in r.stderr and "empty.txt" in r.stderr
    assert len([line for line in r.stderr.splitlines() if line.startswith("error:")]) == 2
    df = pd.read_csv(out)
    assert set(df["doc_id"]) == {"good"}


def test_unknown_output_type_is_refused(tmp_path):
    r = run("extract", str(CORPUS), "-o", str(tmp_path / "facts.json"))
    assert r.returncode == 2 and "facts.json" in r.stderr


def test_evaluate_prints_the_reference_summary():
    r = run("evaluate", "--gold", str(GOLD / "seeds.csv"), "--docs", str(CORPUS))
    assert r.returncode == 0, r.stderr
    last = r.stdout.strip().splitlines()[-1]
    assert last.startswith("value_f1=") and "strict_f1=" in last
    value_f1 = float(last.split()[0].split("=")[1])
    assert value_f1 >= 0.97


# ------------------------------------------------------------------ errors, one line each

@pytest.mark.parametrize("output, reason", [
    ("missing/facts.csv", "does not exist"),
    ("out.csv", "is a folder"),          # a folder that happens to be named out.csv
    ("facts.json", "unknown output type"),
])
def test_output_path_is_checked_before_extracting(tmp_path, output, reason):
    (tmp_path / "out.csv").mkdir()
    r = run("extract", str(tmp_path / "never-read.txt"), "-o", str(tmp_path / output))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and reason in r.stderr and "never-read" not in r.stderr


def test_names_with_a_leading_dash_after_double_dash_and_help_says_so(tmp_path):
    (tmp_path / "-notes.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "facts.csv"
    r = subprocess.run([sys.executable, "-m", "lib", "extract", "-o", str(out), "--", "-notes.txt"],
                       cwd=tmp_path, env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert set(pd.read_csv(out)["doc_id"]) == {"'-notes"}  # quoted: a cell starting with - (OWASP)
    help_text = run("extract", "--help").stdout
    assert "-- -notes.txt" in help_text and "exit codes" in help_text


def test_unreadable_folder_says_it_cannot_be_read(tmp_path, monkeypatch, capsys):
    import os
    from lib.__main__ import main
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # root reads a chmod-000 folder anyway: refuse it as a user's OS would
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    locked.chmod(0)
    try:
        code = main(["extract", str(locked), "-o", str(tmp_path / "facts.csv")])
    finally:
        locked.chmod(0o755)
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[0] == f"error: {locked}: 无法读取（权限不足）/ cannot read (Permission denied)"
    assert "no supported files" not in err


def test_a_failing_write_is_one_line_not_a_traceback(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    full = tmp_path / "full.csv"
    full.symlink_to("/dev/full")  # every write fails: No space left on device
    r = run("extract", str(tmp_path / "a.txt"), "-o", str(full))
    assert r.returncode == 3
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    assert r.stderr.startswith("error: ") and "No space left on device" in r.stderr


def test_usage_errors_are_one_line():
    r = run("extract")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("error: ")
