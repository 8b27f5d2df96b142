"""Administrative divisions named in the text, resolved against the gazetteer.

A mention is a span of ``doc.text`` (simplified) that is a division's full name (永胜县), a
suffixed short form (玉龙县, 东山乡) or a bare short form (丽江, 永胜).  Matching is greedy,
longest first, left to right, and checked against jieba's words: a mention starts at a word
boundary (or right after another mention: 永胜县东山乡), and a bare short form also ends at one
(金沙江 is one word, so 金沙 inside it is not 金沙县).  Words in ``not_divisions.txt`` (rivers,
mountains, 乡村, 城区 …) are skipped whole.

Resolution, in order:

1. right after another mention, a candidate inside it (永胜县东山乡 -> the 东山 township of
   永胜县);
2. a candidate inside the document's area: the divisions named unambiguously elsewhere in it
   (and their ancestors), weighted by how often; the nearest such area wins;
3. a name that is unique nationally (full and suffixed forms) or unique among provinces and
   prefectures (bare 云南, 丽江, 重庆).

Bare short forms of counties need the document's area (2) and bare short forms of townships a
preceding mention (1): 永胜 in a Lijiang report is 永胜县, but 中心 is no 中心镇.  Right after a
resolved mention, a clear form X乡/X镇/X村/X社区 that the gazetteer lacks is kept with its level
and parent and no code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from kg import gazetteer
from kg.document import Document
from kg.facts import Division, Level, PlaceMention
from kg.resources import read_lines
from kg.segment import Token, tokenize

__all__ = ["extract", "infer_jurisdiction", "own_area_mentions"]

_HAN = re.compile(r"[\u3400-\u9fff]")
_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗", "特别行政区", "地区", "街道", "苏木")
_SUFFIX_CHARS = "省市州盟县区旗乡镇"
_FEATURE_CHARS = "江河湖海山岭峰溪川湾岛洲"
_ORGANISATION_AFTER = re.compile(r"(?:市|县|州|区|旗|盟|省|乡|镇)?(?:委|人民政府|政府|党委|人大)")
_CLEAR_FORM = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:村|社区|乡|镇)")
_WEAK_STEM_POS = ("v", "d", "p", "c", "u", "m", "q", "r", "f", "x", "a")
_OWN_AREA = re.compile(r"(?:全|我|本)(省|市|州|县|区|旗|盟|乡|镇)")
_LEVEL_RANK = gazetteer.LEVEL_ORDER


@cache
def _not_divisions() -> frozenset[str]:
    return frozenset(read_lines("gazetteer/not_divisions.txt"))


@cache
def _generic_stems() -> frozenset[str]:
    """Words before 村/乡/镇 that make no name: 贫困村, 行政村, 中心村 …"""
    return frozenset(
        {
            "贫困",
            "行政",
            "自然",
            "建制",
            "中心",
            "示范",
            "重点",
            "出列",
            "深度贫困",
            "非贫困",
            "边远",
            "偏远",
            "美丽",
            "周边",
            "所在",
            "城乡",
            "新农",
            "相关",
            "有关",
            "其他",
            "其它",
            "少数民族",
            "民族",
            "特色",
        }
    )


def _form(text: str, candidates: list[Division]) -> str:
    """``full`` (an official name), ``suffixed`` (玉龙县, 东山乡) or ``bare`` (丽江, 永胜)."""
    if any(c.name == text for c in candidates):
        return "full"
    if text.endswith(_SUFFIXES) or text[-1] in _SUFFIX_CHARS:
        return "suffixed"
    return "bare"


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    form: str
    divisions: list[Division]
    token: Token | None
    """The jieba word the span is exactly, if it is one."""
    division: Division | None = None


def _scan(doc: Document, tokens: list[Token]) -> list[_Candidate]:
    text = doc.text
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    exact = {(t.start, t.end): t for t in tokens}
    blocked = _not_divisions()
    longest = gazetteer.max_name_length()
    longest_blocked = max(map(len, blocked))
    out: list[_Candidate] = []
    last_end = -1
    i = 0
    n = len(text)
    while i < n:
        if not _HAN.match(text[i]):
            i += 1
            continue
        after_mention = i == last_end
        if not after_mention:
            skip = next(
                (
                    length
                    for length in range(min(longest_blocked, n - i), 1, -1)
                    if text[i : i + length] in blocked
                ),
                0,
            )
            if skip:
                i += skip
                continue
        found = None
        for length in range(min(longest, n - i), 1, -1):
            piece = text[i : i + length]
            if not gazetteer.is_name(piece) or doc.is_masked(i, i + length):
                continue
            divisions = gazetteer.lookup(piece)
            form = _form(piece, divisions)
            start_ok = i in starts or after_mention
            end_ok = i + length in ends
            if not start_ok:
                continue
            if (form == "bare" or length == 2) and not end_ok:
                continue
            if form == "bare" and i + length < n and text[i + length] in _FEATURE_CHARS:
                continue
            found = _Candidate(i, i + length, piece, form, divisions, exact.get((i, i + length)))
            break
        if found is None:
            i += 1
            continue
        out.append(found)
        last_end = found.end
        i = found.end
    return out


def _is_organisation(text: str, end: int) -> bool:
    return bool(_ORGANISATION_AFTER.match(text, end))


def _highest(divisions: list[Division]) -> Division | None:
    if not divisions:
        return None
    top = min(_LEVEL_RANK[d.level] for d in divisions)
    best = [d for d in divisions if _LEVEL_RANK[d.level] == top]
    return best[0] if len(best) == 1 else None


def _unambiguous(candidate: _Candidate) -> Division | None:
    """Resolution without context: a unique full or suffixed name of three characters or more,
    or a bare or two-character name unique among provinces and prefectures and tagged a place."""
    divisions = candidate.divisions
    long_named = len(candidate.text) >= 3 and candidate.form != "bare"
    if long_named and len(divisions) == 1:
        return divisions[0]
    high = [d for d in divisions if _LEVEL_RANK[d.level] <= _LEVEL_RANK[Level.PREFECTURE]]
    if long_named and high:
        return _highest(high)
    if high and candidate.token is not None and candidate.token.pos.startswith("ns"):
        return _highest(high)
    return None


def _in_context(
    divisions: list[Division], weights: Counter[Division], shallowest: Level
) -> Division | None:
    """The candidate inside the document's most specific area (one at ``shallowest`` level or
    below), if one is best."""
    scored: list[tuple[int, float, Division]] = []
    for division in divisions:
        for area in division.chain():
            if weights[area] > 0 and _LEVEL_RANK[area.level] >= _LEVEL_RANK[shallowest]:
                scored.append((_LEVEL_RANK[area.level], weights[area], division))
                break
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], -s[1]))
    best = [s for s in scored if s[:2] == scored[0][:2]]
    return best[0][2] if len(best) == 1 else None


def _clear_form_after(
    doc: Document, previous: _Candidate, starts: set[int], ends: set[int], tokens: dict[int, Token]
) -> _Candidate | None:
    """X乡/X镇/X村/X社区 right after a resolved mention that the gazetteer does not list."""
    parent = previous.division
    if parent is None or parent.level is Level.VILLAGE:
        return None
    match = _CLEAR_FORM.match(doc.text, previous.end)
    if not match or match.end() not in ends or doc.is_masked(*match.span()):
        return None
    name = match.group()
    suffix = "社区" if name.endswith("社区") else name[-1]
    stem = name[: -len(suffix)]
    if stem in _generic_stems() or any(
        pos.startswith(_WEAK_STEM_POS) for pos in _stem_pos(tokens, match.start(), match.end())
    ):
        return None
    level = Level.TOWNSHIP if suffix in ("乡", "镇") else Level.VILLAGE
    if _LEVEL_RANK[parent.level] >= _LEVEL_RANK[level]:
        return None
    if level is Level.VILLAGE:
        for village in gazetteer.villages(parent):
            if village.name == name:
                return _Candidate(
                    match.start(), match.end(), name, "full", [village], None, village
                )
        if parent.level is not Level.TOWNSHIP and parent.level is not Level.COUNTY:
            return None
    division = Division(
        name=name, level=level, short=gazetteer.short_forms(name, level), parent=parent
    )
    return _Candidate(match.start(), match.end(), name, "full", [division], None, division)


def _stem_pos(tokens: dict[int, Token], start: int, end: int) -> list[str]:
    out = []
    pos = start
    while pos < end and pos in tokens:
        token = tokens[pos]
        out.append(token.pos)
        pos = token.end
    return out if pos >= end - 2 else ["x"]


def extract(doc: Document) -> list[PlaceMention]:
    """Every mention of a province, prefecture, county, township or village, resolved to the
    gazetteer's division (with its parent chain), in text order."""
    text = doc.text
    if not text:
        return []
    tokens = tokenize(text)
    candidates = _scan(doc, tokens)

    # Pass 1: what needs no context, and the document's areas from it.
    weights: Counter[Division] = Counter()
    for candidate in candidates:
        candidate.division = _unambiguous(candidate)
        if candidate.division is not None:
            bonus = 3 if _is_organisation(text, candidate.end) else 1
            for area in candidate.division.chain():
                weights[area] += bonus

    # Pass 2: the rest, by the preceding mention, then by the document's areas.
    previous: _Candidate | None = None
    for candidate in candidates:
        adjacent = previous if previous and previous.end == candidate.start else None
        if adjacent is not None and adjacent.division is not None:
            inside = [
                d
                for d in candidate.divisions
                if d is not adjacent.division and adjacent.division.contains(d)
            ]
            if inside:
                candidate.division = _highest(inside)
        if candidate.division is None:
            if candidate.form == "bare" or len(candidate.text) == 2:
                # bare township names only right after their county: 中心 is no 中心镇
                county_or_above = [
                    d
                    for d in candidate.divisions
                    if _LEVEL_RANK[d.level] <= _LEVEL_RANK[Level.COUNTY]
                ]
                candidate.division = _in_context(county_or_above, weights, Level.PREFECTURE)
            else:
                candidate.division = _in_context(candidate.divisions, weights, Level.PROVINCE)
        previous = candidate

    # Clear forms missing from the gazetteer, right after a resolved mention.
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    by_start = {t.start: t for t in tokens}
    taken = {c.start for c in candidates}
    extra: list[_Candidate] = []
    for candidate in candidates:
        if candidate.division is not None and candidate.end not in taken:
            found = _clear_form_after(doc, candidate, starts, ends, by_start)
            if found is not None:
                extra.append(found)
                taken.add(found.start)
                # a village right after the new township
                more = _clear_form_after(doc, found, starts, ends, by_start)
                if more is not None and more.start not in taken:
                    extra.append(more)
                    taken.add(more.start)

    mentions = [
        PlaceMention(doc.span(c.start, c.end), c.division)
        for c in sorted([*candidates, *extra], key=lambda c: (c.start, c.end))
        if c.division is not None
    ]
    return mentions


def infer_jurisdiction(doc: Document, places: list[PlaceMention]) -> Division | None:
    """The document's own area: the division its author's organisation belongs to (中共X市委,
    X县人民政府) and that it names most, counting mentions of places inside it for less."""
    if not places:
        return None
    scores: dict[Division, float] = {}
    for mention in places:
        division = mention.division
        own = 4.0 if _is_organisation(doc.text, mention.span.end) else 1.0
        scores[division] = scores.get(division, 0.0) + own
        for area in division.chain()[1:]:
            scores[area] = scores.get(area, 0.0) + 0.3 * own
    best = max(
        scores.items(),
        key=lambda item: (item[1], -_LEVEL_RANK[item[0].level], item[0].key),
    )
    return best[0]


def own_area_mentions(doc: Document, jurisdiction: Division | None) -> list[PlaceMention]:
    """全市, 我县, 本州 …: spans that denote the jurisdiction (or, for 全省, its province:
    the nearest division in its chain whose name ends in that character)."""
    if jurisdiction is None:
        return []
    tokens = tokenize(doc.text)
    starts = {t.start for t in tokens}
    out = []
    for match in _OWN_AREA.finditer(doc.text):
        if match.start() not in starts or doc.is_masked(*match.span()):
            continue
        char = match.group(1)
        for area in jurisdiction.chain():
            if area.name.endswith(char) or (char == "州" and area.name.endswith("自治州")):
                out.append(PlaceMention(doc.span(*match.span()), area))
                break
    return out
