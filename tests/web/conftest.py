"""Web fixtures: realistic Arabic articles (and one hostile one) in a store with entities and stories."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from marsad.model import Article, Entity, EntityType, Mention, Quote, Role
from marsad.store.sqlite import SQLiteStore
from marsad.web import create_app
from tests.web.fakes import FakeStore

with warnings.catch_warnings():
    # Starlette's TestClient warns that it will move from httpx to httpx2; httpx is what marsad uses.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

HOSTILE = {
    "title": '<script>alert("title")</script> عنوان',
    "outlet": "<img src=x onerror=alert(1)>",
    "url": "javascript:alert(1)",
    "entity": "<svg onload=alert(4)>",
    "story": '<script>alert("story")</script>',
}

ENTITIES = {
    "e-valgren": Entity(
        "e-valgren",
        "ماتياس فالغرين",
        "PER",
        ("ماتياس فالغرين", "فالغرين", "فالغرن"),
        english="Mattias Wallgren",
        roles=(Role("المبعوث الأممي إلى رملان"),),
    ),
    "e-zahraa": Entity("e-zahraa", "الزهراء", "LOC"),
    "e-sidr": Entity("e-sidr", "وادي السدر", "LOC"),
    "e-saqqa": Entity("e-saqqa", "دينا السقا", "PER"),
    "e-rasc": Entity("e-rasc", "الحلف الإقليمي للأمن والتعاون", "ORG", english="RASC"),
    "e-shield": Entity("e-shield", "قوات درع الوادي", "ORG"),
    "e-wardani": Entity("e-wardani", "سليم الورداني", "PER"),
    "e-plains": Entity("e-plains", "السهول الغربية", "LOC"),
    "e-nera": Entity("e-nera", "الوكالة الوطنية للطوارئ والإغاثة", "ORG"),
    "e-ansari": Entity("e-ansari", "هالة الأنصاري", "PER"),
    "e-evil": Entity("e-evil", HOSTILE["entity"], "PER"),
}


def _span(text: str, surface: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def _mention(text: str, surface: str, type: EntityType, entity: str, occurrence: int = 0) -> Mention:
    start, end = _span(text, surface, occurrence)
    return Mention(start, end, surface, type, entity)


def _quote(text: str, surface: str, speaker: str | None, cue: str, direct: bool, **more: object) -> Quote:
    start, end = _span(text, surface)
    return Quote(start, end, surface, speaker, more.pop("speaker_text", None), cue, direct, **more)  # type: ignore[arg-type]


def _article(
    article_id: str, text: str, mentions: list[Mention], quotes: list[Quote], **fields: object
) -> Article:
    used = {m.entity for m in mentions if m.entity}
    return Article(  # type: ignore[arg-type]
        id=article_id,
        source=f"{article_id}.txt",
        text=text,
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        quotes=tuple(quotes),
        entities={eid: ENTITIES[eid] for eid in sorted(used)},
        **fields,
    )


ENVOY = (
    "وصل المبعوث الأممي إلى رملان ماتياس فالغرين أمس السبت إلى العاصمة الزهراء في أول زيارة له منذ تعيينه.\n"
    "وقال فالغرين في مؤتمر صحفي إن «الحل السياسي هو الطريق الوحيد لإنهاء القتال في وادي السدر».\n"
    "وأكدت المتحدثة باسم وزارة الخارجية دينا السقا أن الحكومة ترحب بالزيارة."
)
ALLIANCE = (
    "أعلن الحلف الإقليمي للأمن والتعاون (راسك) استعداده لاستضافة مفاوضات بين الحكومة الرملانية "
    "وقوات درع الوادي.\n"
    "وقال الأمين العام للحلف سليم الورداني إن «الحوار هو السبيل الوحيد»، مرحبا بجهود المبعوث فالغرن."
)
FLOODS = (
    "ارتفعت حصيلة ضحايا السيول في محافظة السهول الغربية إلى 19 قتيلا، "
    "بحسب الوكالة الوطنية للطوارئ والإغاثة.\n"
    "وقالت مديرة الوكالة هالة الأنصاري إن فرق الإنقاذ ما زالت تبحث عن مفقودين."
)
EVIL = (
    'نص عادي <script>alert("body")</script> ثم <a href="javascript:alert(2)">رابط</a> '
    "و<img src=x onerror=alert(3)> ثم فالغرين.\n"
    '"><script>alert(5)</script> قالها أحدهم.'
)


def build_articles() -> list[Article]:
    return [
        _article(
            "art-envoy",
            ENVOY,
            [
                _mention(ENVOY, "ماتياس فالغرين", "PER", "e-valgren"),
                _mention(ENVOY, "الزهراء", "LOC", "e-zahraa"),
                _mention(ENVOY, "فالغرين", "PER", "e-valgren", occurrence=1),
                _mention(ENVOY, "وادي السدر", "LOC", "e-sidr"),
                _mention(ENVOY, "دينا السقا", "PER", "e-saqqa"),
            ],
            [
                _quote(
                    ENVOY,
                    "«الحل السياسي هو الطريق الوحيد لإنهاء القتال في وادي السدر»",
                    "e-valgren",
                    "قال",
                    True,
                    about=("e-sidr",),
                )
            ],
            outlet="الفجر الجديد",
            title="المبعوث الأممي ماتياس فالغرين يصل إلى الزهراء",
            url="https://alfajr-aljadeed.example/arab-world/2024/5/12/un-envoy-arrives",
            published_at=datetime(2024, 5, 12, 9, 40),
            removed=("عرب وعالم", "كتب: محمود سعيد عرفة", "اقرأ أيضا:"),
            story="s-ceasefire",
        ),
        _article(
            "art-alliance",
            ALLIANCE,
            [
                _mention(ALLIANCE, "الحلف الإقليمي للأمن والتعاون", "ORG", "e-rasc"),
                _mention(ALLIANCE, "راسك", "ORG", "e-rasc"),
                _mention(ALLIANCE, "قوات درع الوادي", "ORG", "e-shield"),
                _mention(ALLIANCE, "سليم الورداني", "PER", "e-wardani"),
                _mention(ALLIANCE, "فالغرن", "PER", "e-valgren"),
            ],
            [_quote(ALLIANCE, "«الحوار هو السبيل الوحيد»", "e-wardani", "قال", True, about=("e-shield",))],
            outlet="شبكة الساحل الإخبارية",
            title="«راسك» مستعد لاستضافة مفاوضات بين الحكومة و«درع الوادي»",
            url="https://sahel-news.example/news/politics/2024-05-13/rasc-offers-talks",
            published_at=datetime(2024, 5, 13, 14, 5),
            story="s-ceasefire",
        ),
        _article(
            "art-floods",
            FLOODS,
            [
                _mention(FLOODS, "السهول الغربية", "LOC", "e-plains"),
                _mention(FLOODS, "الوكالة الوطنية للطوارئ والإغاثة", "ORG", "e-nera"),
                _mention(FLOODS, "هالة الأنصاري", "PER", "e-ansari"),
            ],
            [_quote(FLOODS, "فرق الإنقاذ ما زالت تبحث عن مفقودين", "e-ansari", "قالت", False)],
            outlet="نبض الشارع",
            title="ارتفاع حصيلة ضحايا السيول في السهول الغربية إلى 19 قتيلا",
            url="https://nabd-alshare.example/local/floods-western-plains",
            published_at=datetime(2024, 5, 14, 8, 15),
            story="s-floods",
        ),
        _article(
            "art-evil",
            EVIL,
            [_mention(EVIL, "فالغرين", "PER", "e-evil")],
            [
                _quote(
                    EVIL,
                    '"><script>alert(5)</script>',
                    None,
                    "قال",
                    True,
                    speaker_text="<b onmouseover=alert(6)>x</b>",
                )
            ],
            outlet=HOSTILE["outlet"],
            title=HOSTILE["title"],
            url=HOSTILE["url"],
            published_at=datetime(2024, 5, 14, 12, 0),
            removed=("<script>alert('removed')</script>",),
            story="s-evil",
        ),
    ]


STORY_TITLES = {
    "s-ceasefire": "وقف إطلاق النار في وادي السدر",
    "s-floods": "سيول السهول الغربية",
    "s-evil": HOSTILE["story"],
}


@pytest.fixture
def curated() -> list[tuple[str, ...]]:
    return []


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = str(tmp_path / "web.db")
    articles = build_articles()
    FakeStore(path, articles, STORY_TITLES).seed().close()
    return path


@pytest.fixture
def client(db_path: str, curated: list[tuple[str, ...]]) -> Iterator[TestClient]:
    articles = build_articles()
    app = create_app(db_path, open_one=lambda: FakeStore(db_path, articles, STORY_TITLES, curated))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def plain_client(tmp_path: Path) -> Iterator[TestClient]:
    """The real SQLite store, whose entity, quote and story methods may not be implemented yet."""
    path = str(tmp_path / "plain.db")
    store = SQLiteStore(path)
    for article in build_articles()[:3]:
        store.save_article(article, fingerprint=article.id, content_key=article.id)
    store.commit()
    store.close()
    with TestClient(create_app(path)) as test_client:
        yield test_client
