import pytest

from marsad.ner.bodies import body_spans
from marsad.ner.tokens import sentences


def _bodies(text: str) -> list[str]:
    return [
        text[group[first].start + cut : group[end - 1].end]
        for group in sentences(text)
        for first, end, cut in body_spans(group)
    ]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("عقدت جمعية المنتجين والموزعين السعوديين بالرياض ندوة.", "جمعية المنتجين والموزعين السعوديين"),
        ("ووضعت عمادة شؤون القبول والتسجيل رابطين للتسجيل الإلكتروني.", "عمادة شؤون القبول والتسجيل"),
        ("وأعلنت الهيئة العامة للغذاء والدواء نتائج المسح الميداني.", "الهيئة العامة للغذاء والدواء"),
        ("وبحضور مدير مستشفى الولادة والأطفال ببريدة.", "مستشفى الولادة والأطفال"),
        ("وأدرجت تقريرا صادرا عن المركز الدولي للأبحاث السرطانية.", "المركز الدولي للأبحاث السرطانية"),
        ("وتطالب بإحالة القضية إلى محكمة الجنايات الدولية في لاهاي.", "محكمة الجنايات الدولية"),
        ("وتتحمل السلطة من خلال مجلس النواب والحكومة المركزية المسؤولية.", "مجلس النواب"),
        ("ودعا عباس المحكمة الجنائية الدولية إلى التحقيق.", "المحكمة الجنائية الدولية"),
        ("وارتفع سهم مصرف الراجحي في التعاملات.", "مصرف الراجحي"),
        ("وأفتت هيئة كبار العلماء بتحريم ذلك.", "هيئة كبار العلماء"),
        ("ووقعت العقود مع الشركة السعودية للكهرباء والتي أسفرت عن نتائج.", "الشركة السعودية للكهرباء"),
        ("الجدير بالذكر أن هيئة سوق المال سمحت للمستثمرين الأجانب.", "هيئة سوق المال"),
        ("وقال رئيس مجلس وزراء الداخلية العرب إن العمل مستمر.", "مجلس وزراء الداخلية"),
    ],
    ids=[
        *("construct-and-coordination", "one-indefinite-noun", "definite-with-complement", "clitic"),
        *("adjectives", "court", "another-body-after-wa", "definite-with-two-nisbas", "bank"),
        *("noun-with-kaf", "noun-with-sin", "noun-with-waw", "before-a-relative-with-waw"),
    ],
)
def test_a_body_is_its_kind_and_its_genitive(text: str, body: str) -> None:
    assert _bodies(text) == [body]


@pytest.mark.parametrize(
    "text",
    [
        "ويواصل المجلس البلدي اجتماعاته الأسبوعية في مقر الأمانة.",  # the body spoken of, no name
        "وشكر مجلس الإدارة على جهوده، وحضر أعضاء مجلس أمناء الجامعة.",  # a board of another body
        "ويتطلب ذلك خبرة في إدارة المعارك الكلامية والترويج للأفكار.",  # the verbal noun
        "وبالتعاون مع مؤسسة الملك عبدالعزيز ورجاله للموهبة والإبداع.",  # a person's name follows
        "وفي القيصومة مركزان للرجال ومركز للنساء، وسلم الجاني إلى مركز الشرطة.",  # units, not names
        "ووصف المواطنون ما قامت به الشركة بالجشع الذي يجب أن يواجه.",  # no name after a definite head
        "وقالت اللجنة الوزارية المكلفة بالملف إن العمل مستمر.",  # described, not named
        "وأعلنت الشركة الصينية المنافسة خفض أسعارها.",  # a market's company
        "وأوضح أن لجنة ستعلن النتائج قريبا.",  # a verb with its future prefix
        "ولا داعي لها من خدمات بلدية وإدارة الشؤون المحلية.",  # another body after و
    ],
    ids=[
        *("definite-head-alone", "board", "verbal-noun", "person-follows", "units", "definite-head-then-bal"),
        *("participle-described", "company-described", "future-verb", "another-body-after-wa"),
    ],
)
def test_a_kind_with_no_name_of_its_own_is_no_body(text: str) -> None:
    assert _bodies(text) == []
