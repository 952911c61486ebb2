"""Outlet furniture: lines an outlet prints around many of its articles, learnt from the corpus.

A site repeats its bylines ("عين اليوم – متابعات"), its "text the columnist" blocks and its
slider buttons on every page; the vocabularies in `marsad.arabic.furniture_words` cannot list
every outlet's wording, but repetition across one outlet's articles reveals it. This module
counts, per outlet, in how many articles each short line occurs (under a lossy key: fold()-ed
letters only, so spacing, digits and punctuation do not split counts) and answers whether a
line is furniture for that outlet.

The rule is deliberately conservative, because agency copy republished by one outlet repeats
whole body sentences ("وقد أعد مرسوم ملكي بذلك." - "a royal decree has been prepared"): a line
is furniture only when it is short (at most `max_words` words), does not end like a sentence,
and occurs in at least `min_articles` articles and `min_share` of that outlet's articles.
Memory stays bounded: only lines shorter than `max_line_chars` are counted, and when an outlet
holds more than `max_keys` distinct keys the keys seen once are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from marsad.arabic.furniture_words import letters_key

_SENTENCE_END = (".", "!", "?", "؟", "…", "،", ",", ":", "؛")
_NO_OUTLET = ""


class OutletFurniture:
    """Per-outlet counts of short lines, and the furniture decision made from them."""

    def __init__(
        self,
        *,
        min_articles: int = 5,
        min_share: float = 0.001,
        max_words: int = 12,
        max_line_chars: int = 200,
        max_keys: int = 200_000,
    ) -> None:
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_words = max_words
        self.max_line_chars = max_line_chars
        self.max_keys = max_keys
        self._lines: dict[str, Counter[str]] = {}
        self._articles: Counter[str] = Counter()

    def observe(self, outlet: str | None, text: str) -> None:
        """Count each distinct short line of one article once, under `outlet`."""
        outlet = outlet or _NO_OUTLET
        keys = {letters_key(line) for line in text.split("\n") if 0 < len(line.strip()) < self.max_line_chars}
        keys.discard("")
        counts = self._lines.setdefault(outlet, Counter())
        counts.update(keys)
        self._articles[outlet] += 1
        if len(counts) > self.max_keys:
            self._lines[outlet] = Counter({key: n for key, n in counts.items() if n > 1})

    def article_count(self, outlet: str | None) -> int:
        return self._articles[outlet or _NO_OUTLET]

    def line_count(self, outlet: str | None, line: str) -> int:
        """In how many articles of `outlet` a line with the same key occurred."""
        return self._lines.get(outlet or _NO_OUTLET, Counter())[letters_key(line)]

    def is_furniture(self, outlet: str | None, line: str) -> bool:
        """True when `line` is short, not sentence-like, and repeats across the outlet's articles."""
        stripped = line.strip()
        if not stripped or len(stripped) >= self.max_line_chars or stripped.endswith(_SENTENCE_END):
            return False
        if len(stripped.split()) > self.max_words:
            return False
        seen = self.line_count(outlet, stripped)
        return seen >= self.min_articles and seen >= self.min_share * self.article_count(outlet)

    def for_outlet(self, outlet: str | None) -> Callable[[str], bool]:
        """The furniture test of one outlet, as `clean_text(is_outlet_furniture=...)` takes it."""

        def is_outlet_furniture(line: str) -> bool:
            return self.is_furniture(outlet, line)

        return is_outlet_furniture

    def rows(self) -> Iterable[tuple[str, str, int]]:
        """(outlet, line key, article count) for every counted key, for a store to save."""
        for outlet, counts in self._lines.items():
            for key, n in counts.items():
                yield outlet, key, n

    def outlet_counts(self) -> dict[str, int]:
        """Articles observed per outlet ("" for articles without an outlet)."""
        return dict(self._articles)

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, str, int]], outlet_counts: dict[str, int], **settings: int | float
    ) -> OutletFurniture:
        """Rebuild the counts saved with `rows()` and `outlet_counts()`."""
        furniture = cls(**settings)  # type: ignore[arg-type]
        for outlet, key, n in rows:
            furniture._lines.setdefault(outlet, Counter())[key] += n
        furniture._articles.update(outlet_counts)
        return furniture
