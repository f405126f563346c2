"""Command line: python -m lib extract PATH... -o FILE | python -m lib evaluate --gold G --docs D
              python -m lib extract --engine dask [--scheduler ADDRESS] INPUTS... -o FOLDER

extract  reads files and folders (txt md html docx pdf; a folder's manifest.csv is used)
         on all cores (--jobs N; a progress bar on a terminal), writes the facts table as CSV, Parquet or Excel by the output's extension (text
         cells that a spreadsheet would run as a formula are quoted, see lib/export.py).
         The output path is checked before any extraction. A file that cannot be read or
         extracted gets one line on stderr naming it and the reason; the others are still
         extracted and written.
         --engine dask runs the same work on Dask (lib/scale/dask_engine.py): a local cluster of
         --jobs worker processes, or the running scheduler at --scheduler tcp://host:8786.
         INPUTS are files and folders (read by the workers: a shared filesystem) or a
         Parquet dataset of texts (doc_id, text, optional title/zone/published/url); the
         output is a folder of Parquet parts (created if missing; refused if not empty).
evaluate extracts DOCS (or reads --pred) and prints the scores of the reference scorer.

Every error is one line on stderr ("error: ..."), never a traceback. Exit codes: see EPILOG.
"""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from lib.api import extract_batch
from lib.scale.parallel import extract_parallel
from lib.evaluation import corrections
from lib.evaluation.evaluate import format_report, read_csv, read_texts, score
from lib.export import WRITERS, write_table

EXIT_OK = 0              # everything read, extracted and written
EXIT_SOME_FAILED = 1     # some files could not be read or extracted; the rest was written
EXIT_USAGE = 2           # bad arguments or an output path that cannot be written; nothing done
EXIT_ERROR = 3           # an unexpected failure (one line on stderr)
EXIT_INTERRUPTED = 130   # Ctrl-C

EPILOG = f"""\
Names that start with a dash: put them after --, e.g.
  python -m lib extract -o facts.csv -- -notes.txt reports/

exit codes:
  {EXIT_OK}    all files read, extracted and written
  {EXIT_SOME_FAILED}    some files failed (one "error:" line each); the others were written
  {EXIT_USAGE}    bad arguments or an unwritable output path; nothing was extracted
  {EXIT_ERROR}    unexpected failure (one "error:" line)
  {EXIT_INTERRUPTED}  interrupted
"""


class UsageError(Exception):
    """A problem with the arguments, found before any work is done."""


def check_output(path: str) -> Path:
    """The output path, or UsageError saying in one line why it cannot be written."""
    out = Path(path)
    if out.is_dir():
        raise UsageError(f"{out}: is a folder; give a file name such as {out / 'facts.csv'}")
    if out.suffix.lower() not in WRITERS:
        raise UsageError(f"{out}: unknown output type; use one of {', '.join(WRITERS)}")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{out}: folder {folder} does not exist")
    if out.exists() and not os.access(out, os.W_OK):
        raise UsageError(f"{out}: file is not writable")
    if not out.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{out}: cannot write into folder {folder}")
    return out


def _extract(paths: list[str]) -> tuple[pd.DataFrame, int]:
    facts, errors = extract_batch(paths)
    for err in errors:
        print(f"error: {_one_line(str(err))}", file=sys.stderr)
    return facts, len(errors)


def check_output_dir(path: str) -> Path:
    """The output folder of --engine dask (may not exist yet), or UsageError in one line."""
    from lib.scale.dask_engine import InputError, check_output_folder   # dask itself is imported later
    try:
        check_output_folder(path)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    return Path(path)


def cmd_extract_dask(args) -> int:
    out = check_output_dir(args.output)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give 1 or more worker processes")
    if args.scheduler and args.jobs is not None:
        raise UsageError("--jobs sizes the local cluster; the workers of --scheduler are started on their own")
    try:
        import distributed  # noqa: F401  (a dev/cluster dependency, not the app's)
        from lib.scale.dask_engine import InputError, extract_dask
    except ImportError as exc:
        raise UsageError(f"--engine dask needs dask[distributed] (pip install -r requirements-dev.txt): {exc}")
    try:
        with _progress_bar(args.progress, unit="part") as progress:
            n_facts, errors = extract_dask(args.paths, out, scheduler=args.scheduler, n_workers=args.jobs,
                                           progress=progress)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    for err in errors:
        print(f"error: {_one_line(str(err))}", file=sys.stderr)
    print(f"{n_facts} facts -> {out}", file=sys.stderr)
    return EXIT_SOME_FAILED if errors else EXIT_OK


def cmd_extract(args) -> int:
    if args.engine == "dask":
        return cmd_extract_dask(args)
    if args.scheduler:
        raise UsageError("--scheduler needs --engine dask")
    out = check_output(args.output)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give 1 or more processes")
    with _progress_bar(args.progress) as progress:
        df, errors = extract_parallel(args.paths, jobs=args.jobs, progress=progress)
    for err in errors:
        print(f"error: {_one_line(str(err))}", file=sys.stderr)
    failed = len(errors)
    write_table(df, out)
    print(f"{len(df)} facts from {df['doc_id'].nunique()} documents -> {out}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_evaluate(args) -> int:
    for path in filter(None, (args.gold, args.pred)):
        if not Path(path).is_file():
            raise UsageError(f"{path}: no such file")
    if args.pred:
        pred = read_csv(args.pred)
    else:
        df, _ = _extract([args.docs])
        pred = df.astype(object).where(df.notna(), "").to_dict("records")
    # a corrections file written by the dashboard is a gold table of the reviewed figures
    gold = corrections.as_gold(corrections.read(args.gold)) if corrections.is_corrections_file(args.gold) \
        else read_csv(args.gold)
    out, pairs, missed, spurious = score(pred, gold, read_texts(args.docs))
    print(format_report(out, pairs, missed, spurious, args.errors))
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors on one line (its default prints the usage first)."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"error: {self.prog}: {_one_line(message)} (see --help)\n")


def parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="python -m lib", description="Zone Metrics extraction",
                                 epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract the facts table from files and folders",
                        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("paths", nargs="+", help="files and folders (use -- before names starting with -); "
                    "with --engine dask also Parquet datasets of texts")
    ex.add_argument("-o", "--output", required=True,
                    help="FILE.csv | FILE.parquet | FILE.xlsx; with --engine dask a FOLDER of Parquet parts")
    ex.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                    help="processes to use (default: all cores; 1: this process only); "
                         "with --engine dask the local cluster's worker processes")
    ex.add_argument("--engine", choices=["processes", "dask"], default="processes",
                    help="processes: a pool on this machine (default); dask: a Dask cluster, "
                         "local or at --scheduler (needs dask[distributed])")
    ex.add_argument("--scheduler", metavar="ADDRESS", default=None,
                    help="with --engine dask: a running scheduler, e.g. tcp://host:8786 "
                         "(default: a local cluster for this run)")
    ex.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="show a progress bar (default: when stderr is a terminal)")
    ex.set_defaults(func=cmd_extract)
    ev = sub.add_parser("evaluate", help="score against a gold table (reference scorer's numbers)")
    ev.add_argument("--gold", required=True)
    ev.add_argument("--docs", required=True, help="folder of DOC_ID.txt (and manifest.csv)")
    ev.add_argument("--pred", help="score this facts CSV instead of extracting --docs")
    ev.add_argument("--errors", type=int, default=0, metavar="N")
    ev.set_defaults(func=cmd_evaluate)
    return ap


@contextmanager
def _progress_bar(wanted: bool | None, unit: str = "B"):
    """A tqdm bar on stderr in MB of input (or parts; None: only on a terminal), as a progress callback."""
    disable = None if wanted is None else not wanted
    with tqdm(total=0, unit=unit, unit_scale=unit == "B", desc="extract", disable=disable, file=sys.stderr,
              leave=False) as bar:
        def update(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)
        yield update


def _one_line(message: str) -> str:
    return " ".join(message.split())


def main(argv=None) -> int:
    args = parser().parse_args(argv)  # argparse prints its own one-line usage error (exit 2)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # one line, not a traceback
        where = f"{exc.filename}: " if isinstance(exc, OSError) and exc.filename else ""
        reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)) or ""
        print(f"error: {where}{_one_line(reason) or type(exc).__name__} ({type(exc).__name__})",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
