"""Indicator phrases -> the standard indicators of ``ontology/indicators.ttl`` (SKOS concepts).

The phrase an extractor found (地区生产总值, 城镇登记失业率控制在, 减少农村贫困人口) is compared
with the scheme's labels, in simplified characters; which words and units make which concept is
data (the scheme's labels and ``fp:unitNotation``, ``kg/data/indicator_blockers.txt``):

- the longest label the phrase contains wins, among concepts whose units include the
  observation's unit;
- a level's label stated in PERCENT is its growth rate (``fp:growthOf``): 地区生产总值 … 8% is
  GDP growth, since the extractor often leaves 增长 out of the phrase;
- a phrase containing a blocker word (比重, 分别 …) maps only through a label containing it, and
  a phrase naming two concepts side by side (固定资产投资、社会消费品零售总额) maps to neither.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from kg.resources import ontology_dir, read_lines
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


def _plain(text: str) -> str:
    return convert_script(unicodedata.normalize("NFKC", text)).replace(" ", "").upper()


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


def concepts() -> dict[str, Concept]:
    """Every concept of the scheme, by IRI."""
    return _scheme().concepts


@cache
def _blockers() -> tuple[str, ...]:
    return tuple(_plain(word) for word in read_lines("indicator_blockers.txt"))


def _fits(scheme: _Scheme, iri: str, unit: str) -> str | None:
    """``iri`` itself when the unit fits; its growth concept for a level stated in percent."""
    concept = scheme.concepts[iri]
    if unit in concept.units:
        return iri
    if unit == PERCENT and iri in scheme.growth:
        return scheme.growth[iri]
    return None


def concept_of(phrase: str, unit: str, clause: str = "") -> Concept | None:
    """The standard indicator ``phrase`` names for an observation in ``unit``, or None.

    ``clause``, the words around the number, may say more than the phrase kept: where it holds
    a longer label containing the phrase's (减少农村贫困人口 around 农村贫困人口), that label's
    concept is the one meant."""
    scheme = _scheme()
    text = _plain(phrase)
    if not text:
        return None
    found = sorted(
        ((text.find(label), label) for label in scheme.labels if label in text),
        key=lambda hit: (-len(hit[1]), hit[0], hit[1]),
    )
    blockers = [word for word in _blockers() if word in text]
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
        if beside and not related & set(scheme.labels[label]):
            return None  # two indicators named side by side
    if clause:
        label, words = text[start:end], _plain(clause)
        iri = _in_clause(scheme, label, unit, words) or iri
        if _clause_disagrees(scheme, label, iri, words):
            return None
    return scheme.concepts[iri]


def _clause_disagrees(scheme: _Scheme, label: str, iri: str, clause: str) -> bool:
    """The clause says the number is not the phrase's indicator: it holds a blocker word (比上年
    增加 0.1万人 after 常住人口, 带动贫困户 60户), or, where the phrase is not in the clause (the
    extractor carried it over from an earlier number), another indicator's label."""
    concept = scheme.concepts[iri]
    related = {iri, concept.growth_of, scheme.growth.get(iri)}
    named = [o for o in scheme.labels if o in clause]
    if any(w in clause and not any(w in o for o in named) for w in _blockers() if w not in label):
        return True
    if label in clause:
        return False
    return any(not related & set(scheme.labels[o]) for o in named)


def _in_clause(scheme: _Scheme, label: str, unit: str, clause: str) -> str | None:
    """The concept of the longest label in ``clause`` that contains ``label`` and fits."""
    longer = sorted(
        (o for o in scheme.labels if o != label and label in o and o in clause),
        key=lambda o: (-len(o), o),
    )
    for other in longer:
        for iri in scheme.labels[other]:
            if (fitting := _fits(scheme, iri, unit)) is not None:
                return fitting
    return None


__all__ = ["Concept", "concept_of", "concepts"]
