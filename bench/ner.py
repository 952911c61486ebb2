"""NER accuracy and speed on the dev split (the last 10% of ANERcorp train sentences).

Run: .venv/bin/python bench/ner.py [--model PATH]
Prints precision/recall/F1 per type and overall (CoNLL exact match), tokens/s of tagging on one
core (CoNLL input, cold and warm token cache), and tokens/s of the entities stage on running text.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import SHARED, require, saudinewsnet
from marsad.model import Article
from marsad.ner.conll import read_conll, score
from marsad.ner.tagger import PACKAGED_MODEL, Tagger
from marsad.stages.entities import EntityStage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=PACKAGED_MODEL)
    parser.add_argument("--dev-fraction", type=float, default=0.1)
    args = parser.parse_args()
    labeled = read_conll(require(SHARED / "anercorp" / "train.txt"))
    dev = labeled[int(len(labeled) * (1 - args.dev_fraction)) :]
    tokens = [t for t, _ in dev]
    count = sum(map(len, tokens))
    tagger = Tagger.load(args.model)
    for run in ("cold", "warm"):
        started = time.perf_counter()
        predicted = tagger.tag_tokens(tokens)
        elapsed = time.perf_counter() - started
        print(f"tagging ({run} cache): {count:,} tokens in {elapsed:.2f} s = {count / elapsed:,.0f} tokens/s")
    result = score([tags for _, tags in dev], predicted)
    print(f"dev split: {len(dev)} sentences, {count:,} tokens")
    for kind, (p, r, f, n) in sorted(result.per_type.items()):
        print(f"  {kind:<5} P {p:5.1f}  R {r:5.1f}  F1 {f:5.1f}  ({n} gold)")
    p, r, f, n = result.overall
    print(f"  all   P {p:5.1f}  R {r:5.1f}  F1 {f:5.1f}  ({n} gold)")
    articles = [Article(id=r["id"], source="bench", text=r["text"]) for r in saudinewsnet(500)]
    fresh = Tagger.load(args.model)
    stage = EntityStage(fresh.tag_tokens, fresh.word_frequency)
    started = time.perf_counter()
    done = [a for start in range(0, len(articles), 64) for a in stage.call_many(articles[start : start + 64])]
    elapsed = time.perf_counter() - started
    mentions = sum(len(a.mentions) for a in done)
    texts = [a.text for a in articles]
    words = sum(len(text.split()) for text in texts)
    print(
        f"entities stage on 500 news articles, 64 at a time: {words:,} words, {mentions:,} mentions, "
        f"{words / elapsed:,.0f} words/s including tokenization"
    )


if __name__ == "__main__":
    main()
