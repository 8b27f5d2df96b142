"""Each shape against a small graph that breaks it and one that passes (tests/fixtures/shapes).

A fixture's first line says what to expect: ``# Violation: <message>`` (a ``.fail.ttl`` file: a
result of that severity whose message contains the text, on the node ``id:it``) or
``# none: <message>`` (a ``.pass.ttl`` file: no result whose message contains the text).
``valid.ttl`` conforms without a single result.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.rdf.rdfio import read_rdf
from kg.validate.validation import SEVERITIES, reference_facts, shapes_graph, validate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shapes"
IT = URIRef("https://w3id.org/fupin-kg/id/it")
HAS_GAZETTEER = importlib.util.find_spec("kg.extract.gazetteer") is not None


def _expectation(path: Path) -> tuple[str, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    severity, message = first.removeprefix("# ").split(": ", 1)
    return severity, message


def _cases(suffix: str) -> list[pytest.param]:  # type: ignore[valid-type]
    out = []
    for path in sorted(FIXTURES.glob(f"*{suffix}")):
        marks = []
        if path.name.startswith("code-") and not HAS_GAZETTEER:
            marks.append(pytest.mark.skip(reason="kg.extract.gazetteer not available"))
        out.append(pytest.param(path, id=path.name.removesuffix(suffix), marks=marks))
    return out


@pytest.mark.parametrize("path", _cases(".fail.ttl"))
def test_a_graph_that_breaks_the_shape(path: Path) -> None:
    severity, message = _expectation(path)
    assert severity in SEVERITIES
    validation = validate(read_rdf(path))
    found = [r for r in validation.results if message in r.message]
    assert found, [r.message for r in validation.results]
    assert {r.severity for r in found} == {severity}
    # the node itself, or a node it points to (a unit checked through sh:node)
    data = read_rdf(path)
    near = {IT, *(o for o in data.objects(IT, None) if isinstance(o, URIRef))}
    assert any(r.focus in near for r in found), [str(r.focus) for r in found]
    assert validation.conforms is (severity != "Violation")


@pytest.mark.parametrize("path", _cases(".pass.ttl"))
def test_a_graph_that_passes_the_shape(path: Path) -> None:
    severity, message = _expectation(path)
    assert severity == "none"
    validation = validate(read_rdf(path))
    assert not [r for r in validation.results if message in r.message]


def test_every_fail_fixture_has_a_passing_twin_or_a_reason() -> None:
    fails = {p.name.removesuffix(".fail.ttl") for p in FIXTURES.glob("*.fail.ttl")}
    passes = {p.name.removesuffix(".pass.ttl") for p in FIXTURES.glob("*.pass.ttl")}
    # measurement-no-*, post-no-* share one passing graph; a missing provenance passes in valid.ttl
    grouped = {"measurement-no-value", "measurement-no-unit", "measurement-no-area"}
    grouped |= {"measurement-no-period"}
    grouped |= {"post-no-role", "post-no-organisation", "no-provenance"}
    assert fails - passes <= grouped
    assert {"measurement", "post"} <= passes


def test_the_valid_graph_has_no_result_at_all() -> None:
    validation = validate(read_rdf(FIXTURES / "valid.ttl"))
    assert validation.conforms
    assert validation.results == ()


def test_every_shapes_file_is_loaded() -> None:
    shapes = shapes_graph()
    checks = URIRef("https://w3id.org/fupin-kg/shapes/checks#GazetteerShape")
    contract = URIRef("https://w3id.org/fupin-kg/shapes#MeasurementShape")
    assert (checks, None, None) in shapes
    assert (contract, None, None) in shapes


@pytest.mark.skipif(not HAS_GAZETTEER, reason="kg.extract.gazetteer not available")
def test_reference_facts_cover_only_the_codes_present() -> None:
    data = read_rdf(FIXTURES / "code-not-in-gazetteer.fail.ttl")
    facts = reference_facts(data)
    codes = sorted(str(o) for o in facts.objects(None, URIRef(_ref("code"))))
    assert codes == ["530000", "530700", "530722", "539999"]
    assert (URIRef(_ref("area-539999")), None, None) in facts
    assert len(data) < len(data + facts)  # the data itself is left alone


def test_without_the_gazetteer_its_checks_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.validate.validation

    monkeypatch.setattr(kg.validate.validation, "_gazetteer_by_code", lambda: None)
    validation = validate(read_rdf(FIXTURES / "code-not-in-gazetteer.fail.ttl"))
    assert not [r for r in validation.results if "gazetteer" in r.message]
    assert validation.conforms


def test_reference_facts_do_not_reach_the_report() -> None:
    data = read_rdf(FIXTURES / "unit-table.fail.ttl")
    before = len(data)
    validation = validate(data)
    assert len(data) == before
    assert not list(validation.report.subjects(None, URIRef(_ref("notation"))))


def _ref(local: str) -> str:
    return "https://w3id.org/fupin-kg/reference#" + local


def test_the_shapes_graph_is_what_rdflibs_parser_reads() -> None:
    """``shapes_graph`` reads the files with Oxigraph: the same triples, the same prefixes."""
    from rdflib.compare import isomorphic

    theirs = Graph()
    for path in sorted((Path(__file__).resolve().parent.parent / "shapes").glob("*.ttl")):
        theirs.parse(path, format="turtle")
    ours = shapes_graph.__wrapped__()  # a fresh one: messages bind prefixes in the cached one
    assert isomorphic(ours, theirs)
    assert sorted(ours.namespaces()) == sorted(theirs.namespaces())


def test_shapes_parse_as_turtle_alone() -> None:
    for path in sorted((Path(__file__).resolve().parent.parent / "shapes").glob("*.ttl")):
        assert len(Graph().parse(path, format="turtle")) > 0
