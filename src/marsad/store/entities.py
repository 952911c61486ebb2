"""What the store answers about entities: the registry's read side and analyst curation.

Implemented by `store.sqlite_entities.SQLiteEntities` (owner: the linking issue, #3).
The web UI, API and CLI use only these calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from marsad.model import EntityType, Role


@dataclass(frozen=True, slots=True)
class EntitySummary:
    id: str
    name: str
    type: EntityType
    english: str | None
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class EntityDetail:
    id: str
    name: str
    type: EntityType
    english: str | None
    variants: tuple[tuple[str, int], ...]  # (variant as written, mentions), most frequent first
    roles: tuple[Role, ...]
    mentions: int
    articles: int
    first_at: datetime | None
    last_at: datetime | None


@dataclass(frozen=True, slots=True)
class EntityRule:
    """One analyst curation, replayed by the corpus registry on every later run.

    `action` is "merge" (`entity` becomes `value`), "alias" (mentions written `value` link to
    `entity`) or "split" (`value` is JSON: {"variants": [...], "into": new id}).
    """

    action: str
    entity: str
    value: str


@dataclass(frozen=True, slots=True)
class StoredEntity:
    """An entity as the registry keeps it between runs."""

    id: str
    name: str
    type: EntityType
    english: str | None
    variants: tuple[str, ...]
    roles: tuple[Role, ...]


class EntityStore(Protocol):
    def list_entities(
        self,
        *,
        query: str | None = None,
        type: EntityType | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[EntitySummary]:
        """Entities by mentions in the period (most first); `query` matches names and variants."""

    def get_entity(self, entity_id: str) -> EntityDetail | None: ...

    def entity_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        """Mentions per publication day: [("2020-05-14", 12), ...], oldest first."""

    def cooccurring_entities(self, entity_id: str, *, limit: int = 10) -> list[tuple[EntitySummary, int]]:
        """Entities named in the same articles, with the number of shared articles."""

    def entity_article_ids(self, entity_id: str, *, limit: int = 20, offset: int = 0) -> list[str]:
        """Articles that mention the entity, newest first."""

    def merge_entities(self, keep: str, other: str) -> None:
        """Analyst curation: `other` becomes `keep` now and in every later run."""

    def split_entity(self, entity_id: str, variants: list[str]) -> str:
        """Analyst curation: mentions written as `variants` move to a new entity; returns its id."""

    def add_alias(self, entity_id: str, alias: str) -> None:
        """Analyst curation: mentions written `alias` link to the entity in every later run."""

    def entity_rules(self) -> list[EntityRule]:
        """Every curation, oldest first (the registry replays them)."""

    def load_entities(self) -> list[StoredEntity]:
        """Every stored entity (the registry's state at the start of a run)."""
