"""Numbers as the genre writes them: Arabic (``4.43``, ``1,200``, full-width digits), Chinese
(``一百二十``, ``两千``, ``三千五百万``, ``二〇二〇``, ``一点五``) and both with the multipliers
万, 亿, 千, 百 (``4.43万`` -> 44300, ``7.9亿`` -> 790000000).

Everything returns ``Decimal`` (exact, as stated) or ``None`` when the string is not a number.

>>> parse_number("4.43万")
Decimal('44300')
>>> parse_number("一百二十")
Decimal('120')
>>> parse_number("十三五") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5}
DIGITS |= {"陆": 6, "柒": 7, "捌": 8, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000} | LARGE_UNITS
"""Characters that multiply an Arabic number written before them (4.43万, 3千, 1.2亿)."""

CHINESE_NUMERAL_CHARS = "".join([*DIGITS, *SMALL_UNITS, *LARGE_UNITS, "点"])
ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
"""An Arabic number: digits, thousands separators, a decimal part."""
CHINESE = "[" + CHINESE_NUMERAL_CHARS + "]+"
ARABIC_RE = re.compile(ARABIC)
CHINESE_RE = re.compile(CHINESE)
MAX_DIGITS = 28
"""Digits a number may have.  ``Decimal`` computes with 28 significant digits, so a longer one
could not be multiplied (4.43万) exactly; no figure of the genre comes near, and converting a
run of a hundred thousand digits to an integer takes time that grows with its square."""


def tidy(value: Decimal) -> Decimal:
    """``value`` without an exponent or trailing zeros: 44300.00 -> 44300, 0.50 -> 0.5."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return Decimal(format(value.normalize(), "f"))


def parse_arabic(text: str) -> Decimal | None:
    """``1,200.5`` -> 1200.5; full-width digits and points are accepted."""
    if not ARABIC_RE.fullmatch(text) or sum(c.isdigit() for c in text) > MAX_DIGITS:
        return None
    ascii_text = "".join(
        str(unicodedata.digit(c)) if c.isdigit() else ("." if c in ".．" else "")
        for c in text
        if c not in ",，"
    )
    try:
        return tidy(Decimal(ascii_text))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


def _section(text: str) -> int | None:
    """A Chinese number below 10 000 (一千二百零五, 十五, 两百): positional, strict."""
    if not text:
        return 0
    total = 0
    digit: int | None = None
    last_unit = 100_000
    zero_gap = False
    for char in text:
        if char in "零〇○" and total and digit is None:
            zero_gap = True  # 一千零五: a place skipped
            continue
        if char in DIGITS:
            if digit is not None:
                return None  # two digits in a row: 十三五, not a number
            digit = DIGITS[char]
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= last_unit:
                return None
            if digit is None:
                if total or unit != 10:
                    return None  # 百 alone, or 二百十 written oddly
                digit = 1  # 十五
            total += digit * unit
            digit = None
            last_unit = unit
        else:
            return None
    if digit is not None:
        if digit == 0 and total == 0:
            return 0
        if last_unit == 100_000 or total == 0:
            total += digit
        else:
            # 两千五 = 2500, 一百二 = 120: a trailing digit counts in the next lower place.
            # 一千零五 (a place skipped with 零) is a plain 5.
            total += digit if zero_gap else digit * (last_unit // 10)
    return total


def _digit_string(text: str) -> Decimal | None:
    """二〇二〇 -> 2020: digits read one by one (years, codes)."""
    if 2 <= len(text) <= MAX_DIGITS and all(c in DIGITS and c != "两" for c in text):
        return Decimal("".join(str(DIGITS[c]) for c in text))
    return None


def parse_chinese(text: str, *, digit_strings: bool = True) -> Decimal | None:
    """A number written in Chinese characters, or ``None``: 一百二十 -> 120, 三千五百万 ->
    35000000, 一点五 -> 1.5, 一亿二千万 -> 120000000, 二〇二〇 -> 2020.

    Without ``digit_strings``, digits read one by one (二〇二〇, 一二) are no number: an
    ordinal or a count is written with its places (第十二个), and 第一二个 is no twelfth."""
    if not text or any(c not in CHINESE_NUMERAL_CHARS for c in text):
        return None
    if "点" in text:
        whole, _, fraction = text.partition("点")
        if not fraction or len(fraction) > MAX_DIGITS or any(c not in DIGITS for c in fraction):
            return None
        integer = parse_chinese(whole, digit_strings=digit_strings) if whole else Decimal(0)
        if integer is None:
            return None
        decimals = "".join(str(DIGITS[c]) for c in fraction)
        return tidy(integer + Decimal("0." + decimals))
    digits = _digit_string(text)
    if digits is not None:
        return digits if digit_strings else None
    total = 0
    rest = text
    smallest = 0
    for char, size in sorted(LARGE_UNITS.items(), key=lambda item: -item[1]):
        if char in rest:
            head, _, rest = rest.partition(char)
            if char in rest:
                return None
            value = _section(head)
            if not value:
                return None  # 亿 or 万 alone, 零万
            total += value * size
            smallest = size
    if total and len(rest) == 1 and rest in DIGITS:
        return Decimal(total + DIGITS[rest] * smallest // 10)  # 三万五 = 35000
    if total:
        rest = rest.lstrip("零〇○")  # 十万零三
    tail = _section(rest)
    if tail is None:
        return None
    return Decimal(total + tail)


def parse_number(text: str, *, digit_strings: bool = True) -> Decimal | None:
    """Arabic or Chinese, with trailing multipliers: 4.43万 -> 44300, 3千万 -> 30000000;
    ``digit_strings`` as for :func:`parse_chinese`."""
    text = text.strip()
    match = ARABIC_RE.match(text)
    if match:
        value = parse_arabic(match.group())
        rest = text[match.end() :]
        if value is None:
            return None
        for char in rest:
            if char not in MULTIPLIERS:
                return None
            value *= MULTIPLIERS[char]
        return tidy(value)
    return parse_chinese(text, digit_strings=digit_strings)
