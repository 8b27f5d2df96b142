"""Score extraction against the hand annotations in ``tests/articles/*.json``.

    python -m tests.scoring            # table: article x class -> P, R, F1, tp/fp/fn
    python -m tests.scoring -v         # and every miss and false positive
    python -m tests.scoring tests/articles/garbled-zhaojue.json

Classes and what counts as the same fact (strings compared in simplified characters):

- ``people``: by name;
- ``posts``: by (person, bare role title), the annotation's ``aliases`` accepted for the title;
- ``divisions``: by code, or for uncoded ones (townships, villages) by (name or short name, level);
- ``programmes``: by name without quotes or book-title marks; then loosely, one containing the
  other (the shorter at least half as long as the longer, and at least 3 characters);
- ``measurements``: by (value, unit);
- ``measurements_strict``: by (kind, value, unit, qualifier, area); the area is the
  measurement's own, else the document's jurisdiction; a fall in a rate annotated as written
  with its verb in the indicator (固定资产投资下降, 11.6) matches the value written or the change
  (-11.6, a bound turned round: 下降3%以上 is at most -3);
- ``periods``: of the strict-matched measurements whose annotation gives a ``period``, those
  whose period is right (tp) or wrong or missing (fn; no false positives).  Periods are compared
  as intervals of dates: a predicted period is right when it lies within the annotated one and
  begins in its first year and ends in its last (the annotation ``2019`` takes the year 2019, the
  months January to October 2019 and the day 2019-10-26, not 2018/2019; ``2016—2020`` takes only
  2016/2020 and spans beginning in 2016 and ending in 2020; ``2020-05`` only May 2020 or a day
  in it).

Annotated items marked ``optional`` (and names under ``programmes_optional``) are neither
required nor false positives: a careful analyst could go either way.  Matching is one-to-one,
so a value stated twice must be found twice.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Generic, TypeVar

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "articles"
CLASSES = (
    "people",
    "posts",
    "divisions",
    "programmes",
    "measurements",
    "measurements_strict",
    "periods",
)

G = TypeVar("G")
P = TypeVar("P")


# --- normalisation -----------------------------------------------------------------------------

_QUOTES = re.compile(r"[“”‘’\"'《》〈〉「」『』\s]")
_PUNCT = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "－": "-", "–": "—"})


def simplified(text: str) -> str:
    from kg.text.script import convert_script

    return convert_script(text)


def norm(text: str) -> str:
    """Simplified, without quotes, book-title marks or spaces, ASCII parentheses and commas."""
    return _QUOTES.sub("", simplified(text)).translate(_PUNCT)


# --- gold standard -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldDivision:
    name: str
    code: str | None
    level: str
    parent: str | None
    short: tuple[str, ...] = ()
    optional: bool = False

    def names(self) -> set[str]:
        return {norm(self.name), *(norm(s) for s in self.short)}

    def label(self) -> str:
        return f"{self.name} {self.code or '-'} {self.level}"


@dataclass(frozen=True)
class GoldPost:
    person: str
    role: str
    organisation: str
    aliases: tuple[str, ...] = ()
    optional: bool = False

    def label(self) -> str:
        return f"{self.person}: {self.organisation} {self.role}"


@dataclass(frozen=True)
class GoldMeasurement:
    kind: str
    value: Decimal
    unit: str
    qualifier: str
    area: str
    indicator: str
    area_also: tuple[str, ...] = ()
    optional: bool = False
    period: str | None = None
    falls: bool = False
    """A fall in a rate annotated as written (下降11.6%: 11.6): the change, -11.6, is as right
    (its bound turned round: 下降3%以上 is at most -3), and so is 11.6 where the indicator is
    the fall itself (单位GDP能耗下降)."""

    def readings(self) -> set[tuple[Decimal, str, str]]:
        """The (value, unit, qualifier) triples that state the annotation: a fall also as a
        negative change, a weight in 斤 also in kilograms (and the other way round)."""
        out = {(self.value, self.unit, self.qualifier)}
        if self.falls:
            out.add((-self.value, self.unit, _TURNED.get(self.qualifier, self.qualifier)))
        if self.unit in _SAME_WEIGHT:
            unit, factor = _SAME_WEIGHT[self.unit]
            out |= {(value * factor, unit, qualifier) for value, _, qualifier in out}
        return out

    def label(self) -> str:
        return (
            f"{self.kind} {self.value} {self.unit} {self.qualifier} @{self.area} ({self.indicator})"
            + (f" [{self.period}]" if self.period else "")
        )


_RATES = {"PERCENT", "PERCENTAGE_POINT", "PERMILLE"}
_FALL = re.compile(r"(?:下降|减少|回落|降低|下滑|下跌|缩减|缩小)(?![至到为前])")
_TURNED = {"AtLeast": "AtMost", "MoreThan": "AtMost", "AtMost": "AtLeast"}
_SAME_WEIGHT = {"JIN": ("KG", Decimal("0.5")), "KG": ("JIN", Decimal(2))}
"""Units of weight one gold may write for another's: 1100亿斤 as 1100亿 JIN or 550亿 KG."""


def _falls(m: dict[str, Any]) -> bool:
    """Whether the annotation is of a fall in a rate written as the number with its verb in the
    indicator (固定资产投资下降, 11.6)."""
    return m["unit"] in _RATES and Decimal(m["value"]) > 0 and bool(_FALL.search(m["indicator"]))


@dataclass(frozen=True)
class Named:
    """A gold person or programme: scored by name."""

    name: str
    optional: bool = False

    def label(self) -> str:
        return self.name


@dataclass
class Gold:
    path: Path
    article: Path
    jurisdiction: str | None
    people: list[Named]
    posts: list[GoldPost]
    divisions: list[GoldDivision]
    programmes: list[Named]
    measurements: list[GoldMeasurement]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    def division_named(self, name_or_code: str) -> GoldDivision | None:
        for d in self.divisions:
            if name_or_code == d.code or norm(name_or_code) in d.names():
                return d
        return None


def load_gold(path: Path) -> Gold:
    raw = json.loads(path.read_text(encoding="utf-8"))
    people = [Named(norm(p["name"])) for p in raw["people"]]
    posts = [
        GoldPost(
            person=norm(p["name"]),
            role=norm(post["role"]),
            organisation=norm(post["organisation"]),
            aliases=tuple(norm(a) for a in post.get("aliases", ())),
            optional=bool(post.get("optional", False)),
        )
        for p in raw["people"]
        for post in p.get("posts", ())
    ]
    divisions = [
        GoldDivision(
            name=d["name"],
            code=d["code"],
            level=d["level"],
            parent=d.get("parent"),
            short=tuple(d.get("short", ())),
            optional=bool(d.get("optional", False)),
        )
        for d in raw["divisions"]
    ]
    programmes = [Named(norm(p["name"])) for p in raw["programmes"]] + [
        Named(norm(name), optional=True) for name in raw.get("programmes_optional", ())
    ]
    measurements = [
        GoldMeasurement(
            kind=m["kind"],
            value=Decimal(m["value"]),
            unit=m["unit"],
            qualifier=m["qualifier"],
            falls=_falls(m),
            area=m["area"],
            indicator=m["indicator"],
            area_also=tuple(m.get("area_also", ())),
            optional=bool(m.get("optional", False)),
            period=m.get("period"),
        )
        for m in raw["measurements"]
    ]
    return Gold(
        path=path,
        article=ROOT / raw["article"],
        jurisdiction=raw.get("jurisdiction"),
        people=people,
        posts=posts,
        divisions=divisions,
        programmes=programmes,
        measurements=measurements,
        raw=raw,
    )


def gold_paths() -> list[Path]:
    return sorted(ARTICLES.glob("*.json"))


# --- predictions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PredDivision:
    name: str
    code: str | None
    level: str
    short: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return {norm(self.name), *(norm(s) for s in self.short)}

    def label(self) -> str:
        return f"{self.name} {self.code or '-'} {self.level}"


@dataclass(frozen=True)
class PredPost:
    person: str
    role: str
    organisation: str

    def label(self) -> str:
        return f"{self.person}: {self.organisation} {self.role}"


@dataclass(frozen=True)
class PredMeasurement:
    kind: str
    value: Decimal
    unit: str
    qualifier: str
    area: PredDivision | None
    indicator: str
    quote: str = ""
    period: str | None = None
    """The period's label as ``kg.extract.periods`` writes it (2019, 2016/2020, 2020-05)."""

    def label(self) -> str:
        area = f"{self.area.name}" if self.area else "-"
        return (
            f"{self.kind} {self.value} {self.unit} {self.qualifier} @{area} "
            f"({self.indicator}) [{self.period or '-'}] «{self.quote[:30]}»"
        )


@dataclass
class Predicted:
    people: list[Named]
    posts: list[PredPost]
    divisions: list[PredDivision]
    programmes: list[Named]
    measurements: list[PredMeasurement]


def _division(division: Any) -> PredDivision:
    return PredDivision(
        name=division.name,
        code=division.code,
        level=getattr(division.level, "value", str(division.level)),
        short=tuple(division.short),
    )


def from_facts(facts: Any) -> Predicted:
    """The comparable view of a ``kg.extract.facts.Facts``."""
    jurisdiction = _division(facts.jurisdiction) if facts.jurisdiction else None
    divisions: dict[str, PredDivision] = {}
    for mention in facts.places:
        divisions.setdefault(mention.division.key, _division(mention.division))
    people = [Named(norm(p.name)) for p in facts.people]
    people = list({p.name: p for p in people}.values())
    posts = list(
        {
            (norm(p.name), norm(post.role_span.text)): PredPost(
                norm(p.name), norm(post.role_span.text), norm(post.organisation.name)
            )
            for p in facts.people
            for post in p.posts
        }.values()
    )
    programmes = list({norm(p.name): Named(norm(p.name)) for p in facts.programmes}.values())
    measurements = [
        PredMeasurement(
            kind=getattr(m.kind, "value", str(m.kind)),
            value=Decimal(m.quantity.value),
            unit=m.quantity.unit,
            qualifier=getattr(m.quantity.qualifier, "value", str(m.quantity.qualifier)),
            area=_division(m.area) if m.area else jurisdiction,
            indicator=m.indicator,
            quote=m.span.text,
            period=m.period,
        )
        for m in facts.measurements
    ]
    return Predicted(people, posts, list(divisions.values()), programmes, measurements)


def predict(gold: Gold) -> Predicted:
    from kg.extract import extract
    from kg.text.document import Document

    return from_facts(extract(Document.from_path(gold.article)))


# --- matching ----------------------------------------------------------------------------------


@dataclass
class Score(Generic[G, P]):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[G] = field(default_factory=list)
    false_positives: list[P] = field(default_factory=list)
    pairs: list[tuple[G, P]] = field(default_factory=list)
    """The matched (annotation, prediction) pairs."""

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision or 0.0, self.recall or 0.0
        if self.precision is None and self.recall is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def match(
    gold: Sequence[G],
    predicted: Sequence[P],
    passes: Iterable[Callable[[G, P], bool]],
) -> Score[G, P]:
    """One-to-one greedy matching, pass by pass (strictest first).  Gold items with a true
    ``optional`` attribute absorb predictions without counting either way."""
    gold_free = list(range(len(gold)))
    pred_free = list(range(len(predicted)))
    matched: list[tuple[int, int]] = []
    for same in passes:
        for pi in list(pred_free):
            # required gold first, so that an optional item never steals a true positive
            order = sorted(gold_free, key=lambda gi: bool(getattr(gold[gi], "optional", False)))
            for gi in order:
                if same(gold[gi], predicted[pi]):
                    matched.append((gi, pi))
                    gold_free.remove(gi)
                    pred_free.remove(pi)
                    break
    score: Score[G, P] = Score()
    score.tp = sum(1 for gi, _ in matched if not getattr(gold[gi], "optional", False))
    score.misses = [gold[gi] for gi in gold_free if not getattr(gold[gi], "optional", False)]
    score.fn = len(score.misses)
    score.false_positives = [predicted[pi] for pi in pred_free]
    score.fp = len(score.false_positives)
    score.pairs = [(gold[gi], predicted[pi]) for gi, pi in matched]
    return score


def loosely_same(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and 2 * len(short) >= len(long) and short in long


def division_same(g: GoldDivision, p: PredDivision) -> bool:
    if g.code or p.code:
        return g.code == p.code
    return g.level == p.level and bool(g.names() & p.names())


def area_same(gold: Gold, area: str, p: PredDivision | None) -> bool:
    if p is None:
        return False
    if re.fullmatch(r"\d{6}", area):
        return p.code == area
    known = gold.division_named(area)
    names = known.names() if known else {norm(area)}
    return p.code is None and bool(names & p.names())


_GOLD_PERIOD = re.compile(r"(\d{4})(?:-(\d{2}))?(?:\s*[—–/-]\s*(\d{4})(?:-(\d{2}))?)?")


def _gold_interval(period: str) -> tuple[date, date] | None:
    """``2019``, ``2016—2020`` (or ``2016/2020``), ``2020-05`` or ``2021-01—2021-06`` as its
    first and last day."""
    found = _GOLD_PERIOD.fullmatch(period.strip())
    if found is None:
        return None
    year, month, last, last_month = found.groups()
    first = date(int(year), int(month or 1), 1)
    end_year = int(last or year)
    end_month = int(last_month or (12 if last else month or 12))
    following = date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def period_right(gold_period: str, predicted: str | None) -> bool:
    """Whether the predicted period lies within the annotated one, beginning in its first year
    and ending in its last (see the module's docstring)."""
    from kg.extract.periods import bounds

    expected = _gold_interval(gold_period)
    found = bounds(predicted) if predicted else None
    if expected is None or found is None:
        return False
    (first, last), (start, end) = expected, found
    return first <= start and end <= last and start.year == first.year and end.year == last.year


def _periods(strict: Score[GoldMeasurement, PredMeasurement]) -> Score[Any, Any]:
    score: Score[Any, Any] = Score()
    for g, p in strict.pairs:
        if g.optional or not g.period:
            continue
        if period_right(g.period, p.period):
            score.tp += 1
        else:
            score.fn += 1
            score.misses.append(f"{g.label()} got [{p.period or '-'}] «{p.quote[:40]}»")
    return score


def score_article(gold: Gold, pred: Predicted) -> dict[str, Score[Any, Any]]:
    def strict(g: GoldMeasurement, p: PredMeasurement) -> bool:
        return (
            g.kind == p.kind
            and (p.value, p.unit, p.qualifier) in g.readings()
            and any(area_same(gold, a, p.area) for a in (g.area, *g.area_also))
        )

    def strict_in_period(g: GoldMeasurement, p: PredMeasurement) -> bool:
        return strict(g, p) and bool(g.period) and period_right(g.period or "", p.period)

    # a value stated twice for two periods: each statement with its own period, where one fits
    in_period = match(gold.measurements, pred.measurements, [strict_in_period, strict])
    return {
        "people": match(gold.people, pred.people, [lambda g, p: g.name == p.name]),
        "posts": match(
            gold.posts,
            pred.posts,
            [lambda g, p: g.person == p.person and p.role in (g.role, *g.aliases)],
        ),
        "divisions": match(gold.divisions, pred.divisions, [division_same]),
        "programmes": match(
            gold.programmes,
            pred.programmes,
            [lambda g, p: g.name == p.name, lambda g, p: loosely_same(g.name, p.name)],
        ),
        "measurements": match(
            gold.measurements,
            pred.measurements,
            [lambda g, p: (p.value, p.unit) in {(v, u) for v, u, _ in g.readings()}],
        ),
        "measurements_strict": match(gold.measurements, pred.measurements, [strict]),
        "periods": _periods(in_period),
    }


def score_all(paths: Sequence[Path] | None = None) -> dict[str, dict[str, Score[Any, Any]]]:
    out: dict[str, dict[str, Score[Any, Any]]] = {}
    for path in paths or gold_paths():
        gold = load_gold(path)
        if not gold.article.exists():
            # real articles are third-party text, kept out of the repository (tests/real/README.md)
            print(
                f"skipped {path.name}: {gold.article.relative_to(ROOT)} is not here",
                file=sys.stderr,
            )
            continue
        out[path.stem] = score_article(gold, predict(gold))
    return out


# --- report ------------------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:4.2f}"


def _label(item: Any) -> str:
    return str(item.label()) if hasattr(item, "label") else str(item)


def table(scores: dict[str, dict[str, Score[Any, Any]]], verbose: bool = False) -> str:
    width = max([len(a) for a in scores] + [7])
    lines = [f"{'article':<{width}}  {'class':<19}    P     R    F1    tp   fp   fn"]
    totals: dict[str, Score[Any, Any]] = {c: Score() for c in CLASSES}
    for article, by_class in scores.items():
        for cls, s in by_class.items():
            totals[cls].tp += s.tp
            totals[cls].fp += s.fp
            totals[cls].fn += s.fn
            lines.append(
                f"{article:<{width}}  {cls:<19} {_fmt(s.precision)}  {_fmt(s.recall)}  "
                f"{_fmt(s.f1)}  {s.tp:4d} {s.fp:4d} {s.fn:4d}"
            )
    for cls, s in totals.items():
        lines.append(
            f"{'TOTAL':<{width}}  {cls:<19} {_fmt(s.precision)}  {_fmt(s.recall)}  "
            f"{_fmt(s.f1)}  {s.tp:4d} {s.fp:4d} {s.fn:4d}"
        )
    if verbose:
        for article, by_class in scores.items():
            for cls, s in by_class.items():
                for item in s.misses:
                    lines.append(f"MISS {article} {cls}: {_label(item)}")
                for item in s.false_positives:
                    lines.append(f"FP   {article} {cls}: {_label(item)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("annotations", nargs="*", type=Path, help="annotation JSON files")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and FPs")
    args = parser.parse_args(argv)
    print(table(score_all(args.annotations or None), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
