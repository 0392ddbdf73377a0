"""Lines of a text source joined back into whole paragraphs.

Text copied from a PDF breaks every line where the page did, often with a
blank line between lines, and splits paragraphs across page breaks. A line
starts a new paragraph when it carries a label (I., 1., a), -, +), when more
blank lines than usual precede it, when the paragraph before ends with "./.",
when the case changes from a capitals heading to running text, when the line
before ends a sentence and is either short (the last line of its paragraph)
or followed by an indented line, or when a short line without end mark (a
heading: "1. Mục đích") is followed by a capital. Otherwise it continues the
paragraph before: "18/CT-" + "TTg" joins without a space, anything else with
one.

A text in which a line rarely continues the one before (one paragraph per
line, blank lines between: markdown, a portal's copy) is read in *paragraph
mode*: lines join only where a sentence was visibly cut ("khen" / "thưởng").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thidua_docs.decree.labels import LABEL
from thidua_docs.decree.patterns import END_KEYWORDS

_END = re.compile(r"([.:;!?…]|\./\.)[”\"’)*]*$")
_HYPHEN_JOIN = re.compile(r"\S-$")


@dataclass
class Line:
    """One line of a text source, with what its layout says."""

    text: str
    number: int
    indent: int = 0
    gap: int = 0           # blank lines just before it
    bold: bool | None = None
    italic: bool | None = None
    heading: bool = False  # a markdown heading (#)


@dataclass
class Para:
    """A paragraph: its text (inline emphasis as ``*``/``**``) and formatting hints.

    The hints are None when the source does not tell (plain text).
    """

    text: str
    where: tuple[str, int]  # ("line", 12) or ("paragraph", 7)
    bold: bool | None = None
    italic: bool | None = None
    centered: bool | None = None
    heading: bool = False
    #: Set on text the parts could not place ("header", "body", "end").
    leftover: str | None = None
    #: A table of the body: its cells' texts, row by row (the text is its first row).
    rows: list[list[str]] | None = None


def label_of(text: str):
    """The match of a typed label at the start of *text* (inside a leading ``**``), or None."""
    return LABEL.match(text[2:] if text.startswith("**") else text)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def is_capitals(text: str) -> bool:
    """A line set in capitals ("PHÁT ĐỘNG PHONG TRÀO", "II. CÁC CHỈ TIÊU")."""
    letters = _letters(text.replace("**", ""))
    return len(letters) >= 4 and letters.isupper()


def ends_sentence(text: str) -> bool:
    return bool(_END.search(text.rstrip()))


def _starts_upper(text: str) -> bool:
    first = next((c for c in text if c.isalnum() or c in "“\"("), "")
    return first.isupper() or first in "“\"(" or first.isdigit()


def _starts_lower(text: str) -> bool:
    first = next((c for c in text.lstrip("*") if c.isalnum()), "")
    return first.islower() or first.isdigit()


def _starts_paragraph(line: Line) -> bool:
    match = label_of(line.text)
    if match and match.group("dash") and _starts_lower(line.text[match.end():]):
        return False  # "- xã hội" wrapped after "kinh tế"
    return bool(match) or bool(END_KEYWORDS.match(line.text.lstrip("*")))


def paragraph_mode(lines: list[Line]) -> bool:
    """Whether the text has one paragraph per line (lines rarely continue each other)."""
    pairs = list(zip(lines, lines[1:]))
    if not pairs:
        return True
    continued = sum(not ends_sentence(a.text) and _starts_lower(b.text) and not
                    _starts_paragraph(b) for a, b in pairs)
    return continued / len(pairs) < 0.25


def join_lines(lines: list[Line]) -> list[Para]:
    """Whole paragraphs from the lines of a text source."""
    if not lines:
        return []
    by_paragraph = paragraph_mode(lines)
    typical_gap = _mode([line.gap for line in lines[1:]] or [0])
    base_indent = _mode([line.indent for line in lines])
    widths = sorted(line.indent + len(line.text) for line in lines)
    full = widths[int(len(widths) * 0.9)] if widths else 0
    paragraphs: list[Para] = []
    previous: Line | None = None
    for line in lines:
        if previous is None or _breaks(previous, line, by_paragraph, typical_gap,
                                       base_indent, full):
            paragraphs.append(Para(line.text, ("line", line.number), line.bold, line.italic,
                                   None, line.heading))
        else:
            para = paragraphs[-1]
            glue = "" if _HYPHEN_JOIN.search(para.text) and line.text[:1].isalnum() else " "
            para.text += glue + line.text
            para.bold = para.bold and line.bold if para.bold is not None else None
            para.italic = para.italic and line.italic if para.italic is not None else None
        previous = line
    return paragraphs


def _breaks(previous: Line, line: Line, by_paragraph: bool, typical_gap: int,
            base_indent: int, full: int) -> bool:
    text, before = line.text, previous.text
    if _starts_paragraph(line) or line.heading or previous.heading:
        return True
    if _HYPHEN_JOIN.search(before) and text[:1].isalnum():
        return False  # "18/CT-" + "TTg"
    if before.rstrip().endswith("./."):
        return True
    if is_capitals(before) != is_capitals(text):
        return True
    if previous.bold is not None and previous.bold != line.bold and not _starts_lower(text):
        return True
    if by_paragraph:
        return ends_sentence(before) or not _starts_lower(text)
    if line.gap > typical_gap:
        return True
    short = previous.indent + len(before) < 0.85 * full
    if ends_sentence(before) and _starts_upper(text):
        return short or line.indent > base_indent
    # a short line not ending a sentence, then a capital: a heading ("1. Mục đích")
    return short and _starts_upper(text) and not _starts_lower(text)


def _mode(values: list[int]) -> int:
    return max(sorted(set(values)), key=values.count) if values else 0
