"""Labelled name pairs from the name-variant sources: the protocol the matcher learns and is scored on.

The sources (Wikidata, Google ar2en, ANETAC; `sources.read_name_pairs`) give Arabic spellings of
English keys. Taken raw they are noisy both ways, so the protocol cleans each side with rules that
look at the *English* side only and therefore favour no Arabic matcher:

- a row is kept when its Arabic consonants line up with the English ones (`aligned`); this drops
  misaligned rows (edward / جون) and exonyms (judas / يهوذا, cyprus / قبرص);
- positives: two kept spellings of one English key (موغيريني / موجريني);
- negatives: for each positive, one spelling drawn at random among the `NEAREST` Arabic spellings
  most similar to its first word (within two-fifths edits of it) that belong to *another*
  name: no spelling shared, and the two English keys are neither near-identical (normalized
  Levenshtein at least `ENGLISH_SAME`) nor one consonant skeleton with similar letters
  (fergus / vergis, mohammed / muhammad): those are one name spelled two ways, label noise.

Keys are split by `sources.split_of`: learn and choose thresholds on "train", report on "test".
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from marsad.arabic.keys import fold
from marsad.kb.sources import Split, read_name_pairs, split_of

#: Candidate negatives per positive: the most similar spellings of other names.
NEAREST = 50
#: English keys at least this similar (normalized Levenshtein) are one name spelled two ways.
ENGLISH_SAME = 0.75
#: English keys with one consonant skeleton are one name when at least this similar.
ENGLISH_SAME_SKELETON = 0.5
#: Arabic consonants and English consonants of one row must be at least this similar.
ALIGNED = 0.6

_ARTICLE_RE = re.compile(r"^[ae]l(?=\w{3})")
# Arabic letters to Latin consonant classes (long vowels, hamza, ع dropped).
_AR = str.maketrans("بپتثجچحخدذرزسشصضطظغفڤقكگلمنهة", "bbttjjhhddrzssssttgffkkklmnhh", "اأإآوؤيىئءعـ")


@dataclass(frozen=True, slots=True)
class Pairs:
    """Labelled pairs of one split, and how many English keys they come from."""

    positives: list[tuple[str, str]]
    negatives: list[tuple[str, str]]
    keys: int


def english_skeleton(english: str) -> str:
    """Consonant classes of an English key, digraphs and doubles merged.

    >>> english_skeleton("fergus") == english_skeleton("vergis")
    True
    >>> english_skeleton("kendal") == english_skeleton("jindal")
    False
    """
    key = english.lower()
    for digraph, single in (
        ("ph", "f"),
        ("th", "t"),
        ("sh", "s"),
        ("ch", "k"),
        ("kh", "k"),
        ("gh", "g"),
        ("ck", "k"),
    ):
        key = key.replace(digraph, single)
    key = key.translate(str.maketrans("vcqxzp", "fkkksb"))
    key = re.sub(r"[aeiouyw]", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


def aligned(arabic: str, english: str) -> bool:
    """Whether an Arabic spelling's consonants line up with its English key's.

    >>> aligned("موغيريني", "mogherini")
    True
    >>> aligned("يهوذا", "judas")
    False
    """
    ar = fold(arabic).translate(_AR).replace("j", "g").replace("g", "k")
    en = english_skeleton(english).replace("j", "k").replace("g", "k").replace("h", "")
    ar = re.sub(r"(.)\1+", r"\1", ar.replace("h", ""))
    if not en or not ar:
        return ar == en
    return Levenshtein.normalized_similarity(ar, en) >= ALIGNED


def same_name(left: str, right: str) -> bool:
    """Whether two English keys are spellings of one name (fergus / vergis, mohammed / muhammad,
    almanea / manea: the Arabic article set aside).

    >>> same_name("fergus", "vergis"), same_name("kendal", "jindal")
    (True, False)
    """
    left, right = _ARTICLE_RE.sub("", left), _ARTICLE_RE.sub("", right)
    similarity = Levenshtein.normalized_similarity(left, right)
    if similarity >= ENGLISH_SAME:
        return True
    return similarity >= ENGLISH_SAME_SKELETON and english_skeleton(left) == english_skeleton(right)


def spellings_by_key(folder: Path, split: Split) -> dict[str, set[str]]:
    """Aligned Arabic spellings of each English key (3 letters or more) of one split."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for arabic, english in read_name_pairs(folder):
        if len(english) >= 3 and split_of(english) == split and arabic and aligned(arabic, english):
            by_key[english].add(arabic)
    return by_key


def positive_pairs(by_key: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Every two spellings of one key that differ after `fold`."""
    pairs = []
    for spellings in by_key.values():
        ordered = sorted({fold(s): s for s in sorted(spellings)}.values())
        pairs += [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
    return pairs


def negative_pairs(
    by_key: dict[str, set[str]], words: Iterable[str], *, nearest_only: bool = False, seed: int = 11
) -> list[tuple[str, str]]:
    """For each word, a similar spelling of a different name (see the module docstring); with
    `nearest_only`, the single most similar spelling of any other key (the older, adversarial
    protocol, which keeps fergus / vergis as a "negative")."""
    rng = random.Random(seed)
    keys_of: dict[str, set[str]] = defaultdict(set)
    for english, spellings in by_key.items():
        for spelling in spellings:
            keys_of[spelling].add(english)
    vocabulary = sorted(keys_of)
    folded = [fold(w) for w in vocabulary]
    found = []
    for word in words:
        query = fold(word)
        best = process.extract(query, folded, scorer=OSA.normalized_similarity, limit=200, score_cutoff=0.6)
        similar = []
        for _, _, index in best:
            other = vocabulary[index]
            if query == folded[index] or keys_of[word] & keys_of[other]:
                continue
            if nearest_only:
                similar.append(other)
                break
            if not any(same_name(x, y) for x in keys_of[word] for y in keys_of[other]):
                similar.append(other)
            if len(similar) == NEAREST:
                break
        if similar:
            found.append((word, similar[0] if nearest_only else rng.choice(similar)))
    return found


def load_pairs(folder: Path, split: Split, *, limit: int | None = 5000, seed: int = 7) -> Pairs:
    """The labelled pairs of one split: up to `limit` positives, one negative for each."""
    by_key = spellings_by_key(folder, split)
    positives = positive_pairs(by_key)
    random.Random(seed).shuffle(positives)
    if limit is not None:
        positives = positives[:limit]
    negatives = negative_pairs(by_key, (a for a, _ in positives))
    return Pairs(positives, negatives, len(by_key))
