"""Extraction the delivery pairs need (issue 15): targets and outcomes as reports and bulletins
of the genre state them.  Invented sentences, one for each rule; tests/real/delivery holds the
real pairs (``python -m tests.delivery_scoring``)."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.facts import Kind, Measurement
from kg.extract.indicators import concept_of
from kg.text.normalise import join_wrapped_numbers
from tests.test_measurements import measure

FPI = "https://w3id.org/fupin-kg/indicator/"


def _of(found: list[Measurement], value: str) -> Measurement:
    (measurement,) = [m for m in found if m.quantity.value == Decimal(value)]
    return measurement


def test_a_growth_rate_borrows_the_subject_past_an_increase_that_names_nothing() -> None:
    """比上年增长6.2% names nothing; the numbers before it in the sentence are an increase
    (增加约3.3亿元) and the level it is compared with, whose words are only 增加: the rate is of
    the sentence's subject, 地区生产总值."""
    _, found = measure(
        "2020年永胜县地区生产总值52.3亿元，比上年的约49亿元增加约3.3亿元；"
        "按可比价格计算，比上年增长6.2%。"
    )
    growth = _of(found, "6.2")
    assert (growth.kind, growth.indicator) == (Kind.OUTCOME, "地区生产总值")
    concept = concept_of(growth.indicator, "PERCENT")
    assert concept is not None and concept.iri == FPI + "regional-gdp-growth"


def test_a_predicate_after_a_list_of_counts_is_said_of_each() -> None:
    """余下的320名未脱贫人口、5个未退出贫困村要全部脱贫退出: the people are to be lifted out
    too, which makes the first count a target of people lifted out, not a headcount."""
    _, found = measure("永胜县余下的320名未脱贫人口、5个未退出贫困村今年要全部脱贫退出。")
    people, villages = _of(found, "320"), _of(found, "5")
    assert people.indicator.startswith("未脱贫人口") and people.indicator.endswith("脱贫退出")
    assert villages.indicator.endswith("贫困村今年要全部脱贫退出")
    clause = people.span.text  # as the graph asks: the other item's words are in it
    concept = concept_of(people.indicator, people.quantity.unit, clause)
    assert concept is not None and concept.iri == FPI + "people-lifted-out-of-poverty"


def test_a_number_wrapped_across_a_line_break_keeps_its_unit_and_sentence() -> None:
    """Hard-wrapped prose (a PDF's lines pasted as they were): the line ends in the number, the
    next opens with its unit; the rate after it still reads the level's indicator."""
    text = (
        "回顾过去一年的发展成绩，2022年全县地区生产总值达到120\n"
        "亿元，增长7.5%，增速居全市第二位，各项工作取得新进展。\n"
    )
    doc, found = measure(text)
    level, growth = _of(found, "12000000000"), _of(found, "7.5")
    assert level.quantity.unit == "CNY" and level.indicator == "地区生产总值"
    assert growth.indicator == "地区生产总值"
    assert [r.kind for r in doc.normalised.repairs] == ["wrapped"]
    assert doc.original == text  # the original is kept, the quote maps back to it


def test_only_a_number_in_wrapped_prose_is_joined() -> None:
    """Not a table's short lines, a telephone number or a time before a line opening with a
    measure word (只, 本), nor a sentence's full stop before a year."""
    assert join_wrapped_numbers("指标\n1\n地区生产总值增速\n7\n亿元\n") == []
    assert join_wrapped_numbers("办公室联系电话：0888-5123456\n只争朝夕，不负韶华") == []
    assert join_wrapped_numbers("发布时间：2020-05-09 08:30\n本文来源：县融媒体中心") == []
    assert join_wrapped_numbers("we will meet in the spring.\n2021年全县地区生产总值") == []
    assert join_wrapped_numbers("全县地区生产总值增长达到3.\n5%，") != []


def test_a_milestone_after_an_amount_is_not_what_is_counted() -> None:
    """迈上120亿元新台阶: 地区生产总值 passed the mark; the rate after it is its growth."""
    _, found = measure("2022年，全县地区生产总值迈上120亿元新台阶，增长7.5%。")
    level, growth = _of(found, "12000000000"), _of(found, "7.5")
    assert (level.indicator, growth.indicator) == ("地区生产总值", "地区生产总值")
