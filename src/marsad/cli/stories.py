"""`marsad stories list|show|merge|split|export` and `marsad eval stories`: thin shells over the store
and `marsad.corpus.stories`."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.cli.evaluate import eval_app
from marsad.errors import UsageError
from marsad.store import open_store
from marsad.store.stories import StoryDetail

stories_app = typer.Typer(help="Stories: articles of many outlets grouped by event.", no_args_is_help=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite database file made by `marsad analyze`.")]
DEFAULT_CORPUS = "../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz"
DEFAULT_GOLD = "bench/data/stories_gold.jsonl"
Order = Literal["recent", "growing", "largest"]


def _open(db: str) -> Any:
    if not Path(db).exists():
        raise UsageError(f"{db}: no such database; create it with `marsad analyze PATH --db {db}`")
    return open_store(db)


def _date(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} {value!r} is not a date like 2020-05-15") from exc


def _day(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d") if moment else "—"


@stories_app.command("list")
def list_command(
    db: DbOption = "marsad.db",
    order: Annotated[
        str, typer.Option("--order", help="recent (last article first), growing (last day), largest.")
    ] = "recent",
    since: Annotated[
        str | None, typer.Option("--since", help="With an article on or after this date.")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Begun on or before this date.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Stories to show.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Stories to skip (paging).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per story.")] = False,
) -> None:
    """Stories with their size, outlets and dates."""
    if order not in ("recent", "growing", "largest"):
        raise UsageError(f"--order {order!r}: one of recent, growing, largest")
    store = _open(db)
    try:
        found = store.list_stories(
            order=order,
            since=_date(since, "--since"),
            until=_date(until, "--until"),
            limit=limit,
            offset=offset,
        )
    finally:
        store.close()
    if as_json:
        for story in found:
            print(json.dumps(asdict(story), ensure_ascii=False, default=str))
        return
    table = Table("story", "articles", "outlets", "first", "last", "title")
    for story in found:
        table.add_row(
            story.id,
            str(story.articles),
            str(story.outlets),
            _day(story.first_at),
            _day(story.last_at),
            Text(story.title),
        )
    Console().print(table)


@stories_app.command("show")
def show_command(
    story_id: Annotated[str, typer.Argument(help="A story id from `marsad stories list`.")],
    db: DbOption = "marsad.db",
    as_json: Annotated[bool, typer.Option("--json", help="The story as one JSON object.")] = False,
) -> None:
    """One story: summary, timeline, outlets and articles, shared claims, entities."""
    store = _open(db)
    try:
        story = store.get_story(story_id)
    finally:
        store.close()
    if story is None:
        raise UsageError(f"no story {story_id!r} in {db}; see `marsad stories list`")
    if as_json:
        print(json.dumps(story_record(story), ensure_ascii=False))
        return
    _print_story(story)


def story_record(story: StoryDetail) -> dict[str, Any]:
    """A story as JSON (`marsad stories show --json`, `marsad stories export`)."""
    record = asdict(story)
    record["first_at"] = story.first_at.isoformat() if story.first_at else None
    record["last_at"] = story.last_at.isoformat() if story.last_at else None
    return record


def _print_story(story: StoryDetail) -> None:
    out = Console(highlight=False)
    out.print(Text(story.title, style="bold"))
    outlets = sorted({a.outlet for a in story.articles if a.outlet})
    out.print(
        Text(
            f"{story.id}  {len(story.articles)} articles, {len(outlets)} outlets, "
            f"{_day(story.first_at)} → {_day(story.last_at)}",
            style="dim",
        )
    )
    if story.summary:
        out.print(Text("\nsummary", style="bold"))
        for sentence in story.summary:
            out.print(Text(f"• {sentence}"))
    out.print(Text("\ntimeline", style="bold"))
    for day, count in story.timeline:
        out.print(Text(f"{day}  {'█' * min(count, 60)} {count}"))
    if story.events:
        out.print(Text("\ndated events", style="bold"))
        for event in story.events:
            out.print(Text(f"{event.day}  {event.text}"))
            out.print(Text(f"            {', '.join(event.outlets)}", style="dim"))
    out.print(Text("\narticles", style="bold"))
    for article in story.articles:
        copy = f"  (copy of {article.duplicate_of})" if article.duplicate_of else ""
        when = article.published or article.fetched_at or "—"
        line = f"{when}  {article.outlet or '—'}  {article.id}  {article.title or ''}{copy}"
        out.print(Text(line))
    if story.claims:
        out.print(Text("\nclaims reported by several outlets", style="bold"))
        for claim in story.claims[:10]:
            out.print(Text(f"• {claim.text}"))
            out.print(Text(f"  {', '.join(claim.outlets)} ({claim.independent} independent)", style="dim"))
    if story.differences:
        dated = {a.id: (a.published or a.fetched_at or "—")[:10] for a in story.articles}
        heading = "\ncounts that differ between outlets (oldest first; a later one may be an update)"
        out.print(Text(heading, style="bold"))
        for difference in story.differences:
            for i, version in enumerate(difference.versions):
                out.print(Text(f"{'•' if i == 0 else ' '} {' / '.join(version.figures)}: {version.text}"))
                days = sorted({dated.get(a, "—") for a in version.article_ids})
                out.print(Text(f"    {', '.join(version.outlets)} ({', '.join(days)})", style="dim"))
    if story.entities:
        out.print(Text("\nentities", style="bold"))
        out.print(Text(", ".join(f"{name} ({n})" for _, name, _, n in story.entities[:15])))


@stories_app.command("merge")
def merge_command(
    keep: Annotated[str, typer.Argument(help="The story that remains.")],
    other: Annotated[str, typer.Argument(help="The story whose articles move into KEEP.")],
    db: DbOption = "marsad.db",
) -> None:
    """Merge two stories; later `marsad analyze` runs keep the merge."""
    from marsad.corpus.stories import refresh_story

    store = _open(db)
    try:
        store.merge_stories(keep, other)
        refresh_story(store, keep)
        store.commit()
    finally:
        store.close()
    err.print(f"merged {other} into {keep}", markup=False)


@stories_app.command("split")
def split_command(
    story_id: Annotated[str, typer.Argument(help="The story to split.")],
    article_ids: Annotated[list[str], typer.Argument(help="Articles that move to a new story.")],
    db: DbOption = "marsad.db",
) -> None:
    """Move some articles of a story to a new story; later runs keep the split. Prints the new id."""
    from marsad.corpus.stories import refresh_story

    store = _open(db)
    try:
        new_id = store.split_story(story_id, article_ids)
        refresh_story(store, story_id)
        refresh_story(store, new_id)
        store.commit()
    finally:
        store.close()
    print(new_id)


@stories_app.command("export")
def export_command(
    db: DbOption = "marsad.db",
    out: Annotated[str | None, typer.Option("--out", help="Output file (default: stdout).")] = None,
) -> None:
    """Every story as one JSON object per line: summary, claims, timeline, articles, entities."""
    store = _open(db)
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115
    count = 0
    try:
        offset = 0
        while page := store.list_stories(order="largest", limit=500, offset=offset):
            for summary in page:
                detail = store.get_story(summary.id)
                if detail is not None:
                    stream.write(json.dumps(story_record(detail), ensure_ascii=False) + "\n")
                    count += 1
            offset += len(page)
    finally:
        store.close()
        if out:
            stream.close()
    err.print(f"exported {count} stories" + (f" to {out}" if out else ""), markup=False)


@eval_app.command("stories")
def eval_stories_command(
    gold: Annotated[
        Path,
        typer.Argument(help="Gold JSON lines: {id, story} (texts from --corpus) or with their own text."),
    ] = Path(DEFAULT_GOLD),
    corpus: Annotated[
        Path,
        typer.Option("--corpus", help="SaudiNewsNet-shaped JSON lines (.jsonl or .jsonl.gz) to cluster."),
    ] = Path(DEFAULT_CORPUS),
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Cluster only the first N corpus articles.")
    ] = None,
    semantic: Annotated[
        bool,
        typer.Option("--semantic", help="Also compare titles by sentence embeddings (\\[semantic] extra)."),
    ] = False,
) -> None:
    """B-cubed precision, recall and F1 with the whole corpus clustered, scored on the gold articles."""
    from marsad.cli.main import _progress
    from marsad.corpus.stories import SEMANTIC_PARAMS
    from marsad.corpus.story_eval import evaluate_stories, load_for_eval

    started = time.perf_counter()
    # Without the default corpus, a gold file whose records carry their own texts still runs.
    corpus_path = None if corpus == Path(DEFAULT_CORPUS) and not corpus.exists() else corpus
    gold_stories, records = load_for_eval(gold, corpus_path, limit=limit)
    with _progress(disable=not err.is_terminal) as progress:
        # The bar moves once cleaning is done (17-22 s on SaudiNewsNet), batch by batch.
        task = progress.add_task("cleaning, clustering", total=len(records))
        score, _ = evaluate_stories(
            gold_stories,
            records,
            SEMANTIC_PARAMS if semantic else None,
            on_batch=lambda size: progress.advance(task, size),
        )
    elapsed = time.perf_counter() - started
    print(
        f"stories B-cubed on {score.articles} articles in {score.stories} gold stories, "
        f"{len(records)} articles clustered: P {score.precision:.3f}  R {score.recall:.3f}  "
        f"F1 {score.f1:.3f}  ({elapsed:.0f} s)"
    )


def register(main: typer.Typer) -> None:
    """Add this module's commands to the `marsad` app."""
    main.add_typer(stories_app, name="stories")
