"""The shipped knowledge base: well-known entities with variants, English names and dated roles.

Built by `python -m marsad.kb.build` into `marsad/data/kb/`; loaded once per process.

>>> kb = load_knowledge_base()
>>> kb.index.find("ستولتنبرج", "PER")
'kb:jens-stoltenberg'
>>> kb.holder(title_words("الأمين العام لحلف الناتو"), "2015-08-01")
'kb:jens-stoltenberg'
>>> kb.holder(title_words("الأمين العام للناتو"), "2025-03-01")
'kb:mark-rutte'
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.arabic.keys import search_key
from marsad.arabic.names import name_words, romanize
from marsad.kb.index import NameIndex, kind
from marsad.model import Entity, EntityType, Role

DATA = Path(__file__).parents[1] / "data" / "kb"

# Words a title may carry or drop without changing who holds it.
TITLE_FILLER = frozenset(search_key(w) for w in ("الرسمي", "الرسمية", "باسم", "وزارة", "دولة", "جمهورية"))
#: The longest title phrase, in words.
MAX_TITLE_WORDS = 9

TitleWords = tuple[str, ...]


def title_words(title: str) -> TitleWords:
    """The matching key of a title: search keys of its words, filler words dropped.

    >>> long, short = "المتحدثة الرسمية باسم وزارة الخارجية الروسية", "المتحدثة باسم الخارجية الروسية"
    >>> title_words(long) == title_words(short)
    True
    """
    keys = (search_key(w) for w in title.split())
    return tuple(k for k in keys if k and k not in TITLE_FILLER)


@dataclass(frozen=True, slots=True)
class HeldRole:
    entity_id: str
    since: str | None
    until: str | None

    def covers(self, day: str | None) -> bool:
        if day is None:
            return self.until is None
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


@dataclass(slots=True)
class TitleBook:
    """Who held which title when; a title is matched by its words with any alias of the
    organization it names (الأمين العام لحلف شمال الأطلسي = الأمين العام للناتو)."""

    holders: dict[TitleWords, list[HeldRole]] = field(default_factory=dict)
    org_aliases: dict[TitleWords, str] = field(default_factory=dict)
    # Titles repeat across articles; the aliases are complete before the first title is read.
    _canonical: dict[TitleWords, TitleWords] = field(default_factory=dict, repr=False)

    def canonical(self, words: TitleWords) -> TitleWords:
        """`words` with the longest organization alias after the head word (الأمين العام, وزير …)
        replaced by the organization id."""
        found = self._canonical.get(words)
        if found is None:
            if len(self._canonical) >= 100_000:  # most word runs after a head word never recur
                self._canonical.clear()
            found = self._canonical[words] = self._replace_alias(words)
        return found

    def _replace_alias(self, words: TitleWords) -> TitleWords:
        for size in range(min(len(words) - 1, 6), 0, -1):
            for start in range(1, len(words) - size + 1):
                org = self.org_aliases.get(words[start : start + size])
                if org:
                    return (*words[:start], org, *words[start + size :])
        return words

    def add(self, title: str | TitleWords, entity_id: str, since: str | None, until: str | None) -> None:
        words = title_words(title) if isinstance(title, str) else title
        roles = self.holders.setdefault(self.canonical(words), [])
        held = HeldRole(entity_id, since, until)
        if held not in roles:
            roles.append(held)

    def holder(self, words: TitleWords, day: str | None) -> str | None:
        """The one entity that held the title on `day` (ISO date), if exactly one did."""
        roles = self.holders.get(self.canonical(words), [])
        found = {r.entity_id for r in roles if r.covers(day)}
        return next(iter(found)) if len(found) == 1 else None


@dataclass(slots=True)
class KnowledgeBase:
    entities: dict[str, Entity]
    sources: dict[str, str]
    english_words: dict[str, str]
    index: NameIndex = field(default_factory=NameIndex)
    titles: TitleBook = field(default_factory=TitleBook)

    def __post_init__(self) -> None:
        for entity in self.entities.values():
            self.index.add(entity.id, entity.type, (entity.name, *entity.variants))
            if kind(entity.type) != "PER":
                for name in (entity.name, *entity.variants):
                    words = title_words(name)
                    if len("".join(words)) >= 3:
                        self.titles.org_aliases.setdefault(words, entity.id)
        for entity in self.entities.values():
            for role in entity.roles:
                self.titles.add(role.title, entity.id, role.since, role.until)

    def holder(self, words: TitleWords, day: str | None) -> str | None:
        return self.titles.holder(words, day)

    def english_name(self, name: str) -> str:
        """An English display form: word by word from the name-variant sources, else romanized.

        >>> load_knowledge_base().english_name("محمد الحربي")
        'Muhammad Alharbi'
        """
        out = []
        for word in name_words(name):
            bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
            english = self.english_words.get(word) or self.english_words.get(bare)
            if english and bare != word and not self.english_words.get(word):
                english = "al-" + english
            out.append(english.title() if english else romanize(word))
        return " ".join(out)


@lru_cache(maxsize=2)
def load_knowledge_base(folder: Path = DATA) -> KnowledgeBase:
    entities: dict[str, Entity] = {}
    sources: dict[str, str] = {}
    for record in _read_jsonl(folder / "entities.jsonl.gz"):
        entity = Entity(
            id=record["id"],
            name=record["name"],
            type=_entity_type(record["type"]),
            variants=tuple(record["variants"]),
            english=record["english"],
            roles=tuple(Role(*role) for role in record["roles"]),
        )
        entities[entity.id] = entity
        sources[entity.id] = record["source"]
    return KnowledgeBase(entities, sources, _read_words(folder / "english_words.tsv.gz"))


def _entity_type(value: str) -> EntityType:
    return value if value in ("PER", "ORG", "LOC", "MISC") else "MISC"  # type: ignore[return-value]


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)


def _read_words(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return dict(_split(stream))


def _split(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    for line in lines:
        arabic, _, english = line.rstrip("\n").partition("\t")
        yield arabic, english
