"""The domain model of a directive."""

from thidua_docs.structure.directive import (
    Authority,
    BulletsBlock,
    Directive,
    Document,
    Entry,
    Indicator,
    IndicatorPart,
    IndicatorsBlock,
    Issuer,
    ItemsBlock,
    Section,
    Signature,
)
from thidua_docs.structure.quantity import Quantity

__all__ = [
    "Authority", "BulletsBlock", "Directive", "Document", "Entry", "Indicator",
    "IndicatorPart", "IndicatorsBlock", "Issuer", "ItemsBlock", "Quantity", "Section",
    "Signature",
]
