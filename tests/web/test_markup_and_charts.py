"""Pure pieces of the pages: cutting article text at spans, links, SVG charts, dates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from marsad.web.charts import bar_chart, fill_days, sparkline
from marsad.web.markup import MentionMark, QuoteMark, safe_link, segment_article, segment_highlights
from marsad.web.rendering import arabic_date

TEXT = "قال المبعوث ماتياس فالغرين: «الحل سياسي في وادي السدر».\nورحبت الحكومة بالزيارة."


def test_segments_follow_mentions_inside_quotes_and_paragraphs() -> None:
    name = TEXT.index("ماتياس فالغرين")
    place = TEXT.index("وادي السدر")
    quote = TEXT.index("«")
    paragraphs = segment_article(
        TEXT,
        [(name, name + 14, MentionMark("PER", "e1")), (place, place + 10, MentionMark("LOC", None))],
        [(quote, TEXT.index("»") + 1, QuoteMark(0, "e1", "ماتياس فالغرين", True))],
    )
    assert len(paragraphs) == 2
    first = paragraphs[0]
    assert [seg.text for seg in first if seg.mention] == ["ماتياس فالغرين", "وادي السدر"]
    quoted = [seg for seg in first if seg.quote]
    assert "".join(seg.text for seg in quoted) == "«الحل سياسي في وادي السدر»"
    assert [seg.quote_starts for seg in quoted] == [True, False, False]
    assert "".join(seg.text for seg in paragraphs[1]) == "ورحبت الحكومة بالزيارة."


def test_spans_outside_the_text_are_ignored_not_fatal() -> None:
    paragraphs = segment_article(
        "نص قصير", [(3, 99, MentionMark("PER", "e1")), (5, 2, MentionMark("PER", None))], []
    )
    assert [[seg.text for seg in p] for p in paragraphs] == [["نص قصير"]]


@given(
    st.text(alphabet="ابت ثج\nحخ", max_size=60),
    st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6),
)
def test_segments_always_rebuild_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    marks = [(a, b, MentionMark("LOC", None)) for a, b in spans]
    paragraphs = segment_article(text, marks, [])
    rebuilt = ["".join(seg.text for seg in p) for p in paragraphs]
    assert rebuilt == [line for line in text.split("\n") if line.strip()]


def test_highlight_pieces_cover_the_snippet() -> None:
    snippet = "… قال الأمين العام للناتو"
    start = snippet.index("للناتو")
    assert segment_highlights(snippet, [(start, start + 6)]) == [
        ("… قال الأمين العام ", False),
        ("للناتو", True),
    ]
    assert segment_highlights("نص", [(5, 9)]) == [("نص", False)]


def test_safe_link_accepts_only_web_addresses() -> None:
    assert safe_link("http://sabq.org/x") == "http://sabq.org/x"
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,x",
        "//x.org",
        "/local",
        None,
    ):
        assert safe_link(bad) is None, bad


def test_bar_chart_is_svg_with_a_bar_per_day_and_escaped_labels() -> None:
    svg = bar_chart([("2024-05-12", 3), ("2024-05-15", 1)], title='<script>"x"</script>')
    tree = etree.fromstring(str(svg))
    assert tree.tag == "svg"
    assert len(tree.findall("rect")) == 4  # 12, 13, 14, 15 May
    assert tree.findtext("title") == '<script>"x"</script>'
    assert "<script>" not in str(svg)
    heights = [float(r.get("height")) for r in tree.findall("rect")]
    assert heights[0] > heights[3] > 0 and heights[1] == heights[2] == 0


def test_sparkline_and_day_filling() -> None:
    assert fill_days([("2024-05-19T10:00", 2)], last="2024-05-19", span=3) == [
        ("2024-05-17", 0),
        ("2024-05-18", 0),
        ("2024-05-19", 2),
    ]
    assert fill_days([]) == []
    line = etree.fromstring(str(sparkline([0, 2, 1], title="إشارات")))
    assert len(line.find("polyline").get("points").split()) == 3
    assert str(bar_chart([], title="x")) == "" and str(sparkline([], title="x")) == ""


def test_dates_read_in_arabic() -> None:
    assert arabic_date("2024-05-19T16:00") == "19 مايو 2024، 16:00"
    assert arabic_date("2015-08-01") == "1 أغسطس 2015"
    assert arabic_date("not a date") == "not a date"
