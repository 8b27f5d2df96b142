"""Regenerate the traditional and garbled blind2 articles from their simplified sources
with the project's tests/articles/garble.py (not edited; its functions are called)."""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
import garble  # noqa: E402

for stem, make in [
    ("blind-interview-weichang", garble.traditional_article),
    ("blind-garbled-xiji", garble.garbled_article),
]:
    text = make((HERE / f"{stem}.zh-Hans.txt").read_text(encoding="utf-8"))
    (HERE.parent / f"{stem}.txt").write_text(text, encoding="utf-8")
