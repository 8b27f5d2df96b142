"""People and posts of the forms the batch r10 brought (issue 14), in invented sentences:
appointment reports (甲调任…, 乙出任…, 由…调任), leaders' rolls, villagers named by household,
bylines, discipline and supervision posts, and words that are no names."""

from __future__ import annotations

from tests.test_people import YONGSHENG, posts, run


def test_a_name_before_an_appointment_verb_it_would_swallow() -> None:
    # jieba cuts 赵|喆|调任; the name is not 赵喆调 before 任
    found = run("共青团永胜县委书记赵喆调任东山乡党委书记。", YONGSHENG)
    assert list(found) == ["赵喆"]
    assert [role for role, _ in posts(found["赵喆"])] == ["书记", "书记"]


def test_old_and_new_posts_around_a_moving_verb() -> None:
    found = run("永胜县财政局局长吴江华出任东山乡党委书记。", YONGSHENG)
    assert [role for role, _ in posts(found["吴江华"])] == ["局长", "书记"]


def test_a_rank_aside_and_a_rank_before_the_new_post() -> None:
    found = run(
        "当年，永胜县委副书记、县长(正处级)吴江华调任正处级的东山乡党委书记，"
        "后于2020年3月升任永胜县委书记。",
        YONGSHENG,
    )
    assert [role for role, _ in posts(found["吴江华"])] == ["副书记", "县长", "书记", "书记"]


def test_a_name_closed_by_a_comma_after_a_title() -> None:
    # jieba reads 周长|强: the surname and the next character as a noun
    found = run("永胜县卫生健康局党组书记、局长周长强，拟任东山乡党委书记。", YONGSHENG)
    assert list(found) == ["周长强"]


def test_a_given_name_ending_in_a_character_that_ends_bodies() -> None:
    # 科 ends bodies' names (统计科); jieba reads these whole as names
    found = run("县委书记钱志科出席并讲话，县政协主席姚立科主持会议。", YONGSHENG)
    assert sorted(found) == ["姚立科", "钱志科"]
    assert posts(found["姚立科"]) == [("主席", "政协永胜县委员会")]


def test_a_roll_of_company_posts_and_a_clerk() -> None:
    found = run(
        "其中，永胜县绿源农业集团有限公司董事局主席陈立华，永胜县委政法委科员王小勇，"
        "东山乡人大主席团主席刘国镇出席。",
        YONGSHENG,
    )
    assert [role for role, _ in posts(found["陈立华"])] == ["董事局主席"]
    assert [role for role, _ in posts(found["王小勇"])] == ["科员"]


def test_a_given_name_ending_in_a_level_character() -> None:
    # jieba reads 钱建镇 whole as a name: 镇 is its given name's, no township
    found = run("县人大常委会主任钱建镇、县政协主席李强出席。", YONGSHENG)
    assert sorted(found) == ["李强", "钱建镇"]


def test_a_company_director_and_its_party_group() -> None:
    found = run("永胜县交通投资集团有限公司董事、党组副书记甄立义一行到村检查。", YONGSHENG)
    assert [role for role, _ in posts(found["甄立义"])] == ["董事", "党组副书记"]


def test_rare_surnames_where_a_title_says_a_name_follows() -> None:
    found = run(
        "受县委书记贠立新委托，永胜县农业农村局党组书记、局长户明，工作队队长来志刚介绍说，"
        "今年的任务已完成。",
        YONGSHENG,
    )
    assert sorted(found) == ["户明", "来志刚", "贠立新"]
    assert [role for role, _ in posts(found["户明"])] == ["党组书记", "局长"]


def test_rare_surnames_that_are_words_in_a_clause() -> None:
    assert run("对村党支部书记来说，县长都要到村里走一走。", YONGSHENG) == {}


def test_an_acting_head_signing_a_report_with_a_rare_surname() -> None:
    found = run("政府工作报告\n永胜县人民政府代县长都立华\n各位代表：", YONGSHENG)
    assert posts(found["都立华"]) == [("代县长", "永胜县人民政府")]


def test_discipline_and_supervision_posts_and_a_title_said_again() -> None:
    found = run(
        "会议由县人大常委会副主任高立超主持，副主任王丽娜、王成出席，"
        "县委常委、县纪委书记、县监委主任孙立春列席会议。",
        YONGSHENG,
    )
    assert posts(found["王丽娜"]) == [("副主任", "永胜县人大常委会")]
    assert posts(found["王成"]) == [("副主任", "永胜县人大常委会")]
    assert posts(found["孙立春"]) == [
        ("常委", "中共永胜县委"),
        ("书记", "中共永胜县纪委"),
        ("主任", "永胜县监察委员会"),
    ]


def test_an_inspection_groups_leaders_opening_their_clauses() -> None:
    found = run(
        "督查组组长、水利部副部长张立全出席会议并讲话。"
        "督查组副组长、永胜县交通投资集团有限公司董事甄立义出席会议。",
        YONGSHENG,
    )
    assert [role for role, _ in posts(found["张立全"])] == ["组长", "副部长"]
    assert [role for role, _ in posts(found["甄立义"])] == ["副组长", "董事"]


def test_a_surname_that_is_a_common_word_where_jieba_reads_a_name() -> None:
    found = run("县委副书记信立星在东山乡与督查组一行座谈。", YONGSHENG)
    assert posts(found["信立星"]) == [("副书记", "中共永胜县委")]


def test_a_democratic_partys_committee_in_a_chain_of_posts() -> None:
    found = run("永胜县人大常委会副主任、民建县委主委沈立强率队调研。", YONGSHENG)
    assert posts(found["沈立强"]) == [
        ("副主任", "永胜县人大常委会"),
        ("主委", "中国民主建国会永胜县委员会"),
    ]


def test_households_named_by_their_heads() -> None:
    found = run(
        "工作组入户核查边缘户钱文春、钱怀付两户的整改情况，走访贫困户李秀兰户；"
        "反馈的问题涉及红岭村赵敬海户和青石村赵振业、赵各敏户，改造农村危房96户。",
        YONGSHENG,
    )
    assert sorted(found) == ["李秀兰", "赵各敏", "赵振业", "赵敬海", "钱怀付", "钱文春"]


def test_a_captions_place_and_a_slogan_word_are_no_names() -> None:
    # 左 is a surname, and jieba's dictionary tags 高水平 a name
    found = run("本报记者(左一)在村里采访种植户。李明 摄", YONGSHENG)
    assert list(found) == ["李明"]
    assert run("全镇实施低收入农户高水平增收计划。", YONGSHENG) == {}


def test_leaders_of_a_named_county_listed() -> None:
    # jieba reads 永胜县|领导: the cue 县领导 starts inside the place's name
    found = run("永胜县领导钱文菊、盛立霞、张树成参加座谈或考察。", YONGSHENG)
    assert sorted(found) == ["张树成", "盛立霞", "钱文菊"]


def test_credit_cues_in_brackets() -> None:
    found = run("特此公告。\n【编辑】:李文玲\n【责任编辑】:孙晓林\n", YONGSHENG)
    assert sorted(found) == ["孙晓林", "李文玲"]


def test_a_rare_surname_in_a_list_after_a_post() -> None:
    found = run("县人大常委会副主任李建国、颉明华，副县长杜兴出席会议。", YONGSHENG)
    assert posts(found["颉明华"]) == [("副主任", "永胜县人大常委会")]


def test_a_rare_surname_opening_a_word_in_a_list_is_no_name() -> None:
    found = run("作者：邹某丰 来源：永胜日报", YONGSHENG)
    assert "来源" not in found


def test_a_person_moved_from_one_post_to_another() -> None:
    # 甲从A任B, 她从A一职转任为B: the post left after 从, then the post taken
    named = run("李春明从东山乡乡长任东山乡党委书记。", YONGSHENG)
    assert posts(named["李春明"]) == [("乡长", "东山乡人民政府"), ("书记", "中共东山乡委员会")]
    text = "年龄最小的是37岁的赵丽，她从县文化局局长一职转任为县教育局局长。"
    assert posts(run(text, YONGSHENG)["赵丽"]) == [
        ("局长", "永胜县文化局"),
        ("局长", "永胜县教育局"),
    ]
    assert run("他从县文化局局长岗位上退下来。", YONGSHENG) == {}
