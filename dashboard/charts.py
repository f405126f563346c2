"""Pure builders: facts DataFrame in, Plotly Figure out (no Streamlit here).

Every figure carries an explicit template: `import streamlit` makes Plotly's default template
"streamlit", whose placeholder colours export as black traces (a kaleido trap, docs/dashboard.md).
Text from articles (zones, sentences) is escaped because Plotly reads tags in labels and hovers.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative, sample_colorscale

from dashboard import labels
from dashboard.labels import fmt_value
from dashboard.text import esc, wrap

TEMPLATE = "plotly_white"
FONT = dict(family="Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif",
            size=13)
COLOURS = qualitative.Plotly + qualitative.D3[1:] + qualitative.Dark24
TARGET_PATTERN = "/"
CONFLICT_LINE = "#d62728"   # the outline of a bar whose value another article contradicts
HOVER = ("<b>%{customdata[0]}</b> · %{customdata[1]}<br>"
         "数值：%{customdata[2]}<br>限定：%{customdata[3]}<br>"
         "%{customdata[4]}<br><i>%{customdata[5]}</i><extra></extra>")


def zone_colours(zones: list[str]) -> dict[str, str]:
    """A fixed colour per zone, the same on every page (zones in sorted order)."""
    return {z: COLOURS[i % len(COLOURS)] for i, z in enumerate(sorted(zones))}


def x_label(year, period: str) -> str:
    """Bar position: "2019", "2019 上半年", "2016年以来"… ("年份不详" when no year)."""
    if pd.isna(year):
        return "年份不详"
    return str(int(year)) if period == "year" else f"{int(year)} {labels.period(period)}"


def _hover(d: pd.DataFrame) -> list[list[str]]:
    """customdata per point: zone, when + status, value, hedge, sentence, article."""
    return [[esc(labels.zone(z)), f"{x} {labels.STATUSES.get(s, s)}", esc(fmt_value(v, u, q)),
             esc(q) or "无", wrap(sent), "文章 " + esc(doc)]
            for z, x, s, v, u, q, sent, doc in zip(
                d["zone"], d["x"], d["status"], d["value"], d["unit"], d["qualifier"],
                d["sentence"], d["doc_id"])]


def _layout(fig: go.Figure, title: str, y_title: str, n_legend: int, subtitle: str = "",
            source: str = "") -> go.Figure:
    """Title, a subtitle saying what is drawn (unit, period, status, filters) and a source
    line, all inside the figure so PNG / SVG / HTML exports carry them; the legend always
    shows, even for a single trace (one zone or one year is still named)."""
    heading = esc(title) + (f"<br><span style='font-size:12px;color:#555'>{esc(subtitle)}</span>"
                            if subtitle else "")
    fig.update_layout(template=TEMPLATE, font=FONT, title=dict(text=heading, x=0.01),
                      yaxis_title=esc(y_title), legend_title_text="开发区", showlegend=True,
                      height=480 + 18 * max(0, n_legend - 12) // 4,
                      margin=dict(l=60, r=20, t=86 if subtitle else 60, b=90 if source else 60),
                      hoverlabel=dict(align="left"),
                      meta=dict(title=esc(" · ".join(t for t in (title, subtitle) if t))))  # HTML <title>
    if source:
        fig.add_annotation(text=esc(source), xref="paper", yref="paper", x=0, y=0, yshift=-78,
                           xanchor="left", yanchor="bottom", showarrow=False,
                           font=dict(size=11, color="#666"))
    return fig


def _x_order(d: pd.DataFrame) -> list[str]:
    keys = d.drop_duplicates("x").assign(
        _y=d["year"].fillna(9999), _p=d["period"].map(labels.period_order))
    return keys.sort_values(["_y", "_p"])["x"].tolist()


def year_colours(xs: list[str]) -> dict[str, str]:
    """Chronological colours (dark = early, light = late) for the bar positions' labels."""
    if len(xs) == 1:
        return {xs[0]: sample_colorscale("Viridis", [0.35])[0]}
    points = [0.85 * i / (len(xs) - 1) for i in range(len(xs))]
    return dict(zip(xs, sample_colorscale("Viridis", points)))


def compare_bars(folded: pd.DataFrame, title: str, y_title: str, subtitle: str = "",
                 source: str = "") -> go.Figure:
    """Bars grouped by zone; inside a group one bar per year (colour = year), targets hatched.

    Bars are placed by hand (numeric x, zone names as ticks) so a zone with two figures
    gets two bars, not a slot for every year any zone has: sparse data stays readable.
    Two figures for the same zone, year and status (e.g. from two articles) stand side by side.
    """
    d = folded.assign(x=[x_label(y, p) for y, p in zip(folded["year"], folded["period"])])
    order = _x_order(d)
    rank = {x: i for i, x in enumerate(order)}
    d = d.assign(_r=d["x"].map(rank), _t=(d["status"] == "target").astype(int))
    d = d.sort_values(["zone", "_r", "_t", "value"])
    pos, ticks, cursor = [], {}, 0.0
    for zone, g in d.groupby("zone", sort=True):
        pos.extend(cursor + i for i in range(len(g)))
        ticks[zone] = cursor + (len(g) - 1) / 2
        cursor += len(g) + 1.0  # one empty slot between zones
    d = d.assign(pos=pos)
    colours = year_colours(order)
    fig = go.Figure()
    clash = d["conflict"].notna() if "conflict" in d.columns else pd.Series(False, index=d.index)
    for (r, target), g in d.groupby(["_r", "_t"], sort=True):
        x = order[r]
        marked = clash.loc[g.index]
        fig.add_bar(
            x=g["pos"], y=g["value"], width=0.85, name=x + ("（目标）" if target else ""),
            customdata=_hover(g), hovertemplate=HOVER,
            # a red outline: another article states a different value for this bar (see 冲突)
            marker=dict(color=colours[x], line=dict(color=[CONFLICT_LINE if m else colours[x] for m in marked],
                                                    width=[3 if m else 1 for m in marked]),
                        pattern=dict(shape=TARGET_PATTERN if target else "", fgcolor="white",
                                     fillmode="overlay", size=6)),
            opacity=0.8 if target else 1.0)
    fig.update_xaxes(tickmode="array", tickvals=list(ticks.values()),
                     ticktext=[esc(labels.zone(z)) for z in ticks], tickangle=-30 if len(ticks) > 6 else 0,
                     showgrid=False)
    fig.update_layout(barmode="overlay")
    fig = _layout(fig, title, y_title, 0, subtitle, source)
    fig.update_layout(legend_title_text="年份")
    return fig


def pick_one_per_year(folded: pd.DataFrame) -> pd.DataFrame:
    """A line needs one value per zone, year and status: the most-mentioned figure
    (ties: the larger one, usually the later/fuller report)."""
    d = folded.dropna(subset=["year"])
    d = d.sort_values(["mentions", "value"]).groupby(["zone", "year", "status"]).tail(1)
    return d.sort_values(["zone", "status", "year"])


def trend_lines(folded: pd.DataFrame, title: str, y_title: str,
                colours: dict[str, str], subtitle: str = "", source: str = "") -> go.Figure:
    """A line per zone across years; targets dashed in the zone's colour."""
    d = pick_one_per_year(folded)
    d = d.assign(x=[x_label(y, p) for y, p in zip(d["year"], d["period"])])
    fig = go.Figure()
    for (zone, status), g in d.groupby(["zone", "status"], sort=True):
        target = status == "target"
        fig.add_scatter(
            x=g["year"].astype(int), y=g["value"], mode="lines+markers",
            name=esc(labels.zone(zone)) + ("（目标）" if target else ""), legendgroup=zone,
            line=dict(color=colours.get(zone, "#636efa"), dash="dash" if target else "solid",
                      width=2),
            marker=dict(symbol="circle-open" if target else "circle", size=8),
            customdata=_hover(g), hovertemplate=HOVER)
    fig.update_xaxes(tickformat="d", dtick=1, title_text="年份")
    return _layout(fig, title, y_title, d["zone"].nunique(), subtitle, source)


def coverage_heatmap(table: pd.DataFrame, title: str) -> go.Figure:
    """Zone x metric: how many distinct figures each zone has for each metric."""
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index]  # busiest first
    z = table.to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=[esc(c) for c in table.columns], y=[esc(i) for i in table.index],
        text=[[str(v) if v else "" for v in row] for row in z], texttemplate="%{text}", colorscale="Blues", showscale=False, xgap=2, ygap=2,
        hovertemplate="%{y} · %{x}：%{z} 个数字<extra></extra>"))
    fig.update_layout(template=TEMPLATE, font=FONT, title=dict(text=esc(title), x=0.01, y=0.99,
                                                               yanchor="top"),
                      height=230 + 26 * len(table.index), margin=dict(l=140, r=20, t=190, b=20))
    fig.update_xaxes(side="top", tickangle=-45)  # headers on top: readable without scrolling
    fig.update_yaxes(autorange="reversed")
    return fig
