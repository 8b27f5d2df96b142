"""Score indicator concepts on the real corpus: of the observations ``kg`` extracts, how many
get a standard indicator (ontology/indicators.ttl), and how many get the right one.

    python -m tests.concept_scoring                 # every batch whose texts are present
    python -m tests.concept_scoring r5              # one batch
    python -m tests.concept_scoring -v              # and every wrong or missing concept

A batch with no rows in ``tests/real/concepts.tsv`` is skipped, and the output says so: its
gold phrases have not been judged, so every concept given on it would count as wrong.

Each extracted observation is paired with a gold measurement of its article (same value and
unit, one to one, same kind first, and of several such the one whose phrase shares most
characters with the extracted phrase); unpaired ones are not scored (they are extraction errors,
scored by ``tests.scoring``).  "Right" means the concept the mapper gives the extracted phrase
and unit equals the concept ``tests/real/concepts.tsv`` gives the gold phrase and unit:

- mapped: of the pairs whose gold phrase has a standard concept, the share given any concept;
- right: of the same pairs, the share given the right one;
- precision: of the pairs given a concept, the share given the right one (a concept where the
  gold says none is wrong).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from tests.scoring import ROOT, from_facts, load_gold, norm

CONCEPTS = ROOT / "tests" / "real" / "concepts.tsv"
GOLD = ROOT / "tests" / "real" / "gold"


def gold_concepts() -> dict[tuple[str, str], str]:
    table = {}
    for line in CONCEPTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _batch, phrase, unit, concept, _how = line.split("\t")
            table[(phrase, unit)] = concept
    return table


def judged_batches() -> set[str]:
    """The batches that have rows in concepts.tsv (first column)."""
    return {
        line.split("\t", 1)[0]
        for line in CONCEPTS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }


def _overlap(gold_phrase: str, phrase: str) -> int:
    return len(set(norm(gold_phrase)) & set(norm(phrase)))


def score(batches: list[str], verbose: bool = False) -> Counter[str]:
    from kg.extract import extract
    from kg.extract.indicators import concept_of
    from kg.text.document import Document

    truth = gold_concepts()
    counts: Counter[str] = Counter()
    for batch in batches:
        for path in sorted((GOLD / batch).glob("*.json")):
            gold = load_gold(path)
            if not gold.article.exists():
                print(f"skipped {path.name}: its text is not here", file=sys.stderr)
                continue
            predicted = from_facts(extract(Document.from_path(gold.article))).measurements
            free = list(gold.measurements)
            for same_kind in (True, False):
                for p in list(predicted):
                    candidates = [
                        g
                        for g in free
                        if (g.value, g.unit) == (p.value, p.unit)
                        and (g.kind == p.kind or not same_kind)
                    ]
                    if not candidates:
                        continue
                    # of several with this value, the one whose phrase shares most characters
                    g = max(candidates, key=lambda g: _overlap(g.indicator, p.indicator))
                    free.remove(g)
                    predicted.remove(p)
                    expected = truth.get((g.indicator, g.unit), "-")
                    found = concept_of(p.indicator, p.unit, p.quote)
                    got = found.notation if found else "-"
                    counts["pairs"] += 1
                    counts["gold has concept"] += expected != "-"
                    counts["mapped"] += expected != "-" and got != "-"
                    counts["right"] += expected != "-" and got == expected
                    counts["given a concept"] += got != "-"
                    counts["given the right one"] += got != "-" and got == expected
                    if verbose and got != expected:
                        print(
                            f"{path.stem}\t{p.indicator}\t{p.unit}\tgot {got}\tgold {expected}"
                            f"\t«{p.quote[:40]}» gold: {g.indicator}"
                        )
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", help="r1 … r7 (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    known = sorted(p.name for p in GOLD.iterdir() if p.is_dir())
    unknown = [b for b in args.batches if b not in known]
    if unknown:
        listed = " ".join(known)
        print(f"error: no gold batch {' '.join(unknown)} (there are {listed})", file=sys.stderr)
        return 2
    judged = judged_batches()
    asked = args.batches or known
    unjudged = [b for b in asked if b not in judged]
    batches = [b for b in asked if b in judged]
    if unjudged:
        names = " ".join(unjudged)
        print(f"skipped {names}: no rows in {CONCEPTS.name}, so its concepts are not judged")
    if not batches:
        print("error: no batch to score has rows in concepts.tsv", file=sys.stderr)
        return 1
    c = score(batches, args.verbose)
    has, given = c["gold has concept"], c["given a concept"]
    print(f"batches {' '.join(batches)}: {c['pairs']} observations paired with gold")
    print(f"  with a standard concept in gold: {has}")
    print(f"  mapped:    {c['mapped']}/{has} = {c['mapped'] / max(has, 1):.1%}")
    print(f"  right:     {c['right']}/{has} = {c['right'] / max(has, 1):.1%}")
    right = c["given the right one"]
    print(f"  precision: {right}/{given} = {right / max(given, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
