"""Open any .docx safely and read it as a sequence of lines.

A *line* is a paragraph, or one tab-separated part of it: hand-typed headers
often put "ỦY BAN NHÂN DÂN<tab><tab>CỘNG HÒA XÃ HỘI ..." in one paragraph.
Paragraphs come in reading order from the body, table cells (row by row)
and text boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from thidua_docs.wordml import UnreadableDocument, open_document  # noqa: F401 (check's API)

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

@dataclass
class Line:
    """A paragraph or one tab-separated part of it, with where it stands."""

    number: int                # 1-based paragraph number in reading order
    paragraph: Paragraph
    runs: list[Run]
    text: str
    container: str             # "body", "table", "textbox", "header"
    column: int | None = None  # table column, or tab part (0 = left)
    row: int | None = None
    table: int | None = None
    part: int = 0              # index among the tab-separated parts
    parts: int = 1
    extra: dict = field(default_factory=dict)

    @property
    def stripped(self) -> str:
        return " ".join(self.text.split())

    def describe(self) -> str:
        words = self.stripped
        short = words if len(words) <= 40 else words[:40].rsplit(" ", 1)[0] + "…"
        return f"{self.number} «{short}»"


def _paragraphs(document):
    """(paragraph, container, table index, row, column) in reading order."""
    body = document.element.body
    table_index = 0
    for block in body.iterchildren():
        if block.tag == qn("w:p"):
            yield Paragraph(block, document), "body", None, None, None
            yield from _textboxes(block, document)
        elif block.tag == qn("w:tbl"):
            yield from _table(block, document, table_index)
            table_index += 1


def _table(tbl, document, index):
    for row_number, tr in enumerate(tbl.findall(qn("w:tr"))):
        for column, tc in enumerate(tr.findall(qn("w:tc"))):
            for child in tc.iterchildren():
                if child.tag == qn("w:p"):
                    yield Paragraph(child, document), "table", index, row_number, column
                    yield from _textboxes(child, document)
                elif child.tag == qn("w:tbl"):
                    yield from _table(child, document, index)


def _textboxes(p, document):
    for content in p.iter(qn("w:txbxContent")):
        if any(a.tag == _MC_FALLBACK for a in content.iterancestors()):
            continue  # the same box again, for old readers
        for inner in content.iter(qn("w:p")):
            yield Paragraph(inner, document), "textbox", None, None, None


def _split_on_tabs(paragraph: Paragraph) -> list[tuple[list[Run], str]]:
    parts: list[tuple[list[Run], str]] = [([], "")]
    for run in paragraph.runs:
        pieces = run.text.split("\t")
        for position, piece in enumerate(pieces):
            if position:
                parts.append(([], ""))
            runs, text = parts[-1]
            parts[-1] = (runs + [run], text + piece)
    return [(runs, text) for runs, text in parts if text.strip()]


def read_lines(document) -> list[Line]:
    """Every non-empty line of the document body, in reading order."""
    lines: list[Line] = []
    for number, (paragraph, container, table, row, column) in enumerate(
            _paragraphs(document), start=1):
        parts = _split_on_tabs(paragraph)
        for index, (runs, text) in enumerate(parts):
            lines.append(Line(number, paragraph, runs, text, container,
                              column if container == "table" else (index if len(parts) > 1
                                                                    else None),
                              row, table, index, len(parts)))
    return lines


def all_paragraphs(document) -> list[Paragraph]:
    """Every paragraph in reading order, empty ones included."""
    return [item[0] for item in _paragraphs(document)]
