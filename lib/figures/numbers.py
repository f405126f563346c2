"""Numbers as written in Chinese articles -> float.

Handles Arabic digits with thousands separators and inner spaces ("1,234.5", "3.5"),
Chinese numerals (三千, 两千, 十二, 一百零五, 五百, 百, 千), scale words (万, 亿, 万亿,
千亿, 百亿, 千万, 百万) and fractions written in words (三分之二, 1/3, 六成).
"""
from __future__ import annotations

import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
SCALES = {"": 1.0, "万": 1e4, "亿": 1e8, "万亿": 1e12, "千亿": 1e11, "百亿": 1e10,
          "千万": 1e7, "百万": 1e6, "十万": 1e5}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"


def parse_chinese_integer(s: str) -> float:
    """三千 -> 3000, 十二 -> 12, 一百零五 -> 105, 百 -> 100, 二十五 -> 25, 五百 -> 500."""
    if not s:
        raise ValueError("empty numeral")
    if all(ch in CN_DIGITS for ch in s) and len(s) > 1:  # digit by digit: 二〇一九
        return float("".join(str(CN_DIGITS[ch]) for ch in s))
    total, digit = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            total += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if digit is not None:
        total += digit
    return float(total)


def parse_number(s: str) -> float:
    """An Arabic or Chinese number without scale: '1,234.5' -> 1234.5, '三千' -> 3000."""
    try:
        return float(s)  # the common case: plain Arabic digits
    except ValueError:
        pass
    s = s.strip()
    compact = re.sub(r"[,\s]", "", s)
    if re.fullmatch(r"\d+(?:\.\d+)?", compact):
        return float(compact)
    if "点" in s:  # 三点五
        whole, frac = s.split("点", 1)
        return parse_chinese_integer(whole) + float("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return parse_chinese_integer(s)


def scale_factor(scale: str) -> float:
    return SCALES[scale or ""]


def parse_fraction(s: str) -> float:
    """'三分之二' -> 66.67, '1/3' -> 33.33, '六成' / '4成' -> 60 / 40, '一半' -> 50 (percent)."""
    s = s.strip()
    if s == "一半":
        return 50.0
    if s.startswith("百分之"):
        return parse_number(s[3:])
    m = re.fullmatch(r"(.+)分之(.+)", s)
    if m:
        return round(parse_number(m.group(2)) / parse_number(m.group(1)) * 100, 2)
    m = re.fullmatch(r"(\d+)/(\d+)", s)
    if m:
        return round(int(m.group(1)) / int(m.group(2)) * 100, 2)
    m = re.fullmatch(r"(.+)成", s)
    if m:
        return parse_number(m.group(1)) * 10
    raise ValueError(f"not a fraction: {s!r}")
