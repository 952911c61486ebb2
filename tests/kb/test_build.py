"""Building the knowledge base: which spelling names a gazetteer entry."""

import gzip
import json
from pathlib import Path

from marsad.kb.build import Builder, Entry, display_commonest_names


def test_a_gazetteer_entry_is_named_by_the_spelling_the_news_writes_most(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl.gz"
    articles = [
        {"title": "أمطار في لندن", "text": "هطلت أمطار غزيرة على لندن ومدينة دمشق."},
        {"title": "", "text": "وصل الوفد إلى لندن قادما من دمشق، وقال مسؤول في لوندون إن الزيارة مهمة."},
    ]
    with gzip.open(news, "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    london = Entry("kb:london", "لأندأن", "LOC", "London", "geonames", ["لندن", "لوندون"])
    damascus = Entry("kb:damascus", "د مشق", "LOC", "Damascus", "geonames", ["دمشق"])
    mecca = Entry("kb:mecca", "مكة المكرمة", "LOC", "Mecca", "curated+geonames", ["مكة"])
    display_commonest_names([london, damascus, mecca], news)
    assert (london.name, london.variants) == ("لندن", ["لأندأن", "لوندون"])
    assert damascus.name == "دمشق"
    assert mecca.name == "مكة المكرمة"  # chosen by hand


def test_a_name_an_earlier_source_gave_one_entity_is_not_merged_into_another() -> None:
    builder = Builder()
    builder.add(Entry("kb:aljazeera", "الجزيرة", "ORG", "Al Jazeera", "curated", []))
    builder.add(Entry("kb:algeria", "الجزائر", "LOC", "Algeria", "iso-codes/cldr", []))
    builder.add(Entry("kb:algiers", "الجزائر", "LOC", "Algiers", "geonames", ["الجزيره", "مدينة الجزائر"]))
    assert builder.entries["kb:algeria"].variants == ["مدينة الجزائر"]
    assert set(builder.entries) == {"kb:aljazeera", "kb:algeria"}
