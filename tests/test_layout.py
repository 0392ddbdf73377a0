"""Every element of the rendered .docx is formatted as Nghị định 30 requires.

Formatting is read back from the generated file and resolved the way Word
does (run → character style → paragraph style chain → document defaults).
"""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import EXAMPLES, document_paragraphs, open_docx
from thidua_docs import nd30
from thidua_docs.effective import FormatResolver
from thidua_docs.layout.metrics import text_width_pt
from thidua_docs.loader import load_directive
from thidua_docs.render.context import build_context

NAMES = [path.stem for path in EXAMPLES]
BODY_STYLES = {"ND30Body", "ND30Heading1", "ND30Heading2", "ND30Item", "ND30Point",
               "ND30Bullet", "ND30Closing"}


class Rendered:
    """A rendered example, its model, and a resolver for its formatting."""

    def __init__(self, path, source):
        self.document = open_docx(path)
        self.directive = load_directive(source)
        self.resolver = FormatResolver(self.document)
        self.paragraphs = document_paragraphs(self.document)

    def find(self, text: str):
        matches = [p for p in self.paragraphs if p.text.strip() == text]
        assert matches, f"no paragraph reads {text!r}"
        return matches[0]

    def with_style(self, style_id: str):
        return [p for p in self.paragraphs if self.resolver.paragraph(p).style_id == style_id]

    def runs(self, paragraph):
        return [self.resolver.run(paragraph, run) for run in paragraph.runs if run.text.strip()]

    def assert_element(self, paragraph, element: str):
        rule = nd30.ELEMENTS[element]
        runs = self.runs(paragraph)
        assert runs, f"{paragraph.text!r} has no text"
        for run in runs:
            low, high = rule.size_pt
            assert low <= run.size_pt <= high, f"{element} {paragraph.text!r}: {run.size_pt} pt"
            if rule.bold is not None:
                assert run.bold == rule.bold, f"{element} {paragraph.text!r}: bold={run.bold}"
            if rule.italic is not None:
                assert run.italic == rule.italic, f"{element} {paragraph.text!r}"
        if rule.upper:
            assert paragraph.text == paragraph.text.upper(), f"{element} not in capitals"


@pytest.fixture(scope="module", params=NAMES)
def doc(request, rendered):
    return Rendered(rendered[request.param], next(p for p in EXAMPLES if p.stem == request.param))


def test_page_is_a4_portrait_with_decree_margins(doc):
    for section in doc.document.sections:
        assert abs(section.page_width - Mm(nd30.PAGE_MM[0])) < Mm(0.5)
        assert abs(section.page_height - Mm(nd30.PAGE_MM[1])) < Mm(0.5)
        assert section.page_height > section.page_width
        for side, (low, high) in nd30.MARGINS_MM.items():
            margin_mm = getattr(section, f"{side}_margin").mm
            assert low - 0.1 <= margin_mm <= high + 0.1, f"{side} margin {margin_mm} mm"


def test_times_new_roman_black_everywhere(doc):
    section = doc.document.sections[0]
    paragraphs = doc.paragraphs + section.header.paragraphs + section.first_page_header.paragraphs
    checked = 0
    for paragraph in paragraphs:
        for run in doc.runs(paragraph):
            assert run.font == nd30.FONT, f"{paragraph.text[:40]!r} is set in {run.font}"
            assert run.color in (None, "000000", "auto")
            checked += 1
    assert checked > 50


def test_header_block(doc):
    national = next(p for p in doc.paragraphs if p.text in nd30.NATIONAL_NAMES)
    doc.assert_element(national, "national_name")
    motto = doc.find(nd30.MOTTO)
    doc.assert_element(motto, "motto")
    for line in doc.directive.issuer.name:
        doc.assert_element(doc.find(line.upper()), "issuer")
    for line in doc.directive.issuer.parent or []:
        doc.assert_element(doc.find(line.upper()), "parent_body")

    number = next(p for p in doc.paragraphs if p.text.startswith("Số:"))
    assert nd30.NUMBER_LINE.match(number.text), number.text
    assert number.text.endswith("/" + doc.directive.symbol)
    doc.assert_element(number, "number")

    place_date = next(p for p in doc.paragraphs
                      if p.text.startswith(doc.directive.document.place + ", ngày"))
    doc.assert_element(place_date, "place_date")
    if doc.directive.document.date:
        assert nd30.DATE.search(place_date.text)


def _rule_under(doc, paragraph):
    following = paragraph._p.getnext()
    assert following is not None and following.tag == qn("w:p")
    fmt = doc.resolver.paragraph(following)
    assert fmt.has_top_border, f"no line under {paragraph.text!r}"
    assert following.xpath("string(.)") == ""
    return fmt


def _cell_width_cm(paragraph) -> float:
    tc = paragraph._p.getparent()
    return int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) / 1440 * 2.54


def _line_width_cm(doc, paragraph) -> float:
    run = doc.runs(paragraph)[0]
    return text_width_pt(paragraph.text, run.size_pt, bold=run.bold) / 72 * 2.54


def test_solid_line_of_text_length_under_motto(doc):
    motto = doc.find(nd30.MOTTO)
    rule = _rule_under(doc, motto)
    rule_cm = _cell_width_cm(motto) - rule.left_cm - rule.right_cm
    assert rule_cm == pytest.approx(_line_width_cm(doc, motto), rel=0.05)
    assert rule.left_cm == pytest.approx(rule.right_cm, abs=0.01)  # centred


def test_short_line_under_issuer(doc):
    last_line = doc.find(doc.directive.issuer.name[-1].upper())
    rule = _rule_under(doc, last_line)
    widest = max(_line_width_cm(doc, doc.find(line.upper())) for line in doc.directive.issuer.name)
    rule_cm = _cell_width_cm(last_line) - rule.left_cm - rule.right_cm
    low, high = nd30.ISSUER_RULE_FRACTION
    assert low * widest <= rule_cm <= high * widest
    assert rule.left_cm == pytest.approx(rule.right_cm, abs=0.01)


def test_title_block(doc):
    title = doc.with_style("ND30Title")
    assert len(title) == 1
    doc.assert_element(title[0], "title")
    assert doc.resolver.paragraph(title[0]).alignment == "center"
    subtitles = doc.with_style("ND30Subtitle")
    assert [p.text for p in subtitles] == build_context(doc.directive).subtitle_lines
    for paragraph in subtitles:
        doc.assert_element(paragraph, "subtitle")
        assert doc.resolver.paragraph(paragraph).alignment == "center"


def test_body_paragraphs(doc):
    body = [p for p in doc.paragraphs
            if doc.resolver.paragraph(p).style_id in BODY_STYLES and p.text.strip()]
    assert len(body) > 20
    sizes = set()
    for paragraph in body:
        fmt = doc.resolver.paragraph(paragraph)
        assert fmt.alignment == "justify", paragraph.text[:40]
        low, high = nd30.BODY_FIRST_LINE_CM
        assert low - 0.01 <= fmt.first_line_cm <= high + 0.01
        assert fmt.space_before_pt + fmt.space_after_pt >= nd30.BODY_MIN_SPACING_PT
        assert nd30.BODY_LINE_SPACING[0] <= fmt.line_spacing <= nd30.BODY_LINE_SPACING[1]
        sizes |= {run.size_pt for run in doc.runs(paragraph)}
        # Inline emphasis (*italic*, an inline section title) is direct formatting;
        # the paragraph's own style must be regular body text, or bold for headings.
        style_level = doc.resolver.run(paragraph, None)
        assert style_level.bold == fmt.style_id.startswith("ND30Heading"), paragraph.text[:40]
    assert len(sizes) == 1, f"one body size, found {sizes}"
    low, high = nd30.ELEMENTS["body"].size_pt
    assert low <= sizes.pop() <= high


def test_signature_and_recipients(doc):
    signature = doc.directive.signature
    for line in signature.lines():
        doc.assert_element(doc.find(line), "signer_title")
    name = doc.find(signature.name)
    doc.assert_element(name, "signer_name")
    assert name.text != name.text.upper()
    assert signature.lines()[0].split()[0] in nd30.AUTHORITY_PREFIXES

    label = doc.find("Nơi nhận:")
    doc.assert_element(label, "recipients_label")
    lines = doc.with_style("ND30Recipient")
    assert len(lines) == len(doc.directive.recipients) + 1
    for line in lines:
        doc.assert_element(line, "recipient")
        assert line.text.startswith("- ")
    assert all(line.text.endswith(";") for line in lines[:-1])
    assert lines[-1].text.startswith("- Lưu: VT") and lines[-1].text.endswith(".")
    # Nơi nhận sits in the left column, the signature in the right one, on one row.
    assert label._p.getparent().getnext() is doc.find(signature.lines()[0])._p.getparent()


def test_page_number_top_centre_from_page_two(doc):
    section = doc.document.sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert "PAGE" not in first._element.xml and not "".join(p.text for p in first.paragraphs)
    header = section.header
    instructions = header._element.xpath(".//w:instrText/text()")
    assert any(i.strip().split()[0] == "PAGE" for i in instructions)
    number = header.paragraphs[0]
    assert doc.resolver.paragraph(number).alignment == "center"
    doc.assert_element(number, "page_number")
    assert not "".join(p.text for p in section.footer.paragraphs).strip()
