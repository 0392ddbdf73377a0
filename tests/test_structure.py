"""Labels follow from the structure, and text arrives in the document as written."""

from __future__ import annotations

import unicodedata
import zipfile

import pytest

from conftest import EXAMPLES, document_paragraphs, open_docx
from helpers import directive_data, write_yaml
from thidua_docs import main
from thidua_docs.structure import Directive
from thidua_docs.structure.numbering import NumberingError, label_body


def labels(body: list) -> list[str]:
    directive = Directive.model_validate(directive_data(body=body))
    return [item.label for item in label_body(directive)]


def test_sections_and_items_share_one_counter():
    body = [
        {"section": "Mục tiêu", "content": ["đoạn"]},
        {"section": "Tổ chức thực hiện", "content": [
            {"section": "Các cơ quan", "content": [{"bullets": ["x", "y"]}]},
            {"items": ["Đề nghị", "Hội đồng"]},
            "đoạn không đánh số",
            {"items": ["Sở Nội vụ"]},
        ]},
    ]
    assert labels(body) == ["I.", "", "II.", "1.", "-", "-", "2.", "3.", "", "4."]


def test_points_use_the_vietnamese_alphabet():
    points = [f"điểm {i}" for i in range(1, 10)]
    body = [{"section": "A", "content": [{"items": [{"text": "khoản", "content": [
        {"items": points}]}]}]}]
    assert labels(body)[2:] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "i)"]


def test_nested_bullets_use_plus():
    body = [{"section": "A", "content": [{"bullets": [{"text": "x", "content": [
        {"bullets": ["y"]}]}]}]}]
    assert labels(body) == ["I.", "-", "+"]


def test_numbering_deeper_than_points_is_refused():
    deep = {"items": [{"text": "a", "content": [{"items": ["too deep"]}]}]}
    body = [{"section": "A", "content": [{"items": [{"text": "1", "content": [deep]}]}]}]
    with pytest.raises(NumberingError) as caught:
        labels(body)
    assert caught.value.message_key == "too_deep"


def test_2017_numbering_slips_are_corrected(rendered):
    document = open_docx(rendered["kontum-2017"])
    texts = [p.text for p in document_paragraphs(document)]
    start = texts.index("III. NỘI DUNG THI ĐUA")
    end = texts.index("IV. TỔ CHỨC THỰC HIỆN")
    items = [t.split(" ", 1)[0] for t in texts[start + 1:end]]
    assert items == [f"{n}." for n in range(1, 11)]


def test_no_label_is_typed_in_the_data():
    import re
    label = re.compile(r"^([IVX]+\.|\d+\.|[a-zđ]\)|[-+])\s")
    for path in EXAMPLES:
        directive = Directive.model_validate(__import__("yaml").safe_load(path.read_text("utf-8")))
        for item in label_body(directive):
            node = item.node
            text = getattr(node, "section", None) or getattr(node, "text", None) or \
                (node if isinstance(node, str) else None)
            if text:
                assert not label.match(text), f"{path.name}: typed label in {text!r}"


def render_texts(tmp_path, data) -> list[str]:
    out = main.render(write_yaml(tmp_path / "in.yaml", data), tmp_path / "out.docx")
    return [p.text for p in document_paragraphs(open_docx(out))]


def test_special_characters_print_literally(tmp_path):
    risky = "Sở Kế hoạch & Đầu tư <b>không</b> > 5% \"x\" 'y' %} ]]>"
    data = directive_data(preamble=[risky], recipients=["A & B <C>"])
    texts = render_texts(tmp_path, data)
    assert risky in texts
    assert "- A & B <C>;" in texts
    with zipfile.ZipFile(tmp_path / "out.docx") as package:
        assert package.testzip() is None
        assert "&amp; Đầu tư &lt;b&gt;" in package.read("word/document.xml").decode()


def test_decomposed_input_is_normalised_to_nfc(tmp_path):
    data = directive_data(preamble=[unicodedata.normalize("NFD", "Phấn đấu hoàn thành")])
    text = unicodedata.normalize("NFD", write_yaml(tmp_path / "in.yaml", data).read_text())
    (tmp_path / "in.yaml").write_text(text, encoding="utf-8")
    out = main.render(tmp_path / "in.yaml", tmp_path / "out.docx")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "Phấn đấu hoàn thành" in xml
    assert unicodedata.is_normalized("NFC", xml)


def test_placeholders_number_date_and_parent(tmp_path):
    data = directive_data(issuer={"parent": "UBND tỉnh Kon Tum", "name": "Sở Nội vụ",
                                  "code": "SNV"})
    data["document"].update(number=5, date="2021-01-05", unit="TĐKT")
    texts = render_texts(tmp_path, data)
    assert "UBND TỈNH KON TUM" in texts and "SỞ NỘI VỤ" in texts
    assert "Số: 05/SNV-TĐKT" in texts
    assert "Đăk Hà, ngày 05 tháng 01 năm 2021" in texts
    assert "Thực hiện nhiệm vụ năm 2021" in texts
    assert any("chủ đề “Đoàn kết, sáng tạo”" in t for t in texts)


def test_typed_kind_prints_its_name_and_symbol(tmp_path):
    data = directive_data()
    data["document"].update(kind="Chỉ thị", number=12)
    data["document"].pop("unit")
    texts = render_texts(tmp_path, data)
    assert "Số: 12/CT-UBND" in texts
    assert "CHỈ THỊ" in texts and "Phát động phong trào thi đua" in texts


def test_indicators_are_printed_as_sentences(tmp_path):
    body = [{"section": "Chỉ tiêu", "content": [{"indicators": [
        {"name": "Tốc độ tăng GRDP", "qualifier": "đạt trên", "value": 12, "unit": "%"},
        {"name": "Tổng thu ngân sách", "qualifier": ":", "value": 3505, "unit": "tỷ đồng"},
        {"name": "Cơ cấu kinh tế", "parts": [
            {"name": "nông nghiệp", "qualifier": ":", "value": "24-25", "unit": "%"},
            {"name": "dịch vụ", "qualifier": ":", "value": [39, 40], "unit": "%"}]},
        {"text": "Có thêm {value} xã đạt chuẩn", "value": "03"},
        {"name": "Lao động qua đào tạo", "qualifier": "đạt", "value": 46.5, "unit": "%",
         "note": "trong đó nông thôn 30,5%"},
    ]}]}]
    texts = render_texts(tmp_path, directive_data(body=body))
    assert "- Tốc độ tăng GRDP đạt trên 12%;" in texts
    assert "- Tổng thu ngân sách: 3.505 tỷ đồng;" in texts
    assert "- Cơ cấu kinh tế: nông nghiệp: 24-25%, dịch vụ: 39-40%;" in texts
    assert "- Có thêm 03 xã đạt chuẩn;" in texts
    assert "- Lao động qua đào tạo đạt 46,5% (trong đó nông thôn 30,5%)." in texts
    document = open_docx(tmp_path / "out.docx")
    note = next(p for p in document.paragraphs if "nông thôn 30,5%" in p.text)
    assert [r.text for r in note.runs if r.italic] == ["trong đó nông thôn 30,5%"]


def test_closing_gets_the_end_mark_once(tmp_path):
    for closing in ("Thực hiện", "Thực hiện.", "Thực hiện./."):
        texts = render_texts(tmp_path, directive_data(closing=closing))
        assert "Thực hiện./." in texts
        (tmp_path / "out.docx").unlink()
