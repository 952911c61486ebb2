"""The shipped model: clitic spans with its real word statistics, and a sanity floor on news text."""

from __future__ import annotations

import pytest

from marsad.ner.tagger import Tagger
from marsad.stages.entities import find_mentions


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger.load()


@pytest.mark.parametrize(
    ("token", "name"),
    [
        ("بالناتو", "الناتو"),
        ("لستولتنبرغ", "ستولتنبرغ"),
        ("وفايز", "فايز"),
        ("والسعودية", "السعودية"),
        ("للسعودية", "سعودية"),
        ("بغداد", "بغداد"),
        ("لبنان", "لبنان"),
        ("واشنطن", "واشنطن"),
        ("فيصل", "فيصل"),
        ("ولبنان", "لبنان"),
        ("وياسر", "ياسر"),
    ],
    ids=[
        "bi-al",
        "li",
        "wa",
        "wa-al",
        "lil",
        "baghdad",
        "lebanon",
        "washington",
        "faisal",
        "wa-lebanon",
        "wa-yasir",
    ],
)
def test_a_mention_s_span_holds_the_name_without_clitics(tagger: Tagger, token: str, name: str) -> None:
    def tag_the_name(sentences: list[list[str]]) -> list[list[str]]:
        return [["B-PER" if t == token else "O" for t in s] for s in sentences]

    text = f"وقال مصدر إن {token} سيحضر الاجتماع."
    [mention] = find_mentions(text, tag_the_name, tagger.word_frequency)
    assert mention.text == name and text[mention.start : mention.end] == name


@pytest.mark.parametrize(
    ("quoted", "name"),
    [("«وايرد»", "وايرد"), ("«بالحرب الإمبريالية»", "الحرب الإمبريالية")],
    ids=["conjunction-stays-outside-marks", "quoted-preposition"],
)
def test_a_quoted_name_keeps_its_waw_but_not_a_quoted_preposition(
    tagger: Tagger, quoted: str, name: str
) -> None:
    def tag_the_name(sentences: list[list[str]]) -> list[list[str]]:
        tags = []
        for sentence in sentences:
            inside = [t.strip("«»") and t.strip("«»") in quoted for t in sentence]
            tags.append(
                [("I-ORG" if any(inside[:i]) else "B-ORG") if x else "O" for i, x in enumerate(inside)]
            )
        return tags

    text = f"وكتب الصحفي في {quoted} مقالا."
    [mention] = find_mentions(text, tag_the_name, tagger.word_frequency)
    assert mention.text == name


def test_news_sentence_finds_people_places_and_organizations(tagger: Tagger) -> None:
    text = (
        "أعلن وزير الخارجية الأمريكي جون كيري في القاهرة أمس أن الولايات المتحدة ستدعم جهود الأمم المتحدة"
        " لإنهاء الأزمة في سوريا."
    )
    found = {(m.text, m.type) for m in find_mentions(text, tagger.tag_tokens, tagger.word_frequency)}
    assert {("جون كيري", "PER"), ("القاهرة", "LOC"), ("سوريا", "LOC")} <= found
    assert any(kind == "ORG" and "الأمم المتحدة" in name for name, kind in found)
