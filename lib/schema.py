"""The facts table's columns (spec FACTS.md) and their declared schema."""
from __future__ import annotations

FACT_COLUMNS = [
    "doc_id", "zone", "scope", "subject", "year", "period", "metric", "measure",
    "value", "unit", "qualifier", "status", "sentence", "start", "end", "rule",
]
