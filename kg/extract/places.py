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
and parent and no code; so is one right after 该镇/本乡 (the township named last before), and
later mentions of it in full are that division too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from kg.extract import gazetteer
from kg.extract.facts import Division, Level, PlaceMention
from kg.extract.lexicon import Lexicon, cue_words
from kg.resources import read_lines, read_table
from kg.text.document import Document
from kg.text.edits import MASK
from kg.text.segment import Token, tokenize

__all__ = ["area_references", "extract", "helpers", "infer_jurisdiction", "own_area_mentions"]

_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗", "特别行政区", "地区", "街道", "苏木")
_SUFFIX_CHARS = "省市州盟县区旗乡镇"
_FEATURE_CHARS = "江河湖海山岭峰溪川湾岛洲"
_ORGANISATION_AFTER = re.compile(
    r"(?:市|县|州|区|旗|盟|省|乡|镇)?(?:第?[一二三四五六七八九十]+届)?"
    r"(?:委(?!党校)|人民政府|政府|党委|人大|人民代表大会)"
)
"""A body of the place named before it, the author of a report or notice (县委, 区人民政府,
区第六届人民代表大会); not a school of the body, a venue (市委党校)."""
_SIGNATURE_AFTER = re.compile(
    r"(?:人民政府|政府)代?(?:省|市|州|盟|县|区|旗)长"
    r"[ \u3000]*[\u4e00-\u9fff·]{2,5}[ \u3000]*(?:\n|$)"
)
"""The byline of a work report on its own line (临翔区人民政府区长 某某): the government whose
head gives the report is its author, whichever congress it was given to."""
_SIGNATURE_WEIGHT = 8.0
"""What the signing government counts: more than the venue's body (某市第五届人民代表大会) and
the parent's share of everything named inside it."""
_CLEAR_FORM = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:村|社区|嘎查|乡|镇|苏木)")
_TWO_CHARACTER_SUFFIXES = ("社区", "嘎查", "苏木")
"""Suffixes of a clear form that are two characters (嘎查 is Inner Mongolia's village, 苏木
its township)."""
_TOWNSHIP_CLEAR_SUFFIXES = ("乡", "镇", "苏木")
_SUB_COUNTY_SUFFIXES = "乡镇村"
_FUNCTION_POS = ("d", "p", "c", "u", "m", "q", "r", "f", "x")
"""Parts of speech that never occur in a name's stem; verbs and adjectives only as a whole
word (对接村 no, 田铺大塆村 yes: jieba splits unknown names into single characters)."""
_OWN_PREFIXES = frozenset("全我本")
_OWN_AREA = re.compile(r"(?:全|我|本)(省|市|州|县|区|旗|盟|乡|镇)")
_COMPARED_WITH = frozenset("占比于")
"""Written before 全市 …: a share of or a comparison with the whole (占全市的四分之一, 高于全省),
which is the area above the document's, not a sign of its own."""
_BARE_BODY = re.compile(
    r"([省州市县盟旗])(?:[一二三四五六七八九十]+届)?(?:人大|人民政府|政府|委(?!员))"
)
"""省人大常委会, 省十二届人大, 州人民政府, 县委: a level's own bodies, named without the division (a
provincial notice never names its province: 省人大常委会…任命; a prefecture's report speaks
of 州委 and 州人民政府)."""
_POST_OF_BODY = re.compile(r"副?书记|常委")
"""After a lower body's 委: a post (市委书记), which any city has, not the author's own body."""
_LEVEL_RANK = gazetteer.LEVEL_ORDER
_VILLAGE_FEATURE_MENTIONS = 3
_TOWNSHIP_FEATURE_MENTIONS = 5
"""How often a township must be named on its own for the document to be about it where no
全乡/我镇 says so: more than a village, as a meeting names the townships it visits."""
_PARENT_SHARE = 0.3
"""What a mention of a division counts towards its parent (and that squared to its grandparent)."""
_HEADING_COLON = re.compile(r"[:：]\s*")
_SIBLING_GAP = re.compile(r"[^，,。；;：:！？!?\n、]{0,8}、")
"""天保镇427人、 / 仁义镇红军村、: what may stand between a township and the next of a list."""
"""How often a village must be named, and named more than any other division, for the
document to be a village feature whose own area is that village."""


@cache
def _not_divisions() -> frozenset[str]:
    return frozenset(read_lines("gazetteer/not_divisions.txt"))


@cache
def _not_division_words() -> Lexicon:
    """The words of ``not_divisions.txt`` of two characters or more, skipped by the scan."""
    return Lexicon(_not_divisions(), key=2)


@cache
def _outlets() -> tuple[str, ...]:
    """日报, 网讯 …: after a place's name, a news outlet's name (滨州日报), not the place."""
    return tuple(read_lines("place_outlets.txt"))


_CREDIT_AFTER_OUTLET = re.compile(r"[/／|｜(（]|讯")
"""What follows an outlet's name in a byline (滨州日报/滨州网讯(记者…), 某州日报讯)."""


def _credits_outlet(text: str, end: int, outlets: tuple[str, ...]) -> bool:
    """Whether the place ending at ``end`` names a news outlet in a byline (滨州日报/滨州网讯
    (记者…)): the outlet's place, not one the article is about; an outlet named otherwise (a
    list of the media present; a page header, the only place some city papers name) stays."""
    if not text.startswith(outlets, end):
        return False
    after = end + next(len(o) for o in outlets if text.startswith(o, end))
    return _CREDIT_AFTER_OUTLET.match(text, after) is not None or text.endswith("讯", 0, after)


@cache
def _area_words() -> dict[str, str]:
    """全村, 该县, 村里 … -> the level character of the division they stand for."""
    return {row[0]: row[1] for row in read_table("area_words.tsv")}


@cache
def _help_verb() -> re.Pattern[str]:
    """A verb of one area helping another (``help`` in ``cues.tsv``: 对口帮扶, 援建 …), with
    what may stand between it and the area helped (的, 了)."""
    return re.compile("(?:" + "|".join(map(re.escape, cue_words("help"))) + ")[了的]?")


_HELPER_GAP = re.compile(r"[^，,。；;：:！？!?\n、]{0,6}?")
"""我省明确为|对口帮扶: what may stand between an own-area word and its help verb."""
_HELPED_WEIGHT = 4.0
"""What naming an area as the one helped counts towards the document's own area: as much as an
organisation's name (the figures of a cooperation article are the helped area's)."""
_RECIPIENT_GAP = frozenset({"", "、", "和", "及", "与", "，"})


def _help_roles(doc: Document, ordered: list[PlaceMention]) -> tuple[set[int], set[int], set[int]]:
    """Indices of ``ordered`` mentions by their part in a cooperation article: helpers named
    before a help verb (东莞 in 东莞对口帮扶揭阳), the areas they help (揭阳), and the partners
    of the author (四川、贵州 in 我省对口帮扶的四川、贵州): the author helps."""
    helps = _help_verb()
    helpers: set[int] = set()
    recipients: set[int] = set()
    starts = {m.span.start: i for i, m in enumerate(ordered)}
    own_helpers = [m.end() for m in _OWN_AREA.finditer(doc.text)]
    for index, mention in enumerate(ordered):
        helped = _help_after(doc.text, mention.span.end, helps, starts)
        if helped is None:
            continue
        helpers.add(index)
        recipients.update(_recipient_run(doc, ordered, starts[helped]))
    author_recipients: set[int] = set()
    for end in own_helpers:
        gap = _HELPER_GAP.match(doc.text, end)
        for position in range(end, (gap.end() if gap else end) + 1):
            verb = helps.match(doc.text, position)
            if verb is not None and verb.end() in starts:
                author_recipients.update(_recipient_run(doc, ordered, starts[verb.end()]))
                break
    return helpers, recipients, author_recipients


_HELPER_COUNT_GAP = re.compile(
    r"(?:[0-9一二三四五六七八九十百]+个?(?:省|市|州|盟|县|区|旗)){0,3}(?:将|也|已|还|均)?"
    r"(?:“[^”]{1,6}”)?"
)
"""浙江省|4市18县将|对口帮扶, 某市|“一对一”|帮扶: what may stand between a helper and its help
verb: counts of its divisions that take part, a modal, a quoted manner."""


def _help_after(text: str, end: int, helps: re.Pattern[str], starts: dict[int, int]) -> int | None:
    """Where the area helped begins when a help verb follows the mention ending at ``end``
    (东莞对口帮扶揭阳; 浙江省4市18县将对口帮扶甘孜州), else None."""
    gap = _HELPER_COUNT_GAP.match(text, end)
    for at in dict.fromkeys((end, gap.end() if gap else end)):
        verb = helps.match(text, at)
        if verb is not None and verb.end() in starts:
            return verb.end()
    return None


@cache
def _visit_here() -> re.Pattern[str]:
    """A party coming to visit the author's area, after the place it comes from (某市考察团来
    我市考察, 某市委副书记率队到我县调研): the come verbs of ``cues.tsv`` (``come``, ``visit_to``),
    where it goes (我市, or a name of up to four characters), and a visit verb (``visit``)."""
    come = "|".join(map(re.escape, (*cue_words("come"), *cue_words("visit_to"))))
    visit = "|".join(map(re.escape, cue_words("visit")))
    return re.compile(
        rf"[^，,。；;：:！？!?\n]{{0,20}}?(?:{come})(?:我[省市州县区旗盟]|[\u4e00-\u9fff]{{1,4}}?)"
        rf"(?:{visit})"
    )


def _visitors(doc: Document, ordered: list[PlaceMention]) -> set[int]:
    """Indices of ``ordered`` mentions of the area a visiting party comes from: the author
    reports on the area visited (我市), not on the visitors' own."""
    pattern = _visit_here()
    out = set()
    for index, mention in enumerate(ordered):
        found = pattern.match(doc.text, mention.span.end)
        if found is None:
            continue
        # the place visited is no visitor (安庆市考察团来亳州考察: 亳州 stays)
        if not any(
            mention.span.end <= m.span.start < found.end() and m.division == mention.division
            for m in ordered[index + 1 :]
        ):
            out.add(index)
    return out


def helpers(doc: Document, places: list[PlaceMention]) -> frozenset[Division]:
    """The divisions the text names helping another (东莞 in 东莞对口帮扶揭阳)."""
    ordered = sorted(places, key=lambda m: (m.span.start, m.span.end))
    helping, _, _ = _help_roles(doc, ordered)
    return frozenset(ordered[i].division for i in helping)


def _recipient_run(doc: Document, ordered: list[PlaceMention], first: int) -> list[int]:
    """The mention at ``first`` and those listed after it (揭阳、汕尾, 四川、贵州和湖北)."""
    run = [first]
    while run[-1] + 1 < len(ordered):
        gap = doc.text[ordered[run[-1]].span.end : ordered[run[-1] + 1].span.start]
        if gap not in _RECIPIENT_GAP:
            break
        run.append(run[-1] + 1)
    return run


def _ends_in(division: Division, char: str) -> bool:
    return division.name.endswith(char) or (char == "州" and division.name.endswith("自治州"))


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


_COMMUNITY = "社区"
"""A village-level community's ending (先锋社区), held by a few townships' names (先锋社区街道)."""


def _form(text: str, candidates: list[Division]) -> str:
    """``full`` (an official name), ``suffixed`` (玉龙县, 东山乡) or ``bare`` (丽江, 永胜)."""
    if any(c.name == text for c in candidates):
        return "full"
    if text.endswith(_COMMUNITY):
        return "bare"  # 先锋社区 of 先锋社区街道: its 区 is a community's, no district's suffix
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
    """Mentions by maximal munch: at each Han character (after skipping the words of
    ``not_divisions.txt``), the longest name that the gazetteer knows there and that passes the
    word-boundary checks.  Only the lengths of names that exist at a position are tried
    (:func:`kg.extract.gazetteer.name_lengths_at`)."""
    text = doc.text
    by_start = {t.start: t for t in tokens}  # jieba's words do not overlap
    ends = {t.end for t in tokens}
    # asked at every Han character of every document: looked up once, not per position
    blocked_at = _not_division_words().longest_at
    name_lengths_at = gazetteer.name_lengths_at
    lookup = gazetteer.lookup
    masked = MASK in text
    out: list[_Candidate] = []
    last_end = -1
    i = 0
    n = len(text)
    while i < n:
        if not "\u3400" <= text[i] <= "\u9fff":  # not a Han character
            i += 1
            continue
        after_mention = i == last_end
        if not after_mention:
            skip = blocked_at(text, i)
            # 西江 is a river, 西江镇 a township: a blocked word with a township or village
            # suffix that makes a name the gazetteer knows is not skipped
            if skip and not _suffixed_name(text, i, len(skip)):
                i += len(skip)
                continue
        if not (after_mention or i in by_start):
            i += 1
            continue
        found = None
        for length in name_lengths_at(text, i):
            end = i + length
            if masked and doc.is_masked(i, end):
                continue
            piece = text[i:end]
            divisions = lookup(piece)
            form = _form(piece, divisions)
            end_ok = end in ends
            if (form == "bare" or length == 2) and not end_ok:
                continue
            if form == "bare" and end < n and text[end] in _FEATURE_CHARS:
                continue
            if form == "bare" and _village_suffix_at(by_start.get(end)):
                continue  # 朝阳村: a village named like 朝阳市, not 朝阳市
            if not end_ok and _function_word_at(by_start.get(i)):
                continue  # 快于|城镇居民: a preposition and the word after it, not 于城镇
            token = by_start.get(i)
            exact = token if token is not None and token.end == end else None
            found = _Candidate(i, end, piece, form, divisions, exact)
            break
        if found is None:
            i += 1
            continue
        out.append(found)
        last_end = found.end
        i = found.end
    return out


_LIST_JOINERS = frozenset({"、", "和", "与", "及"})
"""What joins the names of a list of divisions of one level (西安、宝鸡和延安)."""


def _resolve_listed_siblings(text: str, candidates: list[_Candidate]) -> None:
    """Resolve, in place, a name the context left open that is listed right next to a
    resolved division (龙胜各族自治县…资源、田阳、田东; 西安、宝鸡和延安) to the one division of
    its candidates at that division's level in the same province: a list names divisions of one
    kind, and a province's report lists its own.  Repeated until nothing changes, as each name
    resolved makes its neighbour's sibling."""
    changed = True
    while changed:
        changed = False
        for i, candidate in enumerate(candidates):
            if candidate.division is not None or candidate.form == "full":
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(candidates):
                    continue
                other = candidates[j]
                first, second = (other, candidate) if j < i else (candidate, other)
                if other.division is None or text[first.end : second.start] not in _LIST_JOINERS:
                    continue
                level = other.division.level
                if level not in (Level.PREFECTURE, Level.COUNTY):
                    continue
                province = other.division.chain()[-1]
                same = {
                    d.key: d
                    for d in candidate.divisions
                    if d.level is level and d.chain()[-1].key == province.key
                }
                if len(same) == 1:
                    candidate.division = next(iter(same.values()))
                    changed = True
                    break


_TOWNSHIP_ENDINGS = ("乡", "镇", "街道", "苏木")


def _zone_only(candidate: _Candidate) -> bool:
    """Whether every division a name may be is a township-level zone or farm, not a 乡, 镇,
    街道 or 苏木 (产业集聚区, 现代农业园区, 原种场): a kind of place many counties have, that
    names one only right after its county."""
    # 北京's 周口店地区 is one body with 周口店镇: written so, it names that township
    named_township = candidate.text.endswith(_TOWNSHIP_ENDINGS)
    return bool(candidate.divisions) and all(
        d.level is Level.TOWNSHIP
        and not d.name.endswith(_TOWNSHIP_ENDINGS)
        and not (named_township and d.name.endswith(gazetteer.TOWNSHIP_OFFICE))
        for d in candidate.divisions
    )


def _function_word_at(token: Token | None) -> bool:
    """Whether ``token`` is a one-character preposition, conjunction or particle (于, 和, 的):
    a name that starts with one and ends inside the next word is no name (于|城镇居民)."""
    return token is not None and len(token.word) == 1 and token.pos[:1] in ("p", "c", "u")


def _village_suffix_at(token: Token | None) -> bool:
    """Whether ``token`` is a village suffix standing alone (…|村, …|社区), not a word that
    begins with one (村民, 村委)."""
    return token is not None and token.word in ("村", "社区")


def _is_organisation(text: str, end: int) -> bool:
    return bool(_ORGANISATION_AFTER.match(text, end))


def _skips_county(outer: Division, inner: Division) -> bool:
    """Whether a township or village ``inner`` lies below a county under ``outer``."""
    return (
        inner.level in (Level.TOWNSHIP, Level.VILLAGE)
        and _LEVEL_RANK[outer.level] < (_LEVEL_RANK[Level.COUNTY])
    )


def _highest(divisions: list[Division]) -> Division | None:
    if not divisions:
        return None
    top = min(_LEVEL_RANK[d.level] for d in divisions)
    best = [d for d in divisions if _LEVEL_RANK[d.level] == top]
    return best[0] if len(best) == 1 else None


def _unambiguous(candidate: _Candidate) -> Division | None:
    """Resolution without context: a unique full or suffixed name of three characters or more,
    a unique two-character full name (佳县) tagged a place, or a bare or two-character name
    unique among provinces and prefectures and tagged a place."""
    divisions = candidate.divisions
    long_named = len(candidate.text) >= 3 and candidate.form != "bare"
    if long_named and len(divisions) == 1:
        return divisions[0]
    place_word = candidate.token is not None and candidate.token.pos.startswith("ns")
    # 佳县, 沛县: a county's whole official name, one jieba place word; not 领导和县人大, where
    # the first character is a conjunction or preposition of its own
    if (
        candidate.form == "full"
        and len(divisions) == 1
        and place_word
        and tokenize(candidate.text[0])[0].pos[:1] not in ("c", "p")
    ):
        return divisions[0]
    high = [d for d in divisions if _LEVEL_RANK[d.level] <= _LEVEL_RANK[Level.PREFECTURE]]
    if long_named and high:
        return _highest(high)
    if high and place_word:
        return _highest(high)
    return None


_NOT_NAME_POS = ("v", "d", "a", "i", "s", "b", "z")
"""jieba tags of words that are no name (保定 v, 大同 d, 平凉 a, 东方 s): a bare name tagged so is a
word of the language before it is a place."""


def _speaker_area(candidate: _Candidate, own_kinds: frozenset[str]) -> Division | None:
    """The one province or prefecture a bare name may be, where jieba took it for a person's or
    a common noun's name (商洛 nr, 安顺 nr) and the text speaks of its own area of that kind
    (我市, 全市): a prefecture's speaker names it once and calls it 我市 after (商洛专题新闻发布会
    …我市), so the name is no person's."""
    if not own_kinds or candidate.token is None or candidate.token.pos.startswith(_NOT_NAME_POS):
        return None
    high = [d for d in candidate.divisions if _LEVEL_RANK[d.level] <= _LEVEL_RANK[Level.PREFECTURE]]
    if len(high) != 1 or not any(_ends_in(high[0], kind) for kind in own_kinds):
        return None
    return high[0]


def _in_context(
    divisions: list[Division], weights: Counter[Division], shallowest: Level
) -> Division | None:
    """The candidate inside the document's most specific area (one at ``shallowest`` level or
    below), if one is best."""
    scored: list[tuple[int, float, Division]] = []
    for division in divisions:
        chain = division.chain()
        for k, area in enumerate(chain):
            rank = _LEVEL_RANK[area.level]
            if area.level is Level.PROVINCE and k > 0 and chain[k - 1].level is Level.COUNTY:
                rank = _LEVEL_RANK[Level.PREFECTURE]  # 重庆市: its districts' prefecture too
            if weights[area] > 0 and rank >= _LEVEL_RANK[shallowest]:
                scored.append((rank, weights[area], division))
                break
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], -s[1]))
    best = [s for s in scored if s[:2] == scored[0][:2]]
    return best[0][2] if len(best) == 1 else None


def _clear_form_after(
    doc: Document,
    previous: _Candidate,
    ends: set[int],
    tokens: dict[int, Token],
    at: int | None = None,
    parent: Division | None = None,
) -> _Candidate | None:
    """X乡/X镇/X村/X社区 right after a resolved mention (or at ``at``, inside ``parent``): a
    village of the gazetteer inside it, else, when the stem looks like a name, a division with
    level and parent and no code."""
    parent = parent or previous.division
    if at is None:
        at = previous.end
        if (
            parent is not None
            and parent.level is Level.TOWNSHIP
            and previous.form == "bare"
            and doc.text[at : at + 1] in ("乡", "镇")
        ):
            at += 1  # 安远|乡|岩前村: the township's own suffix, after a name it has changed
    if parent is None or parent.level is Level.VILLAGE:
        return None
    for match in _CLEAR_FORM.finditer(doc.text[at : at + 8]):
        if match.start() > 0:
            break
        start, end = at, at + match.end()
        name = match.group()
        if name.endswith(("村", "社区", "嘎查")) and parent.level in (Level.TOWNSHIP, Level.COUNTY):
            for village in gazetteer.villages(parent):
                if village.name == name and not doc.is_masked(start, end):
                    return _Candidate(start, end, name, "full", [village], None, village)
        break
    form = _CLEAR_FORM.match(doc.text, at)
    if not form or form.end() not in ends or doc.is_masked(*form.span()):
        return None
    name = form.group()
    suffix = name[-2:] if name.endswith(_TWO_CHARACTER_SUFFIXES) else name[-1]
    stem = name[: -len(suffix)]
    if _ends_in_generic_word(doc.text, form.start(), form.end() - len(suffix)):
        return None  # 阜平县农业农村局: 农村 is a word, and no village
    words = _stem_words(tokens, form.start(), form.end() - len(suffix))
    if form.start() not in tokens:
        # jieba glued the stem's first character to the parent's name (长冈乡塘背村: 乡塘|背村):
        # read the stem on its own
        words = [(t.word, t.pos) for t in tokenize(stem)]
    if stem in _generic_stems() or any(
        pos.startswith(_FUNCTION_POS)
        or (len(word) > 1 and pos.startswith(("v", "a")) and not _name_part(word, pos, words))
        for word, pos in words
    ):
        return None
    level = Level.TOWNSHIP if suffix in _TOWNSHIP_CLEAR_SUFFIXES else Level.VILLAGE
    if _LEVEL_RANK[parent.level] >= _LEVEL_RANK[level]:
        return None
    if level is Level.VILLAGE and parent.level not in (Level.TOWNSHIP, Level.COUNTY):
        return None
    division = Division(
        name=name, level=level, short=gazetteer.short_forms(name, level), parent=parent
    )
    return _Candidate(form.start(), form.end(), name, "full", [division], None, division)


def _name_part(word: str, pos: str, words: list[tuple[str, str]]) -> bool:
    """Whether a verbal noun of a stem is part of a name (管口|新村: jieba tags an unknown
    name's first word vn): only with more of the stem after it, never the whole stem (建设村,
    帮扶村)."""
    return pos == "vn" and len(words) > 1 and words[-1][0] != word


def _clear_forms_after(
    doc: Document,
    mentions: list[_Candidate],
    ends: set[int],
    tokens: dict[int, Token],
    taken: list[tuple[int, int]],
) -> list[_Candidate]:
    """The clear form right after each of ``mentions`` that overlaps nothing taken."""
    out = []
    for mention in mentions:
        following = _clear_form_after(doc, mention, ends, tokens)
        if following is not None and not _overlaps(following, taken):
            out.append(following)
            taken.append((following.start, following.end))
    return out


def _sibling_townships(
    doc: Document,
    found: list[_Candidate],
    ends: set[int],
    tokens: dict[int, Token],
    taken: list[tuple[int, int]],
) -> list[_Candidate]:
    """X乡/X镇 missing from the gazetteer, listed after a township of a county (天保镇427人、
    通仙乡248人; 仁义镇红军村、喇叭河镇紫石关村): another township of that county."""
    out: list[_Candidate] = []
    queue = sorted((c for c in found if c.division is not None), key=lambda c: c.start)
    while queue:
        current = queue.pop(0)
        division = current.division
        assert division is not None
        township = division if division.level is Level.TOWNSHIP else division.parent
        if township is None or township.level is not Level.TOWNSHIP:
            continue
        if division.level not in (Level.TOWNSHIP, Level.VILLAGE):
            continue
        gap = _SIBLING_GAP.match(doc.text, current.end)
        if gap is None or township.parent is None:
            continue
        sibling = _clear_form_after(doc, current, ends, tokens, gap.end(), township.parent)
        if sibling is None or not sibling.text.endswith(("乡", "镇")) or _overlaps(sibling, taken):
            continue
        out.append(sibling)
        taken.append((sibling.start, sibling.end))
        queue.insert(0, sibling)
    return out


def _suffixed_name(text: str, start: int, length: int) -> bool:
    """Whether the ``length`` characters at ``start`` and a township or village suffix after
    them make a name the gazetteer knows."""
    at = start + length
    return (
        at < len(text)
        and text[at] in _SUB_COUNTY_SUFFIXES
        and length + 1 in gazetteer.name_lengths_at(text, start)
    )


def _ends_in_generic_word(text: str, start: int, suffix_at: int) -> bool:
    """Whether a word of ``not_divisions.txt`` (农村, 乡村) starts in a stem and takes in the
    suffix that follows it."""
    blocked = _not_division_words()
    return any(
        at + len(word) > suffix_at
        for at in range(start, suffix_at)
        if (word := blocked.longest_at(text, at))
    )


_ANAPHOR = re.compile(r"[该本](乡|镇|县|区)")


def _anaphors(doc: Document, found: list[_Candidate]) -> list[_Candidate]:
    """该镇, 本乡 …, each standing for the division of that level named last before it, as a
    mention a clear form may follow (该镇两河口村: 两河口村 of that township)."""
    named = sorted((c for c in found if c.division is not None), key=lambda c: c.start)
    out = []
    for match in _ANAPHOR.finditer(doc.text):
        before = [
            c.division
            for c in named
            if c.end <= match.start()
            and c.division is not None
            and c.division.name.endswith(match.group(1))
        ]
        if before and not doc.is_masked(*match.span()):
            out.append(_Candidate(*match.span(), match.group(), "anaphor", [], None, before[-1]))
    return out


_NOT_STEM_POS = ("v", "p", "d", "c", "u", "r", "x", "m", "q", "f")
_LOCATION_AFTER = re.compile(r"[，,]?(?:这|它)?(?:是)?(?:一个)?(?:位于|隶属)")
_LOCATED_IN = re.compile(r"(?:村|社区|嘎查)[，,]?(?:这|它)?(?:是)?(?:一个)?(?:位于|隶属于?)")


def _located_villages(
    doc: Document,
    found: list[_Candidate],
    ends: set[int],
    tokens: dict[int, Token],
    taken: list[tuple[int, int]],
) -> list[_Candidate]:
    """A village the gazetteer lacks, introduced by where it lies (X村，这是一个位于某县的小山村;
    X村位于某镇东部; X嘎查隶属某旗某苏木): the clear form before 位于 or 隶属, inside the most
    specific of the resolved mentions that follow it in a run (山西忻州市神池县: the county)."""
    if "位于" not in doc.text and "隶属" not in doc.text:
        return []
    by_start = {c.start: c for c in found if c.division is not None}
    out = []
    for match in _LOCATED_IN.finditer(doc.text):
        area = by_start.get(match.end())
        while area is not None and area.end in by_start:
            area = by_start[area.end]
        if area is None:
            continue
        suffix = 2 if doc.text.startswith(_TWO_CHARACTER_SUFFIXES, match.start()) else 1
        end = match.start() + suffix
        # the stem starts at a word, the longest that is no verb or function word before the
        # name (叫|柿|沟|梁村: 柿沟梁村, not 叫柿沟梁村)
        village = None
        for start in range(match.start() - 5, match.start() - 1):
            first = tokens.get(start)
            if first is None or (len(first.word) == 1 and first.pos.startswith(_NOT_STEM_POS)):
                continue
            village = _clear_form_after(doc, area, ends, tokens, start, area.division)
            if village is not None and village.end == end:
                break
            village = None
        if village is None or _overlaps(village, taken):
            continue
        out.append(village)
        taken.append((village.start, village.end))
    return out


def _repeated(
    doc: Document, introduced: list[_Candidate], starts: set[int], taken: list[tuple[int, int]]
) -> list[_Candidate]:
    """Other mentions, in full, of the divisions the gazetteer lacks that the text introduced
    after their parent (程海镇河口村 …, then 河口村 alone), before it too: a list under a
    heading (名山区：中峰镇海棠村) may restate a name the opening gave alone."""
    out = []
    for first in introduced:
        division = first.division
        if division is None or division.code is not None:
            continue
        at = doc.text.find(first.text)
        while at >= 0:
            again = _Candidate(
                at, at + len(first.text), first.text, "full", [division], None, division
            )
            if at in starts and not _overlaps(again, taken) and not doc.is_masked(at, again.end):
                out.append(again)
                taken.append((again.start, again.end))
            at = doc.text.find(first.text, again.end)
    return out


def _overlaps(candidate: _Candidate, taken: list[tuple[int, int]]) -> bool:
    return any(candidate.start < end and start < candidate.end for start, end in taken)


def _nearest_container(
    villages: list[Division], at: int, text: str, resolved: list[tuple[int, Division]]
) -> Division | None:
    """Of villages sharing a name, the one inside the township or county named last before
    ``at`` in its paragraph (可乐乡…驻海子村: the 海子村 of 可乐乡)."""
    paragraph = text.rfind("\n", 0, at) + 1
    for start, division in reversed(resolved):
        if start >= at:
            continue
        if start < paragraph:
            break
        inside = [v for v in villages if v is not division and division.contains(v)]
        if len(inside) == 1:
            return inside[0]
    return None


def _context_villages(
    doc: Document,
    weights: Counter[Division],
    starts: set[int],
    taken: list[tuple[int, int]],
    resolved: list[tuple[int, Division]],
) -> list[_Candidate]:
    """Villages of the counties and townships the document names, wherever the text names them
    in full (元古堆村) at a word boundary; a name shared by two of them is the one inside the
    township or county named last before it in its paragraph, else left out."""
    if "村" not in doc.text and "社区" not in doc.text:
        return []
    areas = sorted(
        (d for d in weights if d.level in (Level.COUNTY, Level.TOWNSHIP)), key=lambda d: d.key
    )
    named: dict[str, list[Division]] = {}
    generic = _generic_stems()
    for area in areas:
        for village in gazetteer.villages(area, named_in=doc.text):
            if len(village.name) >= 3 and village.name[:-1] not in generic:
                named.setdefault(village.name, []).append(village)
    out: list[_Candidate] = []
    for name, villages in sorted(named.items()):
        at = doc.text.find(name)
        if at < 0:  # most: a county has hundreds of villages, a document names a few
            continue
        unique = list({v.key: v for v in villages}.values())
        while at >= 0:
            end = at + len(name)
            chosen = (
                unique[0]
                if len(unique) == 1
                else _nearest_container(unique, at, doc.text, resolved)
            )
            if chosen is not None:
                found = _Candidate(at, end, name, "full", [chosen], None, chosen)
                if at in starts and not _overlaps(found, taken) and not doc.is_masked(at, end):
                    out.append(found)
                    taken.append((at, end))
            at = doc.text.find(name, end)
    return out


_LIST = re.compile(
    r"((?:[\u4e00-\u9fff]{2,5}、)+[\u4e00-\u9fff]{2,5}?)(等)?"
    r"(?:([0-9一二三四五六七八九十百]+)个)?(?:贫困|深度贫困|行政|重点|民族)?(乡镇|镇乡|乡|镇|街道|村|社区)"
)
"""三河、西安、高崖等6个乡镇; 月岭、毛芫冲、浪滩等贫困村; 月岭、浪滩4个贫困村."""


def _listed(
    doc: Document, found: list[_Candidate], weights: Counter[Division], starts: set[int]
) -> list[_Candidate]:
    """Bare names of townships or villages listed before the kind they are and a count or 等
    (三河、西安、高崖等6个乡镇: 西安 is the township of the county in hand, no 西安市): each a
    township of the document's counties, or a village of the township or county named right
    before the list (马江镇月岭、浪滩等贫困村), known to the gazetteer or, for villages after
    such a mention, kept with that parent and no code."""
    text = doc.text
    resolved = sorted((c for c in found if c.division is not None), key=lambda c: (c.start, c.end))
    out: list[_Candidate] = []
    for match in _LIST.finditer(text):
        if match.group(2) is None and match.group(3) is None:
            continue
        kind = match.group(4)
        village = kind in ("村", "社区")
        items: list[tuple[int, int]] = []
        at = match.start(1)
        for piece in match.group(1).split("、"):
            items.append((at, at + len(piece)))
            at += len(piece) + 1
        first_start, first_end = items[0]
        before = [c for c in resolved if c.end <= first_end and c.end >= first_start]
        parent = before[-1].division if before else None
        # 拓展到三河, 马江镇共有月岭: the first name follows the mention or the clause's verb
        words = tokenize(text, before[-1].end if before else first_start, first_end)
        while len(words) > 1 and words[0].pos.startswith(("v", "p", "d", "c", "u", "r", "f")):
            words.pop(0)
        if not words:
            continue
        items[0] = (words[0].start, first_end)
        if village and (parent is None or parent.level not in (Level.TOWNSHIP, Level.COUNTY)):
            continue
        for start, end in items:
            name = text[start:end]
            if end - start < 2 or start not in starts or doc.is_masked(start, end):
                continue
            division = (
                _listed_village(name, kind, parent)
                if village and parent is not None
                else _listed_township(name, weights)
            )
            if division is not None:
                out.append(_Candidate(start, end, name, "bare", [division], None, division))
    return out


def _listed_township(name: str, weights: Counter[Division]) -> Division | None:
    townships = [
        d
        for key in (name, name + "镇", name + "乡")
        for d in gazetteer.lookup(key)
        if d.level is Level.TOWNSHIP
    ]
    unique = list({d.key: d for d in townships}.values())
    return _in_context(unique, weights, Level.PREFECTURE)


def _listed_village(name: str, kind: str, parent: Division) -> Division:
    full = name if name.endswith(kind) else name + kind
    for known in gazetteer.villages(parent):
        if known.name == full:
            return known
    return Division(
        name=full,
        level=Level.VILLAGE,
        short=gazetteer.short_forms(full, Level.VILLAGE),
        parent=parent,
    )


def _stem_words(tokens: dict[int, Token], start: int, end: int) -> list[tuple[str, str]]:
    """The words of ``[start, end)``; a word running past ``end`` counts as its own prefix."""
    out = []
    pos = start
    while pos < end:
        token = tokens.get(pos)
        if token is None:
            return [("", "x")]
        out.append((token.word[: end - pos], token.pos))
        pos = token.end
    return out


def extract(doc: Document) -> list[PlaceMention]:
    """Every mention of a province, prefecture, county, township or village, resolved to the
    gazetteer's division (with its parent chain), in text order."""
    text = doc.text
    if not text:
        return []
    tokens = tokenize(text)
    candidates = _with_ethnic_suffix(text, _off_menus(text, _scan(doc, tokens)))

    # Pass 1: what needs no context, and the document's areas from it.
    weights: Counter[Division] = Counter()
    for candidate in candidates:
        candidate.division = None if _zone_only(candidate) else _unambiguous(candidate)
        if candidate.division is not None:
            bonus = 3 if _is_organisation(text, candidate.end) else 1
            for area in candidate.division.chain():
                weights[area] += bonus

    # Pass 2: the rest, by the preceding mention, then by the document's areas.
    own_words = Counter(_OWN_AREA.findall(text))  # 全市, 我镇 …: by the level they name
    own_kinds = frozenset(own_words)
    by_villages: dict[str, Division | None] = {}
    previous: _Candidate | None = None
    for candidate in candidates:
        adjacent = previous if previous and previous.end == candidate.start else None
        if adjacent is not None and adjacent.division is not None:
            inside = [
                d
                for d in candidate.divisions
                if d is not adjacent.division
                and adjacent.division.contains(d)
                and not (candidate.form == "bare" and _skips_county(adjacent.division, d))
            ]  # 贵州计划减少…: no bare township name stands right after its province
            if inside:
                candidate.division = _highest(inside)
        if candidate.division is None and not _zone_only(candidate):
            if candidate.form == "bare" or len(candidate.text) == 2:
                # bare township names only right after their county: 中心 is no 中心镇
                county_or_above = [
                    d
                    for d in candidate.divisions
                    if _LEVEL_RANK[d.level] <= _LEVEL_RANK[Level.COUNTY]
                ]
                candidate.division = _in_context(
                    county_or_above, weights, Level.PREFECTURE
                ) or _speaker_area(candidate, own_kinds)
            else:
                candidate.division = _in_context(
                    candidate.divisions, weights, Level.PROVINCE
                ) or _by_named_villages(candidate.text, candidate.divisions, text, by_villages)
        previous = candidate
    _resolve_listed_siblings(text, candidates)

    # Clear forms missing from the gazetteer, right after a resolved mention.
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    by_start = {t.start: t for t in tokens}
    taken = [(c.start, c.end) for c in candidates if c.division is not None]
    extra: list[_Candidate] = []
    for candidate in candidates:
        current = candidate
        while current.division is not None:
            following = _clear_form_after(doc, current, ends, by_start)
            colon = _HEADING_COLON.match(text, current.end)
            if following is None and colon and current.division.level is Level.COUNTY:
                # 天全县：仁义镇红军村 — a county heading the townships listed after it
                following = _clear_form_after(doc, current, ends, by_start, colon.end())
            if following is None or _overlaps(following, taken):
                break
            extra.append(following)
            taken.append((following.start, following.end))
            if following.division is not None:
                weights.update(following.division.chain())
            current = following
    siblings = _sibling_townships(doc, [*candidates, *extra], ends, by_start, taken)
    extra.extend(siblings)
    # 栖凤乡禾丰村 listed, 该镇X村, 望岳镇金穗村 restated: the clear form right after each
    anaphors = _anaphors(doc, [*candidates, *extra])
    extra.extend(_clear_forms_after(doc, [*siblings, *anaphors], ends, by_start, taken))
    extra.extend(_own_township_body(doc, own_words, starts, by_start, taken))
    extra.extend(_located_villages(doc, [*candidates, *extra], ends, by_start, taken))
    repeated = _repeated(doc, extra, starts, taken)
    extra.extend(repeated)
    extra.extend(_clear_forms_after(doc, repeated, ends, by_start, taken))
    resolved = sorted(
        (c.start, c.division) for c in [*candidates, *extra] if c.division is not None
    )
    extra.extend(_context_villages(doc, weights, starts, taken, resolved))
    listed = _listed(doc, [*candidates, *extra], weights, starts)
    if listed:
        spans = {(c.start, c.end) for c in listed}
        candidates = [c for c in candidates if not any(_overlaps(c, [s]) for s in spans)]
        extra = [c for c in extra if not any(_overlaps(c, [s]) for s in spans)]
        extra.extend(listed)

    outlets = _outlets()
    mentions = [
        PlaceMention(doc.span(c.start, c.end), c.division)
        for c in sorted([*candidates, *extra], key=lambda c: (c.start, c.end))
        if c.division is not None and not _credits_outlet(text, c.end, outlets)
    ]
    return _villages_with_their_township(mentions)


@cache
def _ethnic_township_suffix() -> re.Pattern[str]:
    """回族乡, 傈僳族彝族乡: the ethnic groups and 乡 or 镇 after a township's own name."""
    names = "|".join(re.escape(n) for n in gazetteer.ethnic_groups())
    return re.compile(rf"(?:(?:{names})族)+[乡镇]")


def _with_ethnic_suffix(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """A township named with its ethnic groups where the gazetteer has the plain name
    (老湾回族乡 for 老湾乡): the bare name and the groups and 乡 after it are one mention of the
    township, not the bare name and a township called 回族乡 elsewhere."""
    out: list[_Candidate] = []
    swallowed = -1
    for candidate in candidates:
        if candidate.start < swallowed:
            continue
        townships = [d for d in candidate.divisions if d.level is Level.TOWNSHIP]
        suffix = (
            _ethnic_township_suffix().match(text, candidate.end)
            if townships and candidate.form == "bare"
            else None
        )
        if suffix is not None:
            kind = suffix.group()[-1]
            fitting = [d for d in townships if d.name.endswith(kind)] or townships
            candidate = _Candidate(
                candidate.start,
                suffix.end(),
                text[candidate.start : suffix.end()],
                "suffixed",
                fitting,
                None,
            )
            swallowed = suffix.end()
        out.append(candidate)
    return out


_MENU_LINE = re.compile(
    r"(?m)^[ \u3000]*[\u4e00-\u9fff]{2,8}(?:[ \u3000]+[\u4e00-\u9fff]{2,8}){3,}[ \u3000]*$"
)
"""A line of four or more short words apart by spaces and nothing else: a web page's menu
when most of them are places (长春 四平 辽源 通化 …, the province's prefectures)."""


def _off_menus(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates outside a web page's menu of places: a line that is nothing but names
    apart by spaces, at least half of them places, names the page's siblings, not the text's
    subject."""
    menus = []
    for line in _MENU_LINE.finditer(text):
        inside = [c for c in candidates if line.start() <= c.start and c.end <= line.end()]
        if 2 * len(inside) >= len(line.group().split()):
            menus.append((line.start(), line.end()))
    if not menus:
        return candidates
    return [c for c in candidates if not any(a <= c.start < b for a, b in menus)]


_NAMED_VILLAGES = 2
"""How many of a township's villages a text must name to tell which of the townships of one
name it is (:func:`_by_named_villages`)."""


def _by_named_villages(
    name: str, divisions: list[Division], text: str, known: dict[str, Division | None]
) -> Division | None:
    """The one township of several of ``name`` (大河镇: two in one province) at least two of
    whose villages the text names in full (its mayor visits 某某村 and 某某村), when no other
    township of that name has any named; ``known`` keeps the answer for the name's next
    mentions."""
    if name in known:
        return known[name]
    townships = [d for d in divisions if d.level is Level.TOWNSHIP]
    named = [
        (d, count)
        for d in townships
        if (count := len({v.name for v in gazetteer.villages(d, named_in=text)}))
    ]
    found = named[0][0] if len(named) == 1 and named[0][1] >= _NAMED_VILLAGES else None
    known[name] = found
    return found


_TOWNSHIP_BODY = re.compile(r"[\u4e00-\u9fff]{2,4}?(乡|镇)(?:人民政府|政府|党委|人民代表大会|人大)")
"""魏庄镇人民政府, 某乡党委: a township's own bodies, which name the township in full."""


def _own_township_body(
    doc: Document,
    own_words: Counter[str],
    starts: set[int],
    tokens: dict[int, Token],
    taken: list[tuple[int, int]],
) -> list[_Candidate]:
    """The township a text speaks as (全镇/我镇 at least twice) and names by its own body
    (某镇人民政府) where the gazetteer lacks it and no county is named right before it: a
    division of that level with neither code nor parent; one only (a report naming two
    townships' bodies speaks as neither).  ``own_words`` counts the text's 全镇, 我乡 … by
    level."""
    found: dict[str, tuple[int, int]] = {}
    for match in _TOWNSHIP_BODY.finditer(doc.text):
        if own_words[match.group(1)] < _TOWNSHIP_CUES:
            continue
        end = match.end(1)
        # the shortest stem of two characters or more that starts at a word boundary and
        # reads as a name (代表魏庄镇人民政府: 魏庄镇; 县政府和镇党委: none)
        start = next(
            (
                at
                for at in range(end - 3, match.start() - 1, -1)
                if at in starts and _name_stem(doc, tokens, at, end - 1)
            ),
            None,
        )
        if start is None or doc.is_masked(start, end):
            continue
        found.setdefault(doc.text[start:end], (start, end))
    if len(found) != 1:
        return []
    name, (start, end) = next(iter(found.items()))
    if _overlaps(_Candidate(start, end, name, "full", [], None, None), taken):
        return []
    division = Division(
        name=name, level=Level.TOWNSHIP, short=gazetteer.short_forms(name, Level.TOWNSHIP)
    )
    taken.append((start, end))
    return [_Candidate(start, end, name, "full", [division], None, division)]


def _name_stem(doc: Document, tokens: dict[int, Token], start: int, end: int) -> bool:
    """Whether ``[start, end)`` reads as a place name's stem: no function word in it and not a
    generic word (中心, 新区)."""
    if doc.text[start:end] in _generic_stems():
        return False
    return not any(pos.startswith(_FUNCTION_POS) for _, pos in _stem_words(tokens, start, end))


def _villages_with_their_township(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A village the text names once right after its county (普定县水井村) and elsewhere after
    its township (化处镇水井村) is one village: the one inside the township."""
    inside_township: dict[tuple[str, str], Division] = {}
    for m in mentions:
        township = m.division.parent
        if (
            m.division.level is Level.VILLAGE
            and township is not None
            and township.level is Level.TOWNSHIP
            and township.parent is not None
        ):
            inside_township.setdefault((township.parent.key, m.division.name), m.division)
    out = []
    for m in mentions:
        county = m.division.parent
        if m.division.level is Level.VILLAGE and county and county.level is Level.COUNTY:
            better = inside_township.get((county.key, m.division.name))
            if better is not None:
                m = PlaceMention(m.span, better)
        out.append(m)
    return out


def _qualifiers(ordered: list[PlaceMention]) -> list[bool]:
    """For each mention, whether it qualifies the next one (四川省 in 四川省凉山州)."""
    out = []
    for index, mention in enumerate(ordered):
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        out.append(
            following is not None
            and following.span.start == mention.span.end
            and mention.division.contains(following.division)
        )
    return out


_VILLAGE_CHARS = ("村", "查")
"""The level characters of ``area_words.tsv`` that stand for a village (全村, 全嘎查)."""


def _featured_village(
    doc: Document, ordered: list[PlaceMention], qualifiers: list[bool], best: float
) -> Division | None:
    """The village a village feature is about: named on its own at least three times, and
    scoring more than the best other division (``best``) with each 全村/村里/本村 adding 1."""
    counts: Counter[Division] = Counter(
        m.division for m, q in zip(ordered, qualifiers, strict=True) if not q
    )
    villages = [(n, d.key, d) for d, n in counts.items() if d.level is Level.VILLAGE]
    if not villages:
        return None
    count, _, village = max(villages, key=lambda v: (v[0], v[1]))
    if count < _VILLAGE_FEATURE_MENTIONS:
        return None
    if sum(1 for n, _, _ in villages if n == count) == 1 and any(
        m.division == village and _LOCATION_AFTER.match(doc.text, m.span.end) for m in ordered
    ):
        # the village the text introduces by where it lies (X嘎查隶属某旗某镇, X村位于…) and
        # names most: the subject of the feature, however often it names its county or league
        return village
    words = [
        w for w, char in _area_words().items() if char in _VILLAGE_CHARS and not w.startswith("该")
    ]
    cues = sum(doc.text.count(w) for w in words)
    if count >= _VILLAGE_FEATURE_MENTIONS and count + cues > best:
        return village
    return None


def _bare_bodies(doc: Document, ordered: list[PlaceMention]) -> Counter[str]:
    """How often the text names a body of each kind of division by its kind alone (省人大常委会,
    州人民政府, not 安徽省人大)."""
    inside = {m.span.end - 1 for m in ordered}
    starts = {t.start for t in tokenize(doc.text)}
    return Counter(
        match.group(1)
        for match in _BARE_BODY.finditer(doc.text)
        if match.start() in starts
        and match.start() not in inside
        and doc.text[match.start() - 1 : match.start()] not in _OWN_PREFIXES
        and (match.group(1) == "省" or not _POST_OF_BODY.match(doc.text, match.end()))
    )


def infer_jurisdiction(doc: Document, places: list[PlaceMention]) -> Division | None:
    """The document's own area: the division its author's organisation belongs to (中共X市委,
    X县人民政府), that it names most, and whose kind 全市/我县/本州 refer to.

    Each mention counts 1 (4 when an organisation's name: 丽江市委), a mention qualifying the next
    one (四川省 in 四川省凉山州) 0.3, and 0.3, 0.09 … of that for its parent, grandparent …;
    each 全X/我X/本X adds 1 to divisions whose name ends in X.  Townships qualify only where
    the text says 全乡/我镇 …; a village only in a village feature: one named at least three
    times and more often than any other division.
    """
    if not places:
        return _unnamed_province(doc, places)
    scores: dict[Division, float] = {}
    named: dict[Division, float] = {}
    ordered = sorted(places, key=lambda m: (m.span.start, m.span.end))
    qualifiers = _qualifiers(ordered)
    helpers, recipients, partners = _help_roles(doc, ordered)
    partners |= _visitors(doc, ordered)
    for index, (mention, qualifier) in enumerate(zip(ordered, qualifiers, strict=True)):
        division = mention.division
        own = 4.0 if _is_organisation(doc.text, mention.span.end) else 1.0
        own = 0.3 if qualifier else own
        if not qualifier and _SIGNATURE_AFTER.match(doc.text, mention.span.end):
            own = _SIGNATURE_WEIGHT
        if index in helpers or index in partners or _venue_or_dateline(doc.text, mention):
            continue
        if index in recipients:
            own = _HELPED_WEIGHT
        named[division] = named.get(division, 0.0) + own
        for distance, area in enumerate(division.chain()):
            scores[area] = scores.get(area, 0.0) + own * _PARENT_SHARE**distance
    cues = Counter(
        m.group(1)
        for m in _OWN_AREA.finditer(doc.text)
        if doc.text[m.start() - 1 : m.start()] not in _COMPARED_WITH
    )
    if not any(count for char, count in cues.items() if char != "省"):
        # 省委巡视组对我县…: a lower author's own words outrank the province's bodies, and so do
        # its own bodies named by their kind alone (在省委和州委的领导下, 州人民政府)
        bodies = _bare_bodies(doc, ordered)
        lower = Counter({char: n for char, n in bodies.items() if char != "省"})
        if lower:
            cues.update(lower)
        else:
            cues["省"] += bodies["省"]
    lowest = Level.TOWNSHIP if cues["乡"] + cues["镇"] else Level.COUNTY
    townships = {d: s for d, s in scores.items() if d.level is Level.TOWNSHIP}
    scores = {d: s for d, s in scores.items() if _LEVEL_RANK[d.level] <= _LEVEL_RANK[lowest]}
    if not scores:
        return _unnamed_province(doc, places)
    not_own = {ordered[i].division for i in partners}
    for division in scores:
        if division in not_own:
            continue
        for char, count in cues.items():
            if division.name.endswith(char) or (char == "州" and "自治州" in division.name):
                scores[division] += count
    best = max(
        scores.items(),
        key=lambda item: (item[1], -_LEVEL_RANK[item[0].level], item[0].key),
    )
    times = Counter(m.division for m in ordered)
    best = _most_specific(best, scores, named, times)
    return (
        _featured_village(doc, ordered, qualifiers, best[1])
        or _featured_township(ordered, qualifiers, townships, best[1])
        or _addressed_township(ordered, qualifiers, cues, best[0])
        or _speaking_township(ordered, qualifiers, cues, best[0])
        or _introduced_township(doc.text, ordered, qualifiers, cues, best[0])
        or _unnamed_county(doc, ordered, cues, best[0])
        or best[0]
    )


_COUNTY_OWN_KINDS = "县旗"
"""The kinds of 全县/我县/本旗 a county's own text speaks as (区 is also a region's)."""


def _unnamed_county(
    doc: Document, ordered: list[PlaceMention], cues: Counter[str], best: Division
) -> Division | None:
    """The county of a county's text that never names its county (a report that writes its
    county as xx and says 全县, naming only its province and one of its townships): the county
    holding two thirds of the township names of three characters or more written anywhere in
    the text (jieba may cut a bare one: 某某坡|古典), each the only township of that name inside
    ``best``, the province or prefecture the text does name.  Only where the text says 全县 or
    我旗 and names no county."""
    if best.level not in (Level.PROVINCE, Level.PREFECTURE):
        return None
    if not any(cues[kind] for kind in _COUNTY_OWN_KINDS):
        return None
    if any(m.division.level is Level.COUNTY for m in ordered):
        return None
    text = doc.text
    counties: Counter[Division] = Counter()
    i = 0
    while i < len(text):
        found = None
        for length in gazetteer.name_lengths_at(text, i):
            divisions = gazetteer.lookup(text[i : i + length])
            inside = [d for d in divisions if best.contains(d)]
            if length >= 3 and len(inside) == 1 and inside[0].level is Level.TOWNSHIP:
                found = inside[0], length
            if divisions:
                break  # the longest name there decides (山东省, not a township inside it)
        if found is None:
            i += 1
            continue
        township, length = found
        if township.parent is not None and township.parent.level is Level.COUNTY:
            counties[township.parent] += 1
        i += length
    if not counties:
        return None
    county, count = max(counties.items(), key=lambda item: (item[1], item[0].key))
    if count < _PROVINCE_MAJORITY * counties.total():
        return None
    return county


_PROVINCE_OWN_AREA = re.compile(r"(?:全|我|本)(省|区)|自治区(?=党委|人民政府|政府|直属|各级)")
_PLACE_SIGNS = re.compile(r"驻|在")
_VENUE = re.compile(r"(?:举行|召开|举办)")
_VENUE_GAP = re.compile(rf"[^，,。；;！？!?\n]{{0,12}}?{_VENUE.pattern}")
"""A meeting's verb a few characters after its place (在武昌…召开), within the clause."""
_PROVINCE_MAJORITY = 2 / 3
_CLAUSE_START = re.compile(r"[，,。；;！？!?\n：:]")


@cache
def _province_abbreviations() -> dict[str, Division]:
    out = {}
    for code, abbreviations in read_table("province_abbreviations.tsv"):
        province = gazetteer.by_code(code)
        if province is not None:
            out.update(dict.fromkeys(abbreviations.split(), province))
    return out


def _unnamed_province(doc: Document, places: list[PlaceMention]) -> Division | None:
    """The province of a provincial document that never names it (a regional notice saying only
    我区/全区, a provincial press conference saying only 全省): the province that holds all, or
    two thirds, of what the text does name (its divisions, where its meeting is held: 在武昌…
    召开, and where units are stationed: 中直驻桂单位, by the province's 简称), when it is one
    whose kind the own-area words name (省 for a province, 区 for an autonomous region) and the
    text names at least two such places, never one stray name."""
    own = {m.group(1) or "区" for m in _PROVINCE_OWN_AREA.finditer(doc.text)}
    if not own:
        return None
    # what is named where: a place found twice (a mention and a venue) counts once
    named: dict[int, tuple[Division, int]] = {m.span.start: (m.division, 1) for m in places}
    abbreviations = _province_abbreviations()
    for sign in _PLACE_SIGNS.finditer(doc.text):
        at = sign.end()
        lengths = gazetteer.name_lengths_at(doc.text, at)
        found = gazetteer.lookup(doc.text[at : at + lengths[0]])[:1] if lengths else []
        if sign.group() == "在":
            if found and _VENUE_GAP.match(doc.text, at + lengths[0]):
                # the province's own meeting (省两会…在武昌召开) says whose it is as well as where
                clause = _CLAUSE_START.split(doc.text[max(0, at - 30) : sign.start()])[-1]
                named[at] = (found[0], 2 if clause.startswith(("省", "自治区", "区")) else 1)
        elif found:
            named[at] = (found[0], 1)
        elif doc.text[at : at + 1] in abbreviations:
            named[at] = (abbreviations[doc.text[at]], 1)
    provinces: Counter[Division] = Counter()
    for division, weight in named.values():
        provinces[division.chain()[-1]] += weight
    if not provinces:
        return None
    province, count = max(provinces.items(), key=lambda item: (item[1], item[0].key))
    kind = "区" if "自治区" in province.name else province.name[-1:]
    if count < 2 or count < _PROVINCE_MAJORITY * provinces.total() or kind not in own:
        return None
    return province


_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)")


def _venue_or_dateline(text: str, mention: PlaceMention) -> bool:
    """Whether ``mention`` is only where a meeting was held (在西安举行) or where a report was
    filed (新华社西安5月17日电): a prefecture's conference in the provincial capital speaks of
    the prefecture (我市), not of the capital."""
    start, end = mention.span.start, mention.span.end
    held = text[start - 1 : start] == "在" and _VENUE.match(text, end) is not None
    return held or _DATELINE.match(text, end) is not None


def _most_specific(
    best: tuple[Division, float],
    scores: dict[Division, float],
    named: dict[Division, float],
    times: Counter[Division],
) -> tuple[Division, float]:
    """``best``, or the division inside it that outscores it once the share it passed up is
    taken back, and that gave it most of what it has from inside (港北区, named on its own
    more than 贵港市, whose organisations host the meeting; not one of the several counties of
    a prefecture's feature), named at least as often: the most specific place the article is
    about.  ``named``: what each division's own mentions count, without those of the divisions
    inside it; ``times``: how often each is named."""
    division, score = best
    while True:
        from_inside = scores[division] - named.get(division, 0.0)
        inside = [
            (s, d.key, d)
            for d, s in scores.items()
            if d.parent == division
            and s > score - _PARENT_SHARE * named.get(d, 0.0)
            and _PARENT_SHARE * s > from_inside / 2
            and times[d] >= times[division]
        ]
        if not inside:
            return division, score
        score, _, division = max(inside, key=lambda t: (t[0], t[1]))


def _featured_township(
    ordered: list[PlaceMention],
    qualifiers: list[bool],
    townships: dict[Division, float],
    best: float,
) -> Division | None:
    """The township a township feature is about (宁德市寿宁县下党乡…下党乡党委…下党乡): named
    on its own at least five times and scoring more than the best division above it."""
    counts = Counter(
        m.division
        for m, q in zip(ordered, qualifiers, strict=True)
        if not q and m.division.level is Level.TOWNSHIP
    )
    featured = [
        (score, d.key, d)
        for d, score in townships.items()
        if counts[d] >= _TOWNSHIP_FEATURE_MENTIONS and score > best
    ]
    return max(featured, key=lambda t: (t[0], t[1]))[2] if featured else None


def _addressed_township(
    ordered: list[PlaceMention],
    qualifiers: list[bool],
    cues: Counter[str],
    best: Division,
) -> Division | None:
    """The township a township feature is about when the text names its county only as the
    township's address (某省某县某镇：… 某县某镇以… 某镇…): the township named on its own at
    least three times, more often than any division outside it, and its county never on its
    own; the county's own words (全县/我县) fewer than the township's mentions."""
    if best.level is Level.TOWNSHIP or best.level is Level.VILLAGE:
        return None
    counts = Counter(m.division for m, q in zip(ordered, qualifiers, strict=True) if not q)
    townships = [
        (n, d.key, d)
        for d, n in counts.items()
        if d.level is Level.TOWNSHIP and n >= _VILLAGE_FEATURE_MENTIONS and best.contains(d)
    ]
    if not townships:
        return None
    count, _, township = max(townships, key=lambda t: (t[0], t[1]))
    county = township.parent
    if county is None or counts[county] or cues[county.name[-1:]] >= count:
        return None
    if any(n >= count for d, n in counts.items() if d != township and not township.contains(d)):
        return None
    return township


_TOWNSHIP_CUES = 2
"""How often a text must say 全镇/我乡/本镇 to speak as a township (:func:`_speaking_township`)."""


def _speaking_township(
    ordered: list[PlaceMention],
    qualifiers: list[bool],
    cues: Counter[str],
    best: Division,
) -> Division | None:
    """The township a text speaks as, inside the division that scores best (我镇地处某县北部…
    全镇3648户 on the county's website, under the county government's name): the text says
    全镇/我镇 at least twice and at least as often as it names its best division's kind
    (全县/我县), and one township inside that division is named on its own more often than any
    other; the cue words count for that township alone, not for every township it names."""
    if best.level is Level.TOWNSHIP or best.level is Level.VILLAGE:
        return None
    own = sum(cues[char] for char in "乡镇")
    kind = best.name[-1:]
    if own < _TOWNSHIP_CUES or own < cues[kind]:
        return None
    counts = Counter(
        m.division
        for m, q in zip(ordered, qualifiers, strict=True)
        if not q and m.division.level is Level.TOWNSHIP and best.contains(m.division)
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _TOWNSHIP_CUES:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    township = ranked[0][0]
    return township if cues[township.name[-1:]] else None


@cache
def _introductions() -> tuple[str, ...]:
    """地处, 位于 …: after a place opening a text, the text introduces that place."""
    return tuple(read_lines("place_introductions.txt"))


def _introduced_township(
    text: str,
    ordered: list[PlaceMention],
    qualifiers: list[bool],
    cues: Counter[str],
    best: Division,
) -> Division | None:
    """The township a township's own profile is about (某乡地处某县城西北部，东毗甲乡，西邻乙乡
    …全乡辖12个行政村): the first place the text names is a township inside the best division,
    introduced by where it lies, and the text speaks as that kind (全乡) more often than as the
    best division's kind (全县) — though it names its county and neighbours more often."""
    if best.level is Level.TOWNSHIP or best.level is Level.VILLAGE:
        return None
    first = next((m for m, q in zip(ordered, qualifiers, strict=True) if not q), None)
    if first is None or first.division.level is not Level.TOWNSHIP:
        return None
    township = first.division
    if not best.contains(township) or not text.startswith(_introductions(), first.span.end):
        return None
    if cues[township.name[-1:]] <= cues[best.name[-1:]]:
        return None
    return township


def area_references(
    doc: Document, places: list[PlaceMention], jurisdiction: Division | None
) -> list[PlaceMention]:
    """Words that stand for a division without naming it (``kg/data/area_words.tsv``), each
    with the division it stands for, in text order.

    全村/该村/村里 and the other township and village words, and every 该X, are the division of
    that kind named last before them (the village being discussed); 全市/我县/本州 are the
    document's own area (全市 in a city report) or its ancestor of that kind (全省), else the
    division of that kind inside it named last.  Words that resolve to nothing are left out.
    """
    words = _area_words()
    if not words:
        return []
    starts = {t.start for t in tokenize(doc.text)}
    ordered = sorted(places, key=lambda m: (m.span.start, m.span.end))
    pattern = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
    out = []
    for match in pattern.finditer(doc.text):
        if match.start() not in starts or doc.is_masked(*match.span()):
            continue
        word = match.group()
        char = words[word]
        named = [
            m
            for m in ordered
            if m.span.end <= match.start()
            and _ends_in(m.division, char)
            and (jurisdiction is None or jurisdiction.contains(m.division) or char in "村乡镇")
        ]
        own = next(
            (a for a in (jurisdiction.chain() if jurisdiction else []) if _ends_in(a, char)), None
        )
        if own is not None and char in "乡镇" and word[0] in _OWN_PREFIXES:
            # a township's own 全镇/我乡 is itself, though it has just named the neighbour
            # it borders (西与某镇交界，全镇…)
            named = []
        elif own is not None and char in "村乡镇" and not word.startswith("该"):
            # a village feature's 村里/全村 is its own village, unless its paragraph has just
            # named another
            paragraph = doc.text.rfind("\n", 0, match.start()) + 1
            named = [m for m in named if m.span.start >= paragraph]
        last = named[-1].division if named else None
        anaphoric = word.startswith("该") or char in "村乡镇"
        division = (last or own) if anaphoric else (own or last)
        if division is not None:
            out.append(PlaceMention(doc.span(*match.span()), division))
    return out


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
