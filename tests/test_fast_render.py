"""The compiled renderer gives the same document as docxtpl's full render."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from docx import Document
from lxml import etree

from conftest import EXAMPLES, REPO
from thidua_docs.loader import load_directive
from thidua_docs.render.context import build_context
from thidua_docs.render.docx import CompiledTemplate, _jinja_context, default_template


def _body(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return etree.tostring(root, method="c14n")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_compiled_render_equals_docxtpl(path):
    template = CompiledTemplate(default_template())
    context = _jinja_context(build_context(load_directive(path)))
    fast = template.render(context)
    full = template._render_with_docxtpl(_jinja_context(build_context(load_directive(path))))
    assert _body(fast) == _body(full)
    with zipfile.ZipFile(io.BytesIO(fast)) as package, \
            zipfile.ZipFile(default_template()) as original:
        assert package.testzip() is None
        assert package.namelist() == original.namelist()
        for name in original.namelist():
            if name != "word/document.xml":
                assert package.read(name) == original.read(name)


def test_template_with_tags_outside_the_body_is_rendered_in_full(tmp_path):
    source = REPO / "thidua_docs" / "templates" / "phat_dong.docx"
    custom = tmp_path / "custom.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(custom, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/header1.xml":  # the page-number header
                data = data.replace(b"</w:hdr>", b"<w:p><w:r><w:t>{{ symbol }}</w:t></w:r></w:p>"
                                    b"</w:hdr>")
            new.writestr(item, data)
    template = CompiledTemplate(custom)
    docx = template.render(_jinja_context(build_context(load_directive(EXAMPLES[0]))))
    section = Document(io.BytesIO(docx)).sections[0]  # the symbol reads back, hyphen held
    headers = [p.text for part in (section.header, section.first_page_header)
               for p in part.paragraphs]
    assert load_directive(EXAMPLES[0]).symbol in headers


def test_the_prepared_template_is_kept_as_plain_data_and_reused(tmp_path, monkeypatch):
    """The cache holds JSON only (the body as Jinja source, compiled by this process);
    a cached preparation renders what a fresh one does; a damaged cache file is ignored."""
    from thidua_docs.render import docx as renderer

    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path))
    context = _jinja_context(build_context(load_directive(EXAMPLES[0])))
    fresh = CompiledTemplate(default_template()).render(context)
    renderer._prepared(default_template())
    (cached,) = tmp_path.glob("template-*.json")
    data = json.loads(cached.read_text(encoding="utf-8"))
    assert "{{" in data["body"] or "{%" in data["body"]  # source text, not code
    assert _body(CompiledTemplate(default_template(), renderer._prepared(default_template()))
                 .render(context)) == _body(fresh)
    cached.write_text("{not json", encoding="utf-8")
    assert _body(CompiledTemplate(default_template(), renderer._prepared(default_template()))
                 .render(context)) == _body(fresh)
    assert json.loads(cached.read_text(encoding="utf-8"))["format"] == data["format"]
