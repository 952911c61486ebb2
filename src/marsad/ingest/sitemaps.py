"""Sitemaps (sitemaps.org), sitemap indexes and Google News sitemaps to the items they list.

A news sitemap adds `<news:news>` with the title and publication date to each `<url>`; a plain
one gives `<lastmod>` at best. An index lists other sitemaps, newest first when it says when
each changed. The XML parser resolves no entities and loads nothing from the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.etree

from marsad.ingest.feeds import FeedError, Item, parse_feed_date

_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A parsed sitemap: article `items` (a urlset) or child `sitemaps` (an index), never both."""

    items: tuple[Item, ...] = ()
    sitemaps: tuple[Item, ...] = ()

    @property
    def is_index(self) -> bool:
        return bool(self.sitemaps)


def parse_sitemap(data: bytes, url: str) -> Sitemap:
    """The entries of the sitemap in `data` (already inflated if it was gzipped), from `url`."""
    try:
        root = lxml.etree.fromstring(data, _PARSER)
    except lxml.etree.XMLSyntaxError as exc:
        raise FeedError(url, f"malformed sitemap XML: {exc}") from exc
    kind = lxml.etree.QName(root).localname
    if kind == "urlset":
        return Sitemap(items=tuple(_entries(root, "url", url, news=True)))
    if kind == "sitemapindex":
        children = list(_entries(root, "sitemap", url, news=False))
        # Newest first when dated; undated ones keep their order after the dated ones.
        children.sort(key=lambda item: item.published_at or datetime.min, reverse=True)
        return Sitemap(sitemaps=tuple(children))
    raise FeedError(url, f"not a sitemap: the root element is <{kind}>, expected <urlset> or <sitemapindex>")


def _entries(root: lxml.etree._Element, tag: str, base: str, *, news: bool) -> list[Item]:
    found: list[Item] = []
    seen: set[str] = set()
    for node in root:
        if not isinstance(node.tag, str) or lxml.etree.QName(node).localname != tag:
            continue
        fields = _child_texts(node)
        loc = urljoin(base, fields.get("loc", ""))
        if not fields.get("loc") or urlsplit(loc).scheme not in ("http", "https") or loc in seen:
            continue
        seen.add(loc)
        lastmod = fields.get("lastmod")
        published_text = fields.get("publication_date") if news else None
        published = parse_feed_date(published_text or lastmod or "") if (published_text or lastmod) else None
        found.append(
            Item(
                url=loc,
                title=fields.get("title") if news else None,
                published_at=published,
                marker=lastmod or published_text,
            )
        )
    return found


def _child_texts(node: lxml.etree._Element) -> dict[str, str]:
    """Local name -> text of every descendant (news:title, news:publication_date, loc, lastmod)."""
    texts: dict[str, str] = {}
    for child in node.iter():
        if child is node or not isinstance(child.tag, str):
            continue
        name = lxml.etree.QName(child).localname
        if child.text and child.text.strip() and name not in texts:
            texts[name] = child.text.strip()
    return texts
