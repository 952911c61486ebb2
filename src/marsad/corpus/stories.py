"""Stories: articles of many outlets grouped, as they arrive, into developing events.

`assign_stories` is single-pass (online) clustering over a `StoryIndex`:

1. Each article becomes hashed TF-IDF vectors: its text (character 2-4-grams of the folded title
   and lead, robust to clitics and broken plurals, plus its light-stemmed stopword-free words,
   whole names and figures being stronger evidence than n-grams; only its `top_features`
   heaviest features are kept, which drops the n-grams all Arabic shares and keeps the sparse
   products sparse) and its entities (entity ids when linking ran, else the folded mention text).
2. An article that is a near-duplicate (MinHash, `near_duplicates`) of an article placed in the
   last `window_days` joins that article's story and is marked as its copy: republished agency
   copy is one report, not several.
3. Otherwise its candidates are the *active* stories (an article within `window_days` of the
   story's span, which moves with it, so a story develops over weeks). Sparse products touch only
   the features an article shares with a story; inactive stories leave the index, so the work per
   article is bounded by the stories active at once and a corpus's time grows linearly with it.
4. It joins the best story whose centroid cosine (plus `entity_weight` times the entity cosine)
   reaches `threshold` while one of its articles is `support_threshold` close (the centroid of a
   topic blob, a week of leadership news, is close to any report of its kind), or one of whose
   articles it is `neighbour_threshold` close to (so a story whose centre has moved still takes
   a report of its latest turn); otherwise it opens a new story. Centroid scores fall by
   `day_penalty` per day the article lies outside the story's span: the same kind of event days
   later (another soldier killed) is usually another event.
5. Names veto the text: an article does not join a story (nor a copy its original's story) when
   it names another event of the same kind. Its rare title words (a name, a town: rare among
   the articles seen so far, `conflict_df`) occur nowhere in the story, and the rare title words
   of the story's article most like it, or those most of the story's titles share, are absent
   from the article. Agency templates (a soldier killed by a projectile in some sector, the king
   receiving some guest) differ only in such words. A title's speaker ("X: ...") is not read as
   a name of its event, and an article `veto_ceiling` close to one of the story's articles (the
   same report in other words, not a copy) joins whatever its title's rare words. Which title
   words are names: those the packaged NER model tags as such (`title_names`); a single
   report's own verbs and epithets (يحرج, يشيد) are rare too but name nothing. Only an article
   that comes `vocabulary_days` after the story's report most like it is also vetoed by those.
6. Stories split into fragments all the same: a developing story turns to funerals, reactions
   and arrests in words its first reports did not use. At every commit (`consolidate`), each
   story that grew since the last is compared with the stories of the run around it in time: two
   whose centroids are `merge_threshold` close (cosine), or whose body centroids (the
   light-stemmed words of their whole texts, where a funeral report still tells the bombing)
   are `body_merge_threshold` close, and whose spans lie within
   `merge_days` of each other become one, unless an analyst curated either, both are
   established stories (`merge_limit` articles each: two that large are a topic's stories, not
   one event's fragments), or names set them apart (the rare title names that name one's event,
   those of a quarter of its titles, absent from the other, as in 5.; of a story whose titles
   share none, such as a single report, the names its titles use; with `title_names` "rare",
   rare title words). Stories are compared by their `merge_features` heaviest
   features; only pairs that share one are scored (a sparse product, an inverted index), never
   all pairs.
   Merging does not change the clustering itself (each fragment keeps taking its own reports,
   which `StoryIndex.resolve` maps to the surviving story), so decisions made on fragments that
   grew on do not drift the stories they join. The older story keeps its id; `StoryStep.save`
   moves the stored articles of the other.

Document frequencies are counted as articles arrive (hashed features, so the table has a fixed
size) and persist with the index, so idf of the next run continues where this one stopped.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TypeVar

import numpy as np
import scipy.sparse as sp
from datasketch import MinHash
from sklearn.feature_extraction.text import HashingVectorizer

from marsad.arabic.keys import _stem, fold
from marsad.corpus.near_duplicates import DuplicateIndex, signature
from marsad.model import Article, Story
from marsad.ner.tagger import Tagger
from marsad.ner.tokens import tokenize
from marsad.records import article_from_stored
from marsad.store import Store

N_FEATURES = 2**18

_WORD_RE = re.compile(r"[^\W\d_]{2,}|\d+")

# Function words that carry no topic (folded and light-stemmed like every word); idf down-weights
# the rest of the common vocabulary.
_STOPWORDS = frozenset(
    _stem(fold(w))
    for w in [
        "في",
        "من",
        "الى",
        "على",
        "عن",
        "مع",
        "ان",
        "أن",
        "إن",
        "كان",
        "كانت",
        "يكون",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "اللذين",
        "هو",
        "هي",
        "هم",
        "هن",
        "نحن",
        "انا",
        "انت",
        "كما",
        "قد",
        "لقد",
        "لم",
        "لن",
        "لا",
        "ما",
        "ماذا",
        "او",
        "أو",
        "ثم",
        "بل",
        "حتى",
        "اذا",
        "إذا",
        "عند",
        "عندما",
        "بين",
        "بعد",
        "قبل",
        "خلال",
        "حول",
        "ضد",
        "دون",
        "غير",
        "كل",
        "بعض",
        "اي",
        "أي",
        "منذ",
        "لدى",
        "الا",
        "إلا",
        "اما",
        "أما",
        "وقد",
        "وقال",
        "قال",
        "قالت",
        "اليوم",
        "امس",
        "أمس",
        "يوم",
        "اول",
        "أول",
        "ايضا",
        "أيضا",
        "وفق",
        "وفقا",
        "حيث",
        "فيما",
        "بينما",
        "اكثر",
        "أكثر",
        "اكد",
        "أكد",
        "اضاف",
        "أضاف",
        "اشار",
        "أشار",
        "الذي",
        "التى",
        "وهو",
        "وهي",
        "عليه",
        "عليها",
        "فيه",
        "فيها",
        "منه",
        "منها",
        "له",
        "لها",
        "به",
        "بها",
        "اليه",
        "إليه",
    ]
)


@dataclass(frozen=True, slots=True)
class StoryParams:
    """What decides whether an article joins a story (one set, chosen on the development half of
    the gold set, the first of `halves` in bench/stories.py, with the whole corpus clustered).
    Figures below measured before `merge_limit` are of the gold set's first 420 articles (39
    stories), before the Cairo visit and the Suez trial crossing joined it.

    `word_weight`, `top_features` and `day_penalty` are off by default. On the development half
    `word_weight=1, top_features=600, day_penalty=0.2, threshold=0.27, neighbour_threshold=0.55`
    scored B³ F1 0.844 (0.814 with the defaults) in 30% less time, but 0.900 on the other half
    (0.907 with the defaults), and the day penalty splits the sample corpus's Geneva story
    (tests/cli/test_stories_cli.py), a real story developing over several days. (Measured
    before `_top` kept exactly k features on ties; it kept the tied ones then.)"""

    #: The score (centroid cosine) an article needs to join a story. B³ F1 on the gold set is
    #: sharp around it: 0.29 / 0.3 / 0.32 scored 0.886 / 0.933 / 0.903 (with "rare" names and all
    #: features 0.847 / 0.925 / 0.908): one join more or less decides which fragments the merges
    #: chain into topic blobs, and a blob that takes a gold story's neighbours costs its precision.
    #: With merges reading a single report's names (`title_names`): 0.29 / 0.3 / 0.31 scored
    #: 0.894 / 0.935 / 0.927, and the daily closes' precision 0.325 holds at 0.3 only (0.224).
    threshold: float = 0.3
    #: An article also joins a story when it is this close to one of the story's articles.
    neighbour_threshold: float = 0.6
    #: ... and joins by the centroid test only when one of the story's articles is this close:
    #: a topic blob (a week of leadership news, of soldiers' funerals) has a centroid close to
    #: any report of its kind, though none of its reports is. bench/stories.py --quick with 0.25:
    #: the gold set unchanged (B³ F1 0.917 in batches of 256 and of 128 merged every 1024, 0.913
    #: of 64 merged every 500, as with 0), stories over 100 articles hold 4,615 articles
    #: (5,820 with 0; 4,525 / 4,880 in the other batchings), daily closes P 0.349 (0.325);
    #: 0.2 / 0.23 hold 5,825 / 5,416; 0.27 / 0.3 scored 0.903 / 0.887 (the Diyarbakır bombing
    #: joins Suruç again; recall falls). With earlier defaults (other sessions): 0.3 scored F1 0.902
    #: (P 0.971 R 0.843), stories over 100 articles holding 4,559 articles instead of 7,452; 0.4
    #: 0.774. (Scaling centroid scores by the story's cohesion, (|sum of unit vectors| / size) **
    #: b, cut the largest story from 1,556 articles to 872 / 692 with b = 0.5 / 1, but B³ F1 fell
    #: to 0.869 / 0.823.)
    support_threshold: float = 0.25
    #: Weight of the entity cosine. Off by default: with gazetteer entities (the evaluation's
    #: stand-in for NER + linking) 0.2 scored lower on the development half (B³ F1 0.778 vs 0.810).
    entity_weight: float = 0.0
    window_days: float = 3.0
    lead_words: int = 120
    #: "chars": character 2-4-grams of the folded title and lead (robust to Arabic morphology:
    #: stems, clitics and broken plurals share n-grams); "words": light-stemmed words.
    features: str = "chars"
    lead_chars: int = 300
    #: idf is raised to this power: names, places and figures that only one event has weigh more
    #: than the vocabulary every report of its kind shares (martyr, funeral, condemns).
    idf_power: float = 1.0
    #: Weight of the light-stemmed, stopword-free words of the title and lead beside the
    #: character n-grams (0: n-grams only): whole words such as names and figures are stronger
    #: evidence of one event than the n-grams every report of its kind shares.
    word_weight: float = 0.0
    #: Each article keeps only its this many heaviest features (0: all): the n-grams every
    #: Arabic text shares add noise and make every sparse product dense (slow). With the names
    #: read by "rare" (`title_names`), 400 scored B³ F1 0.909 (P 0.978 R 0.849) and 500 0.914
    #: against 0.925 with all. With "ner" and `vocabulary_days` 1: 400 0.922, 500 0.933 (stories
    #: over 100 articles holding 7,029 articles instead of 8,498, 10% faster), 550, 600 and all
    #: 0.933 (P 0.937: see `vocabulary_days`).
    top_features: int = 500
    #: Centroid scores fall by this fraction per day an article lies outside its story's span:
    #: the same kind of event days later is usually another event.
    day_penalty: float = 0.0
    #: A title word found in at most this fraction of the articles so far is *rare*: a name, a
    #: place, a figure. An article whose rare title words none of a story's articles use, while
    #: the rare title words most of the story's articles share are absent from the article, names
    #: another event of the same kind (another soldier killed in another town): it does not join
    #: that story, however alike the template wording. 0: no such veto.
    #: 0.003 scored B³ F1 0.864 on the development half (0.814 without the veto) and 0.864 on
    #: the other (0.907): precision 0.992 (0.898), recall 0.763 (0.802) overall (bench/stories.py;
    #: runs varied by ±0.006 until near-duplicate ties were broken by id: now 0.864 / 0.855,
    #: recall 0.758, F1 0.859 whatever PYTHONHASHSEED).
    #: Rare words are names and vocabulary alike (تنتقد, يستنكر are rare in three weeks). Keeping
    #: only names cost precision in bench/stories.py --quick: title words that a logistic model
    #: over the NER model's word embeddings (trained on ANERcorp's word types) scores below 0.05
    #: dropped everywhere F1 0.876 (P 0.885); dropped from the article's own words only (the
    #: model also reading affixes, for unknown words) 0.910 (P 0.922): reports of two events of
    #: one template differ in such words too (a soldier hurt rescuing children).
    conflict_df: float = 0.003
    #: At each commit, a story that grew merges with a story of the run whose centroid is this
    #: close (cosine) and whose span lies within `merge_days` of its own, unless an analyst
    #: curated either or names set them apart (`names_missing` either way, when `conflict_df`
    #: is set): the fragments of a story that developed in words its first reports did not use
    #: (0: no merging). Chosen on the development half with the names veto (bench/stories.py,
    #: simulated from logged candidate pairs): 0.5 scored B³ F1 0.891 there, 0.6 0.876, 0.4
    #: 0.878 (precision fell: a mosque bombing merged with another country's mosque-bombing
    #: trial); without the veto 0.5 scored 0.867. Measured in the system: see `merge_days`.
    merge_threshold: float = 0.5
    #: ... and only stories whose spans lie within this many days. 5 days changed nothing on
    #: the development half. With these defaults and no body merging bench/stories.py --quick
    #: measured B³ F1 0.881 (P 0.992, R 0.793; halves 0.880 / 0.886) against 0.859 without merging.
    merge_days: float = 3.0
    #: Stories are compared for merging by their this many heaviest features (the sparse
    #: products over whole centroids, which share the n-grams all Arabic shares, are slow).
    merge_features: int = 300
    #: Stories also merge (same span and names conditions) when the words of their whole texts
    #: (the first `body_chars` characters, light-stemmed) are this close (0: off): the follow-ups
    #: of an event told in other words than its first reports (the funeral of a bombing's victim,
    #: an official's condemnation) still tell the event in their body. Chosen on the development
    #: half (bench/stories.py): 0.45 scored B³ F1 0.910 there, 0.5 the same, 0.4 0.895, 0.35
    #: 0.895; overall P 0.970 R 0.850 F1 0.906 (halves 0.910 / 0.920) against 0.881 without.
    #: 1500 body characters (the default: half the time) scored as 3000.
    body_merge_threshold: float = 0.45
    body_chars: int = 1500
    #: ... and when their body centroids are only this close (below `body_merge_threshold`;
    #: 0: off) if most titles of the smaller story use a name of the larger one's event (a rare
    #: title word of at least `named_share` of its titles): "the night of terror in Duma" two
    #: days after the Duma arson. With 0.25 bench/stories.py --quick measured B³ F1 0.925
    #: (P 0.978 R 0.877; halves 0.922 / 0.946), 0.920 without; 0.2 the same as 0.25, and
    #: `named_share` 0.05 0.924.
    named_merge_threshold: float = 0.25
    named_share: float = 0.1
    #: Two stories that each hold at least this many articles never merge automatically (0: no
    #: such bound): each stands as a story of its own, and a merge of two that large joins a
    #: topic's stories (a week of leadership news with a mosque bombing, Turkey's war on the PKK
    #: with the Suruç bombing), not the fragments of one event. An analyst can still merge them.
    #: bench/stories.py --quick, on the gold set with the Saudi deputy crown prince's Cairo visit
    #: among its stories (which the merges had put, with the Abha bombing, into a 1,427-article
    #: story of a week's leadership and regional news): B³ F1 0.917 (P 0.993, R 0.852; halves
    #: 0.888 / 0.965), the same in batches of 128 merged every 1024, 0.913 (P 0.983) in batches of
    #: 64 merged every 500; without the bound 0.864 (P 0.855) in batches of 256 and of 64. Both
    #: stories holding more than 10 / 20 / 100 articles: 0.904 / 0.917 / 0.913. On the gold set's
    #: first 420 articles 0.926 (0.921 in batches of 64) against 0.935: six reactions to the Abha
    #: bombing that placement put into stories of leadership news stay there. The largest story
    #: is now the Abha bombing (521 articles).
    merge_limit: int = 50
    #: ... "most of the story's articles": the rare title words of at least this share of them.
    conflict_share: float = 0.25
    #: ... and only when the article is this close to the story's article most like it (0: at
    #: any similarity). 0.5, meant to spare reports of one event that name different people,
    #: let template reports of two events merge again: B³ F1 0.805 / 0.882 on the two halves
    #: against 0.864 / 0.864 with 0.
    conflict_similarity: float = 0.0
    #: ... and never when the article is this close to the story's article most like it (0: no
    #: such bound): that close, it tells the same report in other words, whatever rare words
    #: its title uses (a verb, an epithet). Measured with bench/stories.py --quick: 0.85 and 0.8
    #: scored B³ F1 0.920 (P 0.978, R 0.868; halves 0.922 / 0.934), 0.9 0.913, 0.7 0.888 and 0.6
    #: 0.890 (two soldiers' deaths told in one agency template are 0.6-0.8 close), none 0.908
    #: (with the title speaker rule of `event_title`; 0.906 without either).
    veto_ceiling: float = 0.85
    #: Weight of the title embedding cosine (multilingual sentence encoder, the `[semantic]`
    #: extra, `marsad.corpus.semantic`) in the text similarity: (1 - w) word + w embedding
    #: cosine (0: off). Off by default: `bench/stories.py --quick --semantic` (0.2) measured B³
    #: F1 0.876 (P 0.946, R 0.816; halves 0.829 / 0.964) against 0.917 without on the gold set
    #: with the Cairo visit, assign_stories 897 s (another run on the second core); with earlier
    #: defaults, on its first 420 articles, 0.863 against 0.935 in 827 s, and 0.1 scored 0.874
    #: (the same clustering over cached embeddings centred on the corpus mean).
    #: Titles of two events of one kind (two soldiers killed) embed alike, and every title
    #: costs about 15 ms to embed on 2 cores.
    semantic_weight: float = 0.0
    #: Which title words the names veto (`conflict_df`) reads as the names of an article's event
    #: when it is placed: "ner", those the packaged NER model tags as parts of names (a person, a
    #: place, an organization); "rare", every rare title word. Rare words are names and
    #: vocabulary alike: the verbs and epithets of a single report (يحرج, يشيد, تحجب, يتساقطون)
    #: kept it out of its story. Measured with `vocabulary_days` and `top_features` below.
    #: At merges (`names_missing`), with "ner" a story's core names are the rare names of a
    #: quarter of its titles, and a story whose titles share none (a single report) is read by
    #: its titles' names. A single report read by its names, not by every rare word of its
    #: title: B³ F1 0.935 (P 0.978, R 0.896; halves 0.929 / 0.962) against 0.933, the same in
    #: batches of 128 merged every 1024 and of 64 merged every 500; daily closes P 0.325
    #: (0.224); stories over 100 articles hold 6,133 articles (7,029), the second largest 742
    #: (1,203) (the gold set's first 420 articles). Core names read from names, not from every
    #: rare title word: the congratulation cables of bench/stories.py (one agency template, the
    #: country alone differs) B³ P 0.727 (0.288), F1 0.842 (0.447): "congratulates" was a rare
    #: title word of every cable's story and tied them; the gold set 0.917 in batches of 256
    #: and 0.913 of 64 merged every 500 (both unchanged), daily closes unchanged; a 402-article
    #: story of football pre-season news formed (stories over 100 articles hold 5,820 articles,
    #: 5,649 before).
    #: What was tried against the names the model misses in headlines: bench/stories.py.
    title_names: str = "ner"
    #: With "ner", an article is also vetoed by its other rare title words (as with "rare") when
    #: the story's article most like it is at least this many days older (0: never): a report that
    #: shares only the broad names of an older story (Bahrain, Iran; California) and comes days
    #: after its closest report tells another event in words of its own (an ambassador recalled;
    #: a wolf sighted). bench/stories.py --quick, with `top_features` 500: "ner" and 1 day scored
    #: B³ F1 0.933 (P 0.978, R 0.891; halves 0.929 / 0.956), the same in batches of 128 merged
    #: every 1024 and of 64 merged every 500; "ner" with 0 days 0.913 (P 0.904); "rare" 0.914
    #: (P 0.978, R 0.857). The defaults before ("rare", all features) scored 0.925 (P 0.978,
    #: R 0.878; halves 0.922 / 0.948). With all features, "ner" with 0 days scored 0.922 (P 0.904,
    #: R 0.940: a wolf sighted in California joined its fires, Bahrain's recalled ambassador the
    #: GCC's reply to Iran); 0.5 / 1 / 1.5 / 2 days 0.925 / 0.933 / 0.933 / 0.923 (P 0.937 at 1
    #: day: a Taif soldier named الحارثي joined, through a topic blob, the Abha bombing whose
    #: victim shares his tribal name).
    vocabulary_days: float = 1.0


#: The parameters `--semantic-stories` runs with.
SEMANTIC_PARAMS = StoryParams(semantic_weight=0.2)


@dataclass(frozen=True, slots=True)
class ArticleKeys:
    """An article's word keys, hashed to feature indices: those of its title, of title + lead, and
    of the names its title uses (`StoryParams.title_names`); and its day (`_days`), if dated."""

    title: frozenset[int]
    text: frozenset[int]
    names: frozenset[int] = frozenset()
    day: float | None = None


@dataclass(slots=True)
class StoryKeys:
    """The word keys a story's articles use: all of them, and per title key how many titles."""

    text: set[int] = field(default_factory=set)
    titles: Counter[int] = field(default_factory=Counter)
    size: int = 0
    names: Counter[int] = field(default_factory=Counter)

    def add(self, keys: ArticleKeys) -> None:
        self.text |= keys.text
        self.titles.update(keys.title)
        self.names.update(keys.names)
        self.size += 1

    def merge(self, other: StoryKeys) -> None:
        self.text |= other.text
        self.titles.update(other.titles)
        self.names.update(other.names)
        self.size += other.size


def names_conflict(
    article: ArticleKeys,
    story: StoryKeys,
    rare: Callable[[Iterable[int]], set[int]],
    share: float,
    nearest: ArticleKeys | None = None,
    *,
    by_names: bool = False,
) -> bool:
    """Whether `article` names another event than `story`: none of its rare title keys occurs in
    the story's articles, and either the rare title keys of at least `share` of the story's
    titles, or those of `nearest` (the story's article most like it), are absent from it.
    `by_names`: only the title keys that are names (`ArticleKeys.names`) count.

    >>> story = StoryKeys()
    >>> for title in ({1, 2, 7}, {1, 7}): story.add(ArticleKeys(frozenset(title), frozenset(title | {3})))
    >>> rare = lambda keys: {key for key in keys if key >= 5}
    >>> names_conflict(ArticleKeys(frozenset({1, 8}), frozenset({1, 8, 3})), story, rare, 0.25)
    True
    >>> names_conflict(ArticleKeys(frozenset({1, 8}), frozenset({1, 8, 7})), story, rare, 0.25)
    False
    >>> names_conflict(ArticleKeys(frozenset({1, 7}), frozenset({1, 7})), story, rare, 0.25)
    False
    """
    own = rare(article.names if by_names else article.title)
    if not own or own & story.text:
        return False
    theirs = set()
    if nearest is not None:
        theirs = rare(nearest.names if by_names else nearest.title)
    if theirs and not theirs & article.text:
        return True
    core = title_names(story, rare, share, story.names if by_names else None)
    return bool(core) and not core & article.text


def title_names(
    story: StoryKeys,
    rare: Callable[[Iterable[int]], set[int]],
    share: float,
    counts: Counter[int] | None = None,
) -> set[int]:
    """The rare title keys (of `counts`: by default all of each title's) of at least `share` of
    the story's titles (two at least): the names of its event."""
    needed = max(2.0, share * story.size)
    return rare(key for key, n in (story.titles if counts is None else counts).items() if n >= needed)


def names_missing(
    story: StoryKeys,
    other: StoryKeys,
    rare: Callable[[Iterable[int]], set[int]],
    share: float,
    *,
    by_names: bool = False,
) -> bool:
    """Whether `other` uses none of the rare title keys that name `story`'s event: those of at
    least `share` of its titles, or (when no key is that common) any of them (`by_names`: only
    its titles' names count, `StoryKeys.names`). Two fragments of one event share such a name;
    two events of one template (two soldiers killed, two countries congratulated) do not.

    >>> story, other = StoryKeys(), StoryKeys()
    >>> for title in ({1, 7}, {1, 7, 8}): story.add(ArticleKeys(frozenset(title), frozenset(title)))
    >>> other.add(ArticleKeys(frozenset({1, 9}), frozenset({1, 9, 8})))
    >>> rare = lambda keys: {key for key in keys if key >= 5}
    >>> names_missing(story, other, rare, 0.25), names_missing(other, story, rare, 0.25)
    (True, True)
    >>> other.add(ArticleKeys(frozenset({2}), frozenset({2, 7})))
    >>> names_missing(story, other, rare, 0.25)
    False
    >>> names_missing(other, story, rare, 0.25), names_missing(other, story, rare, 0.25, by_names=True)
    (True, False)
    """
    counts = story.names if by_names else story.titles
    names = title_names(story, rare, share, counts) or rare(counts)
    return bool(names) and not names & other.text


@dataclass(frozen=True, slots=True)
class BatchInputs:
    """What `StoryIndex.assign` reads of a batch before it looks at any state: the hashed counts
    of its texts, entities, title keys, title names and bodies, and its MinHash signatures.
    `read_inputs` computes them, in a worker process for the next batch while this one is placed
    if the caller wishes (`story_eval.cluster`): they are a third of the clustering time."""

    words: sp.csr_matrix
    entities: sp.csr_matrix
    keys: tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix] | None
    body: sp.csr_matrix | None
    signatures: list[MinHash]


def read_inputs(
    params: StoryParams, articles: Sequence[Article], name_reader: NameReader | None = None
) -> BatchInputs:
    """The `BatchInputs` of `articles` (`name_reader`: `ner_title_names` unless given)."""
    return BatchInputs(
        *text_counts(params, articles),
        key_counts(params, articles, name_reader or ner_title_names),
        body_counts(params, articles),
        [signature(article.text) for article in articles],
    )


def text_counts(params: StoryParams, articles: Sequence[Article]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Sublinear counts of the text features (`StoryParams.features`) and the entities of each article."""
    if params.features == "chars":
        word_counts = _counts([story_text(a.title, a.text, params.lead_chars) for a in articles])
        if params.word_weight:
            # Word keys are hashed as "w:key", a string no character 2-4-gram of text equals.
            terms = [[f"w:{t}" for t in story_terms(a.title, a.text, params.lead_words)] for a in articles]
            word_counts = word_counts + params.word_weight * _counts(terms)
    else:
        word_counts = _counts([story_terms(a.title, a.text, params.lead_words) for a in articles])
    return word_counts, _counts([entity_keys(a) for a in articles])


def key_counts(
    params: StoryParams, articles: Sequence[Article], name_reader: NameReader
) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix] | None:
    """The hashed word keys of each article's title, of its title and lead, and of its title's
    names (`StoryParams.title_names`); None when the names veto is off."""
    if not params.conflict_df:
        return None
    events = [event_title(a.title) for a in articles]
    titles = sp.csr_matrix(_WORD_HASHER.transform([[f"w:{t}" for t in _keys(e)] for e in events]))
    texts = sp.csr_matrix(
        _WORD_HASHER.transform(
            [[f"w:{t}" for t in story_terms(a.title, a.text, params.lead_words)] for a in articles]
        )
    )
    names = sp.csr_matrix(titles.shape)  # "rare": the names veto reads `titles`
    if params.title_names == "ner":
        read = name_reader(events)
        names = sp.csr_matrix(_WORD_HASHER.transform([[f"w:{t}" for t in _keys(" ".join(w))] for w in read]))
    return titles, texts, names


def body_counts(params: StoryParams, articles: Sequence[Article]) -> sp.csr_matrix | None:
    """Counts of the light-stemmed words of each article's title and body (hashed as "b:key");
    None when stories do not merge by their bodies."""
    if not merges_bodies(params):
        return None
    chars = params.body_chars
    return _counts([[f"b:{k}" for k in _keys(f"{a.title or ''} {a.text[:chars]}")] for a in articles])


def merges_bodies(params: StoryParams) -> bool:
    return bool(params.merge_threshold and params.body_merge_threshold)


def _counts(documents: Sequence[list[str]] | Sequence[str]) -> sp.csr_matrix:
    hasher = _CHAR_HASHER if documents and isinstance(documents[0], str) else _WORD_HASHER
    counts = sp.csr_matrix(hasher.transform(documents))
    counts.data = 1.0 + np.log(counts.data)  # sublinear tf: a word said 5 times is not 5× the topic
    return counts


def _identity(document: list[str]) -> list[str]:
    return document


_WORD_HASHER = HashingVectorizer(analyzer=_identity, n_features=N_FEATURES, alternate_sign=False, norm=None)
_CHAR_HASHER = HashingVectorizer(
    analyzer="char_wb", ngram_range=(2, 4), n_features=N_FEATURES, alternate_sign=False, norm=None
)


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story: str
    duplicate_of: str | None = None
    opened: bool = False  # the article opened this story


def story_terms(title: str | None, text: str, lead_words: int) -> list[str]:
    """The matching keys an article is compared by: title words twice, then the lead's words.

    >>> story_terms("الناتو", "قال بالناتو أمس", 10)
    ['ناتو', 'ناتو', 'ناتو']
    """
    title_terms = _keys(title or "")
    # About 12 characters per word with the stopwords: the lead lies well inside this prefix.
    return title_terms + title_terms + _keys(text[: lead_words * 12])[:lead_words]


def story_text(title: str | None, text: str, lead_chars: int) -> str:
    """The folded title and lead whose character n-grams an article is compared by.

    >>> story_text("الأمم المتحدة تدين", "أدانت الأمم المتحدة أمس الهجوم", 12)
    'الامم المتحده تدين ادانت الامم'
    """
    return fold(f"{title or ''} {text[:lead_chars]}").strip()


#: "X: ..." opening a title: a speaker of at most four words (not a time such as 10:30).
_SPEAKER_RE = re.compile(r"^\s*[^:：\n]{2,40}?(?<!\d)\s*[:：]\s*(?=\S)")


def event_title(title: str | None) -> str:
    """A title without the speaker it opens with: a speaker's name tells who spoke, not which
    event, and the names veto (`names_conflict`) reads title words as the event's names.

    >>> event_title("آل دريس: تفجير مسجد قوات الطوارئ عمل إجرامي")
    'تفجير مسجد قوات الطوارئ عمل إجرامي'
    >>> event_title("الموعد 10:30 مساء"), event_title("رئيس وزراء تركيا الأسبق يعلن عن خطة: السلام")
    ('الموعد 10:30 مساء', 'رئيس وزراء تركيا الأسبق يعلن عن خطة: السلام')
    """
    title = title or ""
    speaker = _SPEAKER_RE.match(title)
    if speaker is None or len(title[: speaker.end()].split()) > 4:
        return title
    return title[speaker.end() :]


#: Reads, for each title, the words that are parts of names (of people, places, organizations).
NameReader = Callable[[Sequence[str]], list[list[str]]]


def ner_title_names(titles: Sequence[str]) -> list[list[str]]:
    """The words of each title that the packaged NER model tags as parts of names.

    >>> ner_title_names(["استشهاد الجندي يحيى الشامري بمقذوف في جازان"])
    [['يحيى', 'الشامري', 'جازان']]
    """
    tokens = [[token.text for token in tokenize(title)] for title in titles]
    tags = _packaged_tagger().tag_tokens(tokens)
    return [
        [word for word, tag in zip(words, row, strict=True) if tag != "O"]
        for words, row in zip(tokens, tags, strict=True)
    ]


@lru_cache(maxsize=1)
def _packaged_tagger() -> Tagger:
    return Tagger.load()


def _keys(text: str) -> list[str]:
    keys = (_stem(word) for word in _WORD_RE.findall(fold(text)))
    return [key for key in keys if key not in _STOPWORDS and len(key) > 1]


def entity_keys(article: Article) -> list[str]:
    """The entities an article names: linked entity ids, else the mention's folded text.

    >>> from marsad.model import Mention
    >>> entity_keys(Article("a", "a", "", mentions=(Mention(0, 6, "الناتو", "ORG"),
    ...     Mention(9, 13, "ناتو", "ORG", "Q7184"))))
    ['ORG:ناتو', 'Q7184']
    """
    keys = []
    for mention in article.mentions:
        if mention.entity:
            keys.append(mention.entity)
        else:
            words = [_stem(w) for w in _WORD_RE.findall(fold(mention.text))]
            keys.append(f"{mention.type}:{' '.join(words)}")
    return keys


def story_id_for(article_id: str) -> str:
    """A new story's id, derived from the article that opened it (stable across runs)."""
    return "s" + hashlib.sha1(article_id.encode()).hexdigest()[:12]


@dataclass(slots=True)
class Member:
    """An article of an active story, as the index keeps it."""

    id: str
    story: str
    outlet: str | None
    at: datetime
    duplicate_of: str | None


@dataclass(slots=True)
class ActiveStory:
    """A story that can still grow: the sums of its members' unit vectors and their norms."""

    id: str
    words: sp.csr_matrix
    words_norm2: float
    entities_norm2: float
    first_at: datetime
    last_at: datetime
    member_words: sp.csr_matrix  # one row per member, in `members` order
    member_entities: sp.csr_matrix
    members: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Settled:
    """A story as `consolidate` compares it: its heaviest features (of the sum of its members'
    unit vectors) at unit length, of title and lead and of the body, and its span."""

    id: str
    words: sp.csr_matrix
    body: sp.csr_matrix
    first_at: datetime
    last_at: datetime
    keys: StoryKeys


def close_pairs(
    vectors: sp.csr_matrix, rows: Sequence[int], threshold: float
) -> list[tuple[int, int, float]]:
    """Pairs (row, other, cosine) of unit `vectors` at least `threshold` close, `row` one of `rows`.
    A sparse product: only pairs that share a feature are ever scored (an inverted index).

    >>> v = _unit_rows(sp.csr_matrix(np.array([[3.0, 1.0, 0.0], [0.0, 1.0, 3.0], [3.0, 0.0, 1.0]])))
    >>> [(i, j, round(c, 2)) for i, j, c in close_pairs(v, [0], 0.5)]
    [(0, 2, 0.9)]
    """
    parts = _in_halves(vectors, _take_rows(vectors, rows).T.tocsr(), lambda part: part.tocoo())
    offsets = np.cumsum([0] + [part.shape[0] for part in parts[:-1]])
    other = np.concatenate([part.row + offset for part, offset in zip(parts, offsets, strict=True)])
    row = np.asarray(rows)[np.concatenate([part.col for part in parts])]
    similarity = np.concatenate([part.data for part in parts])
    close = (similarity >= threshold) & (row != other)
    return list(zip(row[close].tolist(), other[close].tolist(), similarity[close].tolist(), strict=True))


class StoryIndex:
    """The clustering state: document frequencies, active stories, and near-duplicate signatures."""

    def __init__(
        self,
        params: StoryParams | None = None,
        df: np.ndarray | None = None,
        docs: int = 0,
        encoder: Callable[[Sequence[str]], np.ndarray] | None = None,
        name_reader: NameReader | None = None,
    ):
        self.params = params or StoryParams()
        if self.params.title_names not in ("ner", "rare"):
            raise ValueError(f"title_names: {self.params.title_names!r} is neither 'ner' nor 'rare'")
        #: The names of each title, for `title_names="ner"` (default: `ner_title_names`).
        self.name_reader = name_reader or ner_title_names
        #: Unit title embeddings for `semantic_weight` (default: `semantic.TitleEncoder`).
        self.encoder = encoder
        self.df = df if df is not None else np.zeros(N_FEATURES, dtype=np.int64)
        self.docs = docs
        self.stories: dict[str, ActiveStory] = {}
        self.members: dict[str, Member] = {}
        self.story_keys: dict[str, StoryKeys] = {}
        self.member_keys: dict[str, ArticleKeys] = {}
        #: Stories merged into another since the index was made: merged id -> surviving id.
        self.merged: dict[str, str] = {}
        #: Stories that grew since the last `consolidate`, and the run's retired stories that a
        #: later fragment may still merge with.
        self.fresh: set[str] = set()
        self.settled: dict[str, Settled] = {}
        self._heavy: dict[str, sp.csr_matrix] = {}  # active stories' merge vectors, until they grow
        self._body: dict[str, sp.csr_matrix] = {}  # active stories' sums of unit body vectors
        self._heavy_body: dict[str, sp.csr_matrix] = {}
        #: Stories an analyst curated (merged, split): never merged automatically.
        self.pinned: set[str] = set()
        self.duplicates = DuplicateIndex()
        self.latest_at: datetime | None = None

    # -- vectors ---------------------------------------------------------------------------

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        idf = (np.log((self.docs + 1.0) / (self.df + 1.0)) + 1.0) ** self.params.idf_power
        # float32: half the memory traffic of the sparse products; bench/stories.py measured the
        # same scores and story counts as with float64.
        return _unit_rows(sp.csr_matrix(counts.multiply(idf.reshape(1, -1)))).astype(np.float32)

    def _observe(self, counts: sp.csr_matrix, *, documents: bool = True) -> None:
        np.add.at(self.df, counts.indices, 1)  # each (row, feature) is stored once in a CSR matrix
        if documents:
            self.docs += counts.shape[0]

    def vectors(
        self,
        articles: Sequence[Article],
        *,
        observe: bool,
        counts: tuple[sp.csr_matrix, sp.csr_matrix] | None = None,
    ) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """Unit word and entity vectors of `articles` (document frequencies first counted if
        `observe`) from their `text_counts` (counted here if not given)."""
        word_counts, entity_counts = counts or text_counts(self.params, articles)
        if observe:
            # One table for both: entity keys ("LOC:...", ids) do not collide with text features.
            self._observe(word_counts)
            self._observe(entity_counts, documents=False)
        words = _top(self._weigh(word_counts), self.params.top_features)
        if self.params.semantic_weight:
            words = self._with_titles(words, articles)
        return words, self._weigh(entity_counts)

    def _with_titles(self, words: sp.csr_matrix, articles: Sequence[Article]) -> sp.csr_matrix:
        """Unit word vectors joined by unit title embeddings: a cosine of (1 - w) word plus w
        embedding cosine (w = `semantic_weight`)."""
        if self.encoder is None:
            from marsad.corpus.semantic import TitleEncoder

            self.encoder = TitleEncoder()
        weight = self.params.semantic_weight
        titles = self.encoder([a.title or a.text[:200] for a in articles])
        joined = sp.hstack([np.sqrt(1.0 - weight) * words, sp.csr_matrix(np.sqrt(weight) * titles)])
        return sp.csr_matrix(joined, dtype=np.float32)

    def body_vectors(
        self, articles: Sequence[Article], *, observe: bool, counts: sp.csr_matrix | None = None
    ) -> sp.csr_matrix:
        """Unit vectors of the light-stemmed words of each article's title and body (their
        document frequencies first counted if `observe`), from their `body_counts` if given."""
        counts = counts if counts is not None else body_counts(self.params, articles)
        if counts is None:
            return sp.csr_matrix((len(articles), N_FEATURES))
        if observe:
            self._observe(counts, documents=False)
        return self._weigh(counts)

    @property
    def _merges_bodies(self) -> bool:
        return merges_bodies(self.params)

    def _add_bodies(self, body: sp.csr_matrix, rows: Sequence[int], stories: Sequence[str]) -> None:
        if not self._merges_bodies:
            return
        for row, story_id in zip(rows, stories, strict=True):
            total = self._body.get(story_id)
            self._body[story_id] = body[row] if total is None else total + body[row]
            self._heavy_body.pop(story_id, None)

    def article_keys(
        self,
        articles: Sequence[Article],
        *,
        observe: bool,
        counts: tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix] | None = None,
    ) -> list[ArticleKeys]:
        """The hashed word keys of each article's title, of its title and lead and of its title's
        names (their document frequencies first counted if `observe`, unless the word features
        counted them already), from their `key_counts` if given."""
        hashed = counts or key_counts(self.params, articles, self.name_reader)
        if hashed is None:
            return [ArticleKeys(frozenset(), frozenset())] * len(articles)
        titles, texts, names = hashed
        if observe and not (self.params.features == "chars" and self.params.word_weight):
            self._observe(texts, documents=False)
        return [
            ArticleKeys(
                frozenset(_row(titles, i).tolist()),
                frozenset(_row(texts, i).tolist()),
                frozenset(_row(names, i).tolist()),
                _day_of(article),
            )
            for i, article in enumerate(articles)
        ]

    def rare(self, keys: Iterable[int]) -> set[int]:
        """The rare ones of `keys` (one array lookup for all: stories hold thousands of keys)."""
        array = np.fromiter(keys, dtype=np.int64)
        # At least 3 articles, so that the first batches of a run do not call every word rare.
        limit = max(3.0, self.params.conflict_df * self.docs)
        return set(array[self.df[array] <= limit].tolist())

    def conflicts(self, keys: ArticleKeys, story_id: str, nearest: ArticleKeys | None = None) -> bool:
        """Whether an article with `keys` names another event than the story (or than `nearest`,
        the story's article most like it)."""
        story = self.story_keys.get(story_id)
        if not self.params.conflict_df or story is None:
            return False
        share = self.params.conflict_share
        if self.params.title_names == "rare":
            return names_conflict(keys, story, self.rare, share, nearest)
        if names_conflict(keys, story, self.rare, share, nearest, by_names=True):
            return True
        return self._long_after(keys, nearest) and names_conflict(keys, story, self.rare, share, nearest)

    def _long_after(self, keys: ArticleKeys, nearest: ArticleKeys | None) -> bool:
        """Whether the article lies `vocabulary_days` or more after `nearest`."""
        days = self.params.vocabulary_days
        if not days or nearest is None or keys.day is None or nearest.day is None:
            return False
        return keys.day - nearest.day >= days

    # -- assignment --------------------------------------------------------------------------

    def assign(
        self,
        articles: Sequence[Article],
        known: dict[str, str] | None = None,
        inputs: BatchInputs | None = None,
    ) -> list[Assignment]:
        """Place `articles` (in order) into stories; `known` fixes the story of articles placed
        before (a re-analyzed article stays where it, or an analyst, put it); `inputs`: their
        `read_inputs`, read here if not given."""
        if not articles:
            return []
        known = known or {}
        inputs = inputs or read_inputs(self.params, articles, self.name_reader)
        words, entities = self.vectors(articles, observe=True, counts=(inputs.words, inputs.entities))
        keys = self.article_keys(articles, observe=True, counts=inputs.keys)
        batch = _Batch(self, words, entities, keys)
        body = self.body_vectors(articles, observe=True, counts=inputs.body)
        new = [row for row, article in enumerate(articles) if article.id not in self.members]
        out = []
        for row, article in enumerate(articles):
            at = _moment(article, self.latest_at)
            self.latest_at = max(self.latest_at, at) if self.latest_at else at
            out.append(self._place(batch, row, article, at, known, inputs.signatures[row]))
        batch.finish(articles)
        self._add_bodies(body, new, [out[row].story for row in new])
        self._retire()
        return [replace(a, story=self.resolve(a.story)) for a in out]

    def resolve(self, story_id: str) -> str:
        """The story `story_id` is now part of (itself unless it was merged)."""
        while story_id in self.merged:
            story_id = self.merged[story_id]
        return story_id

    def consolidate(self) -> dict[str, str]:
        """Merge each story that grew since the last call with the stories of the run close to it
        (see the module docstring, 6.); returns the merges made (merged id -> surviving id)."""
        params = self.params
        if not params.merge_threshold:
            self.fresh.clear()
            return {}
        pool = self._pool()
        fresh = [i for i, story in enumerate(pool) if story.id in self.fresh]
        self.fresh.clear()
        if len(pool) < 2 or not fresh:
            return {}
        first = np.array([_days(story.first_at) for story in pool])
        last = np.array([_days(story.last_at) for story in pool])
        # (i, j, similarity, named): a named pair merges only if one names the other's event.
        candidates = [
            (i, j, similarity, False)
            for i, j, similarity in close_pairs(
                _stack([story.words for story in pool]), fresh, params.merge_threshold
            )
        ]
        if self._merges_bodies:
            bodies = _stack([story.body for story in pool])
            lowest = min(params.named_merge_threshold or 1.0, params.body_merge_threshold)
            candidates += [
                (i, j, similarity, similarity < params.body_merge_threshold)
                for i, j, similarity in close_pairs(bodies, fresh, lowest)
            ]
        pairs = [
            (similarity, pool[i].id, pool[j].id, named)
            for i, j, similarity, named in candidates
            if max(first[i] - last[j], first[j] - last[i]) <= params.merge_days
        ]
        made: dict[str, str] = {}
        started = {story.id: _days(story.first_at) for story in pool}
        keys: dict[str, StoryKeys] = {}  # of each story with the fragments merged into it
        for story in pool:
            keys.setdefault(self.resolve(story.id), StoryKeys()).merge(story.keys)
        for _, left, right, named in sorted(pairs, key=lambda pair: (-pair[0], pair[1], pair[2])):
            left, right = self.resolve(left), self.resolve(right)
            if (
                left == right
                or {left, right} & self.pinned
                or self._established(keys[left], keys[right])
                or self._stories_conflict(keys[left], keys[right])
                or (named and not self._names_event(keys[left], keys[right]))
            ):
                continue
            # The older story keeps its id: it is the one analysts have seen.
            keep, other = sorted((left, right), key=lambda story: (started.get(story, -np.inf), story))
            self.merged[other] = made[other] = keep
            keys[keep].merge(keys.pop(other))
        return made

    def _established(self, one: StoryKeys, other: StoryKeys) -> bool:
        """Whether both stories hold `merge_limit` articles or more."""
        limit = self.params.merge_limit
        return bool(limit) and min(one.size, other.size) >= limit

    def _names_event(self, one: StoryKeys, other: StoryKeys) -> bool:
        """Whether most titles of the smaller story use a name of the larger one's event: a rare
        title key of at least `named_share` of its titles (two at least). Every rare title word
        counts here, not only the titles' names as in `names_missing`: this test lets merges
        happen, and with names only bench/stories.py measured the same scores (gold set, daily
        closes, cables) and 53 more single articles."""
        small, big = sorted((one, other), key=lambda keys: keys.size)
        names = title_names(big, self.rare, self.params.named_share)
        return any(2 * small.titles[key] >= small.size for key in names)

    def _stories_conflict(self, one: StoryKeys, other: StoryKeys) -> bool:
        if not self.params.conflict_df:
            return False
        share = self.params.conflict_share
        by_names = self.params.title_names == "ner"
        missing = names_missing(one, other, self.rare, share, by_names=by_names)
        return missing or names_missing(other, one, self.rare, share, by_names=by_names)

    def _pool(self) -> list[Settled]:
        """The stories a fresh story may merge with: the active ones and the run's settled ones."""
        active = list(self.stories.values())
        k = self.params.merge_features
        grown = [s for s in active if s.id not in self._heavy]
        if grown:
            words = _unit_rows(_top(_stack([s.words for s in grown]), k))
            self._heavy.update((s.id, words[i]) for i, s in enumerate(grown))
        grown = [s for s in active if s.id not in self._heavy_body]
        empty = sp.csr_matrix((1, N_FEATURES))
        if grown and self._merges_bodies:
            body = _unit_rows(_top(_stack([self._body.get(s.id, empty) for s in grown]), k))
            self._heavy_body.update((s.id, body[i]) for i, s in enumerate(grown))
        pool = [
            Settled(
                s.id,
                self._heavy[s.id],
                self._heavy_body.get(s.id, empty),
                s.first_at,
                s.last_at,
                self.story_keys.get(s.id, StoryKeys()),
            )
            for s in active
        ]
        return pool + [s for s in self.settled.values() if s.id not in self.stories]

    def _place(
        self, batch: _Batch, row: int, article: Article, at: datetime, known: dict[str, str], minhash: MinHash
    ) -> Assignment:
        existing = self.members.get(article.id)
        if existing is not None:
            return Assignment(article.id, existing.story, existing.duplicate_of)
        original = self.duplicates.find(article.id, article.text, minhash)
        self.duplicates.add(article.id, article.text, minhash)
        source = self.members.get(original) if original is not None else None
        if (
            source is not None
            and abs(_days(source.at) - _days(at)) <= self.params.window_days
            and not self.conflicts(batch.keys[row], source.story, self.member_keys.get(source.id))
        ):
            root = source.duplicate_of or source.id
            story_id = known.get(article.id, source.story)
            self._remember(article, story_id, at, root)
            batch.join(row, story_id, at)
            return Assignment(article.id, story_id, root)
        placed_before = known.get(article.id)
        found = self.resolve(placed_before) if placed_before else batch.best(row, at)
        story_id = found or story_id_for(article.id)
        self._remember(article, story_id, at, None)
        batch.join(row, story_id, at)
        return Assignment(article.id, story_id, opened=found is None)

    def _remember(self, article: Article, story_id: str, at: datetime, duplicate_of: str | None) -> None:
        self.members[article.id] = Member(article.id, story_id, article.outlet, at, duplicate_of)

    def _retire(self) -> None:
        """Stories with no article within the window of the latest article leave the index."""
        if self.latest_at is None:
            return
        horizon = self.latest_at - timedelta(days=self.params.window_days)
        retired = {s.id for s in self.stories.values() if s.last_at < horizon}
        if self.params.merge_threshold:
            self.settled.update((s.id, s) for s in self._pool() if s.id in retired)
        for story_id in sorted(retired):
            story = self.stories.pop(story_id)
            self._heavy.pop(story_id, None)
            self._body.pop(story_id, None)
            self._heavy_body.pop(story_id, None)
            self.duplicates.remove(story.members)
            for member in story.members:
                self.members.pop(member, None)
            self.story_keys.pop(story_id, None)
            for member in story.members:
                self.member_keys.pop(member, None)
        # A settled story this far back lies beyond `merge_days` of any story still growing.
        settled_horizon = horizon - timedelta(days=self.params.merge_days)
        for story_id in [s.id for s in self.settled.values() if s.last_at < settled_horizon]:
            del self.settled[story_id]

    # -- loading -----------------------------------------------------------------------------

    def load(self, articles: Sequence[Article], duplicate_of: dict[str, str]) -> None:
        """Rebuild the active stories from stored articles (each with its `story` set)."""
        placed = [a for a in articles if a.story]
        if not placed:
            return
        words, entities = self.vectors(placed, observe=False)
        batch = _Batch(self, words, entities, self.article_keys(placed, observe=False))
        self._add_bodies(
            self.body_vectors(placed, observe=False), range(len(placed)), [a.story or "" for a in placed]
        )
        for row, article in enumerate(placed):
            at = _moment(article, self.latest_at)
            self.latest_at = max(self.latest_at, at) if self.latest_at else at
            assert article.story is not None
            self._remember(article, article.story, at, duplicate_of.get(article.id))
            self.duplicates.add(article.id, article.text)
            batch.join(row, article.story, at)
        batch.finish(placed)
        self.fresh.clear()  # consolidated by the run that stored them
        self._retire()


_DAY_S = 86400.0


class _Batch:
    """Scores of one batch of articles against the active stories, kept exact as the batch's own
    articles join stories: the dot product with a story's sum is the product with its sum before
    the batch plus the products with the batch articles that joined it since, and its squared
    norm grows by 2·(v·sum) + v·v when v joins."""

    def __init__(
        self, index: StoryIndex, words: sp.csr_matrix, entities: sp.csr_matrix, keys: list[ArticleKeys]
    ) -> None:
        self.index = index
        self.words, self.entities, self.keys = words, entities, keys
        active = list(index.stories.values())
        size, n = words.shape[0], len(active) + words.shape[0]
        self.ids = [s.id for s in active]
        self.position = {story_id: i for i, story_id in enumerate(self.ids)}
        self.dot_words = np.zeros((size, n))
        self.dot_entities = np.zeros((size, n))
        self.norm2_words = np.zeros(n)
        self.norm2_entities = np.zeros(n)
        self.first = np.zeros(n)
        self.last = np.zeros(n)
        for i, story in enumerate(active):
            self.norm2_words[i], self.norm2_entities[i] = story.words_norm2, story.entities_norm2
            self.first[i], self.last[i] = _days(story.first_at), _days(story.last_at)
        self.pair_words = (words @ words.T).toarray()
        self.pair_entities = (entities @ entities.T).toarray()
        weight = index.params.entity_weight
        self.pair = self.pair_words + weight * self.pair_entities
        # Similarity with each story's most similar article, so a developing story whose centre has
        # moved still takes a report of its latest turn.
        self.nearest = np.zeros((size, n))
        self.similar, self.starts, self.member_ids = np.zeros((size, 0)), np.zeros(1, dtype=int), []
        if active:
            starts = np.cumsum([0] + [s.member_words.shape[0] for s in active[:-1]])
            # A story's vector is the sum of its articles' vectors: the dot product with it is
            # the sum of the products with its articles, which `similar` holds anyway.
            similar = _dense_product(words, _stack([s.member_words for s in active]))
            self.dot_words[:, : len(active)] = np.add.reduceat(similar, starts, axis=1, dtype=np.float64)
            if weight:
                with_entities = _dense_product(entities, _stack([s.member_entities for s in active]))
                self.dot_entities[:, : len(active)] = np.add.reduceat(with_entities, starts, axis=1)
                similar = similar + weight * with_entities
            self.nearest[:, : len(active)] = np.maximum.reduceat(similar, starts, axis=1)
            self.similar, self.starts = similar, np.append(starts, similar.shape[1])
            self.member_ids = [member for s in active for member in s.members]
        self.joined = np.zeros((size, size))  # joined[row, k]: the row joined the k-th touched story
        self.touched: list[int] = []
        self.touched_index: dict[int, int] = {}

    def _dots(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        dot_words, dot_entities = self.dot_words[row].copy(), self.dot_entities[row].copy()
        if self.touched:
            k = len(self.touched)
            dot_words[self.touched] += self.pair_words[row] @ self.joined[:, :k]
            dot_entities[self.touched] += self.pair_entities[row] @ self.joined[:, :k]
        return dot_words, dot_entities

    def best(self, row: int, at: datetime) -> str | None:
        params = self.index.params
        n = len(self.ids)
        if n == 0:
            return None
        dot_words, dot_entities = self._dots(row)
        scores = dot_words[:n] / np.sqrt(np.maximum(self.norm2_words[:n], 1e-12))
        scores += (
            params.entity_weight * dot_entities[:n] / np.sqrt(np.maximum(self.norm2_entities[:n], 1e-12))
        )
        nearest = self.nearest[row, :n].copy()
        if self.touched:
            k = len(self.touched)
            within = (self.pair[row][:, None] * self.joined[:, :k]).max(axis=0)
            nearest[self.touched] = np.maximum(nearest[self.touched], within)
        # A large story that mixes events has a short centroid whose cosine with any article of
        # its broad topic is high: the centroid test also needs one article of the story close.
        scores[nearest < params.support_threshold] = 0.0
        day, window = _days(at), params.window_days
        gap = np.maximum(self.first[:n] - day, day - self.last[:n]).clip(min=0.0)
        # Only the centroid test decays with time: a report this close to one of a story's
        # articles is its follow-up however many days later.
        scores *= np.maximum(1.0 - params.day_penalty * gap, 0.0)
        # One scale for both tests: the neighbour threshold maps onto the centroid threshold.
        scores = np.maximum(scores, nearest * (params.threshold / params.neighbour_threshold))
        scores[gap > window] = 0.0
        above = np.flatnonzero(scores >= params.threshold)
        for best in above[np.argsort(-scores[above], kind="stable")]:
            similarity, closest = self._nearest(row, best)
            below_ceiling = not params.veto_ceiling or similarity < params.veto_ceiling
            vetoable = params.conflict_similarity <= similarity and below_ceiling
            if not (vetoable and self.index.conflicts(self.keys[row], self.ids[best], closest)):
                return self.ids[best]
        return None

    def _nearest(self, row: int, i: int) -> tuple[float, ArticleKeys | None]:
        """The similarity and keys of story `i`'s article most like the batch's article `row`."""
        best, keys = -1.0, None
        if i + 1 < len(self.starts):
            start, end = self.starts[i], self.starts[i + 1]
            if end > start:
                j = int(np.argmax(self.similar[row, start:end]))
                best, keys = (
                    self.similar[row, start + j],
                    self.index.member_keys.get(self.member_ids[start + j]),
                )
        k = self.touched_index.get(i)
        if k is not None:
            rows = np.flatnonzero(self.joined[:, k])
            if len(rows):
                j = int(rows[np.argmax(self.pair[row, rows])])
                if self.pair[row, j] > best:
                    best, keys = self.pair[row, j], self.keys[j]
        return float(best), keys

    def join(self, row: int, story_id: str, at: datetime) -> None:
        i = self.position.get(story_id)
        day = _days(at)
        if i is None:
            i = len(self.ids)
            self.ids.append(story_id)
            self.position[story_id] = i
            self.first[i] = self.last[i] = day
        dot_words, dot_entities = self._dots(row)
        self.norm2_words[i] += 2 * dot_words[i] + self.pair_words[row, row]
        self.norm2_entities[i] += 2 * dot_entities[i] + self.pair_entities[row, row]
        self.first[i], self.last[i] = min(self.first[i], day), max(self.last[i], day)
        k = self.touched_index.get(i)
        if k is None:
            k = self.touched_index[i] = len(self.touched)
            self.touched.append(i)
        self.joined[row, k] = 1.0
        self.index.story_keys.setdefault(story_id, StoryKeys()).add(self.keys[row])

    def finish(self, articles: Sequence[Article]) -> None:
        """Fold the batch into the index's stories."""
        stories = self.index.stories
        k = len(self.touched)
        if k == 0:
            return
        word_sums = sp.csr_matrix(self.joined[:, :k].T) @ self.words
        for i, k in self.touched_index.items():
            rows = np.flatnonzero(self.joined[:, k])
            story_id = self.ids[i]
            words = _take_rows(word_sums, [k])
            member_words, member_entities = _take_rows(self.words, rows), _take_rows(self.entities, rows)
            first_at, last_at = _moment_of_day(self.first[i]), _moment_of_day(self.last[i])
            story = stories.get(story_id)
            if story is None:
                story = stories[story_id] = ActiveStory(
                    story_id, words, 0.0, 0.0, first_at, last_at, member_words, member_entities
                )
            else:
                story.words = story.words + words
                story.member_words = _stack([story.member_words, member_words])
                story.member_entities = _stack([story.member_entities, member_entities])
                story.first_at, story.last_at = first_at, last_at
            story.words_norm2, story.entities_norm2 = self.norm2_words[i], self.norm2_entities[i]
            story.members.extend(articles[int(row)].id for row in rows)
            self.index.fresh.add(story_id)
            self.index._heavy.pop(story_id, None)  # its merge vector is out of date
            for row in rows:
                self.index.member_keys[articles[int(row)].id] = self.keys[int(row)]


def assign_stories(
    articles: Sequence[Article], index: StoryIndex, known: dict[str, str] | None = None
) -> list[Article]:
    """`articles` with `story` set, placed by (and added to) `index`."""
    placed = index.assign(articles, known)
    return [replace(a, story=p.story) for a, p in zip(articles, placed, strict=True)]


def _moment(article: Article, fallback: datetime | None) -> datetime:
    return article.published_at or article.fetched_at or fallback or datetime(1970, 1, 1)


def _day_of(article: Article) -> float | None:
    moment = article.published_at or article.fetched_at
    return _days(moment) if moment else None


def _days(moment: datetime) -> float:
    return moment.timestamp() / _DAY_S


def _moment_of_day(day: float) -> datetime:
    return datetime.fromtimestamp(day * _DAY_S)


def _top(matrix: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Each row with only its `k` largest values (0: all), scaled back to unit length."""
    if k <= 0:
        return matrix
    matrix = matrix.copy()
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        if end - start > k:
            values = matrix.data[start:end]
            values[np.argpartition(values, -k)[:-k]] = 0.0  # exactly k, ties or not
    matrix.eliminate_zeros()
    return _unit_rows(matrix)


def _stack(blocks: Sequence[sp.csr_matrix]) -> sp.csr_matrix:
    """The rows of CSR `blocks`, one block under the other: `sp.vstack`'s matrix, without its
    checks of every block (each batch stacks the article vectors of thousands of stories; clustering
    SaudiNewsNet took 128 s instead of 134 on one thread).

    >>> a, b = sp.csr_matrix(np.array([[0.0, 2.0]])), sp.csr_matrix(np.array([[1.0, 0.0], [0.0, 3.0]]))
    >>> _stack([a, b]).toarray().tolist()
    [[0.0, 2.0], [1.0, 0.0], [0.0, 3.0]]
    """
    sizes = np.fromiter((block.indptr[-1] for block in blocks), dtype=np.int64, count=len(blocks))
    offsets = np.cumsum(sizes) - sizes
    indptr = np.concatenate(
        [[0]] + [b.indptr[1:] + offset for b, offset in zip(blocks, offsets, strict=True)]
    )
    data = np.concatenate([b.data[: b.indptr[-1]] for b in blocks])
    indices = np.concatenate([b.indices[: b.indptr[-1]] for b in blocks])
    return sp.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, blocks[0].shape[1]))


_T = TypeVar("_T")


def _dense_product(rows: sp.csr_matrix, others: sp.csr_matrix) -> np.ndarray:
    """`(rows @ others.T).toarray()`."""
    return np.ascontiguousarray(np.vstack(_in_halves(others, rows.T.tocsr(), lambda part: part.toarray())).T)


def _in_halves(
    others: sp.csr_matrix, rows_t: sp.csr_matrix, convert: Callable[[sp.csr_matrix], _T]
) -> list[_T]:
    """`others @ rows_t` (`rows_t`: a few rows, transposed), each half of `others` multiplied and
    converted on a thread of its own: scipy's sparse product releases the GIL, and a batch's
    products with the active stories' articles are a third of the clustering time. `rows` are
    the ones transposed because they are few: transposing `others` (every active story's
    articles) for every batch took 13 s of the clustering of SaudiNewsNet."""
    half = (others.shape[0] + 1) // 2
    if _WORKERS < 2 or others.shape[0] < 2:
        return [convert(others @ rows_t)]
    with ThreadPoolExecutor(_WORKERS) as pool:
        return list(pool.map(lambda part: convert(part @ rows_t), (others[:half], others[half:])))


#: Threads for the batch products (`_dense_product`).
_WORKERS = min(2, os.cpu_count() or 1)


def _row(matrix: sp.csr_matrix, i: int) -> np.ndarray:
    return np.asarray(matrix.indices[matrix.indptr[i] : matrix.indptr[i + 1]])


def _unit_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scale = np.repeat(1.0 / norms, np.diff(matrix.indptr))
    return sp.csr_matrix(
        (matrix.data * scale, matrix.indices.copy(), matrix.indptr.copy()), shape=matrix.shape
    )


def _take_rows(matrix: sp.csr_matrix, rows: Sequence[int] | np.ndarray) -> sp.csr_matrix:
    """`matrix[rows]` without scipy's checks of the index (clustering takes rows of its
    matrices a hundred thousand times).

    >>> m = sp.csr_matrix(np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 4.0]]))
    >>> _take_rows(m, [2, 0]).toarray().tolist()
    [[3.0, 4.0], [1.0, 0.0]]
    """
    rows = np.asarray(rows, dtype=np.int64)
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    picks = np.arange(indptr[-1]) + np.repeat(starts - indptr[:-1], lengths)
    return sp.csr_matrix(
        (matrix.data[picks], matrix.indices[picks], indptr), shape=(len(rows), matrix.shape[1])
    )


class StoryStep:
    """The corpus step of `marsad analyze`: places each batch's articles into stories.

    Its state loads once per run from the store (document frequencies, and the active stories
    rebuilt from their stored articles, membership as analysts left it); at every commit the
    stories the run touched get their title, summary, claims and entities computed again.
    """

    name = "stories"

    def __init__(self, store: Store, index: StoryIndex) -> None:
        self.store = store
        self.index = index
        self.touched: set[str] = set()
        self.duplicates: dict[str, str] = {}
        self.moved: set[str] = set()  # merged stories whose stored articles moved already

    @classmethod
    def from_store(cls, store: Store, params: StoryParams | None = None) -> StoryStep:
        state = store.load_story_state()
        df = np.frombuffer(state["df"], dtype=np.int64).copy() if "df" in state else None
        docs = int(state["docs"].decode()) if "docs" in state else 0
        index = StoryIndex(params, df=df if df is not None and df.shape == (N_FEATURES,) else None, docs=docs)
        records = store.active_story_records(index.params.window_days)
        articles = [article_from_stored(r) for r in records]
        index.load(articles, store.story_duplicates(a.id for a in articles))
        index.pinned = store.pinned_stories()
        return cls(store, index)

    def apply(self, articles: list[Article]) -> list[Article]:
        known = self.store.assigned_stories(a.id for a in articles)
        placed = self.index.assign(articles, known)
        for assignment in placed:
            self.touched.add(assignment.story)
            if assignment.duplicate_of:
                self.duplicates[assignment.article_id] = assignment.duplicate_of
        return [replace(a, story=p.story) for a, p in zip(articles, placed, strict=True)]

    def save(self, store: Store) -> None:
        self.index.consolidate()
        for story_id in [s for s in self.index.merged if s not in self.moved]:
            into = self.index.resolve(story_id)
            store.move_story(story_id, into)
            self.moved.add(story_id)
            self.touched.discard(story_id)
            self.touched.add(into)
        store.save_story_state({"df": self.index.df.tobytes(), "docs": str(self.index.docs).encode()})
        store.save_duplicates(self.duplicates.items())
        for story_id in sorted(self.touched | set(store.stale_stories())):
            refresh_story(store, story_id)
        self.touched.clear()
        self.duplicates.clear()


def refresh_story(store: Store, story_id: str) -> Story | None:
    """Compute a stored story's title, summary, claims and entities again and store them."""
    from marsad.corpus.summaries import MAX_ARTICLES, describe_story

    records = store.story_records(story_id, limit=MAX_ARTICLES)
    if not records:
        return None
    articles = [article_from_stored(r) for r in records]
    story = describe_story(story_id, articles, store.story_duplicates(a.id for a in articles))
    store.save_story(story)
    return story
