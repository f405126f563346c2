"""Normalisation keeps offsets into the text as written; junk yields no facts."""
from __future__ import annotations

import pytest

from lib import extract_facts
from lib.documents import Document
from lib.normalize import normalize
from lib.figures.numbers import parse_chinese_integer, parse_fraction, parse_number


@pytest.mark.parametrize("raw,expected", [
    ("工業(yè)增加值", "工业增加值"),
    ("南寧經濟技術開發區", "南宁经济技术开发区"),
    ("增長８．６％", "增长8.6%"),
    ("實現（GDP）１２億元", "实现(GDP)12亿元"),
])
def test_normalised_text(raw, expected):
    assert normalize(raw).text == expected


def test_plain_pinyin_glosses_go_only_on_a_glossed_page():
    glossed = "開(kai)發(fa)(fa)區(qu)實(shi)現(xian)產值12億(yi)(yi)元,園區(qu)有(you)企業(ye)8戶。"
    assert normalize(glossed).text == "开发区实现产值12亿元,园区有企业8户。"
    once = "园区(one)实现产值12亿元,通过(iso)认证。"
    assert normalize(once).text == once   # two bracketed words are no glossed page


def test_offsets_point_into_the_original_text():
    raw = "園區(qū)工業(yè)總產(chǎn)值達到１２３．４億元,同比增長(zhǎng)８％。"
    df = extract_facts(Document(doc_id="d", text=raw, zone="芜湖高新区", published="2020-06-01"))
    assert list(df["value"]) == [123.4, 8.0]
    assert [raw[s:e] for s, e in zip(df["start"], df["end"])] == ["１２３．４億元", "８％"]
    assert df["metric"].tolist() == ["industrial_output", "industrial_output"]
    assert df["sentence"].iloc[0] == raw


@pytest.mark.parametrize("junk", [
    "新闻推荐\n某市开发区完成投资50亿元,增长12%。",
    "相关新闻\n全区引进项目30个。",
    "编辑:张三 项目30个\n",
])
def test_junk_blocks_give_no_facts(junk):
    text = "2020年,芜湖高新区完成地区生产总值100亿元。\n" + junk
    df = extract_facts(Document(doc_id="d", text=text))
    assert df["value"].tolist() == [100.0]


@pytest.mark.parametrize("text,value", [
    ("三千", 3000), ("十二", 12), ("一百零五", 105), ("两千", 2000), ("百", 100), ("二十五", 25),
    ("五百", 500), ("二〇二一", 2021), ("1,234.5", 1234.5), ("3.5", 3.5),
])
def test_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value", [("三分之二", 66.67), ("1/3", 33.33), ("六成", 60), ("4成", 40), ("一半", 50)])
def test_fractions(text, value):
    assert parse_fraction(text) == value


def test_bad_numeral_raises():
    with pytest.raises(ValueError):
        parse_chinese_integer("亿")


def test_a_hard_wrapped_page_reads_its_sentences_whole():
    lines = ["预计全年,地区生产总值增长6%;规上工业增加值增", "长6%,总产值增长4.5%;固定资产投资保持正增长;社会", "消费品零售总额增长8%;一般公共预算收入增长16%;城", "镇居民人均可支配收入增长6%。主要经济指标增幅位居", "城区前列。全年规上工业总产值达690亿元,总投资86亿", "元的辽宁三木等12个重大产业项目开工建设。"]
    raw = "\n".join(lines)
    norm = normalize(raw)
    assert "\n" not in norm.text and "规上工业增加值增长6%" in norm.text
    at = norm.text.index("总产值增长4.5%")
    assert raw[norm.to_original(at):norm.to_original(at) + 5] == "总产值增长"
    facts = extract_facts(Document(doc_id="d", text=raw, published="2025-01-10"))
    assert set(facts[facts["value"] == 4.5]["status"]) == {"target"}   # 预计 reaches across the wrap
    prose = "园区实现产值12亿元。\n同比增长8%。\n新增企业20家。\n引进项目5个。\n完成投资3亿元。\n税收1亿元。"
    assert normalize(prose).text == prose   # lines that end their sentences are no wraps
