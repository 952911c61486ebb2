"""Everything from articles renders inert: no script, no event handler, no javascript: link."""

from __future__ import annotations

import pytest
from lxml import html

from tests.web.conftest import HOSTILE, TestClient

PAGES = [
    "/",
    "/search?q=فالغرين",
    "/search?q=عادي",
    "/search",
    "/articles/art-evil",
    "/articles/art-evil?removed=1",
    "/entities",
    "/entities/e-evil",
    "/entities/e-valgren",
    "/stories",
    "/stories/s-evil",
    "/entities/e-valgren/merge?other=e-evil",
    "/entities/e-evil/alias?alias=<script>alert(7)</script>",
    "/stories/s-ceasefire/merge?other=s-evil",
    "/search?q=<script>alert(8)</script>",
    "/articles/<script>alert(9)</script>",
]


def _dangers(page: str) -> list[str]:
    """Live markup in a page: script elements, on* attributes, javascript: or data: links."""
    tree = html.document_fromstring(page)
    found = [f"<script> {el.text!r}" for el in tree.iter("script")]
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{element.tag} {name}={value!r}")
            if name.lower() in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                found.append(f"{element.tag} {name}={value!r}")
    return found


@pytest.mark.parametrize("path", PAGES, ids=PAGES)
def test_hostile_article_content_renders_inert(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (200, 404), response.text
    assert _dangers(response.text) == []
    assert "<script>alert" not in response.text
    assert "<img src=x" not in response.text and "<svg onload" not in response.text


def test_hostile_values_are_shown_as_text(client: TestClient) -> None:
    tree = html.document_fromstring(client.get("/articles/art-evil?removed=1").text)
    assert tree.findtext(".//h1").strip() == HOSTILE["title"]
    body = tree.find_class("body")[0].text_content()
    assert '<script>alert("body")</script>' in body
    assert '<a href="javascript:alert(2)">رابط</a>' in body
    assert "<script>alert('removed')</script>" in tree.find_class("removed")[0].text_content()
    entity_link = next(a for a in tree.iter("a") if a.get("href") == "/entities/e-evil")
    assert entity_link.text == "فالغرين"


def test_only_http_links_point_to_the_original(client: TestClient) -> None:
    evil = html.document_fromstring(client.get("/articles/art-evil").text)
    assert not evil.find_class("original")
    assert HOSTILE["url"] in evil.find_class("url")[0].text_content()  # shown as text, not linked
    good = html.document_fromstring(client.get("/articles/art-envoy").text)
    (link,) = good.find_class("original")
    assert link.get("href").startswith("https://alfajr-aljadeed.example/")
    assert "noopener" in link.get("rel")


def test_pages_forbid_scripts_and_third_party_requests(client: TestClient) -> None:
    policy = client.get("/articles/art-evil").headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy  # falls back to 'none'
    assert client.get("/api/articles/art-evil").headers["x-content-type-options"] == "nosniff"


def test_pages_load_nothing_from_other_hosts(client: TestClient) -> None:
    for path in ("/", "/articles/art-envoy", "/entities/e-valgren", "/stories/s-ceasefire", "/api"):
        tree = html.document_fromstring(client.get(path).text)
        for element in tree.iter("link", "script", "img", "iframe", "source"):
            for attribute in ("href", "src"):
                value = element.get(attribute)
                assert value is None or value.startswith("/"), f"{path}: {element.tag} {attribute}={value}"
