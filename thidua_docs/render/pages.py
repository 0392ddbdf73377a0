"""Keep the end of the text with the signature, as Word and LibreOffice both honour it.

The signature table (Nơi nhận beside the authority lines, title and name) is one row
that may not split across pages (w:cantSplit), and the paragraph before it, the
closing one ending "./.", keeps with it (w:keepNext): with widow control its last
lines go to the signature's page rather than leaving the signature alone there.
"""

from __future__ import annotations


from thidua_docs.ooxml import child, qn

_W_TBL, _W_TR, _W_P = qn("w:tbl"), qn("w:tr"), qn("w:p")


def keep_with_signature(body) -> None:
    """Hold the last table of *body* (the signature) together and with the text above it."""
    tables = body.findall(_W_TBL)
    if len(tables) < 2:  # only the header: no signature table to hold
        return
    signature = tables[-1]
    for row in signature.iter(_W_TR):
        child(child(row, "w:trPr"), "w:cantSplit")
    above = signature.getprevious()
    if above is not None and above.tag == _W_P:
        child(child(above, "w:pPr"), "w:keepNext")
