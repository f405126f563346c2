"""What a chart says about itself: subtitle (unit, period, status, filters) and source line.

Pure text builders (no Streamlit): the pages put them in the figure, so an exported PNG, SVG
or HTML file still tells what was drawn, from how many articles, by which tool, when.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard import labels

TOOL = "开发区指标看板 Zone Metrics"
MAX_NAMED = 4   # more zones or years than this are summarised


def _listed(items: list[str], what: str) -> str:
    if len(items) <= MAX_NAMED:
        return "、".join(items)
    return f"{'、'.join(items[:MAX_NAMED])}等{len(items)}个{what}"


def subtitle(plotted: pd.DataFrame, unit: str, period_kind: str, statuses: tuple[str, ...],
             scope: str) -> str:
    """单位：亿元 · 时期：全年 · 实际与目标 · 全区 · 开发区：A、B · 年份：2019–2021."""
    zones = sorted(z or "未识别开发区" for z in plotted["zone"].unique())
    years = sorted(int(y) for y in plotted["year"].dropna().unique())
    shown = [labels.STATUSES[s] for s in ("actual", "target") if s in set(plotted["status"])]
    wanted = [labels.STATUSES[s] for s in ("actual", "target") if not statuses or s in statuses]
    parts = [f"单位：{unit}", f"时期：{labels.period_kind_label(period_kind)}",
             "与".join(shown or wanted), labels.SCOPES.get(scope, scope),
             f"开发区：{_listed(zones, '开发区')}"]
    if years:
        parts.append(f"年份：{years[0]}" if len(years) == 1 else f"年份：{years[0]}–{years[-1]}")
    return " · ".join(parts)


def source_line(plotted: pd.DataFrame, today: date | None = None) -> str:
    """来源：3 篇文章的 12 个数字 · 开发区指标看板 Zone Metrics · 导出于 2026-12-02."""
    day = (today or date.today()).isoformat()
    return (f"来源：{plotted['doc_id'].nunique()} 篇文章的 {len(plotted)} 个数字 · {TOOL} · "
            f"导出于 {day}")
