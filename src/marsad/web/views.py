"""What each page and its API twin show, gathered from the store in one place.

Every function here takes a `Store` and returns a model from `web.schemas`: the JSON route
returns it as is, the HTML route renders it. Parts whose store methods are not implemented yet
(entity linking, quotes and stories land separately) come back as `None` or empty, so the home
page works on a database that has only articles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Literal

from marsad.errors import MarsadError, UsageError
from marsad.model import EntityType
from marsad.store import ArticleHeader, Store
from marsad.store.entities import EntitySummary
from marsad.store.quotes import QuoteHit
from marsad.store.stories import StorySummary
from marsad.web import schemas as s

#: How far back "the last days" of the home page reach, counted from the newest article.
TREND_DAYS = 7

#: Searches count matches up to this many: an exact count of a common word costs more than the
#: page itself, and "1,000+" tells the analyst as much.
COUNT_LIMIT = 1000


class NotFound(MarsadError):
    """No article, entity or story has the id asked for."""

    http_status = 404


# -- converters ------------------------------------------------------------------------------


def _fields(record: Any) -> dict[str, Any]:
    """A flat dataclass's fields by name (`dataclasses.asdict` deep-copies every value: slow)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def header_out(header: ArticleHeader) -> s.ArticleHeaderOut:
    return s.ArticleHeaderOut(**_fields(header))


def entity_summary_out(entity: EntitySummary) -> s.EntitySummaryOut:
    return s.EntitySummaryOut(**_fields(entity))


def quote_out(quote: QuoteHit) -> s.QuoteHitOut:
    return s.QuoteHitOut(**{**_fields(quote), "about": list(quote.about)})


def story_summary_out(story: StorySummary) -> s.StorySummaryOut:
    return s.StorySummaryOut(**_fields(story))


def day_counts(rows: list[tuple[str, int]] | tuple[tuple[str, int], ...]) -> list[s.DayCount]:
    return [s.DayCount(day=day, count=count) for day, count in rows]


# -- pages -----------------------------------------------------------------------------------


def home(store: Store) -> s.HomeOut:
    overview = store.overview()
    since = _trend_start(overview.last_published)
    trending = [
        s.TrendingEntityOut(entity=entity_summary_out(e), timeline=day_counts(store.entity_timeline(e.id)))
        for e in store.list_entities(since=since, limit=10)
    ]
    return s.HomeOut(
        articles=overview.articles,
        first_published=overview.first_published,
        last_published=overview.last_published,
        outlets=[s.OutletCount(outlet=o, articles=n) for o, n in overview.outlets],
        latest_articles=[header_out(h) for h in store.list_articles(limit=10)],
        recent_stories=[story_summary_out(x) for x in store.list_stories(order="recent", limit=8)],
        growing_stories=[
            story_summary_out(x) for x in store.list_stories(order="growing", limit=8) if x.growth > 0
        ],
        top_entities=trending,
        latest_quotes=[quote_out(q) for q in store.list_quotes(limit=8)],
    )


def _trend_start(last_published: str | None) -> datetime | None:
    if not last_published:
        return None
    return datetime.fromisoformat(last_published[:10]) - timedelta(days=TREND_DAYS - 1)


def search(
    store: Store,
    query: str,
    *,
    outlet: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    entity: str | None = None,
    entity_type: EntityType | None = None,
    limit: int = 20,
    offset: int = 0,
) -> s.SearchOut:
    page = store.search_articles(
        query,
        limit=limit,
        offset=offset,
        outlet=outlet,
        since=since,
        until=until,
        entity=entity or None,
        entity_type=entity_type or None,
        count_limit=COUNT_LIMIT,
    )
    hits = [
        s.SearchHitOut(
            id=h.id,
            title=h.title,
            outlet=h.outlet,
            published=h.published,
            snippet=h.snippet,
            highlights=list(h.highlights),
            fetched_at=h.fetched_at,
        )
        for h in page.hits
    ]
    return s.SearchOut(
        query=query,
        total=page.total,
        total_is_lower_bound=page.total_is_lower_bound,
        hits=hits,
        limit=limit,
        offset=offset,
    )


def article(store: Store, article_id: str) -> s.ArticleOut:
    record = store.get_article(article_id)
    if record is None:
        raise NotFound(f"no article with id {article_id!r}")
    return s.ArticleOut(**record)


def removed(store: Store, article_id: str) -> s.RemovedOut:
    lines = store.get_removed(article_id)
    if lines is None:
        raise NotFound(f"no article with id {article_id!r}")
    return s.RemovedOut(id=article_id, removed=list(lines))


def entity(
    store: Store, entity_id: str, story_title: Callable[[str], str | None] | None = None
) -> s.EntityOut:
    """The entity page; `story_title(id)` names its stories (default: `store.get_story`, which
    loads a whole story: the app passes a cached lookup)."""
    detail = store.get_entity(entity_id)
    if detail is None:
        raise NotFound(f"no entity with id {entity_id!r}")
    article_ids = store.entity_article_ids(entity_id, limit=20) or []
    headers = store.article_headers(article_ids)
    return s.EntityOut(
        id=detail.id,
        name=detail.name,
        type=detail.type,
        english=detail.english,
        variants=[s.VariantOut(text=t, mentions=n) for t, n in detail.variants],
        roles=[s.RoleOut(**_fields(r)) for r in detail.roles],
        mentions=detail.mentions,
        articles=detail.articles,
        first_at=detail.first_at,
        last_at=detail.last_at,
        timeline=day_counts(store.entity_timeline(entity_id) or []),
        cooccurring=[
            s.CooccurrenceOut(entity=entity_summary_out(e), shared_articles=n)
            for e, n in store.cooccurring_entities(entity_id, limit=12) or []
        ],
        quotes_by=entity_quotes(store, entity_id, "by", limit=10, offset=0).quotes,
        quotes_about=entity_quotes(store, entity_id, "about", limit=10, offset=0).quotes,
        recent_articles=[header_out(h) for h in headers],
        stories=_stories_of(store, headers, story_title or partial(story_title_of, store)),
    )


def _stories_of(
    store: Store, headers: list[ArticleHeader], story_title: Callable[[str], str | None], most: int = 6
) -> list[s.StoryRef]:
    ids = list(dict.fromkeys(h.story for h in headers if h.story))[:most]
    refs = []
    for story_id in ids:
        title = story_title(story_id)
        if title is not None:
            refs.append(s.StoryRef(id=story_id, title=title))
    return refs


def story_title_of(store: Store, story_id: str) -> str | None:
    """The story's title; None when there is no such story or the store has no stories yet."""
    detail = store.get_story(story_id)
    return None if detail is None else detail.title


def entity_quotes(
    store: Store, entity_id: str, role: Literal["by", "about"], *, limit: int, offset: int
) -> s.QuoteListOut:
    by, about = (entity_id, None) if role == "by" else (None, entity_id)
    quotes = store.list_quotes(by=by, about=about, limit=limit, offset=offset) or []
    return s.QuoteListOut(quotes=[quote_out(q) for q in quotes], limit=limit, offset=offset)


def entity_articles(store: Store, entity_id: str, *, limit: int, offset: int) -> s.ArticleListOut:
    ids = store.entity_article_ids(entity_id, limit=limit, offset=offset)
    headers = store.article_headers(ids)
    return s.ArticleListOut(articles=[header_out(h) for h in headers], limit=limit, offset=offset)


def story(store: Store, story_id: str) -> s.StoryOut:
    detail = store.get_story(story_id)
    if detail is None:
        raise NotFound(f"no story with id {story_id!r}")
    by_outlet: dict[str, list[s.StoryArticleOut]] = {}
    for a in detail.articles:
        by_outlet.setdefault(a.outlet or "—", []).append(s.StoryArticleOut(**_fields(a)))
    return s.StoryOut(
        id=detail.id,
        title=detail.title,
        summary=list(detail.summary),
        first_at=detail.first_at,
        last_at=detail.last_at,
        timeline=day_counts(detail.timeline),
        outlets=[s.OutletArticlesOut(outlet=o, articles=arts) for o, arts in by_outlet.items()],
        claims=[
            s.ClaimOut(text=c.text, outlets=list(c.outlets), article_ids=list(c.article_ids))
            for c in detail.claims
        ],
        entities=[s.StoryEntityOut(id=i, name=n, type=t, articles=c) for i, n, t, c in detail.entities],  # type: ignore[arg-type]
        differences=[
            s.DifferenceOut(versions=[s.VersionOut(**_fields(v)) for v in d.versions])
            for d in detail.differences
        ],
        events=[s.DatedEventOut(**_fields(e)) for e in detail.events],
    )


# -- analyst curation ------------------------------------------------------------------------


def merge_entities(store: Store, keep: str, other: str) -> None:
    if keep == other:
        raise UsageError(f"cannot merge entity {keep!r} into itself")
    for entity_id in (keep, other):
        if store.get_entity(entity_id) is None:
            raise NotFound(f"no entity with id {entity_id!r}")
    store.merge_entities(keep, other)
    store.commit()


def add_alias(store: Store, entity_id: str, alias: str) -> None:
    alias = alias.strip()
    if not alias:
        raise UsageError(f"an alias for entity {entity_id!r} must not be empty")
    if store.get_entity(entity_id) is None:
        raise NotFound(f"no entity with id {entity_id!r}")
    store.add_alias(entity_id, alias)
    store.commit()


def split_entity(store: Store, entity_id: str, variants: list[str]) -> str:
    detail = store.get_entity(entity_id)
    if detail is None:
        raise NotFound(f"no entity with id {entity_id!r}")
    known = {text for text, _ in detail.variants}
    unknown = [v for v in variants if v not in known]
    if unknown:
        raise UsageError(f"entity {entity_id!r} has no variant {unknown[0]!r}")
    new_id = store.split_entity(entity_id, variants)
    store.commit()
    return new_id


def merge_stories(store: Store, keep: str, other: str) -> None:
    if keep == other:
        raise UsageError(f"cannot merge story {keep!r} into itself")
    for story_id in (keep, other):
        if store.get_story(story_id) is None:
            raise NotFound(f"no story with id {story_id!r}")
    store.merge_stories(keep, other)
    store.commit()


def split_story(store: Store, story_id: str, article_ids: list[str]) -> str:
    detail = store.get_story(story_id)
    if detail is None:
        raise NotFound(f"no story with id {story_id!r}")
    members = {a.id for a in detail.articles}
    strangers = [a for a in article_ids if a not in members]
    if strangers:
        raise UsageError(f"article {strangers[0]!r} is not in story {story_id!r}")
    if set(article_ids) >= members:
        raise UsageError(f"splitting every article off story {story_id!r} would leave it empty")
    new_id = store.split_story(story_id, article_ids)
    store.commit()
    return new_id
