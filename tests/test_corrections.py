"""Corrections: the analyst's last word, as data laid over the extraction."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import lib
from dashboard import data, review, state
from lib.evaluation import corrections

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("芜湖经开区2023年经济运行情况\n全区实现地区生产总值120亿元,同比增长8.5%。"
        "合肥高新区实现营业收入50亿元。")


def _facts():
    return data.normalise(lib.extract_text(TEXT, doc_id="a", published="2024-01-20"))


def test_reject_correct_and_article_zone():
    facts = _facts()
    gdp = facts[facts["value"] == 120.0].iloc[0]
    growth = facts[facts["value"] == 8.5].iloc[0]
    corr = corrections.upsert(corrections.empty(), [
        corrections.figure_row(growth, TEXT, "reject"),
        corrections.figure_row(gdp, TEXT, "correct", metric="industrial_output"),
        corrections.article_row("a", TEXT, zone="马鞍山经开区"),
    ])
    out = corrections.apply(facts, {"a": TEXT}, corr)
    assert 8.5 not in out["value"].tolist()                                    # rejected
    assert out.loc[out["value"] == 120.0, "metric"].item() == "industrial_output"
    assert out.loc[out["value"] == 120.0, "zone"].item() == "马鞍山经开区"         # followed the article
    assert out.loc[out["value"] == 50.0, "zone"].item() == "合肥高新区"          # named in its sentence
    assert out["reviewed"].tolist() == [True, False]
    assert len(facts) == 3 and facts["metric"].tolist()[0] == "gdp"           # the extraction is untouched


def test_a_changed_article_does_not_inherit_corrections():
    facts = _facts()
    corr = corrections.upsert(corrections.empty(), [corrections.article_row("a", TEXT, zone="马鞍山经开区")])
    out = corrections.apply(facts, {"a": TEXT + "补充。"}, corr)
    assert "马鞍山经开区" not in out["zone"].tolist()


def test_the_last_correction_of_a_figure_wins_and_the_file_round_trips(tmp_path):
    gdp = _facts().iloc[0]
    corr = corrections.upsert(corrections.empty(), [corrections.figure_row(gdp, TEXT, "correct", metric="other")])
    corr = corrections.upsert(corr, [corrections.figure_row(gdp, TEXT, "confirm")])
    assert corr["action"].tolist() == ["confirm"]
    path = tmp_path / "c.csv"
    path.write_bytes(corrections.to_csv(corr))
    assert corrections.read(str(path)).drop(columns="reviewed_at").equals(corr.drop(columns="reviewed_at"))


@pytest.mark.parametrize("bad, says", [("doc_hash,start\nx,1\n", "missing"), (
    "doc_hash,doc_id,start,end,action\nx,a,1,2,burn\n", "unknown action"),
    ("doc_hash,doc_id,start,end,action\nx,a,one,2,reject\n", "integers")])
def test_bad_corrections_files_are_named_errors(bad, says):
    with pytest.raises(corrections.CorrectionsError, match=says):
        corrections.read(bad.encode())


def test_review_changes_are_rows_for_what_changed():
    facts = review.queue(_facts())
    before = review.editor_frame(facts)
    after = before.copy()
    after.iloc[0, after.columns.get_loc("指标")] = "other"
    after.iloc[1, after.columns.get_loc(review.REJECT)] = True
    rows = review.changes(before, after, facts, TEXT)
    assert [r["action"] for r in rows] == ["correct", "reject"]
    assert len(review.changes(before, before, facts, TEXT, confirm_rest=True)) == len(facts)


def test_evaluate_takes_a_corrections_file_as_gold(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    facts = data.normalise(lib.extract_facts(docs))
    rows = [corrections.figure_row(r, TEXT, "confirm") for _, r in facts.iterrows()]
    rows[0] = corrections.figure_row(facts.iloc[0], TEXT, "correct", metric="other")
    (tmp_path / "c.csv").write_bytes(corrections.to_csv(corrections.upsert(corrections.empty(), rows)))
    out = subprocess.run([sys.executable, "-m", "lib", "evaluate", "--gold", str(tmp_path / "c.csv"),
                          "--docs", str(docs)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "value_f1=1.000" in out.stdout and "metric_acc=0.667" in out.stdout


def test_correcting_an_articles_zone_moves_its_figures_in_the_app(tmp_path, monkeypatch):
    monkeypatch.setenv("ZM_CORRECTIONS", str(tmp_path / "corrections.csv"))
    monkeypatch.setattr(state, "CORRECTIONS_FILE", tmp_path / "corrections.csv")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page("pages/documents.py").run()
    doc_id = at.selectbox(key="doc_pick").value
    before = at.session_state["app_data"].facts
    old_zone = before.loc[(before["doc_id"] == doc_id) & before["zone_source"].isin(
        corrections.ARTICLE_ZONE_SOURCES), "zone"].mode().iloc[0]
    at.text_input(key=f"rv_zone_{doc_id}").set_value("校对测试开发区")
    at.button(key=f"rv_apply_{doc_id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    after = at.session_state["app_data"].facts
    moved = after[(after["doc_id"] == doc_id) & (after["zone"] == "校对测试开发区")]
    assert len(moved) > 0 and moved["reviewed"].all()
    assert old_zone not in after.loc[moved.index, "zone"].tolist()
    saved = corrections.read(str(tmp_path / "corrections.csv"))   # run locally: saved in data/
    assert saved["action"].tolist() == ["article"] and saved["zone"].tolist() == ["校对测试开发区"]


def test_a_correction_survives_in_the_workspace_of_the_link():
    """Corrections are kept with the visitor's uploads under the URL's key: a new session opened
    with the key sees them, one without it does not."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page("pages/add.py").run()
    at.text_area(key="add_text").set_value("合肥高新区2023年经济运行情况\n全区实现营业收入1234亿元,同比增长9.9%。")
    at.button(key="add_go").click().run()
    at.switch_page("pages/documents.py").run()
    at.selectbox(key="doc_pick").set_value("pasted").run()
    at.text_input(key="rv_zone_pasted").set_value("校对后开发区")
    at.button(key="rv_apply_pasted").click().run()
    key = at.query_params["ws"]
    key = key[0] if isinstance(key, list) else key
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    again.query_params["ws"] = key
    again.run()
    facts = again.session_state["app_data"].facts
    assert set(facts.loc[facts["doc_id"] == "pasted", "zone"]) == {"校对后开发区"}
    fresh = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert "校对后开发区" not in set(fresh.session_state["app_data"].facts["zone"])
