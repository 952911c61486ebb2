"""Arabic calendar names: Gregorian months in every regional naming system, Hijri months, weekdays.

Keys are `fold()`-ed (hamza seats, ى/ي, ة/ه and harakat folded), so look a word up with
`MONTHS[fold(word)]`. Arab outlets name the Gregorian months in several systems, often two at
once ("أيار/مايو"):

* transliterated (Egypt, Gulf, Sudan, Libya): يناير فبراير مارس أبريل مايو يونيو ...
* Syriac (Levant, Iraq): كانون الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين ...
* French-derived (Algeria, Tunisia): جانفي فيفري أفريل ماي جوان جويلية أوت
* Moroccan: يوليوز غشت شتنبر نونبر دجنبر

Multi-word names ("كانون الثاني", "ذو الحجة") are keys with one space; the dates stage
normalises runs of whitespace before looking them up.

>>> from marsad.arabic.keys import fold
>>> MONTHS[fold("أيّار")], MONTHS[fold("مايو")], MONTHS[fold("ماي")], MONTHS[fold("كانون الثاني")]
(5, 5, 5, 1)
>>> HIJRI_MONTHS[fold("ذي الحجة")], HIJRI_MONTHS[fold("جمادى الآخرة")]
(12, 6)
>>> WEEKDAYS[fold("الإثنين")], WEEKDAYS[fold("الأحد")]
(0, 6)
"""

from __future__ import annotations

from marsad.arabic.keys import fold


def _index(names_by_number: dict[int, tuple[str, ...]]) -> dict[str, int]:
    """Fold every spelling and map it to its number; a clash between numbers is a data bug."""
    index: dict[str, int] = {}
    for number, names in names_by_number.items():
        for name in names:
            key = fold(" ".join(name.split()))
            if index.get(key, number) != number:
                raise ValueError(f"calendar name {name!r} maps to both {index[key]} and {number}")
            index[key] = number
    return index


# Spellings as they appear in print; fold() collapses hamza/ى/ة variants, so only genuinely
# different letter sequences (يونيو/يونيه, أغسطس/أغسطوس, ديسمبر/دسمبر) need their own entry.
_GREGORIAN: dict[int, tuple[str, ...]] = {
    1: ("يناير", "ينايير", "كانون الثاني", "كانون ثاني", "جانفي", "جانفييه", "جانفيي"),
    2: ("فبراير", "فبرابر", "فيبراير", "فبرير", "شباط", "فيفري", "فبرايل"),
    3: ("مارس", "آذار", "أذار"),
    4: ("أبريل", "ابريل", "إبريل", "أبرايل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "مايوه", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "يونية", "يونيوه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "يولية", "يوليوز", "تموز", "جويلية", "جويليه"),
    8: ("أغسطس", "اغسطس", "أغسطوس", "أغشت", "غشت", "آب", "أوت", "اوت"),
    9: ("سبتمبر", "سيبتمبر", "سبتمر", "أيلول", "ايلول", "شتنبر"),
    10: ("أكتوبر", "اكتوبر", "أوكتوبر", "تشرين الأول", "تشرين أول", "تشرين الاول"),
    11: ("نوفمبر", "نوفيمبر", "نونبر", "تشرين الثاني", "تشرين ثاني"),
    12: ("ديسمبر", "دسمبر", "ديسيمبر", "دجنبر", "كانون الأول", "كانون أول"),
}

_HIJRI: dict[int, tuple[str, ...]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول", "ربيع الاول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع ثان", "ربيع الأخر", "ربيع آخر"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أولى", "جمادى الاولى"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى الأخرى", "جمادى آخرة"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
}

# Python's numbering (date.weekday()): Monday is 0, Sunday 6. Only the forms with the article:
# bare "أحد" means "one/someone" and "جمعة" is also a first name.
_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("الاثنين", "الإثنين", "الأثنين", "الاتنين"),
    1: ("الثلاثاء", "الثلاثا", "الثلثاء"),
    2: ("الأربعاء", "الاربعا", "الأربعا"),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد",),
}

#: fold()-ed Gregorian month name in any regional system -> month number 1..12.
MONTHS: dict[str, int] = _index(_GREGORIAN)
#: fold()-ed Hijri month name -> Hijri month number 1..12.
HIJRI_MONTHS: dict[str, int] = _index(_HIJRI)
#: fold()-ed weekday name (with the article ال) -> Python weekday, 0 = Monday .. 6 = Sunday.
WEEKDAYS: dict[str, int] = _index(_WEEKDAYS)
