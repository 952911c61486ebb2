"""A real HTTP server on 127.0.0.1 (ephemeral port) for fetch, feed, sitemap and watch tests.

Routes map a path to one or more `Reply`s: the n-th request to a path gets the n-th reply (the
last one repeats), so "500, then 200" is `site.add("/x", Reply(status=500), Reply(body=...))`.
Every request is logged with its headers. No test touches the real network.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    etag: str | None = None  # answer 304 to a matching If-None-Match
    stream_bytes: int = 0  # send this many bytes with no Content-Length (size-limit tests)


@dataclass
class LoggedRequest:
    path: str
    headers: dict[str, str]


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[LoggedRequest] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.serve(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies)
        return self.url(path)

    def add_file(self, path: str, fixture: str, content_type: str, **values: str) -> str:
        """Serve a fixture from tests/data with `{base}` (and other `{names}`) filled in."""
        text = (DATA / fixture).read_text("utf-8").replace("{base}", self.base)
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return self.add(path, Reply(text.encode("utf-8"), content_type=content_type))

    def count(self, path: str) -> int:
        return self.hits[path]

    def serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?")[0]  # routes ignore the query (tracking parameters)
        with self.lock:
            index = self.hits[path]
            self.hits[path] += 1
            self.requests.append(LoggedRequest(path, dict(handler.headers.items())))
        replies = self.routes.get(path)
        if not replies:
            handler.send_response(404)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        reply = replies[min(index, len(replies) - 1)]
        if reply.delay_s:
            time.sleep(reply.delay_s)
        if reply.etag and handler.headers.get("If-None-Match") == reply.etag:
            handler.send_response(304)
            handler.send_header("ETag", reply.etag)
            handler.end_headers()
            return
        handler.send_response(reply.status)
        if reply.content_type:
            handler.send_header("Content-Type", reply.content_type)
        if reply.etag:
            handler.send_header("ETag", reply.etag)
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        if reply.stream_bytes:
            handler.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(reply.stream_bytes // len(chunk)):
                    handler.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its limit
            return
        if "Content-Length" not in reply.headers:
            handler.send_header("Content-Length", str(len(reply.body)))
        handler.end_headers()
        handler.wfile.write(reply.body)

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def running_site() -> Iterator[LocalSite]:
    with LocalSite() as site:
        yield site


# -- realistic Arabic article pages -----------------------------------------------------------

ARTICLES = {
    "measles": (
        "وزارة الصحة تطلق حملة للتطعيم ضد الحصبة في المدارس",
        [
            "أطلقت وزارة الصحة صباح اليوم الأحد حملة وطنية للتطعيم ضد الحصبة تستهدف طلاب المدارس "
            "الابتدائية في جميع المناطق، وتستمر أسبوعين.",
            "وقال المتحدث الرسمي باسم الوزارة إن الفرق الصحية ستزور أكثر من ثلاثة آلاف مدرسة، "
            "مؤكدا أن اللقاح آمن ومجاني وأن الحملة تأتي بعد رصد حالات متفرقة في الأشهر الماضية.",
            "ودعت الوزارة أولياء الأمور إلى التأكد من سجلات التطعيم لأبنائهم ومراجعة أقرب مركز "
            "صحي عند ظهور أي أعراض.",
        ],
    ),
    "gold": (
        "ارتفاع أسعار الذهب في السوق المحلية مع تراجع الدولار",
        [
            "ارتفعت أسعار الذهب في السوق المحلية خلال تعاملات اليوم الاثنين بنحو اثنين في المئة، "
            "مدفوعة بتراجع الدولار الأمريكي في الأسواق العالمية.",
            "وأوضح تجار في سوق الذهب بوسط المدينة أن الإقبال على الشراء ما زال ضعيفا، إذ يفضل "
            "كثير من المستهلكين الانتظار حتى تستقر الأسعار.",
            "ويتوقع محللون أن تواصل الأسعار ارتفاعها إذا قرر البنك المركزي خفض أسعار الفائدة "
            "في اجتماعه المقبل.",
        ],
    ),
    "bookfair": (
        "افتتاح معرض الكتاب الدولي بمشاركة خمسمئة دار نشر",
        [
            "افتتح وزير الثقافة مساء أمس معرض الكتاب الدولي في دورته الجديدة بمشاركة خمسمئة دار "
            "نشر من ثلاثين دولة عربية وأجنبية.",
            "ويضم المعرض هذا العام جناحا خاصا لكتب الأطفال وبرنامجا ثقافيا يشمل ندوات وأمسيات "
            "شعرية وورش عمل في الترجمة والنشر الرقمي.",
            "وقالت إدارة المعرض إنها تتوقع أكثر من مليون زائر خلال أيامه العشرة.",
        ],
    ),
    "rain": (
        "أمطار غزيرة على المناطق الجنوبية والدفاع المدني يحذر",
        [
            "هطلت أمطار غزيرة على عدد من المحافظات الجنوبية منذ ساعات الفجر، وجرت السيول في "
            "الأودية، فيما أغلقت السلطات بعض الطرق الفرعية احترازيا.",
            "وحذر الدفاع المدني السكان من الاقتراب من مجاري السيول، ودعاهم إلى متابعة التنبيهات "
            "التي يصدرها المركز الوطني للأرصاد.",
            "ولم تسجل حتى الآن أي إصابات بشرية بحسب بيان رسمي.",
        ],
    ),
}


def article_html(
    key: str,
    *,
    canonical: str | None = None,
    meta_charset: str | None = "utf-8",
    site_name: str = "صحيفة المرصد",
    extra_paragraph: str | None = None,
) -> str:
    title, paragraphs = ARTICLES[key]
    paragraphs = [*paragraphs, extra_paragraph] if extra_paragraph else paragraphs
    head = [f'<meta charset="{meta_charset}">' if meta_charset else ""]
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    head.append(f'<meta property="og:site_name" content="{site_name}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='ar' dir='rtl'><head>{''.join(head)}<title>{title}</title></head>"
        f"<body><nav><a href='/'>الرئيسية</a> <a href='/news'>أخبار</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
