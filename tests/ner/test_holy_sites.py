"""The Hajj's holy sites are places in Hajj news, and names of people elsewhere."""

from marsad.ner.holy_sites import about_hajj, site_spans
from marsad.ner.tokens import lookup_form, tokenize
from marsad.stages.entities import find_mentions

HAJJ = (
    "تفقد الوزير مشعر منى ومستشفى منى الطوارئ، ثم انتقل إلى عرفات وبمزدلفة، استعدادا لموسم الحج، "
    "حيث يصل الحجاج إلى المشاعر المقدسة بعد أسبوعين. وحضرت السيدة منى الحفل."
)


def test_an_article_about_the_hajj_is_told_by_its_words() -> None:
    assert about_hajj([lookup_form(token.text) for token in tokenize(HAJJ)])
    column = "تحدثت منى الشهري عن ذكرى ياسر عرفات في ندوة ثقافية بجدة."
    assert not about_hajj([lookup_form(token.text) for token in tokenize(column)])


def test_the_sites_are_places_unless_a_person_or_a_hospital_is_named() -> None:
    found = [HAJJ[start:end] for start, end in site_spans(tokenize(HAJJ))]
    # not the hospital's name, nor the lady منى
    assert found == ["منى", "عرفات", "مزدلفة"]


def test_the_entities_stage_tags_the_sites_only_in_hajj_articles() -> None:
    def tag(groups: list[list[str]]) -> list[list[str]]:
        return [["O"] * len(group) for group in groups]

    # the hospital is a body by its kind (marsad.ner.bodies), not the site
    assert [(m.text, m.type) for m in find_mentions(HAJJ, tag, lambda form: 0.0)] == [
        ("منى", "LOC"),
        ("مستشفى منى الطوارئ", "ORG"),
        ("عرفات", "LOC"),
        ("مزدلفة", "LOC"),
    ]
    assert find_mentions("تحدثت منى عن عرفات في ندوة ثقافية.", tag, lambda form: 0.0) == []
