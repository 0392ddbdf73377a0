"""Text of a scanned PDF, recognised by Tesseract (Vietnamese), laid out like pdftotext.

Each page is rasterised by ``pdftoppm`` (grey, :data:`DPI`) and read by
``tesseract -l vie … tsv``: words with their box and confidence. The words are
put back into lines by their position (two columns side by side stay apart by
three spaces, as ``pdftotext -layout`` writes them), so the importer reads an
OCR text like any text PDF. Words recognised with a confidence under
:data:`UNSURE_BELOW` are returned too: the importer marks them ``# ?``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from thidua_docs.exceptions import InputFileError
from thidua_docs.messages import Message, tool_failure

#: Resolution of the page images: enough for 13-14 pt text, and fast.
DPI = 200
#: Tesseract's confidence (0-100) under which a word is marked unsure: its misreadings
#: of one letter (THỊ for THI) score 70-84, most right words 87-96.
UNSURE_BELOW = 85
LANGUAGE = "vie"
#: Seconds one page may take (rasterising or recognising).
PAGE_TIMEOUT = 120


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line: tuple[int, int, int]  # Tesseract's block, paragraph and line


@dataclass
class OcrText:
    """The recognised text (pages separated by form feeds) and its unsure words."""

    text: str
    pages: int
    unsure: list[str] = field(default_factory=list)


def tesseract() -> str:
    """The tesseract program with its Vietnamese data, or InputFileError saying how to
    install them."""
    program = os.environ.get("THIDUA_TESSERACT") or shutil.which("tesseract")
    if not program:
        raise InputFileError("ocr_no_tesseract")
    listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True,
                            timeout=PAGE_TIMEOUT)
    if LANGUAGE not in listed.stdout.split():
        raise InputFileError("ocr_no_vietnamese")
    return program


def recognise(path: Path, *, first: int = 1, last: int | None = None,
              dpi: int = DPI) -> OcrText:
    """The text of pages *first*..*last* (all by default) of the PDF at *path*."""
    program = tesseract()
    rasteriser = shutil.which("pdftoppm")
    if rasteriser is None:
        raise InputFileError("import_no_pdftotext", path=str(path))
    pages: list[str] = []
    unsure: list[str] = []
    with tempfile.TemporaryDirectory(prefix="thidua-ocr-") as folder:
        command = [rasteriser, "-r", str(dpi), "-gray", "-png", "-f", str(first)]
        if last is not None:
            command += ["-l", str(last)]
        _run(command + [str(path), str(Path(folder) / "page")], path)
        images = sorted(Path(folder).glob("page*.png"))
        for image in images:
            tsv = _run([program, str(image), "-", "-l", LANGUAGE, "--psm", "3", "tsv"], path,
                       env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            words = _words(tsv)
            pages.append(layout(words))
            unsure += [w.text for w in words if w.confidence < UNSURE_BELOW]
    return OcrText("\f".join(pages), len(pages), unsure)


def _run(command: list[str], path: Path, env=None) -> str:
    try:
        result = subprocess.run(command, capture_output=True, timeout=PAGE_TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        raise InputFileError("ocr_failed", path=str(path), reason=Message(
            "tool_timeout", program=Path(command[0]).name, seconds=PAGE_TIMEOUT)) from None
    if result.returncode != 0:
        raise InputFileError("ocr_failed", path=str(path),
                             reason=tool_failure(Path(command[0]).name, result))
    return result.stdout.decode("utf-8", "replace")


def _words(tsv: str) -> list[Word]:
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = map(int, cells[6:10])
        words.append(Word(cells[11].strip(), left, top, width, height, float(cells[10]),
                          (int(cells[2]), int(cells[3]), int(cells[4]))))
    return words


def layout(words: list[Word]) -> str:
    """Tesseract's lines laid out on the page: lines side by side at one height (the two
    header columns) share a row, three spaces apart; a line starts with spaces as far
    as it stands from the left margin."""
    if not words:
        return ""
    lines: dict[tuple, list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    height = statistics.median(w.height for w in words)
    rows: list[list[list[Word]]] = []
    for line in sorted(lines.values(), key=_top):
        row = rows[-1] if rows else None
        if row and abs(_top(line) - _top(row[-1])) < height / 2 and all(
                _left(line) > _right(other) or _right(line) < _left(other) for other in row):
            row.append(line)
        else:
            rows.append([line])
    margin = min(w.left for w in words)
    letter = height * 0.5  # a letter's advance, roughly
    text_lines = []
    bottom = None
    for row in rows:
        row.sort(key=_left)
        if bottom is not None and _top(row[0]) - bottom > 1.2 * height:
            text_lines.append("")  # a blank line where the page leaves one
        bottom = max(w.top + w.height for line in row for w in line)
        text = ""
        for line in row:
            pad = round((_left(line) - margin) / letter) - len(text)
            text += " " * max(pad, 4 if text else 0) + _spaced(line, height)
        text_lines.append(text)
    return "\n".join(text_lines)


def _spaced(line: list[Word], height: float) -> str:
    """A line's words, one space apart, or four where a gap wider than two letters' height
    shows two columns that Tesseract read as one line."""
    text = line[0].text
    for before, word in zip(line, line[1:]):
        text += ("    " if word.left - before.left - before.width > 2 * height else " ")
        text += word.text
    return text


def _top(line: list[Word]) -> float:
    return statistics.median(w.top for w in line)


def _left(line: list[Word]) -> int:
    return min(w.left for w in line)


def _right(line: list[Word]) -> int:
    return max(w.left + w.width for w in line)
