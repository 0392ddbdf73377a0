"""``thidua lint-template``: every finding with its part and paragraph, on real templates
made from the bundled one; what it finds is what ``render`` refuses."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from conftest import DATA, REPO

TEMPLATE = REPO / "thidua_docs" / "templates" / "phat_dong.docx"


def thidua(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def variant(path: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """The bundled template with (old, new) replacements in the parts named."""
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) \
            as target:
        for info in source.infolist():
            data = source.read(info)
            for old, new in edits.get(info.filename, []):
                text = data.decode("utf-8")
                assert old in text, (info.filename, old)
                data = text.replace(old, new, 1).encode("utf-8")
            target.writestr(info, data)
    return path


def paragraph_text(path: Path, part: str, number: int) -> str:
    """The text of paragraph *number* (1-based, reading order) of *part*, read with
    python-docx: the paragraph a finding names."""
    document = Document(str(path))
    if part == "document":
        root = document.element.body
    else:
        with zipfile.ZipFile(path) as package:
            from lxml import etree

            root = etree.fromstring(package.read(f"word/{part}.xml"))
    paragraphs = list(root.iter(qn("w:p")))
    return "".join(t.text or "" for t in paragraphs[number - 1].iter(qn("w:t")))


def test_the_bundled_template_is_clean():
    result = thidua("lint-template", str(TEMPLATE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mẫu dùng được" in result.stdout


def test_each_finding_names_its_part_and_paragraph(tmp_path):
    header = next(n for n in zipfile.ZipFile(TEMPLATE).namelist() if n.startswith("word/header"))
    header_xml = zipfile.ZipFile(TEMPLATE).read(header).decode("utf-8")
    header_edit = ("</w:hdr>", "<w:p><w:r><w:t>{{ ''.__class__ }}</w:t></w:r></w:p></w:hdr>")
    assert header_edit[0] in header_xml
    bad = variant(tmp_path / "bad.docx", {
        "word/document.xml": [
            ("{{ title }}", "{{ titel }}"),
            ("{{ summary }}", "{{ summary.__init__ }}"),
            ("{%p if urgency %}", "{%p if urgency %}{% for x in recipients %}"),
            ("{{ signer_name }}", "{{ signer_name | }}"),
        ],
        header: [header_edit],
    })
    result = thidua("--lang", "en", "lint-template", str(bad), "--json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    by_code = {f["code"]: f for f in findings}
    assert set(by_code) >= {"T001", "T002", "T003", "T004"}, findings
    assert by_code["T004"]["detail"] == "titel"
    assert {(f["part"], f["detail"]) for f in findings if f["code"] == "T001"} == \
        {("document", "__init__"), (header[5:-4], "__class__")}
    for finding in findings:
        assert finding["paragraph"], finding
        tag = finding["tag"]
        assert tag in paragraph_text(bad, finding["part"], finding["paragraph"]), finding
        assert f"paragraph {finding['paragraph']}" in finding["message"]
    text = thidua("lint-template", str(bad))
    assert text.returncode == 1 and "[T001]" in text.stdout and "đầu trang" in text.stdout
    assert "4 điều cần sửa" in text.stderr or "điều cần sửa" in text.stderr


def test_a_tag_split_across_runs_is_reported_and_still_renders(tmp_path):
    split = variant(tmp_path / "split.docx", {"word/document.xml": [
        ("{{ title }}", "{{ ti</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tle }}")]})
    result = thidua("--lang", "en", "lint-template", str(split), "--json")
    findings = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in findings] == ["T006"], findings
    assert findings[0]["tag"] == "{{ title }}"
    assert "title" in paragraph_text(split, "document", findings[0]["paragraph"])
    out = tmp_path / "out.docx"
    rendered = thidua("render", str(DATA / "kontum-2020.yaml"), "-o", str(out),
                      "--template", str(split))
    assert rendered.returncode == 0, rendered.stderr
    text = "\n".join(p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs)
    assert "KẾ HOẠCH" in text or "PHÁT ĐỘNG" in text.upper()


def test_a_finished_document_is_no_template(tmp_path):
    out = tmp_path / "done.docx"
    assert thidua("render", str(DATA / "kontum-2020.yaml"), "-o", str(out)).returncode == 0
    result = thidua("lint-template", str(out))
    assert result.returncode == 1 and "không có thẻ mẫu" in result.stdout


def test_unreadable_template(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    result = thidua("lint-template", str(broken))
    assert result.returncode == 1 and "bị hỏng" in result.stderr
    assert "Traceback" not in result.stderr
    missing = thidua("lint-template", str(tmp_path / "none.docx"))
    assert missing.returncode == 1 and "none.docx" in missing.stderr
