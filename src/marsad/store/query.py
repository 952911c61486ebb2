"""User search text to a safe full-text query, and snippets that mark what matched.

Users type names, phrases in any quote style, OR, and -word to exclude. Everything else a
full-text engine would read as syntax (brackets, stars, colons, NEAR) is treated as text, so
no query can make the engine fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.arabic.keys import fold, search_tokens
from marsad.errors import UsageError

_PHRASE_RE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|\'([^\']*)\'')
_WORD_RE = re.compile(r"-?[^\W_]+")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """Search keys of the query: groups joined by AND, each group an OR of phrases (key tuples)."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]
    excluded: tuple[tuple[str, ...], ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(k for group in self.groups for phrase in group for k in phrase)

    def to_fts(self) -> str:
        """FTS5 MATCH syntax, every term double-quoted so none is read as an operator."""

        def phrase(keys: tuple[str, ...]) -> str:
            return '"' + " ".join(keys) + '"'

        parts = ["(" + " OR ".join(phrase(p) for p in group) + ")" for group in self.groups]
        text = " AND ".join(parts)
        for keys in self.excluded:
            text += " NOT " + phrase(keys)
        return text


def parse_query(text: str) -> ParsedQuery:
    """Parse what a user typed.

    >>> parse_query('الناتو OR "حلف شمال الأطلسي" -روسيا').to_fts()
    '("ناتو" OR "حلف شمال اطلس") NOT "روسيا"'
    """
    items: list[tuple[str, tuple[str, ...]]] = []  # (kind, keys): kind is term, or, not
    pos = 0
    for match in _PHRASE_RE.finditer(text):
        items += _words(text[pos : match.start()])
        keys = _keys(next(g for g in match.groups() if g is not None))
        if keys:
            items.append(("term", keys))
        pos = match.end()
    items += _words(text[pos:])
    return _group(items, text)


def _words(text: str) -> list[tuple[str, tuple[str, ...]]]:
    items: list[tuple[str, tuple[str, ...]]] = []
    for word in _WORD_RE.findall(text):
        if word == "OR":
            items.append(("or", ()))
        elif word.startswith("-") and _keys(word[1:]):
            items.append(("not", _keys(word[1:])))
        elif _keys(word.lstrip("-")):
            items.append(("term", _keys(word.lstrip("-"))))
    return items


def _keys(text: str) -> tuple[str, ...]:
    return tuple(key for key, _, _ in search_tokens(text) if key)


def _group(items: list[tuple[str, tuple[str, ...]]], original: str) -> ParsedQuery:
    groups: list[list[tuple[str, ...]]] = []
    excluded: list[tuple[str, ...]] = []
    join_next = False
    for kind, keys in items:
        if kind == "or":
            join_next = bool(groups)
        elif kind == "not":
            excluded.append(keys)
        elif join_next:
            groups[-1].append(keys)
            join_next = False
        else:
            groups.append([keys])
    if not groups:
        raise UsageError(f"the query {original!r} has no words to search for")
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))


@dataclass(frozen=True, slots=True)
class Snippet:
    """A passage of an article; `highlights` are (start, end) offsets into `text`."""

    text: str
    highlights: tuple[tuple[int, int], ...]


def make_snippet(text: str, keys: frozenset[str], *, words: int = 28) -> Snippet:
    """The passage around the first matching word, with every matching word marked.

    Only the chunk where a key first appears (and the chunk before it, for context) is split
    into words: tokenizing a whole article costs milliseconds, twenty times per results page.
    A key is a folded stem, so it appears inside the folded text wherever a word matches.

    >>> s = make_snippet("قال الأمين العام للناتو إن الحلف مستعد", frozenset({"ناتو"}))
    >>> [s.text[a:b] for a, b in s.highlights]
    ['للناتو']
    """
    begin = _chunk_before_first_key(text, keys)
    if begin is not None:
        snippet = _snippet_from(text, keys, words, begin)
        if snippet is not None:
            return snippet
        if begin > 0:
            snippet = _snippet_from(text, keys, words, 0)  # too little context: the rare slow way
            if snippet is not None:
                return snippet
    return _snippet_from(text, frozenset(), words, 0) or Snippet("", ())  # no word matches


def _chunk_before_first_key(text: str, keys: frozenset[str]) -> int | None:
    """Where the chunk before the first one holding a key starts; None when no chunk holds one."""
    before, at = 0, 0
    while at < len(text):
        end = _space_after(text, at + _CHUNK_CHARS)  # chunks end at spaces: no word is cut
        folded = fold(text[at:end])
        if any(key in folded for key in keys):
            return before
        before, at = at, end
    return None


def _snippet_from(text: str, keys: frozenset[str], words: int, begin: int) -> Snippet | None:
    """The snippet from words at or after `begin`; None when no word matches there, or when a
    match has fewer than words // 3 words before it that were read (with `begin` past the start)."""
    tokens: list[tuple[str, int, int]] = []
    first = None if keys else 0
    scanned = begin
    while scanned < len(text):
        end = _space_after(text, scanned + _CHUNK_CHARS)
        looked_at = len(tokens)
        tokens += [(key, s + scanned, e + scanned) for key, s, e in search_tokens(text[scanned:end])]
        scanned = end
        if first is None:
            first = next((i for i in range(looked_at, len(tokens)) if tokens[i][0] in keys), None)
        if first is not None and len(tokens) > max(0, first - words // 3) + words:
            break  # one word beyond the passage is known, so it ends with "…"
    if first is None or (begin > 0 and first < words // 3):
        return None
    if not tokens:
        return Snippet("", ())
    lo = max(0, first - words // 3)
    hi = min(len(tokens), lo + words)
    start, end = tokens[lo][1], tokens[hi - 1][2]
    prefix = "… " if lo > 0 or begin > 0 else ""
    suffix = " …" if hi < len(tokens) else ""
    marks = tuple(
        (s - start + len(prefix), e - start + len(prefix)) for key, s, e in tokens[lo:hi] if key in keys
    )
    return Snippet(prefix + text[start:end] + suffix, marks)


_CHUNK_CHARS = 200  # about 35 words: most passages need one or two chunks past the first match
_SPACE_RE = re.compile(r"\s")


def _space_after(text: str, pos: int) -> int:
    """The first whitespace at or after `pos` (the end of `text` when none)."""
    if pos >= len(text):
        return len(text)
    match = _SPACE_RE.search(text, pos)
    return match.start() if match else len(text)
