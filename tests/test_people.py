"""People and posts: the sample article and invented sentences of the genre."""

from __future__ import annotations

import pytest

from kg.extract import people
from kg.extract.facts import Division, Level, Person
from kg.resources import SAMPLE_ARTICLE
from kg.text.document import Document
from tests.places_stub import places_in

YUNNAN = Division("云南省", Level.PROVINCE, "530000", ("云南",))
LIJIANG = Division("丽江市", Level.PREFECTURE, "530700", ("丽江",), YUNNAN)
YONGSHENG = Division("永胜县", Level.COUNTY, "530722", ("永胜",), LIJIANG)
DONGSHAN = Division("东山乡", Level.TOWNSHIP, None, (), YONGSHENG)
DIQING = Division("迪庆藏族自治州", Level.PREFECTURE, "533400", ("迪庆州", "迪庆"), YUNNAN)
XINHUA = Division("新华村", Level.VILLAGE, None, (), DONGSHAN)
NAMES = {
    "丽江市": LIJIANG,
    "丽江": LIJIANG,
    "永胜县": YONGSHENG,
    "东山乡": DONGSHAN,
    "云南": YUNNAN,
    "迪庆州": DIQING,
    "新华村": XINHUA,
}


def run(text: str, jurisdiction: Division | None = LIJIANG) -> dict[str, Person]:
    doc = Document.from_text(text)
    found = people.extract(doc, places_in(doc, NAMES), jurisdiction)
    assert len({p.name for p in found}) == len(found), "one person per name"
    return {p.name: p for p in found}


def posts(person: Person) -> list[tuple[str, str]]:
    return [(p.role_span.written, p.organisation.name) for p in person.posts]


@pytest.fixture(scope="module")
def sample() -> dict[str, Person]:
    doc = Document.from_path(SAMPLE_ARTICLE)
    return {p.name: p for p in people.extract(doc, places_in(doc, NAMES), LIJIANG)}


def test_sample_official_with_two_posts(sample: dict[str, Person]) -> None:
    he = sample["何玉兰"]
    assert he.span.written == "何玉蘭"
    assert posts(he) == [("副書記", "中共丽江市委"), ("部長", "中共丽江市委宣传部")]
    department = he.posts[1].organisation
    assert department.parent is not None and department.parent.name == "中共丽江市委"
    assert department.division == LIJIANG
    assert he.posts[0].span.written == "中共麗江市委副書記"
    assert he.posts[1].span.written == "市委宣傳部部長"
    assert he.role == "author"


def test_sample_general_secretary(sample: dict[str, Person]) -> None:
    xi = sample["习近平"]
    assert posts(xi) == [("總書記", "中共中央")]
    assert xi.posts[0].organisation.division is None


def test_sample_editors_and_villager(sample: dict[str, Person]) -> None:
    assert sample["雷凤娇"].role == "editor" and not sample["雷凤娇"].posts
    assert sample["和宝魁"].role == "editor"
    assert sample["陈朝云"].posts == () and sample["陈朝云"].role is None


def test_sample_has_no_false_people(sample: dict[str, Person]) -> None:
    assert set(sample) == {"何玉兰", "习近平", "陈朝云", "雷凤娇", "和宝魁"}


def test_sample_spans_are_in_text_coordinates(sample: dict[str, Person]) -> None:
    for person in sample.values():
        assert person.span.text == person.name
        for post in person.posts:
            assert post.span.start <= post.role_span.start < post.role_span.end == post.span.end


def test_title_list_before_name_and_name_before_title() -> None:
    found = run(
        "迪庆州委书记、州人大常委会主任顾琨在会上说，要坚决打赢脱贫攻坚战。"
        "顾琨书记强调，各级要压实责任。",
        DIQING,
    )
    assert set(found) == {"顾琨"}
    assert posts(found["顾琨"]) == [
        ("书记", "中共迪庆藏族自治州委"),
        ("主任", "迪庆藏族自治州人大常委会"),
    ]


def test_traditional_county_report() -> None:
    found = run("永勝縣委書記王建國、縣長趙志剛深入東山鄉調研，看望慰問貧困戶張小芳。", LIJIANG)
    assert set(found) == {"王建国", "赵志刚", "张小芳"}
    assert posts(found["王建国"]) == [("書記", "中共永胜县委")]
    assert posts(found["赵志刚"]) == [("縣長", "永胜县人民政府")]
    assert found["赵志刚"].posts[0].organisation.division == YONGSHENG
    assert found["张小芳"].posts == ()


def test_press_conference_vice_governor() -> None:
    found = run(
        "在今天的新闻发布会上，州委常委、常务副州长李文华回答记者提问时表示，全州将继续推进产业扶贫。",
        DIQING,
    )
    assert set(found) == {"李文华"}
    assert posts(found["李文华"]) == [
        ("常委", "中共迪庆藏族自治州委"),
        ("常务副州长", "迪庆藏族自治州人民政府"),
    ]


def test_village_story() -> None:
    found = run(
        "新华村党支部书记和丽军介绍说，村民李某某家去年种植核桃20亩。建档立卡贫困户木文芳、和志强也加入了合作社。",
        YONGSHENG,
    )
    assert set(found) == {"和丽军", "李某某", "木文芳", "和志强"}
    assert posts(found["和丽军"]) == [("党支部书记", "中共新华村支部委员会")]
    assert found["和丽军"].posts[0].organisation.division == XINHUA


def test_abbreviations_resolve_to_the_jurisdiction() -> None:
    found = run("在市委副书记、市长郑艺的带领下，市扶贫办主任杨丽萍带队检查。", LIJIANG)
    assert posts(found["郑艺"]) == [("副书记", "中共丽江市委"), ("市长", "丽江市人民政府")]
    assert posts(found["杨丽萍"]) == [("主任", "丽江市扶贫开发领导小组办公室")]


def test_nearest_preceding_place_for_county_bodies() -> None:
    found = run("永胜县召开脱贫攻坚推进会。县长张三主持会议，副县长欧阳明军、李四出席。", LIJIANG)
    assert posts(found["张三"]) == [("县长", "永胜县人民政府")]
    assert posts(found["欧阳明军"]) == [("副县长", "永胜县人民政府")]
    assert posts(found["李四"]) == [("副县长", "永胜县人民政府")]


def test_named_body_with_generic_ending() -> None:
    found = run("永胜县农业农村局局长张勇参加。", LIJIANG)
    assert posts(found["张勇"]) == [("局长", "永胜县农业农村局")]


def test_credit_lines() -> None:
    found = run("记者 张小花 王大力 报道\n责任编辑：赵敏\n(发稿编辑:本台报道)", LIJIANG)
    assert {n: p.role for n, p in found.items()} == {
        "张小花": "reporter",
        "王大力": "reporter",
        "赵敏": "editor",
    }


@pytest.mark.parametrize(
    "text",
    [
        "强化分类施策、挂牌督战，干干净净迎小康，严格执行学习制度。",
        "贫困户高度重视产业发展。书记高度重视这项工作。",
        "市委宣传部部长参加会议，县长强调要全面落实责任。",
        "记者从县扶贫办获悉，全县已完成易地扶贫搬迁。",
        "群众满意度不断提升，村民全面参与人居环境整治。",
        "中共丽江市委召开常委会会议，研究部署脱贫攻坚工作。",
    ],
)
def test_no_false_people(text: str) -> None:
    assert run(text) == {}


def test_masked_names_are_skipped() -> None:
    doc = Document.from_text("村民李\ufffd某在家。")
    assert people.extract(doc, [], LIJIANG) == []


def test_unresolved_body_keeps_the_post_within_its_document() -> None:
    # no county anywhere (a county's own news site never names it): 县长 and 县委 cannot be
    # placed, yet the posts stand, their bodies named by level and keyed within the document
    text = "县委副书记、县长张三主持会议。"
    found = run(text, None)
    assert posts(found["张三"]) == [("副书记", "中共县委"), ("县长", "县人民政府")]
    body = found["张三"].posts[0].organisation
    assert body.division is None
    other = run("县委副书记、县长张三出席会议。", None)["张三"].posts[0].organisation
    assert body.key != other.key  # two documents' unnamed 县委 are two bodies


def test_posts_merge_across_mentions() -> None:
    found = run("永胜县委书记王建国主持会议。会后，王建国书记带队走访贫困户。", LIJIANG)
    assert posts(found["王建国"]) == [("书记", "中共永胜县委")]
    assert found["王建国"].span.start == 6


def test_people_named_before_the_posts_they_take() -> None:
    found = run("永胜县委书记王建国、县长赵志刚分别担任县脱贫攻坚指挥部指挥长。", LIJIANG)
    assert posts(found["赵志刚"]) == [
        ("县长", "永胜县人民政府"),
        ("指挥长", "永胜县脱贫攻坚指挥部"),
    ]
    assert ("指挥长", "永胜县脱贫攻坚指挥部") in posts(found["王建国"])


def test_yi_names_and_credit_after_a_body() -> None:
    found = run(
        "县委副书记沙马拉且说，搬迁群众住进了新房。\n作者/丽江市融媒体中心记者 吉克曲布", YONGSHENG
    )
    assert posts(found["沙马拉且"]) == [("副书记", "中共永胜县委")]
    assert found["吉克曲布"].role == "reporter"


def test_a_title_opening_with_a_body_after_a_township() -> None:
    found = run("会上,永胜县东山乡党委书记杨立明作交流发言。", YONGSHENG)
    assert posts(found["杨立明"]) == [("书记", "中共东山乡委员会")]


def test_first_secretary_of_the_village_named_before_or_of_the_story() -> None:
    found = run("驻新华村第一书记孙丽萍带领群众种植花椒。", YONGSHENG)
    assert posts(found["孙丽萍"]) == [("第一书记", "新华村")]
    found = run("工作队进村后,第一书记杜文斌挨家走访。", XINHUA)
    assert posts(found["杜文斌"]) == [("第一书记", "新华村")]


def test_shared_titles_take_the_body_the_sentence_named() -> None:
    found = run("县里派驻的驻村工作队进村后,队长、第一书记郭明亮和队员们一起走访。", XINHUA)
    assert posts(found["郭明亮"]) == [
        ("队长", "新华村驻村工作队"),
        ("第一书记", "新华村"),
    ]


def test_a_villager_before_then_or_also() -> None:
    found = run("村民蒙建军则外出务工。村民卢光荣也回乡创业。", XINHUA)
    assert set(found) == {"蒙建军", "卢光荣"}


def test_a_conjunction_before_a_word_is_no_name() -> None:
    found = run("全市选派驻村第一书记和工作队员1.1万名。县长和工作人员座谈。", LIJIANG)
    assert not any(name.startswith("和") for name in found)


def test_a_short_name_of_a_county_is_no_person() -> None:
    """Two-character short names of divisions (永胜, 会宁) sit where names do; the gazetteer
    knows them, so no list of the region's names is needed."""
    from kg.extract.people.names import _names_a_division

    assert _names_a_division("永胜") and _names_a_division("会宁") and _names_a_division("毕节")
    assert not _names_a_division("王芳") and not _names_a_division("陈明")


def test_a_reporter_credited_after_the_outlet() -> None:
    doc = Document.from_text(
        "2023年3月1日　商洛日报记者 张晓燕 通讯员 刘伟\n全县脱贫成果持续巩固。"
    )
    found = {p.name: p.role for p in people.extract(doc, [], None)}
    assert found == {"张晓燕": "reporter", "刘伟": "correspondent"}


@pytest.mark.parametrize("adverb", ["常说", "經常說", "总是强调", "时常提起"])
def test_a_name_followed_by_an_adverb(adverb: str) -> None:
    """常/经常/总是 between the name and its verb still end the name."""
    doc = Document.from_text(f"白草村党支部书记马国庆{adverb}，产业才是根本。")
    assert [p.name for p in people.extract(doc, [], None)] == ["马国庆"]


def test_a_title_opening_with_a_body_after_a_bare_level_word() -> None:
    found = run(
        "东山乡地处金沙江畔。乡党委书记李明华说,全乡建成示范村5个。"
        "会上,该乡党委副书记王德才介绍了合作社。",
        YONGSHENG,
    )
    assert posts(found["李明华"]) == [("书记", "中共东山乡委员会")]
    assert posts(found["王德才"]) == [("副书记", "中共东山乡委员会")]


def test_a_level_word_ending_an_unknown_name_takes_no_place() -> None:
    found = run("东山乡召开会议。红旗镇党委书记李明华说,全镇建成示范村5个。", YONGSHENG)
    assert posts(found["李明华"]) == []


def test_media_bylines_reporting_verbs_and_northwestern_surnames() -> None:
    found = run(
        "丽江日报全媒体记者 和丽君 通讯员 木宇航\n"
        "副市长杨成林通报全市工作情况,永胜县县委副书记、县长冶建国,东山乡党委书记星玉兰作交流发言。",
        YONGSHENG,
    )
    assert found["和丽君"].role == "reporter" and found["木宇航"].role == "correspondent"
    assert posts(found["杨成林"]) == [("副市长", "丽江市人民政府")]
    assert posts(found["冶建国"]) == [("副书记", "中共永胜县委"), ("县长", "永胜县人民政府")]
    assert posts(found["星玉兰"]) == [("书记", "中共东山乡委员会")]


def test_names_in_parts_joined_by_a_middle_dot() -> None:
    found = run(
        "地委委员、行署副专员吐尔逊江·艾买提介绍情况,副局长古丽娜尔·阿不都热依木回答记者提问。"
        "脱贫户热依拉·托合提在村里上班。（记者 李娜 通讯员 艾克拜尔·热合曼）",
        Division("喀什地区", Level.PREFECTURE, "653100", ("喀什",)),
    )
    assert set(found) == {
        "吐尔逊江·艾买提",
        "古丽娜尔·阿不都热依木",
        "热依拉·托合提",
        "李娜",
        "艾克拜尔·热合曼",
    }
    assert posts(found["吐尔逊江·艾买提"]) == [
        ("委员", "中共喀什地区委员会"),
        ("副专员", "喀什地区行政公署"),
    ]
    assert found["艾克拜尔·热合曼"].role == "correspondent"


def test_a_given_name_jieba_glued_to_the_verb_after_it() -> None:
    found = run("县委副书记、县长钟立军代表县人民政府作报告,县长王明说。", YONGSHENG)
    assert set(found) == {"钟立军", "王明"}


def test_names_without_a_surname_and_a_surname_glued_to_the_title() -> None:
    found = run(
        "本报讯(记者 央金卓玛)州委副书记、州长格勒泽仁主持会议,县长益西多吉作交流发言,"
        "指挥部指挥长林志强介绍情况。村民积极参与,县长主持会议,书记亲自部署。",
        YONGSHENG,
    )
    assert set(found) == {"央金卓玛", "格勒泽仁", "益西多吉", "林志强"}
    assert found["央金卓玛"].role == "reporter"


def test_a_name_whose_surname_and_next_character_make_a_place_word() -> None:
    # jieba reads 吴国 (a state of old) and 强 apart
    found = run("永胜县委书记王明、华坪县县长吴国强作交流发言。", YONGSHENG)
    assert set(found) == {"王明", "吴国强"}
    assert [role for role, _org in posts(found["吴国强"])] == ["县长"]


def test_a_phrase_of_the_dictionary_is_no_name_without_a_surname() -> None:
    found = run("记者:展望未来,全县的目标是什么?县长格勒泽仁:巩固成果。", YONGSHENG)
    assert "展望未来" not in found
    assert "格勒泽仁" in found


def test_a_cadre_sent_to_take_a_post() -> None:
    found = run("丽江市林业和草原局选派干部李明华到新华村担任驻村第一书记。", YONGSHENG)
    assert posts(found["李明华"]) == [("驻村第一书记", "新华村")]


def test_a_standing_committee_member_who_heads_a_department() -> None:
    found = run("1月8日,县委常委、组织部部长刘海波主持召开全县驻村工作推进会。", YONGSHENG)
    assert posts(found["刘海波"]) == [("常委", "中共永胜县委"), ("部长", "中共永胜县委组织部")]


def test_posts_of_leading_groups_and_headquarters() -> None:
    # a roll of leaders, each with a national or regional group's post in the chain
    found = run(
        "国务院扶贫开发领导小组副组长、国务院扶贫办主任赵明远出席会议。"
        "永胜县委常委、常务副县长、脱贫攻坚指挥部常务副总指挥长钱立新汇报工作。",
        LIJIANG,
    )
    assert posts(found["赵明远"]) == [
        ("副组长", "国务院扶贫开发领导小组"),
        ("主任", "国务院扶贫开发领导小组办公室"),
    ]
    assert ("常务副总指挥长", "永胜县脱贫攻坚指挥部") in posts(found["钱立新"])


def test_party_group_member_of_a_congress() -> None:
    found = run("丽江市人大常委会党组成员、永胜县委书记孙立平介绍情况。", LIJIANG)
    assert posts(found["孙立平"])[0] == ("党组成员", "丽江市人大常委会")


def test_name_before_a_word_for_an_old_person() -> None:
    found = run("村民周大顺老人拉着记者参观新房。", LIJIANG)
    assert "周大顺" in found


def test_credits_one_after_another_without_spaces() -> None:
    found = run("全村新修道路十公里。(记者林小禾通讯员许文涛)", LIJIANG)
    assert found["林小禾"].role == "reporter"
    assert found["许文涛"].role == "correspondent"
    found = run("某某新闻采访人员孟庆山通讯员钱思远黄晓东丽江报道\n会议在丽江召开。", LIJIANG)
    assert {n: p.role for n, p in found.items()} == {
        "孟庆山": "reporter",
        "钱思远": "correspondent",
        "黄晓东": "correspondent",
    }


def test_reporter_after_an_outlet_opening_the_line() -> None:
    found = run("某地在线记者 程雨桐\n9月2日，活动在丽江启动。", LIJIANG)
    assert found["程雨桐"].role == "reporter"
    # not a reporter's cue inside a sentence that does not open its line
    assert "程雨桐摄" not in run("会议举行。特派记者 程雨桐摄\n", LIJIANG)


def test_credit_word_of_a_compiled_report() -> None:
    found = run("本报3月7日讯(记者陈思琪整合)3月7日上午，会议举行。", LIJIANG)
    assert found["陈思琪"].role == "reporter"


def test_roll_of_regional_leaders_with_tibetan_names() -> None:
    # a name ending in 村 (格桑|江村: jieba reads its first half as a name) and one that jieba
    # glues to the title before it (副总指挥长其美多吉 read as 长其|美|多吉)
    found = run(
        "自治区副主席、扶贫开发领导小组副组长格桑江村，张某出席会议。"
        "会议由区委常委、副总指挥长其美多吉主持。",
        None,
    )
    assert [role for role, _ in posts(found["格桑江村"])] == ["副主席", "副组长"]
    assert [role for role, _ in posts(found["其美多吉"])] == ["常委", "副总指挥长"]
    assert not any(name.endswith("前排") for name in run("甲乙在主席台前排就坐。", None))


def test_short_name_and_level_character_before_a_body_title() -> None:
    # 云南|省|党委副书记: the level character after a short name opens no title of its own
    found = run("云南省党委副书记王建军出席会议。", None)
    assert posts(found["王建军"]) == [("副书记", "中共云南省委员会")]


def test_signature_with_a_spaced_title_or_scraped_line_break() -> None:
    found = run("政 府 工 作 报 告\n——在永胜县人民代表大会上\n县 长 钱立新\n各位代表：", LIJIANG)
    assert [(role.replace(" ", ""), body) for role, body in posts(found["钱立新"])] == [
        ("县长", "永胜县人民政府")
    ]
    found = run("工作报告abc 在永胜县人代会上abc 永胜县人民政府县长 孙立平abc\n各位代表", LIJIANG)
    assert posts(found["孙立平"]) == [("县长", "永胜县人民政府")]


def test_signature_name_whose_given_name_reads_as_a_place() -> None:
    # 黄|丽江: the line's position says the given name is a name, not the city
    found = run("在永胜县人代会上\n县长 黄丽江\n各位代表：", LIJIANG)
    assert posts(found["黄丽江"]) == [("县长", "永胜县人民政府")]


def test_committee_bodies_written_without_their_party_committee() -> None:
    found = run("云南召开会议。纪委书记赵明远，政法委书记、副省长钱立新出席。", None)
    assert posts(found["赵明远"]) == [("书记", "中共云南省纪委")]
    assert posts(found["钱立新"])[0] == ("书记", "中共云南省委政法委")
    # after a body whose county is never named, the abbreviation is not placed either
    found = run("云南召开会议。县委常委、政法委书记孙立平出席。", None)
    assert [body.division for body in (p.organisation for p in found["孙立平"].posts)] == [
        None,
        None,
    ]


def test_occupations_of_a_feature_before_names() -> None:
    found = run("创业者钱思远已开始忙碌。他与青年艺术家孟庆山、黄晓东座谈。", LIJIANG)
    assert {"钱思远", "孟庆山", "黄晓东"} <= set(found)
    found = run("合作社负责人程雨桐介绍，今年种植核桃200亩。", LIJIANG)
    assert found["程雨桐"].posts == ()


def test_posts_in_peoples_organisations_and_a_district_leader() -> None:
    found = run("云南省工商联副主席赵明远介绍，全省村企结对帮扶。", None)
    assert posts(found["赵明远"]) == [("副主席", "云南省工商联")]
    found = run("帮扶工作组丽江片区片长钱立新说，丽江有4个县。", LIJIANG)
    assert "钱立新" in found


def test_a_working_body_opening_a_clause_before_its_head() -> None:
    found = run("村里没钱，扶贫工作队队长钱立新说，要先抓班子。", None)
    assert [role for role, _ in posts(found["钱立新"])] == ["队长"]


def test_places_joined_by_a_dot_are_no_name() -> None:
    # in brackets, where a credit's names would stand: (丽江•永胜)
    assert "丽江•永胜" not in run("成功举办“2019中国(丽江•永胜)特色论坛”。", LIJIANG)


def test_an_adverb_before_the_verb_of_an_appointment_clause() -> None:
    found = run("此前，钱立新已担任永胜县政府党组成员。", LIJIANG)
    assert posts(found["钱立新"]) == [("党组成员", "永胜县人民政府")]


def test_a_notice_naming_people_by_age_and_their_posts_by_pronoun() -> None:
    found = run(
        "其中一位是生于1960年的钱立新，他是民盟成员，时任丽江市教育局副局长，"
        "升任丽江市政协副主席；年龄最小的是38岁的孙立平。",
        LIJIANG,
    )
    assert posts(found["钱立新"]) == [
        ("副局长", "丽江市教育局"),
        ("副主席", "政协丽江市委员会"),
    ]
    assert "孙立平" in found


def test_an_adverb_of_regard_after_a_title_is_no_name() -> None:
    # 殷殷 and 常 open words that sit where a name after a title or a cue would
    found = run("村里的老党员常说，要把习近平总书记殷殷嘱托落到田间地头。")
    assert {name: posts(person) for name, person in found.items()} == {
        "习近平": [("总书记", "中共中央")]
    }
    assert run("总书记殷切希望青年人扎根基层。") == {}


def test_a_two_character_verb_after_a_name_is_no_part_of_it() -> None:
    found = run("县委常委、副县长张伟拟任县委副书记。")
    assert list(found) == ["张伟"]
    assert ("副县长", "县人民政府") in posts(found["张伟"])
