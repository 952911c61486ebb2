"""Training options that shape the shipped weights and need no torch: the O bias."""

from __future__ import annotations

from marsad.ner.encode import Vocab
from marsad.ner.gazetteer import Gazetteer
from marsad.ner.recipe import TAGS
from marsad.ner.tagger import Tagger
from marsad.ner.train import lower_o
from tests.ner.test_tagger import random_weights

SENTENCES = [
    ["قال", "وزير", "الخارجية", "عادل", "الجبير", "في", "الرياض", "إن", "المملكة", "تدعم", "الحل"],
    ["فاز", "نادي", "الهلال", "على", "النصر", "في", "الدوري"],
]


def test_lowering_o_moves_only_the_o_bias() -> None:
    vocab = Vocab({"قال": 2}, {"ا": 2}, TAGS)
    weights = random_weights(vocab)
    lowered = lower_o(weights, vocab, 0.5)
    assert lowered["out.bias"][0] == weights["out.bias"][0] - 0.5
    assert (lowered["out.bias"][1:] == weights["out.bias"][1:]).all()
    assert lower_o(weights, vocab, 0.0) is weights


def test_a_lower_o_bias_tags_more_tokens_as_names() -> None:
    vocab = Vocab({"قال": 2, "الرياض": 3, "الهلال": 4}, {"ا": 2, "ل": 3}, TAGS)
    weights = random_weights(vocab)
    weights["out.bias"][0] += 4.0  # a model that says O almost everywhere
    counts = []
    for amount in (0.0, 4.0, 8.0):
        tagger = Tagger(lower_o(weights, vocab, amount), vocab, Gazetteer({}))
        counts.append(sum(tag != "O" for tags in tagger.tag_tokens(SENTENCES) for tag in tags))
    assert counts[0] <= counts[1] <= counts[2]
    assert counts[0] < counts[2]
