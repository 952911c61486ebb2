""" "المملكة" alone: Saudi Arabia, in Saudi news.

Saudi outlets write "the Kingdom" for their own country thousands of times ("في مختلف مناطق
المملكة", "تقوده المملكة"); the tagger, trained on ANERcorp, leaves it untagged. It is tagged LOC
(the knowledge base lists it among Saudi Arabia's names) where the article comes from a Saudi
outlet or names Saudi Arabia, and names other kingdoms less often than Saudi Arabia: in an article
on Jordan, Morocco or Bahrain "المملكة" is theirs, and it is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlparse

from marsad.arabic.keys import fold

#: SaudiNewsNet's outlets (its `source` names) and the Saudi Press Agency.
SAUDI_OUTLETS = frozenset(
    {"3alyoum", "aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh", "alwatan", "alweeam"}
    | {"alyaum", "arreyadi", "arriyadiyah", "okaz", "sabq", "was", "spa"}
)
#: Their sites outside the .sa domain.
SAUDI_HOSTS = frozenset(
    {"aawsat.com", "aleqt.com", "al-jazirah.com", "al-madina.com", "alriyadh.com", "alyaum.com"}
    | {"3alyoum.com", "arriyadiyah.com", "sabq.org"}
)
SAUDI_NAMES = frozenset(fold(name) for name in ("السعودية", "المملكة العربية السعودية"))
# Other kingdoms by the stem of their names and adjectives (الأردن, العاهل الأردني, المملكة المتحدة).
_OTHER_STEMS = (
    *("اردن", "مغرب", "بحرين", "بريطان", "المملكه المتحده", "اسبان", "هولند", "بلجيك", "سويد"),
    *("نرويج", "دنمارك", "دانمرك", "تايلاند", "تايلند", "كمبودي", "سوازي", "ليسوت", "بوتان"),
)
# An adjective of one in the text (المغرب alone is also the sunset prayer: only a tagged name counts).
_ONE_WORD_STEMS = "|".join(stem for stem in _OTHER_STEMS if " " not in stem)
_SAUDI_ADJECTIVE_RE = re.compile(r"(?<!\w)[وفبلك]?(?:ال)?سعودي(?:ه|ين|ون)?(?!\w)")
_OTHER_ADJECTIVE_RE = re.compile(rf"(?<!\w)[وفبلك]?(?:ال)?(?:{_ONE_WORD_STEMS})(?:ي|يه|يين|يون)(?!\w)")


def saudi_outlet(outlet: str | None, url: str | None) -> bool:
    """Whether an article comes from a Saudi outlet, by its outlet name or its site."""
    if outlet and outlet.strip().lower() in SAUDI_OUTLETS:
        return True
    try:
        host = (urlparse(url).hostname or "") if url else ""
    except ValueError:  # "http://[abc": an input's broken address names no outlet
        host = ""
    host = host.removeprefix("www.")
    return host.endswith(".sa") or host in SAUDI_HOSTS


def the_kingdom_is_saudi(saudi_source: bool, names: Iterable[str], text: str) -> bool:
    """Whether "المملكة" alone names Saudi Arabia in `text`, whose tagged names are `names`: the
    outlet is Saudi or the article names Saudi Arabia, and another kingdom, named or qualified
    (البحرين, العاهل الأردني), is written less often than Saudi Arabia ("أطباء أردنيون" in a Saudi
    report leave the Kingdom Saudi; an article on Bahrain's arrests makes it Bahrain)."""
    folded, key = [fold(name) for name in names], fold(text)
    saudi = sum(1 for name in folded if name in SAUDI_NAMES) + len(_SAUDI_ADJECTIVE_RE.findall(key))
    if not (saudi_source or saudi):
        return False
    other = sum(1 for name in folded if any(stem in name for stem in _OTHER_STEMS))
    other += len(_OTHER_ADJECTIVE_RE.findall(key))
    return other < saudi + saudi_source
