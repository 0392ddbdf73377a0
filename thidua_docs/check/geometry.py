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

from thidua_docs.layout.metrics import longest_line_pt, text_width_pt
from thidua_docs.wordml.anatomy import Anatomy, Line

PT_PER_CM = 72 / 2.54
#: How many paragraphs under a line may hold the shape that underlines it.
_REACH = 3


@dataclass(frozen=True)
class Rule:
    """A line drawn under a text: how it is drawn and how long it is (cm)."""

    kind: str  # "border", "shape", "underscores", "underline"
    length_cm: float


def text_width_cm(line: Line) -> float:
    """Width of *line*'s longest printed line (All Caps applied, wrapped in its paragraph's
    width) in its main size and weight."""
    printed = [s for s in line.spans if s.text.strip()]
    if not printed:
        return 0.0
    size = max(printed, key=lambda s: len(s.text)).format.size_pt or 13
    bold = sum(len(s.text) for s in printed if s.format.bold) * 2 > sum(
        len(s.text) for s in printed)
    text = " ".join(line.shown.split())
    return longest_line_pt(text, size, line.paragraph.width_cm * PT_PER_CM,
                           bold=bold) / PT_PER_CM


def pages(doc: Anatomy) -> float:
    """About how many pages the document fills: each paragraph's wrapped lines at its size
    and line spacing, plus its spacing, over the first section's text height."""
    sections = doc.word.sections
    if not sections:
        return 1.0
    first = sections[0]
    height = (first.height_mm - first.margins_mm["top"] - first.margins_mm["bottom"]) / 10
    total = 0.0
    for paragraph in doc.word.paragraphs:
        if paragraph.container in ("header", "footer", "textbox"):
            continue
        fmt = paragraph.format
        size = next((s.format.size_pt for s in paragraph.spans if s.format.size_pt), 13) or 13
        line_pt = fmt.line_pt or size * 1.15 * (fmt.line_spacing or 1.0)
        width = text_width_pt(paragraph.text, size) if paragraph.text.strip() else 0.0
        lines = max(1, -(-int(width) // max(int(paragraph.width_cm * PT_PER_CM), 1)))
        if paragraph.container == "table" and paragraph.column:
            continue  # side-by-side cells share their row's height
        total += (lines * line_pt + fmt.space_before_pt + fmt.space_after_pt) / PT_PER_CM
    return total / height if height > 0 else 1.0


def wraps(line: Line) -> bool:
    """Whether *line*'s text is wider than its paragraph: it prints on two lines."""
    printed = [s for s in line.spans if s.text.strip()]
    if not printed:
        return False
    fmt = printed[0].format
    text = line.shown
    width = text_width_pt(text, fmt.size_pt or 13, bold=fmt.bold) + fmt.spacing_pt * len(text)
    return width > line.paragraph.width_cm * PT_PER_CM


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
        shapes = [s for s in candidate.shapes if s.is_line and _in_column(s, line)]
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
