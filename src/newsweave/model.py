"""The newsweave data model: plain frozen dataclasses, no behaviour beyond small derived views.

Everything that states a fact points at its evidence through :class:`Span` — an article id and
character offsets into the article text exactly as stored (end-exclusive, Python ``str`` indexing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

__all__ = [
    "Article",
    "Claim",
    "Conflict",
    "DatePrecision",
    "Dispute",
    "Dossier",
    "Entity",
    "Fact",
    "Mention",
    "Outlet",
    "OutletKind",
    "Position",
    "PublishedTime",
    "Rejection",
    "Sentence",
    "Span",
    "Statement",
    "Story",
    "StoryMember",
    "TimeExpression",
    "TimelineEntry",
]

OutletKind = Literal[
    "wire agency", "newspaper", "broadcaster", "government", "state media", "magazine", "online", "unknown"
]
DatePrecision = Literal["second", "minute", "day", "month", "year", "unknown"]


@dataclass(frozen=True, slots=True)
class Span:
    """A view into an article's text: ``text[start:end]`` of article ``article_id``."""

    article_id: str
    start: int
    end: int

    def text(self, article_text: str) -> str:
        return article_text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class PublishedTime:
    """When a report was published, and how we know.

    ``value`` is timezone-aware (UTC when the source gave no zone) or ``None`` when unknown — newsweave
    never invents a date. ``origin`` says where it came from: ``text-prefix``, ``field``, ``json-ld``, ``dateline``,
    ``meta``, ``url``, ``text``, ``feed``, ``user`` or ``none``; ``confidence`` is in [0, 1].
    """

    value: datetime | None
    precision: DatePrecision = "unknown"
    origin: str = "none"
    confidence: float = 0.0

    @property
    def known(self) -> bool:
        return self.value is not None


UNKNOWN_TIME = PublishedTime(None)


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet: a wire agency, a newspaper, a broadcaster, a government, state media ..."""

    id: str
    name: str
    domains: tuple[str, ...] = ()
    country: str | None = None
    kind: OutletKind = "unknown"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as stored. ``id`` is a hash of its normalised text (stable across runs)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # Outlet.id, when recognised
    outlet_name: str | None = None  # the name as the source gave it
    author: str | None = None
    language: str | None = None
    published: PublishedTime = UNKNOWN_TIME
    ingested: datetime | None = None
    source: str | None = None  # where it was read from: path[:line], URL, "-" for stdin
    external_id: str | None = None  # the id the input gave, if any
    copy_of: str | None = None  # near-duplicate of this earlier article
    copy_similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input record that could not become an article, kept for inspection."""

    source: str
    reason: str  # a short code: empty, binary, undecodable, too-large, no-text, future-date, malformed, ...
    message: str  # what happened and how to fix it
    line: int | None = None
    excerpt: str | None = None
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    index: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity (or pronoun/nominal) mention; ``entity_id`` links it to its canonical :class:`Entity`."""

    span: Span
    text: str
    label: str
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one person, place, organisation ... with the names it goes by."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A TIMEX3 time expression, normalised against the report's publication date.

    ``type`` is DATE, TIME, DURATION or SET; ``value`` a TIMEX3 value (``2021-11-06TNI``, ``2021-06``,
    ``P1M``, ``PRESENT_REF`` ...); ``mod`` a TIMEX3 modifier (START, MID, END, APPROX, BEFORE ...).
    ``earliest``/``latest`` bound the interval the expression denotes (``None`` when unresolvable),
    ``granularity`` is the unit of the value (year, quarter, month, week, day, part-of-day, hour, minute),
    and ``anchor`` says what it was resolved against: ``dct`` (publication date, or a later update the page
    states: :func:`newsweave.analyze.pipeline.anchor_time`), ``previous`` (the
    previous time in the discourse), ``absolute`` or ``none``.
    """

    span: Span
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    earliest: datetime | None = None
    latest: datetime | None = None
    granularity: str | None = None
    anchor: str = "none"


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what, through which channel, relayed by whom.

    ``channel`` is one of: written statement, social media post, press briefing, interview, broadcast,
    report, unknown. ``relays`` are the outlets (names as written) that passed the statement on, nearest
    first ("quoted by Reuters" → ``("Reuters",)``).
    """

    content: Span
    cue: Span | None
    cue_verb: str | None
    speaker: Span | None
    speaker_text: str | None
    speaker_entity: str | None = None  # Entity.id or canonical name
    anonymous: bool = False
    direct: bool = False
    channel: str = "unknown"
    relays: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable assertion of a report: subject — predicate — arguments, with hedge and evidence."""

    id: str
    evidence: Span
    subject: str | None
    predicate: str
    arguments: tuple[tuple[str, str], ...] = ()  # (role, value): target, place, time, count, status, means ...
    polarity: bool = True
    hedge: str | None = None
    certainty: float = 1.0
    statement: Statement | None = None


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str | None = None
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    merged_into: str | None = None


@dataclass(frozen=True, slots=True)
class StoryMember:
    story_id: str
    article_id: str
    score: float | None = None
    copy_of: str | None = None
    pinned: bool = False  # placed by a human: never moved by the system


@dataclass(frozen=True, slots=True)
class Fact:
    story_id: str
    label: str
    claims: tuple[Claim, ...]
    supporting_articles: tuple[str, ...]
    independent_sources: int
    originator: str | None = None
    earliest_article: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A disagreement between two aligned claims. ``verdict`` is contradiction, precision or certainty."""

    kind: str  # number, magnitude, status, time, place, actor, means, polarity, attribution, certainty
    verdict: Literal["contradiction", "precision", "certainty"]
    side_a: Claim
    side_b: Claim
    reason: str


@dataclass(frozen=True, slots=True)
class Position:
    """One value a disputed fact is given ("three", "killed", "Baghdad"), with every claim that gives it."""

    value: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Dispute:
    """The contradictions of one fact, gathered: every value the reports give it, once, with the claims behind
    each, and the pairs of values that cannot both be true (indexes into ``positions``) with the reason."""

    fact: str
    kind: str
    positions: tuple[Position, ...]
    pairs: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    label: str
    earliest: datetime | None
    latest: datetime | None
    value: str | None
    evidence: tuple[Span, ...]
    background: bool = False
    alternative_datings: tuple[str, ...] = ()
    minor: bool = False  # told by one report and of no kind of event the lexicon knows: a dated mention


@dataclass(frozen=True)
class Dossier:
    story: Story
    summary: tuple[tuple[str, tuple[Span, ...]], ...]  # each sentence with the spans it cites
    timeline: tuple[TimelineEntry, ...]
    statements: tuple[Statement, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    articles: tuple[Article, ...]
    schema_version: str = "1"
    extra: dict = field(default_factory=dict)
    disputes: tuple[Dispute, ...] = ()
