"""HTML routes: the analyst's pages, each rendering the same `views` call as its API twin.

Analyst actions take two steps: a GET shows what will change with a confirm button, and the
POST (carrying the per-process form token) does it and redirects back to the changed page.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from marsad.errors import UsageError
from marsad.model import EntityType
from marsad.web import api, cache, views
from marsad.web import schemas as s
from marsad.web.markup import MentionMark, QuoteMark, segment_article
from marsad.web.rendering import Renderer
from marsad.web.stores import store_of

PER_PAGE = 20
MAX_PAGE = api.MAX_OFFSET // PER_PAGE + 1

router = APIRouter(include_in_schema=False)
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]
FormToken = Annotated[str, Form()]


def render(request: Request, name: str, **context: Any) -> Response:
    renderer: Renderer = request.app.state.renderer
    return renderer.page(request, name, **context)


@router.get("/")
def home(request: Request) -> Response:
    return render(request, "home.html", home=cache.cached_home(request), days=views.TREND_DAYS)


@router.get("/search")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    outlet: str | None = None,
    since: api.Since = None,
    until: api.Until = None,
    entity: str | None = None,
    type: EntityType | None = None,
    page: PageNumber = 1,
) -> Response:
    store = store_of(request)
    offset = (page - 1) * PER_PAGE
    result: s.SearchOut | None = None
    latest: list[s.ArticleHeaderOut] = []
    notice = None
    if q.strip():
        try:
            result = views.search(
                store,
                q,
                outlet=outlet or None,
                since=api.day_start(since),
                until=api.day_start(until),
                entity=entity or None,
                entity_type=type,
                limit=PER_PAGE,
                offset=offset,
            )
        except UsageError as exc:
            notice = exc.message  # a query with no words is a hint to the analyst, not an error page
    else:
        latest = [
            views.header_out(h)
            for h in store.list_articles(outlet=outlet or None, limit=PER_PAGE, offset=offset)
        ]
    params = {
        "q": q,
        "outlet": outlet,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "entity": entity,
        "type": type,
    }
    return render(
        request,
        "search.html",
        params=params,
        result=result,
        latest=latest,
        notice=notice,
        page=page,
        per_page=PER_PAGE,
        max_page=MAX_PAGE,
        outlets=cache.cached_overview(request).outlets,
    )


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, removed: bool = False) -> Response:
    store = store_of(request)
    record = views.article(store, article_id)
    names = {eid: e.get("name") for eid, e in record.entities.items()}
    paragraphs = segment_article(
        record.text,
        [(m.start, m.end, MentionMark(m.type, m.entity)) for m in record.mentions],
        [
            (q.start, q.end, QuoteMark(i, q.speaker, names.get(q.speaker or "") or q.speaker_text, q.direct))
            for i, q in enumerate(record.quotes)
        ],
    )
    removed_lines = views.removed(store, article_id).removed if removed else None
    return render(request, "article.html", article=record, paragraphs=paragraphs, removed=removed_lines)


@router.get("/entities")
def entities(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    type: EntityType | None = None,
    page: PageNumber = 1,
) -> Response:
    store = store_of(request)
    found = store.list_entities(query=q or None, type=type, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    listed = [views.entity_summary_out(e) for e in found]
    params = {"q": q, "type": type}
    return render(request, "entities.html", entities=listed, params=params, page=page, per_page=PER_PAGE)


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: str, done: str | None = None) -> Response:
    return render(request, "entity.html", entity=cache.entity_view(request, entity_id), done=done)


@router.get("/stories")
def stories(
    request: Request, order: Literal["recent", "growing", "largest"] = "recent", page: PageNumber = 1
) -> Response:
    store = store_of(request)
    found = store.list_stories(order=order, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    listed = [views.story_summary_out(x) for x in found]
    return render(
        request, "stories.html", stories=listed, params={"order": order}, page=page, per_page=PER_PAGE
    )


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str, done: str | None = None) -> Response:
    return render(request, "story.html", story=views.story(store_of(request), story_id), done=done)


@router.get("/api")
def api_index(request: Request) -> Response:
    schema = request.app.openapi()
    routes = [
        (method.upper(), path, operation.get("summary", ""))
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "api.html", routes=routes)


# -- analyst actions: confirm, then do -------------------------------------------------------


def _check_form(request: Request, token: str) -> None:
    if not request.app.state.form_token.valid(token):
        raise UsageError("this form has expired (the server restarted); open the page again and resubmit")


def _done(path: str, what: str) -> Response:
    return RedirectResponse(f"{path}?done={what}", status_code=303)


def _confirm(
    request: Request, *, title: str, lines: list[str], action: str, fields: list[tuple[str, str]], back: str
) -> Response:
    return render(request, "confirm.html", title=title, lines=lines, action=action, fields=fields, back=back)


@router.get("/entities/{entity_id}/merge")
def confirm_merge_entities(
    request: Request, entity_id: str, other: Annotated[str, Query(min_length=1)]
) -> Response:
    store = store_of(request)
    keep, gone = views.entity(store, entity_id), views.entity(store, other.strip())
    return _confirm(
        request,
        title="دمج كيانين",  # merge two entities
        lines=[
            f"سيُدمج «{gone.name}» ({gone.id}، {gone.mentions} إشارة) في «{keep.name}» ({keep.id}).",
            "كل إشارات الكيان الثاني ستصبح للأول، الآن وفي كل تحليل لاحق.",
        ],
        action=f"/entities/{entity_id}/merge",
        fields=[("other", gone.id)],
        back=f"/entities/{entity_id}",
    )


@router.post("/entities/{entity_id}/merge")
def merge_entities(
    request: Request, entity_id: str, other: Annotated[str, Form()], form_token: FormToken
) -> Response:
    _check_form(request, form_token)
    views.merge_entities(store_of(request), entity_id, other)
    return _done(f"/entities/{entity_id}", "merged")


@router.get("/entities/{entity_id}/alias")
def confirm_alias(
    request: Request, entity_id: str, alias: Annotated[str, Query(min_length=1, max_length=200)]
) -> Response:
    detail = views.entity(store_of(request), entity_id)
    return _confirm(
        request,
        title="إضافة اسم بديل",  # add an alias
        lines=[f"كل إشارة مكتوبة «{alias.strip()}» سترتبط بـ«{detail.name}» ({detail.id}) في كل تحليل لاحق."],
        action=f"/entities/{entity_id}/alias",
        fields=[("alias", alias.strip())],
        back=f"/entities/{entity_id}",
    )


@router.post("/entities/{entity_id}/alias")
def add_alias(
    request: Request, entity_id: str, alias: Annotated[str, Form()], form_token: FormToken
) -> Response:
    _check_form(request, form_token)
    views.add_alias(store_of(request), entity_id, alias)
    return _done(f"/entities/{entity_id}", "alias")


@router.get("/entities/{entity_id}/split")
def confirm_split_entity(
    request: Request, entity_id: str, variant: Annotated[list[str], Query(min_length=1)]
) -> Response:
    detail = views.entity(store_of(request), entity_id)
    return _confirm(
        request,
        title="فصل صيغ إلى كيان جديد",  # split variants off to a new entity
        lines=[f"الإشارات المكتوبة بهذه الصيغ ستنتقل من «{detail.name}» إلى كيان جديد:", "، ".join(variant)],
        action=f"/entities/{entity_id}/split",
        fields=[("variant", v) for v in variant],
        back=f"/entities/{entity_id}",
    )


@router.post("/entities/{entity_id}/split")
def split_entity(
    request: Request, entity_id: str, variant: Annotated[list[str], Form()], form_token: FormToken
) -> Response:
    _check_form(request, form_token)
    new_id = views.split_entity(store_of(request), entity_id, variant)
    return _done(f"/entities/{new_id}", "split")


@router.get("/stories/{story_id}/merge")
def confirm_merge_stories(
    request: Request, story_id: str, other: Annotated[str, Query(min_length=1)]
) -> Response:
    store = store_of(request)
    keep, gone = views.story(store, story_id), views.story(store, other.strip())
    count = sum(len(o.articles) for o in gone.outlets)
    return _confirm(
        request,
        title="دمج قصتين",  # merge two stories
        lines=[f"ستنضم مقالات «{gone.title}» ({count} مقالة) إلى «{keep.title}»، الآن وفي كل تحليل لاحق."],
        action=f"/stories/{story_id}/merge",
        fields=[("other", gone.id)],
        back=f"/stories/{story_id}",
    )


@router.post("/stories/{story_id}/merge")
def merge_stories(
    request: Request, story_id: str, other: Annotated[str, Form()], form_token: FormToken
) -> Response:
    _check_form(request, form_token)
    views.merge_stories(store_of(request), story_id, other)
    return _done(f"/stories/{story_id}", "merged")


@router.get("/stories/{story_id}/split")
def confirm_split_story(
    request: Request, story_id: str, article: Annotated[list[str], Query(min_length=1)]
) -> Response:
    detail = views.story(store_of(request), story_id)
    titles = {a.id: a.title or a.id for o in detail.outlets for a in o.articles}
    return _confirm(
        request,
        title="فصل مقالات إلى قصة جديدة",  # split articles off to a new story
        lines=[
            f"ستنتقل هذه المقالات من «{detail.title}» إلى قصة جديدة:",
            *(titles.get(a, a) for a in article),
        ],
        action=f"/stories/{story_id}/split",
        fields=[("article", a) for a in article],
        back=f"/stories/{story_id}",
    )


@router.post("/stories/{story_id}/split")
def split_story(
    request: Request, story_id: str, article: Annotated[list[str], Form()], form_token: FormToken
) -> Response:
    _check_form(request, form_token)
    new_id = views.split_story(store_of(request), story_id, article)
    return _done(f"/stories/{new_id}", "split")
