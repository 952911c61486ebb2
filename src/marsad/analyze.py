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
from typing import Any

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


def build_pipeline(settings: Settings, furniture: OutletFurniture | None = None) -> Pipeline:
    return Pipeline(
        [
            Extract.from_settings(settings, furniture=furniture),
            DateStage.from_settings(settings),
            EntityStage.from_settings(settings),
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
    version = f"{__version__}:{','.join(pipeline.names)}"
    try:
        for chunk in _chunks(reads, settings.chunk_size):
            todo = _triage(chunk, store, settings, version, summary, sink)
            for article, _ in todo:
                if article.html is None and store.fingerprint_of(article.id) is None:
                    furniture.observe(article.outlet, article.text)
            for start in range(0, len(todo), BATCH):
                batch = todo[start : start + BATCH]
                outcomes = pipeline.process_many([article for article, _ in batch])
                for (_, fingerprint), outcome in zip(batch, outcomes, strict=True):
                    _record(outcome, fingerprint, store, summary, sink)
                    if on_item:
                        on_item()
            store.commit()
            if on_item:
                for _ in range(len(chunk) - len(todo)):
                    on_item()
    finally:
        store.commit()
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


def _record(
    outcome: Outcome, fingerprint: str, store: Store, summary: Summary, sink: RecordSink | None
) -> None:
    if isinstance(outcome, Skipped):
        summary.skipped.append(outcome)
        return
    if isinstance(outcome, Failed):
        summary.failed.append(outcome)
        return
    done = outcome.article
    key = content_key(done.text)
    duplicate = store.duplicate_of(done, key)
    if duplicate:
        summary.skipped.append(
            Skipped(done.source, f"article {done.id} duplicates {duplicate} of the same outlet")
        )
        return
    store.save_article(done, fingerprint=fingerprint, content_key=key)
    summary.processed += 1
    if sink:
        sink(article_record(done))


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
