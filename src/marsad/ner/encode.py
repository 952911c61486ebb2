"""Sentences to the integer arrays the tagger reads: shared by training (torch) and tagging (numpy).

Per token the tagger sees: the embedding of its lookup form, the embedding of its bare word
(clitics stripped), its proclitics, its characters, gazetteer flags and a few shape flags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from marsad.ner.gazetteer import Gazetteer
from marsad.ner.tokens import PROCLITICS, lookup_form, strip_clitics

MAX_CHARS = 20
PAD, UNK = 0, 1
PREFIXES = ("", *PROCLITICS)
N_SHAPE = 4


@dataclass(frozen=True, slots=True)
class Vocab:
    words: dict[str, int]  # lookup form -> row of the embedding table (0 pad, 1 unknown)
    chars: dict[str, int]  # character -> id (0 pad, 1 unknown)
    tags: tuple[str, ...]

    def word_id(self, form: str) -> int:
        return self.words.get(form, UNK)


@dataclass(frozen=True, slots=True)
class Batch:
    """Arrays for B sentences padded to T tokens."""

    words: np.ndarray  # (B, T) int
    stems: np.ndarray  # (B, T) int
    prefixes: np.ndarray  # (B, T) int
    chars: np.ndarray  # (B, T, MAX_CHARS) int
    features: np.ndarray  # (B, T, 6 + N_SHAPE) float32
    mask: np.ndarray  # (B, T) bool


def shape_flags(token: str) -> list[int]:
    """has a digit, is Latin, is punctuation, is long (likely a compound name or foreign word)."""
    return [
        int(any(c.isdigit() for c in token)),
        int(token.isascii() and any(c.isalpha() for c in token)),
        int(not any(c.isalnum() for c in token)),
        int(len(token) >= 8),
    ]


def encode(sentences: Sequence[Sequence[str]], vocab: Vocab, gazetteer: Gazetteer) -> Batch:
    size, width = len(sentences), max((len(s) for s in sentences), default=1) or 1
    words = np.zeros((size, width), np.int64)
    stems = np.zeros((size, width), np.int64)
    prefixes = np.zeros((size, width), np.int64)
    chars = np.zeros((size, width, MAX_CHARS), np.int64)
    features = np.zeros((size, width, 6 + N_SHAPE), np.float32)
    mask = np.zeros((size, width), bool)
    prefix_ids = {p: i for i, p in enumerate(PREFIXES)}
    for b, tokens in enumerate(sentences):
        forms = [lookup_form(t) for t in tokens]
        gazette = gazetteer.features(forms)
        for i, (token, form) in enumerate(zip(tokens, forms, strict=True)):
            prefix, stem = strip_clitics(form)
            words[b, i] = vocab.word_id(form)
            stems[b, i] = vocab.word_id(stem)
            prefixes[b, i] = prefix_ids[prefix]
            for c, ch in enumerate(_char_window(form)):
                chars[b, i, c] = vocab.chars.get(ch, UNK)
            features[b, i] = gazette[i] + shape_flags(token)
            mask[b, i] = True
    return Batch(words, stems, prefixes, chars, features, mask)


def _char_window(form: str) -> str:
    """Long words keep their beginning and end, where Arabic affixes live."""
    if len(form) <= MAX_CHARS:
        return form
    half = MAX_CHARS // 2
    return form[:half] + form[-half:]
