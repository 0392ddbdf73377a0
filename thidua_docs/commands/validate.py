"""``thidua validate FILE.yaml``: check a directive without writing anything."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs.commands import report_errors
from thidua_docs.messages import message


@click.command("validate")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--draft", is_flag=True,
              help="Accept indicators still awaiting this year's value.")
@report_errors
def command(source: Path, draft: bool) -> None:
    """Check SOURCE (YAML) against the schema; list every problem."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast

    main.validate(source, draft=draft)
    click.echo(message("valid", path=source))
