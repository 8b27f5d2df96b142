"""Validate a graph against the shapes (pySHACL): data first, text derived from it.

Validation reads only the data graph and the shapes shipped with the package: no owl:imports
are followed and no remote context is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kg.errors import KgError
from kg.resources import shapes_dir


@cache
def shapes_graph() -> Graph:
    graph = Graph()
    for path in sorted(shapes_dir().glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@dataclass(frozen=True)
class Result:
    severity: str
    """``Violation``, ``Warning`` or ``Info``."""
    focus: URIRef
    path: URIRef | None
    message: str


@dataclass(frozen=True)
class Validation:
    conforms: bool
    """No result of severity Violation (warnings and infos do not fail a document)."""
    report: Graph
    results: tuple[Result, ...]

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)


def validate(data: Graph) -> Validation:
    import pyshacl

    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
        do_owl_imports=False,
    )
    if not isinstance(report, Graph):  # pySHACL reports a broken shapes graph this way
        raise KgError(f"shapes cannot be used: {report}")
    results = []
    for node in report.subjects(SH.resultSeverity, None):
        severity = report.value(node, SH.resultSeverity)
        focus = report.value(node, SH.focusNode)
        path = report.value(node, SH.resultPath)
        message = report.value(node, SH.resultMessage)
        results.append(
            Result(
                severity=str(severity).rsplit("#", 1)[-1],
                focus=focus if isinstance(focus, URIRef) else URIRef(str(focus)),
                path=path if isinstance(path, URIRef) else None,
                message=str(message or ""),
            )
        )
    results.sort(key=lambda r: (r.severity, str(r.focus), str(r.path), r.message))
    return Validation(
        conforms=not any(r.severity == "Violation" for r in results),
        report=report,
        results=tuple(results),
    )
