"""The gazetteer: names, short forms, codes, the tree, villages, user queries."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import gazetteer
from kg.extract.facts import Division, Level
from kg.resources import data_path


def test_full_and_short_names_find_the_county() -> None:
    for name in ("永胜县", "永胜"):
        assert [d.code for d in gazetteer.lookup(name) if d.level is Level.COUNTY] == ["530722"]
    assert [d.code for d in gazetteer.lookup("玉龙县")] == ["530721"]
    assert [d.code for d in gazetteer.lookup("宁蒗县")] == ["530724"]


def test_parent_chain_is_filled() -> None:
    township = gazetteer.resolve("东山乡", gazetteer.by_code("530722"))
    assert township is not None
    assert township.name == "东山傈僳族彝族乡"
    assert township.level is Level.TOWNSHIP and township.code is None
    assert [d.code for d in township.chain()[1:]] == ["530722", "530700", "530000"]


def test_one_object_per_entry() -> None:
    assert gazetteer.by_code("530700") is gazetteer.lookup("丽江")[0]
    county = gazetteer.by_code("530722")
    assert county is not None and county.parent is gazetteer.by_code("530700")


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        ("玉龙纳西族自治县", Level.COUNTY, ("玉龙县", "玉龙")),
        ("宁蒗彝族自治县", Level.COUNTY, ("宁蒗县", "宁蒗")),
        ("东山傈僳族彝族乡", Level.TOWNSHIP, ("东山乡", "东山")),
        ("黔西南布依族苗族自治州", Level.PREFECTURE, ("黔西南州", "黔西南")),
        ("巴音郭楞蒙古自治州", Level.PREFECTURE, ("巴音郭楞州", "巴音郭楞")),
        ("东乡族自治县", Level.COUNTY, ("东乡县", "东乡")),
        ("龙胜各族自治县", Level.COUNTY, ("龙胜县", "龙胜")),
        ("广西壮族自治区", Level.PROVINCE, ("广西",)),
        ("黑龙江省", Level.PROVINCE, ("黑龙江",)),
        ("三川镇", Level.TOWNSHIP, ("三川",)),
        ("新县", Level.COUNTY, ()),
    ],
)
def test_short_forms(name: str, level: Level, expected: tuple[str, ...]) -> None:
    assert gazetteer.short_forms(name, level) == expected


def test_municipalities_and_county_level_cities_hang_under_the_province() -> None:
    district = gazetteer.by_code("500101")  # 重庆市万州区
    assert district is not None and district.parent is gazetteer.by_code("500000")
    xiantao = gazetteer.by_code("429004")
    assert xiantao is not None and xiantao.name == "仙桃市"
    assert xiantao.parent is gazetteer.by_code("420000")
    town = gazetteer.resolve("虎门镇", gazetteer.by_code("441900"))  # 东莞: no counties
    assert town is not None and town.parent is gazetteer.by_code("441900")


def test_resolve_prefers_the_context_then_the_highest_level() -> None:
    yunnan = gazetteer.by_code("530000")
    lijiang = gazetteer.by_code("530700")
    assert gazetteer.resolve("永胜", lijiang) is gazetteer.by_code("530722")
    assert gazetteer.resolve("云南", lijiang) is yunnan
    assert gazetteer.resolve("海南") is gazetteer.by_code("460000")
    assert gazetteer.resolve("东山乡") is None  # many, and no context
    assert gazetteer.resolve("没有这个地方") is None


def test_former_names() -> None:
    assert [d.code for d in gazetteer.lookup("襄樊市")] == ["420600"]


def test_search_takes_traditional_short_and_codes() -> None:
    for query in ("永勝縣", "永胜县", "永胜", "530722", " 永勝 "):
        assert gazetteer.by_code("530722") in gazetteer.search(query), query
    assert [d.code for d in gazetteer.search("玉龍縣")] == ["530721"]
    assert gazetteer.search("999999") == []
    assert gazetteer.search("不存在的地名") == []


def test_closest_suggests_known_names() -> None:
    assert "永胜县" in gazetteer.closest("永生县")


def test_villages_load_on_demand() -> None:
    county = gazetteer.by_code("621123")  # 甘肃省定西市渭源县
    assert county is not None
    names = {v.name: v for v in gazetteer.villages(county)}
    village = names["元古堆村"]
    assert village.level is Level.VILLAGE and village.code is None
    assert village.parent is not None and village.parent.name == "田家河乡"
    assert village.chain()[2] is county
    assert gazetteer.villages(county)[0] is gazetteer.villages(county)[0]


def test_villages_named_in_a_text_are_those_of_the_whole_list_it_holds() -> None:
    county = gazetteer.by_code("621123")  # 甘肃省定西市渭源县
    assert county is not None
    text = "记者来到元古堆村，又去了邻县的某某村。"
    named = gazetteer.villages(county, named_in=text)
    assert [v.name for v in named] == [v.name for v in gazetteer.villages(county) if v.name in text]
    assert [v.name for v in named] == ["元古堆村"]
    assert (
        named[0]
        is gazetteer.villages(county)[
            [v.name for v in gazetteer.villages(county)].index("元古堆村")
        ]
    )


def test_a_county_s_villages_and_then_its_townships_in_one_text_are_searched_for_once() -> None:
    county = gazetteer.by_code("621123")  # 甘肃省定西市渭源县
    assert county is not None
    text = "记者来到元古堆村，看了元古堆村的新房。"
    named = gazetteer.villages(county, named_in=text)
    township = named[0].parent
    assert township is not None
    searched = dict(gazetteer._named_by_township(text))
    assert len(searched) > 1  # every township of the county, once
    assert gazetteer.villages(township, named_in=text) == named
    assert gazetteer._named_by_township(text) == searched  # nothing searched again


def test_names_index_and_keys() -> None:
    assert gazetteer.is_name("丽江") and not gazetteer.is_name("=530700")
    assert gazetteer.max_name_length() >= len("积石山保安族东乡族撒拉族自治县")
    township = gazetteer.resolve("东山乡", gazetteer.by_code("530722"))
    assert township is not None and township.key == "530722/township/东山傈僳族彝族乡"


# --- the fast paths give what the plain data gives --------------------------------------------


def test_name_lengths_at_is_every_length_tried() -> None:
    names = [
        n
        for n in (
            "云南省",
            "丽江市",
            "玉龙纳西族自治县",
            "东山乡",
            "积石山保安族东乡族撒拉族自治县",
        )
    ]
    text = "".join(names) + "江市永胜县和金沙江边的北京" + names[-1][:-1]
    longest = gazetteer.max_name_length()
    for start in range(len(text)):
        expected = [
            n
            for n in range(min(longest, len(text) - start), 1, -1)
            if gazetteer.is_name(text[start : start + n])
        ]
        assert gazetteer.name_lengths_at(text, start) == expected, start


def _reference_villages() -> dict[int, list[str]]:
    """Township row -> village names, read the plain way from the data file."""
    out: dict[int, list[str]] = {}
    with gzip.open(data_path(gazetteer.VILLAGES_FILE), "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                row, _, names = line.rstrip("\n").partition("\t")
                out[int(row)] = names.split("|")
    return out


def _reference_rows() -> list[list[str]]:
    text = data_path(gazetteer.DIVISIONS_FILE).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_villages_of_a_division_are_those_of_the_whole_file() -> None:
    rows = _reference_rows()
    reference = _reference_villages()
    parents = {row: int(fields[4]) if fields[4] else None for row, fields in enumerate(rows)}

    def inside(row: int, top: int) -> bool:
        current: int | None = row
        while current is not None and current != top:
            current = parents[current]
        return current == top

    for code in ("621123", "433124", "530700"):  # 渭源县, 花垣县, 丽江市
        division = gazetteer.by_code(code)
        assert division is not None
        top = next(row for row, fields in enumerate(rows) if fields[3] == code)
        expected = [
            (rows[row][1], name)
            for row in sorted(reference)
            if inside(row, top)
            for name in reference[row]
        ]
        got = gazetteer.villages(division)
        assert [(v.parent.name if v.parent else "", v.name) for v in got] == expected, code
    township = gazetteer.resolve("田家河乡", gazetteer.by_code("621123"))
    assert township is not None
    row = next(
        r for r in reference if rows[r][1] == "田家河乡" and rows[parents[r] or 0][3] == "621123"
    )
    assert [v.name for v in gazetteer.villages(township)] == reference[row]


def test_children_follow_the_parent_column() -> None:
    rows = _reference_rows()
    by_parent: dict[int, list[str]] = {}
    for fields in rows:
        by_parent.setdefault(int(fields[4]) if fields[4] else -1, []).append(fields[1])
    assert [d.name for d in gazetteer.children(None)] == by_parent[-1]
    for code in ("530000", "530700", "530722", "441900", "500000"):
        division = gazetteer.by_code(code)
        assert division is not None
        row = next(r for r, fields in enumerate(rows) if fields[3] == code)
        assert [d.name for d in gazetteer.children(division)] == by_parent.get(row, []), code


def test_rows_out_of_tree_order_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "divisions.tsv").write_text(
        "P\t甲省\t甲\t100000\t\t\nP\t乙省\t乙\t200000\t\t\nC\t丙县\t丙\t100001\t0\t\n",
        encoding="utf-8",
    )
    (folder / "names.tsv").write_text("甲省\t0\n乙省\t1\n丙县\t2\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "data_path", lambda name: tmp_path / name)
    with pytest.raises(ValueError, match="row 2"):
        gazetteer._build_table()


_LOADS = """
import sys
built = []
sys.setprofile(
    lambda frame, event, arg: event == "call"
    and frame.f_code.co_name.startswith("_build_")
    and built.append(frame.f_code.co_name)
)
from kg.extract import gazetteer
county = gazetteer.by_code("621123")
answer = [d.key for d in gazetteer.lookup("永胜")], [v.name for v in gazetteer.villages(county)]
sys.setprofile(None)
print(sorted(built))
print(gazetteer.max_name_length(), gazetteer.name_lengths_at("丽江市", 0), answer)
"""


def test_a_fresh_process_loads_the_tables_from_the_cache(tmp_path: Path) -> None:
    env = dict(os.environ, KG_CACHE_DIR=str(tmp_path / "cache"))

    def run() -> str:
        """What the builders ran, then the answers."""
        done = subprocess.run(
            [sys.executable, "-c", _LOADS], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    (built, first), (loaded, second) = run().splitlines(), run().splitlines()
    assert (built, loaded) == ("['_build_table', '_build_villages']", "[]")
    assert first == second
    assert sorted(p.name.rsplit("-", 1)[0] for p in (tmp_path / "cache").iterdir()) == [
        "gazetteer-table",
        "gazetteer-villages",
    ]


def test_village_objects_are_made_once() -> None:
    county = gazetteer.by_code("621123")
    assert county is not None
    first: list[Division] = gazetteer.villages(county)
    assert all(a is b for a, b in zip(first, gazetteer.villages(county), strict=True))


def test_a_name_looked_up_again_gives_the_same_divisions_in_a_list_of_its_own() -> None:
    first = gazetteer.lookup("丽江")
    first.clear()  # a caller's list: changing it changes no later answer
    again = gazetteer.lookup("丽江")
    assert again and all(a is b for a, b in zip(again, gazetteer.lookup("丽江"), strict=True))
    assert gazetteer._looked_up.cache_info().hits >= 2
