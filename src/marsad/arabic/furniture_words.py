"""Vocabularies of Arabic news-page furniture, compiled once as fold()-ed patterns.

Page furniture is everything a news site prints around the article body: share and print
buttons, "read also" lists, tags, copyright and cookie notices, editor mastheads, section
labels, agency credits. This module owns the word lists and the small pure tests on one line;
`marsad.stages.extract` decides where in an article each test applies.

Every test works on `normalize_line(line)`: fold()-ed (hamza seats, ى/ي, ة/ه, marks), with
punctuation turned into spaces, so one pattern covers "اقرأ أيضاً:" and "اقرا ايضا".

>>> is_ui_line("مشاركة: فيسبوك | تويتر | واتساب")
True
>>> is_ui_line("شارك آلاف المواطنين في المسيرة")  # thousands of citizens took part in the march
False
>>> agency_of("(واس)"), agency_of("أ.ف.ب"), agency_of("الرياض")
('واس', 'أ ف ب', None)
>>> is_byline("بقلم: ياسر القاضي"), is_breadcrumb("الرئيسية › تقارير"), parenthesized_credit("(رمنا)")
(True, True, 'رمنا')
"""

from __future__ import annotations

import re

from marsad.arabic.keys import fold

# Punctuation of both scripts: Arabic comma/semicolon/question mark, guillemets, dashes, tatweel-free.
_PUNCT_RE = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")
_NOT_LETTER_RE = re.compile(r"[\W\d_]+", re.UNICODE)


def normalize_line(line: str) -> str:
    """fold() the line, turn punctuation into spaces and collapse whitespace.

    >>> normalize_line("  اقرأ أيضاً: «الأهلي» يفوز  ")
    'اقرا ايضا الاهلي يفوز'
    """
    return _SPACE_RE.sub(" ", _PUNCT_RE.sub(" ", fold(line))).strip()


def letters_key(line: str) -> str:
    """The lossy key of a line: its fold()-ed letters only (no spaces, digits, punctuation).

    Two prints of the same furniture line differ in spacing, digits (a phone code, a date) and
    punctuation; they share this key.

    >>> letters_key("88591 - Stc") == letters_key("88591-STC ")
    True
    >>> letters_key("عين اليوم – متابعات")
    'عيناليوممتابعات'
    """
    return _NOT_LETTER_RE.sub("", fold(line))


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of fold()-ed phrases, longest first so "اقرا المزيد" beats "اقرا"."""
    folded = sorted({normalize_line(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in folded if p)


# Buttons and links a page repeats around every article: share, print, comment, navigation.
_UI_PHRASES = [
    "مشاركة",
    "شارك",
    "شاركها",
    "مشاركه عبر",
    "شارك عبر",
    "شارك الخبر",
    "شارك المقال",
    "شارك هذا الخبر",
    "شارك هذا المقال",
    "انشر",
    "نشر",
    "تعليق",
    "تعليقات",
    "التعليقات",
    "أضف تعليقا",
    "اضف تعليق",
    "أضف تعليقك",
    "اترك تعليقا",
    "اترك تعليقك",
    "اكتب تعليقك",
    "لا توجد تعليقات",
    "عدد التعليقات",
    "اقترح تصحيحا",
    "طباعة",
    "اطبع",
    "أرسل لصديق",
    "ارسل الى صديق",
    "إرسال",
    "البريد الإلكتروني",
    "حفظ",
    "نسخ الرابط",
    "الرابط المختصر",
    "تكبير الخط",
    "تصغير الخط",
    "حجم الخط",
    "الخط",
    "قراءة",
    "دقيقة",
    "دقائق",
    "المزيد",
    "اقرأ المزيد",
    "للمزيد",
    "عرض المزيد",
    "التالي",
    "السابق",
    "الرئيسية",
    "العودة للأعلى",
    "العودة إلى الأعلى",
    "أعلى الصفحة",
    "للأعلى",
    "إعجاب",
    "أعجبني",
    "تغريد",
    "غرد",
    "تابعنا",
    "تابعونا",
    "تابعنا على",
    "تابعونا على",
    "على",
    "عبر",
    "و",
    "فيسبوك",
    "فيس بوك",
    "تويتر",
    "واتساب",
    "واتس اب",
    "تيليجرام",
    "تلغرام",
    "انستغرام",
    "انستقرام",
    "إنستجرام",
    "يوتيوب",
    "لينكدإن",
    "لينكد إن",
    "جوجل بلس",
    "سناب شات",
    "بينترست",
    "ماسنجر",
    "إكس",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "instagram",
    "youtube",
    "linkedin",
    "google",
    "pinterest",
    "email",
    "print",
    "share",
    "tweet",
    "next",
    "previous",
    "more",
    "comments",
    "comment",
    "read more",
    "array",
    "x",
]
_UI_RE = re.compile(rf"(?:\b(?:{_alternation(_UI_PHRASES)})\b|\d+|\s+)")

# Texting a columnist: "للتواصل أرسل sms إلى 88548 الاتصالات أو 636250 موبايلي أو 738303 زين".
_CONTACT_RE = re.compile(
    rf"^(?:{_alternation(['للتواصل', 'للتواصل مع الكاتب', 'لمراسلة الكاتب', 'للتواصل مع الكاتبة'])})\b"
    rf"|\b(?:{_alternation(['تبدأ بالرمز', 'أرسل رسالة', 'ارسل sms', 'ثم نص الرسالة'])})\b"
    rf"|^(?:\d+\s*)?(?:{_alternation(['زين', 'موبايلي', 'الاتصالات', 'zain', 'stc', 'mobily'])})"
    r"(?:\s*\d+)?$"
    rf"|^(?:{_alternation(['ثم الرسالة', 'ثم نص الرسالة'])})$"
)

# Lines that are furniture wherever they stand (strong vocabulary, anchored).
_COPYRIGHT = [
    "جميع الحقوق محفوظة",
    "كل الحقوق محفوظة",
    "حقوق النشر محفوظة",
    "جميع حقوق النشر",
    "all rights reserved",
]
_FOLLOW_ON = [
    *("تلغرام", "تليجرام", "تويتر", "فيسبوك", "فيس بوك", "يوتيوب", "انستغرام", "انستقرام", "إنستجرام"),
    *("واتساب", "سناب شات", "تيك توك", "قناتنا", "حسابنا", "حساباتنا", "صفحتنا", "تطبيقنا"),
]
_ANYWHERE_RE = re.compile(
    "|".join(
        [
            rf"\b(?:{_alternation(_COPYRIGHT)})\b",
            rf"\b(?:{_alternation(['ملفات تعريف الارتباط', 'ملفات الارتباط', 'الكوكيز', 'cookies'])})\b",
            rf"^(?:{_alternation(['رابط الخبر بصحيفة', 'رابط الخبر', 'رابط المقال', 'المصدر رابط'])})\b",
            rf"^(?:{_alternation(['شرح الصورة', 'شرح الصور', 'تعليق الصورة'])})$",
            rf"^(?:{_alternation(['انتهى', 'يتبع'])})$",
            # A call to follow the outlet: "تابعوا آخر الأخبار عبر قناتنا على تلغرام".
            rf"^(?:{_alternation(['تابعوا', 'تابعونا', 'تابعنا', 'اشتركوا', 'انضموا'])})\b.{{0,80}}"
            rf"\b(?:{_alternation(_FOLLOW_ON)})\b",
            # WordPress's comment form: "your e-mail address will not be published", "required fields".
            rf"^(?:{_alternation(['لن يتم نشر عنوان بريدك الإلكتروني', 'الحقول الإلزامية مشار إليها'])})\b",
        ]
    )
)

# Headers of a block of links or tags: the header and the short lines after it are furniture.
_BLOCK_HEADERS = [
    "اقرأ أيضا",
    "اقرأ ايضاً",
    "إقرأ أيضا",
    "اقرأ كذلك",
    "شاهد أيضا",
    "طالع أيضا",
    "اقرأ المزيد",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "مقالات ذات صلة",
    "مواضيع متعلقة",
    "أخبار متعلقة",
    "مواضيع مشابهة",
    "قد يهمك أيضا",
    "قد يعجبك أيضا",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "اخترنا لك",
    "الكلمات المفتاحية",
    "كلمات مفتاحية",
    "كلمات دلالية",
    "الكلمات الدلالية",
    "وسوم",
    "الوسوم",
    "العلامات",
    "tags",
    "related",
]
_BLOCK_HEADER_RE = re.compile(rf"^(?:{_alternation(_BLOCK_HEADERS)})\b")

# 3alyoum prints its tags as "سمات ..." after the last sentence (سمات: "features", their label).
TAIL_TAGS_RE = re.compile(
    rf"(?<=[.!?؟”\"»)])\s+(?:سمات|{_alternation(['الكلمات المفتاحية', 'وسوم', 'كلمات دلالية'])})"
    r"\s*:?\s+[^.!?؟]{1,160}$"
)
# alweeam appends "رابط الخبر بصحيفة الوئام: <title>" to the last line; SPA ends with "// انتهى //";
# al-Jazirah's columns end with "مقالات أخرى للكاتب" and the titles of the writer's other columns,
# run together (389 SaudiNewsNet articles).
TAIL_LINK_RE = re.compile(
    r"\s*(?:-?انتهى-?\s*)?رابط الخبر بصحيفة\s*\S+\s*:.*$|\s*مقالات [أا]خرى للكاتب.*$"
    r"|\s*/+\s*(?:انتهى|يتبع)\s*/+\s*(?:\d{1,2}:\d{2}\s*ت\s*م)?\s*$|\s+-انتهى-\s*$"
)
# Cloudflare replaces e-mail addresses with "[email protected] /* */" in scraped text.
OBFUSCATED_EMAIL_RE = re.compile(r"\[email\s*(?:&#160;|\s)*protected\]\s*(?:/\*\s*\*/)?")

# Editor mastheads: "رئيس مجلس الإدارة والتحرير: فلان".
_MASTHEAD_ROLES = [
    "رئيس مجلس الإدارة",
    "رئيس التحرير",
    "رئيس مجلس الإدارة والتحرير",
    "رئيس مجلس الإدارة ورئيس التحرير",
    "نائب رئيس التحرير",
    "مدير التحرير",
    "المدير العام",
    "المدير المسؤول",
    "سكرتير التحرير",
    "رئيس القسم",
    "المشرف العام",
    "الناشر",
    "التحرير",
    "الإدارة",
    "الإعلانات",
]
_MASTHEAD_RE = re.compile(rf"^(?:{_alternation(_MASTHEAD_ROLES)})\b")

# Syndication credits: "* خدمة «نيويورك تايمز»", "* بالاتفاق مع «بلومبيرغ»", "خاص بـ«الشرق الأوسط»".
_SYNDICATION_RE = re.compile(
    rf"^(?:{_alternation(['خدمة', 'بالاتفاق مع', 'بالتعاون مع', 'خاص ب', 'خاص بـ', 'نقلا عن', 'المصدر'])})\b"
)

# Section labels printed above the title (and breadcrumbs made of them).
_SECTION_WORDS = [
    "محليات",
    "محلي",
    "محلية",
    "اقتصاد",
    "الاقتصاد",
    "اقتصادية",
    "رياضة",
    "الرياضة",
    "رياضي",
    "عربي",
    "ودولي",
    "دولي",
    "عربي ودولي",
    "عربية",
    "دولية",
    "العالم",
    "عالمي",
    "سياسة",
    "السياسة",
    "سياسي",
    "ثقافة",
    "الثقافة",
    "ثقافي",
    "فن",
    "فنون",
    "منوعات",
    "تقارير",
    "تقرير",
    "أخبار",
    "الأخبار",
    "خبر",
    "مقالات",
    "مقال",
    "رأي",
    "الرأي",
    "آراء",
    "حوارات",
    "حوار",
    "متابعات",
    "عاجل",
    "صحة",
    "الصحة",
    "تقنية",
    "تكنولوجيا",
    "علوم",
    "مجتمع",
    "المجتمع",
    "الخليج",
    "خليجي",
    "مصر",
    "السعودية",
    "المملكة",
    "الرئيسية",
    "كتاب",
    "الكتاب",
    "أعمدة",
    "كرة القدم",
    "دوري",
    "تحقيقات",
    "ملفات",
    "فيديو",
    "صور",
    "إنفوجرافيك",
    "مناطق",
    "المناطق",
    "الوطن",
    "ثقافة وفن",
    "سياحة",
    "سيارات",
    "أسواق",
    "الأسواق",
    "بورصة",
    "طقس",
    "حوادث",
    "برلمان",
    "الأخيرة",
    "شؤون",
    "المحليات",
    "ذات",
    "و",
    "عرب",
    "عالم",
    "وعالم",
    "سياسية",
    "دوليات",
    "عربيات",
    "محافظات",
    "قضايا",
    "وقضايا",
    "وحوادث",
    "ثقافية",
    "رياضية",
    "عاجلة",
    "أخبار عاجلة",
    "آخر الأخبار",
    "وطني",
    "وطنية",
    "جهات",
]
_SECTION_TOKENS = frozenset(normalize_line(w) for w in _SECTION_WORDS for w in w.split())

# Agencies: spelling (fold()-ed letters only, so "أ.ف.ب" and "ا ف ب" meet) -> display name.
_AGENCIES: dict[str, tuple[str, ...]] = {
    "واس": ("واس", "وكالة الأنباء السعودية"),
    "أ ش أ": ("أ ش أ", "وكالة أنباء الشرق الأوسط"),
    "رويترز": ("رويترز", "رويتر", "reuters"),
    "أ ف ب": ("أ ف ب", "فرانس برس", "فرانس بريس", "وكالة الصحافة الفرنسية", "afp"),
    "د ب أ": ("د ب أ", "الوكالة الألمانية", "dpa"),
    "أ ب": ("أسوشيتد برس", "اسوشيتدبرس", "ap"),
    "يو بي آي": ("يو بي آي", "upi"),
    "قنا": ("قنا", "وكالة الأنباء القطرية"),
    "وام": ("وام", "وكالة أنباء الإمارات"),
    "بنا": ("بنا", "وكالة أنباء البحرين"),
    "كونا": ("كونا", "وكالة الأنباء الكويتية"),
    "سبأ": ("سبأ", "سبا"),
    "الأناضول": ("الأناضول", "وكالة الأناضول", "الاناضول"),
    "العمانية": ("العمانية", "وكالة الأنباء العمانية", "عمانية"),
    "بترا": ("بترا",),
    "سانا": ("سانا",),
    "وكالات": ("وكالات", "الوكالات", "متابعات ووكالات", "وكالات الأنباء"),
    "شينخوا": ("شينخوا", "شينخوا الصينية"),
}
AGENCY_KEYS: dict[str, str] = {
    letters_key(spelling): name for name, spellings in _AGENCIES.items() for spelling in spellings
}

_CREDIT_SPLIT_RE = re.compile(r"[-–—ـ:()\[\]{}،,|/«»\"]+")


def agency_of(segment: str) -> str | None:
    """The agency named by `segment` (a whole credit piece such as "(واس)"), else None.

    >>> agency_of("وكالة الأنباء السعودية"), agency_of("رويترز")
    ('واس', 'رويترز')
    """
    return AGENCY_KEYS.get(letters_key(segment))


def credit_agency(line: str, *, max_words: int = 6) -> str | None:
    """The agency of a credit line such as "الرياض - واس:" or "جنيف : (رويترز)", else None.

    A credit is short and has no sentence punctuation; one of its dash/colon-separated pieces
    is an agency name.

    >>> credit_agency("الرياض - واس:"), credit_agency("جنيف : (رويترز)")
    ('واس', 'رويترز')
    >>> credit_agency("قالت رويترز إن الاجتماع انتهى.") is None
    True
    """
    if len(line.split()) > max_words or line.rstrip().endswith((".", "؟", "!", "?")):
        return None
    for piece in _CREDIT_SPLIT_RE.split(line):
        agency = agency_of(piece) if piece.strip() else None
        if agency:
            return agency
    return None


# A share prompt glued to the first sentence ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد
# ..."): a share word, then networks (two at least), links between them and a comment prompt.
_SHARE_OPENERS = frozenset(normalize_line(w) for w in ("شارك", "شاركها", "مشاركة", "انشر", "share"))
_NETWORKS = frozenset(
    normalize_line(w)
    for w in (
        *("تويتر", "فيسبوك", "فيس", "بوك", "واتساب", "واتس", "اب", "جوجل", "بلس", "يوتيوب", "تلغرام"),
        *("تليجرام", "انستغرام", "انستقرام", "سناب", "شات", "لينكدإن", "twitter", "facebook", "whatsapp"),
    )
)
_PROMPT_LINKS = frozenset(normalize_line(w) for w in ("من", "خلال", "عبر", "على", "و", "اكتب", "أضف", "شارك"))
_PROMPT_ENDS = frozenset(normalize_line(w) for w in ("رأيك", "تعليقك", "تعليقا", "تعليق"))
_TOKEN_RE = re.compile(r"[^\s|,،:]+")


def share_prompt_end(line: str) -> int:
    """Where a share prompt opening the line ends (0: none).

    >>> line = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد الوزير أن"
    >>> line[share_prompt_end(line) :].strip()
    'أكد الوزير أن'
    >>> line = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك على الرغم من"
    >>> line[share_prompt_end(line) :].strip()
    'على الرغم من'
    >>> share_prompt_end("شارك وزير الخارجية عبر تويتر في النقاش")
    0
    """
    tokens = list(_TOKEN_RE.finditer(line[:160]))
    if not tokens or normalize_line(tokens[0].group()) not in _SHARE_OPENERS:
        return 0
    end, networks = 0, 0
    for token in tokens[1:]:
        word = normalize_line(token.group())
        if word in _NETWORKS:
            networks, end = networks + 1, token.end()
        elif word in _PROMPT_ENDS:
            end = token.end()
            break
        elif word not in _PROMPT_LINKS:
            break
    return end if networks >= 2 else 0


def is_ui_line(line: str) -> bool:
    """True when the line is made only of button/link words (share, print, comments, networks)."""
    return _is_ui_norm(normalize_line(line))


def _is_ui_norm(norm: str) -> bool:
    return bool(norm) and not _UI_RE.sub("", norm) and any(ch.isalpha() for ch in norm)


# A photo credit: "(تصوير: مازن العلي)", "عدسة - خالد محمد", "الصورة: أرشيفية".
_PHOTO_CREDIT_RE = re.compile(
    rf"^[(\[]?\s*(?:{_alternation([fold(w) for w in ('تصوير', 'عدسة', 'الصورة', 'صورة', 'الصور')])})"
    r"\s*[:\-–—ـ]\s*[^\s.،,:]+(?:\s+[^\s.،,:]+){0,3}\s*[)\]]?$"
)


# The signature of an embedded tweet: "— OCHA (@UNOCHA) May 14, 2024", "— وزارة الصحة (@SaudiMOH)
# 14 مايو 2024".
_TWEET_SIGNATURE_RE = re.compile(r"^[—–-]+\s*[^\n]{0,80}\(@\w{1,30}\)\s*[^\n]{0,40}\d{4}\s*$")


def is_strong_furniture(line: str) -> bool:
    """Buttons, contact blocks, copyright/cookie notices: furniture wherever the line stands.

    >>> is_strong_furniture("اضف تعليقا"), is_strong_furniture("تبدأ بالرمز (26) ثم مسافة ثم نص الرسالة إلى")
    (True, True)
    >>> is_strong_furniture("أضاف أن جميع الحقوق محفوظة للمواطنين في النظام الجديد وفق المادة الخامسة منه.")
    False
    """
    if _ONLY_ADDRESSES_RE.match(line) or (len(line) < 80 and _PHOTO_CREDIT_RE.match(fold(line.strip()))):
        return True
    if _TWEET_SIGNATURE_RE.match(line.strip()):
        return True
    norm = normalize_line(line)
    return bool(_CONTACT_RE.search(norm)) or _is_ui_norm(norm) or _is_anywhere_norm(norm)


def _is_anywhere_norm(norm: str) -> bool:
    # Anchored patterns ("رابط الخبر ...") hold at any length; a copyright or cookie phrase inside
    # a sentence-long line is body prose that mentions it.
    match = _ANYWHERE_RE.search(norm)
    return match is not None and (match.start() == 0 or norm.count(" ") < 12)


def is_contact_line(line: str) -> bool:
    """A "text the columnist" line, an SMS code or operator line, or an e-mail/handle/URL alone.

    >>> is_contact_line("للتواصل أرسل sms إلى 88548 الاتصالات ,636250 موبايلي")
    True
    >>> is_contact_line("alrashed@asharqalawsat.com"), is_contact_line("تويتر: @Arfaj1")
    (True, True)
    """
    if _ONLY_ADDRESSES_RE.match(line.strip()):
        return True
    return bool(_CONTACT_RE.search(normalize_line(line)))


_ONLY_ADDRESSES_RE = re.compile(
    r"^(?:(?:تويتر|twitter|فيسبوك|facebook|انستغرام|instagram|البريد الإلكتروني|e-?mail|بريد)\s*:?\s*)?"
    r"(?:\S+@\S+\.\w+|@\w+|(?:https?://|www\.)\S+)(?:\s*[,،|]\s*(?:\S+@\S+\.\w+|@\w+|(?:https?://|www\.)\S+))*$",
    re.IGNORECASE,
)


def is_anywhere_furniture(line: str) -> bool:
    """Strong furniture: copyright, cookies, "news link", photo-caption labels, agency end marks.

    >>> is_anywhere_furniture("© 2015 جميع الحقوق محفوظة لصحيفة المدينة")
    True
    >>> is_anywhere_furniture("// انتهى //"), is_anywhere_furniture("لن يتم نشر عنوان بريدك الإلكتروني.")
    (True, True)
    """
    return _is_anywhere_norm(normalize_line(line))


def is_block_header(line: str) -> bool:
    """The header of a "read also" or tags block.

    >>> is_block_header("اقرأ أيضاً:"), is_block_header("الكلمات المفتاحية: النفط، أوبك")
    (True, True)
    """
    return bool(_BLOCK_HEADER_RE.match(normalize_line(line)))


def is_masthead(line: str) -> bool:
    """An editor/staff credit such as "رئيس مجلس الإدارة والتحرير: محمد أحمد".

    >>> is_masthead("رئيس التحرير: خالد بن حمد المالك")
    True
    """
    return bool(_MASTHEAD_RE.match(normalize_line(line)))


def is_syndication(line: str) -> bool:
    """A syndication credit: "* خدمة «نيويورك تايمز»".

    >>> is_syndication("* بالاتفاق مع «بلومبيرغ»")
    True
    """
    return bool(_SYNDICATION_RE.match(normalize_line(line)))


def is_section_label(line: str) -> bool:
    """A section label or a breadcrumb of them: "محليات", "الرئيسية > عربي ودولي".

    >>> is_section_label("عربي ودولي"), is_section_label("الرئيسية » اقتصاد"), is_section_label("النفط")
    (True, True, False)
    """
    tokens = normalize_line(line).split()
    return 0 < len(tokens) <= 5 and all(token in _SECTION_TOKENS for token in tokens)


# Byline cues. "بقلم"/"بواسطة" mean "by" and start nothing else; the others ("كتب" wrote,
# "إعداد" prepared by, "تقرير" report, "متابعة" follow-up) are also verbs or nouns of body
# sentences, so they count only before a colon or dash, or in a line of at most 4 words.
_BYLINE_BY_RE = re.compile(rf"^(?:{_alternation(['بقلم', 'بواسطة', 'by', 'written by'])})\b")
_BYLINE_CUES = [
    "كتب",
    "كتبت",
    "كتبه",
    "كتبها",
    "إعداد",
    "تقرير",
    "تحرير",
    "حوار",
    "متابعة",
    "تصوير",
    "ترجمة",
    "مراسل",
    "مراسلة",
    "المحرر",
    "محرر",
    "من",
]
_BYLINE_CUE_RE = re.compile(rf"^(?:{_alternation(_BYLINE_CUES)})(?P<sep>\s*[:\-–—ـ|])?(?=\s|$)")
_SENTENCE_ENDS = (".", "!", "?", "؟", "…")


def is_byline(line: str, *, max_words: int = 12) -> bool:
    """A byline: "كتب: منى رشاد", "بقلم: ياسر القاضي - مراسل البوصلة في جنيف", "كتب محمد علي".

    >>> is_byline("كتب: منى رشاد عبد العال"), is_byline("بقلم ياسر عمر القاضي"), is_byline("كتب محمد علي")
    (True, True, True)
    >>> is_byline("كتب الوزير على حسابه في تويتر أن الاجتماع كان مثمرا")  # "the minister wrote"
    False
    """
    stripped = line.strip()
    words = len(stripped.split())
    if words > max_words or stripped.endswith(_SENTENCE_ENDS):
        return False
    folded = fold(stripped)
    if _BYLINE_BY_RE.match(folded):
        return True
    match = _BYLINE_CUE_RE.match(folded)
    if match is None:
        return False
    # "من" (from/by) opens many sentences: a byline cue only before a colon or dash ("من: فلان").
    return match.group("sep") is not None or (words <= 4 and not folded.startswith("من"))


# A wire desk's signature, its roles between dashes: "(تغطية صحفية محمد اليماني - إعداد دعاء
# محمد للنشرة العربية - تحرير أحمد صبحي خليفة)".
_DESK_ROLES = frozenset(fold(w) for w in ("إعداد", "تحرير", "تغطية", "ترجمة", "تصوير", "مراجعة"))
_DESK_SEPARATOR_RE = re.compile(r"\s+[-–—ـ/]\s+")


def is_desk_credit(line: str, *, enclosed: bool) -> bool:
    """Pieces of at most 8 words that each open with a desk role. A role alone opens sentences too
    ("تحرير الموصل بات قريبا"): it counts in parentheses (`enclosed`) or as one of two or more.

    >>> is_desk_credit("إعداد محمد علي للنشرة العربية - تحرير سها جادو", enclosed=False)
    True
    >>> is_desk_credit("تحرير الموصل من داعش بات قريبا", enclosed=False)
    False
    """
    if len(line) > 300:  # the last paragraph of every article comes here: no credit is this long
        return False
    pieces = [piece.split() for piece in _DESK_SEPARATOR_RE.split(line)]
    signed = all(0 < len(words) <= 8 and fold(words[0]) in _DESK_ROLES for words in pieces)
    return signed and (enclosed or len(pieces) > 1)


# Breadcrumb separators. "»" closes a «quotation» too, so it separates only in a line without "«";
# "/" and ">" only with a space beside them ("أيار/مايو" is one month, "12/05/2024" a date).
_CRUMB_SEP_RE = re.compile(r"\s*(?:[›‹|\\←→]|»|\s[/><]|[/><]\s)\s*")
_CRUMB_SEP_NO_GUILLEMET_RE = re.compile(r"\s*(?:[›‹|\\←→]|\s[/><]|[/><]\s)\s*")
_HOME_WORDS = frozenset({"الرئيسيه", "الصفحه الرئيسيه", "home", "الرئيسي"})


def is_breadcrumb(line: str, *, max_words: int = 10) -> bool:
    """A navigation trail: "الرئيسية › تقارير", "أخبار / سياسة / محلية", "المدار | محليات".

    >>> is_breadcrumb("الرئيسية / أخبار / سياسة"), is_breadcrumb("المدار | محليات")
    (True, True)
    >>> is_breadcrumb("«راسك» مستعد لاستضافة مفاوضات"), is_breadcrumb("قمة 12 أيار/مايو")
    (False, False)
    """
    if len(line.split()) > max_words:
        return False
    separators = _CRUMB_SEP_RE if "«" not in line else _CRUMB_SEP_NO_GUILLEMET_RE
    pieces = [piece for piece in separators.split(line.strip()) if piece.strip()]
    if any(ch.isdigit() for ch in line):  # a date or a film's year, not a navigation trail
        return False
    if pieces and normalize_line(pieces[0]) in _HOME_WORDS:
        return True
    # Two pieces of up to 2 words, or more of up to 3: "عام / اهتمامات الصحف الجزائرية" is the Saudi
    # Press Agency's category and headline, a title.
    max_piece_words = 2 if len(pieces) == 2 else 3
    return len(pieces) >= 2 and all(
        len(piece.split()) <= max_piece_words and not piece.rstrip().endswith(_SENTENCE_ENDS)
        for piece in pieces
    )


# What a parenthesized word alone or before a dash may be besides an agency: a weekday ("اليوم
# (الاثنين)"), a photo label ("(أرشيفية)" archive photo), a serial number.
_NOT_CREDITS = frozenset(
    normalize_line(w)
    for w in (
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
        "أرشيفية",
        "أرشيف",
        "صورة",
        "صور",
        "صورة أرشيفية",
        "فيديو",
        "تصوير",
        "إنفوجراف",
        "انفوغراف",
        "يتبع",
        "انتهى",
        "تابع",
        "مباشر",
        "تحديث",
        "محدث",
        "خاص",
        "حصري",
        "إعلان",
        "مترجم",
    )
)
_PAREN_RE = re.compile(r"^\(\s*([^()\d]{2,30}?)\s*\)$")
# "جنيف (رمنا) - توصل ...": up to three place words, a parenthesized credit, then a dash, or a colon
# after a place ("(هذيان): ..." with no place is a column's name).
_LEAD_CREDIT_RE = re.compile(
    r"^(?:((?:[^\s()\d:،,.\-–—ـ]+\s+){1,3})\(\s*([^()\d]{2,30}?)\s*\)\s*[-–—ـ:]+"
    r"|()\(\s*([^()\d]{2,30}?)\s*\)\s*[-–—ـ]+)\s*"
)


def _credit_name(inner: str) -> str | None:
    """The agency a parenthesized credit names: a known agency's display name, else its own text.

    An unknown name counts when it looks like an agency's: one word ("رمنا"), an acronym of
    spaced or dotted letters, or "وكالة ..." ("agency ..."). Two or three ordinary words in
    parentheses are a nickname ("(أبو أحمد)") or a poet's name under a poem.
    """
    inner = " ".join(inner.split())
    known = agency_of(inner)
    if known or not 1 <= len(inner.split()) <= 3 or any(ch in inner for ch in "/:|،,"):
        return known
    norm = normalize_line(inner)
    if norm in _NOT_CREDITS or norm in _SECTION_TOKENS or not any(ch.isalpha() for ch in inner):
        return None
    acronym = len(letters_key(inner)) <= 5
    return inner if " " not in norm or acronym or norm.startswith(("وكاله", "الوكاله")) else None


def parenthesized_credit(line: str) -> str | None:
    """The agency of a short parenthesized credit alone on a line, known or not: "(رمنا)".

    >>> parenthesized_credit("(أ.ف.ب)"), parenthesized_credit("( وكالة رملان )")
    ('أ ف ب', 'وكالة رملان')
    >>> parenthesized_credit("(الاثنين)"), parenthesized_credit("(1)"), parenthesized_credit("(أرشيفية)")
    (None, None, None)
    """
    match = _PAREN_RE.match(line.strip())
    return _credit_name(match.group(1)) if match else None


def lead_credit(line: str, *, min_rest_words: int = 4) -> tuple[str, int] | None:
    """A credit opening a first paragraph, "جنيف (رمنا) - توصل ...": (agency, where the sentence starts).

    >>> lead_credit("جنيف (رمنا) - توصل الوفدان اليوم إلى اتفاق مبدئي")
    ('رمنا', 14)
    >>> lead_credit("أعلن الحلف الإقليمي للأمن والتعاون (راسك)، اليوم استعداده للوساطة") is None
    True
    >>> lead_credit("قال الوزير اليوم (الاثنين) - في مؤتمر صحفي - إن الخطة جاهزة") is None
    True
    >>> lead_credit("(رمنا) - توصل الوفدان اليوم إلى اتفاق"), lead_credit("(هذيان): في نظرة إلى الأزمنة")
    (('رمنا', 9), None)
    """
    match = _LEAD_CREDIT_RE.match(line)
    if match is None or len(line[match.end() :].split()) < min_rest_words or opens_with_lead_verb(line):
        return None  # "أعلن الحلف (راسك) - في بيان -": a sentence, its subject's acronym in parentheses
    agency = _credit_name(match.group(2) or match.group(4))
    return (agency, match.end()) if agency else None


# Verbs that open a news lead ("قال" said, "أعلنت" announced, "توصل" reached): an Arabic lead is a
# verbal sentence in the past tense, while headlines open with a noun or a present-tense verb
# ("الأمم المتحدة تحذر", "يصل المبعوث"), so a short line opening with one of these is body.
# Masculine forms that are also nouns ("طالب" student) or verbal nouns, the usual headline opening
# ("تراجع أسعار النفط" retreat of oil prices, "ضبط 120 مخالفا" seizure of 120 violators), count
# only in the feminine.
_LEAD_VERBS_BOTH = (
    "قال",
    "أكد",
    "أعلن",
    "أفاد",
    "ذكر",
    "كشف",
    "أوضح",
    "أشار",
    "أضاف",
    "شدد",
    "حذر",
    "توقع",
    "أصدر",
    "استقبل",
    "التقى",
    "وصل",
    "غادر",
    "بدأ",
    "انطلق",
    "اختتم",
    "افتتح",
    "شهد",
    "شارك",
    "نظم",
    "أطلق",
    "أقام",
    "قرر",
    "وافق",
    "تمكن",
    "ارتفع",
    "انخفض",
    "أسفر",
    "قضى",
    "أجل",
    "ترأس",
    "دشن",
    "اعتمد",
    "أعرب",
    "أشاد",
    "وجه",
    "واصل",
    "أظهر",
    "احتفل",
    "استمع",
    "توصل",
    "أقيم",
    "أصيب",
    "لقي",
    "تابع",
    "أوقف",
    "أفرج",
    "عاد",
    "صرح",
    "ناقش",
    "استعرض",
)
_LEAD_VERBS_FEMININE_ONLY = (
    "طالب",
    "تراجع",
    "ضبط",
    "نشر",
    "سجل",
    "عقد",
    "نقل",
    "بحث",
    "قتل",
    "دخل",
    "وقع",
    "نفذ",
)
_LEAD_VERBS = frozenset(
    [fold(word) + suffix for word in _LEAD_VERBS_BOTH for suffix in ("", "ت")]
    + [fold(word) + "ت" for word in _LEAD_VERBS_FEMININE_ONLY]
    + [
        fold(word)
        for word in (
            "دعا",
            "دعت",
            "نفى",
            "نفت",
            "قضت",
            "رعى",
            "رعت",
            "ألقى",
            "ألقت",
            "أجرى",
            "أجرت",
            "تلقى",
            "تلقت",
            "أنهى",
            "أنهت",
        )
    ]
)


# Past tense of derived verbs, whatever the root: "اندلع" broke out, "اجتمع" met, "استقبل" received.
# Their verbal nouns, which open headlines ("اندلاع", "اجتماع", "استقبال"), have a long "ا" inside.
_DERIVED_PAST_RE = re.compile(r"^(?:ان[^ا\W]{3}|است[^ا\W]{3}|ا[^ا\W]ت[^ا\W]{2})$")


def opens_with_lead_verb(line: str) -> bool:
    """True when the line opens with a past-tense reporting or event verb, as news leads do.

    >>> opens_with_lead_verb("أعلنت وزارة الصحة تسجيل 5 إصابات"), opens_with_lead_verb("الأمم المتحدة تحذر")
    (True, False)
    >>> opens_with_lead_verb("اندلع حريق في مستودع"), opens_with_lead_verb("اندلاع حريق في مستودع")
    (True, False)
    """
    words = fold(line).split(maxsplit=1)
    if not words:
        return False
    first = words[0].strip("«\"'(")
    return first in _LEAD_VERBS or bool(_DERIVED_PAST_RE.match(first.removesuffix("ت")))
