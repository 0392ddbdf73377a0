"""Read a chỉ tiêu as typed into its parts: name, qualifier, value, unit, suffix, note.

"Tỷ lệ hộ nghèo cuối năm 2020 giảm từ 3-4% so với cuối năm 2019" is
name "Tỷ lệ hộ nghèo cuối năm 2020", qualifier "giảm từ", value "3-4", unit
"%", suffix "so với cuối năm 2019". The value is the figure right after a
qualifier (the last one), else the last figure with a "%", else the last
figure that is not a year. Composite indicators ("Cơ cấu kinh tế: A: x%, B:
y%") become parts. A reading is kept only if the model prints it back
exactly as typed; otherwise the indicator keeps its wording with a
``{value}`` placeholder, or stays plain text.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from thidua_docs.structure.directive import OF_WHICH, Indicator

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
RANGE = rf"(?:{NUMBER})(?:-(?:{NUMBER}))?"
_VALUE = re.compile(rf"(?<![\w/.,\-])(?P<value>{RANGE})(?![\w/]|[.,]\d|-\D)")
_YEAR = re.compile(r"^(19|20)\d\d(-(19|20)\d\d)?$")
_YEAR_BEFORE = re.compile(r"(năm|giai đoạn|nhiệm kỳ|đến|khóa|khoá)\s*$", re.IGNORECASE)
#: Longest first: "đạt trên" before "đạt" and "trên".
QUALIFIERS = sorted([
    "đạt trên", "đạt dưới", "đạt khoảng", "đạt từ", "đạt tối thiểu", "đạt ít nhất", "đạt",
    "tăng khoảng", "tăng trên", "tăng từ", "tăng", "giảm từ", "giảm khoảng", "giảm còn",
    "giảm xuống còn", "giảm xuống", "giảm", "trên", "dưới", "khoảng", "tối thiểu", "ít nhất",
    "không quá", "không dưới", "từ", "còn", "là",
], key=len, reverse=True)
_MULTIPLIERS = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn", "trăm"}
#: Units an indicator's value takes; other words after a value stay in the wording.
UNITS = sorted("""
    xã|phường|thị trấn|thôn|làng|bản|tổ dân phố|huyện|hộ|hộ gia đình|người|lao động|việc làm
    |giường|bác sĩ|trường|lớp|phòng học|học sinh|sinh viên|doanh nghiệp|hợp tác xã|sáng kiến
    |công trình|dự án|mô hình|cơ sở|đơn vị|cơ quan|tập thể|cá nhân|lượt|lượt người|lượt khách
    |khách|vụ|cuộc|km|ha|héc ta|hecta|tấn|tạ|m2|m3|m²|m³|km2|con|cây|căn|căn nhà|nhà|đồng|USD
    |năm|tháng|ngày|giờ|buổi|lần|điểm|trạm|chiếc|bộ
""".split("|"), key=lambda unit: -len(unit.split()))
UNITS = [" ".join(unit.split()) for unit in UNITS]
_PART = re.compile(rf"\s*(?P<name>[^:;]+?)\s*:\s*(?P<value>{RANGE})(?P<unit>%|\s[^\s,;]+)?"
                   rf"(?P<sep>, |; |$)")


def parse(text: str) -> dict | str:
    """The YAML form of one indicator: a mapping if it reads structurally, else *text*.
    Targets after ", trong đó " are structured too (``of_which``)."""
    body, note = _split_note(text)
    head, _, rest = body.partition(OF_WHICH)
    if rest:
        first = _structured(head)
        whole = _part(rest)
        further = [whole] if whole else [_part(piece) for piece in rest.split(", ")]
        if first is not None and all(further):
            reading = {**first, "of_which": further}
            if note:
                reading["note"] = note
            if _prints_as(reading, text):
                return reading
    for reading in (_composite(body), _structured(body), _with_placeholder(body)):
        if reading is not None:
            if note:
                reading["note"] = note
            if _prints_as(reading, text):
                return reading
    return text


def _part(text: str) -> dict | None:
    """One target after "trong đó": "có bằng cấp đạt 38%" or "3.800 người được hỗ trợ"."""
    reading = _structured(text)
    if reading is not None:
        return reading
    match = _VALUE.match(text)
    if match is None:
        return None
    unit, rest = _unit(text[match.end():])
    reading = {"value": value_field(match.group("value"))}
    if unit:
        reading["unit"] = unit
    if rest.strip():
        reading["suffix"] = rest.strip()
    return reading


def table_row(name: str, unit: str, previous: str, plan: str) -> dict | None:
    """An indicator from a table row (chỉ tiêu, đơn vị tính, thực hiện, kế hoạch): the
    plan cell is the qualifier and the value ("đạt 12")."""
    match = re.fullmatch(rf"(?P<qualifier>.*?)\s*(?P<value>{RANGE})", plan.strip())
    if match is None:
        return None
    reading: dict = {"name": name} if name else {}
    if match["qualifier"]:
        reading["qualifier"] = match["qualifier"]
    reading["value"] = value_field(match["value"])
    if unit:
        reading["unit"] = unit
    if previous.strip():
        reading["previous"] = value_field(previous.strip())
    return reading


def value_field(typed: str) -> int | str:
    """A value as the YAML holds it: a plain whole number, else the Vietnamese string."""
    if typed.isdigit() and not (typed.startswith("0") and len(typed) > 1):
        return int(typed)
    return typed


def _prints_as(reading: dict, text: str) -> bool:
    try:
        indicator = Indicator.model_validate(reading)
    except ValidationError:
        return False
    note = f" ({indicator.note})" if indicator.note else ""
    return indicator.wording() + note == _plain_note(text)


def _plain_note(text: str) -> str:
    body, note = _split_note(text)
    return f"{body} ({note})" if note else body


def _split_note(text: str) -> tuple[str, str | None]:
    """"... 46% (*trong đó ...*)" → ("... 46%", "trong đó ...")."""
    if not text.endswith(")"):
        return text, None
    depth = 0
    for position in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[position], 0)
        if depth == 0:
            break
    body = text[:position].rstrip()
    if position == 0 or not _VALUE.search(body) or text[position - 1] != " ":
        return text, None
    note = text[position + 1:-1].strip()
    italic = re.fullmatch(r"\*([^*]+)\*", note)
    return body, (italic.group(1) if italic else note) or None


def _candidates(text: str) -> list[re.Match]:
    found = []
    for match in _VALUE.finditer(text):
        value = match.group("value")
        if (_YEAR.match(value) and not text[match.end():].startswith("%")) or \
                _YEAR_BEFORE.search(text[:match.start()]):
            continue
        found.append(match)
    return found


def _qualifier(before: str) -> str | None:
    if before.endswith(":"):
        return ":"
    lowered = before.lower()
    for qualifier in QUALIFIERS:
        if lowered.endswith(" " + qualifier) and before.endswith(qualifier):
            return qualifier
    return None


def _choose(text: str) -> re.Match | None:
    candidates = _candidates(text)
    if not candidates:
        return None
    qualified = [m for m in candidates if _qualifier(text[:m.start()].rstrip())]
    percent = [m for m in candidates if text[m.end():].startswith("%")]
    return (qualified or percent or candidates)[-1]


def _unit(after: str) -> tuple[str | None, str]:
    """The unit at the start of *after* (the text following the value) and what follows:
    "%", a known unit ("xã", "sáng kiến"), or a multiplier with its word ("tỷ đồng")."""
    if after.startswith("%"):
        return "%", after[1:]
    if not after.startswith(" "):
        return None, after
    words = after.split(" ")[1:]
    taken = 0
    while taken < len(words) - 1 and words[taken] in _MULTIPLIERS:
        taken += 1
    for unit in UNITS:
        size = len(unit.split())
        if " ".join(words[taken:taken + size]) == unit:
            taken += size
            break
    else:
        if taken and re.fullmatch(r"[^\W\d_]+", words[taken]):
            taken += 1  # "150 triệu USD", "3 nghìn lượt"
        elif not taken:
            return None, after
    rest = words[taken:]
    return " ".join(words[:taken]), (" " + " ".join(rest)) if rest else ""


def _structured(text: str) -> dict | None:
    match = _choose(text)
    if match is None:
        return None
    before = text[:match.start()].rstrip()
    qualifier = _qualifier(before)
    name = before[: len(before) - len(qualifier)].rstrip() if qualifier else before
    if not name:
        return None
    unit, rest = _unit(text[match.end():])
    if unit is None and rest[:1] == " ":
        return None  # "5 sáng tác mới": the word after the value is no unit we know
    reading: dict = {"name": name}
    if qualifier:
        reading["qualifier"] = qualifier
    reading["value"] = value_field(match.group("value"))
    if unit:
        reading["unit"] = unit
    if rest.strip():
        reading["suffix"] = rest.strip()
    return reading


def _with_placeholder(text: str) -> dict | None:
    match = _choose(text)
    if match is None:
        return None
    unit, rest = _unit(text[match.end():])
    reading: dict = {"text": text[:match.start()] + "{value}" + rest,
                     "value": value_field(match.group("value"))}
    if unit:
        reading["unit"] = unit
    return reading


def _composite(text: str) -> dict | None:
    if text.count(":") < 2:
        return None
    name, _, rest = text.partition(":")
    parts, separators, position = [], set(), 0
    while position < len(rest):
        match = _PART.match(rest, position)
        if match is None or match.end() == position:
            return None
        part = {"name": match.group("name"), "qualifier": ":",
                "value": value_field(match.group("value"))}
        unit = match.group("unit")
        if unit:
            part["unit"] = unit.strip()
        parts.append(part)
        if match.group("sep"):
            separators.add(match.group("sep"))
        position = match.end()
    if len(parts) < 2 or len(separators) > 1 or not name.strip():
        return None
    return {"name": name.strip(), "joiner": separators.pop() if separators else ", ",
            "parts": parts}
