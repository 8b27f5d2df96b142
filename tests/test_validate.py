"""``kg validate`` and ``kg.validate.validation``: exit codes, the readable report, --report,
--format json."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.cli import cli
from kg.extract.facts import (
    Division,
    Facts,
    Kind,
    Level,
    Measurement,
    Organisation,
    Person,
    PlaceMention,
    Post,
    Programme,
    Quantity,
)
from kg.rdf.graph import build_graph
from kg.rdf.namespace import FP, QB, SDMX_ATTRIBUTE, SDMX_MEASURE
from kg.rdf.serialise import to_jsonld, to_turtle
from kg.text.document import Document
from kg.validate.validation import document_language, label, validate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shapes"
ARTICLE = "永勝縣縣長張明說,全縣實施“十百千”工程,累計完成易地扶貧搬遷1.2萬戶5.1萬人。"
PROVINCE = Division("云南省", Level.PROVINCE, "530000", ("云南",))
PREFECTURE = Division("丽江市", Level.PREFECTURE, "530700", ("丽江",), PROVINCE)
COUNTY = Division("永胜县", Level.COUNTY, "530722", ("永胜",), PREFECTURE)


def _span(doc: Document, text: str):  # type: ignore[no-untyped-def]
    start = doc.text.index(text)
    return doc.span(start, start + len(text))


def invented() -> Graph:
    """A document with a person, a post, a programme and two outcomes, built from facts."""
    doc = Document.from_text(ARTICLE, name="invented")
    government = Organisation("永胜县人民政府", None, COUNTY)
    person = Person(
        _span(doc, "张明"),
        posts=(Post(_span(doc, "永胜县县长"), _span(doc, "县长"), government),),
    )
    programme = Programme(_span(doc, "十百千”工程"), "十百千工程", COUNTY)
    households = Quantity(_span(doc, "1.2万户"), Decimal(12000), "HOUSEHOLD")
    people = Quantity(_span(doc, "5.1万人"), Decimal(51000), "PERSON")
    clause = _span(doc, "累计完成易地扶贫搬迁1.2万户5.1万人")
    facts = Facts(
        jurisdiction=COUNTY,
        places=[PlaceMention(_span(doc, "永胜县"), COUNTY)],
        people=[person],
        programmes=[programme],
        quantities=[households, people],
        measurements=[
            Measurement(
                Kind.OUTCOME, q, clause, "易地扶贫搬迁", area=COUNTY, programme="十百千工程"
            )
            for q in (households, people)
        ],
    )
    return build_graph(doc, facts)


def broken() -> tuple[Graph, URIRef, URIRef]:
    """``invented()`` with one outcome's value and the other's unit removed."""
    graph = invented()
    first, second = sorted(URIRef(str(o)) for o in graph.subjects(RDF.type, FP.Outcome))
    graph.remove((first, SDMX_MEASURE.obsValue, None))
    graph.remove((second, SDMX_ATTRIBUTE.unitMeasure, None))
    return graph, first, second


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_the_sample_output_conforms(sample_result, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    built = Path(__file__).resolve().parent.parent / "build" / "lijiang-2020-06-10.ttl"
    path = tmp_path / "lijiang-2020-06-10.ttl"
    path.write_bytes(built.read_bytes() if built.exists() else sample_result.turtle)
    code, out, err = run(str(path))
    assert code == 0, out + err
    assert out.startswith(f"{path}: conforms (0 violations, ")
    assert "Violation (" not in out


def test_the_sample_article_conforms() -> None:
    from kg.resources import SAMPLE_ARTICLE

    code, out, err = run(str(SAMPLE_ARTICLE))
    assert code == 0, out + err
    assert " triples" in out.splitlines()[0]


def test_invented_graph_conforms_in_every_format(tmp_path: Path) -> None:
    graph = invented()
    (tmp_path / "a.ttl").write_bytes(to_turtle(graph))
    (tmp_path / "a.jsonld").write_bytes(to_jsonld(graph))
    (tmp_path / "a.nt").write_bytes(graph.serialize(format="nt", encoding="utf-8"))
    (tmp_path / "a.nq").write_bytes(graph.serialize(format="nt", encoding="utf-8"))
    files = [str(tmp_path / f"a{s}") for s in (".ttl", ".jsonld", ".nt", ".nq")]
    code, out, err = run(*files)
    assert code == 0, out + err
    assert [line.split(": ")[1].split(" (")[0] for line in out.splitlines() if ": c" in line] == [
        "conforms"
    ] * 4


def test_missing_value_and_unit_exit_1_and_name_both_nodes(tmp_path: Path) -> None:
    graph, first, second = broken()
    path = tmp_path / "broken.ttl"
    path.write_bytes(to_turtle(graph))
    report = tmp_path / "out" / "report.ttl"
    code, out, err = run(str(path), "--report", str(report))
    assert code == 1, out + err
    lines = out.splitlines()
    # two by the shapes, two by the Data Cube constraints (IC-13: a required attribute, the
    # unit; IC-14: the measure); the invented document has no title nor date, and so its
    # observations no period: four warnings
    assert lines[0] == f"{path}: does not conform (4 violations, 4 warnings, 0 infos); " + (
        f"{len(graph)} triples"
    )
    assert lines[1] == "Violation (4)"
    text = "\n".join(lines)
    # each node: class, label (the indicator as written, traditional like the document), IRI
    assert f"fp:Outcome 易地扶貧搬遷 HOUSEHOLD <{first}>" in text
    assert f"fp:Outcome 易地扶貧搬遷 51000.0 <{second}>" in text
    assert "a measurement has exactly one xsd:decimal value [sdmx-measure:obsValue]" in text
    assert "a measurement has exactly one known unit [sdmx-attribute:unitMeasure]" in text
    violations = text.split("\nWarning (")[0]
    assert violations.count("source: “累計完成易地扶貧搬遷1.2萬戶5.1萬人”") == 2
    assert "IC-13 (Required attributes)" in violations
    assert "IC-14 (All measures present)" in violations
    written = Graph().parse(report, format="turtle")
    (node,) = written.subjects(RDF.type, SH.ValidationReport)
    assert written.value(node, SH.conforms) == Literal(False)
    focuses = {
        written.value(r, SH.focusNode)
        for r in written.objects(node, SH.result)
        if written.value(r, SH.resultSeverity) == SH.Violation
    }
    (dataset,) = graph.subjects(RDF.type, QB.DataSet)
    assert focuses == {first, second, dataset}


def test_json_format(tmp_path: Path) -> None:
    graph, first, second = broken()
    path = tmp_path / "broken.jsonld"
    path.write_bytes(to_jsonld(graph))
    code, out, _ = run(str(path), "--format", "json")
    assert code == 1
    data = json.loads(out)
    (file,) = data["files"]
    assert data["errors"] == []
    assert file["file"] == str(path) and file["conforms"] is False
    assert file["counts"] == {"Violation": 4, "Warning": 4, "Info": 0}
    by_focus = {
        r["focus"]: r
        for r in file["results"]
        if r["severity"] == "Violation" and "vocab-data-cube" not in r["constraint"]
    }
    assert set(by_focus) == {str(first), str(second)}
    cube = [r["message"] for r in file["results"] if "vocab-data-cube" in r["constraint"]]
    assert [m.split(" ", 1)[0] for m in cube] == ["IC-13", "IC-14"]
    value = by_focus[str(first)]
    assert value["classes"] == ["fp:Outcome"]
    assert value["path"] == str(SDMX_MEASURE.obsValue)
    assert value["constraint"] == "sh:MinCountConstraintComponent"
    assert value["sources"] == ["累計完成易地扶貧搬遷1.2萬戶5.1萬人"]


def test_output_and_report_are_deterministic(tmp_path: Path) -> None:
    graph, _, _ = broken()
    path = tmp_path / "broken.ttl"
    path.write_bytes(to_turtle(graph))
    first = run(str(path), "--report", str(tmp_path / "1.ttl"))
    second = run(str(path), "--report", str(tmp_path / "2.ttl"))
    assert first == second
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()


def test_warnings_do_not_fail(tmp_path: Path) -> None:
    path = FIXTURES / "nothing-measured.fail.ttl"
    code, out, _ = run(str(path))
    assert code == 0
    assert "Warning (2)" in out and "Info (1)" in out
    assert "neither an indicator nor a programme" in out


def test_several_files_one_report_each_and_worst_exit(tmp_path: Path) -> None:
    report = tmp_path / "r.ttl"
    code, out, _ = run(
        str(FIXTURES / "valid.ttl"),
        str(FIXTURES / "post-no-role.fail.ttl"),
        "--report",
        str(report),
    )
    assert code == 1
    assert out.count(": conforms") == 1 and out.count(": does not conform") == 1
    written = Graph().parse(report, format="turtle")
    assert len(list(written.subjects(RDF.type, SH.ValidationReport))) == 2


def test_no_file_is_bad_usage() -> None:
    code, _, err = run()
    assert code == 2
    assert err.startswith("Error: no FILE given")


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert "kg validate build/lijiang-2020-06-10.ttl --report report.ttl" in result.output


def test_labels_prefer_the_document_language() -> None:
    graph = invented()
    assert document_language(graph) == "zh-Hant"
    county = URIRef("https://w3id.org/fupin-kg/id/area/530722")
    assert label(graph, county, "zh-Hant") == "永勝縣"
    assert label(graph, county, "zh-Hans") == "永胜县"


def test_cached_queries_give_pyshacl_results() -> None:
    """The SPARQL cache changes the time a validation takes, never its results."""
    import pyshacl

    from kg.validate.validation import reference_facts, shapes_graph

    graph, _, _ = broken()
    graph.remove((URIRef("https://w3id.org/fupin-kg/id/area/530700"), None, None))
    ours = validate(graph)
    _, report, _ = pyshacl.validate(
        graph + reference_facts(graph),
        shacl_graph=shapes_graph(),
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
        do_owl_imports=False,
    )
    theirs = sorted(
        (str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultMessage)))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    )
    assert sorted((str(r.focus), r.message) for r in ours.results) == theirs
    assert len(theirs) > 2


def test_validation_counts_for_the_pipeline() -> None:
    validation = validate(invented())
    assert validation.conforms
    assert validation.count("Violation") == 0


@pytest.mark.parametrize("severity", ["Violation", "Warning", "Info"])
def test_text_groups_by_severity(severity: str) -> None:
    from kg.validate.validation import render_text

    fixture = {
        "Violation": "post-no-role.fail.ttl",
        "Warning": "nothing-measured.fail.ttl",
        "Info": "person-no-part.fail.ttl",
    }[severity]
    from kg.rdf.rdfio import read_rdf

    data = read_rdf(FIXTURES / fixture)
    text = render_text("f", validate(data), data)
    headers = [line.split(" (")[0] for line in text.splitlines() if not line.startswith(" ")]
    assert severity in headers[1:]
    assert headers[1:] == [s for s in ("Violation", "Warning", "Info") if s in headers[1:]]
