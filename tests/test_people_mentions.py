"""People named with no title next to them, where the text gives other cues (issue 14, after the
batch r8): lists closed by the group of leaders they attend as, 同志 after a name, and credits
after a page's separators or a news agency's dateline; invented sentences."""

from __future__ import annotations

from tests.test_people import YONGSHENG, run


def test_names_closed_by_the_group_of_leaders_attending() -> None:
    found = run("县委书记钱立出席会议并讲话。苏长河、孟伟、邵佳怡等县四套班子领导出席。", YONGSHENG)
    assert {"苏长河", "孟伟", "邵佳怡"} <= set(found)


def test_a_name_before_comrade() -> None:
    found = run("会上，韦德成同志介绍了扎根基层的体会。", YONGSHENG)
    assert set(found) == {"韦德成"}


def test_a_leader_named_in_a_set_formula_is_no_person_of_the_story() -> None:
    assert run("全县上下更加紧密地团结在以张某同志为核心的县委周围。", YONGSHENG) == {}


def test_credits_between_a_pages_separators() -> None:
    found = run("标题\n\n2020-05-06 10:12|来源:永胜日报|编辑:邹晓云 |责编:庞丽\n\n正文。")
    assert (found["邹晓云"].role, found["庞丽"].role) == ("editor", "editor")


def test_reporters_right_after_a_news_agencys_dateline() -> None:
    found = run("新华社昆明3月2日电记者卢文、向佳在过去的一年里走访了二十个村。")
    assert {name: p.role for name, p in found.items()} == {"卢文": "reporter", "向佳": "reporter"}


def test_an_editor_credited_right_after_the_authors_names() -> None:
    found = run("来源:新华社作者:葛明、葛晓东责任编辑:邵艺华\n2019-01-14 17:06\n")
    roles = {name: p.role for name, p in found.items()}
    assert roles == {"葛明": "author", "葛晓东": "author", "邵艺华": "editor"}


def test_people_a_feature_remembers_by_what_they_were() -> None:
    found = run("人们记得退休干部汤志清回到村里修路，也记得清代诗人钮文写下的诗句。", YONGSHENG)
    assert {"汤志清", "钮文"} <= set(found)


def test_a_name_after_an_age_and_a_description() -> None:
    found = run("村民选举29岁中专学历的邢海峰为村委会委员。", YONGSHENG)
    assert "邢海峰" in found


def test_a_line_of_names_spaced_apart() -> None:
    found = run("本版图片由县委宣传部提供。\n\n   蒋勇军 李明 姜丽 汪寒露 \n\n历史会记住这一天。")
    assert set(found) == {"蒋勇军", "李明", "姜丽", "汪寒露"}


def test_a_line_of_places_spaced_apart_is_no_names() -> None:
    assert run("丽江 永胜 华坪 宁蒗\n热线：0888-1234567\n", YONGSHENG) == {}


def test_posts_that_qualify_an_experience_are_no_ones() -> None:
    found = run("此前，相声演员苗青就曾有过挂职副县长的经历。", YONGSHENG)
    assert "苗青" in found and found["苗青"].posts == ()


def test_the_first_leader_of_a_list_whose_surname_is_rare() -> None:
    found = run("县委书记钱立带队调研，县领导揭明、孙杰及有关单位负责同志参加。", YONGSHENG)
    assert {"揭明", "孙杰"} <= set(found)


def test_a_collective_title_before_words_is_no_list_of_names() -> None:
    assert run("县领导高度重视、亲自部署。", YONGSHENG) == {}


def test_villagers_listed_after_their_village() -> None:
    found = run("部分困难家庭未纳入，如：东山乡新华村蔡永福、李家坪王秀英等家庭。", YONGSHENG)
    assert "蔡永福" in found
