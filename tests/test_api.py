"""The public API: paths and Documents through extract_facts / extract_batch, text only
through extract_text; one failing document is that document's error, never the batch's."""
from __future__ import annotations

import pandas as pd
import pytest

import lib
from lib import Document, ReadError, extract_batch, extract_facts, extract_text

GOOD = "2021年,芜湖经开区实现地区生产总值88.5亿元,同比增长9.1%。"


def test_paths_and_documents(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(GOOD, encoding="utf-8")
    assert extract_facts(p)["doc_id"].unique().tolist() == ["a"]
    assert extract_facts(str(tmp_path))["doc_id"].unique().tolist() == ["a"]
    assert extract_facts([Document(doc_id="x", text=GOOD), p])["doc_id"].unique().tolist() == ["x", "a"]
    with pytest.raises(ReadError, match="missing.txt"):
        extract_facts(str(tmp_path / "missing.txt"))


def test_text_goes_through_extract_text_with_its_metadata():
    df = extract_text(GOOD, doc_id="d1", title="标题", published="2022-01-05", url="http://a.example/")
    assert df["value"].tolist() == [88.5, 9.1]
    assert df["doc_id"].unique().tolist() == ["d1"]
    with pytest.raises(TypeError):
        extract_text(b"bytes are not text")


@pytest.mark.parametrize("text", ["GDP 5%", GOOD, "data", "."])
def test_a_string_is_never_guessed_to_be_text_or_a_folder(text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # "data" and "." name nothing here but an empty folder
    with pytest.raises(ReadError):
        extract_facts(text)


def test_lone_surrogates_are_replaced_not_fatal():
    broken = "2021年,芜湖经开区\ud800实现地区生产总值88.5亿元\udfff,同比增长9.1%。"
    df = extract_text(broken, title="标题\ud83d")
    assert df["value"].tolist() == [88.5, 9.1]
    assert "\ufffd" in df["sentence"].iloc[0] and "\ud800" not in df["sentence"].iloc[0]
    row = df.iloc[0]
    assert broken[row["start"]:row["end"]] == "88.5亿元"  # offsets still point into the text
    assert extract_facts(Document(doc_id="s", text=broken))["value"].tolist() == [88.5, 9.1]


def test_one_failing_document_is_its_own_error(monkeypatch, tmp_path):
    from lib import api
    real = api.iter_fact_rows

    class SchemaError(Exception):
        pass

    def flaky(doc):
        if doc.doc_id == "bad":
            yield from real(doc)   # some rows first: the failure must drop them too
            raise SchemaError("Column 'year' failed element-wise validator number 0:\n in_range(1949, 2100)")
        yield from real(doc)

    monkeypatch.setattr(api, "iter_fact_rows", flaky)
    (tmp_path / "bad.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    facts, errors = extract_batch([tmp_path, Document(doc_id="x", text=GOOD)])
    assert sorted(facts["doc_id"].unique()) == ["good", "x"]
    assert len(errors) == 1 and isinstance(errors[0], ReadError)
    message = str(errors[0])
    assert message.startswith(f"{tmp_path / 'bad.txt'}: 提取失败")
    assert "extraction failed (SchemaError: Column 'year' failed" in message and "\n" not in message
    with pytest.raises(ReadError, match="bad.txt"):
        extract_facts(tmp_path)


def test_upload_extraction_error_is_named_and_bilingual(monkeypatch):
    from dashboard import uploads
    from lib import api

    def broken(doc):
        raise ValueError("boom")
        yield

    monkeypatch.setattr(api, "iter_fact_rows", broken)
    docs, facts, errors = uploads.ingest([("a.txt", GOOD.encode())], [], set())
    assert docs == {} and facts.empty
    assert errors == ["a.txt: 提取失败，已跳过这篇文章 / extraction failed (ValueError: boom)"]


def test_rows_that_fail_the_schema_cost_only_their_document(monkeypatch, tmp_path):
    """Validation is per document: a row the schema refuses drops its document, named."""
    from lib import api
    real = api.iter_fact_rows

    def one_bad_year(doc):
        for rows in real(doc):
            if doc.doc_id == "bad":
                rows = [dict(r, year=1948) for r in rows]
            yield rows

    monkeypatch.setattr(api, "iter_fact_rows", one_bad_year)
    (tmp_path / "bad.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    facts, errors = extract_batch([tmp_path])
    assert sorted(facts["doc_id"].unique()) == ["good"] and len(facts) > 0
    assert [e.name for e in errors] == [str(tmp_path / "bad.txt")]
    assert "fail the schema" in errors[0].reason and "\n" not in str(errors[0])


def test_large_batches_are_built_in_chunks(monkeypatch):
    """Rows are turned into frames a chunk at a time; the result is the same table."""
    from lib import api
    docs = [Document(doc_id=f"d{i}", text=GOOD) for i in range(7)]
    whole, _ = extract_batch(docs)
    monkeypatch.setattr(api._Frames, "CHUNK_ROWS", 3)
    chunked, _ = extract_batch(docs)
    assert len(whole) >= 14
    pd.testing.assert_frame_equal(whole, chunked)


def test_public_names():
    assert {"extract_facts", "extract_batch", "extract_text", "extract_document"} <= set(lib.__all__)
