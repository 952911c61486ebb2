"""Clitic decisions agree with the rest of the article."""

from collections import Counter
from collections.abc import Callable

import pytest

from marsad.ner.known import KnownNames
from marsad.ner.tokens import lookup_form, strip_clitics
from marsad.stages.entities import find_mentions


def _tag(sentences: list[list[str]]) -> list[list[str]]:
    names = {"ماتياس": "B-PER", "فالغرين": "I-PER"}
    out = []
    for tokens in sentences:
        tags = []
        for i, token in enumerate(tokens):
            tag = names.get(token, "O")
            if token == "فالغرين" and (i == 0 or tokens[i - 1] != "ماتياس"):
                tag = "B-PER"
            tags.append(tag)
        out.append(tags)
    return out


def _tagging(spans: dict[str, str]) -> Callable[[list[list[str]]], list[list[str]]]:
    """A stand-in tagger: each listed token gets its tag, every other one O."""
    return lambda groups: [[spans.get(token, "O") for token in group] for group in groups]


def test_a_word_inside_a_full_name_keeps_its_leading_letters_when_it_stands_alone() -> None:
    text = "وصل المبعوث ماتياس فالغرين إلى جنيف. وقال فالغرين إن المحادثات ستستأنف."
    frequency = {"الغرين": 50.0}.get
    mentions = find_mentions(text, _tag, lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == ["ماتياس فالغرين", "فالغرين"]


def test_without_the_full_name_the_frequency_rule_decides() -> None:
    text = "وقال فالغرين إن المحادثات ستستأنف."
    frequency = {"الغرين": 5000.0}.get
    mentions = find_mentions(text, _tag, lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == ["الغرين"]


def test_known_names_the_tagger_missed_are_added_clitics_off() -> None:
    names = [("داعش", "ORG"), ("الحوثيين", "ORG"), ("التحالف العربي", "ORG"), ("ماتياس فالغرين", "LOC")]
    known = KnownNames([*((name, kind, 0) for name, kind in names), ("غزة", "LOC", 0), ("بخارى", "LOC", 0)])
    text = (
        "وقال ماتياس فالغرين إن غارات التحالف العربي استهدفت مواقع للحوثيين وبالحوثيين، "
        "وإن تنظيم داعش وداعش خسرا مواقع. وتابع الحوثيين أخبارا من غزة وحي الغزة بمكة، رواه البخاري."
    )
    found = [(m.text, m.type) for m in find_mentions(text, _tag, lambda form: 0.0, known)]
    # The tagger's person stands (a known place never overrides it); للحوثيين starts after its
    # merged ل and ال, and الغزة (a quarter of Makkah) is not غزة, nor البخاري (the imam) بخارى.
    assert found == [
        ("ماتياس فالغرين", "PER"),
        ("التحالف العربي", "ORG"),
        ("حوثيين", "ORG"),
        ("الحوثيين", "ORG"),
        ("داعش", "ORG"),
        ("داعش", "ORG"),
        ("الحوثيين", "ORG"),
        ("غزة", "LOC"),
    ]


def test_one_word_names_that_are_also_plain_words_are_left_to_the_tagger() -> None:
    from marsad.kb.build import curated, known_names

    plain = Counter({"فرنسيه": 66, "فتح": 20, "اخوان": 1})
    names = {
        name: (kind, outside) for name, kind, outside in known_names(curated(), plain, frozenset({"دول"}))
    }
    assert names["داعش"] == ("ORG", 0) and names["التحالف العربي"] == ("ORG", 0)
    assert "فتح" not in names and "الإخوان" not in names
    assert names["الإخوان المسلمين"] == ("ORG", 0)  # longer names are names wherever they stand
    # A word ANERcorp leaves outside names, before another of the names: matched, not tagged.
    assert names["دول مجلس التعاون"] == ("ORG", 1) and names["مجلس التعاون"] == ("ORG", 0)


def test_a_word_outside_a_known_name_lets_a_longer_name_follow_it() -> None:
    names = [("دول مجلس التعاون", "ORG", 1), ("مجلس التعاون", "ORG", 0), ("مجلس التعاون الخليجي", "ORG", 0)]
    text = "وزار مواطنو دول مجلس التعاون الخليجي جدة. وترحب دول مجلس التعاون بالقرار."
    found = [m.text for m in find_mentions(text, _tagging({}), lambda form: 0.0, KnownNames(names))]
    assert found == ["مجلس التعاون الخليجي", "مجلس التعاون"]


def test_a_known_name_takes_the_place_of_the_part_the_tagger_cut_from_it() -> None:
    text = "وقال حلف شمال الأطلسي إن الشرق الأوسط يحتاج إلى الأمن."
    cut = {"الأطلسي": "B-LOC", "الشرق": "B-ORG", "الأوسط": "I-ORG"}  # الشرق الأوسط: the newspaper?

    tag = _tagging(cut)

    known = KnownNames([("حلف شمال الأطلسي", "ORG", 0), ("الشرق الأوسط", "LOC", 0)])
    found = [(m.text, m.type) for m in find_mentions(text, tag, lambda form: 0.0, known)]
    # The same span stays the tagger's, type and all.
    assert found == [("حلف شمال الأطلسي", "ORG"), ("الشرق الأوسط", "ORG")]


def test_two_listed_names_joined_by_and_are_two_mentions() -> None:
    text = "وزار الوفد سويسرا ولندن وترينيداد وتوباغو، والتقى فرانسيس ويلسون."
    spans = {"سويسرا": "B-LOC", "ولندن": "I-LOC", "وترينيداد": "B-LOC", "وتوباغو": "I-LOC"}
    spans |= {"فرانسيس": "B-PER", "ويلسون": "I-PER"}

    tag = _tagging(spans)

    listed = {("سويسرا",), ("لندن",), ("ترينيداد",), ("توباغو",), ("ترينيداد", "وتوباغو")}
    listed |= {("فرانسيس",), ("يلسون",)}
    common = {"لندن": 1800.0, "ولندن": 40.0, "توباغو": 5.0, "يلسون": 1.0, "ويلسون": 50.0}
    found = find_mentions(text, tag, lambda form: common.get(form, 0.0), names=listed.__contains__)
    # ترينيداد وتوباغو is one country; ويلسون is Wilson, not و + a fragment the lists hold.
    assert [m.text for m in found] == ["سويسرا", "لندن", "ترينيداد وتوباغو", "فرانسيس ويلسون"]


def test_two_people_joined_by_and_are_two_people_but_a_surname_with_waw_is_one() -> None:
    text = "وشارك رضوان والعطيف في المباراة، والتقى سعد وخالد الوفد، وغنت هيفاء وهبي."
    spans = {"رضوان": "B-PER", "والعطيف": "I-PER", "سعد": "B-PER", "وخالد": "I-PER"}
    spans |= {"هيفاء": "B-PER", "وهبي": "I-PER"}
    found = find_mentions(text, _tagging(spans), lambda form: 0.0, names=lambda forms: False)
    assert [m.text for m in found] == ["رضوان", "العطيف", "سعد", "خالد", "هيفاء وهبي"]


def test_the_next_title_after_a_name_is_not_part_of_it() -> None:
    text = "واستقبل الأمير محمد بن نايف بن عبد العزيز ولي العهد الوفد، والتقى هنري ولي."
    spans = {w: "I-PER" for w in ("بن", "نايف", "عبد", "العزيز", "ولي")} | {"محمد": "B-PER", "هنري": "B-PER"}
    found = find_mentions(text, _tagging(spans), lambda form: 0.0)
    assert found[0].text == "محمد بن نايف بن عبد العزيز"
    assert found[-1].text == "هنري ولي"


def test_a_place_named_after_a_king_is_one_name_not_a_person() -> None:
    text = (
        "نقل إلى مستشفى الملك خالد التخصصي للعيون، ثم إلى مطار الأمير سلطان بن عبدالعزيز الدولي، "
        + "قرب قصر الملك."
    )
    spans = {"خالد": "B-PER", "التخصصي": "I-PER", "سلطان": "B-PER", "بن": "I-PER", "عبدالعزيز": "I-PER"}

    tag = _tagging(spans)

    found = [(m.text, m.type) for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == [
        ("مستشفى الملك خالد التخصصي للعيون", "ORG"),
        ("مطار الأمير سلطان بن عبدالعزيز الدولي", "LOC"),
    ]
    cities = (
        "وأعلنت مدينة الملك عبدالعزيز للعلوم والتقنية ومدينة الملك عبدالله الطبية النتائج في مدينة الملك "
        "عبدالله الاقتصادية."
    )
    tag = _tagging({"عبدالله": "B-PER"})
    found = [(m.text, m.type) for m in find_mentions(cities, tag, lambda form: 0.0)]
    assert found == [
        ("مدينة الملك عبدالعزيز للعلوم والتقنية", "ORG"),
        ("مدينة الملك عبدالله الطبية", "ORG"),
        ("مدينة الملك عبدالله الاقتصادية", "LOC"),
    ]
    parks = "وتجولوا في حديقة الملك عبدالله ونفق الأمير منصور ومنتزه الأمير مشاري."
    tag = _tagging({"عبدالله": "B-PER", "منصور": "B-PER", "مشاري": "B-PER"})
    found = [(m.text, m.type) for m in find_mentions(parks, tag, lambda form: 0.0)]
    assert found == [
        ("حديقة الملك عبدالله", "LOC"),
        ("نفق الأمير منصور", "LOC"),
        ("منتزه الأمير مشاري", "LOC"),
    ]


def test_a_body_or_place_named_after_a_place_is_one_name() -> None:
    text = (
        "وهبطت الطائرة في مطار القاهرة الدولي، وقالت أمانة منطقة الرياض إن الزوار نقلوا إلى "
        + "مستشفى نمرة. وتقع شبه جزيرة سيناء شرق جزيرة كريت اليونانية، قرب مدينة جدة. وأعلنت صحة "
        + "الطائف الخطة."
    )
    places = {"القاهرة": "B-LOC", "الرياض": "B-LOC", "نمرة": "B-LOC", "سيناء": "B-LOC", "كريت": "B-LOC"}
    places["الطائف"] = "B-LOC"

    found = find_mentions(text, _tagging({**places, "جدة": "B-LOC"}), lambda form: 0.0)

    # a peninsula's or a country's words and "مدينة" stay outside
    assert [(m.text, m.type) for m in found] == [
        ("مطار القاهرة الدولي", "LOC"),
        ("أمانة منطقة الرياض", "ORG"),
        ("مستشفى نمرة", "ORG"),
        ("سيناء", "LOC"),
        ("جزيرة كريت", "LOC"),
        ("جدة", "LOC"),
        ("صحة الطائف", "ORG"),
    ]


def test_a_body_s_kind_before_its_one_word_name_stays_outside() -> None:
    text = "وأعلن تنظيم داعش مسؤوليته، وقالت منظمة أوبك إن تنظيم الدولة ومنظمة الهجرة اجتمعا."
    spans = {"تنظيم": "B-ORG", "داعش": "I-ORG", "منظمة": "B-ORG", "أوبك": "I-ORG", "الدولة": "I-ORG"}
    spans |= {"ومنظمة": "B-ORG", "الهجرة": "I-ORG"}

    found = find_mentions(text, _tagging(spans), lambda form: 0.0, names=lambda forms: forms == ("داعش",))

    # الدولة and الهجرة name nothing alone
    assert [m.text for m in found] == ["داعش", "أوبك", "تنظيم الدولة", "منظمة الهجرة"]


def test_a_place_tagged_once_is_tagged_where_it_is_written_again() -> None:
    text = (
        "زار الوفد السعودية ثم الطائف أمس. وتعد الطائف, والقطيف مدنا جميلة، وقالت الحكومة "
        + "السعودية إن السعودية ترحب بهم في الطائف."
    )

    def tag(groups: list[list[str]]) -> list[list[str]]:
        """A stand-in tagger that finds each place the first time only."""
        seen: set[str] = set()
        out = []
        for group in groups:
            out.append(["B-LOC" if t in ("الطائف", "السعودية") and t not in seen else "O" for t in group])
            seen.update(group)
        return out

    listed = {("الطايف",), ("القطيف",), ("السعوديه",)}
    found = find_mentions(text, tag, lambda form: 0.0, places=listed.__contains__)

    # "الطائف," and the noun السعودية again, not the adjective of الحكومة; القطيف was never tagged
    assert [m.text for m in found] == ["السعودية", "الطائف", "الطائف", "السعودية", "الطائف"]
    assert [m.text for m in find_mentions(text, tag, lambda form: 0.0)] == ["السعودية", "الطائف"]


def test_an_outlet_named_in_quotation_marks_is_an_organization() -> None:
    text = (
        "وقال المتحدث لـ«الرياض» إن الطقس حار في الرياض، وعلمت «سبق» أن «الاقتصادية» نشرت الخبر. "
        + 'وفاز يزيد الجماز "الرياض"، وعمر البركاتي "مكة".'
    )
    found = find_mentions(text, _tagging({"الرياض": "B-LOC", "مكة": "B-LOC"}), lambda form: 0.0)
    # the paper when told to; the town when it follows a player's name in a list
    assert [(m.text, m.type) for m in found] == [
        ("الرياض", "ORG"),
        ("الرياض", "LOC"),
        ("سبق", "ORG"),
        ("الاقتصادية", "ORG"),
        ("الرياض", "LOC"),
        ("مكة", "LOC"),
    ]
    # the closing mark of a quotation opens the next: the outlet is the second pair's
    text = 'وقالت الأسرة: "إن حقها\nلن يضيع". وعلمت " سبق "، أن اللجنة انعقدت.'
    assert [m.text for m in find_mentions(text, _tagging({}), lambda form: 0.0)] == ["سبق"]


def test_a_country_after_national_team_is_the_team() -> None:
    text = "وضم النادي صانع ألعاب منتخب هندوراس، ولاعب وسط لمنتخب فرنسا، وغادر الفريق هندوراس."
    tag = _tagging({"هندوراس": "B-LOC", "فرنسا": "B-ORG"})
    found = [(m.text, m.type) for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == [("منتخب هندوراس", "ORG"), ("منتخب فرنسا", "ORG"), ("هندوراس", "LOC")]


def test_a_name_the_tagger_split_at_a_space_is_one_name_but_two_names_stay_two() -> None:
    text = (
        "وكان سعود الفيصل وزيرا للخارجية، واستقبل خالد محفوظ بحاح الوفد. وتغير ذلك مع تعيين إدارة أوباما "
        "مايكل راتناي مبعوثا، بعد انتقال عبدالله قيسي وساري عمرو."
    )
    tags = {"سعود": "B-PER", "الفيصل": "B-PER", "خالد": "B-PER", "محفوظ": "I-PER", "بحاح": "B-PER"}
    tags |= {"أوباما": "B-PER", "مايكل": "B-PER", "راتناي": "I-PER", "عبدالله": "B-PER", "قيسي": "I-PER"}
    tags |= {"وساري": "B-PER", "عمرو": "I-PER"}
    found = find_mentions(text, _tagging(tags), lambda form: 0.0)
    assert [m.text for m in found] == [
        "سعود الفيصل",
        "خالد محفوظ بحاح",
        "أوباما",
        "مايكل راتناي",
        "عبدالله قيسي",
        "ساري عمرو",
    ]


def test_al_khobar_is_a_city_beside_the_provinces_cities_but_the_news_elsewhere() -> None:
    text = (
        "الخبر - واس: شهدت مدن الدمام والخبر أمطارا، وزار الأمير محافظة الخبر. وقال إن الخبر صحيح، "
        "وتداول الناس الخبر: وفاة الفنان."
    )
    found = [
        (m.text, m.start) for m in find_mentions(text, _tagging({}), lambda form: 0.0) if m.text == "الخبر"
    ]
    assert [start for _, start in found] == [0, text.index("والخبر") + 1, text.index("محافظة الخبر") + 7]


def test_a_known_agency_the_tagger_took_for_a_person_is_an_organization() -> None:
    text = "وقال المدير العام للطيران المدني لفرانس برس إن القطعة جاءت من الطائرة."
    known = KnownNames([("فرانس برس", "ORG", 0)])
    tags = _tagging({"لفرانس": "B-PER", "برس": "I-PER"})
    found = find_mentions(text, tags, lambda form: 100.0 if form == "فرانس" else 0.0, known)
    assert [(m.text, m.type) for m in found] == [("فرانس برس", "ORG")]


def test_good_fortune_in_a_greeting_is_not_yemen() -> None:
    text = "أعاده الله على الجميع باليمن والخير والبركات. وتدور الحرب باليمن والعراق."
    found = find_mentions(text, _tagging({"باليمن": "B-LOC", "والعراق": "B-LOC"}), lambda form: 100.0)
    assert [(m.text, m.start) for m in found if m.text == "اليمن"] == [("اليمن", text.rindex("اليمن"))]


def test_a_scene_and_a_bodys_staff_are_no_places_but_the_iranian_city_is() -> None:
    text = "وفي مشهد آخر ظهر اللاعب غاضبا. وقدمت الشركة الهدايا لمنسوبيها. وزار الرئيس مدينة مشهد الإيرانية."
    found = find_mentions(text, _tagging({"مشهد": "B-LOC", "لمنسوبيها": "B-LOC"}), lambda form: 0.0)
    assert [(m.text, m.start) for m in found] == [("مشهد", text.rindex("مشهد"))]


def test_an_outlet_named_after_newspaper_is_an_organization_without_marks() -> None:
    text = "وقال الكاتب في مقال نشرته جريدة الرياض إن الحر في الرياض شديد، ونقلت صحيفة الشرق الأوسط ذلك."
    found = find_mentions(text, _tagging({"الرياض": "B-LOC"}), lambda form: 0.0)
    assert [(m.text, m.type) for m in found] == [
        ("الرياض", "ORG"),
        ("الرياض", "LOC"),
        ("الشرق الأوسط", "ORG"),
    ]


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        (
            # ANERcorp (2007) never wrote them; Persian letters (پ گ) match their Arabic spelling.
            "قاتلت قوات الپيشمرگة ومسلحين حوثيين والحشد الشعبي، "
            "بحسب المرصد السوري لحقوق الإنسان ووزارة الحرس الوطني.",
            ["الپيشمرگة", "حوثيين", "الحشد الشعبي", "المرصد السوري لحقوق الإنسان", "وزارة الحرس الوطني"],
            "ORG",
        ),
        (
            # another country's ministry keeps its adjective
            "وأعلنت وزارة العمل ووزارة العدل الأميركية وحرس الحدود أن مركز الملك سلمان للإغاثة والأعمال "
            "الإنسانية وصل، بحسب وكالة الصحافة الفرنسية.",
            [
                *("وزارة العمل", "وزارة العدل الأميركية", "حرس الحدود"),
                *("مركز الملك سلمان للإغاثة والأعمال الإنسانية", "وكالة الصحافة الفرنسية"),
            ],
            "ORG",
        ),
        (
            # the honorific after a name stays out; the King's title and الأقصى ("the maximum") are no names
            "وصلى الحجاج في المسجد الحرام والمسجد النبوي الشريف، وعبرت السفن قناة السويس الجديدة، "
            "وقال خادم الحرمين الشريفين إن الحد الأقصى للحجاج ثابت في مهرجان أبها وبالباحة.",
            ["المسجد الحرام", "المسجد النبوي", "قناة السويس الجديدة", "أبها", "الباحة"],
            "LOC",
        ),
        (
            # airlines, not the air force of a coalition
            "وتعمل في المطار نسما للطيران والعربية للطيران وفلاي دبي وطيران ناس، وشن طيران التحالف غارات.",
            ["نسما للطيران", "العربية للطيران", "فلاي دبي", "طيران ناس"],
            "ORG",
        ),
        (
            # Saudi forces and federations; another country's federation keeps its adjective
            "استهدف التفجير مسجد قوات الطوارئ الخاصة، وأرسلت القوات الجوية الملكية السعودية طائرات، "
            "وأعلن اتحاد الكرة واتحاد الكرة المصري والاتحاد الآسيوي المواعيد.",
            [
                *("قوات الطوارئ الخاصة", "القوات الجوية الملكية السعودية"),
                *("اتحاد الكرة", "اتحاد الكرة المصري", "الاتحاد الآسيوي"),
            ],
            "ORG",
        ),
    ],
    ids=["armed-groups", "saudi-bodies", "holy-places-and-towns", "airlines", "forces-and-federations"],
)
def test_the_shipped_known_names_hold_what_the_tagger_never_learned(
    text: str, expected: list[str], kind: str
) -> None:
    untagged = find_mentions(text, _tagging({}), lambda f: 0.0, KnownNames.load())
    assert [(m.text, m.type) for m in untagged] == [(name, kind) for name in expected]


def test_a_word_outside_a_known_name_is_matched_but_not_tagged() -> None:
    known = KnownNames(
        [("قوات التحالف", "ORG", 0), ("قوات التحالف الدولي", "ORG", 1), ("التحالف الدولي", "ORG", 0)]
    )
    text = "وشنت قوات التحالف الدولي غارات، وقصفت قوات التحالف مواقع."
    found = [
        m.text
        for m in find_mentions(text, lambda groups: [["O"] * len(g) for g in groups], lambda f: 0.0, known)
    ]
    assert found == ["التحالف الدولي", "قوات التحالف"]


def test_a_name_also_written_with_a_country_adjective_takes_another_countrys_in() -> None:
    from marsad.kb.build import Entry, nationality_stems

    countries = [
        Entry("kb:oman", "عُمان", "LOC", "Oman", "iso-codes/cldr", ["سلطنة عمان"]),
        Entry("kb:kuwait", "الكويت", "LOC", "Kuwait", "iso-codes/cldr"),
        Entry("kb:germany", "ألمانيا", "LOC", "Germany", "iso-codes/cldr"),
        Entry("kb:egypt", "مصر", "LOC", "Egypt", "iso-codes/cldr", ["جمهورية مصر العربية"]),
        Entry("kb:turkey", "تركيا", "LOC", "Turkey", "iso-codes/cldr"),
        Entry("kb:saudi-arabia", "السعودية", "LOC", "Saudi Arabia", "iso-codes/cldr"),
    ]
    stems = nationality_stems(countries)
    assert {"عمان", "كويت", "المان", "مصر", "ترك", "سعود"} <= stems and "عرب" not in stems
    names = ["وزارة الصحة", "وزارة الصحة السعودية", "وزارة الداخلية", "وزارة الداخلية السعودية", "الأناضول"]
    known = KnownNames([(name, "ORG", 0) for name in names], stems)
    text = (
        "أعلنت وزارة الصحة العمانية تسجيل إصابتين، ونفت وزارة الداخلية الكويتية الخبر، وزارت وزارة الصحة "
        "الألمانية المستشفى، وقالت وزارة الصحة المصرية إن وزارة الداخلية العربية لم تعلق، ونقلت الأناضول "
        "التركية عن وزارة الصحة السعودية الخبر."
    )
    untagged = find_mentions(text, lambda groups: [["O"] * len(g) for g in groups], lambda f: 0.0, known)
    # العربية is no country's adjective; الأناضول (a proper name, never written with one) keeps
    # التركية out: it is the same agency.
    assert [m.text for m in untagged] == [
        "وزارة الصحة العمانية",
        "وزارة الداخلية الكويتية",
        "وزارة الصحة الألمانية",
        "وزارة الصحة المصرية",
        "وزارة الداخلية",
        "الأناضول",
        "وزارة الصحة السعودية",
    ]


def test_a_family_name_written_again_alone_is_tagged_unless_a_common_word_shares_it() -> None:
    given, family = ("عادل", "عبدالعزيز"), ("الجبير", "الشيخ")

    def tag(groups: list[list[str]]) -> list[list[str]]:  # the full names only
        return [
            [
                "B-PER"
                if w in given and g[i + 1 : i + 2] and g[i + 1] in family
                else "I-PER"
                if w in family and i and g[i - 1] in given
                else "O"
                for i, w in enumerate(g)
            ]
            for g in groups
        ]

    text = "التقى عادل الجبير عبدالعزيز الشيخ في الرياض. وقال الجبير إن الشيخ قدم تقريرا، وأشاد بالجبير."
    known = KnownNames([], plain=["شيخ"])  # ANERcorp writes الشيخ as a plain word
    found = [m.text for m in find_mentions(text, tag, lambda form: 0.0, known)]
    assert found == ["عادل الجبير", "عبدالعزيز الشيخ", "الجبير", "الجبير"]


@pytest.mark.parametrize(
    ("text", "token", "name"),
    [
        ("بانتظار تقرير المدرب الروماني لازولو بولوني لتحديد اللاعب المغادر.", "لازولو", "لازولو بولوني"),
        ("وقال المنتدب لدى شركة ويدبوش للأدوات المالية إن الأرباح جيدة.", "ويدبوش", "ويدبوش للأدوات المالية"),
        ("تحتفل مدينة ولنجتون عاصمة نيوزيلندا بالعيد.", "ولنجتون", "ولنجتون"),
    ],
    ids=["after-a-nisba", "after-a-company", "after-a-town"],
)
def test_a_rare_name_right_after_its_head_keeps_its_first_letter(text: str, token: str, name: str) -> None:
    words = name.split()
    spans = {words[0]: "B-PER" if len(words) == 2 else "B-ORG" if len(words) > 2 else "B-LOC"}
    spans.update({word: spans[words[0]].replace("B-", "I-") for word in words[1:]})
    frequency = {token[1:]: 1.0}.get  # the letters after the first seen once, the token never
    mentions = find_mentions(text, _tagging(spans), lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ويضم الفريق محمد الدوسري وحمدالعبدان وخالد الحازمي.", "حمدالعبدان"),
        ("طاقم سعودي لقيادة مواجهة كاشيوا الياباني وغوانغزو الصيني.", "غوانغزو"),
        ("والتقى الأمير بفيصل في القصر.", "فيصل"),
    ],
    ids=["family-name-then-and", "club-adjective-then-and", "common-after-a-title"],
)
def test_a_conjunction_or_preposition_still_comes_off(text: str, name: str) -> None:
    token = next(word for word in text.split() if word.endswith(name) and word != name)
    frequency = {name: 3.0 if len(name) > 4 else 500.0}.get
    mentions = find_mentions(text, _tagging({token: "B-PER"}), lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == [name]


def test_a_foreign_surname_written_again_alone_is_tagged() -> None:
    text = (
        "التقى الجبير وزيرة خارجية الاتحاد الأوروبي فيديريكا موغيريني. من جهتها، أشادت موغيريني "
        "بالسعودية، ودعت لموغيريني بالتوفيق."
    )
    frequency = {"موغيريني": 80.0, "فيديريكا": 20.0}.get
    tagger = _tagging({"فيديريكا": "B-PER", "موغيريني": "I-PER"})

    def first_only(groups: list[list[str]]) -> list[list[str]]:  # the tagger finds the full name only
        tags = tagger(groups)
        return [t if "فيديريكا" in g else ["O"] * len(g) for g, t in zip(groups, tags, strict=True)]

    mentions = find_mentions(text, first_only, lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == ["فيديريكا موغيريني", "موغيريني", "موغيريني"]


@pytest.mark.parametrize(
    ("name", "word", "uses", "with_al"),
    [("تمام سلام", "سلام", 300.0, 1500.0), ("محمد علي", "علي", 200000.0, 200.0)],
    ids=["a-word-news-writes-with-al", "a-common-given-name"],
)
def test_a_surname_that_is_a_word_or_a_given_name_is_left_to_the_tagger(
    name: str, word: str, uses: float, with_al: float
) -> None:
    text = f"وقال {name} إن الحكومة مستعدة. ودعا إلى {word} شامل في المنطقة."
    first = name.split()[0]
    frequency = {word: uses, "ال" + word: with_al}.get
    tagger = _tagging({first: "B-PER", word: "I-PER"})

    def name_only(groups: list[list[str]]) -> list[list[str]]:
        return [t if first in g else ["O"] * len(g) for g, t in zip(groups, tagger(groups), strict=True)]

    mentions = find_mentions(text, name_only, lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == [name]


def test_nothing_inside_a_web_or_mail_address_is_a_name() -> None:
    """The tagger reads "https" of a registration link as an organization."""
    text = (
        "ووضعت جامعة الملك سعود رابطين للتسجيل هما (https://t.co/fr0u7IQyTz)، و(www.ksu.edu.sa/apply)، "
        "وللاستفسار admission@ksu.edu.sa."
    )
    tags = {"جامعة": "B-ORG", "الملك": "I-ORG", "سعود": "I-ORG", "https": "B-ORG", "www": "B-ORG"}
    tags |= {"admission": "B-ORG", "ksu": "B-ORG"}
    found = [m.text for m in find_mentions(text, _tagging(tags), lambda form: 0.0)]
    assert found == ["جامعة الملك سعود"]


def test_a_preposition_with_its_pronoun_is_no_name_unless_a_longer_name_holds_it() -> None:
    """ "قال لي" (he told me): the tagger reads لي as a Chinese or Korean name."""
    tags = {"لي": "B-PER", "ألبرت": "B-PER", "رودي": "I-PER", "بروس": "B-PER"}
    told = "وقال ألبرت رودي لي في مكتبه إن الفيلم سيعرض قريبا."
    assert [m.text for m in find_mentions(told, _tagging(tags), lambda form: 0.0)] == ["ألبرت رودي"]
    tags |= {"لي": "I-PER"}
    actor = "ولد بروس لي في سان فرانسيسكو. وقال لي إن التدريب يومي."
    found = find_mentions(actor, _tagging(tags), lambda form: 0.0)
    assert [m.text for m in found] == ["بروس لي", "لي"]


def test_a_body_named_by_its_kind_is_an_organization_where_the_tagger_found_nothing() -> None:
    text = "وأعلنت الهيئة العامة للغذاء والدواء نتائج المسح، وشاركت جمعية الكشافة العربية السعودية فيه."
    tags = {"الكشافة": "B-ORG", "العربية": "I-ORG", "السعودية": "I-ORG"}
    found = [(m.text, m.type) for m in find_mentions(text, _tagging(tags), lambda form: 0.0)]
    assert found == [("الهيئة العامة للغذاء والدواء", "ORG"), ("الكشافة العربية السعودية", "ORG")]


def test_a_prayer_after_a_name_is_not_part_of_it() -> None:
    text = (
        "وجاء الرد بتوقيع الأمير نايف بن عبدالعزيز يرحمه الله، وقال عمر بن الخطاب رضي الله عنه. "
        "وزار رجب طيب إردوغان الرياض."
    )
    inside = ["بن", "عبدالعزيز", "يرحمه", "الله", "الخطاب", "رضي", "طيب", "إردوغان"]
    tags = dict.fromkeys(inside, "I-PER") | {"نايف": "B-PER", "عمر": "B-PER", "رجب": "B-PER"}
    found = [m.text for m in find_mentions(text, _tagging(tags), lambda form: 0.0) if m.type == "PER"]
    assert found == ["نايف بن عبدالعزيز", "عمر بن الخطاب", "رجب طيب إردوغان"]


def test_a_ranks_arm_is_not_part_of_the_name_after_it() -> None:
    text = "وقال اللواء طيار ركن يوسف الحربي إن الطلعات مستمرة، وأكد العميد بحري محمد الزهراني ذلك."
    tags = {"طيار": "B-PER", "ركن": "I-PER", "يوسف": "I-PER", "الحربي": "I-PER"}
    tags |= {"بحري": "B-PER", "محمد": "I-PER", "الزهراني": "I-PER"}
    found = [m.text for m in find_mentions(text, _tagging(tags), lambda form: 0.0)]
    assert found == ["يوسف الحربي", "محمد الزهراني"]


def test_like_comes_off_only_before_a_known_name() -> None:
    text = (
        "وتذكر الكاتب وزير الخارجية الأمريكي الأسبق كولن باول. وعبر المهاجرون من كاليه. "
        "وتصنف كداعش ودول كمصر وهيئات كمنظمة إيتا الباسكية. وحذر من داعش."
    )
    tags = {"كولن": "B-PER", "باول": "I-PER", "كاليه": "B-LOC", "كداعش": "B-ORG", "داعش": "B-ORG"}
    tags |= {"كمصر": "B-LOC", "كمنظمة": "B-ORG", "إيتا": "I-ORG", "الباسكية": "I-ORG"}
    # the words after ك are all common: ولن (will not), اليه (to him) more than the rest
    frequency = {"ولن": 900.0, "اليه": 800.0, "داعش": 300.0, "مصر": 500.0, "منظمه": 400.0}.get
    mentions = find_mentions(
        text, _tagging(tags), lambda form: frequency(form, 0.0), places=lambda forms: forms == ("مصر",)
    )
    assert [m.text for m in mentions] == [
        "كولن باول",
        "كاليه",
        "داعش",
        "مصر",
        "منظمة إيتا الباسكية",
        "داعش",
    ]


def test_set_phrases_are_no_names() -> None:
    text = (
        "ووصل الوفد بحمد الله بعد صلاة المغرب، وقرأ آيات من الذكر الحكيم. وزار حمد الله المغرب ومحمد الحكيم."
    )
    tags = {"بحمد": "B-PER", "حمد": "B-PER", "الله": "I-PER", "المغرب": "B-LOC", "الحكيم": "I-PER"}
    tags["ومحمد"] = "B-PER"
    mentions = find_mentions(text, _tagging(tags), lambda form: {"حمد": 50.0}.get(form, 0.0))
    assert [m.text for m in mentions] == ["حمد الله", "المغرب", "محمد الحكيم"]
    assert mentions[0].start == text.index("حمد الله المغرب")


def test_the_lam_of_a_one_word_name_told_comes_off_and_a_tongue_is_no_place() -> None:
    text = "وقال مسؤول لرويترز إن الشعر الجاهلي خلده لبيد بن ربيعة على لسان الرواة."
    tags = {"لرويترز": "B-ORG", "لبيد": "B-PER", "بن": "I-PER", "ربيعة": "I-PER", "لسان": "B-LOC"}
    # "قال لرويترز" is so common that the token is used a third as often as the name
    frequency = {
        "لرويترز": 140.0,
        "رويترز": 470.0,
        "لبيد": 30.0,
        "بيد": 110.0,
        "لسان": 190.0,
        "سان": 720.0,
    }.get
    mentions = find_mentions(text, _tagging(tags), lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == ["رويترز", "لبيد بن ربيعة"]


def test_a_place_cut_from_the_whole_name_the_gazetteer_lists_is_widened() -> None:
    text = "زار الوفد جنوب أفريقيا وسلطنة عمان وكوريا الجنوبية ومدينة زنجبار ودولة قطر."
    tags = {"أفريقيا": "B-LOC", "وسلطنة": "B-LOC", "عمان": "B-LOC", "وكوريا": "B-LOC"}
    tags |= {"زنجبار": "B-LOC", "قطر": "B-LOC"}
    listed = {("جنوب", "افريقيا"), ("سلطنه", "عمان"), ("كوريا", "الجنوبيه"), ("مدينه", "زنجبار")}
    listed |= {("دوله", "قطر")}
    mentions = find_mentions(text, _tagging(tags), lambda form: 0.0, places=listed.__contains__)
    # a kind of place before a name (مدينة, دولة) stays out, unless tagged a place itself
    assert [m.text for m in mentions] == ["جنوب أفريقيا", "سلطنة عمان", "كوريا الجنوبية", "زنجبار", "قطر"]


def test_a_name_after_a_competitions_or_a_stadiums_head_is_one_name_with_it() -> None:
    text = "تأهل الفريق إلى دوري أبطال أوروبا وفاز بكأس إسبانيا وكأس الاتحاد الأوروبي. وسافر إلى إسبانيا."
    tags = {"أوروبا": "B-LOC", "إسبانيا": "B-LOC", "الاتحاد": "B-ORG", "الأوروبي": "I-ORG"}
    mentions = find_mentions(text, _tagging(tags), lambda form: 0.0)
    assert [(m.text, m.type) for m in mentions] == [
        ("دوري أبطال أوروبا", "MISC"),
        ("كأس إسبانيا", "MISC"),
        ("كأس الاتحاد الأوروبي", "MISC"),
        ("إسبانيا", "LOC"),
    ]
    grounds = "ولعب على ملعب ستامفورد بريدج ثم على ملعب نادي الخليج."
    tags = {"ستامفورد": "B-ORG", "بريدج": "I-ORG", "نادي": "B-ORG", "الخليج": "I-ORG"}
    mentions = find_mentions(grounds, _tagging(tags), lambda form: 0.0)
    assert [(m.text, m.type) for m in mentions] == [("ملعب ستامفورد بريدج", "LOC"), ("نادي الخليج", "ORG")]


def test_the_one_told_with_lil_is_no_part_of_a_persons_name() -> None:
    text = "وقال جون كيري للكونجرس إن الاتفاق جيد."
    found = find_mentions(
        text, _tagging({"جون": "B-PER", "كيري": "I-PER", "للكونجرس": "I-PER"}), lambda form: 0.0
    )
    assert [(m.text, m.type) for m in found] == [("جون كيري", "PER")]


def test_a_body_named_after_a_king_written_with_abd_apart_or_a_foundation_is_one_name() -> None:
    text = (
        "تخرج من جامعة الملك عبد العزيز بجدة، وعمل في مؤسسة الأمير سلطان بن عبدالعزيز الخيرية، "
        "ثم في قصر الملك عبد الله بن عبد العزيز."
    )
    spans = {w: "I-PER" for w in ("العزيز", "بن", "عبدالعزيز", "الخيرية", "الله")}
    spans |= {"عبد": "B-PER", "سلطان": "B-PER"}
    found = [(m.text, m.type) for m in find_mentions(text, _tagging(spans), lambda form: 0.0)]
    assert found == [
        ("جامعة الملك عبد العزيز", "ORG"),
        ("مؤسسة الأمير سلطان بن عبدالعزيز الخيرية", "ORG"),
        ("قصر الملك عبد الله بن عبد العزيز", "LOC"),
    ]


def test_a_place_in_a_ranking_is_no_part_of_a_persons_name() -> None:
    text = "وجاء عزام البكر سادساً، وعين علي اليوسف أميناً عاما."
    tags = {"عزام": "B-PER", "البكر": "I-PER", "سادساً،": "B-PER", "علي": "B-PER", "اليوسف": "I-PER"}
    found = find_mentions(text, _tagging({**tags, "أميناً": "I-PER"}), lambda form: 0.0)
    assert [(m.text, m.type) for m in found] == [("عزام البكر", "PER"), ("علي اليوسف", "PER")]


def test_the_given_name_ali_is_no_preposition_before_a_name() -> None:
    text = (
        "وقالت قوات المخلوع علي عبدالله صالح إنها انسحبت. وقال الدكتور علي الحلواني إن الورشة نجحت، "
        "وحصل علي الجائزة الأولى، واعتمد علي الآخرين."
    )
    tag = _tagging({"عبدالله": "B-PER", "صالح": "I-PER"})
    known = KnownNames([], plain=[strip_clitics(lookup_form("الجائزة"))[1]])  # ANERcorp: no name
    found = [m.text for m in find_mentions(text, tag, lambda form: 0.0, known)]
    assert found == ["علي عبدالله صالح", "علي الحلواني"]


def test_a_name_beginning_with_bu_keeps_it_when_the_rest_is_and_plus_a_word() -> None:
    text = "وفاز فريق بوروسيا دورتموند على ضيفه، واندلع حريق بوادي الدواسر."
    tag = _tagging({"بوروسيا": "B-ORG", "دورتموند": "I-ORG", "بوادي": "B-LOC", "الدواسر": "I-LOC"})
    uses = {"وروسيا": 186.0, "روسيا": 1187.0, "وادي": 725.0, "ادي": 1485.0}
    found = [m.text for m in find_mentions(text, tag, lambda form: uses.get(form, 0.0))]
    assert found == ["بوروسيا دورتموند", "وادي الدواسر"]


def test_a_known_body_the_tagger_ran_into_the_person_after_it_is_its_own_name() -> None:
    text = "وقال الأمين العام لأوبك عبد الله البدري إن المنظمة لن تخفض الإنتاج."
    known = KnownNames([("أوبك", "ORG", 0)])
    tags = _tagging({"لأوبك": "B-PER", "عبد": "I-PER", "الله": "I-PER", "البدري": "I-PER"})
    found = find_mentions(text, tags, lambda form: 0.0, known)
    assert [(m.text, m.type) for m in found] == [("أوبك", "ORG"), ("عبد الله البدري", "PER")]


def test_a_place_after_club_or_team_is_the_club() -> None:
    text = "فاز نادي الخليج على ضيفه، وانتقل اللاعب إلى فريق روما ثم غادر الفريق الخليج وروما."
    tag = _tagging({"الخليج": "B-LOC", "روما": "B-LOC", "وروما": "B-LOC"})
    found = [(m.text, m.type) for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == [("الخليج", "ORG"), ("روما", "ORG"), ("الخليج", "LOC"), ("روما", "LOC")]


def test_a_department_named_with_its_town_is_one_name() -> None:
    text = (
        "شرعت مديرية الشؤون الصحية بالطائف في خطتها، وأكد مدير عام الشؤون الصحية بمنطقة مكة المكرمة "
        "أن الشؤون الصحية تتابع الحالة، وقالت الشرطة العمانية بأن الطفلة بخير."
    )
    tag = _tagging({"مكة": "B-LOC", "المكرمة": "I-LOC", "الشرطة": "B-ORG", "العمانية": "I-ORG"})
    found = find_mentions(text, tag, lambda form: 0.0, places=lambda forms: forms == ("الطايف",))
    assert [(m.text, m.type) for m in found] == [
        ("مديرية الشؤون الصحية بالطائف", "ORG"),
        ("الشؤون الصحية بمنطقة مكة المكرمة", "ORG"),
        ("الشرطة العمانية", "ORG"),
    ]
    # the tagger's own department without its town stays as the tagger found it
    text = "وأكدت الشؤون الصحية أن الحالة مستقرة."
    tag = _tagging({"الشؤون": "B-ORG", "الصحية": "I-ORG"})
    assert [m.text for m in find_mentions(text, tag, lambda form: 0.0)] == ["الشؤون الصحية"]


def test_the_son_of_stands_between_two_names() -> None:
    text = "وصل أحمد نجل الرئيس علي عبدالله صالح، ثم قال محمد نجل أحمد الزهراني إن."
    spans = {"أحمد": "B-PER", "نجل": "I-PER", "محمد": "B-PER", "الزهراني": "I-PER"}
    spans |= {"علي": "B-PER", "عبدالله": "I-PER", "صالح": "I-PER"}
    found = [m.text for m in find_mentions(text, _tagging(spans), lambda form: 0.0)]
    assert found == ["أحمد", "علي عبدالله صالح", "محمد", "أحمد الزهراني"]


def test_a_family_name_the_tagger_typed_a_body_is_the_person_unless_it_is_a_known_body() -> None:
    text = (
        'وترأس اللجنة حسين الرويلي. وبيّن "الرويلي" أن اللجنة أنهت أعمالها. '
        "وقال عبدالملك الحوثي إن قيادات من الحوثي وصلت."
    )
    tag = _tagging({"حسين": "B-PER", "الرويلي": "I-PER", "عبدالملك": "B-PER", "الحوثي": "I-PER"})

    def tagger(groups: list[list[str]]) -> list[list[str]]:
        tags = tag(groups)
        for group, row in zip(groups, tags, strict=True):
            for i in range(1, len(group)):
                if group[i - 1] in ('"', "من"):  # the lone name in quotes, the movement
                    row[i] = "B-ORG"
        return tags

    known = KnownNames([("الحوثي", "ORG", 0)])
    found = [(m.text, m.type) for m in find_mentions(text, tagger, lambda form: 0.0, known)]
    assert ("الرويلي", "PER") in found and ("الرويلي", "ORG") not in found
    assert ("الحوثي", "ORG") in found


def test_hijri_months_are_no_people_unless_a_name_of_the_article_holds_them() -> None:
    tag = _tagging(
        {
            "ربيع": "B-PER",
            "ثان": "I-PER",
            "رجب": "B-PER",
            "رمضان": "B-PER",
            "طيب": "I-PER",
            "أردوغان": "I-PER",
        }
    )
    months = "وشملت المكافآت أشهر ربيع ثان، رجب، رمضان."
    assert find_mentions(months, tag, lambda form: 0.0) == []
    text = "وقال رجب طيب أردوغان إن رجب يرحب."
    assert [m.text for m in find_mentions(text, tag, lambda form: 0.0)] == ["رجب طيب أردوغان", "رجب"]


def test_the_town_of_a_reports_opening_line_is_a_place() -> None:
    text = "سبق- الجوف: أنهت صحة الجوف التعاقد مع الأطباء."
    tag = _tagging({"الجوف": "B-ORG"})
    found = [
        (m.text, m.type) for m in find_mentions(text, tag, lambda form: 0.0, places={("الجوف",)}.__contains__)
    ]
    assert found[0] == ("الجوف", "LOC")
    assert found[1] == ("الجوف", "ORG")  # the tagger's, beyond the opening line


def test_ibn_with_a_clitic_opens_the_name_and_a_son_unnamed_is_no_name() -> None:
    text = "وتأثر الفيلسوف بابن رشد. وكرم الأمير نجل الشهيد. والتقى نجل صالح الوفد."
    tag = _tagging({"رشد": "B-PER", "نجل": "B-PER", "الشهيد": "I-PER", "صالح": "I-PER"})
    assert [m.text for m in find_mentions(text, tag, lambda form: 0.0)] == ["ابن رشد", "صالح"]


def test_a_persons_house_written_again_alone_is_the_person_but_a_ruling_house_is_not() -> None:
    text = (
        "وقال السفير عبدالله بن عبدالملك آل الشيخ إن الأمن مهم. ورفع السفير آل الشيخ التعازي. "
        "وهنأ الملك سلمان بن عبدالعزيز آل سعود الشعب، وحكم آل سعود راسخ."
    )
    people = ("عبدالله", "بن", "عبدالملك", "سلمان", "عبدالعزيز")
    tag = _tagging({word: "B-PER" if word in ("عبدالله", "سلمان") else "I-PER" for word in people})

    def tagger(groups: list[list[str]]) -> list[list[str]]:  # the full names, آل and its house in
        tags = tag(groups)
        for group, row in zip(groups, tags, strict=True):
            for i in range(2, len(group)):
                if group[i - 1] == "آل" and row[i - 2] != "O":
                    row[i - 1] = row[i] = "I-PER"
        return tags

    common = {"التعازي": 300.0, "الاهالي": 300.0}.get  # (common words, no nisba of the name before them)
    found = [m.text for m in find_mentions(text, tagger, lambda form: common(form, 0.0), KnownNames([]))]
    assert found == ["عبدالله بن عبدالملك آل الشيخ", "آل الشيخ", "سلمان بن عبدالعزيز آل سعود"]
    text = "وحذر محمد بن حسن ال صمغان من السيول، وحذر ال صمغان الأهالي."  # آل written ال

    def full_name_only(groups: list[list[str]]) -> list[list[str]]:
        return [
            [
                "B-PER"
                if w == "محمد"
                else "I-PER"
                if w in ("بن", "حسن") or (w in ("ال", "صمغان") and i < 6)
                else "O"
                for i, w in enumerate(g)
            ]
            for g in groups
        ]

    found = [
        m.text for m in find_mentions(text, full_name_only, lambda form: common(form, 0.0), KnownNames([]))
    ]
    assert found == ["محمد بن حسن ال صمغان", "ال صمغان"]


def test_latin_words_that_name_nothing_are_no_names_nor_parts_of_one() -> None:
    text = "Next Previous محمود نديم كاتب. وقال the first إن FATF تراقب. radius"
    tag = _tagging(
        {"Next": "B-PER", "Previous": "I-PER", "محمود": "I-PER", "نديم": "I-PER"}
        | {"the": "B-ORG", "first": "I-ORG", "FATF": "B-ORG", "radius": "B-ORG"}
    )
    assert [m.text for m in find_mentions(text, tag, lambda form: 0.0)] == ["محمود نديم", "FATF"]


def test_a_hospital_named_after_a_body_is_one_name() -> None:
    text = "ونقل المصاب إلى مستشفى الحرس الوطني بجدة، وأشاد بالحرس الوطني."
    known = KnownNames([("الحرس الوطني", "ORG", 0)])
    found = [(m.text, m.type) for m in find_mentions(text, _tagging({}), lambda form: 0.0, known)]
    assert found == [("مستشفى الحرس الوطني", "ORG"), ("الحرس الوطني", "ORG")]


def test_a_port_named_after_a_king_ends_before_its_town() -> None:
    text = "ويصل القمح عبر ميناء جدة الإسلامي وميناء الملك عبدالعزيز بالدمام إلى مسجد الإمام علي بن أبي طالب."
    people = {
        "عبدالعزيز": "B-PER",
        "بالدمام": "I-PER",
        "علي": "B-PER",
        "بن": "I-PER",
        "أبي": "I-PER",
        "طالب": "I-PER",
    }
    tag = _tagging({"جدة": "B-LOC"} | people)
    found = [(m.text, m.type) for m in find_mentions(text, tag, lambda form: 0.0, names=lambda forms: True)]
    assert found[:2] == [("ميناء جدة الإسلامي", "LOC"), ("ميناء الملك عبدالعزيز", "LOC")]
    assert found[-1] == ("مسجد الإمام علي بن أبي طالب", "LOC")  # the namesake's name whole


def test_known_names_joined_by_and_in_one_tagged_span_are_each_their_own() -> None:
    text = "وتعمل في المطار فلاي دبي والنيل للطيران، وكشف خال الطفلة التفاصيل."
    tag = _tagging({"فلاي": "B-ORG", "دبي": "I-ORG", "والنيل": "I-ORG", "للطيران": "I-ORG", "خال": "B-PER"})
    known = KnownNames([("فلاي دبي", "ORG", 0), ("النيل للطيران", "ORG", 0)])
    found = [m.text for m in find_mentions(text, tag, lambda form: 0.0, known)]
    assert found == ["فلاي دبي", "النيل للطيران"]  # and the uncle is no name


def test_a_landform_tagged_apart_from_its_name_is_one_place_and_alone_no_place() -> None:
    text = "وشملت الزيارات جبل طلان ووادي دفا في حي الجزيرة، ومن جبال وأودية، وقتل اثنان بريف حلب."
    tag = _tagging(
        {"جبل": "B-LOC", "طلان": "B-LOC", "ووادي": "B-LOC", "دفا": "B-LOC", "الجزيرة": "B-LOC"}
        | {"جبال": "B-LOC", "بريف": "B-LOC", "حلب": "B-LOC"}
    )
    found = [m.text for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == ["جبل طلان", "وادي دفا", "الجزيرة", "حلب"]


def test_honorifics_nil_and_formulas_of_praise_are_no_people() -> None:
    text = (
        "وقال سموه : أحمد الله على الفوز بهدفين مقابل لا شيء، واستشهد من الصحابة رضوان الله عليهم"
        " كثيرون. والتقى رامي الحمد الله بالوفد."
    )
    tag = _tagging(
        {"سموه": "B-PER", "أحمد": "B-PER", "الله": "I-PER", "شيء": "B-PER", "رضوان": "B-PER"}
        | {"رامي": "B-PER", "الحمد": "I-PER"}
    )
    found = [m.text for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == ["رامي الحمد الله"]


def test_a_full_name_keeps_its_own_fa_and_a_quoted_name_after_a_title_is_a_person() -> None:
    text = 'حل الرئيس ضيفا على فيدل كاسترو، وتدرب الفريق تحت إشراف مدربه "الفارو غوتيريز" أمس.'
    tag = _tagging({"فيدل": "B-PER", "كاسترو": "I-PER", "الفارو": "B-ORG", "غوتيريز": "I-ORG"})
    frequency = {"يدل": 900.0}.get
    found = [(m.text, m.type) for m in find_mentions(text, tag, lambda form: frequency(form, 0.0))]
    assert found == [("فيدل كاسترو", "PER"), ("الفارو غوتيريز", "PER")]


def test_the_outlet_between_dashes_in_a_byline_is_an_organization() -> None:
    text = " بدر الجبل- سبق- تبوك: توفيت معلمة أمس في جدة - الرياض - أبها."
    tag = _tagging({"بدر": "B-PER", "الجبل": "I-PER", "تبوك": "B-LOC"})
    found = [(m.text, m.type) for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == [("بدر الجبل", "PER"), ("سبق", "ORG"), ("تبوك", "LOC")]


def test_a_dash_the_tagger_took_into_a_name_stays_out() -> None:
    text = "والذي أوصانا به سيد الخلق محمد– صلى الله عليه وسلم-."
    tag = _tagging({"محمد": "B-PER", "–": "I-PER"})
    assert [m.text for m in find_mentions(text, tag, lambda form: 0.0)] == ["محمد"]


def test_a_person_s_destination_and_a_town_with_a_country_s_masculine_adjective_is_a_club() -> None:
    text = "وانتقل صلاح لروما الإيطالي، وزار الوزير روما الإيطالية، وقال لافروف إن الجولان السوري محتل."
    tag = _tagging(
        {"صلاح": "B-PER", "لروما": "I-PER", "روما": "B-LOC", "لافروف": "B-PER", "الجولان": "B-LOC"}
    )
    frequency = {"روما": 500.0, "لروما": 20.0}.get
    places = {("روما",), ("جولان",), ("الجولان",)}
    found = find_mentions(
        text,
        tag,
        lambda form: frequency(form, 0.0),
        KnownNames([], nations=["ايطال", "سور"]),
        names=lambda forms: forms in places,
        places=lambda forms: forms in places,
    )
    assert [(m.text, m.type) for m in found] == [
        ("صلاح", "PER"),
        ("روما", "ORG"),
        ("روما", "LOC"),
        ("لافروف", "PER"),
        ("الجولان", "LOC"),
    ]


def test_an_adjective_after_city_is_no_place_but_a_town_s_name_is() -> None:
    text = "ويعيش في مدينة كبيرة، وزار مدينة عنيزة أمس."
    tag = _tagging({"كبيرة": "B-LOC", "عنيزة": "B-LOC"})
    frequency = {"كبيره": 4700.0, "الكبيره": 1250.0, "عنيزه": 130.0, "العنيزه": 1.0}.get
    found = find_mentions(text, tag, lambda form: frequency(form, 0.0), places=lambda forms: False)
    assert [m.text for m in found] == ["عنيزة"]


def test_two_clubs_joined_by_and_in_one_tagged_span_are_two_clubs() -> None:
    text = "وحضر جمهور كبير لأحد أهم فرق المملكة (الهلال والنصر) في لندن."
    tag = _tagging({"الهلال": "B-ORG", "والنصر": "I-ORG"})
    found = find_mentions(text, tag, lambda form: 0.0, names=lambda forms: False)
    assert [(m.text, m.type) for m in found] == [("الهلال", "ORG"), ("النصر", "ORG")]


def test_a_full_name_takes_the_rare_nisba_after_it_but_not_a_nationality_or_common_word() -> None:
    text = "وقال غازي الأحول المصعبي إن سالم العلي اليمني والمحلل فهد الزيد الإعلامي حضروا."
    tag = _tagging(
        {"غازي": "B-PER", "الأحول": "I-PER", "سالم": "B-PER", "العلي": "I-PER"}
        | {"فهد": "B-PER", "الزيد": "I-PER"}
    )
    frequency = {"الاعلامي": 400.0}.get
    found = find_mentions(text, tag, lambda form: frequency(form, 0.0), KnownNames([], nations=["يمن"]))
    assert [m.text for m in found] == ["غازي الأحول المصعبي", "سالم العلي", "فهد الزيد"]


def test_a_name_ends_before_that_and_the_year_of_death_and_a_pronoun_is_no_one() -> None:
    text = "وذكرت صحيفة عكاظ أن الوزير وصل، وعلق عليه ابن خلدون، وذكره الخليل بن أحمد المتوفى 175هـ."
    tag = _tagging(
        {"عكاظ": "B-ORG", "أن": "I-ORG", "الوزير": "I-ORG", "عليه": "B-PER", "خلدون": "B-PER"}
        | {"الخليل": "B-PER", "بن": "I-PER", "أحمد": "I-PER", "المتوفى": "I-PER"}
    )
    found = [m.text for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == ["عكاظ", "خلدون", "الخليل بن أحمد"]


def test_a_place_s_part_is_named_with_it_but_not_the_largest_of_them() -> None:
    text = "وتقع ولاية ساكسونيا السفلى في ألمانيا، وحررت القوات عدن كبرى مدن الجنوب."
    tag = _tagging({"ساكسونيا": "B-LOC", "ألمانيا": "B-LOC", "عدن": "B-LOC"})
    assert [m.text for m in find_mentions(text, tag, lambda form: 0.0)] == [
        "ساكسونيا السفلى",
        "ألمانيا",
        "عدن",
    ]


def test_a_compound_given_name_with_a_hyphen_is_one_name_but_a_meeting_of_two_is_two() -> None:
    text = "ذكر هانز - بيتر بارتلس أن الجيش مستعد، وتأتي محادثات كيري - لافروف غدا."
    tag = _tagging({"هانز": "B-PER", "بيتر": "B-PER", "بارتلس": "I-PER", "كيري": "B-PER", "لافروف": "B-PER"})
    found = [m.text for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == ["هانز - بيتر بارتلس", "كيري", "لافروف"]


def test_a_common_adjective_after_a_pronoun_is_no_person() -> None:
    text = "ووصفته زميلته بأنه هادئ ومحب، وقال إن أنه هتلر في حقيقته فنان."
    tag = _tagging({"هادئ": "B-PER", "هتلر": "B-PER"})
    frequency = {"هادي": 300.0, "الهادي": 200.0}.get
    found = [m.text for m in find_mentions(text, tag, lambda form: frequency(form, 0.0))]
    assert found == ["هتلر"]


def test_a_body_tagged_once_is_tagged_again_after_a_clitic() -> None:
    text = (
        "ودعا حزب المؤتمر الشعبي العام إلى الحوار.\n"
        "وقال عادل الشجاع، القيادي بحزب المؤتمر الشعبي العام، إن الحوار ممكن."
    )
    first = {"حزب": "B-ORG", "المؤتمر": "I-ORG", "الشعبي": "I-ORG", "العام": "I-ORG"}

    def tag(groups: list[list[str]]) -> list[list[str]]:
        return [[first.get(t, "O") if i == 0 else "O" for t in group] for i, group in enumerate(groups)]

    found = [(m.text, m.start) for m in find_mentions(text, tag, lambda form: 0.0) if m.type == "ORG"]
    again = text.index("بحزب") + 1
    assert found == [("حزب المؤتمر الشعبي العام", 5), ("حزب المؤتمر الشعبي العام", again)]


def test_a_family_name_after_a_company_word_names_the_company() -> None:
    text = (
        "اتفقت شركة الشمسان لتنظيم المعارض مع الأمانة. وأعلنت مجموعة بن لادن توقف أعمالها. "
        "وقال المدير التنفيذي للشركة محمد العثيم إن الأرباح ارتفعت، وكان مؤسسه حسن البنا حاضرا."
    )
    tag = _tagging(
        {"الشمسان": "B-PER", "بن": "B-PER", "لادن": "I-PER", "محمد": "B-PER", "العثيم": "I-PER"}
        | {"حسن": "B-PER", "البنا": "I-PER"}
    )
    found = [(m.text, m.type) for m in find_mentions(text, tag, lambda form: 0.0)]
    assert found == [("الشمسان", "ORG"), ("بن لادن", "ORG"), ("محمد العثيم", "PER"), ("حسن البنا", "PER")]
