"""Posts of the forms the batch r13 brought (issue 14), in invented sentences: civil-service
ranks and a body's chief specialists as one title each, a speaker's name closed by the subject
of the talk, a 第一书记 taken in a feature's plain words or of a village's Party organisation,
a secretary and a head of government named as a pair (甲书记、乙省长), posts put before the
person by 作为 or after a date and the way of posting (2016年8月被选派为…), 委员长, and a line
of a body's name and a person's (某局 张三) or of an author's name alone opening the text."""

from __future__ import annotations

from tests.test_people import YONGSHENG, posts, run
from tests.test_people_posts import run_with_villages


def test_a_civil_service_rank_is_one_title() -> None:
    found = run("县政府办公室四级调研员何平、县委组织部副主任科员田力出席会议。", YONGSHENG)
    assert posts(found["何平"]) == [("四级调研员", "永胜县人民政府办公室")]
    assert posts(found["田力"]) == [("副主任科员", "中共永胜县委组织部")]


def test_a_chief_engineer_of_a_bureau() -> None:
    found = run("永胜县住房和城乡建设局总工程师谌立新出席发布会。", YONGSHENG)
    assert posts(found["谌立新"]) == [("总工程师", "永胜县住房和城乡建设局")]


def test_a_speaker_named_before_the_subject_of_the_talk() -> None:
    found = run("县农业农村局局长、县扶贫办主任杨青山围绕产业发展介绍情况。", YONGSHENG)
    assert [role for role, _ in posts(found["杨青山"])] == ["局长", "主任"]


def test_a_first_secretary_in_a_features_plain_words() -> None:
    found = run(
        "2016年5月，42岁的省农业学院人事处主任科员郑海明来到新华村当了“第一书记”。", YONGSHENG
    )
    assert posts(found["郑海明"]) == [
        ("主任科员", "云南省农业学院人事处"),
        ("第一书记", "新华村"),
    ]


def test_the_first_secretary_of_a_villages_party_organisation() -> None:
    found = run("县委组织部科员郑海明担任新华村党组织第一书记。", YONGSHENG)
    assert posts(found["郑海明"]) == [
        ("科员", "中共永胜县委组织部"),
        ("第一书记", "新华村党组织"),
    ]


def test_a_secretary_paired_with_the_head_of_his_place() -> None:
    found = run("会议传达了全省电视电话会议上李东书记、王发省长的讲话精神。", YONGSHENG)
    assert posts(found["李东"]) == [("书记", "中共云南省委")]
    found = run("要落实好刘明书记、张华县长的要求。", YONGSHENG)
    assert posts(found["刘明"]) == [("书记", "中共永胜县委")]


def test_a_head_named_by_his_given_name_beside_his_secretary() -> None:
    found = run("会议传达了全省电视电话会议上李东书记、求发省长的讲话精神。", YONGSHENG)
    assert posts(found["求发"]) == [("省长", "云南省人民政府")]
    assert run("要落实好书记、县长的要求。", YONGSHENG) == {}


def test_a_bare_secretary_alone_takes_no_body() -> None:
    assert posts(run("刘明书记说，要落实好。", YONGSHENG)["刘明"]) == []


def test_posts_put_before_the_person_by_as() -> None:
    found = run("作为中央和国家机关工委宣传部副部长，孙丽萍是主动报名来扶贫的。", YONGSHENG)
    assert posts(found["孙丽萍"]) == [("副部长", "中央和国家机关工委宣传部")]
    found = run("作为省农业农村厅办公室副主任，孙丽萍主动报名来扶贫。", YONGSHENG)
    assert posts(found["孙丽萍"]) == [("副主任", "云南省农业农村厅办公室")]
    assert run("作为县委副书记，要带头抓落实。", YONGSHENG) == {}


def test_a_village_post_said_again_without_the_village_is_one_post() -> None:
    found = run_with_villages(
        "红星村党总支书记孙丽萍走访农户。作为村党总支书记，孙丽萍深知成果来之不易。"
    )
    assert [role for role, _ in posts(found["孙丽萍"])] == ["党总支书记"]


def test_a_date_and_the_way_of_posting_before_the_post() -> None:
    found = run("孙丽萍2016年8月被选派为挂职扶贫的县委副书记。", YONGSHENG)
    assert posts(found["孙丽萍"]) == [("副书记", "中共永胜县委")]
    found = run("孙丽萍2016年8月任县委副书记。", YONGSHENG)
    assert posts(found["孙丽萍"]) == [("副书记", "中共永胜县委")]


def test_a_post_a_feature_quotes_after_its_body() -> None:
    found = run("县委组织部科员孙丽萍担任东山乡新华村村党组织“第一书记”已有半年。", YONGSHENG)
    assert posts(found["孙丽萍"]) == [
        ("科员", "中共永胜县委组织部"),
        ("第一书记", "新华村党组织"),
    ]


def test_the_chairman_of_a_standing_committee() -> None:
    found = run("全国人大常委会委员长孙丽萍出席会议。", YONGSHENG)
    assert posts(found["孙丽萍"]) == [("委员长", "全国人大常委会")]
    assert "长孙丽萍" not in found


def test_a_foreign_head_of_state_by_that_title() -> None:
    found = run("邻国劳动党总书记、国务委员长金永哲会见代表团。", YONGSHENG)
    assert "金永哲" in found


def test_a_line_of_a_body_and_a_person() -> None:
    found = run("国务院新闻办新闻局 孙丽萍\n主持人：欢迎各位。", YONGSHENG)
    assert posts(found["孙丽萍"]) == []
    assert run("永胜县 孙丽萍\n", YONGSHENG) == {}


def test_an_authors_name_alone_on_the_first_line() -> None:
    found = run("孙丽萍\n早晨五点，他已经起床了。", YONGSHENG)
    assert posts(found["孙丽萍"]) == []
    assert run("巴蜀网\n早晨五点，他已经起床了。", YONGSHENG) == {}
    assert run("早晨五点。\n孙丽萍\n", YONGSHENG) == {}
