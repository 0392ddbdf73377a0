"""The body: alignment, indent, spacing, line spacing, one size, and the labels' order.

Body rules look at body paragraphs only: not centred or right-aligned lines
("QUYẾT ĐỊNH:", "Kính gửi:", "(Kèm theo …)", headings of appendices), not
tables, not the lines of a signature typed in the body.
"""

from __future__ import annotations

import re
from typing import Iterator

from thidua_docs import decree
from thidua_docs.wordml.anatomy import Anatomy, Line
from thidua_docs.check.registry import Deviation, rule
from thidua_docs.check.rules.common import at, size_range
from thidua_docs.messages import message
from thidua_docs.vnformat import roman

_EPS = 0.05
#: Lines shorter than this are headings or single words: alignment does not show.
_SHORT = 60
#: Where Word puts a tab that has no stop of its own (every 1.27 cm).
_DEFAULT_TAB_CM = 1.27
#: Exact line heights a little under "single" print as single (15 pt for 14 pt text).
_EXACT_SLACK = 0.12
#: Headings under which khoản numbers restart: Điều, Chương, Mục, Phần, A./B.
_RESTART = re.compile(r"^(Điều\s+\d+|Chương\s+[IVXLC\d]+|Mục\s+\d+|(Phần|PHẦN)\s+"
                      r"([IVXLC\d]+|thứ|THỨ)|[A-Đ]\.\s)")


def body_paragraphs(doc: Anatomy) -> list[Line]:
    """The body lines that are paragraphs of running text: first line of each paragraph,
    left-aligned or justified, outside tables and the signature."""
    seen, result = set(), []
    signature = {id(l) for l in doc.signature + [doc.signer] if l}
    for line in doc.body:
        if line.number in seen or id(line) in signature or line.break_index or line.part:
            continue
        seen.add(line.number)
        if line.format.alignment in ("center", "right"):
            continue
        result.append(line)
    return result


def _paragraph_starts(lines: list[Line]) -> list[Line]:
    return [l for l in lines if not l.paragraph.text.lstrip().startswith(("(", "*"))]


@rule("BODY-ALIGN", "body", clause="Phụ lục I, Phần I, mục III.6 (nội dung căn đều hai lề)",
      right="đoạn văn căn đều hai lề", wrong="đoạn văn căn trái")
def body_align(doc: Anatomy) -> Iterator[Deviation]:
    for line in body_paragraphs(doc):
        alignment = line.format.alignment
        if alignment != "justify" and len(line.paragraph.text.strip()) > _SHORT:
            yield at(line, message("check_justified"), alignment,
                     cause=(alignment, line.format.style_id))


def first_line_cm(line: Line) -> float:
    """Where the first line starts, from the paragraph's indent or the tab typed before it."""
    fmt = line.format
    indent = fmt.first_line_cm
    text = line.paragraph.text
    if text.startswith("\t") and indent < decree.BODY_FIRST_LINE_CM[0]:
        origin = fmt.left_cm + indent
        stops = [position for position, kind in fmt.tabs if position > origin + 0.01
                 and kind != "clear"]
        target = min(stops) if stops else (int(origin / _DEFAULT_TAB_CM) + 1) * _DEFAULT_TAB_CM
        return target - fmt.left_cm
    spaces = len(text) - len(text.lstrip(" "))
    if spaces >= 4 and indent < decree.BODY_FIRST_LINE_CM[0]:
        return indent + spaces * 0.088  # a space of 14 pt Times is about 0.12 cm; be lenient
    return indent


@rule("BODY-INDENT", "body", clause="Phụ lục I, Phần I, mục III.6 (lùi đầu dòng 1–1,27 cm)",
      right="lùi đầu dòng 1 cm hoặc 1,27 cm (kể cả bằng một Tab)", wrong="không lùi đầu dòng")
def body_indent(doc: Anatomy) -> Iterator[Deviation]:
    low, high = decree.BODY_FIRST_LINE_CM
    for line in _paragraph_starts(body_paragraphs(doc)):
        indent = first_line_cm(line)
        visual = line.format.left_cm + indent
        if low - _EPS <= indent <= high + _EPS or low - _EPS <= visual <= high + _EPS:
            continue
        yield at(line, f"{low:g}–{high:g} cm", f"{indent:.2f} cm",
                 cause=(round(indent, 2), line.format.style_id))


@rule("BODY-SPACING", "body", clause="Phụ lục I, Phần I, mục III.6 (khoảng cách giữa các đoạn "
      "tối thiểu 6 pt)", right="cách đoạn trước 6 pt", wrong="cách đoạn 0 pt")
def body_spacing(doc: Anatomy) -> Iterator[Deviation]:
    for line in body_paragraphs(doc):
        fmt = line.format
        total = fmt.space_before_pt + fmt.space_after_pt
        if total < decree.BODY_MIN_SPACING_PT - 0.01:
            yield at(line, f"≥ {decree.BODY_MIN_SPACING_PT} pt", f"{total:g} pt",
                     cause=(total, fmt.style_id))


@rule("BODY-LINE", "body", clause="Phụ lục I, Phần I, mục III.6 (giãn dòng từ một dòng đơn "
      "đến 1,5 dòng)", right="giãn dòng 1,0–1,5 (hoặc chính xác 15–24 pt với chữ 14 pt)",
      wrong="giãn dòng 2,0")
def body_line(doc: Anatomy) -> Iterator[Deviation]:
    low, high = decree.BODY_LINE_SPACING
    for line in body_paragraphs(doc):
        fmt = line.format
        spacing, slack = fmt.line_spacing, _EPS
        if spacing is None:
            size = max((s for s in doc.sizes(line) if s), default=14)
            spacing, slack = fmt.line_pt / (1.15 * size), _EXACT_SLACK
        if not low - slack <= spacing <= high + _EPS:
            yield at(line, f"{low:g}–{high:g}", f"{spacing:.2f}",
                     cause=(round(spacing, 2), fmt.style_id))


@rule("BODY-SIZE", "body", clause="Phụ lục I, Phần I, mục III.6 (nội dung cỡ 13–14 pt, một "
      "cỡ chữ)", right="toàn bộ nội dung 14 pt", wrong="nội dung 12 pt; đoạn 13 pt giữa 14 pt")
def body_size(doc: Anatomy) -> Iterator[Deviation]:
    low, high = decree.ELEMENTS["body"].size_pt
    counts: dict[float, list[Line]] = {}
    for line in body_paragraphs(doc):
        for size in doc.sizes(line):
            counts.setdefault(size, []).append(line)
    if not counts:
        return
    main = max(counts, key=lambda size: len(counts[size]))
    for size, lines in sorted(counts.items(), key=lambda item: -len(item[1])):
        if size is None or not low <= size <= high:
            for line in lines:
                yield at(line, size_range(low, high), f"{size} pt")
        elif size != main:
            for line in lines:
                yield at(line, message("check_one_size", size=f"{main:g}"), f"{size:g} pt")


_LEVELS = ("roman", "arabic", "letter")


@rule("LABELS", "body", clause="Phụ lục I, Phần I, mục III.6 (số thứ tự: I, II → 1, 2 → a), "
      "b) theo bảng chữ cái tiếng Việt)", right="I. … 1. … 2. … a) … b) … đ) …",
      wrong="1. … 3. (thiếu 2.); a) … c) (thiếu b)); e) sau d)")
def labels(doc: Anatomy) -> Iterator[Deviation]:
    current = [0, 0, 0]
    seen: list[set[int]] = [set(), set(), set()]
    previous: Line | None = None
    for line in _first_lines(doc):
        text = line.text.strip()
        if _RESTART.match(text):
            current[1:], seen[1:] = [0, 0], [set(), set()]
        match = decree.LABEL.match(text)
        kind = next((k for k in _LEVELS if match.group(k) is not None), None) if match else None
        if kind is None:
            previous = line
            continue
        depth = _LEVELS.index(kind)
        value = _value(kind, match.group(kind))
        if value is None:
            previous = line
            continue
        expected = current[depth] + 1
        restart = value == 1 and previous is not None and _heading(doc, previous)
        if value != expected and not restart:
            kind_of_error = "check_label_repeated" if value in seen[depth] else None
            shown = _label(kind, match.group(kind))
            yield at(line, _label(kind, _spell(kind, expected)),
                     message(kind_of_error, label=shown) if kind_of_error else shown)
        current[depth] = value
        seen[depth].add(value)
        for deeper in range(depth + 1, 3):
            current[deeper] = 0
            seen[deeper] = set()
        previous = line


def _first_lines(doc: Anatomy) -> list[Line]:
    """The first line of every body paragraph, centred headings ("Phần thứ hai") included."""
    seen, result = set(), []
    signature = {id(l) for l in doc.signature + [doc.signer] if l}
    for line in doc.body:
        if line.number not in seen and not line.break_index and not line.part and \
                id(line) not in signature:
            seen.add(line.number)
            result.append(line)
    return result


def _heading(doc: Anatomy, line: Line) -> bool:
    """An unlabelled bold line: a heading under which numbering may start again."""
    return doc.bold(line) and not decree.LABEL.match(line.text.strip())


def _value(kind: str, text: str) -> int | None:
    if kind == "arabic":
        return int(text)
    if kind == "letter":
        position = decree.POINT_LETTERS.find(text)
        return position + 1 if position >= 0 else None
    numerals = {roman(n): n for n in range(1, 40)}
    return numerals.get(text)


def _spell(kind: str, value: int) -> str:
    if kind == "arabic":
        return str(value)
    if kind == "letter":
        return decree.POINT_LETTERS[value - 1] if value <= len(decree.POINT_LETTERS) else "?"
    return roman(value)


def _label(kind: str, text: str) -> str:
    return f"{text})" if kind == "letter" else f"{text}."
