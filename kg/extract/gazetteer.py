"""China's administrative divisions: names, short forms, GB/T 2260 codes and the tree.

The data (``kg/data/gazetteer/``) is derived from jionlp's ``china_location`` by
``tools/make_gazetteer.py``; see the NOTICE there.  Provinces, prefectures, counties and
townships (about 45 000 rows) load on the first lookup; villages (about 650 000 names) load only
when a village is asked for, and then only those of the townships asked for are split into
names.  The parsed tables are kept between runs by :func:`kg.cache.cached`.  Every entry is one
:class:`~kg.extract.facts.Division` object, made once and cached, with its parent chain filled in,
so identity and equality are cheap.

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
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kg.cache import cached
from kg.extract.facts import Division, Level
from kg.resources import data_path, read_lines

__all__ = [
    "LEVEL_ORDER",
    "by_code",
    "children",
    "closest",
    "is_name",
    "lookup",
    "max_name_length",
    "name_lengths_at",
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
    # Only a name ending in an autonomous suffix can match (most villages do not: no need to
    # compile the pattern for them).
    autonomous = name.rstrip("\n").endswith(tuple(_AUTONOMY_SUFFIX))
    match = _autonomy_pattern().match(name) if autonomous else None
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
    ends: array[int]
    """Row -> the row after its last descendant: the rows are in tree order (pre-order), so a
    division's subtree is ``range(row, ends[row])``."""
    lengths: dict[str, tuple[int, ...]]
    """The first two characters of every name (not codes) -> the lengths of the names that
    start with them, longest first: the scanner's shortcut past positions where no name starts."""
    longest: int
    """The length of the longest name."""
    divisions: list[Division | None] = field(default_factory=list)
    """Made on demand, per process: never pickled."""

    def __getstate__(self) -> tuple[object, ...]:
        # Three long strings unpickle and split faster than 190 000 short ones.
        rows, keys, values = (
            "\n".join(self.rows),
            "\n".join(self.index),
            "\n".join(self.index.values()),
        )
        return rows, keys, values, self.ends, self.lengths, self.longest

    def __setstate__(
        self, state: tuple[str, str, str, array[int], dict[str, tuple[int, ...]], int]
    ) -> None:
        rows, keys, values, self.ends, self.lengths, self.longest = state
        self.rows = rows.split("\n")
        self.index = dict(zip(keys.split("\n"), values.split("\n"), strict=True))
        self.divisions = [None] * len(self.rows)


def _data_lines(name: str) -> list[str]:
    text = data_path(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


TOWNSHIP_OFFICE = "地区"
"""The suffix of a township-level 地区办事处 (Beijing's), which shares its body with a 乡 or 镇."""


def _build_table() -> _Table:
    rows = _data_lines(DIVISIONS_FILE)
    lines = _data_lines(NAMES_FILE)
    fields = "\t".join(lines).split("\t")  # name, rows, name, rows …
    if len(fields) != 2 * len(lines):
        raise ValueError(f"{NAMES_FILE}: a line without exactly one tab")
    index = dict(zip(fields[0::2], fields[1::2], strict=True))
    ends = array("q", [0]) * len(rows)
    ancestors: list[int] = []
    for row, line in enumerate(rows):
        level, name, _short, _code, parent, _former = line.split("\t", 5)
        if level == "T" and name.endswith(TOWNSHIP_OFFICE) and len(name) > 3:
            # Beijing's 地区办事处 is its township's government under a second name (周口店地区
            # is 周口店镇): the text names it by either
            for suffix in ("镇", "乡"):
                index.setdefault(name[: -len(TOWNSHIP_OFFICE)] + suffix, str(row))
        parent_row = int(parent) if parent else -1
        while ancestors and ancestors[-1] != parent_row:
            ends[ancestors.pop()] = row
        if parent_row >= 0 and not ancestors:
            raise ValueError(f"{DIVISIONS_FILE}: row {row} does not follow its parent's subtree")
        ancestors.append(row)
    for row in ancestors:
        ends[row] = len(rows)
    by_start: dict[str, set[int]] = {}
    for key in index:
        if len(key) >= 2 and not key.startswith("="):
            by_start.setdefault(key[:2], set()).add(len(key))
    shared: dict[tuple[int, ...], tuple[int, ...]] = {}  # one tuple per distinct value
    lengths = {}
    for start, found in by_start.items():
        ordered = tuple(sorted(found, reverse=True))
        lengths[start] = shared.setdefault(ordered, ordered)
    longest = max(found[0] for found in lengths.values())
    return _Table(rows, index, ends, lengths, longest, [None] * len(rows))


@cache
def _table() -> _Table:
    sources = [data_path(DIVISIONS_FILE), data_path(NAMES_FILE)]
    return cached("gazetteer-table", sources, _build_table)


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
        above = _division(int(parent)) if parent else None
        division = Division(
            name=_without_parent(name, above) if level == "T" else name,
            level=_LEVEL_CODES[level],
            code=code or None,
            short=tuple(short.split(",")) if short else (),
            parent=above,
        )
        table.divisions[row] = division
    return division


_OWN_TOWNSHIP_SUFFIXES = ("街道", "镇", "乡")


def _without_parent(name: str, parent: Division | None) -> str:
    """A township's name without its county's name before it, as the source gives a few
    (孝南区新华街道, 迁西县栗乡街道 -> 新华街道, 栗乡街道): the text names them so only after the
    county; zones keep it (东丽区经济技术开发区 is the zone's whole name)."""
    if parent is None or not name.startswith(parent.name):
        return name
    rest = name[len(parent.name) :]
    return rest if len(rest) >= 3 and rest.endswith(_OWN_TOWNSHIP_SUFFIXES) else name


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


def max_name_length() -> int:
    """The length of the longest name that :func:`is_name` knows."""
    return _table().longest


def name_lengths_at(text: str, start: int) -> list[int]:
    """The lengths, longest first, of the names of two characters or more that
    :func:`is_name` knows at ``text[start:]``: the same as trying every length down from
    :func:`max_name_length`, in one dictionary lookup where no name starts.

    >>> text = "云南省丽江市永胜县"
    >>> name_lengths_at(text, 3), name_lengths_at(text, 4), name_lengths_at(text, 5)
    ([3, 2], [2], [])
    """
    table = _table()
    found = table.lengths.get(text[start : start + 2])
    if not found:
        return []
    room = len(text) - start
    index = table.index
    return [n for n in found if n <= room and text[start : start + n] in index]


def lookup(name: str) -> list[Division]:
    """All divisions from province to township whose full name, short form or former name is
    ``name`` (simplified), highest level first."""
    if name.startswith("="):
        return []
    return list(_looked_up(name))


@lru_cache(maxsize=16384)
def _looked_up(name: str) -> tuple[Division, ...]:
    """:func:`lookup`, once per name: the same names recur in every document, and each was
    found, made unique and sorted again at every mention (the divisions are the table's own
    objects, so the cached ones are the same)."""
    return tuple(sorted(_unique(_division(row) for row in _rows(name)), key=_sort_key))


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


def _child_rows(row: int | None) -> list[int]:
    """The rows directly under ``row`` (the provinces for ``None``), in row order."""
    table = _table()
    at, end = (0, len(table.rows)) if row is None else (row + 1, table.ends[row])
    out = []
    while at < end:
        out.append(at)
        at = table.ends[at]
    return out


def children(division: Division | None) -> list[Division]:
    """The divisions directly under ``division`` (provinces for ``None``), villages excluded."""
    if division is None:
        rows = _child_rows(None)
    else:
        row = _row_of(division)
        rows = [] if row is None else _child_rows(row)
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
    text: bytes
    """``villages.tsv.gz`` decompressed: per township row, its villages' names joined by ``|``
    (UTF-8), decoded and split only for the townships asked for."""
    starts: array[int]
    """Township row -> where its names start in ``text`` (0 with ``ends`` 0: none)."""
    ends: array[int]
    """Township row -> where its names end."""

    def names(self, row: int) -> list[str]:
        if row >= len(self.starts) or self.starts[row] == self.ends[row]:
            return []
        return self.text[self.starts[row] : self.ends[row]].decode("utf-8").split("|")

    def rows(self) -> list[int]:
        """The townships that have villages, in row order."""
        return [row for row in range(len(self.starts)) if self.starts[row] != self.ends[row]]


def _build_villages() -> _Villages:
    text = gzip.decompress(data_path(VILLAGES_FILE).read_bytes())
    spans: dict[int, tuple[int, int]] = {}
    at = 0
    for line in text.split(b"\n"):
        if line and not line.startswith(b"#"):
            number, tab, _ = line.partition(b"\t")
            spans[int(number)] = (at + len(number) + len(tab), at + len(line))
        at += len(line) + 1
    size = max(spans, default=-1) + 1
    starts, ends = array("q", [0]) * size, array("q", [0]) * size
    for row, (start, end) in spans.items():
        starts[row], ends[row] = start, end
    return _Villages(text, starts, ends)


@cache
def _villages() -> _Villages:
    return cached("gazetteer-villages", [data_path(VILLAGES_FILE)], _build_villages)


_VILLAGE_DIVISIONS: dict[tuple[int, str], Division] = {}
"""(township row, name) -> the village's one Division object in this process."""


def _village(row: int, name: str) -> Division:
    division = _VILLAGE_DIVISIONS.get((row, name))
    if division is None:
        division = Division(
            name=name,
            level=Level.VILLAGE,
            short=short_forms(name, Level.VILLAGE),
            parent=_division(row),
        )
        _VILLAGE_DIVISIONS[(row, name)] = division
    return division


def villages(division: Division, named_in: str | None = None) -> list[Division]:
    """Villages and communities (村, 社区) inside a township, or inside every township of a
    county, prefecture or province; with ``named_in``, only those whose full name that text
    holds (a county has hundreds of villages, a document names a few: only those are built)."""
    row = _row_of(division)
    if row is None:
        return []
    table = _table()
    out: list[Division] = []
    for township in range(row, table.ends[row]):
        if table.rows[township].startswith("T"):
            names = _township_villages(township)
            if named_in is not None:
                names = _named_in(named_in, township)
            out.extend(_village(township, name) for name in names)
    return out


@lru_cache(maxsize=2048)
def _township_villages(row: int) -> tuple[str, ...]:
    """A township's village names, decoded once: a document asks for a county's and then for
    its townships', and the documents of a corpus for the same counties."""
    return tuple(_villages().names(row))


def _named_in(text: str, row: int) -> tuple[str, ...]:
    """The names of :func:`_township_villages` that ``text`` holds, once per text and township:
    a county's villages and then each of its townships' are asked for, and each name is
    searched for in the whole text."""
    named = _named_by_township(text)
    found = named.get(row)
    if found is None:
        found = named[row] = tuple(name for name in _township_villages(row) if name in text)
    return found


@lru_cache(maxsize=2)
def _named_by_township(text: str) -> dict[int, tuple[str, ...]]:
    """:func:`_named_in`'s answers for one text (the document being read), filled as asked."""
    return {}


@cache
def _village_index() -> dict[str, list[tuple[int, str]]]:
    index: dict[str, list[tuple[int, str]]] = {}
    store = _villages()
    for row in store.rows():
        for name in store.names(row):
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
    from kg.text.script import convert_script

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

    from kg.text.script import convert_script

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
