"""Answers people can read (issue 17 part 2): cleaned, trimmed and marked evidence, one row per
programme, match and area, and tables fitted to the terminal by display width."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store.backends import EmbeddedStore
from kg.store.excerpts import clean_quote, evidence_rank, excerpt
from kg.store.table import cut, display_width, render_table, terminal_width, wrap

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = sorted((ROOT / "build").glob("*.ttl"))
READING = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
"""A pinyin reading pasted after a character, as the sample has them: 時(shí)."""


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample as ``kg build`` writes it (tests/test_cli_build.py keeps build/
    current), in a store."""
    path = tmp_path_factory.mktemp("sample") / "store"
    EmbeddedStore(path).load(SAMPLE)
    return path


def ask(store: Path, *args: str, columns: str = "120") -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--store", str(store)], env={"COLUMNS": columns})
    return result.exit_code, result.stdout, result.stderr


def test_the_first_answer_a_user_sees_is_readable(sample_store: Path) -> None:
    """Issue 17's done-when: with COLUMNS=120 every line fits, holds no pinyin reading, and no
    programme appears twice with the same match and area."""
    code, table, _ = ask(sample_store, "query", "programmes", "--area", "永胜县")
    assert code == 0
    lines = table.splitlines()
    assert len(lines) > 10
    assert all(display_width(line) <= 120 for line in lines), max(lines, key=display_width)
    assert not any(READING.search(line) for line in lines)
    rows = [line.split() for line in lines[2:] if not line.startswith(" ")]
    keys = [(row[0], row[1], row[2]) for row in rows]
    assert len(keys) == len(set(keys))
    assert "【" in table and "】" in table  # the programme's name marked in its quote
    assert "85ca54d9" not in table  # documents by title, not by hash
    assert "lijiang-2020-06-10.txt" in table


def test_json_keeps_the_exact_quote_and_adds_the_cleaned_one(sample_store: Path) -> None:
    code, out, _ = ask(sample_store, "query", "programmes", "--area", "永胜县", "--format", "json")
    assert code == 0
    original = (ROOT / "kg" / "data" / "sample").glob("*.txt")
    text = next(iter(original)).read_text(encoding="utf-8")
    for record in json.loads(out):
        assert record["mentions"] == len(record["evidence"]) >= 1
        assert record["documents"] == 1
        for item in record["evidence"]:
            assert text[item["start"] : item["end"]] == item["quote"]
            assert not READING.search(item["quote_clean"])
            assert item["title"] == "在新思想的指引下,奮力書寫脫貧攻堅麗江答卷"
            assert item["file"] == "lijiang-2020-06-10.txt"


def test_officials_of_an_area(sample_store: Path) -> None:
    code, out, _ = ask(sample_store, "query", "officials", "--area", "麗江", "--format", "json")
    assert code == 0
    answer = json.loads(out)
    assert {(r["name"], r["role_label"], r["organisation_label"]) for r in answer} == {
        ("何玉蘭", "副書記", "中共麗江市委"),
        ("何玉蘭", "部長", "市委宣傳部"),
    }
    assert {r["area_label"] for r in answer} == {"麗江市"}
    code, _, err = ask(sample_store, "query", "officials", "--area", "永胜县")
    assert (code, err) == (
        0,
        "no official holds a post in a body of 永胜县 (530722) in 1 document\n",
    )


@pytest.mark.parametrize("args", [[], ["--org", "中共丽江市委", "--area", "丽江市"]])
def test_officials_takes_one_of_org_or_area(sample_store: Path, args: list[str]) -> None:
    code, _, err = ask(sample_store, "query", "officials", *args)
    assert (code, err) == (2, "Error: give one of --org NAME or --area NAME\n")


# --- evidence --------------------------------------------------------------------------------


def test_a_quote_is_cleaned_trimmed_and_marked() -> None:
    quote = (
        "同時(shí),通過(guò)推廣“愛(ài)心超市”、“5分錢(qián)”工程、"
        "紅黑榜等激勵(lì)措施,探索創(chuàng)新生產(chǎn)"
    )
    cleaned = "同時,通過推廣“愛心超市”、“5分錢”工程、紅黑榜等激勵措施,探索創新生產"
    assert clean_quote(quote) == cleaned
    # the match is written in the other script: found all the same
    assert excerpt(quote, ["“5分钱”工程"], context=4) == "…超市”、【“5分錢”工程】、紅黑榜…"
    assert excerpt(quote, ["不在其中"], context=4) == "同時,通過推廣“…"


def test_the_best_evidence_is_a_sentence_around_the_name() -> None:
    name = ["三大工程"]
    assert evidence_rank("永勝縣實施「三大工程」", name) == 0
    assert evidence_rank("三大工程", name) == 1
    assert evidence_rank("無關的句子", name) == 2


# --- tables ----------------------------------------------------------------------------------


def test_display_width_counts_cjk_as_two_columns() -> None:
    assert display_width("永胜县abc") == 9
    assert cut("麗江市脫貧攻堅", 7) == "麗江市…"
    assert display_width(cut("麗江市脫貧攻堅", 7)) <= 7
    assert wrap("麗江市脫貧攻堅", 6) == ["麗江市", "脫貧攻", "堅"]


def test_a_table_fits_its_width_by_wrapping_and_cutting() -> None:
    rows = [["direct", "文旅扶貧工程" * 3, "实施文旅扶贫工程" * 5]]
    table = render_table(["match", "programme", "evidence"], rows, 50, wrap_columns={"evidence"})
    lines = table.splitlines()
    assert all(display_width(line) <= 50 for line in lines)
    assert "…" in lines[2]  # the programme cut
    assert "".join(line[line.index("实") :] for line in lines[2:] if "实" in line).count("实") > 1
    assert "".join(lines[2:]).count("施") == 5  # the evidence wrapped, whole


def test_columns_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "57")
    assert terminal_width() == 57
    assert max(map(display_width, render_table(["a"], [["字" * 60]]).splitlines())) <= 57
