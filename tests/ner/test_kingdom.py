from marsad.ner.kingdom import saudi_outlet, the_kingdom_is_saudi
from marsad.stages.entities import find_mentions


def _untagged(groups: list[list[str]]) -> list[list[str]]:
    return [["O"] * len(group) for group in groups]


def test_a_saudi_outlet_is_known_by_its_name_or_its_site() -> None:
    assert saudi_outlet("sabq", None) and saudi_outlet(None, "https://www.okaz.com.sa/article/1")
    assert saudi_outlet(None, "http://aawsat.com/home/article/410826")
    assert not saudi_outlet("alghad", "https://alghad.com/x") and not saudi_outlet(None, None)
    assert not saudi_outlet(None, "http://[okaz.com.sa/broken")  # a broken address is no error


def test_the_kingdom_is_saudi_arabia_unless_another_kingdom_is_named_or_qualified_as_often() -> None:
    assert the_kingdom_is_saudi(True, ["اليمن"], "تقود المملكة التحالف في اليمن.")
    assert the_kingdom_is_saudi(False, ["السعودية"], "أكدت السعودية أن المملكة تدعم اليمن.")
    assert not the_kingdom_is_saudi(False, ["اليمن"], "أكدت المملكة دعمها لليمن.")  # whose kingdom?
    assert not the_kingdom_is_saudi(True, ["المملكة المتحدة"], "قالت المملكة المتحدة إن المملكة ...")
    assert not the_kingdom_is_saudi(True, [], "وقال العاهل الأردني إن المملكة تدعم اليمن.")


def test_another_kingdom_named_less_often_than_saudi_arabia_leaves_the_kingdom_saudi() -> None:
    saudi_report = (
        "أنهت صحة الجوف التعاقد مع 30 من الأطباء الأردنيين. وأكد مدير الصحة السعودي أن المستشفيات "
        "السعودية في المملكة تعمل بكامل طاقتها، وأن الأطباء السعوديين سيسدون النقص."
    )
    assert the_kingdom_is_saudi(True, ["الجوف"], saudi_report)
    bahrain = "أوقفت البحرين 12 من منفذي تفجير سترة، وقالت وزارة الداخلية البحرينية إن المملكة آمنة."
    assert not the_kingdom_is_saudi(True, ["البحرين", "سترة"], bahrain)


def test_the_kingdom_alone_is_tagged_in_saudi_news_but_not_a_longer_name() -> None:
    text = "وأكد الوزير أن المملكة تدعم اليمن، وأن الاقتصاد بالمملكة قوي، وتقع المملكة العربية غربا."
    found = [
        (m.text, m.type, text[m.start : m.end])
        for m in find_mentions(text, _untagged, lambda f: 0.0, saudi_source=True)
    ]
    assert found == [("المملكة", "LOC", "المملكة"), ("المملكة", "LOC", "المملكة")]
    assert find_mentions(text, _untagged, lambda f: 0.0) == []  # no Saudi outlet, no Saudi name
