"""The document model: spans over one text, mapped back to the original."""

from __future__ import annotations

import pytest

from kg.text.document import Document


def test_span_text_and_original_offsets() -> None:
    original = "脫貧攻堅(jiān)麗江答卷"
    doc = Document.from_text(original)
    assert doc.text == "脱贫攻坚丽江答卷"
    assert doc.clean == "脫貧攻堅麗江答卷"
    span = doc.span(2, 6)
    assert span.text == "攻坚丽江"
    assert span.written == "攻堅麗江"
    start, end = span.original_offsets
    # The pinyin reading inside the span belongs to its original slice.
    assert original[start:end] == "攻堅(jiān)麗江"


def test_span_outside_the_text_is_refused() -> None:
    doc = Document.from_text("丽江")
    with pytest.raises(ValueError):
        doc.span(0, 3)


def test_sentences_split_after_full_stops_and_lines() -> None:
    doc = Document.from_text("全市脱贫。群众满意！\n标题\n“好。”他说")
    assert [s.text for s in doc.sentences] == ["全市脱贫。", "群众满意！", "标题", "“好。”", "他说"]
    assert doc.sentence_of(7).text == "群众满意！"


def test_sha256_is_of_the_bytes() -> None:
    import hashlib

    raw = "丽江".encode("gb18030")
    doc = Document.from_text("丽江", raw=raw, encoding="gb18030")
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
