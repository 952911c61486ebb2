"""`marsad eval quotes`: quote detection and speaker accuracy on an annotated set.

A gold file is JSON lines, one article each: `{"id", "quotes": [...]}`. An article either
carries its own `text` (quotes then give `start`/`end` offsets into that text; when marsad's
cleaning changes the text, each span is found again by its words) or is a SaudiNewsNet id whose
text is read from `--corpus` and cleaned by marsad's extract stage; its quotes are anchored by
`anchor` (the first words of the quote as cleaned),
`occurrence` (which occurrence of the anchor), `length` (code points) and `sha1` (the first 12
hex digits of the span, so a changed text is reported rather than silently scored). Each quote has
`direct`, `speaker` (the speaker's name as the article gives it, or null), `speaker_text` (the
phrase for an unnamed speaker: "مصدر أمني", "البيان"), `cue` and `via`.

Scoring rules:
* detection: a found quote matches a gold quote when their spans overlap; pairs are matched
  one to one, largest overlap first. Precision = matched found / found, recall = matched gold /
  gold, F1 their harmonic mean; per kind, recall counts gold quotes of that kind and precision
  found quotes of that kind.
* speaker accuracy, on matched pairs: names are compared by their words, folded (hamza, ى/ي,
  ة/ه, harakat) with ال and titles (اللواء، الدكتور، الأمير، الشيخ ...; an outlet's وكالة، صحيفة،
  مجلة، قناة، للأنباء) dropped. A named gold speaker matches when every word of the found name is
  a word of the gold name ("بومبيو" for "مايك بومبيو", "وكالة «رويترز»" for "رويترز"; "محمد حسن
  الحربي" is not "حسن الحربي"); an unnamed gold speaker matches when the found phrase shares a
  word with the gold phrase ("المصادر" for "مصادر محلية").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.arabic.keys import fold
from marsad.errors import InputError
from marsad.evaluation.corpus import corpus_records
from marsad.model import Article, Quote

_TITLES = frozenset(
    fold(w)
    for w in [
        "لواء",
        "اللواء",
        "عميد",
        "العميد",
        "دكتور",
        "الدكتور",
        "د.",
        "د",
        "أمير",
        "الأمير",
        "شيخ",
        "الشيخ",
        "ملك",
        "الملك",
        "سمو",
        "الرئيس",
        "رئيس",
        "وزير",
        "الوزير",
        "المهندس",
        "مهندس",
        "الأستاذ",
        "أستاذ",
        "السيد",
        "السيدة",
        "المايسترو",
        "الفريق",
        "العقيد",
        "المواطن",
        "الأب",
        "معالي",
        # An outlet's kind is its title: "وكالة «رويترز»" names the gold speaker "رويترز".
        "وكالة",
        "صحيفة",
        "مجلة",
        "قناة",
        "أنباء",
        "الأنباء",
        "للأنباء",
    ]
)
_NAME_LINKS = frozenset(fold(w) for w in ("بن", "ابن", "بنت", "عبد", "أبو", "أبا", "آل"))


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    direct: bool
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    via: str | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str | None
    record: dict[str, Any]


@dataclass(slots=True)
class Tally:
    found: int = 0
    gold: int = 0
    matched_found: int = 0
    matched_gold: int = 0
    speaker_pairs: int = 0
    speaker_correct: int = 0

    @property
    def precision(self) -> float:
        return self.matched_found / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_pairs if self.speaker_pairs else 0.0


@dataclass(slots=True)
class Report:
    articles: int = 0
    overall: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: {"direct": Tally(), "reported": Tally()})
    changed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_gold(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file ({exc.strerror})") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}", f"not JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or "id" not in record or "quotes" not in record:
            raise InputError(f"{path}:{number}", "a gold record needs `id` and `quotes`")
        records.append(record)
    return records


def anchor_gold(record: dict[str, Any], text: str) -> tuple[list[GoldQuote], list[str]]:
    """Gold quotes with spans in `text`; the second list names anchors that no longer fit."""
    quotes, changed = [], []
    for item in record["quotes"]:
        if "start" in item and "end" in item:
            start, end = int(item["start"]), int(item["end"])
            own = record.get("text")
            if own and own != text:  # cleaning changed the text: find the span again by its words
                start = text.find(own[start:end])
                if start < 0:
                    changed.append(
                        f"{record['id']}: span {own[item['start'] : end][:30]!r} not in the cleaned text"
                    )
                    continue
                end = start + int(item["end"]) - int(item["start"])
        else:
            positions = _occurrences(text, item["anchor"])
            occurrence = int(item.get("occurrence", 0))
            if occurrence >= len(positions):
                changed.append(f"{record['id']}: anchor {item['anchor']!r} not found")
                continue
            start = positions[occurrence]
            end = start + int(item["length"])
            if "sha1" in item and hashlib.sha1(text[start:end].encode()).hexdigest()[:12] != item["sha1"]:
                changed.append(f"{record['id']}: span at {item['anchor']!r} changed")
        quotes.append(
            GoldQuote(
                start,
                end,
                bool(item["direct"]),
                item.get("speaker"),
                item.get("speaker_text"),
                item.get("cue"),
                item.get("via"),
            )
        )
    return quotes, changed


def _occurrences(text: str, anchor: str) -> list[int]:
    positions, at = [], text.find(anchor)
    while at >= 0:
        positions.append(at)
        at = text.find(anchor, at + 1)
    return positions


def score_article(found: Iterable[Quote], gold: list[GoldQuote], report: Report) -> list[str]:
    """Add one article to `report`; returns lines describing its misses and false alarms."""
    found = list(found)
    pairs = _match(found, gold)
    notes = []
    for tally_name, tally in (("all", report.overall), *report.by_kind.items()):
        kind_found = [q for q in found if tally_name == "all" or _kind(q.direct) == tally_name]
        kind_gold = [g for g in gold if tally_name == "all" or _kind(g.direct) == tally_name]
        tally.found += len(kind_found)
        tally.gold += len(kind_gold)
        tally.matched_found += sum(
            1 for f, _ in pairs if tally_name == "all" or _kind(found[f].direct) == tally_name
        )
        for f, g in pairs:
            if tally_name != "all" and _kind(gold[g].direct) != tally_name:
                continue
            tally.matched_gold += 1
            tally.speaker_pairs += 1
            tally.speaker_correct += speaker_matches(found[f].speaker_text, gold[g])
    matched_f, matched_g = {f for f, _ in pairs}, {g for _, g in pairs}
    for f, g in pairs:
        if not speaker_matches(found[f].speaker_text, gold[g]):
            notes.append(
                f"  speaker: {found[f].speaker_text!r} for {gold[g].speaker or gold[g].speaker_text!r}"
            )
    notes += [
        f"  missed: {g.speaker or g.speaker_text}: {g.cue}" for i, g in enumerate(gold) if i not in matched_g
    ]
    notes += [f"  false alarm: {q.text[:60]!r}" for i, q in enumerate(found) if i not in matched_f]
    return notes


def _kind(direct: bool) -> str:
    return "direct" if direct else "reported"


def _match(found: list[Quote], gold: list[GoldQuote]) -> list[tuple[int, int]]:
    overlaps = []
    for f, quote in enumerate(found):
        for g, expected in enumerate(gold):
            overlap = min(quote.end, expected.end) - max(quote.start, expected.start)
            if overlap > 0:
                overlaps.append((overlap, f, g))
    pairs, used_f, used_g = [], set(), set()
    for _, f, g in sorted(overlaps, reverse=True):
        if f not in used_f and g not in used_g:
            pairs.append((f, g))
            used_f.add(f)
            used_g.add(g)
    return pairs


def name_words(name: str) -> set[str]:
    """Content words of a name or phrase: folded, ال and titles dropped.

    >>> sorted(name_words("اللواء منصور التركي"))
    ['تركي', 'منصور']
    >>> sorted(name_words("وكالة الأناضول للأنباء")), sorted(name_words("مجلة «Caixin»"))
    (['اناضول'], ['caixin'])
    """
    words = set()
    for word in fold(name).replace("«", " ").replace("»", " ").replace('"', " ").split():
        word = word.strip("،,.:()“”")
        if word in _TITLES or word in _NAME_LINKS or len(word) < 2:
            continue
        for prefix in ("وال", "بال", "لل", "ال"):
            if word.startswith(prefix) and len(word) > len(prefix) + 1:
                word = word[len(prefix) :]
                break
        words.add(word)
    return words


def speaker_matches(found: str | None, gold: GoldQuote) -> bool:
    if found is None:
        return False
    found_words = name_words(found)
    if not found_words:
        return False
    if gold.speaker:
        return found_words <= name_words(gold.speaker)
    return bool(found_words & name_words(gold.speaker_text or ""))


def evaluate(
    records: list[dict[str, Any]],
    corpus: Path,
    analyze: Callable[[list[Article]], list[Article | None]],
    *,
    on_article: Callable[[], None] | None = None,
) -> tuple[Report, list[str]]:
    """Score `analyze` (raw articles -> analyzed ones, None when skipped) on the gold records."""
    from marsad.ingest.files import article_from_record

    need = {r["id"] for r in records if not r.get("text")}
    raw = corpus_records(corpus, need)
    report, notes = Report(), []
    articles = []
    for record in records:
        source = record if record.get("text") else raw.get(record["id"])
        if source is None:
            report.errors.append(f"{record['id']}: not in {corpus}")
            continue
        articles.append((record, article_from_record(source, source=record["id"])))
    analyzed = analyze([article for _, article in articles])
    for (record, _), article in zip(articles, analyzed, strict=True):
        if article is None:
            report.errors.append(f"{record['id']}: skipped by the pipeline")
            continue
        gold, changed = anchor_gold(record, article.text)
        report.changed += changed
        report.articles += 1
        lines = score_article(article.quotes, gold, report)
        if lines:
            notes += [f"{record['id']}:", *lines]
        if on_article:
            on_article()
    return report, notes


def format_report(report: Report) -> Iterator[str]:
    yield f"{report.articles} articles, {report.overall.gold} gold quotes, {report.overall.found} found"
    yield f"{'':10} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}  (gold / found / speaker pairs)"
    for name, tally in (("all", report.overall), *report.by_kind.items()):
        yield (
            f"{name:10} {tally.precision:6.3f} {tally.recall:6.3f} {tally.f1:6.3f} "
            f"{tally.speaker_accuracy:8.3f}"
            f"  ({tally.gold} / {tally.found} / {tally.speaker_pairs})"
        )
    yield "Detection: spans overlap, matched one to one. Speaker accuracy on matched quotes: every word"
    yield "of the found name is a word of the gold name (titles, an outlet's وكالة or صحيفة, and ال"
    yield "dropped); an unnamed gold speaker needs one shared word with the found phrase."
    for line in report.changed:
        yield f"warning: {line}"
    for line in report.errors:
        yield f"error: {line}"


def pipeline_analyzer(settings: Any = None) -> Callable[[list[Article]], list[Article | None]]:
    """marsad's own pipeline (cleaning, NER, linking when present, quotes) as `evaluate` wants it."""
    from marsad.analyze import build_pipeline
    from marsad.pipeline import Processed
    from marsad.settings import Settings

    pipeline = build_pipeline(settings or Settings())

    def analyze(articles: list[Article]) -> list[Article | None]:
        outcomes = pipeline.process_many(articles)
        return [o.article if isinstance(o, Processed) else None for o in outcomes]

    return analyze
