"""Page: paper, orientation, margins, page numbers."""

from __future__ import annotations

from typing import Iterator

from thidua_docs import decree
from thidua_docs.check import geometry
from thidua_docs.wordml.anatomy import Anatomy
from thidua_docs.check.registry import Deviation, rule
from thidua_docs.messages import message

#: Margin tolerance (mm): what Word's cm/inch rounding leaves.
_MARGIN_SLACK = 0.2
#: A centre tab stop this close to the middle of the text column centres what follows it.
_CENTRE_SLACK_CM = 1.5
#: An estimated page count above this surely runs past page 1 (the estimate is within
#: about 10 % on the real documents of ../shared/wild).
MORE_THAN_ONE_PAGE = 1.1


@rule("PAGE-SIZE", "page", clause="Phụ lục I, Phần I, mục II.1 (khổ giấy A4; trang ngang "
      "cho bảng, biểu)", right="A4 210 × 297 mm, trang dọc; phụ lục bảng biểu: A4 ngang",
      wrong="Letter 216 × 279 mm; trang đầu in ngang")
def page_size(doc: Anatomy) -> Iterator[Deviation]:
    for section in doc.word.sections:
        where = message("check_where_section", number=section.index + 1)
        width, height = section.width_mm, section.height_mm
        if sorted((round(width), round(height))) != sorted(decree.PAGE_MM):
            yield Deviation(where, "A4 210 × 297 mm", f"{width:.0f} × {height:.0f} mm",
                            ("size", round(width), round(height)))
        elif section.landscape and not (section.index > 0 and _holds_table(doc, section.index)):
            # landscape is for a later section holding a table (an appendix of tables)
            yield Deviation(where, message("check_portrait"), message("check_landscape"))


def _holds_table(doc: Anatomy, index: int) -> bool:
    return any(p.section == index and p.table is not None for p in doc.word.paragraphs)


@rule("MARGIN", "page", clause="Phụ lục I, Phần I, mục II.3 (định lề trang)",
      right="lề trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm",
      wrong="lề trái 25 mm; lề trên 15 mm")
def margins(doc: Anatomy) -> Iterator[Deviation]:
    for section in doc.word.sections:
        if section.landscape:
            continue  # a landscape table section turns the page: its margins are not the text's
        for side, (low, high) in decree.MARGINS_MM.items():
            value = section.margins_mm[side]
            if not low - _MARGIN_SLACK <= value <= high + _MARGIN_SLACK:
                yield Deviation(message("check_where_section_side", number=section.index + 1,
                                        side=message(f"check_{side}_margin")),
                                f"{low}–{high} mm", f"{value:.1f} mm")


@rule("PAGE-NUMBER", "page", clause="Phụ lục I, Phần I, mục II.7 (số trang: giữa lề trên, "
      "không đánh số trang đầu)", right="số trang 2, 3… căn giữa ở lề trên; trang 1 không số",
      wrong="số trang ở chân trang; trang 1 có số")
def page_number(doc: Anatomy) -> Iterator[Deviation]:
    where = message("check_headers_and_footers")
    section = doc.word.sections[0] if doc.word.sections else None
    if section is None:
        return
    header, first = section.headers.get("default", []), section.headers.get("first")
    footers = section.footers.get("default", []) + section.footers.get("first", [])
    numbered = [p for p in header if _has_page_field(p)]
    if any(_has_page_field(p) for p in footers) and _long(doc):  # shown from page 2
        yield Deviation(where, message("check_number_at_the_top"),
                        message("check_number_in_the_footer"))
    if numbered:
        if first is None or any(_has_page_field(p) for p in first):
            yield Deviation(where, message("check_none_on_page_1"),
                            message("check_page_1_is_numbered"))
        paragraph = numbered[0]
        if not _centred(paragraph, section.text_width_cm):
            yield Deviation(where, message("check_centred"), paragraph.format.alignment)
    elif not any(_has_page_field(p) for p in footers) and _long(doc):
        yield Deviation(where, message("check_numbers_from_page_2"),
                        message("check_no_page_numbers"))


def _has_page_field(paragraph) -> bool:
    return any(field.name == "PAGE" for field in paragraph.fields)


def _centred(paragraph, text_width_cm: float) -> bool:
    """Centred by alignment, or by a centre tab stop near the middle of the column."""
    if paragraph.format.alignment == "center":
        return True
    before = paragraph.text.split("\t")
    if len(before) < 2 or before[0].strip():
        return False
    tabs = [position for position, kind in paragraph.format.tabs if kind == "center"]
    middle = text_width_cm / 2 - paragraph.format.left_cm
    return any(abs(position - middle) <= _CENTRE_SLACK_CM for position in tabs)


def _long(doc: Anatomy) -> bool:
    """Whether the document runs past one page (its page numbers show)."""
    return geometry.pages(doc) > MORE_THAN_ONE_PAGE
