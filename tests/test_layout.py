"""Every element of the rendered .docx is formatted as Nghị định 30 requires.

Formatting is read back from the generated file and resolved the way Word
does (run → character style → paragraph style chain → document defaults).
"""

from __future__ import annotations

import pytest
from docx.shared import Mm
from docx.table import Table

from conftest import EXAMPLES
from helpers import Rendered
from thidua_docs import decree, layout
from thidua_docs.layout.metrics import longest_line_pt, text_width_pt
from thidua_docs.render.context import build_context

NAMES = [path.stem for path in EXAMPLES]
BODY_STYLES = {"ND30Body", "ND30Heading1", "ND30Heading2", "ND30Item", "ND30Point",
               "ND30Bullet", "ND30Closing"}


@pytest.fixture(scope="module", params=NAMES)
def doc(request, rendered):
    return Rendered(rendered[request.param], next(p for p in EXAMPLES if p.stem == request.param))


def test_page_is_a4_portrait_with_decree_margins(doc):
    for number, section in enumerate(doc.document.sections):
        # landscape only for an appendix holding a table (Phụ lục I: tables)
        turned = number > 0 and any(isinstance(block, Table)
                                    for block in section.iter_inner_content())
        width, height = (section.page_height, section.page_width) if turned else \
            (section.page_width, section.page_height)
        assert abs(width - Mm(decree.PAGE_MM[0])) < Mm(0.5)
        assert abs(height - Mm(decree.PAGE_MM[1])) < Mm(0.5)
        for side, (low, high) in decree.MARGINS_MM.items():
            margin_mm = getattr(section, f"{side}_margin").mm
            assert low - 0.1 <= margin_mm <= high + 0.1, f"{side} margin {margin_mm} mm"


def test_times_new_roman_black_everywhere_but_the_urgency_mark(doc):
    section = doc.document.sections[0]
    paragraphs = doc.paragraphs + section.header.paragraphs + section.first_page_header.paragraphs
    urgency = build_context(doc.directive).urgency
    checked = 0
    for paragraph in paragraphs:
        for run in doc.runs(paragraph):
            assert run.font == decree.FONT, f"{paragraph.text[:40]!r} is set in {run.font}"
            if urgency and paragraph.text == urgency:
                assert run.color == layout.URGENCY_COLOR  # "bright red", Nghị định 30 ô 10b
            else:
                assert run.color in (None, "000000", "auto"), paragraph.text[:40]
            checked += 1
    assert checked > 20


def test_header_block(doc):
    national = next(p for p in doc.paragraphs if p.text in decree.NATIONAL_NAMES)
    doc.assert_element(national, "national_name")
    motto = doc.find(decree.MOTTO)
    doc.assert_element(motto, "motto")
    for line in doc.directive.issuer.name:
        doc.assert_element(doc.find(line.upper()), "issuer")
    for line in doc.directive.issuer.parent or []:
        doc.assert_element(doc.find(line.upper()), "parent_body")

    number = next(p for p in doc.paragraphs if p.text.startswith("Số:"))
    assert decree.patterns.NUMBER_LINE.match(number.text), number.text
    assert number.text.endswith("/" + doc.directive.symbol)
    doc.assert_element(number, "number")

    place_date = next(p for p in doc.paragraphs
                      if p.text.startswith(doc.directive.document.place + ", ngày"))
    doc.assert_element(place_date, "place_date")
    if doc.directive.document.date:
        assert decree.patterns.DATE.search(place_date.text)


def test_summary_and_urgency_under_the_number(doc):
    document = doc.directive.document
    number = next(p for p in doc.paragraphs if p.text.startswith("Số:"))
    cell = [p for p in doc.paragraphs if p._p.getparent() is number._p.getparent()]
    summary = build_context(doc.directive).summary
    urgency = document.urgency.upper() if document.urgency else None
    printed = [p.text.replace("\n", " ") for p in cell]  # the V/v line may be broken (w:br)
    assert printed == [number.text] + [t for t in (summary, urgency) if t]
    for paragraph in cell[1:]:
        assert doc.resolver.paragraph(paragraph).alignment == "center"
    if summary:  # Nghị định 30 ô 5b: 12-13 pt regular, 6 pt under the number
        doc.assert_element(cell[1], "summary")
        assert doc.resolver.paragraph(cell[1]).space_before_pt >= 6
    if urgency:
        doc.assert_element(cell[-1], "urgency")
        doc.assert_hugging_box(cell[-1], layout.URGENCY_COLOR)


def test_solid_line_of_text_length_under_motto(doc):
    motto = doc.find(decree.MOTTO)
    rule = doc.rule_under(motto)
    assert doc.text_area_cm(rule) == pytest.approx(doc.line_width_cm(motto), rel=0.05)
    doc.assert_centred(rule)


def test_short_line_under_issuer(doc):
    last_line = doc.find(doc.directive.issuer.name[-1].upper())
    rule = doc.rule_under(last_line)
    widest = max(doc.line_width_cm(doc.find(line.upper())) for line in doc.directive.issuer.name)
    low, high = decree.ISSUER_RULE_FRACTION
    assert low * widest <= doc.text_area_cm(rule) <= high * widest
    doc.assert_centred(rule)


def test_title_block(doc):
    title = doc.with_style("ND30Title")
    assert len(title) == 1
    doc.assert_element(title[0], "title")
    assert doc.resolver.paragraph(title[0]).alignment == "center"
    subtitles = doc.with_style("ND30Subtitle", "ND30Subject")
    # each broken where a person would break it (w:br): the same words
    assert [p.text.replace("\n", " ") for p in subtitles] == \
        build_context(doc.directive).subtitle_lines
    for paragraph in subtitles:
        doc.assert_element(paragraph, "subtitle")
        assert doc.resolver.paragraph(paragraph).alignment == "center"
    kind = doc.directive.document.kind
    if doc.directive.document.kind_code is None:  # a công văn: no line under its title
        assert title[0].text != kind.upper()
        following = subtitles[-1]._p.getnext()
        assert not doc.resolver.paragraph(following).has_top_border
        return
    # A typed kind: its name, the trích yếu, then a line 1/3-1/2 of the trích yếu's
    # longest printed line (Nghị định 30 Phụ lục I II.5a).
    assert title[0].text == kind.upper()
    rule = doc.rule_under(subtitles[-1])
    area_pt = doc.area_width_cm(rule) / 2.54 * 72
    widest = max(longest_line_pt(p.text, run.size_pt, area_pt, bold=run.bold) / 72 * 2.54
                 for p in subtitles for run in doc.runs(p)[:1])
    low, high = decree.SUBJECT_RULE_FRACTION
    assert low * widest <= doc.text_area_cm(rule) <= high * widest
    doc.assert_centred(rule)


def test_addressees_between_title_block_and_preamble(doc):
    names = doc.directive.addressees
    starts = [p for p in doc.paragraphs if p.text.startswith("Kính gửi")]
    if not names:
        assert not starts
        return
    if len(names) == 1:  # Nghị định 30: one addressee on the same line
        expected = [f"Kính gửi: {names[0]}."]
    else:  # several: one "- " line each, ";" and the last "."
        expected = ["Kính gửi:"] + [f"- {name};" for name in names[:-1]] + [f"- {names[-1]}."]
    first = doc.paragraphs.index(starts[0])
    lines = doc.paragraphs[first:first + len(expected)]
    assert [p.text for p in lines] == expected
    for paragraph in lines:
        doc.assert_element(paragraph, "addressee")
    # The dashes stand under the text that follows "Kính gửi: ".
    label = doc.resolver.paragraph(lines[0])
    run = doc.runs(lines[0])[0]
    label_cm = text_width_pt("Kính gửi: ", run.size_pt, bold=run.bold) / 72 * 2.54
    for paragraph in lines[1:]:
        fmt = doc.resolver.paragraph(paragraph)
        assert fmt.left_cm == pytest.approx(label.left_cm + label_cm, abs=0.01)
        assert fmt.first_line_cm == label.first_line_cm == 0
    # Under the title block (ô 9a), before the preamble.
    before = doc.paragraphs[first - 1]
    assert doc.resolver.paragraph(before).style_id in ("ND30Subtitle", "ND30SubjectRule")
    after = doc.paragraphs[first + len(expected)]
    preamble = build_context(doc.directive).preamble
    assert preamble and after.text == "".join(span.text for span in preamble[0])


def test_body_paragraphs(doc):
    body = [p for p in doc.paragraphs
            if doc.resolver.paragraph(p).style_id in BODY_STYLES and p.text.strip()]
    assert len(body) > 5
    sizes = set()
    for paragraph in body:
        fmt = doc.resolver.paragraph(paragraph)
        assert fmt.alignment == "justify", paragraph.text[:40]
        low, high = decree.BODY_FIRST_LINE_CM
        assert low - 0.01 <= fmt.first_line_cm <= high + 0.01
        assert fmt.space_before_pt + fmt.space_after_pt >= decree.BODY_MIN_SPACING_PT
        assert decree.BODY_LINE_SPACING[0] <= fmt.line_spacing <= decree.BODY_LINE_SPACING[1]
        sizes |= {run.size_pt for run in doc.runs(paragraph)}
        # Inline emphasis (*italic*, an inline section title) is direct formatting;
        # the paragraph's own style must be regular body text, or bold for headings.
        style_level = doc.resolver.run(paragraph, None)
        assert style_level.bold == fmt.style_id.startswith("ND30Heading"), paragraph.text[:40]
    assert len(sizes) == 1, f"one body size, found {sizes}"
    low, high = decree.ELEMENTS["body"].size_pt
    assert low <= sizes.pop() <= high


def test_signature_and_recipients(doc):
    signature = doc.directive.signature
    for line in signature.lines():
        doc.assert_element(doc.find(line), "signer_title")
    name = doc.find(signature.name)
    doc.assert_element(name, "signer_name")
    assert name.text != name.text.upper()
    assert signature.lines()[0].split()[0] in decree.AUTHORITY_PREFIXES

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
