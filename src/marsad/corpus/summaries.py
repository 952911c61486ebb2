"""What a story says: its title, an extractive summary, shared claims and the entities involved.

- Summary: sentences of the story's articles (their leads) scored by centrality (mean TF-IDF
  cosine with the story's other sentences, as in LexRank's degree centrality); 2-4 are picked
  greedily, skipping any too similar to one already chosen (redundancy removal) and preferring
  an outlet not yet quoted, so the summary draws on several outlets.
- Claims: the same sentence (cosine ≥ `CLAIM_SIMILARITY`) or the same quote reported by two or
  more outlets, with the outlets and articles for each; republished copies count once as
  independent reports (`independent`).
- Title: the title of the original (not copied) article nearest the story's centre.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from marsad.arabic.keys import _stem, fold
from marsad.model import Article, Claim, Story

SUMMARY_SENTENCES = 4
#: Sentences closer than this to one already in the summary say the same thing.
REDUNDANT = 0.5
CLAIM_SIMILARITY = 0.7
#: Only the lead of each article: what is reported, not the background paragraphs.
LEAD_SENTENCES = 6
MIN_WORDS, MAX_WORDS = 6, 60
#: The most recent articles a description is computed from (large stories stay cheap).
MAX_ARTICLES = 80

_SENTENCE_RE = re.compile(r"[^.!؟?\n]+[.!؟?]?")
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    article: str
    outlet: str
    position: int


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, stripped; a paragraph break ends one.

    >>> split_sentences("قال الوزير إن الحل قريب. وأضاف أن المحادثات مستمرة\\nسطر آخر")
    ['قال الوزير إن الحل قريب.', 'وأضاف أن المحادثات مستمرة', 'سطر آخر']
    """
    return [s.strip() for s in _SENTENCE_RE.findall(text) if s.strip()]


def _analyzer(sentence: str) -> list[str]:
    return [_stem(w) for w in _WORD_RE.findall(fold(sentence)) if len(w) > 1]


def _sentences(articles: Sequence[Article]) -> list[_Sentence]:
    found = []
    for article in articles:
        for position, text in enumerate(split_sentences(article.text)[:LEAD_SENTENCES]):
            if MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                found.append(_Sentence(text, article.id, article.outlet or article.id, position))
    return found


def _similarities(sentences: Sequence[str]) -> np.ndarray:
    vectors = TfidfVectorizer(analyzer=_analyzer, sublinear_tf=True).fit_transform(sentences)
    return np.asarray((vectors @ vectors.T).toarray())


def summarize(articles: Sequence[Article], limit: int = SUMMARY_SENTENCES) -> tuple[str, ...]:
    """2-4 central, non-redundant sentences, from as many outlets as possible."""
    sentences = _sentences(articles)
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
    """Statements reported by two or more outlets: near-identical sentences and shared quotes."""
    sentences = _sentences(articles) + _quotes(articles)
    if len(sentences) < 2:
        return ()
    similar = _similarities([s.text for s in sentences])
    groups = _group(similar >= CLAIM_SIMILARITY)
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
    return Story(
        id=story_id,
        title=pick_title(recent, duplicate_of),
        article_ids=tuple(a.id for a in ordered),
        outlets=tuple(sorted({a.outlet for a in ordered if a.outlet})),
        first_at=min(moments) if moments else None,
        last_at=max(moments) if moments else None,
        summary=summarize(recent),
        claims=find_claims(recent, duplicate_of),
        entities=story_entities(recent),
        duplicates=tuple((a, o) for a, o in duplicate_of.items() if a in {x.id for x in ordered}),
    )
