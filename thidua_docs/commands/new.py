"""``thidua new --year 2021 last-year.yaml -o this-year.yaml``: next year's draft."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import click

from thidua_docs.commands import argument, option, report_errors, verb
from thidua_docs.messages import message


@verb("new")
@argument("source", type=click.Path(path_type=Path, dir_okay=False))
@option("--year", type=int, callback=lambda ctx, param, value: _year(value))
@option("--period")
@option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
@option("--calendar", "calendars", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False))
@option("--force", is_flag=True)
@report_errors
def command(source: Path, year: int | None, period: str | None, output: Path | None,
            calendars: tuple[Path, ...], force: bool) -> None:
    """Write next year's directive from SOURCE, keeping the clerk's comments and layout."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast

    written, result = main.new_year(source, year, output, list(calendars), force=force,
                                    period=period)
    click.echo(message("new_written", path=written, changes=len(result.changes)))
    for line in report(result):
        click.echo(line)


#: Fields named in the report (the others are running text, shown by their words).
FIELDS = ("year", "period", "document.number", "document.date", "anniversaries", "calendar")


def report(result) -> list[str]:
    """What a clerk reads after ``thidua new``, in one screen: what changed (one line per
    field, the indicators awaiting this year's figures in one line), then what to review,
    each with its line in the new file."""
    indicators = [c for c in result.changes if c.after == "needs_update: true"]
    lines = [message("new_report_changed")]
    for change in result.changes:
        if change not in indicators:
            before = _short(change.before) or "∅"
            field = f" ({message('new_field_' + change.path)})" if change.path in FIELDS else ""
            lines.append(f"  {message('new_report_line', line=change.line)}{field}: {before} → "
                         f"{_short(change.after) or '∅'}")
    if indicators:
        key = "new_report_indicators" if isinstance(result.year, int) else \
            "new_report_indicators_period"
        lines.append("  " + message(key, count=len(indicators), year=result.year,
                                    lines=", ".join(str(c.line) for c in indicators)))
    reviews = [(m.line, f"{message('kept_' + m.reason)}: …{m.context}…") for m in result.kept]
    reviews += [(r.line, message(r.key, **r.params)) for r in result.reviews]
    if reviews:
        lines.append(message("new_report_review"))
        lines += [f"  {message('new_report_line', line=line)}: {text}"
                  for line, text in sorted(reviews)]
    return lines


def _year(value: int | None) -> int | None:
    """*value* if the model takes it as a year (its bounds, e.g. 1945-2100), else a usage
    error: ``--year 0`` must not mean "next year"."""
    if value is None:
        return None
    from thidua_docs.structure import Directive

    bounds = _bounds(Directive.model_fields["year"].annotation)
    low, high = bounds["ge"], bounds["le"]
    if not low <= value <= high:
        raise click.BadParameter(message("usage_year", value=value, low=low, high=high))
    return value


def _bounds(annotation) -> dict[str, int]:
    """The ge/le bounds declared anywhere in *annotation* (through Optional, Annotated)."""
    found = {}
    for meta in getattr(annotation, "__metadata__", ()):
        for item in getattr(meta, "metadata", [meta]):
            found.update({name: getattr(item, name) for name in ("ge", "le")
                          if hasattr(item, name)})
    for arg in get_args(annotation):
        found.update(_bounds(arg))
    return found


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
