"""Near-duplicate articles: agency copy republished by several outlets, lightly edited.

Each article's body becomes a set of word 4-gram shingles over matching keys (so spelling
variants and clitics do not hide a copy); a MinHash signature estimates the Jaccard similarity of
two such sets, and banded LSH (datasketch) finds the candidates, so finding the copies of an
article costs about the same however many articles are indexed.

>>> index = DuplicateIndex()
>>> spa = ("أعلنت وزارة الداخلية اليوم القبض على خلية إرهابية تضم 12 شخصا"
...        " في منطقة القصيم بعد متابعة أمنية دقيقة")
>>> index.add("a1", spa)
>>> index.find("b7", "الرياض - واس: " + spa)
'a1'
>>> index.find("c3", "تراجعت أسعار النفط في الأسواق العالمية بعد ارتفاع المخزونات الأمريكية للأسبوع الثالث")
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.arabic.keys import fold

NUM_PERM = 64
SHINGLE_WORDS = 4
#: Estimated Jaccard similarity of shingle sets from which one article is a copy of another.
#: Republished agency copy keeps most sentences (≥ 0.5); two reports of one event in each
#: outlet's own words share few 4-word runs (< 0.2).
DUPLICATE_JACCARD = 0.5
#: Only the opening of a long text is shingled: copies differ most in what they cut at the end.
MAX_WORDS = 400
#: A body of fewer words is no evidence of a copy: the empty (or one-line) bodies of unrelated
#: articles share their whole shingle set. SaudiNewsNet has 382 empty bodies; as copies of one
#: another they made stories of 168 and 129 unrelated articles.
MIN_WORDS = 8

_WORD_RE = re.compile(r"[^\W_]+")
# One fixed set of permutations for every signature, so signatures stored in one run compare with
# those of the next (MinHash would otherwise draw them again for every object).
_SEED_MINHASH = MinHash(num_perm=NUM_PERM, seed=7)
_PERMUTATIONS, _SCHEME = _SEED_MINHASH.permutations, _SEED_MINHASH.scheme


def _crc32(data: bytes) -> int:
    # A stable 32-bit hash (Python's own hash() changes per process).
    return zlib.crc32(data)


def shingles(text: str) -> list[bytes]:
    """The word 4-grams of `text`'s matching keys, as bytes.

    >>> shingles("قال الأمين العام للحلف أمس") == shingles("قال الامين العام للحلف امس")
    True
    >>> len(shingles("قال الأمين العام للحلف أمس"))
    2
    """
    words = _WORD_RE.findall(fold(text[: MAX_WORDS * 10]))[:MAX_WORDS]
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)]


def too_short(text: str) -> bool:
    """Whether `text` has too few words to tell a copy (`MIN_WORDS`).

    >>> too_short(""), too_short("نائب خادم الحرمين الشريفين")
    (True, True)
    """
    return len(_WORD_RE.findall(text[: MIN_WORDS * 30])) < MIN_WORDS


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_crc32, permutations=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch(shingles(text))
    return minhash


class DuplicateIndex:
    """MinHash signatures of indexed articles in banded LSH; `find` names an earlier copy."""

    def __init__(self, threshold: float = DUPLICATE_JACCARD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.signatures

    def add(self, article_id: str, text: str, minhash: MinHash | None = None) -> None:
        if article_id in self.signatures or too_short(text):
            return
        minhash = minhash if minhash is not None else signature(text)
        self.signatures[article_id] = minhash
        self.lsh.insert(article_id, minhash)

    def find(self, article_id: str, text: str, minhash: MinHash | None = None) -> str | None:
        """The indexed article most similar to `text` above the threshold, or None."""
        if too_short(text):
            return None
        minhash = minhash if minhash is not None else signature(text)
        scored = (
            (minhash.jaccard(self.signatures[o]), str(o)) for o in self.lsh.query(minhash) if o != article_id
        )
        matches = [(jaccard, other) for jaccard, other in scored if jaccard >= self.threshold]
        # Copies often tie (several identical republications): the smallest id wins, so the
        # answer does not depend on the order LSH returns its set in (it varies per process).
        return min(matches, key=lambda match: (-match[0], match[1]))[1] if matches else None

    def remove(self, article_ids: Sequence[str]) -> None:
        for article_id in article_ids:
            if self.signatures.pop(article_id, None) is not None:
                self.lsh.remove(article_id)


def jaccard(first: str, second: str) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets (for tests and reports)."""
    return float(np.float64(signature(first).jaccard(signature(second))))
