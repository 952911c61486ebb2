"""The JSON API: shapes, paging limits, exports, the one error shape, curation."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.web.conftest import TestClient


def _is_error(response, status: int, kind: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "type", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["type"] == kind
    assert body["error"]["message"]
    return body["error"]


def test_search_folds_arabic_spelling_and_returns_highlighted_snippets(client: TestClient) -> None:
    # الاغاثه (no hamza, ه for ة) must find والإغاثة.
    body = client.get("/api/search", params={"q": "الاغاثه"}).json()
    assert body["total"] == 1
    hit = body["hits"][0]
    assert hit["id"] == "art-floods"
    marked = [hit["snippet"][a:b] for a, b in hit["highlights"]]
    assert marked == ["والإغاثة"]


def test_search_filters_by_outlet_and_dates(client: TestClient) -> None:
    everywhere = client.get("/api/search", params={"q": "فالغرين"}).json()
    assert {h["id"] for h in everywhere["hits"]} == {"art-envoy", "art-evil"}
    one = client.get("/api/search", params={"q": "فالغرين", "outlet": "الفجر الجديد"}).json()
    assert [h["id"] for h in one["hits"]] == ["art-envoy"]
    later = client.get("/api/search", params={"q": "فالغرين", "since": "2024-05-13"}).json()
    assert [h["id"] for h in later["hits"]] == ["art-evil"]
    earlier = client.get("/api/search", params={"q": "فالغرين", "until": "2024-05-12"}).json()
    assert [h["id"] for h in earlier["hits"]] == ["art-envoy"]


def test_paging_is_limited_and_validated(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert len(first["articles"]) == 2 and len(second["articles"]) == 2
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    assert first["articles"][0]["published"] >= first["articles"][1]["published"]  # newest first
    for params in ({"limit": 501}, {"limit": 0}, {"offset": -1}, {"offset": 10_001}, {"limit": "many"}):
        error = _is_error(client.get("/api/articles", params=params), 422, "invalid_request")
        assert next(iter(params)) in error["message"]


def test_article_is_the_output_contract_record(client: TestClient) -> None:
    record = client.get("/api/articles/art-envoy").json()
    assert list(record) == [
        "id", "source", "url", "outlet", "title", "published", "agency", "text",
        "mentions", "entities", "quotes", "dates", "story",
    ]  # fmt: skip
    for mention in record["mentions"]:
        assert record["text"][mention["start"] : mention["end"]] == mention["text"]
    assert record["entities"]["e-valgren"]["name"] == "ماتياس فالغرين"
    assert client.get("/api/articles/art-envoy/removed").json()["removed"][1] == "كتب: محمود سعيد عرفة"


def test_unknown_ids_and_routes_share_the_error_shape(client: TestClient) -> None:
    assert "art-missing" in _is_error(client.get("/api/articles/art-missing"), 404, "not_found")["message"]
    _is_error(client.get("/api/articles/art-missing/removed"), 404, "not_found")
    _is_error(client.get("/api/entities/e-missing"), 404, "not_found")
    _is_error(client.get("/api/stories/s-missing"), 404, "not_found")
    _is_error(client.get("/api/no-such-route"), 404, "not_found")
    _is_error(client.get("/api/search", params={"q": "()*:"}), 400, "usage_error")
    _is_error(client.get("/api/search"), 422, "invalid_request")
    _is_error(client.post("/api/entities/e-valgren/merge", json={}), 422, "invalid_request")


def test_entity_gathers_variants_timeline_quotes_and_neighbours(client: TestClient) -> None:
    entity = client.get("/api/entities/e-valgren").json()
    assert entity["name"] == "ماتياس فالغرين"
    assert {v["text"]: v["mentions"] for v in entity["variants"]} == {
        "ماتياس فالغرين": 1,
        "فالغرين": 1,
        "فالغرن": 1,
    }
    assert entity["timeline"] == [{"day": "2024-05-12", "count": 2}, {"day": "2024-05-13", "count": 1}]
    assert [q["text"] for q in entity["quotes_by"]] == [
        "«الحل السياسي هو الطريق الوحيد لإنهاء القتال في وادي السدر»"
    ]
    assert {c["entity"]["id"] for c in entity["cooccurring"]} >= {"e-zahraa", "e-rasc"}
    assert [a["id"] for a in entity["recent_articles"]] == ["art-alliance", "art-envoy"]
    assert entity["stories"] == [{"id": "s-ceasefire", "title": "وقف إطلاق النار في وادي السدر"}]
    about = client.get("/api/entities/e-sidr/quotes", params={"role": "about"}).json()["quotes"]
    assert [q["speaker"] for q in about] == ["e-valgren"]


def test_story_groups_articles_by_outlet(client: TestClient) -> None:
    story = client.get("/api/stories/s-ceasefire").json()
    assert [o["outlet"] for o in story["outlets"]] == ["الفجر الجديد", "شبكة الساحل الإخبارية"]
    assert [d["day"] for d in story["timeline"]] == ["2024-05-12", "2024-05-13"]
    assert {e["id"] for e in story["entities"]} >= {"e-valgren", "e-rasc"}
    assert [e["day"] for e in story["events"]] == ["2024-05-12", "2024-05-13"]
    [difference] = story["differences"]
    assert [(v["figures"], v["outlets"]) for v in difference["versions"]] == [
        (["12"], ["الفجر الجديد"]),
        (["31"], ["شبكة الساحل الإخبارية"]),
    ]


@pytest.mark.parametrize(
    ("path", "rows"),
    [
        ("/api/search?q=الحكومة", "hits"),
        ("/api/articles", "articles"),
        ("/api/entities?type=PER", "entities"),
        ("/api/quotes", "quotes"),
        ("/api/stories", "stories"),
        ("/api/entities/e-valgren/articles", "articles"),
        ("/api/entities/e-valgren/quotes", "quotes"),
    ],
    ids=["search", "articles", "entities", "quotes", "stories", "entity-articles", "entity-quotes"],
)
def test_every_list_exports_as_csv_and_jsonl(client: TestClient, path: str, rows: str) -> None:
    listed = client.get(path).json()[rows]
    assert listed
    separator = "&" if "?" in path else "?"
    jsonl = client.get(f"{path}{separator}format=jsonl")
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in jsonl.headers["content-disposition"]
    assert [json.loads(line) for line in jsonl.text.splitlines()] == listed
    exported = client.get(f"{path}{separator}format=csv")
    assert exported.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert [row["id" if "id" in row else "article_id"] for row in table] == [
        (item.get("id") or item.get("article_id") or item["entity"]["id"]) for item in listed
    ]


def test_curation_calls_the_store_and_checks_ids(client: TestClient, curated: list[tuple[str, ...]]) -> None:
    assert client.post("/api/entities/e-valgren/merge", json={"other": "e-saqqa"}).json() == {
        "ok": True,
        "id": "e-valgren",
    }
    assert client.post("/api/entities/e-valgren/aliases", json={"alias": "فالجرين"}).status_code == 200
    assert client.post("/api/entities/e-valgren/split", json={"variants": ["فالغرن"]}).status_code == 200
    assert client.post("/api/stories/s-ceasefire/merge", json={"other": "s-floods"}).status_code == 200
    assert (
        client.post("/api/stories/s-ceasefire/split", json={"article_ids": ["art-alliance"]}).json()["id"]
        == "s-new"
    )
    assert curated == [
        ("merge_entities", "e-valgren", "e-saqqa"),
        ("add_alias", "e-valgren", "فالجرين"),
        ("split_entity", "e-valgren", "فالغرن"),
        ("merge_stories", "s-ceasefire", "s-floods"),
        ("split_story", "s-ceasefire", "art-alliance"),
    ]
    _is_error(client.post("/api/entities/e-valgren/merge", json={"other": "e-valgren"}), 400, "usage_error")
    _is_error(client.post("/api/entities/e-valgren/merge", json={"other": "e-nobody"}), 404, "not_found")
    _is_error(client.post("/api/entities/e-valgren/split", json={"variants": ["زيد"]}), 400, "usage_error")
    _is_error(
        client.post("/api/stories/s-ceasefire/split", json={"article_ids": ["art-floods"]}),
        400,
        "usage_error",
    )
    assert len(curated) == 5


def test_curation_needs_json_so_other_sites_cannot_post_forms(client: TestClient) -> None:
    response = client.post("/api/entities/e-valgren/merge", data={"other": "e-saqqa"})
    assert response.status_code == 422


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/search", "/api/articles/{article_id}", "/api/entities/{entity_id}",
        "/api/entities/{entity_id}/quotes", "/api/stories/{story_id}", "/api/home",
    ):  # fmt: skip
        assert path in paths
    assert not any(not p.startswith("/api") for p in paths)  # pages are not part of the API
    assert "ErrorOut" in schema["components"]["schemas"]


def test_home_api_works_before_entities_and_stories_exist(plain_client: TestClient) -> None:
    home = plain_client.get("/api/home").json()
    assert home["articles"] == 3
    assert [a["id"] for a in home["latest_articles"]] == ["art-floods", "art-alliance", "art-envoy"]
    for part in ("top_entities", "recent_stories", "latest_quotes"):
        assert home[part] is None or isinstance(home[part], list)
