"""Page boilerplate: legal notices, hotlines, counters and sharing prompts are not facts.

A line is boilerplate when it contains a cue from ``kg/data/boilerplate.txt``.
"""

from __future__ import annotations

import re

from kg.resources import read_lines
from kg.text.document import Document


def boilerplate_spans(doc: Document) -> list[tuple[int, int]]:
    """``(start, end)`` of the boilerplate lines of ``doc.text``."""
    cues = read_lines("boilerplate.txt")
    spans = []
    for line in re.finditer(r"[^\n]+", doc.text):
        if any(cue in line.group() for cue in cues):
            spans.append(line.span())
    return spans


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
