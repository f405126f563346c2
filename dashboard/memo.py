"""Per-session memo of results derived from this session's facts (sidebar choices, the facts
table itself, folded views), so a rerun only recomputes what its inputs changed.

st.cache_data would hash a million-row frame on every call and hand back a pickled copy; here
a result is reused while its inputs are the very same objects (compared with `is`; the entry
holds them, so their ids cannot be reused) and the same plain values (compared with ==).
Results are shared between reruns: callers must not modify them in place (pages never do).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

STATE_KEY = "_zm_memo"   # session state: {name: (objects, {values: result})}


def memo(name: str, objects: tuple, values: tuple, make: Callable[[], Any], keep: int = 1) -> Any:
    """make(), or its result from an earlier run with the same objects and values. New objects
    drop every result of that name (an old facts table is never kept alive); among the same
    objects, the last `keep` values are kept (e.g. one folding per scope)."""
    store = st.session_state.setdefault(STATE_KEY, {})
    held, results = store.get(name, ((), {}))
    if len(held) != len(objects) or any(a is not b for a, b in zip(held, objects)):
        results = {}
    if values not in results:
        results[values] = make()
        while len(results) > keep:
            del results[next(iter(results))]   # the oldest
    store[name] = (objects, results)
    return results[values]
