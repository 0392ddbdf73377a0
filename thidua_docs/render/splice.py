"""Fit and hold the few elements of a rendered body that need it, in the body's text.

Fitting (rule lines, boxes, Kính gửi indents) and holding the signature change a handful
of paragraphs among hundreds. Parsing a whole rendered body with lxml and writing it
out again costs more than the rest of a render, so for a *flat* template body (no
paragraph inside a paragraph, no table inside a table, no content control, text box or
alternate content) each stretch to change is found in the text, parsed alone with the
body's namespaces, changed by the very functions that change a whole tree (``fit_to_text``,
``hold_signature``) and written back in its place. A template that is not flat, and a
document with indicator tables or appendices, go through the whole tree instead;
``tests/test_fast_render.py`` checks both ways give the same document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from thidua_docs.ooxml import qn
from thidua_docs.render.fitting import FITTED, fit_to_text
from thidua_docs.render.pages import hold_signature, keep_with_next

_W_P, _W_TBL, _W_TCPR = qn("w:p"), qn("w:tbl"), qn("w:tcPr")
#: Elements that hold paragraphs or tables of their own (or may: alternate content).
_NESTING = (qn("w:sdt"), qn("w:txbxContent"), qn("w:customXml"), qn("w:smartTag"),
            "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
#: A paragraph style as lxml writes it (the only way a template body spells one).
_STYLE = re.compile(r'<w:pStyle w:val="([^"]*)"/>')
_FITTED_STYLE = re.compile('<w:pStyle w:val="(?:{})"/>'.format(
    "|".join(re.escape(style) for style in sorted(FITTED))))
_PARAGRAPH_END, _TABLE_END = "</w:p>", "</w:tbl>"
_HELD_ROW = "<w:cantSplit/>"


class NotFlat(Exception):
    """The rendered body is not laid out as a flat template's is: use the whole tree."""


def is_flat(body) -> bool:
    """Whether the template's w:body element *body* can be fitted in its text: no
    paragraph inside a paragraph, no table inside a table, nothing that nests them."""
    if next(body.iter(*_NESTING), None) is not None:
        return False
    for tag in (_W_P, _W_TBL):
        if any(next(element.iterancestors(tag), None) is not None for element in body.iter(tag)):
            return False
    return True


def styles_spelled_plainly(body_xml: str) -> bool:
    """Whether every paragraph style in the template's body text reads ``<w:pStyle
    w:val="…"/>`` (so a search for the text finds them all)."""
    return body_xml.count("<w:pStyle") == len(_STYLE.findall(body_xml))


#: (prefix, ' xmlns:prefix="uri"') of each namespace the body declares.
Namespaces = list[tuple[str, str]]
_DECLARATION = re.compile(r'\s+xmlns:(\w+)="[^"]*"')


def declarations(start_tag: str) -> Namespaces:
    """The namespace declarations of the body's start tag *start_tag*."""
    return [(match.group(1), match.group()) for match in _DECLARATION.finditer(start_tag)]


@dataclass
class _Stretch:
    """Sibling elements body[start:end] to parse together, inside *container* (a cell's
    start tag and properties, or "" at the top of the body)."""

    start: int
    end: int
    container: str
    signature: bool = False


def fit_and_hold(body: str, namespaces: Namespaces, facts, body_twips: int) -> str:
    """The rendered w:body text *body* with every fitted paragraph fitted and the last
    table (the signature) held together with the paragraph above it. *namespaces* are
    the body's declarations (``declarations``). NotFlat if the text is not as expected."""
    stretches = [_fitted(body, match.start()) for match in _FITTED_STYLE.finditer(body)]
    signature = _signature(body)
    if signature is not None:
        stretches.append(signature)
    for stretch in reversed(_merged(stretches)):
        body = (body[:stretch.start] + _edited(body, stretch, namespaces, facts, body_twips)
                + body[stretch.end:])
    return body


def _fitted(body: str, style_at: int) -> _Stretch:
    """The fitted paragraph whose style is at *style_at*, with the paragraphs above it
    that fitting reads (those sharing the style of the nearest one)."""
    start = _paragraph_start(body, style_at)
    end = body.find(_PARAGRAPH_END, style_at)
    if end < 0:
        raise NotFlat(style_at)
    first, style = start, None
    while True:
        above = _previous_paragraph(body, first)
        if above is None:
            break
        above_style = _style_of(body[above:first])
        if style is not None and above_style != style:
            break
        first, style = above, above_style
    return _Stretch(first, end + len(_PARAGRAPH_END), _cell_of(body, start))


def _signature(body: str) -> _Stretch | None:
    """The last table and the paragraph above it, if the body has two tables or more (in
    a flat body a table is never inside another one: the last is the signature); only
    the paragraph if the table's rows are held already."""
    start = _tag_start(body, "<w:tbl", len(body))
    if start < 0 or _tag_start(body, "<w:tbl", start) < 0:
        return None
    end = body.find(_TABLE_END, start)
    if end < 0:
        raise NotFlat(start)
    above = _previous_paragraph(body, start)
    rows = body.count("<w:tr>", start, end) + body.count("<w:tr ", start, end)
    if body.count(_HELD_ROW, start, end) >= rows:  # held in the template (see docx._prepare)
        return None if above is None else _Stretch(above, start, "", signature=True)
    return _Stretch(start if above is None else above, end + len(_TABLE_END), "",
                    signature=True)


def _paragraph_start(body: str, inside: int) -> int:
    start = _tag_start(body, "<w:p", inside)
    if start < 0 or body.find(_PARAGRAPH_END, start, inside) >= 0:
        raise NotFlat(inside)
    return start


def _tag_start(body: str, name: str, before: int) -> int:
    """Where the last start tag *name* ("<w:p") before *before* begins (not "<w:pPr"), or -1."""
    at = body.rfind(name, 0, before)
    while at >= 0 and body[at + len(name)] not in "> /":
        at = body.rfind(name, 0, at)
    return at


def _previous_paragraph(body: str, start: int) -> int | None:
    """Where the paragraph right before the element at *start* begins (None if the
    element before it is not a paragraph)."""
    end = start
    while end and body[end - 1] in " \t\r\n":
        end -= 1
    if body.endswith("/>", 0, end):  # an empty paragraph (<w:p/>, <w:p w14:paraId="…"/>)?
        empty = _tag_start(body, "<w:p", end)
        return empty if empty >= 0 and body.find(">", empty, end) == end - 1 else None
    if not body.endswith(_PARAGRAPH_END, 0, end):
        return None
    return _paragraph_start(body, end - len(_PARAGRAPH_END))


def _style_of(paragraph: str) -> str | None:
    match = _STYLE.search(paragraph)
    return match.group(1) if match else None


def _cell_of(body: str, at: int) -> str:
    """The start tag and properties of the table cell holding *at*, "" if none."""
    cell = _tag_start(body, "<w:tc", at)
    if cell < 0 or body.find("</w:tc>", cell, at) >= 0:
        return ""
    tag_end = body.index(">", cell) + 1
    if body.startswith("<w:tcPr>", tag_end):
        tag_end = body.index("</w:tcPr>", tag_end) + len("</w:tcPr>")
    return body[cell:tag_end]


def _merged(stretches: list[_Stretch]) -> list[_Stretch]:
    """Overlapping stretches as one (in the order of the text)."""
    merged: list[_Stretch] = []
    for stretch in sorted(stretches, key=lambda s: (s.start, -s.end)):
        last = merged[-1] if merged else None
        if last is None or stretch.start >= last.end:
            merged.append(stretch)
        elif stretch.end <= last.end:  # inside the last one (a cell of the signature)
            last.signature |= stretch.signature
        elif stretch.container == last.container:  # siblings: one longer stretch
            last.end, last.signature = stretch.end, last.signature or stretch.signature
        else:
            raise NotFlat(stretch.start)
    return merged


def _edited(body: str, stretch: _Stretch, namespaces: Namespaces, facts, body_twips: int) -> str:
    """The text of *stretch* after fitting (and holding, for the signature)."""
    container, text = stretch.container, body[stretch.start:stretch.end]
    declared = "".join(declaration for prefix, declaration in namespaces
                       if prefix == "w" or f"{prefix}:" in text)
    tag = "w:tc" if container else "w:body"
    head = container.replace("<w:tc", f"<w:tc{declared}", 1) if container \
        else f"<w:body{declared}>"
    try:
        wrapper = etree.fromstring(f"{head}{text}</{tag}>")
    except etree.XMLSyntaxError:
        raise NotFlat(stretch.start) from None
    fit_to_text(wrapper, facts, body_twips)
    if stretch.signature:
        tables = wrapper.findall(_W_TBL)
        if tables:
            hold_signature(tables[-1])
        else:  # the paragraph above a signature whose rows are held already
            keep_with_next(wrapper[-1])
    if container and wrapper[0].tag == _W_TCPR:
        wrapper.remove(wrapper[0])  # the cell's properties stay where they were
    text = etree.tostring(wrapper, encoding="unicode")
    return text[text.index(">") + 1:text.rindex("<")]
