"""Page boilerplate: legal notices, hotlines, counters and sharing prompts are not facts.

Boilerplate is the clause around a cue from ``kg/data/boilerplate.txt``, not the whole line: an
article whose line breaks were lost is one line, and dropping that line would drop every fact.
A clause ends at a sentence end, a comma, a line break or a space; the separators and spaces
right after the cue belong to it (``新闻热线： 0888-5122344`` is one span), and so does the
sentence end that closes it.
"""

from __future__ import annotations

import re
from functools import cache

from kg.resources import read_lines
from kg.text.document import Document

_SENTENCE_END = "。！？!?；;"
_CLAUSE_END = _SENTENCE_END + "，,\n"
_LEFT_REACH = 12
"""How far before a cue its clause may start (a notice's owner: 本网站, 24小时网站)."""
_AFTER_CUE = re.compile(r"[\s:：/／|｜]*")
_CLAUSE_REST = re.compile(rf"[^\s{_CLAUSE_END}]*[{_SENTENCE_END}]?")


def boilerplate_spans(doc: Document) -> list[tuple[int, int]]:
    """``(start, end)`` of the boilerplate clauses of ``doc.text``, in order, merged where they
    touch or overlap.  Linear in the text: no character is scanned twice, however many cues
    one long line holds."""
    text = doc.text
    pattern = _cue_pattern()
    spans: list[tuple[int, int]] = []
    position = 0
    while (cue := pattern.search(text, position)) is not None:
        floor = spans[-1][1] if spans else 0
        start = _clause_start(text, cue.start(), floor)
        after = _AFTER_CUE.match(text, cue.end())
        rest = _CLAUSE_REST.match(text, after.end() if after else cue.end())
        end = rest.end() if rest else cue.end()
        if spans and start <= floor:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        position = max(end, cue.start() + 1)
    return spans


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(read_lines("boilerplate.txt"), key=len, reverse=True)
    return re.compile("|".join(re.escape(cue) for cue in cues))


def _clause_start(text: str, position: int, floor: int) -> int:
    """Where the clause holding the cue at ``position`` starts: after the last clause end or
    space if one is near (``24小时网站违法和不良信息…``, ``【法律声明】``), else at the cue, so
    that a byline run into a hotline on a line without breaks keeps its names.  Never before
    ``floor`` (the end of the span before, which the clause then joins)."""
    start = position
    reach = max(floor, position - _LEFT_REACH)
    while start > reach and not (text[start - 1] in _CLAUSE_END or text[start - 1].isspace()):
        start -= 1
    if start > floor and not (text[start - 1] in _CLAUSE_END or text[start - 1].isspace()):
        return position  # no clause end within reach
    return start


def boilerplate_share(doc: Document, spans: list[tuple[int, int]]) -> float:
    """The share of the text's non-space characters that lie in ``spans``."""
    total = sum(1 for char in doc.text if not char.isspace())
    inside = sum(1 for start, end in spans for char in doc.text[start:end] if not char.isspace())
    return inside / total if total else 0.0


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
