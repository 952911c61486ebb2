"""The FastAPI application: store connections, templates, the guard and the one error shape.

`create_app(store_path, token)` is what `marsad serve` runs. Routes are plain (sync) functions run
in the server's thread pool; each thread opens its own store connection once (SQLite connections
belong to one thread) and every connection is closed when the app shuts down.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from marsad import __version__
from marsad.errors import MarsadError, UsageError
from marsad.store import Store, open_store
from marsad.web import api, pages, views
from marsad.web.cache import StateCache
from marsad.web.rendering import Renderer
from marsad.web.security import FormToken, Guard
from marsad.web.stores import StorePool

HERE = Path(__file__).parent


def create_app(
    store_path: str | Path,
    token: str | None = None,
    *,
    open_one: Callable[[], Store] | None = None,
    form_token: str | None = None,
) -> FastAPI:
    """The web UI and JSON API over the database at `store_path`.

    `token`, when set, is required on every route. `open_one` replaces how a store connection is
    opened (tests use it to serve a fake store). `form_token` is the value analyst forms post
    back (random when not given; worker processes of one server share it).
    """
    cached_path = None  # what a fake store (tests) shows is never cached
    if open_one is None:
        cached_path = store_path
        if not Path(store_path).is_file():
            raise UsageError(
                f"{store_path}: no such database; create it with `marsad analyze PATH --db {store_path}`"
            )
        path = str(store_path)
        open_one = lambda: open_store(path)  # noqa: E731
    stores = StorePool(open_one)
    state_cache = StateCache(cached_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = HANDLER_THREADS
        if state_cache.state() is not None:  # the first visitor does not wait for the home page
            await anyio.to_thread.run_sync(lambda: state_cache.get("home", lambda: views.home(stores.get())))
        yield
        stores.close()

    app = FastAPI(
        title="marsad",
        version=__version__,
        summary="Arabic news intelligence: articles, entities, quotes and stories of one marsad database.",
        docs_url=None,  # Swagger UI loads scripts from a CDN; the API is listed on /api instead
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        **_NO_TELEMETRY,
    )
    app.state.stores = stores
    app.state.cache = state_cache
    app.state.form_token = FormToken(form_token)
    app.state.renderer = Renderer(HERE / "templates", app.state.form_token)
    app.state.store_path = str(store_path)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.add_middleware(Guard, token=token)
    return app


# Handlers render while holding the GIL, so the 40 threads anyio allows by default only interleave
# requests: each waits for every other in flight, and switching costs. Two threads per worker
# process (`--workers` adds processes) let one slow request, an export, not stall the rest. Under
# 20 concurrent clients on 2 cores the worst route's p95 fell from 250 to under 150 ms (bench/web.py).
HANDLER_THREADS = 2

# FastAPI >= 0.160 traces, counts and logs requests through OpenTelemetry whenever a provider is
# configured in the process (or FASTAPI_OTEL_AUTO_CONFIGURE=true adds exporters): marsad sends
# nothing anywhere, and skipping the instrumentation also saves time on every request.
_NO_TELEMETRY: dict[str, Any] = (
    {
        "telemetry": {
            "tracing": False,
            "metrics": False,
            "logs": False,
            "operation_spans": False,
            "auto_configure": False,
        }
    }
    if "telemetry" in inspect.signature(FastAPI).parameters
    else {}
)

#: Environment through which `marsad serve --workers N` hands its settings to worker processes.
ENV_DB, ENV_TOKEN, ENV_FORM_TOKEN = "MARSAD_WEB_DB", "MARSAD_TOKEN", "MARSAD_WEB_FORM_TOKEN"


def app_from_environment() -> FastAPI:
    """The app of one worker process of `marsad serve --workers N` (uvicorn calls it in each)."""
    return create_app(
        os.environ[ENV_DB],
        token=os.environ.get(ENV_TOKEN) or None,
        form_token=os.environ.get(ENV_FORM_TOKEN) or None,
    )


def _add_error_handlers(app: FastAPI) -> None:
    def respond(request: Request, status: int, kind: str, message: str) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            body = {"error": {"status": status, "type": kind, "message": message}}
            return JSONResponse(body, status_code=status)
        renderer: Renderer = request.app.state.renderer
        return renderer.error(request, status, message)

    async def on_marsad_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, MarsadError)
        return respond(request, exc.http_status, _kind(exc), exc.message)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        kind = "not_found" if exc.status_code == 404 else "http_error"
        message = str(exc.detail) if exc.status_code != 404 else f"nothing at {request.url.path}"
        return respond(request, exc.status_code, kind, message)

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = "; ".join(f"{_field(e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return respond(request, 422, "invalid_request", problems or "invalid request")

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        # Starlette re-raises the exception after this response, so the server logs its traceback.
        return respond(
            request, 500, "internal_error", f"unexpected error ({type(exc).__name__}); see the server log"
        )

    app.add_exception_handler(MarsadError, on_marsad_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(Exception, on_unexpected)


def _field(location: tuple[str | int, ...]) -> str:
    """`limit` for ("query", "limit"): where the bad value was, in the caller's words."""
    return ".".join(str(p) for p in location if p not in ("query", "body", "path")) or "request"


def _kind(exc: MarsadError) -> str:
    """not_found, usage_error, store_error…: the class name in snake case."""
    from re import sub

    return sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__).lower()
