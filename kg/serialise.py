"""Write graphs as Turtle, N-Quads and compact JSON-LD, byte for byte the same for the same triples.

Outputs are written to a temporary file beside the target and renamed, so a reader never sees a
half-written file.  The JSON-LD context is the project's own (``ontology/context.jsonld``),
embedded in every file, never referenced by URL.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.errors import KgError
from kg.resources import ontology_dir

Triple = tuple[Node, Node, Node]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def jsonld_context() -> dict[str, Any]:
    data = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    context: dict[str, Any] = data["@context"]
    return context


# --- terms ----------------------------------------------------------------------------------

_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPE = re.compile(r'[\\"\n\r\t]')


@cache
def _prefixes() -> tuple[tuple[str, str], ...]:
    """(namespace, prefix), longest namespace first, so the most specific prefix wins."""
    pairs = [
        (namespace, prefix)
        for prefix, namespace in jsonld_context().items()
        if not prefix.startswith("@")
    ]
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[1])))


@cache
def compact(iri: str) -> str | None:
    """``fp:Outcome`` for an IRI under a known prefix whose rest is a plain local name."""
    for namespace, prefix in _prefixes():
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if _LOCAL_NAME.fullmatch(local):
                return f"{prefix}:{local}"
    return None


def _quote(text: str) -> str:
    return '"' + _ESCAPE.sub(lambda m: _ESCAPES[m.group()], text) + '"'


def _turtle_iri(iri: str) -> str:
    return compact(iri) or f"<{iri}>"


def _full_iri(iri: str) -> str:
    return f"<{iri}>"


def _term(term: Node, iri: Callable[[str], str] = _turtle_iri) -> str:
    """A term in Turtle (IRIs compacted) or, with ``iri=_full_iri``, N-Triples syntax."""
    if isinstance(term, Literal):
        if term.language:
            return f"{_quote(str(term))}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{_quote(str(term))}^^{iri(str(term.datatype))}"
        return _quote(str(term))
    if isinstance(term, URIRef):
        return iri(str(term))
    raise KgError(f"cannot write {term!r}: outputs have no blank nodes")


def _object_key(term: Node) -> tuple[int, str, str]:
    if isinstance(term, Literal):
        return (1, str(term), term.language or str(term.datatype or ""))
    return (0, str(term), "")


def _grouped(triples: Iterable[Triple]) -> list[tuple[Node, list[tuple[Node, list[Node]]]]]:
    """Subjects in IRI order; per subject rdf:type first, then predicates in IRI order."""
    nodes: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in triples:
        nodes.setdefault(s, {}).setdefault(p, []).append(o)
    out = []
    for subject in sorted(nodes, key=str):
        predicates = nodes[subject]
        order = sorted(predicates, key=lambda p: (p != RDF.type, str(p)))
        out.append((subject, [(p, sorted(set(predicates[p]), key=_object_key)) for p in order]))
    return out


# --- Turtle -------------------------------------------------------------------------------------


def to_turtle(triples: Iterable[Triple]) -> bytes:
    """Turtle with the project's prefixes, subjects and values sorted: same triples, same bytes.

    Written directly rather than through rdflib's serialiser, which costs more than extracting
    the facts; every term is written in full form (literals quoted, with datatype or language),
    so the lexical forms are exactly those of the graph.
    """
    lines = [
        f"@prefix {prefix}: <{namespace}> ."
        for namespace, prefix in sorted(_prefixes(), key=lambda pair: pair[1])
    ]
    for subject, predicates in _grouped(triples):
        lines.append("")
        lines.append(_term(subject))
        last = len(predicates) - 1
        for index, (predicate, objects) in enumerate(predicates):
            verb = "a" if predicate == RDF.type else _turtle_iri(str(predicate))
            values = " ,\n        ".join(_term(o) for o in objects)
            lines.append(f"    {verb} {values} {'.' if index == last else ';'}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_nquads(triples: Iterable[Triple], name: str) -> bytes:
    """N-Quads in the named graph ``name``, lines sorted."""
    graph = _full_iri(name)
    lines = sorted(
        f"{_term(s, _full_iri)} {_term(p, _full_iri)} {_term(o, _full_iri)} {graph} .\n"
        for s, p, o in triples
    )
    return "".join(lines).encode("utf-8")


# --- JSON-LD ------------------------------------------------------------------------------------


def _jsonld_iri(iri: str) -> str:
    return compact(iri) or iri


def _jsonld_value(term: Node) -> Any:
    if isinstance(term, Literal):
        if term.language:
            return {"@language": term.language, "@value": str(term)}
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return {"@type": _jsonld_iri(str(term.datatype)), "@value": str(term)}
        return str(term)
    if isinstance(term, URIRef):
        return {"@id": _jsonld_iri(str(term))}
    raise KgError(f"cannot write {term!r}: outputs have no blank nodes")


def to_jsonld(triples: Iterable[Triple]) -> bytes:
    """Compact JSON-LD with the project's context embedded (never referenced by URL)."""
    nodes = []
    for subject, predicates in _grouped(triples):
        node: dict[str, Any] = {"@id": _jsonld_iri(str(subject))}
        for predicate, objects in predicates:
            if predicate == RDF.type:
                types = [_jsonld_iri(str(o)) for o in objects]
                node["@type"] = types[0] if len(types) == 1 else types
                continue
            values = [_jsonld_value(o) for o in objects]
            node[_jsonld_iri(str(predicate))] = values[0] if len(values) == 1 else values
        nodes.append(node)
    # One node per line: readable, and json's C encoder (indent= would use the slow Python one).
    context = json.dumps(jsonld_context(), ensure_ascii=False, indent=2, sort_keys=True)
    lines = ",\n".join(
        "    " + json.dumps(node, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
        for node in nodes
    )
    context = context.replace("\n", "\n  ")
    return f'{{\n  "@context": {context},\n  "@graph": [\n{lines}\n  ]\n}}\n'.encode()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with AtomicWriter(path) as out:
        out.write(data)


class AtomicWriter:
    """A file written in pieces that appears whole at the end, or not at all."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp: Path | None = None
        self._out: Any = None

    def __enter__(self) -> AtomicWriter:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
        except OSError as error:
            raise KgError(f"{self.path.parent}: cannot write ({error.strerror})") from None
        self._tmp = Path(tmp)
        self._out = os.fdopen(fd, "wb")
        return self

    def write(self, data: bytes) -> None:
        self._out.write(data)

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        assert self._tmp is not None
        self._out.close()
        if kind is None:
            os.chmod(self._tmp, 0o666 & ~_umask())
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)
