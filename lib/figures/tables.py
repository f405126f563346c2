"""Flattened tables: "指标 | 单位 | 1-10月 | 同比±%" then "规上工业总产值 | 亿元 | 1268.45 | 12.6".

A block of lines with at least three "|" cells whose header names a unit column (单位) is
read by column: the first cell names the metric, the unit cell gives the unit of the value
columns, a column headed 同比 / 增长 / 增速 / ± / % holds growth rates. A cell "—" is empty.
Rows without a unit column are left to the ordinary rules. Offsets point at the cell's number.
"""
from __future__ import annotations

import re

from lib.reference import lexicon
from lib.figures.find import Figure
from lib.figures.numbers import scale_factor
from lib.patterns import named

TABLE_LINE = re.compile(r"^[^\n|]*\|[^\n|]*\|[^\n]*$", re.M)
CELL_NUMBER = re.compile(r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?")
GROWTH_HEADER = named(
    "tables.growth_header", "a table column of growth rates (同比±%)",
    r"同比|增长|增速|增幅|±|%",
    examples=['同比±%', '增速'], counter_examples=['1-10月'])
TABLE_COUNT_WORDS = ("个", "家", "户", "人", "项", "件")
# a unit cell: any unit of lib/data/units.csv (but 倍 / 成) or a count word, with a scale
UNIT_CELL = re.compile(r"^(?P<scale>万亿|亿|万)?(?P<unit>" + "|".join(map(re.escape, sorted(
    [u for u, info in lexicon.units().items() if info["rule"] not in ("multiple", "tenths")] + list(TABLE_COUNT_WORDS),
    key=len, reverse=True))) + ")$")


def _cells(line: str, line_start: int) -> list[tuple[str, int]]:
    """(cell text stripped, offset of the cell's first character) for each cell."""
    out, pos = [], 0
    for part in line.split("|"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append((stripped, line_start + pos + lead))
        pos += len(part) + 1
    return out


def find_table_figures(text: str) -> list[Figure]:
    if "|" not in text:
        return []
    figures: list[Figure] = []
    header = None
    for m in TABLE_LINE.finditer(text):
        cells = _cells(m.group(), m.start())
        if len(cells) < 3:
            header = None
            continue
        texts = [c for c, _ in cells]
        if "单位" in texts:
            header = texts
            continue
        if header is None or len(texts) != len(header):
            continue
        unit_cell = UNIT_CELL.match(texts[header.index("单位")])
        if not unit_cell:
            continue
        for col, (cell, at) in enumerate(cells):
            if col == 0 or col == header.index("单位"):
                continue
            num = CELL_NUMBER.fullmatch(cell.replace(" ", ""))
            if not num:
                continue          # "—": no figure in this cell
            value = float(num.group().replace(",", "").replace("−", "-"))
            end = at + len(cell)
            if GROWTH_HEADER.search(header[col]):
                figures.append(Figure(at, end, value, "%", "percent", "table_cell", "", 1.0,
                                      measure_hint="growth", row_label=texts[0]))
                continue
            fig = _level(value, unit_cell, at, end, texts[0])
            if fig:
                figures.append(fig)
    return figures


def merge_table_figures(figures: list[Figure], cells: list[Figure]) -> list[Figure]:
    """Table cells replace what the ordinary rules read in the same place."""
    if not cells:
        return figures
    at = {c.start for c in cells}
    return sorted([f for f in figures if f.start not in at] + cells, key=lambda f: f.start)


def _level(value: float, unit_cell: re.Match, start: int, end: int, label: str) -> Figure | None:
    written = unit_cell.group("unit")
    factor = scale_factor(unit_cell.group("scale") or "")
    info = lexicon.units().get(written)
    if info:       # money, %, area, mass, energy
        return Figure(start, end, round(value * factor * info["factor"], 10), info["canonical"], info["family"],
                      "table_cell", "", 1.0, measure_hint="level", row_label=label)
    return Figure(start, end, value * factor, written, "count", "table_cell", "", 1.0,
                  measure_hint="level", row_label=label)
