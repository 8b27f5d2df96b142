"""Lists of names: joined by 、 and 和, after a role and a colon, closed by a count."""

from __future__ import annotations

import re

from kg.extract.facts import Post
from kg.extract.people.lexicon import (
    _byline_cues,
    _role_list,
    entries,
    longest_first,
)
from kg.extract.people.names import (
    _CLAUSE_MARKS,
    _HAN,
    _LINE_BULLETS,
    _NOT_NAME_START_TAGS,
    _PEOPLE_COUNT,
)
from kg.extract.people.titles import _TitleHit, _TitleReader
from kg.text.segment import Token

_LIST_COLON = re.compile(r"[ \u3000]*[：:][ \u3000]*")
_NAME_JOINER = re.compile(r"[、和与及]")
_LAST_JOINERS = frozenset("和与及")
"""Conjunctions before the last name of a list that has no post: 慰问了脱贫户甲和乙。"""
_CLAUSE_HEAD = re.compile(
    r"(?:第[一二三四五六七八九十0-9]{1,3}批)?(?:会议)?(?:其中)?(?:决定|同意|通过|批准)?(?:分别)?"
    r"(?:关于)?(?:接受|任命|提名|选举|其中|(?:先后)?选派|(?P<removal>免去|撤销|免除))?"
)
"""Words that open an appointment clause before its names: 决定任命, 提名, 接受, 其中, 第二批; a
removal (决定免去甲、乙的…职务) names its people before 的 and the posts they lose."""
_APPOSITION_OPENER = "作为"
_APPOSITION_COMMAS = frozenset("，,")
"""作为 + posts + a comma: the posts of the person the next clause opens with."""
_REMOVAL = re.compile(r"免去|撤销|免除")
_INNER_HEAD = re.compile(r"(?:关于|决定)(?:任命|免去|撤销|免除|接受)")
"""An appointment verb inside a clause, after the body that decides (市人大常委会关于任命)."""
_COMRADE_AFTER_VERB = re.compile(r"(?:任命|免去|撤销|免除|接受|批准)")
"""Verbs after which a name and 同志 stand (关于接受甲同志辞职请求的决定): a person."""
_CLAUSE_TAIL = re.compile(
    r"(?:等?[0-9一二两三四五六七八九十百]*[位名])?(?:同志|[\u4e00-\u9fff]{0,4}?(?:人员|干部))?"
    r"(?:(?:于)?[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?)?"
    r"(?:因[\u4e00-\u9fff]{1,8}?)?(?:已经|已|曾经|曾|还|也|又|再次|再度|先后|分别)?(?:提出|请求)?"
    r"(?:(?:被)?(?:派驻|下派到|下派|选派到|派往|派到)[\u4e00-\u9fff]{2,16}?)?"
    r"(?:被(?:选派|选拔|推荐|提名|任命))?"
    r"(?P<verb>为|是|当选为|当选|辞去|升任|转任|调任|改任|出任|担任|任|不再(?:兼任|担任|任)|(?P<of>的))"
    r"(?:党?支部|(?<=为)挂职(?:扶贫)?的)?"
)
"""What stands between the names of an appointment clause and the posts: a count of them
(三位同志), a date (2016年8月), a reason (因工作变动), an adverb of time (已担任, 再次当选), the
place a person is sent to (派驻某村担任) or how (被选派为), then the verb, maybe the village's
branch (担任支部|第一书记) or the posting's kind (被选派为挂职扶贫的|县委副书记);
不再担任 names the post a person leaves, as 辞去 does."""
_GLUED_VERBS = frozenset("为任")
"""One-character verbs of an appointment clause that jieba reads as a name's last character
(赵晓为|某县县长, 王吉任|某市委副书记) where the post's body follows at once."""
_NAME_LINE_LEAST = 3
"""The fewest names spaced apart on a line of their own that are read as people."""
_COMRADES = re.compile(r"等?[0-9一二两三四五六七八九十百]+[位名]同志")
_ATTENDING_GROUP = re.compile(
    r"等(?:[\u4e00-\u9fff]{1,8}?)(?:领导|负责同志|同志)(?:同志)?(?:出席|参加|陪同|列席|参会)"
)
"""A list of names closed by the group they belong to and its attendance: 甲、乙、丙等县四套班子
领导出席, 丁等市领导陪同."""


class _ListReader(_TitleReader):
    """The posts reader, and lists of names."""

    def _name_list(
        self,
        start: int,
        limit: int,
        role: str | None,
        posts: list[Post] | None = None,
        first: bool = True,
    ) -> int:
        """Names from ``start`` on, separated by 、 or spaces (with ``first=False``, the names
        after the one ending at ``start``); returns where the list ends.  After the first
        name, an item is read as a name by where the list's separators cut it (黄道|波 is one
        name between two 、), see ``_list_item_end``."""
        at = start
        end: int | None = start
        while True:
            if first:
                end = self.name_at(at, limit)
                if end is None:
                    return at
                self._add(at, end, list(posts or []), role)
            first = True
            assert end is not None
            nxt = end
            while nxt < limit and self.text[nxt] in "、 \u3000":
                nxt += 1
            closing = nxt == end and not posts and self.text[end : end + 1] in _LAST_JOINERS
            if closing:
                nxt += 1  # 贫困户甲和乙。: the last of a list of people with no post
            if (nxt == end and not closing) or nxt >= limit:
                return end
            item_end = self._list_item_end(nxt, limit)
            if item_end is None or (
                closing and item_end < limit and _HAN.fullmatch(self.text[item_end])
            ):
                return end
            if posts and self._credited_after(item_end, limit):
                return end  # 某办副主任甲 乙/摄: a caption's photographer, not a second holder
            self._add(nxt, item_end, list(posts or []), role)
            end = item_end
            first = False

    def _credited_after(self, at: int, limit: int) -> bool:
        """Whether a credit's closing word (``people_credit_words.txt``) follows ``at``, maybe
        after spaces: 乙 摄, 乙/摄."""
        while at < limit and self.text[at] in " \u3000":
            at += 1
        return self.text.startswith(longest_first("credit_words"), at)

    def _list_item_end(self, at: int, limit: int) -> int | None:
        """End of a name that is an item of a list of names (after 、 or a colon): a name as
        ``name_at`` reads it, else a surname and one or two characters cut off by the list
        itself: a separator, a word that follows names (…邓建华|和县人大…, where jieba
        glued 和 to what follows), or a count of the people listed (…李超群|三位同志)."""
        end = self.name_at(at, limit)
        if end is not None:
            return end
        surname = self._surname_length(at)
        first = self.tokens.get(at)
        if not surname:
            # 副主任甲、颉某某，: a list's separator places a name as a title does, unless
            # jieba reads the item as one word that is no name (作者:甲 来源:)
            end = self._rare_surname_name_end(at, limit)
            if end is None or (
                first is not None and first.end == end and not first.pos.startswith("nr")
            ):
                return None
            return end
        if (
            first is not None
            and len(first.word) > surname
            and first.pos[:1] in _NOT_NAME_START_TAGS
            and not self._listed_across(first, at + surname + 2)
        ):
            return None  # 曾经|挂任: the surname opens an adverb, verb or function word
        for n in (surname + 2, surname + 1):
            end = at + n
            if end > limit or not self._valid_name(at, end, listed=True):
                continue
            if (
                end >= len(self.text)
                or not _HAN.fullmatch(self.text[end])
                or self.text.startswith(longest_first("followers"), end)
                or _PEOPLE_COUNT.match(self.text, end)
                or self.text.startswith(_byline_cues(), end)  # 作者:甲、乙|责任编辑:丙
            ):
                return end
        return None

    def _listed_across(self, first: Token, end: int) -> bool:
        """Whether an item ending at ``end`` runs past the word ``first`` that jieba began it with
        and a list separator closes it (以及曾常|辉、…): a name, not the adverb."""
        return first.end < end and self.text[end : end + 1] == "、"

    def _career_name(self, chain: list[_TitleHit], at: int, limit: int) -> tuple[int, int] | None:
        """The name after a chain of posts that an appointment or career verb opens
        and 的 closes (曾任…副县长的X, 曾经挂任…副市长的X), if there is one."""
        if not self.text.startswith("的", at):
            return None
        before = self.text[self.sentence_start : self._chain_start(chain)]
        if not before.endswith(longest_first("appointment_verbs")):
            return None
        # where a name is due, one cut off by the sentence or a follower word will do (樊学|双)
        name_end = self.name_at(at + 1, limit) or self._list_item_end(at + 1, limit)
        return (at + 1, name_end) if name_end is not None else None

    def _apposed_name(self, chain: list[_TitleHit], at: int, limit: int) -> tuple[int, int] | None:
        """The name opening the clause after a chain of posts that 作为 opens and a comma
        closes (作为某部副部长，甲是…): the person who holds them."""
        if self.text[at : at + 1] not in _APPOSITION_COMMAS:
            return None
        opens = self._chain_start(chain)
        if not self.text.endswith(_APPOSITION_OPENER, self.sentence_start, opens):
            return None
        clause = self._clause_start(opens, self.sentence_start)
        if opens - clause != len(_APPOSITION_OPENER):
            return None
        name_end = self.name_at(at + 1, limit)
        return (at + 1, name_end) if name_end is not None else None

    def _listed_first(self, at: int, limit: int) -> int | None:
        """End of the first name of a list (one followed by 、) that ``name_at`` missed."""
        end = self._list_item_end(at, limit)
        return end if end is not None and self.text[end : end + 1] == "、" else None

    def _names_before_verb(
        self, start: int, at: int, qualifying: bool = False
    ) -> list[tuple[int, int]]:
        """The names of an appointment clause that ends at ``at``, where a chain of posts
        begins: 任命甲、乙两位同志为…, 接受丙辞去…, 丁当选…, 其中，戊和己为… (see
        ``people_appointment_verbs.txt``); empty when the clause is not of that form."""
        while at in self.place_start_by_end:
            at = self.place_start_by_end[at]  # 当选|某县某乡|某村党支部书记: the chain's places
        clause = self._clause_start(at, start)
        head = _CLAUSE_HEAD.match(self.text, clause, at)
        if head is not None and not head.group(0):
            # 表决通过了市人大常委会关于任命甲同志为…: the verb opens the names further in
            inner = _INNER_HEAD.search(self.text, clause, at)
            head = _CLAUSE_HEAD.match(self.text, inner.start(), at) if inner else head
        pos = head.end() if head else clause
        names: list[tuple[int, int]] = []
        while pos < at:
            end = self._list_item_end(pos, self.sentence_end)
            if end is None or end > at:
                return []
            if end == at and end - pos >= 3 and self._valid_name(pos, end - 1):
                verb = _CLAUSE_TAIL.fullmatch(self.text, end - 1, at)
                if verb is not None and verb.group("verb") in _GLUED_VERBS:
                    end -= 1  # 任命|赵晓为|某县副县长: jieba glued the verb to the name
            names.append((pos, end))
            joiner = _NAME_JOINER.match(self.text, end, at)
            if joiner is None:
                pos = end
                break
            pos = joiner.end()
        if not names:
            return []
        tail = _CLAUSE_TAIL.fullmatch(self.text, pos, at)
        if tail is None or not tail.group("verb"):
            return []
        if qualifying and tail.group("verb") == "是":
            return []  # 甲是某村党支部书记的妻子: the posts qualify a noun, not the person
        if tail.group("of") and not (
            (head and head.group("removal"))
            or _REMOVAL.search(self.text, self._line_start(start), clause)
        ):
            # 甲的…: only a removal names the posts its people held after 的, in its own
            # clause or one before it on the line (免去甲的…职务；乙的…职务)
            return []
        return names

    def _name_spaced_before(
        self, chain: list[_TitleHit], start: int, end: int
    ) -> tuple[int, int] | None:
        """A name, spaces, then the chain of its posts ending the line (分享人：甲 某乡党委书记,
        a speaker's caption): the name opens the line or follows its label's colon."""
        opens = self._chain_start(chain)
        name_end = opens
        while name_end > start and self.text[name_end - 1] in " \u3000":
            name_end -= 1
        if name_end == opens:
            return None
        rest = chain[-1].end
        while rest < end and self.text[rest] in " \u3000":
            rest += 1
        if rest < len(self.text) and self.text[rest] != "\n":
            return None
        line = self._line_start(name_end)
        label = _LIST_COLON.search(self.text, line, name_end)
        floor = label.end() if label is not None else line
        floor = max(floor, start)
        while floor < name_end and self.text[floor] in _LINE_BULLETS:
            floor += 1
        name = self.name_at(floor, name_end) or self._list_item_end(floor, name_end)
        return (floor, name) if name == name_end else None

    def _names_ending_at(self, start: int, at: int) -> list[tuple[int, int]]:
        """The names of a list that ends exactly at ``at``, read from the earliest word start
        after ``start`` where one does: 甲、乙和丙|等15位同志."""
        for pos in range(start, at):
            if pos not in self.tokens:
                continue
            names = self._list_at(pos, at)
            if names:
                return names
        return []

    def _list_at(self, pos: int, at: int) -> list[tuple[int, int]]:
        """The names of a list that starts at ``pos`` and ends exactly at ``at``, if one
        does."""
        names: list[tuple[int, int]] = []
        item = pos
        while item < at:
            item_end = self._list_item_end(item, at)
            if item_end is None:
                break
            names.append((item, item_end))
            joiner = _NAME_JOINER.match(self.text, item_end, at)
            item = joiner.end() if joiner else item_end
            if joiner is None:
                break
        return names if names and item == at else []

    def _add_new(self, names: list[tuple[int, int]], role: str | None = None) -> None:
        for name_start, name_end in names:
            if not any(m.span.start == name_start for m in self.mentions):
                self._add(name_start, name_end, [], role)

    def _comrades(self, start: int, end: int) -> None:
        """A name right after an appointment verb and before 同志 (接受甲同志辞职): a person,
        whether or not a post follows."""
        for match in _COMRADE_AFTER_VERB.finditer(self.text, start, end):
            name_end = self._list_item_end(match.end(), end)
            if name_end is not None and self.text.startswith("同志", name_end):
                self._add_new([(match.end(), name_end)])

    def _addressed_comrades(self, start: int, end: int) -> None:
        """A name written before 同志 (甲同志指出, 学习乙同志的事迹): a person, whatever follows."""
        at = self.text.find("同志", start, end)
        while at >= 0:
            if at in self.bounds and not self.text.startswith(entries("formulas"), at + 2):
                clause = self._clause_start(at, start, _CLAUSE_MARKS + "、")
                name_start = self.name_before(at, clause)
                if name_start is not None:
                    self._add_new([(name_start, at)])
            at = self.text.find("同志", at + 2, end)

    def _name_line(self, start: int, end: int) -> None:
        """A line of nothing but names spaced apart, three or more (a page's list of its
        photographers or its people: 甲 乙 丙): each a surname and one or two characters."""
        if " " not in self.text[start:end]:
            return  # the usual case, decided at once
        at = self._line_opening(start, end)
        if at is None:
            return
        stop = self.text.find("\n", at)
        stop = len(self.text) if stop < 0 else stop
        line_end = len(self.text[at:stop].rstrip(" \u3000")) + at
        if line_end > end:
            return
        names: list[tuple[int, int]] = []
        pos = at
        while pos < line_end:
            item = self._list_item_end(pos, line_end)
            if item is None or (item < line_end and self.text[item] not in " \u3000"):
                return
            names.append((pos, item))
            pos = item
            while pos < line_end and self.text[pos] in " \u3000":
                pos += 1
        if len(names) >= _NAME_LINE_LEAST:
            self._add_new(names)

    def _attending_names(self, start: int, end: int) -> None:
        """Names listed before 等 and the group of leaders they attend as (甲、乙等县领导出席)."""
        for match in _ATTENDING_GROUP.finditer(self.text, start, end):
            clause = self._clause_start(match.start(), start)
            self._add_new(self._names_ending_at(clause, match.start()))

    def _role_lists(self, start: int, end: int) -> None:
        """Names listed after a meeting role and a colon (执行主席：甲、乙、丙。): taken only when
        the whole clause after the colon reads as names, so a sentence there is never cut up."""
        for match in _role_list().finditer(self.text, start, end):
            after = match.end()
            stops = [self.text.find(c, after, end) for c in "。；;\n"]
            clause_end = min([s for s in stops if s >= 0], default=end)
            names = self._names_ending_at(after, clause_end)
            if names and names[0][0] == after:
                self._add_new(names)

    def _counted_names(self, start: int, end: int) -> None:
        """Names listed before a count of comrades (关于甲、乙两位同志辞去…, 任命丙等100名同志
        为…): the count says they are people."""
        for match in _COMRADES.finditer(self.text, start, end):
            clause = self._clause_start(match.start(), start)
            self._add_new(self._names_ending_at(clause, match.start()))

    def _known_lists(self, start: int, end: int) -> None:
        """A list of names opened by a person named before with a post (甲、乙、丙在主席台
        就座): the items after that person are people too."""
        for name in sorted({m.span.text for m in self.mentions if m.posts}):
            at = self.text.find(name, start, end)
            while at >= 0:
                after = at + len(name)
                opens = at == start or not _HAN.fullmatch(self.text[at - 1])
                if opens and self.text.startswith("、", after):
                    self._name_list(after, end, None, first=False)
                at = self.text.find(name, after, end)
