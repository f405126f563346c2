"""Hostile input files: zip bombs, oversized files, HTML and text; each is one named error,
read before it costs memory, and the other files of the batch are still read."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pandas as pd
import pytest

from lib import limits
from lib.documents import ReadError
from lib.reading.files import read_bytes
from lib.reading.sources import read_documents
from tests.conftest import ROOT
from tests.test_reading import make_docx

GOOD = "2021年,芜湖经开区实现地区生产总值88.5亿元,同比增长9.1%。"
MB = 1024 * 1024


def docx_with_member(member: str, size: int, data: bytes | None = None) -> bytes:
    """A valid .docx plus one extra zip member of `size` zero bytes (or `data`)."""
    base = zipfile.ZipFile(io.BytesIO(make_docx([GOOD])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in base.infolist():
            out.writestr(item, base.read(item.filename))
        with out.open(member, "w") as stream:
            if data is not None:
                stream.write(data)
            else:
                for _ in range(size // MB):
                    stream.write(bytes(MB))
    return buf.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """~120 KB on disk, 120 MB unpacked."""
    data = docx_with_member("word/media/padding.bin", 120 * MB)
    assert len(data) < 1 * MB
    return data


def test_docx_bomb_is_refused_naming_the_limit(bomb):
    with pytest.raises(ReadError) as info:
        read_bytes("a.docx", bomb)
    assert str(info.value) == ("a.docx: 解压后超过 50 MB 上限 / "
                               "decompressed size exceeds the 50 MB limit")


def test_the_byte_budget_counts_inflated_bytes_not_declared_ones():
    """The second line of defence: each member is streamed and its real bytes counted."""
    archive = zipfile.ZipFile(io.BytesIO(docx_with_member("word/media/padding.bin", 3 * MB)))
    member = archive.getinfo("word/media/padding.bin")
    assert limits._inflate_within(archive, member, 4 * MB, False, "b.docx") == 1 * MB
    with pytest.raises(limits._OverBudget):
        limits._inflate_within(archive, member, 2 * MB, False, "b.docx")


def test_docx_with_a_dtd_is_refused():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
              b"<lolz>&lol;&lol;</lolz>")
    with pytest.raises(ReadError, match="DTD"):
        read_bytes("c.docx", docx_with_member("customXml/item9.xml", 0, laughs))


def test_real_docx_within_the_limits_is_read():
    assert "88.5" in read_bytes("ok.docx", make_docx([GOOD])).text


def test_oversized_files_are_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # sparse: no disk used
        f.truncate(limits.MAX_FILE_BYTES + 1)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    docs, errors = read_documents([tmp_path])
    assert [d.doc_id for d in docs] == ["good"]
    assert [str(e) for e in errors] == [f"{big}: 文件超过 50 MB 上限 / file exceeds the 50 MB limit"]


def test_long_text_and_large_html_are_refused():
    text = ("增长5%。" * (limits.MAX_TEXT_CHARS // 5 + 1)).encode("utf-8")
    with pytest.raises(ReadError, match=r"long\.txt: 正文超过 2,000,000 字上限 / "
                                        r"text exceeds the 2,000,000-character limit"):
        read_bytes("long.txt", text)
    html = b"<html><body><p>" + b"x" * limits.MAX_HTML_BYTES + b"</p></body></html>"
    with pytest.raises(ReadError, match=r"big\.html: .*HTML page exceeds the 10 MB limit"):
        read_bytes("big.html", html)


def test_cli_refuses_the_bomb_in_little_memory_and_writes_the_rest(tmp_path, bomb):
    (tmp_path / "bomb.docx").write_bytes(bomb)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "facts.csv"
    probe = ("import resource, runpy, sys; sys.argv = ['lib', 'extract', sys.argv[1], '-o', sys.argv[2]]\n"
             "try:\n    runpy.run_module('lib', run_name='__main__')\n"
             "except SystemExit as e:\n    code = e.code\n"
             # VmHWM, not ru_maxrss: after fork+exec ru_maxrss still counts the (large) pytest parent
             "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) // 1024,"
             " file=sys.stderr)\n"
             "sys.exit(code)\n")
    r = subprocess.run([sys.executable, "-c", probe, str(tmp_path), str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1, r.stderr
    assert any("bomb.docx: 解压后超过 50 MB 上限" in line for line in lines)
    assert "Traceback" not in r.stderr
    peak_mb = int(lines[-1])
    assert peak_mb < 600, f"peak RSS {peak_mb} MB"  # generous: imports alone take ~250 MB
    assert set(pd.read_csv(out)["doc_id"]) == {"good"}


def test_upload_of_a_bomb_is_one_error_and_the_batch_goes_on(bomb):
    from dashboard import uploads
    docs, facts, errors = uploads.ingest([("bomb.docx", bomb), ("good.txt", GOOD.encode())], [], set())
    assert list(docs) == ["good"] and len(facts) > 0
    assert errors == ["bomb.docx: 解压后超过 50 MB 上限 / decompressed size exceeds the 50 MB limit"]
