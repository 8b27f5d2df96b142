"""People and the posts they hold."""

from __future__ import annotations

from kg.document import Document
from kg.facts import Division, Person, PlaceMention


def extract(
    doc: Document, places: list[PlaceMention], jurisdiction: Division | None
) -> list[Person]:
    return []
