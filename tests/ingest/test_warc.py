"""WARC archives replay into articles: HTML responses only, encodings, canonical ids."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.analyze import analyze
from marsad.ingest.files import read_inputs
from marsad.ingest.pages import url_id
from marsad.model import Article
from marsad.pipeline import Failed, Skipped
from marsad.settings import Settings
from marsad.store.sqlite import SQLiteStore
from tests.local_http import ARTICLES, article_html

SITE = "https://news.example.com"


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-05-13T07:30:00Z"},
    )
    writer.write_record(record)


def write_crawl(path: Path) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        request = writer.create_warc_record(
            f"{SITE}/news/gold", "request", payload=io.BytesIO(b"GET /news/gold HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        _response(
            writer,
            f"{SITE}/news/gold?utm_source=tw",
            article_html("gold", meta_charset=None).encode("cp1256"),
            "text/html",  # no charset anywhere: detection must find windows-1256
        )
        _response(
            writer,
            f"{SITE}/news/measles",
            article_html("measles", canonical=f"{SITE}/news/measles").encode(),
            "text/html; charset=utf-8",
        )
        _response(writer, f"{SITE}/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        _response(writer, f"{SITE}/missing", b"<html>not found</html>", "text/html", status="404 Not Found")
    return path


def test_html_responses_become_articles(tmp_path: Path) -> None:
    reads = list(read_inputs([str(write_crawl(tmp_path / "crawl.warc.gz"))], Settings()))
    assert all(isinstance(read, Article) for read in reads)
    gold, measles = reads
    assert isinstance(gold, Article) and isinstance(measles, Article)
    assert gold.url == f"{SITE}/news/gold"  # tracking parameter dropped
    assert gold.id == url_id(f"{SITE}/news/gold")
    assert ARTICLES["gold"][0] in (gold.html or "")  # decoded from windows-1256
    assert gold.fetched_at == datetime(2024, 5, 13, 7, 30)
    assert measles.source.endswith(f"crawl.warc.gz#{SITE}/news/measles")


def test_marsad_analyze_stores_a_warc_crawl(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "m.db"))
    summary = analyze(read_inputs([str(write_crawl(tmp_path / "crawl.warc"))], Settings()), store, Settings())
    assert summary.processed == 2 and not summary.failed
    stored = store.get_article(url_id(f"{SITE}/news/measles"))
    assert stored is not None
    assert stored["title"] == ARTICLES["measles"][0]
    assert ARTICLES["measles"][1][1] in stored["text"]
    assert "جميع الحقوق محفوظة" not in stored["text"]
    store.close()


def test_a_broken_archive_fails_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(article_html("rain").encode() * 20)  # a page saved under the wrong name
    (read,) = read_inputs([str(path)], Settings())
    assert isinstance(read, Failed) and read.source == str(path)
    assert read.reason.startswith("not a readable WARC archive")
    assert len(read.reason) < 200


def test_a_binary_non_archive_fails_with_a_short_reason(tmp_path: Path) -> None:
    path = tmp_path / "photo.warc.gz"
    path.write_bytes(b"\x89PNG\r\n" + b"<html>" * 500)
    (read,) = read_inputs([str(path)], Settings())
    assert isinstance(read, Failed) and read.reason.startswith("not a readable WARC archive")
    assert len(read.reason) < 200


def test_an_archive_without_pages_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "images.warc.gz"
    with path.open("wb") as stream:
        _response(WARCWriter(stream, gzip=True), f"{SITE}/a.png", b"\x89PNG", "image/png")
    (read,) = read_inputs([str(path)], Settings())
    assert isinstance(read, Skipped) and "no HTML pages" in read.reason
