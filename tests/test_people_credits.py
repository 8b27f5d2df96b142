"""Bylines and credit lines in the forms of real reporting, in invented sentences."""

from __future__ import annotations

import pytest

from tests.test_people import YONGSHENG, run


@pytest.mark.parametrize(
    ("text", "credited"),
    [
        ("本报昆明5月3日电(记者央金拉姆、杨春)国庆期间，全县传来捷报。", {"央金拉姆", "杨春"}),
        ("新永胜讯【记者郑明远】3月5日，全县农村工作会议召开。", {"郑明远"}),
        ("村民在新居前合影。记者 扎西 陈小林 摄", {"扎西", "陈小林"}),
        ("会议现场。孟晓东摄", {"孟晓东"}),
        ("大会现场 钱玉珊 摄", {"钱玉珊"}),
        ("新村一角 胡明/摄", {"胡明"}),
        ("全县完成了年度任务。(卢志军 刘 畅 报道)", {"卢志军", "刘 畅"}),
        ("人民网昆明5月3日电 (梁晓峰)今天上午，会议开幕。", {"梁晓峰"}),
        ("协作还在继续。(采访人员吴振华)(蒋晓云参与采写)", {"吴振华", "蒋晓云"}),
        ("部署了防火工作。(金明 记者 林日新)", {"金明", "林日新"}),
        ("部署了防汛工作。(记者 孔明远 实习生 钱晓雯)", {"孔明远", "钱晓雯"}),
        ("(来源：永胜县融媒体中心 转载：康晓霞)", {"康晓霞"}),
        ("■ 崔明泽 本刊全媒体记者 易 航 齐 梅 刘思远", {"崔明泽", "易 航", "齐 梅", "刘思远"}),
        ("标题\n\n  钱明 孔诗雨 丽江报道\n\n正文", {"钱明", "孔诗雨"}),
        ("标题\n钱明 孔诗雨 发布时间:2024-01-23 09:33:00\n", {"钱明", "孔诗雨"}),
        ("标题\n\n永胜新闻网 葛晓红 2019-05-17 14:48:51\n浏览", {"葛晓红"}),
        ("全文完。\n\n  责任编辑:【孔岩】\n", {"孔岩"}),
        ("【永胜日报讯】记者 孔明远 欧阳丽 报导：全县会议召开。", {"孔明远", "欧阳丽"}),
        ("标题\n\n《永胜周刊》记者 孔煦 | 永胜报道\n\n正文", {"孔煦"}),
        ("标题\n\n【来源: 永胜新闻网 周红】【打印】\n\n正文。", {"周红"}),
        ("标题\n\n某某导报 永胜网讯 周红 记者钱凯华报道 驾车到了村里。", {"周红", "钱凯华"}),
    ],
)
def test_credit_lines(text: str, credited: set[str]) -> None:
    found = run(text, YONGSHENG)
    assert credited <= set(found)
    assert all(found[name].role for name in credited)


def test_a_one_character_cue_needs_a_separator() -> None:
    found = run("文章图片\n永胜县2020年政府工作报告(全文)(图侵删)", YONGSHENG)
    assert not found


def test_a_line_opened_by_a_name_and_a_figure_is_no_credit() -> None:
    assert run("正文\n  王小明 2019年来到村里。\n马铃薯 2019年种植。\n", YONGSHENG) == {}


@pytest.mark.parametrize("ending", ["展开全文", "阅读全文", "编辑"])
def test_a_credit_cue_that_ends_the_text_is_read_without_error(ending: str) -> None:
    # a page's last line, 展开全文, opens with a short run of characters and ends in 文, a cue
    found = run(f"县长张三讲话。\n责任编辑:李四\n{ending}", YONGSHENG)
    assert "张三" in found


def test_credits_after_a_media_kind_before_the_cue() -> None:
    # 融媒体, 全媒体: the kind of newsroom, written before the cue; no name
    found = run(
        "快讯(融媒体实习记者 许明远 文/图)3月5日，永胜县召开发布会。"
        "(来源:永胜广电全媒体记者:董立伟 洪江 编辑:沈一杉)",
        YONGSHENG,
    )
    assert sorted(found) == ["沈一杉", "洪江", "董立伟", "许明远"]


def test_a_spaced_byline_with_a_surname_too_rare_for_a_list() -> None:
    # 奉 and 禤 are in no surname list: the list read by name stops before them, the credit
    # run (names closed by the line's end) still takes every one
    byline = "永胜日报·新永胜客户端记者 孔明远 奉立成 禤海燕 邓晓琴\n"
    found = run(byline + "全县完成了任务。", YONGSHENG)
    assert {"孔明远", "奉立成", "禤海燕", "邓晓琴"} <= set(found)
    assert all(found[name].role == "reporter" for name in found)


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("图为记者许露露坐上村干部的摩托车走访农户。", "许露露"),
        ("上图为记者周小燕与村民交谈。", "周小燕"),
    ],
)
def test_a_caption_names_the_reporter_before_a_verb(text: str, reporter: str) -> None:
    found = run(text, YONGSHENG)
    assert set(found) == {reporter}
    assert found[reporter].role == "reporter"


def test_a_caption_without_a_name_names_nobody() -> None:
    assert run("图为记者采访种植户。", YONGSHENG) == {}


@pytest.mark.parametrize(
    ("text", "credited"),
    [
        # an outlet named 某某在线, then one credit glued to the next (编辑:甲责编:乙)
        ("来源:永胜在线编辑:王建华责编:欧阳丽", {"王建华": "editor", "欧阳丽": "editor"}),
        # a bullet before the cue, the picture's mark after the name
        ("□实习记者钱玉珊/图\n正文", {"钱玉珊": "reporter"}),
    ],
)
def test_credits_in_a_page_header(text: str, credited: dict[str, str]) -> None:
    found = run(text, YONGSHENG)
    assert {name: person.role for name, person in found.items()} == credited


def test_reporters_after_a_label_whose_last_character_was_lost() -> None:
    found = run("村里的变化很大。\n永胜新闻记\ufffd杨立华 钱丽明 周鑫 报道\n", YONGSHENG)
    assert {name: person.role for name, person in found.items()} == {
        "杨立华": "reporter",
        "钱丽明": "reporter",
        "周鑫": "reporter",
    }


def test_a_name_credited_for_text_and_pictures_in_the_dateline() -> None:
    found = run("某某网6月3日讯（罗明远 文/图）近日，我县召开产业发展推进会。", YONGSHENG)
    assert found["罗明远"].role == "reporter"


def test_a_credit_cue_written_twice_before_the_name() -> None:
    found = run("文/某某日报全媒体记者记者周明康", YONGSHENG)
    assert found["周明康"].role == "reporter"


@pytest.mark.parametrize("credit", ["/摄", " 摄"])
def test_a_photographer_after_a_captioned_official_takes_no_post(credit: str) -> None:
    found = run(f"永胜县扶贫办副主任马明 罗红{credit}\n正文", YONGSHENG)
    assert found["马明"].posts and not found["罗红"].posts
    assert found["罗红"].role == "photographer"


def test_a_reporter_of_a_news_site_named_after_its_paper() -> None:
    """Outlets end in 网 (a news site) as well as 报: 西部日报、西部网记者 credits a reporter."""
    found = run("〔西部日报、西部网记者 张晓明〕去年春天，县里的干部主动报名驻村。", YONGSHENG)
    assert found["张晓明"].role == "reporter"


@pytest.mark.parametrize(
    "text",
    [
        "某市政府工作报告\n\n——在市人民代表大会上\n\n李建华\n\n各位代表:\n\n现在,我报告工作。",
        "  全县收入差距缩小\n\n  李建华\n  2022年01月25日08:51 | 来源:永胜在线\n  正文。",
    ],
)
def test_a_name_alone_on_a_line_above_the_date_or_the_salutation(text: str) -> None:
    assert set(run(text, YONGSHENG)) == {"李建华"}


def test_a_name_alone_on_a_line_above_other_words_is_no_byline() -> None:
    assert "李建华" not in run("标题\n\n李建华\n\n全县收入持续增长。", YONGSHENG)


def test_a_bracketed_credit_broken_across_lines() -> None:
    # the page broke the line after the credit's cue: 本报讯(记者⏎ 甲 乙)
    found = run("本报讯（记者\n 林小燕 王芳）县统计局日前发布数据。", YONGSHENG)
    assert set(found) == {"林小燕", "王芳"}


def test_a_line_that_only_closes_a_bracket_after_a_title_is_no_credit() -> None:
    assert run("村里的新路\n 林下经济)县统计局日前发布数据。", YONGSHENG) == {}


def test_a_features_production_credits() -> None:
    found = run("村里的日子越过越红火。\n策划：王晓彤 何平（实习）\n统筹：吴建华\n", YONGSHENG)
    assert set(found) == {"王晓彤", "何平", "吴建华"}
    assert run("他们精心策划了这次展销活动。", YONGSHENG) == {}


def test_a_line_of_names_joined_by_plus_signs() -> None:
    text = "村里的新变化\n\n王晓彤+何平+吴建华\n\n近几年，村里变化很大。\n收入增加+就业+产业\n"
    assert set(run(text, YONGSHENG)) == {"王晓彤", "何平", "吴建华"}


def test_a_news_agencys_short_name_after_a_photo_credit_is_no_one() -> None:
    assert run("村民在新居前合影。图/中新", YONGSHENG) == {}
