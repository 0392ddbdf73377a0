"""The ``thidua`` command: a thin shell over the library, one module per verb."""

from __future__ import annotations

import click

from thidua_docs import __version__
from thidua_docs.commands import (
    anniversaries, check, convert_legacy, diff, import_, new, render, serve, validate,
)
from thidua_docs.messages import set_language


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(["vi", "en"]), envvar="THIDUA_LANG", default="vi",
              show_default=True, help="Language of messages (Vietnamese or English).")
@click.version_option(__version__, prog_name="thidua")
def cli(lang: str) -> None:
    """thidua-docs: directives "Phát động phong trào thi đua" per Nghị định 30/2020."""
    set_language(lang)


for verb in (render, validate, check, new, anniversaries, diff, import_, convert_legacy, serve):
    cli.add_command(verb.command)


def main() -> None:
    cli(prog_name="thidua")
