"""People and posts of the forms the batch r15 brought (issue 14), in invented sentences: verbs
and page labels jieba reads as names or parts of them (甲任…, 总书记宣布：, 索引号：), a nominee
named after 提名, and a headline's bar (丨) after a name."""

from __future__ import annotations

from kg.extract import extract
from kg.text.document import Document
from tests.test_people import YONGSHENG, posts, run


def test_a_one_character_appointment_verb_is_no_part_of_the_name() -> None:
    # jieba reads 张立任 whole; 任 is the appointment, the name is 张立
    found = run("丽江市委决定，张立任永胜县委副书记，提名为县长候选人。", YONGSHENG)
    assert list(found) == ["张立"]
    assert posts(found["张立"]) == [("副书记", "中共永胜县委")]


def test_a_name_ending_in_the_character_keeps_it_before_a_bare_title() -> None:
    # no body written after it: 李国任 stands before a bare title, 任 is his own
    found = run("李国任书记出席会议。", YONGSHENG)
    assert list(found) == ["李国任"]


def test_a_nominee_named_after_the_verb_of_nominating() -> None:
    found = run("丽江市委决定，提名赵晓为永胜县县长候选人。", YONGSHENG)
    assert list(found) == ["赵晓"]
    assert [role for role, _ in posts(found["赵晓"])] == ["县长"]


def test_a_verb_of_saying_after_a_title_and_before_a_colon_is_no_name() -> None:
    found = run("报告摘编\n总书记宣布：\n坚决打赢脱贫攻坚战。", YONGSHENG)
    assert found == {}


def test_a_page_header_label_before_a_colon_is_no_speaker() -> None:
    found = run("索引号: | 0001/2023-1 | 公开方式: | 主动公开 |\n永胜县人民政府", YONGSHENG)
    assert found == {}


def test_a_name_before_a_headline_bar() -> None:
    found = run("新华村第一书记文君丨扶贫路上的故事\n文君，女，藏族。", YONGSHENG)
    assert list(found) == ["文君"]
    assert [role for role, _ in posts(found["文君"])] == ["第一书记"]


def test_a_body_whose_short_name_is_quoted() -> None:
    found = run(
        "县扶贫“三会”会长李继红，县扶贫“三会”顾问组组长赵长安出席会议。",
        YONGSHENG,
    )
    assert posts(found["李继红"]) == [("会长", "永胜县扶贫三会")]
    assert posts(found["赵长安"]) == [("组长", "永胜县扶贫三会顾问组")]


def test_a_quoted_nickname_after_a_clause_is_no_body() -> None:
    found = run("乡亲们都把他叫作“泥腿子”书记，他就是东山乡党委书记王立。", YONGSHENG)
    assert posts(found["王立"]) == [("书记", "中共东山乡委员会")]


def test_a_given_name_cut_short_by_the_next_word_is_the_whole_name() -> None:
    # jieba reads 叶继|革作 in the second sentence; the first names 叶继革 whole
    found = run("县扶贫“三会”会长叶继革出席。\n会长叶继革作工作报告。", YONGSHENG)
    assert list(found) == ["叶继革"]


def test_a_university_post_taken_on_after_a_verb_of_holding_two_posts() -> None:
    found = run("丽江市委决定，总督学、市教育局党组成员周岚兼任丽江师范学院党委书记。", YONGSHENG)
    assert [role for role, _ in posts(found["周岚"])] == ["总督学", "党组成员", "书记"]
    assert posts(found["周岚"])[2] == ("书记", "丽江师范学院党委")


def test_a_national_leader_who_heads_a_democratic_party() -> None:
    found = run("全国人大常委会副委员长、九三学社中央主席钱明远一行来到永胜县调研。", YONGSHENG)
    assert posts(found["钱明远"]) == [
        ("副委员长", "全国人大常委会"),
        ("主席", "九三学社中央委员会"),
    ]


def test_a_section_head_of_a_national_bodys_internal_unit() -> None:
    found = run("中宣部新闻局综合处处长高云、水利部规划计划司司长马骏出席。", YONGSHENG)
    assert posts(found["高云"]) == [("处长", "中宣部新闻局综合处")]
    assert posts(found["马骏"]) == [("司长", "水利部规划计划司")]


def test_credits_after_a_vertical_bar() -> None:
    found = run("东山乡召开推进会。\n\n编辑︱李婷婷\n\n审核｜王卫东\n", YONGSHENG)
    assert sorted(found) == ["李婷婷", "王卫东"]
    assert found["李婷婷"].role == "editor"


def test_an_assistant_to_the_secretary_of_a_party_committee() -> None:
    found = run("丽江市委书记助理陈金、永胜县长助理赵阳参加调研。", YONGSHENG)
    assert posts(found["陈金"]) == [("书记助理", "中共丽江市委")]
    assert posts(found["赵阳"]) == [("县长助理", "永胜县人民政府")]


def test_a_body_writing_of_itself() -> None:
    found = run(
        "受办党组书记、主任张海同志委托，我办一级巡视员李青同志赴永胜县开展督战工作。",
        YONGSHENG,
    )
    assert [role for role, _ in posts(found["张海"])] == ["党组书记", "主任"]
    assert posts(found["李青"]) == [("一级巡视员", "本办")]


def test_a_body_without_the_formula_of_entrusting_is_no_own_body() -> None:
    found = run("受办主任张海同志安排，李青同志赴永胜县。", YONGSHENG)
    assert posts(found["张海"]) == []


def test_credits_written_after_the_names_and_a_word_between_two_credits() -> None:
    found = run(
        "村民走在新华村村道上。 高明远 图\n"
        "(丽江日报 记者 庄严 通讯员 木丽/文 新媒体中心 和文西/编辑)",
        YONGSHENG,
    )
    assert {name: person.role for name, person in found.items()} == {
        "高明远": "photographer",
        "庄严": "reporter",
        "木丽": "correspondent",
        "和文西": "editor",
    }


def test_a_map_or_a_figure_is_no_photo_credit() -> None:
    found = run("详见如图\n全县地图", YONGSHENG)
    assert found == {}


def test_a_village_assistant_telling_a_story() -> None:
    found = run("东山乡新华村扶贫协理员杨彩云讲述了驻村故事。", YONGSHENG)
    assert posts(found["杨彩云"]) == [("扶贫协理员", "新华村")]


def test_a_head_title_across_a_township_and_the_village_after_it() -> None:
    # jieba reads 城厢镇|长|居村: 镇长 is no post, 长居村 the village (the gazetteer names the
    # county and the township)
    facts = extract(Document.from_text("福建省武平县城厢镇长居村驻村第一书记范宜涛分享了故事。"))
    (person,) = facts.people
    assert [post.role_span.text for post in person.posts] == ["驻村第一书记"]


def test_posts_of_a_career_clause_opened_by_a_date() -> None:
    found = run(
        "东山乡党委书记赵海涛在永胜县工作多年，2021年3月升任永胜县副县长，"
        "同年6月改任永胜县统计局局长。",
        YONGSHENG,
    )
    assert [role for role, _ in posts(found["赵海涛"])] == ["书记", "副县长", "局长"]
