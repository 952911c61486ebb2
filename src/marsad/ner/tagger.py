"""The NER tagger at run time: a BiLSTM-CRF evaluated in numpy (no deep-learning framework).

`Tagger.load()` reads the model shipped in `data/ner.npz` (trained by `marsad ner train`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from marsad.errors import UsageError
from marsad.ner.encode import MAX_CHARS, N_SHAPE, Vocab, encode
from marsad.ner.gazetteer import Gazetteer
from marsad.ner.tokens import lookup_form

PACKAGED_MODEL = Path(__file__).parent / "data" / "ner.npz"
BATCH = 256
TOKENS = 4096
CACHE = 100_000


class Tagger:
    def __init__(self, weights: dict[str, np.ndarray], vocab: Vocab, gazetteer: Gazetteer) -> None:
        self.w = {k: v.astype(np.float32) if v.dtype == np.float16 else v for k, v in weights.items()}
        self.vocab = vocab
        self.gazetteer = gazetteer
        self.conv = self.w["conv.weight"]  # (filters, char_dim, 3)
        # Everything about a token but its gazetteer flags depends on the token alone, and news
        # vocabulary is Zipfian: computing it once per distinct token makes tagging several
        # times faster.
        self.vectors: dict[str, np.ndarray] = {}
        self._lstm_cache: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self.dim = self._token_vectors([""])[0].shape[0]

    @classmethod
    def load(cls, path: Path = PACKAGED_MODEL, gazetteer: Gazetteer | None = None) -> Tagger:
        if not path.exists():
            raise UsageError(f"{path}: no NER model there; train one with `marsad ner train`")
        with np.load(path, allow_pickle=False) as data:
            weights = {k[2:]: data[k] for k in data.files if k.startswith("w.")}
            if "q.word.weight" in data.files:
                weights["word.weight"] = data["q.word.weight"].astype(np.float32) * data["q.word.scale"]
            words = {w: i + 2 for i, w in enumerate(data["words"].tolist())}
            chars = {c: i + 2 for i, c in enumerate(data["chars"].tolist())}
            vocab = Vocab(words, chars, tuple(data["tags"].tolist()))
        return cls(weights, vocab, gazetteer or Gazetteer.load())

    def word_frequency(self, form: str) -> float:
        """A frequency proxy for a lookup form: the vocabulary is ordered by corpus frequency,
        and by Zipf's law frequency falls as 1 / rank. A name the vocabulary lacks but the
        gazetteer lists (ستولتنبرغ) counts as rare but attested."""
        row = self.vocab.words.get(form)
        if row:
            return 1e6 / (row - 1)
        return 1.0 if (form,) in self.gazetteer.entries else 0.0

    def tag_tokens(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags (PER, ORG, LOC, MISC) for each sentence's tokens."""
        # The matrices are small: BLAS threads only contend (measured ~10x slower with two
        # threads beside another busy process), so tagging runs on one core.
        with threadpool_limits(limits=1, user_api="blas"):
            return self._tag(sentences)

    def _tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return tag_in_batches(sentences, self._emissions, self._viterbi, self.vocab.tags)

    def _emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Per-tag scores (B, T, tags) and the mask (B, T) of real tokens."""
        width = max(len(s) for s in sentences)
        dim = self.dim
        vectors = self._vectors_of(sentences)
        x = np.zeros((len(sentences), width, dim + 6), np.float32)
        mask = np.zeros((len(sentences), width), bool)
        for b, tokens in enumerate(sentences):
            x[b, : len(tokens), :dim] = [vectors[t] for t in tokens]
            x[b, : len(tokens), dim:] = self.gazetteer.features([lookup_form(t) for t in tokens])
            mask[b, : len(tokens)] = True
        # Training concatenates gazetteer flags before shape flags: restore that column order.
        x = np.concatenate([x[:, :, : dim - N_SHAPE], x[:, :, dim:], x[:, :, dim - N_SHAPE : dim]], axis=2)
        lengths = mask.sum(axis=1)
        forward = self._lstm(x, "", lengths)
        backward = _reverse(self._lstm(_reverse(x, lengths), "_reverse", lengths), lengths)
        hidden = np.concatenate([forward, backward], axis=2)
        return hidden @ self.w["out.weight"].T + self.w["out.bias"], mask

    def _token_vectors(self, tokens: Sequence[str]) -> np.ndarray:
        """Word, bare-word, character, proclitic and shape features of each token, (N, dim)."""
        batch = encode([[t] for t in tokens], self.vocab, Gazetteer({}))
        table = self.w["word.weight"]
        return np.concatenate(
            [
                table[batch.words[:, 0]],
                table[batch.stems[:, 0]],
                self._chars(batch.chars)[:, 0],
                self.w["prefix.weight"][batch.prefixes[:, 0]],
                batch.features[:, 0, 6:],
            ],
            axis=1,
        ).astype(np.float32)

    def _vectors_of(self, sentences: Sequence[Sequence[str]]) -> dict[str, np.ndarray]:
        new = list({t for tokens in sentences for t in tokens if t not in self.vectors})
        if new and len(self.vectors) + len(new) > CACHE:
            # Start afresh: this batch's tokens that were cached must be computed again too.
            self.vectors.clear()
            new = list({t for tokens in sentences for t in tokens})
        if new:
            self.vectors.update(zip(new, self._token_vectors(new), strict=True))
        return self.vectors

    def _chars(self, chars: np.ndarray) -> np.ndarray:
        b, t, c = chars.shape
        emb = self.w["char.weight"][chars.reshape(b * t, c)]  # (N, C, E)
        padded = np.pad(emb, ((0, 0), (1, 1), (0, 0)))
        out = sum(padded[:, k : k + MAX_CHARS] @ self.conv[:, :, k].T for k in range(3)) + self.w["conv.bias"]
        return np.maximum(out, 0).max(axis=1).reshape(b, t, -1)

    def _lstm(self, x: np.ndarray, suffix: str, lengths: np.ndarray) -> np.ndarray:
        w_ih, w_hh, bias = self._gates(suffix)
        projected = x @ w_ih + bias  # (B, T, 4H), gate order i, f, o, g
        b, t, _ = x.shape
        size = w_hh.shape[0]
        h = np.zeros((b, size), np.float32)
        c = np.zeros((b, size), np.float32)
        gates = np.empty((b, 4 * size), np.float32)
        out = np.empty((b, t, size), np.float32)
        for i in range(t):
            np.matmul(h, w_hh, out=gates)
            gates += projected[:, i]
            sig = gates[:, : 3 * size]
            np.tanh(sig * 0.5, out=sig)  # sigmoid(x) = (tanh(x / 2) + 1) / 2, one call for i, f, o
            sig += 1.0
            sig *= 0.5
            cell = np.tanh(gates[:, 3 * size :])
            c *= gates[:, size : 2 * size]
            c += gates[:, :size] * cell
            np.multiply(gates[:, 2 * size : 3 * size], np.tanh(c), out=h)
            out[:, i] = h
        return out

    def _gates(self, suffix: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """LSTM weights transposed, with torch's gate order i, f, g, o rearranged as i, f, o, g."""
        key = f"lstm{suffix}"
        if key not in self._lstm_cache:
            w = self.w
            size = w[f"lstm.weight_hh_l0{suffix}"].shape[1]
            order = np.r_[0 : 2 * size, 3 * size : 4 * size, 2 * size : 3 * size]
            w_ih = np.ascontiguousarray(w[f"lstm.weight_ih_l0{suffix}"][order].T)
            w_hh = np.ascontiguousarray(w[f"lstm.weight_hh_l0{suffix}"][order].T)
            bias = (w[f"lstm.bias_ih_l0{suffix}"] + w[f"lstm.bias_hh_l0{suffix}"])[order]
            self._lstm_cache[key] = (w_ih, w_hh, bias)
        return self._lstm_cache[key]

    def _viterbi(self, scores: np.ndarray, mask: np.ndarray) -> list[list[int]]:
        return viterbi(scores, mask, self.w["transitions"], self.w["start"], self.w["end"])


def tag_in_batches(
    sentences: Sequence[Sequence[str]],
    emissions: Callable[[Sequence[Sequence[str]]], tuple[np.ndarray, np.ndarray]],
    decode: Callable[[np.ndarray, np.ndarray], list[list[int]]],
    tags: Sequence[str],
) -> list[list[str]]:
    """Tags of each sentence, scored (`emissions`) and decoded in batches of similar length."""
    order = [i for i in sorted(range(len(sentences)), key=lambda i: len(sentences[i])) if sentences[i]]
    result: list[list[str]] = [[] for _ in sentences]
    for ids in _batches(order, [len(s) for s in sentences]):
        scores, mask = emissions([sentences[i] for i in ids])
        for i, path in zip(ids, decode(scores, mask), strict=True):
            result[i] = [tags[t] for t in path]
    return result


def viterbi(
    scores: np.ndarray, mask: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[list[int]]:
    """The best tag path of each sentence: emission scores (B, T, tags), mask (B, T)."""
    lengths = mask.sum(axis=1)
    best = start + scores[:, 0]
    back = np.zeros(scores.shape, np.int64)
    for i in range(1, scores.shape[1]):
        candidates = best[:, :, None] + transitions[None]
        back[:, i] = candidates.argmax(axis=1)
        step = candidates.max(axis=1) + scores[:, i]
        best = np.where(mask[:, i : i + 1], step, best)
    best = best + end
    paths = []
    for b, length in enumerate(lengths):
        tag = int(best[b].argmax())
        path = [tag]
        for i in range(int(length) - 1, 0, -1):
            tag = int(back[b, i, tag])
            path.append(tag)
        paths.append(path[::-1])
    return paths


def _batches(order: list[int], lengths: list[int]) -> list[list[int]]:
    """Length-sorted sentences in batches of at most BATCH sentences and TOKENS padded tokens,
    so one long sentence does not pad many short ones."""
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current and (len(current) >= BATCH or (len(current) + 1) * lengths[i] > TOKENS):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def _reverse(x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Reverse each sequence within its own length (padding stays at the end)."""
    out = x.copy()
    for b, length in enumerate(lengths):
        out[b, :length] = x[b, :length][::-1]
    return out
