"""Decoding fetched pages (header → meta → detection), canonical URLs, document kinds."""

from __future__ import annotations

import gzip

import pytest

from marsad.errors import InputError
from marsad.ingest.pages import (
    canonical_url,
    decode_page,
    document_kind,
    maybe_gunzip,
    normalize_url,
    select_content,
    url_id,
)
from tests.local_http import ARTICLES, article_html

TITLE = ARTICLES["gold"][0]


@pytest.mark.parametrize(
    ("encoding", "content_type", "meta"),
    [
        ("utf-8", "text/html; charset=utf-8", "utf-8"),
        ("utf-8", "text/html", None),
        ("cp1256", "text/html; charset=windows-1256", None),
        ("cp1256", "text/html", "windows-1256"),
        ("cp1256", None, None),
        ("cp1256", "text/html; charset=ISO-8859-1", "windows-1256"),
        ("cp1256", "text/html; charset=ISO-8859-1", None),
        ("cp1256", "text/html; charset=utf-8", None),
    ],
    ids=[
        "utf8-header",
        "utf8-nothing",
        "1256-header",
        "1256-meta",
        "1256-detected",
        "1256-wrong-latin-header-meta",
        "1256-wrong-latin-header",
        "1256-wrong-utf8-header",
    ],
)
def test_pages_decode_without_mojibake(encoding: str, content_type: str | None, meta: str | None) -> None:
    html = article_html("gold", meta_charset=meta)
    text = decode_page(html.encode(encoding), content_type, "page")
    assert TITLE in text
    assert text == html


def test_iso_8859_6_is_read_when_declared() -> None:
    html = "<html><body><p>وزارة الصحة تطلق حملة للتطعيم</p></body></html>"
    assert decode_page(html.encode("iso8859_6"), "text/html; charset=ISO-8859-6", "page") == html


def test_binary_content_is_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_page(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "text/html", "logo.png")


def test_tracking_parameters_and_fragments_are_dropped() -> None:
    url = "https://News.example.com/ar/2024/05/12/measles?utm_source=rss&utm_medium=feed&page=2&fbclid=abc#comments"
    assert normalize_url(url) == "https://news.example.com/ar/2024/05/12/measles?page=2"


def test_canonical_link_gives_a_stable_id_for_every_variant_url() -> None:
    html = article_html("measles", canonical="/news/measles")
    variants = [
        "https://example.com/news/measles?utm_source=twitter",
        "https://example.com/amp/news/measles",
        "https://example.com/news/measles?ref_src=app#top",
    ]
    ids = {url_id(canonical_url(html, url)) for url in variants}
    assert ids == {url_id("https://example.com/news/measles")}
    assert canonical_url(article_html("measles"), variants[0]) == "https://example.com/news/measles"


def test_a_javascript_canonical_is_ignored() -> None:
    html = '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body>x</body></html>'
    assert canonical_url(html, "https://example.com/a") == "https://example.com/a"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
        (b'<?xml version="1.0"?><!-- generated --><feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"/>', "feed"),
        (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', "sitemap"),
        (b"<sitemapindex/>", "sitemap"),
        (b"<!DOCTYPE html>\n<html lang='ar'>", "page"),
    ],
    ids=["rss", "atom", "rdf", "urlset", "index", "html"],
)
def test_document_kind_is_read_from_the_root_element(data: bytes, kind: str) -> None:
    assert document_kind(data) == kind


def test_gzipped_sitemaps_inflate_within_a_limit() -> None:
    data = b"<urlset/>" * 10
    assert maybe_gunzip(gzip.compress(data), "s.xml.gz", 1000) == data
    assert maybe_gunzip(data, "s.xml", 1000) == data
    with pytest.raises(InputError, match="inflates to over the 50-byte limit"):
        maybe_gunzip(gzip.compress(b"0" * 10_000), "bomb.xml.gz", 50)


def test_a_selector_keeps_the_head_and_the_selected_body() -> None:
    html = article_html("rain").replace("<article>", "<div class='story'>").replace("</article>", "</div>")
    reduced = select_content(html, "//div[@class='story']", "page")
    assert "<title>" in reduced and ARTICLES["rain"][1][0] in reduced
    assert "الرئيسية" not in reduced  # the navigation is gone
    with pytest.raises(InputError, match="matches nothing"):
        select_content(html, "//div[@id='missing']", "page")
