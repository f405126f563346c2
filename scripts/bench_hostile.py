"""Hostile inputs: time and peak memory of extracting each, one fresh process per input.

    python scripts/bench_hostile.py              # every input at 1 MB, the one-line page at 5 MB
    python scripts/bench_hostile.py --mb 0.1     # smaller (what tests/test_hostile.py guards)
    python scripts/bench_hostile.py --only one_char_numeral

Each input goes through `lib.extract_batch` as a Document, as an upload or a file would: the
result is either facts or one named error for that document (a limit it broke). Printed per
input: characters, seconds (extraction only), peak RSS of the process (imports included,
about 140 MB of it), facts, and the error if any. Goal (issue 6): every 1 MB input under 2 s
and 300 MB; the 5 MB one-line page under 10 s.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _repeat(unit: str, chars: int) -> str:
    return unit * max(1, chars // len(unit))


def _split_every(unit: str, per_sentence: int, chars: int) -> str:
    """`unit` repeated, a full stop after every `per_sentence` copies: many long sentences."""
    return _repeat(unit * per_sentence + "。\n", chars)


def _one_line_page(chars: int, numbers: bool = True) -> str:
    """A scraped page with no punctuation at all: words, numbers and units in one line
    (without numbers: words only, so every whole-text pass runs to the end)."""
    rnd = random.Random(7)
    words = ["园区", "企业", "产值", "增长", "投资", "项目", "亿元", "万元", "同比", "全区", "高新区",
             "签约", "新增", "家", "个", "年", "百分点", "实现", "完成", "开工", "建设", "今年", "一季度",
             "力争", "分别", "经开区", "新区", "县"]
    out, n = [], 0
    while n < chars:
        w = rnd.choice(words) if rnd.random() < 0.8 or not numbers else str(rnd.randint(1, 9999))
        out.append(w)
        n += len(w)
    return "".join(out)


def _mixed(chars: int) -> str:
    """Random text over digits, units, cue words and punctuation (the fuzz alphabet, bigger)."""
    rnd = random.Random(11)
    alphabet = list("0123456789.,%、;。:()\n 一二三十百千万亿元个家项人亩年月增长同比占比重新增约近超余多"
                    "以上至—区县高新经开发全今去半季度前分别其中力争将") + ["１２．％", "計劃", "區"]
    return "".join(rnd.choice(alphabet) for _ in range(chars))


def inputs(chars: int) -> dict[str, str]:
    """name -> text of about `chars` characters (the one-line page is 5x)."""
    return {
        "year_before_1949": _repeat("1948年，全区实现工业产值5亿元。361900年产值6亿元。12023年7亿元。\n", chars),
        "money_run": _repeat("1亿元", chars),
        "money_run_sentences": _split_every("1亿元", 250, chars),
        "growth_clause_run": _repeat("园区企业产值增长5%，", chars),
        "growth_list_run": _repeat("同比增长1%、", chars),
        "growth_list_sentences": _split_every("同比增长1%、", 250, chars),
        "one_char_numeral": _repeat("一", chars),
        "count_run": _repeat("1个", chars),
        "range_run": _repeat("1%~", chars),
        "fraction_run": _repeat("三分之", chars),
        "points_run": _split_every("增长1个百分点", 250, chars),
        "long_digits": _repeat("产值" + "9" * 400 + "亿元。", chars),
        "formula_lines": _repeat('=HYPERLINK("http://evil.example/x","增长5%")\n', chars),
        "plan_markers": _split_every("可实现力争", 2000, chars),
        "respectively_run": _split_every("分别增长1%、2%", 120, chars),
        "mixed_random": _mixed(chars),
        "one_line_page_5x": _one_line_page(chars * 5),
        "one_line_words_5x": _one_line_page(chars * 5, numbers=False),
    }


def _peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM; ru_maxrss would count the process it was forked from)."""
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_one(name: str, chars: int) -> dict:
    import lib
    from lib.documents import Document
    text = inputs(chars)[name]
    t0 = time.perf_counter()
    facts, errors = lib.extract_batch([Document(doc_id=name, text=text)])
    seconds = time.perf_counter() - t0
    peak_mb = _peak_rss_mb()
    return {"name": name, "chars": len(text), "seconds": round(seconds, 3), "peak_mb": round(peak_mb),
            "facts": len(facts), "error": errors[0].reason[:60] if errors else ""}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="size of each input in MB of UTF-8 (default 1)")
    ap.add_argument("--only", help="run this input only")
    ap.add_argument("--one", help=argparse.SUPPRESS)   # internal: measure in this process
    args = ap.parse_args()
    chars = int(args.mb * 1024 * 1024 / 3)             # a Chinese character is 3 bytes of UTF-8
    if args.one:
        print(json.dumps(measure_one(args.one, chars), ensure_ascii=False))
        return
    names = [args.only] if args.only else list(inputs(100))
    print(f"{'input':24} {'chars':>9} {'seconds':>8} {'peak MB':>8} {'facts':>6}  error")
    for name in names:
        out = subprocess.run([sys.executable, __file__, "--mb", str(args.mb), "--one", name],
                             capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if out.returncode != 0:
            print(f"{name:24} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['name']:24} {r['chars']:>9,} {r['seconds']:>8.2f} {r['peak_mb']:>8} {r['facts']:>6}  {r['error']}")


if __name__ == "__main__":
    main()
