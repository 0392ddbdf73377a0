"""Next year's directive from last year's YAML (``thidua new``).

The clerk's file is edited in place, at positions the YAML parser gives, so
comments, key order, quoting and line breaks survive byte for byte. What
changes: the target year, mentions of the directive's year and of the year
before it in running text ("năm 2020", "cuối năm 2019"), the number and date
(cleared), the anniversary list (recomputed), and every indicator (marked
as needing this year's target, last year's value kept beside it). Dates of
legal documents, periods, ranges and horizons ("đến năm 2020") stay, and are
reported so the clerk can review each.
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
class Rollover:
    """The new YAML text and what was done to it."""

    text: str
    changes: list[Change] = field(default_factory=list)
    kept: list[Mention] = field(default_factory=list)


@dataclass
class _Edit:
    start: int
    end: int
    replacement: str
    order: int = field(default_factory=lambda: next(_EDIT_ORDER))


_EDIT_ORDER = itertools.count()


def roll_over(text: str, new_year: int, calendars: list[Calendar], *,
              calendar: str | None = None) -> Rollover:
    """Turn the YAML *text* of a directive into next year's (*new_year*) draft.

    *calendar* replaces the ``calendar:`` path when the new file lives elsewhere.
    """
    root = yaml.compose(text, Loader=_Loader)
    old_year = int(_mapping_value(root, "year").value)
    edits: list[_Edit] = []
    result = Rollover(text)
    _set_scalar(text, root, "year", str(new_year), edits, result)
    document = _mapping_value(root, "document")
    for key in ("number", "date"):
        if document is not None and _mapping_value(document, key) is not None:
            _set_scalar(text, document, key, "", edits, result, prefix="document.")
    for path, node in _scalars(root):
        if path[0] not in ("year", "anniversaries", "calendar") and \
                path[-1] not in ("value", "previous"):
            _shift_years(text, node, _dotted(path), old_year, new_year, edits, result)
    for path, node in _indicators(root):
        _mark_indicator(text, node, _dotted(path), edits, result)
    if calendar is not None and _mapping_value(root, "calendar") is not None:
        _set_scalar(text, root, "calendar", _quote(calendar), edits, result)
    anniversaries = _mapping_value(root, "anniversaries")
    if anniversaries is not None:
        _replace_anniversaries(text, anniversaries, new_year, calendars, edits, result)
    result.text = _apply(text, edits)
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


def _shift_years(text, node, path, old_year, new_year, edits, result) -> None:
    start, end = node.start_mark.index, node.end_mark.index
    raw = text[start:end]
    pieces, position, before, after = [], 0, [], []
    for match in _YEAR.finditer(raw):
        year = int(match.group())
        if year not in (old_year, old_year - 1):
            continue
        preceding = raw[:match.start()]
        reason = _why_kept(preceding, raw[match.end():])
        if reason:
            context = " ".join(raw[max(0, match.start() - 30):match.end() + 15].split())
            result.kept.append(Mention(path, _line(text, start + match.start()), year, context,
                                       reason))
            continue
        shifted = str(year + new_year - old_year)
        lead = " ".join(preceding.split()[-3:])
        before.append(f"{lead} {year}")
        after.append(f"{lead} {shifted}")
        pieces.append(raw[position:match.start()] + shifted)
        position = match.end()
    if pieces:
        edits.append(_Edit(start, end, "".join(pieces) + raw[position:]))
        result.changes.append(Change(path, _line(text, start), "; ".join(before),
                                     "; ".join(after)))


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
    if node.flow_style or not node.value:
        replacement = "[" + ", ".join(_quote(a.wording) for a in found) + "]"
        edits.append(_Edit(node.start_mark.index, node.end_mark.index, replacement))
    else:
        first = node.value[0]
        dash_column = first.start_mark.column - 2
        start = text.rfind("\n", 0, first.start_mark.index) + 1
        end = node.value[-1].end_mark.index
        lines = [" " * dash_column + "- " + _quote(a.wording) for a in found]
        edits.append(_Edit(start, end, "\n".join(lines)))
    result.changes.append(Change("anniversaries", _line(text, node.start_mark.index),
                                 "; ".join(old), "; ".join(a.wording for a in found)))


def _quote(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).strip().removesuffix("\n...")


def _apply(text: str, edits: list[_Edit]) -> str:
    # From the end backwards; at one position, the edit made first ends up first.
    for edit in sorted(edits, key=lambda e: (e.start, e.end, e.order), reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text
