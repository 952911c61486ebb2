"""Self-training data: unlabeled news sentences tagged by an ensemble of teacher taggers.

A sentence is kept only when every teacher gives it exactly the same tags. Teachers trained
from different seeds disagree mostly where they are unsure, so unanimity is a cheap confidence
filter: on the dev split, the sentences all five teachers of an experiment agreed on (53% of
them) were tagged at 85 F1 (90 precision), against 75 F1 for any one teacher on all of dev.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from marsad.ner.conll import Sentence
from marsad.ner.tokens import sentences as split_sentences

TagTokens = Callable[[Sequence[Sequence[str]]], list[list[str]]]
MIN_TOKENS = 6
MAX_TOKENS = 80


def news_sentences(corpus: Path, count: int, every: int = 7) -> list[list[str]]:
    """The first `count` sentences of 6 to 80 tokens from every `every`-th article of a
    SaudiNewsNet-style JSON-lines file (spreading them over outlets and dates)."""
    found: list[list[str]] = []
    for text in _article_texts(corpus, every):
        for group in split_sentences(text, limit=MAX_TOKENS):
            if len(group) >= MIN_TOKENS:
                found.append([token.text for token in group])
        if len(found) >= count:
            break
    return found[:count]


def _article_texts(corpus: Path, every: int) -> Iterator[str]:
    with gzip.open(corpus, "rt", encoding="utf-8") as stream:
        for index, line in enumerate(stream):
            if index % every == 0:
                yield json.loads(line).get("text") or ""


def unanimous(sentences: Sequence[Sequence[str]], teachers: Sequence[TagTokens]) -> list[Sentence]:
    """(tokens, tags) of the sentences every teacher tags identically.

    >>> teachers = [lambda s: [["O", "B-PER"], ["O", "O"]], lambda s: [["O", "B-PER"], ["O", "B-LOC"]]]
    >>> unanimous([["قال", "سلمان"], ["في", "جدة"]], teachers)  # said Salman / in Jeddah
    [(['قال', 'سلمان'], ['O', 'B-PER'])]
    """
    predictions = [teacher(sentences) for teacher in teachers]
    return [
        (list(tokens), tags)
        for tokens, tags, *others in zip(sentences, *predictions, strict=True)
        if all(other == tags for other in others)
    ]


def sample(labeled: Sequence[Sentence], count: int, seed: int) -> list[Sentence]:
    """`count` sentences drawn at random (reproducibly) from `labeled`."""
    chosen = list(labeled)
    random.Random(seed).shuffle(chosen)
    return chosen[:count]
