"""The analyze run as a library call: resume after an interruption, outlet furniture learned."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.analyze import analyze
from marsad.model import Article
from marsad.settings import Settings
from marsad.store.sqlite import SQLiteStore
from tests.conftest import FLOOD_TEXT, NATO_TEXT, make_article

ARTICLES = [
    make_article(f"a{i}", f"{NATO_TEXT}\nوأضاف أن الاجتماع رقم {i} سيعقد في بروكسل.") for i in range(6)
]


def test_an_interrupted_run_resumes_without_duplicates(fresh_store: SQLiteStore) -> None:
    written: list[str] = []

    def stop_after_three(record: dict[str, Any]) -> None:
        written.append(record["id"])
        if len(written) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        analyze(ARTICLES, fresh_store, Settings(chunk_size=4), sink=stop_after_three)
    assert fresh_store.count_articles() == 3
    summary = analyze(ARTICLES, fresh_store, Settings(chunk_size=4))
    assert (summary.processed, summary.unchanged) == (3, 3)
    assert fresh_store.count_articles() == 6


def test_same_text_under_another_id_of_the_same_outlet_is_a_duplicate(fresh_store: SQLiteStore) -> None:
    items: list[Article] = [
        make_article("x1", FLOOD_TEXT, outlet="سبق"),
        make_article("x2", FLOOD_TEXT, outlet="سبق"),
        make_article("x3", FLOOD_TEXT, outlet="عكاظ"),  # agency copy republished elsewhere is kept
    ]
    summary = analyze(items, fresh_store, Settings())
    assert summary.processed == 2
    assert [s.reason for s in summary.skipped] == ["article x2 duplicates x1 of the same outlet"]
