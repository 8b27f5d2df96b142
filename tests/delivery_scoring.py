"""Check ``kg query delivery`` against the real target -> outcome pairs of batch r5.

    python -m tests.delivery_scoring          # a line per expected row, and the totals
    python -m tests.delivery_scoring --keep DIR   # keep the built store there

Builds every r5 article present in tests/real/texts into a fresh embedded store, asks the
question for each area of ``tests/real/delivery/pairs.json`` and looks, for each expected row,
for an answered row of the same area, standard concept, period and target value:

- ``row``: such a target is answered (its concept and period found);
- ``verdict``: and its verdict is the expected one;
- ``outcome``: and its outcome is the expected number (or both none).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.scoring import ROOT

PAIRS = ROOT / "tests" / "real" / "delivery" / "pairs.json"
TEXTS = ROOT / "tests" / "real" / "texts"

# the pairs name concepts in English words; those not the scheme's own labels
NAMED = {
    "energy intensity reduction (per unit GDP)": "energy-intensity-reduction",
    "poor counties reaching exit standard": "poor-counties-exited",
    "poor counties passing exit assessment": "poor-counties-exit-assessed",
    "people relocated (易地扶贫搬迁)": "relocated-people",
    "poor villages exiting poverty": "poor-villages-exited",
}


def concept_named(words: str) -> str | None:
    from kg.extract.indicators import concepts

    if words in NAMED:
        return NAMED[words]
    for concept in concepts().values():
        if words in (text for text, _ in concept.pref_labels):
            return concept.notation
    return None


def build_store(folder: Path) -> Path:
    from kg.pipeline import process
    from kg.store.backends import EmbeddedStore

    files = []
    for text in sorted(TEXTS.glob("r5-*.txt")):
        result = process(text)
        out = folder / f"{text.stem}.ttl"
        out.write_bytes(result.turtle)
        files.append(out)
    EmbeddedStore(folder / "store").load(files)
    return folder / "store"


def check(store_dir: Path) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    from kg.store.backends import EmbeddedStore
    from kg.store.delivery import delivery

    store = EmbeddedStore(store_dir)
    expected = json.loads(PAIRS.read_text(encoding="utf-8"))
    answers: dict[str, list[dict[str, Any]]] = {}
    out = []
    for row in expected:
        code = row["area_code"]
        if code not in answers:
            try:
                answers[code] = [dict(r) for r in delivery(store, code).records]
            except Exception as error:  # an area the store does not know: no rows
                print(f"{code}: {error}", file=sys.stderr)
                answers[code] = []
        concept = concept_named(row["concept"])
        found = next(
            (
                r
                for r in answers[code]
                if r["area_code"] == code
                and str(r["indicator_concept"] or "").endswith(f"/{concept}")
                and r["period"] == row["period"]
                and r["target"] == row["target"]
            ),
            None,
        )
        out.append((row, found))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        results = check(build_store(folder))
    rows = verdicts = outcomes = 0
    for row, found in results:
        rows += found is not None
        verdict_ok = found is not None and found["verdict"] == row["verdict"]
        outcome_ok = found is not None and found["outcome"] == row["outcome"]
        verdicts += verdict_ok
        outcomes += verdict_ok and outcome_ok
        got = f"{found['verdict']} {found['outcome']}" if found else "no row"
        mark = "ok " if verdict_ok and outcome_ok else "-- "
        print(
            f"{mark}{row['area_code']} {row['period']} {row['indicator']}: expected "
            f"{row['verdict']} {row['outcome']}, got {got}"
        )
    n = len(results)
    print(f"rows answered {rows}/{n}, verdict right {verdicts}/{n}, and outcome {outcomes}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
