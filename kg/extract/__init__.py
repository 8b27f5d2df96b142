"""Extraction: one module per kind of fact, each a function of the document (and of the facts
found before it), wired here in the order their dependencies need."""

from __future__ import annotations

from kg.document import Document
from kg.extract import measurements, metadata, people, places, programmes, quantities
from kg.facts import Facts


def extract(doc: Document) -> Facts:
    found_places = places.extract(doc)
    jurisdiction = places.infer_jurisdiction(doc, found_places)
    found_programmes = programmes.extract(doc, found_places, jurisdiction)
    found_quantities = quantities.extract(doc)
    return Facts(
        metadata=metadata.extract(doc),
        jurisdiction=jurisdiction,
        places=found_places,
        people=people.extract(doc, found_places, jurisdiction),
        programmes=found_programmes,
        quantities=found_quantities,
        measurements=measurements.extract(
            doc, found_quantities, found_places, found_programmes, jurisdiction
        ),
    )
