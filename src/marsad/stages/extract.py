"""The extract stage: main text, title, publication date and agency; page furniture removed.

Two entry points share one text cleaner. `extract_html` takes a raw page: trafilatura finds the
main text and title (comments excluded, precision favoured), htmldate the publication date
(offline), and the text cleaner then removes what trafilatura leaves; when trafilatura finds
nothing (broken HTML) lxml's text is used instead, with scripts and styles dropped first.
`clean_text` takes scraped text and decides line by line:

* strong furniture is removed wherever it stands: share/print/comment buttons, contact blocks,
  copyright and cookie notices, "read also" and tag blocks, the repeated title and byline;
* weaker signals (agency credits, datelines, section labels, mastheads, bylines, lines the
  outlet repeats across articles) apply only at the edges, so a body sentence is never dropped
  for looking like a credit. At the top, the header block above the first body paragraph holds
  any mix of outlet name, breadcrumb, section label, headline, sub-headline, byline, dateline,
  credit and buttons in any order: each of its lines is classified, everything above its last
  furniture line is header (its headline becomes `title`), and below that line a headline-like
  line is the title only when it does not read like a lead (a comma, an opening past-tense verb);
* the first body line loses a leading credit ("(واس) -", "الرياض (رويترز) -", any "CITY (AGENCY) -",
  or "CITY -" under a credit line) and keeps its sentence; the last one loses a trailing tag list
  or "news link"; the credit becomes `agency` (a known agency's name, else the credit's text).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from html import unescape
from typing import ClassVar

import htmldate
import lxml.etree
import lxml.html
import trafilatura

from marsad.arabic.charsets import arabic_share
from marsad.arabic.cues import TITLE_HEADS
from marsad.arabic.datelines import find_datetime, is_dateline, is_time_only
from marsad.arabic.furniture_words import (
    OBFUSCATED_EMAIL_RE,
    TAIL_LINK_RE,
    TAIL_TAGS_RE,
    agency_of,
    credit_agency,
    is_block_header,
    is_breadcrumb,
    is_byline,
    is_desk_credit,
    is_masthead,
    is_section_label,
    is_strong_furniture,
    is_syndication,
    lead_credit,
    letters_key,
    opens_with_lead_verb,
    parenthesized_credit,
    share_prompt_end,
)
from marsad.arabic.keys import fold
from marsad.corpus.furniture import OutletFurniture
from marsad.model import Article
from marsad.pipeline import SkipArticle
from marsad.settings import Settings

LineTest = Callable[[str], bool]

# Control characters scrapers leave behind (\x1a in alyaum's text), zero-width and bidi marks.
_JUNK_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES_RE = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\u3000]+")
_PRESENTATION_RE = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]+")
_SENTENCE_END = (".", "!", "?", "؟", "…", "»", '"', "”")
# Where a leading credit can end: after a dash, colon or closing parenthesis.
_LEAD_CUT_RE = re.compile(r"[:\-–—ـ)]+\s*|\s+")
# A wire dateline's place before the first sentence: "جنيف - توصل ...", "برج الصفا ـ ارتفعت ...".
_PLACE_DASH_RE = re.compile(r"^(?:[^\s\d:،,.()\-–—ـ]+\s+){1,3}[-–—ـ]+\s+")
_BYLINE_SEP_RE = re.compile(r"\s[-–—ـ|]\s?|\s?[-–—ـ|]\s|:")
_MAX_HEADLINE_WORDS = 25
_MAX_FURNITURE_WORDS = 40
_MAX_HEADER_LINES = 10
_MAX_HEADER_TEXTS = 2  # a headline and a sub-headline
_MAX_HEADER_LABELS = 3  # outlet name, section labels
_MAX_EDGE_WORDS = 16


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The outcome of cleaning one article."""

    text: str
    title: str | None
    published_at: datetime | None
    agency: str | None
    removed: tuple[str, ...]
    outlet: str | None = None  # the site's name, from a page's metadata


@dataclass(slots=True)
class _Found:
    """What the edge peeling finds besides furniture (mutable while one article is cleaned)."""

    title: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None  # "آخر تحديث: …": the publication date only if none is printed
    agency: str | None = None
    removed: list[str] = field(default_factory=list)


_UPDATED_RE = re.compile(r"(?:تحديث|محدث|updated?)(?!\w)", re.IGNORECASE)


def _words(line: str) -> int:
    return len(line.split())


def _is_prose(line: str) -> bool:
    """Body prose: a long line, or a sentence that ends like one."""
    return _words(line) >= 10 or (_words(line) >= 4 and line.endswith(_SENTENCE_END))


def _is_headline(line: str) -> bool:
    """A headline is short and does not end like a running sentence ("." but "!!" and "؟" are fine)."""
    if not 2 <= _words(line) <= _MAX_HEADLINE_WORDS or len(line) > 200:
        return False
    return not line.endswith((":", "،", ",", "؛")) and not (line.endswith(".") and not line.endswith(".."))


def _same_as(line_key: str, key: str | None) -> bool:
    """The line repeats `key` (a title or byline), allowing a byline with extra place words."""
    if not key or not line_key:
        return False
    if line_key == key:
        return True
    shorter, longer = sorted((line_key, key), key=len)
    return len(shorter) >= 6 and shorter in longer and len(longer) - len(shorter) <= 12


def _is_strong(line: str, title_key: str | None, author_key: str | None) -> bool:
    """Furniture wherever it stands in the text."""
    if not any(ch.isalnum() for ch in line):
        return True  # "***", "* *", ">" separators carry no text
    words = _words(line)
    if words > _MAX_FURNITURE_WORDS:  # furniture is short; long lines are body (and costly to fold)
        return False
    if is_strong_furniture(line) or (len(line) <= 24 and is_time_only(line)):
        return True
    if words > _MAX_HEADLINE_WORDS:
        return False
    key = letters_key(line)
    return _same_as(key, title_key) or (words <= 8 and _same_as(key, author_key))


def _is_block_header(line: str) -> bool:
    """A "read also"/tags header; common words ("العلامات") count only when short or with ":"."""
    words = _words(line)
    return words <= 30 and is_block_header(line) and (words <= 4 or ":" in line[:40])


def _is_byline_shape(line: str) -> bool:
    """ "الرياضي ـ جدة", "فايز الحسيكي – عين اليوم": two short pieces around a dash or colon."""
    if _words(line) > 7 or line.endswith(_SENTENCE_END) or not _BYLINE_SEP_RE.search(line):
        return False
    pieces = [piece for piece in _BYLINE_SEP_RE.split(line) if piece.strip()]
    return len(pieces) >= 2 and all(_words(piece) <= 4 for piece in pieces)


def _edge_furniture(line: str, found: _Found, outlet_test: LineTest | None) -> bool:
    """Weak furniture signals, trusted only at the top or bottom edge; records agency and date."""
    return _edge_anchor(line, found) or _is_weak_furniture(line, outlet_test)


def _edge_anchor(line: str, found: _Found) -> bool:
    """A dateline, an agency credit or a section label (recording date and agency): a header's
    furniture, which headers print and bodies do not."""
    if _words(line) > _MAX_EDGE_WORDS:  # no credit, dateline or label is this long; spare the folding
        return False
    if is_dateline(line):
        if _UPDATED_RE.search(fold(line)):
            found.updated_at = found.updated_at or find_datetime(line)
        else:
            found.published_at = found.published_at or find_datetime(line)
        found.agency = found.agency or next(filter(None, map(agency_of, line.split())), None)
        return True
    agency = credit_agency(line) or parenthesized_credit(line)
    if agency:
        found.agency = found.agency or agency
        return True
    return is_section_label(line)


def _is_weak_furniture(line: str, outlet_test: LineTest | None) -> bool:
    """A masthead, a syndication credit, a line the outlet repeats: furniture at an edge, but
    also, like a byline-shaped line, what a column or a letter prints between its own lines."""
    words = _words(line)
    if (words <= 10 and is_masthead(line)) or (words <= 6 and is_syndication(line)):
        return True
    return outlet_test is not None and outlet_test(line)


def plain_letters(text: str) -> str:
    """Arabic presentation forms (ﺍﺣﺘﻔﻞ, pasted from PDFs and old pages) as the letters they
    draw: no tagger, key or search knows the glyph code points."""
    return _PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _split_lines(text: str) -> list[str]:
    text = _JUNK_RE.sub("", plain_letters(text).replace("\r\n", "\n").replace("\r", "\n"))
    text = OBFUSCATED_EMAIL_RE.sub("", text)
    return [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]


class _Kind(Enum):
    """What a line above the first body paragraph is."""

    FURNITURE = "furniture"  # byline, dateline, credit, breadcrumb, button, section label, repeated byline
    TITLE = "title"  # the known title repeated: headers print it, but a poem may open with its title line
    SEPARATOR = "separator"  # "***": furniture, but poems and columns print it inside the body too
    WEAK = "weak"  # a byline-shaped "X - Y", a masthead: furniture, but also a letter's or poem's line
    LABEL = "label"  # one or two words: an outlet name or section label not in the vocabularies
    TEXT = "text"  # a headline, a sub-headline, or a short first body line
    BODY = "body"  # a paragraph no header holds: the header ends above it


def _header_kind(
    line: str, found: _Found, is_furniture: LineTest, outlet_test: LineTest | None, title_key: str | None
) -> _Kind:
    if not any(ch.isalnum() for ch in line):
        return _Kind.SEPARATOR
    if title_key and _words(line) <= _MAX_HEADLINE_WORDS and _same_as(letters_key(line), title_key):
        return _Kind.TITLE
    if is_furniture(line) or _edge_anchor(line, found):
        return _Kind.FURNITURE
    if not _is_prose(line) and (is_byline(line) or is_breadcrumb(line)):
        return _Kind.FURNITURE
    if (not _is_prose(line) and _is_byline_shape(line)) or _is_weak_furniture(line, outlet_test):
        return _Kind.WEAK
    if _is_body_start(line):
        return _Kind.BODY
    if _words(line) <= 2 and not any(ch.isdigit() for ch in line) and not line.endswith(_SENTENCE_END):
        return _Kind.LABEL
    return _Kind.TEXT


def _is_body_start(line: str) -> bool:
    """A line no header holds: long, or a sentence (headlines end without a period and, in the
    news corpus, almost never hold a comma; leads mostly do)."""
    words = _words(line)
    if words > _MAX_HEADLINE_WORDS or len(line) > 200:
        return True
    if words < 4:
        return False
    return "،" in line or line.endswith((":", "؛")) or (line.endswith(".") and not line.endswith(".."))


def _classify_header(
    lines: list[str],
    keep: list[bool],
    found: _Found,
    is_furniture: LineTest,
    outlet_test: LineTest | None,
    title_key: str | None,
) -> list[tuple[int, _Kind]]:
    """The lines above the first body paragraph (at most `_MAX_HEADER_LINES`), each classified."""
    header: list[tuple[int, _Kind]] = []
    for i, line in enumerate(lines):
        if not line or not keep[i]:
            continue
        if len(header) == _MAX_HEADER_LINES:
            break
        kind = _header_kind(line, found, is_furniture, outlet_test, title_key)
        if kind is _Kind.BODY:
            break
        header.append((i, kind))
    return header


def _peel_top(
    lines: list[str],
    keep: list[bool],
    found: _Found,
    title_key: str | None,
    is_furniture: LineTest,
    outlet_test: LineTest | None,
) -> None:
    """Drop the header block above the body and take the title from it (`title_key`: the known
    title's, None to find one).

    Header lines come in any order, so each is classified rather than peeled until the first
    unknown one. Everything above the last furniture line (a byline, dateline, credit...) is
    header: its headline-like line is the title, other lines are sub-headlines and labels.
    Below that line a headline-like line is the title only when it does not read like a lead.
    """
    header = _classify_header(lines, keep, found, is_furniture, outlet_test, title_key)
    end = _header_end([kind for _, kind in header])
    for i, _ in header[: end + 1]:
        keep[i] = False
    find_title = title_key is None
    if find_title:
        found.title = _pick_title([lines[i] for i, kind in header[: end + 1] if kind is _Kind.TEXT])
    _settle_below_header(lines, keep, found, find_title, header[end + 1 :])


def _header_end(kinds: list[_Kind]) -> int:
    """The position of the header's last furniture line (-1: none).

    Above it a header holds a headline, a sub-headline and a few labels, and above a repeated
    title only labels; more text there means short body lines (a poem, a letter) that merely
    precede a line looking like furniture, so that line does not end a header.
    """
    end = -1
    for n, kind in enumerate(kinds):
        if kind in (_Kind.FURNITURE, _Kind.TITLE):
            max_texts = 0 if kind is _Kind.TITLE else _MAX_HEADER_TEXTS
            above = kinds[:n]
            if above.count(_Kind.TEXT) <= max_texts and above.count(_Kind.LABEL) <= _MAX_HEADER_LABELS:
                end = n
    return end


def _pick_title(texts: list[str]) -> str | None:
    """The headline among header text lines: the first of 4+ words (a 3-word line above it is
    more often an outlet name, "شبكة الساحل الإخبارية"), else the first of 3."""
    headlines = [line for line in texts if _is_headline(line) and _words(line) >= 3]
    return next((line for line in headlines if _words(line) >= 4), headlines[0] if headlines else None)


def _settle_below_header(
    lines: list[str], keep: list[bool], found: _Found, find_title: bool, rest: list[tuple[int, _Kind]]
) -> None:
    """Lines between the header furniture and the first body paragraph: weak furniture, labels and
    a title, or photo captions, or (as soon as one is none of these) body."""
    labels: list[int] = []
    for i, kind in rest:
        line = lines[i]
        if kind is _Kind.SEPARATOR:
            continue  # the final strong-furniture pass removes it
        if kind in (_Kind.WEAK, _Kind.FURNITURE, _Kind.TITLE):
            keep[i] = False
        elif find_title and found.title is None and kind is _Kind.TEXT and _is_title_here(lines, keep, i):
            found.title = line
            for j in [*labels, i]:
                keep[j] = False
            labels = []
        elif kind is _Kind.LABEL and _is_prose(_next_line(lines, keep, i)):
            keep[i] = False  # a label or photo caption of one or two words right above the body
        elif find_title and found.title is None and kind is _Kind.LABEL and len(labels) < 2:
            labels.append(i)  # dropped only with a headline below it
        elif not find_title and _is_top_caption(line, lines, keep, i):
            keep[i] = False
        else:
            return


def _is_title_here(lines: list[str], keep: list[bool], index: int) -> bool:
    """A headline of 3+ words above body. Two words right above the body are a title only with a
    headline's "!" or "؟" ("إلى متى؟!"): otherwise they are as often a section label ("عرب وعالم"),
    an outlet's or a columnist's name, or a photo caption ("جانب من الحفل")."""
    line, following = lines[index], _next_body(lines, keep, index)
    if _words(line) == 2:
        exclaims = line.rstrip('.»"”').endswith(("!", "؟", "?"))
        right_above = _is_prose(_next_line(lines, keep, index))
        return exclaims and right_above and _is_headline_over(line, following, 2)
    return _is_headline_over(line, following)


def _is_headline_over(line: str, following: str, min_words: int = 3) -> bool:
    """A headline above the lead, not a short first body sentence: it needs body below it, at
    least 3 words, no comma, and must not open with a past-tense reporting verb ("قال", "أعلنت")
    the way Arabic leads do."""
    if not following or not _is_headline(line) or _words(line) < min_words or "،" in line:
        return False
    return not opens_with_lead_verb(line)


def _next_body(lines: list[str], keep: list[bool], index: int) -> str:
    """The next kept line after `index` that reads as body prose, or ""."""
    return next((lines[j] for j in range(index + 1, len(lines)) if keep[j] and _is_prose(lines[j])), "")


def _next_line(lines: list[str], keep: list[bool], index: int) -> str:
    """The next kept non-empty line after `index`, or ""."""
    return next((lines[j] for j in range(index + 1, len(lines)) if keep[j] and lines[j]), "")


def _is_top_caption(line: str, lines: list[str], keep: list[bool], index: int) -> bool:
    """A photo caption or name scraped above the body ("من الزيارة", "المديفر"): with the title
    already known, a line of at most 4 words with no sentence punctuation, right before prose."""
    if _words(line) > 4 or line.endswith((":", ".", "؟", "!", "،")):
        return False
    return _is_prose(_next_line(lines, keep, index))


def _peel_bottom(
    lines: list[str], keep: list[bool], found: _Found, is_furniture: LineTest, outlet_test: LineTest | None
) -> None:
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line or not keep[i]:
            continue
        if (
            is_furniture(line)
            or _edge_furniture(line, found, outlet_test)
            or _is_closing_byline(line)
            or _is_author_note(line)
        ):
            keep[i] = False
        else:
            return


# Who the writer is, in a note at the column's foot: "* أستاذ مساعد في كلية العلوم السياسية",
# "*كاتب ومحلل سياسي", "* وحدة التقارير الاقتصادية", "* خدمة «واشنطن بوست»".
_AUTHOR_NOTE_HEADS = TITLE_HEADS | {fold(w) for w in ("روائي", "روائية", "وحدة", "قسم", "خدمة")}


def _is_author_note(line: str) -> bool:
    inner = line.strip()
    if not inner.startswith("*") or len(inner.split()) > 12 or inner.rstrip().endswith((".", "؟", "!")):
        return False
    words = fold(inner.lstrip("* ")).split()
    return bool(words) and (
        words[0] in _AUTHOR_NOTE_HEADS or words[0].removeprefix("ال") in _AUTHOR_NOTE_HEADS
    )


# A signed byline: "إعداد: سامر الخطيب".
_SIGNED_RE = re.compile(r"^\S+\s*[:\-–—ـ]")


def _is_closing_byline(line: str) -> bool:
    """A byline closing the article, in parentheses or not ("إعداد: سامر الخطيب", "(إعداد محمد علي
    للنشرة العربية - تحرير سها جادو)"): wire desks and magazines sign at the bottom."""
    inner = line.strip()
    enclosed = inner.startswith("(") and inner.endswith(")")
    inner = inner[1:-1] if enclosed else inner
    # "إعداد: سامر الخطيب"; a short line of a cue word alone ("تحرير المرور") may close a report
    if is_byline(inner) and not _is_prose(inner) and (enclosed or _SIGNED_RE.match(inner)):
        return True
    return is_desk_credit(inner, enclosed=enclosed)


def _drop_blocks(lines: list[str], keep: list[bool]) -> None:
    """A "read also"/tags header and the short headline lines after it, up to the next sentence."""
    in_block = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if _is_block_header(line):
            in_block, keep[i] = True, False
        elif in_block and _words(line) <= 15 and not (line.endswith(".") and not line.endswith("..")):
            keep[i] = False  # a linked headline, a question ("من هي مجموعة الأفق؟") among them
        else:
            in_block = False


def _strip_lead(line: str, found: _Found, author_key: str | None, outlet_test: LineTest | None) -> str:
    """Remove a share prompt, credit, byline or repeated outlet prefix opening the first body line."""
    prompt = share_prompt_end(line)
    if prompt:
        found.removed.append(line[:prompt].strip())
        line = line[prompt:].lstrip()
    best = _known_lead_cut(line, found, author_key, outlet_test) or _credit_lead_cut(line, found)
    if best:
        found.removed.append(line[:best].strip())
    return line[best:]


def _known_lead_cut(line: str, found: _Found, author_key: str | None, outlet_test: LineTest | None) -> int:
    """Where a prefix naming a known agency, the author or the outlet's furniture ends (0: none)."""
    best = 0
    for cut in _LEAD_CUT_RE.finditer(line[:80]):
        prefix, rest = line[: cut.end()], line[cut.end() :]
        if _words(prefix) > 7 or _words(rest) < 3:
            break
        separated = cut.group().strip() != ""
        agency = credit_agency(prefix, max_words=5) if separated else None
        if agency or (separated and author_key is not None and letters_key(prefix) == author_key):
            found.agency = found.agency or agency
            best = cut.end()
        elif outlet_test is not None and outlet_test(prefix):
            best = cut.end()
    return best


def _credit_lead_cut(line: str, found: _Found) -> int:
    """Where a wire credit opening the body ends: "جنيف (رمنا) - " with any agency in parentheses,
    or the place alone, "جنيف - ", when the header already credited an agency. Either way the
    paragraph keeps its sentence and loses the place, as a known agency's credit does."""
    credit = lead_credit(line)
    if credit is not None:
        found.agency = found.agency or credit[0]
        return credit[1]
    place = _PLACE_DASH_RE.match(line) if found.agency is not None else None
    if place is None or opens_with_lead_verb(line) or _words(line[place.end() :]) < 4:
        return 0
    return place.end()


def _strip_tail(line: str, found: _Found) -> str:
    """Remove a tag list or "news link" appended to the last body line."""
    for pattern in (TAIL_LINK_RE, TAIL_TAGS_RE):
        match = pattern.search(line)
        if match and match.start() > 0:
            found.removed.append(match.group().strip())
            line = line[: match.start()].rstrip()
    return line


def clean_text(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    is_outlet_furniture: LineTest | None = None,
) -> Cleaned:
    """Clean scraped article text: body only, plus title, publication date and agency found in it.

    `title`/`author`, when known, are removed where the text repeats them; without a title, the
    first headline-like line followed by body prose becomes the title (None when the text opens
    with prose). `is_outlet_furniture` is `OutletFurniture.for_outlet(...)`.
    """
    title = plain_letters(unescape(title)) if title else None
    author = unescape(author) if author else None
    lines = _split_lines(text)
    title_key = letters_key(title) if title else None
    author_key = letters_key(author) if author else None
    found = _Found(title=title.strip() if title else None)

    # The repeated title counts only above the body (a column may close on its title's words);
    # the repeated byline above or below it.
    def is_top_furniture(line: str) -> bool:
        return _is_strong(line, title_key, author_key)

    def is_bottom_furniture(line: str) -> bool:
        return _is_strong(line, None, author_key)

    keep = [bool(line) for line in lines]
    _drop_blocks(lines, keep)
    _peel_top(lines, keep, found, title_key, is_top_furniture, is_outlet_furniture)
    _peel_bottom(lines, keep, found, is_bottom_furniture, is_outlet_furniture)
    for i, line in enumerate(lines):
        if keep[i] and _is_strong(line, None, None):
            keep[i] = False
    found.removed[:0] = [line for i, line in enumerate(lines) if line and not keep[i]]
    body = [line for i, line in enumerate(lines) if keep[i]]
    if body:
        body[0] = _strip_lead(body[0], found, author_key, is_outlet_furniture)
        body[-1] = _strip_tail(body[-1], found)
    if found.agency is None and author:
        found.agency = next(filter(None, (credit_agency(p, max_words=6) for p in author.split("|"))), None)
    return Cleaned(
        "\n".join(line for line in body if line),
        found.title,
        found.published_at or found.updated_at,
        found.agency,
        tuple(found.removed),
    )


# Elements whose text is never article text; javascript: links and on* handlers live in attributes,
# which text extraction never emits.
_NON_TEXT_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "head",
    "nav",
    "footer",
    "form",
    "button",
    "select",
    "textarea",
    "aside",
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "header",
        "blockquote",
        "pre",
        "td",
        "dd",
        "dt",
        "figcaption",
    }
)


def _lxml_text(html: str) -> str:
    """Text of a page that trafilatura could not read: scripts and styles dropped, blocks on lines."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):  # empty or undecodable document: no text
        return ""
    lxml.etree.strip_elements(
        tree, *_NON_TEXT_TAGS, lxml.etree.Comment, lxml.etree.ProcessingInstruction, with_tail=False
    )
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return str(tree.text_content())


def _html_date(html: str, url: str | None) -> datetime | None:
    """htmldate's publication date (offline: markup and URL only), as a naive datetime."""
    try:
        found = htmldate.find_date(
            html, extensive_search=True, original_date=True, url=url, outputformat="%Y-%m-%dT%H:%M:%S"
        )
    except ValueError:  # htmldate raises on markup it cannot parse: no date, not an error
        return None
    if not found:
        return None
    return datetime.fromisoformat(found).replace(tzinfo=None)


def extract_html(html: str, *, url: str | None = None) -> Cleaned:
    """Main text, title and publication date of a raw page, cleaned like scraped text."""
    if "<" not in html:  # not markup: htmldate/trafilatura would treat a bare URL as one to fetch
        return clean_text(html)
    document = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        favor_precision=True,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
    )
    text = getattr(document, "text", None) or ""
    title = _headline_of_title(html, getattr(document, "title", None) or None)
    if not text.strip():
        text = _lxml_text(html)
    cleaned = clean_text(text, title=title)
    return dataclasses.replace(
        cleaned,
        published_at=_pick_date(_html_date(html, url), cleaned.published_at),
        outlet=_site_name(html, getattr(document, "sitename", None)),
    )


_TITLE_ELEMENT_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# A part of a <title> that names the site ("صحيفة الوطن أون لاين السعودية").
_SITE_WORD_RE = re.compile(r"(?:صحيفه|جريده|موقع|بوابه|شبكه|قناه|وكاله|مجله|اخبار)(?!\w)")
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|\-–—»:]{1,2}\s+")


def _headline_of_title(html: str, title: str | None) -> str | None:
    """trafilatura's title, unless it is the site's name that the page's <title> puts first
    ("موقع النبأ | واشنطن تفرض عقوبات جديدة"): then the longest part of the <title>."""
    if title is not None and len(title.split()) >= 4:
        return title
    match = _TITLE_ELEMENT_RE.search(html[:100_000])
    parts = (
        [part.strip() for part in _TITLE_SEPARATOR_RE.split(unescape(match.group(1)).strip())]
        if match
        else []
    )
    if title is None or title.strip() not in parts:
        return title  # trafilatura found it elsewhere (a heading)
    headlines = [part for part in parts if len(part.split()) >= 4 and not _SITE_WORD_RE.match(fold(part))]
    return max(headlines, key=lambda part: len(part.split()), default=title)


# <meta property="og:site_name" content="..."> with its attributes in either order.
_OG_SITE_NAME_RE = re.compile(
    r"<meta\s[^>]*?(?:property|name)\s*=\s*[\"']og:site_name[\"'][^>]*?content\s*=\s*[\"']([^\"']+)[\"']"
    r"|<meta\s[^>]*?content\s*=\s*[\"']([^\"']+)[\"'][^>]*?(?:property|name)\s*=\s*[\"']og:site_name[\"']",
    re.IGNORECASE,
)


def _site_name(html: str, from_trafilatura: str | None) -> str | None:
    """The page's og:site_name as printed, else trafilatura's site name (which title-cases a
    lower-case name and falls back to a name part of the <title> or the URL's host)."""
    match = _OG_SITE_NAME_RE.search(html[:100_000])
    name = unescape(match.group(1) or match.group(2)).strip() if match else from_trafilatura
    return name or None


# An issue date in an article's address: /2015/20150805/, /2015/07/22/, /2015-07-22/.
_URL_DATE_RE = re.compile(r"(?<![0-9])(20[0-9]{2})([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])")


def url_date(url: str | None, fetched_at: datetime | None) -> datetime | None:
    """The day an article's address dates it, when that is before the day it was fetched: print
    editions and archives are crawled days after their issue ("/Issues/20150722/"), and relative
    dates in the text ("أمس") are the issue's. None when the address names no date, or a date
    not before the fetch (the fetch time is then the finer reference)."""
    if not url:
        return None
    path = url.split("//", 1)[-1].partition("/")[2]
    for match in _URL_DATE_RE.finditer(path):
        try:
            day = datetime(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            continue
        if fetched_at is None or day.date() < fetched_at.date():
            return day
        return None
    return None


def _pick_date(from_markup: datetime | None, from_text: datetime | None) -> datetime | None:
    """The markup's date when it carries a time, else the visible dateline: a bare day from htmldate
    may be a weak guess (its extensive search falls back to a copyright year)."""
    if from_markup is None or from_text is None:
        return from_markup or from_text
    has_time = (from_markup.hour, from_markup.minute) != (0, 0)
    return from_markup if has_time else from_text


class Extract:
    """The extract stage: cleaned body, title, publication date, agency and what was removed."""

    name: ClassVar[str] = "extract"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "html"})
    provides: ClassVar[frozenset[str]] = frozenset(
        {"text", "title", "published_at", "agency", "removed", "author", "outlet"}
    )

    def __init__(
        self, furniture: OutletFurniture | None = None, min_chars: int = 40, min_arabic_share: float = 0.3
    ) -> None:
        self.furniture = furniture
        self.min_chars = min_chars
        self.min_arabic_share = min_arabic_share

    @classmethod
    def from_settings(
        cls, settings: Settings | None = None, furniture: OutletFurniture | None = None
    ) -> Extract:
        """Build from settings (`min_chars`) and the store's outlet furniture."""
        return cls(furniture=furniture, min_chars=(settings or Settings()).min_chars)

    def __call__(self, article: Article) -> Article:
        page = extract_html(article.html, url=article.url) if article.html else None
        outlet = article.outlet or (page.outlet if page else None)
        outlet_test = self.furniture.for_outlet(outlet) if self.furniture is not None else None
        if page is not None:
            title = article.title or page.title
            cleaned = clean_text(
                page.text, title=title, author=article.author, is_outlet_furniture=outlet_test
            )
            published_at = page.published_at or cleaned.published_at
            removed = page.removed + cleaned.removed
            cleaned = dataclasses.replace(cleaned, agency=cleaned.agency or page.agency)
        else:
            cleaned = clean_text(
                article.text, title=article.title, author=article.author, is_outlet_furniture=outlet_test
            )
            title, removed = cleaned.title, cleaned.removed
            published_at = cleaned.published_at or url_date(article.url, article.fetched_at)
        self._check(cleaned.text)
        return dataclasses.replace(
            article,
            text=cleaned.text,
            html=None,
            # clean_text's title is the given one with its character references (&#8220;) resolved.
            title=cleaned.title or article.title or title,
            published_at=article.published_at or published_at,
            agency=cleaned.agency or article.agency,
            removed=removed,
            author=unescape(article.author) if article.author else None,
            outlet=outlet,
        )

    def _check(self, text: str) -> None:
        """Reject (SkipArticle) a body that is empty, too short, or not Arabic."""
        if not text.strip():
            raise SkipArticle("no article text left after removing page furniture")
        if len(text) < self.min_chars:
            raise SkipArticle(f"article text too short ({len(text)} characters, minimum {self.min_chars})")
        share = arabic_share(text)
        if share < self.min_arabic_share:
            raise SkipArticle(f"not Arabic text ({share:.0%} Arabic letters)")
