"""The gold sets bundled with the project, and the extractor scored on them per article.

Each set is a folder of articles and a gold table annotated by docs/spec/facts.md. They are
scored "blind", as a scraper's batch would be: a manifest's `zone` column is an annotator's
label, so it is ignored and the zone must come from the text (title, published, url are kept).

    seeds      5 scraped pages (the first sample)            data/corpus, tests/gold/seeds.csv
    dev        16 real excerpts, 14 provinces                 data/corpus, tests/gold/dev.csv
    synthetic  70 articles written from the spec (regression)  tests/synthetic, tests/gold/synthetic.csv
    real_rN    real pages collected and annotated apart from lib/  tests/real/rN/ (text, manifest, gold)
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class GoldSet:
    name: str
    docs: Path
    gold: Path


GOLD_SETS = {
    "seeds": GoldSet("seeds", ROOT / "data" / "corpus", ROOT / "tests" / "gold" / "seeds.csv"),
    "dev": GoldSet("dev", ROOT / "data" / "corpus", ROOT / "tests" / "gold" / "dev.csv"),
    "synthetic": GoldSet("synthetic", ROOT / "tests" / "synthetic", ROOT / "tests" / "gold" / "synthetic.csv"),
}
# real pages collected and annotated apart from lib/ (tests/real/README.md); a batch joins the
# floors only after its first, honest run was recorded in tests/real/README.md
SCORED_REAL_BATCHES = tuple(f"r{n}" for n in range(1, 27))   # r1 … r26
for _batch in SCORED_REAL_BATCHES:
    GOLD_SETS[f"real_{_batch}"] = GoldSet(f"real_{_batch}", ROOT / "tests" / "real" / _batch,
                                          ROOT / "tests" / "real" / _batch / "gold.csv")


def blind_facts(gold_set: GoldSet, doc_ids: set[str]) -> list[dict]:
    """The extractor's rows for the set's articles, the manifest's zone column ignored."""
    from lib.api import extract_document
    from lib.reading.sources import read_documents
    docs, errors = read_documents([gold_set.docs])
    if errors:
        raise errors[0]
    rows: list[dict] = []
    for doc in docs:
        if doc.doc_id in doc_ids:
            df = extract_document(replace(doc, zone=""))
            rows.extend(df.astype(object).where(df.notna(), "").to_dict("records"))
    return rows


def per_article_scores(name: str) -> dict[str, dict]:
    """{doc_id: the reference scorer's numbers for that article} for a bundled gold set."""
    from lib.evaluation.evaluate import read_csv, read_texts, score
    gold_set = GOLD_SETS[name]
    gold = read_csv(gold_set.gold)
    gold_by, pred_by = defaultdict(list), defaultdict(list)
    for g in gold:
        gold_by[g["doc_id"]].append(g)
    for p in blind_facts(gold_set, set(gold_by)):
        pred_by[p["doc_id"]].append(p)
    texts = read_texts(gold_set.docs)
    return {doc_id: score(pred_by[doc_id], gold_by[doc_id], texts)[0] for doc_id in sorted(gold_by)}
