"""Shared fixtures: small realistic Arabic articles and a fresh store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.model import Article
from marsad.store.sqlite import SQLiteStore

DATA = Path(__file__).parent / "data"

NATO_TEXT = (
    "أكد الأمين العام لحلف شمال الأطلسيّ ينس ستولتنبرغ أمس الخميس أن الحلف سيواصل دعم الحوار.\n"
    'وقال ستولتنبرغ في مؤتمر صحفي في بروكسل إن "الناتو لن يتخلى عن شركائه".'
)
FLOOD_TEXT = (
    "ارتفعت حصيلة ضحايا السيول في محافظة جازان إلى 12 شخصا، بحسب ما أعلنه الدفاع المدني اليوم السبت.\n"
    "وقالت المتحدثة باسم الدفاع المدني إن فرق الإنقاذ ما زالت تبحث عن مفقودين."
)


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore(str(tmp_path / "test.db"))
    yield store
    store.close()


def make_article(article_id: str, text: str, **fields: object) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, **fields)  # type: ignore[arg-type]
