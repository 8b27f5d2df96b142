"""Building many documents: :func:`kg.corpus.worker.build_document` mapped over a pool of
worker processes, or over a cluster's workers (:mod:`kg.corpus.cluster`)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.corpus.worker import DocumentReport, Options, build_document, warm_up
from kg.resources import usable_cores


def _build_in_worker(args: tuple[Path, Options]) -> DocumentReport:
    return build_document(*args)


def default_jobs() -> int:
    return usable_cores()


def build_corpus(
    paths: Iterable[Path], options: Options, jobs: int = 1, cluster: str | None = None
) -> Iterator[DocumentReport]:
    """Reports of building ``paths``, in input order, on ``jobs`` worker processes.

    With ``cluster``, the address of a Dask scheduler, on that cluster's workers instead
    (:mod:`kg.corpus.cluster`): the same ``build_document``, the same reports.
    """
    if cluster is not None:
        from kg.corpus.cluster import build_on_cluster

        yield from build_on_cluster(paths, options, cluster)
        return
    work = [(path, options) for path in paths]
    if jobs <= 1 or len(work) <= 1:
        yield from (build_document(path, opts) for path, opts in work)
        return
    with worker_pool(min(jobs, len(work))) as pool:
        yield from pool.imap(_build_in_worker, work, chunksize=1)


def worker_pool(processes: int) -> multiprocessing.pool.Pool:
    """A pool of ``processes`` workers forked from a server that has loaded what they need
    (:mod:`kg.corpus.preload`), so they start at once and share its tables; ``warm_up`` is left
    as their initializer for a server that an earlier pool of this process started without it."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.corpus.preload"])
    return context.Pool(processes, initializer=warm_up)
