"""`marsad quotes` (who said what, what was said about whom) and `marsad eval quotes`."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from marsad.cli.evaluate import eval_app
from marsad.errors import UsageError
from marsad.store import Store, open_store
from marsad.store.quotes import QuoteHit

err = Console(stderr=True, soft_wrap=True)
GOLD = Path("bench/data/quotes_gold.jsonl")
CORPUS = Path("../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz")


def quotes_command(
    by: Annotated[
        str | None, typer.Option("--by", help="Speaker: an entity id or a name (حسن الحربي, الجبير).")
    ] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="What the quote is about: an entity id or a name.")
    ] = None,
    db: Annotated[str, typer.Option("--db", help="SQLite database file.")] = "marsad.db",
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Quotes to show.")] = 20,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before this date.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per quote.")] = False,
) -> None:
    """Quotes newest first, with speaker, cue, outlet and date."""
    if not Path(db).exists():
        raise UsageError(f"{db}: no such database; create it with `marsad analyze PATH --db {db}`")
    store = open_store(db)
    try:
        hits = find_quotes_for(
            store,
            by=by,
            about=about,
            since=_date(since, "--since"),
            until=_date(until, "--until"),
            limit=limit,
        )
    finally:
        store.close()
    if as_json:
        for hit in hits:
            print(json.dumps(asdict(hit), ensure_ascii=False))
        return
    _print(hits)


def find_quotes_for(
    store: Store,
    *,
    by: str | None,
    about: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
) -> list[QuoteHit]:
    """`by`/`about` as entity ids when they name one, else as names matched in the text."""
    by_id, by_name = _entity_or_name(store, by)
    about_id, about_name = _entity_or_name(store, about)
    hits = store.list_quotes(
        by=by_id,
        about=about_id,
        by_name=by_name,
        about_name=about_name,
        since=since,
        until=until,
        limit=limit,
    )
    if hits or (by_id is None and about_id is None):
        return hits
    # A known entity, but no quote carries its id (stored before linking ran): match the text.
    return store.list_quotes(
        by_name=by,
        about_name=about,
        since=since,
        until=until,
        limit=limit,
    )


def _entity_or_name(store: Store, value: str | None) -> tuple[str | None, str | None]:
    """(entity id, None) when `value` is an id or names one entity; else (None, value)."""
    if value is None:
        return None, None
    if store.get_entity(value) is not None:
        return value, None
    matches = store.list_entities(query=value, limit=2)
    if len(matches) == 1:
        return matches[0].id, None
    return None, value


def _date(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} {value!r} is not a date like 2020-05-15") from exc


def _print(hits: list[QuoteHit]) -> None:
    out = Console(highlight=False, soft_wrap=True)
    err.print(f"{len(hits)} quotes")
    for hit in hits:
        kind = "(direct)" if hit.direct else "(reported)"
        via = f" (via {hit.via})" if hit.via else ""
        out.print(
            Text(
                f"{hit.published or hit.fetched_at or '—'}  {hit.outlet or '—'}  {hit.article_id}",
                style="dim",
            )
        )
        out.print(Text(f"{hit.speaker_name or '?'} — {hit.cue or ''} {kind}{via}", style="bold"))
        out.print(Text(hit.text))
        out.print()


def eval_quotes_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file.")] = GOLD,
    corpus: Annotated[
        Path,
        typer.Option("--corpus", help="SaudiNewsNet JSONL(.gz) that gold articles without `text` come from."),
    ] = CORPUS,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list misses and false alarms.")
    ] = False,
) -> None:
    """Precision, recall and F1 of quote detection (span overlap) and speaker accuracy."""
    from marsad.evaluation.quotes import evaluate, format_report, pipeline_analyzer, read_gold

    records = read_gold(gold)
    report, notes = evaluate(records, corpus, pipeline_analyzer())
    out = Console(highlight=False, soft_wrap=True)
    for line in format_report(report):
        out.print(line, markup=False)
    if verbose:
        for line in notes:
            out.print(line, markup=False)


def register(main: typer.Typer) -> None:
    """Add this module's commands to the `marsad` app."""
    main.command("quotes")(quotes_command)
    eval_app.command("quotes")(eval_quotes_command)
