"""Find the parts of an administrative document, however it was typed.

The header block may be a table, text boxes or tab-separated paragraphs; the
signature block a table or tab-separated paragraphs. Parts are recognised by
their wording and position, not by style names, so hand-typed drafts work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thidua_docs import decree
from thidua_docs.check.reader import Line, read_lines
from thidua_docs.wordml.formatting import FormatResolver



def fold(text: str) -> str:
    """Case- and space-insensitive form of a text, for recognising parts."""
    return " ".join(text.split()).casefold()


@dataclass
class Anatomy:
    """The recognised parts of one document; absent parts are None or empty."""

    document: object
    resolver: FormatResolver
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

    def bold(self, line: Line) -> bool:
        """Whether most of the line's text is bold."""
        return self._share(line, lambda f: f.bold) > 0.5

    def italic(self, line: Line) -> bool:
        return self._share(line, lambda f: f.italic) > 0.5

    def sizes(self, line: Line) -> set[float]:
        return {self.resolver.run(line.paragraph, run).size_pt for run in line.runs
                if run.text.strip()}

    def paragraph_format(self, line: Line):
        return self.resolver.paragraph(line.paragraph)

    def _share(self, line: Line, test) -> float:
        total = marked = 0
        for run in line.runs:
            length = len(run.text.strip())
            if length:
                total += length
                marked += length if test(self.resolver.run(line.paragraph, run)) else 0
        return marked / total if total else 0.0


def _cell(line: Line) -> tuple | None:
    return (line.table, line.row, line.column) if line.container == "table" else None


def analyse(document) -> Anatomy:
    """Recognise the parts of *document*."""
    lines = read_lines(document)
    doc = Anatomy(document, FormatResolver(document), lines)
    national_forms = {fold(name) for name in decree.NATIONAL_NAMES}
    doc.national = next((l for l in lines[:40] if fold(l.text) in national_forms
                         or fold(l.text).startswith(tuple(f[:15] for f in national_forms))),
                        None)
    start = lines.index(doc.national) if doc.national else 0
    doc.motto = next((l for l in lines[start:start + 6]
                      if "độc lập" in fold(l.text) and "hạnh phúc" in fold(l.text)), None)
    doc.number = next((l for l in lines[:40] if decree.patterns.NUMBER_START.match(l.text)), None)
    doc.place_date = next((l for l in lines[:40] if l is not doc.number
                           and decree.patterns.DATE_WORDS.search(l.text)), None)
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
        if decree.urgency_level(text):
            doc.urgency = line
        elif text.startswith(decree.SUMMARY_LABEL) or (doc.summary and _same_place(line, doc.summary[-1])
                                        and not _is_header_anchor(doc, line)):
            doc.summary.append(line)
        else:
            continue
        end = max(end, doc.lines.index(line) + 1)
    return end


def _same_place(a: Line, b: Line) -> bool:
    return _cell(a) == _cell(b) and a.container == b.container and a.part == b.part


def _is_header_anchor(doc: Anatomy, line: Line) -> bool:
    return line in (doc.national, doc.motto, doc.number, doc.place_date, doc.urgency)


def _find_issuer(doc: Anatomy, header: list[Line]) -> None:
    right_cells = {_cell(l) for l in (doc.national, doc.motto, doc.place_date)
                   if l and _cell(l)}
    limit = doc.lines.index(doc.number) if doc.number else len(header)
    candidates = [l for l in header[:limit]
                  if not _is_header_anchor(doc, l) and l not in doc.summary
                  and not (_cell(l) and _cell(l) in right_cells)
                  and not (l.parts > 1 and l.part > 0)]
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
    label = next((l for l in rest if fold(l.text).startswith("nơi nhận")), None)
    if label is None:
        return None
    doc.recipients_label = label
    index = rest.index(label)
    if label.container == "table":
        row = [l for l in rest if l.table == label.table and l.row == label.row]
        doc.recipients = [l for l in row if _cell(l) == _cell(label) and l is not label]
        doc.signature = [l for l in row if l.column != label.column]
        start = min(rest.index(l) for l in row)
    else:
        tail = rest[index:]
        doc.recipients = [l for l in tail[1:] if l.part == 0 and l.stripped.startswith(("-", "+"))]
        doc.signature = [l for l in tail if l.part > 0]
        if not doc.signature:  # signature typed as paragraphs just above the recipients
            above = []
            for line in reversed(rest[:index]):
                if line.paragraph.text.strip() and doc.paragraph_format(line).alignment == \
                        "justify":
                    break
                above.insert(0, line)
            doc.signature = above
            index -= len(above)
        start = index
    if doc.signature:
        doc.signer = doc.signature[-1]
        doc.signature = doc.signature[:-1]
    return start


def _find_title_and_body(doc: Anatomy, rest: list[Line]) -> None:
    position = 0
    while position < len(rest) and rest[position].container == "table":
        position += 1  # the header table's remaining cells
    while position < len(rest) and doc.paragraph_format(rest[position]).alignment == "center":
        doc.title.append(rest[position])
        position += 1
    for line in rest[position:]:
        if line.container != "body":
            continue
        if fold(line.text).startswith("kính gửi") or (
                doc.addressees and not doc.body and line.stripped.startswith("-")):
            doc.addressees.append(line)
        else:
            doc.body.append(line)
