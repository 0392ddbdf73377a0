"""``thidua render FILE.yaml ... [-o OUT] [--pdf]``: write directives as .docx (and PDF).

One input writes one file (``-o FILE.docx``, default output/<name>.docx); several
inputs, or ``-o FOLDER/``, write a batch into a folder. ``-`` reads YAML from
standard input; ``-o -`` writes the .docx to standard output.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from thidua_docs.commands import argument, option, report_errors, verb
from thidua_docs.messages import message
from thidua_docs.progress import Progress

DEFAULT_FOLDER = Path("output")
STDIO = "-"


@verb("render")
@argument("sources", nargs=-1, required=True)
@option("-o", "--output")
@option("--template", type=click.Path(path_type=Path, dir_okay=False))
@option("--force", is_flag=True)
@option("--draft", is_flag=True)
@option("--pdf", is_flag=True)
@option("-j", "--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1)
@option("--timeout", type=click.FloatRange(1, 3600), default=120, show_default=True)
@option("--json", "as_json", is_flag=True)
@report_errors
def command(sources: tuple[str, ...], output: str | None, template: Path | None, force: bool,
            draft: bool, pdf: bool, jobs: int, timeout: float, as_json: bool) -> None:
    """Render SOURCES (YAML files, or - for standard input) to Word documents."""
    from thidua_docs import batch
    from thidua_docs.exceptions import UsageError

    if output == STDIO:
        _to_stdout(sources, template, draft, pdf, as_json)
        return
    if pdf:
        from thidua_docs.pdf import find_soffice

        find_soffice()  # fail at once, before rendering anything
    if sources.count(STDIO):
        raise UsageError("render_stdin_output")
    jobs_list = _jobs(sources, output)
    phases = [("progress_docx", len(jobs_list))] + [("progress_pdf", len(jobs_list))] * pdf
    with Progress(phases, enabled=not as_json) as progress:
        def shown(outcome) -> None:  # problems as they happen
            lines = [] if as_json or outcome.shown else outcome.lines()
            outcome.shown = bool(lines) or outcome.shown
            progress.step(lines)

        outcomes = batch.render_docx_files(jobs_list, workers=jobs, template=template,
                                           force=force, draft=draft, progress=shown)
        if pdf:
            progress.start("progress_pdf", sum(o.status == "ok" for o in outcomes))
            batch.convert_to_pdf(outcomes, workers=jobs, timeout=timeout, force=force,
                                 progress=shown)
    _report(outcomes, as_json, single=len(jobs_list) == 1)


def _jobs(sources: tuple[str, ...], output: str | None):
    from thidua_docs.batch import Job
    from thidua_docs.exceptions import UsageError
    from thidua_docs.output import is_folder

    paths = [Path(source) for source in sources]
    folder_mode = len(paths) > 1 or output is None or output.endswith(("/", os.sep)) or \
        is_folder(Path(output))
    if not folder_mode:
        return [Job(paths[0], Path(output))]
    folder = Path(output) if output else DEFAULT_FOLDER
    if len(paths) > 1 and output and output.lower().endswith(".docx"):
        raise UsageError("render_many_to_file", path=output)
    jobs, names = [], {}
    for path in paths:
        target = folder / f"{path.stem}.docx"
        if target in names:
            raise UsageError("render_same_name", first=str(names[target]), second=str(path),
                             target=str(target))
        names[target] = path
        jobs.append(Job(path, target))
    return jobs


def _to_stdout(sources, template, draft, pdf, as_json: bool) -> None:
    """Write the one .docx to standard output; its --json record goes to standard error."""
    import time

    from thidua_docs import main
    from thidua_docs.batch import Outcome, notices
    from thidua_docs.exceptions import ThiduaError, UsageError

    if len(sources) != 1 or pdf:
        raise UsageError("render_stdout_one")
    source = sources[0]
    outcome, started = Outcome(source), time.perf_counter()
    with notices() as outcome.notes:
        try:
            from thidua_docs.loader import read_source, read_standard_input

            if source == STDIO:
                data = main.render_text(read_standard_input(), template=template,
                                        draft=draft)
            else:
                data = main.render_text(read_source(source), source, template=template,
                                        draft=draft)
        except ThiduaError as error:
            outcome.fail(error)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            outcome.outputs["docx"] = STDIO
    outcome.ms = (time.perf_counter() - started) * 1000
    if as_json:
        click.echo(json.dumps(outcome.record(), ensure_ascii=False), err=True)
    else:
        for line in [*map(str, outcome.notes), *outcome.lines()]:
            click.echo(line, err=True)
    if outcome.status != "ok":
        sys.exit(outcome.exit_code)


def _report(outcomes, as_json: bool, single: bool) -> None:
    for outcome in outcomes:
        for note in [] if as_json else outcome.notes:
            click.echo(note, err=True)
        if as_json:
            click.echo(json.dumps(outcome.record(), ensure_ascii=False))
        elif outcome.status == "ok":
            for path in outcome.outputs.values():
                click.echo(path)
        elif not outcome.shown:
            for line in outcome.lines():
                click.echo(line, err=True)
    failed = [o for o in outcomes if o.status != "ok"]
    if not single and not as_json:
        click.echo(message("render_summary", done=len(outcomes) - len(failed),
                           failed=len(failed)), err=True)
    if failed:
        sys.exit(failed[0].exit_code if single else 1)
