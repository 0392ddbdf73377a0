"""A .docx as the reader sees it: paragraphs in reading order, sections, headers and footers.

Every paragraph of the body, of table cells (row by row, nested tables in
place) and of text boxes (after the paragraph they are anchored in) comes
once, in reading order, with its text as Word shows it: runs inside
``w:smartTag``, ``w:ins``, ``w:sdt``, ``w:hyperlink``, ``w:fldSimple``,
``w:customXml`` are read; deleted, hidden and field-instruction text is not;
``w:tab`` is "\\t", ``w:br``/``w:cr`` is "\\n"; text is NFC. Each paragraph
carries its effective formatting, its runs' effective formatting, the label
Word's automatic numbering draws before it, its fields, the shapes anchored
in it and the width its text may take.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from thidua_docs.wordml import shapes as shapes_
from thidua_docs.wordml.formatting import FormatResolver, ParagraphFormat, RunFormat
from thidua_docs.wordml.numbering import AutoLabels
from thidua_docs.wordml.shapes import Shape

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
#: Inline containers whose runs are shown text.
_CONTAINERS = {qn("w:hyperlink"), qn("w:smartTag"), qn("w:ins"), qn("w:fldSimple"),
               qn("w:customXml"), qn("w:moveTo"), qn("w:bdo"), qn("w:dir"), qn("w:sdtContent"),
               qn("w:sdt"), f"{_MC}AlternateContent", f"{_MC}Choice"}
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n",
              qn("w:noBreakHyphen"): "-", qn("w:softHyphen"): ""}
_TWIPS_PER_CM = 1440 / 2.54
#: Word's default left and right cell margins (108 twips each).
_CELL_MARGINS_CM = 2 * 108 / _TWIPS_PER_CM


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph's text in one run: "\\t" for a tab, "\\n" for a line break."""

    text: str
    format: RunFormat
    run: object  # the w:r element

    @property
    def shown(self) -> str:
        """The text as printed: Word's All Caps applied."""
        return self.text.upper() if self.format.caps else self.text


@dataclass(frozen=True)
class Field:
    """A field in a paragraph: its instruction ("PAGE", "NUMPAGES" ...) and shown result."""

    instruction: str
    result: str

    @property
    def name(self) -> str:
        words = self.instruction.split()
        return words[0].upper() if words else ""


@dataclass
class Paragraph:
    """One paragraph where it stands, with what Word shows of it."""

    index: int                 # 1-based in reading order (headers/footers: 0)
    element: object            # the w:p element
    container: str             # "body", "table", "textbox", "header", "footer"
    section: int               # 0-based section the paragraph belongs to
    format: ParagraphFormat
    spans: list[Span] = field(default_factory=list)
    label: str | None = None   # the label of Word's automatic numbering ("1.", "a)", "-")
    fields: list[Field] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    #: Width the text may take, in cm (the cell's, the text box's or the text column's,
    #: less the paragraph's indents).
    width_cm: float = 0.0
    table: int | None = None   # index of the top-level table in the document
    row: int | None = None
    column: int | None = None  # grid column where the cell starts
    cell: object = None        # the w:tc element
    textboxes: list[int] = field(default_factory=list)  # indices of paragraphs in its boxes

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def shown(self) -> str:
        """The text as printed (All Caps applied), without the numbering label."""
        return "".join(span.shown for span in self.spans)

    @property
    def lines(self) -> list[str]:
        """The text cut at its line breaks."""
        return self.text.split("\n")

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass
class Section:
    """Page set-up of one section and the headers and footers its pages print."""

    index: int
    width_mm: float
    height_mm: float
    margins_mm: dict[str, float]
    #: First page has its own header and footer (w:titlePg).
    title_page: bool
    headers: dict[str, list[Paragraph]]   # "default", "first", "even"
    footers: dict[str, list[Paragraph]]

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm

    @property
    def text_width_cm(self) -> float:
        return (self.width_mm - self.margins_mm["left"] - self.margins_mm["right"]) / 10


@dataclass
class WordDocument:
    """What a reader needs of one .docx."""

    docx: object                        # the python-docx Document
    formats: FormatResolver
    paragraphs: list[Paragraph]
    sections: list[Section]

    def body_text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def read(document) -> WordDocument:
    """The :class:`WordDocument` of a python-docx *document*."""
    formats = FormatResolver(document)
    walker = _Walker(formats, AutoLabels(document, formats))
    sections = document.sections
    widths = [_text_width(s) for s in sections] or [16.0]
    walker.widths = widths
    for block in _blocks(document.element.body):
        width = widths[min(walker.section, len(widths) - 1)]
        if block.tag == qn("w:p"):
            walker.paragraph(block, "body", width)
            if block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                walker.section += 1
        else:
            walker.table(block, width, None)
    return WordDocument(document, formats, walker.found,
                        [_section(index, s, formats) for index, s in enumerate(sections)])


def _text_width(section) -> float:
    try:
        return (section.page_width - section.left_margin - section.right_margin) / 360000
    except TypeError:  # a section without page size or margins
        return 16.0


def _section(index: int, section, formats: FormatResolver) -> Section:
    def mm(value, default: float) -> float:
        return value.mm if value is not None else default

    margins = {side: mm(getattr(section, f"{side}_margin"), 0.0)
               for side in ("top", "bottom", "left", "right")}
    width = _text_width(section)
    walker = _Walker(formats, None)
    walker.section = index

    def part(kind: str, container: str) -> list[Paragraph]:
        walker.found = []
        element = getattr(section, kind)._element
        walker.container_all(element, container, width)
        return walker.found

    headers = {"default": part("header", "header")}
    footers = {"default": part("footer", "footer")}
    if section.different_first_page_header_footer:
        headers["first"] = part("first_page_header", "header")
        footers["first"] = part("first_page_footer", "footer")
    if section.even_page_header._has_definition:
        headers["even"] = part("even_page_header", "header")
        footers["even"] = part("even_page_footer", "footer")
    return Section(index, mm(section.page_width, 210.0), mm(section.page_height, 297.0),
                   margins, bool(section.different_first_page_header_footer), headers, footers)


class _Walker:
    """Reads paragraphs in reading order, counting automatic numbers as it goes."""

    def __init__(self, formats: FormatResolver, labels: AutoLabels | None) -> None:
        self.formats = formats
        self.labels = labels
        self.found: list[Paragraph] = []
        self.section = 0
        self.widths: list[float] = []
        self._table = -1

    def container_all(self, element, container: str, width: float) -> None:
        for block in _blocks(element):
            if block.tag == qn("w:p"):
                self.paragraph(block, container, width)
            else:
                self.table(block, width, container)

    def table(self, tbl, width: float, container: str | None,
              top: int | None = None) -> None:
        if top is None:
            self._table += 1
            top = self._table
        grid = [int(float(col.get(qn("w:w"), 0))) / _TWIPS_PER_CM
                for col in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        margins = _margins(tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}"), _CELL_MARGINS_CM)
        table_cm = _table_width(tbl, width, grid)
        for row_number, tr in enumerate(tbl.findall(qn("w:tr"))):
            column = _grid_before(tr)
            for tc in _cells(tr):
                span = _grid_span(tc)
                cell_width = _cell_width(tc, grid, column, span, table_cm) - _margins(
                    tc.find(f"{qn('w:tcPr')}/{qn('w:tcMar')}"), margins)
                for child in _blocks(tc):
                    if child.tag == qn("w:p"):
                        self.paragraph(child, container or "table", cell_width,
                                       (top, row_number, column, tc))
                    elif child.tag == qn("w:tbl"):
                        self.table(child, cell_width, container, top)
                column += span

    def paragraph(self, p, container: str, width: float, place: tuple | None = None) -> None:
        fmt = self.formats.paragraph(p)
        paragraph = Paragraph(0, p, container, self.section, fmt,
                              width_cm=max(width - fmt.left_cm - fmt.right_cm, 0.5))
        if place:
            paragraph.table, paragraph.row, paragraph.column, paragraph.cell = place
        boxes: list = []
        _Inline(self.formats, paragraph, boxes).read(p)
        if self.labels is not None and container not in ("header", "footer"):
            paragraph.label = self.labels.label(p)
        if container not in ("header", "footer"):
            paragraph.index = len(self.found) + 1
        self.found.append(paragraph)
        for box_width, content in boxes:
            start = len(self.found)
            for inner in content.iter(qn("w:p")):
                if next(inner.iterancestors(qn("w:txbxContent"))) is content:
                    self.paragraph(inner, "textbox" if container in ("body", "table")
                                   else container, box_width)
            paragraph.textboxes += [q.index for q in self.found[start:]]


class _Inline:
    """Collects one paragraph's spans, fields and shapes."""

    def __init__(self, formats: FormatResolver, paragraph: Paragraph, boxes: list) -> None:
        self.formats = formats
        self.paragraph = paragraph
        self.boxes = boxes
        self.fields: list[list] = []  # open complex fields: [instruction, result, in_result]

    def read(self, element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == qn("w:r"):
                self.run(child)
            elif tag == qn("w:fldSimple"):
                start = len(self.paragraph.spans)
                self.read(child)
                result = "".join(s.text for s in self.paragraph.spans[start:])
                self.paragraph.fields.append(Field(child.get(qn("w:instr"), "").strip(), result))
            elif tag in _CONTAINERS:
                if tag == f"{_MC}AlternateContent":
                    choice = child.find(f"{_MC}Choice")
                    if choice is not None:
                        self.read(choice)
                else:
                    self.read(child)

    def run(self, r) -> None:
        fmt = self.formats.run(self.paragraph.element, r)
        if fmt.hidden:
            return
        for child in r.iterchildren():
            tag = child.tag
            if tag == qn("w:fldChar"):
                self._field_char(child.get(qn("w:fldCharType")))
            elif tag == qn("w:instrText"):
                if self.fields:
                    self.fields[-1][0] += child.text or ""
            elif self.fields and not self.fields[-1][2]:
                continue  # inside a field's instruction
            elif tag in _TEXT_TAGS:
                text = _TEXT_TAGS[tag]
                if text is None:
                    text = unicodedata.normalize("NFC", child.text or "")
                self._add(text, fmt, r)
            elif tag == qn("w:br"):
                if child.get(qn("w:type")) in (None, "textWrapping"):
                    self._add("\n", fmt, r)
            elif tag == qn("w:sym"):
                self._add(chr(int(child.get(qn("w:char"), "20"), 16) & 0xFFF or 32), fmt, r)
            elif tag in (qn("w:drawing"), qn("w:pict"), f"{_MC}AlternateContent"):
                self._drawings(child)

    def _add(self, text: str, fmt: RunFormat, r) -> None:
        if not text:
            return
        if self.fields:
            self.fields[-1][1] += text
        self.paragraph.spans.append(Span(text, fmt, r))

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(["", "", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][2] = True
        elif kind == "end" and self.fields:
            instruction, result, _ = self.fields.pop()
            self.paragraph.fields.append(Field(instruction.strip(), result))
            if self.fields:
                self.fields[-1][1] += result

    def _drawings(self, element) -> None:
        found = shapes_.drawn(element)
        self.paragraph.shapes += found
        for content in element.iter(qn("w:txbxContent")):
            if any(a.tag == f"{_MC}Fallback" for a in content.iterancestors()):
                continue
            if any(a.tag == qn("w:txbxContent") for a in content.iterancestors()):
                continue
            widths = [s.width_cm for s in found if s.kind == "textbox" and s.width_cm > 0]
            self.boxes.append((widths[0] if widths else self.paragraph.width_cm, content))


def _grid_before(tr) -> int:
    trpr = tr.find(qn("w:trPr"))
    before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
    return int(before.get(qn("w:val"), 0)) if before is not None else 0


def _cells(tr):
    for child in tr.iterchildren():
        if child.tag == qn("w:tc"):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            yield from child.iter(qn("w:tc"))


def _blocks(container):
    """The paragraphs and tables of a body, cell, header or footer, in order, those inside
    block-level content controls (w:sdt, w:customXml) included."""
    for child in container.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif child.tag == qn("w:customXml"):
            yield from _blocks(child)


def _table_width(tbl, available: float, grid: list[float]) -> float:
    """The table's width (cm): declared in twips or as a share of *available*, else its grid's."""
    width = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    if width is not None and width.get(qn("w:w")):
        value = float(width.get(qn("w:w")).rstrip("%"))
        if width.get(qn("w:type")) == "dxa" and value:
            return value / _TWIPS_PER_CM
        if width.get(qn("w:type")) == "pct" and value:
            return available * (value / 100 if width.get(qn("w:w")).endswith("%") else
                                 value / 5000)
    return sum(grid) or available


def _margins(element, default: float) -> float:
    """Left plus right cell margins (cm) set by a w:tblCellMar or w:tcMar, else *default*."""
    if element is None:
        return default
    total, found = 0.0, False
    for side in ("left", "start", "right", "end"):
        margin = element.find(qn(f"w:{side}"))
        if margin is not None and margin.get(qn("w:type"), "dxa") == "dxa":
            total += int(float(margin.get(qn("w:w"), 0))) / _TWIPS_PER_CM
            found = True
    return total if found else default


def _grid_span(tc) -> int:
    tcpr = tc.find(qn("w:tcPr"))
    span = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
    return int(span.get(qn("w:val"), 1)) if span is not None else 1


def _cell_width(tc, grid: list[float], column: int, span: int, table_cm: float) -> float:
    """A cell's width: the wider of its declared width (twips, or a share of the table's)
    and its grid columns', as Word widens a cell to its grid."""
    from_grid = sum(grid[column:column + span])
    tcpr = tc.find(qn("w:tcPr"))
    width = tcpr.find(qn("w:tcW")) if tcpr is not None else None
    declared = 0.0
    if width is not None and width.get(qn("w:w")):
        value = float(width.get(qn("w:w")).rstrip("%"))
        kind = width.get(qn("w:type"), "dxa")
        if kind == "dxa":
            declared = value / _TWIPS_PER_CM
        elif kind == "pct":
            declared = table_cm * (value / 5000 if not width.get(qn("w:w")).endswith("%")
                                   else value / 100)
    return max(declared, from_grid) or 8.0
