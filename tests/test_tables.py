"""Tables of indicators read by their rows and columns (kg.extract.tables)."""

from __future__ import annotations

from decimal import Decimal

from kg.extract import extract, gazetteer, tables
from kg.extract.facts import Kind, Measurement, Qualifier
from kg.text.document import Document

# a county's report, its table copied from a web page one cell per line, the last bracket lost
ONE_CELL_PER_LINE = """三、主要指标完成情况

2022年全县主要预期目标完成情况

序号

指标名称

2022年目标

完成情况

1

农村居民人均可支配收入增长（%

8

7.4

2

粮食总产量（万吨）

—

12.5

3

全县招商引资工作成效明显
"""

# columns apart by tabs, the unit in a column of its own
TAB_SEPARATED = (
    "附表\n"
    "指标\t单位\t预期目标\t实际完成\n"
    "一般公共预算收入\t亿元\t3.2以上\t3.35\n"
    "城镇调查失业率\t%\t5.5以内\t4.9%\n"
    "说明：以上数据为快报数。\n"
)


def _jurisdiction() -> gazetteer.Division:
    division = gazetteer.by_code("610327")  # 陇县
    assert division is not None
    return division


def _rows(text: str) -> list[Measurement]:
    doc = Document.from_text(text)
    return [m for table in tables.read(doc, _jurisdiction()) for m in table.measurements]


def test_cells_one_per_line_give_each_column_its_kind_and_the_headers_year() -> None:
    rows = _rows(ONE_CELL_PER_LINE)
    found = [(m.kind, m.indicator, m.quantity.value, m.quantity.unit, m.period) for m in rows]
    assert found == [
        (Kind.TARGET, "农村居民人均可支配收入增长", Decimal(8), "PERCENT", "2022"),
        (Kind.OUTCOME, "农村居民人均可支配收入增长", Decimal("7.4"), "PERCENT", "2022"),
        (Kind.OUTCOME, "粮食总产量", Decimal(125000), "TONNE", "2022"),
    ]
    assert all(m.area == _jurisdiction() and not m.period_inferred for m in rows)


def test_provenance_is_the_row_up_to_the_value_and_the_number_its_cell() -> None:
    doc = Document.from_text(ONE_CELL_PER_LINE)
    outcome = tables.read(doc, None)[0].measurements[1]
    assert outcome.quantity.span.text == "7.4"
    assert outcome.span.text.startswith("农村居民人均可支配收入增长（%")
    assert outcome.span.text.endswith("7.4")
    assert outcome.indicator_span is not None
    assert outcome.indicator_span.text == "农村居民人均可支配收入增长"


def test_a_unit_column_scales_and_qualifiers_in_cells_bound_the_value() -> None:
    rows = _rows(TAB_SEPARATED)
    found = [(m.kind, m.quantity.value, m.quantity.unit, m.quantity.qualifier) for m in rows]
    assert found == [
        (Kind.TARGET, Decimal(320000000), "CNY", Qualifier.AT_LEAST),
        (Kind.OUTCOME, Decimal(335000000), "CNY", Qualifier.EXACT),
        (Kind.TARGET, Decimal("5.5"), "PERCENT", Qualifier.AT_MOST),
        (Kind.OUTCOME, Decimal("4.9"), "PERCENT", Qualifier.EXACT),
    ]


def test_a_table_without_target_or_outcome_columns_is_left_to_the_clauses() -> None:
    text = "指标名称 | 涨跌幅(%) |\n居民消费价格 | 1.2 |\n食品 | -0.5 |\n"
    assert tables.read(Document.from_text(text), None) == []


def test_the_clause_reader_does_not_read_the_tables_cells_again() -> None:
    text = "全县去年工作回顾。\n" + TAB_SEPARATED
    facts = extract(Document.from_text(text))
    percent = [m for m in facts.measurements if m.quantity.unit == "PERCENT"]
    assert [(m.kind, m.quantity.value) for m in percent] == [
        (Kind.TARGET, Decimal("5.5")),
        (Kind.OUTCOME, Decimal("4.9")),
    ]


# a bulletin's table of one indicator's parts, one cell per line, the title's 表 lost in copying
# and one row garbled (its share cannot be its count over the whole)
PARTS_OF_ONE_INDICATOR = """表2 2023 年年末户籍人口数及构成

年末数(万人)

比重(%

户籍人口

20.00

100.0

#男性

10.40

52.00

女性

9.60

48.00

其他

0

7

全县财政收入稳步增长。
"""


def test_a_table_of_one_indicators_parts_gives_each_part_its_count_and_share() -> None:
    rows = _rows(PARTS_OF_ONE_INDICATOR)
    found = [(m.kind, m.indicator, m.quantity.value, m.quantity.unit, m.period) for m in rows]
    assert found == [
        (Kind.OUTCOME, "年末户籍人口", Decimal(200000), "PERSON", "2023"),
        (Kind.OUTCOME, "年末户籍人口比重", Decimal(100), "PERCENT", "2023"),
        (Kind.OUTCOME, "年末户籍人口：男性", Decimal(104000), "PERSON", "2023"),
        (Kind.OUTCOME, "年末户籍人口比重：男性", Decimal(52), "PERCENT", "2023"),
        (Kind.OUTCOME, "年末户籍人口：女性", Decimal(96000), "PERSON", "2023"),
        (Kind.OUTCOME, "年末户籍人口比重：女性", Decimal(48), "PERCENT", "2023"),
    ]
    assert all(m.area == _jurisdiction() for m in rows)
