"""Word templates are untrusted: Jinja's sandbox, and a reading of every tag by place.

A template passed between offices must never run code. It renders in
``TemplateSandbox`` (immutable, no ``_`` attribute, no huge repetitions), and
before that ``scan`` reads each part (document, headers, footers) paragraph by
paragraph and reports, with the paragraph, what the sandbox would refuse,
unbalanced blocks, syntax errors, tags split across runs and the variables a
template uses (checked against the render context). ``thidua lint-template``
prints the same findings.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field

from jinja2 import TemplateSyntaxError, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from lxml import etree

from thidua_docs.messages import Message

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Attributes a template may never read, besides every name beginning with "_".
UNSAFE_ATTRIBUTES = frozenset({
    "mro", "func_globals", "func_code", "gi_frame", "gi_code", "gi_yieldfrom", "cr_frame",
    "cr_code", "cr_await", "ag_frame", "ag_code", "ag_await", "f_globals", "f_locals",
    "f_builtins", "f_back", "tb_frame", "tb_next", "im_class", "im_func", "im_self",
})
#: The largest string or list a template may build by repetition, and the largest power.
MAX_REPEAT = 10_000
MAX_EXPONENT = 64

#: Finding codes, most serious first. All but SPLIT stop a render.
SANDBOX, SYNTAX, UNBALANCED, UNKNOWN, NO_TAGS, SPLIT = (
    "T001", "T002", "T003", "T004", "T005", "T006")
BLOCKING = frozenset({SANDBOX, SYNTAX, UNBALANCED, UNKNOWN, NO_TAGS})

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\{%")
_DOCXTPL_PREFIX = re.compile(r"^\{([{%])(?:p|tr|tc|r)(?=\s)")
_OPENERS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape",
                      "raw", "trans"})
_MIDDLES = {"elif": ("if",), "else": ("if", "for"), "pluralize": ("trans",)}


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, stricter: no attribute beginning with ``_`` (also through
    ``[...]`` or ``|attr``), an unsafe access raises at once instead of printing nothing,
    and ``*``/``**`` cannot build huge values."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options) -> None:
        super().__init__(autoescape=True, **options)

    def is_safe_attribute(self, obj, attr, value) -> bool:
        return not (attr.startswith("_") or attr in UNSAFE_ATTRIBUTES) and \
            super().is_safe_attribute(obj, attr, value)

    def unsafe_undefined(self, obj, attribute):
        raise SecurityError(f"{attribute!r} of {type(obj).__name__!r}")

    def call_binop(self, context, operator_name, left, right):
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise SecurityError(f"** {right}")
            return operator.pow(left, right)
        for count, other in ((left, right), (right, left)):
            if isinstance(count, int) and isinstance(other, (str, list, tuple)) and \
                    abs(count) * max(1, len(other)) > MAX_REPEAT:
                raise SecurityError(f"* {count}")
        return operator.mul(left, right)


ENVIRONMENT = TemplateSandbox()


@dataclass(frozen=True)
class Tag:
    """One Jinja tag of a template paragraph, as written (docxtpl's p/tr/tc/r prefix kept)."""

    text: str
    split: bool  # its characters lie in more than one w:t (run)

    @property
    def jinja(self) -> str:
        """The tag as plain Jinja (docxtpl's prefix removed)."""
        return _DOCXTPL_PREFIX.sub(r"{\1", self.text)


@dataclass(frozen=True)
class Paragraph:
    part: str      # "document", "header1", "footer2"...
    number: int    # 1-based, in reading order within the part
    tags: tuple[Tag, ...]


@dataclass(frozen=True)
class Finding:
    code: str
    part: str
    paragraph: int | None
    tag: str
    detail: str = ""


@dataclass
class Scan:
    """What a template's tags are and where: every finding, and the variables used."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: variable → (part, paragraph, tag) of its first use
    variables: dict[str, tuple[str, int, str]] = field(default_factory=dict)

    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.code in BLOCKING]

    def unknown(self, known) -> list[Finding]:
        """A finding for each variable the template uses that *known* does not hold."""
        return [Finding(UNKNOWN, part, number, tag, name)
                for name, (part, number, tag) in sorted(self.variables.items(),
                                                        key=lambda item: item[1][:2])
                if name not in known]


def where(part: str, paragraph: int | None) -> Message:
    """"phần thân, đoạn 12" / "header (header1), paragraph 1": the place of a finding."""
    kind = "document" if part == "document" else "header" if part.startswith("header") else \
        "footer" if part.startswith("footer") else "other"
    return Message(f"part_{kind}", part=part, paragraph=paragraph or "?")


def part_label(partname: str) -> str | None:
    """"document", "header1", "footer2"... for a part that holds template text, else None."""
    match = re.fullmatch(r"/?word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml",
                         partname)
    return match.group(1) if match else None


def scan(parts: list[tuple[str, bytes]]) -> Scan:
    """Read the tags of *parts* ((label, XML bytes) pairs, "document" first)."""
    result = Scan()
    for label, xml in parts:
        try:
            root = etree.fromstring(xml)
        except etree.XMLSyntaxError as exc:
            result.findings.append(Finding(SYNTAX, label, None, "", str(exc)))
            continue
        paragraphs = [Paragraph(label, number, tuple(_tags(p)))
                      for number, p in enumerate(root.iter(f"{W}p"), 1)]
        result.paragraphs += paragraphs
        _check_part(label, paragraphs, result)
    if not any(p.tags for p in result.paragraphs):
        result.findings.append(Finding(NO_TAGS, "document", None, ""))
    result.findings.sort(key=lambda f: ("SPLIT" if f.code == SPLIT else "", f.part != "document",
                                        f.part, f.paragraph or 0))
    return result


def _tags(paragraph) -> list[Tag]:
    """The tags of one w:p, its own text only (not that of a nested text box)."""
    texts, ends = [], []
    for text in paragraph.iter(f"{W}t"):
        if next(text.iterancestors(f"{W}p")) is paragraph and text.text:
            texts.append(text.text)
            ends.append(sum(map(len, texts)))
    whole = "".join(texts)
    tags = []
    for match in _TAG.finditer(whole):
        first = next(i for i, end in enumerate(ends) if end > match.start())
        last = next(i for i, end in enumerate(ends) if end >= match.end())
        tags.append(Tag(match.group(), first != last))
    return tags


def _check_part(label: str, paragraphs: list[Paragraph], result: Scan) -> None:
    stack: list[tuple[str, Paragraph, Tag]] = []
    declared: set[str] = set()
    for paragraph in paragraphs:
        for tag in paragraph.tags:
            def find(code: str, detail: str = "") -> None:
                result.findings.append(Finding(code, label, paragraph.number, tag.text, detail))

            if tag.split:
                find(SPLIT)
            source = tag.jinja
            if source in ("{{", "{%") :
                find(SYNTAX, "unclosed")
                continue
            if source.startswith("{#"):
                continue
            try:
                tokens = [(kind, value[1:-1] if kind == "string" else value)
                          for _, kind, value in ENVIRONMENT.lex(source) if kind != "whitespace"]
            except TemplateSyntaxError as exc:
                find(SYNTAX, exc.message or "")
                continue
            unsafe = _unsafe(tokens)
            if unsafe:
                find(SANDBOX, unsafe)
            if source.startswith("{{"):
                try:
                    ENVIRONMENT.parse(source)
                except TemplateSyntaxError as exc:
                    find(SYNTAX, exc.message or "")
                    continue
                continue
            words = [value for kind, value in tokens if kind == "name"]
            keyword = words[0] if words else ""
            if keyword in _OPENERS or (keyword == "set" and not any(
                    kind == "operator" and value == "=" for kind, value in tokens)):
                stack.append((keyword, paragraph, tag))
                if keyword == "for":
                    declared.update(_loop_names(tokens))
                continue
            if keyword == "set":
                declared.update(_loop_names(tokens))
                continue
            if keyword in _MIDDLES:
                if not stack or stack[-1][0] not in _MIDDLES[keyword]:
                    find(UNBALANCED, f"{_MIDDLES[keyword][0]} …")
                continue
            if keyword.startswith("end"):
                if not stack or stack[-1][0] != keyword[3:]:
                    expected = f"end{stack[-1][0]}" if stack else f"{keyword[3:]} …"
                    find(UNBALANCED, expected)
                else:
                    stack.pop()
    for keyword, paragraph, tag in stack:
        result.findings.append(Finding(UNBALANCED, label, paragraph.number, tag.text,
                                       f"end{keyword}"))
    _note_variables(label, paragraphs, declared, result)


def _unsafe(tokens: list[tuple[str, str]]) -> str:
    """The first attribute the sandbox would refuse, as written, or ""."""
    for i, (kind, value) in enumerate(tokens[1:], 1):
        before = tokens[i - 1]
        if kind == "name" and before == ("operator", ".") and _refused(value):
            return value
        if kind == "string" and before[0] == "operator" and before[1] in "[(" and \
                _refused(value):
            return value
    return ""


def _refused(name: str) -> bool:
    return name.startswith("_") or name in UNSAFE_ATTRIBUTES


def _loop_names(tokens: list[tuple[str, str]]) -> set[str]:
    """The names a ``for``/``set`` statement binds (before ``in`` or ``=``)."""
    names = set()
    for kind, value in tokens[2:]:
        if (kind, value) in (("name", "in"), ("operator", "=")):
            break
        if kind == "name":
            names.add(value)
    return names


def _note_variables(label: str, paragraphs: list[Paragraph], declared: set[str],
                    result: Scan) -> None:
    """The variables a part uses, each with its first place. A balanced part is read
    whole (Jinja's own scoping: one tag a line, so an error's line names its tag); an
    unbalanced one tag by tag, minus the names it binds."""
    tags = [(p, tag) for p in paragraphs for tag in p.tags
            if not tag.jinja.startswith("{#") and tag.jinja not in ("{{", "{%")]
    source = "\n".join(tag.jinja.replace("\n", " ") for _, tag in tags)
    try:
        used = meta.find_undeclared_variables(ENVIRONMENT.parse(source))
    except TemplateSyntaxError as exc:
        if not any(f.part == label and f.code in (SYNTAX, UNBALANCED) for f in result.findings):
            paragraph, tag = tags[min(max(exc.lineno, 1), len(tags)) - 1]
            result.findings.append(Finding(SYNTAX, label, paragraph.number, tag.text,
                                           exc.message or ""))
        used = set()
        for paragraph, tag in tags:
            if tag.jinja.startswith("{{"):
                try:
                    used |= meta.find_undeclared_variables(ENVIRONMENT.parse(tag.jinja))
                except TemplateSyntaxError:
                    pass
        used -= declared
    for name in used:
        if name in result.variables:
            continue
        pattern = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")
        where = next(((p, t) for p, t in tags if pattern.search(t.jinja)), None)
        result.variables[name] = (label, where[0].number, where[1].text) if where else \
            (label, 0, "")
