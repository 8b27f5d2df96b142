"""Word lists matched against a text at a position, trying only the lengths that can match.

Titles, units, qualifiers and the words that are not place names are each a set of words found
by maximal munch: "the longest word of the list written at (or ending at) this offset".  Trying
every length at every character is most of the cost when the list is long; a :class:`Lexicon`
keeps, for the first (and last) ``key`` characters of its words, the lengths that occur, so most
positions cost one dictionary lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from kg.resources import read_table, read_words


def _lengths_by(words: Iterable[str], part: slice) -> dict[str, tuple[int, ...]]:
    found: dict[str, set[int]] = {}
    for word in words:
        found.setdefault(word[part], set()).add(len(word))
    return {edge: tuple(sorted(lengths, reverse=True)) for edge, lengths in found.items()}


class Lexicon:
    """A set of words of at least ``key`` characters, indexed by their first and last ``key``
    characters."""

    def __init__(self, words: Iterable[str], key: int = 1) -> None:
        self.words = frozenset(word for word in words if len(word) >= key)
        self.key = key
        self._starting = _lengths_by(self.words, slice(None, key))
        self._ending = _lengths_by(self.words, slice(-key, None))

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def at(self, text: str, start: int) -> Iterator[str]:
        """The words written at ``text[start:]``, longest first."""
        room = len(text) - start
        for length in self._starting.get(text[start : start + self.key], ()):
            if length <= room and text[start : start + length] in self.words:
                yield text[start : start + length]

    def longest_at(self, text: str, start: int) -> str | None:
        """The longest word written at ``text[start:]`` (:meth:`at`'s first, without making a
        generator: this is asked at thousands of offsets of every document)."""
        room = len(text) - start
        for length in self._starting.get(text[start : start + self.key], ()):
            if length <= room and text[start : start + length] in self.words:
                return text[start : start + length]
        return None

    def longest_ending_at(self, text: str, end: int) -> str | None:
        """The longest word written just before ``end``."""
        for length in self._ending.get(text[max(end - self.key, 0) : end], ()):
            if length <= end and text[end - length : end] in self.words:
                return text[end - length : end]
        return None


@cache
def cue_words(role: str) -> tuple[str, ...]:
    """Words of ``kg/data/cues.tsv`` with ``role``, longest first: the cue words of the genre
    (completed aspect, plans, help verbs …) that several extractors read."""
    words = [row[1] for row in read_table("cues.tsv") if row[0] == role]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def titles() -> dict[str, str | None]:
    """Titles of posts (``kg/data/titles.txt``) -> the abbreviation of the organisation the
    title implies (村 for 第一书记), or None: read by people for posts and by quantities for
    counts of post holders."""
    return {row[0]: row[1] if len(row) > 1 and row[1] else None for row in read_table("titles.txt")}


@cache
def title_words() -> Lexicon:
    """:func:`titles` as a :class:`Lexicon`, for finding them in text."""
    return Lexicon(titles())


@cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(compound surnames, single-character surnames) of ``kg/data/people_surnames.txt``: read
    by people for names and by measurements for counts that name as many people."""
    words = set(read_words("people_surnames.txt"))
    return frozenset(w for w in words if len(w) > 1), frozenset(w for w in words if len(w) == 1)
