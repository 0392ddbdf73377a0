"""``thidua diff last.yaml this.yaml``: indicators side by side, outline changes."""

from __future__ import annotations

import json
import shutil
import textwrap
from dataclasses import asdict
from pathlib import Path

import click

from thidua_docs.commands import argument, option, report_errors, verb
from thidua_docs.messages import message


@verb("diff")
@argument("old", type=click.Path(path_type=Path, dir_okay=False))
@argument("new", type=click.Path(path_type=Path, dir_okay=False))
@option("--json", "as_json", is_flag=True)
@report_errors
def command(old: Path, new: Path, as_json: bool) -> None:
    """Compare two directives (usually last year's and this year's)."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast

    result = main.diff(old, new)
    if as_json:
        click.echo(json.dumps({
            "old_year": result.old_year, "new_year": result.new_year,
            "indicators": [{**asdict(row), "status": row.status} for row in result.indicators],
            "added": result.added, "removed": result.removed,
        }, ensure_ascii=False))  # one JSON Lines record
        return
    _table(result)
    for key, lines in (("diff_added", result.added), ("diff_removed", result.removed)):
        if lines:
            click.echo(f"\n{message(key)}:")
            for line in lines:
                click.echo(f"  {textwrap.shorten(line, 100, placeholder='…')}")


def _table(result) -> None:
    width = max(60, min(shutil.get_terminal_size((100, 20)).columns, 140))
    value_width = 18
    name_width = width - 2 * value_width - 16
    header = (f"{message('diff_indicator'):<{name_width}}  {result.old_year:>{value_width}}  "
              f"{result.new_year:>{value_width}}  ")
    click.echo(header)
    click.echo("-" * len(header))
    for row in result.indicators:
        names = textwrap.wrap(row.name, name_width) or [""]
        old, new = row.old or "—", row.new or "—"
        status = message(f"diff_status_{row.status}") if row.status != "same" else ""
        click.echo(f"{names[0]:<{name_width}}  {_fit(old, value_width):>{value_width}}  "
                   f"{_fit(new, value_width):>{value_width}}  {status}")
        for more in names[1:]:
            click.echo(f"  {more}")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
