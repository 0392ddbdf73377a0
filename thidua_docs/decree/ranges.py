"""The ranges Nghị định 30/2020 Phụ lục I allows: page, margins, sizes, weights.

The house layout (``thidua_docs.layout``) picks values inside them, and the
checker and the tests hold documents to them.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT = "Times New Roman"
PAGE_MM = (210, 297)
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}

#: The khẩn stamp is bright red (ô 10b).
URGENCY_COLOR = "FF0000"

BODY_FIRST_LINE_CM = (1.0, 1.27)
BODY_MIN_SPACING_PT = 6
BODY_LINE_SPACING = (1.0, 1.5)
ISSUER_RULE_FRACTION = (1 / 3, 1 / 2)
#: The line under a typed document's trích yếu (II.5a): 1/3 to 1/2 of its length.
SUBJECT_RULE_FRACTION = (1 / 3, 1 / 2)


@dataclass(frozen=True)
class ElementRule:
    """Size range (pt) and the case and weight the decree prescribes for an element."""

    size_pt: tuple[float, float]
    bold: bool | None = None
    italic: bool | None = None
    upper: bool = False


ELEMENTS: dict[str, ElementRule] = {
    "national_name": ElementRule((12, 13), bold=True, upper=True),
    "motto": ElementRule((13, 14), bold=True),
    "parent_body": ElementRule((12, 13), bold=False, upper=True),
    "issuer": ElementRule((12, 13), bold=True, upper=True),
    "number": ElementRule((13, 13), bold=False),
    "urgency": ElementRule((13, 14), bold=True, upper=True),
    "place_date": ElementRule((13, 14), italic=True),
    "summary": ElementRule((12, 13), bold=False),
    "title": ElementRule((13, 14), bold=True, upper=True),
    "subtitle": ElementRule((13, 14), bold=True),
    "addressee": ElementRule((13, 14), bold=False),
    "body": ElementRule((13, 14), bold=False),
    "heading": ElementRule((13, 14), bold=True),
    "signer_title": ElementRule((13, 14), bold=True, upper=True),
    "signer_name": ElementRule((13, 14), bold=True),
    "recipients_label": ElementRule((12, 12), bold=True, italic=True),
    "recipient": ElementRule((11, 11), bold=False),
    "page_number": ElementRule((13, 14), bold=False),
    "basis": ElementRule((13, 14), italic=True),
    "appendix_label": ElementRule((14, 14), bold=True),
    "appendix_title": ElementRule((13, 14), bold=True, upper=True),
    "appendix_attached": ElementRule((13, 14), italic=True),
}
