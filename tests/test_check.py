"""thidua check on our own output, on hand-typed documents and on bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import EXAMPLES, REPO, open_docx
from handtyped import build
from thidua_docs.check import REGISTRY, check_document

NAMES = [path.stem for path in EXAMPLES]


def thidua(*args, lang="vi"):
    env = {**os.environ, "THIDUA_LANG": lang, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.mark.parametrize("name", NAMES)
def test_every_rendered_example_conforms(name, rendered):
    findings = check_document(rendered[name])
    assert findings == [], [(f.rule, f.where, f.expected, f.found) for f in findings]


def test_hand_typed_document_in_a_table(tmp_path):
    findings = check_document(build(tmp_path / "clerk.docx"))
    assert [(f.rule, f.found) for f in findings] == [("LABELS", "3. lặp lại")]
    assert findings[0].expected == "5." and "Nội dung thi đua số 5" in findings[0].where


def test_hand_typed_document_with_tabbed_header(tmp_path):
    findings = check_document(build(tmp_path / "clerk.docx", header="tabs",
                                    labels=("1.", "2.", "3.")))
    assert findings == [], [(f.rule, f.where, f.found) for f in findings]


def test_hand_typed_mistakes_are_found(tmp_path):
    path = build(tmp_path / "clerk.docx", header="tabs", motto="Độc lập-Tự do-Hạnh phúc",
                 labels=("1.", "3."), body_size=12)
    rules = {f.rule for f in check_document(path)}
    assert rules == {"TIEU-NGU", "LABELS", "BODY-SIZE"}


def test_header_in_text_boxes_is_found(tmp_path, rendered):
    """Move the header table's cells into text boxes; the parts are still found."""
    from docx import Document
    from docx.oxml import parse_xml
    from lxml import etree

    document = Document(rendered["mau-phat-dong"])
    table = document.tables[0]
    for cell in (table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)):
        paragraphs = "".join(etree.tostring(p._p, encoding="unicode") for p in cell.paragraphs)
        table._tbl.addprevious(parse_xml(
            '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
            f'<v:shape style="width:{cell.width.pt}pt;height:40pt"><v:textbox>'
            f'<w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict>'
            '</w:r></w:p>'))
    table._tbl.getparent().remove(table._tbl)
    path = tmp_path / "textboxes.docx"
    document.save(path)
    findings = check_document(path)
    assert findings == [], [(f.rule, f.where, f.found) for f in findings]


def test_rules_are_listed_with_explanations():
    result = thidua("check", "--rules")
    assert result.returncode == 0
    for code in REGISTRY:
        assert code in result.stdout
    assert len(REGISTRY) >= 20
    english = thidua("--lang", "en", "check", "--rules").stdout
    assert "Times New Roman only" in english


def test_cli_exit_codes_and_json(tmp_path, rendered):
    clean = rendered["kontum-2020"]
    result = thidua("check", str(clean))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "đạt thể thức" in result.stdout

    dirty = build(tmp_path / "clerk.docx")
    result = thidua("check", str(dirty))
    assert result.returncode == 1
    assert "[LABELS]" in result.stdout and "5." in result.stdout

    result = thidua("check", "--json", str(clean), str(dirty))
    report = [json.loads(line) for line in result.stdout.splitlines()]  # JSON Lines
    assert result.returncode == 1
    statuses = {entry["input"]: entry["status"] for entry in report}
    assert statuses == {str(clean): "ok", str(dirty): "findings"}
    finding = report[1]["findings"][0]
    assert set(finding) == {"rule", "where", "expected", "found", "paragraph", "count"}
    assert finding["rule"] == "LABELS" and isinstance(finding["paragraph"], int)


def test_folder_is_checked_recursively(tmp_path, rendered):
    (tmp_path / "sub").mkdir()
    build(tmp_path / "sub" / "clerk.docx")
    (tmp_path / "a.docx").write_bytes(rendered["kontum-2017"].read_bytes())
    (tmp_path / "notes.txt").write_text("not checked")
    result = thidua("check", "--json", str(tmp_path))
    files = {os.path.basename(e["input"]): e["status"]
             for e in map(json.loads, result.stdout.splitlines())}
    assert files == {"a.docx": "ok", "clerk.docx": "findings"}


def _zip_without_document(path):
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "xin chào")


def _truncated(path, rendered):
    data = rendered["kontum-2020"].read_bytes()
    path.write_bytes(data[: len(data) // 2])


BAD_FILES = {
    "not a zip": (lambda p, r: p.write_text("Đây là văn bản thường"), "không phải tệp .docx"),
    "zip but not docx": (lambda p, r: _zip_without_document(p), "không phải văn bản Word"),
    "truncated": (_truncated, "không phải tệp .docx"),
    "empty": (lambda p, r: p.write_bytes(b""), "tệp trống"),
    "password-protected": (lambda p, r: p.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le")),
        "mật khẩu"),
    "old .doc": (lambda p, r: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
                 ".doc cũ"),
    "damaged member": (lambda p, r: _damaged(p, r), "bị hỏng"),
}


def _damaged(path, rendered):
    """A valid zip whose document.xml is not XML."""
    with zipfile.ZipFile(rendered["kontum-2020"]) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, b"<w:document>broken" if item.filename == "word/document.xml"
                         else data)


@pytest.mark.parametrize("name", BAD_FILES)
def test_unreadable_files_exit_2_with_a_clear_message(name, tmp_path, rendered):
    make, words = BAD_FILES[name]
    path = tmp_path / "bad.invalid.docx"  # broken on purpose: the OOXML audit skips it
    make(path, rendered)
    result = thidua("check", str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert words in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_file_does_not_hide_the_others(tmp_path, rendered):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"")
    result = thidua("check", "--json", str(bad), str(rendered["kontum-2020"]))
    report = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 2
    assert [entry["status"] for entry in report] == ["error", "ok"]
    assert [e["code"] for e in report[0]["errors"]] == ["check_empty"]


def test_select_ignore_and_explain(tmp_path):
    path = build(tmp_path / "clerk.docx", header="tabs", motto="Độc lập-Tự do-Hạnh phúc",
                 labels=("1.", "3."), body_size=12)
    assert {f.rule for f in check_document(path, select=["BODY"])} == {"BODY-SIZE"}
    assert {f.rule for f in check_document(path, ignore=["TIEU", "LABELS"])} == {"BODY-SIZE"}
    result = thidua("check", "--select", "BODY", "--json", str(path))
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["BODY-SIZE"]
    wrong = thidua("check", "--select", "NO-SUCH", str(path))
    assert wrong.returncode == 2 and "NO-SUCH" in wrong.stderr
    for code in REGISTRY:
        explained = thidua("check", "--explain", code.lower())
        assert explained.returncode == 0 and explained.stdout.startswith(code)
        assert all(word in explained.stdout for word in ("Vì sao", "Quy định", "Đúng", "Sai"))
    english = thidua("--lang", "en", "check", "--explain", "LUU").stdout
    assert "Why:" in english and "- Lưu: VT, NC." in english


def test_one_cause_is_one_finding_with_a_count(tmp_path):
    path = build(tmp_path / "clerk.docx", body_size=12)
    sizes = [f for f in check_document(path) if f.rule == "BODY-SIZE"]
    assert len(sizes) == 1 and sizes[0].count >= 5  # every body paragraph, said once
    result = thidua("check", str(path))
    assert "chỗ khác cùng lỗi" in result.stdout


def test_word_all_caps_counts_as_capitals(tmp_path, rendered):
    from docx.oxml import OxmlElement

    document = open_docx(rendered["mau-phat-dong"])
    national = next(p for p in document.paragraphs if p.text.startswith("PHÁT ĐỘNG"))
    for run in national.runs:
        run.text = run.text.lower()
        run._r.get_or_add_rPr().append(OxmlElement("w:caps"))
    path = tmp_path / "caps.docx"
    document.save(path)
    assert check_document(path) == []


def test_out_of_scope_documents_are_said_so_and_not_scored(tmp_path, rendered):
    document = open_docx(rendered["mau-phat-dong"])
    number = next(p for p in _all_paragraphs(document) if p.text.startswith("Số:"))
    number.runs[0].text = "Số: 30/2020/NĐ-CP"
    for run in number.runs[1:]:
        run.text = ""
    path = tmp_path / "qppl.docx"
    document.save(path)
    result = thidua("check", "--json", str(path))
    record = json.loads(result.stdout)
    assert result.returncode == 0 and record["status"] == "out-of-scope"
    assert "quy phạm pháp luật" in record["reason"] and record["findings"] == []


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
