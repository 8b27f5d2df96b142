"""Numbers with their measure words, normalised: 4.43万户 -> 44300 HOUSEHOLD, 7.9亿元 -> 790000000
CNY, 100多万亩 -> 1000000 MU (more than), 百分之三十 -> 30 PERCENT.

A quantity is a number (Arabic or Chinese, with 万/亿/千 multipliers) followed by a measure word
or a noun that says what it counts (``kg/data/units.tsv``), with the qualifiers written around it
(``kg/data/qualifiers.tsv``).  A number with neither is not a quantity: that alone leaves out
dates (2020年1月), durations (三年, 24小时), ordinals (一是, 一要) and counters in page headers.
The rest of what is not a fact is told by its context (``kg/data/number_context.tsv``) and by
jieba's words:

- a number joined to a digit by a dash, slash or colon is a date, a time, a phone number or a
  range (2020-06-10, 22:29:25, 0888—5122344, 2018—2020);
- a number after 第, 这, 每 … is an ordinal or a reference, after 阅读量 … page furniture;
- a number inside quote marks that hold a name, not a clause, is part of that name
  (“六个一百”, “5分钱”工程);
- a quantity must start and end on jieba word boundaries, so numerals inside words
  (一把手, 两不愁三保障, 一鼓作气) are not numbers and a measure word fused with the next
  character into a word (12个人: 个人 "individual") is not a measure word;
- 一 with a measure word is an article (一个, 一次大考, 不漏一户), and a Chinese numeral count
  followed by another numeral or by a verb or adjective is a slogan (五个一批, 三个全覆盖);
- a number after 届 is a session's (十三届八次全会), one after 第X、 the next ordinal of a list
  (第十、十一批), and one whose measure word and next word make a term or count the text's own
  parts (三次产业, 三个部分) is not counted, nor is one before page furniture (0条评论, 71次围观)
  or a threshold passed (迈上500亿元新台阶);
- a count of people after 一行 is a visiting party's size (一行13人), one after a verb of ranking
  a move in a ranking (上升3位), one before the title of a post above a village's the people
  themselves (两名县委书记; 120名驻村第一书记 stays a count), and 次会议 after 届 in the same
  clause a session (十三届全国人大二次会议).

A space typed inside a number is read through (5312 亿 元); an Arabic number ending in 亿 with no
measure word is yuan (生产总值10688.28亿); a minus sign right before a number, not after a digit,
makes it negative (增长率为-1.28‰); a qualifier fused by jieba with 了 still counts
(增加了近300万元); values of one unit listed with 、 or 和 share a qualifier written once, before
the first or after the last (分别增长8.5%和9%左右), and Arabic numbers listed before one with a
measure word take that word where it is written only once (分别为0.15、-5.64、1.34个百分点;
1.74个、3.22个、4.0个百分点).

Pairs ``从A增加到B`` / ``由A降为B`` give one quantity: the later value, with ``baseline`` the
earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, lru_cache

from kg.extract import gazetteer
from kg.extract.facts import Qualifier, Quantity
from kg.extract.lexicon import Lexicon, title_words, titles
from kg.extract.numbers import (
    ARABIC,
    CHINESE_NUMERAL_CHARS,
    DIGITS,
    MULTIPLIERS,
    parse_number,
    tidy,
)
from kg.resources import read_table
from kg.text.document import Document
from kg.text.segment import Token, tokenize

_CHINESE_START = "".join(c for c in DIGITS) + "十"
NUMBER_RE = re.compile(
    rf"(?P<percent>百分之)?(?:(?P<arabic>{ARABIC})|(?P<chinese>[{_CHINESE_START}][{CHINESE_NUMERAL_CHARS}]*))"
)
_JOINED_BEFORE = re.compile(r"[0-9０-９][\-—–~～/:：.．]$")
_JOINED_AFTER = re.compile(r"^[\-—–~～/:：][0-9０-９]")
_SPACES = re.compile(r"[ \u3000\u00a0]{1,2}")
_OPENING_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", "〈": "〉", "‘": "’"}
_QUOTE_MARKS = (*_OPENING_QUOTES, *_OPENING_QUOTES.values())
_CLAUSE_PUNCTUATION = set("，,。；;！？!?：:")
_QUOTED_NAME_MAX = 16
_BOOK_TITLE_MAX = 48
"""The longest title in book-title marks read as a name: a document's title runs long
(《某市积极应对疫情影响决战决胜脱贫攻坚十条措施》), longer than a quoted name."""
_BOOK_TITLE_MARKS = frozenset("《〈")
_ORDINAL_LIST = re.compile(rf"第(?:{ARABIC}|[{CHINESE_NUMERAL_CHARS}]+)[、，,和及至到—\-~～]$")
_SESSION_REACH = 4
"""Characters before a number searched for a word of sessions (届 in 十七届人大二次会议)."""
_SESSION_CLAUSE_REACH = 12
"""Characters before a session's number searched, within its clause, for 届 when a meeting is
written after it (十三届全国人大二次会议)."""
_POST_REACH = 10
"""Characters after a count of people searched for the title of their post (两名县(市)委书记)."""
_POST_BREAKS = frozenset("、和及与村")
"""Where the noun after a count of people ends, or turns to a village's posts (16名村党组织书记)."""
_VILLAGE = "村"
_PAIR_START = ("从", "由")
_PAIR_YEAR = (
    r"(?:(?:(?:19|20)\d{2}年(?:底|末|初)?"
    r"|今年|去年|前年|当年|上年|年初|年末|年底|过去|目前|现在|如今|原计划|原来)的?)?"
)
"""The time of a value in 从A增加到B: 从2021年的38%提高到今年的61%, 从过去的300多亩减少到…,
从年初的9.5%下降到6.1%"""


@dataclass(frozen=True)
class Unit:
    word: str
    notation: str
    role: str
    """``measure`` (part of the quantity's span) or ``noun`` (what a bare number counts)."""
    factor: Decimal = Decimal(1)


@cache
def units() -> dict[str, Unit]:
    table = {}
    for row in read_table("units.tsv"):
        factor = Decimal(row[3]) if len(row) > 3 and row[3] else Decimal(1)
        table[row[0]] = Unit(row[0], row[1], row[2], factor)
    return table


@cache
def qualifiers() -> dict[str, dict[str, Qualifier]]:
    """``{position: {word: qualifier}}`` for positions ``before``, ``inside``, ``after``."""
    table: dict[str, dict[str, Qualifier]] = {"before": {}, "inside": {}, "after": {}}
    for word, position, name in read_table("qualifiers.tsv"):
        table[position][word] = Qualifier[name]
    return table


@cache
def number_context(role: str) -> tuple[str, ...]:
    words = [row[1] for row in read_table("number_context.tsv") if row[0] == role]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _bare_multipliers() -> dict[str, str]:
    """Multiplier -> the unit an Arabic number ending in it counts when no measure word
    follows (``number_context.tsv`` ``bare_multiplier``)."""
    return {
        row[1]: row[2] for row in read_table("number_context.tsv") if row[0] == "bare_multiplier"
    }


@cache
def unit_words() -> Lexicon:
    return Lexicon(units())


@cache
def qualifier_words(position: str) -> Lexicon:
    return Lexicon(qualifiers()[position])


@cache
def context_words(role: str) -> Lexicon:
    return Lexicon(number_context(role))


# One document at a time goes through the extractors: the last two are enough to keep, and
# keeping more would hold their words (megabytes each) for nothing.
@lru_cache(maxsize=2)
def tokens(doc: Document) -> tuple[Token, ...]:
    """jieba's words of the whole normalised text, sentence by sentence."""
    out: list[Token] = []
    position = 0
    for sentence in doc.sentences:
        if sentence.start > position:
            out.extend(tokenize(doc.text, position, sentence.start))
        out.extend(tokenize(doc.text, sentence.start, sentence.end))
        position = sentence.end
    if position < len(doc.text):
        out.extend(tokenize(doc.text, position, len(doc.text)))
    return tuple(out)


@lru_cache(maxsize=2)
def _boundaries(doc: Document) -> tuple[frozenset[int], frozenset[int], dict[int, Token]]:
    toks = tokens(doc)
    by_start = {t.start: t for t in toks}
    return frozenset(t.start for t in toks), frozenset(t.end for t in toks), by_start


def in_quoted_name(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside quote marks that hold a name, not a clause."""
    line_start = max(text.rfind("\n", 0, start), -1) + 1
    # the nearest quote mark before the number on its line (each mark looked for in C, not
    # the line read back character by character for every number)
    at = max(text.rfind(mark, line_start, start) for mark in _QUOTE_MARKS)
    if at < 0:
        return False
    char = text[at]
    if char not in _OPENING_QUOTES:  # a closing mark: the number is after the quote
        return False
    close = text.find(_OPENING_QUOTES[char], end)
    if close < 0:
        return False
    inner = text[at + 1 : close]
    longest = _BOOK_TITLE_MAX if char in _BOOK_TITLE_MARKS else _QUOTED_NAME_MAX
    if "\n" in inner or len(inner) > longest:
        return False
    return not any(c in _CLAUSE_PUNCTUATION for c in inner)


@dataclass
class _Reading:
    """A number read at some offset, with what follows it."""

    start: int
    end: int
    value: Decimal
    unit: Unit | None
    classifier_span: tuple[int, int] | None
    qualifier: Qualifier
    chinese: str | None
    """The numeral as written when it is Chinese."""

    @property
    def counted_end(self) -> int:
        """Where the number and its measure word end (九台 of 九台区, 31个 of 31个省)."""
        return self.classifier_span[1] if self.classifier_span else self.end


_RESTATED = {Qualifier.AT_LEAST: Qualifier.MORE_THAN}
"""A bound written after a number that a verb before it already states, more precisely."""


def _a_few(numeral: str) -> bool:
    """Two neighbouring digits side by side (三四个, 三五村民, 两三户): "a few", no number
    (digits read one by one make a number only in years and codes)."""
    if len(numeral) != 2 or any(c not in DIGITS for c in numeral):
        return False
    return DIGITS[numeral[0]] > 0 and 0 < DIGITS[numeral[1]] - DIGITS[numeral[0]] <= 2


def _read_number(text: str, match: re.Match[str], bare: bool = False) -> _Reading | None:
    """The number matched at ``match`` with multipliers, qualifiers and measure word.

    ``bare`` allows a number without a measure word (the second value of a pair)."""
    table = units()
    inside = qualifiers()["inside"]
    after = qualifiers()["after"]
    numeral = match.group("arabic") or match.group("chinese")
    if match.group("chinese") and _a_few(numeral):
        return None
    value = parse_number(numeral)
    if value is None:
        return None
    qualifier = Qualifier.EXACT
    pos = match.end()
    if match.group("percent"):
        return _Reading(match.start(), pos, value, table["%"], None, qualifier, None)
    # [多/余] [万 亿 千 百 ...] [多/余]
    seen_multiplier = False
    last_multiplier = ""
    while pos < len(text):
        if unit_words().longest_at(text, pos):
            break
        spaces = _SPACES.match(text, pos)
        if spaces and match.group("arabic") and text[spaces.end() : spaces.end() + 1] in "万亿":
            pos = spaces.end()  # 5312 亿 元, 230 萬元: a space typed inside the number
            continue
        word = qualifier_words("inside").longest_at(text, pos)
        if word and not (seen_multiplier and qualifier is not Qualifier.EXACT):
            qualifier = inside[word]
            pos += len(word)
            continue
        char = text[pos]
        if char in MULTIPLIERS and char != "十" and match.group("arabic"):
            value *= MULTIPLIERS[char]
            seen_multiplier = True
            last_multiplier = char
            pos += 1
            continue
        if char in "万亿" and match.group("chinese") and qualifier is not Qualifier.EXACT:
            value *= MULTIPLIERS[char]  # 一百多万
            seen_multiplier = True
            pos += 1
            continue
        break
    number_end = pos
    spaces = _SPACES.match(text, pos)
    unit_at = spaces.end() if spaces else pos
    word = unit_words().longest_at(text, unit_at)
    unit = table[word] if word else None
    if unit is None and last_multiplier in _bare_multipliers():
        # 生产总值10688.28亿, 分别突破5万亿、4万亿和3万亿元: 亿 alone is yuan in the genre
        unit = Unit("", _bare_multipliers()[last_multiplier], "measure")
        unit_at = number_end
    bound = ""
    if unit is None and seen_multiplier:
        # 190万脱贫享受政策人口; 10万以上贫困人口: a bound between the number and its noun
        bound = qualifier_words("after").longest_at(text, unit_at) or ""
        unit = _modified_noun(text, unit_at + len(bound))
        if unit is None and not bound:
            unit = _noun_before(text, match.start(), unit_at)
    classifier_span = None
    if unit is not None and unit.role == "measure":
        classifier_span = (unit_at, unit_at + len(unit.word))
        pos = unit_at + len(unit.word)
        value *= unit.factor
        word = qualifier_words("after").longest_at(text, pos)
        if word:
            qualifier = after[word]
            pos += len(word)
    elif unit is not None:
        pos = number_end  # a noun says what is counted; it is not part of the span
        if bound:
            qualifier = after[bound]
            pos = unit_at + len(bound)
    elif not bare:
        return None
    else:
        pos = number_end
    return _Reading(
        match.start(),
        pos,
        tidy(value),
        unit,
        classifier_span,
        qualifier,
        match.group("chinese"),
    )


_MODIFIER_REACH = 6
"""Han characters that may modify a noun of people after a number in tens of thousands before
the noun (190.2万脱贫享受政策人口: 脱贫享受政策)."""
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _modified_noun(text: str, at: int) -> Unit | None:
    """The noun of people or households that a number in tens of thousands counts, written after
    a short modifier (12万脱贫享受政策人口): only Han characters between, and the noun closing
    them, not itself a modifier before 的; ``None`` where there is none."""
    run = _HAN.match(text, at, at + _MODIFIER_REACH + _LONGEST_NOUN)
    if run is None:
        return None
    words = _people_nouns()
    for end in range(run.end(), at + 1, -1):
        for length in range(min(_LONGEST_NOUN, end - at - 1), 1, -1):
            noun = text[end - length : end]
            if (
                noun in words
                and end - length - at <= _MODIFIER_REACH
                and not text.startswith(_OF, end)  # 贫困家庭的劳动力: 家庭 modifies
            ):
                return words[noun]
    return None


_LONGEST_NOUN = 8
_OF = "的"
_CLAUSE_END = re.compile(r"[，,。；;、）)\n]|$")


def _noun_before(text: str, start: int, end: int) -> Unit | None:
    """The noun of people or households right before a number in tens of thousands that has
    no measure word and ends its clause (总人口1.8万，): the noun says what it counts."""
    if not _CLAUSE_END.match(text, end):
        return None
    words = _people_nouns()
    for length in range(min(_LONGEST_NOUN, start), 1, -1):
        if (noun := text[start - length : start]) in words:
            return words[noun]
    return None


@cache
def _people_nouns() -> dict[str, Unit]:
    """The nouns of ``units.tsv`` that count people or households (人口, 农户)."""
    return {
        word: unit
        for word, unit in units().items()
        if unit.role == "noun" and unit.notation in ("PERSON", "HOUSEHOLD")
    }


def _excluded(doc: Document, reading: _Reading, start: int) -> bool:
    """Whether context shows the reading is not a measured quantity (see the module doc)."""
    text = doc.text
    if _JOINED_BEFORE.search(text[max(0, reading.start - 2) : reading.start]):
        return True
    if _JOINED_AFTER.match(text[reading.end : reading.end + 2]):
        return True
    if reading.start and text[reading.start - 1].isascii() and text[reading.start - 1].isalpha():
        return True
    before = text[max(0, start - 6) : start].rstrip(" :：")
    if any(before.endswith(word) for word in number_context("metadata")):
        return True
    if context_words("determiner").longest_ending_at(text, start):
        return True
    if _ORDINAL_LIST.search(text, max(0, start - 12), start):
        return True  # 第十、十一批: the second ordinal of a list
    if any(
        word in text[max(0, start - _SESSION_REACH) : start] for word in number_context("session")
    ):
        return True  # 十三届八次全会, 十七届人大二次会议: a session's number
    measure_at = reading.classifier_span[0] if reading.classifier_span else reading.end
    if context_words("session_after").longest_at(text, measure_at) and _session_before(text, start):
        return True  # 十三届全国人大二次会议: the body named between 届 and the number
    if context_words("party").longest_ending_at(text, start):
        return True  # 考核组一行13人: the size of a visiting party
    if (
        reading.chinese
        and reading.unit is not None
        and reading.unit.word in number_context("phase_unit")
        and context_words("phase_of").longest_ending_at(text, start)
        and _HAN.match(text, reading.counted_end)
    ):
        return True  # 产业园二期开业: the project's phase, not a count of sessions
    if reading.unit is not None and reading.unit.word in number_context("rank_unit"):
        verb_end = start - 1 if text.endswith(_PARTICLES_BEFORE_QUALIFIER, 0, start) else start
        if context_words("rank_verb").longest_ending_at(text, verb_end):
            return True  # 排名上升3位, 上升了两位: a move in a ranking
    if text[start - 1 : start] == _AMONG_START and _rank_field(text, reading.counted_end):
        return True  # 在31个省份中，增速排名第八: the field a rank is among, no measured count
    people = reading.unit is not None and reading.unit.notation == "PERSON"
    if people and _counts_post_holders(text, reading.end):
        return True  # 两名县委书记拟任: people named by their posts, not a measured count
    if context_words("phrase_after").longest_at(text, measure_at):
        return True  # 三次产业, 报告共分三个部分, 从五个方面: a term or a count of a text's parts
    if context_words("metadata_after").longest_at(text, reading.end):
        return True  # 共有0条评论, 71次围观: page furniture
    counted = reading.unit is not None and reading.unit.notation == "COUNT"
    if counted and context_words("time_after").longest_at(text, reading.end):
        return True  # 3个月: a duration
    if (
        text[start - 1 : start] == _AWAY_FROM
        and reading.unit is not None
        and reading.unit.notation in _LENGTHS
        and context_words("away_after").longest_at(text, reading.end)
    ):
        return True  # 从20公里外运水: where a place lies, not a measured length
    if text[start - 1 : start] in _CLAUSE_OPENERS and _SET_OF.match(text, reading.counted_end):
        return True  # 8个贫困县中，甲县、乙县…: the set its members are picked from, told again
    if doc.is_masked(max(0, start - 1), min(len(text), reading.end + 1)):
        return True  # a number next to unreadable text may be cut short
    if in_quoted_name(text, start, reading.end):
        return True
    starts, ends, by_start = _boundaries(doc)
    if reading.start not in starts:
        return True
    if reading.counted_end not in ends and not _fused_with_noun(reading, by_start):
        return True
    if reading.chinese is not None:
        if _begins_place_name(text, reading):
            return True  # 九台区, 七台河市: a numeral that begins a division's name
        if context_words("numbered_term").longest_at(text, reading.start):
            return True  # 中央八项规定, 四类村庄: a set term's numeral, not a count
        if _names_hamlet(text, reading):
            return True  # 某村六米坡: a hamlet's name
        if reading.chinese == "一":
            return True  # 一个, 一次大考, 不漏一户: an article, not a count
        if reading.unit is not None and reading.unit.notation == "COUNT":
            following = by_start.get(reading.end)
            if NUMBER_RE.match(text, reading.end) or (
                following is not None and following.pos[:1] in {"a", "v", "d"}
            ):
                return True  # 五个一批, 三个全覆盖: a slogan
    return False


_AMONG_START = "在"
_AWAY_FROM = "从"
_CLAUSE_OPENERS = frozenset({"", "，", ",", "。", "；", ";", "！", "？", "!", "?", "\n", "：", ":"})
_SET_OF = re.compile(r"[^，,。；;！？!?\n]{0,8}?之?中[，,]")
"""After a count that opens its clause: 中 and a comma, the count names a set to pick from."""
_LENGTHS = frozenset({"KM", "M"})
"""Units of length, which 从…外 makes a distance away (a description), not a fact."""
_AMONG_END = re.compile(r"[^，,。；;！？!?]{0,16}?中[，,]?")
_RANK_REACH = 16
"""Characters after 在N个…中 within which a ranking word (排名, 位居) shows it is a rank's field."""


_PEER_KINDS = frozenset("省市州县区盟旗乡镇")
"""The kinds of division a rank's field counts (在31个省份中): the area's peers, which the
document does not measure; 在97家单位中 before a rank still counts the area's own units."""


def _rank_field(text: str, end: int) -> bool:
    """Whether 在N个省…中 ending after ``end`` (the count's measure word) is followed by a rank
    (排名第九, 位居前列)."""
    if text[end : end + 1] not in _PEER_KINDS:
        return False
    among = _AMONG_END.match(text, end)
    if among is None:
        return False
    after = text[among.end() : among.end() + _RANK_REACH]
    return any(word in after for word in _rank_words())


@cache
def _rank_words() -> tuple[str, ...]:
    return number_context("rank_word")


def _begins_place_name(text: str, reading: _Reading) -> bool:
    """Whether the gazetteer knows a division's name that begins at the numeral and runs past
    its measure word (九台区: 九, 台 and the district's 区): the numeral is the name's, not a
    count; a name no longer than the count (三台 of 三台电脑) leaves it one."""
    lengths = gazetteer.name_lengths_at(text, reading.start)
    return bool(lengths) and reading.start + lengths[0] > reading.counted_end


def _names_hamlet(text: str, reading: _Reading) -> bool:
    """Whether a Chinese numeral and its measure word, written right after a village, end in a
    settlement's last character (某村六米坡, 某村三家屯): a hamlet of the village named."""
    if text[reading.start - 1 : reading.start] != _VILLAGE:
        return False
    return text[reading.counted_end : reading.counted_end + 1] in _hamlet_suffixes()


@cache
def _hamlet_suffixes() -> frozenset[str]:
    return frozenset(number_context("hamlet_suffix"))


def _fused_with_noun(reading: _Reading, by_start: dict[int, Token]) -> bool:
    """Whether jieba fused the measure word with the first character of a noun of places it
    counts into a word of no meaning of its own (5个村的, 26个区贫旗县: 个村, 个区), unlike
    个人 "individual": the measure word stands.  Arabic numbers only: a Chinese numeral with a
    measure word and 村 may be a village's name (五家村)."""
    if reading.classifier_span is None or reading.unit is None or reading.chinese is not None:
        return False
    token = by_start.get(reading.classifier_span[0])
    if token is None or not token.word.startswith(reading.unit.word):
        return False
    rest = token.word[len(reading.unit.word) :]
    return rest[:1] in _fused_nouns()


@cache
def _fused_nouns() -> frozenset[str]:
    """First characters of nouns jieba may fuse with a measure word (``fused_noun`` rows)."""
    return frozenset(number_context("fused_noun"))


def _session_before(text: str, start: int) -> bool:
    """Whether a word of sessions (届) is written in the clause shortly before ``start``."""
    lead = text[max(0, start - _SESSION_CLAUSE_REACH) : start]
    lead = lead[max(lead.rfind(c) for c in _CLAUSE_PUNCTUATION) + 1 :]
    return any(word in lead for word in number_context("session"))


@cache
def _village_titles() -> frozenset[str]:
    """The titles of a village's posts (第一书记, 村党支部书记, 驻村工作队员): a count of these is
    the size of a programme's work force, a measurement."""
    return frozenset(
        title
        for title, body in titles().items()
        if _VILLAGE in title or (body or "").startswith(_VILLAGE)
    )


def _counts_post_holders(text: str, end: int) -> bool:
    """Whether the count of people ending at ``end`` names them by a post above a village's
    (两名县(市)委书记, 两名现任的县委书记, 3位副县长): people, not a measured quantity."""
    words, village = title_words(), _village_titles()
    tail = text[end : end + _POST_REACH]
    for at, char in enumerate(tail):
        if char in _CLAUSE_PUNCTUATION or char in _POST_BREAKS:
            return False
        title = words.longest_at(tail, at)
        if title is not None:
            return title not in village
    return False


def _pair(doc: Document, first: _Reading, start: int) -> tuple[_Reading, int] | None:
    """The later value of ``从A增加到B`` after ``first``, and where the pair starts."""
    text = doc.text
    lead_pattern, link = _pair_patterns()
    lead = lead_pattern.search(text[max(0, start - 12) : start])
    if lead is None:
        return None
    found = link.match(text, first.end)
    if found is None or found.end() == first.end:
        return None
    at = found.end()
    bound = qualifier_words("before").longest_at(text, at)
    if bound is not None:  # 从300多亩减少到不足20亩
        at += len(bound)
    number = NUMBER_RE.match(text, at)
    if number is None or number.group("percent") and first.unit is None:
        return None
    second = _read_number(text, number, bare=True)
    if second is None:
        return None
    if bound is not None and second.qualifier is Qualifier.EXACT:
        second = replace(second, qualifier=qualifiers()["before"][bound])
    if second.unit is not None and _unit_notation(second) != _unit_notation(first):
        return None
    return second, start - (lead.end() - lead.start())


def _level_pair(
    doc: Document, first: _Reading, start: int
) -> tuple[_Reading, _Reading, _Reading] | None:
    """A pair of levels in two units each (由2014年的11172户42730人降至2017年的1131户2614人):
    the first level's other number (42730人) and the later level's two (1131户, 2614人), whose
    baselines are the first level's numbers of the same unit, as in the one-unit pair.  Such
    levels are written in Arabic figures (a Chinese numeral's 户 and 人 are not side by side)."""
    text = doc.text
    if not text[first.end : first.end + 1].isdigit():
        return None  # most numbers: no second number right after the first
    lead_pattern, link = _pair_patterns()
    if lead_pattern.search(text[max(0, start - 12) : start]) is None:
        return None
    other = _exact_level_at(text, first.end)
    if other is None:
        return None
    found = link.match(text, other.end)
    if found is None or found.end() == other.end:
        return None
    later = _exact_level_at(text, found.end())
    later_other = _exact_level_at(text, later.end) if later is not None else None
    if later is None or later_other is None:
        return None
    units = [_unit_notation(r) for r in (first, other, later, later_other)]
    if units[0] == units[1] or units[0] != units[2] or units[1] != units[3]:
        return None
    return other, later, later_other


def _exact_level_at(text: str, at: int) -> _Reading | None:
    """The number with its unit that starts right at ``at``, where no bound is written on it."""
    number = NUMBER_RE.match(text, at)
    reading = _read_number(text, number) if number is not None else None
    if reading is None or reading.unit is None or reading.qualifier is not Qualifier.EXACT:
        return None
    return reading


@cache
def _pair_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What opens a pair before its first value (从, 由 and its time) and what links the first
    value to the second (预计增加到, 提高到今年的), built once from ``number_context.tsv``."""
    each = "|".join(re.escape(w) for w in number_context("pair_average"))
    verbs = "|".join(re.escape(v) for v in number_context("pair_verb"))
    hedges = "|".join(re.escape(v) for v in number_context("pair_hedge"))
    lead = re.compile(rf"[{''.join(_PAIR_START)}]{_PAIR_YEAR}(?:{each})?$")
    link = re.compile(rf"(?:{hedges})?了?(?:{verbs})?了?(?:到|至|为){_PAIR_YEAR}(?:{each})?")
    return lead, link


def _unit_notation(reading: _Reading) -> str | None:
    return reading.unit.notation if reading.unit else None


def extract(doc: Document) -> list[Quantity]:
    text = doc.text
    before = qualifiers()["before"]
    found: list[Quantity] = []
    # where the later level of a pair in two units has its second number, with the baseline
    # that number takes (2614人 of 由…11172户42730人降至…1131户2614人: 42730)
    later_baselines: dict[int, Decimal] = {}
    pos = 0
    while True:
        match = NUMBER_RE.search(text, pos)
        if match is None:
            break
        pos = match.end()
        reading = _read_number(text, match)
        if match.group("arabic") and (
            reading is None or (reading.unit is not None and reading.unit.word in _LIST_ITEM_UNITS)
        ):
            # 0.15、-5.64、1.34个百分点; 1.74个、3.22个、4.0个百分点: the unit written last
            reading = _listed_before_unit(text, match, reading)
        if reading is None:
            continue
        # 超过 4 万亿元: a space set around an Arabic number stands between it and its bound
        word_end = reading.start
        while word_end > reading.start - 2 and text[word_end - 1 : word_end] in _SPACE_CHARS:
            word_end -= 1
        qualifier_word = qualifier_words("before").longest_ending_at(text, word_end)
        start = reading.start
        qualifier = reading.qualifier
        if qualifier_word and _word_starts(doc, word_end - len(qualifier_word)):
            start = word_end - len(qualifier_word)
            if qualifier is Qualifier.EXACT or _RESTATED.get(qualifier) is before[qualifier_word]:
                # 突破10万元以上: the verb says it, 以上 only repeats it
                qualifier = before[qualifier_word]
        if _excluded(doc, reading, start):
            continue
        if qualifier_word is None and _negative(text, start):
            start -= 1  # 人口自然增长率为-1.28‰
            reading = replace(reading, value=-reading.value)
        assert reading.unit is not None
        end = reading.end
        baseline = None
        value = reading.value
        paired = _pair(doc, reading, start)
        if paired is not None:
            second, _ = paired
            if not _excluded_pair(doc, second):
                baseline, value, end = reading.value, second.value, second.end
                qualifier = second.qualifier
                pos = end
        elif start in later_baselines:
            baseline = later_baselines.pop(start)
        else:
            levels = _level_pair(doc, reading, start)
            if levels is not None and not _excluded_pair(doc, levels[2]):
                other, later, later_other = levels
                baseline, value, end = reading.value, later.value, later.end
                later_baselines[later_other.start] = other.value
                pos = end
        classifier = None
        if reading.unit.notation == "COUNT" and reading.classifier_span:
            classifier = doc.clean[reading.classifier_span[0] : reading.classifier_span[1]]
        found.append(
            Quantity(
                span=doc.span(start, end),
                value=value,
                unit=reading.unit.notation,
                classifier=classifier,
                qualifier=qualifier,
                baseline=baseline,
            )
        )
    return _decreases(doc, _shared_qualifiers(text, found))


_SPACE_CHARS = frozenset(" \u3000\u00a0")
"""The spaces :data:`_SPACES` matches, read one at a time back from a number."""
_LISTED = re.compile(rf"(?:个?[、和及与][\-−－]?{ARABIC})*个?[、和及与][\-−－]?(?={ARABIC})")
"""The rest of a list of Arabic numbers up to its last (…、3.22个、4.0个百分点)."""
_LIST_ITEM_UNITS = frozenset({"个"})
"""A measure word that, on each item of a list, may be the start of the unit written in full
only after the last (1.74个、3.22个、4.0个百分点)."""


def _listed_before_unit(
    text: str, match: re.Match[str], reading: _Reading | None
) -> _Reading | None:
    """A number listed before others with 、 or 和, reading the measure word written once after
    the last of them (三次产业分别拉动增长0.15、-5.64、1.34个百分点): that unit, where the last has
    no multiplier of its own; else ``reading`` as it was."""
    own_end = reading.classifier_span[1] if reading and reading.classifier_span else match.end()
    if reading is not None and reading.end != own_end:
        return reading  # a qualifier after the measure word: the list ends here
    rest = _LISTED.match(text, own_end)
    if rest is None:
        return reading
    last = NUMBER_RE.match(text, rest.end())
    if last is None or not last.group("arabic"):
        return reading
    final = _read_number(text, last)
    if (
        final is None
        or final.unit is None
        or final.unit.role != "measure"
        or final.classifier_span is None
        or final.classifier_span[0] != last.end()
    ):
        return reading  # no measure word, or a multiplier (3、5万元) of the last alone
    if reading is not None and (
        reading.unit is None
        or final.unit.word == reading.unit.word
        or not final.unit.word.startswith(reading.unit.word)
    ):
        return reading
    value = parse_number(match.group("arabic"))
    if value is None:
        return reading
    return _Reading(
        match.start(),
        own_end,
        tidy(value * final.unit.factor),
        final.unit,
        reading.classifier_span if reading else None,
        Qualifier.EXACT,
        None,
    )


_MINUS_SIGNS = frozenset("-−－")
_PARTICLES_BEFORE_QUALIFIER = ("了",)
"""Particles jieba joins to a qualifier that follows them (增加了近1300亿元: 了近)."""


def _word_starts(doc: Document, at: int) -> bool:
    """Whether a word starts at ``at``, or a particle such as 了 fused with it into one token."""
    starts = _boundaries(doc)[0]
    if at in starts:
        return True
    return any(
        doc.text.startswith(particle, at - len(particle)) and at - len(particle) in starts
        for particle in _PARTICLES_BEFORE_QUALIFIER
    )


def _negative(text: str, start: int) -> bool:
    """Whether a minus sign is written right before the number at ``start`` (增长率为-1.28‰),
    not a dash joining it to an earlier number (2018-2020) nor a bullet opening a line."""
    if start < 2 or text[start - 1] not in _MINUS_SIGNS:
        return False
    before = text[start - 2]
    return before != "\n" and not before.isdigit() and not (before.isascii() and before.isalpha())


_LIST_JOINERS = frozenset("、和及与")


def _shared_qualifiers(text: str, found: list[Quantity]) -> list[Quantity]:
    """Values of one unit listed with only 、 or 和 between them share the qualifier written
    before the first or after the last, as the sentence reads (分别突破5万亿、4万亿和3万亿元:
    all more than; 分别增长8.5%和9%左右: all about)."""
    out = list(found)
    run: list[int] = []
    for index in range(len(out) + 1):
        joined = (
            index < len(out)
            and run
            and out[index].unit == out[run[-1]].unit
            and out[index].baseline is None
            and 0 < len(between := text[out[run[-1]].span.end : out[index].span.start]) <= 1
            and between in _LIST_JOINERS
        )
        if joined:
            run.append(index)
            continue
        if len(run) > 1:
            first, last = out[run[0]], out[run[-1]]
            first_text = text[first.span.start : first.span.end]
            last_text = text[last.span.start : last.span.end]
            if qualifier_words("before").longest_at(first_text, 0):
                shared = first.qualifier  # written before the first value
            elif last_text.endswith(tuple(qualifiers()["after"])):
                shared = last.qualifier
            else:
                shared = None
            if shared is not None and all(
                out[i].qualifier in (Qualifier.EXACT, shared) for i in run
            ):
                for i in run:
                    out[i] = replace(out[i], qualifier=shared)
        run = [index] if index < len(out) and out[index].baseline is None else []
    return out


_DECREASE_LINKS = ("了", "分别", "了分别")
"""Words between a verb of falling and its rate (下降了3%, 分别下降3.1%、2.5%)."""
_REVERSED = {
    Qualifier.AT_LEAST: Qualifier.AT_MOST,  # 下降3%以上: a change of -3 or less
    Qualifier.MORE_THAN: Qualifier.AT_MOST,  # 下降3%多: less than -3, the nearest bound kept
    Qualifier.AT_MOST: Qualifier.AT_LEAST,  # 下降3%以内: a change of -3 or more
}


def _falls_before(doc: Document, at: int) -> bool:
    """Whether a verb of falling (下降, 回落) is written right before ``at``, with at most 了 or
    分别 between."""
    text = doc.text
    for link in ("", *_DECREASE_LINKS):
        if link and not text.startswith(link, at - len(link)):
            continue
        end = at - len(link)
        word = context_words("decrease").longest_ending_at(text, end)
        # jieba fuses a verb with its subject (价格下降); a single 降 or 减 must be a word
        if word is not None and (len(word) > 1 or end - len(word) in _boundaries(doc)[0]):
            return True
    return False


def _decreases(doc: Document, found: list[Quantity]) -> list[Quantity]:
    """Rates of change stated as a fall (比上年下降11.6%, 回落2个百分点, 分别下降3.1%、2.5%: each
    value of the list) marked ``falls``."""
    rates = set(number_context("rate_unit"))
    out = list(found)
    falling = False
    previous: Quantity | None = None
    for index, quantity in enumerate(out):
        listed = (
            previous is not None
            and previous.unit == quantity.unit
            and doc.text[previous.span.end : quantity.span.start] in _LIST_JOINERS
        )
        if not listed:
            falling = quantity.unit in rates and _falls_before(doc, quantity.span.start)
        previous = quantity
        if falling and quantity.value > 0 and quantity.baseline is None:
            out[index] = replace(quantity, falls=True)
    return out


def as_change(quantity: Quantity) -> Quantity:
    """A quantity that ``falls`` as the change it states: negative, so that a fall compares
    below a rise, its bound turned round with the sign (下降3%以上: at most -3)."""
    if not quantity.falls:
        return quantity
    return replace(
        quantity,
        value=-quantity.value,
        qualifier=_REVERSED.get(quantity.qualifier, quantity.qualifier),
        falls=False,
    )


def _excluded_pair(doc: Document, second: _Reading) -> bool:
    return doc.is_masked(second.start, second.end)
