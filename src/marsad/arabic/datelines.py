"""Datelines: the short lines news pages print with a publication date, and the date in them.

Arab outlets print a dateline in many shapes: "الخميس، 02 مارس 2017 08:53 ص",
"نشر في 2015/07/21", "12:30 م - 3 أغسطس 2015", or the Saudi Press Agency's
"الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس" (Hijri date, "corresponding to", Gregorian
date, agency). This module finds the Gregorian date and time in such a line and tells a dateline
(a line that is little more than a date) from body prose that merely mentions a date. Month and
weekday names come from `marsad.arabic.calendar`.

>>> find_datetime("الخميس، 02 مارس 2017 08:53 م")
datetime.datetime(2017, 3, 2, 20, 53)
>>> is_dateline("نشر في 2015/07/21"), is_dateline("وقع الزلزال في 3 أغسطس 2015 وأودى بحياة المئات.")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from marsad.arabic.calendar import HIJRI_MONTHS, MONTHS, WEEKDAYS
from marsad.arabic.keys import fold

#: A report's opening byline: reporter, outlet and town between dashes ("بدر الجبل- سبق- تبوك:").
BYLINE_RE = re.compile(r"\s*[^\n:]{0,40}?[-–ـ]\s*(?P<outlet>[^\W\d_]+)\s*[-–ـ]\s*[^\n:]{0,30}?:")

_EN_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _names(keys: Iterable[str]) -> str:
    """An alternation of month names, longest first, whitespace-tolerant."""
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True))


_MONTH_NAMES = _names(list(MONTHS) + list(_EN_MONTHS))
_DATE_RES = (
    # 02 مارس 2017, 10 أغسطس 2015 م, 3 أيار/مايو 2015, 11 August 2015
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?P<m>{_MONTH_NAMES})(?:\s*/\s*(?:{_MONTH_NAMES}))?"
        rf"\s*[,،]?\s*(?P<y>(?:19|20)\d\d)(?!\d)"
    ),
    # August 11, 2015
    re.compile(rf"\b(?P<m>{_names(_EN_MONTHS)})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)(?!\d)"),
    # 2015/07/21, 2015-07-21
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/.-](?P<m>\d{1,2})[/.-](?P<d>\d{1,2})(?!\d)"),
    # 21/07/2015, 21-7-2015
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d\d)(?!\d)"),
)
# 08:53 ص (morning) / م (evening); "ت م" after SPA times is "توقيت مكة" (Mecca time), not p.m.
_TIME_RE = re.compile(
    r"(?<!\d)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?(?:\s*(?P<ap>ص|م(?!\S)|صباحا|مساء|am|pm)(?!\w))?"
)
_TIME_ONLY_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:ت\s*م|ص|م|am|pm|gmt|بتوقيت \S+)?$")
_HIJRI_RE = re.compile(rf"(?<!\d)\d{{1,2}}\s*(?:{_names(HIJRI_MONTHS)})\s*\d{{4}}\s*(?:ه|هـ)?|\d{{4}}\s*هـ?")
_FILLER = frozenset(
    fold(w)
    for w in (
        "نشر",
        "في",
        "بتاريخ",
        "تاريخ",
        "النشر",
        "آخر",
        "اخر",
        "تحديث",
        "التحديث",
        "الموافق",
        "هـ",
        "ه",
        "م",
        "ت",
        "ص",
        "الساعة",
        "الساعه",
        "منذ",
        "يوم",
        "gmt",
        "utc",
        "pm",
        "am",
        "published",
        "updated",
        "on",
        "at",
        "بتوقيت",
        "مكة",
        "غرينتش",
        "السعودية",
        "الرياض",
    )
)


def _to_datetime(match: re.Match[str], time: re.Match[str] | None) -> datetime | None:
    month_text = match.group("m")
    month = (
        int(month_text)
        if month_text.isdigit()
        else MONTHS.get(" ".join(month_text.split()), _EN_MONTHS.get(month_text, 0))
    )
    hour, minute = 0, 0
    if time is not None:
        hour, minute = int(time.group("h")), int(time.group("mi"))
        if time.group("ap") in ("م", "مساء", "pm") and hour < 12:
            hour += 12
        elif time.group("ap") in ("ص", "صباحا", "am") and hour == 12:
            hour = 0
    try:
        return datetime(int(match.group("y")), month, int(match.group("d")), hour, minute)
    except ValueError:  # 31 February, hour 25: not a date, so not a dateline
        return None


def find_datetime(line: str) -> datetime | None:
    """The first Gregorian date in `line` (with its time when one is printed), naive.

    >>> find_datetime("12:30 م - 3 أغسطس 2015")
    datetime.datetime(2015, 8, 3, 12, 30)
    >>> find_datetime("Tuesday, 11 August 2015 - 16:10 pm")
    datetime.datetime(2015, 8, 11, 16, 10)
    >>> find_datetime("بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس")
    datetime.datetime(2015, 8, 10, 0, 0)
    """
    folded = fold(line)
    for pattern in _DATE_RES:
        match = pattern.search(folded)
        if match:
            return _to_datetime(match, _TIME_RE.search(folded))
    return None


def is_time_only(line: str) -> bool:
    """A line that is just a clock time, as SPA ends its dispatches ("20:26 ت م").

    >>> is_time_only("20:26 ت م"), is_time_only("08:53 ص"), is_time_only("الساعة 8 مساء")
    (True, True, False)
    """
    return bool(_TIME_ONLY_RE.match(fold(line.strip())))


def is_dateline(line: str, *, max_other_words: int = 3) -> bool:
    """True when `line` carries a date and little else: at most `max_other_words` other words
    (a place, an agency) besides weekday, month, time and words like "نشر في" ("published on").

    >>> is_dateline("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس")
    True
    >>> is_dateline("الخميس، 02 مارس 2017 08:53 ص")
    True
    """
    if len(line) > 120 or line.rstrip().endswith((".", "؟", "!")):
        return False
    folded = fold(line)
    for pattern in _DATE_RES:
        match = pattern.search(folded)
        if match:
            rest = pattern.sub(" ", folded)
            break
    else:
        return False
    rest = _TIME_RE.sub(" ", _HIJRI_RE.sub(" ", rest))
    words = [w for w in re.split(r"[\W\d_]+", rest) if w]
    other = [w for w in words if w not in _FILLER and w not in WEEKDAYS and w not in _EN_WEEKDAYS]
    return len(other) <= max_other_words
