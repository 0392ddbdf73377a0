"""Every format a clerk has: .doc/.odt/.rtf through LibreOffice, scanned PDFs through OCR,
damaged PDF text layers reported instead of imported."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from conftest import DATA, need
from test_import import canonical, thidua
from thidua_docs import convert, ocr, pdf
from thidua_docs.exceptions import InputFileError
from thidua_docs.messages import message
from thidua_docs.importer import import_file, pdftext
from thidua_docs.loader import load_directive

WILD = Path(__file__).resolve().parents[2] / "shared" / "wild"


def soffice_convert(sources: list[Path], target: str, out: Path, profile: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    need(soffice is not None, "LibreOffice (soffice) is not installed")
    subprocess.run(pdf.soffice_command(soffice, profile, target, out, sources), check=True,
                   capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def other_formats(rendered, tmp_path_factory) -> dict[str, Path]:
    """kontum-2020 saved by LibreOffice as .odt, .rtf and .doc."""
    out = tmp_path_factory.mktemp("formats")
    profile = tmp_path_factory.mktemp("lo-profile")
    source = rendered["kontum-2020"]
    for target in ("odt", "rtf", "doc:MS Word 97"):
        soffice_convert([source], target, out, profile)
    return {suffix: out / f"kontum-2020.{suffix}" for suffix in ("odt", "rtf", "doc")}


@pytest.mark.parametrize("suffix", ["odt", "rtf", "doc"])
def test_doc_odt_rtf_import_as_the_docx_does(suffix, other_formats, rendered):
    """Converted to .docx in a temporary folder that is gone afterwards: the same directive
    as from the .docx, the source untouched."""
    source = other_formats[suffix]
    before = source.read_bytes()
    imported = import_file(source)
    assert canonical(imported.directive) == canonical(load_directive(DATA / "kontum-2020.yaml"))
    assert source.read_bytes() == before


def test_as_docx_removes_its_temporary_folder(other_formats):
    with convert.as_docx(other_formats["odt"]) as docx:
        assert docx.suffix == ".docx" and docx.stat().st_size > 0
        folder = docx.parent.parent
    assert not folder.exists()
    with convert.as_docx(DATA / "kontum-2020.yaml") as same:  # anything else: itself
        assert same == DATA / "kontum-2020.yaml"


def test_a_damaged_doc_is_refused_and_nothing_written(tmp_path):
    need(shutil.which("soffice") is not None, "LibreOffice (soffice) is not installed")
    source = tmp_path / "hong.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = thidua("import", str(source), cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "hong.doc" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hong.doc"]


def test_without_libreoffice_the_message_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.delenv("THIDUA_SOFFICE", raising=False)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    (tmp_path / "a.odt").write_bytes(b"PK\x03\x04")
    with pytest.raises(InputFileError) as error:
        import_file(tmp_path / "a.odt")
    assert error.value.message_key == "convert_no_libreoffice"


# --- PDFs: text layers checked, scans read by OCR -----------------------------------------


def test_vietnamese_syllables():
    good = "cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc khen thưởng yêu cầu " \
           "nghiêng ngoài quyết khuyến nghị giấy kiểm tra"
    assert pdftext.invalid_words(good) == []
    assert pdftext.invalid_words("ngdy fithdng ndm cria tldng phric iệp") == [
        "ngdy", "fithdng", "ndm", "cria", "tldng", "phric", "iệp"]


def wild(name: str) -> Path:
    """A document of ../shared/wild; skip (in CI too) when the corpus is not there."""
    if not WILD.is_dir():
        pytest.skip(f"{WILD} (the shared corpus of real documents) is not beside the "
                    "repository")
    return WILD / name


def test_a_garbled_ocr_layer_is_reported_not_imported(tmp_path):
    with pytest.raises(InputFileError) as error:
        import_file(wild("lamdong-2025-tb-493-bad-ocr.pdf"))
    assert error.value.message_key == "import_pdf_garbled"
    assert error.value.params["share"] > 30


def test_a_layer_missing_glyphs_is_reported_not_imported():
    with pytest.raises(InputFileError) as error:
        import_file(wild("binhthuan-stc-2025-cv-1925-missing-glyphs.pdf"))
    assert error.value.message_key == "import_pdf_missing_glyphs"
    assert "Sở ·ội" in error.value.params["sample"]  # "Sở Nội vụ" without its N


@pytest.mark.parametrize("name", ["lamdong-stp-2025-cv-604.pdf", "bnv-2025-cv-12094-chi-so-cchc.pdf",
                                  "lamdong-snv-2026-ttr-124-kh-thi-dua.pdf",
                                  "vpcp-2025-cd-2003-hoi-nghi-ma-tuy.pdf"])
def test_sound_text_layers_pass_the_checks(name):
    path = wild(name)
    text = pdftext.pdftotext(path, "-layout")
    assert len(pdftext.invalid_words(text)) < 0.05 * len(pdftext._lower_words(text))
    gapped, lines = pdftext.glyph_gaps(path)
    assert len(gapped) <= 0.05 * lines


def need_tesseract() -> None:
    try:
        ocr.tesseract()
    except InputFileError as error:
        need(False, f"Tesseract with Vietnamese data is not installed ({error.message_key})")


@pytest.fixture(scope="module")
def scanned(pdfs, tmp_path_factory) -> Path:
    """Page 1 of kontum-2020, printed by LibreOffice and scanned: an image-only PDF."""
    need(shutil.which("pdftoppm") is not None, "poppler-utils (pdftoppm) is not installed")
    out = tmp_path_factory.mktemp("scan")
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1",
                    "-singlefile", str(pdfs["kontum-2020"]), str(out / "scan")], check=True)
    page = Document()  # the image on an A4 page without margins, printed again: no text
    section = page.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = section.top_margin = Mm(0)
    section.bottom_margin = Mm(0)
    page.add_picture(str(out / "scan.png"), width=Mm(209))
    page.save(out / "scan.invalid.docx")  # not ours to audit: a carrier for the image
    soffice_convert([out / "scan.invalid.docx"], "pdf", out, tmp_path_factory.mktemp("lo"))
    return out / "scan.invalid.pdf"


@pytest.mark.pdf
def test_a_scanned_pdf_is_imported_through_ocr(scanned, tmp_path):
    """No text layer: the page image is read by Tesseract (Vietnamese); the header comes out
    as the data file's; unsure words are marked "# ?" in the YAML."""
    need_tesseract()
    assert len(pdftext.pdftotext(scanned, "-layout").strip()) == 0
    result = import_file(scanned)
    expected = load_directive(DATA / "kontum-2020.yaml")
    got = result.directive
    unsure = {f.path for f in result.findings if f.key == "import_ocr_unsure"}
    assert result.yaml.count("(OCR) không chắc") >= len(unsure)  # each one a "# ?" comment
    pairs = {("issuer", "name"): (" ".join((got.issuer.parent or []) + got.issuer.name),
                                  " ".join(expected.issuer.name)),
             ("issuer", "code"): (got.issuer.code, expected.issuer.code),
             ("document", "unit"): (got.document.unit, expected.document.unit),
             ("document", "place"): (got.document.place, expected.document.place),
             ("document", "title"): (got.document.title, expected.document.title),
             ("year",): (got.year, expected.year)}
    wrong = {path: pair for path, pair in pairs.items() if pair[0] != pair[1]}
    # OCR may misread a letter; every field it got wrong is one it marked unsure
    assert all(any(p[:len(path)] == path for p in unsure) for path in wrong), (wrong, unsure)
    assert len(wrong) <= 2


def test_without_tesseract_the_message_says_how_to_install_it(monkeypatch, scanned):
    monkeypatch.delenv("THIDUA_TESSERACT", raising=False)
    which = shutil.which
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None if name == "tesseract"
                        else which(name))
    with pytest.raises(InputFileError) as error:
        import_file(scanned)
    assert error.value.message_key == "ocr_no_tesseract"
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in message("ocr_no_tesseract")


def test_check_reads_doc_odt_rtf_too(other_formats, rendered, tmp_path):
    """`thidua check` opens a .odt, .rtf or .doc through the same conversion: it finds the
    document's parts, and on .odt and .doc the same findings as on the .docx (an .rtf
    keeps the header lines as LibreOffice draws them)."""
    from thidua_docs import wordml
    from thidua_docs.check import check_file, collect
    from thidua_docs.wordml.anatomy import analyse

    on_docx = sorted(f.rule for f in check_file(rendered["kontum-2020"]).findings)
    for suffix in ("odt", "doc"):
        report = check_file(other_formats[suffix])
        assert report.out_of_scope is None
        assert sorted(f.rule for f in report.findings) == on_docx
    with convert.as_docx(other_formats["rtf"]) as docx:
        parts = analyse(wordml.open_docx(docx))
    assert [line.stripped for line in parts.issuer] == ["ỦY BAN NHÂN DÂN", "TỈNH KON TUM"]
    assert set(collect([other_formats["odt"].parent])) >= set(other_formats.values())
    result = thidua("check", str(tmp_path / "thieu.odt"), cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
