"""A visitor's own articles: reading uploads and pasted text, and (only when run locally)
saving them into the corpus folder."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

import lib
from lib.reading import corpus_store
from lib.evaluation import corrections
from lib.normalize import normalize
from dashboard import data, state


def unique_id(wanted: str, taken: set[str]) -> str:
    """A doc_id safe as a file name and not yet used: 报告.txt twice -> 报告, 报告_2."""
    base = re.sub(r"[^\w\-.]+", "_", wanted).strip("._") or "article"
    doc_id, n = base, 1
    while doc_id in taken:
        n += 1
        doc_id = f"{base}_{n}"
    return doc_id


def content_key(text: str) -> str:
    """The same article whatever its encoding, script or spacing: the normalised text's hash
    (a GBK and a UTF-8 copy, or a traditional mirror, give one key)."""
    return corrections.doc_hash(re.sub(r"\s+", "", normalize(text).text))


def ingest(files: list[tuple[str, bytes]], pasted: list, taken: set[str], known: dict | None = None):
    """Read uploaded files and pasted Documents; extract each article on its own.

    Returns (docs by id, facts, errors as "name: reason"). A file that can't be read or
    extracted is reported and skipped; the good ones are kept. `known` maps content keys of
    the articles already there to their ids: a re-upload is reported and adds nothing.
    """
    known = dict(known or {})
    docs, errors = [], []
    taken = set(taken)
    for name, content in files:
        try:
            doc = lib.read_bytes(name, content)
        except lib.ReadError as e:
            errors.append(str(e))
            continue
        except Exception as e:  # a reader bug must not lose the other files
            errors.append(f"{name}: 无法读取 / cannot read ({type(e).__name__})")
            continue
        docs.append(doc)
    docs.extend(pasted)
    kept, frames = {}, []
    for doc in docs:
        key = content_key(doc.text)
        if key in known:
            errors.append(f"{doc.path or doc.doc_id}: 与已有文章 {known[key]} 内容相同，未重复加入 / "
                          f"the same text as {known[key]}, not added again")
            continue
        doc.doc_id = unique_id(doc.doc_id, taken)
        facts, failed = lib.extract_batch([doc])  # a failure is this document's ReadError
        if failed:
            errors.extend(str(e) for e in failed)
            continue
        frames.append(data.normalise(facts))
        taken.add(doc.doc_id)
        known[key] = doc.doc_id
        kept[doc.doc_id] = doc
    facts = pd.concat(frames, ignore_index=True) if frames else data.normalise(pd.DataFrame())
    return kept, facts, errors


def is_hosted() -> bool:
    """True on Streamlit Community Cloud (apps live under /mount/src) or when ZM_HOSTED=1."""
    flag = os.environ.get("ZM_HOSTED")
    if flag is not None:
        return flag == "1"
    return str(data.ROOT).startswith("/mount/src") or os.environ.get("HOSTNAME") == "streamlit"


def can_save_locally(folder: Path | None = None) -> bool:
    """Saving into data/corpus is offered only on one's own machine with a writable folder."""
    folder = state.CORPUS_DIR if folder is None else folder
    return not is_hosted() and Path(folder).is_dir() and os.access(folder, os.W_OK)


def save_to_corpus(docs: dict, folder: Path | None = None) -> list[Path]:
    """Write each article as <doc_id>.txt (the text as read) and add it to manifest.csv:
    locked, atomic, never overwriting another article (lib/reading/corpus_store.py)."""
    folder = Path(state.CORPUS_DIR if folder is None else folder)
    return [saved.path for saved in corpus_store.save_documents(folder, docs.values())]
