"""The worked examples of docs/contributing.md: each recipe's example does what the page says."""
from __future__ import annotations

from pathlib import Path

import lib
from lib.figures import rules
from lib.attach import zones
from lib.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]


def test_metric_alias_example():
    facts = lib.extract_text("2022年前三季度,完成高新技术产业投资41.6亿元。", doc_id="c", zone="合肥高新区")
    assert facts["metric"].tolist() == ["fixed_asset_investment"]


def test_figure_rule_example_is_a_rule_with_cases():
    rule = rules.RULES_BY_ID["tenths"]
    assert rule.examples and rule.counter_examples


def test_zone_suffix_example():
    found = lambda text: [m.name for m in zones.find_zone_mentions(normalize(text).text)]  # noqa: E731
    assert found("浙江舟山群岛示范区经济运行平稳") == ["浙江舟山群岛示范区"]
    assert found("建设国家自主创新示范区") == []
    assert "示范区" in zones.ZONE_SUFFIXES and zones.is_development_zone("杨凌示范区")
    from lib.reference import gazetteer
    assert "示范区" in {r.suffix for r in gazetteer.zone_suffix_rows()}   # one row of the table


def test_unit_example():
    facts = lib.extract_text("2021年全区盘活土地200公顷。", doc_id="u")
    assert (facts["value"].tolist(), facts["unit"].tolist()) == ([2.0], ["平方公里"])
    assert "公顷" in rules.RULES_BY_ID["physical"].pattern.split("|")   # the rule's units come from the table
    assert lib.extract_text("2021年全区新增200公顷。", doc_id="v")["metric"].tolist() == ["land_area"]


def test_page_example_is_declared_and_tested():
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert 'st.Page("pages/conflicts.py"' in app
    for test in ("test_app.py", "test_browser.py"):
        assert '"conflicts"' in (ROOT / "tests" / test).read_text(encoding="utf-8")
    for page in (ROOT / "pages").glob("*.py"):
        assert f'"pages/{page.name}"' in app, f"{page.name} is not declared in app.py"


def test_cue_pattern_example_is_a_named_pattern_with_cases():
    import lib.attach.status  # noqa: F401  (registers its patterns)
    from lib.patterns import REGISTRY
    marker = REGISTRY["status.target_marker"]
    assert "入选千人计划专家5人" in marker.counter_examples and marker.examples
