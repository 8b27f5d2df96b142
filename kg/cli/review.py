"""``kg report`` and ``kg export``: review pages and spreadsheets for analysts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.build import DEFAULT_OUT, article_paths
from kg.cli.store import StoreTarget, store_options
from kg.errors import InputError, UsageError
from kg.rdf.namespace import ID_BASE

if TYPE_CHECKING:
    from kg.pipeline import Result

_inputs = click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
_base = click.option("--base", default=ID_BASE, show_default=True, help="Base of minted IRIs.")


def target_areas(result: Result) -> set[str]:
    """The areas of the document's targets (IRIs), whose verdicts the page can show."""
    from kg.rdf.namespace import FP, RDF, SDMX_DIMENSION

    graph = result.graph
    return {
        str(area)
        for observation in graph.subjects(RDF.type, FP.Target)
        for area in graph.objects(observation, SDMX_DIMENSION.refArea)
    }


def _results(
    inputs: tuple[Path, ...],
    base: str,
    failed: list[Path],
    outputs: Callable[[str], Iterable[str]] | None = None,
) -> Iterator[tuple[Path, Result]]:
    """Each readable input processed; unreadable ones reported on stderr and listed.
    ``outputs``: the files an input named ``stem`` writes (two inputs may not write one)."""
    from kg.pipeline import process

    for path in article_paths(inputs, outputs):
        try:
            yield path, process(path, base)
        except InputError as error:
            click.echo(f"Error: {error}", err=True)
            failed.append(path)


def _page_names(name: str) -> tuple[str]:
    return (f"{name}.html",)


@click.command()
@_inputs
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder for the .html pages.",
)
@_base
@store_options
def report(inputs: tuple[Path, ...], out_dir: Path, base: str, target: StoreTarget) -> None:
    """Write a review page of each article's facts: DIR/<stem>.html.

    INPUTS are article files (.txt) or folders of them; none means the bundled sample.  Each
    page is one self-contained HTML file (no network needed): the text with every fact
    highlighted, tables of targets and outcomes, people, divisions and programmes, and the
    validation results next to the facts they concern.  With --store or --endpoint, each
    target shows its verdict in that store (met, missed, pending: kg query delivery) where the
    store knows one.

    Exit status: 0 pages written (whether or not the facts conform), 2 bad usage or
    unreadable input.

    \b
    Example:
      kg report articles/ -o review && xdg-open review/lijiang-2020-06-10.html
    """
    from kg.rdf.serialise import write_atomic
    from kg.review.page import render_bytes
    from kg.store.delivery import verdicts

    store = target.open() if target.store_dir or target.endpoint else None
    failed: list[Path] = []
    for _, result in _results(inputs, base, failed, _page_names):
        path = out_dir / _page_names(result.doc.name)[0]
        known = verdicts(store, target_areas(result)) if store is not None else None
        write_atomic(path, render_bytes(result, base, known))
        click.echo(f"wrote {path}")
    if failed:
        raise SystemExit(2)


@click.command()
@_inputs
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the rows as CSV (UTF-8 with BOM, for spreadsheet programs).",
)
@click.option(
    "--xlsx",
    "xlsx_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the rows as an Excel workbook.",
)
@_base
def export(
    inputs: tuple[Path, ...], csv_path: Path | None, xlsx_path: Path | None, base: str
) -> None:
    """Export the targets and outcomes of articles as spreadsheet rows.

    One row per target or outcome: its document (IRI and file), quote and original offsets,
    kind, value, unit, classifier, qualifier, baseline, indicator, area (name and code),
    programme and period.  INPUTS as for `kg build`; none means the bundled sample.

    Exit status: 0 written, 2 bad usage or unreadable input (nothing is written then).

    \b
    Example:
      kg export articles/ --csv measurements.csv --xlsx measurements.xlsx
    """
    from kg.rdf.serialise import write_atomic
    from kg.review.export import rows, to_csv, to_xlsx

    if csv_path is None and xlsx_path is None:
        raise UsageError("nothing to write", "give --csv PATH and/or --xlsx PATH")
    failed: list[Path] = []
    table = [
        row
        for path, result in _results(inputs, base, failed)
        for row in rows(result, base, file=path.name)
    ]
    if failed:
        raise SystemExit(2)
    if csv_path is not None:
        write_atomic(csv_path, to_csv(table))
        click.echo(f"wrote {len(table)} rows to {csv_path}")
    if xlsx_path is not None:
        write_atomic(xlsx_path, to_xlsx(table))
        click.echo(f"wrote {len(table)} rows to {xlsx_path}")


COMMANDS = (report, export)
