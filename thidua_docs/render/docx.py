"""Render a directive through the Word template into .docx bytes."""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import asdict
from pathlib import Path

from docxtpl import DocxTemplate, RichText

from thidua_docs import layout, ooxml
from thidua_docs.exceptions import TemplateError
from thidua_docs.layout.metrics import text_width_pt
from thidua_docs.render.context import Context, build_context
from thidua_docs.structure import Directive
from thidua_docs.text import Span

TEMPLATE_NAME = "phat_dong.docx"

#: Rule-line styles and the share of the text above them that the line spans.
RULE_FRACTIONS = {
    "ND30IssuerRule": layout.ISSUER_RULE_FRACTION,
    "ND30MottoRule": layout.TIEU_NGU_RULE_FRACTION,
}


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
    _size_rule_lines(document.docx)
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
        rich.add(span.text, bold=span.bold, italic=span.italic)
    return rich


def _jinja_context(context: Context) -> dict:
    values = asdict(context)
    values["preamble"] = [_rich(spans) for spans in context.preamble]
    values["blocks"] = [{"style": p.style, "text": _rich(p.spans)} for p in context.blocks]
    values["closing"] = _rich(context.closing) if context.closing else None
    return values


def _size_rule_lines(document) -> None:
    """Give each rule line the length of the text above it (times its fraction)."""
    for table in document.tables:
        for cell in {id(c): c for row in table.rows for c in row.cells}.values():
            paragraphs = cell.paragraphs
            for position, paragraph in enumerate(paragraphs):
                style_id = paragraph.style.style_id if paragraph.style else None
                if style_id in RULE_FRACTIONS and position > 0:
                    width_pt = _text_block_width(paragraphs[:position]) * RULE_FRACTIONS[style_id]
                    free = ooxml.cell_width_twips(cell) - width_pt * ooxml.TWIPS_PER_PT
                    ooxml.set_horizontal_indents(paragraph, int(free / 2), int(free / 2))


def _text_block_width(paragraphs) -> float:
    """Width in points of the widest line of the same-styled paragraphs just above."""
    style = paragraphs[-1].style
    block = []
    for paragraph in reversed(paragraphs):
        if paragraph.style != style:
            break
        block.append(paragraph)
    size, bold = _style_font(style)
    return max(text_width_pt(p.text, size, bold=bold) for p in block)


def _style_font(style) -> tuple[float, bool]:
    """Size (pt) and boldness a paragraph style gives, following its base styles."""
    size, bold = None, None
    while style is not None and (size is None or bold is None):
        if size is None and style.font.size is not None:
            size = style.font.size.pt
        if bold is None and style.font.bold is not None:
            bold = style.font.bold
        style = style.base_style
    return size or layout.BODY.size_pt, bool(bold)
