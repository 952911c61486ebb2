"""sources.toml: the sources `marsad watch` polls, validated with errors naming file and key.

    [defaults]                 # optional; any source setting, applied to every source
    interval_min = 15

    [[source]]
    name = "aljazeera"                      # unique; how `marsad sources` lists it
    url = "https://www.aljazeera.net/aljazeerarss/..."
    kind = "feed"                           # feed | sitemap | page | auto (default: auto)
    outlet = "الجزيرة"                      # the articles' outlet (default: the name)

See `src/marsad/data/sources.example.toml` for every key with its default.

Every key is checked: a misspelt key, a wrong type or an out-of-range value stops the run with
a message such as `sources.toml: source[2] ("bbc").interval_min: expected a number > 0, got "x"`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

from marsad.errors import UsageError

SourceKind = Literal["feed", "sitemap", "page", "auto"]
KINDS: tuple[SourceKind, ...] = ("feed", "sitemap", "page", "auto")


class SourcesError(UsageError):
    """A sources file that cannot be read or does not describe valid sources."""


@dataclass(frozen=True, slots=True)
class Source:
    """One configured source and how to poll it."""

    name: str
    url: str
    kind: SourceKind = "auto"
    outlet: str | None = None
    language: str = "ar"
    interval_min: float = 15.0
    max_items: int = 50
    max_sitemaps: int = 3
    allow_private: bool = False
    selector: str | None = None  # an XPath to the article body, for pages the extractor misreads
    silent_after_h: float = 24.0
    enabled: bool = True

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """`[fetch]`: politeness for the whole file (see ingest.fetch.FetchPolicy)."""

    timeout_s: float = 20.0
    retries: int = 2
    backoff_s: float = 1.0
    host_delay_s: float = 1.0
    max_mb: float = 10.0
    max_redirects: int = 5
    obey_robots: bool = True


@dataclass(frozen=True, slots=True)
class SourcesFile:
    path: str
    sources: tuple[Source, ...]
    fetch: FetchSettings = FetchSettings()


_Check = Callable[[Any], bool]
_SOURCE_CHECKS: dict[str, tuple[_Check, str]] = {
    "name": (lambda v: isinstance(v, str) and bool(v.strip()), "a non-empty string"),
    "url": (
        lambda v: (
            isinstance(v, str) and urlsplit(v).scheme in ("http", "https") and bool(urlsplit(v).hostname)
        ),
        "an http(s) URL",
    ),
    "kind": (lambda v: v in KINDS, f"one of {', '.join(KINDS)}"),
    "outlet": (lambda v: isinstance(v, str) and bool(v.strip()), "a non-empty string"),
    "language": (lambda v: isinstance(v, str) and bool(v.strip()), 'a language code such as "ar"'),
    "interval_min": (lambda v: _number(v) and v > 0, "a number > 0"),
    "max_items": (lambda v: _integer(v) and v > 0, "an integer > 0"),
    "max_sitemaps": (lambda v: _integer(v) and v > 0, "an integer > 0"),
    "allow_private": (lambda v: isinstance(v, bool), "true or false"),
    "selector": (lambda v: isinstance(v, str) and bool(v.strip()), "an XPath expression"),
    "silent_after_h": (lambda v: _number(v) and v > 0, "a number > 0"),
    "enabled": (lambda v: isinstance(v, bool), "true or false"),
}
_FETCH_CHECKS: dict[str, tuple[_Check, str]] = {
    "timeout_s": (lambda v: _number(v) and v > 0, "a number > 0"),
    "retries": (lambda v: _integer(v) and 0 <= v <= 10, "an integer from 0 to 10"),
    "backoff_s": (lambda v: _number(v) and v >= 0, "a number >= 0"),
    "host_delay_s": (lambda v: _number(v) and v >= 0, "a number >= 0"),
    "max_mb": (lambda v: _number(v) and v > 0, "a number > 0"),
    "max_redirects": (lambda v: _integer(v) and 0 <= v <= 20, "an integer from 0 to 20"),
    "obey_robots": (lambda v: isinstance(v, bool), "true or false"),
}
_REQUIRED = ("name", "url")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def load_sources(path: str | Path) -> SourcesFile:
    """The sources file at `path`, validated; raises SourcesError naming the file and key."""
    name = str(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourcesError(f"{name}: no such sources file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{name}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{name}: not valid TOML: {exc}") from exc
    return parse_sources(data, name)


def parse_sources(data: Mapping[str, Any], name: str) -> SourcesFile:
    _reject_unknown(data, {"defaults", "fetch", "source"}, name, "")
    defaults = _table(data.get("defaults", {}), name, "defaults")
    _check_values(defaults, _SOURCE_CHECKS, name, "defaults")
    fetch = _table(data.get("fetch", {}), name, "fetch")
    _check_values(fetch, _FETCH_CHECKS, name, "fetch")
    listed = data.get("source", [])
    if not isinstance(listed, list) or not listed:
        raise SourcesError(f"{name}: no sources; add at least one [[source]] table with name and url")
    sources = [
        _source({**defaults, **_table(entry, name, f"source[{i}]")}, name, i)
        for i, entry in enumerate(listed, start=1)
    ]
    _reject_duplicates(sources, name)
    return SourcesFile(name, tuple(sources), replace(FetchSettings(), **fetch))


def _table(value: Any, name: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SourcesError(f"{name}: {where}: expected a table, got {type(value).__name__}")
    return dict(value)


def _source(values: dict[str, Any], name: str, index: int) -> Source:
    label = f"source[{index}]" + (f' ("{values["name"]}")' if isinstance(values.get("name"), str) else "")
    _check_values(values, _SOURCE_CHECKS, name, label)
    for key in _REQUIRED:
        if key not in values:
            raise SourcesError(f"{name}: {label}: missing required key {key!r}")
    values["kind"] = cast(SourceKind, values.get("kind", "auto"))
    values.setdefault("outlet", values["name"])
    for key in ("interval_min", "silent_after_h"):
        if key in values:
            values[key] = float(values[key])
    return Source(**values)


def _check_values(
    values: Mapping[str, Any], checks: Mapping[str, tuple[_Check, str]], name: str, where: str
) -> None:
    _reject_unknown(values, set(checks), name, where)
    for key, value in values.items():
        check, expected = checks[key]
        if not check(value):
            raise SourcesError(f"{name}: {where}.{key}: expected {expected}, got {value!r}")


def _reject_unknown(values: Mapping[str, Any], known: set[str], name: str, where: str) -> None:
    unknown = sorted(set(values) - known)
    if unknown:
        prefix = f"{where}: " if where else ""
        raise SourcesError(
            f"{name}: {prefix}unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )


def _reject_duplicates(sources: list[Source], name: str) -> None:
    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            raise SourcesError(f"{name}: two sources are named {source.name!r}; names must be unique")
        seen.add(source.name)
