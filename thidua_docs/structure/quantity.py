"""Numeric values of indicators: a number or a range, printed the Vietnamese way.

A value prints with exactly the digits the clerk typed. It is written either as
an unquoted YAML number (``3505``, ``62.85``: the dot is a decimal point) or as
a quoted Vietnamese string (``"3.505"``, ``"62,85"``: dots group thousands, the
comma is the decimal point; ``"03"`` keeps its zero; ``"24-25"`` is a range). An
unquoted number that could be either (``18.000``, ``3.505``) is refused.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from thidua_docs.vnformat import format_number, format_range


class Numeral(str):
    """The source text of an unquoted YAML number (``18.000``, ``012``, ``62.80``), as the
    loader read it: the float or octal YAML would make of it is never used."""

    __slots__ = ()


#: An unquoted number as a clerk writes one: digits, then maybe a decimal point and digits.
_NUMERAL = re.compile(r"(?P<sign>[-+]?)(?P<whole>\d+)(?:\.(?P<fraction>\d+))?")
#: Could be Vietnamese thousands (18.000 = eighteen thousand) as well as a decimal.
_AMBIGUOUS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_VI_RANGE = re.compile(r"(?P<low>-?[^\s-]+)(?:\s*-\s*(?P<high>[^\s-]+))?")
_VI_NUMBER = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$")


def _leading_zeros_width(whole: str) -> int:
    """The digits to print of a whole part typed with leading zeros ("03" → 2), else 0."""
    return len(whole) if len(whole) > 1 and whole.startswith("0") else 0


def _not_vietnamese(written: str) -> PydanticCustomError:
    return PydanticCustomError("number_vietnamese_form",
                               "number_vietnamese_form", {"written": written})


def parse_vietnamese_number(text: str) -> tuple[Decimal, int]:
    """Parse "3.505", "62,85" or "03"; return the value and its leading-zero width (a
    PydanticCustomError for any other text)."""
    text = text.strip()
    if not _VI_NUMBER.match(text):
        raise _not_vietnamese(text)
    digits = text.replace(".", "").replace(",", ".")
    return Decimal(digits), _leading_zeros_width(digits.lstrip("-").split(".")[0])


def ambiguous(written: str) -> PydanticCustomError:
    """The error for a number that reads as thousands or as a decimal (3.505)."""
    return PydanticCustomError(
        "ambiguous_number", "{written} is ambiguous: write {whole} or {decimal}",
        {"written": written, "whole": written.replace(".", ""),
         "decimal": written.replace(".", ",")})


def parse_numeral(text: str) -> tuple[Decimal, int]:
    """Parse an unquoted YAML number from its source text (``62.8``, ``012``); return the
    value with the decimals typed and the leading-zero width. ``18.000`` is ambiguous."""
    match = _NUMERAL.fullmatch(text.strip())
    if match is None:
        raise PydanticCustomError("number_unquoted_form",
                                  "number_unquoted_form", {"written": text})
    if match["fraction"] is not None and _AMBIGUOUS.fullmatch(
            f"{match['whole']}.{match['fraction']}"):
        raise ambiguous(text.strip())
    number = match["sign"] + match["whole"] + (f".{match['fraction']}" if match["fraction"]
                                                 is not None else "")
    return Decimal(number), _leading_zeros_width(match["whole"])


class Quantity(BaseModel):
    """A value or a low-high range; YAML gives 12, 62.85, "3.505", "24-25" or [24, 25]."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    low: Decimal
    high: Decimal | None = None
    #: Leading-zero widths of the two ends as typed ("03-05": 2 and 2).
    min_digits: int = 0
    high_digits: int = 0

    @classmethod
    def __get_pydantic_json_schema__(cls, _core_schema, _handler) -> dict:
        """What a clerk types (the schema of the YAML, not of the parsed fields)."""
        from thidua_docs.messages import message

        return {"anyOf": [
            {"type": "number", "description": message("schema_quantity_number")},
            {"type": "string", "description": message("schema_quantity_text")},
            {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2,
             "description": message("schema_quantity_range")},
        ]}

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: object) -> object:
        if isinstance(data, bool):
            raise PydanticCustomError("number_not_yes_no", "number_not_yes_no",
                                      {"value": str(data).lower()})
        if isinstance(data, (Numeral, int, float)):  # a Numeral before any other str
            low, width = _python_number(data)
            return {"low": low, "min_digits": width}
        if isinstance(data, str):
            return _from_text(data)
        if isinstance(data, list):
            return _from_pair(data)
        return data

    @model_validator(mode="after")
    def _ordered(self) -> "Quantity":
        if self.high is not None and self.high < self.low:
            raise PydanticCustomError("range_reversed", "range_reversed",
                                      {"low": str(self.low), "high": str(self.high)})
        return self

    def __str__(self) -> str:
        high = None if self.high is None else format_number(self.high, self.high_digits)
        return format_range(format_number(self.low, self.min_digits), high)


def _python_number(data: int | float | Numeral) -> tuple[Decimal, int]:
    """An unquoted number, from its source text or (built in Python) from its value."""
    if isinstance(data, Numeral):
        return parse_numeral(data)
    if isinstance(data, float) and _AMBIGUOUS.fullmatch(repr(data)):
        raise ambiguous(repr(data))
    return Decimal(str(data)), 0


def _from_text(data: str) -> dict:
    """A quoted Vietnamese number or range: "3.505", "62,85", "03", "24-25"."""
    match = _VI_RANGE.fullmatch(data.strip())
    if match is None or match["low"].startswith("-") and match["high"]:
        raise _not_vietnamese(data)
    low, low_digits = parse_vietnamese_number(match["low"])
    high, high_digits = parse_vietnamese_number(match["high"]) if match["high"] else (None, 0)
    return {"low": low, "min_digits": low_digits, "high": high, "high_digits": high_digits}


def _from_pair(data: list) -> dict:
    """A range written [low, high] with two unquoted numbers."""
    if len(data) != 2 or not all(isinstance(x, (int, float, Numeral)) and
                                 not isinstance(x, bool) for x in data):
        raise PydanticCustomError("range_pair", "range_pair", {})
    ends = [_python_number(x) for x in data]
    return {"low": ends[0][0], "min_digits": ends[0][1],
            "high": ends[1][0], "high_digits": ends[1][1]}
