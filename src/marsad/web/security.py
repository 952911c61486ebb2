"""The web app's guard: the optional access token on every route, and headers that keep pages inert.

With a token set, a request is let in when it carries the token as `Authorization: Bearer T`,
`X-Marsad-Token: T`, the `marsad_token` cookie, or `?token=T`. A page opened with `?token=T` (the
address `marsad serve` prints) sets the cookie and redirects to the same address without it, so
the token leaves the address bar and the browser history.

Every response carries a Content-Security-Policy that allows nothing but marsad's own styles and
forms: no scripts at all, no third-party requests, no framing. Form posts also carry a
per-process form token (`FormToken`), which a page on another site cannot read.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlencode

from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.requests import cookie_parser
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "marsad_token"

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


class Guard:
    """ASGI middleware: token check (when a token is set) and security headers on every response."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token or None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.token is not None:
            refusal = self._check(scope)
            if refusal is not None:
                await _with_headers(refusal)(scope, receive, send)
                return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_secured)

    def _check(self, scope: Scope) -> Response | None:
        """None when the request may go on; else the response that refuses or redirects it."""
        assert self.token is not None
        headers = Headers(scope=scope)
        query = QueryParams(scope.get("query_string", b"").decode("latin-1"))
        bearer = headers.get("authorization", "")
        offered = [
            bearer[7:] if bearer.lower().startswith("bearer ") else None,
            headers.get("x-marsad-token"),
            cookie_parser(headers.get("cookie", "")).get(COOKIE),
        ]
        if any(same(t, self.token) for t in offered):
            return None
        if same(query.get("token"), self.token):
            if scope["method"] == "GET" and not scope["path"].startswith("/api"):
                return self._enter(scope, query)
            return None
        return _refusal(scope["path"])

    def _enter(self, scope: Scope, query: QueryParams) -> Response:
        assert self.token is not None
        rest = urlencode([(k, v) for k, v in query.multi_items() if k != "token"])
        response = RedirectResponse(scope["path"] + (f"?{rest}" if rest else ""), status_code=303)
        response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict")
        return response


def _refusal(path: str) -> Response:
    message = "this marsad server requires its access token (see `marsad serve --token`)"
    if path.startswith("/api"):
        body = {"error": {"status": 401, "type": "unauthorized", "message": message}}
        return JSONResponse(body, status_code=401, headers={"www-authenticate": "Bearer"})
    page = (
        '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>مرصد: الدخول</title>'
        "<p>هذا الخادم يتطلب رمز الدخول: افتح العنوان الذي طبعه <code>marsad serve</code>.</p>"
        f"<p lang=en dir=ltr>{message}</p></html>"
    )
    return HTMLResponse(page, status_code=401, headers={"www-authenticate": "Bearer"})


def _with_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


class FormToken:
    """A random value per server run that every analyst form posts back (`value` is given when
    several worker processes must accept each other's forms)."""

    def __init__(self, value: str | None = None) -> None:
        self.value = value or secrets.token_urlsafe(24)

    def valid(self, given: str | None) -> bool:
        return same(given, self.value)
