"""The embedded store's details index: it answers what labels.rq and evidence.rq answer, is
kept current by loads, and is left unused (the queries answer) whenever it may be out of date."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import InputError, NotFoundError
from kg.store import query
from kg.store.backends import EmbeddedStore
from kg.store.details_index import DELIVERY_VARIABLES, INDEX_FILE, Evidence, Label

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "store"
STORE_FILES = [
    *sorted(FIXTURES.glob("*.ttl")),
    FIXTURES / "huaping.nq",
    FIXTURES / "ninglang.jsonld",
]
SAMPLE = ROOT / "build" / "lijiang-2020-06-10.ttl"
ID = "https://w3id.org/fupin-kg/id/"
EX = "http://example.org/"

PREFIXES = (
    "@prefix fp: <https://w3id.org/fupin-kg/ontology#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
    "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
    "@prefix oa: <http://www.w3.org/ns/oa#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    f"@prefix ex: <{EX}> .\n"
)
# What the shapes would refuse but a store may hold: labels that are no literals, people named
# by foaf:name, a thing labelled in two graphs, a mention with two quotes, one whose offset is
# no integer, one whose quote is no literal, a mention stated in another graph than the claim.
ODD = PREFIXES + (
    "GRAPH ex:g1 {\n"
    "  ex:g1 a fp:Document .\n"
    '  ex:a rdfs:label "甲"@zh-Hans, "甲"@zh-Hant, "Jia"@zh-Latn-pinyin, ex:notALiteral .\n'
    '  ex:p foaf:name "王某" ; rdfs:label "王某"@zh .\n'
    "  ex:a prov:wasDerivedFrom ex:m1, ex:m2, ex:m3, ex:m4 .\n"
    "  ex:m1 oa:hasSource ex:g1 ; oa:hasSelector ex:m1p, ex:m1q .\n"
    '  ex:m1p oa:start "12"^^xsd:nonNegativeInteger ; oa:end "14"^^xsd:nonNegativeInteger .\n'
    '  ex:m1q oa:exact "甲乙" .\n'
    '  ex:m2 oa:hasSource ex:g1 ; oa:hasSelector [ oa:exact "一" ], [ oa:exact "二" ] .\n'
    '  ex:m3 oa:hasSource ex:g1 ; oa:hasSelector [ oa:start "x" ; oa:exact "三" ] .\n'
    "  ex:m4 oa:hasSource ex:g1 ; oa:hasSelector [ oa:exact ex:notAQuote ] .\n"
    "  ex:b prov:wasDerivedFrom ex:m9 .\n"
    '  [] rdfs:label "blank" ; prov:wasDerivedFrom ex:m1 .\n'
    "}\n"
    "GRAPH ex:g2 {\n"
    "  ex:g2 a fp:Document .\n"
    '  ex:a rdfs:label "甲"@zh-Hans, "又名"@zh-Hans .\n'
    '  ex:m9 oa:hasSource ex:g2 ; oa:hasSelector [ oa:exact "别处" ] .\n'
    "}\n"
)
THINGS = [EX + name for name in ("a", "b", "p", "m1", "g1", "nothing")]


def _load(tmp_path: Path, files: list[Path]) -> Path:
    path = tmp_path / "store"
    EmbeddedStore(path).load(files)
    return path


def _odd_file(tmp_path: Path) -> Path:
    path = tmp_path / "odd.trig"
    path.write_text(ODD, encoding="utf-8")
    return path


def _details(
    path: Path, things: list[str]
) -> tuple[dict[str, set[Label]], dict[str, set[Evidence]]]:
    store = EmbeddedStore(path)
    return dict(query._labels(store, set(things))), dict(query._evidence(store, set(things)))


def _without_index(path: Path) -> None:
    (path / INDEX_FILE).unlink()


def _all_things(path: Path) -> list[str]:
    store = ox.Store.read_only(str(path))
    return sorted({q.subject.value for q in store if isinstance(q.subject, ox.NamedNode)})


@pytest.mark.parametrize("files", ["fixtures", "sample", "odd"])
def test_the_index_answers_what_the_queries_answer(tmp_path: Path, files: str) -> None:
    chosen = {"fixtures": STORE_FILES, "sample": [SAMPLE], "odd": [_odd_file(tmp_path)]}[files]
    path = _load(tmp_path, chosen)
    things = _all_things(path) + [EX + "nothing"]
    assert EmbeddedStore(path).details_index() is not None
    indexed = _details(path, things)
    _without_index(path)
    assert EmbeddedStore(path).details_index() is None
    asked = _details(path, things)
    assert indexed == asked
    assert indexed[0] and indexed[1]  # there was something to compare


def test_odd_data_is_indexed_as_the_queries_read_it(tmp_path: Path) -> None:
    path = _load(tmp_path, [_odd_file(tmp_path)])
    labels, evidence = _details(path, THINGS)
    assert labels[EX + "a"] == {
        ("甲", "zh-hans"),
        ("甲", "zh-hant"),
        ("Jia", "zh-latn-pinyin"),
        ("又名", "zh-hans"),
    }
    assert labels[EX + "p"] == {("王某", ""), ("王某", "zh")}
    quotes = evidence[EX + "a"]
    assert Evidence(EX + "g1", 12, "甲乙") in quotes
    assert Evidence(EX + "g1", -1, "三") in quotes  # an offset that is no integer
    assert Evidence(EX + "g1", -1, "二") in quotes  # of two quotes, the greatest
    assert Evidence(EX + "g1", -1, "一") not in quotes
    assert not any(e.quote.endswith("notAQuote") for e in quotes)
    assert EX + "b" not in evidence  # its mention is stated in another graph


def test_answers_are_the_same_with_and_without_the_index(tmp_path: Path) -> None:
    path = _load(tmp_path, STORE_FILES)

    def answers() -> list[object]:
        store = EmbeddedStore(path)
        return [
            query.programmes(store, "丽江市"),
            query.programmes(store, "永胜县"),
            query.observations(store, "丽江市", "Outcome"),
            query.programme_targets(store),
            query.officials(store, "中共丽江市委"),
        ]

    indexed = answers()
    assert indexed[0].records and indexed[4].records  # type: ignore[attr-defined]
    _without_index(path)
    assert answers() == indexed


def test_a_reload_replaces_a_documents_rows(tmp_path: Path) -> None:
    first = _odd_file(tmp_path)
    path = _load(tmp_path, [first])
    first.write_text(ODD.replace('"又名"', '"改名"').replace('"别处"', '"新引文"'), "utf-8")
    EmbeddedStore(path).load([first])
    store = EmbeddedStore(path)
    assert store.details_index() is not None
    labels, evidence = _details(path, THINGS)
    assert ("改名", "zh-hans") in labels[EX + "a"]
    assert ("又名", "zh-hans") not in labels[EX + "a"]
    assert len(labels[EX + "a"]) == 4  # no row left twice


def test_a_graph_loaded_twice_in_one_load_keeps_the_last_rows(tmp_path: Path) -> None:
    first = _odd_file(tmp_path)
    again = tmp_path / "again.trig"
    again.write_text(ODD.replace('"又名"', '"改名"'), "utf-8")
    path = _load(tmp_path, [first, again])
    indexed = _details(path, THINGS)
    assert ("改名", "zh-hans") in indexed[0][EX + "a"]
    assert ("又名", "zh-hans") not in indexed[0][EX + "a"]
    _without_index(path)
    assert _details(path, THINGS) == indexed


def test_a_write_by_another_program_sets_the_index_aside_until_the_next_load(
    tmp_path: Path,
) -> None:
    path = _load(tmp_path, [_odd_file(tmp_path)])
    added = ox.Quad(
        ox.NamedNode(EX + "a"),
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
        ox.Literal("外来", language="zh-Hans"),
        ox.NamedNode(EX + "g2"),
    )
    writer = ox.Store(str(path))
    writer.add(added)
    del writer
    assert EmbeddedStore(path).details_index() is None
    assert ("外来", "zh-hans") in _details(path, THINGS)[0][EX + "a"]  # the query answers

    EmbeddedStore(path).load([FIXTURES / "yulong.ttl"])  # rebuilds the index from the store
    assert EmbeddedStore(path).details_index() is not None
    assert ("外来", "zh-hans") in _details(path, THINGS)[0][EX + "a"]


def test_a_failed_load_leaves_the_index_unused_until_the_next(tmp_path: Path) -> None:
    path = _load(tmp_path, [FIXTURES / "lijiang.ttl"])
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError):
        EmbeddedStore(path).load([FIXTURES / "yulong.ttl", bad])
    store = EmbeddedStore(path)
    assert store.details_index() is None
    yulong = query.programmes(store, "玉龙县").records  # loaded before the bad file
    assert yulong and all(r["evidence"] for r in yulong)

    EmbeddedStore(path).load([FIXTURES / "huaping.nq"])
    store = EmbeddedStore(path)
    assert store.details_index() is not None
    assert query.programmes(store, "玉龙县").records == yulong


def test_a_reader_keeps_to_its_snapshot_when_a_load_changes_the_index(tmp_path: Path) -> None:
    first = _odd_file(tmp_path)
    path = _load(tmp_path, [first])
    reader = EmbeddedStore(path)
    index = reader.details_index()
    assert index is not None
    before = _labels_of(reader)
    first.write_text(ODD.replace('"又名"', '"改名"'), "utf-8")
    EmbeddedStore(path).load([first])
    assert index.labels([EX + "a"]) is None  # the index now describes another snapshot
    assert _labels_of(reader) == before  # the reader's own snapshot answers
    assert ("改名", "zh-hans") in _labels_of(EmbeddedStore(path))


def _labels_of(store: EmbeddedStore) -> set[Label]:
    return set(query._labels(store, {EX + "a"})[EX + "a"])


# --- the names of areas and organisations, for suggestions (issue 16 part 5) -------------------


@pytest.mark.parametrize("files", ["fixtures", "sample"])
def test_the_index_holds_the_names_the_name_queries_answer(tmp_path: Path, files: str) -> None:
    path = _load(tmp_path, {"fixtures": STORE_FILES, "sample": [SAMPLE]}[files])
    index = EmbeddedStore(path).details_index()
    assert index is not None
    indexed = {kind: index.names(kind) for kind in ("area", "organisation")}
    _without_index(path)
    asked = {kind: query._known_names(EmbeddedStore(path), kind) for kind in indexed}
    assert {k: sorted(set(v)) for k, v in asked.items()} == indexed
    assert indexed["area"] and indexed["organisation"]


def test_suggestions_are_the_same_with_and_without_the_index(tmp_path: Path) -> None:
    path = _load(tmp_path, STORE_FILES)

    def suggestions() -> list[str]:
        said = []
        asked = ((query.resolve_area, "永生县"), (query.resolve_organisation, "丽江委"))
        for resolve, name in asked:
            with pytest.raises(NotFoundError) as raised:
                resolve(EmbeddedStore(path), name)
            said.append(str(raised.value))
        return said

    indexed = suggestions()
    assert "closest: 永胜县 (530722)" in indexed[0] and "中共丽江市委" in indexed[1]
    _without_index(path)
    assert suggestions() == indexed


def test_an_index_of_an_older_kg_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    """An index written before it held names records no schema: not used, and the next
    load rebuilds it whole."""
    import sqlite3

    path = _load(tmp_path, STORE_FILES)
    with sqlite3.connect(path / INDEX_FILE) as connection:
        connection.execute("DELETE FROM state WHERE key = 'schema'")
        connection.execute("DELETE FROM names")
    assert EmbeddedStore(path).details_index() is None
    EmbeddedStore(path).load([SAMPLE])
    index = EmbeddedStore(path).details_index()
    assert index is not None
    names = index.names("area")
    assert names is not None
    assert any(value == "永胜县" for _thing, _how, value, _language in names)  # fixtures too


# --- the targets and outcomes of an area, for kg query delivery (issue 15 part 4) ---------------

DELIVERY = Path(__file__).parent / "fixtures" / "delivery"


@pytest.mark.parametrize("files", ["delivery", "sample"])
def test_the_index_holds_what_delivery_rq_answers(tmp_path: Path, files: str) -> None:
    """For every area, the same rows (compared by lexical form: the index keeps a literal's
    lexical form only, which is all kg.store.delivery reads)."""
    chosen = {"delivery": sorted(DELIVERY.glob("*.ttl")), "sample": [SAMPLE]}[files]
    path = _load(tmp_path, chosen)
    store = EmbeddedStore(path)
    index = store.details_index()
    assert index is not None
    areas = query._select(
        store, "is-typed", {"class": ox.NamedNode(query.FP + "AdministrativeDivision")}
    )
    rows = 0
    for _cls, area in areas.rows:
        assert isinstance(area, ox.NamedNode)
        indexed = index.delivery_rows(area.value)
        assert indexed is not None
        asked = query._select(store, "delivery", {"target": area}).dicts()
        assert {_lexical(r) for r in indexed} == {_lexical(r) for r in asked}
        rows += len(indexed)
    assert rows


def _lexical(row: dict[str, object]) -> tuple[str, ...]:
    return tuple(
        ("<" if isinstance(v, ox.NamedNode) else "") + query._value(v)
        for v in (row[k] for k in DELIVERY_VARIABLES)
    )
