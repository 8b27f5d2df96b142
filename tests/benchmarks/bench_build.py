"""Corpus build speed and memory, against the floor of reading and segmenting the same files.

Runnable alone (from a checkout, with the package installed)::

    python tests/benchmarks/bench_build.py [--sizes 100 1000] [--jobs 2] [--stages 40]

It makes a corpus from the project's own test articles with perturbed numbers and names
(deterministic seed), then prints, side by side in one run:

- end-to-end ``kg build --no-store`` time against the floor: the same files read, decoded and
  segmented by jieba alone (``jieba.lcut``) in one process, jieba's start-up included;
- each stage's share of the in-process time (normalise, segment, extract, graph, validate,
  serialise, load);
- a cold ``kg build`` of the sample against ``python -c "import jieba; jieba.initialize()"``;
- peak memory of ``kg build`` for each corpus size (PSS: a page shared by processes divided
  among them; the workers share the tables of the server they are forked from), and the CPU
  time (user + system) of the build's processes against the floor's: the wall-clock ratio
  is the issue's measure, the CPU ratio the one that a loaded machine disturbs least;
- where the build's wall went: start-up (to the first document written), the documents, the
  shut-down, the rate in between and the tail beyond it, from the times the outputs were
  written; and what the machine's cores did meanwhile (/proc/stat): idle core-seconds are the
  build's own waste (a serial phase, a core idle at the end), busy core-seconds beyond the
  build's CPU are other processes', stolen seconds the hypervisor's.

Store load throughput and query latency on 1k and 10k documents are measured by
``bench_store.py`` beside this file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "articles"
SEED = 20201

FLOOR = """
import sys, time
from pathlib import Path
import jieba
jieba.initialize()
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    jieba.lcut(path.read_bytes().decode("utf-8"))
"""


def _sources() -> list[tuple[str, list[str]]]:
    """(text, names of people in it) for every annotated article."""
    out = []
    for annotation in sorted([*ARTICLES.glob("*.json"), *ARTICLES.glob("heldout/*.json")]):
        data = json.loads(annotation.read_text(encoding="utf-8"))
        text_path = annotation.with_suffix(".txt")
        if not text_path.exists():
            text_path = ROOT / "kg" / "data" / "sample" / text_path.name
        names = [person["name"] for person in data.get("people", [])]
        out.append((text_path.read_text(encoding="utf-8"), names))
    return out


def make_corpus(folder: Path, size: int, seed: int = SEED) -> list[Path]:
    """``size`` articles: the sources with digits and people's given names perturbed."""
    from kg.rdf.labels import to_traditional

    rng = random.Random(seed)
    sources = _sources()
    given = "建国秀兰海涛志强丽华永明文军红梅德才玉芬"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(size):
        text, names = sources[index % len(sources)]
        text = re.sub(r"[1-9]", lambda m: str(rng.randint(1, 9)), text)
        for name in names:
            new = name[0] + "".join(rng.choice(given) for _ in name[1:])
            text = text.replace(name, new).replace(to_traditional(name), to_traditional(new))
        path = folder / f"doc-{index:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _wall(command: list[str]) -> float:
    """Seconds ``command`` takes; exit 1 (some output does not conform) is a result too."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}")
    return time.perf_counter() - start


def _median(command: list[str], runs: int = 3) -> float:
    return statistics.median(_wall(command) for _ in range(runs))


def _build_command(corpus: Path, out: Path, jobs: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "kg",
        "build",
        str(corpus),
        "-o",
        str(out),
        "--no-store",
        "--jobs",
        str(jobs),
    ]


def _machine() -> list[int]:
    """The machine's CPU ticks so far, all cores summed: /proc/stat's ``cpu`` line (user,
    nice, system, idle, iowait, irq, softirq, steal)."""
    with open("/proc/stat") as stat:
        return [int(field) for field in stat.readline().split()[1:9]]


@dataclass
class Run:
    """One command's wall time and what the machine's cores did meanwhile."""

    wall: float
    idle: float
    """Core-seconds the cores were idle (or waiting on I/O): work that could have run but did
    not (a serial phase, a core left idle at the end)."""
    stolen: float
    """Seconds the hypervisor gave the cores to other machines: lost to everyone."""
    busy: float
    """Core-seconds the cores were busy: this command's and any other process's."""
    start: float
    """When it started (``time.time()``), to compare with the times its files were written."""

    @classmethod
    def of(cls, command: list[str]) -> Run:
        before, start = _machine(), time.time()
        _wall(command)
        end, after = time.time(), _machine()
        ticks = [b - a for a, b in zip(before, after, strict=True)]
        return cls(
            wall=end - start,
            idle=(ticks[3] + ticks[4]) / _TICK,
            stolen=ticks[7] / _TICK,
            busy=(sum(ticks) - ticks[3] - ticks[4] - ticks[7]) / _TICK,
            start=start,
        )


@dataclass
class Phases:
    """Where the wall time of one ``kg build`` went, from the times its documents' outputs
    were written (the JSON-LD, written last of each)."""

    first: float
    """Seconds from the start to the first document written: start-up (imports, the workers'
    start and their loading of jieba, the gazetteer and the shapes) and one document."""
    last: float
    """Seconds from the start to the last document written; the rest of the wall is the
    parent's shut-down (the pool's and the forkserver's)."""
    steady: float
    """Seconds all the documents would take at the rate between the 10th and the 90th
    percentile outputs: the build without its start-up and its tail."""

    @classmethod
    def of(cls, run: Run, out: Path) -> Phases:
        written = sorted(p.stat().st_mtime_ns / 1e9 - run.start for p in out.glob("*.jsonld"))
        if len(written) < 2:
            raise SystemExit(f"{out}: fewer than two documents written")
        low, high = int(0.1 * len(written)), int(0.9 * len(written))
        rate = (high - low) / max(written[high] - written[low], 1e-9)
        return cls(first=written[0], last=written[-1], steady=len(written) / rate)


def build_against_floor(corpus: Path, out: Path, jobs: int) -> tuple[Run, Run, Phases]:
    """The floor's run, the build's, and the phases of the build."""
    floor = Run.of([sys.executable, "-c", FLOOR, str(corpus)])
    build = Run.of(_build_command(corpus, out, jobs))
    return floor, build, Phases.of(build, out)


_TICK = os.sysconf("SC_CLK_TCK")


def _memory(pid: int) -> int:
    """A process's proportional set size (KiB): its resident pages, each page it shares
    divided among the processes sharing it, so that workers forked from a server that loaded
    the tables are not counted as holding a copy each (their summed RSS would); its RSS where
    the kernel does not tell."""
    for name, field in (("smaps_rollup", "Pss"), ("status", "VmRSS")):
        try:
            found = re.search(rf"^{field}:\s+(\d+)", Path(f"/proc/{pid}/{name}").read_text(), re.M)
        except OSError:
            continue
        if found:
            return int(found.group(1))
    return 0


def _tree(root: int) -> tuple[int, dict[int, float]]:
    """Memory (KiB, :func:`_memory`) of ``root`` and all its descendants (workers included),
    and the CPU seconds (user + system) each of them has used so far, from /proc."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / _TICK
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(_memory(pid) for pid in tree), {pid: cpu[pid] for pid in tree if pid in cpu}


def peak_rss_and_cpu(corpus: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Peak of the summed PSS (MiB) of ``kg build`` and its workers, sampled every 50 ms, and
    the CPU seconds the whole tree used: on a shared machine, CPU time varies far less with
    the load than the wall-clock time does (the workers' last 50 ms are not seen)."""
    process = subprocess.Popen(
        _build_command(corpus, out, jobs), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak = 0
    used: dict[int, float] = {}
    while process.poll() is None:
        rss, cpu = _tree(process.pid)
        peak = max(peak, rss)
        used.update(cpu)
        time.sleep(0.05)
    return peak / 1024, sum(used.values())


def floor_cpu(corpus: Path) -> float:
    """CPU seconds (user + system) of the floor: one process, so its own rusage."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-c", FLOOR, str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def stage_shares(paths: list[Path], store_dir: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds per stage over ``paths``, in this process, after one warm-up document and with
    the workers' garbage collection (:func:`kg.corpus.worker.tune_gc`): wall clock, and this
    process's CPU time (which other work on the machine disturbs less)."""
    from kg.extract import extract
    from kg.rdf.graph import build_triples
    from kg.rdf.serialise import serialisations, write_atomic
    from kg.store.backends import open_store
    from kg.text.document import Document
    from kg.text.segment import tokenize
    from kg.validate.validation import validate

    times = dict.fromkeys(
        ("normalise", "segment", "extract", "graph", "validate", "serialise", "load"), 0.0
    )

    cpu = dict.fromkeys(times, 0.0)

    def timed(stage: str, work):  # type: ignore[no-untyped-def]
        start, start_cpu = time.perf_counter(), time.process_time()
        value = work()
        times[stage] += time.perf_counter() - start
        cpu[stage] += time.process_time() - start_cpu
        return value

    extract(Document.from_path(paths[0]))  # loads jieba and the gazetteer: not a stage's cost
    # collect garbage as the workers do (the tables frozen, young objects every 50,000
    # allocations): with the default thresholds each stage's figure also holds collections of
    # the tables and of the documents before, graph, validation and serialisation nearly twice
    # what they cost in a worker
    from kg.corpus.worker import tune_gc

    tune_gc()
    written = []
    for path in paths:
        doc = timed("normalise", lambda p=path: Document.from_path(p))
        timed("segment", lambda d=doc: tokenize(d.text))
        facts = timed("extract", lambda d=doc: extract(d))
        triples = timed("graph", lambda d=doc, f=facts: build_triples(d, f))
        timed("validate", lambda t=triples: validate(t))
        turtle = timed("serialise", lambda t=triples: serialisations(t))[0]
        target = store_dir.parent / f"{path.stem}.ttl"
        write_atomic(target, turtle)
        written.append(target)
    timed("load", lambda: open_store(store_dir).load(written))
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--stages", type=int, default=40, help="documents for stage shares")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        print(f"corpus: the {len(_sources())} annotated articles, perturbed (seed {SEED})")

        print("\n== end to end: kg build --no-store vs reading + jieba.lcut (one process) ==")
        print(
            f"{'docs':>6} {'floor s':>9} {'build s':>9} {'ratio':>7} {'ms/doc':>8} "
            f"{'peak PSS MiB':>13} {'floor CPU s':>12} {'build CPU s':>12} {'CPU ratio':>10}"
        )
        rss = {}
        breakdown: dict[int, tuple[Run, Run, Phases, float, float]] = {}
        for size in args.sizes:
            corpus = work / f"corpus-{size}"
            make_corpus(corpus, size)
            floor, build, phases = build_against_floor(corpus, work / f"out-{size}", args.jobs)
            rss[size], build_cpu = peak_rss_and_cpu(corpus, work / f"rss-{size}", args.jobs)
            floor_seconds = floor_cpu(corpus)
            print(
                f"{size:>6} {floor.wall:>9.2f} {build.wall:>9.2f} {build.wall / floor.wall:>6.2f}x "
                f"{1000 * build.wall / size:>8.1f} {rss[size]:>13.1f} {floor_seconds:>12.2f} "
                f"{build_cpu:>12.2f} {build_cpu / floor_seconds:>9.2f}x"
            )
            breakdown[size] = (floor, build, phases, build_cpu, floor_seconds)

        print(
            "\n== where the build's wall went (from the times its outputs were written, and "
            "/proc/stat's core-seconds meanwhile) =="
        )
        print(
            f"{'docs':>6} {'start-up s':>11} {'documents s':>12} {'shut-down s':>12} "
            f"{'steady s':>9} {'tail s':>7} {'idle core-s':>12} {'stolen s':>9} "
            f"{'busy core-s':>12} {'build CPU s':>12}"
        )
        for size, (_floor, build, phase, build_cpu, _) in breakdown.items():
            # tail: what the documents took beyond their steady rate, start-up's first aside
            tail = phase.last - phase.first - phase.steady * (size - 1) / size
            print(
                f"{size:>6} {phase.first:>11.2f} {phase.last - phase.first:>12.2f} "
                f"{build.wall - phase.last:>12.2f} {phase.steady:>9.2f} {tail:>7.2f} "
                f"{build.idle:>12.2f} {build.stolen:>9.2f} {build.busy:>12.2f} {build_cpu:>12.2f}"
            )
        for size, (floor, build, _, build_cpu, floor_seconds) in breakdown.items():
            print(
                f"floor, {size} docs: {floor.wall:.2f} s on one core; meanwhile "
                f"{floor.idle:.2f} core-s idle, {floor.stolen:.2f} s stolen, "
                f"{floor.busy:.2f} core-s busy"
            )
            # The floor runs on one core and the build on all of them, so other processes slow
            # the build far more than the floor. Against the floor's CPU (its wall on a free
            # core), the build's CPU and the core-seconds it left idle, over the jobs, estimate
            # the ratio on a free machine; too low when other processes used the cores the
            # build left idle (idle near 0 while others were busy): its serial start-up, 2-3 s
            # on a free machine, is then missed.
            alone = (build_cpu + build.idle) / args.jobs
            print(
                f"build, {size} docs, on free cores (its CPU + idle core-s, over {args.jobs}): "
                f"{alone:.2f} s, {alone / floor_seconds:.2f}x the floor's CPU"
            )
        if len(args.sizes) > 1:
            small, large = min(args.sizes), max(args.sizes)
            print(f"peak PSS {large} / {small} documents: {rss[large] / rss[small]:.2f}x")

        print(f"\n== stage shares, in process, {args.stages} documents, gc as in the workers ==")
        corpus = work / "stages"
        paths = make_corpus(corpus, args.stages, seed=SEED + 1)
        times, cpu = stage_shares(paths, work / "stages-out" / "store")
        total = sum(times.values())
        for stage, seconds in times.items():
            print(
                f"{stage:>10} {seconds:8.3f} s {100 * seconds / total:6.1f}% "
                f"{1000 * seconds / len(paths):8.1f} ms/doc "
                f"(CPU {1000 * cpu[stage] / len(paths):6.1f} ms/doc)"
            )

        print("\n== cold start: kg build of the sample vs jieba's own initialisation ==")
        jieba_init = _median([sys.executable, "-c", "import jieba; jieba.initialize()"])
        cold = _median(
            [sys.executable, "-m", "kg", "build", "--no-store", "-o", str(work / "cold")]
        )
        print(
            f"jieba.initialize() {jieba_init:.2f} s, kg build {cold:.2f} s, "
            f"ratio {cold / jieba_init:.2f}x"
        )


if __name__ == "__main__":
    main()
