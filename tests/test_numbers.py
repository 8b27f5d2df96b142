"""Number parsing: Arabic, Chinese and both with multipliers."""

from decimal import Decimal

import pytest

from kg.extract.numbers import parse_arabic, parse_chinese, parse_number, tidy


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.43万", "44300"),
        ("7.9亿", "790000000"),
        ("12.5万", "125000"),
        ("3千万", "30000000"),
        ("1,200.5", "1200.5"),
        ("１２", "12"),
        ("99.56", "99.56"),
        ("0", "0"),
        ("一百二十", "120"),
        ("两千", "2000"),
        ("十五", "15"),
        ("二十", "20"),
        ("三百二十", "320"),
        ("一百零五", "105"),
        ("一千零五十", "1050"),
        ("两千五", "2500"),
        ("一百二", "120"),
        ("三万五", "35000"),
        ("十万零三", "100003"),
        ("三千五百万", "35000000"),
        ("一亿二千万", "120000000"),
        ("一点五", "1.5"),
        ("二〇二〇", "2020"),
    ],
)
def test_parses(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["十三五", "万万", "千万", "亿", "百", "一把", "", "4.43x"])
def test_refuses_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_values_are_tidy() -> None:
    assert str(parse_number("4.43万")) == "44300"
    assert str(tidy(Decimal("0.50"))) == "0.5"
    assert str(parse_arabic("100.00")) == "100"
    assert parse_chinese("4") is None


@pytest.mark.parametrize(
    "text", ["1" * 29, "1," + "000," * 9 + "000", "一" * 29, "一点" + "五" * 29]
)
def test_a_run_of_more_digits_than_decimal_computes_with_is_not_a_number(text: str) -> None:
    """Issue 16: a line of 100k digits was converted to an integer, in quadratic time."""
    assert parse_number(text) is None
    assert parse_number("1" * 28) == Decimal("1" * 28)


def test_without_digit_strings_only_numbers_written_with_their_places_are_read() -> None:
    # ordinals and counts (第十二个): digits one by one (一二, 二〇二〇) are a year's or a
    # code's writing, no ordinal, where they are otherwise read
    assert parse_chinese("一二") == Decimal("12")
    assert parse_chinese("一二", digit_strings=False) is None
    assert parse_chinese("二〇二〇", digit_strings=False) is None
    assert parse_chinese("十二", digit_strings=False) == Decimal("12")
    assert parse_chinese("二十一点五", digit_strings=False) == Decimal("21.5")
    assert parse_number("16", digit_strings=False) == Decimal("16")
    assert parse_number("一二", digit_strings=False) is None
