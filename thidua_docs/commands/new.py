"""``thidua new --year 2021 last-year.yaml -o this-year.yaml``: next year's draft."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs.commands import argument, option, report_errors, verb
from thidua_docs.messages import message


@verb("new")
@argument("source", type=click.Path(path_type=Path, dir_okay=False))
@option("--year", type=int)
@option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@option("--calendar", "calendars", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False))
@option("--force", is_flag=True)
@report_errors
def command(source: Path, year: int | None, output: Path | None, calendars: tuple[Path, ...],
            force: bool) -> None:
    """Write next year's directive from SOURCE, keeping the clerk's comments and layout."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast

    written, result = main.new_year(source, year, output, list(calendars), force=force)
    click.echo(message("new_written", path=written, changes=len(result.changes)))
    for change in result.changes:
        click.echo(f"  {change.path} ({message('line')} {change.line}): "
                   f"{_short(change.before)} → {_short(change.after)}")
    if result.kept:
        click.echo(message("new_kept", count=len(result.kept)))
        for mention in result.kept:
            click.echo(f"  {mention.path} ({message('line')} {mention.line}), "
                       f"{message('kept_' + mention.reason)}: …{mention.context}…")


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
