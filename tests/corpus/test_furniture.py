"""OutletFurniture: lines repeated across one outlet's articles, counted under a lossy key."""

from __future__ import annotations

from marsad.corpus.furniture import OutletFurniture

BODY = [
    "أعلنت وزارة الصحة تسجيل حالات جديدة في عدد من المناطق خلال الأسبوع الماضي",
    "افتتح أمير المنطقة مشروعات تنموية جديدة بقيمة مليار ريال",
    "وقد أعد مرسوم ملكي بذلك.",
]


def observed(n: int = 10) -> OutletFurniture:
    furniture = OutletFurniture(min_articles=5, min_share=0.2)
    for i in range(n):
        # Each article: its own body, a repeated SMS footer with a changing code, and a republished
        # agency sentence in every other article.
        lines = [
            f"خبر رقم {i} عن حدث مختلف في مدينة مختلفة كل يوم من أيام الأسبوع.",
            f"تبدأ بالرمز ({i}) ثم مسافة ثم نص الرسالة إلى",
            f"{88591 + i} - Stc",
        ]
        if i % 2:
            lines.append(BODY[2])
        furniture.observe("almadina", "\n".join(lines))
    furniture.observe("okaz", "للتواصل أرسل sms إلى 88548")
    return furniture


def test_repeated_short_lines_are_furniture_across_digit_and_spacing_changes() -> None:
    furniture = observed()
    assert furniture.is_furniture("almadina", "88591 - Stc")
    assert furniture.is_furniture("almadina", "  99999-STC ")
    assert furniture.is_furniture("almadina", "تبدأ بالرمز (77) ثم مسافة ثم نص الرسالة إلى")


def test_repeated_body_sentence_is_never_furniture() -> None:
    furniture = observed()
    assert furniture.line_count("almadina", BODY[2]) == 5
    assert not furniture.is_furniture("almadina", BODY[2])  # it ends like a sentence


def test_counts_are_per_outlet_and_need_enough_articles() -> None:
    furniture = observed()
    assert not furniture.is_furniture("okaz", "88591 - Stc")
    assert not furniture.is_furniture("okaz", "للتواصل أرسل sms إلى 88548")  # seen once only
    assert not furniture.is_furniture(None, "88591 - Stc")
    assert not furniture.is_furniture("almadina", BODY[0])


def test_each_line_counts_once_per_article() -> None:
    furniture = OutletFurniture()
    furniture.observe("x", "عين اليوم – جدة\nعين اليوم – جدة\nعين اليوم - جدة")
    assert furniture.line_count("x", "عين اليوم – جدة") == 1


def test_for_outlet_binds_the_outlet() -> None:
    furniture = observed()
    is_furniture = furniture.for_outlet("almadina")
    assert is_furniture("635031 - Stc") and not is_furniture(BODY[1])


def test_rows_round_trip() -> None:
    furniture = observed()
    rebuilt = OutletFurniture.from_rows(
        list(furniture.rows()), furniture.outlet_counts(), min_articles=5, min_share=0.2
    )
    assert rebuilt.outlet_counts() == {"almadina": 10, "okaz": 1}
    assert sorted(rebuilt.rows()) == sorted(furniture.rows())
    assert rebuilt.is_furniture("almadina", "88591 - Stc")


def test_memory_stays_bounded_and_long_lines_are_not_counted() -> None:
    furniture = OutletFurniture(max_keys=50)
    for i in range(200):
        unique = "".join(chr(0x0627 + (i // 26**k) % 26) for k in range(3))  # a different letter key
        furniture.observe("x", f"سطر {unique}\n" + "كلمة " * 60)
    assert len(list(furniture.rows())) <= 51
