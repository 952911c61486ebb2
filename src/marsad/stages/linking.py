"""The `linking` stage: every mention gets the id of the entity it names.

Inside one article, names cluster: a variant spelling or a typo of a name seen earlier
(ستولتنبرغ / ستولتنبرج), a surname or first name after the full name (ينس ستولتنبرغ …
ستولتنبرغ), a shorter form of an organization (حكومة الوفاق الوطني … حكومة الوفاق). A cluster
links to the knowledge base when one of its names is a known variant or close to one (الناتو,
حلف شمال الأطلنطي → kb:nato); otherwise it gets a corpus id derived from its fullest name
(`per:abd-al-lh-...`), which the corpus registry (corpus/registry.py) then unifies across
articles.

Titles: a title right before or after a person's name ("الأمين العام لحلف شمال الأطلسي ينس
ستولتنبرغ", "عادل الجبير، وزير الخارجية السعودي،") becomes a role of that person, and the same
title later in the article, without a name, becomes a mention of that person. A title the
article never ties to a name is resolved through the knowledge base's dated roles (who held it
on the article's date). `resolve_title` does the same for other stages (quotes).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate, islice
from typing import ClassVar

from marsad.arabic.keys import fold, search_key
from marsad.arabic.names import name_key, name_similarity, name_words, skeleton, slug, word_similarity
from marsad.kb.base import (
    MAX_TITLE_WORDS,
    TITLE_FILLER,
    KnowledgeBase,
    TitleBook,
    TitleWords,
    load_knowledge_base,
    title_words,
)
from marsad.kb.index import NAME_MATCH, WORD_MATCH, foreign_spelling, kind, spellings_of_a_place
from marsad.model import Article, Entity, EntityType, Mention, Role
from marsad.ner.outlets import PLACE_OUTLETS
from marsad.settings import Settings


def _word_set(key: Callable[[str], str], *lines: str) -> frozenset[str]:
    return frozenset(key(word) for line in lines for word in line.split())


# Words that begin a title ("الأمين العام …", "وزير الخارجية …", "المتحدثة باسم …").
TITLE_HEADS = _word_set(
    lambda word: fold(word).removeprefix("ال"),
    "الأمين رئيس الرئيس رئيسة وزير وزيرة المتحدث المتحدثة الناطق الناطقة المبعوث المبعوثة",
    "السفير السفيرة قائد زعيم مدير مديرة محافظ أمير ولي نائب المرشد ملك عاهل المستشار",
    "المستشارة الممثل الممثلة مسؤول مسؤولة مسئول مسئولة سكرتير حاكم مفوض المفوض المفوضة",
    # an assistant's or undersecretary's title is not his minister's ("مساعد وزير الدفاع")
    "مساعد مساعدة وكيل وكيلة",
)
_HEAD_PROCLITICS = ("", "ال", "وال", "بال", "فال", "لل", "ولل", "و", "ب", "ل", "ف")
# Honorifics and ranks written before a name; they are not part of the name or of a title.
HONORIFICS = _word_set(
    name_key,
    "الأمير الأميرة الشيخ الشيخة السيد السيدة الدكتور الدكتورة د. المهندس اللواء العميد",
    "المشير الفريق العقيد العماد الإمام السلطان الملك الرئيس المستشار المقدم النقيب الملازم",
)
# ... and the words of ranks and forms of address that stand between a title and a name.
_ADDRESS_WORDS = HONORIFICS | _word_set(
    name_key,
    "الأستاذ الأستاذة الركن الطبيب الرائد الرقيب صاحب السمو الملكي معالي سعادة سمو فضيلة",
    # a rank's arm or staff (العميد بحري, اللواء طيار ركن)
    "بحري طيار ركن جوي مظلي",
    # ranks written as in other armies ("وزير الدفاع الجنرال أحمد وحيدي")
    "الجنرال الأدميرال الأميرال الكولونيل المارشال الماريشال الكابتن",
)
# ... of them, the ranks a title's own holder is given after it ("رئيس مجلس الإدارة المهندس
# منصور القحطاني"); a prince's or a president's (الأمير, الرئيس) names another ("وهنأ الرئيس
# الفرنسي الأمير محمد بن سلمان").
_RANKS = _ADDRESS_WORDS - _word_set(
    name_key,
    "الأمير الأميرة الشيخ الشيخة الإمام السلطان الملك الرئيس المستشار صاحب السمو الملكي معالي سعادة سمو",
    "فضيلة",
)
# Kinds written before an organization's own name (نادي إنبي is إنبي).
ORG_KINDS = _word_set(name_key, "نادي النادي شركة")
_HEAD_WORDS = [
    *("امين", "رييس", "وزير", "متحدث", "ناطق", "مبعوث", "سفير", "قايد", "زعيم", "مدير", "محافظ"),
    *("امير", "ولي", "نايب", "مرشد", "ملك", "عاهل", "مستشار", "ممثل", "مسيول", "مسوول", "سكرتير"),
    *("حاكم", "مفوض", "مساعد", "وكيل"),
]
# A head word as written: hamza seats, ى/ي and ة/ه vary, proclitics and ال may come first.
_HEAD_RE = re.compile(  # group 1: the word without its conjunction or preposition; 2: an ال merged into ل
    r"(?<![^\W\d_])[وفبلك]{0,2}((?:ال|(ل))?(?:"
    + "|".join(w.replace("ا", "[اأإآ]").replace("ي", "[يىئ]").replace("و", "[وؤ]") for w in _HEAD_WORDS)
    + r")[^\W\d_]*)"
)
_BOUNDARY = re.compile(r"[.،,:؛;!?؟«»\"()\[\]\n–—-]")
# Words that end a clause and never sit inside a title: a title before a name starts after them
# ("الأمين العام أجرى اتصالا مع المبعوث الأممي X": X's title is المبعوث الأممي).
_CLAUSE_WORDS = _word_set(
    search_key,
    "مع أن إن أنه إنه بأن الذي التي الذين كما حيث بينما خلال ثم ما مما لما",
    "أجرى التقى استقبل بحث قال أكد أعلن دعا أوضح أشار أضاف اتصالا هاتفيا",
    # a decision's object: "قرار وزير الشؤون البلدية بترقية المهندس عيد الزارع"
    "بتعيين بترقية بتكليف بتمديد بنقل بإعفاء بتكريم بترشيح بتسمية",
)
_WORD = re.compile(r"[^\W\d_]+")
_WORD_BEFORE_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+) $")
# A title right before the و of a list ("الشعيل رئيس اللجنة وشيبان العنزي") is the previous name's.
_LIST_AND_RE = re.compile(r"(?:^|\s)و\s*$")

ResolveTitle = Callable[[str, str | None], str | None]


@dataclass(slots=True)
class Cluster:
    """The mentions of one entity inside an article."""

    type: EntityType
    names: list[tuple[str, ...]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    kb_id: str | None = None
    titles: list[str] = field(default_factory=list)
    initials: set[str] = field(default_factory=set)
    namesake: bool = False  # a club or paper named as its city is (برشلونة, «الرياض»): never the city

    def add(self, words: tuple[str, ...], surface: str) -> None:
        self.names.append(words)
        self.surfaces.append(surface)
        self.initials |= _initials(words)

    @property
    def fullest(self) -> tuple[str, ...]:
        return max(self.names, key=lambda words: (len(words), len("".join(words))))


def link_mentions(
    text: str, mentions: Sequence[Mention], kb: KnowledgeBase, day: str | None = None
) -> tuple[list[Mention], dict[str, Entity]]:
    """`mentions` with their `entity` ids, plus title-only mentions, and the entities by id.

    `day` (ISO date) picks who held a title when the article names only the title.
    """
    ordered = sorted((_with_first_word(text, m, kb) for m in mentions), key=lambda m: (m.start, m.end))
    clusters: list[Cluster] = []
    owner: dict[int, Cluster] = {}
    # Fuller names first, so a lone surname can join the full name that comes after it.
    for index in sorted(range(len(ordered)), key=lambda i: (-len(_name_of(ordered[i])), i)):
        mention = ordered[index]
        words = _name_of(mention)
        if not words:
            continue
        if _names_a_city(mention.text, words, mention.type, kb):
            # برشلونة, «الرياض»: the club, the paper (نيس after نادي نيس: that club)
            bodies = [c for c in clusters if c.type == "ORG" and c.kb_id is None]
            namesake = _in_article(words, "ORG", bodies, ordered, owner, index) or _namesake_cluster(
                words, clusters
            )
            namesake.add(words, mention.text)
            owner[index] = namesake
            continue
        # A known name of several words is strong evidence; a lone word is read in the
        # article's context first (هادي after محمد هادي is not the Yemeni president).
        kb_id = _kb_exact(mention.text, words, mention.type, kb) if len(words) > 1 else None
        if mention.type == "PER" and _the_prophet(text, mention) and _PROPHET in kb.entities:
            kb_id = _PROPHET  # not the article's محمد بن مصيبيح
        kb_id = kb_id or _titled_exact(text, mention, kb)
        cluster = None if kb_id else _in_article(words, mention.type, clusters, ordered, owner, index)
        if cluster is None:
            kb_id = kb_id or _kb_lookup(mention.text, words, mention.type, kb)
            same_kb = [c for c in clusters if kb_id and c.kb_id == kb_id]
            cluster = same_kb[0] if same_kb else Cluster(mention.type, kb_id=kb_id)
            if not same_kb:
                clusters.append(cluster)
        elif cluster.kb_id is None and kind(mention.type) != "PER" and not _kind_named(cluster):
            # يونان first, then اليونان: the known spelling names the place (a person's surname
            # names no one: المالكي after فايز المالكي is not Nouri al-Maliki)
            cluster.kb_id = _kb_exact(mention.text, words, mention.type, kb)
        cluster.add(words, mention.text)
        owner[index] = cluster
    _learn_titles(text, ordered, owner)
    _forget_titles_of_others(clusters, kb, day)
    national = [
        c
        for c in clusters
        if c.kb_id and _national(c.kb_id, kb) and not any(map(_SAUDI_RE.search, c.surfaces))
    ]
    abroad = _abroad(text, clusters, kb)
    if national and abroad:
        for cluster in national:
            cluster.kb_id = None  # "وزارة الداخلية" in a report from Tunis: Tunisia's
    ids = _cluster_ids(clusters, kb)
    linked = [_with_entity(m, owner[i], ids, kb) if i in owner else m for i, m in enumerate(ordered)]
    # (abroad, "وزير الداخلية" is that country's: only a holder the article names)
    linked += _title_mentions(text, linked, clusters, ids, kb, day, known_only=abroad)
    linked.sort(key=lambda m: (m.start, m.end))
    entities = {ids[id(c)]: _entity(c, ids[id(c)], kb, day) for c in clusters if c.names}
    return linked, entities


_PROPHET = "kb:prophet-muhammad"
# "سنة النبي محمد صلى الله عليه وسلم", "سيد الخلق محمد –ﷺ": the Prophet, whatever other محمد the
# article names.
_PROPHET_BEFORE_RE = re.compile(r"(?:النبي|الرسول|رسول الله|نبينا|سيدنا|سيد الخلق|المصطفى|الهادي)\s+$")
_PROPHET_AFTER_RE = re.compile(r"\s*[-–(]?\s*(?:صلى الله عليه|صلي الله عليه|ﷺ|عليه الصلاة)")


def _the_prophet(text: str, mention: Mention) -> bool:
    if fold(mention.text) != "محمد":
        return False
    before = text[max(0, mention.start - 16) : mention.start]
    return bool(_PROPHET_BEFORE_RE.search(before) or _PROPHET_AFTER_RE.match(text, mention.end))


def _with_entity(mention: Mention, cluster: Cluster, ids: dict[int, str], kb: KnowledgeBase) -> Mention:
    """`mention` with its entity's id, and the organization's type where the knowledge base knows
    a body the tagger typed a thing (البيت الأبيض; a place may be the town a body is named after:
    "منطقة القاعدة" in Yemen)."""
    known = kb.entities.get(cluster.kb_id) if cluster.kb_id else None
    kind = "ORG" if known is not None and known.type == "ORG" and mention.type == "MISC" else mention.type
    return replace(mention, entity=ids[id(cluster)], type=kind)


# Saudi Arabia named or described: its bodies' bare names are its own ("وزارة الداخلية").
_SAUDI_RE = re.compile(r"سعود[يى]|السعودي|المملك[ةه]|خادم الحرمين")
_SAUDI_ADJECTIVES = ("السعودية", "السعودي")


def _abroad(text: str, clusters: list[Cluster], kb: KnowledgeBase) -> bool:
    """Whether an article is set in another country: one named twice or more, none of Saudi Arabia
    (SaudiNewsNet's outlets write "وزارة الداخلية" for the Saudi ministry at home)."""
    if _SAUDI_RE.search(text):
        return False
    countries = [c for c in clusters if c.kb_id and "iso-codes" in kb.sources.get(c.kb_id, "")]
    return any(len(c.names) >= 2 for c in countries)


def _national(entity_id: str, kb: KnowledgeBase) -> bool:
    """Whether a known body is one every country has, known as Saudi Arabia's: it is also written
    with the country's adjective (وزارة الداخلية / وزارة الداخلية السعودية, مجلس الوزراء)."""
    entity = kb.entities.get(entity_id)
    if entity is None:
        return False
    names = {entity.name, *entity.variants}
    return any(f"{name} {adjective}" in names for name in names for adjective in _SAUDI_ADJECTIVES)


def _with_first_word(text: str, mention: Mention, kb: KnowledgeBase) -> Mention:
    """A person's mention with the word before it when both are a name the knowledge base knows
    whole: the tagger reads the بان of "بان كي مون" as ب + أن and tags كي مون."""
    if mention.type != "PER":
        return mention
    before = _WORD_BEFORE_RE.search(text, max(0, mention.start - 20), mention.start)
    if before is None or before.group(1).startswith("ال") or _honorific(before.group(1)):
        return mention  # the knowledge base also writes "الملك سلمان ...": a title, not the name
    if not kb.index.exact(f"{before.group(1)} {mention.text}", "PER"):
        return mention
    return replace(mention, start=before.start(1), text=text[before.start(1) : mention.end])


def _titled_exact(text: str, mention: Mention, kb: KnowledgeBase) -> str | None:
    """The person a lone name with its title is in the knowledge base: "في عهد الملك سلمان"
    (the knowledge base writes الملك سلمان), not any سلمان of the article."""
    if mention.type != "PER" or " " in mention.text:
        return None
    before = _WORD_BEFORE_RE.search(text, max(0, mention.start - 20), mention.start)
    title = _title_text(before.group(1)) if before is not None else ""
    if not _honorific(title):
        return None  # ("والملك سلمان", "للملك سلمان": the title without و or ل)
    found = kb.index.exact(f"{title} {mention.text}", "PER")
    return min(found) if len(found) == 1 else None


def _name_of(mention: Mention) -> tuple[str, ...]:
    """The words of a mention's name, honorifics in front removed (الأمير محمد → محمد)."""
    words = name_words(mention.text)
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return words


def _kind_named(cluster: Cluster) -> bool:
    """Whether an organization's cluster holds its name after its kind (نادي نيس: its short
    name نيس then names no city)."""
    return any(len(words) > 1 and words[0] in ORG_KINDS for words in cluster.names)


def _own_name(words: tuple[str, ...]) -> tuple[str, ...]:
    """An organization's name without its kind before it (نادي الفتح → الفتح, شركة أرامكو →
    أرامكو): only to match its other mentions, never the knowledge base (نادي روما is no city)."""
    return words[1:] if len(words) > 1 and words[0] in ORG_KINDS else words


def _kb_exact(text: str, words: tuple[str, ...], entity_type: EntityType, kb: KnowledgeBase) -> str | None:
    found = kb.index.exact(text, entity_type) or kb.index.exact(" ".join(words), entity_type)
    if not found and entity_type == "PER" and len(words) > 4 and _FAMILY_RE.fullmatch(" ".join(words[-2:])):
        # "محمد بن نايف بن عبدالعزيز آل سعود": the royal named with his house, known without it
        found = kb.index.exact(" ".join(words[:-2]), entity_type)
    return min(found) if found else None


_FAMILY_RE = re.compile(r"[اآأ]ل \S+")


#: A lone word links to a knowledge-base person it does not spell exactly only when it is this
#: long, and without ال: shorter ones are other names (سلمان is not سليماني, nor السليمان; the
#: coach جوتيريز is not the secretary-general غوتيريش).
MIN_FUZZY_PERSON_LETTERS = 8


def _names_a_city(text: str, words: tuple[str, ...], entity_type: EntityType, kb: KnowledgeBase) -> bool:
    """A body named as a city alone is its club or paper (برشلونة, ليفربول, «الرياض»; «الشرق
    الأوسط», a region), never the place; a country named as a body (الهند for its government) is
    still the country."""
    if entity_type != "ORG":
        return False
    if fold(text) in PLACE_OUTLETS:
        return True  # «الشرق الأوسط»: the paper
    if len(words) != 1:
        return False
    found = _kb_exact(text, words, entity_type, kb)
    return found is not None and kb.sources.get(found) == "geonames"


def _kb_lookup(text: str, words: tuple[str, ...], entity_type: EntityType, kb: KnowledgeBase) -> str | None:
    found = _kb_exact(text, words, entity_type, kb)
    if not found and len(words) == 1 and kind(entity_type) != "PER" and not words[0].startswith("ال"):
        # كونغرس, يمن: a country's or a curated body's name without its ال (a city's is not:
        # شهداء is no الشهداء, سان no السان)
        found = _kb_exact("ال" + text, ("ال" + words[0],), entity_type, kb)
        if found and kb.sources.get(found, "geonames") == "geonames":
            found = None
    lone_person = len(words) == 1 and entity_type == "PER"
    if found or (lone_person and (len(words[0]) < MIN_FUZZY_PERSON_LETTERS or words[0].startswith("ال"))):
        return found  # an Arabic family name (السليمان) is not spelled like a foreign one (سليماني)
    return kb.index.find(" ".join(words), entity_type)


def _in_article(
    words: tuple[str, ...],
    entity_type: EntityType,
    clusters: list[Cluster],
    ordered: Sequence[Mention],
    owner: dict[int, Cluster],
    index: int,
) -> Cluster | None:
    """The cluster of this article the name belongs to: same name, a variant, or a part of it."""
    candidates: list[Cluster] = []
    initials = _initials(words)
    for cluster in clusters:
        if kind(cluster.type) != kind(entity_type) or not initials & cluster.initials or cluster.namesake:
            continue  # no word of the name starts like a word of the cluster's names
        if any(_same_name(words, other, entity_type) for other in cluster.names):
            return cluster
        if entity_type == cluster.type == "ORG" and _own_name(words) in {_own_name(o) for o in cluster.names}:
            return cluster  # نادي إنبي, then إنبي
        if any(_part_of(words, other, entity_type) for other in cluster.names):
            candidates.append(cluster)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # Two people share the part (two Mohammeds): the nearest one named before it, else after.
    position = ordered[index].start
    nearest = sorted(
        candidates,
        key=lambda c: min(
            (position - ordered[i].start if ordered[i].start <= position else 10**9 + ordered[i].start)
            for i, owned in owner.items()
            if owned is c
        ),
    )
    return nearest[0]


def _namesake_cluster(words: tuple[str, ...], clusters: list[Cluster]) -> Cluster:
    """The cluster of the club or paper of this city's name, new if the article has not named it."""
    found = next((c for c in clusters if c.namesake and words in c.names), None)
    if found is None:
        found = Cluster("ORG", namesake=True)
        clusters.append(found)
    return found


def _initials(words: tuple[str, ...]) -> set[str]:
    """The first sound of each word: spellings of one word share it (a cheap pre-filter)."""
    return {skeleton(word)[:1] for word in words}


def _same_name(a: tuple[str, ...], b: tuple[str, ...], entity_type: EntityType) -> bool:
    if a == b or "".join(a) == "".join(b):
        return True  # written apart or together: أبو طالب / أبوطالب
    if len(a) == 1 and len("".join(a)) < 5:
        return False  # a short single word: exact only (عمر / عمرو)
    if kind(entity_type) == "PER":
        return name_similarity(a, b) >= NAME_MATCH
    if len(a) == len(b) == 1:  # يونان / اليونان, not بيوتي / بيروت
        return "ال" + a[0] == b[0] or a[0] == "ال" + b[0] or foreign_spelling(a[0], b[0])
    return spellings_of_a_place(a, b)


def _part_of(part: tuple[str, ...], whole: tuple[str, ...], entity_type: EntityType) -> bool:
    """A surname or first name of a person (ستولتنبرغ of ينس ستولتنبرغ), or the first words of
    an organization's name (حكومة الوفاق of حكومة الوفاق الوطني)."""
    if len(part) >= len(whole):
        return False
    if entity_type == "PER" and len(part) == 1 and len(whole) >= 3 and part[0] == "".join(whole[-2:]):
        return True  # أبوطالب of موفق أبو طالب
    if entity_type == "PER" and len(part) == 2 and part[0] == "ال" and whole[-2:] == part:
        return True  # آل الشيخ of عبدالله بن عبدالملك آل الشيخ: the family name alone
    if entity_type == "PER":
        # محمد بن سلمان is محمد, never سلمان: after بن comes the father's name; but a family name
        # with ال closes the chain (السند of عبدالرحمن بن عبدالله السند).
        patronymic = "بن" in whole[1:]
        tails = [whole[: len(part)]] if patronymic else [whole[-len(part) :], whole[: len(part)]]
        # ... and so does a word after one father's name (زواوي of حسام بن مأمون زواوي)
        family = (
            not patronymic or (whole[-1].startswith("ال") and whole[-2] != "بن") or whole[-3:-2] == ("بن",)
        )
        if patronymic and family and len(part) == 1:
            tails.append(whole[-1:])
        if len(part) in (2, 3) and len(whole) > len(part) and family and (len(part) == 2 or part[1] == "ال"):
            # first and family name: فائز الدباغ of فائز مرعي الدباغ, مبارك الخييلي of مبارك بن سعيد
            # الخييلي, عبدالعزيز آل الشيخ of عبدالعزيز بن عبدالله آل الشيخ
            tails.append((whole[0], *whole[1 - len(part) :]))
        return any(
            all(word_similarity(x, y) >= WORD_MATCH for x, y in zip(part, t, strict=True)) for t in tails
        )
    return len(part) >= 2 and whole[: len(part)] == part


def _cluster_ids(clusters: list[Cluster], kb: KnowledgeBase) -> dict[int, str]:
    """A KB id, or a corpus id made from the cluster's fullest name (stable across runs)."""
    ids: dict[int, str] = {}
    for cluster in clusters:
        ids[id(cluster)] = cluster.kb_id or corpus_id(cluster.type, " ".join(cluster.fullest))
    return ids


def corpus_id(entity_type: str, name: str) -> str:
    """The id of an entity the knowledge base does not hold: its type and romanized name key.

    >>> corpus_id("PER", "نايف البكري")
    'per:nayf-al-bkri'
    """
    return f"{entity_type.lower()}:{slug(name_key(name))}"


def _entity(cluster: Cluster, entity_id: str, kb: KnowledgeBase, day: str | None) -> Entity:
    known = kb.entities.get(cluster.kb_id) if cluster.kb_id else None
    variants = tuple(dict.fromkeys(cluster.surfaces))
    learned = tuple(Role(title, day, day) for title in dict.fromkeys(cluster.titles))
    if known:
        return replace(known, variants=variants, roles=(*known.roles, *learned))
    uses = Counter(cluster.surfaces)
    surface = max(cluster.surfaces, key=lambda s: (len(name_words(s)), uses[s]))
    return Entity(
        id=entity_id,
        name=surface,
        type=cluster.type,
        variants=variants,
        english=kb.english_name(surface),
        roles=learned,
    )


# -- titles --------------------------------------------------------------------------------


def _learn_titles(text: str, ordered: Sequence[Mention], owner: dict[int, Cluster]) -> None:
    """Titles written right before or after a person's name become that person's titles."""
    # A title may hold an organization's name (…لحلف شمال الأطلسي), not another person's: the
    # end of the last person's name before each mention, the start of the next one's after it.
    previous_ends = list(accumulate((m.end if m.type == "PER" else 0 for m in ordered), max))
    starts = (m.start if m.type == "PER" else len(text) for m in reversed(ordered))
    following_starts = list(accumulate(starts, min))[::-1]
    for index, cluster in owner.items():
        if cluster.type != "PER":
            continue
        mention = ordered[index]
        previous_end = previous_ends[index - 1] if index else 0
        following = following_starts[index + 1] if index + 1 < len(ordered) else len(text)
        for title in (
            _title_before(text, max(previous_end, mention.start - 120), mention.start),
            _title_after(text, mention.end, min(following, mention.end + 100)),
        ):
            if title:
                cluster.titles.append(title)


def _forget_titles_of_others(clusters: list[Cluster], kb: KnowledgeBase, day: str | None) -> None:
    """A title the knowledge base gives another person that day, and never gave this known one,
    is not this one's: in "هنأ الرئيس الفرنسي الأمير محمد بن سلمان" the French president is the
    subject. People the knowledge base does not know keep what the article gave them: its titles
    without a country (وزير الدفاع) are one country's, an article's may be another's."""
    for cluster in clusters:
        known = kb.entities.get(cluster.kb_id) if cluster.kb_id and day else None
        if known is None:
            continue
        own = [set(title_words(role.title)) for role in known.roles]
        cluster.titles = [
            title
            for title in cluster.titles
            if kb.holder(title_words(title), day) in (None, cluster.kb_id)
            or any(set(title_words(title)) <= words for words in own)
        ]


def _title_before(text: str, floor: int, start: int) -> str | None:
    """The title that ends right before `start`, from its farthest head word."""
    window = text[floor:start]
    if _LIST_AND_RE.search(window):
        return None  # "مساعد الزويهري رئيس النادي و عبد المعطي كعكي": the title is the one before's
    cut = max((m.end() for m in _BOUNDARY.finditer(window)), default=0)
    words = list(_WORD.finditer(window, cut))
    while words and _honorific(words[-1].group()):
        words.pop()
    words = words[-MAX_TITLE_WORDS:]
    clause = [i for i, word in enumerate(words) if _word_key(word.group()) in _CLAUSE_WORDS]
    words = words[clause[-1] + 1 :] if clause else words
    while words and _stray_letter(words[-1].group()):
        words.pop()  # "الرئيس التنفيذي لـ«روتانا»": the preposition of a name in marks
    for i, word in enumerate(words):
        if _is_head(word.group()) and len(words) - i >= 2 and not _royal_name(words, i):
            return _title_text(window[word.start() : words[-1].end()])
    return None


def _stray_letter(word: str) -> bool:
    """A preposition written alone before a name in marks (لـ«روتانا», بـ"الوطن")."""
    return len(word.replace("ـ", "")) < 2


def _royal_name(words: list[re.Match[str]], i: int) -> bool:
    """Whether a king's or prince's title starts a name there ("مركز الملك سلمان للإغاثة")."""
    return fold(words[i].group()) in ("الملك", "الامير") and not fold(words[i + 1].group()).startswith("ال")


def _honorific(word: str) -> bool:
    """A rank or honorific written before a name, or before the next name of a list (والدكتور)."""
    key = name_key(word)
    return key in _ADDRESS_WORDS or (key.startswith("و") and key[1:] in _ADDRESS_WORDS)


def _title_text(title: str) -> str:
    """A title as a role reads, without the conjunction or preposition written on its head
    ("والرئيس اليمني", "للناطق الإعلامي", "لرئيس الأركان")."""
    for clitics, keep in (
        ("ولل", "ال"),
        ("لل", "ال"),
        ("وال", "ال"),
        ("بال", "ال"),
        ("و", ""),
        ("ل", ""),
        ("ب", ""),
    ):
        rest = title[len(clitics) :]
        if title.startswith(clitics) and rest and _is_head(keep + rest.split()[0]):
            return keep + rest
    return title


def _title_after(text: str, end: int, ceiling: int) -> str | None:
    """A title set off after the name: "عادل الجبير، وزير الخارجية السعودي،"."""
    window = text[end:ceiling]
    if not window.startswith(("،", ",")):
        return None
    stop = _BOUNDARY.search(window, 1)
    words = list(_WORD.finditer(window, 1, stop.start() if stop else len(window)))[:MAX_TITLE_WORDS]
    clause = [i for i, word in enumerate(words) if _word_key(word.group()) in _CLAUSE_WORDS]
    words = words[: clause[0]] if clause else words
    if words and _conjoined(words[0].group()):
        return None  # "أنور السادات، والرئيس اليمني الجنوبي سالم ربيع علي": the next in a list
    while words and (_honorific(words[-1].group()) or _stray_letter(words[-1].group())):
        words.pop()
    if len(words) >= 2 and _is_head(words[0].group()):
        return _title_text(window[words[0].start() : words[-1].end()])
    return None


_word_key = lru_cache(maxsize=200_000)(search_key)  # the words around titles recur across articles


def _another_country(key: str) -> bool:
    """A folded word after a title that makes it another country's: a nisba adjective
    (الإماراتي, الأمريكية), not one of time or rank (الحالي, الثاني)."""
    return key.startswith("ال") and key.endswith(("ي", "يه")) and len(key) > 5 and key not in _NOT_COUNTRIES


# ... and one who held it then ("ولي العهد آنذاك"): not the holder on the article's date either.
_FORMER = frozenset(
    fold(w) for w in ("السابق", "السابقة", "الأسبق", "الأسبقة", "سابقا", "آنذاك", "حينها", "وقتها", "حينذاك")
)
# The office itself, held by whoever held it then ("كان الملك فهد يشغل منصب وزير الداخلية"), or a
# cup or prize named after it ("كأس ولي العهد").
_OFFICE_BEFORE_RE = re.compile(r"(?<!\w)[وبل]?(?:ال)?(?:منصب|منصبي|حقيبة|كأس|كاس|بطولة|جائزة)\s+$")
_NOT_COUNTRIES = frozenset(fold(w) for w in ("الحالي", "الحالية", "الثاني", "الثانية", "الفعلي", "الحكومي"))


def _conjoined(word: str) -> bool:
    """A title's head after the conjunction و (والرئيس, ووزير; not وزير or ولي)."""
    return word.startswith("و") and _is_head(word[1:])


@lru_cache(maxsize=20_000)
def _is_head(word: str) -> bool:
    """A word that begins a title, as written with its clitics (للرئيس, والوزيرة): not a word of
    the same stem (الملكي, مديريات, قائده, محافظة: an adjective, a plural, a pronoun, a
    governorate)."""
    key = fold(word)
    return any(key.startswith(p) and key[len(p) :] in TITLE_HEADS for p in _HEAD_PROCLITICS)


def _title_mentions(
    text: str,
    mentions: list[Mention],
    clusters: list[Cluster],
    ids: dict[int, str],
    kb: KnowledgeBase,
    day: str | None,
    *,
    known_only: bool = False,
) -> list[Mention]:
    """Mentions for titles standing alone for a person named by the article or the KB (not the
    KB when `known_only`)."""
    known: dict[TitleWords, str] = {}
    for cluster in clusters:
        for title in cluster.titles:
            known.setdefault(kb.titles.canonical(title_words(title)), ids[id(cluster)])
    return standalone_titles(
        text,
        mentions,
        kb.titles,
        lambda words: known.get(words) or (None if known_only else kb.holder(words, day)),
    )


def standalone_titles(
    text: str, mentions: Sequence[Mention], titles: TitleBook, holder: Callable[[TitleWords], str | None]
) -> list[Mention]:
    """PER mentions for titles ("الأمين العام للحلف") that `holder` names a person for, where
    they stand alone: not inside a mention and not followed by the name they introduce."""
    taken = [(m.start, m.end) for m in mentions]
    named = {m.start: m.entity for m in mentions}
    people = sorted((m.start, m.end, m.entity or "") for m in mentions if m.type == "PER")
    found: list[Mention] = []
    resume = 0
    # Only words that may begin a title are looked at (a regex in C finds them), each with
    # the few words after it.
    for head in _HEAD_RE.finditer(text):
        start = head.start()
        if start < resume or not _is_head(text[start : head.end()]):
            continue
        words = islice(_WORD.finditer(text, start, min(len(text), start + 160)), MAX_TITLE_WORDS)
        tokens = [(w.start(), w.end(), _word_key(w.group())) for w in words]
        hit = _longest_title(text, _before_boundary(text, tokens), titles, holder)
        if hit is None:
            continue
        end, entity_id, size = hit
        after = fold(text[tokens[size][0] : tokens[size][1]]) if size < len(tokens) else ""
        if (
            _another_country(after)
            or after in _FORMER
            or _OFFICE_BEFORE_RE.search(text, max(0, start - 12), start)
        ):
            # "وزير الخارجية الإماراتي", "وزير الدفاع السابق", "منصب وزير الداخلية": not our holder
            resume = end
            continue
        next_start = tokens[size][0] if size < len(tokens) else len(text)
        followed_by_name = any(s == next_start or (end <= s <= end + 2) for s, _ in taken)
        followed_by_name = followed_by_name or _named_after_address(text, tokens, size, named, entity_id)
        inside = any(s < end and start < e for s, e in taken)
        if not (followed_by_name or inside or _beside_its_holder(text, people, start, end, entity_id)):
            # لولي العهد names ولي العهد; للرئيس (ل + الرئيس) keeps its letters, no word is left whole
            merged = head.group(2) or text[head.start() : head.start(1)].endswith("لل")
            begin = head.start() if merged else head.start(1)
            found.append(Mention(begin, end, text[begin:end], "PER", entity_id))
        resume = end
    return found


# Words of titles between a name and another of its titles: no sentence ends, no quotation.
_APPOSITION_GAP_RE = re.compile(r"[\s،,–-]*(?:[^\s.!?؟:؛«»\"“”()\n]+[\s،,]+){0,8}")


def _beside_its_holder(
    text: str, people: list[tuple[int, int, str]], start: int, end: int, entity_id: str
) -> bool:
    """Whether the title at `start:end` describes the name of its holder written just before or
    after it, as an apposition ("الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس
    الوزراء وزير الدفاع", "علاء عبد الصادق، مدير قطاع الكرة", "ولي ولي العهد النائب الثاني لرئيس
    مجلس الوزراء وزير الدفاع الأمير محمد بن سلمان"): not another mention of the person."""
    after = bisect_left(people, (end, 0, ""))
    following = people[after] if after < len(people) else None
    if following and following[2] == entity_id and _APPOSITION_GAP_RE.fullmatch(text, end, following[0]):
        return True
    before = after - 1
    while before >= 0 and people[before][1] > start:
        before -= 1
    return (
        before >= 0
        and people[before][2] == entity_id
        and _APPOSITION_GAP_RE.fullmatch(text, people[before][1], start) is not None
    )


def _named_after_address(
    text: str, tokens: list[tuple[int, int, str]], size: int, named: dict[int, str | None], entity_id: str
) -> bool:
    """Whether the title's holder is named after ranks or forms of address: any rank ("رئيس مجلس
    الإدارة المهندس منصور القحطاني"), or a prince's or president's address when the name is the
    holder's own ("وزير الدفاع الأمير محمد بن سلمان"; in "وهنأ الرئيس الفرنسي الأمير محمد بن
    سلمان" the prince is another)."""
    ranks_only = True
    while size < len(tokens) and _honorific(text[tokens[size][0] : tokens[size][1]]):
        ranks_only = ranks_only and name_key(text[tokens[size][0] : tokens[size][1]]) in _RANKS
        size += 1
    if size == len(tokens) or tokens[size][0] not in named:
        return False
    return ranks_only or named[tokens[size][0]] == entity_id


def _before_boundary(text: str, tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The tokens before the first punctuation after the first one: a title does not cross it."""
    boundary = _BOUNDARY.search(text, tokens[0][0], tokens[-1][1]) if tokens else None
    return tokens if boundary is None else [t for t in tokens if t[1] <= boundary.start()]


def _longest_title(
    text: str,
    tokens: list[tuple[int, int, str]],
    titles: TitleBook,
    holder: Callable[[TitleWords], str | None],
) -> tuple[int, str, int] | None:
    for size in range(min(MAX_TITLE_WORDS, len(tokens)), 1, -1):
        span = tokens[:size]
        if size < len(tokens) and _construct(text[span[-1][0] : span[-1][1]]):
            continue  # "رئيس مجلس إدارة شركة هيونداي": إدارة governs the next word, the title goes on
        entity_id = holder(titles.canonical(tuple(k for _, _, k in span if k not in TITLE_FILLER)))
        if entity_id:
            return span[-1][1], entity_id, size
    return None


def _construct(word: str) -> bool:
    """Whether a title's word is a noun in construct, which the next word completes: no article
    (ال, or ل merged with it), not an adjective of relation (الأمريكي) nor a preposition (باسم)."""
    key = fold(word)
    definite = key[:2] in ("ال", "لل") or key[1:3] == "ال"
    return not (definite or key.endswith("ي") or key in TITLE_FILLER)


def resolve_title(article: Article, title: str, kb: KnowledgeBase | None = None) -> str | None:
    """The entity id a title stands for in `article` ("المتحدثة باسم الخارجية الروسية"): the
    person the article itself names with that title, else whoever held it on the article's date
    according to the knowledge base; None when unknown or ambiguous. For other stages (quotes).
    """
    kb = kb or load_knowledge_base()
    words = kb.titles.canonical(title_words(title))
    for entity in article.entities.values():
        for role in entity.roles:
            if kb.titles.canonical(title_words(role.title)) == words and role.since == role.until:
                return entity.id
    day = article.reference_at.date().isoformat() if article.reference_at else None
    return kb.titles.holder(words, day)


class LinkStage:
    name: ClassVar[str] = "linking"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "mentions"})
    provides: ClassVar[frozenset[str]] = frozenset({"mentions", "entities"})

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> LinkStage:
        return cls(load_knowledge_base())

    def __call__(self, article: Article) -> Article:
        day = article.reference_at.date().isoformat() if article.reference_at else None
        mentions, entities = link_mentions(article.text, article.mentions, self.kb, day)
        return replace(article, mentions=tuple(mentions), entities=entities)
