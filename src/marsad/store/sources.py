"""What the store keeps about watched sources: HTTP cache validators, the items already seen,
every poll (for source health) and the earlier revisions of edited articles.

Implemented by `store.sqlite_sources.SQLiteSources`. Writes join the store's open transaction,
so the items marked seen commit together with the articles stored from them: a run stopped at
any point leaves both consistent, and the next run fetches again only what was not stored.

An edited article keeps its id (`u` + hash of its canonical URL) and the `articles` row always
holds the latest version; each version it replaced is kept as a numbered revision (1 = first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

ItemOutcome = Literal["stored", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """What the last response for a URL said: validators for a conditional GET, body hash."""

    etag: str | None
    last_modified: str | None
    content_hash: str | None


@dataclass(frozen=True, slots=True)
class SeenItem:
    url: str
    source: str
    article_id: str | None
    marker: str | None
    outcome: ItemOutcome
    failures: int
    first_seen_at: datetime


@dataclass(frozen=True, slots=True)
class Poll:
    """One polling of one source: how many items it listed, how many were new, what failed."""

    source: str
    polled_at: datetime
    listed: int = 0
    new: int = 0
    failed: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class SourceHealth:
    name: str
    polls: int
    last_poll_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    errors_24h: int  # failed polls plus items that could not be fetched, in the last 24 hours
    items_per_day: float  # articles stored per day over the last 7 days (or since first polled)
    last_new_at: datetime | None  # when the source last brought a new article


@dataclass(frozen=True, slots=True)
class Revision:
    article_id: str
    revision: int
    title: str | None
    text: str
    published: str | None
    superseded_at: datetime


class SourceStore(Protocol):
    def cache_entry(self, url: str) -> CacheEntry | None: ...

    def save_cache_entry(self, url: str, entry: CacheEntry) -> None: ...

    def seen_item(self, url: str) -> SeenItem | None:
        """The item listed at `url` (normalized), if an earlier poll handled it."""

    def mark_seen(
        self,
        url: str,
        *,
        source: str,
        article_id: str | None,
        marker: str | None,
        outcome: ItemOutcome,
        at: datetime,
    ) -> None: ...

    def record_poll(self, poll: Poll) -> None: ...

    def source_health(self, now: datetime) -> list[SourceHealth]:
        """Every source ever polled, by name."""

    def save_revision(self, article_id: str, record: dict[str, object], superseded_at: datetime) -> int:
        """Keep `record` (the stored version an edit replaces); returns its revision number."""

    def article_revisions(self, article_id: str) -> list[Revision]:
        """The earlier versions of an article, oldest first (the latest is the article itself)."""
