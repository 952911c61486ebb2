"""The entity registry: one id per entity across every article of a database.

The `linking` stage links names inside one article and to the knowledge base; an entity it
creates gets an id from its fullest name in that article. The registry (a `CorpusStep`) then
maps each such entity onto the database's entities: the same name key, a variant or typo of a
known name (fuzzy, through a `NameIndex`, and still close to the entity's own name), a lone
surname of exactly one known person (a lone given name, خالد, names too many people to join
any), or a fuller or shorter chain of one known person's forefathers' names (سيف يوسف أحمد
الفلاسي, سيف يوسف الفلاسي, سيف الفلاسي; not سيف راشد الفلاسي, another father's son). It
replays analyst curation (merge, alias, split: store.entity_rules) on every article, and keeps
the dated roles learned from appositions, so `holder(title, day)` answers who held a title
around a date; a title standing alone in a later article ("المتحدث باسم الوزارة", no name)
then links to that holder. Ids it rewrites are rewritten in the article's mentions, entities and
quotes (speaker, via, about) before the article is stored.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from marsad.arabic.names import name_key, name_similarity, name_words, skeleton, word_similarity
from marsad.kb.base import KnowledgeBase, TitleBook, TitleWords, load_knowledge_base, title_words
from marsad.kb.index import WORD_MATCH, NameIndex
from marsad.model import Article, Entity, Mention, Quote, Role
from marsad.stages.linking import standalone_titles
from marsad.store import Store
from marsad.store.entities import EntityRule, StoredEntity

#: How close a name found by spelling must still be to the entity's own name: each spelling a
#: match adds is matched in turn, and chains of near spellings drift (نيازي, الناظري, الضنحاني).
MIN_SIMILARITY_TO_NAME = 0.5
#: Titles ending in these words (title_words' stems) are of a body each article names for itself
#: ("رئيس النادي", "رئيس مجلس الإدارة", "الرئيس التنفيذي", "مدير المستشفى"): one article's holder
#: is not another's.
_BODY_OF_THE_ARTICLE = frozenset(
    title_words(
        "النادي الإدارة الشركة الجمعية المستشفى اللجنة الفريق المركز الكلية المؤسسة الاتحاد الغرفة "
        "المنتخب المكتب الفرع القسم المدرسة التنفيذي العام الهيئة البلدية المجلس الجامعة"
    )
)
#: How far from the dates an article gave a title the registry still trusts it (days).
ROLE_TOLERANCE_DAYS = 45


@dataclass(slots=True)
class Curation:
    """Analyst rules in the form the registry applies them."""

    merged_into: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # name key → entity id
    splits: dict[str, dict[str, str]] = field(default_factory=dict)  # entity → name key → new id

    @classmethod
    def from_rules(cls, rules: list[EntityRule]) -> Curation:
        curation = cls()
        for rule in rules:
            if rule.action == "merge":
                curation.merged_into[rule.entity] = rule.value
            elif rule.action == "alias":
                curation.aliases[name_key(rule.value)] = rule.entity
            elif rule.action == "split":
                value = json.loads(rule.value)
                for key in value["variants"]:
                    curation.splits.setdefault(rule.entity, {})[key] = value["into"]
        return curation

    def final(self, entity_id: str) -> str:
        seen = {entity_id}
        while entity_id in self.merged_into:
            entity_id = self.merged_into[entity_id]
            if entity_id in seen:
                break
            seen.add(entity_id)
        return entity_id

    def relink(self, text: str, entity_id: str) -> str:
        """The entity a name written `text` and linked to `entity_id` links to after curation."""
        if not self.aliases and not self.splits:
            return self.final(entity_id)
        key = name_key(text)
        if key in self.aliases:
            return self.final(self.aliases[key])
        entity_id = self.final(entity_id)
        return self.final(self.splits.get(entity_id, {}).get(key, entity_id))


class EntityRegistry:
    name = "registry"

    def __init__(self, entities: list[StoredEntity], rules: list[EntityRule], kb: KnowledgeBase) -> None:
        self.kb = kb
        self.curation = Curation.from_rules(rules)
        self.index = NameIndex()
        self.types: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.first_last: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.forefathers: dict[str, tuple[str, ...]] = {}  # of each person's fullest name
        self.surname_blocks: dict[str, set[str]] = defaultdict(set)
        self.roles = TitleBook(org_aliases=kb.titles.org_aliases)
        # ... as the title book writes them after a head word (البلدية is an alias of a body)
        self.article_bodies = _BODY_OF_THE_ARTICLE | {
            self.roles.canonical(("رييس", word))[-1] for word in _BODY_OF_THE_ARTICLE
        }
        for stored in entities:
            self._register(stored.id, stored.type, (stored.name, *stored.variants), stored.roles)

    @classmethod
    def from_store(cls, store: Store, kb: KnowledgeBase | None = None) -> EntityRegistry:
        return cls(store.load_entities(), store.entity_rules(), kb or load_knowledge_base())

    def _register(
        self, entity_id: str, entity_type: str, names: tuple[str, ...], roles: tuple[Role, ...]
    ) -> None:
        for role in roles:
            self.roles.add(role.title, entity_id, role.since, role.until)
        if entity_id.startswith("kb:"):
            self.types[entity_id] = entity_type
            return  # the stage links to the knowledge base itself
        self.index.add(entity_id, entity_type, _without_given_names(names) if entity_type == "PER" else names)
        self.types[entity_id] = entity_type
        self.names.setdefault(entity_id, names[0])
        if entity_type == "PER":
            for name in names:
                words = name_words(name)
                if len(words) >= 2 and "بن" not in words[1:]:
                    self.surnames[words[-1]].add(entity_id)
                    self.surname_blocks[skeleton(words[-1])[:3]].add(words[-1])
                    self.first_last[words[0], words[-1]].add(entity_id)
                    known = self.forefathers.get(entity_id, ())
                    self.forefathers[entity_id] = max(known, _forefathers(words), key=lambda f: (len(f), f))

    # -- CorpusStep ------------------------------------------------------------------------

    def apply(self, articles: list[Article]) -> list[Article]:
        return [self.apply_one(article) for article in articles]

    def save(self, store: Store) -> None:
        """Nothing to write: entities are stored with their articles (store._save_entities)."""

    def apply_one(self, article: Article) -> Article:
        mapping = {eid: self._resolve(entity) for eid, entity in article.entities.items()}
        mapping = {old: self.curation.final(new) for old, new in mapping.items()}
        mentions = tuple(self._relink(m, mapping) for m in article.mentions)
        mentions = self._with_titles_from_corpus(article, mentions)
        entities = self._entities(article, mentions, mapping)
        for entity in entities.values():
            self._register(entity.id, entity.type, (entity.name, *entity.variants), entity.roles)
        quotes = tuple(self._relink_speaker(_remap_quote(q, mapping)) for q in article.quotes)
        return replace(article, mentions=mentions, entities=entities, quotes=quotes)

    def _relink(self, mention: Mention, mapping: dict[str, str]) -> Mention:
        if mention.entity is None:
            return mention
        entity_id = self.curation.relink(mention.text, mapping.get(mention.entity, mention.entity))
        return mention if entity_id == mention.entity else replace(mention, entity=entity_id)

    def _relink_speaker(self, quote: Quote) -> Quote:
        """A split or alias moves a quote with the name it was attributed by."""
        if quote.speaker is None or not quote.speaker_text:
            return quote
        return replace(quote, speaker=self.curation.relink(quote.speaker_text, quote.speaker))

    def _resolve(self, entity: Entity) -> str:
        """The registry id of an entity the stage produced."""
        if entity.id.startswith("kb:") or entity.id in self.types:
            return entity.id
        words = name_words(entity.name)
        if entity.type == "PER" and len(words) == 1:
            return self._lone(entity)
        names = (entity.name, *entity.variants)
        if entity.type == "PER":  # a lone name the article also wrote (خالد) names many people
            names = tuple(name for name in names if len(name_words(name)) >= 2)
        for name in names:
            found = self.index.exact(name, entity.type)
            if found:
                return min(found)
        found_id = self.index.find(entity.name, entity.type)
        if found_id and self._near_own_name(words, found_id):
            return found_id
        if entity.type == "PER" and len(words) >= 3 and "بن" not in words[1:]:
            # سيف يوسف أحمد الفلاسي is سيف يوسف الفلاسي (or سيف الفلاسي): the one known person of
            # that first and last name whose fullest name's forefathers begin the same.
            owners = {
                owner
                for owner in self.first_last.get((words[0], words[-1]), set())
                if _same_line(_forefathers(words), self.forefathers[owner])
            }
            if len(owners) == 1:
                return next(iter(owners))
        if entity.type == "PER" and len(words) == 2:
            # فائز الدباغ is فائز مرعي الدباغ when one known person has that first and last name.
            owners = self.first_last.get((words[0], words[1]), set())
            if len(owners) == 1:
                return next(iter(owners))
        return entity.id

    def _near_own_name(self, words: tuple[str, ...], entity_id: str) -> bool:
        own = name_words(self.names[entity_id])
        return len(own) != len(words) or name_similarity(words, own) >= MIN_SIMILARITY_TO_NAME

    def _lone(self, entity: Entity) -> str:
        """The registry id of a person named by one word only: the one known person of that name
        (a surname: given names are not indexed alone), else the entity of everyone so named."""
        word = name_words(entity.name)[0]
        found = set().union(*(self.index.exact(name, "PER") for name in (entity.name, *entity.variants)))
        people = {eid for eid in found if len(name_words(self.names[eid])) >= 2}
        people |= self.surnames.get(word, set())
        if len(people) == 1:
            return next(iter(people))
        lone = sorted(found - people)
        if found or people:
            return lone[0] if lone else entity.id
        return self.index.find(entity.name, "PER") or self._by_surname(word) or entity.id

    def _by_surname(self, word: str) -> str | None:
        """The one known person whose surname this lone word is (ستولتنبرج → ينس ستولتنبرغ)."""
        owners = set(self.surnames.get(word, ()))
        if not owners and len(word) >= 5:
            # Spelling variants of the surname share a skeleton prefix (a blocking key).
            for surname in self.surname_blocks.get(skeleton(word)[:3], ()):
                if word_similarity(surname, word) >= WORD_MATCH:
                    owners |= self.surnames[surname]
        return next(iter(owners)) if len(owners) == 1 else None

    def _entities(
        self, article: Article, mentions: tuple[Mention, ...], mapping: dict[str, str]
    ) -> dict[str, Entity]:
        by_id: dict[str, Entity] = {}
        for old_id, entity in article.entities.items():
            new_id = mapping[old_id]
            seen = by_id.get(new_id)
            if seen is None:
                by_id[new_id] = replace(entity, id=new_id)
            else:
                variants = tuple(dict.fromkeys((*seen.variants, *entity.variants)))
                by_id[new_id] = replace(seen, variants=variants, roles=(*seen.roles, *entity.roles))
        for mention in mentions:  # curation or a title may send a mention to an entity the article lacked
            if mention.entity and mention.entity not in by_id:
                by_id[mention.entity] = self._entity_for(mention)
        linked = {m.entity for m in mentions}
        return {eid: e for eid, e in by_id.items() if eid in linked}

    def _entity_for(self, mention: Mention) -> Entity:
        assert mention.entity is not None
        if mention.entity in self.kb.entities:  # variants: the names this article wrote (none)
            return replace(self.kb.entities[mention.entity], variants=())
        name = self.names.get(mention.entity)
        if name is None:  # an alias the analyst added: the mention's text is a name of it
            return Entity(mention.entity, mention.text, mention.type, (mention.text,))
        entity_type = self.types.get(mention.entity, mention.type)
        return Entity(mention.entity, name, entity_type, english=self.kb.english_name(name))  # type: ignore[arg-type]

    # -- titles ----------------------------------------------------------------------------

    def _with_titles_from_corpus(
        self, article: Article, mentions: tuple[Mention, ...]
    ) -> tuple[Mention, ...]:
        """Titles standing alone that only other articles explain: "المتحدث باسم الوزارة" in an
        article that never names him, when articles of those weeks gave the title with his name."""
        if not self.roles.holders or not article.text:
            return mentions
        day = article.reference_at.date().isoformat() if article.reference_at else None
        found = standalone_titles(
            article.text, mentions, self.roles, lambda words: self._corpus_holder(words, day)
        )
        return tuple(sorted((*mentions, *found), key=lambda m: (m.start, m.end))) if found else mentions

    def holder(self, title: str, day: str | None) -> str | None:
        """Who held `title` around `day`: the knowledge base's dated roles, else the roles the
        corpus gave (within ROLE_TOLERANCE_DAYS of the dates the articles gave the title)."""
        words = self.kb.titles.canonical(title_words(title))
        return self.kb.titles.holder(words, day) or self._corpus_holder(words, day)

    def _corpus_holder(self, words: TitleWords, day: str | None) -> str | None:
        """The corpus's holder of a title given by its canonical words."""
        roles = self.roles.holders.get(words, [])
        if day is None or not roles or (words and words[-1] in self.article_bodies):
            return None
        moment = date.fromisoformat(day)
        near = {
            self.curation.final(r.entity_id)
            for r in roles
            if r.since
            and r.until
            and (date.fromisoformat(r.since) - moment).days <= ROLE_TOLERANCE_DAYS
            and (moment - date.fromisoformat(r.until)).days <= ROLE_TOLERANCE_DAYS
        }
        return next(iter(near)) if len(near) == 1 else None


def _without_given_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """A person's names less a lone given name (خالد of خالد الفيصل), which names many people."""
    words = [name_words(name) for name in names]
    full = [w for w in words if len(w) >= 2]
    given = {w[0] for w in full} - {w[-1] for w in full}
    return tuple(name for name, w in zip(names, words, strict=True) if not (len(w) == 1 and w[0] in given))


def _forefathers(words: tuple[str, ...]) -> tuple[str, ...]:
    """The names between a person's first and family name, up to a family branch (آل مسفر)."""
    middle = words[1:-1]
    return middle[: middle.index("ال")] if "ال" in middle else middle


def _same_line(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether one chain of forefathers' names begins the other."""
    shorter = min(len(one), len(other))
    return one[:shorter] == other[:shorter]


def _remap_quote(quote: Quote, mapping: dict[str, str]) -> Quote:
    return replace(
        quote,
        speaker=mapping.get(quote.speaker, quote.speaker) if quote.speaker else None,
        via=mapping.get(quote.via, quote.via) if quote.via else None,
        about=tuple(mapping.get(a, a) for a in quote.about),
    )
