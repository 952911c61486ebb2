"""Article text cut into plain segments that pages mark up: mentions, quotes, search hits.

Spans are code-point offsets into the text (docs/output.md). The text is never edited: it is cut
at span edges and paragraph breaks, each piece carries what covers it, and the template escapes
every piece on its own, so nothing from an article can become markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class MentionMark:
    type: str
    entity: str | None


@dataclass(frozen=True, slots=True)
class QuoteMark:
    index: int  # position in the article's quotes
    speaker: str | None  # entity id
    speaker_name: str | None  # what to show: the entity's name, else the speaker as written
    direct: bool


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    mention: MentionMark | None = None
    quote: QuoteMark | None = None
    quote_starts: bool = False  # the first piece of its quote: the speaker label goes before it


def segment_article(
    text: str,
    mentions: Sequence[tuple[int, int, MentionMark]],
    quotes: Sequence[tuple[int, int, QuoteMark]],
) -> list[list[Segment]]:
    """Paragraphs (split at newlines) of segments, each covered by at most one mention and quote.

    >>> paras = segment_article("قال فالغرين: نعم\\nثانيا", [(4, 11, MentionMark("PER", "e1"))], [])
    >>> [[(seg.text, seg.mention is not None) for seg in p] for p in paras]
    [[('قال ', False), ('فالغرين', True), (': نعم', False)], [('ثانيا', False)]]
    """
    size = len(text)
    mentions = [m for m in mentions if 0 <= m[0] < m[1] <= size]
    quotes = [q for q in quotes if 0 <= q[0] < q[1] <= size]
    cuts = {0, size}
    for start, end, _ in (*mentions, *quotes):
        cuts.update((start, end))
    for pos, char in enumerate(text):
        if char == "\n":
            cuts.update((pos, pos + 1))
    edges = sorted(cuts)
    paragraphs: list[list[Segment]] = [[]]
    for start, end in pairwise(edges):
        piece = text[start:end]
        if piece == "\n":
            paragraphs.append([])
            continue
        mention = next((m for s, e, m in mentions if s <= start and end <= e), None)
        covering = next(((s, q) for s, e, q in quotes if s <= start and end <= e), None)
        quote = covering[1] if covering else None
        starts = covering is not None and covering[0] == start
        paragraphs[-1].append(Segment(piece, mention, quote, starts))
    return [p for p in paragraphs if any(seg.text.strip() for seg in p)]


def segment_highlights(text: str, highlights: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """(piece, highlighted) pairs covering `text`, for a search snippet.

    >>> segment_highlights("حلف الناتو اليوم", [(4, 10)])
    [('حلف ', False), ('الناتو', True), (' اليوم', False)]
    """
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in sorted(highlights):
        if start < pos or not 0 <= start < end <= len(text):
            continue
        if start > pos:
            pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def safe_link(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) address, else None (no `javascript:` or `data:` links).

    >>> safe_link("https://example.com/a"), safe_link("javascript:alert(1)"), safe_link(" JavaScript:x")
    ('https://example.com/a', None, None)
    """
    from urllib.parse import urlsplit

    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()
