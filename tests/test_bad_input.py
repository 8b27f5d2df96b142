"""Bad input: each gets one clear line on stderr and its exit code, never a traceback.

docs/bad-inputs.md lists these cases with what each gets.  Anything that would be fetched is
served on a loopback HTTP server that records requests: none may arrive.
"""

from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import threading
import tracemalloc
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shapes"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: ")
    return lines[0]


# --- a loopback server that records every request -----------------------------------------------


@dataclass
class Loopback:
    base: str
    requests: list[str] = field(default_factory=list)

    def check_it_listens(self) -> None:
        """Prove the server would have seen a fetch: one direct request, recorded."""
        before = len(self.requests)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.base + "/probe", timeout=5) as response:
            response.read()
        assert len(self.requests) == before + 1


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    server_state = Loopback("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            server_state.requests.append(self.path)
            body = b'{"@context": {"name": "http://xmlns.com/foaf/0.1/name"}}'
            if self.path.endswith(".ttl"):
                body = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> ."
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server_state.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield server_state
    finally:
        server.shutdown()
        server.server_close()


# --- empty, binary, encodings, size ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.ttl", "empty.jsonld", "empty.nq"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    code, _, err = run("validate", str(path))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {path}: empty file")


@pytest.mark.parametrize("command", ["build", "validate"])
def test_binary_file(tmp_path: Path, command: str) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    args = [command, str(path)] + (["--no-store", "-o", str(tmp_path / "o")] * (command == "build"))
    code, _, err = run(*args)
    assert code == 2
    assert one_error_line(err) == f"Error: {path}: binary file, not a text article"


def test_binary_rdf_file(tmp_path: Path) -> None:
    path = tmp_path / "data.ttl"
    path.write_bytes(b"\x00\x01\x02garbage" * 100)
    code, _, err = run("validate", str(path))
    assert code == 2
    assert one_error_line(err) == f"Error: {path}: binary file, not turtle"


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_articles_in_chinese_encodings_work(tmp_path: Path, encoding: str) -> None:
    text = (
        "永勝縣脫貧攻堅取得決定性成就。" if encoding == "big5" else "永胜县脱贫攻坚取得决定性成就。"
    )
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    code, out, err = run("validate", str(path))
    assert code in (0, 1), err
    assert err == ""
    assert out.startswith(f"{path}: ")
    code, out, err = run("build", "--no-store", "-o", str(tmp_path / "out"), str(path))
    assert code in (0, 1), err
    turtle = (tmp_path / "out" / f"{encoding}.ttl").read_text(encoding="utf-8")
    assert f'fp:encoding "{encoding}"' in turtle


def test_a_20_mb_article_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    from kg.text.read import MAX_BYTES

    path = tmp_path / "huge.txt"
    line = "永胜县脱贫攻坚取得决定性成就。\n".encode()
    with path.open("wb") as out:
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            out.write(line)
    size = path.stat().st_size
    assert size > MAX_BYTES
    tracemalloc.start()
    try:
        code, _, err = run("validate", str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert code == 2
    limit = MAX_BYTES // (1024 * 1024)
    assert one_error_line(err) == (
        f"Error: {path}: {size} bytes is over the {limit} MiB limit for one article "
        "(split it into articles)"
    )
    assert peak < 4 * 1024 * 1024  # the file is never read into memory


def test_an_oversized_rdf_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.rdf.rdfio

    monkeypatch.setattr(kg.rdf.rdfio, "MAX_RDF_BYTES", 1024)
    path = tmp_path / "big.nt"
    path.write_bytes(b"<http://a> <http://b> <http://c> .\n" * 100)
    code, _, err = run("validate", str(path))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {path}: 3500 bytes is over the ")
    assert err.rstrip().endswith("limit for one RDF file (split it into one file per document)")


# --- malformed RDF: line and column ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "bad.ttl",
            '@prefix ex: <http://example.org/> .\nex:a ex:b "永胜县" ; ex:c ex:d ex:e .\n',
            "line 2, column 29: A dot is expected at the end of statements",
        ),
        (
            "unterminated.ttl",
            '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;\n  ex:d "x .\n',
            "line 3, column 8: Unexpected end of file",
        ),
        (
            "bad.nq",
            "<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> c .\n",
            "line 2, column 23: The object of a triple must be an IRI, a blank node or a literal",
        ),
        (
            "bad.jsonld",
            '{"@context": {"name": "http://xmlns.com/foaf/0.1/name"},\n "@id": "http://a",\n'
            ' "name": "张明"\n',
            "line 4, column 1: invalid JSON (Expecting ',' delimiter)",
        ),
        (
            "bad.nt",
            '<http://a> <http://b> "unterminated .\n',
            "line 1, column 23",
        ),
    ],
)
def test_malformed_rdf_exits_2_with_line_and_column(
    tmp_path: Path, name: str, data: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 2
    assert out == ""
    assert one_error_line(err).startswith(f"Error: {path}: {expected}")


def test_malformed_json_ld_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonld"
    path.write_bytes(b'{"@id": "http://a",\n "http://b": "caf\xe9"}')
    code, _, err = run("validate", str(path))
    assert code == 2
    assert one_error_line(err) == f"Error: {path}: line 2, column 18: not UTF-8"


# --- nothing is fetched --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "context",
    [
        '"{base}/context.jsonld"',
        '["{base}/context.jsonld", {{"name": "http://xmlns.com/foaf/0.1/name"}}]',
        '{{"@import": "{base}/context.jsonld"}}',
    ],
)
def test_jsonld_with_a_url_context_is_refused_unfetched(
    tmp_path: Path, loopback: Loopback, context: str
) -> None:
    path = tmp_path / "remote.jsonld"
    ctx = context.format(base=loopback.base)
    path.write_text(f'{{"@context": {ctx}, "@id": "http://a", "name": "x"}}', encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 2
    line = one_error_line(err)
    assert "is not fetched" in line and "embed the context" in line
    assert loopback.requests == []
    loopback.check_it_listens()


def test_jsonld_nested_url_context_is_refused_unfetched(tmp_path: Path, loopback: Loopback) -> None:
    path = tmp_path / "nested.jsonld"
    path.write_text(
        '{"@id": "http://a", "http://b": {"@context": "' + loopback.base + '/c.jsonld",'
        ' "@id": "http://c"}}',
        encoding="utf-8",
    )
    code, _, err = run("validate", str(path))
    assert code == 2
    assert "is not fetched" in one_error_line(err)
    assert loopback.requests == []


def test_the_parser_itself_does_not_fetch(loopback: Loopback) -> None:
    """Below the check, Oxigraph's JSON-LD parser has no document loader: it refuses too."""
    import pyoxigraph

    data = f'{{"@context": "{loopback.base}/context.jsonld", "@id": "http://a"}}'.encode()
    with pytest.raises(SyntaxError):
        list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.JSON_LD))
    assert loopback.requests == []


def test_data_with_owl_imports_is_not_followed(tmp_path: Path, loopback: Loopback) -> None:
    path = tmp_path / "imports.ttl"
    data = (FIXTURES / "valid.ttl").read_text(encoding="utf-8")
    owl_imports = "<http://www.w3.org/2002/07/owl#imports>"
    data += f"\n<https://w3id.org/fupin-kg/id/doc> {owl_imports} <{loopback.base}/more.ttl> .\n"
    path.write_text(data, encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 0, out + err
    assert loopback.requests == []
    loopback.check_it_listens()


def test_shapes_with_owl_imports_are_not_followed(loopback: Loopback) -> None:
    from kg.rdf.rdfio import read_rdf
    from kg.validate.validation import validate

    shapes = Graph().parse(
        data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        <http://example.org/shapes> a owl:Ontology ; owl:imports <{loopback.base}/shapes.ttl> .
        <http://example.org/S> a sh:NodeShape ;
            sh:targetClass <http://xmlns.com/foaf/0.1/Person> .
        """,
        format="turtle",
    )
    validation = validate(read_rdf(FIXTURES / "valid.ttl"), shapes)
    assert validation.conforms
    assert loopback.requests == []


@pytest.mark.parametrize("keyword", ["SERVICE", "FROM"])
def test_extra_shapes_with_remote_sparql_are_refused(loopback: Loopback, keyword: str) -> None:
    from kg.errors import KgError
    from kg.rdf.rdfio import read_rdf
    from kg.validate.validation import validate

    clause = (
        f"SERVICE <{loopback.base}/sparql> {{ ?s ?p ?o }}" if keyword == "SERVICE" else "?s ?p ?o"
    )
    select = f"SELECT $this WHERE {{ {clause} }}"
    if keyword == "FROM":
        select = f"SELECT $this FROM <{loopback.base}/g.ttl> WHERE {{ {clause} }}"
    shapes = Graph().parse(
        data=f'''
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <http://example.org/S> a sh:NodeShape ;
            sh:targetClass <http://xmlns.com/foaf/0.1/Person> ;
            sh:sparql [ sh:select """{select}""" ] .
        ''',
        format="turtle",
    )
    with pytest.raises(KgError, match=f"shapes refused: SPARQL with {keyword}"):
        validate(read_rdf(FIXTURES / "valid.ttl"), shapes)
    assert loopback.requests == []


# --- formats that are not accepted ---------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:b>&lol9;</ex:b></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize("suffix", [".rdf", ".xml", ".owl"])
def test_rdf_xml_is_not_accepted(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"lolz{suffix}"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 2
    assert one_error_line(err) == (
        f"Error: {path}: RDF/XML is not accepted (XML entity expansion is not safe) "
        "(convert it to one of .ttl, .nt, .nq, .jsonld)"
    )


def test_rdf_xml_named_ttl_is_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "lolz.ttl"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {path}: line 1, column ")


@pytest.mark.parametrize("name", ["data.csv", "README", "data.json"])
def test_unknown_file_types(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("a,b\n", encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {path}: ")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path / "missing.ttl"))
    assert code == 2
    assert one_error_line(err) == f"Error: {tmp_path / 'missing.ttl'}: no such file"
    code, _, err = run("validate", str(tmp_path))
    assert code == 2
    assert "is a folder" in one_error_line(err)


def test_one_bad_file_among_good_ones_exits_2_and_still_reports_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    code, out, err = run("validate", str(FIXTURES / "valid.ttl"), str(bad))
    assert code == 2
    assert out.startswith(f"{FIXTURES / 'valid.ttl'}: conforms")
    assert one_error_line(err).startswith(f"Error: {bad}: line 1, column ")


# --- the store's SPARQL ---------------------------------------------------------------------------


def _has_command(name: str) -> bool:
    return name in cli.list_commands(click.Context(cli))


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE {{ SERVICE <{base}/sparql> {{ ?s ?p ?o }} }}",
        "LOAD <{base}/data.ttl>",
        "SELECT * FROM <{base}/data.ttl> WHERE {{ ?s ?p ?o }}",
    ],
)
def test_sparql_refuses_service_and_load(tmp_path: Path, loopback: Loopback, query: str) -> None:
    if not _has_command("sparql"):
        pytest.xfail("kg sparql is not written yet (kg/cli/store.py)")
    code, _, err = run(
        "sparql", "--store", str(tmp_path / "store"), query.format(base=loopback.base)
    )
    assert code == 2
    assert one_error_line(err).startswith("Error: refused: ")
    assert loopback.requests == []


# --- outputs that cannot be written -------------------------------------------------------------


def test_unwritable_report_folder_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out, err = run(
        "validate", str(FIXTURES / "valid.ttl"), "--report", str(blocker / "r.ttl")
    )
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {blocker}: cannot write")
    assert not list(tmp_path.glob("**/*.tmp"))


def test_unwritable_build_folder_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    article = tmp_path / "a.txt"
    article.write_text("永胜县脱贫攻坚取得决定性成就。", encoding="utf-8")
    code, _, err = run("build", "--no-store", "-o", str(blocker / "sub"), str(article))
    assert code == 2
    assert "cannot write" in one_error_line(err)


# --- a real process: exit codes and stderr as a user sees them -----------------------------------


def _kg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = shutil.which("kg")
    command = [script] if script else [sys.executable, "-c", "from kg.cli import main; main()"]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
    )


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("bad.ttl", b"@prefix : <http://e/> .\n:a :b", 2),
        ("lolz.rdf", BILLION_LAUGHS.encode(), 2),
        ("binary.txt", b"\x00\x01\x02\x03" * 64, 2),
        ("valid.ttl", (FIXTURES / "valid.ttl").read_bytes(), 0),
        ("broken.ttl", (FIXTURES / "post-no-role.fail.ttl").read_bytes(), 1),
    ],
)
def test_in_a_real_process(tmp_path: Path, name: str, data: bytes, code: int) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    done = _kg("validate", str(path), cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    if code == 2:
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("Error: ")
    else:
        assert done.stderr == ""
