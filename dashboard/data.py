"""The dashboard's data as pure DataFrame functions: normalising, filtering, folding, options.

No Streamlit here (the benchmark and the tests call these without a runtime); what lives in a
session — the cached corpus, uploads, corrections, the session keys — is dashboard/state.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

import lib
from dashboard import labels
from dashboard.labels import fmt_value

ROOT = Path(__file__).resolve().parent.parent

# Repeats of one figure in one article (title + body) are one bar/point in charts; the value is
# compared to 3 significant digits, so 402亿元 and 402.4亿元 in one article are one figure.
FOLD_KEYS = ["doc_id", "zone", "metric", "measure", "year", "period", "status", "_same_value"]
FOLD_COLUMNS = FOLD_KEYS[:-1] + ["value"]   # the columns fold() reads
# What a chart bar stands for: two articles giving different values for it are in conflict.
BAR_KEYS = ["zone", "year", "period", "metric", "measure", "status", "unit"]
TEXT_COLUMNS = ["doc_id", "zone", "scope", "subject", "period", "metric", "measure", "unit",
                "qualifier", "status", "sentence", "rule", "zone_source", "year_source"]


@dataclass(frozen=True)
class Filters:
    """The sidebar's choices; empty tuples and "" mean "no restriction"."""
    zones: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    metric: str = ""
    measure: str = "level"
    statuses: tuple[str, ...] = ("actual", "target")
    scope: str = "zone"  # zone | sub | all


@dataclass
class AppData:
    """What every page reads: documents by id, the facts table, files that failed to read."""
    docs: dict = field(default_factory=dict)
    facts: pd.DataFrame = field(default_factory=pd.DataFrame)
    errors: list = field(default_factory=list)


def normalise(facts: pd.DataFrame) -> pd.DataFrame:
    """One dtype per column whatever the extractor returned (empty text = "", year = Int64)."""
    df = facts.reindex(columns=list(lib.FACT_COLUMNS)).copy()
    for col in TEXT_COLUMNS:
        df[col] = _one_chunk(df[col].fillna("").astype(str))
    df["year"] = pd.to_numeric(df["year"], errors="coerce").astype("Int64")
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype(float)
    for col in ("start", "end"):
        df[col] = pd.to_numeric(df[col], errors="coerce").fillna(-1).astype(int)
    df["reviewed"] = False   # set by the visitor's corrections (lib/evaluation/corrections.py)
    return df.reset_index(drop=True)


def _one_chunk(text: pd.Series) -> pd.Series:
    """The column as one Arrow array: a table concatenated from many articles holds
    thousands of chunks, and selecting rows from those is ~10x slower (same values, same dtype)."""
    if not hasattr(text.array, "__arrow_array__"):
        return text   # not Arrow-backed (object strings): nothing to merge
    merged = pa.chunked_array(text.array.__arrow_array__()).combine_chunks()
    return pd.Series(pd.array(merged, dtype=text.dtype), index=text.index, name=text.name)


def corpus_fingerprint(folder: Path) -> str:
    """Changes when a corpus file or the extractor's code changes: the cache key."""
    parts = []
    code = [p for p in (ROOT / "lib").rglob("*") if p.suffix in (".py", ".csv", ".txt")]
    code.append(Path(__file__))  # normalise() lives here
    for p in sorted(list(Path(folder).glob("*")) + code):
        if p.is_file():
            s = p.stat()
            parts.append(f"{p.name}:{s.st_size}:{s.st_mtime_ns}")
    return "|".join(parts)


# ---------------------------------------------------------------- filtering and folding

def filter_facts(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """Rows matching the sidebar (not folded: the tables show every mention)."""
    return df[filter_mask(df, f)]


def filter_mask(df: pd.DataFrame, f: Filters) -> np.ndarray:
    """Which rows match the sidebar, one boolean per row."""
    mask = np.ones(len(df), dtype=bool)
    if f.zones:
        mask &= np.asarray(df["zone"].isin(f.zones), dtype=bool)
    if f.years:
        mask &= np.asarray(df["year"].isin(f.years).fillna(False), dtype=bool)
    if f.metric:
        mask &= np.asarray(df["metric"] == f.metric, dtype=bool)
    if f.measure:
        mask &= np.asarray(df["measure"] == f.measure, dtype=bool)
    if f.statuses:
        mask &= np.asarray(df["status"].isin(f.statuses), dtype=bool)
    if f.scope in ("zone", "sub"):
        mask &= np.asarray(df["scope"] == f.scope, dtype=bool)
    return mask


def without_metric(f: Filters) -> Filters:
    """The same view over every metric and measure (Overview's coverage)."""
    return replace(f, metric="", measure="")


def fold(df: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct figure of an article; `mentions` says how often it was stated."""
    if df.empty:
        return df.assign(mentions=pd.Series(dtype=int))
    rows, mentions = fold_rows(df)
    return df.iloc[rows].assign(mentions=mentions).sort_index()


def fold_rows(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """fold() as row positions: the row kept for each figure (in row order) and its mentions."""
    if df.empty:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    keys = df[FOLD_COLUMNS].assign(_same_value=same_value(df["value"]))
    group = keys.groupby(FOLD_KEYS, dropna=False, sort=False).ngroup().to_numpy()
    # the most precise writing of the figure stays (ties: the first one): sort the row positions
    # by group, then precision (most decimals first); lexsort is stable, so row order breaks ties
    order = np.lexsort((-_per_distinct(df["value"], _decimals), group))
    firsts = np.sort(order[np.r_[True, group[order][1:] != group[order][:-1]]])
    return firsts, np.bincount(group)[group[firsts]]


def fold_in_scope(df: pd.DataFrame, scope: str) -> tuple[np.ndarray, np.ndarray]:
    """fold_rows() of the facts in a scope ("zone", "sub" or "all"), as positions in df."""
    inside = np.flatnonzero(filter_mask(df, Filters(statuses=(), measure="", scope=scope)))
    rows, mentions = fold_rows(df[FOLD_COLUMNS].iloc[inside])
    return inside[rows], mentions


def folded_view(df: pd.DataFrame, f: Filters, folding: tuple[np.ndarray, np.ndarray],
                columns: list[str] | None = None) -> pd.DataFrame:
    """fold(filter_facts(df, f)) [its `columns` and mentions] from folding = fold_in_scope(df,
    f.scope): zone, year, metric, measure and status are fold keys, so those filters keep or
    drop whole figures, and picking the folded rows that match gives the same table."""
    rows, mentions = folding
    keep = filter_mask(df, replace(f, scope="all"))[rows]
    picked = df if columns is None else df[columns]
    return picked.iloc[rows[keep]].assign(mentions=mentions[keep]).sort_index()


def _per_distinct(values: pd.Series, fn) -> np.ndarray:
    """fn of each value, called once per distinct value (a million facts hold few)."""
    codes, distinct = pd.factorize(values, use_na_sentinel=False)
    return np.asarray([fn(v) for v in distinct])[codes]


def same_value(values: pd.Series) -> pd.Series:
    """Values rounded to 3 significant digits: the key under which 402 and 402.4 are one."""
    rounded = _per_distinct(values, lambda v: v if pd.isna(v) or v == 0 else float(f"{v:.3g}"))
    return pd.Series(rounded, index=values.index, name=values.name, dtype=float)


def _decimals(v) -> int:
    text = f"{v:.10g}" if not pd.isna(v) else ""
    return len(text.split(".")[1]) if "." in text else 0


def conflicts(folded: pd.DataFrame) -> pd.DataFrame:
    """Folded figures that share a bar (zone, year, period, metric, measure, status, unit) with
    a different value from another article; `conflict` numbers the groups."""
    d = folded.dropna(subset=["year"])
    if d.empty:
        return d.assign(conflict=pd.Series(dtype=int))
    d = d.assign(_v=same_value(d["value"]))
    groups = d.groupby(BAR_KEYS, dropna=False)
    clash = groups["_v"].transform("nunique").gt(1) & groups["doc_id"].transform("nunique").gt(1)
    d = d[clash]
    if d.empty:
        return d.drop(columns="_v").assign(conflict=pd.Series(dtype=int))
    return d.drop(columns="_v").assign(conflict=d.groupby(BAR_KEYS, dropna=False).ngroup())


def main_unit(df: pd.DataFrame) -> str:
    """The most common unit: one chart plots one unit (亿元 and 亿美元 don't share an axis)."""
    return df["unit"].mode().iat[0] if not df.empty else ""


def search(df: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows whose sentence, zone, subject, metric (key or label) or article contain query."""
    q = query.strip()
    if not q:
        return df
    names = {k: v for k, v in labels.metric_labels().items() if q.lower() in v.lower()}
    hit = df["metric"].isin(names) | df["metric"].str.contains(q, case=False, regex=False)
    for col in ("sentence", "zone", "subject", "doc_id"):
        hit |= df[col].str.contains(q, case=False, regex=False)
    return df[hit]


# ---------------------------------------------------------------- sidebar choices

def zone_options(df: pd.DataFrame) -> list[str]:
    return sorted(z for z in df["zone"].unique() if z)


def year_options(df: pd.DataFrame) -> list[int]:
    return sorted(int(y) for y in df["year"].dropna().unique())


def metric_options(df: pd.DataFrame) -> list[str]:
    """Metrics in the data, in metrics.csv order (keys unknown to it at the end)."""
    order = list(labels.metric_labels())
    present = set(df["metric"].unique()) - {""}
    return [m for m in order if m in present] + sorted(present - set(order))


def default_metric(df: pd.DataFrame) -> str:
    """A useful first chart: the first headline metric (GDP, revenue…) that at least three
    zones report as a whole-zone level; failing that, the metric most zones report."""
    df = df[["metric", "zone", "measure", "scope"]]   # not the sentences: a cheap row selection
    d = df[(df["measure"] == "level") & (df["scope"] == "zone") & (df["metric"] != "other")]
    if d.empty:
        d = df
    if d.empty:
        return ""
    zones = d.groupby("metric")["zone"].nunique()
    for metric in labels.HEADLINE:
        if zones.get(metric, 0) >= 3:
            return metric
    return zones.sort_values(ascending=False, kind="stable").index[0]


# ---------------------------------------------------------------- overview tables

def coverage(folded: pd.DataFrame) -> pd.DataFrame:
    """Zone x metric label: how many distinct figures (0 = none)."""
    if folded.empty:
        return pd.DataFrame()
    order = [m for m in metric_options(folded)]
    # pd.crosstab's table, counted with groupby.size (crosstab counts group by group in Python)
    table = folded.groupby(["zone", "metric"]).size().unstack(fill_value=0)
    table = table.reindex(columns=order, fill_value=0)
    table.columns = [labels.metric(m) for m in table.columns]
    return table


def latest_values(folded: pd.DataFrame, metrics: list[str] = labels.HEADLINE) -> pd.DataFrame:
    """Zone x headline metric: the latest actual whole-year level, e.g. "365亿元 (2018)"."""
    d = folded[folded["metric"].isin(metrics) & (folded["measure"] == "level")
               & (folded["status"] == "actual") & folded["year"].notna()]
    if d.empty:
        return pd.DataFrame()
    d = d.assign(_whole=(d["period"] == "year").astype(int),
                 _p=d["period"].map({p: labels.period_order(p) for p in d["period"].unique()}))
    # Latest year first; within it a whole-year figure beats a part-year one.
    d = d.sort_values(["year", "_whole", "_p"]).groupby(["zone", "metric"]).tail(1)
    cell = [f"{fmt_value(v, u, q)}（{y}{'' if p == 'year' else labels.period(p)}）"
            for v, u, q, y, p in zip(d["value"], d["unit"], d["qualifier"], d["year"], d["period"])]
    table = d.assign(cell=cell).pivot(index="zone", columns="metric", values="cell")
    table = table.reindex(columns=[m for m in metrics if m in table.columns]).fillna("—")
    table.columns = [labels.metric(m) for m in table.columns]
    table.index.name = labels.COLUMNS["zone"]
    return table


# ---------------------------------------------------------------- benchmark data

def replicate_facts(df: pd.DataFrame, n: int, zones: int = 40) -> pd.DataFrame:
    """n facts made from df's rows: copy k moves to zone "<zone>#<k % zones>" and shifts
    years by (k // zones) % 10, so charts over it look like a large multi-zone corpus."""
    copies = -(-n // len(df))
    parts = []
    for k in range(copies):
        part = df.copy()
        part["zone"] = part["zone"] + f"#{k % zones}"
        part["year"] = part["year"] + (k // zones) % 10
        part["doc_id"] = part["doc_id"] + f"#{k}"
        parts.append(part)
    return pd.concat(parts, ignore_index=True).head(n)
