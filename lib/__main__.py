"""Command line: python -m lib extract PATH... -o FILE | python -m lib evaluate --gold G --docs D

extract  reads files and folders (txt md html docx pdf; a folder's manifest.csv is used),
         writes the facts table as CSV, Parquet or Excel by the output's extension. A file
         that cannot be read gets one line on stderr naming it and the reason; the others
         are still extracted and written; the exit code is 1 when any file failed.
evaluate extracts DOCS (or reads --pred) and prints the scores of the reference scorer.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from lib.evaluate import format_report, read_csv, read_texts, score
from lib.extract import _facts_of
from lib.reading import read_documents
from lib.schema import to_frame

WRITERS = {".csv": lambda df, p: df.to_csv(p, index=False, encoding="utf-8"),
           ".parquet": lambda df, p: df.to_parquet(p, index=False),
           ".xlsx": lambda df, p: df.to_excel(p, index=False)}


def _extract(paths: list[str]) -> tuple[pd.DataFrame, int]:
    docs, errors = read_documents(paths)
    failed = len(errors)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    rows = []
    for doc in docs:
        try:
            rows.extend(_facts_of(doc))
        except Exception as exc:  # one bad document must not lose the batch
            failed += 1
            print(f"error: {doc.path or doc.doc_id}: extraction failed ({type(exc).__name__}: {exc})",
                  file=sys.stderr)
    return to_frame(rows), failed


def cmd_extract(args) -> int:
    out = Path(args.output)
    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        print(f"error: {out}: unknown output type; use one of {', '.join(WRITERS)}", file=sys.stderr)
        return 2
    df, failed = _extract(args.paths)
    writer(df, out)
    print(f"{len(df)} facts from {df['doc_id'].nunique()} documents -> {out}", file=sys.stderr)
    return 1 if failed else 0


def cmd_evaluate(args) -> int:
    if args.pred:
        pred = read_csv(args.pred)
    else:
        df, _ = _extract([args.docs])
        pred = df.astype(object).where(df.notna(), "").to_dict("records")
    gold = read_csv(args.gold)
    out, pairs, missed, spurious = score(pred, gold, read_texts(args.docs))
    print(format_report(out, pairs, missed, spurious, args.errors))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lib", description="Zone Metrics extraction")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract the facts table from files and folders")
    ex.add_argument("paths", nargs="+")
    ex.add_argument("-o", "--output", required=True, help="FILE.csv | FILE.parquet | FILE.xlsx")
    ex.set_defaults(func=cmd_extract)
    ev = sub.add_parser("evaluate", help="score against a gold table (reference scorer's numbers)")
    ev.add_argument("--gold", required=True)
    ev.add_argument("--docs", required=True, help="folder of DOC_ID.txt (and manifest.csv)")
    ev.add_argument("--pred", help="score this facts CSV instead of extracting --docs")
    ev.add_argument("--errors", type=int, default=0, metavar="N")
    ev.set_defaults(func=cmd_evaluate)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
