"""Write graphs as Turtle, N-Quads and compact JSON-LD, byte for byte the same for the same triples.

Outputs are written to a temporary file beside the target and renamed, so a reader never sees a
half-written file.  The JSON-LD context is the project's own (``ontology/context.jsonld``),
embedded in every file, never referenced by URL.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.errors import KgError
from kg.resources import ontology_dir

Triple = tuple[Node, Node, Node]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def jsonld_context() -> dict[str, Any]:
    data = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    context: dict[str, Any] = data["@context"]
    return context


# --- terms ----------------------------------------------------------------------------------

_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPE = re.compile(r'[\\"\n\r\t]')
_RDF_TYPE = str(RDF.type)


@cache
def _prefixes() -> tuple[tuple[str, str], ...]:
    """(namespace, prefix), longest namespace first, so the most specific prefix wins."""
    pairs = [
        (namespace, prefix)
        for prefix, namespace in jsonld_context().items()
        if not prefix.startswith("@")
    ]
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[1])))


@cache
def _compactable() -> re.Pattern[str]:
    """IRIs that some prefix compacts: one match, where most IRIs (a document's own) fail."""
    namespaces = "|".join(re.escape(namespace) for namespace, _ in _prefixes())
    return re.compile(f"(?:{namespaces}){_LOCAL_NAME.pattern}")


@lru_cache(maxsize=8192)
def compact(iri: str) -> str | None:
    """``fp:Outcome`` for an IRI under a known prefix whose rest is a plain local name.

    The cache is bounded: vocabulary terms recur in every document, mention IRIs never do."""
    if not _compactable().fullmatch(iri):
        return None
    for namespace, prefix in _prefixes():
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if _LOCAL_NAME.fullmatch(local):
                return f"{prefix}:{local}"
    return None


def _escape(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def _quote(text: str) -> str:
    return '"' + _ESCAPE.sub(_escape, text) + '"'


def _turtle_iri(iri: str) -> str:
    return compact(iri) or f"<{iri}>"


def _full_iri(iri: str) -> str:
    return f"<{iri}>"


def _term(term: Node, iri: Callable[[str], str] = _turtle_iri) -> str:
    """A term in Turtle (IRIs compacted) or, with ``iri=_full_iri``, N-Triples syntax."""
    if isinstance(term, Literal):
        if term.language:
            return f"{_quote(str(term))}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{_quote(str(term))}^^{iri(str(term.datatype))}"
        return _quote(str(term))
    if isinstance(term, URIRef):
        return iri(str(term))
    raise KgError(f"cannot write {term!r}: outputs have no blank nodes")


# --- grouping: subjects, predicates and values in the order they are written ----------------

Plain = str | tuple[str, str, str]
"""A term as plain strings: an IRI as itself, a literal as (lexical form, language, datatype),
with ``""`` for no language or datatype.  Plain strings compare and hash in C, rdflib's terms
in Python, which was most of what writing a document cost."""

Grouped = list[tuple[Plain, list[tuple[str, list[Plain]]]]]
"""Per subject, its predicates' IRIs, each with its values."""


def _plain(term: Node) -> Plain:
    if type(term) is URIRef:  # the common case, before the slower isinstance checks
        return str(term)
    if isinstance(term, Literal):
        datatype = term.datatype
        return (str(term), term.language or "", "" if datatype is None else str(datatype))
    if isinstance(term, URIRef):
        return str(term)
    raise KgError(f"cannot write {term!r}: outputs have no blank nodes")


def _identity(value: Plain) -> Plain:
    """What tells terms apart as rdflib's equality does: a language tag's case does not."""
    if type(value) is tuple and value[1]:
        return (value[0], value[1].lower(), value[2])
    return value


def _text(value: Plain) -> str:
    return value if type(value) is str else value[0]


def _value_key(value: Plain) -> tuple[bool, str, str]:
    """IRIs first, then literals by lexical form, language or datatype."""
    if type(value) is str:
        return (False, value, "")
    return (True, value[0], value[1] or value[2])


def _group(triples: Iterable[Triple]) -> Grouped:
    """Subjects in IRI order; per subject rdf:type first, then predicates in IRI order; each
    predicate's values once, in order."""
    nodes: dict[Plain, dict[str, dict[Plain, Plain]]] = {}
    predicates: dict[str, dict[Plain, Plain]] = {}
    values: dict[Plain, Plain] = {}
    # A document's terms recur (its vocabulary, units, labels) as the same objects: each is
    # made plain once, found again by identity (rdflib hashes its terms in Python).  The
    # triples hold the terms, so no id is reused while this runs.
    plain: dict[int, tuple[Plain, Plain]] = {}
    iris: dict[int, str] = {}
    last_s: Node | None = None
    last_p: Node | None = None
    for s, p, o in triples:
        # Sorted input (build_triples's) repeats the same subject and predicate objects in
        # runs: the same object is the same term, so its lookups are skipped.
        if s is not last_s:
            last_s, last_p = s, None
            subject = _identity(_plain(s))
            predicates = nodes.get(subject) or nodes.setdefault(subject, {})
        if p is not last_p:
            last_p = p
            # Predicates are the vocabulary's few term objects, in short runs: each made a
            # string once, so the same string (its hash kept) is looked up every time.
            predicate = iris.get(id(p))
            if predicate is None:
                predicate = iris[id(p)] = str(p)
            values = predicates.get(predicate) or predicates.setdefault(predicate, {})
        known = plain.get(id(o))
        if known is None:
            value = _plain(o)
            known = plain[id(o)] = (_identity(value), value)
        values.setdefault(*known)
    out = []
    # Subjects are IRIs (plain strings, which sort as their text) unless a graph holds a
    # literal subject; predicates sort as strings, rdf:type then moved first.
    subjects = list(nodes)
    if all(type(subject) is str for subject in subjects):
        subjects.sort()
    else:
        subjects.sort(key=_text)
    for subject in subjects:
        predicates = nodes[subject]
        names = sorted(predicates)
        if _RDF_TYPE in predicates and names[0] != _RDF_TYPE:
            names.remove(_RDF_TYPE)
            names.insert(0, _RDF_TYPE)
        grouped = []
        for predicate in names:
            objects = list(predicates[predicate].values())
            if len(objects) > 1:
                objects.sort(key=_value_key)
            grouped.append((predicate, objects))
        out.append((subject, grouped))
    return out


# --- Turtle -------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _turtle_value(value: Plain) -> str:
    if isinstance(value, str):
        return compact(value) or f"<{value}>"
    text, language, datatype = value
    if language:
        return f"{_quote(text)}@{language}"
    if datatype and datatype != _XSD_STRING:
        return f"{_quote(text)}^^{_turtle_iri(datatype)}"
    return _quote(text)


@cache
def _turtle_prefixes() -> list[str]:
    return [
        f"@prefix {prefix}: <{namespace}> ."
        for namespace, prefix in sorted(_prefixes(), key=lambda pair: pair[1])
    ]


def serialisations(triples: Iterable[Triple]) -> tuple[bytes, bytes]:
    """:func:`to_turtle` and :func:`to_jsonld` of the same triples, grouped once for both."""
    grouped = _group(triples)
    return _turtle(grouped), _jsonld(grouped)


def to_turtle(triples: Iterable[Triple]) -> bytes:
    """Turtle with the project's prefixes, subjects and values sorted: same triples, same bytes.

    Written directly rather than through rdflib's serialiser, which costs more than extracting
    the facts; every term is written in full form (literals quoted, with datatype or language),
    so the lexical forms are exactly those of the graph.
    """
    return _turtle(_group(triples))


def _turtle(grouped: Grouped) -> bytes:
    lines = list(_turtle_prefixes())
    for subject, predicates in grouped:
        lines.append("")
        lines.append(_turtle_value(subject))
        last = len(predicates) - 1
        for index, (predicate, objects) in enumerate(predicates):
            verb = "a" if predicate == _RDF_TYPE else _turtle_iri(predicate)
            values = " ,\n        ".join(map(_turtle_value, objects))
            lines.append(f"    {verb} {values} {'.' if index == last else ';'}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_nquads(triples: Iterable[Triple], name: str) -> bytes:
    """N-Quads in the named graph ``name``, lines sorted."""
    graph = _full_iri(name)
    lines = sorted(
        f"{_term(s, _full_iri)} {_term(p, _full_iri)} {_term(o, _full_iri)} {graph} .\n"
        for s, p, o in triples
    )
    return "".join(lines).encode("utf-8")


# --- JSON-LD ------------------------------------------------------------------------------------
# Each node is written as ``json.dumps(node, ensure_ascii=False, sort_keys=True,
# separators=(", ", ": "))`` would write it, from pieces quoted by the json module's own string
# encoder: the values recur (labels, units, vocabulary), a dict per value and a dumps per node
# cost more than the rest of the writer.

_json = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) quotes with


def _jsonld_iri(iri: str) -> str:
    return compact(iri) or iri


@lru_cache(maxsize=8192)
def _json_iri(iri: str) -> str:
    return _json(_jsonld_iri(iri))


@lru_cache(maxsize=8192)
def _jsonld_value(value: Plain) -> str:
    if isinstance(value, str):
        return '{"@id": ' + _json_iri(value) + "}"
    text, language, datatype = value
    if language:
        return '{"@language": ' + _json(language) + ', "@value": ' + _json(text) + "}"
    if datatype and datatype != _XSD_STRING:
        return '{"@type": ' + _json_iri(datatype) + ', "@value": ' + _json(text) + "}"
    return _json(text)


def _json_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "[" + ", ".join(items) + "]"


@cache
def _jsonld_context_text() -> str:
    context = json.dumps(jsonld_context(), ensure_ascii=False, indent=2, sort_keys=True)
    return context.replace("\n", "\n  ")


def to_jsonld(triples: Iterable[Triple]) -> bytes:
    """Compact JSON-LD with the project's context embedded (never referenced by URL)."""
    return _jsonld(_group(triples))


@lru_cache(maxsize=1024)
def _jsonld_key(predicate: str) -> tuple[str, str]:
    """A predicate's key in a node (compacted) and that key quoted, as a member begins."""
    key = _jsonld_iri(predicate)
    return key, _json(key) + ": "


def _jsonld(grouped: Grouped) -> bytes:
    lines = []
    for subject, predicates in grouped:
        # (key, member) pairs, sorted by key as json.dumps(sort_keys=True) sorts a node's keys;
        # a node's keys differ, so a member's text never decides the order
        members = [("@id", '"@id": ' + _json_iri(_text(subject)))]
        for predicate, objects in predicates:
            if predicate == _RDF_TYPE:
                types = _json_list([_json_iri(_text(o)) for o in objects])
                members.append(("@type", '"@type": ' + types))
            else:
                key, quoted = _jsonld_key(predicate)
                members.append((key, quoted + _json_list(list(map(_jsonld_value, objects)))))
        members.sort()
        # one node per line: readable
        lines.append("    {" + ", ".join(member for _, member in members) + "}")
    graph = ",\n".join(lines)
    context = _jsonld_context_text()
    return f'{{\n  "@context": {context},\n  "@graph": [\n{graph}\n  ]\n}}\n'.encode()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with AtomicWriter(path) as out:
        out.write(data)


def write_error(path: Path, error: OSError, at: Path) -> str:
    """Why ``path`` cannot be written, naming the path at fault: a file where a folder is
    needed (``afile/r.ttl``: mkdir says "File exists" of ``afile``), a folder the error names
    (one that cannot be made), else ``at``; never the temporary file, with the system's
    reason."""
    for folder in reversed(path.parents):
        if folder.exists() and not folder.is_dir():
            return f"{folder}: cannot write {path.relative_to(folder)} (it is a file, not a folder)"
    named = {str(folder) for folder in path.parents} | {str(path)}
    where = error.filename if error.filename in named else at
    return f"{where}: cannot write ({error.strerror or error})"


class AtomicWriter:
    """A file written in pieces that appears whole at the end, or not at all."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp: Path | None = None
        self._out: Any = None

    def __enter__(self) -> AtomicWriter:
        from kg.text.read import not_a_file

        try:
            what = not_a_file(os.stat(self.path).st_mode)
        except OSError:
            what = None  # nothing there yet (or nothing that can be looked at): try writing
        if what is not None:  # the rename would replace a pipe or /dev/full with a file
            raise KgError(f"{self.path}: is {what}, not a file to write", "give a file name")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
        except OSError as error:
            raise KgError(write_error(self.path, error, self.path.parent)) from None
        self._tmp = Path(tmp)
        self._out = os.fdopen(fd, "wb")
        return self

    def write(self, data: bytes) -> None:
        try:
            self._out.write(data)
        except OSError as error:  # a full disk, a quota
            raise KgError(write_error(self.path, error, self.path)) from None

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        assert self._tmp is not None
        try:
            self._out.close()
            if kind is None:
                os.chmod(self._tmp, 0o666 & ~_umask())
                os.replace(self._tmp, self.path)
        except OSError as failure:
            self._tmp.unlink(missing_ok=True)
            raise KgError(write_error(self.path, failure, self.path)) from None
        if kind is not None:
            self._tmp.unlink(missing_ok=True)
