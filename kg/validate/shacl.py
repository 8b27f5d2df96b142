"""A fast SHACL validator: the shapes compiled once, the core constraints checked in Python.

:class:`ShaclValidator` reads a shapes graph once into compiled shapes (targets, paths and
constraints as plain Python data).  :meth:`ShaclValidator.validate` indexes the data once
(subject → predicate → objects, on the data's own rdflib terms) and checks every core constraint
with a dictionary lookup per value, never a query per focus node.  Only what is written in SPARQL
(``sh:sparql`` constraints and SPARQL-based targets) runs as SPARQL: each query once over all
focus nodes (``$this`` left free, the rows grouped by it) on an in-memory Oxigraph store that is
loaded only when such a query has to run.  Shapes nest (``sh:node``, ``sh:or``, ``sh:not``,
``sh:qualifiedValueShape``, ``sh:property``) through :meth:`_Run.fails`, "value ``v`` fails
shape S", memoised per validation.

The results are those pySHACL reports (``inference="none"``, ``advanced=True``,
``allow_warnings=True``, ``allow_infos=True``): focus node, result path, value, severity,
message (pySHACL's own wording where the shape has no ``sh:message``), source constraint
component, source shape, source constraint and ``sh:detail`` (nested results of ``sh:node``).
pySHACL's quirks are kept where they change results: with warnings allowed, a nested shape of
severity Warning or Info always "conforms" for ``sh:or``, ``sh:not`` and qualified shapes, while
``sh:node`` fails on any nested result.

Shapes using a feature not implemented here raise :class:`UnsupportedShapes` when compiled, so
that a caller can fall back to pySHACL.  Supported: node and property shapes (``sh:property``,
property shapes as members of ``sh:or``/``sh:not``/``sh:node``); targets ``sh:targetClass``
(and implicit class targets), ``sh:targetNode``, ``sh:targetSubjectsOf``,
``sh:targetObjectsOf``, SPARQL-based targets; paths: IRI, inverse, sequence, alternative,
zero-or-more, one-or-more, zero-or-one; constraints ``sh:minCount``, ``sh:maxCount``,
``sh:class``, ``sh:datatype``, ``sh:in``, ``sh:pattern`` (+ ``sh:flags``), ``sh:node``,
``sh:qualifiedValueShape`` with ``sh:qualifiedMinCount``/``sh:qualifiedMaxCount``,
``sh:lessThanOrEquals``, ``sh:or``, ``sh:not``, ``sh:sparql`` (SELECT, ``sh:prefixes``,
message templates); ``sh:severity``, ``sh:message``, ``sh:deactivated``.

Known difference, in SPARQL only: RDF 1.1 (and Oxigraph) make ``"x"`` and ``"x"^^xsd:string``
the same term and store typed literals canonically (``"1.50"^^xsd:decimal`` is ``"1.5"``); rdflib
keeps them apart.  A SPARQL constraint sees Oxigraph's terms; the core constraints see rdflib's,
as pySHACL does.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any, TypeAlias

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD, NamespaceManager
from rdflib.term import IdentifiedNode, Node

from kg.rdf.rdfio import from_oxigraph

__all__ = ["ShaclResult", "ShaclValidator", "UnsupportedShapes", "ValidationReport"]


class UnsupportedShapes(ValueError):
    """The shapes use a SHACL feature this engine does not implement (use pySHACL instead)."""


_FN = "urn:x-kg-shacl:"
_THIS_VAR = "shq_this"
"""The variable ``$this`` becomes in the SPARQL of shapes, run with it free."""

_SEVERITY_ALLOWED = (SH.Warning, SH.Info)
# rdflib makes a new URIRef on every ``RDF.type``: the terms looked up per value are made once
_RDF_LANGSTRING = RDF.langString
_RDF_TYPE = RDF.type
_RDF_FIRST = RDF.first
_RDF_REST = RDF.rest
_RDFS_LITERAL = RDFS.Literal
_RDFS_DATATYPE = RDFS.Datatype
_SUBCLASS_OF = RDFS.subClassOf
_XSD_STRING = XSD.string
_COUNTS = frozenset(("min", "max", "qmin", "qmax"))
_EMPTY: dict[Node, None] = {}
"""The values of a path that has none (shared: never written to)."""

_ALLOWED_SHAPE_PARAMETERS = {
    SH[name]
    for name in (
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
        "target",
        "property",
        "path",
        "minCount",
        "maxCount",
        "class",
        "datatype",
        "in",
        "pattern",
        "flags",
        "node",
        "qualifiedValueShape",
        "qualifiedMinCount",
        "qualifiedMaxCount",
        "qualifiedValueShapesDisjoint",
        "lessThanOrEquals",
        "or",
        "not",
        "sparql",
        "severity",
        "message",
        "deactivated",
        "name",
        "description",
        "order",
        "group",
        "defaultValue",
        "prefixes",
        "declare",
    )
}
_REFUSED_GLOBALLY = {
    SH.rule: "sh:rule",
    SH.parameter: "constraint components (sh:parameter)",
    SH.expression: "sh:expression",
    SH.js: "sh:js",
    SH.jsFunctionName: "JavaScript",
    SH.ask: "SPARQL ASK validators",
    SH.update: "SPARQL update",
    SH.construct: "SPARQL construct rules",
}
_REFUSED_TYPES = {
    SH.SPARQLFunction: "SHACL functions",
    SH.SPARQLTargetType: "SPARQL target types",
    SH.ConstraintComponent: "constraint components",
    SH.JSTarget: "JavaScript targets",
    SH.TripleRule: "rules",
    SH.SPARQLRule: "rules",
}
_SPARQL_REFUSED = re.compile(
    r"\b(MINUS|SERVICE|VALUES|FROM|GRAPH|LOAD|LIMIT|OFFSET)\b|\$(value|currentShape|shapesGraph)\b",
    re.IGNORECASE,
)
_PREFIX_DECL = re.compile(r"^\s*(?:PREFIX\s+([\w\-.]*):\s*<([^>]*)>|BASE\s*<[^>]*>)", re.IGNORECASE)
_THIS = re.compile(r"[?$]this\b")
_PATH_VAR = re.compile(r"\$PATH\b")
_PROJECTION = re.compile(
    r"^\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s*(?:WHERE\b|\{)", re.I | re.S
)


# --- terms --------------------------------------------------------------------------------------


_IRI_UNSAFE = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def _nt_iri(iri: str) -> str:
    if _IRI_UNSAFE.search(iri) is None:  # nearly always: no character to escape
        return "<" + iri + ">"
    return "<" + _IRI_UNSAFE.sub(lambda m: f"\\U{ord(m.group()):08X}", iri) + ">"


_OX: dict[Node, Any] = {}
"""rdflib term → pyoxigraph term, for the whole process: a document's vocabulary, units and
reference facts are the same every time.  Emptied when it grows past :data:`_OX_LIMIT`."""
_OX_LIMIT = 20_000
"""About ten documents' terms: most are a document's own (its mentions, its numbers), so a
larger cache would only hold memory; the vocabulary is back after one document."""
_CANONICAL: dict[Node, Any] = {}
"""Typed literal → the term Oxigraph stores for it (``"01"^^xsd:int`` is ``"1"^^xsd:integer``)."""
_LITERAL_OF = ox.NamedNode(_FN + "literal")


def _make_ox(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        try:
            return ox.BlankNode(str(term))
        except ValueError:
            return ox.BlankNode()
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _to_ox(term: Node) -> Any:
    made = _OX.get(term)
    if made is None:
        made = _make_ox(term)
        if len(_OX) >= _OX_LIMIT:
            _OX.clear()
        _OX[term] = made
    return made


def _quads(triples: Iterable[tuple[Node, Node, Node]]) -> list[Any]:
    """The triples as Oxigraph quads (default graph), terms converted once per process."""
    cache = _OX
    make = _to_ox
    quad = ox.Quad
    out = []
    for s, p, o in triples:
        a = cache.get(s)
        if a is None:
            a = make(s)
        b = cache.get(p)
        if b is None:
            b = make(p)
        c = cache.get(o)
        if c is None:
            c = make(o)
        out.append(quad(a, b, c))
    return out


def _nt_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\r", "\\r") + '"'


def _nt_term(term: Node) -> str | None:
    if isinstance(term, URIRef):
        return _nt_iri(str(term))
    if isinstance(term, Literal):
        text = _nt_string(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != _XSD_STRING:
            return f"{text}^^{_nt_iri(str(term.datatype))}"
        return text
    return None  # a blank node: its label is not ours to write


_NT: dict[Node, str | None] = {}
"""rdflib term → N-Triples, for the whole process, as :data:`_OX`."""


def _ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str | None:
    """The triples as N-Triples, or ``None`` if they hold a blank node."""
    cache = _NT
    if len(cache) >= _OX_LIMIT:
        cache.clear()
    get = cache.get
    lines = []
    for s, p, o in triples:
        a, b, c = get(s), get(p), get(o)
        if a is None or b is None or c is None:
            a, b, c = (get(t) or cache.setdefault(t, _nt_term(t)) for t in (s, p, o))
            if a is None or b is None or c is None:
                return None
        lines.append(f"{a} {b} {c} .\n")
    return "".join(lines)


def _load(store: Any, triples: list[tuple[Node, Node, Node]]) -> None:
    """Load the triples into an Oxigraph store: as N-Triples text parsed in Rust (with IRIs
    unchecked), a third cheaper than making a Python ``Quad`` of each; as quads when they hold
    a blank node or Oxigraph refuses the text."""
    text = _ntriples(triples)
    if text is not None:
        try:
            store.load(text, format=ox.RdfFormat.N_TRIPLES, lenient=True)
            return
        except SyntaxError:  # a load is all or nothing: the store is still empty
            pass
    store.extend(_quads(triples))


Needs: TypeAlias = "dict[Node, frozenset[Node] | None] | None"
"""What SPARQL queries can match, per predicate: the objects their patterns name with it
(``None``: any object); ``None`` for all: some pattern's predicate is not a named IRI."""


def sparql_needs(queries: Iterable[str]) -> Needs:
    """The triples that ``queries`` can match, from their triple patterns (parsed by rdflib's
    SPARQL parser, once per set of shapes).

    A pattern whose predicate is an IRI matches only triples of that predicate, and only those
    with its object when the object is an IRI, so loading just those triples gives every query
    the same rows.  Paths are kept whole (any object for each IRI in them); a variable
    predicate, a negated path or one that may have length zero (which reaches every node of
    the graph) needs all the triples."""
    from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    needs: dict[Node, set[Node] | None] = {}

    def path_iris(path: Any) -> list[Node] | None:
        if isinstance(path, URIRef):
            return [path]
        if isinstance(path, InvPath):
            parts = [path.arg]
        elif isinstance(path, MulPath) and not path.zero:
            parts = [path.path]
        elif isinstance(path, (SequencePath, AlternativePath)):
            parts = list(path.args)
        else:  # a negated path, one of length zero or more, or what this does not know
            return None
        found: list[Node] = []
        for part in parts:
            iris = path_iris(part)
            if iris is None:
                return None
            found.extend(iris)
        return found

    def pattern(s: Any, p: Any, o: Any) -> bool:
        if isinstance(p, URIRef):
            objects = needs.setdefault(p, set())
            if objects is not None:
                if isinstance(o, URIRef):
                    objects.add(o)
                else:
                    needs[p] = None
            return True
        iris = path_iris(p)
        if iris is None:
            return False
        for iri in iris:
            needs[iri] = None
        return True

    def walk(node: Any) -> bool:
        if isinstance(node, CompValue):
            if node.name in ("GraphGraphPattern", "ServiceGraphPattern", "Graph", "Service"):
                return False
            triples = dict.get(node, "triples")  # (CompValue.get answers a missing key's name)
            if triples is not None:
                for triple in triples:
                    if len(triple) != 3 or not pattern(*triple):
                        return False
            return all(walk(value) for key, value in node.items() if key != "triples")
        if isinstance(node, (list, tuple)):
            return all(walk(item) for item in node)
        return True

    for query in queries:
        try:
            algebra = prepareQuery(query).algebra
        except Exception:  # a query rdflib cannot read: load everything, Oxigraph decides
            return None
        if not walk(algebra):
            return None
    return {p: None if objects is None else frozenset(objects) for p, objects in needs.items()}


@lru_cache(maxsize=16)
def _cached_needs(queries: tuple[str, ...]) -> Needs:
    from kg.cache import cached

    digest = hashlib.sha256("\0".join(queries).encode("utf-8")).hexdigest()[:16]
    return cached(f"sparql-needs-{digest}", [], lambda: sparql_needs(queries))


def needed(triples: list[tuple[Node, Node, Node]], needs: Needs) -> list[tuple[Node, Node, Node]]:
    """The triples that the queries ``needs`` describes can match."""
    if needs is None:
        return triples
    # compared as plain strings (rdflib hashes and compares its terms in Python), and decided
    # once per predicate object: a document's triples share one object per IRI
    wanted = {
        str(p): None if objects is None else frozenset(str(o) for o in objects)
        for p, objects in needs.items()
    }
    rules: dict[int, frozenset[str] | bool] = {}
    out = []
    for triple in triples:
        p = triple[1]
        rule = rules.get(id(p))
        if rule is None:
            objects = wanted.get(str(p), False)
            rule = rules[id(p)] = True if objects is None else objects
        if rule is True:
            out.append(triple)
        elif rule is not False:
            o = triple[2]
            if isinstance(o, URIRef) and str(o) in rule:  # type: ignore[operator]
                out.append(triple)
    return out


def _canonical_forms(literals: list[Node]) -> None:
    """Learn (once per process) the term Oxigraph stores for each of the typed ``literals``."""
    if len(_CANONICAL) + len(literals) > _OX_LIMIT:
        _CANONICAL.clear()
    missing = list(dict.fromkeys(t for t in literals if t not in _CANONICAL))
    if not missing:
        return
    store = ox.Store()
    store.extend(
        ox.Quad(ox.NamedNode(f"{_FN}lit-{i}"), _LITERAL_OF, _to_ox(t))
        for i, t in enumerate(missing)
    )
    for quad in store:
        _CANONICAL[missing[int(quad.subject.value.rsplit("-", 1)[1])]] = quad.object


# --- pySHACL's checks -----------------------------------------------------------------------------


def _datatype_matches(value: Node, rule: URIRef) -> bool:
    """pySHACL's DatatypeConstraintComponent on one value node."""
    if not isinstance(value, Literal):
        return False
    if value.datatype == rule:
        if getattr(value, "ill_typed", None) is True:
            return False
        return _actual_datatype(value, rule)
    if rule == _RDFS_LITERAL:
        return True
    if rule == _RDFS_DATATYPE and value.datatype:
        return True
    if value.datatype is None and value.language is None and rule == _XSD_STRING:
        return _actual_datatype(value, rule)
    if rule == _RDF_LANGSTRING and value.language:
        return _actual_datatype(value, rule)
    return False


_PYTHON_TYPES: dict[URIRef, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    _RDF_LANGSTRING: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


def _actual_datatype(value: Literal, rule: URIRef) -> bool:
    expected = _PYTHON_TYPES.get(rule)
    return True if expected is None else isinstance(value.value, expected)


def _numeric_datatypes() -> frozenset[URIRef]:
    from rdflib import term

    return frozenset(getattr(term, "_NUMERIC_LITERAL_TYPES", ()))


_NUMERIC = _numeric_datatypes()


def _ltoe_fails(value: Node, other: Node) -> bool:
    """pySHACL's LessThanOrEqualsConstraintComponent on one (value, compared value) pair."""
    if (
        type(value) is Literal
        and type(other) is Literal
        and value.datatype in _NUMERIC
        and other.datatype in _NUMERIC
        and not value.ill_typed
        and not other.ill_typed
        and value.value is not None
        and other.value is not None
    ):
        # rdflib compares two well-typed numbers by value, as ``Literal.__le__`` would below
        return bool(value.value > other.value)
    if isinstance(value, BNode) or isinstance(other, BNode):
        return True
    left: Any = value
    right: Any = other
    left_string = right_string = False
    if isinstance(value, URIRef):
        left, left_string = str(value), True
    elif isinstance(value, Literal) and isinstance(value.value, str):
        left, left_string = value.value, True
    if isinstance(other, URIRef):
        right, right_string = str(other), True
    elif isinstance(other, Literal) and isinstance(other.value, str):
        right, right_string = other.value, True
    if left_string != right_string:
        return True
    try:
        return not left <= right
    except TypeError:
        return True


def _pattern_fails(compiled: re.Pattern[str], term: Node) -> bool:
    if isinstance(term, BNode):
        return True
    text = str(term)
    return not (compiled.match(text) or compiled.search(text))


# --- the data -------------------------------------------------------------------------------------

_Path = tuple[Any, ...]
"""A compiled property path: ``("iri", p)``, ``("inv", path)``, ``("seq", [paths])``,
``("alt", [paths])``, ``("star", path)``, ``("plus", path)`` or ``("opt", path)``."""


class _Index:
    """The triples of one validation as dictionaries: subject → predicate → objects.

    Objects are kept in dictionaries used as ordered sets (rdflib's term equality, as pySHACL
    sees the graph).  Reverse lookups (instances of a class, inverse paths) are made when first
    asked for.  It answers the few questions pySHACL's wording asks of a graph
    (:meth:`predicates`, :meth:`objects`, :meth:`items`, :meth:`predicate_objects`)."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        self.spo: dict[Node, dict[Node, dict[Node, None]]] = {}
        self._preds: dict[Node, Node] = {}
        self.add(triples)

    def add(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        spo = self.spo
        preds = self._preds
        get = spo.get
        for s, p, o in triples:
            by_p = get(s)
            if by_p is None:
                spo[s] = {p: {o: None}}
                preds[p] = p
                continue
            objects = by_p.get(p)
            if objects is None:
                by_p[p] = {o: None}
                preds[p] = p
            else:
                objects[o] = None
        self.type = self.predicate(_RDF_TYPE)
        self.subclass_of = self.predicate(_SUBCLASS_OF)
        self._inverse: dict[Node, dict[Node, dict[Node, None]]] = {}
        self._supers: dict[Node, frozenset[Node]] = {}
        self._has_subclasses: bool | None = None
        self._classes: dict[Node, Node] | None = None

    def predicate(self, p: Node) -> Node:
        """The data's own object for predicate ``p``: looked up by identity, not ``__eq__``
        (rdflib's, in Python), which a dictionary calls for an equal key of another object."""
        return self._preds.get(p, p)

    def own(self, term: Node) -> Node:
        """The data's own object for a predicate or class named in the shapes."""
        found = self._preds.get(term)
        if found is None:
            if self._classes is None:
                self._classes = {c: c for c in self.inverse(self.type)}
            found = self._classes.get(term, term)
        return found

    def get(self, s: Node, p: Node) -> dict[Node, None]:
        by_p = self.spo.get(s)
        if by_p is None:
            return _EMPTY
        return by_p.get(p, _EMPTY)

    def inverse(self, p: Node) -> dict[Node, dict[Node, None]]:
        """object → subjects of the triples of predicate ``p``."""
        found = self._inverse.get(p)
        if found is None:
            found = self._inverse[p] = {}
            for s, by_p in self.spo.items():
                for o in by_p.get(p, _EMPTY):
                    subjects = found.get(o)
                    if subjects is None:
                        found[o] = {s: None}
                    else:
                        subjects[s] = None
        return found

    def walk(self, x: Node, path: _Path, forward: bool = True) -> dict[Node, None]:
        """The nodes ``path`` leads to from ``x`` (from which ``x`` is reached, if not forward)."""
        kind = path[0]
        if kind == "iri":
            p = self.predicate(path[1])
            if forward:
                return self.get(x, p)
            return self.inverse(p).get(x, _EMPTY)
        if kind == "inv":
            return self.walk(x, path[1], not forward)
        if kind == "seq":
            current: dict[Node, None] = {x: None}
            for part in path[1] if forward else reversed(path[1]):
                reached: dict[Node, None] = {}
                for node in current:
                    reached.update(self.walk(node, part, forward))
                current = reached
            return current
        if kind == "alt":
            out: dict[Node, None] = {}
            for part in path[1]:
                out.update(self.walk(x, part, forward))
            return out
        if kind == "opt":
            return {x: None, **self.walk(x, path[1], forward)}
        reached = {}  # star or plus: everything one or more steps away
        frontier = [x]
        while frontier:
            node = frontier.pop()
            for n in self.walk(node, path[1], forward):
                if n not in reached:
                    reached[n] = None
                    frontier.append(n)
        if kind == "star":
            return {x: None, **reached}
        return reached

    def supers(self, cls: Node) -> frozenset[Node]:
        """The classes ``cls`` is a subclass of, transitively (``cls`` included)."""
        found = self._supers.get(cls)
        if found is None:
            reached = dict(self.walk(cls, ("plus", ("iri", self.subclass_of))))
            reached[cls] = None
            found = self._supers[cls] = frozenset(reached)
        return found

    def has_class(self, node: Node, cls: Node) -> bool:
        """``node rdf:type/rdfs:subClassOf* cls``."""
        types = self.get(node, self.type)
        if cls in types:
            return True
        if not types or not self.has_subclasses():
            return False
        return any(cls in self.supers(t) for t in types)

    def has_subclasses(self) -> bool:
        if self._has_subclasses is None:
            p = self.subclass_of
            self._has_subclasses = any(p in by_p for by_p in self.spo.values())
        return self._has_subclasses

    def instances(self, cls: Node) -> dict[Node, None]:
        """The nodes of class ``cls`` or of a subclass of it."""
        classes = {cls: None}
        if self.has_subclasses():
            classes.update(self.walk(cls, ("star", ("inv", ("iri", self.subclass_of)))))
        typed = self.inverse(self.type)
        out: dict[Node, None] = {}
        for c in classes:
            out.update(typed.get(c, _EMPTY))
        return out

    def subjects_of(self, p: Node) -> dict[Node, None]:
        p = self.predicate(p)
        return {s: None for s, by_p in self.spo.items() if p in by_p}

    def objects_of(self, p: Node) -> dict[Node, None]:
        p = self.predicate(p)
        out: dict[Node, None] = {}
        for by_p in self.spo.values():
            out.update(by_p.get(p, _EMPTY))
        return out

    # what compiling the shapes, the reference facts, pySHACL's wording and the report ask of a
    # graph, answered as rdflib's Graph does (``None``: any)

    def subjects(self, predicate: Node, object: Node | None = None) -> list[Node]:  # noqa: A002
        if object is None:
            return list(self.subjects_of(predicate))
        return list(self.inverse(self.predicate(predicate)).get(object, _EMPTY))

    def predicates(self, subject: Node) -> list[Node]:
        return list(self.spo.get(subject, _EMPTY))

    def objects(self, subject: Node | None, predicate: Node) -> list[Node]:
        if subject is None:
            return list(self.objects_of(predicate))
        return list(self.get(subject, self.predicate(predicate)))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        return next(iter(self.get(subject, self.predicate(predicate))), None)

    def transitive_subjects(self, predicate: Node, object: Node) -> list[Node]:
        return list(self.walk(object, ("star", ("inv", ("iri", predicate)))))

    def __contains__(self, triple: tuple[Node | None, Node, Node | None]) -> bool:
        s, p, o = triple
        if s is None:
            return bool(self.subjects(p, o))
        objects = self.get(s, self.predicate(p))
        return bool(objects) if o is None else o in objects

    def predicate_objects(self, subject: Node) -> Iterator[tuple[Node, Node]]:
        for p, objects in self.spo.get(subject, {}).items():
            for o in objects:
                yield p, o

    def items(self, node: Node) -> Iterator[Node]:
        """An RDF list's members (as ``Graph.items``)."""
        chain: set[Node | None] = {node}
        current: Node | None = node
        while current:
            item = next(iter(self.get(current, _RDF_FIRST)), None)
            if item is not None:
                yield item
            current = next(iter(self.get(current, _RDF_REST)), None)
            if current in chain:
                raise ValueError("List contains a recursive rdf:rest reference")
            chain.add(current)


_Data: TypeAlias = Graph | _Index


# --- pySHACL's wording ----------------------------------------------------------------------------


def _stringify(graph: _Data, node: Node, nm: NamespaceManager, recursion: int = 0) -> str:
    """pySHACL's ``stringify_node``."""
    if isinstance(node, Literal):
        return _stringify_literal(graph, node, nm)
    if isinstance(node, BNode):
        return _stringify_bnode(graph, node, nm, recursion + 1)
    if isinstance(node, URIRef):
        try:
            return node.n3(namespace_manager=nm)
        except Exception:
            return str(node)
    return str(node)


def _stringify_literal(graph: _Data, node: Literal, nm: NamespaceManager) -> str:
    value = None if node.value is None else str(node.value)
    lexical = str(node)
    if value is not None:
        at = value.find(" object at 0x")
        if at > 0:
            value = value[:at]
    text = f'"{lexical}" = {value}' if value is not None and value != lexical else f'"{lexical}"'
    lang = f", lang={node.language}" if node.language else ""
    datatype = f", datatype={_stringify(graph, node.datatype, nm)}" if node.datatype else ""
    return f"Literal({text}{lang}{datatype})"


def _stringify_bnode(graph: _Data, node: BNode, nm: NamespaceManager, recursion: int) -> str:
    if recursion >= 12:
        return "<http://recursion.too.deep>"
    predicates = list(graph.predicates(node))
    if not predicates:
        return "[ ]"
    if RDF.first in predicates:
        items = [_stringify(graph, item, nm, recursion + 1) for item in graph.items(node)]
        return "( {} )".format(" ".join(items))
    texts: dict[str, str] = {}
    for predicate in predicates:
        objects = list(graph.objects(node, predicate))
        if not objects:
            continue
        shown = sorted(_stringify(graph, o, nm, recursion + 1) for o in objects)
        texts[predicate.n3(namespace_manager=nm)] = ", ".join(shown)
    if len(texts) > 1:
        return "[ {} ]".format(" ; ".join(f"{p} {o}" for p, o in sorted(texts.items())))
    ((p, o),) = texts.items()
    return f"[ {p} {o} ]"


def _format_sparql_message(message: str, bindings: dict[str, Node]) -> str:
    for var, val in bindings.items():
        message = re.sub(f"{{[?$]{var}}}", str(val), message)
    return message


# --- compiled shapes --------------------------------------------------------------------------


@dataclass
class _Sparql:
    node: IdentifiedNode
    select: str
    """The SELECT text, ``$this`` renamed to ``{focus}`` (a format field) and ``$PATH`` replaced."""
    messages: tuple[Literal, ...]
    query: str = ""
    """The query run: the SELECT with ``$this`` free, every row kept, prefixes declared."""


@dataclass
class _Constraint:
    kind: str
    component: URIRef
    param: Any = None
    """Kind-specific: the count, class, datatype, list members, pattern, shape(s)…"""
    extra: Any = None
    check: Any = None
    """What the check uses: the members of ``sh:in`` as a set, the compiled ``sh:pattern``."""


@dataclass
class _Shape:
    node: IdentifiedNode
    is_property: bool
    path: Node | None
    sparql_path: str | None
    severity: Node
    messages: tuple[Literal, ...]
    deactivated: bool
    py_path: _Path | None = None
    predicate: Node | None = None
    """The path when it is one IRI (most are): its values are one dictionary lookup."""
    allowed: bool = False
    """Severity Warning or Info: "conforms" wherever a violation is asked for."""
    constraints: list[_Constraint] = field(default_factory=list)
    properties: list[IdentifiedNode] = field(default_factory=list)
    targets: list[tuple[str, Any]] = field(default_factory=list)
    """``("class", C)``, ``("node", n)``, ``("subjects", p)``, ``("objects", p)`` or
    ``("sparql", query)``."""


@dataclass(frozen=True)
class ShaclResult:
    """One validation result, as pySHACL reports it."""

    severity: Node
    focus: Node
    path: Node | None
    value: Node | None
    component: URIRef
    shape: IdentifiedNode
    messages: tuple[Literal, ...]
    source_constraint: IdentifiedNode | None = None
    details: tuple[ShaclResult, ...] = ()

    @property
    def message(self) -> str:
        return sorted(str(m) for m in self.messages)[0] if self.messages else ""

    def walk(self) -> Iterator[ShaclResult]:
        """This result and its details, depth first."""
        yield self
        for detail in self.details:
            yield from detail.walk()


@dataclass
class ValidationReport:
    conforms: bool
    results: tuple[ShaclResult, ...]
    """Top-level results (``sh:result`` of the report); nested ones are in ``details``."""
    shapes: Graph
    data: _Data
    """The data graph, or the index of the triples validated (to copy blank nodes from)."""

    def all_results(self) -> Iterator[ShaclResult]:
        for result in self.results:
            yield from result.walk()

    def graph(self) -> Graph:
        """The SHACL report graph, as pySHACL builds it."""
        report = Graph(bind_namespaces="core")
        for prefix, namespace in self.shapes.namespace_manager.namespaces():
            report.namespace_manager.bind(prefix, namespace)
        node = BNode()
        report.add((node, RDF.type, SH.ValidationReport))
        report.add((node, SH.conforms, Literal(self.conforms)))
        cloned: dict[tuple[int, str], Node] = {}
        for result in self.results:
            report.add((node, SH.result, self._add_result(report, result, cloned)))
        return report

    def _add_result(
        self, report: Graph, result: ShaclResult, cloned: dict[tuple[int, str], Node]
    ) -> BNode:
        node = BNode()

        def clone(source: _Data, term: Node) -> Node:
            if isinstance(term, Literal):
                return term
            key = (id(source), str(term))
            if key not in cloned:
                if isinstance(term, BNode):
                    cloned[key] = _clone_bnode(source, term, report, keep_id=True)
                else:
                    cloned[key] = URIRef(str(term))
            return cloned[key]

        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.sourceConstraintComponent, clone(self.shapes, result.component)))
        report.add((node, SH.sourceShape, clone(self.shapes, result.shape)))
        report.add((node, SH.resultSeverity, result.severity))
        report.add((node, SH.focusNode, clone(self.data, result.focus)))
        if result.value is not None:
            report.add((node, SH.value, clone(self.data, result.value)))
        if result.path is not None:
            report.add((node, SH.resultPath, clone(self.shapes, result.path)))
        if result.source_constraint is not None:
            report.add((node, SH.sourceConstraint, clone(self.shapes, result.source_constraint)))
        for message in result.messages:
            report.add((node, SH.resultMessage, message))
        for detail in result.details:
            report.add((node, SH.detail, self._add_result(report, detail, cloned)))
        return node


def _clone_bnode(
    source: _Data, node: BNode, target: Graph, keep_id: bool = False, depth: int = 0
) -> BNode:
    copy = BNode(str(node)) if keep_id else BNode()
    if depth >= 10:
        return copy
    for p, o in source.predicate_objects(node):
        if isinstance(o, BNode):
            o = _clone_bnode(source, o, target, depth=depth + 1)
        target.add((copy, p, o))
    return copy


class ShaclValidator:
    """Shapes compiled once; :meth:`validate` checks data against them."""

    def __init__(self, shapes: Graph, *, max_depth: int = 8) -> None:
        self.shapes_graph = shapes
        self._g = _Index(shapes)
        """The shapes graph as dictionaries: read several times faster than through rdflib."""
        self.max_depth = max_depth
        self._prefixes: dict[str, str] = {}
        self._shapes: dict[IdentifiedNode, _Shape] = {}
        self._terms: dict[Node, Node] = {}
        self._check_globally(self._g)
        for node in self._discover(self._g):
            self._shape(node)
        self._top = [s for s in self._shapes.values() if s.targets and not s.deactivated]
        for shape in self._top:
            self._check_depth(shape.node, 0, ())
        header = "".join(f"PREFIX {p}: {_nt_iri(ns)}\n" for p, ns in sorted(self._prefixes.items()))
        for shape in self._shapes.values():
            for c in shape.constraints:
                if c.kind == "sparql":
                    select = c.param.select.format(focus="?" + _THIS_VAR)
                    c.param.query = f"{header}SELECT DISTINCT * WHERE {{ {{ {select} }} }}"
            shape.targets = [
                (kind, header + arg if kind == "sparql" else arg) for kind, arg in shape.targets
            ]

    @cached_property
    def sparql_needs(self) -> Needs:
        """The triples the SPARQL of the shapes can match (only those are loaded for it): found
        when a query first runs, kept in the start-up cache (reading the queries with rdflib's
        parser takes longer than a cold build of a document)."""
        shapes = self._shapes.values()
        queries = [c.param.query for sh in shapes for c in sh.constraints if c.kind == "sparql"]
        queries += [arg for sh in shapes for kind, arg in sh.targets if kind == "sparql"]
        return _cached_needs(tuple(sorted(queries)))

    # --- reading the shapes ---------------------------------------------------------------

    def _term(self, term: Node) -> Node:
        """One object per IRI the checks look up (found by identity, not rdflib's ``__eq__``)."""
        return self._terms.setdefault(term, term)

    @staticmethod
    def _check_globally(g: _Index) -> None:
        for predicate, name in _REFUSED_GLOBALLY.items():
            if (None, predicate, None) in g:
                raise UnsupportedShapes(f"unsupported SHACL feature: {name}")
        for type_, name in _REFUSED_TYPES.items():
            if (None, RDF.type, type_) in g:
                raise UnsupportedShapes(f"unsupported SHACL feature: {name}")

    @staticmethod
    def _discover(g: _Index) -> list[IdentifiedNode]:
        found: set[Node] = set(g.subjects(RDF.type, SH.NodeShape))
        found |= set(g.subjects(RDF.type, SH.PropertyShape))
        for p in (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf):
            found |= set(g.subjects(p, None))
        found |= set(g.subjects(SH.property, None)) | set(g.subjects(SH.node, None))
        for p in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
            found |= set(g.objects(None, p))
        for p in (SH["and"], SH["or"], SH.xone):
            for lst in g.objects(None, p):
                found |= set(g.items(lst))
        for node in found:
            if isinstance(node, Literal):
                raise UnsupportedShapes(f"a literal used as a shape: {node}")
        return sorted((n for n in found if isinstance(n, IdentifiedNode)), key=str)

    def _check_depth(self, node: IdentifiedNode, depth: int, within: tuple[Node, ...]) -> None:
        """Refuse shapes nested deeper than ``max_depth`` (or in a cycle, which is deeper)."""
        if depth > self.max_depth or node in within:
            raise UnsupportedShapes("shapes nested too deep (recursive shapes?)")
        shape = self._shapes[node]
        if shape.deactivated:
            return
        within = (*within, node)
        for c in shape.constraints:
            if c.kind in ("node", "not", "qmin", "qmax"):
                self._check_depth(c.param, depth + 1, within)
            elif c.kind == "or":
                for member in c.param:
                    self._check_depth(member, depth + 1, within)
        for prop in shape.properties:
            self._check_depth(prop, depth + 1, within)

    def _shape(self, node: Node) -> _Shape:
        if not isinstance(node, IdentifiedNode):
            raise UnsupportedShapes(f"not a shape: {node!r}")
        found = self._shapes.get(node)
        if found is not None:
            return found
        g = self._g
        for p in set(g.predicates(node)):
            if str(p).startswith(str(SH)) and p not in _ALLOWED_SHAPE_PARAMETERS:
                raise UnsupportedShapes(f"unsupported SHACL parameter {p} on shape {node}")
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1:
            raise UnsupportedShapes(f"shape {node} has several sh:path")
        path = paths[0] if paths else None
        py_path = self._path(path) if path is not None else None
        deactivated = [d for d in g.objects(node, SH.deactivated)]
        severities = list(g.objects(node, SH.severity))
        severity = severities[0] if severities else SH.Violation
        shape = _Shape(
            node=node,
            is_property=path is not None,
            path=path,
            sparql_path=_sparql_path(py_path) if py_path is not None else None,
            severity=severity,
            messages=tuple(m for m in g.objects(node, SH.message) if isinstance(m, Literal)),
            deactivated=bool(
                deactivated and isinstance(deactivated[0], Literal) and bool(deactivated[0].value)
            ),
            py_path=py_path,
            predicate=py_path[1] if py_path is not None and py_path[0] == "iri" else None,
            allowed=severity in _SEVERITY_ALLOWED,
        )
        self._shapes[node] = shape
        self._targets(shape)
        self._constraints(shape)
        return shape

    def _path(self, path: Node, depth: int = 0) -> _Path:
        g = self._g
        if depth > 10:
            raise UnsupportedShapes("a property path nested too deep")
        if isinstance(path, URIRef):
            return ("iri", self._term(path))
        if isinstance(path, BNode):
            if (path, RDF.first, None) in g:
                items = [self._path(item, depth + 1) for item in g.items(path)]
                if len(items) < 2:
                    raise UnsupportedShapes("a sequence path of fewer than two members")
                return ("seq", items)
            for predicate, kind in (
                (SH.inversePath, "inv"),
                (SH.zeroOrMorePath, "star"),
                (SH.oneOrMorePath, "plus"),
                (SH.zeroOrOnePath, "opt"),
            ):
                inner = g.value(path, predicate)
                if inner is not None:
                    return (kind, self._path(inner, depth + 1))
            alternatives = g.value(path, SH.alternativePath)
            if alternatives is not None:
                items = [self._path(item, depth + 1) for item in g.items(alternatives)]
                if not items:
                    raise UnsupportedShapes("an empty sh:alternativePath")
                return ("alt", items)
        raise UnsupportedShapes(f"unsupported property path: {path!r}")

    def _targets(self, shape: _Shape) -> None:
        g = self._g
        classes = list(g.objects(shape.node, SH.targetClass))
        subclasses_of_class = set(g.transitive_subjects(RDFS.subClassOf, RDFS.Class))
        if any(t in subclasses_of_class for t in g.objects(shape.node, RDF.type)):
            classes.append(shape.node)
        t = self._term
        shape.targets.extend(("class", t(cls)) for cls in classes)
        shape.targets.extend(("node", n) for n in g.objects(shape.node, SH.targetNode))
        for p in g.objects(shape.node, SH.targetSubjectsOf):
            shape.targets.append(("subjects", t(p)))
        for p in g.objects(shape.node, SH.targetObjectsOf):
            shape.targets.append(("objects", t(p)))
        for target in g.objects(shape.node, SH.target):
            selects = list(g.objects(target, SH.select))
            if len(selects) != 1:
                raise UnsupportedShapes(f"a sh:target that is not a SPARQL-based target: {target}")
            select = self._sparql_text(target, str(selects[0]), None)
            this = "?" + _THIS_VAR
            query = f"SELECT DISTINCT {this} WHERE {{ {{ {select.format(focus=this)} }} }}"
            shape.targets.append(("sparql", query))

    def _sparql_text(self, node: Node, text: str, shape: _Shape | None) -> str:
        """The query text with its prefixes moved to the header, ``$this`` as ``{focus}``."""
        g = self._g
        found = _SPARQL_REFUSED.search(text)
        if found:
            raise UnsupportedShapes(f"SPARQL in shapes with {found.group(0)}")
        if len(re.findall(r"\bSELECT\b", text, re.I)) != 1:
            raise UnsupportedShapes("SPARQL in shapes with a sub-select")
        prefixes: dict[str, str] = {}
        onts = set(g.subjects(RDF.type, OWL.Ontology))
        for holder in g.objects(node, SH.prefixes):
            declares = set(g.objects(holder, SH.declare))
            for ont in onts:
                declares |= set(g.objects(ont, SH.declare))
            for declare in declares:
                declared = g.value(declare, SH.prefix), g.value(declare, SH.namespace)
                if declared[0] is None or declared[1] is None:
                    raise UnsupportedShapes("a sh:declare without sh:prefix or sh:namespace")
                prefixes[str(declared[0])] = str(declared[1])
        while True:
            match = _PREFIX_DECL.match(text)
            if not match:
                break
            if match.group(1) is None:
                raise UnsupportedShapes("BASE in SPARQL of shapes")
            prefixes[match.group(1)] = match.group(2)
            text = text[match.end() :]
        for prefix, namespace in prefixes.items():
            if self._prefixes.setdefault(str(prefix), str(namespace)) != namespace:
                raise UnsupportedShapes(f"prefix {prefix}: declared with two namespaces")
        if shape is not None and shape.sparql_path is not None:
            text = _PATH_VAR.sub(lambda _: shape.sparql_path or "", text)
        elif _PATH_VAR.search(text):
            raise UnsupportedShapes("$PATH in SPARQL of a shape without sh:path")
        projection = _PROJECTION.match(text)
        if projection is None:
            raise UnsupportedShapes("SPARQL in shapes that is not a SELECT")
        if projection.group(1).strip() != "*" and not _THIS.search(projection.group(1)):
            raise UnsupportedShapes("a SPARQL constraint or target that does not select $this")
        text = text.replace("{", "{{").replace("}", "}}")
        return _THIS.sub("{focus}", text)

    def _constraints(self, shape: _Shape) -> None:
        g = self._g
        node = shape.node
        out = shape.constraints

        def one_int(p: URIRef) -> int | None:
            values = list(g.objects(node, p))
            if not values:
                return None
            if len(values) > 1 or not isinstance(values[0], Literal):
                raise UnsupportedShapes(f"{p} on {node} must be one integer")
            number = values[0].value
            if not isinstance(number, int) or isinstance(number, bool) or number < 0:
                raise UnsupportedShapes(f"{p} on {node} must be a non-negative integer")
            return number

        for p, kind in ((SH.minCount, "min"), (SH.maxCount, "max")):
            n = one_int(p)
            if n is not None:
                if not shape.is_property:
                    raise UnsupportedShapes(f"{p} on a node shape")
                comp = (
                    SH.MinCountConstraintComponent
                    if kind == "min"
                    else SH.MaxCountConstraintComponent
                )
                out.append(_Constraint(kind, comp, n))
        for cls in g.objects(node, SH["class"]):
            out.append(_Constraint("class", SH.ClassConstraintComponent, self._term(cls)))
        datatypes = list(g.objects(node, SH.datatype))
        if len(datatypes) > 1:
            raise UnsupportedShapes(f"several sh:datatype on {node}")
        for dt in datatypes:
            out.append(_Constraint("datatype", SH.DatatypeConstraintComponent, self._term(dt)))
        ins = list(g.objects(node, SH["in"]))
        if len(ins) > 1:
            raise UnsupportedShapes(f"several sh:in on {node}")
        for lst in ins:
            members = list(g.items(lst))
            out.append(
                _Constraint("in", SH.InConstraintComponent, members, check=frozenset(members))
            )
        flags = [str(f) for f in g.objects(node, SH.flags)]
        for pattern in g.objects(node, SH.pattern):
            if not isinstance(pattern, Literal):
                raise UnsupportedShapes("sh:pattern must be a literal")
            flag = flags[0] if flags else ""
            re_flags = (re.I if "i" in flag.lower() else 0) | (re.M if "m" in flag.lower() else 0)
            try:
                compiled = re.compile(str(pattern), re_flags)
            except re.error as error:
                raise UnsupportedShapes(f"a sh:pattern Python cannot read: {error}") from error
            out.append(
                _Constraint("pattern", SH.PatternConstraintComponent, pattern, flag, compiled)
            )
        for other in g.objects(node, SH.lessThanOrEquals):
            if not isinstance(other, URIRef):
                raise UnsupportedShapes("sh:lessThanOrEquals must be an IRI")
            out.append(
                _Constraint("ltoe", SH.LessThanOrEqualsConstraintComponent, self._term(other))
            )
        for target in g.objects(node, SH.node):
            self._shape(target)
            out.append(_Constraint("node", SH.NodeConstraintComponent, target))
        for lst in g.objects(node, SH["or"]):
            members = list(dict.fromkeys(g.items(lst)))
            if not members:
                raise UnsupportedShapes("an empty sh:or list")
            for m in members:
                self._shape(m)
            out.append(_Constraint("or", SH.OrConstraintComponent, members, lst))
        for target in g.objects(node, SH["not"]):
            self._shape(target)
            out.append(_Constraint("not", SH.NotConstraintComponent, target))
        qualified = list(g.objects(node, SH.qualifiedValueShape))
        if qualified:
            if not shape.is_property:
                raise UnsupportedShapes("sh:qualifiedValueShape on a node shape")
            for d in g.objects(node, SH.qualifiedValueShapesDisjoint):
                if isinstance(d, Literal) and d.value is True:
                    raise UnsupportedShapes("sh:qualifiedValueShapesDisjoint true")
            low, high = one_int(SH.qualifiedMinCount), one_int(SH.qualifiedMaxCount)
            if low is None and high is None:
                raise UnsupportedShapes("sh:qualifiedValueShape without a count")
            for q in qualified:
                self._shape(q)
                if high is not None:
                    out.append(
                        _Constraint("qmax", SH.QualifiedMaxCountConstraintComponent, q, (low, high))
                    )
                if low is not None:
                    out.append(
                        _Constraint("qmin", SH.QualifiedMinCountConstraintComponent, q, (low, high))
                    )
        for sparql in g.objects(node, SH.sparql):
            off = g.value(sparql, SH.deactivated)
            if isinstance(off, Literal) and off.value is True:
                continue
            for used in set(g.predicates(sparql)):
                if used in (SH.ask, SH.construct, SH.update):
                    raise UnsupportedShapes(f"SPARQL constraint with {used}")
            selects = list(g.objects(sparql, SH.select))
            if len(selects) != 1 or not isinstance(sparql, IdentifiedNode):
                raise UnsupportedShapes("a SPARQL constraint needs exactly one sh:select")
            messages = tuple(m for m in g.objects(sparql, SH.message) if isinstance(m, Literal))
            text = self._sparql_text(sparql, str(selects[0]), shape)
            out.append(
                _Constraint("sparql", SH.SPARQLConstraintComponent, _Sparql(sparql, text, messages))
            )
        for prop in g.objects(node, SH.property):
            child = self._shape(prop)
            if not child.is_property:
                raise UnsupportedShapes(f"sh:property {prop} has no sh:path")
            shape.properties.append(child.node)

    # --- validation -----------------------------------------------------------------------

    def validate(
        self,
        data: Graph | Iterable[tuple[Node, Node, Node]],
        extra: Iterable[tuple[Node, Node, Node]] | Callable[[Any], Iterable[Any]] = (),
        *,
        namespace_manager: NamespaceManager | Callable[[], NamespaceManager] | None = None,
    ) -> ValidationReport:
        """Validate ``data`` (plus the ``extra`` triples, seen by the shapes but not reported).

        ``data`` is a graph or its triples (a list of ``(s, p, o)``, as
        :func:`kg.rdf.graph.build_triples` makes).  ``extra`` may be a function of the data, given
        an index of it that answers ``subjects(p, o)`` and ``objects(s, p)`` as a graph does.
        Messages name nodes with ``namespace_manager`` (or a function making one, called only
        when a message needs it); by default the graph's, or a fresh graph's for triples."""
        graph = data if isinstance(data, Graph) else None
        run = _Run(self, list(data), graph, namespace_manager)
        run.add(extra(run.index) if callable(extra) else extra)
        top: list[ShaclResult] = []
        for shape in self._top:
            top.extend(run.results(shape, run.focus_nodes(shape)))
        conforms = not any(r.severity not in _SEVERITY_ALLOWED for r in top)
        return ValidationReport(conforms, tuple(top), self.shapes_graph, run.data)

    # --- messages -------------------------------------------------------------------------

    def _result(
        self,
        run: _Run,
        shape: _Shape,
        c: _Constraint,
        focus: Node,
        value: Node | None,
        details: tuple[ShaclResult, ...] = (),
    ) -> ShaclResult:
        return ShaclResult(
            severity=shape.severity,
            focus=focus,
            path=shape.path,
            value=value,
            component=c.component,
            shape=shape.node,
            messages=shape.messages or tuple(self._generic(run, shape, c, focus, value)),
            details=details,
        )

    def _sparql_results(
        self,
        shape: _Shape,
        c: _Constraint,
        focus: Node,
        bound: dict[str, Node],
    ) -> ShaclResult:
        sparql: _Sparql = c.param
        default_value: Node | None = None if shape.is_property else focus
        failure = bound.pop("failure", None)
        if failure is not None:
            this, path, value = focus, None, default_value
            format_vars: dict[str, Node] = {**bound, "this": focus}
        else:
            path = bound.pop("path", None)
            value = bound.pop("value", None)
            bound.pop("this", None)
            this = focus  # $this is selected (checked when compiling) and bound to the focus
            format_vars = dict(bound)
            format_vars["this"] = this
            if path is not None:
                format_vars["path"] = path
            if value is None:
                value = default_value
            if value is not None:
                format_vars["value"] = value
        messages: list[Literal] = []
        for m in sparql.messages:
            if m in shape.messages:
                continue
            messages.append(Literal(_format_sparql_message(str(m.value), format_vars)))
        for m in shape.messages:
            messages.append(Literal(_format_sparql_message(str(m.value), format_vars)))
        if not sparql.messages and not shape.messages:
            messages = []
        return ShaclResult(
            severity=shape.severity,
            focus=this,
            path=path if path is not None else shape.path,
            value=value,
            component=c.component,
            shape=shape.node,
            messages=tuple(messages),
            source_constraint=sparql.node,
        )

    def _generic(
        self, run: _Run, shape: _Shape, c: _Constraint, focus: Node, value: Node | None
    ) -> list[Literal]:
        """pySHACL's message for a result of a shape without sh:message."""
        sg = self.shapes_graph
        snm = sg.namespace_manager
        snm.bind("sh", SH, override=False, replace=False)
        nm = run.namespace_manager()
        nm.bind("sh", SH, override=False, replace=False)
        data = run.data

        def s(node: Node) -> str:
            return _stringify(sg, node, snm)

        def d(node: Node | None) -> str:
            return _stringify(data, node, nm) if node is not None else "None"

        path = s(shape.path) if shape.path is not None else None
        if c.kind in ("min", "max"):
            word = "Less" if c.kind == "min" else "More"
            where = f"{d(focus)}->{path}" if path else d(focus)
            return [Literal(f"{word} than {c.param} values on {where}")]
        if c.kind == "class":
            return [Literal(f"Value does not have class {s(c.param)}")]
        if c.kind == "datatype":
            return [Literal(f"Value is not Literal with datatype {s(c.param)}")]
        if c.kind == "in":
            members: set[Node] = set()  # pySHACL lists a set: the same order in this process
            for member in c.param:
                members.add(member)
            return [Literal(f"Value {d(value)} not in list {[s(m) for m in members]}")]
        if c.kind == "pattern":
            return [Literal(f"Value does not match pattern '{c.param.value}'")]
        if c.kind == "ltoe":
            return [Literal(f"Value of {d(focus)}->{s(c.param)} < {d(value)}")]
        if c.kind == "node":
            return [
                Literal(
                    f"Value does not conform to Shape {s(c.param)}."
                    " See details for more information."
                )
            ]
        if c.kind == "not":
            return [Literal(f"Node {d(value)} must not conform to shape {s(c.param)}")]
        if c.kind == "or":
            listed = " , ".join(s(m) for m in sg.items(c.extra))
            return [Literal(f"Node {d(value)} must conform to one or more shapes in {listed}")]
        if c.kind in ("qmin", "qmax"):
            low, high = c.extra
            counts = (f" MinCount {low}" if low is not None else "") + (
                f" MaxCount {high}" if high is not None else ""
            )
            return [Literal(f"Focus node does not conform to shape{counts}: {s(c.param)}")]
        return []  # pragma: no cover


def _sparql_path(path: _Path) -> str:
    """A compiled path in SPARQL syntax (for ``$PATH`` in SPARQL constraints)."""
    kind = path[0]
    if kind == "iri":
        return _nt_iri(str(path[1]))
    if kind == "seq":
        return "(" + "/".join(_sparql_path(p) for p in path[1]) + ")"
    if kind == "alt":
        return "(" + "|".join(_sparql_path(p) for p in path[1]) + ")"
    inner = _sparql_path(path[1])
    if kind == "inv":
        return f"^({inner})"
    return f"({inner})" + {"star": "*", "plus": "+", "opt": "?"}[kind]


class _Run:
    """One validation: the data indexed, the SPARQL store loaded when a query first needs it."""

    def __init__(
        self,
        validator: ShaclValidator,
        triples: list[tuple[Node, Node, Node]],
        graph: Graph | None,
        namespace_manager: NamespaceManager | Callable[[], NamespaceManager] | None,
    ) -> None:
        self.validator = validator
        self.shapes = validator._shapes
        self.triples = triples
        self.index = _Index(triples)
        self.data: _Data = graph if graph is not None else self.index
        self._nm = namespace_manager
        self._own: dict[Node, Node] = {}
        self._fails: dict[tuple[Node, Node, bool], bool] = {}
        self._details: dict[tuple[Node, Node], tuple[ShaclResult, ...]] = {}
        self._rows: dict[str, dict[Node, list[dict[str, Node]]]] = {}
        self._store: Any = None
        self._originals: dict[Any, list[Node]] | None = None

    def add(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """More triples (before any check has run)."""
        more = list(triples)
        self.triples.extend(more)
        self.index.add(more)
        self._own.clear()

    def namespace_manager(self) -> NamespaceManager:
        nm = self._nm
        if nm is None:
            nm = self.data.namespace_manager if isinstance(self.data, Graph) else None
            nm = nm if nm is not None else Graph().namespace_manager
        elif not isinstance(nm, NamespaceManager):
            nm = nm()
        self._nm = nm
        return nm

    def own(self, term: Node) -> Node:
        """The data's object for a predicate or class of the shapes (see :meth:`_Index.own`)."""
        found = self._own.get(term)
        if found is None:
            found = self._own[term] = self.index.own(term)
        return found

    # --- focus nodes and values -------------------------------------------------------------

    def focus_nodes(self, shape: _Shape) -> list[Node]:
        out: dict[Node, None] = {}
        index = self.index
        for kind, arg in shape.targets:
            if kind == "class":
                out.update(index.instances(self.own(arg)))
            elif kind == "node":
                out[arg] = None
            elif kind == "subjects":
                out.update(index.subjects_of(arg))
            elif kind == "objects":
                out.update(index.objects_of(arg))
            else:
                out.update(dict.fromkeys(self.sparql(arg)))
        return list(out)

    def values(self, x: Node, shape: _Shape) -> dict[Node, None]:
        if shape.predicate is not None:
            by_p = self.index.spo.get(x)
            if by_p is None:
                return _EMPTY
            return by_p.get(self.own(shape.predicate), _EMPTY)
        assert shape.py_path is not None
        return self.index.walk(x, shape.py_path)

    # --- does a node conform? ---------------------------------------------------------------

    def fails(self, node: Node, x: Node, strict: bool) -> bool:
        """Whether ``x`` gives results for the shape (``strict``: a violation, in pySHACL's
        sense with warnings allowed, so that shapes of severity Warning or Info conform)."""
        shape = self.shapes[node]  # type: ignore[index]
        if shape.deactivated or (strict and shape.allowed):
            return False
        key = (node, x, strict)
        found = self._fails.get(key)
        if found is None:
            found = self._fails[key] = self._shape_fails(shape, x, strict)
        return found

    def _shape_fails(self, shape: _Shape, x: Node, strict: bool) -> bool:
        vals = self.values(x, shape) if shape.is_property else _EMPTY
        for c in shape.constraints:
            kind = c.kind
            if kind in _COUNTS:
                if self.count_fails(c, vals):
                    return True
            elif kind == "sparql":
                if x in self.sparql_rows(c.param):
                    return True
            else:
                check = self.check(c)
                if shape.is_property:
                    for v in vals:
                        if check(v, x):
                            return True
                elif check(x, x):
                    return True
        for prop in shape.properties:
            if shape.is_property:
                for v in vals:
                    if self.fails(prop, v, strict):
                        return True
            elif self.fails(prop, x, strict):
                return True
        return False

    def count_fails(self, c: _Constraint, vals: dict[Node, None]) -> bool:
        kind = c.kind
        if kind == "min":
            return len(vals) < c.param
        if kind == "max":
            return len(vals) > c.param
        low, high = c.extra
        n = sum(1 for v in vals if not self.fails(c.param, v, True))
        return n < low if kind == "qmin" else n > high

    def check(self, c: _Constraint) -> Callable[[Node, Node], bool]:
        """Whether a value (of a focus node) breaks the value constraint ``c``."""
        kind = c.kind
        if kind == "class":
            cls = self.own(c.param)
            spo, has_class = self.index.spo, self.index.has_class
            typ = self.index.type

            def fails_class(v: Node, x: Node) -> bool:
                by_p = spo.get(v)
                if by_p is not None and cls in by_p.get(typ, _EMPTY):
                    return isinstance(v, Literal)
                return isinstance(v, Literal) or not has_class(v, cls)

            return fails_class
        if kind == "datatype":
            rule = c.param
            return lambda v, x: not _datatype_matches(v, rule)
        if kind == "in":
            members = c.check
            return lambda v, x: v not in members
        if kind == "pattern":
            compiled = c.check
            return lambda v, x: _pattern_fails(compiled, v)
        if kind == "ltoe":
            other, get = self.own(c.param), self.index.get
            return lambda v, x: any(_ltoe_fails(v, w) for w in get(x, other))
        fails = self.fails
        if kind == "node":
            shape = c.param
            return lambda v, x: fails(shape, v, False)
        if kind == "or":
            members = c.param
            return lambda v, x: all(fails(m, v, True) for m in members)
        if kind == "not":
            shape = c.param
            return lambda v, x: not fails(shape, v, True)
        raise AssertionError(kind)  # pragma: no cover

    # --- results ----------------------------------------------------------------------------

    def results(self, shape: _Shape, foci: list[Node]) -> list[ShaclResult]:
        """The results of ``shape`` on each of ``foci`` (repeated foci, repeated results), its
        property shapes' included: one constraint at a time over all focus nodes."""
        out: list[ShaclResult] = []
        if shape.deactivated or not foci:
            return out
        make = self.validator._result
        pairs: list[tuple[Node, Iterable[Node]]]
        if shape.is_property:
            values = self.values
            pairs = [(f, values(f, shape)) for f in foci]
        else:
            pairs = [(f, (f,)) for f in foci]
        for c in shape.constraints:
            kind = c.kind
            if kind == "min" or kind == "max":
                n = c.param
                for f, vals in pairs:
                    if (len(vals) < n) if kind == "min" else (len(vals) > n):  # type: ignore[arg-type]
                        out.append(make(self, shape, c, f, None))
            elif kind in _COUNTS:
                for f, vals in pairs:
                    if self.count_fails(c, vals):  # type: ignore[arg-type]
                        out.append(make(self, shape, c, f, None))
            elif kind == "sparql":
                rows = self.sparql_rows(c.param)
                for f, _ in pairs:
                    for bound in rows.get(f, ()):
                        out.append(self.validator._sparql_results(shape, c, f, dict(bound)))
            elif kind == "ltoe":
                other, get = self.own(c.param), self.index.get
                for f, vals in pairs:
                    for value in vals:
                        for w in get(f, other):
                            if _ltoe_fails(value, w):
                                out.append(make(self, shape, c, f, value))
            else:
                check = self.check(c)
                for f, vals in pairs:
                    for value in vals:
                        if check(value, f):
                            details = self.details(c.param, value) if kind == "node" else ()
                            out.append(make(self, shape, c, f, value, details))
        if shape.properties:
            if shape.is_property:
                foci = [v for _, vals in pairs for v in vals]
            for prop in shape.properties:
                out.extend(self.results(self.shapes[prop], foci))
        return out

    def details(self, node: Node, value: Node) -> tuple[ShaclResult, ...]:
        """The results of the shape of an ``sh:node`` on a value that does not conform."""
        key = (node, value)
        found = self._details.get(key)
        if found is None:
            found = self._details[key] = tuple(self.results(self.shapes[node], [value]))  # type: ignore[index]
        return found

    # --- SPARQL -----------------------------------------------------------------------------

    def store(self) -> Any:
        if self._store is None:
            store = ox.Store()
            _load(store, needed(self.triples, self.validator.sparql_needs))
            self._store = store
        return self._store

    def sparql(self, query: str) -> list[Node]:
        """The focus nodes a SPARQL-based target selects."""
        found: list[Node] = []
        for row in self.store().query(query):
            this = row[_THIS_VAR]
            if this is not None:
                found.extend(self.originals(this))
        return found

    def sparql_rows(self, sparql: _Sparql) -> dict[Node, list[dict[str, Node]]]:
        """A SPARQL constraint's rows (its other variables' values) by focus node."""
        found = self._rows.get(sparql.query)
        if found is not None:
            return found
        found = self._rows[sparql.query] = {}
        rows = self.store().query(sparql.query)
        variables = [v.value for v in rows.variables if v.value != _THIS_VAR]
        for row in rows:
            this = row[_THIS_VAR]
            if this is None:
                continue
            bound = {
                name: self.originals(row[name])[0] for name in variables if row[name] is not None
            }
            for focus in self.originals(this):
                found.setdefault(focus, []).append(bound)
        return found

    def originals(self, term: Any) -> list[Node]:
        """The data's terms a term read back from the store stands for (the first: itself)."""
        if isinstance(term, ox.NamedNode):
            return [URIRef(term.value)]
        if self._originals is None:
            self._originals = self._read_back()
        return self._originals.get(term) or [from_oxigraph(term)]

    def _read_back(self) -> dict[Any, list[Node]]:
        originals: dict[Any, list[Node]] = {}
        typed: list[Node] = []
        seen: set[Node] = set()
        for s, _, o in self.triples:
            for t in (s, o):
                if isinstance(t, URIRef) or t in seen:
                    continue
                seen.add(t)
                originals.setdefault(_to_ox(t), []).append(t)
                if isinstance(t, Literal) and t.datatype is not None and t.datatype != _XSD_STRING:
                    typed.append(t)
        _canonical_forms(typed)
        for t in typed:
            canonical = _CANONICAL[t]
            found = originals.setdefault(canonical, [])
            if t not in found:
                found.append(t)
        return originals
