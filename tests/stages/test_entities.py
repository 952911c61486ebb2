"""Clitic decisions agree with the rest of the article."""

from marsad.stages.entities import find_mentions


def _tag(sentences: list[list[str]]) -> list[list[str]]:
    names = {"ماتياس": "B-PER", "فالغرين": "I-PER"}
    out = []
    for tokens in sentences:
        tags = []
        for i, token in enumerate(tokens):
            tag = names.get(token, "O")
            if token == "فالغرين" and (i == 0 or tokens[i - 1] != "ماتياس"):
                tag = "B-PER"
            tags.append(tag)
        out.append(tags)
    return out


def test_a_word_inside_a_full_name_keeps_its_leading_letters_when_it_stands_alone() -> None:
    text = "وصل المبعوث ماتياس فالغرين إلى جنيف. وقال فالغرين إن المحادثات ستستأنف."
    frequency = {"الغرين": 50.0}.get
    mentions = find_mentions(text, _tag, lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == ["ماتياس فالغرين", "فالغرين"]


def test_without_the_full_name_the_frequency_rule_decides() -> None:
    text = "وقال فالغرين إن المحادثات ستستأنف."
    frequency = {"الغرين": 5000.0}.get
    mentions = find_mentions(text, _tag, lambda form: frequency(form, 0.0))
    assert [m.text for m in mentions] == ["الغرين"]
