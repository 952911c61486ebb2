"""`marsad quotes` and `marsad eval quotes` end to end, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.conftest import DATA

GOLD = DATA / "quotes_gold_small.jsonl"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """A database analyzed from the small gold file's own texts (real NER, real quotes stage)."""
    corpus = tmp_path / "in.jsonl"
    lines = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines()]
    days = ["2015-08-01", "2015-08-03"]
    corpus.write_text(
        "".join(
            json.dumps(
                {"id": r["id"], "outlet": "واس", "published": day, "text": r["text"]}, ensure_ascii=False
            )
            + "\n"
            for r, day in zip(lines, days, strict=True)
        ),
        "utf-8",
    )
    path = str(tmp_path / "m.db")
    code, _, err = run(capsys, monkeypatch, "analyze", str(corpus), "--db", path)
    assert code == 0, err
    return path


def test_quotes_by_name_about_and_json(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, monkeypatch, "quotes", "--by", "الجبير", "--db", db)
    assert code == 0 and "1 quotes" in err
    assert "المملكة تدعم الحل السياسي" in out and "2015-08-01" in out and "واس" in out
    code, out, _ = run(capsys, monkeypatch, "quotes", "--about", "الحوثيين", "--db", db, "--json")
    [hit] = [json.loads(line) for line in out.splitlines()]
    assert (hit["speaker_name"], hit["cue"], hit["direct"]) == ("مصدر أمني", "قال", False)
    code, out, _ = run(capsys, monkeypatch, "quotes", "--db", db, "--since", "2015-08-02", "--json")
    hits = [json.loads(line) for line in out.splitlines()]
    assert [h["article_id"] for h in hits] == ["own-2", "own-2"]
    assert hits[0]["direct"] and hits[1]["speaker_name"] == hits[0]["speaker_name"]


def test_quotes_errors_are_messages(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "quotes", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no such database" in err
    code, _, err = run(capsys, monkeypatch, "quotes", "--db", db, "--since", "أمس")
    assert code == 2 and "is not a date" in err and "Traceback" not in err


def test_eval_quotes_on_gold_with_own_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, "eval", "quotes", str(GOLD), "--corpus", str(tmp_path / "none"))
    assert code == 0
    assert out.startswith("2 articles, 5 gold quotes")
    overall = next(line for line in out.splitlines() if line.startswith("all"))
    precision, recall, _, speaker = map(float, overall.split()[1:5])
    assert recall == 1.0 and precision == 1.0 and speaker == 1.0
    assert "Speaker accuracy" in out


def test_eval_quotes_names_a_broken_gold_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "gold.jsonl"
    broken.write_text('{"id": "x"}\n', "utf-8")
    code, _, err = run(capsys, monkeypatch, "eval", "quotes", str(broken))
    assert code == 1 and "gold.jsonl:1" in err and "needs `id` and `quotes`" in err
