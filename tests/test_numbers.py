"""Numbers print exactly as the clerk typed them (issue 9 §1), as properties.

Every value a clerk can write (unquoted YAML numbers, quoted Vietnamese forms, ranges,
leading and trailing zeros) is generated with its expected printed form, computed here
from the typed digits alone; the directive is loaded from YAML text and rendered to a
.docx in-process, reopened with python-docx, and its indicator lines compared whole.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import REPO
from helpers import MINIMAL
from thidua_docs.compare import compare
from thidua_docs.exceptions import InvalidInputError
from thidua_docs.loader import parse_directive
from thidua_docs.render.docx import render_docx
from thidua_docs.rollover import roll_over

#: Hypothesis budget: the rendering property alone checks 1,000 directives.
RENDERED = settings(max_examples=1000, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
CHEAP = settings(max_examples=1000, deadline=None)
UNITS = [None, "%", "tỷ đồng", "xã"]


# --- what a clerk types, and what must print ---------------------------------------------


def vietnamese_whole(whole: str) -> str:
    """The whole part as printed: thousands grouped by dots, or as typed with leading zeros."""
    if len(whole) > 1 and whole.startswith("0"):
        return whole
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ".".join(groups)


def is_ambiguous(whole: str, fraction: str | None) -> bool:
    """One to three digits not starting with 0, a dot, exactly three digits: 18.000."""
    return fraction is not None and len(fraction) == 3 and 1 <= len(whole) <= 3 and \
        not whole.startswith("0")


class Typed:
    """One value as typed in YAML (*token*), its value and the text that must print."""

    def __init__(self, token: str, printed: str, low: Decimal, high: Decimal | None = None):
        self.token, self.printed, self.low, self.high = token, printed, low, high

    def __repr__(self) -> str:
        return f"Typed({self.token!r} → {self.printed!r})"


wholes = st.one_of(
    st.integers(0, 999).map(str),
    st.integers(1000, 10**10).map(str),
    st.tuples(st.integers(1, 3), st.integers(0, 999)).map(lambda z: "0" * z[0] + str(z[1])),
)
fractions = st.text("0123456789", min_size=1, max_size=5)


@st.composite
def unquoted_number(draw, signed: bool = True) -> Typed:
    """12, 012, 62.8, 62.80, 0.125, 1234.500, -7 (never 18.000: that is refused)."""
    whole = draw(wholes)
    fraction = draw(st.none() | fractions)
    assume(not is_ambiguous(whole, fraction))
    sign = draw(st.sampled_from(["", "", "", "-"])) if signed else ""
    token = sign + whole + ("" if fraction is None else f".{fraction}")
    printed = sign + vietnamese_whole(whole) + ("" if fraction is None else f",{fraction}")
    return Typed(token, printed, Decimal(token))


@st.composite
def vietnamese_number(draw, signed: bool = False) -> tuple[str, str, Decimal]:
    """A number written the Vietnamese way: "3.505", "3505", "1.817.000", "62,85", "03"."""
    whole = draw(wholes)
    fraction = draw(st.none() | fractions)
    grouped = not whole.startswith("0") and len(whole) > 3 and draw(st.booleans())
    written = vietnamese_whole(whole) if grouped else whole
    sign = draw(st.sampled_from(["", "", "-"])) if signed else ""
    text = sign + written + ("" if fraction is None else f",{fraction}")
    printed = sign + vietnamese_whole(whole) + ("" if fraction is None else f",{fraction}")
    value = Decimal(sign + whole + ("" if fraction is None else f".{fraction}"))
    return text, printed, value


@st.composite
def quoted_number(draw) -> Typed:
    text, printed, value = draw(vietnamese_number(signed=True))
    quote = draw(st.sampled_from(['"', "'"]))
    return Typed(f"{quote}{text}{quote}", printed, value)


@st.composite
def quoted_range(draw) -> Typed:
    """ "24-25", "3,5 - 4,25", "03-05": both ends keep their typed form."""
    ends = sorted([draw(vietnamese_number()), draw(vietnamese_number())], key=lambda e: e[2])
    dash = draw(st.sampled_from(["-", " - "]))
    return Typed(f'"{ends[0][0]}{dash}{ends[1][0]}"', f"{ends[0][1]}-{ends[1][1]}",
                 ends[0][2], ends[1][2])


@st.composite
def listed_range(draw) -> Typed:
    """[24, 25], [62.5, 63.75]: a range of two unquoted numbers."""
    ends = sorted([draw(unquoted_number(signed=False)), draw(unquoted_number(signed=False))],
                  key=lambda e: e.low)
    return Typed(f"[{ends[0].token}, {ends[1].token}]", f"{ends[0].printed}-{ends[1].printed}",
                 ends[0].low, ends[1].low)


typed_values = st.one_of(unquoted_number(), quoted_number(), quoted_range(), listed_range())


# --- directives holding them ---------------------------------------------------------------


def with_unit(printed: str, unit: str | None) -> str:
    return printed if not unit else (printed + unit if unit == "%" else f"{printed} {unit}")


@st.composite
def indicator(draw, number: int) -> tuple[dict, list[Typed], str]:
    """An indicator of one of the three shapes (value, parts, text with {value}), the values
    it holds and the line it must print (without its end mark)."""
    shape = draw(st.sampled_from(["value", "parts", "text"]))
    if shape == "value":
        value, unit = draw(typed_values), draw(st.sampled_from(UNITS))
        data = {"name": f"Chỉ tiêu {number}", "qualifier": "đạt", "value": 0}
        if unit:
            data["unit"] = unit
        return data, [value], f"Chỉ tiêu {number} đạt {with_unit(value.printed, unit)}"
    if shape == "text":
        value = draw(typed_values)
        data = {"text": f"Phấn đấu có {{value}} xã đạt chuẩn (mục {number})", "value": 0}
        return data, [value], f"Phấn đấu có {value.printed} xã đạt chuẩn (mục {number})"
    values = [draw(typed_values) for _ in range(draw(st.integers(1, 3)))]
    units = [draw(st.sampled_from(UNITS)) for _ in values]
    parts = []
    for index, unit in enumerate(units):
        part = {"name": f"ngành {index + 1}", "value": 0}
        if unit:
            part["unit"] = unit
        parts.append(part)
    line = f"Cơ cấu {number}: " + ", ".join(
        f"ngành {index + 1} {with_unit(value.printed, unit)}"
        for index, (value, unit) in enumerate(zip(values, units)))
    return {"name": f"Cơ cấu {number}", "parts": parts}, values, line


def yaml_with(indicators: list[dict], tokens: list[str], **extra) -> str:
    """MINIMAL with *indicators*; each placeholder 0 of a value or previous replaced by the
    next token, as typed (unquoted tokens stay unquoted)."""
    data = {**MINIMAL, **extra,
            "body": [{"section": "Chỉ tiêu", "content": [{"indicators": indicators}]}]}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    pieces = re.split(r"(?<=alue: |ious: )0$", text, flags=re.MULTILINE)
    assert len(pieces) == len(tokens) + 1
    return "".join(piece + token for piece, token in zip(pieces, tokens)) + pieces[-1]


@st.composite
def directives(draw):
    """(YAML text, every typed value in it, the indicator lines that must print)."""
    count = draw(st.integers(1, 4))
    drawn = [draw(indicator(number)) for number in range(1, count + 1)]
    values = [value for _, held, _ in drawn for value in held]
    text = yaml_with([data for data, _, _ in drawn], [v.token for v in values])
    lines = [line for _, _, line in drawn]
    return text, values, [f"- {line}{';' if i < len(lines) - 1 else '.'}"
                          for i, line in enumerate(lines)]


def indicator_lines(docx: bytes) -> list[str]:
    """The indicator lines of a rendered directive: the body's dash paragraphs."""
    document = Document(io.BytesIO(docx))
    return [p.text for p in document.paragraphs if p.text.startswith("- ")]


# --- the properties ------------------------------------------------------------------------


@RENDERED
@given(directives())
def test_every_accepted_value_prints_exactly_as_typed(case):
    text, values, expected = case
    assert indicator_lines(render_docx(parse_directive(text))) == expected, values


@CHEAP
@given(st.text("0123456789.,-+_: eE", min_size=1, max_size=12), st.booleans())
def test_no_accepted_value_prints_a_different_number(token, quoted):
    """Any token at all, quoted or not: refused, or printed with exactly the digits typed
    (only thousands dots added), the decimal mark where it was typed, the range dash kept."""
    written = f'"{token}"' if quoted else token
    try:
        text = yaml_with([{"name": "Chỉ tiêu", "value": 0}], [written])
        as_yaml = yaml.safe_load(f"v: {written}")["v"]
    except (yaml.YAMLError, AssertionError, TypeError):
        return  # not one YAML scalar at this place
    try:
        directive = parse_directive(text)
    except InvalidInputError:
        return
    value = directive.body[0].content[0].indicators[0].value
    assume(value is not None)
    printed, typed = str(value), token.strip()
    if isinstance(as_yaml, str):  # the Vietnamese way: dots group thousands, comma decimals
        assert printed.replace(".", "") == typed.replace(" ", "").replace(".", ""), written
    else:  # an unquoted YAML number: the dot is the decimal point
        assert isinstance(as_yaml, (int, float)), written
        assert printed.replace(".", "").replace(",", ".") == typed.removeprefix("+"), written


def _token_column(text: str, token: str) -> tuple[int, int]:
    """1-based line and column of the value token *token* in *text*."""
    index = re.search(rf"(value|previous): {re.escape(token)}\n", text).end() - len(token) - 1
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


ambiguous_tokens = st.builds(lambda sign, whole, fraction: f"{sign}{whole}.{fraction}",
                             st.sampled_from(["", "-"]), st.integers(1, 999),
                             st.integers(0, 999).map(lambda n: f"{n:03d}"))


@CHEAP
@given(ambiguous_tokens, st.sampled_from(["value", "parts", "text", "previous"]))
def test_every_ambiguous_number_is_refused_where_it_is_typed(token, shape):
    """18.000, 3.500, 1.817, 62.800 (unquoted) are refused, located at the token, with the
    three unambiguous ways to write them; nothing is printed."""
    if shape == "parts":
        item = {"name": "Cơ cấu", "parts": [{"name": "ngành", "value": 0}]}
    elif shape == "text":
        item = {"text": "Có {value} xã", "value": 0}
    elif shape == "previous":
        item = {"name": "Chỉ tiêu", "value": 0, "previous": 0, "needs_update": True}
    else:
        item = {"name": "Chỉ tiêu", "value": 0}
    text = yaml_with([item], ["12", token] if shape == "previous" else [token])
    where = _token_column(text, token)
    with pytest.raises(InvalidInputError) as caught:
        parse_directive(text)
    problems = [p for p in caught.value.problems if "ambiguous" in p.message or "dễ" in p.message]
    assert len(problems) == 1, caught.value.problems
    problem = problems[0]
    assert (problem.line, problem.column) == where
    whole, decimal = token.replace(".", ""), token.replace(".", ",")
    for way in (whole, f'"{token}"', f'"{decimal}"'):
        assert way in problem.message


@settings(max_examples=300, deadline=None)
@given(st.lists(typed_values, min_size=1, max_size=4), st.lists(typed_values, min_size=4,
                                                                   max_size=4))
def test_new_and_diff_keep_the_typed_form(last_year, this_year):
    """thidua new keeps each value as typed in ``previous`` (byte for byte), the pending
    message and the draft print it as typed, and thidua diff shows both years as typed."""
    items = [{"name": f"Chỉ tiêu {n}", "value": 0} for n in range(len(last_year))]
    old_text = yaml_with(items, [v.token for v in last_year])
    rolled = roll_over(old_text, 2022, []).text
    for value in last_year:
        assert f"previous: {value.token}\n" in rolled
    with pytest.raises(InvalidInputError) as caught:
        parse_directive(rolled, allow_pending=False)
    for problem, value in zip(caught.value.problems, last_year):
        assert f": {value.printed}); " in problem.message
    draft = indicator_lines(render_docx(parse_directive(rolled)))
    assert draft == [f"- Chỉ tiêu {n} {v.printed} [chưa cập nhật]"
                     f"{';' if n < len(last_year) - 1 else '.'}" for n, v in enumerate(last_year)]
    updates = iter(this_year)
    new_text = re.sub(r"(?m)^(\s+value: ).*$", lambda m: m[1] + next(updates).token, rolled)
    new_text = re.sub(r"(?m)^\s+needs_update: true\n", "", new_text)
    comparison = compare(parse_directive(old_text), parse_directive(new_text))
    assert [(row.old, row.new) for row in comparison.indicators] == \
        [(old.printed, new.printed) for old, new in zip(last_year, this_year)]


def _readme_rows() -> list[tuple[list[str], list[str]]]:
    """(tokens written, texts printed) of each row of README's table of number forms."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text[text.index("**Numbers.**"):].split("\n\n")[1]
    rows = []
    for line in table.splitlines()[2:]:
        written, _, printed = [cell.strip() for cell in line.strip("|").split("|")]
        rows.append((re.findall(r"`([^`]+)`", written),
                     [] if printed == "-" else printed.split(" ; ")))
    return rows


def test_the_readme_table_of_number_forms_is_what_happens():
    rows = _readme_rows()
    assert len(rows) == 5
    for tokens, printed in rows:
        for index, token in enumerate(tokens):
            text = yaml_with([{"name": "Chỉ tiêu", "value": 0}], [token])
            if not printed:
                with pytest.raises(InvalidInputError) as caught:
                    parse_directive(text)
                (problem,) = caught.value.problems
                assert f'"{token}"' in problem.message and token.replace(".", "") in \
                    problem.message, token
                continue
            assert indicator_lines(render_docx(parse_directive(text))) == \
                [f"- Chỉ tiêu {printed[index]}."], token


@pytest.mark.parametrize("token, printed", [
    ("08", "08"), ('"18.000"', "18.000"), ('"3,500"', "3,500"), ('"03-05"', "03-05"),
    ("1234.500", "1.234,500"), ("-7", "-7"), ('"-12,5"', "-12,5"),
])
def test_more_forms(token, printed):
    text = yaml_with([{"name": "Chỉ tiêu", "value": 0}], [token])
    assert indicator_lines(render_docx(parse_directive(text))) == [f"- Chỉ tiêu {printed}."]


@pytest.mark.parametrize("token", ["1_000", "0x1A", "1e3", ".5", "1:30", ".inf", "12."])
def test_other_yaml_number_forms_are_refused_with_the_way_to_write_them(token):
    text = yaml_with([{"name": "Chỉ tiêu", "value": 0}], [token])
    with pytest.raises(InvalidInputError) as caught:
        parse_directive(text)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == _token_column(text, token)
    assert token in problem.message and '"3.505"' in problem.message and '62.85' in problem.message
