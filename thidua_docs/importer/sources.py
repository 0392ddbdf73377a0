"""Read a source file (.docx, .doc, .odt, .rtf, .txt, .md, .pdf) into Unicode, legacy
encodings converted.

A .docx is opened with the checker's reader (the same safety checks and
messages), its TCVN3/VNI runs converted in place (by font, else by the text
of the paragraph), so the recogniser sees Unicode; .doc, .odt and .rtf are
converted to .docx first (:func:`thidua_docs.convert.as_docx`). Text files are
decoded as Windows editors save them (:func:`thidua_docs.charsets.decode`: a byte order
mark, UTF-8, Windows-1258, else one byte a character for legacy TCVN3/VNI files),
converted line by line, normalised to NFC; markdown markers become formatting
hints. A PDF is read by :mod:`thidua_docs.importer.pdftext` (its text layer,
checked, or OCR).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.ns import qn

from thidua_docs import charsets, legacy, ooxml
from thidua_docs.convert import CONVERTIBLE, as_docx
from thidua_docs.wordml import open_document
from thidua_docs.wordml.formatting import FormatResolver
from thidua_docs.exceptions import InputFileError
from thidua_docs.importer.paragraphs import Line
from thidua_docs.importer.pdftext import read_pdf
from thidua_docs.loader import read_source

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
SUFFIXES = (".docx", ".pdf") + CONVERTIBLE + TEXT_SUFFIXES
LEGACY_FONT = "Times New Roman"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_RULE = re.compile(r"_{3,}")
_EMPHASIS_PAIR = re.compile(r"\*\*[^*\n]+\*\*|(?<![*\\])\*[^*\s\n][^*\n]*\*(?!\*)")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*-)?$", re.IGNORECASE)


@dataclass
class LegacyReport:
    """Paragraphs converted from a legacy encoding: encoding → count, and how found."""

    counts: dict[str, int] = field(default_factory=dict)
    by_font: int = 0
    unicode: int = 0  # paragraphs with Vietnamese text left as they were

    def add(self, encoding: str | None, *, font: bool = False) -> None:
        if encoding:
            self.counts[encoding] = self.counts.get(encoding, 0) + 1
            self.by_font += font
        else:
            self.unicode += 1

    @property
    def mixed(self) -> bool:
        return len(self.counts) + bool(self.unicode and self.counts) > 1


@dataclass
class TextSource:
    lines: list[Line]
    legacy: LegacyReport
    markdown: bool
    pdf: bool = False
    #: Words OCR read with low confidence (a scanned PDF), to mark "# ?" where they land.
    unsure_words: list[str] = field(default_factory=list)


@dataclass
class DocxSource:
    document: object
    legacy: LegacyReport


def kind_of(path: Path) -> str:
    """"docx" (also .doc, .odt, .rtf), "pdf" or "text" by the file's suffix;
    InputFileError else."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputFileError("import_unsupported", path=str(path), suffix=suffix or "?")
    return "docx" if suffix == ".docx" or suffix in CONVERTIBLE else \
        "pdf" if suffix == ".pdf" else "text"


def read(path: Path, encoding: str | None = None, *, ocr: bool = False
         ) -> TextSource | DocxSource:
    """The source at *path*, decoded and converted; InputFileError (exit 2) if unreadable.
    *ocr* reads a PDF's page images even when it has a text layer."""
    kind = kind_of(path)
    if kind == "docx":
        with as_docx(path) as docx:
            document = open_document(docx)
        return DocxSource(document, fix_docx(document, encoding))
    if kind == "pdf":
        pdf = read_pdf(path, ocr=ocr)
        source = text_source(pdf.text, path, encoding, pdf=True)
        if pdf.ocr is not None:
            source.unsure_words = pdf.ocr.unsure
        return source
    raw = read_source(path)
    if not raw.strip():
        raise InputFileError("import_empty", path=str(path))
    if _binary(raw):
        raise InputFileError("import_binary", path=str(path))
    return text_source(_decode(raw, path, encoding), path, encoding)


def _decode(raw: bytes, path: Path, encoding: str | None) -> str:
    return charsets.decode(raw, str(path), legacy=True, forced=encoding)


def _binary(raw: bytes) -> bool:
    """Whether *raw* starts with what no text file holds: a NUL, or many control
    characters (counted in characters when a byte order mark names the encoding)."""
    head = raw[:65536]
    encoding = charsets.bom_encoding(head)
    chars = head.decode(encoding, "replace") if encoding else head.decode("latin-1")
    if "\x00" in chars:
        return True
    controls = sum(char < " " and char not in "\t\n\r\f" for char in chars)
    return controls > len(chars) * 0.02


def text_source(text: str, path: Path, encoding: str | None = None, *,
                pdf: bool = False) -> TextSource:
    """Lines of a decoded text: legacy lines converted, NFC, markdown read as hints."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputFileError("import_empty", path=str(path))
    # a run of underscores is a rule drawn under a header line, or a blank to fill: no text
    raw_lines = [_RULE.sub(" ", _CONTROL.sub("", line)) for line in text.split("\n")]
    conversion = legacy.fix_paragraphs(raw_lines, encoding)
    report = LegacyReport()
    for line, found in zip(raw_lines, conversion.encodings):
        if not line.isascii():
            report.add(found)
    markdown = path.suffix.lower() in (".md", ".markdown") or bool(
        _EMPHASIS_PAIR.search(text)) or bool(re.search(r"^#{1,6}\s", text, re.MULTILINE))
    lines: list[Line] = []
    gap, page_break = 0, False
    for number, raw in enumerate(conversion.paragraphs, start=1):
        if "\f" in raw:  # a page break (pdftotext): the page's first line follows
            raw, page_break = raw.replace("\f", ""), True
        stripped = raw.strip()
        if pdf and _PAGE_NUMBER.match(stripped):
            page_break = True
            continue
        if not stripped:
            gap += 1
            continue
        # the margins of a page break are no gap between paragraphs
        line = Line(stripped, number, len(raw) - len(raw.lstrip()), 0 if page_break else gap)
        gap, page_break = 0, False
        lines.append(_markdown(line) if markdown else _escape(line))
    return TextSource(lines, report, markdown, pdf)


def _escape(line: Line) -> Line:
    line.text = line.text.replace("*", "\\*")
    return line


def _markdown(line: Line) -> Line:
    text = line.text
    heading = re.match(r"^#{1,6}\s+", text)
    if heading:
        text, line.heading = text[heading.end():], True
    text = text.rstrip("\\").strip()
    bold = re.fullmatch(r"\*\*(.+?)\*\*:?", text)
    if bold and "**" not in bold.group(1):
        line.bold = True
        text = bold.group(1) + text[bold.end(1) + 2:]
    italic = re.fullmatch(r"\*([^*]+)\*", text)
    if italic:
        line.italic = True
        text = italic.group(1)
    line.text = text.strip()
    return line


# --- .docx --------------------------------------------------------------------------------


def fix_docx(document, encoding: str | None = None) -> LegacyReport:
    """Convert every TCVN3/VNI paragraph of *document* to Unicode, in place.

    A run in a legacy font (.VnTime, VNI-Times, ...) is converted by its font
    (a capitals font upper-cases it) and set in Times New Roman; any other
    paragraph is converted when its text reads as legacy (:func:`legacy.detect`).
    """
    resolver = FormatResolver(document)
    runs_of: dict[object, list] = defaultdict(list)
    for run in document.element.body.iter(qn("w:r")):
        paragraph = next(run.iterancestors(qn("w:p")), None)
        if paragraph is not None:
            runs_of[paragraph].append(run)
    report = LegacyReport()
    rest = []
    for paragraph, runs in runs_of.items():
        fonts = [legacy.font_encoding(resolver.run(paragraph, run).font) for run in runs]
        found = None
        for run, font in zip(runs, fonts):
            if font and _run_text(run).strip():
                _convert_run(run, font[0], lambda text, f=font: legacy.convert(
                    text, f[0], capitals=f[1]))
                found = found or font[0]
        if found:
            report.add(found, font=True)
        elif not "".join(_run_text(run) for run in runs).isascii():
            rest.append((paragraph, runs))
    prefer = encoding or (max(report.counts, key=report.counts.get) if report.counts else None)
    for paragraph, runs in rest:
        text = "".join(_run_text(run) for run in runs)
        found = legacy.encoding_of(text, prefer=prefer, forced=encoding)
        if found:
            for run in runs:
                _convert_run(run, found, lambda t, e=found: legacy.convert_detected(t, e))
        report.add(found)
    return report


def _run_text(run) -> str:
    return "".join(node.text or "" for node in run.iter(qn("w:t")))


def _convert_run(run, encoding: str, convert) -> None:
    if encoding == legacy.TCVN3:  # TCVN3 ư (0xAD) is a soft hyphen to Word
        ooxml.soft_hyphens_to_text(run)
    for node in run.iter(qn("w:t")):
        if node.text:
            node.text = convert(node.text)
    ooxml.set_run_fonts(run.get_or_add_rPr(), LEGACY_FONT)


def convert_file(path: Path, encoding: str | None = None) -> tuple[bytes | None, LegacyReport]:
    """*path* (.docx or text) with its legacy paragraphs in Unicode, or None if it has none.

    A text file keeps its lines and line ends and is written as UTF-8 (so a Windows-1258
    file is converted whole); a .docx keeps everything but the converted runs' text and
    font.
    """
    if kind_of(path) == "docx":
        with as_docx(path) as docx:
            document = open_document(docx)
        report = fix_docx(document, encoding)
        if not report.counts:
            return None, report
        from io import BytesIO

        buffer = BytesIO()
        document.save(buffer)
        return buffer.getvalue(), report
    if kind_of(path) == "pdf":
        raise InputFileError("convert_pdf", path=str(path))
    raw = read_source(path)
    if _binary(raw):
        raise InputFileError("import_binary", path=str(path))
    text, codec = charsets.decoded(raw, str(path), legacy=True, forced=encoding)
    lines = text.splitlines(keepends=True)
    bodies = [line.rstrip("\r\n") for line in lines]
    conversion = legacy.fix_paragraphs(bodies, encoding)
    report = LegacyReport()
    for body, found in zip(bodies, conversion.encodings):
        if not body.isascii():  # a Windows-1258 file is converted whole, to UTF-8
            report.add(found or ("cp1258" if codec == "cp1258" else None))
    if not report.counts:
        return None, report
    text = "".join(new + line[len(body):] for new, body, line in
                   zip(conversion.paragraphs, bodies, lines))
    return unicodedata.normalize("NFC", text).encode("utf-8"), report
