"""What the store answers about stories, and analyst curation of them.

Implemented by `store.sqlite_stories.SQLiteStories` (owner: the stories issue, #8).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol

from marsad.model import Claim, DatedEvent, Difference, Story

__all__ = ["Claim", "DatedEvent", "Difference", "StoryArticle", "StoryDetail", "StoryStore", "StorySummary"]


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
    fetched_at: str | None = None  # when it was fetched: its date when it has no publication date


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
    differences: tuple[Difference, ...] = ()
    events: tuple[DatedEvent, ...] = ()


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

    def stale_stories(self) -> list[str]:
        """Stories whose title and summary predate an analyst's merge or split."""

    # What the story step (corpus/stories.py) reads and writes.

    def save_story(self, story: Story) -> None: ...

    def save_duplicates(self, pairs: Iterable[tuple[str, str]]) -> None: ...

    def story_duplicates(self, article_ids: Iterable[str]) -> dict[str, str]: ...

    def assigned_stories(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The story of each already stored article (analyst pins first)."""

    def story_records(self, story_id: str, *, limit: int | None = None) -> list[dict[str, Any]]: ...

    def active_story_records(self, days: float) -> list[dict[str, Any]]:
        """Records of the stories with an article in the last `days` days of the store's data."""

    def move_story(self, story_id: str, into: str) -> None:
        """The clustering merged `story_id` into `into`: its articles follow (not a curation)."""

    def pinned_stories(self) -> set[str]:
        """Stories an analyst curated (merged or split): the clustering never merges them."""

    def load_story_state(self) -> dict[str, bytes]: ...

    def save_story_state(self, state: dict[str, bytes]) -> None: ...
