"""The normaliser: pinyin readings, mojibake, script, and the offset map back to the original."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text.edits import MASK, Edit
from kg.text.normalise import apply_edits, normalise, strip_pinyin
from kg.text.script import convert_script

HERE = Path(__file__).parent
SAMPLE = HERE.parent / "kg" / "data" / "sample" / "lijiang-2020-06-10.txt"
CASES = json.loads((HERE / "cases" / "normalise.json").read_text(encoding="utf-8"))


# --- reproducing the corruption mechanically ---------------------------------------------------

LOST = 256


@cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def _reading(ch: str) -> str:
    from pypinyin import Style, pinyin

    return pinyin(ch, style=Style.TONE)[0][0]


def annotate(text: str) -> str:
    """Paste a reading after each character that simplification changes: 書 -> 書(shū)."""
    out = []
    for ch in text:
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff" and _t2s().convert(ch) != ch:
            out.append(f"({_reading(ch)})")
    return "".join(out)


def _decode(stream: list[int]) -> str:
    """GBK decoding as the corrupting tool did it: ``?`` for a lost byte and for an invalid
    pair (both bytes), then full-width forms narrowed to ASCII."""
    out, i = [], 0
    while i < len(stream):
        byte = stream[i]
        if byte == LOST:
            out.append("?")
            i += 1
        elif byte < 0x80:
            out.append(chr(byte))
            i += 1
        elif i + 1 < len(stream) and stream[i + 1] != LOST:
            try:
                ch = bytes(stream[i : i + 2]).decode("gb18030")
            except UnicodeDecodeError:
                ch = "?"
            out.append(ch if len(ch) == 1 else "?")
            i += 2
        else:
            out.append("?")
            i += 1
    text = "".join(out)
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)


def corrupt(text: str, at: int, how: str) -> tuple[str, str] | None:
    """``(annotated, garbled)``: ``annotate(text)`` corrupted at character ``at`` of ``text``.

    ``lost``: the first byte of that character is lost, and the bytes after it are read out of
    step; ``reading``: a reading is pasted between that character's two bytes, as when the
    tool read the previous character's last byte and this one's first as one character.
    """
    annotated = annotate(text)
    stream: list[int] = []
    offsets: dict[int, int] = {}
    k = i = 0
    while i < len(annotated):
        if annotated[i] == "(" and i > 0:
            j = annotated.index(")", i)
            stream.extend(annotated[i : j + 1].encode("gb18030"))
            i = j + 1
            continue
        offsets[k] = len(stream)
        stream.extend(annotated[i].encode("gb18030"))
        k += 1
        i += 1
    pos = offsets[at]
    if stream[pos] < 0x80:
        return None
    if how == "lost":
        stream[pos] = LOST
    else:
        try:
            misread = bytes(stream[pos - 1 : pos + 1]).decode("gb18030")
        except UnicodeDecodeError:
            return None
        if len(misread) != 1 or not "\u4e00" <= misread <= "\u9fff":
            return None
        stream[pos + 1 : pos + 1] = f"({_reading(misread)})".encode("gb18030")
    garbled = _decode(stream)
    return (annotated, garbled) if garbled != annotated else None


INVENTED = [
    "縣鄉兩級幹部深入農戶家中,宣傳產業扶持政策,幫助貧困群眾發展種植養殖業。",
    "全縣實現了1.2萬戶貧困人口脫貧,易地搬遷安置點配套建設學校和衛生室。",
    "村幹部帶領群眾種植核桃和花椒,人均純收入達到八千元以上。",
    "鎮黨委書記帶隊走訪慰問困難黨員,送去慰問金和生活物資。",
    "通過發展鄉村旅遊,帶動周邊農戶就業增收,鞏固脫貧攻堅成果。",
]


def _generated() -> list[tuple[str, str]]:
    cases = []
    for sentence in INVENTED:
        for at in range(1, len(sentence)):
            for how in ("lost", "reading"):
                made = corrupt(sentence, at, how)
                if made:
                    cases.append(made)
    return cases


GENERATED = _generated()


# --- the sample's cases (see /work/shared/sample/README.md) ------------------------------------


def test_pinyin_readings_are_stripped() -> None:
    assert normalise("奮力書(shū)寫(xiě)脫貧攻堅(jiān)").clean == "奮力書寫脫貧攻堅"


def test_genuine_parentheses_stay() -> None:
    assert normalise("縣(區(qū))").clean == "縣(區)"
    assert normalise("鄉(xiāng)鎮(zhèn)(鎮(zhèn)區(qū))").clean == "鄉鎮(鎮區)"
    assert normalise("計劃(2018—2020)》").clean == "計劃(2018—2020)》"


def test_full_width_parentheses() -> None:
    assert normalise("總書（shū）記").clean == "總書記"


def test_reading_after_non_han_needs_tone_marks() -> None:
    assert strip_pinyin("App(a)") == []
    assert [e.kind for e in strip_pinyin("谵r(nóng)")] == ["pinyin"]


def test_sample_quotation_is_repaired() -> None:
    garbled = "堡壘?!八紴樾兄\ue1a1迹\ue0eb袨樗贾\ue18a??!丙惤\ue143欣斡浛倳?shū)記"
    result = normalise(garbled)
    # 成 is truly lost: both bytes of "成。" lost one each, nothing tells which
    assert result.clean == f"堡壘。“思為行之始，行為思之{MASK}。”麗江市牢記總書記"
    assert [r.kind for r in result.repairs] == ["mojibake-repaired"]
    repair = result.repairs[0]
    assert garbled[repair.start : repair.end] == repair.before
    assert repair.before.startswith("?!八") and repair.before.endswith("倳?shū)")


def test_sample_lost_byte_from_word() -> None:
    assert normalise("“兩個確?!钡哪繕?biāo)、").clean == "“兩個確保”的目標、"


def test_sample_reading_inside_a_character() -> None:
    assert normalise("如我們?cè)谵r(nóng)村").clean == "如我們在農村"


def test_sample_header() -> None:
    assert normalise("閱讀量38786 字?jǐn)?shù)4769").clean == "閱讀量38786 字數4769"


def test_repaired_run_maps_to_the_span_it_replaces() -> None:
    original = "如我們?cè)谵r(nóng)村"
    result = normalise(original)
    at = result.clean.index("在農")
    start, end = result.to_original(at, at + 2)
    assert original[start:end] == "?cè)谵r"
    assert result.to_original(result.clean.index("村"), result.clean.index("村") + 1) == (
        original.index("村"),
        original.index("村") + 1,
    )


def test_sample_document() -> None:
    original = SAMPLE.read_text(encoding="utf-8")
    result = normalise(original)
    kinds = Counter(r.kind for r in result.repairs)
    assert kinds["mojibake-repaired"] == 5
    assert kinds["pinyin"] > 500
    assert result.script == "Hant"
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in result.clean)
    assert "(shū)" not in result.clean and "shū)" not in result.clean
    for phrase in ("麗江市牢記總書記", "兩個確保", "我們在農村", "不獲全勝決不收兵", "字數4769"):
        assert phrase in result.clean
    # untouched: genuine parentheses, the lost © signs, the phone number
    for phrase in ("縣(區)", "鄉鎮(鎮區)", "(2018—2020)", "?麗江市廣播電視臺", "0888—5122344"):
        assert phrase in result.clean
    assert len(result.text) == len(result.clean) == len(result.starts) == len(result.ends)
    for repair in result.repairs:
        assert original[repair.start : repair.end] == repair.before


def test_script_and_simplified_text() -> None:
    result = normalise("麗江市委堅持把學習重要論述作為首選議題")
    assert result.script == "Hant"
    assert result.text == "丽江市委坚持把学习重要论述作为首选议题"
    simplified = normalise("丽江市委坚持把学习重要论述作为首选议题")
    assert simplified.script == "Hans"
    assert simplified.text == simplified.clean == simplified.original


def test_convert_script_keeps_the_length() -> None:
    text = "乾隆年間的著作,後來"
    assert len(convert_script(text)) == len(text)


def test_variants_opencc_leaves_are_simplified_in_place() -> None:
    # 陜 (U+965C) written for 陝, and the Japanese-shaped 郷: OpenCC's t2s leaves both
    original = "蘇陜兩省在郷鎮合辦工廠"
    result = normalise(original)
    assert result.text == "苏陕两省在乡镇合办工厂"
    assert result.clean == original
    assert result.to_original(1, 2) == (1, 2)
    assert convert_script("陜西", "s2t") == "陜西"  # only the way to simplified


# --- data-driven cases -------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, str]) -> None:
    assert normalise(case["input"]).clean == case["clean"]


# --- generated corruption of invented sentences ------------------------------------------------


_REMNANT = re.compile(r"[a-zü\u00e0-\u01dc]+\)")


def _harmless(repaired: str, expected: str, garbled: str) -> bool:
    """Every difference is a MASK, a left ``?``, or garbled text left as it was: never a wrong
    character made up by the repair."""
    matcher = difflib.SequenceMatcher(None, repaired, expected, autojunk=False)
    for op, a0, a1, _b0, _b1 in matcher.get_opcodes():
        piece = repaired[a0:a1]
        if op == "equal" or not piece:
            continue
        if set(piece) <= {MASK, "?"} or piece in garbled or piece in _REMNANT.sub("", garbled):
            continue
        return False
    return True


@pytest.mark.parametrize("annotated,garbled", GENERATED)
def test_generated_corruption_is_never_repaired_wrongly(annotated: str, garbled: str) -> None:
    expected = normalise(annotated).clean
    repaired = normalise(garbled).clean
    assert _harmless(repaired, expected, garbled), (garbled, repaired, expected)


def _repaired(annotated: str, garbled: str) -> bool:
    """Repaired to the original text, but for characters truly lost (MASK)."""
    got, want = normalise(garbled).clean, normalise(annotated).clean
    return len(got) == len(want) and all(a in (b, MASK) for a, b in zip(got, want, strict=True))


def test_generated_corruption_is_mostly_repaired() -> None:
    repaired = sum(_repaired(annotated, garbled) for annotated, garbled in GENERATED)
    assert repaired / len(GENERATED) > 0.6


# --- clean text passes through -----------------------------------------------------------------

CLEAN = [
    "全市累计投入农村人居环境整治资金7.9亿元,91.23%的乡镇实现生活垃圾收集处理。",
    "新闻热线/0888—5122344 举报邮箱:LjrmTS@163.com",
    "What is this? 这是什么?是扶贫项目吗?",
    "访问 https://www.lijiang.cn/news?id=12&p=3 了解更多",
    "(一)坚持靶向施策;(二)坚持服务为民。",
    "Rural revitalisation (乡村振兴) in Yunnan, 2018-2020.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_unchanged(text: str) -> None:
    result = normalise(text)
    assert result.clean == text
    assert result.repairs == ()
    assert result.starts == tuple(range(len(text)))


# --- properties --------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("書寫區鄉鎮麗江市在農村的貧困(（)）?!,。“”、 \n0123456789abcshūxiěqūnóngāé")
    + ["\ue1a1", "\ue0eb", "迹", "袨", "倳", "谵", MASK, "😀", "\u3000"]
)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60) | st.text(max_size=40))
def test_offset_map_properties(original: str) -> None:
    result = normalise(original)
    n = len(result.text)
    assert n == len(result.clean) == len(result.starts) == len(result.ends)
    assert all(
        0 <= s <= e <= len(original) for s, e in zip(result.starts, result.ends, strict=True)
    )
    assert list(result.starts) == sorted(result.starts)
    assert list(result.ends) == sorted(result.ends)
    for i in range(n + 1):
        start, end = result.to_original(i, n)
        assert 0 <= start <= end <= len(original)
    if not result.repairs:
        assert result.clean == original
        assert result.starts == tuple(range(len(original)))
        assert result.ends == tuple(range(1, len(original) + 1))
    for repair in result.repairs:
        assert original[repair.start : repair.end] == repair.before


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30), st.data())
def test_apply_edits_maps_replacements_to_their_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    replacement = data.draw(st.text(max_size=3))
    out, starts, ends = apply_edits(
        text, range(len(text)), range(1, len(text) + 1), [Edit(start, end, replacement, "x")]
    )
    assert out == text[:start] + replacement + text[end:]
    assert len(starts) == len(ends) == len(out)
    if end > start:
        assert starts[start : start + len(replacement)] == [start] * len(replacement)
        assert ends[start : start + len(replacement)] == [end] * len(replacement)
