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
from marsad.store import (
    ArticleHeader,
    Overview,
    SearchHit,
    SearchPage,
    sqlite_entities,
    sqlite_quotes,
    sqlite_sources,
    sqlite_stories,
)
from marsad.store.query import make_snippet, parse_query
from marsad.store.sql import A_WHEN, WHEN
from marsad.store.sqlite_entities import SQLiteEntities
from marsad.store.sqlite_quotes import SQLiteQuotes
from marsad.store.sqlite_sources import SQLiteSources
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
-- Databases made before dates fell back to fetched_at ordered by published alone.
DROP INDEX IF EXISTS articles_published;
DROP INDEX IF EXISTS articles_outlet_published;
CREATE INDEX IF NOT EXISTS articles_when ON articles (coalesce(published, fetched_at));
-- Covers the outlet list with counts and date range, and each outlet's newest articles.
CREATE INDEX IF NOT EXISTS articles_outlet_when ON articles (outlet, coalesce(published, fetched_at));
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
_HEADER_COLUMNS = "id, title, outlet, published, story, fetched_at"


class SQLiteStore(SQLiteEntities, SQLiteQuotes, SQLiteStories, SQLiteSources):
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(_SCHEMA)
            for part in (sqlite_entities, sqlite_quotes, sqlite_stories, sqlite_sources):
                self.db.executescript(part.SCHEMA)
            sqlite_stories.upgrade(self.db)
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

    def list_articles(
        self, *, outlet: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[ArticleHeader]:
        where, params = ("WHERE outlet = ?", [outlet]) if outlet else ("", [])
        rows = self.db.execute(
            # rowid breaks ties because the (moment) indexes hold it: no sort, whatever the size.
            f"SELECT {_HEADER_COLUMNS} FROM articles {where} "
            f"ORDER BY {WHEN} DESC, rowid DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [ArticleHeader(*row) for row in rows]

    def article_headers(self, article_ids: list[str]) -> list[ArticleHeader]:
        if not article_ids:
            return []
        marks = ", ".join("?" * len(article_ids))
        rows = self.db.execute(f"SELECT {_HEADER_COLUMNS} FROM articles WHERE id IN ({marks})", article_ids)
        found = {row[0]: ArticleHeader(*row) for row in rows}
        return [found[i] for i in article_ids if i in found]

    def get_removed(self, article_id: str) -> tuple[str, ...] | None:
        row = self.db.execute("SELECT removed FROM articles WHERE id = ?", (article_id,)).fetchone()
        return tuple(json.loads(row[0])) if row else None

    def overview(self) -> Overview:
        rows = self.db.execute(
            f"SELECT outlet, count(*), min({WHEN}), max({WHEN}) FROM articles GROUP BY outlet "
            "ORDER BY count(*) DESC, outlet"
        ).fetchall()
        firsts = [r[2] for r in rows if r[2]]
        lasts = [r[3] for r in rows if r[3]]
        return Overview(
            articles=sum(r[1] for r in rows),
            first_published=min(firsts) if firsts else None,
            last_published=max(lasts) if lasts else None,
            outlets=tuple((r[0], r[1]) for r in rows if r[0]),
        )

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            f"SELECT {_RECORD_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return self._record(row) if row else None

    def iter_records(self) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute(f"SELECT {_RECORD_COLUMNS} FROM articles ORDER BY {WHEN}, id")
        for row in cursor:
            yield self._record(row)

    def _record(self, row: tuple[Any, ...]) -> dict[str, Any]:
        record = dict(zip(_RECORD_COLUMNS.split(", "), row, strict=True))
        for key in ("mentions", "quotes", "dates"):
            record[key] = json.loads(record[key])
        record["entities"] = self._entity_records(
            {m["entity"] for m in record["mentions"] if m.get("entity")}, article_id=record["id"]
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
        entity: str | None = None,
        entity_type: str | None = None,
        count_limit: int | None = None,
    ) -> SearchPage:
        browse = not query.strip() and bool(entity or entity_type)
        parsed = None if browse else parse_query(query)
        where = ["articles_fts MATCH ?"] if parsed else ["1"]
        params: list[Any] = [parsed.to_fts()] if parsed else []
        if entity:
            where.append("a.rowid IN (SELECT article FROM entity_mentions WHERE entity = ?)")
            params.append(entity)
        if entity_type:
            where.append(
                "a.rowid IN (SELECT m.article FROM entity_mentions m JOIN entities e ON e.id = m.entity "
                "WHERE e.type = ?)"
            )
            params.append(entity_type)
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        if since:
            where.append(f"{A_WHEN} >= ?")
            params.append(since.date().isoformat())
        if until:
            where.append(f"{A_WHEN} < ?")
            params.append(until.date().isoformat() + "~")  # '~' sorts after any time of that day
        condition = " AND ".join(where)
        # Every article has its full-text row, so a query with no other filter stays in the index.
        if len(where) == 1 and parsed:
            base = "FROM articles_fts WHERE articles_fts MATCH ?"
        else:
            base = f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE {condition}"
        order = f"{A_WHEN} DESC, a.rowid DESC" if browse else "rank"
        try:
            total, capped = self._count_matches(base, params, count_limit)
            # Rank row ids only: a sorter that carried the texts would copy every matching article.
            rowids = [
                r[0]
                for r in self.db.execute(
                    f"SELECT articles_fts.rowid {base} ORDER BY {order} LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                )
            ]
        except sqlite3.OperationalError as exc:
            raise UsageError(f"cannot search for {query!r}: {exc}") from exc
        marks = ", ".join("?" * len(rowids))
        found = {
            row[0]: row[1:]
            for row in self.db.execute(
                f"SELECT rowid, id, title, outlet, published, text, fetched_at FROM articles "
                f"WHERE rowid IN ({marks})",
                rowids,
            )
        }
        hits = []
        for article_id, title, article_outlet, published, text, fetched_at in (
            found[r] for r in rowids if r in found
        ):
            snippet = make_snippet(text, parsed.keys if parsed else frozenset())
            hits.append(
                SearchHit(
                    article_id, title, article_outlet, published, snippet.text, snippet.highlights, fetched_at
                )
            )
        return SearchPage(tuple(hits), total, total_is_lower_bound=capped)

    def _count_matches(self, base: str, params: list[Any], count_limit: int | None) -> tuple[int, bool]:
        """(matches, whether there are more): counting stops after `count_limit` when it is set."""
        if count_limit is None:
            return int(self.db.execute(f"SELECT count(*) {base}", params).fetchone()[0]), False
        sql = f"SELECT count(*) FROM (SELECT 1 {base} LIMIT ?)"
        seen = int(self.db.execute(sql, [*params, count_limit + 1]).fetchone()[0])
        return min(seen, count_limit), seen > count_limit

    def close(self) -> None:
        self.db.close()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
