"""The package ships what it needs, and generated files are current."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_namespace_module_is_generated_from_the_ontology() -> None:
    check = subprocess.run([sys.executable, "tools/make_namespace.py", "--check"], cwd=ROOT)
    assert check.returncode == 0, "run `python tools/make_namespace.py`"


def test_wheel_ships_ontology_shapes_and_sample(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("fupin_kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kg/ontology/fupin.ttl" in names
    assert "kg/ontology/context.jsonld" in names
    assert "kg/ontology/indicators.ttl" in names
    assert "kg/shapes/fupin-shapes.ttl" in names
    assert "kg/data/sample/lijiang-2020-06-10.txt" in names
    assert "kg/data/userdict.txt" in names


def test_unit_shape_lists_exactly_the_unit_table() -> None:
    """fps:UnitShape's sh:in repeats kg/data/unit_terms.tsv; the two must agree."""
    from rdflib import Graph, Namespace
    from rdflib.collection import Collection

    from kg.rdf.graph import unit_terms

    sh = Namespace("http://www.w3.org/ns/shacl#")
    shapes = Graph().parse(ROOT / "shapes" / "fupin-shapes.ttl")
    unit_shape = Namespace("https://w3id.org/fupin-kg/shapes#").UnitShape
    (prop,) = shapes.objects(unit_shape, sh.property)
    listed = {str(v) for v in Collection(shapes, shapes.value(prop, sh["in"]))}
    assert listed == set(unit_terms())


def test_every_declared_dependency_is_imported() -> None:
    """A dependency kg never imports is weight for every user (issue 17: charset-normalizer was
    declared, never used, and measured worse than kg's own detection, bench_encodings.py)."""
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kg").rglob("*.py"))
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0]
        module = name.lower().replace("-", "_")
        assert re.search(rf"^\s*(import|from) {module}\b", code, re.MULTILINE), name
