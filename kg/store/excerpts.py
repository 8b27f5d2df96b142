"""Evidence as people read it: the quote cleaned, trimmed around the match, the match marked.

The store holds each quote exactly as the article had it (``oa:exact``), garbling and pasted
pinyin readings included, because its offsets point into that text.  Shown to people, a quote
goes through the same normaliser the extraction read it with (:mod:`kg.text.normalise`):
readings stripped, mojibake repaired or masked, the original script kept.  JSON and CSV carry
both, the exact quote and the cleaned one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from kg.text.normalise import Normalised, normalise
from kg.text.script import convert_script

MARK = ("【", "】")
ELLIPSIS = "…"
CONTEXT = 16
"""Characters kept on each side of the match."""


@lru_cache(maxsize=8192)
def _normalised(quote: str) -> Normalised:
    return normalise(quote)


def clean_quote(quote: str) -> str:
    """``quote`` with pinyin readings stripped and mojibake repaired, in its own script."""
    return _normalised(quote).clean


def find_match(quote: str, words: Sequence[str]) -> tuple[int, int] | None:
    """Where in the cleaned quote the first of ``words`` (longest first; either script) is."""
    simplified = _normalised(quote).text
    for word in sorted({w for w in words if w}, key=lambda w: (-len(w), w)):
        simple = convert_script(word)
        at = simplified.find(simple)
        if at >= 0:
            return at, at + len(simple)
    return None


def excerpt(quote: str, words: Sequence[str], context: int = CONTEXT) -> str:
    """The cleaned quote trimmed to ``context`` characters around the match, marked; without
    a match, its beginning."""
    clean = clean_quote(quote)
    found = find_match(quote, words)
    if found is None:
        if len(clean) <= 2 * context:
            return clean
        return clean[: 2 * context] + ELLIPSIS
    start, end = found
    left, right = max(0, start - context), min(len(clean), end + context)
    return "".join(
        [
            ELLIPSIS if left > 0 else "",
            clean[left:start],
            MARK[0],
            clean[start:end],
            MARK[1],
            clean[end:right],
            ELLIPSIS if right < len(clean) else "",
        ]
    )


def evidence_rank(quote: str, words: Sequence[str]) -> int:
    """0: the quote holds the match and more (a sentence around it); 1: only the match;
    2: no match.  The best evidence has the lowest."""
    found = find_match(quote, words)
    if found is None:
        return 2
    return 1 if found[1] - found[0] >= len(clean_quote(quote)) else 0
