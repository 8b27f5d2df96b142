"""The language data of people: the files of ``kg/data/people_*`` and the tables built from them,
each read when first asked for and once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.lexicon import titles
from kg.resources import read_lines, read_table, read_words

LEVEL_CHARS = "省市州县区旗乡镇村"
"""Last characters of division names; the first character of level-specific abbreviations
(旗: a banner, Inner Mongolia's county, whose leaders write 旗委 and 旗长 as a county's do)."""

_LISTS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "appointment_verbs": read_words,
    "captions": read_lines,
    "central_departments": read_words,
    "credit_words": read_lines,
    "cues": read_lines,  # words for kinds of people (贫困户, 村民)
    "followers": read_words,
    "former_marks": read_words,  # between a body and the title of a former post (原)
    "formulas": read_words,  # what follows 同志 in set formulas (以某某同志为核心)
    "group_bodies": read_lines,
    "heeding_verbs": read_words,
    "households": read_words,
    "media": read_lines,
    "name_syllables": read_words,  # parts of Tibetan and Mongolian names
    "national_units": read_words,
    "nominee_marks": read_words,
    "nominee_suffixes": read_lines,
    "not_names": read_words,
    "not_villages": read_words,
    "org_suffixes": read_lines,
    "own_bodies": read_words,
    "own_name_suffixes": read_words,
    "parties": read_words,
    "party_organs": read_words,
    "posting_marks": read_lines,
    "province_bodies": read_words,
    "region_heads": read_words,
    "report_cues": read_lines,
    "story_posts": read_lines,
    "surnames_rare": read_words,
}
"""The word lists ``kg/data/people_<name>.txt`` by name, and how each is read: an entry a line
(``read_lines``: an entry may hold a space) or words apart by spaces or lines (``read_words``)."""


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of the list ``name`` of ``_LISTS``, in the file's order, each once."""
    return tuple(dict.fromkeys(_LISTS[name](f"people_{name}.txt")))


@cache
def entry_set(name: str) -> frozenset[str]:
    """The entries of the list ``name``, to look up whole."""
    return frozenset(entries(name))


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """The entries of the list ``name``, longest first (the longest of a prefix, a suffix or an
    alternation matches); entries of one length keep the file's order."""
    return tuple(sorted(entries(name), key=len, reverse=True))


@cache
def _ranked_surnames() -> frozenset[str]:
    """Surnames ranked from jieba's dictionary (tools/make_surnames.py) and surnames that are
    common words (people_surnames_tagged.txt), taken only where jieba tags the word they start
    as a name (肖|立新, 肖锦, 全卓南)."""
    ranked = {row[0] for row in read_table("people_surnames_ranked.txt")}
    return frozenset(ranked | set(read_lines("people_surnames_tagged.txt")))


@dataclass(frozen=True)
class _OrgRow:
    template: str
    parent: str | None
    level: str | None
    """Level character the division must end in; ``None`` for level-less abbreviations."""


@cache
def _org_rows() -> dict[str, _OrgRow]:
    """Abbreviation -> expansion, with ``*`` rows expanded for every level character."""
    starred: dict[str, _OrgRow] = {}
    explicit: dict[str, _OrgRow] = {}
    for row in read_table("organisations.tsv"):
        abbrev, template = row[0], row[1]
        parent = row[2] if len(row) > 2 and row[2] else None
        if abbrev.startswith("*"):
            for level in LEVEL_CHARS:
                starred[level + abbrev[1:]] = _OrgRow(
                    template, parent.replace("*", level) if parent else None, level
                )
        else:
            own = abbrev[0] if abbrev[0] in LEVEL_CHARS and "{name}" in template else None
            if len(row) > 3 and row[3]:
                own = row[3]  # 驻村工作队: a body of the village it is stationed in
            explicit[abbrev] = _OrgRow(template, parent, own)
    for body in read_lines("central_bodies.txt"):
        # 水利部副部长, 中国进出口银行党委副书记: a national body and its Party organs
        explicit.setdefault(body, _OrgRow(body, None, None))
        for organ in ("党委", "党组"):
            explicit.setdefault(body + organ, _OrgRow(body + organ, body, None))
        for department in entries("central_departments"):
            explicit.setdefault(body + department, _OrgRow(body + department, body, None))
    starred.update(explicit)
    return starred


@cache
def _body_officers() -> tuple[frozenset[str], frozenset[str]]:
    """(officers' titles, heads' titles): see ``people_body_officers.txt``."""
    officers, heads = (frozenset(line.split()) for line in read_lines("people_body_officers.txt"))
    return officers, heads


@cache
def _zone_endings() -> tuple[str, ...]:
    words = (row[1] for row in read_table("people_zones.tsv") if row[0] == "ending")
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _zone_bodies() -> dict[str, str]:
    """A zone's body -> the title word that defaults to it (党工委 -> 书记, 管委会 -> 主任)."""
    return {row[1]: row[2] for row in read_table("people_zones.tsv") if row[0] == "body"}


@cache
def _bylines() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("people_bylines.tsv")}


@cache
def _appointment_verb_pattern() -> re.Pattern[str]:
    verbs = [v for v in longest_first("appointment_verbs") if len(v) > 1]
    return re.compile("|".join(map(re.escape, verbs)))


@cache
def _committee_steps() -> tuple[frozenset[str], frozenset[str]]:
    """(steps of membership, heads' posts): see ``people_committee_steps.txt``."""
    steps, heads = (frozenset(line.split()) for line in read_lines("people_committee_steps.txt"))
    return steps, heads


@cache
def _group_body_after() -> re.Pattern[str]:
    """的 and the name of a working group (某督查组第九组), ending in one of
    ``people_group_bodies.txt`` and perhaps the number of one of its groups."""
    bodies = "|".join(re.escape(b) for b in sorted(entries("group_bodies"), key=len, reverse=True))
    return re.compile(
        rf"的(?P<body>[^，,。；;、的“”\s]{{0,24}}?(?:{bodies})(?:第[一二三四五六七八九十]+组)?)"
    )


@cache
def _byline_cues() -> tuple[str, ...]:
    """The cues of credit lines of two characters or more (记者, 本报记者), longest first."""
    return tuple(sorted((c for c in _bylines() if len(c) > 1), key=len, reverse=True))


@cache
def _credited_list() -> re.Pattern[str]:
    """A credit's cue, a separator and names joined by 、, ending where matched (作者:甲、乙);
    or one name after a separator (编辑:甲|责编:乙)."""
    cues = "|".join(re.escape(c) for c in _byline_cues())
    han = "[\u4e00-\u9fff]{2,4}"
    return re.compile(rf"(?:{cues})(?:[:：/／ ]*(?:{han}、)+|[:：/／]+){han}$")


@cache
def _body_prefixes() -> tuple[str, ...]:
    """Abbreviations of organisations.tsv that open the name of a body of their own: the
    national bodies (国务院) and a region's word for itself (自治区), longest first."""
    rows = _org_rows()
    own = (a for a, row in rows.items() if "{name}" not in row.template or row.level == a)
    words = (a for a in own if len(a) > 1)
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _national_bodies() -> tuple[frozenset[str], int]:
    """The prefixes of ``_body_prefixes`` that are bodies of their own, no region's word
    (国家统计局, 国务院), and the length of the longest."""
    rows = _org_rows()
    words = frozenset(a for a in _body_prefixes() if "{name}" not in rows[a].template)
    return words, max(map(len, words), default=0)


@cache
def _body_suffixes() -> tuple[str, ...]:
    """Endings of bodies' names of two characters or more (党工委, 委员会): a name is not
    followed by one."""
    return tuple(w for w in longest_first("org_suffixes") if len(w) > 1)


@cache
def _role_list() -> re.Pattern[str]:
    """A role of a meeting's members (``people_list_roles.txt``) or a count of the people a
    clause describes, closed by a colon that a list of their names follows: 执行主席：,
    担任执行主席的是：, 由副县长任县委常委的两人：."""
    roles = "|".join(sorted(read_lines("people_list_roles.txt"), key=len, reverse=True))
    count = r"[0-9一二两三四五六七八九十]+(?:人|名|位)(?:同志|干部)?"
    return re.compile(rf"(?:(?:{roles})(?:的是|是|为|有)?|的{count})[ \u3000]*[：:][ \u3000]*")


@cache
def _salutation() -> re.Pattern[str]:
    """A salutation and its punctuation (``people_salutations.txt``): 各位代表：."""
    words = "|".join(sorted(read_lines("people_salutations.txt"), key=len, reverse=True))
    return re.compile(rf"(?:{words})[ \u3000]*[：:，,！!]")


@lru_cache(maxsize=256)
def _party_organ(title: str) -> str | None:
    """The Party organ a title opens with, where the rest is a title of its own (党委|副书记)."""
    for organ in longest_first("party_organs"):
        if title.startswith(organ) and title[len(organ) :] in titles():
            return organ
    return None
