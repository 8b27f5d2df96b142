"""The Data Cube of every output: a data set per document, the project's structure, and the W3C
integrity constraints IC-1 … IC-21 (``kg.validate.cube``), each of which a graph broken on
purpose fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS, XSD

from kg.cli import cli
from kg.pipeline import Result, process
from kg.rdf.namespace import FP, QB, SDMX_DIMENSION, SDMX_MEASURE
from kg.rdf.serialise import to_turtle
from kg.validate.cube import constraints, violated
from kg.validate.validation import validate, with_cube

ARTICLES = Path(__file__).resolve().parent / "articles"
SPEC = "https://www.w3.org/TR/vocab-data-cube/#"


def _observations(graph: Graph) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, QB.Observation) if isinstance(s, URIRef))


def _names(graph: Graph) -> set[str]:
    return {c.name for c in violated(graph)}


@pytest.fixture()
def sample(sample_result: Result) -> Graph:
    """A fresh copy of the sample's graph, to break."""
    graph = Graph()
    for triple in sample_result.triples:
        graph.add(triple)
    return graph


def test_every_constraint_of_the_specification_is_shipped() -> None:
    names = [c.name for c in constraints()]
    assert set(names) == {f"IC-{n}" for n in range(1, 22)}
    assert names.count("IC-19") == 2  # one query per kind of code list, as the specification has
    templates = {c.name for c in constraints() if c.instantiation is not None}
    assert templates == {"IC-20", "IC-21"}
    assert all("ASK" in c.query for c in constraints())


def test_the_sample_is_a_data_set_with_the_projects_structure(sample: Graph) -> None:
    datasets = list(sample.subjects(RDF.type, QB.DataSet))
    assert len(datasets) == 1
    assert list(sample.objects(datasets[0], QB.structure)) == [FP.DataStructure]
    assert (FP.DataStructure, RDF.type, QB.DataStructureDefinition) in sample
    dimensions = set(sample.objects(None, QB.dimension))
    assert {SDMX_DIMENSION.refArea, SDMX_DIMENSION.refPeriod, FP.indicator} <= dimensions
    assert set(sample.objects(None, QB.measure)) == {SDMX_MEASURE.obsValue}
    observations = _observations(sample)
    assert observations
    for obs in observations:
        assert list(sample.objects(obs, QB.dataSet)) == datasets


def test_the_sample_passes_ic_1_to_21(sample: Graph) -> None:
    assert violated(sample) == []


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_article_passes_ic_1_to_21(path: Path) -> None:
    """Articles with targets and outcomes; with figures stated twice, targets beside outcomes."""
    result = process(path)
    assert [c.name for c in violated(result.triples)] == []


# --- broken on purpose -------------------------------------------------------------------------


def _second_data_set(g: Graph) -> None:
    g.add((_observations(g)[0], QB.dataSet, URIRef("https://example.org/other")))


def _second_structure(g: Graph) -> None:
    dataset = next(g.subjects(RDF.type, QB.DataSet))
    g.add((dataset, QB.structure, URIRef("https://example.org/dsd")))


def _no_measure(g: Graph) -> None:
    g.remove((FP.DataStructure, QB.component, FP.ValueComponent))


def _dimension_without_range(g: Graph) -> None:
    g.remove((FP.valueOffset, RDFS.range, None))


def _concept_dimension_without_code_list(g: Graph) -> None:
    g.remove((FP.indicator, RDFS.range, None))
    g.add((FP.indicator, RDFS.range, SKOS.Concept))


def _optional_dimension(g: Graph) -> None:
    g.add((FP.AreaComponent, QB.componentRequired, Literal(False)))


def _undeclared_slice_key(g: Graph) -> None:
    g.add((URIRef("https://example.org/key"), RDF.type, QB.SliceKey))


def _slice_key_with_a_foreign_property(g: Graph) -> None:
    key = URIRef("https://example.org/key")
    g.add((key, RDF.type, QB.SliceKey))
    g.add((FP.DataStructure, QB.sliceKey, key))
    g.add((key, QB.componentProperty, URIRef("https://example.org/notInTheStructure")))


def _slice_without_structure(g: Graph) -> None:
    g.add((URIRef("https://example.org/slice"), RDF.type, QB.Slice))


def _slice_missing_its_dimension(g: Graph) -> None:
    key, piece = URIRef("https://example.org/key"), URIRef("https://example.org/slice")
    g.add((piece, RDF.type, QB.Slice))
    g.add((piece, QB.sliceStructure, key))
    g.add((key, QB.componentProperty, SDMX_DIMENSION.refPeriod))


def _observation_without_period(g: Graph) -> None:
    g.remove((_observations(g)[0], SDMX_DIMENSION.refPeriod, None))


def _duplicate_observation(g: Graph) -> None:
    """The second observation given every dimension value of the first: what IC-12 forbids."""
    first, second = _observations(g)[:2]
    for dimension in g.subjects(RDF.type, QB.DimensionProperty):
        g.remove((second, dimension, None))
        for value in g.objects(first, dimension):
            g.add((second, dimension, value))


def _observation_without_qualifier(g: Graph) -> None:
    g.remove((_observations(g)[0], FP.valueQualifier, None))


def _observation_without_value(g: Graph) -> None:
    g.remove((_observations(g)[0], SDMX_MEASURE.obsValue, None))


def _measure_dimension(g: Graph) -> None:
    """A measure-type cube whose observation lacks the measure it names (IC-15), names one and
    carries another (IC-16), and has no sibling for the other measure (IC-17)."""
    spec, other = URIRef("https://example.org/measureTypeSpec"), URIRef("https://example.org/m")
    g.add((FP.DataStructure, QB.component, spec))
    g.add((spec, QB.componentProperty, QB.measureType))
    g.add((spec, QB.dimension, QB.measureType))
    g.add((QB.measureType, RDF.type, QB.DimensionProperty))
    g.add((QB.measureType, RDFS.range, QB.MeasureProperty))
    extra = URIRef("https://example.org/extraSpec")
    g.add((FP.DataStructure, QB.component, extra))
    g.add((extra, QB.componentProperty, other))
    g.add((other, RDF.type, QB.MeasureProperty))
    for obs in _observations(g):
        g.add((obs, QB.measureType, other))


def _slice_with_a_foreign_observation(g: Graph) -> None:
    dataset = next(g.subjects(RDF.type, QB.DataSet))
    piece = URIRef("https://example.org/slice")
    g.add((dataset, QB.slice, piece))
    g.add((piece, QB.observation, URIRef("https://example.org/elsewhere")))


def _code_list(kind: URIRef) -> Callable[[Graph], None]:
    def code_list(g: Graph) -> None:
        codes = URIRef("https://example.org/codes")
        g.add((SDMX_DIMENSION.refArea, QB.codeList, codes))
        g.add((codes, RDF.type, kind))

    return code_list


def _hierarchy(inverse: bool) -> Callable[[Graph], None]:
    def hierarchy(g: Graph) -> None:
        codes = URIRef("https://example.org/codes")
        g.add((SDMX_DIMENSION.refArea, QB.codeList, codes))
        g.add((codes, RDF.type, QB.HierarchicalCodeList))
        g.add((codes, QB.hierarchyRoot, URIRef("https://example.org/root")))
        child = URIRef("https://example.org/child")
        if inverse:
            link = BNode()
            g.add((codes, QB.parentChildProperty, link))
            g.add((link, OWL.inverseOf, child))
        else:
            g.add((codes, QB.parentChildProperty, child))

    return hierarchy


BREAKS: list[tuple[str, Callable[[Graph], None]]] = [
    ("IC-1", _second_data_set),
    ("IC-2", _second_structure),
    ("IC-3", _no_measure),
    ("IC-4", _dimension_without_range),
    ("IC-5", _concept_dimension_without_code_list),
    ("IC-6", _optional_dimension),
    ("IC-7", _undeclared_slice_key),
    ("IC-8", _slice_key_with_a_foreign_property),
    ("IC-9", _slice_without_structure),
    ("IC-10", _slice_missing_its_dimension),
    ("IC-11", _observation_without_period),
    ("IC-12", _duplicate_observation),
    ("IC-13", _observation_without_qualifier),
    ("IC-14", _observation_without_value),
    ("IC-15", _measure_dimension),
    ("IC-16", _measure_dimension),
    ("IC-17", _measure_dimension),
    ("IC-18", _slice_with_a_foreign_observation),
    ("IC-19", _code_list(SKOS.ConceptScheme)),
    ("IC-19", _code_list(SKOS.Collection)),
    ("IC-20", _hierarchy(inverse=False)),
    ("IC-21", _hierarchy(inverse=True)),
]


@pytest.mark.parametrize(("name", "breaking"), BREAKS, ids=[f"{n}-{b.__name__}" for n, b in BREAKS])
def test_a_graph_broken_on_purpose_fails_its_constraint(
    sample: Graph, name: str, breaking: Callable[[Graph], None]
) -> None:
    breaking(sample)
    assert name in _names(sample)


def test_a_period_unknown_is_still_a_period(tmp_path: Path) -> None:
    """No date in the text, its headings or the document: the observation's period is
    fp:UnknownPeriod (a value of the dimension, IC-11), without start or end, and a warning."""
    path = tmp_path / "undated.txt"
    path.write_text("云南省丽江市永胜县累计完成易地扶贫搬迁1.2万户。", encoding="utf-8")
    result = process(path)
    graph = result.graph
    observations = _observations(graph)
    assert observations
    for obs in observations:
        assert list(graph.objects(obs, SDMX_DIMENSION.refPeriod)) == [FP.UnknownPeriod]
        assert (obs, FP.periodStart, None) not in graph
    assert violated(result.triples) == []
    messages = [r.message for r in result.validation.results if r.severity == "Warning"]
    assert any("period is not known" in m for m in messages)


# --- in kg validate ----------------------------------------------------------------------------


def test_with_cube_adds_each_broken_constraint_to_results_and_report(sample: Graph) -> None:
    _duplicate_observation(sample)
    checked = with_cube(validate(sample), sample)
    assert not checked.conforms
    ic12 = [r for r in checked.results if r.component == URIRef(SPEC + "ic-12")]
    assert len(ic12) == 1 and ic12[0].severity == "Violation"
    assert "No duplicate observations" in ic12[0].message
    report = checked.report
    assert (None, SH.sourceConstraintComponent, URIRef(SPEC + "ic-12")) in report
    assert (None, SH.conforms, Literal(False)) in report


def test_kg_validate_runs_the_constraints(sample: Graph, tmp_path: Path) -> None:
    good = tmp_path / "good.ttl"
    good.write_bytes(to_turtle(list(sample)))  # type: ignore[arg-type]
    runner = CliRunner()
    passed = runner.invoke(cli, ["validate", str(good)])
    assert passed.exit_code == 0, passed.output
    _duplicate_observation(sample)
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(to_turtle(list(sample)))  # type: ignore[arg-type]
    failed = runner.invoke(cli, ["validate", str(bad)])
    assert failed.exit_code == 1
    assert "IC-12 (No duplicate observations)" in failed.output


def test_values_are_typed_as_the_structure_declares(sample: Graph) -> None:
    for obs in _observations(sample):
        (offset,) = sample.objects(obs, FP.valueOffset)
        assert isinstance(offset, Literal) and offset.datatype == XSD.nonNegativeInteger
