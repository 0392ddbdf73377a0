"""Effective formatting of paragraphs and runs, resolved the way Word does.

A property comes from the first place that sets it: the run's own
properties, its character style and that style's bases, the paragraph
style and its bases, then the document defaults. Theme fonts resolve
through the theme part.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

_TRUE = {None, "1", "true", "on"}
_RPR, _PPR = qn("w:rPr"), qn("w:pPr")
_THEME_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


@dataclass(frozen=True)
class RunFormat:
    font: str | None
    size_pt: float | None
    bold: bool
    italic: bool
    caps: bool
    color: str | None
    underline: bool = False
    small_caps: bool = False
    hidden: bool = False
    #: Extra space after each character (pt; negative when condensed).
    spacing_pt: float = 0.0


@dataclass(frozen=True)
class ParagraphFormat:
    style_id: str | None
    alignment: str  # left, center, right, justify
    first_line_cm: float
    left_cm: float
    right_cm: float
    space_before_pt: float
    space_after_pt: float
    #: Multiple of single spacing for "auto" line spacing; None for exact/at-least.
    line_spacing: float | None
    #: The exact or at-least line height in points (None for "auto").
    line_pt: float | None
    has_top_border: bool
    has_bottom_border: bool
    #: Tab stops in effect: (position in cm from the left indent's origin, kind).
    tabs: tuple[tuple[float, str], ...] = ()


def _twips_to_cm(value: str | None) -> float:
    return 0.0 if value is None else int(float(value)) / 1440 * 2.54


class FormatResolver:
    """Answers "what does this run/paragraph look like" for one document."""

    def __init__(self, document: DocxDocument) -> None:
        styles = document.styles.element
        self._styles = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        self._default_style = {
            kind: next((sid for sid, s in self._styles.items()
                        if s.get(qn("w:type")) == kind and s.get(qn("w:default")) in ("1", "true")),
                       None)
            for kind in ("paragraph", "character")
        }
        defaults = styles.find(qn("w:docDefaults"))
        self._default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") \
            if defaults is not None else None
        self._default_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") \
            if defaults is not None else None
        self._theme_fonts = _theme_fonts(document)
        self._run_cache: dict[tuple, RunFormat] = {}
        self._paragraph_cache: dict[tuple, ParagraphFormat] = {}

    # --- chains of property elements, most specific first -------------------------

    def _style_chain(self, style_id: str | None, tag: str) -> list:
        chain, seen = [], set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            element = style.find(qn(tag))
            if element is not None:
                chain.append(element)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain

    def paragraph_style_id(self, p) -> str | None:
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return style.get(qn("w:val")) if style is not None else self._default_style["paragraph"]

    def _rpr_chain(self, p, r) -> list:
        chain = []
        rpr = r.find(qn("w:rPr")) if r is not None else None
        if rpr is not None:
            chain.append(rpr)
            char_style = rpr.find(qn("w:rStyle"))
            char_id = char_style.get(qn("w:val")) if char_style is not None else None
        else:
            char_id = None
        chain += self._style_chain(char_id or self._default_style["character"], "w:rPr")
        chain += self._style_chain(self.paragraph_style_id(p), "w:rPr")
        if self._default_rpr is not None:
            chain.append(self._default_rpr)
        return chain

    def _ppr_chain(self, p) -> list:
        chain = []
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            chain.append(ppr)
        chain += self._style_chain(self.paragraph_style_id(p), "w:pPr")
        if self._default_ppr is not None:
            chain.append(self._default_ppr)
        return chain

    # --- public API ------------------------------------------------------------------------

    def run(self, paragraph: Paragraph | etree._Element, run: Run | etree._Element | None
            ) -> RunFormat:
        """Effective character formatting of *run* (or of the paragraph mark if None)."""
        p = getattr(paragraph, "_p", paragraph)
        r = getattr(run, "_r", run)
        rpr = r.find(_RPR) if r is not None else None
        key = (self.paragraph_style_id(p), b"" if rpr is None else etree.tostring(rpr))
        found = self._run_cache.get(key)
        if found is None:
            found = self._run_cache[key] = self._run(p, r)
        return found

    def _run(self, p, r) -> RunFormat:
        chain = self._rpr_chain(p, r)
        return RunFormat(
            font=self._font(chain),
            size_pt=_first(chain, "w:sz", lambda e: int(e.get(qn("w:val"))) / 2),
            bold=_first(chain, "w:b", _toggle) or False,
            italic=_first(chain, "w:i", _toggle) or False,
            caps=_first(chain, "w:caps", _toggle) or False,
            color=_first(chain, "w:color", lambda e: e.get(qn("w:val"))),
            underline=_first(chain, "w:u", lambda e: e.get(qn("w:val")) not in ("none", None))
            or False,
            small_caps=_first(chain, "w:smallCaps", _toggle) or False,
            hidden=_first(chain, "w:vanish", _toggle) or False,
            spacing_pt=_first(chain, "w:spacing", lambda e: int(e.get(qn("w:val"), 0)) / 20)
            or 0.0,
        )

    def paragraph(self, paragraph: Paragraph | etree._Element) -> ParagraphFormat:
        """Effective paragraph formatting."""
        p = getattr(paragraph, "_p", paragraph)
        ppr = p.find(_PPR)
        key = (self.paragraph_style_id(p), b"" if ppr is None else etree.tostring(ppr))
        found = self._paragraph_cache.get(key)
        if found is None:
            found = self._paragraph_cache[key] = self._paragraph(p)
        return found

    def _paragraph(self, p) -> ParagraphFormat:
        chain = self._ppr_chain(p)
        jc = _first(chain, "w:jc", lambda e: e.get(qn("w:val"))) or "left"
        alignment = {"both": "justify", "distribute": "justify", "start": "left",
                     "end": "right"}.get(jc, jc)
        ind = _attributes(chain, "w:ind", ("firstLine", "hanging", "left", "start", "right", "end"))
        spacing = _attributes(chain, "w:spacing", ("before", "after", "line", "lineRule"))
        first_line = _twips_to_cm(ind.get("firstLine")) - _twips_to_cm(ind.get("hanging"))
        line_rule = spacing.get("lineRule", "auto")
        line = spacing.get("line")
        return ParagraphFormat(
            style_id=self.paragraph_style_id(p),
            alignment=alignment,
            first_line_cm=first_line,
            left_cm=_twips_to_cm(ind.get("left", ind.get("start"))),
            right_cm=_twips_to_cm(ind.get("right", ind.get("end"))),
            space_before_pt=int(spacing.get("before", 0)) / 20,
            space_after_pt=int(spacing.get("after", 0)) / 20,
            line_spacing=(int(line) / 240 if line else 1.0) if line_rule == "auto" else None,
            line_pt=int(line) / 20 if line and line_rule != "auto" else None,
            has_top_border=_border(chain, "w:top"),
            has_bottom_border=_border(chain, "w:bottom"),
            tabs=_tab_stops(chain),
        )

    def numbering_properties(self, paragraph) -> object | None:
        """The w:numPr that numbers *paragraph* (its own or its style's), or None."""
        p = getattr(paragraph, "_p", paragraph)
        return _first(self._ppr_chain(p), "w:numPr", lambda e: e)

    def _font(self, chain: list) -> str | None:
        for rpr in chain:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(qn("w:asciiTheme"))
            if theme:
                return self._theme_fonts.get("major" if theme.startswith("major") else "minor")
            name = fonts.get(qn("w:ascii"))
            if name:
                return name
        return None


def _toggle(element) -> bool:
    return element.get(qn("w:val")) in _TRUE


def _first(chain: list, tag: str, read):
    for element in chain:
        found = element.find(qn(tag))
        if found is not None:
            return read(found)
    return None


def _border(chain: list, side: str) -> bool:
    """Whether the nearest paragraph border definition draws a line on *side*."""
    def read(borders) -> bool:
        element = borders.find(qn(side))
        return element is not None and element.get(qn("w:val")) not in ("nil", "none")
    return _first(chain, "w:pBdr", read) or False


def _tab_stops(chain: list) -> tuple[tuple[float, str], ...]:
    """Tab stops: the style's, then the paragraph's (a "clear" stop removes one)."""
    stops: dict[str, str] = {}
    for element in reversed(chain):
        tabs = element.find(qn("w:tabs"))
        if tabs is None:
            continue
        for tab in tabs.findall(qn("w:tab")):
            position, kind = tab.get(qn("w:pos")), tab.get(qn("w:val"))
            if kind == "clear":
                stops.pop(position, None)
            elif position is not None:
                stops[position] = kind
    return tuple(sorted((_twips_to_cm(pos), kind) for pos, kind in stops.items()))


def _attributes(chain: list, tag: str, names: tuple[str, ...]) -> dict[str, str]:
    """Merge one element's attributes along the chain, the most specific winning."""
    merged: dict[str, str] = {}
    for element in chain:
        found = element.find(qn(tag))
        if found is None:
            continue
        for name in names:
            value = found.get(qn(f"w:{name}"))
            if value is not None and name not in merged:
                merged[name] = value
    return merged


def _theme_fonts(document: DocxDocument) -> dict[str, str]:
    part = document.part
    for rel in part.rels.values():
        if rel.reltype.endswith("/theme"):
            root = etree.fromstring(rel.target_part.blob)
            fonts = {}
            for kind in ("major", "minor"):
                latin = root.find(f".//a:{kind}Font/a:latin", _THEME_NS)
                if latin is not None:
                    fonts[kind] = latin.get("typeface")
            return fonts
    return {}
