"""One article: its original text, the normalised text, the map between them, and spans.

Modelled on spaCy's ``Doc``/``Span``: a span keeps its document and its offsets into the
normalised text; its text, its original-script form and its original offsets are computed from
the document, never stored twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kg.text.edits import MASK
from kg.text.normalise import Normalised, normalise


@dataclass(frozen=True, eq=False)
class Document:
    """An article as read: ``original`` is the decoded input, exactly as read."""

    normalised: Normalised
    sha256: str
    """Hex digest of the input file's bytes."""
    name: str
    """The file's stem; output files are named after it."""
    encoding: str = "utf-8"
    file: str = ""
    """The file's name (no folder), "" for text that came from no file."""
    _sentences: list[Span] = field(default_factory=list, repr=False)

    @classmethod
    def from_text(
        cls,
        original: str,
        name: str = "document",
        raw: bytes | None = None,
        encoding: str = "utf-8",
        file: str = "",
    ) -> Document:
        data = raw if raw is not None else original.encode("utf-8")
        return cls(normalise(original), hashlib.sha256(data).hexdigest(), name, encoding, file)

    @classmethod
    def from_path(cls, path: Path) -> Document:
        from kg.text.read import read_article

        raw, text, encoding = read_article(path)
        return cls.from_text(text, name=path.stem, raw=raw, encoding=encoding, file=path.name)

    @property
    def original(self) -> str:
        return self.normalised.original

    @property
    def text(self) -> str:
        """Simplified, cleaned text: what segmentation and extraction read."""
        return self.normalised.text

    @property
    def clean(self) -> str:
        """Cleaned text in the original script: names 'as written' come from here."""
        return self.normalised.clean

    @property
    def script(self) -> str:
        return self.normalised.script

    @property
    def lang(self) -> str:
        """The BCP 47 tag of text as written in this document."""
        return f"zh-{self.script}"

    def span(self, start: int, end: int) -> Span:
        return Span(self, start, end)

    def is_masked(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` touches text that the normaliser could not repair."""
        return MASK in self.text[start:end]

    @cached_property
    def sentences(self) -> list[Span]:
        from kg.text.segment import split_sentences

        return [Span(self, s, e) for s, e in split_sentences(self.text)]

    def sentence_of(self, start: int) -> Span:
        """The sentence containing offset ``start`` (the last one for offsets past the end)."""
        from bisect import bisect_right

        sentences = self.sentences
        index = bisect_right([s.start for s in sentences], start) - 1
        return sentences[max(index, 0)]


@dataclass(frozen=True, order=True)
class Span:
    """Characters ``[start, end)`` of a document's normalised text."""

    doc: Document = field(compare=False, repr=False, hash=False)
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end <= len(self.doc.text):
            raise ValueError(f"span {self.start}:{self.end} outside 0:{len(self.doc.text)}")

    @property
    def text(self) -> str:
        """Simplified text of the span."""
        return self.doc.text[self.start : self.end]

    @property
    def written(self) -> str:
        """The span as written: original script, pinyin readings stripped."""
        return self.doc.clean[self.start : self.end]

    @property
    def original_offsets(self) -> tuple[int, int]:
        return self.doc.normalised.to_original(self.start, self.end)

    @property
    def original_text(self) -> str:
        start, end = self.original_offsets
        return self.doc.original[start:end]

    def __len__(self) -> int:
        return self.end - self.start
