"""The reproducible recipe behind the shipped NER model (`marsad ner train`).

1. Compile the gazetteer from ../shared/datasets (ANERGazet, ANETAC, countries, GeoNames).
2. Learn word embeddings (word2vec skip-gram, 10 negative samples) from SaudiNewsNet, the
   ANERcorp training sentences and WikiFANE's text (its labels unused unless `--wikifane`).
   `--embeddings FILE` keeps them there and reuses them on the next run.
3. Train the BiLSTM-CRF on ANERcorp train (less its last `dev_fraction` of sentences, the dev
   split; with `--wikifane`, plus WikiFANE mapped to PER/ORG/LOC/MISC); keep the epoch (or the
   running average of epochs, `--average-from`) with the best dev F1.
4. Distillation (`--teacher-model FILE`, repeated): the given models, as one product-of-experts
   ensemble (`marsad.ner.ensemble`), tag `--pseudo-sentences` SaudiNewsNet sentences; a new
   tagger trains from scratch on them plus ANERcorp train repeated `--gold-repeat` times, then
   (`--finetune-epochs`) on ANERcorp train alone. It runs as fast as any one model.
   Or self-training (`--teachers K`): train K such taggers from different seeds, tag SaudiNewsNet
   sentences with all of them, keep those they tag identically (`marsad.ner.pseudo`), and train
   one student, from the best teacher's weights, on ANERcorp train plus `--pseudo-sentences` of
   them. The student runs as fast as any one teacher.
5. Save the weights, the vocabulary (most frequent words first) and the gazetteer.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from marsad.errors import UsageError
from marsad.ner.conll import Sentence, read_conll, repair_bio
from marsad.ner.encode import Vocab
from marsad.ner.gazetteer import PACKAGED, Gazetteer, build_gazetteer
from marsad.ner.pseudo import news_sentences, sample, unanimous
from marsad.ner.tagger import PACKAGED_MODEL
from marsad.ner.tokens import lookup_form, sentences, strip_clitics

if TYPE_CHECKING:
    from marsad.ner.train import TrainConfig

TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")

# WikiFANE's fine classes by the coarse type ANERcorp would give them. Groups (المصريين) and
# vehicles/weapons are not names in ANERcorp's sense and become O.
WIKIFANE_TYPES = {
    "PER": {
        "Politician",
        "Religious_PER",
        "Artist",
        "Other_PER",
        "Scientist",
        "Athlete",
        "Businessperson",
        "Engineer",
        "Lawyer",
        "Police",
    },
    "ORG": {
        "Commercial",
        "Educational",
        "Entertainment",
        "Government",
        "Media",
        "Medical-Science",
        "Non-Governmental",
        "Religious_ORG",
        "Sports",
    },
    "LOC": {
        "Continent",
        "County-or-District",
        "GPE-Cluster",
        "Nation",
        "Population-Center",
        "State-or-Province",
        "Celestial",
        "Land-Region-Natural",
        "Water-Body",
        "Airport",
        "Building-Grounds",
        "Path",
        "Subarea-Facility",
    },
    "MISC": {"Book", "Drug", "Food", "Hardware", "Movie", "Plant", "Software", "Sound"},
}


@dataclass(frozen=True, slots=True)
class Recipe:
    datasets: Path
    data: Path | None = None
    dev_fraction: float = 0.1
    epochs: int = 40
    wikifane: bool = False
    vocab_size: int = 60_000
    dimensions: int = 100
    embeddings: Path | None = None
    average_from: int = 0
    lr_decay: bool = False
    word_dropout: float = 0.0
    seed: int = 13
    o_bias: float = 0.0
    teachers: int = 0
    pseudo_sentences: int = 6_000
    student_epochs: int = 12
    teacher_models: tuple[Path, ...] = ()
    gold_repeat: int = 1
    finetune_epochs: int = 0


def split_anercorp(recipe: Recipe) -> tuple[list[Sentence], list[Sentence]]:
    """ANERcorp train minus its last `dev_fraction` of sentences, and that dev split."""
    path = recipe.data or recipe.datasets / "anercorp" / "train.txt"
    if not path.exists():
        raise UsageError(f"{path}: no training data (pass --datasets or --data)")
    labeled = read_conll(path)
    cut = int(len(labeled) * (1 - recipe.dev_fraction))
    return labeled[:cut], labeled[cut:]


def read_wikifane(path: Path) -> list[Sentence]:
    coarse = {fine: kind for kind, fines in WIKIFANE_TYPES.items() for fine in fines}
    found: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split("\t")
        token = parts[0].strip("\u200e\u200f \ufeff")
        if not token or len(parts) < 2:
            if tokens:
                found.append((tokens, repair_bio(tags)))
                tokens, tags = [], []
            continue
        prefix, _, fine = parts[1].strip().partition("-")
        kind = coarse.get(fine)
        tokens.append(token)
        tags.append(f"{prefix}-{kind}" if kind else "O")
    if tokens:  # the file need not end with a blank line
        found.append((tokens, repair_bio(tags)))
    return found


def embedding_sentences(recipe: Recipe, labeled: list[Sentence]) -> Iterator[list[str]]:
    corpus = recipe.datasets / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            text = (record.get("title") or "") + "\n" + (record.get("text") or "")
            for group in sentences(text):
                yield [lookup_form(t.text) for t in group]
    for tokens, _ in labeled:
        yield [lookup_form(t) for t in tokens]
    # WikiFANE's text (its labels unused here) adds encyclopedic contexts for names.
    for tokens, _ in read_wikifane(recipe.datasets / "wikifane" / "WikiFANE_Gold_2014_500K.txt"):
        yield [lookup_form(t) for t in tokens]


def learn_embeddings(
    recipe: Recipe, labeled: list[Sentence], log: Callable[[str], None]
) -> tuple[list[str], np.ndarray]:
    """Words (most frequent first) and their vectors; row 0 is padding, row 1 unknown words."""
    from gensim.models import Word2Vec

    corpus = list(embedding_sentences(recipe, labeled))
    log(f"word2vec on {len(corpus):,} sentences, {sum(map(len, corpus)):,} tokens")
    model = Word2Vec(
        corpus,
        vector_size=recipe.dimensions,
        window=5,
        min_count=3,
        sg=1,
        negative=10,
        workers=2,
        epochs=5,
        seed=13,
    )
    needed = {f for tokens, _ in labeled for t in tokens for f in _forms(t)}
    words = [w for i, w in enumerate(model.wv.index_to_key) if i < recipe.vocab_size or w in needed]
    vectors = np.zeros((len(words) + 2, recipe.dimensions), np.float32)
    vectors[2:] = np.stack([model.wv[w] for w in words])
    vectors[2:] /= np.linalg.norm(vectors[2:], axis=1, keepdims=True) + 1e-6
    vectors[1] = vectors[2:].mean(axis=0)
    return words, vectors


def _forms(token: str) -> tuple[str, str]:
    form = lookup_form(token)
    return form, strip_clitics(form)[1]


def load_or_learn_embeddings(
    recipe: Recipe, labeled: list[Sentence], log: Callable[[str], None]
) -> tuple[list[str], np.ndarray]:
    """`learn_embeddings`, kept in (and reused from) `recipe.embeddings` when that is set."""
    cache = recipe.embeddings
    if cache is not None and cache.exists():
        with np.load(cache, allow_pickle=False) as data:
            log(f"word vectors from {cache}")
            return data["words"].tolist(), data["vectors"]
    words, vectors = learn_embeddings(recipe, labeled, log)
    if cache is not None:
        np.savez(cache, words=np.array(words), vectors=vectors)
    return words, vectors


def train_from_datasets(recipe: Recipe, out: Path | None, log: Callable[[str], None] = print) -> Path:
    from marsad.ner.train import TrainConfig, make_vocab, save_model, train_tagger

    train, dev = split_anercorp(recipe)
    if recipe.wikifane:
        train = train + read_wikifane(recipe.datasets / "wikifane" / "WikiFANE_Gold_2014_500K.txt")
    log(f"{len(train):,} training sentences, {len(dev):,} dev sentences")
    gazetteer = build_gazetteer(recipe.datasets)
    gazetteer.save(PACKAGED if out is None else out.with_suffix(".gazetteer.tsv.gz"))
    # dev text stays unseen, like test text
    words, vectors = load_or_learn_embeddings(recipe, train, log)
    vocab = make_vocab(train, words, TAGS)
    config = TrainConfig(
        epochs=recipe.epochs,
        average_from=recipe.average_from,
        lr_decay=recipe.lr_decay,
        word_dropout=recipe.word_dropout,
        seed=recipe.seed,
        o_bias=recipe.o_bias,
    )
    if recipe.teacher_models:
        weights = distill(recipe, train, dev, (vocab, vectors, gazetteer), config, log)
    elif recipe.teachers:
        weights = self_train(recipe, train, dev, (vocab, vectors, gazetteer), config, log)
    else:
        weights = train_tagger(train, dev, vocab, vectors, gazetteer, config, log=log)
    target = out or PACKAGED_MODEL
    save_model(target, weights, vocab)
    return target


def self_train(
    recipe: Recipe,
    train: list[Sentence],
    dev: list[Sentence],
    resources: tuple[Vocab, np.ndarray, Gazetteer],
    config: TrainConfig,
    log: Callable[[str], None],
) -> dict[str, np.ndarray]:
    """Step 4: K teachers from different seeds, their unanimous news sentences, one student."""
    from marsad.ner.tagger import Tagger
    from marsad.ner.train import evaluate_weights, lower_o, train_tagger

    vocab, vectors, gazetteer = resources
    teachers: list[tuple[float, dict[str, np.ndarray]]] = []
    for seed in range(config.seed, config.seed + recipe.teachers):
        log(f"teacher {seed - config.seed + 1} of {recipe.teachers}")
        weights = train_tagger(train, dev, vocab, vectors, gazetteer, replace(config, seed=seed), log=log)
        teachers.append((evaluate_weights(weights, vocab, gazetteer, dev), weights))
    corpus = recipe.datasets / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    # Roughly half the sentences are unanimous: tag about twice as many as will be used.
    news = news_sentences(corpus, 2 * recipe.pseudo_sentences)
    taggers = [Tagger(weights, vocab, gazetteer) for _, weights in teachers]
    agreed = unanimous(news, [tagger.tag_tokens for tagger in taggers])
    pseudo = sample(agreed, recipe.pseudo_sentences, seed=config.seed)
    log(f"{len(agreed):,} of {len(news):,} news sentences unanimous; the student trains on {len(pseudo):,}")
    # The student's training adds the O bias again: start it from the teacher's own weights.
    best = lower_o(max(teachers, key=lambda pair: pair[0])[1], vocab, -config.o_bias)
    student = replace(config, epochs=recipe.student_epochs, learning_rate=config.learning_rate / 2)
    return train_tagger(train + pseudo, dev, vocab, vectors, gazetteer, student, log=log, start=best)


def distill(
    recipe: Recipe,
    train: list[Sentence],
    dev: list[Sentence],
    resources: tuple[Vocab, np.ndarray, Gazetteer],
    config: TrainConfig,
    log: Callable[[str], None],
) -> dict[str, np.ndarray]:
    """Step 4: one tagger trained on news sentences labelled by an ensemble of teachers."""
    from marsad.ner.ensemble import Ensemble
    from marsad.ner.train import evaluate_weights, train_tagger

    vocab, vectors, gazetteer = resources
    ensemble = Ensemble.load(recipe.teacher_models)
    corpus = recipe.datasets / "saudinewsnet" / "saudinewsnet.jsonl.gz"
    news = news_sentences(corpus, recipe.pseudo_sentences, every=3)
    log(f"{len(ensemble.members)} teachers label {len(news):,} news sentences")
    pseudo = list(zip(news, ensemble.tag_tokens(news), strict=True))
    named = sum(any(tag != "O" for tag in tags) for _, tags in pseudo)
    log(f"{named:,} of them with names; training on them and {recipe.gold_repeat} x ANERcorp train")
    mixed = train * recipe.gold_repeat + pseudo
    weights = train_tagger(mixed, dev, vocab, vectors, gazetteer, config, log=log)
    if not recipe.finetune_epochs:
        return weights
    log("fine-tuning on ANERcorp train alone")
    tune = replace(
        config, epochs=recipe.finetune_epochs, learning_rate=config.learning_rate / 4, average_from=0
    )
    tuned = train_tagger(train, dev, vocab, vectors, gazetteer, tune, log=log, start=weights)
    scored = [(evaluate_weights(w, vocab, gazetteer, dev), w) for w in (weights, tuned)]
    return max(scored, key=lambda pair: pair[0])[1]
