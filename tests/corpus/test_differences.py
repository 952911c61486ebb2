"""Counts that outlets report differently (a toll, a number of arrests), on realistic Arabic reports,
and what must not count as a difference: rounding, dates, another day's figures, two things of one
template, one outlet's own update, prices."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from marsad.corpus.stories import StoryStep
from marsad.corpus.summaries import describe_story, find_claims, find_differences, sentence_figures, summarize
from marsad.model import Article, DateMention, Difference, Mention, Version
from marsad.store.sqlite import SQLiteStore
from tests.conftest import make_article

AT = datetime(2015, 8, 9, 17, 20)


def report(article_id: str, outlet: str, killed: str, *, hours: float = 1, tail: str = "") -> Article:
    text = (
        f"قتل {killed} شخصا وجرح مئات آخرون منذ مساء الخميس في كابل في سلسلة من الهجمات هي الأولى "
        "في العاصمة الأفغانية منذ تعيين الملا أختر منصور على رأس حركة طالبان." + tail + "\n"
        "وقالت الشرطة إن التحقيقات جارية لتحديد الجهة التي تقف وراء الهجمات."
    )
    return make_article(article_id, text, outlet=outlet, published_at=AT + timedelta(hours=hours))


def test_two_outlets_with_different_tolls_make_one_difference_in_publication_order() -> None:
    articles = [
        report("a", "الشرق الأوسط", "51", hours=0),
        report("b", "اليوم", "51"),
        report("c", "الجزيرة", "44"),
    ]
    [difference] = find_differences(articles)
    assert [v.figures for v in difference.versions] == [("51",), ("44",)]
    assert [v.outlets for v in difference.versions] == [("الشرق الأوسط", "اليوم"), ("الجزيرة",)]
    assert [v.article_ids for v in difference.versions] == [("a", "b"), ("c",)]
    assert "44 شخصا" in difference.versions[1].text


def test_sentences_that_give_a_count_differently_are_not_one_claim() -> None:
    articles = [report("a", "الشرق الأوسط", "51"), report("b", "اليوم", "51"), report("c", "الجزيرة", "44")]
    claims = {claim.text.split()[1]: claim.outlets for claim in find_claims(articles, {})}
    assert claims["51"] == ("الشرق الأوسط", "اليوم")  # the 44 is no part of it
    assert claims["الشرطة"] == ("الجزيرة", "الشرق الأوسط", "اليوم")  # the sentence all three give alike


def test_agreeing_figures_written_differently_are_no_difference() -> None:
    # "363.378" and "363,378" are thousands separators in some outlets; "363 ألف" is rounded.
    text = "أنهت المديرية العامة للجوازات إجراءات تصحيح أوضاع {} مقيما من أبناء اليمن في جميع المراكز."
    articles = [
        make_article(str(i), text.format(n), outlet=o, published_at=AT)
        for i, (n, o) in enumerate(
            [("363378", "واس"), ("363.378", "الرياض"), ("363 ألف", "المدينة"), ("363,378", "سبق")]
        )
    ]
    assert find_differences(articles) == ()
    other = make_article("x", text.format("250 ألف"), outlet="عكاظ", published_at=AT)
    [difference] = find_differences([*articles, other])
    assert [v.outlets for v in difference.versions] == [("الرياض", "المدينة", "سبق", "واس"), ("عكاظ",)]
    assert difference.versions[1].figures == ("250 ألف",)


def test_a_count_rounded_to_thousands_agrees_with_the_exact_one() -> None:
    text = "أحبط جمرك مطار الملك عبدالعزيز الدولي بجدة محاولة تهريب كمية من الحبوب المخدرة بلغ عددها {} حبة."
    exact = make_article("a", text.format("22790"), outlet="واس", published_at=AT)
    rounded = make_article("b", text.format("22 ألف"), outlet="سبق", published_at=AT)
    assert find_differences([exact, rounded]) == ()
    assert find_differences([exact, make_article("x", text.format("30 ألف"), outlet="عكاظ", published_at=AT)])


def test_two_reports_of_one_template_differing_in_every_count_are_no_difference() -> None:
    # Another month's figures in the same wording: every count both give differs.
    text = (
        "وأوضحت الهيئة أنه تم رفض {} إرسالية من المواد الغذائية المستوردة تزن {} طنا لعدم مطابقتها للمواصفات."
    )
    articles = [
        make_article("a", text.format("198", "851"), outlet="الرياض", published_at=AT),
        make_article("b", text.format("172", "717"), outlet="اليوم", published_at=AT),
    ]
    assert find_differences(articles) == ()
    trading = (
        "وشهدت تداولات السوق ارتفاع أسهم {} شركة في قيمتها وتراجع أسهم {} شركة أخرى "
        "توزعت على أكثر من {} ألف صفقة في ختام التعاملات."
    )
    two_days = [
        make_article("c", trading.format("7", "157", "85"), outlet="الرياض", published_at=AT),
        make_article("d", trading.format("35", "111", "69"), outlet="الوطن", published_at=AT),
    ]
    assert find_differences(two_days) == ()
    articles[1] = make_article("b", text.format("172", "851"), outlet="اليوم", published_at=AT)
    [difference] = find_differences(articles)
    assert [v.figures for v in difference.versions] == [("198",), ("172",)]


def test_dates_and_clock_times_are_not_figures() -> None:
    assert (
        sentence_figures("وصلت الطائرة يوم 14 أيار/مايو 2015 عند الساعة 10:30 وعلى متنها 157 راكبا")
        is not None
    )
    figures = (
        sentence_figures("وصلت الطائرة يوم 14 أيار/مايو 2015 عند الساعة 10:30 وعلى متنها 157 راكبا") or []
    )
    assert [f.text for f in figures] == ["157"]
    one = "وصلت الطائرة الإغاثية السعودية إلى مطار عدن يوم 14 أيار/مايو وعلى متنها 157 راكبا من العالقين."
    other = one.replace("14 أيار", "15 أيار")
    articles = [
        make_article("a", one, outlet="واس", published_at=AT),
        make_article("b", other, outlet="عكاظ", published_at=AT),
    ]
    assert find_differences(articles) == ()


def test_another_days_figures_and_one_outlets_update_are_no_difference() -> None:
    # The same template a day later tells another day; an outlet correcting itself is an update.
    assert (
        find_differences([report("a", "الشرق الأوسط", "51", hours=0), report("b", "الجزيرة", "44", hours=30)])
        == ()
    )
    assert (
        find_differences([report("a", "الجزيرة", "51", hours=0), report("b", "الجزيرة", "44", hours=3)]) == ()
    )


def test_one_template_about_two_things_or_two_days_is_no_difference() -> None:
    def earnings(article_id: str, company: str, share: str, outlet: str) -> Article:
        text = (
            f"سجل صافي أرباح شركة {company} تراجعا في النصف الأول من العام الحالي بعد أن أغلقت "
            f"{share} فرعا من فروعها في المملكة مقارنة بالفترة المماثلة من العام السابق."
        )
        start = text.index(company)
        mention = Mention(start, start + len(company), company, "ORG")
        return make_article(article_id, text, outlet=outlet, published_at=AT, mentions=(mention,))

    two_companies = [earnings("a", "سبكيم", "12", "الرياض"), earnings("b", "سابك", "30", "الاقتصادية")]
    assert find_differences(two_companies) == ()

    def close(article_id: str, day_word: str, day: str, rising: str, outlet: str) -> Article:
        text = f"وشهدت تداولات {day_word} ارتفاع أسهم {rising} شركة في قيمتها في ختام تعاملات السوق المالية."
        start = text.index(day_word)
        dated = DateMention(start, start + len(day_word), day_word, day, "day")
        return make_article(article_id, text, outlet=outlet, published_at=AT, dates=(dated,))

    two_days = [
        close("a", "اليوم", "2015-08-09", "70", "الرياض"),
        close("b", "أمس", "2015-08-08", "125", "الوطن"),
    ]
    assert find_differences(two_days) == ()
    same_day = [
        close("a", "اليوم", "2015-08-09", "70", "الرياض"),
        close("b", "اليوم", "2015-08-09", "125", "الوطن"),
    ]
    assert find_differences(same_day)

    month = "شهر رجب"
    text = f"وتم خلال {month} ضبط {{}} مخالفة في أسواق المنطقة بحسب التقرير الشهري لأمانة المنطقة."
    start = text.index(month)

    def monthly(article_id: str, value: str, count: str, outlet: str) -> Article:
        dated = DateMention(start, start + len(month), month, value, "month")
        return make_article(article_id, text.format(count), outlet=outlet, published_at=AT, dates=(dated,))

    assert (
        find_differences([monthly("a", "2015-04", "120", "الرياض"), monthly("b", "2015-05", "95", "الوطن")])
        == ()
    )
    assert find_differences(
        [monthly("a", "2015-04", "120", "الرياض"), monthly("b", "2015-04", "95", "الوطن")]
    )


def test_a_value_the_other_sentence_gives_elsewhere_is_no_difference() -> None:
    # "متنهما" and "متنها" stem apart: one word counts both flights' passengers in the second
    # sentence (314 and 157) but only the later flight's (157) in the first.
    one = "وصلت رحلتان على متنهما 314 راكبا إلى مطار عدن، بعد أول رحلة تقل على متنها 157 راكبا."
    for other in (
        "وصلت رحلتان على متنها 314 راكبا إلى مطار عدن، بعد أول رحلة تقل على متنها 157 راكبا.",
        "وصلت رحلتان على متنها 314 راكبا إلى مطار عدن، بعد أول رحلة وصلت إلى المطار الخميس.",
    ):
        articles = [
            make_article("a", one, outlet="الجزيرة", published_at=AT),
            make_article("b", other, outlet="الاقتصادية", published_at=AT),
        ]
        assert find_differences(articles) == ()


def test_a_bound_or_an_estimate_disputes_nothing() -> None:
    text = "وتتكون عروض فريق الصقور السعودية خلال الحفل من {} حركة استعراضية جوية ترمز إلى مهارة الطيار."
    exact = make_article("a", text.format("23"), outlet="الجزيرة", published_at=AT)
    for bound in ("أكثر من 20", "نحو 20"):
        assert (
            find_differences([exact, make_article("b", text.format(bound), outlet="الرياض", published_at=AT)])
            == ()
        )
    assert find_differences([exact, make_article("b", text.format("20"), outlet="الرياض", published_at=AT)])


def test_outlets_listing_the_same_items_do_not_disagree() -> None:
    # Each outlet prints every line of the list: 5, 7 and 10 years are items, not versions.
    lines = "\n".join(f"- صكوك لأجل {n} سنوات بمعدل عائد ثابت يحدد لاحقا" for n in ("5", "7", "10"))
    articles = [
        make_article(
            a, "طرحت وزارة المالية صكوكا حكومية على النحو التالي:\n" + lines, outlet=a, published_at=AT
        )
        for a in ("الوطن", "الاقتصادية")
    ]
    assert find_differences(articles) == ()


def test_prices_and_shares_are_not_compared() -> None:
    text = "وارتفع سعر الذهب في المعاملات الفورية {} بالمئة إلى {} دولار للأوقية في ختام تعاملات اليوم."
    articles = [
        make_article("a", text.format("0.3", "1092"), outlet="الرياض", published_at=AT),
        make_article("b", text.format("0.9", "1086"), outlet="عكاظ", published_at=AT),
    ]
    assert find_differences(articles) == ()


def test_a_table_of_figures_describes_without_failing() -> None:
    # Lead lines of figures only: once masked, the sentences have no word to compare.
    rows = "\n".join(" ".join(str(n + k) for k in range(6)) for n in (10, 20, 30))
    articles = [make_article(a, rows, outlet=a, published_at=AT) for a in ("الرياض", "عكاظ")]
    assert describe_story("s1", articles, {}).differences == ()


def test_a_decimal_point_does_not_end_a_summary_sentence() -> None:
    text = "تراجع مؤشر سوق الأسهم السعودية في ختام تداولات اليوم بنسبة 2.38 في المئة إلى 8769 نقطة."
    assert summarize([make_article("a", text, outlet="واس", published_at=AT)]) == (text,)


def test_differences_and_events_are_stored_and_read_back_also_by_an_older_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "old.db")
    SQLiteStore(path).close()
    store = SQLiteStore(path)
    # A database made before differences were stored: its stories table lacks the column.
    store.db.executescript(
        "DROP TABLE stories; CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', "
        "summary TEXT NOT NULL DEFAULT '[]', claims TEXT NOT NULL DEFAULT '[]', "
        "entities TEXT NOT NULL DEFAULT '[]', stale INTEGER NOT NULL DEFAULT 0);"
    )
    store.close()
    store = SQLiteStore(path)
    articles = [report("a", "الشرق الأوسط", "51", hours=0), report("c", "الجزيرة", "44")]
    for article in articles:
        store.save_article(
            make_article(
                article.id, article.text, outlet=article.outlet, published_at=article.published_at, story="s1"
            ),
            fingerprint=article.id,
            content_key=article.id,
        )
    story = describe_story("s1", articles, {})
    assert story.differences
    store.save_story(story)
    store.commit()
    detail = store.get_story("s1")
    store.close()
    assert detail is not None
    assert detail.differences == story.differences
    assert detail.events == story.events
    assert detail.differences[0] == Difference(
        (
            Version(articles[0].text.split("\n")[0], ("51",), ("الشرق الأوسط",), ("a",)),
            Version(articles[1].text.split("\n")[0], ("44",), ("الجزيرة",), ("c",)),
        )
    )


def test_stories_an_older_database_described_are_described_again_by_the_next_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "old.db")
    store = SQLiteStore(path)
    articles = [report("a", "الشرق الأوسط", "51", hours=0), report("c", "الجزيرة", "44")]
    for article in articles:
        store.save_article(replace(article, story="s1"), fingerprint=article.id, content_key=article.id)
    # A story described by a version that stored neither differences nor dated events.
    store.db.executescript(
        "DROP TABLE stories; CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', "
        "summary TEXT NOT NULL DEFAULT '[]', claims TEXT NOT NULL DEFAULT '[]', "
        "entities TEXT NOT NULL DEFAULT '[]', stale INTEGER NOT NULL DEFAULT 0);"
        "INSERT INTO stories (id, title) VALUES ('s1', 'كابل');"
    )
    store.commit()
    store.close()
    store = SQLiteStore(path)
    assert store.stale_stories() == ["s1"]
    StoryStep.from_store(store).save(store)  # what every `marsad analyze` run ends with
    store.commit()
    detail = store.get_story("s1")
    assert detail is not None and [v.figures for v in detail.differences[0].versions] == [("51",), ("44",)]
    assert store.stale_stories() == []
    store.close()
