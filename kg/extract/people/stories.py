"""The people of a story: a word for a kind of people, then the name (贫困户甲, 村民乙)."""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.facts import Level, Organisation, Post
from kg.extract.people.bylines import _BylineReader
from kg.extract.people.lexicon import (
    entries,
    entry_set,
    longest_first,
)
from kg.extract.people.names import _HAN, _NOT_NAME_START_TAGS
from kg.extract.people.titles import _BODY_STOPS

_STORY_BODY_LONGEST = 12
"""Characters of a body named before a story's cue (某某种养殖专业合作社负责人)."""
_AGE_OF = re.compile(
    r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})岁(?:[\u4e00-\u9fff]{2,6}?)?的"
    r"|生于[0-9]{4}年(?:[0-9]{1,2}月)?的"
    r"|[0-9]{4}年(?:[0-9]{1,2}月)?(?:出生|生)的"
)
"""An age or a year of birth, then 的: a person's name follows (37岁的甲, 31岁大专学历的乙,
生于1956年的丙, 1964年出生的丁)."""
_LIST_AFTER_NAME = re.compile(r"[\u4e00-\u9fff]?[、等]")
"""What follows a two- or three-character name that is an item of a list: 、 or 等."""
_DESCRIBED_AFTER = re.compile(
    r"[(（](?:前排|后排)?(?:左起|右起|左|右|中)[一二三四五六七八九十]*[)）]"
    r"|[，,](?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})岁[，,]"
)
"""What a caption or a profile writes right after a person's name: where the person stands in
the photo (甲(右二)请来…) or the person's age between commas (乙，46岁，中共党员)."""
_HOUSEHOLD_CLOSE = re.compile(r"(?:[一二两三四五六七八九十]户|户(?=[，,。、；;和与及\n]))")
"""What closes a list of households named by their heads: their count (甲、乙两户) or 户 before
punctuation or a conjunction (丙户和丁户，)."""
_LEADERS = "领导"
"""The ending of collective titles of leaders in meeting reports (县领导, 在家市领导)."""


class _StoryReader(_BylineReader):
    """The credits reader, and the people of a story."""

    def _villagers(self, start: int, end: int) -> None:
        """A name right after a village's, in a list (如：甲村张三、乙村李四等困难家庭): a
        resident of the village, listed as inspection notices list the households they
        found."""
        first = bisect_right(self.place_starts, start - 1)
        for place in self.places[first : bisect_right(self.place_starts, end)]:
            if place.division.level != Level.VILLAGE or place.span.end >= end:
                continue
            at = place.span.end
            if not _LIST_AFTER_NAME.match(self.text, at + 2, end):
                continue  # no 、 or 等 where a name of two or three characters would end
            name_end = self.name_at(at, end)
            if name_end is not None and self.text[name_end : name_end + 1] in ("、", "等"):
                self._add_new([(at, name_end)])

    def _households(self, start: int, end: int) -> None:
        """Households named by their heads, between a kind of household or a village and
        their count in words or 户 (核查边缘户甲、乙两户, 某某村丙户和丁户): people, as
        inspection reports name the households they visited."""
        for match in _HOUSEHOLD_CLOSE.finditer(self.text, start, end):
            at = match.start()
            floor = self._clause_start(at, start)
            found = (
                found + len(word)
                for word in longest_first("households")
                if (found := self.text.rfind(word, floor, at)) >= 0
            )
            village = self.text.rfind("村", floor, at) + 1
            if village and self.text.endswith(entries("not_villages"), floor, village):
                village = 0
            opener = max(*found, village, -1)
            if opener > 0 and (names := self._list_at(opener, at)):
                self._add_new(names)

    def _aged_people(self, start: int, end: int) -> None:
        """A name after an age or a year of birth and 的 (37岁的甲, 生于1956年的乙)."""
        for match in _AGE_OF.finditer(self.text, start, end):
            name_end = self.name_at(match.end(), end)
            if name_end is not None:
                self._add_new([(match.end(), name_end)])

    def _described_people(self, start: int, end: int) -> None:
        """A name that opens a clause, then its place in a photo or an age (甲(右二)请来…,
        乙，46岁，…): a person, as captions and profiles name one."""
        for match in _DESCRIBED_AFTER.finditer(self.text, start, end):
            floor = self._clause_start(match.start(), start)
            name_start = self.name_before(match.start(), floor)
            if name_start == floor:
                self._add_new([(name_start, match.start())])

    def _story_people(self, start: int, end: int) -> None:
        text = self.text
        taken: set[int] = set()
        for cue in longest_first("cues"):
            at = text.find(cue, start, end)
            while at >= 0:
                after = at + len(cue)
                # 榕江县|领导甲、乙: a named place's level character opens 县领导 too
                opens = at in self.bounds or (
                    cue.endswith(_LEADERS)
                    and at + len(cue) - len(_LEADERS) in self.bounds
                    and self._in_place(at, at + 1)
                )
                if opens and after in self.bounds and at not in taken:
                    taken.update(range(at, after))
                    if not any(m.span.start == after for m in self.mentions):
                        listed = self._name_list(after, end, None)
                        if listed == after and cue.endswith(_LEADERS):
                            self._leader_with_rare_surname(after, end)
                        elif listed == after:
                            # 村民|次仁|说: a Tibetan or Mongolian name has no surname to list
                            parts = self._titled_syllable_name_end(after, end)
                            if parts is not None:
                                self._add(after, parts, [])
                        elif listed > after and cue in entry_set("story_posts"):
                            self._story_post(start, at, after)
                at = text.find(cue, after, end)

    def _story_post(self, start: int, at: int, name: int) -> None:
        """某某合作社负责人甲: the cue at ``at`` is the post of the person named at ``name`` in
        the body written before it in its clause, one of a name of its own before its kind."""
        opens = self._clause_start(at, start, _BODY_STOPS + "。！？\n")
        while (
            (word := self.tokens.get(opens)) is not None
            and word.end < at
            and (
                word.pos[:1] in _NOT_NAME_START_TAGS  # 据|某合作社负责人: not the body's
            )
        ):
            opens = word.end
        body = self.text[opens:at]
        kind = next((s for s in longest_first("org_suffixes") if body.endswith(s)), "")
        if not kind or len(body) == len(kind) or len(body) > _STORY_BODY_LONGEST:
            return
        if not all(_HAN.fullmatch(c) for c in body):
            return
        organisation = Organisation(
            name=body, span=self.doc.span(opens, at), scope=self.doc.sha256[:16]
        )
        span = self.doc.span(at, name)
        holder = next(m for m in self.mentions if m.span.start == name)
        holder.posts.append(Post(span=span, role_span=span, organisation=organisation))

    def _leader_with_rare_surname(self, at: int, end: int) -> None:
        """The first of a list of names after a collective title of leaders (市领导甲、乙) whose
        surname is too rare to be listed (产, 揭): two or three characters closed by 、 and
        followed by a name."""
        for n in (3, 2):
            stop = at + n
            if stop >= end or self.text[stop] != "、":
                continue
            if not all(_HAN.fullmatch(c) for c in self.text[at:stop]):
                return
            name = self.text[at:stop]
            if (
                name in entry_set("not_names")
                or self.doc.is_masked(at, stop)
                or self._in_place(at, stop)
            ):
                return
            if self._list_item_end(stop + 1, end) is None:
                return
            self._add(at, stop, [])
            self._name_list(stop, end, None, first=False)
            return
