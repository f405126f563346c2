"""Attribution as a table: a short text, then the fields its facts must have.

Each case is written for the language, not copied from a sample article. `facts` lists, in
text order, the expected (value, unit) and any fields to check; extra facts fail the case.
"""
from __future__ import annotations

import pytest

from lib.documents import Document
from lib.extract import fact_rows

CASES = [
    # --- money forms and hedges
    ("2020年,全区完成固定资产投资6.3亿,同比增长12%。",
     [dict(value=6.3, unit="亿元", metric="fixed_asset_investment", year=2020),
      dict(value=12, unit="%", measure="growth", metric="fixed_asset_investment")]),
    ("2022年该区营业收入超千亿元。", [dict(value=1000, unit="亿元", qualifier="超", metric="operating_revenue")]),
    ("2021年园区税收收入突破5000万元。", [dict(value=0.5, unit="亿元", qualifier="超", metric="tax_revenue")]),
    ("2019年实际使用外资约2.5亿美元。", [dict(value=2.5, unit="亿美元", qualifier="约", metric="foreign_investment")]),
    ("2019年实际使用外资8600万美元。", [dict(value=0.86, unit="亿美元", metric="foreign_investment")]),
    ("2023年全区一般公共预算收入达到12.6亿元左右。", [dict(value=12.6, unit="亿元", qualifier="达", metric="budget_revenue")]),
    ("2018年引进各类人才两千余人。", [dict(value=2000, unit="人", qualifier="余", metric="talent_count")]),
    ("2018年新增市场主体十余家。", [dict(value=10, unit="家", qualifier="余", measure="change", metric="enterprise_count")]),
    ("2024年完成技改投资三千万元。", [dict(value=0.3, unit="亿元", metric="tech_renovation_investment")]),
    ("2024年,签约项目总投资3—5亿元。", [dict(value=3, unit="亿元", qualifier="至5", metric="project_investment")]),
    # --- growth, shares, changes
    ("2021年,地区生产总值同比下降3.2%。", [dict(value=-3.2, unit="%", measure="growth", metric="gdp")]),
    ("2020年,全区地区生产总值增长-3.5%。", [dict(value=-3.5, measure="growth", metric="gdp")]),
    ("2019年,一般公共预算收入增速同比回落2.3个百分点。",
     [dict(value=-2.3, unit="百分点", measure="change", metric="budget_revenue")]),
    ("2019年,规上工业增加值同比增幅为7.9%。", [dict(value=7.9, measure="growth")]),
    ("2019年,高新技术产业产值占比提高到42.2%。", [dict(value=42.2, measure="share")]),
    ("2021年,园区新增客房3,600间,生产整车27.6万辆。",
     [dict(value=3600, unit="间", metric="other"), dict(value=276000, unit="辆", metric="other")]),
    ("2019年全社会用电量1.42亿度。", [dict(value=142000000, unit="千瓦时", metric="energy_use")]),
    ("2019年前两个月,实现营业收入52.5亿元。", [dict(value=52.5, period="M1-2")]),
    ("十三五期间,全区地区生产总值年均增长7.5%。", [dict(value=7.5, measure="growth", period="multi-year")]),
    ("2020年,高新技术产业产值占规上工业总产值比重达58.3%。",
     [dict(value=58.3, measure="share", metric="high_tech_output")]),
    ("2020年,战略性新兴产业产值占比近4成。", [dict(value=40, unit="%", measure="share", qualifier="近")]),
    ("2020年,出口额占全市三分之二。", [dict(value=66.67, unit="%", measure="share", metric="foreign_trade")]),
    ("2022年,全区规上工业增加值增长9.1%,高于全省2.3个百分点。",
     [dict(value=9.1, measure="growth", metric="industrial_value_added"),
      dict(value=2.3, unit="百分点", measure="change", metric="industrial_value_added")]),
    ("2022年,全区净增高新技术企业36家。", [dict(value=36, measure="change", metric="enterprise_count")]),
    ("2022年,全区新设立企业120家。", [dict(value=120, measure="level", metric="enterprise_count")]),
    ("2023年,园区进出口总额增长近2倍。", [dict(value=200, unit="%", measure="growth", qualifier="近")]),
    ("2022年一季度,光伏组件产值增长逾六成。", [dict(value=60, unit="%", measure="growth", qualifier="超")]),
    ("2024年,新增规上商贸企业64家,夜间经济活跃,文旅融合,全年接待游客320万人次。",
     [dict(value=64, measure="change"), dict(value=3200000, measure="level")]),
    # --- counts, physical quantities
    ("2023年全区授权发明专利85件,新引进博士12人。",
     [dict(value=85, unit="件", metric="patent_count"), dict(value=12, unit="人", metric="talent_count")]),
    ("2023年新开工项目26个,竣工18个项目。",
     [dict(value=26, unit="个", metric="project_count"), dict(value=18, unit="个", metric="project_count")]),
    ("2023年盘活闲置土地1200亩,建成标准厂房35万平方米。",
     [dict(value=1200, unit="亩", metric="land_area"), dict(value=350000, unit="平方米", metric="floor_area")]),
    ("2023年港口货物吞吐量突破1.2亿吨。", [dict(value=120000000, unit="吨", metric="freight", qualifier="超")]),
    ("2023年全社会用电量8.6亿千瓦时。", [dict(value=860000000, unit="千瓦时", metric="energy_use")]),
    ("2023年新建道路5条、18.5公里。",
     [dict(value=5, unit="条", metric="infrastructure"), dict(value=18.5, unit="公里", metric="infrastructure")]),
    # --- enumerations
    ("2021年,肉类和蔬菜产量分别达到1.2万吨、2万吨和3万吨。",
     [dict(value=12000, unit="吨"), dict(value=20000, unit="吨"), dict(value=30000, unit="吨")]),
    ("2021年,全区地区生产总值、税收收入、进出口总额分别增长8.1%、11.2%、20.5%。",
     [dict(value=8.1, metric="gdp"), dict(value=11.2, metric="tax_revenue"), dict(value=20.5, metric="foreign_trade")]),
    ("2016年至2018年,分别完成地区生产总值120.3亿元、131.6亿元、145亿元。",
     [dict(value=120.3, year=2016, metric="gdp"), dict(value=131.6, year=2017), dict(value=145, year=2018)]),
    ("2022年,梅江区各园区投资较快,梅县区、平远县、蕉岭县投资分别增长10.3%、7.6%、12.1%。",
     [dict(value=10.3, zone="梅县区", metric="fixed_asset_investment"), dict(value=7.6, zone="平远县"),
      dict(value=12.1, zone="蕉岭县")]),
    ("2024年上半年,全区生产总值、社会消费品零售总额、固定资产投资总额分别增长5.2%、4.8%、9.6%。",
     [dict(value=5.2, metric="gdp"), dict(value=4.8, metric="retail_sales"), dict(value=9.6, metric="fixed_asset_investment")]),
    ("2022年1-9月,三类产品产量分别下降8.2%、15.6%和21.4%,纺织业下拉产值增速0.7个百分点。",
     [dict(value=-8.2), dict(value=-15.6), dict(value=-21.4), dict(value=-0.7, unit="百分点")]),
    # --- periods and years
    ("2019年1-8月份,全区规模以上工业总产值58亿元。", [dict(value=58, period="M1-8", year=2019)]),
    ("2019年1至9月,完成固定资产投资30亿元。", [dict(value=30, period="M1-9", year=2019)]),
    ("2019年前三季度,实现地区生产总值300亿元。", [dict(value=300, period="Q1-3", year=2019)]),
    ("2019年一季度,实现营业收入50亿元。", [dict(value=50, period="Q1", year=2019)]),
    ("2021年以来,累计签约项目45个。", [dict(value=45, period="since-2021")]),
    ("2019年,实现地区生产总值236亿元,是2014年的1.6倍;一般公共预算收入14.2亿元。",
     [dict(value=236, year=2019), dict(value=14.2, year=2019)]),
    ("自2013年首届侨商大会以来,该县累计对接项目48个,计划总投资612亿元。",
     [dict(value=48, period="since-2013"), dict(value=612, period="since-2013")]),
    ("预计地区生产总值从2013年的98亿元增长到2018年的171亿元,年均增长11.8%;财政收入从7亿元增长到13亿元。",
     [dict(value=98, year=2013, status="actual"), dict(value=171, year=2018, status="target"),
      dict(value=11.8, period="since-2013"), dict(value=7, status="actual"), dict(value=13, status="target")]),
    ("2016年,全区新洽谈项目154个,其中已开工项目23个,是去年全年的3倍多;签署协议项目42个。",
     [dict(value=154, year=2016), dict(value=23, year=2016), dict(value=42, year=2016)]),
    # --- status
    ("力争到2025年,地区生产总值突破500亿元。",
     [dict(value=500, status="target", year=2025, qualifier="超")]),
    ("2023年,全区预计完成固定资产投资80亿元。", [dict(value=80, status="target")]),
    ("全年预计实现地区生产总值120亿元,增长6%;固定资产投资增长12%。",
     [dict(value=120, status="target"), dict(value=6, status="target"), dict(value=12, status="target")]),
    ("2023年实现营业收入50亿元,预计全年增长6%;固定资产投资增长12%。",
     [dict(value=50, status="actual"), dict(value=6, status="target"), dict(value=12, status="actual")]),
    ("2023年,全区引进千人计划专家3人。", [dict(value=3, status="actual", metric="talent_count")]),
    ("2022年,全区采矿业投资增长15.2%。",
     [dict(value=15.2, measure="growth", metric="fixed_asset_investment")]),
    ("2021年,累计开工项目120个,其中,道路项目30个;产业项目20个。",
     [dict(value=120, period="multi-year"), dict(value=30, period="multi-year"), dict(value=20, period="multi-year")]),
    ("2022年,近年来全区累计引进项目120个,企业总数达到460家。",
     [dict(value=120, period="multi-year"), dict(value=460, period="year")]),
    ("2022年,梅江区招商引资推介会在平远县会展中心举行,梅江区签约项目12个。", [dict(value=12, zone="梅江区")]),
    ("2018年,累计实施项目736个,完成投资905亿元。其中,完成工业投资402亿元。",
     [dict(value=736, period="multi-year"), dict(value=905, period="multi-year"), dict(value=402, period="multi-year")]),
    ("2024年3月,该县今年已累计签约项目15个。", [dict(value=15, period="year", year=2024)]),
    ("2023年,该项目建成投产后年产值可达8亿元。", [dict(value=8, status="target")]),
    # --- zones
    ("武汉东湖国家自主创新示范区2023年实现营业收入900亿元。", [dict(value=900, zone="武汉东湖自主创新示范区")]),
    ("2023年,苏州工业园区某某医药有限公司与梅江区签约项目1个。", [dict(value=1, zone="梅江区")]),
    ("2021年1-7月,洞庭湖新区规模以上工业总产值完成600亿元。", [dict(value=600, zone="洞庭湖新区", period="M1-7")]),
    ("梅江区招商推介会举行。2023年,梅江区与平远县签订友好合作协议。当日共签约项目12个,总投资80亿元。",
     [dict(value=12, zone="梅江区"), dict(value=80, zone="梅江区")]),
    ("2020年上半年,天府新区GDP完成318亿元,增速领跑西南国家级新区。", [dict(value=318, zone="天府新区")]),
    ("2024年,平南县税收收入增长9.3%,排贵港市县域第一。", [dict(value=9.3, zone="平南县")]),
    ("2016年上半年,皖北经济开发区完成工业总产值84亿元。", [dict(value=84, zone="皖北经开区")]),
    ("县人民政府代理县长 某某\n2018年,全县实现地区生产总值97亿元。", [dict(value=97, zone="")]),
    ("2019年,于都县实现地区生产总值203亿元。", [dict(value=203, zone="于都县")]),
    ("2018年,梁园区实现社会消费品零售总额210亿元。", [dict(value=210, zone="梁园区")]),
    ("2016年,赣南经济开发区加快新城区建设,投资3.6亿元。", [dict(value=3.6, zone="赣南经开区")]),
    ("2015年,西安市新城区实现生产总值500亿元。", [dict(value=500, zone="西安新城区")]),
    ("东兴试验区建设加快。2016年全市实现生产总值98亿元。", [dict(value=98, zone="东兴市")]),
    ("2019年,高新技术产值86亿元,建筑业总产值增长7.9%。",
     [dict(value=86, metric="high_tech_output"), dict(value=7.9, metric="other")]),
    ("柳州经济技术开发区由3个功能区组成,分别是:甲工业区、乙工业区、梅江区。\n2016年,全年完成工业总产值268亿元。",
     [dict(value=268, zone="柳州经开区")]),
    ("甘肃临洮开发区发展迅速。临洮开发区2018年入驻企业236家。", [dict(value=236, zone="临洮开发区")]),
    ("2022年,梅江区签约项目12个;梅州综合保税区签约项目4个,总投资18.4亿元。",
     [dict(value=12, zone="梅江区"), dict(value=4, zone="梅州综合保税区"), dict(value=18.4, zone="梅州综合保税区")]),
    ("2015年,园区地区生产总值增长14.6%,达到35.2亿元。", [dict(value=14.6, metric="gdp"), dict(value=35.2, metric="gdp")]),
    ("截9月底,全县重点项目累计完成投资98亿元。", [dict(value=98, period="M1-9")]),
    ("1-6月,地方一般预算收入增长6.4%,比赶超目标亏3.5个百分点。",
     [dict(value=6.4), dict(value=-3.5, unit="百分点", measure="change")]),
    ("2019年5月,宁化县在工贸新城举行项目集中签约,总投资6.2亿元。", [dict(value=6.2, zone="宁化县")]),
    ("平远县县长介绍了平远县的发展。2021年,平远县地区生产总值实现183亿元。平远经开区成功获批省级园区。粮食产量21万吨。",
     [dict(value=183, zone="平远县"), dict(value=210000, zone="平远县")]),
    ("2015年两江新区GDP达1860亿元。", [dict(value=1860, zone="重庆两江新区")]),
    ("江苏梅江开发区发展较快。2022年,梅江开发区实现产值500亿元。", [dict(value=500, zone="梅江开发区")]),
    ("烟台开发区2019年实现生产总值1000亿元。", [dict(value=1000, zone="烟台开发区")]),
    # --- not facts
    ("2023年,全区召开会议12次,走访5个城市,出台20条政策。", []),
    ("2019年上半年,增幅位居全市13个区县第五,24项主要经济指标中7项增速全市第一。", []),
    ("新闻\n2019\n6/12\n09:40\n本届大会邀请嘉宾180余人,420名海内外客商嘉宾共谋发展,20多家企业代表应邀参加。", []),
    ("该区在全省排名第3位,连续10年位居前列,建区30周年。", []),
    ("2023年,全区500万元以上项目增加到12个。", [dict(value=12, unit="个", metric="project_count")]),
    ("2023年,全区常住人口12.5万。", []),
]


@pytest.mark.parametrize("text,expected", [pytest.param(t, e, id=t[:30]) for t, e in CASES])
def test_attribution(text, expected):
    facts = fact_rows(Document(doc_id="t", text=text))
    got = [(f["value"], f["unit"], f["metric"], f["measure"], f["year"], f["period"], f["status"], f["qualifier"])
           for f in facts]
    assert len(facts) == len(expected), f"{text}\n got {got}"
    for fact, want in zip(facts, expected):
        for key, value in want.items():
            if key == "value":
                assert abs(fact["value"] - value) <= 1e-6 * max(1.0, abs(value)), f"{text}\n got {got}"
            else:
                assert fact[key] == value, f"{text}: {key} {fact[key]!r} != {value!r}\n got {got}"


def test_a_lead_that_restates_the_headline_with_a_period_dates_the_article():
    text = ("记者从区统计局获悉,1—8月长沙经开区工业经济稳中向好。一是总量增长,规上工业总产值300亿元,增长9%。"
            "二是投资加快,完成工业投资40亿元。")
    doc = Document(doc_id="t", text=text, title="长沙经开区工业经济稳中向好", published="2023-09-20")
    assert {f["period"] for f in fact_rows(doc)} == {"M1-8"}
    plain = Document(doc_id="u", text=text.replace("1—8月", ""), title="长沙经开区工业经济稳中向好",
                     published="2023-09-20")
    assert {f["period"] for f in fact_rows(plain)} == {"year"}


def test_an_estimate_in_the_review_of_last_year_is_for_that_year():
    text = ("2024年某县政府工作报告\n一、2023年工作回顾\n2023年是攻坚之年,各项工作稳步推进,较好完成了年初确定的目标任务。"
            "预计全年实现地区生产总值150亿元、增长6%。")
    facts = fact_rows(Document(doc_id="t", text=text, title="2024年某县政府工作报告"))
    assert [(f["value"], f["year"], f["status"]) for f in facts] == [(150.0, 2023, "target"), (6.0, 2023, "target")]


def test_past_n_years_respectively_gives_one_value_a_year():
    text = "过去五年,全区地区生产总值分别增长7.1%、6.5%、5.2%、3.0%、6.0%。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2023-01-10"))
    assert [f["year"] for f in facts][-1] - [f["year"] for f in facts][0] == 4
    assert [(f["value"], f["year"]) for f in facts] == [(7.1, 2018), (6.5, 2019), (5.2, 2020), (3.0, 2021), (6.0, 2022)]


def test_up_to_a_month_is_january_to_that_month():
    facts = fact_rows(Document(doc_id="t", text="截至10月底,全区完成固定资产投资88亿元,同比增长12%。",
                               published="2023-11-05"))
    assert [(f["value"], f["period"], f["year"]) for f in facts] == [(88.0, "M1-10", 2023), (12.0, "M1-10", 2023)]
    assert [f["period"] for f in fact_rows(Document(doc_id="u", text="截至目前,全区完成投资88亿元。",
                                                     published="2023-11-05"))] == ["year"]


def test_a_total_investment_of_projects_is_a_fact_a_size_class_is_not():
    facts = fact_rows(Document(doc_id="t", text="2023年,全区实施总投资近800亿元的重点项目57个。"))
    assert [(f["value"], f["metric"], f["qualifier"]) for f in facts] == [
        (800.0, "project_investment", "近"), (57.0, "project_count", "")]
    classes = fact_rows(Document(doc_id="u", text="2023年,全区引进10亿元以上项目5个。"))
    assert [f["value"] for f in classes] == [5.0]


@pytest.mark.parametrize("text", ["经济总量迈上三千亿台阶。", "企业代表共150余人参加。", "在全国60家综合保税区中排名第8。",
                                  "全区96项审批事项实现一网通办。"])
def test_no_fact_in_a_step_an_audience_a_ranking_field_or_service_items(text):
    assert [(f["value"], f["unit"]) for f in fact_rows(Document(doc_id="t", text=text))
            if f["unit"] != "亿元"] == []


def test_figures_named_as_a_goal_are_targets():
    facts = fact_rows(Document(doc_id="t", text="年初确定了全年新增规上企业30家、科技孵化器5家的目标。"))
    assert [(f["value"], f["status"]) for f in facts] == [(30.0, "target"), (5.0, "target")]
    done = fact_rows(Document(doc_id="u", text="全区完成投资50亿元,实现了年度目标。"))
    assert [(f["value"], f["status"]) for f in done] == [(50.0, "actual")]


def test_a_january_event_is_this_years_a_january_review_last_years():
    event = fact_rows(Document(doc_id="t", text="近日,园区举行重大项目集中开工活动,此次开工项目共9个,总投资31亿元。",
                               published="2024-01-20"))
    assert {f["year"] for f in event} == {2024}
    review = fact_rows(Document(doc_id="u", text="回顾过去一年,园区开工项目共9个,总投资31亿元。",
                                published="2024-01-20"))
    assert {f["year"] for f in review} == {2023}


def test_periods_listed_before_respectively_give_one_value_a_period():
    text = "2021年,全区规上工业增加值一季度、上半年、前三季度和全年增速分别为12.4%、10.1%、9.3%和7.9%。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2022-03-01"))
    assert [(f["value"], f["period"]) for f in facts] == [(12.4, "Q1"), (10.1, "H1"), (9.3, "Q1-3"), (7.9, "year")]


def test_a_figure_named_with_its_own_year_is_that_whole_year():
    text = "上半年,全区经济运行平稳。规上工业总产值从2020年的412亿元增长到2024年的1305亿元。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2025-08-01"))
    assert [(f["value"], f["year"], f["period"]) for f in facts] == [(412.0, 2020, "year"), (1305.0, 2024, "year")]


def test_last_year_is_the_year_before_the_one_reported_on():
    text = "2021年,全区实现生产总值500亿元。三次产业结构由上年的4.1∶42.6∶53.3调整为3.6∶41.9∶54.5。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2022-07-18"))
    assert [f["year"] for f in facts if f["rule"] == "structure"] == [2020, 2020, 2020, 2021, 2021, 2021]


def test_since_the_articles_own_year_is_its_reports_period():
    text = "2021年以来,全区实施重大项目88个。截至10月底,已完成投资142亿元。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2021-11-10"))
    assert [(f["value"], f["year"], f["period"]) for f in facts] == [(88, 2021, "M1-10"), (142, 2021, "M1-10")]
    undated = fact_rows(Document(doc_id="t", text="2021年以来,累计签约项目45个。"))
    assert [f["period"] for f in undated] == ["since-2021"]


def test_a_heading_that_reports_goals_met_is_no_plan():
    text = "各项指标达到预期目标\n前6月,全区实现地区生产总值76亿元。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2021-08-12"))
    assert [(f["value"], f["status"]) for f in facts] == [(76, "actual")]


def test_a_citys_report_is_about_the_city_and_its_clauses_on_the_city_are_its():
    text = ("1至7月全市园区实现增加值212亿元\n据统计,梅州市工业园区经济运行良好。1-7月,全市工业园区实现工业增加值212亿元,"
            "同比增长6.3%。梅州市新签约项目19个。")
    facts = fact_rows(Document(doc_id="t", text=text, published="2016-08-20"))
    assert {f["zone"] for f in facts} == {"梅州市"}
    in_a_zone = ("2023年,梅江区实现地区生产总值200亿元,增速高于全省3.1个百分点、全市1.7个百分点,总量全市第一。"
                 "全市实现地区生产总值900亿元。")
    zones_of = [(f["value"], f["zone"]) for f in fact_rows(Document(doc_id="t", text=in_a_zone))]
    assert zones_of[:3] == [(200, "梅江区"), (3.1, "梅江区"), (1.7, "梅江区")]


def test_a_work_reports_title_line_dates_no_section():
    text = "2017年某某区政府工作报告\n各位代表:2016年工作回顾。全区实现生产总值642亿元。(一)经济运行稳中有进。完成固定资产投资415亿元。"
    facts = fact_rows(Document(doc_id="t", text=text))
    assert [(f["value"], f["year"]) for f in facts] == [(642, 2016), (415, 2016)]


def test_after_a_list_of_zones_the_subject_is_the_articles_zone_again():
    text = ("2016年1-7月,梅州市工业园区实现主营业务收入1180亿元。其中梅县经济开发区402亿元、平远经济开发区286亿元、"
            "蕉岭经济开发区97亿元。全市工业园区基础设施投入24亿元。完成工业投资311亿元。")
    facts = fact_rows(Document(doc_id="t", text=text, published="2016-08-20"))
    assert [f["zone"] for f in facts][-2:] == ["梅州市", "梅州市"]


def test_a_work_report_delivered_late_in_the_year_reviews_that_year():
    text = "政府工作报告\n——2016年12月20日在某县人民代表大会上\n过去五年。累计实施项目736个,完成投资905亿元。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2016-12-20"))
    assert {f["year"] for f in facts} == {2016}
    early = fact_rows(Document(doc_id="t", text=text.replace("12月20日", "2月20日"), published="2016-02-20"))
    assert {f["year"] for f in early} == {2015}


def test_this_year_to_date_in_a_part_year_report_is_that_reports_period():
    text = "今年1月至8月,全区实现地区生产总值112亿元。今年截至目前,该区签约项目27个。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2015-09-20"))
    assert [(f["value"], f["period"]) for f in facts] == [(112, "M1-8"), (27, "M1-8")]


def test_a_lead_that_publishes_a_part_year_report_gives_its_period():
    text = "10月20日,某某高新区公布前三季度经济数据:GDP总量达1460亿元。\n工业运行平稳,规上工业增加值达512亿元,同比增长8.6%。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2024-10-21"))
    assert {f["period"] for f in facts} == {"Q1-3"}


def test_a_district_named_only_by_its_short_name_is_the_articles_zone():
    text = "您的位置:江宁新闻网 > 正文\n今年1—5月,全区实现规上工业增加值380亿元,同比增长7%。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2020-06-18"))
    assert {f["zone"] for f in facts} == {"江宁区"}


def test_a_monthly_release_reports_january_to_that_month():
    text = "某某区2022年8月份经济运行情况\n主要行业产值稳中有升。电子信息产业产值增长12.3%。"
    facts = fact_rows(Document(doc_id="t", text=text, published="2022-09-15"))
    assert [(f["value"], f["period"]) for f in facts] == [(12.3, "M1-8")]


def test_a_zone_the_text_also_names_without_its_province_is_the_short_name():
    from lib.attach.article_zone import written_without_province
    assert written_without_province("贵州某岭经开区", "贵州某岭经济开发区开工…某岭开发区引进") == "某岭经开区"
    assert written_without_province("安徽某湖经开区", "安徽某湖经开区开工…经开区引进") == "安徽某湖经开区"
    assert written_without_province("天津滨海新区", "天津滨海新区…滨海新区") == "天津滨海新区"   # a municipality
    assert written_without_province("湖南湘江新区", "湖南湘江新区…湘江新区") == "湖南湘江新区"   # official name


def test_a_zone_named_after_其中_is_a_part_and_the_next_sentence_is_the_articles():
    text = ("蒙城县2021年政府工作报告完成情况\n"
            "全年完成规上工业总产值120亿元,其中蒙城经开区完成规上工业产值90亿元。"
            "实现工业税收6.5亿元。")
    doc = Document(doc_id="t", text=text, title="蒙城县2021年政府工作报告完成情况", published="2022-03-20")
    by_value = {r["value"]: r for r in fact_rows(doc)}
    assert by_value[90.0]["zone"] == "蒙城经开区"
    assert by_value[6.5]["zone"] == "蒙城县"
    assert {r["year"] for r in by_value.values()} == {2021}   # the report on 2021's report, written in 2022


def test_去年以来_in_a_january_article_is_last_year():
    text = "1月18日,蒙城县召开大会。去年以来,蒙城经开区完成工业增加值75亿元,增长12%。"
    rows = fact_rows(Document(doc_id="t", text=text, published="2022-01-18"))
    assert {(r["year"], r["period"]) for r in rows} == {(2021, "year")}
    later = fact_rows(Document(doc_id="u", text=text, published="2022-06-18"))
    assert {r["period"] for r in later} == {"since-2021"}   # in June: a running total since last year
