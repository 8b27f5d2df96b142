"""Script conversion (OpenCC) that keeps every offset: traditional <-> simplified."""

from __future__ import annotations

from functools import cache

from kg.resources import read_table


@cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


@cache
def _variants() -> dict[int, str]:
    """Characters OpenCC's t2s leaves that stand for one it converts (郷, 陜 written for 陝):
    ``kg/data/script_variants.tsv``, written by ``tools/make_variants.py``."""
    return {ord(row[0]): row[1] for row in read_table("script_variants.tsv")}


def convert_script(text: str, config: str = "t2s") -> str:
    """OpenCC conversion that never changes the length: lines whose phrase conversion would,
    are converted character by character, so offsets stay valid.  To simplified (t2s), the
    variants of ``script_variants.tsv`` become the simplified character they stand for.

    >>> convert_script("蘇陜協作")
    '苏陕协作'
    """
    converter = _converter(config)
    out = []
    for line in text.splitlines(keepends=True):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        out.append(converted)
    joined = "".join(out)
    return joined.translate(_variants()) if config == "t2s" else joined


def detect_script(clean: str, simplified: str) -> str:
    """``Hant`` when a noticeable share of the Han characters change under t2s conversion."""
    han = sum(1 for ch in clean if "\u4e00" <= ch <= "\u9fff")
    changed = sum(1 for a, b in zip(clean, simplified, strict=True) if a != b)
    return "Hant" if han and changed / han > 0.03 else "Hans"
