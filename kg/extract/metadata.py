"""Document metadata: title, publication date-time, publisher."""

from __future__ import annotations

from kg.document import Document
from kg.facts import Metadata


def extract(doc: Document) -> Metadata:
    return Metadata()
