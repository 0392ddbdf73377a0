"""``thidua new --year 2021 last-year.yaml -o this-year.yaml``: next year's draft."""

from __future__ import annotations

from pathlib import Path

import click

from thidua_docs.commands import report_errors
from thidua_docs.i18n import message


@click.command("new")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--year", type=int, callback=lambda ctx, param, value: _year(value),
              help="The new target year (default: last year's + 1).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="The YAML to write (default: SOURCE with the year in its name replaced).")
@click.option("--calendar", "calendars", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False),
              help="An extra anniversary calendar (repeatable).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
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


def _year(value: int | None) -> int | None:
    """*value* if the model takes it as a year (its bounds, e.g. 1945-2100), else a usage
    error: ``--year 0`` must not mean "next year"."""
    if value is None:
        return None
    from thidua_docs.structure import Directive

    bounds = {type(m).__name__: m for m in Directive.model_fields["year"].metadata}
    low, high = bounds["Ge"].ge, bounds["Le"].le
    if not low <= value <= high:
        raise click.BadParameter(message("usage_year", value=value, low=low, high=high))
    return value


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
