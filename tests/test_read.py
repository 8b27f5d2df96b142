"""Reading and decoding articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text.read import decode, read_article

TRADITIONAL = "麗江市委副書記何玉蘭表示，全市脫貧攻堅取得決定性成就。"
SIMPLIFIED = "丽江市委副书记何玉兰表示，全市脱贫攻坚取得决定性成就。"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (TRADITIONAL, "utf-8"),
        (TRADITIONAL, "big5"),
        (TRADITIONAL, "gb18030"),
        (SIMPLIFIED, "utf-8"),
        (SIMPLIFIED, "gb18030"),
    ],
)
def test_decodes_chinese_encodings_from_the_bytes(text: str, encoding: str) -> None:
    decoded, detected = decode(text.encode(encoding))
    assert decoded == text
    assert detected == ("utf-8" if encoding == "utf-8" else detected)


def test_utf8_bom_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbf" + SIMPLIFIED.encode())[0] == SIMPLIFIED


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(128, 256)) * 8, "cannot decode"),
    ],
)
def test_refuses_what_is_not_an_article(raw: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(raw, "x.txt")


def test_read_article_names_the_problem(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_article(tmp_path)
