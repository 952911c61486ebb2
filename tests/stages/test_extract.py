"""The extract stage: furniture removed, body kept, title/date/agency found, bad input skipped."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from marsad.corpus.furniture import OutletFurniture
from marsad.model import Article
from marsad.pipeline import Pipeline, Processed, SkipArticle, Skipped
from marsad.stages.extract import Extract, clean_text, extract_html

DATA = Path(__file__).resolve().parent.parent / "data"


def read(kind: str, name: str) -> str:
    return (DATA / kind / name).read_text(encoding="utf-8")


def test_spa_dispatch_dateline_end_marks_and_agency() -> None:
    cleaned = clean_text(read("text", "spa_dispatch.txt"))
    assert cleaned.text.startswith("يواصل مهرجان تمور بريدة فعالياته")
    assert "انتهى" not in cleaned.text and "ت م" not in cleaned.text and "شوال" not in cleaned.text
    assert cleaned.agency == "واس"
    assert cleaned.published_at == datetime(2015, 8, 10)
    assert cleaned.title is None  # the text opens with a dateline and prose, no headline
    assert len(cleaned.text.split("\n")) == 2


def test_web_page_text_furniture_title_date_and_inline_credit() -> None:
    cleaned = clean_text(read("text", "web_page.txt"))
    assert cleaned.title == "الأمم المتحدة تحذر من مجاعة في اليمن"
    assert cleaned.published_at == datetime(2017, 3, 2, 8, 53)
    assert cleaned.agency == "رويترز"
    lines = cleaned.text.split("\n")
    assert lines[0].startswith("حذرت الأمم المتحدة اليوم")  # "القاهرة (رويترز) -" stripped, sentence kept
    assert len(lines) == 2
    for furniture in (
        "عربي ودولي",
        "كتب",
        "فيسبوك",
        "اقرأ",
        "هدنة إنسانية",
        "الكلمات المفتاحية",
        "تعليق",
        "الحقوق",
    ):
        assert furniture not in cleaned.text, furniture
    assert "القاهرة (رويترز) -" in cleaned.removed


def test_columnist_contact_block_removed_but_closing_sentence_kept() -> None:
    cleaned = clean_text(read("text", "column_contact.txt"))
    assert cleaned.text.split("\n")[-1] == "وللحديث بقية."
    for furniture in ("@", "SMS", "بالرمز", "Stc", "Mobily", "Zain", "***"):
        assert furniture not in cleaned.text, furniture


def test_byline_and_trailing_tags_of_the_last_line() -> None:
    cleaned = clean_text(read("text", "byline_tags.txt"))
    assert cleaned.title is None
    assert "عين اليوم" not in cleaned.text and "سمات" not in cleaned.text
    assert cleaned.text.endswith("خلال الأيام المقبلة.")


@pytest.mark.parametrize(
    ("last", "kept"),
    [
        ("(إعداد محمد علي للنشرة العربية - تحرير سها جادو)", False),
        ("(تغطية صحفية محمد اليماني - إعداد دعاء محمد للنشرة العربية - تحرير أحمد صبحي خليفة)", False),
        ("إعداد: سامر الخطيب", False),
        ("تحرير الموصل من داعش بات قريبا", True),
        ("تحرير المرور", True),
    ],
    ids=[
        "wire-desk-credit",
        "three-roles",
        "signed",
        "a-role-word-opening-a-sentence",
        "a-short-closing-line",
    ],
)
def test_a_closing_credit_is_furniture_but_a_closing_sentence_is_not(last: str, kept: bool) -> None:
    body = (
        "فرضت وزارة الخزانة الأمريكية يوم الأربعاء عقوبات على ست شركات شحن وثلاث سفن في المنطقة.\n"
        "ولم ترد الشركات المعنية على طلبات للتعليق حتى مساء أمس."
    )
    cleaned = clean_text(f"{body}\n{last}")
    assert (last in cleaned.text) is kept
    assert cleaned.text.startswith(body)


@pytest.mark.parametrize(
    "datelines",
    [
        ("آخر تحديث: السبت 18 مايو 2024 - 14:20", "نشر في: الجمعة 17 مايو 2024 - 09:05"),
        ("نشر في: الجمعة 17 مايو 2024 - 09:05", "آخر تحديث: السبت 18 مايو 2024 - 14:20"),
    ],
    ids=["update-first", "publication-first"],
)
def test_the_publication_date_is_not_the_last_update(datelines: tuple[str, str]) -> None:
    body = (
        "ارتفعت أسعار الذهب في تعاملات اليوم الجمعة إلى مستوى قياسي جديد مدعومة بتوقعات خفض الفائدة.\n"
        "وقال محلل الأسواق سامي البنا إن الطلب على الذهب سيظل قويا في الأشهر المقبلة."
    )
    cleaned = clean_text("\n".join([*datelines, body]))
    assert cleaned.published_at == datetime(2024, 5, 17, 9, 5)
    assert cleaned.text == body


def test_plain_prose_is_left_alone() -> None:
    text = read("text", "plain_prose.txt")
    cleaned = clean_text(text)
    assert cleaned.text == "\n".join(line.strip() for line in text.strip().split("\n"))
    assert cleaned.removed == () and cleaned.title is None and cleaned.agency is None


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("قالت وكالة رويترز إن الاجتماع انتهى دون اتفاق على خفض الإنتاج.", True),
        ("شارك آلاف المواطنين في المسيرة التي جابت شوارع العاصمة أمس.", True),
        ("وأكد أن جميع الحقوق محفوظة للمساهمين وفق النظام الأساسي للشركة وأحكام هيئة السوق المالية.", True),
        ("رئيس التحرير: خالد المالك", False),
        ("العودة للأعلى", False),
        ("(أ ف ب)", False),
        ("تابعوا آخر الأخبار عبر قناتنا على تلغرام", False),
        ("تابعوا المباراة النهائية مساء اليوم على القناة الرياضية الأولى في بث مباشر.", True),
        ("(تصوير: مازن العلي)", False),
        ("تصوير المشاهد استغرق ثلاثة أشهر في صحراء الربع الخالي.", True),
        ("شارك هذا المقال", False),
    ],
    ids=[
        "agency-named-in-prose",
        "share-verb-in-prose",
        "copyright-phrase-in-prose",
        "masthead",
        "back-to-top",
        "agency-credit",
        "call-to-follow-the-outlet",
        "follow-the-match-in-prose",
        "photo-credit",
        "filming-in-prose",
        "share-this-article",
    ],
)
def test_body_sentence_never_dropped_for_a_furniture_word(line: str, kept: bool) -> None:
    body = "وأوضح المتحدث الرسمي أن الفرق الميدانية باشرت أعمالها منذ الصباح الباكر في جميع الأحياء."
    cleaned = clean_text(f"{body}\n{line}")
    assert (line in cleaned.text) is kept
    assert body in cleaned.text


def test_known_title_and_byline_repeated_in_text_are_removed() -> None:
    text = (
        "أمانة جدة تغلق 30 مطعماً مخالفاً\nجدة - محمد علي\n"
        "أغلقت أمانة محافظة جدة ثلاثين مطعماً خلال جولات رقابية نفذتها فرق البلديات الأسبوع الماضي."
    )
    cleaned = clean_text(text, title="أمانة جدة تغلق 30 مطعماً مخالفاً", author="محمد علي - جدة")
    assert cleaned.text.startswith("أغلقت أمانة محافظة جدة")
    assert cleaned.title == "أمانة جدة تغلق 30 مطعماً مخالفاً"


def test_outlet_furniture_removes_repeated_edge_lines_and_prefixes() -> None:
    furniture = OutletFurniture(min_articles=3)
    for i in range(6):
        body = f"خبر رقم {i} عن موضوع مختلف تماماً في كل مرة من المرات."
        furniture.observe("3alyoum", f"عين اليوم – متابعات\n{body}")
    text = "عين اليوم – متابعات طالب الأسطورة الأرجنتينية مارادونا بالتوقف عن تدليل ميسي في المنتخب."
    cleaned = clean_text(text, is_outlet_furniture=furniture.for_outlet("3alyoum"))
    assert cleaned.text.startswith("طالب الأسطورة")
    assert clean_text(text).text == text  # without the outlet's statistics the line stays whole


def test_extract_html_news_page() -> None:
    cleaned = extract_html(read("html", "okaz_style.html"), url="https://example.sa/2017/03/02/a.html")
    assert cleaned.title == "مجلس الوزراء يقر تنظيم هيئة النقل العام"
    assert cleaned.published_at is not None and cleaned.published_at.date() == datetime(2017, 3, 2).date()
    assert cleaned.agency == "واس"
    assert cleaned.text.startswith("وافق مجلس الوزراء في جلسته")
    assert len(cleaned.text.split("\n")) == 4
    for furniture in (
        "محليات",
        "فيسبوك",
        "طباعة",
        "اقرأ",
        "أمير الرياض",
        "الكلمات المفتاحية",
        "التعليقات",
        "قرار ممتاز",
        "رئيس التحرير",
        "الحقوق",
        "ملفات تعريف",
        "العودة",
    ):
        assert furniture not in cleaned.text, furniture


def test_extract_html_masthead_agency_line_and_comment_box() -> None:
    cleaned = extract_html(read("html", "youm_style.html"))
    assert cleaned.agency == "أ ش أ"
    assert cleaned.published_at is not None and cleaned.published_at.date() == datetime(2015, 8, 3).date()
    assert cleaned.text.startswith("أعلن وزير الموارد المائية والري")
    for furniture in ("رئيس مجلس الإدارة", "أ ش أ", "شارك", "اقترح", "اقرأ", "اضف تعليقا", "الحقوق"):
        assert furniture not in cleaned.text, furniture


def test_extract_html_spa_page_prefers_the_visible_dateline() -> None:
    cleaned = extract_html(read("html", "spa_style.html"))
    assert cleaned.published_at == datetime(2015, 8, 11)
    assert cleaned.agency == "واس"
    assert cleaned.text.startswith("استقبل صاحب السمو الملكي")
    assert "انتهى" not in cleaned.text and "طباعة" not in cleaned.text


def test_hostile_html_never_leaks_script_style_or_handlers() -> None:
    cleaned = extract_html(read("html", "hostile.html"))
    assert "يواصل مهرجان تمور بريدة" in cleaned.text
    assert "في السوق الرئيسي" in cleaned.text  # the javascript: link's words are text, its target is not
    for leak in (
        "alert",
        "javascript",
        "document",
        "عداد الزيارات",
        "حقن نص",
        "الأنماط",
        "onerror",
        "fetch",
        "تعليق داخل سكربت",
        "<",
        "نص رسومي",
    ):
        assert leak not in cleaned.text, leak


def test_broken_html_falls_back_and_keeps_no_markup() -> None:
    cleaned = extract_html(read("html", "broken.html"))
    assert "شهدت عدة أحياء في شمال جدة" in cleaned.text
    assert "<" not in cleaned.text and "alert" not in cleaned.text
    assert "مشاركة" not in cleaned.text


@pytest.mark.parametrize(
    "html", ["", "<html></html>", "<<<>>>", "\x00\x01"], ids=["empty", "no-body", "garbage", "binary"]
)
def test_unreadable_html_gives_empty_text_not_an_exception(html: str) -> None:
    assert extract_html(html).text == ""


def test_stage_uses_html_and_keeps_input_metadata() -> None:
    article = Article(
        id="a1",
        source="okaz_style.html",
        text="",
        html=read("html", "okaz_style.html"),
        title="عنوان من الخلاصة",
        published_at=datetime(2017, 3, 1, 23, 0),
    )
    out = Extract()(article)
    assert out.html is None
    assert out.title == "عنوان من الخلاصة" and out.published_at == datetime(2017, 3, 1, 23, 0)
    assert out.agency == "واس"
    assert out.text.startswith("وافق مجلس الوزراء") and "(واس) -" in out.removed


def test_stage_on_text_fills_title_date_and_agency() -> None:
    article = Article(id="a2", source="web_page.txt", text=read("text", "web_page.txt"))
    out = Extract()(article)
    assert out.title == "الأمم المتحدة تحذر من مجاعة في اليمن"
    assert out.published_at == datetime(2017, 3, 2, 8, 53) and out.agency == "رويترز"


def test_a_columns_list_of_the_writers_other_columns_is_furniture() -> None:
    text = (
        "يرى بعضهم أن التطرف صناعة صحوية كما يرى آخرون، فالنتيجة في المحصلة واحدة.\n"
        "إلى اللقاء،،، مقالات أخرى للكاتببين العامي والفصيحالوطن العربي الكبير كذبة كبرى"
    )
    cleaned = clean_text(text)
    assert cleaned.text.endswith("فالنتيجة في المحصلة واحدة.\nإلى اللقاء،،،")


@pytest.mark.parametrize(
    ("last", "kept"),
    [
        ("* أستاذ مساعد في كلية العلوم السياسية - مصر", False),
        ("*كاتب ومحلل سياسي", False),
        ("* خدمة «واشنطن بوست»", False),
        ("* تأهلت روسيا الدولة المضيفة مباشرة للنهائيات.", True),
        ("*ضوء: (الظلم أسرع طريق، لتعجيل النقمة، وزوال النعمة).", True),
    ],
)
def test_a_note_on_who_the_writer_is_closing_a_column_is_furniture(last: str, kept: bool) -> None:
    text = "يرى بعضهم أن التطرف صناعة صحوية كما يرى آخرون، فالنتيجة في المحصلة واحدة.\n" + last
    assert (last in clean_text(text).text) == kept


def test_presentation_forms_become_the_letters_they_draw() -> None:
    text = "ﺍﺣﺘﻔﻞ وائل الزهراني بزواجه ﺑﺤﻀﻮﺭ ﺟﻤﻊ ﻛﺒﻴﺮ ﻣﻦ ﺍﻷﻗﺎﺭﺏ والأصدقاء في محافظة المندق يوم الخميس."
    cleaned = clean_text(text, title="ﺯﻭﺍﺝ الزهراني")
    assert cleaned.text == (
        "احتفل وائل الزهراني بزواجه بحضور جمع كبير من الأقارب والأصدقاء في محافظة المندق يوم الخميس."
    )
    assert cleaned.title == "زواج الزهراني"


def test_character_references_in_a_given_title_and_byline_are_resolved() -> None:
    # SaudiNewsNet carries 232 such titles; shown as is, the UI would print "&#8220;".
    article = Article(
        id="a3",
        source="feed.jsonl",
        text="وزعت وزارة الشؤون الإسلامية موسوعة خطب الجمعة على خطباء الجوامع في منطقة القصيم اليوم.",
        title="توزيع &#8220;موسوعة خطب الجمعة&#8221; على خطباء &#39;الجوامع&#39;",
        author="سبق &amp; واس",
    )
    out = Extract()(article)
    assert out.title == "توزيع “موسوعة خطب الجمعة” على خطباء 'الجوامع'"
    assert out.author == "سبق & واس"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no article text"),
        ("مشاركة\nطباعة\nاضف تعليقا", "no article text"),
        ("خبر قصير جداً.", "too short"),
        (
            "The Saudi stock index rose 0.4 percent on Monday as petrochemical shares gained ground "
            "in trading.",
            "not Arabic text (0% Arabic letters)",
        ),
    ],
    ids=["empty", "furniture-only", "short", "english"],
)
def test_stage_skips_with_a_clear_reason(text: str, reason: str) -> None:
    with pytest.raises(SkipArticle, match=reason.replace("(", r"\(").replace(")", r"\)")):
        Extract()(Article(id="x", source="x.txt", text=text))


def test_stage_in_a_pipeline_reports_skips_as_values() -> None:
    pipeline = Pipeline([Extract.from_settings()])
    articles = [
        Article(id="1", source="s", text="Hello world, this is an English sentence only."),
        Article(id="2", source="t", text=read("text", "plain_prose.txt")),
    ]
    outcomes = list(pipeline.run(articles))
    assert isinstance(outcomes[0], Skipped) and "not Arabic" in outcomes[0].reason
    assert isinstance(outcomes[1], Processed)


# Scraped text of many kinds of outlets, each with its own header and footer arrangement: the expected
# title, publication date, agency, the slice of the file's non-empty lines that is body, and how the
# first body line starts once an opening credit is stripped (None: unchanged).
OUTLET_TEXTS = [
    (
        "gulf_daily",
        "أمانة المنطقة الشرقية تطرح 40 فرصة استثمارية على الواجهة البحرية",
        datetime(2024, 5, 12),
        None,
        (5, 8),
        None,
    ),
    (
        "egypt_portal",
        "محافظ الجيزة يتفقد أعمال تطوير محور الطريق الدائري",
        datetime(2024, 5, 13, 15, 15),
        None,
        (8, 11),
        None,
    ),
    (
        "levant_daily",
        "البرلمان يؤجل جلسة انتخاب الرئيس للمرة الثالثة",
        datetime(2024, 5, 14),
        None,
        (6, 9),
        None,
    ),
    (
        "maghreb_site",
        "انطلاق موسم جني الزيتون في إقليم تاونات وسط توقعات بمحصول وفير",
        datetime(2024, 5, 16, 18, 40),
        "و م ع",
        (4, 7),
        None,
    ),
    (
        "agency_wire",
        "وزير المالية: عجز الموازنة سينخفض إلى 3 في المئة العام المقبل",
        datetime(2024, 5, 15, 10, 20),
        "ونا",
        (3, 6),
        "أعلن وزير المالية",
    ),
    (
        "tv_site",
        "هل تنجح خطة البنك المركزي في كبح التضخم؟",
        datetime(2024, 5, 17, 20, 15),
        None,
        (3, 5),
        None,
    ),
    ("one_line", None, None, None, (1, 2), None),
    (
        "short_first_line",
        "البورصة تربح 12 مليار جنيه في ختام تعاملات الأسبوع",
        datetime(2024, 5, 14),
        None,
        (3, 6),
        None,
    ),
    ("no_header", None, None, None, (0, 3), None),
    (
        "iraq_site",
        "مجلس المحافظة يقر موازنة مشاريع الإعمار لعام 2024",
        datetime(2024, 5, 18, 11, 5),
        "نينا",
        (5, 8),
        None,
    ),
    (
        "kicker_after_title",
        "ضبط تشكيل عصابي تخصص في سرقة السيارات بالقاهرة الجديدة",
        datetime(2024, 5, 15, 11, 30),
        None,
        (6, 8),
        None,
    ),
    (
        "gulf_known_credit",
        "انطلاق أعمال منتدى الدوحة للطاقة النظيفة بمشاركة 60 دولة",
        None,
        "قنا",
        (2, 4),
        None,
    ),
    (
        "parentheses_in_body",
        "الحلف الإقليمي يعقد اجتماعا طارئا لبحث الوضع في وادي السدر",
        None,
        None,
        (1, 3),
        None,
    ),
    ("column_question", "متى نتعلم من أزماتنا؟", None, None, (3, 6), None),
]


@pytest.mark.parametrize(
    ("name", "title", "published_at", "agency", "body", "lead"),
    OUTLET_TEXTS,
    ids=[case[0] for case in OUTLET_TEXTS],
)
def test_header_of_any_outlet_is_removed_and_every_body_line_kept(
    name: str,
    title: str | None,
    published_at: datetime | None,
    agency: str | None,
    body: tuple[int, int],
    lead: str | None,
) -> None:
    text = read("text", f"{name}.txt")
    cleaned = clean_text(text)
    assert (cleaned.title, cleaned.published_at, cleaned.agency) == (title, published_at, agency)
    expected = [line.strip() for line in text.split("\n") if line.strip()][body[0] : body[1]]
    out = cleaned.text.split("\n")
    assert len(out) == len(expected)  # every header and footer line is gone
    if lead is not None:
        assert out[0].startswith(lead) and expected[0].endswith(out[0])
        expected, out = expected[1:], out[1:]
    assert out == expected


LEAD = "وأضاف أن فرق الدفاع المدني باشرت إخماد الحريق، وأن التحقيقات جارية لمعرفة أسبابه وتقدير حجم الخسائر."


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("قال مسؤول في الوزارة إن الحادث وقع أمس", None),
        ("أعلنت الشركة نتائجها المالية للربع الأول", None),
        ("اندلع حريق في مستودع بالمنطقة الصناعية", None),
        ("الدفاع المدني يخمد حريقا في مستودع للأخشاب", "الدفاع المدني يخمد حريقا في مستودع للأخشاب"),
        ("حريق المستودع.. من المسؤول؟", "حريق المستودع.. من المسؤول؟"),
    ],
    ids=["said-without-period", "announced", "broke-out", "headline", "question-headline"],
)
def test_headline_or_short_lead_sentence(first: str, title: str | None) -> None:
    cleaned = clean_text(f"{first}\n{LEAD}")
    assert cleaned.title == title
    assert cleaned.text.split("\n") == ([LEAD] if title else [first, LEAD])


def test_a_label_above_the_lead_is_neither_title_nor_body() -> None:
    cleaned = clean_text(f"عرب وعالم\n{LEAD}")
    assert cleaned.title is None and cleaned.text == LEAD


WIRE = "توصل الوفدان إلى اتفاق مبدئي على وقف إطلاق النار."
NEXT = "وقال المبعوث إن الاتفاق خطوة أولى."
NOT_CREDITS = [
    "أعلن الحلف (راسك) - في بيان مقتضب - استعداده للوساطة بين الطرفين.",
    "وقال الوزير اليوم (الاثنين) - في مؤتمر صحفي - إن الخطة جاهزة للتنفيذ.",
    "مرّ والدهم (أبو أحمد) - موظف في شركة النفط - بعارض صحي خطير.",
]


@pytest.mark.parametrize(
    ("text", "agency", "first_line"),
    [
        (f"جنيف (رمنا) - {WIRE}\n{NEXT}", "رمنا", WIRE),
        (f"(رمنا)\nجنيف - {WIRE}\n{NEXT}", "رمنا", WIRE),
        (f"{WIRE}\n{NEXT}\n(رمنا)", "رمنا", WIRE),
        (f"(رمنا) - {WIRE}\n{NEXT}", "رمنا", WIRE),
        (f"الرياض - واس\n{WIRE}", "واس", WIRE),
        *[(f"{line}\n{NEXT}", None, line) for line in NOT_CREDITS],
    ],
    ids=[
        "inline-after-place",
        "own-line-then-place",
        "own-line-at-bottom",
        "inline-alone",
        "known-place-dash",
        "organization-acronym",
        "weekday",
        "nickname",
    ],
)
def test_agency_credits_of_unknown_agencies(text: str, agency: str | None, first_line: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.agency == agency
    assert cleaned.text.split("\n")[0] == first_line
    assert "(رمنا)" not in cleaned.text


def test_poem_lines_above_a_furniture_looking_line_are_kept() -> None:
    poem = [
        "له حبة أحلى من الما على الظما",
        "وألذ من مطعوم كل معاش",
        "واحلى من اللي ينقد الطير راسها",
        "ينوشها فوق الجريد نواش",
        "***",
        "وألذ من در الاباكير في الشتا",
    ]
    cleaned = clean_text("\n".join(poem), title="أحلى من اللي ينقد الطير راسها")
    assert cleaned.text.split("\n") == [line for line in poem if line != "***"]  # the title is verse here


def with_site_name(meta: str) -> str:
    return read("html", "okaz_style.html").replace("<head>", f"<head>{meta}", 1)


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("موقع النبأ | واشنطن تفرض عقوبات جديدة على شركات شحن", "واشنطن تفرض عقوبات جديدة على شركات شحن"),
        ("حكايتي مع الكتابة - صحيفة الوطن أون لاين السعودية", "حكايتي مع الكتابة"),
    ],
    ids=["site-name-first", "short-headline-then-a-long-site-name"],
)
def test_extract_html_takes_the_headline_part_of_the_title(title: str, headline: str) -> None:
    body = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            "فرضت وزارة الخزانة الأمريكية يوم الأربعاء عقوبات على ست شركات شحن وثلاث سفن في المنطقة.",
            "وقال مسؤول في الوزارة إن العقوبات تستهدف الشبكات التي تمول الأنشطة المزعزعة للاستقرار.",
            "ولم ترد الشركات المعنية على طلبات للتعليق حتى مساء أمس بحسب ما أفادت وكالات الأنباء.",
        )
    )
    html = f'<html lang="ar"><head><title>{title}</title></head><body><div>{body}</div></body></html>'
    assert extract_html(html).title == headline


def test_extract_html_returns_the_site_name() -> None:
    html = with_site_name('<meta content="عكاظ &amp; شركاه" property="og:site_name">')
    assert extract_html(html).outlet == "عكاظ & شركاه"
    assert extract_html(read("html", "okaz_style.html")).outlet is None


def test_stage_fills_the_outlet_from_the_page_only_when_the_input_has_none() -> None:
    html = with_site_name('<meta property="og:site_name" content="عكاظ">')
    assert Extract()(Article(id="h", source="a.html", text="", html=html)).outlet == "عكاظ"
    assert Extract()(Article(id="h", source="a.html", text="", html=html, outlet="okaz")).outlet == "okaz"
    assert "outlet" in Extract.provides


@pytest.mark.parametrize(
    ("first", "kept"),
    [
        ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك نظمت اللجنة المحلية للانتخابات ورشة عمل.", False),
        ("شارك عبر: واتساب | تويتر | فيس بوك (واس) - نظمت اللجنة المحلية للانتخابات ورشة عمل.", False),
        ("شارك وزير الخارجية عبر تويتر وفيسبوك في حملة نظمتها اللجنة المحلية للانتخابات.", True),
    ],
)
def test_a_share_prompt_glued_to_the_lead_is_cut_off(first: str, kept: bool) -> None:
    """okaz's text opens with its share buttons run into the first sentence (157 articles)."""
    cleaned = clean_text(f"{first}\nوقدم المشاركون في الورشة شرحا وافيا عن أهمية الانتخابات.")
    lead = cleaned.text.split("\n")[0]
    assert lead == first if kept else lead == "نظمت اللجنة المحلية للانتخابات ورشة عمل."


def test_extract_html_keeps_an_embedded_tweet_but_not_its_signature() -> None:
    cleaned = extract_html(read("html", "skynews_style.html"), url="https://example.com/world/1-a")
    assert cleaned.title == "الأمم المتحدة تحذر من مجاعة في السودان"
    assert cleaned.published_at is not None and cleaned.published_at.date() == datetime(2024, 5, 14).date()
    assert cleaned.text.startswith("حذرت الأمم المتحدة، الثلاثاء")
    assert "Sudan: millions face famine" in cleaned.text  # what the tweet said is quoted
    furniture = ("@UNOCHA", "اقرأ أيضاً", "مفاوضات جدة", "الوسوم", "شارك", "الأكثر قراءة", "أرشيفية", "الحقوق")
    assert [word for word in furniture if word in cleaned.text] == []


def test_a_print_issues_address_dates_a_text_fetched_days_later() -> None:
    text = "أعلنت وزارة الصحة أمس عن افتتاح مستشفى جديد في مدينة الدمام بسعة مئتي سرير."
    crawled = datetime(2015, 8, 6, 2, 30)
    issue = Article(
        id="a",
        source="x",
        text=text,
        url="http://www.al-jazirah.com/2015/20150805/ln12.htm",
        fetched_at=crawled,
    )
    same_day = Article(
        id="b", source="x", text=text, url="http://www.aleqt.com/2015/08/06/a_1.html", fetched_at=crawled
    )
    undated = Article(id="c", source="x", text=text, url="http://sabq.org/news/123456", fetched_at=crawled)
    stage = Extract()
    assert stage(issue).published_at == datetime(2015, 8, 5)
    assert stage(issue).reference_at == datetime(2015, 8, 5)
    assert stage(same_day).published_at is None  # the fetch time is the finer reference
    assert stage(undated).reference_at == crawled
