"""The W3C Data Cube integrity constraints IC-1 … IC-21, as the specification states them.

Each constraint is a SPARQL ASK query shipped in ``kg/validate/integrity/`` (``ic-01.rq`` …
``ic-21.rq``; IC-19 is two queries, one per kind of code list), answering true when the graph
violates it.  They run offline, on an in-memory Oxigraph store holding the graph alone: nothing
is fetched, and no inference is made, so a graph passes only in the normalised form the
constraints are written against (``kg.rdf.graph`` writes it so: every observation typed
``qb:Observation`` and naming its ``qb:dataSet``, every component specification carrying
``qb:componentProperty``).

IC-20 and IC-21 are templates: their ``<$p>`` is each parent-child property that their
instantiation queries select from the graph (an IRI, written into the property path as the
specification does: a path cannot take a bound variable).  IC-17's ``HAVING`` tests the
aggregate rather than its ``SELECT`` alias (the same test; the alias is unbound there in SPARQL
1.1's algebra, and Oxigraph follows it).

IC-12 (no two observations of a data set alike in every dimension) holds by design: beside area,
period and indicator, ``fp:DataStructure`` has the value's place in the text (``fp:valueOffset``)
as a dimension.  A document states one indicator's value for one area and period more than once
(a figure repeated in its summary, a target beside the outcome, households beside people), and
each statement is an observation of its own with its own provenance; a data set per kind would
still collide on repeated figures, and merging them would lose a statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Node

QUERIES = Path(__file__).resolve().parent / "integrity"
SPECIFICATION = "https://www.w3.org/TR/vocab-data-cube/#"
_TEMPLATE = "<$p>"


@dataclass(frozen=True)
class Constraint:
    name: str
    """``IC-12``."""
    title: str
    """``No duplicate observations``."""
    text: str
    """What the specification says must hold."""
    query: str
    instantiation: str | None = None
    """For a template (IC-20, IC-21): the query selecting the IRIs that fill ``<$p>``."""

    @property
    def iri(self) -> URIRef:
        """The constraint's place in the specification (``…#ic-12``)."""
        return URIRef(SPECIFICATION + self.name.lower())


@cache
def constraints() -> tuple[Constraint, ...]:
    """IC-1 … IC-21, in order, read from the shipped query files."""
    out = []
    for path in sorted(QUERIES.glob("ic-*.rq")):
        if path.stem.endswith("-instantiation"):
            continue
        text = path.read_text(encoding="utf-8")
        heading, said = (line.removeprefix("# ").strip() for line in text.splitlines()[:2])
        name, _, title = heading.partition(". ")
        instantiation = path.with_name(f"{path.stem}-instantiation.rq")
        out.append(
            Constraint(
                name=name,
                title=title,
                text=said,
                query=text,
                instantiation=(
                    instantiation.read_text(encoding="utf-8") if instantiation.is_file() else None
                ),
            )
        )
    return tuple(out)


def violated(triples: Iterable[tuple[Node, Node, Node]]) -> list[Constraint]:
    """The constraints the triples of one graph violate (none for a well-formed cube)."""
    import pyoxigraph as ox

    from kg.validate.shacl import _load

    store = ox.Store()
    _load(store, list(triples))
    out = []
    for constraint in constraints():
        if any(bool(store.query(query)) for query in _queries(store, constraint)):
            out.append(constraint)
    return out


def _queries(store: object, constraint: Constraint) -> list[str]:
    """The ASK queries of a constraint: itself, or its template once per selected IRI."""
    if constraint.instantiation is None:
        return [constraint.query]
    import pyoxigraph as ox

    out = []
    for row in store.query(constraint.instantiation):  # type: ignore[attr-defined]
        term = row["p"]
        if isinstance(term, ox.NamedNode):
            out.append(constraint.query.replace(_TEMPLATE, f"<{term.value}>"))
    return out
