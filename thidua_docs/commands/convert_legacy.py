"""``thidua convert-legacy FILE``: TCVN3 (ABC) and VNI text converted to Unicode."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs.commands import argument, legacy_encoding, option, report_errors, verb
from thidua_docs.messages import message


@verb("convert-legacy")
@argument("source", type=click.Path(path_type=Path, dir_okay=False))
@option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@legacy_encoding
@option("--force", is_flag=True)
@report_errors
def command(source: Path, output: Path | None, encoding: str, force: bool) -> None:
    """Convert the TCVN3 and VNI paragraphs of SOURCE (.docx, .txt, .md) to Unicode."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast
    from thidua_docs.importer import legacy_counts

    written, report = main.convert_legacy(source, output, force=force,
                                          encoding=None if encoding == "auto" else encoding)
    if written is None:
        click.echo(message("convert_nothing", path=source))
    else:
        click.echo(message("convert_written", path=written, counts=legacy_counts(report)))
