"""``kg query delivery``: did an area reach what it announced?

``delivery.rq`` gathers the targets of the area (and of places inside it) and the outcomes
there whose indicator has a standard concept; here each target is paired with the outcomes of
the same concept, area, unit and period and given a verdict:

- ``met`` / ``missed``: an outcome for the target's own period (of several, the one in the
  latest-dated document wins), judged by the target's qualifier:
  ``AtLeast`` and ``MoreThan`` (以上, 突破, 不低于) a floor, ``AtMost`` (控制在, 以内, 不超过) a
  ceiling, ``Approximately`` (左右) met within :data:`PERCENT_TOLERANCE` percentage points for
  rates (:data:`RELATIVE_TOLERANCE` of the target for other units) or beyond it the better way,
  and ``Exact`` (no qualifier) a floor where higher is better and a ceiling where lower is
  (``fp:desiredDirection`` of the concept; a floor where the scheme says neither); a target
  below zero is a fall (下降5%), whose 以上 bounds the size of the fall (met at -5 or lower) and
  whose 以内 its most; a concept that is itself a fall (单位GDP能耗下降) compares sizes, so a fall
  written as a negative number (下降4.7% as -4.7) or as the size reads the same;
- ``pending``: outcomes only for a period that ends before the target's does (a year within a
  plan period, or the year before): the latest of them is shown;
- ``unknown``: no outcome, no standard concept, or a target with no period.

A target dated to a single day (the day of the meeting that announced it, where the sentence
gave no year) is for that day's year: targets are set for years, and outcomes reported for them.

A target of a span of years that its text says held for each year (前两年…均是“增长6%”, 连续两年,
每年: ``kg/data/delivery_each_year.txt``) is one observation in the graph, its period the span
(the statement is one, and the Data Cube has one observation per area, indicator and period);
the question reads it for each year of the span, a row per year, each paired with that year's
outcome.  A plan's target for its span (十三五, 年均增长) stays one row for the span.
"""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

import pyoxigraph as ox

from kg.extract.indicators import Concept, concepts
from kg.resources import read_lines
from kg.store.backends import EmbeddedStore, Store, Term
from kg.store.details_index import DELIVERY_VARIABLES, Evidence, encode, encoded_text
from kg.store.query import (
    FP,
    Answer,
    _evidence,
    _labeller,
    _labels,
    _local,
    _select,
    prefers_traditional,
    resolve_area,
)
from kg.text.script import convert_script

PERCENT_TOLERANCE = Decimal("0.5")
"""左右 for a rate (PERCENT, PERMILLE, PERCENTAGE_POINT): met within ± this many points."""
RELATIVE_TOLERANCE = Decimal("0.05")
"""左右 for anything else: met within ± this share of the target."""
_RATES = {"PERCENT", "PERMILLE", "PERCENTAGE_POINT"}

KEYS = (
    "indicator",
    "indicator_concept",
    "area",
    "area_code",
    "unit",
    "period",
    "target",
    "target_qualifier",
    "outcome",
    "outcome_period",
    "verdict",
    "target_evidence",
    "outcome_evidence",
    "target_document",
    "outcome_document",
)
"""The JSON keys of a row, as CONTRACT.md states them."""
COLUMNS = (
    "match",
    "area_label",
    "concept_label",
    "period",
    "target_qualifier",
    "target",
    "outcome",
    "outcome_period",
    "unit",
    "verdict",
)
"""The table's columns: ``match`` marks places inside the area asked about (``within``)."""


# --- periods -----------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """Inclusive first and last day."""

    start: date
    end: date

    def __str__(self) -> str:
        whole_years = (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        )
        if whole_years and self.start.year == self.end.year:
            return str(self.start.year)
        if whole_years:
            return f"{self.start.year}/{self.end.year}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _years(first: int, last: int) -> Period:
    return Period(date(first, 1, 1), date(last, 12, 31))


def _add(start: date, amount: int, what: str) -> date:
    """The last day of ``amount`` years, months or days from ``start``."""
    if what == "D":
        return date.fromordinal(start.toordinal() + amount - 1)
    months = start.month - 1 + amount * (12 if what == "Y" else 1)
    year, month = start.year + months // 12, months % 12 + 1
    following = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    return date.fromordinal(following.toordinal() - 1)


_INTERVAL = re.compile(r"/gregorian-interval/(\d{4}-\d\d-\d\d)T[\d:]+/P(\d+)([YMD])$")
_YEAR = re.compile(r"/year/(\d{4})$")
_MONTH = re.compile(r"/month/(\d{4})-(\d\d)$")
_DAY = re.compile(r"/day/(\d{4}-\d\d-\d\d)$")
_PLAIN = re.compile(r"^(\d{4})(?:[/-](\d{4}))?$")


Encoded = tuple[str | None, ...]
"""A row of delivery.rq's variables (:data:`DELIVERY_VARIABLES`), each term as
:func:`kg.store.details_index.encode` keeps it: ``<`` and an IRI, ``"`` and a literal's
lexical form, ``_`` and a blank node's id, ``None`` for none."""


@functools.cache
def _date(encoded: str | None) -> date | None:
    try:
        return date.fromisoformat(encoded_text(encoded)[:10]) if encoded else None
    except ValueError:
        return None


def period_of(ref: Term | None, start: Term | None, end: Term | None) -> Period | None:
    """The period from fp:periodStart/End, else from the refPeriod IRI (reference.data.gov.uk
    year, month, day or gregorian-interval), else from a plain year literal (2019, 2016/2020)."""
    return _period(encode(ref), encode(start), encode(end))


@functools.cache  # the same few periods recur across observations
def _period(ref: str | None, start: str | None, end: str | None) -> Period | None:
    """:func:`period_of` of encoded terms."""
    first, last = _date(start), _date(end)
    if first is not None and last is not None:
        return Period(first, last)
    text = encoded_text(ref)
    if ref is not None and ref.startswith("<"):
        if m := _YEAR.search(text):
            return _years(int(m[1]), int(m[1]))
        if m := _INTERVAL.search(text):
            begin = date.fromisoformat(m[1])
            return Period(begin, _add(begin, int(m[2]), m[3]))
        if m := _MONTH.search(text):
            begin = date(int(m[1]), int(m[2]), 1)
            return Period(begin, _add(begin, 1, "M"))
        if m := _DAY.search(text):
            day = date.fromisoformat(m[1])
            return Period(day, day)
        return None
    if m := _PLAIN.match(text.strip()):
        return _years(int(m[1]), int(m[2] or m[1]))
    return None


# --- verdicts ----------------------------------------------------------------------------------

_FALL_BOUNDS = {"AtLeast": "AtMost", "MoreThan": "AtMost", "AtMost": "AtLeast"}
"""A qualifier of a target below zero bounds the size of the fall, the other way round."""
_FALL = "下降"
"""A concept whose zh-Hans label ends so is itself a fall (单位地区生产总值能耗下降)."""


def _on_scale(concept: Concept | None, value: Decimal) -> Decimal:
    """``value`` as the concept measures it: the size of the fall for a fall concept, whether
    the text's number was written as the size (下降4.7%) or, signed, as -4.7."""
    if concept is not None and _is_fall(concept):
        return abs(value)
    return value


@functools.cache
def _is_fall(concept: Concept) -> bool:
    return concept.label("zh-Hans").endswith(_FALL)


def verdict(
    target: Decimal, qualifier: str, outcome: Decimal, unit: str, direction: str | None
) -> str:
    """``met`` or ``missed``: see the module's docstring for how each qualifier reads."""
    if target < 0 and qualifier in _FALL_BOUNDS:
        qualifier = _FALL_BOUNDS[qualifier]  # 下降5%以上: a fall of at least 5, -5 or lower
    if qualifier in ("AtLeast", "MoreThan"):
        return "met" if outcome >= target else "missed"
    if qualifier == "AtMost":
        return "met" if outcome <= target else "missed"
    if qualifier == "Approximately":
        tolerance = PERCENT_TOLERANCE if unit in _RATES else abs(target) * RELATIVE_TOLERANCE
        if abs(outcome - target) <= tolerance:
            return "met"
        better = outcome < target if direction == "Lower" else outcome > target
        return "met" if better else "missed"
    if direction == "Lower":
        return "met" if outcome <= target else "missed"
    return "met" if outcome >= target else "missed"


# --- the question ------------------------------------------------------------------------------


class _Observation(NamedTuple):  # a tuple: made a thousand times a question, cheaply
    iri: str
    target: bool
    area: str
    area_code: str
    indicator: str
    concept: str
    value: Decimal
    unit: str
    qualifier: str
    period: Period | None
    document: str
    dated: date | None


def _number(encoded: str | None) -> Decimal | None:
    try:
        return Decimal(encoded_text(encoded)) if encoded is not None else None
    except InvalidOperation:
        return None


_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_KINDS = (ox.NamedNode(FP + "Target"), ox.NamedNode(FP + "Outcome"))
_CONTAINED_IN = ox.NamedNode("https://schema.org/containedInPlace")
_SKOS_NOTATION = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")
_PROV_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
_OA_SOURCE = ox.NamedNode("http://www.w3.org/ns/oa#hasSource")
_DCTERMS = "http://purl.org/dc/terms/"
_SDMX = "http://purl.org/linked-data/sdmx/2009/"
_OWN = {  # the observation's own single-valued facts, as delivery.rq names them
    "indicator": ox.NamedNode(FP + "indicator"),
    "value": ox.NamedNode(_SDMX + "measure#obsValue"),
    "unit": ox.NamedNode(_SDMX + "attribute#unitMeasure"),
    "qualifier": ox.NamedNode(FP + "valueQualifier"),
    "period": ox.NamedNode(_SDMX + "dimension#refPeriod"),
    "start": ox.NamedNode(FP + "periodStart"),
    "end": ox.NamedNode(FP + "periodEnd"),
}
_REF_AREA = ox.NamedNode(_SDMX + "dimension#refArea")
_CONCEPT = ox.NamedNode(FP + "concept")


def _objects(store: ox.Store, subject: Any, predicate: ox.NamedNode) -> list[Any]:
    """The distinct objects, in a stable order (every document repeats what it mentions)."""
    found = {q.object for q in store.quads_for_pattern(subject, predicate, None)}
    return sorted(found, key=str)


def _first(store: ox.Store, subject: Any, predicate: ox.NamedNode) -> Any:
    """One object, without walking every stored copy: for a code or a concept, which the
    copies agree on."""
    return next((q.object for q in store.quads_for_pattern(subject, predicate, None)), None)


def _embedded_rows(store: ox.Store, target: ox.NamedNode) -> list[dict[str, Any]]:
    """What delivery.rq answers, read straight from the embedded store's indexes: Oxigraph
    plans that query with hash joins over every observation in the store (0.6 s at 1,000
    documents), where looking each fact up from the area takes a few milliseconds."""
    areas: set[Any] = {target}
    todo: list[Any] = [target]
    while todo:
        for quad in store.quads_for_pattern(None, _CONTAINED_IN, todo.pop()):
            if isinstance(quad.subject, ox.NamedNode) and quad.subject not in areas:
                areas.add(quad.subject)
                todo.append(quad.subject)
    rows: list[dict[str, Any]] = []
    dates: dict[Any, tuple[list[Any], list[Any]]] = {}
    # indicators and units recur across observations: one lookup each
    first = functools.cache(lambda subject, predicate: _first(store, subject, predicate))
    for area in sorted(areas, key=str):
        area_code = first(area, _SKOS_NOTATION)
        observations = {q.subject for q in store.quads_for_pattern(None, _REF_AREA, area)}
        for observation in sorted(observations, key=str):
            facts: dict[Any, set[Any]] = defaultdict(set)  # one lookup: all it states
            for quad in store.quads_for_pattern(observation, None, None):
                facts[quad.predicate].add(quad.object)
            kinds = [k for k in _KINDS if k in facts[_RDF_TYPE]]
            own = {name: sorted(facts[p], key=str) for name, p in _OWN.items()}
            if not kinds or not own["indicator"] or not own["value"] or not own["unit"]:
                continue
            concept = first(own["indicator"][0], _CONCEPT)
            if concept is None:  # delivery.rq: targets, and outcomes with a concept
                kinds = [k for k in kinds if k == _KINDS[0]]
            documents: list[Any] = sorted(
                {
                    q.object
                    for m in sorted(facts[_PROV_DERIVED], key=str)
                    for q in store.quads_for_pattern(m, _OA_SOURCE, None)
                },
                key=str,
            ) or [None]
            for kind, document in itertools.product(kinds, documents):
                if document is not None and document not in dates:
                    dates[document] = (
                        _objects(store, document, ox.NamedNode(_DCTERMS + "issued")),
                        _objects(store, document, ox.NamedNode(_DCTERMS + "created")),
                    )
                issued, created = dates.get(document, ([], [])) if document else ([], [])
                rows.append(
                    {
                        "kind": kind,
                        "observation": observation,
                        "area": area,
                        "areaCode": area_code,
                        "concept": concept,
                        "unitCode": first(own["unit"][0], _SKOS_NOTATION),
                        **{name: values[0] if values else None for name, values in own.items()},
                        "document": document,
                        "issued": max(issued, key=str, default=None),
                        "created": max(created, key=str, default=None),
                    }
                )
    return rows


def _gathered(store: EmbeddedStore, area: str) -> list[Encoded]:
    """What delivery.rq answers, from the details index when it describes the store (a few
    indexed reads), else by lookups in the store (:func:`_embedded_rows`)."""
    index = store.details_index()
    if index is not None and (indexed := index.encoded_delivery_rows(area)) is not None:
        return indexed
    return _encoded(_embedded_rows(store.open_reader(), ox.NamedNode(area)))


def _encoded(rows: Iterable[Mapping[str, Any]]) -> list[Encoded]:
    return [tuple(encode(row.get(name)) for name in DELIVERY_VARIABLES) for row in rows]


(
    _KIND,
    _OBSERVATION,
    _AREA,
    _AREA_CODE,
    _INDICATOR,
    _CONCEPT_IRI,
    _VALUE,
    _UNIT,
    _UNIT_CODE,
    _QUALIFIER,
    _PERIOD,
    _START,
    _END,
    _DOCUMENT,
    _ISSUED,
    _CREATED,
) = range(len(DELIVERY_VARIABLES))
_TARGET = "<" + FP + "Target"


def _observations(store: Store, area: str) -> list[_Observation]:
    """The targets and outcomes of ``area`` and of the places inside it, one each (a target's
    period as :func:`_target_period` reads it)."""
    if isinstance(store, EmbeddedStore):
        gathered = _gathered(store, area)
    else:
        gathered = _encoded(_select(store, "delivery", {"target": ox.NamedNode(area)}).dicts())
    by_iri: dict[str, list[Encoded]] = defaultdict(list)
    for row in gathered:
        by_iri[encoded_text(row[_OBSERVATION])].append(row)
    qualifier_of = functools.cache(lambda iri: _local(iri) or "Exact")
    found = []
    for iri, group in sorted(by_iri.items()):
        # several rows for one observation (two sources, two dates): the same one every time
        row = group[0] if len(group) == 1 else min(group, key=lambda r: tuple(map(encoded_text, r)))
        value = _number(row[_VALUE])
        if value is None:
            continue
        dated = max(
            (d for r in group for d in (_date(r[_ISSUED]) or _date(r[_CREATED]),) if d),
            default=None,
        )
        target = row[_KIND] == _TARGET
        period = _period(row[_PERIOD], row[_START], row[_END])
        found.append(
            _Observation(
                iri=iri,
                target=target,
                area=encoded_text(row[_AREA]),
                area_code=encoded_text(row[_AREA_CODE]),
                indicator=encoded_text(row[_INDICATOR]),
                concept=encoded_text(row[_CONCEPT_IRI]),
                value=value,
                unit=encoded_text(row[_UNIT_CODE]) or encoded_text(row[_UNIT]),
                qualifier=qualifier_of(encoded_text(row[_QUALIFIER])),
                period=_target_period(period) if target else period,
                document=encoded_text(row[_DOCUMENT]),
                dated=dated,
            )
        )
    return found


class _Outcomes:
    """The outcomes of one concept, area and unit, by period: of several for a period, the
    one in the latest-dated document."""

    def __init__(self, outcomes: Iterable[_Observation]) -> None:
        self.latest: dict[Period, _Observation] = {}
        for o in outcomes:
            if o.period is not None:
                known = self.latest.get(o.period)
                if known is None or _recency(o) > _recency(known):
                    self.latest[o.period] = o

    def pair(self, target: _Observation) -> tuple[_Observation | None, str]:
        """The outcome that answers ``target`` and the verdict."""
        if not target.concept or target.period is None:
            return None, "unknown"
        latest = self.latest.get(target.period)
        if latest is not None:
            concept = concepts().get(target.concept)
            judged = verdict(
                _on_scale(concept, target.value),
                target.qualifier,
                _on_scale(concept, latest.value),
                target.unit,
                concept.direction if concept else None,
            )
            return latest, judged
        # the latest outcome of the latest period that ends before the target's
        earlier = [p for p in self.latest if p.end < target.period.end]
        if earlier:
            return self.latest[max(earlier)], "pending"
        return None, "unknown"


def _recency(o: _Observation) -> tuple[date, str, str]:
    return (o.dated or date.min, o.document, o.iri)


def _number_json(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@functools.cache
def _concept_label(iri: str, traditional: bool) -> str:
    concept = concepts().get(iri)
    if concept is None:
        return iri.rsplit("/", 1)[-1]
    return concept.label("zh-Hant" if traditional else "zh-Hans")


def _matches(words: str, phrase: str, concept: str) -> bool:
    """``--indicator WORDS``: in the phrase or any label of its concept, in either script."""
    wanted = convert_script(words.strip()).lower()
    known = concepts().get(concept)
    texts = [phrase] + ([text for text, _ in known.pref_labels] if known else [])
    return any(wanted in convert_script(text).lower() for text in texts)


def _first_quote(
    evidence: Mapping[str, set[Evidence]], iri: str | None
) -> tuple[str | None, str | None]:
    """The quote and document of an observation (its first mention)."""
    first = min(evidence.get(iri, ()), default=None) if iri else None
    return (first.quote, first.document) if first else (None, None)


def _target_period(period: Period | None) -> Period | None:
    """A target's period: a single day is read as its year (see the module's docstring)."""
    if period is not None and period.start == period.end:
        return _years(period.start.year, period.start.year)
    return period


@functools.cache
def _each_year_words() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in read_lines("delivery_each_year.txt")) or "(?!)"
    return re.compile(rf"(?<![年平])(?:{words})")


def _for_each_year(store: Store, found: list[_Observation]) -> list[_Observation]:
    """``found`` with each target of a span of years that its quote says held for each year
    read as a target of each of those years (see the module's docstring)."""
    spans = [
        o
        for o in found
        if o.target and o.period is not None and o.period.start.year < o.period.end.year
    ]
    if not spans:
        return found
    evidence = _evidence(store, {o.iri for o in spans})
    each = {
        o.iri
        for o in spans
        if any(_each_year_words().search(e.quote) for e in evidence.get(o.iri, ()))
    }
    out: list[_Observation] = []
    for o in found:
        if o.iri in each and o.period is not None:
            years = range(o.period.start.year, o.period.end.year + 1)
            out.extend(o._replace(period=_years(year, year)) for year in years)
        else:
            out.append(o)
    return out


def _paired(store: Store, area: str) -> list[tuple[_Observation, _Observation | None, str]]:
    """Each target of the area (an IRI) and of places inside it, its outcome and verdict."""
    found = _for_each_year(store, _observations(store, area))
    grouped: dict[tuple[str, str, str], list[_Observation]] = defaultdict(list)
    for o in found:
        if not o.target:
            grouped[(o.concept, o.area, o.unit)].append(o)
    outcomes = {key: _Outcomes(group) for key, group in grouped.items()}
    nothing = _Outcomes(())
    return [
        (t, *outcomes.get((t.concept, t.area, t.unit), nothing).pair(t)) for t in found if t.target
    ]


_VERDICT_WEIGHT = {"met": 0, "pending": 1, "missed": 2}


def verdicts(store: Store, areas: Iterable[str]) -> dict[str, str]:
    """The verdict of every target of ``areas`` (IRIs) the store can judge, by the target's
    IRI: ``met``, ``missed`` or ``pending`` (``unknown`` ones are left out), for the review
    page."""
    known: dict[str, str] = {}
    for area in sorted(set(areas)):
        for target, _, judged in _paired(store, area):
            if judged != "unknown" and target.area == area:
                # a target read for each year of its span: missed if any year is
                earlier = known.get(target.iri, judged)
                known[target.iri] = max(earlier, judged, key=_VERDICT_WEIGHT.__getitem__)
    return known


def delivery(store: Store, area: str, indicator: str | None = None) -> Answer:
    """Every target of ``area`` (and, marked ``within``, of places inside it) with its outcome
    and verdict."""
    traditional = prefers_traditional(area)
    records: list[dict[str, object]] = []
    shown = functools.cache(str)  # the same few periods on every row
    for asked in resolve_area(store, area):
        paired = _paired(store, asked.iri)
        targets = [t for t, _, _ in paired]
        iris = {t.area for t in targets} | {t.indicator for t in targets}
        label = _labeller({k: sorted(v) for k, v in _labels(store, iris).items()}, traditional)
        evidence = _evidence(store, {t.iri for t in targets} | {o.iri for _, o, _ in paired if o})

        for t, outcome, judged in paired:
            phrase = label(t.indicator)
            if indicator and not _matches(indicator, phrase, t.concept):
                continue
            target_quote, target_document = _first_quote(evidence, t.iri)
            outcome_iri = outcome.iri if outcome else None
            outcome_quote, outcome_document = _first_quote(evidence, outcome_iri)
            records.append(
                {
                    "indicator": phrase,
                    "indicator_concept": t.concept or None,
                    "area": t.area,
                    "area_code": t.area_code or None,
                    "unit": t.unit,
                    "period": shown(t.period) if t.period else None,
                    "target": _number_json(t.value),
                    "target_qualifier": t.qualifier,
                    "outcome": _number_json(outcome.value) if outcome else None,
                    "outcome_period": shown(outcome.period) if outcome and outcome.period else None,
                    "verdict": judged,
                    "target_evidence": target_quote,
                    "outcome_evidence": outcome_quote,
                    "target_document": target_document or t.document or None,
                    "outcome_document": (outcome_document or outcome.document or None)
                    if outcome
                    else None,
                    # shown in the table only (Answer.hidden)
                    "match": "direct" if t.area == asked.iri else "within",
                    "area_label": label(t.area),
                    "concept_label": _concept_label(t.concept, traditional) if t.concept else "",
                    "_order": (t.iri,),
                }
            )
    simplified = functools.cache(convert_script)  # a few areas and phrases, on every row
    records.sort(
        key=lambda r: (
            r["match"] != "direct",
            simplified(str(r["area_label"])),
            str(r["area"]),
            str(r["indicator_concept"] or "~"),
            str(r["period"] or ""),
            simplified(str(r["indicator"])),
            str(r["_order"]),
        )
    )
    for record in records:
        del record["_order"]
    return Answer(
        COLUMNS,
        records,
        headers={"concept_label": "indicator", "target_qualifier": "qualifier"},
        hidden=("match", "area_label", "concept_label"),
    )


__all__ = ["COLUMNS", "KEYS", "Period", "delivery", "period_of", "verdict", "verdicts"]
