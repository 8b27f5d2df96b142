"""Tables of indicators: a work report's 主要预期目标完成情况, row by row, as targets and outcomes.

Reports set out the year's main targets and what was reached in a table (序号 | 指标名称 |
2024年目标 | 完成情况). Copied into text, the table's cells come one per line, or apart by tabs or
runs of spaces, and the clause reader sees bare numbers with nothing to count: the unit is in
the name's brackets (地区生产总值增速（%）) or a column of its own, the kind (planned, reached) and
the year in the column's header. This module reads such a table from its header on, as long as
the rows keep its shape, and gives each value cell a measurement of the document's own area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from kg.extract import metadata
from kg.extract.facts import Division, Kind, Measurement, Qualifier, Quantity
from kg.extract.indicators import PART_MARK
from kg.extract.numbers import ARABIC_RE, MULTIPLIERS, parse_arabic, tidy
from kg.extract.periods import Periods
from kg.extract.quantities import qualifiers, units
from kg.resources import read_table
from kg.text.document import Document, Span

_CELL = re.compile(r"[^\t \u3000\n|](?:[^\t\n|]*?[^\t \u3000\n|])??(?=[\t\n|]|[ \u3000]{2}|$)")
"""A cell: text on one line between tabs, bars or runs of two or more spaces (a single space
stays inside a cell, as in 地区生产总值 增速)."""
_PERIOD_PREFIX = re.compile(r"^(?:((?:19|20)\d{2})年度?|全年|本年)")
_BRACKETED_UNIT = re.compile(r"\s*[（(]([^（）()]{1,6})[）)]?$")
"""The unit in brackets after a name; the closing bracket may be lost where a page is cut."""
_TITLE_REACH = 3
"""Cells before the header searched for the table's title and its year."""
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_NO_VALUE = frozenset("—-－–/")
_KINDS = {"target": Kind.TARGET, "outcome": Kind.OUTCOME}
_TITLE_NUMBER = re.compile(r"^(?:表|附表)?[ \u3000]*\d{1,2}[ \u3000.、：:]*")
"""A table's number before its title (表1, or the 1 left where 表 was lost)."""
_TITLE_YEAR = re.compile(
    r"^((?:19|20)\d{2})[ \u3000]*年(?!末|底|初)|^((?:19|20)\d{2})[ \u3000]*(?=年[末底])"
)
"""The year opening a title; 2021年年末 keeps its 年末, which is part of the indicator."""
_TITLE_TAIL = re.compile(r"(?:数及其?构成|及其?构成|数及比重|构成情况|分布情况|构成|数)$")
"""What a breakdown's title says of its columns after the indicator (年末常住人口数及构成)."""
_SHARE_SLACK = Decimal("0.5")
"""How far (in points) a part's share may stand from its count over the whole's before the row
is taken for a misread (a number garbled in copying)."""


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Column:
    kind: Kind
    year: str | None


@dataclass(frozen=True)
class Table:
    span: Span
    """From the header to the last row read."""
    measurements: tuple[Measurement, ...]


@cache
def _headers() -> dict[str, str]:
    return {header: role for header, role in read_table("table_headers.tsv")}


@cache
def _name_header() -> re.Pattern[str]:
    """A name column's header standing as a cell of its own: the cheap test for a table."""
    names = sorted((h for h, role in _headers().items() if role == "name"), key=len, reverse=True)
    cell_end = r"[ \u3000]*(?=[\t\n|]|[ \u3000]{2}|$)"
    return re.compile(rf"(?m)(?:^|[\t|]|[ \u3000]{{2}})[ \u3000]*(?:{'|'.join(names)}){cell_end}")


@cache
def _count_header() -> re.Pattern[str]:
    """A count column's header with its unit in brackets (年末数(万人)): the cheap test for a
    table of one indicator's parts."""
    counts = sorted((h for h, role in _headers().items() if role == "count"), key=len, reverse=True)
    return re.compile(
        rf"(?m)(?:^|[\t|]|[ \u3000]{{2}})[ \u3000]*(?:{'|'.join(counts)})[ \u3000]*[（(]"
    )


def _role(cell: _Cell) -> tuple[str, str | None] | None:
    """The header's role and the year written before it (2024年目标 -> target, 2024)."""
    prefix = _PERIOD_PREFIX.match(cell.text)
    rest = cell.text[prefix.end() :] if prefix else cell.text
    role = _headers().get(rest.strip())
    if role is None or (prefix and role not in _KINDS):
        return None
    return role, prefix.group(1) if prefix else None


def _role_name(cell: _Cell) -> str:
    """The header's role, or "" where the cell is no header."""
    role = _role(cell)
    return role[0] if role else ""


def _cells(text: str) -> list[_Cell]:
    return [_Cell(m.start(), m.end(), m.group()) for m in _CELL.finditer(text)]


def _unit(written: str) -> tuple[str, Decimal] | None:
    """亿元 -> (CNY, 100000000); % -> (PERCENT, 1)."""
    scale = Decimal(1)
    while written and written[0] in MULTIPLIERS and written not in units():
        scale *= MULTIPLIERS[written[0]]
        written = written[1:]
    unit = units().get(written)
    if unit is None or unit.role != "measure":
        return None
    return unit.notation, scale * unit.factor


def _value(cell: str, unit_word: str) -> tuple[Decimal, Qualifier] | None:
    """A value cell: 7, 6.8, 约7, 5.5以上, 3%以内 (the unit repeated is allowed)."""
    qualifier = Qualifier.EXACT
    for word, named in qualifiers()["before"].items():
        if cell.startswith(word):
            cell, qualifier = cell[len(word) :], named
            break
    number = ARABIC_RE.match(cell)
    if number is None:
        return None
    rest = cell[number.end() :].strip()
    if unit_word and rest.startswith(unit_word):
        rest = rest[len(unit_word) :]
    if rest:
        after = qualifiers()["after"].get(rest)
        if after is None:
            return None
        qualifier = after
    value = parse_arabic(number.group())
    return (value, qualifier) if value is not None else None


def _header(cells: list[_Cell], at: int) -> tuple[bool, bool, list[_Column], int] | None:
    """The header whose name column is ``cells[at]``: (has an index column, has a unit
    column, the value columns, the index of the first row's first cell)."""
    indexed = at > 0 and _role_name(cells[at - 1]) == "index"
    j = at + 1
    with_unit = j < len(cells) and _role_name(cells[j]) == "unit"
    j += with_unit
    columns = []
    while j < len(cells) and (role := _role(cells[j])) is not None and role[0] in _KINDS:
        columns.append(_Column(_KINDS[role[0]], role[1]))
        j += 1
    return (indexed, with_unit, columns, j) if columns else None


def _title_year(cells: list[_Cell], at: int) -> str | None:
    for cell in reversed(cells[max(0, at - _TITLE_REACH) : at]):
        if found := _YEAR.search(cell.text):
            return found.group(1)
    return None


def read(doc: Document, jurisdiction: Division | None) -> list[Table]:
    """Every table of indicators in the text, each value cell a target or an outcome of the
    document's own area (``jurisdiction``)."""
    with_names = bool(_name_header().search(doc.text))
    with_parts = bool(_count_header().search(doc.text))
    if not (with_names or with_parts):
        return []
    cells = _cells(doc.text)
    tables = _breakdowns(doc, cells, jurisdiction) if with_parts else []
    if not with_names:
        return tables
    periods: Periods | None = None
    for at, cell in enumerate(cells):
        if _role_name(cell) != "name":
            continue
        header = _header(cells, at)
        if header is None:
            continue
        indexed, with_unit, columns, j = header
        title_year = _title_year(cells, at - indexed)
        found: list[Measurement] = []
        row_number = 1
        while True:
            row = _row(cells, j, indexed, with_unit, len(columns), row_number)
            if row is None:
                break
            name, unit_word, values, j = row
            row_number += 1
            unit = _unit(unit_word)
            if unit is None:
                continue
            notation, scale = unit
            indicator = _BRACKETED_UNIT.sub("", name.text)
            for column, cell_value in zip(columns, values, strict=True):
                if cell_value is None:
                    continue
                value_cell, (value, qualifier) = cell_value
                year = column.year or title_year
                if year is None:
                    periods = periods or Periods(doc, metadata.extract(doc).issued)
                    period = periods.of(value_cell.start, (name.start, value_cell.end), name.start)
                    label, inferred = (period.label, True) if period else (None, False)
                else:
                    label, inferred = year, False
                found.append(
                    _cell_measurement(
                        doc,
                        column.kind,
                        (name, value_cell),
                        (tidy(value * scale), notation, qualifier),
                        (indicator, doc.span(name.start, name.start + len(indicator))),
                        jurisdiction,
                        (label, inferred),
                    )
                )
        if found:
            tables.append(Table(doc.span(cell.start, cells[j - 1].end), tuple(found)))
    return tables


def _row(
    cells: list[_Cell], j: int, indexed: bool, with_unit: bool, width: int, number: int
) -> tuple[_Cell, str, list[tuple[_Cell, tuple[Decimal, Qualifier]] | None], int] | None:
    """The row starting at ``cells[j]``: its name cell, unit word, value cells (None where a
    cell says there is none) and the index after it; None where the table's shape ends."""
    if indexed:
        if j >= len(cells) or cells[j].text.strip("（()）.、") != str(number):
            return None
        j += 1
    if j >= len(cells) or ARABIC_RE.fullmatch(cells[j].text) or _role(cells[j]):
        return None
    name = cells[j]
    j += 1
    if with_unit:
        if j >= len(cells):
            return None
        unit_word = cells[j].text.strip("（()）")
        j += 1
    else:
        bracketed = _BRACKETED_UNIT.search(name.text)
        unit_word = bracketed.group(1).strip() if bracketed else ""
    values: list[tuple[_Cell, tuple[Decimal, Qualifier]] | None] = []
    for _ in range(width):
        if j >= len(cells):
            return None
        cell = cells[j]
        j += 1
        if cell.text in _NO_VALUE:
            values.append(None)
            continue
        read = _value(cell.text, unit_word)
        if read is None:
            return None
        values.append((cell, read))
    return name, unit_word, values, j


def _bracketed(cell: _Cell) -> tuple[str, str]:
    """A header's role and the unit in its brackets (年末数(万人) -> count, 万人)."""
    unit = _BRACKETED_UNIT.search(cell.text)
    head = cell.text[: unit.start()] if unit else cell.text
    return _headers().get(head.strip(), ""), unit.group(1).strip() if unit else ""


def _title(cell: _Cell) -> tuple[str, str | None]:
    """The indicator a breakdown's title names and its year (1 2021 年年末常住人口数及构成 ->
    年末常住人口, 2021)."""
    text = _TITLE_NUMBER.sub("", cell.text, count=1)
    year = _TITLE_YEAR.match(text)
    if year:
        text = text[year.end() :].lstrip(" \u3000")
    indicator = _TITLE_TAIL.sub("", text.replace(" ", "").replace("\u3000", ""))
    return indicator, (year.group(1) or year.group(2)) if year else None


def _breakdowns(doc: Document, cells: list[_Cell], jurisdiction: Division | None) -> list[Table]:
    """Every table of one indicator's parts: the title names the indicator, a count column and
    a share column follow, and each row is a part with its count and its share (outcomes)."""
    tables = []
    for at in range(1, len(cells) - 1):
        role, unit_word = _bracketed(cells[at])
        if role != "count" or not unit_word or _bracketed(cells[at + 1])[0] != "share":
            continue
        unit = _unit(unit_word)
        indicator, year = _title(cells[at - 1])
        if unit is None or not indicator or ARABIC_RE.search(indicator):
            continue
        rows = []
        j = at + 2
        while j + 2 < len(cells) and (row := _part(cells, j, unit_word)) is not None:
            rows.append(row)
            j += 3
        if not rows:
            continue
        found = _part_measurements(doc, rows, unit, indicator, year, jurisdiction)
        if found:
            tables.append(Table(doc.span(cells[at].start, cells[j - 1].end), tuple(found)))
    return tables


_Part = tuple[_Cell, str, tuple[_Cell, Decimal, Qualifier], tuple[_Cell, Decimal, Qualifier]]


def _part(cells: list[_Cell], j: int, unit_word: str) -> _Part | None:
    """The row at ``cells[j]``: its part's name (a # marking a sub-part dropped), its count and
    its share; None where the table's shape ends."""
    name = cells[j]
    if ARABIC_RE.fullmatch(name.text) or _bracketed(name)[0]:
        return None
    count = _value(cells[j + 1].text, unit_word)
    share = _value(cells[j + 2].text, "%")
    if count is None or share is None:
        return None
    part = name.text.lstrip("#＃").replace(" ", "").replace("\u3000", "")
    return name, part, (cells[j + 1], *count), (cells[j + 2], *share)


def _part_measurements(
    doc: Document,
    rows: list[_Part],
    unit: tuple[str, Decimal],
    indicator: str,
    year: str | None,
    jurisdiction: Division | None,
) -> list[Measurement]:
    notation, scale = unit
    whole = rows[0][2][1] if rows[0][3][1] == 100 else None
    found = []
    for name, part, count, share in rows:
        if whole and abs(count[1] * 100 / whole - share[1]) > _SHARE_SLACK:
            continue
        whole_share = f"{indicator}比重"
        label, share_label = (
            (indicator, whole_share)
            if part in indicator
            else (f"{indicator}{PART_MARK}{part}", f"{whole_share}{PART_MARK}{part}")
        )
        for (cell, value, qualifier), unit_notation, factor, written in (
            (count, notation, scale, label),
            (share, "PERCENT", Decimal(1), share_label),
        ):
            found.append(
                _cell_measurement(
                    doc,
                    Kind.OUTCOME,
                    (name, cell),
                    (tidy(value * factor), unit_notation, qualifier),
                    (written, None),
                    jurisdiction,
                    (year, False),
                )
            )
    return found


def _cell_measurement(
    doc: Document,
    kind: Kind,
    row: tuple[_Cell, _Cell],
    quantity: tuple[Decimal, str, Qualifier],
    indicator: tuple[str, Span | None],
    area: Division | None,
    period: tuple[str | None, bool],
) -> Measurement:
    """The measurement of a value cell: its quantity spans the cell, the measurement the row
    from its name cell (``row``: name, value) to the value."""
    name, cell = row
    return Measurement(
        kind=kind,
        quantity=Quantity(
            span=doc.span(cell.start, cell.end),
            value=quantity[0],
            unit=quantity[1],
            qualifier=quantity[2],
        ),
        span=doc.span(name.start, cell.end),
        indicator=indicator[0],
        indicator_span=indicator[1],
        area=area,
        period=period[0],
        period_inferred=period[1],
    )
