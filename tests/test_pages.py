"""Pages that hold together, read on the pages LibreOffice prints.

Every example and a sweep of generated directives, whose growing body moves the page
break across every line of the closing paragraph and of the signature block, are
converted in one LibreOffice batch; each page is then read with pdftotext. Page rules:
the signature block and Nơi nhận stand on one page with the "./." line; no line break
inside a range or a code; no title line starting with "- "; no page ending on a heading.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, document_paragraphs, need, open_docx, pdf_pages
from helpers import directive_data, write_yaml
from test_pdf import _printed_lines
from thidua_docs import main
from thidua_docs.check import check_document
from thidua_docs.exceptions import ThiduaError
from thidua_docs.importer import import_file
from thidua_docs.layout.metrics import text_width_pt
from thidua_docs.loader import load_directive
from thidua_docs.render.context import build_context
from thidua_docs.render.linebreak import COMPOUNDS, break_lines

#: Real documents of other offices (beside the repository, never copied into it).
WILD = Path(__file__).resolve().parents[2] / "shared" / "wild"
#: Ranges and codes that must never be broken across lines, as printed.
CODES = ("(16/3/1975-16/3/2025)", "98/2023/NĐ-CP", "27-28%", "2025-2030", "QĐ-UBND")
#: A token with a hyphen or slash inside it: a range, date range, ký hiệu or code, never
#: broken across lines ("(16/3/1975-" / "16/3/2025)", "98/2023/NĐ-" / "CP", "2025-" / "2030").
HELD = re.compile(r"\S*[^\s/-][-/][^\s/-]\S*")
SUBTITLE = ("Thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc "
            "phòng - an ninh năm {year}, lập thành tích chào mừng đại hội đảng bộ các cấp "
            "nhiệm kỳ 2025-2030")
FILLER = ("Thực hiện Nghị định số 98/2023/NĐ-CP và Quyết định số 15/QĐ-UBND, các cơ quan, "
          "đơn vị kỷ niệm 50 năm Ngày giải phóng tỉnh (16/3/1975-16/3/2025), phấn đấu tỷ "
          "trọng công nghiệp đạt 27-28% và chào mừng đại hội nhiệm kỳ 2025-2030").split()
CLOSING = ("Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị, địa phương khẩn trương tổ "
           "chức triển khai phong trào thi đua năm {year} ngay từ những tháng đầu năm, phấn "
           "đấu hoàn thành toàn diện các chỉ tiêu nhiệm kỳ 2025-2030 theo Nghị định số "
           "98/2023/NĐ-CP")
SIGNATURES = {
    "tm": {"authority": "TM.", "on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch",
           "name": "Nguyễn Văn A"},
    "tm-kt": {"authority": "TM.", "on_behalf_of": "Ủy ban nhân dân", "deputy_for": "Chủ tịch",
              "title": "Phó Chủ tịch", "name": "Trần Thị B"},
    "q": {"authority": "Q.", "on_behalf_of": "Chủ tịch", "name": "Lê Văn C"},
    "direct": {"title": "Chủ tịch", "name": "Phạm Văn D"},
}
#: (signing form, Kính gửi lines): each one swept over every length.
FORMS = [("tm", []), ("tm-kt", ["Các phòng, ban thuộc huyện", "Ủy ban nhân dân các xã"]),
         ("q", ["Các cơ quan, đơn vị"]), ("direct", [])]
#: Filler words in the body: steps of 10 words (under a line of about 13) over 28 lines,
#: from a document ending well inside page 1 to one whose end is well inside page 2, so
#: that for every form the natural page break crosses each line of the closing paragraph
#: and of the signature block.
LENGTHS = [10 + 10 * step for step in range(37)]
RECIPIENTS = ["UBND tỉnh (b/c)", "TT Huyện ủy (b/c)", "TT HĐND huyện (b/c)",
              "Các cơ quan, đơn vị", "UBND các xã, thị trấn"]


def _sweep_data(form: str, addressees: list[str], words: int) -> dict:
    filler = " ".join(FILLER[i % len(FILLER)] for i in range(words)) + "."
    data = directive_data(
        body=[{"section": "Mục tiêu", "content": [filler]},
              {"section": "Tổ chức thực hiện", "content": [
                  {"section": "Trách nhiệm của các cơ quan", "content": [
                      "Các cơ quan xây dựng kế hoạch thực hiện năm {year}."]},
                  {"section": "Chế độ báo cáo", "content": [
                      "Định kỳ báo cáo kết quả về Ủy ban nhân dân huyện."]}]}],
        closing=CLOSING, signature=SIGNATURES[form], recipients=RECIPIENTS)
    data["document"] = {**data["document"], "subtitle": SUBTITLE}
    if addressees:
        data["addressees"] = addressees
    return data


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """name → (YAML source, PDF) for every example and every sweep directive, converted in
    one batch by the project's warm LibreOffice workers."""
    need(shutil.which("soffice") is not None or shutil.which("libreoffice") is not None,
         "LibreOffice (soffice) is not installed")
    need(shutil.which("pdftotext") is not None, "poppler-utils (pdftotext) is not installed")
    from thidua_docs.pdf import PdfConverter

    folder = tmp_path_factory.mktemp("pages")
    sources = {path.stem: path for path in EXAMPLES}
    for path in sorted(WILD.glob("*.docx")) if WILD.is_dir() else []:
        try:  # a real directive of another office, as `thidua import` reads it
            imported = import_file(path)
        except ThiduaError:
            continue  # not a directive (a form, a table): nothing to render
        sources[f"wild-{path.stem}"] = folder / f"wild-{path.stem}.yaml"
        sources[f"wild-{path.stem}"].write_text(imported.yaml, encoding="utf-8")
    for form, addressees in FORMS:
        for words in LENGTHS:
            name = f"sweep-{form}-{len(addressees)}-{words}"
            sources[name] = write_yaml(folder / f"{name}.yaml",
                                       _sweep_data(form, addressees, words))
    docx = [main.render(source, folder / f"{name}.docx") for name, source in sources.items()]
    results = PdfConverter(2).convert(docx, folder)
    failed = [(result.source.name, result.error) for result in results if result.pdf is None]
    assert not failed, failed
    return {name: (sources[name], folder / f"{name}.pdf") for name in sources}


def _pages(pdf: Path) -> list[list[str]]:
    """The printed lines of each page (pdftotext -layout, one page at a time)."""
    pages = []
    for number in range(1, pdf_pages(pdf) + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number),
                               str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        pages.append([line.rstrip() for line in text.splitlines() if line.strip()])
    return pages


def _page_of(pages: list[list[str]], text: str) -> list[int]:
    """The pages (0-based) on which a line contains *text*."""
    return [number for number, lines in enumerate(pages) if any(text in line for line in lines)]


def _headings(source: Path) -> set[str]:
    """The printed text of every heading of the directive at *source*."""
    return {"".join(span.text for span in paragraph.spans).strip()
            for paragraph in build_context(load_directive(source)).blocks
            if paragraph.style in ("heading1", "heading2")}


def _check(name: str, source: Path, pdf: Path) -> list[str]:
    """Every page rule broken in *pdf* (beside its .docx), described."""
    directive = load_directive(source)
    context = build_context(directive)
    pages = _pages(pdf)
    if context.appendices:  # the appendices follow on pages of their own
        label = context.appendices[0].label
        pages = pages[:next(number for number, lines in enumerate(pages)
                            if label in (line.strip() for line in lines[:3]))]
    last = len(pages) - 1
    problems = []

    # The signature block and Nơi nhận whole on the last page of the text (each line's words
    # in order: a long line may wrap in its column), with the closing's "./." line.
    last_words = " ".join(pages[-1]).split()
    for marker in ["Nơi nhận:", *context.signer_lines, directive.signature.name,
                   context.recipients[0], context.recipients[-1]]:
        if not _in_order(marker.split(), last_words):
            problems.append(f"{marker!r} is not on the last page {last + 1}")
    if directive.closing:
        end = [number for number, lines in enumerate(pages)
               if any(line.rstrip().endswith("./.") for line in lines)]
        if end[-1:] != [last]:
            problems.append(f"the './.' line on pages {end}, the signature on page {last}")

    # No line break inside a range or code: every token with a hyphen or slash inside it
    # (as the .docx reads) is printed whole, never "98/2023/NĐ-" over "CP".
    paragraphs = document_paragraphs(open_docx(pdf.with_suffix(".docx")))
    tokens = set(HELD.findall("\n".join(p.text for p in paragraphs)))
    text = "\n".join(line.strip() for lines in pages for line in lines)
    rejoined = re.sub(r"(?<=\S)([-/])\n", r"\1", text)  # a token broken after "-" or "/"
    for token in tokens:
        if rejoined.count(token) != text.count(token):
            problems.append(f"{token!r} broken across lines")

    # No title or trích yếu line starting with "- ".
    for line in _title_lines(pages[0], [context.title, *context.subtitle_lines]):
        if line.startswith(("-", "–")):
            problems.append(f"title line starts with a dash: {line!r}")

    # No page ending with a heading.
    headings = _headings(source)
    for number, lines in enumerate(pages[:-1]):
        if lines and lines[-1].strip() in headings:
            problems.append(f"page {number + 1} ends with the heading {lines[-1].strip()!r}")
    return problems


def _in_order(words: list[str], page: list[str]) -> bool:
    """Whether *words* appear in *page* in this order (other columns may stand between)."""
    remaining = iter(page)
    return all(word in remaining for word in words)


def _title_lines(page: list[str], texts: list[str]) -> list[str]:
    """The printed lines that the title and trích yếu *texts* occupy on *page*."""
    return [line for text in texts if text  # a công văn may have no title
            for line in _printed_lines("\n".join(page), text)]


@pytest.mark.pdf
def test_examples_pages_hold_together(printed):
    problems = {name: _check(name, *printed[name]) for name in (p.stem for p in EXAMPLES)}
    assert not {name: found for name, found in problems.items() if found}


@pytest.mark.pdf
def test_sweep_moves_the_page_break_across_the_end_and_every_page_holds(printed):
    sweep = {name: paths for name, paths in printed.items() if name.startswith("sweep-")}
    assert len(sweep) == len(FORMS) * len(LENGTHS) >= 30
    problems = {name: _check(name, *paths) for name, paths in sweep.items()}
    assert not {name: found for name, found in problems.items() if found}

    # The sweep really moves the break across the end: for each form the page count grows,
    # and for some lengths the last page begins with the closing paragraph, moved there
    # to stay with the signature, because the break fell inside the end.
    for form, addressees in FORMS:
        names = [f"sweep-{form}-{len(addressees)}-{words}" for words in LENGTHS]
        printed_pages = [_pages(sweep[name][1]) for name in names]
        assert len({len(pages) for pages in printed_pages}) >= 2, form
        moved = sum(1 for pages in printed_pages if len(pages) > 1 and
                    pages[-1][1].strip().startswith(CLOSING.split(",")[0]))
        assert moved >= 5, (form, moved)
        # ... and across the headings above it: some page begins with a heading (line 0
        # is the page number), carried over with its paragraph rather than left behind.
        headings = _headings(sweep[names[0]][0])
        assert any(len(lines) > 1 and lines[1].strip() in headings
                   for pages in printed_pages for lines in pages[1:]), form


@pytest.mark.pdf
def test_real_directives_of_other_offices_print_pages_that_hold_together(printed):
    """Every directive of ../shared/wild that `thidua import` reads, rendered again."""
    wild = {name: paths for name, paths in printed.items() if name.startswith("wild-")}
    need(bool(wild), f"the real documents are not there ({WILD})")
    assert len(wild) >= 20
    problems = {name: _check(name, *paths) for name, paths in wild.items()}
    assert not {name: found for name, found in problems.items() if found}


@pytest.mark.pdf
def test_2017_subtitle_breaks_after_kinh_te_xa_hoi(printed):
    source, pdf = printed["kontum-2017"]
    context = build_context(load_directive(source))
    lines = _title_lines(_pages(pdf)[0], context.subtitle_lines)
    assert lines[0].endswith("kinh tế - xã hội,"), lines
    assert len(lines) == 2


# --- the line breaker and the held hyphens, on the .docx ----------------------------------

TITLES = [
    "thực hiện nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh và xây "
    "dựng hệ thống chính trị năm 2017",
    "PHÁT ĐỘNG PHONG TRÀO THI ĐUA LẬP THÀNH TÍCH CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN "
    "THỨ XIV CỦA ĐẢNG",
    SUBTITLE.format(year=2025),
    "Về đẩy mạnh phong trào thi đua yêu nước năm 2025, lập thành tích chào mừng Đại hội "
    "Đảng bộ xã nhiệm kỳ 2025-2030",
]


@pytest.mark.parametrize("text", TITLES)
def test_title_lines_break_between_words_never_before_a_dash(text):
    """At every width from a narrow cell to the page body: the same words, every line
    fits, none starts with a dash or a number, none ends inside a known compound."""
    for width in range(160, 480, 8):
        lines = break_lines(text, 14, True, float(width))
        assert " ".join(lines).split() == text.split()
        for line, following in zip(lines, lines[1:]):
            assert not following.startswith(("-", "–")) and not following[0].isdigit(), lines
            pair = f"{line.split()[-1]} {following.split()[0]}".lower().strip(",")
            assert pair not in COMPOUNDS, (pair, lines)
        for line in lines:
            assert len(line.split()) == 1 or text_width_pt(line, 14, bold=True) <= width


def test_title_lines_are_balanced_and_prefer_the_comma():
    lines = break_lines(TITLES[0], 14, True, 467.7)
    assert lines == ("thực hiện nhiệm vụ phát triển kinh tế - xã hội,",
                     "đảm bảo quốc phòng - an ninh và xây dựng hệ thống chính trị năm 2017")
    assert break_lines("Phát động phong trào thi đua", 14, True, 467.7) == \
        ("Phát động phong trào thi đua",)


def test_held_hyphens_read_back_as_dashes_for_check_and_import(tmp_path):
    """The codes are w:noBreakHyphen in the .docx; python-docx, `thidua check` and
    `thidua import` read them as "-"; the title's w:br lines read back as one title."""
    data = _sweep_data("tm", ["Các cơ quan, đơn vị"], 40)
    source = write_yaml(tmp_path / "held.yaml", data)
    docx = main.render(source, tmp_path / "held.docx")
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "98/2023/NĐ<" in body and "<w:noBreakHyphen/>" in body and "<w:br/>" in body
    assert "kinh tế - xã hội" in body  # a spaced dash stays ordinary
    document = open_docx(docx)
    text = "\n".join(p.text for p in document_paragraphs(document))
    for code in CODES:
        assert code in text
    assert check_document(docx) == []
    imported = import_file(docx)
    assert imported.findings == []
    year = str(data["year"])
    assert imported.directive.closing == CLOSING.replace("{year}", year)
    assert imported.directive.document.subtitle == SUBTITLE.replace("{year}", year)
