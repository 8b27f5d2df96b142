"""kg.validate.shacl gives pySHACL's results: the shapes' fixtures, the sample, the articles,
mutated graphs, one tiny shapes graph per feature, and a clear refusal of what it does not
implement."""

from __future__ import annotations

import random
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pyshacl
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.rdf.rdfio import read_rdf
from kg.validate.shacl import ShaclValidator, UnsupportedShapes, needed, sparql_needs
from kg.validate.validation import reference_facts, shapes_graph

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures" / "shapes"
BUILT = TESTS.parent / "build" / "lijiang-2020-06-10.ttl"

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .
"""


@cache
def project_validator() -> ShaclValidator:
    return ShaclValidator(shapes_graph())


def _key(report: Graph, node: Any) -> tuple[Any, ...]:
    def value(p: URIRef) -> Any:
        return report.value(node, p)

    path = value(SH.resultPath)
    return (
        value(SH.focusNode),
        path if not isinstance(path, BNode) else "complex path",
        value(SH.value),
        value(SH.resultSeverity),
        value(SH.sourceConstraintComponent),
        tuple(sorted(str(m) for m in report.objects(node, SH.resultMessage))),
        len(list(report.objects(node, SH.detail))),
    )


def _results(report: Graph) -> Counter[tuple[Any, ...]]:
    return Counter(_key(report, r) for r in report.subjects(RDF.type, SH.ValidationResult))


def _conforms(report: Graph) -> bool:
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    return bool(report.value(node, SH.conforms).toPython())  # type: ignore[union-attr]


class NoReference(Exception):
    """pySHACL itself failed on the data, so there is nothing to compare with."""


def assert_same(data: Graph, shapes: Graph, validator: ShaclValidator, extra: Graph) -> int:
    """pySHACL and kg.validate.shacl give the same results (with multiplicity) on data + extra."""
    mixed = Graph()
    for triple in data:
        mixed.add(triple)
    for triple in extra:
        mixed.add(triple)
    ours = validator.validate(data, extra, namespace_manager=mixed.namespace_manager)
    try:
        _, theirs, _ = pyshacl.validate(
            mixed,
            shacl_graph=shapes,
            inference="none",
            advanced=True,
            allow_warnings=True,
            allow_infos=True,
            do_owl_imports=False,
        )
    except (RecursionError, TypeError, ArithmeticError) as error:
        # rdflib's SPARQL evaluator, under pySHACL, recursing on odd literals or subtracting an
        # ill-typed one (``?end - ?start`` with ``"2020-06-10"^^xsd:integer``, or with
        # ``"abc"^^xsd:decimal``: decimal.InvalidOperation)
        raise NoReference(str(error)) from error
    report = ours.graph()
    assert _results(report) == _results(theirs)
    assert ours.conforms is _conforms(theirs) is _conforms(report)
    return sum(_results(theirs).values())


def assert_same_as_pyshacl(data: Graph) -> int:
    return assert_same(data, shapes_graph(), project_validator(), reference_facts(data))


# --- the project's shapes -----------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.ttl")), ids=lambda p: p.name)
def test_fixtures_give_pyshacls_results(path: Path) -> None:
    count = assert_same_as_pyshacl(read_rdf(path))
    if path.name.endswith(".fail.ttl"):
        assert count > 0


@pytest.fixture(scope="module")
def sample_graph() -> Graph:
    if BUILT.exists():
        return read_rdf(BUILT)
    from kg.pipeline import process
    from kg.resources import SAMPLE_ARTICLE

    return Graph().parse(data=process(SAMPLE_ARTICLE).turtle, format="turtle")


def test_the_sample_gives_pyshacls_results(sample_graph: Graph) -> None:
    assert assert_same_as_pyshacl(sample_graph) > 0  # warnings and infos


@pytest.mark.parametrize("path", sorted((TESTS / "articles").glob("*.txt")), ids=lambda p: p.stem)
def test_articles_give_pyshacls_results(path: Path) -> None:
    from kg.pipeline import process

    data = Graph().parse(data=process(path).turtle, format="turtle")
    assert_same_as_pyshacl(data)


def _articles() -> list[Path]:
    from kg.resources import SAMPLE_ARTICLE

    return [SAMPLE_ARTICLE, *sorted((TESTS / "articles").glob("*.txt"))[:6]]


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.stem)
def test_triples_give_the_report_of_their_graph(path: Path) -> None:
    """``validate(triples)`` (no rdflib graph made) is ``validate(to_graph(triples))``."""
    from kg.pipeline import process
    from kg.rdf.graph import to_graph
    from kg.validate.validation import validate

    triples = process(path).triples
    ours, theirs = validate(triples), validate(to_graph(triples))
    assert ours.results == theirs.results
    assert [r.shape for r in ours.results] == [r.shape for r in theirs.results]
    assert ours.conforms is theirs.conforms
    assert _results(ours.report) == _results(theirs.report)
    assert ours.count("Warning") + ours.count("Info") > 0


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.fail.ttl")), ids=lambda p: p.name)
def test_a_fixtures_triples_give_its_graphs_results(path: Path) -> None:
    data = read_rdf(path)
    ours = project_validator().validate(list(data), reference_facts(data))
    theirs = project_validator().validate(data, reference_facts(data))
    assert _results(ours.graph()) == _results(theirs.graph()) != Counter()


def test_the_sh_node_result_carries_its_details() -> None:
    data = read_rdf(FIXTURES / "unknown-unit.fail.ttl")
    report = project_validator().validate(data, reference_facts(data))
    (node,) = [r for r in report.results if r.component == SH.NodeConstraintComponent]
    assert [d.component for d in node.details] == [SH.InConstraintComponent]
    assert node.details[0].value == Literal("DAN")
    assert not report.conforms


DATATYPES = [XSD.integer, XSD.decimal, XSD.date, XSD.dateTime, XSD.nonNegativeInteger, XSD.int]


@st.composite
def mutations(draw: st.DrawFn) -> list[tuple[str, int, Any]]:
    steps = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["drop", "datatype", "literal", "swap"]),
                st.integers(0, 10**6),
                st.integers(0, 10**6),
            ),
            min_size=1,
            max_size=6,
        )
    )
    return steps


def _mutate(graph: Graph, steps: list[tuple[str, int, Any]]) -> Graph:
    triples = sorted(graph, key=lambda t: tuple(str(x) for x in t))
    out = set(triples)
    for kind, i, j in steps:
        s, p, o = triples[i % len(triples)]
        if (s, p, o) not in out:
            continue
        out.discard((s, p, o))
        if kind == "datatype" and isinstance(o, Literal):
            lexical = ["0", "-1", "1.50", "abc", "2020-06-10", "2020-06-10T08:00:00", str(o)]
            out.add(
                (s, p, Literal(lexical[j % len(lexical)], datatype=DATATYPES[j % len(DATATYPES)]))
            )
        elif kind == "literal":
            out.add((s, p, Literal(str(o)[:8])))
        elif kind == "swap":
            other = triples[j % len(triples)][0]
            out.add((s, p, other))
    mutated = Graph()
    for triple in out:
        mutated.add(triple)
    return mutated


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=mutations())
def test_mutated_sample_gives_pyshacls_results(
    sample_graph: Graph, steps: list[tuple[str, int, Any]]
) -> None:
    try:
        assert_same_as_pyshacl(_mutate(sample_graph, steps))
    except NoReference:
        reject()  # our engine ran on it (above); pySHACL could not


def test_merged_documents_give_pyshacls_results(sample_graph: Graph) -> None:
    rng = random.Random(7)
    merged = Graph()
    for triple in sample_graph:
        merged.add(triple)
    for path in sorted(FIXTURES.glob("*.fail.ttl"))[:6]:
        for triple in read_rdf(path):
            merged.add(triple)
    dropped = rng.sample(sorted(merged, key=str), 30)
    for triple in dropped:
        merged.remove(triple)
    assert assert_same_as_pyshacl(merged) > 0


# --- one feature at a time ------------------------------------------------------------------------

FEATURES: dict[str, tuple[str, str]] = {
    "minCount-maxCount": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 2 ; "
        "sh:maxCount 3 ] ; sh:property [ sh:path ex:q ; sh:maxCount 1 ] .",
        "ex:a a ex:C ; ex:p 1 ; ex:q 1, 2 . ex:b a ex:C ; ex:p 1, 2, 3, 4 . "
        "ex:c a ex:C ; ex:p 1, 2 .",
    ),
    "class-subclass": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
        "sh:property [ sh:path ex:p ; sh:class ex:D ] .",
        "ex:E rdfs:subClassOf ex:D . ex:a a ex:C ; ex:p ex:x, ex:y, 'lit' . ex:x a ex:E . "
        "ex:F rdfs:subClassOf ex:C . ex:b a ex:F ; ex:p ex:z .",
    ),
    "datatype-ill-formed": (
        "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property [ sh:path ex:p ; "
        "sh:datatype xsd:decimal ] ; sh:property [ sh:path ex:d ; sh:datatype xsd:date ] ; "
        "sh:property [ sh:path ex:n ; sh:datatype xsd:nonNegativeInteger ] ; "
        "sh:property [ sh:path ex:s ; sh:datatype xsd:string ] .",
        "ex:a ex:p 1.5, 'abc'^^xsd:decimal, 3, '1.50'^^xsd:decimal ; ex:d '2020-01-01'^^xsd:date, "
        "'2020-13-01'^^xsd:date, '2020-01-01T00:00:00'^^xsd:dateTime ; "
        "ex:n '0'^^xsd:nonNegativeInteger, '-1'^^xsd:nonNegativeInteger, 0 ; "
        "ex:s 'x', 'y'@en, 'z'^^xsd:string .",
    ),
    "in-pattern-flags": (
        "ex:S a sh:NodeShape ; sh:targetObjectsOf ex:p ; sh:in ( ex:x 'A' ) . "
        "ex:T a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property [ sh:path ex:code ; "
        "sh:pattern '^ab[0-9]$' ; sh:flags 'i' ] .",
        "ex:a ex:p ex:x, ex:y, 'A', 'B' ; ex:code 'AB1', 'ab12', ex:ab3, 12 .",
    ),
    "node-or-not-qualified": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
        "sh:property [ sh:path ex:p ; sh:node ex:N ] ; "
        "sh:or ( [ sh:path ex:q ; sh:minCount 1 ] [ sh:class ex:D ] ) ; "
        "sh:not [ sh:class ex:E ] ; "
        "sh:property [ sh:path ex:r ; sh:qualifiedValueShape [ sh:class ex:D ] ; "
        "sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] . "
        "ex:N a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] ; "
        "sh:property [ sh:path ex:alt ; sh:minCount 1 ; sh:severity sh:Warning ] .",
        "ex:a a ex:C ; ex:p ex:n1, ex:n2, ex:n3 ; ex:r ex:d1, ex:d2 . "
        "ex:n1 ex:name 'x' ; ex:alt 'y' . "
        "ex:n2 ex:alt 'y' . ex:n3 ex:name 'z' . ex:d1 a ex:D . ex:d2 a ex:D . "
        "ex:b a ex:C, ex:D, ex:E ; ex:r ex:e . ex:c a ex:C ; ex:q 1 ; ex:r ex:d1 .",
    ),
    "warning-member-of-or": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:or ( [ sh:path ex:q ; sh:minCount 1 ; "
        "sh:severity sh:Warning ] [ sh:path ex:z ; sh:minCount 1 ] ) ; sh:severity sh:Info .",
        "ex:a a ex:C . ex:b a ex:C ; ex:z 1 .",
    ),
    "paths-inverse-sequence-alternative": (
        "ex:S a sh:NodeShape ; sh:targetNode ex:a, ex:b ; "
        "sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ] ; "
        "sh:property [ sh:path ( ex:p ex:q ) ; sh:maxCount 1 ] ; "
        "sh:property [ sh:path [ sh:alternativePath ( ex:p ex:q ) ] ; sh:minCount 2 ] .",
        "ex:x ex:p ex:a . ex:a ex:p ex:m ; ex:q ex:n . ex:m ex:q 1, 2 .",
    ),
    "lessThanOrEquals": (
        "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:start ; sh:property [ sh:path ex:start ; "
        "sh:lessThanOrEquals ex:end ] .",
        "ex:a ex:start 1 ; ex:end 2 . ex:b ex:start 3 ; ex:end 2, 5 . "
        "ex:c ex:start 'a' ; ex:end 1 . "
        "ex:d ex:start 'b' ; ex:end 'a' . ex:e ex:start 2.5 ; ex:end 3 .",
    ),
    "sparql-constraint-and-target": (
        "ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:prefixes ex:decl ; "
        "sh:select 'SELECT ?this WHERE { ?this ex:flag true }' ] ; "
        "sh:sparql [ sh:prefixes ex:decl ; sh:message 'bad {?value} of {$this}' ; "
        "sh:select 'SELECT $this ?value WHERE { $this ex:v ?value FILTER(?value > 2) }' ] . "
        "ex:decl sh:declare [ sh:prefix 'ex' ; sh:namespace 'http://example.org/'^^xsd:anyURI ] . "
        "ex:P a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:v ; sh:sparql [ "
        "sh:select 'SELECT $this ?value WHERE { $this $PATH ?value FILTER(isIRI(?value)) }' ] .",
        "ex:a ex:flag true ; ex:v 1, 3, 4 . ex:b ex:flag false ; ex:v 5 . "
        "ex:c a ex:C ; ex:v ex:x .",
    ),
    "sparql-on-blank-nodes": (  # loaded as quads, not as N-Triples text
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ "
        "sh:select 'SELECT $this ?value WHERE { $this <http://example.org/v> ?value "
        "FILTER(?value > 2) }' ] ; sh:property [ sh:path ex:v ; sh:maxCount 1 ] .",
        "[] a ex:C ; ex:v 1, 3 . ex:a a ex:C ; ex:v [ ex:w 1 ], 4 .",
    ),
    # SPARQL runs on the triples its patterns can match (kg.validate.shacl.sparql_needs):
    # inverse and one-or-more paths, a class named with ``a``, a variable predicate
    "sparql-paths-and-classes": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:prefixes ex:decl ; "
        "sh:select 'SELECT $this ?value WHERE { $this ^ex:in/ex:w+ ?value . ?value a ex:K }' ] . "
        "ex:decl sh:declare [ sh:prefix 'ex' ; sh:namespace 'http://example.org/'^^xsd:anyURI ] .",
        "ex:a a ex:C . ex:h ex:in ex:a ; ex:w ex:k1 . ex:k1 a ex:K, ex:L ; ex:w ex:k2 . "
        "ex:k2 a ex:K . ex:b a ex:C . ex:h2 ex:in ex:b ; ex:w ex:m . ex:m a ex:L .",
    ),
    "sparql-variable-predicate": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select "
        "'SELECT $this ?value WHERE { $this ?p ?value FILTER(isLiteral(?value)) }' ] .",
        "ex:a a ex:C ; ex:q 1 ; ex:r ex:x . ex:b a ex:C .",
    ),
    "severity-message-deactivated": (
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Info ; sh:message 'info'@en ; "
        "sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:severity sh:Warning ] ; "
        "sh:property [ sh:path ex:q ; sh:minCount 1 ; sh:deactivated true ] . "
        "ex:T a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated true ; sh:class ex:Z .",
        "ex:a a ex:C .",
    ),
}


@pytest.mark.parametrize("name", sorted(FEATURES))
def test_each_feature_gives_pyshacls_results(name: str) -> None:
    shapes_text, data_text = FEATURES[name]
    shapes = Graph().parse(data=PREFIXES + shapes_text, format="turtle")
    data = Graph().parse(data=PREFIXES + data_text, format="turtle")
    count = assert_same(data, shapes, ShaclValidator(shapes), Graph())
    # pySHACL with warnings allowed: a Warning member of sh:or always "conforms", so no result
    assert count == 0 if name == "warning-member-of-or" else count > 0


def test_sparql_runs_on_the_triples_its_patterns_can_match() -> None:
    needs = sparql_needs(
        [
            "SELECT ?x WHERE { ?x a <http://example.org/K> ; <http://example.org/p> 1 . "
            "FILTER NOT EXISTS { ?x ^<http://example.org/in>/<http://example.org/w>+ ?y } }"
        ]
    )
    ex = "http://example.org/"
    assert needs == {
        RDF.type: frozenset({URIRef(ex + "K")}),
        URIRef(ex + "p"): None,
        URIRef(ex + "in"): None,
        URIRef(ex + "w"): None,
    }
    a, k, other = URIRef(ex + "a"), URIRef(ex + "K"), URIRef(ex + "L")
    kept = [(a, RDF.type, k), (a, URIRef(ex + "p"), Literal(2)), (a, URIRef(ex + "in"), a)]
    dropped = [(a, RDF.type, other), (a, URIRef(ex + "q"), Literal(1))]
    assert needed([*kept, *dropped], needs) == kept


@pytest.mark.parametrize(
    "pattern", ["?x ?p ?y", "?x <http://example.org/p>* ?y", "?x !<http://example.org/p> ?y"]
)
def test_sparql_that_can_match_any_triple_gets_them_all(pattern: str) -> None:
    assert sparql_needs([f"SELECT ?x WHERE {{ {pattern} }}"]) is None


def test_the_projects_sparql_needs_a_part_of_a_document() -> None:
    needs = project_validator().sparql_needs
    assert needs is not None
    assert needs[RDF.type] is not None  # only the classes the queries name
    triples = list(read_rdf(BUILT))
    assert 0 < len(needed(triples, needs)) < 0.6 * len(triples)


def test_report_graph_reads_like_pyshacls() -> None:
    data = read_rdf(FIXTURES / "post-no-role.fail.ttl")
    report = project_validator().validate(data, reference_facts(data)).graph()
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms) == Literal(False)
    (result,) = report.objects(node, SH.result)
    assert report.value(result, SH.resultMessage) == Literal("a post has exactly one role")
    assert report.value(report.value(result, SH.sourceShape), SH.path) is not None


UNSUPPORTED = {
    "xone": "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:xone ( [ sh:class ex:C ] ) .",
    "closed": "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:closed true .",
    "minLength": "ex:S a sh:PropertyShape ; sh:targetNode ex:a ; sh:path ex:p ; sh:minLength 2 .",
    "rule": "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:rule [ a sh:TripleRule ] .",
    "ask-validator": "ex:S a sh:NodeShape ; sh:targetNode ex:a ; "
    "sh:sparql [ sh:ask 'ASK { $this ?p ?o }' ] .",
    "sparql-minus": "ex:S a sh:NodeShape ; sh:targetNode ex:a ; "
    "sh:sparql [ sh:select 'SELECT $this WHERE { $this ?p ?o MINUS { $this a ?c } }' ] .",
    "disjoint-qualified": "ex:S a sh:PropertyShape ; sh:targetNode ex:a ; sh:path ex:p ; "
    "sh:qualifiedValueShape [ sh:class ex:C ] ; sh:qualifiedMinCount 1 ; "
    "sh:qualifiedValueShapesDisjoint true .",
    "custom-target": "ex:S a sh:NodeShape ; sh:target [ a ex:MyTarget ] ; sh:class ex:C .",
}


@pytest.mark.parametrize("name", sorted(UNSUPPORTED))
def test_unsupported_features_are_refused(name: str) -> None:
    shapes = Graph().parse(data=PREFIXES + UNSUPPORTED[name], format="turtle")
    with pytest.raises(UnsupportedShapes):
        ShaclValidator(shapes)


def test_the_projects_shapes_are_supported() -> None:
    assert project_validator() is not None


@given(st.text(alphabet='ab永<>"{}|^`\\ \x00\x1f!', max_size=12))
def test_iris_are_written_for_the_store_with_n_triples_escapes(iri: str) -> None:
    from kg.validate.shacl import _nt_iri

    unsafe = set('<>"{}|^`\\')
    expected = "".join(f"\\U{ord(ch):08X}" if ch in unsafe or ord(ch) <= 0x20 else ch for ch in iri)
    assert _nt_iri(iri) == f"<{expected}>"
