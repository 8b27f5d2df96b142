"""``kg load``, ``kg query …`` and ``kg sparql``: the store commands.

Exit codes: 0 answered (an empty answer too), 1 a name that names nothing in the store (the
closest known names are on stderr), 2 bad usage, unreadable input or a store error.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from kg.errors import KgError, StoreError, UsageError
from kg.store import query as questions
from kg.store.backends import (
    DEFAULT_WAIT,
    EmbeddedStore,
    Store,
    iter_files,
    open_store,
    stored,
)
from kg.store.delivery import KEYS as DELIVERY_KEYS
from kg.store.delivery import delivery as delivery_question

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class StoreTarget:
    """Where the graphs are, as the options gave it: an embedded store or an endpoint."""

    store_dir: Path | None
    endpoint: str | None
    graph_store: str | None
    user: str | None
    password: str | None

    def open(self, wait: float = DEFAULT_WAIT) -> Store:
        return open_store(
            self.store_dir,
            self.endpoint,
            graph_store=self.graph_store,
            user=self.user,
            password=self.password,
            wait=wait,
        )


def store_options(function: F) -> F:
    """``--store DIR`` or ``--endpoint URL`` (with credentials), given to the command as one
    ``target: StoreTarget``."""
    options = [
        click.option(
            "--store",
            "store_dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Embedded store directory (default: build/store).",
        ),
        click.option(
            "--endpoint",
            metavar="URL",
            help="A SPARQL 1.1 query endpoint (Oxigraph: …/query, Virtuoso: …/sparql).",
        ),
        click.option(
            "--graph-store",
            metavar="URL",
            help="Its Graph Store Protocol endpoint, when not the usual one beside it.",
        ),
        click.option("--user", help="Endpoint user (or KG_ENDPOINT_USER)."),
        click.option("--password", help="Endpoint password (or KG_ENDPOINT_PASSWORD)."),
    ]

    @functools.wraps(function)
    def command(
        *args: Any,
        store_dir: Path | None,
        endpoint: str | None,
        graph_store: str | None,
        user: str | None,
        password: str | None,
        **kwargs: Any,
    ) -> Any:
        target = StoreTarget(store_dir, endpoint, graph_store, user, password)
        return function(*args, target=target, **kwargs)

    wrapped: Any = command
    for option in reversed(options):
        wrapped = option(wrapped)
    return cast(F, wrapped)


def format_option(function: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(questions.FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(function)


def _print(answer: questions.Answer | bool, fmt: str) -> None:
    """The answer on stdout; notes, and what an empty answer was asked, on stderr."""
    if isinstance(answer, questions.Answer):
        for note in answer.notes:
            click.echo(f"note: {note}", err=True)
        if not answer.records:
            for said in answer.empty:
                click.echo(said, err=True)
    click.echo(questions.render(answer, fmt), nl=False)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_options
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=DEFAULT_WAIT,
    show_default=True,
    help="Seconds to wait for another kg process using the embedded store.",
)
def load(
    files: tuple[Path, ...],
    target: StoreTarget,
    wait: float,
) -> None:
    """Load RDF files (.ttl, .jsonld, .nt, .nq, .trig; or folders of them) into a store.

    Each document goes into its own named graph, the IRI of its fp:Document (N-Quads keep
    their graphs); loading a document again replaces its graph whole.

    \b
    Example:
      kg load build/*.ttl
      kg load build/ --endpoint http://localhost:7878/query
    """
    store = target.open(wait)
    loaded = store.load(iter_files(files))
    first_source: dict[str, Path] = {}
    for graph in loaded:
        verb = "replaced" if graph.replaced else "loaded"
        line = f"{verb} {graph.graph} ({graph.quads} quads) from {graph.source}"
        earlier = first_source.setdefault(graph.graph, graph.source)
        if earlier != graph.source:  # a second file of one document replaced the first
            line += f": the same document as {earlier}"
        click.echo(line)
    kept = stored(loaded)
    total = sum(g.quads for g in kept)
    click.echo(f"{len(kept)} graphs, {total} quads into {store.description}")
    if len(kept) < len(loaded):
        click.echo(
            f"note: {len(loaded) - len(kept)} of the {len(loaded)} graphs read repeat a document "
            "read from another file (a .ttl and a .jsonld of it?); each document is stored once "
            "(load one format: kg load DIR/*.ttl)",
            err=True,
        )


@click.group()
def query() -> None:
    """Ask a named question: programmes, outcomes, targets, delivery, officials.

    \b
    Example:
      kg query programmes --area 永勝縣 --format json
    """


@query.command()
@click.option("--area", required=True, metavar="NAME", help="A division: name or 6-digit code.")
@format_option
@store_options
def programmes(
    area: str,
    fmt: str,
    target: StoreTarget,
) -> None:
    """Which programmes target an area?

    NAME in traditional or simplified characters, full or short (永勝縣, 永胜县, 永胜) or a
    GB/T 2260 code (530722).  Answers programmes that target the area (match "direct") or a
    place inside it ("within") and those targeting an area containing it ("contains"), each
    with its evidence quotes and documents.  The table has one row per programme, match and
    area, with its best quote cleaned and trimmed, fitted to the terminal (COLUMNS); JSON and
    CSV give every quote exactly as stored, with its offsets.  An empty answer exits 0 and says
    on stderr what the store holds.  Exit 1 when NAME names no area in the store.

    \b
    Example:
      kg query programmes --area 永胜 --format json
    """
    store = target.open()
    _print(questions.programmes(store, area), fmt)


@query.command()
@click.option("--area", required=True, metavar="NAME", help="A division: name or 6-digit code.")
@format_option
@store_options
def outcomes(
    area: str,
    fmt: str,
    target: StoreTarget,
) -> None:
    """Outcomes (achieved, measured) reported for an area or places inside it.

    \b
    Example:
      kg query outcomes --area 丽江市 --format csv
    """
    store = target.open()
    _print(questions.observations(store, area, "Outcome"), fmt)


@query.command()
@click.option("--area", metavar="NAME", help="A division; without it, every programme's targets.")
@format_option
@store_options
def targets(
    area: str | None,
    fmt: str,
    target: StoreTarget,
) -> None:
    """Targets (planned) for an area or places inside it; or programmes with their targets.

    \b
    Example:
      kg query targets --area 永胜县
    """
    store = target.open()
    if area is None:
        _print(questions.programme_targets(store), fmt)
    else:
        _print(questions.observations(store, area, "Target"), fmt)


@query.command()
@click.option("--area", required=True, metavar="NAME", help="A division: name or 6-digit code.")
@click.option(
    "--indicator",
    metavar="WORDS",
    help="Only targets whose indicator or standard concept contains WORDS (生产总值, GDP).",
)
@format_option
@store_options
def delivery(
    area: str,
    indicator: str | None,
    fmt: str,
    target: StoreTarget,
) -> None:
    """Did an area reach what it announced?  Targets with their outcomes and a verdict.

    Every target for the area (and, marked "within", places inside it), paired with the outcome
    of the same standard indicator, area, unit and period from any document in the store (the
    latest-dated report wins).  Verdicts: met, missed, pending (outcomes only for an earlier
    period) or unknown (no outcome).  以上/突破/不低于 read as a floor, 控制在/以内/不超过 as a
    ceiling, 左右 as within 0.5 percentage points (5% of the target for other units) or better.

    \b
    Example:
      kg query delivery --area 重庆市 --indicator 生产总值 --format json
    """
    store = target.open()
    answer = delivery_question(store, area, indicator)
    if fmt == "csv" and not answer.records:  # the header names the JSON keys all the same
        click.echo(",".join(DELIVERY_KEYS))
        return
    _print(answer, fmt)


@query.command()
@click.option("--organisation", "--org", metavar="NAME", help="An organisation's name.")
@click.option("--area", metavar="NAME", help="A division: its bodies and those of places in it.")
@format_option
@store_options
def officials(
    organisation: str | None,
    area: str | None,
    fmt: str,
    target: StoreTarget,
) -> None:
    """Officials holding posts in an organisation (and its sub-organisations) or in the
    bodies of an area (those serving it or a place inside it).

    \b
    Example:
      kg query officials --org 中共丽江市委
      kg query officials --area 丽江市
    """
    if (organisation is None) == (area is None):
        raise UsageError("give one of --org NAME or --area NAME")
    store = target.open()
    if area is not None:
        _print(questions.area_officials(store, area), fmt)
    else:
        assert organisation is not None
        _print(questions.officials(store, organisation), fmt)


DEFAULT_TIMEOUT = 60.0
"""Seconds after which ``kg sparql`` stops a query (``--timeout``)."""


@click.command()
@click.argument("text", metavar="QUERY")
@format_option
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Stop the query when it has run this long.",
)
@store_options
def sparql(
    text: str,
    fmt: str,
    timeout: float,
    target: StoreTarget,
) -> None:
    """Run a SPARQL query (text, or @FILE.rq) against the store.

    Read-only: updates (INSERT, DELETE, CLEAR, DROP, LOAD …) are refused by name.  The
    embedded store answers from the union of all document graphs and refuses SERVICE, LOAD
    and FROM (nothing is fetched).  Rows keep the query's ORDER BY, else are sorted.  Error
    positions are in the query's own lines.

    \b
    Example:
      kg sparql 'SELECT ?p ?label WHERE { ?p a fp:Programme ; rdfs:label ?label }'
    """
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read the query file {path}: {error}") from None
    if not text.strip():
        raise UsageError("empty query")
    store = target.open()  # not opened yet: the process that queries opens it
    local = isinstance(store, EmbeddedStore)
    _print(within(timeout, lambda: questions.sparql(store, text, local=local)), fmt)


T = TypeVar("T")


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()`` run in a child process that is killed after ``seconds``: Oxigraph offers no
    way to interrupt a query, and a thread could not be stopped.  The child's ``KgError``
    is raised here; where ``fork`` is missing the work runs here, without a limit."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return work()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_answer, args=(work, send), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise UsageError(
                f"the query ran for {seconds:g} s and was stopped",
                "narrow it, or give a longer --timeout",
            )
        try:
            kind, value = receive.recv()
        except EOFError:
            child.join()
            raise StoreError(
                f"the query ended without an answer (exit status {child.exitcode})"
            ) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if kind == "answer":
        return cast(T, value)
    error_type, message, hint = value
    if issubclass(error_type, KgError):
        raise error_type(message, hint)
    raise RuntimeError(message)


def _answer(work: Callable[[], object], send: Connection) -> None:
    """In the child: send ``("answer", value)`` or ``("error", (type, message, hint))``."""
    try:
        outcome: tuple[str, object] = ("answer", work())
    except KgError as error:
        outcome = ("error", (type(error), error.message, error.hint))
    except Exception as error:  # an internal error, reported by the parent like any other
        outcome = ("error", (RuntimeError, f"in the query process: {error!r}", None))
    send.send(outcome)
    send.close()


COMMANDS = (load, query, sparql)
