"""Property-based: arbitrary text never raises, and every fact points at real characters."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.documents import Document
from lib.extract import _facts_of
from lib.schema import to_frame

ALPHABET = st.sampled_from(list("0123456789.,%、;。,:()（）\n 一二三十百千万亿元美个家项户人亩吨"
                                "年月增长同比占比重新增净增约近超余多以上左右至—区县高新经开发"
                                "全今去上半季度前分别其中力争将計劃區(qū)１２．％地生产总值收入投资"))
TEXTS = st.one_of(st.text(max_size=300), st.text(alphabet=ALPHABET, max_size=300))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_extracts_without_error(text):
    rows = _facts_of(Document(doc_id="h", text=text))
    to_frame(rows)  # the schema holds for whatever came out
    for r in rows:
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert any(ch.isdigit() or ch in "零〇一二两三四五六七八九十百千万亿半" for ch in text[r["start"]:r["end"]])
