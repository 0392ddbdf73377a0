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

from thidua_docs.commands import report_errors
from thidua_docs.messages import message

DEFAULT_FOLDER = Path("output")
STDIO = "-"


@click.command("render")
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", help="The .docx to write, a folder for several inputs, "
              "or - for standard output (default: output/).")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False),
              help="Word template to use (default: templates/phat_dong.docx).")
@click.option("--force", is_flag=True, help="Replace output files that exist.")
@click.option("--draft", is_flag=True,
              help="Render even if indicators still await this year's value (marked).")
@click.option("--pdf", is_flag=True, help="Also convert each .docx to PDF with LibreOffice.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1,
              show_default="the number of cores", help="Parallel workers.")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=120, show_default=True,
              help="Seconds LibreOffice may spend on one document before it is stopped.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON record per input on standard output.")
@report_errors
def command(sources: tuple[str, ...], output: str | None, template: Path | None, force: bool,
            draft: bool, pdf: bool, jobs: int, timeout: float, as_json: bool) -> None:
    """Render SOURCES (YAML files, or - for standard input) to Word documents."""
    from thidua_docs import batch
    from thidua_docs.exceptions import UsageError

    if output == STDIO:
        _to_stdout(sources, template, draft, pdf)
        return
    if pdf:
        from thidua_docs.pdf import find_soffice

        find_soffice()  # fail at once, before rendering anything
    if sources.count(STDIO):
        raise UsageError("render_stdin_output")
    jobs_list = _jobs(sources, output)
    progress = _Progress(len(jobs_list) * (2 if pdf else 1), enabled=not as_json)
    with progress:
        outcomes = batch.render_docx_files(jobs_list, workers=jobs, template=template,
                                           force=force, draft=draft, progress=progress.step)
        if pdf:
            batch.convert_to_pdf(outcomes, workers=jobs, timeout=timeout, force=force,
                                 progress=progress.step)
    _report(outcomes, as_json, single=len(jobs_list) == 1)


def _jobs(sources: tuple[str, ...], output: str | None):
    from thidua_docs.batch import Job
    from thidua_docs.exceptions import UsageError

    paths = [Path(source) for source in sources]
    folder_mode = len(paths) > 1 or output is None or output.endswith(("/", os.sep)) or \
        Path(output).is_dir()
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


def _to_stdout(sources, template, draft, pdf) -> None:
    from thidua_docs import main
    from thidua_docs.exceptions import UsageError

    if len(sources) != 1 or pdf:
        raise UsageError("render_stdout_one")
    source = sources[0]
    if source == STDIO:
        data = main.render_text(sys.stdin.buffer.read(), template=template, draft=draft)
    else:
        from thidua_docs.loader import read_source

        data = main.render_text(read_source(source), source, template=template, draft=draft)
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


class _Progress:
    """A progress bar on a terminal; nothing in a pipeline."""

    def __init__(self, length: int, enabled: bool) -> None:
        self.bar = click.progressbar(length=length, file=sys.stderr, label="thidua") \
            if enabled and length > 1 and sys.stderr.isatty() else None

    def __enter__(self):
        if self.bar:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        if self.bar:
            self.bar.__exit__(*exc)

    def step(self, _result=None) -> None:
        if self.bar:
            self.bar.update(1)


def _report(outcomes, as_json: bool, single: bool) -> None:
    for outcome in outcomes:
        if as_json:
            click.echo(json.dumps(outcome.record(), ensure_ascii=False))
        elif outcome.status == "ok":
            for path in outcome.outputs.values():
                click.echo(path)
        else:
            for line in outcome.lines():
                click.echo(line, err=True)
    failed = [o for o in outcomes if o.status != "ok"]
    if not single and not as_json:
        click.echo(message("render_summary", done=len(outcomes) - len(failed),
                           failed=len(failed)), err=True)
    if failed:
        sys.exit(failed[0].exit_code if single else 1)
