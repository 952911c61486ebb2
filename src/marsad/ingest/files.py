"""Local inputs to Articles: .txt, .html/.htm, .jsonl/.jsonl.gz, .json, .warc/.warc.gz files,
folders, `-` (stdin).

Reading never stops at a bad input: each file, JSONL line or JSON array item that cannot be read
becomes a `Failed` (broken) or `Skipped` (nothing to analyze) outcome naming it, and reading goes on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import dateparser

from marsad.arabic.charsets import decode_bytes
from marsad.arabic.keys import fold
from marsad.errors import InputError
from marsad.model import Article
from marsad.pipeline import Failed, Skipped
from marsad.settings import Settings

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
#: One record or an array of them (SaudiNewsNet's daily files, scrapers' exports).
JSON_SUFFIXES = (".json",)
#: A .json file may be this many times `Settings.max_file_mb` (it is parsed whole).
JSON_FILE_ARTICLES = 10
WARC_SUFFIXES = (".warc", ".warc.gz")  # read by ingest.warc
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + WARC_SUFFIXES

Read = Article | Failed | Skipped


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[Read]:
    """Every article in `paths` (files, folders recursed, `-` for stdin), in order."""
    for given in paths:
        if given == "-":
            yield from _read_stdin(settings)
            continue
        path = Path(given)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in SUPPORTED):
                yield from read_file(file, settings)
        elif path.exists():
            yield from read_file(path, settings)
        else:
            yield Failed(given, "no such file or folder")


def read_file(path: Path, settings: Settings) -> Iterator[Read]:
    name = str(path)
    suffix = _suffix(path)
    if suffix not in SUPPORTED:
        yield Skipped(name, f"unsupported file type {suffix or '(none)'}; expected {', '.join(SUPPORTED)}")
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, settings)
            return
        if suffix in JSON_SUFFIXES:
            yield from _read_json(path, settings)
            return
        if suffix in WARC_SUFFIXES:
            from marsad.ingest.warc import read_warc

            yield from read_warc(path, settings)
            return
        size_mb = path.stat().st_size / 1e6
        if size_mb > settings.max_file_mb:
            yield Skipped(
                name,
                f"file is {size_mb:.1f} MB, over the {settings.max_file_mb:g} MB limit "
                "for one article (--max-file-mb)",
            )
            return
        yield from _one_article(name, path.read_bytes(), is_html=suffix in HTML_SUFFIXES, settings=settings)
    except InputError as exc:
        yield Failed(exc.name, exc.reason)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Failed(name, f"cannot read: {exc}")


def _read_stdin(settings: Settings) -> Iterator[Read]:
    data = sys.stdin.buffer.read()
    try:
        text = decode_bytes(data, "<stdin>")
    except InputError as exc:
        yield Failed(exc.name, exc.reason)
        return
    if text.lstrip().startswith("{"):
        yield from _records("-", enumerate(text.splitlines(), start=1), settings)
    else:
        yield from _one_article("-", data, is_html=text.lstrip().startswith("<"), settings=settings)


def _one_article(name: str, data: bytes, *, is_html: bool, settings: Settings) -> Iterator[Read]:
    if not data.strip():
        yield Skipped(name, "empty file")
        return
    text = decode_bytes(data, name)
    record = {"html": text} if is_html else {"text": text}
    yield article_from_record(record, source=name, default_published=settings.published)


def _read_jsonl(path: Path, settings: Settings) -> Iterator[Read]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as stream:
        yield from _records(str(path), _decoded_lines(stream, str(path)), settings)


def _decoded_lines(stream: Iterable[bytes], name: str) -> Iterator[tuple[int, str | InputError]]:
    for lineno, raw in enumerate(stream, start=1):
        try:
            yield lineno, decode_bytes(raw, f"{name}:{lineno}")
        except InputError as exc:
            yield lineno, exc


def _records(name: str, lines: Iterable[tuple[int, str | InputError]], settings: Settings) -> Iterator[Read]:
    seen_any = False
    for lineno, line in lines:
        where = f"{name}:{lineno}"
        if isinstance(line, InputError):
            yield Failed(line.name, line.reason)
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failed(where, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _from_record(record, where, name, settings)
    if not seen_any:
        yield Skipped(name, "empty file")


def _read_json(path: Path, settings: Settings) -> Iterator[Read]:
    name = str(path)
    limit_mb = JSON_FILE_ARTICLES * settings.max_file_mb
    size_mb = path.stat().st_size / 1e6
    if size_mb > limit_mb:
        # Parsed whole, unlike JSON lines (read as they stream).
        yield Skipped(
            name, f"file is {size_mb:.1f} MB, over the {limit_mb:g} MB limit for .json; use JSON lines"
        )
        return
    data = path.read_bytes()
    if not data.strip():
        yield Skipped(name, "empty file")
        return
    try:
        value = json.loads(decode_bytes(data, name))
    except json.JSONDecodeError as exc:
        yield Failed(name, f"not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        yield _from_record(record, f"{name}[{i}]", name, settings)


def _from_record(record: object, where: str, source: str, settings: Settings) -> Read:
    if not isinstance(record, dict):
        return Failed(where, f"a JSON {type(record).__name__}, expected an object with text or html")
    try:
        return article_from_record(record, source=source, default_published=settings.published)
    except InputError as exc:
        return Skipped(where, exc.reason)


def article_from_record(
    record: Mapping[str, Any], *, source: str, default_published: datetime | None = None
) -> Article:
    """An Article from an input record (`id, url, source|outlet, title, published, ...`; also
    SaudiNewsNet's and scrapers' `content` for the text and `date_extracted` for `fetched_at`)."""
    text, html = _string(record, "text"), _string(record, "html")
    content = _string(record, "content")
    if not (text or html) and content:
        # Scrapers store the page's HTML or its text under "content".
        text, html = (None, content) if content.lstrip().startswith("<") else (content, None)
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(source, "no text or html")
    url = _string(record, "url")
    return Article(
        id=_string(record, "id") or derive_id(url=url, text=text or html or ""),
        source=source,
        text=text or "",
        html=html,
        url=url,
        outlet=_string(record, "outlet") or _string(record, "source"),
        title=_string(record, "title") or None,
        author=_string(record, "author") or None,
        published_at=parse_timestamp(_string(record, "published")) or default_published,
        fetched_at=parse_timestamp(_string(record, "fetched_at") or _string(record, "date_extracted")),
    )


def derive_id(*, url: str | None, text: str) -> str:
    """A stable id: from the URL when there is one, else from the content's matching key."""
    if url:
        return "u" + hashlib.sha1(url.strip().encode()).hexdigest()[:16]
    key = " ".join(fold(text).split())
    return "c" + hashlib.sha1(key.encode()).hexdigest()[:16]


def parse_timestamp(value: str | None) -> datetime | None:
    """A naive datetime from ISO text ("2015-07-21 02:51:32") or, failing that, dateparser."""
    if not value or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        return None
    return parsed.replace(tzinfo=None)


def _string(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUPPORTED, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def estimate_count(paths: Iterable[str]) -> int | None:
    """How many articles `paths` hold, counted cheaply (JSONL lines), for a progress bar total."""
    total = 0
    for given in paths:
        if given == "-":
            return None
        path = Path(given)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            suffix = _suffix(file)
            if suffix in JSON_SUFFIXES:
                return None  # an array's length is not known without parsing it
            if suffix in JSONL_SUFFIXES:
                total += _count_lines(file)
            elif suffix in SUPPORTED:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
    except (OSError, EOFError):
        return 0
