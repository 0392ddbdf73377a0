"""The parts of a directive in a source: header, title and body, Nơi nhận and signature.

A .docx goes through the one reader's anatomy (``thidua_docs.wordml.anatomy``,
which the checker reads too: the header in a table, text boxes or columns typed
side by side, the signature block in a table or after tabs). A text source is read the same way by its
wording: the header lines by the Quốc hiệu, the Tiêu ngữ, the "Số:" line and
the place and date (two columns copied side by side are split where three or
more spaces separate them); the tail from "Nơi nhận" (and a signature typed
above it) to the end. What lies between is joined into paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thidua_docs.wordml.anatomy import analyse, fold
from thidua_docs.decree import SUMMARY_LABEL
from thidua_docs.decree.patterns import (
    ARCHIVE, AUTHORITY, LOCALITY, MOTTO, NATIONAL, NUMBER, PLACE_DATE, RECIPIENTS_LABEL,
    URGENCY,
)
from thidua_docs.importer.paragraphs import (Line, Para, ends_sentence, is_capitals, join_lines,
                                            label_of)
from thidua_docs.importer.sources import DocxSource, LegacyReport, TextSource

_COLUMNS = re.compile(r"\s{3,}|\t+")
#: How far down a text's header block may reach.
_HEADER_LINES = 16


@dataclass
class Header:
    """The header block as found; strings as typed (capitals, spacing cleaned)."""

    parent: list[str] = field(default_factory=list)
    issuer: list[str] = field(default_factory=list)
    number: str | None = None
    summary: list[str] = field(default_factory=list)
    urgency: str | None = None
    place_date: str | None = None
    national: bool = False
    motto: bool = False
    #: The issuer split into parent body and name by wording only (no bold to tell).
    split_guessed: bool = False

    @property
    def found(self) -> bool:
        return any((self.national, self.motto, self.number, self.place_date, self.issuer))


@dataclass
class Tail:
    label: bool = False
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    signer: str | None = None


@dataclass
class Parts:
    """A source cut into its parts; ``title`` None means "find it in the body"."""

    source: str  # docx, text, pdf
    header: Header
    title: list[Para] | None
    addressees: list[str]
    body: list[Para]
    tail: Tail
    legacy: LegacyReport
    #: Text the recogniser could not place, with where it was found (header, end).
    leftovers: list[tuple[str, Para]] = field(default_factory=list)


def cut(source: TextSource | DocxSource) -> Parts:
    """The parts of *source*."""
    if isinstance(source, DocxSource):
        return _docx_parts(source)
    return _text_parts(source)


def _clean(text: str) -> str:
    return " ".join(text.replace("**", "").replace("\\*", "*").split())


# --- text sources -------------------------------------------------------------------------


def _text_parts(source: TextSource) -> Parts:
    lines = source.lines
    header, header_end, leftovers = _text_header(lines)
    tail_start = _tail_start(lines, header_end)
    tail, more = _text_tail(lines[tail_start:])
    body = join_lines(lines[header_end:tail_start])
    return Parts("pdf" if source.pdf else "text", header, None, [], body, tail, source.legacy,
                 [("header", p) for p in leftovers] + [("end", p) for p in more])


def _text_header(lines: list[Line]) -> tuple[Header, int, list[Para]]:
    header = Header()
    anchors: list[int] = []
    rests: dict[int, list[str]] = {}
    for index, line in enumerate(lines[:_HEADER_LINES]):
        rest, found = line.text, False
        for pattern, name in ((NATIONAL, "national"), (MOTTO, "motto")):
            for part in _COLUMNS.split(rest):
                if part.strip() and pattern.fullmatch(fold(part)):
                    setattr(header, name, True)
                    rest = rest.replace(part, "   ", 1)
                    found = True
        number = NUMBER.match(rest.strip()) if header.number is None else None
        if number:
            header.number = " ".join(number.group(0).split())
            rest = rest.strip()[number.end():]
            found = True
        place = PLACE_DATE.search(rest) if header.place_date is None else None
        if place and not rest[place.end():].strip():
            header.place_date = " ".join(place.group(0).split())
            rest = rest[:place.start()]
            found = True
        if found:
            anchors.append(index)
        rests[index] = [part for part in _COLUMNS.split(rest.strip()) if part.strip()]
    if not anchors:
        return Header(), 0, []
    end = max(anchors) + 1
    number_at = next((i for i in anchors if NUMBER.search(lines[i].text)), end)
    left: list[str] = []
    leftovers: list[Para] = []
    for i in range(end):
        for position, part in enumerate(rests[i]):
            if URGENCY.match(part):
                header.urgency = part
            elif i >= number_at and _is_summary(part, header):
                header.summary.append(part)
            elif i < number_at and position == 0:
                left.append(part)  # the left column above the number: the issuer
            else:
                leftovers.append(Para(part, ("line", lines[i].number)))
    while end < len(lines) and (URGENCY.match(lines[end].text) or
                                _is_summary(lines[end].text, header) or
                                _continues_summary(lines[end], header)):
        if URGENCY.match(lines[end].text):
            header.urgency = lines[end].text
        else:
            header.summary.append(lines[end].text)
        end += 1
    left = _stamped_number(header, left)
    header.parent, header.issuer = _split_issuer(left)
    header.split_guessed = bool(header.parent)
    return header, end, leftovers


def _is_summary(part: str, header: Header) -> bool:
    return part.startswith(SUMMARY_LABEL) or bool(header.summary and part[:1].islower())


def _continues_summary(line: Line, header: Header) -> bool:
    """A V/v broken over lines ("... tỉnh Lâm Đồng, Bình" / "Thuận, Đắk Nông (cũ)"): the
    next line, with no blank line between, while the V/v has not ended a sentence."""
    return bool(header.summary) and line.gap == 0 and not ends_sentence(
        header.summary[-1]) and not is_capitals(line.text) and not label_of(line.text) and \
        not fold(line.text).startswith(("kính gửi", "nơi nhận")) and \
        len(" ".join(header.summary)) < 300


_STAMPED = re.compile(r"^\d{1,5}$")


def _stamped_number(header: Header, left: list[str]) -> list[str]:
    """A number stamped by the register in the blank of "Số:   /BNV-CCHC" stands on a
    line of its own just above it: it is the number, not a line of the issuer's name."""
    if not left or not _STAMPED.match(left[-1].strip()) or header.number is None:
        return left
    match = NUMBER.search(header.number)
    if match is None or match.group("number"):
        return left
    header.number = f"Số: {left[-1].strip()}/{match.group('symbol')}"
    return left[:-1]


_NEEDS_LOCALITY = re.compile(r"^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)$")


def _split_issuer(lines: list[str]) -> tuple[list[str], list[str]]:
    """Parent body and issuer from the left header lines (no bold to tell them apart).

    "ỦY BAN NHÂN DÂN" + "TỈNH KON TUM" is one name; otherwise the last line (with
    lines continuing it: "VÀ DU LỊCH") is the issuer and what stands above it
    the parent body.
    """
    lines = [" ".join(line.split()) for line in lines]
    if not lines:
        return [], []
    for index in range(len(lines) - 1):
        if _NEEDS_LOCALITY.match(lines[index].upper()) and LOCALITY.match(
                lines[index + 1].upper()):
            return lines[:index], lines[index:]
    start = len(lines) - 1
    while start > 0 and re.match(r"^(VÀ|&|,)\s", lines[start]):
        start -= 1
    return lines[:start], lines[start:]


def _tail_start(lines: list[Line], header_end: int) -> int:
    """Where Nơi nhận and the signature start (len(lines) if neither is found)."""
    label = next((i for i in range(len(lines) - 1, header_end - 1, -1)
                  if RECIPIENTS_LABEL.match(lines[i].text)), None)
    closing = next((i for i in range(label if label is not None else len(lines) - 1,
                                     header_end - 1, -1)
                    if lines[i].text.rstrip("*").endswith("./.")), None)
    if label is None:
        authority = next((i for i in range(len(lines) - 1, max(header_end, len(lines) - 30) - 1,
                                           -1) if AUTHORITY.match(lines[i].text)), None)
        return closing + 1 if closing is not None else authority \
            if authority is not None else len(lines)
    if closing is not None and label - closing <= 12:
        return closing + 1
    start = label
    while start - 1 > header_end and label - start < 8 and (
            AUTHORITY.match(lines[start - 1].text) or _signature_like(lines[start - 1].text)):
        start -= 1
    return start if start < label and AUTHORITY.match(lines[start].text) else label


def _signature_like(text: str) -> bool:
    return len(text) < 60 and not text.endswith((".", ";", ":"))


def _recipient_continued(line: Line, tail: Tail) -> bool:
    """A line of the Nơi nhận column without a dash continues the recipient above it (its
    second line: "Công nghệ, Văn phòng Chính phủ (để P/H);"), unless it is the Lưu line
    or stands far right (the signer's name)."""
    text = line.text.lstrip()
    return line.indent < 12 and not text.startswith(("-", "+", "•")) and \
        not ARCHIVE.match(text) and not AUTHORITY.match(text) and \
        not _ARCHIVE_IN.search(tail.recipients[-1])


_ARCHIVE_IN = re.compile(r"^\W*lưu\s*:", re.IGNORECASE)


def _text_tail(lines: list[Line]) -> tuple[Tail, list[Para]]:
    tail = Tail()
    leftovers: list[Para] = []
    last_recipient_open = False
    for line in lines:
        # a part without a letter ("_", "“)") is ink or a stamp's edge read by OCR, not text
        parts = [p for p in _COLUMNS.split(line.text) if any(c.isalnum() for c in p)]
        for position, part in enumerate(parts):
            label = RECIPIENTS_LABEL.match(part)
            if label and not tail.label:
                tail.label = True
                part = part[label.end():].strip()
                if not part:
                    continue
            if tail.label and position == 0 and part.startswith(("-", "+", "•")):
                tail.recipients.append(part)
                last_recipient_open = not part.rstrip().endswith((";", "."))
            elif tail.label and position == 0 and tail.recipients and (
                    (last_recipient_open and part[:1].islower())
                    or _recipient_continued(line, tail)):
                tail.recipients[-1] += " " + part
                last_recipient_open = not part.rstrip().endswith((";", "."))
            elif _signature_like(part) or AUTHORITY.match(part):
                tail.signature.append(part)
                last_recipient_open = False
            else:  # a sentence after the signature or the recipients: no part of them
                leftovers.append(Para(part, ("line", line.number)))
    signature = [_clean(line) for line in tail.signature]
    if signature:
        tail.signer = signature[-1]
        tail.signature = signature[:-1]
    tail.recipients = [_clean(line) for line in tail.recipients]
    return tail, leftovers


# --- .docx --------------------------------------------------------------------------------


def _docx_parts(source: DocxSource) -> Parts:
    doc = analyse(source.document)
    # outside a table the checker's V/v reading runs on into the title: keep the V/v line
    # and what continues it in its own cell; the rest goes back to the body
    doc.summary = [line for position, line in enumerate(doc.summary)
                   if position == 0 or line.container in ("table", "textbox")]
    _continue_summary(doc)
    _trim_signature(doc)
    _signer_below(doc)
    texts = lambda lines: [line.stripped for line in lines]  # noqa: E731
    header = Header(
        parent=texts(doc.parent), issuer=texts(doc.issuer),
        number=doc.number.stripped if doc.number else None, summary=texts(doc.summary),
        urgency=doc.urgency.stripped if doc.urgency else None,
        place_date=doc.place_date.stripped if doc.place_date else None,
        national=doc.national is not None, motto=doc.motto is not None)
    head = [doc.national, doc.motto, doc.number, doc.urgency, doc.place_date] + doc.parent \
        + doc.issuer + doc.summary
    tail_lines = [doc.recipients_label, doc.signer] + doc.recipients + doc.signature
    if not doc.addressees:
        doc.addressees = _addressed_cells(doc, head + tail_lines)
    used = {id(line) for line in head + tail_lines + doc.title + doc.addressees if line}
    header_end = max((line.number for line in head if line), default=0)
    tail_start = min((line.number for line in tail_lines if line), default=10 ** 9)
    title = [_docx_para([line]) for line in doc.title if not line.break_index] or None
    body: list[Para] = []
    leftovers: list[tuple[str, Para]] = []
    groups: dict[int, list] = {}
    for line in doc.lines:
        if id(line) not in used:
            groups.setdefault(line.number, []).append(line)
    tables: dict[int, Para] = {}
    for number, lines in groups.items():
        if lines[0].container == "table" and lines[0].table in tables:
            _add_cell(tables[lines[0].table], lines[0])  # a further cell of a table
            continue
        para = _docx_para(lines)
        if lines[0].container == "table" and header_end < number and \
                lines[0].table is not None:
            para = Para(lines[0].stripped, para.where, rows=[])
            tables[lines[0].table] = para
            _add_cell(para, lines[0])
        if number <= header_end:
            leftovers.append(("header", para))
        elif number >= tail_start:
            leftovers.append(("end", para))
        else:
            if lines[0].container != "body" and para.rows is None:  # e.g. a text box
                para.leftover = "body"
            body.append(para)
    recipients, notes = _recipient_lines(doc)
    leftovers += [("end", note) for note in notes]
    tail = Tail(doc.recipients_label is not None, recipients,
                texts(doc.signature), doc.signer.stripped if doc.signer else None)
    return Parts("docx", header, title, texts(doc.addressees), body, tail, source.legacy,
                 leftovers)


def _addressed_cells(doc, taken: list) -> list:
    """"Kính gửi:" in a table cell, the addressees in the cells beside it (one line each):
    the Kính gửi block, not a table of the body."""
    taken_ids = {id(line) for line in taken if line}
    for line in doc.lines:
        if line.container == "table" and id(line) not in taken_ids and \
                fold(line.text).startswith("kính gửi"):
            return [line] + [other for other in doc.lines
                             if other.container == "table" and other.table == line.table
                             and other.row == line.row and (other.column or 0) > (
                                 line.column or 0) and id(other) not in taken_ids]
    return []


def _add_cell(table: Para, line) -> None:
    """Put *line* in its row and column of *table* (a cell of several lines joined)."""
    while len(table.rows) <= line.row:
        table.rows.append([])
    cells = table.rows[line.row]
    while len(cells) <= (line.column or 0):
        cells.append("")
    cells[line.column or 0] = " ".join(filter(None, [cells[line.column or 0], line.stripped]))


#: "- Cổng TTĐT Bộ Tài chính;  Thông tư xin ý kiến": a recipient, then a note beside it.
_NOTE_BESIDE = re.compile(r"^(.*?;)\s{2,}(\S.*)$")


def _recipient_lines(doc) -> tuple[list[str], list[Para]]:
    """The Nơi nhận lines, one per recipient: lines joined by line breaks are cut apart
    (the first recipient may share the label's paragraph, the Lưu line the last one's), a
    line without a dash continues the recipient above it. A note typed beside the list
    ("Để đăng dự thảo" in a column of its own) is no recipient: it comes back as text
    the import could not place."""
    pieces: list[tuple[str, int, bool]] = []  # (text, paragraph, beside the list)
    if doc.recipients_label is not None:
        pieces.append((RECIPIENTS_LABEL.sub("", doc.recipients_label.text, count=1),
                       doc.recipients_label.number, False))
    pieces += [(line.text, line.number, line.part > 0) for line in doc.recipients]
    lines: list[str] = []
    notes: list[Para] = []
    for text, number, beside in pieces:
        for piece in text.split("\n"):
            note = _NOTE_BESIDE.match(piece.strip())
            if note and not beside:
                piece = note.group(1)
                notes.append(Para(note.group(2), ("paragraph", number)))
            piece = " ".join(piece.split())
            if not piece:
                continue
            if beside:
                notes.append(Para(piece, ("paragraph", number)))
            elif lines and not piece.startswith(("-", "+", "•", "–")):
                lines[-1] += " " + piece
            else:
                lines.append(piece)
    return lines, notes


def _continue_summary(doc) -> None:
    """A V/v typed as body paragraphs, one per line ("V/v triển khai thực hiện" / "Công văn
    số 427/BCA-C04" / "của Bộ Công an"): the short lines right after it, up to Kính gửi, a
    blank line, a sentence's end or a label, continue it (even where the anatomy, which
    has no V/v rule for body paragraphs, saw a title)."""
    if len(doc.summary) != 1 or doc.summary[0].container != "body":
        return
    position = doc.lines.index(doc.summary[0]) + 1
    while position < len(doc.lines):
        line = doc.lines[position]
        text = line.stripped
        if line.container != "body" or line.number != doc.summary[-1].number + 1 or \
                len(text) > 80 or ends_sentence(doc.summary[-1].stripped) or \
                is_capitals(text) or label_of(text) or \
                fold(text).startswith(("kính gửi", "nơi nhận")) or line in (
                    doc.national, doc.motto, doc.number, doc.urgency, doc.place_date):
            return
        doc.summary.append(line)
        if line in doc.title:  # a V/v makes a công văn: what runs on from it is no title
            doc.title.remove(line)
        position += 1


_PERSON = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+$")


def _signer_below(doc) -> None:
    """A signature typed after tabs whose name stands on its own line far below it, past
    the Nơi nhận lines: the last line of the document that reads as a person's name."""
    if doc.signer is None or not is_capitals(doc.signer.stripped):
        return
    after = [line for line in doc.lines if line.number > doc.signer.number]
    names = [line for line in after[:12] if _PERSON.match(line.stripped)]
    if names:
        doc.signature.append(doc.signer)
        doc.signer = names[0]


def _trim_signature(doc) -> None:
    """A signature typed as paragraphs above Nơi nhận: the checker takes every line up to
    the last justified one; keep only the lines that read as a signature block."""
    lines = doc.signature + ([doc.signer] if doc.signer else [])
    if not lines or any(line.container == "table" or line.part > 0 for line in lines):
        return
    start = len(lines)
    while start > 0 and (_signature_like(lines[start - 1].stripped)
                         or AUTHORITY.match(lines[start - 1].stripped)):
        start -= 1
    kept = lines[start:]
    doc.signature, doc.signer = kept[:-1], (kept[-1] if kept else None)


def _docx_para(lines: list) -> Para:
    """One paragraph of a .docx: text with inline emphasis markers and whole-paragraph hints;
    the label of Word's automatic numbering before it, as if typed."""
    paragraph = lines[0].paragraph
    pieces = [(span.text.replace("*", "\\*"), span.format.bold, span.format.italic)
              for span in paragraph.spans]
    visible = [(text, bold, italic) for text, bold, italic in pieces if text.strip()]
    bold = bool(visible) and all(b for _, b, _ in visible)
    italic = bool(visible) and all(i for _, _, i in visible)
    text = "".join(_marked(t, b and not bold, i and not italic and not (b and not bold))
                   for t, b, i in _merge(pieces))
    if paragraph.label:
        text = f"{paragraph.label} {text}"
    return Para(" ".join(text.split()), ("paragraph", lines[0].number), bold, italic,
                paragraph.format.alignment == "center")


def _merge(pieces: list[tuple[str, bool, bool]]) -> list[tuple[str, bool, bool]]:
    merged: list[tuple[str, bool, bool]] = []
    for text, bold, italic in pieces:
        if merged and (not text.strip() or merged[-1][1:] == (bold, italic)):
            merged[-1] = (merged[-1][0] + text, merged[-1][1], merged[-1][2])
        else:
            merged.append((text, bold, italic))
    return merged


def _marked(text: str, bold: bool, italic: bool) -> str:
    mark = "**" if bold else "*" if italic else ""
    if not mark or not text.strip():
        return text
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark}{trail}"
