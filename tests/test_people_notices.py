"""People and posts of the forms the batch r11 brought (issue 14), in invented sentences:
appointment notices (卸任, 另有任用, the formula 委员、常委、书记), a Party department's 部务委员,
an association's 常务副会长, a former post (原副主任), a visiting group (牵头) and a village
secretary as villagers call one (老支书), a person placed in a photo or given an age."""

from __future__ import annotations

from tests.test_people import YONGSHENG, posts, run


def test_a_name_before_a_verb_of_leaving_a_post() -> None:
    # jieba reads 孙喆卸 whole: the name ends where 卸任 starts
    found = run(
        "永胜县委书记(正处级)李江华卸任，文斌出任永胜县委书记；东山乡党委书记孙喆卸任。",
        YONGSHENG,
    )
    assert sorted(found) == ["孙喆", "文斌", "李江华"]
    assert [role for role, _ in posts(found["孙喆"])] == ["书记"]


def test_names_before_other_moves_of_a_notice() -> None:
    # jieba reads 张立不, 赵喆离 and 孙喆接 whole; 李喆 is lost before 另有任用
    found = run(
        "县委常委张立不再担任县委宣传部部长，县长赵喆离任，副县长孙喆接任，"
        "东山乡党委书记李喆另有任用。",
        YONGSHENG,
    )
    assert sorted(found) == ["孙喆", "张立", "李喆", "赵喆"]


def test_the_steps_of_the_appointment_formula_are_no_posts() -> None:
    found = run("现任永胜县委组织部部务委员刘峰松拟任中共东山乡党委委员、常委、书记。", YONGSHENG)
    assert posts(found["刘峰松"]) == [
        ("部务委员", "中共永胜县委组织部"),
        ("书记", "中共东山乡委员会"),
    ]


def test_a_standing_member_who_is_also_deputy_keeps_both_posts() -> None:
    found = run("永胜县委常委、副书记王立出席。", YONGSHENG)
    assert [role for role, _ in posts(found["王立"])] == ["常委", "副书记"]


def test_an_executive_vice_president_of_an_association() -> None:
    found = run("永胜县扶贫志愿服务促进会常务副会长徐晖出席。", YONGSHENG)
    assert posts(found["徐晖"]) == [("常务副会长", "永胜县扶贫志愿服务促进会")]


def test_a_name_jieba_guessed_as_a_verb_after_a_title() -> None:
    # jieba, not knowing 符鸣, tags it v; 包联 (a cadre's assigned contact) is a word of the genre
    found = run(
        "东山乡党委书记由永胜县纪委常委符鸣担任，做到领导干部包联、帮扶责任人帮扶。",
        YONGSHENG,
    )
    assert list(found) == ["符鸣"]
    # the post before 由 is his too (issue 14, r11's gold)
    assert posts(found["符鸣"]) == [("书记", "中共东山乡委员会"), ("常委", "中共永胜县纪委")]


def test_a_visiting_group_led_by_a_counsellor_with_a_former_official() -> None:
    found = run(
        "由国务院参事室党组成员、副主任王卫民牵头，国务院扶贫办原副主任王国良等组成调研组。",
        YONGSHENG,
    )
    assert posts(found["王卫民"]) == [("党组成员", "国务院参事室"), ("副主任", "国务院参事室")]
    assert [role for role, _ in posts(found["王国良"])] == ["副主任"]


def test_a_former_post_keeps_its_body() -> None:
    found = run("永胜县扶贫办原主任王国良、县政府参事室主任蔡竞陪同。", YONGSHENG)
    assert posts(found["王国良"]) == [("主任", "永胜县扶贫开发领导小组办公室")]
    assert [role for role, _ in posts(found["蔡竞"])] == ["主任"]


def test_a_village_secretary_as_villagers_call_one() -> None:
    found = run("村民说，日子好了，离不开老支书潘立国和驻村第一书记闫宝山的坚守。", YONGSHENG)
    assert sorted(found) == ["潘立国", "闫宝山"]
    assert [role for role, _ in posts(found["潘立国"])] == ["老支书"]


def test_a_name_after_the_year_of_birth() -> None:
    found = run("现任永胜县委书记是1966年出生的陈立军。他曾在东山乡工作。", YONGSHENG)
    assert list(found) == ["陈立军"]


def test_a_chain_whose_second_post_opens_with_a_place() -> None:
    found = run("时任永胜县委书记兼东山乡党委书记麦立华出席。", YONGSHENG)
    assert posts(found["麦立华"]) == [("书记", "中共永胜县委"), ("书记", "中共东山乡委员会")]


def test_a_pilot_zone_and_a_deputy_within_a_chain() -> None:
    # 副主任 after 国资委党委副书记 is the 国资委's, not the zone's whose 主任 came before
    found = run(
        "永胜县城乡统筹综合试验区党工委书记、管委会主任(正处级)麦立华调任永胜县国资委主任；"
        "东山乡党委书记吴明调任县国资委党委副书记、副主任。",
        YONGSHENG,
    )
    assert posts(found["麦立华"]) == [
        ("党工委书记", "永胜县城乡统筹综合试验区党工委"),
        ("主任", "永胜县城乡统筹综合试验区管委会"),
        ("主任", "永胜县国资委"),
    ]
    assert posts(found["吴明"])[-1] == ("副主任", "永胜县国资委")


def test_a_name_placed_in_a_photo_or_given_an_age() -> None:
    found = run(
        "2019年3月，王大兵(右二)请来专家为村民讲课。李小红，38岁，中共党员。游客(左一)在拍照。",
        YONGSHENG,
    )
    assert sorted(found) == ["李小红", "王大兵"]


def test_a_name_whose_last_character_jieba_glued_to_the_verb_after_it() -> None:
    # 张华|建为: the appointment's 为 read as one word with the given name's last character
    notice = (
        "会议任命王立新为县人大常委会财经委主任，张华建为县人大常委会农业与农村工作委员会主任。"
    )
    committee = "永胜县人大常委会农业与农村工作委员会"
    assert posts(run(notice, YONGSHENG)["张华建"]) == [("主任", committee)]


def test_a_two_character_appointment_verb_is_no_given_names_end() -> None:
    found = run("县长王海斌出任县委书记。", YONGSHENG)
    assert set(found) == {"王海斌"}


def test_posts_a_person_holds_named_by_their_end_without_a_removal() -> None:
    # 甲的…职务相应终止: no 免去, but 职务 says the posts are the person's
    found = run("依照有关规定，李春明的县人大常委会委员职务相应终止。", YONGSHENG)
    assert posts(found["李春明"]) == [("委员", "永胜县人大常委会")]
    assert run("李春明的县人大常委会委员选举工作顺利完成。", YONGSHENG) == {}


def test_posts_given_by_a_person_named_after_them() -> None:
    # 某职务由甲担任: the posts before 由 are the person's that 担任 follows
    found = run("县长职务由县委副书记李春明担任。此项工作由县委副书记赵建国负责。", YONGSHENG)
    assert posts(found["李春明"]) == [("县长", "永胜县人民政府"), ("副书记", "中共永胜县委")]
    assert posts(found["赵建国"]) == [("副书记", "中共永胜县委")]


def test_a_sentence_opening_he_held_is_about_the_name_closing_the_one_before() -> None:
    text = (
        "新任县委书记是1970年出生的李明华。他曾任县委宣传部副部长（正科级）、县文化局局长，"
        "县人民政府副秘书长。县长赵建国出席。他说，他曾任县教育局局长。"
    )
    found = run(text, YONGSHENG)
    assert posts(found["李明华"]) == [
        ("副部长", "中共永胜县委宣传部"),
        ("局长", "永胜县文化局"),
        ("副秘书长", "永胜县人民政府"),
    ]
    assert posts(found["赵建国"]) == [("县长", "永胜县人民政府")]


def test_people_who_respectively_take_posts() -> None:
    # 分别任A、B: one post each, in order; one post alone is each person's
    found = run("会上，李春明、赵建国分别任县文化局局长、县教育局局长。", YONGSHENG)
    assert posts(found["李春明"]) == [("局长", "永胜县文化局")]
    assert posts(found["赵建国"]) == [("局长", "永胜县教育局")]
    found = run("李春明、赵建国分别担任县脱贫攻坚指挥部指挥长。", YONGSHENG)
    assert posts(found["赵建国"]) == [("指挥长", "永胜县脱贫攻坚指挥部")]
