"""Where analyzed articles live: one `Store` protocol, SQLite by default.

CLI, API and batch runs talk to this interface only, so a PostgreSQL backend can implement it
without touching them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from marsad.model import Article
from marsad.store.entities import EntityStore
from marsad.store.quotes import QuoteStore
from marsad.store.sources import SourceStore
from marsad.store.stories import StoryStore


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    fetched_at: str | None = None  # shown where `published` is missing


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of search hits. `total` counts every match, unless the search was given a
    `count_limit` and found more: then `total` is that limit and `total_is_lower_bound` is set."""

    hits: tuple[SearchHit, ...]
    total: int
    total_is_lower_bound: bool = False


@dataclass(frozen=True, slots=True)
class ArticleHeader:
    """What lists of articles show: no text, no findings."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    story: str | None
    fetched_at: str | None = None  # shown where `published` is missing


@dataclass(frozen=True, slots=True)
class Overview:
    """What a database holds: article count, publication range and outlets (most articles first)."""

    articles: int
    first_published: str | None
    last_published: str | None
    outlets: tuple[tuple[str, int], ...]


class Store(EntityStore, QuoteStore, StoryStore, SourceStore, Protocol):
    def fingerprint_of(self, article_id: str) -> str | None:
        """The input fingerprint the article was last analyzed from, if it is stored."""

    def duplicate_of(self, article: Article, content_key: str) -> str | None:
        """The id of another stored article of the same outlet with the same content."""

    def save_article(self, article: Article, *, fingerprint: str, content_key: str) -> None: ...

    def commit(self) -> None: ...

    def get_article(self, article_id: str) -> dict[str, Any] | None: ...

    def iter_records(self) -> Iterator[dict[str, Any]]: ...

    def count_articles(self) -> int: ...

    def list_articles(
        self, *, outlet: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[ArticleHeader]:
        """Articles newest first."""

    def article_headers(self, article_ids: list[str]) -> list[ArticleHeader]:
        """Headers of the stored articles among `article_ids`, in that order."""

    def get_removed(self, article_id: str) -> tuple[str, ...] | None:
        """The lines cleaning removed from the article, or None when it is not stored."""

    def overview(self) -> Overview: ...

    def search_articles(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        outlet: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        entity: str | None = None,
        entity_type: str | None = None,
        count_limit: int | None = None,
    ) -> SearchPage:
        """Articles matching `query` (all articles when it is blank and an entity filter is
        given); `entity` keeps those that mention that entity id, `entity_type` those that
        mention an entity of that type (PER, ORG, LOC, MISC). With `count_limit`, counting stops
        after that many matches (see `SearchPage.total_is_lower_bound`)."""

    def load_outlet_lines(self) -> tuple[list[tuple[str, str, int]], dict[str, int]]: ...

    def save_outlet_lines(self, rows: Iterable[tuple[str, str, int]], counts: dict[str, int]) -> None: ...

    def close(self) -> None: ...


def open_store(location: str) -> Store:
    """Open (creating if needed) the store at `location`: a SQLite file path."""
    from marsad.store.sqlite import SQLiteStore

    return SQLiteStore(location)
