"""The unit of every normalising step: an edit of a span of the step's input.

Each step (mojibake, pinyin readings) is a pure function ``str -> list[Edit]``; the normaliser
applies the edits and composes the offset maps (:mod:`kg.text.normalise`).
"""

from __future__ import annotations

from dataclasses import dataclass

MASK = "\ufffd"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (offsets into the step's input) by ``replacement``."""

    start: int
    end: int
    replacement: str
    kind: str
