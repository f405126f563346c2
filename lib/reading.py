"""Reading layer: files in, `Document`s out.

What it does
    * `read_bytes(name, data)` turns one file (an upload, or bytes read from disk) into a
      Document, dispatching on the file extension: .txt/.md (decoded as is), .html/.htm
      (visible text), .docx (paragraphs and table cells), .pdf (text layer).
    * `decode_text(data)` decodes plain text: BOM, then strict UTF-8, then charset-normalizer,
      cross-checked against GB18030 and Big5 with a small "looks like Chinese" score.
    * `read_path(path)` reads a file from disk; `read_manifest(path)` a folder's manifest.csv
      (title/zone/published/url per doc_id). Folders and batches: lib/sources.py.
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
from functools import lru_cache
from pathlib import Path

from lib import limits
from lib.documents import Document, ReadError

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ("title", "zone", "published", "url")
TITLE_MAX_CHARS = 80

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
    reader = _READERS[ext]
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


# --------------------------------------------------------------------------- plain text

_BOMS = (  # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Chinese encodings that get cross-checked, whatever charset-normalizer guessed.
_CJK_CANDIDATES = ("gb18030", "big5")
_SCORE_SAMPLE_CHARS = 20_000  # scoring more than this changes nothing but costs time


def decode_text(data: bytes, name: str = "text", declared: str | None = None) -> str:
    """Decode bytes to str, normalising line endings to "\\n".

    Order: BOM, strict UTF-8, the `declared` charset (e.g. from an HTML <meta>), then
    charset-normalizer's best guess cross-checked against GB18030 and Big5 by `cjk_score`.
    Raises ReadError(name, "unknown text encoding") when nothing decodes.
    """
    text = _decode(data, declared)
    if text is None:
        raise ReadError(name, "无法识别文本编码 / unknown text encoding")
    return _normalise_newlines(text)


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try_decode(data[len(bom):], encoding)
            if text is not None:
                return text
            break  # a BOM-like start that does not decode: treat as unmarked bytes
    for encoding in ("utf-8", declared):
        text = _try_decode(data, encoding)
        if text is not None:
            return text
    return _guess_decode(data)


def _guess_decode(data: bytes) -> str | None:
    """charset-normalizer's guess, unless a Chinese encoding scores better.

    On short Chinese texts charset-normalizer sometimes mixes up GB18030 and Big5 (or
    even says Shift-JIS/CP949), so every candidate is scored; ties keep its guess.
    """
    import charset_normalizer  # imported lazily: slow to import, only needed here

    candidates: list[str] = []
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        candidates.append(best.encoding)
    candidates += [enc for enc in _CJK_CANDIDATES if enc not in candidates]

    decoded = [t for t in (_try_decode(data, enc) for enc in candidates) if t is not None]
    if not decoded:
        return None
    return max(decoded, key=lambda t: cjk_score(t[:_SCORE_SAMPLE_CHARS]))  # first max wins


def _try_decode(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(_codec_name(encoding), errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(encoding: str) -> str:
    """Labels web pages use for a subset; decode with the superset instead."""
    label = encoding.strip().lower().replace("_", "-")
    if label in ("gb2312", "gbk", "x-gbk", "cp936", "euc-cn"):
        return "gb18030"
    if label in ("big5", "x-x-big5"):
        return "cp950"  # what Windows actually writes as "Big5"; a superset of big5
    return label


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cjk_score(text: str) -> int:
    """How much `text` looks like correctly decoded Chinese (higher is better).

    +1 per common hanzi: in GB2312 level 1 (the 3,755 most frequent simplified
       characters) or Big5's "frequently used" block (5,401 traditional characters).
    -1 per suspect character: U+FFFD, private-use, control, unassigned, rare hanzi
       (outside both common sets), and letters of scripts mojibake tends to produce
       (kana, hangul, Greek, Cyrillic, box drawing...).
     0 for everything else: ASCII, Latin letters, punctuation, symbols, full-width forms.
    Decoding Chinese bytes with the wrong one of GB18030/Big5 yields a mix of rare hanzi
    and symbols, so the right decoding wins by a wide margin even on a dozen characters.
    """
    return sum(_char_score(ch) for ch in text)


@lru_cache(maxsize=65536)
def _char_score(ch: str) -> int:
    if ch < "\x80":
        return 0 if ch.isprintable() or ch in "\n\r\t" else -1
    if _is_common_hanzi(ch):
        return 1
    if _is_hanzi(ch):
        return -1
    category = unicodedata.category(ch)
    if ch == "\ufffd" or category in ("Co", "Cn", "Cc", "Cs"):
        return -1
    if category[0] in "PSZN" or _is_latin(ch):
        return 0
    return -1  # letters of other scripts: kana (also half-width), hangul, Greek, Cyrillic...


def _is_hanzi(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK ")  # unified/compatibility ideographs


def _is_latin(ch: str) -> bool:
    return "LATIN " in unicodedata.name(ch, "")  # also FULLWIDTH LATIN ...


def _is_common_hanzi(ch: str) -> bool:
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:  # GB2312 level-1 rows
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = ch.encode("big5")
        return len(big5) == 2 and 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E
    except UnicodeEncodeError:
        return False


def _read_text(name: str, data: bytes) -> tuple[str, str]:
    text = decode_text(data, name)
    if text.startswith("\ufeff"):  # a second BOM (file concatenation) is not text
        text = text[1:]
    return text, _first_line_title(text, markdown=name.lower().endswith(".md"))


def _first_line_title(text: str, markdown: bool = False) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if markdown:
            line = line.lstrip("#").strip()
        if line:
            return line[:TITLE_MAX_CHARS]
    return ""


# --------------------------------------------------------------------------- html

_HTML_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "head", "template", "iframe", "svg", "canvas", "select", "button")
_HTML_BLOCKS = frozenset(
    "address article blockquote caption center dd details dialog div dl dt fieldset "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary table "
    "tbody tfoot thead tr ul".split())
_HTML_CELLS = frozenset(("td", "th"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WHITESPACE = re.compile(r"\s+")  # includes NBSP and the ideographic space used as indent


def _read_html(name: str, data: bytes) -> tuple[str, str]:
    from bs4 import BeautifulSoup

    limits.check_html_size(name, len(data))
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii") if match else None
    soup = BeautifulSoup(decode_text(data, name, declared=declared), "lxml")

    title = _html_title(soup)  # before dropping <header>, which often holds the <h1>
    for tag in soup.find_all(list(_HTML_DROP)):
        tag.decompose()
    return _html_visible_text(soup.body or soup), title


def _html_title(soup) -> str:
    for tag in (soup.title, soup.find("h1")):
        if tag is not None:
            title = _WHITESPACE.sub(" ", tag.get_text(" ")).strip()
            if title:
                return title
    return ""


def _html_visible_text(root) -> str:
    """Text as a browser would lay it out: blocks on their own lines, cells tab-separated."""
    from bs4 import CData, NavigableString, Tag

    parts: list[str] = []
    stack: list = [root]  # explicit stack: deeply nested pages must not hit the recursion limit
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):  # a separator pushed to come after a block's children
            parts.append(node[0])
        elif isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
                continue
            sep = "\n" if node.name in _HTML_BLOCKS else "\t" if node.name in _HTML_CELLS else ""
            parts.append(sep)
            stack.append((sep,))
            stack.extend(reversed(node.contents))
        elif type(node) in (NavigableString, CData):  # not comments, doctypes, etc.
            parts.append(_WHITESPACE.sub(" ", str(node)))
    return _tidy_lines("".join(parts))


def _tidy_lines(text: str) -> str:
    """Strip each line and each tab-separated cell; drop empty lines and empty cells."""
    lines = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        line = "\t".join(c for c in cells if c)
        if line:
            lines.append(line)
    return "\n".join(lines)


# --------------------------------------------------------------------------- docx

def _read_docx(name: str, data: bytes) -> tuple[str, str]:
    limits.check_docx_archive(name, data)  # before python-docx unpacks it all into memory
    try:
        text, title = _docx_text(data)
    except Exception:  # python-docx raises zipfile/KeyError/XML errors on bad files
        raise ReadError(name, "文件损坏或不是 Word .docx / corrupt or not a Word .docx file") from None
    return text, title or _first_line_title(text)


def _docx_text(data: bytes) -> tuple[str, str]:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(block, Table):
            lines.extend(_docx_table_rows(block))
        else:
            lines.append(block.text)
    text = _normalise_newlines("\n".join(lines))
    return text, (document.core_properties.title or "").strip()


def _docx_table_rows(table) -> list[str]:
    """One line per row, cells tab-separated; a merged cell is listed once per row."""
    rows = []
    for row in table.rows:
        seen, cells = set(), []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cell_text = " ".join(cell.text.split("\n")).strip()
            if cell_text:
                cells.append(cell_text)
        rows.append("\t".join(cells))
    return rows


# --------------------------------------------------------------------------- pdf

def _read_pdf(name: str, data: bytes) -> tuple[str, str]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _pdf_decrypt(reader):
            raise ReadError(name, "PDF 已加密（需要密码）/ encrypted PDF (needs a password)")
        limits.check_pdf_pages(name, len(reader.pages))
        pages, chars = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            limits.check_text_length(name, " " * chars)  # stop early, not after the last page
    except ReadError:
        raise
    except Exception:  # pypdf raises many types on damaged files
        raise ReadError(name, "文件损坏或不是 PDF / corrupt or not a PDF file") from None
    text = _normalise_newlines("\n".join(pages))
    if not text.strip():
        raise ReadError(name, "PDF 没有文字层（扫描件？）/ no text layer (scanned PDF?)")
    return text, _pdf_title(reader) or _first_line_title(text)


def _pdf_decrypt(reader) -> bool:
    """Many "encrypted" PDFs only restrict printing and open with an empty password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. AES without the optional cryptography package
        return False


def _pdf_title(reader) -> str:
    try:
        return (reader.metadata.title or "").strip() if reader.metadata else ""
    except Exception:  # metadata is optional and often malformed
        return ""


_READERS = {
    ".txt": _read_text, ".md": _read_text,
    ".html": _read_html, ".htm": _read_html,
    ".docx": _read_docx, ".pdf": _read_pdf,
}


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
