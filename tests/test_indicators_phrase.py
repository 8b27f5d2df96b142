"""The indicator phrase of a measurement, as the extractor writes it, and the standard indicator
it maps to: phrases that name nothing alone (年均, 人民币), counts named by their predicate, a list
whose values 分别 gives, a phrase cut by a hard-wrapped line."""

from __future__ import annotations

import pytest

from kg.extract import measurements, quantities
from kg.extract.facts import Measurement
from kg.extract.indicators import concept_of
from kg.text.document import Document


def measure(text: str) -> dict[str, Measurement]:
    """The measurements of ``text`` by the text of their number (no places, no programmes)."""
    doc = Document.from_text(text)
    found = measurements.extract(doc, quantities.extract(doc), [], [], None)
    return {m.quantity.span.text: m for m in found}


def notation(m: Measurement) -> str | None:
    concept = concept_of(m.indicator, m.quantity.unit, m.span.text)
    return concept.notation if concept else None


def test_a_rate_whose_words_name_nothing_borrows_what_the_number_before_counts() -> None:
    found = measure(
        "全县生产总值完成86.2亿元，年均增长6.4%；一般公共预算收入完成5.1亿元，年均增长3.9%。"
    )
    assert found["6.4%"].indicator.endswith("年均")
    assert notation(found["6.4%"]) == "regional-gdp-growth"
    assert notation(found["3.9%"]) == "general-budget-revenue-growth"


def test_rates_given_respectively_borrow_the_items_of_a_joint_modifier() -> None:
    found = measure("城乡居民人均可支配收入分别达到30210元和11450元，年均分别增长8.2%和9.6%。")
    assert notation(found["8.2%"]) == "urban-disposable-income-growth"
    assert notation(found["9.6%"]) == "rural-disposable-income-growth"


def test_a_rate_takes_the_indicator_named_in_the_clause_before_it_without_a_number() -> None:
    found = measure("社会消费品零售总额增长4.5%，一般公共预算收入扣除减税因素，同口径增长7.3%。")
    assert notation(found["4.5%"]) == "retail-sales-growth"
    assert notation(found["7.3%"]) == "general-budget-revenue-growth"


def test_a_currency_after_the_number_is_not_what_it_counts() -> None:
    found = measure("全市地区生产总值突破1500亿元（人民币，下同），达到1532.6亿元。")
    assert "人民币" not in found["突破1500亿元"].indicator
    assert notation(found["突破1500亿元"]) == "regional-gdp"


def test_counts_with_only_a_verb_of_having_before_them_are_named_by_their_predicate() -> None:
    found = measure("截至目前，全镇仍有23户、61人尚未脱贫。")
    assert found["23户"].indicator == found["61人"].indicator == "尚未脱贫"
    assert notation(found["23户"]) == "poor-households"
    assert notation(found["61人"]) == "poverty-headcount"


def test_counts_with_a_noun_before_them_keep_it() -> None:
    found = measure("全村有贫困户23户、61人。")
    assert "贫困户" in found["23户"].indicator


def test_the_predicate_of_a_list_given_respectively_is_not_its_last_item() -> None:
    found = measure("税收收入、公共预算收入分别完成4.2亿元、2.7亿元。")
    assert [found[v].indicator for v in ("4.2亿元", "2.7亿元")] == ["税收收入", "公共预算收入"]
    assert notation(found["2.7亿元"]) == "general-budget-revenue"


def test_a_phrase_cut_by_a_hard_wrapped_line_is_read_whole() -> None:
    found = measure(
        "今年以来全县上下齐心协力推进各项重点工作落实，全社会固定资产投\n资完成31.5亿元。"
    )
    assert found["31.5亿元"].indicator == "全社会固定资产投资完成"
    assert notation(found["31.5亿元"]) == "fixed-asset-investment"


@pytest.mark.parametrize("heading", ["二、工作回顾", "全社会固定资产投"])
def test_a_short_line_is_a_heading_not_a_wrapped_phrase(heading: str) -> None:
    found = measure(f"{heading}\n资金完成31.5亿元。")
    assert heading not in found["31.5亿元"].indicator


def test_a_predicate_said_of_a_count_of_people_in_a_list_is_said_of_every_item() -> None:
    found = measure("明年35个贫困村、2.4万人脱贫退出任务将全部完成。")
    assert found["35个"].indicator.startswith("贫困村脱贫退出")
    assert notation(found["35个"]) == "poor-villages-exited"


def test_the_words_after_and_open_the_next_item_of_a_list_of_counts() -> None:
    found = measure("甲县、乙县2个国家贫困县和丙县1个省级贫困县达到贫困县退出标准。")
    assert "丙县" not in found["2个"].indicator
    assert notation(found["2个"]) == "poor-counties-exited"


@pytest.mark.parametrize(
    "text",
    ["全县城乡居民人均可支配收入增长6.2%、8.7%。", "城、乡居民人均可支配收入年均增长6.2%和8.7%。"],
)
def test_values_listed_after_a_list_of_indicators_pair_up_in_order_without_respectively(
    text: str,
) -> None:
    found = measure(text)
    assert notation(found["6.2%"]) == "urban-disposable-income-growth"
    assert notation(found["8.7%"]) == "rural-disposable-income-growth"


def test_values_of_different_units_side_by_side_do_not_pair_up() -> None:
    found = measure("全县城乡居民人均可支配收入达到21000元、增长8%。")
    assert found["21000元"].indicator == found["8%"].indicator == "城乡居民人均可支配收入"


def test_a_whole_counted_before_a_partitive_is_not_what_the_part_counts() -> None:
    found = measure("全县2000名贫困人口中有1800人实现脱贫。")
    assert notation(found["2000名"]) == "poverty-headcount"
    assert notation(found["1800人"]) == "people-lifted-out-of-poverty"
    found = measure("全市2000户、5400名贫困人口中共有1900户、5200多名贫困人口实现脱贫。")
    assert notation(found["5400名"]) == "poverty-headcount"
    assert notation(found["1900户"]) == "households-lifted-out-of-poverty"
    assert notation(found["5200多名"]) == "people-lifted-out-of-poverty"


def test_counts_before_a_noun_and_a_predicate_are_named_by_the_predicate() -> None:
    found = measure("目前仍有15户、80多名贫困人口尚未脱贫。")
    assert found["15户"].indicator == "尚未脱贫"
    assert notation(found["15户"]) == "poor-households"
    assert notation(found["80多名"]) == "poverty-headcount"


def test_the_first_item_of_a_list_has_the_predicate_the_list_ends_with() -> None:
    found = measure("全年全面完成8个贫困县、120个贫困村和3.5万贫困人口减贫任务。")
    assert found["8个"].indicator == "贫困县减贫任务"
    assert notation(found["8个"]) == "poor-counties-exited"
    assert notation(found["120个"]) == "poor-villages-exited"
    assert notation(found["3.5万"]) == "people-lifted-out-of-poverty"


def test_items_listed_without_a_predicate_keep_their_own_words() -> None:
    found = measure("全县新建12个村卫生室、30所学校和5个养老院。")
    assert [found[n].indicator for n in ("12个", "30所", "5个")] == ["村卫生室", "学校", "养老院"]


def test_an_item_with_a_predicate_of_its_own_does_not_take_the_next_items() -> None:
    found = measure("全区14个贫困县全部摘帽、830个贫困村全部出列、52万贫困人口摆脱贫困。")
    assert found["14个"].indicator == "贫困县全部摘帽"
    assert notation(found["14个"]) == "poor-counties-exited"
    assert notation(found["830个"]) == "poor-villages-exited"
    assert notation(found["52万"]) == "people-lifted-out-of-poverty"


def test_a_count_whose_noun_opens_with_a_modifier_tagged_a_verb_is_named_by_the_predicate() -> None:
    found = measure("全市有3600余户、8100余名建档立卡低收入户脱贫。")
    assert found["3600余户"].indicator == "脱贫"
    assert notation(found["3600余户"]) == "households-lifted-out-of-poverty"
    assert notation(found["8100余名"]) == "people-lifted-out-of-poverty"


def test_counts_on_both_sides_of_a_verb_of_reaching_a_level_are_levels_of_the_subject() -> None:
    found = measure("全县贫困人口由建档立卡时的2.4万户、8.7万人减少至56户、130人，成效明显。")
    assert {found[n].indicator for n in ("2.4万户", "8.7万人", "56户", "130人")} == {"贫困人口"}
    assert notation(found["2.4万户"]) == notation(found["56户"]) == "poor-households"
    assert notation(found["8.7万人"]) == notation(found["130人"]) == "poverty-headcount"
