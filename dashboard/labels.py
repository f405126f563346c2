"""Chinese labels for the facts table's keys: the UI shows these, downloads keep the keys."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

MEASURES = {"level": "数值", "growth": "增速", "share": "占比", "change": "变化量"}
STATUSES = {"actual": "实际", "target": "目标"}
SCOPES = {"zone": "全区", "sub": "区内主体", "all": "全部"}
PERIODS = {"year": "全年", "H1": "上半年", "Q1": "一季度", "Q1-3": "前三季度",
           "multi-year": "多年"}
ALL = ""  # the "no restriction" choice of a single-choice filter
NO_ZONE = "未识别开发区"   # how a figure with no zone is shown (correct it on the 文章 page)

# Display names of the table columns (Evidence and Data pages).
COLUMNS = {
    "doc_id": "文章", "zone": "开发区", "scope": "范围", "subject": "主体", "year": "年份",
    "period": "时期", "metric": "指标", "measure": "类型", "value": "数值", "unit": "单位",
    "qualifier": "限定", "status": "状态", "sentence": "原句", "start": "起", "end": "止",
    "rule": "规则", "zone_source": "开发区依据", "year_source": "年份依据",
}

# Headline metrics of the Overview's "latest value" table, in display order.
HEADLINE = ["gdp", "budget_revenue", "industrial_output", "fixed_asset_investment",
            "foreign_trade", "project_count"]


@lru_cache(maxsize=1)
def metric_labels() -> dict[str, str]:
    """Metric key -> Chinese label (lib reads metrics.csv; read once per process)."""
    import lib
    return dict(lib.metric_labels())


def metric(key: str) -> str:
    return metric_labels().get(key, key) if key else "全部指标"


def measure(key: str) -> str:
    return MEASURES.get(key, key) if key else "全部类型"


def period(key: str) -> str:
    """全年 / 上半年 / 1-8月 / 2016年以来 ..."""
    if key in PERIODS:
        return PERIODS[key]
    if key.startswith("M1-"):
        return f"1-{key[3:]}月"
    if key.startswith("since-"):
        return f"{key[6:]}年以来"
    return key


# January-to-month spans that are a named period: one chart never splits them in two
SAME_PERIOD = {"M1-3": "Q1", "M1-6": "H1", "M1-9": "Q1-3", "M1-12": "year"}


def period_kind(key: str) -> str:
    """What a chart may put side by side: M1-6 with H1; every since-YYYY as one kind."""
    key = SAME_PERIOD.get(key, key)
    return "since" if key.startswith("since-") else key


def period_kind_label(kind: str) -> str:
    return "累计（某年以来）" if kind == "since" else period(kind)


def period_order(key: str) -> int:
    """Sort key of periods within a year: parts of a year first, then the whole year."""
    order = {"Q1": 3, "H1": 6, "Q1-3": 9, "year": 12, "multi-year": 13}
    if key in order:
        return order[key]
    if key.startswith("M1-") and key[3:].isdigit():
        return int(key[3:])
    return 14


def fmt_value(value: float, unit: str = "", qualifier: str = "") -> str:
    """365.0 亿元 -> "365亿元"; 200000 平方米 -> "200,000平方米"; hedge kept in front/behind."""
    if pd.isna(value):
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    if qualifier in ("约", "近", "超", "达", "过", "至少", "不低于"):
        return f"{qualifier}{text}{unit}"
    return f"{text}{unit}{qualifier}"


# How each figure rule is named on screen (the rule id stays in downloads)
RULE_NAMES = {"money": "金额", "percent": "百分比", "points": "百分点", "count": "计数", "physical": "面积/重量/长度",
              "multiple": "倍数", "tenths": "成数", "scaled_bare": "无单位的万/亿", "fraction": "分数",
              "shared_unit_list": "共用单位的列举", "table": "表格"}


def rule(key: str) -> str:
    return RULE_NAMES.get(key, "其他规则")


def zone(name: str) -> str:
    return name or NO_ZONE


def map_each(values: pd.Series, fn) -> pd.Series:
    """values.map(fn), calling fn once per distinct value (a million rows hold a few dozen)."""
    return values.map({v: fn(v) for v in values.unique()})


# Chinese label columns written beside the keys in CSV / Excel downloads
LABEL_COLUMNS = {"metric": "指标", "measure": "口径", "period": "期间", "status": "状态", "scope": "范围"}


def with_label_columns(df: pd.DataFrame) -> pd.DataFrame:
    """The table as downloaded: each key column followed by its Chinese label (指标, 口径, 期间,
    状态, 范围), so a spreadsheet reader needs no code book; the keys stay for programs."""
    mapping = {"metric": metric, "measure": lambda m: MEASURES.get(m, m), "period": period,
               "status": lambda s: STATUSES.get(s, s), "scope": lambda s: SCOPES.get(s, s)}
    out = df.copy()
    for key, label in LABEL_COLUMNS.items():
        if key in out.columns:
            out.insert(out.columns.get_loc(key) + 1, label, map_each(out[key], mapping[key]))
    return out
