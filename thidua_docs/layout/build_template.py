"""Build thidua_docs/templates/phat_dong.docx from the house layout.

    python -m thidua_docs.layout.build_template [OUT.docx]

The template holds all formatting in named styles ("ND30 ..."); its text is
only Jinja tags for docxtpl. Rebuild it whenever thidua_docs.layout changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from thidua_docs import decree, layout, ooxml
from thidua_docs.layout import STYLE_BY_ID, STYLES, Border, StyleSpec

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "templates" / "phat_dong.docx"

ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
#: Body styles chosen by the ``style`` of each rendered block.
BLOCK_STYLES = {
    "heading1": "ND30Heading1",
    "heading2": "ND30Heading2",
    "item": "ND30Item",
    "point": "ND30Point",
    "bullet": "ND30Bullet",
}


def _add_style(document, spec: StyleSpec) -> None:
    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    ooxml.set_style_id(style, spec.style_id)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name = layout.FONT
    font.size = Pt(spec.size_pt)
    font.bold = spec.bold
    font.italic = spec.italic
    ooxml.set_style_font(style, layout.FONT, layout.LANGUAGE, spec.color)
    fmt = style.paragraph_format
    fmt.alignment = ALIGNMENTS[spec.align.value]
    fmt.first_line_indent = Cm(spec.first_line_cm)
    fmt.left_indent = Cm(spec.left_cm)
    fmt.right_indent = Cm(0)
    fmt.space_before = Pt(spec.space_before_pt)
    fmt.space_after = Pt(spec.space_after_pt)
    fmt.line_spacing = spec.line_spacing
    fmt.keep_with_next = spec.keep_with_next
    fmt.widow_control = True
    if spec.border is not Border.NONE:
        sides = ("top",) if spec.border is Border.TOP else ooxml.BORDER_SIDES
        ooxml.set_borders(style, sides, layout.RULE_WEIGHT_EIGHTHS, spec.color,
                          spec.border_space_pt)
    if spec.contextual_spacing:
        ooxml.set_contextual_spacing(style)


def _para(container, text: str, style_id: str):
    """Add a paragraph; a table cell's first paragraph is reused, not left empty."""
    paragraphs = getattr(container, "paragraphs", [])
    is_fresh_cell = hasattr(container, "_tc") and len(paragraphs) == 1 and \
        not paragraphs[0].text and paragraphs[0].style.name == "Normal"
    paragraph = paragraphs[0] if is_fresh_cell else container.add_paragraph()
    paragraph.text = text
    paragraph.style = container.part.document.styles[STYLE_BY_ID[style_id].name]
    return paragraph


def _tag(container, tag: str) -> None:
    """A paragraph holding only a ``{%p ... %}`` tag (docxtpl removes it)."""
    _para(container, f"{{%p {tag} %}}", "ND30Body")


def _loop(container, items: str, style_id: str, text: str = "{{ line }}") -> None:
    _tag(container, f"for line in {items}")
    _para(container, text, style_id)
    _tag(container, "endfor")


def _optional(container, name: str, style_id: str, text: str | None = None) -> None:
    """A paragraph printing *name* (or *text*), present only when *name* is set."""
    _tag(container, f"if {name}")
    _para(container, text or f"{{{{ {name} }}}}", style_id)
    _tag(container, "endif")


def _page_setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(layout.PAGE_WIDTH_MM)
    section.page_height = Mm(layout.PAGE_HEIGHT_MM)
    section.top_margin = Mm(layout.MARGIN_TOP_MM)
    section.bottom_margin = Mm(layout.MARGIN_BOTTOM_MM)
    section.left_margin = Mm(layout.MARGIN_LEFT_MM)
    section.right_margin = Mm(layout.MARGIN_RIGHT_MM)
    section.header_distance = Mm(layout.HEADER_DISTANCE_MM)
    section.footer_distance = Mm(layout.HEADER_DISTANCE_MM)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.style = document.styles[STYLE_BY_ID["ND30PageNumber"].name]
    ooxml.add_page_number_field(number)
    section.first_page_header.paragraphs[0].style = number.style


def _text_width_mm() -> float:
    return layout.PAGE_WIDTH_MM - layout.MARGIN_LEFT_MM - layout.MARGIN_RIGHT_MM


def _two_columns(document, rows: int, left_mm: float):
    """A borderless table whose right column takes the rest of the text width."""
    table = document.add_table(rows=rows, cols=2)
    ooxml.borderless_fixed_table(table, [left_mm, _text_width_mm() - left_mm])
    return table


def _header_block(document) -> None:
    table = _two_columns(document, 2, layout.HEADER_LEFT_COLUMN_MM)
    issuer, national = table.cell(0, 0), table.cell(0, 1)
    _loop(issuer, "parent_lines", "ND30ParentBody")
    _loop(issuer, "issuer_lines", "ND30Issuer")
    _para(issuer, "", "ND30IssuerRule")
    _para(national, decree.NATIONAL_NAME, "ND30NationalName")
    _para(national, decree.MOTTO, "ND30Motto")
    _para(national, "", "ND30MottoRule")
    number = table.cell(1, 0)
    _para(number, f"{decree.NUMBER_LABEL} {{{{ number }}}}/{{{{ symbol }}}}", "ND30Number")
    _optional(number, "summary", "ND30Summary")
    _optional(number, "urgency", "ND30Urgency")
    _para(table.cell(1, 1), "{{ place_date }}", "ND30PlaceDate")


def _title_block(document) -> None:
    _optional(document, "title", "ND30Title")  # a công văn may have none
    _tag(document, "if subject_rule")  # a typed kind: trích yếu with a short line under it
    _loop(document, "subtitle_lines", "ND30Subject")
    _para(document, "", "ND30SubjectRule")
    _tag(document, "else")
    _loop(document, "subtitle_lines", "ND30Subtitle")
    _tag(document, "endif")
    _loop(document, "addressee_lines", "ND30Addressee")
    _loop(document, "basis", "ND30Basis", "{{r line }}")
    _loop(document, "preamble", "ND30Body", "{{r line }}")


def _body(document) -> None:
    _tag(document, "for block in blocks")
    for position, (name, style_id) in enumerate(BLOCK_STYLES.items()):
        _tag(document, f"{'if' if position == 0 else 'elif'} block.style == '{name}'")
        _para(document, "{{r block.text }}", style_id)
    _tag(document, "else")
    _para(document, "{{r block.text }}", "ND30Body")
    _tag(document, "endif")
    _tag(document, "endfor")
    _optional(document, "closing", "ND30Closing", "{{r closing }}")


def _signature_block(document) -> None:
    table = _two_columns(document, 1, layout.SIGNATURE_LEFT_COLUMN_MM)
    recipients, signer = table.cell(0, 0), table.cell(0, 1)
    _para(recipients, decree.RECIPIENTS_LABEL, "ND30RecipientsLabel")
    _loop(recipients, "recipients", "ND30Recipient")
    _loop(signer, "signer_lines", "ND30SignerTitle")
    _para(signer, "{{ signer_name }}", "ND30SignerName")


def build(out: Path = DEFAULT_OUT) -> Path:
    """Write the template to *out* and return its path."""
    document = Document()
    ooxml.set_document_defaults(document, layout.FONT, layout.BODY.size_pt, layout.LANGUAGE,
                                layout.COLOR)
    normal = document.styles["Normal"]
    normal.font.name = layout.FONT
    normal.font.size = Pt(layout.BODY.size_pt)
    ooxml.set_style_font(normal, layout.FONT, layout.LANGUAGE, layout.COLOR)
    for spec in STYLES:
        _add_style(document, spec)
    _page_setup(document)
    _header_block(document)
    _title_block(document)
    _body(document)
    _signature_block(document)
    document.core_properties.title = "Phát động phong trào thi đua"
    document.core_properties.author = "thidua-docs"
    ooxml.slim_package(document, {spec.style_id for spec in STYLES} | {"Normal"})
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(out)
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT))
