"""Counts that outlets report differently, on real SaudiNewsNet days: the days' articles go through
`marsad analyze` (NER, linking and dates included: the differences test reads the names and
resolved days of each sentence), then every story of two articles or more is described and its
differences printed, so that each can be read and judged.

    .venv/bin/python bench/differences.py                       # 4 days, about 6,000 articles
    .venv/bin/python bench/differences.py --days 2015-08-06 2015-08-07
    .venv/bin/python bench/differences.py --all --db all.db     # then again with --db all.db: no analysis

Measured with --all (29,831 articles analyzed in 1,062 s on 2 cores, 2,559 stories of two articles
or more): 8 differences, each read against its articles, all 8 counts that the outlets printed
differently: tolls in Kabul (51 / 44), Syria (12 / 31 and 27 / 31) and Cameroon (11 / 13, 11 hours
apart: perhaps an update), an air show's manoeuvres (21 / 23), graduates (63 / 36) and an age limit
(25 / 55), which look like typos, and Spain's former marriage age (14 and 13 / 13). What the test
misses (its recall) is not measured: no annotated set of disagreements exists. Earlier versions
of the rules also found false ones that the rules now exclude: a stock market's daily counts of
rising and falling companies (another day's report), bond tenors listed one per line, a flight's
passengers misaligned by a stem, "more than 20" against 23; comparing figures of any kind, not
counts only, price and percentage reports of other hours and one outlet's reversed decimals (57.48
for 48.57) made most of 42 differences in the 300 largest stories of the evaluation's clustering.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from common import saudinewsnet
from marsad.analyze import analyze
from marsad.corpus.stories import article_from_stored
from marsad.corpus.summaries import MAX_ARTICLES, find_differences
from marsad.ingest.files import read_inputs
from marsad.settings import Settings
from marsad.store.sqlite import SQLiteStore

DAYS = ("2015-07-23", "2015-07-24", "2015-08-03", "2015-08-09")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", nargs="+", default=DAYS, help="fetch days (YYYY-MM-DD) to analyze")
    parser.add_argument("--all", action="store_true", help="every day of SaudiNewsNet (about 17 minutes)")
    parser.add_argument("--db", type=Path, help="analyze into this database; if it exists, read it as it is")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "days.db"
        if not path.exists():
            corpus = Path(folder) / "days.jsonl"
            with corpus.open("w", encoding="utf-8") as out:
                for record in saudinewsnet():
                    if args.all or (record.get("fetched_at") or "")[:10] in args.days:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
            store = SQLiteStore(str(path))
            started = time.perf_counter()
            settings = Settings()
            summary = analyze(read_inputs([str(corpus)], settings), store, settings)
            print(f"analyzed {summary.processed} articles in {time.perf_counter() - started:.0f} s")
        else:
            store = SQLiteStore(str(path))
        stories = [
            row[0]
            for row in store.db.execute(
                "SELECT story FROM articles WHERE story IS NOT NULL GROUP BY story HAVING COUNT(*) > 1"
            )
        ]
        found = 0
        for story_id in stories:
            articles = [article_from_stored(r) for r in store.story_records(story_id, limit=MAX_ARTICLES)]
            articles.sort(key=lambda a: (a.reference_at is None, a.reference_at, a.id))
            for difference in find_differences(articles):
                found += 1
                print(f"\n{story_id} ({len(articles)} articles)")
                for version in difference.versions:
                    print(f"  {' / '.join(version.figures)}  {', '.join(version.outlets)}: {version.text}")
        store.close()
        print(f"\n{found} differences in {len(stories)} stories of two articles or more")


if __name__ == "__main__":
    main()
