"""Tests for lib/reading/files.py: decoding, each file format, folders and manifests.

Fixtures (docx, pdf, html, folders) are generated in tmp_path or in memory; nothing binary
is committed.
"""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from lib.documents import Document, ReadError
from lib.reading.files import (
    SUPPORTED_EXTENSIONS, cjk_score, decode_text, normalise_published, read_bytes, read_path,
)
from lib.reading.sources import read_documents

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
NANNING_TRAD = "南寧經濟技術開發區招商引資2013年共引進項目92個,總投資額157.93億元"
NANNING_SIMP = "南宁经济技术开发区招商引资2013年共引进项目92个,总投资额157.93亿元"


# --------------------------------------------------------------------------- helpers

def make_pdf(*pages: str) -> bytes:
    """A minimal valid PDF: one page per argument, ASCII text in Helvetica (empty = blank page)."""
    n = len(pages)
    page_ids = [3 + 2 * i for i in range(n)]
    font_id = 3 + 2 * n
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % p for p in page_ids)
           + b"] /Count %d >>" % n,
        font_id: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for page_id, text in zip(page_ids, pages):
        content = b"BT /F1 24 Tf 72 700 Td (%s) Tj ET" % text.encode("ascii") if text else b""
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                            % (font_id, page_id + 1))
        objects[page_id + 1] = (b"<< /Length %d >>\nstream\n" % len(content) + content
                                + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for obj_id in sorted(objects):
        offsets[obj_id] = len(out)
        out += b"%d 0 obj\n" % obj_id + objects[obj_id] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[i] for i in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    return bytes(out)


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None,
              title: str = "") -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
        document.add_paragraph("表后段落")
    document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- decoding

@pytest.mark.parametrize("data, expected", [
    pytest.param("开发区GDP增长8.5%".encode("utf-8"), "开发区GDP增长8.5%", id="utf8"),
    pytest.param(b"\xef\xbb\xbf" + "开发区GDP".encode("utf-8"), "开发区GDP", id="utf8-bom"),
    pytest.param(NANNING_SIMP.encode("gb18030"), NANNING_SIMP, id="gb18030-long"),
    pytest.param("总投资额157.93亿元".encode("gbk"), "总投资额157.93亿元", id="gbk-short"),
    pytest.param("地区生产总值".encode("gbk"), "地区生产总值", id="gbk-6-chars"),
    pytest.param("總投資額157.93億元".encode("gbk"), "總投資額157.93億元",
                 id="gbk-traditional-detector-says-cp932"),
    pytest.param("經濟".encode("gbk"), "經濟", id="gbk-2-chars-detector-says-cp949"),
    pytest.param(NANNING_TRAD.encode("big5"), NANNING_TRAD, id="big5-nanning"),
    pytest.param("總投資額157.93億元".encode("big5"), "總投資額157.93億元", id="big5-short"),
    pytest.param("\ufeff园区产值".encode("utf-16-le"), "园区产值", id="utf16-le-bom"),
    pytest.param("\ufeff园区产值".encode("utf-16-be"), "园区产值", id="utf16-be-bom"),
    pytest.param("\ufeff园区产值".encode("utf-32-le"), "园区产值", id="utf32-le-bom"),
    pytest.param("第一行\r\n第二行\r\n".encode("utf-8"), "第一行\n第二行\n", id="crlf"),
    pytest.param("第一行\r\n第二行".encode("gb18030"), "第一行\n第二行", id="crlf-gb18030"),
    pytest.param("增长８.５％，達１２３億元".encode("utf-8"), "增长８.５％，達１２３億元",
                 id="fullwidth-and-traditional-kept"),
    pytest.param("café résumé".encode("cp1252"), None, id="latin-not-turned-into-hanzi"),
])
def test_decode_text(data, expected):
    text = decode_text(data)
    if expected is None:  # the Chinese cross-check must not turn Latin text into hanzi
        assert "caf" in text and not any("\u3400" <= ch <= "\u9fff" for ch in text)
    else:
        assert text == expected


class _FakeGuess:
    def __init__(self, encoding):
        self.encoding = encoding


class _FakeMatches:
    def __init__(self, encoding):
        self.encoding = encoding

    def best(self):
        return _FakeGuess(self.encoding) if self.encoding else None


@pytest.mark.parametrize("data, wrong_guess, expected", [
    pytest.param(NANNING_TRAD.encode("big5"), "gb18030", NANNING_TRAD, id="big5-guessed-gb"),
    pytest.param(NANNING_SIMP.encode("gbk"), "big5", NANNING_SIMP, id="gbk-guessed-big5"),
    pytest.param("招商引资项目".encode("gbk"), "shift_jis", "招商引资项目", id="gbk-guessed-sjis"),
    pytest.param(NANNING_TRAD.encode("big5"), None, NANNING_TRAD, id="big5-no-guess"),
])
def test_decode_overrides_wrong_detector_guess(monkeypatch, data, wrong_guess, expected):
    import charset_normalizer

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda _: _FakeMatches(wrong_guess))
    assert decode_text(data) == expected


def test_decode_unknown_encoding_names_file():
    with pytest.raises(ReadError) as info:
        decode_text(bytes(range(256)), name="blob.txt")
    assert str(info.value) == "blob.txt: 无法识别文本编码 / unknown text encoding"


@pytest.mark.parametrize("good, bad", [
    pytest.param(NANNING_TRAD, NANNING_TRAD.encode("big5").decode("gb18030"), id="big5-as-gb"),
    pytest.param(NANNING_SIMP, NANNING_SIMP.encode("gbk").decode("big5", "replace"),
                 id="gbk-as-big5"),
    pytest.param("经济", "\ufffd\ufffd", id="replacement-chars"),
])
def test_cjk_score_prefers_right_decoding(good, bad):
    assert cjk_score(good) > cjk_score(bad)


# --------------------------------------------------------------------------- text files

@pytest.mark.parametrize("name, data, doc_id, title", [
    pytest.param("news_01.txt", "\n\n  南宁经开区 2013 年招商  \n正文".encode("utf-8"),
                 "news_01", "南宁经开区 2013 年招商", id="txt-first-nonempty-line"),
    pytest.param("long.txt", ("标" * 100 + "\n正文").encode("gb18030"),
                 "long", "标" * 80, id="txt-title-80-chars"),
    pytest.param("notes.MD", "# 园区 概况\n\n产值100亿元".encode("utf-8"),
                 "notes", "园区 概况", id="md-heading-marks-stripped"),
    pytest.param("a.b.txt", NANNING_TRAD.encode("big5"), "a.b", NANNING_TRAD,
                 id="big5-doc-id-keeps-inner-dots"),
])
def test_read_text_file(name, data, doc_id, title):
    doc = read_bytes(name, data)
    assert (doc.doc_id, doc.title) == (doc_id, title)
    assert doc.text == decode_text(data)  # text kept exactly as decoded


# --------------------------------------------------------------------------- html

JUNK_PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title> 招商 引资 | 南宁 </title>
<style>.x {color: red}</style><script>var gdp = "999亿元";</script></head>
<body><header><h1>站点标题</h1></header>
<nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
<div class="article"><h2>2013年招商成果</h2>
<p>共引进项目<b>92</b>个，
   总投资额157.93亿元。</p><!-- 注释不应出现 -->
<p>第二段&nbsp;内容<br>换行后</p>
<table><tr><th>指标</th><th>数值</th></tr><tr><td>GDP</td><td>55.66亿元</td></tr></table>
<noscript>请启用脚本</noscript><form><input value="搜索"><button>提交</button></form></div>
<aside>热门文章</aside><footer>版权所有 2024</footer>
<script>track("footer");</script></body></html>"""


def test_html_junk_removed_and_title_read():
    doc = read_bytes("page.html", JUNK_PAGE.encode("gbk"))  # declared gb2312, written gbk
    assert doc.doc_id == "page"
    assert doc.title == "招商 引资 | 南宁"
    assert doc.text.split("\n") == [
        "2013年招商成果",
        "共引进项目92个， 总投资额157.93亿元。",
        "第二段 内容",
        "换行后",
        "指标\t数值",
        "GDP\t55.66亿元",
    ]


@pytest.mark.parametrize("html, title, text", [
    pytest.param("<html><body><header><h1>标题一</h1></header><p>正文</p></body></html>",
                 "标题一", "正文", id="title-from-h1-in-header"),
    pytest.param("<title></title><h1> 大 标题 </h1><div>甲<div>乙</div>丙</div>",
                 "大 标题", "大 标题\n甲\n乙\n丙", id="empty-title-falls-back-to-h1"),
    pytest.param("<p>只有正文</p>", "", "只有正文", id="fragment-without-title"),
    pytest.param("<ul><li>一</li><li>二</li></ul><p>a<span>b</span>c</p>", "",
                 "一\n二\nabc", id="blocks-split-inline-joined"),
])
def test_html_structure(html, title, text):
    doc = read_bytes("x.htm", html.encode("utf-8"))
    assert (doc.title, doc.text) == (title, text)


def test_html_big5_without_meta():
    html = f"<html><body><p>{NANNING_TRAD}</p></body></html>".encode("big5")
    assert read_bytes("tw.html", html).text == NANNING_TRAD


def test_html_only_junk_has_no_text():
    with pytest.raises(ReadError, match=r"^junk\.html: 没有正文 / no text$"):
        read_bytes("junk.html", b"<html><body><nav>menu</nav><script>x()</script></body></html>")


# --------------------------------------------------------------------------- docx

def test_docx_paragraphs_and_tables_in_order():
    data = make_docx(["南宁经开区2013年招商", "", "共引进项目92个"],
                     table=[["指标", "数值"], ["GDP", "55.66亿元"]])
    doc = read_bytes("report.docx", data)
    assert doc.doc_id == "report"
    assert doc.title == "南宁经开区2013年招商"  # no core title: first non-empty line
    assert doc.text.split("\n") == [
        "南宁经开区2013年招商", "", "共引进项目92个", "指标\t数值", "GDP\t55.66亿元", "表后段落"]


def test_docx_core_title_used(tmp_path):
    path = tmp_path / "titled.docx"
    path.write_bytes(make_docx(["正文"], title="文档标题"))
    doc = read_path(path)
    assert (doc.title, doc.text, doc.path) == ("文档标题", "正文", str(path))


def _zip_without_docx_parts() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    return buffer.getvalue()


@pytest.mark.parametrize("data", [
    pytest.param(b"PK\x03\x04 this is not really a zip", id="truncated-zip"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, id="old-doc-renamed"),
    pytest.param(_zip_without_docx_parts(), id="zip-without-document"),
    pytest.param(lambda: make_docx(["正文"])[:300], id="cut-short"),
])
def test_corrupt_docx(data):
    data = data() if callable(data) else data
    with pytest.raises(ReadError) as info:
        read_bytes("broken.docx", data)
    assert str(info.value) == "broken.docx: 文件损坏或不是 Word .docx / corrupt or not a Word .docx file"


def test_docx_with_only_empty_paragraphs_has_no_text():
    with pytest.raises(ReadError, match=r"^blank\.docx: 没有正文 / no text$"):
        read_bytes("blank.docx", make_docx(["", "  "]))


# --------------------------------------------------------------------------- pdf

@pytest.mark.parametrize("pages, expected_lines", [
    pytest.param(["GDP 55.66 yi yuan 2019"], ["GDP 55.66 yi yuan 2019"], id="one-page"),
    pytest.param(["Page one 12.5", "Page two 2020"], ["Page one 12.5", "Page two 2020"],
                 id="two-pages-joined-by-newline"),
    pytest.param(["", "Only second page 7"], ["", "Only second page 7"], id="blank-first-page"),
])
def test_pdf_text_layer(pages, expected_lines):
    doc = read_bytes("stats.pdf", make_pdf(*pages))
    assert doc.doc_id == "stats"
    assert [line.strip() for line in doc.text.split("\n")] == expected_lines
    assert doc.title == next(line for line in expected_lines if line)  # first non-empty line


@pytest.mark.parametrize("data, reason", [
    pytest.param(lambda: make_pdf(""), "PDF 没有文字层（扫描件？）/ no text layer (scanned PDF?)", id="empty-page"),
    pytest.param(lambda: make_pdf("", ""), "PDF 没有文字层（扫描件？）/ no text layer (scanned PDF?)", id="two-empty-pages"),
    pytest.param(lambda: encrypt_pdf(make_pdf("Secret 42"), "pw"),
                 "PDF 已加密（需要密码）/ encrypted PDF (needs a password)", id="password-protected"),
    pytest.param(lambda: b"%PDF-1.4\n garbage garbage", "文件损坏或不是 PDF / corrupt or not a PDF file",
                 id="garbage-after-header"),
    pytest.param(lambda: b"GIF89a not a pdf at all", "文件损坏或不是 PDF / corrupt or not a PDF file", id="not-pdf"),
])
def test_pdf_errors(data, reason):
    with pytest.raises(ReadError) as info:
        read_bytes("scan.pdf", data())
    assert (info.value.name, info.value.reason) == ("scan.pdf", reason)
    assert str(info.value) == f"scan.pdf: {reason}"


def test_pdf_encrypted_with_empty_user_password_is_read():
    doc = read_bytes("restricted.pdf", encrypt_pdf(make_pdf("GDP 55.66 yi yuan 2019"), ""))
    assert "GDP 55.66 yi yuan 2019" in doc.text


# --------------------------------------------------------------------------- generic errors

@pytest.mark.parametrize("name, data, reason_part", [
    pytest.param("table.xlsx", b"PK\x03\x04", "unsupported file type ('.xlsx')", id="xlsx"),
    pytest.param("old.doc", b"\xd0\xcf\x11\xe0", "unsupported file type ('.doc')", id="doc"),
    pytest.param("README", b"text", "unsupported file type (no extension)", id="no-extension"),
    pytest.param("empty.txt", b"", "empty file", id="empty-txt"),
    pytest.param("empty.pdf", b"", "empty file", id="empty-pdf"),
    pytest.param("spaces.txt", " \r\n\t\u3000\n".encode("utf-8"), "no text", id="whitespace-only"),
])
def test_read_bytes_errors_name_the_file(name, data, reason_part):
    with pytest.raises(ReadError) as info:
        read_bytes(name, data)
    message = str(info.value)
    assert message.startswith(f"{name}: ")
    assert reason_part in message
    if "unsupported" in reason_part:
        assert all(ext in message for ext in SUPPORTED_EXTENSIONS)


def test_read_path_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(ReadError) as info:
        read_path(missing)
    assert info.value.name == str(missing)


# --------------------------------------------------------------------------- published dates

@pytest.mark.parametrize("value, expected", [
    ("2018-10-17", "2018-10-17"),
    ("2018-10-17 10:51", "2018-10-17"),
    ("2018/10/17", "2018-10-17"),
    ("2018/1/7", "2018-01-07"),
    ("2018年10月17日", "2018-10-17"),
    ("２０１８年１０月１７日", "2018-10-17"),
    ("2018", "2018"),
    ("2018年", "2018"),
    (" 2018-10 ", "2018"),
])
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["2018-02-30", "2018-13", "17/10/2018", "soon", "18"])
def test_normalise_published_rejects(value):
    with pytest.raises(ValueError):
        normalise_published(value)


# --------------------------------------------------------------------------- folders & manifest

def write_manifest(folder: Path, rows: list[list[str]], bom: bool = False) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    (folder / "manifest.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"")
                                          + buffer.getvalue().encode("utf-8"))


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("园区甲\n产值100亿元", encoding="utf-8")
    (root / "b.html").write_bytes("<title>乙页</title><p>税收12亿元</p>".encode("gbk"))
    (root / "sub" / "c.md").write_text("# 丙\n投资5亿元", encoding="utf-8")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 junk")
    (root / "notes.xlsx").write_bytes(b"not read")          # unsupported: skipped in folders
    (root / ".hidden.txt").write_text("隐藏", encoding="utf-8")
    (root / ".git" / "x.txt").write_text("隐藏", encoding="utf-8")
    return root


def test_folder_with_one_bad_file(folder):
    documents, errors = read_documents([folder])
    assert [d.doc_id for d in documents] == ["a", "b", "c"]   # sorted, recursive, no hidden
    assert [d.title for d in documents] == ["园区甲", "乙页", "丙"]
    assert all(d.path.startswith(str(folder)) for d in documents)
    assert len(errors) == 1 and "broken.docx" in str(errors[0])


def test_manifest_fills_fields(folder):
    write_manifest(folder, [
        ["doc_id", "Zone", "published", "url", "title", "notes"],
        ["a", "南宁经开区", "2018年10月17日", "http://example.cn/a", "", "ignored"],
        ["b", "", "2013", "", "清单标题", ""],
        ["c", "临沂经开区", "2018/10/17 10:51", "", "", ""],
        ["unknown", "某区", "2020", "", "", ""],
    ], bom=True)
    documents, errors = read_documents(folder)
    by_id = {d.doc_id: d for d in documents}
    assert [e.name.endswith("broken.docx") for e in errors] == [True]
    a, b, c = by_id["a"], by_id["b"], by_id["c"]
    assert (a.zone, a.published, a.url, a.title) == ("南宁经开区", "2018-10-17",
                                                     "http://example.cn/a", "园区甲")
    assert (b.zone, b.published, b.title) == ("", "2013", "清单标题")  # empty cells keep defaults
    assert (c.zone, c.published) == ("临沂经开区", "2018-10-17")


@pytest.mark.parametrize("manifest_bytes, message_part", [
    pytest.param("id,zone\na,南宁\n".encode("utf-8"), "no doc_id column", id="no-doc-id"),
    pytest.param(b"", "empty manifest", id="empty"),
    pytest.param(bytes(range(256)), "unknown text encoding", id="binary"),
])
def test_bad_manifest_is_an_error_but_documents_are_read(folder, manifest_bytes, message_part):
    (folder / "manifest.csv").write_bytes(manifest_bytes)
    documents, errors = read_documents([folder])
    assert [d.doc_id for d in documents] == ["a", "b", "c"]
    assert all(d.zone == "" for d in documents)
    manifest_errors = [e for e in errors if Path(e.name).name == "manifest.csv"]
    assert len(manifest_errors) == 1 and message_part in manifest_errors[0].reason


def test_manifest_bad_date_reported_rest_of_row_kept(folder):
    write_manifest(folder, [["doc_id", "zone", "published"], ["a", "甲区", "someday"]])
    documents, errors = read_documents([folder])
    a = next(d for d in documents if d.doc_id == "a")
    assert (a.zone, a.published) == ("甲区", "")
    assert any("line 2" in str(e) and "someday" in str(e) for e in errors)


def test_manifest_in_gbk_from_excel(folder):
    (folder / "manifest.csv").write_bytes("doc_id,zone\r\na,南宁经济技术开发区\r\n".encode("gbk"))
    documents, _ = read_documents([folder])
    assert documents[0].zone == "南宁经济技术开发区"


def test_duplicate_doc_ids_across_folders_are_suffixed(tmp_path):
    for name in ("one", "two", "three"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.txt").write_text(f"来自{name}", encoding="utf-8")
    (tmp_path / "two" / "manifest.csv").write_text("doc_id,zone\nreport,乙区\n", encoding="utf-8")
    documents, errors = read_documents([tmp_path / "one", tmp_path / "two", tmp_path / "three"])
    assert errors == []
    assert [(d.doc_id, d.text, d.zone) for d in documents] == [
        ("report", "来自one", ""), ("report_2", "来自two", "乙区"), ("report_3", "来自three", "")]


def test_read_documents_mixes_files_folders_and_missing(folder, tmp_path):
    single = tmp_path / "single.txt"
    single.write_text("单独文件", encoding="utf-8")
    documents, errors = read_documents([str(single), folder / "a.txt", tmp_path / "missing"])
    assert [d.doc_id for d in documents] == ["single", "a"]
    assert [e.reason for e in errors] == ["没有这个文件或文件夹 / no such file or folder"]


def test_folder_without_supported_files(tmp_path):
    (tmp_path / "manifest.csv").write_text("doc_id\n", encoding="utf-8")
    documents, errors = read_documents([tmp_path])
    assert documents == [] and len(errors) == 1 and "no supported files" in errors[0].reason


# --------------------------------------------------------------------------- bundled corpus

def test_bundled_corpus():
    with open(CORPUS / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
        manifest = {row["doc_id"]: row for row in csv.DictReader(handle)}
    documents, errors = read_documents([CORPUS])
    assert errors == []
    assert len(documents) == 21
    assert [d.doc_id for d in documents] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    for doc in documents:
        assert isinstance(doc, Document)
        assert doc.text == (CORPUS / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
        assert doc.zone == manifest[doc.doc_id]["zone"] != ""
        if manifest[doc.doc_id]["published"]:
            assert doc.published == normalise_published(manifest[doc.doc_id]["published"])
        assert doc.title == (manifest[doc.doc_id]["title"] or doc.title)
