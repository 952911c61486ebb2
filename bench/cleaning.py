"""Cleaning accuracy and speed on real articles: furniture removal, body retention, agency.

The gold set (bench/data/cleaning_gold.jsonl) holds, for articles of the SaudiNewsNet corpus
(CC BY-NC-SA: only ids, line indices, short line hashes and labels are stored here, never text),
a body|furniture label per non-empty line of `text.split("\\n")` and the expected agency; the
articles marked `"sample": "random"` were drawn at random (not for their furniture) and show body
retention on plain articles, reported apart as "RANDOM". The texts are read from
../shared/datasets/saudinewsnet; OutletFurniture is observed over every
article of each outlet first, as `marsad analyze` does. Our own HTML pages (tests/data/html)
are scored too, against the body/furniture snippets in bench/data/cleaning_html_gold.json.
Headline detection (scraped text without metadata) is measured on random articles: with the
article's own title put above its text the title must be found; on the bare text none invented.

    .venv/bin/python bench/cleaning.py [--speed-articles 5000] [--show-errors 40] [--headline-articles 2000]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from marsad.corpus.furniture import OutletFurniture
from marsad.stages.extract import clean_text, extract_html, plain_letters

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "datasets" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
GOLD = ROOT / "bench" / "data" / "cleaning_gold.jsonl"
HTML_GOLD = ROOT / "bench" / "data" / "cleaning_html_gold.json"


def _norm(text: str) -> str:
    """Spaces collapsed, and the gold's raw presentation forms as the letters cleaning writes."""
    return " ".join(plain_letters(text).split())


def line_kept(line: str, out_text: str, out_lines: set[str]) -> bool:
    """A line survives when the output still holds it (or its middle, after an inline strip)."""
    line = _norm(line)
    if line in out_lines:
        return True
    if len(line) >= 40:
        centres = (len(line) // 4 + 12, len(line) // 2, 3 * len(line) // 4 - 12)
        chunks = [line[at - 12 : at + 12] for at in centres]
        return chunks[1] in out_text and (chunks[0] in out_text or chunks[2] in out_text)
    return any(line in out and len(out) <= 2 * len(line) + 20 for out in out_lines)


def load_corpus() -> dict[str, list[dict[str, str]]]:
    by_outlet: dict[str, list[dict[str, str]]] = defaultdict(list)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for raw in lines:
            record = json.loads(raw)
            by_outlet[record["source"]].append(record)
    return by_outlet


def score_corpus(by_outlet: dict[str, list[dict[str, str]]], show_errors: int) -> None:
    furniture = OutletFurniture()
    for outlet, records in by_outlet.items():
        for record in records:
            furniture.observe(outlet, record["text"])
    by_id = {r["id"]: r for records in by_outlet.values() for r in records}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    errors: list[str] = []
    agency_right: int = 0
    agency_total = drift = 0
    for item in gold:
        record = by_id[item["id"]]
        cleaned = clean_text(
            record["text"],
            title=record["title"],
            author=record["author"],
            is_outlet_furniture=furniture.for_outlet(item["outlet"]),
        )
        out_lines = {_norm(line) for line in cleaned.text.split("\n")}
        out_text = _norm(cleaned.text)
        raw_lines = record["text"].split("\n")
        for index, digest, label in item["lines"]:
            line = raw_lines[index].strip()
            if hashlib.sha1(line.encode()).hexdigest()[:8] != digest:
                drift += 1
                continue
            kept = line_kept(line, out_text, out_lines)
            for key in (item["outlet"], "ALL", *(["RANDOM"] if item.get("sample") == "random" else [])):
                s = stats[key]
                s[f"{label}_lines"] += 1
                s[f"{label}_chars"] += len(line)
                s[f"{label}_kept_lines"] += kept
                s[f"{label}_kept_chars"] += len(line) * kept
            if kept != (label == "body"):
                errors.append(
                    f"{item['outlet']:13} {item['id']} #{index:<3} {label:9} "
                    f"{'KEPT' if kept else 'DROPPED'}: {line[:90]}"
                )
        if item.get("agency") or cleaned.agency:
            agency_total += 1
            agency_right += int(cleaned.agency == item.get("agency"))
            if cleaned.agency != item.get("agency"):
                errors.append(
                    f"{item['outlet']:13} {item['id']} agency {cleaned.agency!r} != {item.get('agency')!r}"
                )
    print(f"gold: {len(gold)} articles, {len(stats) - 2} outlets; drifted lines skipped: {drift}")
    print(
        f"{'outlet':13} {'articles':>8} {'furn.lines':>10} {'removed':>8} {'body.lines':>10} "
        f"{'kept':>8} {'kept(chars)':>11}"
    )
    counts: dict[str, int] = defaultdict(int)
    for item in gold:
        counts[item["outlet"]] += 1
    counts["ALL"] = len(gold)
    counts["RANDOM"] = sum(item.get("sample") == "random" for item in gold)
    for key in sorted(stats, key=lambda k: (k in ("ALL", "RANDOM"), k)):
        s = stats[key]
        furn = s["furniture_lines"]
        removed = 1 - s["furniture_kept_lines"] / furn if furn else float("nan")
        kept_share = s["body_kept_lines"] / s["body_lines"] if s["body_lines"] else float("nan")
        kept_chars = s["body_kept_chars"] / s["body_chars"] if s["body_chars"] else float("nan")
        print(
            f"{key:13} {counts[key]:8d} {int(s['furniture_lines']):10d} {removed:8.1%} "
            f"{int(s['body_lines']):10d} {kept_share:8.2%} {kept_chars:11.2%}"
        )
    print(f"agency: {agency_right}/{agency_total} right")
    print(f"\nwrong lines ({len(errors)}):")
    for line in errors[:show_errors]:
        print("  " + line)


def score_html(show_errors: int) -> None:
    if not HTML_GOLD.exists():
        return
    gold = json.loads(HTML_GOLD.read_text(encoding="utf-8"))
    body_total = body_kept = furn_total = furn_removed = 0
    errors = []
    for name, expected in gold.items():
        cleaned = extract_html((ROOT / "tests" / "data" / "html" / name).read_text(encoding="utf-8"))
        text = _norm(cleaned.text)
        for snippet in expected["body"]:
            body_total += 1
            body_kept += _norm(snippet) in text
            if _norm(snippet) not in text:
                errors.append(f"{name}: body DROPPED: {snippet[:80]}")
        for snippet in expected["furniture"]:
            furn_total += 1
            furn_removed += _norm(snippet) not in text
            if _norm(snippet) in text:
                errors.append(f"{name}: furniture KEPT: {snippet[:80]}")
    print(
        f"\nHTML pages: {len(gold)}; furniture removed {furn_removed}/{furn_total}, "
        f"body kept {body_kept}/{body_total}"
    )
    for line in errors[:show_errors]:
        print("  " + line)


def score_headlines(by_outlet: dict[str, list[dict[str, str]]], n_articles: int, seed: int = 3) -> None:
    """Title found when the text opens with it; no title invented when it does not."""
    everything = [r for records in by_outlet.values() for r in records if (r["title"] or "").strip()]
    records = random.Random(seed).sample(everything, min(n_articles, len(everything)))
    found = invented = 0
    for r in records:
        title = " ".join(r["title"].split())
        found += clean_text(f"{title}\n{r['text']}").title == title
        invented += clean_text(r["text"]).title is not None
    n = len(records)
    print(
        f"\nheadlines ({n} random articles, no metadata): title found {found / n:.1%} when above the text; "
        f"title invented {invented / n:.1%} without it"
    )


def measure_speed(by_outlet: dict[str, list[dict[str, str]]], n_articles: int) -> None:
    everything = [r for records in by_outlet.values() for r in records]
    records = everything[:: max(1, len(everything) // n_articles)][:n_articles]
    furniture = OutletFurniture()
    for r in records:
        furniture.observe(r["source"], r["text"])
    tests = {outlet: furniture.for_outlet(outlet) for outlet in by_outlet}
    start = time.perf_counter()
    for r in records:
        clean_text(r["text"], title=r["title"], author=r["author"], is_outlet_furniture=tests[r["source"]])
    elapsed = time.perf_counter() - start
    print(
        f"\nspeed: clean_text on {len(records)} articles in {elapsed:.2f}s "
        f"= {len(records) / elapsed:,.0f} articles/s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--speed-articles", type=int, default=5000)
    parser.add_argument("--show-errors", type=int, default=60)
    parser.add_argument("--headline-articles", type=int, default=2000)
    args = parser.parse_args()
    score_html(args.show_errors)
    if not CORPUS.exists():
        print(f"skipped the corpus part: {CORPUS} is absent (it lives in ../shared, outside the repo)")
        return 0
    by_outlet = load_corpus()
    score_corpus(by_outlet, args.show_errors)
    score_headlines(by_outlet, args.headline_articles)
    measure_speed(by_outlet, args.speed_articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
