"""Bad input, second round (issue 16): no silent loss, no unbounded time or memory, no internal
errors.  docs/bad-inputs.md lists each case with what it gets."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.boilerplate import boilerplate_spans
from kg.resources import SAMPLE_ARTICLE
from kg.text.document import Document
from tests.test_bad_input import one_error_line, run

ARTICLE = "丽江市永胜县脱贫攻坚取得决定性成就，全县贫困发生率降至0.5%。\n"


# --- 1. output names keep the whole stem; collisions are of the names written -------------------


@pytest.mark.parametrize(
    ("names", "written"),
    [
        (("r.v1.txt", "r.v2.txt"), ("r.v1", "r.v2")),
        (("x.ttl.txt", "x.txt"), ("x.ttl", "x")),
        (("a.txt", "a.zh-Hans.txt"), ("a", "a.zh-Hans")),
    ],
)
def test_dotted_names_write_their_own_outputs(
    tmp_path: Path, names: tuple[str, str], written: tuple[str, str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(names):
        (folder / name).write_text(f"第{number + 1}篇。{ARTICLE}", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = run("build", "--no-store", "-o", str(out), str(folder))
    assert code == 0, err
    assert "2 built" in stdout
    for stem in written:
        assert (out / f"{stem}.ttl").is_file()
        assert (out / f"{stem}.jsonld").is_file()
    assert len(list(out.glob("*.ttl"))) == 2


def test_two_inputs_writing_one_name_are_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "a.report.txt"
    for path in (first, second):
        path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("build", "--no-store", "-o", str(tmp_path / "out"), str(first), str(second))
    assert code == 2
    assert one_error_line(err) == (
        f"Error: {first} and {second} would both write a.report.ttl "
        "(rename one or build them into different folders)"
    )


def test_report_collisions_name_the_html_page(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first, second = tmp_path / "one" / "a.txt", tmp_path / "two" / "a.txt"
    for path in (first, second):
        path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("report", "-o", str(tmp_path / "out"), str(first), str(second))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {first} and {second} would both write a.html")


# --- 7. spreadsheet formulas in CSV ---------------------------------------------------------------


def test_export_csv_neutralises_a_quote_that_starts_a_formula(tmp_path: Path) -> None:
    article = tmp_path / "formula.txt"
    article.write_text("@SUM(1)全县新建厂房12个。\n", encoding="utf-8")
    out = tmp_path / "rows.csv"
    code, _, err = run("export", str(article), "--csv", str(out))
    assert code == 0, err
    (row,) = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert row["quote"] == "'@SUM(1)全县新建厂房12个"
    assert row["value"] == "12"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start: str) -> None:
    from kg.review.export import COLUMNS, to_csv

    row = dict.fromkeys(COLUMNS, "")
    row |= {"quote": f"{start}cmd|' /C calc'!A0", "value": "-3", "area": "永胜县"}
    (parsed,) = list(csv.DictReader(to_csv([row]).decode("utf-8-sig").splitlines(True)))
    assert parsed["quote"] == f"'{start}cmd|' /C calc'!A0"
    assert parsed["value"] == "-3"  # a number stays a number
    assert parsed["area"] == "永胜县"


# --- 3. size limits that hold; pipes and devices refused by name ---------------------------------


@pytest.mark.parametrize(
    ("command", "name"),
    [("build", "zero.txt"), ("validate", "zero.txt"), ("validate", "zero.ttl"), ("load", "z.ttl")],
)
def test_a_symlink_to_dev_zero_is_refused_by_name(tmp_path: Path, command: str, name: str) -> None:
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    extra = {"build": ["--no-store", "-o", str(tmp_path / "o")], "load": ["--store"]}
    args = [command, *extra.get(command, []), str(link)]
    if command == "load":
        args.insert(2, str(tmp_path / "store"))
    code, _, err = run(*args)
    assert code == 2
    kind = "an article" if name.endswith(".txt") else "an RDF file"
    assert one_error_line(err) == (
        f"Error: {link}: is a character device, not a regular file (give {kind})"
    )


@pytest.mark.parametrize("command", ["build", "validate", "load"])
def test_a_fifo_is_refused_by_name_without_waiting_for_a_writer(
    tmp_path: Path, command: str
) -> None:
    fifo = tmp_path / ("pipe.ttl" if command == "load" else "pipe.txt")
    os.mkfifo(fifo)
    args = {
        "build": ["build", "--no-store", "-o", str(tmp_path / "o")],
        "validate": ["validate"],
        "load": ["load", "--store", str(tmp_path / "store")],
    }[command]
    code, _, err = run(*args, str(fifo))
    assert code == 2
    assert "is a named pipe (FIFO), not a regular file" in one_error_line(err)


def test_a_folder_with_a_pipe_named_txt_reports_it(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "in" / "b.txt")
    code, out, err = run("build", "--no-store", "-o", str(tmp_path / "o"), str(tmp_path / "in"))
    assert code == 2
    assert "b.txt: is a named pipe (FIFO)" in one_error_line(err)
    assert "1 built, 0 not conforming, 1 failed" in out


def test_at_most_limit_plus_one_bytes_are_read_whatever_stat_says() -> None:
    from kg.errors import InputError
    from kg.text.read import read_bytes

    status = Path("/proc/self/status")  # stat says 0 bytes; it holds more than 64
    assert status.stat().st_size == 0
    with pytest.raises(InputError, match=r"status: more than 64 bytes is over the 0 MiB limit"):
        read_bytes(status, 64, "article", "split it")


def test_kg_load_has_the_rdf_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.rdf.rdfio

    monkeypatch.setattr(kg.rdf.rdfio, "MAX_RDF_BYTES", 1024)
    path = tmp_path / "big.nq"
    path.write_bytes(b"<http://a> <http://b> <http://c> <http://g> .\n" * 100)
    code, _, err = run("load", "--store", str(tmp_path / "store"), str(path))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {path}: 4600 bytes is over the 0 MiB limit")


# --- 6. no internal errors ------------------------------------------------------------------------


def _kg(*args: str) -> subprocess.Popen[bytes]:
    """``kg`` in a real process (``python -c``, so a checkout needs no install)."""
    command = [sys.executable, "-c", "from kg.cli import main; main()", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("command", ["validate", "load"])
def test_a_literal_over_the_parsers_buffer(tmp_path: Path, command: str) -> None:
    path = tmp_path / "big.nt"
    path.write_bytes(b'<http://a> <http://b> "' + b"x" * (17 * 1024 * 1024) + b'" .\n')
    args = [command, str(path)] + (["--store", str(tmp_path / "s")] if command == "load" else [])
    code, _, err = run(*args)
    assert code == 2
    assert one_error_line(err) == (
        f"Error: {path}: a literal or IRI is longer than the parser's 16 MiB limit for one term"
    )


@pytest.mark.parametrize("command", ["validate", "load"])
def test_deeply_nested_jsonld(tmp_path: Path, command: str) -> None:
    path = tmp_path / "deep.jsonld"
    depth = 100_000
    path.write_text('{"@id": "http://a", "http://b": ' * depth + "{}" + "}" * depth)
    args = [command, str(path)] + (["--store", str(tmp_path / "s")] if command == "load" else [])
    code, _, err = run(*args)
    assert code == 2
    assert one_error_line(err) == f"Error: {path}: JSON nested too deeply"


def test_an_argument_that_is_not_utf8(tmp_path: Path) -> None:
    area = os.fsdecode(b"\xff\xfe")
    process = _kg("query", "programmes", "--store", str(tmp_path / "s"), "--area", area)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.decode().splitlines() == [
        "Error: the argument '\\xff\\xfe' is not valid UTF-8 (give names and queries in UTF-8; "
        "check the terminal's encoding)"
    ]


def test_output_into_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    """``kg sparql … | head -0``: the reader is gone before the first write."""
    code, _, err = run("build", "-o", str(tmp_path / "b"), "--store", str(tmp_path / "s"))
    assert code == 0, err
    process = _kg("sparql", "--store", str(tmp_path / "s"), "SELECT * WHERE { ?s ?p ?o }")
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert err == b""


# --- 2. boilerplate drops its span, not the line -------------------------------------------------


def test_the_sample_without_line_breaks_keeps_its_facts() -> None:
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8").replace("\n", "")
    facts = extract(Document.from_text(text))
    assert len(facts.measurements) >= 30  # 38 with its line breaks
    assert facts.boilerplate_share < 0.1  # the notices at the end


def test_a_counter_in_a_sentence_drops_only_its_clause() -> None:
    doc = Document.from_text(
        "标题\n阅读量：1234，全市累计脱贫4.43万户。新闻热线： 0888-5122344 扫码关注"
    )
    spans = [doc.text[s:e] for s, e in boilerplate_spans(doc)]
    assert spans == ["阅读量：1234", "新闻热线： 0888-5122344", "扫码关注"]
    assert [q.span.written for q in extract(doc).quantities] == ["4.43万户"]


def test_an_article_that_is_mostly_boilerplate_says_so(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    notice = "版权所有：丽江市融媒体中心 阅读量：1234 新闻热线：0888-5122344 扫码关注\n"
    path.write_text("标题\n全市脱贫100户。\n" + notice * 5, encoding="utf-8")
    code, out, err = run("build", "--no-store", "-o", str(tmp_path / "out"), str(path))
    assert code in (0, 1), err
    assert "% of the text is page boilerplate (notices, hotlines, counters), not read" in out


# --- 8. kg sparql: updates refused by name, positions in the user's lines, --timeout -------------


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sparql")
    code, _, err = run("build", "-o", str(folder / "b"), "--store", str(folder / "s"))
    assert code == 0, err
    return folder / "s"


@pytest.mark.parametrize(
    ("update", "word"),
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "INSERT"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE"),
        ("CLEAR ALL", "CLEAR"),
        ("drop graph <http://a>", "DROP"),
        ("PREFIX x: <http://x#>\nWITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
    ],
)
def test_sparql_refuses_updates_by_name(sample_store: Path, update: str, word: str) -> None:
    code, _, err = run("sparql", "--store", str(sample_store), update)
    assert code == 2
    assert one_error_line(err) == (
        f"Error: refused: {word} is an update; kg sparql only reads (SELECT, CONSTRUCT, ASK, "
        "DESCRIBE) (change the store with kg load)"
    )


def test_sparql_error_positions_are_in_the_users_lines(sample_store: Path) -> None:
    code, _, err = run("sparql", "--store", str(sample_store), "SELECT *\nWHERE { ?s ?p }")
    assert code == 2
    assert one_error_line(err).startswith("Error: invalid SPARQL: line 2, column 16: expected ")


def test_sparql_timeout_stops_a_runaway_query(sample_store: Path) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # billions of rows
    code, _, err = run("sparql", "--store", str(sample_store), "--timeout", "0.5", runaway)
    assert code == 2
    assert one_error_line(err) == (
        "Error: the query ran for 0.5 s and was stopped (narrow it, or give a longer --timeout)"
    )


def test_sparql_within_its_timeout_answers_and_passes_errors_on(sample_store: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    code, out, err = run("sparql", "--store", str(sample_store), "--format", "csv", count)
    assert code == 0, err
    assert out.splitlines()[0] == "n" and int(out.splitlines()[1]) > 1000
    code, _, err = run("sparql", "--store", str(sample_store.parent / "none"), count)
    assert code == 2
    assert one_error_line(err).startswith("Error: no store at ")


# --- 9. messages: one document in two files, UTF-16, a stray byte, write errors ------------------


def test_load_of_a_ttl_and_a_jsonld_of_one_document_counts_it_once(tmp_path: Path) -> None:
    code, out, err = run("load", "--store", str(tmp_path / "s"), "build")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1].endswith(": the same document as build/lijiang-2020-06-10.jsonld")
    quads = int(lines[0].split("(")[1].split()[0])
    assert lines[-1] == f"1 graphs, {quads} quads into {tmp_path / 's'}"
    assert "note: 1 of the 2 graphs read repeat a document read from another file" in err


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (ARTICLE.encode("utf-16"), "utf-16"),  # little-endian, with its BOM
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("utf-32"), "utf-32"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32"],
)
def test_an_article_in_utf16_with_a_bom_is_read(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    doc = Document.from_path(path)
    assert (doc.original, doc.encoding) == (ARTICLE, encoding)


def test_rdf_in_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "r.ttl"
    path.write_bytes("<http://a> <http://b> <http://c> .\n".encode("utf-16"))
    for args in (["validate", str(path)], ["load", "--store", str(tmp_path / "s"), str(path)]):
        code, _, err = run(*args)
        assert code == 2
        assert one_error_line(err) == (
            f"Error: {path}: UTF-16 or UTF-32 text (byte order mark); RDF files are read as "
            "UTF-8 (convert it to UTF-8)"
        )


def test_a_stray_byte_is_decoded_as_a_repair_and_said(tmp_path: Path) -> None:
    raw = ARTICLE.encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(raw[:9] + b"\xff" + raw[9:])  # between 丽江市 and 永胜县
    doc = Document.from_path(path)
    assert doc.encoding == "utf-8"
    assert [(r.kind, r.start) for r in doc.normalised.repairs] == [("undecodable", 3)]
    code, out, err = run("build", "--no-store", "-o", str(tmp_path / "out"), str(path))
    assert code in (0, 1), err
    assert "1 undecodable byte read as U+FFFD and kept out of the facts" in out
    code, _, err = run("validate", str(path))
    assert code in (0, 1)
    assert err == f"note: {path}: 1 undecodable byte read as U+FFFD and kept out of the facts\n"


def test_many_stray_bytes_are_still_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff".join(ARTICLE.encode("utf-8")[i : i + 3] for i in range(0, 60, 3)))
    code, _, err = run("validate", str(path))
    assert code == 2
    assert "cannot decode as UTF-8, GB18030 or Big5" in one_error_line(err)


def test_a_report_under_a_file_names_that_file(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    code, _, err = run("validate", "build/lijiang-2020-06-10.ttl", "--report", f"{afile}/r.ttl")
    assert code == 2
    assert one_error_line(err) == (
        f"Error: {afile}: cannot write r.ttl (it is a file, not a folder)"
    )


def test_an_output_that_is_a_pipe_is_refused_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    code, _, err = run("export", "--csv", str(fifo))
    assert code == 2
    assert one_error_line(err) == (
        f"Error: {fifo}: is a named pipe (FIFO), not a file to write (give a file name)"
    )
    assert fifo.is_fifo()
