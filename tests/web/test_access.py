"""The optional token guards every route; search input never breaks the search page."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import UsageError
from marsad.web import create_app
from tests.web.conftest import STORY_TITLES, TestClient, build_articles
from tests.web.fakes import FakeStore

ROUTES = [
    ("GET", "/"),
    ("GET", "/search?q=فالغرين"),
    ("GET", "/articles/art-envoy"),
    ("GET", "/entities/e-valgren"),
    ("GET", "/stories/s-ceasefire"),
    ("GET", "/static/marsad.css"),
    ("GET", "/api"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/home"),
    ("GET", "/api/search?q=فالغرين"),
    ("GET", "/api/articles/art-envoy"),
    ("GET", "/api/no-such-route"),
    ("GET", "/no-such-page"),
    ("POST", "/api/entities/e-valgren/merge"),
    ("POST", "/entities/e-valgren/merge"),
]


@pytest.fixture
def guarded(db_path: str) -> TestClient:
    articles = build_articles()
    app = create_app(
        db_path, token="s3cret-token", open_one=lambda: FakeStore(db_path, articles, STORY_TITLES)
    )
    return TestClient(app)


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_every_route_needs_the_token(guarded: TestClient, method: str, path: str) -> None:
    response = guarded.request(method, path, headers={"authorization": "Bearer wrong"})
    assert response.status_code == 401
    if path.startswith("/api"):
        assert response.json()["error"]["type"] == "unauthorized"
    else:
        assert 'dir="rtl"' in response.text


@pytest.mark.parametrize(
    "headers",
    [{"authorization": "Bearer s3cret-token"}, {"x-marsad-token": "s3cret-token"}],
    ids=["bearer", "header"],
)
def test_the_token_opens_the_api(guarded: TestClient, headers: dict[str, str]) -> None:
    assert guarded.get("/api/articles/art-envoy", headers=headers).status_code == 200
    assert guarded.get("/api/articles/art-envoy?token=s3cret-token").status_code == 200


def test_the_printed_address_sets_a_cookie_and_drops_the_token_from_the_url(guarded: TestClient) -> None:
    entered = guarded.get("/search?q=فالغرين&token=s3cret-token", follow_redirects=False)
    assert entered.status_code == 303
    assert "token" not in entered.headers["location"] and "q=" in entered.headers["location"]
    cookie = entered.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    assert guarded.get("/articles/art-envoy").status_code == 200  # the cookie now opens every page


def test_without_a_token_nothing_is_asked(client: TestClient) -> None:
    assert client.get("/api/home").status_code == 200


def test_a_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such database"):
        create_app(tmp_path / "missing.db")


FTS_SYNTAX = [
    '"unclosed phrase',
    "NEAR(فالغرين الزهراء, 2)",
    "title:فالغرين",
    "فالغر*",
    "^الحكومة",
    "الحكومة AND OR NOT",
    "(((",
    "-",
    "OR",
    "«»",
    "' OR 1=1 --",
    "{body}: x",
    "a" * 500,
]


@pytest.mark.parametrize("query", FTS_SYNTAX, ids=range(len(FTS_SYNTAX)))
def test_search_syntax_never_errors(client: TestClient, query: str) -> None:
    page = client.get("/search", params={"q": query})
    assert page.status_code == 200
    api = client.get("/api/search", params={"q": query})
    assert api.status_code in (200, 400)  # 400: the query has no words, said in the error shape
    assert api.json().get("error", {"type": "usage_error"})["type"] == "usage_error"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(alphabet=st.sampled_from(list("\"«»()*:^-+ORANDNEAR{}[]'فالغرين الحكومة ة ى أ ـ")), max_size=40)
)
def test_any_typed_text_gives_a_search_page(client: TestClient, query: str) -> None:
    assert client.get("/search", params={"q": query}).status_code == 200
    assert client.get("/api/search", params={"q": query or "x"}).status_code in (200, 400)


def test_fastapi_telemetry_stays_off_even_when_the_environment_asks(
    db_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "true")
    app = create_app(db_path, open_one=lambda: FakeStore(db_path, build_articles(), STORY_TITLES))
    config = getattr(app, "_telemetry", None)
    if config is None:
        pytest.skip("this FastAPI version has no built-in telemetry")
    assert not any(config[k] for k in ("tracing", "metrics", "logs", "operation_spans", "auto_configure"))
