"""Document metadata: title and publication date-time, from the page header.

Pages of the genre open with the title, then a line with the publication date (and time), the
source and counters; a line reading 来源：X names the publisher.
"""

from __future__ import annotations

import re
from datetime import date, time

from kg.extract.facts import Metadata
from kg.text.document import Document

_HEADER_LINES = 6
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_SOURCE = re.compile(r"来源\s*[:：]\s*(?P<name>[^\s|，,。]{2,30})")
_TITLE_MAX = 60


def _lines(doc: Document) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", doc.text)]


def _title(doc: Document, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    for start, end in lines[:_HEADER_LINES]:
        text = doc.text[start:end].strip()
        if _DATE.search(text) or len(text) > _TITLE_MAX or doc.is_masked(start, end):
            continue
        lead = len(doc.text[start:end]) - len(doc.text[start:end].lstrip())
        trail = len(doc.text[start:end]) - len(doc.text[start:end].rstrip())
        return start + lead, end - trail
    return None


def _created(doc: Document, lines: list[tuple[int, int]]) -> str | None:
    """The first real date (and time, where it is a real time) in the header lines."""
    for start, end in lines[:_HEADER_LINES]:
        match = _DATE.search(doc.text, start, end)
        if match is None:
            continue
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue  # 2020-13-45 is no date
        if match["H"] is None:
            return day.isoformat()
        try:
            moment = time(int(match["H"]), int(match["M"]), int(match["S"] or 0))
        except ValueError:
            return day.isoformat()  # a garbled time does not spoil the date
        return f"{day.isoformat()}T{moment.isoformat()}"
    return None


def extract(doc: Document) -> Metadata:
    from kg.extract.periods import issued

    lines = _lines(doc)
    title = _title(doc, lines)
    source = _SOURCE.search(doc.text)
    created = _created(doc, lines)
    issued_on = issued(doc, created)
    return Metadata(
        title=doc.span(*title) if title else None,
        created=created,
        issued=issued_on.isoformat() if issued_on else None,
        publisher=doc.clean[source.start("name") : source.end("name")] if source else None,
    )
