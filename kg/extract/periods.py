"""Periods: when a target or outcome holds, and the document's own date.

A period is an interval of whole days, both ends inclusive, written as a short label that names
what the text says: ``2019`` (a year), ``2016/2020`` (a span of years), ``2020-05`` (a month),
``2019-10-26`` (a day), and two of those joined by ``/`` for anything else (``2019-01/2019-10``
for 1—10月).  :func:`bounds` reads a label back as its first and last day; :func:`interval_iri`
names the interval as the W3C Data Cube examples do, with the reference.data.gov.uk intervals
(``…/id/year/2019``, ``…/id/month/2020-05``, ``…/id/day/2019-10-26``,
``…/id/gregorian-interval/2016-01-01T00:00:00/P5Y``).

Where a quantity's period comes from, first found first (:class:`Periods`):

1. its clause: a date or year (2019年, 截至10月26日, 到2025年, 2016—2020年, 2020年5月);
2. its sentence, before the number;
3. words of the clause or sentence that need the document's date or a plan's years: 今年, 去年,
   明年, 过去五年, 十三五, 十四五末 (``kg/data/periods.tsv``);
4. a clause-opening date of an earlier sentence of its paragraph (2019年，…。 …);
5. the heading of its section (一、2018年工作回顾, 二、2024年工作安排, 过去一年工作回顾);
6. the year the document's first dated clause opens with (a bulletin's 2021年，…), for the
   quantities after that clause: a title or a lead before it is of the document's date;
7. the document's date (its year).

A total or an average (累计, 年均) whose period so found is one year holds instead for the span
its sentence, section or heading names up to that year (十三五, 过去五年, 四年来, 从2015年…到2020年;
2018年以来 runs to the document's year).  A text with no date and no year takes the year of the
latest national meeting it cites (十九届四中全会, 十三届全国人大二次会议); one with no date that
counts up to the end of its latest year (截至2019年底) was written the year after, and one that
counts a yearly observance (第6个国家扶贫日) is of that observance's year.  A year a
record runs from (增速创2016年以来新高) is no period, and a growth over two years (两年平均增长)
narrows its own clause's year only.  A year compared with (比2012年增长47.7%) makes a change over
several years hold for the span from it, in the clause, in later clauses that state a change, and
in later sentences where it says so (比2012年(下同)); a level beside it keeps its own year.

Only 1 and 2 are stated; the others are inferred (:attr:`Period.inferred`).  Words that narrow a
year rather than name one (全年, 上半年, 前三季度, 1—10月, 截至10月26日) take the year from the same
sources.

The document's date (:func:`issued`) is read from the text: a publication time (发布时间：…), the
page's header date (or an earlier one stamped with a time of day), a report's date line
(（2020年1月11日在…会议上）) or a meeting's date (2020年1月11日，…召开).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property, lru_cache

from kg.extract.numbers import parse_number
from kg.resources import read_table
from kg.text.document import Document

INTERVALS = "http://reference.data.gov.uk/id/"
"""The reference.data.gov.uk time intervals the Data Cube examples use."""


# --- periods as labels and intervals -------------------------------------------------------


@dataclass(frozen=True)
class Period:
    label: str
    """``2019``, ``2016/2020``, ``2020-05``, ``2019-10-26`` or two such joined by ``/``."""
    inferred: bool = False
    """Not written in the quantity's clause or sentence: from a heading, a plan's name, a word
    such as 今年 or the document's date."""

    @property
    def start(self) -> date:
        return _bounds(self.label)[0]

    @property
    def end(self) -> date:
        return _bounds(self.label)[1]


_PART = re.compile(r"((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?")


def _part(text: str) -> tuple[date, date] | None:
    found = _PART.fullmatch(text)
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        if day:
            one = date(int(year), int(month), int(day))
            return one, one
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return date(int(year), int(month), 1), date(int(year), int(month), last)
        return date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def bounds(label: str) -> tuple[date, date] | None:
    """The first and last day of a period's label, or ``None`` if it is not one."""
    parts = label.split("/")
    if len(parts) > 2:
        return None
    first, last = _part(parts[0]), _part(parts[-1])
    if first is None or last is None or last[1] < first[0]:
        return None
    return first[0], last[1]


def _bounds(label: str) -> tuple[date, date]:
    found = bounds(label)
    if found is None:
        raise ValueError(f"not a period: {label!r}")
    return found


def _duration(start: date, after: date) -> str:
    """ISO 8601 duration from ``start`` up to (not including) ``after``: P5Y, P10M, P9M26D."""
    months = (after.year - start.year) * 12 + after.month - start.month
    if _add_months(start, months) > after:
        months -= 1
    days = (after - _add_months(start, months)).days
    years, months = divmod(months, 12)
    text = "".join(f"{n}{unit}" for n, unit in ((years, "Y"), (months, "M"), (days, "D")) if n)
    return "P" + (text or "0D")


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=4096)
def interval_iri(label: str) -> str:
    """The reference.data.gov.uk IRI of a period: a year, month or day where it is one, else a
    Gregorian interval from its first day for its length."""
    start, end = _bounds(label)
    if start == end:
        return f"{INTERVALS}day/{start.isoformat()}"
    if start.day == 1 and end == _add_months(start, 1) - timedelta(days=1):
        return f"{INTERVALS}month/{start.isoformat()[:7]}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{INTERVALS}year/{start.year}"
    after = end + timedelta(days=1)
    return f"{INTERVALS}gregorian-interval/{start.isoformat()}T00:00:00/{_duration(start, after)}"


@lru_cache(maxsize=4096)
def canonical(label: str) -> str:
    """The shortest label of a period's days (``2019-01/2019-12`` -> ``2019``): one label per
    interval IRI."""
    return _label(*_bounds(label))


def _label(start: date, end: date) -> str:
    """The shortest label of ``[start, end]``."""

    def whole(first: date, last: date) -> str | None:
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            return str(first.year) if first.year == last.year else f"{first.year}/{last.year}"
        return None

    if start == end:
        return start.isoformat()
    years = whole(start, end)
    if years:
        return years
    if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        first, last = start.isoformat()[:7], end.isoformat()[:7]
        return first if first == last else f"{first}/{last}"
    return f"{start.isoformat()}/{end.isoformat()}"


# --- language data --------------------------------------------------------------------------


@cache
def _words() -> dict[str, list[tuple[str, str]]]:
    """``kg/data/periods.tsv``: role -> (word, value), longest words first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for role, word, value in read_table("periods.tsv"):
        out.setdefault(role, []).append((word, value))
    for words in out.values():
        words.sort(key=lambda item: -len(item[0]))
    return out


@cache
def _values() -> dict[str, dict[str, str]]:
    """role -> word -> value, of :func:`_words`."""
    return {role: dict(words) for role, words in _words().items()}


def _word_pattern(role: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w, _ in _words()[role]) or "(?!)")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {role: _word_pattern(role) for role in _words() if role not in _NOT_PERIODS}


_NOT_PERIODS = (
    "birth",
    "cumulative",
    "since",
    "plenum",
    "congress",
    "closed",
    "record",
    "change",
    "same_below",
    "observance",
    "foundation",
    "dispatch",
)
"""Roles of ``periods.tsv`` whose words are no period themselves: a year of birth
(:func:`_is_birth`), a total or an average over years (:meth:`Periods._cumulative`), a year
things run from (:meth:`Periods._found_in`), a text's year over (:func:`_closed`), a record's
first year (:meth:`Periods._usable`), a change and a base carried below (:meth:`Periods._bases`).
(``vague`` words are read, so that 截至目前 is not taken for 目前, and then ignored.)"""


# --- reading periods from text --------------------------------------------------------------

_Y = r"((?:19|20)\d{2})"
_M = r"(1[0-2]|0?[1-9])"
_D = r"(3[01]|[12]\d|0?[1-9])"
_DASH = r"\s*[—\-–~～至到]+\s*"
_EXPRESSIONS = (
    # 2016—2020年, 2016年至2020年
    ("years", re.compile(_Y + r"\s*年?" + _DASH + _Y + r"\s*年")),
    # 2019年10月26日, 2020年5月, 2019年1—10月
    ("year_months", re.compile(_Y + r"\s*年\s*" + _M + _DASH + _M + r"\s*月")),
    ("date", re.compile(_Y + r"\s*年\s*" + _M + r"\s*月\s*(?:" + _D + r"\s*[日号])?")),
    ("date", re.compile(_Y + r"[-/.]" + _M + r"[-/.]" + _D + r"(?!\d)")),
    ("year", re.compile(_Y + r"\s*年(?!\s*[—\-–~～至到]\s*(?:19|20)\d{2})")),
    # 1—10月, 截至10月26日, 10月底 (the year from elsewhere)
    ("months", re.compile(r"(?<![\d年])" + _M + _DASH + _M + r"\s*月")),
    ("month_day", re.compile(r"(?<![\d年.\-])" + _M + r"\s*月\s*(?:" + _D + r"\s*[日号]|[底末])")),
)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: str
    """A date written out (``years``, ``year``, ``date``, ``year_months``), part of a year
    (``months``, ``month_day``), or a word of ``kg/data/periods.tsv`` (``plan``: years of a
    plan; ``relative``: years after the document's year, negative before; ``span``: years
    before and after the document's year; ``within``: months of a year; ``trailing``: a number
    of years up to the one found)."""
    value: tuple[int, ...]


def _found_in(text: str, start: int, end: int) -> list[_Found]:
    """Every date expression of ``text[start:end]``, longest first where they overlap."""
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or b <= s for a, b in taken)

    for kind, pattern in _EXPRESSIONS:
        for match in pattern.finditer(text, start, end):
            if not free(match.start(), match.end()):
                continue
            values = tuple(int(g) for g in match.groups() if g is not None)
            found.append(_Found(match.start(), match.end(), kind, values))
            taken.append(match.span())
    for role, pattern in _patterns().items():
        words = _values()[role]
        for match in pattern.finditer(text, start, end):
            if not free(match.start(), match.end()):
                continue
            before = text[max(start, match.start() - 1) : match.start()]
            if role == "relative" and _COMPARED.search(before):
                continue  # 比上年增长: the year compared with, not the period
            first, _, last = words[match.group()].partition("/")
            numbers = (int(first), int(last or first))
            found.append(_Found(match.start(), match.end(), role, numbers))
            taken.append(match.span())
    found.sort(key=lambda f: f.start)
    return found


_CLAUSE_OPENS = "，,。；;：:！!？?\n \u3000\t"
"""What a clause opens after: a clause's or a sentence's end, a line's start."""
_SPAN_REACH = 2000
"""How far back in its section a total's span (过去五年，…) is looked for."""
_COMPARED = re.compile(r"(?:比|较|于|同|与|占)$")
_COMPARED_REACH = 5
_COMPARED_AFAR = re.compile(rf"比[^，,。；;、：:\d年]{{1,{_COMPARED_REACH}}}$")
"""比疫情前的2019年: the year compared with, a few words after 比."""
_STARTING = re.compile(r"(?:从|由)$")
_NARROWING = ("months", "month_day", "within", "trailing")
_SENTENCE_ENDS = "。！？!?：:；;"
_WRAPPED_LINE = 20
"""A line at least this long that ends without punctuation is wrapped, not ended."""


class Periods:
    """One document's periods: :meth:`of` gives the period of a quantity."""

    def __init__(self, doc: Document, issued_on: str | None = None) -> None:
        """``issued_on``: the document's ISO date (:func:`issued`), where it gives one."""
        self.text = doc.text
        self.year = int(issued_on[:4]) if issued_on else _undated_year(doc.text)
        self.issued_day = _iso_day(issued_on)
        if issued_on is None and self.year is not None:
            self.issued_day = _dispatch_day(self.text, self.year)
        """The document's own day, where its date gives one, or its dispatch's day (6月16日电)
        in the year the text gives."""
        self.headings = _headings(self.text)
        self.heading_starts = [h[0] for h in self.headings]
        self.captions = [
            (m.start(), m.end()) for m in re.finditer(r"(?m)^[图表]\s*\d*\s.*$", self.text)
        ]
        self._found: dict[tuple[int, int], tuple[_Found, ...]] = {}
        self._openings: dict[tuple[int, int, bool], str | None] = {}
        self.opening_year = self._opening(0, len(self.text), first=True)
        self._opening_at = self._opening_start()
        """The year the document's first dated clause opens with (2021年，面对…): a bulletin's
        or a report's year, where no heading gives one."""

    def _found_in(self, start: int, end: int) -> tuple[_Found, ...]:
        """:func:`_found_in` of the document's text, once per range: a document's quantities
        share clauses, sentences and sections, and each asks again for its own."""
        found = self._found.get((start, end))
        if found is None:
            found = self._found[start, end] = tuple(
                self._since_then(f) for f in _found_in(self.text, start, end)
            )
        return found

    def _since_then(self, found: _Found) -> _Found:
        """2018年以来: the years from it to the document's."""
        if (
            found.kind == "year"
            and self.year is not None
            and found.value[0] < self.year
            and self.text.startswith(_since_words(), found.end)
        ):
            return _Found(found.start, found.end, "years", (found.value[0], self.year))
        return found

    # -- the steps ---------------------------------------------------------------------------

    def of(
        self,
        at: int,
        clause: tuple[int, int],
        sentence_start: int,
        comparison: bool = False,
    ) -> Period | None:
        """The period of the quantity at ``at`` in ``clause`` of the sentence opening at
        ``sentence_start``; ``comparison``: the quantity compares with an earlier value, so a
        year followed by 的 (是2015年的1.6倍) may be its own."""
        period = self._of(at, clause, sentence_start, comparison)
        if period is None or not period.label.isdigit():
            return period
        start = self._wrapped_start(sentence_start)
        if not _cumulative_words().search(self.text, clause[0], at) and not (
            _cumulative_words("sentence").search(self.text, start, at)
            and not self._found_in(start, at)
        ):
            return period
        span = self._span_before(at, start, int(period.label))
        if span is None and self._before_opening(at) and "/" in (self.opening_year or ""):
            # 福建16年累计援助7亿多元 in a title over 1996年到2011年，…: the span it sums
            span = self.opening_year
        return Period(span, inferred=True) if span else period

    def _span_before(self, at: int, sentence_start: int, year: int) -> str | None:
        """累计, 年均 under 十三五, 过去五年 or 从2015年…到2020年: the span of years ending in
        ``year`` that the sentence, its section or a heading above it names, if any."""
        years = [f for f in self._found_in(sentence_start, at) if f.kind == "year"]
        starting = [
            i
            for i, f in enumerate(years)
            if _STARTING.search(self.text[max(0, f.start - 1) : f.start])
        ]
        if starting:  # 从2015年的…增长到2020年的…，年均增长: the years after the first
            first = years[starting[-1]].value[0] + 1
            last = years[-1].value[0] if starting[-1] < len(years) - 1 else year
            return f"{first}/{last}" if first < last else None
        section = max(self._section_start(sentence_start), sentence_start - _SPAN_REACH)
        ranges = [(sentence_start, at), (section, sentence_start)]
        index = bisect_right(self.heading_starts, at) - 1
        ranges.extend(self.headings[i] for i in range(index, -1, -1))
        for start, end in ranges:
            for item in reversed(self._found_in(start, end)):
                if item.kind == "span" and item.value[1] - item.value[0] >= 1:
                    # 四年来 in a report of the term's last year: its length, up to ``year``
                    return f"{year - (item.value[1] - item.value[0])}/{year}"
                if item.kind == "years":
                    label: str | None = f"{item.value[0]}/{item.value[1]}"
                else:
                    label = self._year_words(item)
                if label and "/" in label:
                    first, last = (int(y) for y in label.split("/"))
                    return label if last == year and first < year else None
        return None

    def _of(
        self,
        at: int,
        clause: tuple[int, int],
        sentence_start: int,
        comparison: bool,
    ) -> Period | None:
        narrowing: list[_Found] = []
        sentence_start = self._wrapped_start(sentence_start)
        bases: list[_Found] = []
        for start, end, clause_scope in (
            (clause[0], clause[1], True),
            (sentence_start, at, False),
        ):
            found = [f for f in self._found_in(start, end) if self._usable(f, comparison)]
            stated = [f for f in found if f.kind in ("years", "year", "date", "year_months")]
            bases.extend(f for f in stated if f.kind == "year" and self._compared(f))
            stated = [f for f in stated if f not in bases]
            # 两年平均增长 in an earlier clause (第一产业…，两年平均增长4.5%；第二产业…，
            # 同比增长6.5%) is that clause's growth rate's, not this one's
            narrowing.extend(
                f
                for f in found
                if f.kind in _NARROWING and not (f.kind == "trailing" and f.start < clause[0])
            )
            if stated:
                label = self._narrowed(self._stated(stated, clause_scope), narrowing)
                return Period(self._since(self._bases(bases, clause, at, sentence_start), label))
            relative = [f for f in found if f.kind == "relative"] if clause_scope else []
            if relative and (year := self._year_words(relative[-1])) is not None:
                # …贫困发生率降到2019年底的0.46%，剩余3.3万人今年将全部脱贫: the clause's own
                # 今年 over a year of an earlier clause
                return Period(self._narrowed(year, narrowing), inferred=True)
        for start, end in ((clause[0], clause[1]), (sentence_start, at)):
            for item in reversed(self._found_in(start, end)):
                year = self._year_words(item)
                if year is not None:
                    return Period(self._narrowed(year, narrowing), inferred=True)
        year = self._this_year(narrowing[-1]) if narrowing else None
        if year is None:
            year = self._opening(self._section_start(sentence_start), sentence_start)
        if year is None:
            year = self._heading(at)
        if year is None and not self._before_opening(at):
            year = self.opening_year
        if year is None and self.year is not None:
            year = str(self.year)
        if year is None:
            return None  # a text that writes no year and gives no date
        bases = self._bases(bases, clause, at, sentence_start)
        return Period(self._since(bases, self._narrowed(year, narrowing)), inferred=True)

    def _bases(
        self, bases: list[_Found], clause: tuple[int, int], at: int, sentence_start: int
    ) -> list[_Found]:
        """The years ``at``'s change is compared with: one of its clause, or of its sentence
        where its clause states a change (比2012年增长47.7%；固定资产投资353.7亿元: the level is
        no change), or one an earlier sentence says holds below (比2012年(下同)增长…)."""
        changes = any(w in self.text[clause[0] : at] for w, _ in _words().get("change", []))
        kept = [b for b in bases if b.start >= clause[0] or changes]
        if kept or not changes:
            return kept
        below = tuple(w for w, _ in _words().get("same_below", []))
        earlier = self._found_in(self._section_start(sentence_start), sentence_start)
        return [
            f
            for f in earlier
            if f.kind == "year" and self._compared(f) and self.text.startswith(below, f.end)
        ][-1:]

    def _before_opening(self, at: int) -> bool:
        """Whether ``at`` comes before the document's first dated clause (a title or a lead
        before 2018年，…): the document's own date is its year, not the year that clause opens."""
        return self.year is not None and at < self._opening_at

    def _compared(self, found: _Found) -> bool:
        """比2012年增长: the year compared with."""
        before = self.text[max(0, found.start - 1 - _COMPARED_REACH) : found.start]
        return bool(_COMPARED.search(before[-1:]) or _COMPARED_AFAR.search(before))

    @staticmethod
    def _since(bases: list[_Found], label: str) -> str:
        """A change over several years (比2012年增长47.7% in 2016) holds for the span from the
        year compared with; a change over one year (比2019年增加 in 2020) for its own year."""
        if not bases or not label.isdigit():
            return label
        base = bases[-1].value[0]
        return f"{base}/{label}" if int(label) - base >= 2 else label

    def _wrapped_start(self, start: int) -> int:
        """Where the sentence opening at ``start`` really opens in hard-wrapped text: a line
        break after no sentence-ending mark, following a long line, is no break."""
        while start > 0 and self.text[start - 1] == "\n":
            previous = self.text.rfind("\n", 0, start - 1) + 1
            line = self.text[previous : start - 1]
            if (
                len(line) < _WRAPPED_LINE
                or line.rstrip()[-1:] in _SENTENCE_ENDS
                or self._in_heading(previous)
                or any(s <= previous < e for s, e in self.captions)
            ):
                break
            ends = [line.rfind(mark) for mark in _SENTENCE_ENDS]
            if max(ends) >= 0:
                return previous + max(ends) + 1
            start = previous
        return start

    def _usable(self, found: _Found, comparison: bool) -> bool:
        """A year followed by 的 (是2015年的1.6倍) is the compared value's, not this one's, and
        one after 从 (从2015年的18.24%下降到0.36%) is where a change starts."""
        if found.kind not in ("year", "years"):
            return True
        starting = _STARTING.search(self.text[max(0, found.start - 1) : found.start])
        if found.kind == "year" and starting:
            # 从2015年的2276元增加到2020年的12787元: the value is 2020's (从2020年到2022年 is a
            # span of years, and the value's)
            return False
        if any(self.text.endswith(w, 0, found.start) for w, _ in _words().get("record", [])):
            return False  # 增速创2016年以来新高: the year a record is measured from
        if found.kind == "year" and _is_foundation(self.text, found.start, found.end):
            return False  # 在2018年脱贫摘帽的基础上，…: what the period builds on
        return comparison or not self.text.startswith("的", found.end)

    def _stated(self, found: list[_Found], clause_scope: bool) -> str:
        last = found[-1]
        if last.kind == "years":
            return f"{last.value[0]}/{last.value[1]}"
        years = [f for f in found if f.kind == "year"]
        if last.kind == "year" and len(years) >= 2 and clause_scope and _span_words(self, years):
            return f"{years[0].value[0]}/{years[-1].value[0]}"
        if last.kind == "year":
            return str(last.value[0])
        if last.kind == "year_months":
            year, first, final = last.value
            return _label(
                date(year, first, 1), date(year, final, calendar.monthrange(year, final)[1])
            )
        year, month, *day = last.value
        return f"{year:04d}-{month:02d}-{day[0]:02d}" if day else f"{year:04d}-{month:02d}"

    def _year_words(self, found: _Found) -> str | None:
        """The year or years a word such as 今年, 十三五 or 过去五年 stands for."""
        if found.kind not in ("plan", "relative", "span"):
            return None
        first, last = found.value
        if found.kind != "plan":
            if self.year is None:
                return None
            first, last = self.year + first, self.year + last
        return str(first) if first == last else f"{first}/{last}"

    def _section_start(self, at: int) -> int:
        """Where the text under the heading before ``at`` begins (0 without one)."""
        index = bisect_right(self.heading_starts, at) - 1
        return self.headings[index][1] if index >= 0 else 0

    def _opening(self, start: int, end: int, first: bool = False) -> str | None:
        """The year the last clause (``first``: the first) of ``text[start:end]`` opening with
        one opens with (2019年，…)."""
        key = (start, end, first)
        if key not in self._openings:
            self._openings[key] = self._find_opening(start, end, first)
        return self._openings[key]

    def _opening_start(self) -> int:
        """Where the document's first dated clause (:attr:`opening_year`) opens (0 without one)."""
        found = self._openings_in(0, len(self.text))
        return next((f.start for f in found if self._opening_label(f)), 0)

    def _find_opening(self, start: int, end: int, first: bool) -> str | None:
        found = self._openings_in(start, end)
        for item in found if first else reversed(found):
            label = self._opening_label(item)
            if not first and item.kind == "month_day" and item.start in self._opening_days:
                label = self._this_year(item)
            if label:
                return label
        return None

    @cached_property
    def _opening_days(self) -> frozenset[int]:
        """Starts of the days without a year that open a sentence (截至5月20日，…)."""
        return frozenset(
            f.start
            for f in self._found_in(0, len(self.text))
            if f.kind == "month_day" and self._opens_sentence(_clause_opener(self.text, f.start))
        )

    def _this_year(self, item: _Found) -> str | None:
        """The document's year for a day written without one (截至5月20日) that is not after
        the document's own day: the day of this year the figures are counted up to."""
        if item.kind != "month_day" or self.issued_day is None:
            return None
        month = item.value[0]
        year = self.issued_day.year
        try:
            last = calendar.monthrange(year, month)[1]
            day = date(year, month, item.value[1] if len(item.value) == 2 else last)
        except (ValueError, calendar.IllegalMonthError):
            return None
        return str(year) if day <= self.issued_day else None

    def _openings_in(self, start: int, end: int) -> list[_Found]:
        """The dates of ``text[start:end]`` that open a clause (2019年，…) outside headings."""
        return [
            f
            for f in self._found_in(start, end)
            if f.kind in ("year", "years", "relative", "plan", "month_day")
            and self._opens_clause(f.start)
            and not self._in_heading(f.start)
            and not any(s <= f.start < e for s, e in self.captions)
            and not (f.kind == "year" and _is_birth(self.text, f.start, f.end))
            and not (f.kind == "year" and _is_foundation(self.text, f.start, f.end))
            and not (f.kind in ("relative", "plan") and not self._opens_sentence(f.start))
        ]

    def _opening_label(self, item: _Found) -> str | None:
        if item.kind == "year":
            return str(item.value[0])
        if item.kind == "years":
            return f"{item.value[0]}/{item.value[1]}"
        return self._year_words(item)

    def _in_heading(self, at: int) -> bool:
        index = bisect_right(self.heading_starts, at) - 1
        return index >= 0 and at < self.headings[index][1]

    def _opens_sentence(self, at: int) -> bool:
        """今年 carries to later sentences only where it opens its own (今年，…); in a clause
        after others (…，今年荣获第六名) it is that clause's alone."""
        before = self.text[max(0, at - 4) : at].rstrip('“「『" \u3000')
        return before == "" or before[-1:] in "。！!？?\n"

    def _opens_clause(self, at: int) -> bool:
        before = self.text[max(0, at - 4) : at].rstrip('“「『"')
        before = re.sub(r"(?:截至|截止|在|于|到)$", "", before)
        return before == "" or before[-1:] in _CLAUSE_OPENS

    def _heading(self, at: int) -> str | None:
        """The year of the section heading ``at`` lies under."""
        index = bisect_right(self.heading_starts, at) - 1
        while index >= 0:
            start, end = self.headings[index]
            found = self._found_in(start, end)
            if any(f.kind == "date" for f in found):
                index -= 1  # a dateline, not a heading
                continue
            for item in found:
                if item.kind == "year":
                    return str(item.value[0])
                if item.kind == "years":
                    return f"{item.value[0]}/{item.value[1]}"
            for item in reversed(found):
                words = self._year_words(item)
                if words:
                    return words
            index -= 1
        return None

    def heading_span(self, at: int) -> tuple[int, int] | None:
        """The span of the heading line nearest above ``at``, a dateline skipped (a report's
        2019年高质量发展迈出坚实步伐 over its review of that year)."""
        index = bisect_right(self.heading_starts, at) - 1
        while index >= 0:
            start, end = self.headings[index]
            if not any(f.kind == "date" for f in self._found_in(start, end)):
                return start, end
            index -= 1
        return None

    def _narrowed(self, year: str, narrowing: list[_Found]) -> str:
        """``year`` narrowed by 上半年, 1—10月 or 截至10月26日 where the clause says so."""
        if not year.isdigit() or not narrowing:
            return year
        last, number = narrowing[-1], int(year)
        if last.kind == "trailing":  # 两年平均增长: the years up to this one
            return f"{number - last.value[0] + 1}/{number}"
        try:
            if last.kind in ("within", "months"):
                first, final = last.value
                end = date(number, final, calendar.monthrange(number, final)[1])
                return _label(date(number, first, 1), end)
            if last.kind == "month_day" and len(last.value) == 2:
                return date(number, last.value[0], last.value[1]).isoformat()
            if last.kind == "month_day":  # 10月底: its last day
                month = last.value[0]
                return date(number, month, calendar.monthrange(number, month)[1]).isoformat()
        except ValueError:
            return year
        return year


@cache
def _foundation_pattern() -> re.Pattern[str]:
    """The rest of a clause opened by 在 and a year, up to the words of ``foundation``."""
    words = "|".join(re.escape(w) for w, _ in _words().get("foundation", [])) or "(?!)"
    return re.compile(rf"[^，,。；;！!？?\n]{{0,{_FOUNDATION_REACH}}}?(?:{words})")


_FOUNDATION_REACH = 30
"""How long the clause between a year and 基础上 may be."""


def _is_foundation(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` opens a clause 在…的基础上: the past that the
    sentence's figures build on, not their period."""
    return text[max(0, start - 1) : start] == "在" and bool(_foundation_pattern().match(text, end))


@cache
def _since_words() -> tuple[str, ...]:
    return tuple(word for word, _ in _words().get("since", []))


@cache
def _cumulative_words(scope: str | None = None) -> re.Pattern[str]:
    """The words of ``cumulative`` (of ``scope``, ``sentence`` or ``clause``, where given)."""
    words = [w for w, value in _words().get("cumulative", []) if scope in (None, value)]
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


def _span_words(periods: Periods, years: list[_Found]) -> bool:
    """Whether two years of a clause bound a span (2016年至2020年, 2016年到2020年)."""
    between = periods.text[years[-2].end : years[-1].start]
    return bool(re.fullmatch(r"\s*[—\-–~～至到]\s*", between))


_HEADING_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、])"
)


_HEADING_LENGTH = 40
_NOT_IN_HEADINGS = "。；;，,！!？?"
_CAPTION = re.compile(r"[图表]\s*\d*\s")
"""图 2016-2020年重庆市三次产业结构: a figure's caption, not a section's heading."""


def _headings(text: str) -> list[tuple[int, int]]:
    """Short lines without sentence punctuation (headings and titles), as spans."""
    out = []
    at = 0
    for line in text.split("\n"):
        stripped = line.strip()
        punctuated = any(c in stripped for c in _NOT_IN_HEADINGS)
        short = len(stripped) <= _HEADING_LENGTH and not punctuated
        numbered = bool(_HEADING_NUMBER.match(line)) and len(stripped) <= 40
        caption = _CAPTION.match(stripped) is not None
        if stripped and not caption and (short or (numbered and "。" not in stripped)):
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


_YEAR_WRITTEN = re.compile(r"((?:19|20)\d{2})\s*年")


def _iso_day(iso: str | None) -> date | None:
    """The day an ISO date names (2020-05-25), None for a year or a month alone."""
    try:
        return date.fromisoformat(iso[:10]) if iso and len(iso) >= 10 else None
    except ValueError:
        return None


_DISPATCH_REACH = 200
"""How far into the text a dispatch's day (…6月16日电) is looked for: its first lines."""


@cache
def _dispatch_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w, _ in _words().get("dispatch", [])) or "(?!)"
    return re.compile(rf"(?<![\d年]){_M}\s*月\s*{_D}\s*日\s*(?:{words})")


def _dispatch_day(text: str, year: int) -> date | None:
    """The day of a news dispatch without a year (人民网乌鲁木齐6月16日电) in ``year``."""
    found = _dispatch_pattern().search(text, 0, _DISPATCH_REACH)
    if found is None:
        return None
    try:
        return date(year, int(found.group(1)), int(found.group(2)))
    except ValueError:
        return None


def _clause_opener(text: str, at: int) -> int:
    """Where the clause of a date at ``at`` opens: before 截至, 截止 or 到 just before it."""
    for word in ("截至", "截止", "到"):
        if text.endswith(word, 0, at):
            return at - len(word)
    return at


def latest_year(text: str) -> int | None:
    """The latest year the text writes: its likely year where it gives no date.  Not a year of
    birth (生于1958年, 1958年3月出生): a profile's people are older than its events; nor the
    end of a plan (确保到2020年, 2025年前): a text of 2017 sets goals for 2020."""
    years = [
        int(m.group(1))
        for m in _YEAR_WRITTEN.finditer(text)
        if not _is_birth(text, m.start(), m.end()) and not _is_plan_end(text, m.start(), m.end())
    ]
    return max(years) if years else None


# 2020年前, not 2020年前三季度 (its first quarters) nor 2020年前后 (about then)
_PLAN_END_AFTER = re.compile(r"\s*(?:底|末)?\s*前(?![一二三四五六七八九十两0-9后])")


def _is_plan_end(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` ends a plan: 到2020年 with no 从 before it in the
    clause (从2015年到2019年 is a span told), or 2020年前."""
    if _PLAN_END_AFTER.match(text, end):
        return True
    before = text[max(0, start - 16) : start]
    if not before.rstrip().endswith("到"):
        return False
    clause = re.split(r"[，,。；;！？\n]", before)[-1]
    return not any(c in clause for c in "从自由")


def _undated_year(text: str) -> int | None:
    """The year of a text that gives no date: the latest year it writes (the one after it where
    the text says that year is over, 截至2019年底), or else the year of the latest national
    meeting it cites (:func:`_meeting_year`)."""
    latest = latest_year(text)
    observance = _observance_year(text)
    if latest is None:
        return observance or _meeting_year(text)
    latest = latest + 1 if _closed(text, latest) else latest
    return max(latest, observance or latest)


def _observance_year(text: str) -> int | None:
    """The year of the latest yearly observance the text counts (第6个国家扶贫日: 2019): a text
    that holds one is of its year."""
    years = []
    for word, first in _words().get("observance", []):
        for match in re.finditer(r"第\s*([0-9]+|[一二三四五六七八九十]+)\s*个?" + word, text):
            # 6, 六, 十六, 二十一; not 一二 (digits one by one: no ordinal) nor 十十
            number = parse_number(match.group(1), digit_strings=False)
            if number:
                years.append(int(first) + int(number) - 1)
    return max(years) if years else None


def _closed(text: str, year: int) -> bool:
    """Whether the text counts up to the end of ``year`` (截至2019年底) or tells a change from
    an earlier year's level to that year's (从2014年的12.8%降为2019年的0.27%): it was written
    after that year was over, so its own year (截至6月底, 今年) is a later one."""
    return any(
        re.search(re.escape(before) + rf"\s*{year}\s*" + re.escape(after), text)
        for before, after in _words().get("closed", [])
    ) or any(int(m.group(1)) < year for m in _changed_to(year).finditer(text))


@lru_cache(maxsize=64)
def _changed_to(year: int) -> re.Pattern[str]:
    """从2014年的…到2019年的: a level of an earlier year, then ``year``'s, in one clause."""
    return re.compile(
        rf"从\s*((?:19|20)\d{{2}})\s*年(?:底|末)?的[^，,。；;！？!?\n]{{1,30}}?"
        rf"(?:到|为|至|為)\s*{year}\s*年(?:底|末)?的"
    )


_PLENUMS = re.compile(r"(十[一二三四五六七八九]?|二十)届((?:[一二三四五六七]中[、，,和及]?)+)全会")
_CONGRESS = re.compile(
    r"(十[一二三四五六七八九]?|二十)届全国人(?:大|民代表大会)([一二三四五六七])次会议"
)
_ORDINALS = {n: i for i, n in enumerate("一二三四五六七", start=1)}
_PARTY_CONGRESS = re.compile(r"(十[一二三四五六七八九]?|二十)(?:大|次全国代表大会)")


def _meeting_year(text: str) -> int | None:
    """The year of the latest national meeting the text cites (十九届四中全会: 2019;
    十三届全国人大二次会议: 2019; 党的十九大: 2017): a text that writes no year of its own was
    written in it or after it, and a work report or a press conference is of that year."""
    values = _values()
    years: list[int] = []
    for match in _PLENUMS.finditer(text):
        term = match.group(1) + "届"
        years.extend(
            int(values["plenum"][term + n + "中"])
            for n in re.findall(r"([一二三四五六七])中", match.group(2))
            if term + n + "中" in values.get("plenum", {})
        )
    for match in _CONGRESS.finditer(text):
        first = values.get("congress", {}).get(match.group(1) + "届")
        if first is not None:
            years.append(int(first) + _ORDINALS[match.group(2)] - 1)
    party = values.get("party_congress", {})
    years.extend(
        int(party[m.group(1)]) for m in _PARTY_CONGRESS.finditer(text) if m.group(1) in party
    )
    return max(years) if years else None


def _is_birth(text: str, start: int, end: int) -> bool:
    """Whether the year written at ``text[start:end]`` (1958年) is someone's year of birth."""
    before = [w for w, place in _words().get("birth", []) if place == "before"]
    after = [w for w, place in _words().get("birth", []) if place == "after"]
    if any(text.endswith(w, 0, start) for w in before):
        return True
    rest = _MONTH_AFTER_YEAR.sub("", text[end : end + 8], count=1)
    return any(rest.startswith(w) for w in after)


_MONTH_AFTER_YEAR = re.compile(r"^\s*(?:1[0-2]|0?[1-9])\s*月(?:\s*(?:3[01]|[12]\d|0?[1-9])\s*日)?")


# --- the document's date --------------------------------------------------------------------

_FULL_DATE = (
    r"((?:19|20)\d{2})\s*[-/.年]\s*(1[0-2]|0?[1-9])\s*[-/.月]\s*(3[01]|[12]\d|0?[1-9])\s*[日号]?"
)
_PUBLISHED = re.compile(r"(?:发布|发表|更新|印发)?(?:时间|日期)\s*[:：]?\s*" + _FULL_DATE)
_DATE_LINE = re.compile(r"^[（(]\s*" + _FULL_DATE)
_MEETING = re.compile(_FULL_DATE + r"[^。\n]{0,40}?(?:召开|举行|开幕|闭幕|发布|公布)")
_HEADER_LINES = 6
_STAMPED = re.compile(_FULL_DATE + r"\s*(?:[01]?\d|2[0-3])\s*[:：时]\s*[0-5]\d")
_STAMP_LINES = 12


def issued(doc: Document, header_date: str | None = None) -> date | None:
    """The date the document was issued, as its text gives it: a publication time, the page's
    header date (``header_date``, as :mod:`kg.extract.metadata` reads it), a report's date line
    or the date of the meeting it reports."""
    text = doc.text
    found = _PUBLISHED.search(text)
    if found:
        day = _day(found.groups())
        if day:
            return day
    if header_date:
        try:
            header_day = date.fromisoformat(header_date[:10])
        except ValueError:
            header_day = None
        if header_day is not None:
            # a date stamped with its time (2020年10月21日 07时45分) before the page's first date
            # is the article's: the later one is a repost's or a crawl's
            return min([header_day, *_stamps(text)])
    for line in text.split("\n"):
        found = _DATE_LINE.match(line.strip())
        if found:
            day = _day(found.groups())
            if day:
                return day
    found = _MEETING.search(text)
    if found:
        return _day(found.groups())
    return None


def _stamps(text: str) -> list[date]:
    """The dates of the header lines stamped with a time of day."""
    found = (_STAMPED.search(line) for line in text.split("\n")[:_STAMP_LINES])
    return [day for match in found if match and (day := _day(match.groups()))]


def _day(groups: tuple[str | None, ...]) -> date | None:
    try:
        return date(int(groups[0] or 0), int(groups[1] or 0), int(groups[2] or 0))
    except ValueError:
        return None
