"""Lossy matching keys for Arabic text: computed beside the text, never shown to users.

Arabic writers vary where the meaning does not: hamza seats (أ إ آ ٱ → ا), final ى/ي, ة/ه,
tatweel (ـ) and harakat are optional. A key folds all of these so that two spellings of one
word compare equal, and `fold_with_offsets` keeps a map back to the original code points.

>>> fold("الأطلسيّ")
'الاطلسي'
>>> fold("مُصطفى") == fold("مصطفي")
True
>>> fold("الپيشمرگة") == fold("البيشمركة")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

# Arabic-Indic and Eastern Arabic-Indic digits fold to ASCII so "١٤" and "14" match.
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS |= {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}

_LETTERS = {
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ٱ"): "ا",
    ord("ٲ"): "ا",
    ord("ٳ"): "ا",
    ord("ى"): "ي",
    ord("ئ"): "ي",
    ord("ؤ"): "و",
    ord("ة"): "ه",
    ord("ی"): "ي",
    ord("ک"): "ك",
    # Persian letters some writers keep in names: Arabic writes ب ج ز ك ف for them
    # (الپيشمرگة = البيشمركة, ديڤيد = ديفيد).
    ord("پ"): "ب",
    ord("چ"): "ج",
    ord("ژ"): "ز",
    ord("گ"): "ك",
    ord("ڤ"): "ف",
}

# Harakat, Quranic marks, superscript alef and tatweel carry no identity for matching.
_DROPPED = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u0640"  # superscript alef, tatweel
    + "".join(chr(c) for c in (*range(0x06D6, 0x06DD), *range(0x06DF, 0x06E5), 0x06E7, 0x06E8))
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
    + "\u200c\u200d\u200e\u200f"  # zero-width joiners and direction marks
)

_TABLE: dict[int, str | None] = {**_DIGITS, **_LETTERS, **{ord(c): None for c in _DROPPED}}

_DROPPED_SET = frozenset(_DROPPED)
_HARAKAT_RE = re.compile(f"[{re.escape(_DROPPED)}]")
_DROPPED_RUN_RE = re.compile(f"[{re.escape(_DROPPED)}]+")
# ىء / يء is an older typesetting of ئ (الطوارىء = الطوارئ): after folding, a hamza on ي goes.
_SEATED_HAMZA_RE = re.compile("(?<=ي)ء+")
# Most letters fold to themselves: substituting only the others is twice as fast as translate().
_FOLDED_RE = re.compile(f"[{re.escape(''.join(map(chr, _TABLE)))}]")


def fold(text: str) -> str:
    """The matching key of `text`: hamza seats (also ىء → ئ), ى/ي, ة/ه, digits folded; marks
    dropped; lowercased.

    >>> fold("إيران")
    'ايران'
    >>> fold("١٤ مايو")
    '14 مايو'
    >>> fold("الطوارىء") == fold("الطوارئ")
    True
    """
    folded = _FOLDED_RE.sub(_folded_char, text).lower()
    return _SEATED_HAMZA_RE.sub("", folded) if "ء" in folded else folded


def _folded_char(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())] or ""


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its code points, the index in `text` it came from.

    >>> key, where = fold_with_offsets("الأطلسيّ")
    >>> key, where[-1]
    ('الاطلسي', 6)
    >>> fold_with_offsets("طوارىء سريعة")[1][:7]
    [0, 1, 2, 3, 4, 6, 7]
    """
    folded = _FOLDED_RE.sub(_folded_char, text).lower()
    kept = _kept_indexes(text)
    if len(kept) != len(folded):  # a code point folded to two (only İ lowercases so)
        folded, kept = _fold_one_by_one(text)
    if "ء" not in folded:
        return folded, kept
    seated = {i for match in _SEATED_HAMZA_RE.finditer(folded) for i in range(*match.span())}
    return _SEATED_HAMZA_RE.sub("", folded), [k for i, k in enumerate(kept) if i not in seated]


def _kept_indexes(text: str) -> list[int]:
    """Indexes of the code points `fold` keeps, built from the runs between dropped marks."""
    kept: list[int] = []
    start = 0
    for run in _DROPPED_RUN_RE.finditer(text):
        kept += range(start, run.start())
        start = run.end()
    kept += range(start, len(text))
    return kept


def _fold_one_by_one(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        mapped = _TABLE.get(ord(ch), ch)
        if mapped is None:
            continue
        for piece in mapped.lower():
            out.append(piece)
            where.append(i)
    return "".join(out), where


def strip_marks(text: str) -> str:
    """Remove harakat and tatweel but keep letters as written (for display-safe comparison).

    >>> strip_marks("مُحَمَّـد")
    'محمد'
    """
    return _HARAKAT_RE.sub("", text)


# Light stemming as in Lucene's ArabicStemmer (Larkey et al. 2007, "light10"): the article and
# conjunction prefixes and common suffixes go, so الناتو, بالناتو and وناتو share one key.
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_CONJUNCTIONS = frozenset("وف")
_PREPOSITIONS = frozenset("بلك")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_WORD_RE = re.compile(r"[^\W_]+")


def search_key(word: str) -> str:
    """The key a word is indexed and searched by: folded, then light-stemmed.

    >>> search_key("بالناتو") == search_key("الناتو") == search_key("ناتو")
    True
    >>> search_key("الأطلسيّ") == search_key("الاطلسي") == search_key("والأطلسي")
    True
    >>> search_key("لحلف") == search_key("حلف")
    True
    """
    return _stem(fold(word))


@lru_cache(maxsize=500_000)
def _stem(word: str) -> str:
    """Light-stem an already folded word (news vocabulary repeats, so results are cached)."""
    word = _strip_prefix(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            word = word[: -len(suffix)]
    return word


def _strip_prefix(word: str) -> str:
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    # A lone conjunction or preposition (و ف ب ل ك) is stripped only before three letters, so
    # short words (بلد, ولي) keep their first letter; index and query are stemmed alike.
    if word[:1] in _CONJUNCTIONS and len(word) >= 4:
        word = word[1:]
    if word[:1] in _PREPOSITIONS and len(word) >= 4:
        word = word[1:]
    return word


def search_tokens(text: str) -> list[tuple[str, int, int]]:
    """(key, start, end) for every word of `text`; offsets index `text` itself.

    >>> [(k, text[s:e]) for text in ["قال للناتو"] for k, s, e in search_tokens(text)]
    [('قال', 'قال'), ('ناتو', 'للناتو')]
    """
    folded, where = fold_with_offsets(text)
    tokens = []
    for m in _WORD_RE.finditer(folded):
        end = where[m.end() - 1] + 1
        while end < len(text) and text[end] in _DROPPED_SET:  # keep trailing harakat in the span
            end += 1
        tokens.append((_stem(m.group()), where[m.start()], end))
    return tokens


def index_text(text: str) -> str:
    """The text as a full-text index stores it: one search key per word.

    >>> index_text("حلف شمال الأطلسيّ")
    'حلف شمال اطلس'
    """
    return " ".join(map(_stem, _WORD_RE.findall(fold(text))))
