"""Vietnamese formatting helpers: labels, numbers, dates, text normalisation.

Every place that prints a number, a date or a structure label goes through
this module, so the conventions of Nghị định 30/2020 live in one spot.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from thidua_docs.decree.labels import POINT_LETTERS


_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]



def nfc(text: str) -> str:
    """Return *text* in Unicode NFC."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """NFC-normalise and collapse runs of white space into one space."""
    return " ".join(nfc(text).split())


def roman(number: int) -> str:
    """Roman numeral of a positive integer (1 → I, 14 → XIV)."""
    if number < 1:
        raise ValueError(f"Roman numerals start at 1, got {number}")
    digits = []
    for value, symbol in _ROMAN:
        count, number = divmod(number, value)
        digits.append(symbol * count)
    return "".join(digits)


def point_letter(index: int) -> str:
    """The *index*-th (1-based) letter of a điểm label: 1 → a, 5 → đ, 7 → g."""
    if not 1 <= index <= len(POINT_LETTERS):
        raise ValueError(
            f"a list of điểm holds at most {len(POINT_LETTERS)} entries, got {index}"
        )
    return POINT_LETTERS[index - 1]


def format_number(value: Decimal | int | float, min_digits: int = 0) -> str:
    """A number the Vietnamese way, with the digits it was written with: 3.505 ; 62,85 ;
    62,80 (a typed trailing zero stays) ; 1.000.000 ; -12,5.

    *min_digits* pads the whole part with leading zeros, as in "03 xã" (a number
    written with leading zeros is printed without thousands dots, as typed).
    """
    return _format_number(str(value), min_digits)


@lru_cache(maxsize=4096)
def _format_number(text: str, min_digits: int) -> str:
    # Keyed by the text, not the Decimal: Decimal("62.80") == Decimal("62.8") prints otherwise.
    # What Babel's format_decimal(value, "#,##0.00", locale="vi") prints (or "000" with
    # *min_digits*), with the symbols Babel gives the vi locale (tests compare the two).
    decimal, group, minus = number_symbols()
    value = Decimal(text)
    whole, _, fraction = format(abs(value), "f").partition(".")
    if min_digits > 1:
        whole = whole.zfill(min_digits)
    else:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)])
    sign = minus if value.is_signed() else ""  # "-0" as typed, as Babel prints it
    return sign + whole + (decimal + fraction if fraction else "")


@lru_cache(maxsize=1)
def number_symbols() -> tuple[str, str, str]:
    """The vi decimal sign, group sign and minus sign, from Babel's locale data: read once
    and kept in the user's cache (keyed by Babel's data files), so printing the first
    number does not load Babel."""
    import importlib.util
    import json

    from thidua_docs import cache

    (folder,) = importlib.util.find_spec("babel").submodule_search_locations
    data = Path(folder) / "locale-data"
    stamp = "".join(f"{f.stat().st_size}:{f.stat().st_mtime_ns};" for f in (
        data / "root.dat", data / "vi.dat"))
    name = f"babel-vi-{cache.digest(stamp.encode())}.json"
    stored = cache.read(name)
    if stored is not None:
        try:
            return tuple(json.loads(stored))
        except ValueError:
            pass
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    symbols = (get_decimal_symbol("vi"), get_group_symbol("vi"), get_minus_sign_symbol("vi"))
    cache.write(name, json.dumps(symbols).encode("utf-8"))
    return symbols


def format_range(low: str, high: str | None) -> str:
    """A range as directives print it: "28-29" (no spaces)."""
    return low if high is None else f"{low}-{high}"


def day_or_month(value: int, *, month: bool = False) -> str:
    """Day or month with the Nghị định 30 leading-zero rule.

    Days below 10 take a leading zero; months 1 and 2 do, months 3-12 do not.
    """
    if month:
        return f"{value:02d}" if value <= 2 else str(value)
    return f"{value:02d}"


def long_date(date: dt.date) -> str:
    """"ngày 05 tháng 01 năm 2021" (the form of the place-date line)."""
    return (
        f"ngày {day_or_month(date.day)} tháng {day_or_month(date.month, month=True)} "
        f"năm {date.year}"
    )


def short_date(date: dt.date) -> str:
    """"03/02/1930", "02/9/1945": the short form with the same leading-zero rule."""
    return f"{day_or_month(date.day)}/{day_or_month(date.month, month=True)}/{date.year}"


def document_number(number: int | None) -> str:
    """The number on the "Số:" line: "05", "123", or blanks for a draft."""
    return "     " if number is None else f"{number:02d}"
