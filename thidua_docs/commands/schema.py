"""``thidua schema [-o FILE]``: the JSON Schema of the directive YAML, for editors."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from thidua_docs.commands import option, report_errors, verb


@verb("schema")
@option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@option("--force", is_flag=True)
@report_errors
def command(output: Path | None, force: bool) -> None:
    """Write the JSON Schema of the directive YAML (standard output by default)."""
    from thidua_docs.schema import schema_json

    if output is None or str(output) == "-":
        sys.stdout.write(schema_json())
        return
    from thidua_docs.output import write_atomic

    click.echo(write_atomic(output, schema_json().encode("utf-8"), force=force))
