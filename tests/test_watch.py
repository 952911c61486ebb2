"""Watch mode end to end against a local HTTP server: feeds, sitemaps, dedup, revisions, health,
and a SIGTERM mid-round that leaves the database consistent for the restart to resume."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from marsad.ingest.fetch import FetchPolicy
from marsad.ingest.pages import url_id
from marsad.ingest.sources import Source
from marsad.settings import Settings
from marsad.store.sqlite import SQLiteStore
from marsad.watch import RoundSummary, Watcher, address_policy
from tests.local_http import ARTICLES, DATA, LocalSite, Reply, article_html, running_site

OUTLET = "صحيفة المرصد"
FAST = FetchPolicy(timeout_s=5.0, retries=1, backoff_s=0.0, host_delay_s=0.0)
EDIT = "وأضاف البيان أن فرق الطوارئ ستبقى في حالة تأهب حتى انتهاء المنخفض الجوي."


@pytest.fixture
def site() -> Iterator[LocalSite]:
    yield from running_site()


def _fixture(site: LocalSite, name: str, **values: str) -> bytes:
    text = (DATA / "feeds" / name).read_text("utf-8").replace("{base}", site.base)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text.encode("utf-8")


def serve_news(site: LocalSite) -> None:
    site.add("/rss", Reply(_fixture(site, "rss.xml"), content_type="application/rss+xml", etag='"rss-1"'))
    site.add(
        "/atom",
        Reply(
            _fixture(site, "atom.xml", rain_updated="2024-05-14T06:00:00+03:00"),
            content_type="application/atom+xml",
        ),
    )
    site.add("/sitemap.xml", Reply(_fixture(site, "sitemap_index.xml"), content_type="application/xml"))
    site.add("/sitemaps/news.xml", Reply(_fixture(site, "sitemap_news.xml"), content_type="application/xml"))
    site.add("/broken.xml", Reply((DATA / "feeds" / "malformed.xml").read_bytes(), content_type="text/xml"))
    site.add("/news/measles", Reply(article_html("measles", canonical=site.url("/news/measles")).encode()))
    # windows-1256 with no charset in the header or the page: detection must read it.
    site.add(
        "/news/gold",
        Reply(article_html("gold", meta_charset=None).encode("cp1256"), content_type="text/html"),
    )
    site.add("/news/bookfair", Reply(article_html("bookfair").encode()))
    site.add("/news/rain", Reply(article_html("rain").encode()))


def news_sources(site: LocalSite) -> list[Source]:
    common = {"outlet": OUTLET, "allow_private": True}
    return [
        Source("almarsad-rss", site.url("/rss"), kind="feed", **common),  # type: ignore[arg-type]
        Source("almarsad-weather", site.url("/atom"), **common),  # type: ignore[arg-type]
        Source("almarsad-sitemap", site.url("/sitemap.xml"), kind="sitemap", max_sitemaps=1, **common),  # type: ignore[arg-type]
        Source("broken", site.url("/broken.xml"), kind="feed", outlet="أخرى", allow_private=True),
    ]


def watcher(sources: list[Source], store: SQLiteStore, rounds: list[RoundSummary]) -> Watcher:
    return Watcher(
        sources, store, Settings(), FAST, address_policy(sources, allow_private=False), on_round=rounds.append
    )


def test_a_round_stores_each_article_once_and_other_sources_go_on(site: LocalSite, tmp_path: Path) -> None:
    serve_news(site)
    store = SQLiteStore(str(tmp_path / "watch.db"))
    rounds: list[RoundSummary] = []
    watcher(news_sources(site), store, rounds).run(once=True)
    (summary,) = rounds
    assert store.count_articles() == 4
    assert (
        summary.sources["broken"].error is not None
        and "not a readable feed" in summary.sources["broken"].error
    )
    assert summary.sources["almarsad-rss"].listed == 3  # the fourth item repeats the first
    gold = store.get_article(url_id(site.url("/news/gold")))
    assert gold is not None and ARTICLES["gold"][1][0] in gold["text"]  # windows-1256, no mojibake
    assert gold["published"] == "2024-05-13T10:30"  # the feed's Arabic pubDate
    measles = store.get_article(url_id(site.url("/news/measles")))
    assert measles is not None and measles["url"] == site.url("/news/measles")  # utm_* dropped
    assert measles["outlet"] == OUTLET and measles["title"] == ARTICLES["measles"][0]
    # The sitemap lists gold and bookfair again: recognised, not fetched a second time.
    assert site.count("/news/gold") == 1 and site.count("/news/bookfair") == 1
    assert site.count("/sitemaps/old.xml") == 0  # only the newest child sitemap
    health = {h.name: h for h in store.source_health(datetime.now())}
    assert (
        health["broken"].last_error
        and health["broken"].errors_24h == 1
        and health["broken"].last_ok_at is None
    )
    assert health["almarsad-rss"].last_error is None and health["almarsad-rss"].items_per_day == 3.0
    store.close()


def test_a_second_round_fetches_nothing_unchanged(site: LocalSite, tmp_path: Path) -> None:
    serve_news(site)
    store = SQLiteStore(str(tmp_path / "watch.db"))
    sources = news_sources(site)[:2]
    rounds: list[RoundSummary] = []
    watcher(sources, store, rounds).run(once=True)
    watcher(sources, store, rounds).run(once=True)
    assert store.count_articles() == 4
    assert [site.count(f"/news/{key}") for key in ("measles", "gold", "bookfair", "rain")] == [1, 1, 1, 1]
    feed_requests = [r for r in site.requests if r.path == "/rss"]
    assert len(feed_requests) == 2 and feed_requests[1].headers.get("If-None-Match") == '"rss-1"'
    assert rounds[1].analysis.processed == 0
    store.close()


def test_an_edited_article_keeps_its_id_and_its_earlier_revision(site: LocalSite, tmp_path: Path) -> None:
    serve_news(site)
    store = SQLiteStore(str(tmp_path / "watch.db"))
    sources = [news_sources(site)[1]]
    rounds: list[RoundSummary] = []
    watcher(sources, store, rounds).run(once=True)
    rain_id = url_id(site.url("/news/rain"))
    first = store.get_article(rain_id)
    assert first is not None and EDIT not in first["text"]
    # The outlet edits the article; its feed entry says so with a new <updated>.
    site.add("/atom", Reply(_fixture(site, "atom.xml", rain_updated="2024-05-14T09:30:00+03:00")))
    site.add("/news/rain", Reply(article_html("rain", extra_paragraph=EDIT).encode()))
    watcher(sources, store, rounds).run(once=True)
    latest = store.get_article(rain_id)
    assert latest is not None and EDIT in latest["text"]
    assert store.count_articles() == 1
    (revision,) = store.article_revisions(rain_id)
    assert revision.revision == 1 and revision.text == first["text"]
    assert rounds[1].revisions == 1
    store.close()


def test_the_same_article_under_another_url_is_one_article(site: LocalSite, tmp_path: Path) -> None:
    serve_news(site)
    site.add("/amp/measles", Reply(article_html("measles", canonical=site.url("/news/measles")).encode()))
    store = SQLiteStore(str(tmp_path / "watch.db"))
    sources = [
        Source("page-1", site.url("/news/measles?utm_source=whatsapp"), kind="page", allow_private=True),
        Source("page-2", site.url("/amp/measles"), allow_private=True),
    ]
    watcher(sources, store, []).run(once=True)
    assert store.count_articles() == 1
    assert store.get_article(url_id(site.url("/news/measles"))) is not None
    store.close()


def test_a_source_on_a_private_address_is_refused_unless_allowed(site: LocalSite, tmp_path: Path) -> None:
    serve_news(site)
    store = SQLiteStore(str(tmp_path / "watch.db"))
    rounds: list[RoundSummary] = []
    refused = Source("local", site.url("/rss"), kind="feed")
    watcher([refused], store, rounds).run(once=True)
    error = rounds[0].sources["local"].error
    assert error and "127.0.0.1 is a loopback address" in error and "--allow-private" in error
    assert site.count("/rss") == 0 and store.count_articles() == 0
    store.close()


# -- stopping mid-round and resuming ------------------------------------------------------

FILLER = "وفي سياق متصل أعلنت الجهات المختصة عن إجراءات جديدة تخص الحي رقم {} في المدينة."


def _rss(site: LocalSite, count: int) -> bytes:
    items = "".join(
        f"<item><title>خبر رقم {i}</title><link>{site.url(f'/story/{i}')}</link></item>" for i in range(count)
    )
    channel = f"<channel><title>أخبار الحي</title>{items}</channel>"
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">{channel}</rss>'.encode()


def _marsad(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "marsad", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for(condition: object, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")


@pytest.mark.slow
def test_sigterm_mid_round_leaves_the_database_consistent_and_a_restart_resumes(
    site: LocalSite, tmp_path: Path
) -> None:
    count = 8
    keys = list(ARTICLES)
    site.add("/rss", Reply(_rss(site, count), content_type="application/rss+xml"))
    for i in range(count):
        page = article_html(keys[i % len(keys)], extra_paragraph=FILLER.format(i))
        site.add(f"/story/{i}", Reply(page.encode(), delay_s=0.3))
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[fetch]\nhost_delay_s = 0\n\n[[source]]\nname = "local"\nurl = "{site.url("/rss")}"\n'
        f'outlet = "{OUTLET}"\nallow_private = true\ninterval_min = 60\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "watch.db")
    process = _marsad("watch", "--sources", str(sources), "--db", db)
    try:
        _wait_for(lambda: site.count("/story/2") > 0, timeout_s=60)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 0, stderr
    assert "SIGTERM: stopping" in stderr
    stored_first = _consistent_ids(db)
    assert 0 < len(stored_first) < count
    fetched_first = {i for i in range(count) if site.count(f"/story/{i}")}

    restart = _marsad("watch", "--sources", str(sources), "--db", db, "--once")
    _, stderr = restart.communicate(timeout=120)
    assert restart.returncode == 0, stderr
    assert len(_consistent_ids(db)) == count
    # What the first run stored is not fetched again.
    assert all(site.count(f"/story/{i}") == 1 for i in fetched_first)


def _consistent_ids(db: str) -> set[str]:
    """Every stored article has its item marked seen, and every item marked stored has its article."""
    with sqlite3.connect(db) as connection:
        articles = {row[0] for row in connection.execute("SELECT id FROM articles")}
        marked = {
            row[0] for row in connection.execute("SELECT article_id FROM seen_items WHERE outcome = 'stored'")
        }
        duplicates = connection.execute("SELECT count(*) - count(DISTINCT url) FROM articles").fetchone()[0]
    assert articles == marked
    assert duplicates == 0
    return articles
