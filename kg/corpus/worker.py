"""Building one document, the pure function every worker runs, whatever schedules it (the
local process pool of ``--jobs``, :mod:`kg.corpus.build`, or a cluster, :mod:`kg.corpus.cluster`):
it reads one article, writes its outputs atomically and returns a small ``DocumentReport``:
never the graph, so memory does not grow with the corpus.  One bad document is reported and
skipped; it never stops the rest.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.rdf.namespace import ID_BASE


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


def output_names(name: str) -> tuple[str, str, str]:
    """``(turtle, jsonld, report)`` file names of a document named ``name``: the whole name
    with a suffix added (``r.v1`` -> ``r.v1.ttl``; ``Path.with_suffix`` would make it ``r.ttl``
    and ``r.v2`` would overwrite it)."""
    return f"{name}.ttl", f"{name}.jsonld", f"{name}.report.ttl"


def output_paths(out_dir: Path, name: str) -> tuple[Path, Path, Path]:
    """``(turtle, jsonld, report)`` paths of a document named ``name``."""
    turtle, jsonld, report = output_names(name)
    return out_dir / turtle, out_dir / jsonld, out_dir / report


def build_document(path: Path, options: Options) -> DocumentReport:
    """Process one article and write its outputs; errors become the report's ``error``."""
    from kg.pipeline import process
    from kg.rdf.serialise import to_nquads, write_atomic
    from kg.validate.validation import report_turtle

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
        message = f"{path}: internal error ({name}: {error}); please report it"
        return DocumentReport(path, error=message, retry=True)


def warm_up() -> None:
    """Load jieba and the gazetteer once per worker, not once per document."""
    from kg.extract.gazetteer import lookup
    from kg.text.segment import tokenizer

    tokenizer()
    lookup("北京市")
    tune_gc()


def warm_up_fully() -> None:
    """:func:`warm_up`, then build the bundled sample in memory (nothing written), which loads
    the rest of what a document needs: the shapes, the indicator scheme, OpenCC and pinyin
    tables, the lexicons (1.0–1.7 s of a worker's first document, measured).

    For the process that workers are forked from: they start with all of it loaded and share
    its memory, rather than each loading it again."""
    from kg.pipeline import process
    from kg.resources import SAMPLE_ARTICLE

    warm_up()
    process(SAMPLE_ARTICLE)
    tune_gc()


def tune_gc() -> None:
    """Collect garbage for a process that builds documents: the tables just loaded are frozen
    out of every collection, and young objects are collected every 50,000 allocations, not 700.

    A document makes hundreds of thousands of short-lived objects and almost no cycles, so the
    default thresholds spend a tenth of the build traversing live objects (measured: 63 ms of
    CPU per document with the defaults, 55 with a threshold of 10,000).  Each collection of the
    young objects traverses the document's live ones too, so fewer collections cost less: 1–2
    ms of collection per document at 50,000 against 4–5 ms at 10,000 (80 bench documents,
    timed by ``gc.callbacks``).  Only for processes that ``kg`` owns: the worker processes and
    the ``kg build`` command."""
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
