"""`marsad watch`, `marsad fetch`, `marsad sources`, `marsad revisions`: live sources."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from marsad.errors import UsageError
from marsad.store import open_store

if TYPE_CHECKING:
    from marsad.ingest.sources import Source
    from marsad.store.sources import SourceHealth
    from marsad.watch import RoundSummary

err = Console(stderr=True, soft_wrap=True, highlight=False)
_STYLES = {"info": "", "warning": "yellow", "error": "red"}

DbOption = Annotated[str, typer.Option("--db", help="SQLite database file (created if missing).")]
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Also fetch from loopback, private and link-local addresses (refused by default).",
    ),
]


def _report(level: str, message: str) -> None:
    style = _STYLES.get(level, "")
    stamp = datetime.now().strftime("%H:%M:%S")
    text = escape(message)
    err.print(f"[dim]{stamp}[/] " + (f"[{style}]{text}[/]" if style else text))


def watch_command(
    sources: Annotated[Path, typer.Option("--sources", help="The sources file (TOML).")],
    db: DbOption = "marsad.db",
    once: Annotated[
        bool, typer.Option("--once", help="Poll every source once, then exit (for cron).")
    ] = False,
    allow_private: AllowPrivate = False,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            help="Also append one JSON object per article each round analyzes here (- for stdout), "
            "when the round ends.",
        ),
    ] = None,
) -> None:
    """Poll the sources on their schedules and analyze what is new, until Ctrl-C or SIGTERM."""
    from marsad.cli.main import _jsonl_writer, _write_stored
    from marsad.ingest.sources import load_sources
    from marsad.settings import Settings
    from marsad.watch import Watcher, address_policy, fetch_policy, stop_on_signals

    config = load_sources(sources)
    enabled = [source for source in config.sources if source.enabled]
    with ExitStack() as stack:
        stream = None
        if out is not None:  # appended: a watch that restarts adds to what it wrote before
            stream = sys.stdout if out == "-" else stack.enter_context(open(out, "a", encoding="utf-8"))
        store = open_store(db)
        stack.callback(store.close)
        stored: list[str] = []

        def write_stored() -> None:
            if stream is not None:  # as `marsad analyze --out`: each story final at the round's end
                _write_stored(store, stored, _jsonl_writer(stream))
                stored.clear()
                stream.flush()

        # Also when a round ends in an error: what it stored is written before the store closes.
        stack.callback(write_stored)

        def round_done(summary: RoundSummary) -> None:
            _print_round(summary)
            write_stored()

        _report(
            "info",
            f"watching {len(enabled)} sources from {sources} → {db}" + (" (one round)" if once else ""),
        )
        watcher = Watcher(
            config.sources,
            store,
            Settings(),
            fetch_policy(config.fetch),
            address_policy(config.sources, allow_private),
            report=_report,
            on_round=round_done,
            sink=(lambda record: stored.append(record["id"])) if stream else None,
        )
        with stop_on_signals(watcher.stop, _report):
            watcher.run(once=once)
    if watcher.stop.is_set():
        _report("info", "stopped; what was stored is kept, run again to resume")


def fetch_command(
    urls: Annotated[list[str], typer.Argument(help="Feed, sitemap or article page URLs.")],
    db: DbOption = "marsad.db",
    out: Annotated[
        str | None,
        typer.Option(
            "--out", help="Also write one JSON object per article here (- for stdout), when the run ends."
        ),
    ] = None,
    allow_private: AllowPrivate = False,
    max_items: Annotated[
        int, typer.Option("--max-items", min=1, help="At most this many articles from each feed or sitemap.")
    ] = 50,
    host_delay: Annotated[
        float, typer.Option("--host-delay", min=0.0, help="Seconds between two requests to one host.")
    ] = 1.0,
) -> None:
    """Fetch feeds, sitemaps or article pages once and analyze them (the output of `marsad analyze`)."""
    from marsad.cli.main import _jsonl_writer, _print_summary, _write_stored
    from marsad.ingest.fetch import Fetcher, FetchPolicy
    from marsad.settings import Settings
    from marsad.watch import RoundRunner, address_policy

    fetch_sources = [_adhoc_source(url, max_items) for url in urls]
    addresses = address_policy(fetch_sources, allow_private)
    store = open_store(db)
    with ExitStack() as stack:
        stream = None
        if out is not None:
            stream = sys.stdout if out == "-" else stack.enter_context(open(out, "w", encoding="utf-8"))
        fetcher = stack.enter_context(Fetcher(FetchPolicy(host_delay_s=host_delay), addresses))
        stack.callback(store.close)
        stored: list[str] = []
        sink = (lambda record: stored.append(record["id"])) if stream else None
        runner = RoundRunner(store, Settings(), fetcher, track=False, report=_report, sink=sink)
        try:
            summary = runner.run(fetch_sources)
        finally:
            if stream is not None:  # as `marsad analyze --out`: each story final
                _write_stored(store, stored, _jsonl_writer(stream))
    errors = [f"{name}: {state.error}" for name, state in summary.sources.items() if state.error]
    _print_summary(summary.analysis, db)
    for error in errors:
        _report("error", f"  failed: {error}")
    if summary.analysis.failed or errors:
        raise typer.Exit(1)


def _adhoc_source(url: str, max_items: int) -> Source:
    from marsad.ingest.sources import Source

    # No outlet: the extractor takes the site's name from the page (og:site_name).
    return Source(name=url, url=url, outlet=None, max_items=max_items)


def sources_command(
    db: DbOption = "marsad.db",
    silent_h: Annotated[
        float,
        typer.Option("--silent-h", min=0.0, help="Flag a source with no new article for this many hours."),
    ] = 24.0,
) -> None:
    """Source health: last fetch, articles per day, errors, and since when a source is silent."""
    if not Path(db).exists():
        raise UsageError(f"{db}: no such database; create it with `marsad watch --sources FILE --db {db}`")
    store = open_store(db)
    try:
        now = datetime.now()
        healths = store.source_health(now)
    finally:
        store.close()
    if not healths:
        err.print(
            f"{db}: no source has been polled yet (`marsad watch --sources FILE --db {db}`)", markup=False
        )
        return
    table = Table(
        "source",
        "last fetch",
        "last ok",
        "articles/day",
        "errors 24 h",
        "last new article",
        "status",
        title=f"sources in {db}",
    )
    for health in healths:
        status = _status(health, now, silent_h)
        table.add_row(
            escape(health.name),
            _when(health.last_poll_at),
            _when(health.last_ok_at),
            f"{health.items_per_day:.1f}",
            str(health.errors_24h),
            _when(health.last_new_at),
            status,
        )
    Console(soft_wrap=False).print(table)


def revisions_command(
    article_id: Annotated[str, typer.Argument(help="The article id (as in `marsad search --json`).")],
    db: DbOption = "marsad.db",
) -> None:
    """Earlier versions of an edited article, oldest first; the stored article is the latest."""
    if not Path(db).exists():
        raise UsageError(f"{db}: no such database")
    store = open_store(db)
    try:
        current = store.get_article(article_id)
        revisions = store.article_revisions(article_id)
    finally:
        store.close()
    if current is None:
        raise UsageError(f"{db}: no article with id {article_id!r}")
    out = Console(highlight=False, soft_wrap=True)
    for revision in revisions:
        out.print(
            f"[bold]revision {revision.revision}[/] (replaced {revision.superseded_at:%Y-%m-%d %H:%M})"
            f"  {escape(revision.title or '(untitled)')}"
        )
        out.print(escape(revision.text), markup=True)
        out.print()
    out.print(
        f"[bold]current (revision {len(revisions) + 1})[/]  {escape(current.get('title') or '(untitled)')}"
    )
    out.print(escape(current["text"]))


def _status(health: SourceHealth, now: datetime, silent_h: float) -> str:
    if health.last_error is not None:
        return f"[red]failing: {escape(health.last_error)}[/]"
    if health.last_new_at is None:
        return "[yellow]no new article yet[/]"
    if (now - health.last_new_at).total_seconds() > silent_h * 3600:
        return f"[yellow]silent since {_when(health.last_new_at)}[/]"
    return "[green]ok[/]"


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "—"


def _print_round(summary: RoundSummary) -> None:
    analysis = summary.analysis
    for name, state in summary.sources.items():
        line = f"{name}: {state.listed} listed, {state.new} new, {state.stored} stored, {state.failed} failed"
        _report("error" if state.error else "info", line + (f" ({state.error})" if state.error else ""))
    _report(
        "info",
        f"round done: {analysis.processed} processed, {analysis.unchanged} unchanged, "
        f"{len(analysis.skipped)} skipped, {len(analysis.failed)} failed, {summary.revisions} revised "
        f"in {analysis.elapsed_s:.1f} s",
    )
    for skipped in analysis.skipped[:5]:
        _report("info", f"  skipped {skipped.source}: {skipped.reason}")


def register(main: typer.Typer) -> None:
    """Add `watch`, `fetch`, `sources` and `revisions` to the `marsad` app."""
    main.command("watch")(watch_command)
    main.command("fetch")(fetch_command)
    main.command("sources")(sources_command)
    main.command("revisions")(revisions_command)
