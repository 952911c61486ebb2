"""Which tagger runs: the shipped numpy BiLSTM-CRF, another model file of ours, or a Hugging Face
token-classification model on disk (the `[transformers]` extra). All expose `tag_tokens` and
`word_frequency`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol


class SentenceTagger(Protocol):
    def tag_tokens(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]: ...

    def word_frequency(self, form: str) -> float: ...


def load_tagger(model: Path | None = None) -> SentenceTagger:
    from marsad.ner.tagger import PACKAGED_MODEL, Tagger

    if model is not None and Path(model).is_dir():
        from marsad.ner.transformers_backend import TransformersTagger

        frequency = Tagger.load(PACKAGED_MODEL).word_frequency if PACKAGED_MODEL.exists() else _unknown
        return TransformersTagger.load(Path(model), frequency=frequency)
    return Tagger.load(Path(model) if model else PACKAGED_MODEL)


def _unknown(form: str) -> float:
    return 0.0
