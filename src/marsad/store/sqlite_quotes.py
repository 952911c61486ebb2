"""SQLite tables and queries for quotes (see store/quotes.py); mixed into SQLiteStore."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from marsad.model import Article
from marsad.store.quotes import QuoteHit

SCHEMA = ""


class SQLiteQuotes:
    db: sqlite3.Connection

    def _save_quotes(self, article: Article, rowid: int) -> None:
        """Called by SQLiteStore.save_article for every stored article."""

    def list_quotes(
        self,
        *,
        by: str | None = None,
        about: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[QuoteHit]:
        raise NotImplementedError  # pending issue
