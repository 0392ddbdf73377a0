"""``thidua check FILE.docx|FOLDER ...``: list deviations from Nghị định 30/2020."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from thidua_docs.commands import argument, option, verb
from thidua_docs.exceptions import Failure, InputFileError
from thidua_docs.messages import message

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _codes(value: str | None) -> list[str]:
    return [code.strip().upper() for code in (value or "").split(",") if code.strip()]


@verb("check")
@argument("paths", nargs=-1, type=click.Path(path_type=Path))
@option("--json", "as_json", is_flag=True)
@option("--rules", "list_rules", is_flag=True)
@option("--explain")
@option("--select")
@option("--ignore")
def command(paths: tuple[Path, ...], as_json: bool, list_rules: bool, explain: str | None,
            select: str | None, ignore: str | None) -> None:
    """Check .docx files (or folders of them) against Nghị định 30/2020 Phụ lục I."""
    from thidua_docs.check import REGISTRY, collect, unknown

    if list_rules:
        for rule in REGISTRY.values():
            click.echo(f"{rule.code:<15} {rule.summary}")
        return
    if explain:
        _explain(REGISTRY, explain.strip().upper())
        return
    bad = unknown(_codes(select) + _codes(ignore))
    if bad:
        raise click.UsageError(message("check_unknown_codes", codes=", ".join(bad)))
    if not paths:
        raise click.UsageError(message("check_no_paths"))
    results = []
    for given in paths:
        files = collect([given])
        if not files:  # a folder given with no .docx in it is reported, not passed over
            results.append(_unreadable(given, [Failure(str(given), None, None, "",
                                                       "check_no_files", {"path": str(given)})]))
        results += [_check(path, _codes(select) or None, _codes(ignore)) for path in files]
    statuses = {result["status"] for result in results}
    status = EXIT_UNREADABLE if "error" in statuses else \
        EXIT_FINDINGS if "findings" in statuses else EXIT_CLEAN
    for result in results if as_json else []:
        click.echo(json.dumps(result, ensure_ascii=False))
    if not as_json:
        _print(results)
    sys.exit(status)


def _check(path: Path, select: list[str] | None, ignore: list[str]) -> dict:
    """The record of one .docx."""
    from thidua_docs.check import UnreadableDocument, as_dict, check_file

    try:
        report = check_file(path, select, ignore)
    except (UnreadableDocument, InputFileError) as error:  # InputFileError: conversion
        return _unreadable(path, error.as_problems(str(path)))
    if report.out_of_scope:
        return {"input": str(path), "status": "out-of-scope",
                "reason": message(report.out_of_scope), "findings": [], "errors": []}
    return {"input": str(path), "status": "findings" if report.findings else "ok",
            "findings": [as_dict(f) for f in report.findings], "errors": []}


def _unreadable(path: Path, problems: list) -> dict:
    return {"input": str(path), "status": "error", "findings": [],
            "errors": [problem.record() for problem in problems]}


def _explain(registry: dict, code: str) -> None:
    rule = registry.get(code)
    if rule is None:
        raise click.UsageError(message("check_unknown_codes", codes=code))
    click.echo(f"{rule.code}: {rule.summary}")
    click.echo(f"{message('check_explain_why')}: {rule.why}")
    click.echo(f"{message('check_explain_clause')}: {rule.clause}")
    click.echo(f"{message('check_explain_right')}: {rule.right}")
    click.echo(f"{message('check_explain_wrong')}: {rule.wrong}")


def _print(results: list[dict]) -> None:
    for result in results:
        if result["status"] == "error":
            for error in result["errors"]:
                click.echo(error["message"], err=True)
            continue
        if result["status"] == "out-of-scope":
            click.echo(message("check_out_of_scope", path=result["input"],
                               reason=result["reason"]))
            continue
        for finding in result["findings"]:
            more = message("check_more_places", count=finding["count"] - 1) \
                if finding["count"] > 1 else ""
            click.echo(f"{result['input']}: [{finding['rule']}] {finding['where']}{more}: "
                       f"{message('check_expected')} {finding['expected']}; "
                       f"{message('check_found')} {finding['found']}")
        key = "check_findings" if result["findings"] else "check_clean"
        click.echo(message(key, path=result["input"], count=len(result["findings"])))
