"""Regenerate the garbled blind5 article from its simplified source with the project's
tests/articles/garble.py (not edited; its functions are called)."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
import garble  # noqa: E402

for stem, make in [
    ("blind5-garbled-ganzi", garble.garbled_article),
]:
    text = make((HERE / f"{stem}.zh-Hans.txt").read_text(encoding="utf-8"))
    (HERE.parent / f"{stem}.txt").write_text(text, encoding="utf-8")
