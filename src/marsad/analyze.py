"""`marsad analyze` as a library call: read inputs, run the pipeline, store, report.

Inputs are taken in chunks: the lines of a chunk update each outlet's furniture statistics
before the chunk is cleaned, so lines that repeat across an outlet's articles are removed. An
article whose input is unchanged since it was stored is not analyzed again, which makes
re-running idempotent and lets an interrupted run resume where it stopped.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from marsad import __version__
from marsad.arabic.keys import fold
from marsad.corpus.furniture import OutletFurniture
from marsad.ingest.files import Read
from marsad.model import Article
from marsad.pipeline import Failed, Outcome, Pipeline, Skipped
from marsad.records import article_record
from marsad.settings import Settings
from marsad.stages.dates import DateStage
from marsad.stages.entities import EntityStage
from marsad.stages.extract import Extract
from marsad.stages.linking import LinkStage
from marsad.stages.quotes import QuoteStage
from marsad.store import Store

RecordSink = Callable[[dict[str, Any]], None]
#: Articles that go through the pipeline together (a tagger fills its batches across them).
BATCH = 64


@dataclass(slots=True)
class Summary:
    processed: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    elapsed_s: float = 0.0

    @property
    def seen(self) -> int:
        return self.processed + self.unchanged + len(self.skipped) + len(self.failed)


class CorpusStep(Protocol):
    """A step that needs the rest of the corpus (the entity registry, stories).

    It runs on each batch of analyzed articles, in input order, after the per-article pipeline
    and before the batch is stored; its state loads from the store once and is saved at every
    commit, so an interrupted run keeps what was stored.
    """

    name: str

    def apply(self, articles: list[Article]) -> list[Article]: ...

    def save(self, store: Store) -> None: ...


def build_corpus_steps(settings: Settings, store: Store) -> list[CorpusStep]:
    from marsad.corpus.registry import EntityRegistry
    from marsad.corpus.stories import SEMANTIC_PARAMS, StoryStep

    params = SEMANTIC_PARAMS if settings.semantic_stories else None
    # The registry first: mention entity ids are final when stories are assigned.
    return [EntityRegistry.from_store(store), StoryStep.from_store(store, params)]


def build_pipeline(settings: Settings, furniture: OutletFurniture | None = None) -> Pipeline:
    return Pipeline(
        [
            Extract.from_settings(settings, furniture=furniture),
            DateStage.from_settings(settings),
            EntityStage.from_settings(settings),
            LinkStage.from_settings(settings),
            QuoteStage.from_settings(settings),
        ]
    )


def analyze(
    reads: Iterable[Read],
    store: Store,
    settings: Settings,
    *,
    sink: RecordSink | None = None,
    on_item: Callable[[], None] | None = None,
) -> Summary:
    """Analyze every input into `store`; each stored record also goes to `sink`."""
    started = time.perf_counter()
    summary = Summary()
    furniture = OutletFurniture.from_rows(*store.load_outlet_lines())
    pipeline = build_pipeline(settings, furniture)
    steps = build_corpus_steps(settings, store)
    version = f"{__version__}:{','.join((*pipeline.names, *(step.name for step in steps)))}"
    try:
        for chunk in _chunks(reads, settings.chunk_size):
            todo = _triage(chunk, store, settings, version, summary, sink)
            for article, _ in todo:
                if article.html is None and store.fingerprint_of(article.id) is None:
                    furniture.observe(article.outlet, article.text)
            for start in range(0, len(todo), BATCH):
                batch = todo[start : start + BATCH]
                outcomes = pipeline.process_many([article for article, _ in batch])
                analyzed = _analyzed(batch, outcomes, store, summary)
                articles = [article for article, _ in analyzed]
                for step in steps:
                    articles = step.apply(articles)
                for article, (_, fingerprint) in zip(articles, analyzed, strict=True):
                    _save(article, fingerprint, store, summary, sink)
                if on_item:
                    for _ in batch:
                        on_item()
            _commit(store, steps)
            if on_item:
                for _ in range(len(chunk) - len(todo)):
                    on_item()
    finally:
        _commit(store, steps)
        store.save_outlet_lines(furniture.rows(), furniture.outlet_counts())
        summary.elapsed_s = time.perf_counter() - started
    return summary


def _chunks(reads: Iterable[Read], size: int) -> Iterator[list[Read]]:
    iterator = iter(reads)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _triage(
    chunk: list[Read],
    store: Store,
    settings: Settings,
    version: str,
    summary: Summary,
    sink: RecordSink | None,
) -> list[tuple[Article, str]]:
    """Record failures and unchanged inputs; return the articles that need analysis."""
    todo: list[tuple[Article, str]] = []
    for item in chunk:
        if isinstance(item, Failed):
            summary.failed.append(item)
        elif isinstance(item, Skipped):
            summary.skipped.append(item)
        else:
            fingerprint = input_fingerprint(item, version)
            if not settings.reanalyze and store.fingerprint_of(item.id) == fingerprint:
                summary.unchanged += 1
                stored = store.get_article(item.id)
                if sink and stored:
                    sink(stored)
            else:
                todo.append((item, fingerprint))
    return todo


def _analyzed(
    batch: list[tuple[Article, str]], outcomes: list[Outcome], store: Store, summary: Summary
) -> list[tuple[Article, str]]:
    """The analyzed articles with their fingerprints; why the others are missing goes to `summary`."""
    analyzed: list[tuple[Article, str]] = []
    batch_keys: dict[tuple[str | None, str], str] = {}
    for (_, fingerprint), outcome in zip(batch, outcomes, strict=True):
        if isinstance(outcome, Skipped):
            summary.skipped.append(outcome)
            continue
        if isinstance(outcome, Failed):
            summary.failed.append(outcome)
            continue
        done = outcome.article
        key = (done.outlet, content_key(done.text))
        duplicate = batch_keys.get(key) or store.duplicate_of(done, key[1])
        if duplicate and duplicate != done.id:
            reason = f"article {done.id} duplicates {duplicate} of the same outlet"
            summary.skipped.append(Skipped(done.source, reason))
            continue
        batch_keys[key] = done.id
        analyzed.append((done, fingerprint))
    return analyzed


def _save(
    article: Article, fingerprint: str, store: Store, summary: Summary, sink: RecordSink | None
) -> None:
    store.save_article(article, fingerprint=fingerprint, content_key=content_key(article.text))
    summary.processed += 1
    if sink:
        sink(article_record(article))


def _commit(store: Store, steps: list[CorpusStep]) -> None:
    for step in steps:
        step.save(store)
    store.commit()


def input_fingerprint(article: Article, version: str) -> str:
    """What decides whether a stored analysis is still valid for this input."""
    parts = (
        version,
        article.source,
        article.text,
        article.html or "",
        article.title or "",
        article.outlet or "",
        str(article.published_at),
        article.url or "",
    )
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def content_key(text: str) -> str:
    return hashlib.sha1(" ".join(fold(text).split()).encode()).hexdigest()
