"""Turn a Directive into the context the Word template expects.

All wording decisions happen here: labels, upper-casing of titles,
punctuation of lists, the "./." end mark, blank number and date of a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thidua_docs import decree
from thidua_docs.structure import Directive, Entry, Indicator, Section
from thidua_docs.structure.numbering import Labelled, label_body
from thidua_docs.text import Span, expand, spans
from thidua_docs.vnformat import document_number, long_date

_TRAILING_PUNCTUATION = re.compile(r"[\s;.,]+$")


@dataclass
class Paragraph:
    """One body paragraph: its role (chooses the template style) and its spans."""

    style: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Context:
    """Everything the template prints, as plain strings and span lists."""

    parent_lines: list[str]
    issuer_lines: list[str]
    number: str
    symbol: str
    summary: str | None
    urgency: str | None
    place_date: str
    title: str
    subtitle_lines: list[str]
    #: A typed kind's trích yếu has a short line under it; a công văn's title has none.
    subject_rule: bool
    addressee_lines: list[str]
    preamble: list[list[Span]]
    blocks: list[Paragraph]
    closing: list[Span] | None
    recipients: list[str]
    signer_lines: list[str]
    signer_name: str


def build_context(directive: Directive) -> Context:
    """The template context of *directive*."""
    doc = directive.document

    def text(value: str) -> str:
        if "{" not in value:
            return value
        return expand(value, year=directive.year, named={
            "theme": directive.theme, "anniversaries": "; ".join(directive.anniversaries)})

    if doc.kind_code is None:
        title, subtitles = doc.title.upper(), [doc.subtitle] if doc.subtitle else []
    else:
        title, subtitles = doc.kind.upper(), [doc.title] + ([doc.subtitle] if doc.subtitle else [])
    date = long_date(doc.date) if doc.date else decree.BLANK_DATE
    summary = decree.patterns.SUMMARY_LABEL.sub("", text(doc.summary)) if doc.summary else None
    return Context(
        parent_lines=[line.upper() for line in directive.issuer.parent or []],
        issuer_lines=[line.upper() for line in directive.issuer.name],
        number=document_number(doc.number),
        symbol=directive.symbol,
        summary=f"{decree.SUMMARY_LABEL} {summary}" if summary else None,
        urgency=doc.urgency.upper() if doc.urgency else None,
        place_date=f"{doc.place}, {date}",
        title=text(title),
        subtitle_lines=[text(line) for line in subtitles],
        subject_rule=doc.kind_code is not None,
        addressee_lines=_addressees([text(name) for name in directive.addressees]),
        preamble=[spans(text(paragraph)) for paragraph in directive.preamble],
        blocks=[_paragraph(item, text) for item in label_body(directive)],
        closing=_closing(spans(text(directive.closing))) if directive.closing else None,
        recipients=_recipients(directive, text),
        signer_lines=directive.signature.lines(),
        signer_name=directive.signature.name,
    )


def _paragraph(item: Labelled, text) -> Paragraph:
    node = item.node
    label = [Span(item.label + " ")] if item.label else []
    if isinstance(node, Section):
        if node.inline:  # the label and title in bold, the content on the same line
            heading = Span(f"{item.label} {text(node.section)}", bold=True)
            return Paragraph(item.role, [heading, Span(" ")] + _inline_content(node, text))
        title = node.section.upper() if item.role == "heading1" else node.section
        return Paragraph(item.role, label + spans(text(title)))
    if isinstance(node, Indicator):
        return Paragraph("bullet", label + _indicator(node, text) + [Span("." if item.last else ";")])
    body = node.text if isinstance(node, Entry) else node
    return Paragraph(item.role, label + spans(text(body)))


#: Printed after an indicator whose value is still last year's (draft renders only).
PENDING_MARK = " [chưa cập nhật]"


def _indicator(indicator: Indicator, text) -> list[Span]:
    result = spans(text(indicator.wording()))
    if indicator.needs_update:
        result = [Span(s.text, s.bold, s.italic, highlight=True) for s in result]
        result.append(Span(PENDING_MARK, bold=True, highlight=True))
    if indicator.note:
        result += [Span(" (")] + [Span(s.text, s.bold, True) for s in spans(text(indicator.note))]
        result.append(Span(")"))
    return result


def _inline_content(section: Section, text) -> list[Span]:
    """Content printed on the title's line: indicators joined by "; ", then "."."""
    pieces: list[list[Span]] = []
    for block in section.content:
        if isinstance(block, str):
            pieces.append(spans(text(block)))
        else:
            pieces += [_indicator(indicator, text) for indicator in getattr(block, "indicators", [])]
    result: list[Span] = []
    for position, piece in enumerate(pieces):
        result += piece + [Span("; " if position < len(pieces) - 1 else ".")]
    return result


def _closing(closing: list[Span]) -> list[Span]:
    last = closing[-1]
    stripped = last.text.rstrip()
    for mark in (decree.END_MARK, "."):
        if stripped.endswith(mark):
            stripped = stripped[: -len(mark)]
            break
    return closing[:-1] + [Span(stripped + decree.END_MARK, last.bold, last.italic)]


def _bare(name: str) -> str:
    """A list entry without the dash and end mark a clerk may have typed."""
    return _TRAILING_PUNCTUATION.sub("", name).lstrip("- ")


def _dash_lines(names: list[str], last: str = ";") -> list[str]:
    """"- name;" for each name, the last one ending *last*."""
    return [f"- {_bare(name)}{last if position == len(names) - 1 else ';'}"
            for position, name in enumerate(names)]


def _addressees(names: list[str]) -> list[str]:
    """"Kính gửi: X." on one line, or "Kính gửi:" over "- X;" ... "- Y." lines."""
    if len(names) <= 1:
        return [f"{decree.ADDRESSEE_LABEL} {_bare(name)}." for name in names]
    return [decree.ADDRESSEE_LABEL] + _dash_lines(names, last=".")


def _recipients(directive: Directive, text) -> list[str]:
    lines = _dash_lines([text(name) for name in directive.recipients])
    lines.append(f"- {decree.ARCHIVE_LABEL} {', '.join(directive.archive)}.")
    return lines
