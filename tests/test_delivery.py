"""``kg query delivery``: targets paired with outcomes, and their verdicts.

The store holds three hand-written documents of an invented city 试验市 and its county 试验县
(tests/fixtures/delivery/): a 2019 work report with targets, a 2020 work report with early
estimates for 2019, and the 2019 statistical bulletin, issued later, with the final figures.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.store import delivery as delivery_module
from kg.store.backends import EmbeddedStore, read_graphs
from kg.store.delivery import (
    KEYS,
    Period,
    _Observation,
    _Outcomes,
    _target_period,
    delivery,
    period_of,
    verdict,
)
from kg.store.details_index import INDEX_FILE, encode, encoded_text, term_text

FIXTURES = Path(__file__).parent / "fixtures" / "delivery"
ID = "https://w3id.org/fupin-kg/id/"
FPI = "https://w3id.org/fupin-kg/indicator/"
CITY, COUNTY = ID + "area/990100", ID + "area/990101"
REPORT_2019, REPORT_2020, BULLETIN = (
    ID + f"doc/{n}" for n in ("report-2019", "report-2020", "bulletin-2019")
)


def _store(folder: Path, names: list[str]) -> Path:
    EmbeddedStore(folder / "store").load([FIXTURES / f"{name}.ttl" for name in names])
    return folder / "store"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _store(
        tmp_path_factory.mktemp("delivery"), ["report-2019", "report-2020", "bulletin-2019"]
    )


def kg(store: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["query", "delivery", *args, "--store", str(store)])


_TABLE = [
    # indicator, concept, area, unit, period, target, qualifier, outcome, outcome period, verdict,
    # target quote, outcome quote
    ("贫困人口脱贫", "people-lifted-out-of-poverty", CITY, "PERSON", "2016/2020", 10000, "Exact",
     3000, "2019", "pending",  # the plan period is not over at the latest outcome
     "十三五期间贫困人口脱贫1万人", "全年贫困人口脱贫3000人"),
    ("地区生产总值增长", "regional-gdp-growth", CITY, "PERCENT", "2019", 6, "Approximately",
     6.3, "2019", "met",  # the bulletin, issued after the 2020 report's estimate of 5.2
     "地区生产总值增长6%左右", "全市地区生产总值比上年增长6.3%"),
    ("城镇登记失业率", "registered-urban-unemployment", CITY, "PERCENT", "2019", 4.5, "AtMost",
     4.2, "2019", "met", "城镇登记失业率控制在4.5%以内", "城镇登记失业率为4.2%"),
    ("社会消费品零售总额增长", "retail-sales-growth", CITY, "PERCENT", "2019", 8, "AtLeast",
     None, None, "unknown", "社会消费品零售总额增长8%以上", None),
    ("民生实事", None, CITY, "COUNT", "2019", 10, "Exact",  # no concept: nothing to pair with
     None, None, "unknown", "办好10件民生实事", None),
    ("地区生产总值增长", "regional-gdp-growth", COUNTY, "PERCENT", "2019", 7, "AtLeast",
     6.5, "2019", "missed",  # a place inside the city
     "试验县地区生产总值增长7%以上", "试验县地区生产总值增长6.5%"),
]  # fmt: skip


def _record(row: tuple[object, ...]) -> dict[str, object]:
    indicator, concept, area, unit, period, target, qualifier, outcome, outcome_period = row[:9]
    verdict_, target_quote, outcome_quote = row[9:]
    return {
        "indicator": indicator,
        "indicator_concept": FPI + str(concept) if concept else None,
        "area": area,
        "area_code": str(area)[-6:],
        "unit": unit,
        "period": period,
        "target": target,
        "target_qualifier": qualifier,
        "outcome": outcome,
        "outcome_period": outcome_period,
        "verdict": verdict_,
        "target_evidence": target_quote,
        "outcome_evidence": outcome_quote,
        "target_document": REPORT_2019,
        "outcome_document": BULLETIN if outcome is not None else None,
    }


EXPECTED = [_record(row) for row in _TABLE]


def test_json_rows_have_the_contracts_keys_and_verdicts(store: Path) -> None:
    result = kg(store, "--area", "试验市", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == EXPECTED
    assert all(tuple(row) == KEYS for row in EXPECTED)


@pytest.mark.parametrize("name", ["试验", "試驗市", "990100"])
def test_every_form_of_the_name_gives_the_same_rows(store: Path, name: str) -> None:
    assert json.loads(kg(store, "--area", name, "--format", "json").stdout) == EXPECTED


def test_the_latest_dated_report_wins(tmp_path: Path) -> None:
    """Without the bulletin, the 2020 report's estimates are the latest: 5.2 misses 6左右."""
    store = _store(tmp_path, ["report-2019", "report-2020"])
    rows = json.loads(kg(store, "--area", "试验市", "--format", "json").stdout)
    gdp = next(r for r in rows if r["indicator_concept"] == FPI + "regional-gdp-growth")
    assert (gdp["outcome"], gdp["verdict"], gdp["outcome_document"]) == (5.2, "missed", REPORT_2020)
    unemployment = next(r for r in rows if r["target_qualifier"] == "AtMost")
    assert (unemployment["outcome"], unemployment["verdict"]) == (4.8, "missed")


class _SparqlOnly:
    """The embedded store as a remote one is seen: delivery.rq, not the direct lookups."""

    def __init__(self, store: EmbeddedStore) -> None:
        self._store = store

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


@pytest.mark.parametrize("name", ["试验市", "试验县"])
def test_delivery_rq_gathers_what_the_embedded_lookups_do(store: Path, name: str) -> None:
    embedded = EmbeddedStore(store)
    direct = delivery(embedded, name).records
    assert direct == delivery(_SparqlOnly(embedded), name).records  # type: ignore[arg-type]
    assert len(direct) > 1 if name == "试验市" else direct


@pytest.mark.parametrize("name", ["试验市", "试验县"])
def test_the_details_index_gives_what_the_store_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The index's rows (issue 15, part 4) against delivery.rq and the lookups without it."""
    path = _store(tmp_path, [p.stem for p in sorted(FIXTURES.glob("*.ttl"))])
    asked = EmbeddedStore(path)
    sparql = delivery(_SparqlOnly(asked), name).records  # type: ignore[arg-type]
    assert sparql
    with monkeypatch.context() as patched:  # the index must answer alone
        patched.setattr(delivery_module, "_embedded_rows", _not_called)
        assert delivery(EmbeddedStore(path), name).records == sparql
    (path / INDEX_FILE).unlink()
    assert delivery(EmbeddedStore(path), name).records == sparql


def _not_called(*_args: object) -> NoReturn:
    raise AssertionError("read from the store, not from its details index")


def test_a_stale_index_is_not_used(tmp_path: Path) -> None:
    """The bulletin written by another program: the index (the 2020 report's estimate of 5.2
    is the latest) no longer describes the store, which answers with the bulletin's 6.3."""
    path = _store(tmp_path, ["report-2019", "report-2020"])
    writer = ox.Store(str(path))
    writer.extend(
        q for quads in read_graphs(FIXTURES / "bulletin-2019.ttl").values() for q in quads
    )
    del writer
    store = EmbeddedStore(path)
    assert store.details_index() is None
    assert (
        delivery(store, "试验市").records
        == delivery(
            EmbeddedStore(
                _store(tmp_path / "all", ["report-2019", "report-2020", "bulletin-2019"])
            ),
            "试验市",
        ).records
    )


def test_a_county_asked_for_itself_is_direct(store: Path) -> None:
    rows = json.loads(kg(store, "--area", "试验县", "--format", "json").stdout)
    assert rows == [EXPECTED[-1]]
    assert kg(store, "--area", "试验县").stdout.splitlines()[2].startswith("direct")


@pytest.mark.parametrize(
    ("words", "count"), [("生产总值", 2), ("生產總值", 2), ("GDP", 2), ("失业", 1), ("粮食", 0)]
)
def test_indicator_words_filter_by_phrase_or_concept(store: Path, words: str, count: int) -> None:
    result = kg(store, "--area", "试验市", "--indicator", words, "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == count


def test_table_marks_places_within(store: Path) -> None:
    lines = kg(store, "--area", "试验市").stdout.splitlines()
    assert lines[0].split() == [
        "match", "area", "indicator", "period", "qualifier", "target",
        "outcome", "outcome_period", "unit", "verdict",
    ]  # fmt: skip
    assert len(lines) == 2 + len(EXPECTED)
    assert lines[-1].split()[:2] == ["within", "试验县"]
    assert lines[-1].split()[-1] == "missed"


def test_csv_has_the_json_keys(store: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(kg(store, "--area", "试验市", "--format", "csv").stdout))
    )
    assert tuple(rows[0]) == KEYS
    assert [r["verdict"] for r in rows] == [r["verdict"] for r in EXPECTED]


def test_csv_of_no_rows_is_the_header_of_json_keys(store: Path) -> None:
    result = kg(store, "--area", "试验县", "--indicator", "粮食", "--format", "csv")
    assert (result.exit_code, result.stdout) == (0, ",".join(KEYS) + "\n")


def test_unknown_area_is_exit_1(store: Path) -> None:
    result = kg(store, "--area", "无此县")
    assert result.exit_code == 1
    assert "no area named" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("target", "qualifier", "outcome", "unit", "direction", "expected"),
    [
        ("6", "AtLeast", "6.1", "PERCENT", "Higher", "met"),
        ("7", "AtLeast", "4.1", "PERCENT", "Higher", "missed"),
        ("6", "MoreThan", "6", "PERCENT", "Higher", "met"),  # 突破 read as ≥
        ("4.5", "AtMost", "4.6", "PERCENT", "Lower", "missed"),
        ("8", "Approximately", "7.6", "PERCENT", "Higher", "met"),  # within 0.5 points
        ("8", "Approximately", "7.4", "PERCENT", "Higher", "missed"),
        ("8", "Approximately", "9.2", "PERCENT", "Higher", "met"),  # beyond, the better way
        ("3", "Approximately", "2.1", "PERCENT", "Lower", "met"),  # CPI under its 3% 左右
        ("3", "Approximately", "3.6", "PERCENT", "Lower", "missed"),
        ("1000", "Approximately", "960", "PERSON", "Higher", "met"),  # within 5%
        ("1000", "Approximately", "940", "PERSON", "Higher", "missed"),
        ("6", "Exact", "3.9", "PERCENT", "Higher", "missed"),  # no qualifier: a floor
        ("5", "Exact", "4.2", "PERCENT", "Lower", "met"),  # … a ceiling where lower is better
        ("17", "Exact", "24", "COUNT", None, "met"),
        ("10", "AtLeast", "-11.6", "PERCENT", "Higher", "missed"),  # 下降11.6% against 增长10%
        ("3", "AtMost", "-0.5", "PERCENT", "Lower", "met"),  # prices fell: under the ceiling
        # a target of decrease: 以上 bounds the size of the fall, 以内 its most
        ("-5", "AtLeast", "-6", "PERCENT", "Higher", "met"),  # 下降5%以上, fell 6%
        ("-5", "AtLeast", "-3", "PERCENT", "Higher", "missed"),
        ("-5", "AtMost", "-3", "PERCENT", "Higher", "met"),  # 降幅控制在5%以内
        ("-5", "AtMost", "-6", "PERCENT", "Higher", "missed"),
        ("-5", "Exact", "-3", "PERCENT", "Higher", "met"),  # growth: a smaller fall is better
    ],
)
def test_verdict(
    target: str, qualifier: str, outcome: str, unit: str, direction: str | None, expected: str
) -> None:
    assert verdict(Decimal(target), qualifier, Decimal(outcome), unit, direction) == expected


@pytest.mark.parametrize(
    ("ref", "start", "end", "expected"),
    [
        (ox.NamedNode("http://reference.data.gov.uk/id/year/2019"), None, None, "2019"),
        (
            ox.NamedNode(
                "http://reference.data.gov.uk/id/gregorian-interval/2016-01-01T00:00:00/P5Y"
            ),
            None,
            None,
            "2016/2020",
        ),
        (
            ox.NamedNode(
                "http://reference.data.gov.uk/id/gregorian-interval/2020-01-01T00:00:00/P10M"
            ),
            None,
            None,
            "2020-01-01/2020-10-31",
        ),
        (
            ox.NamedNode("http://reference.data.gov.uk/id/month/2020-02"),
            None,
            None,
            "2020-02-01/2020-02-29",
        ),
        (ox.Literal("2019"), None, None, "2019"),  # before periods were IRIs
        (ox.Literal("2016/2020"), None, None, "2016/2020"),
        (  # the plain dates win
            ox.NamedNode("http://reference.data.gov.uk/id/year/2019"),
            ox.Literal(
                "2019-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
            ),
            ox.Literal(
                "2019-10-26", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
            ),
            "2019-01-01/2019-10-26",
        ),
    ],
)
def test_period_of(
    ref: ox.NamedNode | ox.Literal, start: ox.Literal | None, end: ox.Literal | None, expected: str
) -> None:
    period = period_of(ref, start, end)
    assert period is not None and str(period) == expected


def test_period_of_nothing_is_none() -> None:
    assert period_of(None, None, None) is None
    assert period_of(ox.Literal("今年"), None, None) is None
    assert Period(date(2019, 1, 1), date(2019, 12, 31)) < Period(
        date(2019, 1, 1), date(2020, 12, 31)
    )


def test_the_review_page_shows_each_targets_verdict_from_the_store(tmp_path: Path) -> None:
    """kg report --store: beside each target, its verdict where the store knows one."""
    report = FIXTURES / "yongsheng-report-2019.txt"
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(report), "-o", str(tmp_path / "out"), "--no-store"])
    assert built.exit_code == 0, built.output
    store = tmp_path / "store"
    turtle = tmp_path / "out" / f"{report.stem}.ttl"
    EmbeddedStore(store).load([turtle, FIXTURES / "yongsheng-bulletin-2019.ttl"])
    pages = {}
    for name, extra in (("with", ["--store", str(store)]), ("without", [])):
        out = tmp_path / name
        result = runner.invoke(cli, ["report", str(report), "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
        pages[name] = (out / f"{report.stem}.html").read_text(encoding="utf-8")
    assert 'class="verdict verdict-met"' in pages["with"]
    assert 'class="verdict verdict-missed"' in pages["with"]
    assert 'class="verdict ' not in pages["without"]


def _observation(target: bool, concept: str, value: str, period: Period) -> _Observation:
    return _Observation(
        iri=f"obs-{target}-{value}",
        target=target,
        area="area",
        area_code="500000",
        indicator="indicator",
        concept=FPI + concept,
        value=Decimal(value),
        unit="PERCENT",
        qualifier="Exact",
        period=period,
        document="doc",
        dated=None,
    )


@pytest.mark.parametrize(
    ("target", "outcome", "expected"),
    [
        ("3", "4.7", "met"),  # 单位GDP能耗下降3% against 下降4.7%, written as sizes
        ("-3", "-4.7", "met"),  # … or as signed numbers
        ("3", "-4.7", "met"),
        ("-3", "-2", "missed"),
    ],
)
def test_a_concept_that_is_a_fall_compares_sizes(target: str, outcome: str, expected: str) -> None:
    year = Period(date(2020, 1, 1), date(2020, 12, 31))
    paired = _Outcomes([_observation(False, "energy-intensity-reduction", outcome, year)]).pair(
        _observation(True, "energy-intensity-reduction", target, year)
    )
    assert paired[1] == expected


def test_a_target_dated_to_a_day_is_for_its_year() -> None:
    """17个县达到脱贫摘帽标准 in a report whose sentence gave only the meeting's day (27日)."""
    day = Period(date(2019, 1, 27), date(2019, 1, 27))
    assert str(_target_period(day)) == "2019"
    year = Period(date(2019, 1, 1), date(2019, 12, 31))
    assert _target_period(year) == year
    month = Period(date(2019, 6, 1), date(2019, 6, 30))
    assert _target_period(month) == month
    assert _target_period(None) is None


@pytest.mark.parametrize(
    "term",
    [ox.NamedNode("https://example.org/a"), ox.BlankNode("b1"), ox.Literal("6.5"), None],
)
def test_an_index_row_term_reads_back_as_the_text_of_the_term(term: object) -> None:
    assert encoded_text(encode(term)) == term_text(term)


def test_a_target_held_for_each_year_of_a_span_is_read_for_each_year(tmp_path: Path) -> None:
    """前两年…均是 增长7%: one observation for 2019/2020 in the graph, a row per year here."""
    texts = tmp_path / "texts"
    texts.mkdir()
    documents = {
        "report-2021": "2021年1月15日\n前两年，广元市的年度目标均是地区生产总值增长7%。\n",
        "bulletin-2019": "2020年3月10日\n2019年，广元市地区生产总值比上年增长7.5%。\n",
        "bulletin-2020": "2021年3月10日\n2020年，广元市地区生产总值比上年增长6.5%。\n",
    }
    for name, text in documents.items():
        (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    built = CliRunner().invoke(cli, ["build", str(texts), "-o", str(out), "--no-store"])
    assert built.exit_code == 0, built.output
    store = tmp_path / "store"
    EmbeddedStore(store).load(sorted(out.glob("*.ttl")))
    rows = json.loads(kg(store, "--area", "广元市", "--format", "json").stdout)
    got = [(r["period"], r["target"], r["outcome"], r["verdict"]) for r in rows]
    assert sorted(got) == [("2019", 7, 7.5, "met"), ("2020", 7, 6.5, "missed")]
    # the review page's one verdict of the target: missed, as one of its years is
    verdicts = delivery_module.verdicts(EmbeddedStore(store), {ID + "area/510800"})
    assert list(verdicts.values()) == ["missed"]


@pytest.mark.parametrize(
    ("quote", "each"),
    [
        ("目标均是增长7%", True),
        ("连续两年增长7%", True),
        ("年均增长7%", False),
        ("年均为7%", False),
    ],
)
def test_the_words_of_each_year(quote: str, each: bool) -> None:
    assert bool(delivery_module._each_year_words().search(quote)) is each
