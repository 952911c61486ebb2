"""Watch mode: poll configured sources, fetch what is new, analyze it like `marsad analyze`.

One polling round reads each due source's listing (a feed, a sitemap or index, or the page
itself), fetches the article pages not seen before (or whose listing says they changed) and
hands them, as one stream, to the same `analyze()` library call `marsad analyze` uses. The
items marked seen, the HTTP cache validators and the poll records are written in the store's
open transaction, which `analyze()` commits with the articles: stopped at any point (Ctrl-C,
SIGTERM, a crash), the database holds every stored article together with its marks, and the
next run fetches again exactly what was not stored. A SIGINT or SIGTERM sets a flag; the round
finishes the article in hand, commits and returns.

Dedup: a listed URL is normalized (fragment and tracking parameters dropped) before it is
looked up; the article id is `u` + hash of the page's canonical URL, so the same article under
several URLs is one article; an unchanged page (304, or the same body hash) is not analyzed
again. An article whose text changed keeps its id: the version it replaces is kept as a
revision (`store.article_revisions(id)`, `marsad revisions ID`).
"""

from __future__ import annotations

import dataclasses
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import FrameType
from typing import Any

from marsad.analyze import RecordSink, Summary, analyze, content_key
from marsad.errors import InputError, MarsadError
from marsad.ingest.feeds import Item, parse_feed
from marsad.ingest.fetch import AddressPolicy, Fetched, Fetcher, FetchPolicy, Validators
from marsad.ingest.files import Read
from marsad.ingest.pages import (
    canonical_url,
    content_hash,
    decode_page,
    document_kind,
    maybe_gunzip,
    normalize_url,
    select_content,
    url_id,
)
from marsad.ingest.sitemaps import parse_sitemap
from marsad.ingest.sources import FetchSettings, Source
from marsad.model import Article
from marsad.pipeline import Failed
from marsad.settings import Settings
from marsad.store import Store
from marsad.store.sources import CacheEntry, ItemOutcome, Poll

#: Articles analyzed between commits: small, so a stopped run loses little.
WATCH_CHUNK = 16
#: An item whose page failed this many polls in a row is not tried again until it changes.
MAX_ITEM_FAILURES = 3
#: A failing source waits interval × 2^errors, at most this many intervals.
MAX_BACKOFF_INTERVALS = 8

#: Progress messages: `report(level, message)` with level "info", "warning" or "error".
Report = Callable[[str, str], None]


def _quiet(level: str, message: str) -> None:
    pass


@dataclass(slots=True)
class SourceRound:
    """What one source gave in one round."""

    listed: int = 0
    new: int = 0
    failed: int = 0
    stored: int = 0
    error: str | None = None


@dataclass(slots=True)
class RoundSummary:
    analysis: Summary
    sources: dict[str, SourceRound] = field(default_factory=dict)
    revisions: int = 0
    stopped: bool = False


def fetch_policy(settings: FetchSettings) -> FetchPolicy:
    return FetchPolicy(
        timeout_s=settings.timeout_s,
        retries=settings.retries,
        backoff_s=settings.backoff_s,
        host_delay_s=settings.host_delay_s,
        max_bytes=int(settings.max_mb * 1024 * 1024),
        max_redirects=settings.max_redirects,
        obey_robots=settings.obey_robots,
    )


def address_policy(sources: Sequence[Source], allow_private: bool) -> AddressPolicy:
    """Private addresses: everywhere with `allow_private`, else only the hosts of sources that
    allow them (a redirect from such a source to another private host is still refused)."""
    hosts = frozenset(source.host for source in sources if source.allow_private)
    return AddressPolicy(allow_private=allow_private, allowed_hosts=hosts)


@dataclass(frozen=True, slots=True)
class _Got:
    """A fetch: None when the document has not changed since the last one."""

    fetched: Fetched | None


@dataclass(slots=True)
class _Pending:
    """An article handed to analysis, until it is stored (or not)."""

    key: str  # the normalized listed URL
    source: str
    marker: str | None
    previous: dict[str, Any] | None  # the stored version it may replace


@dataclass(slots=True)
class RoundRunner:
    """One polling round over `sources` into `store`.

    `track` is watch mode: seen items are skipped, conditional GETs are sent, polls recorded.
    Without it (`marsad fetch`) every listed page is fetched and analyzed (unchanged ones are
    recognized by analyze's fingerprint and not analyzed twice).
    """

    store: Store
    settings: Settings
    fetcher: Fetcher
    track: bool = True
    stop: threading.Event = field(default_factory=threading.Event)
    report: Report = _quiet
    sink: RecordSink | None = None
    _pending: dict[str, _Pending] = field(default_factory=dict)
    _rounds: dict[str, SourceRound] = field(default_factory=dict)
    _revisions: int = 0

    def run(self, sources: Sequence[Source]) -> RoundSummary:
        settings = dataclasses.replace(self.settings, chunk_size=WATCH_CHUNK)
        summary = analyze(self._reads(sources), self.store, settings, sink=self._stored)
        self.store.commit()
        return RoundSummary(summary, dict(self._rounds), self._revisions, self.stop.is_set())

    # -- what goes into analyze() ---------------------------------------------------------

    def _reads(self, sources: Sequence[Source]) -> Iterator[Read]:
        for source in sources:
            if self.stop.is_set():
                return
            polled_at = datetime.now().replace(microsecond=0)
            state = self._rounds[source.name] = SourceRound()
            try:
                yield from self._source_reads(source, state)
            except MarsadError as exc:
                # "name: URL: reason" says the URL twice when the source is named by it.
                own = isinstance(exc, InputError) and exc.name in (source.url, source.name)
                state.error = exc.reason if isinstance(exc, InputError) and own else exc.message
                self.report("error", f"{source.name}: {state.error}")
            except Exception as exc:  # a library's surprise on one source must not stop the others
                state.error = f"unexpected {type(exc).__name__}: {exc}"
                self.report("error", f"{source.name}: {state.error}")
            if self.track:
                self.store.record_poll(
                    Poll(source.name, polled_at, state.listed, state.new, state.failed, state.error)
                )

    def _source_reads(self, source: Source, state: SourceRound) -> Iterator[Read]:
        # The listing is remembered only once all its items are handled, so a run stopped
        # half-way reads it again in full next time.
        listing = self._get(source.url, remember=False)
        if listing.fetched is None:
            self.report("info", f"{source.name}: listing unchanged since the last poll")
            return
        data = maybe_gunzip(listing.fetched.content, source.url, self.fetcher.policy.max_bytes)
        kind = source.kind if source.kind != "auto" else document_kind(data)
        if kind == "page":
            state.listed = 1
            yield from self._page_reads(source, Item(source.url), listing, state)
            self._remember(source.url, listing.fetched)
            return
        items = self._items(source, kind, data, listing.fetched)
        state.listed = len(items)
        todo = [item for item in items[: source.max_items] if self._is_due(item, source)]
        state.new = len(todo)
        self.report("info", f"{source.name}: {kind}, {len(items)} items, {len(todo)} to fetch")
        for item in todo:
            if self.stop.is_set():
                return
            yield from self._page_reads(source, item, None, state)
        self._remember(source.url, listing.fetched)

    def _items(self, source: Source, kind: str, data: bytes, listing: Fetched) -> list[Item]:
        if kind == "feed":
            return parse_feed(data, listing.url, listing.content_type)
        sitemap = parse_sitemap(data, listing.url)
        if not sitemap.is_index:
            return _newest_first(list(sitemap.items))
        items: list[Item] = []
        for child in sitemap.sitemaps[: source.max_sitemaps]:
            if self.stop.is_set():
                break
            try:
                fetched = self._get(child.url).fetched
            except InputError as exc:
                self.report("warning", f"{source.name}: {exc.message}")
                continue
            if fetched is not None:
                inflated = maybe_gunzip(fetched.content, child.url, self.fetcher.policy.max_bytes)
                items += parse_sitemap(inflated, fetched.url).items
        return _newest_first(items)

    def _is_due(self, item: Item, source: Source) -> bool:
        if not self.track:
            return True
        seen = self.store.seen_item(normalize_url(item.url))
        if seen is None:
            return True
        if seen.outcome == "failed":
            return seen.failures < MAX_ITEM_FAILURES or item.marker != seen.marker
        # Markers (updated dates) are only comparable within the listing that gave them.
        return seen.source == source.name and item.marker is not None and item.marker != seen.marker

    def _page_reads(self, source: Source, item: Item, got: _Got | None, state: SourceRound) -> Iterator[Read]:
        key = normalize_url(item.url)
        try:
            got = got or self._get(item.url)
            # None: a 304 or the same body as last time, so the stored version is current.
            article = self._article(source, item, got.fetched) if got.fetched else None
        except InputError as exc:
            state.failed += 1
            self._mark(key, source, None, item.marker, "failed")
            self.report("warning", f"{source.name}: {exc.message}")
            yield Failed(exc.name, exc.reason)
            return
        if article is None:
            self._mark_unchanged(key, source, item.marker)
            return
        previous = self.store.get_article(article.id) if self.track else None
        self._pending[article.id] = _Pending(key, source.name, item.marker, previous)
        # Provisional: analysis may skip it; the sink upgrades it when the article is stored.
        self._mark(key, source, article.id, item.marker, "skipped")
        yield article

    def _article(self, source: Source, item: Item, page: Fetched) -> Article:
        html = decode_page(page.content, page.content_type, page.url)
        if source.selector:
            html = select_content(html, source.selector, page.url)
        canonical = canonical_url(html, page.url)
        return Article(
            id=url_id(canonical),
            source=item.url,
            text="",
            html=html,
            url=canonical,
            outlet=source.outlet,
            title=item.title,
            published_at=item.published_at,
            fetched_at=page.fetched_at,
        )

    # -- fetching with the HTTP cache -----------------------------------------------------

    def _get(self, url: str, *, remember: bool = True) -> _Got:
        """The document at `url`; in watch mode, a conditional GET remembered for next time."""
        if not self.track:
            return _Got(self.fetcher.fetch(url))
        cached = self.store.cache_entry(normalize_url(url))
        validators = Validators(cached.etag, cached.last_modified) if cached else None
        fetched = self.fetcher.fetch(url, validators)
        if fetched.not_modified:
            return _Got(None)
        if remember:
            self._remember(url, fetched)
        # A server without validators sends the same body again: nothing changed either.
        unchanged = cached is not None and cached.content_hash == content_hash(fetched.content)
        return _Got(None if unchanged else fetched)

    def _remember(self, url: str, fetched: Fetched) -> None:
        if self.track:
            entry = CacheEntry(
                fetched.validators.etag, fetched.validators.last_modified, content_hash(fetched.content)
            )
            self.store.save_cache_entry(normalize_url(url), entry)

    def _mark(
        self, key: str, source: Source, article_id: str | None, marker: str | None, outcome: ItemOutcome
    ) -> None:
        if self.track:
            self.store.mark_seen(
                key,
                source=source.name,
                article_id=article_id,
                marker=marker,
                outcome=outcome,
                at=datetime.now().replace(microsecond=0),
            )

    def _mark_unchanged(self, key: str, source: Source, marker: str | None) -> None:
        """The page did not change: keep what its last fetch gave, with the new marker."""
        seen = self.store.seen_item(key) if self.track else None
        outcome: ItemOutcome = seen.outcome if seen and seen.outcome != "failed" else "stored"
        self._mark(key, source, seen.article_id if seen else None, marker, outcome)

    # -- what analyze() stored ------------------------------------------------------------

    def _stored(self, record: dict[str, Any]) -> None:
        """Called by analyze() for each stored (or unchanged) article, before its commit."""
        pending = self._pending.pop(record["id"], None)
        if pending is not None and self.track:
            previous = pending.previous
            if previous is not None and content_key(previous["text"]) != content_key(record["text"]):
                self.store.save_revision(record["id"], previous, datetime.now().replace(microsecond=0))
                self._revisions += 1
            self.store.mark_seen(
                pending.key,
                source=pending.source,
                article_id=record["id"],
                marker=pending.marker,
                outcome="stored",
                at=datetime.now().replace(microsecond=0),
            )
        if pending is not None and pending.source in self._rounds:
            self._rounds[pending.source].stored += 1
        if self.sink:
            self.sink(record)


def _newest_first(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda item: item.published_at or datetime.min, reverse=True)


# -- the polling loop -------------------------------------------------------------------


@dataclass(slots=True)
class Watcher:
    """Polls `sources` on their schedules until `stop` is set (or once)."""

    sources: Sequence[Source]
    store: Store
    settings: Settings
    policy: FetchPolicy
    addresses: AddressPolicy
    stop: threading.Event = field(default_factory=threading.Event)
    report: Report = _quiet
    on_round: Callable[[RoundSummary], None] = lambda summary: None
    #: Called with each article record a round stores (as `analyze`'s sink), before its commit.
    sink: RecordSink | None = None
    _due_at: dict[str, datetime] = field(default_factory=dict)
    _errors: dict[str, int] = field(default_factory=dict)

    def run(self, *, once: bool = False) -> None:
        enabled = [source for source in self.sources if source.enabled]
        if not enabled:
            self.report("warning", "no enabled source to poll")
            return
        self._load_schedule(enabled, ignore=once)
        while not self.stop.is_set():
            now = datetime.now()
            due = [source for source in enabled if self._due_at[source.name] <= now]
            if due:
                self.on_round(self.run_round(due))
            if once or self.stop.is_set():
                return
            wait_s = (min(self._due_at.values()) - datetime.now()).total_seconds()
            if wait_s > 0:
                self.report("info", f"next poll at {min(self._due_at.values()):%H:%M:%S}")
                self.stop.wait(wait_s)

    def run_round(self, sources: Sequence[Source]) -> RoundSummary:
        with Fetcher(self.policy, self.addresses, sleep=self._sleep) as fetcher:
            runner = RoundRunner(
                self.store, self.settings, fetcher, stop=self.stop, report=self.report, sink=self.sink
            )
            summary = runner.run(sources)
        now = datetime.now()
        for source in sources:
            state = summary.sources.get(source.name)
            errors = self._errors.get(source.name, 0) + 1 if state and state.error else 0
            self._errors[source.name] = errors
            self._due_at[source.name] = now + _interval(source, errors)
        return summary

    def _sleep(self, seconds: float) -> None:
        # Waits between requests end early when the run is asked to stop.
        self.stop.wait(seconds)

    def _load_schedule(self, sources: Sequence[Source], *, ignore: bool) -> None:
        """Resume the schedule: a source polled recently waits out the rest of its interval."""
        last = {health.name: health.last_poll_at for health in self.store.source_health(datetime.now())}
        for source in sources:
            polled = last.get(source.name)
            if ignore or polled is None:
                self._due_at[source.name] = datetime.min
            else:
                self._due_at[source.name] = polled + _interval(source, 0)


def _interval(source: Source, errors: int) -> timedelta:
    factor = min(2**errors, MAX_BACKOFF_INTERVALS) if errors else 1
    return timedelta(minutes=source.interval_min * factor)


@contextmanager
def stop_on_signals(stop: threading.Event, report: Report) -> Iterator[None]:
    """SIGINT and SIGTERM set `stop` (the round ends cleanly); a second SIGINT interrupts."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        report("warning", f"{signal.Signals(signum).name}: stopping after the current article…")

    for sig in previous:
        signal.signal(sig, handle)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
