"""The length of the line drawn under a header line, from its real geometry.

Clerks draw it in four ways: a bottom border of the line's paragraph (or a top
or bottom border of an empty paragraph under it, as long as that paragraph's
width), a DrawingML or VML line or connector anchored in the paragraph or the
next ones (or in the next table row's cell of the same column), underscore
text ("_______") in the paragraph under it, or an underline of the text itself.
Text widths come from the Times New Roman metrics of ``layout.metrics``.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua_docs.wordml.anatomy import Anatomy, Line
from thidua_docs.layout.metrics import text_width_pt

PT_PER_CM = 72 / 2.54
#: How many paragraphs under a line may hold the shape that underlines it.
_REACH = 3


@dataclass(frozen=True)
class Rule:
    """A line drawn under a text: how it is drawn and how long it is (cm)."""

    kind: str  # "border", "shape", "underscores", "underline"
    length_cm: float


def text_width_cm(line: Line) -> float:
    """Width of *line*'s printed text (All Caps applied) in its own sizes and weight."""
    total = 0.0
    text_spans = [s for s in line.spans if s.text]
    for position, span in enumerate(text_spans):
        text = span.shown
        if position == 0:
            text = text.lstrip()
        if position == len(text_spans) - 1:
            text = text.rstrip()
        total += text_width_pt(text.replace("\t", " "), span.format.size_pt or 13,
                               bold=span.format.bold)
    return total / PT_PER_CM


def rule_under(doc: Anatomy, line: Line) -> Rule | None:
    """The line drawn under *line*, or None if there is none."""
    paragraph = line.paragraph
    own_lines = paragraph.text.rstrip("\n").count("\n")
    own = [s for s in paragraph.shapes if s.is_line and _in_column(s, line)]
    if own:
        return Rule("shape", max(s.width_cm for s in own))
    if paragraph.format.has_bottom_border and line.break_index == own_lines:
        return Rule("border", paragraph.width_cm)
    if all(s.format.underline for s in line.spans if s.text.strip()):
        return Rule("underline", text_width_cm(line))
    for candidate in _below(doc, line):
        shapes = [s for s in candidate.shapes if s.is_line]
        if shapes:
            return Rule("shape", max(s.width_cm for s in shapes))
        text = candidate.text.strip()
        if text and (
                set(text) <= {"_", " "} or set(text) <= {"-", " "} and len(text) > 5):
            size = next((s.format.size_pt for s in candidate.spans if s.text.strip()), 13)
            return Rule("underscores", text_width_pt(text, size or 13) / PT_PER_CM)
        if candidate.empty and (candidate.format.has_top_border or
                                candidate.format.has_bottom_border):
            return Rule("border", candidate.width_cm)
        if not candidate.empty:
            break
    return None


def _in_column(shape, line: Line) -> bool:
    """Whether *shape* lies under *line*'s column of a paragraph typed in columns."""
    if line.parts < 2 or shape.x_cm is None:
        return True
    middle = line.paragraph.width_cm / 2
    return (shape.x_cm + shape.width_cm / 2 < middle) == (line.part == 0)


def _below(doc: Anatomy, line: Line):
    """The paragraphs under *line* in the same place: the same cell, or the next row's cell
    of the same column."""
    paragraphs = doc.word.paragraphs
    start = line.paragraph.index - 1
    seen = 0
    for paragraph in paragraphs[start + 1:]:
        if (paragraph.container == "textbox") != (line.container == "textbox"):
            continue  # a text box's paragraphs are not under the lines around its anchor
        if seen >= _REACH:
            return
        same_cell = paragraph.cell is line.paragraph.cell
        next_row = (line.paragraph.cell is not None and paragraph.table == line.paragraph.table
                    and paragraph.row == (line.paragraph.row or 0) + 1
                    and paragraph.column == line.paragraph.column)
        if not (same_cell or next_row):
            if line.paragraph.cell is not None and paragraph.table == line.paragraph.table:
                continue  # other cells of the same row come between
            return
        seen += 1
        yield paragraph
        if not paragraph.empty and not same_cell:
            return
