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


def test_a_changed_source_rebuilds_and_replaces_the_entry(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.txt"
    source.write_text("one", encoding="utf-8")
    calls, build = _counting(1)
    cache.cached("table", [source], build)
    source.write_text("a longer text", encoding="utf-8")
    cache.cached("table", [source], build)
    assert len(calls) == 2
    assert len(list(folder.glob("table-*.pickle"))) == 1


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
