"""Targets and outcomes: kind, indicator, area, programme and period of each quantity.

Places and programmes are built by hand (their extractors are tested on their own), except in
the last test, which runs the whole extraction over the sample article.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.extract import measurements, quantities
from kg.extract.facts import Division, Kind, Level, Measurement, PlaceMention, Programme, Qualifier
from kg.resources import SAMPLE_ARTICLE
from kg.text.document import Document

YUNNAN = Division("云南省", Level.PROVINCE, "530000")
LIJIANG = Division("丽江市", Level.PREFECTURE, "530700", ("丽江",), YUNNAN)
COUNTIES = {
    "玉龙县": Division("玉龙纳西族自治县", Level.COUNTY, "530721", ("玉龙县",), LIJIANG),
    "永胜县": Division("永胜县", Level.COUNTY, "530722", ("永胜",), LIJIANG),
    "华坪县": Division("华坪县", Level.COUNTY, "530723", ("华坪",), LIJIANG),
    "宁蒗县": Division("宁蒗彝族自治县", Level.COUNTY, "530724", ("宁蒗县",), LIJIANG),
    "石鼓镇": Division("石鼓镇", Level.TOWNSHIP, None, (), LIJIANG),
}


def measure(text: str, programmes: tuple[str, ...] = ()) -> tuple[Document, list[Measurement]]:
    doc = Document.from_text(text)
    places = [
        PlaceMention(doc.span(*m.span()), division)
        for name, division in {**COUNTIES, "丽江市": LIJIANG}.items()
        for m in re.finditer(name, doc.text)
    ]
    found = [
        Programme(doc.span(*m.span()), name)
        for name in programmes
        for m in re.finditer(re.escape(name), doc.text)
    ]
    quantities_found = quantities.extract(doc)
    return doc, measurements.extract(doc, quantities_found, places, found, LIJIANG)


def by_value(found: list[Measurement]) -> dict[str, Measurement]:
    return {m.quantity.span.text: m for m in found}


# -- invented sentences: press conferences (simplified), county reports (traditional) -----------


def test_plan_words_make_targets() -> None:
    _, found = measure(
        "记者从发布会获悉,到2025年,全市将新建高标准农田50万亩,力争农村居民人均可支配收入达到1.5万元以上。"
    )
    fields, income = found
    assert (fields.kind, fields.indicator, fields.period) == (Kind.TARGET, "高标准农田", "2025")
    assert fields.quantity.value == Decimal(500000)
    assert (income.kind, income.indicator) == (Kind.TARGET, "农村居民人均可支配收入")
    assert income.quantity.qualifier is Qualifier.AT_LEAST
    assert fields.area == LIJIANG


def test_a_plan_word_carries_over_the_clauses_after_it() -> None:
    _, found = measure("下一步,我县计划在未来三年内培训农村劳动力3万人次,转移就业约5000人。")
    assert [(m.kind, m.indicator) for m in found] == [
        (Kind.TARGET, "农村劳动力"),
        (Kind.TARGET, "就业"),
    ]


def test_result_words_make_outcomes_in_traditional_script() -> None:
    doc, found = measure(
        "華坪縣累計投入扶貧資金12.3億元,建成易地扶貧搬遷安置點26個,搬遷群眾3200餘戶1.1萬人。"
    )
    assert [(m.kind, m.indicator, m.area) for m in found] == [
        (Kind.OUTCOME, "扶贫资金", COUNTIES["华坪县"]),
        (Kind.OUTCOME, "易地扶贫搬迁安置点", COUNTIES["华坪县"]),
        (Kind.OUTCOME, "群众", COUNTIES["华坪县"]),
        (Kind.OUTCOME, "群众", COUNTIES["华坪县"]),
    ]
    assert found[1].quantity.classifier == "個"
    assert found[0].span.written == "華坪縣累計投入扶貧資金12.3億元"


def test_completed_aspect_outranks_a_plan_word() -> None:
    _, found = measure("截至目前,全县已完成年度目标任务的80%。")
    assert found[0].kind is Kind.OUTCOME


def test_figures_quoted_as_the_year_s_goals_are_targets() -> None:
    _, found = measure("全县紧紧围绕“5个贫困村出列,800户贫困户脱贫”这一年度目标任务,压实责任。")
    assert [m.kind for m in found] == [Kind.TARGET, Kind.TARGET]
    _, found = measure("全县如期实现了“5个贫困村出列,800户贫困户脱贫”的目标。")
    assert [m.kind for m in found] == [Kind.OUTCOME, Kind.OUTCOME]


def test_a_goal_met_in_a_past_year_plans_nothing_after_it() -> None:
    # 实现…目标 in a review of earlier years is the goal met: the next year's results are
    # outcomes; a goal still to meet keeps planning the clauses after it
    text = (
        "2021年6月,记者获悉。2019年,全县减贫900人,实现整县摘帽目标;"
        "2020年共有5个村出列,贫困发生率降至0.2%。"
    )
    _, found = measure(text)
    assert [(m.quantity.value, m.kind) for m in found] == [
        (Decimal(900), Kind.OUTCOME),
        (Decimal(5), Kind.OUTCOME),
        (Decimal("0.2"), Kind.OUTCOME),
    ]
    _, found = measure(
        "2021年6月,记者获悉。全县确立2022年实现整县摘帽的目标,新增村集体经济收入50万元。"
    )
    assert [m.kind for m in found] == [Kind.TARGET]


def test_a_count_listed_after_a_place_is_the_whole_area_s() -> None:
    _, found = measure("针对未摘帽的华坪县、14个未脱贫村,逐一制定方案;华坪县23个村已出列。")
    assert [(m.quantity.value, m.area) for m in found] == [
        (Decimal(14), LIJIANG),
        (Decimal(23), COUNTIES["华坪县"]),
    ]


def test_a_state_still_to_change_is_measured() -> None:
    _, found = measure("目前还有2789户9427人未脱贫。")
    assert [(m.kind, m.indicator, m.quantity.unit) for m in found] == [
        (Kind.OUTCOME, "未脱贫", "HOUSEHOLD"),
        (Kind.OUTCOME, "未脱贫", "PERSON"),
    ]


def test_pairs_keep_their_indicator_and_the_value_s_year() -> None:
    """The observation's value is the later one: its period is the later year (the annotators
    of the real corpus read 由2017年的74.37亿元增至2021年的104.96亿元 so, every time)."""
    _, found = measure(
        "农民人均纯收入从2015年的2276元增加到2020年的12787元,贫困发生率由18.02%降至0.5%。"
    )
    income, rate = found
    assert (income.indicator, income.period, income.quantity.baseline) == (
        "农民人均纯收入",
        "2020",
        Decimal(2276),
    )
    assert (rate.indicator, rate.quantity.value, rate.quantity.baseline) == (
        "贫困发生率",
        Decimal("0.5"),
        Decimal("18.02"),
    )


def test_levels_in_two_units_on_both_sides_of_a_dated_verb_of_reaching() -> None:
    """由…的A户B人降至…的C户D人: the numbers side by side and the later ones borrowing from the
    earlier once read each other's words in a loop (a RecursionError on a real feature)."""
    _, found = measure(
        "永胜县贫困人口由2015年的8200户26300人降至2019年底的512户1530人，年均减贫5000人以上。"
    )
    later = {m.quantity.value: m for m in found if m.quantity.baseline is not None}
    assert {m.indicator for m in later.values()} == {"贫困人口"}
    # the earlier level is each later number's baseline, as in a pair in one unit
    assert {v: m.quantity.baseline for v, m in later.items()} == {
        Decimal(512): Decimal(8200),
        Decimal(1530): Decimal(26300),
    }
    assert later[Decimal(512)].period == "2019"


def test_respectively_spreads_values_over_the_areas_listed() -> None:
    _, found = measure("华坪县、永胜县的贫困发生率分别下降到1.2%和0.8%。")
    assert [(m.quantity.value, m.indicator, m.area) for m in found] == [
        (Decimal("1.2"), "贫困发生率", COUNTIES["华坪县"]),
        (Decimal("0.8"), "贫困发生率", COUNTIES["永胜县"]),
    ]


def test_area_is_the_place_of_the_clause_else_the_sentence_subject() -> None:
    _, found = measure("石鼓镇今年种植烤烟近2000亩,带动农户300余户增收,户均增收3000元左右。")
    assert [(m.indicator, m.area) for m in found] == [
        ("烤烟", COUNTIES["石鼓镇"]),
        ("农户增收", COUNTIES["石鼓镇"]),
        ("户均增收", COUNTIES["石鼓镇"]),
    ]
    assert found[0].quantity.qualifier is Qualifier.APPROXIMATELY


def test_numbers_that_name_nothing_borrow_the_indicator_before() -> None:
    _, found = measure("2019年全县GDP增长8.5%,较上年提高1.2个百分点,是2015年的1.6倍。")
    assert [(m.indicator, m.quantity.unit, m.period) for m in found] == [
        ("GDP", "PERCENT", "2019"),
        ("GDP", "PERCENTAGE_POINT", "2019"),
        ("GDP", "TIMES", "2019"),
    ]


def test_named_plan_periods() -> None:
    _, found = measure(
        "十三五期间,古城区共实施光伏扶贫项目12个,装机容量3.5万千瓦。", ("光伏扶贫项目",)
    )
    projects, capacity = found
    assert (projects.period, projects.programme, projects.kind) == (
        "2016/2020",
        "光伏扶贫项目",
        Kind.OUTCOME,
    )
    assert (capacity.indicator, capacity.quantity.unit) == ("装机容量", "KW")


def test_a_programme_named_as_the_topic_of_the_sentence() -> None:
    _, found = measure(
        "通过实施易地扶贫搬迁工程,全县累计搬迁安置贫困群众8000多人。", ("易地扶贫搬迁工程",)
    )
    (moved,) = found
    assert (moved.programme, moved.kind, moved.indicator) == (
        "易地扶贫搬迁工程",
        Kind.OUTCOME,
        "贫困群众",
    )


def test_numbers_describing_a_programme_are_its_targets() -> None:
    text = "通过建设50万亩核桃基地,实施20个电商项目,培育10亿元以上产业的“三个十”工程,带动增收。"
    _, found = measure(text, ("三个十",))
    assert [(m.kind, m.indicator, m.programme) for m in found] == [
        (Kind.TARGET, "核桃基地", "三个十"),
        (Kind.TARGET, "电商项目", "三个十"),
        (Kind.TARGET, "产业", "三个十"),
    ]


def test_scene_setting_numbers_are_not_facts() -> None:
    _, found = measure("在全县境内200公里的澜沧江沿线,建成示范村15个。")
    assert [m.quantity.span.text for m in found] == ["15个"]


def test_shares_and_coordinated_percentages() -> None:
    _, found = measure("全市共有建档立卡贫困户4.2万户、贫困人口15万人,其中因病致贫的占35%。")
    assert [(m.indicator, m.quantity.unit) for m in found][:2] == [
        ("贫困户", "HOUSEHOLD"),
        ("贫困人口", "PERSON"),
    ]


def test_negatives_give_no_measurement() -> None:
    _, found = measure(
        "电话:0888-5112277,2020年6月10日。一是要抓好产业,第三,要抓好兜底,说一遍不行就说十遍。"
    )
    assert found == []


# -- the sample article -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> dict[str, Measurement]:
    from kg.extract import extract

    doc = Document.from_path(SAMPLE_ARTICLE)
    facts = extract(doc)
    return {m.quantity.span.text: m for m in facts.measurements}


EXPECTED = [
    # span, kind, value, unit, qualifier, indicator
    ("100万亩", Kind.TARGET, "1000000", "MU", Qualifier.EXACT, "高产稳产标准农田"),
    ("100 个", Kind.TARGET, "100", "COUNT", Qualifier.EXACT, "光伏提水项目"),
    ("100多万亩", Kind.TARGET, "1000000", "MU", Qualifier.MORE_THAN, "高产优质高效农业示范基地"),
    ("100万头", Kind.TARGET, "1000000", "COUNT", Qualifier.EXACT, "生猪"),
    ("100个", Kind.TARGET, "100", "COUNT", Qualifier.EXACT, "乡村振兴示范点"),
    ("100亿元以上", Kind.TARGET, "10000000000", "CNY", Qualifier.AT_LEAST, "产业"),
    ("160亿元", Kind.TARGET, "16000000000", "CNY", Qualifier.EXACT, "总投资"),
    ("7.4万亩", Kind.TARGET, "74000", "MU", Qualifier.EXACT, "国家储备林工程"),
    ("11.69万亩", Kind.TARGET, "116900", "MU", Qualifier.EXACT, "经济林和林下经济工程"),
    ("2.75万亩", Kind.TARGET, "27500", "MU", Qualifier.EXACT, "生态修复工程"),
    ("7.9亿元", Kind.OUTCOME, "790000000", "CNY", Qualifier.EXACT, "农村人居环境整治资金"),
    ("91.23%", Kind.OUTCOME, "91.23", "PERCENT", Qualifier.EXACT, None),
    ("89.78%", Kind.OUTCOME, "89.78", "PERCENT", Qualifier.EXACT, None),
    ("67%", Kind.OUTCOME, "67", "PERCENT", Qualifier.EXACT, None),
    ("125座", Kind.OUTCOME, "125", "COUNT", Qualifier.EXACT, None),
    ("199座", Kind.OUTCOME, "199", "COUNT", Qualifier.EXACT, None),
    ("24748座", Kind.OUTCOME, "24748", "COUNT", Qualifier.EXACT, None),
    ("162个", Kind.OUTCOME, "162", "COUNT", Qualifier.EXACT, None),
    ("39个", Kind.OUTCOME, "39", "COUNT", Qualifier.EXACT, "美丽乡村"),
    ("21个", Kind.OUTCOME, "21", "COUNT", Qualifier.EXACT, "省级卫生乡镇"),
    ("219个", Kind.OUTCOME, "219", "COUNT", Qualifier.EXACT, "省级卫生村"),
    ("84%", Kind.OUTCOME, "84", "PERCENT", Qualifier.EXACT, "村庄保洁员自然村覆盖率"),
    ("89.73%", Kind.OUTCOME, "89.73", "PERCENT", Qualifier.EXACT, None),
    ("55个", Kind.OUTCOME, "55", "COUNT", Qualifier.EXACT, None),
    ("4.43万户", Kind.OUTCOME, "44300", "HOUSEHOLD", Qualifier.EXACT, "贫困人口脱贫"),
    ("17.87万", Kind.OUTCOME, "178700", "PERSON", Qualifier.EXACT, "贫困人口脱贫"),
    ("2789户", Kind.OUTCOME, "2789", "HOUSEHOLD", Qualifier.EXACT, None),
    ("9427人", Kind.OUTCOME, "9427", "PERSON", Qualifier.EXACT, None),
    ("624期", Kind.OUTCOME, "624", "COUNT", Qualifier.EXACT, "培训班"),
    ("12.5万人次", Kind.OUTCOME, "125000", "PERSON_TIME", Qualifier.EXACT, "扶贫干部"),
    ("6000多人次", Kind.OUTCOME, "6000", "PERSON_TIME", Qualifier.MORE_THAN, None),
    ("7913户", Kind.OUTCOME, "7913", "HOUSEHOLD", Qualifier.EXACT, None),
    ("19509户", Kind.OUTCOME, "19509", "HOUSEHOLD", Qualifier.EXACT, None),
    ("65类", Kind.OUTCOME, "65", "COUNT", Qualifier.EXACT, "反馈问题"),
    ("288个", Kind.OUTCOME, "288", "COUNT", Qualifier.EXACT, "反馈问题"),
]


@pytest.mark.parametrize(("span", "kind", "value", "unit", "qualifier", "indicator"), EXPECTED)
def test_sample(
    sample: dict[str, Measurement],
    span: str,
    kind: Kind,
    value: str,
    unit: str,
    qualifier: Qualifier,
    indicator: str | None,
) -> None:
    found = sample[span]
    assert found.kind is kind
    assert found.quantity.value == Decimal(value)
    assert found.quantity.unit == unit
    assert found.quantity.qualifier is qualifier
    if indicator is not None:
        assert found.indicator == indicator
    assert found.indicator
    assert found.span.start <= found.quantity.span.start < found.span.end


def test_sample_areas_and_programmes(sample: dict[str, Measurement]) -> None:
    assert sample["97%"].area is not None and sample["97%"].area.code == "530721"
    assert sample["99.56%"].area is not None and sample["99.56%"].area.code == "530722"
    assert sample["97%"].indicator == sample["99.56%"].indicator == "群众认可度"
    assert sample["4.43万户"].area is not None and sample["4.43万户"].area.code == "530700"
    for span in ("100万亩", "100 个", "100多万亩", "100万头", "100个", "100亿元以上"):
        assert "六个一百" in (sample[span].programme or "")
    assert "林业生态扶贫项目" in (sample["160亿元"].programme or "")


def test_sample_leaves_out_setting_and_names(sample: dict[str, Measurement]) -> None:
    # 615公里 measures the river stretch a plan is set on; 12个人不分组 names a practice
    assert "615公里" not in sample
    assert not any(span.startswith("12个") for span in sample)


# -- areas below the county, anaphora, lists, help; plans that govern their sentence ------------

YONGSHENG = COUNTIES["永胜县"]
TOWNS = {
    "程海镇": Division("程海镇", Level.TOWNSHIP, None, (), YONGSHENG),
    "期纳镇": Division("期纳镇", Level.TOWNSHIP, None, (), YONGSHENG),
}
VILLAGES = {
    "河口村": Division("河口村", Level.VILLAGE, None, (), TOWNS["程海镇"]),
    "松坪村": Division("松坪村", Level.VILLAGE, None, (), TOWNS["期纳镇"]),
}
HELPER = Division("福州市", Level.PREFECTURE, "350100", ("福州",))


def measure_in(
    text: str, jurisdiction: Division = YONGSHENG, programmes: dict[str, Division] | None = None
) -> tuple[Document, list[Measurement]]:
    """Like ``measure``, with townships, villages and a helping city, in a county report, and
    ``programmes`` (name -> area)."""
    doc = Document.from_text(text)
    named = {**COUNTIES, **TOWNS, **VILLAGES, "丽江市": LIJIANG, "福州市": HELPER}
    places = sorted(
        (
            PlaceMention(doc.span(*m.span()), division)
            for name, division in named.items()
            for m in re.finditer(name, doc.text)
        ),
        key=lambda p: p.span.start,
    )
    named_programmes = [
        Programme(doc.span(*m.span()), name, area)
        for name, area in (programmes or {}).items()
        for m in re.finditer(re.escape(name), doc.text)
    ]
    found = quantities.extract(doc)
    return doc, measurements.extract(doc, found, places, named_programmes, jurisdiction)


def test_what_an_inspecting_party_saw_is_the_visited_town_s() -> None:
    _, found = measure_in(
        "5月8日,永胜县副县长一行到程海镇督导产业发展。\n"
        "督导组先后查看了4个在建大棚基地,要求加快进度。"
    )
    assert [(m.quantity.value, m.area) for m in found] == [(Decimal(4), TOWNS["程海镇"])]


def test_a_county_listed_with_the_own_county_keeps_its_figures() -> None:
    # a partner helps 永胜县 and 华坪县 alike; the 永胜县 report tells of both
    _, found = measure_in(
        "福州市结对帮扶永胜县、华坪县。2020年,华坪县也如期脱贫摘帽,45个贫困村全部出列。"
        "2023年,华坪县农村居民人均可支配收入增长9%。"
    )
    assert [(m.quantity.value, m.area) for m in found] == [
        (Decimal(45), COUNTIES["华坪县"]),
        (Decimal(9), COUNTIES["华坪县"]),
    ]


def test_a_place_outside_that_opens_its_clause_with_a_verb_keeps_its_figure() -> None:
    _, found = measure_in(
        "福州市有工业园区12个。2023年,福州市企业在永胜县投资3000万元。"
        "福州市援建学校3所。福州市全年采购农产品800吨。"
    )
    assert [(m.quantity.span.text, m.area) for m in found] == [
        ("12个", HELPER),
        ("3000万元", YONGSHENG),  # a partner's firms: the figure is the county's
        ("3所", YONGSHENG),  # help given to the county
        ("800吨", YONGSHENG),
    ]


def test_a_year_before_the_subject_of_a_paragraph_still_makes_it_the_subject() -> None:
    _, found = measure_in("2023年程海镇各项事业稳步推进。全年完成生产总值5.2亿元,增长6%。")
    assert [(m.quantity.span.text, m.area) for m in found] == [
        ("5.2亿元", TOWNS["程海镇"]),
        ("6%", TOWNS["程海镇"]),
    ]


def test_village_words_are_the_village_named_last() -> None:
    _, found = measure_in(
        "记者走进程海镇河口村。全村种植蓝莓800亩,村里建成冷库3座;该村集体经济收入达到20万元。"
    )
    assert [m.area for m in found] == [VILLAGES["河口村"]] * 3


def test_county_words_in_a_county_report_are_the_county() -> None:
    _, found = measure_in("程海镇河口村发展蓝莓产业。全县种植蓝莓1.2万亩。")
    assert found[0].area == YONGSHENG


def test_a_sentence_without_a_place_takes_the_paragraphs_subject() -> None:
    _, found = measure_in(
        "会上,期纳镇介绍了经验。期纳镇建成蔬菜基地一处,带动群众就业。去年实现产值3000万元。\n"
        "全县新增就业岗位800个。"
    )
    assert (found[0].indicator, found[0].area) == ("产值", TOWNS["期纳镇"])
    assert found[1].area == YONGSHENG


def test_a_place_outside_the_report_or_in_object_position_is_not_inherited() -> None:
    _, found = measure_in(
        "我县产品远销福州市。去年实现销售收入5000万元。\n"
        "县委决定对松坪村实施整体搬迁。安置点总投资2亿元。"
    )
    assert [m.area for m in found] == [YONGSHENG, YONGSHENG]


def test_this_thing_refers_back_to_where_it_was_named() -> None:
    _, found = measure_in(
        "与会人员观摩了程海镇的螺旋藻基地和期纳镇的食用菌大棚。该食用菌大棚年产值1200万元。"
    )
    assert found[0].area == TOWNS["期纳镇"]


def test_a_list_of_places_takes_their_common_parent() -> None:
    _, found = measure_in("永胜县、华坪县2个县率先脱贫摘帽。程海镇、期纳镇共建成示范园6个。")
    assert [m.area for m in found] == [LIJIANG, YONGSHENG]


def test_respectively_still_gives_each_place_its_value() -> None:
    """One value 分别 for each of the places listed: one measurement per place."""
    _, found = measure_in("程海镇、期纳镇分别新建卫生院1所。")
    assert [m.area for m in found] == [TOWNS["程海镇"], TOWNS["期纳镇"]]
    assert [m.quantity.value for m in found] == [1, 1]


def test_each_right_before_a_value_gives_it_to_every_place_listed() -> None:
    """甲、乙各N: the one value is each place's, not the first's or the document's."""
    _, found = measure_in("县里下达程海镇、期纳镇扶贫资金各50万元，用于修建村道。")
    assert [(m.area, m.quantity.value, m.indicator) for m in found] == [
        (TOWNS["程海镇"], 500000, "扶贫资金"),
        (TOWNS["期纳镇"], 500000, "扶贫资金"),
    ]


def test_a_clause_opening_with_a_region_of_its_own_keeps_no_earlier_subject() -> None:
    """程海镇… then 高寒山区片区…: the second figure is the county's, not the township's."""
    _, found = measure_in("程海镇新建村道20公里，高寒山区片区生态搬迁完成300人。")
    assert [(m.quantity.span.text, m.area) for m in found] == [
        ("20公里", TOWNS["程海镇"]),
        ("300人", YONGSHENG),
    ]


def test_figures_of_help_belong_to_the_area_helped() -> None:
    _, found = measure_in(
        "福州市对口帮扶丽江市以来,累计投入帮扶资金8.5亿元,实施协作项目300多个。", LIJIANG
    )
    assert [m.area for m in found] == [LIJIANG, LIJIANG]


def test_a_helper_opening_a_clause_works_on_the_area_helped() -> None:
    # 福州市 helps 永胜县 elsewhere in the text: its team's work is the county's figure
    _, found = measure_in("福州市对口帮扶永胜县。福州市扶贫工作组扶持合作社12个。")
    assert [(m.quantity.span.text, m.area) for m in found] == [("12个", YONGSHENG)]


def test_a_plan_governs_result_words_in_later_clauses() -> None:
    _, found = measure_in(
        "2023-05-01\n计划到2026年,全县茶叶面积达到5万亩,新增加工厂4个,产值突破10亿元。"
    )
    assert [m.kind for m in found] == [Kind.TARGET] * 3
    assert found[-1].quantity.qualifier is Qualifier.MORE_THAN


def test_a_completed_clause_after_a_plan_is_an_outcome() -> None:
    _, found = measure_in("今年计划新建大棚200个,截至目前已建成150个。")
    assert [m.kind for m in found] == [Kind.TARGET, Kind.OUTCOME]


def test_a_span_since_a_past_time_closes_a_plan_word_before_it() -> None:
    # 规划 here is a principle followed; 以来 tells the figures after it done
    _, found = measure_in(
        "据介绍,全县针对山区条件严酷的实际,坚持科学规划、集中安置、分步实施,"
        "“十三五”以来,累计搬迁群众3200户,集中安置到12个安置区。"
    )
    assert [m.kind for m in found] == [Kind.OUTCOME, Kind.OUTCOME]


def test_a_target_year_before_the_report_is_no_plan() -> None:
    _, found = measure_in("2022-03-01 来源:永胜县融媒体中心\n到2021年底,全县茶园2000亩。")
    assert [m.kind for m in found] == [Kind.OUTCOME]


def test_completed_and_habitual_words_make_outcomes() -> None:
    _, found = measure_in(
        "合作社先后争取各类资金共计260万元。以前要走很远,现在把牛交给合作社,每年能拿到分红2000元。"
    )
    assert [m.kind for m in found] == [Kind.OUTCOME, Kind.OUTCOME]


def test_paired_figures_after_a_bare_verb_are_counted_by_it() -> None:
    _, found = measure("党的十八大以来,全市累计脱贫3.2万户13.5万人,贫困发生率降至零。")
    assert [(m.quantity.unit, m.indicator) for m in found[:2]] == [
        ("HOUSEHOLD", "脱贫"),
        ("PERSON", "脱贫"),
    ]
    _, found = measure("共搬迁2813户11856人。")
    assert [m.quantity.value for m in found] == [Decimal(2813), Decimal(11856)]


def test_a_partner_named_as_subject_gives_its_figures_to_the_document() -> None:
    """The helper is the sentence's subject, with no 帮扶 between the two names: still the
    document's figures (a place outside the document's area is where money comes from)."""
    _, found = measure_in("三年来，福州市累计投入资金2860万元，实施项目14个。", YONGSHENG)
    assert [m.area for m in found] == [YONGSHENG, YONGSHENG]


def test_a_place_inside_the_document_area_keeps_its_figures() -> None:
    _, found = measure_in("丽江市脱贫攻坚成效明显，永胜县累计脱贫1.2万户。", LIJIANG)
    assert [m.area for m in found] == [YONGSHENG]


def test_a_bound_that_picks_villages_or_households_is_a_threshold() -> None:
    _, found = measure(
        "全市年收入不足10万元的村还有12个,对人均纯收入低于3000元的建档立卡贫困户全部实施兜底保障,"
        "年产值超过1亿元的企业达到15家。"
    )
    assert [m.quantity.span.text for m in found] == ["12个", "15家"]


def test_a_bound_after_a_count_of_villages_is_the_band_they_are_in() -> None:
    _, found = measure(
        "去年全县共有120个村有了集体经济,其中68个村集体收入超过5万元,25个村超过10万元;"
        "全村300户人均收入超过1.5万元。"
    )
    counted = ["120个", "68个", "25个", "300户", "超过1.5万元"]
    assert [m.quantity.span.text for m in found] == counted


def test_a_bound_after_a_count_of_gacha_is_the_band_they_are_in() -> None:
    # 嘎查 (嘎查村), the village of Inner Mongolia's banners, is counted like 村
    _, found = measure("去年其中80个嘎查村集体收入超过5万元,31个嘎查超过10万元。")
    assert [m.quantity.span.text for m in found] == ["80个", "31个"]


def test_the_size_of_the_event_reported_is_no_fact() -> None:
    _, found = measure(
        "本次系列座谈会将举办6场,由县扶贫办等5个单位联合主办,12个部门将依次进行发布;"
        "全县今年新建扶贫车间14个。"
    )
    assert [m.quantity.span.text for m in found] == ["14个"]
    _, found = measure("推进会设一个主会场和12个分会场,全县今年新建扶贫车间14个。")
    assert [m.quantity.span.text for m in found] == ["14个"]


def test_the_people_weighed_for_a_post_are_no_fact() -> None:
    _, found = measure(
        "县委常委会提名4名人选,从9名候选人中差额选出,3名考察对象将公示5天。"
        "全县今年选派驻村干部120名。"
    )
    assert [m.quantity.span.text for m in found] == ["120名"]


def test_counts_in_a_history_of_renamings_are_no_facts() -> None:
    _, found = measure(
        "1990年撤区建乡时新建立石榴乡等5个乡,1995年原辖区的5个乡改称为5个村公所。"
        "全县今年新建立合作社12个。"
    )
    assert [m.quantity.span.text for m in found] == ["12个"]


def test_a_bound_on_anything_else_is_measured() -> None:
    _, found = measure(
        "到2025年,确保脱贫群众人均收入不低于6000元的标准,新建500亩以上的茶园3个,"
        "培育100亿元以上产业,总投资超过20亿元的易地搬迁项目已经完工。"
    )
    assert [m.quantity.span.text for m in found] == [
        "不低于6000元",
        "500亩以上",
        "3个",
        "100亿元以上",
        "超过20亿元",
    ]


def test_a_cue_word_inside_a_programme_name_is_no_cue() -> None:
    _, found = measure(
        "通过“雨露计划”发放职业教育补助资金2860万元,资助学生9530人次。", programmes=("雨露计划",)
    )
    assert [m.kind for m in found] == [Kind.OUTCOME, Kind.OUTCOME]


def test_jiang_before_a_noun_marks_the_object_not_the_future() -> None:
    _, found = measure(
        "全市将家庭年人均纯收入低于7500元的农户全部纳入监测范围,累计识别监测对象4865户。"
        "明年全市将新建大棚200个,将其全部交给合作社。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("4865户", Kind.OUTCOME),
        ("200个", Kind.TARGET),
    ]


def test_a_list_of_subjects_is_not_the_next_sentences_area() -> None:
    _, found = measure_in(
        "永胜县茶园面积达到35万亩。程海镇、期纳镇分别新建标准化茶园4200亩和3600亩。"
        "白柚种植面积达到6.2万亩。"
    )
    assert [(m.quantity.span.text, m.area and m.area.name) for m in found][-1] == (
        "6.2万亩",
        "永胜县",
    )


def test_a_partner_opening_a_clause_is_not_the_subject() -> None:
    _, found = measure_in(
        "程海镇依托库区发展冷水鱼养殖,福州市援建的加工厂去年建成投产,年加工能力1.5万吨。"
    )
    assert [(m.quantity.span.text, m.area and m.area.name) for m in found] == [
        ("1.5万吨", "程海镇")
    ]


def test_a_place_after_zai_opening_the_paragraph_is_its_subject() -> None:
    _, found = measure_in("在河口村,蓝莓基地已经建成。明年计划新建冷库3座。\n全县新建冷库20座。")
    assert [(m.quantity.span.text, m.area and m.area.name) for m in found] == [
        ("3座", "河口村"),
        ("20座", "永胜县"),
    ]


def test_numbers_right_after_an_area_word_are_its_size() -> None:
    _, found = measure_in("记者走进程海镇河口村,全村428户1536人,全村128户种植蓝莓。")
    assert [(m.quantity.span.text, m.indicator) for m in found] == [
        ("428户", "户数"),
        ("1536人", "人口"),
        ("128户", "种植蓝莓"),
    ]
    assert {m.area for m in found} == {VILLAGES["河口村"]}


def test_jiang_with_a_verb_of_disposal_marks_the_object() -> None:
    _, found = measure("全年将新识别的326户全部纳入帮扶,累计识别监测对象2306户。")
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("326户", Kind.OUTCOME),
        ("2306户", Kind.OUTCOME),
    ]


def test_a_section_under_a_heading_of_plans_is_planned() -> None:
    _, found = measure(
        "一、2023年工作回顾\n全县新建高标准农田2万亩。\n"
        "二、2024年工作安排\n新建高标准农田3.5万亩,已完成设计的项目12个。去年新建冷库5个。\n"
        "三、保障措施\n全县新建冷库10个。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("2万亩", Kind.OUTCOME),
        ("3.5万亩", Kind.TARGET),
        ("12个", Kind.OUTCOME),
        ("5个", Kind.OUTCOME),
        ("10个", Kind.OUTCOME),
    ]


def test_a_paragraph_after_one_announcing_the_years_plans_is_planned() -> None:
    # a news report of a work report: its lead ends by announcing the year's plans, and the
    # paragraph after it lists them without a plan word of their own
    text = (
        "2023年1月20日讯 全市人代会今天开幕。记者从报告中获悉，2023年，全市将全面推进乡村振兴。\n"
        "巩固脱贫成果，推动320个农业重点项目建设，培育15个以上特色品种。\n"
        "去年全市新建冷库12个。"
    )
    _, found = measure(text)
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("320个", Kind.TARGET),
        ("15个以上", Kind.TARGET),
        ("12个", Kind.OUTCOME),
    ]
    # a lead that gives figures of its own states the targets itself, and introduces nothing
    _, found = measure(text.replace("全面推进乡村振兴", "新建冷库8个"))
    assert by_value(found)["320个"].kind is Kind.OUTCOME
    # nor does one about an earlier year
    _, found = measure(text.replace("2023年，全市将", "2022年，全市已"))
    assert by_value(found)["320个"].kind is Kind.OUTCOME


def test_paragraphs_after_a_lead_announcing_this_years_work_list_are_planned() -> None:
    # a press conference with no year written: its lead announces this year's work in two
    # parts, and the two paragraphs after it are plans; the third is no longer in the list
    text = (
        "市农业农村局负责人介绍了有关情况。今年重点抓好以下两方面的工作。\n"
        "稳住粮食生产，粮食面积稳定在80万亩以上。\n"
        "\n"
        "壮大特色产业，新增市级龙头企业6家。\n"
        "近年来全市建成冷库12个。"
    )
    kinds = {written: m.kind for written, m in by_value(measure(text)[1]).items()}
    assert kinds == {"80万亩以上": Kind.TARGET, "6家": Kind.TARGET, "12个": Kind.OUTCOME}
    # a lead about last year's work introduces outcomes
    _, found = measure(text.replace("今年重点抓好", "去年重点抓好"))
    assert by_value(found)["6家"].kind is Kind.OUTCOME


def test_lists_of_places_with_their_items() -> None:
    _, found = measure_in(
        "永胜县核桃、华坪县芒果种植面积分别达到58万亩、32万亩。近两年新建高标准农田86万亩。",
        LIJIANG,
    )
    assert [(m.quantity.span.text, m.area and m.area.name) for m in found] == [
        ("58万亩", "永胜县"),
        ("32万亩", "华坪县"),
        ("86万亩", "丽江市"),
    ]


def test_a_helper_of_several_places_helps_their_common_parent() -> None:
    _, found = measure_in(
        "其中,福州市对口帮扶永胜县、华坪县,共建产业园区4个。在永胜县、华坪县,建成车间2个。"
        "比如程海镇河口村,村集体经济收入达到48万元。",
        LIJIANG,
    )
    assert [(m.quantity.span.text, m.area and m.area.name) for m in found] == [
        ("4个", "丽江市"),
        ("2个", "丽江市"),
        ("48万元", "河口村"),
    ]


def test_a_place_where_goods_go_is_not_the_figures_area() -> None:
    _, found = measure_in("全县年供应丽江市城区蔬菜8万吨。")
    assert [m.area for m in found] == [YONGSHENG]


# -- village features, reference places, names with cue words ---------------------------------

HEKOU = VILLAGES["河口村"]


def test_a_village_features_neighbour_keeps_its_own_figures() -> None:
    _, found = measure_in(
        "河口村的变化是程海镇的缩影。松坪村组建文艺队,今年已演出260余场。\n\n"
        "谈起明年的打算,第一书记说:村里将新建民宿10家。",
        jurisdiction=HEKOU,
    )
    by_span = by_value(found)
    assert by_span["260余场"].area == VILLAGES["松坪村"]  # a village of the same county
    assert by_span["10家"].area == HEKOU  # 村里, in a paragraph naming no village: its own


def test_the_village_a_paragraph_is_about_over_a_programmes_county() -> None:
    _, found = measure_in(
        "在程海镇河口村,记者见到了驻村第一书记。他介绍,借助沪滇协作资金,建成民宿32座。",
        programmes={"沪滇协作": YONGSHENG},
    )
    assert [(m.quantity.span.text, m.area) for m in found] == [("32座", HEKOU)]


def test_a_place_measured_against_is_not_the_figures_area() -> None:
    _, found = measure_in(
        "全县农村居民人均可支配收入增速高于丽江市平均水平0.8个百分点。河口村距永胜县城约23公里。"
    )
    by_span = by_value(found)
    assert by_span["0.8个百分点"].area == YONGSHENG
    assert by_span["23公里"].area == HEKOU


def test_every_far_end_of_a_distance_is_not_the_figures_area() -> None:
    # a second distance listed after the first takes no area from its far end
    _, found = measure_in("河口村地处高山，距程海镇约12公里、永胜县城约40公里。", YONGSHENG)
    assert [(m.quantity.span.text, m.area) for m in found] == [
        ("约12公里", HEKOU),
        ("40公里", HEKOU),
    ]


def test_a_cue_word_inside_a_place_name_is_no_cue() -> None:
    target = Division("目标村", Level.VILLAGE, None, (), TOWNS["程海镇"])
    doc = Document.from_text("目标村建成乡村民宿31家。")
    at = doc.text.index("目标村")
    places = [PlaceMention(doc.span(at, at + 3), target)]
    found = measurements.extract(doc, quantities.extract(doc), places, [], YONGSHENG)
    assert [(m.quantity.span.text, m.kind) for m in found] == [("31家", Kind.OUTCOME)]


def test_a_village_word_inside_the_sentence_over_a_programmes_county() -> None:
    _, found = measure_in(
        "记者走进程海镇河口村。这两年村里借助沪滇协作资金发展旅游,建成民宿32座。",
        programmes={"沪滇协作": YONGSHENG},
    )
    assert [(m.quantity.span.text, m.area) for m in found] == [("32座", HEKOU)]


def test_a_village_word_earlier_in_the_paragraph_carries_to_its_figures() -> None:
    # the village is named in the paragraph before; this one says 村里 and then gives figures
    _, found = measure_in(
        "县农业局派驻程海镇河口村的第一书记走村入户。\n"
        "自去年任第一书记以来,他结合村里实际,选定了以茶为主的产业。现发展茶叶1200亩,栽植果树2万株。\n"
    )
    assert [(m.quantity.span.text, m.area) for m in found] == [
        ("1200亩", HEKOU),
        ("2万株", HEKOU),
    ]


def test_a_speakers_own_village_earlier_in_the_paragraph_does_not_carry() -> None:
    # 本村 is one speaker's own village, not what the paragraph goes on to tell of
    _, found = measure_in(
        "程海镇召开脱贫攻坚推进会。\n镇卫生院和河口村第一书记分别围绕本村工作作了发言。会上表彰示范户5户。\n"
    )
    assert [m.area for m in found if m.quantity.span.text == "5户"] != [HEKOU]


def test_an_estimate_of_a_year_already_past_is_an_outcome() -> None:
    _, found = measure_in(
        "2024-01-10 来源:永胜县融媒体中心\n"
        "一、2023年工作回顾\n全年预计完成财政收入3.2亿元,增长6%。\n"
        "二、2024年工作安排\n预计新建冷库8个。\n"
        "三、专项工作\n过去一年,全县扎实苦干。预计实现生产总值95亿元,增长5.5%。\n"
        "2023年全县预计新增就业1200人。今年预计新增就业1500人。\n"
        "种植面积达3.1万亩(预计数,下同),产值4亿元。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("3.2亿元", Kind.OUTCOME),
        ("6%", Kind.OUTCOME),
        ("8个", Kind.TARGET),
        ("95亿元", Kind.OUTCOME),
        ("5.5%", Kind.OUTCOME),
        ("1200人", Kind.OUTCOME),
        ("1500人", Kind.TARGET),
        ("3.1万亩", Kind.OUTCOME),
        ("4亿元", Kind.OUTCOME),
    ]


def test_an_estimate_under_a_heading_naming_an_earlier_year_is_an_outcome() -> None:
    # a report reposted late in the next year: its first heading names the year reviewed
    _, found = measure_in(
        "县长作政府工作报告\n\n2024-11-20 永胜县融媒体中心\n\n"
        "  2023年经济运行稳中有进\n\n"
        "  预计实现生产总值96亿元,增长5.2%;农村居民人均可支配收入1.6万元。\n\n"
        "  2024年主要目标\n\n  预计实现生产总值101亿元。\n"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("96亿元", Kind.OUTCOME),
        ("5.2%", Kind.OUTCOME),
        ("1.6万元", Kind.OUTCOME),
        ("101亿元", Kind.TARGET),
    ]


def test_the_future_an_estimate_of_a_year_past_takes_is_no_plan() -> None:
    _, found = measure_in(
        "1月12日,全县召开扶贫工作会。2023年,全县预计8个贫困村出列任务将圆满完成,"
        "贫困发生率降至0.3%。2024年,全县将新建冷库6座。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("8个", Kind.OUTCOME),
        ("0.3%", Kind.OUTCOME),
        ("6座", Kind.TARGET),
    ]


def test_a_target_passed_and_a_named_plan_are_no_plan_cues() -> None:
    _, found = measure(
        "2023年,全县建成高标准农田2.4万亩,超出年度目标任务0.4万亩。"
        "全县落实“十四五”规划中央投资3.2亿元,投资到位率71%。"
        "全县计划新建冷库5座。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("2.4万亩", Kind.OUTCOME),
        ("0.4万亩", Kind.OUTCOME),
        ("3.2亿元", Kind.OUTCOME),
        ("71%", Kind.OUTCOME),
        ("5座", Kind.TARGET),
    ]


def test_funds_striven_for_in_a_year_already_past_are_an_outcome() -> None:
    _, found = measure_in(
        "2024-01-10 来源:永胜县融媒体中心\n"
        "会议指出,一年来,全县争取上级补助资金6.4亿元,实施产业项目27个。\n"
        "过去五年,争取沪滇协作资金3亿元。\n"
        "今年,全县争取上级资金7亿元,实施产业项目30个。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("6.4亿元", Kind.OUTCOME),
        ("27个", Kind.OUTCOME),
        ("3亿元", Kind.OUTCOME),
        ("7亿元", Kind.TARGET),
        ("30个", Kind.TARGET),
    ]


def test_the_level_a_requirement_followed_sets_is_a_target() -> None:
    _, found = measure(
        "核查组按照抽查率不低于8%的要求,对全县脱贫的3200名群众进行了入户核查。"
        "各乡镇根据覆盖率90%以上的标准开展自查。全县抽查率达到12%。"
    )
    kinds = {m.quantity.span.text: m.kind for m in found}
    assert kinds["不低于8%"] is Kind.TARGET
    assert kinds["3200名"] is Kind.OUTCOME
    assert kinds["90%以上"] is Kind.TARGET
    assert kinds["12%"] is Kind.OUTCOME


def test_a_heading_line_without_a_number_governs_its_section_as_a_numbered_one() -> None:
    _, found = measure_in(
        "各位代表:\n2023年工作回顾\n一年来,全县上下团结奋斗。预计实现生产总值88亿元,增长7%。\n"
        "2024年工作安排\n新建冷库8个。\n"
        "全年完成重点任务12项\n预计新增就业900人。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("88亿元", Kind.OUTCOME),
        ("7%", Kind.OUTCOME),
        ("8个", Kind.TARGET),
        # a line of a list with a number is no heading: the plans go on
        ("12项", Kind.TARGET),
        ("900人", Kind.TARGET),
    ]


def test_a_fall_in_a_rate_is_a_negative_change_unless_the_indicator_is_the_fall() -> None:
    _, found = measure(
        "全县固定资产投资比上年下降6.3%,社会消费品零售总额增长2%。"
        "单位地区生产总值能耗下降3.5%。城、乡居民收入分别下降1%和0.5%。"
    )
    assert [(m.quantity.span.text, m.quantity.value) for m in found] == [
        ("6.3%", Decimal("-6.3")),
        ("2%", Decimal(2)),
        ("3.5%", Decimal("3.5")),  # a reduction of energy use, reported as such
        ("1%", Decimal(-1)),
        ("0.5%", Decimal("-0.5")),
    ]


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        (
            "城、乡居民人均可支配收入分别增长6%、7.5%。",
            ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
        ),
        (
            "城镇和农村居民人均可支配收入分别达到41250元和17830元。",
            ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
        ),
        ("税收收入、非税收入分别增长4%和12%。", ["税收收入", "非税收入"]),
        # a modifier naming both at once
        (
            "去年城乡居民人均可支配收入分别增长7.1%、8.4%。",
            ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
        ),
        ("全县城乡居民人均可支配收入增长7.9%。", ["城乡居民人均可支配收入"]),
        # one value for the two: the list stays whole
        ("全县税收收入和非税收入分别增长4%。", ["税收收入和非税收入"]),
    ],
)
def test_values_given_respectively_to_listed_indicators_each_take_their_own(
    text: str, indicators: list[str]
) -> None:
    _, found = measure(text)
    assert [m.indicator for m in found] == indicators


def test_targets_under_a_heading_or_a_colon_that_opens_them() -> None:
    _, found = measure(
        "— 主要目标 —\n生产总值增长6.5%以上;城镇登记失业率控制在4%以内。\n"
        "会上提出了明年主要预期目标:农村居民收入增长8%左右,新增就业5000人。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("6.5%以上", Kind.TARGET),
        ("4%以内", Kind.TARGET),
        ("8%左右", Kind.TARGET),
        ("5000人", Kind.TARGET),
    ]


def test_a_plan_followed_is_no_plan_made() -> None:
    _, found = measure("华坪县根据县里的规划发展芒果产业,完成种植1800亩。")
    assert [m.kind for m in found] == [Kind.OUTCOME]


def test_a_heading_that_names_a_district_gives_its_section_the_district() -> None:
    from kg.extract import gazetteer

    tianjin = gazetteer.by_code("120000")
    assert tianjin is not None
    doc = Document.from_text(
        "各区今年目标\n和平\n打造金街\n目标:地区生产总值增长5%。\n"
        "河西\n目标:新增就业8000人。\n名单\n南开区\n河东区\n红桥区\n评出示范社区12个。"
    )
    found = measurements.extract(doc, quantities.extract(doc), [], [], tianjin)
    assert [(m.quantity.span.text, m.area.code if m.area else None) for m in found] == [
        ("5%", "120101"),
        ("8000人", "120103"),
        ("12个", "120103"),
    ]


def test_values_of_past_years_proposals_and_jiang_before_a_number() -> None:
    _, found = measure(
        "帮扶资金从2016年的800万元,到2017年的1500万元,再扩大到2018年的超过3000万元。"
        "县里将约2万群众从深山里搬出。"
        "全县合作社入社率今年可望达到95%。"
        "会议提出,新的一年农村居民收入增长9%左右,城镇新增就业6000人以上。"
        "报告提出,过去五年全县生产总值年均增长7%。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("800万元", Kind.OUTCOME),
        ("1500万元", Kind.OUTCOME),
        ("超过3000万元", Kind.OUTCOME),
        ("约2万", Kind.OUTCOME),
        ("95%", Kind.TARGET),
        ("9%左右", Kind.TARGET),
        ("6000人以上", Kind.TARGET),
        ("7%", Kind.OUTCOME),
    ]


def test_the_investment_a_project_is_described_by_is_a_target_until_it_is_done() -> None:
    _, found = measure(
        "今年签约的项目主要有投资8亿元的华坪县“绿色硅材”项目。"
        "永胜县完成64公里的“四好农村路”工程,投资900万元的“安居房”工程全部完工。\n"
        "投资150万元的光伏电站并网发电。"
        "启动了总投资12亿元的“金沙江绿道”工程。",
        ("绿色硅材", "四好农村路", "安居房", "金沙江绿道"),
    )
    assert [(m.quantity.span.text, m.kind, m.area.name if m.area else None) for m in found] == [
        ("8亿元", Kind.TARGET, "华坪县"),
        ("64公里", Kind.OUTCOME, "永胜县"),
        ("900万元", Kind.OUTCOME, "永胜县"),
        ("150万元", Kind.OUTCOME, "丽江市"),
        ("12亿元", Kind.TARGET, "丽江市"),
    ]


def test_an_undated_report_is_of_the_latest_year_it_tells_of() -> None:
    _, found = measure(
        "2021年,全县农村居民人均可支配收入预计增长8.2%。"
        "2022年全县生产总值预计增长6%,到2025年预计突破100亿元。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("8.2%", Kind.OUTCOME),
        ("6%", Kind.TARGET),
        ("突破100亿元", Kind.TARGET),
    ]


def test_a_count_of_places_named_before_it_is_of_an_area_that_holds_that_many() -> None:
    _, found = measure(
        "永胜县、华坪县等3个县率先摘帽。宁蒗县等12个深度贫困县全部退出。玉龙县共建成示范村12个。"
    )
    assert [(m.quantity.span.text, m.area.name if m.area else None) for m in found] == [
        ("3个", "丽江市"),
        ("12个", "云南省"),
        ("12个", "玉龙纳西族自治县"),
    ]


def areas_of_counts(text: str) -> list[tuple[str, str | None]]:
    """The counts the whole extractor finds in ``text``, with their areas."""
    from kg.extract import extract

    return [
        (m.quantity.span.text, m.area.name if m.area else None)
        for m in extract(Document.from_text(text)).measurements
    ]


def test_a_count_of_counties_leaves_a_citys_districts_out_and_takes_every_name_listed() -> None:
    # 定西市 has six counties and a district: six counties fit it, seven do not
    assert areas_of_counts(
        "定西市召开会议。通渭县等6个县率先摘帽,陇西县等7个县全部退出。"
        "会上通报,通渭、陇西、渭源3个县出列。"
    ) == [("6个", "定西市"), ("7个", "甘肃省"), ("3个", "定西市")]
    assert areas_of_counts("甘肃省召开会议。会上通报,通渭、陇西、会宁、渭源4个县出列。") == [
        ("4个", "甘肃省")
    ]


def test_a_rate_after_an_amount_in_its_clause_is_of_what_the_amount_measures() -> None:
    _, found = measure("全市生产总值达到320亿元、增长8.2%;固定资产投资95亿元、增长11%。")
    assert [(m.quantity.span.text, m.indicator) for m in found] == [
        ("320亿元", "生产总值"),
        ("8.2%", "生产总值"),
        ("95亿元", "固定资产投资"),
        ("11%", "固定资产投资"),
    ]


def test_planned_exits_are_targets_and_savings_are_outcomes() -> None:
    _, found = measure("全镇今年预脱贫210户860人。去年项目建设着力提速,节约资金300余万元。")
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("210户", Kind.TARGET),
        ("860人", Kind.TARGET),
        ("300余万元", Kind.OUTCOME),
    ]


def test_jiang_with_a_verb_of_disposal_that_jieba_cuts_apart_marks_the_object() -> None:
    _, found = measure("村里将原粮站旧房改建成400平方米的便民服务中心。")
    assert [(m.quantity.span.text, m.kind) for m in found] == [("400平方米", Kind.OUTCOME)]


def test_a_count_of_one_place_of_its_own_level_counts_it_in_the_clauses_list() -> None:
    assert areas_of_counts(
        "甘肃省召开会议。会上通报,通渭县、会宁县2个国家贫困县和渭源县1个省级贫困县达到退出标准。"
    ) == [("2个", "甘肃省"), ("1个", "甘肃省")]


def test_a_place_that_scopes_a_ranking_is_not_the_subject_of_its_sentence() -> None:
    assert areas_of_counts(
        "定西市召开会议。2019年,全市新建农村公路800公里,甘肃最长的乡村旅游环线由此贯通;"
        "农村居民人均可支配收入达到9000元。"
    ) == [("800公里", "定西市"), ("9000元", "定西市")]


def test_a_work_teams_figures_are_of_the_place_it_is_stationed_in() -> None:
    assert areas_of_counts(
        "甘肃省召开驻村帮扶会议。定西市财政局驻通渭县工作队队长介绍,工作队引进资金300万元建成了养殖场。"
    ) == [("300万元", "通渭县")]


def test_values_of_a_list_wrapped_onto_the_next_line_keep_their_indicators() -> None:
    _, found = measure(
        "全市粮食产量、蔬菜产量分别达到80万吨、60万吨,分别是2015年的1.2倍\n、1.5倍;全年新建大棚300个。"
    )
    assert [(m.quantity.span.text, m.indicator) for m in found] == [
        ("80万吨", "粮食产量"),
        ("60万吨", "蔬菜产量"),
        ("1.2倍", "粮食产量"),
        ("1.5倍", "蔬菜产量"),
        ("300个", "大棚"),
    ]


def test_head_counts_of_attendance_scenes_and_named_households_are_no_facts() -> None:
    _, found = measure(
        "各乡镇党委书记和驻村第一书记共计260多人参加会议。"
        "省内外30余家媒体的记者出席发布会。"
        "3名队员和几十位村民围坐在火塘边。"
        "工作组走访了脱贫户王建华、李秀英两户。"
        "全县组织1200名贫困劳动力参加招聘会,新建大棚300个。"
    )
    assert [m.quantity.span.text for m in found] == ["1200名", "300个"]


def test_a_distance_between_partners_told_as_a_figure_of_speech_is_no_fact() -> None:
    _, found = measure(
        "两地结对以来,实现了跨越2000多公里的“握手”,1000多公里路途携手同行。全县新修道路50公里。"
    )
    assert [m.quantity.span.text for m in found] == ["50公里"]


def test_rounds_of_a_rotation_and_each_rounds_team_are_no_facts() -> None:
    _, found = measure(
        "全县今年将派出第五批驻村工作队。此前已派出四批、共计1200名干部驻村。"
        "每批还轮流选派8名农技人员。"
    )
    assert [m.quantity.span.text for m in found] == ["1200名"]
    # rounds a text does not number are counted as they are
    _, found = measure("全县已组织3批贫困劳动力外出务工,共计600人。")
    assert [m.quantity.span.text for m in found] == ["3批", "600人"]


def test_a_place_opening_a_firms_name_is_not_the_figures_area() -> None:
    assert areas_of_counts(
        "通渭县召开表彰会。全县表彰了定西金穗农业发展有限公司、甘肃绿源科技有限公司等12家单位,"
        "县委书记在会上讲话。"
    ) == [("12家", "通渭县")]


def test_plain_figure_before_a_stretch_is_a_target() -> None:
    # 增长N%，力争M%: the plan's expected mark and the one striven for, both targets
    _, found = measure("主要指标：粮食产量增长1.5%，力争2%。")
    assert [(m.quantity.value, m.kind) for m in found] == [
        (Decimal("1.5"), Kind.TARGET),
        (Decimal(2), Kind.TARGET),
    ]
    # without the stretch the plain figure is what was measured
    _, found = measure("主要指标：粮食产量增长1.5%。")
    assert [m.kind for m in found] == [Kind.OUTCOME]


def test_share_of_a_plan_completed_is_an_outcome() -> None:
    # 完成…计划的N%: the plan is what the share is measured against, not a plan being made
    _, found = measure("全县9个重点项目完成年度投资计划的75%。")
    assert [m.kind for m in found] == [Kind.OUTCOME, Kind.OUTCOME]
    _, found = measure("全县9个重点项目计划完成投资2亿元。")
    assert [m.kind for m in found] == [Kind.TARGET, Kind.TARGET]


def test_the_size_of_a_list_values_are_spread_over_is_no_fact() -> None:
    # 甲、乙、丙3个县…分别为…: the 3 sizes the list, the rates are the facts; a count after
    # 等, naming only some of the places, stays one
    from kg.extract import extract

    text = (
        "2020年3月,保定市召开发布会。阜平县、涞源县、易县3个县2019年末贫困发生率分别为"
        "0.5%、0.4%和0.3%。全市共有阜平县、涞源县等5个县退出。"
    )
    found = extract(Document.from_text(text)).measurements
    assert [(m.quantity.value, m.quantity.unit) for m in found] == [
        (Decimal("0.5"), "PERCENT"),
        (Decimal("0.4"), "PERCENT"),
        (Decimal("0.3"), "PERCENT"),
        (Decimal(5), "COUNT"),
    ]


def test_a_clause_opened_by_the_whole_country_gives_no_regional_figure() -> None:
    # 我国…, 全国…: the nation's figures as background; the province's own figure stays
    from kg.extract import extract

    text = "2020年11月,甘肃省发布公告。我国已有20个省份的贫困县全部摘帽,甘肃省75个贫困县全部摘帽。"
    found = extract(Document.from_text(text)).measurements
    assert [(m.quantity.value, m.area.code if m.area else None) for m in found] == [
        (Decimal(75), "620000")
    ]


def test_a_village_described_not_named_is_the_one_named_before() -> None:
    # the village is named in one paragraph and described (这个…的山村) in the next
    _, found = measure_in(
        "2019年春，驻村干部来到程海镇河口村，村里道路不通。\n"
        "两年过去，这个贫困发生率曾达60%的山村修通8条村道，30户贫困户住上新房。",
        LIJIANG,
    )
    areas = {m.area.name for m in found if m.area is not None}
    assert len(found) == 3 and areas == {"河口村"}


def test_a_count_of_villages_listed_after_their_township_is_the_townships() -> None:
    _, found = measure_in("据介绍，期纳镇在松坪村等7个村建起了光伏电站。", YONGSHENG)
    assert [m.area.name for m in found if m.area is not None] == ["期纳镇"]


def test_a_count_of_a_settled_set_in_a_plan_is_its_size() -> None:
    _, found = measure_in(
        "县里将对全县认定的12个重点村和40个一般村开展集中督导，计划新建产业路30公里。"
    )
    assert [(m.quantity.span.text, m.kind) for m in found] == [
        ("12个", Kind.OUTCOME),
        ("40个", Kind.OUTCOME),
        ("30公里", Kind.TARGET),
    ]


def test_figures_a_quote_tells_of_its_own_village_are_the_village_named_after_it() -> None:
    _, found = measure_in(
        "“咱们村今年茶叶收入12万元，入股分红3万元。”日前，在程海镇河口村的院坝会上，村支书这样介绍。",
        LIJIANG,
    )
    assert {m.area.name for m in found if m.area is not None} == {"河口村"}


def test_figures_quoted_before_the_place_that_the_words_after_the_quote_name() -> None:
    _, found = measure_in(
        "“每年发电收益86万元，带动300户增收。”期纳镇建设光伏电站的这组数据，令人振奋。",
        LIJIANG,
    )
    assert {m.area.name for m in found if m.area is not None} == {"期纳镇"}
