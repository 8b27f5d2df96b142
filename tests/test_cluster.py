"""``kg build --cluster``: the corpus built on a real Dask cluster of two worker processes.

Each cluster is a ``LocalCluster`` on 127.0.0.1 started and closed by the test (or the module),
with two single-threaded worker processes, as on two machines sharing a folder.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
HAVE_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(
    not HAVE_DASK, reason="Dask is not installed (pip install 'fupin-kg[dask]')"
)
START_TIMEOUT = 60  # seconds for a cluster to start
RUN_TIMEOUT = 300  # seconds for one build on it


def _cluster() -> Any:
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        timeout=START_TIMEOUT,
        # Workers import kg from this checkout even where it is not installed.
        env={"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])},
    )


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    if not HAVE_DASK:
        pytest.skip("Dask is not installed (pip install 'fupin-kg[dask]')")
    with _cluster() as local:
        yield local


@pytest.fixture
def client(cluster: Any) -> Iterator[Any]:
    from distributed import Client

    with Client(cluster.scheduler_address, timeout=START_TIMEOUT) as connected:
        yield connected


def _build(out: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["build", "--no-store", "-o", str(out), *args])
    return result.exit_code, result.stdout, result.stderr


def _corpus(folder: Path, copies: int = 3) -> list[Path]:
    """The test articles, the sample and ``copies`` perturbed copies of them, in that order."""
    folder.mkdir()
    sources = sorted((ROOT / "tests" / "articles").glob("*.txt"))
    sources.append(ROOT / "kg" / "data" / "sample" / "lijiang-2020-06-10.txt")
    paths = []
    for source in sources:
        paths.append(folder / source.name)
        paths[-1].write_bytes(source.read_bytes())
    for i in range(copies):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        perturbed = text.replace("2020", str(2021 + i)).replace("。", "。\n", i + 1)
        paths.append(folder / f"perturbed-{i}.txt")
        paths[-1].write_text(f"（第{i + 1}稿）\n" + perturbed, encoding="utf-8")
    return paths


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@needs_dask
def test_cluster_build_is_byte_identical_to_jobs_1(cluster: Any, tmp_path: Path) -> None:
    paths = [str(p) for p in _corpus(tmp_path / "in")]
    local = _build(tmp_path / "one", *paths, "--jobs", "1", "--nquads", str(tmp_path / "one.nq"))
    assert local[0] == 0, local[2]
    dask = _build(
        tmp_path / "dask",
        *paths,
        "--cluster",
        cluster.scheduler_address,
        "--nquads",
        str(tmp_path / "dask.nq"),
    )
    assert dask == local  # exit code, the summary lines in input order, nothing on stderr
    one, two = _outputs(tmp_path / "one"), _outputs(tmp_path / "dask")
    assert len(one) == 2 * len(paths)
    assert one == two
    assert (tmp_path / "one.nq").read_bytes() == (tmp_path / "dask.nq").read_bytes()


@needs_dask
def test_relative_paths_and_errors_read_as_in_a_local_build(
    cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers get absolute paths; what is printed names the paths as given."""
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/a.txt").write_text("丽江市脱贫攻坚取得决定性成就。", encoding="utf-8")
    Path("in/broken.txt").write_bytes(b"\x00\x01\x02binary")
    local = _build(Path("one"), "in", "--jobs", "1")
    dask = _build(Path("two"), "in", "--cluster", cluster.scheduler_address)
    assert local[0] == 2
    assert dask == local
    assert local[2].splitlines() == ["Error: in/broken.txt: binary file, not a text article"]
    assert _outputs(Path("one")) == _outputs(Path("two"))


def _loads(dask_worker: Any) -> dict[str, int]:
    """What this worker process loaded: warm-ups run, jieba and gazetteer loads (cache misses)."""
    from kg.corpus import cluster
    from kg.extract import gazetteer
    from kg.text import segment

    return {
        "warm_ups": cluster.WARM_UPS,
        "jieba": segment.tokenizer.cache_info().misses,
        "gazetteer": gazetteer._table.cache_info().misses,
    }


@needs_dask
def test_jieba_and_gazetteer_load_once_per_worker(
    cluster: Any, client: Any, tmp_path: Path
) -> None:
    client.get_task_stream()  # starts recording which worker ran which task
    paths = [str(p) for p in _corpus(tmp_path / "in", copies=4)]
    started = time.time()
    code, _, err = _build(tmp_path / "out", *paths, "--cluster", cluster.scheduler_address)
    assert code == 0, err
    ran: dict[str, int] = {}
    for task in client.get_task_stream(start=started):
        if str(task["key"]).startswith("kg-build-"):
            ran[task["worker"]] = ran.get(task["worker"], 0) + 1
    assert sum(ran.values()) == len(paths)
    assert max(ran.values()) >= 2  # some worker built several documents …
    loads = client.run(_loads)
    assert set(ran) <= set(loads)
    for worker in ran:  # … and loaded jieba and the gazetteer once, in the warm-up
        assert loads[worker] == {"warm_ups": 1, "jieba": 1, "gazetteer": 1}, worker


def _install_faults(log: str) -> None:
    """On a worker: ``kg.pipeline.process`` logs each attempt; some documents fail."""
    import kg.pipeline

    original = getattr(kg.pipeline, "_original_process", kg.pipeline.process)
    kg.pipeline._original_process = original  # type: ignore[attr-defined]

    def process(path: Path, *args: Any, **kwargs: Any) -> Any:
        with open(log, "a", encoding="utf-8") as attempts:
            attempts.write(f"{path.name}\n")
        if path.name == "always.txt":
            raise RuntimeError("boom")
        marker = Path(log + ".flaky")
        if path.name == "flaky.txt" and not marker.exists():
            marker.touch()  # fails once, on whichever worker gets it first
            raise RuntimeError("once")
        return original(path, *args, **kwargs)

    kg.pipeline.process = process  # type: ignore[assignment]


def _remove_faults() -> None:
    import kg.pipeline

    kg.pipeline.process = getattr(kg.pipeline, "_original_process", kg.pipeline.process)


@needs_dask
def test_internal_errors_are_retried_once_input_errors_never(
    cluster: Any, client: Any, tmp_path: Path
) -> None:
    import cloudpickle

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("always", "flaky", "good"):
        (folder / f"{name}.txt").write_text("丽江市脱贫攻坚取得决定性成就。", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    log = tmp_path / "attempts.log"
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests
    try:
        client.run(_install_faults, str(log))
        code, out, err = _build(
            tmp_path / "out", str(folder), "--cluster", cluster.scheduler_address
        )
    finally:
        client.run(_remove_faults)
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert code == 2
    assert err.splitlines() == [
        f"Error: {folder / 'always.txt'}: internal error (RuntimeError: boom); please report it",
        f"Error: {folder / 'broken.txt'}: binary file, not a text article",
    ]
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "flaky",
        "good",
        "2 built, 0 not conforming, 2 failed",
    ]
    attempts = sorted(log.read_text(encoding="utf-8").splitlines())
    assert attempts == ["always.txt"] * 2 + ["broken.txt"] + ["flaky.txt"] * 2 + ["good.txt"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "flaky.jsonld",
        "flaky.ttl",
        "good.jsonld",
        "good.ttl",
    ]


def _executing(dask_worker: Any) -> tuple[int, list[str]]:
    return os.getpid(), [str(task.key) for task in dask_worker.state.executing]


@needs_dask
def test_a_worker_killed_mid_document_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    from distributed import Client

    paths = _corpus(tmp_path / "in")
    slow = tmp_path / "in" / "slow.txt"  # three articles in one: several seconds to build
    slow.write_text("\n".join(p.read_text(encoding="utf-8") for p in paths[:3]), "utf-8")
    paths.insert(0, slow)
    expected = tmp_path / "one"
    assert _build(expected, *map(str, paths), "--jobs", "1")[0] == 0
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    with _cluster() as local, Client(local.scheduler_address, timeout=START_TIMEOUT) as client:
        command = [sys.executable, "-m", "kg", "build", "--no-store", "-o", str(tmp_path / "out")]
        command += ["--cluster", local.scheduler_address, *map(str, paths)]
        run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            killed = None
            deadline = time.monotonic() + RUN_TIMEOUT
            while killed is None and time.monotonic() < deadline and run.poll() is None:
                for pid, keys in client.run(_executing).values():
                    if any(key.endswith("-slow") for key in keys):
                        os.kill(pid, signal.SIGKILL)
                        killed = pid
                time.sleep(0.05)
            out, err = run.communicate(timeout=RUN_TIMEOUT)
        finally:
            if run.poll() is None:
                run.kill()
                run.wait()
    said = f"stdout: {out.decode()}\nstderr: {err.decode()[-3000:]}"
    assert killed is not None, f"the slow document was never seen running; {said}"
    assert run.returncode == 0, said
    lines = out.decode().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [p.stem for p in paths], said
    assert lines[-1] == f"{len(paths)} built, 0 not conforming, 0 failed"
    written = {name: data for name, data in _outputs(tmp_path / "out").items()}
    assert {n for n in written if not n.startswith(".")} == set(_outputs(expected))
    assert {n: written[n] for n in _outputs(expected)} == _outputs(expected)


def test_without_dask_cluster_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = CliRunner().invoke(cli, ["build", "--no-store", "--cluster", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: --cluster needs Dask, which is not installed "
        "(install the Dask extra: pip install 'fupin-kg[dask]')"
    ]


@needs_dask
def test_unreachable_scheduler_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import socket

    import kg.corpus.cluster

    monkeypatch.setattr(kg.corpus.cluster, "CONNECT_TIMEOUT", 2.0)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    code, out, err = _build(tmp_path / "out", "--cluster", f"tcp://127.0.0.1:{port}")
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.startswith(f"Error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}")
    assert "Traceback" not in err


def test_jobs_and_cluster_do_not_go_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = _build(tmp_path / "out", "--jobs", "2", "--cluster", "tcp://127.0.0.1:1")
    assert code == 2
    assert "--jobs and --cluster" in err
    monkeypatch.setenv("KG_DASK_SCHEDULER", "tcp://127.0.0.1:1")
    code, _, err = _build(tmp_path / "out", "--jobs", "1")  # --jobs wins over the variable
    assert code == 0, err
