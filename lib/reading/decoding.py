"""Bytes of plain text -> str: BOM, then strict UTF-8, then charset-normalizer, cross-checked
against GB18030 and Big5 with a small "looks like Chinese" score (cjk_score).

    decode_text(data, name, declared=None) -> str     (raises ReadError naming `name`)
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from lib.documents import ReadError

_BOMS = (  # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Chinese encodings that get cross-checked, whatever charset-normalizer guessed.
_CJK_CANDIDATES = ("gb18030", "big5")
_SCORE_SAMPLE_CHARS = 20_000  # scoring more than this changes nothing but costs time


def decode_text(data: bytes, name: str = "text", declared: str | None = None) -> str:
    """Decode bytes to str, normalising line endings to "\\n".

    Order: BOM, strict UTF-8, the `declared` charset (e.g. from an HTML <meta>), then
    charset-normalizer's best guess cross-checked against GB18030 and Big5 by `cjk_score`.
    Raises ReadError(name, "unknown text encoding") when nothing decodes.
    """
    text = _decode(data, declared)
    if text is None:
        raise ReadError(name, "无法识别文本编码 / unknown text encoding")
    return normalise_newlines(text)


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try_decode(data[len(bom):], encoding)
            if text is not None:
                return text
            break  # a BOM-like start that does not decode: treat as unmarked bytes
    for encoding in ("utf-8", declared):
        text = _try_decode(data, encoding)
        if text is not None:
            return text
    return _guess_decode(data)


def _guess_decode(data: bytes) -> str | None:
    """charset-normalizer's guess, unless a Chinese encoding scores better.

    On short Chinese texts charset-normalizer sometimes mixes up GB18030 and Big5 (or
    even says Shift-JIS/CP949), so every candidate is scored; ties keep its guess.
    """
    import charset_normalizer  # imported lazily: slow to import, only needed here

    candidates: list[str] = []
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        candidates.append(best.encoding)
    candidates += [enc for enc in _CJK_CANDIDATES if enc not in candidates]

    decoded = [t for t in (_try_decode(data, enc) for enc in candidates) if t is not None]
    if not decoded:
        return None
    return max(decoded, key=lambda t: cjk_score(t[:_SCORE_SAMPLE_CHARS]))  # first max wins


def _try_decode(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(_codec_name(encoding), errors="strict")
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(encoding: str) -> str:
    """Labels web pages use for a subset; decode with the superset instead."""
    label = encoding.strip().lower().replace("_", "-")
    if label in ("gb2312", "gbk", "x-gbk", "cp936", "euc-cn"):
        return "gb18030"
    if label in ("big5", "x-x-big5"):
        return "cp950"  # what Windows actually writes as "Big5"; a superset of big5
    return label


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cjk_score(text: str) -> int:
    """How much `text` looks like correctly decoded Chinese (higher is better).

    +1 per common hanzi: in GB2312 level 1 (the 3,755 most frequent simplified
       characters) or Big5's "frequently used" block (5,401 traditional characters).
    -1 per suspect character: U+FFFD, private-use, control, unassigned, rare hanzi
       (outside both common sets), and letters of scripts mojibake tends to produce
       (kana, hangul, Greek, Cyrillic, box drawing...).
     0 for everything else: ASCII, Latin letters, punctuation, symbols, full-width forms.
    Decoding Chinese bytes with the wrong one of GB18030/Big5 yields a mix of rare hanzi
    and symbols, so the right decoding wins by a wide margin even on a dozen characters.
    """
    return sum(_char_score(ch) for ch in text)


@lru_cache(maxsize=65536)
def _char_score(ch: str) -> int:
    if ch < "\x80":
        return 0 if ch.isprintable() or ch in "\n\r\t" else -1
    if _is_common_hanzi(ch):
        return 1
    if _is_hanzi(ch):
        return -1
    category = unicodedata.category(ch)
    if ch == "\ufffd" or category in ("Co", "Cn", "Cc", "Cs"):
        return -1
    if category[0] in "PSZN" or _is_latin(ch):
        return 0
    return -1  # letters of other scripts: kana (also half-width), hangul, Greek, Cyrillic...


def _is_hanzi(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK ")  # unified/compatibility ideographs


def _is_latin(ch: str) -> bool:
    return "LATIN " in unicodedata.name(ch, "")  # also FULLWIDTH LATIN ...


def _is_common_hanzi(ch: str) -> bool:
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:  # GB2312 level-1 rows
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = ch.encode("big5")
        return len(big5) == 2 and 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E
    except UnicodeEncodeError:
        return False
