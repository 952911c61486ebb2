"""The numpy tagger with a tiny random model: shapes, BIO validity, and the entities stage spans."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.ner.encode import PREFIXES, Vocab
from marsad.ner.gazetteer import Gazetteer
from marsad.ner.recipe import TAGS
from marsad.ner.tagger import Tagger
from marsad.ner.train import save_model
from marsad.stages.entities import EntityStage, find_mentions
from tests.conftest import NATO_TEXT, make_article


def random_weights(vocab: Vocab, dim: int = 8, hidden: int = 6, filters: int = 5) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    width = 2 * dim + filters + 4 + 6 + 4
    weights = {
        "word.weight": rng.normal(size=(len(vocab.words) + 2, dim)),
        "char.weight": rng.normal(size=(len(vocab.chars) + 2, 4)),
        "conv.weight": rng.normal(size=(filters, 4, 3)),
        "conv.bias": rng.normal(size=filters),
        "prefix.weight": rng.normal(size=(len(PREFIXES), 4)),
        "out.weight": rng.normal(size=(len(TAGS), 2 * hidden)),
        "out.bias": rng.normal(size=len(TAGS)),
        "transitions": rng.normal(size=(len(TAGS), len(TAGS))),
        "start": rng.normal(size=len(TAGS)),
        "end": rng.normal(size=len(TAGS)),
    }
    for suffix in ("", "_reverse"):
        weights[f"lstm.weight_ih_l0{suffix}"] = rng.normal(size=(4 * hidden, width))
        weights[f"lstm.weight_hh_l0{suffix}"] = rng.normal(size=(4 * hidden, hidden))
        weights[f"lstm.bias_ih_l0{suffix}"] = rng.normal(size=4 * hidden)
        weights[f"lstm.bias_hh_l0{suffix}"] = rng.normal(size=4 * hidden)
    return {k: v.astype(np.float32) for k, v in weights.items()}


@pytest.fixture(scope="module")
def tagger(tmp_path_factory: pytest.TempPathFactory) -> Tagger:
    vocab = Vocab({"قال": 2, "ناتو": 3, "الناتو": 4}, {"ا": 2, "ل": 3}, TAGS)
    path = tmp_path_factory.mktemp("model") / "tiny.npz"
    save_model(path, random_weights(vocab), vocab)
    return Tagger.load(path, gazetteer=Gazetteer({("الناتو",): frozenset({"ORG"})}))


def test_each_token_gets_one_known_tag(tagger: Tagger) -> None:
    sentences = [["قال", "ستولتنبرغ", "إن", "الناتو", "مستعد"], ["Apple", "2020", "."], [], ["كلمة"] * 300]
    tagged = tagger.tag_tokens(sentences)
    assert [len(t) for t in tagged] == [5, 3, 0, 300]
    assert all(tag in TAGS for tags in tagged for tag in tags)


def test_padding_does_not_change_a_sentence_s_tags(tagger: Tagger) -> None:
    alone = tagger.tag_tokens([["قال", "الناتو", "إن"]])
    beside_longer = tagger.tag_tokens([["قال", "الناتو", "إن"], ["قال"] * 40])
    assert alone[0] == beside_longer[0]


def test_a_full_token_cache_starts_afresh_without_losing_a_batch_s_tokens(
    tagger: Tagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression: clearing the cache used to drop this batch's already-cached tokens (KeyError).
    sentences = [
        ["قال", "الناتو", "إن", "ستولتنبرغ", "في", "بروكسل"],
        ["قال", "وزير", "الخارجية", "في", "جدة"],
    ]
    expected = tagger.tag_tokens(sentences)
    monkeypatch.setattr("marsad.ner.tagger.CACHE", 8)
    tagger.vectors.clear()
    tagger.tag_tokens([["قال", "الناتو"]])
    more = tagger.tag_tokens([*sentences, ["مدينة", "الرياض"]])  # cached and new tokens together
    assert more[:2] == expected
    assert len(tagger.vectors) == 11


def test_mention_spans_drop_clitics_and_index_the_text() -> None:
    def tag_every_name(sentences: list[list[str]]) -> list[list[str]]:
        return [
            ["B-ORG" if "ناتو" in t else "B-PER" if "ستولتنبرغ" in t else "O" for t in s] for s in sentences
        ]

    frequency = {"الناتو": 50.0, "ناتو": 10.0, "ستولتنبرغ": 5.0}.get
    text = "قال لستولتنبرغ إن بالناتو والناتو قوة."
    mentions = find_mentions(text, tag_every_name, lambda f: frequency(f, 0.0))
    assert [(m.text, m.type) for m in mentions] == [
        ("ستولتنبرغ", "PER"),
        ("الناتو", "ORG"),
        ("الناتو", "ORG"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_entity_stage_fills_mentions(tagger: Tagger, tmp_path: Path) -> None:
    stage = EntityStage(tagger.tag_tokens, tagger.word_frequency)
    article = stage(make_article("n1", NATO_TEXT))
    assert all(article.text[m.start : m.end] == m.text for m in article.mentions)
