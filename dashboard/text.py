"""Untrusted article text made safe to show: escaping, sentence windows, highlighting.

Article text, titles, zones and file names come from the articles themselves. They only
ever reach the page through `esc` (then st.html) or as plain text (st.text, st.dataframe):
never as Markdown, so `<script>`, HTML and `[links](...)` show literally.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlparse

SENTENCE_END = "。！？!?；;\n"
# One colour per metric (Documents page); cycles when there are more metrics.
PALETTE = ["#fde68a", "#bfdbfe", "#bbf7d0", "#fecaca", "#ddd6fe", "#fed7aa", "#a5f3fc",
           "#f5d0fe", "#d9f99d", "#e5e7eb", "#fbcfe8", "#c7d2fe"]
FIGURE_STYLE = "background:#fde047;padding:0 2px;border-radius:3px;font-weight:600"
UNTAKEN_STYLE = "background:none;border-bottom:2px dashed #9ca3af;color:#6b7280"
BOX = ("font-size:0.95rem;line-height:1.9;white-space:pre-wrap;word-break:break-all;"
       "border-left:3px solid #d1d5db;padding:0.25rem 0.75rem;margin:0.25rem 0 0.75rem 0")


def esc(value) -> str:
    """HTML-escaped text (quotes too: the result may stand in an attribute)."""
    return html.escape("" if value is None else str(value), quote=True)


def wrap(text: str, width: int = 32, limit: int = 240) -> str:
    """Escaped text broken with <br> every `width` characters (Plotly hover boxes)."""
    text = text if len(text) <= limit else text[:limit] + "…"
    return "<br>".join(esc(text[i:i + width]) for i in range(0, len(text), width))


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence around text[start:end]: after the previous 。！？; up to the next one."""
    end = start if end is None else end
    a = max(text.rfind(c, 0, start) for c in SENTENCE_END) + 1
    stops = [i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0]
    b = min(stops) + 1 if stops else len(text)
    return a, b


def context_bounds(text: str, start: int, end: int, around: int = 1) -> tuple[int, int]:
    """The figure's sentence plus `around` sentences before and after it."""
    a, b = sentence_bounds(text, start, end)
    for _ in range(around):
        if a > 0:  # text[a-1] ends the previous sentence: look before it
            a = max(text.rfind(c, 0, a - 1) for c in SENTENCE_END) + 1
        if b < len(text):
            stops = [i for i in (text.find(c, b) for c in SENTENCE_END) if i >= 0]
            b = min(stops) + 1 if stops else len(text)
    return a, b


@dataclass(frozen=True)
class Mark:
    """A span of the document to highlight: offsets, CSS style and a hover title."""
    start: int
    end: int
    style: str
    title: str = ""
    tag: str = "mark"


def highlight(text: str, marks: list[Mark], lo: int = 0, hi: int | None = None) -> str:
    """Escaped text[lo:hi] with each mark wrapped in <mark>; overlapping marks: first wins."""
    hi = len(text) if hi is None else hi
    out, pos = [], lo
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.start >= hi or m.end > hi or m.end <= m.start:
            continue  # overlaps an earlier mark or falls outside the window
        out.append(esc(text[pos:m.start]))
        title = f' title="{esc(m.title)}"' if m.title else ""
        out.append(f'<{m.tag} style="{m.style}"{title}>{esc(text[m.start:m.end])}</{m.tag}>')
        pos = m.end
    out.append(esc(text[pos:hi]))
    return "".join(out)


def box(inner_html: str) -> str:
    """A quoted passage: keeps the article's line breaks without interpreting anything."""
    return f'<div style="{BOX}">{inner_html}</div>'


def safe_link(url: str, label: str) -> str:
    """<a> for http(s) URLs only (javascript: and data: links become plain text)."""
    if urlparse(url.strip()).scheme not in ("http", "https"):
        return esc(label)
    return f'<a href="{esc(url.strip())}" target="_blank" rel="noopener noreferrer">{esc(label)}</a>'


def metric_colours(metrics: list[str]) -> dict[str, str]:
    return {m: PALETTE[i % len(PALETTE)] for i, m in enumerate(metrics)}
