"""SQLite tables and queries for entities (see store/entities.py); mixed into SQLiteStore."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from marsad.model import Article, EntityType
from marsad.store.entities import EntityDetail, EntitySummary

SCHEMA = """
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    variants TEXT NOT NULL DEFAULT '[]'
);
"""


class SQLiteEntities:
    db: sqlite3.Connection

    def _save_entities(self, article: Article, rowid: int) -> None:
        """Called by SQLiteStore.save_article for every stored article."""
        self.db.executemany(
            "INSERT INTO entities (id, name, type, variants) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
            "SET name = excluded.name, type = excluded.type, variants = excluded.variants",
            [
                (e.id, e.name, e.type, json.dumps(list(e.variants), ensure_ascii=False))
                for e in article.entities.values()
            ],
        )

    def _entity_records(self, ids: set[str]) -> dict[str, Any]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT id, name, type, variants FROM entities WHERE id IN ({marks})", tuple(ids)
        )
        return {eid: {"name": n, "type": t, "variants": json.loads(v)} for eid, n, t, v in rows}

    def list_entities(
        self,
        *,
        query: str | None = None,
        type: EntityType | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[EntitySummary]:
        raise NotImplementedError  # pending issue

    def get_entity(self, entity_id: str) -> EntityDetail | None:
        raise NotImplementedError  # pending issue

    def entity_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        raise NotImplementedError  # pending issue

    def cooccurring_entities(self, entity_id: str, *, limit: int = 10) -> list[tuple[EntitySummary, int]]:
        raise NotImplementedError  # pending issue

    def entity_article_ids(self, entity_id: str, *, limit: int = 20, offset: int = 0) -> list[str]:
        raise NotImplementedError  # pending issue

    def merge_entities(self, keep: str, other: str) -> None:
        raise NotImplementedError  # pending issue

    def split_entity(self, entity_id: str, variants: list[str]) -> str:
        raise NotImplementedError  # pending issue

    def add_alias(self, entity_id: str, alias: str) -> None:
        raise NotImplementedError  # pending issue
