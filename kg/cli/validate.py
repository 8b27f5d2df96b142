"""``kg validate``: articles or RDF files against the shapes, with a readable report."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from rdflib import Graph

from kg.errors import InputError, KgError, UsageError
from kg.rdf.rdfio import FORMATS
from kg.validate.validation import Validation

ARTICLE_SUFFIXES = (".txt",)


@dataclass
class Checked:
    source: str
    data: Graph
    validation: Validation


def check(path: Path) -> Checked:
    """Read (or extract) and validate one file; ``InputError`` when it cannot be read."""
    from kg.rdf.rdfio import format_of, read_rdf
    from kg.validate.validation import validate, with_cube

    if path.is_dir():
        raise InputError(f"{path}: is a folder; give files", "kg validate build/*.ttl")
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        from kg.pipeline import process, undecodable

        result = process(path)
        lost = undecodable(result.doc)
        if lost:
            click.echo(f"note: {path}: {lost}", err=True)
        return Checked(str(path), result.graph, with_cube(result.validation, result.triples))
    format_of(path)  # refuse an unknown or unsafe type before touching the file
    data = read_rdf(path)
    return Checked(str(path), data, with_cube(validate(data), data))


def _as_json(checked: list[Checked], failed: list[str]) -> str:
    from kg.validate.validation import describe

    files: list[dict[str, Any]] = []
    for item in checked:
        results = describe(item.validation, item.data)
        files.append(
            {
                "file": item.source,
                "conforms": item.validation.conforms,
                "triples": len(item.data),
                "counts": {s: item.validation.count(s) for s in ("Violation", "Warning", "Info")},
                "results": results,
            }
        )
    document = {"files": files, "errors": failed}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the SHACL report graph (all files) to PATH as Turtle.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A readable report, or JSON for machines.",
)
def validate(files: tuple[Path, ...], report_path: Path | None, output_format: str) -> None:
    """Validate articles or RDF files against the shapes and the W3C Data Cube integrity
    constraints IC-1 … IC-21 (as the specification's SPARQL ASK queries, run offline).

    FILES are articles (.txt: read, extracted and built, then validated) or RDF files (.ttl,
    .jsonld, .nt, .nq).  RDF/XML is not accepted.  Nothing is fetched: a JSON-LD @context given
    as a URL is refused and owl:imports are not followed.

    The report lists each result by severity (Violation, Warning, Info) with the offending
    node's name and class, the constraint in plain words and, where the node has provenance,
    the source sentence.

    Exit status: 0 every file conforms (warnings do not fail), 1 some file has violations,
    2 bad usage or a file that cannot be read or parsed.

    \b
    Example:
      kg validate build/lijiang-2020-06-10.ttl --report report.ttl
    """
    from kg.rdf.serialise import write_atomic
    from kg.validate.validation import render_text, report_turtle

    if not files:
        raise UsageError(
            "no FILE given", "give articles (.txt) or RDF files (" + ", ".join(FORMATS) + ")"
        )
    checked: list[Checked] = []
    failed: list[str] = []
    for path in files:
        try:
            item = check(path)
        except KgError as error:
            click.echo(f"Error: {error}", err=True)
            failed.append(str(error))
            continue
        except RecursionError:
            message = f"{path}: nested too deeply to validate"
            click.echo(f"Error: {message}", err=True)
            failed.append(message)
            continue
        except Exception as error:  # a bug, but still no traceback for the user
            message = f"{path}: internal error ({type(error).__name__}: {error}); please report it"
            click.echo(f"Error: {message}", err=True)
            failed.append(message)
            continue
        checked.append(item)
        if output_format == "text":
            click.echo(render_text(item.source, item.validation, item.data))
    if output_format == "json":
        click.echo(_as_json(checked, failed))
    if report_path is not None and checked:
        write_atomic(report_path, report_turtle((c.source, c.validation.report) for c in checked))
    if failed:
        raise SystemExit(2)
    if not all(c.validation.conforms for c in checked):
        raise SystemExit(1)


COMMANDS = (validate,)
