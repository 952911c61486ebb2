"""WARC archives (`.warc`, `.warc.gz`, warcio) to Articles, so crawls and archives replay.

Each `response` record of a successful HTML page becomes one article with its URL (the
canonical one when the page names it) and the capture time as `fetched_at`. Everything else a
crawl holds (requests, metadata, images, scripts, redirects, revisits) is passed over without a
word: it is not an article, and listing thousands of them would bury the real problems. A page
that cannot be decoded becomes a `Failed` outcome naming the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.errors import InputError
from marsad.ingest.files import WARC_SUFFIXES, Read, parse_timestamp
from marsad.ingest.pages import canonical_url, decode_page, url_id
from marsad.model import Article
from marsad.pipeline import Failed, Skipped
from marsad.settings import Settings

__all__ = ["WARC_SUFFIXES", "read_warc"]
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, settings: Settings) -> Iterator[Read]:
    """Every HTML page captured in the WARC file at `path`, in archive order."""
    name = str(path)
    max_bytes = int(settings.max_file_mb * 1e6)
    found = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.format != "warc":  # warcio reads any text with spaces as an ARC header
                    yield Failed(name, "not a readable WARC archive: no WARC record header")
                    return
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                content_type = record.http_headers.get_header("Content-Type") or ""
                if status != "200" or not content_type.lower().startswith(_HTML_TYPES):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{name}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
                body = record.content_stream().read(max_bytes + 1)
                found += 1
                yield _page_article(
                    body,
                    where,
                    url,
                    content_type,
                    record.rec_headers.get_header("WARC-Date"),
                    settings,
                    max_bytes,
                )
    except ArchiveLoadFailed as exc:
        detail = str(exc)
        detail = detail if len(detail) <= 120 else detail[:120] + "…"  # warcio quotes the whole line
        yield Failed(name, f"not a readable WARC archive: {detail}")
        return
    except (OSError, EOFError) as exc:
        yield Failed(name, f"cannot read: {exc}")
        return
    if not found:
        yield Skipped(name, "no HTML pages (HTTP 200 text/html responses) in the archive")


def _page_article(
    body: bytes,
    where: str,
    url: str,
    content_type: str,
    warc_date: str | None,
    settings: Settings,
    max_bytes: int,
) -> Read:
    if len(body) > max_bytes:
        return Skipped(
            where, f"page is over the {settings.max_file_mb:g} MB limit for one article (--max-file-mb)"
        )
    if not body.strip():
        return Skipped(where, "empty page")
    try:
        html = decode_page(body, content_type, where)
    except InputError as exc:
        return Failed(exc.name, exc.reason)
    canonical = canonical_url(html, url) if url else None
    return Article(
        id=url_id(canonical) if canonical else url_id(where),
        source=where,
        text="",
        html=html,
        url=canonical or None,
        published_at=settings.published,
        fetched_at=_capture_time(warc_date),
    )


def _capture_time(value: str | None) -> datetime | None:
    return parse_timestamp(value.replace("Z", "+00:00")) if value else None
