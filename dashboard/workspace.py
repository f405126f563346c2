"""A visitor's workspace: their uploaded articles and corrections, kept on the server under an
unguessable key that lives in the URL (?ws=…), so a refresh or a shared link reopens them and
nobody without the link sees them.

    key        22 URL-safe characters from secrets.token_urlsafe(16): 128 random bits
    where      ZM_WORKSPACES, else ~/.zone_metrics/workspaces/<key>/ (docs.json, corrections.csv)
    expiry     EXPIRY_DAYS after the last save; expired workspaces are deleted when any is saved
               or opened
    quota      MAX_WORKSPACE_BYTES of article text per workspace; a save over it is refused

The store is plain files written atomically (temporary file, then rename). Facts are not
stored: they are extracted again from the texts when a workspace is opened.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from pathlib import Path

import pandas as pd
import streamlit as st

import lib
from lib.atomic import write_atomically
from lib.evaluation import corrections

PARAM = "ws"
EXPIRY_DAYS = 7
MAX_WORKSPACE_BYTES = 20 * 1024 * 1024
KEY_SHAPE = re.compile(r"^[A-Za-z0-9_-]{22}$")
DOC_FIELDS = ("doc_id", "text", "title", "zone", "published", "url", "path")


class QuotaError(ValueError):
    pass


def root() -> Path:
    return Path(os.environ.get("ZM_WORKSPACES", Path.home() / ".zone_metrics" / "workspaces"))


def new_key() -> str:
    return secrets.token_urlsafe(16)


def _folder(key: str) -> Path | None:
    return root() / key if KEY_SHAPE.match(key or "") else None


def _write(path: Path, data: bytes) -> None:
    write_atomically(path, data)


def sweep(now: float | None = None) -> int:
    """Delete workspaces not saved for EXPIRY_DAYS; returns how many."""
    now = time.time() if now is None else now
    gone = 0
    if not root().is_dir():
        return 0
    for folder in root().iterdir():
        stamp = folder / "docs.json"
        if folder.is_dir() and KEY_SHAPE.match(folder.name) and (
                not stamp.exists() or now - stamp.stat().st_mtime > EXPIRY_DAYS * 86400):
            shutil.rmtree(folder, ignore_errors=True)
            gone += 1
    return gone


def save(key: str, docs: dict, table: pd.DataFrame) -> None:
    """Write the workspace's articles and corrections (raises QuotaError over the quota)."""
    folder = _folder(key)
    if folder is None:
        raise ValueError("bad workspace key")
    payload = json.dumps([{f: getattr(d, f) for f in DOC_FIELDS} for d in docs.values()],
                         ensure_ascii=False).encode("utf-8")
    if len(payload) > MAX_WORKSPACE_BYTES:
        raise QuotaError(f"工作区超过 {MAX_WORKSPACE_BYTES // 1024 // 1024} MB 上限 / workspace over the quota")
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / "corrections.csv", corrections.to_csv(table))
    _write(folder / "docs.json", payload)   # last: its time is the workspace's age
    sweep()


def load(key: str) -> tuple[dict, pd.DataFrame] | None:
    """(docs by id, corrections) of a live workspace, or None (unknown, expired or malformed)."""
    folder = _folder(key)
    sweep()
    if folder is None or not (folder / "docs.json").is_file():
        return None
    try:
        rows = json.loads((folder / "docs.json").read_text(encoding="utf-8"))
        docs = {r["doc_id"]: lib.Document(**{f: r.get(f, "") for f in DOC_FIELDS}) for r in rows}
        table = corrections.read(str(folder / "corrections.csv")) if (folder / "corrections.csv").is_file() \
            else corrections.empty()
    except (ValueError, KeyError, TypeError, OSError, corrections.CorrectionsError):
        return None
    return docs, table


# ---------------------------------------------------------------- the Streamlit side

def restore() -> None:
    """First run of a session opened with ?ws=…: bring its articles and corrections back."""
    ss = st.session_state
    if ss.get("ws_checked"):
        return
    ss["ws_checked"] = True
    key = st.query_params.get(PARAM)
    if not key:
        return
    found = load(key)
    if found is None:
        ss["ws_missing"] = True   # told on the 添加文章 page: expired or never existed
        return
    docs, table = found
    frames = []
    for doc in docs.values():
        facts, _ = lib.extract_batch([doc])
        frames.append(facts)
    from dashboard import data, state
    state.set_uploads(docs, data.normalise(pd.concat(frames, ignore_index=True)) if frames else None)
    ss[state.CORRECTIONS_KEY] = table
    ss["ws_key"] = key


def keep() -> str | None:
    """Save this session's articles and corrections under its key (made on first need) and
    put the key in the URL; returns an error message when the quota is exceeded."""
    from dashboard import state
    ss = st.session_state
    docs = ss.get(state.UPLOADED_DOCS, {})
    table = ss.get(state.CORRECTIONS_KEY, corrections.empty())
    if not docs and table.empty and "ws_key" not in ss:
        return None
    key = ss.get("ws_key") or new_key()
    try:
        save(key, docs, table)
    except QuotaError as exc:
        return str(exc)
    except OSError as exc:
        return f"无法保存工作区 / cannot save the workspace ({type(exc).__name__})"
    ss["ws_key"] = key
    if st.query_params.get(PARAM) != key:
        st.query_params[PARAM] = key
    return None
