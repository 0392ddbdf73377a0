"""Click's own usage errors (bad option, missing argument, value out of range) in the
user's language: Vietnamese by default, click's English with ``--lang en``."""

from __future__ import annotations

import re
import sys

import click

from thidua_docs.i18n import language, message

#: click's English details → message key and the groups it keeps.
_DETAILS = [
    (re.compile(r"(?P<value>.+?) is not in the range (?P<range>.+?)\.?$"), "usage_range"),
    (re.compile(r"(?P<value>.+?) is not a valid integer( range)?\.?$"), "usage_integer"),
    (re.compile(r"(?P<value>.+?) is not a valid float( range)?\.?$"), "usage_float"),
    (re.compile(r"(?P<value>.+?) is not one of (?P<choices>.+?)\.?$"), "usage_choice"),
    (re.compile(r"(?P<value>.+?) is not a valid boolean\.?$"), "usage_boolean"),
    (re.compile(r"File (?P<value>.+?) does not exist\.?$"), "usage_no_file"),
    (re.compile(r"(?:File|Path) (?P<value>.+?) is a directory\.?$"), "usage_is_folder"),
    (re.compile(r"No such command (?P<value>.+?)\.?$"), "usage_no_command"),
    (re.compile(r"Option (?P<value>.+?) requires an argument\.?$"), "usage_needs_value"),
    (re.compile(r"Got unexpected extra arguments? \((?P<value>.+)\)$"), "usage_extra"),
]


def run(group: click.Group, **options) -> None:
    """Run *group* as the program: its result is the exit code; usage errors are shown
    in the user's language and exit 2 (click's own code for them)."""
    try:
        result = group.main(standalone_mode=False, **options)
    except click.exceptions.UsageError as error:
        _show(error)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as error:
        click.echo(message("usage_error", detail=error.format_message()), err=True)
        sys.exit(error.exit_code)
    sys.exit(result if isinstance(result, int) else 0)


def _show(error: click.exceptions.UsageError) -> None:
    if _english():
        error.show()
        return
    ctx = error.ctx
    if ctx is not None:
        usage = ctx.get_usage().replace("Usage:", message("usage_usage"), 1)
        click.echo(usage, err=True)
        if ctx.command.get_help_option(ctx) is not None:
            click.echo(message("usage_try", command=ctx.command_path), err=True)
        click.echo(err=True)
    click.echo(message("usage_error", detail=_detail(error)), err=True)


def _detail(error: click.exceptions.UsageError) -> str:
    """The Vietnamese words of *error*."""
    if isinstance(error, click.exceptions.NoSuchOption):
        hint = ", ".join(error.possibilities or [])
        return message("usage_no_such_option", name=error.option_name, hint=hint)
    param = getattr(error, "param", None)
    where = param.get_error_hint(error.ctx) if param is not None else ""
    if isinstance(error, click.exceptions.MissingParameter):
        return message("usage_missing", param=where or error.param_hint or "")
    text = _translated(error.message)
    if isinstance(error, click.exceptions.BadParameter) and where:
        return message("usage_bad_value", param=where, detail=text)
    return text


def _translated(detail: str) -> str:
    for pattern, key in _DETAILS:
        match = pattern.match(detail)
        if match:
            return message(key, **match.groupdict())
    return detail


def _english() -> bool:
    """Whether messages are English: --lang en, even when the error is in the group's own
    options (before the language was set)."""
    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1].lower().startswith("en")
        if arg.startswith("--lang="):
            return arg[7:].lower().startswith("en")
    return language() == "en"
