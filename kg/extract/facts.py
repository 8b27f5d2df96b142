"""What extraction finds: facts, each tied to a span of one document.

These are plain values: extractors make them, ``kg.rdf.graph`` turns them into RDF.  Keys (``key``
attributes) are the stable strings IRIs are minted from: division codes, normalised (simplified)
names, document offsets.  Names "as written" are read from spans (``Span.written``), never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kg.text.document import Span


class Level(StrEnum):
    """Administrative levels, in order from the top; values are the ontology's local names."""

    PROVINCE = "Province"
    PREFECTURE = "Prefecture"
    COUNTY = "County"
    TOWNSHIP = "Township"
    VILLAGE = "Village"


class Qualifier(StrEnum):
    """How a stated number relates to the true value; values are the ontology's local names."""

    EXACT = "Exact"
    MORE_THAN = "MoreThan"  # 多, 余, 超过
    AT_LEAST = "AtLeast"  # 以上
    APPROXIMATELY = "Approximately"  # 近, 约, 左右
    AT_MOST = "AtMost"  # 以内, 以下


class Kind(StrEnum):
    TARGET = "Target"
    OUTCOME = "Outcome"


@dataclass(frozen=True)
class Division:
    """An administrative division, from the gazetteer or (unresolved) from the text alone.

    ``name`` is the official full name in simplified characters (永胜县, 玉龙纳西族自治县),
    ``short`` the usual short forms (永胜, 玉龙县); ``code`` the 6-digit GB/T 2260 code for
    county level and above, ``None`` below or when unresolved.
    """

    name: str
    level: Level
    code: str | None = None
    short: tuple[str, ...] = ()
    parent: Division | None = None

    @property
    def key(self) -> str:
        """Stable key: the code, else the parent's key, level and name."""
        if self.code:
            return self.code
        parent = self.parent.key if self.parent else "cn"
        return f"{parent}/{self.level.value.lower()}/{self.name}"

    def chain(self) -> list[Division]:
        """This division and its ancestors, innermost first."""
        out: list[Division] = []
        node: Division | None = self
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def contains(self, other: Division) -> bool:
        """Whether ``other`` is this division or lies inside it."""
        return any(d.key == self.key for d in other.chain())


@dataclass(frozen=True)
class PlaceMention:
    span: Span
    division: Division


@dataclass(frozen=True)
class Organisation:
    """A body such as 中共丽江市委; ``name`` is its simplified, expanded name (the key)."""

    name: str
    span: Span | None = None
    """Where it is named; ``None`` for a parent known only by inference."""
    division: Division | None = None
    parent: Organisation | None = None
    scope: str | None = None
    """For a body whose division the text never names (县委 in an article that names no county):
    the document it is keyed within, so two documents' unnamed 县委 stay two bodies."""

    @property
    def key(self) -> str:
        if self.scope is not None:
            return f"{self.scope}/{self.name}"
        return f"{self.division.key if self.division else 'cn'}/{self.name}"


@dataclass(frozen=True)
class Post:
    """A post held: the bare title (``role_span``, 副书记) in an organisation."""

    span: Span
    """The whole organisation + title mention (中共丽江市委副书记)."""
    role_span: Span
    organisation: Organisation


@dataclass(frozen=True)
class Person:
    span: Span
    """Where the name is written."""
    posts: tuple[Post, ...] = ()
    role: str | None = None
    """The person's part in the document where that is the whole story: author, editor, …"""

    @property
    def name(self) -> str:
        return self.span.text


@dataclass(frozen=True)
class Programme:
    """A named policy, project, campaign or plan."""

    span: Span
    """The name as written, without surrounding quotes or book-title marks."""
    name: str
    """Normalised simplified name (the key together with the area)."""
    area: Division | None = None
    part_of: str | None = None
    """``name`` of the programme this one is part of, in the same document."""
    evidence: Span | None = None
    """The sentence that ties the programme to its area, where that is not ``span``'s own."""


@dataclass(frozen=True)
class Quantity:
    span: Span
    """The number with its qualifier and measure word (100多万亩)."""
    value: Decimal
    unit: str
    """Unit notation from the contract: HOUSEHOLD, PERSON, MU, CNY, PERCENT, COUNT, …"""
    classifier: str | None = None
    """The measure word as written where the unit is COUNT (个, 座, 期, …)."""
    qualifier: Qualifier = Qualifier.EXACT
    baseline: Decimal | None = None
    """The earlier value of 从A增加到B pairs."""
    falls: bool = False
    """A rate of change written after a verb of falling (下降3.2%, 回落1个百分点): the value as
    written; the measurement records the change as negative unless its indicator is the fall
    itself (单位GDP能耗下降)."""


@dataclass(frozen=True)
class Measurement:
    """A target (planned) or an outcome (achieved) in a clause of the text."""

    kind: Kind
    quantity: Quantity
    span: Span
    """The clause that states it: the provenance quote."""
    indicator: str
    """What is counted, simplified (高产稳产标准农田, 群众认可度, 贫困人口脱贫)."""
    indicator_span: Span | None = None
    area: Division | None = None
    programme: str | None = None
    """``name`` of the programme the sentence ties it to."""
    period: str | None = None
    """The period's label (``2019``, ``2016/2020``, ``2020-05``, ``2019-10-26``; see
    :mod:`kg.extract.periods`)."""
    period_inferred: bool = False
    """The period is not written in the clause or sentence but inferred (heading, plan period,
    a word such as 今年, the document's date)."""


@dataclass(frozen=True)
class Metadata:
    title: Span | None = None
    created: str | None = None
    """ISO date or date-time as published."""
    issued: str | None = None
    """ISO date the document was issued, as its text gives it (``kg.extract.periods.issued``)."""
    publisher: str | None = None


@dataclass
class Facts:
    """Everything extracted from one document."""

    metadata: Metadata = field(default_factory=Metadata)
    jurisdiction: Division | None = None
    """The document's own area: what 全市, 我市 and unplaced facts refer to."""
    places: list[PlaceMention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)
    boilerplate_share: float = 0.0
    """The share of the text (non-space characters) that is page boilerplate, not read for facts."""
