"""``thidua render FILE.yaml``: write the directive as a .docx."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs import main
from thidua_docs.commands import report_errors


@click.command("render")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="The .docx to write (default: output/<name>.docx).")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False),
              help="Word template to use (default: templates/phat_dong.docx).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--draft", is_flag=True,
              help="Render even if indicators still await this year's value (marked).")
@report_errors
def command(source: Path, output: Path | None, template: Path | None, force: bool,
            draft: bool) -> None:
    """Render SOURCE (YAML) to a Word document and print its path."""
    click.echo(main.render(source, output, template=template, force=force, draft=draft))
