"""Saudi football clubs, in sports news.

Sports are a tenth of Saudi news, and their organizations are clubs whose names are common words
(الهلال "the crescent", الشباب "the youth", التعاون "cooperation", الاتفاق "the agreement"). The
tagger, trained on ANERcorp, tagged الهلال in 9 of 40 sports sentences that name it, الاتفاق in
1, التعاون, الرائد, النهضة and الاتحاد (the club) in none. In an article about sports (several of
its words: مباراة, الدوري, لاعب, المدرب ...) a club's name is an organization: the names that are
seldom anything else there (الهلال, الأهلي, النصر) wherever they stand, unless the words beside
them make them a common word's complement or adjective (تحقيق النصر, التعليم الأهلي, الهلال
الأحمر); the others (الشباب, التعاون, الاتحاد, الحزم of عاصفة الحزم) only where the word
before says a club follows (لاعب, مدرب, فريق, فاز, أمام, ضد) or another club stands just before
them (الهلال والشباب, فوز الأهلي على الاتفاق).
"""

from __future__ import annotations

from collections.abc import Iterator

from marsad.ner.tokens import Token, folded_words, lookup_form, strip_clitics, uses_of

#: Clubs whose name is seldom anything else in sports news (bare forms: clitics and ال off).
CLUBS = folded_words("هلال أهلي نصر فتح فيصلي طائي عروبة شعلة قادسية إسماعيلي زمالك باطن")
#: Clubs whose name is as often a common word there: tagged only after a club's context.
AMBIGUOUS_CLUBS = folded_words("اتحاد شباب تعاون اتفاق رائد خليج وحدة نهضة أنصار حزم")
#: Words after which a name is a club (or the federation: an organization either way).
_CLUB_CONTEXT = folded_words(
    "نادي فريق لاعب لاعبي لاعبو مدرب مدربا جماهير جمهور رئيس إدارة مهاجم حارس مدافع نجم نجوم هداف"
    " قائد أمام ضد مواجهة لقاء مباراة فوز خسارة تعادل فاز خسر تغلب يلتقي التقى يستضيف استضاف"
    " يواجه واجه هزم يلاقي لاقى يحل حل ضيفا صفوف قميص شعار لصالح"
)
#: Words that make the name after them a common word's complement.
_NOT_AFTER = folded_words("عاصفة تحقيق رعاية مجلس دول كأس دورة بطولة منتخب فئة فئات درجة حفر روح عيد شهر")
#: Words that make the name before them a common phrase (الهلال الأحمر, الهلال الخصيب).
_NOT_BEFORE = folded_words("الأحمر الخصيب")
#: Words of sports news; an article with `SPORTS_WORDS_NEEDED` of them is about sports.
_SPORTS_WORDS = folded_words(
    "مباراة المباراة الدوري دوري لاعب اللاعب اللاعبين المدرب مدرب الشوط هدف هدفين الفريق"
    " النادي نادي المنتخب الملعب بطولة البطولة كرة الأهداف ركلة الجولة"
)
SPORTS_WORDS_NEEDED = 4


def about_sports(forms: list[str]) -> bool:
    """Whether an article's folded words are those of sports news."""
    return uses_of(forms, _SPORTS_WORDS) >= SPORTS_WORDS_NEEDED


def club_spans(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """(start, end) of each club's name in one sentence's tokens of a sports article, clitics
    before ال outside (والهلال: الهلال)."""
    forms = [lookup_form(t.text) for t in tokens]
    after_club = False
    for i, form in enumerate(forms):
        bare = _club(form)
        before = forms[i - 1] if i else ""
        after = forms[i + 1] if i + 1 < len(forms) else ""
        if bare is None or after in _NOT_BEFORE or (bare in AMBIGUOUS_CLUBS and _adjective(after)):
            after_club = after_club and form in ("و", "على", "علي", "مع", "امام", "ضد")
            continue
        context = strip_clitics(before)[1] in _CLUB_CONTEXT or before in _CLUB_CONTEXT or after_club
        if (bare in CLUBS and not _complement(before, bare)) or context:
            cut = len(form) - len(bare) - 2
            if cut == 0 or len(form) == len(tokens[i].text):  # marks in the word: no index
                yield tokens[i].start + cut, tokens[i].end
                after_club = True
                continue
        after_club = False


def _complement(before: str, bare: str) -> bool:
    """Whether a club's name is a common word's complement or adjective after `before`: عاصفة
    الحزم, تحقيق النصر; التعليم الأهلي, البنك الأهلي (a name like an adjective after a noun)."""
    if strip_clitics(before)[1] in _NOT_AFTER:
        return True
    return bare.endswith("ي") and before.startswith("ال") and _club(before) is None


def _adjective(form: str) -> bool:
    """A relative adjective (الآسيوي, السعودية, العربي): الاتحاد الآسيوي is the confederation,
    الخليج العربي the Gulf, الشباب السعودي the country's youth."""
    return form.startswith("ال") and form.endswith(("ي", "يه")) and len(form) > 4


def _club(form: str) -> str | None:
    """The club's bare name a folded word is, written with its ال (والهلال, بالاتحاد; not
    للهلال, whose ال the clitic took)."""
    clitics, bare = strip_clitics(form)
    if not clitics.endswith("ال") or (bare not in CLUBS and bare not in AMBIGUOUS_CLUBS):
        return None
    return bare
