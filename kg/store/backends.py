"""Where graphs live: the embedded Oxigraph store and remote SPARQL 1.1 stores.

Each document goes into its own named graph, the IRI of its ``fp:Document``; loading a document
again replaces that graph in one transaction, so a load is idempotent and a load killed half-way
leaves every document wholly old or wholly new.

* :class:`EmbeddedStore` -- a pyoxigraph ``Store`` in a directory (default ``build/store``).
  Writers take RocksDB's lock (waiting up to ``wait`` seconds, then :class:`StoreBusyError`);
  readers open the store read-only and never wait.  Queries see the union of all graphs.
  Beside it, the labels and evidence quotes of every thing, for ``kg query``
  (:mod:`kg.store.details_index`), which loads keep current.
* :class:`RemoteStore` -- a SPARQL 1.1 endpoint: Graph Store HTTP Protocol ``PUT ?graph=IRI`` to
  load, the SPARQL 1.1 Query protocol to ask.  Basic and digest authentication.  No request goes
  anywhere but the endpoint given: no proxies, no redirects followed.

Values reach queries as bound variables: pyoxigraph ``substitutions`` in the embedded store; for
remote stores the variable's occurrences are replaced, token by token, with the term as written
by a strict serialiser (:func:`sparql_term`), never by formatting user text into a query.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import InputError, StoreBusyError, StoreError, UsageError
from kg.store.details_index import DetailsIndex, IndexWriter, read_state, reader_index
from kg.text.read import check_regular, read_bytes

Term = ox.NamedNode | ox.BlankNode | ox.Literal
DEFAULT_STORE = Path("build") / "store"
DEFAULT_WAIT = 10.0
"""Seconds a writer waits for another process to release the embedded store."""

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FP_DOCUMENT = ox.NamedNode("https://w3id.org/fupin-kg/ontology#Document")

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rows:
    """The answer to a SELECT query: variable names and one tuple of terms per solution."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]

    def dicts(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


QueryResult = Rows | bool | list[ox.Triple]


@dataclass(frozen=True)
class LoadedGraph:
    """One named graph written by a load."""

    graph: str
    quads: int
    source: Path
    replaced: bool


def _rows(solutions: ox.QuerySolutions) -> Rows:
    variables = tuple(v.value for v in solutions.variables)
    # A solution iterates over its values in the order of the variables (None when unbound),
    # several times faster than looking each variable up by name.
    return Rows(variables, tuple(tuple(s) for s in solutions))


def _result(answer: object) -> QueryResult:
    if isinstance(answer, ox.QuerySolutions):
        return _rows(answer)
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer)
    return list(answer)  # type: ignore[call-overload]


# --- reading RDF files -------------------------------------------------------------------------


def read_graphs(path: Path) -> dict[ox.NamedNode, list[ox.Quad]]:
    """The named graphs of an RDF file, each with its quads.

    Quads in a named graph keep it (``.nq``, ``.trig``); triples outside any named graph go into
    the graph of the file's ``fp:Document``, which must be one.  Blank nodes are renamed, so two
    documents never share one.
    """
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"{path}: unknown RDF format {path.suffix!r}", f"use one of {known}")
    from kg.rdf import rdfio  # imports rdflib: only loads need it

    data = read_bytes(path, rdfio.MAX_RDF_BYTES, "RDF file", "split it into one file per document")
    rdfio.check_not_utf16(data, str(path))
    if fmt == ox.RdfFormat.JSON_LD:
        rdfio.check_jsonld(data, str(path))
    try:
        quads = list(ox.parse(data, format=fmt, rename_blank_nodes=True))
    except SyntaxError as error:
        raise InputError(f"{path}: not valid {fmt.name}: {_one_line(str(error))}") from None
    except MemoryError as error:
        raise InputError(rdfio.too_long(str(path), error)) from None
    except (ValueError, OSError) as error:
        raise InputError(f"{path}: cannot parse: {_one_line(str(error))}") from None

    graphs: dict[ox.NamedNode, list[ox.Quad]] = {}
    loose: list[ox.Quad] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs.setdefault(quad.graph_name, []).append(quad)
        elif isinstance(quad.graph_name, ox.DefaultGraph):
            loose.append(quad)
        else:
            raise InputError(f"{path}: a graph named by a blank node cannot be loaded")
    if loose:
        documents = sorted(
            {
                q.subject.value
                for q in loose
                if q.predicate == RDF_TYPE
                and q.object == FP_DOCUMENT
                and isinstance(q.subject, ox.NamedNode)
            }
        )
        if len(documents) != 1:
            found = "none" if not documents else ", ".join(documents)
            raise InputError(
                f"{path}: cannot tell which document the triples belong to "
                f"(fp:Document subjects: {found})",
                "one fp:Document per file, or N-Quads with named graphs",
            )
        name = ox.NamedNode(documents[0])
        graphs.setdefault(name, []).extend(
            ox.Quad(q.subject, q.predicate, q.object, name) for q in loose
        )
    if not graphs:
        raise InputError(f"{path}: no triples")
    return graphs


def check_inputs(files: Sequence[Path]) -> None:
    """Refuse missing files and unknown formats before anything is written."""
    if not files:
        raise UsageError("no files to load")
    for path in files:
        if path.suffix.lower() not in FORMATS:
            known = ", ".join(sorted(FORMATS))
            raise InputError(f"{path}: unknown RDF format {path.suffix!r}", f"use one of {known}")
        try:
            mode = path.stat().st_mode
        except OSError:
            raise InputError(f"{path}: no such file") from None
        check_regular(path, mode, "RDF file")


# --- the interface -----------------------------------------------------------------------------


class Store(Protocol):
    """What the commands need from a store."""

    description: str

    def load(self, files: Sequence[Path]) -> list[LoadedGraph]: ...

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult: ...


def open_store(
    store_dir: Path | None = None,
    endpoint: str | None = None,
    *,
    graph_store: str | None = None,
    user: str | None = None,
    password: str | None = None,
    wait: float = DEFAULT_WAIT,
) -> Store:
    """The embedded store at ``store_dir`` (default ``build/store``) or the remote ``endpoint``.

    Remote credentials default to ``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``.
    """
    if endpoint is not None:
        if store_dir is not None:
            raise UsageError("--store and --endpoint exclude each other")
        return RemoteStore(
            endpoint,
            graph_store=graph_store,
            user=user if user is not None else os.environ.get("KG_ENDPOINT_USER"),
            password=password if password is not None else os.environ.get("KG_ENDPOINT_PASSWORD"),
        )
    if graph_store is not None or user is not None or password is not None:
        raise UsageError("--graph-store, --user and --password need --endpoint")
    return EmbeddedStore(store_dir if store_dir is not None else DEFAULT_STORE, wait=wait)


# --- the embedded store ------------------------------------------------------------------------


def _is_lock_error(error: OSError) -> bool:
    text = str(error)
    return "LOCK" in text or "lock" in text


COMPACT_AFTER = 500
"""Files in one load after which the embedded store is compacted (0.8 s for 10k documents)."""


class EmbeddedStore:
    """A pyoxigraph store in a directory; the named graphs are queried as one union graph."""

    def __init__(self, path: Path, wait: float = DEFAULT_WAIT) -> None:
        self.path = Path(path)
        self.wait = wait
        self.description = str(path)
        self._reader: ox.Store | None = None
        self._index: DetailsIndex | None = None
        self._reader_lock = threading.Lock()

    # writing

    def _open_writer(self) -> ox.Store:
        deadline = time.monotonic() + self.wait
        delay = 0.02
        while True:
            try:
                return ox.Store(str(self.path))
            except OSError as error:
                if not _is_lock_error(error):
                    raise StoreError(f"cannot open the store {self.path}: {error}") from None
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"store busy: another kg process is using {self.path}",
                        "wait for it to finish, or raise --wait",
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def _open_index_writer(self) -> IndexWriter:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            return IndexWriter(self.path, self.wait)
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                raise StoreBusyError(
                    f"store busy: another kg process is loading into {self.path}",
                    "wait for it to finish, or raise --wait",
                ) from None
            raise StoreError(f"cannot write the store {self.path}: {error}") from None
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot write the store {self.path}: {error}") from None

    def load(self, files: Sequence[Path]) -> list[LoadedGraph]:
        """Load each file, one transaction per file: its graphs are replaced whole.  The
        details index (:mod:`kg.store.details_index`) is brought up to date after the last file; a
        load that fails leaves it stale, and queries answer without it until the next load."""
        check_inputs(files)
        self._close_reader()
        index = self._open_index_writer()
        try:
            loaded = self._load(files, index)
            index.commit()
        except sqlite3.Error as error:
            raise StoreError(f"cannot write the details index of {self.path}: {error}") from None
        finally:
            index.close()
        return loaded

    def _load(self, files: Sequence[Path], index: IndexWriter) -> list[LoadedGraph]:
        store = self._open_writer()
        loaded: list[LoadedGraph] = []
        try:
            for path in files:
                graphs = read_graphs(path)
                loaded.extend(_replace_graphs(store, path, graphs))
                if index.current:
                    index.add(graphs)
            if not index.current:
                index.rebuild(store)
            store.flush()
            if len(files) >= COMPACT_AFTER:
                # RocksDB compacts in the background only while a writer is open, and this one
                # closes now: a bulk-loaded store left as it is answers about a tenth slower.
                store.optimize()
        except OSError as error:
            raise StoreError(f"cannot write the store {self.path}: {error}") from None
        finally:
            del store  # closed: the index records the files as this load leaves them
        return loaded

    # reading

    def open_reader(self) -> ox.Store:
        """A read-only view, opened once: it sees the store as it was when opened (queries in
        several threads see the same snapshot)."""
        with self._reader_lock:
            if self._reader is None:
                state = read_state(self.path)  # before the snapshot is taken
                try:
                    self._reader = self._open_read_only()
                except BaseException:
                    if state is not None:
                        state[0].close()
                    raise
                self._index = reader_index(self.path, state)
            return self._reader

    def details_index(self) -> DetailsIndex | None:
        """The details index of the reader's snapshot; ``None`` when it does not describe it
        (then ``labels.rq`` and ``evidence.rq`` answer from the store)."""
        self.open_reader()
        return self._index

    def _close_reader(self) -> None:
        with self._reader_lock:
            if self._index is not None:
                self._index.close()
            self._reader, self._index = None, None

    def _open_read_only(self) -> ox.Store:
        if not (self.path / "CURRENT").is_file():
            raise StoreError(
                f"no store at {self.path}", "load documents first: kg load FILE or kg build"
            )
        last: Exception | None = None
        delay = 0.02
        for _ in range(8):
            try:
                return ox.Store.read_only(str(self.path))
            except (OSError, RuntimeError) as error:
                # A writer may be compacting: files named in the manifest a new reader reads
                # can vanish before it opens them (RocksDB then reports "Corruption").
                last = error
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
        raise StoreError(f"cannot open the store {self.path}: {last}")

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        store = self.open_reader()
        # Literals (what users type) are pyoxigraph substitutions.  IRIs (found in the store and
        # checked by sparql_term) are written in as constants: Oxigraph evaluates a property
        # path from a constant far faster than from a substituted variable.
        iris = {k: v for k, v in (bindings or {}).items() if isinstance(v, ox.NamedNode)}
        if iris:
            sparql = substitute(sparql, iris)
        substitutions: dict[ox.Variable, Term | ox.Triple] = {
            ox.Variable(k): v for k, v in (bindings or {}).items() if k not in iris
        }
        try:
            answer = store.query(
                sparql, use_default_graph_as_union=True, substitutions=substitutions or None
            )
            return _result(answer)
        except SyntaxError as error:
            raise UsageError(f"invalid SPARQL: {_one_line(str(error))}") from None
        except OSError as error:
            raise StoreError(f"query failed: {_one_line(str(error))}") from None

    def graphs(self) -> list[str]:
        store = self.open_reader()
        return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self.open_reader())


def _replace_graphs(
    store: ox.Store, path: Path, graphs: Mapping[ox.NamedNode, list[ox.Quad]]
) -> list[LoadedGraph]:
    """Write ``graphs`` in one transaction, replacing any graph of the same name."""
    existing = {name for name in graphs if store.contains_named_graph(name)}
    if not existing:
        store.extend(q for quads in graphs.values() for q in quads)
    else:
        # pyoxigraph offers no remove-then-add transaction, but one SPARQL update is one.
        parts = [f"DROP SILENT GRAPH {name} ;" for name in sorted(existing, key=str)]
        parts.append("INSERT DATA {")
        for name, quads in graphs.items():
            parts.append(f"GRAPH {name} {{")
            parts.extend(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
            parts.append("}")
        parts.append("}")
        store.update("\n".join(parts))
    return [
        LoadedGraph(name.value, len(set(quads)), path, name in existing)
        for name, quads in graphs.items()
    ]


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- SPARQL text: tokens, substitution, safety checks ---------------------------------------

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\U000effff]+)
    | (?P<name>[A-Za-z_\u00c0-\U000effff][\w\-.\u00b7\u00c0-\U000effff]*(?::[^\s{}()<>,;.\[\]"'#]*)?
               |:[^\s{}()<>,;\[\]"'#]*|@[A-Za-z0-9\-]+)
    | (?P<space>\s+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def tokens(sparql: str) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` pairs: comment, string, iri, var, name (keywords and prefixed names),
    space, other.  Enough to find keywords and variables; not a parser."""
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        assert kind is not None
        yield kind, match.group()


def keywords(sparql: str) -> list[str]:
    """Bare words of a query, upper-cased (prefixed names, strings, IRIs, comments excluded)."""
    return [t.upper() for k, t in tokens(sparql) if k == "name" and ":" not in t and t[0] != "@"]


_REFUSED = {
    "SERVICE": "SERVICE (federated query) would reach other servers",
    "LOAD": "LOAD would fetch data from elsewhere",
    "FROM": "FROM / FROM NAMED would fetch graphs from elsewhere",
}


def check_local_query(sparql: str) -> None:
    """Refuse queries that would make the embedded store fetch anything."""
    for kind, text in tokens(sparql):
        if kind == "other" and text == "\\":
            raise UsageError("refused: escape sequences outside strings and IRIs")
    for word in keywords(sparql):
        if word in _REFUSED:
            raise UsageError(f"refused: {_REFUSED[word]}", "query the store's own graphs")


_UPDATES = ("INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "LOAD", "WITH")
"""SPARQL Update's words; none of them is a word of a query."""


def check_read_only(sparql: str) -> None:
    """Refuse a SPARQL update by name: ``kg sparql`` only reads, whatever the store allows."""
    for word in keywords(sparql):
        if word in _UPDATES:
            raise UsageError(
                f"refused: {word} is an update; kg sparql only reads "
                "(SELECT, CONSTRUCT, ASK, DESCRIBE)",
                "change the store with kg load",
            )


_POSITION = re.compile(r"\berror at (\d+):(\d+)")


def user_position(message: str, declared_lines: int) -> str:
    """Oxigraph's ``error at L:C`` in the lines the user wrote, ``declared_lines`` lines of
    prefix declarations having been put before them: ``line L, column C``."""

    def shift(match: re.Match[str]) -> str:
        line = int(match.group(1)) - declared_lines
        return f"line {line}, column {match.group(2)}" if line > 0 else match.group()

    return _POSITION.sub(shift, message)


def has_order_by(sparql: str) -> bool:
    words = keywords(sparql)
    return any(a == "ORDER" and b == "BY" for a, b in zip(words, words[1:], strict=False))


_SAFE_IRI = re.compile(r"[^<>\"{}|^`\\\x00-\x20]+")
_ECHAR = {'"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LANG = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*")


def sparql_term(term: Term) -> str | None:
    """``term`` written for a SPARQL query, or ``None`` when it cannot be written safely.

    Strict on purpose: no backslash and no control character in strings (they could turn into
    codepoint escapes), IRIs limited to IRIREF characters.  A value refused here matches nothing.
    """
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>" if _SAFE_IRI.fullmatch(term.value) else None
    if isinstance(term, ox.Literal):
        value = term.value
        if "\\" in value or any(ord(c) < 0x20 and c not in _ECHAR for c in value):
            return None
        if any(0xD800 <= ord(c) <= 0xDFFF or ord(c) in (0xFFFE, 0xFFFF) for c in value):
            return None
        body = '"' + "".join(_ECHAR.get(c, c) for c in value) + '"'
        if term.language:
            return body + "@" + term.language if _LANG.fullmatch(term.language) else None
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            iri = sparql_term(term.datatype)
            return None if iri is None else f"{body}^^{iri}"
        return body
    return None  # blank nodes cannot be bound in a query sent elsewhere


_NOTHING = "<urn:kg:unmatchable>"
"""Stands for a value that cannot be written safely: an IRI that is in no store."""


def substitute(sparql: str, bindings: Mapping[str, Term]) -> str:
    """Replace each bound variable by its term, like pyoxigraph's ``substitutions``.

    Only variable tokens are replaced; strings, IRIs and comments are left alone.  A value that
    cannot be written safely becomes an IRI no store has, so the query matches nothing.
    """
    written = {name: sparql_term(term) or _NOTHING for name, term in bindings.items()}
    out = []
    projection = False  # between SELECT and its WHERE / "{"
    selects = 0
    depth = 0
    for kind, text in tokens(sparql):
        if kind == "name" and text.upper() == "SELECT":
            projection, depth, selects = True, 0, selects + 1
        elif kind == "name" and text.upper() == "WHERE" or text == "{":
            projection = False
        elif text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        if kind == "var" and text[1:] in written:
            value = written[text[1:]]
            if not (projection and depth == 0):
                out.append(value)
            elif selects == 1:  # the query's own columns keep the variable, as a constant
                out.append(f"({value} AS {text})")
            # a subquery's projection drops it: the variable is a constant everywhere else
        else:
            out.append(text)
    return "".join(out)


def with_values(sparql: str, variable: str, iris: Iterable[str]) -> str:
    """``sparql`` with ``VALUES ?variable { <iri> … }`` opening its first group.

    For IRIs found in the store (the things an answer names), written by :func:`sparql_term`;
    an IRI it cannot write safely is left out.
    """
    written = [t for iri in iris if (t := sparql_term(ox.NamedNode(iri))) is not None]
    block = f"\n  VALUES ?{variable} {{ {' '.join(written) or _NOTHING} }}\n"
    out: list[str] = []
    inserted = False
    for _kind, text in tokens(sparql):
        out.append(text)
        if text == "{" and not inserted:
            out.append(block)
            inserted = True
    return "".join(out)


# --- remote stores -----------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        raise StoreError(
            f"{req.full_url} redirects to {newurl}", "give the final URL as --endpoint"
        )


_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def default_graph_store(endpoint: str, authenticated: bool) -> str:
    """The Graph Store endpoint beside a SPARQL endpoint, for the common layouts.

    Oxigraph: ``…/query`` -> ``…/store``; Virtuoso: ``…/sparql`` -> ``…/sparql-graph-crud``
    (``…/sparql-graph-crud-auth`` with credentials); Fuseki: ``…/ds/sparql`` or ``…/ds/query``
    -> ``…/ds/data`` is not guessed: give ``--graph-store``.  Otherwise the endpoint itself.
    """
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        path = path[: -len("query")] + "store"
    elif path.endswith("/sparql"):
        path += "-graph-crud-auth" if authenticated else "-graph-crud"
    return urllib.parse.urlunsplit(parts._replace(path=path or "/"))


class RemoteStore:
    """A SPARQL 1.1 store over HTTP: Graph Store Protocol to write, Query protocol to ask."""

    def __init__(
        self,
        endpoint: str,
        *,
        graph_store: str | None = None,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 120.0,
    ) -> None:
        for url in (endpoint, graph_store):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise UsageError(f"not an http(s) URL: {url!r}")
            if url is not None and not urllib.parse.urlsplit(url).hostname:
                raise UsageError(f"no host in URL: {url!r}")
        if (user is None) != (password is None):
            raise UsageError("give both a user and a password, or neither")
        self.endpoint = endpoint
        self.graph_store = graph_store or default_graph_store(endpoint, user is not None)
        self.description = endpoint
        self.timeout = timeout
        handlers: list[urllib.request.BaseHandler] = [
            urllib.request.ProxyHandler({}),
            _NoRedirect(),
        ]
        if user is not None and password is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (self.endpoint, self.graph_store):
                passwords.add_password(None, url, user, password)
            handlers.append(urllib.request.HTTPBasicAuthHandler(passwords))
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        self._opener = urllib.request.build_opener(*handlers)

    def _send(self, request: urllib.request.Request) -> tuple[str, bytes]:
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                kind = response.headers.get_content_type()
                return kind, response.read()
        except urllib.error.HTTPError as error:
            body = _one_line(error.read().decode("utf-8", "replace"))[:200]
            if error.code in (401, 403):
                raise StoreError(
                    f"{request.full_url.split('?')[0]} refused access ({error.code})",
                    "give --user/--password or KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD",
                ) from None
            raise StoreError(
                f"{request.full_url.split('?')[0]} answered {error.code} {error.reason}: {body}"
            ) from None
        except urllib.error.URLError as error:
            raise StoreError(f"cannot reach {self.endpoint}: {error.reason}") from None
        except (TimeoutError, ConnectionError) as error:
            raise StoreError(f"cannot reach {self.endpoint}: {error}") from None

    def load(self, files: Sequence[Path]) -> list[LoadedGraph]:
        """PUT each document's graph (``?graph=IRI``): the server replaces it whole."""
        check_inputs(files)
        loaded: list[LoadedGraph] = []
        for path in files:
            for name, quads in read_graphs(path).items():
                body = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
                url = _with_query(self.graph_store, {"graph": name.value})
                request = urllib.request.Request(
                    url,
                    data=body.encode("utf-8"),
                    method="PUT",
                    headers={"Content-Type": "text/turtle; charset=utf-8"},
                )
                self._send(request)
                loaded.append(LoadedGraph(name.value, len(set(quads)), path, False))
        return loaded

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        text = substitute(sparql, bindings) if bindings else sparql
        form = {"query": text}
        url = _with_query(self.endpoint, {"union-default-graph": ""}) if self._oxigraph else None
        request = urllib.request.Request(
            url or self.endpoint,
            data=urllib.parse.urlencode(form).encode("ascii"),
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json, application/sparql-results+xml;q=0.9,"
                " application/n-triples;q=0.8, text/turtle;q=0.7",
            },
        )
        kind, body = self._send(request)
        try:
            if kind in _RESULT_TYPES:
                return _result(ox.parse_query_results(body, format=_RESULT_TYPES[kind]))
            if kind in _GRAPH_TYPES:
                return [q.triple for q in ox.parse(body, format=_GRAPH_TYPES[kind])]
        except (SyntaxError, ValueError) as error:
            raise StoreError(f"{self.endpoint} sent unreadable results: {error}") from None
        raise StoreError(f"{self.endpoint} answered with unexpected content type {kind}")

    @property
    def _oxigraph(self) -> bool:
        # Oxigraph's server answers from its default graph only unless asked for the union.
        return urllib.parse.urlsplit(self.endpoint).path.rstrip("/").endswith("/query")


def _with_query(url: str, params: Mapping[str, str]) -> str:
    parts = urllib.parse.urlsplit(url)
    extra = urllib.parse.urlencode(params)
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))


def count_quads(store: Store) -> int:
    """Quads in all named graphs (what a load adds)."""
    answer = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(answer, Rows)
    value = answer.rows[0][0]
    return int(value.value) if isinstance(value, ox.Literal) else 0


def iter_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the RDF files inside folders named, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in FORMATS))
        else:
            out.append(path)
    return out


def stored(loaded: Sequence[LoadedGraph]) -> list[LoadedGraph]:
    """The graphs a load left in the store: one per name, the last file's (a folder holding
    ``r.ttl`` and ``r.jsonld`` loads each document twice, and the second replaces the first)."""
    return list({graph.graph: graph for graph in loaded}.values())


@dataclass(frozen=True)
class LoadSummary:
    graphs: tuple[LoadedGraph, ...]

    @property
    def quads(self) -> int:
        return sum(g.quads for g in stored(self.graphs))

    def __str__(self) -> str:
        return f"{len(stored(self.graphs))} graphs ({self.quads} quads)"


def load_files(
    files: Sequence[Path], store: Path = DEFAULT_STORE, wait: float = DEFAULT_WAIT
) -> LoadSummary:
    """Load RDF files into the embedded store at ``store`` (what ``kg build`` calls)."""
    return LoadSummary(tuple(EmbeddedStore(store, wait=wait).load(files)))
