"""The entity registry: one id per referent across articles, curation replayed, dated roles."""

import json
from datetime import datetime

from marsad.arabic.names import name_key
from marsad.corpus.registry import EntityRegistry
from marsad.kb.base import load_knowledge_base
from marsad.model import Article, Entity, Mention, Quote, Role
from marsad.store.entities import EntityRule
from tests.conftest import make_article


def _article(article_id: str, text: str, names: list[tuple[str, str]], **fields: object) -> Article:
    mentions, entities, cursor = [], {}, 0
    for name, entity_id in names:
        start = text.index(name, cursor)
        cursor = start + len(name)
        mentions.append(Mention(start, cursor, name, "PER", entity_id))
        entities.setdefault(entity_id, Entity(entity_id, name, "PER", (name,)))
    return make_article(article_id, text, mentions=tuple(mentions), entities=entities, **fields)


def test_variants_and_surnames_across_articles_get_one_id() -> None:
    registry = EntityRegistry([], [], load_knowledge_base())
    first = _article(
        "a", "قال فايز مرعي الدباغ إن الوفد وصل.", [("فايز مرعي الدباغ", "per:fayz-mri-al-dbagh")]
    )
    spelled = _article(
        "b", "قال فائز مرعى الدبّاغ إن الوفد غادر.", [("فائز مرعى الدبّاغ", "per:fayz-mri-al-dbagh-2")]
    )
    short = _article("c", "وأكد فايز الدباغ أن المحادثات مستمرة.", [("فايز الدباغ", "per:fayz-al-dbagh")])
    other = _article("d", "وقال سامي الدباغ إن السوق هادئة.", [("سامي الدباغ", "per:sami-al-dbagh")])
    foreign = _article(
        "e", "قال ماتياس فالغرين إن الجولة انتهت.", [("ماتياس فالغرين", "per:matyas-falghrin")]
    )
    variant = _article(
        "f", "وأكد ماثياس فالجرين أن الجولة انتهت.", [("ماثياس فالجرين", "per:mathyas-faljrin")]
    )
    surname = _article("g", "وقال فالقرين إن الوفود غادرت.", [("فالقرين", "per:falqrin")])
    done = registry.apply([first, spelled, short, other, foreign, variant, surname])
    ids = [a.mentions[0].entity for a in done]
    assert ids[:3] == ["per:fayz-mri-al-dbagh"] * 3
    assert ids[3] == "per:sami-al-dbagh"
    assert ids[4:] == ["per:matyas-falghrin"] * 3


def test_a_longer_chain_of_forefathers_names_is_the_same_person() -> None:
    registry = EntityRegistry([], [], load_knowledge_base())
    named = _article(
        "a",
        "أعلنت القيادة العامة للقوات المسلحة استشهاد الرقيب سيف يوسف الفلاسي في اليمن.",
        [("سيف يوسف الفلاسي", "per:sif-yusf-al-flasi")],
    )
    longer = _article(
        "b",
        "وجه ولي ولي العهد بمعاملة الشهيد سيف يوسف أحمد الفلاسي معاملة الشهيد السعودي.",
        [("سيف يوسف أحمد الفلاسي", "per:sif-yusf-ahmd-al-flasi")],
    )
    short = _article(
        "c", "وكتبت أم الشهيد رسالة لأم الشهيد سيف الفلاسي.", [("سيف الفلاسي", "per:sif-al-flasi")]
    )
    # Another father: another man of the same first and family name.
    cousin = _article(
        "d", "وفاز سيف راشد الفلاسي بسباق القدرة في دبي.", [("سيف راشد الفلاسي", "per:sif-rashd-al-flasi")]
    )
    # A family branch (آل جرمان) is no forefather.
    branch = _article("e", "وقال علي آل جرمان إن القافلة وصلت.", [("علي آل جرمان", "per:li-al-jrman")])
    branch_longer = _article(
        "f", "وأكد علي عمير آل جرمان أن القافلة عادت.", [("علي عمير آل جرمان", "per:li-mir-al-jrman")]
    )
    done = registry.apply([named, longer, short, cousin, branch, branch_longer])
    ids = [a.mentions[0].entity for a in done]
    assert ids == ["per:sif-yusf-al-flasi"] * 3 + ["per:sif-rashd-al-flasi"] + ["per:li-al-jrman"] * 2


def _person(article_id: str, text: str, entity_id: str, *names: str) -> Article:
    """An article naming one person by `names` (the fullest first), each written once in `text`."""
    mentions = tuple(
        Mention(text.index(name), text.index(name) + len(name), name, "PER", entity_id) for name in names
    )
    entity = Entity(entity_id, names[0], "PER", names)
    return make_article(article_id, text, mentions=mentions, entities={entity_id: entity})


def test_a_lone_given_name_joins_no_one_across_articles() -> None:
    registry = EntityRegistry([], [], load_knowledge_base())
    lone = _person("a", "وقال خالد إن الأسعار ارتفعت.", "per:khald", "خالد")
    harbi = _person(
        "b", "افتتح خالد الحربي المعرض. وقال خالد إن الزوار كثر.", "per:khald-al-hrbi", "خالد الحربي", "خالد"
    )
    otaibi = _person(
        "c",
        "وأعلن خالد العتيبي النتائج. وأضاف خالد أن اللجنة راضية.",
        "per:khald-al-tibi",
        "خالد العتيبي",
        "خالد",
    )
    again = _person("d", "وقال خالد إن المتجر أغلق.", "per:khald", "خالد")
    # Two men of one family: the family name alone they share names neither of them.
    jamal_text = "قال جمال مظلوم إن الجيش انسحب. وأكد مظلوم أن الهدنة صامدة."
    jamal = _person("e", jamal_text, "per:jmal-mzlum", "جمال مظلوم", "مظلوم")
    samir_text = "قال سمير مظلوم إن الحكومة استقالت. وأضاف مظلوم أن الأزمة طويلة."
    samir = _person("f", samir_text, "per:smir-mzlum", "سمير مظلوم", "مظلوم")
    family = _person("g", "ورأى مظلوم أن الحل سياسي.", "per:mzlum", "مظلوم")
    done = registry.apply([lone, harbi, otaibi, again, jamal, samir, family])
    ids = [a.mentions[0].entity for a in done]
    assert ids[:4] == ["per:khald", "per:khald-al-hrbi", "per:khald-al-tibi", "per:khald"]
    assert ids[4:] == ["per:jmal-mzlum", "per:smir-mzlum", "per:mzlum"]


def test_a_spelling_chain_does_not_drift_from_the_name_it_began_with() -> None:
    registry = EntityRegistry([], [], load_knowledge_base())
    first = _person("a", "وقال محمد أمين إن المشروع اكتمل.", "per:mhmd-amin", "محمد أمين")
    # Close enough for the name matcher: a spelling of his name, which becomes a name of his.
    near = _person("b", "وقال محمد أمان إن المشروع اكتمل.", "per:mhmd-aman", "محمد أمان")
    # Close to that spelling (the matcher scores العمادي 0.8 like أمان), far from أمين: another man.
    far = _person("c", "وأكد محمد العمادي أن الموسم انطلق.", "per:mhmd-al-madi", "محمد العمادي")
    done = registry.apply([first, near, far])
    assert [a.mentions[0].entity for a in done] == ["per:mhmd-amin", "per:mhmd-amin", "per:mhmd-al-madi"]


def test_rewritten_ids_reach_entities_and_quotes() -> None:
    registry = EntityRegistry([], [], load_knowledge_base())
    registry.apply([_article("a", "قال نايف البكري إن عدن آمنة.", [("نايف البكري", "per:nayf-al-bkri")])])
    text = "وقال نائف البكرى إن المطار يعمل."
    article = _article("b", text, [("نائف البكرى", "per:nayf-al-bkra")])
    quote = Quote(0, len(text), text, "per:nayf-al-bkra", None, "قال", False)
    done = registry.apply_one(Article(**{**_fields(article), "quotes": (quote,)}))
    assert done.mentions[0].entity == "per:nayf-al-bkri"
    assert set(done.entities) == {"per:nayf-al-bkri"}
    assert done.quotes[0].speaker == "per:nayf-al-bkri"


def _fields(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in article.__slots__}  # type: ignore[attr-defined]


def test_curation_rules_are_replayed() -> None:
    rules = [
        EntityRule("merge", "per:old", "per:keep"),
        EntityRule("alias", "kb:houthis", "أنصار الشريعة الزيدية"),
        EntityRule("split", "per:keep", '{"variants": ["محمد"], "into": "per:another"}'),
    ]
    registry = EntityRegistry([], rules, load_knowledge_base())
    text = "قال الزيدي ثم محمد إن أنصار الشريعة الزيدية تقدموا."
    article = _article(
        "a", text, [("الزيدي", "per:old"), ("محمد", "per:keep"), ("أنصار الشريعة الزيدية", "org:x")]
    )
    done = registry.apply_one(article)
    assert [m.entity for m in done.mentions] == ["per:keep", "per:another", "kb:houthis"]


def test_dated_roles_learned_from_the_corpus() -> None:
    registry = EntityRegistry([], [], load_knowledge_base())
    entity = Entity(
        "per:krym-al-hdad",
        "كريم الحداد",
        "PER",
        roles=(Role("مدير منظمة الإغاثة الدولية", "2015-07-20", "2015-07-20"),),
    )
    text = "قال كريم الحداد إن المساعدات وصلت."
    article = make_article(
        "a", text, mentions=(Mention(4, 15, "كريم الحداد", "PER", entity.id),), entities={entity.id: entity}
    )
    registry.apply([article])
    assert registry.holder("مدير منظمة الإغاثة الدولية", "2015-08-01") == "per:krym-al-hdad"
    assert registry.holder("مدير منظمة الإغاثة الدولية", "2016-08-01") is None
    assert registry.holder("الأمين العام للأمم المتحدة", "2015-08-01") == "kb:ban-ki-moon"


def _titled(entity_id: str, name: str, title: str, sentence: str) -> Article:
    """An article naming a person with a title on 20 July 2015 ("{}" in `sentence`: title and name)."""
    entity = Entity(entity_id, name, "PER", (name,), roles=(Role(title, "2015-07-20", "2015-07-20"),))
    text = sentence.format(f"{title} {name}")
    start = text.index(name)
    mention = Mention(start, start + len(name), name, "PER", entity_id)
    return make_article("a", text, mentions=(mention,), entities={entity_id: entity})


def test_a_title_alone_links_to_whoever_the_corpus_gave_it_around_that_date() -> None:
    registry = EntityRegistry([], [], load_knowledge_base())
    named = _titled(
        "per:krym-al-hdad", "كريم الحداد", "مدير منظمة الإغاثة الدولية", "قال {} إن المساعدات وصلت."
    )
    alone = "وأعلن مدير منظمة الإغاثة الدولية أن القوافل ستصل إلى المدينة غدا."
    weeks_later = make_article("b", alone, published_at=datetime(2015, 8, 2))
    next_year = make_article("c", alone, published_at=datetime(2016, 8, 2))
    _, linked, unknown = registry.apply([named, weeks_later, next_year])
    title = alone[alone.index("مدير") : alone.index(" أن")]
    assert [(m.text, m.entity) for m in linked.mentions] == [(title, "per:krym-al-hdad")]
    assert linked.entities["per:krym-al-hdad"].name == "كريم الحداد"
    assert linked.entities["per:krym-al-hdad"].variants == ()
    assert unknown.mentions == ()


def test_a_title_of_an_unnamed_or_another_body_or_before_a_name_links_to_no_one() -> None:
    registry = EntityRegistry([], [], load_knowledge_base())
    named = _titled(
        "per:bdalziz-al-khriji", "عبدالعزيز الخريجي", "رئيس مجلس الإدارة", "وقال {} إن الحفل نجح."
    )
    # إدارة governs شركة: the title is Hyundai's chairman's, not the chairman's of the first article
    day = datetime(2015, 7, 21)
    met = "والتقى العواجي رئيس مجلس إدارة شركة هيونداي الكورية أمس."
    other_body = make_article("b", met, published_at=day)
    ranked = "يتقدمهم رئيس مجلس الإدارة المهندس منصور القحطاني."
    start = ranked.index("منصور")
    named_after_rank = make_article(
        "c",
        ranked,
        mentions=(Mention(start, start + 13, "منصور القحطاني", "PER", "per:mnsur-al-qhtani"),),
        published_at=day,
    )
    same_body = make_article("d", "وأعلن رئيس مجلس الإدارة أن الجمعية العمومية ستنعقد غدا.", published_at=day)
    _, hyundai, ranked_done, alone = registry.apply([named, other_body, named_after_rank, same_body])
    assert [m.entity for m in hyundai.mentions] == []
    assert [m.entity for m in ranked_done.mentions] == ["per:mnsur-al-qhtani"]
    # "رئيس مجلس الإدارة" alone is the chairman of whatever body this article reports on
    assert [m.entity for m in alone.mentions] == []


def test_a_split_replayed_on_reanalysis_moves_the_quotes_of_the_moved_name() -> None:
    split = json.dumps({"variants": [name_key("الجابر")], "into": "per:al-jabir"})
    registry = EntityRegistry([], [EntityRule("split", "per:sami-al-jabir", split)], load_knowledge_base())
    text = "قال سامي الجابر إن الفريق جاهز. وقال الجابر إنه سيعود."
    article = _article("a", text, [("سامي الجابر", "per:sami-al-jabir"), ("الجابر", "per:sami-al-jabir")])
    quotes = (
        Quote(0, 31, text[:31], "per:sami-al-jabir", "سامي الجابر", "قال", False),
        Quote(32, len(text), text[32:], "per:sami-al-jabir", "الجابر", "قال", False),
    )
    done = registry.apply_one(Article(**{**_fields(article), "quotes": quotes}))
    assert [m.entity for m in done.mentions] == ["per:sami-al-jabir", "per:al-jabir"]
    assert [q.speaker for q in done.quotes] == ["per:sami-al-jabir", "per:al-jabir"]
