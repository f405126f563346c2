"""What to read, before reading it: files and folders in, `Source` records out.

A Source is one file to read with the id and the manifest fields it will get. Listing is
cheap (no file is opened but a folder's manifest.csv), so a batch can be split, streamed or
sent to other processes and machines before any text is in memory:

    list_sources(paths) -> (sources, errors)    folders walked, manifests read, ids made unique
    read_source(source) -> Document             one file read (raises ReadError)

    read_documents(paths) -> (documents, errors)  the two in a row, one bad file never costing the rest
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lib.documents import Document, ReadError
from lib.reading.files import MANIFEST_NAME, SUPPORTED_EXTENSIONS, os_reason, read_manifest, read_path


@dataclass(frozen=True)
class Source:
    path: str
    doc_id: str                                    # unique within the batch
    fields: dict = field(default_factory=dict)     # title/zone/published/url from a manifest


def list_sources(paths: str | Path | Iterable[str | Path]) -> tuple[list[Source], list[ReadError]]:
    """The files of `paths` in reading order, each with its unique id and manifest fields.

    Folders are walked recursively (supported extensions, sorted; hidden files and folders and
    manifest.csv skipped); a folder's manifest.csv gives its files title/zone/published/url by
    doc_id (the file name without its extension). A doc_id seen before gets "_2", "_3"...
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    sources: list[Source] = []
    errors: list[ReadError] = []
    seen: set[str] = set()
    for path in map(Path, paths):
        found, errs = _sources_of(path)
        errors += errs
        for path_, stem, fields in found:
            sources.append(Source(str(path_), _unique_id(stem, seen), fields))
    return sources, errors


def read_documents(paths: str | Path | Iterable[str | Path]) -> tuple[list[Document], list[ReadError]]:
    """Read files and folders (as `list_sources` lists them); a file that cannot be read is
    one ReadError and the rest are still read."""
    sources, errors = list_sources(paths)
    documents, read_errors = read_sources(sources)
    return documents, errors + read_errors


def read_sources(sources: Iterable[Source]) -> tuple[list[Document], list[ReadError]]:
    """The Documents of `sources`; each file that cannot be read is one ReadError."""
    documents: list[Document] = []
    errors: list[ReadError] = []
    for source in sources:
        try:
            documents.append(read_source(source))
        except ReadError as exc:
            errors.append(exc)
    return documents, errors


def read_source(source: Source) -> Document:
    """The Document of one Source (raises ReadError when the file cannot be read)."""
    doc = read_path(source.path)
    doc.doc_id = source.doc_id
    for name, value in source.fields.items():
        setattr(doc, name, value)
    return doc


def _sources_of(path: Path) -> tuple[list[tuple[Path, str, dict]], list[ReadError]]:
    try:
        if path.is_dir():
            return _folder_sources(path)
        if path.exists():
            return [(path, path.stem, {})], []
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte...
        return [], [ReadError(repr(str(path))[:200], f"无效的路径 / invalid path ({exc})")]
    return [], [ReadError(str(path), "没有这个文件或文件夹 / no such file or folder")]


def _folder_sources(folder: Path) -> tuple[list[tuple[Path, str, dict]], list[ReadError]]:
    files, errors = folder_files(folder)
    if not files:
        if not errors:
            errors = [ReadError(str(folder), "没有支持的文件 / no supported files ("
                                + ", ".join(SUPPORTED_EXTENSIONS) + ")")]
        return [], errors
    manifest: dict[str, dict[str, str]] = {}
    manifest_path = folder / MANIFEST_NAME
    if manifest_path.is_file():
        try:
            manifest, row_errors = read_manifest(manifest_path)
            errors += row_errors
        except ReadError as exc:
            errors.append(exc)
    return [(p, p.stem, manifest.get(p.stem, {})) for p in files], errors


def folder_files(folder: Path) -> tuple[list[Path], list[ReadError]]:
    """Supported files under `folder` (hidden ones skipped), and a ReadError for each folder
    that cannot be listed: an unreadable folder is said so, not taken for an empty one."""
    files: list[Path] = []
    errors: list[ReadError] = []

    def unreadable(exc: OSError) -> None:
        errors.append(ReadError(exc.filename or str(folder), os_reason(exc)))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]  # hidden folders
        for filename in filenames:
            path = Path(dirpath) / filename
            if not filename.startswith(".") and path.suffix.lower() in SUPPORTED_EXTENSIONS:
                files.append(path)
    return sorted(files), errors


def _unique_id(doc_id: str, seen: set[str]) -> str:
    candidate, n = doc_id, 1
    while candidate in seen:
        n += 1
        candidate = f"{doc_id}_{n}"
    seen.add(candidate)
    return candidate
