"""Forms of real directives (issue 12): a Chỉ thị's points at the top level, plans over a
period, Căn cứ lines, the inline "(1) ...; (2) ..." form, indicators with several targets,
indicator tables, the blank date of a draft. Each rendered through the real pipeline and
read back from the .docx."""

from __future__ import annotations

import pytest

from helpers import directive_data, render
from thidua_docs.exceptions import InvalidInputError
from thidua_docs.messages import set_language
from thidua_docs.loader import parse_directive

import yaml

TARGETS = {"name": "Tỷ lệ lao động qua đào tạo", "qualifier": "đạt", "value": 54, "unit": "%",
           "of_which": [{"name": "có bằng cấp, chứng chỉ", "qualifier": "đạt", "value": 38,
                         "unit": "%"}]}
GROWTH = {"name": "Tốc độ tăng trưởng kinh tế", "qualifier": "đạt", "value": 12, "unit": "%"}


def texts(rendered) -> list[str]:
    return [p.text for p in rendered.paragraphs if p.text.strip()]


def test_points_straight_under_the_preamble_are_numbered_1_2_3(tmp_path):
    body = [{"items": ["Điểm thứ nhất.", {"text": "Điểm thứ hai:", "content": [
        {"items": ["ý a;", "ý b."]}]}]}, "Một đoạn văn.", {"items": ["Điểm thứ ba."]}]
    doc = render(tmp_path, directive_data(body=body))
    lines = texts(doc)
    start = lines.index("1. Điểm thứ nhất.")
    assert lines[start:start + 6] == ["1. Điểm thứ nhất.", "2. Điểm thứ hai:", "a) ý a;",
                                      "b) ý b.", "Một đoạn văn.", "3. Điểm thứ ba."]
    assert doc.with_style("ND30Item")[0].text == "1. Điểm thứ nhất."


def _problems(data: dict) -> list[str]:
    with pytest.raises(InvalidInputError) as caught:
        parse_directive(yaml.safe_dump(data, allow_unicode=True), "in.yaml")
    return [f"{p.field}: {p.message}" for p in caught.value.problems]


def test_a_wrong_block_says_what_its_level_allows():
    set_language("en")
    try:
        top = _problems(directive_data(body=[{"itmes": ["a"]}]))
        inner = _problems(directive_data(body=[{"section": "A", "content": [
            {"items": ["a"], "bullets": ["b"]}]}]))
    finally:
        set_language("vi")
    assert top == ["body[0]: at the top level of body: a block is a paragraph (a string) or "
                   "a mapping with exactly one of the keys section, items, bullets, indicators"
                   " (did you mean 'items'?)"]
    assert len(inner) == 1 and inner[0].startswith("body[0].content[0]: in a section's content")


def test_a_plan_over_a_period_needs_no_year(tmp_path):
    data = directive_data(year=None, period="2026–2030", body=[
        {"section": "Mục tiêu", "content": ["Hoàn thành các chỉ tiêu giai đoạn {period}."]}])
    data["document"]["title"] = "Phát động phong trào thi đua giai đoạn {period}"
    del data["document"]["subtitle"]
    doc = render(tmp_path, data)
    assert doc.directive.period == "2026-2030" and doc.directive.year is None
    assert "PHÁT ĐỘNG PHONG TRÀO THI ĐUA GIAI ĐOẠN 2026-2030" in texts(doc)
    assert any(line.endswith("ngày      tháng      năm      ") for line in texts(doc))
    set_language("en")
    try:
        assert _problems(directive_data(year=None)) == [
            ": give 'year' (the movement's year) or 'period' (e.g. 2026-2030)"]
        assert any(problem.startswith("period: period '2030-2026' is not valid") for problem
                   in _problems(directive_data(year=None, period="2030-2026")))
        assert any(problem.startswith("preamble[0]: the text uses {year} but there is no")
                   for problem in _problems(directive_data(year=None, period="2026-2030",
                                                           preamble=["Năm {year}."])))
    finally:
        set_language("vi")


def test_basis_lines_are_italic_each_ending_with_a_semicolon_the_last_a_full_stop(tmp_path):
    basis = ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
             "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"]
    doc = render(tmp_path, directive_data(basis=basis))
    lines = doc.with_style("ND30Basis")
    assert [p.text for p in lines] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ."]
    for line in lines:
        doc.assert_element(line, "basis")


def test_the_inline_form_numbers_the_same_list_once(tmp_path):
    block = {"indicators": [GROWTH, TARGETS, "Giữ vững quốc phòng, an ninh"], "form": "inline"}
    section = {"section": "Các chỉ tiêu:", "inline": True, "content": [
        {"indicators": [GROWTH]}]}
    doc = render(tmp_path, directive_data(body=[block, section]))
    lines = texts(doc)
    assert ("(1) Tốc độ tăng trưởng kinh tế đạt 12%; (2) Tỷ lệ lao động qua đào tạo đạt 54%, "
            "trong đó có bằng cấp, chứng chỉ đạt 38%; (3) Giữ vững quốc phòng, an ninh.") in lines
    # a top-level inline section prints its indicators once, on its title's line
    assert "I. Các chỉ tiêu: Tốc độ tăng trưởng kinh tế đạt 12%." in lines
    assert sum("Tốc độ tăng trưởng" in line for line in lines) == 2


def test_every_target_of_an_indicator_is_a_structured_value(tmp_path):
    pending = {**TARGETS, "previous": 50, "needs_update": True,
               "of_which": [{**TARGETS["of_which"][0], "previous": 35}]}
    directive = parse_directive(yaml.safe_dump(directive_data(body=[{"indicators": [pending]}]),
                                               allow_unicode=True))
    indicator = directive.body[0].indicators[0]
    assert [str(t.value) for t in indicator.targets] == ["54", "38"]
    assert [str(t.previous) for t in indicator.targets] == ["50", "35"]
    with pytest.raises(InvalidInputError) as caught:
        parse_directive(yaml.safe_dump(directive_data(body=[{"indicators": [pending]}]),
                                       allow_unicode=True), allow_pending=False)
    assert "50%; 35%" in caught.value.problems[0].message


def test_a_draft_keeps_its_year_unless_the_office_leaves_it_blank(tmp_path):
    kept = render(tmp_path, directive_data(), "kept")
    assert any(line.endswith("ngày      tháng      năm 2021") for line in texts(kept))
    data = directive_data()
    data["document"]["blank_date"] = "full"
    blank = render(tmp_path, data, "blank")
    assert any(line.endswith("ngày      tháng      năm      ") for line in texts(blank))


def test_an_indicator_table_in_the_body_is_a_word_table(tmp_path):
    rows = [{**GROWTH, "previous": "11,5"}, {**TARGETS, "previous": 50}]
    doc = render(tmp_path, directive_data(body=[{"indicators": rows, "form": "table"}]))
    table = next(t for t in doc.document.tables if t.cell(0, 0).text == "STT")
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2020", "Kế hoạch năm 2021"],
        ["1", "Tốc độ tăng trưởng kinh tế", "%", "11,5", "đạt 12"],
        ["2", "Tỷ lệ lao động qua đào tạo", "%", "50", "đạt 54"],
        ["", "Trong đó: có bằng cấp, chứng chỉ", "%", "", "đạt 38"]]
    assert table.rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    header = table.cell(0, 1).paragraphs[0]
    assert doc.resolver.run(header, header.runs[0]).bold


@pytest.mark.pdf
def test_the_plans_appendix_prints_on_its_own_landscape_page(pdfs):
    """data/ke-hoach-thi-dua-2026-2030: the text on portrait A4, the Phụ lục on a landscape
    page of its own: heading, title in capitals, "(Kèm theo ...)", the table's header and
    rows with last period's values; no page number on the appendix's first page."""
    import subprocess

    from conftest import pdf_pages, pdf_text

    pdf = pdfs["ke-hoach-thi-dua-2026-2030"]
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pdf_pages(pdf)), str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    sizes = [line.split(":", 1)[1].split("pts")[0].split(" x ")
             for line in info.splitlines() if line.startswith("Page") and "size" in line]
    portrait = [float(w) < float(h) for w, h in sizes]
    assert portrait[0] and not portrait[-1]
    first_appendix = portrait.index(False) + 1
    text = pdf_text(pdf, first_appendix)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert lines[:3] == [
        "Phụ lục", "CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026-2030",
        "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10 tháng 02 năm 2026 của Ủy ban nhân dân "
        "tỉnh Quảng Ngãi)"]
    assert "Thực hiện giai đoạn" in text and "Kế hoạch giai đoạn" in text
    assert any(line.startswith("1 Tỷ trọng kinh tế số trong GRDP % 11,5 đạt 20")
               for line in lines)
    assert not any(line.isdigit() for line in lines)  # no page number on its first page
    assert "CÁC CHỈ TIÊU CHỦ YẾU" not in pdf_text(pdf, *range(1, first_appendix))


def test_two_appendices_are_numbered_each_in_its_own_section_and_read_back(tmp_path):
    """Several appendices are "Phụ lục I", "Phụ lục II": each starts a section of its own
    (landscape only the one holding a table), numbering its pages from 1; `thidua import`
    gives them back."""
    from conftest import DATA
    from thidua_docs.importer import import_file

    data = yaml.safe_load((DATA / "ke-hoach-thi-dua-2026-2030.yaml").read_text("utf-8"))
    data["appendices"].append({"title": "Danh sách các cơ quan đăng ký thi đua", "content": [
        "Các sở, ban, ngành tỉnh:", {"items": ["Sở Nội vụ.", "Sở Tài chính."]}]})
    doc = render(tmp_path, data)
    assert [p.text for p in doc.with_style("ND30AppendixLabel")] == ["Phụ lục I", "Phụ lục II"]
    sections = doc.document.sections
    assert [s.page_width > s.page_height for s in sections] == [False, True, False]
    for section in sections[1:]:
        start = section._sectPr.xpath("./w:pgNumType/@w:start")
        assert start == ["1"] and section.different_first_page_header_footer
    imported = import_file(tmp_path / "in.docx")
    assert imported.findings == []
    first, second = imported.directive.appendices
    assert first.title == "Các chỉ tiêu chủ yếu giai đoạn 2026-2030"  # {period} printed
    assert first.content == doc.directive.appendices[0].content
    assert second == doc.directive.appendices[1]
