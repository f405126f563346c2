"""One reader per file type: (name, bytes) -> (text, title). Text stays as written (offsets in
the facts table point into it); size limits (lib/limits.py) are checked before the expensive
work (HTML bytes before parsing, a .docx's unpacked size before python-docx).

    READERS[".txt" | ".md" | ".html" | ".htm" | ".docx" | ".pdf"](name, data) -> (text, title)
"""
from __future__ import annotations

import io
import re

from lib import limits
from lib.reading.decoding import decode_text, normalise_newlines
from lib.documents import ReadError

TITLE_MAX_CHARS = 80


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
    text = normalise_newlines("\n".join(lines))
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
    text = normalise_newlines("\n".join(pages))
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


READERS = {
    ".txt": _read_text, ".md": _read_text,
    ".html": _read_html, ".htm": _read_html,
    ".docx": _read_docx, ".pdf": _read_pdf,
}
