"""Reading layer: files in, `Document`s out.

What it does
    * `read_bytes(name, data)` turns one file (an upload, or bytes read from disk) into a
      Document, dispatching on the file extension to lib/reading/formats.py: .txt/.md (decoded as is),
      .html/.htm (visible text), .docx (paragraphs and table cells), .pdf (text layer).
    * `decode_text(data)` (lib/reading/decoding.py) decodes plain text: BOM, then strict UTF-8, then
      charset-normalizer, cross-checked against GB18030 and Big5 with a "looks like Chinese" score.
    * `read_path(path)` reads a file from disk; `read_manifest(path)` a folder's manifest.csv
      (title/zone/published/url per doc_id). Folders and batches: lib/reading/sources.py.
    * Every failure is a `ReadError(name, reason)` with a short reason in Chinese and English
      ("空文件 / empty file"), never a traceback.
    * Size limits (lib/limits.py) are checked before the expensive work: file bytes before
      reading, HTML bytes before parsing, a .docx's unpacked size before python-docx, the
      decoded text's length after.

What it does not do
    * No normalisation of the text: traditional characters, full-width digits and the like
      stay as written, because the extractor keeps offsets into this text. The only change
      to plain text is line endings ("\\r\\n" and lone "\\r" become "\\n").
    * No OCR (scanned PDFs are reported), no old binary .doc, no password-protected PDFs
      (an empty user password is tried), no docx headers/footers/footnotes/text boxes,
      no CSS-hidden HTML, no <pre> whitespace preservation.
    * Encoding detection is tuned for Chinese; other non-UTF-8 scripts rely on
      charset-normalizer alone.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import unicodedata
from pathlib import Path

from lib import limits
from lib.reading.decoding import cjk_score, decode_text  # noqa: F401  (re-exported)
from lib.documents import Document, ReadError
from lib.reading.formats import READERS

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ("title", "zone", "published", "url")

__all__ = [
    "SUPPORTED_EXTENSIONS", "read_bytes", "read_path", "decode_text",
    "cjk_score", "normalise_published", "read_manifest",
]


# --------------------------------------------------------------------------- dispatch

def read_bytes(name: str, data: bytes) -> Document:
    """Read one file's bytes into a Document; doc_id is the file name without extension."""
    ext = Path(name).suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        shown = f"'{ext}'" if ext else "no extension"
        raise ReadError(name, f"不支持的文件类型 / unsupported file type ({shown}); supported: "
                              + ", ".join(SUPPORTED_EXTENSIONS))
    if not data:
        raise ReadError(name, "空文件 / empty file")
    limits.check_file_size(name, len(data))
    reader = READERS[ext]
    text, title = reader(name, bytes(data))
    limits.check_text_length(name, text)
    if not text.strip():
        raise ReadError(name, "没有正文 / no text")
    return Document(doc_id=Path(name).stem, text=text, title=title, path=name)


def read_path(path: str | Path) -> Document:
    """Read a file from disk; errors name the path as given."""
    path = Path(path)
    data = read_bounded_bytes(path)
    doc = read_bytes(str(path), data)
    doc.path = str(path)
    return doc


def read_bounded_bytes(path: Path, limit: int = limits.MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing more than `limit` (checked by size, then while reading:
    a device or a growing file has no honest size)."""
    try:
        limits.check_file_size(str(path), path.stat().st_size, limit)
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise ReadError(str(path), os_reason(exc)) from None
    limits.check_file_size(str(path), len(data), limit)
    return data


def os_reason(exc: OSError) -> str:
    """An OSError as a short bilingual reason: "无法读取（权限不足）/ Permission denied"."""
    english = exc.strerror or type(exc).__name__
    if isinstance(exc, PermissionError):
        return f"无法读取（权限不足）/ cannot read ({english})"
    if isinstance(exc, FileNotFoundError):
        return f"没有这个文件或文件夹 / no such file or folder"
    return f"无法读取 / cannot read ({english})"


# --------------------------------------------------------------------------- manifest

def read_manifest(path: str | Path) -> tuple[dict[str, dict[str, str]], list[ReadError]]:
    """Parse manifest.csv into {doc_id: {field: value}} with only non-empty cells.

    Columns: doc_id (required) plus any of title, zone, published, url; others ignored.
    Header names are matched case-insensitively. `published` is normalised; a value that
    cannot be read is dropped and reported as a ReadError (the rest of the row is kept).
    Raises ReadError when the file itself cannot be read or has no doc_id column.
    """
    name = str(path)
    try:
        text = decode_text(read_bounded_bytes(Path(path)), name)  # Excel may save GBK; detection copes
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error as exc:
        raise ReadError(name, f"无法解析的 CSV / not a readable CSV ({exc})") from None
    if not rows:
        raise ReadError(name, "清单为空 / empty manifest")

    header = [h.strip().lower() for h in rows[0]]
    if "doc_id" not in header:
        raise ReadError(name, "没有 doc_id 列 / no doc_id column")
    columns = {field: header.index(field) for field in ("doc_id",) + MANIFEST_FIELDS
               if field in header}

    manifest: dict[str, dict[str, str]] = {}
    errors: list[ReadError] = []
    for line_no, row in enumerate(rows[1:], start=2):
        cells = {field: row[i].strip() for field, i in columns.items() if i < len(row)}
        doc_id = cells.pop("doc_id", "")
        if not doc_id:
            continue
        if cells.get("published"):
            try:
                cells["published"] = normalise_published(cells["published"])
            except ValueError:
                errors.append(ReadError(name, f"第 {line_no} 行日期无法识别 / line {line_no}: cannot read published date "
                                              f"{cells['published']!r}"))
                del cells["published"]
        manifest[doc_id] = {field: value for field, value in cells.items() if value}
    return manifest, errors


_DATE = re.compile(  # a time of day after the date is allowed and ignored
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(?:日|(?=[\sT])|$)(?:\s*T?\s*\d.*)?")
_YEAR_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")
_YEAR = re.compile(r"(\d{4})\s*年?")


def normalise_published(value: str) -> str:
    """"2018-10-17", "2018-10-17 10:51", "2018/10/17", "2018年10月17日" -> "2018-10-17";
    "2018" or "2018年" -> "2018"; a year and month only -> the year. ValueError otherwise."""
    value = unicodedata.normalize("NFKC", value).strip()  # full-width digits from Excel
    if match := _DATE.fullmatch(value):
        year, month, day = map(int, match.groups())
        return _dt.date(year, month, day).isoformat()  # ValueError for 2018-02-30
    if (match := _YEAR_MONTH.fullmatch(value)) and 1 <= int(match.group(2)) <= 12:
        return match.group(1)
    if match := _YEAR.fullmatch(value):
        return match.group(1)
    raise ValueError(f"unrecognised date: {value!r}")
