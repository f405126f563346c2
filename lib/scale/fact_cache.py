"""Facts cached per document, so an unchanged corpus is never extracted twice.

A document's facts are stored under its key: a hash of everything extraction reads (doc_id,
text, title, zone, published, url) — and the folder they are stored in is named by the rules'
version (a hash of lib/'s code and data files). So an unchanged article is read back, an edited
one is extracted again, and any change to a rule re-extracts everything.

On disk, in `<root>/<rules version>/`:
    part-<random>.parquet   the facts of the documents extracted in one go (columnar, with a
                            `_key` column saying whose they are)
    part-<random>.keys      the keys of those documents, one a line — also those with no facts —
                            written after the part, so a key listed always has its facts
Parts are written to a temporary name and renamed (a killed write leaves no half part); many
sessions can write at once (names never collide). When there are more than MAX_PARTS parts they
are merged into one. Folders of other rules versions are removed when a new one is written.

    cache = FactCache(root)
    facts, errors = cache.extract(docs)      # cached where it can, extracted (and stored) where not
"""
from __future__ import annotations

import hashlib
import shutil
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)
import pyarrow.parquet as pq

from lib.atomic import write_atomically
from lib.documents import Document, ReadError
from lib.schema import FACT_COLUMNS, empty_facts

LIB = Path(__file__).resolve().parents[1]   # lib/: its code and data
KEY_COLUMN = "_key"
MAX_PARTS = 32
Extractor = Callable[[list[Document]], tuple[pd.DataFrame, list[ReadError]]]


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A hash of every code and data file of lib/ (what the extraction's output depends on)."""
    h = hashlib.sha256()
    for p in sorted(LIB.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".csv", ".txt", ".json") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(LIB)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def document_key(doc: Document) -> str:
    """What the extraction reads of a document, hashed (its path is not read: moving a file
    keeps its facts)."""
    h = hashlib.sha256()
    for part in (doc.doc_id, doc.title, doc.zone, doc.published, doc.url, doc.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:32]


class FactCache:
    def __init__(self, root: str | Path, version: str | None = None):
        self.root = Path(root)
        self.folder = self.root / (version or rules_version())

    def extract(self, docs: Iterable[Document], extractor: Extractor | None = None
                ) -> tuple[pd.DataFrame, list[ReadError]]:
        """The facts of `docs` in their order, as `extractor` (default lib.extract_batch) gives
        them: read from the cache for documents seen before, extracted and stored for the
        others. A document whose extraction fails is not stored (it is tried again next time)."""
        if extractor is None:
            from lib.api import extract_batch as extractor
        docs = list(docs)
        keys = [document_key(d) for d in docs]
        known = self.keys()
        missing = [d for d, k in zip(docs, keys) if k not in known]
        errors: list[ReadError] = []
        fresh = empty_facts()
        if missing:
            fresh, errors = extractor(missing)
            failed = {e.name for e in errors}
            stored = [(d, k) for d, k in zip(docs, keys)
                      if k not in known and (d.path or d.doc_id) not in failed]
            self.store(fresh[fresh["doc_id"].isin({d.doc_id for d, _ in stored})],
                       fresh_keys={d.doc_id: k for d, k in stored})
        cached = self.load({k for k in keys if k in known})
        by_key = {k: i for i, k in enumerate(keys)}
        fresh = fresh.assign(**{KEY_COLUMN: fresh["doc_id"].map({d.doc_id: k for d, k in zip(docs, keys)})})
        facts = pd.concat([f for f in (cached, fresh) if len(f)], ignore_index=True) \
            if len(cached) or len(fresh) else empty_facts().assign(**{KEY_COLUMN: pd.Series(dtype=str)})
        order = facts[KEY_COLUMN].map(by_key)   # back in the documents' order, rows in text order
        facts = facts.assign(_order=order).sort_values("_order", kind="stable")   # rows keep their order
        return facts.drop(columns=[KEY_COLUMN, "_order"]).reset_index(drop=True), errors

    def keys(self) -> set[str]:
        """The keys of every document in the cache."""
        keys: set[str] = set()
        for p in self.folder.glob("part-*.keys") if self.folder.is_dir() else ():
            keys.update(p.read_text(encoding="ascii").split())
        return keys

    def load(self, keys: set[str]) -> pd.DataFrame:
        """The cached facts of these keys (with their `_key` column)."""
        parts = sorted(self.folder.glob("part-*.parquet")) if keys and self.folder.is_dir() else []
        tables, taken = [], set()
        for p in parts:
            table = pq.read_table(p, filters=[(KEY_COLUMN, "in", sorted(keys))])
            if not table.num_rows:
                continue
            part_keys = set(table.column(KEY_COLUMN).unique().to_pylist())
            if part_keys & taken:   # two sessions stored the same document: keep one copy
                mask = pa.compute.invert(pa.compute.is_in(table.column(KEY_COLUMN), pa.array(sorted(taken))))
                table = table.filter(mask)
            taken |= part_keys
            tables.append(table)
        if not tables:
            return empty_facts().assign(**{KEY_COLUMN: pd.Series(dtype=str)})
        return _as_facts(pa.concat_tables(tables).to_pandas())

    def store(self, facts: pd.DataFrame, fresh_keys: dict[str, str]) -> None:
        """Store the facts of newly extracted documents ({doc_id: key}; documents with no facts
        too, so they are not extracted again)."""
        if not fresh_keys:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self._remove_other_versions()
        frame = facts.assign(**{KEY_COLUMN: facts["doc_id"].map(fresh_keys)})
        name = f"part-{uuid.uuid4().hex}"
        write_atomically(self.folder / f"{name}.parquet",
                      lambda tmp: pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp))
        write_atomically(self.folder / f"{name}.keys",
                      lambda tmp: Path(tmp).write_text("\n".join(sorted(fresh_keys.values())) + "\n", "ascii"))
        if len(list(self.folder.glob("part-*.keys"))) > MAX_PARTS:
            self.compact()

    def compact(self) -> None:
        """Merge all parts into one (fewer files to open when the dashboard starts)."""
        keys = sorted(self.folder.glob("part-*.keys"))
        names = [p.with_suffix("") for p in keys]
        tables = [pq.read_table(n.with_suffix(".parquet")) for n in names if n.with_suffix(".parquet").exists()]
        all_keys = sorted({k for p in keys for k in p.read_text(encoding="ascii").split()})
        if not tables:
            return
        merged = f"part-{uuid.uuid4().hex}"
        write_atomically(self.folder / f"{merged}.parquet", lambda tmp: pq.write_table(pa.concat_tables(tables), tmp))
        write_atomically(self.folder / f"{merged}.keys",
                      lambda tmp: Path(tmp).write_text("\n".join(all_keys) + "\n", "ascii"))
        for n in names:   # the merged part lists every key: the old ones can go
            for suffix in (".keys", ".parquet"):
                n.with_suffix(suffix).unlink(missing_ok=True)

    def _remove_other_versions(self) -> None:
        for other in self.root.iterdir():
            if other.is_dir() and other != self.folder and len(other.name) == 16:
                shutil.rmtree(other, ignore_errors=True)


def _as_facts(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame read back from Parquet with the schema's dtypes (as lib.schema.to_frame builds)."""
    model = empty_facts()
    out = {c: frame[c].astype(model[c].dtype) for c in FACT_COLUMNS}
    out[KEY_COLUMN] = frame[KEY_COLUMN].astype(str)
    return pd.DataFrame(out)
