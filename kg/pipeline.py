"""One document, end to end: read -> normalise -> extract -> graph -> validate -> serialise.

``process`` is a pure function of the input file (and the base IRI); writing and loading are
left to the caller, so the same function serves one file, a folder, or a cluster's map.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from kg.extract import extract
from kg.extract.facts import Facts, Kind
from kg.rdf.graph import Triple, build_triples, to_graph
from kg.rdf.iri import Minter
from kg.rdf.namespace import ID_BASE
from kg.rdf.serialise import serialisations
from kg.text.document import Document
from kg.text.normalise import UNDECODABLE
from kg.validate.validation import Validation, validate

MOSTLY = 0.5
"""Above this share of boilerplate, a document's summary says how much of it was not read."""


def undecodable(doc: Document) -> str | None:
    """What was lost in decoding ``doc`` ("1 undecodable byte read as U+FFFD …"), if anything."""
    lost = sum(1 for r in doc.normalised.repairs if r.kind == UNDECODABLE)
    if not lost:
        return None
    return (
        f"{lost} undecodable byte{'s' if lost > 1 else ''} read as U+FFFD and kept out of the facts"
    )


@dataclass
class Result:
    doc: Document
    facts: Facts
    triples: list[Triple]
    validation: Validation
    turtle: bytes
    jsonld: bytes
    doc_iri: str

    @cached_property
    def graph(self) -> Graph:
        """The triples as an rdflib ``Graph``, made only for those who ask (review, tests)."""
        return to_graph(self.triples)

    def summary(self) -> str:
        f = self.facts
        divisions = {p.division.key for p in f.places}
        targets = sum(1 for m in f.measurements if m.kind is Kind.TARGET)
        outcomes = len(f.measurements) - targets
        v = self.validation
        line = (
            f"{self.doc.name}: {len(f.people)} people, {len(divisions)} divisions, "
            f"{len(f.programmes)} programmes, {targets} targets, {outcomes} outcomes; "
            f"{len(self.triples)} triples; {v.count('Violation')} violations, "
            f"{v.count('Warning')} warnings"
        )
        lost = undecodable(self.doc)
        if lost:
            line += f"; {lost} (see the repairs in kg report)"
        if f.boilerplate_share > MOSTLY:
            line += (
                f"; {f.boilerplate_share:.0%} of the text is page boilerplate "
                "(notices, hotlines, counters), not read for facts"
            )
        return line


def process_document(doc: Document, base: str = ID_BASE) -> Result:
    return from_facts(doc, extract(doc), base)


def from_facts(doc: Document, facts: Facts, base: str = ID_BASE) -> Result:
    """The graph, validation and serialisations of facts already extracted from ``doc``."""
    triples = build_triples(doc, facts, base)
    turtle, jsonld = serialisations(triples)
    return Result(
        doc=doc,
        facts=facts,
        triples=triples,
        validation=validate(triples),
        turtle=turtle,
        jsonld=jsonld,
        doc_iri=str(Minter(base).document(doc.sha256)),
    )


def process(path: Path, base: str = ID_BASE) -> Result:
    return process_document(Document.from_path(path), base)
