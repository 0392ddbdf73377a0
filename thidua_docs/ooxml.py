"""The raw WordprocessingML layer: the few XML edits python-docx has no API for.

Business code calls these functions with python-docx objects and plain
numbers; no other module builds XML elements.
"""

from __future__ import annotations

from html import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

TWIPS_PER_PT = 20


def _child(parent, tag: str):
    """The child *tag* of *parent*, appended when absent (for rPr children, whose
    order Word does not enforce)."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)
    return element


def set_run_fonts(rpr, font: str, *, lang: str | None = None, color: str | None = None) -> None:
    """Name *font* for every script (ascii, hAnsi, cs, eastAsia) in an rPr element."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)  # theme fonts would override the named font
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    if color:
        _child(rpr, "w:color").set(qn("w:val"), color)
    if lang:
        _child(rpr, "w:lang").set(qn("w:val"), lang)


def run_xml(text: str, *, bold: bool = False, italic: bool = False,
            highlight: str | None = None) -> str:
    """The WordprocessingML of one run of *text* (escaped), its properties in schema order."""
    properties = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + \
        (f'<w:highlight w:val="{highlight}"/>' if highlight else "")
    if properties:
        properties = f"<w:rPr>{properties}</w:rPr>"
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text, quote=False)}</w:t></w:r>'


def soft_hyphens_to_text(run) -> None:
    """Turn a run's w:softHyphen marks back into the character U+00AD in a w:t."""
    for hyphen in run.findall(qn("w:softHyphen")):
        text = OxmlElement("w:t")
        text.text = "\xad"
        hyphen.addprevious(text)
        run.remove(hyphen)


def set_document_defaults(document, font: str, size_pt: float, lang: str, color: str) -> None:
    """Font, size, language and colour of the document defaults (w:docDefaults)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    set_run_fonts(rpr, font, lang=lang, color=color)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(round(size_pt * 2)))


def set_style_id(style: ParagraphStyle, style_id: str) -> None:
    style.element.set(qn("w:styleId"), style_id)


def set_style_font(style: ParagraphStyle, font: str, lang: str, color: str) -> None:
    set_run_fonts(style.element.get_or_add_rPr(), font, lang=lang, color=color)


# Children of w:pPr that follow w:pBdr and w:contextualSpacing (ECMA-376 order).
_AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                  "w:contextualSpacing")
_AFTER_CONTEXTUAL = ("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                     "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                     "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


#: The sides of a paragraph border, in the order w:pBdr holds them.
BORDER_SIDES = ("top", "left", "bottom", "right")


def set_borders(style: ParagraphStyle, sides: tuple[str, ...], weight_eighths: int, color: str,
                space_pt: float) -> None:
    """Solid lines along the given *sides* of paragraphs of *style*, *space_pt* from the text."""
    ppr = style.element.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = ppr.insert_element_before(OxmlElement("w:pBdr"),
                                            *_AFTER_BORDERS, *_AFTER_CONTEXTUAL)
    for side in (side for side in BORDER_SIDES if side in sides):
        line = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", str(weight_eighths)),
                            ("space", str(round(space_pt))), ("color", color)):
            line.set(qn(f"w:{name}"), value)
        borders.append(line)


def set_contextual_spacing(style: ParagraphStyle) -> None:
    """Ignore spacing between paragraphs of the same style (w:contextualSpacing)."""
    ppr = style.element.get_or_add_pPr()
    if ppr.find(qn("w:contextualSpacing")) is None:
        ppr.insert_element_before(OxmlElement("w:contextualSpacing"), *_AFTER_CONTEXTUAL)


# Children of w:pPr, in the order ECMA-376 requires (up to w:jc).
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc")
_PPR_RANK = {name: rank for rank, name in enumerate(_PPR_ORDER)}
_W = qn("w:p")[:-1]  # "{namespace}"


def set_horizontal_indents(p, left_twips: int, right_twips: int | None = None) -> None:
    """Direct left and right indents of the w:p element *p*; None leaves the right one to
    the style. Works on plain lxml elements as well as python-docx ones."""
    ppr = p.find(_W + "pPr")
    if ppr is None:
        ppr = etree.SubElement(p, _W + "pPr")
        p.insert(0, ppr)
    ind = ppr.find(_W + "ind")
    if ind is None:
        ind = etree.Element(_W + "ind")
        limit = _PPR_RANK["ind"]
        before = [child for child in ppr if _PPR_RANK.get(child.tag[len(_W):], 99) < limit]
        ppr.insert(ppr.index(before[-1]) + 1 if before else 0, ind)
    ind.set(_W + "left", str(max(0, int(left_twips))))
    if right_twips is not None:
        ind.set(_W + "right", str(max(0, int(right_twips))))


def borderless_fixed_table(table: Table, widths_mm: list[float]) -> None:
    """No borders, fixed layout, zero side margins, and the given column widths."""
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblBorders", "w:tblStyle"):
        for element in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(element)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)
    table.autofit = False
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def add_page_number_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the current page number) to *paragraph*."""

    def field_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    field_char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    paragraph.add_run()._r.append(instruction)
    field_char("separate")
    paragraph.add_run("2")
    field_char("end")


ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


#: Optional package parts that python-docx's default template carries and a
#: generated document does not need (Word 2010 style copies, sample data, a preview).
_UNNEEDED_PARTS = ("/stylesWithEffects", "/customXml", "/metadata/thumbnail")


def slim_package(document, keep_style_ids: set[str]) -> None:
    """Drop unused styles, latent styles and optional parts from *document*."""
    styles = document.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        is_default = style.get(qn("w:default")) in ("1", "true")
        if style.get(qn("w:styleId")) not in keep_style_ids and not is_default:
            styles.remove(style)
    for rels in (document.part.rels, document.part.package.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype.endswith(_UNNEEDED_PARTS):
                rels.pop(rel_id)
