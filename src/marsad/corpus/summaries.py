"""What a story says: its title, an extractive summary, shared claims and the entities involved.

- Summary: sentences of the story's articles (their leads) scored by centrality (mean TF-IDF
  cosine with the story's other sentences, as in LexRank's degree centrality); 2-4 are picked
  greedily, skipping any too similar to one already chosen (redundancy removal) and preferring
  an outlet not yet quoted, so the summary draws on several outlets.
- Claims: the same sentence (cosine ≥ `CLAIM_SIMILARITY`) or the same quote reported by two or
  more outlets, with the outlets and articles for each; republished copies count once as
  independent reports (`independent`).
- Differences: the same statement reported with different counts (a toll, a number of arrests)
  by two outlets within `DIFFERENCE_HOURS`: sentences alike once their figures are masked
  (`DIFFERENCE_SIMILARITY`), a count of each between the same words ("مقتل … شخصا") and more
  than 1% apart. Dates, years, clock times, scores, prices and shares are not compared; two
  sentences that resolve to different days or name different things of one kind are two
  statements of one template.
- Dated events: the days the lead sentences date (relative dates resolved), those most outlets
  date first (`EVENTS`), in order, each with its most central sentence.
- Title: the title of the original (not copied) article nearest the story's centre.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import combinations
from typing import TypeVar

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from marsad.arabic.calendar import HIJRI_MONTHS, MONTHS
from marsad.arabic.keys import _stem, fold
from marsad.model import Article, Claim, DatedEvent, DateMention, Difference, Mention, Story, Version

SUMMARY_SENTENCES = 4
#: Sentences closer than this to one already in the summary say the same thing.
REDUNDANT = 0.5
CLAIM_SIMILARITY = 0.7
#: Sentences this close once their figures are masked tell one statement (see `find_differences`).
DIFFERENCE_SIMILARITY = 0.75
DIFFERENCES = 10
#: ... and only reports this close in time: the same template's figures of another day are not a
#: disagreement (a story of daily closes holds many).
DIFFERENCE_HOURS = 12
EVENTS = 12
#: Only the lead of each article: what is reported, not the background paragraphs.
LEAD_SENTENCES = 6
MIN_WORDS, MAX_WORDS = 6, 60
#: The most recent articles a description is computed from (large stories stay cheap).
MAX_ARTICLES = 80

# A dot between digits is a decimal point ("2.38"), not a sentence's end.
_SENTENCE_RE = re.compile(r"(?:[^.!؟?\n]|(?<=\d)\.(?=\d))+[.!؟?]?")
_WORD_RE = re.compile(r"[^\W_]+")

_Span = TypeVar("_Span", Mention, DateMention)


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    article: str
    outlet: str
    position: int
    names: frozenset[tuple[str, str]] = frozenset()  # (type, entity id or folded text) named in it
    dates: frozenset[tuple[str, str]] = frozenset()  # (granularity, ISO value), relative ones resolved


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, stripped; a paragraph break ends one, a dot
    between digits does not.

    >>> text = "قال الوزير إن الحل قريب. وأضاف أن المؤشر تراجع 2.38%\\nسطر آخر"
    >>> [text[start:end] for start, end in _spans(text)]
    ['قال الوزير إن الحل قريب.', 'وأضاف أن المؤشر تراجع 2.38%', 'سطر آخر']
    """
    spans = []
    for match in _SENTENCE_RE.finditer(text):
        raw = match.group()
        start = match.start() + len(raw) - len(raw.lstrip())
        end = match.end() - len(raw) + len(raw.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


def _analyzer(sentence: str) -> list[str]:
    return [_stem(w) for w in _WORD_RE.findall(fold(sentence)) if len(w) > 1]


def _sentences(articles: Sequence[Article]) -> list[_Sentence]:
    found = []
    for article in articles:
        for position, (start, end) in enumerate(_spans(article.text)[:LEAD_SENTENCES]):
            text = article.text[start:end]
            if MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                names = frozenset(
                    (m.type, m.entity or fold(m.text)) for m in _within(article.mentions, start, end)
                )
                dates = frozenset((d.granularity, d.value) for d in _within(article.dates, start, end))
                found.append(
                    _Sentence(text, article.id, article.outlet or article.id, position, names, dates)
                )
    return found


def _within(spans: Sequence[_Span], start: int, end: int) -> list[_Span]:
    return [span for span in spans if start <= span.start and span.end <= end]


def _similarities(sentences: Sequence[str]) -> np.ndarray:
    try:
        vectors = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True).fit_transform(sentences)
    except ValueError:  # no word at all (table rows of figures, once they are masked): nothing alike
        return np.zeros((len(sentences), len(sentences)))
    return np.asarray((vectors @ vectors.T).toarray())


def summarize(articles: Sequence[Article], limit: int = SUMMARY_SENTENCES) -> tuple[str, ...]:
    """2-4 central, non-redundant sentences, from as many outlets as possible."""
    return _summary(_sentences(articles), limit)


def _summary(sentences: Sequence[_Sentence], limit: int = SUMMARY_SENTENCES) -> tuple[str, ...]:
    if not sentences:
        return ()
    if len(sentences) == 1:
        return (sentences[0].text,)
    similar = _similarities([s.text for s in sentences])
    # Centrality, with a small bonus for the opening sentence where news states its facts.
    centrality = similar.mean(axis=1) + np.array([0.05 if s.position == 0 else 0.0 for s in sentences])
    chosen: list[int] = []
    outlets: set[str] = set()
    for i in np.argsort(-centrality):
        if len(chosen) >= limit:
            break
        if any(similar[i, j] >= REDUNDANT for j in chosen):
            continue
        if sentences[i].outlet in outlets and len(outlets) < len({s.outlet for s in sentences}):
            continue
        chosen.append(int(i))
        outlets.add(sentences[i].outlet)
    return tuple(sentences[i].text for i in chosen)


def find_claims(articles: Sequence[Article], duplicate_of: dict[str, str]) -> tuple[Claim, ...]:
    """Statements reported by two or more outlets: near-identical sentences and shared quotes
    (two that give one count differently are not one claim: see `find_differences`)."""
    return _claims([*_sentences(articles), *_quotes(articles)], duplicate_of)


def _claims(sentences: Sequence[_Sentence], duplicate_of: dict[str, str]) -> tuple[Claim, ...]:
    if len(sentences) < 2:
        return ()
    linked = _similarities([s.text for s in sentences]) >= CLAIM_SIMILARITY
    counts = [_counts(s.text) for s in sentences]
    for i, j in zip(*np.nonzero(np.triu(linked, 1)), strict=True):
        if counts[i] and counts[j] and _disputed(counts[i], counts[j]):
            linked[i, j] = linked[j, i] = False
    groups = _group(linked)
    claims = []
    for members in groups:
        outlets = sorted({sentences[i].outlet for i in members})
        if len(outlets) < 2:
            continue
        article_ids = tuple(dict.fromkeys(sentences[i].article for i in members))
        independent = len({duplicate_of.get(a, a) for a in article_ids})
        text = Counter(sentences[i].text for i in members).most_common(1)[0][0]
        claims.append(Claim(text, tuple(outlets), article_ids, independent))
    # A shared quote is usually also inside a shared sentence: keep the sentence only.
    claims = [
        c
        for c in claims
        if not any(
            o is not c and c.text in o.text and set(c.article_ids) <= set(o.article_ids) for o in claims
        )
    ]
    claims.sort(key=lambda c: (-c.independent, -len(c.outlets), c.text))
    return tuple(claims)


def find_differences(articles: Sequence[Article]) -> tuple[Difference, ...]:
    """Statements that two outlets report with different counts within `DIFFERENCE_HOURS` of
    each other: sentences alike once their figures are masked, a count of one and a count of the
    other between the same words ("مقتل 51 شخصا", "مقتل 44 شخصا") and more than 1% apart. Each
    difference's versions are in the order of `articles` (oldest first)."""
    return _differences(_sentences(articles), articles)


def _differences(lead: Sequence[_Sentence], articles: Sequence[Article]) -> tuple[Difference, ...]:
    sentences, figures = [], []
    for sentence in lead:
        counts = _counts(sentence.text)
        if counts:
            sentences.append(sentence)
            figures.append(counts)
    if len(sentences) < 2:
        return ()
    similar = _similarities([_FIGURE_RE.sub(" ", fold(s.text)) for s in sentences])
    when = {a.id: a.reference_at for a in articles}
    order = {a.id: i for i, a in enumerate(articles)}
    differences = []
    for members in _group(similar >= DIFFERENCE_SIMILARITY):
        members.sort(key=lambda i: (order[sentences[i].article], sentences[i].position))
        disputes = {
            (i, j): keys
            for i, j in combinations(members, 2)
            if sentences[i].outlet != sentences[j].outlet
            and _near(when[sentences[i].article], when[sentences[j].article])
            and not _apart(sentences[i], sentences[j])
            and (keys := _disputed(figures[i], figures[j]))
        }
        if disputes:
            involved = sorted({i for pair in disputes for i in pair}, key=members.index)
            disputed = set().union(*disputes.values())
            difference = _difference(sentences, figures, involved, disputed)
            if _outlets_disagree(difference):
                differences.append(difference)
    differences.sort(key=lambda d: -len({o for v in d.versions for o in v.outlets}))
    return tuple(differences[:DIFFERENCES])


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of a sentence: what it counts (the stems of the words around it, "%" after a
    share), its values (two when a separator may mark thousands: 363.378 is 363378 in some
    outlets), how it is written and how finely."""

    key: tuple[str, str]
    values: tuple[float, ...]
    text: str
    unit: float = 0.0  # of its last written digit when a scale word rounds it: 1000 for "22 ألف"
    approximate: bool = False  # a bound or an estimate: "أكثر من 20"، "نحو 30"


def _agree(one: Figure, other: Figure) -> bool:
    """Whether a value of `one` and a value of `other` lie within 1% or within the unit of the
    rounder one's last digit (22 ألف and 22790 agree)."""
    margin = max(one.unit, other.unit)
    return any(
        abs(a - b) <= max(0.01 * max(abs(a), abs(b)), margin) for a in one.values for b in other.values
    )


def _disputed(one: Sequence[Figure], other: Sequence[Figure]) -> set[tuple[str, str]]:
    """The keys of the counts that `one` and `other` both give, none of them agreeing (a key may
    count two things in one sentence: "157 راكبا ... 314 راكبا"). When two counts or more that
    both give all differ, the sentences are two reports of one template (another day's trading:
    "ارتفاع أسهم 7 شركات وتراجع أسهم 157 شركة"; another month's figures), not one statement: none."""
    # A bound or an estimate (أكثر من 20، نحو 30) neither disputes nor agrees.
    one, other = [f for f in one if not f.approximate], [f for f in other if not f.approximate]
    mine, theirs = Counter(f.key for f in one), Counter(f.key for f in other)
    shared = mine & theirs  # how many counts of each key both give
    disputed = {
        key
        for key in shared
        # Not even a value the other sentence gives elsewhere: that one was misaligned (متنهما /
        # متنها), not disputed.
        if not any(_agree(a, b) for a in one if a.key == key for b in other)
        and not any(_agree(a, b) for a in other if a.key == key for b in one)
    }
    return set() if shared.total() > 1 and disputed == set(shared) else disputed


def _apart(one: _Sentence, other: _Sentence) -> bool:
    """Whether the two sentences date different days or months ("today" in one, "yesterday" in
    the other, resolved) or name different things of one kind (two companies, two towns): one
    template, two statements."""
    for granularity in {g for g, _ in one.dates} & {g for g, _ in other.dates}:
        if not {v for g, v in one.dates if g == granularity} & {
            v for g, v in other.dates if g == granularity
        }:
            return True
    kinds = {kind for kind, _ in one.names} & {kind for kind, _ in other.names}
    return any(not _named(one, kind) & _named(other, kind) for kind in kinds)


def _named(sentence: _Sentence, kind: str) -> set[str]:
    return {key for named_kind, key in sentence.names if named_kind == kind}


def _near(one: datetime | None, other: datetime | None) -> bool:
    return one is None or other is None or abs(one - other) <= timedelta(hours=DIFFERENCE_HOURS)


def _difference(
    sentences: Sequence[_Sentence],
    figures: Sequence[Sequence[Figure]],
    members: list[int],
    disputed: set[tuple[str, str]],
) -> Difference:
    """The versions of one statement: its sentences grouped by their disputed figures (values
    within 1% are one version: 363 ألف and 363378)."""
    keys = sorted(disputed)
    versions: list[tuple[list[Figure], list[int]]] = []
    for i in members:
        given = _first_of_each(figures[i])
        if any(k not in given for k in keys):
            continue
        values = [given[k] for k in keys]
        same = next((v for v in versions if all(map(_agree, v[0], values))), None)
        if same:
            same[1].append(i)
        else:
            versions.append((values, [i]))
    out = []
    for _, group in versions:
        shown = {k: f.text for k, f in _first_of_each(figures[group[0]]).items()}
        text = Counter(sentences[i].text for i in group).most_common(1)[0][0]
        outlets = tuple(sorted({sentences[i].outlet for i in group}))
        article_ids = tuple(dict.fromkeys(sentences[i].article for i in group))
        out.append(Version(text, tuple(shown[k] for k in keys), outlets, article_ids))
    return Difference(tuple(out))


def _outlets_disagree(difference: Difference) -> bool:
    """Whether two outlets give no version in common: outlets that each list the same items (a
    bond's yield for 5, 7 and 10 years, one line each) do not disagree."""
    given: defaultdict[str, set[int]] = defaultdict(set)
    for n, version in enumerate(difference.versions):
        for outlet in version.outlets:
            given[outlet].add(n)
    return any(not one & other for one, other in combinations(given.values(), 2))


def _first_of_each(figures: Sequence[Figure]) -> dict[tuple[str, str], Figure]:
    first: dict[tuple[str, str], Figure] = {}
    for figure in figures:
        first.setdefault(figure.key, figure)
    return first


_SCALES = {
    **dict.fromkeys(("الف", "الفا", "الاف"), ("ألف", 1e3)),
    **dict.fromkeys(("مليون", "مليونا", "ملايين"), ("مليون", 1e6)),
    **dict.fromkeys(("مليار", "مليارا", "مليارات"), ("مليار", 1e9)),
}
# On fold()ed text: digits (a decimal part after ".", ",", "٫", or before the agencies' "ر":
# 7ر59 is 59.7), then a percent sign or word, or a scale word ("44 مليون").
_FIGURE_RE = re.compile(
    r"(?<![\w.,٫،:/])(\d+)(?:([.,٫،ر])(\d+))?(?![.,٫،]\d)"
    r"(\s*(?:%|٪|في الما?يه|بالما?يه))?(?![\w:/])"
    rf"(?:\s+({'|'.join(_SCALES)})(?!\w))?"
)
# A number joined to another by a dash, slash or times sign: a score (3-2), a range, a date, a size.
_JOINED_BEFORE_RE = re.compile(r"\d\s*[/\-–ـ×x*]+\s*$")
_JOINED_AFTER_RE = re.compile(r"^\s*[/\-–ـ×x*]+\s*\d")
#: Words before a figure that make it an estimate ("نحو 30") or, before من/عن, a bound ("أكثر من 20").
_ESTIMATES = frozenset({"نحو", "حوالي", "قرابه", "زهاء", "يقارب", "يناهز"})  # fold()ed
_BOUNDS = frozenset({"اكثر", "اقل", "ازيد", "يزيد", "يقل", "تزيد", "تقل", "يربو"})
_NOT_FIGURE_BEFORE = frozenset({"عام", "العام", "سنه", "الساعه", "رقم", "المرتبه"})


def sentence_figures(sentence: str) -> list[Figure] | None:
    """The figures of `sentence` (counts, sums, shares); None when there are none or a number is
    written in parts ("17 ألفا و966"). Days of a date, years and clock times are not figures.

    >>> found = sentence_figures("مقتل ١٥ شخصا وإصابة 20 شخصا يوم 14 أيار/مايو 2015")
    >>> [(f.key, f.values, f.text) for f in found]
    [(('مقتل', 'شخصا'), (15.0,), '15'), (('اصاب', 'شخصا'), (20.0,), '20')]
    >>> found = sentence_figures("ارتفع 2.38بالمئة إلى 7ر59 مليون سهم الساعة 10:30 بعد فوز (3-2)")
    >>> [(f.values, f.text) for f in found]
    [((2.38,), '2.38%'), ((59700000.0,), '59.7 مليون')]
    >>> sentence_figures("أنهت الجوازات تصحيح أوضاع 363.378 مقيما")[0].values  # or 363,378
    (363.378, 363378.0)
    >>> sentence_figures("باشرت 17 ألفاً و966 بلاغاً") is None, sentence_figures("وصل الوفد أمس") is None
    (True, True)
    """
    text = fold(sentence)
    found: list[Figure] = []
    for match in _FIGURE_RE.finditer(text):
        whole, point, fraction, percent, scale = match.groups()
        rest = text[match.end() :]
        if scale and re.match(r"\s*و\s*\d", rest):
            return None
        # The words around it, punctuation skipped: "رقم (962)", "ستون (34 عاما)".
        before = [
            w for w in _WORD_RE.findall(text[max(0, match.start() - 60) : match.start()]) if not w.isdigit()
        ]
        after = re.split(r"[\s/()،,.]+", rest.strip(), maxsplit=3)
        if (
            _JOINED_BEFORE_RE.search(text[: match.start()])
            or _JOINED_AFTER_RE.match(rest)
            or (before and before[-1] in _NOT_FIGURE_BEFORE)
            or (not point and re.fullmatch(r"1[3-9]\d\d|20\d\d", whole))
            or _is_month(*after[:2])
            or (len(after) > 1 and _is_month(*after[1:3]))
        ):
            continue
        if point == "ر":
            whole, fraction = fraction, whole
        number = f"{whole}.{fraction}" if fraction else whole
        name, times = _SCALES[scale] if scale else ("", 1.0)
        values = [float(number) * times]
        if point in (".", ",", "،") and len(fraction) == 3:
            values.append(float(whole + fraction) * times)
        previous = _analyzer(" ".join(before[-1:]))  # its stem
        following = [w for w in _analyzer(rest) if not w.isdigit()]
        what = (previous[0] if previous else "", "%" if percent else (following[0] if following else ""))
        shown = number + ("%" if percent else f" {name}" if name else "")
        unit = times / 10 ** len(fraction or "") if scale else 0.0
        approximate = bool(before) and (
            before[-1] in _ESTIMATES
            or (before[-1] in ("من", "عن") and len(before) > 1 and before[-2] in _BOUNDS)
        )
        found.append(Figure(what, tuple(values), shown, unit, approximate))
    return found or None


# Prices and market figures move by the hour (and some outlets print decimals reversed: 57.48 for
# 48.57): the differences worth an analyst's eye are counts, of people killed, hurt, arrested...
_UNITS = frozenset(
    _stem(fold(word))
    for word in (
        *("دولار", "دولارا", "سنت", "سنتا", "ريال", "ريالا", "يورو", "جنيه", "جنيها", "درهم", "دينار", "ين"),
        *("نقطة", "نقاط", "برميل", "أوقية"),
    )
)


@lru_cache(maxsize=4096)  # claims and differences read the counts of the same sentences
def _counts(sentence: str) -> tuple[Figure, ...]:
    return tuple(f for f in sentence_figures(sentence) or () if _is_count(f))


def _is_count(figure: Figure) -> bool:
    """Whether `figure` counts things: a whole number (its thousands separated or not), not a
    share, a price or an index level."""
    whole = "." not in figure.text or len(figure.values) > 1  # 363.378: thousands
    return whole and figure.key[1] != "%" and figure.key[1] not in _UNITS


def _is_month(word: str, following: str = "") -> bool:
    return word in MONTHS or word in HIJRI_MONTHS or f"{word} {following}" in MONTHS


def story_events(articles: Sequence[Article]) -> tuple[DatedEvent, ...]:
    """The days the story's lead sentences date, in order: the `EVENTS` that most outlets date,
    each with the sentence most like the others that date it."""
    return _events(_sentences(articles))


def _events(sentences: Sequence[_Sentence]) -> tuple[DatedEvent, ...]:
    dating: defaultdict[str, list[_Sentence]] = defaultdict(list)
    for sentence in sentences:
        for granularity, day in sentence.dates:
            if granularity == "day":
                dating[day].append(sentence)
    ranked = sorted(dating, key=lambda day: (-len({s.outlet for s in dating[day]}), day))[:EVENTS]
    return tuple(_event(day, dating[day]) for day in sorted(ranked))


def _event(day: str, sentences: list[_Sentence]) -> DatedEvent:
    central = int(np.argmax(_similarities([s.text for s in sentences]).mean(axis=1)))
    return DatedEvent(
        day,
        sentences[central].text,
        tuple(sorted({s.outlet for s in sentences})),
        tuple(dict.fromkeys(s.article for s in sentences)),
    )


def _quotes(articles: Sequence[Article]) -> list[_Sentence]:
    return [
        _Sentence(q.text, a.id, a.outlet or a.id, -1)
        for a in articles
        for q in a.quotes
        if len(q.text.split()) >= MIN_WORDS
    ]


def _group(linked: np.ndarray) -> list[list[int]]:
    """Connected components of the similarity graph."""
    parent = list(range(len(linked)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(linked, 1)), strict=True):
        parent[root(int(i))] = root(int(j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(linked)):
        groups[root(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


def pick_title(articles: Sequence[Article], duplicate_of: dict[str, str]) -> str:
    """The title of the original article whose title is most like the story's other titles."""
    titled = [a for a in articles if a.title and a.id not in duplicate_of] or [a for a in articles if a.title]
    if not titled:
        return articles[0].text[:80] if articles else ""
    if len(titled) <= 2:
        return titled[0].title or ""
    similar = _similarities([a.title or "" for a in titled])
    return titled[int(np.argmax(similar.mean(axis=1)))].title or ""


def story_entities(articles: Sequence[Article]) -> tuple[tuple[str, str, str, int], ...]:
    """(entity id or mention key, name, type, articles naming it), most named first."""
    counts: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    for article in articles:
        seen = set()
        for mention in article.mentions:
            key = mention.entity or f"{mention.type}:{fold(mention.text)}"
            if key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            entity = article.entities.get(mention.entity or "")
            names.setdefault(key, (entity.name if entity else mention.text, mention.type))
    return tuple((key, *names[key], n) for key, n in counts.most_common(20))


def describe_story(story_id: str, articles: Sequence[Article], duplicate_of: dict[str, str]) -> Story:
    """A Story with title, summary, claims and entities from its (most recent) articles."""
    ordered = sorted(articles, key=lambda a: (a.reference_at is None, a.reference_at, a.id))
    recent = ordered[-MAX_ARTICLES:]
    moments = [a.reference_at for a in ordered if a.reference_at]
    lead = _sentences(recent)  # the summary, claims, differences and events all read them
    return Story(
        id=story_id,
        title=pick_title(recent, duplicate_of),
        article_ids=tuple(a.id for a in ordered),
        outlets=tuple(sorted({a.outlet for a in ordered if a.outlet})),
        first_at=min(moments) if moments else None,
        last_at=max(moments) if moments else None,
        summary=_summary(lead),
        claims=_claims([*lead, *_quotes(recent)], duplicate_of),
        entities=story_entities(recent),
        differences=_differences(lead, recent),
        events=_events(lead),
        duplicates=tuple((a, o) for a, o in duplicate_of.items() if a in {x.id for x in ordered}),
    )
