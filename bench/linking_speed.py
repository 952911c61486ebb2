"""What entity linking costs: the linking stage and the corpus registry against the rest of analyze.

    python bench/linking_speed.py [N]          # N SaudiNewsNet articles, default 8000

Runs the per-article pipeline without linking over N articles (cleaning, dates, NER: what
`marsad analyze` does before linking), then times the linking stage and the registry over the
same articles, and reports the share linking adds. Then fills a registry with 100,000 synthetic
person and organization entities and times lookups (exact, variant, unknown).
"""

from __future__ import annotations

import random
import sys
import time

from common import saudinewsnet
from marsad.analyze import build_pipeline
from marsad.corpus.registry import EntityRegistry
from marsad.ingest.files import article_from_record
from marsad.kb.base import load_knowledge_base
from marsad.model import Article, Entity
from marsad.pipeline import Pipeline, Processed
from marsad.settings import Settings
from marsad.stages.linking import LinkStage, corpus_id

BATCH = 64


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    records = list(saudinewsnet(count))
    articles = [article_from_record(r, source="bench") for r in records if (r.get("text") or "").strip()]
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
