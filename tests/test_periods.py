"""Periods: labels and interval IRIs, where a quantity's period comes from, the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.periods import Period, Periods, bounds, interval_iri, issued
from kg.text.document import Document

GOV = "http://reference.data.gov.uk/id/"


@pytest.mark.parametrize(
    ("label", "iri", "first", "last"),
    [
        ("2019", GOV + "year/2019", date(2019, 1, 1), date(2019, 12, 31)),
        (
            "2016/2020",
            GOV + "gregorian-interval/2016-01-01T00:00:00/P5Y",
            date(2016, 1, 1),
            date(2020, 12, 31),
        ),
        ("2020-05", GOV + "month/2020-05", date(2020, 5, 1), date(2020, 5, 31)),
        ("2019-10-26", GOV + "day/2019-10-26", date(2019, 10, 26), date(2019, 10, 26)),
        (
            "2019-01/2019-10",
            GOV + "gregorian-interval/2019-01-01T00:00:00/P10M",
            date(2019, 1, 1),
            date(2019, 10, 31),
        ),
        (
            "2019-01-01/2019-10-26",
            GOV + "gregorian-interval/2019-01-01T00:00:00/P9M26D",
            date(2019, 1, 1),
            date(2019, 10, 26),
        ),
    ],
)
def test_labels_name_intervals(label: str, iri: str, first: date, last: date) -> None:
    assert interval_iri(label) == iri
    assert bounds(label) == (first, last)
    assert (Period(label).start, Period(label).end) == (first, last)


@pytest.mark.parametrize("label", ["2019/2018", "19", "2019-13", "2019/2020/2021", ""])
def test_what_is_not_a_period(label: str) -> None:
    assert bounds(label) is None
    with pytest.raises(ValueError):
        interval_iri(label)


def period_of(
    text: str, number: str, issued_on: str | None = None, comparison: bool = False
) -> Period | None:
    """The period of the first ``number`` in ``text``, its clause cut at ，and 。."""
    doc = Document.from_text(text)
    at = doc.text.index(number)
    clause_start = max(doc.text.rfind(c, 0, at) for c in "，。\n") + 1
    ends = [e for e in (doc.text.find(c, at) for c in "，。\n") if e >= 0]
    sentence_start = max(doc.text.rfind(c, 0, at) for c in "。\n") + 1
    clause = (clause_start, min(ends))
    return Periods(doc, issued_on).of(at, clause, sentence_start, comparison)


@pytest.mark.parametrize(
    ("text", "number", "label"),
    [
        ("2019年全县脱贫1200户。", "1200", "2019"),
        ("到2025年，建成高标准农田100万亩。", "100", "2025"),
        ("2016—2020年累计投入资金8亿元。", "8", "2016/2020"),
        ("2020年5月新增就业300人。", "300", "2020-05"),
        ("2019年，全县截至10月26日已脱贫1200户。", "1200", "2019-10-26"),
        ("2019年，全县1—10月接待游客30万人次。", "30", "2019-01/2019-10"),
        ("2021年生产总值两年平均增长3.6%。", "3.6", "2020/2021"),
        ("2016年GDP比2012年增长47.7%。", "47.7", "2012/2016"),
        ("2020年GDP比2019年增加1397亿元。", "1397", "2020"),
    ],
)
def test_stated_in_the_clause_or_sentence(text: str, number: str, label: str) -> None:
    assert period_of(text, number) == Period(label, inferred=False)


def test_a_change_from_a_year_holds_for_the_later_value_s_year() -> None:
    text = "收入从2015年的2276元增加到2020年的12787元。"
    assert period_of(text, "12787", comparison=True) == Period("2020")
    assert period_of("GDP是2015年的1.6倍。", "1.6", "2019-01-01") == Period("2019", inferred=True)


@pytest.mark.parametrize(
    ("text", "number", "issued_on", "label"),
    [
        ("今年全县新增就业300人。", "300", "2020-01-11", "2020"),
        ("去年全县新增就业300人。", "300", "2020-01-11", "2019"),
        ("全年地区生产总值比上年增长6%。", "6", "2020-01-11", "2020"),  # 上年: compared with
        ("明年力争新增就业300人。", "300", "2020-01-11", "2021"),
        ("过去五年累计脱贫3万人。", "3", "2018-01-20", "2013/2017"),
        ("十三五期间共实施项目12个。", "12", "2021-02-01", "2016/2020"),
        ("到十四五末建成示范村50个。", "50", "2021-02-01", "2025"),
        ("上半年接待游客30万人次。", "30", "2020-08-01", "2020-01/2020-06"),
    ],
)
def test_inferred_from_words(text: str, number: str, issued_on: str, label: str) -> None:
    assert period_of(text, number, issued_on) == Period(label, inferred=True)


def test_the_paragraph_opening_year_carries_to_its_later_sentences() -> None:
    text = "2019年，全县地区生产总值增长8%。城镇新增就业3000人。"
    assert period_of(text, "3000", "2020-01-11") == Period("2019", inferred=True)


def test_a_day_without_a_year_is_of_the_document_s_year_up_to_its_date() -> None:
    # a press conference of May 2020: last year's figures, then this year's up to a day
    text = (
        "截至2019年底，全县贫困发生率降至0.1%。\n"
        "截至5月20日，全县复工企业达到120家。扶贫车间吸纳就业800人。"
    )
    assert period_of(text, "120", "2020-05-25") == Period("2020-05-20", inferred=True)
    assert period_of(text, "800", "2020-05-25") == Period("2020", inferred=True)
    # a share of last year's total (占去年…的97%) is of this year: 去年 is the base
    share = "截至5月20日，全县务工人数占去年总数的97%。"
    assert period_of(share, "97", "2020-05-25") == Period("2020-05-20", inferred=True)
    # a day after the document's own is of an earlier year: the section's
    assert period_of(text, "120", "2020-03-01") == Period("2019-05-20", inferred=True)


def test_the_heading_gives_the_year_of_its_section() -> None:
    text = (
        "一、2018年工作回顾\n全县地区生产总值增长8%。\n"
        "二、2019年主要预期目标\n全县地区生产总值增长7%左右。\n"
    )
    assert period_of(text, "8%", "2019-01-20") == Period("2018", inferred=True)
    assert period_of(text, "7%", "2019-01-20") == Period("2019", inferred=True)


def test_a_dateline_or_a_caption_is_no_heading() -> None:
    text = (
        "2020年重庆市国民经济和社会发展统计公报\n2021年3月18日\n一、综合\n"
        "图 2016-2020年重庆市三次产业结构\n城镇新增就业人员65.56万人。\n"
    )
    assert period_of(text, "65.56", "2021-03-18") == Period("2020", inferred=True)


def test_else_the_document_s_year() -> None:
    assert period_of("全县新增就业300人。", "300", "2020-06-10") == Period("2020", inferred=True)


def test_a_text_with_no_year_at_all_has_no_period() -> None:
    assert period_of("全县新增就业300人。", "300") is None


@pytest.mark.parametrize(
    "profile",
    ["一位是生于1958年的曾水平。", "曾水平，1958年出生。", "曾水平，男，1958年3月生。"],
)
def test_a_year_of_birth_is_not_the_document_s_year(profile: str) -> None:
    assert period_of(profile + "全县新增就业300人。", "300") is None
    dated = "2014年，" + profile + "全县新增就业300人。"
    assert period_of(dated, "300") == Period("2014", inferred=True)


@pytest.mark.parametrize(
    ("text", "header", "expected"),
    [
        ("标题\n发布时间：2020年6月10日\n正文。", None, date(2020, 6, 10)),
        ("标题\n来源：丽江日报\n正文。", "2020-06-10T22:29:25", date(2020, 6, 10)),
        ("政府工作报告\n（2020年1月11日在重庆市第五届人民代表大会上）\n", None, date(2020, 1, 11)),
        ("2019年12月9日，全县脱贫攻坚推进会召开。", None, date(2019, 12, 9)),
        ("全县脱贫1200户。", None, None),
        # a date stamped with a time before the page's first date is the article's own
        ("2021-01-21\n标题\n2020年10月21日 07时45分\n", "2021-01-21", date(2020, 10, 21)),
        ("报告—2021年7月29日在大会上\n2021-08-16 17:31\n", "2021-07-29", date(2021, 7, 29)),
    ],
)
def test_the_document_s_date(text: str, header: str | None, expected: date | None) -> None:
    assert issued(Document.from_text(text), header) == expected


@pytest.mark.parametrize(
    ("text", "number", "label"),
    [
        # a total or an average under a plan's heading: the plan's years, not the last one
        ("一、十三五工作回顾\n2020年全镇产值达到9.6亿元，年均增长6.1%。\n", "6.1", "2016/2020"),
        ("一、十三五工作回顾\n2020年全镇产值达到9.6亿元，年均增长6.1%。\n", "9.6", "2020"),
        ("过去的五年，成绩来之不易。2020年，全镇累计建成通组公路86公里。", "86", "2016/2020"),
        ("全镇产值从2015年的5亿元增长到2020年的8亿元，年均增长9.8%。", "9.8", "2016/2020"),
        # a year things run from: to the document's year
        ("2018年以来，全镇累计建成通组公路86公里。", "86", "2018/2021"),
    ],
)
def test_totals_and_averages_hold_for_their_span(text: str, number: str, label: str) -> None:
    period = period_of(text, number, "2021-01-20")
    assert period is not None and period.label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("一、工作回顾\n全镇深入学习十九届二中、三中、四中全会精神，新增就业300人。", "2019"),
        ("在十三届全国人大二次会议代表团开放日上，代表说：今年全区新增就业300人。", "2019"),
        ("全镇开展“喜迎党的十九大”活动，今年新增就业300人。", "2017"),
    ],
)
def test_a_text_with_no_year_takes_the_year_of_the_meetings_it_cites(text: str, label: str) -> None:
    assert period_of(text, "300") == Period(label, inferred=True)


@pytest.mark.parametrize("goal", ["确保到2020年全镇如期脱贫。", "2020年前全镇如期脱贫。"])
def test_the_end_year_of_a_plan_is_not_the_document_s_year(goal: str) -> None:
    # a meeting of 2017 sets goals for 2020: 2020 does not date it
    text = "全镇召开推进会，喜迎党的十九大。" + goal + "今年新增就业300人。"
    assert period_of(text, "300") == Period("2017", inferred=True)
    told = "从2015年到2019年，全镇新增就业300人。"  # a span told, not a plan's end
    assert period_of(told, "300") == Period("2015/2019", inferred=False)
    quarters = "喜迎党的十九大。2018年前三季度，全镇新增就业300人。"
    assert period_of(quarters, "300") == Period("2018-01/2018-09", inferred=False)


def test_a_year_written_beats_a_meeting_cited() -> None:
    text = "2017年，全镇学习十八届六中全会精神，新增就业300人。"
    assert period_of(text, "300") == Period("2017", inferred=False)


def test_a_span_word_gives_a_total_its_length_up_to_the_year_found() -> None:
    text = "四年来，我们砥砺奋进。2016年全镇产值达到9.6亿元，年均增长6.1%。"
    period = period_of(text, "6.1", "2016-11-20")
    assert period is not None and period.label == "2013/2016"


@pytest.mark.parametrize("mark", ["？", "!", "\u3000"])
def test_a_year_after_a_question_or_a_wide_space_opens_its_paragraph(mark: str) -> None:
    text = f"收入去哪了{mark}2023年，全镇新增就业300人。截至目前，集体收入达12万元。"
    assert period_of(text, "12", "2024-03-01") == Period("2023", inferred=True)


def test_a_relative_word_inside_a_sentence_does_not_carry_to_the_next() -> None:
    text = (
        "一、2018年工作回顾\n全镇产值增长8%，今年获评先进镇。\n"
        "盘点一年的工作：\n新建厂房3万平方米。\n"
    )
    assert period_of(text, "3万", "2019-01-20") == Period("2018", inferred=True)
    opening = "今年，全镇产值增长8%。新建厂房3万平方米。"
    assert period_of(opening, "3万", "2019-01-20") == Period("2019", inferred=True)


@pytest.mark.parametrize(
    ("text", "number", "issued_on", "label"),
    [
        # a year a record runs from is no period
        ("全年收入增长9.6%，增速创2016年以来新高，工资性收入增长8%。", "8%", "2020-01-28", "2020"),
        # 目前: now
        ("2019年，全镇脱贫500人。目前，剩余784名贫困人口已完成认定。", "784", "2020-06-16", "2020"),
        # a text with no date counting up to a year's end was written after it
        ("截至2019年底，全县脱贫1200户。目前，剩余贫困人口784人。", "784", None, "2020"),
        ("2019年底，全县脱贫1200户。目前，剩余贫困人口784人。", "784", None, "2019"),
        # … or telling a change from an earlier year's level to that year's
        ("贫困户从2015年的900户减少到2019年的12户。目前，新建车间6个。", "6个", None, "2020"),
        ("贫困户从2019年的900户减少到2019年的12户。目前，新建车间6个。", "6个", None, "2019"),
        # a total in a title holds for the span the first dated clause names
        (
            "福建累计援助7亿多元帮扶宁夏\n据悉，1996年到2011年，福建累计援助7.74亿元。",
            "7亿",
            "2012-10-23",
            "1996/2011",
        ),
    ],
)
def test_years_inferred_from_the_document(
    text: str, number: str, issued_on: str | None, label: str
) -> None:
    assert period_of(text, number, issued_on) == Period(label, inferred=True)


def test_a_growth_over_two_years_is_its_own_clause_s_alone() -> None:
    text = "2021年，第一产业增加值15亿元，两年平均增长4.5%；第二产业增加值20亿元，同比增长6.5%。"
    assert period_of(text, "4.5") == Period("2020/2021")
    assert period_of(text, "6.5") == Period("2021")


def test_a_title_or_lead_before_the_first_dated_clause_is_of_the_document_s_date() -> None:
    text = "全省已有25个贫困县摘帽\n近日，又有14个贫困县摘帽。2018年，全省脱贫116万人。"
    assert period_of(text, "25", "2019-05-11") == Period("2019", inferred=True)
    assert period_of(text, "14", "2019-05-11") == Period("2019", inferred=True)
    later = "2018年，全省脱贫116万人。全省新增就业300人。"
    assert period_of(later, "300", "2019-05-11") == Period("2018", inferred=True)


def test_a_year_compared_with_is_a_change_s_base_not_a_level_s() -> None:
    text = "2016年，全县生产总值340亿元，比2012年增长47.7%，固定资产投资353.7亿元，增长125.1%。"
    assert period_of(text, "353.7") == Period("2016")
    assert period_of(text, "125.1") == Period("2012/2016")
    below = "2016年，全县生产总值340亿元，比2012年(下同)增长47.7%。财政收入26亿元，增长39.8%。"
    assert period_of(below, "26亿", "2017-01-05") == Period("2016", inferred=True)
    assert period_of(below, "39.8", "2017-01-05") == Period("2012/2016", inferred=True)


@pytest.mark.parametrize(
    ("ordinal", "label"),
    [("6", "2019"), ("六", "2019"), ("十", "2023"), ("十二", "2025"), ("二十一", "2034")],
)
def test_a_text_counting_a_yearly_observance_is_of_its_year(ordinal: str, label: str) -> None:
    text = f"10月17日，全县举行第{ordinal}个国家扶贫日大会。贫困发生率从2014年的7.8%下降到1.3%。"
    assert period_of(text, "1.3") == Period(label, inferred=True)


@pytest.mark.parametrize("ordinal", ["一二", "十十"])
def test_an_observance_counted_by_no_number_gives_no_year(ordinal: str) -> None:
    # numbers.parse_chinese reads 一二 digit by digit (a year's way: 二〇二〇): no ordinal; the
    # text's own latest year stands
    text = f"10月17日，全县举行第{ordinal}个国家扶贫日大会。贫困发生率从2014年的7.8%下降到1.3%。"
    assert period_of(text, "1.3") == Period("2014", inferred=True)


def test_a_span_from_a_year_to_another_and_a_year_compared_a_few_words_after() -> None:
    text = "从2020年到2022年，全市GDP年平均增长6.0%。"
    assert period_of(text, "6.0") == Period("2020/2022")
    compared = "2022年，全市GDP比疫情前的2019年增长20%。"
    assert period_of(compared, "20%") == Period("2019/2022")


def test_a_year_a_clause_builds_on_is_not_the_period() -> None:
    # a report of early 2022 on 2021: 在2020年…的基础上 names the past the figures build on
    text = (
        "2021年，全镇巩固脱贫成果。在2020年全面完成脱贫任务的基础上，新修道路12公里。\n"
        "在产业发展方面，新种茶叶800亩。"
    )
    assert period_of(text, "12", "2022-01-15") == Period("2021", inferred=True)
    assert period_of(text, "800", "2022-01-15") == Period("2021", inferred=True)
    # a year stated in the clause itself stays the period
    stated = "在上年的基础上，2021年新修道路12公里。"
    assert period_of(stated, "12", "2022-01-15") == Period("2021")


def test_the_two_years_before_are_a_span_of_the_years_before_the_document_s() -> None:
    text = "前两年全县的年度目标均是农民人均收入增长8%，今年提高到9%。"
    assert period_of(text, "8%", "2023-01-10") == Period("2021/2022", inferred=True)


def test_a_plan_s_name_inside_a_sentence_does_not_carry_to_the_next() -> None:
    # a report of early 2022 on 2021, the plan's first year: 十四五 after a comma is no opening
    text = "2021年，全镇经济平稳增长，“十四五”开局良好。新建温室大棚40座。"
    assert period_of(text, "40", "2022-01-15") == Period("2021", inferred=True)
    opening = "2021年，全镇经济平稳增长。“十四五”期间，新建温室大棚40座。"
    assert period_of(opening, "40", "2022-01-15") == Period("2021/2025", inferred=True)


def test_an_average_rate_is_its_own_clause_s_a_total_carries_on() -> None:
    text = (
        "过去五年，全县发展稳定。财政收入从3亿元增加到5亿元，年均增长11%，"
        "农民人均收入从9000元增加到14000元，年均增长9%。"
    )
    assert period_of(text, "11%", "2022-01-15") == Period("2018/2022", inferred=True)
    assert period_of(text, "14000", "2022-01-15") == Period("2022", inferred=True)
    total = "过去五年，全县发展稳定。累计投入资金8亿元，其中，产业资金3亿元。"
    assert period_of(total, "3亿", "2022-01-15") == Period("2018/2022", inferred=True)


def test_a_dispatch_s_day_in_a_text_with_no_date_is_of_the_text_s_year() -> None:
    # a text of 2021 (it counts up to the end of 2020) dispatched on 7月2日: 截至6月底 is 2021's
    text = (
        "本报西宁7月2日电 截至2020年底，全省脱贫1.2万户。\n截至6月底，全省扶贫车间吸纳就业3000人。"
    )
    assert period_of(text, "3000") == Period("2021-06-30", inferred=True)


def test_a_clause_s_own_relative_word_beats_a_year_of_an_earlier_clause() -> None:
    text = "贫困发生率由2017年底的3.1%下降到2020年底的0.2%，剩余900人明年将全部脱贫。"
    assert period_of(text, "900", "2021-02-01") == Period("2022", inferred=True)
    assert period_of(text, "0.2", "2021-02-01") == Period("2020")
