"""The walk over the text: each sentence read in turn, and the people gathered from it."""

from __future__ import annotations

import re

from kg.extract.facts import Division, Organisation, Person, PlaceMention, Post
from kg.extract.lexicon import titles
from kg.extract.people.lexicon import (
    LEVEL_CHARS,
    _committee_steps,
    entries,
    longest_first,
)
from kg.extract.people.lists import _LIST_COLON
from kg.extract.people.names import _Mention, _word_tag
from kg.extract.people.stories import _StoryReader
from kg.extract.people.titles import _POST_QUOTES, _TitleHit
from kg.text.document import Document

_ADVERB_TAGS = frozenset({"d", "t"})
"""jieba tags of the adverbs and time words that a name's last character may open (原来, 后来)."""
_TITLE_ASIDE = re.compile(r"[(（](?:兼|兼任|代|挂职|正[厅处科]级|副[厅处科]级)[)）]")
"""A remark in brackets between a title and the name it belongs to: 新闻办主任(兼)甲."""
_RANK_BEFORE_POST = re.compile(r"(?:[正副][省部厅局处科]级的?|[“「])$")
"""A rank between an appointment verb and the post (调任正厅级的…县委书记), or the quote mark
a feature puts round a post (当了“第一书记”)."""
_PRONOUN_CLAUSE = re.compile(
    r"[他她]?(?:后|随后|此后)?于?(?:(?:[0-9]{4}|同|当|次)年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?"
    r"(?:时任|现任|曾任|升任|转任|调任|改任|后任|先后任|担任|任)"
)
"""A clause whose subject is the person named before it: (他)时任…, 升任…, and where a date
opens it (2021年3月升任…, 同年6月改任…)."""
_PRONOUN_APPOINTED = re.compile(r"(?:决定|同意|批准)?(?:任命)?其(?:为|任|担任)")
"""A clause appointing the person named before it by 其: 决定其为代理省长."""


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


class _Reader(_StoryReader):
    """Every rule: ``read_sentence`` applies them to a sentence, ``people`` gathers the names."""

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
                and self.text.startswith(longest_first("followers"), end)
                and self._valid_name(at, end)
            ):
                return end
        return None

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
                        shared = shared.parent if organ in longest_first("party_organs") else shared
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
                    longest_first("appointment_verbs")
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

    def _group_post(self, chain: list[_TitleHit], start: int, end: int) -> bool:
        """Whether the chain is one title in a working group named after it (see
        ``_group_named_after``), given to the person named right before its verb."""
        group = self._group_named_after(chain[0], start, end) if len(chain) == 1 else None
        if group is None:
            return False
        hit = chain[0]
        verb = next(
            v for v in longest_first("appointment_verbs") if self.text.endswith(v, start, hit.start)
        )
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
        """A three-character name whose last character is an adverb (吴某|刚表示, 吴某|也说)
        or opens one with the character after it (吴某|原|来在…, 吴某|后|来…), where the text
        names the two-character person elsewhere: jieba glued the adverb or its first
        character to the name, so the mention is of the shorter name."""
        shorter = {m.span.text for m in self.mentions if len(m.span.text) == 2}
        for mention in self.mentions:
            start, end = mention.span.start, mention.span.end
            if (
                end - start == 3
                and self.text[start : end - 1] in shorter
                and (
                    _word_tag(self.text[end - 1]) == "d"
                    or _word_tag(self.text[end - 1 : end + 1]) in _ADVERB_TAGS
                )
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
                    marks = entries("posting_marks")
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
