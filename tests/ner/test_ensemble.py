"""The product-of-experts ensemble: summed scores, one exact Viterbi search."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.errors import UsageError
from marsad.ner.encode import Vocab
from marsad.ner.ensemble import Ensemble
from marsad.ner.gazetteer import Gazetteer
from marsad.ner.recipe import TAGS
from marsad.ner.tagger import Tagger
from tests.ner.test_tagger import random_weights

VOCAB = Vocab({"قال": 2, "الرياض": 3, "الهلال": 4, "الجبير": 5}, {"ا": 2, "ل": 3, "ر": 4}, TAGS)
SENTENCES = [
    ["قال", "وزير", "الخارجية", "عادل", "الجبير", "في", "الرياض", "إن", "المملكة", "تدعم", "الحل"],
    ["فاز", "نادي", "الهلال", "على", "النصر", "في", "الدوري"],
    [],
]


def tagger(seed: int, scale: float = 1.0) -> Tagger:
    weights = random_weights(VOCAB)
    rng = np.random.default_rng(seed)
    for name in ("out.weight", "out.bias", "transitions", "start", "end"):
        weights[name] = (rng.normal(size=weights[name].shape) * scale).astype(np.float32)
    return Tagger(weights, VOCAB, Gazetteer({}))


def test_one_model_alone_or_twice_tags_as_that_model() -> None:
    # Doubling every score leaves the best path where it was.
    single = tagger(1)
    expected = single.tag_tokens(SENTENCES)
    assert Ensemble([single]).tag_tokens(SENTENCES) == expected
    assert Ensemble([single, tagger(1)]).tag_tokens(SENTENCES) == expected
    assert [len(tags) for tags in expected] == [11, 7, 0]


def test_a_far_more_confident_member_decides() -> None:
    quiet, loud = tagger(2, scale=0.01), tagger(3, scale=100.0)
    assert quiet.tag_tokens(SENTENCES) != loud.tag_tokens(SENTENCES)
    assert Ensemble([quiet, loud]).tag_tokens(SENTENCES) == loud.tag_tokens(SENTENCES)


def test_members_must_share_their_tags() -> None:
    other = Tagger(
        random_weights(VOCAB), Vocab(VOCAB.words, VOCAB.chars, tuple(reversed(TAGS))), Gazetteer({})
    )
    with pytest.raises(UsageError, match="disagree on their tags"):
        Ensemble([tagger(1), other])
