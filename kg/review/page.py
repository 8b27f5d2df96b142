"""A review page for analysts: one self-contained HTML file per document.

The page shows the article (cleaned, simplified or exactly as read) with every extracted fact's
span highlighted and coloured by class, and side tables of targets and outcomes, people and
their posts, divisions and programmes.  Clicking a row scrolls to its span and flashes it.
SHACL results are attached to the facts they concern, by the same IRIs ``kg.rdf.graph`` mints.

Every highlight carries ``data-quote``: the slice of the original text that the graph's
``oa:exact`` holds, so a reader (or a browser test) can check the page against the graph.
The output is a pure function of the result: the same input gives the same bytes.  Nothing is
fetched: the CSS and JS in ``kg/data/review.*`` are inlined.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from rdflib import URIRef
from rdflib.namespace import RDF

from kg.extract.facts import Division, Facts, Level, Measurement, Post
from kg.rdf.graph import indicator_iri, measurements_in_order, numbered_observations
from kg.rdf.iri import Minter
from kg.rdf.namespace import FP, ID_BASE
from kg.resources import data_path
from kg.text.document import Document, Span

if TYPE_CHECKING:
    from kg.pipeline import Result
    from kg.validate.validation import Result as ValidationResult

CLASSES = ("person", "post", "division", "programme", "target", "outcome")
"""Highlight classes, in the order of the legend."""

VIEWS = (
    ("clean", "Cleaned", "pinyin readings stripped, mojibake repaired; original script"),
    ("simplified", "Simplified", "what the extractors read"),
    ("original", "Original", "the input exactly as read; offsets of the graph"),
)

_LEVELS = {level: index for index, level in enumerate(Level)}


@dataclass(frozen=True)
class FactView:
    """One highlighted fact of the page: a span of one class, with the IRIs it stands for."""

    id: str
    """The page-local id (``m3``), shared by the table row and the highlight's pieces."""
    cls: str
    """One of :data:`CLASSES`."""
    span: Span
    iris: frozenset[URIRef]
    """The fact's node(s) and its mention, as minted by ``kg.rdf.graph``."""
    number: Span | None = None
    """For targets and outcomes: the number itself inside the clause."""

    @property
    def offsets(self) -> tuple[int, int]:
        """Offsets into the normalised (cleaned or simplified) text."""
        return self.span.start, self.span.end

    @property
    def quote(self) -> str:
        """The original text of the span: the graph's ``oa:exact``."""
        start, end = self.span.original_offsets
        return self.span.doc.original[start:end]


@dataclass
class Review:
    """The facts of one result as the page shows them, with the validation results per fact."""

    result: Result
    base: str
    facts: list[FactView] = field(default_factory=list)
    issues: dict[str, list[ValidationResult]] = field(default_factory=dict)
    unattached: list[ValidationResult] = field(default_factory=list)
    ids: dict[int, str] = field(default_factory=dict)
    """``id()`` of an extracted fact object (place, person, post, programme, measurement) ->
    its page id."""
    observation_iris: dict[int, URIRef] = field(default_factory=dict)
    """``id()`` of a Measurement -> the IRI of its observation in the graph."""
    verdicts: Mapping[str, str] = field(default_factory=dict)
    """A target's observation IRI -> its verdict in a store (``kg query delivery``), where the
    store knows one."""

    @property
    def document_iri(self) -> URIRef:
        return Minter(self.base).document(self.result.doc.sha256)

    def by_id(self) -> dict[str, FactView]:
        return {f.id: f for f in self.facts}


# --- facts and their IRIs --------------------------------------------------------------------


def base_of(result: Result) -> str:
    """The base IRI the graph was minted under, read back from its document node."""
    tail = "doc/" + result.doc.sha256[:16]
    for subject in sorted(str(s) for s in result.graph.subjects(RDF.type, FP.Document)):
        if subject.endswith(tail):
            return subject[: -len(tail)]
    return ID_BASE


def _mention_iris(minter: Minter, doc: Document, span: Span) -> set[URIRef]:
    start, end = span.original_offsets
    return {minter.mention(doc.sha256, start, end, part) for part in ("", "position", "quote")}


def collect(result: Result, base: str | None = None) -> Review:
    """The page's facts, each with the IRIs ``kg.rdf.graph`` minted for it, and their issues."""
    base = base if base is not None else base_of(result)
    minter = Minter(base)
    doc, facts = result.doc, result.facts
    review = Review(result, base)
    context = facts.jurisdiction.key if facts.jurisdiction else "cn"

    counts: dict[str, int] = defaultdict(int)

    def add(source: object, prefix: str, cls: str, span: Span, iris: set[URIRef]) -> str:
        counts[prefix] += 1
        fact_id = f"{prefix}{counts[prefix]}"
        iris |= _mention_iris(minter, doc, span)
        number = source.quantity.span if isinstance(source, Measurement) else None
        review.facts.append(FactView(fact_id, cls, span, frozenset(iris), number))
        review.ids[id(source)] = fact_id
        return fact_id

    for place in sorted(facts.places, key=lambda p: (p.span.start, p.span.end, p.division.key)):
        add(place, "d", "division", place.span, {minter.area(place.division.key)})
    for person in facts.people:
        add(person, "p", "person", person.span, {minter.person(person.name, context)})
        for post in person.posts:
            iris = {
                minter.post(post.organisation.key, post.role_span.text),
                minter.role(post.role_span.text),
                minter.organisation(post.organisation.key),
            }
            add(post, "s", "post", post.span, iris)
    for programme in facts.programmes:
        area = programme.area.key if programme.area else context
        iri = minter.programme(programme.name, area)
        add(programme, "g", "programme", programme.span, {iri})
    for measurement, iri in numbered_observations(doc, facts.measurements, minter):
        review.observation_iris[id(measurement)] = iri
        cls = "target" if measurement.kind.value == "Target" else "outcome"
        indicator = indicator_iri(
            minter, measurement.indicator, measurement.quantity.unit, measurement.span.text
        )
        iris = {iri, indicator}
        add(measurement, "m", cls, measurement.span, iris)

    by_iri: dict[str, list[str]] = defaultdict(list)
    for fact in review.facts:
        for iri in sorted(fact.iris):
            by_iri[str(iri)].append(fact.id)
    for res in result.validation.results:
        ids = by_iri.get(str(res.focus), [])
        if not ids:
            review.unattached.append(res)
        for fact_id in ids:
            review.issues.setdefault(fact_id, []).append(res)
    return review


# --- the text with nested highlights ---------------------------------------------------------


@dataclass(frozen=True)
class _Layer:
    start: int
    end: int
    rank: tuple[int, str]
    open_tag: str
    close_tag: str = "</mark>"


def render_text(text: str, layers: Sequence[_Layer]) -> str:
    """``text`` escaped, with the layers as properly nested elements.

    Layers that cross are split: a layer is closed where an outer one ends and reopened after
    it, so every piece nests, and the pieces of a layer, read in order, spell its span.
    """
    layers = [layer for layer in layers if 0 <= layer.start < layer.end <= len(text)]
    cuts = sorted({0, len(text)} | {x for layer in layers for x in (layer.start, layer.end)})
    out: list[str] = []
    stack: list[_Layer] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = sorted(
            (layer for layer in layers if layer.start <= a and b <= layer.end),
            key=lambda layer: (layer.start, -layer.end, layer.rank),
        )
        common = 0
        while common < min(len(stack), len(active)) and stack[common] is active[common]:
            common += 1
        while len(stack) > common:
            out.append(stack.pop().close_tag)
        for layer in active[common:]:
            out.append(layer.open_tag)
            stack.append(layer)
        out.append(escape(text[a:b], quote=False))
    while stack:
        out.append(stack.pop().close_tag)
    return "".join(out)


def _attrs(**values: str | None) -> str:
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(value)}"'
        for name, value in values.items()
        if value is not None
    )


def _layers(review: Review, view: str) -> list[_Layer]:
    layers = []
    for order, fact in enumerate(review.facts):
        start, end = fact.span.original_offsets if view == "original" else fact.offsets
        issue = _issue_class(review, fact.id)
        o_start, o_end = fact.span.original_offsets
        tag = "<mark" + _attrs(
            class_=f"hl hl-{fact.cls}{issue}",
            data_fact=fact.id,
            data_class=fact.cls,
            data_quote=fact.quote,
            data_written=fact.span.written,
            data_start=str(o_start),
            data_end=str(o_end),
            title=_title(review, fact),
        )
        layers.append(_Layer(start, end, (order, fact.id), tag + ">"))
        if fact.number is not None:
            n_start, n_end = (
                fact.number.original_offsets
                if view == "original"
                else (fact.number.start, fact.number.end)
            )
            tag = "<span" + _attrs(class_="num", data_number=fact.id) + ">"
            layers.append(_Layer(n_start, n_end, (order, fact.id + "n"), tag, "</span>"))
    return layers


_SEVERITIES = ("Violation", "Warning", "Info")


def _issue_class(review: Review, fact_id: str) -> str:
    """`` has-issue issue-<worst severity>`` for a fact with validation results, else ``""``."""
    found = {r.severity for r in review.issues.get(fact_id, [])}
    for severity in _SEVERITIES:
        if severity in found:
            return f" has-issue issue-{severity}"
    return " has-issue" if found else ""


def _title(review: Review, fact: FactView) -> str:
    lines = [f"{fact.cls} {fact.id}"]
    lines += [f"{r.severity}: {r.message}" for r in review.issues.get(fact.id, [])]
    return "\n".join(lines)


# --- tables ----------------------------------------------------------------------------------


def _division_name(division: Division | None) -> str:
    if division is None:
        return ""
    return f"{division.name} ({division.code})" if division.code else division.name


def _number(value: Decimal | None) -> str:
    """A decimal as written in the graph's canonical form, without exponent."""
    return "" if value is None else format(value.normalize(), "f")


def _issues_html(review: Review, fact_id: str) -> str:
    results = review.issues.get(fact_id)
    if not results:
        return ""
    items = "".join(
        f'<li class="sev sev-{escape(r.severity)}" title="{escape(str(r.path or ""))}">'
        f"{escape(r.severity)}: {escape(r.message)}</li>"
        for r in results
    )
    return f'<ul class="issues">{items}</ul>'


def _local(iri: URIRef | None) -> str:
    text = str(iri or "")
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[-1]
            break
    return text


def _row(fact: FactView, review: Review, cells: Sequence[str]) -> str:
    issue = _issue_class(review, fact.id)
    attrs = _attrs(
        class_=f"fact-row row-{fact.cls}{issue}",
        data_goto=fact.id,
        data_quote=fact.quote,
        tabindex="0",
    )
    tds = "".join(f"<td>{cell}</td>" for cell in cells)
    return f"<tr{attrs}>{tds}</tr>"


def _table(caption: str, headers: Sequence[str], rows: Sequence[str], section: str) -> str:
    if not rows:
        return (
            f'<section class="panel" id="{section}"><h2>{escape(caption)}</h2>'
            '<p class="empty">None found.</p></section>'
        )
    head = "".join(f"<th scope=col>{escape(h)}</th>" for h in headers)
    return (
        f'<section class="panel" id="{section}"><h2>{escape(caption)} '
        f'<span class="count">{len(rows)}</span></h2>'
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


_QUALIFIER_SIGNS = {
    "Exact": "",
    "MoreThan": "> ",
    "AtLeast": "≥ ",
    "Approximately": "≈ ",
    "AtMost": "≤ ",
}


def _measurement_table(review: Review) -> str:
    facts = review.result.facts
    by_id = review.by_id()
    rows = []
    for measurement in measurements_in_order(facts.measurements):
        fact = by_id[review.ids[id(measurement)]]
        q = measurement.quantity
        value = escape(_number(q.value))
        if q.baseline is not None:
            value = f"{escape(_number(q.baseline))} → {value}"
        sign = _QUALIFIER_SIGNS.get(q.qualifier.value, "")
        classifier = f" ({escape(q.classifier)})" if q.classifier else ""
        area = measurement.area or facts.jurisdiction
        area_html = ""
        if area is not None:
            area_html = escape(area.name) + (
                f" <small>{escape(area.code)}</small>" if area.code else ""
            )
            if measurement.area is None:
                area_html += ' <small class="inferred">(document)</small>'
        period = f" <small>{escape(measurement.period)}</small>" if measurement.period else ""
        verdict = review.verdicts.get(str(review.observation_iris.get(id(measurement), "")))
        verdict_html = (
            f' <span class="verdict verdict-{escape(verdict)}" title="kg query delivery">'
            f"{escape(verdict)}</span>"
            if verdict
            else ""
        )
        cells = [
            f'<span class="tag tag-{fact.cls}">{escape(measurement.kind.value)}</span>'
            + verdict_html,
            f'<span class="value">{escape(sign)}{value}</span> {escape(q.unit)}{classifier}'
            f'<div class="numtext" title="qualifier">{escape(q.qualifier.value)} · '
            f"{escape(q.span.written)}</div>",
            escape(measurement.indicator) + period + _issues_html(review, fact.id),
            area_html,
            escape(measurement.programme or ""),
        ]
        rows.append(_row(fact, review, cells))
    headers = ("kind", "value · unit · qualifier", "indicator", "area", "programme")
    return _table("Targets and outcomes", headers, rows, "measurements")


def _people_table(review: Review) -> str:
    by_id = review.by_id()
    rows = []
    for person in review.result.facts.people:
        fact = by_id[review.ids[id(person)]]
        role = f' <small class="role">{escape(person.role)}</small>' if person.role else ""
        posts = "".join(_post_item(post, by_id[review.ids[id(post)]]) for post in person.posts)
        cells = [
            escape(person.span.written) + role + _issues_html(review, fact.id),
            f'<ul class="posts">{posts}</ul>' if posts else "",
        ]
        rows.append(_row(fact, review, cells))
        for post in person.posts:
            post_fact = by_id[review.ids[id(post)]]
            if post_fact.id in review.issues:
                rows.append(
                    _row(
                        post_fact,
                        review,
                        [f"↳ {escape(post.span.written)}", _issues_html(review, post_fact.id)],
                    )
                )
    return _table("People and posts", ("name", "posts"), rows, "people")


def _post_item(post: Post, fact: FactView) -> str:
    org = post.organisation
    chain = []
    node = org.parent
    while node is not None:
        chain.append(node.name)
        node = node.parent
    parent = f" <small>⊂ {escape(' ⊂ '.join(chain))}</small>" if chain else ""
    return (
        f'<li><button type="button" class="goto" data-goto="{fact.id}">'
        f"{escape(post.role_span.written)}</button> in {escape(org.name)}{parent}</li>"
    )


def _all_divisions(facts: Facts) -> list[Division]:
    found: dict[str, Division] = {}

    def visit(division: Division | None) -> None:
        while division is not None:
            found.setdefault(division.key, division)
            division = division.parent

    visit(facts.jurisdiction)
    for place in facts.places:
        visit(place.division)
    for programme in facts.programmes:
        visit(programme.area)
    for measurement in facts.measurements:
        visit(measurement.area)
    for person in facts.people:
        for post in person.posts:
            visit(post.organisation.division)

    def path(division: Division) -> tuple[tuple[int, str], ...]:
        return tuple((_LEVELS[d.level], d.key) for d in reversed(division.chain()))

    return sorted(found.values(), key=path)


def _division_table(review: Review) -> str:
    facts = review.result.facts
    by_id = review.by_id()
    mentions: dict[str, list[FactView]] = defaultdict(list)
    for place in sorted(facts.places, key=lambda p: (p.span.start, p.span.end, p.division.key)):
        mentions[place.division.key].append(by_id[review.ids[id(place)]])
    rows = []
    for division in _all_divisions(facts):
        depth = len(division.chain()) - 1
        links = "".join(
            f'<button type="button" class="goto" data-goto="{f.id}" '
            f'title="{escape(f.quote)}">{n}</button>'
            for n, f in enumerate(mentions.get(division.key, []), start=1)
        )
        issues = "".join(_issues_html(review, f.id) for f in mentions.get(division.key, [])[:1])
        name = escape(division.name)
        if division.short:
            name += f" <small>{escape(' · '.join(division.short))}</small>"
        cells = [
            f'<span class="indent" style="--depth:{depth}">{name}</span>{issues}',
            escape(division.code or ""),
            escape(division.level.value),
            escape(_division_name(division.parent)),
            links or '<small class="inferred">not named</small>',
        ]
        first = mentions.get(division.key)
        if first:
            rows.append(_row(first[0], review, cells))
        else:
            tds = "".join(f"<td>{cell}</td>" for cell in cells)
            rows.append(f'<tr class="inferred-row">{tds}</tr>')
    headers = ("division", "code", "level", "in", "mentions")
    return _table("Administrative divisions", headers, rows, "divisions")


def _programme_table(review: Review) -> str:
    by_id = review.by_id()
    rows = []
    for programme in review.result.facts.programmes:
        fact = by_id[review.ids[id(programme)]]
        cells = [
            escape(programme.span.written) + _issues_html(review, fact.id),
            escape(_division_name(programme.area)),
            escape(programme.part_of or ""),
        ]
        rows.append(_row(fact, review, cells))
    return _table("Programmes", ("programme", "area", "part of"), rows, "programmes")


def _validation_section(review: Review) -> str:
    validation = review.result.validation
    status = "conforms" if validation.conforms else "does not conform"
    items = []
    attached = sorted(
        ((fact_id, r) for fact_id, results in review.issues.items() for r in results),
        key=lambda item: (item[1].severity, item[0], item[1].message),
    )
    for fact_id, r in attached:
        items.append(
            f'<li class="sev sev-{escape(r.severity)}"><button type="button" class="goto" '
            f'data-goto="{fact_id}">{fact_id}</button> {escape(r.severity)}: '
            f"{escape(r.message)} <code>{escape(str(r.focus))}</code></li>"
        )
    for r in review.unattached:
        items.append(
            f'<li class="sev sev-{escape(r.severity)}">{escape(r.severity)}: {escape(r.message)} '
            f"<code>{escape(str(r.focus))}</code> <small>(not tied to a fact)</small></li>"
        )
    body = f"<ul class=results>{''.join(items)}</ul>" if items else ""
    return (
        f'<section class="panel" id="validation"><h2>Validation: {status}</h2>'
        f"<p>{validation.count('Violation')} violations, {validation.count('Warning')} "
        f"warnings, {validation.count('Info')} notes.</p>{body}</section>"
    )


def _repairs_section(doc: Document) -> str:
    repairs = doc.normalised.repairs
    if not repairs:
        return ""
    counts: dict[str, int] = defaultdict(int)
    for repair in repairs:
        counts[repair.kind] += 1
    summary = ", ".join(f"{n} {escape(kind)}" for kind, n in sorted(counts.items()))
    notable = [r for r in repairs if "pinyin" not in r.kind]
    items = "".join(
        f"<li><code>{r.start}–{r.end}</code> {escape(r.kind)}: "
        f"<del>{escape(r.before)}</del> → <ins>{escape(r.after)}</ins></li>"
        for r in notable
    )
    return (
        f'<section class="panel" id="repairs"><h2>Repairs of the text</h2><p>{summary}.</p>'
        + (f"<ul class=repairs>{items}</ul>" if items else "")
        + "</section>"
    )


# --- the page --------------------------------------------------------------------------------


def _header(review: Review) -> str:
    result = review.result
    doc, meta = result.doc, result.facts.metadata
    title = meta.title.written if meta.title is not None else doc.name
    doc_iri = review.document_iri
    rows = [
        ("file", doc.name),
        ("document", str(doc_iri)),
        ("created", meta.created or ""),
        ("publisher", meta.publisher or ""),
        ("area", _division_name(result.facts.jurisdiction)),
        ("encoding", f"{doc.encoding}, {doc.lang}"),
        ("sha256", doc.sha256),
    ]
    meta_html = "".join(
        f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in rows if v
    )
    legend = "".join(f'<li><span class="hl hl-{c}">{c}</span></li>' for c in CLASSES)
    ok = "ok" if result.validation.conforms else "bad"
    return (
        f'<header class="top"><h1>{escape(title)}</h1>'
        f'<p class="summary status-{ok}">{escape(result.summary())}</p>'
        f'<dl class="meta">{meta_html}</dl><ul class="legend">{legend}</ul></header>'
    )


def _article(review: Review) -> str:
    doc = review.result.doc
    texts = {"clean": doc.clean, "simplified": doc.text, "original": doc.original}
    buttons = "".join(
        f'<button type="button" class="view-button" data-view="{name}" '
        f'aria-pressed="{"true" if i == 0 else "false"}" title="{escape(hint)}">'
        f"{escape(label)}</button>"
        for i, (name, label, hint) in enumerate(VIEWS)
    )
    views = []
    for i, (name, label, _) in enumerate(VIEWS):
        lang = "zh-Hans" if name == "simplified" else doc.lang
        hidden = "" if i == 0 else " hidden"
        body = render_text(texts[name], _layers(review, name))
        views.append(
            f'<div class="text view" data-view="{name}" lang="{lang}" '
            f'aria-label="{escape(label)} text"{hidden}>{body}</div>'
        )
    return (
        '<section class="article" aria-label="Article">'
        f'<div class="views" role="group" aria-label="Text shown">{buttons}</div>'
        f'<div class="pane">{"".join(views)}</div></section>'
    )


def render(
    result: Result, base: str | None = None, verdicts: Mapping[str, str] | None = None
) -> str:
    """The review page of one processed document, as HTML text; ``verdicts`` (a target's
    observation IRI -> met, missed or pending) are shown beside the targets."""
    review = collect(result, base)
    review.verdicts = verdicts or {}
    css = data_path("review.css").read_text(encoding="utf-8")
    js = data_path("review.js").read_text(encoding="utf-8")
    title = result.facts.metadata.title
    page_title = f"{title.written if title is not None else result.doc.name} — review"
    side = "".join(
        [
            _measurement_table(review),
            _people_table(review),
            _division_table(review),
            _programme_table(review),
            _validation_section(review),
            _repairs_section(result.doc),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{result.doc.lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="fupin-kg review">'
        f"<title>{escape(page_title)}</title><style>{css}</style></head>"
        f"<body>{_header(review)}<main class=layout>{_article(review)}"
        f'<aside class="facts" aria-label="Facts">{side}</aside></main>'
        f"<script>{js}</script></body></html>\n"
    )


def render_bytes(
    result: Result, base: str | None = None, verdicts: Mapping[str, str] | None = None
) -> bytes:
    return render(result, base, verdicts).encode("utf-8")


__all__ = [
    "CLASSES",
    "FactView",
    "Review",
    "base_of",
    "collect",
    "render",
    "render_bytes",
    "render_text",
]
