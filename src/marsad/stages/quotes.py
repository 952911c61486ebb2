"""The quotes stage: direct and reported statements, with their speakers resolved.

`find_quotes(text, mentions)` is the algorithm; `QuoteStage` wraps it for the pipeline.

What is found:

* a cue (arabic/cues.py: قال، أكدت، أضافوا، مشيرا، يقول ...) followed, within its sentence, by
  its subject and then a complement: أن/إن/بأن (alone or with a pronoun: إنه، أنها), a colon, an
  opening quotation mark («“"), or the cue's own preposition (أعرب عن، دعا إلى، حذر من);
* a quotation mark after the complement makes the quote direct (its span is inside the marks);
  a colon with no mark is direct up to the paragraph's end; otherwise the quote is reported, up to
  the sentence's end or the next cue that starts a new clause ("، مشيرا إلى أن");
* a statement attributed after the fact: "…، بحسب ما أعلنت الوزارة" / "حسبما أفاد مصدر";
* quotation marks after a colon with no cue ("…لإذاعة X: «…»").

Quoted titles and scare quotes ("داعش"، «إعلان عن نوايا») are not quotes unless a cue claims them;
marks inside a reported statement belong to it.

Speakers: the subject between the cue and the complement, when it holds a person's name
("وقال وزير الخارجية عادل الجبير إن") or a body's; a title alone ("وقال الوزير") resolves to the
person the article introduced with that title; an unnamed subject ("مصدر أمني"، "البيان") is kept
as `speaker_text` with no entity. An implicit subject ("وأضاف:"، "وتابعت"، "مشيرة إلى أن") takes
the last speaker whose gender and number agree with the cue. A subject before the verb
("ستولتنبرغ أكد أن") is read back to the clause start. Nested attribution ("وأضاف البيان أن
ستولتنبرغ أكد أن"، "نقلت الوكالة عن الوزير قوله إن"، "نقلت صحيفة «الوطن» عن مسؤول أن") keeps the
inner speaker and records the outer source as `via` (its entity id when the mention is linked, else
its text); but a cue right after the subject's own pronoun ("قال إنه حذر من") is the speaker's
statement whole. A لكن/بينما/فيما before a subject and its verb opens another speaker's clause
("إنهم يعتقدون أنه قتل لكن آخرين قالوا إنه").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import ClassVar

from marsad.arabic.cues import (
    COLON_ONLY,
    CUES,
    MARKS,
    TITLE_HEADS,
    VERBS,
    Cue,
    Gender,
    Number,
    cue_key,
    cue_pattern,
    fold_keep_length,
)
from marsad.arabic.datelines import BYLINE_RE
from marsad.arabic.keys import fold
from marsad.model import Article, Mention, Quote
from marsad.settings import Settings

#: Looks up a title phrase ("الوزير"، "المتحدثة باسم الخارجية") at an offset and returns the
#: mention of the person it stands for, or None. The linking stage may offer a better one.
TitleResolver = Callable[[str, int], Mention | None]

_WORD = r"[^\W\d_]"
_OPEN_CLOSE = {"«": "»", "“": "”″", '"': '"'}
_CLOSES = {"»": "«", "”": "“", "″": "“"}
_CLOSING_MARKS = frozenset(_CLOSES) | {'"'}
# A full stop ends a sentence before a space, or between two words written without one
# ("لم يتم تنويمها.أوضح ذلك"; not "أ.د.", "بي.إم.دبليو" nor 3.5).
# (nor the dots of a web address, "www.gdp.gov.sa", or an acronym, "إن.اتش.كيه")
_SENTENCE_END_RE = re.compile(
    r"[.!?؟](?=\s|$)|\.(?<=[^\W\d_]{3}\.)(?<![A-Za-z]{3}\.)(?<!\.[^\W\d_]{3}\.)(?=[^\W\d_]{3})(?![A-Za-z])|\n"
)
_ABBREVIATION_RE = re.compile(r"(?:[^\W\d_]\.)+")
# `MARKS` as characters (for str.strip): harakat, the dagger alif, tatweel.
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"
# أن / إن / بأن, alone or with a pronoun (إنه، أنها، إننا); folded spelling.
_COMPLEMENTIZER_RE = re.compile(
    # (not the إن of a dotted abbreviation: "سي.إن.إن")
    rf"(?<!{_WORD})(?<![^\W\d_]\.)[وف]?ب?[{MARKS}]*ان[{MARKS}]*(?:ه|ها|هم|هما|هن|نا|ني|ي|كم)?(?!{_WORD})(?!\.[^\W\d_])"
)
# A word before أن that makes it a conjunction of time or manner, not a complementizer.
_NOT_COMPLEMENTIZER_BEFORE = frozenset(
    fold(w)
    for w in [
        *("بعد", "وبعد", "فبعد"),
        *("قبل", "وقبل"),
        "منذ",
        "حتى",
        "بد",
        "يجب",
        "يمكن",
        "ينبغي",
        "المقرر",
        "المتوقع",
        "المفترض",
        "أجل",
        "دون",
        "رغم",
        "بدل",
        "لو",
        "كما",
        "إلا",
        "يريد",
        "تريد",
        "بإمكان",
    ]
)
_PREPOSITION_WORDS = {"الي": "الي", "علي": "علي", "عن": "عن", "من": "من", "في": "في"}
# Words that end the subject: a prepositional phrase or an adverb follows it.
_BREAKS = frozenset(
    fold(w)
    for w in [
        "في",
        "خلال",
        "أمام",
        "مع",
        "عقب",
        "فور",
        "عند",
        "حين",
        "قبيل",
        "إبان",
        "لدى",
        "عبر",
        "أثناء",
        "إثر",
        "بعد",
        "قبل",
        "عن",
        "على",
        "إلى",
        "من",
        "حول",
        "بشأن",
        "ضمن",
        "وسط",
        "خلال",
        "لوسائل",
        "للصحافيين",
        "للصحفيين",
        "لصحيفة",
        "لوكالة",
        "لقناة",
        "لـ",
        "بـ",
        # "وجاء في البرقية حسب بيان للوزارة": by whose account, after the subject
        *("حسب", "بحسب", "وفق", "وفقا", "طبقا"),
    ]
)
_ADVERBS = frozenset(
    fold(w)
    for w in [
        "أمس",
        "اليوم",
        "الليلة",
        "غدا",
        "مساء",
        "صباح",
        "ظهر",
        "الأحد",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "يوم",
        "الأسبوع",
        "مجددا",
        "شخصيا",
        "هاتفيا",
        "رسميا",
        "علنا",
        "خصوصا",
        "حرفيا",
        "أيضا",
        "كذلك",
        "بدوره",
        "بدورها",
        "بدورهم",
        "جهته",
        "جهتها",
        "جانبه",
        "جانبها",
        "الماضي",
        "وقت",
        "كما",
        "فيه",
        "فيها",
        "خلاله",
        "خلالها",
        "لها",
        "له",
        "لهم",
        "قد",
        "عنه",
        "عنها",
        "عنهم",
        "منه",
        "منها",
        "عليه",
        "عليها",
        "اليه",
        "اليها",
        "فيهم",
        "عليهم",
        "اليهم",
        "منهم",
        "بهم",
        "به",
        "بها",
        *(
            "آنذاك",
            "الآن",
            "حاليا",
            "حينها",
            "حينذاك",
            "حينئذ",
            "وقتها",
            "وقتذاك",
            "يومها",
            "سابقا",
            "مؤخرا",
            "لاحقا",
        ),
    ]
)
# Times opening the words after a verb ("أعلنت مطلع الأسبوع الماضي أنها"), not its subject; inside
# a subject مطلع is "informed" (مصدر مطلع).
_TIME_HEADS = frozenset(fold(w) for w in ("مطلع", "منتصف", "أواخر", "أوائل", "مستهل"))
# A participle of وصف's object, then what it was called: "واصفا هذا القرار بالقرار غير الحكيم".
_DESCRIBED_AS_RE = re.compile(r"\s+(?:[^\s،,.:؛]+\s+){1,5}?«?ب[^\s،,.:؛]{2,}")
_COUNT_WORDS = frozenset(
    fold(w) for w in ("ألف", "آلاف", "مئات", "عشرات", "مليون", "مئة", "مائة", "أي", "كل")
)
# "صرح بذلك", "أوضح ذلك" before the subject: what was said is what came before (not "دعا ذلك
# القذافي إلى": that led him to).
_SAID_BEFORE = frozenset({"صرح", "اوضح", "ذكر", "اكد", "اعلن", "افاد", "بين", "قال"})
# "ورغم أن الوزير قال إن …، إلا أن …": a statement conceded, then the writer's own clause.
_CONCESSION_RE = re.compile(r"(?<!\w)(?:[وف]?ب?رغم|الرغم)(?!\w)")
_BUT_RE = re.compile(r"\s*[،,]\s*ف?الا\s+ان(?:ه|ها|هم)?(?!\w)")
# ... and the verbs that follow the words they attribute in marks ("«…»، قال الوزير").
_SAID_AFTER_MARKS = frozenset({"قال", "اضاف", "تابع", "اوضح", "اكد", "كتب", "غرد", "ذكر", "صرح"})
_MARKS_BEFORE_RE = re.compile(r"[»”\"]\s*[،,]\s*(?:هكذا\s+)?و?$")
_THIS_RE = re.compile(r"\s+ب?ذلك\s+(?!في\s|خلال|عقب|بعد|اثناء|لدي|من\s|علي\s|الي\s)")
_BACKWARD_RE = re.compile(
    rf"(?<!{_WORD})(?:و?(?:وفق|طبق)[{MARKS}ا]*\s*ل?ما|و?ب?حسب[{MARKS}]*\s*ما|حسبما|علي\s+(?:حد\s+)?ما)\s+(?=\S)"
    # "…، كما أعلنت كييف،": as someone said, a name and no complement after it
    # (a comma before كما, or none: "تصل الطائرات في اليومين المقبلين كما أضاف الوزير.")
    r"|(?P<as>(?:(?<=[،,])\s*|(?<=[^\W\d_])\s+)كما\s+)"
    r"(?=\S+(?:\s+(?!ب?ان(?:ه|ها|هم)?(?!\w))[^\s،,.:؛«\"“]+){1,6}\s*(?:[،,.؛]|$))"
)
# "…، كما أعرب عن": as well, after a comma, the speaker's next statement.
_AS_WELL_RE = re.compile(r"[،,]\s*كما\s+$")
# "أعرب فيه عن", "أكد فيها": in the call or the cable the sentence told of.
_IN_IT_RE = re.compile(r"\s+(?:فيه|فيها)(?!\w)")
_CALL_FROM_RE = re.compile(r"(?:اتصال[اً]*|برقي[ةه]|رسال[ةه])(?:\s+[^\s.،,]+){0,3}?\s+من(?!\w)")
# The kind of outlet written before its name, as the search key spells it ("وكالة", "صحيفة").
_OUTLET_KIND = r"(?:(?:صحيف|جريد|وكال|قنا|مجل|اذاع)[هة]|موقع)"
#: An outlet's kind, then its name in marks: "وكالة أنباء «الأناضول»", "صحيفة "الوطن"".
_OUTLET_NAMED_RE = re.compile(rf"(?:ال)?{_OUTLET_KIND}(?:\s+(?:ال)?انباء)?\s*[«\"“]")
# "وبحسب الوكالة فإن", "…، حسب إعلان وزارة العدل", "وطبقا لتقرير نشرته «الفرنسية»،": a statement
# attributed without a verb of saying (see `_Finder._according_to`).
_ACCORDING = r"ب?حسب(?!\w)|وفق[اً]*\s*ل|طبق[اً]*\s*ل"
_ACCORDING_RE = re.compile(rf"(?<!\w)[وف]?(?:{_ACCORDING}|استنادا\s+(?:الي(?!\w)|ل))ـ?\s*(?=\S)")
# The verb, its subject (eight words at most), then فإن / فقد: what follows is said.
_THEN_SAID_RE = re.compile(r"\S+(?:\s+[^\s،,.]+){1,8}?\s*[،,]?\s+ف(?:ان|قد)\s")
_ACCORDING_END_RE = re.compile(r"\s*[،,]\s*(?:ف(?:ان|قد)\s+)?|\s+ف(?:ان|قد)\s+")
_MAX_SOURCE_WORDS = 10
_RELATIVE_NEXT_RE = re.compile(r"(?:التي|الذي|الذين|اللذين|اللتين|اللاتي|الصادر\w*)(?!\w)")
# The outlet told, after the source: "شهود عيان لـ«الشرق الأوسط»".
_TOLD_AFTER_RE = re.compile(r"\s+لـ?\s*[«\"“]")
# "وحسب وكالة الأنباء الألمانية، قال": the outlet that relays what the clause's verb reports.
_FRONTED_SOURCE_RE = re.compile(
    rf"\s*[وف]?(?:{_ACCORDING})ـ?\s*(?P<source>{_OUTLET_KIND}\s+[^،,.]{{2,50}}?)\s*[،,]\s*"
)
# "نقلت الوكالة عن", "ونقل عنه", "نقلت صحيفة «عكاظ» اليوم الخميس عن": a source within six words.
_QUOTED_FROM_RE = re.compile(r"(?:\s+\S+){0,6}?\s+عن(?:ه|ها|هم)?(?!\w)")
# A few words (at least the given number), no punctuation, then أن/إن/بأن.
_WORDS_THEN_THAT = r"(?:\s+[^\s،,.:؛]+){%d,%d}?\s+ب?ان(?:ه|ها|هم)?(?!\w)"
_REPORTED_THAT_RE = re.compile(_WORDS_THEN_THAT % (1, 3))
_SOURCE_PREPOSITIONS = ("عن", "من", "الي")  # نقل عن, نسب إلى X قوله
# Verbs whose relative clause describes the antecedent through a pronoun ("التي وصفها بأنها").
_DESCRIBING = frozenset({"وصف", "اعتبر"})
_AS_BEING_RE = re.compile(r"\s+بان")  # folded بأن
# A cue after these is not a statement: a relative clause ("الذين يطالبون") or the journalist's
# own formula ("الجدير ذكره أن").
_NOT_A_CUE_AFTER = frozenset(
    # the search key keeps ة (ضرورة), fold() does not
    key(w)
    for key in (fold, fold_keep_length)
    for w in [
        "الذي",
        "التي",
        "الذين",
        "والذي",
        "والتي",
        "والذين",
        "اللذين",
        "اللتين",
        "اللواتي",
        "اللاتي",
        "الجدير",
        "جدير",
        "والجدير",
    ]
)
# Words that govern a verbal noun: a cue form after them is the noun ("ضرورة كشف مخططات", "تم
# نقل", "عدم ذكر"), no verb (the search key keeps ة, fold() does not).
_GOVERN_VERBAL_NOUNS = frozenset(
    key(w)
    for key in (fold, fold_keep_length)
    for w in (
        *("ضرورة", "أهمية", "عدم", "تم", "يتم", "سيتم", "وتم", "ويتم", "بهدف", "بغرض", "محاولة"),
        *("إمكانية", "أجل", "لأجل", "رغم", "ورغم", "برغم", "هل", "وهل"),  # "رغم نفي اللاعب", "هل ترى"
        # prepositions: "مع توقع المزيد من الخسائر", "في حث الجانب الأميركي" (not على: folded,
        # it is the name علي, "يعلق علي قائلا")
        *("مع", "في", "إلى", "عن", "حول"),
    )
)
# A source's wish not to be named, after it: "طلب عدم كشف اسمه", "فضل عدم ذكر اسمه", "رفض الكشف عن
# هويته" (the search key: hamzas folded, ة kept).
_ANONYMITY_RE = re.compile(
    r"(?:طلب|طالبا|فضل|مفضلا|رفض|رافضا|اشترط)\s+(?:عدم\s+)?(?:ال)?(?:كشف|ذكر|نشر|افصاح)\s+(?:عن\s+)?"
    r"(?:اسمه|اسمها|اسمهم|هويته|هويتها|هويتهم)(?!\w)[،,]?"
)
# Kinds of the one told, after ل: "قال لهيئة الإذاعة الأميركية", "لوكالة الأنباء الفرنسية".
_TOLD_KINDS = frozenset(
    fold(w)
    # "وقال للجنة الشؤون الخارجية بمجلس النواب": the one told
    for w in (
        *("هيئة", "وكالة", "صحيفة", "قناة", "موقع", "شبكة", "مجلة", "إذاعة", "تلفزيون", "وسائل"),
        *("وكالات", "صحف", "قنوات", "مواقع", "شبكات", "مجلات", "إذاعات", "محطة", "محطات"),
        *("لجنة", "مجلس", "برنامج"),
    )
)
_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذه", "هذا", "هذان", "هاتان", "هؤلاء", "ذلك", "تلك"))
# A word written whole in quotation marks: "الصحة", «الاقتصادية».
_QUOTED_WORD_RE = re.compile(r'(?:"[^"\s]+"|«[^»\s]+»|“[^”\s]+”)')
_NO_CUE_AFTER = _NOT_A_CUE_AFTER | _GOVERN_VERBAL_NOUNS
# "رأى النور" (came to light), not an opinion.
_THE_LIGHT_RE = re.compile(r"\s+النور(?!\w)")
# A cue followed at once by its complementizer names no one ("مما يشير إلى أن"; but "ما أشارت
# المصادر إلى أن" has its subject).
_NO_SUBJECT_RE = re.compile(r"\s+(?:(?:(?:اليه|الي)\s+)?ب?ان|عن|الي|علي)(?!\w)")
# A complementizer carrying the subject's pronoun ("قال إنه حذر"): a cue right after it is the
# speaker's own act, not another speaker's statement reported.
_SELF_REPORT_RE = re.compile(r"(?<!\w)ب?[إأا]ن(?:ه|ها|هم|هما)\s*(?:قد\s+)?$")
_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"))
# (the relatives: "وقال الوزير الذي التقى جون كيري", the one met in the relative clause holds no title)
_TITLE_STOPS = (
    _ADVERBS | _RELATIVES | frozenset(fold(w) for w in ("خلال", "حسب", "بحسب", "وفق", "وفقا", "عبر"))
)
_NEGATIONS = frozenset(fold(w) for w in ("لم", "لا", "لن", "ولم", "ولا", "ولن", "فلم", "فلا", "فلن"))
# Verbs whose noun after the verb is often the object, not the subject ("دعت الشعب إلى"; تمنى: a
# wish, التوفيق).
_EXPERTS = frozenset(
    fold(w) for w in ("خبراء", "محللون", "مختصون", "مراقبون", "اقتصاديون", "أطباء", "علماء", "باحثون")
)
_OBJECT_FIRST = frozenset({"دعا", "طالب", "ناشد", "اخبر", "ابلغ", "حذر", "تمني", "حث", "نبه", "وصف"})
# أن, إن (folded) standing alone, a conjunction before it or not.
_THAT_WORD_RE = re.compile(r"(?<!\S)[وف]?ان(?!\S)")


def _speaker_adjective(word: str) -> bool:
    """An unnamed speaker's adjective (محلي, أمني, مطلع, كبير), after which a noun starts anew."""
    return (len(word) >= 4 and word.endswith("ي")) or word in _SOURCE_ADJECTIVES


_SOURCE_ADJECTIVES = frozenset(fold(w) for w in ("مطلع", "مطلعة", "كبير", "رفيع", "بارز", "مسؤول"))
# Words that end an unnamed speaker's phrase ("قناة آزال الفضائية الموالية لصالح").
_PHRASE_ENDS = frozenset(
    fold(w)
    for w in [
        "الذي",
        "التي",
        "الذين",
        "الموالي",
        "الموالية",
        "الموالين",
        "التابع",
        "التابعة",
        "ومقرها",
        "المنفذة",
    ]
)
_PHRASE_MARKS = ("،", ",", '"', "»", "”")
# How far back (characters) "الوزارة" looks for the ministry it stands for.
_BODY_REACH = 400
# Words that open no subject of their own after دعا/طالب: demonstratives and quantifiers
# ("دعا أولئك الذين", "طالب جميع الجهات").
_NOT_NOMINATIVE = frozenset(
    fold(w) for w in ("أولئك", "هؤلاء", "هذا", "هذه", "ذلك", "تلك", "كل", "جميع", "كافة", "بعض", "أحد")
)
# Unnamed sources a clause may open with, before its verb ("مصدر أمني قال إن").
_SOURCE_HEADS = frozenset(
    fold(w)
    for w in (
        *("مصدر", "مصادر", "مسؤول", "مسؤولون", "مسؤولين", "مسئول", "مسئولون", "شهود", "شاهد", "خبراء"),
        *("خبير", "مختصون", "مختص", "محللون", "محلل", "مراقبون", "تقارير", "تقرير", "دراسة", "بيان"),
        *("آخرون", "آخرين"),
        # people speaking as a group ("أعضاء الفريق أكدوا أنهم", "وقال سكان إن")
        *("أعضاء", "أهالي", "سكان", "ناشطون", "ناشطين", "مواطنون", "مواطنين", "متظاهرون", "محتجون"),
    )
)
# What a statement comes from, first word after بحسب (folded, ال off): a source a clause opens
# with too (`_SOURCE_HEADS`), or a statement.
_STATEMENT_SOURCES = _SOURCE_HEADS | frozenset(
    fold(w).removeprefix("ال")
    for w in (
        *("إعلان", "تصريح", "تصريحات", "رواية", "إحصائية", "إحصائيات", "مراسل", "المتحدث", "الناطق"),
        *("وسائل", "أرقام", "بيانات", "معلومات", "نتائج", "مسح", "استطلاع", "محطة", "شبكة", "تلفزيون"),
        # (the other outlets: `_OUTLET_KIND`)
    )
)
# ... those that are people, unnamed: a body after them is whom they told or where they sit
# ("شهود عيان لـ«الشرق الأوسط»", "مصادر في الوزارة").
_PEOPLE_SOURCES = frozenset(
    fold(w).removeprefix("ال")
    for w in ("مصادر", "مصدر", "مسؤول", "مسؤولين", "شهود", "مراسل", "المتحدث", "الناطق")
)
_CLAUSE_OPENERS = frozenset(
    # "وكانت الحكومة قالت": كان before its subject and verb
    fold(w)
    for w in ("لكن", "ولكن", "بينما", "فيما", "كما", "غير", "إلا", "كان", "وكان", "كانت", "وكانت")
)
# Conjunctions of contrast that open a clause with its own subject before the verb.
_CONTRASTS = frozenset(fold(w) for w in ("لكن", "ولكن", "بينما", "وبينما", "فيما", "وفيما"))
# Words right before a verb that open a new clause with it.
_CLAUSE_HEADS = (
    _CONTRASTS
    | frozenset(
        # "ما إن أعلنت الوزارة … حتى أكد رئيس اللجنة أن": a time clause's verb has its own subject
        fold(w)
        for w in ("حيث", "وحيث", "ثم", "حتى", "عندما", "وعندما", "بعدما", "حينما", "حين")
    )
    | frozenset(fold(w) for w in ("لكنه", "ولكنه", "لكنها", "ولكنها", "لكنهم", "ولكنهم"))
)  # "، ولكنه أضاف أن"
# How far on (characters) a lead's "خبير اقتصادي" looks for "الخبير الاقتصادي فلان".
_NAMED_AFTER_REACH = 600
# Pronouns of honour a subject is written as: the person named before speaks ("وقال سموه").
_HONORIFIC_PRONOUNS = frozenset(
    fold(w) for w in ("سموه", "سموها", "معاليه", "معاليها", "سماحته", "فضيلته", "سعادته", "جلالته", "فخامته")
)
#: A line of a name (one to four words), the outlet told, a colon, and the words said.
_HEADLINE_RE = re.compile(
    r"^[ \t]*(?P<name>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3})(?:[ \t]+لـ?[ \t]*[«\"“][^»\"”\n]{1,30}[»\"”])?"
    r"[ \t]*:[ \t]*(?P<said>[^\n]+)$",
    re.MULTILINE,
)
_MANAGEMENT_OF_RE = re.compile(r"(?:مجلس\s+)?ادار[ةه]\s+")
_CLUB_WORD_RE = re.compile(r"نادي\s+")
#: Words of honour before a title (folded): "معالي الوزير", "صاحب السمو الملكي الأمير".
_HONORIFIC_RE = re.compile(
    r"(?:معالي|سعاد[ةه]|سمو|فضيل[ةه]|سماح[ةه]|فخام[ةه]|صاحب\s+السمو(?:\s+الملكي)?)(?!\w)"
)
# Words that open an aside after a name, not what was said.
_PARENTHETICALS = frozenset(fold(w) for w in ("وهي", "وهو", "وهم", "الذي", "التي", "الذين", "والذي", "والتي"))
# Nouns for people that carry a pronoun as a subject ("قالت عائلته", "أكد محاميه", "أكد ابنه").
_UNNAMED_SOURCES = frozenset(fold(w) for w in ("مصدر", "مصادر", "مسؤول", "مسؤولون", "مسئول", "مسئولون"))
_NOT_SEATS = frozenset(
    fold(w) for w in ("الوقت", "الساعة", "الأثناء", "المقابل", "الإطار", "السياق", "الحديث", "البيان")
)
# Plural heads of a genitive person that are the speakers themselves ("منتقدي الفالح").
_GROUPS_OF = frozenset(
    fold(w) for w in ("منتقدي", "معارضي", "مؤيدي", "خصوم", "أنصار", "مناصري", "محاميي", "مساعدي", "مستشاري")
)
# Verbs of showing whose present, after a thing, captions it ("صورة تبين", "لافتة تشير إلى").
_SHOWING = frozenset({"اوضح", "بين", "اشار", "كشف"})
_PEOPLE_NOUNS = frozenset(
    fold(w)
    for w in (
        *("عائلة", "أسرة", "والد", "والدة", "ابن", "ابنة", "نجل", "زوج", "زوجة", "شقيق", "شقيقة"),
        *("أخ", "أخو", "أخت", "أبناء", "أهل", "ذوو", "ذوي", "أقارب", "أنصار", "زملاء", "أصدقاء"),
        *("صديق", "محامو", "جمهور", "لاعبو", "مسؤولو", "ممثلو", "قيادة", "حكومة", "وزارة", "إدارة"),
    )
)
# Words between a cue and its subject that are none: "أكد ذلك المتحدث", "واختتم بالقول:".
_NOT_SUBJECTS = frozenset(
    fold(w)
    for w in (
        *("ذلك", "بالقول", "بقوله", "بقولها", "قوله", "قولها", "قولهم"),
        # "وقال هو إن", "وأضاف يقول:": the subject is the one named before
        *("هو", "هي", "هم", "هما", "يقول", "تقول", "قائلا", "قائلة"),
    )
)
_OBJECT_LEAD_RE = re.compile(
    # "نفى الوزير لـ«عكاظ» وجود": the paper told; "أكد في تصريح صحافي، حرص": where it was said
    r"(?:لـ?\s*[«\"“][^»\"”]{1,40}[»\"”][\s،,]+)?"
    r"(?:في\s+(?:بيان|تصريح|تصريحات|حديث|كلم[هة]|مؤتمر\s+صحفي)"
    r"(?:\s+(?:له|لها|لهم|صحفي|صحافي|رسمي|صادر|خاص)|\s*لـ?\s*[«\"“][^»\"”]{1,40}[»\"”])*[\s،,]+)?"
    r"(?:(?:امس|اليوم|مساء|صباح|ظهر|فجر)"
    r"(?:\s+(?:امس|اليوم|الاول|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمع[هة]|السبت))?[\s،,]+)?"
)
# An outlet or a person told, at the end of the words before a verb: "وفي تصريح خاص لـ", "وفي حديث مع".
_TOLD_IN_AN_INTERVIEW_RE = re.compile(
    r"(?:تصريح|تصريحات|حديث|مقابل[هة]|لقاء|حوار|اتصال)[^\s.،,]*(?:\s+[^\s.،,]+){0,2}\s+"
    rf"(?:ل|لـ|مع\s+)(?:{_OUTLET_KIND}\s+)?[\"«“]?$"
)
_CIRCUMSTANCE_HEADS = frozenset(fold(w) for w in ("خلال", "في", "مع", "على", "إلى", "عن", "من", "بعد", "قبل"))
# A sentence of the writer's own after a statement set off by a colon: background, a new scene.
_NARRATION_RE = re.compile(
    r"[.!؟?]\s+(?:وكان|وكانت|يذكر|ويذكر|يشار|ويشار|تجدر|وتجدر|(?:من|و?ب)\s*(?:جهت|جانب|دور)(?:ه|ها|هم|هما)|"
    r"الي ذلك|وفي سياق|في سياق|وفي غضون|وعلي صعيد|علي صعيد)(?!\w)"
)
# A comma, then و and a verb the past's endings make plain (وشملت, ووثقوا, وتم): the subject's
# next deed ("، وأحرزت", not "، وعدم" or "، وأسعار": a 3rd person masculine verb looks like a noun).
_NEXT_DEED_RE = re.compile(r"[،,]\s*و(?!ال)(?:[^\W\d_]{2,5}(?:(?<!ا)ت|وا)|تم)(?!\w)")
# Particles before a verb: a clause's words holding one hold another verb than the cue.
_VERB_PARTICLES = frozenset(fold(w) for w in ("ما", "لا", "لم", "لن", "قد", "سوف", "كان", "كانت"))
# "تكشف مدى", "يوضح مدى": a present verb that shows how far something goes (nobody says it).
_EXTENT_RE = re.compile(r"\s+مدي(?!\w)")
# Where or when the subject acted, between it and what it said ("في دبي", "خلال المؤتمر").
_SCENE_HEADS = frozenset(fold(w) for w in ("في", "خلال", "أمام", "أثناء", "لدى"))
_THIS_IS_WHAT = frozenset(fold(w) for w in ("هذا ما", "وهذا ما", "ذلك ما", "وهو ما", "هو ما"))
_AGED_RE = re.compile(r"\s+من\s+العمر(?!\w)")
_NAME_LINKS = frozenset({"ابي", "ابو", "ابا", "بن", "ابن", "بنت"})
# Verbal nouns a verb of saying governs, never its subject ("أكد أهمية", "شدد على ضرورة").
# "لفت الانتباه / النظر / الأنظار إلى": drew attention to, the object of لفت.
_ATTENTION = frozenset(fold(w) for w in ("الانتباه", "النظر", "الأنظار"))
_STANCE_NOUNS = frozenset(fold(w) for w in ("أهمية", "ضرورة", "عدم", "رفض", "استعداد", "تمسك", "حرص", "وجود"))
# What the speaker ends: "واختتم حديثه بأن", "واختتم الشريف كلمته بأن" (his talk, not him).
# As written: حديثة (new) is no حديثه (his talk).
_SPEECH_OBJECTS = frozenset(
    ("حديثه", "حديثها", "كلمته", "كلمتها", "تصريحه", "تصريحها", "تصريحاته", "كلامه", "كلامها", "بالقول")
)
# Words a subject begins with that take "من" and what follows ("عدد من المواطنين", "كل من الوزير").
_QUANTIFIERS = frozenset(
    fold(w) for w in ("عدد", "العديد", "الكثير", "كثير", "بعض", "أحد", "إحدى", "كل", "مجموعة")
)
# Nouns right after the verb that are its subject, not the object before a genitive pronoun.
_NOT_OBJECT_NOUNS = _SOURCE_HEADS | _PEOPLE_NOUNS | _QUANTIFIERS | _NOT_NOMINATIVE
_MAX_ZONE_WORDS = 40
_MIN_DIRECT_WORDS = 3
# "أكد فيه", "أعلن من خلاله": in the call or conference, then what was said.
_IN_IT = frozenset(fold(w) for w in ("فيه", "فيها", "خلاله", "خلالها"))

# Common nouns whose own first letter is ب, no preposition: "يناشدون المسؤولين في بلدية الثنية
# بسرعة التجاوب" (what is asked for follows بسرعة).
_OWN_BA_NOUNS = frozenset(
    fold_keep_length(w)
    for w in (
        *("بلد", "بلاد", "بلدان", "بلدية", "بلديات", "بنك", "بنوك", "برنامج", "برامج", "بطولة", "بيت"),
        *("بيوت", "بحر", "بحار", "بئر", "بريد", "بورصة", "بوابة", "بيئة", "بضائع", "بعثة", "بيع"),
    )
)
# Cues that are also common prepositions or nouns ("بين" between, "عبر" via): their complement
# follows closely, and عبر's is only its preposition (وعبر الوزير عن).
_SHORT_ZONE = {"بين": 4, "ابان": 4, "نقل": 12, "عبر": 10}
_PREPOSITION_ONLY = frozenset({"عبر"})
# ... but inflected (بينت, أبانوا) or with its shadda (بيّن) they are verbs alone.
_VERB_WHEN_INFLECTED = frozenset({"بين", "ابان"})
# Blessings written after a name (its own words in marks, never a statement).
_FORMULA_RE = re.compile(
    r"(?:صلي الله عليه وسلم|عليه(?:ا|م)? السلام|رضي الله عن(?:ه|ها|هم)|رحمه(?:ا|م)? الله"
    r"|(?:ي)?حفظه(?:ا|م)? الله|ايده(?:ا|م)? الله)\s*[.،,]?"
)
# A blessing between dashes after a verb or a name: "مؤكداً – أيده الله – عمق".
_BLESSING_ASIDE_RE = re.compile(rf"\s*[-–]\s*{_FORMULA_RE.pattern}\s*[-–]")
# What a quoted work's title is about follows it ("بمقال رئيس التحرير: «…»، عن الواقع").
_ABOUT_AFTER_RE = re.compile(r"\s*[،,]?\s*عن(?!\w)")
# A statement before an after-the-fact attribution is longer than this (characters).
_MIN_STATEMENT_CHARS = 10
# A colon after these introduces a title, not a quotation ("كتاب: «…»", "تحت شعار: «…»").
_TITLE_NOUNS = frozenset(
    fold(w) for w in ("كتاب", "عنوان", "بعنوان", "شعار", "اسم", "باسم", "وسم", "هاشتاق", "عبارة")
)
# One's works, named after a colon a few words on ("ومن أشهر كتبه: «…»", "وتوضح بعض أسماء كتبه هذه
# الخلطة: «…»").
_WORKS = frozenset(
    # (not كتابه: "قال تعالى في كتابه:" cites the Book)
    fold(w)
    for w in ("كتبه", "كتبها", "روايته", "ديوانه", "مؤلفاته", "أعماله", "دواوينه", "رواياته")
)

# Kinds of body written before a name in apposition ("صحيفة «الصنداي تليجراف»", "تنظيم داعش"),
# not a genitive's head ("تقرير كابيتال إيكونوميكس", "بعثة الأمم المتحدة": not the body itself).
_BODY_KIND_WORDS = (
    *("تنظيم", "منظمة", "صحيفة", "جريدة", "مجلة", "وكالة", "معهد"),
    *("حركة", "جماعة", "شركة", "قناة", "موقع", "حزب"),
)
_BODY_KINDS = frozenset(map(fold, _BODY_KIND_WORDS))
# Bodies that speak when they open a clause before the verb ("والحكومة تؤكد أن"); not every kind
# of body written before a name ("لكن المعهد قال": the antecedent names the institute in full).
_SPEAKING_BODIES = frozenset(
    fold(w)
    for w in (
        *("سلطات", "حكومة", "وزارة", "شرطة", "جيش", "قوات", "رئاسة", "هيئة", "لجنة", "محكمة"),
        *("نيابة", "إدارة", "مجلس", "معارضة", "صحيفة", "وكالة", "منظمة", "حركة", "جماعة", "حزب"),
        *("سفارة", "قنصلية", "مديرية", "بلدية", "تلفزيون", "تليفزيون", "إذاعة"),
    )
)
_DEFINITE_SPEAKERS = _SOURCE_HEADS | _SPEAKING_BODIES
# Bodies that issue documents, named by their kind ("بيان للقيادة العامة", "تقرير صادر عن الهيئة").
_OWNERS = (
    _SPEAKING_BODIES
    | _BODY_KINDS
    | frozenset(
        fold(w)
        for w in (
            *("قيادة", "مكتب", "ديوان", "جامعة", "مركز", "مؤسسة", "رابطة", "اتحاد", "جمعية", "غرفة"),
            *("دائرة", "نقابة", "بعثة"),
        )
    )
)
# Documents that speak for whoever issued them ("وقال بيان للجيش إن").
_DOCUMENT_WORDS = (
    *("بيان", "تقرير", "رسالة", "تحقيق", "دراسة", "برقية", "تعميم", "نشرة", "تغريدة", "خطاب"),
    *("مذكرة", "وثيقة", "استطلاع", "إحصائية", "إحصاءات", "تصريح", "بلاغ", "كلمة", "منشور"),
    *("تحقيقات", "دراسات", "تقارير", "بيانات", "إحصائيات"),
)
_DOCUMENTS = frozenset(map(fold, _DOCUMENT_WORDS))
# "جاء في البيان", "جاء في نص رسالته", "جاء على لسان المتحدث": a document's words (or a person's).
_DOCUMENT_KEYS = "|".join(re.escape(fold_keep_length(w)).replace("ة", "[ةه]") for w in _DOCUMENT_WORDS)
# ... "وجاء بيان اللجنة على النحو التالي:" (the document its subject), "بيانا جاء فيه:" (in it)
_IN_A_DOCUMENT_RE = re.compile(
    rf"\s+(?:(?:في\s+(?:نص\s+)?)?(?=(?:ال)?(?:{_DOCUMENT_KEYS})(?:ه|ها|هم)?(?!\w))|علي\s+لسان\s+|(?P<in_it>فيه|فيها)(?!\w))"
)
# The document "جاء فيه" is in, a few words before it: "أصدرت الوزارة بيانا صادرا عنها جاء فيه".
_DOCUMENT_BEFORE_RE = re.compile(rf"(?<!\w)(?:ال)?(?:{_DOCUMENT_KEYS})[{MARKS}]*ا?[{MARKS}]*(?!\w)")
# The verb that issued it, before the document: "أصدرت الوزارة بيانا".
_ISSUED_RE = re.compile(r"(?<!\w)[وف]?(?:اصدر|نشر|وزع|بث|كتب|وجه)(?:ت|وا)?(?!\w)")
# What joins a document to its owner: adjectives, then "صادر عن", "من", "أصدرته", "أجرتها", a
# ل on the owner's name, or nothing (the owner's name right after it: "تقرير مؤسسة النقد").
_OWNER_LINK_RE = re.compile(
    r"(?:\s+(?!ل)(?:[^\W\d_]+(?:ي|ية|يه)|(?:مشترك|جديد|حديث|مقتضب|مطول|عاجل|مكتوب)[ةه]?)){0,2}"
    rf"(?:\s+(?P<by>(?:ال)?صادر[{MARKS}]*[ةها]?[{MARKS}]*\s+(?:عن|من)|عن|من|(?:(?:الذي|التي)\s+)?"
    r"(?:اصدر|اعد|اجر|نشر|بث|وزع|القا|القي)(?:ت|ته|تها|ه|ها|وه|تاه)?)(?!\w))?\s+"
)
_WORD_RE = re.compile(r"\S+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_CLOSING_MARK_RE = re.compile(r'[»"”]')


@dataclass(frozen=True, slots=True)
class _CueHit:
    start: int  # the cue word, its و/ف included
    word_start: int
    end: int
    form: str
    cue: Cue
    antecedent: Mention | None = None  # "أحمد عسيري، الذي قال إن": the relative's antecedent speaks


@dataclass(slots=True)
class _Speaker:
    text: str | None
    mention: Mention | None
    gender: str | None
    number: str


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: _Speaker | None
    via: str | None = None
    cue_start: int = 0


def find_quotes(
    text: str, mentions: Sequence[Mention], *, resolve_title: TitleResolver | None = None
) -> list[Quote]:
    """The quotes in `text`, in order, with speakers resolved against `mentions`.

    >>> text = 'وقال الأمين العام ينس ستولتنبرغ إن "الحلف باق وقوي". وأضاف أن الدعم سيستمر.'
    >>> names = [Mention(18, 31, "ينس ستولتنبرغ", "PER")]
    >>> [(q.text, q.speaker_text, q.cue, q.direct) for q in find_quotes(text, names)]
    [('الحلف باق وقوي', 'ينس ستولتنبرغ', 'قال', True), ('الدعم سيستمر', 'ينس ستولتنبرغ', 'أضاف', False)]
    """
    return _Finder(text, mentions, resolve_title).run()


class _Finder:
    """One pass over one text; state is the speakers met so far."""

    def __init__(self, text: str, mentions: Sequence[Mention], resolve_title: TitleResolver | None) -> None:
        self.text = text
        self.key = fold_keep_length(text)
        byline = BYLINE_RE.match(text)
        # "محمد الغامدي- سبق- الرياض: أكد أن": the reporter speaks in none of his report
        self.mentions = sorted(
            (m for m in mentions if byline is None or m.start >= byline.end() or m.type != "PER"),
            key=lambda m: m.start,
        )
        self.mention_starts = [m.start for m in self.mentions]
        self.linked_title = resolve_title
        self.sentence_ends = [
            m.start() for m in _SENTENCE_END_RE.finditer(text) if not _abbreviation(text, m.start())
        ] + [len(text)]
        self.marks = [(start, end) for start, end in quotation_marks(text) if end - start > 2]
        # "…، بحسب ما أعلنت الوزارة": where each such cue starts -> where its attribution starts
        backward = list(_BACKWARD_RE.finditer(self.key))
        self.backward = {match.end(): match.start() for match in backward}
        hits = [hit for hit in self._cue_hits() if not self._inside_mark(hit.start)]
        # A negated cue reports nothing said ("لم يكشف عن اسمه", "ولم يوضح المسؤول موعد"): read as
        # a statement its complement would say the opposite; its subject still speaks on after.
        negated = [self._negated(hit) for hit in hits]
        self.cues = [hit for hit, no in zip(hits, negated, strict=True) if not no]
        self.negated = [hit for hit, no in zip(hits, negated, strict=True) if no]
        self.cue_starts = [hit.start for hit in self.cues]  # in text order (finditer's)
        # a type's names of several words, in text order (`_full_name`)
        self.full_names: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            if len(mention.text.split()) > 1:
                self.full_names.setdefault(mention.type, []).append(mention)
        self.backward_speakers: dict[int, _Speaker | None] = {}
        self.inner_subjects: dict[int, int] = {}  # a nested cue's index -> where its clause starts
        self.speakers: list[tuple[int, _Speaker]] = []
        self.title_contexts: dict[tuple[int, int], set[str]] = {}
        # "، كما أكد الالتزام بالمواعيد": also stressed (an object), not "as Kyiv announced"
        as_said = {match.end() for match in backward if match["as"]}
        for hit in self.cues:
            speaker = self._backward_speaker(hit) if hit.start in as_said else None
            if hit.start in as_said and (speaker is None or not _someone(speaker)):
                del self.backward[hit.start]

    # -- the pass -----------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        found: list[_Found] = []
        nested_via: dict[int, str | None] = {}
        negated = iter(self.negated)
        pending = next(negated, None)
        for index, hit in enumerate(self.cues):
            while pending is not None and pending.start < hit.start:
                self._remember_subject(pending)
                pending = next(negated, None)
            quote = self._quote_at(index, hit, nested_via, found)
            if quote is not None:
                found.append(quote)
        found += self._backward_attributions(found)
        found += self._according_to(found)
        found += self._colon_marks(found)
        found += self._headline_quotes(found)
        found = _drop_overlaps(sorted(found, key=lambda q: (q.start, -q.end)))
        return [self._to_quote(q) for q in found]

    def _quote_at(
        self, index: int, hit: _CueHit, nested_via: dict[int, str | None], found: list[_Found]
    ) -> _Found | None:
        sentence_end = self._sentence_end(hit.end)
        if hit.cue.lemma == "نقل":
            for later in range(index + 1, min(index + 3, len(self.cues))):
                other = self.cues[later]
                if other.start < sentence_end and other.form in _SAYING_NOUNS:
                    # "نقلت صحيفة «الوطن» عن الوزير قوله إن": he speaks through the paper
                    nested_via[later] = self._told_by(hit, other.start)[1]
        # "…، بحسب ما أعلن توماس باخ رئيس اللجنة": the statement is the clause before, and what
        # follows the name is no complement; a front "بحسب ما أكده الوزير، فإن …" takes one.
        if _present(hit) and _previous_word(self.key, hit.start) in ("مما", "بما"):
            return None  # "شارك في التدريبات، مما يؤكد جاهزيته": a fact shows it, no one says it
        after_the_fact = hit.start in self.backward and self._statement_before(hit.start)
        # "وهو ما أكدته الأخبار عن جزء لاحق، ... ويبدو أن": what was said is what came before
        after_the_fact = after_the_fact or (hit.cue.has_object and self._this_is_what(hit.start))
        complement = None if after_the_fact else self._complement(hit, sentence_end)
        if complement is None:
            # "بحسب ما أكده مسؤول الإعلام، مشيرا إلى": the speaker goes on after
            speaker = self._backward_speaker(hit) if hit.start in self.backward else None
            if speaker is not None:
                self.speakers.append((hit.start, speaker))
            return self._marks_said_before(hit, found) or self._said_before(hit, found)
        zone_end, body_start, kind = complement
        if hit.cue.lemma == "علم" and not self.text[hit.end : zone_end].strip():
            return None  # "علمت أن الحكومة تعتزم": the writer learned it; "علمت «عكاظ» أن" names who
        if kind in ("object", "reported") and self._shows_a_thing(hit, body_start):
            return None  # "ونشرت الوزارة خريطة توضح مواقع المدارس": a map shows, no one says
        if kind in ("colon", "mark") and self._works_before(zone_end):
            return None  # "وتوضح بعض أسماء كتبه هذه الخلطة: «…»": titles, not what was said
        inner = self._inner_cue(index, body_start, sentence_end)
        if hit.cue.lemma == "نقل":
            if any(hit.end <= other.start < body_start for other in self.cues[index + 1 : index + 3]):
                return None  # "نقلت الوكالة عن الوزير قوله إن": قوله reports it
            speaker, nested_via[index] = self._told_by(hit, zone_end)
        else:
            speaker = self._inner_subject(index, hit) or self._speaker(hit, zone_end)
        if inner is not None and _SELF_REPORT_RE.search(self.text[max(0, body_start - 16) : body_start]):
            inner = None  # "وقال رئيس البلدية إنه حذر مرارا من": his own statement, whole
        if inner is not None:
            # "وأضاف البيان أن ستولتنبرغ أكد أن": the outer subject reports the inner statement.
            nested_via[inner] = self._via_text(speaker)
            self.inner_subjects[inner] = body_start  # "أن أجهزة الأمن حذرت": who the inner cue's is
            return None
        named = (
            kind == "mark"
            and _COMPLEMENTIZER_RE.match(self.key, zone_end) is not None
            and self._name_in_marks(body_start - 1)
        )
        if named:
            # "وأضاف أن "جلاكسي تاب إس2" سيكون أكثر تطورا": a name in marks begins the statement
            start, end, direct = body_start - 1, self._clause_end(index, body_start), False
        elif kind == "mark":
            start, end = self._mark_at(body_start)
            direct = True
            # «داعش», «ممتازة»: a quoted word is a name or a scare quote; after a colon it is
            # what was said ("قوله: «لن نتراجع»").
            least = 2 if ":" in self.text[zone_end - 3 : body_start] else _MIN_DIRECT_WORDS
            if _COMPLEMENTIZER_RE.fullmatch(self.key[zone_end : body_start - 1].strip()):
                # "أنه «لن يتراجع»", "إنها «جهزت الطائرة»،": after its أن, the marks close the clause
                least = 2 if self._marks_end_clause(body_start - 1) else least  # (one word: «إيباك»، a name)
            if len(self.text[start:end].split()) < least:
                return None
        elif kind == "colon" and "\n" in self.text[zone_end:body_start]:
            start, end, direct = body_start, self._verses_end(body_start), True
        elif kind == "colon":
            start, end, direct = body_start, self._clause_end(index, body_start, paragraph=True), True
            end = _bracket_end(self.text, start, end) or end  # "قال تعالى: (…)، وقد حث": the verse
            narration = _NARRATION_RE.search(self.key, start, end)
            end = narration.start() + 1 if narration is not None else end  # "بحقه. وكانت «سبق» قد نشرت"
            end = self._before_a_named_sentence(start, end)
        else:
            start, end, direct = body_start, self._clause_end(index, body_start), False
            end = self._before_the_but(hit, start, end)
            if kind == "object":  # "أعلنت القيادة في بيان لها أمس استشهاد": what, not where or when
                lead = _OBJECT_LEAD_RE.match(self.key, start)
                start = lead.end() if lead is not None and lead.end() < end else start
                if self._cue_within(start, start + 1):
                    return None  # "وأوضح لـ«عكاظ» مدير … بوشل قائلا:": the next cue says it
                # "أكد الوزير دعمه للمشروع، وافتتح المعرض": the subject's next deed is not said
                deed = _NEXT_DEED_RE.search(self.key, start, end)
                end = deed.start() if deed is not None else end
        start, end = (start, _trim(self.text, start, end)[1]) if named else _trim(self.text, start, end)
        if end - start < 2 or any(q.start <= start < q.end for q in found[-2:]):
            return None
        if speaker is not None:
            self.speakers.append((hit.start, speaker))
        if kind == "object" and len(self.text[start:end].split()) < 2:
            return None  # a noun the verb governs, nothing said: "وأكد مصدر طبي الحصيلة موضحا"
        via = nested_via.get(index) or self._fronted_source(hit)
        return _Found(start, end, direct, self._cue_text(hit), speaker, via, hit.start)

    # -- cues and complements -------------------------------------------------------------------

    def _before_a_named_sentence(self, start: int, end: int) -> int:
        """The end of unmarked words after a colon before a sentence that opens with another
        person named, title and all ("… سينتهي قريبا. الكاتب كريستوفر هيتشنز وصف والده"): the
        writer's narration again."""
        for stop in _SENTENCE_STOP_RE.finditer(self.text, start, end):
            opener_end = self._word_limit(stop.end(), 3, end)
            person = self._person_in(stop.end(), opener_end)
            if person is not None:
                return stop.start() + 1
        return end

    def _inner_subject(self, index: int, hit: _CueHit) -> _Speaker | None:
        """The subject written between a reported clause's أن and its own cue ("ذكرت الوكالة أن
        المتحدث باسم الجيش حذر من"): the nested statement's speaker, not the outer one's."""
        start = self.inner_subjects.get(index)
        words = fold(self.text[start : hit.start]).split() if start is not None else []
        if start is None or not words or not _VERB_PARTICLES.isdisjoint(words):
            return None  # "أن الهيئة ما زالت تعلن": another verb before the cue
        subject = self._subject(start, hit.start, hit)
        return subject if subject is not None and _someone(subject) else None

    def _said_before(self, hit: _CueHit, found: list[_Found]) -> _Found | None:
        """ "… وتم إخلاء السكان. صرح بذلك المتحدث الإعلامي X": a verb opening its sentence with
        (ب)ذلك attributes the paragraph before (its last 800 characters) to the subject after it."""
        if hit.cue.lemma not in _SAID_BEFORE:
            return None
        clause_start = self._clause_start(hit.start)
        opening = self.text[clause_start : hit.start].strip(" \t\u00a0و")
        # "…. هذا ما بينه الناطق الإعلامي X": the same, with the paragraph as its object
        what = hit.cue.has_object and fold(opening) in _THIS_IS_WHAT
        this = _THIS_RE.match(self.key, hit.end)
        if not what and (this is None or opening):
            return None
        end = len(self.text[: clause_start if what else hit.start].rstrip())
        start = max(self.text.rfind("\n", 0, end) + 1, end - 800)
        start, end = _trim(self.text, start, end)
        if end - start <= _MIN_STATEMENT_CHARS or any(q.end > start for q in found):
            return None  # (a paragraph with its own quotes says who spoke)
        subject_start = hit.end if what or this is None else this.end()
        speaker = self._subject(subject_start, self._sentence_end(hit.end), hit)
        if speaker is None or not _someone(speaker):
            return None  # "وأكد ذلك وجود أعداد أكبر": a finding confirmed it, nobody said it
        self.speakers.append((hit.start, speaker))
        return _Found(start, end, False, self._cue_text(hit), speaker, None, hit.start)

    def _before_the_but(self, hit: _CueHit, start: int, end: int) -> int:
        """Where a statement the sentence concedes ends: "ورغم أن الوزير قال إن الأسعار مستقرة،
        إلا أن المستهلكين يشتكون" (the writer's main clause follows إلا أن)."""
        opening = self.key[self._sentence_start(hit.start) : hit.start]
        if not _CONCESSION_RE.search(opening):
            return end
        but = _BUT_RE.search(self.key, start, end)
        return but.start() if but is not None else end

    def _marks_said_before(self, hit: _CueHit, found: list[_Found]) -> _Found | None:
        """ "«لن نتراجع عن قرارنا»، قال الوزير للصحفيين.": the words in the marks right before a
        verb of saying opening its clause, said by its subject (or by the one who spoke before)."""
        before = _MARKS_BEFORE_RE.search(self.text, max(0, hit.start - 12), hit.start)
        if hit.cue.lemma not in _SAID_AFTER_MARKS or before is None or hit.cue.participle:
            return None
        closing = before.start() + 1
        inside = next(((start + 1, end) for start, end in self.marks if end == closing), None)
        if inside is None or len(self.text[inside[0] : inside[1] - 1].split()) < _MIN_DIRECT_WORDS:
            return None
        start, end = _trim(self.text, inside[0], inside[1] - 1)
        if any(q.start <= start < q.end for q in found[-2:]):
            return None  # the marks of the clause before, its own cue's
        speaker = self._speaker(hit, self._sentence_end(hit.end))
        if speaker is not None:
            self.speakers.append((hit.start, speaker))
        return _Found(start, end, True, self._cue_text(hit), speaker, None, hit.start)

    def _this_is_what(self, position: int) -> bool:
        """Whether "هذا ما" (or "وهذا ما", "وهو ما") opens its sentence right before `position`."""
        return fold(self.text[self._clause_start(position) : position].strip(" \t\u00a0و")) in _THIS_IS_WHAT

    def _adjective(self, match: re.Match[str], previous: str) -> bool:
        """Whether a participle describes the noun before it: after غير, or feminine after an
        indefinite feminine noun (no comma between) with no complement of saying after it."""
        if previous == "غير":
            return True
        cue = self.text[match.start("cue") : match.end()]
        # "أمراً متوقعاً": masculine, both in the accusative
        masculine = self.text[: match.start()].rstrip().endswith("اً") and cue.endswith("اً")
        feminine = previous.endswith(("ة", "ات")) and match.group("cue")[-1] == "ة"
        if not (masculine or feminine) or previous.startswith("ال") or previous in _TALKS:
            return False  # ("ألقت كلمة مشددة على أهمية التعاون": the speech stresses)
        if any(mark in self.text[max(0, match.start() - 3) : match.start()] for mark in "،,:"):
            return False
        # "إجراءات مشددة على المعابر": a preposition after it is the adjective's own
        return _THAT_AFTER_ADJECTIVE_RE.match(self.key, match.end()) is None

    def _cue_hits(self) -> list[_CueHit]:
        hits = []
        for match in cue_pattern().finditer(self.key):
            form = cue_key(match.group("cue"))
            if _WORD_GOES_ON_RE.match(self.text, match.end()):
                continue  # "تقرّر": the word goes on after its shadda (not تقر)
            previous = _previous_word(self.key, match.start())
            if previous in _RELATIVE_GENDER:
                antecedent = self._relative_antecedent(match, CUES[form], previous)
                if antecedent is not None:
                    hits.append(
                        _CueHit(match.start(), match.start("cue"), match.end(), form, CUES[form], antecedent)
                    )
                    continue
            scripture = form in _SAYING_NOUNS and _SCRIPTURE_RE.match(self.key, match.end()) is not None
            if (previous in _NO_CUE_AFTER and not scripture) or (form == "بين" and previous in ("من", "ما")):
                continue  # a relative clause, a formula, or "من بين" (among); but "في قوله تعالى:"
            if CUES[form].lemma == "ابلغ" and _AGED_RE.match(self.key, match.end()):
                continue  # "أبلغ من العمر 36 عاما": I am aged
            if previous in _NAME_LINKS:
                continue  # "مدرسة علي بن أبي طالب": a name's part, not "demanded"
            if CUES[form].lemma == "تابع" and _BELONGING_RE.match(self.key, match.end()):
                continue  # "مسجد تابع لقوات الطوارئ": belonging to, not "continued"
            if (
                form == "كتب"
                and match.start() == match.start("cue")
                and _ON_IT_RE.match(self.key, match.end())
            ):
                continue  # "نعشا كتب عليه «…»": written on it (كُتب); "وكتب عليه:" someone wrote
            if CUES[form].participle and self._adjective(match, previous):
                continue  # "زيارة غير معلنة", "أجندة معلنة لا تخفيها": declared, not declaring
            if CUES[form].lemma == "طالب" and (
                previous.isdigit() or previous in _COUNT_WORDS or previous in ("هو", "وهو", "هي", "وهي")
            ):
                continue  # "2500 طالب وطالبة": students counted; "وهو طالب بجامعة": a student
            if previous in ("من", "ومن", "فمن") and form not in _SAYING_NOUNS:
                continue  # "هناك من يقول إن", "أوافق من يقول": whoever says, nobody named
            if (
                previous in ("ما", "مما")
                and match.start() not in self.backward
                and (
                    _NO_SUBJECT_RE.match(self.key, match.end())
                    # (مما وصفه بـ«…»: his words; "هذا ما بينه X": the paragraph before, his)
                    or (
                        CUES[form].has_object
                        and CUES[form].lemma != "وصف"
                        and not self._this_is_what(match.start())
                    )
                )
            ):
                continue  # "مما يشير إلى أن", "ما يؤكد أن": the writer's inference; "كل ما ذكره
                # المتحدث لهو": what he said, the subject of the writer's own sentence
            if form == "بين" and self._between(match):
                continue
            if CUES[form].lemma == "راي" and form.endswith("ي") and self.text[match.end() - 1] != "ى":
                continue  # رأي/تري are "opinion" and a name; the verb رأى/يرى/ترى ends in ى
            if CUES[form].lemma == "راي" and _THE_LIGHT_RE.match(self.key, match.end()):
                continue  # "قبل أن ترى النور": came to light
            if form == "علم" and re.match(f"[{MARKS}]*ا", self.text[match.end() : match.end() + 3]):
                continue  # "علماً بأن": the writer's note (given that), nobody's statement
            if (
                CUES[form].lemma == "نقل"
                and match.start() not in self.backward
                and not _QUOTED_FROM_RE.match(self.key, match.end())
                and not _REPORTED_THAT_RE.match(self.key, match.end())
            ):
                continue  # "نقل الكفالة", "نقل خدماته": a transfer; "نقل عن", "نقلت المصادر أن" report
            required = _complement_required(form, CUES[form])
            if required is not None and not required.match(self.key, match.end()):
                continue  # "التجربة مفيدة", "غير متوقعة", "ذاكرة المدينة", "أقر المجلس الميزانية"
            if form in ("لفتن", "ابان") and self.text[match.start("cue")] in "لإ":
                continue  # "لفتن التدخل": for seditions; "إبان حكم الشاه": during (أبان: showed)
            if CUES[form].lemma in COLON_ONLY and not self._colon_follows(match.end(), CUES[form]):
                continue  # "لكل فرد", "واختتمت فعالياتها": no colon, nothing said
            if CUES[form].lemma == "اهاب" and CUES[form].participle and not form.endswith("ا"):
                continue  # "مهيبة": awe-inspiring; "مهيبا بالجميع" appeals
            if (
                form == "عبر"
                and match.start() == match.start("cue")
                and not _IN_IT_RE.match(self.key, match.end())
                and previous not in _VERB_OPENERS  # "من جانبه عبر الوزير عن": the verb
            ):
                continue  # a bare عبر is the preposition "via"; وعبر, عبرت, عبروا, "عبر فيها عن" expressed
            hit = _CueHit(match.start(), match.start("cue"), match.end(), form, CUES[form])
            if form == "بالقول" and hits and self._governed_by(hits[-1], hit):
                continue  # "واختتم حديثه بالقول:", "وأضافت بالقول": the verb before says it
            if _present(hit) and _EXTENT_RE.match(self.key, match.end()):
                continue  # "هذه المحاكمة تكشف مدى الافتقار": shows how far, nobody says it
            if _present(hit) and hit.cue.lemma == "تابع" and not self._colon_follows(match.end(), hit.cue):
                continue  # "ويتابع المسؤولون الأزمة", "وتتابع الغزو": follow; "ويتابع:" goes on saying
            hits.append(hit)
        return hits

    def _governed_by(self, verb: _CueHit, hit: _CueHit) -> bool:
        """Whether `hit` lies within six words of the cue `verb` before it, in its sentence."""
        between = self.text[verb.end : hit.start]
        return len(between.split()) <= 6 and _SENTENCE_END_RE.search(between) is None

    def _relative_antecedent(self, match: re.Match[str], cue: Cue, relative: str) -> Mention | None:
        """The name a relative clause of saying is about, when it reports a statement: "العميد
        أحمد عسيري، الذي قال إن", "حزب الله اللبناني الذي أكد أنه" (not "الذين يطالبون", "في الوقت
        الذي قال فيه", "الاتفاق الذي يدعمه أوباما": no name right before, or no أن after)."""
        describer = self._describer(match, cue, self.key.rfind(relative, 0, match.start()))
        if describer is not None:
            return describer
        if cue.participle or cue.number != "sg" or cue.gender not in (None, _RELATIVE_GENDER[relative]):
            return None
        verb = VERBS.get(cue.lemma)
        governed = (
            verb is not None
            and verb.preposition not in (None, "ب")
            and re.match(rf"\s+{verb.preposition}(?!\w)", self.key[match.end() : match.end() + 8])
        )
        if not (_ADDED_THAT_RE.match(self.key, match.end()) or governed):
            return None  # "الذي أعرب عن سعادته": his own words, through عن
        relative_start = self.key.rfind(relative, 0, match.start())
        name_end = len(self.text[:relative_start].rstrip().rstrip("،,").rstrip())
        index = bisect.bisect_left(self.mention_starts, name_end) - 1
        while index >= 0 and self.mentions[index].end > name_end:
            index -= 1
        if index < 0 or self.mentions[index].end != name_end:
            return None
        mention = self.mentions[index]
        if mention.type == "PER" or (mention.type == "ORG" and cue.gender is not None):
            return mention
        return None

    def _describer(self, match: re.Match[str], cue: Cue, relative_start: int) -> Mention | None:
        """Who describes the thing a relative clause is about ("وانتقد توني أبوت التوربينات التي
        وصفها بأنها"): the verb's pronoun is the thing, its subject the person named last before it
        in the sentence."""
        if cue.lemma not in _DESCRIBING or not fold(match.group("cue")).endswith(("ه", "ها", "هم")):
            return None
        if not _AS_BEING_RE.match(self.key, match.end()):
            return None  # "بأنها", "بأنه": what it was called follows
        sentence = max([0, *self._starts_before(relative_start)])
        at = bisect.bisect_left(self.mention_starts, relative_start)
        for mention in self._mentions_back(at):
            if mention.start < sentence:
                break
            if mention.type == "PER":
                return mention
        return None

    def _that_follows(self, cue: Cue, position: int) -> bool:
        """Whether a colon-only cue reports through أن: an adding verb's within three words ("وزاد
        التميمي أن"), كتب's past a named subject ("كتب رئيس الوزراء التركي أحمد داود أوغلو إن")."""
        if cue.lemma == "كتب":  # (a name or a paper writes; كتب is also "books": "كتب التاريخ")
            wrote = _WROTE_THAT_RE.match(self.key, position)
            return (
                wrote is not None and self._first_mention(position, wrote.end(), ("PER", "ORG")) is not None
            )
        return cue.lemma in _ADDING_VERBS and _ADDED_THAT_RE.match(self.key, position) is not None

    def _colon_follows(self, position: int, cue: Cue) -> bool:
        """Whether a colon-only cue is followed by what it says: a colon or quotation mark within
        eight words of the sentence, or (adding verbs) أن."""
        if self._that_follows(cue, position):
            return True
        end = min(self._sentence_end(position), self._word_limit(position, 8, len(self.text)))
        return any(c in self.text[position : end + 1] for c in ':«"“')

    def _negated(self, hit: _CueHit) -> bool:
        """A negated cue, or a present one after قد ("قد يرى البعض أن": some may think)."""
        previous = _previous_word(self.key, hit.start)
        return previous in _NEGATIONS or (previous in _MAY and _present(hit))

    def _remember_subject(self, hit: _CueHit) -> None:
        complement = self._complement(hit, self._sentence_end(hit.end))
        speaker = None if complement is None else self._speaker(hit, complement[0])
        if speaker is not None:
            self.speakers.append((hit.start, speaker))

    def _between(self, match: re.Match[str]) -> bool:
        """Whether a بين is the preposition: bare (no و, no shadda: بيّن is the verb) and inside a
        clause, after a word with no punctuation between ("قتال بين الطرفين", "العلاقة بين")."""
        if "\u0651" in self.text[match.start() : match.end()]:
            return False
        if _previous_word(self.key, match.start()) in _VERB_OPENERS:
            return False  # "وقد بين تقرير حكومي أن", "من جانبه بين المدير أن": the verb
        if match.start() != match.start("cue"):  # "بينه وبين شركة التأمين": the second of a pair
            return re.search(r"بين\w*\s+$", self.key[max(0, match.start() - 12) : match.start()]) is not None
        after = _LETTERS_RE.search(self.key, match.end(), match.end() + 30)
        if after is not None and len(after.group()) > 4 and fold(after.group()).endswith("ين"):
            return True  # "اندلعت، بين الطرفين": before a dual or a plural
        before = self.text[: match.start()].rstrip()
        if before and before[-1] in _CLOSING_MARKS:
            # «…» بين عاصمتين: the preposition after a quotation; a title in marks, then بين أن:
            # the verb
            return not re.match(r"\s+ب?[اأ]ن(?!\w)", self.text[match.end() :])
        return bool(before) and before[-1].isalpha()

    def _complement(self, hit: _CueHit, sentence_end: int) -> tuple[int, int, str] | None:
        """(end of the subject zone, start of the statement, kind) or None when no complement."""
        if self._speaks_at_once(hit):
            return hit.end, _skip_space(self.text, hit.end), "colon"
        told = self._own_words_after_told(hit, sentence_end)
        if told is not None:
            return told
        if hit.cue.lemma == "دعا" and _THIS_RE.match(self.key, hit.end):
            return None  # "دعا ذلك القذافي إلى وصفهم": that led him to, no call
        verb = VERBS.get(hit.cue.lemma)
        colon_only = hit.cue.lemma in COLON_ONLY and not self._that_follows(hit.cue, hit.end)
        words = 6 if colon_only else _SHORT_ZONE.get(hit.cue.lemma, _MAX_ZONE_WORDS)
        if hit.cue.lemma == "ابان" and "أ" in self.text[hit.word_start : hit.word_start + 1]:
            words = _MAX_ZONE_WORDS  # أبان, written with its hamza, is the verb (إبان: during)
        raw = self.text[hit.word_start : hit.end]
        if hit.cue.lemma in _VERB_WHEN_INFLECTED and (
            fold(hit.form) != hit.cue.lemma or "\u0651" in raw or self._title_follows(hit.end)
        ):
            words = _MAX_ZONE_WORDS  # "وبينت مديرة الإدارة العامة ... أن", "وبين الناطق الإعلامي ... أن"
        limit = self._word_limit(hit.end, words, sentence_end)
        first, last = (
            bisect.bisect_right(self.cue_starts, hit.end),
            bisect.bisect_left(self.cue_starts, limit),
        )
        limit = min([limit, *(h.start for h in self.cues[first:last] if self._takes_over(h))])
        position = hit.end
        preposition = verb.preposition if verb else None
        if hit.cue.lemma in _PREPOSITION_ONLY and not hit.cue.participle and preposition:
            # "وعبرت هولندا ممتدة إلى ...، وأسفرت عن": an عن past a comma is another verb's
            after = self._preposition(position, limit, preposition)
            if not after or re.search("[،,]", self.text[hit.end : after[0][0]]):
                return None
            return after[0][0], after[0][1], "reported"
        while position < limit:
            found = self._next_marker(position, limit, preposition, colon_only)
            if found is None:
                break
            zone_end, body_start, kind = found
            if kind == "mark" and self.text[zone_end] in _OPEN_CLOSE and self._mark_is_a_topic(zone_end):
                position = self._mark_at(zone_end + 1)[1] + 1
                continue
            if kind == "preposition" and zone_end - self._subject_end(hit.end, zone_end) > 120:
                break  # a preposition far from its verb (and the name after it) is something else's
            takes_object = verb is not None and verb.takes_object
            if kind == "preposition" and takes_object and self._object_first(hit, zone_end):
                break  # "أكد شكري أهمية العمل ... والبناء على": the preposition is the object's
            if kind == "preposition" and (
                that := self._that_after_titled_name(hit.end, zone_end, body_start, limit)
            ):
                return that  # "أكد المشرف العام على المهرجان عادل العثمان، أن": the title's على
            if (
                kind == "preposition"
                and hit.cue.lemma == "كشف"
                and self.text[zone_end:body_start].strip() == "عن"
            ):
                # "كشف مسؤول الرقابة عن المنشطات ... أن", "كشفت الوزارة في تقرير لها عن التعليم أن":
                # an عن before أن is the subject's or the report's; what was revealed follows أن
                that = next(iter(self._complementizers(body_start, limit, None)), None)
                if that is not None and not _COMMA_RE.search(self.text, body_start, that[0]):
                    return that
            return zone_end, body_start, "reported" if kind == "preposition" else kind
        if hit.cue.lemma == "افاد" and not hit.cue.participle:
            return self._reported_news(hit, limit)  # "أفاد مصدر بمقتل 50 مدنيا", no أن after it
        if verb is not None and verb.takes_object and not colon_only and not hit.cue.has_object:
            return self._object_complement(hit, sentence_end)
        if hit.cue.lemma == "وصف" and hit.cue.participle and _DESCRIBED_AS_RE.match(self.key, hit.end):
            start = _skip_space(self.text, hit.end)  # "واصفا القرار بغير الحكيم": what and how
            return start, start, "object"
        return None

    def _speaks_at_once(self, hit: _CueHit) -> bool:
        """Whether a saying verb with no subject is followed at once by its speaker's own words,
        unmarked: "وأضاف نكرر شكرنا"، "وقال نحن نعمل"، "وأضاف لدينا كميات" (a subject, a title
        or a name, would come first)."""
        return (
            hit.cue.lemma in _SAYING_AT_ONCE
            and not hit.cue.participle
            and not hit.cue.has_object
            and _FIRST_PERSON_RE.match(self.key, _skip_space(self.text, hit.end)) is not None
        )

    def _own_words_after_told(self, hit: _CueHit, sentence_end: int) -> tuple[int, int, str] | None:
        """The speaker's own words right after the outlet told, unmarked: "وقال الوزير في تصريح
        خاص لـ«المدينة» نرحب بأي قرار" (no أن before them)."""
        if hit.cue.lemma not in _SAYING_AT_ONCE or hit.cue.participle:
            return None
        limit = self._word_limit(hit.end, 12, sentence_end)
        told = _TOLD_OUTLET_RE.search(self.key, hit.end, limit)
        if told is None or _COMPLEMENTIZER_RE.search(self.key, hit.end, told.start()):
            return None
        if _FIRST_PERSON_RE.match(self.key, told.end()) is None:
            return None
        return told.start(), told.end(), "colon"

    def _that_after_titled_name(
        self, verb_end: int, preposition: int, start: int, limit: int
    ) -> tuple[int, int, str] | None:
        """The أن right after a person named a word or two past a preposition that follows a
        title: the preposition was the title's (المشرف العام على المهرجان عادل العثمان، أن),
        and what was said follows (not "أكد الوزير على جهود الأمير خالد الفيصل وأن")."""
        if not _is_title(self.text[verb_end:preposition].strip()):
            return None
        person = self._person_in(start, min(limit, start + 40))
        if person is None or self._person_in(verb_end, preposition) is not None:
            return None
        between = fold(self.text[start : person.start]).split()
        if len(between) > 2 or any(
            _title_word(word) in TITLE_HEADS or not word.isalpha() for word in between
        ):
            return None
        that = next(iter(self._complementizers(person.end, limit, None)), None)
        if that is None or self.key[that[0]] in "وف":
            return None
        return that if self.text[person.end : that[0]].strip() in ("", "،", ",") else None

    def _reported_news(self, hit: _CueHit, limit: int) -> tuple[int, int, str] | None:
        """What أفاد reports when no أن follows: a verbal noun after ب (بمقتل, بسقوط, بوقوع) past
        its subject, no comma between."""
        news = _REPORTED_NEWS_RE.search(self.key, hit.end, limit)
        if news is None or _COMMA_RE.search(self.text, hit.end, news.start()):
            return None
        return news.start(), news.start() + 1, "reported"

    def _title_follows(self, position: int) -> bool:
        """Whether the word after `position` is a title ("وبين الناطق": the verb, not "between")."""
        word = _LETTERS_RE.search(self.text, position, position + 30)
        return word is not None and _title_word(fold(word.group())) in TITLE_HEADS

    def _subject_end(self, start: int, end: int) -> int:
        """The end of the first person named between a verb and its preposition (a long title
        before the name: "أعرب معالي الرئيس العام لشؤون المسجد الحرام ... السديس باسمه ... عن"),
        else the verb's end."""
        person = self._person_in(start, end)
        if person is None or person.start - start > 100:
            return start
        words = [*self.text[start : person.start].split(), *self.text[person.end : end].split()]
        if any(_object_noun(word) for word in words):
            return start  # "أعلنت القيادة استشهاد الرقيب X", "أكد X أهمية ... على": an object's
        return person.end

    def _next_marker(
        self, position: int, limit: int, preposition: str | None, colon_only: bool
    ) -> tuple[int, int, str] | None:
        candidates: list[tuple[int, int, str]] = []
        colon = self.text.find(":", position, limit)
        while 0 < colon < len(self.text) - 1 and (
            (self.text[colon - 1].isdigit() and self.text[colon + 1].isdigit())
            or self.text.startswith("//", colon + 1)
        ):
            colon = self.text.find(":", colon + 1, limit)  # a time of day (20:59) or a web address
        if colon >= 0:
            after = _skip_space(self.text, colon + 1)
            if after < len(self.text) and self.text[after] == "\n" and self._verse_at(after + 1):
                after = len(self.text) - len(self.text[after:].lstrip())  # "يقول الشاعر:\n" and verses
            kind = "mark" if after < len(self.text) and self.text[after] in _OPEN_CLOSE else "colon"
            that = _COMPLEMENTIZER_RE.match(self.key, after) if kind == "colon" else None
            if that is not None:
                # "وأضاف الثويني: أن الأمانة": reported, after its أن; "قال: إن «…»": the marks'
                # words; but "قال: إن الحكومة …" is as often his own words, إن included
                body = _skip_space(self.text, that.end())
                opens = body < len(self.text) and self.text[body] in _OPEN_CLOSE
                if opens or "أ" in self.text[after : that.end()]:
                    after, kind = body, "mark" if opens else "reported"
            candidates.append((colon, after + (1 if kind == "mark" else 0), kind))
        for mark_start, mark_end in self.marks:
            if position <= mark_start < limit:
                if (
                    len(self.text[mark_start:mark_end].split()) < _MIN_DIRECT_WORDS
                    or self._name_before_that(mark_start)
                ) and not colon_only:
                    continue  # "في بيان لها على "تداول"، أنه": a name in marks, what was said after
                candidates.append((mark_start, mark_start + 1, "mark"))
                break
        if not colon_only:
            candidates += self._complementizers(position, limit, preposition)
        return min(candidates) if candidates else None

    def _complementizers(
        self, position: int, limit: int, preposition: str | None
    ) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        for match in _COMPLEMENTIZER_RE.finditer(self.key, position, limit):
            if _previous_word(self.key, match.start()) in _NOT_COMPLEMENTIZER_BEFORE:
                continue
            if (
                self.key[match.end() : match.end() + 1] == "."
                or "آ" in self.text[match.start() : match.end()]
            ):
                continue  # "(إن.اتش.كيه)": an acronym's letters; "في آن واحد": at once
            if match.group().endswith("ان") and _CONDITIONAL_AFTER_RE.match(self.key, match.end()):
                continue  # "إن شاء الله", "الشهادات إن وجدت": if, not that
            if self._in_name(match.start() - 1) or (
                self.key[match.start()] in "فب" and self._mention_starting(match.start()) is not None
            ):
                continue  # "فان غال", "بان كي مون": فان, بان are no ف/ب + أن in a name (none starts with إن)
            body = _skip_space(self.text, match.end())
            if body < len(self.text) and self.text[body] in _OPEN_CLOSE:
                found.append((match.start(), body + 1, "mark"))
            else:
                found.append((match.start(), body, "reported"))
            break
        if preposition is not None:
            found += self._preposition(position, limit, preposition)
        return found

    def _preposition(self, position: int, limit: int, preposition: str) -> list[tuple[int, int, str]]:
        if preposition == "ب":
            pattern = rf"(?<!{_WORD})ب(?:ال)?(?!ن\b|ين\b|عد\b|يان\b){_WORD}{{3,}}"
            # "طالب عدد من المبتعثين في بريطانيا بتخصيص": the ب of a name is no preposition
            matches = re.compile(pattern).finditer(self.key, position, limit)
            # (nor the ب of a place: "طالب وزير الصحة المستشفيات بالرياض بتوفير")
            match = next(
                (
                    m
                    for m in matches
                    if not self._in_name(m.start())
                    and not self._in_name(m.start() + 1)
                    and m.group() not in _OWN_BA_NOUNS
                ),
                None,
            )
            return [(match.start(), match.start() + 1, "preposition")] if match else []
        word = re.compile(rf"(?<!{_WORD}){preposition}(?!{_WORD})")
        # "وأكد د. علي العيثان أن": علي in a name is no على; "حذر عدد من الخبراء من أن": the
        # first من is the quantified subject's
        free = (
            m
            for m in word.finditer(self.key, position, limit)
            if not self._in_name(m.start())
            and not (preposition == "من" and _previous_word(self.key, m.start()) in _QUANTIFIERS)
            and not (preposition == "علي" and _ADVERBIAL_ALA_RE.match(self.key, m.end()))
            and not (
                preposition == "علي"
                and _WHERE_SAID_ALA_RE.match(self.key, m.end())
                and _THAT_WITHIN_RE.match(self.key, m.end())
            )
            # "خلال اجتماع المجلس الذي صادق على القوانين، أن": the relative clause's verb's
            and not _RELATIVE_VERB_BEFORE_RE.search(self.key, max(position, m.start() - 30), m.start())
        )
        match = next(free, None)
        if match is None:
            return []
        body = _skip_space(self.text, match.end())
        if self.key.startswith("طريق", body):
            return []  # "عن طريق": by means of
        after = _COMPLEMENTIZER_RE.match(self.key, body)
        if after is not None:  # "أشار إلى أن": the statement starts after أن
            body = _skip_space(self.text, after.end())
        if body < len(self.text) and self.text[body] in _OPEN_CLOSE and self._marks_end_clause(body):
            return [(match.start(), body + 1, "mark")]  # "أشار إلى «ضرورة …»": the words in marks
        return [(match.start(), body, "preposition")]

    def _marks_end_clause(self, opening: int) -> bool:
        """Whether the marks opening at `opening` close where the clause ends ("دعا إلى «…»."), not
        inside it ("دعت إلى «الرد بقوة» على مقتل طفل")."""
        closing = self._mark_at(opening + 1)[1] + 1
        after = self.text[closing : closing + 3].lstrip(" ")
        # (or where another verb of saying follows: "إلى أن “…” مبينا أن")
        return not after or after[0] in ".،,؛:!?؟\n" or self._cue_within(closing, closing + 3)

    def _object_complement(self, hit: _CueHit, sentence_end: int) -> tuple[int, int, str] | None:
        """ "أكد اليوناني دونيس عدم حاجته": the subject is the first noun phrase, the rest is said."""
        # past 64 words the subject (6 words at most) has long ended: no statement either way
        aside = _BLESSING_ASIDE_RE.match(self.key, hit.end)  # "مؤكداً – أيده الله – عمق"
        begin = aside.end() if aside is not None else hit.end
        words = [m.span() for m in islice(_WORD_RE.finditer(self.text, begin, sentence_end), 64)]
        first_two = [fold(self.text[start:end]) for start, end in words[:2]]
        if first_two[:1] == ["من"] and first_two[1:] and first_two[1] in _IN_IT:
            words = words[1:]  # "أعلن من خلاله التوقيع"
        if words and fold(self.text[words[0][0] : words[0][1]]) in _IN_IT:
            words = words[1:]  # "أكد فيه تضامن البحرين": in the call, what he stressed
        if not words or fold(self.text[words[0][0] : words[0][1]]) in _NOT_SUBJECTS:
            return None  # "أكد ذلك المتحدث": ذلك is the object, what is said was said before
        lead = self._occasion_lead(words[0][0])
        if lead is not None:  # "وأكد لـ«عكاظ» مدير المستشفى عدم", "وأكد في تصريح، أهمية"
            words = [span for span in words if span[0] >= lead]
            if not words:
                return None
            named = self._mention_starting(words[0][0]) is not None
            if not named and not _is_title(self.text[words[0][0] : words[0][1]]):
                return words[0][0], words[0][0], "object"  # "نفى لـ«الشرق الأوسط» وصول القضية"
        first = self.text[words[0][0] : words[0][1]]
        if (
            hit.cue.participle
            or (hit.cue.number != "sg" and not hit.form.startswith("قول"))
            or self._subject_right_before(hit)
            or (
                (_has_pronoun(first) or _is_verbal_noun(first) or _is_verbal_noun(_without_al(first)))
                and self._mention_starting(words[0][0]) is None
            )
            or self._noun_of_a_pronoun(words)
            or fold(first) in _STANCE_NOUNS  # "وأكد حرص المملكة على": what he stressed
        ):
            # "مؤكداً سعادة المدرب بعناصر الفريق": no subject follows a participle, a plural verb
            # (its subject is in it: "وأعلنوا مقتل أربعة") or a verb after its subject ("وكان الملك
            # فيصل أبدى اهتماما"); "وأبدى دعمه ومساندته": a noun with a pronoun is the object (but
            # "وأكد سموه", "قالت عائلته" are subjects)
            return words[0][0], words[0][0], "object"
        index, after_name, construct = 0, False, True
        if len(words) > 2 and fold(first) == "كل" and fold(self.text[words[1][0] : words[1][1]]) == "من":
            index = 2  # "أبدى كل من توفيق الحداد وعبدالله حسن": each of those named
        elif len(words) > 2 and fold(first) in _ADDRESS_FORMS:
            index, first = 1, self.text[words[1][0] : words[1][1]]  # "وأعلن معالي وزير الصحة"
        while index < len(words):
            raw = self.text[words[index][0] : words[index][1]]
            word = fold(raw).strip('،,"«»“”')
            seat = (
                self._mention_starting(words[index + 1][0])
                if index > 0 and word == "في" and index + 1 < len(words)
                else None
            )
            if seat is not None and seat.type == "LOC":  # "أعلنت وزارة الصحة في مصر حالة": where it sits
                index = next((i for i in range(index + 1, len(words)) if words[i][0] >= seat.end), len(words))
                continue
            if after_name and word == "من" and index + 2 < len(words):
                people = fold(self.text[words[index + 1][0] : words[index + 1][1]])
                if people in _WHOSE_PEOPLE:  # "توفيق الحداد من أبناء تعز": where they are from
                    index = self._past_name(words, index + 2)
                    continue
            mention = self._mention_starting(words[index][0])
            construct = construct and not word.startswith("ال") and mention is None
            if after_name and mention is None and self._title_after_name(words, index):
                index = self._title_end(words, index)  # "عزام الدخيل وزير التعليم": his office, then
                if index < len(words) and self._cue_within(words[index][0], words[index][0] + 1):
                    return None  # "… قائلا:": the next cue says it
                if 0 < index < len(words) and self.text[words[index - 1][1] - 1] in "،,":
                    return words[index][0], words[index][0], "object"  # "…، سعادته بانضباطية"
                continue
            if mention is not None:
                index += 1
                while index < len(words) and words[index][0] < mention.end:
                    index += 1
                after_name = True
                closing = self._apposition_end(words, index)
                if closing is not None:  # (no object when another verb follows: "، وقال إن")
                    return None if self._cue_within(closing, closing + 5) else (closing, closing, "object")
            elif (
                index == 0
                or word in _ADVERBS
                or _describes(word, after_name and not raw.endswith(_PHRASE_MARKS))
                or (construct and self._names_next(words, index))
                # "مندوبا المملكة وجمهورية ناميبيا حرص", "وزارة الصحة والشؤون الصحية": a second
                # name, or the rest of one, joined to the subject
                or (after_name and raw.startswith("و") and self._names_next(words, index))
                # "المعلمي ومعالي السفير ثومسون حرص": another holder of a title joined to him
                or (after_name and raw.startswith("و") and _title_or_address(fold(raw[1:])))
                or (after_name and word.startswith("وال") and word not in _STANCE_NOUNS)
                or (index == 1 and construct and self._genitive_after(words))
                # المتحدث الرسمي للجمعية / باسم الحكومة / مدير التسويق بالبريد الممتاز
                or (_title_complement(word) and not after_name and _is_title(first))
                # "أمين منطقة الجوف رئيس اللجنة المحلية … المهندس X": a second title of the
                # subject, before its holder's name
                or (
                    after_name
                    and _is_title(first)
                    and word in TITLE_HEADS
                    and self._holder_after(words, index, 10) is not None
                )
                # "مصادر أمنية سعودية": a second nisba adjective of an indefinite subject
                or (
                    1 < index < 4
                    and not fold(first).startswith("ال")
                    and _indefinite_nisba(raw)
                    and _indefinite_nisba(self.text[words[index - 1][0] : words[index - 1][1]])
                )
            ):
                # "ونفى الهاجري الاتهامات": a family name alone is a name, not a noun to describe
                surname = index == 0 and _bare_surname(word)
                index += 1
                after_name = (after_name and _title_word(word) not in TITLE_HEADS) or surname
            else:
                break
        holder_end = self._past_holder(words, index, first)
        longest = 20 if holder_end > index else 14 if after_name else 6
        after_name, index = after_name or holder_end > index, holder_end
        aside = _ANONYMITY_RE.match(self.key, words[index][0]) if index < len(words) else None
        if aside is not None:  # "وأكد مصدر طبي طلب عدم كشف اسمه، الحصيلة": the source's wish
            index = next((i for i in range(index, len(words)) if words[i][0] >= aside.end()), len(words))
            return (words[index][0], words[index][0], "object") if index < len(words) else None
        # "وأوضح المتحدث الرسمي للجمعية الأستاذ فهد الزهراني، حرص الجمعية": a comma may close a
        # named subject; after any other it starts another clause
        if index >= len(words) or index > longest:
            return None  # (a title and its holder's name: "المتحدث الإعلامي بالإدارة ... العقيد X")
        last = words[index - 1]
        time_closes = fold(self.text[last[0] : last[1]]).strip("،,:") in _ADVERBS  # "وأكد الوزير، أمس، دعم"
        closes_name = self._in_name(last[0]) or time_closes
        if self.text[last[1] - 1] in "،,:" and not (
            (after_name and closes_name) or (time_closes and index > 1)
        ):
            return None  # (the name or a time after it closes the subject, not its object: "الحادثة،")
        if fold(self.text[words[index][0] : words[index][1]]) in _PARENTHETICALS:
            return None  # "نفى المتحدث باسم أنصار الله، وهي التسمية التي يستخدمها": an aside
        if self.text[words[index][0] : words[index][1]] in ("-", "–"):  # "وأكد سموه - حفظه الله - اعتزاز"
            closing = next(
                (
                    i
                    for i in range(index + 1, min(index + 6, len(words) - 1))
                    if self.text[words[i][0]] in "-–"
                ),
                None,
            )
            return (words[index][0], words[closing + 1][0], "object") if closing is not None else None
        if index > 0 and fold(self.text[words[index - 1][0] : words[index - 1][1]]) in _RELATIVES:
            # "نفى ابن المواطنة التي تسكن في الحي عدم صلة": the relative clause's verb is no object;
            # what was denied is the stance after it, if any
            later = (i for i in range(index, min(index + 8, len(words))) if _stance_at(self.text, words[i]))
            index = next(later, len(words))
            if index == len(words):
                return None
        index = self._past_circumstance(words, index)
        return (words[index][0], words[index][0], "object") if index < len(words) else None

    def _past_circumstance(self, words: list[tuple[int, int]], index: int) -> int:
        """The object's first word past where and when the subject acted, set off by a comma
        ("كشفت النيابة العامة في دبي اليوم الثلاثاء، تفاصيل جريمة"): up to 8 words from في, خلال
        or أمام to a comma, no cue between, or to a time ("في ولاية كونيكتيكت امس الجمعة توجيه
        الاتهام"); `index` itself otherwise."""
        if fold(self.text[words[index][0] : words[index][1]]) not in _SCENE_HEADS:
            return index
        raw = [self.text[start:end] for start, end in words[index : index + 8]]
        folded = [fold(word).strip("،,") for word in raw]
        time = next((i for i, word in enumerate(folded) if _time_word(word)), None)
        if time is not None and time > 1 and not any(c in "،,:" for c in "".join(raw[:time])):
            while time < len(folded) and _time_word(folded[time]):
                time += 1
            if index + time < len(words) and not self._cue_within(
                words[index][0], words[index + time][0] + 1
            ):
                return index + time
        for at in range(index, min(index + 8, len(words) - 1)):
            if self.text[words[at][1] - 1] in "،,":
                after = words[at + 1][0]
                # (not "بالعاصمة الهندية، نيودلهي": a name in apposition; not "، وتختلط": a clause)
                said = not self._cue_within(words[index][0], after + 1) and self.text[after] != "و"
                return at + 1 if said and self._mention_starting(after) is None else index
        return index

    def _noun_of_a_pronoun(self, words: list[tuple[int, int]]) -> bool:
        """Whether the verb's first words are a noun and a genitive carrying a pronoun ("وأكد حرص
        بلاده على", "وأكد حرص سموه على"): the object, of the subject named before, not a subject
        (but "أكد وزير خارجيته", "قال أعضاء فريقه": a title or people)."""
        if len(words) < 2 or any(self._mention_starting(word[0]) is not None for word in words[:2]):
            return False  # "لفت مهرجان أبها": a place, no pronoun
        raw = self.text[words[0][0] : words[0][1]]
        first = fold(raw)
        second = re.sub(f"[{MARKS}]", "", self.text[words[1][0] : words[1][1]])
        if not second.isalpha():
            return False  # «…», a name in marks
        return (
            not first.startswith(("ال", "و", "ف"))
            and first not in _ADVERBS
            and not _is_adverbial(first)
            and not _is_adverbial(raw)
            and first not in _NOT_OBJECT_NOUNS
            and _title_word(first) not in TITLE_HEADS
            and not fold(second).startswith("ال")
            and (_has_pronoun(second) or fold(second) in _HONORIFIC_PRONOUNS)
        )

    def _past_holder(self, words: list[tuple[int, int]], index: int, first: str) -> int:
        """Past the name of a title's holder when the subject is a title and its holder's name
        follows with no punctuation before it ("وكيل وزارة المياه والكهرباء لشؤون الكهرباء رئيس
        مجلس إدارة الشركة السعودية للكهرباء الدكتور صالح العواجي، أهمية"), else `index`."""
        if index >= len(words) or not _is_title(first):
            return index
        if self._first_mention(words[0][0], words[index][0], ("PER",)) is not None:
            return index  # the subject named its person already: a later one is another's
        holder = self._holder_after(words, index, 14)
        if holder is None or re.search(r"[،,:؛.«“\"]", self.text[words[index][0] : holder.start]):
            return index
        after = next((i for i in range(index, len(words)) if words[i][0] >= holder.end), len(words))
        if after < len(words) and re.match(r"لـ|ل[«\"“]", self.text[words[after][0] : words[after][1]]):
            after += 1  # "الدكتور أحمد الفهيد لـ"الوطن" جاهزية": the one told, not what was said
        return after

    def _holder_after(self, words: list[tuple[int, int]], index: int, reach: int) -> Mention | None:
        """The person named first within `reach` words from word `index` (a title's holder)."""
        return self._first_mention(words[index][0], words[min(index + reach, len(words) - 1)][1], ("PER",))

    def _past_name(self, words: list[tuple[int, int]], index: int) -> int:
        """The word after the name at `index` (a mention's words), or after the one word there."""
        mention = self._mention_starting(words[index][0])
        end = mention.end if mention is not None else words[index][1]
        return next((i for i in range(index, len(words)) if words[i][0] >= end), len(words))

    def _title_after_name(self, words: list[tuple[int, int]], index: int) -> bool:
        """Whether a title right after the subject's name is his own, no comma between ("نفى عزام
        الدخيل وزير التعليم ما"), not one before another holder's name."""
        word = fold(self.text[words[index][0] : words[index][1]])
        if _title_word(word) not in TITLE_HEADS or self.text[words[index - 1][1] - 1] in "،,":
            return False
        return self._holder_after(words, index, 10) is None

    def _title_end(self, words: list[tuple[int, int]], index: int) -> int:
        """The word after a title's phrase: its chain of nouns in construct up to the first definite
        word or name ("وزير التعليم", "أمير منطقة مكة المكرمة"), the units it serves ("بنادي
        النصر", "في نادي الهلال", "باسم الحكومة") and their adjectives, up to a comma (the object
        after it), an adverb or a noun in construct after a definite word (the object: "أمير منطقة
        مكة المكرمة انطلاق المهرجان")."""
        definite = False
        index += 1
        while index < len(words) and self.text[words[index - 1][1] - 1] not in "،,":
            start = words[index][0]
            raw = self.text[start : words[index][1]]
            word = fold(raw).strip('،,"«»“”')
            after = (
                fold(self.text[words[index + 1][0] : words[index + 1][1]]) if index + 1 < len(words) else ""
            )
            serves = word == "في" and (
                self._mention_starting(words[index + 1][0]) is not None or fold("ب" + after) in _TITLE_PLACES
            )
            if _title_complement(word) or serves:
                definite = word.startswith(("لل", "بال"))
                index += 1
                continue
            if word in _ADVERBS or word in _BREAKS or _is_adverbial(word):
                break
            mention = self._mention_starting(start)
            if mention is not None:
                while index < len(words) and words[index][0] < mention.end:
                    index += 1
                definite = True
                continue
            the = word.startswith(("ال", "وال"))  # (and the next of its list: "العامة والإعلام")
            if (definite and not the) or _has_pronoun(raw):
                break  # "بنادي هجر استقالته": his, the object
            definite = definite or the
            index += 1
        return index

    def _apposition_end(self, words: list[tuple[int, int]], index: int) -> int | None:
        """Where the object starts after a title set off by commas after the subject's name ("أكد
        ديفيد تومسون، الرئيس التنفيذي لشركة جيه ايه، ارتفاع الاستثمارات"); None without one."""
        if index >= len(words) or self.text[words[index - 1][1] - 1] not in "،,":
            return None
        if _title_word(fold(self.text[words[index][0] : words[index][1]])) not in TITLE_HEADS:
            return None
        for at in range(index, min(index + 12, len(words) - 1)):
            if self.text[words[at][1] - 1] in "،,":
                return words[at + 1][0]
        return None

    def _cue_within(self, start: int, end: int) -> bool:
        first = bisect.bisect_left(self.cue_starts, start)
        return first < len(self.cue_starts) and self.cue_starts[first] < end

    def _shows_a_thing(self, hit: _CueHit, body_start: int) -> bool:
        """Whether a verb of showing in the present describes the indefinite thing right before
        it, with no أن after it ("خريطة توضح مواقع", "جدول يوضح نسب"): a caption, not a statement."""
        if (
            hit.cue.lemma not in _SHOWING
            or hit.start != hit.word_start
            or not hit.form.startswith(("ي", "ت"))
        ):
            return False
        if _COMPLEMENTIZER_RE.search(self.key, hit.end, body_start + 1) or self._in_name(hit.start - 2):
            return False
        before = re.search(r"([^\W\d_]+) $", self.key[max(0, hit.start - 20) : hit.start])
        word = before.group(1) if before else ""
        return len(word) > 2 and not word.startswith(("ال", "و")) and word not in _VERB_PARTICLES

    def _occasion_lead(self, position: int) -> int | None:
        """Where the words after an outlet told or the occasion of saying at `position` end
        ("لـ«عكاظ»", "في تصريح صحافي،"); None when neither starts there."""
        lead = _OBJECT_LEAD_RE.match(self.key, position)
        if lead is None or lead.end() == position or not self.key.startswith(("في", "ل"), position):
            return None
        return lead.end()

    def _object_first(self, hit: _CueHit, preposition: int) -> bool:
        """Whether a bare noun follows the verb's subject before its preposition: the object
        ("أكدت منظمة الأمم المتحدة صحة قائمة ... على"), not a phrase of place or time."""
        # "مؤكدا ضرورة الالتزام ... والعمل على": the stance is the object, as after a verb whose
        # subject came before it ("وكانت الوزارة قد أعلنت استشهاد الجندي في الدفاع عن الوطن")
        if hit.cue.participle or self._subject_after_kana(hit) or self._subject_right_before(hit):
            aside = _BLESSING_ASIDE_RE.match(self.key, hit.end)  # "مؤكداً – أيده الله – عمق"
            first = _WORD_RE.search(self.text, aside.end() if aside else hit.end, preposition)
            word = fold(first.group()) if first is not None else ""
            # "مؤكدا عمق العلاقات ... وحرص المملكة على تعزيزها": an indefinite noun too
            if word in _HONORIFIC_PRONOUNS:
                return False  # "مؤكداً سموه على دور النادي": its subject
            return word in _STANCE_NOUNS or (_bare_noun(word) and not word.startswith("ال"))
        start, end = self._noun_phrase(hit.end, preposition)
        if end <= start:
            return False
        lead = self._occasion_lead(_skip_space(self.text, end))
        end = lead if lead is not None and lead < preposition else end  # "في تصريح صحافي،"
        # (a time first: "وأكدت الوزارة أمس حرصها على")
        after = next((w for w in map(fold, self.text[end:preposition].split()) if w not in _ADVERBS), None)
        if after is not None and _bare_noun(after):
            return True
        return self._object_inside(start, end)

    def _object_inside(self, start: int, end: int) -> bool:
        """Whether the verb's object runs on in its subject's phrase: a bare noun after the person
        named ("وأكد الوزير إبراهيم العساف حرص الحكومة على"), or an indefinite noun of a genitive
        after a definite subject ("وأكد الوزير حرص الحكومة على": no adjective of الوزير)."""
        if any(fold(word) in _STANCE_NOUNS for word in self.text[start:end].split()[:-1]):
            return True  # "وأكد حرص المملكة على", "وأكد المواطن فلان وجود ملاحظات على"
        person = self._person_in(start, end)
        if person is not None:
            rest = self.text[person.end : end].split()
            first = fold(rest[0]) if rest else ""
            # (not a second title in apposition: "الأمير خالد الفيصل أمير منطقة مكة")
            apposition = _title_word(first) in TITLE_HEADS or first in _QUANTIFIERS  # "أحد عملاء"
            return _bare_noun(first) and not apposition and self._mention_starting(person.end + 1) is None
        named = self._mention_starting(start)  # "مدينة الملك عبدالله الطبية": a name, whole
        start = named.end if named is not None and named.end < end else start
        raw = self.text[start:end].split()
        words = [fold(w).strip('"«»“”') for w in raw]
        source = bool(words) and words[0] in _UNNAMED_SOURCES  # "مصدر أمني أردني نبأ القبض"
        for i in range(1, len(words) - 1):
            if words[i].startswith("ال") or not (words[i - 1].startswith("ال") or source):
                continue
            if source and _indefinite_nisba(raw[i]):
                continue  # its adjectives: أمني, أردني
            if source and not _bare_noun(words[i]):
                return False  # where it sits: "مصدر في المقاومة"
            stance = words[i] in _STANCE_NOUNS and not source  # "وأكد المدير عدم تهاون"
            # "وأعلنت الوزارة إطلاق برنامج للدفاع عن البيئة": a verbal noun begins the object
            deed = _is_verbal_noun(raw[i]) and not source
            return (stance or deed or words[i + 1].startswith("ال")) and _bare_noun(words[i])
        return False

    def _subject_right_before(self, hit: _CueHit) -> bool:
        """Whether a name ends right before a verb with no conjunction ("الملك فيصل أبدى")."""
        return hit.start == hit.word_start and self._subject_before_verb(hit) is not None

    def _subject_before_verb(self, hit: _CueHit) -> Mention | None:
        """The name right before the verb, its subject ("ستولتنبرغ أكد أن", "وكانت «الاقتصادية» قد
        كشفت"), unless a preposition is written on it ("أعلن دعمه لبلاتيني أبلغ ديريك")."""
        before = self._last_mention_before(hit.start, ("PER", "ORG", "LOC"))
        if before is not None and before.type == "LOC" and not self._country_speaks(before, hit):
            before = self._last_mention_before(before.start, ("PER", "ORG"))
        if before is None:
            return None
        between = self.text[before.end : hit.start]
        aside = fold(between.strip(" ،,"))  # "وزير الصحة خالد الفالح بدوره أكد": on his part
        if not (len(between) <= 1 or between.strip(' "«»“”') == "قد" or aside in _ON_ONES_PART):
            return None
        # A body after ل is often the subject's genitive ("قيادة القوات لتحالف ... قد أعلنت في"),
        # unless a subject follows the verb ("المتحدث الرسمي لجامعة تبوك قال العمراني إن").
        after_preposition = before.start > 0 and self.text[before.start - 1] in "لبك"
        if after_preposition and (before.type == "PER" or not self._nothing_named_after(hit)):
            return None
        if _ABOUT_BEFORE_RE.search(self.key, max(0, before.start - 8), before.start):
            return None  # "وعن راموس قال": whom he spoke about
        if _TOLD_IN_AN_INTERVIEW_RE.search(self.key, max(0, before.start - 40), before.start):
            return None  # "وفي تصريح لوكالة الصحافة الفرنسية ذكر أن": the outlet told
        if before.type == "PER" and self._genitive_of_a_group(before):
            return None  # "أحد أشد منتقدي الفالح أكد", "حكومة أوباما أكدت": they speak
        return before

    def _country_speaks(self, place: Mention, hit: _CueHit) -> bool:
        """Whether a place opening a clause right before a feminine verb, with nothing named after
        it, is its subject ("أن البحرين أعلنت عن", "وكانت بريطانيا قالت إن"; not "وفي القاهرة أكدت
        الخارجية", nor a genitive: "أسطورة موسكو تقول", "من سكان وسط دمشق تقول")."""
        if hit.cue.gender != "f" or len(self.text[place.end : hit.start]) > 1:
            return False
        at = place.start - 1 if self.text[place.start - 1 : place.start] == "و" else place.start
        before = self.text[:at].rstrip(" ")
        opens = not before or before[-1] in ".!؟\n" or _previous_word(self.key, at) in _PLACE_SUBJECT_OPENERS
        spaced = self.text[at - 1 : at] in ("", " ", "\n")
        # "السعودية تطالب إيران بوقف": whom a calling verb calls on follows it
        return opens and spaced and (hit.cue.lemma in _OBJECT_FIRST or self._nothing_named_after(hit))

    def _nothing_named_after(self, hit: _CueHit) -> bool:
        """Whether the verb is followed by no subject: a preposition, an adverb, أن or a mark."""
        after = re.match(r"\s*([^\s]+)", self.text[hit.end : hit.end + 40])
        word = fold(after.group(1)).strip('"«»“”') if after else ""
        return not word or word in _BREAKS or word in _ADVERBS or bool(re.match(r"ب?[اأإ]ن|[:،,]", word))

    def _relative_speaks(self, start: int, end: int) -> bool:
        """Whether a subject is a person's relative or agent whose name follows as its genitive,
        at once or after one definite word ("محامي بولارد", "والد الشهيد مشعل العسيري"): the
        relative speaks, unnamed (but "زوج معلمة تبوك فيصل العمراني" is the husband named)."""
        words = list(re.finditer(r"\S+", self.text[start:end]))
        if len(words) < 2 or words[0].group() not in _RELATIONS:
            return False
        if self._in_name(start):  # the tagger took the relative into the name ("محامي بولارد")
            # but ابن and a family's name no other person of the article bears is a name of its
            # own (ابن تيمية, ابن باز), not a son's (ابن بولارد after جوناثان بولارد)
            return words[0].group() != "ابن" or len(words) > 2 or self._family_of_another(words[1].group())
        if _title_word(fold(words[1].group())) in _RELATIVE_OF_TITLES:
            return True  # "عائلة زعيم طالبان الراحل الملا محمد عمر": the leader's family speaks
        for i in (1, 2):
            mention = self._mention_starting(start + words[i].start()) if i < len(words) else None
            if mention is not None and mention.type == "PER":
                return i == 1 or fold(words[1].group()).startswith("ال")
        return False

    def _genitive_after(self, words: list[tuple[int, int]]) -> bool:
        """Whether the cue's first word is an indefinite noun that the next word completes (its
        genitive or adjective: "أكدت قناة آزال", "أكد مصدر مسؤول"), not an accusative (عددا)."""
        first = self.text[words[0][0] : words[0][1]]
        second = self.text[words[1][0] : words[1][1]]
        if first.endswith(_PHRASE_MARKS) or first[-1] in "،,:" or fold(first) in _ADVERBS:
            return False
        return _nominative(first) and not second.endswith(("ه", "ها", "هم", "هما", "كم", "نا"))

    def _names_next(self, words: list[tuple[int, int]], index: int) -> bool:
        """Whether the word after `words[index]` begins the name of a place or body: منطقة of
        "شرطة منطقة مكة" (a person's name after a noun is more often the object's: بضم راموس)."""
        mention = self._mention_starting(words[index + 1][0]) if index + 1 < len(words) else None
        return mention is not None and mention.type in ("LOC", "ORG")

    def _inner_cue(self, index: int, body_start: int, sentence_end: int) -> int | None:
        """The index of a cue that starts the statement (nested attribution), if any."""
        for later in range(index + 1, min(index + 3, len(self.cues))):
            hit = self.cues[later]
            if hit.start < body_start:
                continue
            if _previous_word(self.key, hit.start) in ("ما", "مما"):
                return None  # "أن ما ذكر غير صحيح": what was said is the statement's subject
            between = self.text[body_start : hit.start]
            if (
                hit.start < sentence_end
                and len(between.split()) <= 5
                and not re.search(r"[،,:.«“\"]", between)
                and self._contrast_before(hit.start) is None  # "… حتى أكد X أن": a clause of its own
            ):
                complement = self._complement(hit, sentence_end)
                # "أن جميع أبطال العمل رحبوا وأبدوا موافقتهم", "أن التقارير تؤكد زوال الخطر": a verb
                # with its object is part of what was said, unless a name speaks it ("أن الكونكاكاف
                # أعلن دعمه")
                relayed = complement is not None and (
                    complement[2] != "object" or self._previous_is_name(hit)
                )
                if (
                    relayed
                    and complement is not None
                    and not hit.cue.participle
                    and self._relays(body_start, hit, complement[0])
                ):
                    return later
            return None
        return None

    def _relays(self, start: int, hit: _CueHit, zone_end: int) -> bool:
        """Whether a nested cue has a speaker of its own, before it or none ("أنه أكد"), or after
        it ("أبلغ جوردون ديريك رويترز أنه"): not "إن الشريعة الإسلامية تؤكد على", what was said."""
        if not self.text[start : hit.start].strip():
            return True
        before = self._subject(start, hit.start, hit)
        after = self._subject(hit.end, zone_end, hit) if zone_end > hit.end else None
        return before is None or _someone(before) or (after is not None and _someone(after))

    # -- spans ----------------------------------------------------------------------------------

    def _clause_end(self, index: int, start: int, *, paragraph: bool = False) -> int:
        end = self._paragraph_end(start) if paragraph else self._sentence_end(start)
        if not paragraph:
            # "مبادرة «عسير.. وجهة سياحية»": a stop inside marks the statement opened, closing soon
            # after, ends nothing
            inside = next(
                (e for s, e in self.marks if start <= s < end < e <= end + 150 and self.text[e - 1] in '»”"'),
                None,
            )
            end = self._sentence_end(inside) if inside is not None else end
            praising = _PARTICIPLE_CLAUSE_RE.search(self.key, start, end)
            end = praising.start() if praising is not None else end
            occasion = _OCCASION_RE.search(self.key, start, end)
            end = occasion.start() if occasion is not None else end
        for hit in self.cues[index + 1 :]:
            if hit.start >= end:
                break
            if hit.start > start and hit.start in self.backward:
                return max(start, self.backward[hit.start])  # "…، حسبما أفاد مصدر"
            if hit.start > start and self._starts_clause(hit) and not self._continues_statement(index, hit):
                contrast = self._contrast_before(hit.start) or self._topic_before(hit.start)
                as_well = _AS_WELL_RE.search(self.key, max(start, hit.start - 12), hit.start)
                contrast = as_well.start() if contrast is None and as_well is not None else contrast
                return contrast if contrast is not None and contrast > start else hit.start
        return end

    def _continues_statement(self, index: int, hit: _CueHit) -> bool:
        """Whether a verb of saying joined by و goes on with the subject of the statement, not the
        speaker's: "وأضاف أن جميع أبطال العمل رحبوا وأبدوا موافقتهم" (a plural after a singular
        speaker, no comma, governing its object)."""
        outer = self.cues[index]
        if hit.cue.participle or hit.cue.number == outer.cue.number or hit.start == hit.word_start:
            return False
        if re.search(r"[،,]", self.text[max(0, hit.start - 3) : hit.start]):
            return False
        complement = self._complement(hit, self._sentence_end(hit.end))
        return complement is not None and complement[2] == "object"

    def _verse_at(self, position: int) -> bool:
        """Whether a short line, not an item of a list ("1- تعبئة نموذج", "– استهداف"), starts
        there: a verse or a short saying set on its own line."""
        line = self.text[position : self._paragraph_end(position)].strip()
        return 0 < len(line) <= _VERSE_CHARS and not re.match(r"[\d٠-٩\-–—•*.]", line)

    def _verses_end(self, start: int) -> int:
        """The end of the lines said after a colon and a line break: short lines (verses), up to a
        line of prose, at most four; else the first line."""
        end = self._paragraph_end(start)
        for _ in range(3):
            line_end = self._paragraph_end(end + 1)
            line = self.text[end + 1 : line_end].strip()
            if not self._verse_at(end + 1) or ":" in line or end - start > 4 * _VERSE_CHARS:
                break
            end = line_end
        return end

    def _takes_over(self, hit: _CueHit) -> bool:
        """Whether a later cue inside a cue's subject zone ends it: one that starts a clause, or
        a verb right after a name ("أعلن دعمه لبلاتيني أبلغ جوردون ديريك رويترز أنه")."""
        if self._starts_clause(hit):
            return True
        return (
            not hit.cue.participle
            and hit.start == hit.word_start
            and not self._in_name(hit.start)  # "أمين طالب": a surname, not "demanded"
            and self._previous_is_name(hit)
        )

    def _previous_is_name(self, hit: _CueHit) -> bool:
        before = self._last_mention_before(hit.start, ("PER", "ORG", "LOC"))
        return before is not None and len(self.text[before.end : hit.start]) <= 1

    def _starts_clause(self, hit: _CueHit) -> bool:
        before = self.text[max(0, hit.start - 3) : hit.start]
        if hit.cue.participle or "،" in before or "," in before or hit.start != hit.word_start:
            return True
        if hit.cue.lemma != "نقل" and _AS_WELL_RE.search(self.key, max(0, hit.start - 12), hit.start):
            return True  # "…، كما أعرب عن شكره": the speaker's next (not "، كما نقل عنه موقع")
        return self._contrast_before(hit.start) is not None or self._topic_before(hit.start) is not None

    def _contrast_before(self, position: int) -> int | None:
        """Where a لكن/بينما/فيما opens the clause whose subject stands right before `position`
        ("إنهم يعتقدون أنه قتل لكن آخرين قالوا إنه"), if one does."""
        floor = max(0, position - 40)
        words = list(_WORD_RE.finditer(self.key, floor, position))
        if words and words[-1].group() in _CLAUSE_HEADS:
            if words[-1].group() == "حين" and len(words) > 1 and words[-2].group() in ("في", "وفي"):
                return words[-2].start()  # "، في حين أوضح شكري أن"
            return words[-1].start()  # "حيث صرح إنريكي:": the verb opens the clause
        if words and words[-1].group().strip("،,") in _ON_ONES_PART:
            # "، من جهته قال الرئيس": another speaker's turn
            of = words[-2] if len(words) > 1 and words[-2].group() in ("من", "ومن") else words[-1]
            return of.start()
        for match in reversed(words[-3:-1]):
            if match.group() in _CONTRASTS:
                return match.start()
        # "، إلا أن الوزارة شددت", "غير أن المراقبين يؤكدون": but then another subject
        if (
            len(words) > 3
            and words[-3].group() in ("الا", "غير")
            and words[-2].group() in ("ان", "انه", "انها")
        ):
            return words[-3].start()
        return None

    def _topic_before(self, position: int) -> int | None:
        """Where a fronted topic "وعن X" or "أما X ف" opens the clause of the verb at `position`
        ("وعن النتائج التي حققها الفريق قال إن", "أما محمد هارون فقال إن"), if one does within ten
        words, no punctuation between."""
        window = self.key[max(0, position - 90) : position]
        # (not "إما": either)
        floor = max(0, position - 90)
        found = [
            m for m in _TOPIC_RE.finditer(window) if "إ" not in self.text[floor + m.start("topic") :][:4]
        ]
        return floor + found[-1].start("topic") if found else None

    def _mark_at(self, position: int) -> tuple[int, int]:
        """The inside of the quotation marks opened just before `position`."""
        for start, end in self.marks:
            if start <= position - 1 < end:
                close = end - 1 if self.text[end - 1] in '»”″"' and end - 1 > start else end
                return start + 1, close
        return position, self._sentence_end(position)

    def _after_short_marks(self, mark_start: int) -> int | None:
        """Where the text goes on after the marks opening at `mark_start` when they hold four
        words at most (a name, not a statement)."""
        start, end = self._mark_at(mark_start + 1)
        return _skip_space(self.text, end + 1) if len(self.text[start:end].split()) <= 4 else None

    def _name_in_marks(self, mark_start: int) -> bool:
        """Whether the marks opening at `mark_start` hold a short name the clause goes on after,
        with a word that is no cue and does not start with و ("أن "جلاكسي تاب إس2" سيكون")."""
        after = self._after_short_marks(mark_start)
        word = _LETTERS_RE.match(self.text, after) if after is not None else None
        if (
            word is not None
            and word.group() == "و"
            and self.text[_skip_space(self.text, word.end()) :][:1] in '«"“'
        ):
            return True  # "إن "أرامكو" و"سابك" حققتا": two names in marks
        if word is not None and word.group() in ("وهو", "وهي"):
            return True  # "أن "الكرب" وهو المادة الأساسية ... كان يستغل": the name described
        return (
            word is not None
            and not word.group().startswith("و")
            and not self._cue_within(word.start(), word.start() + 1)
        )

    def _name_before_that(self, mark_start: int) -> bool:
        """Whether the marks opening at `mark_start` hold a short name followed by a comma and
        إن/أن: a source, what it says after ("بحسب "بي بي سي"، إن المرضى")."""
        comma = self._after_short_marks(mark_start)
        return (
            comma is not None
            and self.text[comma : comma + 1] in ("،", ",")
            and _COMPLEMENTIZER_RE.match(self.key, _skip_space(self.text, comma + 1)) is not None
        )

    def _mark_is_a_topic(self, mark_start: int) -> bool:
        """A short quoted name followed by a colon or more words belongs to the subject, and a
        quoted title after "عن" (كتب عن «…») is what was written about, not what was said."""
        start, end = self._mark_at(mark_start + 1)
        after = _skip_space(self.text, end + 1)
        inside = self.text[start:end].rstrip()
        if _FORMULA_RE.fullmatch(fold(inside)):
            return True  # «صلى الله عليه وسلم» after the Prophet's name
        words = len(inside.split())
        # "«المعركة مستمرة والحرب لم تنته.»" is a sentence; “سي.إن.إن.” a name.
        short = words <= 5 and not (words > 1 and inside.endswith((".", "!", "?", "؟")))
        if short and self._mention_starting(start) is None:
            if words > 1 and fold(inside.split()[0]).strip('"«“') in _SPEECH_OPENERS:
                return False  # «ليس هناك سياسة جيدة» في ما يتعلق ب...: words said (not «إن بي سي»)
            if words >= _MIN_DIRECT_WORDS and self._person_ends_at(mark_start):
                return False  # 'وقال جينتيلوني "انها منطقة شهدت سوابق" من قبل': not his nickname
        if short and after < len(self.text) and self.text[after] not in ".،,\n":
            return True
        return _previous_word(self.key, mark_start) == "عن"

    def _person_ends_at(self, position: int) -> bool:
        """Whether a person's name ends right before `position`, a space apart."""
        end = len(self.text[:position].rstrip(" "))
        index = bisect.bisect_left(self.mention_starts, end) - 1
        return index >= 0 and self.mentions[index].end == end and self.mentions[index].type == "PER"

    def _inside_mark(self, position: int) -> bool:
        return any(start < position < end for start, end in self.marks)

    def _sentence_end(self, position: int) -> int:
        return self.sentence_ends[bisect.bisect_left(self.sentence_ends, position)]

    def _paragraph_end(self, position: int) -> int:
        end = self.text.find("\n", position)
        return len(self.text) if end < 0 else end

    def _word_limit(self, position: int, words: int, hard_end: int) -> int:
        for count, match in enumerate(_WORD_RE.finditer(self.text, position, hard_end)):
            if count >= words:
                return match.start()
        return hard_end

    def _mentions_from(self, at: int) -> Iterator[Mention]:
        return (self.mentions[i] for i in range(at, len(self.mentions)))

    def _mentions_back(self, at: int) -> Iterator[Mention]:
        """The mentions before index `at`, nearest first (no copy: an article may hold thousands)."""
        return (self.mentions[i] for i in range(at - 1, -1, -1))

    # -- speakers -------------------------------------------------------------------------------

    def _speaker(self, hit: _CueHit, zone_end: int) -> _Speaker | None:
        if hit.antecedent is not None:
            return _Speaker(self._full_name(hit.antecedent), hit.antecedent, hit.cue.gender, hit.cue.number)
        zone_start = self._zone_start(hit)
        sacred = _SCRIPTURE_RE.match(self.key, hit.end)
        if sacred is not None and (hit.form in _SAYING_NOUNS or hit.cue.lemma == "قال"):
            # "قوله تعالى", "قال تعالى": scripture cited; "قال صلى الله عليه وسلم": a hadith
            prophet = sacred.group().strip() == fold("صلى")
            return _Speaker("صلى الله عليه وسلم" if prophet else "الله", None, "m", "sg")
        if hit.form in _SAYING_NOUNS:
            return self._reported_source(hit)
        caller = self._caller(hit)
        if caller is not None:  # "تلقى الملك اتصالا هاتفيا من ملك البحرين، أعرب فيه عن"
            return _Speaker(self._full_name(caller), caller, hit.cue.gender, hit.cue.number)
        document = _IN_A_DOCUMENT_RE.match(self.key, hit.end) if hit.cue.lemma == "جاء" else None
        if document is not None and document["in_it"]:
            return self._document_before(hit)
        if hit.cue.lemma == "علم":  # "علمت «عكاظ» من مصادرها أن": the source follows من
            source = self.key.find(" من ", zone_start, zone_end)
            zone_start = source + 4 if source >= 0 else zone_start
        if hit.cue.lemma in _TELLING:  # "وأبلغ «الوطن» مصدر مسؤول أن": the paper told comes first
            zone_start = self._after_marked_name(zone_start, zone_end)
        conjunction = self.text[hit.start : hit.word_start]
        if _GOD_BEFORE_RE.fullmatch(self.key, self._clause_start(hit.start), hit.start):
            return _Speaker("الله", None, "m", "sg")  # "والله سبحانه وتعالى يقول:": God, the MISC name
        fa_qad = _FA_QAD_RE.search(self.key, max(0, hit.start - 7), hit.start)
        topic_end = fa_qad.start() if fa_qad is not None else hit.start
        topic = self._topic_speaker(hit, topic_end) if "ف" in conjunction or fa_qad else None
        if topic is not None:
            return topic
        if not hit.cue.participle and "و" not in conjunction:
            right_before = self._subject_before_verb(hit)
            if right_before is not None:
                return _Speaker(self._full_name(right_before), right_before, hit.cue.gender, hit.cue.number)
        if not hit.cue.participle and "و" not in conjunction and self._after_kana(hit):
            before = self._subject_before(hit)  # "وكان وزير سوري أبلغ رويترز أن": not رويترز
            if before is not None:
                return before
        named = None if hit.cue.participle else self._subject(zone_start, zone_end, hit)
        # "داعيا الله أن": whom one calls on is the object, and God is always called on; "طالب
        # عدد من الخريجين": an indefinite noun that is not accusative (عددا) is the subject
        maybe_object = named is not None and hit.cue.lemma in _OBJECT_FIRST
        if maybe_object and named is not None and named.mention is None and not _is_god(named):
            # "ودعت الوزارة المواطنين إلى": she, them; "ووصف الوزير القرار بأنه"
            subject = _before_plural_object(named, any_number=hit.cue.lemma == "وصف")
            if subject is not None:
                return subject
        if (
            maybe_object
            and named is not None
            and hit.cue.gender == "m"
            and self._feminine_body_after(named, hit)
        ):
            named = None  # "وطالب المحكمة الجنائية الدولية بالتحقيق": she is asked, he asks
        if named is not None and not (
            maybe_object and ((named.mention is None and not _nominative(named.text)) or _is_god(named))
        ):
            return named
        if not hit.cue.participle and "و" not in conjunction:
            before = self._subject_before(hit)
            if before is not None:
                return before
        antecedent = self._antecedent(hit)
        person_before = (
            antecedent is not None and antecedent.mention is not None and antecedent.mention.type == "PER"
        )
        if person_before and maybe_object and named is not None and _feminine_subject(named, hit.cue):
            return _definite_head(named)  # "وحذرت الحكومة أمس المناطق الجنوبية من": she, not the minister
        if antecedent is None and maybe_object and named is not None and _unnamed_subject(named, hit.cue):
            return _definite_head(named)  # "وحذرت السفارة الأمريكية من أن", no one named before
        return antecedent

    def _feminine_body_after(self, speaker: _Speaker, hit: _CueHit) -> bool:
        """Whether a body or place named right after the verb is grammatically feminine: a head in
        ة (المحكمة, وزارة الصحة) or a plural (الأمم المتحدة), which a masculine verb cannot have for
        its subject (but "حذر بيان صادر عن وزارة الصحة": the statement is)."""
        mention = speaker.mention
        if (
            mention is None
            or mention.type not in ("ORG", "LOC")
            or self.text[hit.end : mention.start].strip()
        ):
            return False
        head = fold(mention.text.split()[0]).removeprefix("ال")
        return head.endswith("ه") or head in ("امم", "ولايات")

    def _zone_start(self, hit: _CueHit) -> int:
        """Where a cue's subject may start: past "في" in "جاء في البيان", past "على لسان"."""
        if hit.cue.lemma == "جاء":
            document = _IN_A_DOCUMENT_RE.match(self.key, hit.end)  # (every hit has it: `_cue_hits`)
            return document.end() if document is not None and not document["in_it"] else hit.end
        return hit.end

    def _topic_speaker(self, hit: _CueHit, end: int) -> _Speaker | None:
        """The topic of "أما X فأوضح" (or "فقد أوضح", the topic ending at `end`) when it is a
        person, a body or a title (not "أما حضور المرأة كناخبة فتوقع": he expected, about it)."""
        amma = _AMMA_RE.search(self.key, self._clause_start(hit.start), end)
        topic = self._subject(amma.end(), end, hit) if amma is not None else None
        return topic if topic is not None and _someone(topic) else None

    def _after_marked_name(self, start: int, end: int) -> int:
        """Past a short name in quotation marks right at `start`, if there is one."""
        opening = _skip_space(self.text, start)
        if opening >= end or self.text[opening] not in '«"“':
            return start
        closing = _CLOSING_MARK_RE.search(self.text, opening + 1, min(end, opening + 30))
        return closing.end() if closing is not None else start

    def _subject(self, start: int, end: int, hit: _CueHit) -> _Speaker | None:
        phrase_start, phrase_end = self._noun_phrase(start, end)
        phrase_start = self._past_honorific(phrase_start, phrase_end)
        told_first = self.text[:phrase_start].rstrip()[-1:] in '»"”'  # "أبلغ «الوطن» ابن الفقيد غزاي"
        if hit.cue.lemma in _TELLING and not told_first and self._mention_starting(phrase_start) is None:
            # "أبلغ مسؤولون حكوميون رويترز أنهم": the one told is named after the subject
            later = self._mentions_from(bisect.bisect_left(self.mention_starts, phrase_start + 1))
            told = next((m for m in later if m.start < phrase_end), None)
            if told is not None:
                phrase_end = told.start
                while phrase_end > phrase_start and self.text[phrase_end - 1] in " لـ":
                    phrase_end -= 1
        if phrase_end <= phrase_start or self._cue_within(phrase_start, phrase_start + 1):
            return None  # "أكد وشدد على": a second verb of the subject's, named before them
        gender, number = hit.cue.gender, hit.cue.number
        spans = [m.span() for m in _WORD_RE.finditer(self.text, phrase_start, phrase_end)]
        if hit.cue.lemma not in _OBJECT_FIRST and self._noun_of_a_pronoun(spans):
            return None  # "وأكد حرص بلاده على": the object; the subject was named before
        if spans and fold(self.text[spans[0][0] : spans[0][1]]) in _STANCE_NOUNS | _ATTENTION:
            return None  # "وأكد أهمية «التعاون»", "ولفت الانتباه إلى": what he stressed
        owner = self._document_owner(phrase_start, end, gender, number)
        if owner is not None:
            return owner  # "وقال بيان لوزارة الخارجية إن": the ministry speaks through it
        phrase = self._display_phrase(phrase_start, phrase_end)
        bare = phrase.strip('"«»“”')
        if bare != phrase and bare and " " not in bare and self._mention_starting(phrase_start) is None:
            # "وأضافت «التعليم» أن": a body written short in marks, named in full before
            named = self._named_before(bare, phrase_start)  # "وأوضح "المسلم"": فؤاد المسلم
            if named is not None:
                return _Speaker(self._full_name(named), named, gender, number)
            return self._body_ending(bare, phrase_start, gender, number) or _Speaker(
                bare, None, gender, number
            )
        each = self._person_in(phrase_start, phrase_end) if fold(phrase).startswith("كل من ") else None
        if each is not None:  # "أبدى كل من توفيق الحداد وعبدالله حسن": each of them, the first named
            return _Speaker(self._full_name(each), each, gender, number)
        if _quantified(phrase) or fold(phrase).startswith("صلي الله") or _seated_source(phrase):
            # "عدد من مؤيدي الأسد": some of them speak, not the person named inside;
            # "صلى الله عليه وسلم": the Prophet, unnamed
            return _Speaker(phrase, None, gender, number)
        if self._relative_speaks(phrase_start, phrase_end) or _UNNAMED_SPOKESMAN_RE.match(fold(phrase)):
            # "محامي بولارد": his lawyer speaks; "متحدث باسم الرئيس أشرف غني": his spokesman
            return _Speaker(phrase, None, gender, number)
        mention = self._person_in(phrase_start, phrase_end)
        body = self._mention_starting(phrase_start)
        if (
            mention is not None
            and body is not None
            and body.type in ("ORG", "LOC")
            and body.end < mention.start
        ):
            # "وحذرت السعودية الأمين العام للأمم المتحدة بان كي مون من أن": the one warned follows
            return _Speaker(body.text, body, gender, number)
        if fold(phrase.split()[0]) in _HONORIFIC_PRONOUNS:
            # "وقال سموه", "وأضاف سموه يقول" (the tagger may take it for a name): the one named before
            return None
        mention = mention or self._named_before(phrase, phrase_start)
        if mention is not None:
            return _Speaker(self._full_name(mention), mention, gender, number)
        if _is_title(phrase):
            # "المشرف على برنامج إحالتي بوزارة الصحة سليمان الشريع": the name follows the title
            person = self._person_in(phrase_start, self._title_reach(phrase_start, end))
            person = person or self.resolve_title(phrase, phrase_start)
            if person is not None:
                return _Speaker(self._full_name(person), person, gender, number)
        behind = self._body_behind(phrase_start, phrase_end)
        org = behind or self._mention_starting(phrase_start)
        if org is not None and org.type != "PER" and (behind or not _is_title(phrase)):
            return _Speaker(org.text, org, gender, number)
        if org is None:
            described = self._described_before(phrase, phrase_start) or self._named_after(phrase, phrase_end)
            if described is not None:
                return _Speaker(self._full_name(described), described, gender, number)
        return self._earlier_body(phrase, phrase_start, gender, number) or _Speaker(
            phrase, None, gender, number
        )

    def _body_behind(self, start: int, end: int) -> Mention | None:
        """The body that speaks through its outlet's kind or its management: "وكالة أنباء
        «الأناضول»", "إدارة مستشفى الدوادمي العام", "مجلس إدارة نادي الهلال"."""
        for pattern in (_OUTLET_NAMED_RE, _MANAGEMENT_OF_RE):
            found = pattern.match(self.key, start, end)
            if found is None:
                continue
            body = self._mention_starting(found.end())
            club = _CLUB_WORD_RE.match(self.key, found.end(), end)
            body = body or (self._mention_starting(club.end()) if club else None)
            if body is not None and body.type != "PER":
                return body
        return None

    def _past_honorific(self, start: int, end: int) -> int:
        """Where a subject begins past the honorific before its title ("معالي وزير الخارجية",
        "سعادة مدير التعليم", "صاحب السمو الملكي أمير المنطقة"): the title names the person."""
        honorific = _HONORIFIC_RE.match(self.key, start, end)
        rest = _skip_space(self.text, honorific.end()) if honorific else start
        return rest if honorific and rest < end and _is_title(self.text[rest:end]) else start

    def _body_ending(self, word: str, position: int, gender: str | None, number: str) -> _Speaker | None:
        """The body named before `position` whose name ends with `word` ("وزارة التعليم" for
        "التعليم")."""
        key = fold(word)
        at = bisect.bisect_left(self.mention_starts, position)
        for mention in islice(self._mentions_back(at), 30):
            name = fold(mention.text)
            if mention.type == "ORG" and name != key and name.endswith(" " + key):
                return _Speaker(mention.text, mention, gender, number)
        return None

    def _document_before(self, hit: _CueHit) -> _Speaker | None:
        """Who speaks in "بيانا جاء فيه": the document's owner ("بيانا صادرا عن الفرقة 30 جاء فيه"),
        else the subject of the verb that issued it ("أصدرت الوزارة بيانا جاء فيه"), else the
        document itself."""
        start = max(0, hit.start - 200)  # (or the sentence before: "كتبت خطابا. وجاء فيه")
        documents = list(_DOCUMENT_BEFORE_RE.finditer(self.key, start, hit.start))
        if not documents:
            return None
        document = documents[-1]
        # the verbs that go on from it agree with the document: "رسالة ... وأضافت", "بيان ... وأضاف"
        gender = (
            "f" if self.key[document.start() : document.end()].rstrip(_HARAKAT + "ا")[-1] in "ةه" else "m"
        )
        owner = self._document_owner(document.start(), hit.start, gender, "sg")
        if owner is not None:
            return owner
        issued = list(_ISSUED_RE.finditer(self.key, start, document.start()))
        issuer = self._subject(issued[-1].end(), document.start(), hit) if issued else None
        written = self.text[document.start() : document.end()].rstrip(_HARAKAT)
        return issuer or _Speaker(written.removesuffix("ا").rstrip(_HARAKAT), None, gender, "sg")

    def _document_owner(self, start: int, end: int, gender: str | None, number: str) -> _Speaker | None:
        """The body or person a statement, report or study at `start` is from, named before `end`:
        "بيان لوزارة الخارجية", "تقرير صادر عن الهيئة", "دراسة أجرتها جامعة الملك سعود", "تقرير
        مؤسسة النقد" (a name right after it), "تحقيق لصحيفة «ميرور»" (the name after its kind)."""
        head = _WORD_RE.match(self.text, start)
        if head is None or fold(head.group()).removeprefix("ال").removesuffix("ا") not in _DOCUMENTS:
            return None  # (بيانا: accusative)
        link = _OWNER_LINK_RE.match(self.key, head.end(), end)
        if link is None:
            return None
        owner = link.end()
        kind = _LETTERS_RE.match(self.text, owner)
        if kind is None:
            return None
        lam, word = _owner_word(kind.group())
        if fold(kind.group()) in _CIRCUMSTANCE_HEADS:
            return None  # "البيان الذي نشر على موقع الحزب": published (no one named) on
        if word in _BODY_KINDS:  # "لصحيفة «ميرور»": the name after its kind
            owner = self._after_marked_name(kind.end(), end)
            owner = owner if owner != kind.end() else _skip_space(self.text, kind.end())
        mention = self._mention_starting(owner)
        if mention is not None and mention.start < end and mention.type in ("ORG", "PER"):
            return _Speaker(self._full_name(mention), mention, gender, number)
        issued = link.group("by") is not None and not link.group("by").startswith(("عن", "من"))
        if not (issued or ((link.group("by") or lam) and word in _OWNERS)):
            return None  # "تقرير اقتصادي", "بيان للرأي العام", "تقرير عن": no owner named, or to whom
        phrase_start = kind.start() + (1 if lam else 0)
        rest_start, rest_end = self._noun_phrase(kind.end(), end)  # (a ل-word opens no phrase)
        phrase = self._display_phrase(phrase_start, rest_end if rest_end > rest_start else kind.end())
        phrase = "ال" + phrase[1:] if lam == "لل" else phrase  # "للقيادة": ل before ال drops its alif
        body = self._earlier_body(phrase, phrase_start, gender, number)
        return body or _Speaker(phrase, None, gender, number)

    def _title_reach(self, start: int, end: int) -> int:
        """How far a title's name may follow it: 16 words, up to an adverbial that ends the subject
        ("الرئيس الإيراني خلال الاتصال ... الجمعة الرئيس هولاند": هولاند is the object)."""
        limit = self._word_limit(start, 16, end)
        for word in _WORD_RE.finditer(self.text, start, limit):
            if fold(word.group()) in _TITLE_STOPS:
                return word.start()
        return limit

    def _named_before(self, phrase: str, position: int) -> Mention | None:
        """The person named earlier whose name ends with the phrase, a rank before it aside: a
        surname the tagger missed ("وأكد الجبير" after "عادل الجبير", "وأضاف اللواء التركي" after
        "اللواء منصور التركي")."""
        words = fold(phrase).strip('"«»“”').split()
        while len(words) > 1 and _title_word(words[0]) in TITLE_HEADS:
            words = words[1:]
        if not 1 <= len(words) <= 2:
            return None
        at = bisect.bisect_left(self.mention_starts, position)
        for mention in self._mentions_back(at):
            name = fold(mention.text).split()
            if mention.type == "PER" and len(name) > len(words) and name[-len(words) :] == words:
                return None if _is_title(mention.text) else mention
        return None

    def _described_before(self, phrase: str, position: int) -> Mention | None:
        """The person named last with this word right before the name (an adjective between):
        "وأكدت الشاعرة" after "أصدرت الشاعرة السعودية رزان العتيبي" (a noun no title list holds)."""
        words = fold(phrase).split()
        if not 1 <= len(words) <= 2 or not words[0].startswith("ال") or len(words[0]) < 5:
            return None
        # "اللاعب الصربي" after "المهاجم الصربي ألكسندر ميتروفيتش": the nationality tells him
        # (written with ي: الأعلى of "المرشد الأعلى" is no nationality)
        nisba = words[1] if len(words) == 2 and words[1].startswith("ال") and phrase.endswith("ي") else None
        at = bisect.bisect_left(self.mention_starts, position)
        for mention in self._mentions_back(at):
            before = fold(self.text[max(0, mention.start - 40) : mention.start]).split()[-2:]
            if _other_qualifier(phrase, self.text[max(0, mention.start - 30) : mention.start]):
                continue  # "المندوب الصيني" after "المندوب الروسي فيتالي تشوركين"
            described = words[0] in before or (nisba is not None and before[-1:] == [nisba])
            if mention.type == "PER" and described and not _is_title(mention.text):
                return mention
        return None

    def _named_after(self, phrase: str, position: int) -> Mention | None:
        """The person a lead's indefinite speaker is named as soon after: "طالب خبير اقتصادي ..."
        then "واعتبر الخبير الاقتصادي عبدالعزيز شروفنا" (the same words, made definite, right before
        the name)."""
        words = fold(phrase).split()
        if not 1 <= len(words) <= 3 or any(w.startswith("ال") for w in words):
            return None
        title = ["ال" + w for w in words]
        at = bisect.bisect_left(self.mention_starts, position)
        for mention in self._mentions_from(at):
            if mention.start - position > _NAMED_AFTER_REACH:
                return None
            before = fold(self.text[max(0, mention.start - 60) : mention.start]).split()
            if mention.type == "PER" and before[-len(title) :] == title and not _is_title(mention.text):
                return mention
        return None

    def _earlier_body(self, phrase: str, position: int, gender: str | None, number: str) -> _Speaker | None:
        """ "وقالت الصحيفة", "وأضافت الوزارة": a body named before ("صحيفة «فلوريدا توداي»", "وزارة
        الصحة العمانية") by its head noun: an earlier speaker's, or the body of that kind named last
        before it, when the tagger found its name ("وزارة الشؤون البلدية", untagged, is not the
        وزارة الداخلية named earlier)."""
        words = fold(phrase).split()
        if not 1 <= len(words) <= 2 or not words[0].startswith("ال"):
            return None
        head = [words[0][2:], *words[1:]]
        for _, speaker in reversed(self.speakers):
            # "هيئة التقييس", or a body named with ال: "الهيئة السعودية للمواصفات"
            first = fold(speaker.text).split()[:1] if speaker.text else []
            a_body = speaker.mention is not None and speaker.mention.type == "ORG"
            heads = (first[0], first[0].removeprefix("ال")) if a_body and first else tuple(first)
            if speaker.text != phrase and head[0] in heads:
                return speaker
        bare = fold_keep_length(phrase).split()[0][2:]  # the search key keeps ة
        pattern = re.compile(r"(?<![^\W\d_])(?:ال)?" + re.escape(bare) + r"(?![^\W\d_])")
        # the last of them that names a body, its anaphoric uses between aside ("عبر موقع الجامعة";
        # but "وزارة الشؤون البلدية", untagged, names another)
        for use in reversed(list(pattern.finditer(self.key, max(0, position - _BODY_REACH), position))):
            named = self._mention_starting(use.start())
            if named is None and self.key.startswith("ال", use.start()):
                continue
            if named is None:  # "تنظيم داعش": the name after its kind ("وقال التنظيم")
                outlet = _OUTLET_NAMED_RE.match(self.key, use.start())  # "وكالة أنباء «الأناضول»"
                after = self._mention_starting(outlet.end() if outlet else _skip_space(self.text, use.end()))
                known_kind = outlet is not None or head[0] in _BODY_KINDS
                if after is not None and after.type == "ORG" and known_kind and len(head) == 1:
                    return _Speaker(after.text, after, gender, number)
                return None
            if named.type != "ORG" or len(fold(named.text).split()) <= len(head):
                return None
            return _Speaker(named.text, named, gender, number)
        return None

    def _genitive_of_a_group(self, mention: Mention) -> bool:
        """Whether a person is named as the genitive of a group or a body before the verb
        ("منتقدي الفالح", "حكومة أوباما", "أنصار مرسي"): they speak, not he."""
        before = re.search(r"(\S+) (\S+) $", self.text[max(0, mention.start - 30) : mention.start])
        # (not "أخو الشهيد فايع آل عواض": the name after الشهيد is as often the relative's own)
        if before is None:
            return False
        word = fold(before.group(2)).removeprefix("و")
        return word in _GROUPS_OF or word in _PEOPLE_NOUNS

    def _person_in(self, start: int, end: int) -> Mention | None:
        """The first person named in the span, titles the tagger took for names left out."""
        at = bisect.bisect_left(self.mention_starts, start)
        for mention in self._mentions_from(at):
            if mention.start >= end:
                return None
            if mention.type == "PER" and not _is_title(mention.text):
                return mention
        return None

    def _display_phrase(self, start: int, end: int) -> str:
        """An unnamed speaker's phrase, up to a relative clause or a ل-phrase after its head."""
        aside = _ANONYMITY_RE.search(self.key, start, end)  # "مصدر طبي طلب عدم كشف اسمه"
        matches = list(_WORD_RE.finditer(self.text, start, aside.start() if aside else end))
        kept = [match.group() for match in matches[:1]]
        for match in matches[1:]:
            word, folded = match.group(), fold(match.group())
            a_lam_phrase = (
                folded.startswith("ل") and not folded.startswith("لا") and not self._in_name(match.start())
            )
            if folded in _PHRASE_ENDS or a_lam_phrase:  # (not "شركة لوكهيد مارتن")
                break
            if re.fullmatch(_OUTLET_KIND, folded) and len(kept) > 1 and _speaker_adjective(fold(kept[-1])):
                break  # "أفاد مسؤول محلي وكالة فرانس برس": the outlet told (not "رئيس تحرير صحيفة")
            kept.append(word)
        while len(kept) > 1 and fold(kept[-1]) == "ال":
            kept.pop()  # "التقرير الـ 51": the article of a number the phrase stops before
        return " ".join(kept)

    def _noun_phrase(self, start: int, end: int) -> tuple[int, int]:
        """The subject inside the zone: words up to a preposition, a comma or an adverb."""
        words = list(re.finditer(r"[^\s،,:]+|[،,:]", self.text[start:end]))
        first = last = None
        skip_next = in_mark = told = in_parens = told_comma = False
        folded = [fold(match.group(0)).strip('"«»“”()') for match in words]
        for number, match in enumerate(words):
            raw, word = match.group(0), folded[number]
            if (
                word in _TIME_UNITS
                and folded[number + 1 : number + 2]
                and folded[number + 1] in _TIME_RELATIONS
            ):
                word = "امس"  # "قالت الحكومة العام الماضي إن": a time, like أمس, not the subject's
            if word == "الاول" and folded[number - 1 : number] == ["امس"] and first is None:
                continue  # "أمس الأول", the day before yesterday
            if word == "اول" and "امس" in folded[number + 1 : number + 3]:
                if first is not None:
                    break  # "قال تقرير أول أمس إن": the day before yesterday, not the subject's
                skip_next = folded[number + 1] == "من"  # "أول من أمس"
                continue
            if not word and first is None:
                continue  # a quotation mark standing alone ("وأردف يقول ” إن")
            if first is None and _ABBREVIATION_RE.fullmatch(raw):
                continue  # "د." / "م." / "أ.د.": a title abbreviated, the name follows
            if in_mark:  # "وقال لـ«الشرق الأوسط» إن": the outlet told is no subject
                in_mark = not any(c in raw for c in '»”"')
                told_comma = not in_mark
                continue
            if skip_next:
                # ("بشكل غير مباشر": the adjective after غير too)
                skip_next, in_mark = word == "غير", _opens_mark(raw)
                told_comma = not in_mark
                continue
            if told_comma and first is None and raw in "،,":
                told_comma = False  # "أوضح لـ "الاقتصادية"، فالنتين بومينوف أن": the subject after
                continue
            told_comma = False
            if first is None and word in _MANNERS:
                skip_next = word in _MANNER_NOUNS  # "وأكد بشكل واضح أن", "وأضاف بصراحة أن": how
                continue
            named = self._mention_starting(start + match.start()) is not None  # ماليزيا is no adverb
            if (
                (
                    word in _ADVERBS
                    or word in _TIME_HEADS
                    or _is_adverbial(word)
                    or _is_adverbial(raw)
                    or word in _NOT_SUBJECTS
                    # "مرارا وتكرارا": a second adverb joined to the first
                    or (
                        number > 0
                        and word.startswith("و")
                        and _is_adverbial(folded[number - 1])
                        and raw.endswith(("ا", "اً"))
                        and not raw.endswith("ها")
                    )
                )
                and first is None
                and not named
            ):
                continue
            # "وقال لـ«الاقتصادية» الصراف X": the one told comes first; "لدى استقباله": a time
            if (
                number == 0
                and word.startswith("ل")
                and not word.startswith("لا")
                and word != "لدي"
                and not raw.startswith(('"', "«", "“"))  # "«لجنة المتابعة»": a name in marks
                and not self._person_in(start + match.start(), start + match.start() + 1)  # "وقالت ليلى إن"
                # its own ل: "وقالت لجنة الانتخابات", "لجان المقاومة", "وأعلنت ليبيا"
                and not word.startswith(("لجن", "لجان"))
                and not self._name_at(start + match.start())
            ):
                skip_next = word in ("ل", "لـ")  # "وقال لـ"سبق" المتحدث": a leading "to X"
                in_mark = _opens_mark(raw)
                told = word[1:] in _TOLD_KINDS
                continue
            if in_parens:
                in_parens = ")" not in raw
                continue
            if (
                told
                and first is None
                and (raw.startswith("(") or self._rest_of_the_told(word, start + match.start()))
            ):
                # "قال لهيئة الإذاعة الأميركية (سي إن إن)": the rest of the one told (not a title:
                # "قال لوكالة الأنباء الفرنسية الوزير X")
                in_parens = raw.startswith("(") and ")" not in raw
                if in_parens or raw.startswith("(") or _title_word(word) not in TITLE_HEADS:
                    continue
            told = False
            aside = raw in ("-", "–") and folded[number + 1 : number + 2] and folded[number + 1] in _RELATIVES
            if first is not None and (word in _RELATIVES or aside):
                break  # "وقال الوزير الذي التقى جون كيري إن", "وقال المسؤول - الذي رفض": the head
            if first is not None and (word in _ATTENTION or _stance_with_pronoun(word)):
                break  # "ولفت المتحدث الانتباه إلى", "أكد الوزير حرصه على": the object
            if first is not None and word in _DEMONSTRATIVES and self._phrase_closed(first, last):
                break  # "اعتبرت أوساط محلية هذه المساعي": the object begins (not "أصحاب هذه المبادرة")
            if raw.strip('"«»“”()') in _SPEECH_OBJECTS:
                if first is not None:
                    break  # "واختتم الشريف كلمته بأن": the subject ends before his talk
                continue  # "واختتم حديثه بأن": the speaker was named before
            if (
                first is None
                and raw.startswith("ب")
                and not word.startswith("بعض")
                and _has_pronoun(raw)
                and not named
            ):
                continue  # "وغرد بحسابه في تويتر:": where he said it, not who
            if first is None and word == "مره" and folded[number + 1 : number + 2] == ["اخري"]:
                skip_next = True  # "تؤكد مرة أخرى قدرة السعودية": again
                continue
            if first is None and (word in _PARENTHETICALS or _circumstance(word, named)):
                return start, start  # "قالوا وهم يكذبون": a circumstance, the subject was before
            if word in ("بقوله", "بقولها", "بقولهم") and first is not None:
                if self._first_mention(first, start + match.start(), ("PER", "ORG")) is not None:
                    break  # "وعلق ألبرايت بقوله": the subject named
                return start, start  # "أوضح تفاصيل ذلك بقوله": the object, then what was said
            if word == "صلي" and first is None:  # "قال صلى الله عليه وسلم": the Prophet, unnamed
                blessing = _FORMULA_RE.match(self.key, start + match.start(), end)
                return (start, start) if blessing is None else (blessing.start(), blessing.end())
            inside_name = self._person_in(start + match.start(), start + match.end()) is not None
            quantified = word == "من" and number == 1 and folded[0] in _QUANTIFIERS
            # "وقال مصدر في وزارة الداخلية إن": where an unnamed source sits is part of it
            source_seat = (
                word == "في"
                and first is not None
                and fold(self.text[first:last]) in _UNNAMED_SOURCES
                and self._seat_after(start + match.end())
            )
            if match.group(0) in "،,:" or (
                word in _BREAKS and not inside_name and not quantified and not source_seat
            ):
                if first is not None:
                    break
                return start, start
            in_name_marks = first is not None and _unclosed(self.text[first:last])  # "“عين اليوم”"
            if (
                not in_name_marks
                and (
                    (word in _ADVERBS and not (named and raw[:1] in '«"“'))  # صحيفة «اليوم»: a name
                    or ((_is_adverbial(word) or _is_adverbial(raw)) and not named)
                    or word.startswith("(")
                    or (word.startswith("-") and len(word) > 1)  # "قال -صلى الله عليه وسلم-": a blessing
                    or (
                        _is_digit(word)
                        and not _numbered_unit(self.text[first:last] if first is not None else "")
                    )
                )
            ):
                break
            first = start + match.start() if first is None else first
            last = start + match.end()
            if (
                (
                    (last - first == len(raw) and _QUOTED_WORD_RE.fullmatch(raw))
                    # "أعربت منظمة «أوبك» نتائج": a body with its name in marks, then the object
                    or (raw.endswith(("»", "”")) and any(c in self.text[first:last] for c in "«“"))
                    or (raw.endswith('"') and self.text[first:last].count('"') == 2)
                )
                and self._mention_starting(_skip_space(self.text, last)) is None
            ):
                break  # "وأكدت "الصحة" عدم تسجيل": a body quoted whole, then its object (but
                # "ويقول «التناك» محمد العسيف": a name after a nickname)
        return (first, last) if first is not None and last is not None else (start, start)

    def _seat_after(self, position: int) -> bool:
        """Whether the word at `position` names a body or a place ("في الوزارة", "في وزارة
        الداخلية", "في عدن"), not a time or an occasion ("في وقت سابق", "في تصريح")."""
        word = _LETTERS_RE.search(self.text, position)
        if word is None:
            return False
        form = fold(word.group())
        named = self._mention_starting(word.start()) is not None
        return named or form in _PEOPLE_NOUNS or (form.startswith("ال") and form not in _NOT_SEATS)

    def _rest_of_the_told(self, word: str, position: int) -> bool:
        """Whether a word after the body told ("قال للجنة") is still its name: a definite word or
        a genitive after ب/ل ("الشؤون الخارجية بمجلس النواب"), not a title or a person (the
        speaker: "قال لوكالة الأنباء الفرنسية الوزير X")."""
        mention = self._mention_starting(position)
        if (mention is not None and mention.type == "PER") or _title_word(word) in TITLE_HEADS:
            return False
        if self._in_name(position):
            return True  # "وأضاف لشبكة سي إن إن أن", "لوكالة رويترز": the body's name
        return word.startswith(("ال", "ب", "ل")) and (mention is None or mention.start > position)

    def _phrase_closed(self, first: int, last: int | None) -> bool:
        """Whether a phrase of two words or more ends in a word no genitive follows: a definite
        word or an indefinite nisba adjective ("أوساط محلية")."""
        words = self.text[first:last].split()
        return len(words) > 1 and (fold(words[-1]).startswith("ال") or _indefinite_nisba(words[-1]))

    def _clause_start(self, position: int) -> int:
        """Where the clause holding `position` starts (after its punctuation)."""
        return max(self.text.rfind(c, 0, position) for c in ".،,\n:؛!?؟") + 1

    def _after_kana(self, hit: _CueHit) -> bool:
        """Whether the verb follows كان and its subject ("وكانت الحكومة قالت", "وكان وزير سوري أبلغ")."""
        words = fold(self.text[self._clause_start(hit.start) : hit.start]).split()
        return 2 <= len(words) <= 5 and words[0] in _KANA

    def _subject_after_kana(self, hit: _CueHit) -> bool:
        """Whether a subject stands between كان and the verb ("وكانت الوزارة قد أعلنت"; not "وكانت
        قد أعلنت هيئة الطيران": its subject follows)."""
        words = fold(self.text[self._clause_start(hit.start) : hit.start]).split()
        return self._after_kana(hit) and any(word not in ("قد", "لقد") for word in words[1:])

    def _about_end(self, start: int, hit: _CueHit) -> int:
        """Where the topic a clause at `start` opens with ends ("وعن راموس", "وحول مستقبل
        مورينيو،"): its comma or the first verb of saying; `start` when it opens with none."""
        if not _ABOUT_OPENING_RE.match(self.key, start):
            return start
        comma = _COMMA_RE.search(self.text, start, hit.start)
        at = bisect.bisect_left(self.cue_starts, start)
        first_cue = self.cue_starts[at] if at < len(self.cue_starts) else hit.start
        return min(comma.start() if comma else hit.start, first_cue, hit.start)

    def _subject_before(self, hit: _CueHit) -> _Speaker | None:
        """ "محافظ القنفذة فضا البقمي قال إن", "أما X فقال": a subject before the verb."""
        contrast = self._contrast_before(hit.start)
        if (
            contrast is not None
            and fold(self.text[contrast : hit.start].split()[-1]).strip("،,") in _ON_ONES_PART
        ):
            contrast = None  # "والمدير بدوره أكد": the subject stands before "on his part"
        clause_start = max(self._clause_start(hit.start), 0 if contrast is None else contrast)
        words = self.text[clause_start : hit.start].split()
        on_its_part = bool(words) and fold(words[-1]).strip("،,") in _ON_ONES_PART
        while words and fold(words[-1]).strip("،,") in _ON_ONES_PART | {"من", "ومن"}:
            words.pop()
        if words and fold(words[-1]).strip('"«»“”') in _SOURCE_HEADS:
            # "بعد أيام من تقارير ذكرت أن": an unnamed source right before its verb
            return _Speaker(words[-1], None, hit.cue.gender, hit.cue.number)
        if len(words) > 8 or self._about_end(clause_start, hit) > clause_start:
            return None  # (not "وعن راموس قال": whom he spoke about)
        if len(words) > 2 and _quantified(" ".join(words)):
            # "كثير من القادة السياسيين في الغرب يشددون": some of a group
            return _Speaker(" ".join(words), None, hit.cue.gender, hit.cue.number)
        mention = self._person_in(clause_start, hit.start) or self._first_mention(
            clause_start, hit.start, ("ORG",)
        )
        if mention is not None and self._genitive_of_a_group(mention):
            # "لكن رئيس الاتحاد أحد أشد منتقدي الفالح أكد", "حكومة أوباما أكدت": they speak
            words = self.text[clause_start : mention.end].split()
            while words and fold(words[0]) in _CLAUSE_OPENERS | _CLAUSE_HEADS:
                words = words[1:]
            if words and words[0].startswith("و") and fold(words[0][1:]).removesuffix("ا") in _PEOPLE_NOUNS:
                words[0] = words[0][1:]  # "ووالد الشهيد": and his father
            one_of = next((i for i, w in enumerate(words) if i and fold(w) == "احد"), len(words))
            return _Speaker(" ".join(words[:one_of]), None, hit.cue.gender, hit.cue.number)
        if mention is not None and _TOLD_IN_AN_INTERVIEW_RE.search(self.key, clause_start, mention.start):
            return None  # "وفي تصريح لوكالة الصحافة الفرنسية ذكر أن": the outlet told, not the teller
        if mention is not None:
            return _Speaker(self._full_name(mention), mention, hit.cue.gender, hit.cue.number)
        # "مصادر سياسية مطلعة أشارت لـ«عكاظ» أن", "لكن السلطات المصرية تقول إن": an unnamed
        # source or a body opening the clause
        after_kana = bool(words) and fold(words[0]) in _KANA
        if len(words) > 1 and fold(words[0]) in ("في", "وفي") and fold(words[1]) == "حين":
            words = words[2:]  # "، في حين أشار إلى": whereas
        if words and (fold(words[0]) in _CLAUSE_OPENERS or fold(words[0]) in _CLAUSE_HEADS):
            words = words[1:]
        thats = [i for i, word in enumerate(words) if fold(word) in _THAT_FORMS]
        if thats:  # "غير أن المراقبين يؤكدون", "وقالت إن الأهالي يؤكدون": the subject after أن
            words = words[thats[-1] + 1 :]
        if words and fold(words[-1]) in ("اذ", "قد"):
            words = words[:-1]  # "إن الهيئة إذ توضح", "أن المسؤولين قد أكدوا"
        after_contrast = contrast is not None and 1 <= len(words) <= 3
        # a plural verb after its subject: "المراقبين يؤكدون" (a singular one may be the
        # object's: "بعد أيام من لقائه الوزير أكد")
        plural_subject = hit.cue.number == "pl" and 1 <= len(words) <= 4 and _plural_noun(words[0])
        if words and fold(words[0])[:3] in ("وال", "فال"):
            words[0] = words[0][1:]  # "والحكومة": the conjunction is not the speaker's
        # "والمدير بدوره أكد", "الوزير قال إن": a title with its ال before the verb
        definite = bool(words) and fold(words[0]).startswith("ال") and len(words) <= 3
        titled = (on_its_part or definite) and _is_title(" ".join(words))
        if 1 <= len(words) <= 4 and (
            _speaking_head(words[0]) or after_contrast or plural_subject or after_kana or titled
        ):
            # "لكن محققين ذكروا أن": a contrast's clause names its subject before the verb
            phrase, gender, number = " ".join(words), hit.cue.gender, hit.cue.number
            # "ولكن الشركة قالت", "لكن المعهد قال": the body named before ("شركة موتورولا")
            phrase_start = self.text.rfind(words[0], 0, hit.start)
            named = self._named_before(phrase, phrase_start)  # "لكن الصفراء شدد": عمر الصفراء
            if named is not None:
                return _Speaker(self._full_name(named), named, gender, number)
            holder = self.resolve_title(phrase, phrase_start) if titled else None
            if holder is not None:  # "الوزير أكد أن": the minister named before
                return _Speaker(self._full_name(holder), holder, gender, number)
            return self._earlier_body(phrase, phrase_start, gender, number) or _Speaker(
                phrase, None, gender, number
            )
        return None

    def _antecedent(self, hit: _CueHit) -> _Speaker | None:
        """Who an implicit subject is: the speaker of an earlier cue in the same sentence, else the
        first name the sentence opens with ("وكانت لوفتهانزا صرفت ... وقالت"), else the last speaker
        that agrees with the cue in gender and number, else the first person named before it (the
        report's main actor: "وطالب النجم السابق" after a second person was named means the first)."""
        sentence_start = max([0, *self._starts_before(hit.start)])
        # Scripture quoted ("قال الله تعالى") is God's word; who goes on speaking is the quoter.
        speakers = [(p, s) for p, s in self.speakers if not _is_god(s)]
        for position, speaker in reversed(speakers):
            if position >= sentence_start and _agrees(speaker, hit.cue):
                return _Speaker(speaker.text, speaker.mention, speaker.gender, speaker.number)
        main_subject = self._main_subject(sentence_start, hit) if hit.cue.participle else None
        if main_subject is not None:  # "ورحبت السعودية بالقرار، مؤكدة أنه": the welcoming one
            return _Speaker(self._full_name(main_subject), main_subject, hit.cue.gender, hit.cue.number)
        opener_end = min(hit.start, self._word_limit(sentence_start, 6, hit.start))
        opener = self._person_in(sentence_start, opener_end) or self._mention_starting(sentence_start)
        if opener is None or opener.start >= opener_end:
            opener = self._titled_opener(sentence_start, hit.start)
        if opener is not None and opener.start < self._about_end(sentence_start, hit):
            opener = None  # "وعن راموس قال", "وحول مستقبل مورينيو، أكد": whom it is about
        if opener is not None:
            return _Speaker(self._full_name(opener), opener, hit.cue.gender, hit.cue.number)
        group = self._group_subject(sentence_start, hit) if hit.cue.number != "sg" else None
        if group is not None:  # "اشتكى عدد من المستهلكين ...، موضحين أن": the sentence's group
            return group
        agreeing = [(position, speaker) for position, speaker in speakers if _agrees(speaker, hit.cue)]
        actor = self._previous_actor(sentence_start, hit)
        if actor is not None and (not agreeing or agreeing[-1][0] < actor.start):
            # "وبدأت مصر حفر القناة العام الماضي. وتقول إن": the last sentence's actor goes on
            return _Speaker(self._full_name(actor), actor, hit.cue.gender, hit.cue.number)
        if agreeing:
            speaker = agreeing[-1][1]
            return _Speaker(speaker.text, speaker.mention, speaker.gender, speaker.number)
        if speakers:
            last = speakers[-1][1]
            # a person named is one, of the gender his verb gave: "غير أن المراقبين يؤكدون" after
            # the minister spoke is not him (a body's or a group's verb may be singular: "قال
            # أصحاب المناشدة ... وأكدوا")
            person = last.mention is not None and last.mention.type == "PER"
            return None if person and not _agrees(replace(last, number="sg"), hit.cue) else last
        if hit.cue.number != "sg":
            return None  # no one person named before (a byline's name) speaks for a plural
        # "حاول نتنياهو حشد تأييد ... ضد الاتفاق الذي يدعمه أوباما، قائلا": the main subject
        first = self._person_in(sentence_start, hit.start) if hit.cue.participle else None
        addressed = first is not None and _TO_SOMEONE_RE.search(
            self.key, max(sentence_start, first.start - 40), first.start
        )
        if addressed:
            return None  # "وقدم الحجري تعازيه لخادم الحرمين الملك سلمان، موضحا": the one addressed
        mention = first or self._first_mention_before(hit.start, ("PER",))
        if mention is None:
            return None
        return _Speaker(self._full_name(mention), mention, hit.cue.gender, hit.cue.number)

    def _previous_actor(self, sentence_start: int, hit: _CueHit) -> Mention | None:
        """The named subject of the sentence before, when the cue opens its own sentence with no
        subject of its own and that sentence opens with a verb that agrees with it."""
        if self.key[sentence_start : hit.start].strip(" \t\u00a0وف") or sentence_start == 0:
            return None
        previous_start = max([0, *self._starts_before(sentence_start - 1)])
        if any(previous_start <= position < sentence_start for position, _ in self.speakers):
            return None  # someone spoke in it: who goes on is decided by the speakers
        actor = self._main_subject(previous_start, hit)
        if actor is None or self._person_in(actor.end + 1, sentence_start) is not None:
            return None  # "لكن زعيم الحزب كمال كيليجدار أوغلو عبر عن تشككه. وقال": another acts last
        return actor

    def _main_subject(self, sentence_start: int, hit: _CueHit) -> Mention | None:
        """The name right after the verb that opens the sentence ("وأيدت اليابان الولايات المتحدة
        قائلة"), of a body, a country or a person, agreeing with a participle of its clause."""
        verb = _WORD_RE.search(self.key, sentence_start, hit.start)
        if verb is not None and fold(verb.group()) in ("كما", "وكما"):  # "كما أدانت الرابطة"
            verb = _WORD_RE.search(self.key, verb.end(), hit.start)
        if verb is None:
            return None
        conjoined = verb.group().startswith(("و", "ف"))
        # (with no و before it, only a feminine verb is told from a noun: "أدانت منظمة ...")
        word = fold(verb.group()[1:] if conjoined else verb.group())
        if word.startswith("ال") or not (conjoined or word.endswith("ت")):
            return None
        if word in _PARTICLES_AFTER_WA or len(word) < 3 or hit.cue.number == "du":
            return None
        subject = self._mention_starting(verb.end() + 1) or self._titled_subject(verb.end(), hit.start)
        if subject is None or subject.start >= hit.start or subject.type not in ("PER", "ORG", "LOC"):
            return None
        if hit.cue.number == "pl":
            # "أدانت الرابطة وعلماء الأزهر التفجير، مؤكدين": a verb before its subjects agrees with
            # the first; a plural participle after them with all, the first named
            return subject if _AND_NEXT_RE.match(self.key, subject.end) else None
        feminine_verb = word.endswith("ت") and len(word) > 3  # رحبت, أيدت (not سكت)
        return subject if feminine_verb == (hit.cue.gender == "f") else None

    def _titled_subject(self, verb_end: int, limit: int) -> Mention | None:
        """The person named after a title that follows the verb ("وتقدم الرئيس عبدربه منصور هادي
        برسالة ... داعيا")."""
        title = _WORD_RE.search(self.text, verb_end, limit)
        if title is None or _title_word(fold(title.group())) not in TITLE_HEADS:
            return None
        person = self._person_in(title.start(), self._title_reach(title.start(), limit))
        between = fold(self.text[title.end() : person.start]).split() if person is not None else []
        # the title's own words (لمجلس, في الأرض المقدسة), not past "with" or "to" another titled
        # one ("مع طلب وزير الإسكان ماجد الحقيل", "التعازي لخادم الحرمين الملك سلمان")
        to_another = any(
            word in ("مع", "الي") or (word.startswith("ل") and _title_word(word[1:]) in TITLE_HEADS)
            for word in between
        )
        return None if to_another else person

    def _group_subject(self, sentence_start: int, hit: _CueHit) -> _Speaker | None:
        """A plural cue's group, the subject after the sentence's first word, its verb ("اشتكى عدد
        من المستهلكين", "وطالب الأهالي"), if it names some or many; no one person of the sentences
        before (a byline's name) speaks for a plural."""
        verb = _WORD_RE.search(self.text, sentence_start, hit.start)
        if verb is None:
            return None
        that = _COMPLEMENTIZER_RE.search(self.key, verb.end(), hit.start)  # "وأكد آخرون أن ..."
        subject = self._subject(verb.end(), that.start() if that else hit.start, hit)
        if subject is None or subject.mention is not None or not subject.text:
            return None
        words = subject.text.split()
        first = fold(words[0])
        if first in _QUANTIFIERS:  # "عدد من الخبراء الأمنيين" (its object after: "الحادث")
            return replace(subject, text=" ".join(words[:4])) if len(words) > 2 else None
        plural = first.endswith(("ون", "ين", "اء")) or first[2:] in _SOURCE_HEADS
        return subject if plural and first not in _COUNT_WORDS else None  # (not "مليون")

    def _titled_opener(self, sentence_start: int, end: int) -> Mention | None:
        """A person named after a long title at the sentence's opening, within ten words ("ورحب
        الأمين العام للأمم المتحدة بان كي مون ... وحث"), with no relative or preposition of an
        object before them ("بالاجتماع الذي جمع بين الرئيس السيسي", "هاجموا منزل الرئيس هادي")."""
        person = self._person_in(sentence_start, min(end, self._word_limit(sentence_start, 10, end)))
        if person is None:
            return None
        words = fold(self.text[sentence_start : person.start]).split()
        if any(w in _OPENER_BREAKS or w.startswith("لخادم") for w in words):
            return None  # "ورفع التعازي لخادم الحرمين الشريفين الملك سلمان": the one addressed
        return person

    def _told_by(self, hit: _CueHit, zone_end: int) -> tuple[_Speaker | None, str | None]:
        """(speaker, via) of "نقلت صحيفة «الوطن» عن مسؤول في الوزارة أن": the source after عن
        speaks, through the one who reports it; "ونقل عنه": the person named before."""
        source = _QUOTED_FROM_RE.match(self.key, hit.end)
        if source is None:
            return self._speaker(hit, zone_end), None
        pronoun = source.group().split()[-1]
        teller = self._speaker(hit, source.end() - len(pronoun))
        if pronoun != "عن":
            # "ونقلت عنه «نيويورك تايمز»:": the one عنه stands for (its gender, not the verb's,
            # which is the teller's), through the teller named after it
            if not self.text[hit.end : source.end() - len(pronoun)].strip():
                after = _skip_space(self.text, source.end())
                teller = self._subject(after, zone_end, hit) if after < zone_end else None
            gender, number = _PRONOUN_AGREEMENT.get(pronoun, (None, "sg"))
            return self._antecedent(replace(hit, cue=replace(hit.cue, gender=gender, number=number))), (
                self._via_text(teller)
            )
        start = _skip_space(self.text, source.end())
        speaker = self._subject(start, zone_end, hit) if start < zone_end else None
        return speaker, self._via_text(teller)

    def _reported_source(self, hit: _CueHit) -> _Speaker | None:
        """ "نقلت الوكالة عن الوزير قوله": the speaker is what follows عن/من before قوله."""
        clause_start = max(self.text.rfind(c, 0, hit.start) for c in ".،\n")
        zone = self.key[clause_start + 1 : hit.start]
        for preposition in _SOURCE_PREPOSITIONS:
            at = zone.rfind(f" {preposition} ")
            if at >= 0:
                start = clause_start + 1 + at + len(preposition) + 2
                return self._subject(start, hit.start, hit) or _Speaker(
                    self.text[start : hit.start].strip(), None, None, "sg"
                )
        return self._antecedent(hit)

    def resolve_title(self, phrase: str, position: int) -> Mention | None:
        """The person a title phrase stands for: from the linking stage when it knows (the
        article's roles, the knowledge base's dated holders), else from the article's own text."""
        if self.linked_title is not None:
            person = self.linked_title(phrase, position)
            if person is not None:
                return person
        linked = self._first_mention(position, position + len(phrase), ("PER",))
        if linked is not None and linked.entity:  # the linker tied this title to a person
            for mention in self.mentions:
                if mention.entity == linked.entity and not _is_title(mention.text):
                    return mention
        return self._title_in_article(phrase, position)

    def _title_in_article(self, phrase: str, position: int) -> Mention | None:
        """The person this title phrase stands for: the last one named earlier with the same title
        words around their name ("وزير الخارجية الإيراني محمد جواد ظريف" ... "وقال الوزير")."""
        words = [_title_word(w) for w in fold(phrase).split()]
        words = [w for w in words if len(w) > 2]
        if not words:
            return None
        best, best_score = None, 0
        for mention in self.mentions:
            if mention.start >= position:
                break
            if mention.type != "PER" or _is_title(mention.text):
                continue
            context = self._title_context(mention, position)
            if len(words) > 1 and not context & set(words[1:]) and words[0] in _GENERIC_HEADS:
                continue  # "رئيس الاستخبارات" is not "الرئيس الحالي للمشروعات"
            if words[0] not in context or _other_qualifier(
                phrase, self.text[max(0, mention.start - 30) : mention.start]
            ):
                continue  # (not "المندوب الصيني" for "المندوب الروسي فيتالي تشوركين")
            # a title right before or after the name is its own (الملك سلمان, منصور التركي المتحدث
            # الأمني); one further away may be another's (الملك سلمان ... لفخامة السيدة سيمونيتا)
            stop = min(mention.end + 40, position, self._sentence_end(mention.end))
            after = fold(self.text[mention.end : stop]).split()
            before = fold(self.text[max(0, mention.start - 40) : mention.start]).split()[-4:]
            own = {_title_word(w) for w in (*after, *before)}
            # the words right around the name weigh most: "صالح لنجف رئيس تحالف قبائل مأرب، أن
            # … الرئيس السابق علي عبدالله صالح" (the second name's wider context holds them too)
            score = len(set(words) & context) * 2 + len(set(words) & own) * 3 + (words[0] in own)
            # the title right before the name is its holder's (الملك سلمان ... نظام بشار الأسد)
            score += 3 * (bool(before) and _title_word(before[-1]) == words[0])
            if score >= best_score:
                best, best_score = mention, score
        return best

    def _title_context(self, mention: Mention, limit: int) -> set[str]:
        """The words around a name, where its title stands, before `limit` (the phrase being
        resolved is no title of the name just before it) and not past its sentence (the next
        sentence's subject is another's: "…المقدم مبارك الخييلي. واطلع الأمين العام"); computed
        once per name and limit."""
        end = min(mention.end + 40, limit, self._sentence_end(mention.end))
        context = self.title_contexts.get((mention.start, end))
        if context is None:
            # a chain of titles before a name is all its holder's ("وكيل إمارة منطقة الباحة نائب
            # رئيس مجلس التنمية السياحية بالمنطقة الدكتور حامد الشمري"), up to another person
            other = self._last_mention_before(mention.start, ("PER",))
            chain = max(mention.start - 120, self._sentence_start(mention.start), other.end if other else 0)
            before = fold(self.text[max(0, min(chain, mention.start - 60)) : mention.start])
            # not a speaker's title before what he said: "أعلن مسؤول أميركي أن الرئيس باراك أوباما"
            cut = max((that.end() for that in _THAT_WORD_RE.finditer(before)), default=0)
            window = before[cut:] + fold(self.text[mention.start : end])
            context = self.title_contexts[mention.start, end] = {_title_word(w) for w in window.split()}
        return context

    def _full_name(self, mention: Mention) -> str:
        """A one-word name as the article gave it in full, nearest first (التركي → منصور التركي).
        Longer names stay: "حسن الحربي" is not "محمد حسن الحربي"."""
        if len(mention.text.split()) > 1:
            return mention.text
        candidates = self.full_names.get(mention.type, [])
        at = bisect.bisect_left(candidates, mention.start, key=lambda m: m.start)
        nearest = (candidates[i] for i in chain(range(at - 1, -1, -1), range(at, len(candidates))))
        return next((m for m in nearest if _contains_name(m.text, mention.text)), mention).text

    def _caller(self, hit: _CueHit) -> Mention | None:
        """Who speaks "in it" ("أعرب فيه", "عبر فيها") when the sentence told of a call, cable or
        letter from someone: the one it came from, not its receiver."""
        if not _IN_IT_RE.match(self.key, hit.end):
            return None
        sentence_start = max([0, *self._starts_before(hit.start)])
        calls = list(_CALL_FROM_RE.finditer(self.key, sentence_start, hit.start))
        return self._person_in(calls[-1].end(), hit.start) if calls else None

    def _fronted_source(self, hit: _CueHit) -> str | None:
        """The outlet a clause opens with before its verb ("وحسب وكالة الأنباء الألمانية، قال"),
        through which the statement came."""
        opening = _FRONTED_SOURCE_RE.match(self.key, max([0, *self._starts_before(hit.start)]), hit.start)
        if opening is None or opening.end() != hit.start:
            return None
        outlet = self._first_mention(opening.start("source"), opening.end("source"), ("ORG",))
        if outlet is not None:
            return self._via_text(_Speaker(outlet.text, outlet, None, "sg"))
        return self.text[opening.start("source") : opening.end("source")].strip(' "«»“”')

    def _via_text(self, speaker: _Speaker | None) -> str | None:
        if speaker is None:
            return None
        if speaker.mention is not None and speaker.mention.entity:
            return speaker.mention.entity
        return speaker.text

    # -- other patterns -------------------------------------------------------------------------

    def _backward_attributions(self, found: list[_Found]) -> list[_Found]:
        """ "…، بحسب ما أعلنت الوزارة": the clause before is the statement; when it is already a
        quote, the attribution is its `via` ("بحسب ما نقلت عنه وكالة الصحافة الفرنسية")."""
        added = []
        cue_at = {hit.start: hit for hit in self.cues}
        for cue_start, attribution in self.backward.items():
            hit = cue_at.get(cue_start)
            if hit is None or self._said_after(cue_start):
                continue  # ("وبحسب ما أفادت الوزارة فإن …": said after, `_statement_before`)
            sentence_start = self._sentence_start(attribution)
            speaker = self._backward_speaker(hit)
            earlier = [q for q in found if sentence_start <= q.start < attribution]
            if earlier:
                earlier[-1].via = earlier[-1].via or self._via_text(speaker)
                continue
            start, end = _trim(self.text, sentence_start, attribution)
            if end - start > _MIN_STATEMENT_CHARS:
                added.append(_Found(start, end, False, self._cue_text(hit), speaker, None, hit.start))
        return added

    def _according_to(self, found: list[_Found]) -> list[_Found]:
        """What a clause says "according to" a speaker or a statement, without a verb of saying:
        "وبحسب الوكالة فإن فرق الإنقاذ تواجه …" (the clause after), "…، حسب إعلان وزارة العدل"
        (the clause before); not "وفقا للنظام", "حسب الأولوية" (no one says it)."""
        added = []
        for match in _ACCORDING_RE.finditer(self.key):
            sentence_start, sentence_end = (
                self._sentence_start(match.start()),
                self._sentence_end(match.end()),
            )
            source_end = _ACCORDING_END_RE.search(self.key, match.end(), sentence_end)
            while source_end is not None and _RELATIVE_NEXT_RE.match(self.key, source_end.end()):
                # "ووفقاً للنتائج المالية، التي تم إعلانها مؤخراً …، حققت": the source goes on
                source_end = _ACCORDING_END_RE.search(self.key, source_end.end(), sentence_end)
            stop = source_end.start() if source_end else sentence_end
            speaker = self._according_speaker(match.end(), stop)
            if speaker is None or len(self.text[match.end() : stop].split()) > _MAX_SOURCE_WORDS:
                continue
            opening = self.text[sentence_start : match.start()].strip(" \t\u00a0و")
            # "…، بحسب بيان الهيئة", "…، وذلك بحسب موقع «دمون نيوز»": the clause before
            before = self.text[: match.start()].rstrip().removesuffix("وذلك").rstrip()
            if not opening and source_end is not None:  # "وبحسب الوكالة فإن …": what follows
                start, end = _trim(self.text, source_end.end(), sentence_end)
            elif (
                opening
                and source_end is None
                and (before.endswith(("،", ",")) or self._names_at(match.end()))
            ):
                # (no comma: "… من حركة الملاحة العالمية بحسب مجلس الملاحة العالمي.", a named source)
                start, end = _trim(self.text, sentence_start, len(before))
            else:
                continue
            if end - start <= _MIN_STATEMENT_CHARS or any(q.start < end and start < q.end for q in found):
                continue
            cue = self.text[match.start() : match.end()].strip()
            added.append(_Found(start, end, False, cue, speaker, None, match.start()))
        return added

    def _names_at(self, position: int) -> bool:
        """Whether a body or a person is named right at `position`, clitics aside."""
        mention = self._mention_starting(_skip_space(self.text, position))
        return mention is not None and mention.type in ("ORG", "PER")

    def _according_speaker(self, start: int, end: int) -> _Speaker | None:
        """Who a phrase after بحسب names: a person or body named in it, or a statement or source
        it opens with (تقرير, بيان, مصادر, الوكالة); None for anything else (النظام, الأولوية)."""
        spans = [m.span() for m in _WORD_RE.finditer(self.text, start, end)]
        if spans and fold(self.text[spans[0][0] : spans[0][1]]) == "ما":
            spans = spans[2:]  # "وفقاً لما أوردته وكالة …": the verb's subject
        if not spans:
            return None
        start = spans[0][0]
        told = _TOLD_AFTER_RE.search(self.text, start, end)  # "شهود عيان لـ«الشرق الأوسط»"
        end = told.start() if told is not None else end
        named = self._mention_starting(start)
        person = self._person_in(start, end)
        first = fold(self.text[start : spans[0][1]])
        # "للبيان", "للعتيبي": ل before ال takes its alif
        with_al = self.text[start - 1 : start + 1] == "لل" and len(first) > 3
        bare = _title_word("ال" + first[1:] if with_al else first)
        titled = _is_title(self.text[start : spans[0][1]])  # "وفقا لوزير الصحة توفيق الربيعة"
        known = bare in _STATEMENT_SOURCES or re.fullmatch(_OUTLET_KIND, bare)
        if named is None and not known and not (titled and person is not None):
            return None
        body = None if bare in _PEOPLE_SOURCES else self._first_mention(start, end, ("ORG",))
        mention = named or person or body  # ("مصادر تحدثت …", "شهود عيان": unnamed)
        if mention is not None and not _UNNAMED_SPOKESMAN_RE.match(fold(self.text[start:end])):
            return _Speaker(self._full_name(mention), mention, None, "sg")
        phrase = self.text[start:end].strip(" ،,")
        return _Speaker("ال" + phrase[1:] if with_al else phrase, None, None, "sg")

    def _sentence_start(self, position: int) -> int:
        return max(0, self.text.rfind("\n", 0, position) + 1, *self._starts_before(position))

    def _statement_before(self, cue_start: int) -> bool:
        """Whether an after-the-fact attribution follows a clause of its sentence (not "وتعاني
        المنطقة من الجفاف وبحسب ما أفادت الوزارة فإن الأمطار ستهطل": what فإن opens is said)."""
        if self._said_after(cue_start):
            return False
        attribution = self.backward[cue_start]
        start, end = _trim(self.text, self._sentence_start(attribution), attribution)
        return end - start > _MIN_STATEMENT_CHARS

    def _said_after(self, cue_start: int) -> bool:
        """Whether an attribution's subject is followed by فإن/فقد, which opens what was said (not
        the فان of "لويس فان غال")."""
        then = _THEN_SAID_RE.match(self.key, cue_start, self._sentence_end(cue_start))
        return then is not None and not self._in_name(then.end() - 3)

    def _backward_speaker(self, hit: _CueHit) -> _Speaker | None:
        """Who an after-the-fact attribution names ("بحسب ما أعلنت الوزارة"), found once."""
        if hit.start not in self.backward_speakers:
            zone_start = self._zone_start(hit)
            self.backward_speakers[hit.start] = self._subject(zone_start, self._sentence_end(hit.end), hit)
        return self.backward_speakers[hit.start]

    def _starts_before(self, position: int) -> list[int]:
        at = bisect.bisect_left(self.sentence_ends, position)
        return [self.sentence_ends[at - 1] + 1] if at else []

    def _works_before(self, position: int) -> bool:
        """Whether one's works are named in the three words before `position` ("كتبه هذه الخلطة:")."""
        return not _WORKS.isdisjoint(fold(self.text[max(0, position - 40) : position]).split()[-3:])

    def _colon_marks(self, found: list[_Found]) -> list[_Found]:
        """Quotation marks right after a colon that no cue claimed ("لإذاعة X: «…»")."""
        added = []
        for start, _ in self.marks:
            before = self.text[max(0, start - 3) : start].rstrip()
            if not before.endswith(":") or any(q.start - 1 <= start < q.end for q in found):
                continue
            colon = self.text.rfind(":", 0, start)
            named = fold(self.text[max(0, colon - 30) : colon]).split()
            if (named and named[-1] in _TITLE_NOUNS) or self._works_before(colon):
                continue
            if _ASKED_RE.search(fold(self.text[max([0, *self._starts_before(colon)]) : colon])):
                continue  # "وسئل هورموزلو: «هل تخلينا …؟»": the question is the interviewer's
            body_start, body_end = self._mark_at(start + 1)
            if len(self.text[body_start:body_end].split()) < 3 or _ABOUT_AFTER_RE.match(
                self.text, body_end + 1
            ):
                continue  # a quoted word; a work's title and what it is about (مقاله: «…»، عن)
            speaker = self._colon_speaker(start)
            added.append(_Found(body_start, body_end, True, None, speaker, None, start))
        return added

    def _headline_quotes(self, found: list[_Found]) -> list[_Found]:
        """A line that opens with a person's name (and the outlet told), a colon, then what was
        said, unmarked: a subhead ("الجبير: المملكة مستمرة في دعم اليمن", "الصباغ لـ«الرياض»: …")."""
        added = []
        for line in _HEADLINE_RE.finditer(self.text):
            person = self._mention_starting(line.start("name"))
            if person is None or person.type != "PER" or person.end != line.end("name"):
                continue
            start, end = _trim(self.text, line.start("said"), line.end("said"))
            if len(self.text[start:end].split()) < 3 or any(q.start < end and start < q.end for q in found):
                continue
            speaker = _Speaker(self._full_name(person), person, None, "sg")
            added.append(_Found(start, end, True, None, speaker, None, line.start()))
        return added

    def _colon_speaker(self, position: int) -> _Speaker | None:
        sentence_start = max([0, *self._starts_before(position)])
        mention = self._first_mention(sentence_start, position, ("PER",))
        if mention is not None:
            return _Speaker(self._full_name(mention), mention, None, "sg")
        return self.speakers[-1][1] if self.speakers else None

    # -- helpers --------------------------------------------------------------------------------

    def _first_mention(self, start: int, end: int, types: tuple[str, ...]) -> Mention | None:
        at = bisect.bisect_left(self.mention_starts, start)
        for mention in self._mentions_from(at):
            if mention.start >= end:
                return None
            if mention.type in types and mention.end <= end:
                return mention
        return None

    def _name_at(self, position: int) -> bool:
        """Whether a mention starts exactly at `position` (its first letter its own, not a clitic)."""
        mention = self._mention_starting(position)
        return mention is not None and mention.start == position

    def _family_of_another(self, word: str) -> bool:
        """Whether a person of the article has `word` for the last word of a longer name."""
        return any(
            m.type == "PER" and m.text.endswith(" " + word) and not m.text.startswith("ابن ")
            for m in self.mentions
        )

    def _in_name(self, position: int) -> bool:
        at = bisect.bisect_right(self.mention_starts, position)
        return at > 0 and self.mentions[at - 1].end > position

    def _mention_starting(self, position: int) -> Mention | None:
        at = bisect.bisect_left(self.mention_starts, position)
        if at < len(self.mentions) and self.mentions[at].start - position <= 2:
            return self.mentions[at]
        return None

    def _first_mention_before(self, position: int, types: tuple[str, ...]) -> Mention | None:
        at = bisect.bisect_left(self.mention_starts, position)
        return next((m for m in islice(self.mentions, at) if m.type in types), None)

    def _last_mention_before(self, position: int, types: tuple[str, ...]) -> Mention | None:
        at = bisect.bisect_left(self.mention_starts, position)
        for mention in self._mentions_back(at):
            if mention.type in types:
                return mention
        return None

    def _cue_text(self, hit: _CueHit) -> str:
        return self.text[hit.word_start : hit.end]

    def _to_quote(self, found: _Found) -> Quote:
        speaker = found.speaker
        about = tuple(
            dict.fromkeys(
                m.entity for m in self.mentions if m.entity and found.start <= m.start and m.end <= found.end
            )
        )
        # A quote mark followed or preceded by a space (:" الوقت ليس بصالحك ") leaves it in.
        raw = self.text[found.start : found.end]
        start = found.start + len(raw) - len(raw.lstrip())
        end = max(start, found.end - len(raw) + len(raw.rstrip()))
        speaker_id = speaker.mention.entity if speaker and speaker.mention else None
        # "الوزير قال" nested in his own statement relays nothing
        via = (
            None
            if found.via is not None and found.via in (speaker_id, speaker and speaker.text)
            else found.via
        )
        return Quote(
            start=start,
            end=end,
            text=self.text[start:end],
            speaker=speaker_id,
            speaker_text=speaker.text if speaker else None,
            cue=found.cue,
            direct=found.direct,
            via=via,
            about=about,
        )


def quotation_marks(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost quotation marks, closing mark included: an inner quotation
    («… «داعش» …») stays inside its outer one. Where a line leaves a mark open, an unclosed
    quote is likelier than nesting: from there marks do not nest (_flat_marks)."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        found, unclosed = _nested_marks(line.group())
        if unclosed is not None:
            found += _flat_marks(line.group(), unclosed)
        spans += [(line.start() + start, line.start() + end) for start, end in found]
    return spans


def _nested_marks(line: str) -> tuple[list[tuple[int, int]], int | None]:
    """The outermost marks of one line, and where a mark left open starts."""
    spans: list[tuple[int, int]] = []
    opened: list[str] = []
    start = 0
    for index, char in enumerate(line):
        if char == '"' and opened[-1:] == ['"'] and not _opens_ascii(line, index):
            if _close(opened, '"'):
                spans.append((start, index + 1))
        elif char in _OPEN_CLOSE and not _stray_ascii(line, index):
            if not opened:
                start = index
            opened.append(char)
        elif char in _CLOSES and _close(opened, _CLOSES[char]):
            spans.append((start, index + 1))
    return spans, start if opened else None


def _flat_marks(line: str, position: int) -> list[tuple[int, int]]:
    """Marks from `position` on, none inside another: a mark ends at its closing mark, or
    left open, where a straight quote opens the next one."""
    spans: list[tuple[int, int]] = []
    start, opener = -1, ""
    for index in range(position, len(line)):
        char = line[index]
        if not opener:
            if char in _OPEN_CLOSE and not _stray_ascii(line, index):
                start, opener = index, char
        elif opener == '"' == char and _opens_ascii(line, index):
            spans.append((start, index))
            start = index
        elif char in _OPEN_CLOSE[opener]:
            spans.append((start, index + 1))
            opener = ""
    if opener:
        spans.append((start, len(line)))
    return spans


def _stray_ascii(line: str, index: int) -> bool:
    """A straight quote written as a closing one (after a word, before a space or a stop) that
    nothing opened, in a line of an odd number of them: "…الإسلامية". وقدم الشكر" opens no
    quotation to the end of the line (but "في بيان اليوم" إن …" ." pairs, its marks misplaced)."""
    before = line[index - 1] if index else " "
    after = line[index + 1] if index + 1 < len(line) else " "
    return (
        line[index] == '"'
        and not (before.isspace() or before in ":(،,[«“")
        and (after.isspace() or after in ".،,؛!?؟)")
        and line.count('"') % 2 == 1
    )


def _opens_ascii(text: str, index: int) -> bool:
    """A straight quote opens after a space or punctuation and before a word ( "داعش" )."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in ":(،,[") and not after.isspace()


def _close(opened: list[str], opener: str) -> bool:
    """Pops up to the matching opener; True when that closed the outermost mark."""
    if opener not in opened:
        return False
    del opened[len(opened) - 1 - opened[::-1].index(opener) :]
    return not opened


def _agrees(speaker: _Speaker, cue: Cue) -> bool:
    gender_ok = speaker.gender is None or cue.gender is None or speaker.gender == cue.gender
    # Verb-first sentences use a singular verb for a plural subject ("قال المسؤولون"), so a
    # singular cue agrees with any number; a plural or dual one needs the same.
    number_ok = cue.number == "sg" or speaker.number == cue.number
    return gender_ok and number_ok


def _abbreviation(text: str, at: int) -> bool:
    """Whether the period at `at` ends a one-letter abbreviation ("د. توكل", "أ.د."), not a sentence
    (nor a word whose harakat stand before its last letter: "قريبًا.")."""
    if text[at] != "." or at < 1 or not text[at - 1].isalpha():
        return False
    before = text[max(0, at - 6) : at - 1].rstrip(_HARAKAT)
    return not before or not before[-1].isalpha()


def _drop_overlaps(found: list[_Found]) -> list[_Found]:
    """Keep the first of overlapping quotes: a mark inside a reported statement belongs to it."""
    kept: list[_Found] = []
    for quote in found:
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return kept


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t،,:":
        start += 1
    while end > start and text[end - 1] in " \t،,:;.\n":
        end -= 1
    closing = _PAIRED_MARKS.get(text[start : start + 1])
    if closing is not None:
        # marks around it all go ("«…»"); marks closing inside stay whole ("«الرد بقوة» على")
        inner = text.find(closing, start + 1, end)
        if inner == end - 1:
            start, end = start + 1, end - 1
        elif inner < 0:
            start += 1
    if end - start > 2 and text[end - 1] in "«“" and text[end - 2] in " .":
        end -= 1  # 'إن “القباع كان يريد الاستشهاد. “': an opening mark written to close
        while end > start and text[end - 1] in " \t،,:;.":
            end -= 1
    last = text[end - 1 : end]
    if last and last in _OPENERS_OF and _unpaired_closing(text[start:end], _OPENERS_OF[last]):
        end -= 1  # "…الاستقلالية المالية" لافتاً": a mark that closes nothing in it
        while end > start and text[end - 1] in " \t،,:;.":
            end -= 1
    while (
        end - start > 2 and (text[start], text[end - 1]) in _BRACKETS and _balanced(text[start + 1 : end - 1])
    ):
        start, end = start + 1, end - 1  # "قال: (نحن مستمرون)", "قال تعالى: ((…))"
    return start, end


_PAIRED_MARKS = {"«": "»", "“": "”", '"': '"'}
_OPENERS_OF = {closing: opening for opening, closing in _PAIRED_MARKS.items()}


def _unpaired_closing(span: str, opening: str) -> bool:
    """Whether the closing mark that ends `span` closes no mark opened in it."""
    if opening == '"':
        return span.count('"') % 2 == 1
    return opening not in span


_BRACKETS = frozenset({("(", ")"), ("﴿", "﴾"), ("{", "}")})


def _bracket_end(text: str, start: int, end: int) -> int | None:
    """Where the bracket opening at `start` closes, a clause ending with it, before `end` ("(إن
    الله مع الصابرين)، وقد حث"), past its closing bracket; None when none opens there, it stays
    open or the words go on after it ("(نحن مستمرون) في العمل")."""
    closing = _CLOSING_BRACKETS.get(text[start : start + 1])
    if closing is None:
        return None
    depth = 0
    for index in range(start, end):
        depth += text[index] == text[start]
        depth -= text[index] == closing
        if depth == 0:
            after = text[index + 1 : end].lstrip(" ")
            return index + 1 if not after or after[0] in "،,.؛;\n" else None
    return None


_CLOSING_BRACKETS = {"(": ")", "﴿": "﴾", "{": "}"}


def _balanced(text: str) -> bool:
    """Whether no bracket in `text` closes one it did not open."""
    depth = 0
    for char in text:
        depth += char in "(﴿{"
        depth -= char in ")﴾}"
        if depth < 0:
            return False
    return depth == 0


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position


def _previous_word(key: str, position: int) -> str:
    words = key[max(0, position - 30) : position].split()
    return re.sub(f"[{MARKS}]", "", words[-1]) if words else ""


_PARENT_OR_GOVERNOR = re.compile(r"والد(?:ت)?(?:ه|ها|هم|ي|ين|يه|اه)?|والي(?:ه|ها)?")


def _present(hit: _CueHit) -> bool:
    """Whether the cue is a present form (يرى, تقول, يؤكدون), not a past one (أعلنت: علن)."""
    verb, form = VERBS.get(hit.cue.lemma), fold(hit.form)
    return (
        verb is not None
        and verb.present is not None
        and form[0] in "يت"
        and form[1:].startswith(verb.present)
    )


def _circumstance(word: str, named: bool) -> bool:
    """Whether a word right after the verb opens a circumstance with و ("وتضيف والدموع في
    عينيها"): a subject never begins with it (but والي, والد, والدة, والده are nouns)."""
    return not named and word.startswith("وال") and len(word) > 5 and not _PARENT_OR_GOVERNOR.fullmatch(word)


def _title_word(word: str) -> str:
    word = word.strip('،,.:"«»“”()')
    for prefix in ("وال", "بال", "لل", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    return word


def _contains_name(longer: str, shorter: str) -> bool:
    return f" {fold(shorter)} " in f" {fold(longer)} "


def _is_title(name: str) -> bool:
    """A "name" that is a title ("وزير الخارجية الإيراني"): taggers often take one for a person."""
    words = fold(name).split()
    if not words:
        return False
    head = _title_word(words[0])
    # "مسؤول كبير في إدارة الرئيس أوباما": an official without ال is an unnamed source
    return head in TITLE_HEADS and not (head == words[0] and head in _UNNAMED_HEADS)


_UNNAMED_HEADS = frozenset({"مسوول", "مسووله", "مسيول", "مسيوله"})


# Verbal nouns (masdars) of the derived forms, folded: تعثر, تراجع, تعزيز, استمرار, انطلاق, اعتماد,
# اطلاق; a bare one right after the verb is its object ("وأكد تعثر مشروعين"), not its subject.
_VERBAL_NOUN_RE = re.compile(
    r"ت[^\Wا]{3}|ت[^\Wا]ا[^\Wا]{2}|ت[^\Wا]{2}ي[^\Wا]|است[^\Wا]{2}ا[^\Wا]|ا[^\Wا]ت[^\Wا]ا[^\Wا]|ا[^\Wا]{2}ا[^\Wا]"
)
# ... except those that name bodies ("أعلن تحالف دعم الشرعية", "أكد تنظيم داعش") or sources.
_BODY_NOUNS = frozenset(
    fold(w) for w in ("تحالف", "تنظيم", "اتحاد", "ائتلاف", "تجمع", "تيار", "تكتل", "انتلاف", "تلفزيون")
)
_SUBJECT_NOUNS = _BODY_NOUNS | _SOURCE_HEADS | _PEOPLE_NOUNS


def _is_verbal_noun(word: str) -> bool:
    """(إفعال and افتعال start with إ or a bare ا; plurals of أفعال, أستاذ, with أ: أفراد, أطباء)"""
    bare = re.sub(f"[{MARKS}]", "", word).strip('،,"«»“”')
    key = fold(bare)
    if bare.startswith("أ") or key in _SUBJECT_NOUNS:
        return False
    return bool(_VERBAL_NOUN_RE.fullmatch(key)) and _title_word(key) not in TITLE_HEADS


def _stance_with_pronoun(word: str) -> bool:
    """A folded stance noun with its pronoun ("حرصه", "استعدادها", "رفضهم")."""
    stem = re.sub("(?:هما|هم|ها|ه)$", "", word)
    return stem != word and stem in _STANCE_NOUNS


def _without_al(word: str) -> str:
    """A word without its ال ("كما أكد الالتزام": the commitment is what he stressed)."""
    return word[2:] if fold(word).startswith("ال") and len(word) > 4 else ""


def _has_pronoun(word: str) -> bool:
    """A noun as written carrying a possessive pronoun (دعمه, تأييدها; not قناة, whose ة folds to
    ه), which is no honorific (سموه) nor a person (عائلته, محاميه, ابنه, رئيسها)."""
    word = re.sub(f"[{MARKS}]", "", word)
    suffix = next((s for s in ("هما", "هم", "ها", "ه") if word.endswith(s)), None)
    if suffix is None or len(word) < 4 or fold(word) in _HONORIFIC_PRONOUNS:
        return False
    stem = fold(word[: -len(suffix)])
    stem = stem[:-1] + "ه" if stem.endswith("ت") else stem  # عائلت(ه) is عائلة
    return stem not in _PEOPLE_NOUNS and _title_word(stem) not in TITLE_HEADS


def _unnamed_subject(speaker: _Speaker, cue: Cue) -> bool:
    """Whether a definite phrase after a verb that puts its object first may be its subject: one
    who speaks, not accusative (المواطنين), nor feminine after a masculine verb (دعا الحكومة)."""
    first = fold((speaker.text or "").split()[0]) if speaker.text else ""
    feminine = first.endswith(("ه", "ات"))
    if not first or first.endswith("ين") or (feminine and cue.gender == "m") or _is_god(speaker):
        return False
    return _someone(speaker)


def _feminine_subject(speaker: _Speaker, cue: Cue) -> bool:
    """Whether a phrase after a feminine verb opens with a definite feminine noun that may speak
    (الحكومة, الشرطة, الوزارة): the verb's subject, agreeing with it, before its object."""
    first = fold((speaker.text or "").split()[0]) if speaker.text else ""
    return (
        cue.gender == "f"
        and first.startswith("ال")
        and first.endswith("ه")
        and _unnamed_subject(speaker, cue)
    )


def _definite_head(speaker: _Speaker) -> _Speaker:
    """A definite subject and its adjectives, without the object after them ("الحكومة اليمنية
    مجلس الأمن": the government, asking the council; "السفارة السعودية باليونان" whole)."""
    words = (speaker.text or "").split()
    keep = 1
    while keep < len(words) and fold(words[keep]).startswith(("ال", "بال", "لل")):
        keep += 1
    return replace(speaker, text=" ".join(words[:keep]))


# Words of all of a group, which open an object after a definite subject.
_ALL_OF = frozenset(fold(w) for w in ("عموم", "جميع", "كافة", "كل", "سائر"))


_TITLE_ADJECTIVES = frozenset(
    fold(w) for w in ("العام", "الأعلى", "الأول", "السابق", "الأسبق", "الجديد", "الحالي", "الأقدم", "الأكبر")
)


def _before_plural_object(speaker: _Speaker, any_number: bool = False) -> _Speaker | None:
    """A title or body then a definite plural in ين ("الرئيس المواطنين"): the first is the subject
    and the second its object; "دعا" has one object, and an adjective would agree in number."""
    words = (speaker.text or "").split()
    if len(words) < 2 or not (_is_title(words[0]) or _speaking_head(words[0])):
        return None
    # ... or after the title's own genitive: "وزير الصحة المواطنين"
    for i in range(1, len(words)):
        word = fold(words[i])
        # (what وصف describes may be any noun: "ووصف الوزير القرار بأنه"; not an adjective: السعودي)
        plural = word.endswith("ين") and len(word) >= 6
        described = any_number and not _is_nisba(words[i]) and len(word) > 4
        # "وحث المدير الطلاب على", "وطالب المتظاهرون الحكومة بالإفراج": a definite noun that is no
        # adjective of the title (العام, السابق, المكلف, الرسمي)
        adjective = _is_nisba(words[i]) or word.endswith(("يه", "ية")) or word in _TITLE_ADJECTIVES
        noun = not adjective and not word.startswith("الم")  # (nor اليمنية, الإنسانية)
        if word.startswith("ال") and (plural or described or noun) and fold(words[i - 1]).startswith("ال"):
            return replace(speaker, text=" ".join(words[:i]))
        if word in _ALL_OF and fold(words[i - 1]).startswith("ال"):
            return replace(speaker, text=" ".join(words[:i]))  # "ودعت اللجنة عموم الطلبة إلى"
    return None


def _nominative(phrase: str | None) -> bool:
    """Whether an unnamed phrase opens with an indefinite noun that cannot be accusative: عدد,
    خبير, مختصون (not عددا, مواطنين, nor a definite or ي-final noun, which may be either, nor a
    demonstrative, a quantifier or a word with a pronoun: أولئك, جميع, سموه)."""
    words = (phrase or "").split()
    if not words or words[0].endswith("ه") or fold(words[0]) in _NOT_NOMINATIVE:
        return False
    first = fold(words[0])
    if first.startswith("ال") and first.endswith("ون") and len(first) > 5:
        return True  # "ودعا المواطنون إلى": a plural in ون is the subject
    if first.startswith("ال") and first[2:] in _EXPERTS:
        return True  # "ويحذر الخبراء من أن": experts warn, nobody warns them
    return not first.startswith("ال") and not first.endswith(("ا", "ي", "ين"))


def _complement_required(form: str, cue: Cue) -> re.Pattern[str] | None:
    """What must follow a cue form that is as often an adjective or another verb: مفيدة is
    "useful" unless أن or إلى follows, متوقعة "expected", ذاكرة "memory", and أقر "approved" (a
    budget) and علم "science" unless أن follows within ten words."""
    if cue.lemma == "افاد" and cue.participle:
        return _USEFUL_RE
    if (cue.lemma == "توقع" and form[-1] in "ةهن") or (
        cue.lemma == "ذكر" and cue.participle and form[-1] in "ةه"
    ):
        return _THAT_NEXT_RE
    if cue.lemma == "جاء":
        return _IN_A_DOCUMENT_RE
    if form == "بالقول":
        return _SAID_NEXT_RE  # "الشكر لله بالقول والعمل": in word (and deed), nothing said
    # (and علم, unless أن follows: "أستاذ علم الجريمة", "وعلم النفس" are a science)
    return _THAT_WITHIN_RE if cue.lemma == "اقر" or form == "علم" else None


def _other_qualifier(phrase: str, before_name: str) -> bool:
    """Whether a phrase's adjective of relation (المندوب الصيني) and the one written right before
    a name (المندوب الروسي فيتالي تشوركين) differ: another country's holder of the same office."""
    ours, theirs = phrase.split()[-1:], before_name.split()[-1:]
    nisbas = all(_is_nisba(w) for w in (*ours, *theirs))
    return bool(ours and theirs) and nisbas and fold(ours[0]) != fold(theirs[0])


def _is_nisba(word: str) -> bool:
    """الروسي, الصيني as written: ال and a final ي (not ى: الأعلى, الجرحى), no title."""
    return (
        word.startswith("ال")
        and word.endswith("ي")
        and len(word) >= 5
        and _title_word(fold(word)) not in TITLE_HEADS  # القاضي, المحامي: a rank
    )


def _bare_noun(word: str) -> bool:
    """A folded word that may begin an object: no preposition or conjunction on it, no adverb,
    punctuation or number."""
    return (
        word[:1] not in '،,:()«»"“”-–'
        and not word.startswith(("ب", "ل", "ك", "ف", "و"))
        and word not in _BREAKS
        and word not in _ADVERBS
        and word not in _NOT_A_CUE_AFTER
        and not _is_digit(word)
    )


def _object_noun(word: str) -> bool:
    """A word that begins a verb's object or a circumstance (استشهاد, أهمية; خلال, في), not a
    title's (العام, الحرام: definite)."""
    key = fold(word).strip("،,")
    if key in _STANCE_NOUNS or key in _CIRCUMSTANCE_HEADS:
        return True
    return not key.startswith(("ال", "وال")) and _is_verbal_noun(word)


def _plural_noun(word: str) -> bool:
    """A definite noun or an indefinite plural (المراقبين, خبراء, مسؤولون, ناشطين), not a verb,
    a particle or a singular ("وكانوا", "قد", "صورة")."""
    key = fold(word).strip('"«»“”')
    key = key[1:] if key[:1] in ("و", "ف") and len(key) > 4 else key
    return key.startswith("ال") or key.endswith(("ون", "ين", "ات", "اء"))


def _speaking_head(word: str) -> bool:
    """An unnamed source (مصادر, خبير) or a body named by its kind, definite (السلطات, والحكومة)."""
    key = fold(word).strip('"«»“”')
    if key in _SOURCE_HEADS:
        return True
    for prefix in ("وال", "فال", "ال"):
        if key.startswith(prefix):
            return key[len(prefix) :] in _DEFINITE_SPEAKERS
    return False


def _title_complement(word: str) -> bool:
    """A folded word that continues a title before its holder's name: للجمعية, باسم, بالبريد,
    بمنطقة."""
    return word.startswith(("لل", "بال")) or word == "باسم" or word in _TITLE_PLACES


# ب or ل with the unit a title holder serves ("مدير الشرطة بمنطقة مكة", "المتحدث لشرطة المنطقة").
_TITLE_PLACES = frozenset(
    fold(preposition + unit)
    for preposition in ("ب", "ل")
    for unit in (
        *("منطقة", "محافظة", "مدينة", "وزارة", "جامعة", "إدارة", "هيئة", "شركة", "مستشفى", "مركز"),
        *("شرطة", "قيادة", "مديرية", "أمانة", "بلدية", "غرفة", "جمعية", "مجلس", "نادي", "كرة"),
        # the affairs a deputy serves: "وكيل وزارة المياه والكهرباء لشؤون الكهرباء"
        "شؤون",
    )
)


def _indefinite_nisba(word: str) -> bool:
    """An indefinite adjective of kind or origin as written (أمنية, سعودي; not توجيه, مقتل)."""
    word = word.strip('،,"«»“”')
    return not word.startswith("ال") and len(word) > 3 and word.endswith(("ية", "ي"))


# Relatives and agents as written, whose person's name may follow as their genitive.
# Words that open a statement and never a name or a title: a quoted phrase starting with one is
# what was said, even when the sentence goes on after it.
_SPEECH_OPENERS = frozenset(
    fold(w)
    for w in (
        *("ليس", "لسنا", "لست", "لا", "لن", "لم", "هناك", "إننا", "نحن", "أنا", "يجب", "لقد", "قد"),
        *("سوف", "إن", "إنه", "إنها", "إنهم", "إني", "إنني", "إنكم", "هذا", "هذه", "علينا", "لدينا"),
    )
)
# Words before a person that make them no subject of the sentence's verb.
_OPENER_BREAKS = frozenset(
    fold(w) for w in ("بين", "بعد", "قبل", "حول", "عن", "منزل", "الذي", "التي", "الذين", "يدعى")
)
_MAY = frozenset(fold(w) for w in ("قد", "وقد", "فقد"))
# A verb after إن that makes it "if": "إن شاء الله", "إن وجدت", "إن أمكن".
_CONDITIONAL_AFTER_RE = re.compile(r"\s+(?:شاء|وجد|وجدت|وجدوا|امكن|اراد|اردت)(?!\w)")
# A circumstantial participle after a comma (", مشيداً بجهود", ", مثمناً الدور") is the speaker's
# act, not the statement's words: a reported statement ends before it.
# Where and when the speaker said it, after a comma: "، وذلك خلال اتصال هاتفي", "، خلال كلمته".
_OCCASION_RE = re.compile(
    # ... or the writer's reading of it: "، في إشارة إلى التصريحات الإيرانية"
    r"[،,]\s*(?:في\s+(?:اشار[هة]|تلميح|رسال[هة]|تهديد)\s+(?:واضح[هة]?\s+|مبطن[هة]?\s+)?(?:الي|ل)"
    r"|وذلك\s+(?:خلال|في|اثناء|لدي|عقب|علي\s+هامش)\s+"
    r"(?:(?:اول\s+)?تعليق|اتصال|خطاب|كلم[هة]|لقاء|مؤتمر|حديث|تصريح|تصريحات|بيان|مقابل[هة]|زيار[هة]|استقبال|تروس|افتتاح"
    r"|رعاي[هة]|حفل|اجتماع)"
    r"|(?:خلال|اثناء|لدي|عقب)\s+(?:كلمت|لقاي|استقبال|تروس|حديث|تصريح|زيارت|افتتاح|رعايت)(?:ه|ها)(?!\w))"
)
# Not a passive one (مدعوما بمشاريع), an adverb (مؤخرا، مجددا) or a noun with its pronoun (معظمها).
_PARTICIPLE_CLAUSE_RE = re.compile(
    r"[،,]\s*(?!(?:موخرا|مبكرا|مسبقا|موقتا|مجانا|مطلقا|مثلا|معا|مستقبلا|مبدييا|مرارا|مساء|مباشرا)(?!\w))"
    r"م(?:ست)?(?![^\W\d_]{2}و[^\W\d_]ا(?!\w))[^\W\d_]{2,4}(?<!ه)(?:اً|ًا|ا)\s+(?:ب|ال|ل|[^\W\d_]{2})"
)
# God opening the clause of the verb (not حزب الله, رام الله, عبد الله, a blessing after a name)
_GOD_BEFORE_RE = re.compile(r"\s*[وف]?الله(?:\s+(?:سبحانه|وتعالي|تعالي|عز|وجل|جل|جلاله|شانه))*\s+")
# "من جهته", "من جانبها", "بدوره": for one's part, opening another speaker's turn.
_ON_ONES_PART = frozenset(
    fold(stem + suffix) for stem in ("جهت", "جانب", "بدور", "وبدور") for suffix in ("ه", "ها", "هم", "هما")
)
#: Words after which بين and عبر are verbs (بيّن, عبّر), not "between" and "via".
_VERB_OPENERS = _MAY | _ON_ONES_PART | {"لقد"}
# Words that follow و at a sentence's start and are no verb ("وفي", "ومن", "وبعد").
_PARTICLES_AFTER_WA = frozenset(
    fold(w)
    for w in ("في", "من", "على", "عن", "مع", "بعد", "قبل", "خلال", "منذ", "لدى", "عند", "إلى", "حسب", "بحسب")
)
# "أما المتحدث باسم الوزارة فأوضح أن": the topic before ف and its verb is the subject.
_AMMA_RE = re.compile(r"(?:^|\s)و?اما\s+")
# "أما الوزير فقد قال": the ف of the topic's answer on قد, not on the verb
_FA_QAD_RE = re.compile(r"(?<!\w)فل?قد\s+$")
# "وزاد التميمي أن", "واختتمت باعشن أن": a colon-only cue of adding or concluding (زاد is also
# "increased") reports when أن follows within three words, no comma between.
_ADDING_VERBS = frozenset({"زاد", "استطرد", "ختم", "اختتم", "علق"})
_ADDED_THAT_RE = re.compile(_WORDS_THEN_THAT % (0, 3))
_WROTE_THAT_RE = re.compile(r"(?:\s+[^\s،,.:؛]+){1,8}?\s+[اإ]ن(?:ه|ها|هم)?(?!\w)")
# What a participle of أفاد reports through; without it, مفيد/مفيدة is the adjective "useful".
_USEFUL_RE = re.compile(r"\s+(?:ب?ان|بانه|بانها|الي)(?!\w)")
# Words that open a clause whose subject a place may be ("أن البحرين أعلنت").
_PLACE_SUBJECT_OPENERS = frozenset(
    fold(w) for w in ("أن", "إن", "بأن", "لكن", "ولكن", "كانت", "وكانت", "بينما", "فيما", "حيث", "كما", "أما")
)
# "قوله": his saying, the cue of a source named before it ("نقلت الوكالة عن الوزير قوله").
_SAYING_NOUNS = frozenset({"قوله", "قولها", "قولهم"})
# أن and its kin opening a clause whose subject comes before its verb.
_THAT_FORMS = frozenset({"ان", "فان", "بان", "وان", "لان"})
_THAT_NEXT_RE = re.compile(_WORDS_THEN_THAT % (0, 0))
# A person after ل and a title or kinship word ("لخادم الحرمين الشريفين", "للرئيس", "لأسرة"): the
# one addressed, not the subject (a title's own "للشؤون" is not one)
_TO_SOMEONE_RE = re.compile(
    r"(?<!\w)ل(?:خادم|سمو|معالي|فخام[ةه]|جلال[ةه]|ذوي|اسر[ةه]|عائل[ةه]|لرئيس|لملك|لامير)\w*(?:\s+\S+){0,4}\s*$"
)
# "بمقتل", "بسقوط", "بوقوع", "بإصابة", "بارتفاع": news reported by أفاد (a verbal noun after ب).
_REPORTED_NEWS_RE = re.compile(
    r"(?<=\s)ب(?=(?:مقتل|سقوط|وقوع|اصاب[ةه]|ارتفاع|انخفاض|وفا[ةه]|مصرع|اعتقال|نجا[ةه]|تسجيل)\w*)"
)
_BELONGING_RE = re.compile(r"\s*(?:ل|لل|الي)")
# What a participle of saying goes on with: "مؤكدة أن", "مشيرة إلى", "معربة عن", "قائلة: «".
_SAYING_COMPLEMENT_RE = re.compile(r"\s*(?:[:«\"“]|(?:ب?ان|الي|علي|عن|ب)(?!\w)|بال)")
# What is said or written, an indefinite noun a participle of saying describes: "كلمة مشددة على".
_TALKS = frozenset(
    fold_keep_length(w)
    for w in ("كلمة", "رسالة", "رسالتين", "برقية", "مذكرة", "دراسة", "نشرة", "تغريدة", "تغريدات", "كلمات")
)
# ... and what only a statement is followed by: "أصدرت بيانا موضحة فيه أن".
_THAT_AFTER_ADJECTIVE_RE = re.compile(r"\s*(?:فيه(?:ا)?\s+)?(?:[:«\"“]|ب?ان(?!\w))")
_THAT_WITHIN_RE = re.compile(_WORDS_THEN_THAT % (0, 10))
# "العام الماضي", "الشهر المقبل": a time after the verb or its subject.
_TIME_UNITS = frozenset({"العام", "الشهر", "السنه", "السنة"})
_TIME_RELATIONS = frozenset(
    {"الماضي", "الماضيه", "المقبل", "المقبله", "الجاري", "الحالي", "القادم", "المنصرم"}
)
_VERSE_CHARS = 70  # a line of verse or of a short saying, set on lines of its own
_COMMA_RE = re.compile("[،,]")
#: A spokesman without ال is left unnamed, and a name after him is his principal's ("متحدث باسم
#: الرئيس أشرف غني"); with ال the name is mostly his own ("المتحدث باسم الخارجية مرضية أفخم").
_UNNAMED_SPOKESMAN_RE = re.compile(r"(?:متحدث|ناطق)[ةه]?\s+باسم(?!\w)")
_SENTENCE_STOP_RE = re.compile(
    r"(?:(?<=[^\W\d_]{2})\.|(?<=[^\W\d_]{2}\s)\.|[!؟?])\s+"
)  # (not the ". " of "د. عزام")
_AND_NEXT_RE = re.compile(r"\s+و(?!\s)")
_SAID_NEXT_RE = re.compile(r"\s*(?:[:«\"“]|[،,]?\s*ب?ان(?:ه|ها|هم)?(?!\w))")
_ON_IT_RE = re.compile(r"\s+علي(?:ه|ها|هم|هما)(?!\w)")
_TOLD_OUTLET_RE = re.compile(r"(?<!\w)لـ?\s*[«\"“][^»\"”\n]{1,30}[»\"”]\s*[:،,]?\s*")
_SAYING_AT_ONCE = frozenset({"قال", "اضاف", "تابع", "اردف", "استطرد"})
#: Words that open a speaker's own words (folded): "we", "I", "we have", "was done" (تم), and
#: verbs in the first person plural (نرحب، سنواصل، لن نسمح).
_FIRST_PERSON_RE = re.compile(
    r"(?:نحن|انا|لدينا|عندنا|تم|(?:(?:لن|لم|لا|قد|سوف)\s+)?س?ن(?:رحب|كرر|وكد|تمني|امل|شكر|طالب|سعي|عمل"
    r"|حرص|تطلع|عتز|فخر|حمد|ثمن|قدر|شيد|دعو|رفض|دين|عتقد|ري|ريد|توقع|واصل|ستطيع|حتاج|سمح|قبل|تلق|علم|عرف"
    r"|بذل|ملك|نتظر|هني|بارك|عول|ركز|خطط|تعامل|سعد))(?!\w)"
)
# "على هامش المؤتمر", "على خلفية", "على مدى", "على طول الطريق": where or when, not what was stressed;
# "على المنصة", "على حسابه في تويتر", "على الهواء": where it was said.
_ADVERBIAL_ALA_RE = re.compile(r"\s+(?:هامش|خلفي[ةه]|مد[يى]|مدار|صعيد|مستو[يى]|راس|امتداد|متن|طول)(?!\w)")
# ... and, before an أن, where it was said: "على المنصة", "على حسابه في تويتر", "على الهواء"
# (not "شدد على الموقع الاستراتيجي للمملكة": what he stressed).
_WHERE_SAID_ALA_RE = re.compile(
    r"\s+(?:(?:ال)?(?:منص[ةه]|موقع(?:ه|ها)?|حساب(?:ه|ها)?|صفحت(?:ه|ها)|شاش[ةه]|منبر|هواء)|تويتر|فيسبوك)(?!\w)"
)
# Title heads that name nothing without what they head (رئيس الاستخبارات, مدير المستشفى).
_GENERIC_HEADS = frozenset(fold(w) for w in ("رئيس", "مدير", "أمين", "نائب", "مساعد", "قائد", "عضو", "مسؤول"))
# A sentence opening with what it is about: its names are not its speaker's (not after a bare
# عن: "عن عبدالرحمن بن أبي بكر قال", a narrator of a hadith).
_ABOUT_OPENING_RE = re.compile(r"\s*(?:[وف]عن|[وف]?(?:حول|بشان|بخصوص|فيما\s+(?:يخص|يتعلق)))(?!\w)")
_ABOUT_BEFORE_RE = re.compile(r"(?<!\w)[وف]?(?:عن|حول)\s+$")
_TOPIC_RE = re.compile(r"(?:^|\s)(?P<topic>وعن|و?اما)\s+(?:[^\s،,.:؛]+\s+){1,10}$")
_TELLING = frozenset({"ابلغ", "اخبر"})
_PRONOUN_AGREEMENT: dict[str, tuple[Gender | None, Number]] = {
    "عنه": ("m", "sg"),
    "عنها": ("f", "sg"),
    "عنهم": (None, "pl"),
}
_KANA = frozenset({"كان", "وكان", "كانت", "وكانت", "فكان", "فكانت"})
# The singular relatives and the gender of the antecedent they refer to (folded).
_RELATIVE_GENDER = {
    key(w): g
    for key in (fold, fold_keep_length)
    for w, g in (("الذي", "m"), ("والذي", "m"), ("التي", "f"), ("والتي", "f"))
}
# "سُئل" (was asked) before a colon: what follows is the question, not the asked one's words.
_ASKED_RE = re.compile(r"(?<!\w)[وف]?سيل(?:ت|وا)?(?!\w)")  # folded: ئ is ي
# Titles whose holder a relative is named by ("عائلة زعيم طالبان", "نجل الرئيس").
_RELATIVE_OF_TITLES = TITLE_HEADS | {fold("زعيم")}
_RELATIONS = frozenset(
    (
        *("محامي", "محامية", "والد", "والدة", "شقيق", "شقيقة", "زوج", "زوجة", "ابن", "ابنة", "نجل"),
        *("أخ", "أخو", "أخت", "عائلة", "أسرة", "ذوو", "ذوي", "أقارب", "أصدقاء", "صديق", "عم", "خال"),
        # "يقول خصوم عون إن": his opponents, not he
        *("خصوم", "معارضو", "منتقدو", "مؤيدو", "أنصار", "مناصرو", "محامو", "مساعدو", "مستشارو"),
    )
)


def _numbered_unit(phrase: str) -> bool:
    """Whether a number after `phrase` names it: a unit's number ("الفرقة 30", "اللواء 35")."""
    return fold(phrase) in _NUMBERED_UNITS


_NUMBERED_UNITS = frozenset(
    fold(w) for w in ("الفرقة", "اللواء", "الكتيبة", "الفوج", "الفيلق", "السرية", "الجيش")
)


def _unclosed(phrase: str) -> bool:
    """Whether `phrase` opens quotation marks it does not close ("صحيفة «عين")."""
    return phrase.count("«") > phrase.count("»") or phrase.count("“") > phrase.count("”")


_ADDRESS_FORMS = frozenset(fold(w) for w in ("معالي", "سعادة", "سمو", "فضيلة", "صاحب", "فخامة", "السيد"))


def _title_or_address(word: str) -> bool:
    """A folded word that opens a person's designation: a title (السفير) or a form of address
    (معالي)."""
    return _title_word(word) in TITLE_HEADS or word in _ADDRESS_FORMS


_RELATIVE_VERB_BEFORE_RE = re.compile(r"(?<!\w)(?:الذي|التي|الذين)\s+[^\s،,]+\s+$")
# Whose people those named are ("من أبناء تعز", "من أهالي عدن").
_WHOSE_PEOPLE = frozenset(fold(w) for w in ("أبناء", "أهالي", "أهل", "سكان", "منسوبي"))


def _stance_at(text: str, span: tuple[int, int]) -> bool:
    """Whether the word at `span` is a stance stressed or denied (عدم, ضرورة, وجود)."""
    return fold(text[span[0] : span[1]]) in _STANCE_NOUNS


def _time_word(word: str) -> bool:
    """A folded word of a time the subject acted at: أمس, اليوم, a weekday, صباح."""
    return word in _ADVERBS or word in _WEEKDAY_WORDS


_WEEKDAY_WORDS = frozenset(
    fold(w) for w in ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
)


def _owner_word(word: str) -> tuple[str, str]:
    """A document owner's ل ("", "ل" or "لل", ل before a dropped ال) and head noun, folded and
    without ال: "لوزارة" ("ل", "وزاره"), "للقيادة" ("لل", "قياده"), "للجنة" ("ل", "لجنه")."""
    folded = fold(word)
    for lam, article in (("", "ال"), ("لل", ""), ("ل", "")):
        rest = folded.removeprefix(lam).removeprefix(article) if folded.startswith(lam + article) else ""
        if rest in _OWNERS:
            return lam, rest
    return "", folded.removeprefix("ال")


def _someone(speaker: _Speaker) -> bool:
    """Whether a speaker is a person, a body, a title or a source (not "وجود أعداد أكبر")."""
    words = (speaker.text or "").split()
    return bool(words) and (
        speaker.mention is not None
        or _is_title(speaker.text or "")
        or _speaking_head(words[0])
        or fold(words[0]).removeprefix("ال") in _PEOPLE_NOUNS
    )


def _seated_source(phrase: str) -> bool:
    """An unnamed source and where it sits ("مصادر في أسرة الجنيد"): no one named in it speaks."""
    words = fold(phrase).split()
    return len(words) > 2 and words[0] in _UNNAMED_SOURCES and words[1] == "في"


def _quantified(phrase: str) -> bool:
    """Whether a phrase names some of a group ("عدد من مؤيدي الأسد", "كل من الوزير والسفير")."""
    words = fold(phrase).split()
    return len(words) > 2 and words[0] in _QUANTIFIERS and words[1] == "من"


def _is_god(speaker: _Speaker) -> bool:
    """God or the Prophet quoted (scripture, a hadith): the quoter speaks on after."""
    words = fold(speaker.text or "").split()
    return bool(words) and words[0] in _SACRED_OPENERS


# How God or the Prophet is written as a subject: الله, تعالى, سبحانه, جل وعلا, عز وجل, صلى الله ...
_SACRED_OPENERS = frozenset(fold(w) for w in ("الله", "تعالى", "سبحانه", "جل", "عز", "صلى"))
# "قوله تعالى": scripture cited.
_SCRIPTURE_RE = re.compile(
    rf"\s*(?:{'|'.join(f'[{MARKS}]*'.join(word) for word in _SACRED_OPENERS)})[{MARKS}]*(?!\w)"
)  # (harakat allowed: "قَوْلُهُ تَعَالَى")
# A cue's letters followed by a shadda and more letters: another word ("تقرّر", not تقر).
_WORD_GOES_ON_RE = re.compile(f"[{MARKS}]+[^\\W\\d_]")


def _opens_mark(word: str) -> bool:
    """Whether a word opens a quotation it does not close: «الشرق of «الشرق الأوسط»."""
    bare = word.lstrip("لـ")
    if bare.startswith('"'):
        return bare.count('"') == 1
    return ("«" in word and "»" not in word) or ("“" in word and "”" not in word)


def _describes(word: str, after_name: bool) -> bool:
    """Whether a folded word after the cue's subject words still belongs to the subject: a
    definite word (الخارجية of وزير الخارجية), but after a name only an adjective (الكويتية,
    الإرهابي) or a title (المدير الفني, اللواء), not the object's verbal noun ("أعلنت وزارة
    الداخلية الكويتية القبض على"). A word that closes a phrase (a comma, a quotation mark after
    it) ends the name the tagger cut short ("عزام بن محمد الدخيل،"): the caller passes no name."""
    if not word.startswith("ال") or word.endswith(("ا", "اً")):
        return False
    return not after_name or word.endswith(("ي", "ه")) or _title_word(word) in TITLE_HEADS


def _bare_surname(word: str) -> bool:
    """Whether a folded word is a family name written alone (الهاجري, القحطاني): a definite nisba
    that no title or office is."""
    return (
        len(word) > 5
        and word.startswith("ال")
        and word.endswith("ي")
        and _title_word(word) not in TITLE_HEADS
    )


# The manner of saying, right after the verb: "بشكل واضح" (with its adjective), "بصراحة".
_MANNER_NOUNS = frozenset(fold(w) for w in ("بشكل", "بصورة", "بطريقة", "بلهجة", "بنبرة", "بلغة"))
_MANNERS = _MANNER_NOUNS | frozenset(
    fold(w)
    for w in ("بصراحة", "بوضوح", "باختصار", "بحزم", "بثقة", "بأسف")  # (بدوره: `_ADVERBS`)
)


def _is_adverbial(word: str) -> bool:
    """An accusative word after the verb is a circumstance, not the subject: "متسائلا"، "مجددا", and
    as written, its tanween kept, "انطلاقاً"."""
    # (not a noun with its ها: "من مصادرها", "مديرها")
    return word.endswith(("اً", "ًا")) or (
        word.startswith("م") and word.endswith("ا") and not word.endswith("ها") and len(word) > 4
    )


def _is_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


class QuoteStage:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "mentions"})
    provides: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __init__(self, titles_for: Callable[[Article], TitleResolver | None] | None = None) -> None:
        self.titles_for = titles_for

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> QuoteStage:
        cue_pattern()  # compile the cue lexicon once, before the stage is used or pickled
        return cls(_linked_titles())

    def __call__(self, article: Article) -> Article:
        resolver = self.titles_for(article) if self.titles_for is not None else None
        return replace(
            article, quotes=tuple(find_quotes(article.text, article.mentions, resolve_title=resolver))
        )


def _linked_titles() -> Callable[[Article], TitleResolver | None] | None:
    """The linking stage's title resolver (roles in the article, dated holders in the knowledge
    base), adapted to this stage's seam; None where marsad has no linking stage."""
    try:
        from marsad.stages.linking import load_knowledge_base, resolve_title
    except ImportError:
        return None
    kb = load_knowledge_base()

    def titles_for(article: Article) -> TitleResolver | None:
        if not article.entities:
            return None

        def resolve(phrase: str, position: int) -> Mention | None:
            entity_id = resolve_title(article, phrase, kb)
            entity = article.entities.get(entity_id) if entity_id else None
            if entity is None:
                return None
            named = [m for m in article.mentions if m.entity == entity_id and not _is_title(m.text)]
            before = [m for m in named if m.start < position]
            if before or named:
                return (before or named)[-1]
            return Mention(position, position, entity.name, entity.type, entity.id)

        return resolve

    return titles_for
