"""Indicator phrases -> the standard indicators of ``ontology/indicators.ttl`` (SKOS concepts).

The phrase an extractor found (地区生产总值, 城镇登记失业率控制在, 减少农村贫困人口) is compared
with the scheme's labels, in simplified characters; which words and units make which concept is
data (the scheme's labels and ``fp:unitNotation``, ``kg/data/indicator_blockers.txt``):

- the longest label the phrase contains wins, among concepts whose units include the
  observation's unit;
- a level's label stated in PERCENT is its growth rate (``fp:growthOf``): 地区生产总值 … 8% is
  GDP growth, since the extractor often leaves 增长 out of the phrase;
- a phrase containing a blocker word (比重, 分别 …) maps only through a label containing it, and
  a phrase naming two concepts side by side (固定资产投资、社会消费品零售总额) maps to neither;
  a blocker inside an exception (增加到: a level reached, not an increase) does not count
  (``kg/data/indicator_blocker_exceptions.txt``);
- a phrase that names no concept is read again without filler words (贫困村已经全部脱贫 is
  贫困村脱贫, ``kg/data/indicator_fillers.txt``), then, where the extractor cut it short (人员,
  大关), together with the words before it in its clause up to the last comma (城镇新增就业人员),
  then together with the words after it up to the number (经济年均|增长);
- a label of the poor a work serves before that work's label (``kg/data/indicator_served.tsv``)
  is who the work was for, not a rival (贫困户实现危房改造);
- a verb after the phrase in its clause may say what became of those counted
  (``kg/data/indicator_done_verbs.tsv``: 120户贫困户530人全部脱贫 are households lifted out).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.resources import ontology_dir, read_lines, read_table
from kg.text.script import convert_script

SKOS = "http://www.w3.org/2004/02/skos/core#"
FP = "https://w3id.org/fupin-kg/ontology#"
SCHEME = "https://w3id.org/fupin-kg/indicator/"
PERCENT = "PERCENT"


@dataclass(frozen=True)
class Concept:
    """A standard indicator: its IRI, notation, preferred labels and how to judge it."""

    iri: str
    notation: str
    pref_labels: tuple[tuple[str, str], ...]
    """(text, language) for en, zh-Hans and zh-Hant."""
    units: frozenset[str]
    direction: str | None
    """``Higher`` or ``Lower`` (fp:desiredDirection), None where neither is better."""
    growth_of: str | None = None

    def label(self, language: str) -> str:
        return next((text for text, lang in self.pref_labels if lang == language), self.notation)


@dataclass(frozen=True)
class _Scheme:
    concepts: dict[str, Concept]
    labels: dict[str, tuple[str, ...]]
    """Label (simplified, as matched) -> the IRIs of the concepts it labels."""
    growth: dict[str, str]
    """Level IRI -> the IRI of its growth concept."""


# quote marks around a word of a label (贫困人口全部“清零”) say nothing of what is counted
_QUOTES_AND_SPACES = re.compile("[ \"'“”‘’「」『』]")


@lru_cache(maxsize=8192)
def _plain(text: str) -> str:
    """``text`` as labels are matched: NFKC, simplified, without quote marks, upper case.

    Cached: each observation's phrase and clause are read for its concept again and again (by
    the extractor, then by the graph, each reading and the clause check), and the same phrases
    recur in every document."""
    text = convert_script(unicodedata.normalize("NFKC", text))
    return _QUOTES_AND_SPACES.sub("", text).upper()


@cache
def _scheme() -> _Scheme:
    from rdflib import Graph, Literal, URIRef

    graph = Graph().parse(ontology_dir() / "indicators.ttl", format="turtle")
    skos = {name: URIRef(SKOS + name) for name in ("prefLabel", "altLabel", "hiddenLabel")}
    concepts: dict[str, Concept] = {}
    labels: dict[str, list[str]] = {}
    growth: dict[str, str] = {}
    for subject in sorted(set(graph.subjects(URIRef(SKOS + "inScheme"), URIRef(SCHEME))), key=str):
        iri = str(subject)
        pref = tuple(
            sorted(
                (str(o), o.language or "")
                for o in graph.objects(subject, skos["prefLabel"])
                if isinstance(o, Literal)
            )
        )
        direction = graph.value(subject, URIRef(FP + "desiredDirection"))
        level = graph.value(subject, URIRef(FP + "growthOf"))
        concepts[iri] = Concept(
            iri=iri,
            notation=str(graph.value(subject, URIRef(SKOS + "notation"))),
            pref_labels=pref,
            units=frozenset(str(u) for u in graph.objects(subject, URIRef(FP + "unitNotation"))),
            direction=str(direction)[len(FP) :] if direction is not None else None,
            growth_of=str(level) if level is not None else None,
        )
        if level is not None:
            growth[str(level)] = iri
        for prop in skos.values():
            for label in graph.objects(subject, prop):
                if not isinstance(label, Literal):
                    continue
                language = (label.language or "").lower()
                # Chinese labels, and the English ones written as in Chinese text (GDP, CPI)
                if language.startswith("zh") or str(label).isascii() and str(label).isupper():
                    key = _plain(str(label))
                    if iri not in labels.setdefault(key, []):
                        labels[key].append(iri)
    return _Scheme(concepts, {k: tuple(v) for k, v in labels.items()}, growth)


@cache
def _labels_by_first() -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """The scheme's labels by their first character, and each label's place in the scheme."""
    labels = _scheme().labels
    by_first: dict[str, list[str]] = {}
    for label in labels:
        by_first.setdefault(label[:1], []).append(label)
    return {c: tuple(found) for c, found in by_first.items()}, {o: i for i, o in enumerate(labels)}


@lru_cache(maxsize=8192)
def _labels_in(text: str) -> tuple[str, ...]:
    """The scheme's labels that ``text`` contains, in the scheme's order.

    Only labels beginning with one of the text's characters can be in it: a phrase or a
    clause is compared with a few dozen labels, not all of them, for each reading of each
    number (and the answer is kept: the same phrases recur)."""
    by_first, place = _labels_by_first()
    found = {o for c in {"", *text} for o in by_first.get(c, ()) if o in text}
    return tuple(sorted(found, key=place.__getitem__))


def concepts() -> dict[str, Concept]:
    """Every concept of the scheme, by IRI."""
    return _scheme().concepts


@cache
def _blockers(in_clause: bool = False) -> tuple[str, ...]:
    """Blocker words; in a phrase also the words of two values at once (城乡, 分别), of what
    remains (未摘帽) and of what is only part of the indicator's (项目, 民俗旅游)."""
    phrase_only = (
        "indicator_pair_words.txt",
        "indicator_negations.txt",
        "indicator_phrase_blockers.txt",
    )
    files = ("indicator_blockers.txt",) + (() if in_clause else phrase_only)
    return tuple(_plain(word) for name in files for word in read_lines(name))


@cache
def _blocker_exceptions() -> tuple[str, ...]:
    return tuple(_plain(word) for word in read_lines("indicator_blocker_exceptions.txt"))


@cache
def _fillers() -> tuple[str, ...]:
    return tuple(_plain(word) for word in read_lines("indicator_fillers.txt"))


def _blockers_in(text: str, in_clause: bool = False) -> list[str]:
    """The blocker words of ``text`` that are not part of an exception (增加 in 增加到)."""
    for exception in _blocker_exceptions():
        text = text.replace(exception, "|")
    return [word for word in _blockers(in_clause) if word in text]


@cache
def _served() -> frozenset[tuple[str, str]]:
    """(IRI of the poor served, IRI of the work) of ``indicator_served.tsv``."""
    rows = read_table("indicator_served.tsv")
    return frozenset((SCHEME + served, SCHEME + work) for served, work in rows)


@cache
def _done_verbs() -> dict[str, tuple[tuple[str, str], ...]]:
    """Concept IRI -> (verb, IRI of the concept the verb makes of it) of
    ``indicator_done_verbs.tsv``."""
    table: dict[str, list[tuple[str, str]]] = {}
    for verb, named, done in read_table("indicator_done_verbs.tsv"):
        table.setdefault(SCHEME + named, []).append((_plain(verb), SCHEME + done))
    return {iri: tuple(pairs) for iri, pairs in table.items()}


def _without_fillers(text: str) -> str:
    for filler in _fillers():
        text = text.replace(filler, "")
    return text


# where a clause's words before a cut-short phrase stop: the previous clause is another number's
_SEPARATORS = "，,；;。！？!?、：:"
# a Latin abbreviation in brackets after the words it abbreviates, 居民消费价格(CPI)比上年上涨:
# the words name the indicator, the brackets stand between them and the rest of the label
_BRACKETED_ABBREVIATION = re.compile(r"\([A-Z][A-Z0-9]*\)")
# where the words after a cut-short phrase stop: a number, or another clause
_AFTER_ENDS = re.compile(rf"[\d{_SEPARATORS}]")


def _readings(phrase: str, clause: str) -> list[tuple[str, int]]:
    """``phrase``, then without its filler words, then without a bracketed abbreviation, then
    with the words before it in ``clause``, as written and without filler words, then with the
    words after it up to the number (经济年均|增长, 贫困县(市|、区)全部脱贫摘帽), each with where
    the phrase ends in it: a label must run across that point (经济年均增长), not lie in the words
    after (村民|中有建档立卡贫困户)."""
    text = _plain(phrase)
    readings = [text, _without_fillers(text), _BRACKETED_ABBREVIATION.sub("", text)]
    words = _plain(clause)
    at = words.find(readings[0]) if readings[0] else -1
    if at > 0:
        start = max(words.rfind(mark, 0, at) for mark in _SEPARATORS) + 1
        before = words[start : at + len(readings[0])]
        readings += [before, _without_fillers(before)]  # 城镇|完成|新增就业
    out = [(r, 0) for i, r in enumerate(readings) if r and r not in readings[:i]]
    if at >= 0:  # with the words before it too: 未出列|贫困村|摘帽 is not a village exited
        start = max(words.rfind(mark, 0, at) for mark in _SEPARATORS) + 1
        head, tail = words[start : at + len(text)], words[at + len(text) :]
        if head.count("(") > head.count(")") and ")" in tail:  # a bracket the phrase cut
            head, tail = head[: head.rfind("(")], tail[tail.find(")") + 1 :]
        cut = _AFTER_ENDS.search(tail)
        tail = tail[: cut.start() if cut else len(tail)]
        if head and tail:
            out += [(head + tail, len(head)), (head + _without_fillers(tail), len(head))]
    return out


def _fits(scheme: _Scheme, iri: str, unit: str) -> str | None:
    """``iri`` itself when the unit fits; its growth concept for a level stated in percent."""
    concept = scheme.concepts[iri]
    if unit in concept.units:
        return iri
    if unit == PERCENT and iri in scheme.growth:
        return scheme.growth[iri]
    return None


PART_MARK = "："
"""Between an indicator and one of its parts in a phrase (年末常住人口：乡村, a breakdown
table's row): the part is not the whole the words before the mark name."""


@lru_cache(maxsize=4096)
def concept_of(phrase: str, unit: str, clause: str = "") -> Concept | None:
    """The standard indicator ``phrase`` names for an observation in ``unit``, or None.

    ``clause``, the words around the number, may say more than the phrase kept: where it holds
    a longer label containing the phrase's (减少农村贫困人口 around 农村贫困人口), that label's
    concept is the one meant.

    Cached: the extractor asks for each number's indicator and the graph asks again for the
    same (phrase, unit, clause); the answer depends only on them and the scheme, read once."""
    if PART_MARK in phrase.strip(PART_MARK):
        return None
    for text, across in _readings(phrase, clause):
        if (found := _concept_in(text, unit, clause, across)) is not None:
            return _done_to(found, phrase, clause)
    return None


def _done_to(found: Concept, phrase: str, clause: str) -> Concept:
    """``found``, or the concept a verb after ``phrase`` in ``clause`` makes of it (贫困户 in
    120户贫困户530人全部脱贫: households lifted out)."""
    verbs = _done_verbs().get(found.iri)
    if not verbs:
        return found
    words, text = _plain(clause), _plain(phrase)
    at = words.find(text)
    if at < 0:
        return found
    after = words[at + len(text) :]
    done = next((iri for verb, iri in verbs if verb in after), None)
    return _scheme().concepts[done] if done is not None else found


def _concept_in(text: str, unit: str, clause: str, across: int = 0) -> Concept | None:
    """The concept of ``text`` (a reading of a phrase, simplified) in ``unit``, or None; with
    ``across``, only through a label running across that point."""
    scheme = _scheme()
    found = sorted(
        ((text.find(label), label) for label in _labels_in(text)),
        key=lambda hit: (-len(hit[1]), hit[0], hit[1]),
    )
    if across:
        found = [(at, label) for at, label in found if at < across < at + len(label)]
    blockers = _blockers_in(text)
    chosen: tuple[int, int, str] | None = None
    for start, label in found:
        if any(word not in label for word in blockers):
            continue
        for iri in scheme.labels[label]:
            if (fitting := _fits(scheme, iri, unit)) is not None:
                chosen = (start, start + len(label), fitting)
                break
        if chosen is not None:
            break
    if chosen is None:
        return None
    start, end, iri = chosen
    related = {iri, scheme.concepts[iri].growth_of, scheme.growth.get(iri)}
    for other_start, label in found:
        other_end = other_start + len(label)
        beside = other_end <= start or other_start >= end  # not inside the chosen label
        if beside and _inside_related(scheme, found, other_start, label, related):
            continue  # 脱贫 inside 未脱贫 beside 贫困人口: the longer word is the one meant
        others = scheme.labels[label]
        # a label whose concepts cannot be stated in this unit is no rival reading of the number
        # (脱贫 beside 贫困发生率 for a percentage)
        rivals = [other for other in others if _fits(scheme, other, unit) is not None]
        # the poor a work was done for, named before it (贫困户|实现|危房改造)
        served = other_end <= start and all((other, iri) in _served() for other in rivals)
        if beside and rivals and not served and not related & set(others):
            return None  # two indicators named side by side
    if clause:
        label, words = text[start:end], _plain(clause)
        # the label where the phrase stands in the clause (全部脱贫 of 未脱贫的…全部脱贫)
        near = words.find(text)
        iri = _in_clause(scheme, label, unit, words, near + start if near >= 0 else 0) or iri
        if _clause_disagrees(scheme, label, iri, words):
            return None
    return scheme.concepts[iri]


def _inside_related(
    scheme: _Scheme, found: list[tuple[int, str]], start: int, label: str, related: set[str | None]
) -> bool:
    """Whether ``label`` at ``start`` lies inside a longer label found in the same text whose
    concepts are ``related`` to the chosen one."""
    end = start + len(label)
    return any(
        o_start <= start and end <= o_start + len(other) and related & set(scheme.labels[other])
        for o_start, other in found
        if len(other) > len(label)
    )


def _clause_disagrees(scheme: _Scheme, label: str, iri: str, clause: str) -> bool:
    """The clause says the number is not the phrase's indicator: it holds a blocker word (比上年
    增加 0.1万人 after 常住人口, 带动贫困户 60户), or, where the phrase is not in the clause (the
    extractor carried it over from an earlier number), another indicator's label."""
    concept = scheme.concepts[iri]
    related = {iri, concept.growth_of, scheme.growth.get(iri)}
    named = _labels_in(clause)
    if any(not any(w in o for o in named) for w in _blockers_in(clause, True) if w not in label):
        return True
    if label in clause or label in _without_fillers(clause) or _written_apart(label, clause):
        return False
    # a label inside the phrase's (居民人均可支配收入 in 城镇…) is no other indicator, nor is the
    # growth of one (居民人均可支配收入增长 in 城乡居民人均可支配收入增长6%、7%)
    return any(
        not related & set(scheme.labels[o])
        for o in named
        if o not in label and not _growth_of_inside(scheme, o, label)
    )


def _growth_of_inside(scheme: _Scheme, other: str, label: str) -> bool:
    """Whether every concept ``other`` labels is the growth of a concept with a label inside
    ``label``."""
    levels = {scheme.concepts[iri].growth_of for iri in scheme.labels[other]}
    if None in levels:
        return False
    return any(levels & set(scheme.labels[text]) for text in _labels_in(label))


# what stands between the items of a list
_LIST_MARKS = ("、", "和")


def _written_apart(label: str, clause: str) -> bool:
    """Whether ``clause`` writes ``label`` in two pieces with a list's other items between
    (剩余的320名未脱贫人口、5个未退出贫困村要全部脱贫: 未脱贫人口要全部脱贫, said of each; 完成
    3个贫困村和2万贫困人口减贫任务: 贫困村减贫任务)."""
    for cut in range(2, len(label) - 1):
        head, tail = label[:cut], label[cut:]
        at = clause.find(head)
        after = clause.find(tail, at + len(head)) if at >= 0 else -1
        if after > 0 and any(mark in clause[at + len(head) : after] for mark in _LIST_MARKS):
            return True
    return False


def _around(clause: str, longer: str, at: int, size: int) -> bool:
    """Whether an occurrence of ``longer`` in ``clause`` covers ``clause[at : at + size]``
    (anywhere where ``at`` is -1: the label is not written in the clause as such)."""
    if at < 0:
        return True
    start = clause.find(longer)
    while start >= 0:
        if start <= at and at + size <= start + len(longer):
            return True
        start = clause.find(longer, start + 1)
    return False


def _in_clause(scheme: _Scheme, label: str, unit: str, clause: str, near: int = 0) -> str | None:
    """The concept of the longest label in ``clause`` that contains ``label`` and fits."""
    # only a longer label around the label's first place in the clause from ``near`` (where the
    # phrase stands): 贫困人口 of 5000名贫困人口中有4800名贫困人口实现脱贫 is not the later 贫困
    # 人口实现脱贫
    at = clause.find(label, near)
    if at < 0:
        at = clause.find(label)
    longer = sorted(
        (
            o
            for o in _labels_in(clause)
            if o != label and label in o and _around(clause, o, at, len(label))
        ),
        key=lambda o: (-len(o), o),
    )
    for other in longer:
        for iri in scheme.labels[other]:
            if (fitting := _fits(scheme, iri, unit)) is not None:
                return fitting
    return None


__all__ = ["PART_MARK", "Concept", "concept_of", "concepts"]
