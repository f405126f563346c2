"""Property-based: arbitrary text never raises, and every fact points at real characters,
holds a finite value and a year in the schema's range."""
from __future__ import annotations

import math

import pandas as pd

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lib
from lib.documents import Document
from lib.limits import FIRST_YEAR, LAST_YEAR

PIECES = (list("0123456789.,%、;。,:()（）\n 一二三十百千万亿元美个家项户人亩吨"
               "年月增长同比占比重新增净增约近超余多以上左右至—区县高新经开发"
               "全今去上半季度前分别其中力争将計劃區(qū)１２．％地生产总值收入投资")
          + ["\x00", "\x07", "\r", "\t", "\u200b", "\ufeff", "\ud800", "０", "９", "１９４８年", "２０２１年",
             "1948年", "2101年", "361900年", "12023年", "99999999999999999999亿元", "=", "+", "-", "@",
             "高新区", "经开区", "开发区", "|", "—"])
TEXTS = st.one_of(st.text(max_size=300),
                  st.lists(st.sampled_from(PIECES), max_size=200).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_extracts_without_error(text):
    facts, errors = lib.extract_batch([Document(doc_id="h", text=text)])
    assert errors == []   # short texts break no limit: nothing may fail
    for start, end, value, year in zip(facts["start"], facts["end"], facts["value"], facts["year"]):
        assert 0 <= start < end <= len(text)
        assert any(ch.isdigit() or ch in "零〇一二两三四五六七八九十百千万亿半" for ch in text[start:end])
        assert math.isfinite(value)
        assert pd.isna(year) or FIRST_YEAR <= year <= LAST_YEAR
