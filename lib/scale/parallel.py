"""Extraction of many files on all cores: the batch is listed first (lib/reading/sources.py, no text
read), cut into chunks of about CHUNK_BYTES, and each chunk is read and extracted by a worker
process; the parent only gathers fact tables, so memory stays flat however large the folder.

    extract_sources(sources) -> (facts, errors)      one chunk, in this process: the unit of
                                                     work of every engine (pool, Dask)
    extract_parallel(paths, jobs=, progress=) -> (facts, errors)

Results come back in the batch's order, so the table is the same as `lib.extract_batch`'s
(same rows, same order) whatever the number of processes.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd

from lib.api import extract_batch
from lib.documents import Document, ReadError
from lib.schema import empty_facts
from lib.reading.sources import Source, list_sources, read_sources

CHUNK_BYTES = 1_000_000   # a chunk: ~0.5 s of work, small enough to balance, large enough to amortise
MIN_CHUNK_BYTES = 100_000
PARALLEL_MIN_BYTES = 2_000_000   # below this a batch is extracted in this process
CHUNK_FILES = 400          # the schema check costs ~20 ms a call whatever the size: not per 10 files

Progress = Callable[[int, int], None]   # (bytes done, bytes in all)


def extract_sources(sources: Iterable[Source]) -> tuple[pd.DataFrame, list[ReadError]]:
    """Read and extract each source on its own (one bad file costs only itself)."""
    docs, errors = read_sources(sources)
    facts, failed = extract_batch(docs)
    return facts, errors + failed


def extract_parallel(paths: str | Path | Iterable[str | Path], jobs: int | None = None,
                     progress: Progress | None = None) -> tuple[pd.DataFrame, list[ReadError]]:
    """Every file of `paths`, extracted by `jobs` processes (default: all cores; 1: in this
    process). `progress(done, total)` is called after each chunk, in bytes of input."""
    sources, errors = list_sources(paths)
    jobs = jobs or os.cpu_count() or 1
    sizes = [_size(s) for s in sources]
    total = sum(sizes)
    if total < PARALLEL_MIN_BYTES:
        jobs = 1   # starting workers (and their dictionaries) costs more than a small batch takes
    # at least four chunks a process, so none waits long for the last one; at most CHUNK_BYTES
    chunk_bytes = CHUNK_BYTES if jobs == 1 else max(MIN_CHUNK_BYTES, min(CHUNK_BYTES, total // (4 * jobs)))
    chunks = list(chunked(sources, chunk_bytes, sizes))
    jobs = min(jobs, max(1, len(chunks)))
    frames, done = [], 0
    for (facts, errs), (_, size) in zip(_run(chunks, jobs), chunks):
        frames.append(facts)
        errors += errs
        done += size
        if progress:
            progress(done, total)
    frames = [f for f in frames if len(f)]
    facts = pd.concat(frames, ignore_index=True) if frames else empty_facts()
    return facts, errors


def chunked(sources: list[Source], chunk_bytes: int | None = None,
            sizes: list[int] | None = None) -> Iterator[tuple[list[Source], int]]:
    """Consecutive runs of sources of about `chunk_bytes` (default CHUNK_BYTES; a large file is a
    chunk of its own), each with its size in bytes."""
    chunk_bytes = chunk_bytes or CHUNK_BYTES
    chunk, size = [], 0
    for i, source in enumerate(sources):
        n = sizes[i] if sizes is not None else _size(source)
        if chunk and (size + n > chunk_bytes or len(chunk) >= CHUNK_FILES):
            yield chunk, size
            chunk, size = [], 0
        chunk.append(source)
        size += n
    if chunk:
        yield chunk, size


def _run(chunks: list[tuple[list[Source], int]], jobs: int) -> Iterator[tuple[pd.DataFrame, list[ReadError]]]:
    if jobs <= 1:
        yield from (extract_sources(chunk) for chunk, _ in chunks)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up) as pool:
        # map keeps the order; a worker's result is sent back as it finishes
        yield from pool.map(extract_sources, [chunk for chunk, _ in chunks])


def _warm_up() -> None:
    """Load the dictionaries (jieba, OpenCC, tables) once per worker, before its first chunk."""
    extract_batch([Document(doc_id="warm-up", text="2020年,开发区实现地区生产总值100亿元,增长5%。")])


def _size(source: Source) -> int:
    try:
        return os.stat(source.path).st_size
    except OSError:
        return 0   # reading it will say what is wrong
