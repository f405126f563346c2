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


def test_api_takes_text_paths_and_documents(tmp_path):
    from lib import Document, ReadError, extract_facts
    assert extract_facts(GOOD)["value"].tolist() == [88.5, 9.1]
    p = tmp_path / "a.txt"
    p.write_text(GOOD, encoding="utf-8")
    assert extract_facts(p)["doc_id"].unique().tolist() == ["a"]
    assert extract_facts([Document(doc_id="x", text=GOOD)])["doc_id"].unique().tolist() == ["x"]
    with pytest.raises(ReadError, match="missing.txt"):
        extract_facts(str(tmp_path / "missing.txt"))
