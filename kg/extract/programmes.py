"""Named programmes: policies, projects, campaigns and plans.

Five shapes of the genre, read sentence by sentence from ``doc.text``:

1. ``《…》`` ending in a programme or policy-document suffix: 《…三年行动计划(2018—2020)》;
   the span is the title without the marks.
2. a quoted name followed by a suffix, ``“六个一百”工程``: the span covers the quote marks and
   the suffix (the marks are part of the name as written); the key drops them (六个一百工程).
   A quoted name that itself ends in a suffix (“七步工作法”) spans the name without the marks.
   Quoted names a count sums up share the strong suffix after it: 「甲」「乙」两大工程 names
   甲工程 and 乙工程, each spanning its quote.
   Quotes followed by 的/要求/标准/目标 … (“四不摘”要求) and quotations after 强调/指出 are
   requirements, standards and slogans, not programmes.  Without a suffix, a quoted name is one
   when a verb such as 推进 governs it and either a word such as 建设 follows (推进“四好农村路”
   建设) or it counts the items listed right before it (推进A、B、C“三个全覆盖”).
3. a noun phrase ending in a strong suffix (工程, 项目, 走廊, 示范区 …; ``programme_suffixes``),
   read back from the suffix until a verb that governs it, a number or punctuation:
   ``实施|易地扶贫搬迁工程``.  Counted ones (100个光伏提水项目) and generic ones (一期工程) are
   not programmes; a two-character one only when it names places, or two provinces by their
   abbreviations (闽宁协作, 沪滇协作: ``province_abbreviations.tsv``).
   Words jieba keeps whole with a suffix end a name too (村庄整治|建设工程); a quoted campaign
   right after the name belongs to it (村庄整治建设工程“百日会战”).  Evaluations made of
   generic words (重大政治工程, 民心工程) and fields of work (产业发展项目) name nothing.  Parks
   and zones (…产业园, …工业园区) are programmes only when their name carries the level that
   designated them or the cooperation that built them (富硒大米省级现代农业产业园).
4. a campaign named without a suffix (农村人居环境整治) or a model (乡村振兴齐鲁样板) right after
   a verb such as 推进, 打造, or as an item of the list it begins (推进道路硬化、农村危房改造).
5. names of national programmes (四好农村路, 万企兴万村; ``programme_names.txt``) wherever they
   stand.

A quoted name followed by a field of work and a suffix only (“千企帮千村”精准扶贫行动) is keyed
by the quote.

Documents in 《》 are programmes when the article's own body adopts or issues them (the gold's
usage), not when a clause opened by 根据/按照 cites them as authority, when they are an opinion,
decision or notice on one matter (关于…的意见, 关于…的决定; not …的实施意见), when their matter is
a programme of its own (关于…提升工程的实施意见: that programme is read instead) or the plan of an
assessment (…验收工作方案).  A place and a field of work (某州光伏扶贫项目) and a verb of handling
projects before 项目 (…办公室商量项目) name nothing.

Keys: the simplified name without quote marks and without a parenthesised period
(``(2018—2020)``), which stays in the span.  Area: a division named in the span, else the
nearest one named before it in the sentence, else the document's jurisdiction (none after
融入/对接: another body's programme).  ``part_of``: 通过 P1, 打造 P2 -> P1 is part of P2;
P1, 一期工程将建设 P2 -> P2 is part of P1.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from kg.extract.facts import Division, Level, PlaceMention, Programme
from kg.extract.numbers import parse_chinese
from kg.extract.quantities import NUMBER_RE, units
from kg.resources import read_lines, read_table, read_words
from kg.text.document import Document, Span
from kg.text.segment import Token, tokenize

_PERIOD = re.compile(r"[(（]\s*\d{4}\s*(?:[—\-–~～至到]+\s*\d{4})?\s*(?:年)?\s*[)）]\s*$")
_QUOTE_MARKS = "“”‘’\"'「」『』"
_INNER_OK = re.compile(r"[\u4e00-\u9fff0-9A-Za-z+＋·、]+")
_QUOTE = re.compile(r"[“\"「]([^“”\"「」\n]{1,24})[”\"」]")
_TITLED = re.compile(r"[\u4e00-\u9fff]{2,8}——[\u4e00-\u9fff]{2,14}")
"""A quoted name under a motto, the two joined by a double dash."""
_NAMED_SPAN = re.compile(r"[一二两三四五六七八九十百千]+[年大]")
_COUNTED_UNITS = re.compile(r"[百千万][户村企家人]")
"""三年, 十大: a numeral that is part of a name when it stands right before the suffix."""
_ENUMERATED = re.compile(r"([一二两三四五六七八九十]+)[个大项条类][\u4e00-\u9fff]{2,}")
"""三个全覆盖, 六大提升: a name that counts what it is made of."""
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
"""6, 2.0: a number written in digits, read as one token."""
_DATE_WORDS = tuple("年月日号期")
_NUMERALS = "一二两三四五六七八九十百千万双"
_NUMBERED_PARTS = re.compile(rf"(?:[{_NUMERALS}][^\W\d{_NUMERALS}个]{{1,3}}){{2,4}}")
"""一联四包, 三比一提升, 双包双推十覆盖十提升: a coined name of numbered parts, each a numeral
and a word or two (not 三个…, a count)."""
_MONTH_DAY = re.compile(r"(?:[1-9]|1[0-2])(?:[1-9]|[12]\d|3[01])")
"""618, 1111: a date written as digits, the name of a shopping festival."""
_DOTTED_DATE = re.compile(r"(?:[1-9]|1[0-2])[·.．](?:0?[1-9]|[12]\d|3[01])")
"""11·17, 8·04: a month and day joined by a dot, the date of an event (an outbreak, a flood)."""
_YEAR_NAMED = re.compile(r"([\u4e00-\u9fff]{2,8}?)(20[1-9]\d)(?![\d年届])")
"""中国制造2025: a name ending in the year it aims at (no 年 after the digits)."""
_ABBREVIATED = re.compile(r"\s*[(（]\s*(?:以下|下文)?简称")
"""…改革(以下简称两项改革): a name the text goes on to call by a short one."""
_QUOTES_COUNTED = re.compile(
    r"((?:[“\"「][\u4e00-\u9fff]{2,8}[”\"」]、?){2,6})([两二三四五六七八九十])[大个项]"
)
"""「甲」「乙」「丙」三大…: quoted names a count sums up, a suffix after it shared by all."""
_ABBREVIATION_NOTE = re.compile(r"(?:以下|下文)?简称")
"""(以下简称示范区): the short name a note gives the name before it, no programme of its own."""
_QUOTED_CAMPAIGN = re.compile(r"[“\"「]([^“”\"「」\n]{2,8})[”\"」](?=[，,。；;、\s])")
"""“百日会战” right after a programme's name, the clause going on after it: its campaign."""
_DASH = re.compile(r"[—－–-]{1,2}")
_NP_POS = ("n", "v", "j", "b", "s", "f", "l", "a", "g", "i", "z")
"""Part-of-speech tags that may make up a programme name (nouns, verbs, abbreviations …)."""
_STOP_POS = ("m", "q", "x", "uj", "ul", "u", "p", "c", "r", "d", "ad", "t", "y", "e", "o")


@cache
def _sections(name: str) -> dict[str, frozenset[str]]:
    """Words of a data file split by ``[section]`` header lines."""
    out: dict[str, set[str]] = {}
    current = ""
    for line in read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        out.setdefault(current, set()).update(line.split())
    return {k: frozenset(v) for k, v in out.items()}


def _words(name: str, section: str) -> frozenset[str]:
    return _sections(name).get(section, frozenset())


def _alternatives(name: str, section: str) -> str:
    """The words of a section as a regex alternation, sorted so the pattern is deterministic."""
    return "|".join(map(re.escape, sorted(_words(name, section))))


@cache
def _suffixes() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("programme_suffixes.txt")}


@cache
def _longest_suffix() -> int:
    return max(map(len, _suffixes()))


def _strong_suffix_at(text: str, at: int) -> str | None:
    """The longest strong suffix of two characters or more written at ``text[at:]``, after a
    quoted name (“X”|工程)."""
    suffixes = _suffixes()
    for n in range(_longest_suffix(), 1, -1):
        if suffixes.get(text[at : at + n]) == "strong":
            return text[at : at + n]
    return None


def _suffix_of(name: str, kinds: tuple[str, ...]) -> str | None:
    """The longest suffix of ``name`` of one of ``kinds``."""
    suffixes = _suffixes()
    for n in range(min(len(name), _longest_suffix()), 0, -1):
        if suffixes.get(name[-n:]) in kinds:
            return name[-n:]
    return None


@cache
def _unit_pairs() -> re.Pattern[str]:
    """Three or four pairs of a one-character verb and a unit it goes to (驻镇帮镇扶村)."""
    units = "".join(sorted(_words("programme_verbs.txt", "units")))
    return re.compile(rf"(?:[\u4e00-\u9fff][{units}]){{3,4}}")


@cache
def _one_verb(char: str) -> bool:
    """Whether jieba reads ``char`` alone as a verb (驻, 帮, 扶; not 各, 全, 一)."""
    return tokenize(char)[0].pos == "v"


@cache
def _province_abbreviations() -> frozenset[str]:
    return frozenset(a for row in read_table("province_abbreviations.tsv") for a in row[1].split())


def _province_pair(core: str) -> bool:
    """闽宁, 沪滇, 苏陕: two provinces' abbreviations, the partners of a 协作 between them."""
    return len(core) == 2 and all(c in _province_abbreviations() for c in core)


@cache
def _cooperation_suffixes() -> list[str]:
    """Suffixes of a cooperation between two partners (kind ``pair``, or ending in 协作),
    longest first."""
    pairs = (s for s, kind in _suffixes().items() if kind == "pair" or s.endswith("协作"))
    return sorted(pairs, key=len, reverse=True)


@cache
def _pair_pattern() -> re.Pattern[str]:
    """Two provinces' abbreviations, an optional 两省(区/市), and a suffix of a cooperation
    between them: 京蒙对口帮扶, 粤桂两省区扶贫协作."""
    abbreviations = "".join(sorted(_province_abbreviations()))
    suffixes = _cooperation_suffixes()
    return re.compile(
        rf"([{abbreviations}])([{abbreviations}])(?:两(?:省区?|省市|市|地))?"
        rf"([\u4e00-\u9fff]{{2,4}}?)??({'|'.join(map(re.escape, suffixes))})"
    )


@cache
def _dashed_tail() -> re.Pattern[str]:
    """What follows two partners joined by a dash: a year of the work, left out of the name,
    then words of the name and a suffix of a cooperation (2020年度|东西部|扶贫协作)."""
    suffixes = _cooperation_suffixes()
    return re.compile(
        rf"(?:\s*\d{{4}}\s*年度?)?([\u4e00-\u9fff]{{2,4}}?)??({'|'.join(map(re.escape, suffixes))})"
    )


@cache
def _summed_pattern() -> re.Pattern[str]:
    """A count and a noun that sums up the list before it (三大载体, 两个抓手)."""
    heads = _alternatives("programme_verbs.txt", "summed")
    return re.compile(rf"([两二三四五六七八九十])[大个项]?(?:{heads})")


@cache
def _vehicle_pattern() -> re.Pattern[str]:
    """What 以 governs up to 为 and a noun that makes it the vehicle of the work, an adjective
    of two characters at most between them (以甲计划、乙活动和丙为重要载体)."""
    heads = "|".join(map(re.escape, sorted(_words("programme_verbs.txt", "summed"))))
    return re.compile(
        rf"([^，,；;。：:！!？?“”\"「」]{{2,60}}?)为[\u4e00-\u9fff]{{0,2}}?(?:{heads})"
    )


@cache
def _endings(section: str) -> tuple[str, ...]:
    """The words of a section of ``programme_verbs.txt`` as a tuple, for ``str.endswith``."""
    return tuple(sorted(_words("programme_verbs.txt", section)))


@cache
def _ends_names() -> tuple[str, ...]:
    """Endings of words that end a name read back from its suffix: trigger verbs, [stop] and
    [lead] words, as a tuple for ``str.endswith``."""
    sections = ("trigger", "stop", "lead")
    return tuple(sorted(set().union(*(_words("programme_verbs.txt", s) for s in sections))))


@cache
def _compound_suffix(word: str) -> str | None:
    """The strong suffix ending a word jieba keeps whole (建设工程, 扶贫项目) whose first part is
    a verb of the work (``programme_verbs.txt`` [compound]): 村庄整治|建设工程 ends in 工程;
    重点项目 does not (脱贫攻坚重点项目: key projects, no name)."""
    suffix = _suffix_of(word, ("strong",))
    if suffix is None or suffix == word:
        return None
    return suffix if word[: -len(suffix)] in _words("programme_verbs.txt", "compound") else None


# the years a plan runs, written before its suffix in one word jieba keeps whole (三年|计划)
_YEARS_RUN = re.compile(r"[一二两三四五六七八九十]+年")


@cache
def _years_suffix(word: str) -> str | None:
    """The suffix ending a word jieba keeps whole with the years the plan runs (三年计划,
    五年行动): the years are a word of the name (…提质改造三年计划)."""
    suffix = _suffix_of(word, ("strong", "weak"))
    if suffix is None or suffix == word or not _YEARS_RUN.fullmatch(word[: -len(suffix)]):
        return None
    return suffix


@cache
def _ends_in_verb(word: str) -> bool:
    """Whether a noun of four characters jieba keeps whole ends in a verb of two (实地|考察):
    the manner and the act, a verb phrase jieba's dictionary files as a noun."""
    if len(word) != 4:
        return False
    tail = tokenize(word[2:])
    return len(tail) == 1 and tail[0].pos == "v"


@cache
def _opens_with_verb(idiom: str) -> bool:
    """Whether an idiom begins with a verb (落到|实处): it is a predicate, not a noun."""
    return tokenize(idiom[:2])[0].pos == "v"


@cache
def _cited() -> tuple[str, ...]:
    """What follows a document's title cited as the authority of the work (…》的要求)."""
    return tuple(sorted(_words("not_programmes.txt", "cited"), key=len, reverse=True))


@cache
def _cited_as_time() -> tuple[str, ...]:
    """What follows a title cited to date a year by a plan (…》的收官之年): ``not_programmes.txt``
    [timeline]."""
    return tuple(sorted(_words("not_programmes.txt", "timeline"), key=len, reverse=True))


@cache
def _question_words() -> tuple[str, ...]:
    """Words that open a question (如何, 怎样): ``not_programmes.txt`` [question]."""
    return tuple(sorted(_words("not_programmes.txt", "question")))


@cache
def _designations() -> tuple[str, ...]:
    return read_words("programme_designations.txt")


@cache
def _national_names() -> re.Pattern[str]:
    """The names of ``programme_names.txt``, longest first."""
    names = sorted(read_lines("programme_names.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@cache
def _sized() -> re.Pattern[str]:
    """A size in units of land area (百亩, 2000亩): ``not_programmes.txt`` [sized]."""
    return re.compile(rf"[\d{_NUMERALS}.]+(?:{_alternatives('not_programmes.txt', 'sized')})")


@cache
def _counted_rules() -> re.Pattern[str]:
    """A title counting the rules it sets (四项管理制度, 十条规定): [rules] after a count."""
    endings = _alternatives("not_programmes.txt", "rules")
    return re.compile(rf"[\d{_NUMERALS}]+[项条][\u4e00-\u9fff]{{0,4}}(?:{endings})$")


def _sized_plot(name: str) -> bool:
    """Whether ``name`` is a demonstration plot named by its size (百亩…示范区): a [plot]
    ending and a [sized] area in it."""
    return name.endswith(tuple(_words("not_programmes.txt", "plot"))) and bool(
        _sized().search(name)
    )


def _enterprise_project(core: str, suffix: str) -> bool:
    """Whether a project's name before 项目 ends in one firm's or one business's word
    (…奶酪工厂项目, …猫砂产业项目): an investment, not a programme."""
    return suffix == "项目" and core.endswith(tuple(_words("not_programmes.txt", "enterprise")))


def _strip_words(text: str, words: frozenset[str]) -> tuple[str, int]:
    """``text`` with the words of ``words`` it opens with cut off, longest first, and how many
    were cut."""
    cut = 0
    while text:
        word = next((text[:n] for n in range(min(len(text), 6), 0, -1) if text[:n] in words), None)
        if word is None:
            break
        text, cut = text[len(word) :], cut + 1
    return text, cut


def _field_of_work(core: str) -> bool:
    """Whether ``core`` names a field of work and what is done in it only (医疗救助, 农田水利|
    治理): a kind of work, no name (``not_programmes.txt`` [field], [work])."""
    rest, fields = _strip_words(core, _words("not_programmes.txt", "field"))
    rest, _ = _strip_words(rest, _words("not_programmes.txt", "work"))
    return fields > 0 and not rest


def _work_only(inner: str, described: str) -> bool:
    """Whether a quote of [work] words only (“复垦”, “改造”) is followed by a bare suffix: a kind
    of work, no name (``not_programmes.txt`` [work])."""
    rest, _ = _strip_words(inner, _words("not_programmes.txt", "work"))
    return not rest and described in _suffixes()


def _funding_route(words: str) -> bool:
    """Whether ``words`` end in a funding route (…财政奖补, 以奖代补): what pays for a project,
    no name of a programme (``not_programmes.txt`` [funding])."""
    return words.endswith(tuple(_words("not_programmes.txt", "funding")))


def _reach(name: str) -> bool:
    """Whether ``name`` is an area of reach (贵阳1小时经济圈, 半小时生活圈), no programme."""
    return any(w in name for w in _words("not_programmes.txt", "span"))


def _meeting_business(title: str) -> bool:
    """Whether ``title``, ending in a document's suffix, names a document of a meeting's own
    business (``not_programmes.txt`` [document]): …整改落实方案, …组建方案, “回头看”反馈意见."""
    suffix = _suffix_of(title, ("book",))
    if suffix is None:
        return False
    fillers = tuple(_words("not_programmes.txt", "document_filler"))
    business = tuple(_words("not_programmes.txt", "document"))
    for purpose in title[: -len(suffix)].split("暨"):  # …验收|暨|…动态管理工作方案: either
        while purpose.endswith(fillers):  # 整改|落实|方案, 整改|工作|方案
            purpose = purpose[: -len(next(f for f in fillers if purpose.endswith(f)))]
        if purpose.endswith(business):
            return True
    return False


def _decree(title: str) -> bool:
    """Whether ``title`` is an opinion, a decision or a notice on one matter: 关于…的 and a
    word of ``not_programmes.txt`` [decree] right after 的 (关于…的意见; not …的实施意见)."""
    at = title.rfind("的")
    return "关于" in title[:at] and title[at + 1 :] in _words("not_programmes.txt", "decree")


def key_of(name: str) -> str:
    """The normalised key of a programme name: no quote marks, spaces or trailing period."""
    name = _PERIOD.sub("", name)
    return "".join(c for c in name if c not in _QUOTE_MARKS and not c.isspace())


@dataclass
class _Found:
    start: int
    end: int
    name: str
    strength: str
    """``book``, ``quoted``, ``phrase`` or ``campaign``."""
    part_of: str | None = None


class _Reader:
    def __init__(
        self, doc: Document, places: list[PlaceMention], jurisdiction: Division | None
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.places = sorted(places, key=lambda p: p.span.start)
        self.place_at = {p.span.start: p for p in self.places}
        self.place_starts = [p.span.start for p in self.places]
        self.jurisdiction = jurisdiction
        self.tokens: list[Token] = []
        self.by_start: dict[int, int] = {}
        self.by_end: dict[int, int] = {}

    def _load(self, start: int, end: int) -> None:
        self.tokens = tokenize(self.text, start, end)
        self.by_start = {t.start: i for i, t in enumerate(self.tokens)}
        self.by_end = {t.end: i for i, t in enumerate(self.tokens)}

    def _names_place(self, start: int, end: int) -> bool:
        return any(start <= p.span.start and p.span.end <= end for p in self.places)

    def _only_place(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is one place's name and nothing more (广西, 我县 aside)."""
        return any(p.span.start == start and p.span.end == end for p in self.places)

    def _village_only(self, start: int, end: int) -> bool:
        """Whether the name ``[start, end)`` names one village and no other place: a village
        of the gazetteer, or a name opening with a village's own name the gazetteer lacks
        (某某|村, 桃源|坪村: two to four characters before a 村 that is a word of its own or
        ends a proper noun, not 乡村 or 农村; whatever jieba reads in them)."""
        index = self.by_start.get(start)
        village_end = start
        if index is not None:
            for i in range(index, min(index + 4, len(self.tokens))):
                tok = self.tokens[i]
                if tok.word == "村" or tok.word.endswith("村") and tok.pos in ("ns", "nr", "nz"):
                    named = self.text[start : tok.end - 1]
                    numeral = i > 0 and self.tokens[i - 1].pos[:1] in ("m", "q")
                    if 2 <= len(named) <= 4 and not numeral:
                        village_end = tok.end
                    break
        inside = [p for p in self.places if start <= p.span.start and p.span.end <= end]
        others = [p for p in inside if p.division.level != Level.VILLAGE]
        if village_end > start:
            return all(p.span.end <= village_end for p in others)
        return bool(inside) and not others

    def _generic(self, core: str, evaluative: bool = False) -> bool:
        """Whether ``core`` is made of generic words only (一期, 重点, 产业发展); with
        ``evaluative``, also of words that rate the work (重大政治工程, 民心工程)."""
        generic = _words("not_programmes.txt", "generic")
        if evaluative:
            generic = generic | _words("not_programmes.txt", "evaluative")
        rest = core
        while rest:
            for n in range(min(len(rest), 6), 0, -1):
                if rest[:n] in generic:
                    rest = rest[n:]
                    break
            else:
                return False
        return True

    def _after_scope(self, start: int, end: int) -> int:
        """Where a name of a national programme begins once a word of the nation's scope or
        one place's name before it is cut off (国家|东西部扶贫协作, 重庆市|东西部扶贫协作: the
        place's share of it, the place its area); ``start`` for any other name."""
        index = self.by_start.get(start)
        if index is None:
            return start
        cut = next((p.span.end for p in self.places if p.span.start == start), None)
        if self.tokens[index].word in _words("programme_verbs.txt", "scope"):
            cut = self.tokens[index].end
        if cut is None:
            return start
        rest = self.text[cut:end]
        known = rest in _words("programme_verbs.txt", "campaign") or bool(
            _national_names().fullmatch(rest)
        )
        return cut if known else start

    def _outside_places(self, start: int, end: int) -> list[str] | None:
        """The pieces of ``[start, end)`` between the places named in it, or None when it names
        none."""
        rest, at = [], start
        for p in self.places:
            if start <= p.span.start and p.span.end <= end:
                rest.append(self.text[at : p.span.start])
                at = p.span.end
        if at == start:
            return None
        rest.append(self.text[at:end])
        return rest

    def _place_and_generic(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is places' names and generic words only (白山市|重点协作):
        the projects of a kind a place has, not a name."""
        rest = self._outside_places(start, end)
        return rest is not None and all(self._generic(part) for part in rest)

    def _place_and_field(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is places' names and a field of work only (某州|光伏扶贫):
        the projects of a kind a place has, not a name."""
        rest = self._outside_places(start, end)
        return rest is not None and _field_of_work("".join(rest))

    def _follows_ok(self, end: int, limit: int) -> bool:
        """Whether the phrase may end at ``end``: not continued by another noun (战略任务)."""
        index = self.by_start.get(end)
        if end >= limit or index is None:
            return True
        tok = self.tokens[index]
        if tok.word in _words("programme_verbs.txt", "follow"):
            return True
        if len(tok.word) == 1 and tok.pos.startswith(("z", "n")):
            return False  # 改革|村, 发展改革|委: the suffix is part of a longer word
        if tok.pos in ("l", "i") and (self._clause_verb(tok) or _opens_with_verb(tok.word)):
            return True  # …行动|落到实处: an idiom that is the clause's verb
        return not (tok.pos.startswith("n") or tok.pos in ("vn", "j", "b", "l"))

    def _phrase_start(self, suffix_start: int, floor: int) -> int:
        """Where the noun phrase ending in the suffix starting at ``suffix_start`` begins."""
        triggers = _ends_names()
        index = self.by_end.get(suffix_start)
        start = suffix_start
        while index is not None and index >= 0:
            tok = self.tokens[index]
            if tok.start >= floor and self._numeral_in_name(index, suffix_start):
                start = tok.start  # 三年行动, 千村示范万村整治工程: the numeral is part of it
                index -= 1
                continue
            if tok.start >= floor and self._number_in_name(index):
                start = tok.start  # 中部6市县农民增收计划, 产业扶贫2.0版提升工程
                index -= 1
                continue
            if tok.start >= floor and self._joins_trigger(index):
                start = tok.start  # 实施和美…行动: no list opens right after a verb
                break
            named_work = tok.end == suffix_start and tok.pos == "vn"  # 侗寨|建设|行动
            if tok.start >= floor and self._misread_measure(index):
                start = tok.start  # 丝苗|米|…产业园: a noun jieba reads as a measure word
                index -= 1
                continue
            if (
                tok.start < floor
                or (tok.word.endswith(triggers) and not named_work and not self._modifies(index))
                or self._split_trigger(index)
                or tok.pos.startswith(_STOP_POS)
                or tok.word in _words("not_programmes.txt", "filler")
            ):
                break  # …等方面|加强协作: a filler noun closes the list before it
            if not tok.pos.startswith(_NP_POS) or tok.pos == "nr" and len(tok.word) == 1:
                break
            start = tok.start
            index -= 1
        return start

    def _modifies(self, index: int) -> bool:
        """Whether the adverb at ``index`` (``programme_verbs.txt`` [adverb]) stands right before
        a noun, a word of the name then (全面|小康计划), not the verb's (全面|实施)."""
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return (
            self.tokens[index].word in _words("programme_verbs.txt", "adverb")
            and following is not None
            and following.pos.startswith("n")
        )

    def _split_trigger(self, index: int) -> bool:
        """Whether the one-character token at ``index`` ends a trigger verb jieba split in two
        (打|好东西部扶贫协作: 打好 governs the name, 好 is no word of it), or is the complement
        of the trigger before it (落实|好|产业革命: ``programme_verbs.txt`` [complement])."""
        tok = self.tokens[index]
        if len(tok.word) != 1 or index == 0:
            return False
        before = self.tokens[index - 1].word
        triggers = _words("programme_verbs.txt", "trigger")
        if before + tok.word in triggers:
            return True
        complement = tok.word in _words("programme_verbs.txt", "complement")
        return complement and before.endswith(tuple(triggers))

    def _misread_measure(self, index: int) -> bool:
        """Whether the one-character measure word at ``index`` is a noun misread: it follows a
        noun, not a number (丝苗|米, not 3|米)."""
        tok = self.tokens[index]
        if tok.pos != "q" or len(tok.word) != 1 or index == 0:
            return False
        if tok.word in _words("not_programmes.txt", "classifier"):
            return False  # 工业类项目: a kind of projects, the measure word is one
        return self.tokens[index - 1].pos.startswith(("n", "b"))

    def _joins_trigger(self, index: int) -> bool:
        """Whether the token at ``index`` is a one-character conjunction right after a trigger
        verb (实施|和|美…): it cannot join two names there, so it begins the name."""
        tok = self.tokens[index]
        if index == 0 or tok.pos != "c" or len(tok.word) != 1:
            return False
        before = self.tokens[index - 1]
        # a trigger jieba reads as a verbal noun (道路建设|或|硬化项目) ends a phrase the
        # conjunction goes on; 全面实施|和|美 (tagged a noun all the same) governs the name
        return before.pos != "vn" and before.word.endswith(
            tuple(_words("programme_verbs.txt", "trigger"))
        )

    def _number_in_name(self, index: int) -> bool:
        """Whether the number in digits at ``index`` stands inside a name, between two of its
        words: a word of the name before it and a noun right after it (中部|6|市县, 产业扶贫|
        2.0|版), not a count's measure word (100|个) nor a verb that governs the name before it
        (建成|5|村)."""
        tok = self.tokens[index]
        if index == 0 or index + 1 >= len(self.tokens) or not _DIGITS.fullmatch(tok.word):
            return False
        before, after = self.tokens[index - 1], self.tokens[index + 1]
        return (
            after.start == tok.end
            and not after.word.startswith(_DATE_WORDS)  # 2017|年度: the year of the work
            and before.end == tok.start
            and after.pos.startswith("n")
            and before.pos.startswith(_NP_POS)
            and not before.word.endswith(_ends_names())
        )

    def _numeral_in_name(self, index: int, suffix_start: int) -> bool:
        """Whether the numeral token at ``index`` belongs to the name: a span of years or a
        count of kinds right before the suffix (三年行动, 十大工程), or 百/千/万 before a noun
        (千村示范万村整治工程, 万企帮万村)."""
        tok = self.tokens[index]
        if tok.end == suffix_start:  # jieba tags 三年 a numeral, 五年 a time word
            return tok.pos[:1] in ("m", "t") and bool(_NAMED_SPAN.fullmatch(tok.word))
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if tok.pos.startswith("m") and _COUNTED_UNITS.fullmatch(tok.word):
            return True  # 万户增收计划, 千村示范: 万户 as jieba reads it, no number before it
        return (
            tok.pos.startswith("m")
            and tok.word in ("百", "千", "万")
            and following is not None
            and following.pos[:1] == "n"
        )

    def _clause_verb(self, tok: Token) -> bool:
        """A verb that makes a clause, not part of a name: a verb of two characters or more,
        or an idiom ending in one (高度重视, 紧紧抓住)."""
        if tok.pos == "v":
            return len(tok.word) >= 2
        return tok.pos in ("l", "i") and tokenize(tok.word[-2:])[-1].pos == "v"

    def _after_clause_verbs(self, start: int, suffix_start: int) -> int:
        """Where a phrase read back from its suffix begins once the clause it swallowed is cut
        off: after a verb with a subject before it (融水县签订|扶贫协作, 市政府高度重视|项目)
        and after a verb that opens it and governs a noun or another verb (说明|鲁渝协作,
        统筹|整合|资金项目);
        not a verb right before the suffix (整村推进项目) nor one that names a field of work
        (扶贫车间项目: ``programme_verbs.txt`` [name])."""
        index = self.by_start.get(start)
        end = self.by_end.get(suffix_start)
        if index is None or end is None:
            return start
        name_verbs = _words("programme_verbs.txt", "name")
        cut = start
        for i in range(index, end + 1):
            tok = self.tokens[i]
            if not self._clause_verb(tok) or tok.word in name_verbs:
                continue
            last = i == end and tok.pos == "v"
            before = self.tokens[i - 1] if i > index and self.tokens[i - 1].start >= cut else None
            subject = before is not None and before.pos.startswith(("n", "vn"))
            governs_next = i < end and self.tokens[i + 1].pos.startswith(
                ("n", "v", "a", "b", "j", "f")
            )
            idiom_last = i == end and tok.pos in ("l", "i")
            # 统筹|整合|资金项目, 签署|东西部…: each verb of a chain that opens the phrase is
            # cut; so is an idiom ending in a verb right before the suffix (紧紧抓住|项目)
            opening = tok.start == cut and (governs_next or idiom_last)
            if not last and (subject or opening):
                cut = tok.end
        return cut

    def _across_conjunction(self, start: int, floor: int) -> int:
        """The start of a name whose first part is joined to the rest by 和/与/及 (乡镇区划和
        村级建制调整改革), read back from ``start``; used only where the text defines the name."""
        index = self.by_end.get(start)
        if index is None or index == 0:
            return start
        tok = self.tokens[index]
        if tok.pos != "c" or tok.word not in ("和", "与", "及"):
            return start
        before = self._phrase_start(tok.start, floor)
        return before if before < tok.start else start

    def _verb_chain_before(self, suffix_start: int) -> bool:
        """Whether two verbs stand right before the suffix (研究|解决|项目建设中的困难): a
        clause's verbs taking the noun as object, not a field of work naming it (搬迁|安置|工程)."""
        index = self.by_end.get(suffix_start)
        if index is None or index == 0:
            return False
        last, before = self.tokens[index], self.tokens[index - 1]
        name_verbs = _words("programme_verbs.txt", "name")
        return (
            last.pos == "v"
            and len(last.word) >= 2
            and before.pos in ("v", "vn")
            and last.word not in name_verbs
            and before.word not in name_verbs
        )

    def _only_verbs(self, start: int, end: int) -> bool:
        """Whether every word of ``[start, end)`` is a verb (调整|优化)."""
        index = self.by_start.get(start)
        if index is None:
            return False
        while index < len(self.tokens) and self.tokens[index].end <= end:
            if self.tokens[index].pos not in ("v", "vn"):
                return False
            index += 1
        return True

    def _action_on_kind(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is verbs, then generic words only (实地考察|产业, 考察|重点):
        what is done to a kind of project, no name; verbs that name a field of work aside
        (``programme_verbs.txt`` [name]: 搬迁|安置 names one)."""
        index = self.by_start.get(start)
        if index is None:
            return False
        name_verbs = _words("programme_verbs.txt", "name")
        verbs = 0
        while index < len(self.tokens) and self.tokens[index].end <= end:
            tok = self.tokens[index]
            if tok.word in name_verbs or not (tok.pos in ("v", "vn") or _ends_in_verb(tok.word)):
                break
            verbs += 1
            index += 1
        rest = self.tokens[index].start if index < len(self.tokens) else end
        return verbs > 0 and rest < end and self._generic(self.text[rest:end])

    def _cut_from_longer(self, start: int) -> bool:
        """Whether the phrase starting at ``start`` is the end of a longer name that reading
        back could not take in: right after a closing bracket, a dash or Latin letters, after
        a one-character adverb inside a name (…集成电路极|生产基地项目), or after a
        one-character conjunction that follows a verb of the name (种植及|中药饮片加工项目)."""
        index = self.by_end.get(start)
        if index is None:
            return False
        tok = self.tokens[index]
        if tok.word in (")", "）", "-", "—", "－", "~", "～") or tok.pos == "eng":
            return True
        if len(tok.word) == 1 and tok.pos in ("c", "d") and index > 0:
            before = self.tokens[index - 1]
            if before.word in _suffixes():
                return False  # 扶贫车间项目和|整村推进项目: a whole name before it
            # 种植及|加工项目 is one project, 经济林和|林下经济工程 lists two
            kinds = ("v", "eng") if tok.pos == "c" else ("n", "v", "eng")
            return before.pos.startswith(kinds) and not before.word.isspace()
        return False

    def _counted(self, start: int) -> bool:
        """Whether a number or measure word stands right before ``start`` (100个…项目)."""
        index = self.by_end.get(start)
        while index is not None and index >= 0 and self.tokens[index].word.isspace():
            index -= 1
        return index is not None and index >= 0 and self.tokens[index].pos in ("m", "q", "mq")

    def _counts_follow(self, end: int) -> bool:
        """Whether a count of them stands right after ``end`` (…供水工程5处, not
        …修复工程2.75万亩: an area is the programme's size, a count makes it a kind of thing)."""
        number = NUMBER_RE.match(self.text, end)
        if number is None:
            return False
        at = number.end()
        while at < len(self.text) and self.text[at] in "多余万千百":
            at += 1
        return any(
            unit.notation == "COUNT" and self.text.startswith(word, at)
            for word, unit in units().items()
        )

    # -- shapes --

    def books(self, start: int, end: int) -> list[_Found]:
        out = []
        for m in re.finditer(r"《([^《》\n]{2,60})》", self.text[start:end]):
            a, b = start + m.start(1), start + m.end(1)
            title = _PERIOD.sub("", self.text[a:b])
            if title.endswith(tuple(_words("not_programmes.txt", "book"))):
                continue  # 《…报告》的审议意见: a committee's opinion, no programme
            if _meeting_business(title):
                continue  # 《…整改落实方案》: a meeting's business, no programme
            if _counted_rules().search(title):
                continue  # 《…四项管理制度》: a set of rules, no programme
            if "关于" in title and self._names_campaign(title):
                continue  # 《…关于实施“X”工程…的方案》: the programme is “X”工程, read as quoted
            if title.startswith("关于") and self.text.startswith(_cited(), b + 1):
                continue  # 根据…发出的《关于…的意见》的要求: another body's document cited
            if self.text.startswith(_cited_as_time(), b + 1):
                continue  # 今年是《…规划(2018-2022年)》的收官之年: a plan cited to date a year
            if _decree(title):
                continue  # 《关于…有关事项的决定》: a decision on one matter, no programme
            if self._under_authority(a - 1, start):
                continue  # 根据《甲》、《乙》的要求: documents cited as the authority
            if _suffix_of(title, ("strong", "weak", "book")) and not self.doc.is_masked(a, b):
                out.append(_Found(a, b, key_of(self.text[a:b]), "book"))
        return out

    def _under_authority(self, at: int, floor: int) -> bool:
        """Whether the clause before ``at`` (a title's opening mark) is opened by a word that
        cites documents as authority (根据, 按照: ``not_programmes.txt`` [authority]); a word of
        its own, as jieba reads it (not 根据地)."""
        clause = max(self.text.rfind(c, floor, at) for c in "，,；;：:。")
        clause_start = max(clause + 1, floor)
        authority = _words("not_programmes.txt", "authority")
        return any(
            clause_start <= t.start and t.end <= at and t.word in authority for t in self.tokens
        )

    @staticmethod
    def _names_campaign(title: str) -> bool:
        """Whether a document's title names a campaign in it: a quoted name followed by a
        strong suffix (…关于实施“千村美丽、万村整洁”行动…的意见), or a matter ending in one
        (关于加快推进…提升工程的实施意见): the document is no programme, the one it names may be."""
        matter = title[: title.rfind("的")] if "的" in title else ""
        if len(matter) > 4 and _suffix_of(matter, ("strong",)):
            return True
        return any(_strong_suffix_at(title, m.end()) for m in _QUOTE.finditer(title))

    def pairs(self, start: int, end: int) -> list[_Found]:
        """Cooperation between two provinces named by their abbreviations (京蒙对口帮扶,
        粤桂两省区扶贫协作 -> 粤桂扶贫协作), at the start of a word."""
        out = []
        starts = {t.start for t in self.tokens}
        triggers = _words("programme_verbs.txt", "trigger")
        for m in _pair_pattern().finditer(self.text, start, end):
            first, second, middle, suffix = m.groups()
            if first == second or m.start() not in starts or self.doc.is_masked(*m.span()):
                continue
            if middle and not self._name_words(m.start(3), m.end(3), triggers):
                continue  # 沪滇携手推进扶贫协作, 鲁渝两地从对口支援: a clause, not one name
            name = first + second + (middle or "") + suffix  # 闽宁互学互助对口协作
            out.append(_Found(m.start(), m.end(), name, "phrase"))
        return out

    def dashed_pairs(self, start: int, end: int) -> list[_Found]:
        """Cooperation named by its two partners joined by a dash, one at least a place
        (甲县—乙区东西部扶贫协作), a year of the work between them and the suffix left out of
        the name (甲县—乙区2020年度东西部扶贫协作座谈会)."""
        out = []
        triggers = _words("programme_verbs.txt", "trigger")
        for m in _DASH.finditer(self.text, start, end):
            first, second = self._partner(m.start(), True), self._partner(m.end(), False)
            if first is None or second is None:
                continue
            if not (self._names_place(first, m.start()) or self._names_place(m.end(), second)):
                continue
            tail = _dashed_tail().match(self.text, second, end)
            if tail is None or self.doc.is_masked(first, tail.end()):
                continue
            middle, suffix = tail.group(1), tail.group(2)
            if middle and not self._name_words(tail.start(1), tail.end(1), triggers):
                continue
            name = self.text[first:second] + (middle or "") + suffix
            out.append(_Found(first, tail.end(), name, "phrase"))
        return out

    def placed_pairs(self, start: int, end: int) -> list[_Found]:
        """Cooperation named by its two partners written one after the other, two places of
        one level (甲市乙市扶贫协作, 甲县乙县东西部协作): places of different levels
        (甲省乙市) are one place written with its province, not two partners."""
        out = []
        triggers = _words("programme_verbs.txt", "trigger")
        for index in range(bisect_left(self.place_starts, start), len(self.places)):
            first = self.places[index]
            if first.span.start >= end:
                break
            second = self.place_at.get(first.span.end)
            if second is None:
                continue
            if first.division.level != second.division.level:
                continue
            tail = _dashed_tail().match(self.text, second.span.end, end)
            if tail is None or self.doc.is_masked(first.span.start, tail.end()):
                continue
            middle, suffix = tail.group(1), tail.group(2)
            if middle and not self._name_words(tail.start(1), tail.end(1), triggers):
                continue
            name = self.text[first.span.start : second.span.end] + (middle or "") + suffix
            out.append(_Found(first.span.start, tail.end(), name, "phrase"))
        return out

    def _partner(self, at: int, before: bool) -> int | None:
        """The other end of a partner's name ending (``before``) or starting at ``at``: a
        place, or a noun of 2–4 characters (a county's short name jieba reads as a person's)."""
        for p in self.places:
            if (p.span.end if before else p.span.start) == at:
                return p.span.start if before else p.span.end
        index = (self.by_end if before else self.by_start).get(at)
        if index is None:
            return None
        tok = self.tokens[index]
        if not (2 <= len(tok.word) <= 4 and tok.pos.startswith(("n", "j"))):
            return None
        return tok.start if before else tok.end

    def _name_words(
        self, start: int, end: int, triggers: frozenset[str], numerals: bool = False
    ) -> bool:
        """Whether ``[start, end)`` is whole words that may make up a name, none a trigger
        verb (闽宁|互学互助|对口协作); with ``numerals``, numerals too (双包|双|推|十|覆盖)."""
        index = self.by_start.get(start)
        if index is None or end not in self.by_end:
            return False
        kinds = (*_NP_POS, "m") if numerals else _NP_POS
        for tok in self.tokens[index : self.by_end[end] + 1]:
            if tok.word in triggers or not tok.pos.startswith(kinds):
                return False
        return True

    def quoted(self, start: int, end: int) -> list[_Found]:
        out = []
        after_cues = _words("not_programmes.txt", "after")
        speech = _words("not_programmes.txt", "speech")
        follow = _words("programme_verbs.txt", "follow")
        for m in _QUOTE.finditer(self.text[start:end]):
            open_at, close_at = start + m.start(), start + m.end()
            inner_start, inner_end = start + m.start(1), start + m.end(1)
            inner = self.text[inner_start:inner_end]
            if self.doc.is_masked(open_at, close_at):
                continue
            if _TITLED.fullmatch(inner):  # “百雁争锋——村集体经济擂台赛”: a motto, then the name
                named_from = inner_start + inner.index("——") + 2
                triggers = _words("programme_verbs.txt", "trigger")
                if _suffix_of(inner, ("strong", "weak")) and self._name_words(
                    named_from, inner_end, triggers
                ):  # not “攻坚克难——坚决打赢脱贫攻坚战”, a clause under a motto
                    out.append(_Found(inner_start, inner_end, key_of(inner), "quoted"))
                continue
            if len(inner) > 15 or not _INNER_OK.fullmatch(inner):
                continue
            if _MONTH_DAY.fullmatch(inner) and not self._plan_after_digits(close_at, end):
                continue  # “618”活动: a date's shopping festival, no programme (“12461”行动 is)
            if _reach(inner):
                continue
            if inner.startswith(_question_words()):
                continue  # “如何…”: a question debated, a topic, no programme
            if _DOTTED_DATE.fullmatch(inner):
                continue  # “11·17”…攻坚战: the fight against one dated event, no programme
            lead = self.text[max(start, open_at - 4) : open_at].rstrip("，,：:")
            if any(lead.endswith(w) for w in speech):
                continue  # a quotation: 强调，“…”
            if _suffix_of(inner, ("strong", "weak")) and len(inner) > 2:
                if self._verb_phrases(inner_start, inner_end):
                    continue  # “条块联动抓招商、全员出击引项目”: a work method, no name
                if not self._generic(inner[: -len(_suffix_of(inner, ("strong", "weak")) or "")]):
                    out.append(_Found(inner_start, inner_end, key_of(inner), "quoted"))
                continue
            if any(self.text.startswith(w, close_at) for w in after_cues):
                continue
            tail = self._tail(close_at, end)
            if tail is not None and _meeting_business(self.text[close_at:tail]):
                continue  # “回头看”反馈意见: an inspection's findings, no programme
            if tail is not None and _sized_plot(inner + self.text[close_at:tail]):
                continue  # “百亩…”示范区: one plot named by its size, a demonstration field
            if tail is not None and _enterprise_project(
                inner + self.text[close_at : tail - 2], self.text[tail - 2 : tail]
            ):
                continue  # “某某”花卉观赏园项目, “某某小镇”项目: one site built, no programme
            if tail is not None and _work_only(inner, self.text[close_at:tail]):
                continue  # “复垦”项目: a kind of work, no name
            if tail is not None:
                described = self.text[close_at:tail]
                # “千企帮千村”精准扶贫行动: a tail that only names the field of work and the
                # kind of programme adds nothing to a quote that can stand alone
                name = inner if self._field_only(inner, described) else inner + described
                out.append(_Found(open_at, tail, key_of(name), "quoted"))
            elif (
                _NUMBERED_PARTS.fullmatch(inner)
                and self._governed(open_at, start)
                and not self._idiom(inner_start, inner_end)
            ):  # 推行“一联四包”; not “两不愁三保障”突出问题, a standard's problems
                out.append(_Found(inner_start, inner_end, key_of(inner), "quoted"))
            elif self._verb_object_pairs(inner_start, inner_end) and self._slogan_follows(close_at):
                # “兴产业促就业助增收”等活动: a campaign named by what it sets out to do
                out.append(_Found(inner_start, inner_end, key_of(inner), "quoted"))
            elif self._verb_slogan(inner_start, inner_end) or (
                len(inner) > 2 and self._built(close_at)
            ):  # “挂包帮、转走访”联系点; “富美乡村”建设
                out.append(_Found(inner_start, inner_end, key_of(inner), "quoted"))
            elif len(inner) > 2 and self._governed(open_at, start):
                index = self.by_start.get(close_at)
                follows = index is not None and self.tokens[index].word in follow
                if self._dictionary_noun(inner_start, inner_end):
                    continue  # 抓好“试验田”工作: a figure of speech, no coined name
                if follows or self._sums_up(open_at, start, inner):
                    out.append(_Found(inner_start, inner_end, key_of(inner), "quoted"))
        return out

    def counted_quotes(self, start: int, end: int) -> list[_Found]:
        """Quoted names summed up by a count and a suffix they all share: 「甲」「乙」三大工程
        names 甲工程 and 乙工程, each spanning its quote."""
        out = []
        for m in _QUOTES_COUNTED.finditer(self.text, start, end):
            suffix = _strong_suffix_at(self.text, m.end())
            quotes = list(_QUOTE.finditer(self.text, m.start(1), m.end(1)))
            if suffix is None or parse_chinese(m.group(2)) != len(quotes):
                continue
            for q in quotes:
                inner = q.group(1)
                if self.doc.is_masked(q.start(), q.end()) or _suffix_of(inner, ("strong",)):
                    continue  # 「甲工程」「乙工程」两大工程: names of their own
                out.append(_Found(q.start(1), q.end(1), key_of(inner + suffix), "quoted"))
        return out

    def _plan_after_digits(self, close_at: int, end: int) -> bool:
        """Whether a quote of digits that could be a date (“115”) names a plan all the same: a
        suffix follows it that no festival takes (“115”总体谋划; not “618”活动, “11”节)."""
        tail = self._tail(close_at, end)
        if tail is None:
            return False
        festival = tuple(_words("not_programmes.txt", "festival"))
        return not self.text[close_at:tail].endswith(festival)

    def _dictionary_noun(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is one common noun of jieba's dictionary (试验田, 排头兵):
        a word quoted as a figure of speech; a programme's coined name is no dictionary word."""
        index = self.by_start.get(start)
        if index is None:
            return False
        tok = self.tokens[index]
        return tok.end == end and tok.pos == "n"

    def _built(self, close_at: int) -> bool:
        """Whether a word of building follows the closing quote at ``close_at`` (“富美乡村”建设
        村庄: a programme being built, whatever verb governs the clause; not “三农”工作)."""
        index = self.by_start.get(close_at)
        return index is not None and self.tokens[index].word in _words(
            "programme_verbs.txt", "built"
        )

    def _field_only(self, inner: str, described: str) -> bool:
        """Whether ``described``, the tail after a quoted ``inner``, is a field of work and a
        suffix only (精准扶贫|行动), not words of the name (主题教育实践|活动, “三五”脱贫工作模式:
        a quote too short to stand alone)."""
        suffix = _suffix_of(described, ("strong", "weak", "book")) or ""
        field = described[: len(described) - len(suffix)]
        if _funding_route(field):
            return True  # “一事一议”农业财政奖补项目: the scheme, and projects it pays for
        return len(inner) >= 4 and bool(field) and self._generic(field)

    def _idiom(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is one idiom (三位一体, 四面八方), not a coined name."""
        index = self.by_start.get(start)
        if index is None:
            return False
        tok = self.tokens[index]
        return tok.end == end and tok.pos in ("i", "l")

    def _clause_before(self, open_at: int, floor: int) -> str:
        return re.split(r"[，,；;：:]", self.text[floor:open_at])[-1]

    def _governed(self, open_at: int, floor: int) -> bool:
        """Whether a trigger verb of the clause governs the quote opening at ``open_at``:
        推进湘西“四好农村路”建设, 推进产业扶贫全覆盖、…“三个全覆盖”."""
        clause = self._clause_before(open_at, floor)
        return any(v in clause for v in _words("programme_verbs.txt", "trigger"))

    def _sums_up(self, open_at: int, floor: int, inner: str) -> bool:
        """产业扶贫全覆盖、新型经营主体全覆盖、农业保险全覆盖“三个全覆盖”: a counted name right
        after a list of as many items, which it names together."""
        counted = _ENUMERATED.fullmatch(inner)
        if counted is None:
            return False
        count = parse_chinese(counted.group(1))
        items = self._clause_before(open_at, floor).split("、")
        return count is not None and count >= 2 and len(items) == count

    def _verb_use(self, end: int) -> bool:
        """Whether the word ending at ``end`` is used as a verb: a time word, a verb, an
        adverb, a preposition or a number follows it (计划明年, 规划到2025年, 计划投资)."""
        index = self.by_start.get(end)
        if index is None:
            return False
        return self.tokens[index].pos[:1] in ("t", "v", "d", "p", "m")

    def _tail(self, at: int, limit: int) -> int | None:
        """End of a suffix-ending noun phrase starting at ``at`` (…”主题教育实践活动)."""
        index = self.by_start.get(at)
        if index is None:
            return None
        end = at
        best = None
        # “1+N”实施方案: a quoted name of a document; but inside a document's title (《…“九大”
        # 专项行动实施方案》) the document is the title's, and the quote names the campaign
        floor = self.tokens[0].start
        in_title = self.text.rfind("《", floor, at) > self.text.rfind("》", floor, at)
        kinds = ("strong", "weak") if in_title else ("strong", "weak", "book")
        while index < len(self.tokens) and end - at <= 10:
            tok = self.tokens[index]
            if tok.pos.startswith(_STOP_POS) or not tok.pos.startswith(_NP_POS):
                break
            end = tok.end
            if _suffix_of(self.text[at:end], kinds) and self._follows_ok(end, limit):
                best = end
            index += 1
        return best

    def phrases(self, start: int, end: int) -> list[_Found]:
        out = []
        external = _words("not_programmes.txt", "external")
        suffixes = _suffixes()
        for tok in self.tokens:
            suffix: str | None = tok.word
            if tok.word not in suffixes:
                suffix = _compound_suffix(tok.word) if len(tok.word) > 2 else None
                suffix = suffix or _years_suffix(tok.word)
            if suffix is None or suffixes[suffix] not in ("strong", "weak", "park"):
                continue
            if not self._follows_ok(tok.end, end):
                continue
            a = self._phrase_start(tok.start, start)
            if suffix != tok.word and tok.start - a < 2:
                continue  # a bare 建设工程 names nothing
            abbreviated = bool(_ABBREVIATED.match(self.text, tok.end))
            if abbreviated:  # defined as a name: whole, however its words read
                a = self._across_conjunction(a, start)
            elif self._cut_from_longer(a):
                continue  # …(二期)种植及中药饮片加工项目: a piece of a longer name
            else:
                a = self._after_clause_verbs(a, tok.start)
            a = self._after_scope(a, tok.end)
            core = self.text[a : tok.end - len(suffix)]
            if len(core) < 2 or self._generic(core, evaluative=True) or self._counted(a):
                continue
            if core in suffixes or _ABBREVIATION_NOTE.match(self.text, a):
                continue  # 示范区项目: a kind's projects; (以下简称示范区): a short name
            if self._place_and_generic(a, tok.end - len(suffix)):
                continue  # 白山市重点协作项目: a place's projects of a kind, no name
            if _reach(core):
                continue
            if _enterprise_project(core, suffix):
                continue  # …工厂项目, …产业项目: one firm's investment
            if _field_of_work(core) or self._place_and_field(a, tok.end - len(suffix)):
                continue  # 医疗救助项目, 某州光伏扶贫项目: a kind of work, no name
            if suffix == "项目" and core.endswith(tuple(_words("not_programmes.txt", "handling"))):
                continue  # 某某办公室商量项目: a clause about projects, no name
            if suffix == "项目" and _funding_route(core):
                continue  # …财政奖补项目: projects a subsidy pays for, no programme
            if suffix == "项目" and core in _words("not_programmes.txt", "policy"):
                continue  # 建设乡村振兴项目: a policy's projects in general, no name
            if self._only_verbs(a, tok.start):
                continue  # 调整优化项目: what is done to projects, no name
            if self._action_on_kind(a, tok.start):
                continue  # 实地考察产业项目: a verb and a kind of project, no name
            if self._counts_follow(tok.end):
                continue  # 建成集中供水工程5处: a kind of facility counted, not a name
            if _suffixes()[suffix] == "park":
                if any(w in core for w in _designations()) and not self.doc.is_masked(a, tok.end):
                    out.append(_Found(a, tok.end, key_of(self.text[a : tok.end]), "phrase"))
                continue  # 县工业园: a place of the county's, not a programme
            if self._verb_chain_before(tok.start):
                continue  # 研究解决项目: what is done about projects, no name
            before = self.tokens[self.by_end[a]].word if a in self.by_end else ""
            if suffix == "项目" and before in _words("not_programmes.txt", "investment"):
                continue  # 引进滑翔伞项目: a firm's investment brought in, no programme
            governed = (
                suffix in _words("programme_verbs.txt", "governed")
                and before.endswith(tuple(_words("programme_verbs.txt", "trigger")))
                and len(core) >= 4
            )  # 实施林下经济千村万户增收计划, 以开展…现代化试点为牵引
            if _suffixes()[suffix] == "weak" and not governed and self._verb_use(tok.end):
                continue  # 合作社计划明年新建…: 计划 is the verb "plans to", not a name
            if _suffixes()[suffix] == "weak" and not governed and self._only_place(a, tok.start):
                continue  # 今年广西计划…: a place's plan, no name (广西|plans to)
            if suffix in _words("not_programmes.txt", "village") and self._village_only(a, tok.end):
                continue  # 某某村黑山羊养殖项目: one village's project, not a programme
            named = self._names_place(a, tok.end) or _province_pair(core) or abbreviated
            if not named and not governed and (_suffixes()[suffix] != "strong" or len(core) < 3):
                continue  # 绿色经济带, 林业工程: a kind of thing, not a name
            if self.doc.is_masked(a, tok.end):
                continue
            b = tok.end
            campaign = _QUOTED_CAMPAIGN.match(self.text, b, end)
            if (
                campaign
                and _INNER_OK.fullmatch(campaign.group(1))
                and not _suffix_of(campaign.group(1), ("strong", "weak"))
            ):  # 村庄整治建设工程“百日会战”; not …扶贫协作“闽宁模式”, a name of its own
                b = campaign.end()
            found = _Found(a, b, key_of(self.text[a:b]), "phrase")
            if before in external:
                found.strength = "external"
            out.append(found)
        return out

    def campaigns(self, start: int, end: int) -> list[_Found]:
        out = []
        triggers = _words("programme_verbs.txt", "trigger")
        for i, tok in enumerate(self.tokens):
            if tok.word not in triggers:
                continue
            year_named = _YEAR_NAMED.match(self.text, tok.end, end)
            if year_named and not self.doc.is_masked(tok.end, year_named.end()):
                out.append(_Found(tok.end, year_named.end(), year_named.group(), "campaign"))
                continue  # 落实中国制造2025: a name ending in the year it aims at
            j = i + 1
            if j < len(self.tokens) and self._split_trigger(j):
                j += 1  # 落实|好|产业革命: the complement belongs to the verb
            while j < len(self.tokens):  # the object, then each item of a list it heads
                found, j = self._campaign_at(j, end)
                if found is not None:
                    out.append(found)
                if j >= len(self.tokens) or self.tokens[j].word != "、":
                    break
                j += 1
        return out

    def _campaign_at(self, first: int, end: int) -> tuple[_Found | None, int]:
        """A campaign named from token ``first`` on, and the index of the token after the
        noun phrase read."""
        triggers = _words("programme_verbs.txt", "trigger")
        heads = _endings("campaign")
        models = _endings("model")
        at = self.tokens[first].start
        j = first
        while j < len(self.tokens) and self.tokens[j].pos.startswith(_NP_POS):
            if self.tokens[j].word in triggers:
                break
            j += 1
            b = self.tokens[j - 1].end
            name = self.text[at:b]
            # a listed name is whole whatever follows it (通过雨露计划资助…)
            if name in _words("programme_verbs.txt", "bare"):
                continue  # 打造革命老区: an ending alone, no sector's revolution
            if name.endswith(heads) and (name in heads or self._follows_ok(b, end)):
                if self.doc.is_masked(at, b):
                    return None, j
                return _Found(at, b, key_of(name), "campaign"), j
            if name.endswith(models) and self._follows_ok(b, end):
                proper = any(t.pos in ("nr", "ns", "nz", "j") for t in self.tokens[first:j])
                if proper or self._names_place(at, b):  # not 全省样板: a model, no name
                    if not self.doc.is_masked(at, b):
                        return _Found(at, b, key_of(name), "campaign"), j
                    return None, j
        while j < len(self.tokens) and self.tokens[j].pos.startswith(_NP_POS):
            j += 1  # the rest of a phrase that names no campaign
        return None, j

    def summed(self, start: int, end: int) -> list[_Found]:
        """The items of a list a count sums up as programmes (抓住甲竞赛、乙工程两大载体): as
        many items as the count, each a name of words that may make one up, the verb that
        opens the clause left out."""
        out: list[_Found] = []
        for m in _summed_pattern().finditer(self.text, start, end):
            count = parse_chinese(m.group(1))
            clause_start = start + max(
                (i + 1 for i, c in enumerate(self.text[start : m.start()]) if c in "，,；;：:。"),
                default=0,
            )
            clause_start = self._after_clause_opening(clause_start)
            items = self.text[clause_start : m.start()].split("、")
            if count is None or count < 2 or len(items) != count:
                continue
            at, found = clause_start, []
            for item in items:
                a, b = at, at + len(item)
                at = b + 1
                if not 2 <= len(item) <= 12 or self._generic(item, evaluative=True):
                    break
                if a not in self.by_start or b not in self.by_end or self.doc.is_masked(a, b):
                    break
                if not self._name_words(a, b, _words("programme_verbs.txt", "trigger"), True):
                    break
                found.append(_Found(a, b, key_of(item), "phrase"))
            else:
                out.extend(found)
        return out

    def vehicles(self, start: int, end: int) -> list[_Found]:
        """The items of a list 以 makes the vehicles of the work (以甲计划、乙活动和丙为重要载体)
        that end in a programme's suffix, strong or weak: the frame names them, as a count
        names the items it sums up; items without a suffix (城乡统筹发展) are fields of work."""
        out: list[_Found] = []
        at = self.text.find("以", start, end)
        separators = ("、", "和", "及", "与", "以及")
        at = self.text.find("以", start, end)
        while at >= 0:  # found by str.find: most sentences have no 以, few a frame
            index = self.by_start.get(at)
            at = self.text.find("以", at + 1, end)
            if index is None or self.tokens[index].word != "以" or self.tokens[index].pos != "p":
                continue
            m = _vehicle_pattern().match(self.text, self.tokens[index].end, end)
            if m is None or m.end(1) not in self.by_end:
                continue
            a = m.start(1)
            for tok in self.tokens[index + 1 : self.by_end[m.end(1)] + 1]:
                if tok.word in separators:
                    found = self._vehicle(a, tok.start)
                    a = tok.end
                elif tok.end == m.end(1):
                    found = self._vehicle(a, tok.end)  # the last item
                else:
                    continue
                if found is not None:
                    out.append(found)
        return out

    def _vehicle(self, start: int, end: int) -> _Found | None:
        """A programme named by the list item ``[start, end)`` of a vehicle frame, a trigger verb
        that opens it left out (以开展|甲活动为载体; not 结对, a word of 结对共富活动)."""
        triggers = _words("programme_verbs.txt", "trigger")
        index = self.by_start.get(start)
        while index is not None and index < len(self.tokens):
            if self.tokens[index].word not in triggers:
                break
            start = self.tokens[index].end
            index += 1
        suffix = _suffix_of(self.text[start:end], ("strong", "weak"))
        if suffix is None or start not in self.by_start or end not in self.by_end:
            return None
        core = self.text[start : end - len(suffix)]
        if len(core) < 2 or self._generic(core, evaluative=True) or self.doc.is_masked(start, end):
            return None
        if not self._name_words(start, end, frozenset(), numerals=True):
            return None
        return _Found(start, end, key_of(self.text[start:end]), "phrase")

    def _after_clause_opening(self, at: int) -> int:
        """Where the object of the clause starting at ``at`` begins: after its subject's scope
        (全县, ``programme_verbs.txt`` [lead]), adverbs and pronouns, and its verb (抓住)."""
        index = self.by_start.get(at)
        lead = _words("programme_verbs.txt", "lead")
        while index is not None and index < len(self.tokens):
            tok = self.tokens[index]
            if tok.word in lead or tok.pos[:1] in ("r", "d", "p", "c"):
                index += 1
                continue
            if tok.pos == "v" and len(tok.word) >= 2:
                return tok.end
            return tok.start
        return at

    def slogans(self, start: int, end: int) -> list[_Found]:
        """Slogans made of a one-character verb and a unit, three times or more, that name the
        work they are followed by (驻镇帮镇扶村工作, …工作队, …活动)."""
        out = []
        follow = tuple(_words("programme_verbs.txt", "slogan"))
        for m in _unit_pairs().finditer(self.text, start, end):
            a, b = m.span()
            if a not in self.by_start or b not in self.by_end or self.doc.is_masked(a, b):
                continue
            if self._unit_pairs_of_verbs(m.group()) and self.text.startswith(follow, b):
                out.append(_Found(a, b, m.group(), "campaign"))
        return out

    @staticmethod
    def _unit_pairs_of_verbs(name: str) -> bool:
        """Whether ``name`` is pairs of a one-character verb and a unit (驻镇|帮镇|扶村)."""
        return bool(_unit_pairs().fullmatch(name)) and all(map(_one_verb, name[::2]))

    def _verb_phrases(self, start: int, end: int) -> bool:
        """Whether the quoted ``[start, end)`` is clauses joined by 、, each with a verb, the
        last ending in a verb and its object (条块联动抓招商、全员出击|引|项目): a slogan of a
        work method whose last word happens to be a programme's suffix."""
        words = [t for t in self.tokens if start <= t.start and t.end <= end]
        if "、" not in self.text[start:end] or len(words) < 2 or words[-2].pos != "v":
            return False
        parts: list[list[Token]] = [[]]
        for t in words:
            if t.word == "、":
                parts.append([])
            else:
                parts[-1].append(t)
        return all(any(t.pos == "v" for t in part) for part in parts)

    def _verb_slogan(self, start: int, end: int) -> bool:
        """Whether the quoted ``[start, end)`` is a coined slogan of verbs: two parts joined by
        、, each of three characters and two verbs or more (挂包|帮、转|走访), or pairs of a
        verb and a unit (驻镇帮镇扶村); not 守底线、促振兴 (an object in it), 监测、帮扶 (words)."""
        inner = self.text[start:end]
        if self._unit_pairs_of_verbs(inner):
            return True
        parts = inner.split("、")
        if len(parts) != 2 or any(len(part) != 3 for part in parts):
            return False
        at = start
        for part in parts:
            words = [t for t in self.tokens if at <= t.start and t.end <= at + len(part)]
            if len(words) < 2 or any(t.pos != "v" for t in words):
                return False
            at += len(part) + 1
        return True

    def _verb_object_pairs(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is three or four pairs of a one-character verb and a
        two-character word it governs (兴|产业|促|就业|助|增收), as campaigns are coined."""
        words = [t for t in self.tokens if start <= t.start and t.end <= end]
        if len(words) not in (6, 8) or words[0].start != start or words[-1].end != end:
            return False
        return all(
            len(verb.word) == 1 and verb.pos == "v" and len(word.word) == 2
            for verb, word in zip(words[::2], words[1::2], strict=True)
        )

    def _slogan_follows(self, close_at: int) -> bool:
        """Whether a word that makes a slogan a work's name (``programme_verbs.txt`` [slogan]:
        活动) follows the closing quote at ``close_at``, after 等 if the quote is one of a list."""
        at = close_at + 1 if self.text.startswith("等", close_at) else close_at
        return self.text.startswith(tuple(_words("programme_verbs.txt", "slogan")), at)

    def national(self, start: int, end: int) -> list[_Found]:
        """Names of national programmes (``programme_names.txt``) wherever they stand."""
        out = []
        for m in _national_names().finditer(self.text, start, end):
            if m.start() in self.by_start and not self.doc.is_masked(*m.span()):
                out.append(_Found(m.start(), m.end(), m.group(), "campaign"))
        return out

    # -- relations --

    def link(self, found: list[_Found]) -> None:
        means = _words("programme_verbs.txt", "means")
        goals = _words("programme_verbs.txt", "goal")
        parts = _words("programme_verbs.txt", "parts")
        for first, second in zip(found, found[1:], strict=False):
            between = self.text[first.end : second.start].strip("，,、 ")
            sentence = self.doc.sentence_of(first.start)
            lead = self.text[sentence.start : first.start]
            if between in goals and any(w in lead for w in means):
                first.part_of = second.name
        for i, whole in enumerate(found):
            for part in found[i + 1 :]:
                if part.part_of is not None:
                    continue
                between = self.text[whole.end : part.start]
                if re.match(r"^[，,]", between) and any(w in between for w in parts):
                    part.part_of = whole.name

    def area(self, item: _Found, sentence: Span) -> tuple[Division | None, Span | None]:
        inside = [p for p in self.places if item.start <= p.span.start and p.span.end <= item.end]
        if inside:
            return inside[0].division, None
        if item.strength == "external":
            return None, None
        before = [
            p for p in self.places if sentence.start <= p.span.start and p.span.end <= item.start
        ]
        if before:
            return before[-1].division, sentence
        return self.jurisdiction, sentence if self.jurisdiction else None

    def read(self) -> list[Programme]:
        out: dict[tuple[str, str], Programme] = {}
        for sentence in self.doc.sentences:
            self._load(sentence.start, sentence.end)
            found: list[_Found] = []
            taken: list[tuple[int, int]] = []
            for batch in (
                self.books(sentence.start, sentence.end),
                self.pairs(sentence.start, sentence.end),
                self.dashed_pairs(sentence.start, sentence.end),
                self.placed_pairs(sentence.start, sentence.end),
                self.counted_quotes(sentence.start, sentence.end),
                self.quoted(sentence.start, sentence.end),
                self.vehicles(sentence.start, sentence.end),
                self.phrases(sentence.start, sentence.end),
                self.campaigns(sentence.start, sentence.end),
                self.summed(sentence.start, sentence.end),
                self.slogans(sentence.start, sentence.end),
                self.national(sentence.start, sentence.end),
            ):
                for item in batch:
                    if any(a < item.end and item.start < b for a, b in taken):
                        continue
                    taken.append((item.start, item.end))
                    found.append(item)
            found.sort(key=lambda f: f.start)
            self.link(found)
            for item in found:
                area, evidence = self.area(item, sentence)
                key = (item.name, area.key if area else "")
                if key not in out:
                    out[key] = Programme(
                        span=self.doc.span(item.start, item.end),
                        name=item.name,
                        area=area,
                        part_of=item.part_of,
                        evidence=evidence,
                    )
        return sorted(out.values(), key=lambda p: (p.span.start, p.name))


def extract(
    doc: Document, places: list[PlaceMention], jurisdiction: Division | None
) -> list[Programme]:
    """The programmes named in ``doc``, one per (name, area)."""
    return _Reader(doc, places, jurisdiction).read()
