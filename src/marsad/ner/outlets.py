"""Newspapers and news sites by the names Arabic news quotes them with: «عكاظ», «الرياض».

Saudi outlets name each other and themselves in quotation marks ("وقال لـ«عكاظ»", "علمت «سبق»");
their names are common words (الوطن, المدينة, اليوم, الاقتصادية) or places' (الرياض, مكة), so the
tagger leaves them untagged or takes them for places. A name of this list standing alone in
quotation marks is tagged ORG.
"""

from __future__ import annotations

from marsad.arabic.keys import fold

QUOTED_OUTLETS = frozenset(
    fold(name)
    for name in (
        *("عكاظ", "الوطن", "المدينة", "الرياض", "اليوم", "الجزيرة", "الاقتصادية", "الشرق الأوسط"),
        *("سبق", "الوئام", "الحياة", "مكة", "عاجل", "المواطن", "الشرق", "البلاد", "الندوة"),
        *("الخليج", "البيان", "الاتحاد", "القبس", "الراي", "الرأي", "الأنباء", "السياسة", "الأهرام"),
        *("الأخبار", "المصري اليوم", "الشروق", "النهار", "السفير", "المستقبل", "الغد", "الدستور"),
    )
)
#: Those also the names of towns: a paper only when told to or through ("لـ«الرياض»").
TOWN_OUTLETS = frozenset(fold(name) for name in ("الرياض", "مكة", "المدينة", "الخليج", "الشرق"))
#: Papers named as a place is: as organizations they are the paper, never the place.
PLACE_OUTLETS = TOWN_OUTLETS | {fold("الشرق الأوسط")}
