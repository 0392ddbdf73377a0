"""The house layout: every number of the page and of each paragraph style.

This is the one source of the layout. ``build_template`` writes these values
into the Word template's named styles; the renderer reads the template, never
these numbers, so a clerk who restyles the template in Word is obeyed. Each
value sits inside the range Nghị định 30/2020 Phụ lục I allows (see
``thidua_docs.decree.ranges``; a test checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from thidua_docs import decree

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
COLOR = "000000"

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 20
MARGIN_BOTTOM_MM = 20
MARGIN_LEFT_MM = 30
MARGIN_RIGHT_MM = 15
HEADER_DISTANCE_MM = 10

#: Width of the left column of the header and signature tables, in mm; the
#: right column takes the rest of the text width.
HEADER_LEFT_COLUMN_MM = 62
SIGNATURE_LEFT_COLUMN_MM = 75

#: Word highlight colour of draft values still awaiting this year's figure.
DRAFT_HIGHLIGHT = "yellow"

#: Length of the line under the Tiêu ngữ, as a fraction of the text above it.
TIEU_NGU_RULE_FRACTION = 1.0
#: Length of the line under the issuing body: 1/3 to 1/2 of its name.
ISSUER_RULE_FRACTION = 0.4
#: Length of the line under a typed document's trích yếu: 1/3 to 1/2 of it.
SUBJECT_RULE_FRACTION = 0.4
#: Thickness of the lines and of the khẩn box, in eighths of a point (Word's w:sz).
RULE_WEIGHT_EIGHTHS = 6
#: Distance between a rule line and the text above it, in points (Word's w:space).
RULE_SPACE_PT = 1

#: The khẩn stamp is bright red (Nghị định 30, ô 10b): this element only.
URGENCY_COLOR = decree.URGENCY_COLOR
#: Distance between the khẩn box and its word, in points.
URGENCY_BOX_PADDING_PT = 3
#: Room added beside a word sized to its box, in points, so that it never wraps.
FIT_SLACK_PT = 2


class Border(str, Enum):
    NONE = "none"
    #: A rule line: the top edge of an empty paragraph, sized by the renderer.
    TOP = "top"
    #: A single-line box on all four sides, sized to the text by the renderer.
    BOX = "box"


class Align(str, Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style of the template."""

    style_id: str
    name: str
    size_pt: float
    bold: bool = False
    italic: bool = False
    align: Align = Align.CENTER
    first_line_cm: float = 0.0
    left_cm: float = 0.0
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    line_spacing: float = 1.0
    keep_with_next: bool = False
    border: Border = Border.NONE
    border_space_pt: float = RULE_SPACE_PT
    color: str = COLOR
    #: Drop the spacing between consecutive paragraphs of this style.
    contextual_spacing: bool = False
    #: The element of Nghị định 30 this style prints (a key of decree.ELEMENTS), if any.
    element: str | None = None


BODY = StyleSpec(
    "ND30Body", "ND30 Nội dung", 14, align=Align.JUSTIFY, first_line_cm=1.27,
    space_before_pt=0, space_after_pt=6, line_spacing=1.15, element="body",
)


def _body_like(style_id: str, name: str, **changes: object) -> StyleSpec:
    values = {**BODY.__dict__, "style_id": style_id, "name": name, **changes}
    return StyleSpec(**values)


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("ND30ParentBody", "ND30 Cơ quan chủ quản", 12, element="parent_body"),
    StyleSpec("ND30Issuer", "ND30 Cơ quan ban hành", 12, bold=True, element="issuer"),
    StyleSpec("ND30IssuerRule", "ND30 Kẻ dưới cơ quan ban hành", 1, border=Border.TOP,
              space_before_pt=3),
    StyleSpec("ND30Number", "ND30 Số ký hiệu", 13, space_before_pt=6, element="number"),
    StyleSpec("ND30Summary", "ND30 Trích yếu công văn", 12, space_before_pt=6,
              element="summary"),
    StyleSpec("ND30Urgency", "ND30 Độ khẩn", 13, bold=True, space_before_pt=9,
              border=Border.BOX, border_space_pt=URGENCY_BOX_PADDING_PT, color=URGENCY_COLOR,
              element="urgency"),
    StyleSpec("ND30NationalName", "ND30 Quốc hiệu", 12, bold=True, element="national_name"),
    StyleSpec("ND30Motto", "ND30 Tiêu ngữ", 13, bold=True, element="motto"),
    StyleSpec("ND30MottoRule", "ND30 Kẻ dưới tiêu ngữ", 1, border=Border.TOP, space_before_pt=3),
    StyleSpec("ND30PlaceDate", "ND30 Địa danh ngày tháng", 13, italic=True, space_before_pt=6, element="place_date"),
    StyleSpec("ND30Title", "ND30 Tên văn bản", 14, bold=True, space_before_pt=18,
              keep_with_next=True, element="title"),
    StyleSpec("ND30Subtitle", "ND30 Trích yếu", 14, bold=True, space_after_pt=12,
              keep_with_next=True, element="subtitle"),
    StyleSpec("ND30Subject", "ND30 Trích yếu có kẻ dưới", 14, bold=True, keep_with_next=True,
              element="subtitle"),
    StyleSpec("ND30SubjectRule", "ND30 Kẻ dưới trích yếu", 1, border=Border.TOP,
              space_before_pt=6, space_after_pt=12),
    BODY,
    _body_like("ND30Addressee", "ND30 Kính gửi", align=Align.LEFT, first_line_cm=0, left_cm=2.5,
               contextual_spacing=True, keep_with_next=True, element="addressee"),
    _body_like("ND30Heading1", "ND30 Mục", bold=True, keep_with_next=True, element="heading"),
    _body_like("ND30Heading2", "ND30 Tiểu mục", bold=True, keep_with_next=True, element="heading"),
    _body_like("ND30Item", "ND30 Khoản"),
    _body_like("ND30Point", "ND30 Điểm"),
    _body_like("ND30Bullet", "ND30 Gạch đầu dòng"),
    _body_like("ND30Closing", "ND30 Đoạn kết"),
    _body_like("ND30Basis", "ND30 Căn cứ", italic=True, element="basis"),
    StyleSpec("ND30AppendixLabel", "ND30 Phụ lục", 14, bold=True, keep_with_next=True,
              element="appendix_label"),
    StyleSpec("ND30AppendixTitle", "ND30 Tên phụ lục", 14, bold=True, keep_with_next=True,
              element="appendix_title"),
    StyleSpec("ND30AppendixAttached", "ND30 Kèm theo", 14, italic=True, space_after_pt=12,
              keep_with_next=True, element="appendix_attached"),
    StyleSpec("ND30TableHeader", "ND30 Tiêu đề bảng", 13, bold=True, space_before_pt=3,
              space_after_pt=3),
    StyleSpec("ND30TableCell", "ND30 Ô bảng", 13, align=Align.LEFT, space_before_pt=3,
              space_after_pt=3),
    StyleSpec("ND30TableNumber", "ND30 Ô bảng số", 13, space_before_pt=3, space_after_pt=3),
    StyleSpec("ND30RecipientsLabel", "ND30 Nơi nhận", 12, bold=True, italic=True,
              align=Align.LEFT, space_before_pt=12, element="recipients_label"),
    StyleSpec("ND30Recipient", "ND30 Danh sách nơi nhận", 11, align=Align.LEFT,
              element="recipient"),
    StyleSpec("ND30SignerTitle", "ND30 Quyền hạn chức vụ người ký", 14, bold=True,
              space_before_pt=12, contextual_spacing=True, element="signer_title"),
    StyleSpec("ND30SignerName", "ND30 Họ tên người ký", 14, bold=True, space_before_pt=84,
              element="signer_name"),
    StyleSpec("ND30PageNumber", "ND30 Số trang", 14, element="page_number"),
)

STYLE_BY_ID = {spec.style_id: spec for spec in STYLES}

#: Shares of the text width taken by the indicator table's columns: STT, chỉ tiêu,
#: đơn vị tính, thực hiện (last year), kế hoạch (this year).
INDICATOR_TABLE_COLUMNS = (0.07, 0.45, 0.12, 0.18, 0.18)
#: Thickness of the indicator table's grid, in eighths of a point.
TABLE_RULE_EIGHTHS = 4
