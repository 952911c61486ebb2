"""The SQLite entity store on a real database: listings, timelines, co-occurrence, curation."""

from datetime import datetime

import pytest

from marsad.errors import UsageError
from marsad.model import Article, Entity, Mention, Quote
from marsad.store.sqlite import SQLiteStore
from tests.conftest import make_article


def _article(article_id: str, day: str, text: str, names: list[tuple[str, str, str]]) -> Article:
    mentions, entities, cursor = [], {}, 0
    for name, kind, entity_id in names:
        start = text.index(name, cursor)
        cursor = start + len(name)
        mentions.append(Mention(start, cursor, name, kind, entity_id))  # type: ignore[arg-type]
        entities.setdefault(entity_id, Entity(entity_id, name, kind, (name,), english=None))  # type: ignore[arg-type]
    quotes = (Quote(0, 10, text[:10], names[0][2], None, "قال", False),)
    return make_article(
        article_id, text, published_at=datetime.fromisoformat(day), mentions=tuple(mentions),
        entities=entities, quotes=quotes, outlet="okaz",
    )  # fmt: skip


@pytest.fixture
def store(fresh_store: SQLiteStore) -> SQLiteStore:
    articles = [
        _article("a1", "2015-07-21", "قال عادل الجبير إن المملكة ترحب. وأضاف الجبير أن اليمن أولوية.",
                 [("عادل الجبير", "PER", "kb:adel-al-jubeir"), ("الجبير", "PER", "kb:adel-al-jubeir"),
                  ("اليمن", "LOC", "kb:yemen")]),
        _article("a2", "2015-07-23", "قال الجبیر إن الحوثيين في اليمن يخسرون.",
                 [("الجبیر", "PER", "per:al-jbir"), ("الحوثيين", "ORG", "kb:houthis"),
                  ("اليمن", "LOC", "kb:yemen")]),
        _article("a3", "2015-07-23", "قال نايف البكري إن عدن محررة من الحوثيين.",
                 [("نايف البكري", "PER", "per:nayf-al-bkri"), ("الحوثيين", "ORG", "kb:houthis")]),
    ]  # fmt: skip
    for article in articles:
        fresh_store.save_article(article, fingerprint="f", content_key=article.id)
    fresh_store.commit()
    return fresh_store


def test_listing_counts_mentions_and_filters(store: SQLiteStore) -> None:
    listed = store.list_entities()
    assert [(e.id, e.mentions, e.articles) for e in listed[:2]] == [
        ("kb:adel-al-jubeir", 2, 1),
        ("kb:houthis", 2, 2),
    ]
    assert [e.id for e in store.list_entities(query="البكري")] == ["per:nayf-al-bkri"]
    assert {e.id for e in store.list_entities(type="LOC")} == {"kb:yemen"}
    assert [e.id for e in store.list_entities(since=datetime(2015, 7, 22), type="LOC")] == ["kb:yemen"]
    assert store.list_entities(since=datetime(2015, 7, 22), query="عادل") == []


def test_detail_timeline_cooccurrence_and_articles(store: SQLiteStore) -> None:
    detail = store.get_entity("kb:houthis")
    assert detail is not None and detail.mentions == 2 and detail.articles == 2
    assert detail.variants == (("الحوثيين", 2),)
    assert detail.first_at == datetime(2015, 7, 23)
    assert store.get_entity("kb:nothing") is None
    assert store.entity_timeline("kb:yemen") == [("2015-07-21", 1), ("2015-07-23", 1)]
    together = store.cooccurring_entities("kb:houthis")
    assert together[0][0].id == "kb:yemen" or together[0][0].id == "per:al-jbir"
    assert {e.id for e, _ in together} == {"kb:yemen", "per:al-jbir", "per:nayf-al-bkri"}
    assert store.entity_article_ids("kb:yemen") == ["a2", "a1"]


def test_merge_rewrites_articles_quotes_and_is_recorded(store: SQLiteStore) -> None:
    store.merge_entities("kb:adel-al-jubeir", "per:al-jbir")
    assert store.get_entity("per:al-jbir") is None
    detail = store.get_entity("kb:adel-al-jubeir")
    assert detail is not None and detail.mentions == 3 and detail.articles == 2
    record = store.get_article("a2")
    assert record is not None
    assert record["mentions"][0]["entity"] == "kb:adel-al-jubeir"
    assert record["quotes"][0]["speaker"] == "kb:adel-al-jubeir"
    assert [(r.action, r.entity, r.value) for r in store.entity_rules()] == [
        ("merge", "per:al-jbir", "kb:adel-al-jubeir")
    ]
    assert store.search_articles("", entity="kb:adel-al-jubeir").total == 2


def test_split_and_alias(store: SQLiteStore) -> None:
    new_id = store.split_entity("kb:adel-al-jubeir", ["الجبير"])
    assert new_id.startswith("per:")
    assert store.entity_article_ids(new_id) == ["a1"]
    moved = store.get_entity("kb:adel-al-jubeir")
    assert moved is not None and moved.mentions == 1
    store.add_alias("kb:adel-al-jubeir", "الجبیر")
    assert store.entity_article_ids("kb:adel-al-jubeir") == ["a2", "a1"]
    assert [r.action for r in store.entity_rules()] == ["split", "alias"]
    with pytest.raises(UsageError, match="no entity"):
        store.merge_entities("kb:adel-al-jubeir", "per:missing")


def test_search_filters_by_entity_and_type(store: SQLiteStore) -> None:
    assert store.search_articles("قال", entity="kb:houthis").total == 2
    assert store.search_articles("قال", entity_type="PER").total == 3
    assert {h.id for h in store.search_articles("", entity="per:nayf-al-bkri").hits} == {"a3"}


def test_split_moves_the_quotes_attributed_by_a_moved_name(fresh_store: SQLiteStore) -> None:
    text = "قال سامي الجابر مدرب الهلال إن الفريق جاهز. وقال الجابر لاعب الشباب إنه سيعود قريبا."
    first, second = text.index("سامي الجابر"), text.index("الجابر لاعب")
    mentions = (
        Mention(first, first + 11, "سامي الجابر", "PER", "per:sami-al-jabir"),
        Mention(second, second + 6, "الجابر", "PER", "per:sami-al-jabir"),
    )
    quotes = (
        Quote(0, 43, text[:43], "per:sami-al-jabir", "سامي الجابر", "قال", False),
        Quote(45, len(text), text[45:], "per:sami-al-jabir", "الجابر", "قال", False),
    )
    entity = Entity("per:sami-al-jabir", "سامي الجابر", "PER", ("سامي الجابر", "الجابر"))
    article = make_article(
        "a1", text, published_at=datetime(2015, 8, 1), mentions=mentions,
        entities={entity.id: entity}, quotes=quotes,
    )  # fmt: skip
    fresh_store.save_article(article, fingerprint="f", content_key="a1")
    fresh_store.commit()
    new_id = fresh_store.split_entity("per:sami-al-jabir", ["الجابر"])
    assert [q.text for q in fresh_store.list_quotes(by=new_id)] == [text[45:]]
    assert [q.text for q in fresh_store.list_quotes(by="per:sami-al-jabir")] == [text[:43]]
    record = fresh_store.get_article("a1")
    assert record is not None
    assert [q["speaker"] for q in record["quotes"]] == ["per:sami-al-jabir", new_id]
