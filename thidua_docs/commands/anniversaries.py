"""``thidua anniversaries 2025``: the round anniversaries of a year."""

from __future__ import annotations

import json
from pathlib import Path

import click

from thidua_docs.commands import report_errors
from thidua_docs.messages import message


@click.command("anniversaries")
@click.argument("year", type=click.IntRange(1000, 3000))
@click.option("--calendar", "calendars", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False),
              help="An issuer's own calendar added to the national one (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@report_errors
def command(year: int, calendars: tuple[Path, ...], as_json: bool) -> None:
    """List the round anniversaries of YEAR in the wording directives use."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast

    found = main.anniversaries(year, list(calendars))
    if as_json:
        click.echo(json.dumps([{
            "wording": item.wording, "name": item.event.name, "years": item.age,
            "date": item.event.date.isoformat(), "source": item.event.source,
        } for item in found], ensure_ascii=False, indent=2))
    elif not found:
        click.echo(message("anniversaries_none", year=year))
    for item in [] if as_json else found:
        click.echo(f"- {item.wording}")
