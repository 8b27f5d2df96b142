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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise KgError(f"{path.parent}: cannot write ({error.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for others too
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
