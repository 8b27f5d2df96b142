"""Administrative divisions named in the text, resolved against the gazetteer."""

from __future__ import annotations

from kg.document import Document
from kg.facts import Division, PlaceMention


def extract(doc: Document) -> list[PlaceMention]:
    return []


def infer_jurisdiction(doc: Document, places: list[PlaceMention]) -> Division | None:
    return None
