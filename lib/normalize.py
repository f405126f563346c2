"""Normalisation: the text the rules read, with offsets back into the text as written.

Rules see one canonical form: simplified characters, half-width digits and punctuation,
no pinyin glosses (工業(yè) -> 工业), no scraped junk blocks. Traditional -> simplified and
full-width -> half-width are one character for one character, so only removed glosses
shift offsets; `NormalizedText.to_original` maps a position back to the text as read.
Junk blocks (新闻推荐 / 相关新闻 tails in the page's second half, 编辑: / 责编: lines) are blanked with spaces, which
keeps their length, so they yield no facts and shift nothing.

Not handled: conversions that change length (OpenCC phrase rules that would do so are
detected per line and that line is left unconverted).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lib.patterns import named

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜń"
PINYIN_GLOSS = named(
    "normalize.pinyin_gloss", "tone-marked pinyin in brackets after a CJK character (經(jīng), 區(qū))",
    rf"""(?=[(（])(?<=[\u4e00-\u9fff])
         (?: [(（] [a-zü{TONED}]* [{TONED}] [a-zü{TONED}]* [)）] )+     # 發(fā)(fā): glosses repeat""",
    examples=["經(jīng)濟", "工業(yè)(yè)"], counter_examples=["产值(GDP)", "园区(a)"])
# Pages glossed without tones (億(yi)(yi)元, 開(kai)發(fa)區): the same glosses, no tone mark to tell
# them from other bracketed words, so stripped only on a page that has many of them.
PLAIN_PINYIN_GLOSS = named(
    "normalize.plain_pinyin_gloss", "pinyin without tones in brackets after a CJK character (億(yi)(yi))",
    rf"""(?=[(（])(?<=[\u4e00-\u9fff])
         (?: [(（] [a-zü{TONED}]{{1,6}} [)）] )+""",
    examples=["億(yi)(yi)元", "開(kai)發"], counter_examples=["产值(GDP)", "园区(一)"])
PLAIN_GLOSSES_ON_A_GLOSSED_PAGE = 5
# A block that starts a list of other articles: everything after it is not this article.
JUNK_TAIL = named(
    "normalize.junk_tail", "a line that starts the list of other articles (新闻推荐, 相关新闻)",
    r"^[ \t]*(?:新闻推荐|相关新闻|相关阅读|推荐阅读|热点推荐|猜你喜欢)[ \t]*$",
    examples=["正文\n新闻推荐\n"], counter_examples=["新闻推荐的项目"], flags=re.M)
# Credit lines: 编辑: 刘福龙 责编: 马园亮 / (记者 张孝平) stay text but carry no figures.
JUNK_LINE = named(
    "normalize.junk_line", "a credit line (编辑: …, 责编: …, 来源: …): no figures",
    r"^[ \t]*(?:编辑|责编|责任编辑|审核|校对|来源)\s*[:：].*$",
    examples=["编辑: 刘某"], counter_examples=["编辑部门"], flags=re.M)

NOT_NEWLINE = re.compile(r"[^\n]")
FULL_TO_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000\u2236]")
FULL_TO_HALF.update({0x3000: 0x20, 0x2236: ord(":")})


@dataclass
class NormalizedText:
    text: str
    original: str
    # removed spans as (normalised position, cumulative characters removed before it)
    _cuts: list[int] = field(default_factory=list)
    _shift: list[int] = field(default_factory=list)

    def to_original(self, pos: int) -> int:
        """Offset in the original text of normalised position `pos`."""
        i = bisect.bisect_right(self._cuts, pos)
        return pos + (self._shift[i - 1] if i else 0)


@lru_cache(maxsize=1)
def _t2s():
    import opencc
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, one character for one character (line-wise fallback)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        c = _t2s().convert(line)
        out.append(c if len(c) == len(line) else line)
    return "\n".join(out)


@lru_cache(maxsize=1)
def _traditional_regex() -> re.Pattern:
    """Every CJK character OpenCC would change, as one character class (built once)."""
    cjk = "".join(chr(cp) for cp in range(0x4E00, 0xA000))
    simplified = _t2s().convert(cjk)
    if len(simplified) != len(cjk):  # cannot line them up: fall back on converting samples
        return re.compile("(?!)")
    changed = "".join(a for a, b in zip(cjk, simplified) if a != b)
    return re.compile("[" + re.escape(changed) + "]")


def _looks_traditional(text: str) -> bool:
    sample = text[:3000]
    if _traditional_regex().pattern == "(?!)":
        return _t2s().convert(sample) != sample
    return bool(_traditional_regex().search(sample))


def _blank(text: str, pattern: re.Pattern, to_end: bool = False) -> str:
    """Spaces over junk (same length, so offsets stay). With to_end, a marker in the second
    half of the page blanks the rest of it (the list of other articles); one earlier on is
    a navigation line and only that line goes."""
    if to_end:
        for m in pattern.finditer(text):
            if m.start() >= len(text) // 2:
                return text[:m.start()] + NOT_NEWLINE.sub(" ", text[m.start():])
    return pattern.sub(lambda mm: " " * len(mm.group()), text)


# A page copied from a PDF or a word processor breaks its lines at a width, mid-sentence:
#   预计全年,地区生产总值增长6%;规上工业增加值增\n长6%,…
# Such a break is no paragraph: it is removed (the offsets map back), so a sentence reads whole.
LINE_END_OF_PROSE = re.compile(r"[。!?！？;；:：”\"』」）)】]$")
WRAP_MIN_LINES = 5          # a page with fewer long lines is not told apart as wrapped
WRAP_SHARE = 0.5            # at least half its long lines end mid-sentence
WRAP_LONG_LINE = 12         # characters: shorter lines are headings, datelines, menus
WRAP_MAX_WIDTH = 80         # a wrapped page's lines are short; a long line is a paragraph of its own
NEXT_LINE_CONTINUES = re.compile(r"[\u4e00-\u9fff\d%(（“\"]")
NOT_A_CONTINUATION = re.compile(r"(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.])")


def wrapped_line_breaks(raw: str) -> list[int]:
    """Positions of the line breaks of a hard-wrapped page that fall inside a sentence ([] for
    an ordinary page)."""
    if raw.count("\n") < WRAP_MIN_LINES:
        return []
    lines = raw.split("\n")
    long = [ln.rstrip() for ln in lines if len(ln.strip()) >= WRAP_LONG_LINE and "|" not in ln]   # no table rows
    if len(long) < WRAP_MIN_LINES or max(len(ln) for ln in long) > WRAP_MAX_WIDTH:
        return []
    open_ended = sum(1 for ln in long if not LINE_END_OF_PROSE.search(ln))
    if open_ended < WRAP_SHARE * len(long):
        return []
    width = sorted(len(ln) for ln in long)[len(long) // 2]
    out, pos = [], 0
    for line, following in zip(lines, lines[1:]):
        end = pos + len(line)
        body = line.rstrip()
        if len(body) >= 0.7 * width and not LINE_END_OF_PROSE.search(body) and "|" not in body \
                and "|" not in following \
                and NEXT_LINE_CONTINUES.match(following) and not NOT_A_CONTINUATION.match(following):
            out.append(end)   # the "\n" ending this line
        pos = end + 1
    return out


def normalize(raw: str) -> NormalizedText:
    cuts, shift = [], []
    removed = 0
    pieces = []
    last = 0
    gloss = PINYIN_GLOSS
    if len(PLAIN_PINYIN_GLOSS.findall(raw, 0, 20000)) >= PLAIN_GLOSSES_ON_A_GLOSSED_PAGE:
        gloss = PLAIN_PINYIN_GLOSS
    spans = [m.span() for m in gloss.finditer(raw)]
    wraps = wrapped_line_breaks(raw)
    if wraps:
        spans = sorted(spans + [(i, i + 1) for i in wraps])
    for start, end in spans:
        pieces.append(raw[last:start])
        removed += end - start
        cuts.append(start - (removed - (end - start)))
        shift.append(removed)
        last = end
    pieces.append(raw[last:])
    text = "".join(pieces) if cuts else raw
    if FULL_WIDTH.search(text):
        text = text.translate(FULL_TO_HALF)
    if _looks_traditional(text):
        text = to_simplified(text)
    text = _blank(text, JUNK_TAIL, to_end=True)
    text = _blank(text, JUNK_LINE)
    return NormalizedText(text, raw, cuts, shift)
