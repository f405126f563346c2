"""Scope: a figure about the whole zone, or about a named company, park, port or project in it.

A sentence whose subject is a named entity (…集团, …公司, …产业园, …港, …机场, …示范区) gives its
figures scope `sub`; so does a sub-item heading ("二是全力做大电子信息产业园。") for the
sentences after it, until the next item (一是 / 二是 / ——) or paragraph. "X等N家" counts X's
kind, so X is not a subject; a "总投资30亿元的某某项目" amount belongs to that project.
"""
from __future__ import annotations

from lib.patterns import named

ENTITY = named(
    "scope.entity",
    "a company, park, port or project area by its name's ending (丰源集团, 电子信息产业园, 保税区)",
    r"""
    (?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,14}?
        (?:集团|有限公司|股份公司|公司|产业园区|产业园|工业园区|工业园|园区|小镇|港|口岸|机场
          |示范区|综保区|综合保税区|保税区|片区))
    (?![\u4e00-\u9fff]{0,1}(?:等|区|内))                    # not 园区内, 港区, …等: no name of one entity
    """,
    examples=["丰源集团实现产值", "电子信息产业园入驻企业"], counter_examples=["全区实现产值"])
ENTITY_SUFFIX_CHAR = named(
    "scope.entity_suffix_char", "the last characters of an entity's name (集团, 公司, 园, 港): a cheap test before ENTITY",
    r"[团司园镇港岸场区]",
    examples=['集团', '产业园'], counter_examples=['全县'])
ITEM_HEADING = named(
    "scope.item_heading",
    "an item heading naming a park (三是做强临港产业园): the figures below are that park's",
    r"""
    ^[一二三四五六七八九十]是[\u4e00-\u9fff]{0,8}?(?:做优|做大|做强|推进|建设|打造|发展)?
    (?P<name>[\u4e00-\u9fff]{2,14}(?:产业园区|产业园|工业园区|工业园|小镇|港|口岸|机场))(?:建设)?[。;]?$
    """,
    examples=["三是做强临港产业园。"], counter_examples=["三是加快项目建设。"])
ITEM_START = named(
    "scope.item_start", "a list item starts (一是, ——, 一、, (一)): a new sub-topic",
    r"^(?:[一二三四五六七八九十]是|——|[一二三四五六七八九十]、|\([一二三四五六七八九十]\))",
    examples=['一是加快', '——项目建设', '(三)招商'], counter_examples=['其中'])
GENERIC = ("全区", "全县", "全市", "我区", "该区", "开发区", "高新区", "经开区", "新区", "园区企业", "重点项目",
           "亿元以上", "亿元项目", "签约项目", "开工项目", "投产项目", "在建项目", "续建项目", "新建项目", "大项目")
LEADING_VERBS = named(
    "scope.leading_verbs", "words before a subject that are not part of its name (一是, 在, 加快推进, 全区)",
    r"""^(?:[一二三四五六七八九十]是|是|在|由|对|与|和|其中|目前|全力|加快推进|推进|做优|做大|做强
          |新区|全区|园区|开发区|高新区|经开区|区内|辖区)+""",
    examples=["一是加快推进", "全区"], counter_examples=["丰源集团"])
PROJECT_AFTER = named(
    "scope.project_after", "after an amount: 的…项目 names the project the amount is of",
    r"^的(?P<name>[\u4e00-\u9fff]{2,16}项目)",
    examples=['的新能源电池项目'], counter_examples=['的企业'])


def _clean(name: str) -> str:
    return LEADING_VERBS.sub("", name)


def sentence_subject(sentence: str, first_figure: int = 24) -> str:
    """The named entity the sentence is about, if it stands at its start (before its figures)."""
    m = ENTITY.search(sentence[:min(24, first_figure)])
    if not m:
        return ""
    name = _clean(m.group("name"))
    if len(name) < 4 or any(g in name for g in GENERIC) or name.endswith(("新区", "开发区")):
        return ""
    if "等" in sentence[m.end():m.end() + 2]:
        return ""
    return name


def may_name_entity(text: str) -> bool:
    """A cheap test before the regex: does the text hold an entity suffix at all?"""
    return bool(ENTITY_SUFFIX_CHAR.search(text))


def heading_subject(sentence: str) -> str:
    m = ITEM_HEADING.match(sentence.strip())
    return _clean(m.group("name")) if m else ""


def starts_new_item(sentence: str) -> bool:
    return bool(ITEM_START.match(sentence.lstrip()))


def project_after(after_text: str) -> str:
    m = PROJECT_AFTER.match(after_text)
    if m and not any(g in m.group("name") for g in GENERIC):
        return m.group("name")
    return ""
