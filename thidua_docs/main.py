"""The story of each job, one function per job: render (load the YAML, render it,
write the .docx), validate, a form's edits written into the YAML, next year's draft,
anniversaries, diff, import and legacy conversion.

A library first: the CLI verbs in ``commands/`` are thin shells over these
functions (batches and PDFs are in ``batch``).
"""

from __future__ import annotations

import os
from pathlib import Path

from typing import TYPE_CHECKING

from thidua_docs.charsets import decode
from thidua_docs.exceptions import InvalidInputError, UsageError
from thidua_docs.loader import (
    STDIN_NAME, load_directive, load_model, parse_directive, read_source,
)
from thidua_docs.messages import message
from thidua_docs.output import write_atomic

if TYPE_CHECKING:  # each verb imports what only it needs when it runs: start-up stays short
    from thidua_docs.anniversaries import Anniversary, Calendar
    from thidua_docs.compare import Comparison
    from thidua_docs.rollover import Rollover
    from thidua_docs.structure import Directive

OUTPUT_DIR = Path("output")


def default_output(source: Path) -> Path:
    """output/<name>.docx for data/<name>.yaml."""
    return OUTPUT_DIR / f"{source.stem}.docx"


def validate(source: Path, *, draft: bool = False) -> Directive:
    """Load and check a directive; raise InvalidInputError listing every problem.

    Indicators still awaiting this year's value are problems unless *draft*.
    """
    return load_directive(source, allow_pending=draft)


def validate_text(raw: bytes, name: str = STDIN_NAME, *, draft: bool = False) -> Directive:
    """Check the directive YAML *raw* (e.g. read from standard input)."""
    return parse_directive(raw, name, allow_pending=draft)


def render(source: Path, output: Path | None = None, *, template: Path | None = None,
           force: bool = False, draft: bool = False) -> Path:
    """Render the directive in *source* to a .docx; return the path written.

    With *draft*, indicators not yet updated print with a visible marker.
    """
    from thidua_docs.render.docx import render_docx  # docxtpl: only for the verbs that render

    directive = load_directive(source, allow_pending=draft)
    document = render_docx(directive, template)
    return write_atomic(output or default_output(source), document, force=force,
                        inputs=(source, template))


def render_text(raw: bytes, name: str = STDIN_NAME, *, template: Path | None = None,
                draft: bool = False) -> bytes:
    """The .docx bytes of the directive YAML *raw* (e.g. read from standard input)."""
    from thidua_docs.render.docx import render_docx

    return render_docx(parse_directive(raw, name, allow_pending=draft), template)


def apply_edits(text: str, changes: dict) -> str:
    """The directive YAML *text* with a form's *changes* written in (the JSON shape of the
    YAML), the clerk's comments, key order and layout kept."""
    from thidua_docs import roundtrip

    return roundtrip.dump(roundtrip.apply(roundtrip.load(text), changes))


def calendars_for(directive: Directive | None, source: Path | None,
                  extra: list[Path] = ()) -> list[Calendar]:
    """The national calendar, the directive's own calendar, and any *extra* ones."""
    from thidua_docs.anniversaries import Calendar, default_calendar

    paths = [default_calendar()]
    if directive is not None and directive.calendar and source is not None:
        paths.append(source.parent / directive.calendar)
    paths += list(extra)
    return [load_model(path, Calendar) for path in paths]


def anniversaries(year: int, extra: list[Path] = ()) -> list[Anniversary]:
    """The round anniversaries of *year* in the national and *extra* calendars."""
    from thidua_docs.anniversaries import round_anniversaries

    return round_anniversaries(calendars_for(None, None, extra), year)


def new_year(source: Path, year: int | None = None, output: Path | None = None,
             extra_calendars: list[Path] = (), *, force: bool = False,
             period: str | None = None) -> tuple[Path, Rollover]:
    """Write next year's YAML from *source* (or, with *period*, a plan over a period's next
    one); return where and what changed. A plan over a period alone is rolled only when
    its new period is given."""
    from pydantic import TypeAdapter, ValidationError

    from thidua_docs.rollover import roll_over
    from thidua_docs.structure.directive import Period

    # read and decoded once (one encoding notice); CRLF is kept by roll_over
    text = decode(read_source(source), str(source))
    directive = parse_directive(text, str(source))
    if period is not None:
        if directive.period is None:
            raise UsageError("new_no_period")
        try:
            period = TypeAdapter(Period).validate_python(period)
        except ValidationError:
            raise UsageError("new_bad_period", value=period) from None
        old, new, year = directive.period, period, int(period.split("-")[1])
    elif directive.year is None:
        start, end = directive.period_years
        raise UsageError("new_period_needed", period=directive.period,
                         next=f"{end + 1}-{2 * end - start + 1}")
    else:
        year = directive.year + 1 if year is None else year
        if year == directive.year:
            raise UsageError("new_same_year", year=year)
        old, new = str(directive.year), str(year)
    if output is None:
        if old not in source.name:
            raise UsageError("new_needs_output", path=str(source), year=old)
        output = source.with_name(source.name.replace(old, new))
    calendar = None
    if directive.calendar and output.parent.resolve() != source.parent.resolve():
        calendar = Path(os.path.relpath(source.parent / directive.calendar, output.parent))
    result = roll_over(text, year, calendars_for(directive, source, extra_calendars),
                       calendar=calendar.as_posix() if calendar else None, period=period)
    try:  # the new file must load as it stands
        parse_directive(result.text, message("new_unwritten", output=output, source=source))
    except InvalidInputError as error:
        raise InvalidInputError(error.problems, "new_result_invalid", year=year,
                                source=str(source), output=str(output)) from None
    return write_atomic(output, result.text.encode("utf-8"), force=force,
                        inputs=(source, *extra_calendars)), result


def upcoming_anniversaries(year: int, years: int, extra: list[Path] = ()) -> list[Anniversary]:
    """The round anniversaries of the *years* years after *year*, year by year."""
    from thidua_docs.anniversaries import round_anniversaries

    calendars = calendars_for(None, None, extra)
    return [found for later in range(year + 1, year + years + 1)
            for found in round_anniversaries(calendars, later)]


def diff(old: Path, new: Path) -> Comparison:
    """Indicators and outline of two directives compared."""
    from thidua_docs.compare import compare

    return compare(load_directive(old), load_directive(new))


def import_document(source: Path, output: Path | None = None, *, force: bool = False,
                    encoding: str | None = None, ocr: bool = False):
    """Import last year's directive (.docx, .doc, .odt, .rtf, .txt, .md, .pdf) as YAML;
    return where and what the import found (an ``ImportResult``)."""
    from thidua_docs.importer import import_file

    result = import_file(source, encoding=encoding, ocr=ocr)
    target = output or source.with_suffix(".yaml")
    return write_atomic(target, result.yaml.encode("utf-8"), force=force,
                        inputs=(source,)), result


def convert_legacy(source: Path, output: Path | None = None, *, force: bool = False,
                   encoding: str | None = None):
    """Write *source* with its TCVN3/VNI paragraphs in Unicode; (None, report) if it has none."""
    from thidua_docs.convert import CONVERTIBLE
    from thidua_docs.importer.sources import convert_file

    data, report = convert_file(source, encoding)
    if data is None:
        return None, report
    suffix = ".docx" if source.suffix.lower() in CONVERTIBLE else source.suffix
    target = output or source.with_name(f"{source.stem}-unicode{suffix}")
    return write_atomic(target, data, force=force, inputs=(source,)), report
