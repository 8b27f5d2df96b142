"""Validate a graph against the shapes (pySHACL): data first, text derived from it.

:func:`validate` takes an rdflib graph or a document's triples as :func:`kg.rdf.graph.build_triples`
makes them (no graph is built for those): the shapes run compiled (:mod:`kg.validate.shacl`), with
pySHACL's results, and the SHACL report graph is made only when :attr:`Validation.report` is read.

Validation reads only the data graph and the shapes shipped with the package (every
``shapes/*.ttl``): no ``owl:imports`` are followed, no remote context is fetched, and SPARQL in
shapes runs with the loading of remote graphs switched off.

Some checks need facts that are not in the data: whether a division code is in the gazetteer and
names that division, and the unit table.  Before validating, :func:`reference_triples` makes just
those facts, for the codes and units present, in the namespace
``https://w3id.org/fupin-kg/reference#`` (each gazetteer entry and the unit table made once per
process; :func:`reference_facts` gives them as a graph).  The validation sees them beside the data,
nothing of them reaches the report or the outputs, and ``shapes/checks.ttl`` checks against them
with SPARQL-based constraints.  Without the gazetteer module those checks are skipped.

The readable report (:func:`describe`, :func:`render_text`) is built from the SHACL report graph;
the data graph only lends the offending nodes' labels, classes and source sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SH, SKOS, NamespaceManager
from rdflib.term import IdentifiedNode, Node

from kg.errors import KgError
from kg.resources import shapes_dir

if TYPE_CHECKING:
    from kg.rdf.graph import Triple
    from kg.validate.shacl import ShaclResult


REF = Namespace("https://w3id.org/fupin-kg/reference#")
"""Reference facts added for validation only: gazetteer entries and the unit table."""

SEVERITIES = ("Violation", "Warning", "Info")

_FP = Namespace("https://w3id.org/fupin-kg/ontology#")
_OA = Namespace("http://www.w3.org/ns/oa#")
_SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
_SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
_CODE = re.compile(r"[0-9]{6}")


@cache
def shapes_graph() -> Graph:
    """Every ``shapes/*.ttl`` of the package, merged.

    Oxigraph's Turtle parser reads them (a few times faster than rdflib's, a cold start's
    cost): the same triples and prefixes as ``Graph.parse`` gives, which reads a file Oxigraph
    refuses (and reports its error)."""
    graph = Graph()
    for path in sorted(shapes_dir().glob("*.ttl")):
        try:
            _read_turtle(graph, path)
        except (SyntaxError, ValueError):
            graph.parse(path, format="turtle")
    return graph


def _read_turtle(graph: Graph, path: Path) -> None:
    """Add the triples of a Turtle file to ``graph`` and bind its prefixes, as rdflib does."""
    import pyoxigraph as ox

    from kg.rdf.rdfio import from_oxigraph

    blank: dict[str, BNode] = {}  # a file's own blank nodes, apart from other files'

    def term(t: Any) -> Node:
        if isinstance(t, ox.BlankNode):
            return blank.setdefault(t.value, BNode())
        return from_oxigraph(t)

    parser = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    triples = [(term(q.subject), term(q.predicate), term(q.object)) for q in parser]
    for triple in triples:
        graph.add(triple)  # type: ignore[arg-type]
    for prefix, namespace in parser.prefixes.items():
        graph.bind(prefix, namespace)


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    severity: str
    """``Violation``, ``Warning`` or ``Info``."""
    focus: IdentifiedNode
    path: URIRef | None
    message: str
    value: Node | None = None
    component: URIRef | None = None
    """The SHACL constraint component (``sh:MinCountConstraintComponent``, …)."""
    shape: IdentifiedNode | None = field(default=None, compare=False)


class Validation:
    """The outcome of validating one graph: whether it conforms, its results, its report."""

    def __init__(
        self, conforms: bool, report: Graph | Callable[[], Graph], results: tuple[Result, ...]
    ) -> None:
        self.conforms = conforms
        """No result of severity Violation (warnings and infos do not fail a document)."""
        self.results = results
        self._report = report

    @property
    def report(self) -> Graph:
        """The SHACL report graph, made when first read (most documents' is never read)."""
        if not isinstance(self._report, Graph):
            self._report = self._report()
        return self._report

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)

    def __getstate__(self) -> dict[str, Any]:
        return {"conforms": self.conforms, "results": self.results, "_report": self.report}

    def __repr__(self) -> str:
        return f"Validation(conforms={self.conforms!r}, results={self.results!r})"


# Plain words for results that carry no sh:resultMessage.
_COMPONENT_WORDS = {
    "MinCount": "missing {path}",
    "MaxCount": "too many values of {path}",
    "Class": "{path}: the value is not of the expected class",
    "Datatype": "{path}: the value has the wrong datatype",
    "NodeKind": "{path}: the value is the wrong kind of node",
    "Pattern": "{path}: the value does not match the expected pattern",
    "In": "{path}: the value is not one of those allowed",
    "HasValue": "{path}: a required value is missing",
    "LessThanOrEquals": "{path}: the value is greater than it may be",
    "LessThan": "{path}: the value is not less than it must be",
    "MinLength": "{path}: the value is too short",
    "MaxLength": "{path}: the value is too long",
    "MinInclusive": "{path}: the value is too small",
    "MaxInclusive": "{path}: the value is too large",
    "Node": "{path}: the value does not have the expected shape",
    "QualifiedValueShape": "{path}: wrong number of values of the expected shape",
    "Or": "none of the alternatives holds",
    "And": "not every condition holds",
    "Not": "a condition that must not hold holds",
    "Xone": "not exactly one of the alternatives holds",
    "Closed": "a property that is not allowed",
    "UniqueLang": "{path}: two values in the same language",
    "LanguageIn": "{path}: a value in a language not allowed",
    "Equals": "{path}: values differ where they must be equal",
    "Disjoint": "{path}: values overlap where they must not",
    "SPARQL": "a SPARQL constraint is not met",
}


def plain_words(component: URIRef | None, path: str) -> str:
    """A constraint component in plain words (for results without a message)."""
    name = str(component or "").rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    words = _COMPONENT_WORDS.get(name, name or "a constraint is not met")
    return words.format(path=path or "the node")


# --- reference facts --------------------------------------------------------------------------


def _gazetteer_by_code() -> Any:
    try:
        from kg.extract.gazetteer import by_code
    except ImportError:  # the gazetteer is optional: its checks are skipped without it
        return None
    return by_code


def reference_facts(data: Graph) -> Graph:
    """Gazetteer entries of the division codes in ``data`` and the unit table, as a graph."""
    facts = Graph()
    for triple in reference_triples(data):
        facts.add(triple)
    return facts


def reference_triples(
    data: _Lookup | Iterable[tuple[Node, Node, Node]],
) -> list[tuple[Node, Node, Node]]:
    """Gazetteer entries of the division codes in ``data`` and the unit table, as triples."""
    out: list[tuple[Node, Node, Node]] = []
    by_code = _gazetteer_by_code()
    if by_code is not None:
        for code in sorted(_codes(data)):
            out.extend(_entry(code, by_code(code)))
    out.extend(_unit_facts())
    return out


_NOTATION = SKOS.notation
_DIVISION = _FP.AdministrativeDivision
_CODE_PREDICATES = frozenset((RDF.type, _NOTATION))


@runtime_checkable
class _Lookup(Protocol):
    """What the reference facts ask of the data: a graph, or :mod:`kg.validate.shacl`'s index of
    it."""

    def subjects(self, predicate: Node, object: Node) -> Iterable[Node]: ...  # noqa: A002

    def objects(self, subject: Node, predicate: Node) -> Iterable[Node]: ...


def _codes(data: _Lookup | Iterable[tuple[Node, Node, Node]]) -> set[str]:
    """The division codes (six digits) of the divisions in ``data`` (a graph, its index, or
    triples)."""
    if isinstance(data, _Lookup):
        notations = [
            (division, code)
            for division in data.subjects(RDF.type, _DIVISION)
            for code in data.objects(division, _NOTATION)
        ]
        divisions = None
    else:
        notations, found = [], set()
        for s, p, o in data:
            if p in _CODE_PREDICATES:  # a hash lookup: most predicates are neither
                if p == _NOTATION:
                    notations.append((s, o))
                elif o == _DIVISION:
                    found.add(s)
        divisions = found
    return {
        str(code)
        for division, code in notations
        if (divisions is None or division in divisions)
        and isinstance(code, Literal)
        and _CODE.fullmatch(str(code))
    }


_ENTRIES: dict[tuple[str, int], tuple[Any, tuple[tuple[Node, Node, Node], ...]]] = {}


def _entry(code: str, division: Any) -> tuple[tuple[Node, Node, Node], ...]:
    """The reference facts of one code, made once per process (and gazetteer entry)."""
    key = (code, id(division))
    found = _ENTRIES.get(key)
    if found is None:
        if len(_ENTRIES) > 20_000:
            _ENTRIES.clear()
        found = _ENTRIES[key] = (division, tuple(_entry_facts(code, division)))  # (id kept)
    return found[1]


def _entry_facts(code: str, division: Any) -> list[tuple[Node, Node, Node]]:
    entry = REF[f"area-{code}"]
    facts: list[tuple[Node, Node, Node]] = [(entry, REF.code, Literal(code))]
    if division is None:
        facts.append((entry, RDF.type, REF.UnknownCode))
        return facts
    facts.append((entry, RDF.type, REF.Entry))
    names = {division.name, *division.short}
    try:
        from kg.rdf.labels import to_traditional

        names |= {to_traditional(name) for name in list(names)}
    except ImportError:  # pragma: no cover - labels are part of the package
        pass
    for name in sorted(names):
        facts.append((entry, REF.name, Literal(name)))
    facts.append((entry, REF.officialName, Literal(division.name)))
    facts.append((entry, REF.level, _FP[division.level.value]))
    if division.parent is not None and division.parent.code:
        facts.append((entry, REF.parentCode, Literal(division.parent.code)))
    return facts


@cache
def _unit_facts() -> tuple[tuple[Node, Node, Node], ...]:
    """The unit table as facts (the same for every document)."""
    try:
        from kg.rdf.graph import unit_terms
    except ImportError:  # pragma: no cover - kg.rdf.graph is part of the package
        return ()
    out: list[tuple[Node, Node, Node]] = []
    for notation, (iri, _, _) in sorted(unit_terms().items()):
        out.append((iri, REF.unitNotation, Literal(notation)))
        out.append((REF[f"unit-{notation}"], REF.notation, Literal(notation)))
        out.append((REF[f"unit-{notation}"], REF.unit, iri))
    return tuple(out)


# --- validation -------------------------------------------------------------------------------

_QUERY_CACHE: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], Any] = {}
_QUERY_CACHE_SIZE = 512


@contextmanager
def _prepared_queries() -> Iterator[None]:
    """Parse each SPARQL query of the shapes once, not once per focus node.

    pySHACL hands rdflib the same query text for every focus node (``$this`` is an initial
    binding), and rdflib parses it each time: most of a validation's time.  While validating,
    rdflib's processor keeps the translated query of each text; a translated query is meant to be
    evaluated many times (``prepareQuery``), so results do not change.
    """
    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query

    def query(
        self: Any,
        strOrQuery: Any,  # noqa: N803 - rdflib's names
        initBindings: Any = None,  # noqa: N803
        initNs: Any = None,  # noqa: N803
        base: str | None = None,
        DEBUG: bool = False,  # noqa: N803
    ) -> Any:
        if isinstance(strOrQuery, str):
            namespaces = tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items()))
            key = (strOrQuery, base, namespaces)
            prepared = _QUERY_CACHE.get(key)
            if prepared is None:
                if len(_QUERY_CACHE) >= _QUERY_CACHE_SIZE:
                    _QUERY_CACHE.clear()
                prepared = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
                _QUERY_CACHE[key] = prepared
            strOrQuery = prepared
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query  # type: ignore[method-assign]
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original  # type: ignore[method-assign]


_REMOTE_SPARQL = re.compile(r"\b(SERVICE|LOAD|FROM)\b", re.IGNORECASE)


def _check_shapes(shapes: Graph) -> None:
    """Refuse shapes whose SPARQL would reach out (SERVICE, LOAD, FROM)."""
    for predicate in (SH.select, SH.ask, SH.construct, SH.update):
        for query in shapes.objects(None, predicate):
            found = _REMOTE_SPARQL.search(str(query))
            if found:
                raise KgError(f"shapes refused: SPARQL with {found.group(1).upper()}")


@cache
def _engine() -> Any:
    """The package's shapes compiled for :mod:`kg.validate.shacl`, or ``None`` where it cannot run
    them."""
    from kg.validate.shacl import ShaclValidator, UnsupportedShapes

    try:
        return ShaclValidator(shapes_graph())
    except UnsupportedShapes:
        return None


ENGINES = ("auto", "pyshacl")


def validate(
    data: Graph | Sequence[Triple], shapes: Graph | None = None, engine: str = "auto"
) -> Validation:
    """Validate ``data`` (a graph, or a document's triples) against the package's shapes (plus
    ``shapes``, where given).

    ``auto`` runs the shapes compiled (:mod:`kg.validate.shacl`: the core constraints in Python on
    the data's own terms, SPARQL constraints on an in-memory Oxigraph store; tested to give
    pySHACL's results, a hundred times faster), falling back to pySHACL for shapes it does not
    support; ``pyshacl`` always runs pySHACL.
    """
    if engine not in ENGINES:
        raise KgError(f"unknown validation engine {engine!r}", f"use one of {', '.join(ENGINES)}")
    if shapes is not None:
        _check_shapes(shapes)
    if engine == "auto":
        compiled = _compiled(data, shapes)
        if compiled is not None:
            return compiled
    shacl = shapes_graph() if shapes is None else shapes_graph() + shapes
    if isinstance(data, Graph):
        graph = data
    else:
        from kg.rdf.graph import to_graph

        graph = to_graph(data)
    report = _pyshacl_report(graph, shacl)
    results = _results(report)
    return Validation(
        conforms=not any(r.severity == "Violation" for r in results),
        report=report,
        results=results,
    )


def with_cube(validation: Validation, data: Graph | Sequence[Triple]) -> Validation:
    """``validation`` plus a Violation for each W3C Data Cube integrity constraint (IC-1 …
    IC-21, :mod:`kg.validate.cube`) that ``data`` violates, in its results and its report.

    A constraint is an ASK query: it says that the graph breaks it, not where, so its result's
    focus is the graph's data set (else its structure)."""
    from kg.validate.cube import violated

    broken = violated(data)
    if not broken:
        return validation
    focus = _cube_focus(data)
    added = tuple(
        Result(
            severity="Violation",
            focus=focus,
            path=None,
            message=f"{c.name} ({c.title}): {c.text}",
            component=c.iri,
        )
        for c in broken
    )
    earlier = validation

    def report() -> Graph:
        graph = Graph()
        for triple in earlier.report:
            graph.add(triple)
        for node in list(graph.subjects(RDF.type, SH.ValidationReport)):
            graph.set((node, SH.conforms, Literal(False)))
            for result in added:
                item = BNode()
                graph.add((node, SH.result, item))
                graph.add((item, RDF.type, SH.ValidationResult))
                graph.add((item, SH.resultSeverity, SH.Violation))
                graph.add((item, SH.focusNode, result.focus))
                graph.add((item, SH.resultMessage, Literal(result.message)))
                graph.add((item, SH.sourceConstraintComponent, result.component))  # type: ignore[arg-type]
        return graph

    return Validation(conforms=False, report=report, results=_sorted([*validation.results, *added]))


def _cube_focus(data: Graph | Sequence[Triple]) -> IdentifiedNode:
    """The first data set of the graph, else its first structure, else a blank node."""
    qb = "http://purl.org/linked-data/cube#"
    for kind in ("DataSet", "DataStructureDefinition"):
        cls = URIRef(qb + kind)
        typed = (s for s, p, o in data if p == RDF.type and o == cls)
        found = sorted(s for s in typed if isinstance(s, URIRef))
        if found:
            return found[0]
    return BNode("cube")


def _fresh_namespaces() -> NamespaceManager:
    """A fresh graph's prefixes, so that messages read as pySHACL writes them."""
    return Graph().namespace_manager


def _compiled(data: Graph | Sequence[Triple], shapes: Graph | None) -> Validation | None:
    from kg.validate.shacl import ShaclValidator, UnsupportedShapes

    try:
        compiled = _engine() if shapes is None else ShaclValidator(shapes_graph() + shapes)
    except UnsupportedShapes:
        return None
    if compiled is None:
        return None
    # the reference facts are found from the engine's index of the data
    outcome = compiled.validate(data, reference_triples, namespace_manager=_fresh_namespaces)
    results = _sorted([_result_of(r) for r in outcome.all_results()])
    return Validation(
        conforms=not any(r.severity == "Violation" for r in results),
        report=outcome.graph,
        results=results,
    )


def _result_of(result: ShaclResult) -> Result:
    """A result as :func:`_results` reads it back from the report graph."""
    focus, path, component, shape = result.focus, result.path, result.component, result.shape
    return Result(
        severity=str(result.severity).rsplit("#", 1)[-1],
        focus=focus if isinstance(focus, IdentifiedNode) else BNode(str(focus)),
        path=path if isinstance(path, URIRef) else None,
        message=result.message,
        value=result.value,
        component=component if isinstance(component, URIRef) else None,
        shape=shape if isinstance(shape, IdentifiedNode) else None,
    )


def _pyshacl_report(data: Graph, shacl: Graph) -> Graph:
    import pyshacl
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # never fetch a FROM graph
    mixed = Graph()
    for triple in data:
        mixed.add(triple)
    for triple in reference_facts(data):
        mixed.add(triple)
    with _prepared_queries():
        _, report, _ = pyshacl.validate(
            mixed,
            shacl_graph=shacl,
            inference="none",
            advanced=True,
            inplace=True,
            allow_warnings=True,
            allow_infos=True,
            do_owl_imports=False,
        )
    if not isinstance(report, Graph):  # pySHACL reports a broken shapes graph this way
        raise KgError(f"shapes cannot be used: {report}")
    return report


def _results(report: Graph) -> tuple[Result, ...]:
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(node, SH.resultSeverity)
        focus = report.value(node, SH.focusNode)
        path = report.value(node, SH.resultPath)
        component = report.value(node, SH.sourceConstraintComponent)
        shape = report.value(node, SH.sourceShape)
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        results.append(
            Result(
                severity=str(severity).rsplit("#", 1)[-1],
                focus=focus if isinstance(focus, IdentifiedNode) else BNode(str(focus)),
                path=path if isinstance(path, URIRef) else None,
                message=messages[0] if messages else "",
                value=report.value(node, SH.value),
                component=component if isinstance(component, URIRef) else None,
                shape=shape if isinstance(shape, IdentifiedNode) else None,
            )
        )
    return _sorted(results)


def _sorted(results: list[Result]) -> tuple[Result, ...]:
    results.sort(
        key=lambda r: (
            SEVERITIES.index(r.severity) if r.severity in SEVERITIES else 9,
            str(r.focus),
            str(r.path),
            r.message,
            str(r.value),
            str(r.component),
            str(r.shape),
        )
    )
    return tuple(results)


# --- the readable report ----------------------------------------------------------------------


def _namespaces() -> Graph:
    from kg.rdf.namespace import PREFIXES

    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


@cache
def _prefixes() -> tuple[tuple[str, str], ...]:
    from kg.rdf.namespace import PREFIXES

    known = {**PREFIXES, "sh": str(SH)}
    return tuple(sorted(known.items(), key=lambda item: -len(item[1])))


def compact(term: Node | None) -> str:
    """``fp:Outcome`` for a known namespace, ``<iri>`` otherwise, ``_:b`` for a blank node."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in _prefixes():
            local = str(term)[len(namespace) :]
            if str(term).startswith(namespace) and re.fullmatch(r"[\w\-.]*", local):
                return f"{prefix}:{local}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = str(term)
        return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'
    return str(term)


def document_language(data: Graph) -> str:
    """The language tag of text as written in the data's documents (``zh-Hans`` by default)."""
    tags: Counter[str] = Counter()
    for document in data.subjects(RDF.type, _FP.Document):
        for title in data.objects(document, DCTERMS.title):
            if isinstance(title, Literal) and title.language:
                tags[title.language] += 10
    for name in data.objects(None, FOAF.name):
        if isinstance(name, Literal) and name.language:
            tags[name.language] += 1
    if not tags:
        return "zh-Hans"
    return sorted(tags.items(), key=lambda item: (-item[1], item[0]))[0][0]


_LABELS = (RDFS.label, FOAF.name, SKOS.prefLabel, DCTERMS.title, SKOS.altLabel)


def label(data: Graph, node: Node, lang: str) -> str | None:
    """The node's name, preferring ``lang``, then simplified, traditional, untagged, English."""
    candidates: list[Literal] = []
    for predicate in _LABELS:
        candidates.extend(o for o in data.objects(node, predicate) if isinstance(o, Literal))
        if candidates:
            break
    if not candidates:
        return None
    order = [lang.lower(), "zh-hans", "zh-hant", "zh", "", "en"]

    def rank(literal: Literal) -> tuple[int, str]:
        tag = (literal.language or "").lower()
        return (order.index(tag) if tag in order else len(order), str(literal))

    return str(min(candidates, key=rank))


def describe_node(data: Graph, node: Node, lang: str) -> str | None:
    """A label for ``node``, or a description made from its neighbours when it has none."""
    own = label(data, node, lang)
    if own is not None:
        return own
    if (node, RDF.type, ORG.Post) in data:
        role_node, org = data.value(node, ORG.role), data.value(node, ORG.postIn)
        role = label(data, role_node, lang) if role_node is not None else None
        where = label(data, org, lang) if org is not None else None
        return " ".join(part for part in (where, role) if part) or None
    indicator = data.value(node, _FP.indicator)
    value = data.value(node, _SDMX_MEASURE.obsValue)
    unit = data.value(node, _SDMX_ATTRIBUTE.unitMeasure)
    notation = data.value(unit, SKOS.notation) if unit is not None else None
    parts = [
        label(data, indicator, lang) if indicator is not None else None,
        str(value) if value is not None else None,
        str(notation) if notation is not None else None,
    ]
    if any(parts):
        return " ".join(part for part in parts if part)
    exact = _quote_of_mention(data, node)
    return f"“{exact}”" if exact else None


def _quote_of_mention(data: Graph, mention: Node) -> str | None:
    for selector in data.objects(mention, _OA.hasSelector):
        exact = data.value(selector, _OA.exact)
        if exact is not None:
            return str(exact)
    exact = data.value(mention, _OA.exact)
    return str(exact) if exact is not None else None


def _start_of(data: Graph, mention: Node) -> int:
    for selector in data.objects(mention, _OA.hasSelector):
        start = data.value(selector, _OA.start)
        if isinstance(start, Literal):
            try:
                return int(str(start))
            except ValueError:
                continue
    return -1


def sources(data: Graph, node: Node) -> list[str]:
    """The source quotes of ``node`` (prov:wasDerivedFrom → oa:exact), in text order."""
    mentions = sorted(
        data.objects(node, PROV.wasDerivedFrom), key=lambda m: (_start_of(data, m), str(m))
    )
    quotes = []
    for mention in mentions:
        quote = _quote_of_mention(data, mention)
        if quote is not None and quote not in quotes:
            quotes.append(quote)
    return quotes


def _types(data: Graph, node: Node) -> list[str]:
    types = sorted(compact(t) for t in data.objects(node, RDF.type))
    own = [t for t in types if t.startswith("fp:")]
    return own or types


def describe(validation: Validation, data: Graph) -> list[dict[str, Any]]:
    """The results as plain data: severity, node, label, classes, constraint, message, sources."""
    lang = document_language(data)
    out = []
    for result in validation.results:
        path = compact(result.path) if result.path is not None else ""
        out.append(
            {
                "severity": result.severity,
                "focus": str(result.focus),
                "label": describe_node(data, result.focus, lang),
                "classes": _types(data, result.focus),
                "path": str(result.path) if result.path is not None else None,
                "value": None if result.value in (None, result.focus) else str(result.value),
                "constraint": compact(result.component) if result.component else None,
                "message": result.message or plain_words(result.component, path),
                "sources": sources(data, result.focus),
            }
        )
    return out


def render_text(source: str, validation: Validation, data: Graph) -> str:
    """The readable report of one file: a summary line, then the results by severity."""
    items = describe(validation, data)
    counts = Counter(item["severity"] for item in items)
    verdict = "conforms" if validation.conforms else "does not conform"
    summary = ", ".join(_plural(counts[s], s.lower()) for s in SEVERITIES)
    lines = [f"{source}: {verdict} ({summary}); {len(data)} triples"]
    for severity in SEVERITIES:
        group = [item for item in items if item["severity"] == severity]
        if not group:
            continue
        lines.append(f"{severity} ({len(group)})")
        for item in group:
            name = f"{item['label']} " if item["label"] else ""
            classes = "/".join(item["classes"]) or "node"
            lines.append(f"  {classes} {name}{compact(URIRef(item['focus']))}")
            where = f" [{compact(URIRef(item['path']))}]" if item["path"] else ""
            shown = item["value"] is not None and item["value"] not in item["message"]
            value = f" (value: {_short(item['value'])})" if shown else ""
            lines.append(f"    {item['message']}{where}{value}")
            for quote in item["sources"][:2]:
                lines.append(f"    source: “{_short(quote, 120)}”")
    return "\n".join(lines)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def report_turtle(reports: Iterable[tuple[str, Graph]]) -> bytes:
    """The SHACL report graphs of several files as one Turtle document, deterministic."""
    from rdflib.compare import to_canonical_graph

    merged = Graph()
    for index, (source, report) in enumerate(reports):
        copy = Graph()
        for triple in report:
            copy.add(triple)
        for node in list(copy.subjects(RDF.type, SH.ValidationReport)):
            copy.add((node, DCTERMS.source, Literal(source)))
        canonical = to_canonical_graph(copy)
        rename: dict[BNode, BNode] = {}

        def term(t: Node, index: int = index, rename: dict[BNode, BNode] = rename) -> Node:
            if isinstance(t, BNode):
                return rename.setdefault(t, BNode(f"r{index}x{t}"))
            return t

        for s, p, o in canonical:
            merged.add((term(s), p, term(o)))
    merged.bind("sh", SH)
    merged.bind("dcterms", DCTERMS)
    for prefix, namespace in _namespaces().namespaces():
        merged.bind(prefix, namespace)
    return merged.serialize(format="turtle", encoding="utf-8")
