"""Quotes stored with their article and found again by speaker, topic and date."""

from __future__ import annotations

from datetime import datetime

from marsad.model import Article, Entity, Mention, Quote
from marsad.store.sqlite import SQLiteStore
from tests.conftest import make_article

TEXT = (
    "أكد وزير الخارجية عادل الجبير أن المملكة تدعم الحل السياسي في اليمن. "
    "وقال مصدر أمني إن الحوثيين انسحبوا من عدن."
)


def _article(article_id: str, published: datetime, *, speaker: str | None = "Q1") -> Article:
    first = TEXT.index("المملكة")
    second = TEXT.index("الحوثيين")
    quotes = (
        Quote(
            first,
            TEXT.index("."),
            TEXT[first : TEXT.index(".")],
            speaker,
            "عادل الجبير",
            "أكد",
            False,
            about=("Q2",),
        ),
        Quote(
            second, len(TEXT) - 1, TEXT[second:-1], None, "مصدر أمني", "قال", False, via="Q3", about=("Q4",)
        ),
    )
    return make_article(
        article_id,
        TEXT,
        outlet="الرياض",
        published_at=published,
        mentions=(Mention(18, 29, "عادل الجبير", "PER", speaker),),
        entities={"Q1": Entity("Q1", "عادل الجبير", "PER")} if speaker else {},
        quotes=quotes,
    )


def _save(store: SQLiteStore, article: Article) -> None:
    store.save_article(article, fingerprint="f", content_key=str(id(article)))
    store.commit()


def test_quotes_by_speaker_and_about_entity_newest_first(fresh_store: SQLiteStore) -> None:
    _save(fresh_store, _article("a1", datetime(2015, 8, 1)))
    _save(fresh_store, _article("a2", datetime(2015, 8, 3)))
    by = fresh_store.list_quotes(by="Q1")
    assert [(h.article_id, h.speaker_name, h.cue, h.direct) for h in by] == [
        ("a2", "عادل الجبير", "أكد", False),
        ("a1", "عادل الجبير", "أكد", False),
    ]
    assert by[0].about == ("Q2",) and by[0].outlet == "الرياض" and by[0].published == "2015-08-03"
    about = fresh_store.list_quotes(about="Q4")
    assert [(h.speaker, h.speaker_name, h.via) for h in about] == [(None, "مصدر أمني", "Q3")] * 2


def test_date_filters_limit_and_offset(fresh_store: SQLiteStore) -> None:
    for day in (1, 2, 3):
        _save(fresh_store, _article(f"a{day}", datetime(2015, 8, day)))
    since = fresh_store.list_quotes(by="Q1", since=datetime(2015, 8, 2), until=datetime(2015, 8, 2))
    assert [h.article_id for h in since] == ["a2"]
    paged = fresh_store.list_quotes(limit=2, offset=1)
    assert [(h.article_id, h.cue) for h in paged] == [("a3", "قال"), ("a2", "أكد")]


def test_names_match_folded_speaker_and_text_without_entities(fresh_store: SQLiteStore) -> None:
    _save(fresh_store, _article("a1", datetime(2015, 8, 1), speaker=None))
    assert [h.cue for h in fresh_store.list_quotes(by_name="الجبير")] == ["أكد"]
    assert [h.cue for h in fresh_store.list_quotes(by_name="مصدر")] == ["قال"]
    assert [h.cue for h in fresh_store.list_quotes(about_name="الحوثيين")] == ["قال"]
    assert fresh_store.list_quotes(by_name="الحوثي") == []


def test_reanalysis_replaces_quotes_and_merges_remap_ids(fresh_store: SQLiteStore) -> None:
    _save(fresh_store, _article("a1", datetime(2015, 8, 1)))
    _save(fresh_store, _article("a1", datetime(2015, 8, 1)))
    assert len(fresh_store.list_quotes()) == 2
    fresh_store._remap_quote_entities("Q1", "Q10")
    fresh_store._remap_quote_entities("Q3", "Q30")
    fresh_store._remap_quote_entities("Q4", "Q40")
    assert fresh_store.list_quotes(by="Q1") == []
    assert [h.via for h in fresh_store.list_quotes(about="Q40")] == ["Q30"]
    assert [h.speaker for h in fresh_store.list_quotes(by="Q10")] == ["Q10"]


def test_quotes_round_trip_through_the_record(fresh_store: SQLiteStore) -> None:
    from marsad.records import article_from_stored

    article = _article("a1", datetime(2015, 8, 1))
    _save(fresh_store, article)
    record = fresh_store.get_article("a1")
    assert record is not None
    assert article_from_stored(record).quotes == article.quotes
