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


def test_entities_print_ids_and_user_text_verbatim(tmp_path: Path) -> None:
    # Rich reads "[kb:nato]" as a style (the id vanished from "with:") and a stray "[/b]" as a
    # closing tag (a MarkupError traceback): what users and pages wrote is printed as text.
    article = {
        "id": "nato-1",
        "published": "2020-05-15",
        "title": "الناتو يجتمع في بروكسل",
        "text": "قال الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ إن وزراء دفاع الحلف سيجتمعون في"
        " بروكسل الأسبوع المقبل.\nوأضاف ستولتنبرغ أن الاجتماع سيبحث الوضع في أفغانستان.",
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "m.db")
    assert runner.invoke(app, ["analyze", str(source), "--db", db, "--quiet"]).exit_code == 0
    listed = runner.invoke(app, ["entities", "list", "--db", db, "--json"])
    ids = {json.loads(line)["name"]: json.loads(line)["id"] for line in listed.stdout.splitlines()}
    brussels = ids["بروكسل"]
    alias = runner.invoke(app, ["entities", "alias", "add", brussels, "[/b]Bruxelles", "--db", db])
    assert alias.exit_code == 0 and "[/b]Bruxelles" in alias.output
    shown = runner.invoke(app, ["entities", "show", brussels, "--db", db])
    assert shown.exit_code == 0, shown.output
    with_line = next(line for line in shown.stdout.splitlines() if line.startswith("with: "))
    assert f"[{ids['ينس ستولتنبرغ']}]" in with_line
    table = runner.invoke(app, ["entities", "list", "--db", db])
    assert table.exit_code == 0 and brussels in table.stdout
