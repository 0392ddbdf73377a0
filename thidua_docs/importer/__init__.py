"""``thidua import``: last year's directive (.docx, .txt, .md, .pdf) → our YAML.

The story: read the source (legacy encodings converted, NFC), cut it into
its parts (header, title and body, Nơi nhận and signature), recognise the
directive in them, compare the typed labels with the computed ones, and
write YAML that loads and renders. Every unsure reading and every difference
from the source is a finding, printed in the summary and written as a comment
above its field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from thidua_docs.charsets import WINDOWS_1258
from thidua_docs.exceptions import InputFileError
from thidua_docs.messages import message
from thidua_docs.importer import emit
from thidua_docs.importer.parts import Parts, cut
from thidua_docs.importer.recognise import Finding, Recognised, recognise
from thidua_docs.importer.sources import LegacyReport, read
from thidua_docs.loader import parse_directive
from thidua_docs.structure import Directive
from thidua_docs.structure.numbering import NumberingError, label_body

#: How much of a directive a source must show (header, sections, closing, Nơi nhận, signature).
MIN_EVIDENCE = 2
_DASHES = {"–": "-", "—": "-", "•": "-"}


@dataclass
class ImportResult:
    """The YAML written, the directive it loads as, and what the import found and doubted."""

    yaml: str
    directive: Directive
    findings: list[Finding]
    counts: dict[str, int]
    legacy: LegacyReport
    parts: Parts

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    @property
    def unsure(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "unsure"]


def import_file(path: Path, *, encoding: str | None = None, ocr: bool = False) -> ImportResult:
    """Import the directive in *path*; InputFileError (exit 2) if it cannot be read or is
    not a directive. *ocr*: read a PDF's page images even if it has a text layer."""
    path = Path(path)
    source = read(path, encoding, ocr=ocr)
    parts = cut(source)
    recognised = recognise(parts)
    if recognised.evidence < MIN_EVIDENCE:
        raise InputFileError("import_not_directive", path=str(path))
    try:
        directive = Directive.model_validate(recognised.data)
        findings = recognised.findings + _label_findings(directive, recognised) + \
            _ocr_findings(recognised.data, getattr(source, "unsure_words", []))
    except ValidationError as error:
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                           for e in error.errors()[:3])
        raise InputFileError("import_invalid", path=str(path), detail=detail) from None
    except NumberingError as error:
        raise InputFileError("import_invalid", path=str(path),
                             detail=message(error.message_key, **error.params)) from None
    text = emit.dump(recognised.data, _comments(findings), _preface(path, parts))
    directive = parse_directive(text, str(path))  # what is written must load as it stands
    return ImportResult(text, directive, findings, recognised.counts, parts.legacy, parts)


def _label_findings(directive: Directive, recognised: Recognised) -> list[Finding]:
    """A warning for each typed label that differs from the one the renderer computes."""
    printed = {item.path: item.label for item in label_body(directive)}
    findings = []
    for path, (typed, where) in recognised.labels.items():
        computed = printed.get(path)
        if computed is not None and _DASHES.get(typed, typed) != computed:
            findings.append(Finding("warning", "import_label", {"typed": typed,
                                                                 "printed": computed},
                                    where, path))
    return findings


def _ocr_findings(data, unsure: list[str]) -> list[Finding]:
    """An unsure finding on every field whose text holds words OCR read with low confidence."""
    wanted = {word for word in unsure if any(c.isalnum() for c in word)}
    if not wanted:
        return []
    findings = []

    def walk(node, path: tuple) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + (key,))
        elif isinstance(node, list):
            for position, value in enumerate(node):
                walk(value, path + (position,))
        elif isinstance(node, str):
            words = [w for w in dict.fromkeys(node.split()) if w in wanted]
            if words:
                findings.append(Finding("unsure", "import_ocr_unsure",
                                        {"words": ", ".join(f"«{w}»" for w in words[:8])},
                                        None, path))
    walk(data, ())
    return findings


def describe(finding: Finding) -> str:
    """One line for the summary: where, then what."""
    text = message(finding.key, **finding.params)
    if finding.where:
        kind, number = finding.where
        return f"{message('import_where_' + kind, number=number)}: {text}"
    return text


def _comments(findings: list[Finding]) -> dict[tuple, list[str]]:
    comments: dict[tuple, list[str]] = {}
    for finding in findings:
        if finding.path is not None:
            mark = "?" if finding.level == "unsure" else "!"
            comments.setdefault(tuple(finding.path), []).append(f"{mark} {describe(finding)}")
    return comments


def _preface(path: Path, parts: Parts) -> list[str]:
    return [message("import_preface_source", path=path.name, date=dt.date.today().isoformat()),
            message("import_preface_marks"), message("import_preface_computed")]


def legacy_counts(report: LegacyReport) -> str:
    """"12 đoạn TCVN3, 3 đoạn VNI"."""
    names = {"tcvn3": "TCVN3", "vni": "VNI", "cp1258": WINDOWS_1258}
    return ", ".join(message("import_legacy_count", count=count, encoding=names[encoding])
                     for encoding, count in report.counts.items())


def summary(result: ImportResult, written: Path) -> list[str]:
    """What the import wrote, found and doubted, for the command line."""
    data = result.directive
    header = result.parts.header
    found = [message("import_found_header", issuer=" ".join(data.issuer.name))
             if header.found else message("import_found_no_header"),
             message("import_found_title", kind=data.document.kind,
                     title=" ".join((data.document.title or data.document.summary
                                     or "").split()[:8])),
             message("import_found_body", **result.counts)]
    if data.closing:
        found.append(message("import_found_closing"))
    found.append(message("import_found_signature",
                         form=" / ".join(data.signature.lines() + [data.signature.name])))
    found.append(message("import_found_recipients", count=len(data.recipients),
                         archive=", ".join(data.archive)))
    lines = [message("import_written", path=written), message("import_found",
                                                               parts="; ".join(found))]
    if result.legacy.counts:
        mixed = message("import_legacy_mixed") if result.legacy.mixed else ""
        lines.append(message("import_legacy", counts=legacy_counts(result.legacy), mixed=mixed))
    for key, findings in (("import_unsure", result.unsure), ("import_warnings", result.warnings)):
        if findings:
            lines.append(message(key, count=len(findings)))
            lines += [f"  {describe(finding)}" for finding in findings]
    if not result.unsure:
        lines.append(message("import_clean"))
    return lines
