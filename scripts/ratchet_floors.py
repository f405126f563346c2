"""Write each article's placed F1 today into tests/gold/floors.csv (the per-article floors).

    python scripts/ratchet_floors.py            # raise floors to today's scores, never lower one
    python scripts/ratchet_floors.py --lower    # also lower (say why in the commit message)

tests/test_gold.py fails, naming the article, when its placed F1 falls below its floor.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lib.evaluation.goldsets import GOLD_SETS, per_article_scores  # noqa: E402

FLOORS = ROOT / "tests" / "gold" / "floors.csv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lower", action="store_true")
    ap.add_argument("--sets", nargs="*", default=[n for n, s in GOLD_SETS.items() if s.gold.exists()])
    args = ap.parse_args()
    old = {}
    if FLOORS.exists():
        with open(FLOORS, newline="", encoding="utf-8") as f:
            old = {(r["set"], r["doc_id"]): float(r["placed_f1"]) for r in csv.DictReader(f)}
    new = dict(old)
    for name in args.sets:
        for doc_id, out in per_article_scores(name).items():
            today = max(0.0, round(out["placed_f1"] - 0.0005, 3))   # floors a hair under today's score
            before = old.get((name, doc_id))
            new[(name, doc_id)] = today if before is None or args.lower else max(before, today)
            if before is not None and today < before:
                print(f"{name}/{doc_id}: {today:.3f} < floor {before:.3f}")
    with open(FLOORS, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["set", "doc_id", "placed_f1"])
        for (name, doc_id), v in sorted(new.items()):
            w.writerow([name, doc_id, f"{v:.3f}"])
    print(f"{len(new)} floors -> {FLOORS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
