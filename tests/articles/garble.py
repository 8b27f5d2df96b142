"""Reproducibly make the traditional and garbled test articles from their simplified sources.

    python tests/articles/garble.py          # rewrite the generated articles
    python tests/articles/garble.py --check  # exit 1 when a generated article is out of date

The corruption imitates the sample article (kg/data/sample/lijiang-2020-06-10.txt), whose
garbling was reverse-engineered byte for byte:

1. the simplified text is converted to traditional characters mechanically (OpenCC ``s2t``);
2. pinyin readings are pasted after some characters: ``書(shū)``.  Whether a character gets a
   reading depends on the character alone (like the sample, where 書 always has one and 總
   never), and only characters that the conversion changed are candidates;
3. mojibake: each run marked ``⟦…⟧`` in the source is encoded as GBK, its first byte is lost,
   and the rest is decoded as GB18030 one byte out of step (user-defined GBK codes become
   private-use characters, as in the sample's ``兄\\ue1a1迹``); the lost leading byte and any
   dangling trailing byte become ``?``.  (``堡壘。“思為行之始…`` becomes ``堡壘?!八紴樾兄…``:
   ``garble_run`` reproduces the sample's runs exactly, apart from one character that the
   sample lost as well.)
4. full-width commas, colons, exclamation marks and parentheses become ASCII, and characters
   that GBK cannot encode (©) become ``?``; after step 3, so garbled runs keep their bytes.

Only the standard library, OpenCC and pypinyin are needed.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "source"
RUN = re.compile(r"⟦(.*?)⟧", re.S)
PUNCTUATION = str.maketrans({"，": ",", "：": ":", "！": "!", "（": "(", "）": ")"})


def to_traditional(simplified: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2t").convert(simplified))


def garble_run(text: str) -> str:
    """GBK bytes of ``text`` read one byte out of step, the lost bytes shown as ``?``."""
    data = text.encode("gbk")
    decoded = data[1:].decode("gb18030", errors="replace")
    return "?" + decoded.replace("\ufffd", "?")


def wants_reading(char: str) -> bool:
    """A fixed, character-dependent choice of about two thirds of the candidates."""
    return hashlib.md5(char.encode("utf-8")).digest()[0] % 3 != 0


def add_readings(simplified: str, traditional: str) -> str:
    """Paste the pinyin reading (read in context from the simplified text) after characters
    that the conversion changed, outside the ``⟦…⟧`` runs."""
    from pypinyin import Style, pinyin

    assert len(simplified) == len(traditional), "s2t changed the length"
    readings = pinyin(simplified, style=Style.TONE, errors=lambda s: [[c] for c in s])
    assert len(readings) == len(simplified), "pinyin lost the alignment"
    out: list[str] = []
    in_run = False
    for simple, trad, reading in zip(simplified, traditional, readings, strict=True):
        in_run = (in_run or trad == "⟦") and trad != "⟧"
        out.append(trad)
        if not in_run and simple != trad and wants_reading(trad):
            out.append(f"({reading[0]})")
    return "".join(out)


def lose_unencodable(text: str) -> str:
    return "".join(
        ch if "\ue000" <= ch <= "\uf8ff" or ch.encode("gbk", errors="ignore") else "?"
        for ch in text
    )


def traditional_article(simplified: str) -> str:
    return to_traditional(simplified)


def garbled_article(simplified: str) -> str:
    traditional = to_traditional(simplified)
    annotated = add_readings(simplified, traditional)
    garbled = RUN.sub(lambda m: garble_run(m.group(1)), annotated)
    return lose_unencodable(garbled.translate(PUNCTUATION))


def build() -> dict[Path, str]:
    """Generated article path → its text, for every source: ``source/`` here and in each
    held-out set's folder; an article whose name says ``garbled`` is garbled, the others are
    only converted to traditional characters."""
    out: dict[Path, str] = {}
    sources = [*SOURCES.glob("*.zh-Hans.txt"), *HERE.glob("*/source/*.zh-Hans.txt")]
    for source in sorted(sources):
        stem = source.name.removesuffix(".zh-Hans.txt")
        simplified = source.read_text(encoding="utf-8")
        make = garbled_article if "garbled" in stem.split("-") else traditional_article
        out[source.parent.parent / f"{stem}.txt"] = make(simplified)
    return out


def main(argv: list[str]) -> int:
    stale = []
    for path, text in build().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if "--check" in argv:
            stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(HERE)}")
    if stale:
        print("out of date: " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
