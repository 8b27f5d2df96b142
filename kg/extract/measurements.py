"""Targets (planned) and outcomes (achieved): quantities with indicator, area and programme."""

from __future__ import annotations

from kg.document import Document
from kg.facts import Division, Measurement, PlaceMention, Programme, Quantity


def extract(
    doc: Document,
    quantities: list[Quantity],
    places: list[PlaceMention],
    programmes: list[Programme],
    jurisdiction: Division | None,
) -> list[Measurement]:
    return []
