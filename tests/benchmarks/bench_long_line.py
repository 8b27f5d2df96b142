"""Time to process one long line: a run of digits (and of Chinese numerals) of 100k, 300k and
600k characters, and the ratio of each time to the first.  Linear time gives ratios near 3 and 6;
before issue 16 they were 7 and 21 (3 s, 20 s, 63 s), from a run of single-character words grown
by string concatenation in the tagger and a 100k-digit number converted to an integer.

Runnable alone: ``python tests/benchmarks/bench_long_line.py [--sizes 100000 300000 600000]``.
CPU seconds of ``kg.pipeline.process_document`` (extraction, graph, validation, serialisation),
after a warm-up on a short line so that loading the tagger is not counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # a checkout, when not installed

from kg.pipeline import process_document  # noqa: E402
from kg.text.document import Document  # noqa: E402

LINES = {"digits": "1", "chinese numerals": "一"}


def seconds(text: str) -> float:
    start = time.process_time()
    process_document(Document.from_text(text))
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 600_000])
    args = parser.parse_args()
    seconds("1" * 1000)
    for name, char in LINES.items():
        first = None
        for size in args.sizes:
            took = seconds(char * size)
            first = first or took
            print(f"{name:18} {size:>9,} chars  {took:7.2f} s CPU  ratio {took / first:5.2f}")


if __name__ == "__main__":
    main()
