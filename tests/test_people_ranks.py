"""Posts of the forms the batch r13 brought (issue 14), in invented sentences: civil-service
ranks and a body's chief specialists as one title each, and a speaker's name closed by the
subject of the talk."""

from __future__ import annotations

from tests.test_people import YONGSHENG, posts, run


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
