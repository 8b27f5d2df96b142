"""Where the package's data lives, installed or in a source checkout, and how many cores the
process may use.

``ontology/`` and ``shapes/`` sit at the top of the repository and are copied into the wheel as
``kg/ontology`` and ``kg/shapes``; in a checkout (or an editable install) they are found beside
the package instead.  Language data lives in ``kg/data``.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
SAMPLE_ARTICLE = DATA_DIR / "sample" / "lijiang-2020-06-10.txt"
QUERIES_DIR = PACKAGE_DIR / "store" / "queries"


@cache
def load_query(name: str) -> str:
    """The text of a named question shipped in ``kg/store/queries``."""
    path = QUERIES_DIR / f"{name}.rq"
    if not path.is_file():
        from kg.errors import UsageError

        raise UsageError(f"no named query {name!r}")
    return path.read_text(encoding="utf-8")


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _shipped_dir(name: str) -> Path:
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


def ontology_dir() -> Path:
    return _shipped_dir("ontology")


def shapes_dir() -> Path:
    return _shipped_dir("shapes")


def package_dir(name: str) -> Path:
    """The folder of the installed package ``name``, found without importing it (jieba's and
    pypinyin's ``__init__`` load the data we read from their folders ourselves)."""
    import importlib.util

    from kg.errors import KgError

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise KgError(f"{name} is not installed", hint=f"pip install {name}")
    return Path(list(spec.submodule_search_locations)[0])


def data_path(name: str) -> Path:
    return DATA_DIR / name


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Lines of a data file in ``kg/data``, without blanks and ``#`` comments."""
    lines = []
    for raw in data_path(name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return tuple(lines)


def read_words(name: str) -> tuple[str, ...]:
    """The words of a data file in ``kg/data``, written apart by spaces or lines, in order."""
    return tuple(word for line in read_lines(name) for word in line.split())


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file in ``kg/data`` (comments and blanks skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(name))
