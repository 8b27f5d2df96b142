"""``kg build``: articles -> Turtle, JSON-LD, validation and the embedded store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import InputError, UsageError
from kg.namespace import ID_BASE
from kg.resources import SAMPLE_ARTICLE

DEFAULT_OUT = Path("build")


def article_paths(inputs: tuple[Path, ...]) -> list[Path]:
    """Input files, folders expanded to their ``.txt`` files; the sample when none is given."""
    if not inputs:
        return [SAMPLE_ARTICLE]
    paths: list[Path] = []
    for given in inputs:
        if given.is_dir():
            found = sorted(p for p in given.rglob("*.txt") if p.is_file())
            if not found:
                raise InputError(f"{given}: folder holds no .txt article")
            paths.extend(found)
        elif given.exists():
            paths.append(given)
        else:
            raise InputError(f"{given}: no such file or folder")
    stems: dict[str, Path] = {}
    for path in paths:
        if path.stem in stems and stems[path.stem] != path:
            raise UsageError(
                f"{stems[path.stem]} and {path} would both write {path.stem}.ttl",
                "rename one or build them into different folders",
            )
        stems[path.stem] = path
    return list(stems.values())


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
@click.option("--base", default=ID_BASE, show_default=True, help="Base of minted IRIs.")
def build(
    inputs: tuple[Path, ...], out_dir: Path, no_store: bool, store_dir: Path | None, base: str
) -> None:
    """Extract the facts of articles into Turtle and JSON-LD, validated and loaded.

    INPUTS are article files (.txt, UTF-8, GB18030 or Big5) or folders of them; none means the
    bundled sample article.  Writes DIR/<stem>.ttl and DIR/<stem>.jsonld and, for a document
    that does not conform to the shapes, DIR/<stem>.report.ttl.

    Exit status: 0 every output conforms, 1 some do not, 2 bad usage or unreadable input.

    \b
    Example:
      kg build articles/ -o out --no-store
    """
    from kg.pipeline import process
    from kg.serialise import to_turtle, write_atomic

    paths = article_paths(inputs)
    written: list[Path] = []
    failed_input = False
    nonconforming = False
    for path in paths:
        try:
            result = process(path, base)
        except InputError as error:
            click.echo(f"Error: {error}", err=True)
            failed_input = True
            continue
        stem = out_dir / result.doc.name
        turtle, jsonld, report = (
            stem.with_suffix(".ttl"),
            stem.with_suffix(".jsonld"),
            stem.with_name(stem.name + ".report.ttl"),
        )
        write_atomic(turtle, result.turtle)
        write_atomic(jsonld, result.jsonld)
        if result.validation.conforms:
            report.unlink(missing_ok=True)
        else:
            nonconforming = True
            write_atomic(report, to_turtle(result.validation.report))
        written.append(turtle)
        click.echo(result.summary())
    if written and not no_store:
        from kg.store import open_store

        store = open_store(store_dir or DEFAULT_OUT / "store")
        loaded = store.load(written)
        click.echo(f"loaded {len(loaded)} documents into {store.description}")
    if failed_input:
        raise SystemExit(2)
    if nonconforming:
        raise SystemExit(1)


COMMANDS = (build,)
