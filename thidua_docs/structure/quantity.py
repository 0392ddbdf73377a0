"""Numeric values of indicators: a number or a range, printed the Vietnamese way."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from thidua_docs.vnformat import format_number, format_range

#: A YAML float like 3.505: a clerk writing Vietnamese thousands most likely meant 3505.
_AMBIGUOUS_FLOAT = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")
_VI_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")


def parse_vietnamese_number(text: str) -> tuple[Decimal, int]:
    """Parse "3.505", "62,85" or "03"; return the value and its leading-zero width."""
    text = text.strip()
    if not _VI_NUMBER.match(text):
        raise ValueError(f"'{text}' is not a number written the Vietnamese way (3.505 ; 62,85)")
    digits = text.replace(".", "").replace(",", ".")
    width = len(digits) if digits.startswith("0") and len(digits) > 1 and "." not in digits else 0
    return Decimal(digits), width


class Quantity(BaseModel):
    """A value or a low-high range; YAML gives 12, 62.85, "3.505", "24-25" or [24, 25]."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    low: Decimal
    high: Decimal | None = None
    min_digits: int = 0

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: object) -> object:
        if isinstance(data, bool):
            raise ValueError("a number is expected, not yes/no")
        if isinstance(data, float) and _AMBIGUOUS_FLOAT.match(repr(data)):
            written = repr(data)
            raise PydanticCustomError(
                "ambiguous_number", "{written} is ambiguous: write {whole} or {decimal}",
                {"written": written, "whole": written.replace(".", ""),
                 "decimal": written.replace(".", ",")})
        if isinstance(data, (int, float)):
            return {"low": Decimal(str(data))}
        if isinstance(data, str):
            parts = [p for p in re.split(r"\s*-\s*", data.strip()) if p]
            if len(parts) not in (1, 2) or data.strip().startswith("-") and len(parts) == 2:
                raise ValueError(f"'{data}' is neither a number nor a range such as 24-25")
            try:
                parsed = [parse_vietnamese_number(p) for p in parts]
            except (ValueError, InvalidOperation) as exc:
                raise ValueError(str(exc)) from None
            return {
                "low": parsed[0][0],
                "high": parsed[1][0] if len(parsed) == 2 else None,
                "min_digits": parsed[0][1],
            }
        if isinstance(data, list):
            if len(data) != 2 or not all(isinstance(x, (int, float)) for x in data):
                raise ValueError("a range is written [low, high], e.g. [24, 25]")
            return {"low": Decimal(str(data[0])), "high": Decimal(str(data[1]))}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> "Quantity":
        if self.high is not None and self.high < self.low:
            raise ValueError(f"range {self.low}-{self.high}: the low end is above the high end")
        return self

    def __str__(self) -> str:
        high = None if self.high is None else format_number(self.high, self.min_digits)
        return format_range(format_number(self.low, self.min_digits), high)
