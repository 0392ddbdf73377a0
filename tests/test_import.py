"""thidua import: reference texts, our own .docx and PDFs, hand-typed .docx, bad input.

Every imported YAML must load with the loader and render; the checks compare the
rendered words, the imported model and the findings (warnings and unsure readings).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import unicodedata
import zipfile

import pytest
import yaml
from docx import Document
from pydantic import BaseModel

from conftest import DATA, EXAMPLES, REFERENCE, REPO, document_paragraphs, need, open_docx
from handtyped import DIRECTIVE, build_directive
from helpers import (
    REFERENCE_CASES, assert_same_words, corrected_reference, corrections, docx_words,
)
from legacy_text import iconv_available, tcvn3, tcvn3_capitals, vni
from thidua_docs import main
from thidua_docs.exceptions import InputFileError
from thidua_docs.importer import import_file, paragraphs, pdftext
from thidua_docs.loader import load_directive
from thidua_docs.structure import Directive, Indicator
from thidua_docs.text import expand

#: Fields a reference cannot hold: a link to a local calendar file, and (2017) the header
#: block, which the OCR text lacks and the data file reconstructed.
NOT_IN_REFERENCE = {
    "kontum-2020": {("calendar",)},
    "kontum-2017": {("calendar",), ("issuer",), ("document", "number"), ("document", "unit"),
                    ("document", "place"), ("document", "date"),
                    ("document", "blank_date")},
}


def thidua(*args, cwd=None, lang="vi"):
    env = {**os.environ, "THIDUA_LANG": lang, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, env=env, timeout=120)


def fields(value, path=()):
    """Every leaf of a model dump, by path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from fields(item, path + (key,))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from fields(item, path + (position,))
    else:
        yield path, value


def corrected(value, fixes):
    """*value* (a model dump) with the documented corrections applied to every string."""
    if isinstance(value, dict):
        return {key: corrected(item, fixes) for key, item in value.items()}
    if isinstance(value, list):
        return [corrected(item, fixes) for item in value]
    if isinstance(value, str):
        for old, new in fixes:
            value = value.replace(old, new)
    return value


def differing(imported: dict, expected: dict, excluded=frozenset()) -> list:
    a, b = dict(fields(imported)), dict(fields(expected))
    keep = [path for path in sorted(set(a) | set(b), key=str)
            if not any(path[:len(x)] == x for x in excluded)]
    return [(path, a.get(path), b.get(path)) for path in keep if a.get(path) != b.get(path)]


# --- the reference texts -----------------------------------------------------------------


@pytest.fixture(scope="module")
def references():
    return {name: import_file(REFERENCE / file) for name, (file, _) in REFERENCE_CASES.items()}


@pytest.mark.parametrize("data_file", REFERENCE_CASES)
def test_reference_imports_and_renders_to_its_own_words(data_file, references, tmp_path):
    """Reference → YAML → .docx: the words equal the reference's after the documented
    corrections, as test_reference_text holds the hand-written data files to.

    The corrections are applied where each belongs: the text slips (OCR) to the imported
    YAML's text, since the importer keeps the text as typed; the form ones (labels, the
    "./.", the ";" of an indicator, the Lưu line) come from the renderer. A header the
    reference lacks is not compared (the import writes placeholders there)."""
    has_header = REFERENCE_CASES[data_file][1]
    expected = corrected_reference(data_file, reconstructed=False)
    data = corrected(yaml.safe_load(references[data_file].yaml), corrections(data_file))
    source = tmp_path / "imported.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    actual = docx_words(main.render(source, tmp_path / "imported.docx"),
                        from_words=None if has_header else expected[:3])
    assert_same_words(actual, expected)


@pytest.mark.parametrize("data_file", REFERENCE_CASES)
def test_reference_yaml_equals_the_hand_written_file(data_file, references):
    """The imported model equals data/<file>.yaml field for field.

    The importer corrects nothing (it cannot know an OCR slip), so the honest comparison
    applies the corrections the data file documents ("old" → "new" at its top) to the
    imported text, then compares every field; the only fields left out are those the
    reference does not contain (NOT_IN_REFERENCE). Numbering slips and the Lưu line are no
    fields: labels are computed, the Lưu line is built from ``archive``.
    """
    imported = corrected(references[data_file].directive.model_dump(), corrections(data_file))
    expected = load_directive(DATA / f"{data_file}.yaml").model_dump()
    assert differing(imported, expected, NOT_IN_REFERENCE[data_file]) == []
    assert len(dict(fields(expected))) > 100


def test_reference_findings(references):
    """What differs from the typed text is reported, with its line."""
    def keys(name):
        return [(f.key, f.params.get("typed"), f.where) for f in references[name].findings]

    assert keys("kontum-2020") == [
        ("import_indicator_end", ".", ("line", 76)),
        ("import_archive_form", "VT - KTTH8.", None)]
    found_2017 = keys("kontum-2017")
    assert found_2017[0][0] == "import_no_header"  # reported, placeholders written
    assert [typed for key, typed, _ in found_2017 if key == "import_label"] == \
        ["3.", "4.", "5.", "6.", "7.", "8."]  # the numbering slip of section III
    # "TH3 *the*": the unit TH3 and its drafter's initials, said not printed
    assert ("import_archive_drafter", "VT - TH3 *the*", None) in found_2017
    header = references["kontum-2017"].directive
    assert header.issuer.name == ["[TÊN CƠ QUAN BAN HÀNH]"] and header.document.place == \
        "[Địa danh]"
    text = references["kontum-2017"].yaml
    assert "# ? không thấy phần đầu văn bản" in text


def test_reference_yaml_keeps_the_clerks_form(references):
    """Theme and anniversaries become placeholders; values keep their Vietnamese form."""
    text = references["kontum-2020"].yaml
    data = yaml.safe_load(text)
    assert "{anniversaries}" in data["preamble"][0] and "“{theme}”" in data["preamble"][1]
    assert len(data["anniversaries"]) == 4
    indicators = data["body"][1]["content"][0]["content"][0]["indicators"]
    assert [i.get("value") for i in indicators[3:4] + indicators[8:9] + indicators[12:]] == \
        ["3.505", "37,9", "03"]
    assert indicators[1]["parts"][0] == {"name": "khu vực Nông, Lâm nghiệp và Thuỷ sản",
                                         "qualifier": ":", "value": "24-25", "unit": "%"}
    assert "\n  subtitle: >-\n" in text  # long text folded as in the hand-written files


def test_a_markdown_copy_and_decomposed_unicode_import_the_same(references, tmp_path):
    markdown = tmp_path / "2017.md"
    markdown.write_text((REFERENCE / REFERENCE_CASES["kontum-2017"][0]).read_text("utf-8"),
                        encoding="utf-8")
    assert import_file(markdown).directive == references["kontum-2017"].directive
    decomposed = tmp_path / "2020-nfd.txt"
    decomposed.write_text(unicodedata.normalize(
        "NFD", (REFERENCE / REFERENCE_CASES["kontum-2020"][0]).read_text("utf-8")), "utf-8")
    result = import_file(decomposed)
    assert result.directive == references["kontum-2020"].directive
    assert unicodedata.is_normalized("NFC", result.yaml)


def test_wrapped_lines_and_page_breaks_join_into_paragraphs():
    lines = [paragraphs.Line(text, number, indent, gap) for number, (text, indent, gap) in
             enumerate([
                 ("Thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng - an", 1, 0),
                 ("ninh năm 2024, theo Chỉ thị số 18/CT-", 0, 1),
                 ("TTg của Thủ tướng Chính phủ.", 0, 1),
                 ("1. Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ", 1, 1),
                 ("thị số 34-CT/TW của Bộ Chính trị, với hình thức phong phú, đa dạng, nội", 0, 1),
                 ("dung cụ thể, thiết thực.", 0, 0),  # a page break: no blank line
                 ("2. Nâng cao chất lượng công tác thi đua.", 1, 1)], start=1)]
    joined = paragraphs.join_lines(lines)
    assert [p.text for p in joined] == [
        "Thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh năm "
        "2024, theo Chỉ thị số 18/CT-TTg của Thủ tướng Chính phủ.",
        "1. Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ thị số 34-CT/TW "
        "của Bộ Chính trị, với hình thức phong phú, đa dạng, nội dung cụ thể, thiết thực.",
        "2. Nâng cao chất lượng công tác thi đua."]
    assert [p.where for p in joined] == [("line", 1), ("line", 4), ("line", 7)]


# --- our own documents ---------------------------------------------------------------------


def canonical(directive: Directive) -> dict:
    """A directive as it prints: placeholders expanded ({year}, {theme}, {anniversaries}),
    each indicator as its wording and note (a structured and a ``text:`` indicator that
    print alike are alike), capitals where the renderer prints capitals; the calendar link,
    which prints nothing, and the fields printed only through placeholders, left out."""
    named = {"theme": directive.theme, "anniversaries": "; ".join(directive.anniversaries),
             "upcoming": "; ".join(directive.upcoming), "period": directive.period,
             "government_motto": directive.government_motto}

    def walk(value):
        if isinstance(value, Indicator):
            return {"indicator": expand(value.wording(), year=directive.year, named=named),
                    "note": value.note}
        if isinstance(value, BaseModel):
            return {key: walk(getattr(value, key)) for key in type(value).model_fields
                    if key not in ("calendar", "theme", "anniversaries", "upcoming",
                                   "government_motto")}
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, str):
            return expand(value, year=directive.year, named=named)
        return value

    data = walk(directive)
    upper = lambda text: text.upper() if text else text  # noqa: E731
    data["issuer"]["name"] = [upper(line) for line in data["issuer"]["name"]]
    data["issuer"]["parent"] = [upper(line) for line in data["issuer"]["parent"] or []]
    for key in ("on_behalf_of", "deputy_for", "title"):
        data["signature"][key] = upper(data["signature"][key])
    if directive.document.kind_code is None:
        data["document"]["title"] = upper(data["document"]["title"])
    for block in data["body"] + [a for a in data["appendices"]]:
        for key in ("section", "title"):
            if isinstance(block, dict) and key in block:
                block[key] = upper(block[key])
    return data


def paragraph_texts(path) -> list[str]:
    return [p.text for p in document_paragraphs(open_docx(path)) if p.text.strip()]


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_our_docx_round_trip(path, rendered, tmp_path):
    """render → import → render: the same text, paragraph by paragraph; the same directive
    (as it prints: see canonical); a second round changes nothing at all; nothing unsure."""
    name = path.stem
    result = import_file(rendered[name])
    assert result.findings == []
    source = tmp_path / f"{name}.yaml"
    source.write_text(result.yaml, encoding="utf-8")
    again = main.render(source, tmp_path / f"{name}.docx")
    assert paragraph_texts(again) == paragraph_texts(rendered[name])
    assert canonical(result.directive) == canonical(load_directive(path))
    assert import_file(again).directive == result.directive


@pytest.mark.parametrize("name", ["kontum-2020", "kontum-2017"])
def test_our_docx_imports_as_the_data_file(name, rendered):
    """Without placeholders to expand, the imported model is the data file's, field for field."""
    imported = import_file(rendered[name]).directive.model_dump()
    expected = load_directive(DATA / f"{name}.yaml").model_dump()
    assert differing(imported, expected, {("calendar",)}) == []


def without_emphasis(value):
    if isinstance(value, dict):
        return {key: without_emphasis(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_emphasis(item) for item in value]
    return value.replace("*", "") if isinstance(value, str) else value


@pytest.mark.pdf
@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_our_pdf_imports_as_the_data_file(path, pdfs):
    """pdftotext -layout: the header's columns split, page numbers and breaks dropped,
    wrapped lines joined, headings told from items without bold. Emphasis does not survive
    a PDF's text layer: the only difference allowed."""
    if load_directive(path).appendices:
        pytest.skip("a Phụ lục's table is not read back from a PDF's text layer (README: "
                    "out of reach); its .docx round-trips")
    imported = import_file(pdfs[path.stem])
    assert [f.key for f in imported.findings] in ([], ["import_issuer_split"])
    assert differing(without_emphasis(canonical(imported.directive)),
                     without_emphasis(canonical(load_directive(path)))) == []


def test_pdf_without_pdftotext_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(pdftext.shutil, "which", lambda name: None)
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\n")
    with pytest.raises(InputFileError) as error:
        import_file(tmp_path / "x.pdf")
    assert error.value.message_key == "import_no_pdftotext" and error.value.exit_code == 2


# --- documents typed by hand -------------------------------------------------------------


@pytest.mark.parametrize("header", ["table", "tabs", "paragraphs"])
@pytest.mark.parametrize("signature", ["table", "tabs"])
def test_handtyped_docx(header, signature, tmp_path):
    """Literal labels, direct formatting, the header in a table, after tabs or as plain
    paragraphs, the signature in a table or after tabs: the same directive each time."""
    result = import_file(build_directive(tmp_path / "tay.docx", header=header,
                                         signature=signature))
    assert result.directive == Directive.model_validate(DIRECTIVE)
    assert [(f.key, f.params) for f in result.findings] == [
        ("import_label", {"typed": "4.", "printed": "3."})]
    assert "# ! " in result.yaml and "số thứ tự gõ là '4.', khi in sẽ là '3.'" in result.yaml


def _encoder(kind):
    """Each run typed in a legacy font: TCVN3 (capitals in .VnTimeH), VNI, or mixed
    run by run (TCVN3, VNI, Unicode in turn)."""
    turn = iter(range(10 ** 6))

    def encode(text, capitals):
        choice = kind if kind != "mixed" else ("tcvn3", "vni", "unicode")[next(turn) % 3]
        if choice == "tcvn3":
            return (tcvn3_capitals(text), ".VnTimeH") if capitals else (tcvn3(text), ".VnTime")
        if choice == "vni":
            return vni(text), "VNI-Times"
        return text, "Times New Roman"

    return encode


@pytest.mark.parametrize("kind", ["tcvn3", "vni", "mixed"])
def test_legacy_docx_imports_as_unicode(kind, tmp_path):
    need(iconv_available(), "iconv is not installed")
    result = import_file(build_directive(tmp_path / "cu.docx", encode=_encoder(kind)))
    assert result.directive == Directive.model_validate(DIRECTIVE)
    assert set(result.legacy.counts) == ({"tcvn3", "vni"} if kind == "mixed" else {kind})


# --- bad input -----------------------------------------------------------------------------


def _novel(path):
    document = Document()
    document.add_heading("Chương 1. Mùa thu năm ấy", level=1)
    for text in ("Trời đã vào thu. Những cơn gió heo may thổi qua con phố nhỏ, mang theo "
                 "mùi hoa sữa nồng nàn.", "Cô đứng bên cửa sổ, nhìn dòng người qua lại. "
                 "Đã ba năm kể từ ngày anh đi.", "“Rồi anh sẽ về,” cô tự nhủ."):
        document.add_paragraph(text)
    document.save(path)


def _rendered_bytes(path) -> bytes:
    full = main.render(DATA / "kontum-2020.yaml", path.with_name("full.docx"))
    data = full.read_bytes()
    full.unlink()
    return data


def _damaged(path):
    """A .docx whose document part fails its checksum."""
    data = bytearray(_rendered_bytes(path))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 50
    data[start:start + 40] = bytes(40)
    path.write_bytes(bytes(data))


def _truncated(path):
    path.write_bytes(_rendered_bytes(path)[:4000])


BAD = {
    "empty.txt": (lambda p: p.write_bytes(b""), "trống"),
    "empty.docx": (lambda p: p.write_bytes(b""), "tệp trống"),
    "blank.md": (lambda p: p.write_text("\n  \n\n", "utf-8"), "trống"),
    "novel.docx": (_novel, "không giống một văn bản phát động thi đua"),
    "photo.txt": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
                  "nhị phân"),
    "damaged.invalid.docx": (_damaged, "bị hỏng"),  # .invalid: the OOXML audit skips it
    "truncated.docx": (_truncated, "không phải tệp .docx"),
    "zip.docx": (lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"), "không phải văn bản"),
    "old.doc": (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), "Không ghi tệp nào"),
    "missing.txt": (lambda p: None, "Không tìm thấy"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_refused_and_nothing_written(name, tmp_path):
    make, words = BAD[name]
    source = tmp_path / name
    make(source)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = thidua("import", str(source), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# --- the command line ---------------------------------------------------------------------


def test_import_command_writes_yaml_and_a_summary(tmp_path):
    source = tmp_path / "nam-2020.txt"
    source.write_bytes((REFERENCE / REFERENCE_CASES["kontum-2020"][0]).read_bytes())
    result = thidua("import", str(source))
    assert result.returncode == 0, result.stderr
    written = tmp_path / "nam-2020.yaml"
    assert result.stdout.splitlines()[0] == f"Đã ghi {written}."
    assert "4 mục" in result.stdout and "13 chỉ tiêu (13 tách được giá trị)" in result.stdout
    assert "Sẽ in khác bản gốc (2):" in result.stdout
    assert "dòng 76: chỉ tiêu" in result.stdout
    assert thidua("validate", str(written)).returncode == 0

    again = thidua("import", str(source))
    assert again.returncode == 1 and "--force" in again.stderr
    assert thidua("--lang", "en", "import", str(source), "-o", str(tmp_path / "en.yaml"),
                  "--force").stdout.startswith("Wrote ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.yaml", "nam-2020.txt",
                                                          "nam-2020.yaml"]


PORTAL = """\
UỶ BAN NHÂN DÂN
HUYỆN ĐĂK TÔ
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 25/UBND-NV
V/v phát động phong trào thi đua
năm 2023
Đăk Tô, ngày 15 tháng 02 năm 2023

Kính gửi: Các cơ quan, đơn vị trên địa bàn huyện.

Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện phát động phong trào thi \
đua năm 2023 với chủ đề "Đoàn kết, kỷ cương, sáng tạo", như sau:
I. MỤC TIÊU
Hoàn thành các chỉ tiêu kinh tế - xã hội năm 2023.
II. CHỈ TIÊU
Các chỉ tiêu chủ yếu: (1) Tốc độ tăng giá trị sản xuất đạt 9%; (2) Thu ngân sách trên địa \
bàn đạt 120 tỷ đồng; (3) Tỷ lệ hộ nghèo giảm 4%.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Nội vụ theo dõi, tổng hợp kết quả.
2. Các cơ quan, đơn vị báo cáo trước ngày 15/12/2023.
Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị triển khai thực hiện./.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Lê Văn An
Nơi nhận:
- UBND tỉnh (b/c);
- Các cơ quan, đơn vị;
- Lưu: VT, NV.
"""


def test_a_text_copied_from_a_portal(tmp_path):
    """One paragraph per line, V/v over two lines, Kính gửi on one line, an inline list,
    the signature above Nơi nhận with "(Đã ký)"; a công văn: its V/v is its trích yếu (no
    title placeholder) and gives the year."""
    source = tmp_path / "cong-van.txt"
    source.write_text(PORTAL, encoding="utf-8")
    result = import_file(source)
    data = yaml.safe_load(result.yaml)
    assert data["issuer"] == {"name": ["UỶ BAN NHÂN DÂN", "HUYỆN ĐĂK TÔ"], "code": "UBND"}
    assert data["document"] == {
        "kind": "công văn", "number": 25, "unit": "NV", "place": "Đăk Tô",
        "date": dt.date(2023, 2, 15), "summary": "phát động phong trào thi đua năm 2023"}
    assert data["year"] == 2023
    assert data["addressees"] == ["Các cơ quan, đơn vị trên địa bàn huyện"]
    assert data["theme"] == "Đoàn kết, kỷ cương, sáng tạo"
    assert data["body"][1]["content"][0] == "Các chỉ tiêu chủ yếu:"
    assert [i["unit"] for i in data["body"][1]["content"][1]["indicators"]] == \
        ["%", "tỷ đồng", "%"]
    assert data["signature"] == {"authority": "TM.", "on_behalf_of": "ỦY BAN NHÂN DÂN",
                                 "deputy_for": "CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                                 "name": "Lê Văn An"}
    assert data["recipients"] == ["UBND tỉnh (b/c)", "Các cơ quan, đơn vị"]
    assert data["archive"] == ["VT", "NV"]
    assert [f.key for f in result.unsure] == []
    assert data["body"][1]["content"][1]["form"] == "inline"  # printed as typed, no warning
    assert [f.key for f in result.warnings] == ["import_signed_note"]


def test_word_automatic_numbering_reads_as_labels(tmp_path):
    """Lists numbered by Word itself (List Number, List Bullet) carry no label in their
    text; the importer reads the numbering and places them as typed labels. A body left
    unjustified does not make the lines above Nơi nhận a signature."""
    document = Document()
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Số: 3/UBND-VP", "Kon Tum, ngày 02 tháng 01 năm 2024",
                 "PHÁT ĐỘNG PHONG TRÀO THI ĐUA NĂM 2024",
                 "Ủy ban nhân dân phát động phong trào thi đua như sau:", "I. MỤC TIÊU"):
        document.add_paragraph(text)
    for text in ("Hoàn thành nhiệm vụ.", "Xây dựng cơ quan vững mạnh."):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("II. NỘI DUNG")
    for text in ("Thi đua lao động giỏi;", "Thi đua tiết kiệm."):
        document.add_paragraph(text, style="List Bullet")
    for text in ("Đề nghị các đơn vị thực hiện./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT."):
        document.add_paragraph(text)
    document.save(tmp_path / "tu-dong.docx")
    result = import_file(tmp_path / "tu-dong.docx")
    data = yaml.safe_load(result.yaml)
    assert data["body"] == [
        {"section": "Mục tiêu", "content": [
            {"items": ["Hoàn thành nhiệm vụ.", "Xây dựng cơ quan vững mạnh."]}]},
        {"section": "Nội dung", "content": [
            {"bullets": ["Thi đua lao động giỏi;", "Thi đua tiết kiệm."]}]}]
    assert data["closing"] == "Đề nghị các đơn vị thực hiện"
    assert data["document"]["title"] == "PHÁT ĐỘNG PHONG TRÀO THI ĐUA NĂM 2024"
    assert data["year"] == 2024
    assert {f.key for f in result.unsure} == {"import_no_issuer", "import_no_signer",
                                             "import_no_signer_title"}


def test_a_cong_van_without_title_renders_without_one(tmp_path):
    """Its V/v under the number is its trích yếu: no title paragraph (not even an empty one)
    between the header and Kính gửi; a typed kind without title is refused."""
    source = tmp_path / "cong-van.txt"
    source.write_text(PORTAL, encoding="utf-8")
    written = tmp_path / "cong-van.yaml"
    written.write_text(import_file(source).yaml, encoding="utf-8")
    document = open_docx(main.render(written, tmp_path / "cong-van.docx"))
    shown = [(p.style.style_id, " ".join(p.text.split())) for p in document_paragraphs(document)]
    styles = [style for style, _ in shown]
    assert "ND30Title" not in styles
    assert styles[styles.index("ND30PlaceDate") + 1] == "ND30Addressee"
    assert ("ND30Summary", "V/v phát động phong trào thi đua năm 2023") in shown
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    data["document"]["kind"] = "kế hoạch"
    data["document"].pop("summary")
    with pytest.raises(Exception) as error:
        Directive.model_validate(data)
    assert "title_of_typed_kind" in str(error.value)


def test_a_bold_label_run_keeps_its_paragraph(tmp_path):
    """"**1.** Căn cứ nội dung ...": only the label is bold; the paragraph is an item with
    its whole text, not a bare label dropped."""
    document = Document()
    document.add_paragraph("Số: 12/KH-UBND")
    document.add_paragraph("Kon Tum, ngày 05 tháng 01 năm 2024")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tổ chức thực hiện năm 2024")
    document.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    for number, text in ((1, "Căn cứ nội dung Kế hoạch, các sở triển khai."),
                         (2, "Giao Sở Nội vụ theo dõi, đôn đốc.")):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{number}.").bold = True
        paragraph.add_run(f" {text}")
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Như trên;")
    document.add_paragraph("- Lưu: VT.")
    document.save(tmp_path / "kh.docx")
    result = import_file(tmp_path / "kh.docx")
    items = result.directive.body[0].content[0].items
    assert [item for item in items] == ["Căn cứ nội dung Kế hoạch, các sở triển khai.",
                                        "Giao Sở Nội vụ theo dõi, đôn đốc."]
    assert "import_bare_label" not in [f.key for f in result.findings]
