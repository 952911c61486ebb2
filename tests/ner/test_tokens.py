import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.ner.tokens import lookup_form, sentences, strip_clitics, tokenize


@given(
    st.text(
        alphabet=st.sampled_from(list('ابتثجحخدذرزسشصضطظعغفقكلمنهوي ًٌٍَُِّْـ٠١٢ 0123456789abcXYZ.،؛:«»"()-\n')),
        max_size=80,
    )
)
def test_tokens_are_slices_of_the_text(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.text.strip() == token.text


def test_mixed_arabic_latin_digits_and_punctuation() -> None:
    text = "أعلنت شركة Apple عن iPhone 15 بسعر 3.5 مليون ريال (تقريبا)."
    assert [t.text for t in tokenize(text)] == [
        "أعلنت",
        "شركة",
        "Apple",
        "عن",
        "iPhone",
        "15",
        "بسعر",
        "3.5",
        "مليون",
        "ريال",
        "(",
        "تقريبا",
        ")",
        ".",
    ]


def test_harakat_stay_inside_their_word() -> None:
    assert [t.text for t in tokenize("قالَ مُحَمَّدٌ")] == ["قالَ", "مُحَمَّدٌ"]


def test_very_long_sentence_is_cut_into_bounded_pieces() -> None:
    text = " ".join(["كلمة"] * 1000)
    pieces = sentences(text, limit=120)
    assert sum(len(p) for p in pieces) == 1000 and max(len(p) for p in pieces) == 120


def test_empty_text_has_no_sentences() -> None:
    assert sentences("") == [] and sentences("  \n\n ") == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("بالناتو", ("بال", "ناتو")),
        ("وفايز", ("و", "فايز")),
        ("لستولتنبرغ", ("ل", "ستولتنبرغ")),
        ("ولي", ("", "ولي")),
    ],
    ids=["bal", "wa", "li", "short"],
)
def test_strip_clitics(word: str, expected: tuple[str, str]) -> None:
    assert strip_clitics(lookup_form(word)) == expected
