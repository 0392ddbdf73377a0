"""Fit lines, boxes and indents to the text they belong to, after templating.

Nghị định 30 sizes some things by their text: the line under the Tiêu ngữ is
as long as the Tiêu ngữ, the one under the issuer 1/3-1/2 of it, the urgency
box hugs its word, and the Kính gửi list starts under the text after the
label. The template holds the styles; this pass measures the rendered text
(Times New Roman metrics) and sets the paragraph indents.
"""

from __future__ import annotations

from thidua_docs import layout, ooxml
from thidua_docs.decree import ADDRESSEE_LABEL
from thidua_docs.layout.metrics import longest_line_pt, text_width_pt
from thidua_docs.ooxml import qn

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
FITTED = set(RULE_FRACTIONS) | set(BOXED_STYLES) | {ADDRESSEE_STYLE}


class StyleFacts:
    """Size, weight and left indent of paragraph styles, following their bases.

    Read once per template: the styles do not change from one document to the next.
    """

    def __init__(self, styles) -> None:
        self._styles = styles
        self._cache: dict[str, tuple[float, bool, int]] = {}

    def __call__(self, style_id: str) -> tuple[float, bool, int]:
        from docx.enum.style import WD_STYLE_TYPE

        if style_id not in self._cache:
            style = self._styles.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH)
            size = _inherited(style, lambda s: s.font.size)
            bold = _inherited(style, lambda s: s.font.bold)
            left = _inherited(style, lambda s: s.paragraph_format.left_indent)
            self._cache[style_id] = (size.pt if size is not None else layout.BODY.size_pt,
                                     bool(bold), left.twips if left is not None else 0)
        return self._cache[style_id]


def facts_table(styles) -> dict[str, tuple[float, bool, int]]:
    """The facts of every paragraph style of a template ("" for the default style)."""
    from docx.enum.style import WD_STYLE_TYPE

    facts = StyleFacts(styles)
    table = {style.style_id: facts(style.style_id) for style in styles
             if style.type == WD_STYLE_TYPE.PARAGRAPH}
    table[""] = facts(None)
    return table


class KnownFacts:
    """StyleFacts read from a facts_table (a template prepared earlier)."""

    def __init__(self, table: dict) -> None:
        self._table = {style_id: tuple(facts) for style_id, facts in table.items()}

    def __call__(self, style_id: str | None) -> tuple[float, bool, int]:
        return self._table.get(style_id or "", self._table[""])


def _inherited(style, read):
    while style is not None:
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


_W_P, _W_T, _W_TC = qn("w:p"), qn("w:t"), qn("w:tc")
#: Run content read as text: a line break is a new line, a non-breaking hyphen a "-".
_TEXT_OF = {qn("w:br"): "\n", qn("w:noBreakHyphen"): "-"}
_W_PSTYLE, _W_VAL = qn("w:pStyle"), qn("w:val")
_W_PPR = qn("w:pPr")


def _fitted_paragraphs(root):
    """The w:p elements whose style is fitted (found through their w:pStyle, fast)."""
    for style in root.iter(_W_PSTYLE):
        if style.get(_W_VAL) in FITTED:
            yield style.getparent().getparent()


def _style_id(p) -> str | None:
    properties = p.find(_W_PPR)
    style = properties.find(_W_PSTYLE) if properties is not None else None
    return style.get(_W_VAL) if style is not None else None


def _text(p) -> str:
    return "".join(node.text or "" if node.tag == _W_T else _TEXT_OF[node.tag]
                   for node in p.iter(_W_T, *_TEXT_OF))


def body_width_twips(document) -> int:
    """The width of the page body between the margins, in twips."""
    from docx.shared import Length

    section = document.sections[0]
    return Length(section.page_width - section.left_margin - section.right_margin).twips


def fit_to_text(root, facts: StyleFacts, body_twips: int) -> None:
    """Set the indents of every fitted paragraph under the w:document *root*."""
    for p in _fitted_paragraphs(root):
        style_id = _style_id(p)
        area = _area_twips(p, body_twips)
        above = _block_above(p)
        if style_id in RULE_FRACTIONS and above:
            size, bold, _ = facts(_style_id(above[0]))
            widest = max(longest_line_pt(_text(q), size, area / ooxml.TWIPS_PER_PT, bold=bold)
                         for q in above)
            _centre(p, widest * RULE_FRACTIONS[style_id], area)
        elif style_id in BOXED_STYLES:
            size, bold, _ = facts(style_id)
            _centre(p, text_width_pt(_text(p), size, bold=bold) + layout.FIT_SLACK_PT, area)
        elif style_id == ADDRESSEE_STYLE and above and _style_id(above[0]) == style_id:
            size, bold, left = facts(style_id)
            label = text_width_pt(f"{ADDRESSEE_LABEL} ", size, bold=bold)
            ooxml.set_horizontal_indents(p, round(left + label * ooxml.TWIPS_PER_PT))


def _area_twips(p, body_twips: int) -> int:
    parent = p.getparent()
    if parent.tag == _W_TC:
        return int(parent.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
    return body_twips


def _block_above(p) -> list:
    """The paragraphs right above *p* that share the style of the nearest one."""
    block, style = [], None
    sibling = p.getprevious()
    while sibling is not None and sibling.tag == _W_P:
        if block and _style_id(sibling) != style:
            break
        style = _style_id(sibling)
        block.append(sibling)
        sibling = sibling.getprevious()
    return block


def _centre(p, width_pt: float, area_twips: int) -> None:
    """Narrow *p* to *width_pt*, centred in its text area."""
    free = area_twips - width_pt * ooxml.TWIPS_PER_PT
    ooxml.set_horizontal_indents(p, int(free / 2), int(free / 2))
