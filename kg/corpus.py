"""Building many documents: one pure function per document, mapped over a pool of workers.

``build_document`` is what every worker runs, whatever schedules it (the local process pool of
``--jobs`` or a cluster): it reads one article, writes its outputs atomically and returns a small
``DocumentReport``: never the graph, so memory does not grow with the corpus.  One bad document
is reported and skipped; it never stops the rest.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.namespace import ID_BASE
from kg.resources import usable_cores


@dataclass(frozen=True)
class DocumentReport:
    """What building one document did: a summary line, or the one-line error."""

    source: Path
    summary: str | None = None
    conforms: bool = True
    turtle: Path | None = None
    nquads: bytes | None = None
    """The document's graph as N-Quads, named by the document, when a combined file is asked."""
    error: str | None = None
    retry: bool = False
    """The error is not a ``KgError``, so it may not recur: a scheduler may try again."""

    @property
    def failed(self) -> bool:
        return self.error is not None


@dataclass(frozen=True)
class Options:
    out_dir: Path
    base: str = ID_BASE
    nquads: bool = False


def output_paths(out_dir: Path, name: str) -> tuple[Path, Path, Path]:
    """``(turtle, jsonld, report)`` paths of a document named ``name``."""
    stem = out_dir / name
    return stem.with_suffix(".ttl"), stem.with_suffix(".jsonld"), out_dir / f"{name}.report.ttl"


def build_document(path: Path, options: Options) -> DocumentReport:
    """Process one article and write its outputs; errors become the report's ``error``."""
    from kg.pipeline import process
    from kg.serialise import to_nquads, write_atomic
    from kg.validate import report_turtle

    try:
        result = process(path, options.base)
        turtle, jsonld, report = output_paths(options.out_dir, result.doc.name)
        write_atomic(turtle, result.turtle)
        write_atomic(jsonld, result.jsonld)
        if result.validation.conforms:
            report.unlink(missing_ok=True)
        else:
            write_atomic(report, report_turtle([(str(path), result.validation.report)]))
        quads = to_nquads(result.triples, result.doc_iri) if options.nquads else None
        return DocumentReport(path, result.summary(), result.validation.conforms, turtle, quads)
    except KgError as error:
        return DocumentReport(path, error=str(error))
    except Exception as error:  # one document's bug must not stop the corpus
        name = type(error).__name__
        return DocumentReport(path, error=f"internal error ({name}: {error})", retry=True)


def _warm() -> None:
    """Load jieba and the gazetteer once per worker, not once per document."""
    from kg.gazetteer import lookup
    from kg.segment import tokenizer

    tokenizer()
    lookup("北京市")
    tune_gc()


def tune_gc() -> None:
    """Collect garbage for a process that builds documents: the tables just loaded are frozen
    out of every collection, and young objects are collected every 10,000 allocations, not 700.

    A document makes hundreds of thousands of short-lived objects and almost no cycles, so the
    default thresholds spend a tenth of the build traversing live objects (measured: 63 ms of
    CPU per document with the defaults, 55 with these).  Only for processes that ``kg`` owns:
    the worker processes and the ``kg build`` command."""
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)


def _build_in_worker(args: tuple[Path, Options]) -> DocumentReport:
    return build_document(*args)


def default_jobs() -> int:
    return usable_cores()


def build_corpus(
    paths: Iterable[Path], options: Options, jobs: int = 1, cluster: str | None = None
) -> Iterator[DocumentReport]:
    """Reports of building ``paths``, in input order, on ``jobs`` worker processes.

    With ``cluster``, the address of a Dask scheduler, on that cluster's workers instead
    (:mod:`kg.cluster`): the same ``build_document``, the same reports.
    """
    if cluster is not None:
        from kg.cluster import build_on_cluster

        yield from build_on_cluster(paths, options, cluster)
        return
    work = [(path, options) for path in paths]
    if jobs <= 1 or len(work) <= 1:
        yield from (build_document(path, opts) for path, opts in work)
        return
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    with context.Pool(min(jobs, len(work)), initializer=_warm) as pool:
        yield from pool.imap(_build_in_worker, work, chunksize=1)
