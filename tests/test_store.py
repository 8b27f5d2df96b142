"""The embedded store: one named graph per document, idempotent loads, locking, crash safety."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError, StoreBusyError, StoreError, UsageError
from kg.store.backends import (
    EmbeddedStore,
    Rows,
    check_local_query,
    load_files,
    read_graphs,
    sparql_term,
    substitute,
)

FIXTURES = Path(__file__).parent / "fixtures" / "store"
LIJIANG = FIXTURES / "lijiang.ttl"
YULONG = FIXTURES / "yulong.ttl"
HUAPING = FIXTURES / "huaping.nq"
NINGLANG = FIXTURES / "ninglang.jsonld"
ALL = [LIJIANG, YULONG, HUAPING, NINGLANG]
DOC = "https://w3id.org/fupin-kg/id/doc/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KG = [sys.executable, "-c", "from kg.cli import main; main()"]


def graph_sizes(store: EmbeddedStore) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert isinstance(rows, Rows)
    return {g.value: int(n.value) for g, n in rows.rows}  # type: ignore[union-attr]


def test_each_document_gets_its_own_graph(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    loaded = store.load(ALL)
    assert [(g.graph, g.quads, g.replaced) for g in loaded] == [
        (DOC + "1a2b3c4d5e6f7081", 165, False),
        (DOC + "9f8e7d6c5b4a3921", 49, False),
        (DOC + "0011223344556677", 20, False),
        (DOC + "aabbccddeeff0011", 14, False),
    ]
    assert graph_sizes(store) == {g.graph: g.quads for g in loaded}
    assert len(store) == 248  # nothing in the default graph


def test_loading_again_changes_nothing(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.load(ALL)
    before = graph_sizes(store)
    again = store.load(ALL)
    assert all(g.replaced for g in again)
    assert graph_sizes(store) == before
    assert len(store) == 248


def test_reloading_a_document_replaces_its_graph(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.load([LIJIANG, YULONG])
    smaller = tmp_path / "lijiang.ttl"
    text = LIJIANG.read_text(encoding="utf-8")
    smaller.write_text(text.split("# --- a target and an outcome")[0], encoding="utf-8")
    store.load([smaller])
    sizes = graph_sizes(store)
    assert sizes[DOC + "9f8e7d6c5b4a3921"] == 49
    assert sizes[DOC + "1a2b3c4d5e6f7081"] == len(list(ox.parse(path=smaller)))
    assert store.query("ASK { ?o a <https://w3id.org/fupin-kg/ontology#Outcome> }") is False


def test_blank_nodes_are_not_shared_between_documents(tmp_path: Path) -> None:
    copy = tmp_path / "copy.ttl"
    copy.write_text(
        YULONG.read_text(encoding="utf-8").replace("9f8e7d6c5b4a3921", "ffffffffffffffff"),
        encoding="utf-8",
    )
    store = EmbeddedStore(tmp_path / "store")
    store.load([YULONG, copy])
    rows = store.query(
        "SELECT (COUNT(DISTINCT ?m) AS ?n) "
        "WHERE { ?p <http://www.w3.org/ns/prov#wasDerivedFrom> ?m }"
    )
    assert isinstance(rows, Rows)
    assert rows.rows[0][0] == ox.Literal(
        "4", datatype=ox.NamedNode(str(ox.Literal(1).datatype.value))
    )


def test_nquads_keep_their_graphs(tmp_path: Path) -> None:
    graphs = read_graphs(HUAPING)
    assert list(graphs) == [ox.NamedNode(DOC + "0011223344556677")]


def test_jsonld_with_inline_context_loads(tmp_path: Path) -> None:
    (name,) = read_graphs(NINGLANG)
    assert name.value == DOC + "aabbccddeeff0011"


@pytest.mark.parametrize(
    "context",
    [
        '"https://schema.org/"',
        '["https://example.org/context.jsonld", {"fp": "https://w3id.org/fupin-kg/ontology#"}]',
        '{"@import": "https://example.org/context.jsonld"}',
    ],
)
def test_jsonld_remote_context_is_refused(tmp_path: Path, context: str) -> None:
    path = tmp_path / "remote.jsonld"
    path.write_text(
        f'{{"@context": {context}, "@id": "https://w3id.org/fupin-kg/id/doc/1", '
        '"@type": "https://w3id.org/fupin-kg/ontology#Document"}',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="refers to a remote or local document; it is not fetched"):
        read_graphs(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("none.ttl", "<http://e/a> <http://e/p> 1 .", "fp:Document subjects: none"),
        (
            "two.ttl",
            "@prefix fp: <https://w3id.org/fupin-kg/ontology#> . <http://e/a> a fp:Document . "
            "<http://e/b> a fp:Document .",
            "fp:Document subjects: http://e/a, http://e/b",
        ),
        ("bad.ttl", "<http://e/a> <http://e/p> .", "not valid Turtle"),
        ("empty.nq", "", "no triples"),
        ("data.csv", "a,b", "unknown RDF format '.csv'"),
    ],
)
def test_unloadable_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        EmbeddedStore(tmp_path / "store").load([path])


def test_a_bad_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        EmbeddedStore(tmp_path / "store").load([LIJIANG, tmp_path / "missing.ttl"])
    assert not (tmp_path / "store").exists()


def test_querying_no_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        EmbeddedStore(tmp_path / "nothing").query("ASK {}")


def test_load_files_for_kg_build(tmp_path: Path) -> None:
    summary = load_files([LIJIANG, YULONG], store=tmp_path / "store")
    assert str(summary) == "2 graphs (214 quads)"


# --- the CLI -----------------------------------------------------------------------------------


def test_cli_load(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["load", str(LIJIANG), str(YULONG), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"loaded {DOC}1a2b3c4d5e6f7081 (165 quads) from {LIJIANG}\n"
        f"loaded {DOC}9f8e7d6c5b4a3921 (49 quads) from {YULONG}\n"
        f"2 graphs, 214 quads into {store}\n"
    )
    result = CliRunner().invoke(cli, ["load", str(LIJIANG), "--store", str(store)])
    assert result.output.startswith(f"replaced {DOC}1a2b3c4d5e6f7081 (165 quads)")


def test_cli_load_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["load", str(FIXTURES), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0
    assert result.output.endswith(f"4 graphs, 248 quads into {tmp_path / 's'}\n")


def test_cli_load_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["load", str(tmp_path / "missing.ttl"), "--store", "s"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {tmp_path / 'missing.ttl'}: no such file\n",
    )
    result = runner.invoke(cli, ["load", str(LIJIANG), "--store", "s", "--endpoint", "http://x/"])
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --store and --endpoint exclude each other\n",
    )
    result = runner.invoke(cli, ["load", str(LIJIANG), "--endpoint", "file:///etc/passwd"])
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: not an http(s) URL: 'file:///etc/passwd'\n",
    )
    result = runner.invoke(cli, ["load", str(LIJIANG), "--user", "dba"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --graph-store, --user and --password need --endpoint\n"


def test_cli_help_ends_with_an_example() -> None:
    for args in (["load"], ["query"], ["query", "programmes"], ["sparql"]):
        result = CliRunner().invoke(cli, [*args, "--help"])
        assert result.exit_code == 0
        assert re.search(r"\n  Example:\n +kg ", result.output), result.output


# --- text safety -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://x/> { ?s ?p ?o } }",
        "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "LOAD <http://example.org/data.ttl>",
        "SELECT * WHERE { ?s ?p ?o } # comment\nSERVICE",
        "SELECT * WHERE { SERVIC\\u0045 <http://x/> { ?s ?p ?o } }",
    ],
)
def test_fetching_queries_are_refused(query: str) -> None:
    with pytest.raises(UsageError, match="refused"):
        check_local_query(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE FROM LOAD" }',
        "SELECT ?from ?service WHERE { ?from <http://e/load> ?service } # SERVICE",
        "PREFIX from: <http://e/> SELECT * WHERE { ?s from:service ?o }",
    ],
)
def test_harmless_queries_pass(query: str) -> None:
    check_local_query(query)


def test_substitute_writes_values_safely() -> None:
    query = 'SELECT ?name ?x WHERE { ?x ?p ?name . FILTER(?name != "?name") } # ?name'
    out = substitute(query, {"name": ox.Literal('a"} DROP ALL #')})
    assert out == (
        'SELECT ("a\\"} DROP ALL #" AS ?name) ?x WHERE { ?x ?p "a\\"} DROP ALL #" . '
        'FILTER("a\\"} DROP ALL #" != "?name") } # ?name'
    )
    assert sparql_term(ox.Literal("a\\u0022")) is None  # would be a codepoint escape
    assert substitute("SELECT ?n WHERE {?s ?p ?n}", {"n": ox.Literal("\\")}).startswith(
        "SELECT (<urn:kg:unmatchable> AS ?n)"
    )
    assert sparql_term(ox.Literal("永胜", language="zh-Hans")) == '"永胜"@zh-hans'


# --- concurrency and crashes -------------------------------------------------------------------


def test_busy_store_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store"
    holder = ox.Store(str(path))  # this process holds the store
    try:
        result = subprocess.run(
            [*KG, "load", str(LIJIANG), "--store", str(path), "--wait", "0"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        del holder
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: store busy: another kg process is using {path} "
        "(wait for it to finish, or raise --wait)\n"
    )


def test_busy_error_in_process(tmp_path: Path) -> None:
    path = tmp_path / "store"
    holder = ox.Store(str(path))
    try:
        with pytest.raises(StoreBusyError):
            EmbeddedStore(path, wait=0.2).load([LIJIANG])
    finally:
        del holder


def write_documents(folder: Path, count: int, version: int, extra: int) -> list[Path]:
    """``count`` documents; version ``version`` gives each ``extra`` marker triples."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        doc = f"{DOC}{i:016x}"
        lines = [f"<{doc}> <{RDF_TYPE}> <https://w3id.org/fupin-kg/ontology#Document> ."]
        lines += [
            f'<{doc}/fact/{j}> <https://w3id.org/fupin-kg/ontology#version> "{version}" .'
            for j in range(extra)
        ]
        path = folder / f"doc{i:05d}.nt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_two_processes_loading_at_once(tmp_path: Path) -> None:
    path = tmp_path / "store"
    a = write_documents(tmp_path / "a", 40, 1, 200)
    b = write_documents(tmp_path / "b", 40, 2, 100)
    procs = [
        subprocess.Popen(
            [*KG, "load", *map(str, files), "--store", str(path), "--wait", str(wait)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files, wait in ((a, 30), (b, 30))
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    for code, err in outcomes:
        assert code == 0 or (code == 2 and "store busy" in err), err
    assert any(code == 0 for code, _ in outcomes)
    sizes = graph_sizes(EmbeddedStore(path))
    assert len(sizes) == 40
    assert set(sizes.values()) <= {201, 101}  # each document wholly one version


def test_a_killed_load_leaves_documents_whole(tmp_path: Path) -> None:
    path = tmp_path / "store"
    count = 400
    store = EmbeddedStore(path)
    store.load(write_documents(tmp_path / "v1", count, 1, 50))
    v2 = write_documents(tmp_path / "v2", count, 2, 150)
    process = subprocess.Popen(
        [*KG, "load", *map(str, v2), "--store", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # kill once some documents are new, some old
            sizes = graph_sizes(EmbeddedStore(path))  # a fresh read-only view each time
            if any(n == 151 for n in sizes.values()):
                break
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    store = EmbeddedStore(path)
    sizes = graph_sizes(store)
    assert len(sizes) == count
    assert set(sizes.values()) <= {51, 151}
    if 51 in sizes.values():  # the kill usually lands half-way
        assert 151 in sizes.values()
    marker = store.query(
        "SELECT ?g (COUNT(DISTINCT ?v) AS ?n) WHERE { GRAPH ?g "
        "{ ?s <https://w3id.org/fupin-kg/ontology#version> ?v } } GROUP BY ?g HAVING (?n > 1)"
    )
    assert isinstance(marker, Rows) and marker.rows == ()
    EmbeddedStore(path).load(v2[:1])  # and the store still opens for writing


def test_a_bulk_load_is_compacted_and_answers_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = EmbeddedStore(tmp_path / "plain")
    plain.load(ALL)
    monkeypatch.setattr("kg.store.backends.COMPACT_AFTER", 2)
    compacted = EmbeddedStore(tmp_path / "compacted")
    compacted.load(ALL)
    compacted.load(ALL[:2])  # and again, replacing graphs
    assert graph_sizes(compacted) == graph_sizes(plain)
    everything = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = [compacted.query(everything), plain.query(everything)]
    assert all(isinstance(r, Rows) for r in rows)
    as_text = [  # blank nodes get new names in every load
        sorted(str([None if isinstance(t, ox.BlankNode) else t for t in row]) for row in r.rows)  # type: ignore[union-attr]
        for r in rows
    ]
    assert as_text[0] == as_text[1] and len(as_text[0]) == len(compacted)
