"""What the store answers about quotes: who said what, and what was said about whom.

Implemented by `store.sqlite_quotes.SQLiteQuotes` (owner: the quotes issue, #4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class QuoteHit:
    article_id: str
    outlet: str | None
    published: str | None
    title: str | None
    text: str
    speaker: str | None  # entity id
    speaker_name: str | None  # the entity's canonical name, else the speaker text
    cue: str | None
    direct: bool
    via: str | None
    about: tuple[str, ...]
    fetched_at: str | None = None  # shown where `published` is missing


class QuoteStore(Protocol):
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
        """Quotes newest first; `by` and `about` are entity ids. Without linked entities,
        `by_name` matches the speaker as written (every word, folded, ال dropped: "التركي" finds
        "اللواء منصور التركي") and `about_name` the quote's text."""
