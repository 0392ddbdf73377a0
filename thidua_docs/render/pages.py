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
    signature = _signature(body)
    if signature is not None:
        hold_signature(signature)


def hold_signature_rows(body) -> None:
    """The rows of the last table of *body* (the signature) never split across pages."""
    signature = _signature(body)
    if signature is not None:
        _hold_rows(signature)


def hold_signature(signature) -> None:
    """Rows of the w:tbl *signature* never split; the paragraph above keeps with it."""
    _hold_rows(signature)
    above = signature.getprevious()
    if above is not None and above.tag == _W_P:
        keep_with_next(above)


def keep_with_next(p) -> None:
    """The w:p *p* stays on the page of what follows it."""
    child(child(p, "w:pPr"), "w:keepNext")


def _hold_rows(table) -> None:
    for row in table.iter(_W_TR):
        child(child(row, "w:trPr"), "w:cantSplit")


def _signature(body):
    tables = body.findall(_W_TBL)
    return tables[-1] if len(tables) >= 2 else None  # the header alone: no signature
