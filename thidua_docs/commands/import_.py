"""``thidua import last-year.docx -o data/my-2024.yaml``: a directive in any form → our YAML."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs.commands import report_errors


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="The YAML to write (default: SOURCE with the suffix .yaml).")
@click.option("--encoding", type=click.Choice(["auto", "tcvn3", "vni"]), default="auto",
              show_default=True,
              help="Legacy encoding of the text: detected paragraph by paragraph by default.")
@click.option("--ocr", is_flag=True,
              help="Read a PDF's page images with OCR (Tesseract), even if it has a text layer.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
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
