"""What a document knows while its sentences are read: sentences, cues, carried state.

`DocState` holds, for one normalised text, the zone mentions, year and period cues, clause
separators and generic zone references (all found once, sorted by position), the article's
zone, year and headline period, and the state carried from sentence to sentence (the year and
period named last in the paragraph, a heading's section, the zone named last, the speaker).
"""
from __future__ import annotations

import bisect
from collections import Counter
import re
from dataclasses import dataclass

from lib.attach import article_zone, dates, scope, timeframe, zones
from lib.attach.headline import (article_period, headline_mentions, headline_zone,
                                 zone_evidence)
from lib.documents import Document
from lib.normalize import FULL_TO_HALF, FULL_WIDTH, normalize
from lib.patterns import named

SENTENCE = re.compile(r"[ \t]*([^。!?！？\n \t][^。!?！？\n]*[。!?！？]*)")   # blank runs are no sentence
CLAUSE_SEP = re.compile(r"[,，;；:：]")
LAST_YEAR_WORDS = named(
    "context.last_year_words", "a January article that speaks of last year reviews it",
    r"全年|去年|上年|过去|一年来|年来|年度|岁末|年终",
    examples=['全年实现', '过去一年', '年度目标'], counter_examples=['近日举行'])
WORK_REPORT_HEAD = named(
    "context.work_report_head", "a government work report (it reviews the year before its date)",
    r"政府工作报告|政\s*府\s*工\s*作\s*报\s*告",
    examples=['2024年政府工作报告', '政 府 工 作 报 告'], counter_examples=['工作会议'])
PLAN_HEADING = named(
    "context.plan_heading", "a heading of plans: its paragraph's figures are targets",
    r"(?<!达到)(?<!实现)(?<!完成)(?:主要)?预期目标|奋斗目标是|(?<!完成)目标任务",
    examples=['主要预期目标', '目标任务'], counter_examples=['主要成绩', '各项指标达到预期目标'])
QUESTION = named(
    "context.question", "an interviewer's line (问: / 记者:)",
    r"[ \t]*(?:问|记者|主持人)[:：]",
    examples=['问:', '记者：'], counter_examples=['答:'])
SPEAKER_INTRO = named(
    "context.speaker_intro", "a press conference hands over to a speaker",
    r"请.{2,40}(?:介绍|发言|回答|作报告)",
    examples=['请区委书记张三介绍', '请王主任回答'], counter_examples=['请登录'])  # a press conference hands over
# 蓝田县委书记徐毅: an official's title and name right after the zone's name
OFFICIAL_AFTER_ZONE = named(
    "context.official_after_zone", "an official's title and name right after a zone's name (蓝田县委书记徐毅)",
    r"[委]?(?:党工委|工委)?(?:副)?(?:书记|县长|区长|市长|主任|局长|镇长|主席|负责人)(?:先生|女士)?[ \t]*"
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?:先生|女士)?(?=[、,，和及与请介绍发言回答作])",
    examples=['委书记徐毅介绍', '区长王明、'], counter_examples=['企业家'])
SPEAKER_LINE = named(
    "context.speaker_line", "a speech line (徐毅:各位…)",
    r"(?P<name>[\u4e00-\u9fff]{2,4})[ \t]*[:：]",
    examples=['徐毅:各位', '王明明：'], counter_examples=['2021'])  # 徐毅:各位媒体朋友…
LATE_IN_THE_YEAR = 10      # a work report from October on reviews its own year
EARLY_IN_THE_YEAR = 2      # 去年以来 written in January or February spans last year only
OPENING_CHARS = 6         # a year within the first characters of a sentence is its topic and carries on
TOPIC_HEADING_MAX = 14     # a short sentence with no figure is a topic heading: periods stop there
# 占全县的62.4%, 高于全区: a denominator or benchmark, not the subject
BENCHMARK_BEFORE = named(
    "context.benchmark_before", "before 全区/全县: a denominator or benchmark (占全县, 高于全区), not the subject",
    r"(?:占|比|于|较|超过|全省|全市|全国|全县)$",
    examples=['占', '超过'], counter_examples=['实现'])


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


# 累计实施项目736个,完成投资905亿元: a sentence that opens on a running total is one to its end
SENTENCE_OPENING_TOTAL = named(
    "context.sentence_opening_total", "a sentence that opens with 累计 (a running total over years)",
    r"^[ \t]*(?:[一二三四五六七八九十]是|(?:19|20)\d{2}年)?[,，]?累计",
    examples=['累计实施项目', '一是累计完成', '2016年,累计实施'], counter_examples=['今年累计'])


def multi_year_span(sentence: str) -> tuple[int, int]:
    """From 近年来 / 近两年 … to the next semicolon (offsets in the sentence), or (-1, -1)."""
    m = timeframe.MULTI_YEAR_OPENING.search(sentence) or SENTENCE_OPENING_TOTAL.match(sentence)
    if not m:
        return -1, -1
    stop = min((p for p in (sentence.find(";", m.end()), sentence.find("；", m.end())) if p >= 0),
               default=len(sentence))
    return m.start(), stop


def half_width(text: str) -> str:
    return text.translate(FULL_TO_HALF) if FULL_WIDTH.search(text) else text


class DocState:
    """What one document knows while its sentences are read in order."""

    def __init__(self, doc: Document, text: str, raw: str):
        self.text = text
        self.mentions = Sorted(zones.find_zone_mentions(text))
        cities = zones.find_city_mentions(text, self.mentions)
        # a manifest's title counts as a headline when the text does not start with it
        full_title = normalize(doc.title.strip()).text if doc.title and doc.title.strip() else ""   # once
        title = full_title if full_title and doc.title.strip()[:12] not in text[:300] else ""
        headline = headline_mentions(full_title, text)   # found once: the zone, and its evidence below
        self.zone = zones.canonical_zone(doc.zone) if doc.zone else \
            headline_zone(headline, self.mentions) or \
            article_zone.infer_article_zone(text, self.mentions, headline if title else [], cities)
        if self.zone and not doc.zone:
            self.zone = article_zone.fullest_form(self.zone, self.mentions)
            self.zone = article_zone.written_without_province(self.zone, text)
        if not self.zone and not doc.zone:
            self.zone = article_zone.district_named_short(full_title + "\n" + text)   # 江宁新闻网 … 全区: 江宁区
        self.cues = Sorted(timeframe.find_year_cues(text))
        pub_year, self.pub_month, self.year_source = dates.article_date(
            doc.published, doc.url, half_width((doc.title + "\n" if doc.title else "") + raw[:dates.HEAD_CHARS]))
        self.article_year = pub_year or timeframe.infer_article_year(text, self.cues)
        if not pub_year:
            self.year_source = "inferred" if self.article_year else ""
        # evidence columns: where the article's year and zone came from
        self.year_evidence = {"text": "article"}.get(self.year_source, self.year_source)
        # 政府工作报告: given early in a year, it reports on the year before and plans this one
        # …; one delivered late in the year (2016年12月20日在…大会上) reviews that year itself
        self.work_report = bool(WORK_REPORT_HEAD.search((doc.title or "") + "\n" + text[:dates.HEAD_CHARS])) \
            and not self.pub_month >= LATE_IN_THE_YEAR
        # a January report gives last year's results only when it speaks of last year at all
        # (全年, 去年, 2021年 …); news of an event this January is this year's
        self.speaks_of_last_year = bool(LAST_YEAR_WORDS.search(text)) or bool(
            self.article_year and f"{self.article_year - 1}年" in text)
        self.zone_evidence = zone_evidence(doc, self.zone, self.mentions, headline)
        # whose 全市 / 我市 it is: the article's zone when it is a city, else the city it names most
        named_cities = Counter(m.name for m in cities if not m.aside)
        self.city = self.zone if self.zone.endswith("市") else \
            (named_cities.most_common(1)[0][0] if named_cities else zones.city_of_zone(self.zone))
        if 1 <= self.pub_month <= EARLY_IN_THE_YEAR:
            for c in self.cues:   # 去年以来 in a January article: over last year, not a running total
                if c.kind == "since" and c.offset == -1:
                    c.kind = "relative"
        timeframe.resolve_cues(self.cues, self.article_year)
        self.default_year = timeframe.dominant_year(self.cues, self.article_year)
        self.periods = Sorted(timeframe.find_period_cues(text))
        self.clause_seps = [m.start() for m in CLAUSE_SEP.finditer(text)]
        self.default_period = article_period(text, title, full_title, self.periods)
        # 今年以来 in a report on part of a year takes that report's period
        self.year_to_date_period = self.default_period if self.default_period != "year" else \
            timeframe.most_named_part_year(self.periods)
        named_spans = [(m.start, m.end) for m in self.mentions]
        named_at = {i for a, b in named_spans for i in range(a, b)}
        # 占全县的62.4%, 高于全区: a denominator or benchmark, not the subject
        # 全市 only where it opens a clause as its subject (高于全省、全市1.3个百分点, 全市第一: yardsticks)
        self.generic = [g.start() for g in zones.GENERIC_REFERENCE.finditer(text)
                        if g.start() not in named_at and not BENCHMARK_BEFORE.search(text, max(0, g.start() - 2), g.start())
                        and (not g.group().endswith("市") or zones.is_city_subject(text, g.start()))]
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
        self.last_period = ""   # the period of the last fact read (a 其中 sentence breaks it down)

    def enter_sentence(self, s: Sentence, sentence: str, has_figures: bool) -> None:
        """Headings and sub-items met before the sentence's figures are read."""
        if not has_figures and s.end - s.start <= 30 and is_heading(self.text, s):
            cues = [c for c in starting_in(self.cues, s.start, s.end) if c.kind not in ("comparison", "from", "founded", "date")]
            periods = starting_in(self.periods, s.start, s.end)
            # 2015年…政府工作报告 as a title line: the year it is delivered, not the year of the section below
            self.section_cue = cues[-1] if cues and not WORK_REPORT_HEAD.search(sentence) else None
            self.section_period = periods[-1].period if periods else ""
            self.section_target = bool(PLAN_HEADING.search(sentence))
            self.para_target = self.section_target
        if "请" in sentence and SPEAKER_INTRO.search(sentence):
            named = [m for m in starting_in(self.mentions, s.start, s.end) if not m.aside]
            for m in named:   # who speaks for which zone, for the speeches below
                official = OFFICIAL_AFTER_ZONE.match(self.text, m.end, min(s.end, m.end + 16))
                if official:
                    self.speakers[official.group("name")] = m.name
            if named:
                name = named[-1].name
                self.speaker_zone = self.zone if zones.same_zone(name, self.zone) else name
                self.sticky_zone = self.speaker_zone
        if self.speakers and (s.start == 0 or self.text[s.start - 1] == "\n"):
            speech = SPEAKER_LINE.match(self.text, s.start, s.start + 8)
            if speech and speech.group("name") in self.speakers:   # 徐毅: … speaks for 蓝田县
                name = self.speakers[speech.group("name")]
                self.speaker_zone = self.zone if zones.same_zone(name, self.zone) else name
                self.sticky_zone = self.speaker_zone
        if scope.starts_new_item(sentence):
            self.sub_topic, self.para_period, self.para_cue = "", "", None
            self.sticky_zone = self.speaker_zone   # ——项目建设扎实推进: a new item speaks of the article's zone again
            self.sub_topic = scope.heading_subject(sentence)
        if not has_figures and s.end - s.start <= TOPIC_HEADING_MAX:
            self.para_period = ""

    def leave_sentence(self, s: Sentence) -> None:
        """The year and period the sentence named carry on to the next ones (its zone: lib/attach/where.py)."""
        cues, periods = self.cues, self.periods
        opening = None
        while self.cue_i < len(cues) and cues[self.cue_i].start < s.end:
            cue = cues[self.cue_i]
            if opening is None and cue.start - s.start <= OPENING_CHARS \
                    and cue.kind not in ("comparison", "from", "founded", "date"):
                opening = cue
            self.cue_i += 1
        if opening is not None:
            self.para_cue = opening
            if opening.kind == "explicit":
                self.para_period = ""   # a new year named: the period carried so far ends (set again below if named)
        if self.text[s.start] in "问记主 \t" and QUESTION.match(self.text, s.start):
            self.section_cue = opening     # 问:2020年…怎样的答卷? — the answer below reports on 2020
        while self.period_i < len(periods) and periods[self.period_i].start < s.end:
            p = periods[self.period_i]
            self.para_period = p.period
            if p.period == "year" and self.text[p.start:p.end] == "全年":
                self.para_full_year = True
            self.period_i += 1

    def new_paragraph(self, index: int) -> None:
        if index != self.paragraph:
            self.paragraph = index
            self.para_cue, self.para_period, self.sub_topic = None, "", ""
            self.para_full_year = False
            self.para_target = self.section_target


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
