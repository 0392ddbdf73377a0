"""Break one Nghị định 30 rule at a time in a rendered document; the checker
reports exactly that rule.

The base is the bundled sample (thidua_docs/examples/mau-phat-dong.yaml) rendered by thidua-docs (it has a number,
a date, sub-sections, items and points), which checks clean.
"""

from __future__ import annotations

import shutil

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from conftest import document_paragraphs, open_docx
from thidua_docs.check import REGISTRY, check_document

BASE = "mau-phat-dong"


def paragraph(document, predicate):
    return next(p for p in document_paragraphs(document) if predicate(p.text))


def starting(document, prefix):
    return paragraph(document, lambda text: text.startswith(prefix))


def set_text(p, text):
    p.runs[0].text = text
    for run in p.runs[1:]:
        run.text = ""


def runs(p):
    return [r for r in p.runs if r.text.strip()]


def body_paragraph(document):
    return starting(document, "Phấn đấu hoàn thành toàn diện")


def rule_after(p):
    """The empty bordered paragraph that draws the line under *p*."""
    return p._p.getnext()


def remove_border(p_element):
    ppr = p_element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "nil")
    borders.append(top)
    ppr.insert(1, borders)


def page_field(paragraph_):
    from thidua_docs import ooxml

    ooxml.add_page_number_field(paragraph_)


def _landscape(d):
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def _letter(d):
    d.sections[0].page_width = Mm(215.9)
    d.sections[0].page_height = Mm(279.4)


def _full_width(p_element):
    """The rule paragraph stretched over its whole cell: a line far longer than allowed."""
    ppr = p_element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is not None:
        ppr.remove(ind)


MUTATIONS = {
    "left margin 25 mm": ("MARGIN", lambda d: setattr(d.sections[0], "left_margin", Mm(25))),
    "top margin 15 mm": ("MARGIN", lambda d: setattr(d.sections[0], "top_margin", Mm(15))),
    "Letter paper": ("PAGE-SIZE", _letter),
    "landscape": ("PAGE-SIZE", _landscape),
    "Arial in the body": ("FONT", lambda d: setattr(runs(body_paragraph(d))[0].font, "name",
                                                    "Arial")),
    "red text in the body": ("COLOR", lambda d: setattr(runs(body_paragraph(d))[0].font.color,
                                                        "rgb", RGBColor(0xFF, 0, 0))),
    "Quốc hiệu not bold": ("QUOC-HIEU", lambda d: [setattr(r.font, "bold", False) for r in
                                                   runs(starting(d, "CỘNG HÒA"))]),
    "Quốc hiệu in lower case": ("QUOC-HIEU", lambda d: set_text(
        starting(d, "CỘNG HÒA"), "Cộng hòa xã hội chủ nghĩa Việt Nam")),
    "Tiêu ngữ without spaces": ("TIEU-NGU", lambda d: set_text(
        starting(d, "Độc lập"), "Độc lập-Tự do-Hạnh phúc")),
    "Tiêu ngữ 12 pt": ("TIEU-NGU", lambda d: setattr(runs(starting(d, "Độc lập"))[0].font,
                                                      "size", Pt(12))),
    "no line under Tiêu ngữ": ("TIEU-NGU-LINE", lambda d: remove_border(
        rule_after(starting(d, "Độc lập")))),
    "issuer not bold": ("CO-QUAN", lambda d: [setattr(r.font, "bold", False)
                                              for text in ("ỦY BAN NHÂN DÂN", "HUYỆN ĐĂK HÀ")
                                              for r in runs(starting(d, text))]),
    "no line under the issuer": ("CO-QUAN-LINE", lambda d: remove_border(
        rule_after(starting(d, "HUYỆN ĐĂK HÀ")))),
    "Số without leading zero": ("SO-KY-HIEU", lambda d: set_text(starting(d, "Số:"),
                                                                 "Số: 5/UBND-VX")),
    "ký hiệu with spaced hyphen": ("SO-KY-HIEU", lambda d: set_text(starting(d, "Số:"),
                                                                   "Số: 15/UBND - VX")),
    "Số line 14 pt": ("SO-KY-HIEU", lambda d: setattr(runs(starting(d, "Số:"))[0].font, "size",
                                                      Pt(14))),
    "date ngày 6 tháng 1": ("DIA-DANH-NGAY", lambda d: set_text(
        starting(d, "Đăk Hà, ngày"), "Đăk Hà, ngày 6 tháng 1 năm 2025")),
    "date tháng 03": ("DIA-DANH-NGAY", lambda d: set_text(
        starting(d, "Đăk Hà, ngày"), "Đăk Hà, ngày 10 tháng 03 năm 2025")),
    "no comma after the place": ("DIA-DANH-NGAY", lambda d: set_text(
        starting(d, "Đăk Hà, ngày"), "Đăk Hà ngày 06 tháng 01 năm 2025")),
    "date not italic": ("DIA-DANH-NGAY", lambda d: setattr(
        runs(starting(d, "Đăk Hà, ngày"))[0].font, "italic", False)),
    "title not bold": ("TEN-VAN-BAN", lambda d: setattr(
        runs(starting(d, "PHÁT ĐỘNG PHONG TRÀO"))[0].font, "bold", False)),
    "body paragraph left-aligned": ("BODY-ALIGN", lambda d: setattr(
        body_paragraph(d).paragraph_format, "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    "no first-line indent": ("BODY-INDENT", lambda d: setattr(
        body_paragraph(d).paragraph_format, "first_line_indent", Cm(0))),
    "no space between paragraphs": ("BODY-SPACING", lambda d: [
        setattr(body_paragraph(d).paragraph_format, attr, Pt(0))
        for attr in ("space_before", "space_after")]),
    "double line spacing": ("BODY-LINE", lambda d: setattr(
        body_paragraph(d).paragraph_format, "line_spacing", 2.0)),
    "body 12 pt": ("BODY-SIZE", lambda d: [setattr(r.font, "size", Pt(12))
                                           for r in body_paragraph(d).runs]),
    "body 13 pt beside 14 pt": ("BODY-SIZE", lambda d: [setattr(r.font, "size", Pt(13))
                                                        for r in body_paragraph(d).runs]),
    "duplicated label": ("LABELS", lambda d: set_text(
        starting(d, "2. Thi đua xây dựng"), "1. Thi đua xây dựng nông thôn mới, trong đó:")),
    "point letter skipped": ("LABELS", lambda d: set_text(
        starting(d, "b) Giữ vững"), "c) Giữ vững các tiêu chí đã đạt.")),
    "wrong authority prefix": ("KY-QUYEN-HAN", lambda d: set_text(
        starting(d, "TM. ỦY BAN"), "T/M. ỦY BAN NHÂN DÂN")),
    "signer title not bold": ("KY-QUYEN-HAN", lambda d: setattr(
        runs(starting(d, "CHỦ TỊCH"))[0].font, "bold", False)),
    "signer name in capitals": ("KY-HO-TEN", lambda d: set_text(
        starting(d, "Nguyễn Văn An"), "NGUYỄN VĂN AN")),
    "Nơi nhận not italic": ("NOI-NHAN", lambda d: setattr(
        runs(starting(d, "Nơi nhận"))[0].font, "italic", False)),
    "recipient without ;": ("NOI-NHAN-DONG", lambda d: set_text(
        starting(d, "- UBND tỉnh"), "- UBND tỉnh (b/c)")),
    "recipients 12 pt": ("NOI-NHAN-DONG", lambda d: setattr(
        runs(starting(d, "- UBND tỉnh"))[0].font, "size", Pt(12))),
    "missing Lưu line": ("LUU", lambda d: starting(d, "- Lưu:")._p.getparent().remove(
        starting(d, "- Lưu:")._p)),
    "Lưu line without full stop": ("LUU", lambda d: set_text(starting(d, "- Lưu:"),
                                                             "- Lưu: VT, VX")),
    "page number on page 1": ("PAGE-NUMBER", lambda d: page_field(
        d.sections[0].first_page_header.paragraphs[0])),
    "page number in the footer": ("PAGE-NUMBER", lambda d: page_field(
        d.sections[0].footer.paragraphs[0])),
    "issuer line as wide as its cell": ("CO-QUAN-LINE", lambda d: _full_width(
        rule_after(starting(d, "HUYỆN ĐĂK HÀ")))),
    "motto line far shorter than the motto": ("TIEU-NGU-LINE", lambda d: _narrowed(
        rule_after(starting(d, "Độc lập")), 4)),
    "Nơi nhận in 14 pt": ("NOI-NHAN", lambda d: setattr(runs(starting(d, "Nơi nhận"))[0].font,
                                                         "size", Pt(14))),
    "Lưu with a stop after VT": ("LUU", lambda d: set_text(starting(d, "- Lưu:"),
                                                           "- Lưu: VT. VX.")),
    "parent body in 14 pt": ("CHU-QUAN", lambda d: [setattr(r.font, "size", Pt(14)) for r in
                                                    runs(starting(d, "UBND TỈNH KON TUM"))],
                             "so-noi-vu-kon-tum-2025"),
    "no line under the trích yếu": ("TRICH-YEU-LINE", lambda d: remove_border(
        rule_after(starting(d, "Phát động phong trào thi đua"))), "so-noi-vu-kon-tum-2025"),
    "V/v in bold": ("TRICH-YEU-CV", lambda d: [setattr(r.font, "bold", True) for r in
                                               runs(starting(d, "V/v"))], "huyen-dak-ha-2025"),
}
BASES = sorted({BASE} | {entry[2] for entry in MUTATIONS.values() if len(entry) > 2})


def _narrowed(p_element, cm: float):
    """The rule paragraph indented *cm* on both sides: a shorter line."""
    from thidua_docs import ooxml

    ooxml.set_horizontal_indents(p_element, int(cm * 567), int(cm * 567))


@pytest.fixture(scope="module")
def bases(rendered, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutations")
    copies = {}
    for name in BASES:
        copies[name] = folder / f"{name}.docx"
        shutil.copy(rendered[name], copies[name])
    return copies


@pytest.mark.parametrize("name", BASES)
def test_base_is_clean(name, bases):
    assert check_document(bases[name]) == []


def test_at_least_twenty_distinct_mutations():
    assert len(MUTATIONS) >= 20
    assert len({entry[0] for entry in MUTATIONS.values()}) >= 20


def test_every_rule_of_the_registry_has_a_mutation():
    assert set(REGISTRY) - {entry[0] for entry in MUTATIONS.values()} == set()


@pytest.mark.parametrize("name", MUTATIONS)
def test_mutation_is_reported_under_its_rule_only(name, bases, tmp_path):
    code, mutate, *base = MUTATIONS[name]
    document = open_docx(bases[base[0] if base else BASE])
    mutate(document)
    broken = tmp_path / "broken.docx"
    document.save(broken)
    findings = check_document(broken)
    assert {f.rule for f in findings} == {code}, [
        (f.rule, f.where, f.expected, f.found) for f in findings]
    assert all(f.where and f.expected and f.found for f in findings)
