"""kg export: CSV (UTF-8 with BOM) and XLSX rows of targets and outcomes."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from test_review import ARTICLE, make_result

from kg.cli import cli
from kg.pipeline import Result
from kg.review.export import COLUMNS, rows, to_csv, to_xlsx

NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


@pytest.fixture(scope="module")
def invented() -> Result:
    return make_result()


def _parse_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_one_row_per_measurement_with_every_attribute(invented: Result) -> None:
    table = rows(invented)
    assert len(table) == len(invented.facts.measurements) == 4
    assert all(list(row) == list(COLUMNS) for row in table)
    target = next(row for row in table if row["kind"] == "Target")
    assert target["quote"] == "全縣<農村>居民人均可支配收入&增長10%以上"
    assert target["number"] == "10%以上"
    assert target["value"] == "10"
    assert target["unit"] == "PERCENT"
    assert target["qualifier"] == "AtLeast"
    assert target["period"] == "2025"
    assert (target["area"], target["area_code"]) == ("镇宁布依族苗族自治县", "520423")
    road = next(row for row in table if row["unit"] == "KM")
    assert road["area_code"] == "999999" and road["qualifier"] == "MoreThan"
    for row in table:
        start, end = int(row["start"]), int(row["end"])
        assert invented.doc.original[start:end] == row["quote"]
        n_start, n_end = int(row["number_start"]), int(row["number_end"])
        assert invented.doc.original[n_start:n_end] == row["number"]
        assert row["document"].endswith("/doc/" + invented.doc.sha256[:16])
        assert row["file"] == "invented.txt"


def test_observation_iris_are_the_graphs(invented: Result) -> None:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg.rdf.namespace import FP

    for row in rows(invented):
        assert (URIRef(row["observation"]), RDF.type, FP[row["kind"]]) in invented.graph


def test_csv_parses_back_with_chinese_intact_and_bom(invented: Result) -> None:
    table = rows(invented)
    data = to_csv(table)
    parsed = _parse_csv(data)
    assert parsed == table
    assert "易地扶贫搬迁" in data.decode("utf-8-sig")
    assert data == to_csv(rows(make_result()))  # stable order, same bytes


def test_xlsx_holds_the_same_rows(invented: Result) -> None:
    table = rows(invented)
    data = to_xlsx(table)
    assert data == to_xlsx(rows(make_result()))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    got = []
    for row in sheet.iterfind(".//x:sheetData/x:row", NS):
        cells = {}
        for cell in row.iterfind("x:c", NS):
            column = "".join(ch for ch in cell.get("r", "") if ch.isalpha())
            text = cell.findtext("x:is/x:t", namespaces=NS)
            cells[column] = text if text is not None else cell.findtext("x:v", namespaces=NS)
        got.append(cells)
    header = [got[0][k] for k in sorted(got[0], key=lambda c: (len(c), c))]
    assert header == list(COLUMNS)
    assert len(got) == len(table) + 1
    letters = sorted(got[0], key=lambda c: (len(c), c))
    for cells, row in zip(got[1:], table, strict=True):
        assert {COLUMNS[letters.index(k)]: v for k, v in cells.items()} == {
            k: v for k, v in row.items() if v != ""
        }


def test_xlsx_reads_in_openpyxl_where_installed(invented: Result) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl not installed")
    table = rows(invented)
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(table)))
    values = list(book.active.iter_rows(values_only=True))
    assert list(values[0]) == list(COLUMNS)
    assert values[1][COLUMNS.index("quote")] == table[0]["quote"]


def test_export_command(tmp_path: Path) -> None:
    article = tmp_path / "镇宁.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out_csv, out_xlsx = tmp_path / "out" / "rows.csv", tmp_path / "out" / "rows.xlsx"
    result = CliRunner().invoke(
        cli, ["export", str(article), "--csv", str(out_csv), "--xlsx", str(out_xlsx)]
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[0]
        == f"wrote {len(_parse_csv(out_csv.read_bytes()))} rows to {out_csv}"
    )
    parsed = _parse_csv(out_csv.read_bytes())
    assert {row["file"] for row in parsed} <= {"镇宁.txt"}
    assert zipfile.is_zipfile(out_xlsx)
    assert not list(out_csv.parent.glob(".*.tmp"))


def test_export_command_needs_an_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: nothing to write (give --csv PATH and/or --xlsx PATH)"


def test_export_of_the_sample(sample_result: Result) -> None:
    table = rows(sample_result)
    assert len(table) == len(sample_result.facts.measurements)
    parsed = _parse_csv(to_csv(table))
    assert parsed == table
    for row in parsed:
        start, end = int(row["start"]), int(row["end"])
        assert sample_result.doc.original[start:end] == row["quote"]
