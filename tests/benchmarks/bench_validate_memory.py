"""Peak memory of ``kg validate`` on one large Turtle file: 250k, 500k and 1M triples.

Runnable alone: ``python tests/benchmarks/bench_validate_memory.py [--triples 250000 1000000]``.
The input is made here: the sample article's Turtle (``build/``) repeated, each copy's
documents, observations, people, posts, programmes and organisations under IRIs of their own
(areas, indicators and units are shared, as in a real store), so the data conforms as the
sample does.  Each size runs ``kg validate FILE`` in a fresh process and prints its peak
resident set size (``ru_maxrss``), the file's size and the bytes of memory per triple.

The 64 MiB limit on one RDF file (``kg.rdf.rdfio.MAX_RDF_BYTES``) refuses files from about
950k triples of this data; the child lifts it so that the figure for 1M triples can be taken.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TURTLE = ROOT / "build" / "lijiang-2020-06-10.ttl"
OWN_IRIS = re.compile(r"(fupin-kg/id/(?:doc|obs|person|post|programme|role|org)/)")
CHILD = (
    "import kg.rdf.rdfio as rdfio; rdfio.MAX_RDF_BYTES = 1 << 40; from kg.cli import main; main()"
)


def write_turtle(path: Path, triples: int) -> int:
    """Copies of the sample's Turtle until about ``triples`` triples; returns the count."""
    import pyoxigraph as ox

    text = SAMPLE_TURTLE.read_text(encoding="utf-8")
    prefixes, body = text.split("\n\n", 1)
    one = sum(1 for _ in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    copies = max(1, triples // one)
    with path.open("w", encoding="utf-8") as out:
        out.write(prefixes + "\n\n")
        for copy in range(copies):
            out.write(OWN_IRIS.sub(rf"\g<1>c{copy}-", body))
    return copies * one


def peak_rss(path: Path) -> tuple[int, float, str]:
    """``(peak RSS in bytes, wall seconds, kg validate's first line)`` of one run."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, "validate", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    assert child.stdout is not None
    first = child.stdout.readline().decode("utf-8", "replace").strip()
    child.stdout.read()
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss * 1024, time.monotonic() - start, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[250_000, 500_000, 1_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for triples in args.triples:
            path = Path(folder) / f"data-{triples}.ttl"
            written = write_turtle(path, triples)
            rss, seconds, first = peak_rss(path)
            size = path.stat().st_size
            print(
                f"{written:>9,} triples in the file  {size / 2**20:6.1f} MiB  "
                f"peak RSS {rss / 2**30:5.2f} GiB  {rss / written:6.0f} B/triple  "
                f"{seconds:6.1f} s"
            )
            print(f"    {first[len(str(path)) :][:100]}")
            path.unlink()


if __name__ == "__main__":
    main()
