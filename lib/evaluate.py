"""Score a facts table against a gold table, exactly as the reference scorer does.

Matching (docs/spec/facts.md "Scoring"): within a document, gold facts in order each take the
nearest unused prediction whose value agrees within 0.5% after both are put in one unit of
the same family; value precision / recall / F1 over those matches; per-field accuracy on the
matched pairs; strict F1 counts a match only when metric, measure, status and year agree; placed F1 when
zone and period agree too.
tests/test_evaluate.py checks this module against a copy of the reference scorer.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

FAMILIES = {
    "money_cny": {"万亿元": 1e4, "亿元": 1.0, "万元": 1e-4, "千元": 1e-5, "元": 1e-8},
    "money_usd": {"亿美元": 1.0, "万美元": 1e-4, "美元": 1e-8},
    "percent": {"%": 1.0, "％": 1.0},
    "pp": {"百分点": 1.0, "个百分点": 1.0},
    "area": {"平方公里": 1e6, "平方千米": 1e6, "公顷": 1e4, "亩": 10000 / 15, "万平方米": 1e4,
             "平方米": 1.0, "m²": 1.0, "㎡": 1.0, "万m²": 1e4, "万㎡": 1e4},
    "volume": {"万立方米": 1e4, "立方米": 1.0, "m³": 1.0, "万m³": 1e4},
    "mass": {"万吨": 1e4, "吨": 1.0},
    "length": {"公里": 1e3, "千米": 1e3, "米": 1.0},
    "energy": {"亿千瓦时": 1e8, "万千瓦时": 1e4, "千瓦时": 1.0, "度": 1.0},
}
COUNT_WORDS = set("个家件人项户支处条名位座所次台套辆批栋间")
FIELDS = ("metric", "measure", "status", "year", "zone", "scope", "period")
STRICT = ("metric", "measure", "status", "year")
PLACED = STRICT + ("zone", "period")   # where a chart puts the figure: strict, plus zone and period
PERIOD_SAME = {"M1-3": "Q1", "M1-6": "H1", "M1-9": "Q1-3", "M1-12": "year"}
FULL = str.maketrans("０１２３４５６７８９．", "0123456789.")


def family_and_factor(unit: str) -> tuple[str, float]:
    unit = (unit or "").strip()
    for fam, table in FAMILIES.items():
        if unit in table:
            return fam, table[unit]
    scale = 1.0
    if unit.startswith("万") and len(unit) > 1:
        scale, unit = 1e4, unit[1:]
    if unit in COUNT_WORDS or unit in ("人次", "家次", "万人次"):
        return "count", scale
    return "unit:" + unit, scale


def canon_zone(z: str) -> str:
    z = (z or "").strip()
    for a, b in (("國", "国"), ("區", "区"), ("開發", "开发"), ("經濟", "经济"), ("技術", "技术"),
                 ("產業", "产业")):
        z = z.replace(a, b)
    z = re.sub(r"^(国家级|国家)", "", z)
    z = z.replace("国家级", "").replace("国家", "")
    z = z.replace("高新技术产业开发区", "高新区").replace("高新技术开发区", "高新区")
    z = z.replace("经济技术开发区", "经开区").replace("经济开发区", "经开区")
    return z


def _float(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _normalised(row):
    v = _float(row.get("value"))
    if v is None:
        return None
    fam, k = family_and_factor(row.get("unit"))
    return fam, v * k


def _gold_position(row, texts):
    text = texts.get(row["doc_id"], "")
    quote = row.get("quote", "")
    at = text.find(quote) if quote else -1
    if at < 0:
        return None
    value = _float(row.get("value"))
    numbers = list(re.finditer(r"[0-9０-９]+(?:[.．][0-9０-９]+)?", quote))
    for m in numbers:
        try:
            x = float(m.group().translate(FULL))
        except ValueError:
            continue
        if value and x and any(abs(x * 10 ** k - value) <= 0.005 * abs(value) for k in range(-12, 13)):
            return at + m.start()
    if numbers:
        return at + numbers[0].start()
    m = re.search(r"[零〇一二两三四五六七八九十百千万亿]", quote)
    return at + (m.start() if m else 0)


def same(a, b, field: str) -> bool:
    a, b = ("" if a is None else str(a)).strip(), ("" if b is None else str(b)).strip()
    if a in ("<NA>", "nan"):
        a = ""
    if b in ("<NA>", "nan"):
        b = ""
    if field == "period":
        return PERIOD_SAME.get(a, a) == PERIOD_SAME.get(b, b)
    if field == "zone":
        return canon_zone(a) == canon_zone(b)
    if field == "year":
        try:
            return int(float(a)) == int(float(b))
        except ValueError:
            return a == b
    return a == b


def score(pred: list[dict], gold: list[dict], texts: dict[str, str]):
    """(scores, matched pairs, missed gold, spurious predictions)."""
    gold_docs = {g["doc_id"] for g in gold}
    pred = [p for p in pred if p.get("doc_id") in gold_docs]
    by_doc = defaultdict(list)
    for i, p in enumerate(pred):
        n = _normalised(p)
        if n is not None:
            by_doc[p.get("doc_id", "")].append((i, p, n))
    used, pairs, missed = set(), [], []
    for g in gold:
        gn = _normalised(g)
        gpos = _gold_position(g, texts)
        best = None
        for i, p, (fam, val) in by_doc.get(g["doc_id"], []):
            if i in used or gn is None or fam != gn[0]:
                continue
            if abs(val - gn[1]) > 0.005 * max(abs(gn[1]), 1e-12):
                continue
            start = _float(p.get("start"))
            dist = abs(start - gpos) if (start is not None and gpos is not None) else 1e9
            if best is None or dist < best[0]:
                best = (dist, i, p)
        if best is None:
            missed.append(g)
        else:
            used.add(best[1])
            pairs.append((g, best[2]))
    spurious = [p for i, p in enumerate(pred) if i not in used]
    tp = len(pairs)
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    out = {"gold": len(gold), "pred": len(pred), "matched": tp,
           "value_precision": precision, "value_recall": recall, "value_f1": f1}
    for field in FIELDS:
        ok = sum(1 for g, p in pairs if same(g.get(field), p.get(field), field))
        out[field + "_acc"] = ok / tp if tp else 0.0
    strict_tp = sum(1 for g, p in pairs if all(same(g.get(f), p.get(f), f) for f in STRICT))
    sp = strict_tp / len(pred) if pred else 0.0
    sr = strict_tp / len(gold) if gold else 0.0
    out["strict_f1"] = 2 * sp * sr / (sp + sr) if strict_tp else 0.0
    placed_tp = sum(1 for g, p in pairs if all(same(g.get(f), p.get(f), f) for f in PLACED))
    pp = placed_tp / len(pred) if pred else 0.0
    pr = placed_tp / len(gold) if gold else 0.0
    out["placed_f1"] = 2 * pp * pr / (pp + pr) if placed_tp else 0.0
    return out, pairs, missed, spurious


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
