"""`marsad eval linking`: entity linking scored with B-cubed over gold mentions.

A gold file is JSON lines, one article each: `{"id", "outlet", "mentions": [{"text",
"occurrence", "entity"}]}`. `entity` is a gold cluster label shared by every mention of one
real-world referent across the whole file. An article either carries its own `text` (then the
mentions are anchored in it as given) or is a SaudiNewsNet id whose text is read from the corpus
and cleaned by marsad's extract stage; a mention is the `occurrence`-th (0-based) appearance of
`text` in the cleaned text as a whole word, allowing one or two proclitic letters before it
(و ف ب ل ك: لهادي holds هادي). A mention whose anchor is missing is reported, not scored.

All articles go through the whole pipeline (linking included) and then the corpus registry in
file order, as `marsad analyze` would store them. A system mention matches a gold mention when
their spans overlap (one to one, largest overlap first). Two B-cubed scores: over the gold
mentions the NER found ("found": linking alone), and over every gold mention, each one the NER
missed counting as its own singleton ("end-to-end").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import InputError, UsageError
from marsad.evaluation.corpus import corpus_records
from marsad.model import Article, Mention

_PROCLITIC = frozenset("وفبلك")
_LETTER = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class GoldMention:
    article: str
    text: str
    occurrence: int
    entity: str


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    mentions: int


@dataclass(frozen=True, slots=True)
class LinkingReport:
    articles: int
    gold: int
    anchored: int
    found: int
    on_found: BCubed
    end_to_end: BCubed
    missing: tuple[str, ...]


def read_gold(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise UsageError(f"{path}: no such gold file")
    records = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}", f"not JSON ({exc.msg})") from exc
    return records


def anchor(text: str, mention: str, occurrence: int) -> tuple[int, int] | None:
    """The span of the `occurrence`-th whole-word appearance of `mention` in `text`.

    >>> anchor("قال هادي إن الموالين لهادي", "هادي", 1)
    (22, 26)
    >>> anchor("الإيراني", "إيران", 0) is None
    True
    """
    for seen, start in enumerate(_starts(text, mention)):
        if seen == occurrence:
            return start, start + len(mention)
    return None


def _starts(text: str, mention: str) -> Iterator[int]:
    start = text.find(mention)
    while start >= 0:
        end = start + len(mention)
        if _word_start(text, start) and not (end < len(text) and _LETTER.match(text[end])):
            yield start
        start = text.find(mention, start + 1)


def _word_start(text: str, start: int) -> bool:
    back = start
    while back > 0 and start - back < 2 and text[back - 1] in _PROCLITIC:
        back -= 1
    return back == 0 or not _LETTER.match(text[back - 1])


def match_mentions(gold: list[tuple[int, int]], found: list[Mention]) -> dict[int, Mention]:
    """Gold index → the system mention matched to it (overlapping, one to one)."""
    pairs = []
    for g, (start, end) in enumerate(gold):
        for s, mention in enumerate(found):
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > 0:
                pairs.append((overlap, g, s))
    matched: dict[int, Mention] = {}
    used: set[int] = set()
    for _, g, s in sorted(pairs, reverse=True):
        if g not in matched and s not in used:
            matched[g] = found[s]
            used.add(s)
    return matched


def b_cubed(pairs: list[tuple[str, str]]) -> BCubed:
    """B-cubed over (gold cluster, system cluster) pairs, one pair per mention.

    >>> round(b_cubed([("a", "x"), ("a", "x"), ("b", "x")]).precision, 3)
    0.556
    """
    if not pairs:
        return BCubed(0.0, 0.0, 0.0, 0)
    both = Counter(pairs)
    gold = Counter(g for g, _ in pairs)
    system = Counter(s for _, s in pairs)
    precision = sum(both[g, s] / system[s] for g, s in pairs) / len(pairs)
    recall = sum(both[g, s] / gold[g] for g, s in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(pairs))


def evaluate_linking(
    gold_records: list[dict[str, Any]],
    corpus: Path,
    analyze: Callable[[list[Article]], list[Article]],
) -> LinkingReport:
    """Score `analyze` (articles in → analyzed, linked articles out, in order) on the gold set."""
    from marsad.ingest.files import article_from_record

    texts = corpus_records(corpus, {r["id"] for r in gold_records if not r.get("text")})
    articles = []
    for record in gold_records:
        source = record if record.get("text") else texts.get(record["id"])
        if source is None:
            raise UsageError(f"gold article {record['id']} is not in {corpus}")
        articles.append(article_from_record(source, source=f"gold:{record['id']}"))
    analyzed = {a.id: a for a in analyze(articles)}
    return _score(gold_records, analyzed)


def _score(gold_records: Iterable[dict[str, Any]], analyzed: dict[str, Article]) -> LinkingReport:
    on_found: list[tuple[str, str]] = []
    end_to_end: list[tuple[str, str]] = []
    missing: list[str] = []
    total = articles = 0
    for record in gold_records:
        articles += 1
        article = analyzed.get(record["id"])
        mentions = [
            GoldMention(record["id"], m["text"], m["occurrence"], m["entity"]) for m in record["mentions"]
        ]
        total += len(mentions)
        if article is None:
            missing.append(f"{record['id']}: skipped by the pipeline")
            continue
        spans, kept = [], []
        for gold in mentions:
            span = anchor(article.text, gold.text, gold.occurrence)
            if span is None:
                missing.append(f"{gold.article}: {gold.text!r} #{gold.occurrence}")
            else:
                spans.append(span)
                kept.append(gold)
        matched = match_mentions(spans, list(article.mentions))
        for index, gold in enumerate(kept):
            found = matched.get(index)
            if found is not None and found.entity:
                on_found.append((gold.entity, found.entity))
                end_to_end.append((gold.entity, found.entity))
            else:
                end_to_end.append((gold.entity, f"missed:{gold.article}:{index}"))
    return LinkingReport(
        articles=articles,
        gold=total,
        anchored=len(end_to_end),
        found=len(on_found),
        on_found=b_cubed(on_found),
        end_to_end=b_cubed(end_to_end),
        missing=tuple(missing),
    )
