"""Targets and outcomes as spreadsheet rows: CSV (UTF-8 with BOM) and a minimal XLSX.

One row per target or outcome, in a stable order (documents as given, then the order
``kg.rdf.graph`` numbers observations in), with the document, the quote and its original offsets
(those of the graph's ``oa:TextPositionSelector``) and every attribute.  Both writers are pure
functions of the rows: the same input gives the same bytes.  The XLSX writer needs nothing
beyond the standard library: a workbook of one sheet with inline strings, which Excel,
LibreOffice and openpyxl read.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from kg.rdf.graph import measurements_in_order
from kg.review.page import collect

if TYPE_CHECKING:
    from kg.pipeline import Result

COLUMNS: tuple[str, ...] = (
    "document",
    "file",
    "observation",
    "kind",
    "quote",
    "start",
    "end",
    "number",
    "number_start",
    "number_end",
    "value",
    "unit",
    "classifier",
    "qualifier",
    "baseline",
    "indicator",
    "area",
    "area_code",
    "programme",
    "period",
    "issues",
)
"""The columns, in order.  ``quote``/``start``/``end`` are the clause that states the fact (the
provenance quote), ``number``/``number_start``/``number_end`` the number within it; offsets are
code points into the input as read, end exclusive.  ``value`` and ``baseline`` are normalised
(4.43万 -> 44300); ``unit`` is the contract's notation; ``area`` defaults to the document's."""

NUMERIC = frozenset({"start", "end", "number_start", "number_end", "value", "baseline"})
"""Columns written as numbers in the workbook."""

Row = dict[str, str]


def _decimal(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


def rows(result: Result, base: str | None = None, file: str | None = None) -> list[Row]:
    """One row per target or outcome of a processed document.

    ``file`` is the input's file name (default: the document's name with ``.txt``).
    """
    review = collect(result, base)
    doc, facts = result.doc, result.facts
    by_id = review.by_id()
    out = []
    for measurement in measurements_in_order(facts.measurements):
        q = measurement.quantity
        fact = by_id[review.ids[id(measurement)]]
        start, end = measurement.span.original_offsets
        n_start, n_end = q.span.original_offsets
        area = measurement.area or facts.jurisdiction
        issues = review.issues.get(fact.id, [])
        out.append(
            {
                "document": str(review.document_iri),
                "file": file or f"{doc.name}.txt",
                "observation": str(review.observation_iris[id(measurement)]),
                "kind": measurement.kind.value,
                "quote": doc.original[start:end],
                "start": str(start),
                "end": str(end),
                "number": doc.original[n_start:n_end],
                "number_start": str(n_start),
                "number_end": str(n_end),
                "value": _decimal(q.value),
                "unit": q.unit,
                "classifier": q.classifier or "",
                "qualifier": q.qualifier.value,
                "baseline": _decimal(q.baseline),
                "indicator": measurement.indicator,
                "area": area.name if area else "",
                "area_code": (area.code or "") if area else "",
                "programme": measurement.programme or "",
                "period": measurement.period or "",
                "issues": "; ".join(f"{r.severity}: {r.message}" for r in issues),
            }
        )
    return out


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet program read a CSV cell as a formula (OWASP, "CSV
Injection")."""

_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def neutralise(column: str, value: str) -> str:
    """``value`` safe to open in a spreadsheet: a text cell that would start a formula gets a
    leading apostrophe, as OWASP recommends (``=HYPERLINK(…)`` -> ``'=HYPERLINK(…)``); a number
    in a numeric column (``-3``) stays a number."""
    if not value.startswith(_FORMULA_STARTS):
        return value
    if column in NUMERIC and _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def to_csv(table: list[Row]) -> bytes:
    """The rows as CSV with a header, UTF-8 with a BOM (spreadsheet programs need it to read
    Chinese), CRLF line ends as RFC 4180 has them.  Cells that would start a formula are
    neutralised (:func:`neutralise`); the workbook needs no such care, its cells are strings."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({c: neutralise(c, v) for c, v in row.items()} for row in table)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- XLSX --------------------------------------------------------------------------------------

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_STATIC = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="measurements" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _cell(ref: str, value: str, numeric: bool) -> str:
    if value == "":
        return ""
    if numeric:
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = escape(_NOT_XML.sub("\ufffd", value))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet(table: list[Row]) -> str:
    lines = []
    for r, row in enumerate([{c: c for c in COLUMNS}, *table], start=1):
        cells = "".join(
            _cell(f"{_column(i)}{r}", row[c], r > 1 and c in NUMERIC) for i, c in enumerate(COLUMNS)
        )
        lines.append(f'<row r="{r}">{cells}</row>')
    last = f"{_column(len(COLUMNS) - 1)}{len(table) + 1}"
    return (
        f'<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        f"</sheetView></sheetViews><sheetData>{''.join(lines)}</sheetData>"
        f'<autoFilter ref="A1:{last}"/></worksheet>'
    )


def to_xlsx(table: list[Row]) -> bytes:
    """The rows as a one-sheet workbook (header frozen, with a filter), byte-identical for
    the same rows."""
    parts = {**_STATIC, "xl/worksheets/sheet1.xml": _sheet(table)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (_DECL + xml).encode("utf-8"))
    return buffer.getvalue()


__all__ = ["COLUMNS", "NUMERIC", "Row", "neutralise", "rows", "to_csv", "to_xlsx"]
