"""Every CLI command and option is documented in docs/cli.md; every setting has help."""

from pathlib import Path
from typing import Any

import pytest
import typer

from marsad.cli.main import app
from marsad.settings import Settings

CLI_DOC = (Path(__file__).parents[1] / "docs" / "cli.md").read_text("utf-8")
COMMAND: Any = typer.main.get_command(app)
COMMANDS = sorted(COMMAND.commands.items())


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_command_and_its_options_are_documented(name: str, command: Any) -> None:
    assert f"## marsad {name}" in CLI_DOC
    section = CLI_DOC.split(f"## marsad {name}")[1].split("\n## ")[0]
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}`" in section, f"{opt} of `marsad {name}` is not in docs/cli.md"


def test_every_setting_has_help() -> None:
    assert all(text.strip() for text in Settings.help().values())
