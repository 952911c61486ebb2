"""The JSON shapes of the HTTP API (pydantic models, published in the OpenAPI document).

Pages render the same objects, so a page never shows what the API would not return.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

EntityTypeName = Literal["PER", "ORG", "LOC", "MISC"]


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    type: str = Field(description="not_found, usage_error, invalid_request, unauthorized, …")
    message: str = Field(description="What went wrong, naming the input.")


class ErrorOut(BaseModel):
    """The one shape of every error the API returns."""

    error: ErrorBody


class Page(BaseModel):
    limit: int
    offset: int


class ArticleHeaderOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    story: str | None = None
    fetched_at: str | None = Field(
        None, description="When it was fetched (shown where `published` is missing)."
    )


class ArticleListOut(Page):
    articles: list[ArticleHeaderOut]


class SearchHitOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    highlights: list[tuple[int, int]] = Field(description="(start, end) code-point offsets into `snippet`.")
    fetched_at: str | None = Field(
        None, description="When it was fetched (shown where `published` is missing)."
    )


class SearchOut(Page):
    query: str
    total: int = Field(description="Matching articles; a lower bound when total_is_lower_bound is set.")
    total_is_lower_bound: bool = Field(
        False, description="Counting stopped at `total` (searches count up to 1,000 matches)."
    )
    hits: list[SearchHitOut]


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    type: EntityTypeName
    entity: str | None = None


class QuoteOut(BaseModel):
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    direct: bool
    via: str | None = None
    about: list[str] = []


class ArticleOut(BaseModel):
    """The output-contract record (docs/output.md)."""

    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    agency: str | None
    text: str
    mentions: list[MentionOut]
    entities: dict[str, dict[str, Any]]
    quotes: list[QuoteOut]
    dates: list[dict[str, Any]]
    story: str | None


class RemovedOut(BaseModel):
    id: str
    removed: list[str] = Field(description="Lines cleaning removed from the page, in order.")


class EntitySummaryOut(BaseModel):
    id: str
    name: str
    type: EntityTypeName
    english: str | None
    mentions: int
    articles: int


class EntityListOut(Page):
    entities: list[EntitySummaryOut]


class VariantOut(BaseModel):
    text: str
    mentions: int


class RoleOut(BaseModel):
    title: str
    since: str | None = None
    until: str | None = None


class DayCount(BaseModel):
    day: str
    count: int


class CooccurrenceOut(BaseModel):
    entity: EntitySummaryOut
    shared_articles: int


class QuoteHitOut(BaseModel):
    article_id: str
    outlet: str | None
    published: str | None
    fetched_at: str | None = Field(
        None, description="When it was fetched (shown where `published` is missing)."
    )
    title: str | None
    text: str
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    direct: bool
    via: str | None
    about: list[str]


class QuoteListOut(Page):
    quotes: list[QuoteHitOut]


class StoryRef(BaseModel):
    id: str
    title: str


class EntityOut(BaseModel):
    id: str
    name: str
    type: EntityTypeName
    english: str | None
    variants: list[VariantOut]
    roles: list[RoleOut]
    mentions: int
    articles: int
    first_at: datetime | None
    last_at: datetime | None
    timeline: list[DayCount] = Field(description="Mentions per publication day, oldest first.")
    cooccurring: list[CooccurrenceOut]
    quotes_by: list[QuoteHitOut]
    quotes_about: list[QuoteHitOut]
    recent_articles: list[ArticleHeaderOut]
    stories: list[StoryRef] = Field(description="Stories of its recent articles.")


class StorySummaryOut(BaseModel):
    id: str
    title: str
    articles: int
    outlets: int
    first_at: datetime | None
    last_at: datetime | None
    growth: int


class StoryListOut(Page):
    stories: list[StorySummaryOut]


class StoryArticleOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    duplicate_of: str | None
    fetched_at: str | None = None


class ClaimOut(BaseModel):
    text: str
    outlets: list[str]
    article_ids: list[str]


class VersionOut(BaseModel):
    text: str
    figures: list[str]
    outlets: list[str]
    article_ids: list[str]


class DifferenceOut(BaseModel):
    """A statement the outlets report with different counts; versions oldest first."""

    versions: list[VersionOut]


class DatedEventOut(BaseModel):
    """A day the story's articles date, with the sentence that tells what happens then."""

    day: str
    text: str
    outlets: list[str]
    article_ids: list[str]


class StoryEntityOut(BaseModel):
    id: str
    name: str
    type: EntityTypeName
    articles: int


class OutletArticlesOut(BaseModel):
    outlet: str
    articles: list[StoryArticleOut]


class StoryOut(BaseModel):
    id: str
    title: str
    summary: list[str]
    first_at: datetime | None
    last_at: datetime | None
    timeline: list[DayCount]
    outlets: list[OutletArticlesOut]
    claims: list[ClaimOut]
    entities: list[StoryEntityOut]
    differences: list[DifferenceOut] = []
    events: list[DatedEventOut] = []


class TrendingEntityOut(BaseModel):
    entity: EntitySummaryOut
    timeline: list[DayCount]


class OutletCount(BaseModel):
    outlet: str
    articles: int


class HomeOut(BaseModel):
    articles: int
    first_published: str | None
    last_published: str | None
    outlets: list[OutletCount]
    latest_articles: list[ArticleHeaderOut]
    recent_stories: list[StorySummaryOut]
    growing_stories: list[StorySummaryOut] = Field(description="Stories that grew in the last day of data.")
    top_entities: list[TrendingEntityOut] = Field(description="Most-mentioned in the last 7 days of data.")
    latest_quotes: list[QuoteHitOut]


class MergeIn(BaseModel):
    other: str = Field(description="The id that is merged into the one in the path.")


class AliasIn(BaseModel):
    alias: str = Field(min_length=1, max_length=200)


class SplitEntityIn(BaseModel):
    variants: list[str] = Field(min_length=1)


class SplitStoryIn(BaseModel):
    article_ids: list[str] = Field(min_length=1)


class CurationOut(BaseModel):
    ok: bool = True
    id: str = Field(description="The entity or story that now holds the result (a new id after a split).")
