"""Drawings anchored in a paragraph (DrawingML and VML), with their geometry.

A header line is often no border but a drawn line or connector: a
``wps:wsp`` with a ``line``/``straightConnector1`` geometry, a ``v:line``
or a VML connector shape, sometimes a flat rectangle. Each becomes a
:class:`Shape` with its width, height and offset in centimetres.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn

EMU_PER_CM = 360000
_NS = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "v": "urn:schemas-microsoft-com:vml",
}
_LINE_GEOMETRIES = {"line", "straightConnector1", "bentConnector1", "curvedConnector1"}
_VML_LINE_TYPES = {"#_x0000_t32", "#_x0000_t20"}  # straight connector, line
_CM_PER_UNIT = {"pt": 2.54 / 72, "in": 2.54, "cm": 1.0, "mm": 0.1, "px": 2.54 / 96,
                "pc": 2.54 / 6, "": 2.54 / 72}
_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$")
#: A rectangle this thin is drawn as a line.
FLAT_CM = 0.12


@dataclass(frozen=True)
class Shape:
    """One drawn object: ``line``, ``rect``, ``textbox``, ``picture`` or ``shape``."""

    kind: str
    width_cm: float
    height_cm: float
    #: Offset from what the anchor is relative to (None when inline or aligned).
    x_cm: float | None = None
    y_cm: float | None = None
    #: What the horizontal offset is measured from ("column", "page", "margin", "character").
    relative_to: str | None = None
    #: Horizontal alignment instead of an offset ("center", "left", ...).
    align: str | None = None

    @property
    def is_line(self) -> bool:
        """A line, or a shape flat enough to print as one."""
        return self.kind == "line" or (self.kind in ("rect", "shape")
                                       and self.height_cm <= FLAT_CM < self.width_cm)


def drawn(element) -> list[Shape]:
    """The shapes one child of a w:r draws (w:drawing, w:pict, mc:AlternateContent's choice)."""
    if element.tag == qn("w:drawing"):
        return [_drawingml(frame) for frame in element if frame.tag in
                (f"{{{_NS['wp']}}}anchor", f"{{{_NS['wp']}}}inline")]
    if element.tag == qn("w:pict"):
        return _vml(element)
    if element.tag.endswith("}AlternateContent"):
        choice = element.find("{http://schemas.openxmlformats.org/markup-compatibility/2006}"
                              "Choice")
        if choice is not None:
            return [shape for child in choice for shape in drawn(child)]
    return []


def _drawingml(frame) -> Shape:
    extent = frame.find("wp:extent", _NS)
    width = int(extent.get("cx", 0)) / EMU_PER_CM if extent is not None else 0.0
    height = int(extent.get("cy", 0)) / EMU_PER_CM if extent is not None else 0.0
    x = y = relative = align = None
    horizontal = frame.find("wp:positionH", _NS)
    if horizontal is not None:
        relative = horizontal.get("relativeFrom")
        offset = horizontal.find("wp:posOffset", _NS)
        if offset is not None and offset.text:
            x = int(offset.text) / EMU_PER_CM
        aligned = horizontal.find("wp:align", _NS)
        align = aligned.text if aligned is not None else None
    vertical = frame.find("wp:positionV", _NS)
    if vertical is not None:
        offset = vertical.find("wp:posOffset", _NS)
        if offset is not None and offset.text:
            y = int(offset.text) / EMU_PER_CM
    return Shape(_drawingml_kind(frame), width, height, x, y, relative, align)


def _drawingml_kind(frame) -> str:
    if frame.find(".//pic:pic", _NS) is not None:
        return "picture"
    shapes = frame.findall(".//wps:wsp", _NS)
    if not shapes:
        return "shape"
    if any(s.find("wps:txbx", _NS) is not None for s in shapes):
        return "textbox"
    geometry = shapes[0].find(".//a:prstGeom", _NS)
    prst = geometry.get("prst") if geometry is not None else None
    if prst in _LINE_GEOMETRIES or shapes[0].find("wps:cNvCnPr", _NS) is not None:
        return "line"
    return "rect" if prst == "rect" else "shape"


def _vml(pict) -> list[Shape]:
    shapes = []
    for element in pict.iter():
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(f"{{{_NS['v']}}}"):
            continue
        name = tag.split("}")[1]
        if name not in ("line", "shape", "rect", "roundrect"):
            continue
        if any(a.tag == f"{{{_NS['v']}}}group" for a in element.iterancestors()):
            continue
        style = _style(element.get("style", ""))
        x, y = _length(style.get("margin-left")), _length(style.get("margin-top"))
        relative = style.get("mso-position-horizontal-relative")
        if name == "line":
            (x1, y1), (x2, y2) = _point(element.get("from")), _point(element.get("to"))
            shapes.append(Shape("line", abs(x2 - x1), abs(y2 - y1),
                                (x or 0.0) + min(x1, x2), y, relative))
            continue
        width, height = _length(style.get("width")) or 0.0, _length(style.get("height")) or 0.0
        if element.find(f"{{{_NS['v']}}}textbox") is not None:
            kind = "textbox"
        elif element.find(f"{{{_NS['v']}}}imagedata") is not None:
            kind = "picture"
        elif name == "shape" and (element.get("type") in _VML_LINE_TYPES
                                  or element.get("{urn:schemas-microsoft-com:office:office}"
                                                 "connectortype")):
            kind = "line"
        else:
            kind = "rect" if name == "rect" else "shape"
        shapes.append(Shape(kind, width, height, x, y, relative,
                            style.get("mso-position-horizontal")))
    return shapes


def _style(text: str) -> dict[str, str]:
    pairs = (item.split(":", 1) for item in text.split(";") if ":" in item)
    return {key.strip(): value.strip() for key, value in pairs}


def _length(text: str | None) -> float | None:
    match = _LENGTH.match(text or "")
    if not match:
        return None
    unit = match[2]
    return float(match[1]) * _CM_PER_UNIT.get(unit, _CM_PER_UNIT["pt"])


def _point(text: str | None) -> tuple[float, float]:
    parts = (text or "0,0").split(",")
    x = _length(parts[0]) or 0.0
    y = _length(parts[1]) if len(parts) > 1 else 0.0
    return x, y or 0.0
