"""The text of a PDF: its text layer when it is sound, else what OCR reads on its pages.

``pdftotext -layout`` gives the text layer. A PDF with (almost) no text on its
pages is a scan: its pages go through OCR (:mod:`thidua_docs.ocr`). A text
layer is checked before it is believed, two ways:

- *garbled*: an OCR layer of poor quality ("uY BAN NgAN nAN") has many words
  that cannot be Vietnamese syllables; more than :data:`MAX_INVALID` of them
  and the layer is refused;
- *missing glyphs*: letters drawn on the page but absent from the layer
  ("Sở ội vụ" for "Sở Nội vụ") leave a gap of a letter's width between two
  words, where a justified line has even spaces; such gaps on more than
  :data:`MAX_GAPPED` of the lines and the layer is refused.

A refused layer is reported with examples and the way on (``--ocr``), never
imported silently.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from thidua_docs.exceptions import InputFileError
from thidua_docs.messages import Message, tool_failure
from thidua_docs.loader import read_source

#: Fewer letters than this per page on average: the PDF is a scan.
SCANNED_LETTERS = 200
#: Share of lower-case words that are not Vietnamese syllables above which a layer is garbled.
MAX_INVALID = 0.15
#: Share of lines with a letter-wide gap above which the layer lacks glyphs.
MAX_GAPPED = 0.15
TIMEOUT = 300

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_SYLLABLE = re.compile(
    "^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    "(?:uyê|uyu|uya|iêu|yêu|ươi|ươu|uôi|oai|oay|oao|oeo|uây|uâ|uê|uơ|uy|ưa|ưi|ươ|ưu|iê|yê"
    "|ia|iu|uô|ua|ui|oa|oă|oe|ôi|ơi|ai|ao|au|ay|âu|ây|eo|êu|oi|[aăâeêioôơuưy])"
    "(?:ch|ng|nh|[cmnpt])?$")
_SPELLING = re.compile(r"^(?:k[^hieêy]|c[ieêy]|ng[ieê]|gh[^ieê]|iê)")


@dataclass
class PdfText:
    text: str
    pages: int
    ocr: object | None = None  # the OcrText when the pages were recognised


def read_pdf(path: Path, *, ocr: bool = False) -> PdfText:
    """The text of the PDF at *path*; through OCR when asked (*ocr*) or when it is a scan;
    InputFileError when its text layer is garbled or lacks glyphs."""
    from thidua_docs import ocr as recogniser

    text = pdftotext(path, "-layout")
    pages = max(1, text.rstrip("\f").count("\f") + 1)
    if ocr or _letters(text) < SCANNED_LETTERS * pages:
        found = recogniser.recognise(path)
        if _letters(found.text) < SCANNED_LETTERS / 4:
            raise InputFileError("import_pdf_no_text", path=str(path))
        return PdfText(found.text, found.pages, found)
    invalid = invalid_words(text)
    if len(invalid) > MAX_INVALID * max(1, len(_lower_words(text))):
        raise InputFileError("import_pdf_garbled", path=str(path),
                             share=round(100 * len(invalid) / len(_lower_words(text))),
                             sample=", ".join(list(dict.fromkeys(invalid))[:6]))
    gapped, lines = glyph_gaps(path)
    if lines and len(gapped) > MAX_GAPPED * lines:
        raise InputFileError("import_pdf_missing_glyphs", path=str(path), count=len(gapped),
                             lines=lines, sample="; ".join(gapped[:4]))
    return PdfText(text, pages)


#: pdftotext's exit codes (its manual) → the reason in words: 1 the file does not open
#: as a PDF, 3 the PDF forbids copying its text.
_PDFTOTEXT_EXITS = {1: "pdf_structure_damaged", 3: "pdf_copy_forbidden"}


def pdftotext(path: Path, *options: str) -> str:
    program = shutil.which("pdftotext")
    if program is None:
        raise InputFileError("import_no_pdftotext", path=str(path))
    read_source(path)  # missing or unreadable: the usual message
    result = subprocess.run([program, *options, "-enc", "UTF-8", str(path), "-"],
                            capture_output=True, timeout=TIMEOUT)
    if result.returncode != 0:
        known = _PDFTOTEXT_EXITS.get(result.returncode)
        raise InputFileError("import_pdf_unreadable", path=str(path), reason=Message(known)
                             if known else tool_failure("pdftotext", result))
    return result.stdout.decode("utf-8", "replace")


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _lower_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{2,}", text) if w.islower()]


def syllable(word: str) -> bool:
    """Whether a lower-case *word* is spelt as a Vietnamese syllable can be."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if c not in _TONES)
    bare = unicodedata.normalize("NFC", bare)
    return bool(_SYLLABLE.match(bare)) and not _SPELLING.match(bare)


def invalid_words(text: str) -> list[str]:
    """The lower-case words of *text* that cannot be Vietnamese syllables."""
    return [w for w in _lower_words(text) if not syllable(w)]


def glyph_gaps(path: Path) -> tuple[list[str], int]:
    """("word ·word" for each line with a gap a letter wide between two words, the number of
    lines of four words or more)."""
    root = etree.fromstring(pdftotext(path, "-bbox-layout").encode("utf-8"),
                            etree.XMLParser(recover=True, huge_tree=True))
    if root is None:
        return [], 0
    gapped, counted = [], 0
    for line in root.iter("{*}line"):
        words = [(float(w.get("xMin")), float(w.get("xMax")), float(w.get("yMax"))
                  - float(w.get("yMin")), w.text or "") for w in line.iter("{*}word")]
        if len(words) < 4:
            continue
        counted += 1
        height = statistics.median(w[2] for w in words)
        gaps = [b[0] - a[1] for a, b in zip(words, words[1:])]
        usual = statistics.median(gaps)
        for (a, b), gap in zip(zip(words, words[1:]), gaps):
            if 0.35 * height < gap - usual < 1.2 * height:  # a letter, not a column
                gapped.append(f"{a[3]} ·{b[3]}")
                break
    return gapped, counted
