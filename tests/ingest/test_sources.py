"""sources.toml: validation with errors naming the file and the key; the shipped example."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest.sources import SourcesError, load_sources

EXAMPLE = Path(__file__).parents[2] / "src" / "marsad" / "data" / "sources.example.toml"

GOOD = """
[defaults]
interval_min = 10

[fetch]
host_delay_s = 2

[[source]]
name = "almarsad"
url = "https://news.example.com/rss"
kind = "feed"
outlet = "صحيفة المرصد"

[[source]]
name = "almarsad-sitemap"
url = "https://news.example.com/sitemap-news.xml"
kind = "sitemap"
interval_min = 60
allow_private = false
selector = "//div[@class='story']"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_with_defaults(tmp_path: Path) -> None:
    config = load_sources(_write(tmp_path, GOOD))
    feed, sitemap = config.sources
    assert feed.interval_min == 10.0 and feed.outlet == "صحيفة المرصد" and feed.kind == "feed"
    assert sitemap.interval_min == 60.0 and sitemap.outlet == "almarsad-sitemap"
    assert sitemap.selector == "//div[@class='story']"
    assert config.fetch.host_delay_s == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('kind = "feed"', 'kind = "rss"'),
            'source[1] ("almarsad").kind: expected one of feed, sitemap, page',
        ),
        (
            ("interval_min = 60", 'interval_min = "hourly"'),
            "source[2] (\"almarsad-sitemap\").interval_min: expected a number > 0, got 'hourly'",
        ),
        (("interval_min = 10", "interval_min = 0"), "defaults.interval_min: expected a number > 0, got 0"),
        (
            ('url = "https://news.example.com/rss"', 'url = "file:///etc/passwd"'),
            "url: expected an http(s) URL",
        ),
        (('url = "https://news.example.com/rss"', 'adress = "x"'), "unknown key(s) adress"),
        (("allow_private = false", 'allow_private = "yes"'), "allow_private: expected true or false"),
        (("host_delay_s = 2", "host_delay = 2"), "fetch: unknown key(s) host_delay"),
        (('name = "almarsad-sitemap"', 'name = "almarsad"'), "two sources are named 'almarsad'"),
        (('name = "almarsad"\n', ""), "source[1]: missing required key 'name'"),
    ],
    ids=[
        "kind",
        "interval-type",
        "default-range",
        "url-scheme",
        "unknown-key",
        "bool",
        "fetch-key",
        "dup",
        "missing",
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    path = _write(tmp_path, GOOD.replace(*change, 1))
    with pytest.raises(SourcesError) as caught:
        load_sources(path)
    assert caught.value.message.startswith(f"{path}: ")
    assert message in caught.value.message


def test_broken_toml_and_missing_files_are_clear(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="not valid TOML"):
        load_sources(_write(tmp_path, "[[source]\nname = 1"))
    with pytest.raises(SourcesError, match="no such sources file"):
        load_sources(tmp_path / "missing.toml")
    with pytest.raises(SourcesError, match=r"no sources; add at least one \[\[source\]\]"):
        load_sources(_write(tmp_path, "[defaults]\ninterval_min = 5\n"))


def test_the_shipped_example_is_valid() -> None:
    config = load_sources(EXAMPLE)
    assert len(config.sources) >= 5
    assert all(source.url.startswith("https://") for source in config.sources)
    assert not any(source.allow_private for source in config.sources)
    assert len({source.outlet for source in config.sources}) == len(config.sources)
