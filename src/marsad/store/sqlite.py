"""The SQLite store: WAL mode, articles with their findings, and FTS5 over normalized text.

FTS5 does not fold hamza seats, ى/ي, ة/ه, tatweel or harakat, nor strip clitics, so the index
holds `index_text()` of title and body and queries go through the same keys (store.query).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime
from typing import Any

from marsad.arabic.keys import index_text
from marsad.errors import StoreError, UsageError
from marsad.model import Article
from marsad.records import RECORD_FIELDS, format_published
from marsad.store import SearchHit, SearchPage, sqlite_entities, sqlite_quotes, sqlite_stories
from marsad.store.query import make_snippet, parse_query
from marsad.store.sqlite_entities import SQLiteEntities
from marsad.store.sqlite_quotes import SQLiteQuotes
from marsad.store.sqlite_stories import SQLiteStories

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    fetched_at TEXT,
    agency TEXT,
    text TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '[]',
    mentions TEXT NOT NULL DEFAULT '[]',
    quotes TEXT NOT NULL DEFAULT '[]',
    dates TEXT NOT NULL DEFAULT '[]',
    story TEXT,
    fingerprint TEXT NOT NULL,
    content_key TEXT NOT NULL,
    analyzed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet_content ON articles (outlet, content_key);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE TABLE IF NOT EXISTS outlet_lines (
    outlet TEXT NOT NULL,
    key TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (outlet, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outlet_articles (outlet TEXT PRIMARY KEY, articles INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, body, tokenize = 'unicode61');
"""

_RECORD_COLUMNS = "id, source, url, outlet, title, published, agency, text, mentions, quotes, dates, story"


class SQLiteStore(SQLiteEntities, SQLiteQuotes, SQLiteStories):
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(_SCHEMA)
            for part in (sqlite_entities, sqlite_quotes, sqlite_stories):
                self.db.executescript(part.SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open as a marsad database ({exc})") from exc

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.db.commit()
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer marsad (schema {row[0]}); upgrade marsad")

    # -- writing ---------------------------------------------------------------------------

    def fingerprint_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT fingerprint FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def duplicate_of(self, article: Article, content_key: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE outlet IS ? AND content_key = ? AND id != ? LIMIT 1",
            (article.outlet, content_key, article.id),
        ).fetchone()
        return row[0] if row else None

    def save_article(self, article: Article, *, fingerprint: str, content_key: str) -> None:
        values = {
            "id": article.id,
            "source": article.source,
            "url": article.url,
            "outlet": article.outlet,
            "title": article.title,
            "author": article.author,
            "published": format_published(article.published_at),
            "fetched_at": article.fetched_at.isoformat() if article.fetched_at else None,
            "agency": article.agency,
            "text": article.text,
            "removed": _json(list(article.removed)),
            "mentions": _json([asdict(m) for m in article.mentions]),
            "quotes": _json([asdict(q) for q in article.quotes]),
            "dates": _json([asdict(d) for d in article.dates]),
            "story": article.story,
            "fingerprint": fingerprint,
            "content_key": content_key,
            "analyzed_at": datetime.now().isoformat(timespec="seconds"),
        }
        columns = ", ".join(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "id")
        rowid = self.db.execute(
            f"INSERT INTO articles ({columns}) VALUES ({', '.join('?' * len(values))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates} RETURNING rowid",
            tuple(values.values()),
        ).fetchone()[0]
        self.db.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
        self.db.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (rowid, index_text(article.title or ""), index_text(article.text)),
        )
        self._save_entities(article, rowid)
        self._save_quotes(article, rowid)
        self._save_stories(article, rowid)

    def commit(self) -> None:
        self.db.commit()

    def load_outlet_lines(self) -> tuple[list[tuple[str, str, int]], dict[str, int]]:
        rows = self.db.execute("SELECT outlet, key, articles FROM outlet_lines").fetchall()
        counts = dict(self.db.execute("SELECT outlet, articles FROM outlet_articles").fetchall())
        return rows, counts

    def save_outlet_lines(self, rows: Iterable[tuple[str, str, int]], counts: dict[str, int]) -> None:
        self.db.execute("DELETE FROM outlet_lines")
        self.db.execute("DELETE FROM outlet_articles")
        self.db.executemany("INSERT INTO outlet_lines VALUES (?, ?, ?)", rows)
        self.db.executemany("INSERT INTO outlet_articles VALUES (?, ?)", counts.items())
        self.db.commit()

    # -- reading ---------------------------------------------------------------------------

    def count_articles(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            f"SELECT {_RECORD_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return self._record(row) if row else None

    def iter_records(self) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute(f"SELECT {_RECORD_COLUMNS} FROM articles ORDER BY published, id")
        for row in cursor:
            yield self._record(row)

    def _record(self, row: tuple[Any, ...]) -> dict[str, Any]:
        record = dict(zip(_RECORD_COLUMNS.split(", "), row, strict=True))
        for key in ("mentions", "quotes", "dates"):
            record[key] = json.loads(record[key])
        record["entities"] = self._entity_records(
            {m["entity"] for m in record["mentions"] if m.get("entity")}
        )
        return {k: record[k] for k in RECORD_FIELDS}

    def search_articles(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        outlet: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> SearchPage:
        parsed = parse_query(query)
        where = ["articles_fts MATCH ?"]
        params: list[Any] = [parsed.to_fts()]
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        if since:
            where.append("a.published >= ?")
            params.append(since.date().isoformat())
        if until:
            where.append("a.published < ?")
            params.append(until.date().isoformat() + "~")  # '~' sorts after any time of that day
        condition = " AND ".join(where)
        base = f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE {condition}"
        try:
            total = self.db.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            rows = self.db.execute(
                f"SELECT a.id, a.title, a.outlet, a.published, a.text {base} ORDER BY rank LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise UsageError(f"cannot search for {query!r}: {exc}") from exc
        hits = []
        for article_id, title, article_outlet, published, text in rows:
            snippet = make_snippet(text, parsed.keys)
            hits.append(
                SearchHit(article_id, title, article_outlet, published, snippet.text, snippet.highlights)
            )
        return SearchPage(tuple(hits), int(total))

    def close(self) -> None:
        self.db.close()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
