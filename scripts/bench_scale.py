"""Speed and scale of the extraction, next to a plain regex scan (the floor) and jionlp (a peer).

    .venv/bin/python scripts/bench_scale.py [--articles 2000] [--big-mb 50] [--cache-articles 10000]
    (jionlp comes from requirements-bench.txt; without it its line says so)

Builds a corpus of N articles by varying the bundled and real ones (another zone's name, years
shifted, figures changed), writes it to a temporary folder and, each measurement in a fresh
process (so start-up is counted apart and peak memory is that run's own), prints:

  extraction, 1 process and all cores   MB/s, articles/s, peak memory (lib.scale.parallel, start-up excluded)
  one big text of --big-mb MB            MB/s and peak memory of one document that size (cost linear?)
  plain regex scan                       one `re.finditer` of a number-and-unit pattern: the floor
  jionlp extract_money                   the peer, on the same texts
  facts cache                            extracting N articles cold, re-reading them with nothing
                                         changed, and with one article changed (lib/scale/fact_cache.py)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [ROOT / "data" / "corpus", ROOT / "tests" / "real"]
YEAR = re.compile(r"(?<!\d)(20[0-2]\d)(?=年)")
FIGURE = re.compile(r"(?<![\d.])(\d{2,})(?=(?:\.\d+)?\s*(?:亿|万|%|个|家|项))")
FLOOR_PATTERN = re.compile(r"\d+(?:\.\d+)?\s*(?:亿元|万元|亿美元|%|个|家|项|亩|平方公里)")


# ----------------------------------------------------------------------------- the corpus

def base_texts() -> list[str]:
    texts = []
    for folder in SOURCES:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    return texts


def vary(text: str, rng: random.Random, zones: list[str], names: list[str]) -> str:
    """Another article of the same shape: its zone names swapped for a catalogued zone's, its
    years shifted, its figures changed (so no cache or repeated-text shortcut helps)."""
    for name in names:
        if name in text:
            text = text.replace(name, rng.choice(zones))
    shift = rng.randint(-5, 3)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    return FIGURE.sub(lambda m: str(int(m.group(1)) + rng.randint(1, 9)), text)


def build_corpus(folder: Path, n: int, seed: int = 7) -> int:
    from lib.reference.gazetteer import dev_zones
    rng = random.Random(seed)
    zones = [z.short_name for z in dev_zones()]
    names = sorted(set(zones), key=len, reverse=True)
    texts = base_texts()
    size = 0
    for i in range(n):
        text = vary(texts[i % len(texts)], rng, zones, names)
        path = folder / f"a{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


# ----------------------------------------------------------------------------- measurements (child processes)

def child(mode: str, folder: str, arg: str) -> dict:
    """One measurement, in this (fresh) process; returns what it measured."""
    from lib.documents import Document
    from lib.scale.parallel import extract_parallel
    from lib.api import extract_batch
    files = sorted(Path(folder).glob("*.txt"))
    size = sum(p.stat().st_size for p in files)
    extract_batch([Document(doc_id="warm-up", text=files[0].read_text(encoding="utf-8"))])  # start-up
    if mode == "extract":
        t = time.perf_counter()
        facts, errors = extract_parallel([folder], jobs=int(arg))
        seconds = time.perf_counter() - t
        return {"seconds": seconds, "bytes": size, "articles": len(files), "facts": len(facts),
                "errors": len(errors), "rss_mb": _peak_mb(children=int(arg) > 1)}
    if mode == "big":
        target = int(float(arg) * 1e6)
        parts, n = [], 0
        while n < target:
            for p in files:
                text = p.read_text(encoding="utf-8")
                parts.append(text)
                n += len(text.encode("utf-8"))
                if n >= target:
                    break
        big = Document(doc_id="big", text="\n\n".join(parts))
        t = time.perf_counter()
        facts, errors = extract_batch([big])
        seconds = time.perf_counter() - t
        return {"seconds": seconds, "bytes": n, "articles": 1, "facts": len(facts), "errors": len(errors),
                "rss_mb": _peak_mb()}
    if mode == "floor":
        texts = [p.read_text(encoding="utf-8") for p in files]
        t = time.perf_counter()
        found = sum(1 for text in texts for _ in FLOOR_PATTERN.finditer(text))
        return {"seconds": time.perf_counter() - t, "bytes": size, "articles": len(files), "facts": found,
                "rss_mb": _peak_mb()}
    if mode == "jionlp":
        import jionlp
        texts = [p.read_text(encoding="utf-8") for p in files]
        jionlp.ner.extract_money("热身100元")
        t = time.perf_counter()
        found = sum(len(jionlp.ner.extract_money(text)) for text in texts)
        return {"seconds": time.perf_counter() - t, "bytes": size, "articles": len(files), "facts": found,
                "rss_mb": _peak_mb()}
    if mode == "cache":
        return _cache_run(files, Path(arg))
    raise SystemExit(f"unknown mode {mode}")


def _cache_run(files: list[Path], root: Path) -> dict:
    from dataclasses import replace
    from lib.scale.fact_cache import FactCache
    from lib.reading.sources import read_documents
    out = {}
    t = time.perf_counter()
    docs, _ = read_documents([files[0].parent])
    out["read_s"] = time.perf_counter() - t
    cache = FactCache(root)
    for label in ("cold", "unchanged"):
        t = time.perf_counter()
        facts, _ = cache.extract(docs)
        out[f"{label}_s"] = time.perf_counter() - t
    docs[len(docs) // 2] = replace(docs[len(docs) // 2], text=docs[len(docs) // 2].text + "\n全区完成投资9.9亿元。")
    t = time.perf_counter()
    facts, _ = cache.extract(docs)
    out["one_changed_s"] = time.perf_counter() - t
    out.update(articles=len(docs), facts=len(facts), rss_mb=_peak_mb())
    return out


def _peak_mb(children: bool = False) -> float:
    """This process's peak RSS (VmHWM: ru_maxrss would still count the parent it was forked
    from), or with `children` the largest of it and its workers'."""
    with open("/proc/self/status") as f:
        own = next(int(line.split()[1]) for line in f if line.startswith("VmHWM")) / 1024
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024) if children else own


def run_child(mode: str, folder: Path, arg: str = "") -> dict | None:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(folder), arg],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        return {"failed": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- report

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--big-mb", type=float, default=50)
    ap.add_argument("--cache-articles", type=int, default=10000)
    ap.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "ARG"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(*a.child)))
        return
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = build_corpus(corpus, a.articles)
        print(f"corpus: {a.articles} articles varied from {len(base_texts())} bundled/real ones, "
              f"{size / 1e6:.1f} MB; machine: {cores} cores")
        rows = [("extraction, 1 process", run_child("extract", corpus, "1")),
                (f"extraction, {cores} processes", run_child("extract", corpus, str(cores))),
                (f"extraction, one {a.big_mb:g} MB text", run_child("big", corpus, str(a.big_mb))),
                ("plain regex scan (floor)", run_child("floor", corpus)),
                ("jionlp extract_money (peer)", run_child("jionlp", corpus))]
        one = rows[0][1].get("seconds") and rows[0][1]["bytes"] / rows[0][1]["seconds"] / 1e6
        print(f"{'':36} {'MB/s':>8} {'articles/s':>11} {'peak MB':>8} {'vs 1 process':>13}")
        for label, r in rows:
            if "failed" in r:
                print(f"{label:36} not run: {r['failed']}")
                continue
            mbs = r["bytes"] / r["seconds"] / 1e6
            ratio = f"{mbs / one:.2f}x" if one else ""
            print(f"{label:36} {mbs:8.2f} {r['articles'] / r['seconds']:11.0f} {r['rss_mb']:8.0f} {ratio:>13}")
        cache_corpus = Path(tmp) / "cache-corpus"
        cache_corpus.mkdir()
        build_corpus(cache_corpus, a.cache_articles, seed=11)
        c = run_child("cache", cache_corpus, str(Path(tmp) / "cache"))
        if "failed" in c:
            print(f"facts cache: not run: {c['failed']}")
        else:
            print(f"facts cache, {c['articles']} articles ({c['facts']} facts): read texts {c['read_s']:.1f} s; "
                  f"extract cold {c['cold_s']:.1f} s; nothing changed {c['unchanged_s']:.2f} s; "
                  f"one article changed {c['one_changed_s']:.2f} s; peak {c['rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
