"""Training the NER tagger (needs the `[train]` extra: torch, gensim); tagging needs only numpy.

The model is a BiLSTM-CRF over word embeddings learned from unlabeled news (word2vec on
SaudiNewsNet), a character CNN, proclitic and gazetteer features. Trained weights are saved as
a compressed .npz that `marsad.ner.tagger` runs in numpy.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.conll import Sentence, score
from marsad.ner.encode import MAX_CHARS, N_SHAPE, PAD, PREFIXES, UNK, Batch, Vocab, encode
from marsad.ner.gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class TrainConfig:
    hidden: int = 128
    char_dim: int = 32
    char_filters: int = 64
    prefix_dim: int = 8
    dropout: float = 0.5
    epochs: int = 40
    batch_size: int = 32
    learning_rate: float = 2e-3
    patience: int = 8
    seed: int = 13
    threads: int = 1
    tune_embeddings: bool = False
    # From this epoch on, also score the running average of the epochs' weights (stochastic
    # weight averaging); 0 turns it off. Dev F1 swings between epochs, the average does not.
    average_from: int = 0
    # Lower the learning rate linearly to 5% by the last epoch: late epochs then settle instead
    # of swinging, which also makes their average (above) meaningful.
    lr_decay: bool = False
    # Show this share of training tokens as unknown words (word and bare-word ids), so the
    # tagger learns to read names the vocabulary lacks from their characters and context.
    word_dropout: float = 0.0
    # Subtract this from the O tag's output bias: the tagger's precision runs well above its
    # recall (82.6 against 69.0 on dev), and a lower prior for O trades a little of one for more
    # of the other. Part of every dev evaluation, so epoch selection sees the model as shipped.
    o_bias: float = 0.0


def _torch() -> Any:
    try:
        import torch
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from marsad.errors import UsageError

        raise UsageError("training needs torch: pip install 'marsad[train]' (torch==2.13.0 on CPU)") from exc
    return torch


def build_model(vocab: Vocab, embeddings: np.ndarray, config: TrainConfig) -> Any:
    torch = _torch()
    nn = torch.nn

    class BiLstmCrf(nn.Module):  # type: ignore[name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding.from_pretrained(torch.tensor(embeddings), freeze=True, padding_idx=PAD)
            # A trainable correction beside the frozen vectors: words seen in training move, the
            # others keep their pretrained place (their correction stays zero).
            self.word_delta = nn.Embedding(
                embeddings.shape[0], embeddings.shape[1], padding_idx=PAD, sparse=True
            )
            nn.init.zeros_(self.word_delta.weight)
            self.word_delta.weight.requires_grad = config.tune_embeddings
            self.char = nn.Embedding(len(vocab.chars) + 2, config.char_dim, padding_idx=PAD)
            self.conv = nn.Conv1d(config.char_dim, config.char_filters, kernel_size=3, padding=1)
            self.prefix = nn.Embedding(len(PREFIXES), config.prefix_dim)
            width = 2 * embeddings.shape[1] + config.char_filters + config.prefix_dim + 6 + N_SHAPE
            self.lstm = nn.LSTM(width, config.hidden, batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(config.dropout)
            self.out = nn.Linear(2 * config.hidden, len(vocab.tags))
            self.transitions = nn.Parameter(torch.zeros(len(vocab.tags), len(vocab.tags)))
            self.start = nn.Parameter(torch.zeros(len(vocab.tags)))
            self.end = nn.Parameter(torch.zeros(len(vocab.tags)))

        def emissions(self, batch: dict[str, Any]) -> Any:
            b, t = batch["words"].shape
            chars = self.char(batch["chars"].view(b * t, MAX_CHARS)).transpose(1, 2)
            chars = torch.relu(self.conv(chars)).max(dim=2).values.view(b, t, -1)
            x = torch.cat(
                [
                    self.embed(batch["words"]),
                    self.embed(batch["stems"]),
                    chars,
                    self.prefix(batch["prefixes"]),
                    batch["features"],
                ],
                dim=2,
            )
            lengths = batch["mask"].sum(dim=1).cpu()
            packed = nn.utils.rnn.pack_padded_sequence(
                self.drop(x), lengths, batch_first=True, enforce_sorted=False
            )
            hidden, _ = nn.utils.rnn.pad_packed_sequence(
                self.lstm(packed)[0], batch_first=True, total_length=t
            )
            return self.out(self.drop(hidden))

        def embed(self, ids: Any) -> Any:
            return self.word(ids) + self.word_delta(ids)

        def loss(self, batch: dict[str, Any], tags: Any) -> Any:
            scores = self.emissions(batch)
            mask = batch["mask"]
            return (_log_partition(scores, mask, self) - _path_score(scores, tags, mask, self)).mean()

    return BiLstmCrf()


def _log_partition(scores: Any, mask: Any, model: Any) -> Any:
    torch = _torch()
    alpha = model.start + scores[:, 0]
    for i in range(1, scores.shape[1]):
        step = torch.logsumexp(alpha.unsqueeze(2) + model.transitions + scores[:, i].unsqueeze(1), dim=1)
        alpha = torch.where(mask[:, i].unsqueeze(1), step, alpha)
    return torch.logsumexp(alpha + model.end, dim=1)


def _path_score(scores: Any, tags: Any, mask: Any, model: Any) -> Any:
    total = model.start[tags[:, 0]] + scores[:, 0].gather(1, tags[:, :1]).squeeze(1)
    for i in range(1, scores.shape[1]):
        step = model.transitions[tags[:, i - 1], tags[:, i]] + scores[:, i].gather(
            1, tags[:, i : i + 1]
        ).squeeze(1)
        total = total + step * mask[:, i]
    lengths = mask.sum(dim=1) - 1
    last = tags.gather(1, lengths.unsqueeze(1)).squeeze(1)
    return total + model.end[last]


def make_vocab(train: Sequence[Sentence], embedding_words: Sequence[str], tags: Sequence[str]) -> Vocab:
    words = {w: i + 2 for i, w in enumerate(embedding_words)}
    counts = Counter(ch for tokens, _ in train for token in tokens for ch in token)
    chars = {ch: i + 2 for i, (ch, n) in enumerate(counts.most_common()) if n >= 2}
    return Vocab(words, chars, tuple(tags))


def _to_torch(batch: Batch) -> dict[str, Any]:
    torch = _torch()
    return {
        name: torch.from_numpy(getattr(batch, name))
        for name in ("words", "stems", "prefixes", "chars", "features", "mask")
    }


def train_tagger(
    train: Sequence[Sentence],
    dev: Sequence[Sentence],
    vocab: Vocab,
    embeddings: np.ndarray,
    gazetteer: Gazetteer,
    config: TrainConfig = TrainConfig(),
    log: Callable[[str], None] = print,
    start: dict[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Train (from the weights `start` of an earlier model, if given), keep the weights of the
    best dev epoch, and return them as numpy arrays."""
    torch = _torch()
    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    rng = random.Random(config.seed)
    model = build_model(vocab, embeddings, config)
    if start is not None:
        import_weights(model, start)
    dense = [p for name, p in model.named_parameters() if p.requires_grad and name != "word_delta.weight"]
    optimizers = [torch.optim.Adam(dense, lr=config.learning_rate)]
    if config.tune_embeddings:  # sparse updates: only the rows of this batch's words
        optimizers.append(torch.optim.SparseAdam([model.word_delta.weight], lr=config.learning_rate / 2))
    tag_ids = {t: i for i, t in enumerate(vocab.tags)}
    order = sorted(range(len(train)), key=lambda i: len(train[i][0]))
    batches = [order[i : i + config.batch_size] for i in range(0, len(order), config.batch_size)]
    encoded = [
        (
            _to_torch(encode([train[i][0] for i in ids], vocab, gazetteer)),
            _tag_tensor([train[i][1] for i in ids], tag_ids),
        )
        for ids in batches
    ]
    best_f1, best_state, stale = -1.0, None, 0
    average: dict[str, np.ndarray] | None = None
    averaged = 0
    for epoch in range(1, config.epochs + 1):
        started = time.perf_counter()
        model.train()
        rng.shuffle(encoded)
        total = 0.0
        if config.lr_decay:
            for optimizer in optimizers:
                for group in optimizer.param_groups:
                    group["lr"] = config.learning_rate * _decay(epoch, config.epochs)
        for inputs, tags in encoded:
            for optimizer in optimizers:
                optimizer.zero_grad()
            if config.word_dropout:
                inputs = _drop_words(inputs, config.word_dropout)
            loss = model.loss(inputs, tags)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(dense, 5.0)
            for optimizer in optimizers:
                optimizer.step()
            total += loss.item()
        weights = lower_o(export_weights(model, vocab), vocab, config.o_bias)
        f1 = evaluate_weights(weights, vocab, gazetteer, dev)
        note = ""
        if config.average_from and epoch >= config.average_from:
            averaged += 1
            average = _running_mean(average, weights, averaged)
            average_f1 = evaluate_weights(average, vocab, gazetteer, dev)
            note = f"  averaged ({averaged}) {average_f1:5.2f}"
            if average_f1 > f1:
                f1, weights = average_f1, dict(average)
        log(
            f"epoch {epoch:>2}: loss {total / len(encoded):7.3f}  dev F1 {f1:5.2f}{note}  "
            f"({time.perf_counter() - started:.0f} s)"
        )
        if f1 > best_f1:
            best_f1, best_state, stale = f1, weights, 0
        else:
            stale += 1
            if stale >= config.patience:
                break
    assert best_state is not None
    log(f"best dev F1 {best_f1:.2f}")
    return best_state


def _decay(epoch: int, epochs: int) -> float:
    """1 at the first epoch, 0.05 at the last, linearly between.

    >>> [round(_decay(epoch, 3), 3) for epoch in (1, 2, 3)]
    [1.0, 0.525, 0.05]
    """
    return 1.0 - 0.95 * (epoch - 1) / max(epochs - 1, 1)


def _drop_words(inputs: dict[str, Any], rate: float) -> dict[str, Any]:
    torch = _torch()
    dropped = (torch.rand(inputs["words"].shape) < rate) & inputs["mask"]
    return {
        **inputs,
        "words": inputs["words"].masked_fill(dropped, UNK),
        "stems": inputs["stems"].masked_fill(dropped, UNK),
    }


def _running_mean(
    average: dict[str, np.ndarray] | None, weights: dict[str, np.ndarray], count: int
) -> dict[str, np.ndarray]:
    if average is None:
        return {name: array.copy() for name, array in weights.items()}
    return {name: average[name] + (weights[name] - average[name]) / count for name in average}


def _tag_tensor(tag_lists: Sequence[Sequence[str]], tag_ids: dict[str, int]) -> Any:
    torch = _torch()
    width = max(len(t) for t in tag_lists)
    array = np.zeros((len(tag_lists), width), np.int64)
    for b, tags in enumerate(tag_lists):
        array[b, : len(tags)] = [tag_ids[t] for t in tags]
    return torch.from_numpy(array)


def export_weights(model: Any, vocab: Vocab) -> dict[str, np.ndarray]:
    """Every parameter as a numpy array, named as `marsad.ner.tagger` expects."""
    weights = {name: tensor.detach().cpu().numpy().copy() for name, tensor in model.state_dict().items()}
    weights["word.weight"] = weights["word.weight"] + weights.pop("word_delta.weight")
    return weights


def lower_o(weights: dict[str, np.ndarray], vocab: Vocab, amount: float) -> dict[str, np.ndarray]:
    """`weights` with the O tag's output bias lowered by `amount` (a copy when it changes)."""
    if not amount:
        return weights
    bias = weights["out.bias"].copy()
    bias[vocab.tags.index("O")] -= amount
    return {**weights, "out.bias": bias}


def import_weights(model: Any, weights: dict[str, np.ndarray]) -> None:
    """Load weights from `export_weights` (of a model with the same vocabulary) into `model`."""
    torch = _torch()
    state = {name: torch.from_numpy(np.asarray(array, np.float32)) for name, array in weights.items()}
    state["word_delta.weight"] = torch.zeros_like(state["word.weight"])
    model.load_state_dict(state)


def evaluate_weights(
    weights: dict[str, np.ndarray], vocab: Vocab, gazetteer: Gazetteer, sentences: Sequence[Sentence]
) -> float:
    from marsad.ner.tagger import Tagger

    tagger = Tagger(weights, vocab, gazetteer)
    predicted = tagger.tag_tokens([tokens for tokens, _ in sentences])
    return score([tags for _, tags in sentences], predicted).overall[2]


def save_model(path: Path, weights: dict[str, np.ndarray], vocab: Vocab) -> None:
    """Weights in float16 and the word table in int8 with one scale per row (a quarter of the
    size, no measurable loss), plus the vocabularies (words most frequent first)."""
    weights = dict(weights)
    table = weights.pop("word.weight")
    scale = np.abs(table).max(axis=1, keepdims=True) / 127 + 1e-12
    arrays: dict[str, Any] = {
        f"w.{k}": v.astype(np.float16) if v.dtype == np.float32 else v for k, v in weights.items()
    }
    arrays["q.word.weight"] = np.round(table / scale).astype(np.int8)
    arrays["q.word.scale"] = scale.astype(np.float32)
    words = sorted(vocab.words, key=vocab.words.__getitem__)
    chars = sorted(vocab.chars, key=vocab.chars.__getitem__)
    np.savez_compressed(
        path,
        **arrays,
        words=np.array(words),
        chars=np.array(chars),
        tags=np.array(vocab.tags),
        unknown=np.array([UNK]),
    )
