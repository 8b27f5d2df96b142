"""The gazetteer: names, short forms, codes, the tree, villages, user queries."""

from __future__ import annotations

import pytest

from kg import gazetteer
from kg.facts import Level


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


def test_names_index_and_keys() -> None:
    assert gazetteer.is_name("丽江") and not gazetteer.is_name("=530700")
    assert gazetteer.max_name_length() >= len("积石山保安族东乡族撒拉族自治县")
    township = gazetteer.resolve("东山乡", gazetteer.by_code("530722"))
    assert township is not None and township.key == "530722/township/东山傈僳族彝族乡"
