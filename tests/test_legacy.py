"""Legacy encodings TCVN3 (ABC) and VNI: every letter, detection, .docx and text files.

The expected TCVN3 text comes from the C library's TCVN5712-1 converter (iconv), the VNI
text from VNI's typing rules (tests/legacy_text.py): neither reads our tables.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from docx import Document

from conftest import REPO, need
from legacy_text import ALPHABET, LETTERS, iconv_available, tcvn3, tcvn3_capitals, vni, vni_letter
from thidua_docs import legacy
from thidua_docs.importer.sources import convert_file

UNICODE = "Cộng hoà xã hội chủ nghĩa Việt Nam. Ủy ban nhân dân tỉnh phát động phong trào thi đua."
LOWER = "Công văn này được gửi tới các sở, ban, ngành; đề nghị khẩn trương thực hiện."
CAPITALS = "PHÁT ĐỘNG PHONG TRÀO THI ĐUA YÊU NƯỚC NĂM 2024"


def need_iconv():
    need(iconv_available(), "iconv (the C library's converter) is not installed")


def test_the_alphabet_has_134_letters():
    assert len(LETTERS) == 67 and len(set(ALPHABET)) == 134


@pytest.mark.parametrize("letter", LETTERS)
def test_every_tcvn3_letter(letter):
    need_iconv()
    assert legacy.convert(tcvn3(letter), "tcvn3") == letter
    # capitals: the lower-case code in a capitals font (.VnTimeH)
    assert legacy.convert(tcvn3(letter), "tcvn3", capitals=True) == letter.upper()


@pytest.mark.parametrize("letter", "ĂÂÊÔƠƯĐ")
def test_tcvn3_bare_capitals_have_their_own_codes(letter):
    need_iconv()
    assert len(tcvn3(letter)) == 1
    assert legacy.convert(tcvn3(letter), "tcvn3") == letter


@pytest.mark.parametrize("letter", ALPHABET)
def test_every_vni_letter(letter):
    assert legacy.convert(vni_letter(letter), "vni") == letter


def test_published_samples():
    """Two strings as they are quoted in the wild, independent of any converter."""
    assert legacy.convert("B¸o c¸o tµi chÝnh quý II n¨m 2026", "tcvn3") == \
        "Báo cáo tài chính quý II năm 2026"
    assert legacy.convert("Xin chaøo caùc baïn", "vni") == "Xin chào các bạn"


def test_detection_paragraph_by_paragraph():
    need_iconv()
    assert legacy.detect(tcvn3(LOWER)) == "tcvn3"
    assert legacy.detect(vni(UNICODE)) == "vni"
    assert legacy.detect(UNICODE) is None
    assert legacy.detect("Tôi là giáo viên") is None  # Latin-1 letters only, still Unicode
    assert legacy.detect("Hello, world") is None
    conversion = legacy.fix_paragraphs([tcvn3(LOWER), vni(UNICODE), UNICODE, "2024",
                                        tcvn3_capitals(CAPITALS)])
    assert conversion.paragraphs == [LOWER, UNICODE, UNICODE, "2024", CAPITALS]
    assert conversion.encodings == ["tcvn3", "vni", None, None, "tcvn3"]


@pytest.mark.parametrize("font, capitals", [(".VnTime", False), (".VnTimeH", True),
                                            (".VnArial Narrow", False), ("VNI-Times", False),
                                            ("VNI-Helve", False), ("Times New Roman", None),
                                            ("Arial", None), (None, None)])
def test_fonts_name_their_encoding(font, capitals):
    found = legacy.font_encoding(font)
    if capitals is None:
        assert found is None
    else:
        assert found == ("vni" if font.startswith("VNI") else "tcvn3", capitals)


def _legacy_docx(path, paragraphs):
    document = Document()
    for text, font in paragraphs:
        run = document.add_paragraph().add_run(text)
        run.font.name = font
    document.save(path)
    return path


def test_docx_paragraphs_convert_by_font_and_by_text(tmp_path):
    """A mixed .docx: TCVN3 (normal and capitals font), VNI, Unicode, and a TCVN3
    paragraph whose font was changed to Times New Roman (found by its text)."""
    need_iconv()
    source = _legacy_docx(tmp_path / "cu.docx", [
        (tcvn3_capitals(CAPITALS), ".VnTimeH"), (tcvn3(LOWER), ".VnTime"),
        (vni(UNICODE), "VNI-Times"), (UNICODE, "Times New Roman"),
        (tcvn3(LOWER), "Times New Roman")])
    data, report = convert_file(source)
    result = tmp_path / "moi.docx"
    result.write_bytes(data)
    paragraphs = Document(str(result)).paragraphs
    assert [p.text for p in paragraphs] == [CAPITALS, LOWER, UNICODE, UNICODE, LOWER]
    assert report.counts == {"tcvn3": 3, "vni": 1} and report.by_font == 3 and report.mixed
    assert {run.font.name for p in paragraphs for run in p.runs} == {"Times New Roman"}


def test_text_files_in_utf8_and_in_single_bytes(tmp_path):
    need_iconv()
    expected = "\n".join([CAPITALS, LOWER, UNICODE, "2024"]) + "\n"
    utf8 = tmp_path / "dan.txt"  # legacy characters pasted into a UTF-8 file, mixed
    utf8.write_text("\n".join([tcvn3_capitals(CAPITALS), tcvn3(LOWER), vni(UNICODE), "2024"])
                    + "\n", encoding="utf-8")
    assert convert_file(utf8)[0].decode("utf-8") == expected
    single = tmp_path / "abc.txt"  # the bytes of an old TCVN3 file
    single.write_bytes((tcvn3(LOWER) + "\r\n" + tcvn3(LOWER) + "\r\n").encode("latin-1"))
    assert convert_file(single)[0].decode("utf-8") == LOWER + "\r\n" + LOWER + "\r\n"
    vni_file = tmp_path / "vni.txt"
    vni_file.write_bytes((vni(UNICODE) + "\n").encode("cp1252"))
    assert convert_file(vni_file)[0].decode("utf-8") == UNICODE + "\n"


def thidua(*args):
    env = {**os.environ, "THIDUA_LANG": "vi", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua_docs", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_convert_legacy_command(tmp_path):
    need_iconv()
    source = tmp_path / "cu.txt"
    source.write_text(tcvn3(LOWER) + "\n" + vni(UNICODE) + "\n", encoding="utf-8")
    result = thidua("convert-legacy", str(source))
    assert result.returncode == 0, result.stderr
    written = tmp_path / "cu-unicode.txt"
    assert written.read_text(encoding="utf-8") == LOWER + "\n" + UNICODE + "\n"
    assert "TCVN3" in result.stdout and "VNI" in result.stdout
    again = thidua("convert-legacy", str(source))  # the output exists: kept
    assert again.returncode == 1 and "--force" in again.stderr
    forced = thidua("convert-legacy", str(source), "--encoding", "tcvn3", "-o",
                    str(tmp_path / "ep.txt"))
    assert forced.returncode == 0
    assert (tmp_path / "ep.txt").read_text(encoding="utf-8").splitlines()[0] == LOWER

    unicode_only = tmp_path / "moi.txt"
    unicode_only.write_text(UNICODE, encoding="utf-8")
    nothing = thidua("convert-legacy", str(unicode_only))
    assert nothing.returncode == 0 and "không ghi" in nothing.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cu-unicode.txt", "cu.txt", "ep.txt",
                                                          "moi.txt"]


def test_tcvn3_u_horn_saved_as_a_soft_hyphen(tmp_path):
    """TCVN3's ư is byte 0xAD, the soft hyphen: Word may keep it as <w:softHyphen/>."""
    from docx.oxml import OxmlElement

    document = Document()
    run = document.add_paragraph().add_run("n")
    run.font.name = ".VnTime"
    run._r.append(OxmlElement("w:softHyphen"))
    text = OxmlElement("w:t")
    text.text = "íc ta"
    run._r.append(text)
    document.save(tmp_path / "nuoc.docx")
    data, report = convert_file(tmp_path / "nuoc.docx")
    (tmp_path / "out.docx").write_bytes(data)
    assert Document(str(tmp_path / "out.docx")).paragraphs[0].text == "nước ta"
