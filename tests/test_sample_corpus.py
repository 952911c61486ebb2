"""The bundled demo corpus through the whole pipeline, as `make demo` runs it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from marsad.analyze import analyze
from marsad.ingest.files import read_inputs
from marsad.settings import Settings
from marsad.store.sqlite import SQLiteStore

SAMPLE = Path(__file__).parents[1] / "src" / "marsad" / "data" / "sample"


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    store = SQLiteStore(str(tmp_path_factory.mktemp("demo") / "demo.db"))
    out: dict[str, dict[str, Any]] = {}
    summary = analyze(
        read_inputs([str(SAMPLE)], Settings()), store, Settings(), sink=lambda r: out.update({r["id"]: r})
    )
    store.close()
    assert (summary.processed, len(summary.failed), len(summary.skipped)) == (31, 0, 0)
    return out


def test_every_article_has_title_date_and_clean_text(records: dict[str, dict[str, Any]]) -> None:
    for record in records.values():
        assert record["title"], record["source"]
        assert record["published"], record["source"]
        for furniture in ("اترك تعليقاً", "جميع الحقوق محفوظة", "اقرأ أيضا", "مشاركة\n", "طباعة\n"):
            assert furniture not in record["text"], (record["id"], furniture)


def test_spans_index_the_cleaned_text(records: dict[str, dict[str, Any]]) -> None:
    for record in records.values():
        for item in record["mentions"] + record["dates"]:
            assert record["text"][item["start"] : item["end"]] == item["text"]


def test_agency_relative_dates_and_names(records: dict[str, dict[str, Any]]) -> None:
    assert records["sample-007"]["agency"] == "رمنا"
    dates = {d["text"]: d["value"] for d in records["sample-009"]["dates"]}
    assert dates.get("أمس الخميس") == "2024-05-16"
    found = {m["text"] for r in records.values() for m in r["mentions"] if m["type"] == "PER"}
    assert {"فائز مرعي الدباغ", "عماد يوسف الرفاعي"} <= found


def test_standalone_pages_get_their_outlet(records: dict[str, dict[str, Any]]) -> None:
    outlets = {r["outlet"] for r in records.values() if r["source"].endswith(".html")}
    assert outlets == {"البوصلة", "Al Madar TV"}
