"""A name index over entities: exact lookups by name key, fuzzy ones through blocking keys.

Both the per-article `linking` stage (over the knowledge base) and the corpus registry (over
every entity of a database) find entities by name through a `NameIndex`. Exact lookups are a
dict access; a fuzzy lookup scores only the names that share a blocking key with the query
(word count plus the skeleton prefix of its first or of its last word), so it stays fast at
hundreds of thousands of names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from marsad.arabic.names import (
    match_threshold,
    name_key,
    name_similarity,
    skeleton,
    sound_key,
    word_similarity,
)
from marsad.model import EntityType

#: Two words whose `word_similarity` reaches this are spellings of one word: the pair
#: classifier's threshold, chosen on the train split for precision >= 97% (bench/name_pairs.py).
WORD_MATCH = match_threshold()
#: A fuzzy match between names: every aligned word pair must reach it.
NAME_MATCH = WORD_MATCH
#: Candidates of one lookup scored with the (slow, weighted) name similarity.
MAX_SCORED = 40
#: A single-word fuzzy match needs a longer word: short words differ by one letter (عمر / عمرو).
MIN_FUZZY_LETTERS = 5


def kind(entity_type: str) -> str:
    """Types that may name one referent: a country is LOC or ORG in NER output, never PER."""
    return "PER" if entity_type == "PER" else "ORG/LOC"


@dataclass(frozen=True, slots=True)
class Match:
    entity_id: str
    score: float


class NameIndex:
    """Entity ids by name; names are added per entity and may be re-pointed (curation)."""

    def __init__(self) -> None:
        self._exact: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._blocks: dict[tuple[str, int, str], set[tuple[str, tuple[str, ...]]]] = defaultdict(set)

    def add(self, entity_id: str, entity_type: EntityType | str, names: Iterable[str]) -> None:
        group = kind(entity_type)
        for name in names:
            key = name_key(name)
            if not key:
                continue
            self._exact[key, group].add(entity_id)
            words = tuple(key.split())
            for block in _blocks(group, words):
                self._blocks[block].add((entity_id, words))

    def remove(self, entity_id: str, entity_type: EntityType | str, names: Iterable[str]) -> None:
        group = kind(entity_type)
        for name in names:
            key = name_key(name)
            self._exact.get((key, group), set()).discard(entity_id)
            words = tuple(key.split())
            for block in _blocks(group, words):
                self._blocks.get(block, set()).discard((entity_id, words))

    def exact(self, name: str, entity_type: EntityType | str) -> set[str]:
        return self._exact.get((name_key(name), kind(entity_type)), set())

    def fuzzy(self, name: str, entity_type: EntityType | str) -> list[Match]:
        """Entities with a name close to `name` (same word count), best first."""
        words = tuple(name_key(name).split())
        if not words or (len(words) == 1 and len(words[0]) < MIN_FUZZY_LETTERS):
            return []
        best: dict[str, float] = {}
        candidates = {c for block in _blocks(kind(entity_type), words) for c in self._blocks.get(block, ())}
        scored = _closest(words, candidates) if len(candidates) > MAX_SCORED else candidates
        place = kind(entity_type) != "PER"
        for entity_id, other in scored:
            if place and not spellings_of_a_place(words, other):
                continue
            score = name_similarity(words, other)
            if score >= NAME_MATCH and score > best.get(entity_id, 0.0):
                best[entity_id] = score
        return sorted((Match(i, s) for i, s in best.items()), key=lambda m: (-m.score, m.entity_id))

    def find(self, name: str, entity_type: EntityType | str) -> str | None:
        """The one entity `name` names: an exact match, else an unambiguous fuzzy one."""
        exact = self.exact(name, entity_type)
        if len(exact) == 1:
            return next(iter(exact))
        if exact:
            return min(exact)  # several entities share the name: the stablest choice
        matches = self.fuzzy(name, entity_type)
        if not matches:
            return None
        if len(matches) > 1 and matches[1].score >= matches[0].score - 0.03:
            return None  # two entities fit about equally well: do not guess
        return matches[0].entity_id


def spellings_of_a_place(words: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names of a place, body or thing may be spellings of one: a lone word only as a
    transliteration's (`foreign_spelling`); in a longer name each word also with or without ال or a
    final ه or ي (امم المتحده, الخليج العربيه), not another word (جامعه نجران is not جام نجر,
    مجال الامن not مجلس الامن).

    >>> spellings_of_a_place(("امم", "المتحده"), ("الامم", "المتحده"))
    True
    >>> spellings_of_a_place(("جامعه", "نجران"), ("جام", "نجر"))
    False
    """
    if len(words) == 1:
        return len(other) == 1 and foreign_spelling(words[0], other[0])
    if len(words) != len(other):
        return False
    pairs = list(zip(words, other, strict=True))
    agreed = any(a == b for a, b in pairs)  # a word spelled alike vouches for the others
    return all(_same_word(a, b, agreed) for a, b in pairs)


def _same_word(a: str, b: str, agreed: bool) -> bool:
    """A word of a longer name spelled as another: with or without ال or a final ه or ي, or a
    transliteration's spelling (words of 5 letters or more without ال, when another word of the
    name is spelled alike: فاينانشيال / فايننشال تايمز)."""
    if _bare(a) == _bare(b) or foreign_spelling(a.removeprefix("ال"), b.removeprefix("ال")):
        return True
    foreign = min(len(a), len(b)) >= 5 and not (a.startswith("ال") or b.startswith("ال"))
    return agreed and foreign and word_similarity(a, b) >= WORD_MATCH


def _bare(word: str) -> str:
    return word.removeprefix("ال").removesuffix("ه").removesuffix("ي")


def foreign_spelling(word: str, other: str) -> bool:
    """Whether two lone words are spellings of one transliterated name: ج for غ (/g/: الجابون,
    هامبورج), or, in words of 6 letters or more without ال, one letter added, dropped or replaced
    (or two swapped: امريكي / اميركي), other than one added at the end (تايلند, بريطنيا). The
    name matcher learned from people's names, where vowels come and go in transliteration;
    Arabic words (السلام / السلوم, الشرق / الشروق), short words and words spelled further apart
    (تويتر / توتوري, هوندا / الهندية) are other names.

    >>> foreign_spelling("الجابون", "الغابون"), foreign_spelling("تايلند", "تايلاند")
    (True, True)
    >>> foreign_spelling("السلام", "السلوم"), foreign_spelling("تويتر", "توتوري")
    (False, False)
    """
    if word != other and word.replace("غ", "ج") == other.replace("غ", "ج"):
        return True
    if min(len(word), len(other)) < 6 or word.startswith("ال") or other.startswith("ال"):
        return False
    if OSA.distance(word, other) != 1:  # one letter added, dropped, replaced or two swapped
        return False
    return not (word.startswith(other) or other.startswith(word))


def _closest(
    words: tuple[str, ...], candidates: set[tuple[str, tuple[str, ...]]]
) -> list[tuple[str, tuple[str, ...]]]:
    """The MAX_SCORED candidates whose sound keys are closest (rapidfuzz, in C), so a big block
    of a large registry costs one vectorized pass rather than thousands of weighted distances."""
    ordered = list(candidates)
    query = " ".join(map(sound_key, words))
    choices = [" ".join(map(sound_key, other)) for _, other in ordered]
    best = process.extract(query, choices, scorer=Levenshtein.normalized_similarity, limit=MAX_SCORED)
    return [ordered[index] for _, _, index in best]


def _blocks(group: str, words: tuple[str, ...]) -> list[tuple[str, int, str]]:
    if not words:
        return []
    first, last = skeleton(words[0])[:3], skeleton(words[-1])[:3]
    return [(group, len(words), "<" + first), (group, len(words), ">" + last)]
