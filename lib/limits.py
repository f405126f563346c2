"""Size limits on input: what one document may weigh before it is read at all.

Articles are small (the bundled ones are 2-40 KB of text), so the limits are generous for
real files and stop hostile ones early, before they cost memory or time:

    MAX_FILE_BYTES          any file as uploaded or on disk (also the Streamlit upload cap)
    MAX_HTML_BYTES          an HTML page (its parse tree takes ~10x the bytes in memory)
    MAX_DECOMPRESSED_BYTES  a .docx unpacked: all its zip members together
    MAX_ZIP_MEMBERS         a .docx's number of zip members (real ones have 10-100)
    MAX_PDF_PAGES           a .pdf's pages
    MAX_TEXT_CHARS          a document's decoded text, whatever the format

A .docx is checked in two steps: the sizes its zip directory declares, then every member is
actually inflated with a byte budget (a forged directory can declare anything). Its XML parts
may carry no DTD (Word never writes one; entity tricks need one). Each failure is a ReadError
whose reason names the limit in Chinese and English.
"""
from __future__ import annotations

import io
import zipfile

from lib.documents import ReadError

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB
MAX_HTML_BYTES = 10 * MB
MAX_DECOMPRESSED_BYTES = 50 * MB
MAX_ZIP_MEMBERS = 1000
MAX_PDF_PAGES = 500
MAX_TEXT_CHARS = 2_000_000

# What one extracted fact may hold (the schema checks the same; figures outside are no facts)
FIRST_YEAR, LAST_YEAR = 1949, 2100   # 1948年 is history, 361900年 no year at all
MAX_VALUE = 1e15                     # larger than any economy, in any canonical unit
MAX_NUMBER_DIGITS = 16               # a longer run of digits is an id or junk, not an amount
MAX_FIGURES_PER_SENTENCE = 300       # more is a dump of numbers, not prose
MAX_SENTENCE_CHARS = 600             # a longer sentence is stored as an excerpt around the figure,
EXCERPT_CHARS = 120                  # this many characters each side of it
CONTEXT_CHARS = 200                  # how far back a figure's words are read within its clause

_CHUNK = 64 * 1024
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def _mb(n: int) -> str:
    return f"{n // MB} MB"


def check_file_size(name: str, size: int, limit: int = MAX_FILE_BYTES) -> None:
    if size > limit:
        raise ReadError(name, f"文件超过 {_mb(limit)} 上限 / file exceeds the {_mb(limit)} limit")


def check_html_size(name: str, size: int) -> None:
    if size > MAX_HTML_BYTES:
        raise ReadError(name, f"HTML 超过 {_mb(MAX_HTML_BYTES)} 上限 / "
                              f"HTML page exceeds the {_mb(MAX_HTML_BYTES)} limit")


def check_text_length(name: str, text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError(name, f"正文超过 {MAX_TEXT_CHARS:,} 字上限 / "
                              f"text exceeds the {MAX_TEXT_CHARS:,}-character limit")


def check_pdf_pages(name: str, pages: int) -> None:
    if pages > MAX_PDF_PAGES:
        raise ReadError(name, f"PDF 超过 {MAX_PDF_PAGES} 页上限 / "
                              f"PDF exceeds the {MAX_PDF_PAGES}-page limit")


def check_docx_archive(name: str, data: bytes) -> None:
    """Inflate every member of a .docx within MAX_DECOMPRESSED_BYTES; refuse DTDs in XML.

    Raises ReadError for a bomb, too many members, or a DTD; returns quietly otherwise
    (a file that is no zip at all is left to the Word reader, which reports it).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ReadError(name, f"压缩包内文件超过 {MAX_ZIP_MEMBERS} 个 / "
                                  f"more than {MAX_ZIP_MEMBERS} parts in the archive")
        too_big = ReadError(name, f"解压后超过 {_mb(MAX_DECOMPRESSED_BYTES)} 上限 / "
                                  f"decompressed size exceeds the {_mb(MAX_DECOMPRESSED_BYTES)} limit")
        if sum(m.file_size for m in members) > MAX_DECOMPRESSED_BYTES:
            raise too_big  # the declared sizes already say so
        budget = MAX_DECOMPRESSED_BYTES
        for member in members:
            is_xml = member.filename.lower().endswith((".xml", ".rels"))
            try:
                budget = _inflate_within(archive, member, budget, is_xml, name)
            except _OverBudget:
                raise too_big from None
            except ReadError:
                raise
            except Exception:  # bad CRC, unsupported compression...: a damaged file
                raise ReadError(name, "文件损坏或不是 Word .docx / "
                                      "corrupt or not a Word .docx file") from None


class _OverBudget(Exception):
    pass


def _inflate_within(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int,
                    is_xml: bool, name: str) -> int:
    """Stream one member, counting real bytes; returns the budget left."""
    tail = b""  # a DTD marker may straddle two chunks
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            budget -= len(chunk)
            if budget < 0:
                raise _OverBudget
            if is_xml:
                window = tail + chunk
                if any(marker in window for marker in _DTD_MARKERS):
                    raise ReadError(name, "XML 含有 DTD 声明，拒绝读取 / "
                                          "XML part declares a DTD (refused)")
                tail = chunk[-16:]
    return budget
