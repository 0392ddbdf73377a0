"""The ``thidua`` command: a thin shell over the library, one module per verb."""

from __future__ import annotations

import click

from thidua_docs import __version__
from thidua_docs.commands import VERBS, Group, Option, translate_click
from thidua_docs.messages import message, set_language


def _show_version(ctx: click.Context, _param, value: bool) -> None:
    if value:
        click.echo(message("version", version=__version__))
        ctx.exit()


def _choose_language(_ctx, _param, value: str) -> str:
    set_language(value)
    return value


@click.group("thidua", cls=Group, verbs=VERBS,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", cls=Option, type=click.Choice(["vi", "en"]), envvar="THIDUA_LANG",
              default="vi", show_default=True, is_eager=True, expose_value=False,
              callback=_choose_language)
@click.option("--version", cls=Option, is_flag=True, is_eager=True, expose_value=False,
              callback=_show_version)
def cli() -> None:
    """thidua-docs: directives "Phát động phong trào thi đua" per Nghị định 30/2020."""


def main() -> None:
    import logging

    notices = logging.getLogger("thidua_docs")  # the library's notices, on standard error
    notices.addHandler(logging.StreamHandler())
    notices.propagate = False
    translate_click()
    cli(prog_name="thidua")
