"""The holy sites of the Hajj, in Hajj news.

Reports on the pilgrimage name منى, عرفات and مزدلفة in every paragraph (مشعر منى, مستشفى شرق
عرفات, النفرة إلى مزدلفة); the tagger, trained on ANERcorp, where منى is a woman and عرفات a Palestinian
leader, tagged منى in 5 of 38 sentences of Hajj articles naming it and عرفات in none of 17. In an
article about the Hajj (several of its words: الحج, الحجاج, المشاعر المقدسة) they are places, unless
a person's title or first name comes right before (السيدة منى, ياسر عرفات), or a hospital's
head noun (مستشفى منى الطوارئ is one hospital's name of four).
"""

from __future__ import annotations

from collections.abc import Iterator

from marsad.ner.tokens import Token, folded_words, lookup_form, strip_clitics, uses_of

#: The sites, folded, as written alone or after a clitic (بمنى, وعرفات, والمزدلفة).
SITES = folded_words("منى عرفات مزدلفة المزدلفة")
#: Words of Hajj news; an article with `HAJJ_WORDS_NEEDED` of them is about the Hajj.
_HAJJ_WORDS = folded_words("حج الحج حجاج الحجاج المشاعر مشاعر الحاج الحجيج")
HAJJ_WORDS_NEEDED = 3
#: Words after which منى or عرفات is a person's name, or begins a hospital's (مستشفى منى الطوارئ,
#: مستشفى منى الجسر: four hospitals, which the site alone would make one).
_NOT_AFTER = folded_words(
    "ياسر السيدة الطالبة الدكتورة الأستاذة الفنانة المواطنة الزميلة الكاتبة الشاعرة مستشفى"
)


def about_hajj(forms: list[str]) -> bool:
    """Whether an article's folded words are those of Hajj news."""
    return uses_of(forms, _HAJJ_WORDS) >= HAJJ_WORDS_NEEDED


def site_spans(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """(start, end) of each holy site named in one sentence's tokens of a Hajj article, clitics
    outside (بمنى: منى)."""
    for i, token in enumerate(tokens):
        form = lookup_form(token.text)
        before = lookup_form(tokens[i - 1].text) if i else ""
        if before in _NOT_AFTER or strip_clitics(before)[1] in _NOT_AFTER:
            continue
        if form in SITES:
            yield token.start, token.end
            continue
        clitics, bare = strip_clitics(form)
        site = (
            bare if bare in SITES else "ال" + bare if clitics.endswith("ال") and "ال" + bare in SITES else ""
        )
        if site and len(form) == len(token.text):  # marks in the word leave no index
            yield token.end - len(site), token.end
