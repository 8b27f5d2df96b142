"""Tone-marked pinyin, as pypinyin's ``lazy_pinyin(text, style=Style.TONE)`` gives it, without
importing pypinyin.

Importing pypinyin parses its 2.5 MB phrase dictionary from JSON and copies it, a quarter of a
second of every cold start, for the few labels a document needs.  Its default algorithm for that
call is small, and is followed here step for step (pypinyin's ``core.py``, ``converter.py``,
``seg/simpleseg.py``, ``seg/mmseg.py``):

1. the text is cut into runs of Han characters (pypinyin's ``RE_HANS``) and runs of others; a
   run of others is one item, kept as it is;
2. a Han run is cut by forward maximum matching against the phrase dictionary: at each position
   the longest phrase that starts there, else one character;
3. a phrase reads as the dictionary gives it (the first reading listed for each of its
   characters), a character as the first reading in ``pinyin_dict``, and a character with no
   reading as itself.

The data are pypinyin's own JSON files, found through the import system without running the
package, turned into a compact table and kept between runs by :func:`kg.cache.cached`: the
characters' readings as an array indexed by code point, the phrases in one block of text per
first character, split into a dictionary only when a text needs that block.

Parity with pypinyin (0.55) is tested on every division name of the gazetteer, the people and
programmes of the test articles and generated text.  It holds for pypinyin as installed, not
for a process that changes pypinyin's dictionaries (``load_phrases_dict``) or sets
``PYPINYIN_NO_PHRASES``; and ``RE_HANS`` below is a copy, to be checked when pypinyin changes it.
"""

from __future__ import annotations

import json
import re
import sys
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.cache import cached
from kg.errors import KgError
from kg.resources import package_dir

# pypinyin 0.55's ``constants.RE_HANS`` (the branch for builds with UCS-4 strings, every
# Python 3): the characters it treats as Han, whether or not it has a reading for them.
_HAN = (
    "\u3007"
    "\ue815-\ue864"
    "\ufa18"
    "\u3400-\u4dbf"
    "\u4e00-\u9fff"
    "\uf900-\ufaff"
    "\U00020000-\U0002a6df"
    "\U0002a703-\U0002b73f"
    "\U0002b740-\U0002b81d"
    "\U0002b825-\U0002bf6e"
    "\U0002c029-\U0002ce93"
    "\U0002d016"
    "\U0002d11b-\U0002ebd9"
    "\U0002f80a-\U0002fa1f"
    "\U00030000-\U0003134a"
    "\U000300f7-\U00031288"
    "\U00030edd"
    "\U00030ede"
    "\U00031350-\U00032389"
)
_RUNS = re.compile(f"([{_HAN}]+)|[^{_HAN}]+")


@dataclass(frozen=True)
class _Table:
    readings: tuple[str, ...]
    """The distinct first readings of characters; ``readings[0]`` is unused."""
    index: array[int]
    """Code point -> position in ``readings`` of its first reading, 0 for none."""
    blocks: dict[str, str]
    """First character -> the phrases it starts, one per line, each with its readings."""


# Separators of the phrase blocks: ASCII's unit and record separators, in no reading.
_WORDS = "\x1f"
_LINES = "\x1e"


def _sources() -> list[Path]:
    folder = package_dir("pypinyin")
    return [folder / "pinyin_dict.json", folder / "phrases_dict.json"]


def _build() -> _Table:
    chars_path, phrases_path = _sources()
    chars: dict[str, str] = json.loads(chars_path.read_text(encoding="utf-8"))
    phrases: dict[str, list[list[str]]] = json.loads(phrases_path.read_text(encoding="utf-8"))
    first = {int(code): listed.split(",")[0] for code, listed in chars.items()}
    readings = ("", *sorted(set(first.values())))
    position = {reading: n for n, reading in enumerate(readings)}
    index = array("H", [0]) * (max(first, default=0) + 1)
    for code, reading in first.items():
        index[code] = position[reading]
    lines: dict[str, list[str]] = {}
    for phrase, listed in phrases.items():
        if not phrase:
            continue
        line = phrase + _WORDS + _WORDS.join(each[0] if each else "" for each in listed)
        if _LINES in line or line.count(_WORDS) != len(listed):
            raise KgError(f"pypinyin's phrase {phrase!r} reads {listed!r}: cannot be stored")
        lines.setdefault(phrase[0], []).append(line)
    blocks = {start: _LINES.join(group) for start, group in lines.items()}
    return _Table(readings, index, blocks)


@cache
def _table() -> _Table:
    return cached("pinyin-table", _sources(), _build)


@cache
def _phrases(start: str) -> tuple[dict[str, tuple[str, ...]], int]:
    """The phrases that begin with ``start`` (with their readings), and the longest's length."""
    block = _table().blocks.get(start)
    if block is None:
        return {}, 0
    out = {}
    for line in block.split(_LINES):
        phrase, *words = line.split(_WORDS)
        out[phrase] = tuple(map(sys.intern, words))
    return out, max(map(len, out))


def _char(table: _Table, char: str) -> str:
    code = ord(char)
    found = table.index[code] if code < len(table.index) else 0
    return table.readings[found] if found else char


def _han_run(run: str, out: list[str]) -> None:
    table = _table()
    at, end = 0, len(run)
    while at < end:
        phrases, longest = _phrases(run[at])
        for size in range(min(longest, end - at), 0, -1):
            words = phrases.get(run[at : at + size])
            if words is not None:
                out.extend(words)
                at += size
                break
        else:
            out.append(_char(table, run[at]))
            at += 1


def lazy_pinyin(text: str) -> list[str]:
    """``pypinyin.lazy_pinyin(text, style=Style.TONE)``: one reading per Han character, other
    runs of text as they are.

    >>> lazy_pinyin("农村人居环境整治，2020年")
    ['nóng', 'cūn', 'rén', 'jū', 'huán', 'jìng', 'zhěng', 'zhì', '，2020', 'nián']
    """
    out: list[str] = []
    for match in _RUNS.finditer(text):
        if match.group(1) is None:
            out.append(match.group())
        else:
            _han_run(match.group(), out)
    return out
