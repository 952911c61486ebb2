"""JSON routes under /api: one per page, plus lists with paging and CSV/JSONL export, and curation.

Each route is the same `views` call its page makes. Lists take `limit` (1–500) and `offset`
(0–10,000) and `format=json|csv|jsonl`; CSV writes nested values as JSON strings, as
`marsad export` does. Every error has the shape of `schemas.ErrorOut`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel

from marsad.model import EntityType
from marsad.web import cache, views
from marsad.web import schemas as s
from marsad.web.stores import store_of

MAX_LIMIT = 500
MAX_OFFSET = 10_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Format = Annotated[Literal["json", "csv", "jsonl"], Query(description="json, or a csv/jsonl download.")]
Since = Annotated[date | None, Query(description="Published on or after this day (2024-05-12).")]
Until = Annotated[date | None, Query(description="Published on or before this day.")]

ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": s.ErrorOut} for code in (400, 401, 404, 422, 500)}
EXPORTS: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}, "application/x-ndjson": {}}},
    **ERRORS,
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


def day_start(day: date | None) -> datetime | None:
    return datetime(day.year, day.month, day.day) if day else None


def listing(page: BaseModel, rows: str, format: str, name: str) -> BaseModel | Response:
    """The page as JSON, or its `rows` list as a CSV or JSONL download."""
    if format == "json":
        return page
    items = [item.model_dump(mode="json") for item in getattr(page, rows)]
    if format == "jsonl":
        lines = (json.dumps(item, ensure_ascii=False) + "\n" for item in items)
        return _download(lines, "application/x-ndjson", f"{name}.jsonl")
    return _download(_csv_lines(items), "text/csv; charset=utf-8", f"{name}.csv")


def _csv_lines(items: list[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    columns = list(items[0]) if items else []
    writer.writerow(columns)
    for item in items:
        writer.writerow([_cell(item[c]) for c in columns])
    yield "\ufeff" + buffer.getvalue()  # the BOM makes spreadsheet programs read UTF-8 Arabic


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _download(chunks: Iterator[str], media_type: str, filename: str) -> Response:
    headers = {"content-disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(chunks, media_type=media_type, headers=headers)


# -- reading ---------------------------------------------------------------------------------


@router.get("/home", response_model=s.HomeOut, summary="What the home page shows")
def home(request: Request) -> s.HomeOut:
    return cache.cached_home(request)


@router.get("/search", response_model=s.SearchOut, responses=EXPORTS, summary="Full-text search")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words, "a phrase", OR, -word.')],
    outlet: str | None = None,
    since: Since = None,
    until: Until = None,
    entity: Annotated[str | None, Query(description="Only articles that mention this entity id.")] = None,
    entity_type: Annotated[EntityType | None, Query(description="Only articles naming this type.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    page = views.search(
        store_of(request),
        q,
        outlet=outlet,
        since=day_start(since),
        until=day_start(until),
        entity=entity,
        entity_type=entity_type,
        limit=limit,
        offset=offset,
    )
    return listing(page, "hits", format, "search")


@router.get("/articles", response_model=s.ArticleListOut, responses=EXPORTS, summary="Articles, newest first")
def articles(
    request: Request,
    outlet: str | None = None,
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    headers = store_of(request).list_articles(outlet=outlet, limit=limit, offset=offset)
    page = s.ArticleListOut(articles=[views.header_out(h) for h in headers], limit=limit, offset=offset)
    return listing(page, "articles", format, "articles")


@router.get("/articles/{article_id}", response_model=s.ArticleOut, summary="One article (output contract)")
def article(request: Request, article_id: str) -> s.ArticleOut:
    return views.article(store_of(request), article_id)


@router.get("/articles/{article_id}/removed", response_model=s.RemovedOut, summary="What cleaning removed")
def removed(request: Request, article_id: str) -> s.RemovedOut:
    return views.removed(store_of(request), article_id)


@router.get("/entities", response_model=s.EntityListOut, responses=EXPORTS, summary="Entities by mentions")
def entities(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="Matches names and variants.")] = None,
    type: EntityType | None = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    store = store_of(request)
    found = store.list_entities(
        query=q or None,
        type=type,
        since=day_start(since),
        until=day_start(until),
        limit=limit,
        offset=offset,
    )
    page = s.EntityListOut(entities=[views.entity_summary_out(e) for e in found], limit=limit, offset=offset)
    return listing(page, "entities", format, "entities")


@router.get("/entities/{entity_id}", response_model=s.EntityOut, summary="One entity")
def entity(request: Request, entity_id: str) -> s.EntityOut:
    return cache.entity_view(request, entity_id)


@router.get(
    "/entities/{entity_id}/quotes",
    response_model=s.QuoteListOut,
    responses=EXPORTS,
    summary="Quotes by or about",
)
def entity_quotes(
    request: Request,
    entity_id: str,
    role: Annotated[Literal["by", "about"], Query(description="Quotes by the entity, or about it.")] = "by",
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    page = views.entity_quotes(store_of(request), entity_id, role, limit=limit, offset=offset)
    return listing(page, "quotes", format, f"quotes-{role}")


@router.get(
    "/entities/{entity_id}/articles",
    response_model=s.ArticleListOut,
    responses=EXPORTS,
    summary="Its articles",
)
def entity_articles(
    request: Request, entity_id: str, limit: Limit = 20, offset: Offset = 0, format: Format = "json"
) -> Any:
    page = views.entity_articles(store_of(request), entity_id, limit=limit, offset=offset)
    return listing(page, "articles", format, "entity-articles")


@router.get("/quotes", response_model=s.QuoteListOut, responses=EXPORTS, summary="Quotes, newest first")
def quotes(
    request: Request,
    by: Annotated[str | None, Query(description="Speaker entity id.")] = None,
    about: Annotated[str | None, Query(description="Entity id the quote is about.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    store = store_of(request)
    found = store.list_quotes(
        by=by, about=about, since=day_start(since), until=day_start(until), limit=limit, offset=offset
    )
    page = s.QuoteListOut(quotes=[views.quote_out(q) for q in found], limit=limit, offset=offset)
    return listing(page, "quotes", format, "quotes")


@router.get("/stories", response_model=s.StoryListOut, responses=EXPORTS, summary="Stories")
def stories(
    request: Request,
    order: Literal["recent", "growing", "largest"] = "recent",
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "json",
) -> Any:
    store = store_of(request)
    found = store.list_stories(
        order=order, since=day_start(since), until=day_start(until), limit=limit, offset=offset
    )
    page = s.StoryListOut(stories=[views.story_summary_out(x) for x in found], limit=limit, offset=offset)
    return listing(page, "stories", format, "stories")


@router.get("/stories/{story_id}", response_model=s.StoryOut, summary="One story")
def story(request: Request, story_id: str) -> s.StoryOut:
    return views.story(store_of(request), story_id)


# -- curation --------------------------------------------------------------------------------


@router.post("/entities/{entity_id}/merge", response_model=s.CurationOut, summary="Merge another entity in")
def merge_entities(request: Request, entity_id: str, body: Annotated[s.MergeIn, Body()]) -> s.CurationOut:
    views.merge_entities(store_of(request), entity_id, body.other)
    return s.CurationOut(id=entity_id)


@router.post("/entities/{entity_id}/aliases", response_model=s.CurationOut, summary="Add an alias")
def add_alias(request: Request, entity_id: str, body: Annotated[s.AliasIn, Body()]) -> s.CurationOut:
    views.add_alias(store_of(request), entity_id, body.alias)
    return s.CurationOut(id=entity_id)


@router.post("/entities/{entity_id}/split", response_model=s.CurationOut, summary="Split variants off")
def split_entity(request: Request, entity_id: str, body: Annotated[s.SplitEntityIn, Body()]) -> s.CurationOut:
    return s.CurationOut(id=views.split_entity(store_of(request), entity_id, body.variants))


@router.post("/stories/{story_id}/merge", response_model=s.CurationOut, summary="Merge another story in")
def merge_stories(request: Request, story_id: str, body: Annotated[s.MergeIn, Body()]) -> s.CurationOut:
    views.merge_stories(store_of(request), story_id, body.other)
    return s.CurationOut(id=story_id)


@router.post("/stories/{story_id}/split", response_model=s.CurationOut, summary="Split articles off")
def split_story(request: Request, story_id: str, body: Annotated[s.SplitStoryIn, Body()]) -> s.CurationOut:
    return s.CurationOut(id=views.split_story(store_of(request), story_id, body.article_ids))
