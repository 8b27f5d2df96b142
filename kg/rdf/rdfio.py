"""Read RDF files safely: Turtle, N-Triples, N-Quads and JSON-LD, chosen by the file's extension.

Parsing never reaches beyond the input's bytes:

* the syntax is read by Oxigraph's parsers (``pyoxigraph``), which report the line and column of
  an error and follow nothing;
* a JSON-LD ``@context`` (or ``@import``) given as a URL or a file name is refused before
  parsing, with a hint to embed the context: it is never fetched;
* RDF/XML (``.rdf``, ``.xml``, ``.owl``) is not accepted at all, so entity expansion ("billion
  laughs") and external entities cannot happen;
* ``owl:imports`` are data like any other triple: nothing here follows them;
* files are bounded in size (:data:`MAX_RDF_BYTES`), and read once.

Errors are :class:`kg.errors.InputError` (exit code 2) naming the file, the line and the column.

>>> g = parse_rdf(b'<http://a> <http://b> "c" .', "nt")
>>> len(g)
1
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.text.read import read_bytes

MAX_RDF_BYTES = 64 * 1024 * 1024
"""A document's graph is a few hundred kilobytes; a file this big is not one of ours."""

FORMATS: dict[str, str] = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}
"""Accepted extensions and the rdflib-style name of their format."""

REFUSED: dict[str, str] = {
    ".rdf": "RDF/XML",
    ".xml": "RDF/XML",
    ".owl": "RDF/XML",
    ".n3": "N3",
    ".trig": "TriG",
    ".json": "JSON",
}

_MAX_JSON_DEPTH = 200


def format_of(path: Path) -> str:
    """The format name for ``path``'s extension, or an ``InputError`` that says what is accepted."""
    suffix = path.suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    accepted = ", ".join(FORMATS)
    if suffix in REFUSED:
        what = REFUSED[suffix]
        reason = " (XML entity expansion is not safe)" if what == "RDF/XML" else " is not accepted"
        if what == "RDF/XML":
            message = f"{path}: RDF/XML is not accepted{reason}"
        elif what == "JSON":
            message = f"{path}: .json is not accepted; name JSON-LD files .jsonld"
        else:
            message = f"{path}: {what}{reason}"
        raise InputError(message, f"convert it to one of {accepted}")
    raise InputError(
        f"{path}: unknown RDF file type {suffix or '(no extension)'!r}", f"accepted: {accepted}"
    )


def read_rdf(path: Path) -> Graph:
    """The graph in ``path`` (quads of every named graph merged into one graph)."""
    fmt = format_of(path)
    data = read_bytes(path, MAX_RDF_BYTES, "RDF file", "split it into one file per document")
    return parse_rdf(data, fmt, str(path))


def parse_rdf(data: bytes, fmt: str, source: str = "input") -> Graph:
    """Parse ``data`` in format ``fmt`` (``turtle``, ``nt``, ``nquads``, ``json-ld``)."""
    import pyoxigraph as ox

    formats = {
        "turtle": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES,
        "nquads": ox.RdfFormat.N_QUADS,
        "json-ld": ox.RdfFormat.JSON_LD,
    }
    if fmt not in formats:
        raise InputError(f"{source}: unknown RDF format {fmt!r}", ", ".join(formats))
    if len(data) > MAX_RDF_BYTES:
        raise InputError(f"{source}: over the {MAX_RDF_BYTES // (1024 * 1024)} MiB limit")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise InputError(f"{source}: empty file", "give a file with RDF in it")
    check_not_utf16(data, source)
    if b"\x00" in data[:4096]:
        raise InputError(f"{source}: binary file, not {fmt}")
    if fmt == "json-ld":
        check_jsonld(data, source)
    graph = Graph()
    try:
        for quad in ox.parse(data, format=formats[fmt]):
            graph.add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))
    except SyntaxError as error:
        raise InputError(f"{source}: {_syntax_message(error)}") from None
    except _Unsupported as error:
        raise InputError(f"{source}: {error}") from None
    except MemoryError as error:
        raise InputError(too_long(source, error)) from None
    except (ValueError, OSError) as error:  # defensive: Oxigraph's other errors
        raise InputError(f"{source}: cannot parse as {fmt} ({error})") from None
    return graph


def check_not_utf16(data: bytes, source: str) -> None:
    """Refuse UTF-16 (or UTF-32) text by name: RDF files are UTF-8, and its NULs would
    otherwise make it look binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise InputError(
            f"{source}: UTF-16 or UTF-32 text (byte order mark); RDF files are read as UTF-8",
            "convert it to UTF-8",
        )


def too_long(source: str, error: MemoryError) -> str:
    """The message for Oxigraph's ``MemoryError``, raised when one token (a literal, an IRI)
    outgrows its parser's buffer ("Reached the buffer maximal size of 16777216")."""
    found = re.search(r"\d+", str(error))
    limit = f"{int(found.group()) // (1024 * 1024)} MiB" if found else "its"
    return f"{source}: a literal or IRI is longer than the parser's {limit} limit for one term"


# --- JSON-LD: refuse what would be fetched -----------------------------------------------------


def check_jsonld(data: bytes, source: str) -> None:
    """Refuse JSON-LD that is not UTF-8, not JSON, nested too deeply, or names a context to
    fetch: an ``InputError`` with the line and column where there is one."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(f"{source}: line {line}, column {column}: not UTF-8") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{source}: line {error.lineno}, column {error.colno}: invalid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise InputError(f"{source}: JSON nested too deeply") from None
    for where in _remote_contexts(document, 0):
        raise InputError(
            f"{source}: JSON-LD {where} refers to a remote or local document; it is not fetched",
            "embed the context in the file, as kg build does",
        )


def _remote_contexts(value: Any, depth: int) -> Iterator[str]:
    """Descriptions of every ``@context`` value or ``@import`` that names another document."""
    if depth > _MAX_JSON_DEPTH:
        yield "nesting"  # deeper than any document of ours: refuse rather than recurse on
        return
    if isinstance(value, list):
        for item in value:
            yield from _remote_contexts(item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                contexts = item if isinstance(item, list) else [item]
                for context in contexts:
                    if isinstance(context, str):
                        yield f"@context {context!r}"
                    elif isinstance(context, dict) and "@import" in context:
                        yield f"@import {context['@import']!r}"
            yield from _remote_contexts(item, depth + 1)


# --- terms ------------------------------------------------------------------------------------


class _Unsupported(ValueError):
    pass


def _lang(tag: str) -> str:
    """BCP 47 case conventions (Oxigraph lower-cases tags): zh-hant -> zh-Hant, en-gb -> en-GB."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def from_oxigraph(term: Any, language: Callable[[str], str] | None = None) -> Node:
    """The rdflib term of a pyoxigraph term; ``language`` rewrites language tags (by default
    they stay as Oxigraph keeps them).  A triple as a term (RDF-star) is a ``TypeError``."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            tag = language(term.language) if language else term.language
            return Literal(term.value, lang=tag)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _RDF_LANG_STRING):  # langString: a language is always set
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")


def _term(term: Any) -> Node:
    """A term of a file being read: BCP 47 case restored in language tags."""
    try:
        return from_oxigraph(term, _lang)
    except TypeError:
        raise _Unsupported(
            f"unsupported term {type(term).__name__} (RDF-star triples as terms)"
        ) from None


def _syntax_message(error: SyntaxError) -> str:
    """``line L, column C: what`` from Oxigraph's ``Parser error at line L column C: what``."""
    message = str(error.msg or error)
    what = message.split(": ", 1)[1] if message.startswith("Parser error") else message
    if error.lineno is not None:
        return f"line {error.lineno}, column {error.offset}: {what}"
    return what
