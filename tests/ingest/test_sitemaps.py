"""Sitemaps, sitemap indexes and Google News sitemaps."""

from __future__ import annotations

from datetime import datetime

import pytest

from marsad.ingest.feeds import FeedError
from marsad.ingest.sitemaps import parse_sitemap
from tests.local_http import DATA

BASE = "https://news.example.com"


def _fixture(name: str) -> bytes:
    return (DATA / "feeds" / name).read_text("utf-8").replace("{base}", BASE).encode("utf-8")


def test_a_news_sitemap_gives_urls_titles_and_publication_dates() -> None:
    sitemap = parse_sitemap(_fixture("sitemap_news.xml"), f"{BASE}/sitemap-news.xml")
    assert not sitemap.is_index
    gold, bookfair = sitemap.items
    assert gold.url == f"{BASE}/news/gold"
    assert gold.title == "ارتفاع أسعار الذهب في السوق المحلية مع تراجع الدولار"
    assert gold.published_at == datetime(2024, 5, 13, 10, 30)
    assert bookfair.published_at == datetime(2024, 5, 13, 18, 5)  # news date wins over lastmod
    assert bookfair.marker == "2024-05-13"


def test_an_index_lists_child_sitemaps_newest_first() -> None:
    sitemap = parse_sitemap(_fixture("sitemap_index.xml"), f"{BASE}/sitemap.xml")
    assert sitemap.is_index and not sitemap.items
    assert [child.url for child in sitemap.sitemaps] == [
        f"{BASE}/sitemaps/news.xml",
        f"{BASE}/sitemaps/old.xml",
    ]


def test_malformed_sitemap_xml_is_a_clear_error() -> None:
    with pytest.raises(FeedError, match="malformed sitemap XML") as caught:
        parse_sitemap(b"<urlset><url><loc>https://x/a</loc></url>", f"{BASE}/bad.xml")
    assert caught.value.name == f"{BASE}/bad.xml"


def test_other_xml_is_not_a_sitemap() -> None:
    with pytest.raises(FeedError, match="root element is <rss>"):
        parse_sitemap(b"<rss version='2.0'/>", f"{BASE}/rss")


def test_entities_are_not_expanded() -> None:
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<urlset><url><loc>https://example.com/&x;</loc></url></urlset>"
    )
    sitemap = parse_sitemap(evil, f"{BASE}/evil.xml")
    assert all("root:" not in item.url for item in sitemap.items)


def test_non_http_locations_are_dropped() -> None:
    data = b"<urlset><url><loc>javascript:alert(1)</loc></url><url><loc>/news/1</loc></url></urlset>"
    assert [item.url for item in parse_sitemap(data, f"{BASE}/s.xml").items] == [f"{BASE}/news/1"]
