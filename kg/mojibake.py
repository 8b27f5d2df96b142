"""Mojibake: UTF-8 bytes that were decoded as GBK one byte out of step.

Placeholder: finds nothing yet; see the foundation issue.
"""

from __future__ import annotations

from kg.normalise import Edit


def find_mojibake(text: str) -> list[Edit]:
    return []
