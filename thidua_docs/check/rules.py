"""The conformance rules of Nghị định 30/2020 Phụ lục I, one function each.

Each rule has a stable code, a one-line explanation (the message ``rule_<CODE>``)
and a check that yields findings: where, what was expected, what was found. The
ranges come from ``thidua_docs.decree``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from thidua_docs import decree
from thidua_docs.check.anatomy import Anatomy, fold
from thidua_docs.check.reader import Line
from thidua_docs.messages import message
from thidua_docs.vnformat import point_letter, roman

BLACK = {None, "000000", "auto"}
_EPS = 0.05


@dataclass(frozen=True)
class Finding:
    """One deviation: rule code, where, expected, found."""

    rule: str
    where: str
    expected: str
    found: str
    paragraph: int | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    check: Callable[[Anatomy], Iterator[Finding]]

    @property
    def summary(self) -> str:
        """What the rule asks, in the current language (catalog key ``rule_<CODE>``)."""
        return message(f"rule_{self.code}")


RULES: dict[str, Rule] = {}


def rule(code: str):
    """Register a check under *code*; its summary is the message ``rule_<code>``."""

    def register(function):
        RULES[code] = Rule(code, function)
        return function

    return register


def _at(code: str, line: Line | None, expected: str, found: str) -> Finding:
    """A finding at *line*; None stands for the page header or footer."""
    if line is None:
        return Finding(code, message("check_page_header_or_footer"), expected,
                       found)
    return Finding(code, message("check_where_paragraph", paragraph=line.describe()), expected,
                   found, line.number)


def _size_range(low: float, high: float) -> str:
    return f"{low:g} pt" if low == high else f"{low:g}–{high:g} pt"


def _element(code: str, doc: Anatomy, line: Line, element: str, what: str) -> Iterator[Finding]:
    """Size, weight, slant and case of *line* against decree.ELEMENTS[element]."""
    spec = decree.ELEMENTS[element]
    low, high = spec.size_pt
    sizes = doc.sizes(line)
    wrong = sorted(s for s in sizes if s is None or not low <= s <= high)
    if wrong:
        yield _at(code, line, f"{what}: {_size_range(low, high)}",
                  ", ".join("?" if s is None else f"{s:g} pt" for s in wrong))
    if spec.bold is not None and doc.bold(line) != spec.bold:
        yield _at(code, line, f"{what}: " + (message("check_bold") if spec.bold
                                              else message("check_not_bold")),
                  message("check_bold") if not spec.bold else message("check_regular"))
    if spec.italic is not None and doc.italic(line) != spec.italic:
        yield _at(code, line, f"{what}: " + (message("check_italic") if spec.italic
                                              else message("check_upright")),
                  message("check_upright") if spec.italic else message("check_italic"))
    if spec.upper and line.stripped != line.stripped.upper():
        yield _at(code, line, f"{what}: " + message("check_capitals"), line.stripped)


def _missing(code: str, what: str) -> Finding:
    return Finding(code, message("check_document_header"), what, message("check_not_found"))


# --- page -----------------------------------------------------------------------------


@rule("PAGE-SIZE")
def page_size(doc: Anatomy) -> Iterator[Finding]:
    for number, section in enumerate(doc.document.sections, start=1):
        width, height = section.page_width.mm, section.page_height.mm
        where = message("check_where_section", number=number)
        if sorted((round(width), round(height))) != sorted(decree.PAGE_MM):
            yield Finding("PAGE-SIZE", where, "A4 210 × 297 mm", f"{width:.0f} × {height:.0f} mm")
        elif width > height:
            yield Finding("PAGE-SIZE", where, message("check_portrait"),
                          message("check_landscape"))


@rule("MARGIN")
def margins(doc: Anatomy) -> Iterator[Finding]:
    names = {"top": message("check_top_margin"), "bottom": message("check_bottom_margin"),
             "left": message("check_left_margin"), "right": message("check_right_margin")}
    for number, section in enumerate(doc.document.sections, start=1):
        for side, (low, high) in decree.MARGINS_MM.items():
            value = getattr(section, f"{side}_margin").mm
            if not low - 0.2 <= value <= high + 0.2:
                yield Finding("MARGIN", message("check_where_section_side", number=number,
                                                side=names[side]),
                              f"{low}–{high} mm", f"{value:.1f} mm")


# --- fonts ------------------------------------------------------------------------------


def _all_runs(doc: Anatomy):
    for line in doc.lines:
        for run in line.runs:
            if run.text.strip():
                yield line, doc.resolver.run(line.paragraph, run)
    for section in doc.document.sections:
        for header in (section.header, section.first_page_header, section.footer):
            for paragraph in header.paragraphs:
                for run in paragraph.runs:
                    if run.text.strip():
                        yield None, doc.resolver.run(paragraph, run)


@rule("FONT")
def font(doc: Anatomy) -> Iterator[Finding]:
    seen: dict[str, tuple[Line | None, int]] = {}
    for line, run in _all_runs(doc):
        if run.font != decree.FONT:
            first, count = seen.get(run.font or "?", (line, 0))
            seen[run.font or "?"] = (first, count + 1)
    for name, (line, count) in seen.items():
        yield _at("FONT", line, decree.FONT, message("check_font_runs", name=name, count=count))


@rule("COLOR")
def color(doc: Anatomy) -> Iterator[Finding]:
    for line, run in _all_runs(doc):
        urgency_red = line is not None and line is doc.urgency and \
            (run.color or "").upper() == decree.URGENCY_COLOR
        if run.color in BLACK or urgency_red:
            continue
        yield _at("COLOR", line, message("check_black"), run.color)
        return  # one finding says it; the clerk recolours the whole text


# --- header block -------------------------------------------------------------------------


@rule("QUOC-HIEU")
def national_name(doc: Anatomy) -> Iterator[Finding]:
    yield from _fixed_text("QUOC-HIEU", doc, doc.national, decree.NATIONAL_NAMES, "national_name",
                           message("check_national_name"))


def _fixed_text(code: str, doc: Anatomy, line: Line | None, allowed: tuple[str, ...],
                element: str, what: str) -> Iterator[Finding]:
    """A line whose words the decree fixes: present, worded exactly, formatted right."""
    if line is None:
        yield _missing(code, allowed[0])
        return
    if line.stripped not in allowed:
        yield _at(code, line, allowed[0], line.stripped)
    yield from _element(code, doc, line, element, what)


@rule("TIEU-NGU")
def motto(doc: Anatomy) -> Iterator[Finding]:
    yield from _fixed_text("TIEU-NGU", doc, doc.motto, (decree.MOTTO,), "motto",
                           message("check_motto"))


def _has_rule_under(doc: Anatomy, line: Line) -> bool:
    """A paragraph border, an empty bordered paragraph, a drawn line or an underline."""
    p = line.paragraph._p
    if doc.paragraph_format(line).has_bottom_border:
        return True
    following = p.getnext()
    if following is not None and following.tag == qn("w:p"):
        paragraph = Paragraph(following, line.paragraph._parent)
        if not paragraph.text.strip() and (
                doc.resolver.paragraph(paragraph).has_top_border or _has_drawing(following)):
            return True
    return _has_drawing(p)


def _has_drawing(p) -> bool:
    vml_line = p.findall(".//{urn:schemas-microsoft-com:vml}line")
    shapes = p.findall(f".//{qn('w:drawing')}")
    return bool(vml_line or shapes)


def _underlined(doc: Anatomy, line: Line) -> bool:
    return all(run.underline for run in line.runs if run.text.strip())


@rule("TIEU-NGU-LINE")
def motto_line(doc: Anatomy) -> Iterator[Finding]:
    if doc.motto and not (_has_rule_under(doc, doc.motto) or _underlined(doc, doc.motto)):
        yield _at("TIEU-NGU-LINE", doc.motto, message("check_a_line_under_it"),
                  message("check_none"))


@rule("CO-QUAN")
def issuer(doc: Anatomy) -> Iterator[Finding]:
    if not doc.issuer:
        yield _missing("CO-QUAN", message("check_the_issuing_body"))
    for line in doc.issuer:
        yield from _element("CO-QUAN", doc, line, "issuer", message("check_issuer"))


@rule("CO-QUAN-LINE")
def issuer_line(doc: Anatomy) -> Iterator[Finding]:
    if doc.issuer and not _has_rule_under(doc, doc.issuer[-1]):
        yield _at("CO-QUAN-LINE", doc.issuer[-1], message("check_a_short_line_under"),
                  message("check_none"))


@rule("CHU-QUAN")
def parent(doc: Anatomy) -> Iterator[Finding]:
    for line in doc.parent:
        yield from _element("CHU-QUAN", doc, line, "parent_body", message("check_parent"))


@rule("SO-KY-HIEU")
def number_line(doc: Anatomy) -> Iterator[Finding]:
    line = doc.number
    if line is None:
        yield _missing("SO-KY-HIEU", "Số: .../...")
        return
    text = line.text.strip()
    draft = re.match(r"^Số:\s+/", text)
    if not (decree.patterns.NUMBER_LINE.match(text) or (draft and decree.patterns.NUMBER_LINE.match(
            "Số: 01/" + text.split("/", 1)[1]))):
        yield _at("SO-KY-HIEU", line, "Số: 05/UBND-VP", text)
    yield from _element("SO-KY-HIEU", doc, line, "number", message("check_number_line"))


@rule("TRICH-YEU-CV")
def summary(doc: Anatomy) -> Iterator[Finding]:
    for line in doc.summary:
        yield from _element("TRICH-YEU-CV", doc, line, "summary", "V/v")


@rule("DIA-DANH-NGAY")
def place_date(doc: Anatomy) -> Iterator[Finding]:
    line = doc.place_date
    if line is None:
        yield _missing("DIA-DANH-NGAY", message("check_place_date"))
        return
    text = line.stripped
    if not re.match(r"^[^,]+, ngày\b", text):
        yield _at("DIA-DANH-NGAY", line, message("check_place_date_form"), text)
    match = re.search(r"ngày\s+(\d+)\s+tháng\s+(\d+)\s+năm\s+(\d+)", text)
    if match and not decree.patterns.DATE.search(" ".join(["ngày", match[1], "tháng", match[2], "năm",
                                                 match[3]])):
        yield _at("DIA-DANH-NGAY", line, message("check_date_zeros"),
                  match.group(0))
    yield from _element("DIA-DANH-NGAY", doc, line, "place_date", message("check_place_and_date"))


@rule("TEN-VAN-BAN")
def title(doc: Anatomy) -> Iterator[Finding]:
    for position, line in enumerate(doc.title):
        element = "title" if position == 0 else "subtitle"
        yield from _element("TEN-VAN-BAN", doc, line, element, message("check_title"))


# --- body ---------------------------------------------------------------------------------------


def _body_paragraphs(doc: Anatomy) -> list[Line]:
    seen, result = set(), []
    for line in doc.body:
        if line.number not in seen:
            seen.add(line.number)
            result.append(line)
    return result


@rule("BODY-ALIGN")
def body_align(doc: Anatomy) -> Iterator[Finding]:
    for line in _body_paragraphs(doc):
        alignment = doc.paragraph_format(line).alignment
        if alignment != "justify" and len(line.stripped) > 60:
            yield _at("BODY-ALIGN", line, message("check_justified"), alignment)


@rule("BODY-INDENT")
def body_indent(doc: Anatomy) -> Iterator[Finding]:
    low, high = decree.BODY_FIRST_LINE_CM
    for line in _body_paragraphs(doc):
        indent = doc.paragraph_format(line).first_line_cm
        if not low - _EPS <= indent <= high + _EPS:
            yield _at("BODY-INDENT", line, f"{low:g}–{high:g} cm", f"{indent:.2f} cm")


@rule("BODY-SPACING")
def body_spacing(doc: Anatomy) -> Iterator[Finding]:
    for line in _body_paragraphs(doc):
        fmt = doc.paragraph_format(line)
        if fmt.space_before_pt + fmt.space_after_pt < decree.BODY_MIN_SPACING_PT - 0.01:
            yield _at("BODY-SPACING", line, f"≥ {decree.BODY_MIN_SPACING_PT} pt",
                      f"{fmt.space_before_pt + fmt.space_after_pt:g} pt")


@rule("BODY-LINE")
def body_line(doc: Anatomy) -> Iterator[Finding]:
    low, high = decree.BODY_LINE_SPACING
    for line in _body_paragraphs(doc):
        fmt = doc.paragraph_format(line)
        spacing = fmt.line_spacing
        if spacing is None:
            size = max((s for s in doc.sizes(line) if s), default=14)
            spacing = fmt.line_pt / (1.15 * size)
        if not low - _EPS <= spacing <= high + _EPS:
            yield _at("BODY-LINE", line, f"{low:g}–{high:g}", f"{spacing:.2f}")


@rule("BODY-SIZE")
def body_size(doc: Anatomy) -> Iterator[Finding]:
    low, high = decree.ELEMENTS["body"].size_pt
    counts: dict[float, list[Line]] = {}
    for line in _body_paragraphs(doc):
        for size in doc.sizes(line):
            counts.setdefault(size, []).append(line)
    if not counts:
        return
    main = max(counts, key=lambda size: len(counts[size]))
    for size, lines in sorted(counts.items(), key=lambda item: -len(item[1])):
        if size is None or not low <= size <= high:
            yield _at("BODY-SIZE", lines[0], _size_range(low, high), f"{size} pt")
        elif size != main:
            yield _at("BODY-SIZE", lines[0], message("check_one_size", size=f"{main:g}"),
                      f"{size:g} pt")


_LABEL = re.compile(r"^\s*(?:(?P<roman>[IVX]+)\.|(?P<arabic>\d{1,2})\.|(?P<letter>[a-zđ])\))\s")


@rule("LABELS")
def labels(doc: Anatomy) -> Iterator[Finding]:
    levels = {"roman": (roman, 0), "arabic": (str, 1), "letter": (point_letter, 2)}
    current = [0, 0, 0]
    seen: list[set[int]] = [set(), set(), set()]
    for line in _body_paragraphs(doc):
        match = _LABEL.match(line.text)
        if not match:
            continue
        kind = match.lastgroup
        spell, depth = levels[kind]
        value = _label_value(kind, match.group(kind))
        if value is None:
            continue
        expected = current[depth] + 1
        if value != expected or value in seen[depth]:
            yield _at("LABELS", line, _label(kind, spell(expected)), _label(kind, match.group(kind)))
        current[depth] = value
        seen[depth].add(value)
        for deeper in range(depth + 1, 3):
            current[deeper] = 0
            seen[deeper] = set()


def _label_value(kind: str, text: str) -> int | None:
    if kind == "arabic":
        return int(text)
    if kind == "letter":
        position = decree.POINT_LETTERS.find(text)
        return position + 1 if position >= 0 else None
    numerals = {roman(n): n for n in range(1, 40)}
    return numerals.get(text)


def _label(kind: str, text: str) -> str:
    return f"{text})" if kind == "letter" else f"{text}."


# --- signature and recipients ------------------------------------------------------------------


@rule("KY-QUYEN-HAN")
def signer_lines(doc: Anatomy) -> Iterator[Finding]:
    lines = [l for l in doc.signature if l.stripped]
    if not lines:
        if doc.recipients_label:
            yield _missing("KY-QUYEN-HAN", message("check_signature_block"))
        return
    first = lines[0].stripped.split()[0]
    looks_like_prefix = first.endswith(".") or fold(lines[0].stripped).startswith(
        decree.AUTHORITY_WORDS)
    if looks_like_prefix and first not in decree.AUTHORITY_PREFIXES:
        yield _at("KY-QUYEN-HAN", lines[0], " / ".join(decree.AUTHORITY_PREFIXES), first)
    for line in lines:
        yield from _element("KY-QUYEN-HAN", doc, line, "signer_title", message("check_signer_title"))


@rule("KY-HO-TEN")
def signer_name(doc: Anatomy) -> Iterator[Finding]:
    line = doc.signer
    if line is None:
        return
    yield from _element("KY-HO-TEN", doc, line, "signer_name", message("check_name"))
    if line.stripped == line.stripped.upper():
        yield _at("KY-HO-TEN", line, message("check_name_case"),
                  line.stripped)


@rule("NOI-NHAN")
def recipients_label(doc: Anatomy) -> Iterator[Finding]:
    line = doc.recipients_label
    if line is None:
        yield Finding("NOI-NHAN", message("check_end_of_document"), "Nơi nhận:",
                      message("check_not_found"))
        return
    if line.stripped != "Nơi nhận:":
        yield _at("NOI-NHAN", line, "Nơi nhận:", line.stripped)
    yield from _element("NOI-NHAN", doc, line, "recipients_label", "Nơi nhận")


@rule("NOI-NHAN-DONG")
def recipient_lines(doc: Anatomy) -> Iterator[Finding]:
    lines = [l for l in doc.recipients if l.stripped]
    for position, line in enumerate(lines):
        text = line.stripped
        if not text.startswith("- "):
            yield _at("NOI-NHAN-DONG", line, message("check_starts_dash"), text[:12])
        is_archive = fold(text).lstrip("- ").startswith("lưu")
        if not is_archive and not text.endswith(";"):
            yield _at("NOI-NHAN-DONG", line, message("check_ends_semicolon"), text[-12:])
        yield from _element("NOI-NHAN-DONG", doc, line, "recipient", message("check_recipient"))


@rule("LUU")
def archive_line(doc: Anatomy) -> Iterator[Finding]:
    lines = [l for l in doc.recipients if l.stripped]
    if doc.recipients_label is None:
        return
    last = lines[-1] if lines else doc.recipients_label
    text = last.stripped
    if not fold(text).lstrip("- ").startswith("lưu"):
        yield _at("LUU", last, "- Lưu: VT, ...", message("check_no_luu_line"))
    elif not re.match(r"^- Lưu: VT\b", text) or not text.endswith("."):
        yield _at("LUU", last, "- Lưu: VT, ....", text)


# --- page numbers -------------------------------------------------------------------------------


def _has_page_field(element) -> bool:
    """Whether a header, footer or paragraph element holds a PAGE field."""
    instructions = " ".join(element.xpath(".//w:instrText/text()"))
    simple = " ".join(f.get(qn("w:instr")) or "" for f in element.iter(qn("w:fldSimple")))
    return "PAGE" in (instructions + " " + simple).upper().split()


@rule("PAGE-NUMBER")
def page_number(doc: Anatomy) -> Iterator[Finding]:
    where = message("check_headers_and_footers")
    for section in doc.document.sections[:1]:
        in_header = _has_page_field(section.header._element)
        in_footer = _has_page_field(section.footer._element) or (
            section.different_first_page_header_footer and
            _has_page_field(section.first_page_footer._element))
        if in_footer:
            yield Finding("PAGE-NUMBER", where, message("check_number_at_the_top"),
                          message("check_number_in_the_footer"))
        if in_header:
            if not section.different_first_page_header_footer or _has_page_field(
                    section.first_page_header._element):
                yield Finding("PAGE-NUMBER", where, message("check_none_on_page_1"),
                              message("check_page_1_is_numbered"))
            number = next((p for p in section.header.paragraphs if _has_page_field(p._p)), None)
            if number is not None and doc.resolver.paragraph(number).alignment != "center":
                yield Finding("PAGE-NUMBER", where, message("check_centred"),
                              doc.resolver.paragraph(number).alignment)
        elif not in_footer and _long(doc):
            yield Finding("PAGE-NUMBER", where, message("check_numbers_from_page_2"),
                          message("check_no_page_numbers"))


def _long(doc: Anatomy) -> bool:
    """Whether the document surely runs past one page (about 2,500 characters fit)."""
    return sum(len(line.stripped) for line in doc.lines) > 3500


def run_rules(doc: Anatomy, only: set[str] | None = None) -> list[Finding]:
    """All findings of every rule (or of the rules in *only*)."""
    findings: list[Finding] = []
    for code, registered in RULES.items():
        if only is None or code in only:
            findings += list(registered.check(doc))
    return findings
