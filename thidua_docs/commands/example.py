"""``thidua example [-o FILE.yaml]``: a commented sample directive to start from, with the
JSON Schema beside it for editors."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs.commands import option, report_errors, verb
from thidua_docs.messages import message

DEFAULT_NAME = "mau-phat-dong.yaml"


@verb("example")
@option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@option("--force", is_flag=True)
@report_errors
def command(output: Path | None, force: bool) -> None:
    """Write the sample directive (and thidua.schema.json beside it) to start from."""
    from thidua_docs import bundled
    from thidua_docs.output import write_atomic
    from thidua_docs.schema import SCHEMA_NAME, schema_json

    target = output or Path(DEFAULT_NAME)
    sample = bundled.path(bundled.SAMPLE).read_bytes()
    click.echo(write_atomic(target, sample, force=force))
    schema = target.parent / SCHEMA_NAME
    if force or not schema.exists():
        click.echo(write_atomic(schema, schema_json().encode("utf-8"), force=force))
    click.echo(message("example_next", path=target))
