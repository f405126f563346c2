"""The article's date from the manifest, the URL and a dateline (lib/attach/dates.py)."""
import pytest

from lib.attach import dates

URL_CASES = [(shape.name, url, expected[:2]) for shape in dates.URL_DATE_SHAPES
             for url, expected in shape.examples]
URL_COUNTER = [(shape.name, url) for shape in dates.URL_DATE_SHAPES for url in shape.counter_examples]


@pytest.mark.parametrize("shape,url,expected", URL_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(URL_CASES)])
def test_url_shapes(shape, url, expected):
    assert dates.date_from_url(url) == expected


@pytest.mark.parametrize("shape,url", URL_COUNTER, ids=[f"{c[0]}-{i}" for i, c in enumerate(URL_COUNTER)])
def test_url_counter_examples(shape, url):
    assert dates.date_from_url(url) is None


@pytest.mark.parametrize("url", [
    "http://2019.example.cn/news/1.html",          # a year in the host is no date
    "http://example.cn/news/2019-13-40/1.html",    # no such month
    "http://example.cn/1948/05/01/x.html",         # before the schema's first year
    "",
])
def test_urls_without_a_date(url):
    assert dates.date_from_url(url) is None


@pytest.mark.parametrize("published,url,head,expected", [
    ("2018-05-15", "http://x.cn/2020/01/02/a.html", "", (2018, 5, "manifest")),
    ("", "http://x.cn/2020/01/02/a.html", "2019-03-04 10:51", (2020, 1, "url")),
    ("", "", "标题\n发布时间：2024-11-15 02:53:56 来源：", (2024, 11, "text")),
    ("", "", "标题\n2022年8月24日 星期三", (2022, 8, "text")),
    ("2021", "", "", (2021, 0, "manifest")),
    ("", "", "全区实现产值5亿元。", (None, 0, "")),
])
def test_article_date_sources_in_order(published, url, head, expected):
    assert dates.article_date(published, url, head) == expected


def test_a_work_reports_own_year_wins_over_the_date_it_was_reposted():
    assert dates.article_date("2020-05-11", "", "(某省)2016年某县人民政府工作报告(全文)")[:2] == (2016, 1)
    assert dates.article_date("2017-01-20", "", "2017年某县人民政府工作报告")[:2] == (2017, 1)
    assert dates.article_date("2020-05-11", "", "某县召开会议")[:2] == (2020, 5)
