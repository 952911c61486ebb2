"""The training recipe's steps that need neither torch nor gensim."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.ner.recipe import Recipe, load_or_learn_embeddings, read_wikifane


def test_cached_word_vectors_are_reused_without_learning(tmp_path: Path) -> None:
    cache = tmp_path / "vectors.npz"
    vectors = np.arange(12, dtype=np.float32).reshape(4, 3)
    np.savez(cache, words=np.array(["الرياض", "جدة"]), vectors=vectors)
    logged: list[str] = []
    recipe = Recipe(datasets=tmp_path / "absent", embeddings=cache)
    words, loaded = load_or_learn_embeddings(recipe, [], logged.append)
    assert words == ["الرياض", "جدة"]
    assert np.array_equal(loaded, vectors)
    assert logged == [f"word vectors from {cache}"]


def test_wikifane_fine_classes_map_to_the_four_types(tmp_path: Path) -> None:
    path = tmp_path / "wikifane.txt"
    path.write_text(
        "زار\tO\nالملك\tO\nسلمان\tB-Politician\nمدينة\tO\nجدة\tB-Population-Center\n"
        "مع\tO\nالمصريين\tB-Group\n\nشركة\tO\nأرامكو\tB-Commercial\n",
        encoding="utf-8",
    )
    assert read_wikifane(path) == [
        (
            ["زار", "الملك", "سلمان", "مدينة", "جدة", "مع", "المصريين"],
            ["O", "O", "B-PER", "O", "B-LOC", "O", "O"],
        ),
        (["شركة", "أرامكو"], ["O", "B-ORG"]),
    ]
