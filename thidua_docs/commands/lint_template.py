"""``thidua lint-template T.docx``: what in a Word template would stop or spoil a render."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from thidua_docs.commands import argument, option, report_errors, verb
from thidua_docs.messages import message

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


@verb("lint-template")
@argument("template", type=click.Path(path_type=Path, dir_okay=False))
@option("--json", "as_json", is_flag=True)
@report_errors
def command(template: Path, as_json: bool) -> None:
    """List, with the part and paragraph of each, the tags of TEMPLATE that a render would
    refuse or that Word may spoil."""
    from thidua_docs.render.docx import lint

    findings = lint(template)
    if as_json:
        click.echo(json.dumps({
            "input": str(template), "status": "findings" if findings else "ok", "errors": [],
            "findings": [{"code": f.code, "part": f.part, "paragraph": f.paragraph,
                          "tag": f.tag, "detail": f.detail, "message": _text(template, f)}
                         for f in findings]}, ensure_ascii=False))
    else:
        for finding in findings:
            click.echo(f"[{finding.code}] " + _text(template, finding))
        key = "lint_findings" if findings else "lint_clean"
        click.echo(message(key, path=template, count=len(findings)),
                   err=bool(findings))
    sys.exit(EXIT_FINDINGS if findings else EXIT_CLEAN)


def _text(template: Path, finding) -> str:
    """The finding's message, in words that fit this verb (render's, but for T005: this
    verb has no --template to leave out)."""
    from thidua_docs.render.sandbox import NO_TAGS, where

    key = "lint_T005" if finding.code == NO_TAGS else f"template_{finding.code}"
    return message(key, path=str(template), where=where(finding.part, finding.paragraph),
                   tag=finding.tag, detail=finding.detail)
