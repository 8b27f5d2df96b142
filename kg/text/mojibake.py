"""Mojibake: text whose GBK bytes were decoded one byte out of step.

How the corruption works (worked out on the sample, and reproduced by the test generator):

* The article, in traditional characters, was GBK-encoded; a decoder then lost a byte (it
  prints ``?`` for it) and read every following pair of bytes across the character boundaries:
  ``。“思為`` = ``A1A3 A1B0 CBBC 9EE9`` is read ``? A3A1 B0CB BC9E ...`` = ``?！八紴``.  Pairs
  in GBK's user-defined area come out as private-use characters (U+E000-U+F8FF).
* A tool pasting pinyin readings then saw those misread pairs as characters too, and inserted a
  reading *between the two bytes of a real character*: ``們在`` = ``8283 D4DA`` was read as
  ``82 83D4`` = ``冊`` and became ``8283 D4 (cè) DA...``.  Decoded again, ``D4 (`` is no
  character: the decoder prints ``?`` for both bytes and ``cè)`` remains: ``們?cè)谵r``.
* Full-width punctuation was later narrowed to ASCII (``！`` -> ``!``).

So in a garbled run each ``?`` stands for one lost byte (plus the ``(`` of a reading when a
``pinyin)`` remnant follows; the remnant tells which byte it was: the one that, after the byte
before it, spells a character with that reading), every other character stands for its two GBK
bytes, and a lone ASCII letter stands for itself (the second byte of a GBK character can be
``@``-``~``).  Re-reading that byte stream from the lost byte gives the text back; the run ends
where the two readings meet again.  A lost byte with nothing to tell it is chosen from the words
it would form (``mojibake_words.txt``), else the character is :data:`~kg.text.normalise.MASK`.
Runs that do not re-read as common text are masked when they show private-use characters, and
left alone otherwise (an ordinary ``?`` is not mojibake).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from kg.resources import DATA_DIR
from kg.text.charsets import common_chars
from kg.text.edits import MASK, Edit
from kg.text.readings import TONED, _reading_table, _readings, is_pinyin
from kg.text.script import convert_script

_DATA = DATA_DIR
_REMNANT = re.compile(r"([a-zü" + TONED + r"]{1,6})\)")
_ANNOTATION = re.compile(r"[(（]([a-zü" + TONED + r"]{1,6})[)）]")
_MAX_RUN = 400
"""Characters a single run may span before the attempt is abandoned."""

# Full-width forms narrowed to ASCII: inside a misread run, ``!`` was ``！`` (A3A1).
_NARROWED = frozenset("!\"#$%&'()*+,-./0123456789:;<=>?")
_SENTENCE_PUNCT = frozenset("。，、；：！？")
_QUOTES = frozenset("“”‘’「」『』《》〈〉（）()")
_MIN_WORD_FREQ = 50
_GUESS_SCORE = math.log(500)
"""A lost byte is filled only when one candidate alone forms a word this frequent."""


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_pua(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


@cache
def _punctuation() -> frozenset[str]:
    """CJK punctuation and full-width forms of GBK rows A1 and A3."""
    chars = set()
    for hi in (0xA1, 0xA3):
        for lo in range(0xA1, 0xFF):
            ch = _decode_pair(hi, lo)
            if ch is not None:
                chars.add(ch)
    return frozenset(chars)


def _acceptable(ch: str) -> bool:
    """A character that ordinary text is made of."""
    return ch in common_chars() or ch in _punctuation()


@cache
def _decode_pair(hi: int, lo: int) -> str | None:
    """The character GBK bytes ``hi lo`` stand for, ``None`` when none or a private-use one."""
    try:
        ch = bytes((hi, lo)).decode("gb18030")
    except UnicodeDecodeError:
        return None
    if len(ch) != 1 or _is_pua(ch):
        return None
    return ch


@cache
def _encode(ch: str) -> bytes | None:
    """The two GBK bytes of ``ch``, ``None`` when it has no two-byte code."""
    try:
        data = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


@cache
def _words() -> dict[str, int]:
    """Two-character simplified words and their frequencies (``mojibake_words.txt``)."""
    lines = (_DATA / "mojibake_words.txt").read_text(encoding="utf-8").splitlines()
    tokens = " ".join(line for line in lines if not line.startswith("#")).split()
    return dict(zip(tokens[0::2], map(int, tokens[1::2]), strict=True))


@cache
def _simplified(ch: str) -> str:
    return convert_script(ch)


def _word_score(left: str | None, ch: str, right: str | None) -> float:
    """How strongly ``ch`` forms words with its neighbours (0 when it forms none)."""
    words = _words()
    score = 0.0
    for pair in ((left + ch) if left else None, (ch + right) if right else None):
        if pair is None or MASK in pair:
            continue
        freq = words.get(_simplified(pair[0]) + _simplified(pair[1]), 0)
        if freq >= _MIN_WORD_FREQ:
            score += math.log(freq)
    return score


# --- reading a run -----------------------------------------------------------------------------

Options = frozenset[int] | None
"""The values a byte of the stream may have: one when known, ``None`` when it is lost."""


@dataclass
class _Run:
    start: int
    end: int
    stream: list[Options]
    hints: dict[int, str]
    """Stream index -> reading of the character (previous byte, this byte)."""
    right: str | None
    """The character after the run, for choosing lost bytes."""


def _known(value: int) -> Options:
    return frozenset((value,))


def _aligned(stream: list[Options]) -> bool:
    """Whether reading ``stream`` in pairs from its first byte ends on a character boundary."""
    pos = 0
    while pos < len(stream):
        options = stream[pos]
        if options is not None and len(options) == 1 and next(iter(options)) < 0x80:
            pos += 1
        elif pos + 1 < len(stream):
            pos += 2
        else:
            return False
    return True


def _is_pinyin_reading(reading: str) -> bool:
    return is_pinyin(reading)


def _left_of(text: str, start: int) -> int:
    """Index of the character before ``start``, skipping a pasted reading: ``書(shū)|``."""
    index = start - 1
    if index >= 0 and text[index] in ")）":
        opening = max(text.rfind("(", 0, index), text.rfind("（", 0, index))
        if opening > 0 and _ANNOTATION.fullmatch(text, opening, index + 1):
            return opening - 1
    return index


def _remnant(text: str, pos: int) -> re.Match[str] | None:
    """A ``pinyin)`` remnant of a reading at ``pos`` (its ``(`` was eaten by a lost byte)."""
    match = _REMNANT.match(text, pos)
    if match and is_pinyin(match.group(1)):
        return match
    return None


def _starts_garble(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` continues a run that is back in step: another lost byte or a
    private-use character."""
    ch = text[pos]
    if _is_pua(ch):
        return True
    if ch != "?":
        return False
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    after = text[pos + 2] if pos + 2 < len(text) else ""
    if nxt in _NARROWED and nxt != "?":  # a narrowed full-width sign read across bytes: ?!八
        nxt = after
    elif "@" <= nxt <= "~" and (after in "(（" or _is_han(after)):  # a trail byte: ?r(nóng)
        return _remnant(text, pos + 1) is None
    return _is_han(nxt) or _is_pua(nxt) or nxt == "?" or _remnant(text, pos + 1) is not None


def _read_run(text: str, start: int, lost_visible: bool) -> _Run | None:
    """Read the bytes of a run beginning at ``start`` with a lost byte.

    With ``lost_visible`` the lost byte is the ``?`` at ``start``; else it left no trace and the
    run's first character already stands for misread bytes.
    """
    stream: list[Options] = []
    hints: dict[int, str] = {}
    before = _encode(text[start - 1]) if start > 0 else None
    prev_byte: Options = _known(before[1]) if before else None
    pos = start
    if not lost_visible:
        stream.append(None)
    limit = min(len(text), start + _MAX_RUN)
    while pos < limit:
        if stream and _aligned(stream) and not _starts_garble(text, pos):
            break
        ch = text[pos]
        odd = not _aligned(stream)
        if ch == "?":
            match = _remnant(text, pos + 1)
            if match:
                hints[len(stream)] = match.group(1)
                pos = match.end()
            else:
                pos += 1
            stream.append(None)
            continue
        if "!" <= ch <= "~":
            if not odd:
                return None
            if ch in _NARROWED:
                stream.extend((_known(0xA3), _known(ord(ch) + 0x80)))
            else:  # a trail byte read as a letter
                stream.append(_known(ord(ch)))
            pos += 1
            continue
        data = _encode(ch)
        if data is None or data[0] < 0x81:
            return None
        stream.extend((_known(data[0]), _known(data[1])))
        pos += 1
    else:
        if not (stream and _aligned(stream)):
            return None
    if not _aligned(stream) or pos == start:
        return None
    _apply_hints(stream, hints, prev_byte)
    after = _ANNOTATION.match(text, pos)
    if after and _is_pinyin_reading(after.group(1)):
        # a reading pasted after the run's last character says which character it is
        hints.setdefault(len(stream) - 1, after.group(1))
        pos_right = after.end()
    else:
        pos_right = pos
    right = text[pos_right] if pos_right < len(text) else None
    return _Run(start, pos, stream, hints, right)


def _apply_hints(stream: list[Options], hints: dict[int, str], prev_byte: Options) -> None:
    """Narrow each lost byte that a pinyin remnant follows: it is a byte ``u`` such that the
    byte before it and ``u`` spell a character with that reading."""
    if not hints:
        return
    table = _readings()
    for index in sorted(hints):
        chars = table.get(hints[index].replace("v", "ü"), "")
        before = stream[index - 1] if index > 0 else prev_byte
        if before is None or not chars:
            continue
        fits: dict[int, set[int]] = {}
        for hi in sorted(before):
            for lo in range(0x40, 0xFF):
                ch = _decode_pair(hi, lo)
                if ch is not None and ch in chars:
                    fits.setdefault(lo, set()).add(hi)
        if not fits:
            continue
        current = stream[index]
        allowed = frozenset(fits) if current is None else current & frozenset(fits)
        if not allowed:
            continue
        stream[index] = allowed
        if index > 0:
            stream[index - 1] = frozenset(hi for lo in allowed for hi in fits[lo])


def _pairs(stream: list[Options]) -> list[tuple[int, Options, Options] | str]:
    """The stream read in step: (index, first, second) of pairs of bytes, or the ASCII
    character of a single byte."""
    out: list[tuple[int, Options, Options] | str] = []
    pos = 0
    while pos < len(stream):
        options = stream[pos]
        if options is not None and len(options) == 1 and (byte := next(iter(options))) < 0x80:
            out.append(chr(byte))
            pos += 1
        else:
            out.append((pos, options, stream[pos + 1]))
            pos += 2
    return out


def _candidates(first: Options, second: Options, reading: str | None) -> list[str] | None:
    """Acceptable characters the pair can spell (with ``reading`` when known); ``None`` when
    both bytes are lost and nothing tells the character."""
    chars = _reading_table()[reading][0] if reading in _reading_table() else None
    if first is None and second is None and not chars:
        return None
    his = sorted(first) if first is not None else range(0x81, 0xFF)
    los = sorted(second) if second is not None else range(0x40, 0xFF)
    out = []
    for hi in his:
        for lo in los:
            ch = _decode_pair(hi, lo)
            if ch is None or not _acceptable(ch) or ch in out:
                continue
            if chars is None or ch in chars:
                out.append(ch)
    if chars is not None and not out:
        # the tool pastes a character's first reading; else try its other readings, else none
        if reading in _readings() and chars != _readings()[reading]:
            others = [
                ch for ch in _candidates(first, second, None) or [] if ch in _readings()[reading]
            ]
            if others:
                return others
        return _candidates(first, second, None)
    return out


def _is_traditional(ch: str) -> bool:
    return _simplified(ch) != ch


def _choose(
    options: list[str], left: str | None, right: str | None, guess: bool, traditional: bool
) -> str:
    """The character a partly known pair most likely spelled, else MASK.

    Without a reading (``guess``), a lost byte is only filled when the character clearly forms
    a word with a neighbour; a reading narrows the choice enough to pick the best fit.
    """
    if len(options) == 1 and not guess:
        return options[0]
    scored = sorted(
        ((_word_score(left, ch, right), ch) for ch in options), key=lambda item: -item[0]
    )
    if not guess:
        best = scored[0][0]
        tied = [ch for score, ch in scored if score == best]
        return min(
            tied,
            key=lambda ch: (
                _is_traditional(ch) != traditional,
                ch not in common_chars(),
                ord(ch),
            ),
        )
    if scored and scored[0][0] >= _GUESS_SCORE and (len(scored) == 1 or scored[1][0] == 0):
        return scored[0][1]  # the one candidate that forms a word, and a frequent one
    punct = [ch for ch in options if ch in _SENTENCE_PUNCT]
    if len(punct) == 1 and (right is None or right in _QUOTES or right == "\n"):
        return punct[0]
    return MASK


def _decode_run(run: _Run, left: str | None) -> tuple[str, int] | None:
    """The text a run re-reads as, and how many of its characters a pasted reading confirms;
    ``None`` when it does not read as ordinary text."""
    confirmed = 0
    slots: list[str | list[str]] = []
    guess: list[bool] = []
    known = common = 0
    for pair in _pairs(run.stream):
        if isinstance(pair, str):  # a single ASCII byte
            slots.append(pair)
            guess.append(False)
            continue
        index, first, second = pair
        exact = first is not None and second is not None and len(first) == len(second) == 1
        if exact:
            assert first is not None and second is not None
            ch = _decode_pair(next(iter(first)), next(iter(second)))
            if ch is None:
                return None
            known += 1
            common += _acceptable(ch)
            confirmed += ch in _readings().get(run.hints.get(index + 1, ""), ())
            slots.append(ch)
            guess.append(False)
            continue
        reading = run.hints.get(index + 1)
        options = _candidates(first, second, reading)
        if reading and options and all(ch in _readings().get(reading, ()) for ch in options):
            confirmed += 1
        if options is None:
            slots.append(MASK)
            guess.append(False)
            continue
        if not options:
            return None
        slots.append(options)
        guess.append(reading is None and (first is None or second is None))
    if known and common / known < 0.9:
        return None
    traditional = any(_is_traditional(ch) for ch in slots if isinstance(ch, str))
    out: list[str] = []
    for index, slot in enumerate(slots):
        if isinstance(slot, str):
            out.append(slot)
            continue
        prev = out[-1] if out else left
        nxt = slots[index + 1] if index + 1 < len(slots) else run.right
        right = nxt if isinstance(nxt, str) else None
        out.append(_choose(slot, prev, right, guess[index], traditional or bool(run.hints)))
    return "".join(out), confirmed


def _quality(text: str) -> int:
    """Words formed minus twice the private-use and uncommon characters: how much a piece of
    text reads like ordinary text."""
    words = _words()
    score = 0
    for a, b in zip(text, text[1:], strict=False):
        if _is_han(a) and _is_han(b) and _simplified(a) + _simplified(b) in words:
            score += 1
    bad = sum(1 for ch in text if _is_pua(ch) or (_is_han(ch) and ch not in common_chars()))
    return score - 2 * bad


def _try_repair(text: str, start: int, lost_visible: bool) -> tuple[int, str] | None:
    run = _read_run(text, start, lost_visible)
    if run is None:
        return None
    left_index = _left_of(text, start)
    left = text[left_index] if left_index >= 0 else None
    decoded = _decode_run(run, left)
    if decoded is None:
        return None
    repaired, confirmed = decoded
    if repaired.count(MASK) * 2 > len(repaired):
        return None
    before = left or ""
    after = run.right or ""
    garbled = _REMNANT.sub("", text[run.start : run.end])
    gain = _quality(before + repaired + after) - _quality(before + garbled + after)
    if gain < 0 or (gain == 0 and not confirmed):
        return None
    return run.end, repaired


def _mask_span(text: str, pos: int) -> tuple[int, int]:
    """The cluster of misread characters around the private-use character at ``pos``."""

    def suspicious(i: int) -> bool:
        ch = text[i]
        return _is_pua(ch) or ch == "?" or (_is_han(ch) and ch not in common_chars())

    start = end = pos
    while True:
        for step in (1, 2, 3):
            if start - step >= 0 and suspicious(start - step):
                start -= step
                break
        else:
            break
    while True:
        for step in (1, 2, 3):
            if end + step < len(text) and suspicious(end + step):
                end += step
                break
        else:
            break
    end += 1
    match = _remnant(text, end)
    if match and text[end - 1] == "?":
        end = match.end()
    return start, end


def _after_han(text: str, pos: int) -> bool:
    left = _left_of(text, pos)
    return left >= 0 and (_is_han(text[left]) or _is_pua(text[left]))


def find_mojibake(text: str) -> list[Edit]:
    """Runs of misread bytes: repaired where the bytes re-read as common text, else masked.

    >>> [e.replacement for e in find_mojibake("我們?cè)谵r村")]
    ['在農']
    >>> find_mojibake("是嗎?我們走吧")
    []
    """
    edits: list[Edit] = []
    pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch == "?" and (_starts_garble(text, pos) or _after_han(text, pos)):
            found = _try_repair(text, pos, lost_visible=True)
            if found:
                end, repaired = found
                edits.append(Edit(pos, end, repaired, "mojibake-repaired"))
                pos = end
                continue
        elif _is_pua(ch):
            # a lost byte that left no '?': find where the run begins
            for start in range(pos, max(-1, pos - 12), -1):
                if edits and start < edits[-1].end:
                    break
                found = _try_repair(text, start, lost_visible=False)
                if found and found[0] > pos:
                    end, repaired = found
                    edits.append(Edit(start, end, repaired, "mojibake-repaired"))
                    pos = end
                    break
            else:
                found = None
            if found:
                continue
            start, end = _mask_span(text, pos)
            if edits and start < edits[-1].end:
                start = edits[-1].end
            edits.append(Edit(start, end, MASK * (end - start), "mojibake-masked"))
            pos = end
            continue
        pos += 1
    return edits


def _rebuild_data() -> None:  # pragma: no cover - run by hand: python -m kg.text.mojibake
    """Regenerate ``kg/data/mojibake_*.txt`` from jieba's dictionary and pypinyin."""
    import os

    import jieba
    from pypinyin.pinyin_dict import pinyin_dict

    readings: dict[str, tuple[set[str], set[str]]] = {}
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            ch = _decode_pair(hi, lo)
            if ch is None or ord(ch) not in pinyin_dict:
                continue
            for rank, reading in enumerate(pinyin_dict[ord(ch)].split(",")):
                readings.setdefault(reading, (set(), set()))[min(rank, 1)].add(ch)
    with open(_DATA / "mojibake_readings.txt", "w", encoding="utf-8") as out:
        out.write("# Toned pinyin reading, the GBK characters whose first reading it is ('-' for\n")
        out.write("# none), then those that also read so (pypinyin, MIT).\n")
        out.write("# Regenerate with: python -m kg.text.mojibake\n")
        for reading in sorted(readings):
            first, other = ("".join(sorted(chars)) for chars in readings[reading])
            out.write(f"{reading} {first or '-'} {other}".rstrip() + "\n")
    words: list[tuple[str, int]] = []
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, count = line.split()[:2]
            common = len(word) == 2 and all(c in common_chars() for c in word)
            if common and int(count) >= _MIN_WORD_FREQ:
                words.append((word, int(count)))
    with open(_DATA / "mojibake_words.txt", "w", encoding="utf-8") as out:
        out.write("# Two-character words with their frequency, from jieba's dict.txt (MIT), kept\n")
        out.write("# when both characters are common and the frequency is at least 50; used to\n")
        out.write(
            "# choose a character whose byte was lost. Regenerate with:"
            " python -m kg.text.mojibake\n"
        )
        for word, freq in sorted(words):
            out.write(f"{word} {freq}\n")


if __name__ == "__main__":  # pragma: no cover
    _rebuild_data()
