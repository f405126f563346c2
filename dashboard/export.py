"""Bytes for the download buttons: charts as PNG/SVG/HTML, tables as CSV/Excel/Parquet.

Static images are drawn server-side by kaleido in a Chromium. One kaleido server is started
per process (st.cache_resource) with MathJax off (its default fetches MathJax from a CDN);
later exports then take ~0.2 s instead of ~3 s. Without a Chromium, `chrome_path()` is None
and the pages show a message instead of PNG/SVG buttons.
"""
from __future__ import annotations

import html
import re
import shutil
import threading
import warnings

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib import export as table_export

IMAGE_SIZE = dict(width=1200, scale=2)  # height: the figure's own


def chrome_path() -> str | None:
    """The Chromium kaleido would use (BROWSER_PATH, PATH or plotly_get_chrome's copy)."""
    try:
        from choreographer.browsers.chromium import Chromium
        return Chromium.find_browser(skip_local=False)
    except Exception:  # an internal API of kaleido's browser driver: fall back to PATH
        for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
            if path := shutil.which(name):
                return path
    return None


@st.cache_resource(show_spinner="正在启动图片导出…")
def _kaleido() -> threading.Lock:
    """Start the process-wide kaleido server once; its lock keeps one export at a time
    (the server answers requests in order over shared queues)."""
    import kaleido
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    return threading.Lock()


def image_bytes(fig: go.Figure, fmt: str) -> bytes:
    """PNG or SVG of the figure as the browser would draw it (explicit template kept)."""
    if chrome_path() is None:
        raise RuntimeError("没有找到 Chromium，无法导出静态图片")
    lock = _kaleido()
    height = fig.layout.height or 500
    with lock, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "kopts ignored if using a server": expected
        return fig.to_image(format=fmt, height=height, **IMAGE_SIZE)


def png_bytes(fig: go.Figure) -> bytes:
    return image_bytes(fig, "png")


def svg_bytes(fig: go.Figure) -> bytes:
    return image_bytes(fig, "svg")


def html_bytes(fig: go.Figure) -> bytes:
    """A standalone interactive page; plotly.js is embedded so it opens offline."""
    page = fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False})
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    title = html.escape(html.unescape(str(meta.get("title") or "开发区指标看板")))  # stored escaped
    return page.replace("<head>", f"<head><title>{title}</title>", 1).encode("utf-8")


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM; text cells that would run as formulas are quoted (lib/export.py)."""
    return table_export.csv_bytes(df)


def xlsx_bytes(df: pd.DataFrame) -> bytes:
    return table_export.xlsx_bytes(df, sheet_name="facts")


def parquet_bytes(df: pd.DataFrame) -> bytes:
    return table_export.parquet_bytes(df)


def file_stem(metric: str, zones: list[str], years: list[int], what: str = "", measure: str = "",
              period: str = "") -> str:
    """e.g. "gdp_growth_H1_枣庄高新区-峄城区_2018-2022": metric, measure and period keys, then
    the zones and years shown (a growth chart and a level chart never share a name)."""
    zones = sorted(set(zones))
    if not zones:
        zone_part = "无数据"
    elif len(zones) <= 3:
        zone_part = "-".join(zones)
    else:
        zone_part = f"{zones[0]}等{len(zones)}个开发区"
    years = sorted({int(y) for y in years})
    if not years:
        year_part = "年份不详"
    elif len(years) == 1:
        year_part = str(years[0])
    elif len(years) <= 3 and years[-1] - years[0] >= len(years):  # a few scattered years
        year_part = "_".join(map(str, years))
    else:
        year_part = f"{years[0]}-{years[-1]}"
    parts = [p for p in (what, metric or "all", measure, period, zone_part, year_part) if p]
    return re.sub(r'[\\/:*?"<>|\s#]+', "_", "_".join(parts))[:150]
