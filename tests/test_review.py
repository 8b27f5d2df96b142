"""The review page: highlights that slice the original, nesting, escaping, issues, the command.

``make_result`` (an invented traditional-script article with facts built by hand, run through
kg.rdf.graph and kg.validate.validation) is shared with test_export.py and test_review_browser.py.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.cli import cli
from kg.extract.facts import (
    Division,
    Facts,
    Kind,
    Level,
    Measurement,
    Organisation,
    Person,
    PlaceMention,
    Post,
    Programme,
    Qualifier,
    Quantity,
)
from kg.pipeline import Result, from_facts
from kg.review.page import _Layer, collect, render, render_text
from kg.text.document import Document

ARTICLE = (
    "鎮寧縣委書記張明在會上介紹(shào),全縣實施“十百(bǎi)千”工程,"
    "累計完成易地扶貧搬遷1.2萬戶5.1萬人。\n"
    "到2025年,全縣<農村>居民人均可支配收入&增長10%以上。\n"
    '火星縣新建道路30多公里,"通組路"全覆蓋。\n'
)

PROVINCE = Division("贵州省", Level.PROVINCE, "520000", ("贵州",))
PREFECTURE = Division("安顺市", Level.PREFECTURE, "520400", ("安顺",), PROVINCE)
COUNTY = Division("镇宁布依族苗族自治县", Level.COUNTY, "520423", ("镇宁县", "镇宁"), PREFECTURE)
MARS = Division("火星县", Level.COUNTY, "999999", (), PREFECTURE)
"""A county whose code is not in the gazetteer: a SHACL violation on its division."""


def _find(doc: Document, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    return start, start + len(text)


def make_result(name: str = "invented") -> Result:
    doc = Document.from_text(ARTICLE, name=name)
    span = lambda text: doc.span(*_find(doc, text))  # noqa: E731
    committee = Organisation("中共镇宁布依族苗族自治县委", span("镇宁县委"), COUNTY)
    person = Person(
        span("张明"), posts=(Post(span("镇宁县委书记"), span("书记"), committee),), role="author"
    )
    households = Quantity(span("1.2万户"), Decimal(12000), "HOUSEHOLD")
    people = Quantity(span("5.1万人"), Decimal(51000), "PERSON")
    income = Quantity(span("10%以上"), Decimal(10), "PERCENT", qualifier=Qualifier.AT_LEAST)
    road = Quantity(span("30多公里"), Decimal(30), "KM", qualifier=Qualifier.MORE_THAN)
    # the clause starts inside the programme's name: the two spans cross
    clause = span("搬迁1.2万户5.1万人")
    measurements = [
        Measurement(Kind.OUTCOME, q, clause, "易地扶贫搬迁", area=COUNTY, programme="易地扶贫搬迁")
        for q in (households, people)
    ]
    measurements.append(
        Measurement(
            Kind.TARGET,
            income,
            span("全县<农村>居民人均可支配收入&增长10%以上"),
            "农村居民人均可支配收入增长",
            period="2025",
        )
    )
    measurements.append(
        Measurement(Kind.OUTCOME, road, span("新建道路30多公里"), "新建道路", area=MARS)
    )
    facts = Facts(
        jurisdiction=COUNTY,
        places=[PlaceMention(span("镇宁县"), COUNTY), PlaceMention(span("火星县"), MARS)],
        people=[person],
        programmes=[
            Programme(span("十百千”工程"), "十百千工程", COUNTY),
            Programme(span("易地扶贫搬迁"), "易地扶贫搬迁", COUNTY, part_of="十百千工程"),
            Programme(span('"通组路"'), "通组路", COUNTY),
        ],
        quantities=[households, people, income, road],
        measurements=measurements,
    )
    return from_facts(doc, facts)


@pytest.fixture(scope="module")
def invented() -> Result:
    return make_result()


class _Marks(HTMLParser):
    """Collects, per fact id and view, the text inside its highlight pieces, and checks nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.view: str | None = None
        self.view_depth = 0
        self.text: dict[tuple[str, str], list[str]] = {}
        self.quotes: dict[str, set[str]] = {}
        self.rows: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in {"meta", "br", "link", "input"}:
            return
        self.stack.append((tag, a))
        if "view" in (a.get("class") or "").split() and a.get("data-view"):
            self.view, self.view_depth = a["data-view"], len(self.stack)
        if tag == "mark" and a.get("data-fact"):
            fact = a["data-fact"] or ""
            self.quotes.setdefault(fact, set()).add(a.get("data-quote") or "")
            self.text.setdefault((self.view or "", fact), [])
        if tag == "tr" and a.get("data-goto"):
            self.rows[a["data-goto"] or ""] = a.get("data-quote") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in {"meta", "br", "link", "input"}:
            return
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"
        if self.view and len(self.stack) < self.view_depth:
            self.view = None

    def handle_data(self, data: str) -> None:
        if self.view is None:
            return
        inside = {a.get("data-fact") for tag, a in self.stack if tag == "mark"}
        for fact in inside:
            self.text[(self.view, fact or "")].append(data)


def _parse(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    parser.close()
    assert not parser.stack
    return parser


def test_every_highlight_spells_its_quote_in_the_original_view(invented: Result) -> None:
    page = render(invented)
    marks = _parse(page)
    review = collect(invented)
    assert {f.id for f in review.facts} == set(marks.quotes)
    for fact in review.facts:
        start, end = fact.span.original_offsets
        assert marks.quotes[fact.id] == {invented.doc.original[start:end]}
        assert "".join(marks.text[("original", fact.id)]) == fact.quote
        assert "".join(marks.text[("clean", fact.id)]) == fact.span.written
        assert "".join(marks.text[("simplified", fact.id)]) == fact.span.text
    # the pinyin reading inside the programme's name is part of its quote
    assert any("(bǎi)" in q for qs in marks.quotes.values() for q in qs)


def test_quotes_are_the_graphs_exact_selectors(invented: Result) -> None:
    from kg.rdf.namespace import OA

    exacts = {str(o) for o in invented.graph.objects(None, OA.exact)}
    marks = _parse(render(invented))
    for quotes in marks.quotes.values():
        assert quotes <= exacts


def test_fact_iris_are_the_graphs(invented: Result) -> None:
    """The page finds facts by the IRIs kg.rdf.graph mints: every fact's node is in the graph."""
    subjects = set(invented.graph.subjects())
    for fact in collect(invented).facts:
        assert fact.iris & subjects, fact


def test_rows_point_at_highlights_with_the_same_quote(invented: Result) -> None:
    marks = _parse(render(invented))
    measurements = [k for k in marks.rows if k.startswith("m")]
    assert len(measurements) == 4
    for fact_id, quote in marks.rows.items():
        assert marks.quotes[fact_id] == {quote}


def test_text_is_escaped(invented: Result) -> None:
    page = render(invented)
    assert "<農村>" not in page and "&lt;農村&gt;" in page
    assert "&amp;增長" in page
    assert 'data-quote="&quot;通組路&quot;"' in page


def test_crossing_spans_are_split_and_nested() -> None:
    layers = [
        _Layer(0, 5, (0, "a"), '<mark data-fact="a">'),
        _Layer(3, 8, (1, "b"), '<mark data-fact="b">'),
        _Layer(3, 5, (2, "c"), '<mark data-fact="c">'),
    ]
    html = render_text("0123456789<&", layers)
    assert html == (
        '<mark data-fact="a">012<mark data-fact="b"><mark data-fact="c">34</mark></mark></mark>'
        '<mark data-fact="b">567</mark>89&lt;&amp;'
    )


def test_crossing_spans_in_the_page(invented: Result) -> None:
    page = render(invented)
    review = collect(invented)
    (programme,) = [f for f in review.facts if f.span.text == "易地扶贫搬迁"]
    clauses = [f for f in review.facts if f.span.text.startswith("搬迁")]
    assert len(clauses) == 2
    # the programme's name starts first and stays whole; the clauses that cross it are split
    assert len(re.findall(rf'<mark [^>]*data-fact="{programme.id}"', page)) == 3
    for clause in clauses:
        assert len(re.findall(rf'<mark [^>]*data-fact="{clause.id}"', page)) == 3 * 2


def test_validation_results_attach_to_their_facts(invented: Result) -> None:
    review = collect(invented)
    by_id = review.by_id()
    attached = {by_id[i].span.text: [r.severity for r in rs] for i, rs in review.issues.items()}
    assert "Violation" in attached["火星县"]
    assert not invented.validation.conforms
    focus = {r.focus for rs in review.issues.values() for r in rs}
    doc_iri = URIRef("https://w3id.org/fupin-kg/id/doc/" + invented.doc.sha256[:16])
    assert doc_iri not in focus
    assert any(r.focus == doc_iri for r in review.unattached)  # no title, no date
    page = render(invented)
    assert "has-issue" in page and "not in the gazetteer" in page


def test_page_is_deterministic_and_self_contained(invented: Result) -> None:
    page = render(invented)
    assert page == render(make_result())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert '<meta name="viewport"' in page and "@media (min-width" in page


def test_report_command_writes_one_page_per_document(tmp_path: Path) -> None:
    article = tmp_path / "articles" / "镇宁.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["report", str(article.parent), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = (out / "镇宁.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "火星縣" in page
    assert result.stdout.strip() == f"wrote {out / '镇宁.html'}"
    assert not list(out.glob(".*.tmp"))


def test_the_sample_page(sample_result: Result) -> None:
    """Whatever the extractors find in the sample, every highlight spells its quote."""
    marks = _parse(render(sample_result))
    for fact in collect(sample_result).facts:
        assert "".join(marks.text[("original", fact.id)]) == fact.quote


def test_report_command_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "missing.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file" in result.stderr and "Traceback" not in result.output
