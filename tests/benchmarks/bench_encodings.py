"""Encoding detection: kg's own (UTF-8, else GB18030 or Big5 by common-character share) against
charset-normalizer, on the articles at hand re-encoded.

Runnable alone: ``python tests/benchmarks/bench_encodings.py``.  Every article in
tests/articles/ and tests/real/texts/ (the real texts are git-ignored: present only where the
corpus was fetched) is encoded in UTF-8, GB18030 and Big5 (where every character has a Big5
code), whole and cut to its first 200 and 60 characters (short articles, captions, titles),
and each detector is asked to decode the bytes.  Right means the exact original text came
back; printed per encoding and length, with the time per call.

Measured for issue 17 (7 Dec 2026, 100 articles, 711 decodings): kg's detector got 708 right,
charset-normalizer 706; kg's 3 misses are texts with almost no Han characters (an HTML
fragment, an English paragraph in Big5), charset-normalizer's 5 include a Chinese headline in
GB18030 read as Thai (cp874) and English read as ISO 8859-13, because it weighs some 90
encodings where kg accepts three.  kg's took 0.06 ms per call (median), charset-normalizer
0.31 ms.  So kg keeps its own and charset-normalizer was dropped from the dependencies: it is
needed only to run this comparison (``pip install charset-normalizer``).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # a checkout, when not installed

from kg.errors import InputError  # noqa: E402
from kg.text.read import decode  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ENCODINGS = ("utf-8", "gb18030", "big5")
LENGTHS = (None, 200, 60)


def texts() -> list[str]:
    paths = sorted((ROOT / "tests" / "articles").rglob("*.txt"))
    paths += sorted((ROOT / "tests" / "real" / "texts").glob("*.txt"))
    out = []
    for path in paths:
        try:
            out.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    return out


def kg_decode(raw: bytes) -> str | None:
    try:
        return decode(raw)[0]
    except InputError:
        return None


def normalizer_decode(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return None if best is None else str(best)


def main() -> None:
    detectors: dict[str, Callable[[bytes], str | None]] = {"kg": kg_decode}
    try:
        import charset_normalizer  # noqa: F401
    except ImportError:
        print("charset-normalizer is not installed (pip install charset-normalizer): kg only")
    else:
        detectors["charset-normalizer"] = normalizer_decode
    right: dict[tuple[str, str, str], list[bool]] = defaultdict(list)
    seconds: dict[str, list[float]] = defaultdict(list)
    kg_decode("预热".encode())  # the common-character table is built once
    for text in texts():
        for length in LENGTHS:
            part = text if length is None else text[:length]
            for encoding in ENCODINGS:
                try:
                    raw = part.encode(encoding)
                except UnicodeEncodeError:
                    continue  # a character Big5 has no code for
                for name, detector in detectors.items():
                    started = time.perf_counter()
                    got = detector(raw)
                    seconds[name].append(time.perf_counter() - started)
                    right[(name, encoding, str(length or "whole"))].append(got == part)
    print(f"{'detector':<20} {'encoding':<8} {'length':<6} {'right':>12}")
    for (name, encoding, length), results in sorted(right.items()):
        share = f"{sum(results)}/{len(results)}"
        print(f"{name:<20} {encoding:<8} {length:<6} {share:>12}")
    for name, times in seconds.items():
        print(
            f"{name}: median {statistics.median(times) * 1000:.2f} ms per call,"
            f" total {sum(times):.1f} s for {len(times)} calls"
        )


if __name__ == "__main__":
    main()
