"""Fuzzing (hypothesis): no exception escapes, exit codes stay in {0, 1, 2}, offsets in bounds.

Examples are bounded (``max_examples``) so that the suite stays fast; for a longer hunt set
``KG_FUZZ_EXAMPLES`` (``KG_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py``).
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import cli
from kg.text.normalise import normalise

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "60"))
CLI_EXAMPLES = max(EXAMPLES // 3, 10)

# Text like the genre's: Han characters, full-width punctuation, digits, pinyin readings in
# parentheses, mojibake-looking runs, control characters and everything else now and then.
GENRE = st.sampled_from(
    list("永胜县脱贫攻坚万亿户人元亩多以上近约，。、；：“”（）()《》%‰0123456789.")
    + ["(shào)", "(zhǎng)", "锟斤拷", "鐨勫", "\ufffd", "\u3000", "\r\n", "\x00", "\ud7ff"]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(GENRE, max_size=120).map("".join))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(TEXT)
def test_normalise_keeps_the_offset_map_exact(text: str) -> None:
    result = normalise(text)
    assert result.original == text
    assert len(result.text) == len(result.clean) == len(result.starts) == len(result.ends)
    for start, end in zip(result.starts, result.ends, strict=True):
        assert 0 <= start <= end <= len(text)
    assert list(result.starts) == sorted(result.starts)
    for repair in result.repairs:
        assert 0 <= repair.start <= repair.end <= len(text)
        assert text[repair.start : repair.end] == repair.before
    for start in range(len(result.text) + 1):
        a, b = result.to_original(start, start)
        assert 0 <= a == b <= len(text)


@SETTINGS
@given(TEXT, st.data())
def test_spans_map_back_inside_the_original(text: str, data: st.DataObject) -> None:
    result = normalise(text)
    n = len(result.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    a, b = result.to_original(start, end)
    assert 0 <= a <= b <= len(text)


NUMBERS = st.one_of(
    st.text(max_size=30),
    st.lists(
        st.sampled_from(list("0123456789０１２.．,，万亿千百十一二两三四五六七八九零〇点多余")),
        max_size=25,
    ).map("".join),
)


@pytest.mark.skipif(
    importlib.util.find_spec("kg.extract.numbers") is None, reason="kg.extract.numbers absent"
)
@SETTINGS
@given(NUMBERS)
def test_number_parser_returns_a_decimal_or_none(text: str) -> None:
    from decimal import Decimal

    from kg.extract.numbers import parse_number

    value = parse_number(text)
    assert value is None or isinstance(value, Decimal)
    if value is not None:
        assert value.is_finite()


# --- the command line on arbitrary bytes ---------------------------------------------------------

BYTES = st.one_of(
    st.binary(max_size=400),
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    TEXT.map(lambda t: t.encode("gb18030", "replace")),
)


def _invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # an exception escaped: let hypothesis shrink it
    assert result.exit_code in (0, 1, 2), result.exit_code
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr, result.stderr
    return result.exit_code, result.stderr


@settings(
    max_examples=CLI_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(BYTES)
def test_build_on_arbitrary_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.txt"
        path.write_bytes(raw)
        code, err = _invoke(["build", "--no-store", "-o", str(Path(tmp) / "out"), str(path)])
        if code == 2:
            assert err.startswith("Error: ") and err.count("\n") == 1


RDF_LIKE = st.one_of(
    BYTES,
    st.lists(
        st.sampled_from(
            [
                "@prefix fp: <https://w3id.org/fupin-kg/ontology#> .",
                "<https://w3id.org/fupin-kg/id/it>",
                "a",
                "fp:Outcome",
                "fp:AdministrativeDivision",
                "<http://www.w3.org/2004/02/skos/core#notation>",
                '"530722"',
                '"永胜县"@zh-Hans',
                '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                '"x"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                ";",
                ".",
                ",",
                "[",
                "]",
                "{",
                "}",
                '"@context"',
                '"@id"',
                ":",
                "\n",
                "_:b",
                "<g>",
            ]
        ),
        max_size=40,
    ).map(lambda parts: " ".join(parts).encode()),
)


@pytest.mark.parametrize("suffix", [".ttl", ".jsonld", ".nq"])
@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=RDF_LIKE)
def test_validate_on_arbitrary_bytes(suffix: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(raw)
        code, err = _invoke(["validate", str(path)])
        if code == 2:
            assert err.startswith("Error: ") and err.count("\n") == 1


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BYTES)
def test_validate_article_on_arbitrary_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.txt"
        path.write_bytes(raw)
        _invoke(["validate", str(path)])
