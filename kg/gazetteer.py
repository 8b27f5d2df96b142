"""China's administrative divisions: names, short forms, GB/T 2260 codes and the tree.

The data (``kg/data/gazetteer/``) is derived from jionlp's ``china_location`` by
``tools/make_gazetteer.py``; see the NOTICE there.  Provinces, prefectures, counties and
townships (about 45 000 rows) load on the first lookup; villages (about 650 000 names) load only
when a village is asked for.  Every entry is one :class:`~kg.facts.Division` object, made once
and cached, with its parent chain filled in, so identity and equality are cheap.

Names are simplified Chinese; :func:`search` also takes traditional characters and codes.

>>> [d.code for d in lookup("永胜县")]
['530722']
>>> by_code("530721").name
'玉龙纳西族自治县'
>>> [d.name for d in search("玉龍縣")]
['玉龙纳西族自治县']
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from kg.facts import Division, Level
from kg.resources import data_path, read_lines

__all__ = [
    "LEVEL_ORDER",
    "by_code",
    "children",
    "closest",
    "is_name",
    "lookup",
    "max_name_length",
    "resolve",
    "search",
    "short_forms",
    "villages",
]

DIVISIONS_FILE = "gazetteer/divisions.tsv"
NAMES_FILE = "gazetteer/names.tsv"
VILLAGES_FILE = "gazetteer/villages.tsv.gz"
ETHNIC_GROUPS_FILE = "gazetteer/ethnic_groups.txt"

LEVEL_ORDER: dict[Level, int] = {level: i for i, level in enumerate(Level)}
"""Province 0 … Village 4: smaller is higher."""

_LEVEL_CODES = {
    "P": Level.PROVINCE,
    "R": Level.PREFECTURE,
    "C": Level.COUNTY,
    "T": Level.TOWNSHIP,
    "V": Level.VILLAGE,
}
LEVEL_LETTERS: dict[Level, str] = {level: letter for letter, level in _LEVEL_CODES.items()}

# --- short forms -------------------------------------------------------------------------------

# Suffixes stripped to make short forms, longest first within a level.  An autonomous division
# (自治州/县/旗, 民族乡) keeps the generic part of its suffix: 大理白族自治州 -> 大理州, 大理.
_PLAIN_SUFFIXES: dict[Level, tuple[str, ...]] = {
    Level.PROVINCE: ("特别行政区", "自治区", "省", "市"),
    Level.PREFECTURE: ("自治州", "地区", "盟", "市", "州"),
    Level.COUNTY: ("自治县", "自治旗", "林区", "特区", "新区", "县", "区", "旗", "市"),
    Level.TOWNSHIP: ("民族乡", "民族苏木", "街道办事处", "街道", "苏木", "乡", "镇", "地区"),
    Level.VILLAGE: ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "嘎查", "村"),
}
_AUTONOMY_SUFFIX = {
    "自治区": "",
    "自治州": "州",
    "自治县": "县",
    "自治旗": "旗",
    "民族乡": "乡",
    "民族苏木": "苏木",
    "乡": "乡",
    "镇": "镇",
    "苏木": "苏木",
}


@cache
def ethnic_groups() -> tuple[str, ...]:
    """The 56 ethnic groups' names without 族 (纳西, 彝, 蒙古 …), longest first."""
    return tuple(sorted(read_lines(ETHNIC_GROUPS_FILE), key=lambda n: (-len(n), n)))


@cache
def _autonomy_pattern() -> re.Pattern[str]:
    # 族 may be left out after names of two or more characters (巴音郭楞蒙古自治州).
    names = "|".join(
        f"{re.escape(n)}族" if len(n) == 1 else f"{re.escape(n)}族?" for n in ethnic_groups()
    )
    suffixes = "|".join(sorted(_AUTONOMY_SUFFIX, key=len, reverse=True))
    return re.compile(rf"^(?P<stem>.*?)(?P<groups>(?:{names})+|各族)(?P<suffix>{suffixes})$")


def short_forms(name: str, level: Level) -> tuple[str, ...]:
    """Usual short forms of a full name, with the generic suffix first, then bare; each of two
    characters or more and none equal to ``name``.

    >>> short_forms("玉龙纳西族自治县", Level.COUNTY)
    ('玉龙县', '玉龙')
    >>> short_forms("东山傈僳族彝族乡", Level.TOWNSHIP)
    ('东山乡', '东山')
    >>> short_forms("云南省", Level.PROVINCE)
    ('云南',)
    >>> short_forms("盘县", Level.COUNTY)
    ()
    """
    out: list[str] = []
    match = _autonomy_pattern().match(name)
    if match and not match["suffix"].startswith("自治") and not match["groups"].endswith("族"):
        match = None  # 族 may be left out only before 自治…: 东高山乡 is no 高山族 township
    if match and (match["stem"] or match["suffix"].startswith(("自治", "民族"))):
        stem = match["stem"]
        if not stem:  # 东乡族自治县: the group's name is the stem
            stem = match["groups"].split("族")[0]
        generic = _AUTONOMY_SUFFIX[match["suffix"]]
        if generic:
            out.append(stem + generic)
        out.append(stem)
    else:
        for suffix in _PLAIN_SUFFIXES[level]:
            if name.endswith(suffix) and len(name) > len(suffix):
                out.append(name[: -len(suffix)])
                break
    seen: set[str] = set()
    result = []
    for form in out:
        if len(form) >= 2 and form != name and form not in seen:
            seen.add(form)
            result.append(form)
    return tuple(result)


# --- the table ---------------------------------------------------------------------------------


@dataclass
class _Table:
    rows: list[str]
    """Data lines of ``divisions.tsv``: level, name, short forms, code, parent row, former."""
    index: dict[str, str]
    """Full names, short forms and former names -> comma-separated rows (parsed on demand);
    ``=CODE`` -> the row of a coded division."""
    divisions: list[Division | None] = field(default_factory=list)


@cache
def _table() -> _Table:
    rows = [
        line
        for line in data_path(DIVISIONS_FILE).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    index = dict(
        line.split("\t", 1)
        for line in data_path(NAMES_FILE).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    )
    return _Table(rows, index, [None] * len(rows))


def _fields(row: int) -> list[str]:
    return _table().rows[row].split("\t")


def _rows(key: str) -> list[int]:
    found = _table().index.get(key)
    return [int(row) for row in found.split(",")] if found else []


def _division(row: int) -> Division:
    table = _table()
    division = table.divisions[row]
    if division is None:
        level, name, short, code, parent, _former = _fields(row)
        division = Division(
            name=name,
            level=_LEVEL_CODES[level],
            code=code or None,
            short=tuple(short.split(",")) if short else (),
            parent=_division(int(parent)) if parent else None,
        )
        table.divisions[row] = division
    return division


def _sort_key(division: Division) -> tuple[int, str]:
    return LEVEL_ORDER[division.level], division.key


def _unique(divisions: Iterable[Division]) -> list[Division]:
    seen: set[int] = set()
    out = []
    for division in divisions:
        if id(division) not in seen:
            seen.add(id(division))
            out.append(division)
    return out


# --- lookups -----------------------------------------------------------------------------------


def is_name(name: str) -> bool:
    """Whether ``name`` (simplified) is a full name, short form or former name of a division
    at township level or above."""
    return not name.startswith("=") and name in _table().index


@cache
def max_name_length() -> int:
    """The length of the longest name that :func:`is_name` knows."""
    return max(len(key) for key in _table().index if not key.startswith("="))


def lookup(name: str) -> list[Division]:
    """All divisions from province to township whose full name, short form or former name is
    ``name`` (simplified), highest level first."""
    if name.startswith("="):
        return []
    return sorted(_unique(_division(row) for row in _rows(name)), key=_sort_key)


def by_code(code: str) -> Division | None:
    """The division with a 6-digit GB/T 2260 code."""
    rows = _rows("=" + code)
    return _division(rows[0]) if rows else None


def _row_of(division: Division) -> int | None:
    if division.code is not None:
        rows = _rows("=" + division.code)
        return rows[0] if rows else None
    for row in _rows(division.name):
        if _division(row) is division or _division(row) == division:
            return row
    return None


@cache
def _children_index() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for row, line in enumerate(_table().rows):
        parent = line.split("\t", 5)[4]
        out.setdefault(int(parent) if parent else -1, []).append(row)
    return out


def children(division: Division | None) -> list[Division]:
    """The divisions directly under ``division`` (provinces for ``None``), villages excluded."""
    if division is None:
        rows = _children_index().get(-1, [])
    else:
        row = _row_of(division)
        rows = [] if row is None else _children_index().get(row, [])
    return [_division(r) for r in rows]


def resolve(name: str, context: Division | None = None) -> Division | None:
    """The division ``name`` most likely denotes, near ``context``.

    Preference: a candidate inside ``context`` (the highest such, when unique at its level), then
    one containing it (云南 near 丽江市), then the nationally unique candidate or the only one
    at the highest level among the candidates (海南 -> 海南省 rather than 海南藏族自治州).
    """
    candidates = lookup(name)
    if not candidates:
        return None
    if context is not None:
        inside = [c for c in candidates if context.contains(c)]
        if inside:
            return _highest_unique(inside)
        around = [c for c in candidates if c.contains(context)]
        if around:
            return around[0]
    return _highest_unique(candidates)


def _highest_unique(candidates: list[Division]) -> Division | None:
    top = min(LEVEL_ORDER[c.level] for c in candidates)
    highest = [c for c in candidates if LEVEL_ORDER[c.level] == top]
    return highest[0] if len(highest) == 1 else None


# --- villages ----------------------------------------------------------------------------------


@dataclass
class _Villages:
    by_township: dict[int, str]
    """Township row -> its villages' names joined by ``|`` (split on demand)."""
    cache: dict[tuple[int, str], Division] = field(default_factory=dict)


@cache
def _villages() -> _Villages:
    by_township: dict[int, str] = {}
    with gzip.open(data_path(VILLAGES_FILE), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            row, _, names = line.rstrip("\n").partition("\t")
            by_township[int(row)] = names
    return _Villages(by_township)


def _village(row: int, name: str) -> Division:
    store = _villages()
    division = store.cache.get((row, name))
    if division is None:
        division = Division(
            name=name,
            level=Level.VILLAGE,
            short=short_forms(name, Level.VILLAGE),
            parent=_division(row),
        )
        store.cache[(row, name)] = division
    return division


def villages(division: Division) -> list[Division]:
    """Villages and communities (村, 社区) inside a township, or inside every township of a
    county, prefecture or province."""
    row = _row_of(division)
    if row is None:
        return []
    store = _villages()
    out: list[Division] = []
    stack = [row]
    kids = _children_index()
    townships: list[int] = []
    while stack:
        current = stack.pop()
        if _table().rows[current].startswith("T"):
            townships.append(current)
        else:
            stack.extend(kids.get(current, []))
    for township in sorted(townships):
        names = store.by_township.get(township)
        if names:
            out.extend(_village(township, name) for name in names.split("|"))
    return out


@cache
def _village_index() -> dict[str, list[tuple[int, str]]]:
    index: dict[str, list[tuple[int, str]]] = {}
    for row, names in _villages().by_township.items():
        for name in names.split("|"):
            index.setdefault(name, []).append((row, name))
            for alias in short_forms(name, Level.VILLAGE):
                index.setdefault(alias, []).append((row, name))
    return index


def lookup_village(name: str) -> list[Division]:
    """All villages named ``name`` (full, or without 村/社区) anywhere; loads the whole village
    index (slow: for queries, not for extraction)."""
    return sorted(
        (_village(row, full) for row, full in _village_index().get(name, [])), key=_sort_key
    )


# --- user queries ------------------------------------------------------------------------------

_CODE = re.compile(r"^\d{6}$")


def search(name: str) -> list[Division]:
    """The divisions a user's NAME denotes: a 6-digit code, or a full, short or former name in
    simplified or traditional characters (永勝縣, 永胜, 玉龍縣); villages when nothing above
    matches.  Highest level first; empty when unknown (see :func:`closest`)."""
    from kg.normalise import convert_script

    query = "".join(name.split())
    if _CODE.match(query):
        found = by_code(query)
        return [found] if found else []
    simplified = convert_script(query)
    out = lookup(simplified) or lookup(query)
    if not out:
        out = lookup_village(simplified)
    return out


def closest(name: str, n: int = 5) -> list[str]:
    """Known names (full names and short forms) most like an unknown ``name``, best first:
    by characters, then by sound (永生县 -> 永胜县)."""
    from difflib import SequenceMatcher

    from pypinyin import lazy_pinyin

    from kg.normalise import convert_script

    query = convert_script("".join(name.split()))
    if not query:
        return []
    chars = set(query)
    scored: list[tuple[float, str]] = []
    for known in _table().index:
        if known.startswith("=") or abs(len(known) - len(query)) > 3:
            continue
        if not chars.intersection(known):
            continue
        scored.append((-SequenceMatcher(None, query, known).ratio(), known))
    scored.sort()
    sound = " ".join(lazy_pinyin(query))
    rescored = sorted(
        (
            score - SequenceMatcher(None, sound, " ".join(lazy_pinyin(known))).ratio(),
            known,
        )
        for score, known in scored[:300]
    )
    return [known for _, known in rescored[:n]]
