"""The raw WordprocessingML layer: the few XML edits python-docx has no API for.

Business code calls these functions with python-docx objects and plain
numbers; no other module builds XML elements.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.styles.style import ParagraphStyle
    from docx.table import Table
    from docx.text.paragraph import Paragraph

TWIPS_PER_PT = 20
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The namespaces this layer writes (python-docx's qn knows them all but loads python-docx:
#: rendering a document does not need it).
_NAMESPACES = {"w": _W_NS, "xml": "http://www.w3.org/XML/1998/namespace"}


def qn(tag: str) -> str:
    """Clark notation of a prefixed name: "w:p" → "{http://...main}p"."""
    prefix, name = tag.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{name}"



#: The child order of every element we write into, as ISO/IEC 29500 and Office's own
#: schema declare it (the sequences python-docx's oxml layer declares for w:rPr, w:pPr,
#: w:tblPr and w:styles, completed where python-docx declares only some children).
#: Every property element this module adds goes through child() or insert_child(), which
#: place it by this table: no property is appended at the end of a parent by hand (only
#: run content, which is in reading order, is appended).
SCHEMA_ORDER: dict[str, tuple[str, ...]] = {
    "w:styles": ("w:docDefaults", "w:latentStyles", "w:style"),
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
    "w:rPrDefault": ("w:rPr",),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
              "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
              "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
              "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
              "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath", "w:rPrChange"),
    "w:p": ("w:pPr",),  # then the runs, in document order
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
              "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:tr": ("w:tblPrEx", "w:trPr"),  # then the cells
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore",
               "w:wAfter", "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing",
               "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange"),
    "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                "w:tblPrChange"),
    # Office orders left/start and right/end this way (ISO puts start and end first).
    "w:tblBorders": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end",
                     "w:insideH", "w:insideV"),
    "w:tblCellMar": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"),
    "w:tbl": ("w:tblPr", "w:tblGrid"),  # then the rows
    "w:tc": ("w:tcPr",),  # then the paragraphs
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
               "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
               "w:hideMark"),
    # headerReference and footerReference are one choice group, in document order
    "w:sectPr": ("w:headerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
                 "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
                 "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                 "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                 "w:printerSettings", "w:sectPrChange"),
}
_RANKS = {qn(parent): {qn(tag): rank for rank, tag in enumerate(children)}
          for parent, children in SCHEMA_ORDER.items()}
_RANKS[qn("w:sectPr")][qn("w:footerReference")] = 0


def insert_child(parent, element):
    """Insert *element* into *parent* at its place in SCHEMA_ORDER and return it.

    Raises KeyError for a parent or child the table does not know: a new kind of
    edit must first say where its element goes. Works on python-docx and plain lxml
    elements alike."""
    ranks = _RANKS[parent.tag]
    rank = ranks[element.tag]
    later = len(ranks)  # children the table does not list (runs, extensions) come last
    for index, sibling in enumerate(parent):
        if ranks.get(sibling.tag, later) > rank:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def child(parent, tag: str, **attributes: str):
    """The child *tag* ("w:rFonts") of *parent*, inserted at its schema place when absent;
    *attributes* ("val" → w:val) are set on it."""
    name = qn(tag)
    element = parent.find(name)
    if element is None:
        element = insert_child(parent, parent.makeelement(name))
    for attribute, value in attributes.items():
        element.set(qn(f"w:{attribute}"), value)
    return element


def set_run_fonts(rpr, font: str, *, lang: str | None = None, color: str | None = None) -> None:
    """Name *font* for every script (ascii, hAnsi, cs, eastAsia) in an rPr element."""
    fonts = child(rpr, "w:rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)  # theme fonts would override the named font
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    if color:
        child(rpr, "w:color", val=color)
    if lang:
        child(rpr, "w:lang", val=lang)


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
        text = run.makeelement(qn("w:t"))
        text.text = "\xad"
        hyphen.addprevious(text)
        run.remove(hyphen)


def set_document_defaults(document, font: str, size_pt: float, lang: str, color: str) -> None:
    """Font, size, language and colour of the document defaults (w:docDefaults)."""
    styles = document.styles.element
    rpr = child(child(child(styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr")
    set_run_fonts(rpr, font, lang=lang, color=color)
    for tag in ("w:sz", "w:szCs"):
        child(rpr, tag, val=str(round(size_pt * 2)))


def set_style_id(style: ParagraphStyle, style_id: str) -> None:
    style.element.set(qn("w:styleId"), style_id)


def set_style_font(style: ParagraphStyle, font: str, lang: str, color: str) -> None:
    set_run_fonts(style.element.get_or_add_rPr(), font, lang=lang, color=color)


#: The sides of a paragraph border, in the order w:pBdr holds them.
BORDER_SIDES = ("top", "left", "bottom", "right")


def set_borders(style: ParagraphStyle, sides: tuple[str, ...], weight_eighths: int, color: str,
                space_pt: float) -> None:
    """Solid lines along the given *sides* of paragraphs of *style*, *space_pt* from the text."""
    borders = child(style.element.get_or_add_pPr(), "w:pBdr")
    for side in sides:
        child(borders, f"w:{side}", val="single", sz=str(weight_eighths),
              space=str(round(space_pt)), color=color)


def set_contextual_spacing(style: ParagraphStyle) -> None:
    """Ignore spacing between paragraphs of the same style (w:contextualSpacing)."""
    child(style.element.get_or_add_pPr(), "w:contextualSpacing")


def set_horizontal_indents(p, left_twips: int, right_twips: int | None = None) -> None:
    """Direct left and right indents of the w:p element *p*; None leaves the right one to
    the style. Works on plain lxml elements as well as python-docx ones."""
    ind = child(child(p, "w:pPr"), "w:ind", left=str(max(0, int(left_twips))))
    if right_twips is not None:
        ind.set(qn("w:right"), str(max(0, int(right_twips))))


def borderless_fixed_table(table: Table, widths_mm: list[float]) -> None:
    """No borders, fixed layout, zero side margins, and the given column widths."""
    from docx.shared import Mm

    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblBorders", "w:tblStyle"):
        for element in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(element)
    borders = child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        child(borders, f"w:{side}", val="nil")
    child(tbl_pr, "w:tblLayout", type="fixed")
    margins = child(tbl_pr, "w:tblCellMar")
    for side in ("left", "right"):
        child(margins, f"w:{side}", w="0", type="dxa")
    table.autofit = False
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def add_page_number_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the current page number) to *paragraph*."""
    from docx.oxml import OxmlElement

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


# --- tables and sections written into a rendered body (plain lxml elements) -------------


def runs(xml: str) -> list:
    """The w:r elements of *xml* (run_xml output), parsed."""
    from lxml import etree

    wrapper = etree.fromstring(f'<w:root xmlns:w="{_W_NS}">{xml}</w:root>')
    return list(wrapper)


def paragraph(maker, style_id: str, runs_xml: str, *, keep_next: bool = False):
    """A w:p of style *style_id* holding the runs of *runs_xml*; *maker* is any element
    of the document (its makeelement is used)."""
    p = maker.makeelement(qn("w:p"))
    ppr = child(p, "w:pPr")
    child(ppr, "w:pStyle", val=style_id)
    if keep_next:
        child(ppr, "w:keepNext")
    for run in runs(runs_xml):
        p.append(run)
    return p


def grid_table(maker, widths_twips: list[int], rows: list[list[tuple[str, str]]], *,
               header_rows: int, rule_eighths: int):
    """A bordered, fixed-layout w:tbl: *rows* of cells (style id, runs xml), the first
    *header_rows* repeated on each page, no row split across pages."""
    tbl = maker.makeelement(qn("w:tbl"))
    tbl_pr = child(tbl, "w:tblPr")
    child(tbl_pr, "w:tblW", w=str(sum(widths_twips)), type="dxa")
    child(tbl_pr, "w:jc", val="center")
    borders = child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        child(borders, f"w:{side}", val="single", sz=str(rule_eighths), space="0",
              color="000000")
    child(tbl_pr, "w:tblLayout", type="fixed")
    margins = child(tbl_pr, "w:tblCellMar")
    for side in ("left", "right"):
        child(margins, f"w:{side}", w="85", type="dxa")
    grid = child(tbl, "w:tblGrid")
    for width in widths_twips:
        grid.append(grid.makeelement(qn("w:gridCol"), {qn("w:w"): str(width)}))
    for number, cells in enumerate(rows):
        tr = tbl.makeelement(qn("w:tr"))
        tbl.append(tr)
        tr_pr = child(tr, "w:trPr")
        child(tr_pr, "w:cantSplit")
        if number < header_rows:
            child(tr_pr, "w:tblHeader")
        for width, (style_id, runs_xml) in zip(widths_twips, cells):
            tc = tr.makeelement(qn("w:tc"))
            tr.append(tc)
            tc_pr = child(tc, "w:tcPr")
            child(tc_pr, "w:tcW", w=str(width), type="dxa")
            child(tc_pr, "w:vAlign", val="center")
            tc.append(paragraph(tc, style_id, runs_xml))
    return tbl


def replace_element(old, new) -> None:
    """Put *new* where *old* stands in the body, and drop *old*."""
    old.addprevious(new)
    old.getparent().remove(old)


def insert_before(anchor, *elements) -> None:
    """Insert *elements*, in reading order, just before *anchor* (e.g. the body's sectPr)."""
    for element in elements:
        anchor.addprevious(element)


def text_of(p) -> str:
    """The text of the w:p element *p* (its w:t runs joined)."""
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def end_section(body_sect_pr):
    """A w:p closing a section laid out like *body_sect_pr* (the body's last section
    properties): what comes after it starts on a new page with its own layout."""
    import copy

    p = body_sect_pr.makeelement(qn("w:p"))
    insert_child(child(p, "w:pPr"), copy.deepcopy(body_sect_pr))
    return p


def set_section_pages(sect_pr, *, landscape: bool, restart_numbers: bool) -> None:
    """Turn a section's pages (width and height swapped, margins kept on their sides) and
    restart its page numbers at 1, with none on its first page."""
    size = child(sect_pr, "w:pgSz")
    width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    short, long_ = sorted((width, height))
    size.set(qn("w:w"), str(long_ if landscape else short))
    size.set(qn("w:h"), str(short if landscape else long_))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    else:
        size.attrib.pop(qn("w:orient"), None)
    if restart_numbers:
        child(sect_pr, "w:pgNumType", start="1")
        child(sect_pr, "w:titlePg")
