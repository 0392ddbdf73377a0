"""``thidua validate FILE.yaml``: check a directive without writing anything."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs import main
from thidua_docs.commands import report_errors
from thidua_docs.i18n import message


@click.command("validate")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@report_errors
def command(source: Path) -> None:
    """Check SOURCE (YAML) against the schema; list every problem."""
    main.validate(source)
    click.echo(message("valid", path=source))
