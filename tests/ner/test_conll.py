from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ner.conll import read_conll, read_lines, score, spans


def test_read_conll_normalizes_pers_and_splits_sentences(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("فرانكفورت B-LOC\n( O\nد O\n\n\nأعلن O\nاتحاد B-ORG\nصناعة I-ORG\n", "utf-8")
    assert read_conll(path) == [
        (["فرانكفورت", "(", "د"], ["B-LOC", "O", "O"]),
        (["أعلن", "اتحاد", "صناعة"], ["O", "B-ORG", "I-ORG"]),
    ]


def test_read_lines_keeps_every_line_and_maps_tokens_to_them(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"
    path.write_text("قال\nستولتنبرغ\n\n\nالناتو\n", "utf-8")
    lines, sentences = read_lines(path)
    assert lines == ["قال", "ستولتنبرغ", "", "", "الناتو"]
    assert sentences == [([0, 1], ["قال", "ستولتنبرغ"]), ([4], ["الناتو"])]


def test_a_line_without_tag_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("قال O\nستولتنبرغ\n", "utf-8")
    with pytest.raises(InputError, match=r"bad\.txt:2"):
        read_conll(path)


def test_score_is_exact_entity_match() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    predicted = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    result = score(gold, predicted)
    assert result.per_type["PER"][:3] == (0.0, 0.0, 0.0)
    assert result.per_type["LOC"][2] == 100.0
    precision, recall, _, count = result.overall
    assert (round(precision, 2), round(recall, 2), count) == (66.67, 66.67, 3)


def test_spans_of_empty_and_all_outside() -> None:
    assert spans([]) == [] and spans(["O", "O"]) == []
