"""Compare two years' directives: indicators side by side, sections and items added
or removed (``thidua diff``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from thidua_docs.structure import Directive, Entry, Indicator, Section
from thidua_docs.structure.directive import with_unit
from thidua_docs.structure.numbering import every_indicator, label_body


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator in both years; a missing side is None."""

    name: str
    old: str | None
    new: str | None
    pending: bool = False

    @property
    def status(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        if self.pending:
            return "pending"
        return "same" if self.old == self.new else "changed"


@dataclass(frozen=True)
class Comparison:
    old_year: int
    new_year: int
    indicators: list[IndicatorRow]
    added: list[str]
    removed: list[str]


def _generic(text: str, year: int) -> str:
    """*text* with the directive's year and the year before written as placeholders,
    so "cuối năm 2020 ... 2019" and "cuối năm 2021 ... 2020" compare equal."""
    if year is None:  # a plan over a period: its years are its own
        return text
    text = re.sub(rf"\b{year}\b", "{year}", text)
    return re.sub(rf"\b{year - 1}\b", "{year-1}", text)


def _shape(text: str) -> str:
    """An outline line without its figures: an item whose numbers or years changed is
    still the same item."""
    return re.sub(r"\{year(-1)?\}|\d+", "#", text)


def _indicator_key(indicator: Indicator, year: int) -> str:
    if indicator.text is not None:
        wording = indicator.text
    else:
        wording = " ".join(filter(None, [indicator.name, indicator.suffix]))
    return _generic(wording, year)


def _indicator_value(indicator: Indicator) -> str:
    """Every target with its qualifier ("trên 50%"; a part or a target after "trong đó"
    with its name): a changed qualifier is a change."""
    values = []
    for target in indicator.targets:
        qualifier = target.qualifier if target.qualifier not in (None, ":") else ""
        value = " ".join(filter(None, [qualifier, with_unit(target.value, target.unit)]))
        values.append(f"{target.name}: {value}" if target is not indicator and target.name
                      else value)
    return "; ".join(values) or "—"


def _indicators(directive: Directive) -> dict[str, Indicator]:
    return {_indicator_key(indicator, directive.year): indicator
            for _, indicator in every_indicator(directive)}


def _outline(directive: Directive) -> list[str]:
    """Section titles and numbered or bulleted entries, as "I. Title" style lines."""
    lines = []
    for item in label_body(directive):
        node = item.node
        if isinstance(node, Section):
            text = node.section
        elif isinstance(node, Entry):
            text = node.text
        elif isinstance(node, str) and item.role != "paragraph":
            text = node
        else:
            continue
        lines.append(_generic(text, directive.year))
    return lines


def compare(old: Directive, new: Directive) -> Comparison:
    """What changed from *old* to *new*."""
    old_indicators, new_indicators = _indicators(old), _indicators(new)
    rows = []
    for key in list(old_indicators) + [k for k in new_indicators if k not in old_indicators]:
        before, after = old_indicators.get(key), new_indicators.get(key)
        shown = (after or before)
        name = (shown.text or shown.name).replace("{value}", "…")
        rows.append(IndicatorRow(
            name=name,
            old=_indicator_value(before) if before else None,
            new=_indicator_value(after) if after else None,
            pending=bool(after and after.needs_update),
        ))
    old_outline, new_outline = _outline(old), _outline(new)
    old_shapes, new_shapes = {_shape(l) for l in old_outline}, {_shape(l) for l in new_outline}
    return Comparison(
        old.year, new.year, rows,
        added=[line for line in new_outline if _shape(line) not in old_shapes],
        removed=[line for line in old_outline if _shape(line) not in new_shapes],
    )
