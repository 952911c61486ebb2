"""The stage contract and the runner that maps stages over articles.

A stage is a callable `Article -> Article` that declares which Article fields it `requires` and
which it `provides`. It does no I/O when called (resources load once when it is built), so a
pipeline pickles onto other processes. One article that breaks a stage becomes a `Failed`
outcome; one rejected on purpose (`SkipArticle`) becomes `Skipped`; the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

from marsad.errors import MarsadError, PipelineError
from marsad.model import Article

#: Fields every article has from ingestion on.
INGESTED_FIELDS = frozenset(
    {"id", "source", "text", "html", "url", "outlet", "title", "author", "published_at", "fetched_at"}
)


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    provides: ClassVar[frozenset[str]]

    def __call__(self, article: Article) -> Article: ...


class SkipArticle(Exception):
    """Raised by a stage that rejects an article on purpose (empty, not Arabic, duplicate)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Processed:
    article: Article


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Failed:
    source: str
    reason: str


Outcome = Processed | Skipped | Failed


class Pipeline:
    """Stages in order; building one whose order cannot satisfy a `requires` fails at once."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(INGESTED_FIELDS)
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage provides"
                )
            available |= stage.provides
        self.stages = tuple(stages)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def process(self, article: Article) -> Outcome:
        return self.process_many([article])[0]

    def process_many(self, articles: Sequence[Article]) -> list[Outcome]:
        """Outcomes of `articles`, in order. A stage with a `call_many` method gets every article
        still alive at once (a tagger batches their sentences); if that call fails, the stage
        runs article by article so one broken article fails alone."""
        current: list[Article | Outcome] = [*articles]
        for stage in self.stages:
            alive = [(i, item) for i, item in enumerate(current) if isinstance(item, Article)]
            batch = [article for _, article in alive]
            batched = _call_many(stage, batch) if hasattr(stage, "call_many") else None
            for position, (i, article) in enumerate(alive):
                current[i] = batched[position] if batched is not None else _call_one(stage, article)
        return [Processed(item) if isinstance(item, Article) else item for item in current]

    def run(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        for article in articles:
            yield self.process(article)


def _call_one(stage: Stage, article: Article) -> Article | Outcome:
    try:
        return stage(article)
    except SkipArticle as skip:
        return Skipped(article.source, skip.reason)
    except MarsadError as exc:
        return Failed(article.source, exc.message)
    except Exception as exc:
        return Failed(article.source, f"stage {stage.name} failed: {type(exc).__name__}: {exc}")


def _call_many(stage: Stage, articles: list[Article]) -> list[Article | Outcome] | None:
    try:
        return list(stage.call_many(articles))  # type: ignore[attr-defined]
    except Exception:
        return None
