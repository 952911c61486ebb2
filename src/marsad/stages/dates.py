"""The dates stage: finds Arabic date expressions and resolves them against the publication date.

`find_dates(text, reference_at)` is the algorithm; `DateStage` wraps it for the pipeline.
Rules run on the `fold()`-ed key of the text (hamza, ى/ة, harakat, Arabic-Indic digits
folded), and every span is mapped back to code points of the original text.

What a span covers (the convention the tests pin):

* included: "يوم", the weekday, "الموافق", a time of day (صباح/مساء ...), a period modifier
  (مطلع/منتصف/أواخر ...), "شهر", "عام/العام/سنة" before a year, the relative word
  (أمس/اليوم/غدا, الماضي/المقبل/الجاري), the era suffix (م/هـ/ميلادي/هجري), and the
  parentheses of "اليوم (الاثنين)";
* excluded: a leading preposition (في، منذ، حتى، خلال ...) and an attached و/ف/ب/ل/ك;
  but a count back from the reference keeps its قبل or منذ ("قبل يومين", "منذ ثلاثة أسابيع").

Resolution: with no `reference_at`, only expressions that carry their own year resolve. A
bare weekday ("يوم الجمعة") is the nearest such day not after the reference (news reports
what happened) unless a future cue (من المقرر، سوف، المقبل ...; not "كان من المقرر") says
otherwise; a month without a year ("في فبراير") is the nearest past one, but the coming one when it is
one or two months ahead ("بحلول سبتمبر" in August; not after منذ) or, after a future cue,
within half a year; a day and month without a year
("3 مارس") the nearest to the reference. A count of days or weeks back is a day, of months a
month, of years a year. Hijri dates become Gregorian with `hijridate`; a Hijri month without a
day is the Gregorian month it mostly covers (of its first or last days after مطلع, نهاية ...;
غرة is its first day), and without a year it needs a relative word
("رمضان الماضي", "ذي القعدة المقبل"): "شهر رمضان" alone is as often the season as a date.
The first of two months joined by و or a range takes the year written after the second ("بين
شباط وحزيران من عام 2012", "مايو ويونيو الماضيين"). The days of an Eid ("ثالث أيام عيد
الفطر", "ليلة العيد": its eve) are days of the feast in the Hijri year nearest the reference;
"العيد" alone is the feast nearest it.

>>> from datetime import datetime
>>> [(d.text, d.value) for d in find_dates("وصل أمس الخميس، ويغادر في 14 أيار/مايو الجاري.",
...                                        datetime(2020, 5, 8))]
[('أمس الخميس', '2020-05-07'), ('14 أيار/مايو الجاري', '2020-05-14')]
>>> [(d.text, d.value, d.granularity) for d in find_dates("رؤية 2030 أُطلقت عام 2016م", None)]
[('عام 2016م', '2016', 'year')]
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from hijridate import Gregorian, Hijri

from marsad.arabic.calendar import HIJRI_MONTHS, MONTHS, WEEKDAYS
from marsad.arabic.keys import fold_with_offsets
from marsad.model import Article, DateMention, Granularity

# ---------------------------------------------------------------------------------------------
# Vocabulary, all in fold()-ed spelling (ا for أ/إ/آ, ي for ى/ئ, ه for ة).


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words` as a prefix trie, longest match first.

    Python's regex engine tries the branches of "يناير|يونيو|يوليو|..." one after another at
    every word start; factoring shared prefixes ("ي(?:ناير|و(?:نيو|ليو))") makes the month and
    weekday alternations cheap. A space in a name matches any run of whitespace.

    >>> _alternation(["مايو", "ماي", "مارس"])
    'ما(?:رس|ي(?:و|))'
    """
    trie: dict[str, Any] = {}
    for word in sorted(set(words)):  # sorted: the same regex whatever PYTHONHASHSEED is
        node = trie
        for char in " ".join(word.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    # Longer continuations first, the end of a word ("") last, so "مايو" is preferred to "ماي".
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items(), key=lambda item: item[0] == "")
        if char
    ]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


_MONTH = _alternation(MONTHS)
_HIJRI_MONTH = _alternation(HIJRI_MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)

# A conjunction or preposition glued to the first word ("وأمس", "بالأمس", "ومايو"): kept out
# of the span. The lookbehind anchors every rule at a word start.
# (or a number glued to the word before it: "حتى30 من ذي الحجة", "في2013")
_PREFIX = r"(?:(?<!\w)(?:[وف]?[بلك]|[وف])?|(?<=[^\W\d_])(?=\d))"
_END = r"(?!\w)"

_PAST = (
    "الماضي",
    "الماضيه",
    "المنصرم",
    "المنصرمه",
    "الفايت",
    "الفايته",
    "السابق",
    "السابقه",
    "المنقضي",
    "المنقضيه",
)
_FUTURE = ("المقبل", "المقبله", "القادم", "القادمه")
_CURRENT = ("الجاري", "الجاريه", "الحالي", "الحاليه")
_SHIFTS: dict[str, int] = {
    **dict.fromkeys(_PAST, -1),
    **dict.fromkeys(_FUTURE, 1),
    **dict.fromkeys(_CURRENT, 0),
    "هذا": 0,
    "هذه": 0,
    # after two months ("مايو ويونيو الماضيين")
    **dict.fromkeys(("الماضيين", "المنصرمين", "السابقين"), -1),
    **dict.fromkeys(("المقبلين", "القادمين"), 1),
    **dict.fromkeys(("الجاريين", "الحاليين"), 0),
}
_REL = _alternation(_PAST + _FUTURE + _CURRENT)
# Months are masculine: only the masculine forms follow a month name or a bare day number,
# so "الأيام الـ3 الماضية" (the past 3 days) never reads as "the 3rd of last month".
_REL_MASCULINE = "الماضي|المنصرم|الفايت|السابق|الجاري|الحالي|المقبل|القادم"
_REL_TWO_MONTHS = "الماضيين|المنصرمين|السابقين|المقبلين|القادمين|الجاريين|الحاليين"

# Days relative to the reference, longest spelling first in the regex.
_RELATIVE_DAYS: dict[str, int] = {
    "اول من امس": -2,
    "اول امس": -2,
    "امس الاول": -2,
    "يوم امس": -1,
    "الامس": -1,
    "امس": -1,
    "اليوم": 0,
    "يوم الغد": 1,
    "يوم غد": 1,
    "غدا": 1,
    "بعد غد": 2,
    "بعد غدا": 2,
    # Gulf usage: "البارحة" is yesterday (its night), "البارحة الأولى" the day before.
    "البارحه الاولي": -2,
    "البارحه": -1,
    "الليله الماضيه": -1,
    "الليله قبل الماضيه": -2,
}
_RELATIVE_DAY = _alternation(_RELATIVE_DAYS)

_TIME_OF_DAY = r"(?:(?:صباح|مساء|ظهر|ظهيره|عصر|فجر|ليل|ليله|منتصف\s+ليل|منتصف\s+نهار)\s+)"
# Period modifiers keep the granularity of what they modify ("أواخر 2019" is a year).
_MODIFIER = r"(?:مطلع|منتصف|اواخر|اوايل|اواسط|نهايه|بدايه|مستهل|اخر)"
_YEAR_WORD = r"(?:عام|العام|لعام|للعام|سنه|السنه|لسنه|للسنه)"
_GREGORIAN_ERA = r"(?:للميلاد|ميلاديه|ميلادي|م)"
# Iranian outlets count in Solar Hijri years ("1388 هجري شمسي"): not the lunar calendar.
_HIJRI_ERA = r"(?:للهجره|هجريه|هجري|ه)(?!\s+شمسي)"
# A weekday before a full date joins its span ("الخميس 14 مايو", "اليوم الاثنين 25/10/1436هـ",
# "يوم الأحد المقبل الموافق 24 شوال", "يوم الأربعاء الثاني والعشرين من صفر"): the written date
# then decides the value, and the weekday is not resolved again on its own. The lookahead keeps
# the lead from swallowing anything but a day number or an ordinal day.
_ORDINAL_START = r"(?:ال|لل)(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي|عشرين|ثلاثين)"
_WEEKDAY_LEAD = (
    rf"(?:(?:(?:اليوم|يوم)\s+)?(?:{_WEEKDAY})(?:\s+(?:{_REL}))?\s*[،,]?\s*\(?\s*"
    rf"(?:(?:الموافق|بتاريخ|تاريخ)\s+)?(?=(?:ال)?\d|{_ORDINAL_START}))"
)
# "الـ 12" keeps a space where the tatweel was; ordinal days ("الثالث من يوليو") need "من".
_DAY = r"(?:ال\s?)?(?P<day>[0-3]?\d)(?!\d)"
_ORDINAL_UNITS = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_ORDINAL_DAYS: dict[str, int] = {
    **{word: n for n, word in enumerate(_ORDINAL_UNITS, 1)},
    "العاشر": 10,
    "العشرين": 20,
    "الثلاثين": 30,
    **{f"{'الحادي' if n == 1 else word} عشر": 10 + n for n, word in enumerate(_ORDINAL_UNITS, 1)},
    **{f"{'الحادي' if n == 1 else word} والعشرين": 20 + n for n, word in enumerate(_ORDINAL_UNITS, 1)},
    "الحادي والثلاثين": 31,
}
# ل before ال drops the alif: "للرابع من ديسمبر" (to the fourth of December).
_ORDINAL_DAYS.update({"لل" + word[2:]: n for word, n in list(_ORDINAL_DAYS.items())})
_ORDINAL_DAY = rf"(?P<ordinal>{_alternation(_ORDINAL_DAYS)})\s+من"
_YEAR_TAIL = (
    rf"(?:\s*[،,]?\s+|\s*/\s*)(?:من\s+)?(?:{_YEAR_WORD}\s*)?"
    rf"(?P<year>\d{{4}}(?!\d)|\d{{2,3}}(?=\s?{_GREGORIAN_ERA}{_END}))"
    rf"(?:\s?(?P<era>{_GREGORIAN_ERA}|{_HIJRI_ERA}){_END})?"
)
_YEAR_REL_TAIL = (
    rf"\s+(?:من\s+)?(?:(?:العام|السنه)\s+(?P<year_rel>{_REL})|(?P<year_this>هذا\s+العام"
    r"|هذه\s+السنه)|(?P<year_same>(?:العام|السنه)\s+(?:نفسه|ذاته)|نفس\s+(?:العام|السنه)))"
)
# The year an anaphoric "من العام نفسه" (of the same year) points back to.
_EARLIER_YEAR_RE = re.compile(r"(?<!\d)(1[0-9]\d\d|20\d\d|21\d\d)(?!\d)(?!\s?ه)")

# Words after a bare number that make it a count, an amount or a measure, not a year.
_UNIT = (
    r"\s*(?:%|٪|ريال|دولار|يورو|جنيه|درهم|دينار|ليره|شيكل|روبل|شخص|اشخاص|مواطن|نسمه|طن|"
    r"كيلو|كغ|كلغ|كم|كلم|متر|الف|مليون|مليار|حاله|وحده|عامل|موظف|طالب|منزل|سياره|صوت|قتيل|"
    r"جريح|مصاب|دوله|مره|ساعه|دقيقه|يوم|سنه|عام|نقطه|برميل|ميغاواط|فدان|هكتار|لاجي|معتقل|"
    r"اسير|جندي|عنصر|مقاتل|صاروخ|غاره|مشروع|شركه|مدرسه|سرير|عائله|عايله|اسره|"
    # people and things counted in news: "1999 حاجا", "1920 عينة", "2000 زائر"
    r"حاج|معتمر|زائر|مريض|طفل|مشارك|متسابق|مستفيد|وظيف|فرصه|عينه|مخالف|بلاغ|رحله)"
)

_UNIT_RE = re.compile(_UNIT)
# The attacks of 11 September 2001, named by their day alone.
_SEPTEMBER_11_RE = re.compile(r"(?<!\w)[وبل]?(?:ال)?(?:هجمات|احداث|اعتداءات|تفجيرات|ضربات)\s+$")
# A part of a year before "من" and the year: "الربع الأول من 2015", "النصف الثاني من 2014".
_PART_OF_YEAR_RE = re.compile(
    r"(?:(?:(?:ال|لل)(?:ربع|نصف|ثلث|شهور|اشهر|اسبوع|اسابيع|ايام)|بدايه|نهايه|مطلع|منتصف|اواخر|اوايل|اوائل)"
    r"(?:\s+(?:الاول|الثاني|الثالث|الرابع|الاخير|الاولي|الاخيره))?\s+من"
    # "اعتبارا من سبتمبر", "بدءا من 2016": from then on
    r"|(?:اعتبارا|ابتداء|بدءا|بدء)\s+من"
    r"|(?:ال|لل)(?:ربع|نصف)\s+(?:الاول|الثاني|الثالث|الرابع|الاخير)"
    r"|(?:ال|لل)(?:سنه|عام)\s+المالي(?:ه)?)\s*$"
)
# A month a figure is compared with or read for ("مقارنة بيونيو", "عن مستوى يونيو", "بيانات يوليو").
_MONTH_COMPARED_RE = re.compile(
    r"(?<!\w)(?:مقارنه|قياسا)(?:\s+مع)?\s+ب?$|(?<!\w)(?:ب?مستوي|مستويات|بيانات|ارقام|مبيعات|قراءه)\s+$"
)
# A height, depth, length or distance right before a number: its م is metres, not the era.
_MEASURE_BEFORE_RE = re.compile(
    # (a word of its own: not the طول of "البطولة 2012م")
    r"(?<![^\W\d_])[وف]?ب?(?:ال)?"
    r"(?:ارتفاع|يرتفع|ترتفع|سطح البحر|طول|عمق|مسافه|تبعد|يبعد|عرض|علو|مساحه|مساحتها|مساحته)\w{0,3}"
    r"(?:\s+ال\w+)?[\s(:]*(?:نحو|حوالي|قرابه)?[\s(]*$"  # (the thing measured: "طول الجسر 1500م")
)
_LAST_WORD_RE = re.compile(r"(\w+)[\s(]*$")
# (a tatweel standing alone is written as a dash, and the key drops it: "عام 2006 ـ 2007")
_YEAR_PAIR_BEFORE_RE = re.compile(r"\d{4}(?:\s*(?:و|الي|حتي|-|–)\s*|\s\s+)$")
_YEAR_PAIR_AFTER_RE = re.compile(r"(?:\s*(?:الي|حتي|-|–)\s*|\s\s+)\d{4}")
_SOLAR_HIJRI_RE = re.compile(r"\s*(?:هجري|ه)\s+شمسي")
_YEAR_PAIR_ERA_AFTER_RE = re.compile(
    rf"\s*(?:-|–|الي|حتي)\s*\d{{4}}\s?(?:(?P<greg>{_GREGORIAN_ERA})|(?P<hijri>{_HIJRI_ERA})){_END}"
)

# Prepositions that make a following bare month or year a date ("في فبراير", "منذ 2011").
_CUES = frozenset(
    {
        "في",
        "خلال",
        "منذ",
        "حتي",
        "قبل",
        "بعد",
        "الي",
        "بحلول",
        "حلول",
        "طوال",
        "طيله",
        "اعتبارا",
        "ابتداء",
        "بدءا",
        "اواخر",
        "اوايل",
        "مطلع",
        "منتصف",
        "نهايه",
        "بدايه",
        "اواسط",
        "مستهل",
        "وحتي",
        "بين",
        "عن",
    }
)
# A futures contract's words right before its month ("الاجتماع الذي عقد في نوفمبر": held).
_DELIVERY = frozenset({"تسليم", "لتسليم", "للتسليم", "بتسليم", "عقد", "لعقد", "عقود", "العقود", "لعقود"})
# More verbs in the future (after س and ي/ت) that news reports of what lies ahead.
_FUTURE_STEMS = (
    *("رفع", "صادق", "قرر", "صدر", "طلق", "وقع", "نعقد", "دخل", "تخذ", "قدم", "نتهي", "حتفل", "طرح"),
    *("رتفع", "تسلم", "عرض", "خفض", "حسم", "نظر", "صوت", "وافق", "عتمد", "طبق", "سلم", "توج", "حتضن"),
)
# Verbs and phrases announcing that a bare weekday lies ahead, not behind.
_FUTURE_CUE_RE = re.compile(
    r"(?<!\w)(?<!كان\sمن\s)(?<!كانت\sمن\s)(?:[وف]?(?:سوف|المقرر|المزمع|المرتقب|المنتظر|يعتزم|تعتزم|يرتقب|يترقب|يتوقع\s+ان|"
    r"(?:ال)?متوقع\s+ان|(?:ال)?توقعات\s+ب?ان|"
    r"سيعقد|ستعقد|ستنطلق|سينطلق|سيلتقي|ستلتقي|سيبدا|ستبدا|سيصل|ستصل|سيزور|ستزور|سيتوجه|ستتوجه|"
    r"ستجري|سيجري|ستقام|سيقام|سيشارك|ستشارك|سيلقي|سيعلن|ستعلن|ستستانف|سيستانف|سيتم|ستتم|سيكون|ستكون|"
    r"سيعاود|ستعاود|سيعود|ستعود|سيخوض|ستخوض|سيواجه|ستواجه|سيلعب|ستلعب|سيستضيف|ستستضيف|سيغادر|ستغادر|"
    r"سيفتتح|ستفتتح|سيدشن|ستدشن|سيبحث|ستبحث|سيناقش|ستناقش|سيصوت|سيحضر|ستحضر|سينظم|ستنظم|سيشهد|ستشهد|"
    r"سيجتمع|ستجتمع|سيستقبل|ستستقبل|سيختتم|ستختتم|سيفتح|ستفتح|"
    + "|".join("س" + person + stem for stem in _FUTURE_STEMS for person in "يت")
    # "قد يصادق عليه الوزراء الجمعة": may, ahead
    + r"|قد\s+ي[^\W\d_]{2,}))(?!\w)"
)
# A verb of a schedule in the present, two words at most before the weekday (its subject, a time
# of day): what is planned, ahead.
_SCHEDULED_RE = re.compile(
    r"(?<!\w)[وف]?[يت](?:غادر|صل|زور|لتقي|عقد|قام|نطلق|بدا|ختتم|ستكمل|ستانف|لعب|واجه|ستضيف|فتتح|دشن"
    r"|توجه|خوض|جتمع|ستقبل)(?:\s+\S+){0,2}\s*$"
)
_PAST_VERB_RE = re.compile(r"(?<!\w)[وف]?كان(?:ت|وا)?(?!\w)")
# A comma opens a new clause: "سيتم في ديسمبر، وذلك في بيان صدر الاثنين" is a past Monday.
_SENTENCE_BREAK_RE = re.compile(r"[.!?؟؛،,\n]")

_DAY_MONTH_RE = re.compile(
    _PREFIX + rf"(?P<span>{_TIME_OF_DAY}?{_WEEKDAY_LEAD}?"
    rf"(?:(?P<mod>{_MODIFIER})\s+(?:من\s+)?|(?:يوم\s+)?(?:{_DAY}\s*(?:من\s+|/\s*)?|{_ORDINAL_DAY}\s+|(?P<awwal>اول)\s+))?"
    rf"(?:(?P<shahr>شهر)\s+)?(?P<month>{_MONTH}){_END}"
    rf"(?:(?:\s*[/(\-]\s*|\s+)(?P<month2>{_MONTH}){_END}(?:\s*\))?)?"
    rf"(?:{_YEAR_TAIL}|{_YEAR_REL_TAIL}|\s+(?P<rel>{_REL_MASCULINE}|{_REL_TWO_MONTHS}))?){_END}"
)
# The first of two months joined by و or a range ("مايو ويونيو الماضيين", "من شباط إلى حزيران
# من عام 2012"): the year is written after the second.
_FIRST_OF_TWO_MONTHS_RE = re.compile(
    _PREFIX + rf"(?P<span>(?:(?P<mod>{_MODIFIER})\s+)?(?:شهري?\s+)?(?P<month>{_MONTH}){_END}"
    rf"(?:(?:\s*[/(\-]\s*|\s+)(?P<month2>{_MONTH}){_END}(?:\s*\))?)?)"
    rf"(?=\s*(?:و|(?:الي|حتي)\s+|[-–]\s*)(?:{_MODIFIER}\s+)?(?:شهر\s+)?(?P<second>{_MONTH}){_END}"
    rf"(?:(?:\s*[/(\-]\s*|\s+){_MONTH}{_END}(?:\s*\))?)?"
    rf"(?:\s+(?P<rel>{_REL_TWO_MONTHS}|{_REL_MASCULINE})|\s*[،,]?\s+(?:من\s+)?(?:{_YEAR_WORD}\s*)?(?P<year>\d{{4}})(?!\d)))"
)
# The first day of a range in one month ("من 6 إلى 15 أغسطس", "بين 22 و30 آب/أغسطس المقبل",
# "يومي 6 و7 أغسطس"): the month and year are written after the second day.
_FIRST_DAY_OF_RANGE_RE = re.compile(
    rf"(?<!\w)(?:من|بين|يومي)\s+(?P<span>(?P<day>\d{{1,2}}))(?!\d)"
    rf"(?=\s*(?:و\s*|(?:الي|حتي)\s+|[-–]\s*)(?P<second>\d{{1,2}}\s+(?:من\s+)?(?:شهر\s+)?{_MONTH}{_END}))"
)
_HIJRI_RE = re.compile(
    _PREFIX + rf"(?P<span>{_TIME_OF_DAY}?{_WEEKDAY_LEAD}?"
    rf"(?:(?P<mod>{_MODIFIER})\s+|(?:يوم\s+)?(?:{_DAY}\s*(?:من\s+|/\s*)?|{_ORDINAL_DAY}\s+|(?P<awwal>اول|غره)\s+))?"
    rf"(?:شهر\s+)?(?P<month>{_HIJRI_MONTH}){_END}"
    rf"(?:(?:\s+|\s*/\s*)(?:من\s+)?(?:{_YEAR_WORD}\s+)?(?P<year>\d{{4}})(?!\d)(?:\s?{_HIJRI_ERA}{_END})?"
    rf"|(?:\s+(?:المبارك|الكريم|المعظم|الفضيل))?\s+(?P<rel>{_REL_MASCULINE}))?){_END}"
)
_DAY_OF_MONTH_RE = re.compile(
    _PREFIX + rf"(?P<span>{_TIME_OF_DAY}?{_WEEKDAY_LEAD}?(?:يوم\s+)?(?:{_DAY}\s*(?:من\s+)?|{_ORDINAL_DAY}\s+)"
    rf"(?:(?:الشهر|هذا\s+الشهر)(?:\s+(?P<rel>{_REL}))?|(?P<rel_alone>{_REL_MASCULINE}))){_END}"
)
_PERIOD_RE = re.compile(
    _PREFIX + rf"(?P<span>(?:(?P<mod>{_MODIFIER})\s+)?"
    rf"(?:(?P<unit>الشهر|العام|السنه|للعام|للسنه)\s+(?:(?P<rel>{_REL})|(?P<before_last>قبل\s+الماضيه?))"
    rf"|(?P<this>هذا|هذه)\s+(?P<this_unit>الشهر|العام|السنه)"
    rf"|(?<=\s)(?P<bare_unit>الشهر|العام|السنه)(?=\s*(?:[.،,؛]|$)|\s+(?:و|ف)?[^\sا]))){_END}"
)
_YEAR_RE = re.compile(
    _PREFIX + rf"(?P<span>(?:(?P<mod>{_MODIFIER})\s+(?:{_YEAR_WORD}\s+)?|(?P<cue>{_YEAR_WORD}|عامي|سنتي)\s*)?"
    rf"(?P<year>\d{{4}})(?!\d)(?:\s?(?:(?P<greg>{_GREGORIAN_ERA})|(?P<hijri>{_HIJRI_ERA})){_END})?)"
    rf"(?!\d|[/.]\d|-\d(?!\d{{3}}(?!\d)))"  # not 2015-08-05, but the 1982 of "(1982-1984)"
)
# Saudi outlets space the slashes of Hijri dates freely ("26 /11 /1436ه", "20 /10 / 1436 هـ").
_NUMERIC_RE = re.compile(
    rf"(?<![\d/.\-–])(?P<span>(?:(?<!\w){_TIME_OF_DAY}?{_WEEKDAY_LEAD})?"
    r"(?:(?P<d>\d{1,2})\s*(?P<sep>[/.\-–])\s*(?P<m>\d{1,2})\s*(?P<sep2>[/.\-–])\s*(?P<y>\d{4})"
    r"|(?P<iy>\d{4})\s*(?P<isep>[/\-–])\s*(?P<im>\d{1,2})\s*(?P<isep2>[/\-–])\s*(?P<id>\d{1,2}))(?!\d)"
    rf"(?:\s?(?:(?P<greg>م)|(?P<hijri>{_HIJRI_ERA})){_END})?)(?![/.\-–]?\d)"
)
# The days of an Eid: "أول أيام عيد الفطر", "ثالث أيام العيد", "اليوم الثاني من أيام عيد
# الأضحى", "صباح يوم العيد", "ليلة العيد" (its eve); not the feast's name alone ("إجازة عيد الفطر").
_EID_NTH = {"اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "سادس": 6, "سابع": 7}
_EID_RE = re.compile(
    _PREFIX + rf"(?P<span>(?:(?P<nth>{_alternation(_EID_NTH)})\s+ايام\s+"
    rf"|اليوم\s+ال(?P<nth_def>{_alternation(_EID_NTH)})\s+(?:من\s+(?:ايام\s+)?|(?=ل))"
    r"|(?P<eve>ليله)\s+(?:يوم\s+)?|(?:(?:صباح|مساء|ظهر|عصر)\s+)?يوم\s+|(?:صباح|مساء)\s+)"
    # not "يوم عيد ميلاده" (a birthday) or "العيد الوطني" (a national day)
    r"(?:(?:ال|لل|ل)?عيد\s+(?P<feast>الفطر|الاضحي)|(?:ال|لل)عيد(?!\s+ال(?!مبارك|سعيد)))"
    rf"){_END}"
)
# "غد" alone is also "the future" ("من أجل غد أفضل") and "الغد" a newspaper's or party's name:
# tomorrow only before its weekday ("غد الاثنين") or after a time of day ("صباح الغد").
_WEEKDAY_RE = re.compile(
    _PREFIX + rf"(?P<span>(?P<tod>{_TIME_OF_DAY})?(?:"
    rf"(?P<lead_rel>{_RELATIVE_DAY}|غد(?=\s*\(|\s+(?:يوم\s+)?(?:{_WEEKDAY}){_END}))"
    rf"(?:\s*\(\s*(?:يوم\s+)?(?P<wd_paren>{_WEEKDAY})\s*\)"
    rf"|\s+(?:يوم\s+)?(?P<wd_after>{_WEEKDAY}))"
    # "يوم (الاثنين)"; "ليل الأحد الاثنين" (the night between) is one expression, dated by its eve;
    # the feminine الماضية/المقبلة agrees with الجمعة, which is grammatically feminine.
    rf"|(?:يوم\s*)?(?P<open>\(\s*)?(?P<wd>{_WEEKDAY})(?(open)\s*\)){_END}"
    rf"(?:(?:\s*[-/]\s*|\s+(?:علي\s+|الي\s+)?)(?:{_WEEKDAY}){_END})?"
    # "الأربعاء بعد المقبل": the one a week after the next
    rf"(?:\s+(?P<after_next>بعد\s+(?:المقبل|القادم)ه?{_END})|\s+(?P<before_last>قبل\s+الماضيه?{_END})"
    rf"|\s+(?P<rel>{_REL}))?"
    rf"(?:\s*\(\s*(?P<trail_rel>{_RELATIVE_DAY})\s*\))?"
    rf"|(?:يوم\s+)?(?P<rel_day>{_RELATIVE_DAY})"
    rf"|(?(tod)(?P<tod_rel>(?:ال)?غد)|(?!))){_END})"
)
# "قبل يومين", "منذ ثلاثة أسابيع", "قبل 17 عاما": a count of days, weeks, months or years back
# from the reference. Not before من/على/عن, which count from another event ("قبل يومين من
# الانتخابات", "منذ عامين على الحرب"); a single unit only before a clause's end ("قبل عام،"), for
# "منذ عام 2011" and "قبل شهر رمضان" name a year and a month.
_COUNT_WORDS: dict[str, int] = {
    **dict.fromkeys(("ثلاث", "ثلاثه"), 3),
    **dict.fromkeys(("اربع", "اربعه"), 4),
    **dict.fromkeys(("خمس", "خمسه"), 5),
    **dict.fromkeys(("ست", "سته"), 6),
    **dict.fromkeys(("سبع", "سبعه"), 7),
    **dict.fromkeys(("ثمان", "ثماني", "ثمانيه"), 8),
    **dict.fromkeys(("تسع", "تسعه"), 9),
    **dict.fromkeys(("عشر", "عشره"), 10),
    # tens, nominative or not: "قبل ثلاثين عاما", "منذ عشرين سنة"
    **{
        f"{ten}{ending}": n * 10
        for n, ten in enumerate(("عشر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"), 2)
        for ending in ("ين", "ون")
    },
}
_AGO_UNITS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("يوم", "ايام", "يوما"), ("day", 1)),
    **dict.fromkeys(("اسبوع", "اسابيع", "اسبوعا"), ("day", 7)),
    **dict.fromkeys(("شهر", "اشهر", "شهور", "شهرا"), ("month", 1)),
    **dict.fromkeys(("عام", "اعوام", "عاما", "سنه", "سنوات", "سنين"), ("year", 1)),
}
_AGO_DUALS: dict[str, str] = {
    "يومين": "يوم",
    "اسبوعين": "اسبوع",
    "شهرين": "شهر",
    "عامين": "عام",
    "سنتين": "سنه",
}
# "ولن تصل قبل 6 أشهر": not before a time to come.
_NOT_BEFORE_RE = re.compile(r"(?<!\w)[وف]?(?:لن|لا)\s+\w+\s+$")
_AGO_RE = re.compile(
    _PREFIX
    + r"(?P<span>(?:قبل|منذ)\s+(?:(?:نحو|حوالي|قرابه|زهاء)\s+)?"  # "قبل نحو 14 يوما": about
    + rf"(?:(?P<count>\d{{1,3}}|{_alternation(_COUNT_WORDS)})\s+"
    rf"(?P<unit>{_alternation(_AGO_UNITS)})|(?P<dual>{_alternation(_AGO_DUALS)})"
    rf"|(?P<single>اسبوع|شهر|عام|سنه)(?:\s+واحده?{_END}|(?=\s*(?:[.،,؛)]|$)|\s+(?:تقريبا|فقط){_END})))){_END}"
    r"(?!\s+(?:(?:فقط|تقريبا)\s+)?(?:من|علي|عن)(?!\w)(?!\s+الان(?!\w)))"
)
# "اليوم" is also "the day" ("اليوم التالي", "اليوم الوطني") and part of outlet names.
_NOT_TODAY_AFTER_RE = re.compile(
    r"\s+(?:التالي|السابق|اللاحق|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|"
    r"الاخير|المفتوح|الموعود|المحدد|الواحد|الكامل|الذي|نفسه|ذاته|من\s+الشهر"
    # an adjective of "the day" ("اليوم الدراسي", "اليوم الوطني"); not "اليوم النادي" (the club)
    r"|ال\w{2,}(?<!ناد)(?<!قاض)(?<!حال)(?<!محام)ي)(?!\w)"
)
_NOT_TODAY_BEFORE_RE = re.compile(
    r"(?<!\w)(?:ذلك|تلك|نفس|هذا|روسيا|المصري|فلسطين|[لب]?عين|طوال|طيله|نهايه|بدايه|[لب]?جريده|[لب]?صحيفه|[وبل]?دار)\s+$"
    # "جيل اليوم", "عالم اليوم" (today's), "كما نراه اليوم", "أصبحت اليوم": nowadays, no day
    r"|(?<!\w)[وف]?(?:عالم|شباب|جيل|اجيال|انسان|مجتمع|اطفال|واقع|زمن|فتاه|شاب|طفل|نساء|امراه|"
    r"ثقافه|لغه|صحافه|اعلام|سياسه|ادب|فن|شعر|عرب|رجال|شعوب|"
    r"نراه|نرى|نراها|نعيش|نعيشه|يعيشه|اصبح|اصبحت|صار|صارت|بات|باتت)\s+$"
    # "برميل في اليوم", "ثلاث مرات في اليوم": a rate per day.
    r"|(?<!\w)(?:برميل|براميل|مره|مرات|ساعه|ساعات|وجبه|وجبات|رحله|رحلات|زائر|حاله|حالات|لتر|طن|"
    r"اطنان|كيلو|ميغاواط|ميجاواط|متر|دولار|ريال)\s+في\s+$"
)
# "لامس المؤشر", "ولامس سعر النفط" (touched): a word after it, not "for yesterday".
_TOUCHED_RE = re.compile(r"\s+(?!الاول)[^\W\d_]")
# "في الأمس القريب" (lately), "بأمس الحاجة" (in dire need): no yesterday.
_NOT_YESTERDAY_AFTER_RE = re.compile(r"\s+(?:القريب|البعيد|الحاجه)(?!\w)")
# "وعلمت (اليوم) أن", "وقال مصدر لـ(اليوم)": the newspaper al-Yaum, written in brackets.
_PAPER_TOLD_RE = re.compile(r"(?:(?<!\w)لـ?|(?<!\w)[وف]?علمت|صحيفه|جريده)\s*$")
_OPENING_MARKS = frozenset('«"“')
_CLOSING_MARKS = frozenset('»"”')
# A count of things then "في اليوم" is a rate too ("أربعين سيجارة في اليوم", "250 حوتا في اليوم").
_RATE_BEFORE_RE = re.compile(
    r"(?:\d|(?<!\w)(?:ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر|مئه|مائه|الف|الاف|مليون|ملايين|مليار|بليون|بلايين)\w*)"
    r"\s+(?:\S+\s+){0,4}في\s+$"  # ("2.5 بليون قدم مكعبة قياسية في اليوم")
)
# "غدا" is also the verb "became" ("ومن ثم غدا الأمر ..."), which follows these particles.
_NOT_TOMORROW_BEFORE_RE = re.compile(r"(?<!\w)[وف]?(?:ثم|كما|قد|لقد|بعدما|بل)\s+$")
# "خلال صلاة الجمعة", "خطبة الجمعة": the prayer, not a day (its date is told apart).
_PRAYER_BEFORE_RE = re.compile(
    r"(?<!\w)[وفبل]?(?:صلاه|صلاتي|خطبه|خطبتي|خطيب|امام|مسجد|مساجد|جامع|جوامع|صلي|الجماعه\s+و)\s*$"
)
# "النصف الأول من سبتمبر", "الأسبوع الثاني من أكتوبر": a part of the month, no day of it.
_PART_OF_MONTH_RE = re.compile(r"(?<!\w)(?:ال)?(?:نصف|ربع|ثلث|اسبوع|عشر|عشره)\s+$")
# "الاثنين" is also "the two", "الأحد عشر" "the eleven".
# ... and "أيام الأحد", "منابر الجمعة", "يوم الجمعة من كل أسبوع" are every such day, none in particular.
# ... and "سوق الثلاثاء" is a market's name (the day it is held).
_NOT_WEEKDAY_BEFORE_RE = re.compile(
    r"(?<!\w)(?:بين|كلا|كلتا|هذين|هاذين|[وبل]?ايام|[وبل]?منابر|[وبل]?سوق|[وبل]?اسواق)\s+$"
)
_NOT_WEEKDAY_AFTER_RE = re.compile(r"\s+(?:عشر|معا|منهما|منهم|من\s+كل\s+اسبوع|اسبوعيا)(?!\w)")


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic.


def _iso_day(day: date) -> str:
    return day.isoformat()


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _nearest_day(month: int, day: int, reference: date) -> date | None:
    """The date with this month and day closest to the reference, in the year before, of, or after."""
    candidates = [
        date(y, month, day)
        for y in (reference.year - 1, reference.year, reference.year + 1)
        if _valid_day(y, month, day)
    ]
    return min(candidates, key=lambda d: abs(d - reference), default=None)


def _day_with_shift(month: int, day: int, shift: int | None, reference: date) -> date | None:
    """Resolve a yearless day: -1 the latest not after the reference, +1 the first after, 0 this year."""
    if shift is None:
        return _nearest_day(month, day, reference)
    if shift == 0:
        return date(reference.year, month, day) if _valid_day(reference.year, month, day) else None
    years = (
        range(reference.year, reference.year - 5, -1)
        if shift < 0
        else range(reference.year, reference.year + 5)
    )
    for year in years:
        if _valid_day(year, month, day):
            candidate = date(year, month, day)
            if (shift < 0 and candidate <= reference) or (shift > 0 and candidate > reference):
                return candidate
    return None


def _month_year_with_shift(month: int, shift: int | None, reference: date) -> int:
    """The year of a yearless month: past or current by default, strictly before/after if marked."""
    if shift == 0:
        return reference.year
    if shift is not None and shift > 0:
        return reference.year if month > reference.month else reference.year + 1
    if shift is not None and shift < 0:
        return reference.year if month < reference.month else reference.year - 1
    return reference.year if month <= reference.month else reference.year - 1


def _weekday_back(weekday: int, reference: date, strictly: bool) -> date:
    days = (reference.weekday() - weekday) % 7
    return reference - timedelta(days=days or (7 if strictly else 0))


def _weekday_ahead(weekday: int, reference: date, strictly: bool) -> date:
    days = (weekday - reference.weekday()) % 7
    return reference + timedelta(days=days or (7 if strictly else 0))


def _hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """hijridate covers 1343-1500 AH; a day past the month's length is no date."""
    if not (1343 <= year <= 1500 and 1 <= month <= 12 and 1 <= day <= 30):
        return None
    if day > Hijri(year, month, 1).month_length():
        return None
    return Hijri(year, month, day).to_gregorian()


def _hijri_year_in_gregorian(year: int) -> int | None:
    """A Hijri year straddles two Gregorian years; its middle names the one it mostly covers."""
    middle = _hijri_to_gregorian(year, 6, 15)
    return middle.year if middle else None


# ---------------------------------------------------------------------------------------------
# Looking around a match.


def _word_before(key: str, start: int) -> str:
    """The folded word just before `start`, with an attached و/ف dropped ("وفي" -> "في")."""
    found = _LAST_WORD_RE.search(key, max(0, start - 24), start)
    if not found:
        return ""
    word = found.group(1)
    return word[1:] if len(word) > 2 and word[0] in "وف" and word[1:] in _CUES else word


def _futures_before(key: str, start: int) -> bool:
    """Whether the month at `start` is a futures contract's: right after its delivery ("برنت
    للتسليم في سبتمبر", "عقد أغسطس"), or "لشهر" after its contracts ("عقود الخام الأمريكي لشهر
    أغسطس"; not "لعقود الخام المسجل في مارس": the month of a record)."""
    words = key[max(0, start - 80) : start].split()[-6:]
    month_word = False
    while words and words[-1] in ("في", "شهر", "لشهر", "ل"):
        month_word = month_word or words.pop() != "في"
    if not words:
        return False
    return words[-1] in _DELIVERY or (month_word and not _DELIVERY.isdisjoint(words[-4:]))


def _has_cue_before(key: str, start: int) -> bool:
    # "الربع الأول من 2015", "النصف الثاني 2014", "السنة المالية 2016"; not "أكثر من 2015 مشاركا"
    if _PART_OF_YEAR_RE.search(key, max(0, start - 30), start) is not None:
        return True
    return _word_before(key, start) in _CUES


def _clause_before(key: str, start: int) -> str:
    """The words of the clause before `start`, up to 120 characters back."""
    window = key[max(0, start - 120) : start]
    breaks = list(_SENTENCE_BREAK_RE.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _clause_after(key: str, end: int) -> str:
    """The words of the clause after `end`, up to 30 characters on ("في ديسمبر سينطلق السباق")."""
    window = key[end : end + 30]
    stop = _SENTENCE_BREAK_RE.search(window)
    return window[: stop.start()] if stop else window


def _future_cue_before(key: str, start: int) -> bool:
    """A future verb or phrase earlier in the same sentence, or a verb of a schedule in the present
    right before ("ويغادر مساء الأحد", "ويستكمل البرنامج يوم الأربعاء")."""
    clause = _clause_before(key, start)
    if _FUTURE_CUE_RE.search(clause) is not None:
        return True
    # (not "وكان من المقرر أن يصل الوفد يوم السبت": the plan was for a day gone)
    return _SCHEDULED_RE.search(clause) is not None and _PAST_VERB_RE.search(clause) is None


def _past_before(key: str, start: int) -> bool:
    """Whether the month at `start` follows منذ or a كان earlier in its clause ("منذ سبتمبر",
    "وكان من المقرر أن ينطلق في مايو")."""
    return _word_before(key, start) == "منذ" or _PAST_VERB_RE.search(_clause_before(key, start)) is not None


# ---------------------------------------------------------------------------------------------
# One resolver per rule: (match, folded key, reference) -> (value, granularity) or None.

Resolved = tuple[str, Granularity] | None


def _shift_of(word: str | None) -> int | None:
    return None if word is None else _SHIFTS[word.split()[0]]


def _resolve_day_month(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    month = MONTHS[" ".join(match["month"].split())]
    if match["month2"] and MONTHS[" ".join(match["month2"].split())] != month:
        return None  # a range ("مايو - يونيو"), not one month in two systems
    if match["era"] and re.fullmatch(_HIJRI_ERA, match["era"]):
        return None
    day = _day_of(match)
    if (
        match["month"] == "اب"
        and day is None
        and not (match["month2"] or match["year"] or match["rel"] or match["year_rel"] or match["year_this"])
    ):
        return None  # fold() merges آب (August) with the Yemeni city إب ("في تعز وفي إب")
    if (
        (day, month) == (11, 9)
        and not match["year"]
        and _SEPTEMBER_11_RE.search(key, max(0, match.start("span") - 20), match.start("span"))
    ):
        return "2001-09-11", "day"  # "هجمات 11 سبتمبر", "أحداث الحادي عشر من سبتمبر": the attacks
    year = _year_of(match, month, day, reference)
    if year is None:
        return None
    if day is None:
        return _iso_month(year, month), "month"
    if not _valid_day(year, month, day):
        return None
    return _iso_day(date(year, month, day)), "day"


def _day_of(match: re.Match[str]) -> int | None:
    if match["day"]:
        return int(match["day"])
    if match.groupdict().get("awwal"):  # the day-of-month rule has no "أول" form
        return 1
    ordinal = match.start("ordinal")
    if match["ordinal"] and not _PART_OF_MONTH_RE.search(match.string, max(0, ordinal - 12), ordinal):
        return _ORDINAL_DAYS[" ".join(match["ordinal"].split())]
    return None


def _year_of(match: re.Match[str], month: int, day: int | None, reference: date | None) -> int | None:
    """The year of a Gregorian day/month match: written, relative, or inferred from the reference."""
    if match["year"]:
        return int(match["year"])
    if reference is None:
        return None
    if match["year_rel"] or match["year_this"]:
        return reference.year + (_shift_of(match["year_rel"]) or 0)
    if match["year_same"]:
        start = match.start("span")
        earlier = _EARLIER_YEAR_RE.findall(match.string, max(0, start - 300), start)
        if earlier:
            return int(earlier[-1])
    shift = _shift_of(match["rel"])
    if day is not None:
        resolved = _day_with_shift(month, day, shift, reference)
        months_back = resolved is not None and (reference - resolved).days > 31
        if months_back and shift is None and _future_cue_before(match.string, match.start("span")):
            resolved = _day_with_shift(month, day, 1, reference)  # "سيجتمع يوم 26 فبراير" in July
        return resolved.year if resolved else None
    needs_cue = shift is None and not match["mod"] and not match["shahr"]
    # match.string is the folded key every rule runs on.
    if shift is None and not match["mod"] and _futures_before(match.string, match.start("span")):
        # A futures contract's delivery month ("برنت للتسليم في سبتمبر", "عقود الخام الأمريكي
        # لشهر أغسطس") is this one or one ahead.
        return reference.year if month >= reference.month else reference.year + 1
    if (
        needs_cue
        and not _has_cue_before(match.string, match.start("span"))
        and not _MONTH_COMPARED_RE.search(match.string, max(0, match.start("span") - 24), match.start("span"))
    ):
        return None
    # "سيعقد المؤتمر في نوفمبر": the next November, if within half a year ("سيتم تسديد شهر مايو"
    # in August is May's pay)
    if (
        shift is None
        and (month - reference.month) % 12 <= 6
        and (
            _future_cue_before(match.string, match.start("span"))
            or _FUTURE_CUE_RE.search(_clause_after(match.string, match.end("span")))
        )
    ):
        shift = 0 if month == reference.month else 1
    if (
        shift is None
        and (
            (month - reference.month) % 12 in (1, 2)
            or _word_before(match.string, match.start("span")) == "بحلول"
        )
        and not _past_before(match.string, match.start("span"))
    ):
        # "بحلول سبتمبر", "ويبدأ بيعه في سبتمبر" in August: the coming one, not one 11 months back;
        # "بحلول ديسمبر" (by December) in July too
        shift = 1
    return _month_year_with_shift(month, shift, reference)


def _resolve_eid(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    """A day of the Eid named (الفطر: 1 Shawwal; الأضحى: 10 Dhu al-Hijjah), or of the Eid
    nearest the reference when "العيد" names none, in the Hijri year nearest the reference."""
    if reference is None:
        return None
    feasts = {"الفطر": (10, 1), "الاضحي": (12, 10)}
    named = [feasts[match["feast"]]] if match["feast"] else list(feasts.values())
    first_days = [
        first
        for month, day in named
        if (first := _hijri_to_gregorian(_nearest_hijri_year(month, day, reference), month, day))
    ]
    if not first_days:
        return None
    first = min(first_days, key=lambda day: abs(day - reference))
    nth = _EID_NTH.get(match["nth"] or match["nth_def"] or "", 1)
    return _iso_day(first + timedelta(days=nth - 1 - bool(match["eve"]))), "day"


def _resolve_first_of_two_months(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    """The first month of a pair, in the year of the second (the year before, when it comes later
    in the year: "من نوفمبر إلى فبراير 2015")."""
    month, second = MONTHS[" ".join(match["month"].split())], MONTHS[" ".join(match["second"].split())]
    if match["month2"] and MONTHS[" ".join(match["month2"].split())] != month:
        return None
    if match["year"]:
        year = int(match["year"])
    elif reference is not None:
        year = _month_year_with_shift(second, _shift_of(match["rel"]), reference)
    else:
        return None
    return _iso_month(year - (month > second), month), "month"


def _resolve_first_day_of_range(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    """The first day of a range, in the month and year its second day resolves to."""
    second = _DAY_MONTH_RE.match(key, match.start("second"))
    resolved = _resolve_day_month(second, key, reference) if second is not None else None
    if resolved is None or resolved[1] != "day":
        return None
    year, month, _ = map(int, resolved[0].split("-"))
    day = int(match["day"])
    return (_iso_day(date(year, month, day)), "day") if _valid_day(year, month, day) else None


def _resolve_hijri(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    month = HIJRI_MONTHS[" ".join(match["month"].split())]
    day = _day_of(match)
    if not match["year"] and _YEAR_IN_WORDS_RE.match(key, match.end("span")):
        return None  # "السابع من شوال في السنة الثالثة من الهجرة": history, its year in words
    if match["year"]:
        year = int(match["year"])
    elif day is not None and reference is not None and match["month"] != "صفر":  # صفر is also "zero"
        year = _nearest_hijri_year(month, day, reference, _shift_of(match["rel"]))
    elif day is None and reference is not None and match["rel"]:
        # "رمضان الماضي", "ذي القعدة المقبل"
        year = _hijri_year_of_month(month, reference, _shift_of(match["rel"]))
    elif day is None and reference is not None and _a_time_of_month(match, key):
        # "وشهد شهر رمضان", "عشناها في رمضان": the nearest (before its start, "قبل بدء شهر
        # رمضان" names the coming one; a season said of every year gets it too)
        year = _hijri_year_of_month(month, reference, None)
    else:
        return None  # "رمضان" alone is also a name ("رجب طيب أردوغان", "محمد رمضان")
    if day is None:
        # "نهاية شوال 1436هـ" is the Gregorian month of its last days, not of its middle
        part = _hijri_to_gregorian(year, month, _HIJRI_PART_DAYS.get(match["mod"] or "", 15))
        return (_iso_month(part.year, part.month), "month") if part else None
    gregorian = _hijri_to_gregorian(year, month, day)
    return (_iso_day(gregorian), "day") if gregorian else None


_YEAR_IN_WORDS_RE = re.compile(
    r"\s*[،,]?\s*(?:في|من)\s+(?:ال)?(?:عام|سنه)\s+(?:\S+\s+){1,3}?(?:من\s+ال|لل)هجره"
)


def _a_time_of_month(match: re.Match[str], key: str) -> bool:
    """Whether a Hijri month without day or year is a time, not a name: written after شهر or a
    preposition of time (في رمضان, خلال رمضان, الأيام العشرة الأولى من رمضان), not after the
    words of its coming that news uses of every year ("ترتفع الأسعار قبل بدء شهر رمضان")."""
    span = match.start("span")
    before = key[max(0, span - 12) : span]
    if _MONTH_COMING_RE.search(before):
        return False
    return key.startswith("شهر", span) or bool(_TIME_PREPOSITION_RE.search(before))


_TIME_PREPOSITION_RE = re.compile(r"(?<!\S)(?:في|من|خلال|طوال|طيله|منذ)\s+$")
_MONTH_COMING_RE = re.compile(r"(?<!\S)(?:بدء|بدايه|حلول|قدوم|دخول|اقتراب|استقبال)\s+$")


# The day of a Hijri month its modifier points at ("مطلع رمضان": its first days).
_HIJRI_PART_DAYS = {
    **dict.fromkeys(("مطلع", "بدايه", "اوايل", "مستهل"), 3),
    **dict.fromkeys(("نهايه", "اواخر", "اخر"), 27),
}


def _hijri_year_of_month(month: int, reference: date, shift: int | None) -> int:
    """The Hijri year of the month named: the last one over by the reference for "الماضي", the next
    one to begin after it for "المقبل", the one under way or next for "الجاري", else the nearest."""
    this_year = Gregorian(reference.year, reference.month, reference.day).to_hijri().year
    starts: dict[int, date] = {}
    for year in (this_year - 1, this_year, this_year + 1):
        start = _hijri_to_gregorian(year, month, 1)
        if start is not None:
            starts[year] = start
    month_length = timedelta(days=29)
    if shift is not None and shift < 0:
        return max((y for y, d in starts.items() if d + month_length < reference), default=this_year - 1)
    if shift is not None and shift > 0:
        return min((y for y, d in starts.items() if d > reference), default=this_year + 1)
    if shift == 0:  # (a reference days late still names the month just over: "رمضان الحالي")
        late = month_length + timedelta(days=10)
        return min((y for y, d in starts.items() if d + late >= reference), default=this_year)
    return min(starts, key=lambda y: abs(starts[y] + month_length / 2 - reference), default=this_year)


def _nearest_hijri_year(month: int, day: int, reference: date, shift: int | None = None) -> int:
    """The Hijri year whose day is nearest the reference; with "المقبل" / "الماضي" ("10 رمضان
    المقبل"), the nearest after / before it."""
    this_year = Gregorian(reference.year, reference.month, reference.day).to_hijri().year
    years = [y for y in (this_year - 1, this_year, this_year + 1) if _hijri_to_gregorian(y, month, day)]
    if shift:
        sides = [y for y in years if (_hijri_to_gregorian(y, month, day) > reference) == (shift > 0)]  # type: ignore[operator]
        years = sides or years
    return min(
        years,
        key=lambda y: abs(_hijri_to_gregorian(y, month, day) - reference),  # type: ignore[operator]
        default=this_year,
    )


def _resolve_day_of_month(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    if reference is None:
        return None
    year, month = _shift_month(
        reference.year, reference.month, _shift_of(match["rel"] or match["rel_alone"]) or 0
    )
    day = _day_of(match) or 0
    return (_iso_day(date(year, month, day)), "day") if _valid_day(year, month, day) else None


def _resolve_period(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    if reference is None:
        return None
    if match["bare_unit"] and not match["mod"]:
        return None  # "العام" alone is "the public/general", not "this year"
    unit = match["unit"] or match["this_unit"] or match["bare_unit"]
    shift = -2 if match["before_last"] else _shift_of(match["rel"]) or 0  # "العام قبل الماضي"
    if unit == "الشهر":
        return _iso_month(*_shift_month(reference.year, reference.month, shift)), "month"
    return f"{reference.year + shift:04d}", "year"


def _resolve_year(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    year = int(match["year"])
    if _SOLAR_HIJRI_RE.match(key, match.end("span")):
        return None
    # The first year of a range takes the era written after the second ("(1914 - 1945 م)").
    pair = None if match["greg"] or match["hijri"] else _YEAR_PAIR_ERA_AFTER_RE.match(key, match.end("span"))
    hijri = bool(match["hijri"] or (pair and pair["hijri"]))
    if not hijri and not match["greg"] and not (pair and pair["greg"]) and (match["mod"] or match["cue"]):
        # Saudi and Gulf outlets write Hijri years without an era ("صدر بمرسوم عام 1430"); a
        # Gregorian year from 1343 (where hijridate starts) to a decade past the present Hijri
        # year is rare in news, a Hijri one common.
        hijri = 1343 <= year <= _hijri_ceiling(reference)
    if hijri:
        gregorian = _hijri_year_in_gregorian(year)
        return (f"{gregorian:04d}", "year") if gregorian else None
    if (
        match["greg"] == "م"
        and not (match["mod"] or match["cue"])
        and _MEASURE_BEFORE_RE.search(key, max(0, match.start("span") - 24), match.start("span"))
    ):
        return None  # "وترتفع عن سطح البحر (1900م)": metres
    after = key[match.end("span") : match.end("span") + 16]
    unit = _UNIT_RE.match(after.lstrip(")] "))
    if unit and pair and not match["greg"]:
        return None  # "بين (1200 - 1900) ريال": a range of prices
    if match["greg"] or match["mod"] or match["cue"] or pair:
        return (f"{year:04d}", "year") if 1000 <= year <= 2199 else None
    if not 1900 <= year <= 2099 or unit:
        return None
    if _has_cue_before(key, match.start("span")) or _follows_another_year(key, match):
        return f"{year:04d}", "year"
    return None


def _hijri_ceiling(reference: date | None) -> int:
    """The last Hijri year an era-less year in Hijri range is read as: the present one plus ten."""
    if reference is None:
        return 1450
    return Gregorian(reference.year, reference.month, reference.day).to_hijri().year + 10


def _follows_another_year(key: str, match: re.Match[str]) -> bool:
    """ "عامي 2019 و2020", "بين 2015 و2020", "من 2015 إلى 2020": the second year of a pair."""
    before = key[max(0, match.start("span") - 12) : match.start("span")]
    if _YEAR_PAIR_BEFORE_RE.search(before) is not None:
        return True
    after = _YEAR_PAIR_AFTER_RE.match(key, match.end("span"))
    if after is None:
        return False
    return _word_before(key, match.start("span")) in {"من", "بين"} or _dash_range(after, int(match["year"]))


def _dash_range(after: re.Match[str], year: int) -> bool:
    """ "(1982-1984)", "انتخابات 2009 - 2010": a later year within a century after a dash."""
    later = int(after.group()[-4:])
    return after.group().lstrip()[:1] in "-–" and year < later <= year + 100


def _resolve_numeric(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    # Both separators alike, hyphen and en dash counting as one ("4 – 9 - 1436هـ").
    seps = {
        (match["sep"] or match["isep"]).replace("–", "-"),
        (match["sep2"] or match["isep2"]).replace("–", "-"),
    }
    if len(seps) > 1:
        return None
    if match["sep"] == "." and re.search(r"\s", key[match.start("d") : match.end("y")]):
        return None  # "في 5. 6. 2015" is a list or sentence ends, not a date
    if match["y"]:
        year, first, second = int(match["y"]), int(match["d"]), int(match["m"])
        # Arab usage is day/month/year; a first number above 12 can only be the day, a second
        # above 12 means a month/day/year source.
        day, month = (second, first) if second > 12 >= first else (first, second)
    else:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    if match["hijri"] or 1343 <= year <= 1500:
        gregorian = _hijri_to_gregorian(year, month, day)
        return (_iso_day(gregorian), "day") if gregorian else None
    if not 1800 <= year <= 2199 or not _valid_day(year, month, day):
        return None
    return _iso_day(date(year, month, day)), "day"


def _resolve_weekday(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    if reference is None:
        return None
    relative = match["lead_rel"] or match["trail_rel"] or match["rel_day"] or match["tod_rel"]
    if relative is not None:
        if match["rel_day"] and _is_not_today(key, match):
            return None
        day = reference + timedelta(days=_RELATIVE_DAYS.get(" ".join(relative.split()), 1))  # غد
        named = match["wd_paren"] or match["wd_after"] or (match["wd"] if match["trail_rel"] else None)
        back = (day.weekday() - WEEKDAYS[named]) % 7 if named is not None else 0
        if 0 < back <= 5:
            # "اليوم السبت" in a piece stamped Sunday: it was written before its timestamp (a
            # fetch or print date lags, archives by days), and the weekday the writer named is the
            # fact.
            day -= timedelta(days=back)
        elif back == 6:
            # "صباح اليوم الاثنين" stamped late on Sunday: a UTC timestamp past Riyadh's midnight,
            # or a print edition dated the next day
            day += timedelta(days=1)
        return _iso_day(day), "day"
    if _is_not_weekday(key, match):
        return None
    weekday = WEEKDAYS[match["wd"]]
    shift = _shift_of(match["rel"])
    if shift is not None and shift < 0:
        return _iso_day(_weekday_back(weekday, reference, strictly=True)), "day"
    if match["after_next"]:
        return _iso_day(_weekday_ahead(weekday, reference, strictly=True) + timedelta(days=7)), "day"
    if match["before_last"]:
        return _iso_day(_weekday_back(weekday, reference, strictly=True) - timedelta(days=7)), "day"
    if shift is not None and shift > 0:
        return _iso_day(_weekday_ahead(weekday, reference, strictly=True)), "day"
    if _future_cue_before(key, match.start("span")):
        return _iso_day(_weekday_ahead(weekday, reference, strictly=False)), "day"
    return _iso_day(_weekday_back(weekday, reference, strictly=False)), "day"


def _resolve_ago(match: re.Match[str], key: str, reference: date | None) -> Resolved:
    if reference is None or _NOT_BEFORE_RE.search(key, max(0, match.start("span") - 24), match.start("span")):
        return None
    if match["dual"]:
        count, unit = 2, _AGO_DUALS[match["dual"]]
    elif match["single"]:
        count, unit = 1, match["single"]
    else:
        count = int(match["count"]) if match["count"].isdigit() else _COUNT_WORDS[match["count"]]
        unit = match["unit"]
    granularity, size = _AGO_UNITS[unit]
    if count == 0:
        return None
    if granularity == "day":
        return _iso_day(reference - timedelta(days=count * size)), "day"
    if granularity == "month":
        return _iso_month(*_shift_month(reference.year, reference.month, -count)), "month"
    return f"{reference.year - count:04d}", "year"


def _is_not_today(key: str, match: re.Match[str]) -> bool:
    """A bare "اليوم" that means "the day", or a bare "غدا" that means "became"."""
    before = key[max(0, match.start("span") - 12) : match.start("span")]
    if match["rel_day"] == "غدا":
        return _NOT_TOMORROW_BEFORE_RE.search(before) is not None
    if match["rel_day"] and match["rel_day"].endswith("امس"):
        if key[match.start("span") - 1 : match.start("span")] == "ل" and _TOUCHED_RE.match(
            key, match.end("span")
        ):
            return True  # "ولامس المؤشر هذا المستوى": touched, no yesterday
        return _NOT_YESTERDAY_AFTER_RE.match(key, match.end("span")) is not None
    if match["rel_day"] != "اليوم":
        return False
    if match.start("span") > 0 and key[match.start("span") - 1] == "ب":
        return True  # "باليوم" is "per day" ("مليون برميل باليوم")
    if (
        key[match.start("span") - 1 : match.start("span")] in _OPENING_MARKS
        and key[match.end("span") : match.end("span") + 1] in _CLOSING_MARKS
    ):
        return True  # "قال لـ«اليوم»": the newspaper
    if (
        key[match.start("span") - 1 : match.start("span")] == "("
        and key[match.end("span") : match.end("span") + 1] == ")"
    ):
        return (
            _PAPER_TOLD_RE.search(key, max(0, match.start("span") - 12), match.start("span") - 1) is not None
        )
    return bool(
        _NOT_TODAY_AFTER_RE.match(key, match.end("span"))
        or _NOT_TODAY_BEFORE_RE.search(before)
        or _RATE_BEFORE_RE.search(key, max(0, match.start("span") - 60), match.start("span"))
    )


def _is_not_weekday(key: str, match: re.Match[str]) -> bool:
    before = key[max(0, match.start("span") - 12) : match.start("span")]
    prayer = match["rel"] is None and _PRAYER_BEFORE_RE.search(before) is not None
    return bool(
        prayer or _NOT_WEEKDAY_AFTER_RE.match(key, match.end("span")) or _NOT_WEEKDAY_BEFORE_RE.search(before)
    )


Resolver = Callable[[re.Match[str], str, date | None], Resolved]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A rule's full pattern runs only in windows around its trigger, a word every match holds.

    Triggers start with a literal or a character class, so the regex engine skips to them in C;
    scanning all of a long article with seven word-start patterns would cost several times more.
    """

    trigger: re.Pattern[str]
    pattern: re.Pattern[str]
    resolve: Resolver


_RULES: tuple[_Rule, ...] = (
    _Rule(re.compile(r"[0-9] ?[/.\-–]\s*[0-9]"), _NUMERIC_RE, _resolve_numeric),
    _Rule(re.compile(_alternation(MONTHS)), _FIRST_OF_TWO_MONTHS_RE, _resolve_first_of_two_months),
    _Rule(re.compile(_alternation(MONTHS)), _DAY_MONTH_RE, _resolve_day_month),
    _Rule(re.compile(r"(?:من|بين|يومي)\s+[0-9]"), _FIRST_DAY_OF_RANGE_RE, _resolve_first_day_of_range),
    _Rule(re.compile(_alternation(HIJRI_MONTHS)), _HIJRI_RE, _resolve_hijri),
    _Rule(
        re.compile(rf"(?:[0-9]\s*|\s)(?:من\s+)?(?:هذا\s+)?(?:الشهر|{_REL_MASCULINE})"),
        _DAY_OF_MONTH_RE,
        _resolve_day_of_month,
    ),
    _Rule(
        re.compile(_alternation([*WEEKDAYS, "امس", "اليوم", "غد", "البارحه", "الليله"])),
        _WEEKDAY_RE,
        _resolve_weekday,
    ),
    _Rule(
        re.compile(_alternation(["الشهر", "العام", "السنه", "لشهر", "لعام", "لسنه"])),
        _PERIOD_RE,
        _resolve_period,
    ),
    _Rule(re.compile(r"[0-9]{4}"), _YEAR_RE, _resolve_year),
    _Rule(re.compile(r"عيد"), _EID_RE, _resolve_eid),
    _Rule(re.compile(r"قبل|منذ"), _AGO_RE, _resolve_ago),
)
# How far a match reaches around its trigger, with room to spare ("صباح يوم الخميس الموافق 14
# من شهر" before a month name; a second month name and "من عام 2020م" after it).
_REACH_BEFORE = 60
_REACH_AFTER = 50


# ---------------------------------------------------------------------------------------------
# Putting it together.


class _OffsetMap:
    """Maps an offset in the key back to the text: fold() drops harakat, tatweel, joiners,
    direction marks and the hamza after ي (شيء، الطوارىء)."""

    def __init__(self, text: str) -> None:
        self.key, self._where = fold_with_offsets(text)  # the key: fold(text)
        self._length = len(text)

    def __call__(self, key_offset: int) -> int:
        """Dropped characters at the offset count as before it: "غداً" keeps its tanween."""
        return self._where[key_offset] if key_offset < len(self._where) else self._length


Candidate = tuple[int, int, str, Granularity]


def _windows(trigger: re.Pattern[str], key: str) -> Iterator[tuple[int, int]]:
    """Merged stretches of the key around each trigger, cut at whitespace so word edges hold."""
    lo = hi = -1
    for found in trigger.finditer(key):
        start = key.rfind(" ", 0, max(0, found.start() - _REACH_BEFORE)) + 1
        end = key.find(" ", found.end() + _REACH_AFTER)
        end = len(key) if end < 0 else end
        if start > hi:
            if hi >= 0:
                yield lo, hi
            lo = start
        hi = max(hi, end)
    if hi >= 0:
        yield lo, hi


def _candidates(key: str, reference: date | None) -> Iterator[Candidate]:
    for rule in _RULES:
        for lo, hi in _windows(rule.trigger, key):
            for match in rule.pattern.finditer(key, lo, hi):
                resolved = rule.resolve(match, key, reference)
                if resolved is not None:
                    yield match.start("span"), match.end("span"), *resolved


def _longest_first(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates ("14 مايو 2020" over "مايو 2020" over "2020")."""
    kept: list[Candidate] = []  # sorted by start, never overlapping
    for candidate in sorted(found, key=lambda c: (c[0] - c[1], c[0])):
        at = bisect.bisect_left(kept, candidate)
        clear_before = at == 0 or kept[at - 1][1] <= candidate[0]
        clear_after = at == len(kept) or candidate[1] <= kept[at][0]
        if clear_before and clear_after:
            kept.insert(at, candidate)
    return kept


# "مقارنة بالعام السابق", "عن الشهر السابق": the one before the year or month just named.
_PREVIOUS_RE = re.compile(r"(?:العام|السنه|الشهر)\s+(?:السابق|السابقه)$")
_FULL_STOP_RE = re.compile(r"[.!?؟\n]")


def _from_the_one_named(found: list[Candidate], key: str) -> list[Candidate]:
    """`found` with "العام السابق" and "الشهر السابق" counted back from the year or month its
    sentence named before them ("خلال عام 2012 ... عن العام السابق" is 2011), not from the
    reference."""
    resolved = list(found)
    for i, (start, end, _, granularity) in enumerate(found):
        if granularity not in ("year", "month") or not _PREVIOUS_RE.search(key, start, end):
            continue
        named = next((c for c in reversed(found[:i]) if c[3] == granularity), None)
        if named is None or _FULL_STOP_RE.search(key, named[1], start):
            continue  # (none named in its sentence)
        if granularity == "year":
            value = str(int(named[2]) - 1)
        else:
            year, month = _shift_month(int(named[2][:4]), int(named[2][5:7]), -1)
            value = _iso_month(year, month)
        resolved[i] = (start, end, value, granularity)
    return resolved


_TODAY_OR_YESTERDAY_RE = re.compile("اليوم|امس")


def _writing_day(key: str, reference: date) -> date:
    """The day the text was written: `reference`, or up to five days before it when the first
    "اليوم (الخميس)" or "أمس الأربعاء" names an earlier weekday (a fetch or print date lags the
    writing, `_resolve_weekday`), so that every أمس and غدا of the text counts from that day."""
    # (only around اليوم and أمس: scanning the whole text with the weekday pattern is slow)
    for lo, hi in _windows(_TODAY_OR_YESTERDAY_RE, key):
        for match in _WEEKDAY_RE.finditer(key, lo, hi):
            named = match["wd_paren"] or match["wd_after"]
            if match["lead_rel"] and named and not match["lead_rel"].startswith("غد"):
                day = reference + timedelta(days=_RELATIVE_DAYS.get(" ".join(match["lead_rel"].split()), 0))
                back = (day.weekday() - WEEKDAYS[named]) % 7
                return reference - timedelta(days=back) if 0 < back <= 5 else reference
    return reference


def find_dates(text: str, reference_at: datetime | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `reference_at` (relative ones need it).

    >>> [(d.text, d.value, d.granularity) for d in find_dates("في ١٤ مايو ٢٠٢٠", None)]
    [('١٤ مايو ٢٠٢٠', '2020-05-14', 'day')]
    """
    to_text = _OffsetMap(text)
    key = to_text.key
    reference = _writing_day(key, reference_at.date()) if reference_at else None
    mentions = []
    for start, end, value, granularity in _from_the_one_named(
        _longest_first(list(_candidates(key, reference))), key
    ):
        text_start, text_end = to_text(start), to_text(end)
        mentions.append(DateMention(text_start, text_end, text[text_start:text_end], value, granularity))
    return mentions


class DateStage:
    """Fills `Article.dates` from the cleaned text, resolved against the publication date."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "published_at", "fetched_at"})
    provides: ClassVar[frozenset[str]] = frozenset({"dates"})

    @classmethod
    def from_settings(cls, settings: Any = None) -> DateStage:
        """The stage has no options yet; `settings` is accepted for a uniform constructor."""
        return cls()

    def __call__(self, article: Article) -> Article:
        return dataclasses.replace(article, dates=tuple(find_dates(article.text, article.reference_at)))
