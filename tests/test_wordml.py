"""The one .docx reader: text Word shows, effective formatting, numbering, shapes, sections."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.shared import Mm, Pt

from thidua_docs import wordml

WILD = Path(__file__).resolve().parents[2] / "shared" / "wild"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (W + ' xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def _p(inner: str) -> object:
    return parse_xml(f"<w:p {NS}>{inner}</w:p>")


def _r(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _save(tmp_path: Path, paragraphs: list, setup=None) -> wordml.WordDocument:
    document = Document()
    body = document.element.body
    for paragraph in paragraphs:
        body.insert(len(body) - 1, paragraph)
    if setup:
        setup(document)
    path = tmp_path / "reader.invalid.docx"  # hand-built XML: not for the OOXML audit
    document.save(path)
    return wordml.open_docx(path)


def test_text_inside_inline_containers_is_read(tmp_path):
    doc = _save(tmp_path, [
        _p('<w:smartTag w:uri="u" w:element="place">' + _r("CỘNG HÒA") + "</w:smartTag>"
           + '<w:ins w:id="1" w:author="a">' + _r(" XÃ HỘI") + "</w:ins>"
           + '<w:del w:id="2" w:author="a"><w:r><w:delText>XÓA</w:delText></w:r></w:del>'
           + "<w:sdt><w:sdtContent>" + _r(" CHỦ NGHĨA") + "</w:sdtContent></w:sdt>"
           + '<w:hyperlink w:anchor="x">' + _r(" VIỆT") + "</w:hyperlink>"
           + '<w:fldSimple w:instr=" MERGEFIELD x ">' + _r(" NAM") + "</w:fldSimple>"
           + _r("ẩn", "<w:vanish/>")),
    ])
    paragraph = doc.paragraphs[0]
    assert paragraph.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert [f.name for f in paragraph.fields] == ["MERGEFIELD"]


def test_breaks_tabs_fields_and_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Nơi nhận:")
    doc = _save(tmp_path, [
        _p(_r(decomposed) + '<w:r><w:br/><w:t>- Như trên;</w:t><w:tab/><w:t>x</w:t></w:r>'
           + '<w:r><w:br w:type="page"/></w:r>'
           + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
           + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("2")
           + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    ])
    paragraph = doc.paragraphs[0]
    assert paragraph.text == "Nơi nhận:\n- Như trên;\tx2"
    assert paragraph.lines == ["Nơi nhận:", "- Như trên;\tx2"]
    assert [(f.name, f.result) for f in paragraph.fields] == [("PAGE", "2")]


def test_caps_and_effective_formatting_through_styles(tmp_path):
    def styles(document):
        base = document.styles.add_style("Base", 1)
        base.font.bold = True
        base.font.size = Pt(14)
        child = document.styles.add_style("Child", 1)
        child.base_style = base
        child.element.get_or_add_rPr().append(parse_xml(f"<w:caps {W}/>"))

    doc = _save(tmp_path, [_p('<w:pPr><w:pStyle w:val="Child"/><w:jc w:val="center"/></w:pPr>'
                              + _r("Kế hoạch"))], styles)
    paragraph = doc.paragraphs[0]
    assert paragraph.shown == "KẾ HOẠCH" and paragraph.text == "Kế hoạch"
    assert paragraph.spans[0].format.bold and paragraph.format.alignment == "center"
    assert paragraph.spans[0].format.size_pt == 14


def test_word_automatic_numbering_is_read_as_labels(tmp_path):
    def numbering(document):
        part = document.part.numbering_part.element
        part.append(parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="7">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'))
        part.append(parse_xml(f'<w:num {W} w:numId="9"><w:abstractNumId w:val="7"/></w:num>'))

    def item(level: int, text: str):
        return _p(f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="9"/></w:numPr>'
                  f'</w:pPr>' + _r(text))

    doc = _save(tmp_path, [item(0, "Mục đích"), item(1, "a"), item(1, "b"), item(0, "Nội dung"),
                           item(1, "c")], numbering)
    assert [p.label for p in doc.paragraphs] == ["I.", "1.", "2.", "II.", "1."]


def test_drawn_lines_have_geometry(tmp_path):
    drawing = ('<w:r><w:drawing><wp:anchor><wp:positionH relativeFrom="column">'
               '<wp:posOffset>720000</wp:posOffset></wp:positionH>'
               '<wp:positionV relativeFrom="paragraph"><wp:posOffset>36000</wp:posOffset>'
               '</wp:positionV><wp:extent cx="2160000" cy="0"/><a:graphic><a:graphicData>'
               '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp>'
               '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    vml = ('<w:r><w:pict><v:line from="36pt,3pt" to="144pt,3pt" '
           'style="position:absolute;z-index:1"/></w:pict></w:r>')
    connector = ('<w:r><w:pict><v:shape type="#_x0000_t32" '
                 'style="position:absolute;margin-left:20pt;width:170pt;height:0"/>'
                 '</w:pict></w:r>')
    doc = _save(tmp_path, [_p(_r("TỈNH LÂM ĐỒNG") + drawing), _p(vml), _p(connector)])
    first, second, third = (p.shapes[0] for p in doc.paragraphs)
    assert first.is_line and first.width_cm == pytest.approx(6.0) and first.x_cm == 2.0
    assert first.relative_to == "column"
    assert second.is_line and second.width_cm == pytest.approx(108 * 2.54 / 72)
    assert third.is_line and third.width_cm == pytest.approx(170 * 2.54 / 72)


def test_text_boxes_follow_their_anchor_and_fallbacks_are_skipped(tmp_path):
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
           '<wp:extent cx="1800000" cy="360000"/><a:graphic><a:graphicData><wps:wsp>'
           '<wps:txbx><w:txbxContent><w:p>' + _r("V/v trong hộp") + '</w:p></w:txbxContent>'
           '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
           '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p>'
           + _r("V/v trong hộp") + '</w:p></w:txbxContent></v:textbox></v:shape></w:pict>'
           '</mc:Fallback></mc:AlternateContent></w:r>')
    doc = _save(tmp_path, [_p(_r("Số: 01/UBND-VP") + box), _p(_r("sau"))])
    assert [(p.text, p.container) for p in doc.paragraphs] == [
        ("Số: 01/UBND-VP", "body"), ("V/v trong hộp", "textbox"), ("sau", "body")]
    assert doc.paragraphs[0].textboxes == [2]
    assert doc.paragraphs[1].width_cm == pytest.approx(5.0)


def test_tables_cells_and_sections(tmp_path):
    def setup(document):
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "UBND"
        table.cell(0, 1).text = "CỘNG HÒA"
        for column, width in zip(table.columns, (Mm(60), Mm(100))):
            column.width = width  # the grid; a cell is as wide as its grid columns
            for cell in column.cells:
                cell.width = width
        landscape = document.add_section()
        landscape.orientation = WD_ORIENT.LANDSCAPE
        landscape.page_width, landscape.page_height = Mm(297), Mm(210)
        document.add_paragraph("Phụ lục")
        header = document.sections[0].header.paragraphs[0]
        header.text = "trang"

    doc = _save(tmp_path, [], setup)
    cells = [(p.text, p.table, p.row, p.column, round(p.width_cm, 1)) for p in doc.paragraphs
             if p.container == "table"]
    assert cells == [("UBND", 0, 0, 0, 5.6), ("CỘNG HÒA", 0, 0, 1, 9.6)]  # less the cell margins
    assert [s.landscape for s in doc.sections] == [False, True]
    assert doc.paragraphs[-1].section == 1 and doc.paragraphs[-1].text == "Phụ lục"
    assert doc.sections[0].headers["default"][0].text == "trang"


@pytest.mark.skipif(not WILD.is_dir(), reason="../shared/wild (real documents) is absent")
def test_real_documents_smart_tags_and_line_breaks():
    smart = wordml.open_docx(WILD / "lamdong-2025-cv-du-dai-hoi-truong-son.docx")
    assert any(p.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" for p in smart.paragraphs)
    joined = wordml.open_docx(WILD / "lamdong-2026-qd-bcd-du-lieu.docx")
    header = next(p for p in joined.paragraphs if p.text.startswith("CỘNG HÒA"))
    assert header.lines[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                "Độc lập - Tự do - Hạnh phúc"]
    assert any(s.is_line and s.width_cm > 5 for s in header.shapes)
    numbered = wordml.open_docx(WILD / "lamdong-2025-kh-cchc-2026.docx")
    assert {"1.", "7.", "a)", "c)"} <= {p.label for p in numbered.paragraphs}
    assert numbered.sections[1].landscape
