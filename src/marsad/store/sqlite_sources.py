"""SQLite tables and queries for watched sources (see store/sources.py); mixed into SQLiteStore."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from marsad.store.sources import CacheEntry, ItemOutcome, Poll, Revision, SeenItem, SourceHealth

SCHEMA = """
CREATE TABLE IF NOT EXISTS http_cache (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT
);
CREATE TABLE IF NOT EXISTS seen_items (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    article_id TEXT,
    marker TEXT,
    outcome TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_items_source ON seen_items (source, first_seen_at);
CREATE TABLE IF NOT EXISTS source_polls (
    source TEXT NOT NULL,
    polled_at TEXT NOT NULL,
    listed INTEGER NOT NULL,
    new INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    error TEXT
);
CREATE INDEX IF NOT EXISTS source_polls_source ON source_polls (source, polled_at);
CREATE TABLE IF NOT EXISTS article_revisions (
    article_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    text TEXT NOT NULL,
    superseded_at TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);
"""

#: Polls older than this are dropped when a new one is recorded (health looks back 7 days).
_KEEP_POLLS = timedelta(days=30)
_RATE_WINDOW_DAYS = 7.0


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class SQLiteSources:
    db: sqlite3.Connection

    def cache_entry(self, url: str) -> CacheEntry | None:
        row = self.db.execute(
            "SELECT etag, last_modified, content_hash FROM http_cache WHERE url = ?", (url,)
        ).fetchone()
        return CacheEntry(*row) if row else None

    def save_cache_entry(self, url: str, entry: CacheEntry) -> None:
        self.db.execute(
            "INSERT INTO http_cache VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "etag = excluded.etag, last_modified = excluded.last_modified, "
            "content_hash = excluded.content_hash",
            (url, entry.etag, entry.last_modified, entry.content_hash),
        )

    def seen_item(self, url: str) -> SeenItem | None:
        row = self.db.execute(
            "SELECT url, source, article_id, marker, outcome, failures, first_seen_at "
            "FROM seen_items WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        return SeenItem(row[0], row[1], row[2], row[3], row[4], row[5], datetime.fromisoformat(row[6]))

    def mark_seen(
        self,
        url: str,
        *,
        source: str,
        article_id: str | None,
        marker: str | None,
        outcome: ItemOutcome,
        at: datetime,
    ) -> None:
        failed = 1 if outcome == "failed" else 0
        self.db.execute(
            "INSERT INTO seen_items VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "article_id = coalesce(excluded.article_id, article_id), marker = excluded.marker, "
            "outcome = excluded.outcome, last_seen_at = excluded.last_seen_at, "
            "failures = CASE WHEN excluded.failures = 1 THEN failures + 1 ELSE 0 END",
            (url, source, article_id, marker, outcome, failed, _iso(at), _iso(at)),
        )

    def record_poll(self, poll: Poll) -> None:
        self.db.execute(
            "INSERT INTO source_polls VALUES (?, ?, ?, ?, ?, ?)",
            (poll.source, _iso(poll.polled_at), poll.listed, poll.new, poll.failed, poll.error),
        )
        self.db.execute(
            "DELETE FROM source_polls WHERE source = ? AND polled_at < ?",
            (poll.source, _iso(poll.polled_at - _KEEP_POLLS)),
        )

    def source_health(self, now: datetime) -> list[SourceHealth]:
        rows = self.db.execute("SELECT DISTINCT source FROM source_polls ORDER BY source")
        names = [row[0] for row in rows]
        return [self._health(name, now) for name in names]

    def _health(self, name: str, now: datetime) -> SourceHealth:
        day_ago = _iso(now - timedelta(days=1))
        polls, first, last = self.db.execute(
            "SELECT count(*), min(polled_at), max(polled_at) FROM source_polls WHERE source = ?", (name,)
        ).fetchone()
        last_ok = self.db.execute(
            "SELECT max(polled_at) FROM source_polls WHERE source = ? AND error IS NULL", (name,)
        ).fetchone()[0]
        last_error = self.db.execute(
            "SELECT error FROM source_polls WHERE source = ? AND polled_at = ? AND error IS NOT NULL",
            (name, last),
        ).fetchone()
        errors = self.db.execute(
            "SELECT coalesce(sum((error IS NOT NULL) + failed), 0) FROM source_polls "
            "WHERE source = ? AND polled_at >= ?",
            (name, day_ago),
        ).fetchone()[0]
        polled_days = (now - datetime.fromisoformat(first)).total_seconds() / 86400
        window_days = max(1.0, min(_RATE_WINDOW_DAYS, polled_days))
        stored, last_new = self.db.execute(
            "SELECT count(*) FILTER (WHERE first_seen_at >= ?), max(first_seen_at) FROM seen_items "
            "WHERE source = ? AND outcome = 'stored'",
            (_iso(now - timedelta(days=window_days)), name),
        ).fetchone()
        return SourceHealth(
            name=name,
            polls=int(polls),
            last_poll_at=_moment(last),
            last_ok_at=_moment(last_ok),
            last_error=last_error[0] if last_error else None,
            errors_24h=int(errors),
            items_per_day=stored / window_days,
            last_new_at=_moment(last_new),
        )

    def save_revision(self, article_id: str, record: dict[str, object], superseded_at: datetime) -> int:
        number = self.db.execute(
            "SELECT coalesce(max(revision), 0) + 1 FROM article_revisions WHERE article_id = ?", (article_id,)
        ).fetchone()[0]
        self.db.execute(
            "INSERT INTO article_revisions VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                number,
                record.get("url"),
                record.get("title"),
                record.get("published"),
                record.get("text") or "",
                _iso(superseded_at),
            ),
        )
        return int(number)

    def article_revisions(self, article_id: str) -> list[Revision]:
        rows = self.db.execute(
            "SELECT article_id, revision, title, text, published, superseded_at FROM article_revisions "
            "WHERE article_id = ? ORDER BY revision",
            (article_id,),
        )
        return [Revision(a, n, t, x, p, datetime.fromisoformat(s)) for a, n, t, x, p, s in rows]
