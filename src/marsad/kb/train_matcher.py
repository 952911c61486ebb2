"""Train the name-word pair classifier behind `marsad.arabic.names.word_similarity`.

    python -m marsad.kb.train_matcher --datasets ../shared/datasets [--out src/marsad/data/matcher.json]

Learns from the *train* split of the name-variant sources only (`marsad.kb.pairs`: positives are
two spellings of one English key, negatives similar spellings of other names); bench/name_pairs.py
scores the test split. Three steps:

1. Learned edit costs (`names.LearnedEdits`): hard-EM estimates of a stochastic edit distance
   (Ristad & Yianilos 1998) over the folded words, one on the positives and one on the
   negatives, each operation's cost its log-odds against the letters' chance frequency, and,
   for operations seen often enough, by its place in the word (first letter, last letter,
   between; smoothed toward its overall cost): كولبير / كولبيرت drop a silent final ت, which
   inside a word would make another name.
2. Scikit-learn's gradient boosting over `names.pair_features`, trained on the positives, the
   protocol's negatives and `EXTRA_NEGATIVES` more draws of them (other random picks among the
   same similar spellings: more of the boundary to learn from), weighted to balance the classes,
   plus, lightly weighted (`FAR_WEIGHT`), `far_negatives`: pairs farther apart than the protocol
   draws from but that linking compares (without them the trees scored عبدالله / عبدالرزاق 0.99).
3. The threshold: the lowest whose precision reaches `TARGET_PRECISION` on out-of-fold scores
   (five folds by English key, each scored by edit costs and trees fit without it, through
   `names.score_pair`, rules included) of the protocol's pairs, so it is not set on pairs the
   trees have memorised.

The trees are written as plain lists, with the edit costs, in a small JSON file, so scoring
needs neither scikit-learn nor numpy.

It first writes `marsad/data/native_names.txt`, the person-name words of Arabic news (the
ANERgazet person gazetteer and the words tagged B-PERS/I-PERS in ANERcorp, folded, article
aside), each with how often SaudiNewsNet writes it after بن / ابن / بنت / أبو / أم: the
short-word rule of `names.score_pair` keeps two such names apart (محمد / محمود) when one is an
Arabic given name by that count, and leaves foreign ones (جان / جيان) to the classifier.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rapidfuzz.distance import OSA, Levenshtein

from marsad.arabic.keys import fold
from marsad.arabic.names import (
    GIVEN_NAME_MIN,
    MATCHER,
    NATIVE_NAMES,
    ROUGH_CUT,
    EditCosts,
    LearnedEdits,
    PairClassifier,
    _bare,
    bare_pair,
    edit_places,
    keeps_article,
    pair_features,
    score_pair,
    skeleton,
    sound_key,
)
from marsad.kb.pairs import negative_pairs, positive_pairs, same_name, spellings_by_key

DEFAULT_OUT = Path(__file__).parents[1] / "data" / MATCHER
NATIVE_OUT = Path(__file__).parents[1] / "data" / NATIVE_NAMES
_ARABIC_WORD = re.compile("^[\u0621-\u064a]{2,}$")
TARGET_PRECISION = 0.97
TREES = 150
DEPTH = 3
FOLDS = 5
#: Seeds of the further negative draws added to training (the protocol's own draw is seed 11).
EXTRA_NEGATIVES = (12, 13, 14)
#: Far negatives: under this similarity (the protocol's negatives are at least as similar), drawn
#: among this many random tries per word.
FAR = 0.6
FAR_TRIES = 40
#: The far negatives' total weight, against the positives' (and the near negatives') 1: they
#: teach the trees a region, not the boundary.
FAR_WEIGHT = 0.05
#: Hard-EM rounds and add-alpha smoothing of the learned edit costs.
EM_ROUNDS = 4
ALPHA = 0.5
#: Placed edit costs: for operations seen this often, smoothed with this many operations' weight.
PLACED_MIN = 5
PLACED_PRIOR = 5.0

Pair = tuple[str, str]


def recall_at_precision(scored: list[tuple[float, bool]], target: float) -> tuple[float, float, float]:
    """(threshold, precision, recall) of the lowest threshold whose precision reaches `target`."""
    ordered = sorted(scored, key=lambda item: -item[0])
    total = sum(1 for _, positive in ordered if positive)
    best = (1.01, 1.0, 0.0)
    true = false = 0
    for i, (score, positive) in enumerate(ordered):
        true += positive
        false += not positive
        last_of_tie = i + 1 == len(ordered) or ordered[i + 1][0] != score
        if last_of_tie and true / (true + false) >= target:
            best = (score, true / (true + false), true / max(1, total))
    return best


def native_names(datasets: Path) -> dict[str, int]:
    """Person-name words of Arabic news (ANERgazet's person gazetteer and ANERcorp's PERS tokens),
    each with how often SaudiNewsNet writes it after a kinship word (`KINSHIP_RE`): the count
    tells Arabic given names from the foreign names the news tags as persons too."""
    words = set()
    gazetteer = datasets / "gazetteers" / "anergazet" / "AlignedPersGazetteer.txt"
    for line in gazetteer.read_text(encoding="utf-8").splitlines():
        words.update(line.split())
    for line in (datasets / "anercorp" / "train.txt").read_text(encoding="utf-8").splitlines():
        token, _, tag = line.partition(" ")
        if tag.strip().endswith("PERS"):
            words.add(token)
    keys = {_bare(fold(word)) for word in words}
    after_kinship = kinship_counts(datasets / "saudinewsnet" / "saudinewsnet.jsonl.gz")
    return {key: after_kinship[key] for key in sorted(keys) if _ARABIC_WORD.match(key)}


#: A kinship word of a nasab or kunya and the name after it (on folded text).
KINSHIP_RE = re.compile(r"(?:^|\s)(?:بن|ابن|بنت|ابو|ام)\s+([\u0621-\u064a]{2,})")


def kinship_counts(corpus: Path) -> Counter[str]:
    """How often each word (folded, article aside) follows بن / ابن / بنت / أبو / أم in a corpus."""
    counts: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            counts.update(_bare(word) for word in KINSHIP_RE.findall(fold(json.loads(line)["text"])))
    return counts


# -- learned edit costs -------------------------------------------------------------------------


Operation = tuple[str, str, str]  # letter of the first word, of the second, place in the first


def _alignment(a: str, b: str, model: EditCosts) -> list[Operation]:
    """The operations of the cheapest alignment of `a` to `b` under `model` ("" = no letter),
    each with its place in `a` (`names.edit_places`)."""
    lookup, indel, substitute = model.lookup, model.indel, model.substitute
    places = edit_places(len(a))

    def drop(i: int) -> float:
        return lookup.get((a[i - 1], "", places[i - 1]), indel)

    def add(i: int, j: int) -> float:
        return lookup.get(("", b[j - 1], places[i]), indel)

    def change(i: int, j: int) -> float:
        return lookup.get((a[i - 1], b[j - 1], places[i - 1]), substitute)

    rows, cols = len(a) + 1, len(b) + 1
    table = [[0.0] * cols for _ in range(rows)]
    for j in range(1, cols):
        table[0][j] = table[0][j - 1] + add(0, j)
    for i in range(1, rows):
        table[i][0] = table[i - 1][0] + drop(i)
        for j in range(1, cols):
            table[i][j] = min(
                table[i - 1][j] + drop(i), table[i][j - 1] + add(i, j), table[i - 1][j - 1] + change(i, j)
            )
    operations: list[Operation] = []
    i, j = len(a), len(b)
    while i or j:
        here = table[i][j]
        if i and j and math.isclose(here, table[i - 1][j - 1] + change(i, j)):
            operations.append((a[i - 1], b[j - 1], places[i - 1]))
            i, j = i - 1, j - 1
        elif i and math.isclose(here, table[i - 1][j] + drop(i)):
            operations.append((a[i - 1], "", places[i - 1]))
            i -= 1
        else:
            operations.append(("", b[j - 1], places[i]))
            j -= 1
    return operations


def learn_edit_costs(pairs: Sequence[Pair]) -> EditCosts:
    """Hard-EM (Viterbi) estimate of each operation's log-odds in aligned `pairs` (folded words,
    both directions) against the chance of its letters; starts from plain Levenshtein. An
    operation seen at least `PLACED_MIN` times also gets a cost at each place of the word it was
    seen at (`names.edit_places`), its share there smoothed toward its overall share with the
    weight of `PLACED_PRIOR` operations; elsewhere its overall cost stands."""
    letters = Counter(letter for pair in pairs for word in pair for letter in word)
    total_letters = sum(letters.values())
    chance = {letter: count / total_letters for letter, count in letters.items()}
    operations_possible = (len(chance) + 1) ** 2
    model = EditCosts({(x, x): 0.0 for x in chance}, 1.0, 1.0)
    for _ in range(EM_ROUNDS):
        counts: Counter[Operation] = Counter()
        for a, b in pairs:
            counts.update(_alignment(a, b, model))
            counts.update(_alignment(b, a, model))
        overall: Counter[Pair] = Counter()
        at_place: Counter[str] = Counter()
        for (x, y, place), count in counts.items():
            overall[x, y] += count
            at_place[place] += count
        total = sum(overall.values()) + ALPHA * operations_possible
        placed = {}
        for (x, y, place), count in counts.items():
            if overall[x, y] >= PLACED_MIN:
                share = (overall[x, y] + ALPHA) / total
                placed[x, y, place] = _log_odds(
                    count + PLACED_PRIOR * share, at_place[place] + PLACED_PRIOR, chance, x, y
                )
        unseen_letter = 1 / len(chance)
        model = EditCosts(
            {(x, y): _log_odds(count + ALPHA, total, chance, x, y) for (x, y), count in overall.items()},
            -math.log(ALPHA / total / unseen_letter**2),
            -math.log(ALPHA / total / unseen_letter),
            placed,
        )
    # As shipped (rounded in JSON), so that training sees the features scoring will compute.
    return EditCosts.from_json(model.to_json())


def _log_odds(count: float, total: float, chance: dict[str, float], x: str, y: str) -> float:
    """The cost of an operation seen `count` times in `total`: -log(its share / its letters' chance)."""
    by_chance = (chance.get(x, 1.0) if x else 1.0) * (chance.get(y, 1.0) if y else 1.0)
    return -math.log(count / total / by_chance)


def learn_edits(positives: Sequence[Pair], negatives: Sequence[Pair]) -> LearnedEdits:
    """Edit costs of spellings of one name and of two similar names, on the words as
    `pair_features` compares them (folded, article aside)."""

    def bare(pairs: Sequence[Pair]) -> list[Pair]:
        return [bare_pair(a, b) for a, b in pairs]

    return LearnedEdits(learn_edit_costs(bare(positives)), learn_edit_costs(bare(negatives)))


# -- the labelled pairs, in folds by English key ------------------------------------------------


def _fold_of(english: str) -> int:
    return hashlib.sha1(f"matcher-fold:{english}".encode()).digest()[0] % FOLDS


class TrainingPairs:
    """The train split's positives, the protocol's negatives, the extra draws of them and the far
    negatives, each with its fold (a hash of its English key, so no name is on both sides)."""

    def __init__(self, folder: Path) -> None:
        by_key = spellings_by_key(folder, "train")
        keys_of: dict[str, set[str]] = defaultdict(set)
        for english, spellings in by_key.items():
            for spelling in spellings:
                keys_of[spelling].add(english)
        self.positives = positive_pairs(by_key)
        random.Random(7).shuffle(self.positives)
        words = [a for a, _ in self.positives]
        self.negatives = negative_pairs(by_key, words)
        self.extra = [pair for seed in EXTRA_NEGATIVES for pair in negative_pairs(by_key, words, seed=seed)]
        self.far = far_negatives(keys_of, words)

        def fold_of(a: str, b: str | None = None) -> int:
            shared = keys_of[a] & keys_of[b] if b else set()
            return _fold_of(min(shared or keys_of[a]))

        self.positive_folds = [fold_of(a, b) for a, b in self.positives]
        self.negative_folds = [fold_of(a) for a, _ in self.negatives]
        self.extra_folds = [fold_of(a) for a, _ in self.extra]
        self.far_folds = [fold_of(a) for a, _ in self.far]


def far_negatives(keys_of: dict[str, set[str]], words: Sequence[str], seed: int = 5) -> list[Pair]:
    """For each word, a spelling of another name that linking may compare it with (one first
    skeleton letter, sound keys similar enough to pass `ROUGH_CUT`) but that lies farther than
    the protocol draws its negatives from (under 3/5 of the letters alike): القاهرة / جدة. Without
    them the trees never see that region and score it at random."""
    rng = random.Random(seed)
    blocks: dict[str, list[str]] = defaultdict(list)
    for spelling in sorted(keys_of):
        blocks[skeleton(spelling)[:1]].append(spelling)
    found = []
    for word in words:
        candidates = blocks[skeleton(word)[:1]]
        for other in (rng.choice(candidates) for _ in range(FAR_TRIES)):
            keep = keeps_article(word, other)
            rough = Levenshtein.normalized_similarity(sound_key(word, keep), sound_key(other, keep))
            if (
                ROUGH_CUT <= rough < 1.0
                and OSA.normalized_similarity(fold(word), fold(other)) < FAR
                and not keys_of[word] & keys_of[other]
                and not any(same_name(x, y) for x in keys_of[word] for y in keys_of[other])
            ):
                found.append((word, other))
                break
    return found


# -- trees --------------------------------------------------------------------------------------


def fit_classifier(
    edits: LearnedEdits, positives: Sequence[Pair], negatives: Sequence[Pair], far: Sequence[Pair] = ()
) -> tuple[PairClassifier, dict[str, Any]]:
    """Gradient-boosted trees over `pair_features`, classes weighted equal, as a PairClassifier
    (threshold 0.5 until one is chosen) and its JSON form."""
    from sklearn.ensemble import GradientBoostingClassifier

    features = [pair_features(a, b, edits) for a, b in (*positives, *negatives, *far)]
    labels = [1] * len(positives) + [0] * (len(negatives) + len(far))
    weights = [1.0] * len(positives) + [len(positives) / len(negatives)] * len(negatives)
    weights += [FAR_WEIGHT * len(positives) / max(1, len(far))] * len(far)
    model = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, random_state=0)
    model.fit(features, labels, sample_weight=weights)
    data = export(model, edits, prior=sum(weights[: len(positives)]) / sum(weights))
    classifier = PairClassifier.from_json(data)
    sample = features[:: max(1, len(features) // 2000)]
    expected = model.predict_proba(sample)[:, 1]
    exported = [classifier.probability(f) for f in sample]
    assert max(abs(s - e) for s, e in zip(exported, expected, strict=True)) < 1e-3, "tree export differs"
    return classifier, data


def export(model: Any, edits: LearnedEdits, prior: float) -> dict[str, Any]:
    """The fitted trees as plain lists; they start from the log-odds of the (weighted) prior,
    as sklearn's do."""
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append(
            {
                "feature": [int(f) for f in tree.feature],
                "threshold": [float(t) for t in tree.threshold],
                "left": [int(n) for n in tree.children_left],
                "right": [int(n) for n in tree.children_right],
                "value": [round(float(v), 6) for v in tree.value[:, 0, 0]],
            }
        )
    return {
        "bias": math.log(prior / (1 - prior)),
        "rate": model.learning_rate,
        "trees": trees,
        "threshold": 0.5,
        "edits": {"same": edits.same.to_json(), "other": edits.other.to_json()},
    }


def out_of_fold_scores(pairs: TrainingPairs) -> list[tuple[float, bool]]:
    """`score_pair` of every protocol pair by edit costs and trees fit on the other folds."""
    scored = []
    for held in range(FOLDS):

        def kept(items: list[Pair], folds: list[int], held: int = held) -> list[Pair]:
            return [pair for pair, fold_ in zip(items, folds, strict=True) if fold_ != held]

        positives = kept(pairs.positives, pairs.positive_folds)
        negatives = kept(pairs.negatives, pairs.negative_folds)
        edits = learn_edits(positives, negatives)
        near = negatives + kept(pairs.extra, pairs.extra_folds)
        classifier, _ = fit_classifier(edits, positives, near, kept(pairs.far, pairs.far_folds))
        for items, folds, label in (
            (pairs.positives, pairs.positive_folds, True),
            (pairs.negatives, pairs.negative_folds, False),
        ):
            held_out = [pair for pair, fold_ in zip(items, folds, strict=True) if fold_ == held]
            scored += [(score_pair(classifier, a, b), label) for a, b in held_out]
        print(f"fold {held + 1}/{FOLDS} done", flush=True)
    return scored


def train(pairs: TrainingPairs) -> dict[str, Any]:
    threshold, precision, recall = recall_at_precision(out_of_fold_scores(pairs), TARGET_PRECISION)
    edits = learn_edits(pairs.positives, pairs.negatives)
    _, data = fit_classifier(edits, pairs.positives, pairs.negatives + pairs.extra, pairs.far)
    data["threshold"] = threshold
    data["trained_on"] = {
        "split": "train",
        "positives": len(pairs.positives),
        "negatives": len(pairs.negatives),
        "extra_negatives": len(pairs.extra),
        "far_negatives": len(pairs.far),
        "out_of_fold_precision": round(precision, 4),
        "out_of_fold_recall": round(recall, 4),
    }
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    names = native_names(args.datasets)
    NATIVE_OUT.write_text("".join(f"{word} {count}\n" for word, count in names.items()), encoding="utf-8")
    given = sum(count >= GIVEN_NAME_MIN for count in names.values())
    print(f"wrote {NATIVE_OUT}: {len(names)} native name words, {given} Arabic given names")
    data = train(TrainingPairs(args.datasets / "name_variants"))
    args.out.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: threshold {data['threshold']:.4f}, train {data['trained_on']}")


if __name__ == "__main__":
    main()
