"""Facts of one document -> an RDF graph in the contract's vocabulary.

Every IRI is minted from a stable key (``kg.rdf.iri``), no blank nodes are used, and the graph is
self-contained: it carries the labels, notations and levels of every unit, indicator, division
and programme it mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from rdflib import Graph, Literal, URIRef

from kg.extract.facts import Division, Facts, Measurement, Organisation, Person, Programme, Quantity
from kg.extract.indicators import SCHEME, Concept, concept_of
from kg.extract.periods import bounds, canonical, interval_iri
from kg.rdf import namespace as ns
from kg.rdf.iri import Minter
from kg.rdf.labels import all_forms, pinyin
from kg.rdf.namespace import ID_BASE, PREFIXES
from kg.resources import ontology_dir, read_table
from kg.text.document import Document, Span

Triple = tuple[URIRef, URIRef, URIRef | Literal]
"""Subjects are never blank nodes: every node has a minted IRI."""


_VOCABULARY: dict[str, URIRef] = {}


def _vocabulary(iri: str) -> URIRef:
    """One ``URIRef`` per IRI of the vocabularies (terms, concepts, units, the cube's
    structure): a small set, the same in every document, so later stages find each term by
    identity instead of comparing equal rdflib terms in Python."""
    term = _VOCABULARY.get(iri)
    if term is None:
        term = _VOCABULARY[iri] = URIRef(iri)
    return term


class _Terms:
    """A namespace whose terms are made once.

    rdflib makes (and checks) a new ``URIRef`` on every ``RDF.type`` or ``FP.Mention`` lookup,
    and a document needs thousands; here the first lookup goes through the namespace (so
    ``FP``'s refusal of unknown names still applies) and later ones are attribute reads."""

    def __init__(self, space: Any) -> None:
        self._space = space
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = _vocabulary(str(getattr(self._space, name)))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = _vocabulary(str(self._space[name]))
        return term


DCTERMS = _Terms(ns.DCTERMS)
FOAF = _Terms(ns.FOAF)
FP = _Terms(ns.FP)
OA = _Terms(ns.OA)
ORG = _Terms(ns.ORG)
PROV = _Terms(ns.PROV)
QB = _Terms(ns.QB)
QUDT = _Terms(ns.QUDT)
RDF = _Terms(ns.RDF)
RDFS = _Terms(ns.RDFS)
SCHEMA = _Terms(ns.SCHEMA)
SDMX_ATTRIBUTE = _Terms(ns.SDMX_ATTRIBUTE)
SDMX_DIMENSION = _Terms(ns.SDMX_DIMENSION)
SDMX_MEASURE = _Terms(ns.SDMX_MEASURE)
SKOS = _Terms(ns.SKOS)
XSD = _Terms(ns.XSD)

_FP_BASE = str(ns.FP)
_MU_IN_M2 = Decimal(2000) / Decimal(3)


def decimal_literal(value: Decimal) -> Literal:
    """An xsd:decimal in canonical form (``12000.0``, ``99.56``), so Turtle's shorthand and
    JSON-LD carry the same lexical form."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return _typed(text, XSD.decimal)


@lru_cache(maxsize=16384)
def _text(value: str, lang: str | None = None) -> Literal:
    """A plain or language-tagged literal: the same names, titles and notations recur."""
    return Literal(value, lang=lang)


@lru_cache(maxsize=16384)
def _typed(value: str, datatype: URIRef) -> Literal:
    return Literal(value, datatype=datatype)


@lru_cache(maxsize=16384)
def _count(value: int) -> Literal:
    """An offset as an xsd:nonNegativeInteger."""
    return Literal(value, datatype=XSD.nonNegativeInteger)


@cache
def _unit_terms() -> dict[str, tuple[URIRef, str, str]]:
    spaces = {"unit": str(ns.UNIT), "fp": _FP_BASE}
    out = {}
    for notation, prefixed, label_en, label_zh in read_table("unit_terms.tsv"):
        prefix, local = prefixed.split(":", 1)
        out[notation] = (_vocabulary(spaces[prefix] + local), label_en, label_zh)
    return out


def unit_terms() -> dict[str, tuple[URIRef, str, str]]:
    """notation -> (unit IRI, English label, Chinese label), from ``kg/data/unit_terms.tsv``."""
    return dict(_unit_terms())


class _Builder:
    def __init__(self, doc: Document, facts: Facts, base: str) -> None:
        self.doc = doc
        self.facts = facts
        self.mint = Minter(base)
        self.triples: set[Triple] = set()
        self.doc_iri = self.mint.document(doc.sha256)
        self.dataset = self.mint.dataset(doc.sha256)
        self.context = facts.jurisdiction.key if facts.jurisdiction else "cn"
        self._divisions_done: set[str] = set()
        self._units_done: set[str] = set()
        self._mentions: dict[tuple[int, int], URIRef] = {}
        self._indicators: dict[tuple[str, str, str], URIRef] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples.add((s, p, o))

    def written(self, span: Span) -> Literal:
        return _text(span.written, self.doc.lang)

    # --- provenance ------------------------------------------------------------------------

    def mention(self, span: Span) -> URIRef:
        """The mention node of ``span`` with both selectors, in original-text offsets."""
        start, end = span.original_offsets
        node = self._mentions.get((start, end))
        if node is not None:
            return node
        sha = self.doc.sha256
        node = self._mentions[start, end] = self.mint.mention(sha, start, end)
        position = self.mint.mention(sha, start, end, "position")
        quote = self.mint.mention(sha, start, end, "quote")
        self.add(node, RDF.type, FP.Mention)
        self.add(node, RDF.type, OA.SpecificResource)
        self.add(node, OA.hasSource, self.doc_iri)
        self.add(node, OA.hasSelector, position)
        self.add(node, OA.hasSelector, quote)
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, _count(start))
        self.add(position, OA.end, _count(end))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(self.doc.original[start:end]))  # never recurs
        return node

    def derived(self, node: URIRef, span: Span) -> None:
        self.add(node, PROV.wasDerivedFrom, self.mention(span))

    # --- divisions -------------------------------------------------------------------------

    def division(self, division: Division) -> URIRef:
        iri = self.mint.area(division.key)
        if division.key in self._divisions_done:
            return iri
        self._divisions_done.add(division.key)
        self.add(iri, RDF.type, FP.AdministrativeDivision)
        self.add(iri, RDF.type, SCHEMA.AdministrativeArea)
        self.add(iri, FP.level, FP[division.level.value])
        for literal in all_forms(division.name, "Hans"):
            self.add(iri, RDFS.label, literal)
        for short in division.short:
            for literal in all_forms(short, "Hans", with_pinyin=False):
                self.add(iri, SKOS.altLabel, literal)
        if division.code:
            self.add(iri, SKOS.notation, _text(division.code))
        if division.parent is not None:
            self.add(iri, SCHEMA.containedInPlace, self.division(division.parent))
        return iri

    # --- people ----------------------------------------------------------------------------

    def organisation(self, organisation: Organisation) -> URIRef:
        iri = self.mint.organisation(organisation.key)
        self.add(iri, RDF.type, ORG.Organization)
        label = organisation.span.written if organisation.span else organisation.name
        script = self.doc.script if organisation.span else "Hans"
        for literal in all_forms(label, script, with_pinyin=False):
            self.add(iri, RDFS.label, literal)
        if organisation.division is not None:
            self.add(iri, SCHEMA.areaServed, self.division(organisation.division))
        if organisation.parent is not None:
            self.add(iri, ORG.subOrganizationOf, self.organisation(organisation.parent))
        return iri

    def person(self, person: Person) -> URIRef:
        iri = self.mint.person(person.name, self.context)
        self.add(iri, RDF.type, FOAF.Person)
        self.add(iri, FOAF.name, self.written(person.span))
        for literal in all_forms(person.span.written, self.doc.script):
            self.add(iri, RDFS.label, literal)
        self.derived(iri, person.span)
        if person.posts:
            self.add(iri, RDF.type, FP.Official)
        for post in person.posts:
            title = post.role_span.text
            post_iri = self.mint.post(post.organisation.key, title)
            role_iri = self.mint.role(title)
            self.add(iri, ORG.holds, post_iri)
            self.add(post_iri, RDF.type, ORG.Post)
            self.add(post_iri, ORG.role, role_iri)
            self.add(post_iri, ORG.postIn, self.organisation(post.organisation))
            self.add(post_iri, ORG.heldBy, iri)
            self.derived(post_iri, post.span)
            self.add(role_iri, RDF.type, ORG.Role)
            self.add(role_iri, RDFS.label, self.written(post.role_span))
        return iri

    # --- programmes ------------------------------------------------------------------------

    def programme_iri(self, programme: Programme) -> URIRef:
        area = programme.area.key if programme.area else self.context
        return self.mint.programme(programme.name, area)

    def programme(self, programme: Programme, by_name: dict[str, Programme]) -> URIRef:
        iri = self.programme_iri(programme)
        self.add(iri, RDF.type, FP.Programme)
        for literal in all_forms(programme.span.written, self.doc.script):
            self.add(iri, RDFS.label, literal)
        if programme.area is not None:
            self.add(iri, FP.targetsArea, self.division(programme.area))
        parent = by_name.get(programme.part_of) if programme.part_of else None
        if parent is not None and parent is not programme:
            self.add(iri, FP.partOf, self.programme_iri(parent))
        self.derived(iri, programme.span)
        if programme.evidence is not None:
            self.derived(iri, programme.evidence)
        return iri

    # --- measurements ----------------------------------------------------------------------

    def unit(self, notation: str) -> URIRef:
        iri, label_en, label_zh = _unit_terms()[notation]
        if notation in self._units_done:
            return iri
        self._units_done.add(notation)
        self.add(iri, RDF.type, QUDT.Unit)
        if iri.startswith(_FP_BASE):
            self.add(iri, RDF.type, FP.Unit)
        self.add(iri, SKOS.notation, _text(notation))
        self.add(iri, RDFS.label, _text(label_en, "en"))
        self.add(iri, RDFS.label, _text(label_zh, "zh-Hans"))
        if notation == "MU":
            self.add(iri, QUDT.conversionMultiplier, decimal_literal(_MU_IN_M2))
        return iri

    def indicator(self, label: str, unit: str, clause: str) -> URIRef:
        """The indicator as phrased, with its standard concept where one is recognised (the
        unit takes part: 地区生产总值 in yuan is GDP, in percent its growth)."""
        key = (label, unit, clause)
        iri = self._indicators.get(key)
        if iri is not None:
            return iri  # its triples are in already: the same phrase in the same clause
        concept = concept_of(label, unit, clause)
        iri = self._indicators[key] = self.mint.indicator(
            label, concept.notation if concept else None
        )
        self.add(iri, RDF.type, FP.Indicator)
        for literal in all_forms(label, "Hans", with_pinyin=False):
            self.add(iri, RDFS.label, literal)
        if concept is not None:
            self.add(iri, FP.concept, self.concept(concept))
        return iri

    def concept(self, concept: Concept) -> URIRef:
        """A concept of ontology/indicators.ttl, with what a file needs to show and judge it."""
        iri = _vocabulary(concept.iri)
        self.add(iri, RDF.type, SKOS.Concept)
        self.add(iri, SKOS.inScheme, _vocabulary(SCHEME))
        self.add(iri, SKOS.notation, _text(concept.notation))
        for text, language in concept.pref_labels:
            self.add(iri, SKOS.prefLabel, _text(text, language or None))
        if concept.direction is not None:
            self.add(iri, FP.desiredDirection, FP[concept.direction])
        return iri

    def quantity(self, node: URIRef, quantity: Quantity) -> None:
        self.add(node, SDMX_MEASURE.obsValue, decimal_literal(quantity.value))
        self.add(node, SDMX_ATTRIBUTE.unitMeasure, self.unit(quantity.unit))
        self.add(node, FP.valueQualifier, FP[quantity.qualifier.value])
        if quantity.classifier:
            self.add(node, FP.classifier, _text(quantity.classifier, self.doc.lang))
        if quantity.baseline is not None:
            self.add(node, FP.baseline, decimal_literal(quantity.baseline))

    def measurement(
        self, iri: URIRef, measurement: Measurement, programmes: dict[str, URIRef]
    ) -> URIRef:
        q = measurement.quantity
        self.add(iri, RDF.type, FP[measurement.kind.value])
        self.add(iri, RDF.type, QB.Observation)
        self.quantity(iri, q)
        indicator = self.indicator(measurement.indicator, q.unit, measurement.span.text)
        self.add(iri, FP.indicator, indicator)
        area = measurement.area or self.facts.jurisdiction
        if area is not None:
            self.add(iri, SDMX_DIMENSION.refArea, self.division(area))
        self.period(iri, measurement.period, measurement.period_inferred)
        self.add(iri, QB.dataSet, self.dataset)
        self.add(iri, FP.valueOffset, _count(q.span.original_offsets[0]))
        programme = programmes.get(measurement.programme or "")
        if programme is not None:
            self.add(iri, FP.programme, programme)
            if measurement.kind.value == "Target":
                self.add(programme, FP.hasTarget, iri)
        self.derived(iri, measurement.span)
        return iri

    def period(self, node: URIRef, label: str | None, inferred: bool) -> None:
        """The period as a reference.data.gov.uk interval (labelled as the text's period reads,
        2019 or 2016/2020), with its first and last day beside it on the observation.

        Where neither the text nor the document's date gives one, ``fp:UnknownPeriod``: the
        period is a dimension of the data set's structure, which every observation must have
        a value of (Data Cube IC-11)."""
        found = bounds(label) if label else None
        if label is None or found is None:
            self.add(node, SDMX_DIMENSION.refPeriod, FP.UnknownPeriod)
            self.add(FP.UnknownPeriod, RDFS.label, _text("period not known", "en"))
            self.add(FP.UnknownPeriod, RDFS.label, _text("时期不明", "zh-Hans"))
            return
        start, end = found
        period = self.mint.uri(interval_iri(label))
        self.add(node, SDMX_DIMENSION.refPeriod, period)
        self.add(period, RDFS.label, _text(canonical(label)))
        self.add(node, FP.periodStart, _typed(start.isoformat(), XSD.date))
        self.add(node, FP.periodEnd, _typed(end.isoformat(), XSD.date))
        if inferred:
            self.add(node, FP.periodInferred, _typed("true", XSD.boolean))

    # --- the document ----------------------------------------------------------------------

    def document(self) -> None:
        iri, meta = self.doc_iri, self.facts.metadata
        self.add(iri, RDF.type, FP.Document)
        self.add(iri, FP.sha256, _text(self.doc.sha256))
        self.add(iri, FP.encoding, _text(self.doc.encoding))
        if self.doc.file:
            self.add(iri, FP.fileName, _text(self.doc.file))
        if meta.title is not None:
            self.add(iri, DCTERMS.title, self.written(meta.title))
        if meta.created:
            datatype = XSD.dateTime if "T" in meta.created else XSD.date
            self.add(iri, DCTERMS.created, _typed(meta.created, datatype))
        if meta.issued:
            self.add(iri, DCTERMS.issued, _typed(meta.issued, XSD.date))
        self.add(self.dataset, RDF.type, QB.DataSet)
        self.add(self.dataset, QB.structure, FP.DataStructure)
        self.add(self.dataset, DCTERMS.source, iri)
        for triple in data_structure():
            self.add(*triple)
        if meta.publisher:
            self.add(iri, DCTERMS.publisher, _text(meta.publisher, self.doc.lang))
        if self.facts.jurisdiction is not None:
            self.add(iri, FP.jurisdiction, self.division(self.facts.jurisdiction))

    def build(self) -> set[Triple]:
        facts = self.facts
        self.document()
        for place in facts.places:
            self.derived(self.division(place.division), place.span)
        for person in facts.people:
            person_iri = self.person(person)
            if person.role == "author":
                self.add(self.doc_iri, DCTERMS.creator, person_iri)
            elif person.role == "editor":
                self.add(self.doc_iri, FP.editor, person_iri)
        by_name = {p.name: p for p in facts.programmes}
        programme_iris = {p.name: self.programme(p, by_name) for p in facts.programmes}
        for measurement, iri in numbered_observations(self.doc, facts.measurements, self.mint):
            self.measurement(iri, measurement, programme_iris)
        return self.triples


@cache
def data_structure() -> tuple[Triple, ...]:
    """The Data Cube structure of ``ontology/fupin.ttl`` (``fp:DataStructure``, its component
    specifications and what makes their properties dimensions, measure and attributes), which
    every output carries so that it is a well-formed cube alone."""
    ontology = Graph().parse(ontology_dir() / "fupin.ttl", format="turtle")
    structure = URIRef(FP.DataStructure)
    out: set[Triple] = set()
    for _, p, o in ontology.triples((structure, None, None)):
        out.add((structure, URIRef(p), o))  # type: ignore[arg-type]
    for spec in ontology.objects(structure, URIRef(QB.component)):
        for s, p, o in ontology.triples((spec, None, None)):
            out.add((URIRef(s), URIRef(p), o))  # type: ignore[arg-type]
        for prop in ontology.objects(spec, URIRef(QB.componentProperty)):
            for o in ontology.objects(prop, RDF.type):
                if str(o).startswith(str(ns.QB)):
                    out.add((URIRef(str(prop)), RDF.type, URIRef(str(o))))
            for o in ontology.objects(prop, RDFS.range):
                out.add((URIRef(str(prop)), RDFS.range, URIRef(str(o))))
    shared = {
        tuple(_vocabulary(str(t)) if isinstance(t, URIRef) else t for t in triple) for triple in out
    }
    return tuple(sorted(shared, key=_triple_key))  # type: ignore[arg-type]


def measurements_in_order(measurements: Iterable[Measurement]) -> list[Measurement]:
    """The order observations are numbered in (and the review's and export's row order)."""
    return sorted(
        measurements,
        key=lambda m: (m.quantity.span.start, m.quantity.span.end, m.kind.value, m.indicator),
    )


def numbered_observations(
    doc: Document, measurements: Iterable[Measurement], mint: Minter
) -> list[tuple[Measurement, URIRef]]:
    """Each measurement with the IRI of its observation: the number's original offsets, and an
    index among the measurements of the same number (分别 gives one number several)."""
    seen: dict[tuple[int, int], int] = {}
    out = []
    for measurement in measurements_in_order(measurements):
        q = measurement.quantity
        key = (q.span.start, q.span.end)
        seen[key] = seen.get(key, -1) + 1
        start, end = q.span.original_offsets
        out.append((measurement, mint.observation(doc.sha256, start, end, seen[key])))
    return out


def indicator_iri(mint: Minter, label: str, unit: str, clause: str) -> URIRef:
    """The IRI of the indicator ``label`` names for an observation in ``unit`` (in ``clause``)."""
    concept = concept_of(label, unit, clause)
    return mint.indicator(label, concept.notation if concept else None)


def build_triples(doc: Document, facts: Facts, base: str = ID_BASE) -> list[Triple]:
    """The triples of one document's facts, sorted: what the serialisers write."""
    return sorted(_Builder(doc, facts, base).build(), key=_triple_key)


def _triple_key(triple: Triple) -> tuple[str, str, str, str]:
    """Plain strings compare fast; the object's language or datatype breaks ties."""
    s, p, o = triple
    # (rdflib's isinstance goes through an ABC: IRIs, the most objects, are told apart first)
    if type(o) is not URIRef and isinstance(o, Literal):
        return (str(s), str(p), str(o), o.language or str(o.datatype or ""))
    return (str(s), str(p), str(o), "")


def build_graph(doc: Document, facts: Facts, base: str = ID_BASE) -> Graph:
    """The RDF graph of one document's facts (an rdflib ``Graph``, prefixes bound)."""
    return to_graph(build_triples(doc, facts, base))


def to_graph(triples: Iterable[Triple]) -> Graph:
    # SimpleMemory: one graph needs no context bookkeeping, which doubles the cost of adding.
    graph = Graph(store="SimpleMemory", bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in triples:
        graph.add(triple)
    return graph


__all__ = [
    "Triple",
    "build_graph",
    "build_triples",
    "indicator_iri",
    "measurements_in_order",
    "numbered_observations",
    "pinyin",
    "to_graph",
    "unit_terms",
]
