"""Next year's directive from last year's YAML (``thidua new``).

The clerk's file is edited in place, at positions the YAML parser gives, so
comments, key order, quoting and line breaks survive byte for byte. What
changes: the target year, mentions of the directive's year and of the year
before it in running text ("năm 2020", "cuối năm 2019"), the number and date
(cleared), the anniversary list (recomputed), and every indicator (marked
as needing this year's target, last year's value kept beside it). Dates of
legal documents, periods, ranges and horizons ("đến năm 2020") stay, and are
reported so the clerk can review each, as are ranges ending in the old year ("nhiệm
kỳ 2020-2025"), the Government's motto of the year and the year's place in a term:
"năm thứ hai" (and "năm đầu") move on one year, "năm cuối" and "năm bản lề" stay. A
plan over a period is rolled only to a new period (``period=``). Line endings (CRLF) are
kept as the file has them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import yaml

from thidua_docs.anniversaries import Calendar, round_anniversaries

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
_DATE_BEFORE = re.compile(r"tháng\s+\d{1,2}\s+năm\s+$", re.IGNORECASE)
_YEAR_WORD_BEFORE = re.compile(r"năm\s+$", re.IGNORECASE)
_HORIZON_BEFORE = re.compile(r"(?<!cuối )(?:đến|tới)\s+năm\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*[-–]\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*[-–]\s*$")
_RANGE = re.compile(r"(?<![\d/.])((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?![\d/])")
#: Ordinal words of a year in a term: "năm thứ hai" ... "năm thứ mười".
ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
_ORDINAL = re.compile(r"\b(năm)(\s+)(thứ\s+(?:" + "|".join(ORDINALS[1:]) +
                      r")|đầu(?:\s+tiên)?)(?=[\s,.;:]|$)", re.IGNORECASE)
#: Years of a term that do not follow from the previous one: the clerk decides.
_FIXED_ORDINAL = re.compile(r"\bnăm\s+(?:cuối|bản\s+lề)\b", re.IGNORECASE)
_BLOCK_INDICATOR = re.compile(r"^[>|][-+]?\d*\s*")


@dataclass
class Change:
    """One field changed by the rollover."""

    path: str
    line: int
    before: str
    after: str


@dataclass
class Mention:
    """A mention of an old year left alone, for the clerk to review."""

    path: str
    line: int
    year: int
    context: str
    reason: str


@dataclass
class Review:
    """Something the clerk must look at in the new file (a message key and its values)."""

    path: str
    line: int
    key: str
    params: dict = field(default_factory=dict)


@dataclass
class Rollover:
    """The new YAML text and what was done to it."""

    text: str
    #: The new year, or the new period of a plan over a period.
    year: int | str = 0
    changes: list[Change] = field(default_factory=list)
    kept: list[Mention] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)


@dataclass
class _Edit:
    start: int
    end: int
    replacement: str
    order: int = field(default_factory=lambda: next(_EDIT_ORDER))


_EDIT_ORDER = itertools.count()


def roll_over(text: str, new_year: int, calendars: list[Calendar], *,
              calendar: str | None = None, period: str | None = None) -> Rollover:
    """Turn the YAML *text* of a directive into next year's (*new_year*) draft, or a plan
    over a period into the next *period*'s ("2031-2035").

    *calendar* replaces the ``calendar:`` path when the new file lives elsewhere.
    """
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n") if crlf else text
    root = yaml.compose(text, Loader=_Loader)
    edits: list[_Edit] = []
    result = Rollover(text, period or new_year)
    if period is not None:  # every year of the old period moves on by the period's length
        start, old_year = (int(y) for y in str(_mapping_value(root, "period").value)
                           .replace("–", "-").split("-"))
        shifted_years = set(range(start, old_year + 1))
        _set_scalar(text, root, "period", period, edits, result)
    else:
        old_year = int(_mapping_value(root, "year").value)
        shifted_years = {old_year, old_year - 1}
        _set_scalar(text, root, "year", str(new_year), edits, result)
    document = _mapping_value(root, "document")
    for key in ("number", "date"):
        if document is not None and _mapping_value(document, key) is not None:
            _set_scalar(text, document, key, "", edits, result, prefix="document.")
    for path, node in _scalars(root):
        if path[0] not in ("year", "period", "anniversaries", "upcoming", "calendar",
                           "government_motto") and path[-1] not in ("value", "previous"):
            start, end = node.start_mark.index, node.end_mark.index
            raw = _shift_years(text, node, _dotted(path), old_year, new_year, result,
                               shifted_years)
            raw = _review_term(text, node, raw, _dotted(path), old_year, new_year, result)
            if raw != text[start:end]:
                edits.append(_Edit(start, end, raw))
    motto = _mapping_value(root, "government_motto")
    if motto is not None:
        result.reviews.append(Review("government_motto", _line(text, motto.start_mark.index),
                                     "review_motto", {"year": old_year, "new": new_year}))
    upcoming = _mapping_value(root, "upcoming")
    if upcoming is not None:
        result.reviews.append(Review("upcoming", _line(text, upcoming.start_mark.index),
                                     "review_upcoming_check", {"new": new_year}))
    for path, node in _indicators(root):
        _mark_indicator(text, node, _dotted(path), edits, result)
    if calendar is not None and _mapping_value(root, "calendar") is not None:
        _set_scalar(text, root, "calendar", _quote(calendar), edits, result)
    anniversaries = _mapping_value(root, "anniversaries")
    if anniversaries is not None:
        _replace_anniversaries(text, anniversaries, new_year, calendars, edits, result)
    result.text = _apply(text, edits)
    _renumber(text, edits, result.changes + result.kept + result.reviews)
    if crlf:
        result.text = result.text.replace("\n", "\r\n")
    return result


# --- YAML node helpers ------------------------------------------------------------------------


def _mapping_value(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if k.value == key), None)


def _scalars(node, path=()):
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:str":
            yield path, node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, path + (index,))


def _indicators(node, path=()):
    """Every mapping under an ``indicators`` list that carries values."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "indicators" and isinstance(value, yaml.SequenceNode):
                for index, item in enumerate(value.value):
                    if isinstance(item, yaml.MappingNode) and (
                            _mapping_value(item, "value") or _mapping_value(item, "parts")):
                        yield path + ("indicators", index), item
            else:
                yield from _indicators(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _indicators(item, path + (index,))


def _dotted(path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


# --- edits ---------------------------------------------------------------------------------------


def _set_scalar(text, mapping, key, replacement, edits, result, prefix=""):
    node = _mapping_value(mapping, key)
    start, end = node.start_mark.index, node.end_mark.index
    edits.append(_Edit(start, end, replacement))
    result.changes.append(Change(prefix + key, _line(text, start), text[start:end], replacement))


def _shift_years(text, node, path, old_year, new_year, result, years: set[int]) -> str:
    """The scalar's source text with the directive's *years* moved on."""
    start, end = node.start_mark.index, node.end_mark.index
    raw = text[start:end]
    pieces, position, before, after = [], 0, [], []
    for match in _YEAR.finditer(raw):
        year = int(match.group())
        if year not in years:
            continue
        preceding = raw[:match.start()]
        reason = _why_kept(preceding, raw[match.end():])
        if reason == "range" and year == old_year and _RANGE_BEFORE.search(preceding):
            continue  # a range ending in the old year: reviewed as such (_review_term)
        if reason:
            context = " ".join(_BLOCK_INDICATOR.sub("", raw[max(0, match.start() - 30):
                                                            match.end() + 15]).split())
            result.kept.append(Mention(path, _line(text, start + match.start()), year, context,
                                       reason))
            continue
        shifted = str(year + new_year - old_year)
        lead = " ".join(_BLOCK_INDICATOR.sub("", preceding.lstrip("'\"")).split()[-3:])
        before.append(f"{lead} {year}")
        after.append(f"{lead} {shifted}")
        pieces.append(raw[position:match.start()] + shifted)
        position = match.end()
    if pieces:  # reported at the line of the first year moved
        first = start + len(pieces[0]) - 4
        result.changes.append(Change(path, _line(text, first), "; ".join(before),
                                     "; ".join(after)))
        return "".join(pieces) + raw[position:]
    return raw


def _review_term(text, node, raw, path, old_year, new_year, result) -> str:
    """*raw* (the scalar's source) with the year's place in a term moved on: "năm thứ hai"
    and "năm đầu" move on; ranges ending in the old year, "năm cuối" and "năm bản lề"
    are for the clerk to judge."""
    start = node.start_mark.index
    for match in _RANGE.finditer(raw):
        if int(match[2]) == old_year:
            result.reviews.append(Review(path, _line(text, start + match.start()),
                                         "review_range_ends", {
                                             "range": " ".join(match[0].split()),
                                             "year": old_year, "new": new_year}))
    for match in _FIXED_ORDINAL.finditer(raw):
        result.reviews.append(Review(path, _line(text, start + match.start()),
                                     "review_ordinal_fixed",
                                     {"phrase": " ".join(match[0].split()), "new": new_year}))
    pieces, position = [], 0
    for match in _ORDINAL.finditer(raw):
        words = " ".join(match[3].split()).lower()
        index = 0 if words.startswith("đầu") else ORDINALS.index(words.split()[-1])
        after = index + new_year - old_year
        if not 0 < after < len(ORDINALS):
            continue
        shifted = f"{match[1]}{match[2]}thứ {ORDINALS[after]}"
        phrase = " ".join(match[0].split())
        pieces.append(raw[position:match.start()] + shifted)
        position = match.end()
        result.changes.append(Change(path, _line(text, start + match.start()), phrase,
                                     " ".join(shifted.split())))
    return "".join(pieces) + raw[position:] if pieces else raw


def _why_kept(before: str, after: str) -> str:
    """Why a year in running text is not the directive's year, or "" when it is."""
    if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
        return "range"
    if _DATE_BEFORE.search(before):
        return "date"
    if _HORIZON_BEFORE.search(before):
        return "horizon"
    if not _YEAR_WORD_BEFORE.search(before):
        return "other"
    return ""


def _mark_indicator(text, node, path, edits, result) -> None:
    """Add ``previous: <last year's value>`` and ``needs_update: true`` to an indicator."""
    if _mapping_value(node, "needs_update") is not None and \
            _mapping_value(node, "needs_update").value.lower() == "true":
        return  # last year's target was never replaced: keep its reference value
    targets = [node]
    parts = _mapping_value(node, "parts")
    if parts is not None:
        targets = [part for part in parts.value if isinstance(part, yaml.MappingNode)]
    of_which = _mapping_value(node, "of_which")  # every target after "trong đó" too
    if isinstance(of_which, yaml.SequenceNode):
        targets += [part for part in of_which.value if isinstance(part, yaml.MappingNode)
                    and _mapping_value(part, "value") is not None]
    for target in targets:
        value = _mapping_value(target, "value")
        raw = text[value.start_mark.index:value.end_mark.index]
        previous = _mapping_value(target, "previous")
        if previous is not None:
            edits.append(_Edit(previous.start_mark.index, previous.end_mark.index, raw))
        else:
            _add_key(text, target, value, "previous", raw, edits)
    _add_key(text, node, _mapping_value(node, "value") or parts, "needs_update", "true", edits)
    result.changes.append(Change(path, _line(text, node.start_mark.index), "",
                                 "needs_update: true"))


def _add_key(text, mapping, after_node, key, value, edits) -> None:
    """Insert ``key: value`` after *after_node* in a block or flow mapping."""
    if mapping.flow_style:
        close = mapping.end_mark.index - 1  # the "}"
        edits.append(_Edit(close, close, f", {key}: {value}"))
        return
    indent = next(k for k, v in mapping.value if v is after_node).start_mark.column
    if isinstance(after_node, yaml.ScalarNode) and after_node.style not in ("|", ">") or \
            getattr(after_node, "flow_style", False):
        at = text.find("\n", after_node.end_mark.index)  # after any comment on the line
        at = len(text) if at == -1 else at
        edits.append(_Edit(at, at, "\n" + " " * indent + f"{key}: {value}"))
    else:  # a block collection or scalar ends at the next token: insert before its line
        at = text.rfind("\n", 0, after_node.end_mark.index) + 1
        edits.append(_Edit(at, at, " " * indent + f"{key}: {value}\n"))


def _replace_anniversaries(text, node, new_year, calendars, edits, result) -> None:
    found = round_anniversaries(calendars, new_year)
    old = [item.value for item in node.value] if isinstance(node, yaml.SequenceNode) else []
    end = node.end_mark.index
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        end = node.value[-1].end_mark.index  # a block list ends where its last item does
        if node.value[-1].style in ("|", ">"):  # ... a block scalar on the next line
            end = len(text[:end].rstrip("\n"))
    if node.flow_style or not node.value or not found:
        replacement = "[" + ", ".join(_quote(a.wording) for a in found) + "]"
        edits.append(_Edit(node.start_mark.index, end, replacement))
    else:
        first = node.value[0]
        dash_column = first.start_mark.column - 2
        start = text.rfind("\n", 0, first.start_mark.index) + 1
        lines = [" " * dash_column + "- " + _quote(a.wording) for a in found]
        edits.append(_Edit(start, end, "\n".join(lines)))
    result.changes.append(Change("anniversaries", _line(text, node.start_mark.index),
                                 "; ".join(old), "; ".join(a.wording for a in found)))


def _quote(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).strip().removesuffix("\n...")


def _renumber(text: str, edits: list[_Edit], items: list) -> None:
    """Give each reported item its line in the new file (keys were added above it)."""
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    deltas = [(e.start, e.replacement.count("\n") - text[e.start:e.end].count("\n"))
              for e in edits]
    for item in items:
        at = starts[min(item.line, len(starts)) - 1]
        item.line += sum(delta for start, delta in deltas if start < at)


def _apply(text: str, edits: list[_Edit]) -> str:
    # From the end backwards; at one position, the edit made first ends up first.
    for edit in sorted(edits, key=lambda e: (e.start, e.end, e.order), reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text
