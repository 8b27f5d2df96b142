"""What makes a person's name: surnames beyond the listed ones, and words that jieba tags as
names but are not, in invented sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_people import YONGSHENG, YUNNAN, posts, run

ROOT = Path(__file__).resolve().parent.parent


def test_ranked_surnames_file_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_surnames.py"), "--check"], check=False
    )
    assert done.returncode == 0, "run python tools/make_surnames.py"


def test_a_ranked_surname_where_jieba_reads_a_name() -> None:
    found = run("会议由县委副书记肖锦涛主持，县长海明宇作了动员讲话。", YONGSHENG)
    assert posts(found["肖锦涛"]) == [("副书记", "中共永胜县委")]
    assert posts(found["海明宇"]) == [("县长", "永胜县人民政府")]


def test_a_ranked_surname_opening_a_common_word_is_no_name() -> None:
    assert run("南方的海风吹来，这是一种全新的格局。", YONGSHENG) == {}


def test_a_verb_or_adjective_and_one_more_character_is_no_name() -> None:
    assert run("全村的安居房全部竣工，群众安全感明显提升。", YONGSHENG) == {}


def test_a_place_whose_body_follows_is_no_name() -> None:
    found = run("他曾任团县委书记，东岭头党工委书记、办事处主任。", YONGSHENG)
    assert "东岭头" not in found


def test_a_name_ends_where_a_verb_of_meeting_reports_starts() -> None:
    found = run("县委书记孔立新出席汇报会，县委副书记宋黎明陪同，县长钱明要求各乡镇抓好落实。")
    assert {"孔立新", "宋黎明", "钱明"} <= set(found)


def test_a_transcripts_speaker() -> None:
    found = run("发布会现场\n\n  • 钱凯红:\n\n    女士们、先生们，大家上午好！\n高考：今年的情况\n")
    assert set(found) == {"钱凯红"}


def test_a_name_that_opens_with_a_rare_noun_of_the_dictionary() -> None:
    found = run("县委书记胡果平出席会议，县长黄金华主持。县委书记高度重视此事。", YONGSHENG)
    assert "胡果平" in found
    assert "高度重" not in found


def test_a_press_conference_host_with_a_remark_between_title_and_name() -> None:
    found = run(
        "丽江市委宣传部副部长、市政府新闻办主任(兼)全卓南主持发布会。全县全面完成任务。",
        YONGSHENG,
    )
    assert [(p.role_span.written, p.organisation.name) for p in found["全卓南"].posts] == [
        ("副部长", "中共丽江市委宣传部"),
        ("主任", "丽江市人民政府新闻办公室"),
    ]
    assert set(found) == {"全卓南"}


def test_tibetan_name_parts_run_to_the_last_part() -> None:
    found = run("住在山脚下的村民白玛江才（资料照片）。村民次仁措姆也搬进了新房。", YUNNAN)
    assert {"白玛江才", "次仁措姆"} <= set(found)
    assert "白玛江" not in found


def test_a_single_tibetan_name_part_after_a_title() -> None:
    found = run("会上，副州长多杰汇报了全州的工作。", YUNNAN)
    assert [role for role, _org in posts(found["多杰"])] == ["副州长"]


def test_tibetan_name_parts_closed_by_one_more_character_after_a_title() -> None:
    found = run("州长索南太在会上作报告。县委书记扎西说，要抓好落实。", YUNNAN)
    assert "索南太" in found
    assert "扎西" in found and "扎西说" not in found


@pytest.mark.parametrize(
    "text",
    ["孔立新作政府工作报告(摘要)\n正文", "孔立新作政府工作报告 钱玉珊 摄"],
)
def test_a_headline_or_caption_names_who_gave_the_report(text: str) -> None:
    assert "孔立新" in run(text, YONGSHENG)


def test_a_body_giving_the_report_is_no_name() -> None:
    assert run("县人民政府向大会作政府工作报告。", YONGSHENG) == {}


def test_a_verb_before_a_word_for_a_kind_of_people_is_no_name() -> None:
    found = run("全县推行干部包村、组长包党员、党员包农户的办法，副县长杜兴华讲话。", YONGSHENG)
    assert set(found) == {"杜兴华"}


def test_a_surname_character_before_a_pronoun_is_no_name() -> None:
    assert run("过去村民连谁是网格员都不知道。", YONGSHENG) == {}


def test_an_adverb_glued_to_a_name_named_elsewhere() -> None:
    found = run(
        "研究所所长严卫就此作了解答。会上，研究所所长严卫刚发言时说，要抓好产业。", YONGSHENG
    )
    assert set(found) == {"严卫"}


def test_a_name_with_a_common_noun_for_given_name_stays() -> None:
    found = run("副市长应国君主持座谈会，副旗长黄建军参加。", YONGSHENG)
    assert set(found) == {"应国君", "黄建军"}


def test_a_transcripts_first_speaker_right_after_its_heading() -> None:
    found = run("1、“永胜这五年”主题新闻发布会(东山专场)杨立华：各位记者朋友，大家上午好！")
    assert set(found) == {"杨立华"}


def test_a_bracket_closing_no_heading_before_a_word_is_no_speaker() -> None:
    assert run("现场(图)：大家好，欢迎光临。") == {}


@pytest.mark.parametrize("verb", ["暗访", "视察", "慰问", "督查"])
def test_a_less_common_surname_before_a_verb_of_inspection(verb: str) -> None:
    found = run(f"副省长鹿青云{verb}了我县脱贫攻坚工作。", YONGSHENG)
    assert "鹿青云" in found


def test_a_name_run_on_into_the_first_character_of_an_adverb() -> None:
    """jieba reads 赵明原|来 where the text says 赵明|原来 (formerly): the person is named
    without the character elsewhere, so the mention is of the shorter name."""
    found = run("脱贫户赵明原来在外地打工。今年春天，42岁的赵明带头种起了脐橙。", YONGSHENG)
    assert "赵明" in found and "赵明原" not in found


def test_a_verb_and_a_little_of_what_it_does_is_no_name() -> None:
    found = run("我们就是想为群众干点事，让村民过上好日子。", YONGSHENG)
    assert found == {}


def test_a_two_character_name_that_jieba_reads_as_a_noun_after_a_title() -> None:
    """叶片 is a word (a leaf blade), but right after a chain of posts and closed by a comma
    it is the name the posts belong to."""
    found = run("县委常委、宣传部长叶片，副县长李建军出席。", YONGSHENG)
    assert posts(found["叶片"]) == [("常委", "中共永胜县委"), ("部长", "中共永胜县委宣传部")]
