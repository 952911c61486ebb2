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
from marsad.store.stories import StoryStore


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    total: int


class Store(EntityStore, QuoteStore, StoryStore, Protocol):
    def fingerprint_of(self, article_id: str) -> str | None:
        """The input fingerprint the article was last analyzed from, if it is stored."""

    def duplicate_of(self, article: Article, content_key: str) -> str | None:
        """The id of another stored article of the same outlet with the same content."""

    def save_article(self, article: Article, *, fingerprint: str, content_key: str) -> None: ...

    def commit(self) -> None: ...

    def get_article(self, article_id: str) -> dict[str, Any] | None: ...

    def iter_records(self) -> Iterator[dict[str, Any]]: ...

    def count_articles(self) -> int: ...

    def search_articles(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        outlet: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> SearchPage: ...

    def load_outlet_lines(self) -> tuple[list[tuple[str, str, int]], dict[str, int]]: ...

    def save_outlet_lines(self, rows: Iterable[tuple[str, str, int]], counts: dict[str, int]) -> None: ...

    def close(self) -> None: ...


def open_store(location: str) -> Store:
    """Open (creating if needed) the store at `location`: a SQLite file path."""
    from marsad.store.sqlite import SQLiteStore

    return SQLiteStore(location)
