"""Render a directive through the Word template into .docx bytes."""

from __future__ import annotations

import copy
import io
import re
import stat
import sys
import zipfile
import zlib
from dataclasses import fields
from pathlib import Path

from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SecurityError
from lxml import etree

from thidua_docs import bundled, layout, ooxml, safezip
from thidua_docs.ooxml import qn
from thidua_docs.exceptions import TemplateError
from thidua_docs.render.context import Context, build_context
from thidua_docs.render.fitting import (
    KnownFacts, StyleFacts, body_width_twips, facts_table, fit_to_text,
)
from thidua_docs.render.linebreak import TitleBreaker, hold_hyphens
from thidua_docs.render.pages import hold_signature_rows, keep_with_signature
from thidua_docs.render.splice import (
    NotFlat, declarations, fit_and_hold, is_flat, styles_spelled_plainly,
)
from thidua_docs.render.sandbox import (
    ENVIRONMENT, UNKNOWN, Finding, part_label, scan, where,
)
from thidua_docs.render.tables import TABLE_MARK, add_appendices, place_tables
from thidua_docs.render.package import PackageWriter
from thidua_docs.structure import Directive
from thidua_docs.text import Span

DOCUMENT_PART = "word/document.xml"


def default_template() -> Path:
    """The Word template bundled with the package."""
    return bundled.path(bundled.TEMPLATE)


def render_docx(directive: Directive, template: Path | None = None) -> bytes:
    """The finished .docx of *directive* as bytes."""
    return compiled(template or default_template()).render(_jinja_context(build_context(directive)))


def compiled(path: Path) -> "CompiledTemplate":
    """The template at *path*, prepared once per process (and again if the file changes);
    the preparation is kept in the user's cache, keyed by the template's bytes."""
    try:
        status = path.stat()
    except OSError:
        status = None
    if status is None or not stat.S_ISREG(status.st_mode):
        raise TemplateError("template_missing", path=str(path))
    key = (str(path), status.st_mtime_ns, status.st_size)
    if key not in _COMPILED:
        _COMPILED.clear()
        _COMPILED[key] = CompiledTemplate(path, _prepared(path))
    return _COMPILED[key]


_COMPILED: dict[tuple[str, int, int], "CompiledTemplate"] = {}
_TAGS = re.compile(rb"\{[{%]")
#: The modules whose code shapes a prepared template: a change to them prepares it afresh.
_PREPARING_MODULES = ("thidua_docs.render.docx", "thidua_docs.render.fitting",
                      "thidua_docs.render.linebreak", "thidua_docs.render.package",
                      "thidua_docs.render.pages", "thidua_docs.render.sandbox",
                      "thidua_docs.render.splice", "thidua_docs.ooxml")


def _prepared(path: Path) -> dict:
    """What rendering needs of the template at *path*, as plain data (JSON): from the
    cache when this template (and this code preparing it) was prepared before. Nothing
    read from the cache is run: the body is Jinja *source*, compiled here by the same
    sandbox as a fresh template (and only templates the scan let through are kept)."""
    import json

    from thidua_docs import cache

    data = path.read_bytes()
    code = b"".join(Path(sys.modules[name].__file__).read_bytes() for name in _PREPARING_MODULES)
    name = f"template-{cache.digest(data, code)}.json"
    stored = cache.read(name)
    if stored is not None:
        try:
            prepared = json.loads(stored)
            if isinstance(prepared, dict) and prepared.get("format") == _FORMAT:
                return prepared
        except ValueError:
            pass
    prepared = _prepare(path)
    if not prepared["whole_template"]:
        cache.write(name, json.dumps(prepared, ensure_ascii=False).encode("utf-8"))
    return prepared


_FORMAT = 4


def _prepare(path: Path) -> dict:
    """Read the template with docxtpl and python-docx: its Jinja body, style facts, page
    width, title measures, the document element without its body, the other parts
    compressed, and the variables its tags use (where each is first used). A template the
    sandbox scan refuses raises TemplateError naming the part and paragraph."""
    template = _load_template(path)
    with zipfile.ZipFile(path) as package:
        names = [info.filename for info in package.infolist()]
        others = [(info, package.read(info)) for info in package.infolist()
                  if info.filename != DOCUMENT_PART]
        body_time = package.getinfo(DOCUMENT_PART).date_time
        tags = scan([(part_label(name), package.read(name)) for name in names
                     if part_label(name)])
    if tags.blocking():
        raise _refused(path, tags.blocking()[0])
    facts = facts_table(template.docx.styles)
    body_twips = body_width_twips(template.docx)
    root = copy.deepcopy(template.docx.element)  # w:document without its body
    root.remove(root.body)
    hold_signature_rows(template.docx.element.body)  # once here, not in every render
    body = template.patch_xml(template.get_xml())
    return {
        "format": _FORMAT,
        "whole_template": any(_TAGS.search(blob) for _, blob in others
                              if blob.lstrip()[:1] == b"<"),
        "body": body,
        "flat": is_flat(template.docx.element.body) and styles_spelled_plainly(body),
        "facts": facts,
        "body_twips": body_twips,
        "titles": TitleBreaker(template.docx.element.body, KnownFacts(facts),
                               body_twips).measures,
        "root": etree.tostring(root, encoding="unicode"),
        "package": PackageWriter(others, DOCUMENT_PART, names.index(DOCUMENT_PART),
                                 body_time).state(),
        "variables": {name: list(place) for name, place in tags.variables.items()},
    }


class CompiledTemplate:
    """A Word template prepared once: the compiled Jinja template of its body, its
    styles for fitting rule lines, and every other package part already compressed.

    Rendering then costs one Jinja render, the fitting of a few paragraphs (in the text
    of a flat body, see ``splice``; else in the parsed body) and one compression of
    document.xml. A template with tags outside the body (headers, properties) is
    rendered by docxtpl in full each time instead.
    """

    def __init__(self, path: Path, prepared: dict | None = None) -> None:
        self.path = path
        prepared = prepared or _prepare(path)
        self._whole_template = prepared["whole_template"]
        self._variables = prepared["variables"]
        try:
            self._body = ENVIRONMENT.from_string(prepared["body"])
        except TemplateSyntaxError as exc:
            raise TemplateError("template_syntax", path=str(path),
                                detail=exc.message or "") from None
        self._facts = KnownFacts(prepared["facts"])
        self._body_twips = prepared["body_twips"]
        self._titles = TitleBreaker.from_measures(prepared["titles"])
        self._root = etree.fromstring(prepared["root"].encode("utf-8"))
        self._package = PackageWriter.from_state(prepared["package"])
        self._flat = prepared["flat"] and prepared["body"].startswith("<w:body")
        if self._flat:
            start_tag = prepared["body"][:prepared["body"].index(">") + 1]
            self._namespaces = declarations(start_tag)
            declared = etree.fromstring(start_tag + "</w:body>").nsmap.items()
            # the body's own declarations go when the document element makes them already
            self._body_tag = "<w:body>" if declared <= self._root.nsmap.items() else None
            whole = copy.deepcopy(self._root)
            whole.append(whole.makeelement(qn("w:body")))
            self._head, self._tail = etree.tostring(
                whole, xml_declaration=True, encoding="UTF-8", standalone=True).split(b"<w:body/>")

    def render(self, context: dict) -> bytes:
        """The .docx bytes for one template *context*; TemplateError if the template uses a
        variable the context lacks or the sandbox refuses what it asks."""
        for name, (part, paragraph, tag) in self._variables.items():
            if name not in context:
                raise _refused(self.path, Finding(UNKNOWN, part, paragraph, tag, name))
        try:
            return self._render(context)
        except SecurityError as exc:
            raise TemplateError("template_sandbox", path=str(self.path),
                                detail=str(exc)) from None

    def _render(self, context: dict) -> bytes:
        if self._whole_template:
            return self._render_with_docxtpl(context)
        context = self._titles.context(context)
        xml = self._body.render(context)
        if "{_" in xml or "_}" in xml:  # braces docxtpl escaped in the template's own text
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%") \
                .replace("%_}", "%}")
        if any(char in xml for char in "\t\a\n\f"):
            from docxtpl import DocxTemplate  # listings are rare: docxtpl only for them

            xml = DocxTemplate.resolve_listing(None, xml)
        if self._flat and not context["tables"] and not context["appendices"]:
            try:
                return self._spliced(xml)
            except NotFlat:
                pass  # laid out otherwise than the template's body: the whole tree
        root = copy.deepcopy(self._root)
        body = etree.fromstring(xml.encode("utf-8"))
        root.append(body)
        _tables_and_appendices(body, context, self._body_twips)
        fit_to_text(root, self._facts, self._body_twips)
        return self._package.write(etree.tostring(root, xml_declaration=True,
                                                  encoding="UTF-8", standalone=True))

    def _spliced(self, xml: str) -> bytes:
        """The package of the rendered body *xml* fitted in its text (see ``splice``)."""
        body = fit_and_hold(xml, self._namespaces, self._facts, self._body_twips)
        if self._body_tag:
            body = self._body_tag + body[body.index(">") + 1:]
        return self._package.write(self._head + body.encode("utf-8") + self._tail)

    def _render_with_docxtpl(self, context: dict) -> bytes:
        template = _load_template(self.path)
        template.render(self._titles.context(context), jinja_env=ENVIRONMENT, autoescape=True)
        _tables_and_appendices(template.docx.element.body, context,
                               body_width_twips(template.docx))
        fit_to_text(template.docx.element, StyleFacts(template.docx.styles),
                    body_width_twips(template.docx))
        buffer = io.BytesIO()
        template.save(buffer)
        return buffer.getvalue()


def _tables_and_appendices(body, context: dict, body_twips: int) -> None:
    """Tables where their markers stand, the signature held together, then the appendices."""
    place_tables(body, context["tables"], _runs_xml, body_twips)
    keep_with_signature(body)
    add_appendices(body, context["appendices"], _runs_xml)


def _runs_xml(spans: list[Span]) -> str:
    return Runs(spans).xml


def lint(path: Path) -> list[Finding]:
    """Everything in the template at *path* that would stop a render (sandbox refusals,
    syntax, unbalanced blocks, variables no directive provides, no tags at all) or that
    Word may spoil (tags split across runs), each with its part and paragraph."""
    if not path.is_file():
        raise TemplateError("lint_template_missing", path=str(path))
    _load_template(path)  # bounded, readable
    with zipfile.ZipFile(path) as package:
        tags = scan([(part_label(name), package.read(name)) for name in package.namelist()
                     if part_label(name)])
    return tags.findings + tags.unknown(TEMPLATE_VARIABLES)


#: The variables a template may use: every field of the render context.
TEMPLATE_VARIABLES = frozenset(field.name for field in fields(Context)) | {"tables"}


def _refused(path: Path, finding: Finding) -> TemplateError:
    """The error that stops a render for *finding* (its part, paragraph and tag named)."""
    return TemplateError(f"template_{finding.code}", path=str(path), tag=finding.tag,
                         where=where(finding.part, finding.paragraph), detail=finding.detail)


def _load_template(path: Path):
    from docxtpl import DocxTemplate  # only to prepare a template (see _prepared)

    try:
        with zipfile.ZipFile(path) as package:
            safezip.check(package, str(path), TemplateError)
        template = DocxTemplate(path)
        template.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error,
            etree.XMLSyntaxError) as exc:
        raise TemplateError("template_invalid", path=str(path),
                            reason=safezip.damage(exc)) from None
    return template


class Runs:
    """The runs a ``{{r ...}}`` tag prints: raw WordprocessingML, not escaped again."""

    __slots__ = ("xml",)

    def __init__(self, spans: list[Span]) -> None:
        self.xml = hold_hyphens("".join(
            ooxml.run_xml(span.text, bold=span.bold, italic=span.italic,
                          highlight=layout.DRAFT_HIGHLIGHT if span.highlight else None)
            for span in spans))

    def __html__(self) -> str:
        return self.xml

    __str__ = __html__


def _jinja_context(context: Context) -> dict:
    values = {field.name: getattr(context, field.name) for field in fields(context)}
    values["preamble"] = [Runs(spans) for spans in context.preamble]
    values["basis"] = [Runs(spans) for spans in context.basis]
    tables = [p.table for p in context.blocks if p.table is not None]
    values["tables"] = tables
    values["blocks"] = [
        {"style": p.style, "text": Runs([Span(TABLE_MARK.format(tables.index(p.table)))]
                                        if p.table is not None else p.spans)}
        for p in context.blocks]
    values["closing"] = Runs(context.closing) if context.closing else None
    return values
