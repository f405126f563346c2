"""The per-document facts cache: the same table as a fresh extraction, and only what changed
is extracted again."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from lib.api import extract_batch
from lib.documents import Document
from lib.scale.fact_cache import FactCache, document_key
from lib.reading.sources import read_documents

from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def corpus_docs():
    docs, errors = read_documents([CORPUS])
    assert not errors
    return docs


class CountingExtractor:
    """extract_batch, remembering which documents it was asked for."""

    def __init__(self):
        self.asked: list[str] = []

    def __call__(self, docs):
        self.asked += [d.doc_id for d in docs]
        return extract_batch(docs)


def test_cached_table_equals_fresh_extraction_and_nothing_is_extracted_twice(tmp_path, corpus_docs):
    fresh, _ = extract_batch(corpus_docs)
    cache, counting = FactCache(tmp_path), CountingExtractor()
    first, _ = cache.extract(corpus_docs, counting)
    assert len(counting.asked) == len(corpus_docs)
    second, errors = cache.extract(corpus_docs, counting)
    assert len(counting.asked) == len(corpus_docs) and not errors   # the second run extracted nothing
    pd.testing.assert_frame_equal(first, fresh)
    pd.testing.assert_frame_equal(second, fresh)


def test_one_changed_article_is_extracted_again_alone(tmp_path, corpus_docs):
    cache, counting = FactCache(tmp_path), CountingExtractor()
    cache.extract(corpus_docs, counting)
    edited = list(corpus_docs)
    edited[2] = replace(edited[2], text=edited[2].text + "\n全区完成固定资产投资12.5亿元。")
    counting.asked.clear()
    facts, _ = cache.extract(edited, counting)
    assert counting.asked == [edited[2].doc_id]
    pd.testing.assert_frame_equal(facts, extract_batch(edited)[0])
    assert 12.5 in facts.loc[facts["doc_id"] == edited[2].doc_id, "value"].tolist()


def test_a_new_rules_version_extracts_everything_and_drops_the_old_folder(tmp_path, corpus_docs):
    FactCache(tmp_path, version="a" * 16).extract(corpus_docs[:3])
    counting = CountingExtractor()
    FactCache(tmp_path, version="b" * 16).extract(corpus_docs[:3], counting)
    assert len(counting.asked) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["b" * 16]


def test_documents_without_facts_are_remembered_and_failures_are_not(tmp_path):
    quiet = Document(doc_id="quiet", text="今天天气很好。")
    counting = CountingExtractor()
    cache = FactCache(tmp_path)
    cache.extract([quiet], counting)
    cache.extract([quiet], counting)
    assert counting.asked == ["quiet"]

    def failing(docs):
        from lib.api import extraction_error
        return extract_batch([])[0], [extraction_error(d, RuntimeError("boom")) for d in docs]
    broken = Document(doc_id="broken", text="全区实现地区生产总值100亿元。")
    _, errors = cache.extract([broken], failing)
    assert [e.name for e in errors] == ["broken"]
    assert document_key(broken) not in cache.keys()


def test_the_key_covers_what_extraction_reads(corpus_docs):
    doc = corpus_docs[0]
    assert document_key(doc) == document_key(replace(doc, path="/elsewhere/x.txt"))
    for field in ("doc_id", "text", "title", "zone", "published", "url"):
        assert document_key(doc) != document_key(replace(doc, **{field: getattr(doc, field) + "x"})), field


def test_many_parts_are_merged_into_one_with_the_same_facts(tmp_path, corpus_docs, monkeypatch):
    from lib.scale import fact_cache
    monkeypatch.setattr(fact_cache, "MAX_PARTS", 3)
    cache = FactCache(tmp_path)
    for doc in corpus_docs[:6]:
        cache.extract([doc])
    assert len(list(cache.folder.glob("part-*.parquet"))) <= 3
    facts, _ = cache.extract(corpus_docs[:6], lambda docs: pytest.fail("nothing should be extracted"))
    pd.testing.assert_frame_equal(facts, extract_batch(corpus_docs[:6])[0])


def test_two_sessions_storing_the_same_article_give_one_copy(tmp_path, corpus_docs):
    docs = corpus_docs[:2]
    facts, _ = extract_batch(docs)
    keys = {d.doc_id: document_key(d) for d in docs}
    FactCache(tmp_path).store(facts, keys)
    FactCache(tmp_path).store(facts, keys)   # a second session that had not seen the first's part
    again, _ = FactCache(tmp_path).extract(docs, lambda d: pytest.fail("nothing should be extracted"))
    pd.testing.assert_frame_equal(again, facts)
