"""Whether a document is in the decree's scope, and if not, why.

Nghị định 30 governs administrative documents of state bodies (Đ.2, Đ.4). Not
in its scope: Party documents (Hướng dẫn 36-HD/VPTW), legal normative texts
(their number carries the year: "Số: 30/2020/NĐ-CP"; Luật Ban hành VBQPPL),
forms and templates (Mẫu số …, the Phụ lục III collection), statistical annexes
issued without a header of their own, and internal routing slips (phiếu trình).
"""

from __future__ import annotations

import re

from thidua_docs.wordml.anatomy import Anatomy, fold

#: The Party's heading, where a state document has its Quốc hiệu.
_PARTY = re.compile(r"^đảng cộng sản việt nam$")
_QPPL_NUMBER = re.compile(r"^\s*số\s*:?\s*\d+/\d{4}/[a-zđ]", re.IGNORECASE)
_FORM = re.compile(r"^(mẫu số|mẫu\s+\d|biểu số|biểu mẫu)", re.IGNORECASE)
_TEMPLATES = re.compile(r"mẫu trình bày văn bản")
_ROUTING = re.compile(r"^phiếu trình$")
_ANNEX_TITLE = re.compile(r"^(bảng tổng hợp|biểu tổng hợp|bảng thống kê|biểu thống kê)")
_TOP = 15


def out_of_scope(doc: Anatomy) -> str | None:
    """The message key saying why *doc* is outside Nghị định 30, or None if it is in."""
    top = [fold(line.shown) for line in doc.lines[:_TOP]]
    if doc.national is None and any(_PARTY.match(text) for text in top):
        return "check_scope_party"
    if doc.number is not None and _QPPL_NUMBER.match(doc.number.text):
        return "check_scope_qppl"
    if top and _FORM.match(top[0]):
        return "check_scope_form"
    if any(_TEMPLATES.search(text) for text in top[:4]):
        return "check_scope_templates"
    if any(_ROUTING.match(fold(line.shown)) for line in doc.title[:1]) or any(
            _ROUTING.match(text) for text in top):
        return "check_scope_routing"
    if doc.national is None and doc.number is None and any(_ANNEX_TITLE.match(t) for t in top):
        return "check_scope_annex"
    return None
