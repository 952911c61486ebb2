"""Latency of the web UI and API: p50/p95 per route, 20 concurrent clients on loopback, 30,000 articles.

Run: .venv/bin/python bench/web.py [--analyze 3000] [--total 30000] [--clients 20] [--db PATH] [--workers N]

The database: the first `--analyze` SaudiNewsNet articles go through `marsad analyze` (cleaning,
dates, entities and whatever corpus steps the store has), then every article row and its
full-text row are copied under new ids (`<id>~<k>`) until the database holds `--total` articles.
Copies keep their originals' outlets, dates and text, so searches match about total/analyze times
as many articles as a fully analyzed corpus would; entity, quote and story tables are not copied
(their pages are measured over the analyzed originals). `--db PATH` reuses a database built before.

`marsad serve` runs in a subprocess (its default worker processes, or `--workers N`); clients are
aiohttp on asyncio in this process, on the same machine, so they take CPU from the server. Each route
is timed from request to full body, first one client at a time (the time to render), then with 20
clients at once (queueing included). Searches run 12 queries over and over, but nothing caches
search results; the home page is cached until the database changes, so its numbers are those of
a repeated visit (the first one after a change costs what `views.home` costs). Needs
../shared/datasets.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import aiohttp
import httpx

from common import saudinewsnet

QUERIES = [
    "الرياض",
    "وزير الخارجية",
    "خادم الحرمين الشريفين",
    "الحوثي OR الحوثيين",
    "داعش",
    "النفط",
    '"مجلس الوزراء"',
    "الهلال -النصر",
    "إيران",
    "الأمطار",
    "التعليم",
    "جازان",
]


def build(analyze: int, total: int, folder: Path) -> Path:
    corpus = folder / "articles.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for record in saudinewsnet(analyze):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = folder / f"web-{total}.db"
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "marsad", "analyze", str(corpus), "--db", str(db), "-q"],
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"marsad analyze failed: {run.stderr.strip()[-2000:]}")
    print(f"analyzed {analyze} articles in {time.perf_counter() - started:.0f} s: {run.stderr.strip()}")
    duplicate(db, total)
    return db


def duplicate(db: Path, total: int) -> None:
    """Copy article rows (and their FTS rows) under new ids until there are `total` articles."""
    con = sqlite3.connect(db)
    columns = [r[1] for r in con.execute("PRAGMA table_info(articles)") if r[1] != "rowid"]
    originals = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    copy = 0
    while con.execute("SELECT count(*) FROM articles").fetchone()[0] < total:
        copy += 1
        room = total - con.execute("SELECT count(*) FROM articles").fetchone()[0]
        values = [
            f"id || '~{copy}'" if c == "id" else f"content_key || '~{copy}'" if c == "content_key" else c
            for c in columns
        ]
        con.execute(
            f"INSERT INTO articles ({', '.join(columns)}) SELECT {', '.join(values)} FROM articles "
            f"WHERE instr(id, '~') = 0 ORDER BY rowid LIMIT {min(room, originals)}"
        )
        con.execute(
            "INSERT INTO articles_fts (rowid, title, body) SELECT a.rowid, f.title, f.body FROM articles a "
            "JOIN articles o ON o.id = substr(a.id, 1, instr(a.id, '~') - 1) "
            "JOIN articles_fts f ON f.rowid = o.rowid WHERE a.id LIKE ?",
            (f"%~{copy}",),
        )
    con.commit()
    count = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    print(f"{count} articles in {db} ({originals} analyzed, {count - originals} copies)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(db: Path, port: int, workers: int | None) -> subprocess.Popen[bytes]:
    more = ["--workers", str(workers)] if workers else []
    server = subprocess.Popen(
        [sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port), *more],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/openapi.json", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    sys.exit("marsad serve did not start")


def plan(base: str, rng: random.Random, rounds: int) -> list[tuple[str, str]]:
    """(route name, path) pairs: pages and their API twins, over real ids of the database."""
    listed = httpx.get(f"{base}/api/articles", params={"limit": 500, "offset": 0}, timeout=60).json()
    article_ids = [a["id"] for a in listed["articles"]]
    entities = httpx.get(f"{base}/api/entities", params={"limit": 100}, timeout=60)
    entity_ids = [e["id"] for e in entities.json()["entities"]] if entities.status_code == 200 else []
    stories = httpx.get(f"{base}/api/stories", params={"limit": 100}, timeout=60)
    story_ids = [s["id"] for s in stories.json()["stories"]] if stories.status_code == 200 else []
    if not entity_ids:
        print(f"entity pages not measured: /api/entities answered {entities.status_code}")
    if not story_ids:
        print(f"story pages not measured: /api/stories answered {stories.status_code}")
    routes: list[tuple[str, str]] = []
    for _ in range(rounds):
        query = rng.choice(QUERIES)
        routes += [
            ("page /", "/"),
            ("page /search", f"/search?q={query}"),
            ("page /search p3", f"/search?q={query}&page=3"),
            ("page /articles/{id}", f"/articles/{rng.choice(article_ids)}"),
            ("api /api/search", f"/api/search?q={query}"),
            ("api /api/articles/{id}", f"/api/articles/{rng.choice(article_ids)}"),
        ]
        if entity_ids:
            entity = rng.choice(entity_ids)
            routes += [
                ("page /entities/{id}", f"/entities/{entity}"),
                ("api /api/entities/{id}", f"/api/entities/{entity}"),
            ]
        if story_ids:
            story = rng.choice(story_ids)
            routes += [
                ("page /stories/{id}", f"/stories/{story}"),
                ("api /api/stories/{id}", f"/api/stories/{story}"),
            ]
    rng.shuffle(routes)
    return routes


async def load(
    base: str, routes: list[tuple[str, str]], clients: int
) -> tuple[dict[str, list[float]], int, float, float]:
    """Send `routes` from `clients` concurrent keep-alive connections. aiohttp, not httpx: httpx
    spends about 3 ms of CPU per request, which on two cores would measure the clients."""
    timings: dict[str, list[float]] = defaultdict(list)
    errors = 0
    pending = list(reversed(routes))

    async def client(http: aiohttp.ClientSession) -> None:
        nonlocal errors
        while pending:
            name, path = pending.pop()
            started = time.perf_counter()
            try:
                async with http.get(path) as response:
                    await response.read()
                    failed = response.status != 200
            except aiohttp.ClientError:
                failed = True
            elapsed = time.perf_counter() - started
            errors += failed
            timings[name].append(elapsed * 1000)

    timeout = aiohttp.ClientTimeout(total=120)
    connector = aiohttp.TCPConnector(limit=clients)
    started, cpu = time.perf_counter(), time.process_time()
    async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return timings, errors, time.perf_counter() - started, time.process_time() - cpu


def report(
    title: str, timings: dict[str, list[float]], errors: int, elapsed_s: float, client_cpu_s: float
) -> None:
    count = sum(len(v) for v in timings.values())
    print(
        f"\n{title}: {count} requests in {elapsed_s:.1f} s ({count / elapsed_s:.0f} req/s), {errors} not 200;"
        f" the clients themselves used {client_cpu_s:.1f} CPU-s of this machine"
    )
    print(f"  {'route':<26} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name in sorted(timings):
        values = sorted(timings[name])
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(
            f"  {name:<26} {len(values):>4} {statistics.median(values):>8.1f} {p95:>8.1f} {values[-1]:>8.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--analyze", type=int, default=3000, help="SaudiNewsNet articles to analyze.")
    parser.add_argument("--total", type=int, default=30_000, help="Articles in the database after copying.")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=40, help="Requests per route and phase.")
    parser.add_argument("--db", type=Path, help="Reuse this database instead of building one.")
    parser.add_argument("--workers", type=int, help="Server processes (default: marsad serve's).")
    parser.add_argument("--keep", type=Path, help="Build the database here and keep it (for --db later).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db = args.db
        else:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            db = build(args.analyze, args.total, folder)
        port = free_port()
        server = serve(db, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            routes = plan(base, random.Random(5), args.rounds)
            asyncio.run(load(base, routes[:20], args.clients))  # warm the thread pool's connections
            print(
                f"cpus available: {len(os.sched_getaffinity(0))}; database {db.stat().st_size / 1e6:.0f} MB; "
                f"load average {os.getloadavg()[0]:.1f} before the run"
            )
            report("one client at a time", *asyncio.run(load(base, routes, 1)))
            report(f"{args.clients} concurrent clients", *asyncio.run(load(base, routes, args.clients)))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
