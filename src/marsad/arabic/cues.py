"""Cue words that introduce a quotation, in every person, gender and number a news text uses.

A cue is a verb of saying (قال، أكد، أضاف، أشار ...) in the past (أكدت، أضافوا), the present
(يقول، تشير) or as an active participle that continues the sentence's subject (مشيرا، مؤكدة،
مضيفين). Each form carries the gender and number of its subject, which decides who an implicit
subject is ("وتابعت" takes the last female speaker). Forms are listed in `fold()`-ed spelling
(ا for أ/إ/آ, ي for ى); `cue_pattern()` matches them in a text folded by
`fold_keep_length()`, which keeps every offset.

>>> text = "وأكدت الوزارة أن"
>>> match = cue_pattern().search(fold_keep_length(text))
>>> CUES[match.group("cue")].lemma, CUES[match.group("cue")].gender
('اكد', 'f')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

Gender = Literal["m", "f"]
Number = Literal["sg", "du", "pl"]

# Letters folded one for one, so offsets stay valid; harakat and tatweel stay and are skipped by
# the patterns (`MARKS`).
# ة stays: folded to ه it would read "تابعة" (affiliated) as "تابعه" (he followed it).
_ONE_FOR_ONE_PAIRS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ئ", "ي"), ("ؤ", "و"))
MARKS = "\u064b-\u0652\u0670\u0640"


def fold_keep_length(text: str) -> str:
    """Hamza seats and ى folded without changing the length of `text`.

    >>> fold_keep_length("أكّدت الهيئة")
    'اكّدت الهيية'
    """
    # A few str.replace passes run in C; str.translate with a dict goes character by character.
    for source, target in _ONE_FOR_ONE_PAIRS:
        if source in text:
            text = text.replace(source, target)
    return text


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    gender: Gender | None
    number: Number
    participle: bool = False
    has_object: bool = False  # أعلنته, ذكرتها: the object is the pronoun, what was said came before


@dataclass(frozen=True, slots=True)
class _Verb:
    """One verb of saying: past 3ms, present stem (after ي/ت), participle stem, preposition."""

    past: str
    present: str | None
    participle: str | None
    preposition: str | None = None  # what a noun complement follows: أعرب عن, دعا إلى
    takes_object: bool = False  # a bare noun complement: أكد عدم ..., أعلن مسؤوليته


# fold()-ed spelling. Prepositions: ب means the attached ب (طالب بوجود).
_VERBS = (
    _Verb("قال", "قول", "قايل"),
    _Verb("اكد", "وكد", "موكد", "علي", True),
    _Verb("اضاف", "ضيف", "مضيف"),
    _Verb("اشار", "شير", "مشير", "الي"),
    _Verb("اوضح", "وضح", "موضح", None, True),
    _Verb("شدد", "شدد", "مشدد", "علي"),
    _Verb("تابع", "تابع", "متابع"),
    _Verb("لفت", "لفت", "لافت", "الي"),
    _Verb("اعرب", "عرب", "معرب", "عن"),
    _Verb("نفي", "نفي", "نافي", None, True),
    _Verb("حذر", "حذر", "محذر", "من"),
    _Verb("طالب", "طالب", "مطالب", "ب"),
    _Verb("دعا", "دعو", "داعي", "الي"),
    _Verb("اعتبر", None, "معتبر"),
    _Verb("كشف", "كشف", "كاشف", "عن", True),
    _Verb("اعلن", "علن", "معلن", "عن", True),
    _Verb("ذكر", None, "ذاكر"),  # no present: "يذكر أن" is the journalist's own voice
    _Verb("افاد", "فيد", "مفيد"),
    _Verb("صرح", "صرح", "مصرح"),
    _Verb("راي", "ري", None),
    _Verb("بين", None, "مبين"),  # تبين أن is "it turned out that"
    _Verb("ابان", None, None),
    _Verb("اردف", "ردف", "مردف"),
    _Verb("نوه", "نوه", "منوه", "الي"),
    _Verb("ابدي", "بدي", "مبدي", None, True),
    _Verb("اعترف", "عترف", "معترف"),
    _Verb("ردد", None, "مردد"),
    _Verb("كرر", None, "مكرر"),
    _Verb("وصف", "صف", "واصف"),
    _Verb("تمني", None, "متمني"),
    _Verb("ناشد", "ناشد", "مناشد", "ب"),
    _Verb("اهاب", "هيب", "مهيب", "ب"),  # أهاب بالمواطنين (appealed to)
    _Verb("اقر", "قر", None),  # أقر بأن (admitted that); مقر is a headquarters
    _Verb("طمان", None, None),  # طمأن الجماهير بأن (reassured)
    _Verb("اعتقد", None, "معتقد"),
    _Verb("زعم", None, "زاعم"),
    _Verb("افصح", "فصح", "مفصح", "عن"),
    _Verb("شكك", "شكك", "مشكك", "في"),
    _Verb("استدرك", "ستدرك", "مستدرك"),
    _Verb("اخبر", "خبر", None),
    _Verb("نقل", "نقل", "ناقل"),
    _Verb("ابلغ", None, None),  # not يبلغ (amounts to) nor مبلغ (a sum)
    _Verb("علم", None, None),
    _Verb("هدد", None, "مهدد"),
    _Verb("عبر", None, "معبر", "عن"),
    _Verb("ختم", None, "مختتم"),
    _Verb("استطرد", None, "مستطرد"),
    # no present: "يتوقع أن", "يرجح أن" are mostly "it is expected / likely that"
    _Verb("توقع", None, "متوقع", None, True),
    _Verb("رجح", None, "مرجح"),
    _Verb("استغرب", None, None, None, True),  # "لم يكن مستغربا أن": not strange
    _Verb("حث", None, None, "علي"),
    _Verb("نبه", None, "منبه", "الي"),  # ونبه إلى أن (drew attention to); ينبه: a device alerts
    _Verb("ادعي", None, None),  # ادعى أن (claimed); مدعي is a prosecutor
)

# Present forms left out above (اعتبر، اعتقد، تمنى ...) are mostly passive or habitual in news:
# "يعتبر" is "is considered", "يُعتقد أن" "it is believed that".
# Verbs whose past forms also mean something else ("زاد" increased, "اجاب" answered a call):
# cues only right before a colon or a quotation mark.
COLON_ONLY = frozenset({"زاد", "اجاب", "علق", "ختم", "اختتم", "استطرد", "دافع", "رد", "كتب", "غرد"})

# Hollow and defective verbs do not follow the sound pattern; their past forms are listed.
_IRREGULAR_PAST: dict[str, tuple[str, ...]] = {
    "قال": ("قال", "قالت", "قالوا", "قالا", "قالتا", "قلن"),
    "اضاف": ("اضاف", "اضافت", "اضافوا", "اضافا", "اضافتا", "اضفن"),
    "اشار": ("اشار", "اشارت", "اشاروا", "اشارا", "اشارتا", "اشرن"),
    "افاد": ("افاد", "افادت", "افادوا", "افادا", "افادتا", "افدن"),
    "ابان": ("ابان", "ابانت", "ابانوا"),
    "نفي": ("نفي", "نفت", "نفوا", "نفتا"),  # not نفيا: "نفيا قاطعا", a denial
    "دعا": ("دعا", "دعت", "دعوا", "دعتا"),
    "راي": ("راي", "رات", "راوا", "راتا"),  # not رايا: an opinion
    "ابدي": ("ابدي", "ابدت", "ابدوا", "ابديا", "ابدتا", "ابدين"),
    "تمني": ("تمني", "تمنت", "تمنوا", "تمنيا"),
    "ادعي": ("ادعي", "ادعت", "ادعوا"),
}
_PAST_SUFFIXES: tuple[tuple[str, Gender | None, Number], ...] = (
    ("", "m", "sg"),
    ("ت", "f", "sg"),
    ("وا", "m", "pl"),
    ("ا", "m", "du"),
    ("تا", "f", "du"),
    ("ن", "f", "pl"),
)
# Object pronouns a cue may carry: "قاله" (said it), "اخبرهما" (told them), "اعلنته".
_OBJECTS = ("", "ه", "ها", "هم", "هما")
# No feminine plural: مطالبات, لافتات, ناقلات, معتقدات are nouns (demands, banners, tankers,
# beliefs) far more often than women speaking.
_PARTICIPLE_ENDINGS: tuple[tuple[str, Gender | None, Number], ...] = (
    ("ا", "m", "sg"),
    ("ة", "f", "sg"),
    ("ين", "m", "pl"),
)
# Participle forms that are nouns or adjectives in news: متابعين (followers), متابعة (a
# follow-up). (متوقعة, "غير متوقعة" (unexpected), is a cue only before أن: the quotes stage.)
_NOUN_FORMS = frozenset({"متابعين", "متابعة"})
# Dual forms read as accusative nouns for most verbs ("حققت كشفا", "نقلا عن", "علما بأن"); only
# these keep them ("قالا إن").
_DUALS = frozenset({"قال", "اكد", "اضاف", "اوضح", "اشار", "شدد", "لفت", "حذر", "اعلن", "صرح", "افاد"})
# "بينهم" is "among them", never "he made them clear"; "كتبه" is "his books" ("ومن أشهر كتبه:").
_NO_OBJECT = frozenset({"بين", "ابان", "كتب"})
_COLON_CUES = {lemma: _Verb(lemma, None, None) for lemma in COLON_ONLY}


def _past_features(verb: str, form: str) -> tuple[Gender | None, Number]:
    for suffix, gender, number in sorted(_PAST_SUFFIXES, key=lambda s: -len(s[0])):
        if suffix and form.endswith(suffix):
            return gender, number
    return "m", "sg"


def _forms(verb: _Verb) -> dict[str, Cue]:
    forms: dict[str, Cue] = {}
    past = _IRREGULAR_PAST.get(verb.past) or tuple(
        verb.past + s for s, _, number in _PAST_SUFFIXES if number != "du" or verb.past in _DUALS
    )
    for form in past:
        gender, number = _past_features(verb.past, form)
        if form == verb.past:
            gender, number = "m", "sg"
        for obj in ("",) if verb.past in _NO_OBJECT else _OBJECTS:
            forms.setdefault(form + obj, Cue(verb.past, gender, number, has_object=bool(obj)))
    if verb.present:
        stem = verb.present
        for prefix, gender in (("ي", "m"), ("ت", "f")):
            forms[prefix + stem] = Cue(verb.past, gender, "sg")
        # a defective stem loses its last letter before ون: يرى → يرون, يدعو → يدعون, ينفي → ينفون
        forms["ي" + (stem[:-1] if stem.endswith(("ي", "و")) else stem) + "ون"] = Cue(verb.past, "m", "pl")
    if verb.participle:
        stem = verb.participle
        # Defective participles end in ي: داعيا، نافيا، متمنيا; the ي is the stem's.
        for ending, gender, number in _PARTICIPLE_ENDINGS:
            if stem + ending not in _NOUN_FORMS:
                forms[stem + ending] = Cue(verb.past, gender, number, participle=True)
        if stem.endswith("ي"):
            forms[stem[:-1] + "ين"] = Cue(verb.past, "m", "pl", participle=True)
    return forms


def _build() -> dict[str, Cue]:
    table: dict[str, Cue] = {}
    for verb in (*_VERBS, *_COLON_CUES.values()):
        for form, cue in _forms(verb).items():
            table.setdefault(form, cue)
    # "وجاء في البيان أن", "حسبما جاء في تقرير للوكالة": what a document says (the quotes stage
    # takes it only before "في" and a document, or "على لسان")
    table["جاء"] = Cue("جاء", None, "sg")
    table["قوله"] = Cue("قال", "m", "sg")  # "نقلت الوكالة عن الوزير قوله إن": his saying
    table["قولها"] = Cue("قال", "f", "sg")
    table["قولهم"] = Cue("قال", "m", "pl")
    # "ومضى المركز بالقول: إن", "ويختتم الوزير حديثه بالقول، إن": by saying, as قائلا does
    table["بالقول"] = Cue("قال", None, "sg", participle=True)
    return table


#: Every cue form (folded spelling) and what it tells about its subject.
CUES: dict[str, Cue] = _build()
VERBS: dict[str, _Verb] = {v.past: v for v in (*_VERBS, *_COLON_CUES.values())}


def _alternation(words: list[str]) -> str:
    """A prefix-trie regex of `words`, longest first, with harakat allowed after each letter."""
    trie: dict[str, Any] = {}
    for word in sorted(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie(trie)


def _trie(node: dict[str, Any]) -> str:
    branches = [re.escape(c) + f"[{MARKS}]*" + _trie(child) for c, child in sorted(node.items()) if c]
    if "" in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    """Cue words at a word start, after an optional و/ف (and ل for "لقوله"), as group `cue`."""
    # Not after a letter or a mark: the و of الدّورات, after its shadda, starts no word.
    return re.compile(
        rf"(?<![^\W\d_])(?<![{MARKS}])(?:[وف][{MARKS}]*)?(?P<cue>{_alternation(list(CUES))})(?![^\W\d_])"
    )


_MARKS_RE = re.compile(f"[{MARKS}]")


@lru_cache(maxsize=4096)
def cue_key(word: str) -> str:
    """The lexicon key of a cue as matched: folded, harakat and tatweel dropped."""
    return _MARKS_RE.sub("", fold_keep_length(word))


#: Head nouns of titles that stand for a person ("الوزير"، "المتحدثة باسم الخارجية"), folded and
#: without ال; a subject made of a title alone is resolved to the person the article names with it.
TITLE_HEADS = frozenset(
    [
        "وزير",
        "وزيره",
        "رييس",
        "رييسه",
        "متحدث",
        "متحدثه",
        "ناطق",
        "ناطقه",
        "مدير",
        "مديره",
        "امين",
        "امينه",
        "سفير",
        "سفيره",
        "قايد",
        "محافظ",
        "امير",
        "ملك",
        "نايب",
        "نايبه",
        "مستشار",
        "مستشاره",
        "مدرب",
        "مدربه",
        "لاعب",
        "محامي",
        "محاميه",
        "مايسترو",
        "مدعي",
        "مفتي",
        "شيخ",
        "عميد",
        "لواء",
        "دكتور",
        "دكتوره",
        "مهندس",
        "عقيد",
        "فريق",
        "مساعد",
        "وكيل",
        "وكيله",
        "عضو",
        "عضوه",
        "ولي",
        "خادم",
        "مبعوث",
        "مبعوثه",
        "منسق",
        "منسقه",
        "مندوب",
        "مندوبه",
        "مفوض",
        "مفوضه",
        "قاضي",
        "قاضيه",
        "نجم",
        "مشرف",
        "مشرفه",
        "ممثل",
        "ممثله",
        "مخرج",
        "مخرجه",
        "كاتب",
        "كاتبه",
        "خبير",
        "خبيره",
        "محلل",
        "مراقب",
        "باحث",
        "باحثه",
        "استاذ",
        "استاذه",
        "استشاري",
        "استشاريه",
        "اخصايي",
        "اخصاييه",
        "طبيب",
        "طبيبه",
        "شاعر",
        "شاعره",
        "فنان",
        "فنانه",
        "قنصل",
        "قنصله",
        "ملحق",
        "زعيم",
        "زعيمه",
        "حاكم",
        "عاهل",
        "مرشد",
        "سكرتير",
        "سكرتيره",
        "نقيب",
        "مسوول",
        "مسووله",
        "مسيول",
        "مسيوله",
    ]
)
