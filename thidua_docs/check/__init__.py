"""``thidua check``: conformance of any .docx to Nghị định 30/2020 Phụ lục I."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from thidua_docs.check.anatomy import analyse
from thidua_docs.check.reader import UnreadableDocument, open_document
from thidua_docs.check.rules import RULES, Finding, run_rules

__all__ = ["RULES", "Finding", "UnreadableDocument", "check_document", "collect", "as_dict"]


def check_document(path: Path) -> list[Finding]:
    """Every deviation of the .docx at *path*; UnreadableDocument if it cannot be read."""
    return run_rules(analyse(open_document(Path(path))))


def collect(paths: list[Path]) -> list[Path]:
    """The files to check: each file given, and every .docx under each folder given."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            result += sorted(p for p in path.rglob("*.docx") if not p.name.startswith("~$"))
        else:
            result.append(path)
    return result


def as_dict(finding: Finding) -> dict:
    return asdict(finding)
