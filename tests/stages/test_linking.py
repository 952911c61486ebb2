"""The linking stage on realistic Arabic articles: variants, partial names, aliases, titles."""

import re
from datetime import datetime

import pytest

from marsad.kb.base import load_knowledge_base, title_words
from marsad.model import Mention
from marsad.stages.linking import LinkStage, link_mentions, resolve_title, standalone_titles
from tests.conftest import NATO_TEXT, make_article


def _mentions(text: str, *names: tuple[str, str]) -> list[Mention]:
    found, cursor = [], 0
    for name, kind in names:
        start = text.index(name, cursor)
        found.append(Mention(start, start + len(name), name, kind))  # type: ignore[arg-type]
        cursor = start + len(name)
    return found


@pytest.fixture(scope="module")
def stage() -> LinkStage:
    return LinkStage.from_settings()


def test_every_mention_gets_an_entity_and_variants_link(stage: LinkStage) -> None:
    text = NATO_TEXT
    article = make_article(
        "nato",
        text,
        published_at=datetime(2015, 8, 1),
        mentions=tuple(
            _mentions(
                text,
                ("حلف شمال الأطلسيّ", "ORG"),
                ("ينس ستولتنبرغ", "PER"),
                ("ستولتنبرغ", "PER"),
                ("بروكسل", "LOC"),
                ("الناتو", "ORG"),
            )
        ),
    )
    linked = stage(article)
    ids = {m.text: m.entity for m in linked.mentions}
    assert ids["ينس ستولتنبرغ"] == ids["ستولتنبرغ"] == "kb:jens-stoltenberg"
    assert ids["حلف شمال الأطلسيّ"] == ids["الناتو"] == "kb:nato"
    assert all(m.entity in linked.entities for m in linked.mentions)
    assert linked.entities["kb:jens-stoltenberg"].english == "Jens Stoltenberg"


def test_typo_and_alias_variants_link_to_one_entity() -> None:
    kb = load_knowledge_base()
    text = "قال ستلوتنبرج إن حلف شمال الأطلنطي موحد، وأضاف أن حلف الناتو قوي."
    linked, _ = link_mentions(
        text, _mentions(text, ("ستلوتنبرج", "PER"), ("حلف شمال الأطلنطي", "ORG"), ("حلف الناتو", "ORG")), kb
    )
    assert [m.entity for m in linked] == ["kb:jens-stoltenberg", "kb:nato", "kb:nato"]


def test_a_lone_surname_of_seven_letters_links_to_no_one_it_does_not_spell() -> None:
    kb = load_knowledge_base()
    text = "وبدأ مدرب الشباب جوتيريز اللقاء بتشكيل جديد."  # Gutiérrez, not Guterres (غوتيريش)
    [linked], _ = link_mentions(text, _mentions(text, ("جوتيريز", "PER")), kb)
    assert linked.entity is not None and not linked.entity.startswith("kb:")


def test_a_lone_place_or_body_links_only_to_a_spelling_of_its_own_name() -> None:
    kb = load_knowledge_base()
    text = (
        "غرد لاعب النصر على تويتر من هامبورج بعد مباراة في تايلند، ثم سافر إلى أمريكا وأفريقيا. "
        "وقالت وسائل إعلام في يونان إن اليونان تفاوض، وسجل السلام مكاسب."
    )
    names = ["النصر", "تويتر", "هامبورج", "تايلند", "أمريكا", "أفريقيا", "يونان", "اليونان", "السلام"]
    linked, _ = link_mentions(
        text, _mentions(text, *((n, "LOC" if n != "النصر" else "ORG") for n in names)), kb
    )
    ids = dict(zip(names, (m.entity for m in linked), strict=True))
    # The learned name matcher scores النصر / النصرة, تويتر / توتوري, أمريكا / أفريقيا alike.
    assert not ids["النصر"].startswith("kb:") and not ids["تويتر"].startswith("kb:")
    assert ids["السلام"] != "kb:as-sallum"
    assert (ids["هامبورج"], ids["تايلند"]) == ("kb:hamburg", "kb:thailand")  # ج for غ, one vowel
    assert (ids["أمريكا"], ids["أفريقيا"]) == ("kb:united-states", "kb:africa")
    assert ids["يونان"] == ids["اليونان"] == "kb:greece"


def test_a_name_written_apart_or_together_is_one_name() -> None:
    kb = load_knowledge_base()
    text = "قال موفق أبو طالب إن العمل مستمر. وأضاف أبوطالب أن الفرق جاهزة، وقال حمدالعبدان وحمد العبدان ذلك."
    names = [("موفق أبو طالب", "PER"), ("أبوطالب", "PER"), ("حمدالعبدان", "PER"), ("حمد العبدان", "PER")]
    linked, _ = link_mentions(text, _mentions(text, *names), kb)
    ids = [m.entity for m in linked]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_a_country_or_body_written_without_its_al_still_links_but_a_city_does_not() -> None:
    kb = load_knowledge_base()
    text = "وصوت كونغرس الولايات على القرار، وزار الوفد عراق ما بعد الحرب، وميدان شهداء المدينة."
    linked, _ = link_mentions(text, _mentions(text, ("كونغرس", "ORG"), ("عراق", "LOC"), ("شهداء", "LOC")), kb)
    assert [m.entity for m in linked][:2] == ["kb:us-congress", "kb:iraq"]
    assert not linked[2].entity.startswith("kb:")  # الشهداء is a town GeoNames lists, not this square


def test_a_newspaper_named_as_its_town_is_not_the_town() -> None:
    kb = load_knowledge_base()
    text = "وقال المدير لـ«الرياض» إن الحر في الرياض شديد، كما ذكرت «الرياض» أمس."
    first = text.index("الرياض")
    town = text.index("الرياض", first + 1)
    paper = text.index("الرياض", town + 1)
    found = [
        Mention(at, at + 6, "الرياض", kind) for at, kind in ((first, "ORG"), (town, "LOC"), (paper, "ORG"))
    ]
    ids = [m.entity for m in link_mentions(text, found, kb)[0]]
    assert ids[1] == "kb:riyadh" and ids[0] == ids[2] != ids[1]
    dateline = "لندن: «الشرق الأوسط» قال مسؤول إن الشرق الأوسط يمر بمرحلة صعبة."
    paper, region = dateline.index("الشرق"), dateline.rindex("الشرق")
    found = [
        Mention(paper, paper + 11, "الشرق الأوسط", "ORG"),
        Mention(region, region + 11, "الشرق الأوسط", "LOC"),
    ]
    ids = [m.entity for m in link_mentions(dateline, found, kb)[0]]
    assert ids[1] == "kb:middle-east" != ids[0]


def test_a_club_named_as_its_city_is_not_the_city() -> None:
    kb = load_knowledge_base()
    text = "وفاز ليفربول على برشلونة في ملعبه، وقال مدرب برشلونة في مؤتمر صحفي في برشلونة إن الخسارة مؤلمة."
    names = [("ليفربول", "ORG"), ("برشلونة", "ORG"), ("برشلونة", "ORG"), ("برشلونة", "LOC")]
    ids = [m.entity for m in link_mentions(text, _mentions(text, *names), kb)[0]]
    assert ids[1] == ids[2] and ids[3] == "kb:barcelona" and not {ids[0], ids[1]} & {"kb:liverpool", ids[3]}


def test_another_countrys_former_holders_and_the_office_itself_are_not_ours() -> None:
    kb = load_knowledge_base()
    text = (
        "وقال وزير الخارجية إن الزيارة مهمة، ووجه وزير الخارجية الإماراتي كلمة إلى الشهداء، وكان وزير "
        "الخارجية السابق قد زار البلاد، حين كان الأمير يشغل منصب وزير الخارجية."
    )
    minister = kb.titles.canonical(title_words("وزير الخارجية"))
    found = standalone_titles(
        text, [], kb.titles, lambda words: "kb:adel-al-jubeir" if words == minister else None
    )
    assert [(m.start, m.entity) for m in found] == [(text.index("وزير"), "kb:adel-al-jubeir")]


def test_a_bare_title_in_a_report_from_abroad_is_not_the_saudi_holder() -> None:
    kb = load_knowledge_base()
    abroad = "أعلن المغرب اليوم خطة أمنية، وقال وزير الداخلية إن المغرب سيواجه الإرهاب."
    home = "وقال وزير الداخلية إن المملكة ستواجه الإرهاب."
    morocco = _mentions(abroad, ("المغرب", "LOC"), ("المغرب", "LOC"))
    found_abroad = [m.entity for m in link_mentions(abroad, morocco, kb, "2015-08-05")[0]]
    found_home = [m.entity for m in link_mentions(home, [], kb, "2015-08-05")[0]]
    assert "kb:muhammad-bin-nayef" not in found_abroad and found_home == ["kb:muhammad-bin-nayef"]
    cup = "وتأهل الهلال إلى نهائي كأس ولي العهد بعد فوزه."
    assert link_mentions(cup, [], kb, "2015-08-05")[0] == []


def test_a_royal_named_with_his_house_links_to_the_one_known_without_it() -> None:
    kb = load_knowledge_base()
    text = "استقبل الأمير محمد بن نايف بن عبدالعزيز آل سعود الوفد، وقال محمد بن فهد آل سعود إن الزيارة مهمة."
    names = [("محمد بن نايف بن عبدالعزيز آل سعود", "PER"), ("محمد بن فهد آل سعود", "PER")]
    ids = [m.entity for m in link_mentions(text, _mentions(text, *names), kb)[0]]
    assert ids[0] == "kb:muhammad-bin-nayef" and not ids[1].startswith("kb:")


def test_a_longer_name_of_a_body_links_only_where_each_word_is_a_spelling_of_the_other() -> None:
    kb = load_knowledge_base()
    text = "أعلنت جامعة نجران القبول، ورحب الممثل فايز المالكي بالقرار، وقال المالكي إن البنك الدولي يدعمه."
    names = [("جامعة نجران", "ORG"), ("فايز المالكي", "PER"), ("المالكي", "PER"), ("البنك الدولي", "ORG")]
    linked, _ = link_mentions(text, _mentions(text, *names), kb)
    ids = [m.entity for m in linked]
    assert not ids[0].startswith("kb:")  # not Jamnagar (جام نجر)
    assert ids[1] == ids[2] != "kb:nouri-al-maliki"  # a surname after the full name names him
    assert ids[3] == "kb:world-bank"


def test_a_club_named_after_its_kind_is_the_club_named_alone_not_its_town() -> None:
    kb = load_knowledge_base()
    text = "تعاقد نادي إنبي مع مدافع نادي نيس الفرنسي، وقال إنبي إن نيس وافق على الصفقة."
    names = [("نادي إنبي", "ORG"), ("نادي نيس", "ORG"), ("إنبي", "ORG"), ("نيس", "ORG")]
    linked, _ = link_mentions(text, _mentions(text, *names), kb)
    ids = [m.entity for m in linked]
    assert ids[0] == ids[2] and ids[1] == ids[3] != "kb:nice"  # the clubs, whole or alone


def test_a_family_name_closing_a_chain_of_fathers_names_the_person() -> None:
    kb = load_knowledge_base()
    text = "افتتح عبدالرحمن بن عبدالله السند المعرض، وقال السند إن الأمير محمد بن سلمان رعاه، وشكر سلمان."
    names = [
        ("عبدالرحمن بن عبدالله السند", "PER"),
        ("السند", "PER"),
        ("محمد بن سلمان", "PER"),
        ("سلمان", "PER"),
    ]
    linked, _ = link_mentions(text, _mentions(text, *names), kb)
    ids = [m.entity for m in linked if m.type == "PER" and m.text in dict(names)]
    assert ids[0] == ids[1]  # السند closes the chain of fathers' names: his family name
    assert ids[3] != ids[2]  # سلمان right after بن is the father's name, not the prince's


def test_people_sharing_a_name_part_stay_apart() -> None:
    kb = load_knowledge_base()
    text = "التقى الأمير محمد بن سلمان بالأمير محمد بن نايف، ثم اتصل فائز السراج بخليفة حفتر."
    linked, entities = link_mentions(
        text,
        _mentions(
            text,
            ("محمد بن سلمان", "PER"),
            ("محمد بن نايف", "PER"),
            ("فائز السراج", "PER"),
            ("خليفة حفتر", "PER"),
        ),
        kb,
    )
    assert len({m.entity for m in linked}) == 4
    assert "kb:muhammad-bin-salman" in entities and "kb:fayez-al-sarraj" in entities


def test_unknown_person_gets_a_corpus_id_and_surname_joins_the_nearest_full_name() -> None:
    kb = load_knowledge_base()
    text = "عين الرئيس نايف البكري محافظا لعدن. والتقى خالد البكري الوزراء. وقال البكري إن المدينة آمنة."
    linked, entities = link_mentions(
        text, _mentions(text, ("نايف البكري", "PER"), ("خالد البكري", "PER"), ("البكري", "PER")), kb
    )
    assert linked[0].entity != linked[1].entity
    assert linked[2].entity == linked[1].entity
    assert linked[0].entity.startswith("per:") and entities[linked[0].entity].english


def test_title_next_to_a_name_stands_for_that_person_later() -> None:
    kb = load_knowledge_base()
    text = (
        "أكد المبعوث الخاص لمنظمة الإغاثة الدولية كريم الحداد أن المساعدات وصلت. "
        "وأضاف المبعوث الخاص لمنظمة الإغاثة الدولية أن الطرق مغلقة."
    )
    linked, entities = link_mentions(text, _mentions(text, ("كريم الحداد", "PER")), kb, "2015-08-01")
    assert len(linked) == 2
    assert linked[1].text.startswith("المبعوث الخاص") and linked[1].entity == linked[0].entity
    assert entities[linked[0].entity].roles


def test_a_title_starts_after_the_clause_before_it() -> None:
    kb = load_knowledge_base()
    text = "وأوضح البيان أن الأمين العام أجرى اتصالا هاتفيا مع المبعوث الأممي كريم الحداد، واتفقا على ذلك."
    linked, entities = link_mentions(text, _mentions(text, ("كريم الحداد", "PER")), kb, "2015-08-01")
    assert [role.title for role in entities[linked[0].entity].roles] == ["المبعوث الأممي"]


def test_a_title_the_knowledge_base_gives_another_that_day_is_not_learned() -> None:
    kb = load_knowledge_base()
    text = (
        "استقبل ولي ولي العهد الرئيس فرانسوا هولاند. وهنأ الرئيس الفرنسي الأمير محمد بن سلمان بمنصبه. "
        "وقال الرئيس الفرنسي إن البلدين شريكان. "
        "وكان وزير الدفاع الأمير سلمان بن عبدالعزيز قد زار باريس."
    )
    names = (("فرانسوا هولاند", "PER"), ("محمد بن سلمان", "PER"), ("سلمان بن عبدالعزيز", "PER"))
    linked, entities = link_mentions(text, _mentions(text, *names), kb, "2015-06-24")
    said = [m for m in linked if m.text == "الرئيس الفرنسي"]
    # The French president is the subject of "هنأ", not a title of the prince after him.
    assert [m.entity for m in said] == ["kb:francois-hollande"] * 2
    assert "الرئيس الفرنسي" not in [role.title for role in entities["kb:muhammad-bin-salman"].roles]
    # A title the knowledge base gave this person once (before his son) stays his.
    assert "وزير الدفاع" in [role.title for role in entities["kb:salman-bin-abdulaziz"].roles]


def test_title_only_reference_resolves_by_dated_role() -> None:
    kb = load_knowledge_base()
    text = "قال الأمين العام لحلف الناتو إن الحلف سيعزز وجوده."
    in_2015, _ = link_mentions(text, [], kb, "2015-08-01")
    in_2025, _ = link_mentions(text, [], kb, "2025-03-01")
    assert [m.entity for m in in_2015] == ["kb:jens-stoltenberg"]
    assert [m.entity for m in in_2025] == ["kb:mark-rutte"]
    article = make_article("t", text, published_at=datetime(2015, 8, 10))
    assert resolve_title(article, "المتحدثة باسم الخارجية الروسية") == "kb:maria-zakharova"
    assert resolve_title(article, "الأمين العام لحلف شمال الأطلسي") == "kb:jens-stoltenberg"


def test_the_international_coalition_is_not_the_arab_coalition() -> None:
    kb = load_knowledge_base()
    text = "شنت قوات التحالف الدولي غارات على الرقة، فيما قصفت قوات التحالف مواقع في صعدة."
    linked, _ = link_mentions(
        text, _mentions(text, ("قوات التحالف الدولي", "ORG"), ("قوات التحالف", "ORG")), kb
    )
    assert [m.entity for m in linked] == ["kb:global-coalition", "kb:arab-coalition"]


def test_a_standalone_title_leaves_its_conjunction_or_preposition_outside() -> None:
    kb = load_knowledge_base()
    text = "ونقل الوفد تحيات وولي العهد، ثم سلم رسالة للرئيس الأميركي."
    linked, _ = link_mentions(text, [], kb, "2015-08-01")
    # للرئيس is ل + الرئيس: no letters of it name the title alone, so it stays whole.
    assert [(m.text, m.entity) for m in linked] == [
        ("ولي العهد", "kb:muhammad-bin-nayef"),
        ("للرئيس الأميركي", "kb:barack-obama"),
    ]


def test_a_title_after_a_name_ends_before_the_clause_that_follows_it() -> None:
    kb = load_knowledge_base()
    text = (
        "وأكد طلال آل الشيخ، رئيس لجنة الإعلام الرياضي أن اختيار السليم يأتي تتويجا لاجتهاده. "
        "وأهاب رئيس لجنة الإعلام الرياضي بالزملاء العمل الجاد."
    )
    linked, entities = link_mentions(text, _mentions(text, ("طلال آل الشيخ", "PER")), kb, "2015-08-01")
    assert [role.title for role in entities[linked[0].entity].roles] == ["رئيس لجنة الإعلام الرياضي"]
    assert {m.text for m in linked[1:]} == {"رئيس لجنة الإعلام الرياضي"}
    assert {m.entity for m in linked} == {linked[0].entity}


def test_first_and_family_name_of_a_chain_of_fathers_names_the_person() -> None:
    kb = load_knowledge_base()
    text = "استقبل الأمين رئيس الجهاز المقدم مبارك بن سعيد الخييلي. وهنأ الأمين المقدم مبارك الخييلي بتعيينه."
    linked, _ = link_mentions(
        text, _mentions(text, ("مبارك بن سعيد الخييلي", "PER"), ("مبارك الخييلي", "PER")), kb
    )
    assert linked[0].entity == linked[1].entity
    text = "وقال الشيخ عبدالعزيز بن عبدالله آل الشيخ إن التفجير إجرامي. وتابع الشيخ عبدالعزيز آل الشيخ يقول."
    names = (("عبدالعزيز بن عبدالله آل الشيخ", "PER"), ("عبدالعزيز آل الشيخ", "PER"))
    linked, _ = link_mentions(text, _mentions(text, *names), kb)
    assert linked[0].entity == linked[1].entity  # a family name of two words: آل الشيخ
    text = "وقال السفير عبدالله بن عبدالملك آل الشيخ إن الأمن مهم. وأكد آل الشيخ أن العلاقات وثيقة."
    names = (("عبدالله بن عبدالملك آل الشيخ", "PER"), ("آل الشيخ", "PER"))
    linked, _ = link_mentions(text, _mentions(text, *names), kb)
    assert linked[0].entity == linked[1].entity  # the house's name alone
    text = "ونقل المبتعث حسام بن مأمون زواوي إلى المستشفى. وقال حسام زواوي إن حالته مستقرة."
    linked, _ = link_mentions(
        text, _mentions(text, ("حسام بن مأمون زواوي", "PER"), ("حسام زواوي", "PER")), kb
    )
    assert linked[0].entity == linked[1].entity  # a family name after one father's name


def test_first_name_and_fathers_name_stay_apart_from_the_chain() -> None:
    kb = load_knowledge_base()
    text = "التقى محمد بن سلمان العتيبي الوفد. ثم وصل محمد سلمان إلى القاعة."
    names = (("محمد بن سلمان العتيبي", "PER"), ("محمد سلمان", "PER"))
    linked, _ = link_mentions(text, _mentions(text, *names), kb)
    assert linked[0].entity != linked[1].entity


def test_a_decision_makers_title_before_its_object_is_not_the_appointees() -> None:
    kb = load_knowledge_base()
    text = "صدر قرار معالي وزير الشؤون البلدية والقروية بترقية المهندس عيد الزارع إلى المرتبة الثالثة عشرة."
    linked, entities = link_mentions(text, _mentions(text, ("عيد الزارع", "PER")), kb, "2015-07-27")
    assert entities[linked[0].entity].roles == ()


def test_titles_in_a_list_of_leaders_stay_with_their_own_names() -> None:
    kb = load_knowledge_base()
    text = (
        "وشملت الجولات لقاءات مع الرئيس أنور السادات، والرئيس اليمني الجنوبي سالم ربيع علي، "
        "والرئيس اليمني الشمالي المقدم أحمد الغشمي، والسلطان قابوس."
    )
    names = (("أنور السادات", "PER"), ("سالم ربيع علي", "PER"), ("أحمد الغشمي", "PER"))
    linked, entities = link_mentions(text, _mentions(text, *names), kb, "1978-03-28")
    titles = {m.text: [role.title for role in entities[m.entity].roles] for m in linked}
    assert titles["سالم ربيع علي"] == ["الرئيس اليمني الجنوبي"]
    assert titles["أحمد الغشمي"] == ["الرئيس اليمني الشمالي"]
    assert "الرئيس اليمني الجنوبي" not in titles["أنور السادات"]


def test_a_title_does_not_run_through_a_relative_ma() -> None:
    kb = load_knowledge_base()
    text = "يا ليت أصغى الرئيس السادات إلى ما اقترحه الأمير سعود الفيصل في ذلك الاجتماع."
    linked, entities = link_mentions(text, _mentions(text, ("سعود الفيصل", "PER")), kb, "1978-03-28")
    assert not any("السادات" in role.title for role in entities[linked[0].entity].roles)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "وأوضح للناطق الإعلامي لشرطة منطقة القصيم الرائد بدر السحيباني أن القضية أحيلت.",
            "بدر السحيباني",
            "الناطق الإعلامي لشرطة منطقة القصيم",
        ),
        (
            "وقال سالم الهندي، الرئيس التنفيذي لـ«روتانا»، إن الشركة ماضية في خطتها.",
            "سالم الهندي",
            "الرئيس التنفيذي",
        ),
        ("حضر اللقاء المشرف على مركز الملك سلمان للإغاثة الدكتور عبدالله الربيعة.", "عبدالله الربيعة", None),
    ],
    ids=["preposition-and-rank-outside", "preposition-of-a-quoted-name", "a-king-named-in-a-body"],
)
def test_a_learned_title_reads_as_a_role(text: str, name: str, title: str | None) -> None:
    kb = load_knowledge_base()
    linked, entities = link_mentions(text, _mentions(text, (name, "PER")), kb, "2015-08-01")
    roles = [role.title for role in entities[linked[0].entity].roles if role.since == "2015-08-01"]
    assert roles == ([title] if title else [])


@pytest.mark.parametrize("word", ["الملكي", "مديريات", "قائده", "محافظة", "أم"])
def test_a_word_of_a_heads_stem_begins_no_title(word: str) -> None:
    kb = load_knowledge_base()
    text = f"وحضر {word} العام للشؤون الصحية محمد الحربي الحفل."
    linked, entities = link_mentions(text, _mentions(text, ("محمد الحربي", "PER")), kb, "2015-08-01")
    assert entities[linked[0].entity].roles == ()


def test_a_title_before_its_holders_rank_or_address_and_name_is_no_mention_of_its_own() -> None:
    kb = load_knowledge_base()
    text = "وحضر وزير الدفاع الأمير محمد بن سلمان الحفل. ويتقدمهم رئيس مجلس الإدارة المهندس منصور القحطاني."
    names = (("محمد بن سلمان", "PER"), ("منصور القحطاني", "PER"))
    linked, _ = link_mentions(text, _mentions(text, *names), kb, "2015-07-20")
    assert [m.text for m in linked] == ["محمد بن سلمان", "منصور القحطاني"]


def test_a_title_before_the_conjunction_of_a_list_is_the_previous_names() -> None:
    kb = load_knowledge_base()
    text = (
        "وهم الدكتور عبدالعزيز الشعيل رئيس اللجنة وشيبان العنزي وعبدالله الجلال. "
        "واستقبله الأمير خالد ورئيس الوزراء تمام سلام."
    )
    names = (
        ("عبدالعزيز الشعيل", "PER"),
        ("شيبان العنزي", "PER"),
        ("عبدالله الجلال", "PER"),
        ("تمام سلام", "PER"),
    )
    _, entities = link_mentions(text, _mentions(text, *names), kb, "2015-07-20")
    roles = {e.name: [r.title for r in e.roles] for e in entities.values()}
    assert roles["شيبان العنزي"] == []
    assert "رئيس الوزراء" in roles["تمام سلام"]


def test_a_known_persons_first_word_the_tagger_left_out_joins_the_mention() -> None:
    kb = load_knowledge_base()
    text = "وقال بان كي مون إن القرار مهم. واستقبل الملك سلمان بن عبدالعزيز الوفد."
    names = (("كي مون", "PER"), ("سلمان بن عبدالعزيز", "PER"))
    linked, _ = link_mentions(text, _mentions(text, *names), kb, "2015-07-20")
    assert (linked[0].text, linked[0].entity) == ("بان كي مون", "kb:ban-ki-moon")
    assert linked[1].text == "سلمان بن عبدالعزيز"  # the title stays out


def test_a_body_every_country_has_is_saudi_arabia_s_only_where_nothing_sets_the_article_abroad() -> None:
    kb = load_knowledge_base()
    abroad = "أعلنت وزارة الداخلية في تونس توقيف مشتبه به، وقالت إن تونس ستواصل ملاحقة الخلايا."
    home = "أعلنت وزارة الداخلية توقيف مشتبه به قادم من تونس، وقالت إن المملكة ستواصل ملاحقة الخلايا في تونس."
    for text, expected in ((abroad, None), (home, "kb:sa-interior-ministry")):
        names = (("وزارة الداخلية", "ORG"), ("تونس", "LOC"), ("تونس", "LOC"))
        linked, _ = link_mentions(text, _mentions(text, *names), kb)
        ministry = next(m for m in linked if m.text == "وزارة الداخلية")
        assert (
            ministry.entity if ministry.entity and ministry.entity.startswith("kb:") else None
        ) == expected


def test_a_title_before_a_foreign_rank_and_its_holders_name_is_no_mention_of_its_own() -> None:
    kb = load_knowledge_base()
    text = "واستقبل نوري المالكي وزير الدفاع الجنرال أحمد وحيدي."
    names = _mentions(text, ("نوري المالكي", "PER"), ("أحمد وحيدي", "PER"))
    minister = kb.titles.canonical(title_words("وزير الدفاع"))
    holder = {minister: "kb:muhammad-bin-salman"}.get
    assert standalone_titles(text, names, kb.titles, holder) == []


def test_the_holder_of_a_title_then_is_not_todays() -> None:
    kb = load_knowledge_base()
    text = "وقال ولي العهد آنذاك الشيخ سعد العبدالله إن الكويت ستعود."
    crown_prince = kb.titles.canonical(title_words("ولي العهد"))
    holder = {crown_prince: "kb:muhammad-bin-nayef"}.get
    assert standalone_titles(text, [], kb.titles, holder) == []


def test_titles_set_beside_their_holders_name_are_not_more_mentions_of_him() -> None:
    kb = load_knowledge_base()
    text = (
        "استقبل ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع الأمير محمد بن سلمان "
        "الوفد. وقال علاء عبد الصادق، مدير قطاع الكرة بالأهلي، إن العقد وقع. "
        "وأضاف مدير قطاع الكرة بالأهلي أن ولي ولي العهد بارك الصفقة."
    )
    names = (("محمد بن سلمان", "PER"), ("علاء عبد الصادق", "PER"))
    linked, _ = link_mentions(text, _mentions(text, *names), kb, "2015-07-21")
    titles = [(m.text, m.entity) for m in linked if m.text not in dict(names)]
    assert titles == [
        ("مدير قطاع الكرة بالأهلي", linked[1].entity),
        ("ولي ولي العهد", "kb:muhammad-bin-salman"),
    ]


def test_an_assistants_title_is_not_his_ministers() -> None:
    kb = load_knowledge_base()
    text = (
        "حضر الاجتماع وزير الدفاع الأمير محمد بن سلمان ومساعد وزير الدفاع محمد العايش. "
        "وقال وزير الدفاع إن التعاون مستمر، وأضاف مساعد وزير الدفاع أن الزيارة ناجحة."
    )
    names = (("محمد بن سلمان", "PER"), ("محمد العايش", "PER"))
    linked, _ = link_mentions(text, _mentions(text, *names), kb, "2015-07-21")
    assert [(m.text, m.entity) for m in linked[2:]] == [
        ("وزير الدفاع", "kb:muhammad-bin-salman"),
        ("مساعد وزير الدفاع", linked[1].entity),
    ]


def test_muhammad_after_the_prophet_s_title_or_before_his_blessing_is_the_prophet() -> None:
    kb = load_knowledge_base()
    text = (
        "وقال الشيخ محمد بن مصيبيح إن سنة النبي محمد هي المنهج، "
        "وأوصانا بذلك سيد الخلق محمد – صلى الله عليه وسلم – وقال محمد بن مصيبيح إن الخير فيها."
    )
    names = (("محمد بن مصيبيح", "PER"),)
    mentions = _mentions(text, *names) + [
        Mention(at, at + 4, "محمد", "PER") for at in (text.index("محمد هي"), text.index("محمد –"))
    ]
    linked, _ = link_mentions(text, mentions, kb, "2015-07-21")
    assert [m.entity for m in linked if m.text == "محمد"] == ["kb:prophet-muhammad"] * 2


def test_a_saudi_bank_named_after_a_town_or_a_channel_is_the_bank() -> None:
    kb = load_knowledge_base()
    text = (
        "ونمت أرباح بنك الجزيرة، وتراجعت أرباح بنك الرياض، "
        "وقالت منظمة الأمم المتحدة للأغذية والزراعة إن الأسعار ارتفعت."
    )
    names = (("بنك الجزيرة", "ORG"), ("بنك الرياض", "ORG"), ("منظمة الأمم المتحدة للأغذية والزراعة", "ORG"))
    linked, _ = link_mentions(text, _mentions(text, *names), kb, "2015-07-21")
    assert [m.entity for m in linked] == ["kb:bank-aljazira", "kb:riyad-bank", "kb:fao"]


def test_a_lone_name_after_its_title_is_the_known_holder_the_title_names() -> None:
    kb = load_knowledge_base()
    text = "تحققت إنجازات كبيرة في عهد الملك سلمان، ورفع الأهالي الشكر للملك سلمان."
    mentions = [Mention(m.start(), m.end(), "سلمان", "PER") for m in re.finditer("سلمان", text)]
    linked, _ = link_mentions(text, mentions, kb, "2015-07-21")
    assert [m.entity for m in linked] == ["kb:salman-bin-abdulaziz"] * 2


def test_a_thing_the_knowledge_base_knows_as_a_body_is_an_organization_but_a_place_stays_one() -> None:
    kb = load_knowledge_base()
    text = "وقال المتحدث باسم البيت الأبيض إن الرئيس سيزور المنطقة، وقصفت الطائرات منطقة القاعدة."
    mentions = _mentions(text, ("البيت الأبيض", "MISC"), ("القاعدة", "LOC"))
    linked, _ = link_mentions(text, mentions, kb, "2015-07-21")
    assert [(m.text, m.type) for m in linked] == [("البيت الأبيض", "ORG"), ("القاعدة", "LOC")]
