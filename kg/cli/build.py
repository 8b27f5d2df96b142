"""``kg build``: articles -> Turtle, JSON-LD, validation and the embedded store."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import click

from kg.errors import InputError, UsageError
from kg.rdf.namespace import ID_BASE
from kg.resources import SAMPLE_ARTICLE

DEFAULT_OUT = Path("build")


def article_paths(
    inputs: tuple[Path, ...], outputs: Callable[[str], Iterable[str]] | None = None
) -> list[Path]:
    """Input files, folders expanded to their ``.txt`` files; the sample when none is given.

    ``outputs`` names the files a document named ``stem`` writes into the output folder: two
    inputs that would write a file of the same name are refused (``a.txt`` and ``a.report.txt``
    both write ``a.report.ttl``); the same file named twice is built once."""
    if not inputs:
        return [SAMPLE_ARTICLE]
    paths: list[Path] = []
    for given in inputs:
        if given.is_dir():
            # Not only regular files: a pipe or device named .txt is refused by name, not
            # skipped in silence.
            found = sorted(p for p in given.rglob("*.txt") if not p.is_dir())
            if not found:
                raise InputError(f"{given}: folder holds no .txt article")
            paths.extend(found)
        elif given.exists():
            paths.append(given)
        else:
            raise InputError(f"{given}: no such file or folder")
    writers: dict[str, Path] = {}
    unique: dict[Path, None] = {}
    for path in paths:
        if path in unique:
            continue
        unique[path] = None
        for name in outputs(path.stem) if outputs else ():
            if name in writers:
                raise UsageError(
                    f"{writers[name]} and {path} would both write {name}",
                    "rename one or build them into different folders",
                )
            writers[name] = path
    return list(unique)


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder for the .ttl and .jsonld files.",
)
@click.option("--no-store", is_flag=True, help="Do not load the outputs into the store.")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Embedded store folder [default: build/store].",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: the machine's cores].",
)
@click.option(
    "--nquads",
    "nquads_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write one N-Quads file, a named graph per document (for bulk loaders).",
)
@click.option("--base", default=ID_BASE, show_default=True, help="Base of minted IRIs.")
@click.option(
    "--cluster",
    metavar="ADDRESS",
    envvar="KG_DASK_SCHEDULER",
    default=None,
    help="Build on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); the -o "
    "folder and the inputs must be at the same path on every worker [env: KG_DASK_SCHEDULER].",
)
def build(
    inputs: tuple[Path, ...],
    out_dir: Path,
    no_store: bool,
    store_dir: Path | None,
    jobs: int | None,
    nquads_path: Path | None,
    base: str,
    cluster: str | None,
) -> None:
    """Extract the facts of articles into Turtle and JSON-LD, validated and loaded.

    INPUTS are article files (.txt, UTF-8, GB18030 or Big5) or folders of them; none means the
    bundled sample article.  Writes DIR/<stem>.ttl and DIR/<stem>.jsonld and, for a document
    that does not conform to the shapes, DIR/<stem>.report.ttl.  A document that cannot be read
    is reported and skipped; the others are still built.

    Exit status: 0 every output conforms, 1 some do not, 2 bad usage or unreadable input.

    \b
    Example:
      kg build articles/ -o out --jobs 2 --no-store
    """
    from kg.corpus.build import build_corpus, default_jobs
    from kg.corpus.worker import DocumentReport, Options, output_names, tune_gc
    from kg.rdf.serialise import AtomicWriter

    tune_gc()

    paths = article_paths(inputs, output_names)
    options = Options(out_dir=out_dir, base=base, nquads=nquads_path is not None)
    if cluster and jobs:
        source = click.get_current_context().get_parameter_source("cluster")
        if source is not click.core.ParameterSource.ENVIRONMENT:
            raise UsageError("--jobs and --cluster do not go together", "give one of them")
        cluster = None  # --jobs on the command line wins over KG_DASK_SCHEDULER
    reports = build_corpus(paths, options, jobs or default_jobs(), cluster=cluster or None)
    written: list[Path] = []
    counts = {"built": 0, "nonconforming": 0, "failed": 0}
    with contextlib.ExitStack() as stack:
        nquads = stack.enter_context(AtomicWriter(nquads_path)) if nquads_path else None
        progress: Iterable[DocumentReport] = reports
        if len(paths) > 1 and sys.stderr.isatty():
            progress = stack.enter_context(
                click.progressbar(reports, length=len(paths), label="building", file=sys.stderr)
            )
        for report in progress:
            if report.error is not None:
                counts["failed"] += 1
                click.echo(f"Error: {report.error}", err=True)
                continue
            counts["built"] += 1
            counts["nonconforming"] += not report.conforms
            click.echo(report.summary)
            if report.turtle is not None:
                written.append(report.turtle)
            if report.nquads and nquads is not None:
                nquads.write(report.nquads)
    if len(paths) > 1:
        click.echo(
            f"{counts['built']} built, {counts['nonconforming']} not conforming, "
            f"{counts['failed']} failed"
        )
    if written and not no_store:
        from kg.store.backends import open_store

        store = open_store(store_dir or DEFAULT_OUT / "store")
        loaded = store.load(written)
        click.echo(f"loaded {len(loaded)} documents into {store.description}")
    if counts["failed"]:
        raise SystemExit(2)
    if counts["nonconforming"]:
        raise SystemExit(1)


COMMANDS = (build,)
