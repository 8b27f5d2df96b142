"""Remote stores over HTTP: Oxigraph's server (everywhere) and Virtuoso (where installed).

The same fixture documents are loaded with the Graph Store Protocol and asked the same
questions as the embedded store; answers must match it exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from servers import Server, free_port, oxigraph_server, virtuoso_server
from test_query import many_documents

from kg.cli import cli
from kg.store.backends import EmbeddedStore, RemoteStore, Rows

__all__ = ["oxigraph_server", "virtuoso_server"]  # fixtures used by name below

FIXTURES = Path(__file__).parent / "fixtures" / "store"
FILES = [
    FIXTURES / "lijiang.ttl",
    FIXTURES / "yulong.ttl",
    FIXTURES / "huaping.nq",
    FIXTURES / "ninglang.jsonld",
]
SIZES = {
    "https://w3id.org/fupin-kg/id/doc/1a2b3c4d5e6f7081": 165,
    "https://w3id.org/fupin-kg/id/doc/9f8e7d6c5b4a3921": 49,
    "https://w3id.org/fupin-kg/id/doc/0011223344556677": 20,
    "https://w3id.org/fupin-kg/id/doc/aabbccddeeff0011": 14,
}


@pytest.fixture(params=["oxigraph_server", "virtuoso_server"])
def server(request: pytest.FixtureRequest) -> Server:
    server: Server = request.getfixturevalue(request.param)
    return server


def endpoint_args(server: Server) -> list[str]:
    args = ["--endpoint", server.endpoint]
    if server.user is not None and server.password is not None:
        args += ["--user", server.user, "--password", server.password]
    return args


def kg(server: Server, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, *endpoint_args(server)])


def remote(server: Server) -> RemoteStore:
    return RemoteStore(server.endpoint, user=server.user, password=server.password)


def graph_sizes(server: Server) -> dict[str, int]:
    answer = remote(server).query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        'FILTER(STRSTARTS(STR(?g), "https://w3id.org/fupin-kg/id/doc/")) } GROUP BY ?g'
    )
    assert isinstance(answer, Rows)
    return {g.value: int(n.value) for g, n in answer.rows}  # type: ignore[union-attr]


@pytest.fixture
def loaded(server: Server) -> Server:
    result = kg(server, "load", *map(str, FILES))
    assert result.exit_code == 0, result.output
    return server


def test_load_puts_each_document_in_its_graph(loaded: Server) -> None:
    assert graph_sizes(loaded) == SIZES


def test_loading_again_changes_nothing(loaded: Server) -> None:
    result = kg(loaded, "load", *map(str, FILES))
    assert result.exit_code == 0
    assert result.stdout.endswith(f"4 graphs, 248 quads into {loaded.endpoint}\n")
    assert graph_sizes(loaded) == SIZES


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("embedded") / "store"
    EmbeddedStore(path).load(FILES)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["query", "programmes", "--area", "永勝縣", "--format", "json"],
        ["query", "programmes", "--area", "玉龍縣", "--format", "json"],
        ["query", "programmes", "--area", "530700", "--format", "csv"],
        ["query", "programmes", "--area", "程海镇"],
        ["query", "outcomes", "--area", "丽江", "--format", "json"],
        ["query", "targets", "--area", "永胜"],
        ["query", "targets", "--format", "json"],
        ["query", "officials", "--org", "中共麗江市委", "--format", "json"],
        ["sparql", "SELECT ?l WHERE { ?a skos:notation '530722' ; rdfs:label ?l }"],
        ["sparql", "ASK { ?p fp:targetsArea <https://w3id.org/fupin-kg/id/area/530721> }"],
    ],
)
def test_same_answers_as_the_embedded_store(
    loaded: Server, embedded: Path, args: list[str]
) -> None:
    here = CliRunner().invoke(cli, [*args, "--store", str(embedded)])
    there = kg(loaded, *args)
    assert (there.exit_code, there.stdout) == (here.exit_code, here.stdout)
    assert here.exit_code == 0


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return many_documents(tmp_path_factory.mktemp("many") / "docs")


@pytest.fixture(scope="module")
def many_embedded(tmp_path_factory: pytest.TempPathFactory, many_files: list[Path]) -> Path:
    path = tmp_path_factory.mktemp("many-embedded") / "store"
    EmbeddedStore(path).load(many_files)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["query", "programmes", "--area", "990100", "--format", "json"],
        ["query", "programmes", "--area", "试验州", "--format", "csv"],
        ["query", "programmes", "--area", "990201"],
    ],
)
def test_one_programme_in_many_documents_as_embedded(
    server: Server, many_files: list[Path], many_embedded: Path, args: list[str]
) -> None:
    """Evidence from several documents, untyped selectors, deep and looping hierarchies."""
    result = kg(server, "load", *map(str, many_files))
    assert result.exit_code == 0, result.output
    here = CliRunner().invoke(cli, [*args, "--store", str(many_embedded)])
    there = kg(server, *args)
    assert (there.exit_code, there.stdout) == (here.exit_code, here.stdout)
    assert here.exit_code == 0
    assert len(here.stdout.splitlines()) > 2  # not an empty answer


def test_unknown_and_hostile_names(loaded: Server) -> None:
    result = kg(loaded, "query", "programmes", "--area", "永生县")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no area named '永生县'; closest: 永胜县 (530722)\n",
    )
    for name in ['永胜县" } ; DROP ALL ; #', "\\u0022 } DROP ALL #", "?area"]:
        result = kg(loaded, "query", "programmes", "--area", name)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: no area named {name!r}")
    assert graph_sizes(loaded) == SIZES


def test_json_keys(loaded: Server) -> None:
    result = kg(loaded, "query", "programmes", "--area", "永胜", "--format", "json")
    answer = json.loads(result.stdout)
    assert [r["match"] for r in answer] == ["direct", "within", "contains"]
    assert set(answer[0]) >= {"programme", "label", "match", "area", "evidence"}


def test_virtuoso_needs_credentials(virtuoso_server: Server) -> None:
    runner = CliRunner()
    args = ["load", str(FILES[0]), "--endpoint", virtuoso_server.endpoint]
    result = runner.invoke(cli, [*args, "--user", "dba", "--password", "wrong"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {virtuoso_server.graph_store} refused access (401) "
        "(give --user/--password or KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD)\n"
    )
    env = {"KG_ENDPOINT_USER": "dba", "KG_ENDPOINT_PASSWORD": "dba"}
    result = runner.invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output


def test_unreachable_endpoint() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = CliRunner().invoke(cli, ["query", "programmes", "--area", "永胜", "--endpoint", url])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: cannot reach {url}: ")
    assert result.stderr.count("\n") == 1


def test_sparql_errors_are_one_line(loaded: Server) -> None:
    result = kg(loaded, "sparql", "SELECT * WHERE { ?s ?p }")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {loaded.endpoint} answered 400")
    assert result.stderr.count("\n") == 1


DELIVERY = sorted((Path(__file__).parent / "fixtures" / "delivery").glob("*.ttl"))


@pytest.fixture(scope="module")
def delivery_embedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("delivery-embedded") / "store"
    EmbeddedStore(path).load(DELIVERY)
    return path


def test_delivery_as_embedded(server: Server, delivery_embedded: Path) -> None:
    """delivery.rq answers a remote store as the embedded one: periods, dates, concepts."""
    result = kg(server, "load", *map(str, DELIVERY))
    assert result.exit_code == 0, result.output
    for args in (
        ["query", "delivery", "--area", "试验市", "--format", "json"],
        ["query", "delivery", "--area", "990101", "--indicator", "GDP"],
    ):
        here = CliRunner().invoke(cli, [*args, "--store", str(delivery_embedded)])
        there = kg(server, *args)
        assert (there.exit_code, there.stdout) == (here.exit_code, here.stdout)
        assert here.exit_code == 0
        assert "missed" in here.stdout  # the county's target: verdicts, not only unknowns
