"""Score the extractor as the hidden evaluation does: a scraper's manifest, no zone column.

    python scripts/eval_blind.py --gold tests/gold/dev.csv --docs data/corpus [--per-doc] [--errors N]

Copies DOCS' .txt files into a temporary folder with a manifest of doc_id, title, published
and url only (an annotator's `zone` column is dropped: the zone must come from the text),
extracts them with `python -m lib extract`, and prints the reference scorer's numbers (and,
with --per-doc, one line per article: facts, value / strict / placed F1, zone and year accuracy).
"""
from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lib.evaluation.evaluate import format_report, read_csv, read_texts, score  # noqa: E402

SCRAPER_COLUMNS = ("doc_id", "title", "published", "url")


def blind_copy(docs: Path, into: Path, doc_ids: set[str]) -> None:
    for path in docs.iterdir():
        if path.is_file() and path.stem in doc_ids and path.name != "manifest.csv":
            shutil.copy(path, into / path.name)
    manifest = docs / "manifest.csv"
    if manifest.exists():
        with open(manifest, newline="", encoding="utf-8-sig") as f:
            rows = [r for r in csv.DictReader(f) if r.get("doc_id") in doc_ids]
        with open(into / "manifest.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=SCRAPER_COLUMNS, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--docs", required=True)
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    gold = read_csv(args.gold)
    doc_ids = {g["doc_id"] for g in gold}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "docs").mkdir()
        blind_copy(Path(args.docs), tmp / "docs", doc_ids)
        out = tmp / "facts.csv"
        subprocess.run([sys.executable, "-m", "lib", "extract", str(tmp / "docs"), "-o", str(out)],
                       cwd=ROOT, check=False, stderr=subprocess.DEVNULL)
        pred = read_csv(out) if out.exists() else []
        texts = read_texts(tmp / "docs")
    if args.per_doc:
        gold_by, pred_by = defaultdict(list), defaultdict(list)
        for g in gold:
            gold_by[g["doc_id"]].append(g)
        for p in pred:
            pred_by[p["doc_id"]].append(p)
        print("doc_id  gold  pred  value_f1  strict_f1  placed_f1  zone_acc  year_acc")
        for doc_id in sorted(gold_by):
            o, *_ = score(pred_by[doc_id], gold_by[doc_id], texts)
            print(f"{doc_id:8} {len(gold_by[doc_id]):5} {len(pred_by[doc_id]):5} {o['value_f1']:9.3f} "
                  f"{o['strict_f1']:10.3f} {o['placed_f1']:10.3f} {o['zone_acc']:9.3f} {o['year_acc']:9.3f}")
    out_scores, pairs, missed, spurious = score([p for p in pred if p["doc_id"] in doc_ids], gold, texts)
    print(format_report(out_scores, pairs, missed, spurious, args.errors).splitlines()[-1]
          if not args.errors else format_report(out_scores, pairs, missed, spurious, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
