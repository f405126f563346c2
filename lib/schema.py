"""The facts table's columns (spec FACTS.md) and their declared schema (pandera)."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

FACT_COLUMNS = [
    "doc_id", "zone", "scope", "subject", "year", "period", "metric", "measure",
    "value", "unit", "qualifier", "status", "sentence", "start", "end", "rule",
]
PERIOD_PATTERN = r"^(year|H1|Q1|Q1-3|M1-\d{1,2}|since-\d{4}|multi-year)$"

FACTS_SCHEMA = pa.DataFrameSchema(
    {
        "doc_id": pa.Column(str, pa.Check.str_length(min_value=1)),
        "zone": pa.Column(str),
        "scope": pa.Column(str, pa.Check.isin(["zone", "sub"])),
        "subject": pa.Column(str),
        "year": pa.Column("Int64", pa.Check.in_range(1949, 2100), nullable=True),
        "period": pa.Column(str, pa.Check.str_matches(PERIOD_PATTERN)),
        "metric": pa.Column(str, pa.Check.str_matches(r"^[a-z_]+$")),
        "measure": pa.Column(str, pa.Check.isin(["level", "growth", "share", "change"])),
        "value": pa.Column(float),
        "unit": pa.Column(str, pa.Check.str_length(min_value=1)),
        "qualifier": pa.Column(str),
        "status": pa.Column(str, pa.Check.isin(["actual", "target"])),
        "sentence": pa.Column(str),
        "start": pa.Column("int64", pa.Check.ge(0)),
        "end": pa.Column("int64", pa.Check.ge(0)),
        "rule": pa.Column(str, pa.Check.str_length(min_value=1)),
    },
    checks=pa.Check(lambda df: (df["end"] > df["start"]).all(), error="end must follow start"),
    strict=True,
    ordered=True,
)


def empty_facts() -> pd.DataFrame:
    return to_frame([])


def to_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows -> the facts DataFrame with the declared dtypes, validated."""
    df = pd.DataFrame(rows, columns=FACT_COLUMNS)
    for col in FACT_COLUMNS:
        if col in ("year",):
            df[col] = pd.array(df[col].tolist(), dtype="Int64")
        elif col in ("start", "end"):
            df[col] = df[col].astype("int64")
        elif col == "value":
            df[col] = df[col].astype(float)
        else:
            df[col] = df[col].fillna("").astype(str)
    return FACTS_SCHEMA.validate(df)
