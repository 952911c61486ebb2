"""`marsad eval linking|quotes|stories`: accuracy of a capability on an annotated set.

Each capability's command module adds its own command to `eval_app`.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Score marsad against an annotated evaluation set.", no_args_is_help=True)


def register(main: typer.Typer) -> None:
    main.add_typer(eval_app, name="eval")
