"""The compiled renderer gives the same document as docxtpl's full render."""

from __future__ import annotations

import copy
import io
import json
import zipfile

import pytest
from docx import Document
from lxml import etree

from conftest import EXAMPLES, REPO
from helpers import MINIMAL, directive_data, render, write_yaml
from thidua_docs.loader import load_directive
from thidua_docs.render.context import build_context
from thidua_docs.render.docx import CompiledTemplate, _jinja_context, default_template
from thidua_docs.render.fitting import fit_to_text


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


# --- fitting in the body's text (render/splice.py) against fitting the parsed body -------

def _both_ways(context: dict, monkeypatch) -> tuple[bytes, bytes, int]:
    """The document rendered by fitting in the text and by fitting the parsed tree, and how
    many times the text was fitted."""
    from thidua_docs.render import docx as renderer

    calls = []
    real = renderer.fit_and_hold

    def counted(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(renderer, "fit_and_hold", counted)
    prepared = renderer._prepared(default_template())
    spliced = CompiledTemplate(default_template(), prepared).render(context)
    tree = CompiledTemplate(default_template(), {**prepared, "flat": False}).render(context)
    return spliced, tree, len(calls)


def _paragraphs(docx: bytes, style_id: str) -> list:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    w = root.nsmap["w"]
    return [p for p in root.iter(f"{{{w}}}p")
            if p.find(f"{{{w}}}pPr/{{{w}}}pStyle[@{{{w}}}val='{style_id}']") is not None]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_fitting_in_the_text_gives_the_tree_s_document(path, monkeypatch):
    directive = load_directive(path)
    spliced, tree, fitted = _both_ways(_jinja_context(build_context(directive)), monkeypatch)
    assert _body(spliced) == _body(tree)
    has_tables = bool(directive.appendices) or any(
        p.table is not None for p in build_context(directive).blocks)
    assert fitted == (0 if has_tables else 1)  # tables and appendices: the parsed tree


VARIANTS = {
    "urgent, with Kính gửi": dict(document={**MINIMAL["document"], "kind": "công văn",
                                            "title": None, "subtitle": None,
                                            "summary": "Phát động thi đua", "urgency": "Khẩn"},
                                  addressees=["Các phòng, ban", "UBND các xã, thị trấn",
                                              "Các trường học trên địa bàn huyện"]),
    "no closing line": dict(closing=None),
    "a parent authority": dict(issuer={**MINIMAL["issuer"], "parent": ["UBND tỉnh Kon Tum"]}),
    "a long issuer name": dict(issuer={**MINIMAL["issuer"], "name": [
        "Ban Thi đua, Khen thưởng", "Sở Nội vụ tỉnh Kon Tum và các đơn vị trực thuộc"]}),
}


@pytest.mark.parametrize("changes", VARIANTS.values(), ids=list(VARIANTS))
def test_fitting_in_the_text_gives_the_tree_s_document_for_each_form(changes, tmp_path,
                                                                      monkeypatch):
    source = write_yaml(tmp_path / "in.yaml", directive_data(**changes))
    spliced, tree, fitted = _both_ways(_jinja_context(build_context(load_directive(source))),
                                       monkeypatch)
    assert fitted == 1
    assert _body(spliced) == _body(tree)
    for style_id in ("ND30IssuerRule", "ND30MottoRule"):  # fitted: narrowed on both sides
        (rule,) = _paragraphs(spliced, style_id)
        w = rule.nsmap["w"]
        indent = rule.find(f"{{{w}}}pPr/{{{w}}}ind")
        assert int(indent.get(f"{{{w}}}left")) > 0 and int(indent.get(f"{{{w}}}right")) > 0


def test_the_urgency_box_and_the_kinh_gui_lines_are_fitted_in_the_text(tmp_path, monkeypatch):
    source = write_yaml(tmp_path / "in.yaml", directive_data(**VARIANTS["urgent, with Kính gửi"]))
    spliced, _, _ = _both_ways(_jinja_context(build_context(load_directive(source))),
                               monkeypatch)
    (box,) = _paragraphs(spliced, "ND30Urgency")
    w = box.nsmap["w"]
    assert int(box.find(f"{{{w}}}pPr/{{{w}}}ind").get(f"{{{w}}}left")) > 0
    first, *rest = _paragraphs(spliced, "ND30Addressee")
    assert first.find(f"{{{w}}}pPr/{{{w}}}ind") is None  # "Kính gửi:" itself, then a line each
    assert len(rest) == 3 and all(int(p.find(f"{{{w}}}pPr/{{{w}}}ind").get(f"{{{w}}}left")) > 0
                                  for p in rest)


def test_the_signature_keeps_with_the_paragraph_above_it_whatever_that_is(tmp_path):
    """With a closing line it is the closing; without one, the last paragraph of the body."""
    for changes, style_id in ((dict(), "ND30Closing"), (dict(closing=None), "ND30Body")):
        rendered = render(tmp_path, directive_data(**changes))
        body = rendered.document.element.body
        w = body.nsmap["w"]
        signature = body.findall(f"{{{w}}}tbl")[-1]
        above = signature.getprevious()
        assert above.find(f"{{{w}}}pPr/{{{w}}}pStyle").get(f"{{{w}}}val") == style_id
        assert above.find(f"{{{w}}}pPr/{{{w}}}keepNext") is not None
        assert all(row.find(f"{{{w}}}trPr/{{{w}}}cantSplit") is not None
                   for row in signature.iter(f"{{{w}}}tr"))


def test_word_s_spellings_of_a_flat_body_are_fitted_in_the_text_as_in_the_tree(tmp_path):
    """Empty paragraphs with attributes (as Word saves them) above a rule line and above the
    signature, and tables with attributes: the text fitter finds what the tree does."""
    from thidua_docs.render import docx as renderer
    from thidua_docs.render.pages import keep_with_signature
    from thidua_docs.render.splice import fit_and_hold

    template = CompiledTemplate(default_template(), renderer._prepared(default_template()))
    context = template._titles.context(_jinja_context(build_context(
        load_directive(write_yaml(tmp_path / "in.yaml", directive_data())))))
    xml = template._body.render(context)
    empty = '<w:p w14:paraId="1234ABCD" w14:textId="77777777"/>'
    signature = xml.rindex("<w:tbl>")
    rule = xml.rindex("<w:p>", 0, xml.index('<w:pStyle w:val="ND30IssuerRule"/>'))
    variants = {
        "empty paragraph above the signature": xml[:signature] + empty + xml[signature:],
        "empty paragraph above a rule line": xml[:rule] + empty + xml[rule:],
        "tables with attributes": xml.replace("<w:tbl>", '<w:tbl w14:x="1">'),
    }
    for name, body in variants.items():
        spliced = etree.fromstring(fit_and_hold(body, template._namespaces, template._facts,
                                                template._body_twips))
        root = copy.deepcopy(template._root)
        tree = etree.fromstring(body)
        root.append(tree)
        keep_with_signature(tree)
        fit_to_text(root, template._facts, template._body_twips)
        assert etree.tostring(spliced, method="c14n") == etree.tostring(tree, method="c14n"), name


def test_a_template_body_that_nests_is_fitted_as_a_tree():
    from thidua_docs.render.splice import is_flat

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    wrap = f'<w:body xmlns:w="{w}">{{}}</w:body>'
    paragraph = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    table = f"<w:tbl><w:tr><w:tc>{{}}</w:tc></w:tr></w:tbl>"
    assert is_flat(etree.fromstring(wrap.format(paragraph + table.format(paragraph))))
    assert not is_flat(etree.fromstring(wrap.format(table.format(table.format(paragraph)))))
    text_box = ("<w:p><w:r><w:pict><w:txbxContent>" + paragraph
                + "</w:txbxContent></w:pict></w:r></w:p>")
    assert not is_flat(etree.fromstring(wrap.format(text_box)))
    control = f"<w:sdt><w:sdtContent>{paragraph}</w:sdtContent></w:sdt>"
    assert not is_flat(etree.fromstring(wrap.format(control)))


def test_a_body_not_laid_out_as_expected_is_refused_by_the_text_fitter():
    from thidua_docs.render.splice import NotFlat, fit_and_hold

    broken = '<w:body><w:pPr><w:pStyle w:val="ND30IssuerRule"/></w:pPr></w:body>'  # no w:p
    with pytest.raises(NotFlat):
        fit_and_hold(broken, [], lambda style: (13.0, False, 0), 9000)
