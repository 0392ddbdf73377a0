"""``thidua check``: conformance of any .docx to Nghị định 30/2020 Phụ lục I.

One run reads the document with the one reader (``wordml``), finds its parts
(``anatomy``), says whether it is in the decree's scope (``scope``) and, if it
is, runs the selected rules of the registry (``registry``, ``rules/``), each
stamping its own code on its findings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from thidua_docs import wordml
from thidua_docs.check import rules as _rules  # noqa: F401 (registers every rule)
from thidua_docs.convert import CONVERTIBLE, as_docx
from thidua_docs.wordml.anatomy import analyse
from thidua_docs.check.registry import REGISTRY, Finding, Rule, selected, unknown
from thidua_docs.check.scope import out_of_scope
from thidua_docs.wordml import UnreadableDocument

__all__ = ["REGISTRY", "Finding", "Report", "Rule", "UnreadableDocument", "as_dict",
           "check_document", "check_file", "collect", "unknown"]


@dataclass
class Report:
    """What checking one file found: findings, or why the file is outside the decree."""

    path: Path
    findings: list[Finding] = field(default_factory=list)
    #: Message key of the reason the document is not scored (Party document, QPPL, form).
    out_of_scope: str | None = None


def check_file(path: Path, select: list[str] | None = None,
               ignore: list[str] | None = None) -> Report:
    """Check the .docx (or .doc, .odt, .rtf, converted by LibreOffice) at *path*;
    UnreadableDocument or InputFileError if it cannot be read."""
    with as_docx(Path(path)) as docx:
        doc = analyse(wordml.open_docx(docx))
    reason = out_of_scope(doc)
    if reason:
        return Report(Path(path), [], reason)
    findings = [finding for rule in selected(select, ignore) for finding in rule.findings(doc)]
    return Report(Path(path), findings)


def check_document(path: Path, select: list[str] | None = None,
                   ignore: list[str] | None = None) -> list[Finding]:
    """Every deviation of the .docx at *path* (none when it is outside the decree's scope)."""
    return check_file(path, select, ignore).findings


def collect(paths: list[Path]) -> list[Path]:
    """The files to check: each file given, and every .docx (.doc, .odt, .rtf) under each
    folder given."""
    result: list[Path] = []
    suffixes = (".docx",) + CONVERTIBLE
    for path in paths:
        if path.is_dir():
            result += sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes
                             and not p.name.startswith("~$"))
        else:
            result.append(path)
    return result


def as_dict(finding: Finding) -> dict:
    return asdict(finding)
