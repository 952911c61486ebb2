"""`marsad eval stories`: B-cubed precision, recall and F1 of story assignment on a gold set.

The realistic measure: every article of a corpus (SaudiNewsNet: 31,030) is cleaned and clustered
together, in corpus order, and the score is taken on the annotated articles only. What runs:

- cleaning: `clean_text` with outlet furniture statistics gathered over the whole corpus first
  (as `marsad analyze` gathers them chunk by chunk);
- entity evidence, only when the parameters weigh entities (`entity_weight` > 0; the default
  does not): the shipped gazetteer (`marsad.ner.gazetteer`) matched over title and lead, standing
  in for the NER and linking stages, which take ~8 minutes on this corpus;
- `StoryIndex.assign` in batches of 256 articles (`marsad analyze` passes 64; the batch's scores
  are kept exact as its articles join stories, so the size changes speed, and idf only slightly),
  and `StoryIndex.consolidate` (the merge pass over fragments) every 512 articles and at the end,
  as `marsad analyze` runs it at every commit of 500. Each next batch's inputs (hashed counts,
  title names, MinHash signatures: `stories.read_inputs`) are read in a worker process while the
  batch before is placed: the same stories, a quarter sooner on two cores.

A gold file is JSON lines: `{"id": ..., "story": ...}` per annotated article (texts are read from
the corpus by id) or `{"id": ..., "story": ..., "text": ..., "title": ..., "outlet": ...,
"published": ...}` for a user's own articles; lines without an `id` (story notes) are ignored. An
article may be named by its `url` instead, and the corpus may be SaudiNewsNet as published
(`content`, `date_extracted`, no `id`).
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import signal
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from marsad.corpus.furniture import OutletFurniture
from marsad.corpus.stories import BatchInputs, StoryIndex, StoryParams, read_inputs
from marsad.errors import UsageError
from marsad.model import Article, EntityType, Mention
from marsad.ner.gazetteer import MAX_TOKENS, Gazetteer
from marsad.ner.tokens import lookup_form, strip_clitics, tokenize
from marsad.stages.extract import clean_text

#: Characters of title + body the gazetteer is matched over (the entities a story is about are
#: named early; the whole text would triple the time).
ENTITY_CHARS = 800


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    articles: int
    stories: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def b_cubed(gold: dict[str, str], predicted: dict[str, str]) -> Score:
    """B-cubed over the articles of `gold`; predicted clusters are restricted to those articles.

    >>> s = b_cubed({"a": "x", "b": "x", "c": "y"}, {"a": "1", "b": "2", "c": "2"})
    >>> round(s.precision, 3), round(s.recall, 3)
    (0.667, 0.667)
    """
    ids = [i for i in gold if i in predicted]
    if not ids:
        raise UsageError("no annotated article was clustered: do the gold ids match the corpus?")
    pairs = Counter((gold[i], predicted[i]) for i in ids)
    gold_sizes = Counter(gold[i] for i in ids)
    predicted_sizes = Counter(predicted[i] for i in ids)
    precision = sum(pairs[gold[i], predicted[i]] / predicted_sizes[predicted[i]] for i in ids) / len(ids)
    recall = sum(pairs[gold[i], predicted[i]] / gold_sizes[gold[i]] for i in ids) / len(ids)
    return Score(precision, recall, len(ids), len(gold_sizes))


def read_gold(path: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Gold story per article id, and the records that carry their own text."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the gold set ({exc.strerror})") from exc
    gold: dict[str, str] = {}
    own: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        record = corpus_record(record)
        if not record.get("id"):
            continue
        if "story" not in record:
            raise UsageError(f"{path}:{number}: article {record['id']} has no gold 'story'")
        gold[str(record["id"])] = str(record["story"])
        if "text" in record:
            own.append(record)
    if not gold:
        raise UsageError(f"{path}: no annotated article (lines with 'id' or 'url', and 'story')")
    return gold, own


def read_corpus(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """SaudiNewsNet-shaped JSON lines (`id, source|outlet, title, author, fetched_at|published, text`,
    or the upstream `url, source, title, author, date_extracted, content`)."""
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as stream:
            for n, line in enumerate(stream):
                if limit is not None and n >= limit:
                    return
                if not line.strip():
                    continue
                try:
                    record = corpus_record(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise UsageError(f"{path}:{n + 1}: not JSON ({exc.msg})") from exc
                if record.get("id") in (None, ""):
                    raise UsageError(f"{path}:{n + 1}: an article needs an 'id' or a 'url'")
                yield record
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the corpus ({exc.strerror or exc})") from exc


def corpus_record(record: dict[str, Any]) -> dict[str, Any]:
    """`record` with SaudiNewsNet's upstream field names (`content`, `date_extracted`, no `id`)
    read as ours (`text`, `fetched_at`, its `url` as `id`), so either shape can be clustered and
    a gold set can name its articles by URL.

    >>> corpus_record({"url": "http://okaz.com.sa/1", "content": "نص", "date_extracted": "2015-08-06"})
    {'url': 'http://okaz.com.sa/1', 'id': 'http://okaz.com.sa/1', 'text': 'نص', 'fetched_at': '2015-08-06'}
    """
    renamed = {"id": "url", "text": "content", "fetched_at": "date_extracted"}
    missing = {
        ours: record[theirs] for ours, theirs in renamed.items() if ours not in record and theirs in record
    }
    return {key: value for key, value in record.items() if key not in ("content", "date_extracted")} | missing


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def prepare_articles(records: Sequence[dict[str, Any]], gazetteer: Gazetteer | None) -> list[Article]:
    """Clean every record (outlet furniture from all of them first) and attach gazetteer mentions."""
    furniture = OutletFurniture()
    for record in records:
        furniture.observe(_outlet(record), record.get("text") or "")
    articles = []
    for record in records:
        outlet = _outlet(record)
        cleaned = clean_text(
            record.get("text") or "",
            title=record.get("title"),
            author=record.get("author"),
            is_outlet_furniture=furniture.for_outlet(outlet),
        )
        title = cleaned.title or record.get("title")
        article = Article(
            id=str(record["id"]),
            source=str(record.get("url") or record["id"]),
            text=cleaned.text,
            title=title,
            outlet=outlet,
            published_at=_moment(record.get("published")) or cleaned.published_at,
            fetched_at=_moment(record.get("fetched_at")),
            agency=cleaned.agency,
        )
        if gazetteer is not None:
            head = f"{title or ''}\n{cleaned.text[:ENTITY_CHARS]}"
            article = Article(**{**_fields(article), "mentions": gazetteer_mentions(head, gazetteer)})
        articles.append(article)
    return articles


def _fields(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in Article.__slots__}


def _outlet(record: dict[str, Any]) -> str | None:
    value = record.get("outlet") or record.get("source")
    return str(value) if value else None


def gazetteer_mentions(text: str, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Longest gazetteer matches in `text` as mentions (offsets index `text`).

    >>> g = Gazetteer({("حلف", "شمال", "الاطلسي"): frozenset({"ORG"})})
    >>> [m.text for m in gazetteer_mentions("قال لحلف شمال الأطلسي", g)]
    ['لحلف شمال الأطلسي']
    """
    tokens = tokenize(text)
    forms = [lookup_form(t.text) for t in tokens]
    mentions = []
    i = 0
    while i < len(tokens):
        heads = {forms[i], strip_clitics(forms[i])[1]}
        for length in range(min(MAX_TOKENS, len(tokens) - i), 0, -1):
            tail = tuple(forms[i + 1 : i + length])
            kinds = next((k for h in heads if (k := gazetteer.entries.get((h, *tail)))), None)
            if kinds:
                start, end = tokens[i].start, tokens[i + length - 1].end
                kind: EntityType = "PER" if "PER" in kinds else "ORG" if "ORG" in kinds else "LOC"
                mentions.append(Mention(start, end, text[start:end], kind))
                i += length
                break
        else:
            i += 1
    return tuple(mentions)


def cluster(
    articles: Sequence[Article],
    index: StoryIndex,
    *,
    batch_size: int = 256,
    commit_size: int = 512,
    on_batch: Callable[[int], None] | None = None,
    prefetch: bool = False,
) -> dict[str, str]:
    """Story id per article id, assigned batch by batch in corpus order, fragments merged every
    `commit_size` articles and at the end (as `marsad analyze` merges them at each commit).
    `prefetch`: each next batch's `read_inputs` computed in a worker process meanwhile (the
    index's `name_reader` must pickle: the default does); the same stories, sooner."""
    stories: dict[str, str] = {}
    since_commit = 0
    batches = [articles[start : start + batch_size] for start in range(0, len(articles), batch_size)]
    read = _inputs_ahead(batches, index) if prefetch else [None] * len(batches)
    for batch, inputs in zip(batches, read, strict=True):
        for placed in index.assign(batch, inputs=inputs):
            stories[placed.article_id] = placed.story
        since_commit += len(batch)
        if since_commit >= commit_size:
            index.consolidate()
            since_commit = 0
        if on_batch:
            on_batch(len(batch))
    index.consolidate()
    # Stories merged after their first articles were placed: those articles follow them.
    return {article_id: index.resolve(story) for article_id, story in stories.items()}


def _inputs_ahead(batches: Sequence[Sequence[Article]], index: StoryIndex) -> Iterator[BatchInputs | None]:
    """Each batch's inputs, read by a worker process while the batch before is placed (the first
    batch's are read by `assign` itself while the worker starts)."""
    spawn = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    with ProcessPoolExecutor(1, mp_context=spawn, initializer=_ignore_interrupts) as worker:
        ahead: Future[BatchInputs] | None = None
        for i in range(len(batches)):
            current = ahead.result() if ahead else None
            ahead = (
                worker.submit(read_inputs, index.params, batches[i + 1], index.name_reader)
                if i + 1 < len(batches)
                else None
            )
            yield current


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the worker too: the main process stops it (and says so), without a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def load_for_eval(
    gold_path: Path, corpus_path: Path | None, *, limit: int | None = None
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Gold stories and the records to cluster: the corpus (if given) plus gold's own texts."""
    gold, own = read_gold(gold_path)
    records: list[dict[str, Any]] = []
    if corpus_path is not None:
        records.extend(read_corpus(corpus_path, limit))
    known = {str(r["id"]) for r in records}
    by_url = {str(r["url"]): str(r["id"]) for r in records if r.get("url")}
    # A gold article named by its URL is the corpus article of that URL.
    gold = {by_url.get(key, key) if key not in known else key: story for key, story in gold.items()}
    records.extend(r for r in own if str(r["id"]) not in known)
    missing = [i for i in gold if i not in known and i not in {str(r["id"]) for r in own}]
    if missing and limit is None:
        raise UsageError(
            f"{len(missing)} gold articles are neither in the corpus nor carry a text (first: {missing[0]})"
        )
    return gold, records


def evaluate_stories(
    gold: dict[str, str],
    records: Sequence[dict[str, Any]],
    params: StoryParams | None = None,
    *,
    use_gazetteer: bool | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[Score, dict[str, str]]:
    """The B-cubed score of `records` cleaned and clustered together, and each one's story;
    `on_batch` is told how many articles each clustered batch held."""
    index = StoryIndex(params)
    if use_gazetteer is None:  # matching the gazetteer is a third of the time: only when it counts
        use_gazetteer = index.params.entity_weight > 0
    articles = prepare_articles(records, Gazetteer.load() if use_gazetteer else None)
    predicted = cluster(articles, index, on_batch=on_batch, prefetch=True)
    return b_cubed(gold, predicted), predicted


def stories_by_gold(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, Counter[str]]:
    """For each gold story, how its articles spread over predicted stories (for error reports)."""
    spread: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, story in gold.items():
        spread[story][predicted.get(article_id, "-")] += 1
    return dict(spread)
