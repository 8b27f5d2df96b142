"""Building a corpus on a Dask cluster (``kg build --cluster ADDRESS``).

Each document is one Dask task running :func:`kg.corpus.build.build_document`, the same function the
local ``--jobs`` pool runs: the worker reads the article, writes its outputs atomically into the
``-o`` folder (which every machine must see at the same path) and sends back the small
:class:`~kg.corpus.build.DocumentReport`, never the graph.  Reports come back in input order, so the
printed summary is the one a local build prints.

* **Warm-up**: a worker plugin (:class:`WarmUp`) loads jieba and the gazetteer once per worker
  process, when it joins, not once per document.
* **Retries**: a worker that dies mid-document is the scheduler's business: it gives the task to
  another worker (up to ``distributed.scheduler.allowed-failures`` deaths, default 3).  A document
  that fails with an internal error (not a :class:`~kg.errors.KgError`) is retried once, perhaps
  elsewhere; one whose error is a ``KgError`` (unreadable, not an article …) is not retried: it
  fails the same way every time.
* **Paths**: workers get absolute paths (their working folder is not the client's); reports are
  mapped back to the paths as given, so messages read as in a local build.

Dask is an optional extra: ``pip install 'fupin-kg[dask]'``.  This module imports without it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.corpus.worker import DocumentReport, Options, build_document
from kg.errors import KgError, UsageError

if TYPE_CHECKING:
    from distributed import WorkerPlugin
else:
    try:
        from distributed import WorkerPlugin
    except ImportError:  # without the extra, only the hint below is needed

        class WorkerPlugin:
            pass


ENV_SCHEDULER = "KG_DASK_SCHEDULER"
INSTALL_HINT = "install the Dask extra: pip install 'fupin-kg[dask]'"
CONNECT_TIMEOUT = 30.0
"""Seconds to wait for the scheduler to answer."""
PLUGIN_NAME = "kg-warm-up"

WARM_UPS = 0
"""How many times this process ran the warm-up (read back from workers by the tests)."""


class ClusterError(KgError):
    """The Dask scheduler cannot be reached, or went away during the run."""


class DocumentFailed(Exception):
    """Raised on a worker so that Dask retries a document whose failure may not recur."""

    def __init__(self, report: DocumentReport) -> None:
        super().__init__(report)
        self.report = report


class WarmUp(WorkerPlugin):
    """Loads jieba and the gazetteer once in each worker process, when the worker joins."""

    idempotent = True  # registering it again (another run) does not warm again

    def setup(self, worker: Any) -> None:
        global WARM_UPS
        from kg.corpus.worker import warm_up

        warm_up()
        WARM_UPS += 1


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError("--cluster needs Dask, which is not installed", INSTALL_HINT) from None
    return distributed


def build_task(path: Path, options: Options) -> DocumentReport:
    """What a worker runs for one document: :func:`build_document`, failing for a retry."""
    report = build_document(path, options)
    if report.retry:
        raise DocumentFailed(report)
    return report


def _absolute(path: Path) -> Path:
    return path if path.is_absolute() else Path.cwd() / path


def _as_given(
    report: DocumentReport, given: Path, options: Options, sent: Options
) -> DocumentReport:
    """``report`` with the worker's absolute paths written back as the user gave them."""
    error = report.error
    if error is not None:
        for absolute, original in ((_absolute(given), given), (sent.out_dir, options.out_dir)):
            if absolute != original:
                error = error.replace(str(absolute), str(original))
    turtle = options.out_dir / report.turtle.name if report.turtle is not None else None
    return replace(report, source=given, turtle=turtle, error=error)


def build_on_cluster(
    paths: Iterable[Path], options: Options, address: str
) -> Iterator[DocumentReport]:
    """Reports of building ``paths`` on the Dask cluster at ``address``, in input order."""
    distributed = _distributed()
    given = list(paths)
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({error})",
            "start one with `dask scheduler` and workers with `dask worker ADDRESS`",
        ) from None
    try:
        try:
            client.register_plugin(WarmUp(), name=PLUGIN_NAME)
        except Exception as error:  # typically: kg is not installed on a worker
            raise ClusterError(
                f"the Dask workers cannot load kg ({error})",
                "install the same fupin-kg, with its [dask] extra, on every worker machine",
            ) from None
        sent = replace(options, out_dir=_absolute(options.out_dir))
        run = uuid.uuid4().hex[:8]
        futures = [
            client.submit(
                build_task,
                _absolute(path),
                sent,
                key=f"kg-build-{run}-{index}-{path.stem}",
                retries=1,
                pure=False,
            )
            for index, path in enumerate(given)
        ]
        for path, future in zip(given, futures, strict=True):
            yield _as_given(_outcome(path, future, distributed), path, options, sent)
            future.release()  # the worker forgets the report
    finally:
        client.close()


def _outcome(path: Path, future: Any, distributed: Any) -> DocumentReport:
    try:
        report: DocumentReport = future.result()
        return report
    except DocumentFailed as failed:  # an internal error, twice
        return failed.report
    except distributed.KilledWorker as error:
        return DocumentReport(path, error=f"{path}: workers died while building it ({error})")
    except KgError as error:
        return DocumentReport(path, error=str(error))
    except Exception as error:
        if future.client.status not in ("running", "connecting"):
            raise ClusterError(f"lost the Dask scheduler ({type(error).__name__})") from None
        message = f"{path}: internal error ({type(error).__name__}: {error}); please report it"
        return DocumentReport(path, error=message)
