"""Whole short documents in the shapes NOTES.md describes (written for these tests)."""
from __future__ import annotations

from lib.documents import Document
from lib.extract import fact_rows

WORK_REPORT = """关于2023年国民经济和社会发展计划执行情况的报告
2023年,全区实现地区生产总值312.5亿元,增长6.2%;一般公共预算收入21.3亿元,其中税收收入16.8亿元,占比78.9%。
二、2024年主要预期目标
地区生产总值增长6.5%左右;固定资产投资增长10%。
"""

RELEASE = """昆山开发区1—5月主要经济指标
1—5月,开发区实际使用外资4523万美元,同比增长15.3%;外贸进出口总额达86.4亿元,下降3.2%。
"""

INTERVIEW = """记者:2021年园区有什么打算?
主任:今年,我们将新引进项目50个以上,力争全年固定资产投资突破100亿元。去年,全区完成固定资产投资86亿元,签约项目62个。
"""


def facts(text, **meta):
    return fact_rows(Document(doc_id="t", text=text, **meta))


def test_work_report_plan_section_is_targets_for_the_plan_year():
    rows = facts(WORK_REPORT)
    actual = [(r["metric"], r["value"]) for r in rows if r["status"] == "actual"]
    target = [(r["metric"], r["value"], r["year"]) for r in rows if r["status"] == "target"]
    assert ("gdp", 312.5) in actual and ("tax_revenue", 16.8) in actual
    assert target == [("gdp", 6.5, 2024), ("fixed_asset_investment", 10.0, 2024)]
    assert all(r["year"] == 2023 for r in rows if r["status"] == "actual")


def test_statistics_release_period_and_usd():
    rows = facts(RELEASE)
    assert {r["zone"] for r in rows} == {"昆山开发区"}
    assert {r["period"] for r in rows} == {"M1-5"}
    fi = [r for r in rows if r["metric"] == "foreign_investment" and r["measure"] == "level"]
    assert fi and fi[0]["unit"] == "亿美元" and abs(fi[0]["value"] - 0.4523) < 1e-9
    trade_growth = [r["value"] for r in rows if r["metric"] == "foreign_trade" and r["measure"] == "growth"]
    assert trade_growth == [-3.2]


def test_interview_targets_and_last_year():
    rows = facts(INTERVIEW, published="2021-03-02")
    by_value = {r["value"]: r for r in rows}
    assert by_value[50]["status"] == "target" and by_value[50]["year"] == 2021
    assert by_value[100]["status"] == "target" and by_value[100]["qualifier"] == "超"
    assert by_value[86]["status"] == "actual" and by_value[86]["year"] == 2020
    assert by_value[62]["year"] == 2020 and by_value[62]["metric"] == "project_count"


def test_sentence_naming_another_zone_takes_that_zone():
    text = ("2022年,芜湖高新区实现营业收入500亿元。\n"
            "同期,邻近的合肥经开区实现营业收入300亿元。\n"
            "全区新增企业20家。")
    rows = facts(text, zone="芜湖高新区")
    zones = [(r["value"], r["zone"]) for r in rows]
    assert zones == [(500, "芜湖高新区"), (300, "合肥经开区"), (20, "芜湖高新区")]


def test_flattened_table_rows():
    text = ("2022年1-10月主要经济指标\n"
            "指标 | 单位 | 1-10月 | 同比±%\n"
            "规上工业总产值 | 亿元 | 1268.45 | 12.6\n"
            "固定资产投资 | 亿元 | — | -4.3\n"
            "实际使用外资 | 万美元 | 28637 | 45.2\n")
    rows = [(r["metric"], r["measure"], r["value"], r["unit"]) for r in facts(text)]
    assert rows == [("industrial_output", "level", 1268.45, "亿元"), ("industrial_output", "growth", 12.6, "%"),
                    ("fixed_asset_investment", "growth", -4.3, "%"),
                    ("foreign_investment", "level", 2.8637, "亿美元"), ("foreign_investment", "growth", 45.2, "%")]


def test_zones_listed_before_respectively():
    text = "2022年前三季度,芜湖经开区、合肥高新区、马鞍山经开区税收收入分别增长6.2%、8.9%、4.1%。"
    rows = facts(text, zone="芜湖经开区")
    assert [(r["zone"], r["metric"], r["value"]) for r in rows] == [
        ("芜湖经开区", "tax_revenue", 6.2), ("合肥高新区", "tax_revenue", 8.9), ("马鞍山经开区", "tax_revenue", 4.1)]


def test_question_year_holds_for_the_answer():
    text = "问:2020年,园区交出了一份怎样的答卷?\n答:全区实现地区生产总值312亿元,增长5%。\n问:今年有什么打算?\n答:力争增长8%。"
    rows = facts(text, zone="芜湖高新区", published="2021-03-09")
    assert [(r["value"], r["year"], r["status"]) for r in rows] == [
        (312, 2020, "actual"), (5, 2020, "actual"), (8, 2021, "target")]


def test_a_year_named_again_ends_a_carried_period():
    """上半年… then 2022年,…: the later sentence names its own year, a whole year."""
    rows = facts("2023年上半年,全区实现地区生产总值50亿元。2022年,全区实现地区生产总值90亿元。"
                 "工业增加值增长5%。", zone="芜湖经开区")
    assert [(r["year"], r["period"], r["value"]) for r in rows] == [
        (2023, "H1", 50.0), (2022, "year", 90.0), (2022, "year", 5.0)]


def test_a_january_report_without_years_reports_the_year_before():
    """Published in January: figures with no year are last year's; 预计 there is an estimate of
    the year just ended (actual), a plan (力争) is for this year."""
    rows = facts("过去一年,全区预计实现营业收入超过950亿元,增长7.5%左右;工业投资132亿元。"
                 "今年力争营业收入增长9%。", zone="芜湖经开区", published="2021-02-03")
    got = [(r["value"], r["year"], r["status"]) for r in rows]
    assert got == [(950.0, 2020, "actual"), (7.5, 2020, "actual"), (132.0, 2020, "actual"),
                   (9.0, 2021, "target")]


def test_a_work_report_reviews_the_year_before_its_date():
    text = ("长兴县2020年政府工作报告\n——2020年3月18日在县人大会议上\n过去的五年,全县生产总值年均增长7.9%;"
            "一般公共预算收入突破60亿元。\n今年力争生产总值增长6.5%。")
    rows = facts(text, zone="长兴县")
    got = [(r["value"], r["year"], r["status"]) for r in rows]
    assert got == [(7.9, 2019, "actual"), (60.0, 2019, "actual"), (6.5, 2020, "target")]


def test_since_a_dated_event_is_a_running_total_and_its_breakdown_too():
    rows = facts("贵安新区自2014年1月6日获批以来,地区生产总值保持12.1%的年均增长速度。"
                 "累计实施重大项目318个,其中百亿级项目9个。", zone="贵安新区", published="2024-01-10")
    periods = {r["value"]: r["period"] for r in rows}
    assert periods[12.1] == "since-2014"
    assert periods[318.0] in ("multi-year", "since-2014") and periods[9.0] == periods[318.0]


def test_cumulative_completion_in_a_part_year_release_is_year_to_date():
    rows = facts("1至8月,规模以上固定资产投资累计完成投资56.3亿元,规模以上工业总产值累计完成211.7亿元。",
                 zone="合肥经开区", published="2020-09-20")
    assert {r["period"] for r in rows} == {"M1-8"}
