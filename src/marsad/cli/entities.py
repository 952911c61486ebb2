"""`marsad entities list|show|merge|split|alias add` and `marsad eval linking`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.cli.evaluate import eval_app
from marsad.errors import UsageError
from marsad.model import Article, EntityType
from marsad.store import Store, open_store

app = typer.Typer(help="Browse and curate the entities of a database.", no_args_is_help=True)
alias_app = typer.Typer(help="Names that always link to an entity.", no_args_is_help=True)
app.add_typer(alias_app, name="alias")
err = Console(stderr=True, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite database file.")]
GOLD = Path("bench/data/linking_gold.jsonl")
CORPUS = Path("../shared/datasets/saudinewsnet/saudinewsnet.jsonl.gz")


def _open(db: str) -> Store:
    if not Path(db).exists():
        raise UsageError(f"{db}: no such database; create it with `marsad analyze PATH --db {db}`")
    return open_store(db)


@app.command("list")
def list_command(
    db: DbOption = "marsad.db",
    query: Annotated[str | None, typer.Option("--query", help="Names or variants containing this.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Only PER, ORG, LOC or MISC.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Entities to show.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Entities to skip (paging).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per entity.")] = False,
) -> None:
    """Entities by number of mentions, most first."""
    store = _open(db)
    try:
        found = store.list_entities(query=query, type=_entity_type(type), limit=limit, offset=offset)
    finally:
        store.close()
    if as_json:
        for e in found:
            row = {"id": e.id, "name": e.name, "type": e.type, "english": e.english}
            print(json.dumps({**row, "mentions": e.mentions, "articles": e.articles}, ensure_ascii=False))
        return
    table = Table()
    # Ids are what `show`, `merge` and `alias add` take: folded onto more lines, never cut.
    table.add_column("id", overflow="fold")
    for name in ("name", "type", "english", "mentions", "articles"):
        table.add_column(name)
    for e in found:
        table.add_row(*map(Text, (e.id, e.name, e.type, e.english or "", str(e.mentions), str(e.articles))))
    out.print(table)


def _entity_type(value: str | None) -> EntityType | None:
    if value is None:
        return None
    if value not in ("PER", "ORG", "LOC", "MISC"):
        raise UsageError(f"--type {value!r}: expected PER, ORG, LOC or MISC")
    return value  # type: ignore[return-value]


@app.command("show")
def show_command(
    entity_id: Annotated[str, typer.Argument(help="An entity id (see `marsad entities list`).")],
    db: DbOption = "marsad.db",
) -> None:
    """One entity: names as written, roles, counts, first and last dates, co-occurring entities."""
    store = _open(db)
    try:
        detail = store.get_entity(entity_id)
        if detail is None:
            raise UsageError(f"no entity {entity_id!r} in {db}")
        related = store.cooccurring_entities(entity_id, limit=8)
    finally:
        store.close()
    out.print(Text.assemble((detail.name, "bold"), f"  {detail.id}  {detail.type}  {detail.english or ''}"))
    out.print(
        f"{detail.mentions} mentions in {detail.articles} articles, {detail.first_at} – {detail.last_at}"
    )
    out.print(Text("variants: " + "، ".join(f"{v} ({n})" for v, n in detail.variants)))
    for role in detail.roles:
        out.print(Text(f"role: {role.title} ({role.since or '…'} – {role.until or '…'})"))
    if related:
        # Text, not markup: Rich would read "[kb:nato]" as a style and drop the id.
        out.print(Text("with: " + ", ".join(f"{e.name} [{e.id}] ({n})" for e, n in related)))


@app.command("merge")
def merge_command(
    keep: Annotated[str, typer.Argument(help="The entity id that stays.")],
    other: Annotated[str, typer.Argument(help="The entity id merged into it.")],
    db: DbOption = "marsad.db",
) -> None:
    """Merge OTHER into KEEP, now and in every later run."""
    store = _open(db)
    try:
        store.merge_entities(keep, other)
    finally:
        store.close()
    err.print(Text(f"merged {other} into {keep}"))


@app.command("split")
def split_command(
    entity_id: Annotated[str, typer.Argument(help="The entity id to split.")],
    variants: Annotated[list[str], typer.Argument(help="Spellings whose mentions move to a new entity.")],
    db: DbOption = "marsad.db",
) -> None:
    """Move the mentions written as VARIANTS to a new entity; prints its id."""
    store = _open(db)
    try:
        new_id = store.split_entity(entity_id, variants)
    finally:
        store.close()
    print(new_id)


@alias_app.command("add")
def alias_add_command(
    entity_id: Annotated[str, typer.Argument(help="The entity id.")],
    alias: Annotated[str, typer.Argument(help="A name that must link to it.")],
    db: DbOption = "marsad.db",
) -> None:
    """Mentions written ALIAS link to ENTITY_ID, now and in every later run."""
    store = _open(db)
    try:
        store.add_alias(entity_id, alias)
    finally:
        store.close()
    err.print(Text(f"{alias} → {entity_id}"))


@eval_app.command("linking")
def eval_linking_command(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (default: bench/data/linking_gold.jsonl).")] = GOLD,
    corpus: Annotated[
        Path, typer.Option("--corpus", help="JSONL(.gz) corpus the gold ids are read from.")
    ] = CORPUS,
    show_missing: Annotated[
        bool, typer.Option("--show-missing", help="List unanchored gold mentions.")
    ] = False,
) -> None:
    """B-cubed precision, recall and F1 of entity linking over gold mentions."""
    from marsad.evaluation.linking import evaluate_linking, read_gold

    report = evaluate_linking(read_gold(gold), corpus, _analyze_all)
    table = Table("scored on", "mentions", "precision", "recall", "F1")
    for label, score in (
        ("gold mentions the NER found", report.on_found),
        ("all gold (end-to-end)", report.end_to_end),
    ):
        table.add_row(
            label, str(score.mentions), f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}"
        )
    out.print(table)
    out.print(
        f"{report.articles} articles, {report.gold} gold mentions, {report.anchored} anchored, "
        f"{report.found} found by the NER ({report.found / max(1, report.anchored):.0%})"
    )
    if show_missing:
        for line in report.missing:
            out.print(Text(f"  unanchored: {line}"))


def _analyze_all(articles: list[Article]) -> list[Article]:
    """The pipeline, then the corpus registry over all articles in order, as analyze stores them."""
    from marsad.analyze import build_pipeline
    from marsad.corpus.registry import EntityRegistry
    from marsad.kb.base import load_knowledge_base
    from marsad.pipeline import Pipeline, Processed
    from marsad.settings import Settings

    # Stages after linking do not change what is scored; a failure there must not drop an article.
    stages = build_pipeline(Settings()).stages
    names = [stage.name for stage in stages]
    pipeline = Pipeline(stages[: names.index("linking") + 1])
    done = [o.article for o in pipeline.process_many(articles) if isinstance(o, Processed)]
    return EntityRegistry([], [], load_knowledge_base()).apply(done)


def register(main: typer.Typer) -> None:
    """Add this module's commands to the `marsad` app."""
    main.add_typer(app, name="entities")
