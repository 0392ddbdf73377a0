"""``thidua anniversaries 2025``: the round anniversaries of a year; ``--upcoming 5``:
those of the five years after it, which a movement is "hướng tới"."""

from __future__ import annotations

import json
from pathlib import Path

import click

from thidua_docs.commands import argument, option, report_errors, verb
from thidua_docs.messages import message


@verb("anniversaries")
@argument("year", type=click.IntRange(1000, 3000))
@option("--calendar", "calendars", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False))
@option("--upcoming", type=click.IntRange(1, 50))
@option("--json", "as_json", is_flag=True)
@report_errors
def command(year: int, calendars: tuple[Path, ...], upcoming: int | None,
            as_json: bool) -> None:
    """List the round anniversaries of YEAR in the wording directives use."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast

    if upcoming:
        found = main.upcoming_anniversaries(year, upcoming, list(calendars))
    else:
        found = main.anniversaries(year, list(calendars))
    if as_json:
        for item in found:  # JSON Lines: one anniversary a line
            click.echo(json.dumps({
                "wording": item.wording, "name": item.event.name, "years": item.age,
                "date": item.event.date.isoformat(), "source": item.event.source,
            }, ensure_ascii=False))
    elif not found and upcoming:
        click.echo(message("anniversaries_upcoming_none", first=year + 1, last=year + upcoming))
    elif not found:
        click.echo(message("anniversaries_none", year=year))
    for item in [] if as_json else found:
        click.echo(f"- {item.wording}")
