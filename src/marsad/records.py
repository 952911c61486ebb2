"""The output contract: one JSON object per article (docs/output.md), and back.

`marsad analyze --out`, `marsad export` and the API all emit exactly `article_record(article)`.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from marsad.model import Article, DateMention, Entity, Mention, Quote, Role

RECORD_FIELDS = (
    "id",
    "source",
    "url",
    "outlet",
    "title",
    "published",
    "agency",
    "text",
    "mentions",
    "entities",
    "quotes",
    "dates",
    "story",
)


def format_published(moment: datetime | None) -> str | None:
    """ISO date, with the time only when one is known: "2020-05-15" or "2020-05-15T08:53".

    >>> format_published(datetime(2020, 5, 15, 8, 53))
    '2020-05-15T08:53'
    >>> format_published(datetime(2020, 5, 15))
    '2020-05-15'
    """
    if moment is None:
        return None
    if moment.second:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.hour or moment.minute:
        return moment.strftime("%Y-%m-%dT%H:%M")
    return moment.strftime("%Y-%m-%d")


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": format_published(article.published_at),
        "agency": article.agency,
        "text": article.text,
        "mentions": [asdict(m) for m in article.mentions],
        "entities": {eid: entity_record(e) for eid, e in article.entities.items()},
        "quotes": [asdict(q) for q in article.quotes],
        "dates": [asdict(d) for d in article.dates],
        "story": article.story,
    }


def entity_record(entity: Entity) -> dict[str, Any]:
    """An entity as the output contract writes it inside an article record."""
    return {
        "name": entity.name,
        "type": entity.type,
        "variants": list(entity.variants),
        "english": entity.english,
        "roles": [asdict(role) for role in entity.roles],
    }


def _quote(record: dict[str, Any]) -> Quote:
    return Quote(**{**record, "about": tuple(record.get("about") or ())})


def article_from_stored(record: dict[str, Any]) -> Article:
    """The inverse of `article_record` (used by the store; `source` and `text` are required; a
    stored `fetched_at`, not part of the record, is read when present)."""
    published, fetched_at = record.get("published"), record.get("fetched_at")
    entities = {
        eid: Entity(
            id=eid,
            name=e["name"],
            type=e["type"],
            variants=tuple(e.get("variants", ())),
            english=e.get("english"),
            roles=tuple(Role(**role) for role in e.get("roles") or ()),
        )
        for eid, e in (record.get("entities") or {}).items()
    }
    return Article(
        id=record["id"],
        source=record["source"],
        text=record["text"],
        url=record.get("url"),
        outlet=record.get("outlet"),
        title=record.get("title"),
        published_at=datetime.fromisoformat(published) if published else None,
        fetched_at=datetime.fromisoformat(fetched_at) if fetched_at else None,
        agency=record.get("agency"),
        mentions=tuple(Mention(**m) for m in record.get("mentions") or ()),
        entities=entities,
        quotes=tuple(_quote(q) for q in record.get("quotes") or ()),
        dates=tuple(DateMention(**d) for d in record.get("dates") or ()),
        story=record.get("story"),
    )
