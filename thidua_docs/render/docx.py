"""Render a directive through the Word template into .docx bytes."""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import asdict
from pathlib import Path

from docx.shared import Length
from docxtpl import DocxTemplate, RichText

from thidua_docs import layout, ooxml
from thidua_docs.exceptions import TemplateError
from thidua_docs.layout.metrics import longest_line_pt, text_width_pt
from thidua_docs.render.context import ADDRESSEE_LABEL, Context, build_context
from thidua_docs.structure import Directive
from thidua_docs.text import Span

TEMPLATE_NAME = "phat_dong.docx"

#: Rule-line styles and the share of the text above them that the line spans.
RULE_FRACTIONS = {
    "ND30IssuerRule": layout.ISSUER_RULE_FRACTION,
    "ND30MottoRule": layout.TIEU_NGU_RULE_FRACTION,
    "ND30SubjectRule": layout.SUBJECT_RULE_FRACTION,
}
#: Styles boxed on four sides: the paragraph is narrowed so the box hugs its text.
BOXED_STYLES = ("ND30Urgency",)
#: The Kính gửi lines: a list under the label starts where the text after it does.
ADDRESSEE_STYLE = "ND30Addressee"


def default_template() -> Path:
    """The bundled template: the repository's templates/ or the installed copy."""
    candidates = [
        Path(__file__).resolve().parents[2] / "templates" / TEMPLATE_NAME,
        Path(sys.prefix) / "share" / "thidua-docs" / "templates" / TEMPLATE_NAME,
    ]
    return next((path for path in candidates if path.is_file()), candidates[0])


def render_docx(directive: Directive, template: Path | None = None) -> bytes:
    """The finished .docx of *directive* as bytes."""
    document = _load_template(template or default_template())
    document.render(_jinja_context(build_context(directive)), autoescape=True)
    _fit_to_text(document.docx)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _load_template(path: Path) -> DocxTemplate:
    if not path.is_file():
        raise TemplateError("template_missing", path=str(path))
    try:
        template = DocxTemplate(path)
        template.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError("template_invalid", path=str(path), reason=str(exc)) from None
    return template


def _rich(spans: list[Span]) -> RichText:
    rich = RichText()
    for span in spans:
        rich.add(span.text, bold=span.bold, italic=span.italic,
                 highlight=layout.DRAFT_SHADING if span.highlight else None)
    return rich


def _jinja_context(context: Context) -> dict:
    values = asdict(context)
    values["preamble"] = [_rich(spans) for spans in context.preamble]
    values["blocks"] = [{"style": p.style, "text": _rich(p.spans)} for p in context.blocks]
    values["closing"] = _rich(context.closing) if context.closing else None
    return values


def _fit_to_text(document) -> None:
    """Size rule lines and boxes to their text, align the Kính gửi list.

    Every text area is visited: the page body and each table cell.
    """
    for paragraphs, area_twips in _text_areas(document):
        for position, paragraph in enumerate(paragraphs):
            style_id, above = _style_id(paragraph), paragraphs[:position]
            if style_id in RULE_FRACTIONS and above:
                width_pt = _text_block_width(above, area_twips) * RULE_FRACTIONS[style_id]
                _centre(paragraph, width_pt, area_twips)
            elif style_id in BOXED_STYLES:
                size, bold = _style_font(paragraph.style)
                width_pt = text_width_pt(paragraph.text, size, bold=bold) + layout.FIT_SLACK_PT
                _centre(paragraph, width_pt, area_twips)
            elif style_id == ADDRESSEE_STYLE and above and _style_id(above[-1]) == style_id:
                _indent_under_label(paragraph)


def _text_areas(document):
    """(paragraphs, width in twips) of the page body and of each table cell."""
    section = document.sections[0]
    body = Length(section.page_width - section.left_margin - section.right_margin)
    yield document.paragraphs, body.twips
    for table in document.tables:
        for cell in {id(c._tc): c for row in table.rows for c in row.cells}.values():
            yield cell.paragraphs, ooxml.cell_width_twips(cell)


def _style_id(paragraph) -> str | None:
    return paragraph.style.style_id if paragraph.style else None


def _centre(paragraph, width_pt: float, area_twips: int) -> None:
    """Narrow *paragraph* to *width_pt*, centred in its text area."""
    free = area_twips - width_pt * ooxml.TWIPS_PER_PT
    ooxml.set_horizontal_indents(paragraph, int(free / 2), int(free / 2))


def _indent_under_label(paragraph) -> None:
    """Start *paragraph* under the text that follows "Kính gửi: " on the line above."""
    style = paragraph.style
    size, bold = _style_font(style)
    label_pt = text_width_pt(f"{ADDRESSEE_LABEL} ", size, bold=bold)
    left = _style_value(style, lambda s: s.paragraph_format.left_indent) or Length(0)
    ooxml.set_horizontal_indents(paragraph, round(left.twips + label_pt * ooxml.TWIPS_PER_PT))


def _text_block_width(paragraphs, area_twips: int) -> float:
    """Width in points of the widest line of the same-styled paragraphs just above,
    each wrapped as it is printed in a text area *area_twips* wide."""
    style = paragraphs[-1].style
    block = []
    for paragraph in reversed(paragraphs):
        if paragraph.style != style:
            break
        block.append(paragraph)
    size, bold = _style_font(style)
    area_pt = area_twips / ooxml.TWIPS_PER_PT
    return max(longest_line_pt(p.text, size, area_pt, bold=bold) for p in block)


def _style_value(style, read):
    """The first value *read* finds on *style* or, failing that, on its base styles."""
    while style is not None:
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _style_font(style) -> tuple[float, bool]:
    """Size (pt) and boldness a paragraph style gives, following its base styles."""
    size = _style_value(style, lambda s: s.font.size)
    bold = _style_value(style, lambda s: s.font.bold)
    return (size.pt if size is not None else layout.BODY.size_pt), bool(bold)
