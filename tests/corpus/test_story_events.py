"""A story's dated events: the days its articles date, relative dates resolved, in order."""

from __future__ import annotations

from datetime import datetime

import pytest

from marsad.corpus import summaries
from marsad.corpus.summaries import story_events
from marsad.model import Article, DateMention
from tests.conftest import make_article

AT = datetime(2024, 5, 13, 19, 30)


def dated(article_id: str, outlet: str, text: str, *days: tuple[str, str]) -> Article:
    mentions = tuple(
        DateMention(text.index(words), text.index(words) + len(words), words, day, "day")
        for words, day in days
    )
    return make_article(article_id, text, outlet=outlet, published_at=AT, dates=mentions)


ARTICLES = [
    dated(
        "a",
        "واس",
        "أعلن مكتب المبعوث الأممي اليوم أن الوفدين سيلتقيان في جنيف بعد غد الأربعاء.",
        ("اليوم", "2024-05-13"),
        ("بعد غد الأربعاء", "2024-05-15"),
    ),
    dated(
        "b",
        "الرياض",
        "انطلقت في جنيف صباح اليوم الأربعاء المفاوضات المباشرة بين الوفدين برعاية أممية.",
        ("صباح اليوم الأربعاء", "2024-05-15"),
    ),
    dated(
        "c",
        "عكاظ",
        "وقع الوفدان في جنيف اليوم الأحد اتفاق وقف إطلاق النار بعد مفاوضات دامت أياما.",
        ("اليوم الأحد", "2024-05-19"),
    ),
]


def test_dated_events_are_the_days_the_articles_date_in_order() -> None:
    events = story_events(ARTICLES)
    assert [e.day for e in events] == ["2024-05-13", "2024-05-15", "2024-05-19"]
    assert events[1].outlets == ("الرياض", "واس") and events[1].article_ids == ("a", "b")
    assert "وقع الوفدان" in events[2].text


def test_only_the_days_most_outlets_date_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summaries, "EVENTS", 1)
    assert [e.day for e in story_events(ARTICLES)] == ["2024-05-15"]
