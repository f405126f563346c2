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

from lib.documents import Document, ReadError
from lib.extract import _facts_of
from lib.reading import read_documents
from lib.schema import to_frame

Source = Union[str, Path, Document, Iterable[Union[str, Path, Document]]]

_SURROGATE = re.compile("[\ud800-\udfff]")  # lone halves of a UTF-16 pair: not encodable
_ERROR_DETAIL_CHARS = 200


def extract_document(doc: Document) -> pd.DataFrame:
    """The facts of one Document (raises what the extraction raises)."""
    return to_frame(_facts_of(_clean(doc)))


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
    rows = []
    for doc in docs:
        try:
            rows.extend(_facts_of(_clean(doc)))
        except Exception as exc:  # one document must never cost the batch
            errors.append(extraction_error(doc, exc))
    return to_frame(rows), errors


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
    detail = " ".join(str(exc).split())[:_ERROR_DETAIL_CHARS]
    detail = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return ReadError(doc.path or doc.doc_id, f"提取失败，已跳过这篇文章 / extraction failed ({detail})")


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
