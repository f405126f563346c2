"""The facts table's columns (docs/spec/facts.md) and their declared schema (pandera)."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from lib.limits import FIRST_YEAR, LAST_YEAR, MAX_VALUE

FACT_COLUMNS = [
    "doc_id", "zone", "scope", "subject", "year", "period", "metric", "measure",
    "value", "unit", "qualifier", "status", "sentence", "start", "end", "rule",
    "zone_source", "year_source",   # added (the spec allows columns): the evidence of zone and year
]
ZONE_SOURCES = ["", "sentence", "paragraph", "headline", "article", "manifest"]
YEAR_SOURCES = ["", "sentence", "paragraph", "heading", "article", "manifest", "url", "inferred"]
PERIOD_PATTERN = r"^(year|H1|Q1|Q1-3|M1-\d{1,2}|since-\d{4}|multi-year)$"

FACTS_SCHEMA = pa.DataFrameSchema(
    {
        "doc_id": pa.Column(str, pa.Check.str_length(min_value=1)),
        "zone": pa.Column(str),
        "scope": pa.Column(str, pa.Check.isin(["zone", "sub"])),
        "subject": pa.Column(str),
        "year": pa.Column("Int64", pa.Check.in_range(FIRST_YEAR, LAST_YEAR), nullable=True),
        "period": pa.Column(str, pa.Check.str_matches(PERIOD_PATTERN)),
        "metric": pa.Column(str, pa.Check.str_matches(r"^[a-z_]+$")),
        "measure": pa.Column(str, pa.Check.isin(["level", "growth", "share", "change"])),
        "value": pa.Column(float, pa.Check.in_range(-MAX_VALUE, MAX_VALUE)),   # finite, bounded
        "unit": pa.Column(str, pa.Check.str_length(min_value=1)),
        "qualifier": pa.Column(str),
        "status": pa.Column(str, pa.Check.isin(["actual", "target"])),
        "sentence": pa.Column(str),
        "start": pa.Column("int64", pa.Check.ge(0)),
        "end": pa.Column("int64", pa.Check.ge(0)),
        "rule": pa.Column(str, pa.Check.str_length(min_value=1)),
        "zone_source": pa.Column(str, pa.Check.isin(ZONE_SOURCES)),
        "year_source": pa.Column(str, pa.Check.isin(YEAR_SOURCES)),
    },
    checks=pa.Check(lambda df: (df["end"] > df["start"]).all(), error="end must follow start"),
    strict=True,
    ordered=True,
)


def empty_facts() -> pd.DataFrame:
    return to_frame([])


def to_frame(rows: list[dict], validate: bool = True) -> pd.DataFrame:
    """Rows -> the facts DataFrame with the declared dtypes, validated (unless told not to).

    Built column by column (no intermediate 2-D object array): peak memory stays a small
    multiple of the table's own size."""
    columns = {}
    for col in FACT_COLUMNS:
        values = [r.get(col) for r in rows]
        if col == "year":
            columns[col] = pd.array(values, dtype="Int64")
        elif col in ("start", "end"):
            columns[col] = pd.array(values, dtype="int64")
        elif col == "value":
            columns[col] = pd.array(values, dtype="float64")
        else:
            columns[col] = pd.Series(["" if v is None else str(v) for v in values], dtype=str)
    frame = pd.DataFrame(columns)
    return FACTS_SCHEMA.validate(frame) if validate else frame
