"""People and the posts they hold.

The genre names people in a few positions, and only there does this module look for names:

- a chain of posts, then the name: ``中共丽江市委副书记、市委宣传部部长何玉兰`` (each post an
  organisation + a title; a title alone takes the body it implies: 县长 -> 县人民政府);
- a name, then a title: ``顾琨书记``, ``习近平总书记``;
- a credit line: ``编辑/雷凤娇``, ``记者 张三 李四``, ``作者/<post chain><name>``;
- a word for the people of a story, then the name: ``贫困户陈朝云``, ``村民李某某``.

A candidate name is 2–4 Han characters starting with a surname (``people_surnames.txt``), ends
where jieba ends a word (or where a word that follows names starts), and is not a place, a
body or a listed common word.  jieba's ``nr`` tag is one signal among these, not the rule: it
tags 宣传部, 施策 and 小康 as names too.

Abbreviated bodies (市委, 县政府, 扶贫办) are expanded with the division they belong to: the
division named right before them, else one earlier in the same post chain, else one named
earlier in the sentence, else the document's jurisdiction (or one of its parents), else the
nearest one named before; always one whose name ends in the abbreviation's level character.
A level word alone before a title that opens with a body (镇党委书记, 该乡党委副书记) is such an
abbreviation too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kg.extract.facts import Division, Level, Organisation, Person, PlaceMention, Post
from kg.extract.lexicon import surnames, title_words, titles
from kg.resources import read_lines, read_table, read_words
from kg.text.document import Document, Span
from kg.text.segment import Token, tokenize, tokenizer

LEVEL_CHARS = "省市州县区旗乡镇村"
"""Last characters of division names; the first character of level-specific abbreviations
(旗: a banner, Inner Mongolia's county, whose leaders write 旗委 and 旗长 as a county's do)."""

_HAN = re.compile(r"[\u3400-\u4e27\u4e29-\u9fff]")
"""A Chinese character that may be part of a name: not 丨 (U+4E28), the stroke pages use as a
bar between a headline's parts (某村第一书记某某丨扶贫路上)."""
_SEPARATORS = "/／:：|丨︱｜ \u3000\t"
"""Marks between a credit's cue and its names (编辑：甲, 审核︱乙): the bars are the ASCII, the
full-width (U+FF5C) and the vertical presentation form (U+FE31) pages use, and the stroke 丨."""
_CHAIN_JOINERS = ("、", "兼", " ", "\u3000", "")
_LIST_JOINERS = ("、", " ", "\u3000", "和", "与", "及")
_TITLE_BODY_STOPS = '，。、；：:,;/／|丨︱｜ \u3000“”"《》()（）【】'
"""Marks before which the body written before a title does not reach."""
_BODY_STOPS = '，。、；：:,;的“”"《》()（）【】 \u3000'
_DOTTED_PARTS = re.compile(r"(?:[\u4e00-\u9fff]{1,8}[·•・‧．])+")
"""The parts before the last dot of a name transliterated from Uyghur, Kazakh and other
languages (阿不都热合曼·|买买提)."""
_NAME_PART_TAGS = ("nr", "ns", "nz", "vg", "ng", "j")
"""jieba tags of the words of a name without a surname (格勒|泽仁, 央|金卓玛, 益西多|吉作)."""
_LEVEL_DETERMINERS = "该本我全"
"""Words that make a level character stand for a place (该镇, 本村)."""
_PEOPLE_COUNT = re.compile(r"等?[0-9一二两三四五六七八九十百]+[位名人]")
"""A count of the people just listed: 三位同志, 等15位同志, 12名."""
_OPEN_BRACKET = re.compile(r"[(（【]")
_LIST_COLON = re.compile(r"[ \u3000]*[：:][ \u3000]*")
_DEPUTY_PREFIXES = ("常务副", "副")
_NAME_JOINER = re.compile(r"[、和与及]")
_LAST_JOINERS = frozenset("和与及")
"""Conjunctions before the last name of a list that has no post: 慰问了脱贫户甲和乙。"""
_CLAUSE_HEAD = re.compile(
    r"(?:第[一二三四五六七八九十0-9]{1,3}批)?(?:会议)?(?:其中)?(?:决定|同意|通过|批准)?(?:分别)?"
    r"(?:关于)?(?:接受|任命|提名|选举|其中|(?:先后)?选派|(?P<removal>免去|撤销|免除))?"
)
"""Words that open an appointment clause before its names: 决定任命, 提名, 接受, 其中, 第二批; a
removal (决定免去甲、乙的…职务) names its people before 的 and the posts they lose."""
_TITLE_ASIDE = re.compile(r"[(（](?:兼|兼任|代|挂职|正[厅处科]级|副[厅处科]级)[)）]")
"""A remark in brackets between a title and the name it belongs to: 新闻办主任(兼)甲."""
_BODY_BYLINE = re.compile(
    r"(?P<body>[\u4e00-\u9fff]{3,24})[ \u3000]+(?P<name>[\u4e00-\u9fff]{2,3})[ \u3000]*\n?"
)
"""A line of a body's name, spaces and a person's name (某局 张三)."""
_NAME_ALONE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})[ \u3000]*\n?")
"""A line of a name and nothing else."""
_POST_QUOTES = {"“": "”", "「": "」"}
"""Quote marks a feature puts round a post after its body (某村党组织“第一书记”)."""
_APPOSITION_OPENER = "作为"
_APPOSITION_COMMAS = frozenset("，,")
"""作为 + posts + a comma: the posts of the person the next clause opens with."""
_RANK_BEFORE_POST = re.compile(r"(?:[正副][省部厅局处科]级的?|[“「])$")
"""A rank between an appointment verb and the post (调任正厅级的…县委书记), or the quote mark
a feature puts round a post (当了“第一书记”)."""
_RARE_WORD = 20
"""A dictionary frequency below which a noun that opens with a surname may be a name's start
(胡果|雄): the words a surname opens that are no names (高度, 黄金, 刘海) are far commoner."""
_PAIRED_SECRETARIES = frozenset({"书记", "副书记"})
_PAIRED_HEAD = re.compile(r"、[\u4e00-\u9fff]{2,4}?(?:同志)?(?P<level>[省市州县区旗乡镇])长")
"""A head of government named by a bare title right after a secretary named the same way
(甲书记、乙省长, 丙书记、丁县长): the pair of leaders of one place."""
_REMOVAL = re.compile(r"免去|撤销|免除")
_NOT_IN_BODY = re.compile(r"关于|同志|任命|免去|辞去|决定|担任")
_INNER_HEAD = re.compile(r"(?:关于|决定)(?:任命|免去|撤销|免除|接受)")
"""An appointment verb inside a clause, after the body that decides (市人大常委会关于任命)."""
_COMRADE_AFTER_VERB = re.compile(r"(?:任命|免去|撤销|免除|接受|批准)")
"""Verbs after which a name and 同志 stand (关于接受甲同志辞职请求的决定): a person."""
_CLAUSE_MARKS = "，,；;：:。\n"
"""Marks after which a clause starts (see ``_Reader._clause_start``)."""
_LINE_LOOKBACK = 400
_STORY_BODY_LONGEST = 12
"""Characters of a body named before a story's cue (某某种养殖专业合作社负责人)."""
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
_NATIONAL_UNIT_LONGEST = 12
"""Characters of a national body's internal units after its name (人权事务局宣传处)."""
_OWN_DETERMINER = "本"
_ENTRUSTED_BY = "受"
_ENTRUSTING = "委托"
"""受办党组书记甲委托: the body that entrusts, the document's own (see ``_Reader._own_body``)."""
_CREDIT_MARKS_AFTER = (("摄", "photographer"), ("图", "photographer"), ("编辑", "editor"))
"""Credit words written after the name they credit (甲摄, 乙 图, 丙/编辑)."""
_QUOTE_OPENERS = {"”": "“", "」": "「"}
"""Closing quote marks and their openers, round a body's short name (省扶贫“两会”)."""
_QUOTED_BODY_LONGEST = 8
_QUOTED_LEAD_LONGEST = 6
_QUOTED_UNIT_LONGEST = 6
_QUOTED_BODY_LEVELS = "省市州县区旗乡镇"
"""Characters of a quoted body's name: its quoted short name, the level and field before it
(省扶贫), a unit of it after (咨询组); a village's words (村民称他为“…”) open no body."""
_NOT_NAME_START_TAGS = ("d", "c", "p", "r", "u", "v")
"""jieba tags of a word that a surname character opens but a name does not (曾经, 任职)."""
_NOT_NAME_CLOSING_TAGS = ("c", "p", "r", "u", "v")
"""jieba tags of a single character that does not close a name of Tibetan name parts (才让|说)."""
_FUNCTION_TAGS = ("c", "p")
"""jieba tags of a surname character standing alone as a conjunction or preposition (和, 向)."""
_ADVERB_OR_FUNCTION_TAGS = ("c", "p", "d")
"""jieba tags of a surname character standing alone as an adverb too (曾|任 is "once held")."""
_VERBAL_TAGS = frozenset({"v", "vn", "a", "ad", "an"})

# jieba's tags of words that are never a given name after a surname's character (连|谁)
_NOT_GIVEN_NAME_TAGS = frozenset({"r"})
# 李某某: the pronoun that stands for a withheld given name
_ANONYMISED = "某"
"""jieba tags of a word that opens no three-character name (安全|感, 安居|房)."""
_LOST_CHARACTER = "\ufffd"
_HEADING_CLOSE = re.compile(r"[)）]")
_HEADING_LONGEST = 40
_LINE_BULLETS = " \u3000•·●■□◆▪-*"
"""What may stand before the first word of a line: spaces and bullets."""
_LINE_ARTIFACT = re.compile(r"[A-Za-z0-9]{1,4}(?=[ \u3000\n]|$)")
"""Letters glued to the end of a line where a page's line break was scraped (黄四平vzT)."""
_SPACED_TITLE = re.compile(r"(?P<title>[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,3})[ \u3000]")
"""A title spaced out to the width of a heading at a line's start: 县 长, 代 县 长."""
_AGE_OF = re.compile(
    r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})岁(?:[\u4e00-\u9fff]{2,6}?)?的"
    r"|生于[0-9]{4}年(?:[0-9]{1,2}月)?的"
    r"|[0-9]{4}年(?:[0-9]{1,2}月)?(?:出生|生)的"
)
"""An age or a year of birth, then 的: a person's name follows (37岁的甲, 31岁大专学历的乙,
生于1956年的丙, 1964年出生的丁)."""
_PRONOUN_CLAUSE = re.compile(
    r"[他她]?(?:后|随后|此后)?于?(?:(?:[0-9]{4}|同|当|次)年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?"
    r"(?:时任|现任|曾任|升任|转任|调任|改任|后任|先后任|担任|任)"
)
"""A clause whose subject is the person named before it: (他)时任…, 升任…, and where a date
opens it (2021年3月升任…, 同年6月改任…)."""
_DATELINE_END = re.compile(r"[0-9]{1,2}日电$")
"""The end of a news agency's dateline (某地1月28日电), right before a credit's cue."""
_LIST_AFTER_NAME = re.compile(r"[\u4e00-\u9fff]?[、等]")
"""What follows a two- or three-character name that is an item of a list: 、 or 等."""
_COUNT_OPENERS = frozenset("等一二两三四五六七八九十百")
"""Characters a count of people or households in words opens with (两户, 等三位)."""
_CAPTION_PLACE = re.compile(r"(?:前排|后排)?(?:左起|右起|左|右)[一二三四五六七八九十]+")
"""Where a photo's caption places a person (左二, 右一, 前排左三), written where a name would
be: 记者(左二)."""
_DESCRIBED_AFTER = re.compile(
    r"[(（](?:前排|后排)?(?:左起|右起|左|右|中)[一二三四五六七八九十]*[)）]"
    r"|[，,](?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})岁[，,]"
)
"""What a caption or a profile writes right after a person's name: where the person stands in
the photo (甲(右二)请来…) or the person's age between commas (乙，46岁，中共党员)."""
_HOUSEHOLDS_COUNTED = re.compile(r"等?[一二两三四五六七八九十]户")
"""A count in words of the households just named (甲、乙两户); a count in figures is a
statistic (危房9767户)."""
_HOUSEHOLD_CLOSE = re.compile(r"(?:[一二两三四五六七八九十]户|户(?=[，,。、；;和与及\n]))")
"""What closes a list of households named by their heads: their count (甲、乙两户) or 户 before
punctuation or a conjunction (丙户和丁户，)."""
_COUNT_CHARS = frozenset("两二三四五六七八九十几")
_COUNTED = frozenset("个区县市州乡镇村家所位名人")
"""A numeral and a measure or level character that counts the places or people listed before
it (瓯海、鹿城两区): a name does not end in the numeral there."""
_LEADERS = "领导"
"""The ending of collective titles of leaders in meeting reports (县领导, 在家市领导)."""
_NAME_LINE_LEAST = 3
"""The fewest names spaced apart on a line of their own that are read as people."""
_PRONOUN_APPOINTED = re.compile(r"(?:决定|同意|批准)?(?:任命)?其(?:为|任|担任)")
"""A clause appointing the person named before it by 其: 决定其为代理省长."""
_COMRADES = re.compile(r"等?[0-9一二两三四五六七八九十百]+[位名]同志")
_ATTENDING_GROUP = re.compile(
    r"等(?:[\u4e00-\u9fff]{1,8}?)(?:领导|负责同志|同志)(?:同志)?(?:出席|参加|陪同|列席|参会)"
)
"""A list of names closed by the group they belong to and its attendance: 甲、乙、丙等县四套班子
领导出席, 丁等市领导陪同."""
"""A count of comrades closing a list of names: 两位同志, 等15位同志, 等100名同志."""


# --- language data ---------------------------------------------------------------------------


@cache
def _ranked_surnames() -> frozenset[str]:
    """Surnames ranked from jieba's dictionary (tools/make_surnames.py) and surnames that are
    common words (people_surnames_tagged.txt), taken only where jieba tags the word they start
    as a name (肖|立新, 肖锦, 全卓南)."""
    ranked = {row[0] for row in read_table("people_surnames_ranked.txt")}
    return frozenset(ranked | set(read_lines("people_surnames_tagged.txt")))


@cache
def _rare_surnames() -> frozenset[str]:
    return frozenset(read_words("people_surnames_rare.txt"))


@cache
def _household_kinds() -> tuple[str, ...]:
    return tuple(sorted(read_words("people_households.txt"), key=len, reverse=True))


@cache
def _not_villages() -> tuple[str, ...]:
    return read_words("people_not_villages.txt")


@dataclass(frozen=True)
class _OrgRow:
    template: str
    parent: str | None
    level: str | None
    """Level character the division must end in; ``None`` for level-less abbreviations."""


@cache
def _org_rows() -> dict[str, _OrgRow]:
    """Abbreviation -> expansion, with ``*`` rows expanded for every level character."""
    starred: dict[str, _OrgRow] = {}
    explicit: dict[str, _OrgRow] = {}
    for row in read_table("organisations.tsv"):
        abbrev, template = row[0], row[1]
        parent = row[2] if len(row) > 2 and row[2] else None
        if abbrev.startswith("*"):
            for level in LEVEL_CHARS:
                starred[level + abbrev[1:]] = _OrgRow(
                    template, parent.replace("*", level) if parent else None, level
                )
        else:
            own = abbrev[0] if abbrev[0] in LEVEL_CHARS and "{name}" in template else None
            if len(row) > 3 and row[3]:
                own = row[3]  # 驻村工作队: a body of the village it is stationed in
            explicit[abbrev] = _OrgRow(template, parent, own)
    for body in read_lines("central_bodies.txt"):
        # 水利部副部长, 中国进出口银行党委副书记: a national body and its Party organs
        explicit.setdefault(body, _OrgRow(body, None, None))
        for organ in ("党委", "党组"):
            explicit.setdefault(body + organ, _OrgRow(body + organ, body, None))
        for department in _central_departments():
            explicit.setdefault(body + department, _OrgRow(body + department, body, None))
    starred.update(explicit)
    return starred


@cache
def _central_departments() -> tuple[str, ...]:
    """See ``people_central_departments.txt``."""
    return read_words("people_central_departments.txt")


@cache
def _body_officers() -> tuple[frozenset[str], frozenset[str]]:
    """(officers' titles, heads' titles): see ``people_body_officers.txt``."""
    officers, heads = (frozenset(line.split()) for line in read_lines("people_body_officers.txt"))
    return officers, heads


@cache
def _org_suffixes() -> tuple[str, ...]:
    return tuple(sorted(read_lines("people_org_suffixes.txt"), key=len, reverse=True))


@cache
def _zone_endings() -> tuple[str, ...]:
    words = (row[1] for row in read_table("people_zones.tsv") if row[0] == "ending")
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _zone_bodies() -> dict[str, str]:
    """A zone's body -> the title word that defaults to it (党工委 -> 书记, 管委会 -> 主任)."""
    return {row[1]: row[2] for row in read_table("people_zones.tsv") if row[0] == "body"}


@cache
def _bylines() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("people_bylines.tsv")}


@cache
def _story_cues() -> tuple[str, ...]:
    return tuple(sorted(read_lines("people_cues.txt"), key=len, reverse=True))


@cache
def _cue_words() -> frozenset[str]:
    """The words for kinds of people (``people_cues.txt``), to look up whole."""
    return frozenset(_story_cues())


@cache
def _followers() -> tuple[str, ...]:
    words = set(read_words("people_followers.txt"))
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _appointment_verbs() -> tuple[str, ...]:
    words = set(read_words("people_appointment_verbs.txt"))
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _appointment_verb_pattern() -> re.Pattern[str]:
    verbs = sorted((v for v in _appointment_verbs() if len(v) > 1), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, verbs)))


@cache
def _national_units() -> tuple[str, ...]:
    """See ``people_national_units.txt``."""
    return read_words("people_national_units.txt")


@cache
def _own_bodies() -> frozenset[str]:
    """See ``people_own_bodies.txt``."""
    return frozenset(read_words("people_own_bodies.txt"))


@cache
def _committee_steps() -> tuple[frozenset[str], frozenset[str]]:
    """(steps of membership, heads' posts): see ``people_committee_steps.txt``."""
    steps, heads = (frozenset(line.split()) for line in read_lines("people_committee_steps.txt"))
    return steps, heads


def _without_committee_steps(posts: list[Post]) -> list[Post]:
    """``posts`` less the steps of the appointment formula (委员、常委、书记 of one committee)."""
    steps, heads = _committee_steps()
    roles: dict[str, set[str]] = {}
    for post in posts:
        roles.setdefault(post.organisation.key, set()).add(post.role_span.text)
    formula = {key for key, held in roles.items() if steps <= held and held & heads}
    if not formula:
        return posts
    return [
        post
        for post in posts
        if post.organisation.key not in formula or post.role_span.text not in steps
    ]


@cache
def _former_marks() -> frozenset[str]:
    """Characters between a body and a title of a former post: ``people_former_marks.txt``."""
    return frozenset(read_words("people_former_marks.txt"))


@cache
def _media() -> tuple[str, ...]:
    return tuple(sorted(read_lines("people_media.txt"), key=len, reverse=True))


@cache
def _group_body_after() -> re.Pattern[str]:
    """的 and the name of a working group (某督查组第九组), ending in one of
    ``people_group_bodies.txt`` and perhaps the number of one of its groups."""
    bodies = "|".join(re.escape(b) for b in sorted(_group_bodies(), key=len, reverse=True))
    return re.compile(
        rf"的(?P<body>[^，,。；;、的“”\s]{{0,24}}?(?:{bodies})(?:第[一二三四五六七八九十]+组)?)"
    )


@cache
def _nominee_suffixes() -> tuple[str, ...]:
    return tuple(read_lines("people_nominee_suffixes.txt"))


@cache
def _story_posts() -> frozenset[str]:
    return frozenset(read_lines("people_story_posts.txt"))


@cache
def _report_cues() -> tuple[str, ...]:
    return tuple(read_lines("people_report_cues.txt"))


@cache
def _posting_marks() -> tuple[str, ...]:
    return tuple(read_lines("people_posting_marks.txt"))


@cache
def _captions() -> tuple[str, ...]:
    return tuple(sorted(read_lines("people_captions.txt"), key=len, reverse=True))


@cache
def _byline_cues() -> tuple[str, ...]:
    """The cues of credit lines of two characters or more (记者, 本报记者), longest first."""
    return tuple(sorted((c for c in _bylines() if len(c) > 1), key=len, reverse=True))


@cache
def _credited_list() -> re.Pattern[str]:
    """A credit's cue, a separator and names joined by 、, ending where matched (作者:甲、乙);
    or one name after a separator (编辑:甲|责编:乙)."""
    cues = "|".join(re.escape(c) for c in _byline_cues())
    han = "[\u4e00-\u9fff]{2,4}"
    return re.compile(rf"(?:{cues})(?:[:：/／ ]*(?:{han}、)+|[:：/／]+){han}$")


@cache
def _credit_words() -> tuple[str, ...]:
    return tuple(sorted(read_lines("people_credit_words.txt"), key=len, reverse=True))


@lru_cache(maxsize=8192)
def _names_a_division(name: str) -> bool:
    """Whether ``name`` is a name or short form of a division of county level or above."""
    from kg.extract.gazetteer import lookup

    high = (Level.PROVINCE, Level.PREFECTURE, Level.COUNTY)
    return any(d.level in high for d in lookup(name))


@cache
def _group_bodies() -> tuple[str, ...]:
    return tuple(read_lines("people_group_bodies.txt"))


@cache
def _body_prefixes() -> tuple[str, ...]:
    """Abbreviations of organisations.tsv that open the name of a body of their own: the
    national bodies (国务院) and a region's word for itself (自治区), longest first."""
    rows = _org_rows()
    own = (a for a, row in rows.items() if "{name}" not in row.template or row.level == a)
    words = (a for a in own if len(a) > 1)
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _national_bodies() -> tuple[frozenset[str], int]:
    """The prefixes of ``_body_prefixes`` that are bodies of their own, no region's word
    (国家统计局, 国务院), and the length of the longest."""
    rows = _org_rows()
    words = frozenset(a for a in _body_prefixes() if "{name}" not in rows[a].template)
    return words, max(map(len, words), default=0)


@cache
def _body_suffixes() -> tuple[str, ...]:
    """Endings of bodies' names of two characters or more (党工委, 委员会): a name is not
    followed by one."""
    return tuple(w for w in _org_suffixes() if len(w) > 1)


def _word_tag(word: str) -> str:
    return tokenizer().tables.tags.get(word, "")


def _verbal_word(word: str) -> bool:
    """Whether ``word`` is a verb or adjective of jieba's dictionary (安全, 安居)."""
    return _word_tag(word) in _VERBAL_TAGS and bool(tokenizer().tables.freq.get(word))


@cache
def _name_syllables() -> frozenset[str]:
    """Parts of Tibetan and Mongolian names (``people_name_syllables.txt``)."""
    return frozenset(read_words("people_name_syllables.txt"))


_SYLLABLE_LENGTHS = (4, 3, 2)
_SYLLABLE_NAME_LONGEST = 8


@cache
def _role_list() -> re.Pattern[str]:
    """A role of a meeting's members (``people_list_roles.txt``) or a count of the people a
    clause describes, closed by a colon that a list of their names follows: 执行主席：,
    担任执行主席的是：, 由副县长任县委常委的两人：."""
    roles = "|".join(sorted(read_lines("people_list_roles.txt"), key=len, reverse=True))
    count = r"[0-9一二两三四五六七八九十]+(?:人|名|位)(?:同志|干部)?"
    return re.compile(rf"(?:(?:{roles})(?:的是|是|为|有)?|的{count})[ \u3000]*[：:][ \u3000]*")


@cache
def _salutation() -> re.Pattern[str]:
    """A salutation and its punctuation (``people_salutations.txt``): 各位代表：."""
    words = "|".join(sorted(read_lines("people_salutations.txt"), key=len, reverse=True))
    return re.compile(rf"(?:{words})[ \u3000]*[：:，,！!]")


@cache
def _province_bodies() -> tuple[str, ...]:
    return read_words("people_province_bodies.txt")


@cache
def _nominee_marks() -> tuple[str, ...]:
    return read_words("people_nominee_marks.txt")


@cache
def _parties() -> tuple[str, ...]:
    return read_words("people_parties.txt")


@cache
def _heeding_verbs() -> tuple[str, ...]:
    return read_words("people_heeding_verbs.txt")


@cache
def _region_heads() -> frozenset[str]:
    return frozenset(read_words("people_region_heads.txt"))


@cache
def _formulas() -> tuple[str, ...]:
    """What follows 同志 in set formulas (以某某同志为核心): see ``people_formulas.txt``."""
    return read_words("people_formulas.txt")


@cache
def _own_name_suffixes() -> tuple[str, ...]:
    return read_words("people_own_name_suffixes.txt")


@cache
def _party_organs() -> tuple[str, ...]:
    words = set(read_words("people_party_organs.txt"))
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=256)
def _party_organ(title: str) -> str | None:
    """The Party organ a title opens with, where the rest is a title of its own (党委|副书记)."""
    for organ in _party_organs():
        if title.startswith(organ) and title[len(organ) :] in titles():
            return organ
    return None


@cache
def _not_names() -> frozenset[str]:
    return frozenset(read_words("people_not_names.txt"))


# --- the work --------------------------------------------------------------------------------


@dataclass
class _Mention:
    span: Span
    posts: list[Post] = field(default_factory=list)
    role: str | None = None


@dataclass
class _TitleHit:
    start: int
    end: int
    title: str
    org_start: int
    """Start of the organisation written before the title (== start when none)."""
    org: Organisation | None


class _Reader:
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

    # -- tokens and names --

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
        if self.doc.is_masked(start, end) or name in _not_names():
            return False
        if _CAPTION_PLACE.fullmatch(name):
            return False  # 记者(左二): where a photo's caption places a person, no name
        if start > 0 and self.text[start - 1].isdigit():
            return False  # 2013年|任职: a name does not follow a figure
        if len(name) == 2 and not listed and _names_a_division(name):
            return False  # 丽江, 永胜: a two-character short name of a county or above
        if name[-1] in LEVEL_CHARS and not (level_end or self._named_whole(start, end)):
            return False  # 东山|乡; not 董建镇 that jieba reads as a name
        if name.endswith(_org_suffixes()) and not self._named_whole(start, end):
            return False  # 县|农业局, 东山|卫生院; not 姚增科, 鹿心社 that jieba reads as names
        if any(t in name for t in titles() if len(t) > 1):
            return False
        if self.text.startswith(_body_suffixes(), end):
            return False  # 东山头|党工委: the name of a place whose body follows
        if _word_tag(name[1:]) in _NOT_GIVEN_NAME_TAGS and not name[1:].startswith(_ANONYMISED):
            return False  # 连|谁: a pronoun after a surname's character is no given name
        if len(name) == 3 and name[1:] in _cue_words():
            return False  # 包|党员, 包|农户: a verb and the kind of people it governs
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
        if self.text.startswith(_followers(), at):
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
            for word in _followers()
        )

    def name_at(self, start: int, limit: int) -> int | None:
        """End of a person's name starting at ``start`` (before ``limit``), if there is one."""
        dotted = self._dotted_name_end(start, limit)
        if dotted is not None:
            return dotted
        syllables = _name_syllables()
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
        syllables = _name_syllables()
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
        if self.doc.is_masked(start, end) or self.text[start:end] in _not_names():
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
            or not self.text.startswith(_followers(), first.end)
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
        (周长|强); not a word a surname opens that is a verb or adverb (高度, 任职)."""
        surname = self._surname_length(start)
        first = self.tokens.get(start)
        end = start + surname + 2
        if (
            not surname
            or first is None
            or first.pos[:1] in _NOT_NAME_START_TAGS
            or first.end > end
            or end >= limit
            or self.text[end] not in "，,"
            or end not in self.bounds
            or not self._valid_name(start, end)
        ):
            return None
        return end

    def _rare_surname_name_end(self, start: int, limit: int) -> int | None:
        """市委书记贠某某委托, 局长户某，: right after a title, a rare surname (see
        ``people_surnames_rare.txt``) and one or two characters at a word's end, closed by a
        word that follows names, punctuation or the line's end; not where jieba reads the
        surname as an adverb or verb (县长都要, 书记来说) unless the name ends its line
        (代县长都某某 signing a report)."""
        if self.text[start : start + 1] not in _rare_surnames():
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
        syllables = _name_syllables()
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
                or self.text.endswith(_heeding_verbs(), floor, start)
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

    def _name_end_before_verb(self, start: int, chain: list[_TitleHit]) -> int:
        """End of the name from ``start`` that closes right before ``chain``: not the
        one-character appointment verb jieba read as the name's last character (王某任|某市委
        副书记 is 王某, appointed), where the post's body is written out after it; a name
        that stands before its post without a verb has its title bare (顾琨书记)."""
        end = chain[0].org_start
        if (
            end - start >= 3
            and self.text[end - 1] in _appointment_verbs()
            and chain[0].org is not None
            and chain[0].org_start < chain[0].start
            and self._valid_name(start, end - 1)
        ):
            return end - 1
        return end

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
        if self.text[start:end] in _not_names() or self._in_place(start, end):
            return None
        return start

    # -- organisations --

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
        if not rest.endswith(_org_suffixes()) or len(rest) > longest:
            return None
        if _NOT_IN_BODY.search(rest):
            return None  # 市人大常委会关于任命甲同志为市政府: a clause, not one body's name
        if rest[0] in LEVEL_CHARS and division.name.endswith(rest[0]):
            rest = rest[1:]
        if len(rest) < 2:
            return None  # 县|委: an ending alone (工商联, 医院 are bodies of their own)
        name = division.name + rest
        if rest.endswith(_own_name_suffixes()):
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
            elif rest[0] in LEVEL_CHARS and rest.endswith(_org_suffixes()) and len(rest) <= 20:
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
        if joined or (opens and self.text.endswith(_group_bodies(), start, end)):
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
                or not unit.endswith(_national_units())
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
            and rest.endswith(_own_name_suffixes())
            and all(_HAN.fullmatch(c) for c in rest)
            and not _NOT_IN_BODY.search(rest)
        )

    def _party_body(self, rest: str, start: int, end: int) -> Organisation | None:
        """A democratic party's committee written with its division's name (九三学社某省委):
        the party's, as its row for the bare level word (九三学社省委) expands it."""
        party = next((p for p in _parties() if rest.startswith(p)), None)
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
        if not 3 <= len(rest) <= 10 or not rest.endswith(_province_bodies()):
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
        if not rest.endswith(_body_suffixes() + _group_bodies()) and not (
            listed and rest.endswith(_org_suffixes())
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

    # -- patterns --

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
                    if org is None and seg < at and word[0] in _org_suffixes():
                        # 组织部长, 公安局长: the body's last character opens the title too
                        org = self.organisation(seg, at + 1, context, unplaced)
                    if org is None and seg < at - 1 and self.text[at - 1] in _former_marks():
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
                    marks = _nominee_suffixes()
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
        if written not in _own_bodies() and not (
            written[0] == _ENTRUSTED_BY
            and _OWN_DETERMINER + kind in _own_bodies()
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
        if place is not None and region and hit.title in _region_heads():
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
            mark = next((m for m in _nominee_marks() if gap.endswith(m)), "")
            joined = chains and gap[: len(gap) - len(mark)] in _CHAIN_JOINERS
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
        return self.text.startswith(_credit_words(), at)

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
                or self.text.startswith(_followers(), end)
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
        if not before.endswith(_appointment_verbs()):
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
        return None if name in _not_names() or self.doc.is_masked(at, end) else end

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
        if self.text[start:end] in _not_names() or self._in_place(start, end):
            return
        self._add(start, end, [])

    def _name_glued_to_title(self, title: _TitleHit, limit: int) -> int | None:
        """End of a name after a title that jieba cut through (…副总指挥长|其美仁增主持 read as
        长其|美仁|增): two to four Han characters up to a word that follows names, at a word
        boundary.  Not after a word that only opens with a title (主席台|前排)."""
        at = title.end
        if at in self.bounds:
            return None
        crossing = max((s for s in range(title.start, at) if s in self.tokens), default=None)
        if crossing is None or crossing == title.start:
            return None
        for end in (at + 4, at + 3, at + 2):
            if (
                end < limit
                and end in self.bounds
                and self.text.startswith(_followers(), end)
                and self._valid_name(at, end)
            ):
                return end
        return None

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

    def _clause_start(self, at: int, floor: int, marks: str = _CLAUSE_MARKS) -> int:
        """Where the clause holding ``at`` starts: right after the last of ``marks`` before
        ``at``, and not before ``floor``; ``floor`` itself where none stands between."""
        return max(max(self.text.rfind(c, floor, at) for c in marks) + 1, floor)

    def _line_start(self, at: int) -> int:
        """Where the line holding ``at`` starts, looking back no further than a paragraph's
        usual length (the clauses of one notice)."""
        floor = max(0, at - _LINE_LOOKBACK)
        return self.text.rfind("\n", floor, at) + 1 or floor

    def read_sentence(self, start: int, end: int) -> None:
        self._load_tokens(start, end)
        self.sentence_start = start
        self.sentence_end = end
        self._story_people(start, end)  # first: 选派干部石磊到大利村担任驻村第一书记
        self._aged_people(start, end)
        self._described_people(start, end)
        self._villagers(start, end)
        self._households(start, end)
        chain_at: dict[int, _Mention] = {}
        held: dict[str, Organisation] = {}
        for chain in self._chains(start, end):
            context: list[Division] = []
            posts: list[Post] = []
            for hit in chain:
                post = self._post(hit, context)
                if post is None and not posts:
                    # not within a chain: 国资委党委副书记、副主任 is the 国资委's, whoever
                    # was 主任 before in the sentence
                    post = self._deputy_post(hit, held)
                if post is not None:
                    posts.append(post)
                    if post.organisation.division is not None:
                        context.append(post.organisation.division)
                elif hit.org is None and posts and titles().get(hit.title) is None:
                    # 县委常委、副书记: a bare title shares the body before it; one that is
                    # no secretary's, the body whose Party committee it is (集团党委书记、董事长)
                    shared = posts[-1].organisation
                    if shared.parent is not None and "书记" not in hit.title:
                        organ = shared.name.removeprefix(shared.parent.name)
                        shared = shared.parent if organ in _party_organs() else shared
                    posts.append(
                        Post(
                            span=self.doc.span(hit.start, hit.end),
                            role_span=self.doc.span(hit.start, hit.end),
                            organisation=shared,
                        )
                    )
            for post in posts:
                held.setdefault(post.role_span.text, post.organisation)
            if self._group_post(chain, start, end):
                continue
            last = chain[-1]
            aside = _TITLE_ASIDE.match(self.text, last.end, end)
            after = aside.end() if aside else last.end
            opening = self.text[last.start - 1 : last.start] if last.start > start else ""
            if not aside and self.text[after : after + 1] == _POST_QUOTES.get(opening, "\0"):
                after += 1  # 某村驻村“第一书记”甲: the quoted post, then the name
            name_end = (
                self.name_at(after, end)
                or self._listed_first(after, end)
                or self._titled_syllable_name_end(after, end)
                or self._speaker_name_end(after, end)
                or self._place_word_name_end(after, end)
                or self._comma_closed_name_end(after, end)
                or self._rare_surname_name_end(after, end)
                or (None if aside else self._name_glued_to_title(last, end))
            )
            if name_end is not None:
                chain_at[chain[0].org_start] = self._add(after, name_end, posts)
                self._name_list(name_end, end, None, posts, first=False)
                continue
            career = self._career_name(chain, last.end, end) or self._apposed_name(
                chain, last.end, end
            )
            if posts and career is not None:
                # 曾任隆德县委常委、副县长的樊学双: the posts a person held, then the person
                chain_at[chain[0].org_start] = self._add(career[0], career[1], posts)
                continue
            signed = self._signature(last.end, end)
            if posts and signed is not None:
                chain_at[chain[0].org_start] = self._add(signed[0], signed[1], posts)
                continue
            colon = _LIST_COLON.match(self.text, last.end, end)
            if posts and colon and (first_end := self._listed_first(colon.end(), end)):
                # 选举产生12名省委常委：甲、乙、丙: a list of names after a colon
                self._add(colon.end(), first_end, posts)
                self._name_list(first_end, end, None, posts, first=False)
                continue
            name_start = self.name_before(chain[0].org_start, start)
            if name_start is None and posts:
                name_start = self._paired_given_name(chain[0].org_start, start)
            spaced = self._name_spaced_before(chain, start, end) if posts else None
            if name_start is not None:
                self._add(name_start, self._name_end_before_verb(name_start, chain), posts)
            elif spaced is not None:
                self._add(spaced[0], spaced[1], posts)
            elif posts and (
                named := self._names_before_verb(
                    start, self._chain_start(chain), self.text.startswith("的", last.end)
                )
            ):
                for name_start, name_end in named:
                    if not any(m.span.start == name_start for m in self.mentions):
                        self._add(name_start, name_end, [])
                    for mention in self.mentions:
                        if mention.span.start == name_start:
                            mention.posts.extend(posts)
            elif (
                posts
                and _RANK_BEFORE_POST.sub("", self.text[start : self._chain_start(chain)]).endswith(
                    _appointment_verbs()
                )
                # not 甲曾有过挂职副县长的经历: posts that qualify a noun, no one's to take
                and not self.text.startswith("的", last.end)
            ):
                # 罗明德、龙秀英分别担任…指挥长, 甲当选新华村党支部书记: the people of the
                # clause take the posts
                opens = self._chain_start(chain)
                clause = self._clause_start(opens, start, "，,；;：:")
                taken = False
                for mention in self.mentions:
                    if clause <= mention.span.start < opens:
                        mention.posts.extend(posts)
                        taken = True
                if not taken and clause > start + 1:
                    self._pronoun_posts(start, clause - 1, opens, posts)
            elif posts:
                # 决定任命甲为副省长，决定其为代理省长: 其 is the person named before
                opens = self._chain_start(chain)
                clause = self._clause_start(opens, start, "，,；;")
                if clause > start + 1 and _PRONOUN_APPOINTED.fullmatch(self.text, clause, opens):
                    self._pronoun_posts(start, clause - 1, clause, posts, True)
        self._spaced_signature(start, end)
        self._body_byline(start, end)
        self._opening_byline(start, end)
        self._name_line(start, end)
        self._counted_names(start, end)
        self._attending_names(start, end)
        self._role_lists(start, end)
        self._comrades(start, end)
        self._addressed_comrades(start, end)
        self._known_lists(start, end)
        self._credits(start, end, chain_at)
        self._report_giver(start, end)

    def _report_giver(self, start: int, end: int) -> None:
        """甲作政府工作报告(摘要): a name opening the sentence and closed by a cue of giving
        the report (``people_report_cues.txt``), as a headline or a caption writes it."""
        cues = [cue for cue in _report_cues() if self.text.find(cue, start, end) >= 0]
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

    def _group_named_after(self, hit: _TitleHit, start: int, end: int) -> re.Match[str] | None:
        """由甲任组长、乙任副组长的某督查组第九组对…: the working group named after 的 in the
        clause of a bare title that follows an appointment verb; ``None`` when not so."""
        if hit.org is not None or not self.text.endswith(_appointment_verbs(), start, hit.start):
            return None
        stops = (self.text.find(c, hit.end, end) for c in "，,。；;")
        stop = min((i for i in stops if i >= 0), default=end)
        return _group_body_after().search(self.text, hit.end, stop)

    def _group_post(self, chain: list[_TitleHit], start: int, end: int) -> bool:
        """Whether the chain is one title in a working group named after it (see
        ``_group_named_after``), given to the person named right before its verb."""
        group = self._group_named_after(chain[0], start, end) if len(chain) == 1 else None
        if group is None:
            return False
        hit = chain[0]
        verb = next(v for v in _appointment_verbs() if self.text.endswith(v, start, hit.start))
        name_end = hit.start - len(verb)
        holder = next((m for m in self.mentions if m.span.end == name_end), None)
        if holder is None:
            name_start = self.name_before(name_end, start)
            if name_start is None:
                return False
            holder = self._add(name_start, name_end, [])
        # a working group is one occasion's (its year, its number): keyed within the document
        body = Organisation(
            name=group.group("body"),
            span=self.doc.span(group.start("body"), group.end()),
            scope=self.doc.sha256[:16],
        )
        span = self.doc.span(hit.start, hit.end)
        holder.posts.append(Post(span=span, role_span=span, organisation=body))
        return True

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

    def _pronoun_posts(
        self, start: int, clause: int, opens: int, posts: list[Post], matched: bool = False
    ) -> None:
        """…生于1956年的甲，他是民盟成员，时任X、Y，升任Z: a clause of no name whose subject
        is a pronoun or nothing takes the posts for the last person named before it in the
        sentence (``matched``: the caller has read the clause's form already)."""
        if not matched and not _PRONOUN_CLAUSE.fullmatch(self.text, clause + 1, opens):
            return
        earlier = [m for m in self.mentions if start <= m.span.start < clause]
        if earlier:
            max(earlier, key=lambda m: m.span.start).posts.extend(posts)

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
                for word in _household_kinds()
                if (found := self.text.rfind(word, floor, at)) >= 0
            )
            village = self.text.rfind("村", floor, at) + 1
            if village and self.text.endswith(_not_villages(), floor, village):
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
            if at in self.bounds and not self.text.startswith(_formulas(), at + 2):
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

    def _credits(self, start: int, end: int, chain_at: dict[int, _Mention]) -> None:
        text = self.text
        for cue, role in sorted(_bylines().items(), key=lambda kv: -len(kv[0])):
            at = text.find(cue, start, end)
            while at >= 0:
                before = text[at - 1] if at > start else ""
                after = at + len(cue)
                dateline = _DATELINE_END.search(text, max(start, at - 8), at) is not None
                caption = len(cue) > 1 and text[start:at].endswith(_captions())
                if (
                    (
                        at == start
                        # 【本报讯】记者 张三: after a dateline; □记者甲: after a bullet
                        or before in "(（【[ \u3000】]|丨︱｜□■"
                        or dateline
                        or caption  # 图为记者甲在…
                        or text[start:at].endswith(_org_suffixes())  # …融媒体中心记者 张三
                        or text[start:at].endswith(_media())  # 安康日报记者 陈思远
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
        if text.startswith(_credit_words(), at) or text.startswith(_byline_cues(), at):
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
                    text[close] in ")）" or tail.startswith(_credit_words() + _byline_cues())
                ):
                    self._add_new(names, "reporter")

    def _line_opening(self, start: int, end: int) -> int | None:
        """Where the words of the sentence's line begin, after spaces and a bullet, if the
        sentence opens its line."""
        text = self.text
        line = text.rfind("\n", 0, start) + 1
        at = start
        while at < end and text[at] in _LINE_BULLETS:
            at += 1
        return None if text[line:start].strip(_LINE_BULLETS) else at

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
        if outlet < end and text[outlet] in " \u3000" and text[at:outlet].endswith(_media()):
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
        credit = text.startswith(_credit_words(), close)
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

    def _story_people(self, start: int, end: int) -> None:
        text = self.text
        taken: set[int] = set()
        for cue in _story_cues():
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
                        elif listed > after and cue in _story_posts():
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
        kind = next((s for s in _org_suffixes() if body.endswith(s)), "")
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
            if name in _not_names() or self.doc.is_masked(at, stop) or self._in_place(at, stop):
                return
            if self._list_item_end(stop + 1, end) is None:
                return
            self._add(at, stop, [])
            self._name_list(stop, end, None, first=False)
            return

    def _whole_names(self) -> None:
        """A two-character name that the text's own words continue into a longer name found
        elsewhere in it (叶继|革作报告 where 叶继革 is named before): jieba glued the given
        name's last character to the next word, so the mention is of the longer name."""
        longer = {m.span.text for m in self.mentions if len(m.span.text) == 3}
        for mention in self.mentions:
            start, end = mention.span.start, mention.span.end
            if end - start == 2 and self.text[start : end + 1] in longer:
                mention.span = self.doc.span(start, end + 1)

    def _adverb_ends(self) -> None:
        """A three-character name whose last character is an adverb (吴某|刚表示, 吴某|也说),
        where the text names the two-character person elsewhere: jieba glued the adverb to
        the name, so the mention is of the shorter name."""
        shorter = {m.span.text for m in self.mentions if len(m.span.text) == 2}
        for mention in self.mentions:
            start, end = mention.span.start, mention.span.end
            if (
                end - start == 3
                and self.text[start : end - 1] in shorter
                and _word_tag(self.text[end - 1]) == "d"
            ):
                mention.span = self.doc.span(start, end - 1)

    def people(self) -> list[Person]:
        self._adverb_ends()
        self._whole_names()
        by_name: dict[str, list[_Mention]] = {}
        for mention in sorted(self.mentions, key=lambda m: m.span.start):
            by_name.setdefault(mention.span.text, []).append(mention)
        people = []
        for mentions in by_name.values():
            posts: list[Post] = []
            seen: set[tuple[str, str]] = set()
            for mention in mentions:
                for post in mention.posts:
                    written = post.role_span.text
                    if written[:1] in LEVEL_CHARS and written[1:] in titles():
                        written = written[1:]  # 村党总支书记 again of the village named before
                    marks = _posting_marks()
                    mark = (
                        next(m for m in marks if written.startswith(m))
                        if written.startswith(marks)
                        else ""
                    )
                    if mark and written[len(mark) :] in titles():
                        written = written[len(mark) :]  # 驻村第一书记, then 第一书记 of it
                    key = (post.organisation.key, written)
                    if key not in seen:
                        seen.add(key)
                        posts.append(post)
            posts = _without_committee_steps(posts)
            carrier = next((m for m in mentions if m.posts), mentions[0])
            role = next((m.role for m in mentions if m.role), None)
            people.append(Person(span=carrier.span, posts=tuple(posts), role=role))
        return sorted(people, key=lambda p: p.span.start)


def extract(
    doc: Document, places: list[PlaceMention], jurisdiction: Division | None
) -> list[Person]:
    """The people named in ``doc``, one per name, with the posts the text gives them."""
    reader = _Reader(doc, places, jurisdiction)
    for sentence in doc.sentences:
        if doc.is_masked(sentence.start, sentence.end) and len(sentence) < 2:
            continue
        reader.read_sentence(sentence.start, sentence.end)
    return reader.people()
