"""Train the name-word pair classifier behind `marsad.arabic.names.word_similarity`.

    python -m marsad.kb.train_matcher --datasets ../shared/datasets [--out src/marsad/data/matcher.json]

Learns from the *train* split of the name-variant sources only (`marsad.kb.pairs`: positives are
two spellings of one English key, negatives similar spellings of other names), with
scikit-learn's gradient boosting over `names.pair_features`, and picks the lowest threshold whose
precision on train reaches `TARGET_PRECISION`. The trees are written as plain lists in a small
JSON file, so scoring needs neither scikit-learn nor numpy. bench/name_pairs.py scores the test
split.

It first writes `marsad/data/native_names.txt`, the person-name words of Arabic news (the
ANERgazet person gazetteer and the words tagged B-PERS/I-PERS in ANERcorp, folded, article
aside): the short-word rule of `names.score_pair` keeps two such names apart (محمد / محمود).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from marsad.arabic.keys import fold
from marsad.arabic.names import MATCHER, NATIVE_NAMES, PairClassifier, _bare, pair_features, score_pair
from marsad.kb.pairs import load_pairs

DEFAULT_OUT = Path(__file__).parents[1] / "data" / MATCHER
NATIVE_OUT = Path(__file__).parents[1] / "data" / NATIVE_NAMES
_ARABIC_WORD = re.compile("^[\u0621-\u064a]{2,}$")
TARGET_PRECISION = 0.97
TREES = 100
DEPTH = 3


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


def native_names(datasets: Path) -> list[str]:
    """Person-name words of Arabic news: ANERgazet's person gazetteer and ANERcorp's PERS tokens."""
    words = set()
    gazetteer = datasets / "gazetteers" / "anergazet" / "AlignedPersGazetteer.txt"
    for line in gazetteer.read_text(encoding="utf-8").splitlines():
        words.update(line.split())
    for line in (datasets / "anercorp" / "train.txt").read_text(encoding="utf-8").splitlines():
        token, _, tag = line.partition(" ")
        if tag.strip().endswith("PERS"):
            words.add(token)
    keys = {_bare(fold(word)) for word in words}
    return sorted(key for key in keys if _ARABIC_WORD.match(key))


def train(datasets: Path) -> dict[str, Any]:
    from sklearn.ensemble import GradientBoostingClassifier

    pairs = load_pairs(datasets / "name_variants", "train", limit=None)
    labelled = [(a, b, True) for a, b in pairs.positives] + [(a, b, False) for a, b in pairs.negatives]
    features = [pair_features(a, b) for a, b, _ in labelled]
    labels = [int(positive) for _, _, positive in labelled]
    model = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, random_state=0)
    model.fit(features, labels)
    prior = sum(labels) / len(labels)
    trees = []
    for (estimator,) in model.estimators_:
        tree = estimator.tree_
        trees.append(
            {
                "feature": [int(f) for f in tree.feature],
                "threshold": [round(float(t), 6) for t in tree.threshold],
                "left": [int(n) for n in tree.children_left],
                "right": [int(n) for n in tree.children_right],
                "value": [round(float(v), 6) for v in tree.value[:, 0, 0]],
            }
        )
    import math

    data: dict[str, Any] = {
        "bias": math.log(prior / (1 - prior)),
        "rate": model.learning_rate,
        "trees": trees,
        "threshold": 0.5,
    }
    classifier = PairClassifier.from_json(data)
    scores = [classifier.probability(f) for f in features]
    expected = model.predict_proba(features)[:, 1]
    assert max(abs(s - e) for s, e in zip(scores, expected, strict=True)) < 1e-3, "tree export differs"
    final = [score_pair(classifier, a, b) for a, b, _ in labelled]
    threshold, precision, recall = recall_at_precision(
        [(s, bool(y)) for s, y in zip(final, labels, strict=True)], TARGET_PRECISION
    )
    data["threshold"] = threshold
    data["trained_on"] = {
        "split": "train",
        "positives": len(pairs.positives),
        "negatives": len(pairs.negatives),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
    }
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    names = native_names(args.datasets)
    NATIVE_OUT.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {NATIVE_OUT}: {len(names)} native name words")
    data = train(args.datasets)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: threshold {data['threshold']:.4f}, train {data['trained_on']}")


if __name__ == "__main__":
    main()
