"""A store with entities, quotes and stories answered in memory from the stored articles.

The SQLite store keeps articles and search; the entity, quote and story protocols (implemented by
other issues) are answered here from the same `Article` objects, so web tests do not wait on them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from typing import Literal

from marsad.model import Article, DatedEvent, Difference, Entity, EntityType, Mention, Quote, Version
from marsad.records import format_published
from marsad.store.entities import EntityDetail, EntitySummary
from marsad.store.quotes import QuoteHit
from marsad.store.sqlite import SQLiteStore
from marsad.store.stories import Claim, StoryArticle, StoryDetail, StorySummary


class FakeStore(SQLiteStore):
    def __init__(
        self,
        path: str,
        articles: list[Article],
        story_titles: dict[str, str],
        curated: list[tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(path)
        self.articles = {a.id: a for a in articles}
        self.story_titles = dict(story_titles)
        self.curated = curated if curated is not None else []  # shared by every connection of a test

    def seed(self) -> FakeStore:
        """Store the articles (once per database; every connection answers from memory)."""
        for article in self.articles.values():
            self.save_article(article, fingerprint=article.id, content_key=article.id)
        self.commit()
        return self

    # -- entities ------------------------------------------------------------------------------

    def _mentions(self, entity_id: str) -> list[tuple[Article, Mention]]:
        return [(a, m) for a in self._by_date() for m in a.mentions if m.entity == entity_id]

    def _by_date(self) -> list[Article]:
        return sorted(self.articles.values(), key=lambda a: a.published_at or datetime.min, reverse=True)

    def _entity(self, entity_id: str) -> Entity | None:
        return next((a.entities[entity_id] for a in self.articles.values() if entity_id in a.entities), None)

    def _summary(self, entity_id: str) -> EntitySummary:
        entity = self._entity(entity_id)
        assert entity is not None
        found = self._mentions(entity_id)
        return EntitySummary(
            entity.id, entity.name, entity.type, entity.english, len(found), len({a.id for a, _ in found})
        )

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
        ids = {eid for a in self.articles.values() for eid in a.entities}
        found = [self._summary(eid) for eid in ids]
        found = [e for e in found if (type is None or e.type == type) and (not query or query in e.name)]
        found.sort(key=lambda e: (-e.mentions, e.id))
        return found[offset : offset + limit]

    def get_entity(self, entity_id: str) -> EntityDetail | None:
        entity = self._entity(entity_id)
        if entity is None:
            return None
        found = self._mentions(entity_id)
        variants = Counter(m.text for _, m in found).most_common()
        days = sorted(a.published_at for a, _ in found if a.published_at)
        summary = self._summary(entity_id)
        return EntityDetail(
            entity.id,
            entity.name,
            entity.type,
            entity.english,
            tuple(variants),
            entity.roles,
            summary.mentions,
            summary.articles,
            days[0] if days else None,
            days[-1] if days else None,
        )

    def entity_timeline(self, entity_id: str) -> list[tuple[str, int]]:
        per_day = Counter(
            a.published_at.date().isoformat() for a, _ in self._mentions(entity_id) if a.published_at
        )
        return sorted(per_day.items())

    def cooccurring_entities(self, entity_id: str, *, limit: int = 10) -> list[tuple[EntitySummary, int]]:
        shared: Counter[str] = Counter()
        for article in self.articles.values():
            if entity_id in article.entities:
                shared.update(eid for eid in article.entities if eid != entity_id)
        return [(self._summary(eid), n) for eid, n in shared.most_common(limit)]

    def entity_article_ids(self, entity_id: str, *, limit: int = 20, offset: int = 0) -> list[str]:
        ids = list(dict.fromkeys(a.id for a, _ in self._mentions(entity_id)))
        return ids[offset : offset + limit]

    def merge_entities(self, keep: str, other: str) -> None:
        self.curated.append(("merge_entities", keep, other))

    def split_entity(self, entity_id: str, variants: list[str]) -> str:
        self.curated.append(("split_entity", entity_id, *variants))
        return entity_id

    def add_alias(self, entity_id: str, alias: str) -> None:
        self.curated.append(("add_alias", entity_id, alias))

    # -- quotes --------------------------------------------------------------------------------

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
        hits = []
        for article in self._by_date():
            for quote in article.quotes:
                if (by and quote.speaker != by) or (about and about not in quote.about):
                    continue
                hits.append(_quote_hit(article, quote))
        return hits[offset : offset + limit]

    # -- stories -------------------------------------------------------------------------------

    def _story_articles(self, story_id: str) -> list[Article]:
        return sorted(
            (a for a in self.articles.values() if a.story == story_id),
            key=lambda a: a.published_at or datetime.min,
        )

    def list_stories(
        self,
        *,
        order: Literal["recent", "growing", "largest"] = "recent",
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[StorySummary]:
        found = []
        for story_id, title in self.story_titles.items():
            members = self._story_articles(story_id)
            dates = [a.published_at for a in members if a.published_at]
            found.append(
                StorySummary(
                    story_id,
                    title,
                    len(members),
                    len({a.outlet for a in members}),
                    min(dates, default=None),
                    max(dates, default=None),
                    growth=1 if story_id == "s-ceasefire" else 0,
                )
            )
        if order == "growing":
            found.sort(key=lambda s: -s.growth)
        return found[offset : offset + limit]

    def get_story(self, story_id: str) -> StoryDetail | None:
        if story_id not in self.story_titles:
            return None
        members = self._story_articles(story_id)
        per_day = Counter(a.published_at.date().isoformat() for a in members if a.published_at)
        entities: defaultdict[str, set[str]] = defaultdict(set)
        for article in members:
            for eid in article.entities:
                entities[eid].add(article.id)
        return StoryDetail(
            id=story_id,
            title=self.story_titles[story_id],
            summary=tuple(a.title or "" for a in members[:2]),
            first_at=members[0].published_at if members else None,
            last_at=members[-1].published_at if members else None,
            timeline=tuple(sorted(per_day.items())),
            articles=tuple(
                StoryArticle(a.id, a.title, a.outlet, format_published(a.published_at), None) for a in members
            ),
            claims=tuple(Claim(a.text.split("\n")[0], (a.outlet or "",), (a.id,)) for a in members[:1]),
            differences=(_difference(members),) if len(members) > 1 else (),
            events=tuple(
                DatedEvent(
                    format_published(a.published_at)[:10], a.text.split("\n")[0], (a.outlet or "",), (a.id,)
                )
                for a in members[:2]
                if a.published_at
            ),
            entities=tuple(
                (eid, self._summary(eid).name, self._summary(eid).type, len(ids))
                for eid, ids in entities.items()
            ),
        )

    def merge_stories(self, keep: str, other: str) -> None:
        self.curated.append(("merge_stories", keep, other))

    def split_story(self, story_id: str, article_ids: list[str]) -> str:
        self.curated.append(("split_story", story_id, *article_ids))
        return "s-new"


def _quote_hit(article: Article, quote: Quote) -> QuoteHit:
    speaker = article.entities.get(quote.speaker or "")
    return QuoteHit(
        article_id=article.id,
        outlet=article.outlet,
        published=format_published(article.published_at),
        title=article.title,
        text=quote.text,
        speaker=quote.speaker,
        speaker_name=speaker.name if speaker else quote.speaker_text,
        cue=quote.cue,
        direct=quote.direct,
        via=quote.via,
        about=quote.about,
    )


def _difference(members: list[Article]) -> Difference:
    """Two outlets' tolls, one of them with markup that must reach the page escaped."""
    return Difference(
        tuple(
            Version(
                f"أسفر الهجوم عن مقتل {n} شخصا <script>alert(1)</script>", (n,), (a.outlet or "",), (a.id,)
            )
            for n, a in zip(("12", "31"), members, strict=False)
        )
    )
