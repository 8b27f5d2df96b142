"""Lexicon lookups find what trying every word of the list finds, at every position."""

from __future__ import annotations

import pytest

from kg.extract import quantities
from kg.extract.lexicon import Lexicon
from kg.resources import read_lines


def _tables() -> list[tuple[list[str], int]]:
    tables = [
        list(quantities.units()),
        *(list(quantities.qualifiers()[p]) for p in ("before", "inside", "after")),
        *(list(quantities.number_context(r)) for r in ("determiner", "time_after", "metadata")),
    ]
    return [(t, 1) for t in tables] + [(list(read_lines("gazetteer/not_divisions.txt")), 2)]


@pytest.mark.parametrize(("words", "key"), _tables())
def test_lookups_equal_trying_every_word(words: list[str], key: int) -> None:
    """On a text that holds the list's own words, each next to others and cut short."""
    lexicon = Lexicon(words, key)
    kept = [w for w in words if len(w) >= key]
    text = "约" + "，".join(kept) + "多万余1" + "".join(kept[::3]) + kept[0][:-1]
    for at in range(len(text) + 1):
        starting = [w for w in kept if text.startswith(w, at)]
        ending = [w for w in kept if at >= len(w) and text.startswith(w, at - len(w))]
        assert list(lexicon.at(text, at)) == sorted(starting, key=len, reverse=True)
        assert lexicon.longest_at(text, at) == max(starting, key=len, default=None)
        assert lexicon.longest_ending_at(text, at) == max(ending, key=len, default=None)


def test_words_shorter_than_the_key_are_left_out() -> None:
    lexicon = Lexicon(["县", "县委", "县委书记"], key=2)
    assert "县" not in lexicon
    assert list(lexicon.at("县委书记", 0)) == ["县委书记", "县委"]
    assert lexicon.longest_ending_at("县委书记", 4) == "县委书记"
