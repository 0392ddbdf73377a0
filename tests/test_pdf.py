"""LibreOffice converts the rendered documents; the PDF reads as it should."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import DATA, EXAMPLES, need, pdf_pages, pdf_text
from helpers import Rendered
from test_batch import thidua
from thidua_docs import decree
from thidua_docs.layout.metrics import text_width_pt
from thidua_docs.loader import load_directive
from thidua_docs.render.context import build_context

NAMES = [path.stem for path in EXAMPLES]
#: Examples of a typed kind (Kế hoạch, Chỉ thị...): a line under their trích yếu.
TYPED = [path.stem for path in EXAMPLES if load_directive(path).document.kind_code]


@pytest.mark.pdf
@pytest.mark.parametrize("name", NAMES)
def test_pdf_conversion(name, pdfs):
    pdf = pdfs[name]
    assert pdf.exists() and pdf.stat().st_size > 10_000
    directive = load_directive(next(p for p in EXAMPLES if p.stem == name))
    pages = pdf_pages(pdf)
    assert 2 <= pages <= 8, f"{pages} pages"

    context = build_context(directive)
    text = " ".join(pdf_text(pdf).split())
    assert decree.NATIONAL_NAMES[0] in text
    assert decree.MOTTO in text
    for line in [context.title, *context.subtitle_lines, *context.addressee_lines]:
        assert line in text
    assert directive.signature.name in text
    assert "Nơi nhận:" in text

    # Page 1 opens with the parent body or the issuer; the urgency mark and the V/v
    # line stand there too, the mark on one line inside its box.
    page_one = pdf_text(pdf, 1)
    first_line = page_one.strip().splitlines()[0].strip()
    assert first_line.startswith((directive.issuer.parent or directive.issuer.name)[0].upper())
    if context.urgency:
        assert any(line.strip() == context.urgency for line in page_one.splitlines())
    if context.summary:
        assert context.summary in " ".join(page_one.split())

    # No page number on page 1; "2" centred at the top of page 2.
    second_page = pdf_text(pdf, 2).strip().splitlines()
    assert second_page[0].strip() == "2"


def _printed_lines(page: str, text: str) -> list[str]:
    """The lines *text* occupies on a pdftotext -layout page, as LibreOffice broke it."""
    lines = [line.strip() for line in page.splitlines()]
    words = text.split()
    for start, line in enumerate(lines):
        taken, count = [], 0
        for following in lines[start:]:
            taken.append(following)
            count += len(following.split())
            if count >= len(words):
                break
        if " ".join(taken).split() == words:
            return taken
    raise AssertionError(f"{text!r} is not printed on the page")


@pytest.mark.pdf
@pytest.mark.parametrize("name", TYPED)
def test_line_under_a_typed_kinds_trich_yeu_fits_the_printed_lines(name, pdfs, rendered):
    """Measure the trích yếu as LibreOffice wrapped it: the line is 1/3-1/2 of the longest."""
    doc = Rendered(rendered[name], next(p for p in EXAMPLES if p.stem == name))
    page = pdf_text(pdfs[name], 1)
    subjects = doc.with_style("ND30Subject")
    run = doc.runs(subjects[0])[0]
    printed = [line for paragraph in subjects for line in _printed_lines(page, paragraph.text)]
    widest_cm = max(text_width_pt(line, run.size_pt, bold=run.bold) for line in printed) / 72 * 2.54
    rule_cm = doc.text_area_cm(doc.rule_under(subjects[-1]))
    low, high = decree.SUBJECT_RULE_FRACTION
    assert low * widest_cm <= rule_cm <= high * widest_cm, (printed, rule_cm, widest_cm)


# --- THIDUA_SOFFICE: the LibreOffice to use --------------------------------------------------


def test_a_thidua_soffice_naming_no_program_is_refused_before_any_work(tmp_path):
    (tmp_path / "soffice.txt").write_text("not a program")
    for value in ["/nonexistent/soffice", str(tmp_path / "soffice.txt"), str(tmp_path)]:
        for args in [["--json"], [str(DATA / "kontum-2017.yaml")]]:
            result = thidua("render", str(DATA / "kontum-2020.yaml"), *args, "-o",
                            f"{tmp_path}/out/", "--pdf", env={"THIDUA_SOFFICE": value}, text=True)
            assert result.returncode == 2, result.stderr
            said = result.stdout + result.stderr
            assert f"THIDUA_SOFFICE = '{value}'" in said and "soffice.exe" in said
            assert "Traceback" not in said and "Xong" not in said
            assert not (tmp_path / "out").exists()


def test_a_soffice_that_cannot_start_fails_each_input(tmp_path):
    """A file that can be run but is no program (ENOEXEC): each input says so, exit 1."""
    fake = tmp_path / "soffice"
    fake.write_bytes(b"\x00\x01 not a program")
    fake.chmod(0o755)
    names = ["kontum-2020", "kontum-2017"]
    sources = [str(DATA / f"{name}.yaml") for name in names]
    for args in [["--json"], []]:
        out = tmp_path / f"out{len(args)}"
        result = thidua("render", *sources, *args, "-o", f"{out}/", "--pdf", "--jobs", "2",
                        env={"THIDUA_SOFFICE": str(fake)}, text=True)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.docx" for n in names)
        if args:
            records = [json.loads(line) for line in result.stdout.splitlines()]
            assert [r["status"] for r in records] == ["error", "error"]
            assert {r["errors"][0]["code"] for r in records} == {"pdf_failed"}
            assert all("pdf" not in r["outputs"] for r in records)
        else:
            assert result.stderr.count("không chạy được LibreOffice") == 2
            assert "đây không phải một chương trình chạy được" in result.stderr
            assert "Xong 0 tệp, lỗi 2 tệp." in result.stderr


@pytest.mark.pdf
def test_thidua_soffice_in_a_folder_with_spaces_and_vietnamese_letters(tmp_path):
    soffice = shutil.which("soffice")
    need(soffice is not None, "LibreOffice (soffice) is not installed")
    folder = tmp_path / "Chương trình" / "LibreOffice mới"
    folder.mkdir(parents=True)
    (folder / "soffice").symlink_to(soffice)
    out = tmp_path / "Văn bản ra"
    result = thidua("render", str(DATA / "kontum-2020.yaml"), "-o", f"{out}/", "--pdf",
                    "--json", env={"THIDUA_SOFFICE": str(folder / "soffice")}, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    record = json.loads(result.stdout)
    assert record["status"] == "ok" and record["outputs"]["pdf"] == str(out / "kontum-2020.pdf")
    assert pdf_pages(out / "kontum-2020.pdf") >= 2
    assert "ỦY BAN NHÂN DÂN" in pdf_text(out / "kontum-2020.pdf", 1).upper()
