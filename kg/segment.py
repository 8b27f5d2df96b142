"""Sentences and words of the normalised text.

jieba is loaded once per process, with the project's user dictionary; its words are checked
against the text they claim to cover (as spaCy's Chinese tokenizer does), so a misalignment
fails loudly instead of shifting every offset after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from kg.resources import data_path

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
def tokenizer() -> Any:
    """The process's jieba tokenizer, with the user dictionary loaded."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(str(data_path("userdict.txt")))
    # Share the word-tag table that importing jieba.posseg has just read from the same default
    # dictionary: building POSTokenizer(tok) would read the 350,000 lines a second time (half a
    # second of every cold start).  The user dictionary's tags are merged in on first use
    # (POSTokenizer.makesure_userdict_loaded).
    pos = object.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tok
    pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    return pos


def _cut(text: str, start: int, end: int) -> list[Token]:
    tokens = []
    pos = start
    for pair in tokenizer().cut(text[start:end]):
        word, flag = pair.word, pair.flag
        if text[pos : pos + len(word)] != word:
            raise AssertionError(f"jieba word {word!r} does not line up with the text at {pos}")
        tokens.append(Token(pos, pos + len(word), word, flag))
        pos += len(word)
    if pos != end:
        raise AssertionError(f"jieba covered {start}:{pos}, not {start}:{end}")
    return tokens


@lru_cache(maxsize=4)
def _whole(text: str) -> tuple[tuple[Token, ...], tuple[int, ...], tuple[int, ...]]:
    """The text's words, cut once per document: each extractor asks for the same sentences,
    and jieba's part-of-speech tagging is the most expensive step of extraction."""
    tokens = tuple(_cut(text, 0, len(text)))
    return tokens, tuple(t.start for t in tokens), tuple(t.end for t in tokens)


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
