import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import StoreError, UsageError
from marsad.model import DateMention, Entity, Mention, Quote
from marsad.records import article_record
from marsad.store.sqlite import SQLiteStore
from tests.conftest import FLOOD_TEXT, NATO_TEXT, make_article

NATO = make_article(
    "nato-1",
    NATO_TEXT,
    title="ستولتنبرغ: الحلف لن يتخلى عن شركائه",
    outlet="وكالة الأنباء",
    published_at=datetime(2020, 5, 15, 8, 53),
    mentions=(Mention(48, 57, "ستولتنبرغ", "PER", "E1"),),
    entities={"E1": Entity("E1", "ينس ستولتنبرغ", "PER", ("ستولتنبرغ", "ستولتنبرج"))},
    dates=(DateMention(58, 67, "أمس الخميس", "2020-05-14", "day"),),
)
FLOOD = make_article(
    "flood-1",
    FLOOD_TEXT,
    title="ارتفاع حصيلة السيول",
    outlet="صحيفة الخليج",
    published_at=datetime(2020, 5, 16),
)


@pytest.fixture
def store(fresh_store: SQLiteStore) -> SQLiteStore:
    fresh_store.save_article(NATO, fingerprint="f1", content_key="k1")
    fresh_store.save_article(FLOOD, fingerprint="f2", content_key="k2")
    fresh_store.commit()
    return fresh_store


def test_stored_article_reads_back_as_the_output_record(store: SQLiteStore) -> None:
    assert store.get_article("nato-1") == article_record(NATO)
    assert [r["id"] for r in store.iter_records()] == ["nato-1", "flood-1"]


def test_saving_the_same_id_again_updates_and_never_duplicates(store: SQLiteStore) -> None:
    store.save_article(replace(NATO, title="عنوان محدث"), fingerprint="f1b", content_key="k1")
    store.commit()
    assert store.count_articles() == 2
    assert store.fingerprint_of("nato-1") == "f1b"
    assert store.search_articles("ستولتنبرغ").total == 1
    assert store.get_article("nato-1")["title"] == "عنوان محدث"  # type: ignore[index]


def test_duplicate_content_is_found_only_within_one_outlet(store: SQLiteStore) -> None:
    same_outlet = make_article("nato-2", NATO_TEXT, outlet="وكالة الأنباء")
    other_outlet = make_article("nato-3", NATO_TEXT, outlet="صحيفة الخليج")
    assert store.duplicate_of(same_outlet, "k1") == "nato-1"
    assert store.duplicate_of(other_outlet, "k1") is None
    assert store.duplicate_of(NATO, "k1") is None


@pytest.mark.parametrize(
    "query",
    [
        "الاطلسي",
        "الأطلسيّ",
        "الاطلسى",
        "بالأطلسي",
        "ستولتنبرغ",
        '"حلف شمال الأطلسي"',
        "ستولتنبرغ OR زلزال",
        "الحلف -السيول",
    ],
    ids=["no-hamza", "shadda", "alef-maqsura", "clitic", "name", "phrase", "or", "not"],
)
def test_search_folds_spelling_and_clitics(store: SQLiteStore, query: str) -> None:
    page = store.search_articles(query)
    assert [h.id for h in page.hits] == ["nato-1"]


def test_search_hit_marks_the_matching_words(store: SQLiteStore) -> None:
    [hit] = store.search_articles("الاطلسي").hits
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["الأطلسيّ"]
    assert hit.title == NATO.title and hit.published == "2020-05-15T08:53"


def test_search_filters_by_outlet_and_dates(store: SQLiteStore) -> None:
    assert store.search_articles("قال OR قالت", outlet="صحيفة الخليج").total == 1
    assert store.search_articles("قال OR قالت", since=datetime(2020, 5, 16)).total == 1
    assert store.search_articles("قال OR قالت", until=datetime(2020, 5, 15)).total == 1
    assert store.search_articles("قال OR قالت").total == 2


def test_an_undated_article_counts_when_it_was_fetched(fresh_store: SQLiteStore) -> None:
    # SaudiNewsNet's articles carry only when they were fetched: date filters, the newest-first
    # list, the date range and the entity's timeline place them there instead of dropping them.
    quote = Quote(0, 20, NATO_TEXT[:20], "E1", "ستولتنبرغ", "قال", False)
    fetched = replace(NATO, published_at=None, fetched_at=datetime(2015, 8, 6, 18, 12), quotes=(quote,))
    fresh_store.save_article(fetched, fingerprint="f1", content_key="k1")
    fresh_store.save_article(FLOOD, fingerprint="f2", content_key="k2")
    fresh_store.commit()
    assert (
        fresh_store.search_articles(
            "قال OR قالت", since=datetime(2015, 8, 6), until=datetime(2015, 8, 6)
        ).total
        == 1
    )
    assert fresh_store.search_articles("قال OR قالت", since=datetime(2020, 1, 1)).total == 1
    headers = fresh_store.list_articles()
    assert [(h.id, h.published, h.fetched_at) for h in headers] == [
        ("flood-1", "2020-05-16", None),
        ("nato-1", None, "2015-08-06T18:12:00"),  # lists show when it was fetched
    ]
    [hit] = fresh_store.search_articles("ستولتنبرغ").hits
    assert (hit.published, hit.fetched_at) == (None, "2015-08-06T18:12:00")
    [said] = fresh_store.list_quotes(since=datetime(2015, 8, 6), until=datetime(2015, 8, 6))
    assert (said.published, said.fetched_at) == (None, "2015-08-06T18:12:00")
    overview = fresh_store.overview()
    assert (overview.first_published, overview.last_published) == ("2015-08-06T18:12:00", "2020-05-16")
    assert fresh_store.entity_timeline("E1") == [("2015-08-06", 1)]


@pytest.mark.parametrize(
    "query",
    ["", "   ", "***", "()", "-", "OR"],
    ids=["empty", "blank", "stars", "parens", "dash", "or-alone"],
)
def test_queries_without_words_get_a_clear_message(store: SQLiteStore, query: str) -> None:
    with pytest.raises(UsageError, match="no words to search for"):
        store.search_articles(query)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("الناتوحلف \"«»“”'()*:^-+NEAROR{}[]~!@#$%&;")), max_size=30))
def test_any_query_returns_results_or_a_clear_message(store: SQLiteStore, query: str) -> None:
    try:
        page = store.search_articles(query)
    except UsageError as exc:
        assert "no words to search for" in exc.message
    else:
        assert len(page.hits) <= page.total


def test_an_older_database_loses_its_published_only_indexes(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    SQLiteStore(path).close()
    old = sqlite3.connect(path)
    old.execute("CREATE INDEX articles_published ON articles (published)")
    old.commit()
    old.close()
    store = SQLiteStore(path)
    names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    store.close()
    assert "articles_when" in names and "articles_published" not in names


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="cannot open as a marsad database"):
        SQLiteStore(str(path))
