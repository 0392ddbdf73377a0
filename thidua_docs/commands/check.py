"""``thidua check FILE.docx|FOLDER ...``: list deviations from Nghị định 30/2020."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from thidua_docs.messages import message

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _codes(value: str | None) -> list[str]:
    return [code.strip().upper() for code in (value or "").split(",") if code.strip()]


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable findings on stdout.")
@click.option("--rules", "list_rules", is_flag=True, help="List the rules and exit.")
@click.option("--explain", metavar="CODE", help="Explain one rule: what, why, clause, examples.")
@click.option("--select", metavar="CODES", help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", metavar="CODES", help="Leave out these rule codes or prefixes.")
def command(paths: tuple[Path, ...], as_json: bool, list_rules: bool, explain: str | None,
            select: str | None, ignore: str | None) -> None:
    """Check .docx files (or folders of them) against Nghị định 30/2020 Phụ lục I.

    Exit 0 when every file conforms (or is outside the decree's scope), 1 when
    something deviates, 2 when a file cannot be read.
    """
    from thidua_docs.check import REGISTRY, UnreadableDocument, as_dict, check_file, collect
    from thidua_docs.check import unknown

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
    files = collect(list(paths))
    if not files:
        click.echo(message("check_no_files", path=", ".join(map(str, paths))), err=True)
        sys.exit(EXIT_UNREADABLE)
    results, status = [], EXIT_CLEAN
    for path in files:
        try:
            report = check_file(path, _codes(select) or None, _codes(ignore))
        except UnreadableDocument as error:
            results.append({"path": str(path), "status": "error",
                            "error": message(error.message_key, **error.params), "findings": []})
            status = EXIT_UNREADABLE
            continue
        if report.out_of_scope:
            results.append({"path": str(path), "status": "out-of-scope",
                            "reason": message(report.out_of_scope), "findings": []})
            continue
        results.append({"path": str(path), "status": "findings" if report.findings else "ok",
                        "findings": [as_dict(f) for f in report.findings]})
        if report.findings and status == EXIT_CLEAN:
            status = EXIT_FINDINGS
    if as_json:
        click.echo(json.dumps({"files": results, "exit_code": status}, ensure_ascii=False,
                              indent=2))
    else:
        _print(results)
    sys.exit(status)


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
            click.echo(result["error"], err=True)
            continue
        if result["status"] == "out-of-scope":
            click.echo(message("check_out_of_scope", path=result["path"],
                               reason=result["reason"]))
            continue
        for finding in result["findings"]:
            more = message("check_more_places", count=finding["count"] - 1) \
                if finding["count"] > 1 else ""
            click.echo(f"{result['path']}: [{finding['rule']}] {finding['where']}{more}: "
                       f"{message('check_expected')} {finding['expected']}; "
                       f"{message('check_found')} {finding['found']}")
        key = "check_findings" if result["findings"] else "check_clean"
        click.echo(message(key, path=result["path"], count=len(result["findings"])))
