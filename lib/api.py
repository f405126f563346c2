"""extract_facts / extract_document: the entry points the CLI and the dashboard call."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Union

import pandas as pd

from lib.documents import Document
from lib.extract import _facts_of
from lib.reading import read_documents
from lib.schema import to_frame

Source = Union[str, Path, Document, Iterable[Union[str, Path, Document]]]


def extract_document(doc: Document) -> pd.DataFrame:
    return to_frame(_facts_of(doc))


def _as_documents(source: Source) -> list[Document]:
    if isinstance(source, Document):
        return [source]
    if isinstance(source, str) and _is_text(source):
        return [Document(doc_id="text", text=source)]
    if isinstance(source, (str, Path)):
        source = [source]
    docs, paths = [], []
    for item in source:
        (docs if isinstance(item, Document) else paths).append(item)
    if paths:
        read, errors = read_documents(paths)
        if errors:
            raise errors[0]
        docs.extend(read)
    return docs


def _is_text(source: str) -> bool:
    """An article's text rather than a path: it is no existing file and reads like prose."""
    if len(source) > 1024 or "\n" in source or not source.strip():
        return True
    if Path(source).exists():
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", source)) and not re.search(r"\.[A-Za-z0-9]{1,5}$", source)


def extract_facts(source: Source) -> pd.DataFrame:
    """The facts of every document in `source` (see lib/__init__.py), one validated table.

    Paths that cannot be read raise their ReadError; use read_documents() first to keep going
    past bad files (as the CLI does).
    """
    rows = []
    for doc in _as_documents(source):
        rows.extend(_facts_of(doc))
    return to_frame(rows)
