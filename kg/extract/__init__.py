"""Extraction: one module per kind of fact, each a function of the document (and of the facts
found before it), wired here in the order their dependencies need.

A table of indicators (:mod:`kg.extract.tables`) is read by its rows and columns; the clause
reader, which would see its cells as clauses, skips the numbers inside it.

Facts found inside page boilerplate (legal notices, hotlines, counters) are dropped here, once,
rather than in every extractor.
"""

from __future__ import annotations

from kg.extract import measurements, metadata, people, places, programmes, quantities, tables
from kg.extract.boilerplate import boilerplate_share, boilerplate_spans, overlaps
from kg.extract.facts import Facts
from kg.text.document import Document, Span


def extract(doc: Document) -> Facts:
    skip = boilerplate_spans(doc)

    def keep(span: Span) -> bool:
        return not overlaps(skip, span.start, span.end)

    found_places = [p for p in places.extract(doc) if keep(p.span)]
    jurisdiction = places.infer_jurisdiction(doc, found_places)
    found_programmes = [
        p for p in programmes.extract(doc, found_places, jurisdiction) if keep(p.span)
    ]
    found_quantities = [q for q in quantities.extract(doc) if keep(q.span)]
    found_tables = [t for t in tables.read(doc, jurisdiction) if keep(t.span)]
    in_table = [(t.span.start, t.span.end) for t in found_tables]
    in_clauses = measurements.extract(
        doc,
        [q for q in found_quantities if not overlaps(in_table, q.span.start, q.span.end)],
        found_places,
        found_programmes,
        jurisdiction,
    )
    return Facts(
        metadata=metadata.extract(doc),
        jurisdiction=jurisdiction,
        places=found_places,
        people=[p for p in people.extract(doc, found_places, jurisdiction) if keep(p.span)],
        programmes=found_programmes,
        quantities=found_quantities,
        measurements=[m for t in found_tables for m in t.measurements] + in_clauses,
        boilerplate_share=boilerplate_share(doc, skip),
    )
