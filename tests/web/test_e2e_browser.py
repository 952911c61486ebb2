"""End to end in real headless Chromium: the demo database, search a name, its entity, a story.

Builds the database with `marsad analyze src/marsad/data/sample`, serves it with uvicorn on a
loopback port and drives Debian's /usr/bin/chromium through Playwright (no browser download).
Screenshots go to $MARSAD_E2E_SCREENSHOTS, or to the test's temporary folder.
The entity and story steps skip, saying why, while the store does not implement them yet.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SAMPLE = Path(__file__).parents[2] / "src" / "marsad" / "data" / "sample"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api: Any = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "marsad", "analyze", str(SAMPLE), "--db", str(db), "-q"],
        check=True,
        capture_output=True,
    )
    return db


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    import uvicorn

    from marsad.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(demo_db), log_level="warning", access_log=False)
    served = uvicorn.Server(config)
    thread = threading.Thread(target=served.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not served.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    served.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("MARSAD_E2E_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _reads_right_to_left(page: Any, selector: str) -> bool:
    """The first character of the element's text is drawn to the right of its last one."""
    return bool(
        page.eval_on_selector(
            selector,
            """el => {
                const node = [...el.childNodes].find(n => n.nodeType === 3 && n.textContent.trim().length > 3)
                    || el.firstChild;
                const text = node.textContent, range = document.createRange();
                const first = text.search(/\\S/), last = text.trimEnd().length - 1;
                range.setStart(node, first); range.setEnd(node, first + 1);
                const a = range.getBoundingClientRect();
                range.setStart(node, last); range.setEnd(node, last + 1);
                const b = range.getBoundingClientRect();
                return getComputedStyle(el).direction === 'rtl' && a.right > b.right;
            }""",
        )
    )


def test_search_entity_and_story_in_chromium(server: str, browser: Any, demo_db: Path, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.on("console", lambda message: message.type == "error" and failures.append(message.text))

    page.goto(server + "/")
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    assert page.eval_on_selector("body", "el => getComputedStyle(el).direction") == "rtl"
    assert "31 مقالة" in page.inner_text("main")
    page.screenshot(path=str(shots / "home.png"), full_page=True)

    # Search the envoy by one of his spellings; the other spellings fold or link to him.
    page.fill("header input[name=q]", "فالغرين")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    hit_count = page.locator("li.hit").count()
    assert hit_count >= 3
    assert page.locator("li.hit mark").count() >= 3
    assert _reads_right_to_left(page, "li.hit .snippet")
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    search_url = page.url

    page.click("li.hit a.title >> nth=0")
    page.wait_for_url("**/articles/*")
    assert _reads_right_to_left(page, "article h1")
    assert page.locator(".body .ent").count() > 0, "entities are highlighted in the article"
    page.screenshot(path=str(shots / "article.png"), full_page=True)

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    phone.goto(page.url)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the article page is {overflow}px wider than a phone screen"
    phone.screenshot(path=str(shots / "article-phone.png"), full_page=True)

    assert all(url.startswith(server) for url in requested), "pages requested other hosts"
    assert failures == []

    # Open the envoy's entity page from the first search hit whose article links his name.
    for rank in range(min(hit_count, 8)):
        page.goto(search_url)
        page.click(f"li.hit a.title >> nth={rank}")
        page.wait_for_url("**/articles/*")
        envoy = page.locator(".body a.ent-PER", has_text="فال")
        if envoy.count():
            break
    else:
        pytest.fail("no article found by searching فالغرين links the envoy to an entity page")
    envoy.first.click()
    page.wait_for_url("**/entities/*")
    assert "فال" in page.inner_text("h1")
    assert page.locator(".variants li").count() >= 1
    assert _reads_right_to_left(page, "h1 .ent")
    page.screenshot(path=str(shots / "entity.png"), full_page=True)

    story_links = page.locator("a[href^='/stories/']")
    if not story_links.count():
        page.go_back()
        story_links = page.locator("a[href^='/stories/']")
    assert story_links.count(), "the entity (or its article) links to a story"
    story_links.first.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("h1").inner_text().strip()
    assert page.locator("section h3").count() >= 1, "the story lists its outlets"
    page.screenshot(path=str(shots / "story.png"), full_page=True)
    assert all(url.startswith(server) for url in requested)
    assert failures == []
    context.close()
