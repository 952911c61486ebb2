"""HTTP fetching, the only network user in marsad: polite, bounded and safe.

`Fetcher.fetch(url)` returns a `Fetched` page or raises `FetchError` naming the URL. Every
request:

* goes only to http(s) URLs, and connects only to public addresses: the host is resolved and
  *the address actually connected to* is checked (loopback, private, link-local, reserved and
  multicast are refused), for every hop including redirects, unless private addresses are allowed
  (`allow_private`, or the host is in `allowed_hosts`). The check sits in the connection layer,
  so a name that resolves differently the second time (DNS rebinding) cannot slip through;
* obeys robots.txt (urllib.robotparser, cached per origin; `Crawl-delay` honoured);
* waits between requests to one host (`host_delay_s`), retries connection errors, timeouts,
  429 and 5xx with exponential backoff (`Retry-After` honoured, capped), and stops after
  `max_redirects` hops;
* sends conditional headers when validators (ETag, Last-Modified) are given: a 304 comes back
  as `Fetched.not_modified`;
* reads at most `max_bytes` of the (decompressed) body and says so when a page is larger.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from marsad import __version__
from marsad.errors import InputError

PROJECT_URL = "https://github.com/marsad-news/marsad"
USER_AGENT = f"marsad/{__version__} (+{PROJECT_URL})"
#: The token robots.txt rules are matched against.
ROBOTS_AGENT = "marsad"
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_MAX_RETRY_AFTER_S = 60.0
_MAX_CRAWL_DELAY_S = 30.0
_ROBOTS_MAX_BYTES = 512 * 1024


class FetchError(InputError):
    """A URL cannot be fetched (refused, unreachable, too large, an HTTP error)."""


class AddressRefused(FetchError):
    """The URL's scheme or address is not one marsad may connect to."""


@dataclass(frozen=True, slots=True)
class Validators:
    """HTTP cache validators from an earlier response, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response: `url` is the final URL after redirects."""

    url: str
    status: int
    content: bytes
    content_type: str | None
    validators: Validators
    fetched_at: datetime
    requested_url: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which addresses may be connected to: public ones, plus private ones when allowed."""

    allow_private: bool = False
    allowed_hosts: frozenset[str] = frozenset()

    def allows_private(self, host: str) -> bool:
        return self.allow_private or host.lower().strip("[]") in self.allowed_hosts

    def check_url(self, url: str) -> None:
        """Refuse at once what needs no DNS: other schemes, and private literal IP addresses."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise AddressRefused(
                url, f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'}:"
            )
        host = parts.hostname
        if not host:
            raise AddressRefused(url, "refused: the URL has no host")
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return  # a name: checked on the address it resolves to, when connecting
        self.check_address(host, address, url)

    def check_address(
        self, host: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address, url: str
    ) -> None:
        why = non_public_reason(address)
        if why and not self.allows_private(host):
            raise AddressRefused(
                url,
                f"refused: {host} is {why} ({address}); pass --allow-private "
                "(or allow_private = true for this source) to fetch it",
            )


def non_public_reason(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why `address` is not a public internet address, or None when it is.

    >>> non_public_reason(ipaddress.ip_address("10.1.2.3"))
    'a private address'
    >>> non_public_reason(ipaddress.ip_address("8.8.8.8")) is None
    True
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_unspecified:
        return "not a public address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_private:
        return "a private address"
    if address.is_multicast or address.is_reserved or not address.is_global:
        return "not a public address"
    return None


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host itself, checks every address, and connects to the first allowed one."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        refusal: AddressRefused | None = None
        for *_, sockaddr in infos:
            address = ipaddress.ip_address(sockaddr[0])
            try:
                self.policy.check_address(host, address, f"{host}:{port}")
            except AddressRefused as exc:
                refusal = refusal or exc
                continue
            return super().connect_tcp(str(address), port, timeout, local_address, socket_options)
        raise refusal or httpcore.ConnectError(f"{host} resolves to no address")


def _guarded_transport(policy: AddressPolicy) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx has no public hook for the network backend: its connection pool is replaced by one
    # whose connections go through the address guard.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=10,
        max_keepalive_connections=5,
        keepalive_expiry=5.0,
        network_backend=_GuardedBackend(policy),
    )
    return transport


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Politeness and limits; every value has a conservative default."""

    timeout_s: float = 20.0
    retries: int = 2
    backoff_s: float = 1.0
    host_delay_s: float = 1.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    obey_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: no rules, everything allowed
    delay_s: float = 0.0
    why: str = ""  # the reason a disallowed fetch gives, when it is not the rules themselves


@dataclass(slots=True)
class Fetcher:
    """Fetches URLs one at a time under `policy` and `addresses`; use as a context manager."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    addresses: AddressPolicy = field(default_factory=AddressPolicy)
    sleep: Callable[[float], None] = time.sleep
    transport: httpx.BaseTransport | None = None
    client: httpx.Client = field(init=False)
    _last_request_at: dict[str, float] = field(default_factory=dict, init=False)
    _robots: dict[str, _Robots] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            transport=self.transport or _guarded_transport(self.addresses),
            timeout=httpx.Timeout(self.policy.timeout_s),
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        """The page at `url`, following redirects; raises FetchError naming `url`."""
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self.addresses.check_url(current)
            if self.policy.obey_robots:
                self._check_robots(current)
            response, content = self._get_with_retries(current, validators, self.policy.max_bytes)
            if response.status_code in _REDIRECT_STATUSES and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            return self._fetched(url, current, response, content)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def _fetched(self, requested: str, final: str, response: httpx.Response, content: bytes) -> Fetched:
        if response.status_code != 304 and not 200 <= response.status_code < 300:
            raise FetchError(requested, f"HTTP {response.status_code} {response.reason_phrase}".strip())
        return Fetched(
            url=final,
            status=response.status_code,
            content=content,
            content_type=response.headers.get("content-type"),
            validators=Validators(response.headers.get("etag"), response.headers.get("last-modified")),
            fetched_at=datetime.now().replace(microsecond=0),
            requested_url=requested,
        )

    # -- one request, retried -------------------------------------------------------------

    def _get_with_retries(
        self, url: str, validators: Validators | None, max_bytes: int
    ) -> tuple[httpx.Response, bytes]:
        headers = _conditional_headers(validators)
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            self._wait_for_host(url)
            try:
                response, content = self._get(url, headers, max_bytes)
            except httpx.TimeoutException as exc:
                if last:
                    raise FetchError(url, f"timed out after {self.policy.timeout_s:g} s") from exc
                self.sleep(self._backoff(attempt, None))
                continue
            except httpx.TransportError as exc:
                if last:
                    raise FetchError(url, f"cannot connect: {exc}") from exc
                self.sleep(self._backoff(attempt, None))
                continue
            if response.status_code in _RETRY_STATUSES and not last:
                self.sleep(self._backoff(attempt, response.headers.get("retry-after")))
                continue
            return response, content
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _get(self, url: str, headers: dict[str, str], max_bytes: int) -> tuple[httpx.Response, bytes]:
        with self.client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(
                    url, f"response of {int(declared):,} bytes is over the {max_bytes:,}-byte limit"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"response is over the {max_bytes:,}-byte limit")
                chunks.append(chunk)
        return response, b"".join(chunks)

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = self.policy.backoff_s * 2**attempt
        if retry_after:
            wait = max(wait, _retry_after_s(retry_after))
        return min(wait, _MAX_RETRY_AFTER_S)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        robots = self._robots.get(_origin(url))
        delay = max(self.policy.host_delay_s, robots.delay_s if robots else 0.0)
        last = self._last_request_at.get(host)
        if last is not None:
            remaining = delay - (time.monotonic() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last_request_at[host] = time.monotonic()

    # -- robots.txt -----------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        origin = _origin(url)
        robots = self._robots.get(origin)
        if robots is None:
            robots = self._robots[origin] = self._load_robots(origin)
        if robots.parser is not None and not robots.parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, robots.why or f"disallowed by {origin}/robots.txt for {ROBOTS_AGENT}")

    def _load_robots(self, origin: str) -> _Robots:
        """Rules per RFC 9309: a missing robots.txt (4xx) allows all; a server error disallows
        all for now, since the site may be restricting crawlers. A site that cannot be reached
        at all fails the fetch with the connection error."""
        url = f"{origin}/robots.txt"
        response, content = self._robots_response(url)
        if 400 <= response.status_code < 500:
            return _Robots(None)
        if response.status_code != 200:
            why = f"not fetched: {url} answers HTTP {response.status_code}, so the site may bar crawlers"
            return _Robots(_disallow_all(url), why=why)
        parser = urllib.robotparser.RobotFileParser(url)
        parser.parse(content.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        return _Robots(parser, min(float(delay or 0.0), _MAX_CRAWL_DELAY_S))

    def _robots_response(self, url: str) -> tuple[httpx.Response, bytes]:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self.addresses.check_url(current)
            response, content = self._get_with_retries(current, None, _ROBOTS_MAX_BYTES)
            if response.status_code in _REDIRECT_STATUSES and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            return response, content
        raise FetchError(url, "too many redirects")


def _conditional_headers(validators: Validators | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def _retry_after_s(value: str) -> float:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if value.strip().isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, moment.timestamp() - time.time())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _disallow_all(url: str) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser(url)
    parser.parse(["User-agent: *", "Disallow: /"])
    return parser
