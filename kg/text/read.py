"""Read an article's bytes and decode them: UTF-8, GB18030 or Big5, detected from the bytes."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.text.edits import MASK

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


_UTF16_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
"""Byte order marks of UTF-16 and UTF-32 (longest first): such text is full of NULs, and
would otherwise be called binary."""

STRAY_SEQUENCES = 8
STRAY_SEQUENCES_PER_KIB = 1
"""Invalid UTF-8 sequences tolerated (8, or one per KiB in a longer text) before UTF-8 is not
the answer: one stray byte inside a character breaks it into up to four."""


def decode(raw: bytes, source: str = "input") -> tuple[str, str]:
    """Decode article bytes; returns ``(text, encoding)``.

    A UTF-16 or UTF-32 byte order mark decides.  Else UTF-8 is tried first (it rarely decodes
    by accident); then GB18030 and Big5, keeping the one whose text is most made of common Han
    characters.  UTF-8 with a few stray bytes (see ``STRAY_SEQUENCES``) competes with them, each
    stray byte decoded as U+FFFD, which the normaliser reports as a repair.
    """
    for bom, encoding in _UTF16_BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{source}: starts as {encoding.upper()} (byte order mark) but byte "
                    f"{error.start} is not {encoding.upper()}",
                    "convert the file to UTF-8",
                ) from None
            if not text.strip():
                raise InputError(f"{source}: empty file", "give an article with text in it")
            return text, encoding
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
    text = raw.decode("utf-8", errors="replace")  # each invalid sequence: one U+FFFD
    stray = text.count(MASK) - raw.count(MASK.encode("utf-8"))
    if stray <= max(STRAY_SEQUENCES, STRAY_SEQUENCES_PER_KIB * len(raw) // 1024):
        best = (_common_share(text), text, "utf-8")
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


_NOT_FILES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_a_file(mode: int) -> str | None:
    """What a file of ``st_mode`` ``mode`` is when it is not a regular file ("a named pipe
    (FIFO)"), else ``None``."""
    return next((what for test, what in _NOT_FILES if test(mode)), None)


def check_regular(path: Path, mode: int, kind: str) -> None:
    """An ``InputError`` naming what ``path`` is when it is not a regular file."""
    what = not_a_file(mode)
    if what == "a folder":
        raise InputError(f"{path}: is a folder, not an {kind}")
    if what is not None:
        raise InputError(f"{path}: is {what}, not a regular file", f"give an {kind}")


def read_bytes(path: Path, limit: int, kind: str, hint: str) -> bytes:
    """The bytes of ``path``, or a one-line ``InputError`` (missing, not a regular file, over
    ``limit``).

    At most ``limit + 1`` bytes are read whatever ``stat`` says: a file in ``/proc`` says 0, a
    file may grow while it is read.  Pipes and devices are refused by name, not read: a symlink
    to ``/dev/zero`` would never end, and opening a FIFO would wait for a writer (it is opened
    without blocking, then refused)."""
    megabytes = limit // (1024 * 1024)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an {kind}") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    try:
        status = os.fstat(fd)
        check_regular(path, status.st_mode, kind)
        if status.st_size > limit:
            raise InputError(
                f"{path}: {status.st_size} bytes is over the {megabytes} MiB limit for one {kind}",
                hint,
            )
        with os.fdopen(fd, "rb", buffering=0, closefd=False) as handle:
            data = _read_at_most(handle, limit + 1, status.st_size)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(
            f"{path}: more than {limit} bytes is over the {megabytes} MiB limit for one {kind}",
            hint,
        )
    return data


def _read_at_most(handle: BinaryIO, most: int, size: int) -> bytes:
    """Up to ``most`` bytes, in pieces: ``read(most)`` would allocate ``most`` bytes at once
    for a file of a few.  The first piece is the size ``stat`` gave (and one byte more, to
    see the end)."""
    pieces: list[bytes] = []
    total = 0
    piece = min(most, size + 1 if size > 0 else _PIECE)
    while total < most:
        chunk = handle.read(min(piece, most - total))
        if not chunk:
            break
        pieces.append(chunk)
        total += len(chunk)
        piece = _PIECE
    return b"".join(pieces)


_PIECE = 1024 * 1024


def read_article(path: Path) -> tuple[bytes, str, str]:
    """``(bytes, decoded text, encoding)`` of an article file, or an ``InputError``."""
    raw = read_bytes(path, MAX_BYTES, "article", "split it into articles")
    text, encoding = decode(raw, str(path))
    return raw, text, encoding
