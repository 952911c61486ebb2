"""Bodies named by their kind and what they do: جمعية المنتجين والموزعين السعوديين, الهيئة العامة
للغذاء والدواء, عمادة شؤون القبول والتسجيل, مستشفى الولادة والأطفال.

ANERcorp tags few of them (a department, a committee, a hospital), and the tagger trained on it
finds them seldom, yet news names them in every other report. A body's name is its kind (a head
noun: جمعية, هيئة, لجنة, مستشفى ...) followed by its genitive: indefinite nouns of a construct up
to the first definite one (عمادة شؤون القبول), definite words after it (adjectives, nouns joined by
و), and one "لل" complement with its own (للغذاء والدواء). A definite head needs that complement
(الهيئة العامة للغذاء والدواء) or two nisba adjectives (المحكمة الجنائية الدولية); without,
"الهيئة" or "المجلس البلدي" is the body the article speaks of, not its name. Words that name
no body end it or rule it out: a title or rank (مؤسسة الملك, إدارة الدكتور: a person's name
follows), a board or management of something else (مجلس الإدارة, إدارة النادي), an ordinal or a
word that points (التالية, التابع).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from marsad.arabic.cues import TITLE_HEADS
from marsad.ner.tokens import Token, folded_words, lookup_form, strip_clitics

#: The kinds of bodies, folded, without ال.
HEADS = folded_words(
    "جمعية هيئة لجنة مجلس وزارة منظمة مؤسسة شركة جامعة كلية معهد عمادة مديرية صندوق "
    "اتحاد رابطة نقابة وكالة محكمة أمانة بلدية مستشفى مركز مفوضية بورصة قنصلية بنك مصرف"
)
#: Heads that name a body only defined further (الإدارة العامة للتعليم): an indefinite إدارة is
#: mostly the verbal noun ("إدارة المعارك", "إدارة الشركة"); a مركز or صندوق of one word mostly a
#: unit or a thing (مركز الشرطة, مركز التدريب, صندوق التحكم), not a body's name.
_DEFINITE_ONLY = folded_words("إدارة")
_TWO_WORDS_AT_LEAST = folded_words("مركز صندوق")
_INDEFINITE_HEADS = HEADS - _DEFINITE_ONLY
_DEFINITE_HEADS = HEADS | _DEFINITE_ONLY
#: Words a body's name never holds: prepositions, relatives, pointers.
_STOPS = folded_words(
    "في على من إلى الى عن مع الذي التي الذين والذي والتي والذين هذا هذه ذلك خلال بين بعد قبل عند حول ضد "
    "منذ حتى دون غير"
)
#: Words that end no body's name: a person's title (a name follows), a body's own parts or
#: someone else's (مجلس الإدارة, إدارة النادي), words that point or order.
_NOT_A_NAME_END = folded_words(
    "الملك الأمير الشيخ الدكتور المهندس الأستاذ الإمام الرئيس الإدارة النادي الجامعة الشركة "
    "المنطقة المحافظة المدينة الوزارة الهيئة الجمعية المجلس اللجنة المركز الفريق المهرجان "
    "التالية التالي التابع التابعة الأول الثاني الثالث الأولى الثانية الثالثة الحالي الحالية "
    "الجديد الجديدة المقبل المقبلة الماضي الماضية التدريس الكرة"
)
#: Bodies that are no kind of name, joined to one by و ("مجلس النواب والحكومة").
_OTHER_BODIES = folded_words("حكومة سلطة سلطات قوات")
#: Words after a head that make it a part of another body (مجلس إدارة, مجلس أمناء).
_BOARD_OF = folded_words("إدارة الإدارة أمناء")
#: The longest name, in words after the head.
_MAX_WORDS = 7


#: Adjectives of bodies' names that are neither nisba nor participle.
_ADJECTIVES = folded_words("العام العامة الأعلى العليا الكبرى الأحمر الأخضر الأهلي الأهلية")


def _adjective(form: str) -> bool:
    """Whether a definite word after the first one describes it (الوطني, المتحدة, العامة), not a
    noun after the name: its object or the next phrase ("شركة الاتصالات المشغلة الاتهامات")."""
    return form.endswith(("ي", "يه", "يين", "يون")) or form.startswith("الم") or form in _ADJECTIVES


#: Words after و that begin the next person's title or another body, not more of the name.
_NEXT_ONES = TITLE_HEADS | HEADS | _OTHER_BODIES


def _next_one(form: str) -> bool:
    """والمتحدث الإعلامي, والحكومة: the next person's title or body after a body's name."""
    return form[2:] in _NEXT_ONES


def body_spans(tokens: list[Token]) -> Iterator[tuple[int, int, int]]:
    """(first token, end token, letters of a clitic before the head) of each body named in one
    sentence's tokens."""
    forms = [lookup_form(token.text) for token in tokens]
    i = 0
    while i < len(tokens):
        head = _head(forms[i])
        end = _name_end(tokens, forms, i, definite=head[1]) if head else i + 1
        if head and end > i + (2 if head[2] in _TWO_WORDS_AT_LEAST else 1):
            yield i, end, head[0]
            i = end
        else:
            i += 1


@lru_cache(maxsize=200_000)
def _head(form: str) -> tuple[int, bool, str] | None:
    """(letters of a clitic before it, definite, the head) when `form` is a body's kind."""
    if form in _INDEFINITE_HEADS:
        return 0, False, form
    clitics, bare = strip_clitics(form)
    if bare in _INDEFINITE_HEADS and clitics in ("و", "ب", "ل", "ف", "وب", "ول"):
        return len(clitics), False, bare
    for article in ("ال", "وال", "بال", "فال"):
        if form.startswith(article) and form[len(article) :] in _DEFINITE_HEADS:
            return len(article) - 2, True, form[len(article) :]
    return None


def _name_end(tokens: list[Token], forms: list[str], at: int, *, definite: bool) -> int:
    """The end token of the body's name whose head is at `at` (at + 1: none)."""
    if at + 1 < len(forms) and forms[at + 1] in _BOARD_OF:
        return at + 1  # مجلس إدارة الغرفة: the board of a body named elsewhere
    end, seen_definite, complement = at + 1, definite, False
    while end < len(tokens) and end - at <= _MAX_WORDS:
        form = forms[end]
        if not tokens[end].text.isalpha() or form in _STOPS:
            break
        if form.startswith("لل"):
            # the complement of a name (الإدارة العامة للتعليم, هيئة الطيران المدني للسلامة), not
            # of an indefinite noun (مركز للنساء, مجلس إدارة للجمعية) or a bare definite one
            # (المركز للمتعافين, البلدية للعام المالي)
            if complement or not seen_definite or (definite and end == at + 1):
                break
            complement = True
        elif form.startswith("ال") and (not seen_definite or _adjective(form)):
            seen_definite = True
        elif not (
            (form.startswith("وال") and seen_definite and not _next_one(form[1:]))
            # one indefinite noun of a construct before the definite one: عمادة شؤون القبول
            or (end == at + 1 and not seen_definite and _construct_noun(form))
        ):
            break
        end += 1
    while end > at + 1 and not forms[end - 1].startswith(("ال", "لل", "وال")):
        end -= 1  # a construct left without its definite noun names nothing
    described = _described(forms[at + 1 : end]) and not forms[at].endswith("شركه")
    if end == at + 1 or (definite and not complement and not described):
        return at + 1
    return end if forms[end - 1] not in _NOT_A_NAME_END else at + 1


def _construct_noun(form: str) -> bool:
    """Whether a word after an indefinite head may be the noun of its construct: not one with a
    clitic (بحي, لتوطين, والمجلس, وإدارة: another body) or a verb's future prefix (ستعلن). A first
    و, ف, ك, س is mostly the word's own (هيئة كبار العلماء, اتحاد كرة القدم, مجلس وزراء الداخلية,
    هيئة سوق المال)."""
    return not (
        form.startswith(("ب", "ل", "وو"))
        or form[1:].startswith("ال")
        or (form.startswith("و") and (form[1:] in _NEXT_ONES or form[1:] in _DEFINITE_ONLY))
        or (form.startswith("س") and form[1:2] in ("ي", "ت", "ن"))
    )


def _described(forms: list[str]) -> bool:
    """Whether a definite head's words are two nisba adjectives or more: a name ("المحكمة
    الجنائية الدولية", "اللجنة الأولمبية السعودية"), not the body spoken of ("المجلس البلدي",
    "اللجنة الوزارية المكلفة"; a company so described is one of a market's: "الشركة الصينية
    المنافسة")."""
    return len(forms) >= 2 and all(form.startswith("ال") and form.endswith(("ي", "يه")) for form in forms)
