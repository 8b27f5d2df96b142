"""Pinyin readings: the toned syllables GBK characters read as, and whether a word is one.

Both the pinyin stripper (:mod:`kg.text.normalise`) and the mojibake repairer
(:mod:`kg.text.mojibake`), which uses readings as hints for lost bytes, ask these questions.
"""

from __future__ import annotations

from functools import cache

from kg.resources import DATA_DIR


@cache
def _reading_table() -> dict[str, tuple[str, str]]:
    """Toned pinyin reading -> the GBK characters whose first reading it is, and those that
    have it as another reading (``mojibake_readings.txt``)."""
    table: dict[str, tuple[str, str]] = {}
    with open(DATA_DIR / "mojibake_readings.txt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            reading, first, *other = line.split()
            table[reading] = (first.strip("-"), "".join(other))
    return table


@cache
def _readings() -> dict[str, str]:
    """Toned pinyin reading -> every GBK character that has it."""
    return {reading: first + other for reading, (first, other) in _reading_table().items()}


def pinyin_readings() -> frozenset[str]:
    """Every toned pinyin syllable that a GBK character reads as."""
    return frozenset(_readings())


TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
"""The vowels with tone marks that pinyin writes."""
LETTERS = "[a-zü" + TONED + "]{1,6}"
"""A pattern for one syllable's letters."""


@cache
def _syllables() -> tuple[frozenset[str], frozenset[str]]:
    """Toned pinyin syllables, and the same without tone marks."""
    toned = pinyin_readings()
    return toned, frozenset(_untone(s) for s in toned)


def _untone(syllable: str) -> str:
    import unicodedata

    bare = unicodedata.normalize("NFD", syllable.replace("ü", "v"))
    return "".join(ch for ch in bare if not unicodedata.combining(ch)).replace("v", "ü")


def is_pinyin(reading: str, toneless: bool = True) -> bool:
    """Each word is a pinyin syllable: a toned one, or (with ``toneless``) a bare one."""
    toned, bare = _syllables()
    for word in reading.replace("v", "ü").split(" "):
        if any(ch in TONED for ch in word):
            if word not in toned:
                return False
        elif not (toneless and word in bare):
            return False
    return True
