"""`marsad serve`: the web UI and JSON API over one database, on an explicit address."""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated

import typer

from marsad.errors import UsageError


def register(main: typer.Typer) -> None:
    """Add `marsad serve` to the `marsad` app."""
    main.command("serve")(serve_command)


def serve_command(
    db: Annotated[
        str, typer.Option("--db", help="SQLite database file made by `marsad analyze`.")
    ] = "marsad.db",
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token", envvar="MARSAD_TOKEN", help="Access token required on every route (env MARSAD_TOKEN)."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Server processes (default: CPU cores available, at most 4); each answers requests.",
        ),
    ] = None,
) -> None:
    """Serve the web UI and the JSON API (/api) until interrupted."""
    import uvicorn
    from rich.console import Console

    from marsad.web import create_app
    from marsad.web.server import run_workers

    workers = workers or default_workers()
    app = create_app(db, token=token or None)  # checks the database before anything listens
    err = Console(stderr=True, highlight=False)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/"
    # markup=False: an IPv6 address in brackets ([fe80::1]) would read as a Rich style.
    served = f"marsad: serving {db} at {address}" + (f"?token={token}" if token else "")
    err.print(served, soft_wrap=True, markup=False)
    if not token and not _is_loopback(host):
        err.print(
            f"marsad: warning: {host} is reachable from the network and no --token is set", style="yellow"
        )
    try:
        if workers == 1:
            uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        else:
            run_workers(db, token, host=host, port=port, workers=workers)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc


def default_workers() -> int:
    """One process per available core, at most 4: page rendering holds Python's GIL, so threads
    of one process share a single core."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
