"""The package reads as the data flow: no stage imports a later one, and no module imports
itself back through another (the import graph below ``kg`` has no cycles)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

# stage -> the stages it must never import (issue 17: text is below everything; extraction sees
# documents, never graphs or stores).
FORBIDDEN = {
    "text": ("extract", "rdf", "validate", "store", "review", "corpus", "cli", "pipeline"),
    "extract": ("rdf", "validate", "store", "review", "corpus", "cli", "pipeline"),
    "rdf": ("validate", "store", "review", "corpus", "cli", "pipeline"),
    "validate": ("store", "review", "corpus", "cli"),
    "store": ("review", "corpus", "cli"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(KG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, *, typing_too: bool = False) -> set[str]:
    """Modules under ``kg`` that ``path`` imports, at module level or inside functions;
    imports under ``if TYPE_CHECKING:`` only with ``typing_too``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    if not typing_too:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skip.update(id(n) for child in node.body for n in ast.walk(child))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kg"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


MODULES = {module_name(p): p for p in KG.rglob("*.py")}


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_no_stage_imports_a_later_one(stage: str) -> None:
    wrong = []
    for name, path in sorted(MODULES.items()):
        if stage_of(name) != stage:
            continue
        for target in imports_of(path, typing_too=True):
            if stage_of(target) in FORBIDDEN[stage]:
                wrong.append(f"{name} imports {target}")
    assert not wrong


def cycles_in(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return cycles


def test_the_import_graph_has_no_cycles() -> None:
    graph = {
        name: {t for t in imports_of(path) if t in MODULES and t != name}
        for name, path in MODULES.items()
    }
    # a package's __init__ runs before its modules; importing kg.x.y is importing kg.x too
    for name in list(graph):
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    assert not cycles_in(graph)


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The checks above can fail: a module that imports a later stage is caught."""
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from kg.store.query import ask\n", encoding="utf-8")
    assert "kg.store.query" in imports_of(module)


def test_the_checker_sees_a_cycle() -> None:
    graph = {"kg.text.a": {"kg.text.b"}, "kg.text.b": {"kg.text.c"}, "kg.text.c": {"kg.text.a"}}
    assert cycles_in(graph) == ["kg.text.a -> kg.text.b -> kg.text.c -> kg.text.a"]
