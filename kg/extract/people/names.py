"""What is a name: where one starts and ends in the text (surnames, syllables, jieba's tags),
and the reader's state these questions share.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.facts import Division, Level, PlaceMention, Post
from kg.extract.lexicon import surnames, titles
from kg.extract.people.lexicon import (
    LEVEL_CHARS,
    _body_suffixes,
    _ranked_surnames,
    entries,
    entry_set,
    longest_first,
)
from kg.text.document import Document, Span
from kg.text.segment import Token, tokenize, tokenizer

_HAN = re.compile(r"[\u3400-\u4e27\u4e29-\u9fff]")
"""A Chinese character that may be part of a name: not 丨 (U+4E28), the stroke pages use as a
bar between a headline's parts (某村第一书记某某丨扶贫路上)."""
_DOTTED_PARTS = re.compile(r"(?:[\u4e00-\u9fff]{1,8}[·•・‧．])+")
"""The parts before the last dot of a name transliterated from Uyghur, Kazakh and other
languages (阿不都热合曼·|买买提)."""
_NAME_PART_TAGS = ("nr", "ns", "nz", "vg", "ng", "j")
"""jieba tags of the words of a name without a surname (格勒|泽仁, 央|金卓玛, 益西多|吉作)."""
_PEOPLE_COUNT = re.compile(r"等?[0-9一二两三四五六七八九十百]+[位名人]")
"""A count of the people just listed: 三位同志, 等15位同志, 12名."""
_RARE_WORD = 20
"""A dictionary frequency below which a noun that opens with a surname may be a name's start
(胡果|雄): the words a surname opens that are no names (高度, 黄金, 刘海) are far commoner."""
_PAIRED_SECRETARIES = frozenset({"书记", "副书记"})
_CLAUSE_MARKS = "，,；;：:。\n"
"""Marks after which a clause starts (see ``_Reader._clause_start``)."""
_LINE_LOOKBACK = 400
_NOT_NAME_START_TAGS = ("d", "c", "p", "r", "u", "v")
"""jieba tags of a word that a surname character opens but a name does not (曾经, 任职)."""
_NOT_NAME_CLOSING_TAGS = ("c", "p", "r", "u", "v")
"""jieba tags of a single character that does not close a name of Tibetan name parts (才让|说)."""
_FUNCTION_TAGS = ("c", "p")
"""jieba tags of a surname character standing alone as a conjunction or preposition (和, 向)."""
_ADVERB_OR_FUNCTION_TAGS = ("c", "p", "d")
"""jieba tags of a surname character standing alone as an adverb too (曾|任 is "once held")."""
_VERBAL_TAGS = frozenset({"v", "vn", "a", "ad", "an"})
"""jieba tags of a word that opens no three-character name (安全|感, 安居|房)."""
# jieba's tags of words that are never a given name after a surname's character (连|谁)
_NOT_GIVEN_NAME_TAGS = frozenset({"r"})
# 李某某: the pronoun that stands for a withheld given name
_ANONYMISED = "某"
_INDEFINITE_MEASURES = frozenset("点些")
"""Measure words of an indefinite small quantity, between a verb and its object (干点事, 做些
活): after a surname's character that is a verb, they open no given name."""
_LINE_BULLETS = " \u3000•·●■□◆▪-*"
"""What may stand before the first word of a line: spaces and bullets."""
_LINE_ARTIFACT = re.compile(r"[A-Za-z0-9]{1,4}(?=[ \u3000\n]|$)")
"""Letters glued to the end of a line where a page's line break was scraped (黄四平vzT)."""
_COUNT_OPENERS = frozenset("等一二两三四五六七八九十百")
"""Characters a count of people or households in words opens with (两户, 等三位)."""
_CAPTION_PLACE = re.compile(r"(?:前排|后排)?(?:左起|右起|左|右)[一二三四五六七八九十]+")
"""Where a photo's caption places a person (左二, 右一, 前排左三), written where a name would
be: 记者(左二)."""
_HOUSEHOLDS_COUNTED = re.compile(r"等?[一二两三四五六七八九十]户")
"""A count in words of the households just named (甲、乙两户); a count in figures is a
statistic (危房9767户)."""
_COUNT_CHARS = frozenset("两二三四五六七八九十几")
_COUNTED = frozenset("个区县市州乡镇村家所位名人")
"""A numeral and a measure or level character that counts the places or people listed before
it (瓯海、鹿城两区): a name does not end in the numeral there."""


@lru_cache(maxsize=8192)
def _names_a_division(name: str) -> bool:
    """Whether ``name`` is a name or short form of a division of county level or above."""
    from kg.extract.gazetteer import lookup

    high = (Level.PROVINCE, Level.PREFECTURE, Level.COUNTY)
    return any(d.level in high for d in lookup(name))


def _word_tag(word: str) -> str:
    return tokenizer().tables.tags.get(word, "")


def _verbal_word(word: str) -> bool:
    """Whether ``word`` is a verb or adjective of jieba's dictionary (安全, 安居)."""
    return _word_tag(word) in _VERBAL_TAGS and bool(tokenizer().tables.freq.get(word))


_SYLLABLE_LENGTHS = (4, 3, 2)
_SYLLABLE_NAME_LONGEST = 8


@dataclass
class _Mention:
    span: Span
    posts: list[Post] = field(default_factory=list)
    role: str | None = None


class _NameReader:
    """The reader's state (the document, its places, the mentions found) and where names stand."""

    def __init__(
        self, doc: Document, places: list[PlaceMention], jurisdiction: Division | None
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.places = sorted(places, key=lambda p: (p.span.start, p.span.end))
        self.place_starts = [p.span.start for p in self.places]
        # where the first place ending at each offset starts (a post whose body is a place's)
        self.place_start_by_end: dict[int, int] = {}
        for place in self.places:
            self.place_start_by_end.setdefault(place.span.end, place.span.start)
        self.jurisdiction = jurisdiction
        self.mentions: list[_Mention] = []
        self.tokens: dict[int, Token] = {}
        self.bounds: set[int] = set()
        self.sentence_start = 0
        self.sentence_end = 0
        # where the text's first line starts, after blank lines and spaces (an author's byline)
        self.opening = len(self.text) - len(self.text.lstrip())

    def _load_tokens(self, start: int, end: int) -> None:
        self.tokens = {}
        self.bounds = {start, end}
        for tok in tokenize(self.text, start, end):
            self.tokens[tok.start] = tok
            self.bounds.add(tok.end)

    def _in_place(self, start: int, end: int) -> bool:
        index = bisect_right(self.place_starts, end)
        return any(
            p.span.start < end and start < p.span.end
            for p in self.places[max(0, index - 8) : index]
        )

    def _valid_name(
        self, start: int, end: int, listed: bool = False, level_end: bool = False
    ) -> bool:
        """Whether ``text[start:end]`` may be a name; ``listed``: it is an item of a list
        after other names, where a two-character name may be a county's short name too
        (许达哲、乌兰、陈向群); ``level_end``: it may end in a level character (洛桑|江村,
        where jieba reads the first half as a name)."""
        name = self.text[start:end]
        if not 2 <= len(name) <= 4 or not all(_HAN.fullmatch(c) for c in name):
            return False
        if name[-1] == "的":
            return False  # 甲的|…职务: the particle, never the end of a given name
        if name[-1] in _COUNT_CHARS and end < len(self.text) and self.text[end] in _COUNTED:
            return False  # 鹿城两|区, 武义两|县: a count of the places listed, no given name
        if self.doc.is_masked(start, end) or name in entry_set("not_names"):
            return False
        if _CAPTION_PLACE.fullmatch(name):
            return False  # 记者(左二): where a photo's caption places a person, no name
        if start > 0 and self.text[start - 1].isdigit():
            return False  # 2013年|任职: a name does not follow a figure
        if len(name) == 2 and not listed and _names_a_division(name):
            return False  # 丽江, 永胜: a two-character short name of a county or above
        if name[-1] in LEVEL_CHARS and not (level_end or self._named_whole(start, end)):
            return False  # 东山|乡; not 董建镇 that jieba reads as a name
        if name.endswith(longest_first("org_suffixes")) and not self._named_whole(start, end):
            return False  # 县|农业局, 东山|卫生院; not 姚增科, 鹿心社 that jieba reads as names
        if any(t in name for t in titles() if len(t) > 1):
            return False
        if self.text.startswith(_body_suffixes(), end):
            return False  # 东山头|党工委: the name of a place whose body follows
        if _word_tag(name[1:]) in _NOT_GIVEN_NAME_TAGS and not name[1:].startswith(_ANONYMISED):
            return False  # 连|谁: a pronoun after a surname's character is no given name
        if len(name) == 3 and name[1:] in entry_set("cues"):
            return False  # 包|党员, 包|农户: a verb and the kind of people it governs
        if len(name) == 3 and name[1] in _INDEFINITE_MEASURES and _word_tag(name[0]) == "v":
            return False  # 干|点|事, 做|些|活: a verb, a little and what is done, no given name
        if len(name) == 3 and _verbal_word(name[:2]):
            # 安全|感, 安居|房: a verb or adjective of the dictionary and one character (even
            # where jieba tags the whole nr)
            return False
        return not self._in_place(start, end)

    def _named_whole(self, start: int, end: int) -> bool:
        """Whether jieba reads ``text[start:end]``, of three characters or more, as one
        personal name, so that a last character that ends bodies (科, 社, 局) is a given
        name's."""
        token = self.tokens.get(start)
        return (
            end - start >= 3
            and token is not None
            and token.end == end
            and token.pos.startswith("nr")
            and not self.text[start:end].endswith(_body_suffixes())
        )

    def _surname_length(self, at: int) -> int:
        compound, single = surnames()
        if self.text[at : at + 2] in compound:
            return 2
        if self.text[at : at + 1] in single:
            return 1
        if self.text[at : at + 1] in _ranked_surnames():
            token = self.tokens.get(at)
            return 1 if token is not None and token.pos.startswith("nr") else 0
        return 0

    def _ends_name(self, at: int, limit: int) -> bool:
        """Whether a name may end at ``at``: the text stops, or a follower word starts."""
        if at >= limit or not _HAN.fullmatch(self.text[at]):
            return True
        if self.text.startswith(longest_first("followers"), at):
            return True
        # 甲、乙两户: the count of those listed (胡怀|付|两户 is one name); most characters
        # open no count, so the patterns are tried only after one that may
        return self.text[at] in _COUNT_OPENERS and bool(
            _PEOPLE_COUNT.match(self.text, at) or _HOUSEHOLDS_COUNTED.match(self.text, at)
        )

    def _follower_token(self, at: int) -> bool:
        """A follower word at ``at`` that jieba glued to the name's end (沙马拉|且说)."""
        return any(
            self.text.startswith(word, at) and at + len(word) in self.bounds
            for word in longest_first("followers")
        )

    def name_at(self, start: int, limit: int) -> int | None:
        """End of a person's name starting at ``start`` (before ``limit``), if there is one."""
        dotted = self._dotted_name_end(start, limit)
        if dotted is not None:
            return dotted
        syllables = entry_set("name_syllables")
        if self.text[start : start + 2] in syllables or self.text[start : start + 3] in syllables:
            joined = self._syllable_name_end(start, limit)
            if joined is not None:
                return joined
        surname = self._surname_length(start)
        if not surname:
            return self._unsurnamed_name_end(start, limit)
        first = self.tokens.get(start)
        lengths = [n for n in (surname + 2, surname + 1) if start + n <= limit]
        if surname == 1 and self.text[start] in _ranked_surnames():
            # known from three-character names only (格勒泽仁 is no 格勒), where jieba reads
            # a name: 肖|锦涛, 肖锦|涛 or 肖锦涛
            end = start + 3
            if (
                first is not None
                and first.end - start <= 3
                and end <= limit
                and (end in self.bounds or self._follower_token(end))
                and self._ends_name(end, limit)
                and self._valid_name(start, end)
            ):
                return end
            return self._unsurnamed_name_end(start, limit)
        if first is None:
            # jieba glued the surname to the word before it (指挥|长林|志强)
            for n in lengths:
                end = start + n
                ends = end in self.bounds or self._follower_token(end)
                if ends and self._ends_name(end, limit) and self._valid_name(start, end):
                    return end
            return None
        if first.pos.startswith("nr") and first.end - start in lengths:
            end = first.end
            nxt = self.tokens.get(end)
            if (
                end - start < surname + 2
                and nxt is not None
                and _HAN.fullmatch(nxt.word[0])
                and (len(nxt.word) == 1 or self._follower_token(end + 1))
                # 任刚|拟任, 张伟|出任: a two-character verb is a word of its own
                and not (len(nxt.word) == 2 and nxt.pos.startswith("v"))
                and not self._ends_name(end, limit)
                and self._ends_name(end + 1, limit)
            ):
                end += 1  # 欧阳明|军表示, 钟立|军代表: jieba cut the given name short
            return end if self._valid_name(start, end) else None
        if len(first.word) > surname and not first.pos.startswith("nr"):
            if self._place_word_name(first, start, limit):
                return first.end + 1  # 县长|吴国|强作: 吴国 is a dictionary place, 吴国强 a name
            if self._unknown_word_name(first, start, lengths, limit):
                return first.end  # 常委|符鸣|担任: jieba guessed a word (tagged v) it does not know
            return None  # the surname is the start of a common word: 高度, 全面
        name_ends = [
            start + n
            for n in lengths
            if self._ends_name(start + n, limit)
            and self._valid_name(start, start + n)
            # 委员和|列席同志: a conjunction before a word, not 和 the surname
            and not (
                first.pos[:1] in _FUNCTION_TAGS and self._common_word(start + surname, start + n)
            )
        ]
        # a word's end first: 孙|喆|调任 is 孙喆 before 调任, not 孙喆调 before 任
        for end in name_ends:
            if end in self.bounds:
                return end
        for end in name_ends:
            if self._follower_token(end) and first.pos[:1] not in _FUNCTION_TAGS:
                return end  # not 和|工作队员: a conjunction opening a word is no surname
        return None

    def _common_word(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is one word of jieba's dictionary that is not a name
        (of a person, or of a place: 扎西, 乌兰 are both)."""
        token = self.tokens.get(start)
        return (
            token is not None
            and token.end == end
            and not token.pos.startswith(("nr", "ns"))
            and bool(tokenizer().tables.freq.get(token.word))
        )

    def _unknown_word_name(self, first: Token, start: int, lengths: list[int], limit: int) -> bool:
        """Whether ``first``, a word jieba made up (not in its dictionary) that starts with a
        surname, is a name of its length: a word that follows names comes right after it."""
        return (
            first.word not in tokenizer().tables.freq
            and first.end - start in lengths
            and self._ends_name(first.end, limit)
            and self._valid_name(start, first.end)
        )

    def _place_word_name(self, first: Token, start: int, limit: int) -> bool:
        """Whether a two-character place word of the dictionary (吴国, 张家), or a rare noun
        of it (胡果, seen a few times in its corpus), and the one character after it make a
        three-character name: that character is a word of its own,
        and a word that follows names comes right after it."""
        end = first.end + 1
        nxt = self.tokens.get(first.end)
        rare = first.pos == "n" and tokenizer().tables.freq.get(first.word, 0) < _RARE_WORD
        return (
            (first.pos.startswith("ns") or rare)
            and first.end - start == 2
            and nxt is not None
            and nxt.end == end
            and end <= limit
            and self._ends_name(end, limit)
            and self._valid_name(start, end)
        )

    def _unsurnamed_name_end(self, start: int, limit: int) -> int | None:
        """格勒泽仁, 益西多吉: four characters of a name without a surname (Tibetan, Mongolian
        names), where a word that follows names comes next and none of its words is a verb,
        adjective or function word."""
        end = start + 4
        whole = self.tokens.get(start)
        named = whole is not None and whole.end < end and whole.pos.startswith("nr")
        if (
            end > limit
            or not self._ends_name(end, limit)
            or not self._valid_name(start, end, level_end=named)
        ):
            return None
        if whole is not None and whole.end == end and tokenizer().tables.freq.get(whole.word):
            return None  # 展望未来: a word of the dictionary (whatever its tag), no name
        if end not in self.bounds and not self._follower_token(end):
            return None
        at = start
        while at < end:
            token = self.tokens.get(at)
            if token is None:
                return None
            if token.end > end and not self._follower_token(end):
                return None
            if not token.pos.startswith(_NAME_PART_TAGS):
                return None
            at = token.end
        return end

    def _syllable_name_end(self, start: int, limit: int) -> int | None:
        """旦增伦珠, 巴音朝鲁: two or three parts of Tibetan or Mongolian names in a row (see
        ``people_name_syllables.txt``), ending where a word that follows names starts or the
        text stops; the longest such run."""
        syllables = entry_set("name_syllables")
        ends: list[int] = []
        frontier = [(start, 0)]
        while frontier:
            at, parts = frontier.pop()
            if parts >= 2:
                ends.append(at)
            if parts == 3:
                continue
            for n in _SYLLABLE_LENGTHS:
                if at + n <= limit and self.text[at : at + n] in syllables:
                    frontier.append((at + n, parts + 1))
        for end in sorted(ends, reverse=True):
            if end - start <= _SYLLABLE_NAME_LONGEST and self._parts_name_stands(start, end, limit):
                return end
        return None

    def _parts_name_stands(self, start: int, end: int, limit: int, titled: bool = False) -> bool:
        """Whether a name of Tibetan or Mongolian name parts, ``text[start:end]``, stands: it
        can end there, a boundary or a word that follows names comes next (``titled``: right
        after a title, a verb, adjective or idiom too: 书记甲乙|自信满满), and it is no masked
        text, word listed as no name, or place."""
        if not (self._ends_name(end, limit) or (titled and self._verbal_at(end))):
            return False
        if end < limit and end not in self.bounds and not self._follower_token(end):
            return False
        if self.doc.is_masked(start, end) or self.text[start:end] in entry_set("not_names"):
            return False
        return not self._in_place(start, end)

    def _place_word_name_end(self, start: int, limit: int) -> int | None:
        """副县长苏乾|先生: right after a title, a surname and given name that jieba reads as one
        place word (not a place the text names), where a word that follows names comes next."""
        first = self.tokens.get(start)
        surname = self._surname_length(start)
        if (
            first is None
            or not surname
            or not first.pos.startswith("ns")
            or not surname < len(first.word) <= surname + 2
            or not self.text.startswith(longest_first("followers"), first.end)
            or not self._valid_name(start, first.end)
        ):
            return None
        return first.end

    def _speaker_name_end(self, start: int, limit: int) -> int | None:
        """新闻发言人向明：…: right after a title, a surname and one or two characters closed by
        a colon are the speaker of a transcript's turn, even where jieba reads the surname as a
        preposition or conjunction (向, 和) and the given name as a word (明)."""
        surname = self._surname_length(start)
        if not surname:
            return None
        for n in (surname + 1, surname + 2):
            end = start + n
            if (
                end < limit
                and self.text[end] in "：:"
                and end in self.bounds
                and self._valid_name(start, end)
                # 总书记宣布：, 书记强调：: a verb of saying of the dictionary is the title's
                # own, with no name between
                and not (self._common_word(start, end) and _verbal_word(self.text[start:end]))
            ):
                return end
        return None

    def _comma_closed_name_end(self, start: int, limit: int) -> int | None:
        """主任周长强，拟任…: right after a title, a surname and two characters closed by a
        comma are a name, even where jieba reads the surname and the next character as a noun
        (周长|强); a surname and one character where jieba reads the two as one noun (部长
        余钱，: spare money); not a word a surname opens that is a verb or adverb (高度, 任职)."""
        surname = self._surname_length(start)
        first = self.tokens.get(start)
        if not surname or first is None or first.pos[:1] in _NOT_NAME_START_TAGS:
            return None
        short = start + surname + 1
        for end in (short + 1, short):
            fits = first.end <= end if end > short else first.end == end and first.pos == "n"
            if (
                fits
                and end < limit
                and self.text[end] in "，,"
                and end in self.bounds
                and self._valid_name(start, end)
            ):
                return end
        return None

    def _rare_surname_name_end(self, start: int, limit: int) -> int | None:
        """市委书记贠某某委托, 局长户某，: right after a title, a rare surname (see
        ``people_surnames_rare.txt``) and one or two characters at a word's end, closed by a
        word that follows names, punctuation or the line's end; not where jieba reads the
        surname as an adverb or verb (县长都要, 书记来说) unless the name ends its line
        (代县长都某某 signing a report)."""
        if self.text[start : start + 1] not in entry_set("surnames_rare"):
            return None
        first = self.tokens.get(start)
        opens_word = first is not None and first.pos[:1] in _NOT_NAME_START_TAGS
        for end in (start + 3, start + 2):
            if end > limit or end not in self.bounds or not self._ends_name(end, limit):
                continue
            if opens_word and not self._ends_line(end):
                continue
            if self._valid_name(start, end):
                return end
        return None

    def _ends_line(self, at: int) -> bool:
        """Whether only spaces, or letters a page's line break was scraped as (黄四平vzT),
        stand between ``at`` and the line's end."""
        artifact = _LINE_ARTIFACT.match(self.text, at)
        rest = artifact.end() if artifact is not None else at
        while rest < len(self.text) and self.text[rest] in " \u3000":
            rest += 1
        return rest >= len(self.text) or self.text[rest] == "\n"

    def _titled_syllable_name_end(self, start: int, limit: int) -> int | None:
        """副州长才让|汇报, 州长才让太|在: right after a title, a single part of a Tibetan or
        Mongolian name is a name too, and so is a run of parts with one more character closing
        it (才让|太) where a word that follows names comes next and that character is no word
        of its own that could follow a name (才让|说)."""
        syllables = entry_set("name_syllables")
        at = start
        while at < limit:
            part = next((n for n in _SYLLABLE_LENGTHS if self.text[at : at + n] in syllables), None)
            if part is None:
                break
            at += part
        if at == start or at - start > _SYLLABLE_NAME_LONGEST:
            return None
        ends = [at]
        closing = self.tokens.get(at)
        if (
            at < limit
            and _HAN.fullmatch(self.text[at])
            and not self._ends_name(at, limit)
            and (
                closing is None
                # 太 is tagged an adverb; the adverbs that follow names are followers
                or (len(closing.word) == 1 and closing.pos[:1] not in _NOT_NAME_CLOSING_TAGS)
            )
        ):
            ends.insert(0, at + 1)
        return next(
            (end for end in ends if self._parts_name_stands(start, end, limit, titled=True)), None
        )

    def _verbal_at(self, at: int) -> bool:
        """A verb, adjective or idiom (信心十足), as jieba reads it, starts at ``at``."""
        token = self.tokens.get(at)
        return token is not None and (token.pos == "i" or _verbal_word(token.word))

    def _dotted_name_end(self, start: int, limit: int) -> int | None:
        """吐尔逊江·艾买提: a name written in parts joined by a middle dot ends, after its last
        dot, where a word that follows names starts at a word boundary (…·托合提|在村里)."""
        parts = _DOTTED_PARTS.match(self.text, start, limit)
        if parts is None:
            return None
        if any(p.span.start == start and p.span.end == parts.end() - 1 for p in self.places):
            return None  # 梅州•蕉岭: places joined by a dot, not a transliterated name
        last = parts.end()
        for end in range(last + 1, min(limit, last + 8) + 1):
            if not _HAN.fullmatch(self.text[end - 1]):
                return None
            if end >= limit or not _HAN.fullmatch(self.text[end]):
                break
            if self._ends_name(end, limit) and (end in self.bounds or self._follower_token(end)):
                break
        else:
            return None
        return None if self.doc.is_masked(start, end) else end

    def name_before(self, end: int, floor: int) -> int | None:
        """Start of a name ending at ``end`` (name + title: 顾琨书记), if there is one."""
        for n in (4, 3, 2):
            start = end - n
            if start < floor or start not in self.bounds:
                continue
            surname = self._surname_length(start)
            if not surname or n - surname not in (1, 2) or not self._valid_name(start, end):
                continue
            tok = self.tokens.get(start)
            if tok is not None and tok.end == end and tok.pos.startswith("nr"):
                return start
            opens = (
                start == floor
                or not _HAN.fullmatch(self.text[start - 1])
                or self.text.endswith(entries("heeding_verbs"), floor, start)
            )
            if opens and (
                tok is not None
                and (tok.end <= end)
                and (
                    (len(tok.word) == surname and tok.pos[:1] not in _ADVERB_OR_FUNCTION_TAGS)
                    or tok.pos.startswith("nr")
                )
            ):
                return start
        return None

    def _paired_given_name(self, end: int, floor: int) -> int | None:
        """Start of a leader's given name alone (求发省长) ending at ``end``, the head of a
        place paired with its secretary named just before (甲书记、求发省长): reports of
        meetings call the two by the names their colleagues use; two characters only, where
        a name of the secretary ends before 书记."""
        start = end - 2
        if start < floor or start not in self.bounds:
            return None
        before = self.text[max(floor, start - 4) : start]
        secretary = next((t for t in _PAIRED_SECRETARIES if before.endswith(t + "、")), None)
        if secretary is None:
            return None
        ends_at = start - 1 - len(secretary)
        if not any(m.span.end == ends_at for m in self.mentions):
            return None
        if not all(_HAN.fullmatch(c) for c in self.text[start:end]):
            return None
        if self.text[start:end] in entry_set("not_names") or self._in_place(start, end):
            return None
        return start

    def _clause_start(self, at: int, floor: int, marks: str = _CLAUSE_MARKS) -> int:
        """Where the clause holding ``at`` starts: right after the last of ``marks`` before
        ``at``, and not before ``floor``; ``floor`` itself where none stands between."""
        return max(max(self.text.rfind(c, floor, at) for c in marks) + 1, floor)

    def _line_start(self, at: int) -> int:
        """Where the line holding ``at`` starts, looking back no further than a paragraph's
        usual length (the clauses of one notice)."""
        floor = max(0, at - _LINE_LOOKBACK)
        return self.text.rfind("\n", floor, at) + 1 or floor

    def _line_opening(self, start: int, end: int) -> int | None:
        """Where the words of the sentence's line begin, after spaces and a bullet, if the
        sentence opens its line."""
        text = self.text
        line = text.rfind("\n", 0, start) + 1
        at = start
        while at < end and text[at] in _LINE_BULLETS:
            at += 1
        return None if text[line:start].strip(_LINE_BULLETS) else at
