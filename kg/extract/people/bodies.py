"""The organisation a post is held in: abbreviations expanded with their division
(县委 -> 某县委员会), national bodies, Party organs, bodies named in full.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.facts import Division, Level, Organisation
from kg.extract.people.lexicon import (
    LEVEL_CHARS,
    _body_prefixes,
    _body_suffixes,
    _national_bodies,
    _org_rows,
    entries,
    longest_first,
)
from kg.extract.people.names import _HAN, _NameReader

_NOT_IN_BODY = re.compile(r"关于|同志|任命|免去|辞去|决定|担任")
_NATIONAL_UNIT_LONGEST = 12
"""Characters of a national body's internal units after its name (人权事务局宣传处)."""


class _BodyReader(_NameReader):
    """The names reader, and the bodies posts are held in."""

    def _level_match(self, division: Division, level: str | None) -> bool:
        return level is None or division.name.endswith(level)

    def resolve(self, level: str | None, at: int, context: list[Division]) -> Division | None:
        """The division an abbreviation at ``at`` belongs to (see the module's docstring)."""
        if level == "村":
            # 派驻甲村担任支部书记，…派驻乙村担任支部书记: a village named in the clause
            clause = self._clause_start(at, 0, "，,；;。\n")
            for mention in reversed(self.places[: bisect_right(self.place_starts, at)]):
                if mention.span.start < clause:
                    break
                if mention.span.end <= at and self._level_match(mention.division, level):
                    return mention.division
        for division in reversed(context):
            if self._level_match(division, level):
                return division
        sentence = self.doc.sentence_of(at)
        before = [p for p in self.places if p.span.end <= at]
        for mention in reversed(before):
            if mention.span.start < sentence.start:
                break
            if self._level_match(mention.division, level):
                return mention.division
        if self.jurisdiction is not None:
            for division in self.jurisdiction.chain():
                if self._level_match(division, level):
                    return division
            if level is None:
                return self.jurisdiction
        for mention in reversed(before):
            if self._level_match(mention.division, level):
                return mention.division
        return None

    def _from_row(
        self, abbrev: str, division: Division | None, start: int | None, end: int | None
    ) -> Organisation | None:
        row = _org_rows()[abbrev]
        unnamed = "{name}" in row.template and division is None
        if unnamed:
            # 县委书记 in an article that never names its county: the post stands, its body is
            # the county's committee, named by its level and kept within this document
            name = row.template.format(name=row.level) if row.level else abbrev
        else:
            name = row.template.format(name=division.name if division else "")
        parent = None
        if row.parent and row.parent in _org_rows():
            parent = self._from_row(row.parent, division, None, None)
        span = self.doc.span(start, end) if start is not None and end is not None else None
        return Organisation(
            name=name,
            span=span,
            division=division if "{name}" in row.template else None,
            parent=parent,
            scope=self.doc.sha256[:16] if unnamed else None,
        )

    def _generic(
        self, division: Division, rest: str, start: int, end: int, longest: int = 16
    ) -> Organisation | None:
        if not rest.endswith(longest_first("org_suffixes")) or len(rest) > longest:
            return None
        if _NOT_IN_BODY.search(rest):
            return None  # 市人大常委会关于任命甲同志为市政府: a clause, not one body's name
        if rest[0] in LEVEL_CHARS and division.name.endswith(rest[0]):
            rest = rest[1:]
        if len(rest) < 2:
            return None  # 县|委: an ending alone (工商联, 医院 are bodies of their own)
        name = division.name + rest
        if rest.endswith(entries("own_name_suffixes")):
            name = self.text[start:end]  # 云南某某集团, 青海大学: the name as written
        return Organisation(name=name, span=self.doc.span(start, end), division=division)

    def organisation(
        self, start: int, end: int, context: list[Division], unplaced: bool = False
    ) -> tuple[int, Organisation] | None:
        """The longest organisation written as a suffix of ``text[start:end]``; ``unplaced``:
        the post before it in the chain has a body whose division the text never names, and
        so does an abbreviation of no level (县委常委、政法委书记 where no county is named)."""
        rows = _org_rows()
        text = self.text
        for k in range(start, end):
            body = k + 2 if text.startswith("中共", k) else k
            if body >= end:
                continue
            place = next(
                (p for p in self.places if p.span.start == body and p.span.end < end + 1), None
            )
            if place is not None and place.span.end <= end:
                rest = text[place.span.end : end]
                level = text[place.span.end - 1]
                if not rest:
                    continue
                if level in LEVEL_CHARS and level + rest in rows:
                    found = self._from_row(level + rest, place.division, k, end)
                elif rest in rows:
                    found = self._from_row(rest, place.division, k, end)
                else:
                    found = self._generic(place.division, rest, k, end)
                if found is not None:
                    return self._under_national(start, k, end, found)
                continue
            if self._in_place(body, body + 1):
                continue  # 宁夏回族|自治区党委: the body's own words start with the place
            rest = text[body:end]
            if rest in rows:
                row = rows[rest]
                division = None
                if "{name}" in row.template and not (unplaced and row.level is None):
                    division = self.resolve(row.level, k, context)
                found = self._from_row(rest, division, k, end)
                if found is not None:
                    return k, found
            elif (
                rest[0] in LEVEL_CHARS
                and rest.endswith(longest_first("org_suffixes"))
                and len(rest) <= 20
            ):
                division = self.resolve(rest[0], k, context)
                # 省人大常委会教育科学文化卫生工作委员会: a level's working committee, long
                found = self._generic(division, rest, k, end, 20) if division else None
                if found is None and division is None and k == start and self._unplaced(rest):
                    # 市扶贫开发办公室|副主任 where the text never names its city: the body as
                    # written, kept within this document
                    scope = self.doc.sha256[:16]
                    found = Organisation(name=rest, span=self.doc.span(k, end), scope=scope)
                if found is not None:
                    return k, found
            elif k == start and (
                found := self._province_body(rest, k, end, context)
                or self._party_body(rest, k, end)
            ):
                return k, found
            elif body > k and re.fullmatch(r"[\u4e00-\u9fff]{2,10}[省市州县区]委", rest):
                # 中共XX县委 whose place the gazetteer did not resolve: keep it as written
                return k, Organisation(name=text[k:end], span=self.doc.span(k, end))
            elif (k == start and (found := self._national_unit(rest, k, end))) or (
                found := self._prefixed_body(rest, k, end, context)
            ):
                # 中宣部某局某处|处长: a national body's unit; 国务院扶贫开发领导小组|组长
                return k, found
            elif k == start and self._own_named(rest) and not self._determined(k):
                # 青海大学|党委副书记, 某某实业有限公司|董事长: a body with a name of its own
                return k, Organisation(name=rest, span=self.doc.span(k, end))
        joined = start > 0 and self.text[start - 1] == "、"
        opens = self._clause_start(start, self.sentence_start, "，,；;：") == start
        if joined or (opens and self.text.endswith(entries("group_bodies"), start, end)):
            bare = self._chained_body(start, end, context[-1] if context else None)
            if bare is not None:
                return start, bare
        return None

    def _national_unit(self, rest: str, start: int, end: int) -> Organisation | None:
        """某部人事司|处长, 中宣部某局某处|处长: a national body's internal unit written after it
        (see ``people_national_units.txt``), as written, under the body."""
        national, longest = _national_bodies()
        for n in range(min(longest, len(rest) - 2), 1, -1):
            if rest[:n] not in national:
                continue
            unit = rest[n:]
            if (
                len(unit) > _NATIONAL_UNIT_LONGEST
                or not unit.endswith(entries("national_units"))
                or not all(_HAN.fullmatch(c) for c in unit)
                or _NOT_IN_BODY.search(unit)
            ):
                return None
            parent = self._from_row(rest[:n], None, None, None)
            return Organisation(name=rest, span=self.doc.span(start, end), parent=parent)
        return None

    def _under_national(
        self, start: int, at: int, end: int, found: Organisation
    ) -> tuple[int, Organisation]:
        """A place's body at ``at`` written after the national body it belongs to
        (国家统计局|某省调查总队): the whole as written, a body of the national one."""
        national, longest = _national_bodies()
        for opens in range(max(start, at - longest), at - 1):
            prefix = self.text[opens:at]
            if prefix not in national:
                continue
            parent = self._from_row(prefix, None, None, None)
            name = self.text[opens:end]
            span = self.doc.span(opens, end)
            return opens, Organisation(name=name, span=span, division=found.division, parent=parent)
        return at, found

    def _unplaced(self, rest: str) -> bool:
        """Whether ``rest`` is a level's body with a name ending of two characters or more
        (市扶贫开发办公室), no clause in it."""
        return (
            4 <= len(rest) <= 16
            and rest.endswith(_body_suffixes())
            and all(_HAN.fullmatch(c) for c in rest)
            and not _NOT_IN_BODY.search(rest)
        )

    def _determined(self, at: int) -> bool:
        """Whether a numeral, measure word or pronoun opens the words at ``at`` (一家公司)."""
        token = self.tokens.get(at)
        return token is not None and token.pos[:1] in ("m", "q", "r")

    def _own_named(self, rest: str) -> bool:
        """Whether ``rest`` is the whole name of an enterprise or university (see
        ``people_own_name_suffixes.txt``): three to twelve Han characters, no clause in it."""
        return (
            3 <= len(rest) <= 12
            and rest.endswith(entries("own_name_suffixes"))
            and all(_HAN.fullmatch(c) for c in rest)
            and not _NOT_IN_BODY.search(rest)
        )

    def _party_body(self, rest: str, start: int, end: int) -> Organisation | None:
        """A democratic party's committee written with its division's name (九三学社某省委):
        the party's, as its row for the bare level word (九三学社省委) expands it."""
        party = next((p for p in entries("parties") if rest.startswith(p)), None)
        if party is None:
            return None
        place = next((p for p in self.places if p.span.start == start + len(party)), None)
        if place is None or place.span.end >= end:
            return None
        tail = self.text[place.span.end : end]  # 省委 after 云南, 委 after 云南省
        key = party + tail
        if key not in _org_rows():
            key = party + self.text[place.span.end - 1] + tail
        if key not in _org_rows():
            return None
        return self._from_row(key, place.division, start, end)

    def _province_body(
        self, rest: str, start: int, end: int, context: list[Division]
    ) -> Organisation | None:
        """A department written bare (农业农村厅|厅长): the province's of the sentence or the
        document, as only provinces have them."""
        if not 3 <= len(rest) <= 10 or not rest.endswith(entries("province_bodies")):
            return None
        if not all(_HAN.match(c) for c in rest):
            return None
        chain = [*reversed(context)]
        if self.jurisdiction is not None:
            chain.extend(self.jurisdiction.chain())
        province = next((d for d in chain if d.level is Level.PROVINCE), None)
        if province is None:
            return None
        span = self.doc.span(start, end)
        return Organisation(name=province.name + rest, span=span, division=province)

    def _prefixed_body(
        self, rest: str, start: int, end: int, context: list[Division]
    ) -> Organisation | None:
        """A body named after a national one or a region's own word for itself:
        国务院扶贫开发领导小组 (of 国务院), 自治区扶贫开发领导小组 (of the region in
        question).  Only bodies with a name ending of two characters or more (领导小组, 指挥部)."""
        if len(rest) > 16 or not rest.endswith(_body_suffixes()):
            return None
        rows = _org_rows()
        span = self.doc.span(start, end)
        for prefix in _body_prefixes():
            if not rest.startswith(prefix) or rest == prefix or rest[len(prefix)] == "、":
                continue
            row = rows[prefix]
            if "{name}" not in row.template:
                parent = self._from_row(prefix, None, None, None)
                return Organisation(name=rest, span=span, parent=parent)
            division = self.resolve(row.level, start, context)
            if division is None:
                return None
            own = rest[len(prefix) :]
            return Organisation(name=division.name + own, span=span, division=division)
        return None

    def _chained_body(self, start: int, end: int, division: Division | None) -> Organisation | None:
        """A body written bare after 、 in a chain of posts (…常务副主席、脱贫攻坚指挥部|总指挥长),
        or a working body opening a clause (扶贫工作队|队长, see ``people_group_bodies.txt``),
        when its name ends like one (指挥部, 领导小组) and holds no place: a body of the
        division of the sentence's earlier posts, else one kept within the document."""
        rest = self.text[start:end]
        if len(rest) > 12 or self._in_place(start, end) or _NOT_IN_BODY.search(rest):
            return None
        # after 、 a longer name with any body's ending will do (…、督查组第一组|组长)
        listed = self.text[start - 1] == "、" and len(rest) >= 5
        if not rest.endswith(_body_suffixes() + entries("group_bodies")) and not (
            listed and rest.endswith(longest_first("org_suffixes"))
        ):
            return None
        span = self.doc.span(start, end)
        if division is None:
            return Organisation(name=rest, span=span, scope=self.doc.sha256[:16])
        return Organisation(name=division.name + rest, span=span, division=division)

    def implied(self, abbrev: str, at: int, context: list[Division]) -> Organisation | None:
        rows = _org_rows()
        if abbrev not in rows:
            return None
        row = rows[abbrev]
        # a division named right before the title: 新华村|党支部书记 -> 新华村
        for p in self.places:
            if p.span.end in (at, at + 1) and self._level_match(p.division, row.level):
                return self._from_row(abbrev, p.division, None, None)
        division = self.resolve(row.level, at, context) if "{name}" in row.template else None
        return self._from_row(abbrev, division, None, None)
