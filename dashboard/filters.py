"""The shared sidebar filters, kept in st.session_state and mirrored in the URL.

The URL is read once per session (a shared link reproduces the view) and rewritten on every
run, so it always shows the current choices:
    ?zone=枣庄高新区&zone=峄城区&year=2019&year=2020&metric=gdp&measure=level
     &status=actual&status=target&scope=zone
Repeated keys are lists; a missing zone/year list means "all zones/years"; `measure=` and
`metric=` with an empty value mean "all".
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dashboard import data, labels
from dashboard.data import Filters
from dashboard.memo import memo

# session-state key of each filter (prefix flt_) and its URL parameter
KEYS = {"zones": ("flt_zones", "zone"), "years": ("flt_years", "year"),
        "metric": ("flt_metric", "metric"), "measure": ("flt_measure", "measure"),
        "statuses": ("flt_status", "status"), "scope": ("flt_scope", "scope")}
LIST_FIELDS = ("zones", "years", "statuses")


def choices(facts: pd.DataFrame) -> dict:
    """What each filter can take for this data (the widgets' options)."""
    return {"zones": data.zone_options(facts), "years": data.year_options(facts),
            "metric": [labels.ALL] + data.metric_options(facts),
            "measure": [labels.ALL] + list(labels.MEASURES),
            "statuses": list(labels.STATUSES), "scope": list(labels.SCOPES)}


def defaults(facts: pd.DataFrame) -> Filters:
    return Filters(metric=data.default_metric(facts))


def from_params(params: Mapping[str, list[str]], opts: dict, base: Filters) -> Filters:
    """Filters from URL parameters; unknown values are dropped, missing ones keep `base`."""
    values = {}
    for name, (_, param) in KEYS.items():
        if param not in params:
            continue
        raw = list(params[param])
        if name == "years":
            raw = [int(y) for y in raw if y.strip().lstrip("-").isdigit()]
        allowed = opts[name]
        if name in LIST_FIELDS:
            values[name] = tuple(v for v in raw if v in allowed)
        elif raw and raw[-1] in allowed:
            values[name] = raw[-1]
    return Filters(**{**base.__dict__, **values})


PARAM_NAMES = {"zone": "开发区", "year": "年份", "metric": "指标", "measure": "类型", "status": "状态",
               "scope": "范围"}


def invalid_params(params: Mapping[str, list[str]], opts: dict) -> list[str]:
    """The values of a link that this data cannot show, as "开发区 “X”" (the view ignores them)."""
    bad = []
    for name, (_, param) in KEYS.items():
        for value in params.get(param, []):
            allowed = opts[name]
            if name == "years":
                ok = value.strip().lstrip("-").isdigit() and int(value) in allowed
            else:
                ok = value in allowed
            if not ok:
                bad.append(f"{PARAM_NAMES[param]}“{value[:40]}”")
    return bad


def to_params(f: Filters) -> dict[str, list[str]]:
    """URL parameters of a view (always explicit, so a link means the same view later)."""
    return {"zone": list(f.zones), "year": [str(y) for y in f.years], "metric": [f.metric],
            "measure": [f.measure], "status": list(f.statuses), "scope": [f.scope]}


def _url_params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def _seed_state(opts: dict, base: Filters) -> None:
    """First run of a session: URL over defaults. Later runs: drop choices the data lost."""
    ss = st.session_state
    if "flt_seeded" not in ss:
        ss["flt_invalid"] = invalid_params(_url_params(), opts)
        start = from_params(_url_params(), opts, base)
        for name, (key, _) in KEYS.items():
            value = getattr(start, name)
            ss[key] = list(value) if name in LIST_FIELDS else value
        ss["flt_seeded"] = True
    for name, (key, _) in KEYS.items():
        allowed = opts[name]
        if name in LIST_FIELDS:
            ss[key] = [v for v in ss.get(key, []) if v in allowed]
        elif ss.get(key) not in allowed:
            ss[key] = getattr(base, name)


def sidebar(facts: pd.DataFrame) -> Filters:
    """Draw the filters in the sidebar; return the current choice and write it to the URL."""
    # the options change only with the facts, not with a filter: scanned once per facts table
    opts, base = memo("filter_choices", (facts,), (), lambda: (choices(facts), defaults(facts)))
    _seed_state(opts, base)
    ss = st.session_state
    with st.sidebar:
        st.header("筛选")
        if ss.get("flt_invalid"):
            st.warning("链接中有本数据没有的筛选值，已忽略：" + "、".join(ss["flt_invalid"])
                       + "。可能是文章已不在语料中，或链接被截断。", icon=":material/link_off:")
        st.selectbox("指标", opts["metric"], key="flt_metric", format_func=labels.metric)
        st.selectbox("类型", opts["measure"], key="flt_measure", format_func=labels.measure,
                     help="数值、增速(%)、占比(%)或变化量(百分点、净增)")
        st.multiselect("开发区", opts["zones"], key="flt_zones", placeholder="全部开发区")
        st.multiselect("年份", opts["years"], key="flt_years", placeholder="全部年份")
        st.multiselect("状态", opts["statuses"], key="flt_status",
                       format_func=labels.STATUSES.get, placeholder="实际与目标")
        st.radio("范围", opts["scope"], key="flt_scope", format_func=labels.SCOPES.get,
                 horizontal=True, help="全区：整个开发区的数字；区内主体：企业、园区、项目")
    current = Filters(zones=tuple(ss.flt_zones), years=tuple(ss.flt_years),
                      metric=ss.flt_metric, measure=ss.flt_measure,
                      statuses=tuple(ss.flt_status), scope=ss.flt_scope)
    write_url(current)
    return current


def write_url(f: Filters) -> None:
    """Mirror the filters in the URL, touching only keys that changed (others stay)."""
    for param, values in to_params(f).items():
        if st.query_params.get_all(param) == values:
            continue
        if values:
            st.query_params[param] = values
        else:
            del st.query_params[param]
