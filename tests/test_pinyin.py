"""kg.text.pinyin gives pypinyin's ``lazy_pinyin(text, style=Style.TONE)`` without importing
pypinyin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style
from pypinyin import lazy_pinyin as reference

from kg.rdf.labels import pinyin, to_simplified
from kg.resources import data_path, package_dir
from kg.text.pinyin import lazy_pinyin

ARTICLES = Path(__file__).parent / "articles"


def _mismatches(texts: list[str]) -> list[tuple[str, list[str], list[str]]]:
    out = []
    for text in texts:
        ours, theirs = lazy_pinyin(text), reference(text, style=Style.TONE)
        if ours != theirs:
            out.append((text, ours, theirs))
    return out


def test_examples() -> None:
    assert lazy_pinyin("") == []
    assert lazy_pinyin("何玉兰") == ["hé", "yù", "lán"]
    # phrases read as the phrase dictionary gives them, not character by character
    assert lazy_pinyin("重庆市重要") == ["chóng", "qìng", "shì", "zhòng", "yào"]
    # a run without Han characters is one item, kept as it is
    assert lazy_pinyin("第2020 年") == ["dì", "2020 ", "nián"]
    assert pinyin("农村人居环境整治") == "nóng cūn rén jū huán jìng zhěng zhì"
    assert pinyin("（十百千）工程") == "（ shí bǎi qiān ） gōng chéng"


def test_every_division_name_of_the_gazetteer() -> None:
    names = set()
    for line in data_path("gazetteer/divisions.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        names.add(fields[1])
        names.update(f for f in fields[2].split(",") if f)
    assert len(names) > 40000
    assert _mismatches(sorted(names)) == []


def _article_labels() -> set[str]:
    """The simplified labels the graph reads in pinyin: people and programmes, as extracted
    from every test article, and as annotated."""
    from kg.extract import extract
    from kg.text.document import Document

    labels: set[str] = set()
    for path in sorted(ARTICLES.rglob("*.txt")):
        if "source" in path.parts:
            continue
        doc = Document.from_path(path)
        facts = extract(doc)
        spans = [p.span for p in facts.people] + [p.span for p in facts.programmes]
        for span in spans:
            written = span.written
            labels.add(to_simplified(written) if doc.script == "Hant" else written)
    for annotation in ARTICLES.rglob("*.json"):
        data = json.loads(annotation.read_text(encoding="utf-8"))
        labels.update(person["name"] for person in data.get("people", []))
        labels.update(programme["name"] for programme in data.get("programmes", []))
        labels.update(data.get("programmes_optional", []))
    return labels


def test_labels_of_people_and_programmes_in_the_articles() -> None:
    labels = _article_labels()
    assert len(labels) > 50
    assert _mismatches(sorted(labels)) == []


def _phrases() -> list[str]:
    data = json.loads((package_dir("pypinyin") / "phrases_dict.json").read_text(encoding="utf-8"))
    return sorted(data)


_PHRASES = _phrases()

# Han characters of every range pypinyin knows (and a few beside them), the characters of the
# genre's text, and phrases of its dictionary, so that maximal matching crosses phrase edges.
_CHARS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
    st.sampled_from(
        "\u3007\u3006\ue814\ue815\ue864\ue865\ufa18\uf900\ufaff\U00020000\U0002a6df\U0002a6e0"
        "\U0002a703\U0002b81d\U0002b81e\U0002d016\U0002f80a\U0003134a\U00032389\U0003238a"
    ),
    st.sampled_from("，。、；：“”‘’（）《》—…·! ()-.%0123456789abcXYZ \t\n\u3000\ufffd"),
    st.characters(),
)
_PIECES = st.one_of(
    _CHARS, st.sampled_from(_PHRASES), st.sampled_from(_PHRASES).map(lambda p: p[1:])
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_same_as_pypinyin_on_generated_text(text: str) -> None:
    assert lazy_pinyin(text) == reference(text, style=Style.TONE)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_same_as_pypinyin_on_any_text(text: str) -> None:
    assert lazy_pinyin(text) == reference(text, style=Style.TONE)


def test_pinyin_does_not_import_pypinyin(tmp_path: Path) -> None:
    """The point of kg.text.pinyin: a cold start does not pay for pypinyin's import."""
    code = (
        "import sys; from kg.rdf.labels import pinyin; "
        "assert pinyin('玉龙纳西族自治县') == 'yù lóng nà xī zú zì zhì xiàn'; "
        "assert 'pypinyin' not in sys.modules, 'pypinyin imported'"
    )
    for cache in (str(tmp_path / "cache"), str(tmp_path / "cache"), "off"):  # miss, hit, off
        env = dict(os.environ, KG_CACHE_DIR=cache)
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True)
        assert done.returncode == 0, done.stderr.decode()


@pytest.mark.parametrize("text", ["长江", "银行行长", "一行", "〇", "\ue815"])
def test_single_words(text: str) -> None:
    assert lazy_pinyin(text) == reference(text, style=Style.TONE)
