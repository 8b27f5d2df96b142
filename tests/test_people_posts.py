"""Posts of the forms real reporting brought (issue 14, after the batch r8), in invented
sentences: titles after names, bodies below national ones, enterprises and universities, a
village's own working posts, and the posts a person leaves."""

from __future__ import annotations

import pytest

from kg.extract import people
from kg.extract.facts import Division, Level, Person
from kg.text.document import Document
from tests.places_stub import places_in
from tests.test_people import DONGSHAN, NAMES, YONGSHENG, YUNNAN, posts, run

HONGXING = Division("红星村", Level.VILLAGE, None, (), DONGSHAN)


def run_with_villages(text: str) -> dict[str, Person]:
    doc = Document.from_text(text)
    names = {**NAMES, "红星村": HONGXING}
    return {p.name: p for p in people.extract(doc, places_in(doc, names), YONGSHENG)}


def test_the_premier_written_after_his_name() -> None:
    found = run("会议要求认真学习赵宏总理考察云南时的讲话精神。", YONGSHENG)
    assert posts(found["赵宏"]) == [("总理", "国务院")]


def test_a_comrade_elected_again() -> None:
    found = run("会议指出，刘文同志再次当选为中央委员会总书记。", YONGSHENG)
    assert posts(found["刘文"]) == [("总书记", "中共中央")]


def test_the_post_a_person_no_longer_holds() -> None:
    found = run(
        "市委决定：周立军同志任中共永胜县委书记，孙海同志不再兼任中共永胜县委书记职务；"
        "周立军不再担任永胜县人民政府县长职务。",
        YONGSHENG,
    )
    assert posts(found["周立军"]) == [("书记", "中共永胜县委"), ("县长", "永胜县人民政府")]
    assert posts(found["孙海"]) == [("书记", "中共永胜县委")]


def test_a_head_of_a_villages_own_working_body() -> None:
    found = run("东山乡新华村指挥长杨德才在会上汇报了全村的情况。", YONGSHENG)
    assert posts(found["杨德才"]) == [("指挥长", "新华村")]


def test_a_bureau_of_a_national_body_named_after_its_place() -> None:
    found = run("国家统计局云南调查总队党组成员、副总队长李明华介绍了全省的情况。", YONGSHENG)
    held = found["李明华"].posts
    assert posts(found["李明华"])[-1] == ("副总队长", "国家统计局云南调查总队")
    parent = held[-1].organisation.parent
    assert parent is not None and parent.name == "国家统计局"


def test_an_enterprises_party_secretary_and_chairman() -> None:
    found = run("丽江文旅集团党委书记、董事长和志坚带队到永胜县调研。", YONGSHENG)
    assert posts(found["和志坚"]) == [("书记", "丽江文旅集团党委"), ("董事长", "丽江文旅集团")]


def test_a_universitys_party_officers() -> None:
    found = run("滇西科技学院党委书记段林、云南农业大学党委副书记杨光出席仪式。", YONGSHENG)
    assert posts(found["段林"]) == [("书记", "滇西科技学院党委")]
    assert posts(found["杨光"]) == [("副书记", "云南农业大学党委")]


def test_a_company_counted_is_no_body() -> None:
    found = run("他说，一家公司董事长王五来到村里。", YONGSHENG)
    assert "王五" not in found or posts(found["王五"]) == []


def test_village_first_secretaries_sent_in_batches() -> None:
    found = run_with_villages(
        "第一批罗云峰同志派驻永胜县东山乡新华村担任支部第一书记，第二批罗云峰同志派驻"
        "东山乡红星村担任支部第一书记，第三批董雪同志派驻东山乡红星村担任支部第一书记。"
    )
    assert posts(found["罗云峰"]) == [("第一书记", "新华村"), ("第一书记", "红星村")]
    assert posts(found["董雪"]) == [("第一书记", "红星村")]


def test_a_working_group_after_a_post_and_a_body_of_an_unnamed_city() -> None:
    found = run("市扶贫开发办公室副主任、脱贫攻坚督查组第二组组长杜明带队督查。", None)
    assert [role for role, _ in posts(found["杜明"])] == ["副主任", "组长"]
    office, group = (post.organisation for post in found["杜明"].posts)
    assert office.name == "市扶贫开发办公室" and office.scope is not None
    assert group.name.endswith("脱贫攻坚督查组第二组")


def test_the_chairman_of_an_autonomous_region() -> None:
    region = Division("广西壮族自治区", Level.PROVINCE, "450000", ("广西",))
    doc = Document.from_text("全国人大代表、广西壮族自治区主席陈志武表示，今年要巩固脱贫成果。")
    found = people.extract(doc, places_in(doc, {"广西壮族自治区": region}), region)
    assert posts(found[0]) == [("主席", "广西壮族自治区人民政府")]


def test_a_post_given_to_the_person_named_before_by_a_pronoun() -> None:
    found = run("会议决定任命冯文为丽江市副市长，决定其为代理市长。", YONGSHENG)
    assert posts(found["冯文"]) == [("副市长", "丽江市人民政府"), ("代理市长", "丽江市人民政府")]


def test_a_speakers_caption_name_then_posts() -> None:
    found = run("路通了，产业兴了\n\n分享人：庞秀英 东山乡党委书记\n\n她说，变化看在眼里。")
    assert posts(found["庞秀英"]) == [("书记", "中共东山乡委员会")]


def test_a_county_secretary_who_came_specially() -> None:
    found = run("9月2日，县委书记童新华专程前往东山乡检查指导工作。", YUNNAN)
    assert [role for role, _org in posts(found["童新华"])] == ["书记"]


def test_a_press_conference_speaker_closed_by_a_colon() -> None:
    # 向 is read as a preposition and 明 as a word: the colon closes the speaker's name
    found = run("云南省人民政府新闻办公室副主任、新闻发言人向明：各位记者朋友，大家好！", YUNNAN)
    assert "向明" in found


def test_a_name_read_as_a_place_word_after_a_title() -> None:
    # jieba reads 苏杭 as a place word; after a title and before 先生 it is a name
    found = run("县人民政府副县长苏杭先生介绍了有关情况。", YUNNAN)
    assert [role for role, _org in posts(found["苏杭"])] == ["副县长"]


def test_the_leaders_of_a_working_group_named_after_them() -> None:
    # 甲任组长、乙任副组长的…督查组第三组: each takes the post in the group named after 的, not
    # in the leading group the sentence named before
    found = run(
        "根据省扶贫开发领导小组统一安排，由省委宣传部副部长张明远任组长、"
        "省农业农村厅副厅长李海涛任副组长的2020年脱贫攻坚督查组第三组对我县进行督查。",
        YONGSHENG,
    )
    assert posts(found["张明远"]) == [
        ("副部长", "中共云南省委宣传部"),
        ("组长", "2020年脱贫攻坚督查组第三组"),
    ]
    assert posts(found["李海涛"]) == [
        ("副厅长", "云南省农业农村厅"),
        ("副组长", "2020年脱贫攻坚督查组第三组"),
    ]


def test_a_village_post_written_with_and_without_where_its_holder_was_sent() -> None:
    found = run("新华村驻村第一书记王海涛走访农户。担任第一书记的王海涛说，村里变化很大。")
    assert posts(found["王海涛"]) == [("驻村第一书记", "新华村")]


def test_a_quoted_post_before_the_name() -> None:
    found = run("东山乡新华村驻村“第一书记”王海涛乐开了花。", YONGSHENG)
    assert posts(found["王海涛"]) == [("第一书记", "新华村")]


def test_a_nominee_s_post_keeps_its_mark() -> None:
    # a report's signature before the election: 乡长提名人选, the name after spaces
    found = run("永胜县东山乡党委副书记、乡长提名人选 卜先\n正文", YONGSHENG)
    assert [role for role, _org in posts(found["卜先"])] == ["副书记", "乡长提名人选"]


def test_a_politburo_member_s_post() -> None:
    found = run("时任中共中央政治局委员、云南省委书记王建华来此走访贫困户。", YONGSHENG)
    assert posts(found["王建华"]) == [("委员", "中共中央政治局"), ("书记", "中共云南省委")]


def test_the_politburo_written_short() -> None:
    found = run("中央政治局常委、国务院副总理王建华出席会议。", YONGSHENG)
    assert posts(found["王建华"]) == [("常委", "中共中央政治局"), ("副总理", "国务院")]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("东山乡先锋社区合作社负责人王建华介绍，今年种了两万筐魔芋。", "东山乡先锋社区合作社"),
        ("据新华村种植合作社负责人王建华介绍，销路不愁。", "新华村种植合作社"),
    ],
)
def test_the_person_in_charge_of_a_cooperative(text: str, body: str) -> None:
    assert posts(run(text, YONGSHENG)["王建华"]) == [("负责人", body)]


def test_the_person_in_charge_of_a_bare_kind_of_body_has_no_post() -> None:
    # 农场 alone names no farm
    found = run("“去年产量翻了一番。”农场负责人王建华说。", YONGSHENG)
    assert posts(found["王建华"]) == []


def test_an_autonomous_regions_acting_head() -> None:
    found = run("宁夏回族自治区代主席马立新向大会作政府工作报告。", None)
    [(role, body)] = posts(found["马立新"])
    assert role == "代主席"
    assert body.endswith("人民政府")


def test_a_commissar_of_the_provinces_military_district() -> None:
    found = run("省军区副政委赵德明、副县长孙立平出席仪式。", YONGSHENG)
    assert posts(found["赵德明"]) == [("副政委", "云南省军区")]


def test_chains_of_posts_joined_by_commas_before_one_name() -> None:
    """A cadre sent to another county lists the posts at home, the team's and the host's,
    each closed by a comma, and then the name: every post is the one person's."""
    found = run("丽江市委常委、统战部长，云南省第五批帮扶工作队领队，永胜县副县长陈永明出席。")
    assert posts(found["陈永明"]) == [
        ("常委", "中共丽江市委"),
        ("部长", "中共丽江市委统战部"),
        ("领队", "云南省第五批帮扶工作队"),
        ("副县长", "永胜县人民政府"),
    ]


def test_a_secretary_who_is_also_first_commissar() -> None:
    found = run("省委书记、省军区党委第一书记、第一政委钱立新出席会议并讲话。", YONGSHENG)
    assert [role for role, _ in posts(found["钱立新"])] == ["书记", "第一书记", "第一政委"]


def test_a_village_team_named_by_the_body_that_sends_it() -> None:
    found = run("他听取了村支书马文及检察院驻村工作队队长董立群的汇报。", YONGSHENG)
    assert [role for role, _ in posts(found["董立群"])] == ["驻村工作队队长"]


def test_heads_of_a_townships_working_areas() -> None:
    found = run(
        "东山乡北片区片长、县林业局局长朱立强主持会议。随后,东山战区组长龚立新通报了问题。",
        YONGSHENG,
    )
    assert ("片长", "东山乡北片区") in posts(found["朱立强"])
    assert posts(found["龚立新"]) == [("组长", "东山战区")]


def test_a_chain_whose_last_title_opens_with_its_villages_level() -> None:
    # 新华|村党总支书记: the title takes the village's 村, and still joins the chain
    found = run("全国两会前夕,东山乡副乡长、新华村党总支书记黄立群分外忙碌。", YONGSHENG)
    assert [role for role, _ in posts(found["黄立群"])] == ["副乡长", "党总支书记"]


def test_the_head_of_a_delegation_who_gives_a_speech() -> None:
    found = run(
        "庆祝大会上,中共中央政治局委员、中央代表团副团长钱立新发表讲话。中央代表团团长孙海说。",
        YONGSHENG,
    )
    assert [role for role, _ in posts(found["钱立新"])] == ["委员", "副团长"]
    assert posts(found["孙海"]) == [("团长", "中央代表团")]


@pytest.mark.parametrize(
    "text",
    [
        "2019年3月,王立军到东山乡新华村担任第一书记时,村里还没有路。",
        "2019年3月,王立军被选为新华村第一书记。",
    ],
)
def test_a_person_sent_to_or_elected_to_a_post(text: str) -> None:
    found = run(text, YONGSHENG)
    assert [role for role, _ in posts(found["王立军"])] == ["第一书记"]


def test_going_somewhere_to_do_something_is_no_post() -> None:
    assert all(not p.posts for p in run("王立军到新华村为群众办事。", YONGSHENG).values())


def test_posts_in_a_peoples_organisation_by_its_short_name() -> None:
    # 作协, 社科联: people's organisations written short, like 文联 and 科协
    found = run("县作协副主席钱明远、县社科联党组成员、秘书长孔德到村调研。", YONGSHENG)
    assert posts(found["钱明远"]) == [("副主席", "永胜县作协")]
    assert posts(found["孔德"]) == [("党组成员", "永胜县社科联"), ("秘书长", "永胜县社科联")]


def test_a_deputy_to_a_peoples_congress_before_the_posts_held() -> None:
    found = run("丽江市人大代表、永胜县委副书记、县长孔德接受了专访。", YONGSHENG)
    assert posts(found["孔德"]) == [
        ("代表", "丽江市人民代表大会"),
        ("副书记", "中共永胜县委"),
        ("县长", "永胜县人民政府"),
    ]
    assert "钱明远" not in run("村民代表钱明远说，路通了。", YONGSHENG)
