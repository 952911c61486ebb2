"""The quotes stage on realistic Arabic news sentences: spans, kinds, cues and speakers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from marsad.arabic.cues import CUES, cue_key
from marsad.model import Mention
from marsad.stages.quotes import QuoteStage, find_quotes
from tests.conftest import NATO_TEXT, make_article


def names(text: str, *found: tuple[str, str]) -> list[Mention]:
    """Mentions for the given (name, type) pairs, at their first occurrence in `text`."""
    mentions = []
    for name, kind in found:
        start = text.index(name)
        mentions.append(Mention(start, start + len(name), name, kind))  # type: ignore[arg-type]
    return mentions


@pytest.mark.parametrize(
    ("word", "lemma", "gender", "number"),
    [
        ("وأكدت", "اكد", "f", "sg"),
        ("وأضافوا", "اضاف", "m", "pl"),
        ("مشيرةً", "اشار", "f", "sg"),
        ("قائلا", "قال", "m", "sg"),
        ("وتابعت", "تابع", "f", "sg"),
        ("يقولون", "قال", "m", "pl"),
        ("وأشرن", "اشار", "f", "pl"),
        ("وأضفن", "اضاف", "f", "pl"),
    ],
    ids=[
        "past-f",
        "past-pl",
        "participle-f",
        "participle-hamza",
        "implicit-f",
        "present-pl",
        "past-f-pl",
        "added-f-pl",
    ],
)
def test_cue_forms_carry_gender_and_number(word: str, lemma: str, gender: str, number: str) -> None:
    key = cue_key(word.lstrip("و"))
    assert key in CUES
    assert (CUES[key].lemma, CUES[key].gender, CUES[key].number) == (lemma, gender, number)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("وقال الوزير: «الحل سياسي ولا بديل عنه».", "الحل سياسي ولا بديل عنه"),
        ("وقال الوزير “الحل سياسي ولا بديل عنه”.", "الحل سياسي ولا بديل عنه"),
        ('وقال الوزير إن "الحل سياسي ولا بديل عنه".', "الحل سياسي ولا بديل عنه"),
        ("وأضاف: الحل سياسي ولا بديل عنه.", "الحل سياسي ولا بديل عنه"),
        ('وقال الوزير :" الحل سياسي ولا بديل عنه " .', "الحل سياسي ولا بديل عنه"),
        ("وقال الوزير: «إن تنظيم «داعش» يهدد المنطقة كلها».", "إن تنظيم «داعش» يهدد المنطقة كلها"),
        ('وقال الوزير: "إن تنظيم "داعش" يهدد المنطقة كلها".', 'إن تنظيم "داعش" يهدد المنطقة كلها'),
        ("ونقل التلفزيون الرسمي عن الرئيس قوله: «لن نتراجع».", "لن نتراجع"),
    ],
    ids=[
        "guillemets-colon",
        "curly",
        "straight-after-inna",
        "colon-no-marks",
        "spaces-inside-marks",
        "inner-guillemets",
        "inner-straight-quotes",
        "two-words-after-a-colon",
    ],
)
def test_direct_quotes_in_every_style(text: str, quoted: str) -> None:
    quotes = find_quotes(text, [])
    assert [(q.text, q.direct) for q in quotes] == [(quoted, True)]
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_a_quote_left_open_does_not_swallow_the_quotes_after_it() -> None:
    # The journalist never closed the first quote; the later ones must still be found.
    text = (
        'وقال الجبير "لم يكن هناك بحث ولا اجتماعات في مكة. وشدد على أن موقف المملكة لم يتغير. '
        'وأردف: "الحديث مع أمريكا كان يدور حول التعاون العسكري". '
        'وقال الجبير "عودة السفير إلى اليمن ستتم في أقرب وقت".'
    )
    quoted = [q.text for q in find_quotes(text, [])]
    assert "الحديث مع أمريكا كان يدور حول التعاون العسكري" in quoted
    assert "عودة السفير إلى اليمن ستتم في أقرب وقت" in quoted


def test_reported_statement_ends_at_the_next_clause_cue() -> None:
    text = (
        "وقال المتحدث الأمني لوزارة الداخلية اللواء منصور التركي إن المنفذ سعودي الجنسية، "
        "مشيراً إلى أنه تم إطلاق سراحه بعد 45 يوما."
    )
    quotes = find_quotes(text, names(text, ("منصور التركي", "PER")))
    assert [(q.text, q.cue, q.direct) for q in quotes] == [
        ("المنفذ سعودي الجنسية", "قال", False),
        ("تم إطلاق سراحه بعد 45 يوما", "مشيراً", False),
    ]
    assert [q.speaker_text for q in quotes] == ["منصور التركي", "منصور التركي"]


def test_implicit_subject_agrees_in_gender() -> None:
    text = (
        "وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن موسكو تدعم الحوار. "
        "وقال وزير الخارجية عادل الجبير إن المملكة ترحب بالمبادرة. "
        "وتابعت أن الحل يجب أن يكون سياسيا."
    )
    mentions = names(text, ("ماريا زاخاروفا", "PER"), ("عادل الجبير", "PER"))
    speakers = [q.speaker_text for q in find_quotes(text, mentions)]
    assert speakers == ["ماريا زاخاروفا", "عادل الجبير", "ماريا زاخاروفا"]


def test_a_title_phrase_is_not_the_title_of_the_name_right_before_it() -> None:
    text = (
        "يمثل النجم البرازيلي رونالدينيو أمام محكمة في ريو دي جانيرو الأسبوع المقبل في دعوى رفعها "
        "عليه رجل الأعمال ماركوس فييرا. وطالب النجم السابق محاميه بالسعي إلى تأجيل الجلسة."
    )
    mentions = names(text, ("رونالدينيو", "PER"), ("ماركوس فييرا", "PER"))
    assert [q.speaker_text for q in find_quotes(text, mentions)] == ["رونالدينيو"]


def test_an_implicit_subject_with_no_speaker_before_is_the_first_person_named() -> None:
    text = (
        "التقى وزير الخارجية عادل الجبير في الدوحة نظيره الأمريكي جون كيري. "
        "وشدد على أن أمن الخليج مسؤولية دوله."
    )
    mentions = names(text, ("عادل الجبير", "PER"), ("جون كيري", "PER"))
    assert [q.speaker_text for q in find_quotes(text, mentions)] == ["عادل الجبير"]


def test_title_alone_resolves_to_the_person_named_with_it() -> None:
    text = (
        "وصل وزير الخارجية الإيراني محمد جواد ظريف إلى الكويت أمس. "
        "وأكد وزير الخارجية الإيراني أن بلاده تريد علاقات حسن الجوار."
    )
    quotes = find_quotes(text, names(text, ("محمد جواد ظريف", "PER")))
    assert [q.speaker_text for q in quotes] == ["محمد جواد ظريف"]


def test_short_name_takes_the_full_name_given_earlier_and_linked_ids() -> None:
    text = "أكد أسامة النجيفي أن المظاهرات مشروعة. وقال النجيفي إن الحكومة مسؤولة عن الإخفاق."
    mentions = [
        Mention(4, 17, "أسامة النجيفي", "PER", "Q1"),
        Mention(text.index("النجيفي إن"), text.index("النجيفي إن") + 7, "النجيفي", "PER", "Q1"),
        Mention(text.index("الحكومة"), text.index("الحكومة") + 7, "الحكومة", "ORG", "Q9"),
    ]
    quotes = find_quotes(text, mentions)
    assert [(q.speaker, q.speaker_text) for q in quotes] == [("Q1", "أسامة النجيفي"), ("Q1", "أسامة النجيفي")]
    assert quotes[1].about == ("Q9",)


def test_unnamed_speaker_keeps_its_phrase() -> None:
    text = "وأكدت مصادر محلية أن المقاومة الشعبية واصلت تقدمها في محافظة أبين."
    [quote] = find_quotes(text, [])
    assert (quote.speaker, quote.speaker_text, quote.cue) == (None, "مصادر محلية", "أكدت")


def test_nested_attribution_records_the_reporting_source_as_via() -> None:
    text = "وأضاف البيان أن ستولتنبرغ أكد أن الحلف سيواصل دعم الحوار."
    [quote] = find_quotes(text, names(text, ("ستولتنبرغ", "PER")))
    assert (quote.text, quote.speaker_text, quote.via) == ("الحلف سيواصل دعم الحوار", "ستولتنبرغ", "البيان")


def test_attribution_after_the_statement() -> None:
    text = "قتل 13 شخصا على الأقل في ثلاثة تفجيرات بشمال نيجيريا، على ما أفاد مصدر طبي."
    [quote] = find_quotes(text, [])
    assert quote.text == "قتل 13 شخصا على الأقل في ثلاثة تفجيرات بشمال نيجيريا"
    assert (quote.speaker_text, quote.direct) == ("مصدر طبي", False)


def test_preposition_complement_and_colon_only_cues() -> None:
    text = "وأعرب توني أبوت رئيس وزراء أستراليا عن أسفه لصدور الحكم. وزاد: «المشروع سيغذي 100 مليون شخص»."
    quotes = find_quotes(text, names(text, ("توني أبوت", "PER")))
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("أسفه لصدور الحكم", "توني أبوت"),
        ("المشروع سيغذي 100 مليون شخص", "توني أبوت"),
    ]


def test_the_object_after_a_name_starts_at_its_verbal_noun_not_after_it() -> None:
    text = (
        "وأعلنت وزارة الداخلية الكويتية القبض على خلية إرهابية. وأكد سامح شكري التزام مصر بالتحالف. "
        "وأكد تنظيم داعش الإرهابي مسؤوليته عن الهجوم. وكشف عبدالعزيز المهووس المدير التنفيذي "
        "ملامح الخطة. وأعلنت شرطة منطقة مكة المكرمة القبض على ثلاثة أشخاص."
    )
    mentions = names(
        text,
        ("وزارة الداخلية الكويتية", "ORG"),
        ("سامح شكري", "PER"),
        ("داعش", "ORG"),
        ("عبدالعزيز المهووس", "PER"),
        ("مكة", "LOC"),
    )
    quotes = find_quotes(text, mentions)
    # An adjective (الإرهابي) or a title (المدير التنفيذي) after the name is still the subject.
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("القبض على خلية إرهابية", "وزارة الداخلية الكويتية"),
        ("التزام مصر بالتحالف", "سامح شكري"),
        ("مسؤوليته عن الهجوم", "تنظيم داعش الإرهابي"),
        ("ملامح الخطة", "عبدالعزيز المهووس"),
        ("القبض على ثلاثة أشخاص", "شرطة منطقة مكة المكرمة"),  # a body of a place: the subject
    ]


@pytest.mark.parametrize(
    "text",
    [
        'وقدمت الفنانات أغاني منها "ألف ليلة وليلة" و"الأطلال" أمام جمهور كبير.',
        "ويذكر أن المقاومة انتزعت آخر حصون الميليشيات، والجدير ذكره أن المعارك استمرت.",
        "وزاد عدد الزوار إلى 11 ألفا خلال أسبوع من افتتاح المعرض.",
        "وأقيم المعرض في مبنى تابع لقوات الطوارئ بعد أن افتتحه المحافظ.",
        "وعند وصول الفرق الإسعافية تبين أن الحادث عبارة عن ارتطام سيارة بعمود كهرباء.",
        "واستعرضت الدورة العلاقة بين العقل والعاطفة حيث إن العلاقة بينهما ملتبسة.",
        "وتشمل الخطة تحصيل مطالبات التأمين إن وجدت قبل الشطب.",
        'وشارك في الدّورات الثّمان السّابقة، وتُسمى الأمسيتان "أمسيتا شباب عكاظ"، وتكون هناك أمسية ثالثة.',
        "وتسلم الفريق كأس البطولة. يُذكر أن الفريق سيشارك في الدوري الممتاز.",
        "بل «النظر في إمكانيات التعاون» بين عاصمتين «تباعد بينهما الكثير من المواقف المتضاربة» بشأن الأزمات.",
        "ونما نشاط المصانع بأسرع وتيرة في خمسة أشهر، مما يشير إلى أن النمو الاقتصادي يتعافى.",
        "ولم تكشف الشرطة عن هوية المشتبه به حتى الآن.",
        "ولا يوضح المسؤول موعد بدء المشروع في تصريحه.",
        "بينما كتب واسيني الأعرج عن «جاز أنيس بن حلاق».",
        "واستهل العدد بمقال رئيس التحرير سيف المري: «مقابل حفنة دولارات»، عن الواقع الدرامي.",
    ],
    ids=[
        *("quoted-titles", "journalist-formulas", "zaad-increased", "affiliated-and-conjunction"),
        *("it-turned-out", "between", "claims-noun", "word-after-a-shadda", "passive-yudhkar"),
        "between-after-a-quotation",
        "the-writer-s-inference",
        *("negated-cue", "negated-present-cue", "wrote-about-a-title", "a-work-s-title-after-a-colon"),
    ],
)
def test_no_quote_where_nobody_speaks(text: str) -> None:
    assert find_quotes(text, []) == []


def test_bayyana_the_verb_is_told_from_bayna_the_preposition() -> None:
    text = (
        "وبين المصدر أن الحملة مستمرة. ووزعت الهدايا على الطلاب بيّن بري أن البرنامج يقام للعام الخامس. "
        "وتم الاتفاق بين الطرفين، وأن العمل سيبدأ قريبا."
    )
    assert [(q.speaker_text, q.text) for q in find_quotes(text, [])] == [
        ("المصدر", "الحملة مستمرة"),
        ("بري", "البرنامج يقام للعام الخامس"),
    ]
    # inflected, it is the verb whatever the length of its subject
    long_subject = (
        "وبينت مديرة الإدارة العامة لبرامج التدريب المشترك بإدارة التدريب التقني للبنات فائزة "
        "الغامدي أن الإدارة ستفتح باب التسجيل قريبا."
    )
    [quote] = find_quotes(long_subject, names(long_subject, ("فائزة الغامدي", "PER")))
    assert (quote.speaker_text, quote.text) == ("فائزة الغامدي", "الإدارة ستفتح باب التسجيل قريبا")
    shadda = "وبيّن رئيس اللجنة الإعلامية بالمهرجان حماد بن عوض الحربي أن الحفل ناجح."
    [quote] = find_quotes(shadda, names(shadda, ("حماد بن عوض الحربي", "PER")))
    assert (quote.speaker_text, quote.text) == ("حماد بن عوض الحربي", "الحفل ناجح")


def test_the_colon_of_a_web_address_opens_no_quotation() -> None:
    text = (
        "ودعت المدينة الراغبين بالانضمام لكادر أعضاء هيئة البحث العلمي التقديم على الوظائف "
        "عبر الموقع الإلكتروني للمدينةhttp://careers.kacst.edu.sa/ ."
    )
    assert find_quotes(text, []) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال معاليه إن الحملة مستمرة.",  # a pronoun of honour
        "وأكد الجبير أن الحملة مستمرة.",  # the surname of a name given before, untagged
        "وقال لـ«الشرق الأوسط» إن الحملة مستمرة.",  # the outlet told
        'وقال لـ "الحياة" إن الحملة مستمرة.',
        "واختتم بالقول: «إن الحملة مستمرة».",
        "ودعا الله أن يحفظ البلاد.",  # God is called on, not speaking
    ],
    ids=["maalih", "surname", "outlet-told", "outlet-told-ascii", "bil-qawl", "calling-on-god"],
)
def test_a_speaker_written_otherwise_is_the_person_named_before(sentence: str) -> None:
    text = "استقبل الوزير عادل الجبير الوفد في الرياض. " + sentence
    god = [("الله", "PER")] if "الله" in sentence else []  # taggers often take God for a person
    quotes = find_quotes(text, names(text, ("عادل الجبير", "PER"), ("الرياض", "LOC"), *god))
    assert quotes and [q.speaker_text for q in quotes] == ["عادل الجبير"] * len(quotes)


def test_a_rank_and_surname_name_the_person_named_before_with_them() -> None:
    text = (
        "وقال اللواء منصور التركي المتحدث الأمني إن المنفذ يدعى يوسف السليمان. "
        "وأضاف اللواء التركي أن السليمان أوقف من قبل."
    )
    quotes = find_quotes(text, names(text, ("منصور التركي", "PER"), ("يوسف السليمان", "PER")))
    assert [q.speaker_text for q in quotes] == ["منصور التركي", "منصور التركي"]


def test_a_country_is_no_adverb_even_when_it_looks_like_one() -> None:
    text = "أكدت ماليزيا، اليوم (الأحد)، إن الحطام يعود للطائرة المفقودة."
    [quote] = find_quotes(text, names(text, ("ماليزيا", "LOC")))
    assert quote.speaker_text == "ماليزيا"  # م...ا, like مجددا


def test_the_ministry_is_the_ministry_named_last_when_its_name_was_tagged() -> None:
    omani = "أعلنت وزارة الصحة العمانية، اليوم، تسجيل إصابتين. وقالت الوزارة إن الحالتين مستقرتان."
    quotes = find_quotes(omani, names(omani, ("وزارة الصحة العمانية", "ORG")))
    assert [q.speaker_text for q in quotes] == ["وزارة الصحة العمانية"] * 2
    assert quotes[0].text == "تسجيل إصابتين"
    # The municipal ministry, untagged, is not the interior ministry named before it.
    municipal = (
        "نسقت اللجان مع وزارة الداخلية. وأصدرت وزارة الشؤون البلدية بيانا. "
        + "وقالت الوزارة إن الانتخابات قريبة."
    )
    [quote] = find_quotes(municipal, names(municipal, ("وزارة الداخلية", "ORG")))
    assert quote.speaker_text == "الوزارة"
    # ... but a plain use of the kind between them refers back to the body named
    university = (
        "فتحت جامعة نجران باب القبول. ويمكن التسجيل عبر موقع الجامعة الإلكتروني. "
        "كما أكدت الجامعة بأنه يتم استقبال الطلبات يوميا."
    )
    [quote] = find_quotes(university, names(university, ("جامعة نجران", "ORG")))
    assert quote.speaker_text == "جامعة نجران"


def test_a_body_named_after_its_kind_is_what_the_kind_says() -> None:
    text = (
        "تبنى تنظيم داعش الهجوم. وقال التنظيم في بيان إن المنفذ سعودي. ونقل تقرير كابيتال "
        + "إيكونوميكس توقعات النمو. وأضاف التقرير أن التضخم سيبقى منخفضا."
    )
    found = names(text, ("داعش", "ORG"), ("كابيتال إيكونوميكس", "ORG"))
    # the kind before a name in apposition (تنظيم داعش), not a genitive's head (تقرير كابيتال)
    assert [q.speaker_text for q in find_quotes(text, found)] == ["داعش", "التقرير"]


def test_an_article_of_thousands_of_quotes_finds_each_one() -> None:
    # one sentence with no full stop and thousands of names and cues: every lookup stays local
    unit = "قال محمد إن الجو حار جدا في المدينة هذا الأسبوع، و"
    text = unit * 3000
    found = [Mention(i * len(unit) + 4, i * len(unit) + 8, "محمد", "PER") for i in range(3000)]
    assert text[found[-1].start : found[-1].end] == "محمد"
    quotes = find_quotes(text, found)
    assert len(quotes) == 3000 and {q.speaker_text for q in quotes} == {"محمد"}


def test_an_abbreviated_title_ends_no_sentence() -> None:
    text = (
        "وأوضح مدير الإدارة اللواء د. محمد بن عبدالله المرعول خلال إطلاقه البرنامج أن البرنامج جاء "
        + "بناء على توجيه كريم. وأبان د. المرعول بأن الورش تستمر ثلاثة أيام."
    )
    quotes = find_quotes(text, names(text, ("محمد بن عبدالله المرعول", "PER")))
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("البرنامج جاء بناء على توجيه كريم", "محمد بن عبدالله المرعول"),
        ("الورش تستمر ثلاثة أيام", "محمد بن عبدالله المرعول"),
    ]


def test_a_preposition_or_complementizer_inside_a_name_is_the_name() -> None:
    text = "وأكد د. علي العيثان - طبيب - أن المبيدات تشكل خطورة على العاملين."
    [quote] = find_quotes(text, names(text, ("علي العيثان", "PER")))
    assert (quote.text, quote.speaker_text) == ("المبيدات تشكل خطورة على العاملين", "علي العيثان")
    coach = "وحول ذلك قال فان غال إن دي خيا لن يلعب اليوم."
    [quote] = find_quotes(coach, names(coach, ("فان غال", "PER"), ("دي خيا", "PER")))
    assert (quote.text, quote.speaker_text) == ("دي خيا لن يلعب اليوم", "فان غال")
    students = "طالب عدد من المبتعثين في بريطانيا بتخصيص جهة رسمية لتقييم إنجازاتهم."
    [quote] = find_quotes(students, names(students, ("بريطانيا", "LOC")))
    assert (quote.text, quote.speaker_text) == ("تخصيص جهة رسمية لتقييم إنجازاتهم", "عدد من المبتعثين")


def test_a_second_verb_after_the_cue_is_no_subject() -> None:
    text = "وأكد وزير الخارجية عادل الجبير أن المملكة ماضية في طريقها. وأكد وشدد على أهمية الحوار."
    quotes = find_quotes(text, names(text, ("عادل الجبير", "PER")))
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("المملكة ماضية في طريقها", "عادل الجبير"),
        ("أهمية الحوار", "عادل الجبير"),
    ]


def test_expressed_is_a_cue_but_via_is_not() -> None:
    text = (
        "وعبر نائب خادم الحرمين الشريفين عن أبلغ التهاني لفخامته. "
        + "وتحدث الوزير عبر الهاتف عن خطط الوزارة. وعبرت العاصفة هولندا، وأسفرت عن مقتل شخص."
    )
    [quote] = find_quotes(text, [])
    assert (quote.text, quote.cue) == ("أبلغ التهاني لفخامته", "عبر")


def test_a_title_right_before_a_name_is_that_name_s_own() -> None:
    text = (
        "بعث الملك سلمان بن عبدالعزيز برقية تهنئة لفخامة السيدة سيمونيتا سوماروغا رئيس الاتحاد "
        + "السويسري بمناسبة اليوم الوطني. وأعرب الملك المفدى عن أصدق التهاني."
    )
    found = names(text, ("سلمان بن عبدالعزيز", "PER"), ("سيمونيتا سوماروغا", "PER"))
    [quote] = find_quotes(text, found)
    assert quote.speaker_text == "سلمان بن عبدالعزيز"


def test_a_describing_noun_stands_for_the_person_it_introduced() -> None:
    text = "أصدرت الشاعرة السعودية رزان العتيبي ديوانها. وعن الديوان أكدت الشاعرة أنها جمعت فيه قصائدها."
    [quote] = find_quotes(text, names(text, ("رزان العتيبي", "PER")))
    assert quote.speaker_text == "رزان العتيبي"
    # A lead's unnamed expert is the one the next sentence names with the same words.
    lead = (
        "طالب خبير اقتصادي بضرورة وضع آلية تحمي المواطن. "
        + "واعتبر الخبير الاقتصادي عبدالعزيز شروفنا أن الخطوة إيجابية."
    )
    quotes = find_quotes(lead, names(lead, ("عبدالعزيز شروفنا", "PER")))
    assert [q.speaker_text for q in quotes] == ["عبدالعزيز شروفنا", "عبدالعزيز شروفنا"]


def test_an_indefinite_noun_after_a_call_is_its_subject_not_its_object() -> None:
    subject = "وطالب عدد من الخريجين بإعادة النظر في القرار."
    [quote] = find_quotes(subject, [])
    assert quote.speaker_text == "عدد من الخريجين"
    objects = "وقال الرئيس ألكسيس تسيبراس إن الحزب موحد، ودعا أولئك الذين يختلفون معه إلى الانسحاب."
    quotes = find_quotes(objects, names(objects, ("ألكسيس تسيبراس", "PER")))
    assert [q.speaker_text for q in quotes] == ["ألكسيس تسيبراس", "ألكسيس تسيبراس"]


@pytest.mark.parametrize("body", ["المحكمة الجنائية الدولية", "الأمم المتحدة"])
def test_a_feminine_body_after_a_masculine_call_is_its_object(body: str) -> None:
    text = f"وقال السفير محمد صبيح إن الحادث مؤلم. وطالب {body} بالتحقيق في الجريمة."
    quotes = find_quotes(text, names(text, ("محمد صبيح", "PER"), (body, "ORG")))
    assert [q.speaker_text for q in quotes] == ["محمد صبيح", "محمد صبيح"]


def test_an_implicit_subject_is_the_person_the_sentence_opens_with() -> None:
    text = (
        "وقال مسؤول كبير إن الزيارة فشلت. وقبل الزيارة كتبت موجيريني مقالا حيث قالت إن التعاون ممكن. "
        + "أما الرجل السابع جيفري ويب فوافق على ترحيله، وقال أمس الأول إنه غير مذنب."
    )
    found = names(text, ("موجيريني", "PER"), ("جيفري ويب", "PER"))
    assert [q.speaker_text for q in find_quotes(text, found)] == ["مسؤول كبير", "موجيريني", "جيفري ويب"]


def test_an_unnamed_source_before_its_verb_is_the_speaker() -> None:
    text = "وتعثرت المفاوضات. مصادر سياسية مطلعة أشارت لـ«عكاظ» أن الحكومة ستجتمع قريبا."
    [quote] = find_quotes(text, [])
    assert (quote.text, quote.speaker_text) == ("الحكومة ستجتمع قريبا", "مصادر سياسية مطلعة")


def test_a_cue_carrying_its_object_reads_no_object_after_it() -> None:
    text = (
        "ضخ البنك المركزي مليارات الدولارات في البنوك، وفقا لما أعلنته مجلة «كايشين» اليوم "
        + "(الثلاثاء) دون تحديد مصدرها."
    )
    [quote] = find_quotes(text, [])
    assert quote.text == "ضخ البنك المركزي مليارات الدولارات في البنوك"


def test_the_source_of_an_after_the_fact_attribution_speaks_on() -> None:
    text = (
        "أعدم التنظيم أكثر من 2000 مواطن بحسب ما أكده مسؤول الإعلام في الاتحاد الوطني، "
        + "مشيرا إلى أن أغلبهم من الشرطة."
    )
    quotes = find_quotes(text, [])
    assert [q.speaker_text for q in quotes] == ["مسؤول الإعلام", "مسؤول الإعلام"]


def test_an_after_the_fact_attribution_takes_no_complement_after_its_source() -> None:
    text = (
        "حصلت بكين على تنظيم الألعاب الأولمبية الشتوية بحسب ما أعلن توماس باخ رئيس اللجنة "
        "الأولمبية الدولية من كوالالمبور."
    )
    [quote] = find_quotes(text, names(text, ("توماس باخ", "PER")))
    assert (quote.text, quote.speaker_text) == ("حصلت بكين على تنظيم الألعاب الأولمبية الشتوية", "توماس باخ")


def test_as_someone_said_after_a_comma_attributes_the_clause_before() -> None:
    text = (
        "قتل أربعة جنود أوكرانيين في المعارك، كما أعلنت كييف، في حين فشلت الهدنة. "
        "وارتفعت الأسعار بنسبة كبيرة هذا العام، كما ذكر التلفزيون الرسمي. "
        "وقال الوزير إن الخطة جاهزة، كما أكد الالتزام بالمواعيد."
    )
    quotes = [(q.speaker_text, q.text) for q in find_quotes(text, names(text, ("كييف", "LOC")))]
    assert quotes == [
        ("كييف", "قتل أربعة جنود أوكرانيين في المعارك"),
        ("التلفزيون الرسمي", "وارتفعت الأسعار بنسبة كبيرة هذا العام"),
        ("الوزير", "الخطة جاهزة"),  # and then, as well, what he stressed
        ("الوزير", "الالتزام بالمواعيد"),
    ]


def test_a_participle_describing_the_noun_before_it_says_nothing() -> None:
    text = (
        "ووصل الوزير في زيارة غير معلنة إلى بغداد أمس. وأعلنت وزارة الصحة تسجيل 4 إصابات مؤكدة بفيروس "
        "كورونا في الرياض. وأصدرت الهيئة نشرة، مؤكدة أن الأسعار مستقرة."
    )
    quotes = [(q.cue, q.text) for q in find_quotes(text, [])]
    assert quotes == [
        ("أعلنت", "تسجيل 4 إصابات مؤكدة بفيروس كورونا في الرياض"),
        ("مؤكدة", "الأسعار مستقرة"),
    ]


def test_a_participle_speaks_for_the_name_after_the_verb_that_opens_its_sentence() -> None:
    text = (
        "وقالت وزارة الخارجية الإيرانية إن الاتفاق مهم. ورحبت المملكة العربية السعودية بالقرار مؤكدة أنه "
        "خطوة إيجابية. وأيدت اليابان الولايات المتحدة قائلة إنها تشعر بالقلق."
    )
    found = names(
        text,
        ("وزارة الخارجية الإيرانية", "ORG"),
        ("المملكة العربية السعودية", "LOC"),
        ("اليابان", "LOC"),
        ("الولايات المتحدة", "LOC"),
    )
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers == ["وزارة الخارجية الإيرانية", "المملكة العربية السعودية", "اليابان"]
    opening = "أدانت منظمة هيومن رايتس ووتش الهجوم على المدنيين، مشيرة إلى أن القصف عشوائي."
    [quote] = find_quotes(opening, names(opening, ("منظمة هيومن رايتس ووتش", "ORG")))
    assert quote.speaker_text == "منظمة هيومن رايتس ووتش"  # a feminine verb, no و before it


@pytest.mark.parametrize("part", ["من جانبه", "من جهته،", "بدوره"])
def test_for_his_part_after_a_comma_opens_another_speakers_turn(part: str) -> None:
    text = f"وأكد الوزير خالد الفالح أن القمة مهمة، {part} قال الرئيس أوهورو كينياتا إن القمة ناجحة."
    found = names(text, ("خالد الفالح", "PER"), ("أوهورو كينياتا", "PER"))
    quotes = [(q.speaker_text, q.text) for q in find_quotes(text, found)]
    assert quotes == [("خالد الفالح", "القمة مهمة"), ("أوهورو كينياتا", "القمة ناجحة")]


def test_scripture_and_a_hadith_after_qala_are_not_the_quoters() -> None:
    text = (
        "قال تعالى: «وتعاونوا على البر والتقوى». وقال الشيخ إن الصبر واجب، وقال صلى الله عليه وسلم: "
        "«الدين النصيحة». وأضاف أن الصبر مفتاح الفرج."
    )
    speakers = [q.speaker_text for q in find_quotes(text, [])]
    assert speakers == ["الله", "الشيخ", "صلى الله عليه وسلم", "الشيخ"]


def test_a_statement_nested_in_the_speakers_own_is_not_relayed_by_him() -> None:
    text = (
        "وقال آل الشيخ إن الدعوة إلى الله من أفضل القربى (ومن أحسن قولاً ممن دعا إلى الله وعمل صالحا وقال "
        "إنني من المسلمين) ومن التنافس إصلاح الشباب."
    )
    found = [replace(m, entity="per:al-al-shikh") for m in names(text, ("آل الشيخ", "PER"))]
    quotes = find_quotes(text, found)
    assert quotes and all(q.speaker == "per:al-al-shikh" and q.via is None for q in quotes)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "وأكد وزير المالية إبراهيم العساف حرص الحكومة على دعم القطاع الخاص.",
            "حرص الحكومة على دعم القطاع الخاص",
        ),
        ("وأكد الوزير حرص الحكومة على دعم القطاع الخاص.", "حرص الحكومة على دعم القطاع الخاص"),
        ("وأكد الأمير خالد الفيصل أمير منطقة مكة على أهمية المشروع.", "أهمية المشروع"),
        ("وأكد نايف القحطاني أحد عملاء الشركة على أن الحل هو توحيد الأسعار.", "الحل هو توحيد الأسعار"),
        ("وأكد «الحارثي» على حرص الحكومة على دعم الطلاب.", "حرص الحكومة على دعم الطلاب"),
        (
            "وأكد المدير عدم تهاون الوزارة في تطبيق النظام على المخالفين.",
            "عدم تهاون الوزارة في تطبيق النظام على المخالفين",
        ),
        ("أكد مصدر أمني أردني نبأ إلقاء القبض على سائق السيارة.", "نبأ إلقاء القبض على سائق السيارة"),
        ("أعلنت مدينة الملك عبدالله الطبية بمكة المكرمة عن فتح باب القبول.", "فتح باب القبول"),
    ],
    ids=[
        "after-the-name",
        "after-a-title",
        "second-title",
        "one-of",
        "name-in-marks",
        "stance-noun-before-a-preposition",
        "after-an-unnamed-source",
        "inside-a-name",
    ],
)
def test_an_object_before_the_verbs_preposition_is_what_was_said(text: str, said: str) -> None:
    found = names(
        text,
        *((n, "PER") for n in ("إبراهيم العساف", "خالد الفيصل", "نايف القحطاني", "الحارثي") if n in text),
        *((n, "ORG") for n in ("مدينة الملك عبدالله الطبية",) if n in text),
    )
    [quote] = find_quotes(text, found)
    assert quote.text == said


def test_belonging_to_an_adverb_and_the_one_addressed_are_no_speakers() -> None:
    text = (
        "وقع الانفجار في مسجد تابع لقوات الطوارئ حدث تفجير نتج «عنه استشهاد عشرة من رجال الأمن». "
        "وقال الضيف إن الثقافة تمر بأزمة، مضيفا: أعتقد شخصيا أنها تمر بأسوأ أزمانها."
    )
    quotes = [(q.cue, q.speaker_text) for q in find_quotes(text, [])]
    assert quotes == [("قال", "الضيف"), ("أعتقد", "الضيف")]
    condolences = (
        "وقدم الحجري تعازيه لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، موضحاً أن الفقيد كان رمزا."
    )
    [quote] = find_quotes(condolences, names(condolences, ("سلمان بن عبدالعزيز", "PER")))
    assert quote.speaker_text is None  # the king is addressed; الحجري, untagged, speaks


def test_a_person_a_sentence_is_about_is_not_its_speaker() -> None:
    text = (
        "وقال بنيتيز إن الفريق جاهز. وعن راموس قال «راموس لاعب فريقنا وسيبقى معنا». وحول مستقبل "
        "المدرب جوزيه مورينيو، أكد أن الأمر محسوم. وحول التعيين صرح رئيس المجلس عبد العزيز الراشد قائلا "
        "«إنه إضافة مميزة». عن عبدالرحمن بن أبي بكر قال: «كنا مع النبي في سفر»."
    )
    people = ("بنيتيز", "راموس", "جوزيه مورينيو", "عبد العزيز الراشد", "عبدالرحمن بن أبي بكر")
    speakers = [q.speaker_text for q in find_quotes(text, names(text, *((p, "PER") for p in people)))]
    assert speakers == ["بنيتيز", "بنيتيز", "بنيتيز", "عبد العزيز الراشد", "عبدالرحمن بن أبي بكر"]


def test_words_in_marks_after_the_verbs_preposition_are_said_without_their_marks() -> None:
    text = (
        "وأشار معصوم إلى «ضرورة الإسراع في تنفيذ الإصلاحات». ودعت الحركة إلى «الرد بقوة» على مقتل طفل. "
        "وأشارت تقارير إلى أن «انتحارية» نفذت الهجوم."
    )
    quotes = [(q.text, q.direct) for q in find_quotes(text, [])]
    assert quotes == [
        ("ضرورة الإسراع في تنفيذ الإصلاحات", True),
        ("«الرد بقوة» على مقتل طفل", False),
        ("«انتحارية» نفذت الهجوم", False),
    ]


def test_a_generic_title_head_needs_more_of_its_title_near_the_name() -> None:
    text = (
        "وأوضح باتريك سكينر، الرئيس الحالي للمشروعات، أن الخطر قائم. وقال رئيس الاستخبارات إن التنظيم "
        "يتمدد. وأكد وزير الخارجية الإيراني محمد جواد ظريف أن الاتفاق مهم. وأضاف الوزير أن الحوار مستمر."
    )
    found = names(text, ("باتريك سكينر", "PER"), ("محمد جواد ظريف", "PER"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers == ["باتريك سكينر", "رئيس الاستخبارات", "محمد جواد ظريف", "محمد جواد ظريف"]


def test_on_the_sidelines_is_where_not_what_was_stressed() -> None:
    text = "وأكد الوزير على هامش المؤتمر أن التعاون مهم. وأكد المدير على هامش اللقاء على أهمية التعاون."
    assert [q.text for q in find_quotes(text, [])] == ["التعاون مهم", "أهمية التعاون"]


def test_a_statement_opening_with_names_in_marks_joined_or_described_is_kept() -> None:
    text = (
        'قال الوزير إن "أرامكو" و"سابك" حققتا أرباحا كبيرة. وأوضح الباحث أن "الكرب" وهو المادة '
        'الأساسية في "اللنجة" كان يستغل في البناء.'
    )
    assert [q.text for q in find_quotes(text, [])] == [
        '"أرامكو" و"سابك" حققتا أرباحا كبيرة',
        '"الكرب" وهو المادة الأساسية في "اللنجة" كان يستغل في البناء',
    ]


def test_brackets_wrapping_a_statement_are_trimmed_but_not_brackets_inside_it() -> None:
    text = (
        "وقال: (نحن مستمرون في العمل حتى النهاية).\nقال تعالى: ((والوالدات يرضعن أولادهن حولين كاملين)).\n"
        "وأضاف: (الفريق جاهز) والجمهور (معنا)."
    )
    assert [q.text for q in find_quotes(text, [])] == [
        "نحن مستمرون في العمل حتى النهاية",
        "والوالدات يرضعن أولادهن حولين كاملين",
        "(الفريق جاهز) والجمهور (معنا)",
    ]


def test_attention_drawn_is_the_object_not_the_speaker() -> None:
    text = "وقال المدير إن الحملة بدأت. ولفت الانتباه إلى تركيز الحملة على الأحياء."
    assert [q.speaker_text for q in find_quotes(text, [])] == ["المدير", "المدير"]


def test_afada_reports_news_after_bi_when_no_that_follows() -> None:
    text = (
        "وأفاد مصدر يمني مسؤول بمقتل 50 مدنيا في القصف. وأفاد الطلاب بالبرنامج كثيرا. "
        "وأفاد مدير جمعية الثقافة بالباحة علي البيضاني أن الورشة نجحت."
    )
    quotes = [(q.speaker_text, q.text) for q in find_quotes(text, names(text, ("علي البيضاني", "PER")))]
    assert quotes == [("مصدر يمني مسؤول", "مقتل 50 مدنيا في القصف"), ("علي البيضاني", "الورشة نجحت")]


def test_a_statement_ends_where_its_after_the_fact_source_begins() -> None:
    text = "وقالت الصحيفة إن المفاوضات متعثرة، حسبما أفاد مصدر دبلوماسي رفيع."
    [quote] = find_quotes(text, [])
    assert (quote.text, quote.speaker_text, quote.via) == (
        "المفاوضات متعثرة",
        "الصحيفة",
        "مصدر دبلوماسي رفيع",
    )


def test_a_negated_cue_inside_the_subject_leaves_the_outer_cue_its_statement() -> None:
    text = "وأضاف مصدر أمني، لم يكشف عن اسمه، أن الهجوم أسفر عن مقتل ثلاثة جنود."
    [quote] = find_quotes(text, [])
    assert (quote.text, quote.cue, quote.speaker_text) == (
        "الهجوم أسفر عن مقتل ثلاثة جنود",
        "أضاف",
        "مصدر أمني",
    )


def test_the_subject_of_a_negated_cue_speaks_on_after_it() -> None:
    text = (
        "وقال سامح شكري إن الحوار مستمر. ولم يؤكد خالد الفالح أي اتفاق حتى الآن، "
        "وأشار إلى أن المحادثات ستتواصل."
    )
    quotes = find_quotes(text, names(text, ("سامح شكري", "PER"), ("خالد الفالح", "PER")))
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("الحوار مستمر", "سامح شكري"),
        ("المحادثات ستتواصل", "خالد الفالح"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "وأوضح محمد علي أن الأمن مستتب. لكن السلطات المصرية تقول إن عشماوي كان وراء العملية.",
            "السلطات المصرية",
        ),
        ("وأوضح محمد علي أن الأمن مستتب. والحكومة تؤكد أن الأوضاع تحت السيطرة.", "الحكومة"),
    ],
    ids=["after-but", "after-and"],
)
def test_a_body_before_its_verb_is_the_speaker(text: str, speaker: str) -> None:
    quotes = find_quotes(text, names(text, ("محمد علي", "PER")))
    assert quotes[-1].speaker_text == speaker


def test_a_quoted_sentence_after_qawluh_is_the_statement_and_a_time_no_colon() -> None:
    text = (
        "ونسبت الرسالة إلى عبد الملك الحوثي قوله “المعركة مستمرة والحرب لم تنته.” ومن المقرر "
        "بدء سريان الهدنة في الساعة (20:59 بتوقيت جرينتش) ليل اليوم الأحد."
    )
    [quote] = find_quotes(text, names(text, ("عبد الملك الحوثي", "PER")))
    assert (quote.text, quote.speaker_text) == ("المعركة مستمرة والحرب لم تنته", "عبد الملك الحوثي")


def test_a_blessing_after_a_name_is_no_statement() -> None:
    text = "أشار القرآن الكريم المنزل على النبي محمد «صلى الله عليه وسلم»، إلى حقيقة علمية في آياته."
    [quote] = find_quotes(text, [])
    assert quote.text == "حقيقة علمية في آياته"


def test_what_a_named_source_indicated_is_a_statement() -> None:
    text = "ويصل الوفد إلى موسكو اليوم، وهو ما أشارت المصادر إلى أن موسكو تستقبله بترحيب."
    [quote] = find_quotes(text, [])
    assert (quote.text, quote.speaker_text) == ("موسكو تستقبله بترحيب", "المصادر")


def test_a_long_title_before_the_name_is_the_name_s() -> None:
    text = (
        "أوضح المتحدث الرسمي للرئاسة العامة لهيئة الأمر بالمعروف والنهي عن المنكر الشيخ تركي "
        "الشليل، أن قضايا التحرش تدخل ضمن اختصاصات الرئاسة."
    )
    [quote] = find_quotes(text, names(text, ("تركي الشليل", "PER")))
    assert quote.speaker_text == "تركي الشليل"


@pytest.mark.parametrize(
    "title", ["القنصل العام للمملكة في لوس أنجلوس السفير د.", "زعيم المعارضة", "المسؤول الإعلامي"]
)
def test_the_name_after_a_consul_s_or_leader_s_title_speaks(title: str) -> None:
    text = f"وأكد {title} فيصل السديري أن الطلاب السعوديين بخير."
    [quote] = find_quotes(text, names(text, ("فيصل السديري", "PER")))
    assert quote.speaker_text == "فيصل السديري"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وأبلغ «الوطن» مصدر مسؤول أن القرار صدر أمس.", "مصدر مسؤول"),
        ("وأبلغت «عكاظ» مصادر مطلعة أن القرار صدر أمس.", "مصادر مطلعة"),
        ("وأبلغ مسؤول أن القرار صدر أمس.", "مسؤول"),
    ],
)
def test_the_paper_told_in_marks_after_ablagha_is_not_who_speaks(text: str, speaker: str) -> None:
    outlet = next((name for name in ("الوطن", "عكاظ") if name in text), None)
    [quote] = find_quotes(text, names(text, (outlet, "ORG")) if outlet else [])
    assert quote.speaker_text == speaker


def test_a_short_name_in_marks_after_an_is_the_start_of_the_statement_not_all_of_it() -> None:
    text = 'وأضاف أن "جلاكسي تاب إس2" سيكون أكثر تطوراً من الأجهزة اللوحية السابقة.'
    [quote] = find_quotes(text, [])
    assert (quote.text, quote.direct) == (
        '"جلاكسي تاب إس2" سيكون أكثر تطوراً من الأجهزة اللوحية السابقة',
        False,
    )


def test_a_source_in_marks_before_a_comma_and_inna_says_what_follows() -> None:
    text = 'وتقول الباحثة باربارا ساهاكيان، بحسب "بي بي سي"، إن المرضى الذين لعبوها ارتكبوا أخطاء أقل.'
    [quote] = find_quotes(text, names(text, ("باربارا ساهاكيان", "PER")))
    assert quote.text == "المرضى الذين لعبوها ارتكبوا أخطاء أقل"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال مصدر في وزارة الداخلية إن القرار صدر.", "مصدر في وزارة الداخلية"),
        ("وأكدت مصادر في المقاومة لـ«الشرق الأوسط» أن المدينة سقطت.", "مصادر في المقاومة"),
        ("وقالت مصادر في أسرة عبدالقادر الجنيد إن الحوثيين اقتحموا منزله.", "مصادر في أسرة عبدالقادر الجنيد"),
        ("وقال مسؤول في تصريح صحفي إن القرار صدر.", "مسؤول"),
        ("وقال مصدر في وقت سابق إن القرار صدر.", "مصدر"),
    ],
)
def test_where_an_unnamed_source_sits_is_part_of_it(text: str, speaker: str) -> None:
    found = names(text, ("عبدالقادر الجنيد", "PER")) if "الجنيد" in text else []
    [quote] = find_quotes(text, found)
    assert quote.speaker_text == speaker


@pytest.mark.parametrize("marks", ['""', "«»"])
def test_a_body_named_in_marks_ends_before_the_verb_s_object(marks: str) -> None:
    text = f"ووصفت منظمة {marks[0]}أوبك{marks[1]} نتائج الجولة الرابعة بأنها ناجحة بكل المقاييس."
    [quote] = find_quotes(text, [])
    assert quote.speaker_text == f"منظمة {marks[0]}أوبك{marks[1]}"


def test_said_so_before_a_subject_attributes_the_paragraph_before() -> None:
    text = (
        "وتمكنت فرق الدفاع المدني من إخماد الحريق دون إصابات، وتم إخلاء السكان من المبنى.\n"
        "صرح بذلك المتحدث الإعلامي للدفاع المدني بمنطقة نجران المقدم علي الشهراني، مشيرا إلى أن "
        "التحقيق جار.\nودفعت الأزمة السكان إلى الرحيل. دعا ذلك المحافظ إلى زيارة الموقع."
    )
    quotes = find_quotes(text, names(text, ("علي الشهراني", "PER")))
    assert [(q.text[:20], q.speaker_text, q.direct) for q in quotes] == [
        ("وتمكنت فرق الدفاع ال", "علي الشهراني", False),
        ("التحقيق جار", "علي الشهراني", False),
    ]


def test_what_a_describing_participle_calls_its_object_is_said() -> None:
    text = "فيما يرى أنور اليامي أن قرار نقل المحكمة أمر محير، واصفا هذا القرار بالقرار غير الحكيم."
    quotes = find_quotes(text, names(text, ("أنور اليامي", "PER")))
    assert [(q.text, q.speaker_text) for q in quotes][-1] == ("هذا القرار بالقرار غير الحكيم", "أنور اليامي")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("علمت “عين اليوم” أن الوزارة أصدرت قرارا.", "“عين اليوم”"),
        ("وقالت الفرقة 30 إن مقاتليها انسحبوا.", "الفرقة 30"),
    ],
)
def test_a_body_s_name_holds_a_time_word_in_marks_or_a_unit_s_number(text: str, speaker: str) -> None:
    [quote] = find_quotes(text, [])
    assert quote.speaker_text == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        (
            "وقال البدري إن الأسعار سترتفع. أما المتحدث باسم الوزارة فأوضح أن المشروع سينتهي قريبا.",
            "المتحدث باسم الوزارة",
            "المشروع سينتهي قريبا",
        ),
        (
            'وقال البدري إن الأسعار سترتفع. أوضح لـ "الاقتصادية"، فالنتين بومينوف أن المباحثات مهمة.',
            "فالنتين بومينوف",
            "المباحثات مهمة",
        ),
        (
            "وبين الناطق الإعلامي بصحة عسير سعيد النقير أنه لم يتبق بالمستشفى سوى خمس حالات.",
            "سعيد النقير",
            "لم يتبق بالمستشفى سوى خمس حالات",
        ),
        (
            "وأفادت هيئة الإذاعة اليابانية (إن.اتش.كيه) أن سقوط الطائرة أدى إلى اشتعال النار.",
            "هيئة الإذاعة اليابانية",
            "سقوط الطائرة أدى إلى اشتعال النار",
        ),
        (
            "وقال البدري إن الأسعار سترتفع. أما المتحدث باسم الوزارة فقد أكد أن المشروع سينتهي قريبا.",
            "المتحدث باسم الوزارة",
            "المشروع سينتهي قريبا",
        ),
    ],
    ids=["amma-topic", "told-outlet-then-comma", "bayyana-before-a-title", "acronym-with-in", "amma-fa-qad"],
)
def test_the_last_speaker_is_the_one_named_with_the_verb(text: str, speaker: str, said: str) -> None:
    found = names(text, *((n, "PER") for n in ("البدري", "فالنتين بومينوف", "سعيد النقير") if n in text))
    quote = find_quotes(text, found)[-1]
    assert quote.speaker_text is not None and quote.speaker_text.startswith(speaker)
    assert quote.text == said


def test_the_dots_of_a_web_address_end_no_statement() -> None:
    text = "داعيا المواطنين إلى الدخول إلى موقع المديرية على الرابط ( www.gdp.gov.sa ) لتسجيل بياناتهم."
    [quote] = find_quotes(text, [])
    assert quote.text.endswith("لتسجيل بياناتهم")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وعلمت «عكاظ» من مصادرها الخاصة أن القرار صدر.", "مصادرها الخاصة"),
        ("وأعلنت شركة لوكهيد مارتن الأمريكية أنها ستشتري سيكورسكي.", "شركة لوكهيد مارتن الأمريكية"),
    ],
)
def test_a_noun_with_its_ha_or_a_name_beginning_with_lam_stays_in_the_speaker(
    text: str, speaker: str
) -> None:
    found = names(text, ("لوكهيد مارتن", "ORG")) if "لوكهيد" in text else names(text, ("عكاظ", "ORG"))
    [quote] = find_quotes(text, found)
    assert quote.speaker_text == speaker


def test_a_plural_participle_speaks_for_the_group_the_sentence_opens_with_not_a_byline() -> None:
    text = (
        "حامد القرشي - جدة\n"
        "اشتكى عدد من المستهلكين من ارتفاع الأسعار في الأسواق، موضحين أن الأسعار تضاعفت.\n"
        "وتخوف بعض الخبراء الاقتصاديين من القرار، مؤكدين أن الوضع صعب."
    )
    quotes = find_quotes(text, names(text, ("حامد القرشي", "PER")))
    assert [q.speaker_text for q in quotes] == ["عدد من المستهلكين", "بعض الخبراء الاقتصاديين"]


def test_naqalat_anhu_has_the_one_named_before_speak_through_the_paper_after() -> None:
    text = (
        "وقال مارتين كيلياس إن البرنامج مفيد. "
        "ونقلت عنه «نيويورك تايمز»: «بدءا من الثمانينات بدأت الشرطة تستخدم البرامج»."
    )
    quotes = find_quotes(text, names(text, ("مارتين كيلياس", "PER"), ("نيويورك تايمز", "ORG")))
    assert (quotes[-1].speaker_text, quotes[-1].via) == ("مارتين كيلياس", "نيويورك تايمز")


def test_experts_warn_and_now_is_no_part_of_them() -> None:
    [quote] = find_quotes("ويحذر الخبراء الآن من أن نقص المياه قد يؤدي إلى حرب.", [])
    assert quote.speaker_text == "الخبراء"


def test_god_opening_the_clause_speaks_but_a_name_or_place_with_allah_does_not() -> None:
    text = (
        "وقال سلمان العمري إن بر الوالدين واجب. والله سبحانه وتعالى يقول: {وقضى ربك ألا تعبدوا إلا إياه}.\n"
        "وحزب الله قال إن الوضع هادئ."
    )
    quotes = find_quotes(text, names(text, ("سلمان العمري", "PER"), ("حزب الله", "ORG")))
    assert [q.speaker_text for q in quotes] == ["سلمان العمري", "الله", "حزب الله"]


def test_ilm_is_a_science_unless_an_follows() -> None:
    text = (
        "وقال شفير إن اللوغاريتمات تأخذ في الاعتبار تضاريس المدن وعلم النفس الجنائي. وتخصص أستاذ علم الجريمة."
    )
    [quote] = find_quotes(text, names(text, ("شفير", "PER")))
    assert quote.text == "اللوغاريتمات تأخذ في الاعتبار تضاريس المدن وعلم النفس الجنائي"


def test_students_counted_are_no_demand() -> None:
    assert find_quotes("وشارك في البرنامج أكثر من 2500 طالب وطالبة بأن يكون البرنامج سنويا.", []) == []


def test_said_so_by_a_finding_is_no_statement() -> None:
    text = "وفحص الباحثون عمق التجاعيد لدى 60 امرأة في الدراسة.\nوأكد ذلك وجود أعداد أكبر من الغدد الدهنية."
    assert find_quotes(text, []) == []


def test_an_official_without_the_article_is_an_unnamed_source_not_the_name_after() -> None:
    text = 'وقال مسؤول كبير في إدارة الرئيس باراك أوباما وطلب عدم نشر اسمه "الهدف هو إقامة منطقة آمنة".'
    [quote] = find_quotes(text, names(text, ("باراك أوباما", "PER")))
    assert quote.speaker_text == "مسؤول كبير"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال تقرير أول أمس الاثنين إن الأوضاع في هايتي تدهورت.", "تقرير"),
        ("وقال أول من أمس وزير الخارجية عادل الجبير إن الأوضاع تدهورت.", "عادل الجبير"),
    ],
)
def test_the_day_before_yesterday_is_no_part_of_the_subject(text: str, speaker: str) -> None:
    found = names(text, ("عادل الجبير", "PER")) if "الجبير" in text else []
    [quote] = find_quotes(text, found)
    assert quote.speaker_text == speaker


def test_a_title_s_name_is_not_an_object_after_an_adverbial() -> None:
    text = (
        "ودعا الرئيس الإيراني حسن روحاني أمس الرئيس الفرنسي. ودعا الرئيس الإيراني خلال الاتصال "
        "الهاتفي الجمعة الرئيس هولاند إلى توطيد العلاقات."
    )
    quotes = find_quotes(text, names(text, ("حسن روحاني", "PER"), ("هولاند", "PER")))
    assert quotes[-1].speaker_text != "هولاند"


def test_a_body_before_its_verb_is_the_one_named_before() -> None:
    text = "وأعلنت وزارة الصحة العمانية إغلاق المستشفى مؤقتا. لكن الوزارة تؤكد أن الخدمات ستعود خلال أيام."
    quotes = find_quotes(text, names(text, ("وزارة الصحة العمانية", "ORG")))
    assert [q.speaker_text for q in quotes] == ["وزارة الصحة العمانية", "وزارة الصحة العمانية"]


def test_an_outlet_before_qad_and_its_verb_speaks() -> None:
    text = (
        "وكانت «الاقتصادية» قد كشفت الثغرة الموجودة في لائحة الانضباط، وأشارت إلى أن اتحاد القدم "
        "قد يجري تعديلا."
    )
    quotes = find_quotes(text, names(text, ("الاقتصادية", "ORG")))
    assert [q.speaker_text for q in quotes] == ["الاقتصادية", "الاقتصادية"]


def test_a_title_in_marks_before_bayyana_an_leaves_the_verb() -> None:
    text = 'وقال عبدالعزيز الشعيبي رئيس لجنة "المبادرة الخامسة" بين أن الدول يجب أن تتوسع في التسويق.'
    quotes = find_quotes(text, names(text, ("عبدالعزيز الشعيبي", "PER")))
    assert [q.text for q in quotes][-1:] == ["الدول يجب أن تتوسع في التسويق"]


def test_a_subject_before_qad_and_its_verb_after_an_exclamation() -> None:
    text = "وسنوات عجاف قادمة! فإن كان صندوق النقد الدولي قد أكد قبل أيام أن السعودية ستتأثر كثيرا."
    [quote] = find_quotes(text, names(text, ("صندوق النقد الدولي", "ORG")))
    assert quote.speaker_text == "صندوق النقد الدولي"


def test_cue_in_a_relative_clause_stays_inside_the_statement() -> None:
    text = "وقال المدرب إن اللاعبين الذين يطالبون بحقوقهم سيحصلون عليها قريبا."
    [quote] = find_quotes(text, [])
    assert (quote.text, quote.speaker_text) == (
        "اللاعبين الذين يطالبون بحقوقهم سيحصلون عليها قريبا",
        "المدرب",
    )


def test_stage_fills_quotes_on_the_shared_fixture() -> None:
    second = NATO_TEXT.index("ستولتنبرغ في")
    mentions = (*names(NATO_TEXT, ("ينس ستولتنبرغ", "PER")), Mention(second, second + 9, "ستولتنبرغ", "PER"))
    article = make_article("nato-1", NATO_TEXT, mentions=mentions)
    done = QuoteStage.from_settings()(article)
    assert [(q.direct, q.speaker_text) for q in done.quotes] == [
        (False, "ينس ستولتنبرغ"),
        (True, "ينس ستولتنبرغ"),
    ]
    assert done.quotes[1].text == "الناتو لن يتخلى عن شركائه"
    assert all(NATO_TEXT[q.start : q.end] == q.text for q in done.quotes)


def test_pipeline_runs_quotes_last_and_speakers_carry_linked_ids() -> None:
    from marsad.analyze import build_pipeline
    from marsad.pipeline import Processed
    from marsad.settings import Settings

    pipeline = build_pipeline(Settings())
    assert pipeline.names[-1] == "quotes"
    outcome = pipeline.process(make_article("nato-1", NATO_TEXT))
    assert isinstance(outcome, Processed)
    quotes = outcome.article.quotes
    assert [q.text for q in quotes if q.direct] == ["الناتو لن يتخلى عن شركائه"]
    assert all("ستولتنبرغ" in (q.speaker_text or "") for q in quotes)
    linked = {m.entity for m in outcome.article.mentions if "ستولتنبرغ" in m.text and m.entity}
    assert {q.speaker for q in quotes} <= (linked or {None})


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال رئيس بلدية سيفالو إنه حذر مرارا من خطر الخنازير البرية.", "رئيس بلدية سيفالو"),
        ("وقال محمد العلي إنه حذر مرارا من خطر الخنازير البرية.", "محمد العلي"),
    ],
    ids=["title", "name"],
)
def test_a_cue_after_inna_with_the_subjects_pronoun_is_the_speakers_own(text: str, speaker: str) -> None:
    [quote] = find_quotes(text, names(text, ("محمد العلي", "PER")) if "العلي" in text else [])
    assert (quote.cue, quote.speaker_text, quote.text) == ("قال", speaker, "حذر مرارا من خطر الخنازير البرية")


def test_an_adverbial_after_the_verb_leaves_the_subject_implicit() -> None:
    text = (
        "وصل رئيس الوزراء خالد بحاح إلى مطار عدن أمس. "
        'وقال فور وصوله في تصريحات إلى الصحفيين "عودتي إلى عدن جزء من عملية تحريرها".'
    )
    [quote] = find_quotes(text, names(text, ("خالد بحاح", "PER")))
    assert quote.speaker_text == "خالد بحاح"


def test_a_preposition_before_the_quotation_is_no_speaker() -> None:
    text = (
        "ويقول الصحافي مراد أردن إن الحكومة تضيق على الإعلام. وانتقد الحملات العسكرية، شاكيا مما "
        "وصفه بـ«حملات قمع للإعلاميين ووسائل الإعلام»."
    )
    quotes = find_quotes(text, names(text, ("مراد أردن", "PER")))
    assert [q.speaker_text for q in quotes] == ["مراد أردن", "مراد أردن"]


def test_a_title_headed_by_murakib_reaches_its_name() -> None:
    text = (
        "وطالب المراقب الدائم لدولة فلسطين لدى الأمم المتحدة السفير رياض منصور مجلس الأمن بإجبار "
        "إسرائيل على الانصياع."
    )
    [quote] = find_quotes(text, names(text, ("الأمم المتحدة", "ORG"), ("رياض منصور", "PER")))
    assert quote.speaker_text == "رياض منصور"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "وقال بعض المسؤولين حينها إنهم يعتقدون أنه قتل لكن آخرين قالوا إنه لا يمكن تأكيد ذلك.",
            ("بعض المسؤولين", "يعتقدون أنه قتل"),
            ("آخرين", "لا يمكن تأكيد ذلك"),
        ),
        (
            "وقال الوزير إن الحكومة ماضية في خطتها بينما المعارضة تؤكد أن الخطة فاشلة.",
            ("الوزير", "الحكومة ماضية في خطتها"),
            ("المعارضة", "الخطة فاشلة"),
        ),
    ],
    ids=["lakin", "baynama"],
)
def test_a_contrast_opens_another_speakers_clause(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    quotes = find_quotes(text, [])
    assert [(q.speaker_text, q.text) for q in quotes] == [first, second]


@pytest.mark.parametrize(
    "text",
    [
        "وإلصاق صورة شمسية للوافد المراد نقل خدماته “يجب مراجعة مكتب العمل وإرسال خطاب الموافقة”.",
        "وأوضح المتحدث أن هناك 3 أشخاص فقط نقلوا من مركز النقاهة مصابين بـ «الجرب المعدي الخطير».",
    ],
    ids=["transfer-before-marks", "transferred-from"],
)
def test_naql_as_a_transfer_reports_nothing(text: str) -> None:
    assert all(q.cue is None or "نقل" not in q.cue for q in find_quotes(text, []))


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ("ونقلت صحيفة «الوطن» عن مسؤول في الوزارة أن القرار نهائي.", "مسؤول في الوزارة", "صحيفة «الوطن»"),
        ("كما نقلت المصادر أن التوجيهات المكتوبة قضت بوقف أي مشاورات.", "المصادر", None),
    ],
    ids=["naql-an", "naql-anna"],
)
def test_naql_reports_its_source(text: str, speaker: str, via: str | None) -> None:
    [quote] = find_quotes(text, [])
    assert (quote.speaker_text, quote.via) == (speaker, via)


def test_naql_anhu_qawlahu_speaks_for_the_person_named_before() -> None:
    text = "وزار الوزير محمد العلي المستشفى. ونقل عنه قوله: «لن نتراجع عن قرارنا أبدا»."
    [quote] = find_quotes(text, names(text, ("محمد العلي", "PER")))
    assert quote.speaker_text == "محمد العلي"


def test_an_after_the_fact_naql_still_attributes() -> None:
    text = "وارتفع سعر الخام إلى 50 دولارا للبرميل، بحسب ما نقلته وكالة رويترز."
    [quote] = find_quotes(text, names(text, ("رويترز", "ORG")))
    assert (quote.text, quote.speaker_text) == ("وارتفع سعر الخام إلى 50 دولارا للبرميل", "وكالة رويترز")


def test_what_was_said_as_the_statements_subject_is_no_nested_attribution() -> None:
    text = (
        "وأوضحت المديرية العامة للشؤون الصحية أن ما ذكر غير صحيح لعدد من الأسباب، من أهمها عدم وجود "
        "ممرضين إلى جانب أن جميع أطباء الزمالة كانوا طبيبات."
    )
    [quote] = find_quotes(text, [])
    assert (quote.cue, quote.speaker_text) == ("أوضحت", "المديرية العامة")
    assert quote.text.startswith("ما ذكر غير صحيح")


def test_ala_hadd_ma_ends_the_statement_it_attributes() -> None:
    text = "وذكرت المريضة أن مدير المستشفى ترك للعاملين الفرصة ليعبثوا بالمراجعين، على حد ما ذكر."
    [quote] = find_quotes(text, [])
    assert quote.text == "مدير المستشفى ترك للعاملين الفرصة ليعبثوا بالمراجعين"


def test_a_title_opening_the_next_sentence_is_not_the_name_before_it() -> None:
    text = (
        "استقبل الأمين العام لمجلس التعاون الدكتور عبداللطيف الزياني أمس رئيس جهاز الشرطة الخليجية "
        "المقدم مبارك الخييلي. واطلع الأمين العام على الخطط. وأكد الأمين العام حرص الأمانة على دعم الجهاز."
    )
    found = names(text, ("عبداللطيف الزياني", "PER"), ("مبارك الخييلي", "PER"))
    assert [q.speaker_text for q in find_quotes(text, found)] == ["عبداللطيف الزياني"]


def test_haythu_before_a_verb_opens_its_own_quote() -> None:
    text = (
        "وكرر بارتوميو نفس الكلمات التي قالها مدربه حينما واجه سؤالاً بخصوص نفس الموضوع، حيث صرح "
        "إنريكي: “من يرغب في الرحيل عليه سداد الشرط الجزائي”."
    )
    quotes = find_quotes(text, names(text, ("بارتوميو", "PER"), ("إنريكي", "PER")))
    assert [(q.cue, q.speaker_text) for q in quotes] == [("صرح", "إنريكي")]


@pytest.mark.parametrize(
    ("text", "speaker", "statement"),
    [
        (
            "وأكد الرئيس خالد العلي أن الخطة ماضية، مؤكداً سعادة المدرب لويس إنريكي بعناصر الفريق الحالي.",
            "خالد العلي",
            "سعادة المدرب لويس إنريكي بعناصر الفريق الحالي",
        ),
        ("وكان الملك فيصل أبدى اهتماما كبيرا بتحديد الموقع.", "الملك فيصل", "اهتماما كبيرا بتحديد الموقع"),
        (
            "ورحب خالد العلي بالوفد وأبدى دعمه الكريم ومساندته للفريق.",
            "خالد العلي",
            "دعمه الكريم ومساندته للفريق",
        ),
    ],
    ids=["participle", "subject-before-the-verb", "noun-with-a-pronoun"],
)
def test_a_noun_complement_starts_at_once_where_no_subject_follows(
    text: str, speaker: str, statement: str
) -> None:
    people = ("خالد العلي", "لويس إنريكي", "الملك فيصل")
    found = names(text, *((name, "PER") for name in people if name in text))
    quote = find_quotes(text, found)[-1]
    assert (quote.speaker_text, quote.text) == (speaker, statement)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("واعتقل الصحافي قبل عام فيما تبدي عائلته مخاوف متزايدة حيال وضعه الصحي.", "عائلته"),
        ("وأكد محاميه براءة موكله من التهم.", "محاميه"),
        ("وأكد سموه أهمية التعاون بين البلدين.", None),
    ],
    ids=["family", "lawyer", "honorific"],
)
def test_a_person_with_a_pronoun_is_still_the_subject(text: str, speaker: str | None) -> None:
    [quote] = find_quotes(text, [])
    assert quote.speaker_text == speaker


def test_a_blessing_after_the_verb_is_no_speaker() -> None:
    text = (
        "حيث قال الشيخ عبدالله المطلق: إن حاجات الفقراء متعددة. حيث قال -صلى الله عليه وسلم- في حديث "
        "معاذ: «وأعلمهم أن الله افترض عليهم صدقة». رواه البخاري ومسلم. وأضاف بقوله: معلوم أهمية العلاج."
    )
    quotes = find_quotes(text, names(text, ("عبدالله المطلق", "PER")))
    assert all("صلى" not in (q.speaker_text or "") for q in quotes)
    assert quotes[-1].speaker_text == "عبدالله المطلق"


def test_a_plural_verb_carries_its_subject_and_the_noun_after_it_is_said() -> None:
    text = "تبادل الطرفان الاتهامات أمس وأعلنوا مقتل أربعة مدنيين وجندي بعد أسبوع من القتال."
    [quote] = find_quotes(text, [])
    assert (quote.cue, quote.text) == ("أعلنوا", "مقتل أربعة مدنيين وجندي بعد أسبوع من القتال")


def test_an_accusative_denial_is_no_cue() -> None:
    text = "وأصدرت إدارة النادي بيانا رسميا تضمن نفيا قاطعا عن وجود أي نية لديها ببيع عقود اللاعبين."
    assert find_quotes(text, []) == []


def test_a_verb_after_a_name_takes_over_the_earlier_cues_subject_zone() -> None:
    text = (
        "وبينما ذكرت بعض التقارير أن الكونكاكاف أعلن دعمه لبلاتيني أبلغ جوردون ديريك رئيس اتحاد "
        "الكاريبي رويترز أنه لم يحدث رسميا حتى الآن."
    )
    found = names(text, ("الكونكاكاف", "ORG"), ("بلاتيني", "PER"), ("جوردون ديريك", "PER"))
    assert [(q.cue, q.speaker_text) for q in find_quotes(text, found)] == [("أبلغ", "جوردون ديريك")]


def test_a_surname_that_is_also_a_cue_stays_in_the_name() -> None:
    text = "قال المخرج والكاتب المسرحي أمين طالب، إن مسرحيات الطفل هدفت لإيصال معان سامية."
    [quote] = find_quotes(text, names(text, ("أمين طالب", "PER")))
    assert (quote.cue, quote.text) == ("قال", "مسرحيات الطفل هدفت لإيصال معان سامية")


@pytest.mark.parametrize(
    ("text", "body", "speaker"),
    [
        (
            "وكانت قيادة القوات المشتركة لتحالف دعم الشرعية في اليمن قد أعلنت في بيان لها استشهاد الجندي.",
            "تحالف دعم الشرعية في اليمن",
            "تحالف دعم الشرعية في اليمن",
        ),
        (
            "وفي تعليقه على إعفاء المتحدث الرسمي لجامعة تبوك قال العمراني إن القرار جاء لعدم قوله الحق.",
            "جامعة تبوك",
            "العمراني",
        ),
    ],
    ids=["genitive-of-the-subject", "subject-after-the-verb"],
)
def test_a_body_after_a_preposition_before_the_verb(text: str, body: str, speaker: str) -> None:
    [quote] = find_quotes(text, names(text, (body, "ORG")))
    assert quote.speaker_text == speaker


def test_a_name_opening_the_text_speaks_with_the_verb_after_it() -> None:
    [quote] = find_quotes("كيري يؤكد الحاجة إلى المزيد من الحرية في فيتنام", [Mention(0, 4, "كيري", "PER")])
    assert (quote.speaker_text, quote.text) == ("كيري", "الحاجة إلى المزيد من الحرية في فيتنام")


def test_a_comma_after_a_named_subject_opens_what_was_said() -> None:
    text = "وأوضح المتحدث الرسمي للجمعية الأستاذ فهد الزهراني، حرص الجمعية على إدخال الفرحة على الأطفال."
    [quote] = find_quotes(text, names(text, ("فهد الزهراني", "PER")))
    assert (quote.speaker_text, quote.text) == ("فهد الزهراني", "حرص الجمعية على إدخال الفرحة على الأطفال")


def test_an_aside_after_a_named_subject_is_not_what_was_said() -> None:
    text = "إلى ذلك، نفى المتحدث الرسمي باسم أنصار الله، وهي التسمية التي يستخدمها الحوثيون لجماعتهم."
    assert find_quotes(text, names(text, ("أنصار الله", "ORG"))) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وأكد كل من الوزير والسفير أن العلاقات متينة.", "كل من الوزير والسفير"),
        ("وزار الوزير محمد العلي المستشفى. وقال هو إن الخدمات تحسنت.", "محمد العلي"),
        ("وزار الوزير محمد العلي المستشفى. وأضاف يقول: الخدمات تحسنت كثيرا.", "محمد العلي"),
        ("وقال عدد من مؤيدي الأسد إن النظام صامد.", "عدد من مؤيدي الأسد"),
    ],
    ids=["kull-min", "pronoun", "yaqul", "some-of-them"],
)
def test_words_that_are_no_speakers_leave_the_subject_implicit(text: str, speaker: str) -> None:
    found = [*names(text, *((n, "PER") for n in ("محمد العلي", "الأسد") if n in text))]
    assert [q.speaker_text for q in find_quotes(text, found)] == [speaker]


def test_the_prophet_quoted_speaks_unnamed_and_the_quoter_goes_on() -> None:
    text = (
        "وزار الشيخ محمد العلي المسجد. وقال صلى الله عليه وسلم: «الدين النصيحة». "
        "وتابع يقول: إن النصيحة واجبة."
    )
    quotes = find_quotes(text, names(text, ("محمد العلي", "PER")))
    assert [q.speaker_text for q in quotes] == ["صلى الله عليه وسلم", "محمد العلي"]


def test_god_quoted_as_taala_does_not_speak_on_for_the_quoter() -> None:
    text = "وألقى الشيخ محمد العلي خطبة الجمعة. وقال تعالى: «ولا تقتلوا أنفسكم». وتابع: إن الإرهاب لا دين له."
    quotes = find_quotes(text, names(text, ("محمد العلي", "PER")))
    assert [q.speaker_text for q in quotes] == ["الله", "محمد العلي"]


def test_people_speaking_as_a_group_before_their_verb() -> None:
    text = "وقاد الفريق موسى يحيى مجردي. أعضاء الفريق أكدوا أنهم سيخططون لمبادرات إنسانية أكثر."
    [quote] = find_quotes(text, names(text, ("موسى يحيى مجردي", "PER")))
    assert quote.speaker_text == "أعضاء الفريق"


def test_a_full_stop_without_a_space_ends_a_sentence_but_not_an_acronym() -> None:
    text = (
        "وقال نائب مدير المستشفى إنه تم تنويم حالتين بالمستشفى تحت الملاحظة.أوضح ذلك الناطق الإعلامي. "
        "وقالت بي.إم.آي للبحوث إن صعود الدولار يضغط على الأسعار."
    )
    quotes = find_quotes(text, names(text, ("بي.إم.آي", "ORG")))
    expected = ["تم تنويم حالتين بالمستشفى تحت الملاحظة", "صعود الدولار يضغط على الأسعار"]
    assert [q.text for q in quotes] == expected


def test_a_follow_up_noun_is_no_participle_cue() -> None:
    text = "وأشاد عادل الكلباني بالجهود، مبينا أن الضابط المسؤول عن متابعة الحريق كان على قدر المسؤولية."
    [quote] = find_quotes(text, names(text, ("عادل الكلباني", "PER")))
    assert quote.text == "الضابط المسؤول عن متابعة الحريق كان على قدر المسؤولية"


def test_an_unnamed_sources_second_adjective_stays_in_the_subject() -> None:
    text = "وقد أكدت مصادر أمنية سعودية رفعها بقايا أشلاء مجهولة من الموقع."
    [quote] = find_quotes(text, [])
    assert (quote.speaker_text, quote.text) == ("مصادر أمنية سعودية", "رفعها بقايا أشلاء مجهولة من الموقع")


@pytest.mark.parametrize(
    ("text", "name", "speaker"),
    [
        ("وقال محامي بولارد في بيان له إن موكله سيخرج من السجن.", "بولارد", "محامي بولارد"),
        (
            "يقول والد الشهيد مشعل العسيري إن ابنه كان بارا بوالديه.",
            "مشعل العسيري",
            "والد الشهيد مشعل العسيري",
        ),
        ("ونفى زوج معلمة تبوك فيصل العمراني أن يكون قد غير رغباتها.", "فيصل العمراني", "فيصل العمراني"),
        (
            "وقالت عائلة زعيم طالبان الراحل الملا محمد عمر إنها لم تبايع الزعيم الجديد.",
            "محمد عمر",
            "عائلة زعيم طالبان الراحل الملا محمد عمر",
        ),
        ("ويقول خصوم عون إن الظروف الأمنية لا تسمح بالتظاهر.", "عون", "خصوم عون"),
    ],
    ids=["lawyer-of", "father-of-the-martyr", "the-husband-named", "family-of-a-title", "opponents-of"],
)
def test_a_relative_speaks_for_the_name_in_its_genitive(text: str, name: str, speaker: str) -> None:
    [quote] = find_quotes(text, names(text, (name, "PER")))
    assert quote.speaker_text == speaker


def test_a_preposition_of_the_subjects_title_is_not_the_verbs() -> None:
    text = "بدوره أكد المشرف العام على المهرجان عادل العثمان، أن المهرجان احتفال سنوي."
    [quote] = find_quotes(text, names(text, ("عادل العثمان", "PER")))
    assert (quote.speaker_text, quote.text) == ("عادل العثمان", "المهرجان احتفال سنوي")
    text = "وأكد الوزير على جهود الأمير خالد الفيصل، أن المشروع مستمر."
    [quote] = find_quotes(text, names(text, ("خالد الفيصل", "PER")))
    assert quote.speaker_text == "الوزير"  # what he stressed: the prince's efforts


@pytest.mark.parametrize(
    ("text", "people", "speakers"),
    [
        (
            "وقال المطران منيب يونان إن الاعتداءات مرفوضة. وقدم الأمين العام لمجلس رؤساء الكنائس "
            "الكاثوليكية في الأرض المقدسة، بطرس فيليت، أمس شكوى رسمية للشرطة، مطالبا إياها بجلب المتطرف.",
            ("منيب يونان", "بطرس فيليت"),
            ["منيب يونان", "بطرس فيليت"],
        ),
        (
            # not past ل and another title: the King is the one offered condolences
            "وقال فيصل السديري إن الأمن مستتب. ورفع السفير التعازي لخادم الحرمين الشريفين الملك سلمان "
            "بن عبدالعزيز، داعيا الله أن يحفظ البلاد.",
            ("فيصل السديري", "سلمان بن عبدالعزيز"),
            ["فيصل السديري", "فيصل السديري"],
        ),
    ],
    ids=["named-after-the-title", "not-the-one-addressed"],
)
def test_a_participle_speaks_for_the_titled_subject_of_its_sentences_verb(
    text: str, people: tuple[str, str], speakers: list[str]
) -> None:
    found = [replace(m, entity=f"per:{i}") for i, m in enumerate(names(text, *((p, "PER") for p in people)))]
    assert [q.speaker_text for q in find_quotes(text, found)] == speakers


def test_a_body_right_after_the_verb_speaks_not_the_person_it_addresses() -> None:
    text = "وحذرت السعودية الأمين العام للأمم المتحدة بان كي مون من أن الوضع خطير."
    found = names(text, ("السعودية", "LOC"), ("بان كي مون", "PER"))
    [quote] = find_quotes(text, found)
    assert quote.speaker_text == "السعودية"


def test_all_of_a_group_after_the_subject_is_the_object() -> None:
    [quote] = find_quotes("ودعت اللجنة عموم الطلبة المرشحين إلى مراجعة المكتب.", [])
    assert quote.speaker_text == "اللجنة"


def test_a_committees_own_lam_is_no_preposition() -> None:
    text = "وقالت لجنة الانتخابات المركزية إن النتائج ستعلن غدا. وأكدت لجان المقاومة أن الهجوم فشل."
    quotes = find_quotes(text, names(text, ("لجنة الانتخابات المركزية", "ORG")))
    assert [q.speaker_text for q in quotes] == ["لجنة الانتخابات المركزية", "لجان المقاومة"]


def test_a_participle_with_tanween_before_its_alif_ends_the_statement() -> None:
    text = "واعتبر الوزير أن المشروع يسهم في تحقيق التطلعات، مشيدًا بالدعم الذي تجده المدينة."
    [quote] = find_quotes(text, [])
    assert quote.text == "المشروع يسهم في تحقيق التطلعات"


def test_the_plural_present_of_a_defective_verb_is_a_cue() -> None:
    [quote] = find_quotes("والمراقبون السياسيون يرون أن تعيين عريقات مؤشر قوي.", [])
    assert (quote.speaker_text, quote.text) == ("المراقبون السياسيون", "تعيين عريقات مؤشر قوي")


def test_a_relative_clause_describing_a_thing_is_the_main_subjects_words() -> None:
    text = 'وانتقد رئيس الوزراء الأسترالي توني أبوت توربينات الرياح التي وصفها بأنها "بشعة المنظر".'
    [quote] = find_quotes(text, names(text, ("توني أبوت", "PER")))
    assert (quote.speaker_text, quote.text) == ("توني أبوت", "بشعة المنظر")
    text = 'وانتقد الوزير حمد الضويلع الاتفاق الذي وصفه الخبراء بأنه "ضعيف".'
    assert all(
        q.speaker_text != "حمد الضويلع" for q in find_quotes(text, names(text, ("حمد الضويلع", "PER")))
    )


def test_an_unnamed_speakers_title_stays_his_not_the_name_in_what_he_said() -> None:
    text = (
        "وأعلن مسؤول أميركي أن الرئيس باراك أوباما سيلقي خطابا اليوم. "
        "وقال المسؤول في البيت الأبيض إن أوباما سيدافع عن الاتفاق."
    )
    found = [replace(m, entity="kb:obama") for m in names(text, ("باراك أوباما", "PER"))]
    first, second = find_quotes(text, found)
    assert second.speaker is None and second.speaker_text == first.speaker_text == "مسؤول أميركي"


def test_an_outlet_told_after_an_unnamed_source_is_not_part_of_it() -> None:
    text = "وأفاد مسؤول محلي وكالة فرانس برس أن المسلحين انسحبوا من المدينة."
    [quote] = find_quotes(text, names(text, ("فرانس برس", "ORG")))
    assert quote.speaker_text == "مسؤول محلي"
    text = "وأوضح رئيس تحرير صحيفة الوطن أن الخبر صحيح."
    [quote] = find_quotes(text, names(text, ("الوطن", "ORG")))
    assert quote.speaker_text == "رئيس تحرير صحيفة الوطن"


def test_a_name_of_ibn_is_a_persons_own_unless_another_bears_the_family_name() -> None:
    text = "وقال ابن تيمية إن الأمر واضح."
    [quote] = find_quotes(
        text, [replace(m, entity="per:ibn-taymiyya") for m in names(text, ("ابن تيمية", "PER"))]
    )
    assert quote.speaker == "per:ibn-taymiyya"
    text = "أفرج عن جوناثان بولارد أمس. وقال ابن بولارد إن والده بريء."
    found = [
        replace(m, entity=f"per:{i}")
        for i, m in enumerate(names(text, ("جوناثان بولارد", "PER"), ("ابن بولارد", "PER")))
    ]
    [quote] = find_quotes(text, found)
    assert quote.speaker is None  # the son speaks, unnamed


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "كثير من القادة السياسيين في الغرب يشددون على أهمية التفريق بين الإسلام والإرهاب.",
            "كثير من القادة السياسيين في الغرب",
        ),
        ("وجاء الإعلان بعد أيام من تقارير ذكرت أن باحثين استخدموا رابطا لاسلكيا.", "تقارير"),
    ],
    ids=["some-of-a-group", "a-source-right-before-its-verb"],
)
def test_an_unnamed_subject_before_its_verb(text: str, speaker: str) -> None:
    [quote] = find_quotes(text, [])
    assert quote.speaker_text == speaker


def test_a_titles_unit_and_its_holders_name_stay_in_the_subject() -> None:
    text = "وأوضح مدير إدارة التسويق بالبريد الممتاز حسن الشهري كيفية الاستفادة من القسائم المجانية."
    [quote] = find_quotes(text, names(text, ("حسن الشهري", "PER")))
    assert (quote.speaker_text, quote.text) == ("حسن الشهري", "كيفية الاستفادة من القسائم المجانية")


def test_a_comma_after_the_object_opens_no_statement() -> None:
    text = (
        "وأوضح المتحدث الإعلامي لشرطة المنطقة الشرقية العقيد زياد الرقيطي الحادثة، مضيفا في تصريحه "
        "أنه ورد بلاغ عن حريق."
    )
    quotes = find_quotes(text, names(text, ("زياد الرقيطي", "PER")))
    assert [q.text for q in quotes] == ["ورد بلاغ عن حريق"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقال المتحدث إن الانفجار استهدف الشرطة، لكن محققين ذكروا أن الهدف كان مبنى عسكريا.", "محققين"),
        ("وأعلن عمر الصفراء استقالته. ونفى أي خلاف مالي، لكن الصفراء شدد على أنه باق.", "عمر الصفراء"),
    ],
    ids=["unnamed", "a-surname-named-before"],
)
def test_the_subject_of_a_contrast_before_its_verb(text: str, speaker: str) -> None:
    found = names(text, ("عمر الصفراء", "PER")) if "عمر الصفراء" in text else []
    assert find_quotes(text, found)[-1].speaker_text == speaker


def test_a_noun_after_the_subject_is_the_object_whose_preposition_follows() -> None:
    text = "وبعد أيام أعلنت منظمة «بيت المقدس» مسؤوليتها عن الحادث في بيان على الإنترنت."
    [quote] = find_quotes(text, names(text, ("بيت المقدس", "ORG")))
    assert quote.text.startswith("مسؤوليتها عن الحادث")


@pytest.mark.parametrize(
    ("text", "name", "statement"),
    [
        (
            "أعلنت جامعة الملك سعود، فتح القبول الإلكتروني للطلبة الصم للسنة التأهيلية.",
            ("جامعة الملك سعود", "ORG"),
            "فتح القبول الإلكتروني للطلبة الصم للسنة التأهيلية",
        ),
        (
            "أكد الأمير فيصل بن سلمان، أهمية العمل التطوعي في المنطقة.",
            ("فيصل بن سلمان", "PER"),
            "أهمية العمل التطوعي في المنطقة",
        ),
    ],
    ids=["body", "person"],
)
def test_a_comma_written_on_the_subjects_last_word_stays_out_of_the_statement(
    text: str, name: tuple[str, str], statement: str
) -> None:
    [quote] = find_quotes(text, names(text, name))
    assert (quote.speaker_text, quote.text) == (name[0], statement)


def test_a_quantified_subject_keeps_its_min_before_the_cues_own() -> None:
    """حذر takes من ("حذر من أن"); the من of "عدد من" is the subject's."""
    text = "وحذر عدد من خبراء الصحة من أن السباحة في المسابح يمكن أن تسبب الربو."
    [quote] = find_quotes(text, [])
    assert (quote.speaker_text, quote.text) == ("عدد من خبراء الصحة", "السباحة في المسابح يمكن أن تسبب الربو")


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "أكد ديفيد غرانت تومسون، الرئيس التنفيذي لشركة جيه ايه للمنتجعات، ارتفاع الاستثمارات في الضيافة.",
            "ارتفاع الاستثمارات في الضيافة",
        ),
        ("أكد ديفيد غرانت تومسون، الرئيس التنفيذي لشركة جيه ايه، وقال إن الطلب يرتفع.", "الطلب يرتفع"),
    ],
    ids=["object-after-the-title", "another-verb-after-the-title"],
)
def test_a_title_between_commas_after_the_name_is_not_what_was_said(text: str, statement: str) -> None:
    quotes = find_quotes(text, names(text, ("ديفيد غرانت تومسون", "PER")))
    assert [(q.speaker_text, q.text) for q in quotes] == [("ديفيد غرانت تومسون", statement)]


def test_an_unnamed_source_stops_before_the_article_of_a_number() -> None:
    text = "وأوضح التقرير الـ 51 لمؤسسة النقد العربي السعودي أن عمليات نظام سريع ارتفعت."
    [quote] = find_quotes(text, [])
    assert quote.speaker_text == "التقرير"


@pytest.mark.parametrize(
    ("text", "speaker", "statement"),
    [
        (
            "وأكد عبدالعظيم الخاطر أن النتائج ضعيفة. وأكد تعثر مشروعين حيويين في المحافظة.",
            "عبدالعظيم الخاطر",
            "تعثر مشروعين حيويين في المحافظة",
        ),
        ("وأعلن تحالف دعم الشرعية مقتل عشرة من المسلحين.", "تحالف دعم الشرعية", "مقتل عشرة من المسلحين"),
        ("وأكد تقرير حديث ارتفاع الأسعار في المملكة.", "تقرير حديث", "ارتفاع الأسعار في المملكة"),
        ("وأكد أفراد الأسرة سلامة الطفل بعد الحادث.", "أفراد الأسرة", "سلامة الطفل بعد الحادث"),
    ],
    ids=["verbal-noun-object", "body-named-by-a-verbal-noun", "source", "a-plural-with-hamza"],
)
def test_a_verbal_noun_right_after_the_verb_is_its_object(text: str, speaker: str, statement: str) -> None:
    quote = find_quotes(text, names(text, ("عبدالعظيم الخاطر", "PER")) if "الخاطر" in text else [])[-1]
    assert (quote.speaker_text, quote.text) == (speaker, statement)


def test_came_to_light_is_no_opinion() -> None:
    text = (
        "وتراجعت فرنسا عن مبادرتها قبل أن ترى النور، وفي ظل ذلك حاول الرئيس القبرصي أن يحرك المياه الراكدة."
    )
    assert find_quotes(text, []) == []


def test_a_body_named_with_its_article_speaks_again_by_its_kind() -> None:
    saso = "الهيئة السعودية للمواصفات والمقاييس والجودة"
    text = (
        f"وقالت {saso} إن المواصفة الجديدة تطبق في يناير. وجاء ذلك بعد اجتماع مع هيئة التقييس "
        "الخليجية في الرياض. وأوضحت الهيئة أن المخالفين سيعاقبون."
    )
    found = names(text, (saso, "ORG"), ("هيئة التقييس الخليجية", "ORG"))
    quote = find_quotes(text, found)[-1]
    assert (quote.speaker_text, quote.text) == (saso, "المخالفين سيعاقبون")


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("وأكد مصدر طبي طلب عدم كشف اسمه، ارتفاع الحصيلة إلى 20 قتيلا.", "ارتفاع الحصيلة إلى 20 قتيلا"),
        ("وأكد مصدر أمني، فضل عدم ذكر اسمه، اعتقال ثلاثة مشتبهين.", "اعتقال ثلاثة مشتبهين"),
    ],
    ids=["asked", "preferred"],
)
def test_a_sources_wish_not_to_be_named_is_no_statement(text: str, statement: str) -> None:
    [quote] = find_quotes(text, [])
    assert (quote.speaker_text, quote.text) == ("مصدر " + text.split()[2].strip("،"), statement)


def test_a_single_noun_the_verb_governs_is_nothing_said_but_its_speaker_speaks_on() -> None:
    text = 'وأكد مصدر طبي طلب عدم كشف اسمه، الحصيلة موضحا "تلقينا حتى الآن 13 جثة في المستشفى".'
    [quote] = find_quotes(text, [])
    assert (quote.speaker_text, quote.text) == ("مصدر طبي", "تلقينا حتى الآن 13 جثة في المستشفى")


def test_a_verbal_noun_governed_by_a_noun_is_no_cue() -> None:
    text = "وشدد المفتي على ضرورة كشف مخططات هذه الفئة، وأكد أنه تم نقل المصابين إلى المستشفى."
    assert [q.cue for q in find_quotes(text, [])] == ["شدد", "أكد"]


def test_a_time_phrase_with_ladaa_after_the_verb_holds_no_subject() -> None:
    text = (
        "وقال الأمير خليفة بن سلمان إن التعاون مستمر. وشدد لدى استقباله عددا من كبار المسؤولين "
        "على ضرورة الحفاظ على المكتسبات."
    )
    quote = find_quotes(text, names(text, ("خليفة بن سلمان", "PER")))[-1]
    assert (quote.speaker_text, quote.text) == ("خليفة بن سلمان", "ضرورة الحفاظ على المكتسبات")


def test_an_accusative_written_with_its_tanween_is_no_subject_and_ilman_no_cue() -> None:
    text = (
        "وقال الممثل ويل سميث إنه سعيد. ونفى علناً يوم الاثنين تقريراً بأنه قرر الطلاق، "
        "علمًا بأنه تزوج قبل 17 عاما."
    )
    quotes = find_quotes(text, names(text, ("ويل سميث", "PER")))
    assert [(q.speaker_text, q.cue) for q in quotes] == [("ويل سميث", "قال"), ("ويل سميث", "نفى")]


def test_a_time_clause_verb_has_its_own_subject_and_statement() -> None:
    text = (
        "ما إن أعلنت وزارة الشؤون البلدية أمس عن اعتماد آلية تصنيف المقاولين حتى أكد رئيس اللجنة "
        "الوطنية للمقاولين فهد الحمادي أن هذا القرار خطوة أولى."
    )
    found = names(text, ("وزارة الشؤون البلدية", "ORG"), ("فهد الحمادي", "PER"))
    quotes = [(q.speaker_text, q.text) for q in find_quotes(text, found)]
    assert quotes == [
        ("وزارة الشؤون البلدية", "اعتماد آلية تصنيف المقاولين"),
        ("فهد الحمادي", "هذا القرار خطوة أولى"),
    ]


def test_a_second_title_of_the_subject_before_its_holders_name() -> None:
    text = "أكد أمين منطقة الجوف رئيس اللجنة المحلية للانتخابات المهندس عجب القحطاني اعتماد 18 مكتبا للخدمات."
    [quote] = find_quotes(text, names(text, ("الجوف", "LOC"), ("عجب القحطاني", "PER")))
    assert (quote.speaker_text, quote.text) == ("عجب القحطاني", "اعتماد 18 مكتبا للخدمات")


@pytest.mark.parametrize(
    ("text", "holder", "statement"),
    [
        (
            "أكد وكيل وزارة المياه لشؤون الكهرباء رئيس مجلس الشركة الدكتور صالح العواجي، أهمية التعاون.",
            "صالح العواجي",
            "أهمية التعاون",
        ),
        (
            'أكد وكيل وزارة المياه للشؤون الدولية الدكتور أحمد الفهيد لـ"الوطن" جاهزية وزارته للتوقيع.',
            "أحمد الفهيد",
            "جاهزية وزارته للتوقيع",
        ),
    ],
    ids=["stacked-titles", "told-to-an-outlet"],
)
def test_a_titles_holder_named_after_it_is_the_subject(text: str, holder: str, statement: str) -> None:
    [quote] = find_quotes(text, names(text, (holder, "PER"), ("وزارة المياه", "ORG")))
    assert (quote.speaker_text, quote.text) == (holder, statement)


def test_a_body_quoted_whole_ends_the_subject_before_its_object() -> None:
    text = 'وأكدت "الصحة" عدم تسجيل أي حالات إصابة جديدة على مدى الـ 24 ساعة الماضية.'
    [quote] = find_quotes(text, [])
    assert quote.speaker_text == "الصحة"  # (the marks are not the speaker's)
    assert quote.text.startswith("عدم تسجيل أي حالات")
    nickname = "ويقول «التناك» محمد العسيف إنه ورث الحرفة عن أبيه."
    [quote] = find_quotes(nickname, names(nickname, ("محمد العسيف", "PER")))
    assert quote.speaker_text == "محمد العسيف"


def test_a_title_goes_to_the_name_it_stands_beside_not_to_a_later_one_in_its_context() -> None:
    text = (
        "أكد الشيخ صالح لنجف رئيس تحالف قبائل مأرب، أن الحوثيين وأنصار الرئيس السابق علي عبدالله صالح "
        "تلقوا ضربات نوعية. وأوضح رئيس تحالف قبائل مأرب، أن القبائل تعيش في عزلة تامة."
    )
    found = names(text, ("صالح لنجف", "PER"), ("علي عبدالله صالح", "PER"))
    assert find_quotes(text, found)[-1].speaker_text == "صالح لنجف"


def test_a_womans_title_before_her_name_makes_her_the_speaker() -> None:
    text = "وقالت مندوبة واشنطن لدى الأمم المتحدة سامانثا باور، إن الاتفاق يمنع إيران من امتلاك سلاح نووي."
    [quote] = find_quotes(text, names(text, ("واشنطن", "LOC"), ("سامانثا باور", "PER")))
    assert quote.speaker_text == "سامانثا باور"


def test_the_one_told_with_its_name_and_acronym_is_no_subject() -> None:
    text = "وتحدث دونالد ترامب عن المعاملة، لكنه قال لهيئة الإذاعة الأميركية (سي إن إن) إنه لا يحمل ضغينة."
    found = names(text, ("دونالد ترامب", "PER"), ("سي إن إن", "ORG"))
    assert find_quotes(text, found)[-1].speaker_text == "دونالد ترامب"
    told = "وقال لوكالة الأنباء الفرنسية الوزير عادل الجبير إن المملكة ترحب بالاتفاق."
    assert find_quotes(told, names(told, ("عادل الجبير", "PER")))[0].speaker_text == "عادل الجبير"


def test_a_noun_with_a_pronoun_genitive_after_the_verb_is_its_object() -> None:
    text = "وقال الوزير سامح شكري إن القاهرة تدعم الحل. وأكد حرص بلاده على «إيجاد حل سياسي للأزمة»."
    quote = find_quotes(text, names(text, ("سامح شكري", "PER")))[-1]
    assert quote.speaker_text == "سامح شكري"
    place = "ولفت مهرجان أبها للتسوق انتباه الزوار إلى تنوع معارضه هذا العام."
    assert find_quotes(place, names(place, ("أبها", "LOC")))[0].speaker_text == "مهرجان أبها"


def test_what_one_wishes_for_is_no_subject() -> None:
    text = "وقال المدير فهد الصافي إن الحفل ناجح. وتمنى للجميع التوفيق والسداد وأن تعود المناسبة باليمن."
    quote = find_quotes(text, names(text, ("فهد الصافي", "PER")))[-1]
    assert (quote.cue, quote.speaker_text) == ("تمنى", "فهد الصافي")


def test_a_circumstance_or_an_object_before_bi_qawlihi_is_no_subject() -> None:
    text = (
        "وقال الرئيس عمر العامر إن القطاع ينمو. وأوضح تفاصيل ذلك بقوله: «لدينا معلمون أكملوا عامهم». "
        "وعلق ديفيد ألبرايت بقوله: «عندما تم رصدها تحرك الخبراء». قالوا وهم يكذبون: «نفعل ذلك للحماية»."
    )
    found = names(text, ("عمر العامر", "PER"), ("ديفيد ألبرايت", "PER"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers[:3] == ["عمر العامر", "عمر العامر", "ديفيد ألبرايت"]
    assert speakers[3] != "وهم يكذبون"
    mother = (
        "وقالت سوسن الحامدي إن ابنها اختفى منذ شهر. وتضيف والدموع في عينيها: «لم نسمع عنه شيئا». "
        "وقالت والدته إنه بخير."
    )
    found = names(mother, ("سوسن الحامدي", "PER"))
    assert [q.speaker_text for q in find_quotes(mother, found)] == ["سوسن الحامدي", "سوسن الحامدي", "والدته"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقد اعتبرت أوساط محلية هذه المساعي بأنها تهدف إلى التهدئة.", "أوساط محلية"),
        ("وقال أصحاب هذه المبادرة إنها تهدف إلى دعم الشباب.", "أصحاب هذه المبادرة"),
        ("وذكرت صحيفة «فلوريدا توداي» المحلية أن الإطلاق تأجل.", "صحيفة «فلوريدا توداي»"),
        ("وتؤكد مرة أخرى قدرة السعودية على رفع إنتاجها.", "قدرة السعودية"),
    ],
    ids=["demonstrative-after-an-adjective", "demonstrative-in-a-genitive", "name-in-marks", "again"],
)
def test_where_an_unnamed_subject_ends(text: str, speaker: str) -> None:
    assert find_quotes(text, [])[0].speaker_text == speaker


def test_the_question_put_to_someone_is_not_their_statement() -> None:
    text = "وسئل هورموزلو: «هل تخلينا عن سوريا؟» فأجاب: «لا، لم نتخل عنها أبدا»."
    quotes = find_quotes(text, names(text, ("هورموزلو", "PER")))
    assert [(q.speaker_text, q.text) for q in quotes] == [("هورموزلو", "لا، لم نتخل عنها أبدا")]


def test_expecting_deeming_likely_urging_and_finding_strange_are_reported() -> None:
    text = (
        "وتوقع المحلل المالي ماجد الشبيب أن تستهدف السوق مستوى 9 آلاف نقطة. ورجح اقتصاديون أن يتسارع "
        "النمو. وحث وزير الخارجية جون كيري فيتنام على إتاحة مزيد من الحريات. واستغرب سعيد الأحمري "
        "عدم الاستفادة من المبنى الجديد."
    )
    found = names(
        text, ("ماجد الشبيب", "PER"), ("جون كيري", "PER"), ("فيتنام", "LOC"), ("سعيد الأحمري", "PER")
    )
    assert [(q.speaker_text, q.cue, q.text) for q in find_quotes(text, found)] == [
        ("ماجد الشبيب", "توقع", "تستهدف السوق مستوى 9 آلاف نقطة"),
        ("اقتصاديون", "رجح", "يتسارع النمو"),
        ("جون كيري", "حث", "إتاحة مزيد من الحريات"),
        ("سعيد الأحمري", "استغرب", "عدم الاستفادة من المبنى الجديد"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وتراجعت الأسعار مع توقع المزيد من الخسائر في الفترة القادمة.",
        "وقال المخرج إن الضجة حول المسلسل لم تكن متوقعة، ولكن التفاعل كان كبيرا.",
        "ولم يكن مستغربا أن تهب دول العالم لإدانة التفجير.",
    ],
    ids=["noun-after-a-preposition", "adjective", "not-strange"],
)
def test_an_expectation_or_the_unexpected_is_no_cue(text: str) -> None:
    assert all(q.cue not in ("توقع", "متوقعة", "مستغربا") for q in find_quotes(text, []))


def test_a_newspaper_named_like_an_adverb_in_marks_is_the_speaker() -> None:
    text = "وذكرت صحيفة «اليوم» أن المشروع تأخر. وقال الوزير اليوم إن العمل مستمر."
    found = [Mention(text.index("اليوم"), text.index("اليوم") + 5, "اليوم", "ORG")]
    assert [q.speaker_text for q in find_quotes(text, found)] == ["اليوم", "الوزير"]


def test_words_said_in_marks_are_a_statement_even_when_the_sentence_goes_on() -> None:
    text = 'وقال جون كلود يونكر في مقابلة الاربعاء "ليس هناك سياسة جيدة" في ما يتعلق بتلك المسألة.'
    [quote] = find_quotes(text, names(text, ("جون كلود يونكر", "PER")))
    assert (quote.speaker_text, quote.text, quote.direct) == ("جون كلود يونكر", "ليس هناك سياسة جيدة", True)


def test_a_colon_then_an_is_reported_speech_after_its_an() -> None:
    text = (
        "وقال أمين المنطقة سعد الثويني إن العمل مستمر. وأضاف الثويني: أن الأمانة ستنهي المشروع. "
        'وقال مصدر: إن "الطائرة سقطت بعطل فني". وأكد: إن الدعم مستمر.'
    )
    found = names(text, ("سعد الثويني", "PER"), ("الثويني", "PER"))
    quotes = [(q.text, q.direct) for q in find_quotes(text, found)]
    assert quotes[1:] == [
        ("الأمانة ستنهي المشروع", False),
        ("الطائرة سقطت بعطل فني", True),
        ("إن الدعم مستمر", True),
    ]


def test_an_implicit_subject_is_the_person_named_after_a_long_title_opening_the_sentence() -> None:
    text = (
        "وقال التحالف العربي إن الهدنة تبدأ منتصف الليل. ورحب الأمين العام لمنظمة الأمم المتحدة السيد "
        "بان كي مون بوقف إطلاق النار وحث جميع الأطراف على وقف العمليات العسكرية. ونوه الوزير "
        "بالاجتماع الذي جمع بين الرئيس عبدالفتاح السيسي وولي العهد، مؤكدا أن التنسيق مستمر."
    )
    found = names(text, ("التحالف العربي", "ORG"), ("بان كي مون", "PER"), ("عبدالفتاح السيسي", "PER"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers[:2] == ["التحالف العربي", "بان كي مون"]
    assert speakers[2] != "عبدالفتاح السيسي"


def test_what_someone_may_say_after_qad_is_no_statement_but_what_they_have_said_is() -> None:
    text = (
        "قد يرى البعض بأن تصريحات الربيش غير مقبولة. فقد تقول الوزارة إنه لا توجد قيود على الاستيراد. "
        "وقد قال الوزير إن العمل مستمر."
    )
    assert [(q.speaker_text, q.text) for q in find_quotes(text, [])] == [("الوزير", "العمل مستمر")]


def test_in_before_a_conditional_verb_is_if_not_that() -> None:
    text = (
        "وأكد المدير استمرار العمل إن شاء الله في المشروع. وأوضح المعهد وجوب إرفاق الشهادات إن وجدت. "
        "ونوه المسافر انه وجد الخدمة جيدة."
    )
    assert [q.text for q in find_quotes(text, [])] == [
        "استمرار العمل إن شاء الله في المشروع",
        "وجوب إرفاق الشهادات إن وجدت",
        "وجد الخدمة جيدة",  # أنه: "that he", no "if"
    ]


def test_the_committee_told_and_a_time_after_the_verb_are_no_speakers() -> None:
    text = (
        'وقال جون كيري إن الاتفاق جيد. وقال للجنة الشؤون الخارجية بمجلس النواب "هناك فرصة حقيقية '
        'للسلام". وكانت الحكومة البريطانية أعلنت مطلع الأسبوع الماضي أنها خصصت مبالغ إضافية. وكشف '
        'مصدر مطلع لـ"الوطن" أن اللجنة باشرت أعمالها.'
    )
    found = names(text, ("جون كيري", "PER"), ("مجلس النواب", "ORG"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers[1] == "جون كيري"
    assert speakers[2] != "مطلع"
    assert speakers[3] == "مصدر مطلع"


def test_a_reported_statement_ends_before_the_speakers_praise() -> None:
    text = (
        "وأكد الوزير أن العمل مستمر في جميع المشاريع، مشيداً بجهود العاملين في الوزارة. وأوضح المدير أن "
        "المشروع سينتهي قريبا، مثمناً الدور الكبير للشركات."
    )
    assert [q.text for q in find_quotes(text, [])] == ["العمل مستمر في جميع المشاريع", "المشروع سينتهي قريبا"]


@pytest.mark.parametrize(
    "act",
    ["مقدماً أحر التعازي لأسر الضحايا", "مثمناً في هذا الصدد دور الشركات", "مرجعا ذلك إلى القرارات الجديدة"],
)
def test_a_reported_statement_ends_before_any_circumstantial_act_of_the_speaker(act: str) -> None:
    [quote] = find_quotes(f"وأكد الوزير أن العمل مستمر في جميع المشاريع، {act}.", [])
    assert quote.text == "العمل مستمر في جميع المشاريع"


@pytest.mark.parametrize("words", ["، معظمها من الشباب", "، مدعوماً بمشاريع تكميلية", "، مؤخرا في الرياض"])
def test_a_pronoun_noun_a_passive_participle_or_an_adverb_goes_on_with_the_statement(words: str) -> None:
    [quote] = find_quotes(f"وأوضح المدير أن المشروع يضم ألف موظف{words}.", [])
    assert quote.text == f"المشروع يضم ألف موظف{words}"


def test_added_or_concluded_that_reports_though_the_verb_also_means_increased() -> None:
    text = (
        "وقال المدير علي التميمي إن السوق هادئة. وزاد التميمي أن حركتها مقبولة للراغبين في السكن. "
        "وزاد عدد السكان إلى مليون نسمة، كما أن المساحة اتسعت."
    )
    found = names(text, ("علي التميمي", "PER"), ("التميمي", "PER"))
    quotes = [(q.cue, q.text) for q in find_quotes(text, found)]
    assert quotes == [("قال", "السوق هادئة"), ("زاد", "حركتها مقبولة للراغبين في السكن")]


def test_a_relative_clause_of_saying_after_a_name_is_that_persons_statement() -> None:
    text = (
        "والتقى الوفد المهندس محمد حابسن، الذي أكد أن توفير الوحدات السكنية يواجه تحديات. "
        "وفي الوقت الذي قال فيه مسؤولون إن الاتفاق جيد، رفض الكونغرس. "
        "وانتقد الاتفاق الذي أكده أوباما أمس. وحضرت الوزيرة التي قالت إن الخطة جاهزة."
    )
    found = names(text, ("محمد حابسن", "PER"), ("الكونغرس", "ORG"), ("أوباما", "PER"))
    quotes = [(q.speaker_text, q.text) for q in find_quotes(text, found)]
    assert quotes[0] == ("محمد حابسن", "توفير الوحدات السكنية يواجه تحديات")
    assert all(speaker != "أوباما" for speaker, _ in quotes)
    assert ("الوزيرة", "الخطة جاهزة") not in quotes


def test_useful_is_no_cue_and_a_verb_with_its_object_inside_a_statement_is_part_of_it() -> None:
    text = (
        "وأكد بلقاسم أن التجربة في تركيا مفيدة فنيا للاعبين. وأضاف عبدالعزيز أن جميع أبطال العمل "
        "رحبوا وأبدوا موافقتهم على تقديم جزء ثان منه. وأوضح الطبيب أن التقارير تؤكد زوال الخطر عن "
        "حياتها. وقال الوزير إن الاتفاق تم، مفيدا بأن التوقيع قريب."
    )
    found = names(text, ("بلقاسم", "PER"), ("عبدالعزيز", "PER"))
    quotes = [(q.speaker_text, q.cue, q.text) for q in find_quotes(text, found)]
    assert quotes == [
        ("بلقاسم", "أكد", "التجربة في تركيا مفيدة فنيا للاعبين"),
        ("عبدالعزيز", "أضاف", "جميع أبطال العمل رحبوا وأبدوا موافقتهم على تقديم جزء ثان منه"),
        ("الطبيب", "أوضح", "التقارير تؤكد زوال الخطر عن حياتها"),
        ("الوزير", "قال", "الاتفاق تم"),
        ("الوزير", "مفيدا", "التوقيع قريب"),
    ]


def test_a_country_opening_a_clause_before_a_feminine_verb_speaks() -> None:
    text = (
        "وقال خالد الرميحي إن الاقتصاد ينمو. تجدر الإشارة إلى أن البحرين أعلنت عن استثمار أكثر من "
        "22 مليار دولار. وفي القاهرة أكدت وزارة الخارجية أن الحوار مستمر. وقالت سيدة من سكان وسط "
        "دمشق تقول إنها هربت من الحر."
    )
    found = names(text, ("خالد الرميحي", "PER"), ("البحرين", "LOC"), ("القاهرة", "LOC"), ("دمشق", "LOC"))
    found += names(text, ("وزارة الخارجية", "ORG"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers[:3] == ["خالد الرميحي", "البحرين", "وزارة الخارجية"]
    assert "دمشق" not in speakers


def test_a_player_called_by_his_nationality_is_the_one_introduced_with_it() -> None:
    text = (
        "أعلن نادي نيوكاسل تعاقده مع المهاجم الصربي ألكسندر ميتروفيتش. وقال الفرنسي بنيامان اسطمبولي "
        "إنه سعيد. وقال اللاعب الصربي: «لعبت في كثير من الملاعب الرائعة»."
    )
    found = names(text, ("ألكسندر ميتروفيتش", "PER"), ("بنيامان اسطمبولي", "PER"))
    said = {q.text: q.speaker_text for q in find_quotes(text, found)}
    assert said["لعبت في كثير من الملاعب الرائعة"] == "ألكسندر ميتروفيتش"


def test_an_adverb_of_time_after_the_verb_or_subject_is_not_the_speaker() -> None:
    text = (
        "وقال محمد المقدشي إن الحرب عربية. وبيّن حينها أن الخبراء موجودون. "
        "وقالت النيابة آنذاك إنها فرغت من التحقيق."
    )
    found = names(text, ("محمد المقدشي", "PER"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers == ["محمد المقدشي", "محمد المقدشي", "النيابة"]


def test_an_appeal_to_someone_is_a_statement_but_a_majestic_thing_is_not() -> None:
    text = (
        "وأهاب الدفاع المدني بالمواطنين الابتعاد عن مجاري السيول، مهيبا بالجميع الحذر من الغرق. "
        "وشيعت جموع غفيرة الفقيد في جنازة مهيبة بحضور أعيان المدينة."
    )
    found = names(text, ("الدفاع المدني", "ORG"))
    quotes = [(q.speaker_text, q.cue) for q in find_quotes(text, found)]
    assert quotes == [("الدفاع المدني", "أهاب"), ("الدفاع المدني", "مهيبا")]


def test_his_saying_relayed_by_a_paper_in_marks_keeps_the_paper_as_via() -> None:
    text = "ونقلت صحيفة «الوطن» عن أميت جاين قوله إن الخدمة مستمرة."
    [quote] = find_quotes(text, names(text, ("أميت جاين", "PER")))
    assert (quote.speaker_text, quote.via, quote.text) == ("أميت جاين", "صحيفة «الوطن»", "الخدمة مستمرة")


def test_a_plural_or_feminine_cue_is_not_the_last_named_mans() -> None:
    text = (
        "وقال وزير الخارجية مولود تشاوش أوغلو إن بلاده ستواصل الضربات. غير أن المراقبين يؤكدون أن "
        "الغارات استهدفت مواقع الأكراد. فإن أطرافا في أحزاب السلطة أبدت مخاوفها من الإصلاحات."
    )
    found = names(text, ("مولود تشاوش أوغلو", "PER"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers[0] == "مولود تشاوش أوغلو"
    assert "مولود تشاوش أوغلو" not in speakers[1:]


def test_a_plural_verb_after_that_takes_the_noun_before_it_as_its_subject() -> None:
    text = (
        "وقال الوزير مولود تشاوش أوغلو إن بلاده ستواصل الضربات. غير أن المراقبين يؤكدون أن الغارات "
        "استهدفت الأكراد. وكانوا يقولون إن الأمر يستغرق وقتا."
    )
    speakers = [q.speaker_text for q in find_quotes(text, names(text, ("مولود تشاوش أوغلو", "PER")))]
    assert speakers[1] == "المراقبين"
    assert speakers[2] != "وكانوا"


def test_expecting_that_ends_the_statement_before_it_but_unexpected_is_no_cue() -> None:
    text = (
        "وقالت الشركة إن أرباحها تراجعت في الربع الثاني، متوقعة أن تتحسن النتائج في الربع الثالث. "
        "وقال مصدر إن وفاته لم تكن متوقعة، ورفضت المتحدثة التعليق."
    )
    quotes = [(q.cue, q.text) for q in find_quotes(text, [])]
    assert quotes == [
        ("قالت", "أرباحها تراجعت في الربع الثاني"),
        ("متوقعة", "تتحسن النتائج في الربع الثالث"),
        ("قال", "وفاته لم تكن متوقعة، ورفضت المتحدثة التعليق"),
    ]


def test_during_and_for_seditions_are_no_cues() -> None:
    text = (
        "وسجن إبان حكم الشاه بتهمة أنه شيوعي. إنها حرب توقظ الناس لفتن التدخل الخارجي، ويبدو أن "
        "الأمة في خطر. وأبان المدير أن العمل مستمر."
    )
    assert [(q.cue, q.text) for q in find_quotes(text, [])] == [("أبان", "العمل مستمر")]


def test_a_name_in_marks_between_the_verb_and_that_is_no_statement() -> None:
    text = (
        'وأوضحت الشركة في بيان لها على "تداول"، أنه تم شراء الحصة بقيمة رمزية. '
        "وقال المتحدث لـ«الوطن» إن الخطة جاهزة. وقال: «هذه خطة ممتازة جدا»."
    )
    quotes = [(q.cue, q.text) for q in find_quotes(text, [])]
    assert quotes == [
        ("أوضحت", "تم شراء الحصة بقيمة رمزية"),
        ("قال", "الخطة جاهزة"),
        ("قال", "هذه خطة ممتازة جدا"),
    ]


def test_kana_before_subject_and_verb_and_a_time_after_them_are_read() -> None:
    text = (
        "وكانت الحكومة قالت العام الماضي إن إنتاج القمح بلغ مليون طن. وكان وزير سوري أبلغ رويترز "
        "في فبراير أن بلاده تحتاج القمح. وقالت الوزارة الشهر الماضي إن الأسعار ستنخفض. وقال الأمين "
        "العام إن الاجتماع ناجح."
    )
    found = names(text, ("رويترز", "ORG"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers == ["الحكومة", "وزير سوري", "الوزارة", "الأمين العام"]


def test_the_one_told_after_an_unnamed_subject_is_not_part_of_it() -> None:
    text = "وأبلغ مسؤولون حكوميون وزراعيون رويترز أنهم يتوقعون تراجع الإنتاج."
    [quote] = find_quotes(text, names(text, ("رويترز", "ORG")))
    assert quote.speaker_text == "مسؤولون حكوميون وزراعيون"


def test_whoever_says_names_no_speaker() -> None:
    text = "وهناك من يقول إن بعض الأعضاء تعالوا على الناخبين. وقال الوزير إن العمل مستمر."
    assert [(q.speaker_text, q.text) for q in find_quotes(text, [])] == [("الوزير", "العمل مستمر")]


def test_verses_on_their_own_lines_after_a_colon_are_said_but_a_list_is_not() -> None:
    text = (
        "وفي ذلك يقول الشاعر محمد السديري:\nيالله أنا من جود حسناك طالبك\nعفوك ومنك الستر والعفو "
        "يرتجى\nوهذا من أجمل الشعر الذي قيل في هذا الباب وأكثره انتشارا بين الناس في الجزيرة منذ قرون.\n"
        "وأوضح المدير أن الشروط هي:\n1- تعبئة نموذج الطلب\n2- ختمه من صاحب العمل"
    )
    quotes = [(q.cue, q.text) for q in find_quotes(text, [])]
    assert quotes[0] == ("يقول", "يالله أنا من جود حسناك طالبك\nعفوك ومنك الستر والعفو يرتجى")
    assert not any("تعبئة" in said for _, said in quotes)


def test_but_he_added_and_a_fronted_topic_start_new_statements_and_nouns_end_none() -> None:
    text = (
        "وقال لافروف إن تسوية الحرب بحاجة إلى حوار بين كل الأطراف ، ولكنه أضاف أن تنظيم داعش هو الخطر "
        "الرئيسي. وأكد المدرب أن الفريق جاهز بتوفيق من الله وعن النتائج التي حققها الفريق قال ان جميع "
        "النتائج لا تعنيهم. وأشار إلى أن المنتزه جزء مهم من ذاكرة المدينة، وقدم هدايا لكل فرد من العاملين."
    )
    quotes = [(q.cue, q.text) for q in find_quotes(text, names(text, ("لافروف", "PER")))]
    assert quotes == [
        ("قال", "تسوية الحرب بحاجة إلى حوار بين كل الأطراف"),
        ("أضاف", "تنظيم داعش هو الخطر الرئيسي"),
        ("أكد", "الفريق جاهز بتوفيق من الله"),
        ("قال", "جميع النتائج لا تعنيهم"),
        ("أشار", "المنتزه جزء مهم من ذاكرة المدينة، وقدم هدايا لكل فرد من العاملين"),
    ]


def test_ban_of_ban_ki_moon_is_no_that() -> None:
    text = "وقال بان كي مون إن القرار مهم. وأكد الوزير بان الخطة جاهزة."
    quotes = [(q.speaker_text, q.text) for q in find_quotes(text, names(text, ("بان كي مون", "PER")))]
    assert quotes == [("بان كي مون", "القرار مهم"), ("الوزير", "الخطة جاهزة")]


def test_another_countrys_holder_of_the_same_office_is_not_the_one_named() -> None:
    text = (
        "وقال المندوب الروسي فيتالي تشوركين إن القرار متوازن. فيما شدد المندوب الصيني على معارضة "
        "بلاده للأسلحة الكيماوية. وقال المندوب الروسي إن بلاده تؤيد القرار. وقال النائب العام القاضي "
        "سمير حمود إن التحقيق مستمر، ولفت النائب العام إلى أن الأجهزة تتابع."
    )
    found = names(text, ("فيتالي تشوركين", "PER"), ("سمير حمود", "PER"))
    speakers = [q.speaker_text for q in find_quotes(text, found)]
    assert speakers == ["فيتالي تشوركين", "المندوب الصيني", "فيتالي تشوركين", "سمير حمود", "سمير حمود"]


def test_his_talk_is_what_the_speaker_concludes_not_the_speaker() -> None:
    text = (
        "وقال سلطان المطيري إن الخدمة مفيدة. واختتم حديثه بأن الصحة المتنقلة لها إيجابيات. "
        "وكشفت دراسة بريطانية حديثة أن التقنية غيرت الناس."
    )
    speakers = [q.speaker_text for q in find_quotes(text, names(text, ("سلطان المطيري", "PER")))]
    assert speakers == ["سلطان المطيري", "سلطان المطيري", "دراسة بريطانية حديثة"]


def test_what_was_stressed_is_not_the_speaker() -> None:
    text = 'وقال الشيخ محمد الخالد إن الحملة ناجحة. وأكد أهمية "التعاون بين الجهات" في نجاح العمل.'
    speakers = [q.speaker_text for q in find_quotes(text, names(text, ("محمد الخالد", "PER")))]
    assert speakers == ["محمد الخالد", "محمد الخالد"]


def test_a_cue_after_abi_or_bin_is_part_of_a_name() -> None:
    text = "وسمع أم هانئ بنت أبي طالب تقول: «ذهبت إلى رسول الله عام الفتح فوجدته يغتسل»."
    assert [q.cue for q in find_quotes(text, [])] == ["تقول"]


def test_a_definite_plural_in_un_after_a_calling_verb_is_its_subject() -> None:
    text = "وقال المدير إن العمل مستمر. وطالب المحتجون بتوفير الخدمات الأساسية للأحياء."
    speakers = [q.speaker_text for q in find_quotes(text, [])]
    assert speakers == ["المدير", "المحتجون"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("وحذرت السفارة الأمريكية من أن القمة قد تكون هدفا محتملا.", ["السفارة الأمريكية"]),
        ("طالبت الحكومة اليمنية مجلس الأمن بتحرك حازم ضد الحوثيين.", ["الحكومة اليمنية"]),
        ("ودعت الوزارة المواطنين إلى عدم الاقتراب من الأودية.", ["الوزارة"]),
        ("وقال الوزير إن الوضع مستقر. ودعا الرئيس المواطنين إلى اليقظة.", ["الوزير", "الرئيس"]),
        ("وقال الوزير إن الوضع مستقر. وطالب المجتمع الدولي بالتدخل لوقف الحرب.", ["الوزير", "الوزير"]),
        ("ودعا الحكومة إلى التدخل. وطالب المواطنين بالحذر.", [None, None]),
    ],
    ids=[
        "no-one-before",
        "object-after-the-subject",
        "plural-object",
        "plural-object-after-a-speaker",
        "called-on-by-the-speaker",
        "objects-do-not-agree",
    ],
)
def test_a_definite_subject_of_a_calling_verb_when_no_one_else_can_be(
    text: str, speakers: list[str | None]
) -> None:
    assert [q.speaker_text for q in find_quotes(text, [])] == speakers


def test_admitting_that_is_a_statement_approving_a_budget_is_not() -> None:
    text = (
        "وأقرت الباحثة جيبس بأن من عيوب الدراسة أنها قاست النشاط مرة واحدة. وأقر مجلس الوزراء الميزانية "
        "العامة للدولة. وتقرّر أن تنطلق التدريبات مغرب اليوم."
    )
    quotes = [(q.cue, q.text) for q in find_quotes(text, [])]
    assert quotes == [("أقرت", "من عيوب الدراسة أنها قاست النشاط مرة واحدة")]


def test_a_relative_clause_expressing_through_its_preposition_is_the_antecedents() -> None:
    text = "وأحيا الحفل المايسترو هشام جبر، الذي أعرب عن سعادته بانطلاقة الدورة الثانية للمهرجان."
    [quote] = find_quotes(text, names(text, ("هشام جبر", "PER")))
    assert (quote.speaker_text, quote.text) == ("هشام جبر", "سعادته بانطلاقة الدورة الثانية للمهرجان")


def test_showed_reassured_honorific_pronouns_and_scripture_cited() -> None:
    text = (
        "وقال الدكتور عبدالرحمن السديس إن الحادث إجرامي. وأبان الرئيس العام لشؤون المسجد الحرام والمسجد "
        "النبوي أن هذه الأعمال خديعة. وقال معاليه إن الأمن نعمة. ومن قوله تعالى: {ولا تقتلوا أنفسكم}. "
        "وطمأن آل سالم جماهير ناديه بأن الفريق يسير بخطى ثابتة."
    )
    found = names(text, ("عبدالرحمن السديس", "PER"), ("معاليه", "PER"), ("آل سالم", "PER"))
    quotes = [(q.cue, q.speaker_text) for q in find_quotes(text, found)]
    assert quotes[1][0] == "أبان"
    assert quotes[2] == ("قال", "الرئيس العام")  # معاليه, though tagged, is the one named before
    assert ("قوله", "الله") in quotes
    assert ("طمأن", "آل سالم") in quotes


def test_age_questions_despite_and_where_it_was_said_are_no_statements_or_speakers() -> None:
    text = (
        "انا امرأة ابلغ من العمر 36 عاما ووجدت ان الكلسترول مرتفع. هل ترى أن هناك حاجة لإعادة التخطيط؟ "
        "وعاد اللاعب رغم نفي وكيله أن يكون قد وقع. وقال وزير التعليم عزام الدخيل إن القرار صائب. وغرد "
        'بحسابه في تويتر: "لدوره الحيوي في التعليم نشكره". وقال بعضهم إن الرحلة طويلة.'
    )
    quotes = [(q.cue, q.speaker_text) for q in find_quotes(text, names(text, ("عزام الدخيل", "PER")))]
    assert quotes == [("قال", "عزام الدخيل"), ("غرد", "عزام الدخيل"), ("قال", "بعضهم")]


def test_an_announcement_is_what_not_where_or_when() -> None:
    text = "أعلنت قيادة القوات المشتركة في بيان لها امس استشهاد الرقيب علي العسيري."
    [quote] = find_quotes(text, [])
    assert quote.text == "استشهاد الرقيب علي العسيري"


def test_a_long_title_before_the_name_keeps_the_verbs_preposition() -> None:
    text = (
        "أعرب معالي الرئيس العام لشؤون المسجد الحرام والمسجد النبوي الشيخ عبدالرحمن بن عبدالعزيز "
        "السديس باسمه واسم أئمة وخطباء وعلماء الحرمين الشريفين عن استنكاره وتألمه للحادث الآثم."
    )
    [quote] = find_quotes(text, names(text, ("عبدالرحمن بن عبدالعزيز السديس", "PER")))
    assert (quote.speaker_text, quote.text) == (
        "عبدالرحمن بن عبدالعزيز السديس",
        "استنكاره وتألمه للحادث الآثم",
    )


def test_a_statement_after_a_colon_ends_before_the_writers_own_sentence() -> None:
    text = (
        "وأضاف العقيد زياد الرقيطي: تم القبض على الجاني واتخاذ الإجراءات النظامية بحقه. وكانت "
        '"سبق" قد نشرت مؤخراً خبر العثور على الجثة.'
    )
    [quote] = find_quotes(text, names(text, ("زياد الرقيطي", "PER")))
    assert quote.text == "تم القبض على الجاني واتخاذ الإجراءات النظامية بحقه"


def test_what_reveals_or_points_to_a_noun_is_the_writers_inference() -> None:
    text = (
        "وسجل القطاع نموا بنسبة 1.4 في المائة، وهو ما يشير إلى نمو عدد من القطاعات الاقتصادية. وهو ما "
        "كشف عن أكبر أزمة قيادية في تاريخ الحركة. وقال الوزير إن ما أعلن عنه غير صحيح."
    )
    assert [(q.speaker_text, q.text) for q in find_quotes(text, [])] == [("الوزير", "ما أعلن عنه غير صحيح")]


@pytest.mark.parametrize(
    ("text", "owner", "speaker"),
    [
        ("وقال بيان لوزارة الخارجية إن الاجتماع كان مثمرا.", ("وزارة الخارجية", "ORG"), "وزارة الخارجية"),
        ("وحذر بيان صادر عن وزارة الصحة من أن الفيروس ينتشر.", ("وزارة الصحة", "ORG"), "وزارة الصحة"),
        (
            "وذكرت دراسة أجرتها جامعة الملك سعود أن الطلاب يدخنون.",
            ("جامعة الملك سعود", "ORG"),
            "جامعة الملك سعود",
        ),
        ("وأشار تقرير مؤسسة النقد إلى أن الودائع ارتفعت.", ("مؤسسة النقد", "ORG"), "مؤسسة النقد"),
        ("وأعلن بيان للقيادة العامة للقوات المسلحة أن العمليات مستمرة.", None, "القيادة العامة"),
        ("وقال بيان من مكتب رئيس الوزراء إن الاجتماع كان مثمرا.", None, "مكتب رئيس الوزراء"),
        ("وأكد تقرير اقتصادي أن النمو تباطأ.", None, "تقرير اقتصادي"),
        ("ونشرت الوزارة دليلا. وأكد بيان للرأي العام أن الوزارة حريصة.", None, "بيان"),
        (
            "وذكرت البيانات الإحصائية الصادرة عن المركز الوطني للإحصاء أن الناتج ارتفع.",
            ("المركز الوطني للإحصاء", "ORG"),
            "المركز الوطني للإحصاء",
        ),
    ],
    ids=[
        "lam",
        "issued-by",
        "conducted-by",
        "genitive",
        "lam-before-al",
        "office",
        "no-owner",
        "to-whom",
        "data",
    ],
)
def test_a_statement_or_report_speaks_for_the_body_it_is_from(
    text: str, owner: tuple[str, str] | None, speaker: str
) -> None:
    [quote] = find_quotes(text, names(text, owner) if owner else [])
    assert quote.speaker_text == speaker


@pytest.mark.parametrize(
    ("text", "owner", "speaker", "said"),
    [
        (
            "وأصدرت الهيئة بيانا. وجاء في البيان أن الهيئة قررت إيقاف المخالفين.",
            None,
            "البيان",
            "الهيئة قررت إيقاف المخالفين",
        ),
        (
            "وجاء في بيان للدائرة أمس: «نرفض هذه الاتهامات جملة وتفصيلا».",
            None,
            "الدائرة",
            "نرفض هذه الاتهامات جملة وتفصيلا",
        ),
        (
            "أسست داعش معاقل في أوروبا حسبما جاء في تحقيق لصحيفة ميرور البريطانية نشر اليوم.",
            ("ميرور", "ORG"),
            "ميرور",
            "أسست داعش معاقل في أوروبا",
        ),
        (
            "وجاء في البرقية حسب بيان للوزارة أمس: «تلقيت ببالغ الأسى نبأ الحادث».",
            None,
            "البرقية",
            "تلقيت ببالغ الأسى نبأ الحادث",
        ),
        ("وجاء على لسان المتحدث باسم الشرطة أن الحادث جنائي.", None, "المتحدث باسم الشرطة", "الحادث جنائي"),
    ],
    ids=["the-statement", "a-bodys-statement", "after-the-fact", "by-whose-account", "on-the-tongue-of"],
)
def test_what_came_in_a_document_is_a_statement(
    text: str, owner: tuple[str, str] | None, speaker: str, said: str
) -> None:
    [quote] = find_quotes(text, names(text, owner) if owner else [])
    assert (quote.speaker_text, quote.text, quote.cue) == (speaker, said, "جاء")


def test_came_first_or_came_at_a_time_is_no_statement() -> None:
    text = "وجاء في المركز الأول فريق الهلال. وجاء في وقت لاحق أن الفريق انسحب. وجاء ذلك في بيان."
    assert find_quotes(text, []) == []


@pytest.mark.parametrize(
    ("text", "found", "speaker"),
    [
        ("السعودية تطالب إيران بوقف تدخلاتها.", (("السعودية", "LOC"), ("إيران", "LOC")), "السعودية"),
        (
            "وقال الوزير إن الوضع مستقر. ومصر تدعو إسرائيل إلى وقف الاستيطان.",
            (("مصر", "LOC"), ("إسرائيل", "LOC")),
            "مصر",
        ),
    ],
    ids=["headline", "after-and"],
)
def test_a_country_opening_the_clause_calls_on_the_one_named_after_the_verb(
    text: str, found: tuple[tuple[str, str], ...], speaker: str
) -> None:
    assert find_quotes(text, names(text, *found))[-1].speaker_text == speaker


@pytest.mark.parametrize(
    ("text", "found", "said"),
    [
        (
            "وقال الوزير عادل الجبير إن الوضع صعب، وأكد حرص المملكة على أمن اليمن.",
            (("عادل الجبير", "PER"), ("المملكة", "LOC"), ("اليمن", "LOC")),
            "حرص المملكة على أمن اليمن",
        ),
        (
            "وأكد مندوبا المملكة العربية السعودية وجمهورية ناميبيا حرص البلدين على تعزيز العلاقات.",
            (("المملكة العربية السعودية", "LOC"), ("ناميبيا", "LOC")),
            "حرص البلدين على تعزيز العلاقات",
        ),
    ],
    ids=["named-after-the-stance", "two-names-in-the-subject"],
)
def test_a_stance_stressed_is_said_whole_with_its_preposition(
    text: str, found: tuple[tuple[str, str], ...], said: str
) -> None:
    assert find_quotes(text, names(text, *found))[-1].text == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "وأعلنت الوزارة اكتمال الاستعدادات للانتخابات، وتم تشكيل 16 لجنة محلية.",
            "اكتمال الاستعدادات للانتخابات",
        ),
        ("وأبدى المواطنون فرحهم بالأمطار، ووثقوا ذلك بتصوير السيول.", "فرحهم بالأمطار"),
        (
            "وأعلنت الوزارة تراجع المبيعات، وأسعار المنازل في المدن الكبرى.",
            "تراجع المبيعات، وأسعار المنازل في المدن الكبرى",
        ),
    ],
    ids=["passive", "plural-deed", "two-objects"],
)
def test_a_said_object_ends_before_the_subjects_next_deed(text: str, said: str) -> None:
    [quote] = find_quotes(text, [])
    assert quote.text == said


def test_scripture_cited_with_its_harakat_is_gods_word() -> None:
    text = "وقال الشيخ السديس إن القتل محرم. وقَوْلُهُ تَعَالَى: {وَمَن يَقْتُلْ مُؤْمِنًا مُتَعَمِّدًا فَجَزَاؤُهُ جَهَنَّمُ}."
    quotes = find_quotes(text, names(text, ("السديس", "PER")))
    assert [q.speaker_text for q in quotes] == ["السديس", "الله"]


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("نفى الدكتور عزام الدخيل وزير التعليم اليوم ما تم تداوله.", "عزام الدخيل", "ما تم تداوله"),
        (
            "وأعلن الأمير خالد الفيصل أمير منطقة مكة المكرمة انطلاق المهرجان.",
            "خالد الفيصل",
            "انطلاق المهرجان",
        ),
        (
            "وأبدى فهد المفرج مدير إدارة كرة القدم في نادي الهلال، سعادته بانضباطية اللاعبين.",
            "فهد المفرج",
            "سعادته بانضباطية اللاعبين",
        ),
        ("أعلن عمر الصفراء مدير الاحتراف بنادي هجر استقالته من منصبه.", "عمر الصفراء", "استقالته من منصبه"),
    ],
    ids=["minister-then-today", "a-construct-chain", "the-unit-served-then-a-comma", "his-own"],
)
def test_the_title_after_the_subjects_name_is_not_what_he_said(text: str, name: str, said: str) -> None:
    [quote] = find_quotes(text, names(text, (name, "PER")))
    assert (quote.speaker_text, quote.text) == (name, said)


def test_a_title_after_the_name_then_a_cue_leaves_the_statement_to_the_cue() -> None:
    text = 'وأوضح سعيد صواف مدير الوكالة في دبي قائلا: "تعد دبي مركز تصميم الإضاءة في المنطقة".'
    quotes = find_quotes(text, names(text, ("سعيد صواف", "PER"), ("دبي", "LOC")))
    assert [(q.cue, q.text) for q in quotes] == [("قائلا", "تعد دبي مركز تصميم الإضاءة في المنطقة")]


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        (
            "كشفت النيابة العامة في دبي اليوم الثلاثاء، تفاصيل جريمة قتل مروعة.",
            ("النيابة العامة", "ORG"),
            "تفاصيل جريمة قتل مروعة",
        ),
        (
            "أكد المدرب جورجيوس دونيس خلال المؤتمر الصحفي، جاهزية فريقه للفوز باللقاء.",
            ("جورجيوس دونيس", "PER"),
            "جاهزية فريقه للفوز باللقاء",
        ),
    ],
    ids=["where-and-when", "during"],
)
def test_where_and_when_the_subject_spoke_set_off_by_a_comma_is_not_what_it_said(
    text: str, name: tuple[str, str], said: str
) -> None:
    assert find_quotes(text, names(text, name))[-1].text == said


def test_a_word_ending_in_tanween_before_a_period_ends_the_sentence() -> None:
    text = "وأكد الوزير أن العمل سيبدأ قريبًا. وافتتح الوزير المعرض في الرياض."
    assert [q.text for q in find_quotes(text, [])] == ["العمل سيبدأ قريبًا"]


@pytest.mark.parametrize(
    ("text", "owner", "speaker"),
    [
        ("وأصدرت الوزارة بيانا جاء فيه: «نرفض هذه الاتهامات جملة وتفصيلا».", None, "الوزارة"),
        ("وتناقلت المواقع بيانا صادرا عن الفرقة جاء فيه «استنكرت قيادة الفرقة عملية الخطف».", None, "الفرقة"),
        (
            "وجاء بيان اللجنة السعودية للرقابة على المنشطات على النحو التالي: «تقرر براءة اللاعب».",
            ("اللجنة السعودية للرقابة", "ORG"),
            "اللجنة السعودية للرقابة",
        ),
        ("كتبت خطاب استقالة إلى مديرها. وجاء فيه أنها تشكو من ساعات العمل الطويلة.", None, "خطاب"),
    ],
    ids=["issued-then-in-it", "issued-by-then-in-it", "the-document-came", "the-sentence-before"],
)
def test_what_a_document_named_before_holds_is_its_owners_statement(
    text: str, owner: tuple[str, str] | None, speaker: str
) -> None:
    [quote] = find_quotes(text, names(text, owner) if owner else [])
    assert (quote.cue, quote.speaker_text) == ("جاء", speaker)


def test_a_statement_published_on_a_site_has_no_owner_named() -> None:
    text = "وشدد البيان الذي نشر على موقع الحزب على ضرورة الالتحام."
    assert [q.speaker_text for q in find_quotes(text, [])] == ["البيان"]


@pytest.mark.parametrize(
    ("text", "found", "speaker"),
    [
        ("وذكرت وكالة الأنباء أن المتحدث باسم الجيش حذر من هجمات جديدة.", (), "المتحدث باسم الجيش"),
        (
            "وقال الوزير إن الولايات المتحدة أكدت خطره من قبل.",
            (("الولايات المتحدة", "LOC"),),
            "الولايات المتحدة",
        ),
    ],
    ids=["a-title", "a-country"],
)
def test_a_relayed_statement_is_its_own_clauses_subjects(
    text: str, found: tuple[tuple[str, str], ...], speaker: str
) -> None:
    assert find_quotes(text, names(text, *found))[-1].speaker_text == speaker


@pytest.mark.parametrize(
    ("text", "found", "speakers"),
    [
        ("وكتبت صحيفة حرييت أن الهجوم عمل انتقامي ضد تركيا.", (("حرييت", "ORG"),), ["صحيفة حرييت"]),
        (
            "وكتب رئيس الوزراء التركي أحمد داود أوغلو إن بلاده لن تتسامح مع الإرهاب.",
            (("أحمد داود أوغلو", "PER"),),
            ["أحمد داود أوغلو"],
        ),
        ("وتقول كتب التاريخ الصينية إن الفوضى عمت البلاد.", (), ["كتب التاريخ الصينية"]),
    ],
    ids=["a-paper", "a-person", "books"],
)
def test_one_named_who_wrote_that_made_a_statement(
    text: str, found: tuple[tuple[str, str], ...], speakers: list[str]
) -> None:
    assert [q.speaker_text for q in find_quotes(text, names(text, *found))] == speakers


def test_what_someone_said_as_the_subject_of_the_writers_sentence_is_no_statement() -> None:
    text = "وكل ما ذكره المتحدث لهو بالفعل رأس جبل الجليد، وهذه السلسلة جديرة بأن يتم تدريسها."
    assert find_quotes(text, []) == []


def test_a_present_verb_showing_how_far_is_no_cue_inside_a_statement() -> None:
    text = (
        "وقال جيريمي كوك في حكمه إن هذه المحاكمة تكشف مدى الافتقار إلى النزاهة التي ينبغي على المصارف "
        "أن تتسم بها."
    )
    [quote] = find_quotes(text, names(text, ("جيريمي كوك", "PER")))
    assert (quote.speaker_text, quote.cue) == ("جيريمي كوك", "قال")


@pytest.mark.parametrize(
    ("text", "found", "said"),
    [
        (
            "وأكد المواطن عبدالعزيز آل ابراهيم وجود ملاحظات عديدة على المستشفى.",
            (("عبدالعزيز آل ابراهيم", "PER"),),
            "وجود ملاحظات عديدة على المستشفى",
        ),
        (
            "كشفت وزارة الصحة والشؤون الصحية بالحرس الوطني تسجيل حالات جديدة.",
            (("وزارة الصحة", "ORG"), ("الحرس الوطني", "ORG")),
            "تسجيل حالات جديدة",
        ),
        (
            "وأكد معالي السفير عبدالله المعلمي ومعالي السفير ثومسون حرص البلدين على تعزيز العلاقات.",
            (("عبدالله المعلمي", "PER"), ("ثومسون", "PER")),
            "حرص البلدين على تعزيز العلاقات",
        ),
    ],
    ids=["existence-after-a-name", "the-rest-of-a-bodys-name", "a-second-holder-joined"],
)
def test_the_object_begins_after_the_whole_subject(
    text: str, found: tuple[tuple[str, str], ...], said: str
) -> None:
    [quote] = find_quotes(text, names(text, *found))
    assert quote.text == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "أعلن المدعي العام في ولاية كونيكتيكت امس الجمعة توجيه الاتهام إلى رجلين.",
            "توجيه الاتهام إلى رجلين",
        ),
        (
            "وقال الأمير إن الوضع مستقر. وأكد سموه - حفظه الله - اعتزاز المملكة بالعلاقات.",
            "اعتزاز المملكة بالعلاقات",
        ),
        ("نفى ابن المواطنة التي تسكن في الحي عدم صلة والدته بالقضية.", "عدم صلة والدته بالقضية"),
    ],
    ids=["a-place-then-a-time", "a-blessing-between-dashes", "a-relative-clause-in-the-subject"],
)
def test_the_object_begins_past_a_time_a_blessing_or_a_relative_clause(text: str, said: str) -> None:
    assert find_quotes(text, [])[-1].text == said


@pytest.mark.parametrize(
    ("occasion", "outlet"),
    [
        ("وفي تصريح لوكالة الصحافة الفرنسية", "وكالة الصحافة الفرنسية"),
        ("وفي مقابلة مع صحيفة الحياة", "الحياة"),
    ],
)
def test_the_outlet_an_interview_was_given_to_is_not_the_speaker(occasion: str, outlet: str) -> None:
    text = f"وقال حسن بوسنين إن الوضع سيئ. {occasion} ذكر أن معظم الضحايا مدنيون."
    quotes = find_quotes(text, names(text, ("حسن بوسنين", "PER"), (outlet, "ORG")))
    assert [q.speaker_text for q in quotes] == ["حسن بوسنين", "حسن بوسنين"]


def test_a_form_of_address_opens_the_subject_not_the_object() -> None:
    text = "وأعلن معالي وزير الصحة المهندس خالد الفالح إطلاق حملة التطعيم."
    [quote] = find_quotes(text, names(text, ("خالد الفالح", "PER")))
    assert (quote.speaker_text, quote.text) == ("خالد الفالح", "إطلاق حملة التطعيم")


def test_a_family_name_alone_is_the_whole_subject_before_a_definite_object() -> None:
    # the tagger left الهاجري untagged: a definite nisba alone is a name, not a noun described
    [quote] = find_quotes("ونفى الهاجري الاتهامات الموجهة لإدارته بشأن المستحقات.", [])
    assert (quote.speaker_text, quote.text) == ("الهاجري", "الاتهامات الموجهة لإدارته بشأن المستحقات")


def test_a_relative_clauses_verb_is_no_object() -> None:
    assert find_quotes("وأعلن المدير الذي تولى منصبه حديثا خطة جديدة.", []) == []


def test_at_once_is_no_that() -> None:
    text = "أبدى عادل آل عمر سعادته بردود الفعل الإيجابية، وتفاعلهم وترفيههم في آن واحد."
    [quote] = find_quotes(text, names(text, ("عادل آل عمر", "PER")))
    assert quote.text == "سعادته بردود الفعل الإيجابية، وتفاعلهم وترفيههم في آن واحد"


def test_on_their_part_opens_another_speakers_turn_after_a_colon_statement() -> None:
    text = "تحدث طه حميد قائلاً: إن تحرير عدن بداية الخلاص. من جهتهم، عبر أهالي عدن عن سعادتهم بالنصر."
    quotes = find_quotes(text, names(text, ("طه حميد", "PER")))
    assert quotes[0].text == "إن تحرير عدن بداية الخلاص"


def test_what_was_revealed_follows_that_when_a_report_on_comes_first() -> None:
    text = "وكشفت الوزارة في تقرير لها عن التعليم أن عدد الطلاب ارتفع."
    assert [q.text for q in find_quotes(text, [])] == ["عدد الطلاب ارتفع"]


@pytest.mark.parametrize(
    ("text", "found", "speaker"),
    [
        ("وزير الصحة خالد الفالح بدوره أكد أن الوضع مطمئن.", (("خالد الفالح", "PER"),), "خالد الفالح"),
        ("وقال الوزير إن العمل مستمر. والمدير بدوره أكد أن الوضع مطمئن.", (), "المدير"),
    ],
    ids=["a-name", "a-title"],
)
def test_the_subject_before_on_his_part_speaks(
    text: str, found: tuple[tuple[str, str], ...], speaker: str
) -> None:
    assert find_quotes(text, names(text, *found))[-1].speaker_text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "التقى الأمير بمحمد العلي وهو طالب بجامعة الملك سعود.",
        "وتصف الدراسة الظاهرة، وبعد أن تنتشر تتحرك نحو المدن.",
    ],
    ids=["a-student", "after-that"],
)
def test_a_student_and_a_time_clause_are_no_statements(text: str) -> None:
    assert find_quotes(text, names(text, ("محمد العلي", "PER")) if "العلي" in text else []) == []


def test_a_present_verb_of_following_does_not_end_a_statement() -> None:
    text = "وقال المسؤول: الوضع صعب ويتابع المسؤولون الأزمة عن كثب، وتعددت قنواته."
    assert [q.text for q in find_quotes(text, [])] == [
        "الوضع صعب ويتابع المسؤولون الأزمة عن كثب، وتعددت قنواته"
    ]


@pytest.mark.parametrize(
    ("text", "found", "speaker", "said"),
    [
        (
            "أبدى كل من توفيق الحداد وعبدالله حسن من أبناء تعز تفاؤلهم الكبير.",
            (("توفيق الحداد", "PER"), ("عبدالله حسن", "PER"), ("تعز", "LOC")),
            "توفيق الحداد",
            "تفاؤلهم الكبير",
        ),
        (
            "وأشار كل من درويش سالم وناجي صالح إلى أن النجاحات كبيرة.",
            (("درويش سالم", "PER"), ("ناجي صالح", "PER")),
            "درويش سالم",
            "النجاحات كبيرة",
        ),
    ],
    ids=["an-object", "to-that"],
)
def test_each_of_those_named_speaks_through_the_first(
    text: str, found: tuple[tuple[str, str], ...], speaker: str, said: str
) -> None:
    [quote] = find_quotes(text, names(text, *found))
    assert (quote.speaker_text, quote.text) == (speaker, said)


def test_a_bare_title_is_the_one_named_right_after_it_not_the_last_person_near_it() -> None:
    text = "انتقد الملك سلمان نظام بشار الأسد، وقال الملك إن الحل سياسي."
    quotes = find_quotes(text, names(text, ("سلمان", "PER"), ("بشار الأسد", "PER")))
    assert [q.speaker_text for q in quotes] == ["سلمان"]


@pytest.mark.parametrize(
    ("text", "found", "said"),
    [
        (
            "وأكد ابن كيران، رئيس الحكومة، خلال اجتماع المجلس الذي صادق على القوانين، أن الانتخابات "
            "ستجري في موعدها.",
            (("ابن كيران", "PER"),),
            "الانتخابات ستجري في موعدها",
        ),
        (
            "وكانت آخر التصريحات للرئيس روحاني الذي أشار إلى «مناخ جديد» من شأنه تسهيل الحلول.",
            (("روحاني", "PER"),),
            "«مناخ جديد» من شأنه تسهيل الحلول",
        ),
    ],
    ids=["a-relative-clause-inside", "the-relative-cue-itself"],
)
def test_a_preposition_of_a_relative_clauses_verb_is_not_the_cues(
    text: str, found: tuple[tuple[str, str], ...], said: str
) -> None:
    assert find_quotes(text, names(text, *found))[-1].text == said


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("ونبهت الهيئة المواطنين إلى ضرورة الحذر.", "الهيئة", "ضرورة الحذر"),
        ("وادعى المتهم أنه كان في منزله وقت الحادث.", "المتهم", "كان في منزله وقت الحادث"),
    ],
    ids=["drew-attention-to", "claimed"],
)
def test_drawing_attention_and_claiming_are_statements(text: str, speaker: str, said: str) -> None:
    [quote] = find_quotes(text, [])
    assert (quote.speaker_text, quote.text) == (speaker, said)


@pytest.mark.parametrize(
    ("text", "found", "speaker"),
    [
        (
            "وأعلنت وزارة التعليم عن فتح باب القبول. وتابعت “التعليم” أن التسجيل يبدأ غدا.",
            (("وزارة التعليم", "ORG"),),
            "وزارة التعليم",
        ),
        (
            'قال فؤاد المسلم إن المعسكر ناجح. وأوضح "المسلم" أن اللاعبين جاهزون.',
            (("فؤاد المسلم", "PER"),),
            "فؤاد المسلم",
        ),
    ],
    ids=["a-body", "a-person"],
)
def test_a_name_written_short_in_marks_is_the_one_named_in_full_before(
    text: str, found: tuple[tuple[str, str], ...], speaker: str
) -> None:
    assert find_quotes(text, names(text, *found))[-1].speaker_text == speaker


def test_a_titles_genitive_ends_the_subject_before_the_plural_called_on() -> None:
    text = "ودعا وزير الصحة المواطنين إلى الحذر، مؤكدا ضرورة الالتزام بالتعليمات والعمل على حماية الأطفال."
    assert [(q.speaker_text, q.text) for q in find_quotes(text, [])] == [
        ("وزير الصحة", "الحذر"),
        ("وزير الصحة", "ضرورة الالتزام بالتعليمات والعمل على حماية الأطفال"),
    ]


def test_but_then_another_subject_and_its_cue_open_a_statement_of_their_own() -> None:
    text = "وكشفت مصادر مطلعة أن أصحاب العمل يراعون ظروف العمال، إلا أن الوزارة شددت على أهمية الالتزام."
    assert [(q.speaker_text, q.text) for q in find_quotes(text, [])] == [
        ("مصادر مطلعة", "أصحاب العمل يراعون ظروف العمال"),
        ("الوزارة", "أهمية الالتزام"),
    ]


def test_ones_works_named_after_a_colon_are_no_statements() -> None:
    assert find_quotes("ومن أشهر كتبه: «187 سببا للرحيل عن كولومبيا».", []) == []


def test_titles_of_ones_books_after_a_cue_and_a_colon_are_no_statement() -> None:
    text = (
        "وقال هيريرا إن الشعر هوية. وتوضح بعض أسماء كتبه هذه الخلطة: «منفيون يدفعهم الشغف». "
        'وقال: "أحب التجول".'
    )
    found = find_quotes(text, names(text, ("هيريرا", "PER")))
    assert [(q.speaker_text, q.text) for q in found] == [("هيريرا", "الشعر هوية"), ("هيريرا", "أحب التجول")]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("قال الوزير إن المفاوضات ستستمر. ووصف الاتفاق بأنه تاريخي.", ["الوزير", "الوزير"]),
        ("ووصف الوزير القرار بأنه تاريخي.", ["الوزير"]),
        ("ووصف الوزير السعودي الاتفاق بأنه تاريخي.", ["الوزير السعودي"]),
    ],
    ids=["what-was-described", "the-subject-then-what", "an-adjective-stays"],
)
def test_what_is_described_is_not_who_describes_it(text: str, speakers: list[str]) -> None:
    assert [q.speaker_text for q in find_quotes(text, [])] == speakers


def test_this_is_what_someone_stressed_attributes_the_paragraph_before() -> None:
    text = "صدر قرار برفع مستوى نقطة أمن المطار إلى مركز.\nوهذا ما أكده الناطق الإعلامي بدر السحيباني."
    [quote] = find_quotes(text, names(text, ("بدر السحيباني", "PER")))
    assert (quote.speaker_text, quote.text) == (
        "بدر السحيباني",
        "صدر قرار برفع مستوى نقطة أمن المطار إلى مركز",
    )


def test_a_stray_closing_straight_quote_hides_no_cue_after_it() -> None:
    text = (
        'وقال " إن بلوغ منطقة مكة المكرمة موقعها يتطلب بناء المجتمع"، ونحن نملك قاعدة إسلامية". '
        "وقدم الشكر للجهود التي بذلها أعضاء اللجنة. وأوضح أن سوق عكاظ سيستمر في نسخته التاسعة."
    )
    assert [q.text for q in find_quotes(text, [])] == [
        "إن بلوغ منطقة مكة المكرمة موقعها يتطلب بناء المجتمع",
        "سوق عكاظ سيستمر في نسخته التاسعة",
    ]


@pytest.mark.parametrize("mark", ['"', "»"])
def test_a_reported_statement_ends_before_a_mark_that_closes_nothing_in_it(mark: str) -> None:
    text = f"وأشار الحربي إلى أن القطاع التطوعي لا يكون مبدعاً إلا إذا كان مستقلاً مالياً{mark}."
    [quote] = find_quotes(text, names(text, ("الحربي", "PER")))
    assert quote.text == "القطاع التطوعي لا يكون مبدعاً إلا إذا كان مستقلاً مالياً"


def test_whereas_opens_another_speakers_clause() -> None:
    text = "وقال كيري إن البلدين اتفقا على توسيع العلاقات الأمنية، في حين أوضح شكري أن مصر تواجه الإرهاب."
    quotes = find_quotes(text, names(text, ("كيري", "PER"), ("شكري", "PER")))
    assert [(q.speaker_text, q.text) for q in quotes] == [
        ("كيري", "البلدين اتفقا على توسيع العلاقات الأمنية"),
        ("شكري", "مصر تواجه الإرهاب"),
    ]


def test_a_verb_inside_the_statement_with_no_speaker_of_its_own_is_what_was_said() -> None:
    text = "ونقل بن سعيد عن المفتي العام عبدالعزيز آل الشيخ قوله إن الشريعة الإسلامية تؤكد على حفظ الصحة."
    found = names(text, ("بن سعيد", "PER"), ("عبدالعزيز آل الشيخ", "PER"))
    [quote] = find_quotes(text, found)
    assert (quote.speaker_text, quote.text) == ("عبدالعزيز آل الشيخ", "الشريعة الإسلامية تؤكد على حفظ الصحة")


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("وقالت الطالبات إنهن سعيدات بالنتائج.", "الطالبات", "سعيدات بالنتائج"),
        ("وقالت شبكة سي.إن.إن الأمريكية إن العاصفة تقترب.", "شبكة سي.إن.إن الأمريكية", "العاصفة تقترب"),
    ],
    ids=["feminine-plural-that", "that-inside-a-dotted-abbreviation"],
)
def test_that_with_its_pronouns_and_not_inside_an_abbreviation(text: str, speaker: str, said: str) -> None:
    [quote] = find_quotes(text, [])
    assert (quote.speaker_text, quote.text) == (speaker, said)


def test_a_bracketed_saying_after_a_colon_ends_at_its_bracket() -> None:
    text = (
        "وقال صلى الله عليه وسلم: (لا تتخذوا القبور مساجد)، وكذلك قال صلى الله عليه وسلم: "
        "(من غشنا فليس منا). "
        "وقال الوزير: (نحن مستمرون) في العمل حتى النهاية."
    )
    assert [q.text for q in find_quotes(text, [])] == [
        "لا تتخذوا القبور مساجد",
        "من غشنا فليس منا",
        "(نحن مستمرون) في العمل حتى النهاية",
    ]


@pytest.mark.parametrize("occasion", ["، وذلك خلال اتصال هاتفي بالرئيس", "، خلال كلمته في الحفل"])
def test_a_reported_statement_ends_before_the_occasion_it_was_said_on(occasion: str) -> None:
    [quote] = find_quotes(f"وأكد الوزير أن المملكة تقف مع مصر{occasion}.", [])
    assert quote.text == "المملكة تقف مع مصر"


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("ونفى الوزير لـ«عكاظ» وجود أي خلاف داخل المجلس.", "الوزير", "وجود أي خلاف داخل المجلس"),
        ("وأكد لـ«عكاظ» مدير المستشفى عدم حدوث إصابات.", "مدير المستشفى", "عدم حدوث إصابات"),
        (
            "وأكد الوزير في تصريح صحافي، حرص الوزارة على متابعة المشاريع.",
            "الوزير",
            "حرص الوزارة على متابعة المشاريع",
        ),
        ("وأكدت الوزارة في بيان، أمس، مواصلة مهامها الإشرافية.", "الوزارة", "مواصلة مهامها الإشرافية"),
    ],
    ids=["paper-told", "paper-told-before-the-subject", "occasion-before-the-object", "occasion-and-time"],
)
def test_the_object_starts_past_the_paper_told_and_the_occasion(text: str, speaker: str, said: str) -> None:
    [quote] = find_quotes(text, [])
    assert (quote.speaker_text, quote.text) == (speaker, said)


def test_a_name_in_the_subjects_relative_clause_is_not_the_speaker() -> None:
    text = "وقال الوزير الذي التقى جون كيري أمس إن المحادثات كانت مثمرة."
    [quote] = find_quotes(text, names(text, ("جون كيري", "PER")))
    assert quote.speaker_text == "الوزير"


@pytest.mark.parametrize(
    ("text", "name", "speaker"),
    [
        ("لكن رئيس الاتحاد أحد أشد منتقدي الفالح أكد أن الخطة فاشلة.", "الفالح", "رئيس الاتحاد"),
        ("وقال نتنياهو إن الاتفاق سيئ. لكن حكومة أوباما أكدت أن الاتفاق جيد.", "أوباما", "حكومة أوباما"),
    ],
    ids=["critics-of", "government-of"],
)
def test_a_group_before_the_verb_speaks_not_the_person_in_its_genitive(
    text: str, name: str, speaker: str
) -> None:
    people = [(person, "PER") for person in (name, "نتنياهو") if person in text]
    quotes = find_quotes(text, names(text, *people))
    assert quotes[-1].speaker_text == speaker


def test_a_stop_inside_marks_the_statement_opened_ends_nothing() -> None:
    [quote] = find_quotes("وأكد المدير أن حملة «معا.. ضد الإرهاب» حققت أهدافها.", [])
    assert quote.text == "حملة «معا.. ضد الإرهاب» حققت أهدافها"


def test_the_bi_of_a_place_is_not_the_preposition_of_a_call() -> None:
    text = "وطالب أهالي حي النسيم بجدة بسرعة إصلاح الطريق."
    [quote] = find_quotes(text, names(text, ("النسيم", "LOC"), ("جدة", "LOC")))
    assert quote.text == "سرعة إصلاح الطريق"


@pytest.mark.parametrize(
    "text",
    [
        "ونشرت الوزارة خريطة توضح مواقع المدارس الجديدة في الرياض.",
        "وأرفق جدول يوضح نسب المكونات المصنعة في استراليا.",
    ],
)
def test_a_thing_shown_in_a_caption_is_no_statement(text: str) -> None:
    assert find_quotes(text, []) == []


@pytest.mark.parametrize(
    ("text", "outlet", "via"),
    [
        (
            "ونقلت صحيفة بانكوك بوست اليوم الخميس عن وزير الداخلية قوله إن التحقيقات مستمرة.",
            "بانكوك بوست",
            "صحيفة بانكوك بوست",
        ),
        (
            "وحسب وكالة الأنباء الألمانية، قال المسؤول إن الوضع مستقر.",
            "وكالة الأنباء الألمانية",
            "وكالة الأنباء الألمانية",
        ),
    ],
    ids=["a-day-before-an", "according-to-the-outlet-first"],
)
def test_the_outlet_that_relays_the_statement_is_its_via(text: str, outlet: str, via: str) -> None:
    [quote] = find_quotes(text, names(text, (outlet, "ORG")))
    assert quote.via == via


def test_a_body_named_in_marks_after_the_verb_is_no_one_told() -> None:
    text = "وأعلنت «لجنة المتابعة والإشراف العليا» التابعة للجبهة في بيان أن القتال مستمر."
    [quote] = find_quotes(text, names(text, ("لجنة المتابعة والإشراف العليا", "ORG")))
    assert quote.speaker_text == "لجنة المتابعة والإشراف العليا"


def test_in_a_call_from_someone_the_caller_speaks() -> None:
    text = (
        "تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اتصالا هاتفيا اليوم من الملك حمد بن عيسى "
        "آل خليفة، أعرب فيه عن استنكاره للتفجير. وتلقى اتصالا من الشيخ راشد بن عبدالله، أكد فيه تضامن "
        "البحرين مع المملكة. كما تلقى اتصالا من الملك عبدالله الثاني عبر فيه عن إدانته للاعتداء."
    )
    people = ("سلمان بن عبدالعزيز", "حمد بن عيسى آل خليفة", "راشد بن عبدالله", "عبدالله الثاني")
    quotes = find_quotes(text, names(text, *[(person, "PER") for person in people]))
    assert [(q.speaker_text, q.text) for q in quotes] == [
        ("حمد بن عيسى آل خليفة", "استنكاره للتفجير"),
        ("راشد بن عبدالله", "تضامن البحرين مع المملكة"),
        ("عبدالله الثاني", "إدانته للاعتداء"),
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("وأكد الوزير أنه «لن يتراجع».", "لن يتراجع"),
        ("وقالت الحكومة إنها «جهزت الطائرة»، ولن تدفع تعويضات.", "جهزت الطائرة"),
    ],
    ids=["after-anna-with-its-pronoun", "before-a-comma"],
)
def test_two_words_in_marks_after_that_are_the_statement(text: str, said: str) -> None:
    [quote] = find_quotes(text, [])
    assert quote.text == said


def test_as_well_after_a_comma_opens_the_speakers_next_statement() -> None:
    text = "وأكد المدير أن ذلك سيكون دافعا له، كما أعرب عن شكره لأمير منطقة الرياض."
    assert [(q.cue, q.text) for q in find_quotes(text, [])] == [
        ("أكد", "ذلك سيكون دافعا له"),
        ("أعرب", "شكره لأمير منطقة الرياض"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("شارك اللاعب في التدريبات، مما يؤكد جاهزيته للمباراة.", []),
        ("ولفت المتحدث الانتباه إلى أن الأمطار ستستمر.", [("المتحدث", "الأمطار ستستمر")]),
    ],
    ids=["a-fact-shows-it", "attention-drawn-after-the-subject"],
)
def test_what_a_fact_shows_and_the_attention_drawn(text: str, found: list[tuple[str, str]]) -> None:
    assert [(q.speaker_text, q.text) for q in find_quotes(text, [])] == found


def test_scripture_cited_after_fi_is_gods_word() -> None:
    [quote] = find_quotes("وهذا ما يدل عليه في قوله تعالى: «إنك لا تهدي من أحببت».", [])
    assert (quote.speaker_text, quote.text) == ("الله", "إنك لا تهدي من أحببت")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("فقد أعلن مرارا وتكرارا عن وفاة الزعيم.", None),
        ("وقال أمس وزيرا الخارجية إن الوضع مستقر.", "وزيرا الخارجية"),
    ],
    ids=["two-adverbs", "a-dual-after-a-time"],
)
def test_a_second_adverb_joined_to_the_first_is_no_subject(text: str, speaker: str | None) -> None:
    [quote] = find_quotes(text, [])
    assert quote.speaker_text == speaker


def test_the_writers_reading_of_a_statement_is_no_part_of_it() -> None:
    text = "وقال المتحدث إن الرياض لن تقبل أي تدخل في شؤونها، في إشارة إلى التصريحات الإيرانية الأخيرة."
    [quote] = find_quotes(text, [])
    assert quote.text == "الرياض لن تقبل أي تدخل في شؤونها"


def test_a_stance_with_its_pronoun_after_the_subject_is_the_object() -> None:
    [quote] = find_quotes("أكد الوزير حرصه على تعزيز التعاون مع الأشقاء.", [])
    assert (quote.speaker_text, quote.text) == ("الوزير", "حرصه على تعزيز التعاون مع الأشقاء")


@pytest.mark.parametrize(
    ("text", "found", "speaker", "said"),
    [
        ("وقالت ليلى إن الوضع صعب.", (("ليلى", "PER"),), "ليلى", "الوضع صعب"),
        ("وقال المسؤول - الذي رفض ذكر اسمه - إن الوضع صعب.", (), "المسؤول", "الوضع صعب"),
        ("وأكد الوزير، أمس، دعم المملكة للشعب اليمني.", (), "الوزير", "دعم المملكة للشعب اليمني"),
        (
            "أعلنت الحكومة المحلية في الأنبار تشكيل أفواج.",
            (("الأنبار", "LOC"),),
            "الحكومة المحلية",
            "تشكيل أفواج",
        ),
    ],
    ids=[
        "a-name-beginning-with-lam",
        "an-aside-between-dashes",
        "a-time-between-commas",
        "the-place-it-sits-in",
    ],
)
def test_the_subject_ends_where_its_name_or_head_ends(
    text: str, found: tuple[tuple[str, str], ...], speaker: str, said: str
) -> None:
    [quote] = find_quotes(text, names(text, *found))
    assert (quote.speaker_text, quote.text) == (speaker, said)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "وقال المصدر إن مواجهات عنيفة اندلعت، بين الطرفين في منطقة سناح.",
            ["مواجهات عنيفة اندلعت، بين الطرفين في منطقة سناح"],
        ),
        (
            "وأوضح أن العلاقة تنتهي بينه وبين شركة التأمين عند البيع.",
            ["العلاقة تنتهي بينه وبين شركة التأمين عند البيع"],
        ),
        ("وقال إن الوضع صعب، وذلك في أول تعليق له على الحادث.", ["الوضع صعب"]),
    ],
    ids=["between-a-pair", "between-him-and", "his-first-comment"],
)
def test_between_is_no_verb_before_a_pair_and_a_first_comment_is_the_occasion(
    text: str, said: list[str]
) -> None:
    assert [q.text for q in find_quotes(text, [])] == said


@pytest.mark.parametrize(
    ("text", "found", "speaker", "said"),
    [
        (
            'وقال وزير الخارجية الإيطالي باولو جينتيلوني "إنها منطقة شهدت سوابق" من قبل.',
            (("باولو جينتيلوني", "PER"),),
            "باولو جينتيلوني",
            "إنها منطقة شهدت سوابق",
        ),
        (
            'وقال جينتيلوني "الأسعار ستنخفض كثيرا" في تصريح للصحفيين.',
            (("جينتيلوني", "PER"),),
            "جينتيلوني",
            "الأسعار ستنخفض كثيرا",
        ),
        (
            'وقال جينتيلوني إن الوضع صعب. وأضاف لشبكات التلفزيون الإيطالية "ما زال من الصعب التكهن".',
            (("جينتيلوني", "PER"),),
            "جينتيلوني",
            "ما زال من الصعب التكهن",
        ),
        (
            "وقال جينتيلوني إن الوضع صعب. وأضاف لشبكة سي إن إن أن الوضع سيتحسن.",
            (("جينتيلوني", "PER"), ("سي إن إن", "ORG")),
            "جينتيلوني",
            "الوضع سيتحسن",
        ),
    ],
    ids=["marks-after-his-name", "marks-then-the-occasion", "the-networks-told", "the-network-named"],
)
def test_words_in_marks_after_a_name_are_said_and_the_outlet_told_is_no_speaker(
    text: str, found: tuple[tuple[str, str], ...], speaker: str, said: str
) -> None:
    quote = find_quotes(text, names(text, *found))[-1]
    assert (quote.speaker_text, quote.text) == (speaker, said)


def test_a_nickname_in_marks_after_a_name_is_not_said() -> None:
    text = 'وقال محمد "أبو علي الشامي" إن الوضع هادئ.'
    [quote] = find_quotes(text, names(text, ("محمد", "PER"), ("أبو علي الشامي", "PER")))
    assert quote.text == "الوضع هادئ"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "ويناشد الأهالي المسؤولين في بلدية الثنية بسرعة التجاوب معهم.",
            "سرعة التجاوب معهم",
        ),
        (
            "وتلقى الملك اتصالا من الرئيس، مؤكداً – أيده الله – عمق العلاقات بين البلدين وحرص المملكة"
            " على تعزيزها.",
            "عمق العلاقات بين البلدين وحرص المملكة على تعزيزها",
        ),
    ],
    ids=["a-municipality-is-no-preposition", "a-blessing-aside-then-the-object"],
)
def test_what_is_asked_or_stressed_starts_at_its_own_noun(text: str, said: str) -> None:
    [quote] = find_quotes(text, [])
    assert quote.text == said


@pytest.mark.parametrize(
    ("text", "found", "speaker", "said"),
    [
        (
            " محمد الغامدي- سبق- الرياض: أكد أن الحملة بدأت في الأحياء.",
            (("محمد الغامدي", "PER"),),
            None,
            "الحملة بدأت في الأحياء",
        ),
        (
            " عبدالعزيز السلمي- سبق- جدة: عقد نادي الاتحاد مؤتمرا أعلن من خلاله التوقيع مع اللاعب.",
            (("عبدالعزيز السلمي", "PER"),),
            None,
            "التوقيع مع اللاعب",
        ),
        (
            'وقال ناجي السامعي إن القوات تقدمت. واختتم المصدر بالقول "هذه العناصر ستكون هدفا سهلا".',
            (("ناجي السامعي", "PER"),),
            "المصدر",
            "هذه العناصر ستكون هدفا سهلا",
        ),
        (
            "واتصل الوزير بالأمير محمد بن نايف وأبدوا خلالها استنكارهم للحادثة.",
            (("محمد بن نايف", "PER"),),
            "محمد بن نايف",
            "استنكارهم للحادثة",
        ),
        (
            "قال عيدان إن “القباع كان يريد الاستشهاد. “",
            (("عيدان", "PER"),),
            "عيدان",
            "القباع كان يريد الاستشهاد",
        ),
    ],
    ids=[
        "the-reporter-speaks-not",
        "announced-through-it",
        "ended-by-saying",
        "during-it",
        "a-mark-closing-as-opening",
    ],
)
def test_the_byline_and_the_words_around_a_cue_are_not_the_speaker(
    text: str, found: tuple[tuple[str, str], ...], speaker: str | None, said: str
) -> None:
    quote = find_quotes(text, names(text, *found))[-1]
    assert (quote.speaker_text, quote.text) == (speaker, said)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("فرضت السلطات إجراءات مشددة على المعابر الحدودية.", []),
        ("وإذا كان ذلك أمراً متوقعاً بسبب النفط، فإن ذلك يطرح تساؤلاً.", []),
        ("وألقت الوزيرة كلمة مشددة على أهمية التعاون.", ["أهمية التعاون"]),
        ("وأصدرت الوزارة نشرة موضحة فيها أن الإصابات ارتفعت.", ["الإصابات ارتفعت"]),
    ],
    ids=["strict-measures", "an-expected-thing", "a-speech-stressing", "a-bulletin-explaining"],
)
def test_a_participle_describing_a_thing_says_nothing_unless_the_thing_is_said(
    text: str, said: list[str]
) -> None:
    assert [q.text for q in find_quotes(text, [])] == said


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        (
            "«الوضع صعب جدا في المدينة»، قال الوزير محمد العلي للصحفيين.",
            (("محمد العلي", "PER"),),
            [("الوضع صعب جدا في المدينة", "محمد العلي", True)],
        ),
        (
            "وقال الوزير محمد العلي إن الوضع جيد. «لن نتراجع عن قرارنا أبدا»، أضاف الوزير.",
            (("محمد العلي", "PER"),),
            [("الوضع جيد", "محمد العلي", False), ("لن نتراجع عن قرارنا أبدا", "محمد العلي", True)],
        ),
        (
            "وقالت الصحيفة إن «الوضع سيئ جدا»، وأضاف المسؤول أن الحكومة تعمل.",
            (),
            [("الوضع سيئ جدا", "الصحيفة", True), ("الحكومة تعمل", "المسؤول", False)],
        ),
    ],
    ids=["said-after-the-marks", "added-after-the-marks", "marks-of-the-clause-before"],
)
def test_words_in_marks_are_said_by_the_verb_after_them(
    text: str, found: tuple[tuple[str, str], ...], expected: list[tuple[str, str, bool]]
) -> None:
    quotes = find_quotes(text, names(text, *found))
    assert [(q.text, q.speaker_text, q.direct) for q in quotes] == expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("وقال الأمير خالد إن الوضع جيد. وأضاف سموه يقول «إن الرئاسة وضعت هدفاً أساسياً».", "الأمير خالد"),
        ("واستقبل الأمير خالد الوفد، مؤكداً سموه على دور النادي في توعية المجتمع.", "الأمير خالد"),
    ],
    ids=["his-highness-went-on-saying", "his-highness-after-the-participle"],
)
def test_his_highness_speaks_as_the_one_named_before(text: str, said: str) -> None:
    quote = find_quotes(text, names(text, ("الأمير خالد", "PER")))[-1]
    assert quote.speaker_text == said and not quote.text.startswith("سموه")


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        (
            "وبحسب الوكالة فإن فرق الإنقاذ تواجه صعوبة بالغة في القيام بعملها.",
            (),
            [("فرق الإنقاذ تواجه صعوبة بالغة في القيام بعملها", "الوكالة")],
        ),
        (
            "وبحسب المتحدث باسم الشرطة فواز الميمان فإن الجاني قبض عليه في الحي.",
            (("فواز الميمان", "PER"),),
            [("الجاني قبض عليه في الحي", "فواز الميمان")],
        ),
        (
            "وارتفعت الأسعار بنسبة خمسة في المائة خلال العام، وفقا لوزارة التجارة.",
            (("وزارة التجارة", "ORG"),),
            [("وارتفعت الأسعار بنسبة خمسة في المائة خلال العام", "وزارة التجارة")],
        ),
        (
            "ووفقا لمصادر تحدثت لـ«الشرق الأوسط» أمس، فإن الركاب الأربعة توفوا.",
            (("الشرق الأوسط", "ORG"),),
            [("الركاب الأربعة توفوا", "مصادر تحدثت")],
        ),
        ("ووفقا للنظام فإن المخالف يعاقب بغرامة كبيرة جدا، وتوزع الجوائز حسب الأولوية.", (), []),
        (
            "ويمكنها بناء منزل كبير في غضون يوم واحد، وذلك بحسب موقع «دمون نيوز».",
            (("دمون نيوز", "ORG"),),
            [("ويمكنها بناء منزل كبير في غضون يوم واحد", "دمون نيوز")],
        ),
        ("ووفقاً للبيان، فإن الحادث وقع فجرا.", (), [("الحادث وقع فجرا", "البيان")]),
        (
            "وبحسب شهود عيان لـ«الشرق الأوسط»، فإن الخلافات تصاعدت.",
            (("الشرق الأوسط", "ORG"),),
            [("الخلافات تصاعدت", "شهود عيان")],
        ),
        (
            "ووفقا لوزير الصحة توفيق الربيعة فإن الإصابات تراجعت.",
            (("توفيق الربيعة", "PER"),),
            [("الإصابات تراجعت", "توفيق الربيعة")],
        ),
    ],
    ids=[
        "the-agency",
        "the-spokesman-named",
        "the-ministry-after",
        "unnamed-sources",
        "the-regulation",
        "and-that",
        "the-statement",
        "witnesses-told-an-outlet",
        "a-minister-named",
    ],
)
def test_what_a_clause_says_according_to_someone_is_their_statement(
    text: str, found: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    assert [(q.text, q.speaker_text) for q in find_quotes(text, names(text, *found))] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("وقال الفالح إن الإنتاج سيرتفع. وأكد بشكل واضح أن الأسعار ستتحسن.", "الفالح", "الأسعار ستتحسن"),
        (
            "وقال الفالح إن الإنتاج سيرتفع. وأشار بشكل غير مباشر إلى أن الأسعار ستتحسن.",
            "الفالح",
            "الأسعار ستتحسن",
        ),
        ("وقال الفالح إن الإنتاج سيرتفع. وأضاف بصراحة أن الأسعار ستتحسن.", "الفالح", "الأسعار ستتحسن"),
        (
            "وقال الفالح إن الإنتاج سيرتفع. ورغم أن الفالح قال إن الأسعار مستقرة، إلا أن المستهلكين يشتكون.",
            None,
            "الأسعار مستقرة",
        ),
    ],
    ids=["clearly", "indirectly", "frankly", "conceded-then-but"],
)
def test_the_manner_of_saying_is_no_speaker_and_a_conceded_statement_ends_before_but(
    text: str, speaker: str | None, said: str
) -> None:
    quote = find_quotes(text, names(text, ("الفالح", "PER")))[-1]
    assert quote.text == said
    if speaker is not None:
        assert quote.speaker_text == speaker


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("وأكد الوزير خلال كلمته على المنصة أن المشروع مهم.", "المشروع مهم"),
        ("وأكد الوزير على حسابه في تويتر أن المشروع مهم.", "المشروع مهم"),
        ("وشدد الوزير على الموقع الاستراتيجي للمملكة.", "الموقع الاستراتيجي للمملكة"),
    ],
    ids=["on-the-stage", "on-his-account", "the-location-stressed"],
)
def test_where_something_was_said_is_not_what_was_stressed(text: str, said: str) -> None:
    [quote] = find_quotes(text, [])
    assert quote.text == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("وأعلنت الوزارة إطلاق برنامج للدفاع عن البيئة.", "إطلاق برنامج للدفاع عن البيئة"),
        ("وكانت الوزارة قد أعلنت استشهاد الجندي في الدفاع عن الوطن.", "استشهاد الجندي في الدفاع عن الوطن"),
        ("وأكدت الوزارة أمس حرصها على الدفاع عن حقوق المواطنين.", "حرصها على الدفاع عن حقوق المواطنين"),
        ("وكانت قد أعلنت هيئة الطيران المدني عن تأجيل بعض الرحلات.", "تأجيل بعض الرحلات"),
    ],
    ids=["a-verbal-noun-first", "the-subject-before-the-verb", "a-time-then-the-object", "the-subject-after"],
)
def test_the_object_runs_past_a_later_preposition_of_its_own(text: str, said: str) -> None:
    [quote] = find_quotes(text, [])
    assert quote.text == said


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        (
            "وتعاني المنطقة من الجفاف وبحسب ما أفادت الوزارة فإن الأمطار ستهطل قريبا.",
            (),
            [("الأمطار ستهطل قريبا", "الوزارة")],
        ),
        (
            "ولم يلحق اللاعب بالرحلة إلى سان فرانسيسكو، بحسب ما أكد المدرب لويس فان غال.",
            (("لويس فان غال", "PER"),),
            [("ولم يلحق اللاعب بالرحلة إلى سان فرانسيسكو", "لويس فان غال")],
        ),
    ],
    ids=["then-what-is-said", "van-is-a-name"],
)
def test_an_attribution_followed_by_fa_inna_says_what_follows(
    text: str, found: tuple[tuple[str, str], ...], expected: list[tuple[str, str]]
) -> None:
    assert [(q.text, q.speaker_text) for q in find_quotes(text, names(text, *found))] == expected


def test_a_title_before_its_verb_is_the_subject_and_the_holder_named_before() -> None:
    text = "وقال المحافظ إن المشروع بدأ. الوزير قال إن الوضع مستقر تماما."
    assert [q.speaker_text for q in find_quotes(text, [])] == ["المحافظ", "الوزير"]
    text = (
        "وقال وزير الطاقة خالد الفالح إن الإنتاج سيرتفع. وأكد المحافظ أن الأسعار جيدة. "
        "الوزير أكد أن الأسعار ستتحسن."
    )
    quotes = find_quotes(text, names(text, ("خالد الفالح", "PER")))
    assert quotes[-1].speaker_text == "خالد الفالح"


def test_what_was_said_before_as_someone_added_is_theirs_without_a_comma() -> None:
    text = "وقال الوزير إن المطار فتح. وتصل الطائرات في اليومين المقبلين كما أضاف الوزير."
    assert [q.text for q in find_quotes(text, [])] == ["المطار فتح", "وتصل الطائرات في اليومين المقبلين"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وحث المدير الطلاب على الالتزام بالتعليمات.", "المدير"),
        ("وطالب المتظاهرون الحكومة بالإفراج عن المعتقلين.", "المتظاهرون"),
        ("ودعا المدير العام الطلاب إلى الالتزام بالتعليمات.", "المدير العام"),
        ("وطالبت الحكومة اليمنية مجلس الأمن بتحرك حازم.", "الحكومة اليمنية"),
    ],
    ids=["urged-the-students", "demanded-of-the-government", "the-general-manager", "a-nisba-adjective"],
)
def test_whom_a_calling_verb_calls_on_is_not_part_of_its_subject(text: str, speaker: str) -> None:
    [quote] = find_quotes(text, [])
    assert quote.speaker_text == speaker


def test_an_adverb_of_how_it_was_said_is_no_speaker() -> None:
    text = "وقال الوزير هاتفيا من الرياض إن الاجتماع تأجل. وقالت مصادر خصوصا إن الموعد تغير."
    assert [q.speaker_text for q in find_quotes(text, [])] == ["الوزير", "مصادر"]


@pytest.mark.parametrize(
    "text",
    [
        "ومضى المركز الإعلامي للمقاومة بالقول: إن أعدادا من المقاتلين الحوثيين تسللت خارج المدينة.",
        "ويختتم الوزير عادل فقيه حديثه بالقول، إن أعدادا من المقاتلين الحوثيين تسللت خارج المدينة.",
        "وعلق الوزير عادل فقيه على ذلك بالقول إن أعدادا من المقاتلين الحوثيين تسللت خارج المدينة.",
    ],
    ids=["went-on", "present-ends", "commented"],
)
def test_by_saying_after_any_verb_says_what_follows(text: str) -> None:
    speaker = "عادل فقيه" if "عادل فقيه" in text else "المركز الإعلامي للمقاومة"
    found = names(text, (speaker, "PER" if speaker == "عادل فقيه" else "ORG"), ("الحوثيين", "ORG"))
    [quote] = find_quotes(text, found)
    assert quote.cue == "بالقول"
    assert quote.speaker_text == speaker
    assert quote.text.endswith("تسللت خارج المدينة")


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("وأضاف", "نكرر شكرنا للأشقاء في دول التحالف على ما قدموه من دعم لنا"),
        ("وقال", "نحن نعمل الآن على استعادة المدينة وإعادة إعمار البنية التحتية"),
        ("وأضاف", "لدينا كميات كبيرة من الدم متوافرة بكل الفصائل"),
        ("وتابع", "تم الجلوس مع قائد المنطقة العسكرية بهدف تنسيق الجهود"),
    ],
    ids=["we-verb", "we", "we-have", "was-done"],
)
def test_a_saying_verb_followed_at_once_by_the_speakers_own_words(said: str, words: str) -> None:
    text = f"وأوضح المحافظ محمد صالح طماح أن القوات تقدمت. {said} {words}."
    quotes = find_quotes(text, names(text, ("محمد صالح طماح", "PER")))
    assert [(q.speaker_text, q.text) for q in quotes][-1] == ("محمد صالح طماح", words)


def test_a_saying_verb_before_its_subject_is_no_unmarked_quote() -> None:
    text = "وأضاف نائب المحافظ محمد صالح طماح أن القوات تقدمت."
    [quote] = find_quotes(text, names(text, ("محمد صالح طماح", "PER")))
    assert (quote.speaker_text, quote.text) == ("محمد صالح طماح", "القوات تقدمت")


def test_what_this_confirmed_is_the_sentence_before_not_a_later_that() -> None:
    text = (
        "وحقق الفيلم إيرادات كبيرة في أسبوعه الأول. وهو ما أكدته الأخبار عن جزء لاحق، "
        "وهو كليشيه متداول في هوليوود ويبدو أن لا بوادر على تلاشيه."
    )
    assert find_quotes(text, names(text, ("هوليوود", "LOC"))) == []


@pytest.mark.parametrize(
    "text",
    [
        "وحمل المتظاهرون نعشا مغطى باللون الأسود كتب عليه «ضمير السياسي، وضمير البرلمان، والخدمات».",
        'ورفع المحتجون لافتات كتب عليها "لا للفساد ولا للمحاصصة في العراق".',
    ],
    ids=["coffin", "banners"],
)
def test_written_on_it_is_no_one_writing(text: str) -> None:
    assert find_quotes(text, []) == []


def test_and_wrote_on_it_is_someone_writing() -> None:
    text = "وأرسل نيستون لورد التقرير إلى كيسنجر، الذي عاد وكتب عليه: هل هذا أحسن ما يمكن أن تكتبه؟"
    [quote] = find_quotes(text, names(text, ("نيستون لورد", "PER"), ("كيسنجر", "PER")))
    assert quote.text == "هل هذا أحسن ما يمكن أن تكتبه؟"


def test_by_saying_after_a_saying_verb_leaves_the_verb_the_cue() -> None:
    text = "وأضافت الوزارة بالقول: «إن الحملة مستمرة حتى تحقق أهدافها كاملة»."
    [quote] = find_quotes(text, names(text, ("الوزارة", "ORG")))
    assert (quote.cue, quote.speaker_text) == ("أضافت", "الوزارة")


def test_in_word_and_deed_is_no_saying() -> None:
    text = "وحمد المدير الله على نعمه التي تقتضي منا الشكر لله سبحانه بالقول والعمل من خلال العمل المخلص."
    assert find_quotes(text, []) == []


def test_a_title_before_a_chain_of_titles_is_the_named_holders() -> None:
    text = (
        "افتتح وكيل إمارة منطقة الباحة نائب رئيس مجلس التنمية السياحية بالمنطقة الدكتور حامد بن مالح "
        "الشمري مهرجان العسل. وأكد وكيل إمارة منطقة الباحة عقب افتتاحه المهرجان أن المنطقة تفخر به."
    )
    found = names(text, ("مجلس التنمية السياحية", "ORG"), ("حامد بن مالح الشمري", "PER"))
    [quote] = find_quotes(text, found)
    assert quote.speaker_text == "حامد بن مالح الشمري"


def test_an_outlet_named_in_marks_after_its_kind_speaks_and_is_the_agency_later() -> None:
    text = (
        "ذكرت وكالة أنباء «الأناضول» الحكومية التركية أن الطائرات قصفت مواقع للحزب. "
        "وقالت الوكالة إن أربعة من قادة الحزب قتلوا."
    )
    quotes = find_quotes(text, names(text, ("الأناضول", "ORG")))
    assert [q.speaker_text for q in quotes] == ["الأناضول", "الأناضول"]


def test_a_plural_participle_after_coordinated_subjects_speaks_for_the_first_named() -> None:
    text = (
        "كما أدانت رابطة العالم الإسلامي وعلماء الأزهر التفجير الإجرامي، "
        "مؤكدين تضامنهم مع حكومة المملكة والشعب السعودي."
    )
    [quote] = find_quotes(text, names(text, ("رابطة العالم الإسلامي", "ORG"), ("المملكة", "LOC")))
    assert (quote.speaker_text, quote.cue) == ("رابطة العالم الإسلامي", "مؤكدين")


@pytest.mark.parametrize(
    "text",
    [
        "وقال متحدث باسم الرئيس الأفغاني أشرف غني إن حصيلة الاعتداء ارتفعت إلى 15 قتيلا.",
        "وبحسب متحدث باسم الرئيس الأفغاني أشرف غني، ارتفعت حصيلة الاعتداء إلى 15 قتيلا.",
    ],
    ids=["said", "according-to"],
)
def test_an_unnamed_spokesman_speaks_not_his_principal(text: str) -> None:
    [quote] = find_quotes(text, names(text, ("أشرف غني", "PER")))
    assert (quote.speaker, quote.speaker_text) == (None, "متحدث باسم الرئيس الأفغاني أشرف غني")


def test_a_spokesman_with_al_is_the_person_named_after_him() -> None:
    text = "وقال المتحدث باسم الخارجية الإيرانية مرضية أفخم إن المفاوضات مستمرة."
    [quote] = find_quotes(text, names(text, ("مرضية أفخم", "PER")))
    assert quote.speaker_text == "مرضية أفخم"


def test_own_words_right_after_the_outlet_told_are_quoted_whole() -> None:
    text = (
        "وقال وزير الإعلام عادل الطريفي في تصريح خاص لـ«المدينة» نرحب بأي قرار من قيادة التحالف "
        "وعليهم أن يأخذوا بالاعتبار تضحيات الشعب."
    )
    [quote] = find_quotes(text, names(text, ("عادل الطريفي", "PER"), ("المدينة", "ORG")))
    assert (quote.speaker_text, quote.text[:13]) == ("عادل الطريفي", "نرحب بأي قرار")


@pytest.mark.parametrize(
    ("opening", "said"),
    [
        ("التقى وزير الخارجية عادل الجبير نظيره الألماني.", "ورأى معالي وزير الخارجية"),
        ("افتتح مدير التعليم بمنطقة الرياض محمد المرشد المعرض.", "وأضاف سعادة مدير التعليم"),
    ],
    ids=["maali", "saada"],
)
def test_an_honorific_before_a_title_leaves_the_title_to_name_the_person(opening: str, said: str) -> None:
    text = f"{opening} {said} أن المشروع يسير وفق الخطة."
    person = "عادل الجبير" if "الجبير" in text else "محمد المرشد"
    [quote] = find_quotes(text, names(text, (person, "PER")))
    assert quote.speaker_text == person


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("أوضحت إدارة مستشفى الدوادمي العام في بيان لها أنه تم تشكيل لجنة عاجلة.", "مستشفى الدوادمي العام"),
        ("ونفت إدارة نادي النصر وصول أي خطاب من الاتحاد.", "النصر"),
    ],
    ids=["hospital", "club"],
)
def test_a_bodys_management_speaks_as_the_body(text: str, body: str) -> None:
    quotes = find_quotes(text, names(text, (body, "ORG")))
    assert [q.speaker_text for q in quotes] == [body]


@pytest.mark.parametrize(
    ("text", "found", "speaker"),
    [
        (
            "وبدأت مصر حفر القناة الجديدة في آب العام الماضي. وتقول إن المشروع يهدف إلى تسيير السفن.",
            (("مصر", "LOC"),),
            "مصر",
        ),
        (
            "وقالت الوزيرة هند صبري إن الخطة جاهزة. وأطلقت وزارة الصحة حملة التطعيم أمس. "
            "وقالت إن الحملة تستهدف مليون طفل.",
            (("هند صبري", "PER"), ("وزارة الصحة", "ORG")),
            "وزارة الصحة",
        ),
        (
            "وقال الوزير محمد العلي إن الخطة جاهزة. ودخل الحزب الحاكم الانتخابات لكن زعيم المعارضة "
            "كمال أوغلو رفض المشاركة. وقال إن الانتخابات المبكرة أرجح.",
            (("محمد العلي", "PER"), ("الحزب الحاكم", "ORG"), ("كمال أوغلو", "PER")),
            None,
        ),
    ],
    ids=["country", "ministry-after-another-speaker", "another-acts-last"],
)
def test_a_bare_saying_verb_takes_the_named_actor_of_the_sentence_before(
    text: str, found: tuple[tuple[str, str], ...], speaker: str | None
) -> None:
    last = find_quotes(text, names(text, *found))[-1]
    assert last.text.endswith(("تسيير السفن", "مليون طفل", "أرجح"))
    if speaker is not None:
        assert last.speaker_text == speaker
    else:
        assert last.speaker_text != "الحزب الحاكم"


def test_a_named_source_after_according_to_ends_the_statement_without_a_comma() -> None:
    text = "وتمثل حركة الملاحة في القناة 7.5 في المائة من حركة الملاحة العالمية بحسب مجلس الملاحة العالمي."
    [quote] = find_quotes(text, names(text, ("مجلس الملاحة العالمي", "ORG")))
    assert (quote.speaker_text, quote.text) == (
        "مجلس الملاحة العالمي",
        "وتمثل حركة الملاحة في القناة 7.5 في المائة من حركة الملاحة العالمية",
    )


def test_according_to_a_thing_without_a_comma_is_no_statement() -> None:
    text = "ووزعت الجمعية السلال الغذائية على الأسر بحسب حاجة كل أسرة في الحي."
    assert find_quotes(text, names(text, ("الجمعية", "ORG"))) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "من جانبه عبر وزير الخارجية فرانك شتاينماير عن حرص حكومته على توثيق علاقاتها مع المملكة.",
            "فرانك شتاينماير",
        ),
        ("وقد بين تقرير حكومي أن المرافق الصحية تساهم في تحسين أوضاع المرأة.", "تقرير حكومي"),
        ("من جهته بين مدير المستشفى خالد العتيبي أن المريض بحالة جيدة.", "خالد العتيبي"),
    ],
    ids=["on-his-part-expressed", "has-shown", "for-his-part-showed"],
)
def test_bare_bayyana_and_abbara_after_qad_or_on_ones_part_are_verbs(text: str, speaker: str) -> None:
    found = names(text, (speaker, "PER")) if "تقرير" not in speaker else []
    [quote] = find_quotes(text, found)
    assert quote.speaker_text == speaker


def test_a_subhead_of_a_name_a_colon_and_words_is_what_the_person_said() -> None:
    text = (
        "أكد وزير الخارجية عادل الجبير دعم المملكة لليمن في لقائه نظيره اليمني رياض ياسين.\n"
        "الجبير: المملكة مستمرة في دعم الشعب اليمني حتى ينهض\n"
        "ياسين لـ«الرياض»: نشكر المملكة على دعمها المستمر لليمن\n"
        "الرياض: عبدالله الزهراني"
    )
    found = names(text, ("عادل الجبير", "PER"), ("رياض ياسين", "PER"))
    for surname in ("الجبير", "ياسين"):
        start = text.index(f"\n{surname}") + 1
        found.append(Mention(start, start + len(surname), surname, "PER"))
    found.sort(key=lambda m: m.start)
    heads = [(q.speaker_text, q.text) for q in find_quotes(text, found) if q.cue is None]
    assert heads == [
        ("عادل الجبير", "المملكة مستمرة في دعم الشعب اليمني حتى ينهض"),
        ("رياض ياسين", "نشكر المملكة على دعمها المستمر لليمن"),
    ]


def test_learned_that_with_no_one_named_is_the_writers_own() -> None:
    text = "علمت أن الحكومة اليابانية تعتزم إطلاق مسابقة وطنية. وعلمت «عكاظ» أن الوزارة تعتزم إطلاق مسابقة."
    quotes = find_quotes(text, names(text, ("عكاظ", "ORG")))
    assert [q.speaker_text for q in quotes] == ["عكاظ"]


def test_a_feminine_body_after_a_feminine_verb_warns_its_object_not_an_earlier_speaker() -> None:
    text = (
        "وقالت وزيرة الخارجية جولي بيشوب إن بلادها ستقدم المساعدة. "
        "وحذرت الحكومة أمس الثلاثاء المناطق الجنوبية المنخفضة من مزيد من الفيضانات."
    )
    quotes = find_quotes(text, names(text, ("جولي بيشوب", "PER")))
    assert [q.speaker_text for q in quotes] == ["جولي بيشوب", "الحكومة"]


def test_unmarked_words_after_a_colon_end_before_a_sentence_opening_with_another_person() -> None:
    text = (
        "قال الوزير محمد العلي: المشروع سينتهي قريبا بدعم وزير التعليم د. عزام الدخيل. "
        "الكاتب كريستوفر هيتشنز وصف المشروع بأنه طموح."
    )
    found = names(text, ("محمد العلي", "PER"), ("عزام الدخيل", "PER"), ("كريستوفر هيتشنز", "PER"))
    first = find_quotes(text, found)[0]
    assert first.text == "المشروع سينتهي قريبا بدعم وزير التعليم د. عزام الدخيل"
