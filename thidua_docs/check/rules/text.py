"""Text: font and colour of every run, headers and footers included."""

from __future__ import annotations

from typing import Iterator

from thidua_docs import decree
from thidua_docs.wordml.anatomy import Anatomy
from thidua_docs.check.registry import Deviation, rule
from thidua_docs.check.rules.common import at
from thidua_docs.messages import message

BLACK = {None, "000000", "auto"}
#: A grey this dark prints as black (Word's "Text 1, lighter 5%" is 0D0D0D).
NEAR_BLACK = 0x26


def _near_black(colour: str | None) -> bool:
    try:
        channels = [int(colour[i:i + 2], 16) for i in (0, 2, 4)]
    except (TypeError, ValueError):
        return False
    return len(colour) == 6 and max(channels) <= NEAR_BLACK


def _runs(doc: Anatomy):
    """(line or None, span) for every printed span: the body's, then headers' and footers'."""
    for line in doc.lines:
        for span in line.spans:
            if span.text.strip():
                yield line, span
    for section in doc.word.sections:
        for paragraphs in (*section.headers.values(), *section.footers.values()):
            for paragraph in paragraphs:
                for span in paragraph.spans:
                    if span.text.strip():
                        yield None, span


@rule("FONT", "text", clause="Phụ lục I, Phần I, mục II.4 (phông chữ Times New Roman)",
      right="mọi chữ bằng Times New Roman", wrong="một đoạn bằng Arial")
def font(doc: Anatomy) -> Iterator[Deviation]:
    for line, span in _runs(doc):
        name = span.format.font
        if name != decree.FONT:
            yield at(line, decree.FONT, name or "?", cause=name)


@rule("COLOR", "text", clause="Phụ lục I, Phần I, mục II.4 (chữ màu đen; dấu mức độ khẩn "
      "màu đỏ)", right="chữ đen; “HỎA TỐC” đỏ tươi", wrong="một đoạn chữ xanh")
def color(doc: Anatomy) -> Iterator[Deviation]:
    for line, span in _runs(doc):
        colour = span.format.color
        urgency_red = line is not None and line is doc.urgency and \
            (colour or "").upper() == decree.URGENCY_COLOR
        if colour in BLACK or _near_black(colour) or urgency_red:
            continue
        yield at(line, message("check_black"), colour, cause="colour")
