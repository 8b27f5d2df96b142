"""Document metadata from the page header, and page boilerplate."""

from __future__ import annotations

import pytest

from kg.extract import metadata
from kg.extract.boilerplate import boilerplate_spans
from kg.text.document import Document

HEADER = "全县脱贫攻坚取得决定性成就\n\n{date} 来源：花垣县融媒体中心 阅读量1024\n\n正文。"


@pytest.mark.parametrize(
    ("date", "created"),
    [
        ("2021-03-05 08:15:00", "2021-03-05T08:15:00"),
        ("2021-03-05 08:15", "2021-03-05T08:15:00"),
        ("2021年3月5日", "2021-03-05"),
        ("2021/3/5", "2021-03-05"),
        ("2021-03-05 27:15:00", "2021-03-05"),  # a garbled time keeps the date
        ("2021-02-30", None),  # no such day
    ],
)
def test_publication_date(date: str, created: str | None) -> None:
    assert metadata.extract(Document.from_text(HEADER.format(date=date))).created == created


def test_title_and_publisher_as_written() -> None:
    doc = Document.from_text(
        "全縣脫貧攻堅取得決定性成就\n2021-03-05 來源：花垣縣融媒體中心\n正文。"
    )
    meta = metadata.extract(doc)
    assert meta.title is not None and meta.title.written == "全縣脫貧攻堅取得決定性成就"
    assert meta.publisher == "花垣縣融媒體中心"


def test_no_header_no_metadata() -> None:
    meta = metadata.extract(Document.from_text("全市累计脱贫4.43万户。" * 20))
    assert meta.created is None
    assert meta.title is None


def test_boilerplate_clauses() -> None:
    doc = Document.from_text(
        "标题\n正文说全市脱贫。\n新闻热线/0888-5122344\n【法律声明】不得转载。\n扫码转发"
    )
    lines = [doc.text[s:e] for s, e in boilerplate_spans(doc)]
    assert lines == ["新闻热线/0888-5122344", "【法律声明】不得转载。", "扫码转发"]
