"""CLI commands for watch (to be filled by its issue)."""

from __future__ import annotations

import typer


def register(main: typer.Typer) -> None:
    """Add this module's commands to the `marsad` app."""
