"""Named questions over a store, and the output formats they print in.

Each question is a SPARQL file in ``kg/store/queries/``; values (an area, an organisation) reach it
as bound variables.  A question answers IRIs; :func:`_ask` then fetches the labels of the things
in the answer (``labels.rq``) and their evidence quotes (``evidence.rq``), one query each for
all of them, and the records are assembled here.  The embedded store answers those two from
its details index instead (:mod:`kg.store.details_index`), which holds what the two queries answer.

Area names are resolved against the store's own divisions: a 6-digit code (skos:notation), a
full name (rdfs:label) or a short name (skos:altLabel), in either script (the name and its
simplified form are both tried).  A name that matches nothing raises :class:`NotFoundError`
(exit 1) with the closest known names; an area with no programmes is an empty answer, not an
error.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from kg.errors import KgError, NotFoundError, UsageError
from kg.resources import load_query
from kg.store.backends import (
    EmbeddedStore,
    Rows,
    Store,
    Term,
    check_local_query,
    check_read_only,
    has_order_by,
    user_position,
    with_values,
)
from kg.store.details_index import (
    NAME_QUERIES,
    DetailsIndex,
    Evidence,
    Label,
    evidence_of,
    label_of,
)
from kg.store.details_index import term_text as _value
from kg.store.excerpts import clean_quote, evidence_rank, excerpt
from kg.store.table import render_table
from kg.text.script import convert_script

FORMATS = ("table", "json", "csv")
MATCH_ORDER = {"direct": 0, "within": 1, "contains": 2}
FP = "https://w3id.org/fupin-kg/ontology#"


def _select(store: Store, name: str, bindings: Mapping[str, Term] | None = None) -> Rows:
    answer = store.query(load_query(name), bindings)
    if not isinstance(answer, Rows):
        raise KgError(f"named query {name} is not a SELECT query")
    return answer


# --- labels and evidence -----------------------------------------------------------------------


def prefers_traditional(name: str) -> bool:
    return convert_script(name) != name


def _label_rank(language: str, traditional: bool) -> int:
    tag = language.lower()
    first, second = ("zh-hant", "zh-hans") if traditional else ("zh-hans", "zh-hant")
    if tag == first or tag.startswith(first + "-"):
        return 0
    if tag == second or tag.startswith(second + "-"):
        return 1
    if tag in ("", "zh", "zh-cn", "zh-tw", "zh-hk"):
        return 2
    if "latn" in tag:
        return 4
    return 3


def pick_label(labels: Sequence[tuple[str, str]], traditional: bool = False) -> str:
    """The label to show: the script asked in first, then the other, pinyin last."""
    if not labels:
        return ""
    return min(labels, key=lambda lv: (_label_rank(lv[1], traditional), lv[0]))[0]


def _labeller(
    labels: Mapping[str, Sequence[tuple[str, str]]], traditional: bool
) -> Callable[[str], str]:
    """``pick_label`` for the labels of an IRI, once per IRI (answers repeat their areas)."""
    return cache(lambda iri: pick_label(labels.get(iri, ()), traditional))


@dataclass
class Collected:
    answers: list[dict[str, Term | None]]
    labels: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)


_CHUNK = 400


def _index(store: Store) -> DetailsIndex | None:
    return store.details_index() if isinstance(store, EmbeddedStore) else None


def _labels(store: Store, iris: set[str]) -> dict[str, set[Label]]:
    """The labels of ``iris``: from the embedded store's index when it describes the store,
    else by ``labels.rq``."""
    index = _index(store)
    if index is not None and (indexed := index.labels(iris)) is not None:
        return indexed
    labels: dict[str, set[Label]] = defaultdict(set)
    for node, label in _rows_about(store, "labels", "node", iris):
        if node is not None and (found := label_of(label)) is not None:
            labels[_value(node)].add(found)
    return labels


def _evidence(store: Store, iris: set[str]) -> dict[str, set[Evidence]]:
    """The evidence of ``iris``: from the index, else by ``evidence.rq``."""
    index = _index(store)
    if index is not None and (indexed := index.evidence(iris)) is not None:
        return indexed
    evidence: dict[str, set[Evidence]] = defaultdict(set)
    for of, document, quote, start in _rows_about(store, "evidence", "evidenceOf", iris):
        if of is not None and (found := evidence_of(document, quote, start)) is not None:
            evidence[_value(of)].add(found)
    return evidence


def _rows_about(
    store: Store, name: str, variable: str, iris: set[str]
) -> Iterator[tuple[Term | None, ...]]:
    """The rows of the named query with ``?variable`` bound to each of ``iris`` (VALUES, a
    few hundred at a time)."""
    ordered = sorted(iris)
    for i in range(0, len(ordered), _CHUNK):
        answer = store.query(with_values(load_query(name), variable, ordered[i : i + _CHUNK]))
        assert isinstance(answer, Rows)
        yield from answer.rows


def _ask(
    store: Store,
    name: str,
    bindings: Mapping[str, Term] | None,
    labelled: Sequence[str],
    evidenced: str,
) -> Collected:
    """Run a named question; then fetch labels of the ``labelled`` columns and evidence for
    the ``evidenced`` column, each at once for all the IRIs in the answer."""
    rows = _select(store, name, bindings)
    unique: dict[tuple[str, ...], tuple[Term | None, ...]] = {}
    for row in rows.rows:
        unique.setdefault(tuple(map(_value, row)), row)
    answers = [dict(zip(rows.variables, unique[k], strict=True)) for k in sorted(unique)]

    def named(columns: Sequence[str]) -> set[str]:
        return {
            v.value for row in answers for c in columns if isinstance(v := row.get(c), ox.NamedNode)
        }

    labels = _labels(store, named(labelled))
    evidence = _evidence(store, named([evidenced]))
    return Collected(
        answers,
        {k: sorted(v) for k, v in labels.items()},
        {k: sorted(v) for k, v in evidence.items()},
    )


# --- resolving names ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    """A thing a name resolved to, and how (code, label, short)."""

    iri: str
    how: str


def _candidates(name: str) -> tuple[str, str]:
    text = unicodedata.normalize("NFKC", name).strip()
    if not text:
        raise UsageError("empty name")
    return text, convert_script(text)


NAME_SLOTS = 12
"""Bound literals in resolve-*.rq: ?c0 … ?c11."""


def name_literals(name: str) -> dict[str, Term]:
    """The literals ``name`` may be stored as: as given, simplified and traditional, each plain
    and tagged zh-Hans, zh-Hant and zh; bound to ?c0 … (the last repeated to fill the slots)."""
    given, simplified = _candidates(name)
    texts = dict.fromkeys([given, simplified, convert_script(simplified, "s2t")])
    literals: list[Term] = []
    for text in texts:
        literals.append(ox.Literal(text))
        literals.extend(ox.Literal(text, language=tag) for tag in ("zh-hans", "zh-hant", "zh"))
    literals.extend(literals[-1:] * (NAME_SLOTS - len(literals)))
    return {f"c{index}": literal for index, literal in enumerate(literals[:NAME_SLOTS])}


def _resolve(store: Store, query: str, variable: str, name: str, kind: str) -> list[Named]:
    rows = _select(store, query, name_literals(name))
    found = {
        Named(r.value, _value(row["how"]))
        for row in rows.dicts()
        if isinstance(r := row[variable], ox.NamedNode)
    }
    if found:  # keep those of the right type
        typed = with_values(load_query("is-typed"), "node", sorted({n.iri for n in found}))
        answer = store.query(typed, {"class": ox.NamedNode(kind)})
        assert isinstance(answer, Rows)
        kept = {_value(node) for _cls, node in answer.rows}
        found = {n for n in found if n.iri in kept}
    rank = {"code": 0, "label": 1, "short": 2}
    if not found:
        return []
    best = min(rank.get(n.how, 3) for n in found)
    return sorted({n for n in found if rank.get(n.how, 3) == best}, key=lambda n: n.iri)


def _known_names(store: Store, kind: str) -> list[tuple[str, str, str, str]]:
    """Every name of every ``kind`` (area, organisation) as ``(iri, how, value, language)``:
    from the embedded store's details index when it describes the store (distinct names, read
    from an index), else by ``area-names.rq`` / ``organisation-names.rq`` (every document's
    copy of every name: a minute on a thousand documents)."""
    index = _index(store)
    if index is not None and (indexed := index.names(kind)) is not None:
        return indexed
    rows = _select(store, NAME_QUERIES[kind]).dicts()
    return [
        (_value(row[kind]), _value(row["how"]), value.value, value.language or "")
        for row in rows
        if isinstance(value := row["value"], ox.Literal)
    ]


def _closest(store: Store, kind: str, name: str, limit: int = 3) -> list[str]:
    """Known full names closest to ``name``, with their codes, best first."""
    given, simplified = _candidates(name)
    letters = set(given) | set(simplified)
    names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    codes: dict[str, str] = {}
    scores: dict[str, float] = defaultdict(float)
    for iri, how, value, language in _known_names(store, kind):
        if how == "code":
            codes[iri] = value
        elif how == "label":
            names[iri].append((value, language))
        if "latn" in language.lower():
            continue  # pinyin: letters match letters by accident
        text = convert_script(value)
        if letters.isdisjoint(text) and letters.isdisjoint(value):
            continue  # nothing in common: a ratio of 0
        score = max(
            difflib.SequenceMatcher(None, simplified, text).ratio(),
            difflib.SequenceMatcher(None, given, value).ratio(),
        )
        scores[iri] = max(scores[iri], score)
    ranked = sorted(
        (iri for iri in scores if scores[iri] >= 0.34),
        key=lambda iri: (-scores[iri], pick_label(names.get(iri, [])), iri),
    )
    out = []
    for iri in ranked[:limit]:
        label = pick_label(names.get(iri, []), prefers_traditional(given)) or iri
        out.append(f"{label} ({codes[iri]})" if iri in codes else label)
    return out


def resolve_area(store: Store, name: str) -> list[Named]:
    """The divisions ``name`` names (several when a name is shared); NotFoundError if none."""
    found = _resolve(store, "resolve-area", "area", name, FP + "AdministrativeDivision")
    if not found:
        closest = _closest(store, "area", name)
        hint = f"; closest: {', '.join(closest)}" if closest else "; no known area is close to it"
        raise NotFoundError(f"no area named {name.strip()!r}{hint}")
    return found


def resolve_organisation(store: Store, name: str) -> list[Named]:
    found = _resolve(
        store, "resolve-organisation", "organisation", name, "http://www.w3.org/ns/org#Organization"
    )
    if not found:
        closest = _closest(store, "organisation", name)
        hint = f"; closest: {', '.join(closest)}" if closest else "; the store knows none"
        raise NotFoundError(f"no organisation named {name.strip()!r}{hint}")
    return found


# --- the questions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """Records to print: JSON as they are, CSV one line per evidence item, and the table one
    row per distinct shown record (see :func:`table_rows`).

    ``focus``: the record keys whose values are the words that matched (marked in the
    evidence); ``empty``: what to say on stderr when there are no records.
    """

    columns: tuple[str, ...]
    records: list[dict[str, object]]
    notes: list[str] = field(default_factory=list)
    headers: Mapping[str, str] = field(default_factory=dict)
    focus: tuple[str, ...] = ()
    empty: list[str] = field(default_factory=list)
    hidden: tuple[str, ...] = ()
    """Keys of the records shown in the table only, not in JSON or CSV."""


HEADERS = {
    "area_label": "area",
    "indicator_label": "indicator",
    "role_label": "role",
    "organisation_label": "organisation",
    "programme_label": "programme",
    "unit_notation": "unit",
    "documents": "docs",
}
"""Table headers for record keys (a key not here is its own header)."""

WRAPPED = ("programme", "area", "organisation", "evidence", "document")
"""Table columns whose long cells wrap onto more lines (others are cut with …)."""

EVIDENCE_COLUMNS = ("documents", "mentions", "evidence", "document")
"""Columns a table computes from a record's evidence: how many documents and mentions, the
best quote (cleaned, trimmed, the match marked) and its document (file name and title)."""


def _evidence_items(evidence: Sequence[Evidence]) -> list[dict[str, object]]:
    """Evidence for JSON and CSV: the document and the exact quote (as always), its offsets
    into the article as read (``None`` when the store has none) and the cleaned quote;
    :func:`_describe_documents` adds the document's title and file name."""
    items: list[dict[str, object]] = []
    for e in evidence:
        item: dict[str, object] = dict(e.as_dict())
        item["start"] = e.start if e.start >= 0 else None
        item["end"] = e.start + len(e.quote) if e.start >= 0 else None
        item["quote_clean"] = clean_quote(e.quote)
        items.append(item)
    return items


def _describe_documents(store: Store, records: list[dict[str, object]], traditional: bool) -> None:
    """Give each evidence item its document's title and file name, and each record the
    number of its documents and mentions."""
    cited = {
        str(item["document"])
        for record in records
        for item in _items_of(record)
        if str(item.get("document", "")).startswith(("http://", "https://", "urn:"))
    }
    titles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    files: dict[str, str] = {}
    if cited:
        for node, title, file in _rows_about(store, "documents", "document", cited):
            if node is None:
                continue
            if (found := label_of(title)) is not None:
                titles[_value(node)].append(found)
            if isinstance(file, ox.Literal):
                files[_value(node)] = min(file.value, files.get(_value(node), file.value))
    for record in records:
        items = _items_of(record)
        for item in items:
            cites = str(item.get("document", ""))
            item["title"] = pick_label(sorted(titles.get(cites, [])), traditional) or None
            item["file"] = files.get(cites)
        record["documents"] = len({str(item.get("document")) for item in items})
        record["mentions"] = len(items)


def _items_of(record: Mapping[str, object]) -> list[dict[str, object]]:
    items = record.get("evidence")
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _document_count(store: Store) -> int:
    rows = _select(store, "document-count").rows
    value = rows[0][0] if rows else None
    return int(value.value) if isinstance(value, ox.Literal) else 0


def _area_facts(store: Store, iris: set[str]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The codes and the parents of ``iris``."""
    codes: dict[str, str] = {}
    parents: dict[str, set[str]] = defaultdict(set)
    for area, notation, parent in _rows_about(store, "area-facts", "area", iris):
        if area is None:
            continue
        if isinstance(notation, ox.Literal):
            codes[_value(area)] = notation.value
        if isinstance(parent, ox.NamedNode):
            parents[_value(area)].add(parent.value)
    return codes, parents


def _area_name(store: Store, iri: str, traditional: bool) -> str:
    """An area as said in messages: its label and, when it has one, its code."""
    label = pick_label(sorted(_labels(store, {iri}).get(iri, set())), traditional) or iri
    code = _area_facts(store, {iri})[0].get(iri)
    return f"{label} ({code})" if code else label


def _nothing_for(store: Store, what: str, area: Named, traditional: bool) -> str:
    """``no {what} NAME (CODE) in N documents``."""
    documents = _document_count(store)
    plural = "document" if documents == 1 else "documents"
    return f"no {what} {_area_name(store, area.iri, traditional)} in {documents} {plural}"


def _programmes_around(store: Store, area: Named, traditional: bool) -> str:
    """For an area without programmes: the nearest area containing it that has some (they
    target places beside it), as ``NAME, which contains it, has N``; "" when none has."""
    seen = {area.iri}
    level = {area.iri}
    while level:
        parents = set().union(*_area_facts(store, level)[1].values()) - seen
        for parent in sorted(parents):
            got = _select(store, "programmes", {"target": ox.NamedNode(parent)})
            found = {
                _value(row["programme"])
                for row in got.dicts()
                if _value(row["match"]) in ("direct", "within")
            }
            if found:
                name = _area_name(store, parent, traditional)
                return f"{name}, which contains it, has {len(found)}"
        seen |= parents
        level = parents
    return ""


def programmes(store: Store, area: str) -> Answer:
    """Which programmes target ``area``, a place inside it (within) or an area containing it."""
    traditional = prefers_traditional(area)
    areas = resolve_area(store, area)
    records: list[dict[str, object]] = []
    for target in areas:
        got = _ask(
            store,
            "programmes",
            {"target": ox.NamedNode(target.iri)},
            ("programme", "area"),
            "programme",
        )
        label = _labeller(got.labels, traditional)
        for row in got.answers:
            programme, area_iri = _value(row["programme"]), _value(row["area"])
            records.append(
                {
                    "programme": programme,
                    "label": label(programme),
                    "match": _value(row["match"]),
                    "area": area_iri,
                    "area_label": label(area_iri),
                    "query_area": target.iri,
                    "evidence": _evidence_items(got.evidence.get(programme, [])),
                }
            )
    records.sort(
        key=lambda r: (
            MATCH_ORDER.get(str(r["match"]), 3),
            convert_script(str(r["label"])),
            str(r["programme"]),
            str(r["area"]),
            str(r["query_area"]),
        )
    )
    notes = []
    if len(areas) > 1:
        notes.append(f"{area.strip()} names {len(areas)} areas: {', '.join(a.iri for a in areas)}")
    _describe_documents(store, records, traditional)
    empty = []
    if not records:
        for target in areas:
            said = _nothing_for(store, "programme targets", target, traditional)
            around = _programmes_around(store, target, traditional)
            empty.append(f"{said}; {around}" if around else said)
    return Answer(
        ("match", "label", "area_label", *EVIDENCE_COLUMNS),
        records,
        notes,
        headers={"label": "programme"},
        focus=("label",),
        empty=empty,
    )


def _local(iri: str) -> str:
    return iri[len(FP) :] if iri.startswith(FP) else iri


def _observation_records(got: Collected, traditional: bool) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for row in got.answers:
        observation = _value(row["observation"])
        area_iri, indicator, programme = (
            _value(row.get("area")),
            _value(row.get("indicator")),
            _value(row.get("programme")),
        )
        records.append(
            {
                "observation": observation,
                "area": area_iri,
                "area_label": pick_label(got.labels.get(area_iri, []), traditional),
                "indicator": indicator,
                "indicator_label": pick_label(got.labels.get(indicator, []), traditional),
                "value": _value(row.get("value")),
                "unit": _value(row.get("unit")),
                "unit_notation": _value(row.get("unitCode")),
                "qualifier": _local(_value(row.get("qualifier"))),
                # a literal period of an older graph, else the interval's label
                "period": _value(row.get("period")) or _value(row.get("periodLabel")),
                "programme": programme,
                "programme_label": pick_label(got.labels.get(programme, []), traditional),
                "evidence": _evidence_items(got.evidence.get(observation, [])),
            }
        )
    records.sort(
        key=lambda r: (
            convert_script(str(r["area_label"])),
            convert_script(str(r["indicator_label"])),
            str(r["period"]),
            str(r["observation"]),
        )
    )
    return records


OBSERVATION_LABELLED = ("area", "indicator", "programme")
OBSERVATION_COLUMNS = (
    "area_label",
    "indicator_label",
    "qualifier",
    "value",
    "unit_notation",
    "period",
    "programme_label",
    "evidence",
    "document",
)


def observations(store: Store, area: str, kind: str) -> Answer:
    """Outcomes (``kind="Outcome"``) or targets (``"Target"``) of an area or places in it."""
    if kind not in ("Outcome", "Target"):
        raise UsageError(f"unknown kind {kind!r}")
    traditional = prefers_traditional(area)
    records: list[dict[str, object]] = []
    empty: list[str] = []
    for target in resolve_area(store, area):
        bindings: dict[str, Term] = {
            "target": ox.NamedNode(target.iri),
            "kind": ox.NamedNode(FP + kind),
        }
        got = _ask(store, "observations", bindings, OBSERVATION_LABELLED, "observation")
        found = _observation_records(got, traditional)
        if not found:
            what = "outcome is reported for" if kind == "Outcome" else "target is set for"
            empty.append(_nothing_for(store, what, target, traditional) + " (or places in it)")
        records.extend(found)
    _describe_documents(store, records, traditional)
    return Answer(OBSERVATION_COLUMNS, records, focus=("indicator_label",), empty=empty)


def programme_targets(store: Store) -> Answer:
    """Every programme with its targets."""
    got = _ask(store, "programme-targets", None, OBSERVATION_LABELLED, "observation")
    records = _observation_records(got, False)
    records.sort(key=lambda r: (convert_script(str(r["programme_label"])), str(r["programme"])))
    _describe_documents(store, records, False)
    columns = ("programme_label",) + tuple(c for c in OBSERVATION_COLUMNS if c != "programme_label")
    empty = [] if records else [f"no programme has a target in {_document_count(store)} documents"]
    return Answer(columns, records, focus=("indicator_label",), empty=empty)


def _official_records(got: Collected, traditional: bool) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for row in got.answers:
        person, role, unit = _value(row["person"]), _value(row.get("role")), _value(row["unit"])
        record: dict[str, object] = {
            "person": person,
            "name": pick_label(got.labels.get(person, []), traditional),
            "post": _value(row["post"]),
            "role": role,
            "role_label": pick_label(got.labels.get(role, []), traditional),
            "organisation": unit,
            "organisation_label": pick_label(got.labels.get(unit, []), traditional),
        }
        if "area" in row:
            area = _value(row["area"])
            record["area"] = area
            record["area_label"] = pick_label(got.labels.get(area, []), traditional)
        record["evidence"] = _evidence_items(got.evidence.get(person, []))
        records.append(record)
    return records


def _official_order(record: Mapping[str, object]) -> tuple[str, ...]:
    return (
        convert_script(str(record["organisation_label"])),
        convert_script(str(record["name"])),
        str(record["person"]),
        str(record["post"]),
        str(record.get("area", "")),
    )


OFFICIAL_COLUMNS = ("name", "role_label", "organisation_label", *EVIDENCE_COLUMNS)


def officials(store: Store, organisation: str) -> Answer:
    """Officials holding posts in an organisation or its sub-organisations."""
    traditional = prefers_traditional(organisation)
    records: list[dict[str, object]] = []
    for org in resolve_organisation(store, organisation):
        bindings = {"organisation": ox.NamedNode(org.iri)}
        got = _ask(store, "officials", bindings, ("person", "role", "unit"), "person")
        records.extend(_official_records(got, traditional))
    records.sort(key=_official_order)
    _describe_documents(store, records, traditional)
    empty = [] if records else [f"no official holds a post in {organisation.strip()}"]
    return Answer(OFFICIAL_COLUMNS, records, focus=("name",), empty=empty)


def area_officials(store: Store, area: str) -> Answer:
    """Officials holding posts in the bodies of an area or of places inside it."""
    traditional = prefers_traditional(area)
    records: list[dict[str, object]] = []
    empty: list[str] = []
    for target in resolve_area(store, area):
        bindings = {"target": ox.NamedNode(target.iri)}
        got = _ask(store, "area-officials", bindings, ("person", "role", "unit", "area"), "person")
        found = _official_records(got, traditional)
        if not found:
            said = _nothing_for(store, "official holds a post in a body of", target, traditional)
            empty.append(said)
        records.extend(found)
    records.sort(key=_official_order)
    _describe_documents(store, records, traditional)
    columns = ("name", "role_label", "organisation_label", "area_label", *EVIDENCE_COLUMNS)
    return Answer(columns, records, focus=("name",), empty=empty)


# --- any query ---------------------------------------------------------------------------------


def _nt(term: Term | ox.Triple | None) -> str:
    return "" if term is None else str(term)


PREFIXES = {
    "fp": FP,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "qudt": "http://qudt.org/schema/qudt/",
    "unit": "http://qudt.org/vocab/unit/",
}
"""The contract's prefixes, declared for every ``kg sparql`` query (a query may redeclare)."""


def sparql(store: Store, text: str, local: bool) -> Answer | bool:
    """Run a SPARQL query.  ``local``: the embedded store, which must fetch nothing.

    The contract's prefixes are predeclared.  SELECT rows keep the query's ORDER BY, else are
    sorted; graphs come as sorted triples.
    """
    if local:
        check_local_query(text)
    check_read_only(text)
    declared = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    try:
        answer = store.query(declared + text)
    except UsageError as error:  # a syntax error: its position in the user's own lines
        message = user_position(error.message, len(PREFIXES))
        raise UsageError(message, error.hint) from None
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, Rows):
        records: list[dict[str, object]] = [
            {k: (None if v is None else _value(v)) for k, v in row.items()}
            for row in answer.dicts()
        ]
        if not has_order_by(text):
            records.sort(key=lambda r: tuple(("" if v is None else str(v)) for v in r.values()))
        return Answer(answer.variables, records)
    triples = sorted({(_nt(t.subject), _nt(t.predicate), _nt(t.object)) for t in answer})
    columns = ("subject", "predicate", "object")
    return Answer(columns, [dict(zip(columns, t, strict=True)) for t in triples])


# --- output ------------------------------------------------------------------------------------


def _flat(answer: Answer, columns: Sequence[str]) -> list[list[str]]:
    """One line per evidence item (records without evidence: one line), for CSV."""
    lines = []
    for record in answer.records:
        base = {k: _cell(v) for k, v in record.items() if k != "evidence"}
        items = _items_of(record)
        if items:
            for item in items:
                merged = {**base, **{k: _cell(v) for k, v in item.items()}}
                lines.append([merged.get(c, "") for c in columns])
        else:
            lines.append([base.get(c, "") for c in columns])
    return lines


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _document_name(item: Mapping[str, object]) -> str:
    """A document as people know it: its file name and title; its IRI when it has neither."""
    named = " ".join(str(item[k]) for k in ("file", "title") if item.get(k))
    return named or str(item.get("document", ""))


def table_rows(answer: Answer, columns: Sequence[str]) -> list[list[str]]:
    """One row per distinct record as shown: records that show alike (a programme reached
    through two of the areas a name names) are one row, their evidence together.  The
    columns of :data:`EVIDENCE_COLUMNS` come from the evidence: the counts, and the best
    quote (one that holds the matched words, with words around them) cleaned and trimmed."""
    merged: dict[tuple[str, ...], tuple[list[str], dict[tuple[str, str, str], dict[str, object]]]]
    merged = {}
    for record in answer.records:
        key = tuple(_cell(record.get(c)) for c in columns if c not in EVIDENCE_COLUMNS)
        words, items = merged.setdefault(key, ([], {}))
        words.extend(_cell(record.get(k)) for k in answer.focus if record.get(k))
        for item in _items_of(record):
            where = tuple(_cell(item.get(k)) for k in ("document", "start", "quote"))
            items.setdefault((where[0], where[1], where[2]), item)
    rows = []
    for key, (words, items) in merged.items():
        plain = iter(key)
        evidence = list(items.values())
        best = min(
            evidence,
            key=lambda i: (evidence_rank(_cell(i.get("quote")), words), _document_name(i)),
            default=None,
        )
        computed = {
            "documents": str(len({_cell(i.get("document")) for i in evidence})) if evidence else "",
            "mentions": str(len(evidence)) if evidence else "",
            "evidence": excerpt(_cell(best.get("quote")), words) if best else "",
            "document": _document_name(best) if best else "",
        }
        rows.append([computed[c] if c in EVIDENCE_COLUMNS else next(plain) for c in columns])
    return rows


def render(
    answer: Answer | bool,
    fmt: str,
    columns: Sequence[str] | None = None,
    width: int | None = None,
) -> str:
    """``answer`` as text: a table for people (fitted to ``width`` display columns, the
    terminal's when ``None``), JSON or CSV for programs."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    if isinstance(answer, bool):
        if fmt == "json":
            return json.dumps(answer) + "\n"
        return ("boolean\n" if fmt == "csv" else "") + ("true\n" if answer else "false\n")
    if answer.hidden and fmt != "table":
        kept = [{k: v for k, v in r.items() if k not in answer.hidden} for r in answer.records]
        answer = Answer(answer.columns, kept, answer.notes)
    if fmt == "json":
        return json.dumps(answer.records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        keys: list[str] = []
        for record in answer.records:
            for key in record:
                if key == "evidence":
                    item_keys = [k for i in _items_of(record) for k in i] or ["document", "quote"]
                    keys.extend(k for k in dict.fromkeys(item_keys) if k not in keys)
                elif key not in keys:
                    keys.append(key)
        keys = keys or list(answer.columns)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(keys)
        writer.writerows(_flat(answer, keys))
        return buffer.getvalue()
    shown = list(columns or answer.columns)
    headers = [answer.headers.get(c) or HEADERS.get(c, c) for c in shown]
    rows = table_rows(answer, shown)
    return render_table(headers, rows, width, wrap_columns=WRAPPED, weights={"evidence": 3.0})
