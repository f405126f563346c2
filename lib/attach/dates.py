"""The article's publication date: from the manifest, the page's URL, or a dateline in its head.

An article's date decides what 今年 / 去年 / 上年 mean and whether a January report's 全年
figures are last year's. Sources, strongest first (the first that gives a plausible date wins):

1. `published` of a manifest (YYYY-MM-DD, YYYY-MM or YYYY);
2. the URL: news sites put the publication date in the path (shapes in URL_DATE_SHAPES);
3. a dateline in the first lines of the text: 发布时间：2024-11-15, 2018-05-15 10:51,
   2022年8月24日 (DATELINE).

Each shape is a named pattern with examples; `tests/test_dates.py` runs them.
Not handled: dates written only in words (二〇一九年), relative dates (昨天), a site's own
date formats that put the day first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lib.limits import FIRST_YEAR, LAST_YEAR   # the schema's range of years
from lib.patterns import named


@dataclass(frozen=True)
class DateShape:
    name: str
    pattern: re.Pattern
    examples: tuple[tuple[str, tuple[int, int, int]], ...]   # (url, (year, month, day))
    counter_examples: tuple[str, ...] = ()


def _shape(name, regex, examples, counter_examples=()):
    return DateShape(name, re.compile(regex, re.VERBOSE), tuple(examples), tuple(counter_examples))


# Each pattern has groups y, m and (optionally) d; digits are bounded so a longer run of
# digits (an article id) never reads as a date.
URL_DATE_SHAPES = [
    _shape("dashed_month_then_day", r"""(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?!\d)""",
           [("https://zzrb.zynews.cn/html/2008-12/18/content_40179.htm", (2008, 12, 18))]),
    _shape("iso_date", r"""(?<!\d)(?P<y>(?:19|20)\d\d)[-_](?P<m>[01]?\d)[-_](?P<d>[0-3]?\d)(?!\d)""",
           [("http://example.cn/news/2019-02-19/123.html", (2019, 2, 19)),
            ("http://example.cn/content_2019_2_9_77.htm", (2019, 2, 9))]),
    _shape("slashed", r"""/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?=/|\.|_|$)""",
           [("http://example.cn/2019/9/24/c_1125030.htm", (2019, 9, 24)),
            ("http://example.cn/a/2021/11/03/", (2021, 11, 3))]),
    _shape("compact_date", r"""(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)""",
           [("http://news.jjrbnet.com/yuanqu/20230829/85520.html", (2023, 8, 29)),
            ("http://www.gov.cn/zwgk/t20190219_3412.htm", (2019, 2, 19))],
           ["http://example.cn/show-179-174094-1.html", "http://example.cn/p/202308291234567.html"]),
    _shape("compact_month_then_day", r"""/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)/(?P<d>[0-3]\d)(?=/|\.|_)""",
           [("http://www.example.gov.cn/art/201902/19/art_1.html", (2019, 2, 19))]),
    _shape("compact_month_dir", r"""/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)/""",
           [("https://www.example.net/city/news/201805/2233445.html", (2018, 5, 0))],
           ["http://example.cn/id/2017041/", "http://example.cn/201713/5.html"]),
    _shape("year_then_month_dir", r"""/(?P<y>(?:19|20)\d\d)(?:/|-|_)(?P<m>[01]?\d)/""",
           [("http://pub.cnwest.com/data/content/2025/06/4110.html", (2025, 6, 0)),
            ("http://example.cn/html/news/2019_7/1234.html", (2019, 7, 0))],
           ["http://example.cn/dynamic/194.html"]),
]

# A dateline in the page head: 发布时间：2024-11-15 02:53:56 / 2018-05-15 10:51 / 2022年8月24日
DATELINE = re.compile(r"""
    (?P<y>(?:19|20)\d\d) \s* [-/.年] \s* (?P<m>[01]?\d) \s* [-/.月] \s* (?P<d>[0-3]?\d) (?!\d)
""", re.VERBOSE)
HEAD_CHARS = 600   # a dateline stands in the first lines, before the article's own dates


def _valid(y: int, m: int, d: int) -> bool:
    if not (FIRST_YEAR <= y <= LAST_YEAR and 1 <= m <= 12):
        return False
    if d == 0:
        return True
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def date_from_url(url: str) -> tuple[int, int] | None:
    """(year, month) of the publication date the URL's path encodes, or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)   # the host has no date
    for shape in URL_DATE_SHAPES:
        for m in shape.pattern.finditer(path):
            y, mo = int(m.group("y")), int(m.group("m"))
            d = int(m.groupdict().get("d") or 0)
            if _valid(y, mo, d):
                return y, mo
    return None


def date_from_published(published: str) -> tuple[int, int] | None:
    m = re.match(r"\s*((?:19|20)\d\d)(?:[-/.年](\d{1,2}))?", published or "")
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2) or 0)
    if not FIRST_YEAR <= y <= LAST_YEAR or mo > 12:
        return None
    return y, mo


def date_from_head(text: str) -> tuple[int, int] | None:
    for m in DATELINE.finditer(text[:HEAD_CHARS]):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d):
            return y, mo
    return None


# 2022年政府工作报告: delivered at the year's people's congress, in January or February; a
# report on how it was carried out (2020年政府工作报告完成情况) is written after that year, not in it
WORK_REPORT = named(
    "dates.work_report", "the year of a government work report (2023年…政府工作报告)",
    r"(?<!\d)((?:19|20)\d{2})[ ]?年(?:[\u4e00-\u9fff]{0,8})?政府工作报告(?!\S{0,6}(?:完成|执行|落实)情况)",
    examples=['2023年金安区政府工作报告', '2025 年某区政府工作报告'],
    counter_examples=['政府工作报告', '2020年政府工作报告完成情况', '2020年政府工作报告目标任务执行情况'])


def date_of_work_report(head: str) -> tuple[int, int] | None:
    m = WORK_REPORT.search(head[:HEAD_CHARS])
    if m and FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR:
        return int(m.group(1)), 1
    return None


def article_date(published: str, url: str, head: str) -> tuple[int | None, int, str]:
    """(year, month or 0, source) of the article: source is manifest, url, text or ''. A work
    report's own year (2017年蠡县人民政府工作报告) wins over a later date of its repost."""
    report = date_of_work_report(head)
    for source, found in (("manifest", date_from_published(published)), ("url", date_from_url(url)),
                          ("text", date_from_head(head)), ("text", report)):
        if found:
            if report and found[0] > report[0]:
                return report[0], report[1], "text"   # a 2017 report reposted in 2021
            return found[0], found[1], source
    return None, 0, ""
