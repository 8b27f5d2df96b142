"""Named programmes: policies, projects, campaigns and plans."""

from __future__ import annotations

from kg.document import Document
from kg.facts import Division, PlaceMention, Programme


def extract(
    doc: Document, places: list[PlaceMention], jurisdiction: Division | None
) -> list[Programme]:
    return []
