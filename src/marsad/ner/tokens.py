"""Tokens of running Arabic text with offsets, and the normalized forms the tagger looks up.

Tokens follow ANERcorp's convention: words separated by spaces, punctuation split off, clitics
left attached (والصادرات is one token). `lookup_form` folds spelling variants and digits so
that one embedding serves every spelling; `strip_clitics` gives the bare word under و ف ب ل ك
and ال, which the tagger sees beside the whole token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.keys import fold

# A token is a run of letters/digits/marks (with word-internal dots in numbers like 3.5), or
# one punctuation character.
_TOKEN_RE = re.compile(r"\d+(?:[.,٫]\d+)*|[^\W\d_]+(?:[\u064b-\u065f\u0670\u0640]+[^\W\d_]*)*|[^\s]")
_SENTENCE_END_RE = re.compile(r"[.!?؟…]+[\"'»”)]*\s+|\n+")
_DIGIT_RE = re.compile(r"\d")

PROCLITICS = (
    "وبال",
    "وكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens; `text[t.start:t.end] == t.text`.

    >>> [t.text for t in tokenize("قال ستولتنبرغ (الناتو): «لا».")]
    ['قال', 'ستولتنبرغ', '(', 'الناتو', ')', ':', '«', 'لا', '»', '.']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def sentences(text: str, limit: int = 120) -> list[list[Token]]:
    """Tokens grouped into sentences (split at end punctuation and newlines, at most `limit` each).

    >>> [len(s) for s in sentences("وصل الوفد. ثم غادر\\nبعد ساعة")]
    [3, 2, 2]
    """
    groups: list[list[Token]] = []
    pos = 0
    for match in _SENTENCE_END_RE.finditer(text):
        groups += _limited(_shift(tokenize(text[pos : match.end()]), pos), limit)
        pos = match.end()
    groups += _limited(_shift(tokenize(text[pos:]), pos), limit)
    return [g for g in groups if g]


def _shift(tokens: list[Token], by: int) -> list[Token]:
    return [Token(t.text, t.start + by, t.end + by) for t in tokens]


def _limited(tokens: list[Token], limit: int) -> list[list[Token]]:
    return [tokens[i : i + limit] for i in range(0, len(tokens), limit)] if tokens else []


@lru_cache(maxsize=300_000)
def folded_words(words: str) -> frozenset[str]:
    """The lookup forms of space-separated words (a word list written in a module)."""
    return frozenset(lookup_form(word) for word in words.split())


def uses_of(forms: list[str], words: frozenset[str]) -> int:
    """How many of an article's folded words are among `words`, clitics on or off (الحج, والحجاج)."""
    return sum(form in words or strip_clitics(form)[1] in words for form in forms)


@lru_cache(maxsize=300_000)
def lookup_form(token: str) -> str:
    """The form a token's embedding is stored under: folded, digits as 0 (cached: the entities
    stage reads each token's form in several passes).

    >>> lookup_form("الأطلسيّ"), lookup_form("٢٠٢٠")
    ('الاطلسي', '0000')
    """
    return _DIGIT_RE.sub("0", fold(token))


@lru_cache(maxsize=300_000)
def strip_clitics(form: str) -> tuple[str, str]:
    """(proclitics, bare word) of a folded form; the bare word keeps at least 3 letters.

    >>> strip_clitics("وبالناتو")
    ('وبال', 'ناتو')
    >>> strip_clitics("بغداد")
    ('ب', 'غداد')
    >>> strip_clitics("ولي")
    ('', 'ولي')
    """
    for prefix in PROCLITICS:
        if form.startswith(prefix) and len(form) - len(prefix) >= 3:
            return prefix, form[len(prefix) :]
    return "", form
