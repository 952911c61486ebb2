"""Watch-mode throughput: one polling round over a local feed of real SaudiNewsNet articles.

A local HTTP server (127.0.0.1) serves an RSS feed listing N articles as HTML pages (every other
page in windows-1256 with no charset header); one round fetches, decodes, analyzes and stores
them, then a second round shows what an unchanged feed costs (one conditional GET).

    .venv/bin/python bench/watch.py [N]        # default 200
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from datetime import datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from common import saudinewsnet
from marsad.ingest.feeds import parse_feed
from marsad.ingest.fetch import FetchPolicy
from marsad.ingest.sources import Source
from marsad.settings import Settings
from marsad.store.sqlite import SQLiteStore
from marsad.watch import RoundSummary, Watcher, address_policy


def build_site(count: int) -> dict[str, tuple[bytes, str]]:
    pages: dict[str, tuple[bytes, str]] = {}
    items = []
    for n, record in enumerate(saudinewsnet(count)):
        title = escape(record.get("title") or "")
        body = "".join(f"<p>{escape(line)}</p>" for line in record["text"].splitlines() if line.strip())
        head = f"<head><title>{title}</title></head>"
        html = f"<html>{head}<body><article><h1>{title}</h1>{body}</article></body></html>"
        path = f"/news/{n}"
        if n % 2:
            pages[path] = (html.encode("cp1256", errors="replace"), "text/html")
        else:
            pages[path] = (html.encode("utf-8"), "text/html; charset=utf-8")
        items.append(f"<item><title>{title}</title><link>{{base}}{path}</link></item>")
    channel = f"<channel><title>bench</title>{''.join(items)}</channel>"
    feed = f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0">{channel}</rss>'
    pages["/rss"] = (feed.encode("utf-8"), "application/rss+xml")
    return pages


def serve(pages: dict[str, tuple[bytes, str]]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = pages.get(self.path)
            if found is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, content_type = found
            etag = f'"{len(body)}-{hash(body)}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    pages = build_site(count)
    server = serve(pages)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages["/rss"] = (pages["/rss"][0].replace(b"{base}", base.encode()), pages["/rss"][1])

    started = time.perf_counter()
    for _ in range(20):
        parse_feed(pages["/rss"][0], base + "/rss")
    print(f"feed parsing: {20 * count / (time.perf_counter() - started):,.0f} items/s ({count}-item RSS)")

    source = Source("bench", base + "/rss", kind="feed", outlet="bench", max_items=count, allow_private=True)
    policy = FetchPolicy(host_delay_s=0.0, retries=0)
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteStore(str(Path(folder) / "bench.db"))
        rounds: list[RoundSummary] = []
        watcher = Watcher(
            [source], store, Settings(), policy, address_policy([source], False), on_round=rounds.append
        )
        for label in ("first round", "unchanged round"):
            started = time.perf_counter()
            watcher.run(once=True)
            elapsed = time.perf_counter() - started
            analysis = rounds[-1].analysis
            print(
                f"{label}: {analysis.processed} stored, {len(analysis.skipped)} skipped, "
                f"{len(analysis.failed)} failed in {elapsed:.1f} s ({count / elapsed:.1f} listed pages/s)"
            )
        print(f"articles in the database: {store.count_articles()} (at {datetime.now():%Y-%m-%d %H:%M})")
        store.close()
    server.shutdown()


if __name__ == "__main__":
    main()
