"""The plain data that flows through marsad: articles and what stages find in them.

Every span (`start`, `end`) is a code-point offset into `Article.text`, the cleaned body text.
All classes are frozen: a stage returns a new Article with `dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
Granularity = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str
    type: EntityType
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A title an entity held ("الأمين العام لحلف شمال الأطلسي"), `since`/`until` ISO dates or open."""

    title: str
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent; its id is stable across every article of a database."""

    id: str
    name: str
    type: EntityType
    variants: tuple[str, ...] = ()
    english: str | None = None
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    direct: bool
    via: str | None = None
    about: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to a calendar value.

    `value` is ISO: "2020-05-14" (day), "2020-05" (month) or "2020" (year).
    """

    start: int
    end: int
    text: str
    value: str
    granularity: Granularity


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement reported by several outlets; `independent` counts reports not copied from
    another article of the story (republished agency copy counts once)."""

    text: str
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]
    independent: int = 0


@dataclass(frozen=True, slots=True)
class Version:
    """One way outlets report a statement's counts: a sentence that says it, the counts in dispute
    (digits normalized: "51", "44 مليون"), the outlets and articles that report it so."""

    text: str
    figures: tuple[str, ...]
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Difference:
    """A statement the outlets report with different counts (a toll, a number of arrests), its
    versions in the order they were first reported: a later version may be an update rather than
    a disagreement."""

    versions: tuple[Version, ...]


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A day the story's articles date (relative dates resolved: "بعد غد الأربعاء"), with the
    sentence that tells most centrally what happens then and the outlets and articles dating it."""

    day: str  # ISO date
    text: str
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """Articles from one or more outlets about one event or development, followed over time."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first_at: datetime | None = None
    last_at: datetime | None = None
    summary: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    entities: tuple[tuple[str, str, str, int], ...] = ()  # (entity id or key, name, type, articles)
    duplicates: tuple[tuple[str, str], ...] = ()  # (article id, id of the article it copies)
    differences: tuple[Difference, ...] = ()
    events: tuple[DatedEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article.

    Before the extract stage, `text` holds the raw input text and `html` the raw page when the
    input was HTML; after it, `text` is the cleaned body and `removed` lists what was dropped.
    """

    id: str
    source: str
    text: str
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    published_granularity: Literal["day", "minute", "second"] = "day"
    fetched_at: datetime | None = None
    agency: str | None = None
    removed: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: dict[str, Entity] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    story: str | None = None

    @property
    def reference_at(self) -> datetime | None:
        """The moment relative dates in the text are resolved against."""
        return self.published_at or self.fetched_at
