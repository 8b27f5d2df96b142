"""The derived-data cache: a second call loads what the first built, changed sources rebuild,
and a file anyone else could have written is never unpickled."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(where))
    return where


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_second_call_loads_what_the_first_built(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.txt"
    source.write_text("a\tb\n", encoding="utf-8")
    calls, build = _counting({"a": "b"})
    assert cache.cached("table", [source], build) == {"a": "b"}
    assert cache.cached("table", [source], build) == {"a": "b"}
    assert len(calls) == 1
    assert [p.name.startswith("table-") for p in folder.iterdir()] == [True]


def test_a_changed_source_rebuilds(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.txt"
    source.write_text("one", encoding="utf-8")
    calls, build = _counting(1)
    cache.cached("table", [source], build)
    source.write_text("a longer text", encoding="utf-8")
    cache.cached("table", [source], build)
    assert len(calls) == 2


def test_checkouts_with_the_same_data_share_one_entry(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The package's own files at two paths, as two checkouts have them, one written later (a
    # later modification time): the first build serves both, in turn, a miss in neither.
    packages = [tmp_path / checkout / "kg" for checkout in ("one", "two")]
    for package in packages:
        (package / "data").mkdir(parents=True)
        (package / "data" / "table.txt").write_text("same", encoding="utf-8")
    os.utime(packages[1] / "data" / "table.txt", ns=(10**9, 10**9))
    calls, build = _counting(1)
    for _ in range(3):
        for package in packages:
            monkeypatch.setattr(cache, "_PACKAGE_DIR", package)
            assert cache.cached("table", [package / "data" / "table.txt"], build) == 1
    assert len(calls) == 1
    assert len(list(folder.glob("table-*.pickle"))) == 1
    (packages[1] / "data" / "table.txt").write_text("changed", encoding="utf-8")
    cache.cached("table", [packages[1] / "data" / "table.txt"], build)
    assert len(calls) == 2


def test_two_environments_sharing_the_folder_keep_both_entries(
    folder: Path, tmp_path: Path
) -> None:
    # Files outside the package (an environment's jieba dictionary) count by path, size and
    # time, not read: two copies used in turn each build once and then load, instead of
    # evicting the other's entry each time.
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for source in (first, second):
        source.write_text("same", encoding="utf-8")
    calls, build = _counting(1)
    for _ in range(3):
        cache.cached("table", [first], build)
        cache.cached("table", [second], build)
    assert len(calls) == 2


def test_old_entries_are_pruned(folder: Path, tmp_path: Path) -> None:
    calls, build = _counting(1)
    sources = [tmp_path / f"{n}.txt" for n in range(cache._KEPT + 3)]
    for n, source in enumerate(sources):
        source.write_text("x", encoding="utf-8")
        cache.cached("table", [source], build)
        entry = max(folder.glob("table-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        os.utime(entry, ns=(n * 10**9, n * 10**9))  # distinct, ordered times
    assert len(list(folder.glob("table-*.pickle"))) == cache._KEPT
    cache.cached("table", [sources[-1]], build)  # the newest survived
    assert len(calls) == len(sources)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_can_write_is_not_loaded(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.txt"
    source.write_text("x", encoding="utf-8")
    calls, build = _counting([1, 2])
    cache.cached("table", [source], build)
    (entry,) = folder.glob("table-*.pickle")
    entry.chmod(0o666)
    assert cache.cached("table", [source], build) == [1, 2]
    assert len(calls) == 2


def test_off_never_writes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    calls, build = _counting("v")
    assert cache.cached("table", [], build) == "v"
    assert cache.cached("table", [], build) == "v"
    assert len(calls) == 2
    assert not any(tmp_path.rglob("*.pickle"))


def test_an_unwritable_folder_only_costs_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", "/proc/no-such-folder")
    calls, build = _counting(3)
    assert cache.cached("table", [], build) == 3
    assert len(calls) == 1
