"""The learned pieces of the name matcher: edit costs learned from aligned pairs, the shipped
artefact, and the training helpers (on small hand-made pairs; the real training reads
../shared/datasets and is measured by bench/name_pairs.py)."""

import gzip
import json
from importlib.resources import files
from pathlib import Path

import pytest

from marsad.arabic.names import (
    END,
    MIDDLE,
    EditCosts,
    LearnedEdits,
    PairClassifier,
    _matcher,
    edit_places,
    pair_features,
)
from marsad.kb.train_matcher import (
    _alignment,
    far_negatives,
    kinship_counts,
    learn_edit_costs,
    recall_at_precision,
)

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
    changed = [(x, y, place) for x, y, place in operations if x != y]
    assert set(changed) == {("غ", "ج", MIDDLE), ("ي", "", MIDDLE)}


# French names whose final t is silent, so Arabic writers drop it or not (Colbert, Robert, ...).
SILENT_FINAL_T = [
    ("كولبير", "كولبيرت"),
    ("روبير", "روبيرت"),
    ("جيلبير", "جيلبيرت"),
    ("لامبير", "لامبيرت"),
    ("أوبير", "أوبيرت"),
    ("ريبو", "ريبوت"),
]


def test_placed_costs_make_a_letter_dropped_at_the_end_cheaper_than_inside() -> None:
    learned = learn_edit_costs(VARIANTS + SILENT_FINAL_T)
    assert learned.lookup["ت", "", END] < learned.lookup["ت", "", MIDDLE]
    # The same letter added: at the end of the word a variant, inside it another word.
    assert learned.distance("جيلبير", "جيلبيرت") < learned.distance("جيلبير", "جيلتبير")
    assert learned.distance("هامبورغ", "هامبورغت") < learned.distance("هامبورغ", "هامبتورغ")


def test_edit_places_mark_the_first_and_last_letters() -> None:
    assert edit_places(1) == ("^", "$")
    assert edit_places(3) == ("^", "-", "$", "$")


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


def test_kinship_counts_find_the_names_a_nasab_or_kunya_holds(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl.gz"
    texts = [
        "استقبل ولي العهد الأمير محمد بن سلمان الرئيس جورج بوش",  # crown prince Mohammed bin Salman
        "قال أبو بكر البغدادي إن عمرو بن العاص",
    ]
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps({"text": text}, ensure_ascii=False) + "\n" for text in texts)
    counts = kinship_counts(corpus)
    assert counts["سلمان"] == counts["بكر"] == counts["عاص"] == 1
    assert counts["جورج"] == 0 and counts["بوش"] == 0
