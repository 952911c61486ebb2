"""CoNLL files (one `token TAG` per line, a blank line between sentences) and entity-level scores.

Scores follow conlleval: an entity counts when its type and exact token span match the gold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError

Sentence = tuple[list[str], list[str]]  # tokens, tags


def read_conll(path: str | Path, *, tagged: bool = True) -> list[Sentence]:
    """Sentences of a CoNLL file; with `tagged=False` only the first column is read (tags are "O")."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read as a UTF-8 CoNLL file ({exc})") from exc
    for lineno, line in enumerate(lines, start=1):
        parts = line.split()
        if not parts:
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        if tagged and len(parts) < 2:
            raise InputError(f"{path}:{lineno}", f"expected 'token TAG', got {line!r}")
        tokens.append(parts[0])
        tags.append(normalize_tag(parts[-1]) if tagged else "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def normalize_tag(tag: str) -> str:
    """ANERcorp's PERS and other spellings as PER/ORG/LOC/MISC; stray I- without B- kept as is.

    >>> normalize_tag("B-PERS"), normalize_tag("I-Org"), normalize_tag("O")
    ('B-PER', 'I-ORG', 'O')
    """
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    kind = kind.upper()
    return f"{prefix.upper()}-{'PER' if kind in ('PERS', 'PERSON') else kind}"


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity in BIO tags; an I- that starts a run opens an entity.

    >>> spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC')]
    """
    found: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, this = tag.partition("-")
        if start >= 0 and (prefix != "I" or this != kind):
            found.append((start, i, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = i, this
    return found


@dataclass(frozen=True, slots=True)
class Scores:
    per_type: dict[str, tuple[float, float, float, int]]  # precision, recall, F1, gold count
    overall: tuple[float, float, float, int]


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Scores:
    """conlleval-style micro precision/recall/F1 (percent), per type and overall."""
    hits: Counter[str] = Counter()
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g, p = set(spans(g_tags)), set(spans(p_tags))
        for _, _, kind in g:
            gold_n[kind] += 1
        for _, _, kind in p:
            pred_n[kind] += 1
        for _, _, kind in g & p:
            hits[kind] += 1
    kinds = sorted(set(gold_n) | set(pred_n))
    per_type = {k: _prf(hits[k], pred_n[k], gold_n[k]) for k in kinds}
    overall = _prf(sum(hits.values()), sum(pred_n.values()), sum(gold_n.values()))
    return Scores(per_type, overall)


def _prf(hit: int, predicted: int, gold: int) -> tuple[float, float, float, int]:
    precision = 100 * hit / predicted if predicted else 0.0
    recall = 100 * hit / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, gold


def read_lines(path: str | Path) -> tuple[list[str], list[tuple[list[int], list[str]]]]:
    """The file's lines as they are, and its sentences as (line indexes, tokens)."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read as a UTF-8 CoNLL file ({exc})") from exc
    sentences: list[tuple[list[int], list[str]]] = []
    current: tuple[list[int], list[str]] = ([], [])
    for index, line in enumerate(lines):
        parts = line.split()
        if parts:
            current[0].append(index)
            current[1].append(parts[0])
        elif current[0]:
            sentences.append(current)
            current = ([], [])
    if current[0]:
        sentences.append(current)
    return lines, sentences


def relabel(tag: str, per_label: str) -> str:
    """Write persons as PERS (ANERcorp's label) or PER.

    >>> relabel("B-PER", "PERS"), relabel("I-LOC", "PERS")
    ('B-PERS', 'I-LOC')
    """
    return tag[:2] + per_label if tag.endswith("-PER") else tag


def repair_bio(tags: Sequence[str]) -> list[str]:
    """An I- that does not continue an entity of its type starts one.

    >>> repair_bio(["I-PER", "I-PER", "O", "B-LOC", "I-ORG"])
    ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG']
    """
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out
