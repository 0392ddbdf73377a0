"""From the parts of a source to the data of a directive, with what was unsure.

Header strings become issuer and document fields; the title block, the
Kính gửi lines, the preamble (the paragraphs before "I."), the body tree
(I. → 1. → a) → - → +, sections and items by their wording and weight),
indicator lists, the closing paragraph (the one ending "./."), the signature
block and the recipients. Typed labels are dropped (the renderer computes
them) and compared with the computed ones afterwards: every difference is a
warning. Nothing is corrected: the text is kept as typed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from thidua_docs import decree
from thidua_docs.decree import KIND_CODES
from thidua_docs.decree.patterns import (
    ARCHIVE, AUTHORITY, DEPUTY, NUMBER, PLACE_DATE, SUMMARY_LABEL, SYMBOL_PART,
)
from thidua_docs.importer import indicators
from thidua_docs.importer.paragraphs import Para, ends_sentence, is_capitals, label_of
from thidua_docs.importer.parts import Parts
from thidua_docs.vnformat import clean_text
from thidua_docs.wordml.anatomy import fold

Path = tuple
PLACEHOLDER_NAME = "[TÊN CƠ QUAN BAN HÀNH]"
PLACEHOLDER_CODE = "CQ"
PLACEHOLDER_PLACE = "[Địa danh]"
PLACEHOLDER_TITLE = "[TRÍCH YẾU]"
PLACEHOLDER_SIGNER = "[Họ và tên người ký]"
PLACEHOLDER_SIGNER_TITLE = "[CHỨC VỤ]"
PLACEHOLDER_RECIPIENT = "[Nơi nhận]"
PLACEHOLDER_SECTION = "[Nội dung]"
_THEME = re.compile(r"chủ đề\s*[“\"]([^”\"]{3,200})[”\"]", re.IGNORECASE)
_ANNIVERSARY = r"\d{1,4} năm [^;()]{3,200}?\(\d{1,2}/\d{1,2}/\d{4}\s?-\s?\d{1,2}/\d{1,2}/\d{4}\)"
_ANNIVERSARIES = re.compile(rf"{_ANNIVERSARY}(?:; {_ANNIVERSARY})*")
#: "năm 2020" in a title, not "đến năm 2030" (a horizon, not the year of the document).
_YEAR_IN_TITLE = re.compile(r"(?<!đến )\bnăm (\d{4})\b", re.IGNORECASE)
_SIGNED = re.compile(r"^[(\[].*(ký|đóng dấu|signed).*[)\]]$", re.IGNORECASE)


@dataclass
class Finding:
    """Something the clerk should look at: a warning (typed differently from what will be
    printed) or an unsure reading, with where it was and the YAML field it concerns."""

    level: str  # "warning", "unsure"
    key: str
    params: dict = field(default_factory=dict)
    where: tuple[str, int] | None = None
    path: Path | None = None


@dataclass
class Recognised:
    data: dict
    findings: list[Finding]
    #: Typed labels by body path: (label, where), to compare with the computed ones.
    labels: dict[Path, tuple[str, tuple[str, int]]]
    counts: dict[str, int]
    #: The source looks like a directive at all (header, sections, tail).
    evidence: int


class _Builder:
    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        self.findings: list[Finding] = []
        self.labels: dict[Path, tuple[str, tuple[str, int]]] = {}
        self.counts = {"preamble": 0, "roman": 0, "sections": 0, "items": 0, "bullets": 0,
                       "indicators": 0, "structured": 0, "paragraphs": 0, "unplaced": 0}

    def note(self, level: str, key: str, where=None, path=None, **params) -> None:
        self.findings.append(Finding(level, key, params, where, path))


def recognise(parts: Parts) -> Recognised:
    """The directive's data (a YAML-ready mapping) and every finding on the way."""
    b = _Builder(parts)
    paras = [_without_braces(b, p) for p in parts.body if p.text.strip()]
    title_paras, paras = _title_block(parts, paras)
    kind, title, subtitle = _title(title_paras)
    addressees, paras = _addressees(parts, paras)
    closing, paras = _closing(paras)
    basis, paras = _basis(paras)
    preamble, sections, top_level = _split_preamble(paras)
    head = [replace(p, leftover=part) for part, p in parts.leftovers if part == "header"]
    end = [replace(p, leftover=part) for part, p in parts.leftovers
           if part != "header" and p.text.strip()]
    end, appendices = _appendices(b, end)
    if sections:
        body = _body(b, sections + end, top_level=top_level)
    else:
        body, preamble = [], preamble + end
    preamble = head + preamble
    data: dict = {}
    data["issuer"], document = _header(b, kind)
    if title:
        document["title"] = title
    elif KIND_CODES.get(kind) is not None:  # a typed kind must have one; a công văn may not
        document["title"] = PLACEHOLDER_TITLE
        b.note("unsure", "import_no_title", path=("document", "title"))
    elif "summary" not in document:
        b.note("unsure", "import_no_summary", path=("document",))
    if subtitle:
        document["subtitle"] = subtitle
    data["document"] = document
    preamble_texts = []
    for position, para in enumerate(preamble):
        preamble_texts.append(_paragraph_text(para))
        if para.leftover:
            b.counts["unplaced"] += 1
            b.note("unsure", f"import_unplaced_{para.leftover}", para.where,
                   ("preamble", position))
    period = _period([title or "", subtitle or ""])
    if period:
        data["period"] = period
    if not period or _YEAR_IN_TITLE.search(f"{title} {subtitle}"):
        data["year"] = _year(b, [title or "", subtitle or "", document.get("summary", "")],
                             parts.header.place_date)
    theme, anniversaries = _named(preamble_texts)
    if theme:
        data["theme"] = theme
    if anniversaries:
        data["anniversaries"] = anniversaries
    if addressees:
        data["addressees"] = addressees
    if basis:
        data["basis"] = basis
    if preamble_texts:
        data["preamble"] = preamble_texts
    b.counts["preamble"] = len(preamble_texts)
    if not body:
        body = [{"section": PLACEHOLDER_SECTION, "content": []}]
        b.note("unsure", "import_no_sections", path=("body", 0))
    data["body"] = body
    if closing is not None:
        data["closing"] = closing
    data["signature"] = _signature(b)
    data["recipients"], data["archive"] = _recipients(b)
    if appendices:
        data["appendices"] = appendices
    evidence = (parts.header.found + parts.tail.label + (closing is not None)
                + bool(parts.tail.signature and AUTHORITY.match(parts.tail.signature[0]))
                + min(b.counts["roman"], 2))
    return Recognised(data, b.findings, b.labels, b.counts, evidence)


def _without_braces(b: _Builder, para: Para) -> Para:
    """Braces typed in the source would read as placeholders: they become parentheses."""
    if "{" not in para.text and "}" not in para.text:
        return para
    b.note("warning", "import_braces", para.where)
    return replace(para, text=para.text.replace("{", "(").replace("}", ")"))


# --- title, addressees, closing ----------------------------------------------------------


def _kind_name(text: str) -> str | None:
    name = fold(text.replace("**", ""))
    return name if name in KIND_CODES and name != "công văn" else None


def _title_like(para: Para) -> bool:
    text = para.text.replace("**", "")
    return (not label_of(text) and not text.rstrip().endswith((".", ";", ":"))
            and len(text) <= 300 and para.bold is not False and para.centered is not False
            and not fold(text).startswith("kính gửi"))


def _title_block(parts: Parts, paras: list[Para]) -> tuple[list[Para], list[Para]]:
    if parts.title is not None:
        return parts.title, paras
    if not paras:
        return [], paras
    first = paras[0]
    if not (is_capitals(first.text) or first.bold) or label_of(first.text.replace("**", "")):
        return [], paras
    block = [first]
    position = 1
    wanted = 2 if _kind_name(first.text) else 1
    while position < len(paras) and is_capitals(paras[position].text) and \
            not label_of(paras[position].text) and _title_like(paras[position]):
        block.append(paras[position])  # a title over several capitals lines
        position += 1
    extra = 0
    while position < len(paras) and extra < wanted and _title_like(paras[position]) and (
            paras[position].bold or (paras[position].bold is None and not ends_sentence(
                paras[position].text))):
        block.append(paras[position])
        position += 1
        extra += 1
    return block, paras[position:]


def _title(paras: list[Para]) -> tuple[str, str | None, str | None]:
    """(kind, title, subtitle) from the title block."""
    lines = [clean_text(p.text.replace("**", "")) for p in paras]
    kind = "công văn"
    if lines and _kind_name(lines[0]):
        kind = _kind_name(lines[0])
        lines = lines[1:]
        return kind, (lines[0] if lines else None), (" ".join(lines[1:]) or None)
    capitals = 0
    while capitals < len(lines) and is_capitals(lines[capitals]):
        capitals += 1
    capitals = max(capitals, 1 if lines else 0)
    title = " ".join(lines[:capitals]) or None
    return kind, title, " ".join(lines[capitals:]) or None


#: "Kính gửi:", or a công điện's "VĂN PHÒNG CHÍNH PHỦ điện:", before the addressees.
_ADDRESSED = re.compile(r"^\W*(kính gửi|[^:]{3,80}\sđiện)\s*:?\s*", re.IGNORECASE)


def _addressees(parts: Parts, paras: list[Para]) -> tuple[list[str], list[Para]]:
    lines = list(parts.addressees)
    position = 0
    if not lines and paras and _ADDRESSED.match(clean_text(paras[0].text).replace("*", "")):
        lines.append(paras[0].text)
        position = 1
        alone = not _ADDRESSED.sub("", clean_text(paras[0].text).replace("*", "")).strip()
        if alone and len(paras) > 1 and not _dash(paras[1].text) and \
                len(paras[1].text) < 150 and not label_of(paras[1].text):
            lines.append(paras[1].text)  # "Kính gửi:" in one cell, the addressee in the next
            position = 2
        while position < len(paras) and _dash(paras[position].text):
            lines.append(paras[position].text)
            position += 1
    names = []
    for line in lines:
        text = _ADDRESSED.sub("", clean_text(line).replace("*", ""))
        text = re.sub(r"^[-–+•]\s*", "", text.strip())
        text = re.sub(r"[;.,\s]+$", "", text)
        if text:
            names.append(text)
    return names, paras[position:]


def _dash(text: str) -> bool:
    match = label_of(text)
    return bool(match and (match.group("dash") or match.group("plus")))


def _closing(paras: list[Para]) -> tuple[str | None, list[Para]]:
    if not paras:
        return None, paras
    last = paras[-1]
    text = clean_text(last.text)
    if label_of(text.replace("**", "")) or not text.rstrip("*").endswith("./."):
        return None, paras
    text = re.sub(r"\.?/\.(\**)$", r"\1", text).rstrip()
    return text, paras[:-1]


def _split_preamble(paras: list[Para]) -> tuple[list[Para], list[Para], bool]:
    """(preamble, body, whether the body's top level is numbered 1., 2. without Roman
    sections, as a Chỉ thị's points are)."""
    for position, para in enumerate(paras):
        match = label_of(para.text)
        if match and match.group("roman"):
            return paras[:position], paras[position:], False
    for position, para in enumerate(paras):
        match = label_of(para.text.replace("**", ""))
        if match and match.group("arabic") == "1":
            return paras[:position], paras[position:], True
    return paras, [], False


def _basis(paras: list[Para]) -> tuple[list[str], list[Para]]:
    """The "Căn cứ ...;" lines at the head of the text (italic in a .docx), without the
    words "Căn cứ" and the end marks, which the renderer prints."""
    lines = []
    for para in paras:
        text = clean_text(para.text.replace("*", ""))
        if not text.startswith(decree.BASIS_WORD + " ") or para.italic is False or \
                not text.endswith((";", ".")):
            break
        lines.append(re.sub(r"[;.,\s]+$", "", text[len(decree.BASIS_WORD):]).strip())
    return lines, paras[len(lines):]


_PERIOD = re.compile(r"\bgiai đoạn\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", re.IGNORECASE)


def _period(texts: list[str]) -> str | None:
    """The period of a plan named in its title ("giai đoạn 2026-2030")."""
    match = _PERIOD.search(" ".join(texts))
    return f"{match[1]}-{match[2]}" if match else None


_APPENDIX = re.compile(rf"^{decree.APPENDIX_WORD}(?:\s+[IVXL]+)?$", re.IGNORECASE)


def _appendices(b: _Builder, end: list[Para]) -> tuple[list[Para], list[dict]]:
    """Appendices after the signature: "Phụ lục [I]", the title, "(Kèm theo ...)", then
    the content; returns what comes before the first one, and the appendices."""
    starts = [i for i, para in enumerate(end) if _APPENDIX.match(clean_text(para.text))]
    if not starts:
        return end, []
    appendices = []
    for start, stop in zip(starts, starts[1:] + [len(end)]):
        paras = [replace(p, leftover=None) for p in end[start + 1:stop]]
        title = _heading_title(paras[0].text) if paras else PLACEHOLDER_SECTION
        paras = paras[1:]
        if paras and clean_text(paras[0].text.replace("*", "")).startswith(
                f"({decree.APPENDIX_ATTACHED} "):
            paras = paras[1:]  # printed from the document's number, date and issuer
        content = _body(b, paras, top_level=True,
                        path=("appendices", len(appendices), "content")) if paras else []
        appendices.append({"title": title, "content": content or [PLACEHOLDER_SECTION]})
    return end[:starts[0]], appendices


def _paragraph_text(para: Para) -> str:
    text = clean_text(para.text)
    if para.italic and not para.bold and "*" not in text:
        return f"*{text}*"
    return text


# --- body ---------------------------------------------------------------------------------


@dataclass
class _Frame:
    """An open node of the body: a section, or an item or bullet that may get content."""

    level: int  # 1 = I., 2 = 1., 3 = a), 4 = a dash, 5 = a plus
    path: Path
    node: dict
    entry: bool = False
    #: The body itself, when its top level holds blocks without Roman sections.
    root: bool = False

    def content(self) -> list:
        return self.node.setdefault("content", [])

    def child_path(self, position: int) -> Path:
        return self.path + ((position,) if self.root else ("content", position))


def _body(b: _Builder, paras: list[Para], *, top_level: bool = False,
          path: Path = ("body",)) -> list:
    """The body's blocks: Roman sections, or (*top_level*) the blocks of a section's content
    straight away, as a Chỉ thị's points and an appendix's table are."""
    body: list = []
    root = {"content": body}
    stack: list[_Frame] = [_Frame(1, path, root, root=True)] if top_level else []
    paras = _join_bare_labels(paras)
    for position, para in enumerate(paras):
        following = paras[position + 1] if position + 1 < len(paras) else None
        _place(b, body, stack, para, following)
    if top_level:
        _finish(b, body, "")
        return body
    for section in body:
        _finish(b, section.get("content", []), section.get("section", ""))
    return body


def _join_bare_labels(paras: list[Para]) -> list[Para]:
    """A label alone ("1.") with its text in the next paragraph, as some PDFs give it."""
    joined: list[Para] = []
    for para in paras:
        previous = joined[-1] if joined else None
        match = label_of(previous.text) if previous else None
        if match and match.end() >= len(previous.text.rstrip("* ")) and \
                not label_of(para.text) and not para.leftover:
            joined[-1] = replace(previous, text=f"{previous.text.strip()} {para.text}")
        else:
            joined.append(para)
    return joined


def _lead(text: str) -> tuple[str, str] | None:
    """A bold lead "**3. Title:** rest" → ("3. Title:", "rest")."""
    match = re.match(r"^\*\*(.+?)\*\*\s*(.*)$", text)
    if match and match.group(2) and "**" not in match.group(1):
        return match.group(1).strip(), match.group(2).strip()
    return None


def _top(b: _Builder, body: list, stack: list[_Frame], where) -> _Frame:
    """The innermost open node, opening a placeholder section if nothing is open yet."""
    if not stack:
        body.append({"section": PLACEHOLDER_SECTION, "content": []})
        stack.append(_Frame(1, ("body", len(body) - 1), body[-1]))
        b.note("unsure", "import_no_sections", where, ("body", len(body) - 1))
    return stack[-1]


def _place(b: _Builder, body: list, stack: list[_Frame], para: Para,
           following: Para | None) -> None:
    text = clean_text(para.text)
    lead = _lead(text)
    match = label_of(lead[0] if lead else text)
    if lead and match and not lead[0][match.end():].strip():
        # only the label is bold ("**1.** Căn cứ ..."): the rest is its text, no bold lead
        text, lead = f"{match.group('label')} {lead[1]}", None
        match = label_of(text)
    where = para.where
    if para.rows is not None:
        while stack and stack[-1].entry:
            stack.pop()
        _top(b, body, stack, where).content().append(_table_block(b, para))
        return
    if match is None or para.leftover:
        while stack and stack[-1].entry:
            stack.pop()  # a paragraph closes the lists above it
        frame = _top(b, body, stack, where)
        inline = None if para.leftover else _inline_list(text)
        if inline:
            lead_in, entries = inline
            if lead_in:
                frame.content().append(lead_in)
                b.counts["paragraphs"] += 1
            block = _list_block(b, entries, where)
            frame.content().append(block)
            if "indicators" in block:  # "(1) ...; (2) ...": the inline form of a list
                block["form"] = "inline"
            else:
                b.note("warning", "import_inline_list", where,
                       frame.child_path(len(frame.content()) - 1), count=len(entries))
            return
        frame.content().append(_paragraph_text(para))
        path = frame.child_path(len(frame.content()) - 1)
        b.counts["paragraphs"] += 1
        if para.leftover:
            b.note("unsure", f"import_unplaced_{para.leftover}", where, path)
        return
    label = match.group("label")
    rest = (lead[0] if lead else text)[match.end():].strip()
    if not rest.replace("*", "").strip():
        b.note("warning", "import_bare_label", where, label=label)
        return
    if match.group("roman"):
        body.append({"section": _heading_title(rest), "content": []})
        stack[:] = [_Frame(1, ("body", len(body) - 1), body[-1])]
        b.labels[stack[0].path] = (label, where)
        b.counts["roman"] += 1
        return
    numbered = match.group("arabic") or match.group("letter")
    level = (2 if match.group("arabic") else 3) if numbered else (
        5 if match.group("plus") else 4)
    while len(stack) > 1 and (stack[-1].level > level or (
            stack[-1].level == level and (numbered or stack[-1].entry))):
        stack.pop()
    frame = _top(b, body, stack, where)
    if level == 5 and frame.level != 4:  # "+" without a dash above it
        level = 4
    content = frame.content()
    if numbered and lead and _inline_heading(lead[0]):
        content.append(_inline_section(b, rest, lead[1]))
        b.labels[frame.child_path(len(content) - 1)] = (label, where)
        return
    inline = _inline_list(rest) if numbered else None
    if inline and inline[0]:  # "1. Các chỉ tiêu: (1) ...; (2) ..." → a heading over a list
        block = _list_block(b, inline[1], where)
        if "indicators" in block:  # the same line again: an inline section, inline form
            block["form"] = "inline"
            content.append({"section": inline[0], "inline": True, "content": [block]})
        else:
            content.append({"section": inline[0], "content": [block]})
            b.note("warning", "import_inline_list", where,
                   frame.child_path(len(content) - 1), count=len(inline[1]))
        b.labels[frame.child_path(len(content) - 1)] = (label, where)
        b.counts["sections"] += 1
        return
    if numbered and not lead and _inline_indicators(rest):
        title, _, inline_text = rest.partition(":")
        content.append(_inline_section(b, title + ":", inline_text.strip()))
        b.labels[frame.child_path(len(content) - 1)] = (label, where)
        return
    if numbered and _is_heading(para, rest, following):
        content.append({"section": rest.replace("**", "").strip(), "content": []})
        stack.append(_Frame(level, frame.child_path(len(content) - 1), content[-1]))
        b.labels[stack[-1].path] = (label, where)
        b.counts["sections"] += 1
        return
    key = "items" if numbered else "bullets"
    if not (content and isinstance(content[-1], dict) and key in content[-1]):
        content.append({key: []})
    entries = content[-1][key]
    entries.append({"text": rest, "_where": where})
    path = frame.child_path(len(content) - 1) + (key, len(entries) - 1)
    stack.append(_Frame(level, path, entries[-1], entry=True))
    b.labels[path] = (label, where)
    b.counts[key] += 1


_MARKER = re.compile(r"\((\d{1,2})\)\s*")


def _inline_list(text: str) -> tuple[str, list[str]] | None:
    """"Các chỉ tiêu: (1) A; (2) B; (3) C." → ("Các chỉ tiêu:", [A, B, C]): markers
    (1), (2), ... in order, at least two, each entry ending with ";" (the last with ".")."""
    markers = list(_MARKER.finditer(text))
    if len(markers) < 2 or [int(m.group(1)) for m in markers] != list(
            range(1, len(markers) + 1)):
        return None
    lead_in = text[:markers[0].start()].strip()
    if lead_in and not lead_in.endswith(":"):
        return None
    entries = [text[m.end():n.start() if n else len(text)].strip()
               for m, n in zip(markers, markers[1:] + [None])]
    if not all(entry.endswith((";", ",")) for entry in entries[:-1]):
        return None
    return lead_in, [re.sub(r"[;,.\s]+$", "", entry) for entry in entries]


def _list_block(b: _Builder, entries: list[str], where) -> dict:
    """Indicators when most entries read as chỉ tiêu, else dash entries."""
    readings = [indicators.parse(entry) for entry in entries]
    if sum(isinstance(r, dict) for r in readings) >= 0.6 * len(readings):
        b.counts["indicators"] += len(readings)
        b.counts["structured"] += sum(isinstance(r, dict) for r in readings)
        return {"indicators": readings}
    b.counts["bullets"] += len(entries)
    return {"bullets": [entry + ";" if i < len(entries) - 1 else entry + "."
                        for i, entry in enumerate(entries)]}


#: The header cells of an indicator table, as the renderer prints them.
_TABLE_HEADER = re.compile(r"^STT$|^Chỉ tiêu$|^Đơn vị tính$|^Thực hiện |^Kế hoạch ", re.IGNORECASE)


def _table_block(b: _Builder, para: Para) -> dict | str:
    """An indicator table (STT, chỉ tiêu, đơn vị tính, thực hiện, kế hoạch) → its list in
    the table form: a row "- ..." is a part of the indicator above, "Trong đó: ..." a
    target after "trong đó". Another table stays its cells' text, reported."""
    rows = [row + [""] * (5 - len(row)) for row in para.rows]
    if len(rows) < 2 or len(rows[0]) != 5 or not all(_TABLE_HEADER.search(cell)
                                                     for cell in rows[0]):
        b.note("unsure", "import_unplaced_body", para.where)
        return " ".join(" | ".join(row) for row in para.rows)
    found: list[dict] = []
    for number, name, unit, previous, plan in rows[1:]:
        if number.strip() or not found:
            reading = indicators.table_row(name, unit, previous, plan) or {"name": name}
            found.append(reading)
            continue
        part = indicators.table_row(re.sub(r"^(- |Trong đó: )", "", name), unit, previous,
                                    plan) or {}
        key = "parts" if name.startswith("- ") else "of_which"
        found[-1].setdefault(key, []).append(part)
        if key == "parts":
            part["qualifier"] = part.get("qualifier", ":")
    b.counts["indicators"] += len(found)
    b.counts["structured"] += len(found)
    return {"indicators": found, "form": "table"}


def _heading_title(rest: str) -> str:
    """A level-1 title as the model keeps it: sentence case (the renderer prints capitals)."""
    rest = rest.replace("**", "").strip()
    if not is_capitals(rest):
        return rest
    lowered = rest.lower()
    return lowered[:1].upper() + lowered[1:]


def _inline_heading(lead: str) -> bool:
    match = label_of(lead)
    return bool(match) and (match.group("arabic") or match.group("letter")) and \
        lead.endswith(":")


def _inline_indicators(rest: str) -> bool:
    """"Các chỉ tiêu về môi trường: A 62,8%; B 100%." typed without bold: a short title,
    a colon, then chỉ tiêu separated by ";"."""
    title, colon, content = rest.partition(":")
    if not colon or len(title) > 100 or ends_sentence(title) or not content.strip():
        return False
    pieces = [p for p in re.sub(r"[.;\s]+$", "", content).split("; ") if p.strip()]
    structured = sum(isinstance(indicators.parse(p.strip()), dict) for p in pieces)
    return structured >= max(1, 0.6 * len(pieces))


def _inline_section(b: _Builder, title: str, content: str) -> dict:
    """"3. Các chỉ tiêu về môi trường: A 62,8%; B 100%." → an inline section; numbered
    "(1) A; (2) B." entries are split at their numbers only (an entry may hold ";")."""
    numbered = _inline_list(content)
    if numbered and not numbered[0]:
        block = _list_block(b, numbered[1], None)
        if "indicators" in block:
            block["form"] = "inline"
        b.counts["sections"] += 1
        return {"section": title.replace("**", "").strip(), "inline": True,
                "content": [block]}
    text = re.sub(r"[.;\s]+$", "", content)
    pieces = [piece.strip() for piece in text.split("; ") if piece.strip()]
    readings = [indicators.parse(piece) for piece in pieces]
    if any(isinstance(reading, dict) for reading in readings):
        blocks: list = [{"indicators": readings}]
        b.counts["indicators"] += len(readings)
        b.counts["structured"] += sum(isinstance(r, dict) for r in readings)
    else:
        blocks = [text]
    b.counts["sections"] += 1
    return {"section": title.replace("**", "").strip(), "inline": True, "content": blocks}


def _is_heading(para: Para, rest: str, following: Para | None) -> bool:
    """A numbered line is a heading (not an item) when it reads as a title."""
    plain = rest.replace("**", "").strip()
    if plain.endswith((".", ";")) or len(plain) > 150 or not plain:
        return False
    if para.heading:
        return True
    if para.bold is not None:
        return para.bold
    if following is None:  # no formatting to tell: a heading is followed by dashes or text,
        return False       # an item ("..., trong đó:") by its points a), b)
    return label_of(following.text) is None or _dash(following.text)


# --- lists: bullets that are indicators, punctuation --------------------------------------


def _finish(b: _Builder, content: list, heading: str) -> None:
    """Close the lists: dash lists that are chỉ tiêu become indicators, entries without
    content become plain strings."""
    for position, block in enumerate(content):
        if not isinstance(block, dict):
            continue
        if "section" in block:
            _finish(b, block.get("content", []), block["section"])
        for key in ("items", "bullets"):
            entries = block.get(key)
            if entries is None:
                continue
            for entry in entries:
                _finish(b, entry.get("content", []), heading)
            if key == "bullets" and _indicator_list(entries, heading):
                content[position] = {"indicators": _indicators(b, entries)}
                b.counts["bullets"] -= len(entries)
            else:
                block[key] = [_entry(e) for e in entries]


def _entry(entry: dict) -> dict | str:
    entry.pop("_where", None)
    return entry if entry.get("content") else entry["text"]


def _indicator_list(entries: list[dict], heading: str) -> bool:
    if any(entry.get("content") for entry in entries):
        return False
    texts = [entry["text"] for entry in entries]
    if any(len(text) > 400 for text in texts):
        return False
    semicolons = sum(text.rstrip().endswith(";") for text in texts[:-1])
    if len(texts) > 1 and semicolons < (len(texts) - 1) / 2:
        return False
    readable = sum(isinstance(indicators.parse(_bare(text)), dict) for text in texts)
    return "chỉ tiêu" in heading.lower() or readable >= 0.6 * len(texts)


def _bare(text: str) -> str:
    return re.sub(r"[;.\s]+$", "", text)


def _indicators(b: _Builder, entries: list[dict]) -> list:
    readings = []
    for position, entry in enumerate(entries):
        text = entry["text"]
        expected = "." if position == len(entries) - 1 else ";"
        typed = text.rstrip()[-1:] if text.rstrip()[-1:] in (";", ".") else ""
        if typed != expected:
            b.note("warning", "import_indicator_end", entry.get("_where"), None,
                   text=_short(_bare(text)), typed=typed or "∅", printed=expected)
        readings.append(indicators.parse(_bare(text)))
    b.counts["indicators"] += len(readings)
    b.counts["structured"] += sum(isinstance(r, dict) for r in readings)
    return readings


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- header -------------------------------------------------------------------------------


def _header(b: _Builder, kind: str) -> tuple[dict, dict]:
    header = b.parts.header
    issuer: dict = {}
    document: dict = {"kind": kind}
    if not header.found:
        b.note("unsure", "import_no_header", path=("issuer",))
    if header.parent:
        issuer["parent"] = header.parent
    if header.issuer:
        issuer["name"] = header.issuer
        if header.split_guessed:
            b.note("unsure", "import_issuer_split", path=("issuer", "name"))
    else:
        issuer["name"] = [PLACEHOLDER_NAME]
        if header.found:
            b.note("unsure", "import_no_issuer", path=("issuer", "name"))
    number, code, unit = _number(b, header.number, kind)
    issuer["code"] = code
    if number is not None:
        document["number"] = number
    if unit:
        document["unit"] = unit
    place, date = _place_date(b, header.place_date)
    document["place"] = place
    if date:
        document["date"] = date
    elif header.place_date and re.search(r"năm\s*$", header.place_date):
        document["blank_date"] = "full"  # not even the year typed
    summary = " ".join(header.summary)
    summary = SUMMARY_LABEL.sub("", summary).strip()
    if summary and KIND_CODES.get(kind) is None:
        document["summary"] = summary
    elif summary:
        b.note("warning", "import_summary_of_typed_kind", path=("document",), text=summary)
    if header.urgency:
        document["urgency"] = decree.urgency_level(header.urgency) or header.urgency.lower()
    return issuer, document


def _number(b: _Builder, line: str | None, kind: str) -> tuple[int | None, str, str | None]:
    if line is None:
        if b.parts.header.found:
            b.note("unsure", "import_no_number", path=("issuer", "code"))
        return None, PLACEHOLDER_CODE, None
    match = NUMBER.search(line.replace("–", "-"))  # "/HD – HĐTĐKT" typed with an en dash
    number = int(match.group("number")) if match and match.group("number") else None
    if number is not None and not 1 <= number <= 99999:
        number = None
    symbol = re.sub(r"\s", "", match.group("symbol")) if match else ""
    pieces = [p for p in symbol.split("-") if p]
    kind_code = KIND_CODES.get(kind)
    if kind_code and pieces and pieces[0].upper() == kind_code.upper():
        pieces = pieces[1:]
    elif kind_code:
        b.note("warning", "import_symbol_kind", path=("issuer", "code"), symbol=symbol,
               code=kind_code)
    valid = [p for p in pieces if SYMBOL_PART.fullmatch(p)]
    if not valid:
        b.note("unsure", "import_no_code", path=("issuer", "code"), line=line)
        return number, PLACEHOLDER_CODE, None
    if len(valid) > 2 or len(valid) != len(pieces):
        b.note("warning", "import_symbol_parts", path=("issuer", "code"), symbol=symbol)
    return number, valid[0], valid[1] if len(valid) > 1 else None


def _place_date(b: _Builder, line: str | None) -> tuple[str, dt.date | None]:
    match = PLACE_DATE.search(line or "")
    if match is None:
        if b.parts.header.found:
            b.note("unsure", "import_no_place", path=("document", "place"))
        return PLACEHOLDER_PLACE, None
    place = match.group("place").strip()
    day, month, year = (match.group(k) for k in ("day", "month", "year"))
    if not (day and month and year):
        return place, None
    try:
        return place, dt.date(int(year), int(month), int(day))
    except ValueError:
        b.note("warning", "import_bad_date", path=("document", "place"), line=line)
        return place, None


def _year(b: _Builder, titles: list[str], place_date: str | None) -> int:
    """The year of the title ("... năm 2026"), else of the date line (a draft's blank day
    and month keep it), never one of the content's; today's, unsure, without either."""
    for text in titles:
        years = _YEAR_IN_TITLE.findall(text)
        if years:
            return int(years[-1])
    match = PLACE_DATE.search(place_date or "")
    if match and match.group("year") and len(match.group("year")) == 4:
        return int(match.group("year"))
    year = dt.date.today().year
    b.note("unsure", "import_year", path=("year",), year=year)
    return year


def _named(preamble: list[str]) -> tuple[str | None, list[str]]:
    """The theme (“...” after "chủ đề") and a list of round anniversaries, replaced in the
    preamble by {theme} and {anniversaries}."""
    theme, anniversaries = None, []
    for position, text in enumerate(preamble):
        match = _THEME.search(text) if theme is None else None
        if match:
            theme = match.group(1).strip()
            text = text[:match.start(1)] + "{theme}" + text[match.end(1):]
        listed = _ANNIVERSARIES.search(text) if not anniversaries else None
        if listed:
            anniversaries = [item.strip() for item in listed.group(0).split("; ")]
            text = text[:listed.start()] + "{anniversaries}" + text[listed.end():]
        preamble[position] = text
    return theme, anniversaries


# --- signature and recipients -------------------------------------------------------------


def _signature(b: _Builder) -> dict:
    tail = b.parts.tail
    lines = [line for line in tail.signature if line and not _SIGNED.match(line)]
    for line in tail.signature + [tail.signer or ""]:
        if _SIGNED.match(line):
            b.note("warning", "import_signed_note", path=("signature",), text=line)
    name = tail.signer
    if name and (AUTHORITY.match(name) or is_capitals(name)):
        lines.append(name)  # a title line, no name under it (an unsigned draft)
        name = None
    elif name and _SIGNED.match(name):
        name = None
    signature: dict = {}
    if lines and AUTHORITY.match(lines[0]):
        authority, _, office = lines[0].partition(".")
        signature["authority"] = f"{authority}."
        signature["on_behalf_of"] = office.strip()
        lines = lines[1:]
        deputy = DEPUTY.match(lines[0]) if lines else None
        if deputy and authority in ("TM", "TL"):
            signature["deputy_for"] = deputy.group(1).strip()
            lines = lines[1:]
    if lines:
        signature["title"] = " ".join(lines)
    elif signature.get("authority") != "Q.":
        signature["title"] = PLACEHOLDER_SIGNER_TITLE
        b.note("unsure", "import_no_signer_title", path=("signature", "title"))
    signature["name"] = name or PLACEHOLDER_SIGNER
    if not name:
        b.note("unsure", "import_no_signer", path=("signature", "name"))
    if signature.get("authority") == "Q." and "title" in signature:
        b.note("warning", "import_acting_title", path=("signature",))
        signature["on_behalf_of"] += " " + signature.pop("title")
    return signature


def _recipients(b: _Builder) -> tuple[list[str], list[str]]:
    recipients, archive = [], []
    tail = b.parts.tail
    if not tail.label:
        b.note("unsure", "import_no_recipients", path=("recipients",))
    for line in tail.recipients:
        text = re.sub(r"^[-–+•]\s*", "", line).strip()
        if ARCHIVE.match(text):
            archive = _archive(b, ARCHIVE.sub("", text))
            continue
        text = re.sub(r"[;.,\s]+$", "", text)
        if text:
            recipients.append(text)
    if not recipients:
        recipients = [PLACEHOLDER_RECIPIENT]
        if tail.label:
            b.note("unsure", "import_no_recipients", path=("recipients",))
    if not archive:
        archive = ["VT"]
        b.note("unsure", "import_no_archive", path=("archive",))
    return recipients, archive


#: A unit's code: two capitals or more ("TĐKT", "NC").
_CODE = re.compile(r"[A-ZĐ][A-ZĐ0-9]+")
#: "NC.Châu": a unit code, then the drafter's name (or initials) after a full stop.
_UNIT_DRAFTER = re.compile(r"^([A-ZĐ0-9][A-ZĐa-zđ0-9]*)\.\s*(\S.*)$")


def _archive(b: _Builder, text: str) -> list[str]:
    """The unit codes of a Lưu line; the drafter's name ("NC.Châu") and the number of
    copies ("(5b)") are not printed, and said so."""
    typed = text.strip()
    text = re.sub(r"[.;,\s]+$", "", typed)
    units, unread, extras = [], [], []
    for token in re.split(r"\s*[,;]\s*|\s+[-–]\s+", text):
        extras += [e.strip() for e in re.findall(r"\(([^)]*)\)", token) if e.strip()]
        token = re.sub(r"\s+\.", ".", re.sub(r"\([^)]*\)", " ", token)).strip()
        drafter = _UNIT_DRAFTER.match(token)
        if drafter:
            units.append(drafter.group(1))
            extras.append(drafter.group(2))
            continue
        if SYMBOL_PART.fullmatch(token):
            units.append(token)
            continue
        codes = [w for w in token.split() if _CODE.fullmatch(w)]
        if len(codes) == 1 and len(token.split()) > 1:  # "Ban TĐKT": the unit by its code
            units.append(codes[0])
            extras.append(token)
            continue
        for word in token.split():
            (units if SYMBOL_PART.fullmatch(word) else unread).append(word)
    printed = ", ".join(units) + "."
    if unread:
        b.note("warning", "import_archive_unread", path=("archive",), typed=typed,
               dropped=" ".join(unread))
    elif extras:
        b.note("warning", "import_archive_drafter", path=("archive",), typed=typed,
               printed=printed, dropped=", ".join(extras))
    elif typed != printed:
        b.note("warning", "import_archive_form", path=("archive",), typed=typed,
               printed=printed)
    return units
