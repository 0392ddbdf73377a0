"""Find the parts of an administrative document, however it was typed.

The document comes from the one reader (:mod:`thidua_docs.wordml`). A *line* is
what a clerk sees as one line of one column: a paragraph, cut at its line
breaks (``w:br``) and at the tabs or wide runs of spaces that set two columns
side by side ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI ..."). The header block may
be a table, text boxes or such columns; the signature block a table (of one or
more rows, the name maybe under it) or columns. Parts are recognised by their
wording and position, not by style names, so hand-typed drafts work.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from thidua_docs import decree, wordml
from thidua_docs.decree import patterns
from thidua_docs.wordml import Paragraph, Span

#: Two columns typed side by side: tabs, or five spaces and more between words (not the
#: blanks a draft leaves in "Số:      /UBND" or "ngày      tháng").
_COLUMNS = re.compile(r"\t+|(?<=\S) {5,}(?=\S)")
_BLANK_BEFORE = re.compile(r"(số:?|so:?|ngày|ngay|tháng|thang|năm|nam)$", re.IGNORECASE)
_BLANK_AFTER = re.compile(r"^(/|tháng|thang|năm|nam)", re.IGNORECASE)
#: How far down the header block may reach (lines).
HEADER_LINES = 40


def fold(text: str) -> str:
    """Case- and space-insensitive form of a text, for recognising parts."""
    return " ".join(text.split()).casefold()


def plain(text: str) -> str:
    """*text* folded and without Vietnamese marks ("Cộng hòa" → "cong hoa"): how a part
    typed without diacritics is still recognised (and then reported as wrongly worded)."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _matches(pattern, line: "Line") -> bool:
    return bool(pattern.search(fold(line.text)) or pattern.search(plain(line.text)))


#: The decree's patterns without their marks, to find parts typed without diacritics.
_PLAIN = {name: re.compile(plain(getattr(patterns, name).pattern).replace("(?:oa|oa)", "oa"))
          for name in ("NATIONAL", "MOTTO")}
_PLAIN_NUMBER = re.compile(r"^\s*so\s*:")
_PLAIN_RECIPIENTS = re.compile(r"^\W*noi\s+nhan\b")


@dataclass(eq=False)
class Line:
    """One line of one column of a paragraph, with where it stands."""

    number: int                # the paragraph's number in reading order
    paragraph: Paragraph
    spans: list[Span]
    text: str
    container: str             # "body", "table", "textbox"
    column: int | None = None  # table column, or column typed side by side (0 = left)
    row: int | None = None
    table: int | None = None
    part: int = 0              # index among the columns typed side by side
    parts: int = 1
    break_index: int = 0       # index among the paragraph's lines cut by w:br

    @property
    def stripped(self) -> str:
        return " ".join(self.text.split())

    @property
    def shown(self) -> str:
        """The text as printed (All Caps applied), spaces collapsed."""
        return " ".join("".join(span.shown for span in self.spans).split())

    @property
    def format(self):
        return self.paragraph.format

    @property
    def cell(self) -> tuple | None:
        return (self.table, self.row, self.column) if self.container == "table" else None

    def describe(self) -> str:
        words = self.stripped
        short = words if len(words) <= 40 else words[:40].rsplit(" ", 1)[0] + "…"
        return f"{self.number} «{short}»"


@dataclass
class Anatomy:
    """The recognised parts of one document; absent parts are None or empty."""

    word: wordml.WordDocument
    lines: list[Line]
    national: Line | None = None
    motto: Line | None = None
    parent: list[Line] = field(default_factory=list)
    issuer: list[Line] = field(default_factory=list)
    number: Line | None = None
    summary: list[Line] = field(default_factory=list)
    urgency: Line | None = None
    place_date: Line | None = None
    title: list[Line] = field(default_factory=list)
    addressees: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    recipients_label: Line | None = None
    recipients: list[Line] = field(default_factory=list)
    signature: list[Line] = field(default_factory=list)
    signer: Line | None = None

    @property
    def resolver(self):
        return self.word.formats

    def bold(self, line: Line) -> bool:
        """Whether most of the line's text is bold."""
        return _share(line, lambda f: f.bold) > 0.5

    def italic(self, line: Line) -> bool:
        return _share(line, lambda f: f.italic) > 0.5

    @staticmethod
    def sizes(line: Line) -> set[float | None]:
        return {span.format.size_pt for span in line.spans if span.text.strip()}

    @staticmethod
    def paragraph_format(line: Line):
        return line.paragraph.format


def _share(line: Line, test) -> float:
    total = marked = 0
    for span in line.spans:
        length = len(span.text.strip())
        if length:
            total += length
            marked += length if test(span.format) else 0
    return marked / total if total else 0.0


def read_lines(word: wordml.WordDocument) -> list[Line]:
    """Every non-empty line of the document, in reading order."""
    lines: list[Line] = []
    for paragraph in word.paragraphs:
        if paragraph.container in ("header", "footer") or paragraph.empty:
            continue
        broken = _cut(paragraph.spans, "\n")
        for break_index, spans in enumerate(broken):
            columns = [c for c in _columns(spans) if "".join(s.text for s in c).strip()]
            for part, column_spans in enumerate(columns):
                text = "".join(s.text for s in column_spans)
                if paragraph.label and break_index == 0 and part == 0:
                    text = f"{paragraph.label} {text.lstrip()}"
                column = paragraph.column if paragraph.container == "table" else (
                    part if len(columns) > 1 else None)
                lines.append(Line(paragraph.index, paragraph, column_spans, text,
                                  paragraph.container, column, paragraph.row, paragraph.table,
                                  part, len(columns), break_index))
    return lines


def _cut(spans: list[Span], mark: str) -> list[list[Span]]:
    pieces: list[list[Span]] = [[]]
    for span in spans:
        if span.text == mark:
            pieces.append([])
        else:
            pieces[-1].append(span)
    return pieces


def _columns(spans: list[Span]) -> list[list[Span]]:
    """Spans cut where tabs or wide spaces set columns side by side."""
    text = "".join(span.text for span in spans)
    cuts = []
    for match in _COLUMNS.finditer(text):
        before, after = text[:match.start()].rstrip(), text[match.end():]
        if match.group(0)[0] == " " and (_BLANK_BEFORE.search(before) or
                                         _BLANK_AFTER.match(after)):
            continue
        cuts.append((match.start(), match.end()))
    if not cuts:
        return [spans]
    columns: list[list[Span]] = [[]]
    position, cut = 0, 0
    for span in spans:
        start, end = position, position + len(span.text)
        position = end
        offset = start
        while offset < end:
            if cut < len(cuts) and cuts[cut][0] <= offset < cuts[cut][1]:
                offset = min(cuts[cut][1], end)
                if offset == cuts[cut][1]:
                    columns.append([])
                    cut += 1
                continue
            stop = min(end, cuts[cut][0]) if cut < len(cuts) else end
            columns[-1].append(Span(span.text[offset - start:stop - start], span.format,
                                    span.run))
            offset = stop
    return columns


def analyse(document) -> Anatomy:
    """Recognise the parts of *document* (a python-docx Document or a WordDocument)."""
    word = document if isinstance(document, wordml.WordDocument) else wordml.read(document)
    lines = read_lines(word)
    doc = Anatomy(word, lines)
    head = lines[:HEADER_LINES]
    doc.national = next((l for l in head if patterns.NATIONAL.search(fold(l.text))), None) \
        or next((l for l in head if _PLAIN["NATIONAL"].search(plain(l.text))), None)
    start = lines.index(doc.national) if doc.national else 0
    doc.motto = next((l for l in lines[start:start + 6]
                      if patterns.MOTTO.search(fold(l.text))
                      or _PLAIN["MOTTO"].search(plain(l.text))), None)
    doc.number = next((l for l in head if (patterns.NUMBER_START.match(l.text) or
                                           _PLAIN_NUMBER.match(plain(l.text)))
                       and "/" in l.text), None)
    dated = [l for l in head if l is not doc.number and (
        patterns.DATE_WORDS.search(l.text) or patterns.DATE_WORDS.search(plain(l.text)
                                                                         .replace("ngay", "ngày")
                                                                         .replace("thang", "tháng")
                                                                         .replace("nam", "năm")))]
    doc.place_date = next((l for l in dated if "," in l.text[:60]), dated[0] if dated else None)
    header_end = _find_header(doc)
    _find_issuer(doc, lines[:header_end])
    rest = lines[header_end:]
    signature_start = _find_signature(doc, rest)
    _find_title_and_body(doc, rest[:signature_start] if signature_start is not None else rest)
    return doc


def _find_header(doc: Anatomy) -> int:
    """Index of the first line after the header block; finds V/v and urgency too."""
    anchors = [l for l in (doc.national, doc.motto, doc.number, doc.place_date) if l]
    if not anchors:
        return 0
    end = max(doc.lines.index(l) for l in anchors) + 1
    after_number = doc.lines.index(doc.number) + 1 if doc.number else end
    for line in doc.lines[after_number:end + 4]:
        text = line.stripped
        if patterns.URGENCY.match(text):
            doc.urgency = line
        elif patterns.SUMMARY_LABEL.match(text) or (
                doc.summary and _continues(line, doc.summary[-1])
                and not _is_header_anchor(doc, line)):
            doc.summary.append(line)
        else:
            continue
        end = max(end, doc.lines.index(line) + 1)
    return end


def _continues(line: Line, previous: Line) -> bool:
    """*line* goes on with the V/v of *previous*: same cell or box, same column."""
    if line.container == "body" and previous.container == "body":
        return line.number == previous.number or (  # broken by line breaks, or centred
            line.number == previous.number + 1 and  # lines typed under a centred V/v
            line.format.alignment == previous.format.alignment == "center" and
            Anatomy.sizes(line) == Anatomy.sizes(previous))
    return line.cell == previous.cell and line.container == previous.container and \
        line.part == previous.part


def _is_header_anchor(doc: Anatomy, line: Line) -> bool:
    return line in (doc.national, doc.motto, doc.number, doc.place_date, doc.urgency)


def _find_issuer(doc: Anatomy, header: list[Line]) -> None:
    right = [l for l in (doc.national, doc.motto, doc.place_date) if l]
    right_cells = {l.cell for l in right if l.cell}
    limit = doc.lines.index(doc.number) if doc.number else len(header)
    candidates = [l for l in header[:limit]
                  if not _is_header_anchor(doc, l) and l not in doc.summary
                  and not (l.cell and l.cell in right_cells)
                  and not (l.parts > 1 and l.part > 0)
                  and not (l.container == "textbox" and not l.stripped.isupper())]
    bold_tail: list[Line] = []
    for line in reversed(candidates):
        if not doc.bold(line):
            break
        bold_tail.insert(0, line)
    if not bold_tail and candidates:
        bold_tail = candidates[-1:]
    doc.issuer = bold_tail
    doc.parent = candidates[:len(candidates) - len(bold_tail)]


def _find_signature(doc: Anatomy, rest: list[Line]) -> int | None:
    """Locate Nơi nhận, recipients and the signature; return where they start in *rest*."""
    label = next((l for l in rest if _PLAIN_RECIPIENTS.match(plain(l.text))), None)
    if label is None:
        return None
    doc.recipients_label = label
    index = rest.index(label)
    if label.container == "table":
        rows = [l for l in rest if l.table == label.table and l.row == label.row]
        doc.recipients = [l for l in rows if l.cell == label.cell and l is not label
                          and l.part == 0]
        signature = [l for l in rows if l.column != label.column]
        later = [l for l in rest[index:] if l.table == label.table and l.row is not None
                 and l.row > label.row]
        signature += [l for l in later if l.column != label.column]
        doc.recipients += [l for l in later if l.column == label.column]
        after = [l for l in rest[rest.index(rows[-1]) + 1:] if l.container == "body"
                 and l not in signature]
        if signature and not _has_name(signature) and after:
            signature += after[:1]  # the name typed under the table
        doc.signature = signature
        start = min(rest.index(l) for l in rows)
    else:
        tail = rest[index:]
        doc.recipients = [l for l in tail[1:] if l.part == 0 and
                          (l.stripped.startswith(("-", "+", "•")) or
                           plain(l.text).startswith("luu"))]
        doc.signature = [l for l in tail if l.part > 0]
        if doc.signature:  # typed beside the recipients: the name may follow below them
            doc.signature += [l for l in tail[1:] if l.part == 0 and l not in doc.recipients
                              and _set_apart(l)]
        if not doc.signature:  # signature typed as paragraphs just above the recipients
            above = []
            for line in reversed(rest[:index]):
                if line.paragraph.format.alignment == "justify" or line.container != "body":
                    break
                above.insert(0, line)
            doc.signature = above
            index -= len(above)
        start = index
    doc.recipients = _joined(doc.recipients)
    if doc.signature and not _is_title(doc.signature[-1]):
        doc.signer = doc.signature[-1]
        doc.signature = doc.signature[:-1]
    return start


#: Words of an office or a signing title: a last signature line made of them is a title,
#: the name left blank (a draft), not a name in capitals.
_TITLE_WORDS = re.compile(r"\b(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|CHÁNH|PHÓ|ỦY BAN|UỶ BAN|BỘ|SỞ|BAN|"
                          r"PHÒNG|VĂN PHÒNG|THỦ TƯỚNG|HỘI ĐỒNG|CỤC|VỤ|TỔNG)\b")


def _is_title(line: Line) -> bool:
    text = line.shown
    return text == text.upper() and bool(_TITLE_WORDS.search(text))


def _joined(recipients: list[Line]) -> list[Line]:
    """Recipient lines, a line that goes on with the previous one (no "-" of its own, the
    previous without its ";") joined to it, as it reads on the page."""
    result: list[Line] = []
    for line in recipients:
        previous = result[-1] if result else None
        if previous is not None and not line.stripped.startswith(("-", "+", "•")) and \
                not previous.stripped.endswith((";", ".", ":")):
            result[-1] = Line(previous.number, previous.paragraph,
                              previous.spans + [Span(" ", s.format, s.run) for s in
                                                line.spans[:1]] + line.spans,
                              f"{previous.text.rstrip()} {line.text.strip()}",
                              previous.container, previous.column, previous.row,
                              previous.table, previous.part, previous.parts,
                              previous.break_index)
        else:
            result.append(line)
    return result


def _set_apart(line: Line) -> bool:
    """A line pushed to the right by spaces, tabs or its alignment (a signature line)."""
    text = line.text
    return line.format.alignment in ("center", "right") or text.startswith("\t") or \
        len(text) - len(text.lstrip(" ")) >= 10 or line.format.left_cm > 6


def _has_name(lines: list[Line]) -> bool:
    """Whether the last written line of a signature is a name (not all capitals)."""
    written = [l for l in lines if l.stripped]
    return bool(written) and written[-1].shown != written[-1].shown.upper()


def _caps_heading(doc: Anatomy, line: Line) -> bool:
    """A bold line in capitals without a label, set off by indent: a title typed uncentred."""
    text = line.shown
    return text == text.upper() and doc.bold(line) and not decree.LABEL.match(text) and (
        line.format.left_cm + line.format.first_line_cm > 2 or _set_apart(line))


def _find_title_and_body(doc: Anatomy, rest: list[Line]) -> None:
    position = 0
    while position < len(rest) and rest[position].container == "table" and \
            rest[position].table == 0:
        position += 1  # the header table's remaining cells
    while position < len(rest) and rest[position].container == "body" and \
            (rest[position].paragraph.format.alignment == "center" or
             (not doc.title and _caps_heading(doc, rest[position]))) and \
            not plain(rest[position].text).startswith(("kinh gui", "can cu")):
        doc.title.append(rest[position])
        position += 1
    for line in rest[position:]:
        if line.container != "body":
            continue
        if plain(line.text).startswith(plain(decree.ADDRESSEE_LABEL)[:8]) or (
                doc.addressees and not doc.body and line.stripped.startswith("-")):
            doc.addressees.append(line)
        else:
            doc.body.append(line)
