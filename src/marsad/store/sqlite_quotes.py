"""SQLite tables and queries for quotes (see store/quotes.py); mixed into SQLiteStore.

One row per quote in `quotes`, one row per (quote, entity the quote is about) in `quote_about`,
so "who said what" and "what was said about X" are index lookups. `speaker_key` and `text_key`
hold `fold()`-ed text for matching names when no entity id is known.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from marsad.arabic.keys import fold
from marsad.model import Article
from marsad.store.quotes import QuoteHit
from marsad.store.sql import A_WHEN

SCHEMA = """
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_text TEXT,
    speaker_key TEXT,
    text_key TEXT NOT NULL,
    cue TEXT,
    direct INTEGER NOT NULL,
    via TEXT,
    UNIQUE (article_rowid, position)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_rowid);
CREATE TABLE IF NOT EXISTS quote_about (
    quote_id INTEGER NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (quote_id, entity)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quote_about_entity ON quote_about (entity);
"""

_HIT_COLUMNS = (
    "a.id, a.outlet, a.published, a.title, q.text, q.speaker, "
    "COALESCE(e.name, q.speaker_text), q.cue, q.direct, q.via, a.fetched_at, q.id"
)


class SQLiteQuotes:
    db: sqlite3.Connection

    def _save_quotes(self, article: Article, rowid: int) -> None:
        """Called by SQLiteStore.save_article for every stored article: its quotes replace any
        stored before for it."""
        self.db.execute(
            "DELETE FROM quote_about WHERE quote_id IN (SELECT id FROM quotes WHERE article_rowid = ?)",
            (rowid,),
        )
        self.db.execute("DELETE FROM quotes WHERE article_rowid = ?", (rowid,))
        for position, quote in enumerate(article.quotes):
            quote_id = self.db.execute(
                "INSERT INTO quotes (article_rowid, position, start, end, text, speaker, speaker_text, "
                "speaker_key, text_key, cue, direct, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id",
                (
                    rowid,
                    position,
                    quote.start,
                    quote.end,
                    quote.text,
                    quote.speaker,
                    quote.speaker_text,
                    _key(quote.speaker_text) if quote.speaker_text else None,
                    _key(quote.text),
                    quote.cue,
                    int(quote.direct),
                    quote.via,
                ),
            ).fetchone()[0]
            self.db.executemany(
                "INSERT OR IGNORE INTO quote_about (quote_id, entity) VALUES (?, ?)",
                [(quote_id, entity) for entity in quote.about],
            )

    def _resave_quote_entities(self, rowid: int, quotes: list[dict[str, Any]]) -> None:
        """The speaker, via and about of an article's quotes (output records, in order) after a
        curation rewrote them."""
        for position, quote in enumerate(quotes):
            row = self.db.execute(
                "UPDATE quotes SET speaker = ?, via = ? WHERE article_rowid = ? AND position = ? "
                "RETURNING id",
                (quote.get("speaker"), quote.get("via"), rowid, position),
            ).fetchone()
            if row is None:
                continue
            self.db.execute("DELETE FROM quote_about WHERE quote_id = ?", (row[0],))
            self.db.executemany(
                "INSERT OR IGNORE INTO quote_about (quote_id, entity) VALUES (?, ?)",
                [(row[0], entity) for entity in quote.get("about") or ()],
            )

    def _remap_quote_entities(self, old: str, new: str) -> None:
        """Entity `old` was merged into `new`: speakers, via and about follow."""
        self.db.execute("UPDATE quotes SET speaker = ? WHERE speaker = ?", (new, old))
        self.db.execute("UPDATE quotes SET via = ? WHERE via = ?", (new, old))
        self.db.execute(
            "INSERT OR IGNORE INTO quote_about (quote_id, entity) SELECT quote_id, ? FROM quote_about "
            "WHERE entity = ?",
            (new, old),
        )
        self.db.execute("DELETE FROM quote_about WHERE entity = ?", (old,))

    def list_quotes(
        self,
        *,
        by: str | None = None,
        about: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
        by_name: str | None = None,
        about_name: str | None = None,
    ) -> list[QuoteHit]:
        where: list[str] = []
        params: list[Any] = []
        if by is not None:
            where.append("q.speaker = ?")
            params.append(by)
        if by_name is not None:
            where.append("(' ' || q.speaker_key || ' ') LIKE ?")
            params.append(f"% {_key(by_name)} %")
        if about is not None:
            where.append("q.id IN (SELECT quote_id FROM quote_about WHERE entity = ?)")
            params.append(about)
        if about_name is not None:
            where.append("(' ' || q.text_key || ' ') LIKE ?")
            params.append(f"% {_key(about_name)} %")
        if since is not None:
            where.append(f"{A_WHEN} >= ?")
            params.append(since.date().isoformat())
        if until is not None:
            where.append(f"{A_WHEN} < ?")
            params.append(until.date().isoformat() + "~")  # '~' sorts after any time of that day
        condition = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.execute(
            f"SELECT {_HIT_COLUMNS} FROM quotes q JOIN articles a ON a.rowid = q.article_rowid "
            f"LEFT JOIN entities e ON e.id = q.speaker {condition} "
            f"ORDER BY {A_WHEN} IS NULL, {A_WHEN} DESC, a.id, q.position LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        abouts = self._abouts([row[-1] for row in rows])
        return [
            QuoteHit(
                article_id=row[0],
                outlet=row[1],
                published=row[2],
                title=row[3],
                text=row[4],
                speaker=row[5],
                speaker_name=row[6],
                cue=row[7],
                direct=bool(row[8]),
                via=row[9],
                about=abouts.get(row[-1], ()),
                fetched_at=row[10],
            )
            for row in rows
        ]

    def _abouts(self, quote_ids: list[int]) -> dict[int, tuple[str, ...]]:
        if not quote_ids:
            return {}
        marks = ", ".join("?" * len(quote_ids))
        found: dict[int, list[str]] = {}
        for quote_id, entity in self.db.execute(
            f"SELECT quote_id, entity FROM quote_about WHERE quote_id IN ({marks})", quote_ids
        ):
            found.setdefault(quote_id, []).append(entity)
        return {quote_id: tuple(entities) for quote_id, entities in found.items()}


def _key(text: str) -> str:
    """Words folded and without ال, space-joined, for matching a name anywhere in a phrase.

    >>> _key("المتحدث باسم الخارجية")
    'متحدث باسم خارجيه'
    """
    words = []
    for word in fold(text).split():
        word = word.strip('،,.:"«»“”()')
        for prefix in ("وال", "بال", "لل", "ال"):
            if word.startswith(prefix) and len(word) > len(prefix) + 1:
                word = word[len(prefix) :]
                break
        words.append(word)
    return " ".join(words)
