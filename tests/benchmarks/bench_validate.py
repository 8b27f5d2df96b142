"""Validation speed: pySHACL (as kg.validate.validation runs it) against kg.validate.shacl, sample
and merged graphs.

Runnable alone: ``python tests/benchmarks/bench_validate.py [--repeat 3]``.  Merged graphs are the
sample's graph plus graphs of the bundled test articles, cycled to 1, 5 and 20 documents (each copy
under its own IRIs, so the graph grows).  Columns: pySHACL; ``kg.validate.shacl`` on the graph,
report graph made; ``kg.validate.validation`` on the graph's triples, as the pipeline runs it (no
rdflib graph, the report graph left unmade).  CPU seconds, best of ``--repeat``, each run after a
garbage collection.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # a checkout, when not installed

from rdflib import Graph, URIRef  # noqa: E402

from kg.validate.shacl import ShaclValidator  # noqa: E402
from kg.validate.validation import reference_facts, shapes_graph  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def documents() -> list[Graph]:
    from kg.pipeline import process
    from kg.resources import SAMPLE_ARTICLE

    paths = [SAMPLE_ARTICLE, *sorted((ROOT / "tests" / "articles").glob("*.txt"))]
    return [Graph().parse(data=process(p).turtle, format="turtle") for p in paths]


def renamed(graph: Graph, copy: int) -> Graph:
    if copy == 0:
        return graph
    out = Graph()
    base = "https://w3id.org/fupin-kg/id/"

    def term(t):  # type: ignore[no-untyped-def]
        if isinstance(t, URIRef) and str(t).startswith(base) and "/area/" not in str(t):
            return URIRef(f"{t}-copy{copy}")
        return t

    for s, p, o in graph:
        out.add((term(s), p, term(o)))
    return out


def merged(docs: list[Graph], n: int) -> Graph:
    out = Graph()
    for i in range(n):
        for triple in renamed(docs[i % len(docs)], i // len(docs)):
            out.add(triple)
    return out


def time_pyshacl(data: Graph, repeat: int) -> float:
    """pySHACL as kg.validate.validation runs it (with its cache of parsed queries)."""
    import pyshacl

    from kg.validate.validation import _prepared_queries

    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # the garbage of the run before is not this one's cost
        start = time.process_time()
        mixed = Graph()
        for triple in data:
            mixed.add(triple)
        for triple in reference_facts(data):
            mixed.add(triple)
        with _prepared_queries():
            pyshacl.validate(
                mixed,
                shacl_graph=shapes_graph(),
                inference="none",
                advanced=True,
                inplace=True,
                allow_warnings=True,
                allow_infos=True,
                do_owl_imports=False,
            )
        best = min(best, time.process_time() - start)
    return best


def time_engine(validator: ShaclValidator, data: Graph, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # the garbage of the run before is not this one's cost
        start = time.process_time()
        validator.validate(data, reference_facts(data)).graph()
        best = min(best, time.process_time() - start)
    return best


def time_triples(data: Graph, repeat: int) -> float:
    """kg.validate.validation on a list of triples, as the pipeline runs it."""
    from kg.validate.validation import validate

    triples = list(data)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # the garbage of the run before is not this one's cost
        start = time.process_time()
        validate(triples)  # type: ignore[arg-type]
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 5, 20])
    args = parser.parse_args()
    start = time.process_time()
    shapes = shapes_graph()
    read = time.process_time() - start
    validator = ShaclValidator(shapes)
    compiled = time.process_time() - start - read
    print(f"reading the shapes {read:.3f} s CPU, compiling them {compiled:.3f} s CPU (once)")
    docs = documents()
    cases = [("sample", docs[0])] + [(f"{n} documents", merged(docs, n)) for n in args.sizes]
    print(
        f"{'graph':<14}{'triples':>9}{'pySHACL s':>12}{'kg.validate.shacl s':>12}{'ratio':>8}"
        f"{'triples s':>12}{'ratio':>8}"
    )
    for name, data in cases:
        slow = time_pyshacl(data, args.repeat)
        fast = time_engine(validator, data, args.repeat)
        listed = time_triples(data, args.repeat)
        print(
            f"{name:<14}{len(data):>9}{slow:>12.3f}{fast:>12.4f}{slow / fast:>7.1f}x"
            f"{listed:>12.4f}{slow / listed:>7.1f}x"
        )


if __name__ == "__main__":
    main()
