"""SQLite tables and queries for stories (see store/stories.py); mixed into SQLiteStore."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Literal

from marsad.model import Article
from marsad.store.stories import StoryDetail, StorySummary

SCHEMA = ""


class SQLiteStories:
    db: sqlite3.Connection

    def _save_stories(self, article: Article, rowid: int) -> None:
        """Called by SQLiteStore.save_article for every stored article."""

    def list_stories(
        self,
        *,
        order: Literal["recent", "growing", "largest"] = "recent",
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[StorySummary]:
        raise NotImplementedError  # pending issue

    def get_story(self, story_id: str) -> StoryDetail | None:
        raise NotImplementedError  # pending issue

    def merge_stories(self, keep: str, other: str) -> None:
        raise NotImplementedError  # pending issue

    def split_story(self, story_id: str, article_ids: list[str]) -> str:
        raise NotImplementedError  # pending issue
