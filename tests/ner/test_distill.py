"""Distillation's data flow (training itself replaced): ensemble-labelled news beside repeated
gold sentences, then an optional fine-tune on gold alone that is kept only when it scores better."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import marsad.ner.train
from marsad.ner.conll import Sentence
from marsad.ner.encode import Vocab
from marsad.ner.ensemble import Ensemble
from marsad.ner.gazetteer import Gazetteer
from marsad.ner.recipe import TAGS, Recipe, distill
from marsad.ner.train import TrainConfig, save_model
from tests.ner.test_pseudo import write_corpus
from tests.ner.test_tagger import random_weights

VOCAB = Vocab({"قال": 2, "الرياض": 3, "الجبير": 4}, {"ا": 2, "ل": 3}, TAGS)
GOLD: list[Sentence] = [(["قال", "الجبير", "في", "الرياض"], ["O", "B-PER", "O", "B-LOC"])]
DEV: list[Sentence] = [(["زار", "الجبير", "جدة"], ["O", "B-PER", "B-LOC"])]


def teachers(folder: Path) -> tuple[Path, ...]:
    paths = []
    for seed in (1, 2):
        weights = random_weights(VOCAB)
        weights["out.bias"] = np.random.default_rng(seed).normal(size=len(TAGS)).astype(np.float32)
        path = folder / f"teacher{seed}.npz"
        save_model(path, weights, VOCAB)
        paths.append(path)
    return tuple(paths)


@pytest.mark.parametrize(("tuned_score", "kept"), [(80.0, "tuned"), (70.0, "mixed")])
def test_news_labelled_by_the_ensemble_join_repeated_gold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tuned_score: float, kept: str
) -> None:
    (tmp_path / "saudinewsnet").mkdir()
    write_corpus(tmp_path / "saudinewsnet" / "saudinewsnet.jsonl.gz")
    calls: list[dict[str, Any]] = []

    def fake_train(train: list[Sentence], dev: list[Sentence], *args: Any, **kwargs: Any) -> dict[str, Any]:
        calls.append({"train": list(train), "dev": dev, "config": args[3], "start": kwargs.get("start")})
        return {"name": "tuned" if kwargs.get("start") else "mixed"}

    monkeypatch.setattr(marsad.ner.train, "train_tagger", fake_train)
    monkeypatch.setattr(
        marsad.ner.train, "evaluate_weights", lambda w, *_: tuned_score if w["name"] == "tuned" else 75.0
    )
    paths = teachers(tmp_path)
    recipe = Recipe(
        datasets=tmp_path, teacher_models=paths, pseudo_sentences=5, gold_repeat=2, finetune_epochs=3
    )
    config = TrainConfig(epochs=20, average_from=8)
    result = distill(recipe, GOLD, DEV, (VOCAB, np.zeros((5, 3)), Gazetteer({})), config, lambda _: None)

    mixed, tuned = calls
    news = [tokens for tokens, _ in mixed["train"][2:]]
    assert mixed["train"][:2] == GOLD * 2
    assert news[0][:4] == ["أعلن", "وزير", "الخارجية", "السعودي"]  # article 0; then every third
    assert [tags for _, tags in mixed["train"][2:]] == Ensemble.load(paths).tag_tokens(news)
    assert mixed["config"] == config and mixed["start"] is None
    assert tuned["train"] == GOLD and tuned["start"] == {"name": "mixed"}
    assert tuned["config"].epochs == 3 and tuned["config"].average_from == 0
    assert tuned["config"].learning_rate == config.learning_rate / 4
    assert result == {"name": kept}
