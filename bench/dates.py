"""Accuracy and speed of the dates stage on tests/data/dates_eval.tsv.

Run: `.venv/bin/python bench/dates.py`. Prints accuracy overall and per category, every row it
gets wrong (with what was found instead), and the time per 1,000 characters on long texts made
of the evaluation sentences. A row is correct when a mention with the expected text, value and
granularity is found; a negative row (no expected text) when nothing is found.
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from common import REPO
from marsad.model import DateMention
from marsad.stages.dates import find_dates

sys.path.insert(0, str(REPO))  # the evaluation set's reader lives with its quality gate
from tests.stages.test_dates import EvalRow as Row
from tests.stages.test_dates import is_correct, read_eval_rows

ROOT = Path(__file__).resolve().parent.parent
NEWS_PATH = ROOT.parent / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def report_accuracy(rows: list[Row]) -> None:
    by_category: dict[str, list[bool]] = defaultdict(list)
    wrong: list[tuple[Row, list[DateMention]]] = []
    for row in rows:
        found = find_dates(row.sentence, row.reference_at)
        ok = is_correct(row, found)
        by_category[row.category].append(ok)
        if not ok:
            wrong.append((row, found))
    total = [ok for oks in by_category.values() for ok in oks]
    print(f"overall accuracy: {sum(total) / len(total):.3f} ({sum(total)}/{len(total)})")
    for category, oks in sorted(by_category.items()):
        print(f"  {category:<16} {sum(oks) / len(oks):.3f} ({sum(oks)}/{len(oks)})")
    print(f"\nwrong ({len(wrong)}):")
    for row, found in wrong:
        expected = f"{row.expected_text!r} -> {row.expected_value}" if row.expected_text else "no date"
        got = ", ".join(f"{m.text!r} -> {m.value} ({m.granularity})" for m in found) or "nothing"
        print(f"  [{row.category}] {row.sentence}\n      expected {expected}; found {got}")


def report_speed(rows: list[Row], repeats: int = 20) -> None:
    """Long articles are the evaluation sentences joined; relative dates resolve, so all rules run."""
    text = " ".join(row.sentence for row in rows)
    reference_at = datetime(2024, 3, 14)
    find_dates(text, reference_at)  # warm up regex caches
    started = time.perf_counter()
    for _ in range(repeats):
        find_dates(text, reference_at)
    elapsed_s = (time.perf_counter() - started) / repeats
    ms_per_kchar = elapsed_s * 1000 / (len(text) / 1000)
    print(
        f"\nspeed: {ms_per_kchar:.3f} ms per 1,000 characters ({len(text)} characters, "
        f"{elapsed_s * 1000:.1f} ms per call)"
    )


def report_news_speed(limit: int = 2000) -> None:
    """Speed on real articles (SaudiNewsNet) when the shared datasets are checked out beside."""
    if not NEWS_PATH.exists():
        print(f"(no {NEWS_PATH}: skipping the real-article speed run)")
        return
    articles = []
    with gzip.open(NEWS_PATH, "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, limit):
            record = json.loads(line)
            articles.append((record["text"], datetime.fromisoformat(record["fetched_at"])))
    started = time.perf_counter()
    found = sum(len(find_dates(text, reference_at)) for text, reference_at in articles)
    elapsed_s = time.perf_counter() - started
    chars = sum(len(text) for text, _ in articles)
    print(
        f"speed on {len(articles)} SaudiNewsNet articles: {elapsed_s * 1000 / (chars / 1000):.3f} ms per "
        f"1,000 characters ({chars} characters, {found} dates found)"
    )


if __name__ == "__main__":
    eval_rows = read_eval_rows()
    report_accuracy(eval_rows)
    report_speed(eval_rows)
    report_news_speed()
