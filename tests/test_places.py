"""The places extractor: mentions resolved to divisions, context, false places, jurisdiction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import gazetteer, places
from kg.extract.facts import Level, PlaceMention
from kg.resources import SAMPLE_ARTICLE, read_lines
from kg.text.document import Document
from kg.text.segment import Token, tokenize

ARTICLES = Path(__file__).parent / "articles"


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(text, full name, code) of every mention."""
    doc = Document.from_text(text)
    return [(m.span.text, m.division.name, m.division.code) for m in places.extract(doc)]


@pytest.fixture(scope="module")
def sample() -> tuple[Document, list[PlaceMention]]:
    doc = Document.from_path(SAMPLE_ARTICLE)
    return doc, places.extract(doc)


def test_sample_counties_and_prefecture(sample: tuple[Document, list[PlaceMention]]) -> None:
    doc, mentions = sample
    by_written = {m.span.written: m.division for m in mentions}
    assert by_written["麗江市"].code == "530700"
    assert by_written["玉龍縣"].code == "530721"
    assert by_written["永勝縣"].code == "530722"
    assert by_written["寧蒗縣"].code == "530724"
    assert by_written["麗江"].code == "530700"
    assert by_written["云南"].code == "530000"
    township = by_written["東山鄉"]
    assert township.name == "东山傈僳族彝族乡" and township.level is Level.TOWNSHIP
    assert township.parent is by_written["永勝縣"]


def test_sample_has_no_false_places(sample: tuple[Document, list[PlaceMention]]) -> None:
    doc, mentions = sample
    texts = {m.span.text for m in mentions}
    assert texts == {"丽江", "丽江市", "云南", "重庆", "玉龙县", "永胜县", "宁蒗县", "东山乡"}
    assert sum(m.span.text.startswith("丽江") for m in mentions) == doc.text.count("丽江")
    # every span is what it claims, in order, unmasked
    for m in mentions:
        assert doc.text[m.span.start : m.span.end] == m.span.text
        assert not doc.is_masked(m.span.start, m.span.end)
    assert [m.span.start for m in mentions] == sorted(m.span.start for m in mentions)


def test_sample_jurisdiction(sample: tuple[Document, list[PlaceMention]]) -> None:
    doc, mentions = sample
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.code == "530700"
    own = places.own_area_mentions(doc, jurisdiction)
    assert own and all(m.span.text == "全市" and m.division is jurisdiction for m in own)


def test_guizhou_county_report() -> None:
    text = (
        "中共望谟县委召开全县脱贫攻坚推进会。贵州省黔西南州望谟县位于麻山腹地，"
        "望谟县打易镇、郊纳镇易地扶贫搬迁项目进展顺利，我县将继续推进。"
    )
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    names = [(m.span.text, m.division.name) for m in mentions]
    assert ("黔西南州", "黔西南布依族苗族自治州") in names
    assert ("打易镇", "打易镇") in names and ("郊纳镇", "郊纳镇") in names
    town = next(m.division for m in mentions if m.span.text == "郊纳镇")
    assert town.parent is not None and town.parent.code == "522326"
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.code == "522326"
    own = places.own_area_mentions(doc, jurisdiction)
    assert [m.span.text for m in own] == ["全县", "我县"]


def test_gansu_village_story_with_villages() -> None:
    text = "甘肃省定西市渭源县田家河乡元古堆村，是总书记牵挂的地方。如今元古堆村家家通了自来水。"
    mentions = places.extract(Document.from_text(text))
    villages = [m for m in mentions if m.division.level is Level.VILLAGE]
    assert [m.span.text for m in villages] == ["元古堆村", "元古堆村"]
    assert villages[0].division is villages[1].division
    assert [d.name for d in villages[0].division.chain()] == [
        "元古堆村",
        "田家河乡",
        "渭源县",
        "定西市",
        "甘肃省",
    ]


def test_traditional_input() -> None:
    text = "會寧縣位於甘肅省中部，隸屬白銀市。會寧縣丁溝鄉的馬鈴薯產業帶動農戶增收。"
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    assert [(m.span.written, m.division.code) for m in mentions][:3] == [
        ("會寧縣", "620422"),
        ("甘肅省", "620000"),
        ("白銀市", "620400"),
    ]
    township = next(m.division for m in mentions if m.span.written == "丁溝鄉")
    assert township.parent is not None and township.parent.code == "620422"
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.code == "620422"


def test_ambiguous_short_names_resolved_by_the_preceding_county() -> None:
    # 东山乡 names ten townships; the county before it decides.
    assert found("四川省通江县东山乡")[-1][2:] == (None,)
    mentions = places.extract(Document.from_text("四川省通江县东山乡"))
    assert mentions[-1].division.parent is not None
    assert mentions[-1].division.parent.name == "通江县"
    mentions = places.extract(Document.from_text("云南省丽江市永胜县东山乡"))
    assert mentions[-1].division.parent is not None
    assert mentions[-1].division.parent.code == "530722"


def test_bare_short_form_needs_the_documents_area() -> None:
    # 永胜 alone is a county of Lijiang only in a text about Lijiang.
    assert ("永胜", "永胜县", "530722") in found("丽江市脱贫攻坚取得成效，永胜高质量脱贫摘帽。")
    assert not [m for m in found("他的名字叫永胜。") if m[0] == "永胜"]


def test_rivers_mountains_and_words_are_not_places() -> None:
    text = (
        "推进金沙江绿色经济走廊建设，融入长江经济带，乌蒙山区、大别山区、吕梁山区。"
        "聚焦县乡村，全市、市委、村庄、乡村振兴，东一榔头西一棒子不可取，"
        "实现金山银山，中心城区，市和县两级。"
    )
    assert found(text) == []


def test_unknown_clear_forms_are_kept_without_code() -> None:
    mentions = places.extract(Document.from_text("河南省信阳市新县田铺乡田铺大塆村发展乡村旅游。"))
    village = mentions[-1].division
    assert (mentions[-1].span.text, village.level, village.code) == (
        "田铺大塆村",
        Level.VILLAGE,
        None,
    )
    assert village.parent is not None and village.parent.name == "田铺乡"
    assert village.key.endswith("/village/田铺大塆村")
    # generic words before 村 make no village
    doc = Document.from_text("信阳市新县贫困村全部出列。")
    assert [m.span.text for m in places.extract(doc)] == ["信阳市", "新县"]


def test_prefecture_report_with_autonomous_names() -> None:
    text = "中共恩施州委、州政府召开会议。恩施州巴东县、建始县实现脱贫摘帽，全州贫困发生率降至零。"
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    assert [m.division.code for m in mentions] == ["422800", "422800", "422823", "422822"]
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.code == "422800"
    assert [m.span.text for m in places.own_area_mentions(doc, jurisdiction)] == ["全州"]


def test_province_for_quan_sheng() -> None:
    doc = Document.from_text("丽江市委召开会议，丽江市在全省率先完成任务，全市上下一心。")
    jurisdiction = places.infer_jurisdiction(doc, places.extract(doc))
    own = places.own_area_mentions(doc, jurisdiction)
    assert [(m.span.text, m.division.code) for m in own] == [("全省", "530000"), ("全市", "530700")]


def test_nothing_to_find() -> None:
    doc = Document.from_text("")
    assert places.extract(doc) == []
    assert places.infer_jurisdiction(doc, []) is None
    assert places.own_area_mentions(doc, None) == []


def test_deterministic() -> None:
    text = "贵州省毕节市威宁彝族回族苗族自治县石门乡，威宁县、赫章县。"
    first = found(text)
    assert first == found(text)
    assert ("威宁县", "威宁彝族回族苗族自治县", "520526") in first


def test_a_village_feature_is_about_its_village() -> None:
    text = (
        "记者来到渭源县田家河乡元古堆村。元古堆村地处山区，全村有农户400多户。"
        "村里发展中药材种植。元古堆村党支部书记说，如今元古堆村家家有了产业。"
    )
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.name == "元古堆村"
    refs = places.area_references(doc, mentions, jurisdiction)
    assert [(r.span.text, r.division.name) for r in refs] == [
        ("全村", "元古堆村"),
        ("村里", "元古堆村"),
    ]


def test_a_county_report_naming_a_village_is_about_the_county() -> None:
    text = (
        "渭源县委、县政府召开会议。全县脱贫攻坚取得成效，元古堆村、田家河乡都有变化。"
        "渭源县人民政府要求，全县上下巩固成果；元古堆村的经验在全县推广。元古堆村很美。"
    )
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.code == "621123"
    refs = places.area_references(doc, mentions, jurisdiction)
    assert {r.division.name for r in refs} == {"渭源县"}


def test_a_district_lending_strength_to_a_county_helps_it() -> None:
    # 助力 right before a place is a help verb as 对口帮扶 is; before a cause it is none
    text = "天津市南开区助力渭源县建设示范村，南开区投入资金300万元。南开区助力乡村振兴。"
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    assert {d.name for d in places.helpers(doc, mentions)} == {"南开区"}


def test_area_words_below_the_report_are_the_division_named_last() -> None:
    text = "丽江市委召开会议。永胜县东山乡发展花椒，全乡种植5万亩；该县还有华坪县的经验。全市推广。"
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    refs = places.area_references(doc, mentions, jurisdiction)
    assert [(r.span.text, r.division.name) for r in refs] == [
        ("全乡", "东山傈僳族彝族乡"),
        ("该县", "永胜县"),
        ("全市", "丽江市"),
    ]
    assert places.area_references(doc, [], None) == []


def test_a_village_name_shared_in_the_county_is_the_one_of_the_township_named_last() -> None:
    text = (
        "赫章县妈姑镇、罗州镇都在发展产业。\n可乐乡依托遗址发展旅游，驻海子村第一书记带领村民养牛。"
    )
    mentions = places.extract(Document.from_text(text))
    village = next(m.division for m in mentions if m.span.text == "海子村")
    assert village.level is Level.VILLAGE
    assert village.parent is not None and village.parent.name == "可乐彝族苗族乡"


def test_a_village_name_shared_without_a_township_before_it_is_left_out() -> None:
    text = "赫章县发展产业，海子村的群众养牛。"
    mentions = places.extract(Document.from_text(text))
    assert "海子村" not in [m.span.text for m in mentions]


def _reference_scan(doc: Document, tokens: list[Token]) -> list[tuple[object, ...]]:
    """The scan done the plain way: at each Han character, every length from the longest name
    down, each tried with :func:`kg.extract.gazetteer.is_name`."""
    text = doc.text
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    exact = {(t.start, t.end): t for t in tokens}
    blocked = frozenset(read_lines("gazetteer/not_divisions.txt"))
    longest, longest_blocked = gazetteer.max_name_length(), max(map(len, blocked))
    out: list[tuple[object, ...]] = []
    last_end, i, n = -1, 0, len(text)
    while i < n:
        if not re.match(r"[\u3400-\u9fff]", text[i]):
            i += 1
            continue
        after_mention = i == last_end
        if not after_mention:
            lengths = range(min(longest_blocked, n - i), 1, -1)
            skip = next((k for k in lengths if text[i : i + k] in blocked), 0)
            suffixed = text[i + skip : i + skip + 1] in tuple("乡镇村") and gazetteer.is_name(
                text[i : i + skip + 1]
            )  # 西江 is blocked, 西江镇 a name
            if skip and not suffixed:
                i += skip
                continue
        found, end = None, i
        for length in range(min(longest, n - i), 1, -1):
            piece = text[i : i + length]
            if not gazetteer.is_name(piece) or doc.is_masked(i, i + length):
                continue
            divisions = gazetteer.lookup(piece)
            form = places._form(piece, divisions)
            if not (i in starts or after_mention):
                continue
            if (form == "bare" or length == 2) and i + length not in ends:
                continue
            if form == "bare" and i + length < n and text[i + length] in places._FEATURE_CHARS:
                continue
            following = next((t for t in tokens if t.start == i + length), None)
            if form == "bare" and following is not None and following.word in ("村", "社区"):
                continue
            end = i + length
            found = (i, end, piece, form, divisions, exact.get((i, end)))
            break
        if found is None:
            i += 1
            continue
        out.append(found)
        last_end = i = end
    return out


@pytest.mark.parametrize(
    "path",
    sorted([SAMPLE_ARTICLE, *ARTICLES.glob("**/*.txt")]),
    ids=lambda p: p.stem,
)
def test_the_scan_finds_what_trying_every_length_finds(path: Path) -> None:
    doc = Document.from_path(path)
    tokens = tokenize(doc.text)
    got = [
        (c.start, c.end, c.text, c.form, c.divisions, c.token) for c in places._scan(doc, tokens)
    ]
    assert got == _reference_scan(doc, tokens)
    assert got  # every article names places


def test_a_village_after_this_township_and_named_again() -> None:
    mentions = found(
        "宣恩县沙道沟镇发展民宿68家。该镇红枫坪村是传统村落,全村428户。"
        "截至目前,红枫坪村人均可支配收入达到10850元。该乡青石板村未被提及前没有乡。"
    )
    villages = [(text, name) for text, name, code in mentions if name == "红枫坪村"]
    assert villages == [("红枫坪村", "红枫坪村"), ("红枫坪村", "红枫坪村")]
    doc = Document.from_text("宣恩县沙道沟镇发展民宿。该镇红枫坪村有428户。")
    village = next(m.division for m in places.extract(doc) if m.division.name == "红枫坪村")
    assert (village.level, village.code, village.parent and village.parent.name) == (
        Level.VILLAGE,
        None,
        "沙道沟镇",
    )
    assert not any(name == "青石板村" for _t, name, _c in mentions)  # no 乡 named before 该乡


def test_a_village_whose_first_character_jieba_glued_to_the_township() -> None:
    mentions = found("兴国县长冈乡塘背村依托红色资源。疏附县塔什米里克乡库木巴格村发展庭院经济。")
    assert [(text, code) for text, _name, code in mentions] == [
        ("兴国县", "360732"),
        ("长冈乡", None),
        ("塘背村", None),
        ("疏附县", "653121"),
        ("塔什米里克乡", None),
        ("库木巴格村", None),
    ]


def test_a_river_word_with_a_township_suffix_is_the_township() -> None:
    text = "凤凰县去年接待游客突破1000万人次，沱江镇有300多户群众吃上了旅游饭。沱江两岸灯火通明。"
    mentions = found(text)
    assert ("沱江镇", "沱江镇", None) in mentions
    township = next(
        m.division for m in places.extract(Document.from_text(text)) if m.span.text == "沱江镇"
    )
    assert township.parent is not None and township.parent.code == "433123"
    assert not any(written == "沱江" for written, _name, _code in mentions)  # the river


def test_a_bureau_of_agriculture_and_rural_affairs_names_no_village() -> None:
    mentions = found("凤凰县农业农村局、凤凰县乡村振兴局联合印发通知。山江镇东就村建起了合作社。")
    names = {name for _written, name, _code in mentions}
    assert "农业农村" not in names and not any(n.endswith("农村") for n in names)
    assert {"凤凰县", "山江镇", "东就村"} <= names


def test_bare_township_names_listed_before_a_count_of_townships() -> None:
    # 清水 alone would be 清水县 of 天水市: listed before 等5个乡镇 it is 岷县's 清水镇
    mentions = found("岷县把中药材种植推广到清水、十里、申都等5个乡镇。")
    assert ("清水", "清水镇", None) in mentions
    assert ("十里", "十里镇", None) in mentions
    assert ("申都", "申都乡", None) in mentions
    assert all(code is None or code == "621126" for _, _, code in mentions)


def test_bare_village_names_listed_before_a_count_of_poor_villages() -> None:
    doc = Document.from_text("岷县梅川镇共有娃世、宁宁、山背3个贫困村。")
    villages = {
        m.span.text: m.division for m in places.extract(doc) if m.division.level is Level.VILLAGE
    }
    assert set(villages) == {"娃世", "宁宁", "山背"}
    assert villages["宁宁"].name == "宁宁村"
    assert villages["山背"].name == "山背村"  # not in the gazetteer: kept with its township
    assert villages["山背"].parent is not None and villages["山背"].parent.name == "梅川镇"


def test_a_village_named_like_a_prefecture_is_no_prefecture() -> None:
    names = [name for _, name, _ in found("岷县朝阳村的合作社今年分红。")]
    assert "朝阳市" not in names
    assert "朝阳村" in names


def test_a_two_character_county_named_in_full() -> None:
    assert ("佳县", "佳县", "610828") in found("佳县人民政府今年新修通村道路。")
    # 和 is a conjunction here, not the first character of 和县
    assert all(name != "和县" for _, name, _ in found("在市委领导和县人大监督下推进工作。"))


def _written(text: str) -> dict[str, tuple[str, str | None]]:
    """Written form -> (full name, parent's name) of every mention."""
    doc = Document.from_text(text)
    return {
        m.span.text: (m.division.name, m.division.parent.name if m.division.parent else None)
        for m in places.extract(doc)
    }


def test_townships_under_a_county_heading_though_the_gazetteer_lacks_them() -> None:
    # 望岳镇, 栖凤乡 and their villages are invented: no gazetteer entry anywhere
    mentions = _written("岷县：望岳镇金穗村、栖凤乡禾丰村。")
    assert mentions["望岳镇"] == ("望岳镇", "岷县")
    assert mentions["金穗村"] == ("金穗村", "望岳镇")
    assert mentions["栖凤乡"] == ("栖凤乡", "岷县")  # listed after a village of its sibling
    assert mentions["禾丰村"] == ("禾丰村", "栖凤乡")


def test_townships_listed_after_a_known_township_of_the_county() -> None:
    mentions = _written("岷县未退出贫困村：梅川镇2个、清水镇1个、鹤鸣镇2个、青岚乡1个。")
    assert mentions["鹤鸣镇"] == ("鹤鸣镇", "岷县")
    assert mentions["青岚乡"] == ("青岚乡", "岷县")
    assert "鹤鸣镇" not in _written("岷县清水镇，鹤鸣镇发展药材。")  # no list, no township


def test_a_township_the_gazetteer_lacks_is_the_same_before_its_heading() -> None:
    doc = Document.from_text("名单公布，望岳镇金穗村入选。岷县：望岳镇金穗村。")
    mentions = places.extract(doc)
    for written in ("望岳镇", "金穗村"):
        keys = [m.division.key for m in mentions if m.span.text == written]
        assert len(keys) == 2 and len(set(keys)) == 1, written
        assert keys[0].startswith("621126"), written


def test_no_bare_township_name_right_after_a_province() -> None:
    # 计划 is also the bare name of a township of 贵州; after the province it is a verb
    assert [name for _, name, _ in found("2019年贵州省计划减少农村贫困人口。")] == ["贵州省"]


def test_a_beijing_township_office_is_named_as_its_town_too() -> None:
    # 周口店地区 (地区办事处) and 周口店镇 are one body under two names
    doc = Document.from_text("北京市房山区周口店镇召开会议。")
    towns = [m.division for m in places.extract(doc) if m.span.text == "周口店镇"]
    assert len(towns) == 1 and towns[0].name == "周口店地区"
    assert towns[0].parent is not None and towns[0].parent.name == "房山区"


def test_a_village_named_after_its_county_and_after_its_township_is_one() -> None:
    doc = Document.from_text("岷县金穗村村民编了山歌。干部在岷县梅川镇金穗村驻村。")
    keys = {m.division.key for m in places.extract(doc) if m.span.text == "金穗村"}
    assert keys == {"621126/township/梅川镇/village/金穗村"}


@pytest.mark.parametrize(
    ("text", "own_area"),
    [
        # a cooperation article: the helper is named more often, but the figures are the
        # helped city's
        ("苏州市对口帮扶铜仁市以来，苏州市企业在当地建成车间12个，苏州市干部驻村。", "铜仁市"),
        # the helper with the count of its divisions that take part and a modal before the verb
        (
            "福建省3市12县将对口帮扶定西市12县。福建省企业建成车间12个，福建省干部驻村，"
            "福建省3市“一对一”帮扶定西市。",
            "定西市",
        ),
        # 我省 is the helper: the provinces it helps are partners, not the document's own area
        (
            "浙江举行推进会。今年我省对口帮扶的甘肃、青海2个省新建车间50个，甘肃和青海的农户增收。",
            "浙江省",
        ),
        # a provincial notice: 省人大常委会 is the province's body; a city is named in passing
        (
            "省人大常委会会议表决通过任免案。省人大常委会任命3人，省政府提请免职2人，"
            "省人大常委会主任会议提议1人，其中一人由芜湖市人大常委会推荐。",
            "安徽省",
        ),
        # a township feature: the township named again and again, its province in passing
        (
            "福建省新闻办在甘棠乡举办见面会。福建省屏南县甘棠乡党委书记介绍，甘棠乡修通公路，"
            "甘棠乡种茶增收，甘棠乡建起小学，福建省媒体报道了甘棠乡。",
            "甘棠乡",
        ),
        # a district's press conference hosted by its city: the district is named more often
        (
            "临沂市人民政府新闻办公室举行发布会，临沂市委宣传部副部长主持。兰山区委书记介绍，"
            "兰山区贫困村全部出列，兰山区新建车间20个，兰山区农户增收，全区面貌一新，兰山区群众点赞。",
            "兰山区",
        ),
        # 我县 outranks the province's bodies
        ("省委巡视组对我县开展巡视，省委巡视组反馈意见后，休宁县全县整改。", "休宁县"),
        # a prefecture's report naming its prefecture once and its own bodies by 州 alone: they
        # outrank the province's bodies named the same way; a county's 县委书记 is no such body
        (
            "我代表州人民政府报告工作。在省委、省政府和州委的领导下，黔东南苗族侗族自治州群众增收，"
            "凯里市建成车间12个，县委书记带队督查，州政府办实事8件。",
            "黔东南苗族侗族自治州",
        ),
        # a district's congress held in its city's party school: the venue is no author
        (
            "兰州市委党校礼堂里，城关区第十八届人民代表大会开幕。兰州市委党校布置一新，"
            "兰州市委党校门前人来人往。区长作报告：全区地区生产总值增长6%。",
            "城关区",
        ),
    ],
)
def test_own_area_by_the_genre(text: str, own_area: str) -> None:
    doc = Document.from_text(text)
    jurisdiction = places.infer_jurisdiction(doc, places.extract(doc))
    assert jurisdiction is not None and jurisdiction.name == own_area


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # bare county names in several prefectures, listed after one the text names in full
        (
            "自治区政府获悉，环江毛南族自治县等8个县摘帽，其中环江、那坡、天等、昭平4个县为重点县。",
            {"那坡县", "天等县", "昭平县"},
        ),
        ("陕西省西安市、宝鸡和延安被列为物流枢纽城市。", {"宝鸡市"}),
    ],
)
def test_bare_names_listed_next_to_a_division_of_their_level(text: str, listed: set[str]) -> None:
    assert listed <= {name for _, name, _ in found(text)}


def test_a_listed_name_of_another_province_stays_unresolved() -> None:
    # 东乡 is a county in Gansu and a district in Jiangxi, none in Shaanxi
    assert {name for _, name, _ in found("陕西省西安市和东乡签订协议。")} == {"陕西省", "西安市"}


def test_a_preposition_and_the_word_after_it_are_no_township() -> None:
    # 于城镇 is a township of 海盐县; 快于|城镇居民 compares with town residents
    assert found("农牧民收入增速连续两年快于城镇居民。") == []


def test_bare_district_names_of_a_municipality_in_its_own_report() -> None:
    # the municipality is its districts' prefecture: 北碚, 綦江 need it as their context
    names = {name for _, name, _ in found("重庆市召开推进会。北碚蜡梅、綦江农民版画走俏。")}
    assert {"北碚区", "綦江区"} <= names


def test_a_township_the_source_names_after_its_county_is_named_alone() -> None:
    # the source data gives 孝南区新华街道 for the 新华街道 of 孝南区
    assert found("她曾在孝南区新华街道工作。") == [("孝南区新华街道", "新华街道", None)]


def test_a_village_after_a_township_named_with_its_old_suffix() -> None:
    # 安远镇 of 宁化县, once 安远乡: the village is 岩前村, not 乡岩前村
    names = [name for _, name, _ in found("第三批干部派驻宁化县安远乡岩前村担任第一书记。")]
    assert names == ["宁化县", "安远镇", "岩前村"]


@pytest.mark.parametrize(
    "text",
    [
        "全县新培育龙头企业和现代农业园区5家。",  # a kind of park, a township of 伊州区 too
        "各乡镇、产业集聚区主要负责人参加会议。",
    ],
)
def test_a_kind_of_zone_names_no_township_without_its_county(text: str) -> None:
    assert found(text) == []


def test_an_area_office_written_as_its_township_names_it_without_its_county() -> None:
    # 北京's 琉璃河地区 is one body with 琉璃河镇; its bare form stays a zone's
    assert found("琉璃河镇今年新建温室20栋，游客增加。") == [("琉璃河镇", "琉璃河地区", None)]
    assert found("琉璃河地区今年新建温室20栋。") == []


def test_a_community_named_like_a_far_township_is_a_community_of_its_township() -> None:
    # 滨水社区 is also short for a 滨水社区街道 far away: after 石泉镇, it is the town's community
    names = found("县农业农村局派驻石泉镇滨水社区的第一书记带领群众种茶。")
    assert [(text, name) for text, name, _ in names][-1] == ("滨水社区", "滨水社区")
    assert all(name != "滨水社区街道" for _, name, _ in found("滨水社区合作社今年分红8万元。"))


def test_a_prefecture_jieba_takes_for_a_name_is_the_speakers_own_area() -> None:
    # jieba tags 商洛 a person's name; the speaker's 我市 says which kind of place it is
    text = "商洛专题新闻发布会在西安召开,副市长介绍了我市产业发展情况。全市新建大棚300个。"
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    assert [(m.span.text, m.division.code) for m in mentions] == [
        ("商洛", "611000"),
        ("西安", "610100"),
    ]
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.code == "611000"
    # without a word for its own area, a name jieba reads as a person's stays unresolved
    assert found("商洛专题新闻发布会在西安召开。") == [("西安", "西安市", "610100")]


def test_where_a_meeting_is_held_or_a_report_filed_is_not_the_documents_area() -> None:
    # the capital is named twice, the prefecture that speaks once
    text = "新华社兰州6月5日电 定西市专题新闻发布会在兰州举行。副市长介绍,全市新建大棚300个。"
    doc = Document.from_text(text)
    jurisdiction = places.infer_jurisdiction(doc, places.extract(doc))
    assert jurisdiction is not None and jurisdiction.name == "定西市"


@pytest.mark.parametrize(
    "text",
    [
        # a district's report given at the city's congress, signed by the district's head
        "政府工作报告\n——2024年1月10日在桂林市第六届人民代表大会第三次会议上\n"
        "桂林市秀峰区人民政府区长 王明远\n各位代表：\n"
        "过去一年，全区地区生产总值增长5%，全市旅游人数增长一成，桂林市表彰了一批先进。",
        # 占全市 and 高于全市 speak of the city above the district whose report it is
        "秀峰区召开会议。桂林市支持秀峰区发展。全区税收5亿元，占全市的十分之一，"
        "增速高于全市平均水平，比全市快两成。",
    ],
)
def test_district_report_is_not_the_city_above(text: str) -> None:
    doc = Document.from_text(text)
    jurisdiction = places.infer_jurisdiction(doc, places.extract(doc))
    assert jurisdiction is not None and jurisdiction.name == "秀峰区"


_TOWNSHIP_PROFILE = (
    "渭源县人民政府 会川镇 渭源县会川镇概况\n"
    "我镇位于渭源县南部，是我县的产粮大镇，北与锹峪镇相邻，西与田家河乡交界。"
    "全镇2150户8420人，耕地面积3.2万亩。渭源县把中药材列为我县主导产业。\n"
)


def test_a_township_profile_on_its_county_site_speaks_as_the_township() -> None:
    doc = Document.from_text(_TOWNSHIP_PROFILE)
    jurisdiction = places.infer_jurisdiction(doc, places.extract(doc))
    assert jurisdiction is not None and jurisdiction.name == "会川镇"
    assert jurisdiction.parent is not None and jurisdiction.parent.name == "渭源县"


_INTRODUCED_TOWNSHIP = (
    "大安乡地处渭源县城东部，东邻秦祁乡，南接北寨镇，西靠清源镇，是渭源东部的浅山乡。"
    "全乡辖9个行政村，总户数3120户，人口12650人。渭源县把中药材列为主导产业。\n"
)


def test_a_township_introduced_by_where_it_lies_is_the_profiles_own_area() -> None:
    # the county is named three times and the neighbours once each, but the text opens by
    # placing the township and then speaks as a township (全乡)
    doc = Document.from_text(_INTRODUCED_TOWNSHIP)
    mentions = places.extract(doc)
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.name == "大安乡"
    refs = places.area_references(doc, mentions, jurisdiction)
    assert [(r.span.text, r.division.name) for r in refs if r.span.text == "全乡"] == [
        ("全乡", "大安乡")
    ]
    # a county text that merely mentions where one of its townships lies stays the county's
    county = "渭源县地处甘肃中部。大安乡位于县城东部。全县辖16个乡镇。"
    doc = Document.from_text(county)
    jurisdiction = places.infer_jurisdiction(doc, places.extract(doc))
    assert jurisdiction is not None and jurisdiction.name == "渭源县"


def test_a_townships_own_words_are_itself_not_the_neighbour_just_named() -> None:
    doc = Document.from_text(_TOWNSHIP_PROFILE)
    mentions = places.extract(doc)
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    refs = places.area_references(doc, mentions, jurisdiction)
    own = [(r.span.text, r.division.name) for r in refs if r.span.text in ("全镇", "我镇")]
    assert own == [("我镇", "会川镇"), ("全镇", "会川镇")]


def test_a_township_the_gazetteer_lacks_speaks_through_its_own_government() -> None:
    text = (
        "青禾镇2020年政府工作报告\n"
        "各位代表：现在，我代表青禾镇人民政府向大会作报告。"
        "2020年全镇粮食产量1.2万吨，我镇新修道路8公里，引进浙江某某农业公司。\n"
    )
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    township = [(m.span.text, m.division.level) for m in mentions if m.division.code is None]
    assert township == [("青禾镇", Level.TOWNSHIP), ("青禾镇", Level.TOWNSHIP)]
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.name == "青禾镇"


def test_no_township_of_its_own_where_two_townships_bodies_are_named() -> None:
    text = "青禾镇人民政府和白沙镇人民政府联合召开会议。全镇干部参会，我镇将修路8公里。\n"
    doc = Document.from_text(text)
    assert not [m for m in places.extract(doc) if m.division.code is None]


def test_a_visiting_party_s_city_is_not_the_author_s() -> None:
    text = (
        "天水市考察团来定西考察产业扶贫\n"
        "5月9日，天水市委副书记率队来我市考察产业扶贫工作，市委副书记陪同考察。"
        "考察组观摩了安定区的马铃薯基地。全市今年脱贫1.2万人。\n"
    )
    doc = Document.from_text(text)
    jurisdiction = places.infer_jurisdiction(doc, places.extract(doc))
    assert jurisdiction is not None and jurisdiction.name == "定西市"


def unnamed_province(text: str) -> str | None:
    doc = Document.from_text(text)
    jurisdiction = places.infer_jurisdiction(doc, places.extract(doc))
    return jurisdiction.code if jurisdiction is not None else None


def test_province_never_named_from_units_stationed_there() -> None:
    # a regional notice says only 我区/全区; the units stationed there (驻桂) name it by 简称
    text = "区直和中直驻桂单位选派干部八百名，驻桂部队也派出工作队，全区共有五千名干部驻村。"
    assert unnamed_province(text) == "450000"
    # the own-area word must name the kind of that province: 广西 is no 省
    assert unnamed_province(text.replace("全区", "全省").replace("区直", "省直")) is None


def test_province_never_named_from_its_own_meeting_venue() -> None:
    # the province's own meeting held in its capital says whose it is as well as where
    assert unnamed_province("省扶贫工作会议在长沙召开。全省今年减贫十万人。") == "430000"
    # one stray name is not enough: someone else's meeting held there
    assert unnamed_province("座谈会在长沙召开。全省今年减贫十万人。") is None


def test_province_never_named_needs_a_clear_majority() -> None:
    # units stationed in two provinces: no province holds two thirds of what is named
    text = "驻湘单位和驻鄂单位派出干部，驻湘部队和驻鄂部队也派出工作队，全省干部驻村。"
    assert unnamed_province(text) is None


def test_village_introduced_by_where_it_lies() -> None:
    # a village the gazetteer lacks, introduced by 位于 and the county it lies in; a feature
    # about it (named three times, 村里 besides) is the village's, not the province's
    text = (
        "老人所在的村子叫柿沟梁村，这是一个位于甘肃定西市通渭县的小山村。"
        "柿沟梁村有三百多亩地，村里四十户人家。甘肃农业大学的干部来到柿沟梁村。"
    )
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    villages = [m for m in mentions if m.division.level is Level.VILLAGE]
    assert [m.span.text for m in villages] == ["柿沟梁村"] * 3
    assert {m.division.parent.code for m in villages if m.division.parent} == {"621121"}
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    assert jurisdiction is not None and jurisdiction.name == "柿沟梁村"
    # no 位于 and no county right after it: no village is made up
    assert not [
        m
        for m in places.extract(Document.from_text("村子叫柿沟梁村，这里风大。甘肃的干部来了。"))
        if m.division.level is Level.VILLAGE
    ]


def own_area_and_villages(text: str) -> tuple[str | None, list[PlaceMention]]:
    """The document's own area's name, and its mentions of villages."""
    doc = Document.from_text(text)
    mentions = places.extract(doc)
    jurisdiction = places.infer_jurisdiction(doc, mentions)
    villages = [m for m in mentions if m.division.level is Level.VILLAGE]
    return (jurisdiction.name if jurisdiction else None), villages


def test_gacha_introduced_by_the_league_and_banner_it_belongs_to() -> None:
    # 嘎查 is Inner Mongolia's village: one the gazetteer lacks, introduced by 隶属 and its
    # league, banner and township, is the feature's subject though the league is named more
    own, gacha = own_area_and_villages(
        "近年来，内蒙古兴安盟的草原旅游越来越火，兴安盟的牧民也富了起来。\n"
        "白音敖包嘎查隶属兴安盟科尔沁右翼前旗归流河镇，全嘎查有牧户320户。"
        "兴安盟的干部常来白音敖包嘎查调研，白音敖包嘎查的牧民办起了合作社。"
    )
    assert [m.span.text for m in gacha] == ["白音敖包嘎查"] * 3
    assert [d.name for d in gacha[0].division.chain()][1:3] == ["归流河镇", "科尔沁右翼前旗"]
    assert own == "白音敖包嘎查"


def test_village_after_its_township_whose_name_opens_with_a_verbal_noun() -> None:
    # jieba tags the first word of an unknown name vn (管护|新村): after its township it is
    # still a village, named again alone; a verbal noun that is the whole stem is no name
    own, villages = own_area_and_villages(
        "走进兖州区小孟镇管护新村，街道宽阔整洁。管护新村位于兖州区西北，"
        "五年来管护新村流转土地1300余亩，村里建起了合作社，管护新村集体收入83万元。"
    )
    assert [m.span.text for m in villages] == ["管护新村"] * 4
    assert own == "管护新村"
    assert not own_area_and_villages("兖州区小孟镇建设村的村民")[1]


def test_township_whose_county_is_named_only_as_its_address() -> None:
    # a township feature names its county only before the township's name (福建永泰梧桐镇),
    # and the township alone again: the township's, not the county's
    text = (
        "福建永泰梧桐镇：老街焕新颜\n"
        "福建永泰梧桐镇坚持保护与发展并重，探索共富新路径。今年上半年，梧桐镇接待游客30万人次，"
        "福建的游客最多。"
    )
    assert own_area_and_villages(text)[0] == "梧桐镇"
    # the county named on its own as well: the county's report
    assert unnamed_province(text + "永泰县今年游客增长两成，永泰县各乡镇都有收获。") == "350125"


def test_a_news_outlet_in_a_byline_names_no_place() -> None:
    # 宁德日报/宁德网讯 (记者…): the outlet's city, not a place the article is about
    named = found("宁德日报/宁德网讯（记者 王一）近日，福安市溪柄镇召开产业推进会。")
    assert "宁德市" not in {name for _, name, _ in named}
    # an outlet in a list of the media present is still named
    named = found("宁德日报、福建日报等媒体到福安市采访。")
    assert "宁德市" in {name for _, name, _ in named}


def test_county_never_named_from_the_township_it_names() -> None:
    # a county's report writes its own name as xx and says 全县; the one township it names
    # (cut by jieba before a word of its own) lies in one county of the province it names
    text = (
        "甘肃省委对“三农”工作提出明确要求。今年以来，全县上下扎实推进乡村振兴，"
        "“xx土豆”品牌打响，甘草店蔬菜产业园入选甘肃省产业园名单，新建日光温室800座。"
    )
    assert unnamed_province(text) == "620123"
    # a province's own text that says no 全县 stays the province's
    assert unnamed_province(text.replace("全县", "全省")) == "620000"
    # townships of two counties, neither holding two thirds: no county is inferred
    assert unnamed_province(text.replace("新建", "朱王堡新建")) == "620000"


def test_township_of_a_name_twice_in_its_province_told_by_its_villages() -> None:
    # 江西 has two 武阳镇; the text names two villages of one of them
    text = (
        "武阳镇召开产业扶贫推进会\n"
        "江西省扶贫办督导组来武阳镇检查，镇长带队走访凌田村、中赖村，全镇今年脱贫300人。"
    )
    doc = Document.from_text(text)
    found = {m.division.parent.name for m in places.extract(doc) if m.division.name == "武阳镇"}
    assert found == {"瑞金市"}
    # one village named may be chance: the township stays unresolved
    doc = Document.from_text(text.replace("、中赖村", ""))
    assert not [m for m in places.extract(doc) if m.division.name == "武阳镇"]


def test_generic_words_of_rural_revitalisation_name_no_township() -> None:
    # 文明乡风 is no 文明乡; a 特色小镇 list after a province's name is no township of it
    text = "河南省推进文明乡风建设，某某古镇入选河南省特色小镇名单。"
    doc = Document.from_text(text)
    assert {m.division.name for m in places.extract(doc)} == {"河南省"}


def test_a_web_pages_menu_of_places_names_no_place_of_the_text() -> None:
    # a prefecture's page copied with its menu line of the province's prefectures
    menu = "首页 洛阳 开封 新乡 焦作 安阳 许昌 专题\n"
    text = "漯河市召开乡村振兴推进会\n" + menu + "漯河市今年新建高标准农田3万亩。"
    doc = Document.from_text(text)
    assert {m.division.name for m in places.extract(doc)} == {"漯河市"}
    # the same names in a sentence are places
    doc = Document.from_text(text.replace(menu, "洛阳、开封、新乡的干部前来观摩。\n"))
    assert {"洛阳市", "开封市", "新乡市"} <= {m.division.name for m in places.extract(doc)}


def test_a_township_named_with_its_ethnic_group_is_the_gazetteers_plain_township() -> None:
    # 老湾乡 of 洪湖市 written with the ethnic group of its renamed form: one mention of it,
    # not 老湾 and the 回族乡 of another province
    doc = Document.from_text("洪湖市驻村工作队来到老湾回族乡某某村走访农户。")
    townships = [m for m in places.extract(doc) if m.division.level is Level.TOWNSHIP]
    assert [(m.span.text, m.division.name, m.division.parent.name) for m in townships] == [
        ("老湾回族乡", "老湾乡", "洪湖市")
    ]


def test_words_of_the_genre_ending_in_a_township_or_village_suffix_are_no_places() -> None:
    # 振兴乡村 is no 振兴乡 and a 移民村 (a resettlement village) is no village's name
    doc = Document.from_text("黑龙江省要振兴乡村，把搬迁群众安置到新建的移民村。")
    assert {m.division.name for m in places.extract(doc)} == {"黑龙江省"}
