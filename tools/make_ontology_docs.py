"""Generate docs/ontology.html from ontology/fupin.ttl with pyLODE (the OntPub profile).

Run ``python tools/make_ontology_docs.py`` after changing the ontology; ``--check`` exits 1 when
the committed page is out of date (tests/test_ontology_docs.py does the same).  pyLODE is pinned
in the ``test`` extra: 3.4.1, the newest, cannot be imported from its wheel (its version module
reads a pyproject.toml that the wheel does not ship), so 3.3.4.

pyLODE reads only the file it is given (no network) and writes no date or path; subjects are
sorted so that the page does not depend on rdflib's set order.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "fupin.ttl"
PAGE = ROOT / "docs" / "ontology.html"


def render(ontology: Path = ONTOLOGY) -> str:
    import logging

    from pylode import OntPub

    logging.getLogger().setLevel(logging.WARNING)  # pyLODE logs its steps at INFO on the root
    page = OntPub(ontology=str(ontology), sort_subjects=True).make_html(include_css=True)
    return page.rstrip("\n") + "\n"


def main() -> None:
    text = render()
    if "--check" in sys.argv:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        sys.exit(0 if current == text else 1)
    descriptor, name = tempfile.mkstemp(dir=PAGE.parent, prefix=".ontology-", suffix=".html")
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(name, 0o644)  # mkstemp makes it private; the page is for everyone
    os.replace(name, PAGE)


if __name__ == "__main__":
    main()
