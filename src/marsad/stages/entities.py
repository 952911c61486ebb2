"""The `entities` stage: named-entity mentions (PER, ORG, LOC, MISC) in an article's text.

The tagger labels whole tokens, clitics included (ANERcorp's convention); a mention's span then
drops the proclitics that are not part of the name (بالناتو → الناتو, لستولتنبرغ → ستولتنبرغ,
وفايز → فايز) while names that begin with the same letters keep them (بغداد, واشنطن, لبنان), and
so does a rare name right after the noun or title it follows in apposition (مدينة ولنجتون, المدرب
الروماني لازولو).
Known names the tagger never learned (داعش, الحوثيين, التحالف العربي: `marsad.ner.known`) are
added where no mention of the tagger's lies, or in place of the tagger's shorter part of one
(الأطلسي of حلف شمال الأطلسي); so is "المملكة" alone where it names Saudi Arabia
(`marsad.ner.kingdom`), a football club's name in a sports article (`marsad.ner.clubs`) and the
holy sites in a Hajj article (`marsad.ner.holy_sites`). Two
names the gazetteer lists joined by و (سويسرا ولندن), which the tagger reads as one, become two
mentions; a body or place named after a king, a prince or a place is one name with its head noun
(مستشفى الملك خالد التخصصي, مطار القاهرة الدولي), not the person or place inside. A place the
tagger found once is tagged where the article writes it again (the tagger reads one sentence at a
time), and so is a person's family name. The given name علي, which the tagger (reading ى as ي)
takes for the preposition على, is put back before the name it starts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import ClassVar

from marsad.arabic.calendar import HIJRI_MONTHS
from marsad.arabic.cues import TITLE_HEADS
from marsad.arabic.datelines import BYLINE_RE
from marsad.arabic.keys import fold
from marsad.arabic.names import is_arabic_given_name
from marsad.model import Article, EntityType, Mention
from marsad.ner.bodies import HEADS as BODY_HEADS
from marsad.ner.bodies import body_spans
from marsad.ner.clubs import AMBIGUOUS_CLUBS, CLUBS, about_sports, club_spans
from marsad.ner.conll import spans
from marsad.ner.gazetteer import Gazetteer
from marsad.ner.holy_sites import about_hajj, site_spans
from marsad.ner.kingdom import saudi_outlet, the_kingdom_is_saudi
from marsad.ner.known import KnownNames
from marsad.ner.outlets import QUOTED_OUTLETS, TOWN_OUTLETS
from marsad.ner.tokens import PROCLITICS, Token, folded_words, lookup_form, sentences, strip_clitics
from marsad.ner.usual_places import PLACE_CLITICS
from marsad.ner.usual_places import load as load_usual_places
from marsad.settings import Settings

TagSentences = Callable[[Sequence[Sequence[str]]], list[list[str]]]
IsName = Callable[[tuple[str, ...]], bool]
IsPlace = Callable[[tuple[str, ...]], bool]

# Clitics a name can carry (tokens.PROCLITICS plus فبال); ال itself is kept (الناتو), so only the
# letters before it go.
_DROPPABLE = tuple(sorted({*PROCLITICS, "فبال"} - {"ال"}, key=len, reverse=True))


def find_mentions(
    text: str,
    tag: TagSentences,
    frequency: Callable[[str], float],
    known: KnownNames | None = None,
    *,
    saudi_source: bool = False,
    names: IsName | None = None,
    places: IsPlace | None = None,
    usual_places: dict[str, int] | None = None,
) -> list[Mention]:
    """Mentions in `text`, tagged sentence by sentence; `frequency(form)` tells how common a
    word is in news (0 when unknown), which decides whether a leading letter is a clitic;
    `saudi_source`: the article comes from a Saudi outlet ("المملكة" is then Saudi Arabia);
    `names(forms)`: whether the gazetteer lists a name (two joined by و are split);
    `places(forms)`: whether it lists a place of those words (one word: tagged once, it is tagged
    throughout; the gazetteer's whole names: "جنوب أفريقيا" where the tagger took أفريقيا);
    `usual_places`: words tagged as places wherever they stand free, each with the letters of its
    clitics (`marsad.ner.usual_places`)."""
    groups = sentences(text)
    tags = iter(tag([[t.text for t in group] for group in groups]))
    return _all_mentions(text, groups, tags, frequency, known, saudi_source, names, places, usual_places)


def _all_mentions(
    text: str,
    groups: list[list[Token]],
    tags: Iterator[list[str]],
    frequency: Callable[[str], float],
    known: KnownNames | None,
    saudi_source: bool,
    names: IsName | None,
    places: IsPlace | None = None,
    usual_places: dict[str, int] | None = None,
) -> list[Mention]:
    tagged = _mentions(text, groups, tags, frequency, places)
    if names is not None:
        tagged = [part for mention in tagged for part in _coordinated(mention, names, frequency, places)]
    tokens = [token for group in groups for token in group]
    found = _with_known(text, groups, _whole_places(text, tokens, tagged, places), known)
    found = _competitions(text, tokens, found)
    found = _with_holy_sites(text, groups, found)
    found = _with_places_again(text, groups, found, places)
    found = _with_facilities(text, groups, found, names)
    found = _with_quoted_outlets(text, found)
    found = _with_clubs(text, groups, found)
    found = [_club_not_place(text, _person_titled(text, mention)) for mention in found]
    found = [_club_by_its_country(text, mention, known) for mention in found]
    found = _with_bodies(text, groups, found)
    found = _bodies_again(text, found)
    found = _departments_in_towns(text, found, places)
    found = _with_usual_places(text, groups, found, usual_places or {})
    found = _where_free(found, _khobar(text))
    found = _dateline_places(text, found, places)
    found = _with_family_names(text, groups, found, known)
    found = _with_surnames_again(text, groups, found, frequency)
    found = _with_ali(text, groups, found, known)
    found = [_company_not_person(text, mention) for mention in found]
    found = [_without_descriptor(mention, names) for mention in found]
    found = [_without_told(_without_rank(_without_blessing(mention))) for mention in found]
    found = [part for mention in found for part in _kin_apart(mention)]
    found = _with_ibn(text, found)
    found = [mention for mention in found if fold(mention.text.rstrip("\u064b")) not in _ORDINALS]
    found = _without_months(found)
    found = [part for mention in found for part in _without_latin_words(mention)]
    found = [
        m
        for m in found
        if not _describes_a_town(text, m, frequency, places) and not _predicate(text, m, frequency)
    ]
    found = _with_the_kingdom(text, groups, found, saudi_source)
    found = _joined_names(text, _without_set_phrases(text, _without_pronouns(_outside_links(text, found))))
    return [_with_place_qualifier(text, _with_rare_nisba(text, m, frequency, known)) for m in found]


# A Latin word at a name's edge that names nothing: lowercase (markup, "the first") or the
# furniture of a page's links.
_NO_NAME_LATIN = r"(?:[a-z][a-z.-]*|Next|Previous|Share|Tweet|More)"
_LATIN_EDGE_RE = re.compile(rf"^(?:{_NO_NAME_LATIN}\s+)+|(?:\s+{_NO_NAME_LATIN})+$")
_LATIN_ONLY_RE = re.compile(rf"{_NO_NAME_LATIN}(?:\s+{_NO_NAME_LATIN})*")


# A title with ال or a pronoun, then a name in marks: 'مدربه "الفارو غوتيريز"' (in apposition,
# the person; "مدرب «الهلال»" is the club's coach).
_TITLED_IN_MARKS_RE = re.compile(r"(?:ال(\w+)|(\w+?)(?:ه|ها|هم))\s*[«\"“]\s*$")


def _person_titled(text: str, mention: Mention) -> Mention:
    """A name in marks after a person's title is a person's (the tagger reads quoted names as
    bodies)."""
    if mention.type not in ("ORG", "MISC"):
        return mention
    before = _TITLED_IN_MARKS_RE.search(fold(text[max(0, mention.start - 20) : mention.start]))
    title = before and (before.group(1) or before.group(2))
    return replace(mention, type="PER") if title and title in TITLE_HEADS else mention


def _company_not_person(text: str, mention: Mention) -> Mention:
    """A family's name right after an indefinite company's word names the company: "شركة الشمسان
    لتنظيم المعارض", "مجموعة بن لادن" (but "للشركة هزاع العتيبي": a person in apposition; and
    "مؤسسه حسن البنا", with ه, is its founder)."""
    before = _WORD_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
    if mention.type != "PER" or before is None or before[1].endswith("ه"):
        return mention
    form = lookup_form(before[1])
    company = strip_clitics(form)[1] in _COMPANIES and not _is_definite(form)
    return replace(mention, type="ORG") if company else mention


_COMPANIES = folded_words("شركة شركات مجموعة مؤسسة مؤسسات مصنع مصانع مصرف بنك")
_TOWN_HEADS = folded_words("مدينة بلدة قرية عاصمة")
# A word written more than once in 7,000 words of news (`Tagger.word_frequency` scale).
_COMMON_ADJECTIVE = 150.0


def _describes_a_town(
    text: str, mention: Mention, frequency: Callable[[str], float], places: IsPlace | None
) -> bool:
    """Whether a word tagged a place after مدينة/قرية is the adjective of a town unnamed ("في مدينة
    كبيرة", "مدينة يونانية"): a common word, with ال as often (الكبيرة), that no list holds as a
    place (عنيزة, بريدة are never written العنيزة; مروة, in Cameroon, is seldom written)."""
    if mention.type != "LOC" or " " in mention.text:
        return False
    before = _WORD_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
    form = lookup_form(mention.text)
    if before is None or lookup_form(before[1]) not in _TOWN_HEADS or (places and places((form,))):
        return False
    # a nisba (يونانية) from its ending, another adjective (كبيرة, not مروة) from its uses
    return _common_adjective(form, frequency, _COMMON_NAME if form.endswith("يه") else _COMMON_ADJECTIVE)


def _common_adjective(form: str, frequency: Callable[[str], float], least: float) -> bool:
    """Whether news writes a word at least `least` often and with ال as often (a fifth of its uses
    or more): an adjective or a common noun (كبيرة / الكبيرة), not a name (عنيزة, هتلر)."""
    return frequency(form) >= least and frequency("ال" + form) >= 0.2 * frequency(form)


def _without_latin_words(mention: Mention) -> list[Mention]:
    """A mention without the Latin words at its edges that name nothing ("Previous محمود نديم":
    محمود نديم); none when it is all such words ("Next Previous", "radius", "the first")."""
    if not re.search("[A-Za-z]", mention.text):
        return [mention]
    if _LATIN_ONLY_RE.fullmatch(mention.text):
        return []
    head = _LATIN_EDGE_RE.match(mention.text)
    start = head.end() if head else 0
    tail = _LATIN_EDGE_RE.search(mention.text, start)
    end = tail.start() if tail and tail.start() > start else len(mention.text)
    if (start, end) == (0, len(mention.text)):
        return [mention]
    return [Mention(mention.start + start, mention.start + end, mention.text[start:end], mention.type)]


def _without_months(mentions: list[Mention]) -> list[Mention]:
    """`mentions` without the Hijri months the tagger read as people ("أشهر ربيع ثان ورجب
    ورمضان"): a month's name alone is a person's only where a longer name of the article holds
    it (رجب طيب أردوغان ... قال رجب)."""
    months = [m for m in mentions if fold(m.text) in HIJRI_MONTHS]
    if not months:
        return mentions
    in_names = {word for m in mentions if len(words := fold(m.text).split()) > 1 for word in words}
    return [m for m in mentions if m not in months or fold(m.text) in in_names]


# ابن right before a name, its clitic outside: "تأثر بابن رشد", "كتب لابن عثيمين".
_IBN_BEFORE_RE = re.compile(r"(?<![^\W\d_])[وفبل]{1,2}(ابن) $")


def _with_ibn(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the ابن the tagger left out of a name for the clitic on it (بابن رشد:
    ابن رشد, as it takes it whole when bare)."""
    found = []
    for mention in mentions:
        before = _IBN_BEFORE_RE.search(text, max(0, mention.start - 8), mention.start)
        if mention.type == "PER" and before is not None:
            start = before.start(1)
            mention = Mention(start, mention.end, text[start : mention.end], "PER", mention.entity)
        found.append(mention)
    return found


# A relative named by his kinship alone is no name.
_KIN_WORDS = folded_words("خال خالة عم عمة والد والدة شقيق شقيقة ابن ابنة زوج زوجة جد جدة نجل")
_KIN_RE = re.compile(r"\s+نجل[يةه]?\s+|\s+نجل[يةه]?$")
# "نجل" opening the tagger's name: the son unnamed, the words after him his father's name or a
# noun ("نجل الشهيد", "نجل أبن عم الرئيس").
_KIN_FIRST_RE = re.compile(r"نجل[يةه]?\s+(?:[أا]بن\s+)?")
_NO_FATHERS = folded_words("الشهيد الفقيد الراحل المتوفى المواطن الضحية الرئيس الملك الأمير الشيخ عم خال")


def _kin_apart(mention: Mention) -> list[Mention]:
    """A person's name the tagger ran through "نجل" (the son of) into his father's ("عبد الله نجل
    علي", "أحمد نجل"): the son, then the father when he is named; none when a kinship word is all
    there is ("وكشف خال الطفلة")."""
    if mention.type == "PER" and fold(mention.text) in _KIN_WORDS:
        return []
    first = _KIN_FIRST_RE.match(mention.text) if mention.type == "PER" else None
    if first is not None:
        rest = mention.text[first.end() :]
        if not rest or fold(rest.split()[0]) in _NO_FATHERS:
            return []
        return [Mention(mention.start + first.end(), mention.end, rest, "PER")]
    found = _KIN_RE.search(mention.text) if mention.type == "PER" else None
    if found is None or found.start() == 0:
        return [mention]
    son = Mention(mention.start, mention.start + found.start(), mention.text[: found.start()], "PER")
    if found.end() == len(mention.text):
        return [son]
    start = mention.start + found.end()
    return [son, Mention(start, mention.end, mention.text[found.end() :], "PER")]


def _without_told(mention: Mention) -> Mention:
    """A person's name without the one told written after it with ل + ال ("وقال سعود للجنة",
    "كيري للكونجرس") or an accusative with its tanween ("وعزام البكر سادساً", "علي اليوسف
    أميناً"): no name has a word beginning لل, nor ends in one so inflected."""
    words = mention.text.split()
    tail = words[-1] if mention.type == "PER" and len(words) > 1 else ""
    if not (tail.startswith("لل") or tail.endswith(_ACCUSATIVE_ENDINGS)):
        return mention
    text = mention.text[: len(mention.text) - len(words[-1])].rstrip()
    return Mention(mention.start, mention.start + len(text), text, mention.type, mention.entity)


# Tanween of the accusative, as written: no name in news ends in it after its first word.
_ACCUSATIVE_ENDINGS = ("اً", "ًا")
# Places in a ranking, which the tagger reads as a name after one: "وعزام البكر سادساً".
_ORDINALS = folded_words("أولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا أخيرا")


# Words of a military rank that the tagger takes into the name after it: "اللواء طيار ركن يوسف
# الحربي", "العميد بحري محمد الزهراني".
_RANK_WORDS = folded_words("بحري طيار ركن الركن جوي مظلي")


_TITLES_AFTER_AND = frozenset(fold(w) for w in ("ولي", "ووزير", "ورئيس", "وأمير", "ونائب"))


def _without_rank(mention: Mention) -> Mention:
    words = mention.text.split()
    if mention.type == "PER" and len(words) > 2 and fold(words[-1]) in _TITLES_AFTER_AND:
        # "محمد بن سلمان بن عبدالعزيز ولي (العهد)": the next title, after its و
        kept = mention.text[: mention.text.rindex(words[-1])].rstrip()
        mention = replace(mention, end=mention.start + len(kept), text=kept)
        words = words[:-1]
    drop = 0
    while mention.type == "PER" and drop < len(words) - 1 and lookup_form(words[drop]) in _RANK_WORDS:
        drop += 1
    if not drop:
        return mention
    cut = mention.text.index(words[drop])
    return replace(mention, start=mention.start + cut, text=mention.text[cut:])


# A prayer written after a name, which the tagger takes into it: "نايف بن عبدالعزيز يرحمه الله",
# "عمر بن الخطاب رضي الله عنه", "سلمان بن عبدالعزيز حفظه الله" (not رجب طيب إردوغان: no الله).
_BLESSING_RE = re.compile(
    r"\s+(?:ي?رحم(?:ه|ها|هم)|ي?حفظ(?:ه|ها|هم)|ي?رعا(?:ه|ها)|رضي|صل[ىي]|غفر|قدس|طيب|عليه)\s+[اإ]?لل[هّ]"
    # ... the year of one's death after it ("الخليل بن أحمد المتوفى 175هـ"), or what one said or did
    # ("عكاظ أن الوزير": a name ends before أن)
    r"|\s+(?:المتوف[ىي]|المتوفا[ةه]|أن|أنه|أنها)(?:\s|$)"
)


def _without_blessing(mention: Mention) -> Mention:
    blessing = _BLESSING_RE.search(mention.text) if mention.type in ("PER", "ORG") else None
    if blessing is None or blessing.start() == 0:
        return mention
    end = mention.start + blessing.start()
    return replace(mention, end=end, text=mention.text[: blessing.start()])


# A web or e-mail address: the tagger reads "https" or a domain as an organization.
_LINK_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


# A preposition with its pronoun that the tagger reads as a Chinese or Korean name ("وقال لي إن":
# he told me): a name only where the article writes it inside a longer one ("بروس لي").
_PRONOUN_FORMS = folded_words("لي لنا بي")
# ... and what stands for a person or no one: "وقال سموه :", "بهدفين مقابل لا شيء".
_NOT_PEOPLE = _PRONOUN_FORMS | folded_words(
    "سموه سموها معاليه معاليها فضيلته جلالته شيء عليه عليها له لها منه منها عنه عنها إليه"
)


# "أنه سعيد بهذا الفوز", "فهو شفيق": a lone adjective after a pronoun is what one is, no one's
# name (a name seldom takes ال: not "أنه هتلر في حقيقته").
_PREDICATE_AFTER_RE = re.compile(r"(?<!\w)(?:[بل]?[اأإ]ن(?:ه|ها|ني|نا)|[وف]?(?:هو|هي))\s+$")


def _predicate(text: str, mention: Mention, frequency: Callable[[str], float]) -> bool:
    if mention.type != "PER" or " " in mention.text:
        return False
    if _PREDICATE_AFTER_RE.search(text, max(0, mention.start - 12), mention.start) is None:
        return False
    return _common_adjective(lookup_form(mention.text), frequency, _COMMON_NAME)


def _without_pronouns(mentions: list[Mention]) -> list[Mention]:
    longer = [m.text.split() for m in mentions if m.type == "PER" and " " in m.text]
    inside = {lookup_form(word) for words in longer for word in words}
    return [m for m in mentions if m.type != "PER" or lookup_form(m.text) not in _NOT_PEOPLE - inside]


# Set phrases whose words the tagger reads as a name, as (what stands right before, the words):
# "بحمد الله" (thank God), "صلاة المغرب" (the sunset prayer, not Morocco), "الذكر الحكيم" (the
# Quran), "إنه جواد كريم" (God's generosity).
_SET_PHRASES = frozenset(
    (fold(before), fold(words))
    for before, words in (
        ("ب", "حمد الله"),
        ("صلاة", "المغرب"),
        ("أذان", "المغرب"),
        ("الذكر", "الحكيم"),
        ("إنه", "جواد كريم"),
        ("على", "لسان"),  # "على لسان": in the words of (its ل read as a clitic: ل + سان)
        ("ل", "سان"),
    )
)
_SET_PHRASE_WORDS = frozenset(words for _, words in _SET_PHRASES)
_WORD_BEFORE_RE = re.compile(r"(\w+)\s*$")


def _without_set_phrases(text: str, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not _plain_here(text, m)]


def _plain_here(text: str, mention: Mention) -> bool:
    """Whether a mention's words are a set phrase or plain words where they stand, no name."""
    words = fold(mention.text)
    if words in _SET_PHRASE_WORDS and (_word_before(text, mention.start), words) in _SET_PHRASES:
        return True
    if words == "مشهد":
        return not _MASHHAD_CONTEXT_RE.search(fold(text[max(0, mention.start - 40) : mention.end + 40]))
    if words == "اليمن":
        return _BLESSINGS_AFTER_RE.match(fold(text[mention.end : mention.end + 12])) is not None
    if words in _PRAISE:
        return _PRAISE_AFTER_RE.match(fold(text[mention.end : mention.end + 12])) is not None
    return _COMMON_NOUN_RE.fullmatch(words) is not None


# "أعاده الله باليمن والخير والبركات": good fortune, not Yemen.
_BLESSINGS_AFTER_RE = re.compile(r"\s+و(?:الخير|البركات|البركه|المسرات|الخيرات|الايمان)")
# "الصحابة رضوان الله عليهم" (God be pleased with them), "أحمد الله على" (I thank God): no
# person, where what follows is the formula's.
_PRAISE = frozenset(fold(w) for w in ("رضوان الله", "أحمد الله", "نحمد الله"))
_PRAISE_AFTER_RE = re.compile(r"\s+(?:عليه|عليها|عليهم|عليهما|عنه|عنها|عنهم|علي|ان|الذي|تعالي|كثيرا)(?!\w)")
# Words the tagger takes for names that are plain nouns: منسوبيها (its staff).
_COMMON_NOUN_RE = re.compile(r"[وبل]*منسوبي\w*")
# مشهد is "a scene" but where Iran, its province or its shrine is named with it.
_MASHHAD_CONTEXT_RE = re.compile(r"مدينه|محافظه|ايران|خراسان|الرضا")


def _word_before(text: str, start: int) -> str:
    """The word right before `start`, or the clitics of the word it is cut from (بحمد → ب)."""
    found = _WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    return fold(found.group(1)) if found else ""


def _outside_links(text: str, mentions: list[Mention]) -> list[Mention]:
    links = [(m.start(), m.end()) for m in _LINK_RE.finditer(text)]
    if not links:
        return mentions
    return [m for m in mentions if not any(start < m.end and m.start < end for start, end in links)]


def _with_clubs(text: str, groups: list[list[Token]], mentions: list[Mention]) -> list[Mention]:
    """`mentions` and the football clubs named in a sports article (`marsad.ner.clubs`) where no
    mention lies."""
    if not about_sports([lookup_form(t.text) for group in groups for t in group]):
        return mentions
    found = [Mention(s, e, text[s:e], "ORG") for group in groups for s, e in club_spans(group)]
    return _where_free(mentions, found)


# Words after which a place's name is a club or team named after it (نادي الخليج, فريق روما).
_TEAM_WORDS = folded_words("نادي فريق")


def _club_not_place(text: str, mention: Mention) -> Mention:
    """A place's name right after نادي or فريق names a club: an organization; after منتخب, the
    country's team, named with it (منتخب هندوراس, as the third annotated set writes it)."""
    before = _WORD_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
    if mention.type not in ("LOC", "ORG") or " " in mention.text or before is None:
        return mention
    form = lookup_form(before[1])
    clitics, bare = strip_clitics(form)
    if bare == "منتخب" and not clitics.endswith("ال") and len(form) == len(before[1]):
        start = before.start(1) + len(clitics)
        return Mention(start, mention.end, text[start : mention.end], "ORG")
    if mention.type != "LOC":
        return mention
    # not "يغادر الفريق الرياض": the team leaves the town
    team = form in _TEAM_WORDS or (bare in _TEAM_WORDS and not clitics.endswith("ال"))
    return replace(mention, type="ORG") if team else mention


def _with_al(word: str) -> bool:
    return strip_clitics(lookup_form(word))[0].endswith("ال")


_NEXT_WORD_RE = re.compile(r" (\w+)")
_DISTRICTS = folded_words("حي ضاحية")


def _club_by_its_country(text: str, mention: Mention, known: KnownNames | None) -> Mention:
    """A town's name with a country's masculine adjective after it names a club: "انتقل إلى روما
    الإيطالي", "برشلونة الإسباني" (a town agrees as a feminine: "روما الإيطالية")."""
    if mention.type != "LOC" or known is None or " " in mention.text or _with_al(mention.text):
        return mention  # (not "ميناء كاليه الفرنسي", "مطار عدن اليمني"; "الجولان السوري": a region)
    before = _WORD_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)
    if before is not None and _of_kind(before[1], _PLACE_KINDS | _DISTRICTS):
        return mention  # "حي سوهو الصيني", "مدينة ليون الفرنسي" (miswritten)
    after = _NEXT_WORD_RE.match(text, mention.end)
    return (
        replace(mention, type="ORG") if after and known.a_club_s_adjective(lookup_form(after[1])) else mention
    )


# A town's department, named with its town: "مديرية الشؤون الصحية بالطائف", "الشؤون الصحية بمنطقة
# مكة المكرمة", "الغرفة التجارية الصناعية بالطائف" (without the town, the one the article speaks of).
_DEPARTMENT_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:ال)?مديرية (?:العامة لل|ال)|(?:ال)?إدارة (?:العامة لل|ال)|ال)(?:شؤون|شئون) الصحية"
    r"|(?<![^\W\d_])(?:ال)?غرفة التجارية(?: الصناعية)?"
)
# ... and the departments the tagger or the bodies found: their head, folded, clitics and ال off.
_DEPARTMENT_HEADS = folded_words("مديرية إدارة فرع مكتب شرطة غرفة شؤون شئون")
_IN_TOWN_RE = re.compile(r" ب(?:(?:ال)?(?:منطقة|محافظة|مدينة) )?")


def _departments_in_towns(text: str, mentions: list[Mention], places: IsPlace | None) -> list[Mention]:
    """Departments with the town after them (ب + a place the tagger or the gazetteer knows), whole."""
    generic = [Mention(m.start(), m.end(), m.group(), "ORG") for m in _DEPARTMENT_RE.finditer(text)]
    mentions = _where_free(mentions, generic)
    starts = {m.start: m for m in mentions if m.type == "LOC"}
    merged, towns = [], set()
    for mention in mentions:
        town = _town_after(text, mention, starts, places) if mention.type == "ORG" else None
        if town is None or strip_clitics(lookup_form(mention.text.split()[0]))[1] not in _DEPARTMENT_HEADS:
            # a department written without its town is the one the article speaks of: no name
            if not any(mention is g for g in generic):
                merged.append(mention)
            continue
        merged.append(Mention(mention.start, town, text[mention.start : town], "ORG", mention.entity))
        towns.add(town)
    return [m for m in merged if not (m.type == "LOC" and m.end in towns)]


def _town_after(
    text: str, mention: Mention, places_at: dict[int, Mention], places: IsPlace | None
) -> int | None:
    """The end of the town named right after a department (بالطائف, بمنطقة مكة المكرمة), if any."""
    found = _IN_TOWN_RE.match(text, mention.end)
    if found is None:
        return None
    tagged = places_at.get(found.end())
    if tagged is not None:
        return tagged.end
    # untagged: a town the gazetteer lists, written with its ال (بالطائف; not بأن, بدولة)
    word = re.match(r"ال[^\W\d_]{3,}", text[found.end() :])
    listed = word is not None and places is not None and places((lookup_form(word.group()),))
    return found.end() + len(word.group()) if listed and word else None


def _with_bodies(text: str, groups: list[list[Token]], mentions: list[Mention]) -> list[Mention]:
    """`mentions` and the bodies named by their kind (`marsad.ner.bodies`) where no mention lies."""
    found = []
    for group in groups:
        for first, end, cut in body_spans(group):
            start, finish = group[first].start + cut, group[end - 1].end
            found.append(Mention(start, finish, text[start:finish], "ORG"))
    return _where_free(mentions, found) if found else mentions


def _with_holy_sites(text: str, groups: list[list[Token]], mentions: list[Mention]) -> list[Mention]:
    """`mentions` and the Hajj's holy sites named in a Hajj article (`marsad.ner.holy_sites`) where
    no mention lies."""
    if not about_hajj([lookup_form(t.text) for group in groups for t in group]):
        return mentions
    found = [Mention(s, e, text[s:e], "LOC") for group in groups for s, e in site_spans(group)]
    return _where_free(mentions, found)


# A body's kind written before its one-word name (تنظيم داعش, منظمة أوبك): the name is the word
# after, as both annotated sets write it (ANERcorp keeps تنظيم القاعدة whole).
_DESCRIPTORS = frozenset({"تنظيم", "منظمه"})
# One-word names of bodies that are also plain words, so that no list of names holds them alone.
_PLAIN_WORD_BODIES = frozenset({"القاعده", "اوبك", "الاوبك", "اليونسكو", "النصره"})


def _without_descriptor(mention: Mention, names: IsName | None) -> Mention:
    """An organization's mention without the descriptor before its one-word name (تنظيم داعش:
    داعش); تنظيم الدولة and منظمة الهجرة, whose second word names nothing alone, stay whole."""
    words = mention.text.split()
    kind = strip_clitics(lookup_form(words[0]))[1] if len(words) == 2 else ""
    if mention.type != "ORG" or kind not in _DESCRIPTORS:
        return mention
    name = lookup_form(words[1])
    if name not in _PLAIN_WORD_BODIES and (names is None or not names((name,))):
        return mention
    start = mention.end - len(words[1])
    return Mention(start, mention.end, words[1], "ORG")


# A lookahead, so that the closing mark of one quotation may open the next: in 'الخصوم". وعلمت
# " سبق "،' the first pair holds ". وعلمت ", the second the outlet.
_QUOTED_RE = re.compile(r"(?=[«“\"]([^«»“”\"\n]{2,30})[»”\"])")


def _with_quoted_outlets(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` and the outlets named alone in quotation marks (`marsad.ner.outlets`), in place
    of the tagger's mention of the same words ("لـ«الرياض»" is the newspaper, not the city)."""
    found = []
    for match in _QUOTED_RE.finditer(text):
        name = match.group(1).strip()
        before = fold(text[max(0, match.start(1) - 9) : match.start(1) - 1]).rstrip()
        # a town's name is the paper's only when told to or through it ("لـ«الرياض»", "عبر "الرياض""),
        # not in a list of people with their towns: يزيد الجماز "الرياض"، عمر البركاتي "مكة"
        told = before.endswith(("ل", "لـ", "عبر", "صحيفه", "جريده"))
        if fold(name) in QUOTED_OUTLETS and (told or fold(name) not in TOWN_OUTLETS):
            start = match.start(1) + match.group(1).index(name)
            found.append(Mention(start, start + len(name), name, "ORG"))
    found += _named_papers(text)
    if not found:
        return mentions
    spans = {(f.start, f.end) for f in found}
    return _where_free([m for m in mentions if (m.start, m.end) not in spans], found)


# الخبر, the Eastern Province city, is also "the news": a city after a town's word or another
# city of the province, before one of them, or opening a dateline.
_KHOBAR_RE = re.compile(
    r"(?:(?<!\w)[وب]?(?:محافظة|محافظه|مدينة|مدينه|محافظ|كورنيش|بلدية|بلديه|شرطة|شرطه|باتجاه|بقطاع|"
    r"الدمام|القطيف|الظهران|الاحساء|الأحساء|الجبيل)\s+[وب]?)(الخبر)(?!\w)"
    r"|(?:^|(?<!\w)[وب])(الخبر)(?=\s+(?:و\s*)?(?:الدمام|الظهران|القطيف)(?!\w))"
    r"|^(الخبر)(?=\s*[-–ـ])",
    re.MULTILINE,
)


def _khobar(text: str) -> list[Mention]:
    found = []
    for match in _KHOBAR_RE.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i))
        found.append(Mention(match.start(group), match.end(group), "الخبر", "LOC"))
    return found


_PAPER_RE = re.compile(r"(?<!\w)[وفبل]{0,2}(?:ال)?(?:صحيف|جريد)[ةه]\s+(\w+)(?:\s+(\w+))?")


def _named_papers(text: str) -> list[Mention]:
    """Outlets named after "صحيفة" or "جريدة" without marks ("جريدة الرياض", "صحيفة الشرق الأوسط")."""
    found = []
    for match in _PAPER_RE.finditer(text):
        two = f"{match.group(1)} {match.group(2)}" if match.group(2) else None
        name = two if two is not None and fold(two) in QUOTED_OUTLETS else match.group(1)
        if fold(name) in QUOTED_OUTLETS:
            found.append(Mention(match.start(1), match.start(1) + len(name), name, "ORG"))
    return found


# Places and bodies named after a king or prince ("مستشفى الملك خالد التخصصي", "مطار الأمير
# سلطان بن عبدالعزيز الدولي"): their head, folded, and the type of the whole.
_FACILITY_HEADS: dict[str, EntityType] = {
    **dict.fromkeys(("مستشفي", "جامعه", "مركز", "مجمع", "كليه", "موسسه", "مكتبه"), "ORG"),
    **dict.fromkeys(("مطار", "ميناء", "ملعب", "استاد", "متحف", "مدينه", "قاعده", "جسر"), "LOC"),
    **dict.fromkeys(("طريق", "شارع", "حي", "قصر", "مسجد", "جامع"), "LOC"),
    **dict.fromkeys(("حديقه", "متنزه", "منتزه", "نفق", "ميدان", "دوار", "كورنيش"), "LOC"),
}
_NAMESAKE_TITLES = frozenset({"الملك", "الامير", "الامام", "الشيخ", "الاميره"})


def _facility_type(head: str, name: str) -> EntityType:
    """A city named after a king is a place, but a medical city (a hospital) or one "for" a field
    (مدينة الملك عبدالعزيز للعلوم والتقنية, a research agency) is a body."""
    words = fold(name).split()
    if head == "مدينه" and (words[-1] == "الطبيه" or any(w.startswith("لل") for w in words)):
        return "ORG"
    return _FACILITY_HEADS[head]


def _with_facilities(
    text: str, groups: list[list[Token]], mentions: list[Mention], names: IsName | None
) -> list[Mention]:
    """`mentions` and the places and bodies named after a king or prince, whole, in place of the
    person's name the tagger found in them (مستشفى الملك خالد التخصصي: not the person خالد
    التخصصي). The name runs over the namesake's given name (one the gazetteer lists, when
    `names` is given), "بن" and the fathers' names after it, adjectives (الدولي, التخصصي,
    العام) and a "لل" complement with its own (للعلوم والتقنية)."""
    found = []
    for group in groups:
        forms = [lookup_form(t.text) for t in group]
        for i, form in enumerate(forms[:-2]):
            head = _clitics_off(form, _FACILITY_HEADS)
            if head is None or forms[i + 1] not in _NAMESAKE_TITLES:
                continue
            # a given name of two words: "جامعة الملك عبد العزيز"
            given = 2 if forms[i + 2] == "عبد" and i + 3 < len(forms) and forms[i + 3].isalpha() else 1
            name = "".join(forms[i + 2 : i + 2 + given])
            if not name.isalpha() or (names is not None and not names((name,))):
                continue  # "قصر الملك.", "طريق الملك بطول": no one's name follows
            end = _namesake_end(forms, i + 2, given)
            start = group[i].start + (len(form) - len(head) if len(form) == len(group[i].text) else 0)
            finish = group[end - 1].end
            found.append(Mention(start, finish, text[start:finish], _facility_type(head, text[start:finish])))
    found = [_with_the_rest_of_the_name(text, f, mentions) for f in found] + _place_named(
        text, groups, mentions
    )
    # (and the namesake's name the tagger ran on past it: "ميناء الملك عبدالعزيز بالدمام")
    inside = [
        m
        for m in mentions
        if any(_holds(f, m) or (f.start, f.end) == (m.start, m.end) or _runs_past(f, m) for f in found)
    ]
    return _where_free([m for m in mentions if m not in inside] if inside else mentions, found)


# Bodies and places named after a place, whole (مستشفى جبل الرحمة, مطار القاهرة الدولي, أمانة
# منطقة الرياض, متحف باردو), as ACE and WikiFANE write them (ANERcorp tags the place alone): their
# head, folded, and the type of the whole. Not مدينة, طريق, حي, مركز or بلدية: "مدينة جدة" is the
# town, "طريق الرياض" the way there, "بلدية" often the town too.
_PLACE_NAMED_HEADS: dict[str, EntityType] = {
    **dict.fromkeys(("مستشفي", "جامعه", "امانه", "شرطه", "محكمه", "غرفه"), "ORG"),
    # a town's departments in Saudi news: صحة الطائف, تعليم جدة, مرور الرياض, جوازات مكة
    **dict.fromkeys(("صحه", "تعليم", "مرور", "جوازات"), "ORG"),
    **dict.fromkeys(("مطار", "ميناء", "ملعب", "استاد", "متحف", "جزيره", "مقبره"), "LOC"),
}
# Words between a head and its place: أمانة منطقة الرياض, شرطة محافظة جدة.
_DIVISIONS = frozenset({"منطقه", "محافظه", "مدينه"})
# Adjectives of such a name (not a country's: جزيرة كريت اليونانية is the island of Crete).
_NAME_ADJECTIVES = frozenset(
    map(
        lookup_form,
        ("الدولي", "الإقليمي", "العام", "المركزي", "التخصصي", "الجامعي", "السلطانية", "الملكي", "الإسلامي"),
    )
)


def _place_named(text: str, groups: list[list[Token]], mentions: list[Mention]) -> list[Mention]:
    """Each place the tagger or the known names found right after one of `_PLACE_NAMED_HEADS`
    (a region or province word between them aside), whole with the head and the adjectives
    of `_NAME_ADJECTIVES` after it, typed by its head; and hospitals named after a body
    (مستشفى الحرس الوطني, مستشفى قوى الأمن)."""
    places = {m.start: m for m in mentions if m.type == "LOC"}
    bodies = {m.start: m for m in mentions if m.type == "ORG"}
    found = []
    for group in groups:
        forms = [lookup_form(t.text) for t in group]
        for i, form in enumerate(forms[:-1]):
            head = _clitics_off(form, _PLACE_NAMED_HEADS)
            at = i + 2 if forms[i + 1] in _DIVISIONS and i + 2 < len(forms) else i + 1
            place = places.get(group[at].start) or (bodies.get(group[at].start) if head == "مستشفي" else None)
            if head is None or place is None or (i and forms[i - 1] == "شبه"):
                continue  # شبه جزيرة سيناء: the Sinai peninsula, no island
            within = last = max(k for k in range(at, len(group)) if group[k].start < place.end)
            while last + 1 < len(group) and forms[last + 1] in _NAME_ADJECTIVES:
                last += 1
            start = group[i].start + (len(form) - len(head) if len(form) == len(group[i].text) else 0)
            finish = group[last].end if last > within else place.end
            found.append(Mention(start, finish, text[start:finish], _PLACE_NAMED_HEADS[head]))
    return found


def _with_the_rest_of_the_name(text: str, facility: Mention, mentions: list[Mention]) -> Mention:
    """A facility named after someone whose name the tagger read further (ملعب الأمير محمد
    العبدالله الفيصل, مسجد الإمام علي بن أبي طالب), to the name's end; not a town after it, with
    its preposition (ميناء الملك عبدالعزيز بالدمام)."""
    person = next((m for m in mentions if _runs_past(facility, m)), None)
    if person is None:
        return facility
    rest = text[facility.end : person.end].split()
    # ... two words at most, not past an adjective that ended the name (الدولي: the next name is
    # another's), nor an adverb the tagger took in (طريق الملك عبدالله شرقاً, مرورا)
    if (
        not 0 < len(rest) <= 2
        or rest[0].startswith(("ب", "ل", "و", "ف"))
        or lookup_form(facility.text.split()[-1]) in _NAME_ADJECTIVES
        or any(word.endswith(("ا", "اً", "ًا")) for word in rest)
    ):
        return facility
    return Mention(facility.start, person.end, text[facility.start : person.end], facility.type)


def _runs_past(facility: Mention, person: Mention) -> bool:
    """Whether a person's name starts inside a facility's name and runs on past its end."""
    return person.type == "PER" and facility.start < person.start < facility.end < person.end


def _clitics_off(form: str, heads: dict[str, EntityType]) -> str | None:
    """The head noun of `heads` a folded token is, a preposition or و before it aside."""
    if form in heads:
        return form
    clitics, bare = strip_clitics(form)
    return bare if bare in heads and clitics in ("و", "ب", "ل", "ف", "وب", "ول") else None


def _namesake_end(forms: list[str], at: int, given: int = 1) -> int:
    """The index after a namesake's name that starts at `at` (its given name, of `given` words)."""
    end = at + given
    while end + 1 < len(forms) and forms[end] in ("بن", "ابن"):
        end += 3 if forms[end + 1] == "عبد" and end + 2 < len(forms) else 2
    while end < len(forms) and _describes_a_name(forms[end]):
        end += 1
    # one complement ("للعيون", "للعلوم والتقنية"), not a participle's ("للمقبولين": for the admitted)
    complement = end < len(forms) and forms[end].startswith("لل") and len(forms[end]) > 4
    if complement and not (forms[end].startswith("للم") and forms[end].endswith(("ين", "ون"))):
        end += 1
        if end < len(forms) and forms[end].startswith("وال"):  # للعلوم والتقنية
            end += 1
        while end < len(forms) and _describes_a_name(forms[end]):
            end += 1
    return min(end, len(forms))


def _describes_a_name(form: str) -> bool:
    """An adjective of a facility's name: الدولي, التخصصية, العام (not الذي, التي, إلى)."""
    return form.startswith("ال") and form.endswith(("ي", "يه", "عام")) and form not in ("الذي", "التي", "الي")


def _coordinated(
    mention: Mention, names: IsName, frequency: Callable[[str], float], places: IsPlace | None = None
) -> list[Mention]:
    """A mention of two names joined by و, each one the gazetteer lists and the whole not
    (سويسرا ولندن, حسام وإبراهيم; not ترينيداد وتوباغو), as two mentions; the second one must be
    a common word in news, more than with its و (not ويلسون, واتارا: Wilson, Ouattara)."""
    words = list(re.finditer(r"\S+", mention.text))
    forms = tuple(lookup_form(w.group()) for w in words)
    if len(words) < 2 or names(forms):
        return [mention]
    for i in range(1, len(words)):
        after = (forms[i][1:], *forms[i + 1 :])
        common = frequency(after[0]) >= _COMMON_NAME and frequency(after[0]) > 1.5 * frequency(forms[i])
        listed = common and names(forms[:i]) and names(after)
        clubs = _two_clubs(forms[:i], after)  # "الهلال والنصر"
        if (
            forms[i].startswith("و")
            and len(forms[i]) > 3
            and (listed or clubs or _two_people(mention, forms[i]))
        ):
            first_end, second = mention.start + words[i - 1].end(), mention.start + words[i].start() + 1
            return [
                Mention(mention.start, first_end, mention.text[: words[i - 1].end()], mention.type),
                Mention(second, mention.end, mention.text[words[i].start() + 1 :], mention.type),
            ]
    return _destination_apart(mention, words, forms, frequency, places)


def _destination_apart(
    mention: Mention,
    words: list[re.Match[str]],
    forms: tuple[str, ...],
    frequency: Callable[[str], float],
    places: IsPlace | None,
) -> list[Mention]:
    """A person's mention ending in ل + a place is the person, then where he goes: "وانتقل صلاح
    لروما", "ميسي لبرشلونة" (not لافروف: افروف is no place)."""
    last, rest = forms[-1], forms[-1][1:]
    if mention.type != "PER" or not last.startswith("ل") or last.startswith(("لل", "لا")) or len(rest) < 3:
        return [mention]  # (لاستوريا, لاغارد: surnames begin with لا)
    if places is None or not places((rest,)) or frequency(rest) <= 1.5 * frequency(last):
        return [mention]  # (nor "ميروسلاف لاجاك": اجاك is a club's, no place)
    person_end, place = mention.start + words[-2].end(), mention.start + words[-1].start() + 1
    return [
        Mention(mention.start, person_end, mention.text[: words[-2].end()], "PER"),
        Mention(place, mention.end, mention.text[words[-1].start() + 1 :], "LOC"),
    ]


def _two_clubs(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two one-word names are Saudi clubs' (الهلال, النصر): two clubs, joined by و."""
    return len(first) == len(second) == 1 and all(
        strip_clitics(form)[1] in CLUBS | AMBIGUOUS_CLUBS and form.startswith("ال")
        for form in (*first, *second)
    )


def _two_people(mention: Mention, word: str) -> bool:
    """Whether a word with و inside a person's mention begins a second person: a family name
    (رضوان والعطيف) or a given name that is none with its و (سعد وخالد; not وهبي, ويليامز,
    nor وليد, a name of its own)."""
    if mention.type != "PER":
        return False
    return word.startswith("وال") or (is_arabic_given_name(word[1:]) and not is_arabic_given_name(word))


# A name written in news about once in 30,000 words or more (`Tagger.word_frequency` scale).
_COMMON_NAME = 30.0


def _with_the_kingdom(
    text: str, groups: list[list[Token]], mentions: list[Mention], saudi_source: bool
) -> list[Mention]:
    """`mentions` and "المملكة" alone where it names Saudi Arabia (`marsad.ner.kingdom`); not
    before an adjective (المملكة الأردنية, المملكة العربية: a longer name the tagger cut)."""
    if "مملك" not in text or not the_kingdom_is_saudi(saudi_source, (m.text for m in mentions), text):
        return mentions
    found = []
    for group in groups:
        for token, after in zip(group, [*group[1:], None], strict=True):
            definite = _definite(token)
            if definite is None or definite[1] != "مملكه":
                continue
            following = lookup_form(after.text) if after is not None else ""
            if following.startswith("ال") and following.endswith(("يه", "ي", "المتحده")):
                continue
            found.append(Mention(definite[0], token.end, text[definite[0] : token.end], "LOC"))
    return _where_free(mentions, found)


def _definite(token: Token) -> tuple[int, str] | None:
    """(where its ال starts, the word without it) of a token written with ال after its clitics
    (بالمملكة, والجبير); None when the ال merged into a clitic (للجبير) or marks in the word leave
    its letters indexing no text."""
    form = lookup_form(token.text)
    clitics, bare = strip_clitics(form)
    if not clitics.endswith("ال") or len(form) != len(token.text):
        return None
    return token.start + len(clitics) - 2, bare


# "المملكة" is decided by `_with_the_kingdom`.
_NOT_AGAIN = frozenset({"المملكه"})
_NOT_TOWNS = QUOTED_OUTLETS - TOWN_OUTLETS


def _with_places_again(
    text: str, groups: list[list[Token]], mentions: list[Mention], places: IsPlace | None
) -> list[Mention]:
    """`mentions` and, where none lies, the places the tagger found once in the article written
    again (الطائف, تعز), when the gazetteer lists them as places: reading one sentence at a time,
    the tagger left "إلى الطائف," or "فالصين" untagged beside a tagged الطائف. Not a place's name
    used as an adjective after a noun (الحكومة السعودية), nor "المملكة" (`_with_the_kingdom`
    decides it) or an outlet's name that is no town's (عكاظ, also a market town; الرياض is a town).
    """
    if places is None:
        return mentions
    tagged = {
        form
        for m in mentions
        if m.type == "LOC" and " " not in m.text.strip() and (form := lookup_form(m.text)) not in _NOT_AGAIN
    }
    tagged = {form for form in tagged if places((form,)) and form not in _NOT_TOWNS}
    if not tagged:
        return mentions
    found = []
    for group in groups:
        for i, token in enumerate(group):
            span = _written_again(token, tagged)
            after_noun = i > 0 and _is_definite(lookup_form(group[i - 1].text))
            if span is not None and not (after_noun and lookup_form(token.text).endswith(("ي", "يه"))):
                found.append(Mention(span, token.end, text[span : token.end], "LOC"))
    return _where_free(mentions, found)


def _bodies_again(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` and, where none lies, the bodies found once in the article (a body's kind and
    its name) written again after a clitic: reading one sentence at a time, the tagger left
    "بحزب المؤتمر الشعبي العام" untagged beside the tagged "حزب المؤتمر الشعبي العام". (Not
    without a clitic: where the tagger read the same words as no name, they often are none, as
    "الحرمين الشريفين" in the King's title.)"""
    names = {
        m.text
        for m in mentions
        if m.type == "ORG" and len(m.text.split()) > 1 and _of_kind(m.text.split()[0], _BODY_KINDS)
    }
    if not names:
        return mentions
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(PLACE_CLITICS)})({alternation})(?![^\W\d_])")
    found = [Mention(m.start(1), m.end(1), m.group(1), "ORG") for m in pattern.finditer(text)]
    return _where_free(mentions, found)


_BODY_KINDS = BODY_HEADS | folded_words("حزب نادي دار حركة جبهة تيار")


# The opening line of a report naming its outlet and town: "سبق- الجوف:", "عين اليوم – الرياض".
_DATELINE_RE = re.compile(r"\s*[^\n]{0,30}?[-–ـ]\s*([^\W\d_]+)\s*(?::|\n)")


def _dateline_places(text: str, mentions: list[Mention], places: IsPlace | None) -> list[Mention]:
    """`mentions` with the town of a report's opening line a place, where the tagger, reading the
    outlet before it, typed it a body's ("سبق- الجوف:"), and the outlet named there."""
    byline = BYLINE_RE.match(text)  # "بدر الجبل- سبق- تبوك:": the outlet between dashes
    if byline is not None and fold(byline["outlet"]) in QUOTED_OUTLETS - TOWN_OUTLETS:
        start, end = byline.span("outlet")
        mentions = _where_free(mentions, [Mention(start, end, text[start:end], "ORG")])
    line = _DATELINE_RE.match(text)
    if line is None or places is None:
        return mentions
    start, end = line.span(1)
    return [
        replace(m, type="LOC")
        if (m.start, m.end) == (start, end) and m.type == "ORG" and places((lookup_form(m.text),))
        else m
        for m in mentions
    ]


def _with_usual_places(
    text: str, groups: list[list[Token]], mentions: list[Mention], usual: dict[str, int]
) -> list[Mention]:
    """`mentions` and, where none lies, the places that news names as places in most of their
    uses written as they are (`marsad.ner.usual_places`: "بفتاة في الطائف", "ونجران والطائف")."""
    if not usual:
        return mentions
    found = []
    for group in groups:
        for token in group:
            cut = usual.get(form := lookup_form(token.text))
            if cut is not None and len(form) == len(token.text):
                found.append(
                    Mention(token.start + cut, token.end, text[token.start + cut : token.end], "LOC")
                )
    return _where_free(mentions, found)


def _is_definite(form: str) -> bool:
    """Whether a folded word carries ال (الكرة, للكرة, بالكرة)."""
    clitics = strip_clitics(form)[0]
    return clitics.endswith("ال") or clitics in ("لل", "ولل", "فلل")


def _written_again(token: Token, names: set[str]) -> int | None:
    """Where one of `names` starts in a token, its clitics before it (وتعز, بالطائف); None when
    the token is none of them (للطائف: the ال merged into the clitic)."""
    form = lookup_form(token.text)
    if form in names:
        return token.start
    if len(form) != len(token.text):
        return None  # marks in the word: the folded letters do not index the text
    clitics, bare = strip_clitics(form)
    if clitics.endswith("ال") and "ال" + bare in names:
        return token.start + len(clitics) - 2
    if clitics in PLACE_CLITICS and bare in names:
        return token.start + len(clitics)
    return None


# Words that name a part of a place with it: "ساكسونيا السفلى", "بغداد الجديدة", "سوريا الكبرى".
# (not "عدن كبرى مدن الجنوب": the largest of them)
_PLACE_QUALIFIER_RE = re.compile(r" ال(?:سفلى|عليا|كبرى|وسطى|جديدة)(?![^\W\d_])")


def _with_place_qualifier(text: str, mention: Mention) -> Mention:
    after = _PLACE_QUALIFIER_RE.match(text, mention.end) if mention.type == "LOC" else None
    return replace(mention, end=after.end(), text=text[mention.start : after.end()]) if after else mention


_NEXT_NISBA_RE = re.compile(r" (ال[^\W\d_]{3,}ي)(?![^\W\d_])")


def _with_rare_nisba(
    text: str, mention: Mention, frequency: Callable[[str], float], known: KnownNames | None
) -> Mention:
    """A person's full name with the rare nisba after it that the tagger left out: "غازي الأحول
    المصعبي" (a family or tribe seldom written; not السعودي, nor الإعلامي, a common word)."""
    if mention.type != "PER" or " " not in mention.text or known is None:
        return mention
    after = _NEXT_NISBA_RE.match(text, mention.end)
    if after is None or not _rare(after[1], frequency) or known.is_nationality(lookup_form(after[1])):
        return mention
    return replace(mention, end=after.end(1), text=text[mention.start : after.end(1)])


def _with_surnames_again(
    text: str, groups: list[list[Token]], mentions: list[Mention], frequency: Callable[[str], float]
) -> list[Mention]:
    """`mentions` and, where none lies, a person's last name written again alone when news
    writes it only as a name (موغيريني after فيديريكا موغيريني, clitics outside: لموغيريني): the
    names without ال that `_with_family_names` leaves to the tagger. Not a word after و (the
    tagger's "حسن وألحان" of a song's credits) or with an accusative's tanween (مروراً)."""
    surnames = {
        form
        for m in mentions
        if m.type == "PER"
        and len(words := m.text.split()) >= 2
        and not (form := lookup_form(words[-1])).startswith(("ال", "و"))
        and "\u064b" not in words[-1]  # an accusative's tanween: مروراً is no name
        and len(form) >= 4
        and _name_only(form, frequency)
    }
    if not surnames:
        return mentions
    found = []
    for token in (token for group in groups for token in group):
        start = _written_again(token, surnames)
        if start is not None:
            found.append(Mention(start, token.end, text[start : token.end], "PER"))
    return _where_free(mentions, found)


_ALI_BEFORE_RE = re.compile(r"(?<![^\W\d_])و?(علي)\s+$")


def _with_ali(
    text: str, groups: list[list[Token]], mentions: list[Mention], known: KnownNames | None
) -> list[Mention]:
    """`mentions` with the given name علي, written with ي, before a person's name, and علي with a
    family name after it (علي السيستاني, د. علي الحلواني) where nothing was tagged: the tagger,
    which reads ى as ي, takes it for the preposition على ("المخلوع علي عبدالله صالح")."""
    found = []
    for mention in mentions:
        before = _ALI_BEFORE_RE.search(text, max(0, mention.start - 8), mention.start)
        if mention.type == "PER" and before is not None:
            mention = Mention(
                before.start(1), mention.end, text[before.start(1) : mention.end], "PER", mention.entity
            )
        found.append(mention)
    if known is None:
        return found
    more = []
    for group in groups:
        for token, after in pairwise(group):
            if token.text in ("علي", "وعلي") and known.family_name(after.text):
                start = token.end - 3
                more.append(Mention(start, after.end, text[start : after.end], "PER"))
    return _where_free(found, more)


_KIN_GROUPS = frozenset(fold(w) for w in ("أبناء", "ابناء", "أسرة", "عائلة", "آل"))


_HYPHEN_RE = re.compile(r" ?[-–] ?")


def _joined_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two people's names with only a space between are one name the tagger split ("سعود" +
    "الفيصل", "خالد محفوظ" + "بحاح"): a given name before a name, or a name before one more word;
    not a name after و ("قيسي وساري عمرو"), nor a surname before a name ("أوباما مايكل راتناي")."""
    found: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        last = found[-1] if found else None
        if last is not None and _one_name(text, last, mention):
            found[-1] = Mention(last.start, mention.end, text[last.start : mention.end], "PER", last.entity)
        elif last is not None and _one_place(text, last, mention):
            found[-1] = Mention(last.start, mention.end, text[last.start : mention.end], "LOC")
        else:
            found.append(mention)
    return [m for m in found if not _bare_kind(m)]


def _bare_kind(mention: Mention) -> bool:
    """A place's kind alone, no name: "من جبال وسهول", "بريف دير الزور" (its countryside)."""
    return mention.type == "LOC" and _of_kind(mention.text, _BARE_KINDS)


# Landforms that head a place's name (جبل طلان, وادي دفا, جبال السروات).
_LANDFORMS = folded_words("جبل جبال وادي هضبة جزيرة جزر بحيرة نهر شاطئ")


_BARE_KINDS = _LANDFORMS | folded_words("ريف")


def _one_place(text: str, first: Mention, second: Mention) -> bool:
    """A place's kind tagged apart from its name ("[جبل] [طلان]"): one place."""
    if first.type != "LOC" or second.type != "LOC" or text[first.end : second.start] != " ":
        return False
    return _of_kind(first.text, _LANDFORMS) and " " not in second.text


def _of_kind(word: str, kinds: frozenset[str]) -> bool:
    """Whether `word` is one of `kinds`, و/ب/ل/ف before it or not (but not ال: الجزيرة is a name)."""
    form = lookup_form(word)
    clitics, bare = strip_clitics(form)
    return form in kinds or (bare in kinds and not clitics.endswith("ال"))


def _one_name(text: str, first: Mention, second: Mention) -> bool:
    if first.type == second.type == "PER" and _HYPHEN_RE.fullmatch(text[first.end : second.start]):
        # "هانز - بيتر بارتلس", "جان - مارك أيرولت": one compound given name (not "كيري - لافروف")
        return " " not in first.text and " " in second.text
    if first.type != "PER" or second.type != "PER" or text[first.end : second.start] != " ":
        return False
    before, after = first.text.split(), second.text.split()
    if (
        second.text.startswith(("و", "لل"))
        or second.text.endswith(_ACCUSATIVE_ENDINGS)
        or len(before) + len(after) > 6
    ):
        return False  # (not an accusative: "عزام البكر سادساً")
    if fold(before[0]) in _KIN_GROUPS:
        return False  # "أبناء المسعد فواز وعبدالرحمن": the sons, then each of them
    if len(before) == 1:
        return is_arabic_given_name(before[0]) and not before[0].startswith("ال")
    return len(after) == 1


def _name_only(form: str, frequency: Callable[[str], float]) -> bool:
    """Whether news writes a word almost never with ال and not as a common given name: a
    foreign surname (موغيريني, كيري), not a word (سلام: السلام) or علي, صالح, حسين."""
    uses = frequency(form)
    return 0 < uses < _GIVEN_NAME_USES and frequency("ال" + form) < 0.05 * uses


# A name written more than once in 1,000 words of news is a given name as often as a surname.
_GIVEN_NAME_USES = 1000.0


def _with_family_names(
    text: str, groups: list[list[Token]], mentions: list[Mention], known: KnownNames | None
) -> list[Mention]:
    """`mentions` and, where none lies, the family names of the article's people written again
    alone (الجبير after عادل الجبير), when no common word shares them: the tagger, reading one
    sentence at a time, often leaves a lone family name untagged, or types it as a body's when
    quoted (وبيّن "الرويلي")."""
    if known is None:
        return mentions
    families = {
        bare
        for m in mentions
        if m.type == "PER" and len(words := m.text.split()) >= 2 and (bare := known.family_name(words[-1]))
    }
    found = []
    for token in (token for group in groups for token in group) if families else ():
        definite = _definite(token)
        if definite is not None and definite[1] in families:
            found.append(Mention(definite[0], token.end, text[definite[0] : token.end], "PER"))
    spans = {(f.start, f.end) for f in found}
    mentions = [
        replace(m, type="PER") if (m.start, m.end) in spans and not known.one_word(m.text) else m
        for m in mentions
    ]
    return _where_free(_where_free(mentions, _houses_again(text, mentions)), found)


# A house's name (آل الشيخ) at the end of a person's full name, and written again bare.
_HOUSE_END_RE = re.compile(r"\S\s+[آا]ل\s+(\w+)$")  # (آل also written ال: محمد بن حسن ال صمغان)
_HOUSE_RE = re.compile(r"(?<!\w)([آا]ل\s+(\w+))")
# Ruling houses, named alone for the dynasty (حكم آل سعود), not for one of its princes.
_RULING_HOUSES = folded_words("سعود خليفة نهيان مكتوم ثاني الصباح صباح سعيد")


def _houses_again(text: str, mentions: list[Mention]) -> list[Mention]:
    """A house's name written alone after a person of the article was named with it ("ورفع
    السفير آل الشيخ التعازي" after عبدالله بن عبدالملك آل الشيخ); not a ruling house's."""
    houses = {fold(m[1]) for m in (_HOUSE_END_RE.search(p.text) for p in mentions if p.type == "PER") if m}
    houses -= _RULING_HOUSES
    if not houses:
        return []
    return [
        Mention(match.start(1), match.end(1), match[1], "PER")
        for match in _HOUSE_RE.finditer(text)
        if fold(match[2]) in houses
    ]


def _with_known(
    text: str, groups: list[list[Token]], mentions: list[Mention], known: KnownNames | None
) -> list[Mention]:
    """`mentions` and the known names where none of them lies, in text order; a known name that
    holds mentions of the tagger's whole takes their place (حلف شمال الأطلسي, which the tagger cut
    to الأطلسي)."""
    if known is None:
        return mentions
    found = [
        Mention(start, end, text[start:end], _entity_type(kind))
        for group in groups
        for start, end, kind in known.spans(group)
    ]
    mentions = [part for m in mentions for part in _known_then_person(text, m, found)]
    inside = [
        m
        for m in mentions
        if any(_holds(k, m) or _body_not_person(k, m) for k in found) or _several_known(text, m, found)
    ]
    return _where_free([m for m in mentions if m not in inside] if inside else mentions, found)


def _known_then_person(text: str, tagged: Mention, known: list[Mention]) -> list[Mention]:
    """A person's name the tagger ran a known body or place into, right before it ("الأمين العام
    لأوبك عبد الله البدري", "لناتو ينس ستولتنبرغ"): the body, then the person (two words or more)."""
    if tagged.type != "PER":
        return [tagged]
    # (the tagger's name may keep the body's clitic: "لأوبك")
    body = next((k for k in known if 0 <= k.start - tagged.start <= 2 and k.end < tagged.end), None)
    rest = text[body.end : tagged.end] if body is not None else ""
    if body is None or not rest.startswith(" ") or len(rest.split()) < 2:
        return [tagged]
    start = body.end + 1
    return [body, Mention(start, tagged.end, text[start : tagged.end], "PER", tagged.entity)]


def _several_known(text: str, tagged: Mention, known: list[Mention]) -> bool:
    """Whether the tagger ran known names joined by و into one mention ("فلاي دبي والنيل
    للطيران"): each is its own."""
    held = [k for k in known if tagged.start <= k.start and k.end <= tagged.end]
    return len(held) > 1 and all(text[a.end : b.start].strip() == "و" for a, b in pairwise(held))


def _body_not_person(known: Mention, tagged: Mention) -> bool:
    """A known body of several words the tagger took for a person, word for word ("قال لفرانس
    برس"); one word may be both (الحوثي, the movement and its leader)."""
    same = (known.start, known.end) == (tagged.start, tagged.end) and " " in known.text
    return same and known.type == "ORG" and tagged.type == "PER"


def _holds(longer: Mention, shorter: Mention) -> bool:
    """Whether `longer` holds all of `shorter` and more (the same span is the tagger's: الشرق الأوسط
    may be the newspaper)."""
    inner = longer.start <= shorter.start and shorter.end <= longer.end
    return inner and shorter.end - shorter.start < longer.end - longer.start


# Words that head a place's formal name (دولة قطر, جمهورية تشاد, مدينة زنجبار): the place is
# named without them too, so a mention is not widened to take them in.
_PLACE_KINDS = folded_words("دولة جمهورية مملكة سلطنة إمارة مدينة بلدة قرية محافظة منطقة ولاية")


def _whole_places(
    text: str, tokens: list[Token], mentions: list[Mention], places: IsPlace | None
) -> list[Mention]:
    """Places the tagger cut that the gazetteer lists whole with the word before or after them:
    "جنوب أفريقيا", "كوريا الجنوبية", "جسر الشغور", "شرم الشيخ"; two places side by side that
    are one ("سلطنة" + "عمان")."""
    if places is None:
        return mentions
    starts = [token.start for token in tokens]
    ends = {token.end: i for i, token in enumerate(tokens)}
    dropped: set[int] = set()
    widened: dict[int, Mention] = {}
    for m in mentions:
        first, last = _token_at(starts, tokens, m.start), ends.get(m.end)
        if m.type != "LOC" or m.start in dropped or first is None or last is None:
            continue
        span = _gazetteer_span(text, tokens, first, last, m, places, mentions)
        if span is None:
            continue
        start, end = span
        dropped.update(o.start for o in mentions if o is not m and start < o.end and o.start < end)
        widened[m.start] = Mention(start, end, text[start:end], "LOC")
    kept = [widened.get(m.start, m) for m in mentions if m.start not in dropped]
    return sorted(kept, key=lambda m: (m.start, m.end))


def _gazetteer_span(
    text: str,
    tokens: list[Token],
    first: int,
    last: int,
    mention: Mention,
    places: IsPlace,
    mentions: list[Mention],
) -> tuple[int, int] | None:
    """The span of a listed place one token wider than `mention` (tokens `first`..`last`)."""
    forms = (
        lookup_form(text[mention.start : tokens[first].end]),  # its clitics off
        *(lookup_form(t.text) for t in tokens[first + 1 : last + 1]),
    )
    if last + 1 < len(tokens) and places((*forms, lookup_form(tokens[last + 1].text))):
        return mention.start, tokens[last + 1].end
    if first == 0 or mention.start != tokens[first].start or tokens[first - 1].end + 1 != mention.start:
        return None
    before = tokens[first - 1]
    clitics, bare = strip_clitics(lookup_form(before.text))
    beside = any(m.end == before.end and m.type == "LOC" for m in mentions)
    for cut, form in ((0, lookup_form(before.text)), (len(clitics), bare)):
        if places((form, *forms)) and (form not in _PLACE_KINDS or beside):
            return before.start + cut, mention.end
    return None


# Heads whose name follows them, written whole with them as one name of their type: a
# competition's ("كأس إسبانيا", "دوري أبطال أوروبا": not Spain, Europe), a stadium's ("ملعب
# ستامفورد بريدج": not a body).
_NAMED_HEADS: dict[str, EntityType] = {
    **dict.fromkeys(folded_words("كأس دوري بطولة"), "MISC"),
    **dict.fromkeys(folded_words("ملعب استاد"), "LOC"),
}
_COMPETITION_OF = folded_words("أبطال")
_CLUB_WORDS = folded_words("نادي فريق")


def _competitions(text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """A name right after a competition's or a stadium's head is one name with it (`tokens`: the
    article's, in order)."""
    starts = [token.start for token in tokens]
    found = []
    for m in mentions:
        i = _token_at(starts, tokens, m.start)
        kind = head = None
        if i is not None and i > 0 and m.start == tokens[i].start:
            j = i - 1 if lookup_form(tokens[i - 1].text) not in _COMPETITION_OF or i < 2 else i - 2
            kind = _NAMED_HEADS.get(_bare(tokens[j].text))
            owner = _bare(tokens[i].text) in _CLUB_WORDS  # "ملعب نادي الخليج": the club's ground
            if kind is not None and kind != m.type and not owner and tokens[j].end + 1 == tokens[j + 1].start:
                head = tokens[j].start + _clitic_cut(tokens[j].text)
        found.append(m if head is None else Mention(head, m.end, text[head : m.end], kind or m.type))
    return found


def _bare(word: str) -> str:
    """A word folded without its clitics and article (وكأس, بالدوري -> كاس, دوري)."""
    return strip_clitics(lookup_form(word))[1]


def _clitic_cut(word: str) -> int:
    """How many letters of `word` are clitics before a competition's head (بكأس, للدوري keep ال)."""
    clitics = strip_clitics(lookup_form(word))[0]
    return len(clitics) - 2 if clitics.endswith("ال") else len(clitics)


def _token_at(starts: list[int], tokens: list[Token], start: int) -> int | None:
    """The token a mention starts in: at its start, or the one its clitics were cut from."""
    i = bisect.bisect_right(starts, start) - 1
    return i if i >= 0 and tokens[i].start <= start < tokens[i].end else None


def _where_free(mentions: list[Mention], more: list[Mention]) -> list[Mention]:
    """`mentions` and those of `more` that overlap none of them, in text order."""
    taken = [(m.start, m.end) for m in mentions]
    added = [m for m in more if not any(s < m.end and m.start < e for s, e in taken)]
    return sorted((*mentions, *added), key=lambda m: (m.start, m.end)) if added else mentions


_OPENING_MARKS = frozenset('«"“')


def _without_closing_marks(group: list[Token], start: int, end: int) -> int:
    """Where a tagged span ends without the dashes or points the tagger took into it ("محمد–")."""
    while end - start > 1 and not any(c.isalnum() for c in group[end - 1].text):
        end -= 1
    return end


def _mentions(
    text: str,
    groups: list[list[Token]],
    tags: Iterator[list[str]],
    frequency: Callable[[str], float],
    places: IsPlace | None = None,
) -> list[Mention]:
    found = [
        (group, start, _without_closing_marks(group, start, end), kind)
        for group in groups
        for start, end, kind in spans(next(tags))
    ]
    # A word that stands inside a longer name of the article carries no clitic there
    # (ماتياس فالغرين), so the same word heading a mention keeps its letters (فالغرين, not الغرين).
    inner = {lookup_form(t.text) for group, start, end, _ in found for t in group[start + 1 : end]}
    heads = {lookup_form(group[start].text) for group, start, _, _ in found}
    mentions = []
    for group, start, end, kind in found:
        first = group[start]
        one_word = end - start == 1
        cut = (
            0 if lookup_form(first.text) in inner else clitic_length(first.text, frequency, one_word=one_word)
        )
        if cut and _like_before_a_name(lookup_form(first.text), cut, heads, places):
            cut -= 1  # "كولن باول", "وكاليه": ك ("like") is a clitic only before a known name
        if cut and _quoted_conjunction(text, first, cut):
            cut = 0
        if cut and start and _head_before_rare_name(group[start - 1].text, first.text, cut, frequency):
            cut = 0  # "المدرب الروماني لازولو", "شركة ويدبوش": a rare name right after its head
        if cut and _fa_of_a_name(first.text, cut, kind, one_word):
            cut = 0
        if first.end - first.start - cut < 2:
            continue
        begin, finish = first.start + cut, group[end - 1].end
        mentions.append(Mention(begin, finish, text[begin:finish], _entity_type(kind)))
    return mentions


# Nouns a name follows at once, in apposition (مدينة ولنجتون, شركة ويدبوش), folded without ال;
# titles and nisba adjectives too (`_names_follow`).
_APPOSITION_HEADS = folded_words("مدينة بلدة قرية عاصمة ولاية جزيرة شركة مؤسسة فرقة نادي فريق منتخب صحيفة")
# Words a name starts with: the heads above, bodies' kinds, a patronym's.
_NAME_HEADS = _APPOSITION_HEADS | BODY_HEADS | folded_words("ابن بن أبو أبي عبد")


def _fa_of_a_name(token: str, cut: int, kind: str, one_word: bool) -> bool:
    """Whether a person's name of several words begins with its own ف: "فيدل كاسترو", "فرد دياز"
    (ف, "so", hardly ever comes right before a person's full name; "فمحمد" would)."""
    return kind == "PER" and not one_word and token[:cut] == "ف" and not is_arabic_given_name(token[cut:])


def _head_before_rare_name(before: str, token: str, cut: int, frequency: Callable[[str], float]) -> bool:
    """Whether `token`'s first `cut` letters belong to a rare name that `before` introduces."""
    return _rare(token[cut:], frequency) and _names_follow(before, conjunction=token[0] == "و")


def _names_follow(word: str, *, conjunction: bool) -> bool:
    """Whether a name may follow `word` without a preposition: a head noun, a title (المدرب,
    الرئيس) or, unless the name begins with و, a nisba adjective with ال (الروماني; but "محمد
    الدوسري وحمد العبدان", "كاشيوا الياباني وغوانغزو": a family name or a club's adjective, then
    the conjunction)."""
    form = lookup_form(word)
    bare = form[2:] if form.startswith("ال") else form
    nisba = form.startswith("ال") and form.endswith("ي") and len(form) > 5
    return bare in _APPOSITION_HEADS or bare in TITLE_HEADS or (nisba and not conjunction)


def _rare(word: str, frequency: Callable[[str], float]) -> bool:
    """A word news writes less than once in 200,000 words (`Tagger.word_frequency` scale)."""
    return frequency(lookup_form(word)) < 5


def _like_before_a_name(form: str, cut: int, heads: set[str], places: IsPlace | None) -> bool:
    """Whether the clitics cut off `form` end in ك while the rest is no known name: كولن باول,
    كاليه (Calais), كورام are names whole; "كمصر" (a place), "كداعش" (named bare too), "كمنظمة
    إيتا", "كابن تيمية" (a name's head) are not."""
    rest = form[cut:]
    return (
        form[cut - 1] == "ك"
        and rest not in heads
        and rest not in _NAME_HEADS
        and not (places is not None and places((rest,)))
    )


def _quoted_conjunction(text: str, token: Token, cut: int) -> bool:
    """A conjunction stays outside quotation marks (و«عكاظ»): «وايرد» is a name; «بالحرب» quotes
    its preposition."""
    return token.start > 0 and text[token.start - 1] in _OPENING_MARKS and token.text[:cut] in ("و", "ف")


def clitic_length(token: str, frequency: Callable[[str], float], *, one_word: bool = False) -> int:
    """How many leading letters of `token` are clitics rather than part of the name.

    >>> freq = {"ناتو": 900, "الناتو": 500, "فايز": 300, "بغداد": 200, "لبنان": 400, "ولبنان": 9,
    ...         "جرين": 50, "ياسر": 330, "وياسر": 86, "فيصل": 300, "يصل": 400, "الدمام": 670,
    ...         "بالدمام": 230, "كابل": 100, "ابل": 580, "الهفوف": 67, "بالهفوف": 61}.get
    >>> words = ["بالناتو", "للناتو", "وفايز", "بغداد", "الناتو", "ولبنان", "فالجرين", "وياسر", "فيصل"]
    >>> [clitic_length(w, lambda f: freq(f, 0)) for w in [*words, "بالدمام", "كابل", "بالهفوف"]]
    [1, 2, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1]
    """
    form = lookup_form(token)
    whole = frequency(form)
    best_cut, best = 0, 0.0
    for prefix in _DROPPABLE:
        if not form.startswith(prefix) or len(form) - len(prefix) < 3:
            continue
        evidence = _evidence(prefix, form[len(prefix) :], frequency)
        # The bare word must be better attested than the token: بغداد beats غداد. Names often
        # begin with ف ب ل ك (فيصل beside يصل), rarely with و, and hardly ever with ال after
        # them: الهفوف used a third as often as بالهفوف is enough; ك alone ("like") hardly ever
        # comes before a name, and many begin with it (كابل is no ك + إبل, camels), so it needs
        # much more; ل before a one-word name less (ب: بعقوبة, باجور are names whole; "لبيد بن
        # ربيعة"), as "قال لرويترز" is so common that the token is used a third as often.
        needed = 0.3 if prefix.endswith("ال") else 1.5 if prefix[0] == "و" else 20 if prefix == "ك" else 4
        if prefix == "ل" and one_word:
            needed = 3
        if evidence > needed * whole and evidence > best:
            best_cut, best = len(prefix) - (2 if prefix.endswith("ال") else 0), evidence
    if best:
        return best_cut
    if whole == 0 and form[0] == "و" and len(form) >= 5:
        return 1  # an unknown name after the conjunction و (few names begin with و; many with ف)
    return 0


def _evidence(prefix: str, rest: str, frequency: Callable[[str], float]) -> float:
    """How well attested the name left after `prefix` is. After بال/وال/فال the name keeps its
    ال, so الـ+rest must be a word (فالجرين is not ف+الجرين); after لل either form may be."""
    if prefix.endswith("ال"):
        return frequency("ال" + rest)
    if prefix.endswith("لل"):
        return max(frequency(rest), frequency("ال" + rest))
    if prefix[-1] != "و" and rest[0] == "و" and frequency(rest[1:]) > 3 * frequency(rest):
        return 0.0  # "بوروسيا" is no ب before وروسيا, "and Russia": و never follows ب
    return frequency(rest)


def _entity_type(kind: str) -> EntityType:
    return kind if kind in ("PER", "ORG", "LOC", "MISC") else "MISC"  # type: ignore[return-value]


class EntityStage:
    name: ClassVar[str] = "entities"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"mentions"})

    def __init__(
        self,
        tag: TagSentences,
        frequency: Callable[[str], float],
        known: KnownNames | None = None,
        names: IsName | None = None,
        places: IsPlace | None = None,
        usual_places: dict[str, int] | None = None,
    ) -> None:
        self.tag = tag
        self.frequency = frequency
        self.known = known
        self.names = names
        self.places = places
        excluded = _NOT_AGAIN | _NOT_TOWNS
        self.usual_places = {w: cut for w, cut in (usual_places or {}).items() if w[cut:] not in excluded}

    @classmethod
    def from_settings(cls, settings: Settings | None = None, *, usual_places: bool = True) -> EntityStage:
        """The packaged tagger and lists (`usual_places`: with `marsad.ner.usual_places`'s list)."""
        from marsad.ner.backends import load_tagger

        tagger = load_tagger((settings or Settings()).ner_model)
        listed = (getattr(tagger, "gazetteer", None) or Gazetteer.load()).entries
        return cls(
            tagger.tag_tokens,
            tagger.word_frequency,
            KnownNames.load(),
            listed.__contains__,
            lambda forms: "LOC" in listed.get(forms, ()),
            load_usual_places() if usual_places else {},
        )

    def __call__(self, article: Article) -> Article:
        return self.call_many([article])[0]

    def call_many(self, articles: Sequence[Article]) -> list[Article]:
        """Tag the sentences of many articles in one call: the tagger's batches fill up."""
        groups = [sentences(a.text) for a in articles]
        flat = [[t.text for t in group] for article_groups in groups for group in article_groups]
        tags = iter(self.tag(flat))
        return [
            replace(article, mentions=tuple(self._found(article, article_groups, tags)))
            for article, article_groups in zip(articles, groups, strict=True)
        ]

    def _found(self, article: Article, groups: list[list[Token]], tags: Iterator[list[str]]) -> list[Mention]:
        saudi = saudi_outlet(article.outlet, article.url)
        return _all_mentions(
            article.text,
            groups,
            tags,
            self.frequency,
            self.known,
            saudi,
            self.names,
            self.places,
            self.usual_places,
        )
