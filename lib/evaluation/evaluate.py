"""Score a facts table against a gold table with the reference scorer's own code.

`lib/evaluation/reference_scorer.py` is the project's one copy of the reference scorer
(`score_facts.py`, kept verbatim: update it by copying the new version over it). This module
only adapts what it is given to what the scorer reads — typed cells (None, <NA>, numbers) as
the text a CSV would hold, predictions of documents the gold table does not cover left out —
and prints its report. Matching and the scores are in docs/spec/facts.md "Scoring".
"""
from __future__ import annotations

import csv
from pathlib import Path

from lib.evaluation import reference_scorer as reference

FIELDS = reference.FIELDS


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "" if text in ("<NA>", "nan", "None") else text


def _as_read(rows: list[dict]) -> list[dict]:
    """Rows as csv.DictReader would give them: every cell a string."""
    return [{k: _cell(v) for k, v in r.items()} for r in rows]


def same(a, b, field: str) -> bool:
    """Whether two cells agree for `field`, as the reference scorer judges."""
    return reference.same(_cell(a), _cell(b), field)


def score(pred: list[dict], gold: list[dict], texts: dict[str, str]):
    """(scores, matched pairs, missed gold, spurious predictions), the reference scorer's."""
    gold = _as_read(gold)
    gold_docs = {g["doc_id"] for g in gold}
    pred = [p for p in _as_read(pred) if p.get("doc_id") in gold_docs]
    return reference.score(pred, gold, texts)


def read_csv(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def read_texts(docs_dir) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in Path(docs_dir).glob("*.txt")}


def format_report(out: dict, pairs, missed, spurious, n_errors: int = 0) -> str:
    lines = [f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}" for k, v in out.items()]
    if n_errors:
        lines.append("\n# missed gold facts")
        lines += [f"  {g['doc_id']} | {g.get('quote')} | {g.get('metric')} {g.get('value')} {g.get('unit')}"
                  for g in missed[:n_errors]]
        lines.append("# spurious predictions")
        lines += [f"  {p.get('doc_id')} | {str(p.get('sentence', ''))[:50]} | {p.get('metric')} "
                  f"{p.get('value')} {p.get('unit')}" for p in spurious[:n_errors]]
        lines.append("# field disagreements (gold -> pred)")
        shown = 0
        for g, p in pairs:
            bad = [f for f in FIELDS if not same(g.get(f), p.get(f), f)]
            if bad and shown < n_errors:
                shown += 1
                diff = ", ".join(f"{f}: {g.get(f)}->{p.get(f)}" for f in bad)
                lines.append(f"  {g['doc_id']} | {g.get('quote')} | {diff}")
    lines.append(f"value_f1={out['value_f1']:.3f} strict_f1={out['strict_f1']:.3f} placed_f1={out['placed_f1']:.3f} "
                 f"metric_acc={out['metric_acc']:.3f} year_acc={out['year_acc']:.3f} "
                 f"zone_acc={out['zone_acc']:.3f} status_acc={out['status_acc']:.3f}")
    return "\n".join(lines)
