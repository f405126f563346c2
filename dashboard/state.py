"""The dashboard's session state: the cached bundled corpus, this visitor's uploads and
corrections, merged into the one AppData every page reads. The session keys are named here.

The pure frame functions these build on are dashboard/data.py (no Streamlit there).
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

import lib
from lib.atomic import write_atomically
from lib.evaluation import corrections
from lib.scale.fact_cache import FactCache
from dashboard.data import AppData, ROOT, corpus_fingerprint, normalise
from dashboard.memo import memo

# The bundled corpus; ZM_CORPUS_DIR points elsewhere (tests use a scratch copy).
CORPUS_DIR = Path(os.environ.get("ZM_CORPUS_DIR", ROOT / "data" / "corpus"))
UPLOADED_DOCS = "upl_docs"      # session state: this visitor's added articles {doc_id: Document}
UPLOADED_FACTS = "upl_facts"    # session state: their facts (one frame)

# Facts kept per article on disk (lib/scale/fact_cache.py): a restarted server, or a corpus with one
# article changed, extracts only what it has not seen. ZM_FACT_CACHE points elsewhere.
FACT_CACHE_DIR = ROOT / ".cache" / "facts"


@st.cache_resource(show_spinner="正在读取语料并提取数据…", max_entries=2)
def load_corpus(folder: str, fingerprint: str) -> AppData:
    """Read the bundled corpus and its facts once per corpus version (shared by all visitors).

    One shared object, never copied (st.cache_data would unpickle 10,000 articles and their
    facts on every rerun: seconds): nothing may modify it — pages and corrections build new
    frames (corrections.apply copies), and the per-session memo relies on its identity.

    Facts come from the per-article cache where the article and the rules are unchanged, and
    are extracted for the rest; the fingerprint (file sizes and times of the corpus and lib/)
    says when to look again."""
    docs, errors = lib.read_documents([folder])
    cache = FactCache(os.environ.get("ZM_FACT_CACHE", FACT_CACHE_DIR))
    try:
        facts, failed = cache.extract(docs)   # one bad article never costs the corpus
    except OSError:   # a read-only disk: extract without the cache
        facts, failed = lib.extract_batch(docs)
    return AppData({d.doc_id: d for d in docs}, normalise(facts), [str(e) for e in errors + failed])


@st.cache_resource(show_spinner=False, max_entries=2)
def corpus_content_keys(folder: str, fingerprint: str) -> dict[str, str]:
    """Content key -> doc id of the bundled corpus, once per corpus version (a re-upload check
    must not normalise every bundled article on each click)."""
    from dashboard import uploads
    return {uploads.content_key(d.text): i for i, d in load_corpus(folder, fingerprint).docs.items()}


CORRECTIONS_KEY = "corrections"      # session state: this visitor's corrections table
CORRECTIONS_FILE = Path(os.environ.get("ZM_CORRECTIONS", ROOT / "data" / "corrections.csv"))


def session_data() -> AppData:
    """The bundled corpus plus this visitor's uploads (kept in st.session_state only), with
    the visitor's corrections laid over the extraction (`reviewed` marks what they touched).

    Built again only when the corpus version, the uploads or the corrections change: with a
    million facts, concatenating and correcting them on every click would cost most of a rerun."""
    fingerprint = corpus_fingerprint(CORPUS_DIR)
    corpus = load_corpus(str(CORPUS_DIR), fingerprint)
    ss = st.session_state
    inputs = (ss.get(UPLOADED_DOCS), ss.get(UPLOADED_FACTS), session_corrections())
    return memo("session_data", inputs, (str(CORPUS_DIR), fingerprint),
                lambda: _combined(corpus, *inputs))


def _combined(corpus: AppData, up_docs: dict | None, up_facts: pd.DataFrame | None,
              corr: pd.DataFrame) -> AppData:
    up_docs = up_docs or {}
    docs, facts = corpus.docs, corpus.facts
    if up_docs or up_facts is not None:
        docs = {**corpus.docs, **up_docs}
        if up_facts is not None:
            facts = pd.concat([corpus.facts, normalise(up_facts)], ignore_index=True)
    if not corr.empty:
        facts = corrections.apply(facts, {d: doc.text for d, doc in docs.items()}, corr)
    return AppData(docs, facts, corpus.errors)


def session_corrections() -> pd.DataFrame:
    """This visitor's corrections: started from data/corrections.csv when run locally."""
    ss = st.session_state
    if CORRECTIONS_KEY not in ss:
        ss[CORRECTIONS_KEY] = _saved_corrections()
    return ss[CORRECTIONS_KEY]


def _saved_corrections() -> pd.DataFrame:
    from dashboard import uploads
    if uploads.is_hosted() or not CORRECTIONS_FILE.is_file():
        return corrections.empty()
    try:
        return corrections.read(str(CORRECTIONS_FILE))
    except corrections.CorrectionsError:
        return corrections.empty()   # the 文章 page says the file is unreadable


def add_corrections(rows: list[dict]) -> None:
    """Record corrections for this session, and in data/corrections.csv when run locally."""
    replace_corrections(corrections.upsert(session_corrections(), rows))


def replace_corrections(table: pd.DataFrame) -> None:
    from dashboard import uploads, workspace
    st.session_state[CORRECTIONS_KEY] = table
    workspace.keep()   # kept on the server under the URL's key
    if not uploads.is_hosted() and CORRECTIONS_FILE.parent.is_dir():
        write_atomically(CORRECTIONS_FILE, corrections.to_csv(table))   # a kill mid-save leaves the old file


# ---------------------------------------------------------------- this visitor's added articles

def uploaded_docs() -> dict:
    """This visitor's added articles {doc_id: Document} (empty at first)."""
    return st.session_state.setdefault(UPLOADED_DOCS, {})


def uploaded_facts() -> pd.DataFrame | None:
    return st.session_state.get(UPLOADED_FACTS)


def add_uploads(docs: dict, facts: pd.DataFrame) -> None:
    """Merge newly read articles and their facts into this session's uploads."""
    ss = st.session_state
    ss[UPLOADED_DOCS] = {**uploaded_docs(), **docs}
    old = ss.get(UPLOADED_FACTS)
    ss[UPLOADED_FACTS] = facts if old is None else pd.concat([old, facts], ignore_index=True)


def set_uploads(docs: dict, facts: pd.DataFrame | None) -> None:
    """Replace this session's uploads (a reopened workspace; {} and None empty them)."""
    st.session_state[UPLOADED_DOCS], st.session_state[UPLOADED_FACTS] = docs, facts


def known_content_keys() -> dict[str, str]:
    """Content key -> doc id of every article this session already has (bundled and added)."""
    from dashboard import uploads
    bundled = corpus_content_keys(str(CORPUS_DIR), corpus_fingerprint(CORPUS_DIR))
    return {**bundled, **{uploads.content_key(d.text): i for i, d in uploaded_docs().items()}}
