"""A fast SHACL validator: the shapes compiled once into SPARQL, run on an in-memory Oxigraph store.

:class:`ShaclValidator` reads a shapes graph once and compiles every (shape, constraint) into one
SPARQL ``SELECT`` over all focus nodes at once (the target pattern joined with the constraint's
violation pattern), never one query per focus node.  Shapes nest (``sh:node``, ``sh:or``,
``sh:not``, ``sh:qualifiedValueShape``, ``sh:property``) through boolean SPARQL expressions:
"value ``?v`` fails shape S" is an expression built from the violation patterns of S, so a nested
shape is checked inside the query that needs it.

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

Known difference: RDF 1.1 (and Oxigraph) make ``"x"`` and ``"x"^^xsd:string`` the same term,
rdflib keeps them apart; data holding both for one property counts one value here, two in pySHACL.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD, NamespaceManager
from rdflib.term import IdentifiedNode, Node

__all__ = ["ShaclResult", "ShaclValidator", "UnsupportedShapes", "ValidationReport"]


class UnsupportedShapes(ValueError):
    """The shapes use a SHACL feature this engine does not implement (use pySHACL instead)."""


# --- custom functions called from the compiled SPARQL ----------------------------------------

_FN = "urn:x-kg-shacl:"
_DATATYPE_FAILS = ox.NamedNode(_FN + "datatype-fails")
_PATTERN_FAILS = ox.NamedNode(_FN + "pattern-fails")
_LTOE_FAILS = ox.NamedNode(_FN + "ltoe-fails")
_TRUE = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))
_FALSE = ox.Literal("false", datatype=ox.NamedNode(str(XSD.boolean)))

_SEVERITY_ALLOWED = (SH.Warning, SH.Info)
_RDF_LANGSTRING = RDF.langString

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


def _nt_iri(iri: str) -> str:
    out = []
    for ch in iri:
        if ch in '<>"{}|^`\\' or ord(ch) <= 0x20:
            out.append(f"\\U{ord(ch):08X}")
        else:
            out.append(ch)
    return "<" + "".join(out) + ">"


def _nt_string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return '"' + escaped + '"'


def _sparql_term(term: Node) -> str:
    """A shape constant in SPARQL syntax (N-Triples escaping)."""
    if isinstance(term, URIRef):
        return _nt_iri(str(term))
    if isinstance(term, Literal):
        text = _nt_string(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{_nt_iri(str(term.datatype))}"
        return text
    raise UnsupportedShapes(f"a blank node where a constant is expected: {term!r}")


_LITERALS_GRAPH = ox.NamedNode(_FN + "literals")
_LITERAL_OF = ox.NamedNode(_FN + "literal")


class _Terms:
    """rdflib ↔ pyoxigraph terms; values found by queries map back to the data's own terms.

    Oxigraph stores typed literals canonically (``"01"^^xsd:int`` is read back as
    ``"1"^^xsd:integer``), so the terms read back are mapped to every original term they stand for.
    """

    def __init__(self) -> None:
        self.to_ox: dict[Node, Any] = {}
        self.originals: dict[Any, list[Node]] = {}
        self.typed: list[Node] = []

    def ox(self, term: Node) -> Any:
        kind = type(term)
        if kind is URIRef:
            return ox.NamedNode(term)  # type: ignore[arg-type]
        found = self.to_ox.get(term)
        if found is not None:
            return found
        made: Any
        if isinstance(term, URIRef):
            made = ox.NamedNode(str(term))
        elif isinstance(term, BNode):
            try:
                made = ox.BlankNode(str(term))
            except ValueError:
                made = ox.BlankNode()
        elif isinstance(term, Literal):
            if term.language:
                made = ox.Literal(str(term), language=term.language)
            elif term.datatype is not None and term.datatype != XSD.string:
                made = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
                self.typed.append(term)
            else:
                made = ox.Literal(str(term))
        else:
            raise TypeError(f"not an RDF term: {term!r}")
        self.to_ox[term] = made
        self.originals.setdefault(made, []).append(term)
        return made

    def canonicalise(self, store: Any) -> None:
        """Learn the canonical form Oxigraph gives each typed literal."""
        if not self.typed:
            return
        store.extend(
            ox.Quad(ox.NamedNode(f"{_FN}lit-{i}"), _LITERAL_OF, self.to_ox[t], _LITERALS_GRAPH)
            for i, t in enumerate(self.typed)
        )
        query = f"SELECT ?i ?o WHERE {{ GRAPH <{_LITERALS_GRAPH.value}> {{ ?i ?p ?o }} }}"
        for row in store.query(query):
            term = self.typed[int(row["i"].value.rsplit("-", 1)[1])]
            canonical = row["o"]
            if canonical != self.to_ox[term]:
                found = self.originals.setdefault(canonical, [])
                if term not in found:
                    found.append(term)

    def all(self, term: Any) -> list[Node]:
        """Every original term ``term`` (read back from the store) stands for."""
        found = self.originals.get(term)
        if found:
            return found
        return [self._convert(term)]

    def rdflib(self, term: Any) -> Node:
        return self.all(term)[0]

    @staticmethod
    def _convert(term: Any) -> Node:
        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return Literal(term.value, lang=term.language)
            if term.datatype.value == str(XSD.string):
                return Literal(term.value)
            return Literal(term.value, datatype=URIRef(term.datatype.value))
        raise TypeError(f"not an RDF term: {term!r}")


# --- pySHACL's checks, for the custom functions ---------------------------------------------------


def _datatype_matches(value: Node, rule: URIRef) -> bool:
    """pySHACL's DatatypeConstraintComponent on one value node."""
    if not isinstance(value, Literal):
        return False
    if value.datatype == rule:
        if getattr(value, "ill_typed", None) is True:
            return False
        return _actual_datatype(value, rule)
    if rule == RDFS.Literal:
        return True
    if rule == RDFS.Datatype and value.datatype:
        return True
    if value.datatype is None and value.language is None and rule == XSD.string:
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


def _ltoe_fails(value: Node, other: Node) -> bool:
    """pySHACL's LessThanOrEqualsConstraintComponent on one (value, compared value) pair."""
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


# --- pySHACL's wording ----------------------------------------------------------------------------


def _stringify(graph: Graph, node: Node, nm: NamespaceManager, recursion: int = 0) -> str:
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


def _stringify_literal(graph: Graph, node: Literal, nm: NamespaceManager) -> str:
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


def _stringify_bnode(graph: Graph, node: BNode, nm: NamespaceManager, recursion: int) -> str:
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


@dataclass
class _Constraint:
    kind: str
    component: URIRef
    param: Any = None
    """Kind-specific: the class, datatype, list members, pattern, shape(s), count…"""
    extra: Any = None


@dataclass
class _Shape:
    node: IdentifiedNode
    is_property: bool
    path: Node | None
    sparql_path: str | None
    severity: Node
    messages: tuple[Literal, ...]
    deactivated: bool
    constraints: list[_Constraint] = field(default_factory=list)
    properties: list[IdentifiedNode] = field(default_factory=list)
    targets: list[Callable[[str], str]] = field(default_factory=list)


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
    data: Graph

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

        def clone(source: Graph, term: Node) -> Node:
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
    source: Graph, node: BNode, target: Graph, keep_id: bool = False, depth: int = 0
) -> BNode:
    copy = BNode(str(node)) if keep_id else BNode()
    if depth >= 10:
        return copy
    for p, o in source.predicate_objects(node):
        if isinstance(o, BNode):
            o = _clone_bnode(source, o, target, depth=depth + 1)
        target.add((copy, p, o))
    return copy


class _Names:
    def __init__(self) -> None:
        self._count = itertools.count()

    def __call__(self, stem: str = "v") -> str:
        return f"?shq_{stem}{next(self._count)}"


@dataclass
class _Context:
    """Where a shape's results come from: a SPARQL pattern binding its focus variable."""

    shape: _Shape
    pattern: str
    focus: str
    keys: tuple[str, ...]
    """Variables whose distinct combinations count results (ancestors, then the focus)."""
    root: str | None = None
    """For ``sh:node`` details: the variable holding the value node validated against the shape."""
    queries: list[_Query] = field(default_factory=list)
    children: list[int] = field(default_factory=list)


@dataclass
class _Query:
    context: _Context
    constraint: _Constraint | None
    text: str
    value: str | None = None
    other: str | None = None
    detail: int | None = None
    """For ``sh:node``: index of the detail context of the node shape."""


class ShaclValidator:
    """Shapes compiled once into SPARQL; :meth:`validate` runs them on a data graph."""

    def __init__(self, shapes: Graph, *, max_depth: int = 8) -> None:
        self.shapes_graph = shapes
        self.max_depth = max_depth
        self._names = _Names()
        self._prefixes: dict[str, str] = {}
        self._shapes: dict[IdentifiedNode, _Shape] = {}
        self._check_globally(shapes)
        for node in self._discover(shapes):
            self._shape(node)
        self._contexts: list[_Context] = []
        self._top: list[int] = []
        for shape in self._shapes.values():
            if shape.targets and not shape.deactivated:
                root = self._names("f")
                targets = " UNION ".join("{ " + t(root) + " }" for t in shape.targets)
                pattern = f"{{ SELECT DISTINCT {root} WHERE {{ {targets} }} }}"
                self._top.append(self._add_context(shape, pattern, root, (root,), None, 0))
        header = "".join(f"PREFIX {p}: {_nt_iri(ns)}\n" for p, ns in sorted(self._prefixes.items()))
        for context in self._contexts:
            for query in context.queries:
                query.text = header + query.text
        self._functions = {
            _DATATYPE_FAILS: self._fn_datatype,
            _PATTERN_FAILS: self._fn_pattern,
            _LTOE_FAILS: self._fn_ltoe,
        }
        self._patterns: dict[tuple[str, str], re.Pattern[str]] = {}
        self._terms = _Terms()

    # --- reading the shapes ---------------------------------------------------------------

    @staticmethod
    def _check_globally(g: Graph) -> None:
        for predicate, name in _REFUSED_GLOBALLY.items():
            if (None, predicate, None) in g:
                raise UnsupportedShapes(f"unsupported SHACL feature: {name}")
        for type_, name in _REFUSED_TYPES.items():
            if (None, RDF.type, type_) in g:
                raise UnsupportedShapes(f"unsupported SHACL feature: {name}")

    @staticmethod
    def _discover(g: Graph) -> list[IdentifiedNode]:
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

    def _shape(self, node: Node) -> _Shape:
        if not isinstance(node, IdentifiedNode):
            raise UnsupportedShapes(f"not a shape: {node!r}")
        found = self._shapes.get(node)
        if found is not None:
            return found
        g = self.shapes_graph
        for p in set(g.predicates(node)):
            if str(p).startswith(str(SH)) and p not in _ALLOWED_SHAPE_PARAMETERS:
                raise UnsupportedShapes(f"unsupported SHACL parameter {p} on shape {node}")
        paths = list(g.objects(node, SH.path))
        if len(paths) > 1:
            raise UnsupportedShapes(f"shape {node} has several sh:path")
        path = paths[0] if paths else None
        deactivated = [d for d in g.objects(node, SH.deactivated)]
        severities = list(g.objects(node, SH.severity))
        shape = _Shape(
            node=node,
            is_property=path is not None,
            path=path,
            sparql_path=self._path(path) if path is not None else None,
            severity=severities[0] if severities else SH.Violation,
            messages=tuple(m for m in g.objects(node, SH.message) if isinstance(m, Literal)),
            deactivated=bool(
                deactivated and isinstance(deactivated[0], Literal) and bool(deactivated[0].value)
            ),
        )
        self._shapes[node] = shape
        self._targets(shape)
        self._constraints(shape)
        return shape

    def _path(self, path: Node, depth: int = 0) -> str:
        g = self.shapes_graph
        if depth > 10:
            raise UnsupportedShapes("a property path nested too deep")
        if isinstance(path, URIRef):
            return _nt_iri(str(path))
        if isinstance(path, BNode):
            if (path, RDF.first, None) in g:
                items = [self._path(item, depth + 1) for item in g.items(path)]
                if len(items) < 2:
                    raise UnsupportedShapes("a sequence path of fewer than two members")
                return "(" + "/".join(items) + ")"
            for predicate, op in (
                (SH.inversePath, "^"),
                (SH.zeroOrMorePath, "*"),
                (SH.oneOrMorePath, "+"),
                (SH.zeroOrOnePath, "?"),
            ):
                inner = g.value(path, predicate)
                if inner is not None:
                    text = self._path(inner, depth + 1)
                    return f"^({text})" if op == "^" else f"({text}){op}"
            alternatives = g.value(path, SH.alternativePath)
            if alternatives is not None:
                items = [self._path(item, depth + 1) for item in g.items(alternatives)]
                if not items:
                    raise UnsupportedShapes("an empty sh:alternativePath")
                return "(" + "|".join(items) + ")"
        raise UnsupportedShapes(f"unsupported property path: {path!r}")

    def _targets(self, shape: _Shape) -> None:
        g = self.shapes_graph
        classes = list(g.objects(shape.node, SH.targetClass))
        subclasses_of_class = set(g.transitive_subjects(RDFS.subClassOf, RDFS.Class))
        if any(t in subclasses_of_class for t in g.objects(shape.node, RDF.type)):
            classes.append(shape.node)
        for cls in classes:
            c = _sparql_term(cls)
            shape.targets.append(
                lambda v, c=c: f"{v} <{RDF.type}>/<{RDFS.subClassOf}>* {c} ."  # type: ignore[misc]
            )
        for node in g.objects(shape.node, SH.targetNode):
            n = _sparql_term(node)
            shape.targets.append(lambda v, n=n: f"VALUES {v} {{ {n} }}")  # type: ignore[misc]
        for p in g.objects(shape.node, SH.targetSubjectsOf):
            t = _sparql_term(p)
            shape.targets.append(lambda v, t=t: f"{v} {t} [] .")  # type: ignore[misc]
        for p in g.objects(shape.node, SH.targetObjectsOf):
            t = _sparql_term(p)
            shape.targets.append(lambda v, t=t: f"[] {t} {v} .")  # type: ignore[misc]
        for target in g.objects(shape.node, SH.target):
            selects = list(g.objects(target, SH.select))
            if len(selects) != 1:
                raise UnsupportedShapes(f"a sh:target that is not a SPARQL-based target: {target}")
            select = self._sparql_text(target, str(selects[0]), None)
            shape.targets.append(
                lambda v, s=select: (
                    f"{{ SELECT DISTINCT {v} WHERE {{ {{ {s.format(focus='?this')} }} "  # type: ignore[misc]
                    f"BIND(?this AS {v}) }} }}"
                )
            )

    def _sparql_text(self, node: Node, text: str, shape: _Shape | None) -> str:
        """The query text with its prefixes moved to the header, ``$this`` as ``{focus}``."""
        g = self.shapes_graph
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
        g = self.shapes_graph
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
            out.append(_Constraint("class", SH.ClassConstraintComponent, _sparql_term(cls), cls))
        datatypes = list(g.objects(node, SH.datatype))
        if len(datatypes) > 1:
            raise UnsupportedShapes(f"several sh:datatype on {node}")
        for dt in datatypes:
            out.append(
                _Constraint("datatype", SH.DatatypeConstraintComponent, _sparql_term(dt), dt)
            )
        ins = list(g.objects(node, SH["in"]))
        if len(ins) > 1:
            raise UnsupportedShapes(f"several sh:in on {node}")
        for lst in ins:
            members = list(g.items(lst))
            out.append(_Constraint("in", SH.InConstraintComponent, members))
        flags = [str(f) for f in g.objects(node, SH.flags)]
        for pattern in g.objects(node, SH.pattern):
            if not isinstance(pattern, Literal):
                raise UnsupportedShapes("sh:pattern must be a literal")
            out.append(
                _Constraint(
                    "pattern", SH.PatternConstraintComponent, pattern, flags[0] if flags else ""
                )
            )
        for other in g.objects(node, SH.lessThanOrEquals):
            if not isinstance(other, URIRef):
                raise UnsupportedShapes("sh:lessThanOrEquals must be an IRI")
            out.append(
                _Constraint(
                    "ltoe", SH.LessThanOrEqualsConstraintComponent, _sparql_term(other), other
                )
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

    # --- SPARQL for "fails" ---------------------------------------------------------------

    def _fails(self, node: Node, x: str, mode: str, depth: int = 0) -> str:
        """A SPARQL expression, true iff ``x`` gives results for the shape (mode ``any``) or,
        for ``violation``, does not conform in pySHACL's sense (warnings allowed)."""
        if depth > self.max_depth:
            raise UnsupportedShapes("shapes nested too deep (recursive shapes?)")
        shape = self._shapes[node]  # type: ignore[index]
        if shape.deactivated:
            return "false"
        if mode == "violation" and shape.severity in _SEVERITY_ALLOWED:
            return "false"
        parts = [self._constraint_fails(shape, c, x, depth) for c in shape.constraints]
        for prop in shape.properties:
            child = self._shapes[prop]
            if shape.is_property:
                v = self._names()
                inner = self._fails(prop, v, mode, depth + 1)
                parts.append(f"EXISTS {{ {x} {shape.sparql_path} {v} . FILTER({inner}) }}")
            else:
                parts.append(self._fails(child.node, x, mode, depth + 1))
        return "(" + " || ".join(parts) + ")" if parts else "false"

    def _values(self, shape: _Shape, x: str, v: str) -> str:
        return f"{x} {shape.sparql_path} {v} ." if shape.is_property else ""

    def _constraint_fails(self, shape: _Shape, c: _Constraint, x: str, depth: int) -> str:
        if c.kind in ("min", "max", "qmin", "qmax"):
            return self._count_fails(shape, c, x, depth)
        if c.kind == "sparql":
            return f"EXISTS {{ {{ {c.param.select.format(focus=x)} }} }}"
        if not shape.is_property:
            return self._value_fails(shape, c, x, x, depth)
        v = self._names()
        fails = self._value_fails(shape, c, v, x, depth)
        return f"EXISTS {{ {self._values(shape, x, v)} FILTER({fails}) }}"

    def _count_fails(self, shape: _Shape, c: _Constraint, x: str, depth: int) -> str:
        path = shape.sparql_path
        v = self._names()
        condition = ""
        if c.kind in ("qmin", "qmax"):
            condition = f"FILTER(!{self._fails(c.param, v, 'violation', depth + 1)})"
        low, high = c.extra if c.kind in ("qmin", "qmax") else (c.param, c.param)
        n = low if c.kind in ("min", "qmin") else high + 1
        if n == 0:
            return "false"
        if n == 1:
            exists = f"EXISTS {{ {x} {path} {v} . {condition} }}"
        elif n == 2:
            w = self._names()
            other = condition.replace(v, w) if condition else ""
            if condition:  # the fails expression again, with fresh variables
                other = f"FILTER(!{self._fails(c.param, w, 'violation', depth + 1)})"
            exists = (
                f"EXISTS {{ {x} {path} {v} . {condition} {x} {path} {w} . {other} "
                f"FILTER(!sameTerm({v}, {w})) }}"
            )
        else:
            count = self._names("n")
            exists = (
                f"EXISTS {{ {{ SELECT {x} (COUNT(DISTINCT {v}) AS {count}) "
                f"WHERE {{ {x} {path} {v} . "
                f"{condition} }} GROUP BY {x} }} FILTER({count} >= {n}) }}"
            )
        return f"!{exists}" if c.kind in ("min", "qmin") else exists

    @staticmethod
    def _ltoe(v: str, w: str) -> str:
        """Two numbers in order pass without calling Python (rdflib orders them the same)."""
        fast = f"isNumeric({v}) && isNumeric({w}) && {v} <= {w}"
        return f"(!({fast}) && <{_LTOE_FAILS.value}>({v}, {w}))"

    @staticmethod
    def _value_context(shape: _Shape, v: str, x: str) -> str:
        """Extra arguments naming the triple of a value (to tell canonicalised literals apart)."""
        if shape.is_property and isinstance(shape.path, URIRef) and v != x:
            return f", {x}, {_nt_iri(str(shape.path))}"
        return ""

    def _value_fails(self, shape: _Shape, c: _Constraint, v: str, x: str, depth: int) -> str:
        if c.kind == "class":
            typed = f"{v} <{RDF.type}>/<{RDFS.subClassOf}>* {c.param}"
            return f"(isLiteral({v}) || NOT EXISTS {{ {typed} }})"
        context = self._value_context(shape, v, x)
        if c.kind == "datatype":
            call = f"<{_DATATYPE_FAILS.value}>({v}, {c.param}{context})"
            if c.extra == XSD.string:  # plain and xsd:string literals always pass in pySHACL
                return f"(!(isLiteral({v}) && datatype({v}) = {c.param}) && {call})"
            if c.extra == XSD.decimal:  # a valid xsd:decimal for Oxigraph is one for rdflib
                fast = f"isNumeric({v}) && datatype({v}) = {c.param}"
                return f"(!({fast}) && {call})"
            return call
        if c.kind == "in":
            if not c.param:
                return "true"
            return "!(" + " || ".join(f"sameTerm({v}, {_sparql_term(m)})" for m in c.param) + ")"
        if c.kind == "pattern":
            pattern, flags = _nt_string(str(c.param)), _nt_string(c.extra)
            return f"<{_PATTERN_FAILS.value}>({v}, {pattern}, {flags}{context})"
        if c.kind == "ltoe":
            w = self._names("w")
            return f"EXISTS {{ {x} {c.param} {w} . FILTER({self._ltoe(v, w)}) }}"
        if c.kind == "node":
            return self._fails(c.param, v, "any", depth + 1)
        if c.kind == "or":
            return (
                "(" + " && ".join(self._fails(m, v, "violation", depth + 1) for m in c.param) + ")"
            )
        if c.kind == "not":
            return f"!{self._fails(c.param, v, 'violation', depth + 1)}"
        raise AssertionError(c.kind)  # pragma: no cover

    # --- result queries -------------------------------------------------------------------

    def _add_context(
        self,
        shape: _Shape,
        pattern: str,
        focus: str,
        keys: tuple[str, ...],
        root: str | None,
        depth: int,
    ) -> int:
        if depth > self.max_depth:
            raise UnsupportedShapes("shapes nested too deep (recursive shapes?)")
        index = len(self._contexts)
        context = _Context(shape, pattern, focus, keys, root)
        self._contexts.append(context)
        if shape.deactivated:
            return index
        keys_text = " ".join(dict.fromkeys(keys))
        for c in shape.constraints:
            if c.kind in ("min", "max", "qmin", "qmax"):
                text = (
                    f"SELECT DISTINCT {keys_text} WHERE {{ {pattern} "
                    f"FILTER({self._count_fails(shape, c, focus, 0)}) }}"
                )
                context.queries.append(_Query(context, c, text))
            elif c.kind == "sparql":
                select = c.param.select.format(focus=focus)
                text = f"SELECT DISTINCT * WHERE {{ {pattern} {{ {select} }} }}"
                context.queries.append(_Query(context, c, text))
            else:
                v = self._names() if shape.is_property else focus
                values = self._values(shape, focus, v)
                other = None
                if c.kind == "ltoe":
                    other = self._names("w")
                    condition = (
                        f"{focus} {c.param} {other} . FILTER(<{_LTOE_FAILS.value}>({v}, {other}))"
                    )
                else:
                    condition = f"FILTER({self._value_fails(shape, c, v, focus, 0)})"
                selected = " ".join(dict.fromkeys((*keys, v, *([other] if other else []))))
                text = f"SELECT DISTINCT {selected} WHERE {{ {pattern} {values} {condition} }}"
                query = _Query(context, c, text, value=v, other=other)
                if c.kind == "node":
                    r = self._names("r")
                    detail_pattern = (
                        f"{{ SELECT DISTINCT ({v} AS {r}) "
                        f"WHERE {{ {pattern} {values} {condition} }} }}"
                    )
                    target = self._shapes[c.param]
                    query.detail = self._add_context(target, detail_pattern, r, (r,), r, depth + 1)
                context.queries.append(query)
        for prop in shape.properties:
            child = self._shapes[prop]
            if shape.is_property:
                v = self._names()
                child_pattern = f"{pattern} {focus} {shape.sparql_path} {v} ."
                sub = self._add_context(child, child_pattern, v, (*keys, v), root, depth + 1)
            else:
                sub = self._add_context(child, pattern, focus, keys, root, depth + 1)
            context.children.append(sub)
        return index

    # --- validation -----------------------------------------------------------------------

    def _candidates(self, value: Any, triple: tuple[Any, ...]) -> list[Node]:
        found = self._terms.all(value)
        if len(found) > 1 and len(triple) == 2:
            focus, predicate = self._terms.rdflib(triple[0]), URIRef(triple[1].value)
            found = [o for o in found if (focus, predicate, o) in self._data] or found
        return found

    def _fn_datatype(self, value: Any, datatype: Any, *triple: Any) -> Any:
        rule = URIRef(datatype.value)
        fails = any(not _datatype_matches(t, rule) for t in self._candidates(value, triple))
        return _TRUE if fails else _FALSE

    def _pattern(self, pattern: str, flags: str) -> re.Pattern[str]:
        key = (pattern, flags)
        compiled = self._patterns.get(key)
        if compiled is None:
            re_flags = 0
            if "i" in flags.lower():
                re_flags |= re.I
            if "m" in flags.lower():
                re_flags |= re.M
            compiled = self._patterns[key] = re.compile(pattern, re_flags)
        return compiled

    @staticmethod
    def _pattern_fails(compiled: re.Pattern[str], term: Node) -> bool:
        if isinstance(term, BNode):
            return True
        text = str(term)
        return not (compiled.match(text) or compiled.search(text))

    def _fn_pattern(self, value: Any, pattern: Any, flags: Any, *triple: Any) -> Any:
        compiled = self._pattern(pattern.value, flags.value)
        fails = any(self._pattern_fails(compiled, t) for t in self._candidates(value, triple))
        return _TRUE if fails else _FALSE

    def _fn_ltoe(self, value: Any, other: Any) -> Any:
        return (
            _TRUE if _ltoe_fails(self._terms.rdflib(value), self._terms.rdflib(other)) else _FALSE
        )

    def validate(
        self,
        data: Graph,
        extra: Iterable[tuple[Node, Node, Node]] = (),
        *,
        namespace_manager: NamespaceManager | None = None,
    ) -> ValidationReport:
        """Validate ``data`` (plus the ``extra`` triples, seen by the shapes but not reported)."""
        terms = self._terms = _Terms()
        self._data = data
        convert = terms.ox
        store = ox.Store()
        quads = [
            ox.Quad(convert(s), convert(p), convert(o))
            for s, p, o in itertools.chain(data, extra)  # type: ignore[misc]
        ]
        store.extend(quads)
        terms.canonicalise(store)
        nm = namespace_manager or data.namespace_manager
        cache: dict[int, list[tuple[Node | None, ShaclResult]]] = {}
        top: list[ShaclResult] = []
        for index in self._top:
            top.extend(r for _, r in self._context_results(store, index, data, nm, cache))
        conforms = not any(r.severity not in _SEVERITY_ALLOWED for r in top)
        return ValidationReport(conforms, tuple(top), self.shapes_graph, data)

    def _context_results(
        self,
        store: Any,
        index: int,
        data: Graph,
        nm: NamespaceManager,
        cache: dict[int, list[tuple[Node | None, ShaclResult]]],
    ) -> list[tuple[Node | None, ShaclResult]]:
        """(root value, result) for every result of the context's shape and its sub-contexts."""
        if index in cache:
            return cache[index]
        out: list[tuple[Node | None, ShaclResult]] = []
        context = self._contexts[index]
        for query in context.queries:
            out.extend(self._query_results(store, query, data, nm, cache))
        for child in context.children:
            out.extend(self._context_results(store, child, data, nm, cache))
        cache[index] = out
        return out

    def _query_results(
        self,
        store: Any,
        query: _Query,
        data: Graph,
        nm: NamespaceManager,
        cache: dict[int, list[tuple[Node | None, ShaclResult]]],
    ) -> list[tuple[Node | None, ShaclResult]]:
        context, c = query.context, query.constraint
        assert c is not None
        shape = context.shape
        rows = store.query(query.text, custom_functions=self._functions)
        back = self._terms.rdflib
        focus_var = context.focus[1:]
        root_var = context.root[1:] if context.root else None
        out: list[tuple[Node | None, ShaclResult]] = []
        details: dict[Node | None, list[ShaclResult]] | None = None
        if query.detail is not None:
            details = {}
            for root, result in self._context_results(store, query.detail, data, nm, cache):
                details.setdefault(root, []).append(result)
        if c.kind == "sparql":
            variables = [v.value for v in rows.variables]
            internal = {k[1:] for k in context.keys} | {focus_var}
            for row in rows:
                bound = {
                    name: back(row[name])
                    for name in variables
                    if row[name] is not None and name not in internal
                }
                focus = back(row[focus_var])
                root = back(row[root_var]) if root_var else None
                out.extend(
                    (root, r) for r in self._sparql_results(shape, c, focus, bound, data, nm)
                )
            return out
        for row in rows:
            focus = back(row[focus_var])
            root = back(row[root_var]) if root_var else None
            if c.kind in ("min", "max", "qmin", "qmax") or not query.value:
                out.append((root, self._result(shape, c, focus, None, details, data, nm)))
                continue
            for value in self._row_values(shape, c, row[query.value[1:]], focus):
                out.append((root, self._result(shape, c, focus, value, details, data, nm)))
        return out

    def _row_values(self, shape: _Shape, c: _Constraint, value: Any, focus: Node) -> list[Node]:
        found = self._terms.all(value)
        if len(found) == 1:
            return found
        if shape.is_property and isinstance(shape.path, URIRef):
            found = [o for o in found if (focus, shape.path, o) in self._data] or found
        if c.kind == "datatype":
            found = [t for t in found if not _datatype_matches(t, c.extra)] or found
        elif c.kind == "pattern":
            compiled = self._pattern(str(c.param), c.extra)
            found = [t for t in found if self._pattern_fails(compiled, t)] or found
        return found

    def _result(
        self,
        shape: _Shape,
        c: _Constraint,
        focus: Node,
        value: Node | None,
        details: dict[Node | None, list[ShaclResult]] | None,
        data: Graph,
        nm: NamespaceManager,
    ) -> ShaclResult:
        messages = shape.messages or self._generic(shape, c, focus, value, data, nm)
        nested: tuple[ShaclResult, ...] = ()
        if details is not None:
            nested = tuple(details.get(value, ()))
        return ShaclResult(
            severity=shape.severity,
            focus=focus,
            path=shape.path,
            value=value,
            component=c.component,
            shape=shape.node,
            messages=tuple(messages),
            details=nested,
        )

    def _sparql_results(
        self,
        shape: _Shape,
        c: _Constraint,
        focus: Node,
        bound: dict[str, Node],
        data: Graph,
        nm: NamespaceManager,
    ) -> list[ShaclResult]:
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
        return [
            ShaclResult(
                severity=shape.severity,
                focus=this,
                path=path if path is not None else shape.path,
                value=value,
                component=c.component,
                shape=shape.node,
                messages=tuple(messages),
                source_constraint=sparql.node,
            )
        ]

    def _generic(
        self,
        shape: _Shape,
        c: _Constraint,
        focus: Node,
        value: Node | None,
        data: Graph,
        nm: NamespaceManager,
    ) -> list[Literal]:
        """pySHACL's message for a result of a shape without sh:message."""
        sg = self.shapes_graph
        snm = sg.namespace_manager
        snm.bind("sh", SH, override=False, replace=False)
        nm.bind("sh", SH, override=False, replace=False)

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
            return [Literal(f"Value does not have class {s(c.extra)}")]
        if c.kind == "datatype":
            return [Literal(f"Value is not Literal with datatype {s(c.extra)}")]
        if c.kind == "in":
            members: set[Node] = set()  # pySHACL lists a set: the same order in this process
            for member in c.param:
                members.add(member)
            return [Literal(f"Value {d(value)} not in list {[s(m) for m in members]}")]
        if c.kind == "pattern":
            return [Literal(f"Value does not match pattern '{c.param.value}'")]
        if c.kind == "ltoe":
            return [Literal(f"Value of {d(focus)}->{s(c.extra)} < {d(value)}")]
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
