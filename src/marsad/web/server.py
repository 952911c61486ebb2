"""Several server processes on one address, for `marsad serve --workers N`.

Rendering a page holds Python's GIL, so the threads of one process share one core; uvicorn's
worker processes use them all. Workers build their app from the environment (`app.ENV_*`) and
share one form token, so a form rendered by one process is accepted by another.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
from pathlib import Path

import uvicorn
from uvicorn.supervisors import Multiprocess

from marsad.web.app import ENV_DB, ENV_FORM_TOKEN, ENV_TOKEN


class TCPConfig(uvicorn.Config):
    """uvicorn's config, but its shared listening socket says it is TCP: asyncio turns on
    TCP_NODELAY only for such sockets, and without it each response waits about 40 ms for the
    client's delayed acknowledgement (Nagle's algorithm). Workers unpickle it, so it lives here."""

    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto == 0:
            sock = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
            sock.set_inheritable(True)
        return sock


def run_workers(db: str, token: str | None, *, host: str, port: int, workers: int) -> None:
    """Serve the database at `db` with `workers` processes until interrupted."""
    os.environ[ENV_DB] = str(Path(db).resolve())
    os.environ[ENV_FORM_TOKEN] = secrets.token_urlsafe(24)
    if token:
        os.environ[ENV_TOKEN] = token
    else:
        os.environ.pop(ENV_TOKEN, None)
    config = TCPConfig(
        "marsad.web.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
    )
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(config, sockets=[config.bind_socket()]).run()  # what uvicorn.run does
