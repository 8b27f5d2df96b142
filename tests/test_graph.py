"""Facts -> RDF: the contract's terms, provenance that slices exactly, determinism."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, ORG, RDF, RDFS, SKOS, XSD

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
    Qualifier,
    Quantity,
)
from kg.rdf.graph import build_graph
from kg.rdf.namespace import FP, OA, SCHEMA, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE
from kg.rdf.serialise import serialisations, to_jsonld, to_turtle
from kg.text.document import Document
from kg.validate.validation import validate

ARTICLE = (
    "鎮寧縣委書記張明在會上介紹(shào),全縣實施“十百千”工程,累計完成易地扶貧搬遷1.2萬戶5.1萬人。"
)

PROVINCE = Division("贵州省", Level.PROVINCE, "520000", ("贵州",))
PREFECTURE = Division("安顺市", Level.PREFECTURE, "520400", ("安顺",), PROVINCE)
COUNTY = Division("镇宁布依族苗族自治县", Level.COUNTY, "520423", ("镇宁县", "镇宁"), PREFECTURE)


def _find(doc: Document, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    return start, start + len(text)


@pytest.fixture(scope="module")
def invented() -> tuple[Document, Facts]:
    doc = Document.from_text(ARTICLE, name="invented")
    place = PlaceMention(doc.span(*_find(doc, "镇宁县")), COUNTY)
    committee = Organisation(
        "中共镇宁布依族苗族自治县委", doc.span(*_find(doc, "镇宁县委")), COUNTY
    )
    person = Person(
        doc.span(*_find(doc, "张明")),
        posts=(
            Post(doc.span(*_find(doc, "镇宁县委书记")), doc.span(*_find(doc, "书记")), committee),
        ),
    )
    programme = Programme(doc.span(*_find(doc, "十百千”工程")), "十百千工程", COUNTY)
    households = Quantity(doc.span(*_find(doc, "1.2万户")), Decimal(12000), "HOUSEHOLD")
    people = Quantity(
        doc.span(*_find(doc, "5.1万人")), Decimal(51000), "PERSON", qualifier=Qualifier.EXACT
    )
    clause = doc.span(*_find(doc, "累计完成易地扶贫搬迁1.2万户5.1万人"))
    measurements = [
        Measurement(Kind.OUTCOME, q, clause, "易地扶贫搬迁", area=COUNTY, programme="十百千工程")
        for q in (households, people)
    ]
    facts = Facts(
        jurisdiction=COUNTY,
        places=[place],
        people=[person],
        programmes=[programme],
        quantities=[households, people],
        measurements=measurements,
    )
    return doc, facts


def test_contract_terms(invented: tuple[Document, Facts]) -> None:
    doc, facts = invented
    g = build_graph(doc, facts)
    county = URIRef("https://w3id.org/fupin-kg/id/area/520423")
    assert (county, SKOS.notation, Literal("520423")) in g
    assert (county, FP.level, FP.County) in g
    assert (
        county,
        SCHEMA.containedInPlace,
        URIRef("https://w3id.org/fupin-kg/id/area/520400"),
    ) in g
    assert Literal("镇宁县", lang="zh-Hans") in set(g.objects(county, SKOS.altLabel))
    (person,) = g.subjects(RDF.type, FP.Official)
    assert (person, FOAF.name, Literal("張明", lang="zh-Hant")) in g
    assert Literal("zhāng míng", lang="zh-Latn-pinyin") in set(g.objects(person, RDFS.label))
    (post,) = g.objects(person, ORG.holds)
    role = g.value(post, ORG.role)
    assert g.value(role, RDFS.label) == Literal("書記", lang="zh-Hant")
    outcomes = sorted(g.subjects(RDF.type, FP.Outcome))
    assert len(outcomes) == 2
    values = sorted(g.value(o, SDMX_MEASURE.obsValue).toPython() for o in outcomes)
    assert values == [Decimal(12000), Decimal(51000)]
    for outcome in outcomes:
        assert g.value(outcome, SDMX_DIMENSION.refArea) == county
        unit = g.value(outcome, SDMX_ATTRIBUTE.unitMeasure)
        assert g.value(unit, SKOS.notation) in {Literal("HOUSEHOLD"), Literal("PERSON")}
        assert g.value(outcome, FP.valueQualifier) == FP.Exact
        assert (g.value(outcome, FP.programme), RDF.type, FP.Programme) in g


def test_indicator_gains_its_concept_and_the_file_carries_its_labels(
    invented: tuple[Document, Facts],
) -> None:
    """易地扶贫搬迁 in households and in people: one phrase, two concepts, two indicators."""
    doc, facts = invented
    g = build_graph(doc, facts)
    fpi = "https://w3id.org/fupin-kg/indicator/"
    found = {}
    for outcome in g.subjects(RDF.type, FP.Outcome):
        indicator = g.value(outcome, FP.indicator)
        assert g.value(indicator, RDFS.label) is not None  # keeps its phrase
        unit = g.value(g.value(outcome, SDMX_ATTRIBUTE.unitMeasure), SKOS.notation)
        found[str(unit)] = (indicator, g.value(indicator, FP.concept))
    assert found["PERSON"][1] == URIRef(fpi + "relocated-people")
    assert found["HOUSEHOLD"][1] == URIRef(fpi + "relocated-households")
    assert found["PERSON"][0] != found["HOUSEHOLD"][0]
    concept = found["PERSON"][1]
    labels = {o.language for o in g.objects(concept, SKOS.prefLabel)}
    assert labels == {"en", "zh-Hans", "zh-Hant"}
    assert (concept, RDF.type, SKOS.Concept) in g


def test_conforms_to_the_shapes(invented: tuple[Document, Facts]) -> None:
    doc, facts = invented
    validation = validate(build_graph(doc, facts))
    assert validation.conforms, [r.message for r in validation.results]


def _selectors(g: Graph) -> list[tuple[int, int, str]]:
    out = []
    for mention in set(g.subjects(OA.hasSource, None)):
        selectors = list(g.objects(mention, OA.hasSelector))
        (position,) = [s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g]
        (quote,) = [s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in g]
        start = g.value(position, OA.start).toPython()
        end = g.value(position, OA.end).toPython()
        out.append((start, end, str(g.value(quote, OA.exact))))
    return out


def test_every_quote_is_the_slice_of_the_input(invented: tuple[Document, Facts]) -> None:
    doc, facts = invented
    selectors = _selectors(build_graph(doc, facts))
    assert selectors
    for start, end, exact in selectors:
        assert doc.original[start:end] == exact
    # the pinyin reading inside a quoted span is part of the exact input
    assert any("(shào)" in exact for *_, exact in selectors) or all(
        "介紹" not in exact for *_, exact in selectors
    )


def test_sample_quotes_slice_the_sample(sample_result) -> None:  # type: ignore[no-untyped-def]
    for start, end, exact in _selectors(sample_result.graph):
        assert sample_result.doc.original[start:end] == exact


def test_no_blank_nodes_and_byte_identical_output(invented: tuple[Document, Facts]) -> None:
    doc, facts = invented
    g1, g2 = build_graph(doc, facts), build_graph(doc, facts)
    assert not any(isinstance(term, BNode) for triple in g1 for term in triple)
    assert to_turtle(g1) == to_turtle(g2)
    assert to_jsonld(g1) == to_jsonld(g2)


def test_jsonld_is_isomorphic_to_turtle(invented: tuple[Document, Facts]) -> None:
    doc, facts = invented
    g = build_graph(doc, facts)
    from_turtle = Graph().parse(data=to_turtle(g), format="turtle")
    from_jsonld = Graph().parse(data=to_jsonld(g), format="json-ld")
    assert isomorphic(from_turtle, from_jsonld)
    assert len(from_jsonld) == len(g)


def test_same_county_same_iri_across_documents(invented: tuple[Document, Facts]) -> None:
    doc, facts = invented
    other = Document.from_text("镇宁县脱贫攻坚。", name="other")
    g_other = build_graph(other, Facts(jurisdiction=COUNTY))
    g = build_graph(doc, facts)
    county = URIRef("https://w3id.org/fupin-kg/id/area/520423")
    assert (county, RDF.type, FP.AdministrativeDivision) in g_other
    assert (county, RDF.type, FP.AdministrativeDivision) in g


# --- the writers --------------------------------------------------------------------------------

EX = "https://w3id.org/fupin-kg/id/test/"
TRICKY = ['say "hi"\\', "line\nbreak\ttab\r", "\x01\u2028\u2029", "𠀀 汉字 </script>", ""]


def _tricky_triples() -> list[tuple[URIRef, URIRef, URIRef | Literal]]:
    node, other = URIRef(EX + "a"), URIRef(EX + "b/c#d")
    out: list[tuple[URIRef, URIRef, URIRef | Literal]] = [
        (node, RDF.type, FP.Programme),
        (node, RDF.type, URIRef(EX + "Type")),
        (node, FP.partOf, other),
        (other, RDFS.label, Literal("1", datatype=XSD.integer)),
        (other, RDFS.label, Literal("1", lang="en")),
        (other, RDFS.label, URIRef(EX + "1")),
    ]
    for text in TRICKY:
        out += [
            (node, RDFS.label, Literal(text)),
            (node, SKOS.altLabel, Literal(text, lang="zh-Hans")),
            (node, FP.classifier, Literal(text, datatype=XSD.token)),
        ]
    return out


def test_jsonld_nodes_are_written_as_json_dumps_writes_them() -> None:
    lines = to_jsonld(_tricky_triples()).decode().split("\n")
    start = lines.index('  "@graph": [') + 1
    nodes = [line.strip().rstrip(",") for line in lines[start : lines.index("  ]")]]
    assert len(nodes) == 2
    for line in nodes:
        node = json.loads(line)
        assert line == json.dumps(node, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def test_both_writers_parse_back_to_the_same_graph() -> None:
    triples = _tricky_triples()
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    assert isomorphic(Graph().parse(data=to_turtle(triples), format="turtle"), graph)
    assert isomorphic(Graph().parse(data=to_jsonld(triples), format="json-ld"), graph)
    # a graph and its triples in any order are written alike
    assert to_turtle(graph) == to_turtle(list(reversed(triples)))
    assert to_jsonld(graph) == to_jsonld(list(reversed(triples)))


def test_turtle_order_types_first_then_iris_then_literals() -> None:
    text = to_turtle(_tricky_triples()).decode()
    subject = text[text.index("<https://w3id.org/fupin-kg/id/test/a>") :].split("\n")
    assert subject[1:3] == [
        "    a <https://w3id.org/fupin-kg/id/test/Type> ,",
        "        fp:Programme ;",
    ]
    other = text[text.index("<https://w3id.org/fupin-kg/id/test/b/c#d>") :]
    assert other.index("<https://w3id.org/fupin-kg/id/test/1>") < other.index('"1"@en')
    assert other.index('"1"@en') < other.index('"1"^^xsd:integer')


def test_values_repeat_once_as_rdflib_compares_them() -> None:
    node = URIRef(EX + "a")
    triples = [
        (node, RDFS.label, Literal("永胜", lang="zh-Hans")),
        (node, RDFS.label, Literal("永胜", lang="zh-hans")),  # equal in RDF: tags ignore case
        (node, RDFS.label, Literal("永胜", lang="zh-Hans")),
    ]
    assert to_turtle(triples).decode().count("永胜") == 1
    assert to_jsonld(triples).decode().count("永胜") == 1


def test_both_serialisations_at_once_are_the_writers_own() -> None:
    triples = _tricky_triples()
    assert serialisations(triples) == (to_turtle(triples), to_jsonld(triples))


def test_a_list_changed_between_writers_is_written_as_it_is_now() -> None:
    triples = _tricky_triples()
    first = to_turtle(triples)
    triples.append((URIRef(EX + "z"), RDFS.label, Literal("new")))
    assert b'"new"' in to_jsonld(triples)
    assert to_turtle(triples) != first
    triples[-1] = (URIRef(EX + "z"), RDFS.label, Literal("newer"))
    assert b'"newer"' in to_turtle(triples)


def test_blank_nodes_are_refused() -> None:
    from kg.errors import KgError

    for triple in [
        (BNode(), RDFS.label, Literal("x")),
        (URIRef(EX + "a"), RDFS.label, BNode()),
    ]:
        with pytest.raises(KgError, match="no blank nodes"):
            to_turtle([triple])
        with pytest.raises(KgError, match="no blank nodes"):
            to_jsonld([triple])
