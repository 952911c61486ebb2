"""Football clubs are organizations in sports news, and their names common words elsewhere."""

from marsad.ner.clubs import about_sports, club_spans
from marsad.ner.tokens import lookup_form, tokenize
from marsad.stages.entities import find_mentions

SPORTS = (
    "وتمكن الهلال بعدها من فرض سيطرته على المباراة، وأضاع لاعبو الفريق فرصا في الشوط الثاني. "
    "وكان مدرب الشباب قد أجرى تغييرات، وفاز الأهلي على الاتفاق في الدوري، فيما واصل النصر "
    "تدريباته. وأكد رئيس الاتحاد السعودي لكرة القدم أن التعاون بين الأندية مطلوب."
)


def _names(text: str) -> list[str]:
    return [text[start:end] for start, end in club_spans(tokenize(text))]


def test_an_article_about_sports_is_told_by_its_words() -> None:
    assert about_sports([lookup_form(token.text) for token in tokenize(SPORTS)])
    politics = "أكد مجلس التعاون الخليجي دعمه للشباب والاتفاق الذي وقع في الرياض بين الأطراف."
    assert not about_sports([lookup_form(token.text) for token in tokenize(politics)])


def test_clubs_are_named_where_they_stand_or_where_a_club_is_expected() -> None:
    # الشباب after a coach, الاتفاق after another club; التعاون ("cooperation") and the
    # federation's الاتحاد (its adjective follows) are not clubs here
    assert _names(SPORTS) == ["الهلال", "الشباب", "الأهلي", "الاتفاق", "النصر"]


def test_a_club_name_beside_a_common_word_is_that_word() -> None:
    text = "وشارك الهلال الأحمر في عاصفة الحزم، وقالت إدارة التعليم الأهلي إن تحقيق النصر قريب."
    assert _names(text) == []


def test_the_entities_stage_tags_clubs_only_in_sports_articles() -> None:
    def tag(groups: list[list[str]]) -> list[list[str]]:
        return [["O"] * len(group) for group in groups]

    found = find_mentions(SPORTS, tag, lambda form: 0.0)
    assert [(m.text, m.type) for m in found][:2] == [("الهلال", "ORG"), ("الشباب", "ORG")]
    news = "وأعلن الهلال الأحمر أن الشباب المتطوعين وصلوا، وأكد النصر على الإرهاب قريب."
    assert find_mentions(news, tag, lambda form: 0.0) == []


def test_a_club_is_expected_in_its_ranks_shirt_and_emblem_and_in_whose_favour() -> None:
    text = "لعب في صفوف الاتحاد ثم ارتدى شعار الشباب، وسجل هدفا لصالح التعاون."
    assert _names(text) == ["الاتحاد", "الشباب", "التعاون"]
