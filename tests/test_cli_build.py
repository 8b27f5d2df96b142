"""``kg build`` end to end, and the committed outputs of the sample in build/."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
STEM = "lijiang-2020-06-10"


def _build(out: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["build", "--no-store", "-o", str(out), *args])
    return result.exit_code, result.stdout, result.stderr


def test_build_sample_writes_both_files_and_is_deterministic(tmp_path: Path) -> None:
    code, out, err = _build(tmp_path / "a")
    assert code == 0, err
    assert out.startswith(f"{STEM}: ")
    code, _, err = _build(tmp_path / "b")
    assert code == 0, err
    for suffix in (".ttl", ".jsonld"):
        first = (tmp_path / "a" / (STEM + suffix)).read_bytes()
        assert first == (tmp_path / "b" / (STEM + suffix)).read_bytes()
    turtle = Graph().parse(tmp_path / "a" / f"{STEM}.ttl", format="turtle")
    jsonld = Graph().parse(tmp_path / "a" / f"{STEM}.jsonld", format="json-ld")
    assert isomorphic(turtle, jsonld)
    assert not list((tmp_path / "a").glob(".*.tmp"))


def test_committed_build_outputs_are_current(tmp_path: Path) -> None:
    """build/ holds what `kg build` writes for the sample: regenerate it with `kg build`."""
    code, _, err = _build(tmp_path)
    assert code == 0, err
    for suffix in (".ttl", ".jsonld"):
        fresh = (tmp_path / (STEM + suffix)).read_bytes()
        committed = (ROOT / "build" / (STEM + suffix)).read_bytes()
        assert fresh == committed, f"build/{STEM}{suffix} is stale: run `kg build --no-store`"


def test_unreadable_inputs_exit_2_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = _build(tmp_path / "out", str(empty))
    assert code == 2
    assert err.strip().splitlines() == [
        f"Error: {empty}: empty file (give an article with text in it)"
    ]
    assert not (tmp_path / "out" / "empty.ttl").exists()
    code, _, err = _build(tmp_path / "out", str(tmp_path / "missing.txt"))
    assert code == 2
    assert "Traceback" not in err and err.count("\n") == 1


def test_folder_input_builds_each_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("丽江市脱贫攻坚取得决定性成就。", encoding="utf-8")
    (folder / "b.txt").write_bytes("永勝縣脫貧攻堅取得決定性成就。".encode("big5"))
    code, out, err = _build(tmp_path / "out", str(folder))
    assert code == 0, err
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "a",
        "b",
        "2 built, 0 not conforming, 0 failed",
    ]
    assert (tmp_path / "out" / "b.jsonld").exists()


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for article in sorted((ROOT / "tests" / "articles").glob("*.txt")):
        (folder / article.name).write_bytes(article.read_bytes())
    return folder


def test_jobs_give_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    code, _, err = _build(tmp_path / "one", str(corpus), "--jobs", "1")
    assert code == 0, err
    code, _, err = _build(tmp_path / "two", str(corpus), "--jobs", "2")
    assert code == 0, err
    one = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert one == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert len(one) == 2 * len(list(corpus.iterdir()))
    for name in one:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_workers_start_with_the_tables_and_shapes_loaded() -> None:
    """Forked from a server that loaded them: no worker loads them again for its first
    document (the shapes and the indicator scheme are not loaded by ``warm_up``)."""
    import subprocess
    import sys

    script = (
        "from kg.corpus.build import worker_pool\n"
        'probe = (\'(__import__("kg.validate.validation").validate.validation._engine'
        '.cache_info().currsize, __import__("kg.extract.indicators").extract.indicators'
        "._scheme.cache_info().currsize)')\n"
        "if __name__ == '__main__':\n"
        "    with worker_pool(2) as pool:\n"
        "        print(pool.map(eval, [probe, probe], chunksize=1))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[(1, 1), (1, 1)]"


def test_a_bad_document_is_reported_and_skipped(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    code, out, err = _build(tmp_path / "out", str(corpus), "--jobs", "2")
    assert code == 2
    assert err.splitlines() == [f"Error: {corpus / 'broken.txt'}: binary file, not a text article"]
    built = len(list(corpus.iterdir())) - 1
    assert out.splitlines()[-1] == f"{built} built, 0 not conforming, 1 failed"
    assert len(list((tmp_path / "out").glob("*.ttl"))) == built


def test_an_internal_error_names_its_document_and_the_others_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.pipeline

    corpus = _corpus(tmp_path / "in")
    failing = sorted(corpus.iterdir())[0]
    process = kg.pipeline.process

    def process_or_fail(path: Path, base: str) -> kg.pipeline.Result:
        if path.name == failing.name:
            raise RecursionError("maximum recursion depth exceeded")
        return process(path, base)

    monkeypatch.setattr(kg.pipeline, "process", process_or_fail)
    code, out, err = _build(tmp_path / "out", str(corpus), "--jobs", "1")
    assert code == 2
    assert err.splitlines() == [
        f"Error: {failing}: internal error (RecursionError: maximum recursion depth exceeded);"
        " please report it"
    ]
    built = len(list(corpus.iterdir())) - 1
    assert out.splitlines()[-1] == f"{built} built, 0 not conforming, 1 failed"


def test_nquads_holds_one_named_graph_per_document(tmp_path: Path) -> None:
    from rdflib import Dataset

    corpus = _corpus(tmp_path / "in")
    target = tmp_path / "all.nq"
    code, _, err = _build(tmp_path / "out", str(corpus), "--nquads", str(target))
    assert code == 0, err
    dataset = Dataset().parse(target, format="nquads")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    documents = {
        str(s)
        for path in (tmp_path / "out").glob("*.ttl")
        for s in Graph().parse(path).subjects(predicate=None, object=None)
        if str(s).startswith("https://w3id.org/fupin-kg/id/doc/") and "/span/" not in str(s)
    }
    assert names == documents
    assert len(names) == len(list(corpus.iterdir()))


def test_unwritable_output_folder_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = _build(blocker / "sub")
    assert code == 2
    assert "cannot write" in err
