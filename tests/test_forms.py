"""The forms a directive takes: kinds, signing authorities, the V/v line, the
urgency mark and the "Kính gửi:" block, rendered and read back from the .docx."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from conftest import need, pdf_text
from helpers import directive_data, render
from thidua_docs import decree, layout, messages
from thidua_docs.exceptions import InvalidInputError
from thidua_docs.layout.metrics import longest_line_pt, text_width_pt
from thidua_docs.loader import parse_directive
from thidua_docs.structure import Signature

# --- signing forms ---------------------------------------------------------------------------

SIGNATURES = {
    "collective": ({"authority": "TM.", "on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch"},
                   ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    "collective, deputy": ({"authority": "TM.", "on_behalf_of": "Ủy ban nhân dân",
                            "deputy_for": "Chủ tịch", "title": "Phó Chủ tịch"},
                           ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    "deputy": ({"authority": "KT", "on_behalf_of": "Chủ tịch", "title": "Phó Chủ tịch"},
               ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    "acting": ({"authority": "q.", "on_behalf_of": "Chủ tịch"}, ["Q. CHỦ TỊCH"]),
    "by order": ({"authority": "TL.", "on_behalf_of": "Chủ tịch", "title": "Chánh Văn phòng"},
                 ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
    "delegated": ({"authority": "TUQ.", "on_behalf_of": "Giám đốc",
                   "title": "Trưởng phòng Tổ chức cán bộ"},
                  ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ"]),
}


@pytest.mark.parametrize("form", SIGNATURES)
def test_signing_form_prints_its_lines_then_the_name(form, tmp_path):
    fields, lines = SIGNATURES[form]
    doc = render(tmp_path, directive_data(signature={**fields, "name": "Nguyễn Văn A"}))
    signer_cell = doc.find(lines[0])._p.getparent()
    column = [p for p in doc.paragraphs if p._p.getparent() is signer_cell]
    assert [p.text for p in column] == lines + ["Nguyễn Văn A"]
    for paragraph in column[:-1]:
        doc.assert_element(paragraph, "signer_title")
        # each line stays on one line of the signature column
        assert doc.line_width_cm(paragraph) < doc.text_area_cm(paragraph)
    doc.assert_element(column[-1], "signer_name")
    assert lines[0].split()[0] in decree.AUTHORITY_PREFIXES


def test_acting_head_needs_only_the_office():
    signature = Signature.model_validate({"authority": "Q.", "on_behalf_of": "Giám đốc",
                                          "name": "Trần Văn B"})
    assert signature.lines() == ["Q. GIÁM ĐỐC"]


# --- invalid forms: every message in Vietnamese and English --------------------------------

def _signature(**fields):
    return {"name": "Nguyễn Văn A", **fields}


INVALID = {
    "acting head with a title": (
        {"signature": _signature(authority="Q.", on_behalf_of="Chủ tịch", title="Chủ tịch")},
        "signature", "hãy xóa 'title'", "remove 'title'"),
    "TM. without the signer's title": (
        {"signature": _signature(authority="TM.", on_behalf_of="Ủy ban nhân dân")},
        "signature", "thiếu chức vụ", "'title' is missing"),
    "KT. line under KT.": (
        {"signature": _signature(authority="KT.", on_behalf_of="Chủ tịch", deputy_for="Chủ tịch",
                                 title="Phó Chủ tịch")},
        "signature", "dưới TM. hoặc TL.", "only under TM. or TL."),
    "authority without office": (
        {"signature": _signature(authority="TM.", title="Chủ tịch")},
        "signature", "'TM.' cần 'on_behalf_of'", "'TM.' needs 'on_behalf_of'"),
    "office without authority": (
        {"signature": _signature(on_behalf_of="Ủy ban nhân dân", title="Chủ tịch")},
        "signature", "cần 'authority'", "needs 'authority'"),
    "unknown urgency": (
        {"document": {"urgency": "gấp"}}, "document.urgency", "không hiểu mức độ khẩn 'gấp'",
        "unknown urgency 'gấp'"),
    "V/v line on a typed kind": (
        {"document": {"kind": "KH", "summary": "phát động thi đua", "unit": None}}, "document",
        "chỉ dùng cho công văn", "for a công văn only"),
}


def _invalid_yaml(changes: dict) -> str:
    data = directive_data()
    for key, value in changes.items():
        if key == "document":
            data["document"].update(value)
            data["document"] = {k: v for k, v in data["document"].items() if v is not None}
        else:
            data[key] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("case", INVALID)
def test_invalid_form_is_refused_with_a_translated_message(case):
    changes, field, vietnamese, english = INVALID[case]
    text = _invalid_yaml(changes)
    try:
        for lang, words in (("vi", vietnamese), ("en", english)):
            messages.set_language(lang)
            with pytest.raises(InvalidInputError) as caught:
                parse_directive(text, "in.yaml")
            problems = caught.value.problems
            assert [p.field for p in problems] == [field]
            assert words in problems[0].message, problems[0].message
            assert problems[0].line is not None
    finally:
        messages.set_language("vi")


# --- kinds: công văn with its V/v line, typed kinds with the line under the trích yếu ------

def test_cong_van_prints_v_v_under_the_number(tmp_path):
    data = directive_data()
    data["document"].update(number=7, summary="V/v phát động thi đua năm {year}")
    doc = render(tmp_path, data)
    number = doc.find("Số: 07/UBND-VX")
    summary = doc.find("V/v phát động thi đua năm 2021")  # the typed "V/v" is not doubled
    assert summary._p.getparent() is number._p.getparent()
    assert summary._p.getprevious() is number._p
    doc.assert_element(summary, "summary")
    fmt = doc.resolver.paragraph(summary)
    assert fmt.alignment == "center" and fmt.space_before_pt == 6
    # No line under a công văn's title block.
    subtitle = doc.find("Thực hiện nhiệm vụ năm 2021")
    assert not doc.resolver.paragraph(subtitle._p.getnext()).has_top_border


@pytest.mark.parametrize("kind, code, name", [("Kế hoạch", "KH", "KẾ HOẠCH"),
                                              ("CT", "CT", "CHỈ THỊ"),
                                              ("quyết định", "QĐ", "QUYẾT ĐỊNH")])
def test_typed_kind_prints_name_trich_yeu_and_a_short_line(kind, code, name, tmp_path):
    data = directive_data()
    data["document"].update(kind=kind, number=3, title="Phát động phong trào thi đua năm {year}")
    data["document"].pop("subtitle")
    data["document"].pop("unit")
    doc = render(tmp_path, data)
    assert doc.find(f"Số: 03/{code}-UBND")
    title = doc.find(name)
    doc.assert_element(title, "title")
    subject = doc.find("Phát động phong trào thi đua năm 2021")
    assert subject._p.getprevious() is title._p
    doc.assert_element(subject, "subtitle")
    rule = doc.rule_under(subject)
    low, high = decree.SUBJECT_RULE_FRACTION
    assert low * doc.line_width_cm(subject) <= doc.text_area_cm(rule) \
        <= high * doc.line_width_cm(subject)
    doc.assert_centred(rule)


def test_line_under_a_long_trich_yeu_follows_its_longest_line(tmp_path):
    data = directive_data()
    long_title = ("Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế "
                  "- xã hội, bảo đảm quốc phòng - an ninh và xây dựng hệ thống chính trị năm "
                  "{year}")
    data["document"].update(kind="KH", title=long_title)
    data["document"].pop("unit")
    doc = render(tmp_path, data)
    subject, subtitle = doc.with_style("ND30Subject")
    rule = doc.rule_under(subtitle)
    area_cm = doc.area_width_cm(rule)
    assert doc.line_width_cm(subject) > area_cm  # the trích yếu wraps
    assert doc.text_area_cm(rule) <= decree.SUBJECT_RULE_FRACTION[1] * area_cm
    assert doc.text_area_cm(rule) >= decree.SUBJECT_RULE_FRACTION[0] * 0.8 * area_cm


def test_longest_line_breaks_between_words():
    size = 14
    one = text_width_pt("aaaa", size)
    space = text_width_pt(" ", size)
    assert longest_line_pt("aaaa aaaa aaaa", size, 2 * one + space) == pytest.approx(2 * one + space)
    assert longest_line_pt("aaaa", size, 1000) == pytest.approx(one)
    assert longest_line_pt("aaaa" * 20, size, one) == pytest.approx(one)  # capped


# --- urgency ---------------------------------------------------------------------------------

@pytest.mark.parametrize("written, printed", [("khẩn", "KHẨN"), ("Thượng  khẩn", "THƯỢNG KHẨN"),
                                              ("HỎA TỐC", "HỎA TỐC"), ("hoả tốc", "HỎA TỐC")])
def test_urgency_mark_is_a_red_box_round_the_word(written, printed, tmp_path):
    data = directive_data()
    data["document"]["urgency"] = written
    doc = render(tmp_path, data)
    mark = doc.find(printed)
    number = next(p for p in doc.paragraphs if p.text.startswith("Số:"))
    assert mark._p.getparent() is number._p.getparent()  # the left header cell
    assert mark._p.getprevious() is number._p
    doc.assert_element(mark, "urgency")
    assert {run.color for run in doc.runs(mark)} == {layout.URGENCY_COLOR}
    doc.assert_hugging_box(mark, layout.URGENCY_COLOR)


@pytest.mark.pdf
def test_urgency_marks_print_on_one_line(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    need(soffice is not None, "LibreOffice (soffice) is not installed")
    need(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed")
    names = [level.replace(" ", "-") for level in decree.URGENCY_LEVELS]
    for level, name in zip(decree.URGENCY_LEVELS, names):
        data = directive_data()
        data["document"].update(urgency=level, summary="phát động phong trào thi đua yêu nước "
                                "năm {year} trên địa bàn toàn huyện")
        render(tmp_path, data, name=name)
    docx = [tmp_path / f"{name}.docx" for name in names]
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docx)],
                   check=True, capture_output=True, timeout=300)
    for level, name in zip(decree.URGENCY_LEVELS, names):
        page = pdf_text(tmp_path / f"{name}.pdf", 1)
        assert level.upper() in [line.strip() for line in page.splitlines()]


# --- Kính gửi ------------------------------------------------------------------------------

def test_one_addressee_on_the_label_line(tmp_path):
    doc = render(tmp_path, directive_data(addressees=["Ủy ban nhân dân các xã, thị trấn;"]))
    line = doc.find("Kính gửi: Ủy ban nhân dân các xã, thị trấn.")
    doc.assert_element(line, "addressee")
    assert line._p.getprevious() is doc.find("Thực hiện nhiệm vụ năm 2021")._p


def test_several_addressees_align_under_the_text_after_the_label(tmp_path):
    names = ["Các phòng, ban chuyên môn thuộc UBND huyện", "- UBND các xã, thị trấn",
             "Các trường học trên địa bàn huyện."]
    doc = render(tmp_path, directive_data(addressees=names))
    label = doc.find("Kính gửi:")
    lines = [doc.find("- Các phòng, ban chuyên môn thuộc UBND huyện;"),
             doc.find("- UBND các xã, thị trấn;"), doc.find("- Các trường học trên địa bàn huyện.")]
    indent_cm = text_width_pt("Kính gửi: ", 14) / 72 * 2.54
    label_fmt = doc.resolver.paragraph(label)
    assert label_fmt.left_cm > 0
    previous = label
    for line in lines:
        assert line._p.getprevious() is previous._p
        doc.assert_element(line, "addressee")
        assert doc.resolver.paragraph(line).left_cm == pytest.approx(label_fmt.left_cm + indent_cm,
                                                                     abs=0.01)
        previous = line
    assert lines[-1]._p.getnext() is doc.find(
        "Ủy ban nhân dân huyện phát động phong trào thi đua với chủ đề “Đoàn kết, sáng tạo”.")._p
