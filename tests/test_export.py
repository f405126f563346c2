"""Spreadsheet formula injection: article text that starts like a formula is written as text
(OWASP CSV injection), by the CLI and by the dashboard's downloads; numbers stay numbers."""
from __future__ import annotations

import csv
import io
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from lib.export import neutralise_formulas
from tests.conftest import ROOT

EVIL = '=HYPERLINK("http://evil.example/x","增长5%")'
ARTICLE = ("2021年,芜湖经开区实现地区生产总值88.5亿元,同比增长9.1%。\n"
           f'{EVIL.replace("增长5%", "2022年芜湖经开区地区生产总值增长5%")}\n')


def test_text_cells_that_start_a_formula_get_a_quote():
    df = pd.DataFrame({"sentence": [EVIL, "+1", "-2", "@SUM(A1)", "\tx", "\rx", "增长5%", None],
                       "value": [1.0, -2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]})
    out = neutralise_formulas(df)
    assert out["sentence"].tolist()[:7] == ["'" + EVIL, "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "增长5%"]
    assert pd.isna(out["sentence"].iloc[7])
    assert out["value"].tolist() == df["value"].tolist() and out["value"].dtype == float
    assert df["sentence"].iloc[0] == EVIL  # the input is not changed


def _cli(tmp_path, ext):
    (tmp_path / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / f"facts.{ext}"
    r = subprocess.run([sys.executable, "-m", "lib", "extract", str(tmp_path / "evil.txt"), "-o", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return out


def _no_formula_cells(xlsx) -> list[str]:
    ws = openpyxl.load_workbook(xlsx).active
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    header = {c.value: c.column_letter for c in ws[1]}
    numbers = [c.value for c in cells if c.column_letter == header["value"] and c.row > 1]
    assert numbers and all(isinstance(v, (int, float)) for v in numbers)
    return [c.value for c in cells if isinstance(c.value, str)]


def test_cli_xlsx_has_no_live_formula(tmp_path):
    texts = _no_formula_cells(_cli(tmp_path, "xlsx"))
    assert any(t.startswith("'=HYPERLINK(") for t in texts)


def test_cli_csv_cells_never_start_with_a_formula_sign(tmp_path):
    out = _cli(tmp_path, "csv")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    cells = [cell for row in rows[1:] for col, cell in zip(header, row)
             if col not in ("value", "year", "start", "end")]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    values = pd.read_csv(out)["value"]
    assert values.dtype == float and 88.5 in values.tolist()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_dashboard_downloads_are_neutralised(kind):
    from dashboard import export
    df = pd.DataFrame({"doc_id": ["a"], "sentence": [EVIL], "value": [5.0], "year": [2022]})
    if kind == "csv":
        back = pd.read_csv(io.BytesIO(export.csv_bytes(df)))
    else:
        xlsx = export.xlsx_bytes(df)
        cells = [c for row in openpyxl.load_workbook(io.BytesIO(xlsx)).active.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        back = pd.read_excel(io.BytesIO(xlsx))
    assert back["sentence"].iloc[0] == "'" + EVIL
    assert back["value"].iloc[0] == 5.0 and back["year"].iloc[0] == 2022
