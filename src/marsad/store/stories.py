"""What the store answers about stories, and analyst curation of them.

Implemented by `store.sqlite_stories.SQLiteStories` (owner: the stories issue, #8).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: str
    title: str
    articles: int
    outlets: int
    first_at: datetime | None
    last_at: datetime | None
    growth: int  # articles added in the last day of the store's data


@dataclass(frozen=True, slots=True)
class StoryArticle:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    duplicate_of: str | None  # republished copy of another article of the story


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryDetail:
    id: str
    title: str
    summary: tuple[str, ...]
    first_at: datetime | None
    last_at: datetime | None
    timeline: tuple[tuple[str, int], ...]  # articles per day
    articles: tuple[StoryArticle, ...]
    claims: tuple[Claim, ...]
    entities: tuple[tuple[str, str, str, int], ...]  # (entity id, name, type, articles)


class StoryStore(Protocol):
    def list_stories(
        self,
        *,
        order: Literal["recent", "growing", "largest"] = "recent",
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[StorySummary]: ...

    def get_story(self, story_id: str) -> StoryDetail | None: ...

    def merge_stories(self, keep: str, other: str) -> None:
        """Analyst curation that survives later runs."""

    def split_story(self, story_id: str, article_ids: list[str]) -> str:
        """Analyst curation: the articles move to a new story; returns its id."""
