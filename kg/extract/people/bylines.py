"""Bylines, credits and signatures: 记者 甲 乙, 编辑/丙, a name alone under a notice."""

from __future__ import annotations

import re

from kg.extract.facts import Post
from kg.extract.lexicon import titles
from kg.extract.people.lexicon import (
    _byline_cues,
    _bylines,
    _credited_list,
    _salutation,
    entries,
    entry_set,
    longest_first,
)
from kg.extract.people.lists import _ListReader
from kg.extract.people.names import _HAN, _LINE_ARTIFACT, _LINE_BULLETS, _Mention

_SEPARATORS = "/／:：|丨︱｜ \u3000\t"
"""Marks between a credit's cue and its names (编辑：甲, 审核︱乙): the bars are the ASCII, the
full-width (U+FF5C) and the vertical presentation form (U+FE31) pages use, and the stroke 丨."""
_OPEN_BRACKET = re.compile(r"[(（【]")
_BODY_BYLINE = re.compile(
    r"(?P<body>[\u4e00-\u9fff]{3,24})[ \u3000]+(?P<name>[\u4e00-\u9fff]{2,3})[ \u3000]*\n?"
)
"""A line of a body's name, spaces and a person's name (某局 张三)."""
_NAME_ALONE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})[ \u3000]*\n?")
"""A line of a name and nothing else."""
_CREDIT_MARKS_AFTER = (("摄", "photographer"), ("图", "photographer"), ("编辑", "editor"))
"""Credit words written after the name they credit (甲摄, 乙 图, 丙/编辑)."""
_LOST_CHARACTER = "\ufffd"
_HEADING_CLOSE = re.compile(r"[)）]")
_HEADING_LONGEST = 40
_SPACED_TITLE = re.compile(r"(?P<title>[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,3})[ \u3000]")
"""A title spaced out to the width of a heading at a line's start: 县 长, 代 县 长."""
_DATELINE_END = re.compile(r"[0-9]{1,2}日电$")
"""The end of a news agency's dateline (某地1月28日电), right before a credit's cue."""


class _BylineReader(_ListReader):
    """The lists reader, and credits, bylines and signatures."""

    def _signature(self, at: int, limit: int) -> tuple[int, int] | None:
        """The name of a report's signature line after its title: spaces, then a name that
        ends the line, a two-character one maybe spaced out (县长 赫绍洪, 代市长 王 旭,
        县长武 静)."""
        start = at
        while start < limit and self.text[start] in " \u3000":
            start += 1
        name_end = self._credit_item(start, limit, False) or self._signed_run(start, limit)
        if name_end is None or (start == at and " " not in self.text[start:name_end]):
            return None
        rest = name_end
        artifact = _LINE_ARTIFACT.match(self.text, rest)
        if artifact is not None:
            rest = artifact.end()  # 县长 黄四平vzT: a page's line break scraped as letters
        while rest < len(self.text) and self.text[rest] in " \u3000":
            rest += 1
        # 县长 张三 各位代表：: the page's line break before the salutation was lost
        salutes = rest > name_end and _salutation().match(self.text, rest) is not None
        if rest < len(self.text) and self.text[rest] != "\n" and not salutes:
            return None
        return start, name_end

    def _signed_run(self, at: int, limit: int) -> int | None:
        """End of a surname and one or two characters that end a signature line, where the
        given name reads as a place (黄|四平): the line's position says it is a name."""
        end = at
        while end < limit and _HAN.fullmatch(self.text[end]) and end - at < 4:
            end += 1
        surname = self._surname_length(at)
        if not surname or not 1 <= end - at - surname <= 2:
            return None
        if end < limit and _HAN.fullmatch(self.text[end]):
            return None
        name = self.text[at:end]
        return None if name in entry_set("not_names") or self.doc.is_masked(at, end) else end

    def _spaced_signature(self, start: int, end: int) -> None:
        """A report's signature line whose title is spaced out like its heading (县 长 张三):
        the title's characters with spaces between them, spaces, then the name."""
        at = self._line_opening(start, end)
        match = _SPACED_TITLE.match(self.text, at, end) if at is not None else None
        if match is None:
            return
        title = re.sub(r"[ \u3000]", "", match.group("title"))
        implied = titles().get(title)
        signed = self._signature(match.end("title"), end) if implied else None
        if implied is None or signed is None:
            return
        organisation = self.implied(implied, match.start(), [])
        if organisation is not None:
            span = self.doc.span(match.start("title"), match.end("title"))
            post = Post(span=span, role_span=span, organisation=organisation)
            self._add(signed[0], signed[1], [post])

    def _body_byline(self, start: int, end: int) -> None:
        """A line of a body's name, spaces, then a person's name and nothing else (某局 张三,
        a transcript's chair before his words): a person of that body, whose post it does
        not say."""
        at = self._line_opening(start, end)
        match = _BODY_BYLINE.fullmatch(self.text, at, end) if at is not None else None
        if match is None:
            return
        body = self.organisation(match.start("body"), match.end("body"), [])
        if body is not None and body[0] == match.start("body"):
            self._add_line_name(*match.span("name"))

    def _opening_byline(self, start: int, end: int) -> None:
        """The text's first line, a name with a listed surname and nothing else, that jieba
        reads as one name: its author's byline above the article (张三, then the text; not a
        site's name, 巴蜀|网)."""
        if self.opening < start or self.opening >= end:
            return
        match = _NAME_ALONE.fullmatch(self.text, self.opening, end)
        if match is None:
            return
        name_start, name_end = match.span("name")
        token = self.tokens.get(name_start)
        if token is not None and token.end == name_end and token.pos.startswith("nr"):
            self._add_line_name(name_start, name_end)

    def _add_line_name(self, start: int, end: int) -> None:
        """A person named at ``start:end`` of a byline with no post, if it reads as a name
        with a listed surname, not yet taken and no place's."""
        if any(m.span.start == start for m in self.mentions):
            return
        if not self._surname_length(start) or not self._valid_name(start, end):
            return
        if self.text[start:end] in entry_set("not_names") or self._in_place(start, end):
            return
        self._add(start, end, [])

    def _report_giver(self, start: int, end: int) -> None:
        """甲作政府工作报告(摘要): a name opening the sentence and closed by a cue of giving
        the report (``people_report_cues.txt``), as a headline or a caption writes it."""
        cues = [cue for cue in entries("report_cues") if self.text.find(cue, start, end) >= 0]
        if not cues:
            return
        opening = self._line_opening(start, end)
        at = start if opening is None else opening
        while at < end and self.text[at] in " \u3000":
            at += 1
        for cue in cues:
            for n in (3, 2, 4):
                if self.text.startswith(cue, at + n) and at + n <= end:
                    surname = self._surname_length(at)
                    if surname and n - surname in (1, 2) and self._valid_name(at, at + n):
                        if not any(m.span.start == at for m in self.mentions):
                            self._add(at, at + n, [])
                        return

    def _credits(self, start: int, end: int, chain_at: dict[int, _Mention]) -> None:
        text = self.text
        for cue, role in sorted(_bylines().items(), key=lambda kv: -len(kv[0])):
            at = text.find(cue, start, end)
            while at >= 0:
                before = text[at - 1] if at > start else ""
                after = at + len(cue)
                dateline = _DATELINE_END.search(text, max(start, at - 8), at) is not None
                caption = len(cue) > 1 and text[start:at].endswith(longest_first("captions"))
                if (
                    (
                        at == start
                        # 【本报讯】记者 张三: after a dateline; □记者甲: after a bullet
                        or before in "(（【[ \u3000】]|丨︱｜□■"
                        or dateline
                        or caption  # 图为记者甲在…
                        or text[start:at].endswith(
                            longest_first("org_suffixes")
                        )  # …融媒体中心记者 张三
                        or text[start:at].endswith(longest_first("media"))  # 安康日报记者 陈思远
                        or self._after_credited_name(start, at)  # 记者甲通讯员乙
                        or (
                            self._outlet_opens_line(start, at)
                            and text[after : after + 1] in (" ", "\u3000")
                        )
                    )
                    and after < end
                ):
                    while text.startswith(cue, after, end):
                        after += len(cue)  # 记者记者甲: the cue written twice by a slip
                    names = after
                    if before in "【[" and text[names : names + 1] in ("】", "]"):
                        names += 1  # 【责任编辑】:甲: the cue in brackets, then the names
                    while names < end and text[names] in _SEPARATORS:
                        names += 1
                    if names > after and text[names : names + 1] in ("【", "[", "〔"):
                        names += 1  # 责任编辑:【卢岩】: the names in brackets after the cue
                    if names in chain_at:
                        chain_at[names].role = role
                    elif names > after and (names in self.tokens or names in self.bounds):
                        listed = self._name_list(names, end, role)
                        if listed == names or text[listed : listed + 1] in (" ", "\u3000"):
                            # 记者 甲 乙 丙: the list read stops at a space before a name with
                            # a surname too rare for it (奉, 禤); the whole credit run has them
                            self._add_new(self._credit_run(names, end, True), role)
                    elif (dateline or caption) and self._name_list(names, end, role) > names:
                        pass  # 新华社某地1月28日电记者甲、乙在…: the names end where a verb starts
                    elif caption and (name_end := self._caption_name_end(names, end)):
                        self._add(names, name_end, [], role)
                    elif len(cue) > 1 or not _HAN.fullmatch(cue):
                        # 记者琼达卓嘎、鲜敢), 【记者谢映波】, □汤正平 本报记者…: no separator
                        # (not after a one-character cue: 文|章图片, (图|侵删))
                        spaced = names > after or before in "(（【["
                        self._add_new(self._credit_run(names, end, spaced), role)
                at = text.find(cue, after, end)
        self._bracketed_credits(start, end)
        self._photo_credits(start, end)
        self._line_credits(start, end)
        self._speaker(start, end)

    def _caption_name_end(self, at: int, end: int) -> int | None:
        """End of a caption's reporter's name that jieba did not read as one (图为记者许|露露|
        坐上…): a surname and one or two characters closed by a word boundary where a verb
        follows."""
        surname = self._surname_length(at)
        if not surname:
            return None
        for n in (surname + 2, surname + 1):
            stop = at + n
            verb = self.tokens.get(stop)
            if (
                stop < end
                and stop in self.bounds
                and verb is not None
                and verb.pos.startswith("v")
                and self._valid_name(at, stop)
                and not self._common_word(at, stop)
            ):
                return stop
        return None

    def _after_credited_name(self, start: int, at: int) -> bool:
        """Whether another credit's cue and one name come right before ``at``: (记者甲通讯员乙),
        采访人员甲通讯员乙丙: one credit after another with no space between."""
        text = self.text
        return any(
            at - n > start
            and all(_HAN.fullmatch(c) for c in text[at - n : at])
            and text.endswith(_byline_cues(), start, at - n)
            for n in (2, 3, 4)
        ) or (
            # 作者:甲、乙责任编辑:丙: the last of the names of a credit before
            text[at - 1 : at] != "、"
            and _credited_list().search(text, max(start, at - 24), at) is not None
        )

    def _outlet_opens_line(self, start: int, at: int) -> bool:
        """Whether the words before ``at`` are a short name opening the line, an outlet's
        (四川在线|记者 张三): two to eight Han characters."""
        line = self.text.rfind("\n", 0, at) + 1
        if line < start and self.text[line:start].strip(_LINE_BULLETS):
            return False  # the sentence does not open its line
        written = self.text[max(line, start) : at]
        return 2 <= len(written) <= 8 and all(_HAN.fullmatch(c) for c in written)

    def _glued_name_end(self, at: int, end: int) -> int | None:
        """End of a name that jieba reads as one (tags ``nr``) and that the next credit name or
        the credit's end follows with no space: 王广鹏|宗可栋|济宁报道."""
        token = self.tokens.get(at)
        if token is None or not token.pos.startswith("nr") or token.end > end:
            return None
        surname = self._surname_length(at)
        if not surname or not 1 <= token.end - at - surname <= 2:
            return None
        return token.end if self._valid_name(at, token.end) else None

    def _credit_end(self, at: int, end: int) -> int | None:
        """Where a credit's names stop at ``at``: the sentence or a bracket closes, or a credit
        word (摄, 报道, 参与采写), a date or a place followed by 报道 comes; else ``None``."""
        text = self.text
        while at < end and text[at] in " \u3000":
            at += 1
        if at >= end or text[at] in ")）】]\n" or text[at].isdigit():
            return at
        if text.startswith(longest_first("credit_words"), at) or text.startswith(
            _byline_cues(), at
        ):
            return at  # …刘宵华摄, □汤正平 本报记者 刘路: another credit begins
        place = next((p for p in self.places if p.span.start == at), None)
        if place is not None and text.startswith("报道", place.span.end):
            return at
        return None

    def _credit_run(self, at: int, end: int, unsurnamed: bool) -> list[tuple[int, int]]:
        """The names of a credit from ``at`` on, separated by spaces or 、, when a credit's
        end (see ``_credit_end``) closes them; a name may be written with a space inside
        (易 铭) and, with ``unsurnamed``, have no surname (次旺, 旦增西旦)."""
        text = self.text
        names: list[tuple[int, int]] = []
        pos = at
        while True:
            while pos < end and text[pos] in " \u3000、":
                pos += 1
            if names and self._credit_end(pos, end) is not None:
                return names
            item = self._credit_item(pos, end, unsurnamed)
            if item is None:
                item = self._glued_name_end(pos, end)
                if item is None or (
                    self._credit_end(item, end) is None and self._glued_name_end(item, end) is None
                ):
                    return []
            names.append((pos, item))
            pos = item
            if pos >= end or text[pos] not in " \u3000、":
                if self._credit_end(pos, end) is not None:
                    return names
                if self._glued_name_end(pos, end) is None:
                    return []

    def _credit_item(self, at: int, end: int, unsurnamed: bool) -> int | None:
        text = self.text
        if (
            at + 3 <= end
            and self._surname_length(at) == 1
            and text[at + 1] in " \u3000"
            and _HAN.fullmatch(text[at + 2])
            and (at + 3 == end or not _HAN.fullmatch(text[at + 3]))
        ):
            return at + 3  # 易 铭: a two-character name spaced out to the width of three
        item = self._list_item_end(at, end)
        if item is not None and (
            not self._common_word(at, item) or self._credit_cue_after(item, end)
        ):
            return item  # 记者 庄严 通讯员 …: between two credits, a word is a name too
        if not unsurnamed:
            return None
        run = at
        while run < end and _HAN.fullmatch(text[run]) and run - at < 5:
            run += 1
        closed = run >= end or not _HAN.fullmatch(text[run])
        if closed and self._valid_name(at, run) and not self._common_word(at, run):
            return run
        return None

    def _credit_cue_after(self, at: int, end: int) -> bool:
        """Whether spaces and then another credit's cue (通讯员, 记者) follow ``at``."""
        pos = at
        while pos < end and self.text[pos] in " \u3000":
            pos += 1
        return pos > at and self.text.startswith(tuple(_bylines()), pos)

    def _bracketed_credits(self, start: int, end: int) -> None:
        """(梁宏鑫), (岳依桐 王利文), (卢红军 刘 骞 报道), (蒋沁志参与采写): names alone in
        brackets, each with a surname, are the story's reporters."""
        text = self.text
        for match in _OPEN_BRACKET.finditer(text, start, end):
            names = self._credit_run(match.end(), end, False)
            if names and self._credit_end(names[-1][1], end) is not None:
                close = self._credit_end(names[-1][1], end)
                assert close is not None
                tail = text[close : close + 4]
                if close < end and (
                    text[close] in ")）"
                    or tail.startswith(longest_first("credit_words") + _byline_cues())
                ):
                    self._add_new(names, "reporter")

    def _speaker(self, start: int, end: int) -> None:
        """A transcript's speaker: a line that opens with a name and a colon (• 张三：)."""
        at = self._line_opening(start, end)
        if at is None or self._dotted_name_end(at, end) is not None:
            # not a dotted name: its dot may be a bullet's (雪克来提•扎克尔), so the same
            # person named with · elsewhere would be two
            return
        name_end = self.name_at(at, end)
        if name_end is None:
            # 新闻发布会(某某专场)张三：: a transcript pasted with its heading, the first
            # speaker right after the heading's closing bracket
            heading = _HEADING_CLOSE.search(self.text, at, min(end, at + _HEADING_LONGEST))
            if heading is None:
                return
            at = heading.end()
            name_end = self.name_at(at, end)
        if name_end is not None and self.text[name_end : name_end + 1] in ("：", ":"):
            self._add_new([(at, name_end)])

    def _line_credits(self, start: int, end: int) -> None:
        """A line that opens with names and closes them with a credit (贾楠 景诗雁 重庆报道,
        张三 李四 发布时间：…), maybe after the outlet's name and before a date (光山新闻网
        李晓华 2019-05-17): the story's reporters."""
        text = self.text
        at = self._line_opening(start, end)
        if at is None:
            return  # the sentence does not open its line
        outlet = at
        while outlet < end and _HAN.fullmatch(text[outlet]) and outlet - at < 12:
            outlet += 1
        dated = False
        if (
            outlet < end
            and text[outlet] in " \u3000"
            and text[at:outlet].endswith(longest_first("media"))
        ):
            at = outlet  # 光山新闻网 李晓华 2019-05-17: an outlet, its reporter, a date
            dated = True
        elif outlet < end and text[outlet] == _LOST_CHARACTER and outlet > at:
            # 某某新闻记\ufffd张三 李四 报道: a character lost to the encoding (记者's 者)
            # closes the label before the names, as a space would
            at = outlet + 1
        names = self._credit_run(at, end, False)
        if not names:
            return
        close = self._credit_end(names[-1][1], end)
        if close is None or close >= end:
            return
        credit = text.startswith(longest_first("credit_words"), close)
        place = next((p for p in self.places if p.span.start == close), None)
        if credit or place is not None or (dated and text[close].isdigit()):
            self._add_new(names, "reporter")

    def _photo_credits(self, start: int, end: int) -> None:
        """刘宵华摄, 大会现场 张宝杉 摄, 易铭/摄: a name right before 摄 that ends the line; and
        a caption's 村民在村道上。 张三 图, a credit's 新媒体中心 李四/编辑): a name apart by a
        space or slash before 图 or 编辑 that ends the line or the brackets (not 地图, 如图)."""
        for mark, role in _CREDIT_MARKS_AFTER:
            self._credits_before(start, end, mark, role)

    def _credits_before(self, start: int, end: int, mark_word: str, role: str) -> None:
        text = self.text
        at = text.find(mark_word, start, end)
        while at >= 0:
            stop = at + len(mark_word)
            if mark_word != "摄":
                ends = (
                    at > start
                    and text[at - 1] in " \u3000/／"
                    and (self._ends_line(stop) or text[stop : stop + 1] in ")）】 \u3000")
                )
            else:
                ends = stop >= end or not _HAN.fullmatch(text[stop]) or text[stop] in "影"
            if ends:
                mark = at
                while mark > start and text[mark - 1] in " \u3000/／":
                    mark -= 1
                floor = max(start, mark - 12)
                first = mark
                while first > floor and (_HAN.fullmatch(text[first - 1]) or text[first - 1] == " "):
                    first -= 1
                for begin in [first] + [i + 1 for i in range(first, mark) if text[i] == " "]:
                    names = self._credit_run(begin, mark, False)
                    if names and names[-1][1] == mark:
                        self._add_new(names, role)
                        break
            at = text.find(mark_word, at + 1, end)
