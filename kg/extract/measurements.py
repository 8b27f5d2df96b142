"""Targets (planned) and outcomes (achieved): quantities with indicator, area and programme.

Each quantity is read in its clause (the text between ，,；;。 and the like), the unit the
contract's provenance quote is made of:

- kind: cue words of the clause (``kg/data/cues.tsv``): a completed aspect (已, 了, 截至) makes
  an outcome, else a plan word (将, 计划, 力争, 到2025年) a target, else a result word (实现,
  累计, 达, 还有) an outcome; a clause without cues takes the nearest cue of the clauses before it
  in the sentence; a number that describes a programme (培育100亿元以上产业的“六个一百”工程,
  总投资160亿元的…项目) is its target; anything else is a reported outcome.  An estimate
  (预计) of a time already past (under a heading that reviews it, 去年, earlier years, a note
  in brackets, a paragraph opened by 过去的一年) is an outcome not yet in the statistics; a
  heading of plans (二、2024年工作安排, — 主要目标 —) or a clause of plans ending in a colon
  (提出了主要预期目标：) governs what follows; a plan followed (按照…规划) is no cue;
- indicator: what is counted, from the words around the number: the noun phrase after it
  (建设100万亩高产稳产标准农田), else the one before it, without the verb, adverbs, determiners
  and area words that open the clause (累计举办各类培训班624期 -> 培训班); numbers written side by
  side share one (4.43万户17.87万贫困人口脱贫), and so do values joined by 和 (分别达97%和99.56%);
- area: 分别 spreads values over the areas listed before it, in order; else the nearest place
  named before the number in its clause, a place opening an earlier clause of the sentence
  (its subject), the programme's area
  or the document's jurisdiction;
- programme: the programme the number describes (…的“六个一百”工程, and the list of clauses
  leading up to it), else one named before it in its clause, else the sentence's topic: a
  programme named at the end of an earlier clause of the sentence;
- period: a date or year written in the clause or before the number in its sentence, else one
  inferred from words such as 今年 or 十三五, the paragraph, the heading or the document's date
  (:mod:`kg.extract.periods`).

Numbers in a clause that sets the scene (在…615公里的金沙江沿线) are setting, not facts, and so
are bounds that pick which villages or households are meant (年收入不足10万元的村).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from kg.extract import gazetteer, metadata
from kg.extract.facts import (
    Division,
    Kind,
    Level,
    Measurement,
    PlaceMention,
    Programme,
    Qualifier,
    Quantity,
)
from kg.extract.indicators import concept_of
from kg.extract.lexicon import cue_words, surnames
from kg.extract.numbers import CHINESE_NUMERAL_CHARS, parse_chinese
from kg.extract.periods import Period, Periods, latest_year
from kg.extract.places import area_references, helpers
from kg.extract.quantities import as_change, number_context, tokens
from kg.resources import read_lines, read_table
from kg.text.document import Document, Span
from kg.text.segment import Token

_DIGIT = re.compile(r"[0-9０-９]")
_CLAUSE_BREAK = re.compile(r"[，；;。！？!?：:]|\n(?!、)|(?<![0-9]),|,(?![0-9]{3})")
_SENTENCE_BREAK = re.compile(r"[。！？!?]|\n(?!、)")
"""A line break ends a sentence, but not before 、: no line opens with it, so the text was
wrapped inside a list (分别是2011年的1.65倍 / 、1.86倍)."""
_CLAUSE_OPENERS = set('，,；;。！？!?：:\n“”"')
_PUNCTUATION = "“”‘’「」『』《》〈〉()（）、,，。；;：:！？!? \u3000"
_COORDINATION = set("和及与、,， ")
_NOUN_TAGS = {"n", "j", "b", "s", "l", "i"}
_NOUN_POS = {"an", "vn", "eng", "nz", "zg"}
_NOT_A_HEAD = {"x", "uj", "ul", "c", "p", "d", "f", "r", "t", "y", "u", "zg"}
_STRIPPED_LEADING = {"r", "d", "c", "p", "t", "f", "u", "uj", "ul", "y", "x"}
_PARTICLES = {"了", "着", "过"}
_ATTRIBUTIVE = re.compile(r"的[“「『《\"]?$")
_TIME_WORDS = {"年", "月", "日", "以来", "期间", "今年", "去年", "当年", "年内", "内"}
_GROWTH_UNITS = {"PERCENT", "PERMILLE", "PERCENTAGE_POINT"}
"""Units of a rate of change (增长6.2%), which is of what grew, never of an increase."""
_NOMINAL_TAGS = ("n", "r", "j")
"""jieba tags of nouns, pronouns and abbreviations (not ``ns``: it tags 新建 as a place)."""
_BOUNDS = (Qualifier.MORE_THAN, Qualifier.AT_MOST, Qualifier.AT_LEAST)
_CLASS_WORDS = 3
"""Words after 的 searched for what a bound picks members of (的建档立卡贫困户: two)."""
_APPROXIMATE_WORDS = ("约", "近", "大约")
_ACCORDING_REACH = 4
"""Words before a target word searched for 按照, 根据 … (按照镇的规划: three)."""
_PLAN_NAME_MAX = 6
"""Characters before 规划 searched for a plan period's name (“十四五”: five)."""
_CLOSING_QUOTES = "”」』\"'"
_VERB_LIST_OPENERS = ("通过", "并", "再", "还", "同时", "以", "集中", "重点", "全面", "大力")


_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉", "(": ")", "（": "）"}
_SEPARATORS = set("、,，。；;：: \u3000")


def _unpaired(toks: list[Token], edge: int) -> bool:
    """Whether the token at ``edge`` is a separator, or a quote mark or bracket whose partner is
    not among ``toks``."""
    word = toks[edge].word
    if word.strip() == "" or word in _SEPARATORS:
        return True
    text = "".join(t.word for t in toks)
    for opening, closing in _PAIRS.items():
        if word in (opening, closing):
            return text.count(opening) != text.count(closing)
    return False


@cache
def _patterns(role: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in cue_words(role))


_YEAR = re.compile(r"(?:19|20)\d{2}")


def _searches(role: str, segment: str, year: int | None) -> bool:
    """Whether a pattern of ``role`` matches ``segment``; a year written in the match must not
    lie before the document's own ``year`` (到2020年 in a 2023 report is no plan)."""
    for pattern in _patterns(role):
        for match in pattern.finditer(segment):
            written = _YEAR.search(match.group())
            if year is None or written is None or int(written.group()) >= year:
                return True
    return False


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int


def _clauses(text: str, start: int, end: int) -> list[_Clause]:
    out = []
    position = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        out.append(_Clause(position, match.start()))
        position = match.end()
    out.append(_Clause(position, end))
    trimmed = []
    for clause in out:
        s, e = clause.start, clause.end
        while s < e and text[s] in " \u3000":
            s += 1
        while e > s and text[e - 1] in " \u3000":
            e -= 1
        if e > s:
            trimmed.append(_Clause(s, e))
    return trimmed


@lru_cache(maxsize=2)
def _break_ends(text: str) -> list[int]:
    """Where each sentence break of ``text`` ends, in order: found once per document, not
    again from the text's start for every number."""
    return [match.end() for match in _SENTENCE_BREAK.finditer(text)]


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The 。-bounded sentence around ``offset`` (； does not end it here)."""
    if 0 < offset <= len(text) and text[offset - 1] == "\n":
        start = offset  # a line ends just before: a break, whatever follows it (、 included)
    else:
        ends = _break_ends(text)
        before = bisect_right(ends, offset)
        start = ends[before - 1] if before else 0
    found = _SENTENCE_BREAK.search(text, offset)
    end = found.end() if found else len(text)
    return start, end


class _Reader:
    """One document's tokens, clauses and facts, with the lookups measurement needs."""

    def __init__(
        self,
        doc: Document,
        quantities: list[Quantity],
        places: list[PlaceMention],
        programmes: list[Programme],
        jurisdiction: Division | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.tokens = tokens(doc)
        self.token_starts = [t.start for t in self.tokens]
        self.quantities = sorted(quantities, key=lambda q: q.span.start)
        self.quantity_starts = [q.span.start for q in self.quantities]
        self.places = sorted(places, key=lambda p: p.span.start)
        self.area_words = area_references(doc, places, jurisdiction)
        """Words that stand for a place (全村, 村里, 该县)."""
        self.helpers = helpers(doc, places)
        """Divisions named helping another (东莞 in 东莞对口帮扶揭阳)."""
        self.peers = _peers(self.text, self.places, jurisdiction)
        """Divisions of the document's own area's level and parent, listed with it."""
        self.references = sorted(
            [*places, *self.area_words], key=lambda p: (p.span.start, p.span.end)
        )
        """Places named and words that stand for one."""
        meta = metadata.extract(doc)
        created = meta.created
        self.year = int(created[:4]) if created else latest_year(self.text)
        self.periods = Periods(doc, meta.issued)
        self.programmes = sorted(programmes, key=lambda p: p.span.start)
        spans = [p.span for p in self.programmes] + [p.span for p in self.places]
        self.named = [(s.start, s.end) for s in spans if s.end - s.start > 1]
        """Names of programmes and places, in which no word is a cue (“雨露计划”, 计划乡)."""
        self._indicators: dict[int, tuple[str, Span | None, str]] = {}
        self._reading: set[int] = set()  # numbers whose indicator is being read
        self._cues: dict[tuple[int, int], frozenset[str]] = {}
        self.plan_sections = [
            *_sections(self.text, self.year, "plan_heading"),
            *_announced_plans(self.text, self.year),
        ]
        """Spans of sections under a heading of plans (二、2024年工作安排)."""
        self.place_sections = _place_sections(self.text, jurisdiction)
        """Spans of sections under a heading line that is only the name of a place inside the
        document's own area (渝中, 沙坪坝 in a digest of district reports), with the place."""
        self.review_sections = _sections(self.text, None, "review_heading")
        """Spans of sections under a heading that reviews past work (一、2023年工作回顾)."""

    # -- text structure ----------------------------------------------------------------------

    def tokens_in(self, start: int, end: int) -> list[Token]:
        index = bisect_left(self.token_starts, start)
        out = []
        while index < len(self.tokens) and self.tokens[index].end <= end:
            out.append(self.tokens[index])
            index += 1
        return out

    def sentence(self, quantity: Quantity) -> tuple[int, int]:
        return _sentence_bounds(self.text, quantity.span.start)

    def clauses(self, quantity: Quantity) -> tuple[list[_Clause], int]:
        """The clauses of the quantity's sentence and the index of its own."""
        start, end = self.sentence(quantity)
        clauses = _clauses(self.text, start, end)
        for index, clause in enumerate(clauses):
            if clause.start <= quantity.span.start < clause.end:
                return clauses, index
        clauses.append(_Clause(quantity.span.start, quantity.span.end))
        return clauses, len(clauses) - 1

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        # the quantities are in order of their start: only those starting in [start, end] can
        # lie inside it
        first = bisect_left(self.quantity_starts, start)
        last = bisect_right(self.quantity_starts, end, first)
        return [q for q in self.quantities[first:last] if q.span.end <= end]

    # -- indicator ---------------------------------------------------------------------------

    def _strip_leading(
        self, toks: list[Token], clause: _Clause, governed: bool = True
    ) -> list[Token]:
        """Drop what opens the words before a number without being what is counted: places,
        area words, time, adverbs, cue words, determiners, and the verb that governs the number
        (``governed``: the words are an object, not the subject of 达, 为 …)."""
        places_end = max(
            (
                p.span.end
                for p in self.places
                if clause.start <= p.span.start and toks and p.span.end <= toks[-1].start
            ),
            default=-1,
        )
        toks = [t for t in toks if t.start >= places_end]
        determiners = set(cue_words("determiner")) | set(cue_words("comparison"))
        cues = set(cue_words("aspect")) | set(cue_words("target")) | set(cue_words("outcome"))
        verbs = set(cue_words("verb"))
        while toks:
            head = "".join(t.word for t in toks[:3])
            area = next((w for w in cue_words("area_word") if head.startswith(w)), None)
            if area:
                covered = toks[0].start + len(area)
                toks = [t for t in toks if t.start >= covered]
                continue
            first = toks[0]
            if first.word in verbs and first.word not in cues:
                break
            if first.word in _TIME_WORDS or first.pos in {"m", "mq", "t", "q"}:
                toks = toks[1:]  # 2019年, 未来三年内: time, never what is counted
                continue
            if (
                first.word in cues
                or first.word in determiners
                or (first.pos in _STRIPPED_LEADING and first.word not in _PAIRS)
            ) and len(toks) > 1:
                toks = toks[1:]
                continue
            break
        # the governing verb: a verb opening the words, or one after an adverb (工程将建设)
        for index, token in enumerate(toks if governed else []):
            is_verb = token.pos in ("v", "vn", "vd") or token.word in verbs
            if is_verb and (
                index == 0 or toks[index - 1].pos in {"d", "ad"} or toks[index - 1].word in cues
            ):
                if index == len(toks) - 1 and (index > 0 or token.pos == "vn"):
                    break  # 公厕改建125座, 总投资160亿元: the verb is part of the noun
                rest = index + 1
                while rest < len(toks) - 1 and (
                    toks[rest].pos == "ul" or toks[rest].word in cues | verbs
                ):
                    rest += 1
                toks = toks[rest:]
                break
        while toks and (
            toks[0].word in determiners
            or toks[0].word in _TIME_WORDS
            or toks[0].pos in {"m", "mq", "t", "q", "uj", "c", "r", "p"}
            or (toks[0].pos == "x" and toks[0].word not in _PAIRS)
        ):
            toks = toks[1:]
        while toks and toks[-1].word == "的":
            toks = toks[:-1]
        return toks

    def _group_start(self, quantity: Quantity, clause: _Clause) -> tuple[int, Quantity | None]:
        """Where the words before ``quantity`` begin, and the quantity before them: numbers
        written side by side (3200余户1.1万人) count as one."""
        before = self.quantities_in(clause.start, quantity.span.start)
        first = quantity
        while before and self.text[before[-1].span.end : first.span.start].strip() == "":
            first = before.pop()
        if before:
            return before[-1].span.end, before[-1]
        return clause.start, None

    def _preceding(
        self, quantity: Quantity, clause: _Clause, keep_verb: bool = False
    ) -> list[Token]:
        """The words before the number that say what it counts; ``keep_verb`` keeps a verb
        that governs it (累计脱贫15.6万户: 脱贫 is all there is)."""
        start, before = self._group_start(quantity, clause)
        first = next(q for q in self.quantities_in(start, clause.end))
        toks = self.tokens_in(start, first.span.start)
        if quantity.baseline is not None:
            opener = [i for i, t in enumerate(toks) if t.word in ("从", "由")]
            if opener:
                toks = toks[: opener[-1]]
        links = set(cue_words("link"))
        governed = True
        while toks and (toks[-1].word in links or toks[-1].word.strip() == ""):
            governed = governed and toks[-1].word.strip() == ""
            toks = toks[:-1]
        if before is not None and any(t.pos == "c" for t in toks[-1:]):
            return []  # 91.23%的乡镇和89.78%的村庄: the words before 和 are the other value's
        return self._strip_leading(toks, _Clause(start, clause.end), governed and not keep_verb)

    def _following(self, quantity: Quantity, clause: _Clause) -> tuple[list[Token], str]:
        """The noun phrase after the number, and why it stops (``end``, ``coordination``,
        ``quantity``)."""
        toks = self.tokens_in(quantity.span.end, clause.end)
        after = self.quantities_in(quantity.span.end, clause.end)
        next_start = after[0].span.start if after else clause.end
        out: list[Token] = []
        for index, token in enumerate(toks):
            if token.start >= next_start:
                return out, "quantity"
            if (token.word == "的" and not out) or token.word.strip() == "":
                continue  # a line break of text wrapped inside a list says nothing
            if token.word == "的" or token.word in "、":
                return out, "end"
            if token.pos == "c" and index + 1 < len(toks) and toks[index + 1].start >= next_start:
                return out, "coordination"
            out.append(token)
        return out, "end"

    def indicator(self, quantity: Quantity, clause: _Clause) -> tuple[str, Span | None]:
        """What ``quantity`` counts, and where that is written."""
        label, span = self._written(quantity, clause)
        return self._respective(quantity, clause, label), span

    def _written(self, quantity: Quantity, clause: _Clause) -> tuple[str, Span | None]:
        """What ``quantity`` counts as the words say it, a list of indicators kept whole."""
        key = quantity.span.start
        if key not in self._indicators:
            if key in self._reading:
                # asked again while its own reading is under way: numbers side by side share
                # the later one's words, and a later one that names nothing borrows the earlier
                # one's (由…的A户B人降至…的C户D人); the loop names nothing
                return "", None
            self._reading.add(key)
            size = self._size_of_area(quantity, clause)
            label, span, _ = (size, None, "size") if size else self._indicator(quantity, clause)
            self._reading.discard(key)
            self._indicators[key] = (label, span, "")
        label, span, _ = self._indicators[key]
        return label, span

    def _respective(self, quantity: Quantity, clause: _Clause, label: str) -> str:
        """Of values 分别 gives to indicators listed before it, the one of ``quantity``: the
        item in the same place of the list, with the head the items share
        (城、乡居民人均可支配收入分别增长8%、9%: 城镇居民人均可支配收入 and
        农村居民人均可支配收入; 进口、出口分别增长5%和6%: 进口 and 出口); ``label`` where the
        list and the values do not pair up."""
        if not any(c in label for c in _ITEM_SEPARATORS):
            return self._joint(quantity, clause, label)
        listed, distributes, _ = label.partition(_DISTRIBUTE)
        if distributes and any(c in listed for c in _ITEM_SEPARATORS):
            label = listed  # 甲、乙分别完成6亿元、3亿元: 分别完成 is said of each item
        items = _ITEM_SPLIT.split(label)
        place = self._place_among(quantity, clause, len(items))
        if place is None:
            place = self._place_in_values(quantity, clause, len(items))
        if place is None or not all(items):
            return label
        first, last = items[0], items[-1]
        if len(first) <= _MODIFIER_MAX and len(last) > len(first):
            # short modifiers sharing the head written after the last (城、乡居民…)
            head = last[len(first) :]
            items = [*items[:-1], last[: len(first)]]
            return _short_forms().get(items[place], items[place]) + head
        return items[place]

    def _place_among(self, quantity: Quantity, clause: _Clause, count: int) -> int | None:
        """Where ``quantity`` stands among the values 分别 gives in its clause, when there are
        ``count`` of them."""
        distributed = self._distributed_values(quantity, clause)
        if distributed is None:
            return None
        _, group = distributed
        if len(group) != count or quantity not in group:
            return None
        return group.index(quantity)

    def _joint(self, quantity: Quantity, clause: _Clause, label: str) -> str:
        """Of values 分别 gives to an indicator whose modifier names two at once, the one of
        ``quantity`` (城乡居民人均可支配收入分别增长7%、8%: 城镇居民… and 农村…); ``label``
        where the modifier's parts and the values do not pair up."""
        for joint, parts in _joint_forms().items():
            if not label.startswith(joint):
                continue
            place = self._place_among(quantity, clause, len(parts))
            if place is None:
                place = self._place_in_values(quantity, clause, len(parts))
            return label if place is None else parts[place] + label[len(joint) :]
        return label

    def _label(self, toks: list[Token]) -> tuple[str, Span | None]:
        """The words as a label (particles dropped) and their span, trimmed of separators and
        of quote marks and brackets left unpaired."""
        toks = [t for t in toks]
        changed = True
        while toks and changed:
            changed = False
            for edge in (0, -1):
                if toks and _unpaired(toks, edge):
                    toks.pop(edge)
                    changed = True
        if not toks:
            return "", None
        span = self.doc.span(toks[0].start, toks[-1].end)
        words = [t.word for t in toks if t.word not in _PARTICLES or t.pos != "ul"]
        return "".join(words).replace(" ", "").replace("\u3000", "").replace("\n", ""), span

    def _indicator(self, quantity: Quantity, clause: _Clause) -> tuple[str, Span | None, str]:
        text = self.text
        level, level_span = self._level_of_change(quantity, clause)
        if level:
            return level, level_span, "level"
        following, stop = self._following(quantity, clause)
        after = self.quantities_in(quantity.span.end, clause.end)
        # numbers side by side share what they count: 4.43万户17.87万贫困人口, 65类288个
        if after and not following and text[quantity.span.end : after[0].span.start].strip() == "":
            label, span = self._written(after[0], clause)
            return label, span, "shared"
        # values joined by 和 share the one before them: 分别达97%和99.56%
        before = [q for q in self.quantities_in(clause.start, quantity.span.start)]
        if before:
            between = text[before[-1].span.end : quantity.span.start]
            if (
                between
                and all(c in _COORDINATION for c in between)
                and (not following or following[0].pos in _NOT_A_HEAD)
            ):
                label, span = self._written(before[-1], clause)
                return label, span, "shared"
        # 2000名贫困人口中有1800人…: the number counts the whole, not what the part is
        whole = _partitive_at(following)
        if whole is not None:
            following = following[:whole]
        if stop == "quantity" and after:
            # 3个国家贫困县和甲区1个自治区贫困县符合…: the words after 和 open the next item
            joined = next((i for i, t in enumerate(following) if i and t.pos == "c"), None)
            if joined is not None:
                following, stop = following[:joined], "joined"
        if following and _names_nothing(self._label(following)[0]):
            following = []  # 突破2000亿元（人民币，下同）: the currency is not what is counted
        if not following and after and text[quantity.span.end : after[0].span.start] == "、":
            # 仍有15户、80多人尚未脱贫: counts whose units name them and whose words before are
            # only a verb of having are named by the predicate after the last of them
            named_by, named_span = self._counts_predicate(quantity, after[0], clause)
            if named_by:
                return named_by, named_span, "predicate"
        preceding = self._part_of(
            quantity, clause, self._preceding(quantity, self._unwrapped(clause))
        )
        if preceding and self._label(following)[0] in cue_words("milestone"):
            following = []  # 迈上6000亿元新台阶: what passed the mark is written before
        nouns = [t for t in following if t.pos[:1] in _NOUN_TAGS or t.pos in _NOUN_POS]
        opens_noun = bool(following) and following[0].start == quantity.span.end
        predicate = bool(following) and not nouns
        ends_with_de = text[: quantity.span.start].rstrip().endswith("的")
        if following and not predicate and (opens_noun or not preceding or ends_with_de):
            label, span = self._label(following)
            if stop == "coordination" and after:
                other, _ = self._following(after[0], clause)
                verbs = [i for i, t in enumerate(other) if t.pos == "v"]
                if verbs:
                    label += self._label(other[verbs[0] :])[0]
            elif after and (
                stop == "joined" or text[following[-1].end : after[0].span.start] == "、"
            ):
                label += self._unless_own(label, self._shared_predicate(after[0], clause), quantity)
            if label:
                return label, span, "following"
        if predicate and preceding:
            # 带动农户300余户增收: what is counted is around the number
            label, span = self._label(preceding)
            return label + self._label(following)[0], span, "around"
        if not preceding and following:
            label, span = self._label(following)
            return label, span, "following"
        label, span = self._label(preceding)
        if not label and not following:
            kept = self._preceding(quantity, clause, keep_verb=True)
            links = set(cue_words("link"))
            if kept and all(t.pos.startswith("v") and t.word not in links for t in kept):
                label, span = self._label(kept)
        if not label:
            return self._borrowed(quantity, clause)
        if quantity.unit in _GROWTH_UNITS and _names_nothing(label):
            # 生产总值完成235亿元，年均增长7.8%: the rate is of what the number before counts,
            # unless the clause before, with no number, names an indicator (…预算收入扣除退税，
            # 同口径增长9.9%)
            subject, subject_span = self._subject_before(quantity, clause)
            if subject:
                return subject + label, subject_span, "subject"
            borrowed, borrowed_span, how = self._borrowed(quantity, clause)
            if not _names_nothing(borrowed):
                return borrowed + label, borrowed_span, how
        return label, span, "preceding"

    def _shared_predicate(self, listed: Quantity, clause: _Clause) -> str:
        """The predicate after the noun of ``listed``, the next count in a list of counts
        (4267名未脱贫人口、8个未退出贫困村要全部脱贫退出): it is said of every item, so it
        belongs to what each counts (未脱贫人口要全部脱贫退出); "" where none follows."""
        other, _ = self._following(listed, clause)
        # 62个贫困村、6.11万人脱贫退出: a count of people or households names its noun itself
        named = listed.unit in _SELF_NAMED_UNITS
        for index, token in enumerate(other):
            if token.pos == "v" and (
                (named and index == 0)
                or any(t.pos[:1] in _NOUN_TAGS or t.pos in _NOUN_POS for t in other[:index])
            ):
                return self._label(other[index:])[0]
        # 15个贫困县、559个贫困村和24万贫困人口减贫任务: an item with no predicate of its own
        # has the one the list ends with
        after = self.quantities_in(listed.span.end, clause.end)
        if other and after:
            between = self.text[other[-1].end : after[0].span.start]
            if between and all(c in _COORDINATION for c in between):
                return self._shared_predicate(after[0], clause)
        return ""

    def _unless_own(self, label: str, shared: str, quantity: Quantity) -> str:
        """``shared``, the predicate the next item of a list has, unless ``label`` has one of its
        own: an item that names a standard indicator alone, which the predicate added would not
        make another (51个贫困县全部摘帽、6920个贫困村全部出列: 摘帽 is the counties', 出列 the
        villages'; 4267名未脱贫人口、8个未退出贫困村要全部脱贫退出 still takes it)."""
        alone = concept_of(label, quantity.unit) if shared else None
        if alone is None:
            return shared
        joined = concept_of(label + shared, quantity.unit)
        return shared if joined is not None and joined != alone else ""

    def _level_of_change(self, quantity: Quantity, clause: _Clause) -> tuple[str, Span | None]:
        """For counts listed on both sides of a verb of reaching a level (贫困人口由2.4万户、
        8.7万人减少至56户、130人), what each counts: the words before 由 or 从, of which they are
        the levels before and after; "" where the clause is not so built."""
        words = self.text[clause.start : quantity.span.start]
        if "由" not in words and "从" not in words:
            return "", None
        values = self.quantities_in(clause.start, clause.end)
        if len(values) < 3 or quantity not in values:
            return "", None
        runs: list[list[Quantity]] = []
        for value in values:
            between = self.text[runs[-1][-1].span.end : value.span.start] if runs else ""
            if between and all(c in _COORDINATION for c in between):
                runs[-1].append(value)
            else:
                runs.append([value])
        reaching = read_lines("indicator_blocker_exceptions.txt")
        for first, second in zip(runs, runs[1:], strict=False):
            verb = self.text[first[-1].span.end : second[0].span.start].strip()
            # 降至2019年底的512户: the level's date stands between the verb and the level
            verb = _LEVEL_DATE.sub("", verb)
            if quantity not in first + second or verb not in reaching:
                continue
            toks = self.tokens_in(clause.start, first[0].span.start)
            opener = [i for i, t in enumerate(toks) if t.word in ("由", "从")]
            if opener:
                return self._label(self._strip_leading(toks[: opener[-1]], clause))
        return "", None

    def _size_of_area(self, quantity: Quantity, clause: _Clause) -> str:
        """全村428户1536人: numbers that are all a clause says after the place or area word
        opening it are its size: households, people … by their unit (``number_context.tsv``
        ``size_of``).  Empty where the clause says anything more (全村428户种植蓝莓)."""
        noun = _size_nouns().get(quantity.unit)
        if noun is None:
            return ""
        opening = [r for r in self.references if clause.start <= r.span.start <= clause.start + 1]
        if not opening:
            return ""
        rest = self.text[opening[0].span.end : clause.end]
        for number in self.quantities_in(opening[0].span.end, clause.end):
            rest = rest.replace(number.span.text, "", 1)
        return noun if rest.strip(_PUNCTUATION) == "" else ""

    def _borrowed(self, quantity: Quantity, clause: _Clause) -> tuple[str, Span | None, str]:
        """The indicator of the number before in the sentence, for one that names nothing
        (GDP增长8.5%，较上年提高1.2个百分点; 生产总值达到379.95亿元、增长9.3%); for a rate, past
        numbers whose words are only a link verb (增加), which are increases, not what grew."""
        start, _ = self.sentence(quantity)
        links = set(cue_words("link"))
        unnamed: tuple[str, Span | None, str] = ("", None, "none")
        for earlier in reversed(self.quantities_in(start, quantity.span.start)):
            clauses, index = self.clauses(earlier)
            label, span = self._written(earlier, clauses[index])
            if quantity.unit in _GROWTH_UNITS and _names_nothing(label):
                # another rate that names nothing (年均增长7.8%，同比增长8%): what grew is
                # written further back; its words are kept where nothing is
                unnamed = unnamed if unnamed[0] else (label, span, "borrowed")
                continue
            if label not in links or quantity.unit not in _GROWTH_UNITS:
                return label, span, "borrowed"
            # a rate after 比上年的约49亿元增加约3.3亿元: the increase, whose words are only
            # 增加, names nothing either; what grew is written before it
        return unnamed

    def _subject_before(self, quantity: Quantity, clause: _Clause) -> tuple[str, Span | None]:
        """The words of the clause before ``clause`` in its sentence where that clause has no
        number and names a standard indicator in ``quantity``'s unit; "" otherwise."""
        clauses, _ = self.clauses(quantity)
        index = next((i for i, c in enumerate(clauses) if c.start == clause.start), 0)
        if index == 0:
            return "", None
        before = clauses[index - 1]
        if self.quantities_in(before.start, before.end):
            return "", None
        toks = self._strip_leading(self.tokens_in(before.start, before.end), before, False)
        label, span = self._label(toks)
        if not label or concept_of(label, quantity.unit) is None:
            return "", None
        return label, span

    def _place_in_values(self, quantity: Quantity, clause: _Clause, count: int) -> int | None:
        """Where ``quantity`` stands among ``count`` values of its unit written one after the
        other in its clause with only 、 or 和 between (城乡居民人均可支配收入增长5.5%、6.1%: the
        order of the list before them, as 分别 would say); None for any other number of them."""
        run: list[Quantity] = []
        for value in self.quantities_in(clause.start, clause.end):
            between = self.text[run[-1].span.end : value.span.start] if run else ""
            joined = between.strip() and all(c in _COORDINATION for c in between)
            if run and joined and value.unit == run[-1].unit:
                run.append(value)
            elif quantity in run:
                break
            else:
                run = [value]
        if quantity not in run or len(run) != count:
            return None
        return run.index(quantity)

    def _counts_predicate(
        self, quantity: Quantity, listed: Quantity, clause: _Clause
    ) -> tuple[str, Span | None]:
        """For counts listed side by side whose units say what is counted (15户、80多人), with
        nothing before them but a verb of having (仍有), the predicate after the last
        (尚未脱贫), and its span: it names what each counts; "" where the counts say more."""
        before = self._part_of(quantity, clause, self._preceding(quantity, clause, keep_verb=True))
        if any(_is_noun(t) for t in before if t.word not in _HAVING):
            return "", None
        other, _ = self._following(listed, clause)
        own = 0
        while own < len(other) and _is_noun(other[own]):
            own += 1  # 80多名贫困人口尚未脱贫: the last count's own noun
        if own == 0 and other[:1] and other[0].word in read_lines("indicator_noun_modifiers.txt"):
            # 9800余名建档立卡低收入户脱贫: a modifier tagged as a verb opens the noun, which
            # runs to its last noun or measure word (户)
            named = [i for i, t in enumerate(other) if _is_noun(t) or t.pos == "q"]
            own = named[-1] + 1 if named else 0
        predicate = other[own:]
        if not predicate or predicate[0].pos[:1] not in ("d", "v") or predicate[0].word in _HAVING:
            return "", None
        if any(_is_noun(t) for t in predicate):
            return "", None  # …户参加培训班: the predicate has a noun of its own
        return self._label(predicate)

    def _part_of(self, quantity: Quantity, clause: _Clause, toks: list[Token]) -> list[Token]:
        """``toks``, the words before ``quantity``, without a whole it is part of, counted just
        before them (2000名贫困人口中有1800人: 贫困人口中有 says of what 1800 is a part)."""
        if self._group_start(quantity, clause)[1] is None:
            return toks
        whole = _partitive_at(toks)
        if whole is None:
            return toks
        rest = toks[whole + 1 :]
        while rest and rest[0].word in _HAVING:
            rest = rest[1:]
        return rest

    def _unwrapped(self, clause: _Clause) -> _Clause:
        """``clause`` with the end of the line before it where a hard-wrapped line break cuts a
        phrase in two (全社会固定资产投 / 资完成59.4亿元): the break follows a long line that
        ends in a character of a word, not a mark."""
        start = clause.start
        if start < 2 or self.text[start - 1] != "\n" or not _is_word_char(self.text[start - 2]):
            return clause
        line_start = self.text.rfind("\n", 0, start - 1) + 1
        if start - 1 - line_start < _WRAPPED_LINE:
            return clause
        opening = start - 1
        while opening > line_start and not _CLAUSE_BREAK.match(self.text, opening - 1):
            opening -= 1
        return _Clause(opening, clause.end)

    # -- kind --------------------------------------------------------------------------------

    def _cue_words(self, start: int, end: int) -> frozenset[str]:
        """:meth:`_find_cue_words`, once per range: a sentence's quantities ask about the same
        clauses."""
        found = self._cues.get((start, end))
        if found is None:
            found = self._cues[start, end] = frozenset(self._find_cue_words(start, end))
        return found

    def _find_cue_words(self, start: int, end: int) -> set[str]:
        """The words of ``text[start:end]`` that may be cues: not those inside the name of a
        programme or place (“雨露计划”, 《…规划》, 计划乡), and not 将 where it marks the object
        (将…农户全部纳入监测范围: before a noun or pronoun, or with a verb of disposal such as
        纳入), not the future."""
        toks = self.tokens_in(start, end)
        # by the characters, not jieba's words: 旧房改建成 is cut 房改|建成
        disposal = any(w in self.text[start:end] for w in cue_words("disposal"))
        words = set()
        cues = _cue_vocabulary()
        for i, token in enumerate(toks):
            if token.word not in cues:
                continue
            if any(start <= token.start and token.end <= end for start, end in self.named):
                continue
            after = toks[i + 1].pos if i + 1 < len(toks) else ""
            following = toks[i + 1].word if i + 1 < len(toks) else ""
            # 将农户…, 将约71万人从…搬出: before a noun or a number, 将 marks the object
            counted = after == "m" or following in _APPROXIMATE_WORDS
            nominal = (after.startswith(_NOMINAL_TAGS) and after != "ns") or counted
            if token.word in cue_words("object_marker") and (nominal or disposal):
                continue
            if token.word in cue_words("target") and any(
                t.word in cue_words("according") for t in toks[max(0, i - _ACCORDING_REACH) : i]
            ):
                continue  # 按照镇的规划发展产业: the plan followed, not one being made
            if token.word in cue_words("target") and any(
                t.word in cue_words("exceeded") for t in toks[max(0, i - _ACCORDING_REACH) : i]
            ):
                continue  # 超出年度目标任务56万亩: the mark passed, not a plan
            before = self.text[max(0, token.start - _PLAN_NAME_MAX) : token.start]
            if token.word in cue_words("target") and before.rstrip(_CLOSING_QUOTES).endswith(
                cue_words("plan_name")
            ):
                continue  # “十四五”规划中央投资: the plan's name
            words.add(token.word)
        return words

    def _cue(self, start: int, end: int, past: bool = False) -> str | None:
        """The strongest cue of ``text[start:end]``: ``aspect`` (completed), ``target`` or
        ``outcome`` (a result word), if any; where the figure is about a time ``past``, an
        estimate (预计) or a thing striven for (争取) is no plan."""
        words = self._cue_words(start, end)
        if past:
            # 争取 in a review of the year tells what was won, not a plan
            words = self._unestimated(words) - set(cue_words("won")) - self._reached(start, end)
        segment = self.text[start:end]
        if words & set(cue_words("aspect")) or _searches("aspect_re", segment, None):
            return "aspect"
        if words & set(cue_words("target")) or _searches("target_re", segment, self.year):
            return "target"
        if words & set(cue_words("outcome")):
            return "outcome"
        return None

    def _planned_section(self, quantity: Quantity, clauses: list[_Clause]) -> bool:
        """Whether the quantity's sentence lies under a heading of plans and tells of no earlier
        year (去年, 2023年 in a 2024 report): the heading governs it as a plan cue would."""
        at = quantity.span.start
        if not any(start <= at < end for start, end in self.plan_sections):
            return False
        sentence = self.text[clauses[0].start : clauses[-1].end]
        if any(w in sentence for w in cue_words("past")):
            return False
        years = [int(y) for y in _YEAR.findall(sentence)]
        return self.year is None or all(y >= self.year for y in years)

    def _plans(self, start: int, end: int, past: bool = False) -> bool:
        """Whether ``text[start:end]`` has a plan cue that governs the rest of the sentence."""
        words = self._cue_words(start, end)
        if past:
            words = self._unestimated(words) - self._reached(start, end)
        segment = self.text[start:end]
        return bool(words & set(cue_words("plan"))) or _searches("plan_re", segment, self.year)

    def _reached(self, start: int, end: int) -> frozenset[str]:
        """The target words of ``text[start:end]`` just after a word of reaching (实现…目标):
        in a sentence about a time already past, the goal met, not a plan."""
        if not self._cue_words(start, end) & set(cue_words("target")):
            return frozenset()
        toks = self.tokens_in(start, end)
        reaching = set(cue_words("reached"))
        return frozenset(
            token.word
            for i, token in enumerate(toks)
            if token.word in cue_words("target")
            and any(t.word in reaching for t in toks[max(0, i - _ACCORDING_REACH) : i])
        )

    @staticmethod
    def _unestimated(words: frozenset[str]) -> frozenset[str]:
        """Cue ``words`` of a clause about a time already past without its estimate, and the
        future words an estimate takes (预计…将圆满完成: what is expected of the year gone)."""
        if not words & set(cue_words("estimate")):
            return words
        return words - set(cue_words("estimate")) - set(cue_words("estimated_future"))

    def _estimates_past(self, quantity: Quantity, clauses: list[_Clause]) -> bool:
        """Whether an estimate (预计) in the quantity's sentence is of a time already past: the
        sentence lies under a heading that reviews past work, or tells of an earlier time
        (去年, 过去五年, only years before the document's), or the estimate is a note in
        brackets on figures stated (99.3亿元(预计数)).  Such figures are the outcomes of a
        year just ended, estimated before its statistics are out."""
        at = quantity.span.start
        if any(start <= at < end for start, end in self.review_sections):
            return True
        start, end = clauses[0].start, clauses[-1].end
        sentence = self.text[start:end]
        if any(
            self.text[start + m.start() - 1 : start + m.start()] in ("(", "（")
            for m in _estimate_re().finditer(sentence)
        ):
            return True
        if self._tells_past(sentence):
            return True
        # a sentence naming no time of its own, in a paragraph opened by a past time
        # (刚刚过去的2020年，…。预计实现地区生产总值…)
        if _YEAR.search(sentence) or any(w in sentence for w in cue_words("present")):
            return False
        paragraph = self.text.rfind("\n", 0, start) + 1
        if self._tells_past(self.text[paragraph:start]):
            return True
        # nor in its paragraph, under a heading that does (a report's 2019年高质量发展迈出
        # 坚实步伐 over 预计实现地区生产总值…, given in 2020; 一、过去的一年，…)
        if any(s <= at < e for s, e in self.plan_sections):
            return False
        heading = self.periods.heading_span(at)
        return heading is not None and self._tells_past(self.text[heading[0] : heading[1]])

    def _tells_past(self, text: str) -> bool:
        """Whether ``text`` speaks of an earlier time: 去年, 过去, or only years before the
        document's own."""
        if any(w in text for w in cue_words("past")):
            return True
        years = [int(y) for y in _YEAR.findall(text)]
        return self.year is not None and bool(years) and all(y < self.year for y in years)

    def _cue_in(self, start: int, end: int, past: bool = False) -> Kind | None:
        """The kind the cue words of ``text[start:end]`` give, if any."""
        cue = self._cue(start, end, past)
        if cue is None:
            return None
        return Kind.TARGET if cue == "target" else Kind.OUTCOME

    def kind(self, quantity: Quantity, clauses: list[_Clause], index: int, described: bool) -> Kind:
        clause = clauses[index]
        if described:
            # a number describing a programme: only the words about the number count, unless
            # the clause tells the programme done (完成346公里的…工程, 投资…的…路全部完工)
            _, span = self.indicator(quantity, clause)
            start = min(span.start, quantity.span.start) if span else quantity.span.start
            found = self._cue_in(start, quantity.span.end)
            if found is not None:
                return found
            return Kind.OUTCOME if self._tells_done(clause) else Kind.TARGET
        if self._required(quantity, clause):
            return Kind.TARGET
        if self._counts_settled_set(quantity, clause):
            return Kind.OUTCOME
        past = self._estimates_past(quantity, clauses)
        goal = self._quoted_goal(quantity, clauses, past)
        if goal is not None:
            return goal
        own = self._cue(clause.start, clause.end, past)
        if own == "aspect":
            return Kind.OUTCOME
        if own == "target":
            return Kind.TARGET
        if own is None and self._sizes_project(quantity) and not self._tells_done(clause):
            return Kind.TARGET  # 主要包括投资30亿元的…项目: the size planned for it
        if self._planned_section(quantity, clauses):
            return Kind.TARGET
        if own is None and not past and self._stretched(clauses, index):
            return Kind.TARGET  # 增长2.5%，力争3%: the expected mark before the one striven for
        # a plan cue earlier in the sentence governs it (计划到2025年，…达到600头，新增200亩),
        # and one that opens a list with a colon does so whatever its own aspect
        # (会上提出了2024年主要预期目标：…增长6%)
        for earlier in reversed(clauses[:index]):
            opens_list = self.text[earlier.end : earlier.end + 1] in ("：", ":")
            if opens_list and self._plans(earlier.start, earlier.end, past):
                return Kind.TARGET
            if self._cue(earlier.start, earlier.end, past) == "aspect":
                break
            if self._plans(earlier.start, earlier.end, past):
                return Kind.TARGET
            proposal = self.text[earlier.start : earlier.end]
            if (
                not past
                and not self._tells_past(proposal)
                and _searches("proposal_re", proposal, None)
            ):
                return Kind.TARGET  # 会议提出，2020年地区生产总值增长6%
        if own == "outcome":
            return Kind.OUTCOME
        for earlier in reversed(clauses[:index]):
            found = self._cue_in(earlier.start, earlier.end, past)
            if found is not None:
                return found
        return Kind.OUTCOME

    def _counts_settled_set(self, quantity: Quantity, clause: _Clause) -> bool:
        """将对我省确定的56个重点帮扶镇和748个重点帮扶村开展…: a count of a set already settled
        (``settled`` in cues.tsv, then 的) is the set's size, an outcome, whatever is planned for
        it; so is a count listed after it before any cue word."""
        if quantity.unit not in _HEAD_UNITS:
            return False
        segment = self.text[clause.start : quantity.span.start]
        ends = [
            at + len(w) + 1 for w in cue_words("settled") if (at := segment.rfind(w + "的")) >= 0
        ]
        if not ends:
            return False
        return self._cue(clause.start + max(ends), quantity.span.start) is None

    def _stretched(self, clauses: list[_Clause], index: int) -> bool:
        """Whether the clause after ``clauses[index]`` opens with a word of striving and gives a
        number (增长2.5%，力争3%): a plan's expected mark and its stretch, both targets."""
        if index + 1 >= len(clauses):
            return False
        following = clauses[index + 1]
        text = self.text[following.start : following.end]
        return text.startswith(cue_words("stretch")) and _DIGIT.search(text) is not None

    def _quoted_goal(self, quantity: Quantity, clauses: list[_Clause], past: bool) -> Kind | None:
        """The kind of a figure in quote marks that the words after the quote name
        (围绕“两个县摘帽、30个村退出”这一年度目标任务: targets), unless the words before the
        quote tell them reached (实现了“…”的目标: outcomes); none where no cue follows it."""
        sentence_start = clauses[0].start
        opening = self.text.rfind("“", sentence_start, quantity.span.start)
        if opening < 0 or "”" in self.text[opening : quantity.span.start]:
            return None
        closing = self.text.find("”", quantity.span.end, clauses[-1].end)
        if closing < 0:
            return None
        after = _CLAUSE_BREAK.search(self.text, closing, clauses[-1].end)
        after_end = after.start() if after else clauses[-1].end
        if self._cue(closing + 1, after_end, past) != "target":
            return None
        before = next(c for c in clauses if c.start <= opening < c.end)
        if self._cue(before.start, opening, past) == "aspect":
            return Kind.OUTCOME
        return Kind.TARGET

    def _required(self, quantity: Quantity, clause: _Clause) -> bool:
        """Whether the quantity is the level a requirement sets, followed in what its clause
        tells (按照抽查率不低于8%的要求, 对…进行核查): after an according word and just before
        的要求/的标准."""
        after = self.text[quantity.span.end : clause.end]
        if not after.startswith(_requirement_closers()):
            return False
        before = self.text[clause.start : quantity.span.start]
        return any(w in before for w in cue_words("according"))

    # -- programme ---------------------------------------------------------------------------

    def _tells_done(self, clause: _Clause) -> bool:
        """Whether ``clause`` tells something completed: a word of completion (完成, 完工) and
        no target cue (a project launched, 启动了总投资160亿元的…项目, is not done)."""
        if self._cue(clause.start, clause.end) == "target":
            return False
        words = self._cue_words(clause.start, clause.end)
        return bool(words & set(cue_words("completed")))

    def _sizes_project(self, quantity: Quantity) -> bool:
        """Whether the quantity is the investment a project is described by: a word such as
        投资 right before it and the project after it (投资30亿元的…项目, 总投资2.98亿元“…”项目)."""
        before = self.text[max(0, quantity.span.start - 8) : quantity.span.start]
        after = self.text[quantity.span.end : quantity.span.end + 1]
        return before.endswith(cue_words("project_size")) and after in ("的", "“", '"', "「")

    def described_programme(
        self, quantity: Quantity, clauses: list[_Clause], index: int
    ) -> Programme | None:
        """The programme the number is part of the description of: ``…的“X”工程`` in its
        clause, or a clause of the verb list leading up to it."""
        for position in range(index, len(clauses)):
            clause = clauses[position]
            if position > index and not self._opens_with_verb(clause):
                return None
            start = quantity.span.end if position == index else clause.start
            for programme in self.programmes:
                if (
                    start <= programme.span.start < clause.end + 1
                    and _ATTRIBUTIVE.search(self.text[start : programme.span.start])
                    and (position == index or self._opens_with_verb(clauses[index]))
                ):
                    return programme
            if not self.quantities_in(clause.start, clause.end) and position > index:
                return None
        return None

    def _opens_with_verb(self, clause: _Clause) -> bool:
        toks = [t for t in self.tokens_in(clause.start, clause.end) if t.word.strip()]
        while toks and toks[0].word in _VERB_LIST_OPENERS and len(toks) > 1:
            toks = toks[1:]
        return bool(toks) and toks[0].pos in ("v", "vn")

    def programme(self, quantity: Quantity, clauses: list[_Clause], index: int) -> Programme | None:
        clause = clauses[index]
        named = [
            p
            for p in self.programmes
            if clause.start <= p.span.start and p.span.end <= quantity.span.start
        ]
        if named:
            return named[-1]
        sentence_start = clauses[0].start
        for programme in reversed(self.programmes):
            if not sentence_start <= programme.span.start < clause.start:
                continue
            rest = self.text[programme.span.end : clause.start]
            closes = rest.lstrip('”’」』》〉"').lstrip()
            if (
                closes[:1]
                and closes[0] in ",，；;"
                and not any(
                    c.start < programme.span.start < c.end and c.end < programme.span.end
                    for c in clauses
                )
            ):
                return programme
        return None

    # -- area --------------------------------------------------------------------------------

    def areas(
        self,
        quantity: Quantity,
        clauses: list[_Clause],
        index: int,
        programme: Programme | None,
        jurisdiction: Division | None,
    ) -> list[Division | None]:
        """The divisions a figure is about: several where 分别 gives one value to each.

        A document reports on its own area: a place outside it that is not one of its
        ancestors (the partner city of 东西部协作, where migrants work) is where the figure
        comes from or goes to, and the figure stays the document's (怀柔区投入帮扶资金2860万元
        in a 新拨镇 interview is 新拨镇's)."""
        distributed = self._distributed(quantity, clauses, index)
        if distributed is not None and len(distributed) > 1:
            return list(distributed)
        if distributed is not None:
            found: Division | None = distributed[0]
        else:
            found = self._area(quantity, clauses, index, programme, jurisdiction)
        if (
            _outside(found, jurisdiction)
            and found not in self.peers
            and (
                # a helper from outside (东莞扶贫工作组扶持114个村) works on the document's area
                found in self.helpers or not self._subject_of(found, quantity, clauses[index])
            )
        ):
            return [jurisdiction]
        listed = self._listed_names(quantity, clauses[index], jurisdiction)
        if listed:
            # 龙胜、资源、田阳…9个县: all the places counted, those the text's places missed too
            return [_common_parent(listed) or found]
        if self._counts_listed(quantity, clauses[index]):
            return [
                self._listing_subject(quantity, clauses[index])
                or self._itself_counted(found, quantity, clauses[index])
            ]
        return [found]

    def _listing_subject(self, quantity: Quantity, clause: _Clause) -> Division | None:
        """The place opening the clause that a count of the places listed after it counts in
        (某乡在甲村、乙村等9个村建成电站: the township's nine villages): above the level
        counted, and holding every place listed."""
        named = [
            p
            for p in self.places
            if clause.start <= p.span.start and p.span.end <= quantity.span.start
        ]
        if len(named) < 2 or not self._opens(named[0], clause):
            return None
        # the level a noun after the count names (9个县), else that of the places listed
        level = self._counted_level(quantity) or named[-1].division.level
        subject = named[0].division
        order = list(Level)
        if order.index(subject.level) >= order.index(level):
            return None
        listed = named[1:]
        if 2 * sum(p.division.parent == subject for p in listed) <= len(listed):
            return None  # most of them elsewhere: a list of its own (a name misread aside)
        return self._holding(subject, quantity)

    def _itself_counted(
        self, area: Division | None, quantity: Quantity, clause: _Clause
    ) -> Division | None:
        """The area of a count of the places named right before it: the one that holds as many
        (:meth:`_holding`), and where the count is one place of the named one's own level
        (渭源县1个省级贫困县), that place is counted, not counting: the common parent of the
        places its clause lists (通渭县、会宁县2个国家贫困县和渭源县1个…: 甘肃省)."""
        if area is None or quantity.value != 1 or self._counted_level(quantity) is not area.level:
            return self._holding(area, quantity)
        named = [
            p.division
            for p in self.places
            if clause.start <= p.span.start and p.span.end <= quantity.span.start
        ]
        return _common_parent(named) if len(named) > 1 else area.parent

    def _listed_names(
        self, quantity: Quantity, clause: _Clause, jurisdiction: Division | None
    ) -> list[Division]:
        """The divisions of a list that a count right after it enumerates (龙胜、资源、田阳…
        9个县: as many names as the count, and a noun of their level after it), each name
        resolved near the document's own area; none unless every name is a division's."""
        if quantity.unit != "COUNT":
            return []
        segment = self.text[clause.start : quantity.span.start]
        for word in cue_words("listed_count"):
            if segment.endswith(word):
                segment = segment[: -len(word)]
                break
        names = _ITEM_SPLIT.split(segment)
        if len(names) < 2 or len(names) != quantity.value or self._counted_level(quantity) is None:
            return []
        # a name the text's places read stands for their division; the rest are looked up
        named = {
            p.span.text: p.division
            for p in self.places
            if clause.start <= p.span.start < quantity.span.start
        }
        found = []
        for name in names:
            name = name.strip(_PUNCTUATION)
            division = named.get(name) or gazetteer.resolve(name, jurisdiction)
            if division is None:
                return []
            found.append(division)
        return found

    def _subject_of(self, area: Division | None, quantity: Quantity, clause: _Clause) -> bool:
        """Whether ``area`` is named opening the quantity's clause, before it: the clause's
        subject (乐山有4个贫困县; 2024年，…仁东村实现集体经济收入110万元), whose figure it is
        wherever it lies, not a partner giving to or taking from the document's own area."""
        for place in self.references:
            if place.span.start >= quantity.span.start:
                break
            if place.span.start < clause.start or not self._opens(place, clause):
                continue
            named = self._most_specific(place)
            end = named.span.end
            following = [t for t in self.tokens_in(end, quantity.span.start) if t.word.strip()]
            between = self.text[end : quantity.span.start]
            # the subject's own verb right after it (仁东村实现, 乐山有); not a partner's
            # attribute (福建企业), time (北京全年采购), help or gift (福建已在…援建,
            # 福州市累计投入资金…: the partner's money, the document's figure)
            return (
                named.division == area
                and bool(following)
                and following[0].pos.startswith("v")
                and not any(w in between for w in (*cue_words("help"), *cue_words("give")))
            )
        return False

    def _counts_listed(self, quantity: Quantity, clause: _Clause) -> bool:
        """Whether the quantity counts the places named right before it (X、Y、Z共19个县,
        X等20个旗县)."""
        named = [
            p
            for p in self.places
            if clause.start <= p.span.start and p.span.end <= quantity.span.start
        ]
        if not named:
            return False
        between = self.text[named[-1].span.end : quantity.span.start]
        return between == "" or between.startswith(cue_words("listed_count"))

    def _holding(self, area: Division | None, quantity: Quantity) -> Division | None:
        """``area``, or the nearest of its ancestors that has as many divisions as a count of
        them (措勤县、改则县、革吉县共19个县, 鄂伦春自治旗等20个旗县: a prefecture has fewer than
        19 counties, so the figure is the province's)."""
        noun = self._counted_noun(quantity)
        level = _level_nouns().get(noun) if noun else None
        if area is None or level is None or quantity.unit != "COUNT":
            return area
        # 14个贫困县 counts counties, not a city's districts (县区, 区县 count both)
        districts = noun not in number_context("county_noun")
        wanted = int(quantity.value)
        order = list(Level)
        node: Division | None = area
        while node is not None and order.index(node.level) >= order.index(level) and wanted > 1:
            node = node.parent  # 鄂伦春自治旗等20个旗县: no county holds 20 counties
        while node is not None:
            held = _number_under(node, level, districts)
            if held == 0:
                return area  # the gazetteer does not list them: nothing to go by
            if held >= wanted:
                return node
            node = node.parent
        return area

    def _counted_level(self, quantity: Quantity) -> Level | None:
        """The level of the divisions a count counts, from the words after its measure word
        (19个县(区), 20个国家级贫困旗县, 11个乡镇), if they name one."""
        noun = self._counted_noun(quantity)
        return _level_nouns()[noun] if noun else None

    def _counted_noun(self, quantity: Quantity) -> str | None:
        """The noun after a count's measure word that names the level it counts, if any."""
        words = [
            t.word
            for t in self.tokens_in(quantity.span.end, quantity.span.end + _LEVEL_NOUN_REACH)
            if t.word.strip()
        ]
        for word in words[:_LEVEL_NOUN_WORDS]:
            if word in _level_nouns():
                return word
            if word in _PUNCTUATION:
                break
        return None

    def _area(
        self,
        quantity: Quantity,
        clauses: list[_Clause],
        index: int,
        programme: Programme | None,
        jurisdiction: Division | None,
    ) -> Division | None:
        """The division named for the figure, before the document's own area is considered."""
        clause = clauses[index]
        if self._sizes_project(quantity):
            # 投资12亿元的云阳县…基地项目: the project's place, named right after 的
            at = quantity.span.end + 1
            named = next((p for p in self.places if p.span.start == at), None)
            if named is not None:
                return self._most_specific(named).division
        inside = [
            p
            for p in self.references
            if clause.start <= p.span.start
            and p.span.end <= quantity.span.start
            and not self._destination(p)
            and not self._distance_from(p, quantity, clause)
            and not self._names_firm(p, quantity)
            and not self._item_before(p, quantity)
        ]
        if inside:
            segment = self.text[clause.start : quantity.span.start]
            listed = not any(w in segment for w in cue_words("distribute"))
            return self._resolved(inside[-1], clause, listed)
        for earlier in reversed(clauses[:index] if not self._own_region(clause) else []):
            # the subject of the sentence: a place that opens an earlier clause; not a partner
            # outside the document's area (群科镇…，江阴市援建的加工厂…，年加工能力1.5万吨)
            for place in self.references:
                if self._opens(place, earlier):
                    place = self._most_specific(place)
                    if self.text.startswith(cue_words("ranking"), place.span.end):
                        continue  # 甘肃最长的环线: where it ranks, not what it is about
                    place = self._stationed(place, earlier)
                    others = self._listed_after(place)
                    if others:  # 在疏附县、疏勒县，…: all of them
                        subject = _common_parent([place.division, *others])
                    else:
                        subject = self._resolved(place, earlier)
                    if subject is None or (
                        _outside(subject, jurisdiction) and subject not in self.peers
                    ):
                        continue
                    return subject
        told = self._quoted_figures_area(quantity)
        if told is not None:
            return told
        inherited = (
            self._inherited(quantity, clauses, jurisdiction)
            or self._spoken_of(quantity, clauses, jurisdiction)
            or next(
                (
                    area
                    for start, end, area in self.place_sections
                    if start <= quantity.span.start < end
                ),
                None,
            )
        )
        if programme is not None and programme.area is not None:
            # the place the paragraph is about, where the programme's area holds it
            # (在吉强镇龙王坝村…借助闽宁协作资金…建成民宿院落32座: the village's, not the
            # county's of the programme)
            if inherited is not None and programme.area.contains(inherited):
                return inherited
            return programme.area
        return inherited or jurisdiction

    def _quoted_figures_area(self, quantity: Quantity) -> Division | None:
        """The area of figures quoted at a paragraph's opening and named right after the quote
        (“年收益118万元……”某县某乡建设电站的这组数据，…): the last place named between the
        closing quote and the words that name the figures, in that clause."""
        opened = self.text.rfind(_OPEN_QUOTE, 0, quantity.span.start)
        line_start = self.text.rfind("\n", 0, quantity.span.start) + 1
        if opened < line_start or self.text.find(_CLOSE_QUOTE, opened, quantity.span.start) >= 0:
            return None
        closed = self.text.find(_CLOSE_QUOTE, quantity.span.end)
        if closed < 0 or "\n" in self.text[quantity.span.end : closed]:
            return None
        after = closed + 1
        stop = _CLAUSE_BREAK.search(self.text, after)
        clause_end = stop.start() if stop else len(self.text)
        told = min(
            (
                at
                for w in cue_words("figures_told")
                if (at := self.text.find(w, after, clause_end)) >= 0
            ),
            default=-1,
        )
        if told < 0:
            return self._speakers_place(opened, closed)
        named = [p for p in self.places if after <= p.span.start and p.span.end <= told]
        return self._most_specific(named[-1]).division if named else None

    def _speakers_place(self, opened: int, closed: int) -> Division | None:
        """The place of a quote that speaks of its own (“咱们村今年光伏收益19万元……”近日，在某乡
        某村…，支部书记介绍): the last division of that kind (村 of 咱们村: ``speaker_area`` in
        cues.tsv) that the sentence after the quote names."""
        quote = self.text[opened:closed]
        kinds = {w[-1] for w in cue_words("speaker_area") if w in quote}
        if not kinds:
            return None
        found = _SENTENCE_BREAK.search(self.text, closed)
        end = found.start() if found else len(self.text)
        named = [
            p
            for p in self.places
            if closed < p.span.start and p.span.end <= end and p.division.name[-1] in kinds
        ]
        return named[-1].division if named else None

    def _item_before(self, place: PlaceMention, quantity: Quantity) -> bool:
        """Whether ``place`` is an item of a list of its own, and the count right after it the
        next item (未摘帽的某县、14个未脱贫村: the villages are the whole area's, not the
        county's)."""
        return self.text[place.span.end : quantity.span.start] == _LIST_COMMA

    def _resolved(self, reference: PlaceMention, clause: _Clause, listed: bool = True) -> Division:
        """The area a reference stands for in its clause: the area helped where it helps
        another (广州市对口帮扶毕节市), the common parent of a list (威宁、赫章、纳雍3个县;
        ``listed``: not where 分别 gives each its own value), else its own division."""
        end = reference.span.end
        helps = next((w for w in cue_words("help") if self.text.startswith(w, end)), None)
        if helps is not None:
            helped = [
                p
                for p in self.places
                if end + len(helps) <= p.span.start < clause.end
                and self.text[end + len(helps) : p.span.start].strip("了的 ") == ""
            ]
            if helped:
                others = self._listed_after(helped[0])
                if others:  # 山东省对口支援疏勒县、英吉沙县…: all of them
                    return _common_parent([helped[0].division, *others]) or helped[0].division
                return helped[0].division
        run = [reference]
        for place in reversed([p for p in self.references if p.span.end <= reference.span.start]):
            between = self.text[place.span.end : run[0].span.start]
            if between and all(c in _COORDINATION for c in between):
                run.insert(0, place)
            else:
                break
        if len(run) > 1 and listed:
            common = _common_parent([p.division for p in run])
            if common is not None:
                return common
        return reference.division

    def _inherited(
        self, quantity: Quantity, clauses: list[_Clause], jurisdiction: Division | None
    ) -> Division | None:
        """For a sentence that names no area before the number: the area of what 该X refers
        back to (该产业园 after 织金县三塘镇的竹荪产业园), else the area its paragraph last made
        the subject (a place opening a clause), where either is a part of the document's own
        area (a township of the county the report is about), not that area or one outside it."""
        sentence_start = clauses[0].start
        if any(sentence_start <= r.span.start < quantity.span.start for r in self.references):
            return None
        paragraph_start = self.text.rfind("\n", 0, sentence_start) + 1
        area = self._antecedent_area(paragraph_start, sentence_start, quantity.span.start)
        if area is None:
            area = self._described_village(sentence_start, quantity, clauses)
        if area is None:
            subjects = [
                r
                for r in self.references
                if paragraph_start <= r.span.start
                and r.span.end <= sentence_start
                and self._opens_clause(r.span.start, paragraph_start)
            ]
            if not subjects:
                return self._visited_last(sentence_start, jurisdiction)
            last = self._most_specific(subjects[-1])  # 在程海镇河口村: the village
            listed = self._listed_after(last)
            # 椒园镇、万寨乡、李家河镇分别…: several subjects, none of them the next sentence's
            if listed:
                area = _common_parent([last.division, *listed])
                if area is None:
                    return None
            else:
                area = self._resolved(last, _Clause(last.span.start, sentence_start))
        if jurisdiction is not None and not _part_of(area, jurisdiction):
            return None
        return area

    def _visited_last(self, before: int, jurisdiction: Division | None) -> Division | None:
        """The place a party went to inspect (县长一行到某镇督导), where it is the last place
        named before ``before`` and inside the document's own area: what the party saw
        there, told after it without a place, is that place's."""
        last = next((p for p in reversed(self.places) if p.span.end <= before), None)
        if last is None or last.span.start not in self._visited:
            return None
        if jurisdiction is not None and not _part_of(last.division, jurisdiction):
            return None
        return last.division

    @cached_property
    def _visited(self) -> frozenset[int]:
        """Starts of the places named as where a party goes to inspect (到某镇督导)."""
        return frozenset(
            p.span.start
            for p in self.places
            if self.text.endswith(cue_words("visit_to"), 0, p.span.start)
            and self.text.startswith(cue_words("visit"), p.span.end)
        )

    def _spoken_of(
        self, quantity: Quantity, clauses: list[_Clause], jurisdiction: Division | None
    ) -> Division | None:
        """The place a word such as 村里 or 全村 stands for earlier in the sentence, where no
        place opens a clause (这两年村里借助…资金…，建成民宿院落32座): what the sentence is
        about, where it lies inside the document's own area."""
        said = [
            w.division
            for w in self.area_words
            if clauses[0].start <= w.span.start < quantity.span.start
        ]
        if not said:
            said = self._village_said_before(clauses[0].start)
        if not said or jurisdiction is None or not _part_of(said[-1], jurisdiction):
            return None
        return said[-1]

    def _village_said_before(self, sentence_start: int) -> list[Division]:
        """The village a 村里/全村 earlier in the paragraph stands for, where it is the last
        place the paragraph refers to (任某村第一书记以来，他结合村里实际…。现发展茶叶1540亩):
        the village the paragraph is about; a township's or county's word is left to the
        sentence it is in, since a report's 全县 opens many paragraphs about other places, and
        so is a speaker's 本村/我村 (各村第一书记分别围绕本村…发言: each speaker's own)."""
        paragraph_start = self.text.rfind("\n", 0, sentence_start) + 1
        at = bisect_left(self._reference_starts, sentence_start) - 1
        if at < 0:
            return []
        last = self.references[at]
        if last.span.start < paragraph_start or last.span.start not in self._area_word_starts:
            return []
        if self.text[last.span.start] in _SPEAKERS_OWN:
            return []
        return [last.division] if last.division.level is Level.VILLAGE else []

    @cached_property
    def _reference_starts(self) -> list[int]:
        return [r.span.start for r in self.references]

    @cached_property
    def _area_word_starts(self) -> frozenset[int]:
        return frozenset(w.span.start for w in self.area_words)

    def _opens(self, place: PlaceMention, clause: _Clause) -> bool:
        """Whether ``place`` opens ``clause``, or follows only a word such as 在 or 比如 there."""
        if not clause.start <= place.span.start < clause.end:
            return False
        lead = self.text[clause.start : place.span.start].strip(_PUNCTUATION)
        return lead == "" or lead in cue_words("subject_opener")

    def _most_specific(self, place: PlaceMention) -> PlaceMention:
        """The last of the places written right after one another from ``place`` on
        (疏附县塔什米里克乡库木巴格村: the village)."""
        for following in self.references:
            if following.span.start == place.span.end:
                place = following
        return place

    def _stationed(self, place: PlaceMention, clause: _Clause) -> PlaceMention:
        """The place a body of ``place`` is stationed in, named after it in ``clause``
        (定西市财政局驻通渭县工作队: 通渭县), whose figures its team reports; else ``place``."""
        for following in self.references:
            if following.span.start < place.span.end:
                continue
            if following.span.start >= clause.end:
                break
            gap = self.text[place.span.end : following.span.start]
            if len(gap) <= _STATIONED_GAP and gap.endswith(cue_words("stationed")):
                return following
            break
        return place

    def _names_firm(self, place: PlaceMention, quantity: Quantity) -> bool:
        """Whether ``place`` opens a firm's name before ``quantity`` (甘肃某某农业发展有限公司、
        …等10家单位): the item it opens, up to the next separator, ends in a firm's word."""
        end = min(quantity.span.start, place.span.end + _FIRM_NAME_MAX)
        item = _ITEM_END.split(self.text[place.span.end : end], maxsplit=1)[0]
        return item.endswith(cue_words("firm"))

    def _destination(self, place: PlaceMention) -> bool:
        """Whether ``place`` is where something goes (年供应赣州市中心城区…) or what the figure is
        measured against or from (高于全省平均水平, 距榕江县城): it follows a verb such as 供应 or
        销往, or a word such as 高于 or 距, and is not what the figure is about."""
        before = self.text[max(0, place.span.start - 4) : place.span.start]
        return before.endswith(cue_words("destination") + cue_words("reference"))

    def _distance_from(self, place: PlaceMention, quantity: Quantity, clause: _Clause) -> bool:
        """Whether ``place`` is a far end of the distance ``quantity`` measures (距乡政府12公里、
        某县城23公里; 距离某江某段江岸约3公里的某村): a length, with 距 or 距离 written before
        the place in its clause; the figure describes the place the text is about."""
        if quantity.unit not in _LENGTHS:
            return False
        segment = self.text[clause.start : place.span.start]
        return any(word in segment for word in cue_words("distance_from"))

    def _listed_after(self, first: PlaceMention) -> list[Division]:
        """The places coordinated right after ``first`` (、 和 及 …), if any."""
        out = []
        end = first.span.end
        for place in (r for r in self.references if r.span.start >= end):
            if not _coordinated(self.text[end : place.span.start]):
                break
            out.append(place.division)
            end = place.span.end
        return out

    def _opens_clause(self, at: int, floor: int) -> bool:
        """Whether a clause opens at ``at``, or a word such as 在 or a year opens it right
        before (在两河口村，…; 2018年涪城全区经济社会发展…)."""
        year = _LEADING_YEAR.search(self.text, max(floor, at - _LEADING_YEAR_MAX), at)
        if year is not None:
            at = year.start()
        for word in cue_words("subject_opener"):
            if at - len(word) >= floor and self.text.startswith(word, at - len(word)):
                at -= len(word)
                break
        before = self.text[max(floor, at - 2) : at]
        return at == floor or any(c in _CLAUSE_OPENERS for c in before[-1:])

    def _antecedent_area(
        self, paragraph_start: int, sentence_start: int, end: int
    ) -> Division | None:
        """The area of the thing a 该X (该产业园, 该项目) before ``end`` refers back to: a place
        written right before X (or before X's 的) where the paragraph named X earlier."""
        at = self.text.find("该", sentence_start, end)
        while at >= 0:
            for length in range(min(8, end - at - 1), 1, -1):
                noun = self.text[at + 1 : at + 1 + length]
                earlier = self.text.rfind(noun, paragraph_start, sentence_start)
                if earlier < 0:
                    continue
                head = earlier - 1 if self.text[earlier - 1 : earlier] == "的" else earlier
                for place in self.places:
                    if place.span.end == head:
                        return place.division
                break
            at = self.text.find("该", at + 1, end)
        return None

    def _described_village(
        self, sentence_start: int, quantity: Quantity, clauses: list[_Clause]
    ) -> Division | None:
        """The village a 这个…的…村 describes that opens before the quantity, in its clause or
        an earlier one (这个贫困发生率曾达60%的山村): the last village the text named before the
        sentence, in this paragraph or an earlier one."""
        end = next((c.end for c in clauses if c.start <= quantity.span.start < c.end), 0)
        described = _DESCRIBED_VILLAGE.search(self.text, sentence_start, end)
        if described is None or described.start() >= quantity.span.start:
            return None
        return next(
            (
                p.division
                for p in reversed(self.places)
                if p.span.end <= sentence_start and p.division.level is Level.VILLAGE
            ),
            None,
        )

    def _distributed_values(
        self, quantity: Quantity, clause: _Clause
    ) -> tuple[int, list[Quantity]] | None:
        """Where 分别 stands before ``quantity`` in its clause, and the values after it."""
        segment = self.text[clause.start : quantity.span.start]
        word = next((w for w in cue_words("distribute") if w in segment), None)
        if word is None:
            return None
        at = clause.start + segment.rindex(word)
        return at, self.quantities_in(at, clause.end)

    def _distributed(
        self, quantity: Quantity, clauses: list[_Clause], index: int
    ) -> list[Division] | None:
        """The divisions 分别 gives this number to: one each when the values match the places
        listed before it (分别达97%和99.56%), all of them when one value is given to each
        (花垣镇、龙潭镇、边城镇分别新建卫生院1所; 甲区、乙县各100万元)."""
        distributed = self._distributed_values(quantity, clauses[index]) or self._each(
            quantity, clauses[index]
        )
        if distributed is None:
            return None
        at, group = distributed
        sentence_start = clauses[0].start
        listed = [p for p in self.places if sentence_start <= p.span.start and p.span.end <= at]
        if not listed:
            return None
        run = [listed[-1]]
        for place in reversed(listed[:-1]):
            if _coordinated(self.text[place.span.end : run[0].span.start]):
                run.insert(0, place)
            else:
                break
        if len(run) == len(group):
            return [run[group.index(quantity)].division]
        if len(group) == 1 and len(run) >= 2:
            return [place.division for place in run]
        return None

    def _own_region(self, clause: _Clause) -> bool:
        """Whether the clause opens with a region of its own that no gazetteer names
        (极高海拔地区生态搬迁完成1102人 after a clause of 昌都): the place opening an earlier
        clause is that clause's subject, not this one's."""
        opening = self.text[clause.start : clause.start + _REGION_OPENING_MAX]
        return any(word in opening for word in cue_words("own_region"))

    def _each(self, quantity: Quantity, clause: _Clause) -> tuple[int, list[Quantity]] | None:
        """Where 各 stands right before ``quantity`` (甲区、乙县各100万元: the value given to
        each of the places listed before it), with the value."""
        segment = self.text[clause.start : quantity.span.start].rstrip()
        word = next((w for w in cue_words("distribute_each") if segment.endswith(w)), None)
        return (clause.start + len(segment) - len(word), [quantity]) if word else None

    # -- period and setting ------------------------------------------------------------------

    def period(self, quantity: Quantity, clauses: list[_Clause], index: int) -> Period | None:
        """When the quantity holds (:mod:`kg.extract.periods`): its clause, its sentence before
        it, then the words, paragraph, heading and date of the document around it."""
        clause = clauses[index]
        return self.periods.of(
            quantity.span.start,
            (clause.start, clause.end),
            clauses[0].start,
            comparison=quantity.baseline is not None,
        )

    def picks_members(self, quantity: Quantity, clause: _Clause) -> bool:
        """年收入不足10万元的村, 人均收入4000元以下的贫困户: a bound followed by 的 and a noun of
        villages, households, people or firms picks which of them are meant; it is a threshold,
        not a value measured of anything (the count that follows, 还有12个, is)."""
        if quantity.qualifier not in _BOUNDS:
            return False
        if self._bounds_count(quantity, clause):
            return True
        if not self.text.startswith("的", quantity.span.end):
            return False
        for token in self.tokens_in(quantity.span.end + 1, clause.end)[:_CLASS_WORDS]:
            if token.pos in ("m", "x"):
                return False
            if token.word.endswith(number_context("class_noun")):
                return True
        return False

    def _bounds_count(self, quantity: Quantity, clause: _Clause) -> bool:
        """91个村集体经济收入超过2万元，39个村超过3万元: a bound after a count of villages,
        households or firms, in its clause, tells which of them the count counts (those of a
        band); the count is the fact.  Not after an area word (全村300户人均收入超过1万元: the
        area's size, then a figure of it)."""
        at = bisect_left(self.quantity_starts, quantity.span.start)
        if at == 0:
            return False
        count = self.quantities[at - 1]
        if count.unit not in _HEAD_UNITS or count.span.start < clause.start:
            return False
        if count.qualifier is not Qualifier.EXACT or count.classifier is None:
            return False
        between = self.text[count.span.end : quantity.span.start]
        opening = self.text[clause.start : count.span.start]
        return between.startswith(number_context("class_noun")) and not any(
            w in opening for w in cue_words("area_word")
        )

    def not_a_fact(self, quantity: Quantity, clause: _Clause) -> bool:
        """A number that is no fact of the programme however it reads: the head count of a
        meeting's attendance or of a scene a story shows, a count of the people or households
        it names, of the meeting's own venues (两个分会场), of the people weighed for a post
        (7名候选人), a distance spanned as a figure of speech."""
        if quantity.unit == _DISTANCE:
            return self._rhetorical_distance(quantity)
        if quantity.unit not in _HEAD_UNITS:
            return False
        return (
            self._counts_rounds(quantity)
            or self._in_turn(quantity, clause)
            or self._attends(quantity, clause)
            or self._gathers(quantity, clause)
            or self._counts_names(quantity, clause)
            or self._sizes_distributed_list(quantity, clause)
            or self._plays_event_role(quantity, clause)
            or self._sizes_this_event(quantity, clause)
            or self._tells_renaming(quantity, clause)
            or self.text.startswith(cue_words("event_part"), quantity.span.end)
            or self.text.startswith(cue_words("candidate"), quantity.span.end)
        )

    def _tells_renaming(self, quantity: Quantity, clause: _Clause) -> bool:
        """新建立某乡等6个乡, 原辖区的6个乡, 改称为6个村公所: a count of units in a clause of a
        division's history of renamings (``renaming`` in cues.tsv), history told, not a fact."""
        if quantity.unit != "COUNT":
            return False
        words = self.text[clause.start : clause.end]
        if not any(w in words for w in cue_words("renaming")):
            return False
        after = self.text[quantity.span.end : clause.end]
        return self._counted_noun(quantity) is not None or after.startswith(
            cue_words("renamed_unit")
        )

    def _plays_event_role(self, quantity: Quantity, clause: _Clause) -> bool:
        """8个单位联合主办, 10个部门将依次进行发布, 2万干部群众表示感谢: a count of bodies or
        people whose clause ends with what they do for the event or the text itself."""
        rest = self.text[quantity.span.end : clause.end].rstrip(_PUNCTUATION)
        return rest.endswith(cue_words("event_role"))

    def _sizes_this_event(self, quantity: Quantity, clause: _Clause) -> bool:
        """本次系列新闻发布会将举办10场, 此次督查将对全区12个盟市开展: a count in a clause that
        names the event reported (本次, 此次) as a meeting or a visit: its own size or scope."""
        before = self.text[clause.start : quantity.span.start]
        this = next((before.find(w) for w in cue_words("this_event") if w in before), -1)
        if this < 0:
            return False
        named = self.text[clause.start + this : clause.end]
        return any(w in named for w in (*cue_words("meeting"), *cue_words("visit")))

    def _counts_rounds(self, quantity: Quantity) -> bool:
        """已派出六批、逾13万名干部 in a text that also numbers its rounds (第七批, 每批): the
        rounds of a rotation so far, an ordinal more than a count."""
        return quantity.classifier in cue_words("round") and self._numbers_rounds

    @cached_property
    def _numbers_rounds(self) -> bool:
        return _round_ordinal().search(self.text) is not None

    def _in_turn(self, quantity: Quantity, clause: _Clause) -> bool:
        """还轮流选派15名技术骨干: people sent in turn, the size of each round's team."""
        if quantity.unit != "PERSON":
            return False
        before = self.text[clause.start : quantity.span.start]
        return any(w in before for w in cue_words("rotation"))

    def _attends(self, quantity: Quantity, clause: _Clause) -> bool:
        """共计300多人参加会议, 20余家媒体的记者出席发布会: an attendance verb shortly after the
        count in its clause, with a meeting after it (参加|…会议) or none needed (参会)."""
        rest = self.text[quantity.span.end : clause.end]
        for word in cue_words("attend_alone"):
            at = rest.find(word)
            if 0 <= at <= _ATTENDANCE_REACH:
                return True
        for word in cue_words("attend"):
            at = rest.find(word)
            if 0 <= at <= _ATTENDANCE_REACH:
                attended = rest[at + len(word) :].rstrip(_PUNCTUATION)
                return attended.endswith(cue_words("meeting"))
        return False

    def _gathers(self, quantity: Quantity, clause: _Clause) -> bool:
        """5名队员和几十位村民围坐在一起: people a scene shows, gathered."""
        rest = self.text[quantity.span.end : clause.end]
        return any(w in rest for w in cue_words("gathering"))

    def _counts_names(self, quantity: Quantity, clause: _Clause) -> bool:
        """走访脱贫户王建华、李秀英两户: a count right after as many names of people as it counts,
        each two or three characters opening with a surname; the people named are the fact."""
        wanted = int(quantity.value)
        if wanted < 2 or wanted != quantity.value:
            return False
        items = self.text[clause.start : quantity.span.start].split("、")
        if len(items) < wanted:
            return False
        names = items[len(items) - wanted :]
        first = names[0]
        names[0] = next(
            (first[-n:] for n in _NAME_LENGTHS if len(first) >= n and _names_person(first[-n:])),
            "",
        )
        return all(_names_person(name) for name in names)

    def _sizes_distributed_list(self, quantity: Quantity, clause: _Clause) -> bool:
        """甲县、乙县、丙县3个县贫困发生率分别为0: a count right after as many places listed as
        it counts, with 分别 after it in its clause, is the size of the list the values are
        spread over; those values are the facts."""
        wanted = int(quantity.value)
        if quantity.unit != "COUNT" or wanted < 2 or wanted != quantity.value:
            return False
        if not any(w in self.text[quantity.span.end : clause.end] for w in cue_words("distribute")):
            return False
        items = self.text[clause.start : quantity.span.start].split("、")
        if len(items) < wanted:
            return False
        listed_from = quantity.span.start - len("、".join(items[len(items) - wanted :]))
        return any(
            listed_from <= p.span.start and p.span.end <= quantity.span.start for p in self.places
        )

    def _rhetorical_distance(self, quantity: Quantity) -> bool:
        """跨越1000多公里的“握手”, 2000多公里路途: the distance between partners, told."""
        before = self.text[max(0, quantity.span.start - _SPAN_VERB_REACH) : quantity.span.start]
        return before.endswith(cue_words("span_verb")) or self.text.startswith(
            cue_words("journey"), quantity.span.end
        )

    def national(self, clause: _Clause) -> bool:
        """我国累计有17个省区市…, 全国832个贫困县…: a clause opened by a word for the whole
        country gives the nation's figures, background to a regional text, of no area it holds."""
        return self.text.startswith(cue_words("national"), clause.start)

    def sets_scene(self, clause: _Clause) -> bool:
        """在…境内, 在…沿线: a clause that only says where."""
        text = self.text[clause.start : clause.end]
        opens = any(text.startswith(w) for w in cue_words("scene"))
        closes = any(text.endswith(w) for w in cue_words("locative"))
        return opens and closes


_DISTANCE = "KM"
_LENGTHS = frozenset({"KM", "M"})
"""Units a distance is written in (距县城23公里, 距江岸800米)."""
_HEAD_UNITS = frozenset({"PERSON", "PERSON_TIME", "HOUSEHOLD", "COUNT"})
"""Units of head counts: of people, visits, households, and of bodies (40余家媒体)."""
_ATTENDANCE_REACH = 10
"""Characters between a count and the verb of attending it is the subject of (媒体的记者参加)."""
_SPAN_VERB_REACH = 4
_NAME_LENGTHS = (3, 2)


def _names_person(word: str) -> bool:
    """Whether ``word`` may be a person's name: two or three Han characters, a surname first."""
    return (
        len(word) in _NAME_LENGTHS
        and all("\u4e00" <= c <= "\u9fff" for c in word)
        and word[0] in surnames()[1]
    )


@cache
def _round_ordinal() -> re.Pattern[str]:
    """第七批, 第12批, 每批: a text's rounds numbered (``round`` measure words)."""
    rounds = "|".join(map(re.escape, cue_words("round")))
    return re.compile(rf"(?:第[0-9{CHINESE_NUMERAL_CHARS}]+|每)(?:{rounds})")


_HEADING = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、]")
_DECORATED_HEADING = re.compile(r"[—\-–【\[■●◆]+.+[—\-–】\]]+|.+[：:]")
"""A heading without a number: set between dashes or brackets (— 主要目标 —), or a short
line that ends in a colon (2020年目标：)."""


_PLACE_HEADING_MAX = 8


_SPEAKERS_OWN = frozenset("本我")
"""The first characters of a speaker's word for the place (本村, 我村), not the narrator's."""


def _place_sections(text: str, jurisdiction: Division | None) -> list[tuple[int, int, Division]]:
    """Spans of text under a line that is only a place's name (渝中, 沙坪坝区), a division
    inside ``jurisdiction``, up to the next such line, each with its division.  Lines of names
    one after another, or lines opening with one, are a list, not headings."""
    if jurisdiction is None:
        return []
    lines = []
    at = 0
    for line in text.split("\n"):
        name = line.strip()
        if name:
            named = 2 <= len(name) <= _PLACE_HEADING_MAX and gazetteer.is_name(name)
            opens_with_name = bool(gazetteer.name_lengths_at(name, 0))
            lines.append((at + len(line), name, named or opens_with_name))
        at += len(line) + 1
    headings = []
    for index, (end, name, _) in enumerate(lines):
        neighbours = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
        named = 2 <= len(name) <= _PLACE_HEADING_MAX and gazetteer.is_name(name)
        if not named or any(listed for _, _, listed in neighbours):
            continue
        area = gazetteer.resolve(name, jurisdiction)
        if area is not None and area != jurisdiction and jurisdiction.contains(area):
            headings.append((end, area))
    return [
        (end, headings[i + 1][0] if i + 1 < len(headings) else len(text), area)
        for i, (end, area) in enumerate(headings)
    ]


@cache
def _requirement_closers() -> tuple[str, ...]:
    """的要求, 的标准 …: what closes the level a requirement sets (``requirement`` cue words)."""
    return tuple("的" + w for w in cue_words("requirement"))


@cache
def _estimate_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, cue_words("estimate"))))


def _sections(text: str, year: int | None, role: str) -> list[tuple[int, int]]:
    """Spans of text under a heading line with a word of ``role`` (``cues.tsv``
    ``plan_heading``: 二、2024年工作安排, （三）目标任务, — 主要目标 —; ``review_heading``:
    一、2023年工作回顾) up to the next heading: a short numbered or decorated line without
    sentence punctuation, whose years are none before the document's ``year`` (if given)."""
    headings = []
    at = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if (
            (
                _HEADING.match(stripped)
                or _DECORATED_HEADING.fullmatch(stripped)
                or _bare_heading(stripped)
            )
            and len(stripped) <= 30
            and not any(c in stripped for c in "。；;，,")
        ):
            years = [int(y) for y in _YEAR.findall(stripped)]
            planned = any(w in stripped for w in cue_words(role)) and (
                year is None or all(y >= year for y in years)
            )
            headings.append((at, at + len(line), planned))
        at += len(line) + 1
    sections = []
    for index, (_start, end, planned) in enumerate(headings):
        if planned:
            following = headings[index + 1][0] if index + 1 < len(headings) else len(text)
            sections.append((end, following))
    return sections


_LAST_SENTENCE = re.compile(r"([^。！!？?]*)。\s*$")
_YEAR_WORD = re.compile(r"(?:19|20)\d{2}年")


def _announced_plans(text: str, year: int | None) -> list[tuple[int, int]]:
    """The paragraph after one that ends by announcing a year's plans (记者从报告中获悉，
    2022年，某省将深入实施…。): its year not before the document's, with a plan word, no
    word of the past and no figure of its own (an introduction, not the targets themselves);
    the paragraph that follows lists them as a plan heading would. A sentence of 今年 that
    announces a list of work (今年重点做好以下五方面的工作) needs no year written: the paragraphs
    it numbers follow as plans."""
    plans = cue_words("plan")
    past = cue_words("past")
    this_year = cue_words("plan_year")
    sections = []
    at = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        end = at + len(line)
        last = _LAST_SENTENCE.search(line)
        if last is not None and index + 1 < len(lines) and lines[index + 1].strip():
            sentence = last.group(1)
            years = [int(y) for y in _YEAR.findall(sentence)]
            if (
                all(year is not None and y >= year for y in years)
                and not any(w in sentence for w in past)
                and not _DIGIT.search(_YEAR_WORD.sub("", sentence))
            ):
                if years and any(w in sentence for w in plans):
                    sections.append((end + 1, end + 1 + len(lines[index + 1])))
                elif any(w in sentence for w in this_year) and (
                    listed := _work_list().search(sentence)
                ):
                    sections.append((end + 1, _paragraphs_end(lines, index + 1, end + 1, listed)))
        at = end + 1
    return sections


_LISTED_MAX = 10
"""Paragraphs at most that an announced list of work covers."""
_REGION_OPENING_MAX = 10
"""Characters from a clause's start within which a region word opens its subject."""


@cache
def _work_list() -> re.Pattern[str]:
    """做好以下五方面的工作: the number of items listed, if written, in group 1."""
    words = "|".join(map(re.escape, cue_words("work_list")))
    return re.compile(
        rf"(?:{words})([一二两三四五六七八九十]?)个?(?:方面|项|大)?(?:重点)?的?(?:工作|任务|方面)"
    )


def _paragraphs_end(lines: list[str], first: int, at: int, listed: re.Match[str]) -> int:
    """The end of the paragraphs an announced list of work covers from ``lines[first]`` (which
    starts at ``at``): as many as it numbers (blank lines between them skipped), else one."""
    count = min(int(parse_chinese(listed.group(1)) or 1), _LISTED_MAX)
    end = at
    for line in lines[first:]:
        if count == 0:
            break
        end = at + len(line)
        at = end + 1
        count -= bool(line.strip())
    return end


_FIRM_NAME_MAX = 20
_ITEM_END = re.compile(r"[、，,；;。等和及与]")
_STATIONED_GAP = 6
"""Characters of a body's name between a place and 驻 (财政局驻: four)."""
_LEADING_YEAR = re.compile(r"(?:19|20)\d{2}年(?:以来|底|末|初)?$")
_LEADING_YEAR_MAX = 7
"""Characters of a year that may open a clause before its subject (2018年以来)."""
_BARE_HEADING_MAX = 16
_HEADING_YEAR = re.compile(r"(?:19|20)[0-9Xx]{2}年")
"""A year in a heading, or its placeholder in a template copied as it was (20XX年工作回顾)."""


def _bare_heading(line: str) -> bool:
    """A short line of its own, unnumbered and without punctuation, that names a section of
    review or plans, ending in its word and with no number but a year (2019年工作回顾,
    2020年工作安排; not 实施年度重点任务85项, a line of a list): a heading as much as a numbered
    one."""
    return (
        len(line) <= _BARE_HEADING_MAX
        and not any(c in _PUNCTUATION for c in line)
        and line.endswith((*cue_words("review_heading"), *cue_words("plan_heading")))
        and not any(c.isdigit() for c in _HEADING_YEAR.sub("", line))
    )


@cache
def _cue_vocabulary() -> frozenset[str]:
    """Every word of ``cues.tsv`` (the words :meth:`_Reader._cue_words` needs to look at)."""
    return frozenset(row[1] for row in read_table("cues.tsv"))


@cache
def _size_nouns() -> dict[str, str]:
    """Unit notation -> what numbers of that unit count when they give an area's size."""
    return {row[1]: row[2] for row in read_table("number_context.tsv") if row[0] == "size_of"}


_ITEM_BETWEEN = re.compile(r"[\u4e00-\u9fff]{1,4}[、和及与]")


def _coordinated(between: str) -> bool:
    """Whether two places are items of one list: only separators between them (永胜县、华坪县),
    or a short noun of the first item and a separator (叶城县核桃、莎车县巴旦木)."""
    if not between:
        return False
    return all(c in _COORDINATION for c in between) or bool(_ITEM_BETWEEN.fullmatch(between))


def _peers(
    text: str, places: list[PlaceMention], jurisdiction: Division | None
) -> frozenset[Division]:
    """The divisions listed with the document's own area that share its level and parent
    (甲县、乙县 helped together by one partner, in 甲县's report): areas it reports on beside
    its own, whose figures are their own, not a partner's given to it."""
    if jurisdiction is None or jurisdiction.parent is None:
        return frozenset()  # provinces listed together are the partners of 东西部协作
    found = set()
    for first, second in zip(places, places[1:], strict=False):
        pair = {first.division, second.division}
        if jurisdiction not in pair or len(pair) == 1:
            continue
        if text[first.span.end : second.span.start] not in _ITEM_SEPARATORS:
            continue
        (other,) = pair - {jurisdiction}
        if other.level is jurisdiction.level and other.parent == jurisdiction.parent:
            found.add(other)
    return frozenset(found)


def _outside(area: Division | None, jurisdiction: Division | None) -> bool:
    """Whether ``area`` is neither in the document's own area nor one of its ancestors.  A
    village feature's own area is its county's: a neighbouring village of the same county is
    one of the places it reports on, not a partner from outside."""
    if area is None or jurisdiction is None:
        return False
    scope = _county_scope(jurisdiction)
    return not scope.contains(area) and not area.contains(jurisdiction)


_LEVEL_NOUN_REACH = 10
_LEVEL_NOUN_WORDS = 3
"""Words after a count searched for the level it counts (国家级|贫困|旗县: three)."""


@cache
def _level_nouns() -> dict[str, Level]:
    """Nouns that name a level of divisions (``level_noun`` rows of number_context.tsv)."""
    return {
        row[1]: Level[row[2]] for row in read_table("number_context.tsv") if row[0] == "level_noun"
    }


@cache
def _number_under(area: Division, level: Level, districts: bool = True) -> int:
    """How many divisions of ``level`` the gazetteer has inside ``area``; without a city's
    districts (市辖区, named …区) unless ``districts``."""
    order = list(Level)
    if order.index(level) <= order.index(area.level):
        return 0
    below = gazetteer.children(area)
    if not below or below[0].level == level:
        if districts or level is not Level.COUNTY:
            return len(below)
        return sum(1 for division in below if not division.name.endswith(_DISTRICT))
    return sum(_number_under(child, level, districts) for child in below)


_DISTRICT = "区"


def _part_of(area: Division, jurisdiction: Division) -> bool:
    """Whether ``area`` is one of the places the document reports on: inside its own area's
    county (see :func:`_outside`), and not that area or one of its ancestors."""
    return not area.contains(jurisdiction) and _county_scope(jurisdiction).contains(area)


def _county_scope(jurisdiction: Division) -> Division:
    """``jurisdiction``, or the county it lies in when it is a township or village."""
    for area in jurisdiction.chain():
        if area.level not in (Level.TOWNSHIP, Level.VILLAGE):
            return area
    return jurisdiction


def _common_parent(divisions: list[Division]) -> Division | None:
    """The most specific division containing all of ``divisions`` (each itself included)."""
    chains = [d.chain() for d in divisions]
    keys = [{a.key for a in chain} for chain in chains[1:]]
    for area in chains[0]:
        if all(area.key in k for k in keys):
            return area
    return None


_DESCRIBED_VILLAGE = re.compile(
    r"这[个座](?:[^，,。；;！？!?\n]{0,24}?的[\u4e00-\u9fff]{0,4}?)?(?:村|嘎查)(?![民级委干])"
)
"""这个贫困发生率曾很高的山村: a village described, not named, which the text named before."""
# a date written after a verb of reaching a level and before the level (降至2019年底的)
_LEVEL_DATE = re.compile(r"[0-9]{4}年(?:[0-9]{1,2}月)?(?:底|末)?的$")
_LIST_COMMA = "、"
_OPEN_QUOTE = "“"
_CLOSE_QUOTE = "”"
_ITEM_SEPARATORS = "、和及与"
_ITEM_SPLIT = re.compile(f"[{_ITEM_SEPARATORS}]")
_MODIFIER_MAX = 2
"""Characters of a modifier listed before a head its items share (城镇和农村居民…)."""


@cache
def _short_forms() -> dict[str, str]:
    """A modifier shortened in a list (城、乡) -> the word it stands for (``cues.tsv``
    ``short_modifier``)."""
    return {row[1]: row[2] for row in read_table("cues.tsv") if row[0] == "short_modifier"}


@cache
def _joint_forms() -> dict[str, tuple[str, ...]]:
    """A modifier naming several at once (城乡) -> the words it stands for, in order
    (``cues.tsv`` ``joint_modifier``)."""
    return {
        row[1]: tuple(row[2].split("|"))
        for row in read_table("cues.tsv")
        if row[0] == "joint_modifier"
    }


_DISTRIBUTE = "分别"
"""Spreads values over a list before it; the words from it on are the list's predicate."""
_SELF_NAMED_UNITS = {"PERSON", "HOUSEHOLD"}
"""Units whose measure word is the noun counted (6.11万人, 15户)."""
_HAVING = {"有", "还有", "仍有", "尚有", "共有", "已有"}
"""Verbs of having before counts, which say nothing of what is counted."""
_WRAPPED_LINE = 24
"""A line this long that ends inside a word was hard-wrapped (shorter ones are headings)."""


_PARTITIVE = {"中", "之中", "当中"}
"""Words after a noun that make it the whole a later number is part of (贫困人口中有…)."""


def _is_noun(token: Token) -> bool:
    return token.pos[:1] in _NOUN_TAGS or token.pos in _NOUN_POS


def _partitive_at(toks: list[Token]) -> int | None:
    """Where a noun is made a whole by a partitive word after it (贫困人口中, 贫困户当中), or by
    中共 where jieba joined 中 to 共有 (贫困人口中共有); None where there is none."""
    for index in range(1, len(toks)):
        token, following = toks[index], toks[index + 1 : index + 2]
        joined = token.word == "中共" and [t.word for t in following] == ["有"]
        partitive = token.word in _PARTITIVE and token.pos == "f"
        if (partitive or joined) and _is_noun(toks[index - 1]):
            return index
    return None


def _is_word_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


@cache
def _empty_words() -> tuple[str, ...]:
    """Words that name no indicator alone (``indicator_empty_words.txt``), longest first."""
    return tuple(sorted(read_lines("indicator_empty_words.txt"), key=lambda w: (-len(w), w)))


def _names_nothing(label: str) -> bool:
    """Whether ``label`` is only words that name no indicator (年均, 同比, 人民币)."""
    for word in _empty_words():
        label = label.replace(word, "")
    return label.strip(_PUNCTUATION) == ""


def _names_fall(indicator: str, unit: str, text: str, clause: _Clause) -> bool:
    """Whether the standard indicator a fall is stated of is that fall itself (单位GDP能耗下降
    2.8%: a reduction, reported as the positive number), as the concept's name says."""
    concept = concept_of(indicator, unit, text[clause.start : clause.end])
    if concept is None:
        return False
    falls = number_context("decrease")
    return any(w in label for label, _ in concept.pref_labels for w in falls)


def extract(
    doc: Document,
    quantities: list[Quantity],
    places: list[PlaceMention],
    programmes: list[Programme],
    jurisdiction: Division | None,
) -> list[Measurement]:
    """Each quantity that states a fact, as a target or an outcome."""
    reader = _Reader(doc, quantities, places, programmes, jurisdiction)
    out = []
    for quantity in reader.quantities:
        clauses, index = reader.clauses(quantity)
        clause = clauses[index]
        if (
            reader.sets_scene(clause)
            or reader.picks_members(quantity, clause)
            or reader.not_a_fact(quantity, clause)
            or reader.national(clause)
        ):
            continue
        indicator, indicator_span = reader.indicator(quantity, clause)
        if not indicator:
            continue
        described = reader.described_programme(quantity, clauses, index)
        programme = described or reader.programme(quantity, clauses, index)
        kind = reader.kind(quantity, clauses, index, described is not None)
        period = reader.period(quantity, clauses, index)
        stated = quantity
        if quantity.falls and not _names_fall(indicator, quantity.unit, reader.text, clause):
            stated = as_change(quantity)  # 比上年下降11.6%: a change of -11.6
        for area in reader.areas(quantity, clauses, index, programme, jurisdiction):
            out.append(
                Measurement(
                    kind=kind,
                    quantity=stated,
                    span=doc.span(clause.start, clause.end),
                    indicator=indicator,
                    indicator_span=indicator_span,
                    area=area,
                    programme=programme.name if programme else None,
                    period=period.label if period else None,
                    period_inferred=period.inferred if period else False,
                )
            )
    return out
