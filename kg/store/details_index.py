"""The embedded store's details index: the labels and evidence quotes of every thing in it.

``kg query`` shows each thing in an answer with its labels and its evidence.  In the store a
thing's labels are one lookup per document that names it, and a quote four lookups away from
it (thing → mention → source and selectors → quote).  Oxigraph pays a few microseconds for each
lookup, so the labels and quotes of a thousand things cost tens of milliseconds; two indexed
SQLite tables beside the store answer them in a few.

A name that names nothing is answered with the closest known names (issue 16): every name of
every division or organisation, repeated by every document that mentions it, is 10 s of
SPARQL on 200 documents and over a minute on 900.  A third table holds those names, so the
suggestions read the distinct names from an index.

``kg query delivery`` reads every target and outcome of an area and of the places inside it,
each with its indicator's concept, the codes of its area and unit and its document's date: at
10,000 documents a few thousand lookups in the store (0.4 s).  Two more tables hold them: the
``observations`` table what ``delivery-facts.rq`` answers (an observation's own facts), the
``facts`` table the few facts delivery.rq joins across documents (places inside places, codes,
concepts, dates), by subject; :meth:`DetailsIndex.delivery_rows` joins them as delivery.rq does.

The tables hold what ``kg/store/queries/labels.rq``, ``evidence.rq``, ``area-names.rq``,
``organisation-names.rq`` and ``delivery-facts.rq`` answer, graph by graph (and the facts named
in :data:`FACT_PREDICATES`), and nothing else:
:meth:`kg.store.backends.EmbeddedStore.load` writes them from the graphs it has just loaded, by
those same queries, so the index and the queries cannot disagree.
The index is a cache, never the truth:

* it records the *fingerprint* of the store's files (names, sizes and times) as the load left
  them.  RocksDB never reuses a file number, so any later write, by any program, changes the
  fingerprint.  A reader uses the index only when the fingerprint it recorded before opening
  the store matches the files after (so its snapshot is the one the index describes), and
  reads from it only while the index still records that fingerprint;
* otherwise (a load that failed or was killed, a store written by another program, a store
  from before the index) queries answer from the store alone, the same answers more slowly,
  and the next load rebuilds the index from the whole store.

A load holds the index's write lock from before it opens the store until the index is
committed, so two loads never interleave their index writes.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox

from kg.resources import load_query

Term = ox.NamedNode | ox.BlankNode | ox.Literal

INDEX_FILE = "kg-details.sqlite"
"""In the store's directory, beside the RocksDB files (RocksDB leaves other files alone)."""

_OWN_FILES = (INDEX_FILE, INDEX_FILE + "-journal", INDEX_FILE + "-wal", INDEX_FILE + "-shm")
_VOLATILE = ("LOCK", "LOG")
"""RocksDB's lock and its info logs, which change without the data changing."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS labels (
  graph TEXT NOT NULL, thing TEXT NOT NULL, label TEXT NOT NULL, language TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS evidence (
  graph TEXT NOT NULL, thing TEXT NOT NULL, document TEXT NOT NULL,
  start INTEGER NOT NULL, quote TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (
  graph TEXT NOT NULL, kind TEXT NOT NULL, thing TEXT NOT NULL, how TEXT NOT NULL,
  value TEXT NOT NULL, language TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS observations (
  graph TEXT NOT NULL, observation TEXT NOT NULL, kind TEXT NOT NULL, area TEXT NOT NULL,
  indicator TEXT NOT NULL, value TEXT NOT NULL, unit TEXT NOT NULL, qualifier TEXT,
  period TEXT, period_start TEXT, period_end TEXT, document TEXT
);
CREATE TABLE IF NOT EXISTS facts (
  graph TEXT NOT NULL, subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS labels_thing ON labels (thing, label, language);
CREATE INDEX IF NOT EXISTS names_kind ON names (kind, thing, how, value, language);
CREATE INDEX IF NOT EXISTS names_graph ON names (graph);
CREATE INDEX IF NOT EXISTS labels_graph ON labels (graph);
CREATE INDEX IF NOT EXISTS evidence_thing ON evidence (thing);
CREATE INDEX IF NOT EXISTS evidence_graph ON evidence (graph);
CREATE INDEX IF NOT EXISTS observations_area ON observations (area);
CREATE INDEX IF NOT EXISTS observations_graph ON observations (graph);
CREATE INDEX IF NOT EXISTS facts_subject ON facts (predicate, subject, object);
CREATE INDEX IF NOT EXISTS facts_object ON facts (predicate, object, subject);
CREATE INDEX IF NOT EXISTS facts_graph ON facts (graph);
"""
_TABLES = ("labels", "evidence", "names", "observations", "facts")
SCHEMA_VERSION = "3"
"""Recorded beside the fingerprint: an index written by an older kg (no ``names``, no
``observations``) is stale."""
NAME_QUERIES = {"area": "area-names", "organisation": "organisation-names"}
"""The kinds of thing whose names are indexed, and the query (by that variable) giving them."""
_SCHEMA_ORG, _SKOS = "https://schema.org/", "http://www.w3.org/2004/02/skos/core#"
_FP, _DCTERMS = "https://w3id.org/fupin-kg/ontology#", "http://purl.org/dc/terms/"
CONTAINED_IN, NOTATION, CONCEPT = (
    _SCHEMA_ORG + "containedInPlace",
    _SKOS + "notation",
    _FP + "concept",
)
ISSUED, CREATED = _DCTERMS + "issued", _DCTERMS + "created"
FACT_PREDICATES = (CONTAINED_IN, NOTATION, CONCEPT, ISSUED, CREATED)
"""What delivery.rq joins across documents: every statement of these, by subject (an IRI)."""
DELIVERY_VARIABLES = (
    "kind",
    "observation",
    "area",
    "areaCode",
    "indicator",
    "concept",
    "value",
    "unit",
    "unitCode",
    "qualifier",
    "period",
    "start",
    "end",
    "document",
    "issued",
    "created",
)
"""The variables of delivery.rq, in its order: :meth:`DetailsIndex.delivery_rows` gives rows
of these."""
_OBSERVATION_COLUMNS = (
    "observation, kind, area, indicator, value, unit, qualifier, period, period_start,"
    " period_end, document"
)
_CHUNK = 500
"""Keys per SQL statement (old SQLite builds allow 999 bound parameters)."""
_BATCH = 20_000
"""Rows a load collects before it writes them."""


class Evidence(NamedTuple):
    """A quote and its document; ``start`` (-1 when unknown) orders a document's quotes."""

    document: str
    start: int
    quote: str

    def as_dict(self) -> dict[str, str]:
        return {"document": self.document, "quote": self.quote}


Label = tuple[str, str]
"""A label's text and its language tag ("" for none)."""


def term_text(term: object) -> str:
    """An IRI's text, a blank node as ``_:id``, a literal's lexical form ("" for none)."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(getattr(term, "value", ""))


def encode(term: object) -> str | None:
    """A term as the observations and facts tables keep it: ``<`` and an IRI, ``_`` and a blank
    node's id, ``"`` and a literal's lexical form (all delivery reads of one); ``None`` for
    none."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return "<" + term.value
    if isinstance(term, ox.BlankNode):
        return "_" + term.value
    return '"' + term_text(term)


def decode(text: str | None) -> Term | None:
    """The term :func:`encode` kept (a literal as a plain one, with its lexical form)."""
    if text is None:
        return None
    kind, value = text[:1], text[1:]
    if kind == "<":
        return ox.NamedNode(value)
    if kind == "_":
        return ox.BlankNode(value)
    return ox.Literal(value)


def encoded_text(encoded: str | None) -> str:
    """The text of a term :func:`encode` kept, as :func:`term_text` gives the term itself
    ("" for none)."""
    if not encoded:
        return ""
    return "_:" + encoded[1:] if encoded[0] == "_" else encoded[1:]


def label_of(label: object) -> Label | None:
    """A row of ``labels.rq`` as a :data:`Label`; ``None`` when the label is no literal."""
    if not isinstance(label, ox.Literal):
        return None
    return label.value, label.language or ""


def evidence_of(document: object, quote: object, start: object) -> Evidence | None:
    """A row of ``evidence.rq`` as :class:`Evidence`; ``None`` when the quote is no literal."""
    if not isinstance(quote, ox.Literal):
        return None
    try:
        offset = int(start.value) if isinstance(start, ox.Literal) else -1
    except ValueError:
        offset = -1
    return Evidence(term_text(document), offset, quote.value)


def fingerprint(store_dir: Path) -> str:
    """The store's files as they are now: changed by every write to the store."""
    try:
        entries = sorted(os.scandir(store_dir), key=lambda e: e.name)
    except OSError:
        return ""
    parts = []
    for entry in entries:
        if entry.name in _OWN_FILES or entry.name.startswith(_VOLATILE):
            continue
        try:
            stat = entry.stat()
        except OSError:
            return ""  # a file vanished while we looked: the store is changing
        parts.append(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def _recorded(connection: sqlite3.Connection) -> str:
    """The fingerprint the index records; "" when it has none or was written by another
    version of the index."""
    rows = dict(connection.execute("SELECT key, value FROM state").fetchall())
    if rows.get("schema") != SCHEMA_VERSION:
        return ""
    return str(rows.get("fingerprint", ""))


def _solutions(store: ox.Store, query: str, graph: ox.NamedNode) -> Iterator[ox.QuerySolution]:
    # labels.rq reads the default graph, evidence.rq the named graphs: both are this graph.
    solutions = store.query(query, default_graph=[graph], named_graphs=[graph])
    assert isinstance(solutions, ox.QuerySolutions)
    return iter(solutions)


# --- writing, during a load ----------------------------------------------------------------------


class IndexWriter:
    """The index's side of one load: opened (and locked) before the store is, committed after
    the store is closed.  ``current`` says whether the index described the store as the load
    found it; when it did not, :meth:`rebuild` indexes every graph, not only those added."""

    def __init__(self, store_dir: Path, wait: float) -> None:
        self.store_dir = Path(store_dir)
        self._labels: list[tuple[str, str, str, str]] = []
        self._evidence: list[tuple[str, str, str, int, str]] = []
        self._names: list[tuple[str, str, str, str, str, str]] = []
        self._observations: list[tuple[str | None, ...]] = []
        self._facts: list[tuple[str, str, str, str]] = []
        self._pending: set[str] = set()  # the graphs of the rows not written yet
        self._connection = sqlite3.connect(self.store_dir / INDEX_FILE, timeout=wait)
        self._connection.isolation_level = None  # transactions by hand: BEGIN … COMMIT
        try:
            self._connection.executescript(_SCHEMA)
            self._connection.execute("BEGIN IMMEDIATE")  # the load's lock, held to commit()
            self.current = _recorded(self._connection) == fingerprint(self.store_dir)
        except BaseException:
            self._connection.close()
            raise

    def add(self, graphs: Mapping[ox.NamedNode, Sequence[ox.Quad]]) -> None:
        """Index ``graphs`` as a load writes them, from a copy in memory: the same answers as
        from the store, without its index lookups."""
        copy = ox.Store()
        copy.extend(quad for quads in graphs.values() for quad in quads)
        if self._pending.intersection(g.value for g in graphs):
            self._write()  # a graph loaded twice: its first rows go before they are deleted
        for graph in graphs:
            for table in _TABLES:
                self._connection.execute(f"DELETE FROM {table} WHERE graph = ?", (graph.value,))
        self._collect(copy, graphs)

    def rebuild(self, store: ox.Store) -> None:
        """Index every graph of ``store`` afresh (the index did not describe the store)."""
        for table in _TABLES:
            self._connection.execute(f"DELETE FROM {table}")
        graphs = (g for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        self._collect(store, sorted(graphs, key=str))

    def _collect(self, store: ox.Store, graphs: Iterable[ox.NamedNode]) -> None:
        """Write the labels and evidence of ``graphs`` in ``store`` into the transaction, a
        batch of rows at a time (SQLite keeps the transaction on disk: a load's memory does
        not grow with its files)."""
        labels, evidence = load_query("labels"), load_query("evidence")
        names = {kind: load_query(query) for kind, query in NAME_QUERIES.items()}
        observations = load_query("delivery-facts")
        predicates = [ox.NamedNode(p) for p in FACT_PREDICATES]
        for graph in graphs:
            named = graph.value
            self._pending.add(named)
            self._labels.extend(
                (named, node.value, *found)
                for node, label in _solutions(store, labels, graph)
                if isinstance(node, ox.NamedNode) and (found := label_of(label)) is not None
            )
            self._evidence.extend(
                (named, thing.value, *said)
                for thing, document, quote, start in _solutions(store, evidence, graph)
                if isinstance(thing, ox.NamedNode)
                and (said := evidence_of(document, quote, start)) is not None
            )
            for kind, query in names.items():
                self._names.extend(
                    (named, kind, thing.value, how.value, value.value, value.language or "")
                    for thing, how, value in _solutions(store, query, graph)
                    if isinstance(thing, ox.NamedNode)
                    and isinstance(how, ox.Literal)
                    and isinstance(value, ox.Literal)
                )
            self._observations.extend(
                (named, observation.value, *map(encode, rest))
                for observation, *rest in _solutions(store, observations, graph)
                if isinstance(observation, ox.NamedNode) and isinstance(rest[1], ox.NamedNode)
            )
            for predicate in predicates:
                self._facts.extend(
                    (named, quad.subject.value, predicate.value, str(encode(quad.object)))
                    for quad in store.quads_for_pattern(None, predicate, None, graph)
                    if isinstance(quad.subject, ox.NamedNode)
                )
            if self._buffered() >= _BATCH:
                self._write()

    def _buffered(self) -> int:
        buffers: tuple[list[Any], ...] = (
            self._labels,
            self._evidence,
            self._names,
            self._observations,
            self._facts,
        )
        return sum(len(rows) for rows in buffers)

    def _write(self) -> None:
        self._connection.executemany("INSERT INTO labels VALUES (?, ?, ?, ?)", self._labels)
        self._connection.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?)", self._evidence)
        self._connection.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)", self._names)
        self._connection.executemany(
            "INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self._observations,
        )
        self._connection.executemany("INSERT INTO facts VALUES (?, ?, ?, ?)", self._facts)
        self._labels.clear()
        self._evidence.clear()
        self._names.clear()
        self._observations.clear()
        self._facts.clear()
        self._pending.clear()

    def commit(self) -> None:
        """Record the store's fingerprint and commit (the store is closed now)."""
        self._write()
        self._connection.execute(
            "INSERT OR REPLACE INTO state VALUES ('fingerprint', ?)",
            (fingerprint(self.store_dir),),
        )
        self._connection.execute(
            "INSERT OR REPLACE INTO state VALUES ('schema', ?)", (SCHEMA_VERSION,)
        )
        self._connection.execute("COMMIT")

    def close(self) -> None:
        """Release the lock; anything not committed is dropped (the index stays stale)."""
        if self._connection.in_transaction:
            self._connection.execute("ROLLBACK")
        self._connection.close()


# --- reading ------------------------------------------------------------------------------------


class DetailsIndex:
    """The index as a reader found it, bound to the snapshot the reader opened."""

    def __init__(self, connection: sqlite3.Connection, recorded: str) -> None:
        self._connection = connection
        self._recorded = recorded
        self._lock = threading.Lock()

    def labels(self, things: Iterable[str]) -> dict[str, set[Label]] | None:
        """The labels of each of ``things`` that has one, or ``None`` when a load has changed
        the index since the reader opened the store."""
        ordered = sorted(set(things))
        rows = self._read(
            lambda connection: [
                row
                for i in range(0, len(ordered), _CHUNK)
                for row in connection.execute(
                    _distinct_labels(len(ordered[i : i + _CHUNK])), ordered[i : i + _CHUNK]
                )
            ]
        )
        if rows is None:
            return None
        found: dict[str, set[Label]] = defaultdict(set)
        for thing, label, language in rows:
            found[thing].add((label, language))
        return found

    def evidence(self, things: Iterable[str]) -> dict[str, set[Evidence]] | None:
        """The evidence of each of ``things`` that has some, or ``None`` as for labels."""
        rows = self._rows("SELECT thing, document, start, quote FROM evidence", things)
        if rows is None:
            return None
        found: dict[str, set[Evidence]] = defaultdict(set)
        for thing, document, start, quote in rows:
            found[thing].add(Evidence(document, start, quote))
        return found

    def names(self, kind: str) -> list[tuple[str, str, str, str]] | None:
        """Every distinct name of every thing of ``kind`` (``area`` or ``organisation``):
        ``(thing, how, value, language)`` rows, as ``area-names.rq`` or
        ``organisation-names.rq`` answer them; ``None`` as for labels."""
        select = (
            "SELECT DISTINCT thing, how, value, language FROM names WHERE kind = ?"
            " ORDER BY thing, how, value, language"
        )
        rows = self._read(lambda connection: list(connection.execute(select, (kind,))))
        if rows is None:
            return None
        return [(str(t), str(h), str(v), str(lang)) for t, h, v, lang in rows]

    def delivery_rows(self, target: str) -> list[dict[str, Term | None]] | None:
        """What delivery.rq answers for the area ``target`` (an IRI): rows of
        :data:`DELIVERY_VARIABLES`, with literals as plain ones; ``None`` as for labels."""
        rows = self.encoded_delivery_rows(target)
        if rows is None:
            return None
        decoded = _Decoded()
        return [
            dict(zip(DELIVERY_VARIABLES, map(decoded.__getitem__, row), strict=True))
            for row in rows
        ]

    def encoded_delivery_rows(self, target: str) -> list[tuple[str | None, ...]] | None:
        """The rows of :meth:`delivery_rows` with each term as :func:`encode` keeps it: what
        ``kg query delivery`` reads, without making a term of every value only to read its
        text again."""
        return self._read(lambda connection: _delivery_rows(connection, target))

    def _rows(self, select: str, things: Iterable[str]) -> list[tuple[Any, ...]] | None:
        ordered = sorted(set(things))

        def read(connection: sqlite3.Connection) -> list[tuple[Any, ...]]:
            rows: list[tuple[Any, ...]] = []
            for i in range(0, len(ordered), _CHUNK):
                chunk = ordered[i : i + _CHUNK]
                where = f" WHERE thing IN ({', '.join('?' * len(chunk))})"
                rows.extend(connection.execute(select + where, chunk))
            return rows

        return self._read(read)

    def _read(
        self, read: Callable[[sqlite3.Connection], list[tuple[Any, ...]]]
    ) -> list[tuple[Any, ...]] | None:
        """``read`` in one read transaction, while the index still records the fingerprint
        the reader opened the store with; ``None`` when it does not, or on an SQLite error."""
        with self._lock:
            connection = self._connection
            try:
                connection.execute("BEGIN")
                if _recorded(connection) != self._recorded:
                    return None
                return read(connection)
            except sqlite3.Error:
                return None
            finally:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")

    def close(self) -> None:
        self._connection.close()


def _in_chunks(
    connection: sqlite3.Connection, select: str, fixed: Sequence[str], keys: Iterable[str]
) -> list[tuple[Any, ...]]:
    """The rows of ``select`` (ending ``IN``) for all of ``keys``, a chunk at a time."""
    ordered = sorted(set(keys))
    rows: list[tuple[Any, ...]] = []
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i : i + _CHUNK]
        rows.extend(
            connection.execute(f"{select} ({', '.join('?' * len(chunk))})", (*fixed, *chunk))
        )
    return rows


def _distinct_labels(count: int) -> str:
    """The distinct labels of ``count`` things (bound ?1 …).  Every document repeats the
    labels of what it names (45,000 copies of eight indicators' labels at 10,000 documents):
    DISTINCT reads every copy (38 ms), this skips from each label to the next greater in the
    index (thing, label, language), and from each language of a label to the next (0.7 ms)."""
    wanted = ", ".join(f"(?{n})" for n in range(1, count + 1))
    return f"""
WITH RECURSIVE wanted(thing) AS (VALUES {wanted}),
by_label(thing, label) AS (
  SELECT thing, (SELECT MIN(label) FROM labels WHERE labels.thing = wanted.thing) FROM wanted
  UNION ALL
  SELECT thing, (SELECT MIN(label) FROM labels
                 WHERE labels.thing = by_label.thing AND labels.label > by_label.label)
  FROM by_label WHERE label IS NOT NULL
),
by_language(thing, label, language) AS (
  SELECT thing, label, (SELECT MIN(language) FROM labels
                        WHERE labels.thing = by_label.thing AND labels.label = by_label.label)
  FROM by_label WHERE label IS NOT NULL
  UNION ALL
  SELECT thing, label, (SELECT MIN(language) FROM labels
                        WHERE labels.thing = by_language.thing
                        AND labels.label = by_language.label
                        AND labels.language > by_language.language)
  FROM by_language WHERE language IS NOT NULL
)
SELECT thing, label, language FROM by_language WHERE language IS NOT NULL"""


def _facts(
    connection: sqlite3.Connection, predicate: str, keys: Iterable[str], by: str
) -> list[tuple[str, str]]:
    """The distinct ``(key, other)`` pairs of ``predicate`` whose ``by`` (``subject`` or
    ``object``) is one of ``keys``.  Every document repeats an indicator's concept or a unit's
    code (36,000 copies of eight concepts at 10,000 documents): DISTINCT would read every copy,
    so each key's values are read by skipping from one to the next greater in the index."""
    other = "object" if by == "subject" else "subject"
    ordered = sorted(set(keys))
    rows: list[tuple[str, str]] = []
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i : i + _CHUNK]
        wanted = ", ".join(f"(?{n})" for n in range(2, len(chunk) + 2))
        first = f"SELECT MIN({other}) FROM facts WHERE predicate = ?1 AND {by} = wanted.key"
        following = (
            f"SELECT MIN({other}) FROM facts"
            f" WHERE predicate = ?1 AND {by} = step.key AND {other} > step.value"
        )
        select = (
            f"WITH RECURSIVE wanted(key) AS (VALUES {wanted}),"
            f" step(key, value) AS (SELECT key, ({first}) FROM wanted"
            f" UNION ALL SELECT key, ({following}) FROM step WHERE value IS NOT NULL)"
            " SELECT key, value FROM step WHERE value IS NOT NULL"
        )
        rows.extend(connection.execute(select, (predicate, *chunk)))
    return rows


def _delivery_rows(connection: sqlite3.Connection, target: str) -> list[tuple[Any, ...]]:
    """delivery.rq over the two tables: the places inside ``target`` (``containedInPlace*``),
    the observations there, each joined with every concept of its indicator, code of its area
    and unit and date of its document (one row per combination, as the query's OPTIONALs
    give), targets always and outcomes only with a concept; terms as :func:`encode` keeps
    them."""
    areas, todo = {target}, [target]
    while todo:
        inside = _facts(connection, CONTAINED_IN, ("<" + area for area in todo), by="object")
        todo = sorted({subject for _area, subject in inside} - areas)
        areas.update(todo)
    found = dict.fromkeys(  # DISTINCT, without SQLite sorting every row
        _in_chunks(
            connection,
            f"SELECT {_OBSERVATION_COLUMNS} FROM observations WHERE area IN",
            [],
            ("<" + area for area in areas),
        )
    )
    wanted: dict[str, set[str]] = defaultdict(set)  # subjects (IRIs) by predicate
    for _observation, _kind, area, indicator, _value, unit, *_rest, document in found:
        for predicate, term in (
            (NOTATION, area),
            (CONCEPT, indicator),
            (NOTATION, unit),
            (ISSUED, document),
            (CREATED, document),
        ):
            if term is not None and term.startswith("<"):
                wanted[predicate].add(term[1:])
    # the objects of (predicate, subject as encoded): [None] for none, as an OPTIONAL gives
    objects: dict[tuple[str, str | None], list[str | None]] = defaultdict(lambda: [None])
    for predicate, subjects in sorted(wanted.items()):
        for subject, value in sorted(_facts(connection, predicate, subjects, by="subject")):
            key = (predicate, "<" + subject)
            objects[key] = [*objects[key], value] if key in objects else [value]

    target_kind = "<" + _FP + "Target"
    rows: list[tuple[Any, ...]] = []
    for (
        observation,
        kind,
        area,
        indicator,
        value,
        unit,
        qualifier,
        period,
        start,
        end,
        document,
    ) in found:
        combinations = itertools.product(
            objects[(NOTATION, area)],
            objects[(CONCEPT, indicator)],
            objects[(NOTATION, unit)],
            objects[(ISSUED, document)],
            objects[(CREATED, document)],
        )
        for area_code, concept, unit_code, issued, created in combinations:
            if concept is None and kind != target_kind:
                continue  # FILTER(?kind = fp:Target || BOUND(?concept))
            rows.append(
                (
                    kind,
                    "<" + observation,
                    area,
                    area_code,
                    indicator,
                    concept,
                    value,
                    unit,
                    unit_code,
                    qualifier,
                    period,
                    start,
                    end,
                    document,
                    issued,
                    created,
                )
            )
    return rows


class _Decoded(dict[str | None, Term | None]):
    """Each encoded term decoded once (every row repeats its kind, indicator, unit …)."""

    def __missing__(self, text: str | None) -> Term | None:
        self[text] = term = decode(text)
        return term


def read_state(store_dir: Path) -> tuple[sqlite3.Connection, str] | None:
    """Open the index read-only and read the fingerprint it records, before the store is
    opened; ``None`` when there is no usable index."""
    path = Path(store_dir) / INDEX_FILE
    if not path.is_file():
        return None
    try:
        # No waiting: while a load writes the index, the queries answer without it.
        connection = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, timeout=0, check_same_thread=False
        )
    except sqlite3.Error:
        return None
    connection.isolation_level = None  # transactions by hand: BEGIN … ROLLBACK
    try:
        recorded = _recorded(connection)
    except sqlite3.Error:
        recorded = ""
    if not recorded:
        connection.close()
        return None
    return connection, recorded


def reader_index(
    store_dir: Path, state: tuple[sqlite3.Connection, str] | None
) -> DetailsIndex | None:
    """The index for a snapshot opened after :func:`read_state`, when the store's files are
    still those the index recorded (nothing wrote in between)."""
    if state is None:
        return None
    connection, recorded = state
    if fingerprint(store_dir) != recorded:
        connection.close()
        return None
    return DetailsIndex(connection, recorded)
