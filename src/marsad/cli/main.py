"""The `marsad` command: thin shells over library calls; MarsadError becomes a message + exit code."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from marsad.errors import MarsadError, UsageError
from marsad.settings import Settings
from marsad.store import open_store

if TYPE_CHECKING:
    from collections.abc import Callable

    from marsad.analyze import Summary
    from marsad.store import Store

# Commands import the heavy parts (extraction, date parsing) only when they run, so `marsad
# search` and `--help` start fast.
app = typer.Typer(
    name="marsad",
    help="Arabic news intelligence: analyze articles into a database, search and export them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite database file (created if missing).")]
#: The settings' help as option help: Rich would read "[semantic]" (an extra's name) as a style.
SETTINGS_HELP = {name: escape(text) for name, text in Settings.help().items()}


def _date(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} {value!r} is not a date like 2020-05-15 or 2020-05-15T08:30") from exc


@app.command("analyze")
def analyze_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or folders (.txt .html .jsonl .jsonl.gz .json .warc), or - for stdin."),
    ],
    db: DbOption = "marsad.db",
    out: Annotated[
        str | None,
        typer.Option(
            "--out", help="Also write one JSON object per article here (- for stdout), when the run ends."
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date for inputs that carry none (2020-05-15)."),
    ] = None,
    max_file_mb: Annotated[float, typer.Option("--max-file-mb", help=SETTINGS_HELP["max_file_mb"])] = 20.0,
    ner_model: Annotated[
        Path | None,
        typer.Option("--ner-model", help="NER model file, or a Hugging Face token-classification folder."),
    ] = None,
    reanalyze: Annotated[bool, typer.Option("--reanalyze", help=SETTINGS_HELP["reanalyze"])] = False,
    semantic_stories: Annotated[
        bool, typer.Option("--semantic-stories", help=SETTINGS_HELP["semantic_stories"])
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Clean, date and store articles; print a summary. Exit status 1 when any input failed."""
    from marsad.analyze import analyze
    from marsad.ingest.files import estimate_count, read_inputs

    settings = Settings(
        published=_date(published, "--published"),
        max_file_mb=max_file_mb,
        reanalyze=reanalyze,
        ner_model=ner_model,
        semantic_stories=semantic_stories,
    )
    store = open_store(db)
    with ExitStack() as stack:
        stream = None
        if out is not None:
            stream = sys.stdout if out == "-" else stack.enter_context(open(out, "w", encoding="utf-8"))
        stored: list[str] = []
        progress = stack.enter_context(_progress(disable=quiet or not err.is_terminal))
        task = progress.add_task("analyzing", total=estimate_count(paths))
        try:
            summary = analyze(
                read_inputs(paths, settings),
                store,
                settings,
                sink=(lambda record: stored.append(record["id"])) if stream else None,
                on_item=lambda: progress.advance(task),
            )
        finally:
            # Written once the run is over (or interrupted): stories merge fragments at each
            # commit, so an article's story is final only then.
            if stream is not None:
                _write_stored(store, stored, _jsonl_writer(stream))
            store.close()
    _print_summary(summary, db)
    if summary.failed:
        raise typer.Exit(1)


def _progress(*, disable: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=disable,
        transient=False,
    )


class _RateColumn(TextColumn):
    def __init__(self) -> None:
        super().__init__("")

    def render(self, task: Any) -> Text:
        return Text(f"{task.speed or 0:>5.0f} articles/s", style="cyan")


def _write_stored(store: Store, article_ids: list[str], write: Callable[[dict[str, Any]], None]) -> None:
    for article_id in dict.fromkeys(article_ids):
        record = store.get_article(article_id)
        if record is not None:
            write(record)


def _jsonl_writer(stream: TextIO) -> Any:
    def write(record: dict[str, Any]) -> None:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    return write


def _print_summary(summary: Summary, db: str) -> None:
    rate = summary.seen / summary.elapsed_s if summary.elapsed_s else 0.0
    err.print(
        f"[bold]{summary.processed}[/] processed, {summary.unchanged} unchanged, "
        f"{len(summary.skipped)} skipped, {len(summary.failed)} failed "
        f"in {summary.elapsed_s:.1f} s ({rate:.{0 if rate >= 10 else 1}f} articles/s) → {escape(db)}",
        highlight=False,
    )
    reasons = Counter(_reason_kind(s.reason) for s in summary.skipped)
    for reason, count in reasons.most_common(8):
        err.print(f"  skipped {count}: {reason}", highlight=False, markup=False)
    for failure in summary.failed[:20]:
        err.print(Text(f"  failed: {failure.source}: {failure.reason}", style="red"))
    if len(summary.failed) > 20:
        err.print(f"  … and {len(summary.failed) - 20} more failures")


def _reason_kind(reason: str) -> str:
    """Group reasons that differ only in ids or figures, so the summary stays short."""
    if " duplicates " in reason:
        return "duplicate of an article of the same outlet"
    return re.sub(r"\s*\([^)]*\d[^)]*\)", "", reason)


@app.command("search")
def search_command(
    query: Annotated[
        str, typer.Argument(help='Words, "a phrase", OR, -excluded; Arabic spelling variants fold.')
    ],
    db: DbOption = "marsad.db",
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Hits to show.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Hits to skip (paging).")] = 0,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before this date.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Full-text search over titles and texts."""
    _require_db(db)
    store = open_store(db)
    try:
        page = store.search_articles(
            query,
            limit=limit,
            offset=offset,
            outlet=outlet,
            since=_date(since, "--since"),
            until=_date(until, "--until"),
        )
    finally:
        store.close()
    out = Console(highlight=False)
    if as_json:
        for hit in page.hits:
            print(
                json.dumps(
                    {
                        "id": hit.id,
                        "title": hit.title,
                        "outlet": hit.outlet,
                        "published": hit.published,
                        "fetched_at": hit.fetched_at,
                        "snippet": hit.snippet,
                    },
                    ensure_ascii=False,
                )
            )
        return
    err.print(f"{page.total} articles match; showing {len(page.hits)} from {offset + 1 if page.hits else 0}")
    for hit in page.hits:
        out.print(
            Text(f"{hit.published or hit.fetched_at or '—'}  {hit.outlet or '—'}  {hit.id}", style="dim")
        )
        out.print(Text(hit.title or "(untitled)", style="bold"))
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold yellow", start, end)
        out.print(snippet)
        out.print()


@app.command("export")
def export_command(
    db: DbOption = "marsad.db",
    format: Annotated[str, typer.Option("--format", help="One of jsonl, csv, parquet.")] = "jsonl",
    out: Annotated[
        str | None, typer.Option("--out", help="Output file (default: stdout; required for parquet).")
    ] = None,
) -> None:
    """Write every stored article in the output contract's shape."""
    from marsad.export import export_records

    _require_db(db)
    store = open_store(db)
    try:
        count = export_records(store.iter_records(), format, out)
    finally:
        store.close()
    err.print(f"exported {count} articles as {format}" + (f" to {out}" if out else ""), markup=False)


def _require_db(db: str) -> None:
    if not Path(db).exists():
        raise UsageError(f"{db}: no such database; create it with `marsad analyze PATH --db {db}`")


def _register_subcommands() -> None:
    """Each command module adds its commands and groups to `app` (kept out of this file)."""
    import importlib

    for module in ("ner", "evaluate", "entities", "quotes", "stories", "watch", "serve"):
        importlib.import_module(f"marsad.cli.{module}").register(app)


_register_subcommands()


def main() -> None:
    """Console entry point: one place turns MarsadError into a message and an exit code."""
    try:
        app()
    except MarsadError as exc:
        err.print(Text(f"marsad: {exc.message}", style="red"))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _say_interrupted()
        sys.exit(130)
    except SystemExit as exc:
        if _interrupted(exc):  # typer turns Ctrl-C into exit status 130, silently
            _say_interrupted()
        raise


def _say_interrupted() -> None:
    err.print("marsad: interrupted; what was stored is kept, run again to resume")


def _interrupted(exc: BaseException | None) -> bool:
    """Whether a Ctrl-C (a KeyboardInterrupt) started the chain of exceptions `exc` ends."""
    while exc is not None:
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc = exc.__cause__ or exc.__context__
    return False
