"""RSS 2.0, RSS 1.0 and Atom feeds (feedparser) to the items they list.

feedparser reads English RFC 822 and ISO 8601 dates; Arabic outlets often write pubDate in
Arabic ("الأحد، 12 مايو 2024 - 10:30", with Arabic-Indic digits at times), which it leaves
unparsed. Those go through `marsad.arabic.datelines.find_datetime`, whose month names come
from `marsad.arabic.calendar`. Dates keep the outlet's wall-clock time (the offset is dropped),
as the rest of marsad stores publication times.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from marsad.arabic.datelines import find_datetime
from marsad.errors import InputError
from marsad.ingest.pages import normalize_url

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Exceptions feedparser reports for documents it read anyway (a wrong declared encoding).
_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")


class FeedError(InputError):
    """A feed or sitemap that cannot be read (malformed XML, not a feed)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One entry a feed or sitemap lists: an article URL with what the listing says about it.

    `marker` changes when the listing says the article changed (its updated date), so an edited
    article is fetched again while an unchanged one is not.
    """

    url: str
    title: str | None = None
    published_at: datetime | None = None
    marker: str | None = None


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> list[Item]:
    """The items of the feed in `data`, fetched from `url`, in the feed's order."""
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(
        data, response_headers=headers, resolve_relative_uris=False, sanitize_html=False
    )
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version"):
        detail = f": {_describe(problem)}" if problem else ""
        raise FeedError(url, f"not a readable RSS or Atom feed{detail}")
    items = _items(parsed.entries, url)
    # feedparser recovers what it can from broken XML; with nothing usable left, say why.
    if problem is not None and type(problem).__name__ not in _HARMLESS and not items:
        raise FeedError(url, f"not a readable feed: {_describe(problem)}")
    return items


def _items(entries: list[Any], url: str) -> list[Item]:
    items: list[Item] = []
    seen: set[str] = set()
    for entry in entries:
        link = _entry_link(entry, url)
        if link is None:
            continue
        key = normalize_url(link)
        if key in seen:
            continue
        seen.add(key)
        # dict.get: feedparser's own get() maps a missing "updated" to "published", with a warning.
        published = _entry_date(entry, "published") or _entry_date(entry, "updated")
        updated = dict.get(entry, "updated") or dict.get(entry, "published")
        title = (dict.get(entry, "title") or "").strip() or None
        items.append(Item(url=link, title=title, published_at=published, marker=updated or None))
    return items


def _describe(problem: object) -> str:
    if problem is None:
        return "unknown problem"
    message = str(getattr(problem, "getMessage", lambda: problem)())
    if type(problem).__name__ in _HARMLESS:
        return message
    return f"{message} ({type(problem).__name__})" if message else type(problem).__name__


def _entry_link(entry: Mapping[str, Any], feed_url: str) -> str | None:
    candidates = [entry.get("link")]
    candidates += [link.get("href") for link in entry.get("links", ()) if link.get("rel") == "alternate"]
    guid = entry.get("id")
    if entry.get("guidislink") or (isinstance(guid, str) and guid.startswith("http")):
        candidates.append(guid)
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            absolute = urljoin(feed_url, candidate.strip())
            if urlsplit(absolute).scheme in ("http", "https"):
                return absolute
    return None


def _entry_date(entry: dict[str, Any], key: str) -> datetime | None:
    raw = dict.get(entry, key)
    if not isinstance(raw, str) or not raw.strip():
        return None
    return parse_feed_date(raw)


def parse_feed_date(value: str) -> datetime | None:
    """A feed date as the outlet's wall-clock time: RFC 822, ISO 8601, or Arabic.

    >>> parse_feed_date("Sun, 12 May 2024 10:30:00 +0300")
    datetime.datetime(2024, 5, 12, 10, 30)
    >>> parse_feed_date("الأحد، ١٢ أيار ٢٠٢٤ - ١٠:٣٠")
    datetime.datetime(2024, 5, 12, 10, 30)
    """
    text = value.strip()
    try:
        return email.utils.parsedate_to_datetime(text).replace(tzinfo=None)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        pass
    # Arabic-Indic digits and the Arabic comma; "10:30" must survive the dash before it.
    normalized = re.sub(r"\s+", " ", text.translate(_ARABIC_DIGITS).replace("٫", ":"))
    return find_datetime(normalized)
