"""LibreOffice converts the rendered documents; the PDF reads as it should."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, pdf_pages, pdf_text
from thidua_docs import nd30
from thidua_docs.loader import load_directive

NAMES = [path.stem for path in EXAMPLES]


@pytest.mark.pdf
@pytest.mark.parametrize("name", NAMES)
def test_pdf_conversion(name, pdfs):
    pdf = pdfs[name]
    assert pdf.exists() and pdf.stat().st_size > 10_000
    directive = load_directive(next(p for p in EXAMPLES if p.stem == name))
    pages = pdf_pages(pdf)
    assert 2 <= pages <= 8, f"{pages} pages"

    text = " ".join(pdf_text(pdf).split())
    assert nd30.NATIONAL_NAMES[0] in text
    assert nd30.MOTTO in text
    assert directive.document.title.upper() in text
    assert directive.signature.name in text
    assert "Nơi nhận:" in text

    # No page number on page 1; "2" centred at the top of page 2.
    first_line = pdf_text(pdf, 1).strip().splitlines()[0].strip()
    assert first_line.startswith(directive.issuer.name[0].upper())
    second_page = pdf_text(pdf, 2).strip().splitlines()
    assert second_page[0].strip() == "2"
