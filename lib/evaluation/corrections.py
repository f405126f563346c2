"""Corrections: the analyst's review of extracted facts, kept as data beside the extraction.

The extraction output is never edited. A corrections table says, per reviewed figure, what
its fields should be (or that it is no fact), and, per article, which zone and year the
article is about. `apply()` lays it over a facts table; the result has a `reviewed` column.

Keys: a figure is found again by its article's content hash (so a renamed file keeps its
corrections, and a changed text does not inherit stale ones) and the figure's offsets.

Row kinds (`action`):
    confirm   the figure is right as extracted (its final values are written out anyway)
    correct   some fields differ; the row holds the figure's final values, and `changed` names
              the fields the analyst changed (only those are laid over the extraction, so an
              article-wide zone or year still reaches the figure's other fields)
    reject    no fact: the figure is dropped
    article   start = end = -1; `zone` and/or `year` set for the whole article: every figure
              whose zone came from the article (not named in its sentence or paragraph) takes
              the zone, every figure whose year came from the article's date takes the year

Because confirm and correct rows hold the final values, a corrections file is also a gold
table: `as_gold()` turns it into one (`python -m lib evaluate --gold corrections.csv`).
"""
from __future__ import annotations

import csv
import hashlib
import io
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

ACTIONS = ("confirm", "correct", "reject", "article")
FIELDS = ("zone", "year", "period", "metric", "measure", "status", "scope", "subject", "value", "unit",
          "qualifier")
COLUMNS = ["doc_hash", "doc_id", "start", "end", "action", *FIELDS, "changed", "quote", "reviewed_at"]
ARTICLE_ZONE_SOURCES = {"headline", "article", "manifest", ""}     # not named near the figure
ARTICLE_YEAR_SOURCES = {"article", "manifest", "url", "inferred", ""}


class CorrectionsError(ValueError):
    """A corrections file that cannot be used; the message says which row and why."""


def doc_hash(text: str) -> str:
    """The key of an article's text (16 hex digits of SHA-256)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def empty() -> pd.DataFrame:
    return pd.DataFrame(columns=COLUMNS).astype(str)


def read(source) -> pd.DataFrame:
    """A corrections CSV (path, bytes or text) -> validated frame; raises CorrectionsError."""
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8-sig")
    if isinstance(source, str) and "\n" not in source and Path(source).is_file():
        source = Path(source).read_text(encoding="utf-8-sig")
    try:
        df = pd.read_csv(io.StringIO(source), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CorrectionsError(f"不是可读的 CSV / not a readable CSV ({exc})") from None
    missing = [c for c in ("doc_hash", "start", "end", "action") if c not in df.columns]
    if missing:
        raise CorrectionsError(f"缺少列 {', '.join(missing)} / missing columns {', '.join(missing)}")
    for col in COLUMNS:
        if col not in df.columns:
            df[col] = ""
    for i, row in enumerate(df.itertuples(index=False), start=2):
        if row.action not in ACTIONS:
            raise CorrectionsError(f"第 {i} 行：未知操作 {row.action!r} / row {i}: unknown action")
        if not (row.start.lstrip("-").isdigit() and row.end.lstrip("-").isdigit()):
            raise CorrectionsError(f"第 {i} 行：位置不是整数 / row {i}: offsets are not integers")
        if row.year and not row.year.isdigit():
            raise CorrectionsError(f"第 {i} 行：年份不是整数 / row {i}: year is not an integer")
    return df[COLUMNS].reset_index(drop=True)


def to_csv(corrections: pd.DataFrame) -> bytes:
    return corrections[COLUMNS].to_csv(index=False).encode("utf-8-sig")


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def upsert(corrections: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    """Add rows, replacing earlier ones for the same article and offsets (the last word wins)."""
    new = pd.DataFrame([{c: "" if r.get(c) is None else str(r.get(c, "")) for c in COLUMNS} | {
        "reviewed_at": r.get("reviewed_at") or _now()} for r in rows], columns=COLUMNS)
    keys = set(zip(new["doc_hash"], new["start"], new["end"]))
    keep = [k not in keys for k in zip(corrections["doc_hash"], corrections["start"], corrections["end"])]
    return pd.concat([corrections[keep], new], ignore_index=True)[COLUMNS]


def figure_row(fact, doc_text: str, action: str, **changes) -> dict:
    """A confirm / correct / reject row for one extracted fact (a Series or row namedtuple)."""
    get = fact.get if hasattr(fact, "get") else lambda k, d=None: getattr(fact, k, d)
    row = {c: get(c, "") for c in FIELDS}
    row["year"] = _year_text(row.get("year"))
    if "year" in changes:
        changes["year"] = _year_text(changes["year"])
    changed = [k for k, v in changes.items() if str(v) != str(row.get(k, ""))]
    row.update(changes)
    row["changed"] = "|".join(changed)
    start, end = int(get("start")), int(get("end"))
    return {**row, "doc_hash": doc_hash(doc_text), "doc_id": get("doc_id"), "start": start, "end": end,
            "action": action, "quote": doc_text[max(0, start - 12):end]}


def _year_text(year) -> str:
    return "" if year is None or year == "" or pd.isna(year) else str(int(float(year)))


def article_row(doc_id: str, doc_text: str, zone: str = "", year: int | None = None) -> dict:
    return {"doc_hash": doc_hash(doc_text), "doc_id": doc_id, "start": -1, "end": -1, "action": "article",
            "zone": zone, "year": "" if year is None else str(int(year))}


def apply(facts: pd.DataFrame, texts: dict[str, str], corrections: pd.DataFrame) -> pd.DataFrame:
    """The facts as corrected, with a `reviewed` column; `texts` maps doc_id -> article text."""
    out = facts.copy()
    out["reviewed"] = False
    if corrections is None or corrections.empty or out.empty:
        return out
    hashes = out["doc_id"].map({d: doc_hash(t) for d, t in texts.items()})
    drop = pd.Series(False, index=out.index)
    for c in corrections[corrections["action"] == "article"].itertuples(index=False):
        mine = hashes == c.doc_hash
        if c.zone:
            hit = mine & out["zone_source"].isin(ARTICLE_ZONE_SOURCES)
            out.loc[hit, "zone"], out.loc[hit, "reviewed"] = c.zone, True
        if c.year:
            hit = mine & out["year_source"].isin(ARTICLE_YEAR_SOURCES)
            out.loc[hit, "year"], out.loc[hit, "reviewed"] = int(c.year), True
    position = {(h, s, e): i for i, h, s, e in zip(out.index, hashes, out["start"].astype(str),
                                                    out["end"].astype(str))}
    for c in corrections[corrections["action"] != "article"].itertuples(index=False):
        i = position.get((c.doc_hash, str(c.start), str(c.end)))
        if i is None:
            continue   # the article changed or is not loaded: the correction waits
        out.at[i, "reviewed"] = True
        if c.action == "reject":
            drop.at[i] = True
        elif c.action == "correct":
            for field in (c.changed.split("|") if c.changed else FIELDS):
                if field not in FIELDS:
                    continue
                value = getattr(c, field)
                if value == "":
                    continue
                out.at[i, field] = int(value) if field == "year" else float(value) if field == "value" else value
    out = out[~drop]
    out["year"] = pd.to_numeric(out["year"], errors="coerce").astype("Int64")
    return out.reset_index(drop=True)


def as_gold(corrections: pd.DataFrame) -> list[dict]:
    """Reviewed figures as gold rows (the gold tables' columns): what a team's review says."""
    rows = corrections[corrections["action"].isin(("confirm", "correct"))]
    return [{"doc_id": r.doc_id, "quote": r.quote, **{f: getattr(r, f) for f in FIELDS}}
            for r in rows.itertuples(index=False)]


def is_corrections_file(path) -> bool:
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f), [])
    return {"doc_hash", "action", "start", "end"} <= set(header)
