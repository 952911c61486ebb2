"""Places the entities stage tags in most of their uses are tagged in the others too."""

from collections.abc import Callable

from marsad.model import Article, Mention
from marsad.ner.usual_places import count_uses, usual
from marsad.stages.entities import find_mentions

_PLACES = {"الطايف", "ليون", "تعز"}


def _article(text: str, *places: str) -> Article:
    mentions, cursor = [], 0
    for place in places:
        start = text.index(place, cursor)
        mentions.append(Mention(start, start + len(place), place, "LOC"))
        cursor = start + len(place)
    return Article(id=str(hash(text)), source="test", text=text, mentions=tuple(mentions))


def test_places_are_counted_per_written_form_and_listed_when_mostly_tagged() -> None:
    articles = [
        _article("وصل الوفد إلى الطائف أمس، ثم زار الطائف مرة أخرى.", "الطائف", "الطائف"),
        _article("افتتح المعرض بالطائف وسط حضور كبير.", "الطائف"),
        _article("وقعت حادثة في الطائف أمس.", *()),
        # billion, not Lyon: a clitic's letter that the place's written form never takes
        _article("في ليون بلغت الخسائر بليون دولار.", "ليون"),
        _article("أنفقت الشركة بليون دولار."),
    ]
    tagged, untagged, seen = count_uses(articles, _PLACES.__contains__)
    assert tagged[("الطايف", "الطايف")] == 2 and untagged[("الطايف", "الطايف")] == 1
    assert tagged[("بالطايف", "الطايف")] == 1
    assert untagged[("بليون", "ليون")] == 2 and not tagged[("بليون", "ليون")]
    assert usual(tagged, untagged, seen, share=0.6, least=1) == [
        ("الطايف", "الطايف"),
        ("بالطايف", "الطايف"),
        ("ليون", "ليون"),
    ]
    assert ("الطايف", "الطايف") not in usual(tagged, untagged, seen, share=0.7, least=1)


def _tagging(spans: dict[str, str]) -> Callable[[list[list[str]]], list[list[str]]]:
    return lambda groups: [[spans.get(token, "O") for token in group] for group in groups]


def test_a_usual_place_is_tagged_where_the_tagger_left_it_but_not_inside_another_name() -> None:
    usual_places = {"الطايف": 0, "بالطايف": 1}
    text = "وقعت حادثة تحرش بفتاة في الطائف أمس، وافتتح المعرض بالطائف. ومن لطائف القدر أنه نجا."
    found = find_mentions(text, _tagging({}), lambda form: 0.0, usual_places=usual_places)
    assert [(m.text, m.type) for m in found] == [("الطائف", "LOC"), ("الطائف", "LOC")]
    assert text[found[1].start - 1] == "ب"
    text = "وأعلنت جامعة الطائف نتائج القبول."
    tag = _tagging({"جامعة": "B-ORG", "الطائف": "I-ORG"})
    found = find_mentions(text, tag, lambda form: 0.0, usual_places=usual_places)
    assert [(m.text, m.type) for m in found] == [("جامعة الطائف", "ORG")]
