"""Writing the facts table: CSV, Excel and Parquet, with spreadsheet formulas neutralised.

Article text lands in cells (`sentence`, `subject`, `zone`...). A line such as
`=HYPERLINK("http://evil.example/x","增长5%")` would be a live formula when the CSV or Excel
file is opened in a spreadsheet. Following OWASP's advice on CSV injection, a text cell that
starts with = + - @, a tab or a carriage return gets a leading single quote, so the
spreadsheet shows it as text. Only text cells change: numeric columns (value, year, start,
end) stay numbers. Parquet is a data format that no spreadsheet evaluates: written as is.

    neutralise_formulas(df) -> df        a copy with such text cells quoted
    csv_bytes(df) / xlsx_bytes(df) / parquet_bytes(df) -> bytes
    write_table(df, path)                by the path's extension (WRITERS)
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_text(value):
    """'=1+2' -> "'=1+2"; any other value (numbers, NaN, safe text) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of df in which every text cell a spreadsheet would evaluate is quoted."""
    out = df.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        out[column] = series.map(neutralise_text, na_action="ignore")
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (Excel then reads the Chinese correctly), formulas neutralised."""
    return neutralise_formulas(df).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(df: pd.DataFrame, sheet_name: str = "facts") -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        neutralise_formulas(df).to_excel(writer, index=False, sheet_name=sheet_name)
    return buf.getvalue()


def parquet_bytes(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()


WRITERS = {".csv": csv_bytes, ".xlsx": xlsx_bytes, ".parquet": parquet_bytes}


def write_table(df: pd.DataFrame, path: str | Path) -> None:
    """Write df by the extension of path (one of WRITERS); the bytes are built first, so a
    failure never leaves a half-written file behind."""
    path = Path(path)
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"{path}: unknown output type; use one of {', '.join(WRITERS)}")
    path.write_bytes(writer(df))
