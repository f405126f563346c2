"""The evidence columns: where each figure's zone and year came from."""
from __future__ import annotations

import lib

TEXT = ("合肥高新区前三季度经济运行平稳\n"
        "2023年前三季度,全区实现营业收入1200亿元。\n"
        "园区企业持续发力,新增企业300家。\n"
        "今年以来,蜀山区新签约项目12个。固定资产投资增长5%。")


def _facts(**meta):
    return lib.extract_text(TEXT, doc_id="e", **meta)


def test_zone_evidence():
    f = _facts(published="2023-10-20")
    by_value = dict(zip(f["value"], f["zone_source"]))
    assert by_value[1200.0] == "headline"      # 全区: the article's zone, named in the headline
    assert by_value[12.0] == "sentence"        # 蜀山区 named right there
    assert by_value[5.0] == "paragraph"        # no zone named: carried from the sentence before


def test_zone_evidence_from_a_manifest():
    f = _facts(zone="合肥高新区", published="2023-10-20")
    assert f.loc[f["value"] == 1200.0, "zone_source"].item() == "manifest"


def test_year_evidence():
    f = _facts(published="2023-10-20")
    by_value = dict(zip(f["value"], f["year_source"]))
    assert by_value[1200.0] == "sentence"      # 2023年 in the sentence
    assert by_value[12.0] == "sentence"        # 今年以来 in the sentence


def test_year_evidence_from_the_url_or_inferred():
    f = lib.extract_text("全区实现营业收入1200亿元。", doc_id="u", url="http://x.gov.cn/art/2022/3/5/art_1.html")
    assert f["year"].tolist() == [2022] and f["year_source"].tolist() == ["url"]
    f = lib.extract_text("全区实现营业收入1200亿元。", doc_id="n")
    assert f["year"].isna().all() and f["year_source"].tolist() == [""]
