"""The headline: which zone and which period an article's title or opening line names.

An article is about the zone its headline names (when it names exactly one), written the
fullest way the text writes it; a period in the headline, or in a lead that restates the
headline with it, holds for the whole article.
"""
from __future__ import annotations

from lib.attach import dates, timeframe, zones
from lib.documents import Document
from lib.patterns import named
from lib.reference import gazetteer

HEADLINE_CHARS = 120      # a zone named this early is in the headline or the opening line


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


LEAD_CHARS = 400          # the lead: the article's opening lines
REPORT_AFTER_PERIOD = named(
    "headline.report_after_period", "after a period in the lead: the report it names (前三季度经济数据, 上半年经济运行)",
    r"[\u4e00-\u9fff]{0,4}?(?:经济数据|统计数据|经济运行|主要经济指标|经济指标|成绩单|经济形势)",
    examples=['经济数据', '全区经济运行情况', '主要经济指标'], counter_examples=['同比增长'])


def report_period(text: str, periods) -> str:
    """A lead that names a report on part of the year (公布前三季度经济数据) makes the article
    that report: its period holds for the whole article."""
    for p in periods:
        if p.start >= LEAD_CHARS:
            break
        if p.period != "year" and REPORT_AFTER_PERIOD.match(text, p.end, p.end + 12):
            return p.period
    return "year"


MONTH_REPORT = named(
    "headline.month_report", "a monthly report's title (10月份经济运行情况): January to that month",
    r"(?<![\d\-—至~])(?P<month>1[0-2]|[1-9])月份?(?:全[区县市])?(?:经济运行|主要经济指标|统计月报|经济数据)",
    examples=['2022年8月份经济运行情况', '5月主要经济指标'], counter_examples=['1-10月经济运行'])


def month_report_period(headline: str) -> str:
    """M1-10 for a headline 某某区2022年8月份经济运行情况 (monthly releases are cumulative)."""
    m = MONTH_REPORT.search(headline)
    if not m:
        return "year"
    month = int(m.group("month"))
    return "year" if month == 12 else f"M1-{month}"


def article_period(text: str, title: str, full_title: str, periods) -> str:
    """The period the whole article reports on ('year' unless something says a part of it): the
    headline's, the manifest title's, a lead restating the headline with one, a lead naming a
    part-year report, a monthly release's headline."""
    period = headline_period(text, periods)
    if period == "year" and title:
        period = headline_period(title, timeframe.find_period_cues(title))
    if period == "year" and full_title:
        period = lead_period(text, full_title, periods)
    if period == "year":
        period = report_period(text, periods)
    if period == "year":
        period = month_report_period(full_title + "\n" + text[:dates.HEAD_CHARS])
    return period


def headline_mentions(title: str, text: str) -> list:
    """The zone names of the headline: the manifest's title (normalised), else the text's first
    short line."""
    if title:
        return zones.find_zone_mentions(title)
    first = next((line.strip() for line in text[:200].split("\n") if line.strip()), "")
    return zones.find_zone_mentions(first) if len(first) <= 40 and first else []


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
    if bare != name:
        specific = [n for n in written if zones.generic_form(n) == bare]
        if specific:
            return specific[0]    # 江苏某某开发区 in the headline, 某某经开区 in the text
        if bare in written or zones.generic_form(bare) in written or gazetteer.catalogued_zone(bare) == bare:
            return bare           # 江西宜春经开区 -> 宜春经开区, 山西太原高新区 -> 太原高新区 (the city, not the
                                  # province); 贵州某某经开区 … 某某开发区: written without it too
    return name   # written fuller in the text (金普新区 -> 大连金普新区): article_zone.fullest_form


def zone_evidence(doc: Document, zone: str, mentions, headline: list) -> str:
    """manifest (the manifest named it), headline (named in the title or the first lines),
    article (inferred from the mentions in the text), or ''."""
    if not zone:
        return ""
    if doc.zone:
        return "manifest"
    in_title = any(zones.same_zone(m.name, zone) for m in headline)
    in_head = any(m.start < HEADLINE_CHARS and zones.same_zone(m.name, zone) for m in mentions)
    return "headline" if in_title or in_head else "article"
