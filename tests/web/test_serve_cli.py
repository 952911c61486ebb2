"""`marsad serve`: refuses a missing database with a message, documents its options."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.cli.serve import _is_loopback


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no such database" in str(result.exception)


def test_serve_help_names_the_token_environment_variable() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--token" in result.output and "MARSAD_TOKEN" in result.output


def test_loopback_addresses() -> None:
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.168.1.5")
