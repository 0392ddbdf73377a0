"""Vietnamese labels, numbers and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_docs.decree import POINT_LETTERS
from thidua_docs.structure import Quantity
from thidua_docs.vnformat import (
    clean_text, document_number, format_number, long_date, point_letter,
    roman, short_date,
)


def test_roman_numerals():
    assert [roman(n) for n in (1, 2, 3, 4, 5, 9, 10, 14, 40, 90, 2020)] == [
        "I", "II", "III", "IV", "V", "IX", "X", "XIV", "XL", "XC", "MMXX"]
    with pytest.raises(ValueError):
        roman(0)


def test_point_letters_follow_the_vietnamese_alphabet():
    letters = [point_letter(i) for i in range(1, 24)]
    assert letters[:8] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert "".join(letters) == POINT_LETTERS
    assert not set("fjwz") & set(letters)
    with pytest.raises(ValueError):
        point_letter(24)


@pytest.mark.parametrize("value, text", [
    (0, "0"), (-12.5, "-12,5"), (1000000, "1.000.000"), (Decimal("0.5"), "0,5"),
    (3505, "3.505"), (Decimal("62.85"), "62,85"), (37.9, "37,9"), (Decimal("90.35"), "90,35"),
])
def test_numbers(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize("raw, text", [
    (12, "12"), (3505, "3.505"), ("3.505", "3.505"), ("62,85", "62,85"), ("03", "03"),
    ("24-25", "24-25"), ([3, 4], "3-4"), (62.85, "62,85"), ("1.000.000", "1.000.000"),
])
def test_quantities(raw, text):
    assert str(Quantity.model_validate(raw)) == text


@pytest.mark.parametrize("raw", ["abc", "25-24", True, [1], "1,2,3"])
def test_bad_quantities(raw):
    with pytest.raises(ValueError):
        Quantity.model_validate(raw)


@pytest.mark.parametrize("date, long, short", [
    (dt.date(2021, 1, 1), "ngày 01 tháng 01 năm 2021", "01/01/2021"),
    (dt.date(2021, 1, 5), "ngày 05 tháng 01 năm 2021", "05/01/2021"),
    (dt.date(1930, 2, 3), "ngày 03 tháng 02 năm 1930", "03/02/1930"),
    (dt.date(1945, 9, 2), "ngày 02 tháng 9 năm 1945", "02/9/1945"),
    (dt.date(2014, 4, 7), "ngày 07 tháng 4 năm 2014", "07/4/2014"),
    (dt.date(2020, 12, 31), "ngày 31 tháng 12 năm 2020", "31/12/2020"),
    (dt.date(2020, 10, 15), "ngày 15 tháng 10 năm 2020", "15/10/2020"),
])
def test_dates_follow_the_leading_zero_rule(date, long, short):
    assert long_date(date) == long
    assert short_date(date) == short


def test_document_number_has_a_leading_zero_below_ten():
    assert document_number(5) == "05"
    assert document_number(123) == "123"
    assert document_number(None).strip() == ""


def test_clean_text_is_nfc_and_collapses_space():
    decomposed = "Ho\u0302\u0323i  đo\u0302\u0300ng\n thi đua"
    assert clean_text(decomposed) == "Hội đồng thi đua"


@settings(max_examples=400, deadline=None)
@given(sign=st.sampled_from(["", "-"]), whole=st.integers(0, 10**12),
       decimals=st.integers(0, 4), fraction=st.integers(0, 9999),
       min_digits=st.sampled_from([0, 0, 2, 3, 5]))
def test_numbers_print_as_babel_prints_them(sign, whole, decimals, fraction, min_digits):
    """The precomputed symbols give exactly what Babel's own format_decimal gives (-0 too)."""
    from babel.numbers import format_decimal

    text = sign + (f"{whole}.{fraction % 10 ** decimals:0{decimals}d}" if decimals
                   else str(whole))
    value = Decimal(text)
    pattern = ("0" * min_digits if min_digits > 1 else "#,##0") + \
        ("." + "0" * decimals if decimals else "")
    assert format_number(value, min_digits) == format_decimal(value, format=pattern, locale="vi")
