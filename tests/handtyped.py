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


def _line_shape(paragraph, start_pt=48, end_pt=78):
    """A VML line drawn under the text, as Word's Insert > Shapes > Line gives."""
    run = paragraph.add_run()
    run._r.append(parse_xml(
        f'<w:pict {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<v:line from="{start_pt}pt,2pt" to="{end_pt}pt,2pt" strokeweight="0.75pt"/></w:pict>'))


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
            cell.width = Cm(6.5) if cell in (left, table.cell(1, 0)) else Cm(10)
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
        _line_shape(issuer, 239, 412)  # under the Tiêu ngữ, centred on the 11.5 cm tab
        tabbed("Số: 07/SNV-TĐKT", "Kon Tum, ngày 08 tháng 01 năm 2024", {"size": 13},
               {"size": 13, "italic": True})

    _para(document, "KẾ HOẠCH", 14, bold=True).paragraph_format.space_before = Pt(12)
    _para(document, "Phát động phong trào thi đua năm 2024", 14, bold=True)
    _line_shape(_para(document), 180, 290)
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


#: What build_directive() writes, as the importer should read it back.
DIRECTIVE = {
    "issuer": {"parent": ["UBND TỈNH KON TUM"], "name": ["SỞ NỘI VỤ"], "code": "SNV"},
    "document": {"kind": "công văn", "number": 12, "unit": "TĐKT", "place": "Kon Tum",
                 "date": "2024-01-08", "title": "PHÁT ĐỘNG PHONG TRÀO THI ĐUA",
                 "subtitle": "Thực hiện nhiệm vụ công tác nội vụ năm 2024",
                 "summary": "phát động phong trào thi đua năm 2024"},
    "year": 2024,
    "theme": "Kỷ cương, trách nhiệm, hiệu quả",
    "preamble": ["Thực hiện Luật Thi đua, khen thưởng, Sở Nội vụ phát động phong trào thi "
                 "đua năm 2024 với chủ đề “{theme}”, gồm các nội dung sau:"],
    "body": [
        {"section": "Mục tiêu", "content": [
            "Hoàn thành toàn diện các nhiệm vụ được giao năm 2024; xây dựng đội ngũ công chức "
            "*chuyên nghiệp*, tận tụy."]},
        {"section": "Chỉ tiêu", "content": [
            {"section": "Các chỉ tiêu chủ yếu", "content": [{"indicators": [
                {"name": "Tỷ lệ hồ sơ giải quyết đúng hạn", "qualifier": "đạt trên",
                 "value": 98, "unit": "%"},
                {"name": "Số sáng kiến được công nhận", "qualifier": "đạt", "value": 12,
                 "unit": "sáng kiến"},
                {"name": "Tỷ lệ công chức được bồi dưỡng", "qualifier": "đạt", "value": 100,
                 "unit": "%"}]}]},
            # "(1) ...; (2) ..." on the title's line: the inline form of the same list
            {"section": "Chỉ tiêu về cải cách hành chính:", "inline": True, "content": [
                {"form": "inline", "indicators": [
                    {"text": "Chỉ số cải cách hành chính tăng {value} bậc", "value": 2},
                    {"name": "Tỷ lệ dịch vụ công trực tuyến toàn trình", "qualifier": "đạt",
                     "value": 80, "unit": "%"}]}]}]},
        {"section": "Nội dung thi đua", "content": [{"items": [
            {"text": "Thi đua thực hiện tốt nhiệm vụ chuyên môn:", "content": [{"items": [
                "Nâng cao chất lượng tham mưu;", "Đẩy mạnh chuyển đổi số."]}]},
            "Thi đua xây dựng cơ quan văn hóa.",
            "Thi đua thực hành tiết kiệm, chống lãng phí."]}]},
        {"section": "Tổ chức thực hiện", "content": [
            {"section": "Các phòng, đơn vị:", "content": [{"bullets": [
                {"text": "Xây dựng kế hoạch thi đua của đơn vị;", "content": [
                    {"bullets": ["Gửi về Văn phòng Sở trước ngày 15/02/2024."]}]},
                "Báo cáo kết quả thực hiện."]}]},
            {"items": ["Văn phòng Sở theo dõi, tổng hợp."]}]},
    ],
    "closing": "Sở Nội vụ đề nghị các phòng, đơn vị triển khai thực hiện",
    "signature": {"authority": "KT.", "on_behalf_of": "GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC",
                  "name": "Trần Thị Bình"},
    "recipients": ["UBND tỉnh (b/c)", "Các phòng, đơn vị thuộc Sở"],
    "archive": ["VT", "TĐKT"],
}

#: (label, text, bold) of the body as a clerk types it; "4." is a numbering slip (3.).
_BODY = [
    ("I.", "MỤC TIÊU", True),
    ("", ["Hoàn thành toàn diện các nhiệm vụ được giao năm 2024; xây dựng đội ngũ công chức ",
          ("chuyên nghiệp", "italic"), ", tận tụy."], False),
    ("II.", "CHỈ TIÊU", True),
    ("1.", "Các chỉ tiêu chủ yếu", True),
    ("-", "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%;", False),
    ("-", "Số sáng kiến được công nhận đạt 12 sáng kiến;", False),
    ("-", "Tỷ lệ công chức được bồi dưỡng đạt 100%.", False),
    ("2.", "Chỉ tiêu về cải cách hành chính: (1) Chỉ số cải cách hành chính tăng 2 bậc; (2) "
           "Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 80%.", False),
    ("III.", "NỘI DUNG THI ĐUA", True),
    ("1.", "Thi đua thực hiện tốt nhiệm vụ chuyên môn:", False),
    ("a)", "Nâng cao chất lượng tham mưu;", False),
    ("b)", "Đẩy mạnh chuyển đổi số.", False),
    ("2.", "Thi đua xây dựng cơ quan văn hóa.", False),
    ("4.", "Thi đua thực hành tiết kiệm, chống lãng phí.", False),
    ("IV.", "TỔ CHỨC THỰC HIỆN", True),
    ("1.", "Các phòng, đơn vị:", True),
    ("-", "Xây dựng kế hoạch thi đua của đơn vị;", False),
    ("+", "Gửi về Văn phòng Sở trước ngày 15/02/2024.", False),
    ("-", "Báo cáo kết quả thực hiện.", False),
    ("2.", "Văn phòng Sở theo dõi, tổng hợp.", False),
    ("", "Sở Nội vụ đề nghị các phòng, đơn vị triển khai thực hiện./.", False),
]


def build_directive(path, *, header="table", signature="table", encode=None):
    """A whole directive typed by hand: header in a table, in tab-separated paragraphs or
    in plain paragraphs; literal labels, direct formatting; Nơi nhận and signature in a
    table or after tabs. *encode(text, capitals)* → (text, font) types it in a legacy font.
    """
    encode = encode or (lambda text, capitals: (text, "Times New Roman"))

    def run(paragraph, text, size=14, capitals=False, **fmt):
        typed, font = encode(text, capitals)
        return _run(paragraph, typed, size, font=font, **fmt)

    def para(container, text="", size=14, align=CENTER, capitals=False, **fmt):
        paragraph = container.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        if text:
            run(paragraph, text, size, capitals, **fmt)
        return paragraph

    def tabbed(container, left, right, left_fmt, right_fmt, stop=11.5):
        paragraph = para(container, align=LEFT)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(stop), WD_TAB_ALIGNMENT.CENTER)
        if left:
            run(paragraph, left, **left_fmt)
        _run(paragraph, "\t")
        run(paragraph, right, **right_fmt)
        return paragraph

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    caps = {"capitals": True}
    parent, issuer = ("UBND TỈNH KON TUM", {"size": 13, **caps}), (
        "SỞ NỘI VỤ", {"size": 13, "bold": True, **caps})
    national = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"size": 12, "bold": True, **caps})
    motto = ("Độc lập - Tự do - Hạnh phúc", {"size": 13, "bold": True})
    number = ("Số: 12/SNV-TĐKT", {"size": 13})
    summary = ("V/v phát động phong trào thi đua năm 2024", {"size": 12})
    date = ("Kon Tum, ngày 08 tháng 01 năm 2024", {"size": 13, "italic": True})
    if header == "table":
        table = document.add_table(rows=2, cols=2)
        cells = [table.cell(r, c) for r in range(2) for c in range(2)]
        for cell in cells:
            _clear_cell(cell)
        for cell, lines in zip(cells, ([parent, issuer], [national, motto], [number, summary],
                                       [date])):
            for text, fmt in lines:
                para(cell, text, **fmt)
    elif header == "tabs":
        for (left, left_fmt), (right, right_fmt) in ((parent, national), (issuer, motto),
                                                     (number, date)):
            tabbed(document, left, right, left_fmt, right_fmt)
        para(document, summary[0], align=LEFT, **summary[1])
    else:  # one paragraph per line, no table and no tabs
        for text, fmt in (parent, issuer, national, motto, number, summary, date):
            para(document, text, align=LEFT, **fmt)

    para(document, "PHÁT ĐỘNG PHONG TRÀO THI ĐUA", 14, bold=True, capitals=True)
    para(document, "Thực hiện nhiệm vụ công tác nội vụ năm 2024", 14, bold=True)
    preamble = ("Thực hiện Luật Thi đua, khen thưởng, Sở Nội vụ phát động phong trào thi đua "
                "năm 2024 với chủ đề “Kỷ cương, trách nhiệm, hiệu quả”, gồm các nội dung sau:")
    for label, text, bold in [("", preamble, False)] + _BODY:
        paragraph = para(document, align=JUSTIFY)
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
        pieces = text if isinstance(text, list) else [text]
        if label:
            pieces = [label + " "] + pieces
        for piece in pieces:
            words, style = piece if isinstance(piece, tuple) else (piece, "")
            run(paragraph, words, 14, bold=bold, italic=style == "italic",
                capitals=bold and words.isupper())

    recipients = ["- UBND tỉnh (b/c);", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, TĐKT."]
    signer = [("KT. GIÁM ĐỐC", True), ("PHÓ GIÁM ĐỐC", True), ("", False),
              ("Trần Thị Bình", False)]
    if signature == "table":
        table = document.add_table(rows=1, cols=2)
        left, right = table.cell(0, 0), table.cell(0, 1)
        _clear_cell(left)
        _clear_cell(right)
        para(left, "Nơi nhận:", 12, align=LEFT, bold=True, italic=True)
        for line in recipients:
            para(left, line, 11, align=LEFT)
        for text, capitals in signer:
            para(right, text, 14, bold=True, capitals=capitals)
    else:  # "Nơi nhận:<tab>KT. GIÁM ĐỐC", ..., "<tab>Trần Thị Bình"
        lefts = ["Nơi nhận:"] + recipients + [""]
        rights = [text for text, _ in signer] + ["", ""]
        for left, (right, capitals) in zip(lefts, [(r, r.isupper()) for r in rights]):
            if not left and not right:
                para(document)
                continue
            tabbed(document, left, right or "", {"size": 11, "bold": left == "Nơi nhận:"},
                   {"size": 14, "bold": True, "capitals": capitals}, stop=12)
    document.save(path)
    return path
