"""Small directives built in tests, and a reader for rendered documents."""

from __future__ import annotations

import copy
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from docx.oxml.ns import qn
from docx.shared import Length

from conftest import DATA, REFERENCE, document_paragraphs, open_docx
from thidua_docs import decree, main
from thidua_docs.wordml.formatting import FormatResolver
from thidua_docs.layout.metrics import text_width_pt
from thidua_docs.loader import load_directive

MINIMAL = {
    "issuer": {"name": ["ỦY BAN NHÂN DÂN", "HUYỆN ĐĂK HÀ"], "code": "UBND"},
    "document": {"unit": "VX", "place": "Đăk Hà", "title": "Phát động phong trào thi đua",
                 "subtitle": "Thực hiện nhiệm vụ năm {year}"},
    "year": 2021,
    "theme": "Đoàn kết, sáng tạo",
    "preamble": ["Ủy ban nhân dân huyện phát động phong trào thi đua với chủ đề “{theme}”."],
    "body": [{"section": "Mục tiêu", "content": ["Hoàn thành các chỉ tiêu năm {year}."]}],
    "closing": "Ủy ban nhân dân huyện yêu cầu các cơ quan thực hiện.",
    "signature": {"authority": "TM.", "on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch",
                  "name": "Nguyễn Văn A"},
    "recipients": ["UBND tỉnh (b/c)", "Các xã, thị trấn"],
    "archive": ["VT", "VX"],
}


# --- the reference texts ----------------------------------------------------------------

CORRECTION = re.compile(r'^#\s+"(?P<old>.*?)"\s+→\s+"(?P<new>.*?)"', re.MULTILINE)

REFERENCE_CASES = {
    # data file → (reference file, whether the reference includes the header block)
    "kontum-2020": ("kontum-2020-phat-dong-thi-dua.txt", True),
    "kontum-2017": ("kontum-2017-phat-dong-thi-dua.txt", False),
}


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def normalised_reference(name: str) -> str:
    """The reference's words: markdown markers removed, white space collapsed, NFC."""
    text = (REFERENCE / name).read_text(encoding="utf-8")
    text = re.sub(r"^\s*#+\s*", "", text, flags=re.MULTILINE)
    text = text.replace("**", "").replace("*", "")
    return " ".join(words(text))


def corrections(data_file: str) -> list[tuple[str, str]]:
    """The ("old", "new") corrections listed at the top of data/<data_file>.yaml."""
    head = (DATA / f"{data_file}.yaml").read_text(encoding="utf-8").split("\n\n", 1)[0]
    return [(" ".join(words(m["old"])), " ".join(words(m["new"])))
            for m in CORRECTION.finditer(head)]


def corrected_reference(data_file: str, *, reconstructed: bool = True) -> list[str]:
    """The words of the reference of *data_file* with its documented corrections applied;
    without *reconstructed*, less the corrections that add text before the source's (the
    2017 header block, which the OCR text lacks)."""
    text = normalised_reference(REFERENCE_CASES[data_file][0])
    for old, new in corrections(data_file):
        if reconstructed or not (new.endswith(old) and new != old):
            text = text.replace(old, new)
    return text.split()


def docx_words(path: Path, *, from_words: list[str] | None = None) -> list[str]:
    """The words of a .docx in reading order; with *from_words*, from where those start."""
    actual = words(" ".join(p.text for p in document_paragraphs(open_docx(path))))
    if from_words:
        start = next(i for i in range(len(actual)) if actual[i:i + len(from_words)] ==
                     from_words)
        actual = actual[start:]
    return actual


def assert_same_words(actual: list[str], expected: list[str]) -> None:
    for index, (got, want) in enumerate(zip(actual, expected)):
        assert got == want, (
            f"word {index}: rendered {' '.join(actual[index - 8:index + 8])!r}\n"
            f"          reference {' '.join(expected[index - 8:index + 8])!r}"
        )
    assert len(actual) == len(expected)


def directive_data(**changes) -> dict:
    """MINIMAL with top-level keys replaced (None removes a key)."""
    data = copy.deepcopy(MINIMAL)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def write_yaml(path: Path, data: dict | str) -> Path:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def render(tmp_path: Path, data: dict, name: str = "in") -> "Rendered":
    """Render *data* through the real pipeline (YAML file → .docx) and open the result."""
    source = write_yaml(tmp_path / f"{name}.yaml", data)
    return Rendered(main.render(source, tmp_path / f"{name}.docx", force=True), source)


def _cm(points: float) -> float:
    return points / 72 * 2.54


class Rendered:
    """A rendered document, its model, and a resolver for its formatting."""

    def __init__(self, path, source):
        self.document = open_docx(path)
        self.directive = load_directive(source)
        self.resolver = FormatResolver(self.document)
        self.paragraphs = document_paragraphs(self.document)

    def find(self, text: str):
        matches = [p for p in self.paragraphs if p.text.strip() == text]
        assert matches, f"no paragraph reads {text!r}"
        return matches[0]

    def with_style(self, *style_ids: str):
        return [p for p in self.paragraphs if self.resolver.paragraph(p).style_id in style_ids]

    def runs(self, paragraph):
        return [self.resolver.run(paragraph, run) for run in paragraph.runs if run.text.strip()]

    def assert_element(self, paragraph, element: str):
        rule = decree.ELEMENTS[element]
        runs = self.runs(paragraph)
        assert runs, f"{paragraph.text!r} has no text"
        for run in runs:
            low, high = rule.size_pt
            assert low <= run.size_pt <= high, f"{element} {paragraph.text!r}: {run.size_pt} pt"
            if rule.bold is not None:
                assert run.bold == rule.bold, f"{element} {paragraph.text!r}: bold={run.bold}"
            if rule.italic is not None:
                assert run.italic == rule.italic, f"{element} {paragraph.text!r}"
        if rule.upper:
            assert paragraph.text == paragraph.text.upper(), f"{element} not in capitals"

    # --- geometry ------------------------------------------------------------------------

    def area_width_cm(self, paragraph) -> float:
        """Width of the text area holding *paragraph*: its table cell, or the page body."""
        parent = paragraph._p.getparent()
        if parent.tag == qn("w:tc"):
            width = parent.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))
            return int(width) / 1440 * 2.54
        section = self.document.sections[0]
        return Length(section.page_width - section.left_margin - section.right_margin).cm

    def text_area_cm(self, paragraph) -> float:
        """Width left for the text of *paragraph* between its indents."""
        fmt = self.resolver.paragraph(paragraph)
        return self.area_width_cm(paragraph) - fmt.left_cm - fmt.right_cm

    def line_width_cm(self, paragraph) -> float:
        """Width of *paragraph*'s text set on one line, at its first run's font."""
        run = self.runs(paragraph)[0]
        return _cm(text_width_pt(paragraph.text, run.size_pt, bold=run.bold))

    def rule_under(self, paragraph):
        """The empty, top-bordered paragraph right after *paragraph* (a rule line)."""
        following = paragraph._p.getnext()
        assert following is not None and following.tag == qn("w:p")
        fmt = self.resolver.paragraph(following)
        assert fmt.has_top_border, f"no line under {paragraph.text!r}"
        assert following.xpath("string(.)") == ""
        return next(p for p in self.paragraphs if p._p is following)

    def assert_centred(self, paragraph):
        fmt = self.resolver.paragraph(paragraph)
        assert fmt.left_cm == pytest.approx(fmt.right_cm, abs=0.01), paragraph.text

    def assert_hugging_box(self, paragraph, color: str):
        """A single-line box on four sides in *color*, narrowed round the text, centred."""
        borders = self.borders(paragraph)
        assert set(borders) == {"top", "left", "bottom", "right"}, borders
        for side in borders.values():
            assert side["val"] == "single" and side["color"] == color
        text_cm = self.line_width_cm(paragraph)
        assert text_cm < self.text_area_cm(paragraph) <= text_cm + 0.2  # at most 2 mm spare
        self.assert_centred(paragraph)

    def borders(self, paragraph) -> dict[str, dict[str, str]]:
        """The paragraph's border sides (top, left, ...) with their attributes, as Word
        resolves them: the paragraph's own w:pBdr, else its style's, else the base's."""
        candidates = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            candidates.append(style.element.pPr)
            style = style.base_style
        for ppr in candidates:
            found = ppr.find(qn("w:pBdr")) if ppr is not None else None
            if found is not None:
                return {side.tag.split("}")[1]: {k.split("}")[1]: v for k, v in side.attrib.items()}
                        for side in found}
        return {}


def cp1258(text: str) -> bytes:
    """*text* as Windows-1258 writes it: a base letter (maybe with its hat or horn) and a
    combining tone mark."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = [mark for mark in parts if mark in "\u0300\u0301\u0303\u0309\u0323"]
            head = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out.append(head.encode("cp1258") + "".join(tones).encode("cp1258"))
    return b"".join(out)
