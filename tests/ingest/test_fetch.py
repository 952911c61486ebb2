"""Fetching against a real local HTTP server: politeness, limits, retries, safety."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marsad.ingest.fetch import (
    USER_AGENT,
    AddressPolicy,
    AddressRefused,
    Fetcher,
    FetchError,
    FetchPolicy,
    Validators,
)
from marsad.ingest.pages import decode_page
from tests.local_http import LocalSite, Reply, article_html, running_site

LOCAL = AddressPolicy(allowed_hosts=frozenset({"127.0.0.1"}))
FAST = FetchPolicy(timeout_s=2.0, retries=2, backoff_s=0.01, host_delay_s=0.0)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    yield from running_site()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def fetcher(sleeps: list[float]) -> Iterator[Fetcher]:
    with Fetcher(FAST, LOCAL, sleep=sleeps.append) as fetcher:
        yield fetcher


def test_fetches_an_arabic_page_with_a_clear_user_agent(site: LocalSite, fetcher: Fetcher) -> None:
    page = article_html("measles")
    url = site.add("/news/measles", Reply(page.encode("utf-8")))
    fetched = fetcher.fetch(url)
    assert fetched.status == 200
    assert decode_page(fetched.content, fetched.content_type, url) == page
    request = next(r for r in site.requests if r.path == "/news/measles")
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("marsad/") and "+http" in USER_AGENT


def test_a_server_error_is_retried_with_backoff_then_succeeds(
    site: LocalSite, fetcher: Fetcher, sleeps: list[float]
) -> None:
    url = site.add("/flaky", Reply(status=500), Reply(status=503), Reply(b"<p>\xd9\x86\xd8\xb9\xd9\x85</p>"))
    assert fetcher.fetch(url).content == "<p>نعم</p>".encode()
    assert site.count("/flaky") == 3
    assert sleeps == [0.01, 0.02]  # exponential backoff between the attempts


def test_a_persistent_server_error_fails_with_the_status(site: LocalSite, fetcher: Fetcher) -> None:
    url = site.add("/down", Reply(status=500))
    with pytest.raises(FetchError, match="HTTP 500") as caught:
        fetcher.fetch(url)
    assert caught.value.name == url
    assert site.count("/down") == 3  # one try and two retries


def test_retry_after_is_honoured(site: LocalSite, fetcher: Fetcher, sleeps: list[float]) -> None:
    url = site.add("/busy", Reply(status=429, headers={"Retry-After": "3"}), Reply(b"ok"))
    assert fetcher.fetch(url).content == b"ok"
    assert sleeps == [3.0]


def test_a_slow_response_times_out_with_a_clear_error(site: LocalSite, sleeps: list[float]) -> None:
    url = site.add("/slow", Reply(b"late", delay_s=1.0))
    policy = FetchPolicy(timeout_s=0.2, retries=1, backoff_s=0.0, host_delay_s=0.0)
    with Fetcher(policy, LOCAL, sleep=sleeps.append) as fetcher, pytest.raises(FetchError, match="timed out"):
        fetcher.fetch(url)


def test_conditional_get_returns_not_modified(site: LocalSite, fetcher: Fetcher) -> None:
    url = site.add(
        "/feed", Reply(b"<rss/>", etag='"v1"', headers={"Last-Modified": "Sun, 12 May 2024 09:00:00 GMT"})
    )
    first = fetcher.fetch(url)
    assert first.validators == Validators('"v1"', "Sun, 12 May 2024 09:00:00 GMT")
    second = fetcher.fetch(url, first.validators)
    assert second.not_modified and second.content == b""
    conditional = [r for r in site.requests if r.path == "/feed"][1]
    assert conditional.headers["If-None-Match"] == '"v1"'
    assert conditional.headers["If-Modified-Since"] == "Sun, 12 May 2024 09:00:00 GMT"


def test_redirects_are_followed_and_bounded(site: LocalSite, fetcher: Fetcher) -> None:
    site.add("/old", Reply(status=301, headers={"Location": "/new"}))
    site.add("/new", Reply(b"moved here"))
    fetched = fetcher.fetch(site.url("/old"))
    assert fetched.url == site.url("/new") and fetched.requested_url == site.url("/old")
    site.add("/loop", Reply(status=302, headers={"Location": "/loop"}))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.fetch(site.url("/loop"))


def test_a_redirect_to_another_private_host_is_refused(site: LocalSite, fetcher: Fetcher) -> None:
    # 127.0.0.1 is allowed for this source; localhost (also loopback) is another host.
    site.add("/jump", Reply(status=302, headers={"Location": f"http://localhost:{site.port}/inside"}))
    site.add("/inside", Reply(b"secret"))
    with pytest.raises(AddressRefused, match=r"localhost is a loopback address.*--allow-private"):
        fetcher.fetch(site.url("/jump"))
    assert site.count("/inside") == 0


def test_a_redirect_to_a_file_url_is_refused(site: LocalSite, fetcher: Fetcher) -> None:
    site.add("/file", Reply(status=302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(AddressRefused, match="only http and https"):
        fetcher.fetch(site.url("/file"))


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1/feed", "127.0.0.1 is a loopback address"),
        ("http://10.1.2.3/feed", "10.1.2.3 is a private address"),
        ("http://192.168.1.1/", "a private address"),
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"),
        ("http://[::1]:8080/", "::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", "a loopback address"),
        ("http://0.0.0.0/", "not a public address"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not file:"),
        ("ftp://example.com/feed.xml", "only http and https"),
    ],
    ids=[
        "loopback",
        "10.x",
        "192.168.x",
        "link-local",
        "ipv6-loopback",
        "mapped",
        "unspecified",
        "file",
        "ftp",
    ],
)
def test_unsafe_addresses_are_refused_without_allow_private(url: str, why: str) -> None:
    with Fetcher(FAST, AddressPolicy()) as fetcher, pytest.raises(AddressRefused) as caught:
        fetcher.fetch(url)
    assert why in caught.value.message
    assert caught.value.message.startswith(url)


def test_a_name_that_resolves_to_loopback_is_refused_when_connecting(site: LocalSite) -> None:
    site.add("/feed", Reply(b"<rss/>"))
    with Fetcher(FAST, AddressPolicy()) as fetcher, pytest.raises(AddressRefused, match="loopback"):
        fetcher.fetch(f"http://localhost:{site.port}/feed")
    assert site.count("/feed") == 0


def test_allow_private_lets_local_addresses_through(site: LocalSite) -> None:
    url = site.add("/feed", Reply(b"<rss/>"))
    with Fetcher(FAST, AddressPolicy(allow_private=True)) as fetcher:
        assert fetcher.fetch(url.replace("127.0.0.1", "localhost")).content == b"<rss/>"


def test_a_body_over_the_declared_limit_is_refused(site: LocalSite, sleeps: list[float]) -> None:
    url = site.add("/huge", Reply(b"x" * 5000))
    policy = FetchPolicy(max_bytes=1000, host_delay_s=0)
    with Fetcher(policy, LOCAL, sleep=sleeps.append) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert "5,000 bytes is over the 1,000-byte limit" in caught.value.message


def test_a_streamed_body_is_cut_at_the_limit(site: LocalSite, sleeps: list[float]) -> None:
    url = site.add("/endless", Reply(stream_bytes=50 * 1024 * 1024))
    policy = FetchPolicy(max_bytes=1024 * 1024, host_delay_s=0)
    with Fetcher(policy, LOCAL, sleep=sleeps.append) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert "over the 1,048,576-byte limit" in caught.value.message


def test_robots_txt_disallow_is_obeyed(site: LocalSite, fetcher: Fetcher) -> None:
    site.add("/robots.txt", Reply(b"User-agent: marsad\nDisallow: /private/\n", content_type="text/plain"))
    site.add("/private/page", Reply(b"no"))
    site.add("/news/1", Reply(b"yes"))
    with pytest.raises(FetchError, match=r"disallowed by .*robots\.txt"):
        fetcher.fetch(site.url("/private/page"))
    assert fetcher.fetch(site.url("/news/1")).content == b"yes"
    assert site.count("/private/page") == 0
    assert site.count("/robots.txt") == 1  # cached per origin


def test_robots_crawl_delay_and_host_delay_space_requests(site: LocalSite, sleeps: list[float]) -> None:
    site.add("/robots.txt", Reply(b"User-agent: *\nCrawl-delay: 4\n", content_type="text/plain"))
    site.add("/a", Reply(b"a"))
    with Fetcher(FetchPolicy(host_delay_s=1.0), LOCAL, sleep=sleeps.append) as fetcher:
        fetcher.fetch(site.url("/a"))
        fetcher.fetch(site.url("/a"))
    assert sleeps and 3.0 < max(sleeps) <= 4.0


def test_an_unreachable_host_fails_with_a_reason(sleeps: list[float]) -> None:
    with LocalSite() as closed:  # never started serving: bind, then close
        port = closed.port
    with (
        Fetcher(FAST, LOCAL, sleep=sleeps.append) as fetcher,
        pytest.raises(FetchError, match="cannot connect"),
    ):
        fetcher.fetch(f"http://127.0.0.1:{port}/feed")
