"""Bad input, second round (issue 16): no silent loss, no unbounded time or memory, no internal
errors.  docs/bad-inputs.md lists each case with what it gets."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.test_bad_input import one_error_line, run

ARTICLE = "丽江市永胜县脱贫攻坚取得决定性成就，全县贫困发生率降至0.5%。\n"


# --- 1. output names keep the whole stem; collisions are of the names written -------------------


@pytest.mark.parametrize(
    ("names", "written"),
    [
        (("r.v1.txt", "r.v2.txt"), ("r.v1", "r.v2")),
        (("x.ttl.txt", "x.txt"), ("x.ttl", "x")),
        (("a.txt", "a.zh-Hans.txt"), ("a", "a.zh-Hans")),
    ],
)
def test_dotted_names_write_their_own_outputs(
    tmp_path: Path, names: tuple[str, str], written: tuple[str, str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(names):
        (folder / name).write_text(f"第{number + 1}篇。{ARTICLE}", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = run("build", "--no-store", "-o", str(out), str(folder))
    assert code == 0, err
    assert "2 built" in stdout
    for stem in written:
        assert (out / f"{stem}.ttl").is_file()
        assert (out / f"{stem}.jsonld").is_file()
    assert len(list(out.glob("*.ttl"))) == 2


def test_two_inputs_writing_one_name_are_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "a.report.txt"
    for path in (first, second):
        path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("build", "--no-store", "-o", str(tmp_path / "out"), str(first), str(second))
    assert code == 2
    assert one_error_line(err) == (
        f"Error: {first} and {second} would both write a.report.ttl "
        "(rename one or build them into different folders)"
    )


def test_report_collisions_name_the_html_page(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first, second = tmp_path / "one" / "a.txt", tmp_path / "two" / "a.txt"
    for path in (first, second):
        path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("report", "-o", str(tmp_path / "out"), str(first), str(second))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {first} and {second} would both write a.html")


# --- 7. spreadsheet formulas in CSV ---------------------------------------------------------------


def test_export_csv_neutralises_a_quote_that_starts_a_formula(tmp_path: Path) -> None:
    article = tmp_path / "formula.txt"
    article.write_text("@SUM(1)全县新建厂房12个。\n", encoding="utf-8")
    out = tmp_path / "rows.csv"
    code, _, err = run("export", str(article), "--csv", str(out))
    assert code == 0, err
    (row,) = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert row["quote"] == "'@SUM(1)全县新建厂房12个"
    assert row["value"] == "12"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start: str) -> None:
    from kg.review.export import COLUMNS, to_csv

    row = dict.fromkeys(COLUMNS, "")
    row |= {"quote": f"{start}cmd|' /C calc'!A0", "value": "-3", "area": "永胜县"}
    (parsed,) = list(csv.DictReader(to_csv([row]).decode("utf-8-sig").splitlines(True)))
    assert parsed["quote"] == f"'{start}cmd|' /C calc'!A0"
    assert parsed["value"] == "-3"  # a number stays a number
    assert parsed["area"] == "永胜县"
