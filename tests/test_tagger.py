"""kg.text.tagger gives jieba.posseg's words and tags, loads from the cache without jieba.posseg,
and its viterbi is jieba's, ties and fallbacks included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jieba
import jieba.posseg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.resources import DATA_DIR, PACKAGE_DIR
from kg.text import tagger
from kg.text.document import Document

ROOT = PACKAGE_DIR.parent
ARTICLES = sorted((ROOT / "tests" / "articles").rglob("*.txt")) + sorted(
    (DATA_DIR / "sample").glob("*.txt")
)


def _text(path: Path) -> str:
    return Document.from_path(path).text


@pytest.fixture(scope="module")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("kg-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KG_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="module")
def ours(cache_folder: Path) -> tagger.Tagger:
    """Built on a cache miss (jieba's own loading), and written to ``cache_folder``."""
    return tagger.load()


@pytest.fixture(scope="module")
def reference() -> Any:
    """What kg.text.segment used before kg.text.tagger: jieba.posseg over a tokenizer with the user
    dictionary."""
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(tagger.user_dictionary())
    return jieba.posseg.POSTokenizer(tok)


def _pairs(pos: Any, text: str) -> list[tuple[str, str]]:
    return [(p.word, p.flag) for p in pos.cut(text)]


def test_the_patterns_are_jiebas() -> None:
    for ours, theirs in [
        (tagger._HAN_DETAIL, jieba.posseg.re_han_detail),
        (tagger._SKIP_DETAIL, jieba.posseg.re_skip_detail),
        (tagger._HAN_INTERNAL, jieba.posseg.re_han_internal),
        (tagger._SKIP_INTERNAL, jieba.posseg.re_skip_internal),
        (tagger._ENG, jieba.posseg.re_eng),
        (tagger._NUM, jieba.posseg.re_num),
    ]:
        assert (ours.pattern, ours.flags) == (theirs.pattern, theirs.flags)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_articles_are_tagged_as_jieba_posseg_tags_them(
    path: Path, ours: tagger.Tagger, reference: Any
) -> None:
    text = _text(path)
    assert ours.lcut(text) == _pairs(reference, text)


def test_the_tables_are_jiebas(ours: tagger.Tagger, reference: Any) -> None:
    reference.makesure_userdict_loaded()
    assert ours.tables.tags == reference.word_tag_tab
    assert ours.tables.freq == reference.tokenizer.FREQ
    assert ours.tables.total == reference.tokenizer.total


# Characters jieba knows (its HMM has states for them), rare Han characters (all 256 states),
# and what surrounds Han text in an article.
_COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
_COMMON += "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物"
_COMMON += "脱贫攻坚乡村振兴永胜县丽江市扶贫产业搬迁户口沙马拉且欧阳明军彝族阿依莫呷"
_OTHER = "0123456789abcXYZ.,_-+#&% \n\r\t，。、！？；：“”（）０１２３ａｂ·—…"
_CHARS = st.one_of(
    st.sampled_from(_COMMON),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5),
    st.sampled_from(_OTHER),
)
_MIXED = st.text(_CHARS, max_size=40)
_HAN = st.text(
    st.one_of(st.sampled_from(_COMMON), st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5)),
    min_size=1,
    max_size=30,
)
_FAST = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_FAST
@given(_MIXED)
@example("人们閪 扪个 12.5万ab_c#d\r\n，ｂ")
def test_generated_text_is_tagged_as_jieba_posseg_tags_it(
    ours: tagger.Tagger, reference: Any, text: str
) -> None:
    assert ours.lcut(text) == _pairs(reference, text)


@_FAST
@given(_HAN)
@example("人们閪")  # equal scores: the larger state wins, as in jieba
@example("扪个")  # no state of 个 follows one of 扪: jieba's fallback
def test_viterbi_is_jiebas(ours: tagger.Tagger, text: str) -> None:
    p = jieba.posseg
    assert _outcome(ours.viterbi, text) == _outcome(
        p.viterbi, text, p.char_state_tab_P, p.start_P, p.trans_P, p.emit_P
    )


@_FAST
@given(_HAN)
@example("人们閪")
@example("的的的的一一一")  # words of the same score side by side
def test_the_route_is_jiebas(ours: tagger.Tagger, reference: Any, text: str) -> None:
    """Tagger.route: jieba's get_DAG and calc in one pass, ending each word where jieba does."""
    tok = reference.tokenizer
    route: dict[int, tuple[float, int]] = {}
    tok.calc(text, tok.get_DAG(text), route)
    assert ours.route(text) == [route[at][1] for at in range(len(text))]


def _outcome(function: Any, *args: Any) -> Any:
    try:
        return function(*args)
    except ValueError as error:  # jieba's max() over no state: ours must fail alike
        return type(error)


_CHILD = """
import builtins, io, json, sys
opened = []
real = io.open
def spy(file, *args, **kwargs):
    opened.append(str(file))
    return real(file, *args, **kwargs)
builtins.open = io.open = spy
from kg.text.document import Document
from kg.text.segment import tokenize
from pathlib import Path
out = [[(t.word, t.pos) for t in tokenize(Document.from_path(Path(p)).text)] for p in sys.argv[1:]]
json.dump({"posseg": "jieba.posseg" in sys.modules, "opened": opened, "pairs": out}, sys.stdout)
"""


def test_a_second_process_loads_the_cache_without_jieba_posseg(
    ours: tagger.Tagger, cache_folder: Path, reference: Any
) -> None:
    assert list(cache_folder.glob("tagger-*.pickle")), "the first load wrote the entry"
    paths = [str(p) for p in ARTICLES[:3]]
    env = dict(os.environ, KG_CACHE_DIR=str(cache_folder))
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, *paths],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(run.stdout)
    assert not seen["posseg"]
    assert any("tagger-" in name for name in seen["opened"])
    # jieba's dictionary and tables are never read (the user dictionary, a few hundred bytes of
    # the package's own, is: the cache keys the package's files by their contents)
    jieba_files = str(Path(jieba.__file__).parent)
    assert not [n for n in seen["opened"] if n.startswith(jieba_files) or n.endswith(".cache")]
    for path, pairs in zip(paths, seen["pairs"], strict=True):
        assert [tuple(pair) for pair in pairs] == _pairs(reference, _text(Path(path)))


def test_the_user_dictionarys_comments_are_not_words(ours: tagger.Tagger) -> None:
    assert "脱贫攻坚" in ours.tables.freq
    assert not [word for word in ours.tables.freq if word.startswith("#")]
