"""Normalise an article's text, keeping an exact map back to the original.

Each repair is a pure function ``str -> list[Edit]`` (what to replace, and why); ``normalise``
applies them in order and composes the offset maps, so every character of the normalised text
knows the span of the original it came from.  The steps:

1. repair mojibake runs (GBK bytes read one byte out of step, see :mod:`kg.text.mojibake`) where
   re-reading the bytes gives common text, else mask them with U+FFFD so that nothing is
   extracted from them;
2. strip pinyin readings pasted after characters: ``書(shū)寫(xiě)`` -> ``書寫``, while genuine
   parentheses stay: ``縣(區(qū))`` -> ``縣(區)``, ``(2018—2020)``;
3. join numbers wrapped across a line break (``6000`` at the end of a hard-wrapped line,
   ``亿元`` opening the next), so that the number keeps its unit and its sentence;
4. convert to simplified characters (OpenCC) for segmentation and lookups, keeping the length,
   so the cleaned text in the original script and the simplified text share one map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.resources import read_table
from kg.text.edits import MASK, Edit
from kg.text.readings import LETTERS, is_pinyin
from kg.text.script import convert_script, detect_script

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


@dataclass(frozen=True)
class Repair:
    """A repair as reported to users: offsets into the original text."""

    kind: str
    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True)
class Normalised:
    original: str
    clean: str
    """Pinyin stripped and mojibake repaired or masked, in the original script."""
    text: str
    """``clean`` in simplified characters; the same length as ``clean``."""
    starts: tuple[int, ...]
    """``starts[i]``: offset in ``original`` where character ``i`` of ``text`` comes from."""
    ends: tuple[int, ...]
    """``ends[i]``: end (exclusive) in ``original`` of character ``i`` of ``text``."""
    repairs: tuple[Repair, ...]
    script: str
    """``Hant`` when the input is written in traditional characters, else ``Hans``."""

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the normalised span ``[start, end)`` came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} out of bounds 0:{len(self.text)}")
        if start == end:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


# --- step 0: characters lost before us --------------------------------------------------------

UNDECODABLE = "undecodable"
"""The kind of repair marking a U+FFFD of the input: a stray byte that was not UTF-8, decoded
with replacement (:func:`kg.text.read.decode`), or a character lost before the file was
written.  Masked text yields no facts."""


def mark_undecodable(text: str) -> list[Edit]:
    """Each U+FFFD of the input, reported as a repair (it stays a mask)."""
    return [Edit(m.start(), m.end(), MASK, UNDECODABLE) for m in re.finditer(MASK, text)]


# --- step 1: mojibake --------------------------------------------------------------------------


def repair_mojibake(text: str) -> list[Edit]:
    """Runs of mojibake: repaired where the bytes re-read as common text, else masked.

    It runs before pinyin stripping: the reading tool pasted readings into the garbled runs
    too, and what is left of them (``倳?shū)記``) tells which byte a ``?`` stands for.
    """
    from kg.text.mojibake import find_mojibake

    return find_mojibake(text)


# --- step 2: pinyin readings -------------------------------------------------------------------

_READING = "(" + LETTERS + "(?: " + LETTERS + ")?)"
_PINYIN_READING = re.compile(r"(?<=[^\s\d(（])[(（]" + _READING + r"[)）]")
"""A reading in parentheses right after a character (which one is checked in code)."""
_REMNANT = re.compile(r"(?<=\?)" + _READING + r"\)")
"""What is left of a reading whose ``(`` a lost byte took along: ``?shū)``."""


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def strip_pinyin(text: str) -> list[Edit]:
    """Pinyin readings pasted after characters, genuine parentheses kept.

    After a Han character a reading may be toneless (``們(men)``); after anything else (a
    mojibake ``?``, a misread byte shown as a letter: ``谵r(nóng)``) it must carry tone marks
    to count as one.

    >>> [e.start for e in strip_pinyin("書(shū)寫(xiě)，縣(區(qū))")]
    [1, 7, 16]
    >>> strip_pinyin("(2018—2020)，App(a)")
    []
    """
    edits = []
    for m in _PINYIN_READING.finditer(text):
        before = text[m.start() - 1]
        if _is_han(before):
            if is_pinyin(m.group(1)):
                edits.append(Edit(m.start(), m.end(), "", "pinyin"))
        else:
            if is_pinyin(m.group(1), toneless=False):
                edits.append(Edit(m.start(), m.end(), "", "pinyin"))
    for m in _REMNANT.finditer(text):
        if is_pinyin(m.group(1), toneless=False):
            edits.append(Edit(m.start(), m.end(), "", "pinyin"))
    return sorted(edits, key=lambda e: e.start)


# --- step 3: numbers wrapped across lines ------------------------------------------------------

WRAPPED = "wrapped"
"""The kind of repair joining a number to the rest of it on the next line."""
_LINE_BREAK_AFTER_NUMBER = re.compile(r"(?<=[0-9０-９.．])[ \t\u3000]*\n[ \t\u3000]*(?=\S)")
_WRAPPED_LINE_MIN = 12
"""A line this long or longer, ending in a number, was wrapped mid-sentence; shorter ones are
a table's or a list's cells (1 / 地区生产总值增速 / 7), which stay lines."""
_MULTIPLIERS = "万亿千百萬億"
_NUMBER_AT_END = re.compile(r"[0-9０-９][0-9０-９.．]*$")


@cache
def _unit_words() -> tuple[str, ...]:
    """The measure words of ``kg/data/units.tsv`` (simplified), longest first."""
    words = {row[0] for row in read_table("units.tsv") if len(row) > 2 and row[2] == "measure"}
    return tuple(sorted(words, key=len, reverse=True))


def join_wrapped_numbers(text: str) -> list[Edit]:
    r"""Line breaks inside a number or between a number and its unit, where a hard-wrapped line
    of prose ends in the number: ``迈上6000\n亿元新台阶``, ``增长3.\n6%``.

    >>> [(e.start, e.end) for e in join_wrapped_numbers("全市地区生产总值迈上6000\n亿元新台阶")]
    [(14, 15)]
    >>> join_wrapped_numbers("序号 指标名称 目标\n1\n地区生产总值增速\n7\n")
    []
    """
    edits = []
    for m in _LINE_BREAK_AFTER_NUMBER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start < _WRAPPED_LINE_MIN:
            continue
        number = _NUMBER_AT_END.search(text, line_start, m.start())
        if number is None or not _is_han(text[number.start() - 1 : number.start()] or "a"):
            continue  # a number in prose follows a word (达6000), not 05:30 or 023-6152…
        rest = convert_script(text[m.end() : m.end() + 8])
        inside = text[m.start() - 1] in ".．" and rest[:1].isdigit()
        if inside or rest[:1] in _MULTIPLIERS or rest.startswith(_unit_words()):
            edits.append(Edit(m.start(), m.end(), "", WRAPPED))
    return edits


# --- step 4: script (kg.text.script) ------------------------------------------------------


# --- composing ---------------------------------------------------------------------------------


def apply_edits(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    edits: Sequence[Edit],
) -> tuple[str, list[int], list[int]]:
    """Apply non-overlapping edits, carrying each character's original span along.

    A replacement's characters all map to the original span of the text they replace.
    """
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < pos:
            continue  # overlapping edits: the first one wins
        out.append(text[pos : edit.start])
        new_starts.extend(starts[pos : edit.start])
        new_ends.extend(ends[pos : edit.start])
        if edit.replacement:
            if edit.start < len(starts):
                span_start = starts[edit.start]
            else:  # an insertion at the end
                span_start = ends[-1] if len(ends) else 0
            span_end = ends[edit.end - 1] if edit.end > edit.start else span_start
            out.append(edit.replacement)
            new_starts.extend([span_start] * len(edit.replacement))
            new_ends.extend([span_end] * len(edit.replacement))
        pos = edit.end
    out.append(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(out), new_starts, new_ends


Step = "Callable[[str], list[Edit]]"


def normalise(original: str) -> Normalised:
    """Clean, repair and simplify ``original``, with the offset map back to it."""
    text = original
    starts: list[int] = list(range(len(original)))
    ends: list[int] = list(range(1, len(original) + 1))
    repairs: list[Repair] = []
    steps: tuple[Callable[[str], list[Edit]], ...] = (
        mark_undecodable,
        repair_mojibake,
        strip_pinyin,
        join_wrapped_numbers,
    )
    for step in steps:
        edits = step(text)
        for edit in edits:
            span = (
                (starts[edit.start], ends[edit.end - 1])
                if edit.end > edit.start
                else (starts[edit.start], starts[edit.start])
            )
            repairs.append(
                Repair(edit.kind, span[0], span[1], original[span[0] : span[1]], edit.replacement)
            )
        text, starts, ends = apply_edits(text, starts, ends, edits)
    simplified = convert_script(text)
    return Normalised(
        original=original,
        clean=text,
        text=simplified,
        starts=tuple(starts),
        ends=tuple(ends),
        repairs=tuple(sorted(repairs, key=lambda r: (r.start, r.end, r.kind))),
        script=detect_script(text, simplified),
    )
