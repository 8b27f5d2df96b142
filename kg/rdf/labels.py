"""Labels in the contract's three forms: as written, the other script (OpenCC), and pinyin."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Literal

from kg.text.script import convert_script

PINYIN_LANG = "zh-Latn-pinyin"


@lru_cache(maxsize=8192)
def pinyin(text: str) -> str:
    """Tone-marked pinyin, syllables separated by spaces (何玉兰 -> hé yù lán).

    pypinyin's reading (``lazy_pinyin(text, style=Style.TONE)``), by :mod:`kg.text.pinyin`, which
    reads pypinyin's data without the cost of importing it."""
    from kg.text.pinyin import lazy_pinyin

    return " ".join(s.strip() for s in lazy_pinyin(text) if s.strip())


def to_traditional(text: str) -> str:
    return convert_script(text, "s2t")


def to_simplified(text: str) -> str:
    return convert_script(text, "t2s")


@lru_cache(maxsize=8192)
def all_forms(written: str, script: str, with_pinyin: bool = True) -> tuple[Literal, ...]:
    """``written`` tagged with its script, the other script, and pinyin.

    Cached: the same divisions, roles and units recur in every document of a corpus; people's
    names mostly do not, so the cache is bounded to keep a worker's memory flat."""
    simplified = to_simplified(written) if script == "Hant" else written
    traditional = written if script == "Hant" else to_traditional(written)
    literals = [Literal(simplified, lang="zh-Hans"), Literal(traditional, lang="zh-Hant")]
    if with_pinyin:
        literals.append(Literal(pinyin(simplified), lang=PINYIN_LANG))
    return tuple(literals)
