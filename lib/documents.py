"""The Document record passed between reading, extraction and the dashboard.

A Document is one article as read: its id, the text exactly as decoded (offsets in the
facts table point into this text), and what a manifest or the page itself says about it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Document:
    doc_id: str
    text: str
    title: str = ""
    zone: str = ""          # canonical zone from a manifest; empty = infer from the text
    published: str = ""     # ISO date (YYYY-MM-DD) or year from a manifest; empty = infer
    url: str = ""
    path: str = ""          # where it was read from (empty for pasted text)


class ReadError(Exception):
    """A file that could not be read; str() names the file and the reason."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    def __reduce__(self):   # rebuilt from (name, reason) when sent back from a worker process
        return (ReadError, (self.name, self.reason))
