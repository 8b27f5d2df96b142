"""A stand-in for the gazetteer in extractor tests: the places of a fixed table of names."""

from __future__ import annotations

from collections.abc import Mapping

from kg.extract.facts import Division, PlaceMention
from kg.text.document import Document


def places_in(doc: Document, names: Mapping[str, Division]) -> list[PlaceMention]:
    """Mentions of ``names`` in ``doc.text``, longest name first, left to right."""
    out, at, text = [], 0, doc.text
    longest_first = sorted(names, key=len, reverse=True)
    while at < len(text):
        for name in longest_first:
            if text.startswith(name, at):
                out.append(PlaceMention(doc.span(at, at + len(name)), names[name]))
                at += len(name)
                break
        else:
            at += 1
    return out
