"""Tables for people: columns fitted to the terminal by display width.

A CJK character takes two columns of a terminal and a combining mark none, so widths are
measured with wcwidth, never with ``len``.  :func:`render_table` takes any question's rows (lists
of cells, one per column): when the natural widths do not fit, the widest columns give way
first, down to a floor; cells of the columns named in ``wrap`` are wrapped onto more lines,
other cells are cut with ``…``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection, Mapping, Sequence

from wcwidth import wcwidth

GAP = "  "
ELLIPSIS = "…"
FLOOR = 8
"""The narrowest a column gets (or its header's width, when that is wider)."""
WRAP_FLOOR = 16
"""The narrowest a wrapped column gets: narrower, a quote becomes a column of characters."""


def char_width(char: str) -> int:
    """Columns ``char`` takes: 2 for wide (CJK), 0 for combining and control characters."""
    return max(wcwidth(char), 0)


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def terminal_width() -> int:
    """``COLUMNS`` when set, else the terminal's width, else 100 (output to a file or pipe)."""
    given = os.environ.get("COLUMNS", "").strip()
    if given.isdigit() and int(given) > 0:
        return int(given)
    return shutil.get_terminal_size((100, 24)).columns


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` columns, ending with ``…`` when something was cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        w = char_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + ELLIPSIS


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` columns (anywhere: Chinese has no
    spaces to break at)."""
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for char in text:
        w = char_width(char)
        if line and used + w > width:
            lines.append("".join(line))
            line, used = [], 0
        line.append(char)
        used += w
    lines.append("".join(line))
    return lines


def fit_widths(
    natural: Sequence[int], floors: Sequence[int], available: int, weights: Sequence[float]
) -> list[int]:
    """Column widths summing to at most ``available``: the widest column (its width divided
    by its weight) gives a column at a time until they fit or every column is at its floor."""
    widths = list(natural)
    excess = sum(widths) - available
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: (widths[i] / weights[i], -i))
        widths[widest] -= 1
        excess -= 1
    return widths


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None = None,
    wrap_columns: Collection[str] = (),
    weights: Mapping[str, float] | None = None,
) -> str:
    """``rows`` under ``headers``, each line at most ``width`` display columns (the terminal's
    when ``None``) as long as the columns' floors allow it.  ``weights`` (by header; default 2
    for a wrapped column, else 1): a column of twice the weight keeps twice the width."""
    width = terminal_width() if width is None else width
    rows = [[" ".join(cell.split()) for cell in row] for row in rows]  # one line per cell
    natural = [
        max([display_width(h)] + [display_width(row[i]) for row in rows])
        for i, h in enumerate(headers)
    ]
    floors = [
        min(n, max(display_width(h), WRAP_FLOOR if h in wrap_columns else FLOOR))
        for h, n in zip(headers, natural, strict=True)
    ]
    available = width - len(GAP) * (len(headers) - 1)
    # A wrapped column keeps its words, only on more lines: it is the last to give way.
    given = weights or {}
    shares = [given.get(h, 2.0 if h in wrap_columns else 1.0) for h in headers]
    widths = fit_widths(natural, floors, available, shares)

    def lines_of(cells: Sequence[str]) -> list[str]:
        columns = [
            wrap(cell, w) if header in wrap_columns else [cut(cell, w)]
            for header, cell, w in zip(headers, cells, widths, strict=True)
        ]
        height = max(len(c) for c in columns)
        out = []
        for n in range(height):
            parts = []
            for column, w in zip(columns, widths, strict=True):
                cell = column[n] if n < len(column) else ""
                parts.append(cell + " " * (w - display_width(cell)))
            out.append(GAP.join(parts).rstrip())
        return out

    out = lines_of([cut(h, w) for h, w in zip(headers, widths, strict=True)])
    out.append(GAP.join("-" * w for w in widths))
    for row in rows:
        out.extend(lines_of(row))
    return "\n".join(out) + "\n"
