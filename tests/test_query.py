"""Named questions and ``kg sparql`` against the embedded store, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.store.backends import EmbeddedStore

FIXTURES = Path(__file__).parent / "fixtures" / "store"
FILES = sorted(FIXTURES.glob("*.ttl")) + [FIXTURES / "huaping.nq", FIXTURES / "ninglang.jsonld"]
ID = "https://w3id.org/fupin-kg/id/"
LIJIANG_DOC = ID + "doc/1a2b3c4d5e6f7081"
YULONG_DOC = ID + "doc/9f8e7d6c5b4a3921"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "store"
    EmbeddedStore(path).load(FILES)
    return path


def kg(store: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--store", str(store)])


NEW_RECORD_KEYS = ("documents", "mentions")
NEW_EVIDENCE_KEYS = ("start", "end", "quote_clean", "title", "file")


def as_before(records: list[dict]) -> list[dict]:
    """The records with only the keys JSON had before issue 17 (which added keys, never
    renamed or dropped one): the new keys are checked on their own."""
    out = []
    for record in records:
        assert all(k in record for k in NEW_RECORD_KEYS), record
        kept = {k: v for k, v in record.items() if k not in NEW_RECORD_KEYS}
        if "evidence" in kept:
            assert all(k in e for e in kept["evidence"] for k in NEW_EVIDENCE_KEYS)
            kept["evidence"] = [
                {k: v for k, v in e.items() if k not in NEW_EVIDENCE_KEYS} for e in kept["evidence"]
            ]
        out.append(kept)
    return out


YONGSHENG = [
    {
        "programme": ID + "programme/530722/sanda-gongcheng",
        "label": "三大工程",
        "match": "direct",
        "area": ID + "area/530722",
        "area_label": "永胜县",
        "query_area": ID + "area/530722",
        "evidence": [
            {"document": LIJIANG_DOC, "quote": "永勝縣實施「三大工程」"},
            {"document": LIJIANG_DOC, "quote": "「三大工程」成效明顯"},
        ],
    },
    {
        "programme": ID + "programme/530722/chenghai/luoxuanzao",
        "label": "螺旋藻产业项目",
        "match": "within",
        "area": ID + "area/530722/chenghai",
        "area_label": "程海镇",
        "query_area": ID + "area/530722",
        "evidence": [{"document": LIJIANG_DOC, "quote": "程海鎮螺旋藻產業項目帶動"}],
    },
    {
        "programme": ID + "programme/530700/yidi-banqian",
        "label": "易地扶贫搬迁",
        "match": "contains",
        "area": ID + "area/530700",
        "area_label": "丽江市",
        "query_area": ID + "area/530722",
        "evidence": [{"document": LIJIANG_DOC, "quote": "全市實施易地扶貧搬遷4.43萬人"}],
    },
]


def test_programmes_json(store: Path) -> None:
    result = kg(store, "query", "programmes", "--area", "永胜县", "--format", "json")
    assert result.exit_code == 0, result.output
    assert as_before(json.loads(result.stdout)) == YONGSHENG


@pytest.mark.parametrize("name", ["永勝縣", "永胜县", "永胜", "永勝", "530722", " 永胜县 "])
def test_every_form_of_the_name_gives_the_same_programmes(store: Path, name: str) -> None:
    result = kg(store, "query", "programmes", "--area", name, "--format", "json")
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert [(r["programme"], r["match"], r["area"]) for r in answer] == [
        (r["programme"], r["match"], r["area"]) for r in YONGSHENG
    ]


def test_traditional_names_get_traditional_labels(store: Path) -> None:
    result = kg(store, "query", "programmes", "--area", "永勝縣", "--format", "json")
    assert [r["label"] for r in json.loads(result.stdout)] == [
        "三大工程",
        "螺旋藻產業項目",
        "易地扶貧搬遷",
    ]


def test_another_countys_programmes_stay_out(store: Path) -> None:
    result = kg(store, "query", "programmes", "--area", "永胜", "--format", "json")
    programmes = {r["programme"] for r in json.loads(result.stdout)}
    assert not any("530721" in p or "530723" in p for p in programmes)


@pytest.mark.parametrize(
    "name", ["玉龍縣", "玉龙纳西族自治县", "玉龍納西族自治縣", "玉龙", "530721"]
)
def test_yulong(store: Path, name: str) -> None:
    result = kg(store, "query", "programmes", "--area", name, "--format", "json")
    assert result.exit_code == 0
    assert [(r["programme"], r["match"]) for r in json.loads(result.stdout)] == [
        (ID + "programme/530721/sanda-gongcheng", "direct"),
        (ID + "programme/530721/wenlv-fupin", "direct"),
        (ID + "programme/530700/yidi-banqian", "contains"),
    ]


def test_programmes_table(store: Path) -> None:
    """One row per programme, match and area: counts, the best quote with the programme's name
    marked, the document by its title; the columns fitted into COLUMNS."""
    result = CliRunner().invoke(
        cli,
        ["query", "programmes", "--area", "玉龍縣", "--store", str(store)],
        env={"COLUMNS": "100"},
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "match     programme     area              docs  mentions  "
        "evidence                  document",
        "--------  ------------  ----------------  ----  --------  "
        "------------------------  ----------------",
        "direct    三大工程      玉龍納西族自治縣  1     1         "
        "玉龙县推进“【三大工程】”  玉龙县脱贫攻坚纪",
        " " * 84 + "实",
        "direct    文旅扶貧工程  玉龍納西族自治縣  1     1         "
        "实施【文旅扶贫工程】      玉龙县脱贫攻坚纪",
        " " * 84 + "实",
        "contains  易地扶貧搬遷  麗江市            1     1         "
        "全市實施【易地扶貧搬遷】  麗江市脫貧攻堅工",
        " " * 58 + "4.43萬人                  作綜述",
    ]


def test_programmes_csv(store: Path) -> None:
    result = kg(store, "query", "programmes", "--area", "程海镇", "--format", "csv")
    assert result.exit_code == 0
    before = "programme,label,match,area,area_label,query_area,document,quote"
    added = ",start,end,quote_clean,title,file,documents,mentions"
    title = "麗江市脫貧攻堅工作綜述"
    assert result.stdout.splitlines() == [
        before + added,
        f"{ID}programme/530722/chenghai/luoxuanzao,螺旋藻产业项目,direct,{ID}area/530722/chenghai,"
        f"程海镇,{ID}area/530722/chenghai,{LIJIANG_DOC},程海鎮螺旋藻產業項目帶動,"
        f"80,92,程海鎮螺旋藻產業項目帶動,{title},,1,1",
        f"{ID}programme/530722/sanda-gongcheng,三大工程,contains,{ID}area/530722,永胜县,"
        f"{ID}area/530722/chenghai,{LIJIANG_DOC},永勝縣實施「三大工程」,"
        f"40,51,永勝縣實施「三大工程」,{title},,1,2",
        f"{ID}programme/530722/sanda-gongcheng,三大工程,contains,{ID}area/530722,永胜县,"
        f"{ID}area/530722/chenghai,{LIJIANG_DOC},「三大工程」成效明顯,"
        f"60,70,「三大工程」成效明顯,{title},,1,2",
        f"{ID}programme/530700/yidi-banqian,易地扶贫搬迁,contains,{ID}area/530700,丽江市,"
        f"{ID}area/530722/chenghai,{LIJIANG_DOC},全市實施易地扶貧搬遷4.43萬人,"
        f"12,28,全市實施易地扶貧搬遷4.43萬人,{title},,1,1",
    ]


def test_an_area_without_programmes_is_an_empty_answer(store: Path, tmp_path: Path) -> None:
    """Exit 0, and on stderr what was asked, what the store holds and where to look."""
    result = kg(store, "query", "programmes", "--area", "云南省", "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 7  # every programme is within the province
    lonely = tmp_path / "lonely.ttl"
    lonely.write_text(
        "@prefix fp: <https://w3id.org/fupin-kg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        f"<{ID}doc/0000000000000001> a fp:Document .\n"
        f'<{ID}area/530700> a fp:AdministrativeDivision ; rdfs:label "丽江市"@zh-Hans ;'
        ' skos:notation "530700" .\n'
        f'<{ID}area/530702> a fp:AdministrativeDivision ; rdfs:label "古城区"@zh-Hans ;'
        f' skos:notation "530702" ; schema:containedInPlace <{ID}area/530700> .\n'
        f'<{ID}area/530722> a fp:AdministrativeDivision ; rdfs:label "永胜县"@zh-Hans ;'
        f' skos:notation "530722" ; schema:containedInPlace <{ID}area/530700> .\n'
        f'<{ID}area/530723> a fp:AdministrativeDivision ; rdfs:label "华坪县"@zh-Hans ;'
        ' skos:notation "530723" .\n'
        f'<{ID}programme/a> a fp:Programme ; rdfs:label "三大工程"@zh-Hans ;'
        f" fp:targetsArea <{ID}area/530722> .\n",
        encoding="utf-8",
    )
    EmbeddedStore(tmp_path / "store").load([lonely])
    result = kg(tmp_path / "store", "query", "programmes", "--area", "古城區", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert result.stderr == (
        "no programme targets 古城区 (530702) in 1 document; 丽江市 (530700), which contains it,"
        " has 1\n"
    )
    result = kg(tmp_path / "store", "query", "programmes", "--area", "华坪县")
    assert result.exit_code == 0
    assert result.stderr == "no programme targets 华坪县 (530723) in 1 document\n"
    assert result.stdout == (
        "match  programme  area  docs  mentions  evidence  document\n"
        "-----  ---------  ----  ----  --------  --------  --------\n"
    )


def test_unknown_area(store: Path) -> None:
    result = kg(store, "query", "programmes", "--area", "永生县")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("Error: no area named '永生县'; closest: 永胜县 (530722)\n")


@pytest.mark.parametrize(
    "name",
    [
        '永胜县" } ; DROP ALL ; #',
        "永胜县'} UNION { ?s ?p ?o }",
        "?area",
        "530722> || true",
        "\\u0022) || (true",
        "{{永胜}}",
    ],
)
def test_a_name_with_sparql_syntax_is_just_a_name(store: Path, name: str) -> None:
    before = len(EmbeddedStore(store))
    result = kg(store, "query", "programmes", "--area", name)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: no area named {name.strip()!r}")
    assert len(EmbeddedStore(store)) == before


def test_names_of_other_things_are_not_areas(store: Path) -> None:
    for name in ("PERCENT", "三大工程", "中共丽江市委"):
        result = kg(store, "query", "programmes", "--area", name)
        assert result.exit_code == 1, name


def test_empty_area_name(store: Path) -> None:
    result = kg(store, "query", "programmes", "--area", "  ")
    assert (result.exit_code, result.stderr) == (2, "Error: empty name\n")


def test_no_store(tmp_path: Path) -> None:
    result = kg(tmp_path / "none", "query", "programmes", "--area", "永胜")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: no store at {tmp_path / 'none'} (load documents first: kg load FILE or kg build)\n"
    )


# --- one programme in many documents, deep and odd hierarchies ---------------------------------

MANY_DOC = ID + "test-doc/"
"""Not under ``…/id/doc/``: the remote tests share their servers and count those graphs."""
AREA = ID + "area/"
PROGRAMME = ID + "programme/990100/many"


def _mention(node: str, document: str, start: int, quote: str, typed: bool = True) -> str:
    position = "a oa:TextPositionSelector ; " if typed else ""
    exact = "a oa:TextQuoteSelector ; " if typed else ""
    return (
        f"<{node}> prov:wasDerivedFrom [ oa:hasSource <{document}> ; oa:hasSelector\n"
        f"  [ {position}oa:start {start} ; oa:end {start + len(quote)} ],\n"
        f'  [ {exact}oa:exact "{quote}" ] ] .\n'
    )


def many_documents(folder: Path) -> list[Path]:
    """Four documents naming one programme (one of them twice, the later quote first; one
    with selectors not typed), a village in a township of the county, a prefecture around
    it, and two areas that contain each other."""
    prefix = (
        "@prefix fp: <https://w3id.org/fupin-kg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
        "@prefix oa: <http://www.w3.org/ns/oa#> .\n"
    )
    areas = (
        f'<{AREA}990000> a fp:AdministrativeDivision ; skos:notation "990000" ;'
        ' rdfs:label "试验州"@zh-Hans .\n'
        f'<{AREA}990100> a fp:AdministrativeDivision ; skos:notation "990100" ;'
        f' rdfs:label "试验区"@zh-Hans ; schema:containedInPlace <{AREA}990000> .\n'
        f'<{AREA}990100/t1> a fp:AdministrativeDivision ; rdfs:label "试验乡"@zh-Hans ;'
        f" schema:containedInPlace <{AREA}990100> .\n"
        f'<{AREA}990100/t1/v1> a fp:AdministrativeDivision ; rdfs:label "试验村"@zh-Hans ;'
        f" schema:containedInPlace <{AREA}990100/t1> .\n"
    )
    programme = f'<{PROGRAMME}> a fp:Programme ; rdfs:label "多文档工程"@zh-Hans ;'
    programme += f" fp:targetsArea <{AREA}990100> .\n"
    documents = {
        "d1": _mention(PROGRAMME, MANY_DOC + "d1", 30, "县里启动多文档工程"),
        "d2": _mention(PROGRAMME, MANY_DOC + "d2", 90, "多文档工程二期")
        + _mention(PROGRAMME, MANY_DOC + "d2", 5, "多文档工程一期"),
        "d3": _mention(PROGRAMME, MANY_DOC + "d3", 12, "无类型的选择器", typed=False),
        "d4": _mention(PROGRAMME, MANY_DOC + "d4", 0, "多文档工程收尾")
        + f'<{ID}programme/990100/village> a fp:Programme ; rdfs:label "村道工程"@zh-Hans ;'
        f" fp:targetsArea <{AREA}990100/t1/v1> .\n"
        + _mention(f"{ID}programme/990100/village", MANY_DOC + "d4", 40, "村道工程")
        + f'<{ID}programme/990000/city> a fp:Programme ; rdfs:label "全市工程"@zh-Hans ;'
        f" fp:targetsArea <{AREA}990000> .\n"
        + _mention(f"{ID}programme/990000/city", MANY_DOC + "d4", 60, "全市工程")
        # two areas that (wrongly) contain each other
        + f'<{AREA}990200> a fp:AdministrativeDivision ; skos:notation "990200" ;'
        f' rdfs:label "环甲"@zh-Hans ; schema:containedInPlace <{AREA}990201> .\n'
        f'<{AREA}990201> a fp:AdministrativeDivision ; skos:notation "990201" ;'
        f' rdfs:label "环乙"@zh-Hans ; schema:containedInPlace <{AREA}990200> .\n'
        f'<{ID}programme/990200/loop> a fp:Programme ; rdfs:label "循环工程"@zh-Hans ;'
        f" fp:targetsArea <{AREA}990200> .\n"
        + _mention(f"{ID}programme/990200/loop", MANY_DOC + "d4", 80, "循环工程"),
    }
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, body in documents.items():
        path = folder / f"{name}.ttl"
        path.write_text(
            prefix + f"<{MANY_DOC}{name}> a fp:Document .\n" + areas + programme + body,
            encoding="utf-8",
        )
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    EmbeddedStore(folder / "store").load(many_documents(folder / "docs"))
    return folder / "store"


MANY = [
    {
        "programme": PROGRAMME,
        "label": "多文档工程",
        "match": "direct",
        "area": AREA + "990100",
        "area_label": "试验区",
        "query_area": AREA + "990100",
        "evidence": [  # by document, then by offset
            {"document": MANY_DOC + "d1", "quote": "县里启动多文档工程"},
            {"document": MANY_DOC + "d2", "quote": "多文档工程一期"},
            {"document": MANY_DOC + "d2", "quote": "多文档工程二期"},
            {"document": MANY_DOC + "d3", "quote": "无类型的选择器"},
            {"document": MANY_DOC + "d4", "quote": "多文档工程收尾"},
        ],
    },
    {
        "programme": ID + "programme/990100/village",
        "label": "村道工程",
        "match": "within",
        "area": AREA + "990100/t1/v1",
        "area_label": "试验村",
        "query_area": AREA + "990100",
        "evidence": [{"document": MANY_DOC + "d4", "quote": "村道工程"}],
    },
    {
        "programme": ID + "programme/990000/city",
        "label": "全市工程",
        "match": "contains",
        "area": AREA + "990000",
        "area_label": "试验州",
        "query_area": AREA + "990100",
        "evidence": [{"document": MANY_DOC + "d4", "quote": "全市工程"}],
    },
]


def test_one_programme_in_many_documents_is_one_record(many: Path) -> None:
    result = kg(many, "query", "programmes", "--area", "990100", "--format", "json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert as_before(answer) == MANY
    assert [(r["documents"], r["mentions"]) for r in answer] == [(4, 5), (1, 1), (1, 1)]
    table = kg(many, "query", "programmes", "--area", "试验区").stdout.splitlines()
    rows = [line for line in table[2:] if not line.startswith(" ")]  # not wrapped lines
    assert len(rows) == 3  # one row per programme, match and area


def test_places_several_levels_down_are_within(many: Path) -> None:
    result = kg(many, "query", "programmes", "--area", "990000", "--format", "json")
    assert [(r["match"], r["area"]) for r in json.loads(result.stdout)] == [
        ("direct", AREA + "990000"),
        ("within", AREA + "990100"),
        ("within", AREA + "990100/t1/v1"),
    ]


def test_an_area_is_never_within_itself(many: Path) -> None:
    """Data where two areas contain each other: each is direct for itself, and the other
    is both within and around it."""
    result = kg(many, "query", "programmes", "--area", "990200", "--format", "json")
    assert [(r["match"], r["area"]) for r in json.loads(result.stdout)] == [
        ("direct", AREA + "990200")
    ]
    result = kg(many, "query", "programmes", "--area", "990201", "--format", "json")
    assert [(r["match"], r["area"]) for r in json.loads(result.stdout)] == [
        ("within", AREA + "990200"),
        ("contains", AREA + "990200"),
    ]


def test_outcomes(store: Path) -> None:
    result = kg(store, "query", "outcomes", "--area", "丽江", "--format", "json")
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert [
        (r["area_label"], r["indicator_label"], r["value"], r["unit_notation"], r["qualifier"])
        for r in answer
    ] == [
        ("丽江市", "搬迁人口", "44300", "PERSON", "Exact"),
        ("永胜县", "群众满意度", "99.56", "PERCENT", "Exact"),
    ]
    assert answer[0]["programme"] == ID + "programme/530700/yidi-banqian"
    assert as_before(answer)[1]["evidence"] == [
        {"document": LIJIANG_DOC, "quote": "群眾滿意度達99.56%"}
    ]


def test_targets(store: Path) -> None:
    result = CliRunner().invoke(
        cli, ["query", "targets", "--area", "永勝縣", "--store", str(store)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2].split() == [
        "程海鎮",
        "脫貧戶數",
        "AtLeast",
        "2000",
        "HOUSEHOLD",
        "2020",
        "螺旋藻產業項目",
        "帶動2000戶以上脫貧",
        "麗江市脫貧攻堅工作綜述",
    ]


def test_programmes_with_their_targets(store: Path) -> None:
    result = kg(store, "query", "targets", "--format", "json")
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert (row["programme_label"], row["value"], row["period"]) == (
        "螺旋藻产业项目",
        "2000",
        "2020",
    )


def test_officials(store: Path) -> None:
    for name in ("中共麗江市委", "中共丽江市委"):
        result = kg(store, "query", "officials", "--org", name, "--format", "csv")
        assert result.exit_code == 0
        assert result.stdout.splitlines()[1].split(",")[1] == "和良輝"
    result = kg(store, "query", "officials", "--org", "丽江市委员会")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no organisation named '丽江市委员会'; closest: 中共丽江市委\n",
    )


# --- kg sparql ---------------------------------------------------------------------------------


def test_sparql_select_with_the_contract_prefixes(store: Path) -> None:
    query = (
        "SELECT ?code WHERE "
        "{ ?a a fp:AdministrativeDivision ; fp:level fp:County ; skos:notation ?code }"
    )
    result = kg(store, "sparql", query)
    assert result.exit_code == 0
    assert result.stdout == "code\n------\n530721\n530722\n530723\n530724\n"
    result = kg(store, "sparql", query + " ORDER BY DESC(?code)", "--format", "json")
    assert [r["code"] for r in json.loads(result.stdout)] == [
        "530724",
        "530723",
        "530722",
        "530721",
    ]


def test_sparql_ask_construct_and_files(store: Path, tmp_path: Path) -> None:
    assert kg(store, "sparql", "ASK { ?p a fp:Programme }").stdout == "true\n"
    assert kg(store, "sparql", "ASK { ?p a fp:Nothing }", "--format", "json").stdout == "false\n"
    query = tmp_path / "q.rq"
    query.write_text(
        "CONSTRUCT { ?a skos:notation ?c } WHERE { ?a skos:notation ?c FILTER(?c = '530722') }",
        encoding="utf-8",
    )
    result = kg(store, "sparql", f"@{query}", "--format", "csv")
    assert result.stdout == (
        "subject,predicate,object\n"
        f'<{ID}area/530722>,<http://www.w3.org/2004/02/skos/core#notation>,"""530722"""\n'
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
            "Error: refused: SERVICE (federated query) would reach other servers "
            "(query the store's own graphs)\n",
        ),
        (
            "SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }",
            "Error: refused: FROM / FROM NAMED would fetch graphs from elsewhere "
            "(query the store's own graphs)\n",
        ),
        ("SELECT * WHERE { ?s ?p }", "Error: invalid SPARQL: "),
        ("DROP ALL", "Error: refused: DROP is an update; kg sparql only reads "),
        ("  ", "Error: empty query\n"),
        ("@/nonexistent/q.rq", "Error: cannot read the query file /nonexistent/q.rq: "),
    ],
)
def test_sparql_refusals_and_errors(store: Path, query: str, message: str) -> None:
    result = kg(store, "sparql", query)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert len(EmbeddedStore(store)) == 248


def test_evidence_is_read_in_the_graph_that_states_the_mention(tmp_path: Path) -> None:
    """A mention counts where its source and quote are stated with it; a mention with two
    quotes (which the shapes refuse) still gives one evidence item, the same every time."""
    from kg.store import query

    prefix = (
        "@prefix fp: <https://w3id.org/fupin-kg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
        "@prefix oa: <http://www.w3.org/ns/oa#> .\n"
        f'<{AREA}990100> a fp:AdministrativeDivision ; skos:notation "990100" ;'
        ' rdfs:label "试验区"@zh-Hans .\n'
        f'<{PROGRAMME}> a fp:Programme ; rdfs:label "多文档工程"@zh-Hans ;'
        f" fp:targetsArea <{AREA}990100> .\n"
    )
    split = f"<{MANY_DOC}m1>"
    documents = {
        "whole": f"<{MANY_DOC}whole> a fp:Document .\n"
        + _mention(PROGRAMME, MANY_DOC + "whole", 0, "完整的引文").replace(
            'oa:exact "完整的引文" ]', 'oa:exact "完整的引文" ], [ oa:exact "又一个引文" ]'
        ),
        # the programme says it comes from m1, but m1's source and quote are in another file
        "claim": f"<{MANY_DOC}claim> a fp:Document .\n"
        f"<{PROGRAMME}> prov:wasDerivedFrom {split} .\n",
        "detail": f"<{MANY_DOC}detail> a fp:Document .\n"
        f'{split} oa:hasSource <{MANY_DOC}detail> ; oa:hasSelector [ oa:exact "别处的引文" ] .\n',
    }
    paths = []
    for name, body in documents.items():
        path = tmp_path / f"{name}.ttl"
        path.write_text(prefix + body, encoding="utf-8")
        paths.append(path)
    store = EmbeddedStore(tmp_path / "store")
    store.load(paths)
    (record,) = query.programmes(store, "990100").records
    (evidence,) = record["evidence"]  # type: ignore[misc]
    assert evidence["document"] == MANY_DOC + "whole"
    assert evidence["quote"] == "完整的引文"  # of two quotes, the greatest


def test_periods_read_as_labels_from_interval_iris(tmp_path: Path) -> None:
    """Outputs name periods by interval IRI (…/id/year/2020); the questions answer with the
    period as the text reads it, as they do for the literal periods of older graphs."""
    built = Path(__file__).parent.parent / "build" / "lijiang-2020-06-10.ttl"
    path = tmp_path / "store"
    EmbeddedStore(path).load([built])
    result = kg(path, "query", "targets", "--area", "丽江市", "--format", "json")
    assert result.exit_code == 0, result.output
    periods = {row["period"] for row in json.loads(result.stdout)}
    assert periods == {"2020"}
