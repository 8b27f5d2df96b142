"""斤 is written as the text writes it: its own unit, JIN, not converted to kilograms."""

from decimal import Decimal

from kg.extract import quantities
from kg.pipeline import process_document
from kg.text.document import Document

TEXT = (
    "会宁县实施脱贫攻坚\n发布时间:2021-12-30\n2021年,会宁县粮食总产量达到3.6亿斤,发放大米50公斤。\n"
)


def test_jin_keeps_its_own_unit_and_value() -> None:
    found = quantities.extract(Document.from_text(TEXT))
    assert [(q.value, q.unit) for q in found] == [
        (Decimal(360000000), "JIN"),
        (Decimal(50), "KG"),
    ]


def test_a_figure_in_jin_conforms_and_names_its_unit() -> None:
    result = process_document(Document.from_text(TEXT))
    assert result.validation.conforms, result.validation.results
    turtle = result.turtle.decode()
    assert "sdmx-attribute:unitMeasure fp:Jin" in turtle
    assert 'skos:notation "JIN"' in turtle
