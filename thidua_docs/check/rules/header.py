"""The header block: Quốc hiệu, Tiêu ngữ, issuer, number, place and date, title, and the
lines drawn under the Tiêu ngữ, the issuer and a typed document's trích yếu."""

from __future__ import annotations

import re
from typing import Iterator

from thidua_docs import decree
from thidua_docs.check import geometry
from thidua_docs.wordml.anatomy import Anatomy, Line
from thidua_docs.check.registry import Deviation, rule
from thidua_docs.check.rules.common import at, element, missing
from thidua_docs.decree import patterns
from thidua_docs.messages import message
from thidua_docs.layout.metrics import longest_line_pt

#: How far a drawn line may stray from the length the decree gives, as a văn thư sees
#: it on the page (a ruler is not used): share of the text's width.
MOTTO_RULE_SHARE = (0.75, 1.25)
SHORT_RULE_SHARE = (0.25, 0.62)


@rule("QUOC-HIEU", "header", clause="Phụ lục I, Phần I, mục III.1 (Quốc hiệu: in hoa, "
      "12–13 pt, đậm)", right="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (in hoa, đậm, 12–13 pt)",
      wrong="Cộng hòa xã hội chủ nghĩa Việt Nam; không đậm")
def national_name(doc: Anatomy) -> Iterator[Deviation]:
    yield from _fixed_text(doc, doc.national, decree.NATIONAL_NAMES, "national_name",
                           message("check_national_name"))


def _fixed_text(doc: Anatomy, line: Line | None, allowed: tuple[str, ...], name: str,
                what: str) -> Iterator[Deviation]:
    """A line whose words the decree fixes: present, worded exactly, formatted right."""
    if line is None:
        yield missing(allowed[0])
        return
    if line.shown not in allowed:
        yield at(line, allowed[0], line.stripped)
    elif geometry.wraps(line):
        yield at(line, message("check_one_line"), message("check_wraps"))
    yield from element(doc, line, name, what)


@rule("TIEU-NGU", "header", clause="Phụ lục I, Phần I, mục III.1 (Tiêu ngữ: 13–14 pt, đậm, "
      "gạch nối có cách chữ)", right="Độc lập - Tự do - Hạnh phúc",
      wrong="Độc lập-Tự do-Hạnh phúc; ĐỘC LẬP - TỰ DO - HẠNH PHÚC")
def motto(doc: Anatomy) -> Iterator[Deviation]:
    yield from _fixed_text(doc, doc.motto, (decree.MOTTO,), "motto", message("check_motto"))


@rule("TIEU-NGU-LINE", "header", clause="Phụ lục I, Phần I, mục III.1 (dưới Tiêu ngữ một "
      "đường kẻ ngang nét liền, dài bằng dòng chữ)",
      right="Độc lập - Tự do - Hạnh phúc / đường kẻ dài bằng dòng chữ",
      wrong="không có đường kẻ; đường kẻ chỉ dài nửa dòng chữ")
def motto_line(doc: Anatomy) -> Iterator[Deviation]:
    if doc.motto is None:
        return
    yield from _measured(doc, doc.motto, geometry.text_width_cm(doc.motto), MOTTO_RULE_SHARE,
                         message("check_rule_as_long"))


def _measured(doc: Anatomy, line: Line, text_cm: float, share: tuple[float, float],
              expected: str) -> Iterator[Deviation]:
    """The line drawn under *line*: present, and as long as *share* of *text_cm*."""
    drawn = geometry.rule_under(doc, line)
    if drawn is None:
        yield at(line, message("check_rule_under"), message("check_none"))
        return
    low, high = share
    if text_cm > 0 and not low <= drawn.length_cm / text_cm <= high:
        yield at(line, expected, message("check_rule_length", length=f"{drawn.length_cm:.1f}",
                                         text=f"{text_cm:.1f}"))


@rule("CO-QUAN", "header", clause="Phụ lục I, Phần I, mục III.2 (tên cơ quan ban hành: in "
      "hoa, 12–13 pt, đậm)", right="SỞ NỘI VỤ (in hoa, đậm)", wrong="Sở Nội vụ; không đậm")
def issuer(doc: Anatomy) -> Iterator[Deviation]:
    if not doc.issuer:
        yield missing(message("check_the_issuing_body"))
    for line in doc.issuer:
        yield from element(doc, line, "issuer", message("check_issuer"))


@rule("CO-QUAN-LINE", "header", clause="Phụ lục I, Phần I, mục III.2 (dưới tên cơ quan một "
      "đường kẻ ngang nét liền, dài 1/3–1/2 dòng chữ, đặt cân đối)",
      right="ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG / đường kẻ ngắn bằng 1/3–1/2 dòng chữ",
      wrong="không có đường kẻ; đường kẻ dài bằng cả dòng chữ")
def issuer_line(doc: Anatomy) -> Iterator[Deviation]:
    if not doc.issuer:
        return
    longest = max(geometry.text_width_cm(line) for line in doc.issuer)
    yield from _measured(doc, doc.issuer[-1], longest, SHORT_RULE_SHARE,
                         message("check_rule_short"))


@rule("CHU-QUAN", "header", clause="Phụ lục I, Phần I, mục III.2 (tên cơ quan chủ quản: in "
      "hoa, 12–13 pt, đứng, không đậm)", right="UBND TỈNH LÂM ĐỒNG (không đậm) / SỞ NỘI VỤ",
      wrong="UBND TỈNH LÂM ĐỒNG in đậm")
def parent(doc: Anatomy) -> Iterator[Deviation]:
    for line in doc.parent:
        yield from element(doc, line, "parent_body", message("check_parent"))


@rule("SO-KY-HIEU", "header", clause="Phụ lục I, Phần I, mục III.3 (số, ký hiệu: “Số:”, "
      "số dưới 10 có 0 đứng trước, các nhóm ký hiệu nối bằng “-” không cách; 13 pt)",
      right="Số: 05/UBND-VP", wrong="Số: 5/UBND-VP; Số: 15/UBND - VP")
def number_line(doc: Anatomy) -> Iterator[Deviation]:
    line = doc.number
    if line is None:
        yield missing("Số: .../...")
        return
    text = line.text.strip()
    draft = re.match(r"^Số:\s+/", text)
    if not (patterns.NUMBER_LINE.match(text) or (draft and patterns.NUMBER_LINE.match(
            "Số: 01/" + text.split("/", 1)[1].strip()))):
        yield at(line, "Số: 05/UBND-VP", text)
    yield from element(doc, line, "number", message("check_number_line"))


@rule("TRICH-YEU-CV", "header", clause="Phụ lục I, Phần I, mục III.5b (trích yếu công văn: "
      "“V/v …”, 12–13 pt, đứng)", right="V/v triển khai Kế hoạch … (12 pt, không đậm)",
      wrong="V/v … in đậm 14 pt")
def summary(doc: Anatomy) -> Iterator[Deviation]:
    for line in doc.summary:
        yield from element(doc, line, "summary", decree.SUMMARY_LABEL)


@rule("DIA-DANH-NGAY", "header", clause="Phụ lục I, Phần I, mục III.4 (địa danh, ngày tháng: "
      "nghiêng, 13–14 pt; ngày dưới 10 và tháng 1, 2 có 0 đứng trước)",
      right="Lâm Đồng, ngày 05 tháng 01 năm 2026", wrong="Lâm Đồng ngày 5 tháng 1 năm 2026")
def place_date(doc: Anatomy) -> Iterator[Deviation]:
    line = doc.place_date
    if line is None:
        yield missing(message("check_place_date"))
        return
    text = line.stripped
    if not re.match(r"^[^,]+, ngày\b", text):
        yield at(line, message("check_place_date_form"), text)
    match = re.search(r"ngày\s+(\d+)\s+tháng\s+(\d+)\s+năm\s+(\d+)", text)
    if match and not patterns.DATE.search(" ".join(["ngày", match[1], "tháng", match[2], "năm",
                                                     match[3]])):
        yield at(line, message("check_date_zeros"), match.group(0))
    yield from element(doc, line, "place_date", message("check_place_and_date"))


@rule("TEN-VAN-BAN", "header", clause="Phụ lục I, Phần I, mục III.5a (tên loại: in hoa, "
      "13–14 pt, đậm, căn giữa; trích yếu đậm, căn giữa)",
      right="KẾ HOẠCH / Phát động phong trào thi đua … (đậm, căn giữa)",
      wrong="Kế hoạch (không in hoa); trích yếu không đậm")
def title(doc: Anatomy) -> Iterator[Deviation]:
    for position, line in enumerate(doc.title):
        yield from element(doc, line, "title" if position == 0 else "subtitle",
                           message("check_title"))


@rule("TRICH-YEU-LINE", "header", clause="Phụ lục I, Phần I, mục III.5a (dưới trích yếu một "
      "đường kẻ ngang nét liền, dài 1/3–1/2 dòng chữ)",
      right="KẾ HOẠCH / Cải cách hành chính năm 2026 / đường kẻ ngắn",
      wrong="không có đường kẻ dưới trích yếu")
def subject_line(doc: Anatomy) -> Iterator[Deviation]:
    if len(doc.title) < 2 or doc.title[0].shown.lower() not in decree.KIND_CODES:
        return  # only a typed kind (KẾ HOẠCH, QUYẾT ĐỊNH ...) has its trích yếu underlined
    subject = doc.title[1:]
    for line in subject:
        if geometry.rule_under(doc, line) is not None:
            break
    else:
        line = subject[0]
    text_cm = max(longest_line_pt(l.shown, max((s for s in doc.sizes(l) if s), default=14),
                                  l.paragraph.width_cm * geometry.PT_PER_CM, bold=doc.bold(l))
                  for l in subject if l.number <= line.number) / geometry.PT_PER_CM
    yield from _measured(doc, line, text_cm, SHORT_RULE_SHARE, message("check_rule_short"))
