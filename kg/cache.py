"""Derived tables kept between runs, so a cold start does not rebuild them.

jieba reads its 350,000-line dictionary (and keeps a marshal cache of it in the temporary
folder); the gazetteer and pinyin tables are parsed from text.  Each is a pure function of files
that do not change between runs, so the result is pickled once into a per-user cache folder and
loaded from there next time, several times faster than rebuilding it.

- The key of an entry is the hash of its name, its sources (the module of the function that
  builds it among them), the package version and the Python version: a changed source, code
  change or upgrade rebuilds it.  The package's own files count by their contents, so
  checkouts with the same data share one entry (keyed by their paths, eight checkouts on one
  machine evicted each other's entries and rebuilt the tagger's tables, 9 s of CPU, in most
  runs); other files (jieba's dictionary, in the environment all checkouts share) by path,
  size and modification time, which costs no reading of them.
- Entries are written to a temporary file and renamed, so a reader never sees half a file.
- A name keeps its few most recently used entries, not one: checkouts whose data differ, or
  virtual environments, sharing the folder would otherwise evict each other's entry at every
  run, and each rebuild costs seconds.  Older entries are removed.
- Pickles run code when loaded, so an entry is only loaded from a folder and a file owned by
  this user and writable by no one else; anything else is rebuilt (and not trusted).
- ``KG_CACHE_DIR`` chooses the folder (default ``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg``);
  ``KG_CACHE_DIR=off`` turns the cache off.  Any failure to read or write is silent: the cache
  only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_PACKAGE_DIR = Path(__file__).resolve().parent

_OFF = {"off", "0", "no", "false", ""}

# Entries kept per name: enough for a few checkouts side by side, few enough that upgrades and
# edits do not pile up pickles of tens of megabytes.
_KEPT = 4


def cache_dir() -> Path | None:
    """The folder entries live in, or ``None`` when the cache is off."""
    chosen = os.environ.get("KG_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


def _key(name: str, sources: Iterable[Path]) -> str:
    from kg import __version__

    digest = hashlib.sha256(f"{name}\0{__version__}\0{sys.version}".encode())
    for source in sources:
        resolved = source.resolve()
        if resolved.is_relative_to(_PACKAGE_DIR):
            with resolved.open("rb") as handle:
                content = hashlib.file_digest(handle, "sha256").hexdigest()
            digest.update(f"\0{resolved.relative_to(_PACKAGE_DIR)}\0{content}".encode())
        else:
            info = resolved.stat()
            digest.update(f"\0{resolved}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def _private(entry: Path) -> bool:
    """Owned by this user and writable by nobody else (a symlink is never private)."""
    if not hasattr(os, "getuid"):
        return True
    info = entry.lstat()
    if stat.S_ISLNK(info.st_mode):
        return False
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or the pickled result of an earlier call with the same name and sources.

    The module defining ``build`` counts as a source too: editing the code that makes a table
    (or the classes it pickles, kept in the same module) rebuilds it."""
    sources = list(sources)
    code = getattr(build, "__code__", None)
    if code is not None and os.path.exists(code.co_filename):
        sources.append(Path(code.co_filename))
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{_key(name, sources)}.pickle"
    except OSError:
        return build()
    try:
        if _private(folder) and _private(path):
            with path.open("rb") as handle:
                value: T = pickle.load(handle)
            os.utime(path)  # most recently used: the last to be pruned
            return value
    except Exception:  # missing, unreadable or stale: rebuild
        pass
    value = build()
    _store(folder, path, name, value)
    return value


def _store(folder: Path, path: Path, name: str, value: object) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        _prune(folder, name, _KEPT - 1)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # read-only home, full disk: the cache is only an optimisation
        pass


def _prune(folder: Path, name: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently used entries of ``name``."""
    entries = []
    for entry in folder.glob(f"{name}-*.pickle"):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime_ns, entry.name, entry))
    entries.sort(reverse=True)
    for _, _, stale in entries[keep:]:
        stale.unlink(missing_ok=True)
