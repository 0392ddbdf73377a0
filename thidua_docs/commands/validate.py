"""``thidua validate FILE.yaml ...``: check directives without writing anything."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from thidua_docs.commands import argument, option, verb
from thidua_docs.messages import message


@verb("validate")
@argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@option("--draft", is_flag=True)
@option("--json", "as_json", is_flag=True)
def command(sources: tuple[Path, ...], draft: bool, as_json: bool) -> None:
    """Check SOURCES (YAML) against the schema; list every problem of each."""
    from thidua_docs import main  # imported when the verb runs: --help stays fast
    from thidua_docs.batch import notices
    from thidua_docs.exceptions import InvalidInputError, ThiduaError
    from thidua_docs.loader import read_standard_input

    exit_code = 0
    for source in sources:
        problems, summary = [], None
        with notices() as notes:
            try:
                if str(source) == "-":
                    main.validate_text(read_standard_input(), draft=draft)
                else:
                    main.validate(source, draft=draft)
            except ThiduaError as error:
                problems = error.as_problems(str(source))
                if isinstance(error, InvalidInputError):
                    summary = message(error.message_key, **error.params)
                exit_code = 2
        if as_json:
            click.echo(json.dumps({"input": str(source), "status": "error" if problems else "ok",
                                   "errors": [p.record() for p in problems],
                                   "notes": [note.record() for note in notes]},
                                  ensure_ascii=False))
            continue
        for note in notes:
            click.echo(note, err=True)
        for problem in problems:
            click.echo(problem.text(), err=True)
        if summary:
            click.echo(summary, err=True)
        if not problems:
            click.echo(message("valid", path=source))
    sys.exit(exit_code)
