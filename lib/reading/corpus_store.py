"""Saving articles into a corpus folder (DOC_ID.txt files plus manifest.csv), safely.

Several dashboard sessions (or processes) may save at once, and a save may be killed half
way. So a save:

* holds a file lock (`filelock`, the hidden file .corpus.lock in the folder) around reading
  and writing the folder and its manifest: saves run one after the other;
* writes every file to a hidden temporary file in the same folder, flushes it to disk and
  os.replace()s it onto its name: a reader sees the old file or the new one, never a cut one
  (a killed save leaves at most a hidden temporary file, which readers skip and the next
  save removes);
* never overwrites an article: a name in use gets _2, _3... (the same text under the same
  name is not written twice);
* rewrites the manifest whole, rows read and written by column name (csv.DictReader /
  DictWriter): another column order, extra columns, a missing trailing newline or a GBK file
  from Excel are kept right. Articles are written before the manifest, so every manifest
  row always has its file.

    save_documents(folder, docs) -> list[Saved]
    read_manifest_rows(path) -> (columns, rows)
"""
from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from filelock import FileLock, Timeout

from lib.documents import Document, ReadError
from lib.reading.files import MANIFEST_NAME, read_bounded_bytes, decode_text

MANIFEST_COLUMNS = ("doc_id", "title", "zone", "published", "url")
LOCK_NAME = ".corpus.lock"
TEMP_PREFIX = ".saving-"  # hidden: readers skip it while (or if) it is being written
LOCK_TIMEOUT_S = 60


class CorpusBusy(RuntimeError):
    """Another save held the lock for longer than LOCK_TIMEOUT_S."""


@dataclass(frozen=True)
class Saved:
    wanted: str        # the doc_id the document came with
    doc_id: str        # the name it has in the corpus (differs when `wanted` was taken)
    path: Path
    already_there: bool = False  # the same text was already saved under doc_id


def safe_name(wanted: str) -> str:
    """A doc_id usable as a file name: 年报 2023 -> 年报_2023; nothing usable -> "article"."""
    return re.sub(r"[^\w\-.]+", "_", wanted).strip("._") or "article"


def save_documents(folder: str | Path, docs: Iterable[Document],
                   timeout: float = LOCK_TIMEOUT_S) -> list[Saved]:
    """Save each document as <doc_id>.txt (its text as read) and list it in manifest.csv."""
    folder = Path(folder)
    docs = list(docs)
    try:
        with FileLock(folder / LOCK_NAME, timeout=timeout):
            return _save_locked(folder, docs)
    except Timeout:
        raise CorpusBusy(f"{folder}: 语料库正被其他会话保存，请稍后再试 / "
                         "the corpus is being saved by another session; try again") from None


def _save_locked(folder: Path, docs: list[Document]) -> list[Saved]:
    _remove_stale_temporaries(folder)  # we hold the lock: any left is from a killed save
    manifest = folder / MANIFEST_NAME
    columns, rows = read_manifest_rows(manifest) if manifest.exists() else (list(MANIFEST_COLUMNS), [])
    listed = {row.get("doc_id", "") for row in rows}
    taken = {p.stem for p in folder.iterdir() if not p.name.startswith(".")} | listed

    saved: list[Saved] = []
    for doc in docs:
        doc_id = safe_name(doc.doc_id)
        if _same_text(folder / f"{doc_id}.txt", doc.text):
            saved.append(Saved(doc.doc_id, doc_id, folder / f"{doc_id}.txt", already_there=True))
            if doc_id in listed:
                continue
        else:
            doc_id = _free_name(doc_id, taken)
            _write_atomically(folder / f"{doc_id}.txt", doc.text.encode("utf-8"))
            saved.append(Saved(doc.doc_id, doc_id, folder / f"{doc_id}.txt"))
        taken.add(doc_id)
        listed.add(doc_id)
        rows.append({"doc_id": doc_id, "title": doc.title, "zone": doc.zone,
                     "published": doc.published, "url": doc.url})
    _write_atomically(manifest, _manifest_bytes(columns, rows))
    return saved


def read_manifest_rows(path: str | Path) -> tuple[list[str], list[dict[str, str]]]:
    """The manifest's column names (known ones lower-cased, the five standard ones added at
    the end when missing) and its rows as {column: value}. ReadError when unreadable."""
    name = str(path)
    text = decode_text(read_bounded_bytes(Path(path)), name).lstrip("\ufeff")
    try:
        reader = csv.DictReader(io.StringIO(text))
        fieldnames = [_column(f) for f in (reader.fieldnames or [])]
        reader.fieldnames = fieldnames
        rows = [{k: (v or "") for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as exc:
        raise ReadError(name, f"无法解析的 CSV / not a readable CSV ({exc})") from None
    if fieldnames and "doc_id" not in fieldnames:
        raise ReadError(name, "没有 doc_id 列 / no doc_id column")
    columns = fieldnames + [c for c in MANIFEST_COLUMNS if c not in fieldnames]
    return columns, rows


def _column(header: str) -> str:
    cleaned = header.strip()
    return cleaned.lower() if cleaned.lower() in MANIFEST_COLUMNS else cleaned


def _manifest_bytes(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _same_text(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _free_name(doc_id: str, taken: set[str]) -> str:
    candidate, n = doc_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{doc_id}_{n}"
    return candidate


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a hidden temporary file beside `path`, then rename it onto `path`."""
    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            _flush_to_disk(f)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _flush_to_disk(f) -> None:
    """The bytes are on disk before the rename makes them visible (a crash then leaves the
    old file or the whole new one)."""
    f.flush()
    os.fsync(f.fileno())


def _remove_stale_temporaries(folder: Path) -> None:
    for temp in folder.glob(f"{TEMP_PREFIX}*.tmp"):
        temp.unlink(missing_ok=True)
