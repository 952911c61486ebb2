"""`marsad fetch`, `marsad watch`, `marsad sources`, `marsad revisions` as a user runs them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.ingest.pages import url_id
from marsad.records import RECORD_FIELDS
from marsad.watch import Watcher
from tests.cli.test_cli import run
from tests.local_http import ARTICLES, LocalSite, Reply, article_html, running_site
from tests.test_watch import serve_news


@pytest.fixture
def site() -> Iterator[LocalSite]:
    yield from running_site()


def _sources_file(tmp_path: Path, site: LocalSite) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        "[fetch]\nhost_delay_s = 0\nretries = 0\n\n"
        f'[[source]]\nname = "almarsad"\noutlet = "صحيفة المرصد"\nurl = "{site.url("/rss")}"\n'
        "allow_private = true\n\n"
        f'[[source]]\nname = "broken"\nurl = "{site.url("/broken.xml")}"\nallow_private = true\n',
        encoding="utf-8",
    )
    return path


def test_fetch_a_feed_writes_the_analyze_output_contract(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_news(site)
    db, out = tmp_path / "m.db", tmp_path / "out.jsonl"
    code, _, err = run(
        capsys, monkeypatch, "fetch", site.url("/rss"), "--db", str(db), "--out", str(out),
        "--allow-private", "--host-delay", "0",
    )  # fmt: skip
    assert code == 0, err
    assert "3 processed" in err
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [tuple(record) for record in records] == [RECORD_FIELDS] * 3
    assert {record["title"] for record in records} == {
        ARTICLES[k][0] for k in ("measles", "gold", "bookfair")
    }
    assert all(record["outlet"] == "صحيفة المرصد" for record in records)  # from og:site_name
    # The same records `marsad export` reads back from the database.
    code, exported, _ = run(capsys, monkeypatch, "export", "--db", str(db))
    by_id = {record["id"]: record for record in map(json.loads, exported.splitlines())}
    assert {record["id"]: record for record in records} == by_id


def test_fetch_a_single_page_to_stdout(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = site.add("/news/rain", Reply(article_html("rain").encode("cp1256"), content_type="text/html"))
    code, out, err = run(
        capsys, monkeypatch, "fetch", url, "--db", str(tmp_path / "m.db"), "--out", "-", "--allow-private",
    )  # fmt: skip
    assert code == 0, err
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["id"] == url_id(url) and record["title"] == ARTICLES["rain"][0]
    assert ARTICLES["rain"][1][1] in record["text"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:{port}/rss", "127.0.0.1 is a loopback address"),
        ("http://localhost:{port}/rss", "localhost is a loopback address"),
        ("http://10.20.30.40/rss", "10.20.30.40 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "is a link-local address"),
        ("http://[::1]:{port}/rss", "::1 is a loopback address"),
        ("file:///etc/passwd", "only http and https URLs are fetched"),
    ],
    ids=["loopback", "localhost", "10.x", "link-local", "ipv6-loopback", "file"],
)
def test_fetch_refuses_private_addresses_without_allow_private(
    site: LocalSite,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    message: str,
) -> None:
    serve_news(site)
    code, _, err = run(
        capsys, monkeypatch, "fetch", url.format(port=site.port), "--db", str(tmp_path / "m.db")
    )
    assert code == 1
    assert message in err and "Traceback" not in err
    assert site.count("/rss") == 0


def test_watch_once_then_sources_shows_health(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_news(site)
    db = str(tmp_path / "m.db")
    code, _, err = run(capsys, monkeypatch, "watch", "--sources", str(_sources_file(tmp_path, site)),
                       "--db", db, "--once")  # fmt: skip
    assert code == 0, err
    assert "almarsad: feed, 3 items, 3 to fetch" in err
    assert "broken:" in err and "not a readable feed" in err
    assert "round done: 3 processed" in err
    code, table, err = run(capsys, monkeypatch, "sources", "--db", db)
    assert code == 0, err
    assert "almarsad" in table and "3.0" in table and "ok" in table
    assert "broken" in table and "failing" in table


def test_watch_out_appends_each_rounds_new_articles_once(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_news(site)
    db, out = str(tmp_path / "m.db"), tmp_path / "out.jsonl"
    args = ("watch", "--sources", str(_sources_file(tmp_path, site)), "--db", db, "--once", "--out", str(out))
    assert run(capsys, monkeypatch, *args)[0] == 0
    # The next round finds nothing new: the file keeps its three records, none twice.
    assert run(capsys, monkeypatch, *args)[0] == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [tuple(record) for record in records] == [RECORD_FIELDS] * 3
    code, exported, _ = run(capsys, monkeypatch, "export", "--db", db)
    assert code == 0
    assert {r["id"]: r for r in records} == {r["id"]: r for r in map(json.loads, exported.splitlines())}


def test_watch_out_keeps_what_a_round_stored_before_it_failed(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_news(site)
    db, out = str(tmp_path / "m.db"), tmp_path / "out.jsonl"
    sources = str(_sources_file(tmp_path, site))
    assert run(capsys, monkeypatch, "watch", "--sources", sources, "--db", db, "--once")[0] == 0
    stored = [
        json.loads(line)["id"] for line in run(capsys, monkeypatch, "export", "--db", db)[1].splitlines()
    ]

    def store_then_fail(self: Watcher, *, once: bool = False) -> None:
        for article_id in stored[:2]:
            assert self.sink is not None
            self.sink({"id": article_id})
        raise OSError("disk full")

    monkeypatch.setattr(Watcher, "run", store_then_fail)
    monkeypatch.setattr(
        sys, "argv", ["marsad", "watch", "--sources", sources, "--db", db, "--once", "--out", str(out)]
    )
    with pytest.raises(OSError, match="disk full"):
        main()
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == stored[:2]


def test_revisions_lists_earlier_versions(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = site.add("/news/rain", Reply(article_html("rain").encode()))
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[fetch]\nhost_delay_s = 0\n[[source]]\nname = "p"\nurl = "{url}"\n'
        'kind = "page"\nallow_private = true\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "m.db")
    assert run(capsys, monkeypatch, "watch", "--sources", str(sources), "--db", db, "--once")[0] == 0
    edit = "وأعلنت الأرصاد استمرار الحالة الجوية حتى مساء الغد."
    site.add("/news/rain", Reply(article_html("rain", extra_paragraph=edit).encode()))
    assert run(capsys, monkeypatch, "watch", "--sources", str(sources), "--db", db, "--once")[0] == 0
    code, out, err = run(capsys, monkeypatch, "revisions", url_id(url), "--db", db)
    assert code == 0, err
    assert "revision 1" in out and "current (revision 2)" in out
    assert out.count(ARTICLES["rain"][1][0]) == 2 and out.count(edit) == 1


def test_bad_sources_files_and_missing_databases_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "x"\nurl = "https://example.com/rss"\ninterval_min = -5\n', "utf-8")
    code, _, err = run(capsys, monkeypatch, "watch", "--sources", str(bad), "--db", str(tmp_path / "m.db"))
    assert code == 2 and f'{bad}: source[1] ("x").interval_min: expected a number > 0, got -5' in err
    code, _, err = run(capsys, monkeypatch, "sources", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no such database" in err
