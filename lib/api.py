"""The entry points the CLI and the dashboard call.

    extract_facts(source)  -> DataFrame            files/folders (str or Path) and Documents;
                                                   raises the first document's error
    extract_batch(source)  -> (DataFrame, errors)  the same, but every file that cannot be read
                                                   or extracted is one ReadError and the rest
                                                   are kept (the CLI and the dashboard use this)
    extract_text(text, doc_id=..., ...) -> DataFrame   one article given as text
    extract_document(doc)  -> DataFrame            one Document

A string is always a path: there is no guessing whether "GDP 5%" is an article or a file name.
Text goes through extract_text (or a Document).
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Union

import pandas as pd
from pandera.errors import SchemaError

from lib.documents import Document, ReadError
from lib.extract import fact_rows, iter_fact_rows
from lib.reading.sources import read_documents
from lib.schema import empty_facts, to_frame

Source = Union[str, Path, Document, Iterable[Union[str, Path, Document]]]

_SURROGATE = re.compile("[\ud800-\udfff]")  # lone halves of a UTF-16 pair: not encodable
_ERROR_DETAIL_CHARS = 200


def extract_document(doc: Document) -> pd.DataFrame:
    """The facts of one Document (raises what the extraction raises)."""
    return to_frame(fact_rows(_clean(doc)))


def extract_text(text: str, doc_id: str = "text", title: str = "", published: str = "",
                 url: str = "", zone: str = "") -> pd.DataFrame:
    """The facts of one article given as text; the other fields are what a manifest says
    (empty zone/published: inferred from the text)."""
    if not isinstance(text, str):
        raise TypeError(f"extract_text takes a str, not {type(text).__name__}")
    doc = Document(doc_id=doc_id, text=text, title=title, zone=zone, published=published, url=url)
    return extract_document(doc)


def extract_batch(source: Source) -> tuple[pd.DataFrame, list[ReadError]]:
    """Read and extract every document of `source`, each on its own: a file that cannot be
    read, or a document whose extraction fails, becomes one ReadError naming it and the
    problem; the facts of all the others are returned."""
    docs, errors = _documents_of(source)
    frames = _Frames()
    for index, doc in enumerate(docs):
        try:
            for rows in iter_fact_rows(_clean(doc)):
                frames.add(index, rows)
        except ReadError as exc:   # a limit the document broke, already named and bilingual
            frames.drop(index)
            errors.append(exc)
        except Exception as exc:  # one document must never cost the batch
            frames.drop(index)
            errors.append(extraction_error(doc, exc))
    facts, invalid = frames.result()
    for index, exc in invalid:
        errors.append(ReadError(docs[index].path or docs[index].doc_id, "提取结果不合规范，已跳过这篇文章 / "
                                f"extracted facts fail the schema ({_one_line(exc)})"))
    return facts, errors


class _Frames:
    """Fact rows turned into validated frames a chunk at a time, so a batch (or one huge
    document) never holds all its rows as Python dicts at once.

    Each chunk remembers which rows came from which document (by index): a document that
    fails later, or whose rows fail the schema, is dropped whole and the others are kept."""

    CHUNK_ROWS = 20_000

    def __init__(self):
        self.chunks: list[tuple[pd.DataFrame, list[tuple[int, int, int]]]] = []  # frame, (doc, a, b)
        self.pending: list[tuple[int, list[dict]]] = []
        self.pending_rows = 0
        self.dropped: set[int] = set()
        self.invalid: dict[int, Exception] = {}

    def add(self, index: int, rows: list[dict]) -> None:
        self.pending.append((index, rows))
        self.pending_rows += len(rows)
        if self.pending_rows >= self.CHUNK_ROWS:
            self._flush()

    def drop(self, index: int) -> None:
        self.dropped.add(index)

    def result(self) -> tuple[pd.DataFrame, list[tuple[int, Exception]]]:
        """(all valid facts, [(document index, schema error)])."""
        self._flush()
        gone = self.dropped | set(self.invalid)
        frames = []
        for frame, ranges in self.chunks:
            if any(i in gone for i, _, _ in ranges):
                keep = [r for i, a, b in ranges if i not in gone for r in range(a, b)]
                frame = frame.iloc[keep]
            if len(frame):
                frames.append(frame)
        if not frames:
            facts = empty_facts()
        else:
            facts = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        return facts.reset_index(drop=True), sorted(self.invalid.items())

    def _flush(self) -> None:
        pending = [(i, rows) for i, rows in self.pending if i not in self.dropped]
        self.pending, self.pending_rows = [], 0
        if not pending:
            return
        try:
            self._append([r for _, rows in pending for r in rows], pending)
        except SchemaError:   # find the documents at fault, keep the rest
            by_doc: dict[int, list[dict]] = {}
            for i, rows in pending:
                by_doc.setdefault(i, []).extend(rows)
            for i, rows in by_doc.items():
                try:
                    self._append(rows, [(i, rows)])
                except SchemaError as exc:
                    self.invalid.setdefault(i, exc)

    def _append(self, rows: list[dict], pieces: list[tuple[int, list[dict]]]) -> None:
        frame = to_frame(rows)
        ranges, at = [], 0
        for i, piece in pieces:
            ranges.append((i, at, at + len(piece)))
            at += len(piece)
        self.chunks.append((frame, ranges))


def extract_facts(source: Source) -> pd.DataFrame:
    """The facts of every file, folder and Document in `source`, one validated table.

    Raises the first ReadError (a file that cannot be read or extracted); extract_batch
    keeps going past bad files instead.
    """
    facts, errors = extract_batch(source)
    if errors:
        raise errors[0]
    return facts


def extraction_error(doc: Document, exc: Exception) -> ReadError:
    """A failed extraction as that document's ReadError (one line, Chinese and English)."""
    return ReadError(doc.path or doc.doc_id, f"提取失败，已跳过这篇文章 / extraction failed ({_one_line(exc)})")


def _one_line(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:_ERROR_DETAIL_CHARS]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _documents_of(source: Source) -> tuple[list[Document], list[ReadError]]:
    if isinstance(source, (str, Path, Document)):
        source = [source]
    docs: list[Document] = []
    paths: list[Union[str, Path]] = []
    for item in source:
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, (str, Path)):
            paths.append(item)
        else:
            raise TypeError(f"expected file or folder paths or Documents, not {type(item).__name__}"
                            " (article text goes through lib.extract_text)")
    if not paths:
        return docs, []
    read, errors = read_documents(paths)
    return docs + read, errors


def _clean(doc: Document) -> Document:
    """Lone surrogates (from broken UTF-16 or a JS string) become U+FFFD, one for one, so
    offsets stay valid and nothing downstream fails to encode them."""
    if _SURROGATE.search(doc.text) or _SURROGATE.search(doc.title):
        return replace(doc, text=_SURROGATE.sub("\ufffd", doc.text),
                       title=_SURROGATE.sub("\ufffd", doc.title))
    return doc
