import gzip
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from marsad.ingest.files import derive_id, estimate_count, read_inputs
from marsad.model import Article
from marsad.pipeline import Failed, Skipped
from marsad.settings import Settings
from tests.conftest import FLOOD_TEXT, NATO_TEXT

SETTINGS = Settings()


def read_all(*paths: Path | str, settings: Settings = SETTINGS) -> list[Article | Failed | Skipped]:
    return list(read_inputs([str(p) for p in paths], settings))


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_jsonl_fields_map_onto_the_article(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "id": "00547aa5",
                "url": "http://aawsat.com/home/article/410826",
                "source": "aawsat",
                "title": "بريطانيا: أربعة محاور لاستراتيجية جديدة",
                "author": "لندن: رنيم حنوش",
                "fetched_at": "2015-07-21 02:51:32",
                "published": "2015-07-20T22:10",
                "text": NATO_TEXT,
            }
        ],
    )
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert (article.id, article.outlet, article.source) == ("00547aa5", "aawsat", str(path))
    assert article.published_at == datetime(2015, 7, 20, 22, 10)
    assert article.fetched_at == datetime(2015, 7, 21, 2, 51, 32)
    assert article.author == "لندن: رنيم حنوش"


def test_bad_jsonl_lines_are_named_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"text": NATO_TEXT}, ensure_ascii=False)
        + "\n"
        + "{not json\n"
        + json.dumps({"title": "بلا نص"}, ensure_ascii=False)
        + "\n"
        + "[1, 2]\n"
        + json.dumps({"text": FLOOD_TEXT}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "Failed", "Skipped", "Failed", "Article"]
    assert items[1].source == f"{path}:2" and "not JSON" in items[1].reason  # type: ignore[union-attr]
    assert items[2] == Skipped(f"{path}:3", "no text or html")


def test_a_json_array_of_saudinewsnet_records_is_read_item_by_item(tmp_path: Path) -> None:
    # SaudiNewsNet as published: one JSON array per day, the text under "content", no id.
    day = [
        {
            "source": "okaz",
            "url": "http://www.okaz.com.sa/new/Issues/20150806/Con20150806790061.htm",
            "date_extracted": "2015-08-06 18:12:40",
            "title": "تشييع الشهيد الجندي أول الشاجري",
            "author": "",
            "content": FLOOD_TEXT,
        },
        {"source": "okaz", "url": "http://www.okaz.com.sa/x", "title": "بلا نص", "content": " "},
        "not an object",
        {"source": "sabq", "content": "<html><body><p>" + NATO_TEXT + "</p></body></html>"},
    ]
    path = tmp_path / "2015-08-06.json"
    path.write_text(json.dumps(day, ensure_ascii=False), encoding="utf-8")
    first, blank, other, page = read_all(path)
    assert isinstance(first, Article) and first.text == FLOOD_TEXT and first.outlet == "okaz"
    assert first.fetched_at == datetime(2015, 8, 6, 18, 12, 40)
    assert first.id == derive_id(url=day[0]["url"], text="")  # type: ignore[index]
    assert blank == Skipped(f"{path}[1]", "no text or html")
    assert isinstance(other, Failed) and other.source == f"{path}[2]"
    assert isinstance(page, Article) and page.html is not None and not page.text
    assert estimate_count([str(path)]) is None


def test_a_broken_or_oversized_json_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "نص"}', encoding="utf-8")
    [item] = read_all(broken)
    assert isinstance(item, Failed) and item.source == str(broken) and "not JSON" in item.reason
    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"text": NATO_TEXT}] * 200, ensure_ascii=False), encoding="utf-8")
    assert big.stat().st_size > 50_000
    [item] = read_all(big, settings=Settings(max_file_mb=0.005))
    assert isinstance(item, Skipped) and "over the 0.05 MB limit for .json" in item.reason


def test_gzipped_jsonl_and_folders_are_read_and_other_files_ignored(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "g1", "text": NATO_TEXT}, ensure_ascii=False) + "\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(f"<html><body><p>{FLOOD_TEXT}</p></body></html>", "utf-8")
    (tmp_path / "README.md").write_text("not an article", "utf-8")
    items = read_all(tmp_path)
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
    assert items[1].html is not None  # type: ignore[union-attr]
    assert estimate_count([str(tmp_path)]) == 2


def test_windows_1256_file_is_detected_not_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(FLOOD_TEXT.encode("cp1256"))
    [article] = read_all(path)
    assert isinstance(article, Article) and article.text == FLOOD_TEXT


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"  \n\n ", "empty file"), (b"\x00\x01\x02binary\xff" * 50, "binary file")],
    ids=["empty", "blank", "binary"],
)
def test_unreadable_files_get_a_reason_naming_them(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    [item] = read_all(path)
    assert isinstance(item, Skipped | Failed) and item.source == str(path) and reason in item.reason


def test_huge_single_article_file_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(NATO_TEXT * 400, "utf-8")
    [item] = read_all(path, settings=Settings(max_file_mb=0.1))
    assert isinstance(item, Skipped) and "over the 0.1 MB limit" in item.reason


def test_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    missing, pdf = read_all(tmp_path / "nope.txt", tmp_path / "doc.pdf")
    assert missing == Failed(str(tmp_path / "nope.txt"), "no such file or folder")
    assert isinstance(pdf, Skipped) and "unsupported file type .pdf" in pdf.reason


def test_stdin_jsonl_and_text(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = json.dumps({"id": "s1", "text": NATO_TEXT}, ensure_ascii=False) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    [article] = read_all("-")
    assert isinstance(article, Article) and article.id == "s1" and article.source == "-"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(FLOOD_TEXT.encode("cp1256"))))
    [article] = read_all("-")
    assert isinstance(article, Article) and article.text == FLOOD_TEXT


def test_default_publication_date_applies_only_where_none_is_given(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl", [{"text": NATO_TEXT}, {"text": FLOOD_TEXT, "published": "2015-08-01"}]
    )
    first, second = read_all(path, settings=Settings(published=datetime(2020, 5, 15)))
    assert first.published_at == datetime(2020, 5, 15)  # type: ignore[union-attr]
    assert second.published_at == datetime(2015, 8, 1)  # type: ignore[union-attr]


def test_ids_derive_from_url_else_from_spelling_insensitive_content() -> None:
    assert derive_id(url="https://x.example/a", text="") == derive_id(url="https://x.example/a", text="other")
    assert derive_id(url=None, text="الأطلسي  أمس") == derive_id(url=None, text="الاطلسي أمس")
    assert derive_id(url=None, text=NATO_TEXT) != derive_id(url=None, text=FLOOD_TEXT)
