"""`marsad entities ...` and `marsad eval linking` end to end on the sample corpus."""

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli.main import app

SAMPLE = Path(__file__).parents[2] / "src" / "marsad" / "data" / "sample"
runner = CliRunner()


def test_analyze_links_and_curation_survives_reanalysis(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["entities", "list", "--db", db, "--json", "--type", "PER", "--limit", "50"])
    people = [json.loads(line) for line in listed.stdout.splitlines()]
    ids = {p["id"] for p in people}
    falghrin = next(p["id"] for p in people if "فالغرين" in p["name"])
    shown = runner.invoke(app, ["entities", "show", falghrin, "--db", db])
    # The sample spells the envoy five ways; linking gathers them under one entity.
    assert shown.exit_code == 0 and "ماثياس فالجرين" in shown.stdout and "فالقرين" in shown.stdout
    sawsan, sawsan_short = "per:susn-khlil-al-dawud", "per:susn-al-dawd"
    assert sawsan in ids and sawsan_short in ids
    merged = runner.invoke(app, ["entities", "merge", sawsan, sawsan_short, "--db", db])
    assert merged.exit_code == 0, merged.output
    runner.invoke(app, ["analyze", str(SAMPLE), "--db", db, "--quiet", "--reanalyze"])
    again = runner.invoke(app, ["entities", "list", "--db", db, "--json", "--type", "PER", "--limit", "50"])
    after = {json.loads(line)["id"] for line in again.stdout.splitlines()}
    assert sawsan_short not in after and sawsan in after
    alias = runner.invoke(app, ["entities", "alias", "add", falghrin, "فالغرن", "--db", db])
    assert alias.exit_code == 0
    missing = runner.invoke(app, ["entities", "show", "per:nobody", "--db", db])
    assert missing.exit_code != 0


def test_eval_linking_on_a_gold_file_with_its_own_text(tmp_path: Path) -> None:
    text = "قال ينس ستولتنبرغ إن الناتو موحد. وأضاف ستولتنبرج أن حلف شمال الأطلسي قوي. والتقى سامي الدباغ."
    gold = {
        "id": "g1",
        "text": text,
        "mentions": [
            {"text": "ينس ستولتنبرغ", "occurrence": 0, "entity": "s"},
            {"text": "الناتو", "occurrence": 0, "entity": "n"},
            {"text": "ستولتنبرج", "occurrence": 0, "entity": "s"},
            {"text": "حلف شمال الأطلسي", "occurrence": 0, "entity": "n"},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "linking", str(path), "--corpus", str(tmp_path / "none.jsonl.gz")])
    assert result.exit_code == 0, result.output
    assert "4 gold mentions, 4 anchored" in result.stdout
