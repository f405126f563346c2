"""Extraction speed: the five sample articles copied N times (default 300, ~10 MB), one core.

Prints MB/s of the full extraction (normalise, figures, attribution, rows) with start-up
(imports, dictionary loading, a warm-up document) excluded.
usage: python scripts/bench_extract.py [--copies 300] [--docs data/corpus]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib.documents import Document  # noqa: E402
from lib.extract import fact_rows  # noqa: E402
from lib.schema import to_frame  # noqa: E402

SAMPLES = ["000_4e0696df2f113467", "001_c28c05dfc2d270e5", "002_b25e0468158618c3",
           "003_fb2a626344a90259", "004_e50b3acd17b783f7"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=300)
    ap.add_argument("--docs", default=str(Path(__file__).resolve().parents[1] / "data" / "corpus"))
    a = ap.parse_args()
    texts = [(Path(a.docs) / f"{d}.txt").read_text(encoding="utf-8") for d in SAMPLES]
    docs = [Document(doc_id=f"{SAMPLES[i % 5]}_{i}", text=texts[i % 5]) for i in range(5 * a.copies)]
    fact_rows(Document(doc_id="warm-up", text="".join(texts)))  # start-up: jieba, OpenCC, tables
    size_mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    t0, c0 = time.perf_counter(), time.process_time()
    rows = []
    for d in docs:
        rows.extend(fact_rows(d))
    t1, c1 = time.perf_counter(), time.process_time()
    df = to_frame(rows)
    t2, c2 = time.perf_counter(), time.process_time()
    print(f"documents: {len(docs)}  size: {size_mb:.1f} MB  facts: {len(df)}")
    print(f"extraction: {size_mb / (c1 - c0):.2f} MB/s CPU ({c1 - c0:.2f} s), "
          f"{size_mb / (t1 - t0):.2f} MB/s wall ({t1 - t0:.2f} s); one core, start-up excluded")
    print(f"with table build + schema check: {size_mb / (c2 - c0):.2f} MB/s CPU, "
          f"{size_mb / (t2 - t0):.2f} MB/s wall")


if __name__ == "__main__":
    main()
