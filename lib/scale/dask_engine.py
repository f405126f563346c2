"""Extraction on a Dask cluster: the same unit of work as the process pool, on any number of
machines, written as a partitioned Parquet facts dataset.

    extract_dask(inputs, output_dir, scheduler=None, n_workers=None) -> (n_facts, errors)
    documents_of_frame(frame) -> (documents, errors)   rows of a texts table as Documents

Inputs are either
  * files and folders, listed here (lib/reading/sources.py: no text read) and cut into chunks of about
    2 MB (lib.scale.parallel.chunked); each chunk is one task calling lib.scale.parallel.extract_sources,
    so the *workers* read the files: they must see them at the same paths (a shared
    filesystem; paths are made absolute first), or
  * a Parquet dataset of texts (a .parquet file or a folder of them, local or any URL that
    dask.dataframe.read_parquet reads), columns doc_id and text and any of title, zone,
    published, url: each of its Dask partitions is one task, rows -> Documents ->
    lib.extract_batch. The doc_ids are taken as given.

Each task writes its facts as output_dir/part-NNNNN.parquet (the facts columns and dtypes
of lib.schema, nothing else; an empty part too, so the dataset always has its schema) and
sends back only its fact count and ReadErrors. Parts are numbered in input order: reading
the folder back (pd.read_parquet(output_dir), or the parts concatenated in name order) gives
the frame `lib.extract_batch` returns for the same input, row for row, with the same dtypes.
The workers write into output_dir, so it must be shared with them too.

scheduler: None starts a LocalCluster of `n_workers` processes (default: all cores) for the
call and closes it; a string is the address of a running scheduler ("tcp://host:8786"),
whose workers need this repository's code (same version) and requirements installed.

Needs dask[distributed] (requirements-dev.txt); imported only when called.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from lib.api import extract_batch
from lib.atomic import write_atomically
from lib.documents import Document, ReadError
from lib.scale.parallel import chunked, extract_sources
from lib.reading.files import SUPPORTED_EXTENSIONS, normalise_published
from lib.schema import empty_facts
from lib.reading.sources import Source, list_sources

TEXT_COLUMNS = ("doc_id", "text", "title", "zone", "published", "url")
REQUIRED_COLUMNS = ("doc_id", "text")

Progress = Callable[[int, int], None]   # (parts done, parts in all)


class InputError(ValueError):
    """Inputs that cannot be run at all (found before any work): mixed kinds, a Parquet
    dataset without doc_id/text, an output folder that is not empty..."""


def extract_dask(inputs: str | Path | Iterable[str | Path], output_dir: str | Path,
                 scheduler: str | None = None, n_workers: int | None = None,
                 progress: Progress | None = None) -> tuple[int, list[ReadError]]:
    """Extract `inputs` on Dask into the Parquet dataset `output_dir` (created if missing;
    refused if it exists and is not empty). Returns (number of facts written, errors): one
    ReadError per file or row that could not be read or extracted, the rest are written.
    `progress(done, total)` is called as parts finish."""
    paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    kinds = {_is_parquet(p) for p in paths}
    if len(kinds) > 1:
        raise InputError("give either files and folders or Parquet datasets of texts, not both")
    if kinds == {True}:
        parts, errors = _parquet_tasks(paths), []
    else:
        sources, errors = list_sources([_absolute(p) for p in paths])   # workers may run elsewhere
        parts = [chunk for chunk, _ in chunked(sources)]
    out = _prepare_output(output_dir)
    names = [str(out / part_name(i, len(parts))) for i in range(len(parts))]
    if not parts:   # nothing to extract: one empty part keeps the schema, no cluster needed
        _write_part(empty_facts(), str(out / part_name(0, 1)))
        return 0, errors

    from distributed import Client, LocalCluster, as_completed
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=":0")
        address = cluster
    else:
        address = scheduler
    try:
        with Client(address) as client:
            if kinds == {True}:   # delayed partitions of the texts datasets: one graph for all
                futures = client.compute([_extract_partition(part, name) for part, name in zip(parts, names)])
            else:                 # chunks of Sources
                futures = client.map(_extract_chunk, parts, names, pure=False)
            if progress:
                progress(0, len(futures))
                for done, _ in enumerate(as_completed(futures), start=1):
                    progress(done, len(futures))
            results = client.gather(futures)    # in part order, whatever order they finished
    finally:
        if cluster is not None:
            cluster.close()
    n_facts = 0
    for count, errs in results:
        n_facts += count
        errors += errs
    return n_facts, errors


def part_name(index: int, total: int) -> str:
    """part-00000.parquet...: names that sort in part order (wider past 100 000 parts)."""
    return f"part-{index:0{max(5, len(str(total - 1)))}d}.parquet"


def documents_of_frame(frame: pd.DataFrame) -> tuple[list[Document], list[ReadError]]:
    """The rows of a texts table (doc_id, text and any of title/zone/published/url) as
    Documents; a row without doc_id or text is a ReadError, and `published` is normalised as
    a manifest's is (a date that cannot be read is a ReadError and dropped, the row kept)."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    columns = [c for c in TEXT_COLUMNS if c in frame.columns]
    for values in zip(*(frame[c].tolist() for c in columns)):
        row = {c: _cell(v) for c, v in zip(columns, values)}
        doc_id, text = row.pop("doc_id", ""), row.pop("text", "")
        if not doc_id:
            errors.append(ReadError("(no doc_id)", "缺少 doc_id / a row has no doc_id"))
            continue
        if not text.strip():
            errors.append(ReadError(doc_id, "没有正文 / no text"))
            continue
        if row.get("published"):
            try:
                row["published"] = normalise_published(row["published"])
            except ValueError:
                errors.append(ReadError(doc_id, f"日期无法识别 / cannot read published date {row['published']!r}"))
                row["published"] = ""
        docs.append(Document(doc_id=doc_id, text=text, **row))
    return docs, errors


# ----------------------------------------------------------------------- tasks (on workers)

def _extract_chunk(sources: list[Source], name: str) -> tuple[int, list[ReadError]]:
    facts, errors = extract_sources(sources)
    _write_part(facts, name)
    return len(facts), errors


def _extract_texts(frame: pd.DataFrame, name: str) -> tuple[int, list[ReadError]]:
    docs, errors = documents_of_frame(frame)
    facts, failed = extract_batch(docs)
    _write_part(facts, name)
    return len(facts), errors + failed


def _write_part(facts: pd.DataFrame, name: str) -> None:
    """Written under a hidden name, then renamed: a reader never sees half a part, and a task
    the scheduler runs again just writes the same part again."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    write_atomically(name, lambda tmp: pq.write_table(pa.Table.from_pandas(facts, preserve_index=False), tmp))


# ----------------------------------------------------------------------- planning (client)

def _parquet_tasks(paths: list[str | Path]) -> list:
    """One delayed pandas partition per Dask partition of each dataset, in order."""
    import dask.dataframe as dd

    parts = []
    for path in paths:
        try:
            ddf = dd.read_parquet(str(path))
        except Exception as exc:
            raise InputError(f"{path}: not a readable Parquet dataset ({type(exc).__name__}: "
                             f"{' '.join(str(exc).split())[:200]})") from None
        missing = [c for c in REQUIRED_COLUMNS if c not in ddf.columns]
        if missing:
            raise InputError(f"{path}: Parquet dataset without column {', '.join(missing)} "
                             f"(needs doc_id, text; may have title, zone, published, url)")
        parts += ddf[[c for c in TEXT_COLUMNS if c in ddf.columns]].to_delayed()
    return parts


def _extract_partition(part, name: str):
    from dask import delayed
    return delayed(_extract_texts, pure=False)(part, name)


def _is_parquet(path: str | Path) -> bool:
    """A .parquet file (or URL), or a folder holding .parquet files and no supported text files."""
    text = str(path)
    if text.lower().rstrip("/").endswith(".parquet"):
        return True
    folder = Path(text)
    if "://" in text or not folder.is_dir():
        return False
    found = False
    for _, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            suffix = Path(filename).suffix.lower()
            if filename.startswith("."):
                continue
            if suffix in SUPPORTED_EXTENSIONS:
                return False
            found = found or suffix == ".parquet"
    return found


def _absolute(path: str | Path) -> str:
    return os.path.abspath(path) if str(path) else str(path)


def check_output_folder(output_dir: str | Path) -> Path:
    """The output folder (absolute; it may not exist yet), or InputError saying in one line why
    it cannot take the dataset: a file, a folder that is not empty, or one that is not writable."""
    out = Path(output_dir).absolute()
    if out.exists() and not out.is_dir():
        raise InputError(f"{output_dir}: is a file; give a folder for the Parquet dataset (created if missing)")
    if out.is_dir() and any(out.iterdir()):
        raise InputError(f"{output_dir}: folder is not empty; give a new or empty folder")
    if out.is_dir() and not os.access(out, os.W_OK | os.X_OK):
        raise InputError(f"{output_dir}: folder is not writable")
    return out


def _prepare_output(output_dir: str | Path) -> Path:
    out = check_output_folder(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    return out


def _cell(value) -> str:
    """A table cell as the str a Document holds: missing -> "", a date -> ISO."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)
