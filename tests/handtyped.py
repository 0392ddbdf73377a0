"""Build .docx files the way a clerk types them in Word, without our template.

Direct formatting on every run, literal labels, the header in a table or in
tab-separated paragraphs, the signature block in a table.
"""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

CENTER, JUSTIFY, LEFT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY,
                         WD_ALIGN_PARAGRAPH.LEFT)


def _run(paragraph, text, size=14, bold=False, italic=False, underline=False,
         font="Times New Roman"):
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    return run


def _para(container, text="", size=14, align=CENTER, **run_format):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        _run(paragraph, text, size, **run_format)
    return paragraph


def _bottom_border(paragraph):
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    ppr.append(borders)


def _line_shape(paragraph):
    """A VML line drawn under the text, as Word's Insert > Shapes > Line gives."""
    run = paragraph.add_run()
    run._r.append(parse_xml(
        f'<w:pict {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml">'
        '<v:line from="40pt,2pt" to="100pt,2pt" strokeweight="0.75pt"/></w:pict>'))


def _clear_cell(cell):
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)


def build(path, *, header="table", labels=("1.", "2.", "3.", "4.", "3."), motto=None,
          body_size=14):
    """Write a hand-typed directive to *path*; return the path."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    motto = motto or "Độc lập - Tự do - Hạnh phúc"

    if header == "table":
        table = document.add_table(rows=2, cols=2)
        left, right = table.cell(0, 0), table.cell(0, 1)
        for cell in (left, right, table.cell(1, 0), table.cell(1, 1)):
            _clear_cell(cell)
        _para(left, "UBND TỈNH KON TUM", 13)
        issuer = _para(left, "SỞ NỘI VỤ", 13, bold=True)
        _line_shape(issuer)
        _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
        _para(right, motto, 13, bold=True, underline=True)
        _para(table.cell(1, 0), "Số: 07/SNV-TĐKT", 13)
        _para(table.cell(1, 0), "V/v phát động thi đua năm 2024", 12)
        _para(table.cell(1, 1), "Kon Tum, ngày 08 tháng 01 năm 2024", 13, italic=True)
    else:  # plain paragraphs, left and right parts split by tabs
        def tabbed(left_text, right_text, left_fmt, right_fmt):
            paragraph = _para(document, align=LEFT)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
            _run(paragraph, left_text, **left_fmt)
            _run(paragraph, "\t")
            _run(paragraph, right_text, **right_fmt)
            return paragraph

        tabbed("UBND TỈNH KON TUM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"size": 13},
               {"size": 12, "bold": True})
        issuer = tabbed("SỞ NỘI VỤ", motto, {"size": 13, "bold": True},
                        {"size": 13, "bold": True})
        _line_shape(issuer)
        _bottom_border(issuer)
        tabbed("Số: 07/SNV-TĐKT", "Kon Tum, ngày 08 tháng 01 năm 2024", {"size": 13},
               {"size": 13, "italic": True})

    _para(document, "KẾ HOẠCH", 14, bold=True).paragraph_format.space_before = Pt(12)
    _para(document, "Phát động phong trào thi đua năm 2024", 14, bold=True)
    texts = [f"{label} Nội dung thi đua số {n}: các cơ quan, đơn vị tổ chức thực hiện "
             f"nghiêm túc, hiệu quả các nhiệm vụ được giao trong năm."
             for n, label in enumerate(labels, start=1)]
    for text in ["I. MỤC TIÊU", "Hoàn thành toàn diện các chỉ tiêu năm 2024.",
                 "II. NỘI DUNG", *texts]:
        paragraph = _para(document, text, body_size, align=JUSTIFY, bold=text.startswith(("I.",
                                                                                        "II.")))
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.line_spacing = 1.15

    table = document.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _clear_cell(left)
    _clear_cell(right)
    _para(left, "Nơi nhận:", 12, align=LEFT, bold=True, italic=True)
    for line in ("- UBND tỉnh (b/c);", "- Các phòng thuộc Sở;", "- Lưu: VT, TĐKT."):
        _para(left, line, 11, align=LEFT)
    _para(right, "KT. GIÁM ĐỐC", 14, bold=True)
    _para(right, "PHÓ GIÁM ĐỐC", 14, bold=True)
    _para(right, "")
    _para(right, "Trần Thị Bình", 14, bold=True)
    document.save(path)
    return path
