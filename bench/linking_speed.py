"""What entity linking costs: the linking stage and the corpus registry against the rest of analyze.

    python bench/linking_speed.py [N] [--analyze]   # N SaudiNewsNet articles, default 8000

Runs the per-article pipeline without linking over N articles (cleaning, dates, NER: what
`marsad analyze` does before linking), then times the linking stage and the registry over the
same articles, and reports the share linking adds to that part. Then fills a registry with
100,000 synthetic person and organization entities and times lookups (exact, variant, unknown).

With --analyze it runs instead the whole `marsad analyze` (every stage, the registry, stories and
the SQLite store) over the same N articles into a temporary database, timing the linking stage
and the registry inside it: the share linking adds to the time of `marsad analyze` itself.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import saudinewsnet
from marsad.analyze import analyze, build_pipeline
from marsad.corpus.registry import EntityRegistry
from marsad.ingest.files import article_from_record
from marsad.kb.base import load_knowledge_base
from marsad.model import Article, Entity
from marsad.pipeline import Pipeline, Processed
from marsad.settings import Settings
from marsad.stages.linking import LinkStage, corpus_id
from marsad.store import open_store

BATCH = 64


def main() -> None:
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    count = int(numbers[0]) if numbers else 8000
    records = list(saudinewsnet(count))
    if "--analyze" in sys.argv:  # alone, so that no cache is warm from a first pass
        whole_analyze(records)
        return
    articles = articles_of(records)
    stages = [s for s in build_pipeline(Settings()).stages if s.name not in ("linking", "quotes")]
    before = Pipeline(stages)
    started = time.perf_counter()
    done: list[Article] = []
    for start in range(0, len(articles), BATCH):
        outcomes = before.process_many(articles[start : start + BATCH])
        done += [o.article for o in outcomes if isinstance(o, Processed)]
    base_s = time.perf_counter() - started
    kb = load_knowledge_base()
    stage = LinkStage(kb)
    registry = EntityRegistry([], [], kb)
    started = time.perf_counter()
    linked = [stage(a) for a in done]
    stage_s = time.perf_counter() - started
    started = time.perf_counter()
    for start in range(0, len(linked), BATCH):
        registry.apply(linked[start : start + BATCH])
    registry_s = time.perf_counter() - started
    mentions = sum(len(a.mentions) for a in done)
    print(f"{len(done)} articles ({mentions} mentions) through extract, dates, NER: {base_s:.1f} s "
          f"({len(done) / base_s:.0f} articles/s)")  # fmt: skip
    print(f"linking stage {stage_s:.1f} s + registry {registry_s:.1f} s "
          f"= {100 * (stage_s + registry_s) / base_s:.1f}% of the time before linking")  # fmt: skip
    print(f"registry after the run: {len(registry.types)} entities")
    lookups(kb)


def articles_of(records: list[dict[str, Any]]) -> list[Article]:
    return [article_from_record(r, source="bench") for r in records if str(r.get("text") or "").strip()]


def whole_analyze(records: list[dict[str, Any]]) -> None:
    spent = {"linking": 0.0}

    def timed(method: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            started = time.perf_counter()
            try:
                return method(*args)
            finally:
                spent["linking"] += time.perf_counter() - started

        return run

    LinkStage.__call__ = timed(LinkStage.__call__)  # type: ignore[method-assign]
    EntityRegistry.apply = timed(EntityRegistry.apply)  # type: ignore[method-assign]
    articles = articles_of(records)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        summary = analyze(iter(articles), store, Settings())
        store.close()
    total, linking = summary.elapsed_s, spent["linking"]
    print(f"marsad analyze of {summary.processed} articles (all stages, registry, stories, store): "
          f"{total:.1f} s, of which linking {linking:.1f} s = {100 * linking / (total - linking):.1f}% "
          f"added to the rest")  # fmt: skip


def lookups(kb: object) -> None:
    rng = random.Random(5)
    letters = "ابتثجحخدرزسشصضطعغفقكلمنهوي"
    registry = EntityRegistry([], [], load_knowledge_base())
    names = []
    for _ in range(100_000):
        name = " ".join(
            "".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(rng.randint(2, 3))
        )
        names.append(name)
        entity_id = corpus_id("PER", name)
        registry._register(entity_id, "PER", (name,), ())
    queries = []
    for name in rng.sample(names, 2000):
        words = name.split()
        typo = words[-1][:-1] + "ا" + words[-1][-1] if len(words[-1]) > 3 else words[-1]
        queries.append(Entity("per:q", " ".join([*words[:-1], typo]), "PER"))
        queries.append(Entity("per:q", name, "PER"))
        queries.append(Entity("per:q", "نيكولاس ماكسيميليان", "PER"))
    started = time.perf_counter()
    for query in queries:
        registry._resolve(query)
    elapsed = time.perf_counter() - started
    print(f"registry with {len(registry.types)} entities: {len(queries)} lookups (exact, variant, unknown) "
          f"in {elapsed:.2f} s = {1e6 * elapsed / len(queries):.0f} µs each")  # fmt: skip


if __name__ == "__main__":
    main()
