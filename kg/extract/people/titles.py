"""Posts: the titles in a clause, the body written or implied before each, and chains of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.facts import Division, Organisation, Post
from kg.extract.lexicon import title_words, titles
from kg.extract.people.bodies import _NOT_IN_BODY, _BodyReader
from kg.extract.people.lexicon import (
    LEVEL_CHARS,
    _appointment_verb_pattern,
    _body_officers,
    _group_body_after,
    _org_rows,
    _party_organ,
    _zone_bodies,
    _zone_endings,
    entries,
    entry_set,
    longest_first,
)
from kg.extract.people.names import _ADVERB_OR_FUNCTION_TAGS, _HAN, _PAIRED_SECRETARIES, _Mention

_CHAIN_JOINERS = ("、", "兼", " ", "\u3000", "")
_CHAINS_JOINERS = (*_CHAIN_JOINERS, "，", ",")
"""What joins two chains of posts of one name: a comma too, where no name closes the first
(某市委常委，某工作队领队，某县副县长甲: a cadre's posts at home, in the team and as host)."""
_TITLE_BODY_STOPS = '，。、；：:,;/／|丨︱｜ \u3000“”"《》()（）【】'
"""Marks before which the body written before a title does not reach."""
_BODY_STOPS = '，。、；：:,;的“”"《》()（）【】 \u3000'
_LEVEL_DETERMINERS = "该本我全"
"""Words that make a level character stand for a place (该镇, 本村)."""
_DEPUTY_PREFIXES = ("常务副", "副")
_POST_QUOTES = {"“": "”", "「": "」"}
"""Quote marks a feature puts round a post after its body (某村党组织“第一书记”)."""
_PAIRED_HEAD = re.compile(r"、[\u4e00-\u9fff]{2,4}?(?:同志)?(?P<level>[省市州县区旗乡镇])长")
"""A head of government named by a bare title right after a secretary named the same way
(甲书记、乙省长, 丙书记、丁县长): the pair of leaders of one place."""
_OWN_DETERMINER = "本"
_ENTRUSTED_BY = "受"
_ENTRUSTING = "委托"
"""受办党组书记甲委托: the body that entrusts, the document's own (see ``_Reader._own_body``)."""
_QUOTE_OPENERS = {"”": "“", "」": "「"}
"""Closing quote marks and their openers, round a body's short name (省扶贫“两会”)."""
_QUOTED_BODY_LONGEST = 8
_QUOTED_LEAD_LONGEST = 6
_QUOTED_UNIT_LONGEST = 6
_QUOTED_BODY_LEVELS = "省市州县区旗乡镇"
"""Characters of a quoted body's name: its quoted short name, the level and field before it
(省扶贫), a unit of it after (咨询组); a village's words (村民称他为“…”) open no body."""


@dataclass
class _TitleHit:
    start: int
    end: int
    title: str
    org_start: int
    """Start of the organisation written before the title (== start when none)."""
    org: Organisation | None


class _TitleReader(_BodyReader):
    """The bodies reader, and the posts written in a clause."""

    def _name_end_before_verb(self, start: int, chain: list[_TitleHit]) -> int:
        """End of the name from ``start`` that closes right before ``chain``: not the
        one-character appointment verb jieba read as the name's last character (王某任|某市委
        副书记 is 王某, appointed), where the post's body is written out after it; a name
        that stands before its post without a verb has its title bare (顾琨书记)."""
        end = chain[0].org_start
        if (
            end - start >= 3
            and self.text[end - 1] in longest_first("appointment_verbs")
            and chain[0].org is not None
            and chain[0].org_start < chain[0].start
            and self._valid_name(start, end - 1)
        ):
            return end - 1
        return end

    def _titles_in(self, start: int, end: int) -> list[_TitleHit]:
        hits: list[_TitleHit] = []
        at = start
        floor = start
        lexicon = title_words()
        while at < end:
            for word in lexicon.at(self.text, at):
                n = len(word)
                if at in self.bounds or at + n in self.bounds:
                    if self.text[at + n : at + n + 1] in ("会", "处"):
                        continue  # 常委会, 书记处
                    following = self.tokens.get(at + n)
                    if (
                        at not in self.bounds
                        and following is not None
                        and following.word[-1] in LEVEL_CHARS
                        and len(following.word) < 3
                    ):
                        continue  # 城厢镇|长|居村: the title's last character opens a village's
                    body_end = at
                    if (
                        at - 1 > floor
                        and self.text[at - 1] in _POST_QUOTES
                        and self.text[at + n : at + n + 1] == _POST_QUOTES[self.text[at - 1]]
                    ):
                        body_end = at - 1  # 某村党组织|“第一书记”: a feature quotes the post
                    seg = body_end
                    while seg > floor and self.text[seg - 1] not in _TITLE_BODY_STOPS:
                        seg -= 1
                    seg = self._after_appointment_verb(seg, body_end)
                    context = [h.org.division for h in hits if h.org and h.org.division]
                    unplaced = bool(
                        hits
                        and hits[-1].org is not None
                        and hits[-1].org.scope is not None
                        and self.text[hits[-1].end : seg] in _CHAIN_JOINERS
                    )
                    org = (
                        self.organisation(seg, body_end, context, unplaced)
                        if seg < body_end
                        else None
                    )
                    if org is None and seg < at and word[0] in longest_first("org_suffixes"):
                        # 组织部长, 公安局长: the body's last character opens the title too
                        org = self.organisation(seg, at + 1, context, unplaced)
                    if (
                        org is None
                        and seg < at - 1
                        and self.text[at - 1] in entry_set("former_marks")
                    ):
                        # 扶贫办|原|副主任: the former post's body stands before the mark
                        org = self.organisation(seg, at - 1, context, unplaced)
                    if org is None and seg > floor and self.text[seg - 1] in _QUOTE_OPENERS:
                        org = self._quoted_body(floor, seg, body_end, context)
                    if org is None and body_end - seg == 2:
                        org = self._own_body(seg, body_end)
                    if org is None:
                        org = self._zone_body(seg, at, word)
                    org_start, organisation = org if org else (at, None)
                    # 镇长提名人选: the nominee's mark is part of the title as written
                    marks = entries("nominee_suffixes")
                    if self.text.startswith(marks, at + n):
                        n += next(len(m) for m in marks if self.text.startswith(m, at + n))
                    hits.append(_TitleHit(at, at + n, word, org_start, organisation))
                    at += n
                    floor = at
                    break
            else:
                at += 1
        return hits

    def _after_appointment_verb(self, seg: int, body_end: int) -> int:
        """Where the body before a title starts, after the last appointment verb of two
        characters or more between ``seg`` and ``body_end`` (甲兼任|某某学院党委书记): the
        words before it are the person's, no part of the body's own name."""
        for found in reversed(list(_appointment_verb_pattern().finditer(self.text, seg, body_end))):
            if found.start() in self.bounds and found.end() in self.bounds:
                return found.end()
        return seg

    def _own_body(self, seg: int, end: int) -> tuple[int, Organisation] | None:
        """我办|一级巡视员, 受办|党组书记…委托: the document's own body writing of itself (see
        ``people_own_bodies.txt``), named 本 and its kind, kept within this document."""
        written = self.text[seg:end]
        kind = written[1]
        if written not in entry_set("own_bodies") and not (
            written[0] == _ENTRUSTED_BY
            and _OWN_DETERMINER + kind in entry_set("own_bodies")
            and self.text.find(_ENTRUSTING, end, self.sentence_end) >= 0
        ):
            return None
        name = _OWN_DETERMINER + kind
        scope = self.doc.sha256[:16]
        return seg, Organisation(name=name, span=self.doc.span(seg, end), scope=scope)

    def _quoted_body(
        self, floor: int, closed: int, end: int, context: list[Division]
    ) -> tuple[int, Organisation] | None:
        """省扶贫“两会”|会长, 省扶贫“两会”咨询组|组长: a body whose own short name the text
        quotes (closed at ``closed``), after its level and field, maybe with a unit of it
        after the quote; named as its division's, without the quote marks."""
        text = self.text
        opening = _QUOTE_OPENERS[text[closed - 1]]
        opened = text.rfind(opening, max(floor, closed - 1 - _QUOTED_BODY_LONGEST), closed - 1)
        unit = text[closed:end]
        quoted = text[opened + 1 : closed - 1]
        if opened < 0 or len(unit) > _QUOTED_UNIT_LONGEST or len(quoted) < 2:
            return None
        if not all(_HAN.fullmatch(c) for c in quoted + unit):
            return None
        start = opened
        while start > floor and opened - start < _QUOTED_LEAD_LONGEST:
            if text[start - 1] in _BODY_STOPS or not _HAN.fullmatch(text[start - 1]):
                break
            start -= 1
        lead = text[start:opened]
        place = next((p for p in self.places if p.span.start == start), None)
        if place is not None and place.span.end <= opened:
            division: Division | None = place.division
            field_words = text[place.span.end : opened]
        elif lead[:1] in _QUOTED_BODY_LEVELS:
            division = self.resolve(lead[0], start, context)
            field_words = lead[1:]
        else:
            return None
        if division is None or _NOT_IN_BODY.search(lead):
            return None
        if any(
            token.pos[:1] in _ADVERB_OR_FUNCTION_TAGS + ("r", "u")
            for at, token in self.tokens.items()
            if start <= at < opened
        ):
            return None  # 市里把他称为“…”: a clause, not a body's level and field
        name = division.name + field_words + quoted + unit
        return start, Organisation(name=name, span=self.doc.span(start, end), division=division)

    def _zone_body(self, seg: int, at: int, title: str) -> tuple[int, Organisation] | None:
        """The body of a development zone written before a title at ``at`` (from ``seg`` on):
        茶陵县经济开发区|党工委书记, 潢川开发区|主任 (its 管委会), 管委会|主任 or 该区党工委|书记
        after the zone was named (see ``people_zones.tsv``)."""
        text = self.text
        bodies = _zone_bodies()
        body = next((b for b in bodies if text.startswith(b, at) and title.startswith(b)), None)
        end = at + len(body) if body else at
        if body is None:
            body = next((b for b in bodies if text.endswith(b, seg, at)), None)
            if body is None:
                body = next((b for b, word in bodies.items() if word in title), None)
                if body is None or not text.endswith(_zone_endings(), seg, at):
                    return None
            zone_end = end - len(body) if text.endswith(body, seg, at) else end
        else:
            zone_end = at
        written = text[seg:zone_end]
        if written.endswith(_zone_endings()):
            place = next((p for p in self.places if seg <= p.span.start < zone_end), None)
            start = place.span.start if place is not None else seg
            zone = text[start:zone_end]
            division = place.division if place is not None else None
        elif written in ("", "该区", "区"):
            named = self._zone_before(seg)
            if named is None:
                return None
            start, zone, division = seg, named, None
        else:
            return None
        return start, Organisation(
            name=zone + body, span=self.doc.span(start, end), division=division
        )

    def _zone_before(self, at: int) -> str | None:
        """The name of the last development zone written before ``at``: from its ending back
        to the place it opens with (江西省国家级上饶经济开发区 -> 上饶经济开发区)."""
        found = max(
            ((self.text.rfind(e, 0, at), e) for e in _zone_endings()), key=lambda hit: hit[0]
        )
        ending_at, ending = found
        if ending_at < 0:
            return None
        end = ending_at + len(ending)
        start = ending_at
        while start > 0 and start > ending_at - 12 and self.text[start - 1] not in _BODY_STOPS:
            start -= 1
        place = next((p for p in reversed(self.places) if start <= p.span.start < ending_at), None)
        if place is None:
            return None
        return self.text[place.span.start : end]

    def _title_body(self, hit: _TitleHit, context: list[Division]) -> Organisation | None:
        """A title that opens with a body after a place: 可乐乡|党委书记 -> 中共可乐乡委员会;
        or after a level word standing for a place named before (该镇党委书记, …。镇党委书记):
        the division is resolved as for 县委 (see the module's docstring); or after a short
        name and the level character its full name ends in (西藏|区|党委副书记)."""
        place = next((p for p in self.places if p.span.end == hit.start), None)
        before = self.text[hit.start - 1] if hit.start else ""
        short = next(
            (
                p
                for p in self.places
                if p.span.end == hit.start - 1 and before in LEVEL_CHARS
                if p.division.name.endswith(before) and self.text[p.span.end - 1] != before
            ),
            None,
        )
        if place is not None:
            division: Division | None = place.division
            start, level = place.span.start, self.text[place.span.end - 1]
        elif short is not None:
            division, start, level = short.division, short.span.start, before
        elif self._bare_level(hit.start):
            division, start, level = None, hit.start - 1, self.text[hit.start - 1]
        else:
            return None
        rows = _org_rows()
        for length in range(len(hit.title) - 1, 1, -1):
            prefix = hit.title[:length]
            key = level + prefix if level + prefix in rows else prefix
            if key not in rows:
                continue
            if division is None:
                division = self.resolve(rows[key].level or level, start, context)
            if division is not None and self._level_match(division, rows[key].level):
                return self._from_row(key, division, start, hit.start + length)
        region = place is not None and place.division.name.endswith("自治区")
        if place is not None and region and hit.title in entry_set("region_heads"):
            # 某某自治区|主席: the head of the region's government
            return self._from_row("区人民政府", place.division, start, hit.start)
        if place is not None and level == "村" and not titles().get(hit.title):
            # 新华村|指挥长: a head of the village's own working body, of the village itself
            return self._from_row("村", place.division, start, hit.start)
        return None

    def _bare_level(self, at: int) -> bool:
        """Whether a level character alone stands before ``at`` (镇|党委书记, 该镇|…), not the
        end of a name the gazetteer does not know (某某镇|党委书记)."""
        if at < 1 or self.text[at - 1] not in LEVEL_CHARS:
            return False
        before = self.text[at - 2] if at >= 2 else ""
        return not _HAN.match(before) or before in _LEVEL_DETERMINERS

    def _named_body(self, hit: _TitleHit) -> Organisation | None:
        """The body a bare head's title names by its last character, written earlier in the
        sentence: 驻村工作队…队长, 合作社…社长 (a title X长 heads a body ending in X)."""
        if len(hit.title) < 2 or not hit.title.endswith("长"):
            return None
        head = hit.title[-2]
        at = self.text.rfind(head, self.sentence_start, hit.org_start)
        while at >= 0:
            end = at + 1
            if end in self.bounds and end < hit.org_start:
                start = at
                while start > self.sentence_start and self.text[start - 1] not in _BODY_STOPS:
                    start -= 1
                found = self.organisation(start, end, [])
                if found is not None:
                    return found[1]
            at = self.text.rfind(head, self.sentence_start, at)
        return None

    def _post(self, hit: _TitleHit, context: list[Division]) -> Post | None:
        organisation = hit.org or self._title_body(hit, context)
        if organisation is None and not titles().get(hit.title):
            organisation = self._named_body(hit)
        if organisation is None:
            implied = titles().get(hit.title)
            if implied:
                organisation = self.implied(implied, hit.start, context)
        if organisation is None and hit.title in _PAIRED_SECRETARIES:
            paired = _PAIRED_HEAD.match(self.text, hit.end, self.sentence_end)
            if paired is not None:
                # 甲书记、乙省长: the secretary of the Party committee of the place the head
                # named next to him heads
                level = paired.group("level")
                committee = "党委" if level in "乡镇" else "委"
                organisation = self.implied(level + committee, hit.start, context)
        if organisation is None:
            return None
        role_start = hit.start
        body = organisation.span
        if hit.org is None and body is not None and hit.start < body.end < hit.end:
            role_start = body.end  # 东山乡|党委|书记: the body opens the title, the role is 书记
        elif hit.title[1:] in titles() and (
            self.place_start_by_end.get(hit.start + 1, hit.start) < hit.start
            or (hit.start > 0 and self.text[hit.start - 1] in _LEVEL_DETERMINERS)
        ):
            # 新华村|党支部书记, 该村|党支部书记: the village's name (or 该村, 本村) holds the
            # title's 村, and the role is the rest; 村党支部书记 only where nothing names it
            role_start = hit.start + 1
        organ = _party_organ(hit.title) if hit.org is not None else None
        if organ is not None and not organisation.name.endswith(organ):
            # 某集团|党委|书记: the secretary of the body's Party committee
            role_start = hit.start + len(organ)
            organisation = Organisation(
                name=organisation.name + organ,
                span=self.doc.span(hit.org_start, role_start),
                division=organisation.division,
                parent=organisation,
            )
        return Post(
            span=self.doc.span(hit.org_start, hit.end),
            role_span=self.doc.span(role_start, hit.end),
            organisation=organisation,
        )

    def _chains(self, start: int, end: int) -> list[list[_TitleHit]]:
        """Titles joined by 、 or 兼 with no name between them: the posts of one person."""
        chains: list[list[_TitleHit]] = []
        closed = True
        for hit in self._titles_in(start, end):
            opens = hit.org_start
            if hit.org is None:
                # 县委书记、东山乡|党委书记: the title's body is a place's, read later (see
                # _title_body); the place opens the post
                opens = self.place_start_by_end.get(opens, opens)
            gap = self.text[chains[-1][-1].end : opens] if chains else ""
            mark = next((m for m in entries("nominee_marks") if gap.endswith(m)), "")
            joined = chains and gap[: len(gap) - len(mark)] in _CHAINS_JOINERS
            if joined and not closed:
                chains[-1].append(hit)
            else:
                chains.append([hit])
            # 甲任组长、乙任副组长的某督查组: the titles after 组长、 are the next name's
            closed = (
                self.name_at(hit.end, end) is not None
                or self._group_named_after(hit, start, end) is not None
            )
        return chains

    def _deputy_post(self, hit: _TitleHit, held: dict[str, Organisation]) -> Post | None:
        """A deputy's bare title after the head's post earlier in the sentence takes the
        head's body: 县人大常委会主任甲，副主任乙、丙 -> 乙 is 副主任 of 县人大常委会."""
        if hit.org is not None:
            return None
        officers, heads = _body_officers()
        if hit.title in officers:
            bodies = [org for title, org in held.items() if title in heads]
            if bodies:
                span = self.doc.span(hit.start, hit.end)
                return Post(span=span, role_span=span, organisation=bodies[-1])
        if hit.title in held:
            # 县人大常委会副主任甲主持，副主任乙出席: the same title again, the same body
            span = self.doc.span(hit.start, hit.end)
            return Post(span=span, role_span=span, organisation=held[hit.title])
        for prefix in _DEPUTY_PREFIXES:
            base = hit.title.removeprefix(prefix)
            if base != hit.title and base in held:
                span = self.doc.span(hit.start, hit.end)
                return Post(span=span, role_span=span, organisation=held[base])
        return None

    def _chain_start(self, chain: list[_TitleHit]) -> int:
        """Where a chain's text starts, a division named right before its first body or
        title included (辞去|湖北省|省长), or one whose level character opens the title
        (当选|新华|村党支部书记)."""
        at = chain[0].org_start
        place = next((p for p in self.places if p.span.start < at <= p.span.end), None)
        return place.span.start if place is not None else at

    def _add(self, start: int, end: int, posts: list[Post], role: str | None = None) -> _Mention:
        mention = _Mention(self.doc.span(start, end), posts, role)
        self.mentions.append(mention)
        return mention

    def _group_named_after(self, hit: _TitleHit, start: int, end: int) -> re.Match[str] | None:
        """由甲任组长、乙任副组长的某督查组第九组对…: the working group named after 的 in the
        clause of a bare title that follows an appointment verb; ``None`` when not so."""
        if hit.org is not None or not self.text.endswith(
            longest_first("appointment_verbs"), start, hit.start
        ):
            return None
        stops = (self.text.find(c, hit.end, end) for c in "，,。；;")
        stop = min((i for i in stops if i >= 0), default=end)
        return _group_body_after().search(self.text, hit.end, stop)
