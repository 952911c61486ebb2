"""The HTML pages: right-to-left Arabic, highlighted article text, charts, paging, analyst actions."""

from __future__ import annotations

from lxml import html

from tests.web.conftest import TestClient


def _tree(client: TestClient, path: str) -> html.HtmlElement:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return html.document_fromstring(response.text)


def test_every_page_is_arabic_right_to_left_and_uses_local_styles(client: TestClient) -> None:
    for path in (
        "/",
        "/search?q=الحكومة",
        "/articles/art-envoy",
        "/entities/e-valgren",
        "/stories/s-ceasefire",
    ):
        root = _tree(client, path)
        assert root.get("lang") == "ar" and root.get("dir") == "rtl", path
        assert root.find(".//meta[@name='viewport']") is not None
        assert [link.get("href") for link in root.iter("link")] == [
            "/static/marsad.css",
            "/static/favicon.svg",
        ]
    css = client.get("/static/marsad.css").text
    assert '"Noto Naskh Arabic"' in css and "Tahoma" in css
    assert "@media (max-width" in css  # phone layout


def test_article_highlights_entities_by_type_and_marks_quotes_with_speaker(client: TestClient) -> None:
    root = _tree(client, "/articles/art-envoy")
    links = {(a.text, a.get("class"), a.get("href")) for a in root.find_class("body")[0].iter("a")}
    assert ("ماتياس فالغرين", "ent ent-PER", "/entities/e-valgren") in links
    assert ("الزهراء", "ent ent-LOC", "/entities/e-zahraa") in links
    assert ("وادي السدر", "ent ent-LOC", "/entities/e-sidr") in links  # inside the quote
    quote = "".join(el.text_content() for el in root.find_class("body")[0].find_class("quote"))
    assert quote == "«الحل السياسي هو الطريق الوحيد لإنهاء القتال في وادي السدر»"
    (speaker,) = root.find_class("body")[0].find_class("speaker")
    assert speaker.text_content().startswith("ماتياس فالغرين")
    # The text is shown whole and in order: highlighting only wraps it.
    paragraphs = [p.text_content() for p in root.find_class("body")[0].iter("p")]
    assert [p.replace("ماتياس فالغرين:", "", 1) for p in paragraphs] == [
        line for line in client.get("/api/articles/art-envoy").json()["text"].split("\n")
    ]
    assert root.findtext(".//time") == "12 مايو 2024، 09:40"


def test_removed_lines_show_on_demand(client: TestClient) -> None:
    plain = client.get("/articles/art-envoy").text
    assert "كتب: محمود سعيد عرفة" not in plain
    assert 'href="/articles/art-envoy?removed=1#removed"' in plain
    shown = _tree(client, "/articles/art-envoy?removed=1")
    assert [li.text for li in shown.find_class("removed")[0]] == [
        "عرب وعالم",
        "كتب: محمود سعيد عرفة",
        "اقرأ أيضا:",
    ]


def test_search_page_marks_matches_and_pages(client: TestClient) -> None:
    root = _tree(client, "/search?q=الاغاثه")
    hits = root.find_class("hit")
    assert len(hits) == 1
    assert [m.text for m in hits[0].iter("mark")] == ["والإغاثة"]
    browse = _tree(client, "/search?outlet=نبض الشارع")
    assert [a.text for a in browse.find_class("title")] == [
        "ارتفاع حصيلة ضحايا السيول في السهول الغربية إلى 19 قتيلا"
    ]
    assert client.get("/search?q=الحكومة&page=9999").status_code == 422


def test_entity_page_shows_variants_chart_quotes_and_articles(client: TestClient) -> None:
    root = _tree(client, "/entities/e-valgren")
    variants = [label.text_content().strip() for label in root.find_class("variants")[0].iter("label")]
    assert sorted(variants) == sorted(["ماتياس فالغرين", "فالغرين", "فالغرن"])
    (chart,) = root.find_class("chart")
    assert chart.tag == "svg" and len(chart.findall("rect")) == 2  # 12 and 13 May
    assert root.find_class("quotes")[0].text_content().count("الحل السياسي") == 1
    assert "Mattias Wallgren" in root.text_content() and "المبعوث الأممي إلى رملان" in root.text_content()
    titles = [a.text for a in root.find_class("title")]
    assert "المبعوث الأممي ماتياس فالغرين يصل إلى الزهراء" in titles
    assert "وقف إطلاق النار في وادي السدر" in titles  # its story


def test_story_page_lists_outlets_claims_and_entities(client: TestClient) -> None:
    root = _tree(client, "/stories/s-ceasefire")
    outlets = [h.text.strip() for h in root.iter("h3") if h.getparent().tag == "form"]
    assert outlets == ["الفجر الجديد", "شبكة الساحل الإخبارية"]
    assert root.find_class("claims") and root.find_class("chart")
    assert "/entities/e-rasc" in {a.get("href") for a in root.iter("a")}


def test_story_page_lists_its_dated_events_under_the_timeline(client: TestClient) -> None:
    root = _tree(client, "/stories/s-ceasefire")
    [events] = root.find_class("events")
    assert [s.text for s in events.iter("strong")] == ["12 مايو 2024", "13 مايو 2024"]


def test_story_page_shows_the_counts_outlets_disagree_on_escaped(client: TestClient) -> None:
    response = client.get("/stories/s-ceasefire")
    assert "<script>alert(1)</script>" not in response.text
    root = _tree(client, "/stories/s-ceasefire")
    [section] = [h.getparent() for h in root.iter("h2") if h.text == "أرقام تختلف بين المنافذ"]
    assert [s.text for s in section.iter("strong")] == ["12", "31"]
    assert "قتل 31 شخصا <script>alert(1)</script>" in section.text_content()


def test_home_shows_stories_entities_with_trend_and_quotes(client: TestClient) -> None:
    root = _tree(client, "/")
    text = root.text_content()
    assert "وقف إطلاق النار في وادي السدر" in text
    assert root.find_class("spark"), "trend sparklines"
    assert "«الحوار هو السبيل الوحيد»" in text
    assert "ماتياس فالغرين" in text


def test_home_works_on_a_database_with_articles_only(plain_client: TestClient) -> None:
    root = _tree(plain_client, "/")
    assert "3 مقالة" in root.text_content()
    assert "ارتفاع حصيلة ضحايا السيول" in root.text_content()
    assert plain_client.get("/search?q=فالغرين").status_code == 200


def test_analyst_merge_needs_confirmation_and_the_form_token(
    client: TestClient, curated: list[tuple[str, ...]]
) -> None:
    confirm = _tree(client, "/entities/e-valgren/merge?other=e-saqqa")
    assert curated == []  # showing the confirmation changes nothing
    form = confirm.find(".//form[@method='post']")
    fields = {i.get("name"): i.get("value") for i in form.iter("input")}
    assert form.get("action") == "/entities/e-valgren/merge" and fields["other"] == "e-saqqa"
    assert "دينا السقا" in confirm.text_content()
    refused = client.post(form.get("action"), data={**fields, "form_token": "forged"}, follow_redirects=False)
    assert refused.status_code == 400 and curated == []
    done = client.post(form.get("action"), data=fields, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/entities/e-valgren?done=merged"
    assert curated == [("merge_entities", "e-valgren", "e-saqqa")]


def test_story_split_and_alias_go_through_confirmation(
    client: TestClient, curated: list[tuple[str, ...]]
) -> None:
    for path in (
        "/stories/s-ceasefire/split?article=art-alliance",
        "/entities/e-valgren/alias?alias=فالجرين",
    ):
        form = _tree(client, path).find(".//form[@method='post']")
        fields: dict[str, list[str]] = {}
        for field in form.iter("input"):
            fields.setdefault(field.get("name"), []).append(field.get("value"))
        assert client.post(form.get("action"), data=fields, follow_redirects=False).status_code == 303
    assert curated == [("split_story", "s-ceasefire", "art-alliance"), ("add_alias", "e-valgren", "فالجرين")]


def test_missing_things_get_an_arabic_error_page(client: TestClient) -> None:
    response = client.get("/articles/art-missing")
    assert response.status_code == 404
    root = html.document_fromstring(response.text)
    assert root.get("dir") == "rtl" and "art-missing" in root.text_content()
    assert client.get("/entities/e-missing").status_code == 404
