import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic.keys import fold, fold_with_offsets, index_text, search_key, search_tokens

arabic_text = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءؤئـًٌٍَُِّْ ٠١٢٣ .،")), max_size=60
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("الأطلسي", "الاطلسي"),
        ("الأطلسيّ", "الاطلسي"),
        ("فائز", "فايز"),
        ("مصطفى", "مصطفي"),
        ("الحكومة", "الحكومه"),
        ("إيـــران", "ايران"),
        ("١٤ مايو", "14 مايو"),
        ("آذار", "اذار"),
    ],
    ids=[
        "hamza-seat",
        "shadda",
        "hamza-on-yeh",
        "alef-maqsura",
        "teh-marbuta",
        "tatweel",
        "indic-digits",
        "madda",
    ],
)
def test_fold_equates_spelling_variants(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("حفتر", "السراج"), ("قطر", "قطع"), ("ستولتنبرغ", "ستولتنبرج")],
    ids=["names", "letters", "g-variant-is-linking-not-folding"],
)
def test_fold_keeps_different_words_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


@given(arabic_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(arabic_text)
def test_fold_offsets_point_back_into_text(text: str) -> None:
    key, where = fold_with_offsets(text)
    assert len(key) == len(where)
    assert all(key[j] in fold(text[i]) for j, i in enumerate(where))


mixed_text = st.text(alphabet=st.sampled_from(list("الأطلسيّـ ٣ İIaB\u200fé")), max_size=40)


@given(mixed_text)
def test_fold_with_offsets_maps_every_kept_code_point_back(text: str) -> None:
    pieces = [(fold(ch), i) for i, ch in enumerate(text)]
    expected_key = "".join(p for p, _ in pieces)
    expected_where = [i for p, i in pieces for _ in p]
    assert fold(text) == expected_key
    assert fold_with_offsets(text) == (expected_key, expected_where)


@given(arabic_text)
def test_search_token_spans_are_words_of_the_text(text: str) -> None:
    for key, start, end in search_tokens(text):
        assert 0 <= start < end <= len(text)
        assert search_key(text[start:end]) == key


@pytest.mark.parametrize("word", ["بالناتو", "والناتو", "للناتو", "الناتو", "ناتو"])
def test_clitics_share_one_search_key(word: str) -> None:
    assert search_key(word) == search_key("الناتو")


def test_index_text_is_keys_in_order() -> None:
    assert index_text("قال ستولتنبرغ للصحفيين") == " ".join(
        search_key(w) for w in ["قال", "ستولتنبرغ", "للصحفيين"]
    )
