"""SQLite tables and queries for stories (see store/stories.py); mixed into SQLiteStore.

Membership is the `articles.story` column; `stories` holds what is computed about a story (title,
summary, claims, entities, differences, dated events); `story_duplicates` marks republished copies;
`story_pins` records analyst curation (merge, split) that later runs must keep; `story_state`
holds the clustering's document frequencies so idf continues across runs.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any, Literal

from marsad.errors import UsageError
from marsad.model import Article, Claim, DatedEvent, Difference, Story, Version
from marsad.store.sql import A_WHEN, WHEN
from marsad.store.stories import StoryArticle, StoryDetail, StorySummary

SCHEMA = """
CREATE INDEX IF NOT EXISTS articles_story ON articles (story);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '[]',
    claims TEXT NOT NULL DEFAULT '[]',
    entities TEXT NOT NULL DEFAULT '[]',
    stale INTEGER NOT NULL DEFAULT 0,
    differences TEXT NOT NULL DEFAULT '[]',
    events TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS story_duplicates (article_id TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_pins (article_id TEXT PRIMARY KEY, story TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_state (key TEXT PRIMARY KEY, value BLOB NOT NULL);
"""


def upgrade(db: sqlite3.Connection) -> None:
    """Add what later versions store to a database made before them; its stories are marked
    stale, so that the next `marsad analyze` run describes them again and fills them in."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(stories)")}
    missing = [column for column in ("differences", "events") if column not in columns]
    for column in missing:
        db.execute(f"ALTER TABLE stories ADD COLUMN {column} TEXT NOT NULL DEFAULT '[]'")
    if missing:
        db.execute("UPDATE stories SET stale = 1")


_ORDERS = {
    "recent": "last_at DESC, articles DESC",
    "growing": "growth DESC, articles DESC, last_at DESC",
    "largest": "articles DESC, last_at DESC",
}


class SQLiteStories:
    db: sqlite3.Connection

    def _save_stories(self, article: Article, rowid: int) -> None:
        """Called by SQLiteStore.save_article: membership lives in `articles.story` itself."""

    # -- what the clustering step reads and writes ---------------------------------------------

    def save_story(self, story: Story) -> None:
        """Store what was computed about `story` (its members are the articles' `story`)."""
        self.db.execute(
            "INSERT INTO stories (id, title, summary, claims, entities, differences, events, stale) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 0) "
            "ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary, "
            "claims = excluded.claims, entities = excluded.entities, differences = excluded.differences, "
            "events = excluded.events, stale = 0",
            (
                story.id,
                story.title,
                _json(list(story.summary)),
                _json([asdict(c) for c in story.claims]),
                _json([list(e) for e in story.entities]),
                _json([asdict(d) for d in story.differences]),
                _json([asdict(e) for e in story.events]),
            ),
        )
        self.save_duplicates(story.duplicates)

    def save_duplicates(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.db.executemany(
            "INSERT INTO story_duplicates VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE "
            "SET duplicate_of = excluded.duplicate_of",
            list(pairs),
        )

    def story_duplicates(self, article_ids: Iterable[str]) -> dict[str, str]:
        return dict(
            self._in("SELECT article_id, duplicate_of FROM story_duplicates", "article_id", article_ids)
        )

    def assigned_stories(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The story of each already stored article (analyst pins first)."""
        ids = list(article_ids)
        stored = dict(self._in("SELECT id, story FROM articles", "id", ids, "story IS NOT NULL"))
        stored.update(self._in("SELECT article_id, story FROM story_pins", "article_id", ids))
        return stored

    def story_records(self, story_id: str, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Article records of a story, newest last (the most recent `limit`)."""
        rows = self.db.execute(
            f"SELECT id FROM articles WHERE story = ? ORDER BY {WHEN} DESC, id DESC LIMIT ?",
            (story_id, -1 if limit is None else limit),
        ).fetchall()
        records = [self.get_article(row[0]) for row in reversed(rows)]
        return [r for r in records if r is not None]

    def active_story_records(self, days: float) -> list[dict[str, Any]]:
        """Records of the stories with an article in the last `days` days of the store's data."""
        latest = self.db.execute(f"SELECT max({WHEN}) FROM articles WHERE story IS NOT NULL").fetchone()[0]
        if latest is None:
            return []
        since = (datetime.fromisoformat(latest) - timedelta(days=days)).isoformat()
        rows = self.db.execute(
            "SELECT id, fetched_at FROM articles WHERE story IN "
            f"(SELECT story FROM articles WHERE story IS NOT NULL GROUP BY story HAVING max({WHEN}) >= ?) "
            f"ORDER BY {WHEN}, id",
            (since,),
        ).fetchall()
        records = []
        for article_id, fetched_at in rows:
            record = self.get_article(article_id)
            if record is not None:
                # Beyond the output contract: the clustering places an undated article by it.
                records.append({**record, "fetched_at": fetched_at})
        return records

    def move_story(self, story_id: str, into: str) -> None:
        self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (into, story_id))
        self.db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        self.db.execute("UPDATE stories SET stale = 1 WHERE id = ?", (into,))

    def pinned_stories(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT DISTINCT story FROM story_pins")}

    def load_story_state(self) -> dict[str, bytes]:
        return dict(self.db.execute("SELECT key, value FROM story_state").fetchall())

    def save_story_state(self, state: dict[str, bytes]) -> None:
        self.db.executemany(
            "INSERT INTO story_state VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            list(state.items()),
        )

    # -- what the CLI, API and web pages read ------------------------------------------------

    def list_stories(
        self,
        *,
        order: Literal["recent", "growing", "largest"] = "recent",
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[StorySummary]:
        if order not in _ORDERS:
            raise UsageError(f"unknown story order {order!r}; one of: {', '.join(_ORDERS)}")
        latest = self.db.execute(f"SELECT max({WHEN}) FROM articles").fetchone()[0]
        day_before = (datetime.fromisoformat(latest) - timedelta(days=1)).isoformat() if latest else ""
        having, params = [], [day_before]
        if since:
            having.append(f"max({A_WHEN}) >= ?")
            params.append(since.isoformat())
        if until:
            having.append(f"min({A_WHEN}) <= ?")
            params.append(until.date().isoformat() + "~")  # '~' sorts after any time of that day
        rows = self.db.execute(
            "SELECT a.story, coalesce(s.title, ''), count(*) AS articles, count(DISTINCT a.outlet), "
            f"min({A_WHEN}), max({A_WHEN}) AS last_at, "
            f"sum(CASE WHEN {A_WHEN} > ? THEN 1 ELSE 0 END) AS growth, min(a.title) "
            "FROM articles a LEFT JOIN stories s ON s.id = a.story WHERE a.story IS NOT NULL "
            f"GROUP BY a.story {'HAVING ' + ' AND '.join(having) if having else ''} "
            f"ORDER BY {_ORDERS[order]}, a.story LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [
            StorySummary(story_id, title or fallback or "", n, outlets, _moment(first), _moment(last), growth)
            for story_id, title, n, outlets, first, last, growth, fallback in rows
        ]

    def get_story(self, story_id: str) -> StoryDetail | None:
        rows = self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, d.duplicate_of, a.fetched_at FROM articles a "
            "LEFT JOIN story_duplicates d ON d.article_id = a.id "
            f"WHERE a.story = ? ORDER BY {A_WHEN}, a.id",
            (story_id,),
        ).fetchall()
        if not rows:
            return None
        articles = tuple(StoryArticle(*row) for row in rows)
        moments = [m for m in (a.published or a.fetched_at for a in articles) if m]
        computed = self.db.execute(
            "SELECT title, summary, claims, entities, differences, events FROM stories WHERE id = ?",
            (story_id,),
        ).fetchone()
        title, summary, claims, entities, differences, events = computed or ("", *["[]"] * 5)
        days = Counter(moment[:10] for moment in moments)
        return StoryDetail(
            id=story_id,
            title=title or next((a.title for a in articles if a.title), ""),
            summary=tuple(json.loads(summary)),
            first_at=_moment(min(moments)) if moments else None,
            last_at=_moment(max(moments)) if moments else None,
            timeline=tuple(sorted(days.items())),
            articles=articles,
            claims=tuple(_claim(c) for c in json.loads(claims)),
            entities=tuple(tuple(e) for e in json.loads(entities)),
            differences=tuple(_difference(d) for d in json.loads(differences)),
            events=tuple(
                DatedEvent(e["day"], e["text"], tuple(e["outlets"]), tuple(e["article_ids"]))
                for e in json.loads(events)
            ),
        )

    # -- analyst curation --------------------------------------------------------------------

    def merge_stories(self, keep: str, other: str) -> None:
        if keep == other:
            raise UsageError(f"cannot merge story {keep} into itself")
        self._require(keep)
        self._require(other)
        moved = [row[0] for row in self.db.execute("SELECT id FROM articles WHERE story = ?", (other,))]
        self._pin(moved, keep)
        self.db.execute("UPDATE story_pins SET story = ? WHERE story = ?", (keep, other))
        self.db.execute("DELETE FROM stories WHERE id = ?", (other,))
        self.db.execute("UPDATE stories SET stale = 1 WHERE id = ?", (keep,))
        self.db.commit()

    def split_story(self, story_id: str, article_ids: list[str]) -> str:
        self._require(story_id)
        members = {row[0] for row in self.db.execute("SELECT id FROM articles WHERE story = ?", (story_id,))}
        strangers = [a for a in article_ids if a not in members]
        if strangers:
            raise UsageError(f"articles {', '.join(strangers)} are not in story {story_id}")
        if not article_ids or set(article_ids) == members:
            raise UsageError(f"a split must leave story {story_id} some but not all of its articles")
        digest = hashlib.sha1(f"{story_id}\x1f{','.join(sorted(article_ids))}".encode()).hexdigest()
        new_id = "s" + digest[:12]
        self._pin(article_ids, new_id)
        # Pinning the articles that stay keeps later runs from moving them to the new story.
        self._pin(sorted(members - set(article_ids)), story_id)
        self.db.execute("UPDATE stories SET stale = 1 WHERE id = ?", (story_id,))
        self.db.commit()
        return new_id

    def stale_stories(self) -> list[str]:
        """Stories whose title and summary predate an analyst's merge or split."""
        return [row[0] for row in self.db.execute("SELECT id FROM stories WHERE stale = 1")]

    def _pin(self, article_ids: Iterable[str], story_id: str) -> None:
        ids = list(article_ids)
        self.db.executemany("UPDATE articles SET story = ? WHERE id = ?", [(story_id, a) for a in ids])
        self.db.executemany(
            "INSERT INTO story_pins VALUES (?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET story = excluded.story",
            [(a, story_id) for a in ids],
        )

    def _require(self, story_id: str) -> None:
        if self.db.execute("SELECT 1 FROM articles WHERE story = ? LIMIT 1", (story_id,)).fetchone() is None:
            raise UsageError(f"no story {story_id!r} in this database; see `marsad stories list`")

    def _in(
        self, select: str, column: str, values: Iterable[str], condition: str = "1"
    ) -> list[tuple[Any, ...]]:
        ids = list(values)
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(ids), 500):  # SQLite limits bound parameters per statement
            part = ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            rows.extend(self.db.execute(f"{select} WHERE {column} IN ({marks}) AND {condition}", part))
        return rows

    def get_article(self, article_id: str) -> dict[str, Any] | None:  # provided by SQLiteStore
        raise NotImplementedError


def _claim(record: dict[str, Any]) -> Claim:
    return Claim(
        record["text"], tuple(record["outlets"]), tuple(record["article_ids"]), record.get("independent", 0)
    )


def _difference(record: dict[str, Any]) -> Difference:
    return Difference(
        tuple(
            Version(v["text"], tuple(v["figures"]), tuple(v["outlets"]), tuple(v["article_ids"]))
            for v in record["versions"]
        )
    )


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
