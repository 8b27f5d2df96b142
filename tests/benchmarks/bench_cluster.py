"""Corpus build speed: `kg build --jobs 1/2` against `kg build --cluster` on 1 and 2 workers.

Runnable alone: ``python tests/benchmarks/bench_cluster.py [--docs 16] [--repeat 3]``.  Needs Dask
(``pip install 'fupin-kg[dask]'``).  The corpus is the test articles, the sample and perturbed
copies of them (fixed), ``--docs`` documents in all.  Each build is a real ``kg build`` process
(``--no-store``); each Dask measurement gets a fresh ``LocalCluster`` on 127.0.0.1 (worker
processes, one thread each), started before the clock starts and closed after, and is timed
twice: ``cold`` (the first build: workers warm up, jieba and the gazetteer load) and ``warm`` (a
second build on the same workers, as on a long-lived cluster).  Every build's outputs are checked
byte-identical to ``--jobs 1``.  On a 2-core machine the ratios show Dask's overhead, not a
speed-up from more machines.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = 1.25
"""2 Dask workers should take at most this many times the time of ``--jobs 2``."""


def corpus(folder: Path, count: int) -> list[Path]:
    sources = sorted((ROOT / "tests" / "articles").glob("*.txt"))
    sources.append(ROOT / "kg" / "data" / "sample" / "lijiang-2020-06-10.txt")
    texts = [s.read_text(encoding="utf-8") for s in sources]
    paths = []
    for i in range(count):
        text = texts[i % len(texts)]
        if i >= len(texts):
            text = f"（第{i}稿）\n" + text.replace("2020", str(2000 + i)).replace("。", "。\n", i)
        paths.append(folder / f"doc-{i:03d}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def kg_build(out: Path, paths: list[Path], *options: str) -> float:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "kg", "build", "--no-store", "-o", str(out), *options]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, *map(str, paths)], env=env, capture_output=True, text=True, timeout=1800
    )
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"kg build {' '.join(options)} failed: {done.stderr[-2000:]}")
    return elapsed


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def on_cluster(workers: int, work: Path, paths: list[Path]) -> tuple[float, float, float]:
    """(cluster start, cold build, warm build) seconds on a fresh cluster of ``workers``."""
    from distributed import LocalCluster

    env = {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    started = time.perf_counter()
    with LocalCluster(
        n_workers=workers,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        timeout=120,
        env=env,
    ) as cluster:
        start = time.perf_counter() - started
        address = cluster.scheduler_address
        cold = kg_build(work / f"dask{workers}-cold", paths, "--cluster", address)
        warm = kg_build(work / f"dask{workers}-warm", paths, "--cluster", address)
    return start, cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=16, help="documents in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each figure is the best")
    args = parser.parse_args()
    try:
        import distributed
    except ImportError:
        raise SystemExit("needs Dask: pip install 'fupin-kg[dask]'") from None

    names = ["--jobs 1", "--jobs 2", "dask 1 worker, cold", "dask 1 worker, warm"]
    names += ["dask 2 workers, cold", "dask 2 workers, warm"]
    times: dict[str, list[float]] = {name: [] for name in names}
    starts: dict[int, list[float]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        paths = corpus(work / "in", args.docs)
        print(
            f"{len(paths)} documents, {os.cpu_count()} cores, distributed "
            f"{distributed.__version__}, load average {os.getloadavg()[0]:.1f}"
        )
        for _ in range(args.repeat):  # rounds interleave the builds: noise hits them alike
            times["--jobs 1"].append(kg_build(work / "jobs1", paths, "--jobs", "1"))
            times["--jobs 2"].append(kg_build(work / "jobs2", paths, "--jobs", "2"))
            for workers in (1, 2):
                start, cold, warm = on_cluster(workers, work, paths)
                plural = "worker" if workers == 1 else "workers"
                starts[workers].append(start)
                times[f"dask {workers} {plural}, cold"].append(cold)
                times[f"dask {workers} {plural}, warm"].append(warm)
            reference = outputs(work / "jobs1")
            for name in ("jobs2", "dask1-cold", "dask1-warm", "dask2-cold", "dask2-warm"):
                assert outputs(work / name) == reference, f"{name}: outputs differ from --jobs 1"

    n = len(paths)
    best = {name: min(values) for name, values in times.items()}
    print(f"best of {args.repeat}; load average now {os.getloadavg()[0]:.1f}")
    print(f"{'build':<22}{'seconds':>9}{'s/doc':>8}   all rounds")
    for name in names:
        rounds = " ".join(f"{t:.1f}" for t in times[name])
        print(f"{name:<22}{best[name]:>9.2f}{best[name] / n:>8.3f}   {rounds}")
    print(
        f"cluster start (not in the times above): 1 worker {min(starts[1]):.2f} s, "
        f"2 workers {min(starts[2]):.2f} s"
    )
    jobs1, jobs2 = best["--jobs 1"], best["--jobs 2"]
    cold1, warm1 = best["dask 1 worker, cold"], best["dask 1 worker, warm"]
    cold2, warm2 = best["dask 2 workers, cold"], best["dask 2 workers, warm"]
    print(f"dask 1 worker / --jobs 1:  cold {cold1 / jobs1:.2f}x, warm {warm1 / jobs1:.2f}x")
    print(f"dask 2 workers / --jobs 2: cold {cold2 / jobs2:.2f}x, warm {warm2 / jobs2:.2f}x")
    print(
        f"overhead per document, 1 worker vs --jobs 1: cold {(cold1 - jobs1) / n * 1000:+.0f} ms, "
        f"warm {(warm1 - jobs1) / n * 1000:+.0f} ms"
    )
    verdict = "met" if cold2 <= TARGET * jobs2 else "NOT met"
    print(f"target: 2 workers (cold) within {TARGET}x of --jobs 2: {verdict}")


if __name__ == "__main__":
    main()
