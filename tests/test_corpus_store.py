"""Saving into a corpus folder: concurrent saves keep every article, a killed save leaves a
valid corpus, no article is overwritten, and manifests are read and written by column name."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lib.reading import corpus_store
from lib.reading.corpus_store import read_manifest_rows, save_documents
from lib.documents import Document
from lib.reading.files import read_manifest
from lib.reading.sources import read_documents
from tests.conftest import ROOT

TEXT_A = "2021年,芜湖经开区实现地区生产总值88.5亿元,同比增长9.1%。"
TEXT_B = "2022年,合肥高新区实现营业收入1200亿元。"


def doc(doc_id: str, text: str, **kw) -> Document:
    return Document(doc_id=doc_id, text=text, **kw)


def assert_valid_corpus(folder: Path, known_texts: set[str]) -> None:
    """Every manifest row has its file; every article file is whole (one of known_texts)."""
    _, rows = read_manifest_rows(folder / "manifest.csv")
    for row in rows:
        assert (folder / f"{row['doc_id']}.txt").is_file(), f"row {row['doc_id']} has no file"
    for path in folder.glob("*.txt"):
        assert path.read_text(encoding="utf-8") in known_texts, f"{path.name} is cut"
    docs, errors = read_documents([folder])
    assert errors == []


def test_a_taken_name_gets_a_new_one_and_nothing_is_overwritten(tmp_path):
    (tmp_path / "report.txt").write_text(TEXT_A, encoding="utf-8")  # not in any manifest
    saved = save_documents(tmp_path, [doc("report", TEXT_B, zone="合肥高新区")])
    assert [(s.wanted, s.doc_id) for s in saved] == [("report", "report_2")]
    assert (tmp_path / "report.txt").read_text(encoding="utf-8") == TEXT_A
    assert (tmp_path / "report_2.txt").read_text(encoding="utf-8") == TEXT_B
    again = save_documents(tmp_path, [doc("report_2", TEXT_B)])  # the same article again
    assert again[0].already_there and again[0].doc_id == "report_2"
    _, rows = read_manifest_rows(tmp_path / "manifest.csv")
    assert [r["doc_id"] for r in rows] == ["report_2"]


def test_manifest_without_trailing_newline_keeps_its_last_row(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,title,zone,published,url\r\na,甲,芜湖经开区,2021,",
                                           encoding="utf-8")
    save_documents(tmp_path, [doc("b", TEXT_B, title="乙", zone="合肥高新区")])
    manifest, errors = read_manifest(tmp_path / "manifest.csv")
    assert errors == []
    assert manifest == {"a": {"title": "甲", "zone": "芜湖经开区", "published": "2021"},
                        "b": {"title": "乙", "zone": "合肥高新区"}}


def test_manifest_with_another_column_order_and_extra_columns(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes("zone,note,doc_id,title\r\n芜湖经开区,手工,a,甲\r\n".encode("gbk"))
    save_documents(tmp_path, [doc("b", TEXT_B, title="乙", zone="合肥高新区", url="http://b.example/")])
    columns, rows = read_manifest_rows(tmp_path / "manifest.csv")
    assert columns == ["zone", "note", "doc_id", "title", "published", "url"]
    assert rows == [
        {"zone": "芜湖经开区", "note": "手工", "doc_id": "a", "title": "甲", "published": "", "url": ""},
        {"zone": "合肥高新区", "note": "", "doc_id": "b", "title": "乙", "published": "", "url": "http://b.example/"}]
    by_id = {d.doc_id: d for d in read_documents([tmp_path])[0]}
    assert (by_id["b"].title, by_id["b"].zone) == ("乙", "合肥高新区")
    assert (by_id["a"].title, by_id["a"].zone) == ("甲", "芜湖经开区")


SAVER = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from lib.reading import corpus_store
from lib.documents import Document
folder, doc_id, text, start = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
if text.startswith("@"):  # a long text comes in a file
    text = Path(text[1:]).read_text(encoding="utf-8")
hang = len(sys.argv) > 5
if hang:  # a slow disk: stop inside the n-th flush, after part of the bytes are written
    n_th, marker = int(sys.argv[5]), Path(sys.argv[6])
    calls = []
    real = corpus_store._flush_to_disk
    def slow(f):
        calls.append(1)
        if len(calls) == n_th:
            f.flush()
            marker.write_text("in flush")
            time.sleep(600)
        real(f)
    corpus_store._flush_to_disk = slow
while time.time() < start:  # both savers start at the same moment
    time.sleep(0.001)
saved = corpus_store.save_documents(folder, [Document(doc_id=doc_id, text=text, title=doc_id)])
print(saved[0].doc_id)
"""


def run_saver(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SAVER.format(root=str(ROOT)), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_saving_the_same_name_keep_both_articles(tmp_path):
    for round_ in range(3):
        folder = tmp_path / f"round{round_}"
        folder.mkdir()
        start = str(time.time() + 1.5)  # after both interpreters have started
        procs = [run_saver(str(folder), "pasted", text, start) for text in (TEXT_A, TEXT_B)]
        names = []
        for p in procs:
            out, err = p.communicate(timeout=60)
            assert p.returncode == 0, err
            names.append(out.strip())
        assert sorted(names) == ["pasted", "pasted_2"]
        texts = {p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
        assert texts == {TEXT_A, TEXT_B}
        _, rows = read_manifest_rows(folder / "manifest.csv")
        assert sorted(r["doc_id"] for r in rows) == ["pasted", "pasted_2"]
        assert_valid_corpus(folder, {TEXT_A, TEXT_B})


@pytest.mark.parametrize("flush", [1, 2], ids=["killed-writing-the-article", "killed-writing-the-manifest"])
def test_a_save_killed_half_way_leaves_a_valid_corpus(tmp_path, flush):
    (tmp_path / "old.txt").write_text(TEXT_A, encoding="utf-8")
    save_documents(tmp_path, [doc("old", TEXT_A, title="old")])
    manifest_before = (tmp_path / "manifest.csv").read_bytes()
    marker = tmp_path.parent / f"marker{flush}"
    long_text = TEXT_B * 20_000  # ~1 MB
    source = tmp_path.parent / f"long{flush}.txt"
    source.write_text(long_text, encoding="utf-8")
    p = run_saver(str(tmp_path), "new", f"@{source}", "0", str(flush), str(marker))
    deadline = time.time() + 60
    while not marker.exists():
        assert p.poll() is None and time.time() < deadline, p.stderr.read() if p.poll() is not None else "timeout"
        time.sleep(0.01)
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=10)
    assert_valid_corpus(tmp_path, {TEXT_A, long_text})
    assert (tmp_path / "manifest.csv").read_bytes() == manifest_before  # old or new, never cut
    # the lock died with the process; the next save works and clears the leftovers
    save_documents(tmp_path, [doc("new", TEXT_B)])
    assert not list(tmp_path.glob(f"{corpus_store.TEMP_PREFIX}*"))
    assert_valid_corpus(tmp_path, {TEXT_A, TEXT_B, long_text})


def test_dashboard_save_uses_the_store(tmp_path):
    from dashboard import uploads
    (tmp_path / "manifest.csv").write_text("title,doc_id,zone\r\n甲,a,芜湖经开区", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    written = uploads.save_to_corpus({"a": doc("a", TEXT_B, title="乙", zone="合肥高新区")}, tmp_path)
    assert [p.name for p in written] == ["a_2.txt"]
    manifest, _ = read_manifest(tmp_path / "manifest.csv")
    assert manifest == {"a": {"title": "甲", "zone": "芜湖经开区"},
                        "a_2": {"title": "乙", "zone": "合肥高新区"}}
