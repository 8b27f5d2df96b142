"""jieba's part-of-speech tagger, ported: the same words and tags, faster, from cached tables.

:class:`Tagger` gives what ``jieba.posseg.POSTokenizer(tok).cut(text)`` gives (HMM on) for a
``jieba.Tokenizer`` ``tok`` with the user dictionary loaded, as ``(word, flag)`` pairs, without
importing ``jieba.posseg``:

- Importing ``jieba.posseg`` reads jieba's 350,000-line dictionary into a word-tag table, and
  ``jieba.Tokenizer.initialize`` loads jieba's marshal cache: most of a cold start.  Here the
  prefix dictionary (``FREQ``, ``total``) after the user dictionary, the word-tag table and the
  HMM tables are one :func:`kg.cache.cached` entry, keyed by jieba's dictionary, the user
  dictionary and the HMM pickles.  The first build (a cache miss) loads them with jieba's own
  code, so it cannot disagree with it.
- jieba's viterbi (``jieba/posseg/viterbi.py``) scores every previous state for every state,
  though most of the 256 states have no transition to a given one (their score is ``-inf``).
  Here each state keeps the states that lead to it, and only those are scored.  The states are
  numbered in the order of their ``(position, tag)`` tuples, so ``max`` over ``(score, state)``
  breaks ties as jieba's does, and the scores are summed in jieba's order, so the floats match.
- jieba's ``get_DAG`` and ``calc`` (the best route through the dictionary's words) are one
  pass, :meth:`Tagger.route`, with the same sums and the same tie-breaking, without the lists,
  generator and tuples they make per character.

The text cutting (``__cut_internal``, ``__cut_DAG``, ``__cut_detail``, ``__cut``) follows jieba
0.42.1 line by line, its regular expressions and oddities included; ``tests/test_tagger.py``
compares the two on the articles and on generated text.
"""

from __future__ import annotations

import io
import math
import pickle
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.cache import cached
from kg.resources import data_path, package_dir

USER_DICT = data_path("userdict.txt")

_MIN_FLOAT = -3.14e100
_MIN_INF = float("-inf")

# jieba/posseg/__init__.py's patterns, character for character (a test compares them).
_HAN_DETAIL = re.compile("([\u4e00-\u9fd5]+)")
_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_HAN_INTERNAL = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")

_HMM_CUTS_KEPT = 4_000
"""Runs of Han characters whose HMM cut a tagger remembers: enough for the names and terms that
recur in a corpus (the hits), few enough that a worker's memory stays flat over thousands of
documents (50,000 grew a worker by 60 MB)."""

_HMM_FILES = ("char_state_tab.p", "prob_start.p", "prob_trans.p", "prob_emit.p")

Pair = tuple[str, str]
State = tuple[str, str]


def sources() -> list[Path]:
    """The files the tables are made from: a change to any of them rebuilds the cache entry."""
    folder = package_dir("jieba")
    return [folder / "dict.txt", USER_DICT, *(folder / "posseg" / name for name in _HMM_FILES)]


@dataclass(frozen=True)
class Tables:
    """Everything the tagger reads, as pickled in the cache.

    States are numbers: ``states[i]`` is jieba's ``(position, tag)`` tuple, in sorted order, so
    comparing numbers compares the tuples."""

    freq: dict[str, int]
    """jieba's prefix dictionary after the user dictionary (``Tokenizer.FREQ``)."""
    total: int
    tags: dict[str, str]
    """Word → tag: jieba's dictionary, then the user dictionary's tags over it."""
    states: tuple[State, ...]
    start: tuple[float, ...]
    char_states: dict[str, tuple[int, ...]]
    trans: tuple[dict[int, float], ...]
    """``trans[y0][y]``: log probability of going from ``y0`` to ``y``."""
    into: tuple[dict[int, float], ...]
    """``into[y][y0] == trans[y0][y]``: the states that lead to ``y``, with the same values."""
    emit: tuple[dict[str, float], ...]


def _read_word_tags(path: Path) -> dict[str, str]:
    """jieba.posseg's ``POSTokenizer.load_word_tag`` on jieba's dictionary."""
    tags: dict[str, str] = {}
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, 1):
            line = raw.strip().decode("utf-8")
            if not line:
                continue
            try:
                word, _, tag = line.split(" ")
            except ValueError:
                raise ValueError(
                    f"invalid POS dictionary entry in {path} at Line {lineno}: {line}"
                ) from None
            tags[word] = tag
    return tags


def user_dictionary() -> io.BytesIO:
    """The user dictionary without its ``#`` comment lines, which jieba would add as words."""
    lines = USER_DICT.read_bytes().splitlines(keepends=True)
    return io.BytesIO(b"".join(line for line in lines if not line.lstrip().startswith(b"#")))


def _build() -> Tables:
    """Load the tables with jieba's own code (a cache miss): ``Tokenizer.initialize`` and
    ``load_userdict`` for ``FREQ``/``total``, posseg's reading of the word tags and its pickles."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(user_dictionary())
    freq: dict[str, int] = tok.FREQ
    raw = _read_word_tags(package_dir("jieba") / "dict.txt")
    raw.update(tok.user_word_tag_tab)
    # Keys are FREQ's own strings and tags are interned, so the pickle stores each once.
    tags: dict[str, str] = {}
    for word in freq:
        tag = raw.pop(word, None)
        if tag is not None:
            tags[word] = sys.intern(tag)
    for word, tag in raw.items():  # not in FREQ: never looked up in practice, kept for parity
        tags[word] = sys.intern(tag)

    folder = package_dir("jieba") / "posseg"
    loaded = []
    for name in _HMM_FILES:
        with (folder / name).open("rb") as handle:
            loaded.append(pickle.load(handle))
    char_state_p, start_p, trans_p, emit_p = loaded
    states = tuple(sorted(trans_p))
    number = {state: i for i, state in enumerate(states)}
    trans = tuple({number[y]: p for y, p in trans_p[y0].items()} for y0 in states)
    into: tuple[dict[int, float], ...] = tuple({} for _ in states)
    for y0, row in enumerate(trans):
        for y, p in row.items():
            into[y][y0] = p
    values = [*start_p.values(), *(p for row in trans for p in row.values())]
    values += [p for row in emit_p.values() for p in row.values()]
    if not all(math.isfinite(p) for p in values):
        # Scoring only the states with a transition is exact because every score is finite.
        raise ValueError("jieba's HMM tables hold a value that is not finite")
    return Tables(
        freq=freq,
        total=tok.total,
        tags=tags,
        states=states,
        start=tuple(start_p[state] for state in states),
        char_states={c: tuple(number[s] for s in got) for c, got in char_state_p.items()},
        trans=trans,
        into=into,
        emit=tuple(emit_p[state] for state in states),
    )


def load_tables() -> Tables:
    """The tables, from the cache when it holds them for the current sources."""
    return cached("tagger", sources(), _build)


class Tagger:
    """``jieba.posseg.POSTokenizer.cut`` (HMM on) over the cached tables."""

    def __init__(self, tables: Tables) -> None:
        import jieba

        tok = jieba.Tokenizer()
        # What Tokenizer.initialize sets: get_DAG and calc need nothing else.
        tok.FREQ = tables.freq
        tok.total = tables.total
        tok.initialized = True
        self.tokenizer: Any = tok
        self.tables = tables
        self._candidates: dict[str, tuple[tuple[int, float, dict[int, float]], ...]] = {}
        self._hmm_cuts: dict[str, tuple[Pair, ...]] = {}
        self._all = tuple(range(len(tables.states)))

    def cut(self, sentence: str) -> Iterator[Pair]:
        """``(word, flag)`` pairs of ``sentence``, as jieba.posseg's ``cut`` yields them."""
        for blk in _HAN_INTERNAL.split(sentence):
            if _HAN_INTERNAL.match(blk):
                yield from self._cut_dag(blk)
            else:
                for x in _SKIP_INTERNAL.split(blk):
                    if _SKIP_INTERNAL.match(x):
                        yield x, "x"
                    else:
                        for xx in x:
                            if _NUM.match(xx):
                                yield xx, "m"
                            elif _ENG.match(x):  # sic: x, not xx, as in jieba
                                yield xx, "eng"
                            else:
                                yield xx, "x"

    def lcut(self, sentence: str) -> list[Pair]:
        return list(self.cut(sentence))

    def route(self, sentence: str) -> list[int]:
        """Where the word jieba picks at each offset ends (its last character): jieba's
        ``get_DAG`` and ``calc`` in one pass from the end, without the DAG's lists, a generator
        and a tuple per candidate word (they were a tenth of a build's CPU).

        The same choice: the highest ``log(freq) - log(total) + score(after)``, in that order of
        operations; a tie goes to the longer word (``max`` over ``(score, end)`` tuples); an
        offset that starts no word of the dictionary is a word of one character."""
        count_of = self.tables.freq.get
        log = math.log
        logtotal = log(self.tables.total)
        n = len(sentence)
        score = [0.0] * (n + 1)
        ends = [0] * n
        for start in range(n - 1, -1, -1):
            best_end = -1
            best = 0.0
            i = start
            frag = sentence[start]
            while i < n and (count := count_of(frag)) is not None:
                if count:
                    value = log(count) - logtotal + score[i + 1]
                    if best_end < 0 or value >= best:  # later ends are longer: >= keeps them
                        best, best_end = value, i
                i += 1
                frag = sentence[start : i + 1]
            if best_end < 0:
                best_end = start
                best = log(count_of(sentence[start]) or 1) - logtotal + score[start + 1]
            score[start] = best
            ends[start] = best_end
        return ends

    def _cut_dag(self, sentence: str) -> Iterator[Pair]:
        route = self.route(sentence)
        tags = self.tables.tags
        x = 0
        # Where the current run of single-character words began: jieba grows the run with
        # ``buf += word``, which copies it each time (a line of 600k digits took 16 s).
        run = 0
        n = len(sentence)
        while x < n:
            y = route[x] + 1
            if y - x > 1:
                if run < x:
                    yield from self._flush(sentence[run:x])
                yield sentence[x:y], tags.get(sentence[x:y], "x")
                run = y
            x = y
        if run < n:
            yield from self._flush(sentence[run:n])

    def _flush(self, buf: str) -> Iterator[Pair]:
        """A run of single-character words of ``__cut_DAG``."""
        tags = self.tables.tags
        if len(buf) == 1:
            yield buf, tags.get(buf, "x")
        elif not self.tables.freq.get(buf):
            yield from self._cut_detail(buf)
        else:
            for elem in buf:
                yield elem, tags.get(elem, "x")

    def _cut_detail(self, sentence: str) -> Iterator[Pair]:
        for blk in _HAN_DETAIL.split(sentence):
            if _HAN_DETAIL.match(blk):
                # Unknown names recur within a document and across a corpus: the cut of a run
                # depends on the run alone, so it is remembered (a bounded number of them).
                got = self._hmm_cuts.get(blk)
                if got is None:
                    if len(self._hmm_cuts) >= _HMM_CUTS_KEPT:
                        self._hmm_cuts.clear()
                    got = self._hmm_cuts[blk] = tuple(self._cut_hmm(blk))
                yield from got
            else:
                for x in _SKIP_DETAIL.split(blk):
                    if x:
                        if _NUM.match(x):
                            yield x, "m"
                        elif _ENG.match(x):
                            yield x, "eng"
                        else:
                            yield x, "x"

    def _cut_hmm(self, sentence: str) -> Iterator[Pair]:
        """posseg's ``__cut``: words and tags from the most likely states."""
        pos_list = self.viterbi(sentence)[1]
        begin, nexti = 0, 0
        for i, char in enumerate(sentence):
            pos = pos_list[i][0]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield sentence[begin : i + 1], pos_list[i][1]
                nexti = i + 1
            elif pos == "S":
                yield char, pos_list[i][1]
                nexti = i + 1
        if nexti < len(sentence):
            yield sentence[nexti:], pos_list[nexti][1]

    def _states_of(self, char: str) -> tuple[tuple[int, float, dict[int, float]], ...]:
        """The states ``char`` may be in, each with its emission score and the states that lead
        to it (``states.get(char, all_states)`` and ``emit_p[y].get(char, MIN_FLOAT)``)."""
        got = self._candidates.get(char)
        if got is None:
            t = self.tables
            got = tuple(
                (y, t.emit[y].get(char, _MIN_FLOAT), t.into[y])
                for y in t.char_states.get(char, self._all)
            )
            self._candidates[char] = got
        return got

    def viterbi(self, obs: str) -> tuple[float, list[State]]:
        """jieba.posseg.viterbi.viterbi(obs, char_state_tab_P, start_P, trans_P, emit_P)."""
        start = self.tables.start
        v = {y: start[y] + em for y, em, _ in self._states_of(obs[0])}
        backs: list[dict[int, int]] = []
        for t in range(1, len(obs)):
            cur: dict[int, float] = {}
            back: dict[int, int] = {}
            before = v.keys()
            for y, em, into in self._states_of(obs[t]):
                # jieba: max((V[t-1][y0] + trans_p[y0].get(y, MIN_INF) + emit, y0) for y0 in
                # prev_states); the y0 without a transition to y score -inf and never win.
                common = before & into.keys()
                if common:
                    cur[y], back[y] = max([(v[y0] + into[y0] + em, y0) for y0 in common])
            if not cur:
                cur, back = self._no_state_expected(v, obs[t])
            v = cur
            backs.append(back)
        prob, state = max([(p, y) for y, p in v.items()])
        route = [state]
        for back in reversed(backs):
            state = back[state]
            route.append(state)
        states = self.tables.states
        return prob, [states[s] for s in reversed(route)]

    def _no_state_expected(
        self, v: dict[int, float], char: str
    ) -> tuple[dict[int, float], dict[int, int]]:
        """jieba's fallback when none of the character's states follows a previous state: the
        states that follow any previous state, or else all states."""
        t = self.tables
        prev_states = [x for x in v if t.trans[x]]
        expected = {y for x in prev_states for y in t.trans[x]}
        cur: dict[int, float] = {}
        back: dict[int, int] = {}
        for y in expected or self._all:
            em = t.emit[y].get(char, _MIN_FLOAT)
            cur[y], back[y] = max(
                (v[y0] + t.trans[y0].get(y, _MIN_INF) + em, y0) for y0 in prev_states
            )
        return cur, back


def load() -> Tagger:
    """A tagger over the cached tables (built and cached on the first call)."""
    return Tagger(load_tables())
