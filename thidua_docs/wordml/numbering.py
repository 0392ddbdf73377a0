"""Labels Word draws itself: automatic numbering (w:numPr) read back as text.

A clerk who numbers with Word's list buttons has no "1." in the text: the
number comes from the paragraph's numbering (its own or its style's), the
level's format (decimal, upperRoman, lowerLetter, bullet) and text ("%1.",
"%1)"), counted in document order per list. Bullets read as "-".
"""

from __future__ import annotations

from docx.oxml.ns import qn

from thidua_docs.vnformat import roman
from thidua_docs.wordml.formatting import FormatResolver

_BULLET = "-"


def _val(element, tag: str, default: str | None = None) -> str | None:
    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn("w:val"), default) if found is not None else default


def _format(value: int, kind: str) -> str:
    if kind == "upperRoman":
        return roman(value)
    if kind == "lowerRoman":
        return roman(value).lower()
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    return str(value)


class AutoLabels:
    """The label Word draws before each numbered paragraph of one document."""

    def __init__(self, document, resolver: FormatResolver | None = None) -> None:
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        self._abstract = {} if numbering is None else {
            a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
        self._nums = {} if numbering is None else {
            n.get(qn("w:numId")): _val(n, "w:abstractNumId")
            for n in numbering.findall(qn("w:num"))}
        self._resolver = resolver or FormatResolver(document)
        self._counters: dict[str, list[int]] = {}

    def label(self, p) -> str | None:
        """The label of w:p *p*; call for every paragraph in document order."""
        num_pr = self._resolver.numbering_properties(p)
        if num_pr is None:
            return None
        num_id, level = _val(num_pr, "w:numId"), int(_val(num_pr, "w:ilvl", "0") or 0)
        abstract_id = self._nums.get(num_id)
        abstract = self._abstract.get(abstract_id)
        if num_id in (None, "0") or abstract is None:
            return None
        levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.findall(qn("w:lvl"))}
        definition = levels.get(level)
        if definition is None:
            return None
        counters = self._counters.setdefault(abstract_id, [0] * 9)
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        kind = _val(definition, "w:numFmt", "decimal")
        if kind == "bullet":
            return _BULLET
        if kind == "none":
            return None
        text = _val(definition, "w:lvlText", f"%{level + 1}.") or ""
        for index in range(level + 1):
            shown = levels.get(index)
            start = int(_val(shown, "w:start", "1") or 1) if shown is not None else 1
            value = counters[index] + start - 1
            text = text.replace(f"%{index + 1}", _format(max(value, 1), _val(
                shown, "w:numFmt", "decimal") if shown is not None else "decimal"))
        return text.strip() or None
