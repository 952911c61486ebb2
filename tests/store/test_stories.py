"""The story side of the SQLite store on a real database: listing orders, a story's detail, and
analyst merges and splits that later runs keep."""

from __future__ import annotations

from datetime import datetime

import pytest

from marsad.errors import UsageError
from marsad.model import Article, Claim, Story
from marsad.store.sqlite import SQLiteStore
from tests.conftest import make_article

ROWS = [
    # (id, story, outlet, published, title)
    ("a1", "s-bomb", "الرياض", datetime(2015, 8, 6, 10), "تفجير انتحاري في مسجد قوات الطوارئ بعسير"),
    ("a2", "s-bomb", "عكاظ", datetime(2015, 8, 6, 12), "استشهاد 13 في تفجير مسجد الطوارئ"),
    ("a3", "s-bomb", "اليوم", datetime(2015, 8, 7, 9), "إدانات عربية ودولية لتفجير عسير"),
    ("a4", "s-bonds", "الاقتصادية", datetime(2015, 8, 11, 8), "المالية تصدر سندات تنمية بقيمة 20 مليار ريال"),
    ("a5", "s-trial", "الجزيرة", datetime(2015, 8, 4, 8), "بدء محاكمة المتهمين بتفجير مسجد الصادق"),
    ("a6", "s-trial", "الوطن", datetime(2015, 8, 4, 9), "الكويت تبدأ محاكمة المتهمين بتفجير مسجد الصادق"),
]


def stored(store: SQLiteStore) -> SQLiteStore:
    for article_id, story, outlet, published, title in ROWS:
        article: Article = make_article(
            article_id,
            f"{title}. وقالت المصادر إن التفاصيل ستعلن لاحقا.",
            story=story,
            outlet=outlet,
            published_at=published,
            title=title,
        )
        store.save_article(article, fingerprint="f", content_key=article_id)
    store.save_story(
        Story(
            id="s-bomb",
            title="تفجير مسجد قوات الطوارئ في عسير",
            article_ids=("a1", "a2", "a3"),
            summary=("فجر انتحاري نفسه في مسجد قوات الطوارئ الخاصة بعسير.",),
            claims=(Claim("استشهاد 13 من رجال الأمن", ("الرياض", "عكاظ"), ("a1", "a2"), 2),),
            entities=(("LOC:عسير", "عسير", "LOC", 3),),
            duplicates=(("a2", "a1"),),
        )
    )
    store.commit()
    return store


@pytest.mark.parametrize(
    ("order", "first"), [("recent", "s-bonds"), ("largest", "s-bomb"), ("growing", "s-bonds")], ids=str
)
def test_list_stories_orders(fresh_store: SQLiteStore, order: str, first: str) -> None:
    found = stored(fresh_store).list_stories(order=order)  # type: ignore[arg-type]
    assert found[0].id == first
    assert {s.id for s in found} == {"s-bomb", "s-bonds", "s-trial"}


def test_list_stories_counts_and_dates(fresh_store: SQLiteStore) -> None:
    bomb = next(s for s in stored(fresh_store).list_stories() if s.id == "s-bomb")
    assert (bomb.articles, bomb.outlets) == (3, 3)
    assert bomb.first_at == datetime(2015, 8, 6, 10) and bomb.last_at == datetime(2015, 8, 7, 9)
    assert bomb.title == "تفجير مسجد قوات الطوارئ في عسير"


def test_list_stories_filters_by_period(fresh_store: SQLiteStore) -> None:
    found = stored(fresh_store).list_stories(since=datetime(2015, 8, 6), until=datetime(2015, 8, 8))
    assert {s.id for s in found} == {"s-bomb"}


def test_get_story(fresh_store: SQLiteStore) -> None:
    story = stored(fresh_store).get_story("s-bomb")
    assert story is not None
    assert [a.id for a in story.articles] == ["a1", "a2", "a3"]
    assert story.articles[1].duplicate_of == "a1"
    assert story.timeline == (("2015-08-06", 2), ("2015-08-07", 1))
    assert story.claims[0].outlets == ("الرياض", "عكاظ") and story.claims[0].independent == 2
    assert story.entities[0][1] == "عسير"
    assert fresh_store.get_story("s-none") is None


def test_get_story_without_computed_details_falls_back_to_an_article_title(fresh_store: SQLiteStore) -> None:
    story = stored(fresh_store).get_story("s-trial")
    assert story is not None and story.title == "بدء محاكمة المتهمين بتفجير مسجد الصادق"


def test_merge_moves_articles_and_pins_them(fresh_store: SQLiteStore) -> None:
    store = stored(fresh_store)
    store.merge_stories("s-bomb", "s-trial")
    merged = store.get_story("s-bomb")
    assert merged is not None and len(merged.articles) == 5
    assert store.get_story("s-trial") is None
    assert store.assigned_stories(["a5", "a6"]) == {"a5": "s-bomb", "a6": "s-bomb"}
    assert "s-bomb" in store.stale_stories()


def test_split_makes_a_new_story_and_pins_both_sides(fresh_store: SQLiteStore) -> None:
    store = stored(fresh_store)
    new_id = store.split_story("s-bomb", ["a3"])
    assert new_id.startswith("s") and new_id != "s-bomb"
    assert [a.id for a in store.get_story(new_id).articles] == ["a3"]  # type: ignore[union-attr]
    assert store.assigned_stories(["a1", "a3"]) == {"a1": "s-bomb", "a3": new_id}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.merge_stories("s-bomb", "s-none"), "no story 's-none'"),
        (lambda s: s.merge_stories("s-bomb", "s-bomb"), "into itself"),
        (lambda s: s.split_story("s-bomb", ["a4"]), "not in story s-bomb"),
        (lambda s: s.split_story("s-bomb", ["a1", "a2", "a3"]), "some but not all"),
        (lambda s: s.list_stories(order="oldest"), "unknown story order"),
    ],
    ids=["merge-unknown", "merge-self", "split-stranger", "split-all", "bad-order"],
)
def test_curation_errors_name_the_input(fresh_store: SQLiteStore, call: object, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        call(stored(fresh_store))  # type: ignore[operator]


def test_story_state_round_trip(fresh_store: SQLiteStore) -> None:
    fresh_store.save_story_state({"docs": b"12"})
    fresh_store.save_story_state({"docs": b"13", "df": b"\x00\x01"})
    assert fresh_store.load_story_state() == {"docs": b"13", "df": b"\x00\x01"}


def test_active_story_records_cover_recent_stories(fresh_store: SQLiteStore) -> None:
    records = stored(fresh_store).active_story_records(days=5)
    assert {r["story"] for r in records} == {"s-bonds", "s-bomb"}


def test_move_story_follows_the_clustering_without_pinning(fresh_store: SQLiteStore) -> None:
    store = stored(fresh_store)
    store.move_story("s-trial", "s-bomb")
    merged = store.get_story("s-bomb")
    assert merged is not None and {a.id for a in merged.articles} == {"a1", "a2", "a3", "a5", "a6"}
    assert store.get_story("s-trial") is None
    assert "s-bomb" in store.stale_stories()
    assert store.pinned_stories() == set()  # the clustering's own merge is not an analyst's


def test_pinned_stories_are_the_curated_ones(fresh_store: SQLiteStore) -> None:
    store = stored(fresh_store)
    new_id = store.split_story("s-bomb", ["a3"])
    assert store.pinned_stories() == {"s-bomb", new_id}
