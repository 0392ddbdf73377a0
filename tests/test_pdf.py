"""LibreOffice converts the rendered documents; the PDF reads as it should."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, pdf_pages, pdf_text
from helpers import Rendered
from thidua_docs import decree
from thidua_docs.layout.metrics import text_width_pt
from thidua_docs.loader import load_directive
from thidua_docs.render.context import build_context

NAMES = [path.stem for path in EXAMPLES]
#: Examples of a typed kind (Kế hoạch, Chỉ thị...): a line under their trích yếu.
TYPED = [path.stem for path in EXAMPLES if load_directive(path).document.kind_code]


@pytest.mark.pdf
@pytest.mark.parametrize("name", NAMES)
def test_pdf_conversion(name, pdfs):
    pdf = pdfs[name]
    assert pdf.exists() and pdf.stat().st_size > 10_000
    directive = load_directive(next(p for p in EXAMPLES if p.stem == name))
    pages = pdf_pages(pdf)
    assert 2 <= pages <= 8, f"{pages} pages"

    context = build_context(directive)
    text = " ".join(pdf_text(pdf).split())
    assert decree.NATIONAL_NAMES[0] in text
    assert decree.MOTTO in text
    for line in [context.title, *context.subtitle_lines, *context.addressee_lines]:
        assert line in text
    assert directive.signature.name in text
    assert "Nơi nhận:" in text

    # Page 1 opens with the parent body or the issuer; the urgency mark and the V/v
    # line stand there too, the mark on one line inside its box.
    page_one = pdf_text(pdf, 1)
    first_line = page_one.strip().splitlines()[0].strip()
    assert first_line.startswith((directive.issuer.parent or directive.issuer.name)[0].upper())
    if context.urgency:
        assert any(line.strip() == context.urgency for line in page_one.splitlines())
    if context.summary:
        assert context.summary in " ".join(page_one.split())

    # No page number on page 1; "2" centred at the top of page 2.
    second_page = pdf_text(pdf, 2).strip().splitlines()
    assert second_page[0].strip() == "2"


def _printed_lines(page: str, text: str) -> list[str]:
    """The lines *text* occupies on a pdftotext -layout page, as LibreOffice broke it."""
    lines = [line.strip() for line in page.splitlines()]
    words = text.split()
    for start, line in enumerate(lines):
        taken, count = [], 0
        for following in lines[start:]:
            taken.append(following)
            count += len(following.split())
            if count >= len(words):
                break
        if " ".join(taken).split() == words:
            return taken
    raise AssertionError(f"{text!r} is not printed on the page")


@pytest.mark.pdf
@pytest.mark.parametrize("name", TYPED)
def test_line_under_a_typed_kinds_trich_yeu_fits_the_printed_lines(name, pdfs, rendered):
    """Measure the trích yếu as LibreOffice wrapped it: the line is 1/3-1/2 of the longest."""
    doc = Rendered(rendered[name], next(p for p in EXAMPLES if p.stem == name))
    page = pdf_text(pdfs[name], 1)
    subjects = doc.with_style("ND30Subject")
    run = doc.runs(subjects[0])[0]
    printed = [line for paragraph in subjects for line in _printed_lines(page, paragraph.text)]
    widest_cm = max(text_width_pt(line, run.size_pt, bold=run.bold) for line in printed) / 72 * 2.54
    rule_cm = doc.text_area_cm(doc.rule_under(subjects[-1]))
    low, high = decree.SUBJECT_RULE_FRACTION
    assert low * widest_cm <= rule_cm <= high * widest_cm, (printed, rule_cm, widest_cm)
