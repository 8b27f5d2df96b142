"""Read an article's bytes and decode them: UTF-8, GB18030 or Big5, detected from the bytes."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

MAX_BYTES = 16 * 1024 * 1024
"""Articles are a few kilobytes; anything this big is not an article of the genre."""

_CANDIDATES = ("utf-8", "gb18030", "big5")


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(2, len(sample) // 100)


def _han_share(text: str) -> float:
    if not text:
        return 0.0
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han / len(text)


def decode(raw: bytes, source: str = "input") -> tuple[str, str]:
    """Decode article bytes; returns ``(text, encoding)``.

    UTF-8 is tried first (it rarely decodes by accident); then GB18030 and Big5, keeping the one
    whose text is most made of common Han characters.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise InputError(f"{source}: empty file", "give an article with text in it")
    if _looks_binary(raw):
        raise InputError(f"{source}: binary file, not a text article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for encoding in _CANDIDATES[1:]:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _common_share(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < 0.3:
        raise InputError(
            f"{source}: cannot decode as UTF-8, GB18030 or Big5", "convert the file to UTF-8"
        )
    return best[1], best[2]


def _common_share(text: str) -> float:
    """Share of characters that are common simplified or traditional Han, punctuation or ASCII."""
    from kg.text.charsets import common_chars

    common = common_chars()
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch in common or ch.isascii() or "\u3000" <= ch <= "\u303f")
    return good / len(text)


def read_bytes(path: Path, limit: int, kind: str, hint: str) -> bytes:
    """The bytes of ``path``, or a one-line ``InputError`` (missing, a folder, over ``limit``)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: {size} bytes is over the {limit // (1024 * 1024)} MiB limit "
                f"for one {kind}",
                hint,
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an {kind}") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def read_article(path: Path) -> tuple[bytes, str, str]:
    """``(bytes, decoded text, encoding)`` of an article file, or an ``InputError``."""
    raw = read_bytes(path, MAX_BYTES, "article", "split it into articles")
    text, encoding = decode(raw, str(path))
    return raw, text, encoding
