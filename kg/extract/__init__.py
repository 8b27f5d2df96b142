"""Extraction: one module per kind of fact, each a function of the document (and of the facts
found before it), wired here in the order their dependencies need.

Facts found inside page boilerplate (legal notices, hotlines, counters) are dropped here, once,
rather than in every extractor.
"""

from __future__ import annotations

from kg.extract import measurements, metadata, people, places, programmes, quantities
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
    return Facts(
        metadata=metadata.extract(doc),
        jurisdiction=jurisdiction,
        places=found_places,
        people=[p for p in people.extract(doc, found_places, jurisdiction) if keep(p.span)],
        programmes=found_programmes,
        quantities=found_quantities,
        measurements=measurements.extract(
            doc, found_quantities, found_places, found_programmes, jurisdiction
        ),
        boilerplate_share=boilerplate_share(doc, skip),
    )
