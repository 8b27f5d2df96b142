"""Tibetan and Mongolian names of four characters or more, written with no dot and no surname,
read from the parts such names are made of (``kg/data/people_name_syllables.txt``), in
invented sentences."""

from __future__ import annotations

from tests.test_people import YONGSHENG, posts, run


def test_a_tibetan_name_of_two_parts_after_a_chain_of_posts() -> None:
    found = run("自治区人民政府副秘书长、新闻发言人旦增次珍介绍了全区的情况。", YONGSHENG)
    assert set(found) == {"旦增次珍"}
    assert [role for role, _ in posts(found["旦增次珍"])] == ["副秘书长", "新闻发言人"]


def test_a_name_whose_first_part_jieba_reads_as_a_name_alone() -> None:
    found = run("县委常委、副县长索朗旺姆主持会议。", YONGSHENG)
    assert set(found) == {"索朗旺姆"}


def test_a_mongolian_name_after_a_provincial_secretary() -> None:
    found = run("丽江市委书记巴特尔朝鲁来到永胜县调研。", YONGSHENG)
    assert posts(found["巴特尔朝鲁"]) == [("书记", "中共丽江市委")]


def test_name_parts_before_a_word_that_is_no_follower_are_no_name() -> None:
    found = run("县长扎西德勒村的工作做得好。", YONGSHENG)
    assert not any(name.startswith("扎西") for name in found)


def test_amdo_spellings_of_name_parts_after_a_chain_of_posts() -> None:
    found = run("县委常委、副县长华旦曲扎主持了推进会，村党支部书记才郎旦正介绍了情况。", YONGSHENG)
    assert set(found) == {"华旦曲扎", "才郎旦正"}
    assert [role for role, _ in posts(found["华旦曲扎"])] == ["常委", "副县长"]


def test_name_parts_after_a_post_closed_by_an_adjective() -> None:
    found = run("东山村党支部书记尕玛才让信心十足地说起村里的变化。", YONGSHENG)
    assert set(found) == {"尕玛才让"}


def test_a_single_name_part_after_a_word_for_villagers() -> None:
    found = run("“路修好了，出门方便多了。”村民次仁笑着说。", YONGSHENG)
    assert set(found) == {"次仁"}
