"""What a document knows while its sentences are read: sentences, cues, carried state.

`DocState` holds, for one normalised text, the zone mentions, year and period cues, clause
separators and generic zone references (all found once, sorted by position), the article's
zone, year and headline period, and the state carried from sentence to sentence (the year and
period named last in the paragraph, a heading's section, the zone named last, the speaker).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lib.attach import dates, timeframe, zones
from lib.reference import gazetteer
from lib.documents import Document
from lib.normalize import FULL_TO_HALF, FULL_WIDTH, normalize

SENTENCE = re.compile(r"[ \t]*([^。!?！？\n \t][^。!?！？\n]*[。!?！？]*)")   # blank runs are no sentence
CLAUSE_SEP = re.compile(r"[,，;；:：]")
LAST_YEAR_WORDS = re.compile(r"全年|去年|上年|过去|一年来|年来|年度|岁末|年终")
WORK_REPORT_HEAD = re.compile(r"政府工作报告|政\s*府\s*工\s*作\s*报\s*告")
HEADLINE_CHARS = 120      # a zone named this early is in the headline or the opening line
# 占全县的62.4%, 高于全区: a denominator or benchmark, not the subject
BENCHMARK_BEFORE = re.compile(r"(?:占|比|于|较|超过|全省|全市|全国|全县)$")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    original: str = ""        # the sentence as written (filled when it has figures)
    subject: str = ""         # a project the sentence introduced
    multi_year: tuple = (-1, -1)   # 近年来… up to the next semicolon: figures there span years
    # found once per sentence, read by each of its figures
    first_from: object = None      # the first 从/由 year cue
    latest_year: int | None = None  # the latest explicit or target year named
    zone_wide_at: int = 0          # where 全区 / 开发区 … is first named (the sentence's end if not)


def split_sentences(text: str) -> list[Sentence]:
    out, paragraph, last_end = [], 0, 0
    for m in SENTENCE.finditer(text):
        start = m.start()
        if text.find("\n", last_end, start) >= 0:
            paragraph += 1
        out.append(Sentence(start, m.end(), paragraph))
        last_end = m.end()
    return out


def is_heading(text: str, s: Sentence) -> bool:
    """A short line of its own (the caller knows it holds no figure)."""
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start <= 30 and text[s.end - 1:s.end] not in "。;；,，"


def multi_year_span(sentence: str) -> tuple[int, int]:
    """From 近年来 / 近两年 … to the next semicolon (offsets in the sentence), or (-1, -1)."""
    m = timeframe.MULTI_YEAR_OPENING.search(sentence)
    if not m:
        return -1, -1
    stop = min((p for p in (sentence.find(";", m.end()), sentence.find("；", m.end())) if p >= 0),
               default=len(sentence))
    return m.start(), stop


def half_width(text: str) -> str:
    return text.translate(FULL_TO_HALF) if FULL_WIDTH.search(text) else text


def headline_period(text: str, periods) -> str:
    """A period named in the headline (one of the first short lines) holds for the article."""
    pos = 0
    for line in text[:240].split("\n")[:12]:
        end = pos + len(line)
        if 0 < len(line.strip()) <= 40:
            named = [p for p in periods if pos <= p.start < end and p.period != "year"]
            if named:
                return named[0].period
        pos = end + 1
    return "year"


LEAD_PERIOD_GAP = 8   # characters between a period word and the headline it dates


def lead_period(text: str, title: str, periods) -> str:
    """The period of a lead that restates the headline with it (记者获悉,1—5月重庆高新区工业经济…
    under the headline 重庆高新区工业经济…) holds for the article, as a headline's would."""
    at = text.find(title[:12], 0, dates.HEAD_CHARS) if len(title) >= 6 else -1
    if at < 0:
        return "year"
    named = [p for p in periods if at - LEAD_PERIOD_GAP <= p.start and p.end <= at and p.period != "year"]
    return named[-1].period if named else "year"


def headline_mentions(doc: Document, text: str) -> list:
    """The zone names of the headline: the manifest's title, else the text's first short line."""
    heading = doc.title.strip() if doc.title else ""
    if not heading:
        first = next((line.strip() for line in text[:200].split("\n") if line.strip()), "")
        heading = first if len(first) <= 40 else ""
    return zones.find_zone_mentions(normalize(heading).text) if heading else []


def headline_zone(headline: list, mentions) -> str:
    """The zone the headline names, when it names exactly one: an article is about the zone in
    its headline, however often the body names its parks or its other names. Written the
    longest way the article writes it."""
    found = [m for m in headline if not m.aside or zones.is_bonded(m.name)]   # a bonded zone's own headline
    named = {m.name for m in found}
    if len(named) != 1 or not (found[0].strong or gazetteer.is_division(found[0].name)):
        return ""   # none, several, or a loose name (亦庄新城): the body decides
    name = named.pop()
    written = {m.name for m in mentions}
    specific = [n for n in written if zones.generic_form(n) == name]
    if specific:
        return specific[0]        # 烟台开发区 in the headline, 烟台经开区 in the text: the specific suffix
    bare = zones.without_province(name)
    if bare != name and bare in written:
        return bare               # 江西宜春经开区 -> 宜春经开区 (the spec keeps the city, not the province)
    longer = [n for n in written if n != name and n.endswith(name) and
              (zones.without_province(n) == n or not gazetteer.place_starting(name))]   # a city, not a province
    return max(longer, key=len) if longer else name   # 金普新区 in the headline, 大连金普新区 below


class DocState:
    """What one document knows while its sentences are read in order."""

    def __init__(self, doc: Document, text: str, raw: str):
        self.text = text
        self.mentions = Sorted(zones.find_zone_mentions(text))
        # a manifest's title counts as a headline when the text does not start with it
        title = doc.title.strip() if doc.title and doc.title.strip()[:12] not in text[:300] else ""
        title = normalize(title).text if title else ""
        headline = headline_mentions(doc, text)   # found once: the zone, and its evidence below
        self.zone = zones.canonical_zone(doc.zone) if doc.zone else \
            headline_zone(headline, self.mentions) or \
            zones.infer_article_zone(text, self.mentions, headline if title else [])
        if self.zone and not doc.zone:
            self.zone = zones.fullest_form(self.zone, self.mentions)
        self.cues = Sorted(timeframe.find_year_cues(text))
        pub_year, self.pub_month, self.year_source = dates.article_date(
            doc.published, doc.url, half_width((doc.title + "\n" if doc.title else "") + raw[:dates.HEAD_CHARS]))
        self.article_year = pub_year or timeframe.infer_article_year(text, self.cues)
        if not pub_year:
            self.year_source = "inferred" if self.article_year else ""
        # evidence columns: where the article's year and zone came from
        self.year_evidence = {"text": "article"}.get(self.year_source, self.year_source)
        # 政府工作报告: given early in a year, it reports on the year before and plans this one
        self.work_report = bool(WORK_REPORT_HEAD.search((doc.title or "") + "\n" + text[:dates.HEAD_CHARS]))
        # a January report gives last year's results only when it speaks of last year at all
        # (全年, 去年, 2021年 …); news of an event this January is this year's
        self.speaks_of_last_year = bool(LAST_YEAR_WORDS.search(text)) or bool(
            self.article_year and f"{self.article_year - 1}年" in text)
        self.zone_evidence = _zone_evidence(doc, self.zone, self.mentions, headline)
        timeframe.resolve_cues(self.cues, self.article_year)
        self.default_year = timeframe.dominant_year(self.cues, self.article_year)
        self.periods = Sorted(timeframe.find_period_cues(text))
        self.clause_seps = [m.start() for m in CLAUSE_SEP.finditer(text)]
        self.default_period = headline_period(text, self.periods)
        if self.default_period == "year" and title:
            self.default_period = headline_period(title, timeframe.find_period_cues(title))
        if self.default_period == "year" and doc.title:
            self.default_period = lead_period(text, normalize(doc.title.strip()).text, self.periods)
        named_spans = [(m.start, m.end) for m in self.mentions]
        named_at = {i for a, b in named_spans for i in range(a, b)}
        # 占全县的62.4%, 高于全区: a denominator or benchmark, not the subject
        self.generic = [g.start() for g in zones.GENERIC_REFERENCE.finditer(text)
                        if g.start() not in named_at and not BENCHMARK_BEFORE.search(text, max(0, g.start() - 2), g.start())]
        # carried state
        self.paragraph = -1
        self.para_cue: timeframe.YearCue | None = None
        self.para_period = ""
        self.para_target = False
        # a heading line ("二、2024年主要预期目标", "一季度工业经济运行情况") sets the year, the
        # period and (for a plan) the target status of the section below it, to the next heading
        self.section_cue: timeframe.YearCue | None = None
        self.section_period = ""
        self.section_target = False
        self.para_full_year = False
        self.sticky_zone = self.zone
        self.cue_i = self.period_i = self.mention_i = self.generic_i = 0   # read up to here
        self.speaker_zone = self.zone   # whose 我区 / 全区 it is
        self.speakers: dict[str, str] = {}   # official's name -> the zone they were introduced for
        self.last_dev_zone = ""         # the development zone a county's article named last
        self.sub_topic = ""
        self.last_metric = ""

    def new_paragraph(self, index: int) -> None:
        if index != self.paragraph:
            self.paragraph = index
            self.para_cue, self.para_period, self.sub_topic = None, "", ""
            self.para_full_year = False
            self.para_target = self.section_target


def _zone_evidence(doc: Document, zone: str, mentions, headline: list) -> str:
    """manifest (the manifest named it), headline (named in the title or the first lines),
    article (inferred from the mentions in the text), or ''."""
    if not zone:
        return ""
    if doc.zone:
        return "manifest"
    in_title = any(zones.same_zone(m.name, zone) for m in headline)
    in_head = any(m.start < HEADLINE_CHARS and zones.same_zone(m.name, zone) for m in mentions)
    return "headline" if in_title or in_head else "article"


def starting_in(items: "Sorted", start: int, end: int) -> list:
    """Items that start in [start, end)."""
    return items[bisect.bisect_left(items.starts, start):bisect.bisect_left(items.starts, end)]


def last_starting_in(items: "Sorted", start: int, end: int, keep=None, max_steps: int = 64):
    """The last item that starts in [start, end) (and passes `keep`, looking back at most
    `max_steps` items), or None; no list is built."""
    i = bisect.bisect_left(items.starts, end) - 1
    stop = i - max_steps
    while i >= 0 and i > stop and items.starts[i] >= start:
        if keep is None or keep(items[i]):
            return items[i]
        i -= 1
    return None


def recent_starting_in(items: "Sorted", start: int, end: int, k: int) -> list:
    """At most the last k items that start in [start, end): what decides a figure lies close by."""
    hi = bisect.bisect_left(items.starts, end)
    lo = max(bisect.bisect_left(items.starts, start), hi - k)
    return items[lo:hi]


class Sorted(list):
    """A list sorted by .start that remembers the starts, for bisect lookups."""

    def __init__(self, items):
        super().__init__(sorted(items, key=lambda x: x.start))
        self.starts = [x.start for x in self]
