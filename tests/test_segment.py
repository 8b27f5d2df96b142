"""Sentences and words: jieba's words line up with the text, ranges on word boundaries reuse the
document's cut, and a word that does not line up fails loudly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg.text import segment
from kg.text.document import Document
from kg.text.segment import Token, split_sentences, tokenize


def test_sentences_end_after_their_punctuation_and_at_line_breaks() -> None:
    text = " 脱贫攻坚。乡村振兴！“好吗？”\n\n新的一段；完"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "脱贫攻坚。",
        "乡村振兴！",
        "“好吗？”",
        "新的一段；",
        "完",
    ]
    assert split_sentences("  \n ") == []


def test_words_cover_the_text_with_the_taggers_words_and_tags(sample_doc: Document) -> None:
    text = sample_doc.text
    tokens = tokenize(text)
    assert tokens[0].start == 0 and tokens[-1].end == len(text)
    for before, after in zip(tokens, tokens[1:], strict=False):
        assert before.end == after.start
    assert all(text[t.start : t.end] == t.word for t in tokens)
    assert [(t.word, t.pos) for t in tokens] == segment.tokenizer().lcut(text)


def test_user_dictionary_words_are_one_word() -> None:
    text = "永胜县脱贫攻坚取得决定性胜利，建档立卡贫困户全部脱贫。"
    words = {t.word: t.pos for t in tokenize(text)}
    assert words["脱贫攻坚"] == "n"
    assert words["建档立卡"] == "v"


def test_a_range_on_word_boundaries_reuses_the_whole_cut(sample_doc: Document) -> None:
    text = sample_doc.text
    tokens = tokenize(text)
    (a, b) = split_sentences(text)[1]
    inside = [t for t in tokens if a <= t.start and t.end <= b]
    assert tokenize(text, a, b) == inside


def test_a_range_inside_a_word_is_cut_on_its_own() -> None:
    text = "乡村振兴战略"
    got = tokenize(text, 1, 5)
    assert "".join(t.word for t in got) == text[1:5]
    assert got[0].start == 1 and got[-1].end == 5
    assert tokenize(text, 3, 3) == []


def test_the_tagger_is_loaded_once() -> None:
    segment.tokenizer()
    misses = segment.tokenizer.cache_info().misses
    segment.tokenizer()
    assert segment.tokenizer.cache_info().misses == misses


class _Shifted:
    """A tagger whose second word is not the text's."""

    def cut(self, sentence: str) -> Iterator[tuple[str, str]]:
        yield sentence[0], "x"
        yield "错" + sentence[2:], "x"


def test_a_word_that_does_not_line_up_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "tokenizer", lambda: _Shifted())
    _clear_cuts()
    try:
        with pytest.raises(AssertionError, match="does not line up"):
            tokenize("脱贫攻坚成果")
    finally:
        _clear_cuts()


def _clear_cuts() -> None:
    segment._document_cuts.cache_clear()
    segment._short_cuts.cache_clear()


def test_short_texts_cut_meanwhile_leave_the_document_cut_once(
    sample_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = sample_doc.text
    tokenize(text)
    cut = segment._cut
    cuts: list[str] = []

    def counted(whole: str, start: int, end: int) -> list[Token]:
        cuts.append(whole[start:end])
        return cut(whole, start, end)

    monkeypatch.setattr(segment, "_cut", counted)
    for word in ("乡村振兴", "脱贫", "攻坚", "建档立卡", "易地搬迁", "产业"):
        tokenize(word)
    assert tokenize(text) == tokenize(text)
    assert text not in cuts


def test_tokens_are_values() -> None:
    assert Token(0, 2, "脱贫", "v") == Token(0, 2, "脱贫", "v")
