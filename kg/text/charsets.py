"""Sets of common Han characters, computed from the national character-set standards.

GB 2312 levels 1 and 2 (6,763 simplified characters) and Big5 level 1 (5,401 frequent
traditional characters) are what ordinary text is written with; characters outside them in a
run of text are a sign of mojibake, and a decoding made mostly of them is a wrong guess.
"""

from __future__ import annotations

from functools import cache


def _gb2312() -> set[str]:
    chars = set()
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def _big5_level1() -> set[str]:
    chars = set()
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            if (hi, lo) > (0xC6, 0x7E):
                break
            try:
                chars.add(bytes((hi, lo)).decode("big5"))
            except UnicodeDecodeError:
                continue
    return chars


@cache
def common_chars() -> frozenset[str]:
    """Common simplified and traditional Han characters."""
    return frozenset(_gb2312() | _big5_level1())
