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
