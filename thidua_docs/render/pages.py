"""Keep the end of the text with the signature, as Word and LibreOffice both honour it.

The signature table (Nơi nhận beside the authority lines, title and name) is one row
that may not split across pages (w:cantSplit), and the paragraph before it, the
closing one ending "./.", keeps with it (w:keepNext): with widow control its last
lines go to the signature's page rather than leaving the signature alone there.
"""

from __future__ import annotations

from docx.oxml.ns import qn

_W_TBL, _W_TR, _W_P = qn("w:tbl"), qn("w:tr"), qn("w:p")
_W_PPR, _W_TRPR, _W_PSTYLE = qn("w:pPr"), qn("w:trPr"), qn("w:pStyle")
#: Children of w:trPr that come after w:cantSplit (ECMA-376 order).
_AFTER_CANT_SPLIT = {qn(f"w:{name}") for name in (
    "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")}
#: Children of w:tr that come before w:trPr.
_BEFORE_TRPR = {qn("w:tblPrEx")}


def keep_with_signature(body) -> None:
    """Hold the last table of *body* (the signature) together and with the text above it."""
    tables = body.findall(_W_TBL)
    if len(tables) < 2:  # only the header: no signature table to hold
        return
    signature = tables[-1]
    for row in signature.iter(_W_TR):
        _cant_split(row)
    above = signature.getprevious()
    if above is not None and above.tag == _W_P:
        _keep_next(above)


def _cant_split(row) -> None:
    properties = row.find(_W_TRPR)
    if properties is None:
        properties = row.makeelement(_W_TRPR, {})
        position = sum(1 for child in row if child.tag in _BEFORE_TRPR)
        row.insert(position, properties)
    if properties.find(qn("w:cantSplit")) is not None:
        return
    element = properties.makeelement(qn("w:cantSplit"), {})
    later = next((child for child in properties if child.tag in _AFTER_CANT_SPLIT), None)
    if later is None:
        properties.append(element)
    else:
        later.addprevious(element)


def _keep_next(p) -> None:
    properties = p.find(_W_PPR)
    if properties is None:
        properties = p.makeelement(_W_PPR, {})
        p.insert(0, properties)
    if properties.find(qn("w:keepNext")) is not None:
        return
    style = properties.find(_W_PSTYLE)
    properties.insert(1 if style is not None and properties[0] is style else 0,
                      properties.makeelement(qn("w:keepNext"), {}))
