"""RSS and Atom feeds: items, links, Arabic dates, encodings, malformed XML."""

from __future__ import annotations

from datetime import datetime

import pytest

from marsad.ingest.feeds import FeedError, parse_feed, parse_feed_date
from tests.local_http import DATA

BASE = "https://news.example.com"


def _fixture(name: str, **values: str) -> bytes:
    text = (DATA / "feeds" / name).read_text("utf-8").replace("{base}", BASE)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text.encode("utf-8")


def test_rss_items_with_links_titles_and_dates() -> None:
    items = parse_feed(_fixture("rss.xml"), f"{BASE}/rss")
    assert [item.url for item in items] == [
        f"{BASE}/news/measles?utm_source=rss&utm_medium=feed",
        f"{BASE}/news/gold",
        f"{BASE}/news/bookfair#comments",  # relative link resolved against the feed
    ]  # the fourth item repeats the first under another tracking parameter
    assert items[0].title == "وزارة الصحة تطلق حملة للتطعيم ضد الحصبة في المدارس"
    assert items[0].published_at == datetime(2024, 5, 12, 9, 15)  # the outlet's wall-clock time
    assert items[1].published_at == datetime(2024, 5, 13, 10, 30)  # Arabic pubDate, Arabic-Indic digits
    assert items[2].published_at == datetime(2024, 5, 13, 18, 5)  # Levantine month name


def test_atom_entries_and_their_updated_marker() -> None:
    items = parse_feed(_fixture("atom.xml", rain_updated="2024-05-14T07:00:00+03:00"), f"{BASE}/atom")
    assert len(items) == 1
    assert items[0].url == f"{BASE}/news/rain"
    assert items[0].published_at == datetime(2024, 5, 14, 5, 40)
    assert items[0].marker == "2024-05-14T07:00:00+03:00"


def test_a_windows_1256_feed_is_decoded() -> None:
    text = _fixture("rss.xml").decode("utf-8").replace('encoding="UTF-8"', 'encoding="windows-1256"')
    text = text.replace(
        "١٣ مايو ٢٠٢٤ - ١٠:٣٠ ص", "13 مايو 2024 - 10:30 ص"
    )  # cp1256 has no Arabic-Indic digits
    items = parse_feed(text.encode("cp1256"), f"{BASE}/rss", "application/rss+xml")
    assert items[0].title == "وزارة الصحة تطلق حملة للتطعيم ضد الحصبة في المدارس"
    assert items[1].published_at == datetime(2024, 5, 13, 10, 30)


def test_a_windows_1256_feed_with_a_charset_header_only() -> None:
    text = _fixture("rss.xml").decode("utf-8").replace(' encoding="UTF-8"', "")
    text = text.replace("١٣ مايو ٢٠٢٤ - ١٠:٣٠ ص", "13 مايو 2024")
    items = parse_feed(text.encode("cp1256"), f"{BASE}/rss", "text/xml; charset=windows-1256")
    assert items[1].title == "ارتفاع أسعار الذهب في السوق المحلية مع تراجع الدولار"


def test_malformed_xml_is_a_clear_error_naming_the_feed() -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed((DATA / "feeds" / "malformed.xml").read_bytes(), f"{BASE}/broken")
    assert caught.value.name == f"{BASE}/broken"
    assert "not a readable feed" in caught.value.reason


def test_an_html_page_is_not_a_feed() -> None:
    with pytest.raises(FeedError, match="not"):
        parse_feed(b"<html><body><p>\xd9\x86\xd8\xb9\xd9\x85</p></body></html>", f"{BASE}/")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 14 May 2024 08:00:00 GMT", datetime(2024, 5, 14, 8, 0)),
        ("2024-05-14T08:00:00Z", datetime(2024, 5, 14, 8, 0)),
        ("الثلاثاء 14 مايو 2024 08:00 م", datetime(2024, 5, 14, 20, 0)),
        ("١٤ أيار/مايو ٢٠٢٤", datetime(2024, 5, 14)),
        ("14 جوان 2024", datetime(2024, 6, 14)),
        ("2024/05/14 08:00", datetime(2024, 5, 14, 8, 0)),
        ("قبل ساعة", None),
    ],
    ids=["rfc822", "iso", "arabic-pm", "arabic-indic-double-month", "maghreb-month", "slashes", "relative"],
)
def test_feed_dates(value: str, expected: datetime | None) -> None:
    assert parse_feed_date(value) == expected
