"""`marsad ner tag|eval` keep the CoNLL layout exactly and report scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ner.encode import Vocab
from marsad.ner.recipe import TAGS
from marsad.ner.train import save_model
from tests.cli.test_cli import run
from tests.ner.test_tagger import random_weights

GOLD = "فرانكفورت B-LOC\n( O\nد O\n\n\nأعلن O\nاتحاد B-ORG\nصناعة I-ORG\nالسيارات I-ORG\n\nستولتنبرغ B-PERS\n"


@pytest.fixture
def model(tmp_path: Path) -> Path:
    vocab = Vocab({"اعلن": 2, "اتحاد": 3}, {"ا": 2}, TAGS)
    path = tmp_path / "tiny.npz"
    save_model(path, random_weights(vocab), vocab)
    return path


def test_tag_keeps_tokens_and_blank_lines_exactly(
    model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.conll"
    source.write_text(GOLD, "utf-8")
    code, out, _ = run(capsys, monkeypatch, "ner", "tag", "--conll", str(source), "--model", str(model))
    assert code == 0
    written, given = out.splitlines(), GOLD.splitlines()
    assert len(written) == len(given)
    for line, original in zip(written, given, strict=True):
        assert (line == "") == (original == "")
        if original:
            token, tag = line.split(" ")
            assert token == original.split()[0]
            assert tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in ("PERS", "ORG", "LOC", "MISC"))


def test_eval_prints_scores_per_type_and_speed(
    model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_text(GOLD, "utf-8")
    code, out, _ = run(capsys, monkeypatch, "ner", "eval", "--conll", str(gold), "--model", str(model))
    assert code == 0
    assert "overall" in out and "LOC" in out and "tokens/s" in out


def test_missing_model_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_text(GOLD, "utf-8")
    code, _, err = run(
        capsys, monkeypatch, "ner", "eval", "--conll", str(gold), "--model", str(tmp_path / "x.npz")
    )
    assert code == 2 and "no NER model there" in err
