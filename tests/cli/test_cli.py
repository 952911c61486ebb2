"""The `marsad` command end to end on small realistic inputs, as a user runs it."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from marsad.cli.main import app, main
from marsad.records import RECORD_FIELDS
from tests.conftest import FLOOD_TEXT, NATO_TEXT

ECONOMY_TEXT = (
    "أعلنت وزارة المالية مساء اليوم السبت عن حزمة دعم جديدة للمشروعات الصغيرة بقيمة ملياري ريال،"
    " على أن يبدأ صرف الدفعة الأولى مطلع الشهر المقبل.\n"
    "وقال وزير المالية في مؤتمر صحفي إن الحزمة تستهدف أكثر من 30 ألف منشأة في مختلف المناطق."
)


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["marsad", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        {"id": "nato-1", "outlet": "وكالة الأنباء", "published": "2020-05-15T08:53", "text": NATO_TEXT},
        {"id": "flood-1", "outlet": "صحيفة الخليج", "published": "2020-05-16", "text": FLOOD_TEXT},
    ]
    body = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n{broken\n"
    (folder / "wire.jsonl").write_text(body, "utf-8")
    (folder / "economy.txt").write_bytes(ECONOMY_TEXT.encode("cp1256"))
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_analyze_stores_writes_the_contract_and_names_failures(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "[x]" in the database's name: Rich would read it as a style and print another file's name.
    db, out = tmp_path / "news[x].db", tmp_path / "out.jsonl"
    code, _, err = run(
        capsys,
        monkeypatch,
        "analyze",
        str(corpus),
        "--db",
        str(db),
        "--out",
        str(out),
        "--published",
        "2020-05-16",
    )
    assert code == 1  # one input failed
    assert "3 processed" in err and "1 failed" in err and "1 skipped" in err
    assert f"→ {db}" in err
    assert f"{corpus / 'wire.jsonl'}:3: not JSON" in err
    records = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert set(records) == {"nato-1", "flood-1", next(i for i in records if i.startswith("c"))}
    assert all(tuple(r) == RECORD_FIELDS for r in records.values())
    nato = records["nato-1"]
    assert nato["published"] == "2020-05-15T08:53" and "ستولتنبرغ" in nato["text"]
    assert {"text": "أمس الخميس", "value": "2020-05-14"}.items() <= nato["dates"][0].items()
    economy = next(r for r in records.values() if r["source"].endswith("economy.txt"))
    assert economy["text"].startswith("أعلنت وزارة المالية")  # windows-1256 read as Arabic
    assert economy["published"] == "2020-05-16"


def test_rerun_is_idempotent_and_export_reads_everything_back(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, first = tmp_path / "m.db", tmp_path / "first.jsonl"
    run(capsys, monkeypatch, "analyze", str(corpus), "--db", str(db), "--out", str(first))
    code, _, err = run(capsys, monkeypatch, "analyze", str(corpus), "--db", str(db))
    assert code == 1 and "0 processed, 3 unchanged" in err
    code, out, _ = run(capsys, monkeypatch, "export", "--db", str(db), "--format", "jsonl")
    assert code == 0
    exported = sorted(map(json.loads, out.splitlines()), key=lambda r: r["id"])
    assert exported == sorted(map(json.loads, first.read_text("utf-8").splitlines()), key=lambda r: r["id"])


def test_search_finds_spelling_variants_and_never_crashes(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "m.db")
    run(capsys, monkeypatch, "analyze", str(corpus), "--db", db)
    code, out, _ = run(capsys, monkeypatch, "search", "الاطلسي", "--db", db, "--json")
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["nato-1"]
    code, out, err = run(capsys, monkeypatch, "search", '"الدفاع المدني" OR (الناتو*', "--db", db)
    assert code == 0 and "2 articles match" in err
    code, _, err = run(capsys, monkeypatch, "search", "()*", "--db", db)
    assert code == 2 and err.startswith("marsad: the query") and "Traceback" not in err


def test_ctrl_c_says_what_was_kept_and_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, corpus: Path, tmp_path: Path
) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("marsad.analyze.analyze", interrupted)
    code, _, err = run(capsys, monkeypatch, "analyze", str(corpus), "--db", str(tmp_path / "w.db"))
    assert code == 130
    assert "interrupted; what was stored is kept" in err


def test_missing_database_and_bad_dates_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "search", "الناتو", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no such database" in err
    code, _, err = run(capsys, monkeypatch, "analyze", str(tmp_path), "--published", "الخميس")
    assert code == 2 and "--published 'الخميس' is not a date" in err


def _commands(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every command under `command` (Typer vendors its own click: groups are known by their
    subcommands), with the words that call it."""
    found = [(path, command)]
    for name, sub in (getattr(command, "commands", None) or {}).items():
        found += _commands(sub, (*path, name))
    return found


def test_help_keeps_the_bracketed_names_of_extras(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rich reads "[semantic]" in a help text as a style tag and drops it: "( extra)".
    bracketed = re.compile(r"\\?\[[a-z]+\]")
    checked = 0
    for path, command in _commands(typer.main.get_command(app)):
        texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
        names = {m.group().lstrip("\\") for text in texts for m in bracketed.finditer(text)}
        if not names:
            continue
        code, out, _ = run(capsys, monkeypatch, *path, "--help")
        assert code == 0
        for name in names:
            assert name in out, f"marsad {' '.join(path)} --help lost {name}"
            checked += 1
    assert checked >= 2  # marsad ner train ([train]) and marsad eval stories ([semantic])
