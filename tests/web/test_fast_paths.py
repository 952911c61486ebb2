"""What makes pages fast must not change what they show: capped counts say so, snippets from a
window of the text equal snippets from the whole text, the home page follows database changes,
and worker processes share the form token."""

from __future__ import annotations

import socket
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.arabic.keys import search_tokens
from marsad.store.query import Snippet, make_snippet, parse_query
from marsad.store.sqlite import SQLiteStore
from marsad.web import create_app
from marsad.web.app import ENV_DB, ENV_FORM_TOKEN, ENV_TOKEN, app_from_environment
from marsad.web.cache import StateCache
from tests.conftest import make_article
from tests.web.conftest import build_articles

FILLER = "وتناولت الجلسة ملفات التنمية والتعليم والصحة في المناطق الشمالية من المملكة. "
DEEP = FILLER * 40 + "وقال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في اليمن. " + FILLER * 5


def whole_text_snippet(text: str, keys: frozenset[str], words: int = 28) -> Snippet:
    """The snippet as it was built before: every word of the article folded."""
    tokens = search_tokens(text)
    if not tokens:
        return Snippet("", ())
    first = next((i for i, (key, _, _) in enumerate(tokens) if key in keys), 0)
    lo = max(0, first - words // 3)
    hi = min(len(tokens), lo + words)
    start, end = tokens[lo][1], tokens[hi - 1][2]
    prefix, suffix = ("… " if lo > 0 else ""), (" …" if hi < len(tokens) else "")
    marks = tuple(
        (s - start + len(prefix), e - start + len(prefix)) for key, s, e in tokens[lo:hi] if key in keys
    )
    return Snippet(prefix + text[start:end] + suffix, marks)


@pytest.mark.parametrize("query", ["الجبير", "وزير الخارجية", "اليمن OR الحوثيين", "التعليم", "غائبة"])
@pytest.mark.parametrize("text", [DEEP, DEEP[:300], "الجبير", "", "ـــ ، ."])
def test_snippet_from_a_window_equals_the_snippet_from_the_whole_text(text: str, query: str) -> None:
    keys = parse_query(query).keys
    assert make_snippet(text, keys) == whole_text_snippet(text, keys)


SPORT = "وفاز فريق الهلال في بطولة الرياضة المدرسية. "
LONG_WORDS = "http://example.com/" + "a" * 400 + " "


@pytest.mark.parametrize(
    "text",
    [
        SPORT * 8 + "وزار الأمير مدينة الرياض أمس. " + FILLER * 3,  # رياض inside الرياضة first
        SPORT * 8,  # the key only inside another word: no match at all
        FILLER * 6 + LONG_WORDS * 3 + "الرياض " + FILLER,  # few words before the match in its chunk
        "الرياض" + "ـ" * 300 + " " + FILLER * 4 + "الرياض",
    ],
)
def test_snippet_skipping_chunks_equals_the_snippet_from_the_whole_text(text: str) -> None:
    keys = parse_query("الرياض").keys
    assert make_snippet(text, keys) == whole_text_snippet(text, keys)


def test_snippet_of_a_late_match_marks_it_far_into_the_article() -> None:
    snippet = make_snippet(DEEP, parse_query("الجبير").keys)
    assert snippet.text.startswith("… ") and snippet.text.endswith(" …")
    assert [snippet.text[a:b] for a, b in snippet.highlights] == ["الجبير"]


@pytest.fixture
def many(tmp_path: Path) -> SQLiteStore:
    store = SQLiteStore(str(tmp_path / "many.db"))
    for day in range(1, 8):
        text = f"أعلنت وزارة الصحة في الرياض تسجيل {day} حالات جديدة. " + FILLER
        article = make_article(f"health-{day}", text, outlet="واس", published_at=datetime(2015, 8, day))
        store.save_article(article, fingerprint=article.id, content_key=article.id)
    store.commit()
    return store


def test_capped_count_says_it_is_a_lower_bound(many: SQLiteStore) -> None:
    capped = many.search_articles("الصحة", count_limit=5, limit=3)
    assert (capped.total, capped.total_is_lower_bound, len(capped.hits)) == (5, True, 3)
    exact = many.search_articles("الصحة", count_limit=7)
    assert (exact.total, exact.total_is_lower_bound) == (7, False)
    assert many.search_articles("الصحة").total == 7  # no limit: the exact count
    filtered = many.search_articles("الصحة", count_limit=2, since=datetime(2015, 8, 7))
    assert (filtered.total, filtered.total_is_lower_bound) == (1, False)


def test_ranked_pages_cover_every_match_once(many: SQLiteStore) -> None:
    pages = [many.search_articles("الرياض", limit=3, offset=o).hits for o in (0, 3, 6)]
    ids = [h.id for page in pages for h in page]
    assert sorted(ids) == sorted(f"health-{d}" for d in range(1, 8))
    assert all(h.highlights for page in pages for h in page)


def test_search_page_says_more_than_when_counting_stopped(tmp_path: Path) -> None:
    path = str(tmp_path / "web.db")
    store = SQLiteStore(path)
    for article in build_articles():
        store.save_article(article, fingerprint=article.id, content_key=article.id)
    store.commit()
    store.close()
    with TestClient(create_app(path)) as client, pytest.MonkeyPatch.context() as patch:
        patch.setattr("marsad.web.views.COUNT_LIMIT", 1)
        body = client.get("/api/search", params={"q": "قال OR أكد OR المملكة OR اليمن"}).json()
        assert body["total"] == 1 and body["total_is_lower_bound"] is True
        assert "أكثر من 1 مقالة" in client.get("/search", params={"q": "قال OR أكد"}).text


def test_home_page_follows_commits_of_other_connections(tmp_path: Path) -> None:
    path = str(tmp_path / "web.db")
    articles = build_articles()
    store = SQLiteStore(path)
    store.save_article(articles[0], fingerprint="a", content_key="a")
    store.commit()
    with TestClient(create_app(path)) as client:
        assert client.get("/api/home").json()["articles"] == 1
        assert client.get("/api/home").json()["articles"] == 1  # from the cache
        store.save_article(articles[1], fingerprint="b", content_key="b")
        store.commit()
        home = client.get("/api/home").json()
        assert home["articles"] == 2
        assert articles[1].id in [a["id"] for a in home["latest_articles"]]
    store.close()


def test_state_cache_keeps_values_until_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"one")
    cache, calls = StateCache(path), []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert cache.get("k", compute) == cache.get("k", compute) == 1
    path.write_bytes(b"two!")
    assert cache.get("k", compute) == 2
    assert StateCache(None).get("k", compute) == 3  # no file: nothing kept


def test_workers_share_the_form_token_and_access_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "w.db")
    SQLiteStore(path).close()
    monkeypatch.setenv(ENV_DB, path)
    monkeypatch.setenv(ENV_FORM_TOKEN, "shared-form-secret")
    monkeypatch.setenv(ENV_TOKEN, "access-secret")
    one, two = app_from_environment(), app_from_environment()
    assert one.state.form_token.value == two.state.form_token.value == "shared-form-secret"
    with TestClient(one) as client:
        assert client.get("/api/home").status_code == 401
        assert client.get("/api/home", headers={"X-Marsad-Token": "access-secret"}).status_code == 200


def test_worker_socket_is_tcp_so_responses_are_not_delayed() -> None:
    from marsad.web.server import TCPConfig

    config = TCPConfig("marsad.web.app:app_from_environment", factory=True, host="127.0.0.1", port=0)
    sock = config.bind_socket()
    try:
        assert sock.proto == socket.IPPROTO_TCP and sock.get_inheritable()
    finally:
        sock.close()
