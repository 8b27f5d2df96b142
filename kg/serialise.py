"""Write graphs as Turtle and compact JSON-LD, byte for byte the same for the same graph.

Outputs are written to a temporary file beside the target and renamed, so a reader never sees a
half-written file.  The JSON-LD context is the project's own (``ontology/context.jsonld``),
embedded in every file, never referenced by URL.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.errors import KgError
from kg.resources import ontology_dir


@cache
def jsonld_context() -> dict[str, Any]:
    data = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    context: dict[str, Any] = data["@context"]
    return context


def to_turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def to_nquads(graph: Graph, name: str) -> bytes:
    """The graph as N-Quads in the named graph ``name``, lines sorted."""
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines()
    suffix = f" <{name}> .".encode()
    quads = sorted(line[: -len(b" .")] + suffix for line in lines if line.strip())
    return b"".join(line + b"\n" for line in quads)


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _canonical(value: Any) -> Any:
    """Sort the arrays of a JSON-LD document: its node and value lists are sets."""
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_canonical(item) for item in value), key=_sort_key)
    return value


def to_jsonld(graph: Graph) -> bytes:
    context = jsonld_context()
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    data = json.loads(text)
    data["@context"] = context
    body = json.dumps(_canonical(data), ensure_ascii=False, indent=2, sort_keys=True)
    return (body + "\n").encode("utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with AtomicWriter(path) as out:
        out.write(data)


class AtomicWriter:
    """A file written in pieces that appears whole at the end, or not at all."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp: Path | None = None
        self._out: Any = None

    def __enter__(self) -> AtomicWriter:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
            )
        except OSError as error:
            raise KgError(f"{self.path.parent}: cannot write ({error.strerror})") from None
        self._tmp = Path(tmp)
        self._out = os.fdopen(fd, "wb")
        return self

    def write(self, data: bytes) -> None:
        self._out.write(data)

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        assert self._tmp is not None
        self._out.close()
        if kind is None:
            os.chmod(self._tmp, 0o666 & ~_umask())
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)
