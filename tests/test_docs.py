"""Every CLI command and option is documented in docs/cli.md; every setting has help."""

from pathlib import Path
from typing import Any

import pytest
import typer

from marsad.cli.main import app
from marsad.settings import Settings

CLI_DOC = (Path(__file__).parents[1] / "docs" / "cli.md").read_text("utf-8")
COMMAND: Any = typer.main.get_command(app)


def _leaves(group: Any, prefix: str) -> list[tuple[str, Any]]:
    found = []
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            found += _leaves(command, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name}", command))
    return found


COMMANDS = _leaves(COMMAND, "")


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_command_and_its_options_are_documented(name: str, command: Any) -> None:
    heading = f"## marsad {name}\n"
    assert heading in CLI_DOC, f"docs/cli.md has no section for `marsad {name}`"
    section = CLI_DOC.split(heading)[1].split("\n## ")[0].split("\n### ")[0]
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}`" in section, f"{opt} of `marsad {name}` is not in docs/cli.md"


def test_every_setting_has_help() -> None:
    assert all(text.strip() for text in Settings.help().values())
