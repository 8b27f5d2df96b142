"""Sentences and words of the normalised text.

Words and their parts of speech are jieba's (ported to :mod:`kg.text.tagger`, which loads once per
process, with the project's user dictionary, from cached tables); they are checked
against the text they claim to cover (as spaCy's Chinese tokenizer does), so a misalignment
fails loudly instead of shifting every offset after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.text.tagger import Tagger

_SENTENCE_END = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n+|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``: split after 。！？；(and ASCII ones) and at line breaks;
    leading and trailing spaces are not part of a sentence, empty sentences are dropped."""
    spans = []
    for match in _SENTENCE_END.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str
    pos: str


@cache
def tokenizer() -> Tagger:
    """The process's part-of-speech tagger: jieba's, with the user dictionary
    (:mod:`kg.text.tagger`)."""
    from kg.text.tagger import load

    return load()


def _cut(text: str, start: int, end: int) -> list[Token]:
    tokens = []
    pos = start
    for word, flag in tokenizer().cut(text[start:end]):
        if text[pos : pos + len(word)] != word:
            raise AssertionError(f"jieba word {word!r} does not line up with the text at {pos}")
        tokens.append(Token(pos, pos + len(word), word, flag))
        pos += len(word)
    if pos != end:
        raise AssertionError(f"jieba covered {start}:{pos}, not {start}:{end}")
    return tokens


_Cut = tuple[tuple[Token, ...], tuple[int, ...], tuple[int, ...]]

_SHORT = 32
"""Texts up to this long (a word, a name's stem) are cached apart from documents."""


def _cut_whole(text: str) -> _Cut:
    tokens = tuple(_cut(text, 0, len(text)))
    return tokens, tuple(t.start for t in tokens), tuple(t.end for t in tokens)


_document_cuts = lru_cache(maxsize=4)(_cut_whole)
_short_cuts = lru_cache(maxsize=4096)(_cut_whole)


def _whole(text: str) -> _Cut:
    """The text's words, cut once per document: each extractor asks for the same sentences,
    and jieba's part-of-speech tagging is the most expensive step of extraction.  Short texts
    (a character, a word's stem) have their own cache: sharing one with documents, a few of
    them evicted the document's words and the whole document was cut again (16 of 250
    documents)."""
    return _short_cuts(text) if len(text) <= _SHORT else _document_cuts(text)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Part-of-speech tagged words of ``text[start:end]``, with offsets into ``text``.

    jieba cuts runs of Han characters independently of what is around them (punctuation and
    line breaks end a run), so a range that starts and ends on word boundaries gets the same
    words as the whole text; other ranges are cut on their own.
    """
    end = len(text) if end is None else end
    if start >= end:
        return []
    tokens, starts, ends = _whole(text)
    first = bisect_left(starts, start)
    last = bisect_left(ends, end)
    if first < len(starts) and starts[first] == start and last < len(ends) and ends[last] == end:
        return list(tokens[first : last + 1])
    return _cut(text, start, end)
