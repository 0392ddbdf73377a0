"""Turn a Directive into the context the Word template expects.

All wording decisions happen here: labels, upper-casing of titles,
punctuation of lists, the "./." end mark, blank number and date of a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thidua_docs import decree
from thidua_docs.structure import Directive, Entry, Indicator, IndicatorsBlock, Section
from thidua_docs.structure.directive import Appendix
from thidua_docs.structure.numbering import Labelled, label_appendix, label_body
from thidua_docs.text import Span, expand, spans
from thidua_docs.vnformat import document_number, long_date, roman

_TRAILING_PUNCTUATION = re.compile(r"[\s;.,]+$")


@dataclass
class TableRow:
    """One row of an indicator table: its cells' spans; a part's row is indented."""

    cells: list[list[Span]]
    part: bool = False


@dataclass
class Table:
    """An indicator table: the header's cells and the rows."""

    header: list[str]
    rows: list[TableRow]


@dataclass
class Paragraph:
    """One body paragraph: its role (chooses the template style) and its spans; a
    ``table`` block is a whole indicator table printed where the paragraph stands."""

    style: str
    spans: list[Span] = field(default_factory=list)
    table: Table | None = None


@dataclass
class AppendixPages:
    """One Phụ lục: its heading lines and blocks, on pages of its own."""

    label: str
    title: str
    attached: str
    blocks: list[Paragraph]
    landscape: bool


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
    basis: list[list[Span]]
    preamble: list[list[Span]]
    blocks: list[Paragraph]
    closing: list[Span] | None
    recipients: list[str]
    signer_lines: list[str]
    signer_name: str
    appendices: list[AppendixPages] = field(default_factory=list)


def build_context(directive: Directive) -> Context:
    """The template context of *directive*."""
    doc = directive.document

    def text(value: str) -> str:
        if "{" not in value:
            return value
        return expand(value, year=directive.year, named={
            "theme": directive.theme, "anniversaries": "; ".join(directive.anniversaries),
            "upcoming": "; ".join(directive.upcoming), "period": directive.period,
            "government_motto": directive.government_motto})

    if doc.kind_code is None:
        title = text(doc.title).upper() if doc.title else ""  # a công văn may have none
        subtitles = [doc.subtitle] if doc.subtitle else []
    else:
        title, subtitles = doc.kind.upper(), [doc.title] + ([doc.subtitle] if doc.subtitle else [])
    date = long_date(doc.date) if doc.date else decree.blank_date(
        directive.year if doc.blank_date == "year" else None)
    summary = decree.patterns.SUMMARY_LABEL.sub("", text(doc.summary)) if doc.summary else None
    return Context(
        parent_lines=[line.upper() for line in directive.issuer.parent or []],
        issuer_lines=[line.upper() for line in directive.issuer.name],
        number=document_number(doc.number),
        symbol=directive.symbol,
        summary=f"{decree.SUMMARY_LABEL} {summary}" if summary else None,
        urgency=doc.urgency.upper() if doc.urgency else None,
        place_date=f"{doc.place}, {date}",
        title=title,
        subtitle_lines=[text(line) for line in subtitles],
        subject_rule=doc.kind_code is not None,
        addressee_lines=_addressees([text(name) for name in directive.addressees]),
        basis=_basis([text(line) for line in directive.basis]),
        preamble=[spans(text(paragraph)) for paragraph in directive.preamble],
        blocks=[_paragraph(item, text, directive) for item in label_body(directive)],
        closing=_closing(spans(text(directive.closing))) if directive.closing else None,
        recipients=_recipients(directive, text),
        signer_lines=directive.signature.lines(),
        signer_name=directive.signature.name,
        appendices=[_appendix(directive, index, text, date)
                    for index in range(len(directive.appendices))],
    )


def _paragraph(item: Labelled, text, directive: Directive) -> Paragraph:
    node = item.node
    if item.role == "table":
        return Paragraph("table", table=_table(node, text, directive))
    if item.role == "inline_indicators":
        return Paragraph("paragraph", _inline_indicators(node, text))
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


def _indicator_pieces(block: IndicatorsBlock, text) -> list[list[Span]]:
    """Each indicator's spans; the inline form numbers them (1), (2), ..."""
    pieces = []
    for position, indicator in enumerate(block.indicators, start=1):
        piece = _indicator(indicator, text) if isinstance(indicator, Indicator) \
            else spans(text(indicator))
        pieces.append(([Span(f"({position}) ")] if block.form == "inline" else []) + piece)
    return pieces


def _joined(pieces: list[list[Span]]) -> list[Span]:
    result: list[Span] = []
    for position, piece in enumerate(pieces):
        result += piece + [Span("; " if position < len(pieces) - 1 else ".")]
    return result


def _inline_indicators(block: IndicatorsBlock, text) -> list[Span]:
    """"(1) ...; (2) ...; (3) ...." in one paragraph."""
    return _joined(_indicator_pieces(block, text))


def _inline_content(section: Section, text) -> list[Span]:
    """Content printed on the title's line: indicators joined by "; ", then "."."""
    pieces: list[list[Span]] = []
    for block in section.content:
        if isinstance(block, str):
            pieces.append(spans(text(block)))
        else:
            pieces += _indicator_pieces(block, text)
    return _joined(pieces)


#: The header of an indicator table; {done} and {plan} name the years or periods.
TABLE_HEADER = ("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện {done}", "Kế hoạch {plan}")


def _table_years(directive: Directive) -> tuple[str, str]:
    if directive.year is not None:
        return f"năm {directive.year - 1}", f"năm {directive.year}"
    start, end = directive.period_years
    return f"giai đoạn {2 * start - end - 1}-{start - 1}", f"giai đoạn {directive.period}"


def _target_cell(target, pending: bool) -> list[Span]:
    qualifier = target.qualifier if target.qualifier and target.qualifier != ":" else ""
    cell = [Span(" ".join(filter(None, [qualifier, str(target.value)])), highlight=pending)]
    return cell + ([Span(PENDING_MARK, bold=True, highlight=True)] if pending else [])


def _row(number: str, name: list[Span], target, pending: bool, part: bool) -> TableRow:
    previous = [Span(str(target.previous))] if target.previous is not None else []
    return TableRow([[Span(number)] if number else [], name, [Span(target.unit or "")],
                     previous, _target_cell(target, pending)], part)


def _table(block: IndicatorsBlock, text, directive: Directive) -> Table:
    """The rows of an indicator table: one per indicator, one more per part or target
    after "trong đó" (marked "-")."""
    done, plan = _table_years(directive)
    header = [cell.format(done=done, plan=plan) for cell in TABLE_HEADER]
    rows = []
    for number, indicator in enumerate(block.indicators, start=1):
        name = spans(text(" ".join(filter(None, [indicator.name, indicator.suffix]))))
        pending = indicator.needs_update
        if indicator.value is not None:
            rows.append(_row(str(number), name, indicator, pending, False))
        else:
            rows.append(TableRow([[Span(str(number))], name, [], [], []]))
        for part in indicator.parts or []:
            rows.append(_row("", spans(text(f"- {part.name}")), part, pending, True))
        for position, part in enumerate(indicator.of_which or []):
            lead = "Trong đó: " if position == 0 else ""
            words = " ".join(filter(None, [part.name, part.suffix]))
            rows.append(_row("", spans(text(f"{lead}{words}")), part, pending, True))
    return Table(header, rows)


def _basis(lines: list[str]) -> list[list[Span]]:
    """"Căn cứ ...;" lines, the last ending "." (the words and marks a clerk typed are kept
    once)."""
    result = []
    for position, line in enumerate(lines):
        bare = _TRAILING_PUNCTUATION.sub("", line)
        if not bare.lower().startswith(decree.BASIS_WORD.lower()):
            bare = f"{decree.BASIS_WORD} {bare}"
        result.append(spans(bare + ("." if position == len(lines) - 1 else ";")))
    return result


def _issuer_in_words(directive: Directive) -> str:
    """"Ủy ban nhân dân huyện Đăk Hà": the issuer's lines as a phrase of running text,
    however they were typed ("ỦY BAN NHÂN DÂN" / "HUYỆN ĐĂK HÀ" as well)."""
    lines = []
    for position, line in enumerate(directive.issuer.name):
        if line.isupper():
            line = line.lower().capitalize() if position == 0 else line.title()
        locality = next((word for word in decree.LOCALITY_WORDS if line.lower().startswith(
            word.lower() + " ")), None)
        if position and locality:
            line = locality.lower() + line[len(locality):]
        lines.append(line)
    return " ".join(lines)


def _appendix(directive: Directive, index: int, text, date: str) -> AppendixPages:
    doc = directive.document
    appendix: Appendix = directive.appendices[index]
    several = len(directive.appendices) > 1
    label = decree.APPENDIX_WORD + (f" {roman(index + 1)}" if several else "")
    kind = doc.kind[0].upper() + doc.kind[1:]
    attached = (f"({decree.APPENDIX_ATTACHED} {kind} số {document_number(doc.number)}/"
                f"{directive.symbol} {date} của {_issuer_in_words(directive)})")
    blocks = [_paragraph(item, text, directive) for item in label_appendix(directive, index)]
    return AppendixPages(label, text(appendix.title).upper(), attached, blocks,
                         appendix.is_landscape)


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
