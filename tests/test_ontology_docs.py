"""docs/ontology.html is pyLODE's page for ontology/fupin.ttl as it is now (issue 17 part 3)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

pytest.importorskip("pylode", reason="pyLODE is in the test extra")

import make_ontology_docs  # noqa: E402


def test_the_ontology_page_is_current() -> None:
    committed = (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8")
    assert committed == make_ontology_docs.render(), (
        "docs/ontology.html is out of date: run python tools/make_ontology_docs.py"
    )


def test_the_page_documents_the_terms_and_nothing_of_this_machine() -> None:
    page = (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8")
    for term in ("Programme", "targetsArea", "Document", "valueQualifier"):
        assert f'id="{term}"' in page, term
    assert str(ROOT) not in page and "/tmp/" not in page


def test_a_changed_ontology_gives_another_page(tmp_path: Path) -> None:
    changed = tmp_path / "fupin.ttl"
    text = (ROOT / "ontology" / "fupin.ttl").read_text(encoding="utf-8")
    changed.write_text(text.replace('"targets area"@en', '"aims at area"@en'), encoding="utf-8")
    assert "aims at area" in make_ontology_docs.render(changed)
