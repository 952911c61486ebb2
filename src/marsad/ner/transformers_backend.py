"""A Hugging Face token-classification model on disk as marsad's tagger (`--ner-model FOLDER`).

Needs the `[transformers]` extra. The folder is read with `local_files_only`: nothing is ever
downloaded. Each word takes the label of its first sub-word; labels such as B-PERS or
B-person are mapped to PER/ORG/LOC/MISC, and anything else becomes O.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from marsad.errors import UsageError
from marsad.ner.conll import normalize_tag, repair_bio

KNOWN_TYPES = ("PER", "ORG", "LOC", "MISC")
BATCH = 16


class TransformersTagger:
    def __init__(self, model: Any, tokenizer: Any, frequency: Callable[[str], float]) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.frequency = frequency
        self.labels = {int(i): _coarse(label) for i, label in model.config.id2label.items()}

    @classmethod
    def load(cls, folder: Path, frequency: Callable[[str], float]) -> TransformersTagger:
        try:
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as exc:
            raise UsageError("a Hugging Face model needs: pip install 'marsad[transformers]'") from exc
        try:
            tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
            model = AutoModelForTokenClassification.from_pretrained(folder, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise UsageError(f"{folder}: not a token-classification model folder ({exc})") from exc
        if not tokenizer.is_fast:
            raise UsageError(f"{folder}: the model needs a fast tokenizer (tokenizer.json) to align words")
        return cls(model.eval(), tokenizer, frequency)

    def word_frequency(self, form: str) -> float:
        return self.frequency(form)

    def tag_tokens(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        import torch

        result: list[list[str]] = []
        for start in range(0, len(sentences), BATCH):
            batch = [list(s) for s in sentences[start : start + BATCH]]
            if not any(batch):
                result += [[] for _ in batch]
                continue
            encoded = self.tokenizer(
                batch, is_split_into_words=True, truncation=True, padding=True, return_tensors="pt"
            )
            with torch.no_grad():
                predicted = self.model(**encoded).logits.argmax(dim=-1).tolist()
            for b, words in enumerate(batch):
                labels = ["O"] * len(words)
                seen: set[int] = set()
                for position, word in enumerate(encoded.word_ids(b)):
                    if word is not None and word not in seen:
                        seen.add(word)
                        labels[word] = self.labels.get(predicted[b][position], "O")
                result.append(repair_bio(labels))
        return result


def _coarse(label: str) -> str:
    """B-PERS, I-person, B-ORGANIZATION … as marsad's BIO tags; unknown types become O.

    >>> [_coarse(x) for x in ["B-PERS", "I-person", "B-ORGANIZATION", "B-GPE", "O", "LABEL_3"]]
    ['B-PER', 'I-PER', 'B-ORG', 'B-LOC', 'O', 'O']
    """
    tag = normalize_tag(label)
    if tag == "O" or tag[:2] not in ("B-", "I-"):
        return "O"
    kind = {
        "PERSON": "PER",
        "ORGANIZATION": "ORG",
        "ORGANISATION": "ORG",
        "LOCATION": "LOC",
        "GPE": "LOC",
        "FAC": "LOC",
    }.get(tag[2:], tag[2:])
    return f"{tag[:2]}{kind}" if kind in KNOWN_TYPES else "O"
