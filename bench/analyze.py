"""Throughput and memory of `marsad analyze` on the first 2,000 and 8,000 SaudiNewsNet articles.

Run: .venv/bin/python bench/analyze.py [--sizes 2000 8000]
Prints articles/s, MB/s and peak memory per size, and the time ratio between sizes (linear
growth means 8,000 articles take at most 4.4x the time of 2,000).

    .venv/bin/python bench/analyze.py --long 50 400

times one article made of the texts of 50 and of 400 articles (a dump pasted into one file):
its time should grow with its length, not with its square (a 4 MB text of one sentence took
hours when each quote looked through every name of the article).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import saudinewsnet


def run(size: int, workdir: Path) -> tuple[float, float, float]:
    corpus = workdir / f"first{size}.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for record in saudinewsnet(size):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = workdir / f"first{size}.db"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad", "analyze", str(corpus), "--db", str(db), "-q"],
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    summary = proc.stderr.read().strip() if proc.stderr else ""
    print(f"  {summary.splitlines()[0] if summary else ''}")
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"marsad analyze failed: {summary}")
    return elapsed, corpus.stat().st_size / 1e6, usage.ru_maxrss / 1024


def run_long(count: int, workdir: Path) -> tuple[float, float]:
    """Seconds `marsad analyze` takes on one .txt article made of `count` articles' texts, and
    its megabytes."""
    text = workdir / f"long{count}.txt"
    text.write_text("\n\n".join(record["text"] for record in saudinewsnet(count)), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "marsad",
            "analyze",
            str(text),
            "--db",
            str(workdir / f"long{count}.db"),
            "-q",
        ],
        check=True,
    )
    elapsed = time.perf_counter() - started
    megabytes = text.stat().st_size / 1e6
    print(f"one article of {count} articles' texts ({megabytes:.2f} MB): {elapsed:.1f} s")
    return elapsed, megabytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000])
    parser.add_argument(
        "--long", type=int, nargs=2, metavar=("SMALL", "LARGE"), help="one long article instead"
    )
    args = parser.parse_args()
    if args.long:
        with tempfile.TemporaryDirectory() as tmp:
            (small, small_mb), (large, large_mb) = (run_long(count, Path(tmp)) for count in args.long)
        print(f"time ratio: {large / small:.2f}x for {large_mb / small_mb:.1f}x the text (start-up included)")
        return
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            elapsed, megabytes, peak_mb = run(size, Path(tmp))
            times[size] = elapsed
            print(
                f"{size:>6} articles: {elapsed:6.1f} s  {size / elapsed:6.0f} articles/s  "
                f"{megabytes / elapsed:5.2f} MB/s  peak {peak_mb:.0f} MB"
            )
    sizes = sorted(times)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print(
            f"time ratio {large}/{small}: {times[large] / times[small]:.2f}x "
            f"(linear: {large / small:.1f}x, allowed {large / small * 1.1:.1f}x)"
        )


if __name__ == "__main__":
    main()
