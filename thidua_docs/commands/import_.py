"""``thidua import last-year.docx -o data/my-2024.yaml``: a directive in any form → our YAML."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs.commands import argument, legacy_encoding, option, report_errors, verb


@verb("import")
@argument("source", type=click.Path(path_type=Path, dir_okay=False))
@option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@legacy_encoding
@option("--ocr", is_flag=True)
@option("--force", is_flag=True)
@report_errors
def command(source: Path, output: Path | None, encoding: str, ocr: bool, force: bool) -> None:
    """Read SOURCE (.docx, .doc, .odt, .rtf, .txt, .md or .pdf) and write it as a directive
    YAML file."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast
    from thidua_docs.importer import summary

    written, result = main.import_document(source, output, force=force,
                                           encoding=None if encoding == "auto" else encoding,
                                           ocr=ocr)
    for line in summary(result, written):
        click.echo(line)
