"""The learned pieces of the name matcher: edit costs learned from aligned pairs, the shipped
artefact, and the training helpers (on small hand-made pairs; the real training reads
../shared/datasets and is measured by bench/name_pairs.py)."""

import json
from importlib.resources import files

import pytest

from marsad.arabic.names import EditCosts, LearnedEdits, PairClassifier, _matcher, pair_features
from marsad.kb.train_matcher import _alignment, far_negatives, learn_edit_costs, recall_at_precision

# Spellings of one foreign name each: g written غ or ج, a long vowel written or not.
VARIANTS = [
    ("ستولتنبرغ", "ستولتنبرج"),
    ("غوتيريش", "جوتيريش"),
    ("هامبورغ", "هامبورج"),
    ("موغيريني", "موجريني"),
    ("ستولتنبرغ", "ستولتنبيرغ"),
    ("لوكسمبورغ", "لوكسمبرغ"),
    ("بيرلسكوني", "برلسكوني"),
]


@pytest.fixture(scope="module")
def learned() -> EditCosts:
    return learn_edit_costs(VARIANTS)


def test_learned_costs_make_a_seen_change_cheaper_than_an_unseen_one(learned: EditCosts) -> None:
    # غ/ج alternates in the pairs, غ/ف never does.
    assert learned.costs["غ", "ج"] < learned.substitute
    assert learned.distance("هامبورغ", "هامبورج") < learned.distance("هامبورغ", "هامبورف")
    # A dropped ي was seen; a dropped ر was not.
    assert learned.distance("بيرلسكوني", "برلسكوني") < learned.distance("بيرلسكوني", "بيلسكوني")


def test_learned_distance_is_symmetric_and_keeping_a_word_is_its_best_alignment(learned: EditCosts) -> None:
    a, b = "ستولتنبرغ", "ستولتنبيرج"
    assert learned.distance(a, b) == pytest.approx(learned.distance(b, a))
    assert learned.distance(a, a) == pytest.approx(learned.kept(a))
    assert learned.kept(a) < 0 < learned.distance(a, "حفتر")


def test_alignment_lists_each_operation(learned: EditCosts) -> None:
    operations = _alignment("موغيريني", "موجريني", learned)
    changed = [(x, y) for x, y in operations if x != y]
    assert set(changed) == {("غ", "ج"), ("ي", "")}


def test_edit_costs_round_trip_through_json(learned: EditCosts) -> None:
    again = EditCosts.from_json(json.loads(json.dumps(learned.to_json())))
    assert again.distance("غوتيريش", "جوتيرش") == pytest.approx(
        learned.distance("غوتيريش", "جوتيرش"), abs=1e-3
    )


def test_recall_at_precision_picks_the_lowest_threshold_reaching_the_target() -> None:
    scored = [(0.9, True), (0.8, True), (0.7, False), (0.6, True), (0.5, False)]
    assert recall_at_precision(scored, 0.97) == (0.8, 1.0, 2 / 3)
    assert recall_at_precision(scored, 0.7)[0] == 0.6


def test_shipped_matcher_carries_its_edit_costs_and_matches_the_feature_count() -> None:
    data = json.loads((files("marsad") / "data" / "matcher.json").read_text(encoding="utf-8"))
    classifier = PairClassifier.from_json(data)
    assert classifier == _matcher() or classifier.threshold == _matcher().threshold
    width = len(pair_features("موغيريني", "موجريني", classifier.edits))
    used = {f for tree in data["trees"] for f in tree["feature"] if f >= 0}
    assert max(used) < width
    assert data["trained_on"]["split"] == "train"


def test_learned_edits_separate_a_variant_from_another_name() -> None:
    edits = _matcher().edits
    assert isinstance(edits, LearnedEdits)
    variant = edits.features("ستولتنبرغ", "ستولتنبيرج")
    other = edits.features("ستولتنبرغ", "ستوكهولم")
    # Lower same-name cost, higher share of the kept cost.
    assert variant[0] < other[0]
    assert variant[4] > other[4]


def test_far_negatives_are_other_names_farther_than_the_protocol_draws() -> None:
    keys_of = {
        "القاهرة": {"cairo"},
        "القاهره": {"cairo"},  # the same name: never a negative
        "القاهري": {"qahiri"},  # another name, but near: the protocol's own negatives cover it
        "جدة": {"jeddah"},  # another name, far, sharing the blocking letter (g/q class)
        "بيروت": {"beirut"},  # another blocking letter: linking never compares them
    }
    assert far_negatives(keys_of, ["القاهرة"]) == [("القاهرة", "جدة")]


def test_compiled_trees_score_exactly_as_the_walked_trees() -> None:
    classifier = _matcher()
    words = [w for pair in VARIANTS for w in pair] + ["فائز", "فايز", "السراج", "حفتر", "سلمان", "سليمان"]
    pairs = [(a, b) for a in words for b in words if a != b]
    for a, b in pairs:
        features = pair_features(a, b, classifier.edits)
        assert classifier.compiled(features) == classifier.log_odds(features)
