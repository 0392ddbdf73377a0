"""``thidua check FILE.docx|FOLDER ...``: list deviations from Nghị định 30/2020."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from thidua_docs.commands import argument, option, verb
from thidua_docs.messages import message

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


@verb("check")
@argument("paths", nargs=-1, type=click.Path(path_type=Path))
@option("--json", "as_json", is_flag=True)
@option("--rules", "list_rules", is_flag=True)
def command(paths: tuple[Path, ...], as_json: bool, list_rules: bool) -> None:
    """Check .docx files (or folders of them) against Nghị định 30/2020 Phụ lục I."""
    from thidua_docs.check import RULES, UnreadableDocument, as_dict, check_document, collect

    if list_rules:
        for rule in RULES.values():
            click.echo(f"{rule.code:<14} {rule.summary}")
        return
    if not paths:
        raise click.UsageError(message("check_no_paths"))
    files = collect(list(paths))
    if not files:
        click.echo(message("check_no_files", path=", ".join(map(str, paths))), err=True)
        sys.exit(EXIT_UNREADABLE)
    results, status = [], EXIT_CLEAN
    for path in files:
        try:
            findings = check_document(path)
        except UnreadableDocument as error:
            results.append({"input": str(path), "status": "error", "findings": [],
                            "errors": [p.record() for p in error.as_problems(str(path))]})
            status = EXIT_UNREADABLE
            continue
        results.append({"input": str(path), "status": "findings" if findings else "ok",
                        "findings": [as_dict(f) for f in findings], "errors": []})
        if findings and status == EXIT_CLEAN:
            status = EXIT_FINDINGS
    for result in results if as_json else []:
        click.echo(json.dumps(result, ensure_ascii=False))
    if not as_json:
        _print(results)
    sys.exit(status)


def _print(results: list[dict]) -> None:
    for result in results:
        if result["status"] == "error":
            for error in result["errors"]:
                click.echo(error["message"], err=True)
            continue
        for finding in result["findings"]:
            click.echo(f"{result['input']}: [{finding['rule']}] {finding['where']}: "
                       f"{message('check_expected')} {finding['expected']}; "
                       f"{message('check_found')} {finding['found']}")
        key = "check_findings" if result["findings"] else "check_clean"
        click.echo(message(key, path=result["input"], count=len(result["findings"])))
